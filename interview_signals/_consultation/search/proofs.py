"""Proofs over every completion at once: whether some completion reaches a set of verdicts,
and the sufficient reason (the smallest set of recorded answers that forces the verdict).

Neighbours: ``consultant.Consultant`` asks for the sufficient reason of a settled verdict;
``whatif`` asks whether a goal is reachable at all (its proof of "impossible"). Both work
on the ``evaluator.Evaluator``'s field groups and are checked against the engine by brute
force in the tests.

Method. The verdict reads a scoring state only through the confidence (its products for and
against) and the ``or_signals`` that stand, and it only improves as the confidence grows:
for one set of standing ``or_signals`` the verdicts reached lie between those of the
largest and the smallest confidence. Those extremes over a product of field groups come from
each field group's Pareto front (least left open for, most against; and the reverse), so a
proof costs the product of a few front points per field group, never of their states. The
sufficient reason is searched field group by field group: each field group offers, per distinct
set of states its recorded answers can pin it to, the fewest answers that do; the smallest
total that forces the verdict is found by branch and bound, pruned by what the remaining
field groups could force at most.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from typing import TypeAlias

from ..._assessment import confidence
from ..._observations import Value, prerequisites
from .budget import tick
from .caches import memo
from .evaluator import Evaluator, State

Point: TypeAlias = tuple[float, float]
"""The products of a state (left open for, against)."""
Bounds: TypeAlias = dict[int, tuple[tuple[Point, ...], tuple[Point, ...]]]
"""Per set of standing ``or_signals``: the front of the largest confidence and of the
smallest, over every combination considered."""
UNIT: Bounds = {0: (((1.0, 1.0),), ((1.0, 1.0),))}

_SEARCH_CHECKS = 20_000
"""Forcing checks of one sufficient-reason search before it settles for an irreducible set
(never reached on the default rulebook and the sample pack)."""


def _front(points: Iterable[Point], high: bool) -> tuple[Point, ...]:
    """The points no other beats: for ``high`` the least open for with the most against
    (the largest confidence), else the reverse."""
    out: list[Point] = []
    best = None
    if high:
        for f, a in sorted(set(points), key=lambda p: (p[0], -p[1])):
            if best is None or a > best:
                out.append((f, a))
                best = a
    else:
        for f, a in sorted(set(points), key=lambda p: (-p[0], p[1])):
            if best is None or a < best:
                out.append((f, a))
                best = a
    return tuple(out)


def _bounds_of(states: frozenset[State]) -> Bounds:
    """The bounds of one field group's set of states."""
    by_o: dict[int, list[Point]] = {}
    for f, a, o in states:
        by_o.setdefault(o, []).append((f, a))
    return {o: (_front(pts, True), _front(pts, False)) for o, pts in by_o.items()}


def _points(bounds: Bounds) -> int:
    return sum(len(hi) + len(lo) for hi, lo in bounds.values())


bounds_of = memo(_bounds_of, 500_000, _points)


def join(x: Bounds, y: Bounds) -> Bounds:
    """The bounds of every combination of one state bounded by ``x`` and one by ``y``."""
    out: dict[int, tuple[list[Point], list[Point]]] = {}
    for o1, (hi1, lo1) in x.items():
        for o2, (hi2, lo2) in y.items():
            tick()
            hi, lo = out.setdefault(o1 | o2, ([], []))
            hi += [(f1 * f2, a1 * a2) for f1, a1 in hi1 for f2, a2 in hi2]
            lo += [(f1 * f2, a1 * a2) for f1, a1 in lo1 for f2, a2 in lo2]
    return {o: (_front(hi, True), _front(lo, False)) for o, (hi, lo) in out.items()}


