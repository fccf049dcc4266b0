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
from interview_signals._vocabulary import VOCABULARY, Value
from tests.profiles import examples
from tests.strategies import nest, observation_values
from tests.test_consult import _valid, domain, partial

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
    assert ENGINE.consultant()._forces(values, keep, verdict) == expected


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
        assert not consultant._forces(values, recorded, verdict)
        return
    assert set(reason) <= set(recorded)
    assert consultant._forces(values, reason, verdict)
    for size in range(len(reason)):
        for subset in itertools.combinations(recorded, size):
            assert not consultant._forces(values, subset, verdict), subset


@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(values=observation_values(), data=st.data())
def test_completion_tables_agree_with_enumeration(values: dict[str, Value],
                                                  data: st.DataObject) -> None:
    """A component's states from its table of open completions (bit sets) are those of
    enumerating its completions with the fixed fields kept and the required ones
    answered (unknown only where a prerequisite is false)."""
    consultant = ENGINE.consultant()
    ev, proofs = consultant.ev, consultant.proofs
    for i, comp in enumerate(ev.components):
        known = [p for p in comp.paths if p in values]
        required = frozenset(data.draw(st.sets(st.sampled_from(known)))) if known \
            else frozenset()
        fixed = tuple((p, values[p]) for p in known if p not in required)
        open_ = frozenset(p for p in comp.paths if p not in required)
        expected = {(f, a, o) for f, a, _, o in
                    (ev.state_of(x) for x in ev.outcomes(i, fixed, open_))}
        assert proofs.states(i, fixed, required) == expected, comp.paths
