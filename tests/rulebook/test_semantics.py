"""``semantics``: what one rule test means. Whether it holds on values (as the engine compares
them, strictly typed), its three-valued state on partly known values, tied to ``holds`` on
every completion, and the interval a number field can take under tests."""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator, Mapping

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interview_signals import Engine
from interview_signals._observations.vocabulary import VOCABULARY, Value
from interview_signals._rulebook.model import COMPARISONS, OPS, Test
from interview_signals._rulebook.semantics import Interval, holds, interval, same, state_of
from tests.profiles import examples

NUMBERS = tuple(p for p, s in VOCABULARY.items() if s.kind in ("int", "number"))
HOURS, TONE = "thank_you.response_hours", "thank_you.tone"
ACTUAL, SCHEDULED = "interview.actual_minutes", "interview.scheduled_minutes"


def _holds(test: Test, values: Mapping[str, Value | None],
           facts: frozenset[tuple[str, str]] = frozenset()) -> bool:
    return holds(test, values, facts)


class TestHolds:
    def test_equality_is_strictly_typed(self) -> None:
        assert same(1, 1.0)
        assert not same(True, 1)
        assert not same(1, True)
        assert not same("5", 5)
        assert same("warm", "warm")
        assert not same(False, 0)

    def test_each_operator_holds_as_compiled(self) -> None:
        assert _holds(Test(path=HOURS, op="unknown"), {})
        assert not _holds(Test(path=HOURS, op="unknown"), {HOURS: 3})
        assert _holds(Test(path=HOURS, op="known"), {HOURS: 0})
        assert _holds(Test(path=TONE, op="is_not", value="curt"), {})  # unknown: is not
        assert _holds(Test(path=TONE, op="is_not", value="curt"), {TONE: "warm"})
        assert not _holds(Test(path=TONE, op="is_not", value="curt"), {TONE: "curt"})
        assert _holds(Test(path=TONE, op="==", value="warm"), {TONE: "warm"})
        assert not _holds(Test(path=TONE, op="==", value="warm"), {})  # unknown: neither
        assert not _holds(Test(path=TONE, op="!=", value="warm"), {})
        assert _holds(Test(path=TONE, op="!=", value="warm"), {TONE: "curt"})
        flag = "tour.office_tour"
        assert not _holds(Test(path=flag, op="==", value=1), {flag: True})  # strictly typed
        for op, x, expected in [("<", 23.5, True), ("<", 24, False), ("<=", 24, True),
                                (">", 24, False), (">", 24.5, True), (">=", 24, True)]:
            assert _holds(Test(path=HOURS, op=op, value=24), {HOURS: x}) is expected, (op, x)
        assert not _holds(Test(path=HOURS, op="<=", value=24), {})
        assert _holds(Test(path=HOURS, op="<=", value=24), {HOURS: 3, TONE: None})

    def test_a_comparison_with_another_field_needs_both_known(self) -> None:
        long = Test(path=ACTUAL, op=">=", other=SCHEDULED, scale=1.2, plus=1)
        assert _holds(long, {ACTUAL: 37, SCHEDULED: 30})  # 37 >= 30 * 1.2 + 1
        assert not _holds(long, {ACTUAL: 36, SCHEDULED: 30})
        assert not _holds(long, {ACTUAL: 37})
        assert not _holds(long, {SCHEDULED: 30})

    def test_a_fact_test_holds_when_that_fact_was_concluded(self) -> None:
        test = Test(fact_kind="signal", fact_id="personal_tour")
        assert _holds(test, {}, frozenset({("signal", "personal_tour")}))
        assert not _holds(test, {}, frozenset({("qualifier", "personal_tour")}))
        assert not _holds(test, {"tour.office_tour": True})


