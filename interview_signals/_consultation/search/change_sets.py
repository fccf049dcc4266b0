"""The smallest change sets that reach a goal: the what-if's search, over field groups.

Neighbours: ``whatif.WhatIfSearch`` lists each field group's options (each set of changes to
its fields, with the scoring state it leaves the group in) and confirms what this finds
with the engine; ``evaluator`` gives the confidence and the verdict of a state.

Method. The verdict reads the product of the groups' states, so how few changes can reach
the goal is a dynamic programme over the groups: for each group and each number of
changes ``r``, the states the groups from there on can reach with exactly ``r`` changes,
kept as Pareto fronts (per set of standing ``or_signals``, the points no other beats
towards a higher confidence: less left open for, more against). The smallest size is the
first ``r`` whose front from the first group reaches the goal, a proof that no smaller set
does (every smaller set is in a front that does not). The sets of that size are then
found by branch and bound over one option per group, best first: a branch stops when the
fronts of the remaining groups cannot reach the goal, or cannot beat the worst set kept
once ``limit`` are kept. So no set is missed and none is enumerated that cannot count,
where trying every combination of fields of a size costs ``C(fields, size)`` and more.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TypeAlias

from ..._assessment import confidence
from ..._observations import Value
from .budget import tick
from .evaluator import State

Changes: TypeAlias = tuple[tuple[str, Value], ...]
"""Changes as (path, new value), in vocabulary order."""
Option: TypeAlias = tuple[Changes, State]
"""Changes to one field group's fields, and the group's state with them."""
Point: TypeAlias = tuple[float, float]
Front: TypeAlias = dict[int, tuple[Point, ...]]
"""Per set of standing ``or_signals``: the points no other beats towards a higher
confidence (least left open for, then most against)."""
Key: TypeAlias = tuple[int, float]
"""How good a state is for the goal: (verdict rank, minus the confidence); lower is
better."""
UNIT: Front = {0: ((1.0, 1.0),)}


def high_front(points: Iterable[Point]) -> tuple[Point, ...]:
    """The points no other beats towards a higher confidence."""
    out: list[Point] = []
    best = None
    for f, a in sorted(set(points), key=lambda p: (p[0], -p[1])):
        if best is None or a > best:
            out.append((f, a))
            best = a
    return tuple(out)


def front_of(states: Iterable[State]) -> Front:
    by_o: dict[int, list[Point]] = {}
    for f, a, o in states:
        by_o.setdefault(o, []).append((f, a))
    return {o: high_front(p) for o, p in by_o.items()}


def join(x: Front, y: Front) -> Front:
    """The front of every combination of a point of ``x`` with a point of ``y``."""
    out: dict[int, list[Point]] = {}
    for o1, p1 in x.items():
        for o2, p2 in y.items():
            tick()
            out.setdefault(o1 | o2, []).extend(
                (f1 * f2, a1 * a2) for f1, a1 in p1 for f2, a2 in p2)
    return {o: high_front(p) for o, p in out.items()}


def union(fronts: Iterable[Front]) -> Front:
    out: dict[int, list[Point]] = {}
    for front in fronts:
        for o, points in front.items():
            out.setdefault(o, []).extend(points)
    return {o: high_front(p) for o, p in out.items()}


class ChangeSets:
    """The search over one what-if's options.

    ``base`` is the product of the states of the groups nobody may change; ``sizes`` holds
    how many fields each group that may change has, and ``make(j, c)`` lists group ``j``'s
    options with ``c`` changes (``c == 0``: only the group as observed), asked for only
    when a size needs them. ``verdicts`` is (min_confidence, bits of its or_signals) of
    each verdict in order, and the goal is every verdict up to rank ``bar``.
    """

    def __init__(self, base: State, sizes: Sequence[int],
                 make: Callable[[int, int], list[Option]],
                 verdicts: Sequence[tuple[float, int]], bar: int) -> None:
        self.base, self.sizes, self.verdicts, self.bar = base, sizes, verdicts, bar
        self._make = make
        self.groups: list[list[list[Option]]] = [[] for _ in sizes]
        """Per group, its options by number of changes, as far as asked for."""
        self.fronts: list[list[Front]] = [[] for _ in sizes]
        self.suffix: list[list[Front]] = [[] for _ in range(len(sizes) + 1)]
        """Per group ``j`` and number ``r``: the front of groups ``j``... with ``r`` changes."""
        self.most = sum(sizes)
        """The most changes there are to make."""

    def options(self, j: int, c: int) -> list[Option]:
        """Group ``j``'s options with ``c`` changes (none past its size)."""
        group = self.groups[j]
        while len(group) <= min(c, self.sizes[j]):
            made = self._make(j, len(group))
            group.append(made)
            self.fronts[j].append(front_of(s for _, s in made))
        return group[c] if c <= self.sizes[j] else []

    def front(self, j: int, c: int) -> Front:
        self.options(j, c)
        return self.fronts[j][c] if c <= self.sizes[j] else {}

    # -- verdicts ----------------------------------------------------------------------------

    def rank(self, confidence: float, standing: int) -> int:
        for i, (m, bits) in enumerate(self.verdicts):
            if confidence >= m or standing & bits:
                return i
        return len(self.verdicts) - 1

    def key(self, state: State) -> Key:
        c = confidence(state[0], state[1])
        return self.rank(c, state[2]), -c

    def best(self, state: State, front: Front) -> Key | None:
        """The best key of ``state`` combined with a point of ``front`` (None: empty)."""
        f0, a0, o0 = state
        found: Key | None = None
        for o, points in front.items():
            for f, a in points:
                k = self.key((f0 * f, a0 * a, o0 | o))
                if found is None or k < found:
                    found = k
        return found

    # -- the smallest size -----------------------------------------------------------------

    def _layer(self, r: int) -> None:
        """The fronts with exactly ``r`` changes, from each group on (``r`` in order)."""
        n = len(self.sizes)
        self.suffix[n].append(UNIT if r == 0 else {})
        for j in range(n - 1, -1, -1):
            parts = [join(self.front(j, c), self.suffix[j + 1][r - c])
                     for c in range(min(r, self.sizes[j]) + 1)
                     if self.front(j, c) and self.suffix[j + 1][r - c]]
            self.suffix[j].append(union(parts))

    def reaches(self, size: int) -> bool:
        """Whether some set of exactly ``size`` changes reaches the goal (fronts built up
        to ``size`` as needed)."""
        while len(self.suffix[0]) <= size:
            self._layer(len(self.suffix[0]))
        found = self.best(self.base, self.suffix[0][size])
        return found is not None and found[0] <= self.bar

    # -- the sets of one size -----------------------------------------------------------------

    def sets(self, size: int, limit: int,
             excluded: Callable[[tuple[str, Value]], bool] | None = None
             ) -> list[tuple[Changes, Key]]:
        """The best ``limit`` sets of exactly ``size`` changes that reach the goal, one per
        set of fields (the best of its values), best first; none holding a change for which
        ``excluded`` is true (one that reaches the goal alone, for the pairs that follow the
        single changes). ``found`` holds them as they come, so that a caller whose time ran
        out keeps what was found."""
        self.reaches(size)
        self.found: dict[tuple[str, ...], tuple[Key, Changes]] = {}
        self._limit, self._excluded = limit, excluded
        self._walk(0, self.base, size, ())
        return self.ranked()

    def ranked(self) -> list[tuple[Changes, Key]]:
        """What ``sets`` found so far, best first (then by the fields' order)."""
        order = sorted(self.found.items(), key=lambda x: (x[1][0], x[0]))
        return [(changes, key) for _, (key, changes) in order[:self._limit]]

    def _worst(self) -> Key | None:
        if len(self.found) < self._limit:
            return None
        return max(k for k, _ in self.found.values())

    def _walk(self, j: int, state: State, left: int, chosen: Changes) -> None:
        if j == len(self.sizes):
            self._keep(state, chosen)
            return
        for c in range(min(left, self.sizes[j]), -1, -1):  # changes early: the first fields
            rest = self.suffix[j + 1][left - c]
            if not rest:
                continue
            for changes, (f, a, o) in self.options(j, c):
                tick()
                if self._excluded is not None and any(self._excluded(x) for x in changes):
                    continue
                now = (state[0] * f, state[1] * a, state[2] | o)
                bound = self.best(now, rest)
                worst = self._worst()
                if bound is None or bound[0] > self.bar or (worst is not None
                                                            and bound >= worst):
                    continue
                self._walk(j + 1, now, left - c, chosen + changes)

    def _keep(self, state: State, chosen: Changes) -> None:
        key = self.key(state)
        if key[0] > self.bar:
            return
        fields = tuple(p for p, _ in chosen)
        old = self.found.get(fields)
        if old is not None and old[0] <= key:
            return
        self.found[fields] = (key, chosen)
        while len(self.found) > self._limit:
            worst = max(self.found, key=lambda x: (self.found[x][0], x))
            del self.found[worst]
