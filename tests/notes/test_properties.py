"""Principles of reading notes, for any text: it never fails, it states only what the
vocabulary accepts together, every proposal points at the words behind it, and its JSON
fits the published schema."""

from __future__ import annotations

import jsonschema
from hypothesis import example, given, settings
from hypothesis import strategies as st

from interview_signals import Engine
from interview_signals._observations import check_values
from interview_signals._schema.catalog import schema
from tests.profiles import examples

SCHEMA = jsonschema.Draft202012Validator(schema("notes-reading"))

# Pieces of notes that exercise the reader: phrases, cues, numbers, quotes and punctuation.
PIECES = ["No tour", "I think she nodded", "?", "??", ".", ",", " ", "\n", "'", '"',
          "my friend got a tour", "if they invite me back", "I'll send a thank-you",
          "Sent a thank-you at 5pm Monday", "reply came Wednesday 9am", "so warm",
          "curt", "automated", "no reply", "panel of three", "45 min slot",
          "ran 20 minutes over", "9 to 9:30, walked out at 10:05", "no wait, it was 40 minutes",
          "an hour and a half", "didn't", "never asked where else I was interviewing",
          "asked if I'd take the job", "'you'd be leading'", "bang on time", "_____",
          "called two engineers in to meet me", "nothing booked", "invited me back",
          "scheduled on the spot", "not sure", "like that with everyone", "İ", "ß", "\ud800"]

notes = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=40)
    .map("".join))


@settings(max_examples=examples(300), deadline=None)
@given(notes)
@example("Mon: sent thank-you at 5pm.\nWed 9am: reply!! So warm, I could cry.")
@example("'" * 50 + "no tour" + '"' * 3)
@example("\ud800 no tour \udfff")
def test_any_text_reads_into_a_valid_reading(text: str) -> None:
    """Whatever the note, the reading is a valid, contradiction-free observation document
    whose stated proposals are exactly its observations, and whose evidence is in the note."""
    reading = Engine.default().read_notes(text)
    check_values(reading.observations)  # raises if invalid or contradictory
    SCHEMA.validate(reading.to_dict())
    stated = {p.path: p.value for p in reading.stated}
    assert {f"{g}.{f}": v for g, fields in reading.observations.items()
            for f, v in fields.items()} == stated
    assert len({p.path for p in reading.stated}) == len(reading.stated)
    spans = [p.evidence for p in reading.proposals] + [s.evidence for s in reading.set_aside]
    for evidence in spans:
        assert 0 <= evidence.start < evidence.end <= len(text)
        assert len(evidence.words) == evidence.end - evidence.start
    reading.to_json()  # writable, lone surrogates and all


@settings(max_examples=examples(100), deadline=None)
@given(notes, notes)
def test_the_same_note_always_reads_the_same(
        first: str, second: str) -> None:
    """Reading is deterministic: the same note gives the same reading."""
    text = first + "\n\n" + second
    assert Engine.default().read_notes(text) == Engine.default().read_notes(text)
