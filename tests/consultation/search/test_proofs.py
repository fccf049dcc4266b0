"""``_reason``, the proofs behind HOW: whether some recorded answers force the verdict,
checked against the engine by brute force, and the sufficient reason as a smallest forcing
set; the fronts and bounds the proofs read, checked against every combination.

The brute force is REDUCED as in ``test_consult``: number fields range over ``GRID`` and at
most four fields are free (any value of their domain, or unknown).
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interview_signals import Engine, Observations
from interview_signals._assessment.scoring import confidence
from interview_signals._consultation.search.evaluator import State
from interview_signals._consultation.search.proofs import UNIT, _front, bounds_of, join
from interview_signals._observations.vocabulary import VOCABULARY, Value
from tests.consultation.test_consultant import _valid, domain, partial
from tests.profiles import examples
from tests.strategies import nest, observation_values

ENGINE = Engine.default()


def brute_verdicts(values: Mapping[str, Value], free: tuple[str, ...]) -> set[str]:
    """The engine's verdicts over every valid way of answering ``free`` (or not)."""
    fixed = {p: v for p, v in values.items() if p not in free}
    out = set()
    for combo in itertools.product(*[(*domain(p), None) for p in free]):
        trial = {**fixed, **{p: v for p, v in zip(free, combo, strict=True) if v is not None}}
        if _valid(trial):
            out.add(ENGINE.assess(nest(trial)).verdict)
    return out


@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=partial(), data=st.data())
def test_forcing_is_exact_by_brute_force(case: tuple[dict[str, Value], tuple[str, ...]],
                                         data: st.DataObject) -> None:
    values, unknown = case
    room = 4 - len(unknown)
    freed = tuple(data.draw(st.lists(st.sampled_from(sorted(values)), max_size=room,
                                     unique=True))) if room and values else ()
    free = (*unknown, *freed)
    size = 1
    for p in free:
        size *= len(domain(p)) + 1
    if size > 4000:
        return
    verdict = ENGINE.assess(nest(values)).verdict
    keep = [p for p in values if p not in freed]
    expected = brute_verdicts(values, free) == {verdict}
    assert ENGINE.consultant().proofs.forces_fields(values, keep, verdict) == expected


@settings(max_examples=examples(30), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(values=observation_values())
def test_the_sufficient_reason_is_smallest_on_generated_observations(
        values: dict[str, Value]) -> None:
    consultation = ENGINE.consult(Observations.from_values(values))
    reason = consultation.sufficient_reason
    consultant = ENGINE.consultant()
    verdict = consultation.assessment.verdict
    recorded = [p for p in values if p in VOCABULARY]
    if reason is None:
        assert not consultant.proofs.forces_fields(values, recorded, verdict)
        return
    assert set(reason) <= set(recorded)
    assert consultant.proofs.forces_fields(values, reason, verdict)
    for size in range(len(reason)):
        for subset in itertools.combinations(recorded, size):
            assert not consultant.proofs.forces_fields(values, subset, verdict), subset


@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(values=observation_values(), data=st.data())
def test_completion_tables_agree_with_enumeration(values: dict[str, Value],
                                                  data: st.DataObject) -> None:
    """A field group's states from its table of open completions (bit sets) are those of
    enumerating its completions with the fixed fields kept and the required ones
    answered (unknown only where a prerequisite is false)."""
    consultant = ENGINE.consultant()
    ev, proofs = consultant.ev, consultant.proofs
    for i, group in enumerate(ev.groups):
        known = [p for p in group.paths if p in values]
        required = frozenset(data.draw(st.sets(st.sampled_from(known)))) if known \
            else frozenset()
        fixed = tuple((p, values[p]) for p in known if p not in required)
        open_ = frozenset(p for p in group.paths if p not in required)
        expected = {ev.state_of(x) for x in ev.outcomes(i, fixed, open_)}
        assert proofs.states(i, fixed, required) == expected, group.paths


# -- fronts and bounds ---------------------------------------------------------------------

FACTORS = (1.0, 0.9, 0.8, 0.75, 0.7, 0.6, 0.5)
"""``1 - s`` of a few strengths: the products of a state are made of these."""
points = st.lists(st.tuples(st.sampled_from(FACTORS), st.sampled_from(FACTORS)),
                  min_size=1, max_size=8)
compacts = st.frozensets(st.tuples(st.sampled_from(FACTORS), st.sampled_from(FACTORS),
                                   st.integers(0, 3)), min_size=1, max_size=5)


@settings(max_examples=examples(100), deadline=None)
@given(pts=points)
def test_a_front_keeps_the_extreme_confidences(pts: list[tuple[float, float]]) -> None:
    high, low = _front(pts, True), _front(pts, False)
    assert set(high) <= set(pts)
    assert set(low) <= set(pts)
    assert max(confidence(f, a) for f, a in high) == max(confidence(f, a) for f, a in pts)
    assert min(confidence(f, a) for f, a in low) == min(confidence(f, a) for f, a in pts)
    for f, a in high:  # no point is at least as good on both products and better on one
        assert not any(g <= f and b >= a and (g, b) != (f, a) for g, b in pts)


def _product(parts: list[frozenset[State]]) -> set[State]:
    acc = {(1.0, 1.0, 0)}
    for part in parts:
        acc = {(f1 * f2, a1 * a2, o1 | o2) for f1, a1, o1 in acc for f2, a2, o2 in part}
    return acc


@settings(max_examples=examples(100), deadline=None)
@given(parts=st.lists(compacts, min_size=1, max_size=3))
def test_joined_bounds_hold_the_extremes_of_every_combination(
        parts: list[frozenset[State]]) -> None:
    bounds = UNIT
    for part in parts:
        bounds = join(bounds, bounds_of(part))
    every = _product(parts)
    assert set(bounds) == {o for _, _, o in every}
    for o, (high, low) in bounds.items():
        confs = [confidence(f, a) for f, a, x in every if x == o]
        assert max(confidence(f, a) for f, a in high) == max(confs)
        assert min(confidence(f, a) for f, a in low) == min(confs)


@settings(max_examples=examples(150), deadline=None)
@given(parts=st.lists(compacts, min_size=1, max_size=3),
       inside=st.frozensets(st.sampled_from(ENGINE.consultant().ev.verdict_ids), min_size=1))
def test_any_in_is_exact_for_any_set_of_verdicts(parts: list[frozenset[State]],
                                                 inside: frozenset[str]) -> None:
    """From the bounds alone, or by every combination for a verdict strictly between
    those reached: the same answer as every combination's verdict."""
    proofs = ENGINE.consultant().proofs
    ev = proofs.ev
    expected = any(ev.verdict_of((f, a, o)) in inside for f, a, o in _product(parts))
    assert proofs.any_in(parts, inside) == expected


@settings(max_examples=examples(100), deadline=None)
@given(parts=st.lists(compacts, min_size=1, max_size=3))
def test_the_ranges_are_the_best_and_worst_verdicts_reached(
        parts: list[frozenset[State]]) -> None:
    proofs = ENGINE.consultant().proofs
    bounds = UNIT
    for part in parts:
        bounds = join(bounds, bounds_of(part))
    every = _product(parts)
    for o, (best, worst) in zip(bounds, proofs.ranges(bounds), strict=True):
        ranks = {proofs.rank[proofs.ev.verdict_of((f, a, x))] for f, a, x in every
                 if x == o}
        assert (best, worst) == (min(ranks), max(ranks))
        for verdict in proofs.rank:
            assert proofs.forces({o: bounds[o]}, verdict) == (ranks == {proofs.rank[verdict]})
