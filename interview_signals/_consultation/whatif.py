"""What-if: the smallest sets of changes that reach a better verdict.

Neighbours: ``consultant.Consultant`` holds the evaluator and the engine and calls this; every
change set returned is the observations with its changes applied, assessed by the engine
(its verdict and confidence are the engine's); minimality (no proper subset of the changes
reaches the goal) is checked by the evaluator, and "impossible" is proven by the exhaustive
reachability check of the consultation, over every allowed field at once.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Mapping
from typing import Protocol

from .._assessment import Change, WhatIf, WhatIfs
from .._errors import EngineError, InterviewSignalsError
from .._observations import VOCABULARY, Value, known_grouped
from .results import Assessor
from .search.answer_classes import Candidate
from .search.evaluator import Evaluator, State, valid
from .search.proofs import Proofs


class Searched(Protocol):
    """What the search reads of ``consultant.Consultant``, which calls it: the evaluator,
    its proofs, the engine, and the verdicts' order."""

    ev: Evaluator
    proofs: Proofs
    engine: Assessor
    rank: dict[str, int]

    def known(self, index: int, values: Mapping[str, Value | None]
              ) -> tuple[tuple[str, Value | None], ...]:
        """The known answers of component ``index``, in its order."""

    def ordered(self, verdicts: Iterable[str]) -> list[str]:
        """Verdict ids, best first."""


