"""The note's layout: normalised text of the same length, sentences and quotations."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from interview_signals._notes.text import lay_out, normalise


@given(st.text())
def test_normalising_keeps_every_offset(text: str) -> None:
    assert len(normalise(text)) == len(text)


def test_normalising_lowers_straightens_quotes_and_splits_hyphenated_words() -> None:
    assert normalise("Thank-You \u2018note\u2019 \u201csent\u201d") == "thank you 'note' \"sent\""


def test_a_hyphen_between_digits_stays() -> None:
    assert normalise("45-50k") == "45-50k"


def _sentences(text: str) -> list[str]:
    layout = lay_out(normalise(text))
    return [layout.text[s.start:s.end].strip() for s in layout.sentences]


def test_sentences_end_at_full_stops_question_marks_and_new_lines() -> None:
    assert _sentences("No tour. Did she smile? Yes!\n- panel of three") == [
        "no tour.", "did she smile?", "yes!", "- panel of three"]


def test_a_title_does_not_end_a_sentence() -> None:
    assert _sentences("Wrote to Mr. Haddad today. No reply.") == [
        "wrote to mr. haddad today.", "no reply."]


def test_a_quotation_keeps_its_full_stops_and_ends_the_sentence_it_closes() -> None:
    text = "Ruth replied 'Thanks Ben. Appreciate it.' Is that curt?"
    assert _sentences(text) == ["ruth replied 'thanks ben. appreciate it.'", "is that curt?"]


def test_question_marks_are_counted_outside_quotations() -> None:
    layout = lay_out(normalise("It took an hour?? She asked 'are you keen?' I think so?"))
    assert [s.question_marks for s in layout.sentences] == [2, 0, 1]


def test_an_apostrophe_inside_a_word_opens_no_quotation() -> None:
    layout = lay_out(normalise("She didn't say 'you'd be great' but I'm hopeful."))
    assert [layout.text[a:b] for a, b in layout.quotes] == ["'you'd be great'"]
