"""The quick routes taken for speed agree with the plain ones they stand for.

- The engine session is reused between assessments, emptied by retracting every fact; it
  must be empty after each assessment and give the firings a fresh session gives.
- ``Assessment.to_dict()`` is built straight from the firings; it must equal the JSON form
  of the objects (``explanation_dict``).
- Missing evidence uses precompiled tests; each must agree with ``holds``. Signals whose
  branches are each one test of one field take a shortcut; it must give what the plain walk
  gives.
- ``check_values`` has a quick route for plain valid input; it must return what the full
  route returns and raise the very same error for anything else.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interview_signals import Engine, ObservationError
from interview_signals._assessment import explanation_dict
from interview_signals._native import engine_module as durable_rules_engine
from interview_signals._observations import VOCABULARY, check_values, parse_values
from interview_signals._observations import _check_contradictions as check_contradictions
from interview_signals._scoring import _missing, holds, holds_function, missing_plan

from .strategies import Nested, corruptions, field_values, observation_values, observations


def firings(engine: Engine, data: Nested) -> list[tuple[str, bool]]:
    return [(rule.name, asserted) for rule, asserted in engine._run(check_values(data))]


@pytest.fixture(scope="module")
def fresh_engine() -> Engine:
    """An engine of its own, for tests that break its engine session on purpose."""
    return Engine.from_paths()


def session_facts(engine: Engine) -> list[Any]:
    return list(json.loads(durable_rules_engine.get_facts(engine._handle, engine._sid)))


class TestReusedEngineSession:
    @given(first=observations(), second=observations())
    def test_a_reused_session_fires_as_a_fresh_one_does(
            self, pack_engine: Engine, first: Nested, second: Nested) -> None:
        pack_engine.assess(first)
        reused = firings(pack_engine, second)
        pack_engine._drop_session()  # the next run starts from a brand new engine session
        assert firings(pack_engine, second) == reused

    @given(data=observations())
    def test_the_session_holds_no_fact_after_an_assessment(
            self, pack_engine: Engine, data: Nested) -> None:
        pack_engine.assess(data).to_dict()
        assert session_facts(pack_engine) == []

    def test_the_same_session_id_serves_assessment_after_assessment(
            self, fresh_engine: Engine) -> None:
        sid = fresh_engine._sid
        for data in ({"tour": {"office_tour": True}}, {}, {"thank_you": {"note_sent": True}}):
            fresh_engine.assess(data)
        assert fresh_engine._sid == sid

    def test_a_retraction_the_engine_does_not_confirm_drops_the_session(
            self, fresh_engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
        data = {"tour": {"office_tour": True}, "interest": {"asked_if_interested": True}}
        expected = fresh_engine.assess(data).to_dict()
        sid = fresh_engine._sid
        with monkeypatch.context() as patch:
            patch.setattr("interview_signals._engine._durable.retract_fact",
                          lambda handle, fact: (1, 0))  # "not handled": nothing was taken out
            assert fresh_engine.assess(data).to_dict() == expected
        assert fresh_engine._sid != sid  # the doubtful session was deleted, not reused
        assert fresh_engine.assess(data).to_dict() == expected
        assert session_facts(fresh_engine) == []


class TestDictStraightFromFirings:
    @given(data=observations())
    def test_to_dict_equals_the_json_form_of_the_objects(
            self, pack_engine: Engine, data: Nested) -> None:
        fast = pack_engine.assess(data)
        slow = pack_engine.assess(data)
        objects = {"signals": slow.signals, "advice": slow.advice, "missing": slow.missing,
                   "trace": slow.trace, "summary": slow.summary}
        assert objects["signals"] is slow.signals  # built once, then kept
        assert fast.to_dict() == {"verdict": slow.verdict,
                                  "confidence": round(slow.confidence, 4),
                                  **explanation_dict(slow.explanation)}

    def test_each_to_dict_call_returns_fresh_data(self, engine: Engine) -> None:
        result = engine.assess({"tour": {"office_tour": True}})
        first = result.to_dict()
        first["signals"][0]["because"].append("changed")  # type: ignore[index]
        assert result.to_dict() != first


class TestPrecompiledTests:
    @given(data=st.data())
    def test_every_precompiled_test_agrees_with_holds(
            self, pack_engine: Engine, data: st.DataObject) -> None:
        tests = [t for r in pack_engine.rulebook.rules for b in r.branches for t in b]
        values = data.draw(observation_values())
        for test in tests:
            assert holds_function(test)(values) == holds(test, values), test

    @given(path=st.sampled_from(tuple(VOCABULARY)), data=st.data())
    def test_precompiled_tests_agree_on_every_field_value(
            self, pack_engine: Engine, path: str, data: st.DataObject) -> None:
        values = {path: data.draw(field_values(path))}
        for rule in pack_engine.rulebook.rules:
            for test in (t for b in rule.branches for t in b if t.path == path):
                assert holds_function(test)(values) == holds(test, values), test


    @given(data=st.data())
    def test_the_missing_evidence_shortcut_agrees_with_the_plain_walk(
            self, pack_engine: Engine, data: st.DataObject) -> None:
        signals = pack_engine.rulebook.of_kind("signal")
        quick, plain = missing_plan(signals), missing_plan(signals, shortcuts=False)
        assert any(single is not None for _, single, _ in quick)  # the shortcut is taken
        values = data.draw(observation_values())
        fired = set(data.draw(st.lists(st.sampled_from([s.id for s in signals]))))
        assert _missing(quick, values, fired) == _missing(plain, values, fired)


def full_route(data: object) -> dict[str, Any]:
    values = parse_values(data)
    check_contradictions(values)
    return {p: values[p] for p in VOCABULARY if p in values}


def outcome(route: Any, data: object) -> object:
    try:
        return route(data)
    except ObservationError as exc:
        return ("error", exc.path, exc.expected, exc.got, str(exc))


ODD_INPUTS = [
    {"interview": {"scheduled_minutes": True}}, {"interview": {"scheduled_minutes": 45.0}},
    {"thank_you": {"tone": "Warm"}}, {"thank_you": {"response_hours": float("nan")}},
    {"thank_you": {"note_sent": 1}}, {"tour": None}, {"tour": {"office_tour": None}},
    {"tour": {"office_tour": True, "extra": 1}}, {1: {}}, [], "x", None,
    {"thank_you": {"note_sent": False, "response_received": True}},
    {"thank_you": {"response_received": True, "note_sent": True,
                   "references_specifics": True, "tone": "automatic"}},
]


class TestQuickValidation:
    @given(data=observations())
    def test_valid_input_gives_what_the_full_route_gives(self, data: Nested) -> None:
        result = check_values(data)
        assert result == full_route(data)
        assert list(result) == list(full_route(data))  # vocabulary order too

    @given(corruption=corruptions())
    def test_bad_input_raises_the_error_the_full_route_raises(self, corruption: Any) -> None:
        assert outcome(check_values, corruption.observations) == outcome(
            full_route, corruption.observations)

    @pytest.mark.parametrize("data", ODD_INPUTS, ids=repr)
    def test_odd_input_is_treated_as_the_full_route_treats_it(self, data: object) -> None:
        assert outcome(check_values, data) == outcome(full_route, data)

    @given(data=observations(), randomness=st.randoms(use_true_random=False))
    def test_input_in_any_order_comes_back_in_vocabulary_order(
            self, data: Nested, randomness: Any) -> None:
        groups = list(data.items())
        randomness.shuffle(groups)
        shuffled: dict[str, Any] = {}
        for group, fields in groups:
            items = list(fields.items())
            randomness.shuffle(items)
            shuffled[group] = dict(items)
        assert list(check_values(shuffled).items()) == list(full_route(data).items())
