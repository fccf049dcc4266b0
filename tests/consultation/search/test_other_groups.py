"""``_rest``: every other field group's completions combined into what the verdict reads of
them. Checked against the plain product of the field groups' outcomes: the weights of each
verdict, a witness per verdict, and signatures equal exactly when the verdicts are."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from interview_signals import Engine
from interview_signals._assessment.scoring import confidence
from interview_signals._consultation.search.evaluator import State, merge
from interview_signals._consultation.search.other_groups import (
    Part,
    Rests,
    _first_below,
    combine,
    half,
)
from interview_signals._observations.vocabulary import Value
from tests.profiles import examples
from tests.strategies import observation_values

ENGINE = Engine.default()
CONSULTANT = ENGINE.consultant()
EV = CONSULTANT.ev
LIMIT = 3000
"""The most combinations of the other field groups a test enumerates."""


def _parts(values: dict[str, Value]) -> list[Part]:
    return [CONSULTANT.local(i, values).part for i in range(len(EV.groups))]


def _brute(parts: list[Part], skip: int) -> list[tuple[State, float, tuple[int, ...]]]:
    """Every combination of one outcome per field group but ``skip``: (state, weight, which)."""
    others = [range(len(p)) if i != skip else range(1) for i, p in enumerate(parts)]
    out = []
    for choice in itertools.product(*others):
        state: State = (1.0, 1.0, 0)
        weight = 1.0
        for i, k in enumerate(choice):
            if i != skip:
                state = merge(state, parts[i][k][0])
                weight *= parts[i][k][1]
        out.append((state, weight, choice))
    return out


def _key(f: float, a: float, o: int) -> tuple[float, float, int]:
    """A state's products rounded: the same products multiplied in another order can differ
    in the last bit (found by Hypothesis), which is no difference to the verdict."""
    return round(f, 12), round(a, 12), o


@st.composite
def small(draw: st.DrawFn) -> tuple[dict[str, Value], int]:
    """Observations whose other field groups combine in at most ``LIMIT`` ways, and one
    field group with more than one state."""
    values = draw(observation_values())
    parts = _parts(values)
    several = [i for i, p in enumerate(parts) if len(p) > 1]
    assume(several)
    skip = draw(st.sampled_from(several))
    assume(math.prod(len(p) for i, p in enumerate(parts) if i != skip) <= LIMIT)
    return values, skip


@settings(max_examples=examples(40), deadline=None)
@given(case=small())
def test_combine_merges_every_combination_by_what_the_verdict_reads(
        case: tuple[dict[str, Value], int]) -> None:
    values, skip = case
    parts = _parts(values)
    expected: dict[tuple[float, float, int], float] = {}
    for (f, a, o), w, _ in _brute(parts, skip):
        expected[_key(f, a, o)] = expected.get(_key(f, a, o), 0.0) + w
    got = combine(parts, skip=frozenset({skip}))
    combined: dict[tuple[float, float, int], float] = {}
    for (f, a, o), w, _ in got:
        combined[_key(f, a, o)] = combined.get(_key(f, a, o), 0.0) + w
    assert combined == pytest.approx(expected)
    for state, _, wit in got:  # each witness rebuilds its state
        rebuilt: State = (1.0, 1.0, 0)
        for i, k in wit:
            rebuilt = merge(rebuilt, parts[i][k][0])
        assert rebuilt == pytest.approx(state)


@settings(max_examples=examples(40), deadline=None)
@given(case=small())
def test_a_view_judges_each_state_as_every_combination_does(
        case: tuple[dict[str, Value], int]) -> None:
    values, skip = case
    parts = _parts(values)
    known = [CONSULTANT.known(i, values) for i in range(len(parts))]
    view = Rests(EV).view(parts, known, skip)
    rest = _brute(parts, skip)
    verdicts: dict[State, tuple[str, ...]] = {}
    for state, _, _ in parts[skip]:
        _, dist, wits = view.with_(state)
        expected: dict[str, float] = {}
        for other, w, _ in rest:
            v = EV.verdict_of(merge(other, state))
            expected[v] = expected.get(v, 0.0) + w
        assert {v: w for v, w in dist.items() if w} == pytest.approx(expected)
        for v, wit in wits.items():  # a witness of each verdict reaches it
            rebuilt = state
            for i, k in wit:
                assert i != skip
                rebuilt = merge(rebuilt, parts[i][k][0])
            assert EV.verdict_of(rebuilt) == v
        verdicts[state] = tuple(EV.verdict_of(merge(o, state)) for o, _, _ in rest)
    for (s1, v1), (s2, v2) in itertools.combinations(verdicts.items(), 2):
        assert (view.with_(s1)[0] == view.with_(s2)[0]) == (v1 == v2)


def test_half_puts_the_component_on_its_own_side() -> None:
    parts: list[Part] = [[((1.0, 1.0, 0), 1.0, frozenset())] * n for n in (8, 8, 2, 1, 4)]
    for skip in range(len(parts)):
        assert skip in half(parts, skip)
    assert half(parts, 0) & half(parts, 1) == frozenset()  # the two largest split
    assert half(parts, 0) | half(parts, 1) == {0, 1, 2, 4}  # one state: on no side
    assert half(parts, 3) in ({0, 3, 4}, {1, 2, 3}, {0, 2, 3}, {1, 3, 4})


@settings(max_examples=examples(200), deadline=None)
@given(fs=st.lists(st.sampled_from((0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)), min_size=1,
                   max_size=12).map(sorted),
       fc=st.sampled_from((0.5, 0.8, 1.0)), against=st.sampled_from((0.6, 0.9, 1.0)),
       t=st.sampled_from((0.0, 0.1, 0.2, 0.35, 0.5, 0.7)), data=st.data())
def test_first_below_is_the_first_confidence_below_the_bar(
        fs: list[float], fc: float, against: float, t: float, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(fs) - 1))
    expected = next((k for k in range(start, len(fs)) if confidence(fs[k] * fc, against) < t),
                    len(fs))
    assert _first_below(fs, fc, against, t, start) == expected