class WhatIfSearch:
    """One what-if search over a consultant's evaluator, confirmed by its engine."""

    def __init__(self, consultant: Searched) -> None:
        self.c = consultant
        self._values: dict[str, Value] = {}
        self._base: list[State] = []
        self._verdicts: dict[tuple[tuple[str, Value], ...], str | None] = {}
        """The evaluator's verdict of each change set tried (one search)."""
        self._states: dict[tuple[int, tuple[tuple[str, Value], ...]], State | None] = {}
        """The state of a component under its share of the changes (None: contradictory)."""
        self._options: dict[str, list[Value]] = {}
        """The new values of each field whose classes do not depend on the others."""

    def what_if(self, values: Mapping[str, Value], target: str | None, limit: int,
                include_fixed: bool) -> WhatIfs:
        ev = self.c.ev
        current = self.c.engine.assess(known_grouped(values))
        if target is not None and target not in self.c.rank:
            raise InterviewSignalsError(f"target: expected one of {', '.join(self.c.rank)}, "
                                        f"got {target!r}")
        bar = self.c.rank[target] if target is not None else self.c.rank[current.verdict] - 1
        goal = frozenset(v for v, i in self.c.rank.items() if i <= bar)
        kinds = ("find_out", "do", "had") if include_fixed else ("find_out", "do")
        if current.verdict in goal:  # already there (a target at or below the verdict):
            # no options, as the search finds, without searching every set of fields
            return WhatIfs(current=current.verdict, target=target,
                           goal=tuple(self.c.ordered(goal)), options=(), possible=True,
                           kinds=kinds)
        free = [p for p in ev.component_of if self._kind(p, values) in kinds]
        if not goal or not self._possible(values, free, goal):
            return WhatIfs(current=current.verdict, target=target, goal=tuple(
                self.c.ordered(goal)), options=(), possible=False, kinds=kinds)
        found = self._search(values, free, goal, limit)
        options = []
        for changes in found:
            trial = {**values, **dict(changes)}
            result = self.c.engine.assess(known_grouped(trial))
            if result.verdict not in goal:
                raise EngineError(f"the what-if search expected one of {sorted(goal)} for "
                                  f"{trial}, the engine says {result.verdict}: please report")
            options.append(WhatIf(changes=tuple(Change(path=p, value=v,
                                                       kind=self._kind(p, values))
                                                for p, v in changes),
                                  verdict=result.verdict, confidence=result.confidence,
                                  band=result.band))
        options.sort(key=lambda o: (len(o.changes), self.c.rank[o.verdict], -o.confidence))
        return WhatIfs(current=current.verdict, target=target,
                       goal=tuple(self.c.ordered(goal)), options=tuple(options), possible=True,
                       kinds=kinds)

    @staticmethod
    def _kind(path: str, values: Mapping[str, Value]) -> str:
        if VOCABULARY[path].can_act:
            return "do"
        return "had" if path in values else "find_out"

    def _possible(self, values: Mapping[str, Value], free: list[str], goal: frozenset[str]
                  ) -> bool:
        """Whether any values of the free fields (unknown ones may stay unknown) reach
        the goal: the proof behind an impossible what-if."""
        proofs, chosen = self.c.proofs, set(free)
        parts = []
        for i, comp in enumerate(self.c.ev.components):
            fixed = tuple((p, values[p]) for p in comp.paths if p in values and p not in chosen)
            required = frozenset(p for p in comp.paths if p in values and p in chosen)
            parts.append(proofs.states(i, fixed, required))
        return proofs.any_in(parts, goal)

    def _verdict(self, changes: tuple[tuple[str, Value], ...]) -> str | None:
        """The evaluator's verdict of the observations with ``changes`` (None when they
        contradict each other): the changed components evaluated again (each remembered
        by its own changes), the others as observed."""
        found = self._verdicts.get(changes, "")
        if found != "":
            return found
        ev = self.c.ev
        touched: dict[int, tuple[tuple[str, Value], ...]] = {}
        for path, value in changes:
            i = ev.component_of[path]
            touched[i] = (*touched.get(i, ()), (path, value))
        parts = list(self._base)
        for i, mine in touched.items():
            part = self._component(i, mine)
            if part is None:
                self._verdicts[changes] = None
                return None
            parts[i] = part
        f, a, o = 1.0, 1.0, 0
        for part in parts:  # merge(), inlined: the products in component order
            f, a, o = f * part[0], a * part[1], o | part[3]
        verdict = self._verdicts[changes] = ev.verdict_of((f, a, 0, o))
        return verdict

    def _component(self, index: int, changes: tuple[tuple[str, Value], ...]) -> State | None:
        key = (index, changes)
        if key not in self._states:
            ev = self.c.ev
            trial = {**self._values, **dict(changes)}
            ok = not ev.components[index].checked or valid(trial)
            self._states[key] = ev.state_of(ev.fixed(index, self.c.known(index, trial))) \
                if ok else None
        return self._states[key]

    def _search(self, values: Mapping[str, Value], free: list[str], goal: frozenset[str],
                limit: int) -> list[tuple[tuple[str, Value], ...]]:
        """Minimal change sets, smallest first, one per set of fields (the best of its
        value choices). Sizes grow until a set is found, then up to size 2 while the
        limit allows (every size is searched whole before the next)."""
        found: list[tuple[tuple[str, Value], ...]] = []
        closed = dict(values.items())
        ev = self.c.ev
        self._values = closed
        self._base = [ev.state_of(ev.fixed(i, self.c.known(i, values)))
                      for i in range(len(ev.components))]
        self._verdicts, self._states, self._options = {}, {}, {}
        for size in range(1, len(free) + 1):
            if found and (size > 2 or len(found) >= limit):
                break
            for fields in itertools.combinations(free, size):
                best = self._best(fields, closed, goal)
                if best is not None:
                    found.append(best)
        ranked = sorted(found, key=lambda c: (len(c), self._score(c)))
        return ranked[:limit]

    def _score(self, changes: tuple[tuple[str, Value], ...]) -> int:
        return self.c.rank[self._verdict(changes) or self.c.ev.verdict_ids[-1]]

    def _best(self, fields: tuple[str, ...], values: dict[str, Value], goal: frozenset[str]
              ) -> tuple[tuple[str, Value], ...] | None:
        best: tuple[int, tuple[tuple[str, Value], ...]] | None = None
        for combo in self._combos(fields, values):
            verdict = self._verdict(combo)
            if verdict is None or verdict not in goal:
                continue
            if any(self._verdict(sub) in goal
                   for k in range(len(combo)) for sub in itertools.combinations(combo, k)):
                continue  # a proper subset already reaches the goal: not minimal
            if best is None or self.c.rank[verdict] < best[0]:
                best = (self.c.rank[verdict], combo)
        return best[1] if best else None

    def _combos(self, fields: tuple[str, ...], values: dict[str, Value]
                ) -> list[tuple[tuple[str, Value], ...]]:
        """Every choice of one new value per field: for each field, the value of each
        of its answer classes nearest to its current one (given the others' choices)."""
        out: list[tuple[tuple[str, Value], ...]] = [()]
        for path in fields:
            grown = []
            for combo in out:
                grown += [(*combo, (path, v)) for v in self._changes(path, values, combo)]
            out = grown
        return out

    def _changes(self, path: str, values: dict[str, Value],
                 combo: tuple[tuple[str, Value], ...]) -> list[Value]:
        """The new values of ``path``, nearest first (remembered for a field whose classes
        do not depend on the others)."""
        linked = path in self.c.ev.relations
        if not linked and path in self._options:
            return self._options[path]
        base = {**values, **dict(combo)}
        base.pop(path, None)
        now = values.get(path)
        cands = [_nearest(c, now) for c in self.c.ev.candidates(path, base)]
        if isinstance(now, int | float) and not isinstance(now, bool):
            # the nearest value of each class first: the smallest change that does
            cands.sort(key=lambda c: abs(float(c.value) - float(now)))
        found = [c.value for c in cands if now != c.value]
        if not linked:
            self._options[path] = found
        return found


def _nearest(cand: Candidate, now: Value | None) -> Candidate:
    """The candidate with the value of its class nearest to ``now`` (a number)."""
    if not isinstance(now, int | float) or isinstance(now, bool) or cand.low is None \
            or cand.high is None or cand.low == cand.high:
        return cand
    integer = isinstance(cand.value, int)
    lo = math.floor(cand.low) + 1 if integer else cand.low
    hi = math.ceil(cand.high) - 1 if integer else cand.high
    if integer:
        value: Value = int(min(max(now, lo), hi))
    else:
        value = min(max(float(now), lo), hi)
        if value in (cand.low, cand.high):
            return cand  # an open end is not in the class
    return Candidate(value, cand.low, cand.high, cand.low_closed, cand.high_closed)


