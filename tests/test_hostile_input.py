"""Whatever a caller sends, every public entry point raises only ``InterviewSignalsError``
(issue: no input can crash the library with a foreign exception): arbitrary Python objects,
nested structures, hostile mappings and subclasses whose methods lie."""

from __future__ import annotations

import io
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interview_signals import Engine, InterviewSignalsError, Observations, assess
from interview_signals._cli.main import main


class Exploding(Mapping[str, object]):
    """A mapping whose every method raises."""

    def __getitem__(self, key: str) -> object:
        raise RuntimeError("the database went away")

    def __iter__(self) -> Iterator[str]:
        raise RuntimeError("the database went away")

    def __len__(self) -> int:
        raise RuntimeError("the database went away")


class LyingInt(int):
    """An int whose text and comparisons lie."""

    def __str__(self) -> str:
        return '1,"smiles":true'

    __repr__ = __str__

    def __lt__(self, other: object) -> bool:
        return True


class LyingStr(str):
    def __eq__(self, other: object) -> bool:
        return True

    __hash__ = str.__hash__


def _nested(depth: int) -> object:
    value: Any = []
    for _ in range(depth):
        value = [value]
    return value


def _self_referential() -> object:
    loop: list[object] = []
    loop.append(loop)
    return loop


json_like = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=20)

odd_objects = st.sampled_from([
    Exploding(), LyingInt(5), LyingStr("warm"), b"bytes", object(), _nested(5000),
    _self_referential(), float("nan"), 10**400, {1: 2}, {("a",): 1}, frozenset({1}), print,
    {"interview": Exploding()}, {"interview": {"actual_minutes": LyingInt(70)}},
    {"thank_you": {"tone": LyingStr("x")}}, {"tour": {"office_tour": _nested(5000)}},
    {"x" * 100_000: True}, {"tour": {"y" * 100_000: True}}])

anything = json_like | odd_objects | st.dictionaries(
    st.sampled_from(["interview", "tour", "thank_you", "body_language"]),
    st.dictionaries(st.sampled_from(["actual_minutes", "office_tour", "tone", "note_sent",
                                     "smiles", "response_hours"]),
                    json_like | odd_objects, max_size=3), max_size=3)


def _assert_only_library_errors(call: Any, *args: object) -> None:
    message = ""
    try:
        call(*args)
    except InterviewSignalsError as exc:
        message = str(exc)
    assert len(message) < 5000, "a message quotes the input in full"


@given(anything)
def test_assess_raises_only_library_errors(value: object) -> None:
    _assert_only_library_errors(assess, value)


@given(anything)
def test_observations_from_dict_raises_only_library_errors(value: object) -> None:
    _assert_only_library_errors(Observations.from_dict, value)


@given(anything)
def test_session_observe_and_forget_raise_only_library_errors(value: object) -> None:
    session = Engine.default().session()
    _assert_only_library_errors(session.observe, value)
    _assert_only_library_errors(session.forget, value)
    assert session.observations == Observations() or session.observations.values()


@given(anything)
def test_a_saved_session_of_any_shape_raises_only_library_errors(value: object) -> None:
    _assert_only_library_errors(Engine.default().session, value)
    _assert_only_library_errors(Engine.default().session,
                         {"format": "interview-signals/session", "version": 1,
                          "observations": value})


@given(anything)
def test_render_raises_only_library_errors(value: object) -> None:
    result = assess({"tour": {"office_tour": True}})
    _assert_only_library_errors(result.render, value)


@given(anything)
def test_from_paths_raises_only_library_errors(value: object) -> None:
    _assert_only_library_errors(Engine.from_paths, value)


@pytest.mark.parametrize("path", ["a\0b", "", "/nonexistent/pack", "/dev/null", "/proc/self"])
def test_odd_pack_paths_are_rule_problems(path: str) -> None:
    _assert_only_library_errors(Engine.from_paths, path)


def test_a_link_loop_as_a_pack_is_a_rule_problem(tmp_path: Path) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    _assert_only_library_errors(Engine.from_paths, loop)
    out, err = io.StringIO(), io.StringIO()
    assert main(["check-rules", str(loop)], stdout=out, stderr=err) == 1


@pytest.mark.parametrize("text", ["a = " + "[" * 2000 + "]" * 2000,
                                  "a = " + "{b = " * 2000 + "1" + "}" * 2000,
                                  "[[rule]]\nid = 3\n", "\0", "[rule]\n"])
def test_check_rules_reports_any_toml_as_problems(tmp_path: Path, text: str) -> None:
    pack = tmp_path / "pack.toml"
    pack.write_text(text, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert main(["check-rules", str(pack)], stdout=out, stderr=err) == 1
    assert "Traceback" not in out.getvalue() + err.getvalue()
    _assert_only_library_errors(Engine.from_paths, pack)
