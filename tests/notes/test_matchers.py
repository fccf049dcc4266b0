"""Phrases compiled to patterns: whole words, alternatives, prefixes, optional words, gaps,
slots and the index that picks the phrases worth running on a note."""

from __future__ import annotations

import pytest

from interview_signals._notes.matchers import Index, Matcher, note_words
from interview_signals._notes.text import normalise
from interview_signals._rulebook import FieldPhrases, Phrase, parse_phrase


def _phrase(text: str, slots: tuple[str, ...] = ()) -> Phrase:
    problems: list[str] = []
    phrase = parse_phrase(text, "test", problems.append, slots=slots)
    assert phrase is not None, problems
    return phrase


OWNER = FieldPhrases(path="tour.office_tour", value=True, phrases=())


def _found(phrase: str, text: str) -> list[str]:
    norm = normalise(text)
    return [norm[f.start:f.end] for f in Matcher(_phrase(phrase), OWNER).find(norm)]


@pytest.mark.parametrize(("phrase", "text", "found"), [
    ("tour", "a tour, a detour, tours", ["tour"]),
    ("nod*", "she nodded, then nods; unod", ["nodded", "nods"]),
    ("show* me around|round", "showed me round and shows me around", ["showed me round",
                                                                       "shows me around"]),
    ("booked [for] an hour", "booked an hour, booked for an hour",
     ["booked an hour", "booked for an hour"]),
    ("sent ... thank*", "sent my first thank-you", ["sent my first thank"]),
    ("sent ... thank*", "sent one two three four five thank you", []),
    ("didn't reply", "he didnt reply", ["didnt reply"]),
    ("thank-you note", "thank you note", ["thank you note"]),
    ("don", "don't", []),
])
def test_a_phrase_matches_whole_words_as_written(phrase: str, text: str,
                                                 found: list[str]) -> None:
    assert _found(phrase, text) == found


def test_a_sentence_start_phrase_marks_itself() -> None:
    assert _phrase("^ is that").at_start


def test_the_index_offers_only_phrases_whose_key_word_the_note_holds() -> None:
    matchers = [Matcher(_phrase(p), OWNER) for p in ("tour", "nod*", "1:1")]
    words, prefixes = note_words(normalise("She nodded a lot"))
    offered = [m.phrase.text for m in Index(matchers).candidates(words, prefixes)]
    assert offered == ["nod*", "1:1"]  # 1:1 is no plain word: always tried
