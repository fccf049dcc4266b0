"""``_evaluate``: the compiled rulebook evaluated in plain Python, the search space of the
consultation and the what-if. Its rules fired, verdict and confidence are the engine's (what
one test means is ``tests/rulebook/test_semantics.py``'s); its validity is the vocabulary's."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from interview_signals import Engine, ObservationError, Observations
from interview_signals._assessment.scoring import confidence
from interview_signals._consultation.search.evaluator import (
    Evaluator,
    fired,
    merge,
    valid,
)
from interview_signals._observations.vocabulary import VOCABULARY, Value
from tests.profiles import examples
from tests.strategies import nest, observation_values


@settings(max_examples=examples(150), deadline=None)
@given(values=observation_values())
def test_the_evaluator_agrees_with_the_engine(values: dict[str, Value]) -> None:
    engine = Engine.default()
    ev = Evaluator(engine.rulebook)
    result = engine.assess(nest(values))
    ids = {s.id for s in result.signals} | {q.id for s in result.signals for q in s.qualifiers}
    got = fired(ev.rules, values)
    assert got == ids | (got & {a.id for a in result.advice})
    assert ev.verdict(got) == result.verdict


@settings(max_examples=examples(100), deadline=None)
@given(values=observation_values())
def test_confidence_and_verdict_are_the_engines_on_each_rule_pack(
        any_engine: Engine, values: dict[str, Value]) -> None:
    """Field group by field group: each field group's outcome, merged into one scoring state."""
    ev = any_engine.consultant().ev
    result = any_engine.assess(nest(values))
    state = (1.0, 1.0, 0)
    for i, group in enumerate(ev.groups):
        known = tuple((p, values[p]) for p in group.paths if p in values)
        state = merge(state, ev.state_of(ev.fixed(i, known)))
    # The products are multiplied in field group order here and in sorted order by the
    # scorer: equal up to rounding, which can fall on either side of the sixth decimal
    # (0.721838 against 0.721837, found by the thorough profile).
    assert abs(confidence(state[0], state[1]) - result.confidence) <= 1.5e-6
    assert ev.verdict_of(state) == result.verdict
    assert ev.verdict(fired(ev.rules, values)) == result.verdict


def test_facts_chain_to_a_fixpoint(engine: Engine) -> None:
    """A qualifier fires only with the signal it applies to, whatever the rule order."""
    ev = Evaluator(engine.rulebook)
    values: dict[str, Value] = {"interview.scheduled_minutes": 30,
                                "interview.actual_minutes": 60,
                                "interview.interviewer_count": 1}
    forward = fired(ev.rules, values)
    assert {"interview_ran_long", "single_interviewer"} <= forward
    assert fired(tuple(reversed(ev.rules)), values) == forward
    alone = fired(ev.rules, {"interview.interviewer_count": 1})
    assert "single_interviewer" not in alone


@settings(max_examples=examples(100), deadline=None)
@given(values=st.dictionaries(st.sampled_from(list(VOCABULARY)),
                              st.one_of(st.booleans(), st.sampled_from(["warm", "curt"]),
                                        st.integers(0, 100)), max_size=6))
def test_validity_is_the_vocabularys(values: dict[str, Value]) -> None:
    """Whether the observations contradict each other, as ``Observations`` says (for
    values of the right types and ranges, which ``valid`` does not check)."""
    typed = {p: v for p, v in values.items() if _fits(p, v)}
    try:
        Observations.from_values(typed)
        expected = True
    except ObservationError:
        expected = False
    assert valid(typed) == expected


def _fits(path: str, value: Value) -> bool:
    spec = VOCABULARY[path]
    if spec.kind == "bool":
        return isinstance(value, bool)
    if spec.kind == "choice":
        return value in spec.choices
    return isinstance(value, int) and not isinstance(value, bool) and \
        spec.minimum is not None and spec.maximum is not None and \
        spec.minimum <= value <= spec.maximum


def test_merge() -> None:
    assert merge((0.5, 1.0, 0b01), (0.5, 0.8, 0b10)) == (0.25, 0.8, 0b11)


def test_every_leaf_is_valid_and_fires_its_field_groups_rules(engine: Engine) -> None:
    ev = Evaluator(engine.rulebook)
    for i, group in enumerate(ev.groups):
        seen = 0
        for assigned, weight, outcome in ev.leaves(i, {}):
            seen += 1
            assert set(assigned) <= set(group.paths)
            assert valid(assigned)
            assert 0 < weight <= 1
            assert outcome == fired(group.rules, assigned)
        assert seen
        total = sum(w for w, _ in ev.outcomes(i, ()).values())
        assert 0 < total <= 1 + 1e-9


def test_the_components_unknown_fields_stay_unknown_in_fixed(engine: Engine) -> None:
    ev = Evaluator(engine.rulebook)
    i = ev.group_of["thank_you.tone"]
    known = (("thank_you.note_sent", True), ("thank_you.tone", "warm"))
    assert ev.fixed(i, known) == fired(ev.groups[i].rules, dict(known))
    assert {"thank_you_response", "warm_tone"} <= ev.fixed(i, known)