class Proofs:
    """Reachability proofs and sufficient reasons on one evaluator."""

    def __init__(self, ev: Evaluator) -> None:
        self.ev = ev
        self.rank = {v: i for i, v in enumerate(ev.verdict_ids)}
        self._tables: dict[int, _Table | None] = {}
        self.states = memo(self._states, 500_000, len)
        for i in range(len(ev.groups)):  # built with the consultant, not on a first call
            self._table(i)

    # -- verdicts over bounds ---------------------------------------------------------------

    def ranges(self, bounds: Bounds) -> list[tuple[int, int]]:
        """Per set of standing ``or_signals``: the best and the worst verdict (their ranks)
        of the combinations; both are reached, and every verdict reached lies between."""
        out = []
        for o, (hi, lo) in bounds.items():
            best = self.ev.choice.rank(max(confidence(f, a) for f, a in hi), o)
            worst = self.ev.choice.rank(min(confidence(f, a) for f, a in lo), o)
            out.append((best, worst))
        return out

    def any_in(self, parts: Sequence[frozenset[State]], inside: frozenset[str]) -> bool:
        """Whether some combination of one state per part has a verdict in ``inside``.
        Exact when ``inside`` is a run of the best verdicts or all but one verdict (every
        caller's case) from the bounds alone; otherwise by every combination."""
        bounds = UNIT
        for part in parts:
            bounds = join(bounds, bounds_of(part))
        ranks = {self.rank[v] for v in inside}
        unsure = False
        for best, worst in self.ranges(bounds):
            if best in ranks or worst in ranks:
                return True
            unsure = unsure or any(best < r < worst for r in ranks)
        return self._exhaustive(parts, inside) if unsure else False

    def _exhaustive(self, parts: Sequence[frozenset[State]], inside: frozenset[str]
                    ) -> bool:
        """Every combination, merged by what the verdict reads: the fallback of
        ``any_in`` for verdicts strictly between reached ones (no caller asks that)."""
        acc = {(1.0, 1.0, 0)}
        for part in parts:
            tick()
            acc = {(f1 * f2, a1 * a2, o1 | o2) for f1, a1, o1 in acc for f2, a2, o2 in part}
        return any(self.ev.verdict_of((f, a, o)) in inside for f, a, o in acc)

    def forces(self, bounds: Bounds, verdict: str) -> bool:
        r = self.rank[verdict]
        return all(best == worst == r for best, worst in self.ranges(bounds))

    # -- one field group's states ---------------------------------------------------------

    def _states(self, index: int, fixed: tuple[tuple[str, Value], ...],
                required: frozenset[str] = frozenset()) -> frozenset[State]:
        """The distinct states of a field group when the fields in ``fixed`` keep their values
        and every other field takes any value or stays unknown (those in ``required``
        stay unknown only where a prerequisite of theirs is false)."""
        table = self._table(index)
        if table is not None:
            return table.states(fixed, required)
        ev = self.ev
        paths = ev.groups[index].paths
        dist = ev.outcomes(index, fixed, frozenset(p for p in paths if p not in required))
        return frozenset(ev.state_of(o) for o in dist)

    def _table(self, index: int) -> _Table | None:
        if index not in self._tables:
            paths = self.ev.groups[index].paths
            linked = any(p in self.ev.relations for p in paths)
            self._tables[index] = None if linked else _Table(self.ev, index)
        return self._tables[index]

    # -- the sufficient reason --------------------------------------------------------------

    def sufficient_reason(self, values: Mapping[str, Value], verdict: str
                          ) -> tuple[str, ...] | None:
        """A smallest set of recorded fields that forces ``verdict`` whatever the other
        fields are (any value, or unknown); None when even all of them do not."""
        ev = self.ev
        recorded = [p for p in values if p in ev.group_of]
        per: list[list[str]] = [[] for _ in ev.groups]
        for p in recorded:
            per[ev.group_of[p]].append(p)
        options = [self._options(i, paths, values) for i, paths in enumerate(per)]
        full = [self.states(i, tuple((p, values[p]) for p in paths))  # the fewest states
                for i, paths in enumerate(per)]
        suffix = [UNIT] * (len(options) + 1)
        for i in range(len(options) - 1, -1, -1):
            suffix[i] = join(bounds_of(full[i]), suffix[i + 1])
        if not self.forces(suffix[0], verdict):
            return None
        found = _Search(self, options, suffix, verdict, len(recorded) + 1).run()
        if found is None:
            return self._irreducible(values, recorded, verdict)
        chosen = set(found)
        return tuple(p for p in recorded if p in chosen)

    def _options(self, index: int, paths: list[str], values: Mapping[str, Value]
                 ) -> list[tuple[int, tuple[str, ...], frozenset[State]]]:
        """(cost, fields, states) per distinct set of states the recorded ``paths`` of one
        field group can pin it to, the fewest fields for each, none beaten by a cheaper one
        with fewer states, cheapest first."""
        found: dict[frozenset[State], tuple[int, tuple[str, ...]]] = {}
        for size in range(len(paths) + 1):
            for subset in itertools.combinations(paths, size):
                tick()
                states = self.states(index, tuple((p, values[p]) for p in subset))
                if states not in found:
                    found[states] = (size, subset)
        items = sorted(((c, t, s) for s, (c, t) in found.items()), key=lambda x: x[0])
        return [x for x in items if not any(c <= x[0] and s < x[2] for c, _, s in items)]

    def _irreducible(self, values: Mapping[str, Value], recorded: list[str], verdict: str
                     ) -> tuple[str, ...]:
        keep = list(recorded)
        for path in reversed(recorded):
            trial = [p for p in keep if p != path]
            if self.forces_fields(values, trial, verdict):
                keep = trial
        return tuple(keep)

    def forces_fields(self, values: Mapping[str, Value], keep: Iterable[str], verdict: str
                      ) -> bool:
        """Whether the fields ``keep`` at their recorded values force ``verdict``."""
        kept = set(keep)
        bounds = UNIT
        for i, group in enumerate(self.ev.groups):
            fixed = tuple((p, values[p]) for p in group.paths if p in kept and p in values)
            bounds = join(bounds, bounds_of(self.states(i, fixed)))
        return self.forces(bounds, verdict)


