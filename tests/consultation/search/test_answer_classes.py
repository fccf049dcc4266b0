"""``_classes``: one representative value per answer class of a field, from the rulebook's
literals, bounds and two-field comparisons. Two answers in one class give the same
assessment; the classes of a number cover its whole range, each value in exactly one."""

from __future__ import annotations

from collections.abc import Mapping

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interview_signals import Engine
from interview_signals._consultation.search.answer_classes import AnswerClasses, Candidate
from interview_signals._observations.vocabulary import VOCABULARY, Value
from tests.profiles import examples
from tests.strategies import nest

NUMBERS = [p for p, s in VOCABULARY.items() if s.kind in ("int", "number")]
SCHEDULED, ACTUAL = "interview.scheduled_minutes", "interview.actual_minutes"
HOURS, COUNT = "thank_you.response_hours", "interview.interviewer_count"
REPLY: dict[str, Value] = {"thank_you.note_sent": True, "thank_you.response_received": True,
                           "thank_you.tone": "warm"}
"""A reply recorded, so that its timing counts."""


def contains(cand: Candidate, x: float) -> bool:
    """Whether ``x`` lies in the interval ``cand`` stands for."""
    assert cand.low is not None
    assert cand.high is not None
    above = cand.low < x or (cand.low_closed and x == cand.low)
    below = x < cand.high or (cand.high_closed and x == cand.high)
    return above and below


def reading(engine: Engine, values: Mapping[str, Value]) -> tuple[object, ...]:
    """What an assessment concludes, whatever the values it was given."""
    a = engine.assess(nest(dict(values)))
    return (a.verdict, a.confidence,
            tuple((s.id, s.strength, tuple(q.id for q in s.qualifiers)) for s in a.signals),
            tuple(x.id for x in a.advice))


def test_a_boolean_and_a_choice_are_each_their_own_classes(engine: Engine) -> None:
    classes = AnswerClasses(engine.rulebook)
    assert [c.value for c in classes.of("tour.office_tour", {})] == [True, False]
    assert [c.value for c in classes.of("thank_you.tone", {})] == \
        list(VOCABULARY["thank_you.tone"].choices)


def test_a_number_splits_at_its_literals_and_bounds(engine: Engine) -> None:
    hours = AnswerClasses(engine.rulebook).of(HOURS, {})
    assert [(c.low, c.high, c.low_closed, c.high_closed) for c in hours] == [
        (0, 0, True, True), (0, 24, False, False), (24, 24, True, True),
        (24, 8760, False, False), (8760, 8760, True, True)]
    assert all(contains(c, float(c.value)) for c in hours)
    count = AnswerClasses(engine.rulebook).of(COUNT, {})
    assert [c.value for c in count] == [1, 2, 50]  # == 1, else 2 to 50
    assert all(isinstance(c.value, int) for c in count)


def test_a_rule_pack_with_another_threshold_gives_other_classes(
        engine: Engine, coach_pack_engine: Engine) -> None:
    """The coach's pack counts a reply within 48 hours as quick, not 24."""
    def points(e: Engine) -> set[float | None]:
        return {c.low for c in AnswerClasses(e.rulebook).of(HOURS, {}) if c.low == c.high}

    assert points(engine) == {0, 24, 8760}
    assert points(coach_pack_engine) == {0, 48, 8760}


def test_a_compared_field_splits_where_the_comparison_flips(engine: Engine) -> None:
    """Actual against scheduled minutes: a fifth over (36 of 30) runs long, a fifth under
    (24 of 30) ended early; the classes follow the other field's value."""
    classes = AnswerClasses(engine.rulebook)
    assert {24, 36} <= {c.value for c in classes.of(ACTUAL, {SCHEDULED: 30})}
    assert {48, 72} <= {c.value for c in classes.of(ACTUAL, {SCHEDULED: 60})}
    assert 36 not in {c.value for c in classes.of(ACTUAL, {SCHEDULED: 60})}
    assert 30 in {c.value for c in classes.of(SCHEDULED, {ACTUAL: 36})}
    # unknown partner: the flips at each of the partner's own boundaries
    assert len(classes.of(ACTUAL, {})) > len(classes.of(ACTUAL, {SCHEDULED: 30}))


def test_classes_of_an_unlinked_field_are_built_once(engine: Engine) -> None:
    classes = AnswerClasses(engine.rulebook)
    assert classes.of(HOURS, {}) is classes.of(HOURS, {SCHEDULED: 30})
    assert HOURS not in classes.relations
    assert {SCHEDULED, ACTUAL} <= set(classes.relations)


@settings(max_examples=examples(60), deadline=None)
@given(data=st.data())
def test_every_value_of_a_number_lies_in_exactly_one_class(any_engine: Engine,
                                                           data: st.DataObject) -> None:
    path = data.draw(st.sampled_from(NUMBERS))
    spec = VOCABULARY[path]
    assert spec.minimum is not None
    assert spec.maximum is not None
    given_: dict[str, Value | None] = {}
    if path in (SCHEDULED, ACTUAL) and data.draw(st.booleans()):
        other = ACTUAL if path == SCHEDULED else SCHEDULED
        given_[other] = data.draw(st.integers(1, 1440))
    if spec.kind == "int":
        x: float = data.draw(st.integers(int(spec.minimum), int(spec.maximum)))
    else:
        x = data.draw(st.floats(spec.minimum, spec.maximum))
    cands = AnswerClasses(any_engine.rulebook).of(path, given_)
    assert sum(contains(c, x) for c in cands) == 1, (path, x, given_)


CASES: list[tuple[str, dict[str, Value]]] = [
    (HOURS, REPLY),
    (HOURS, {**REPLY, "thank_you.tone": "automatic"}),
    (COUNT, {SCHEDULED: 30, ACTUAL: 60}),
    (ACTUAL, {SCHEDULED: 30, COUNT: 1}),
    (SCHEDULED, {ACTUAL: 36, COUNT: 1}),
]


@pytest.mark.parametrize(("path", "base"), CASES)
@settings(max_examples=examples(15), deadline=None)
@given(data=st.data())
def test_every_value_of_a_class_gives_the_same_assessment(
        any_engine: Engine, path: str, base: dict[str, Value], data: st.DataObject) -> None:
    """A value drawn anywhere in a class reads as its representative does (the engine)."""
    cands = AnswerClasses(any_engine.rulebook).of(path, base)
    cand = data.draw(st.sampled_from(cands))
    assert cand.low is not None
    assert cand.high is not None
    if VOCABULARY[path].kind == "int":
        lo = int(cand.low) if cand.low_closed else int(cand.low) + 1
        hi = int(cand.high) if cand.high_closed else int(cand.high) - 1
        x: Value = data.draw(st.integers(lo, hi))
    else:
        x = data.draw(st.floats(cand.low, cand.high, exclude_min=not cand.low_closed,
                                exclude_max=not cand.high_closed))
    assert reading(any_engine, {**base, path: x}) == \
        reading(any_engine, {**base, path: cand.value})


def test_neighbouring_classes_can_read_differently(engine: Engine) -> None:
    """The split is not arbitrary: just past the quick-reply threshold reads otherwise."""
    classes = AnswerClasses(engine.rulebook).of(HOURS, REPLY)
    readings = {reading(engine, {**REPLY, HOURS: c.value}) for c in classes}
    assert len(readings) == 2  # quick (0 to 24) or not