class TestStateOf:
    @pytest.mark.parametrize(("test", "values", "state"), [
        (Test(path="tour.office_tour", op="==", value=True), {}, None),
        (Test(path="tour.office_tour", op="==", value=True), {"tour.office_tour": True}, True),
        (Test(path="tour.office_tour", op="==", value=True), {"tour.office_tour": False}, False),
        (Test(path="tour.office_tour", op="==", value=1), {"tour.office_tour": True}, False),
        (Test(path=TONE, op="is_not", value="automatic"), {}, True),
        (Test(path=TONE, op="is_not", value="automatic"), {TONE: "automatic"}, False),
        (Test(path=TONE, op="known"), {}, None),
        (Test(path=TONE, op="unknown"), {TONE: "warm"}, False),
        (Test(path=ACTUAL, op=">=", value=2000), {}, False),
        (Test(path=ACTUAL, op="==", value=2.5), {}, False),  # no integer equals 2.5
        (Test(path=HOURS, op="==", value=2.5), {}, None),
        (Test(path=HOURS, op=">", value=8760), {}, False),
        (Test(path=HOURS, op="<", value=0.5), {}, None),
        (Test(path=ACTUAL, op=">=", other=SCHEDULED, scale=1.2), {ACTUAL: 1}, False),
        (Test(path=ACTUAL, op=">=", other=SCHEDULED, scale=1.2),
         {ACTUAL: 36, SCHEDULED: 30}, True),
        (Test(path=ACTUAL, op=">=", other=SCHEDULED, scale=1.2), {ACTUAL: 40}, None),
        (Test(path=ACTUAL, op=">", other=SCHEDULED, plus=1439), {}, False),
        (Test(fact_kind="signal", fact_id="personal_tour"), {}, None),
    ])
    def test_a_test_holds_fails_or_waits_on_unknown_fields(
            self, test: Test, values: dict[str, Value], state: bool | None) -> None:
        assert state_of(test)(values) is state


def _value(path: str) -> st.SearchStrategy[Value]:
    """Any valid value of ``path``."""
    spec = VOCABULARY[path]
    if spec.kind == "bool":
        return st.booleans()
    if spec.kind == "choice":
        return st.sampled_from(spec.choices)
    low, high = spec.minimum or 0, spec.maximum or 0
    if spec.kind == "int":
        return st.integers(int(low), int(high))
    return st.one_of(st.integers(int(low), int(high)),
                     st.floats(low, high, allow_nan=False, allow_infinity=False))


def _literal(path: str) -> st.SearchStrategy[Value]:
    """A literal a rule may compare ``path`` with: of its kind, or any number near its
    range for a number field (the parser takes numbers out of range and fractions)."""
    spec = VOCABULARY[path]
    if spec.kind not in ("int", "number"):
        return _value(path)
    low, high = (spec.minimum or 0) - 3, (spec.maximum or 0) + 3
    return st.one_of(st.integers(int(low), int(high)), st.floats(low, high).map(
        lambda x: round(x, 1)), st.sampled_from([spec.minimum or 0, spec.maximum or 0]))


@st.composite
def _tests(draw: st.DrawFn) -> Test:
    """A test of the rule language on an observation field (facts aside: other rules,
    not values, decide those), or one of the default rulebook's."""
    if draw(st.booleans()):
        book = Engine.default().rulebook
        return draw(st.sampled_from([t for r in book.rules for b in r.branches for t in b
                                     if t.fact_kind is None]))
    path = draw(st.sampled_from(list(VOCABULARY)))
    numeric = path in NUMBERS
    op = draw(st.sampled_from(OPS if numeric else ("==", "!=", "is_not", "known",
                                                     "unknown")))
    if op in ("known", "unknown"):
        return Test(path=path, op=op)
    if numeric and op in COMPARISONS and draw(st.booleans()):
        return Test(path=path, op=op, other=draw(st.sampled_from(NUMBERS)),
                    scale=draw(st.sampled_from([0.8, 1.0, 1.2, 1.5])),
                    plus=draw(st.sampled_from([0, 1, -1, 0.5, 30])))
    return Test(path=path, op=op, value=draw(_literal(path)))


def _options(test: Test, path: str, values: Mapping[str, Value], more: list[Value]
             ) -> list[Value | None]:
    """What an unknown ``path`` may become in a completion: unknown still, and values that
    include a witness whenever one exists (every answer of a yes/no or choice field; for a
    number, the ends of its range, the literal and the points where a comparison with the
    other field flips, with their integer neighbours), and some drawn at random."""
    spec = VOCABULARY[path]
    if spec.kind == "bool":
        return [None, True, False]
    if spec.kind == "choice":
        return [None, *spec.choices]
    low, high = float(spec.minimum or 0), float(spec.maximum or 0)
    points = [low, high]
    if isinstance(test.value, int | float) and not isinstance(test.value, bool):
        points.append(float(test.value))
    if test.other is not None:
        known = {p: values[p] for p in test.paths if p in values}
        for p, v in known.items():
            if isinstance(v, int | float) and p != path:
                points.append(float(v) * test.scale + test.plus if p == test.other
                              else (float(v) - test.plus) / test.scale)
    near = [x + d for x in points for d in (-1.0, 0.0, 1.0)] + \
        [float(f(x)) for x in points for f in (math.floor, math.ceil)]
    inside = [x for x in near if low <= x <= high]
    if spec.kind == "int":
        inside = [float(int(x)) for x in inside if x.is_integer()]
    return [None, *inside, *more]


