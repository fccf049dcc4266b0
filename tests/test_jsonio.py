"""_jsonio: reading JSON with every failure as UnreadableJSON, and error rows."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interview_signals._jsonio import (
    UnreadableJSON,
    dump_json,
    error_line,
    load_json,
)


@given(st.text(max_size=50))
def test_load_json_fails_only_with_unreadable_json(text: str) -> None:
    reason = "read"
    try:
        load_json(text)
    except UnreadableJSON as exc:  # anything else fails the test
        reason = exc.reason
    assert reason


@pytest.mark.parametrize(("text", "reason"), [
    ('{"a": 1, "a": 2}', "the key \"a\" appears twice in one object"),
    ("[" * 100_000 + "]" * 100_000, "cannot read the JSON: nested too deeply"),
    ("1" * 5000, "cannot read the JSON: a number has more than 4300 digits"),
    ("{", "not valid JSON: Expecting property name enclosed in double quotes"),
])
def test_load_json_names_what_is_wrong(text: str, reason: str) -> None:
    with pytest.raises(UnreadableJSON, match="^" + reason.replace("[", r"\[")):
        load_json(text)


def test_an_error_row_with_a_lone_surrogate_is_written_escaped() -> None:
    assert error_line({"line": 1, "error": "é"}) == '{"line":1,"error":"é"}'
    assert error_line({"error": "\ud800"}) == '{"error":"\\ud800"}'


def _containers(inner: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    return st.lists(inner) | st.dictionaries(st.text(), inner)


@given(st.recursive(st.none() | st.booleans() | st.integers(-2**63, 2**63 - 1)
                    | st.text(st.characters(codec="utf-8")), _containers, max_leaves=20))
def test_dump_json_reads_back_as_what_was_written(data: object) -> None:
    assert json.loads(dump_json(data)) == data
    assert json.loads(dump_json(data, indent=2)) == data
