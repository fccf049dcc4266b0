"""The ``session`` JSON Schema: generated from the session's constants and the vocabulary,
what every writer of a session file writes (``Session.to_dict``, ``ask -o``; the page's in
tests/service/test_page.py), and exactly what the library's one reader accepts."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from interview_signals import Engine, ObservationError
from interview_signals._cli.main import main
from interview_signals._engine import SESSION_FORMAT, SESSION_KEYS, SESSION_VERSION, read_session
from interview_signals._observations.vocabulary import VOCABULARY
from interview_signals._schema.catalog import schema
from tests.profiles import examples
from tests.strategies import nest, observation_values

SESSION = jsonschema.Draft202012Validator(schema("session"))
PATHS = list(VOCABULARY)


def test_the_schema_is_generated_from_the_session_constants() -> None:
    generated = schema("session")
    jsonschema.Draft202012Validator.check_schema(generated)
    assert list(generated["properties"]) == list(SESSION_KEYS)
    assert generated["properties"]["format"] == {"const": SESSION_FORMAT}
    assert generated["properties"]["version"]["const"] == SESSION_VERSION
    assert generated["properties"]["skipped"]["items"] == {"enum": PATHS}
    assert generated["required"] == ["format", "version", "observations"]
    embedded = {k: v for k, v in schema("observations").items() if k not in ("$id", "$schema")}
    assert generated["$defs"]["Observations"] == embedded


@st.composite
def sessions(draw: st.DrawFn) -> tuple[dict[str, Any], list[str]]:
    """Valid observations and some of the fields they leave unknown, skipped."""
    values = draw(observation_values())
    unknown = [p for p in PATHS if p not in values]
    skipped = draw(st.lists(st.sampled_from(unknown), unique=True)) if unknown else []
    return nest(values), skipped


@settings(max_examples=examples(100), deadline=None)
@given(sessions())
def test_what_a_session_saves_validates(saved: tuple[dict[str, Any], list[str]]) -> None:
    observations, skipped = saved
    session = Engine.default().session()
    session.observe(observations)
    for path in skipped:
        session.skip(path)
    written = session.to_dict()
    SESSION.validate(written)
    assert Engine.default().session(json.loads(json.dumps(written))).to_dict() == written


def test_what_ask_saves_validates(tmp_path: Path) -> None:
    script = tmp_path / "answers.json"
    script.write_text(json.dumps([False, None, True, "skip", "quit"]), encoding="utf-8")
    saved = tmp_path / "saved.json"
    status = main(["ask", "--answers", str(script), "-o", str(saved)],
                  stdin=io.StringIO(""), stdout=io.StringIO(), stderr=io.StringIO())
    assert status == 0
    written = json.loads(saved.read_text(encoding="utf-8"))
    SESSION.validate(written)
    assert len(written["skipped"]) == 2
    assert written == Engine.default().session(written).to_dict()


_JUNK = st.one_of(st.none(), st.booleans(), st.integers(-2, 3), st.text(max_size=8),
                  st.sampled_from(["interview-signals/session", "tour", "tour.office_tour "]),
                  st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=3),
                                                                        st.integers(),
                                                                        max_size=2))


@st.composite
def documents(draw: st.DrawFn) -> object:
    """Saved sessions, most of them broken in one or more ways: a wrong format or version, a
    key left out or added, skipped entries that are no field, twice there, or answered."""
    observations, skipped = draw(sessions())
    answered = [f"{g}.{f}" for g, fields in observations.items() for f in fields]
    doc: dict[str, Any] = {"format": SESSION_FORMAT, "version": SESSION_VERSION,
                           "observations": observations, "skipped": skipped}
    for change in draw(st.lists(st.integers(0, 7), max_size=3)):
        if change == 0:
            doc["format"] = draw(_JUNK)
        elif change == 1:
            doc["version"] = draw(st.one_of(_JUNK, st.sampled_from([2, True, "1", 1.5])))
        elif change == 2:
            doc.pop(draw(st.sampled_from(SESSION_KEYS)), None)
        elif change == 3:
            doc[draw(st.sampled_from(["extra", "Skipped", "answers"]))] = draw(_JUNK)
        elif change == 4:
            doc["skipped"] = draw(st.one_of(_JUNK, st.lists(_JUNK, max_size=3)))
        elif change == 5 and skipped:
            doc["skipped"] = [*skipped, draw(st.sampled_from(skipped))]
        elif change == 6 and answered:
            doc["skipped"] = [*skipped, draw(st.sampled_from(answered))]
        elif change == 7:
            doc["observations"] = draw(_JUNK)
    return doc if draw(st.integers(0, 20)) else draw(_JUNK)


def _library_accepts(document: object) -> bool:
    """Whether the library's reader (what ``engine.session(saved)`` runs) accepts it."""
    try:
        read_session(document)
    except ObservationError:
        return False
    return True


@settings(max_examples=examples(300), deadline=None)
@given(documents())
@example({"format": SESSION_FORMAT, "version": SESSION_VERSION, "observations": {}})
@example({"format": SESSION_FORMAT, "version": SESSION_VERSION, "observations": {},
          "skipped": ["tour.office_tour", "tour.office_tour"]})
@example({"format": SESSION_FORMAT, "version": SESSION_VERSION,
          "observations": {"tour": {"office_tour": None}}, "skipped": ["tour.office_tour"]})
@example({"format": SESSION_FORMAT, "version": SESSION_VERSION,
          "observations": {"tour": {"office_tour": False}}, "skipped": ["tour.office_tour"]})
@example({"format": SESSION_FORMAT, "version": SESSION_VERSION,
          "observations": {"tour": None}, "skipped": ["tour.office_tour"]})
@example({"format": SESSION_FORMAT, "version": SESSION_VERSION})
@example([])
def test_the_library_reads_exactly_what_the_schema_accepts(document: object) -> None:
    """Every document the schema accepts, the library restores; every other it refuses with
    an ObservationError naming the paths (1.0 for 1 aside: JSON Schema cannot tell them
    apart, and the schema says to write 1)."""
    assert SESSION.is_valid(document) == _library_accepts(document), document


@pytest.mark.parametrize("document", [
    {"format": SESSION_FORMAT, "version": SESSION_VERSION, "observations": {},
     "skipped": ["nope"]},
    {"format": SESSION_FORMAT, "version": SESSION_VERSION, "observations": []},
])
def test_a_refused_document_is_refused_by_both(document: dict[str, Any]) -> None:
    assert not SESSION.is_valid(document)
    assert not _library_accepts(document)