@settings(max_examples=examples(500), deadline=None)
@given(data=st.data(), test=_tests())
def test_the_state_of_a_test_is_holds_on_every_completion(data: st.DataObject,
                                                          test: Test) -> None:
    """On partly known values, a test's state is True exactly when it holds on them, False
    exactly when it holds on no completion of them (each unknown field it reads left
    unknown or given any value), None otherwise. The one allowed approximation: ``==``
    between two fields may be None while no pair of values is equal."""
    paths = test.paths
    known = data.draw(st.fixed_dictionaries({}, optional={p: _value(p) for p in paths}))
    state = state_of(test)(known)
    unknown = [p for p in paths if p not in known]
    more = {p: data.draw(st.lists(_value(p), max_size=3)) for p in unknown}
    holding = [completion for completion in _completions(known, unknown, test, more)
               if holds(test, completion, frozenset())]
    assert (state is True) == holds(test, known, frozenset())
    if state is False:
        assert not holding, holding[0]
    if state is None and not (test.other is not None and test.op == "=="):
        assert holding


def _completions(known: Mapping[str, Value], unknown: list[str], test: Test,
                 more: Mapping[str, list[Value]]) -> Iterator[dict[str, Value | None]]:
    options = [_options(test, p, known, more[p]) for p in unknown]
    for choice in itertools.product(*options):
        yield {**known, **dict(zip(unknown, choice, strict=True))}


class TestInterval:
    def test_a_field_ranges_over_its_vocabulary_range_or_is_its_known_value(self) -> None:
        assert interval(HOURS) == Interval(0.0, 8760.0)
        assert interval(HOURS, values={HOURS: 3}) == Interval(3.0, 3.0)
        assert interval(TONE) is None
        assert interval(HOURS, values={HOURS: "3"}) is None

    def test_tests_narrow_it_with_open_and_closed_ends(self) -> None:
        tests = [Test(path=HOURS, op=">", value=2), Test(path=HOURS, op="<=", value=24),
                 Test(path=HOURS, op="!=", value=5), Test(path=TONE, op="==", value="warm")]
        assert interval(HOURS, tests) == Interval(2.0, 24.0, True, False)
        assert interval(HOURS, [Test(path=HOURS, op="==", value=24),
                                Test(path=HOURS, op="<", value=24)]).is_empty  # type: ignore[union-attr]

    def test_an_integer_field_keeps_only_integers(self) -> None:
        assert interval(ACTUAL, [Test(path=ACTUAL, op=">", value=2.5),
                                 Test(path=ACTUAL, op="<", value=10)]) == Interval(3.0, 9.0)
        assert interval(ACTUAL, [Test(path=ACTUAL, op=">", value=9),
                                 Test(path=ACTUAL, op="<", value=10)]).is_empty  # type: ignore[union-attr]


@settings(max_examples=examples(300), deadline=None)
@given(data=st.data(), path=st.sampled_from(NUMBERS))
def test_an_empty_interval_is_one_no_value_passes(data: st.DataObject, path: str) -> None:
    """The interval the tests leave a field is empty exactly when no value of the field
    passes every test."""
    tests = data.draw(st.lists(st.builds(
        Test, path=st.just(path), op=st.sampled_from(["==", "<", "<=", ">", ">="]),
        value=_literal(path)), min_size=1, max_size=3))
    spec = VOCABULARY[path]
    points = sorted({float(spec.minimum or 0), float(spec.maximum or 0),
                     *(float(t.value) for t in tests)})  # type: ignore[arg-type]
    candidates = points + [(a + b) / 2 for a, b in itertools.pairwise(points)]
    if spec.kind == "int":
        candidates = [float(f(x)) for x in candidates for f in (math.floor, math.ceil)]
    inside = [x for x in candidates if (spec.minimum or 0) <= x <= (spec.maximum or 0)]
    passing = [x for x in inside if all(holds(t, {path: x}, ()) for t in tests)]
    assert interval(path, tests).is_empty == (not passing)  # type: ignore[union-attr]
