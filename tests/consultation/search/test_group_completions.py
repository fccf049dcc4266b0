"""``_local``: one field group's completions given its known answers, and what a question on
one of its fields can do. The one-pass route (``_at_once``) agrees with enumerating each
field last (``_contexts_of``) and with ``Evaluator.outcomes``."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interview_signals import Engine
from interview_signals._consultation.search.evaluator import Evaluator, valid
from interview_signals._consultation.search.group_completions import Local, _contexts_of
from interview_signals._observations.vocabulary import Value
from tests.profiles import examples
from tests.strategies import observation_values

ENGINE = Engine.default()
EV = Evaluator(ENGINE.rulebook)


def _local(index: int, values: dict[str, Value]) -> Local:
    known = tuple((p, values[p]) for p in EV.groups[index].paths if p in values)
    return Local(EV, index, known)


@settings(max_examples=examples(40), deadline=None)
@given(values=observation_values(), data=st.data())
def test_the_two_routes_to_a_components_completions_agree(values: dict[str, Value],
                                                          data: st.DataObject) -> None:
    index = data.draw(st.sampled_from(range(len(EV.groups))))
    loc = _local(index, values)
    expected = EV.outcomes(index, loc.known)
    assert set(loc.dist) == set(expected)
    for outcome, (weight, witness) in loc.dist.items():
        assert weight == pytest.approx(expected[outcome][0])
        assert EV.fixed(index, witness) == outcome  # the witness reaches its outcome
    assert loc.states == {EV.state_of(o) for o in expected}
    for path in loc.free:
        assert loc.contexts(path) == _contexts_of(EV, index, dict(loc.known), path), path


def test_a_field_is_relevant_when_the_rest_tells_its_states_apart() -> None:
    index = EV.group_of["thank_you.tone"]
    loc = _local(index, {"thank_you.note_sent": True})
    assert loc.contexts("thank_you.tone")
    assert loc.relevant("thank_you.tone", {s: s for s in loc.states})
    assert not loc.relevant("thank_you.tone", dict.fromkeys(loc.states, "same"))
    verdicts = {s: EV.verdict_of(s) for s in loc.states}  # this field group alone
    assert loc.relevant("thank_you.tone", verdicts)


def test_a_field_no_answer_can_move_has_no_contexts() -> None:
    """With no note sent, nothing about a reply can be answered: nothing to ask."""
    index = EV.group_of["thank_you.tone"]
    loc = _local(index, {"thank_you.note_sent": False})
    assert len(loc.states) == 1
    for path in loc.free:
        assert loc.contexts(path) == frozenset()
        assert not loc.relevant(path, {s: s for s in loc.states})


@pytest.mark.parametrize("path", ["thank_you.tone", "thank_you.response_hours",
                                  "interview.actual_minutes", "tour.people_called_in"])
def test_each_answer_leads_to_some_of_the_components_states(path: str) -> None:
    index = EV.group_of[path]
    values: dict[str, Value] = {"thank_you.note_sent": True, "interview.scheduled_minutes": 30}
    loc = _local(index, values)
    answers = loc.answers(path, values)
    assert answers
    assert len({c.value for c, _, _ in answers}) == len(answers)
    for cand, states, outcomes in answers:
        assert valid({**dict(loc.known), path: cand.value})
        assert sum(share for _, share, _ in states) == pytest.approx(1.0)
        assert {s for s, _, _ in states} <= loc.states
        assert outcomes <= set(loc.dist)
        for state, _, witness in states:
            assert dict(witness)[path] == cand.value
            assert EV.state_of(EV.fixed(index, witness)) == state
    assert loc.answers(path, values) is answers  # remembered
