"""``change_sets``: the what-if's dynamic programme and branch and bound, checked against
trying every combination of options (random field groups of random scoring states)."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from interview_signals._consultation.search.change_sets import (
    ChangeSets,
    Key,
    Option,
    front_of,
    high_front,
    join,
)
from interview_signals._consultation.search.evaluator import State
from tests.profiles import examples

FACTORS = (1.0, 0.95, 0.9, 0.8, 0.7, 0.5, 1.1, 0.85)
VERDICTS = ((0.8, 0b1), (0.45, 0), (0.1, 0), (0.0, 0))
"""(min_confidence, bits of its or_signals): strong (or or_signal 1), promising,
tentative, inconclusive."""

states = st.tuples(st.sampled_from(FACTORS[:6]), st.sampled_from((1.0, 0.9, 0.8)),
                   st.sampled_from((0, 0, 0, 1)))


@st.composite
def groups(draw: st.DrawFn) -> list[list[list[Option]]]:
    """Per group: its options by number of changes (0: the group as observed)."""
    out = []
    for j in range(draw(st.integers(1, 4))):
        fields = [f"g{j}.f{i}" for i in range(draw(st.integers(1, 3)))]
        by_count: list[list[Option]] = [[((), draw(states))]]
        for c in range(1, len(fields) + 1):
            options: list[Option] = []
            for chosen in itertools.combinations(fields, c):
                for value in range(draw(st.integers(0, 2))):
                    options.append((tuple((p, value) for p in chosen), draw(states)))
            by_count.append(options)
        out.append(by_count)
    return out


def _search(gs: list[list[list[Option]]], bar: int) -> ChangeSets:
    return ChangeSets((1.0, 1.0, 0), [len(g) - 1 for g in gs],
                      lambda j, c: gs[j][c], VERDICTS, bar)


def _every(gs: list[list[list[Option]]], search: ChangeSets
           ) -> list[tuple[int, tuple[str, ...], Key]]:
    """(size, fields, key) of every combination of one option per group."""
    out = []
    choices = [[o for opts in g for o in opts] for g in gs]
    for pick in itertools.product(*choices):
        state: State = (1.0, 1.0, 0)
        changes: list[tuple[str, object]] = []
        for ch, (f, a, o) in pick:
            state = (state[0] * f, state[1] * a, state[2] | o)
            changes += ch
        out.append((len(changes), tuple(p for p, _ in changes), search.key(state)))
    return out


@given(gs=groups(), bar=st.integers(0, 2), limit=st.integers(1, 4))
def test_the_smallest_size_and_the_best_sets_are_those_of_every_combination(
        gs: list[list[list[Option]]], bar: int, limit: int) -> None:
    search = _search(gs, bar)
    every = _every(gs, search)
    reaching = [(n, f, k) for n, f, k in every if k[0] <= bar and n > 0]
    smallest = min((n for n, _, _ in reaching), default=None)
    for size in range(1, search.most + 1):
        assert search.reaches(size) == any(n == size for n, _, _ in reaching)
    if smallest is None:
        return
    best: dict[tuple[str, ...], Key] = {}
    for n, fields, key in reaching:
        if n == smallest and (fields not in best or key < best[fields]):
            best[fields] = key
    expected = sorted(best.values())[:limit]
    got = search.sets(smallest, limit)
    assert [k for _, k in got] == expected
    for changes, key in got:
        assert best[tuple(p for p, _ in changes)] == key


@given(gs=groups(), bar=st.integers(0, 2))
def test_pairs_leave_out_the_changes_the_caller_excludes(
        gs: list[list[list[Option]]], bar: int) -> None:
    """The what-if excludes from its pairs each change that reaches the goal alone."""
    search = _search(gs, bar)
    alone = set()
    for j, g in enumerate(gs):
        for changes, state in g[1]:
            total = state
            for k, other in enumerate(gs):
                if k != j:
                    f, a, o = other[0][0][1]
                    total = (total[0] * f, total[1] * a, total[2] | o)
            if search.key(total)[0] <= bar:
                alone.add(changes[0])
    pairs = search.sets(2, 10, alone.__contains__)
    assert not any(c in alone for changes, _ in pairs for c in changes)
    fields = {tuple(p for p, _ in changes) for changes, _ in search.sets(2, 1000)}
    assert {tuple(p for p, _ in changes) for changes, _ in pairs} <= fields


points = st.lists(st.tuples(st.sampled_from(FACTORS), st.sampled_from(FACTORS)), max_size=8)


@given(p=points, q=points)
def test_a_joined_front_holds_the_best_of_every_product(
        p: list[tuple[float, float]], q: list[tuple[float, float]]) -> None:
    """No product of a point of each beats a point of the joined front."""
    joined = join({0: high_front(p)}, {0: high_front(q)}).get(0, ())
    for (f1, a1), (f2, a2) in itertools.product(p, q):
        f, a = f1 * f2, a1 * a2
        assert any(g <= f and b >= a for g, b in joined)
    assert front_of([]) == {}
    assert examples(1) >= 1