class _Search:
    """Branch and bound over one option per field group, cheapest options first: a branch
    stops when it costs as much as the best choice found so far, or when even the
    remaining field groups' most constrained options cannot force the verdict. The first
    cheapest choice in that order is kept."""

    def __init__(self, proofs: Proofs,
                 options: list[list[tuple[int, tuple[str, ...], frozenset[State]]]],
                 suffix: list[Bounds], verdict: str, limit: int) -> None:
        self.proofs, self.options, self.suffix, self.verdict = proofs, options, suffix, verdict
        self.checks = _SEARCH_CHECKS
        self.limit = limit
        self.found: tuple[str, ...] | None = None

    def run(self) -> tuple[str, ...] | None:
        """The cheapest choice's fields; None when the checks ran out first."""
        self._walk(0, UNIT, 0, ())
        return self.found if self.checks >= 0 else None

    def _walk(self, i: int, acc: Bounds, spent: int, chosen: tuple[str, ...]) -> None:
        if i == len(self.options):  # forcing was checked with the last option
            self.found, self.limit = chosen, spent
            return
        for cost, fields, states in self.options[i]:
            if spent + cost >= self.limit:
                break
            self.checks -= 1
            tick()
            if self.checks < 0:
                return
            now = join(acc, bounds_of(states))
            if self.proofs.forces(join(now, self.suffix[i + 1]), self.verdict):
                self._walk(i + 1, now, spent + cost, chosen + fields)


class _Table:
    """Every completion of a field group no number comparison links, each field free to take
    any answer class or stay unknown: per field and value the leaves (a bit set) that have
    it, per state the leaves that reach it. The states of the field group with some fields
    fixed are then those whose leaves meet every fixed value's."""

    def __init__(self, ev: Evaluator, index: int) -> None:
        group = ev.groups[index]
        self.by_value: dict[tuple[str, Value | None], int] = {}
        self.by_state: dict[State, int] = {}
        self.classes = {p: ev.candidates(p, {}) for p in group.paths
                        if ev.candidates(p, {})[0].low is not None}
        n = 0
        for assigned, _, outcome in ev.leaves(index, {}, (), frozenset(group.paths)):
            bit = 1 << n
            n += 1
            for p, v in assigned.items():
                key = (p, v)
                self.by_value[key] = self.by_value.get(key, 0) | bit
            state = ev.state_of(outcome)
            self.by_state[state] = self.by_state.get(state, 0) | bit
        self.all = (1 << n) - 1

    def states(self, fixed: tuple[tuple[str, Value], ...], required: frozenset[str]
               ) -> frozenset[State]:
        mask = self.all
        for p, v in fixed:
            mask &= self.by_value.get((p, self._representative(p, v)), 0)
        for p in required:
            excused = 0
            for q in prerequisites(p):
                excused |= self.by_value.get((q, False), 0)
            mask &= ~self.by_value.get((p, None), 0) | excused
        return frozenset(s for s, bits in self.by_state.items() if bits & mask)

    def _representative(self, path: str, value: Value) -> Value:
        """The value that stands for ``value``'s answer class in the leaves."""
        classes = self.classes.get(path)
        if classes is None or isinstance(value, bool | str):
            return value
        x = float(value)
        for c in classes:
            lo = c.low if c.low is not None else x
            hi = c.high if c.high is not None else x
            if (lo < x or (c.low_closed and lo == x)) and (x < hi or (c.high_closed and x == hi)):
                return c.value
        return value
