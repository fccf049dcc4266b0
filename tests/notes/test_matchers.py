"""Phrases compiled to patterns: whole words, alternatives, prefixes, optional words, gaps,
slots and the index that picks the phrases worth running on a note."""

from __future__ import annotations

import pytest

from interview_signals._notes.lexicon import resolve_word
from interview_signals._notes.matchers import Index, Matcher, note_keys
from interview_signals._notes.text import normalise
from interview_signals._rulebook import (
    FieldPhrases,
    Inflection,
    NotesBook,
    Phrase,
    Word,
    parse_phrase,
)


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
    ("told (it'd|it would) be", "told it would be, told it'd be, told it be, told would be",
     ["told it would be", "told it'd be"]),
    ("[a guy|a girl] said", "a girl said, a guy said, said, a said",
     ["a girl said", "a guy said", "said", "said"]),
    ("(lots of|plenty of) nod*", "lots of nodding, plenty nods", ["lots of nodding"]),
])
def test_a_phrase_matches_whole_words_as_written(phrase: str, text: str,
                                                 found: list[str]) -> None:
    assert _found(phrase, text) == found


def test_a_group_of_several_words_is_one_position_and_an_open_one_is_refused() -> None:
    phrase = _phrase("asked (if i|whether i) want~ it")
    assert [getattr(p, "alternatives", p) for p in phrase.parts] == [
        ("asked",), ("if i", "whether i"), ("want",), ("it",)]
    problems: list[str] = []
    assert parse_phrase("told (it'd|it would be", "test", problems.append) is None
    assert "(a b|c)" in problems[0]


def test_a_lemma_inside_a_group_is_inflected_word_by_word() -> None:
    book = NotesBook(inflection=Inflection(endings=("s", "ed", "ing")))
    group = _phrase("(walk~ me round|show~)").parts[0]
    assert isinstance(group, Word)
    word = resolve_word(group, book)
    assert {"walked me round", "walking me round", "showed", "shows"} <= set(word.alternatives)


def test_a_sentence_start_phrase_marks_itself() -> None:
    assert _phrase("^ is that").at_start


def test_the_index_offers_only_phrases_whose_key_word_the_note_holds() -> None:
    matchers = [Matcher(_phrase(p), OWNER) for p in ("tour", "nod*", "1:1")]
    keys = note_keys(normalise("She nodded a lot"), [0])
    offered = [m.phrase.text for m in Index(matchers).candidates(keys)]
    assert offered == ["nod*", "1:1"]  # 1:1 is no plain word: always tried


def test_the_keys_name_the_sentences_that_hold_them() -> None:
    text = normalise("She nodded. No tour. Nodding again")
    keys = note_keys(text, [0, 12, 21])
    assert keys["nodded "] == {0}
    assert keys["nod"] == {0, 2}
    assert keys["tour "] == {1}


def test_a_long_word_yields_only_the_beginnings_a_phrase_may_need() -> None:
    # every beginning of a 100,000-letter word would take some 5 GB
    keys = note_keys("x" * 100_000, [0], longest=9)
    assert set(keys) == {"x" * 100_000 + " "} | {"x" * i for i in range(1, 10)}
