"""What-if: the smallest sets of changes that reach a better verdict.

Neighbours: ``consultant.Consultant`` holds the evaluator and the engine and calls this;
``search.change_sets`` searches the sets over each field group's options listed here. Every
change set returned is the observations with its changes applied, assessed by the engine
(its verdict and confidence are the engine's); minimality (no proper subset of the changes
reaches the goal) follows from the search (no smaller set reaches it at all, or, for the
pairs listed after single changes, neither change alone does); "impossible" is proven by
the exhaustive reachability check of the consultation, over every allowed field at once.
All of it runs under the call's time budget; a search cut short says how far it got.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable, Mapping
from typing import Protocol

from .._assessment import Change, Search, WhatIf, WhatIfs
from .._errors import EngineError, InterviewSignalsError
from .._observations import VOCABULARY, Value, known_grouped
from .._texts import Texts
from .results import Assessor
from .search.answer_classes import Candidate
from .search.budget import Budget, OutOfTime
from .search.change_sets import Changes, ChangeSets, Option
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
        """The known answers of field group ``index``, in its order."""

    def ordered(self, verdicts: Iterable[str]) -> list[str]:
        """Verdict ids, best first."""


class WhatIfSearch:
    """One what-if search over a consultant's evaluator, confirmed by its engine."""

    def __init__(self, consultant: Searched, texts: Texts) -> None:
        self.c, self.texts = consultant, texts
        self._values: dict[str, Value] = {}
        self._states: dict[tuple[int, Changes], State | None] = {}
        """The state of a field group under its share of the changes (None: contradictory)."""
        self._options: dict[str, list[Value]] = {}
        """The new values of each field whose classes do not depend on the others."""

    def what_if(self, values: Mapping[str, Value], target: str | None, limit: int,
                include_fixed: bool, budget: Budget) -> WhatIfs:
        current = self.c.engine.assess(known_grouped(values))
        if target is not None and target not in self.c.rank:
            raise InterviewSignalsError(f"target: expected one of {', '.join(self.c.rank)}, "
                                        f"got {target!r}")
        bar = self.c.rank[target] if target is not None else self.c.rank[current.verdict] - 1
        goal = frozenset(v for v, i in self.c.rank.items() if i <= bar)
        kinds = ("find_out", "do", "had") if include_fixed else ("find_out", "do")
        done = _Result(current.verdict, target, tuple(self.c.ordered(goal)), kinds,
                       budget.seconds, texts=self.texts)
        if current.verdict in goal:  # already there (a target at or below the verdict):
            # no options, as the search finds, without searching every set of fields
            return done.result(possible=True)
        free = [p for p in self.c.ev.group_of if self._kind(p, values) in kinds]
        if not goal:
            return done.result(possible=False)
        with budget.running():
            try:
                if not self._possible(values, free, goal):
                    return done.result(possible=False)
                done.possible = True
                self._search(values, free, bar, limit, done)
            except OutOfTime:
                done.out_of_time()
            return self._confirmed(values, goal, done, budget)

    def _confirmed(self, values: Mapping[str, Value], goal: frozenset[str], done: _Result,
                   budget: Budget) -> WhatIfs:
        """The sets found, each assessed by the engine (while the time lasts)."""
        options: list[WhatIf] = []
        for changes in done.found:
            if options and budget.left() <= 0:
                done.unconfirmed(len(done.found) - len(options))
                break
            trial = {**values, **dict(changes)}
            result = self.c.engine.assess(known_grouped(trial))
            if result.verdict not in goal:
                raise EngineError(f"the what-if search expected one of {sorted(goal)} for "
                                  f"{trial}, the engine says {result.verdict}: please report")
            ordered = sorted(changes, key=lambda c: _ORDER[c[0]])
            options.append(WhatIf(changes=tuple(Change(path=p, value=v,
                                                       kind=self._kind(p, values))
                                                for p, v in ordered),
                                  verdict=result.verdict, confidence=result.confidence,
                                  band=result.band))
        options.sort(key=lambda o: (len(o.changes), self.c.rank[o.verdict], -o.confidence))
        return done.result(possible=done.possible, options=tuple(options))

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
        for i, group in enumerate(self.c.ev.groups):
            fixed = tuple((p, values[p]) for p in group.paths if p in values and p not in chosen)
            required = frozenset(p for p in group.paths if p in values and p in chosen)
            parts.append(proofs.states(i, fixed, required))
        return proofs.any_in(parts, goal)

    def _component(self, index: int, changes: Changes) -> State | None:
        key = (index, changes)
        if key not in self._states:
            ev = self.c.ev
            trial = {**self._values, **dict(changes)}
            ok = not ev.groups[index].checked or valid(trial)
            self._states[key] = ev.state_of(ev.fixed(index, self.c.known(index, trial))) \
                if ok else None
        return self._states[key]

    def _search(self, values: Mapping[str, Value], free: list[str], bar: int, limit: int,
                done: _Result) -> None:
        """Minimal change sets, smallest first, one per set of fields (the best of its
        value choices). The smallest size that reaches the goal is searched, then, when it
        is 1 and the limit allows, size 2 (each size whole before the next)."""
        self._values, self._states, self._options = dict(values), {}, {}
        search = self._change_sets(values, free, bar)
        done.sizes_searched = 0
        size = 1
        while not search.reaches(size):
            done.sizes_searched = size
            size += 1
            if size > search.most:  # _possible said some change does: cannot happen
                raise EngineError("the what-if search found no change set where one "
                                  "exists: please report")
        done.searching = search
        for found, _ in search.sets(size, limit):
            done.found.append(found)
        done.sizes_searched, done.searching = size, None
        if size == 1 and len(done.found) < limit and search.most >= 2:
            alone = self._alone(values, search, bar)
            done.searching = search
            for found, _ in search.sets(2, limit - len(done.found), alone):
                done.found.append(found)
            done.sizes_searched, done.searching = 2, None

    def _alone(self, values: Mapping[str, Value], search: ChangeSets, bar: int
               ) -> Callable[[tuple[str, Value]], bool]:
        """Whether one change, with its own value, reaches the goal by itself: a pair
        holding one is not minimal. Asked of the value the pair gives it, since a field
        compared with another (the length of the interview with its time set aside) may
        reach the goal alone with a value the single changes never listed."""
        ev = self.c.ev
        owns = [ev.state_of(ev.fixed(i, self.c.known(i, values))) for i in range(len(ev.groups))]
        seen: dict[tuple[str, Value], bool] = {}

        def alone(change: tuple[str, Value]) -> bool:
            if change not in seen:
                index = ev.group_of[change[0]]
                state = self._component(index, (change,))
                if state is None:  # not a valid observation set by itself
                    seen[change] = False
                else:
                    total: State = (1.0, 1.0, 0)
                    for i, own in enumerate(owns):
                        f, a, o = state if i == index else own
                        total = (total[0] * f, total[1] * a, total[2] | o)
                    seen[change] = search.key(total)[0] <= bar
            return seen[change]
        return alone

    def _change_sets(self, values: Mapping[str, Value], free: list[str], bar: int
                     ) -> ChangeSets:
        """Each field group's options, by number of changes, for ``ChangeSets``."""
        ev = self.c.ev
        chosen = set(free)
        base: State = (1.0, 1.0, 0)
        groups: list[tuple[int, list[str], State]] = []
        for i, group in enumerate(ev.groups):
            own = ev.state_of(ev.fixed(i, self.c.known(i, values)))
            mine = [p for p in group.paths if p in chosen]
            if mine:
                groups.append((i, mine, own))
            else:
                base = (base[0] * own[0], base[1] * own[1], base[2] | own[2])

        def make(j: int, size: int) -> list[Option]:
            i, mine, own = groups[j]
            if size == 0:
                return [((), own)]
            options: list[Option] = []
            for fields in itertools.combinations(mine, size):
                for combo in self._combos(fields, self._values):
                    state = self._component(i, combo)
                    if state is not None:
                        options.append((combo, state))
            options.sort(key=lambda o: (o[1][0], -o[1][1]))  # the strongest first
            return options

        verdicts = [(m, bits) for _, m, bits in ev.choice.table]
        return ChangeSets(base, [len(m) for _, m, _ in groups], make, verdicts, bar)

    def _combos(self, fields: tuple[str, ...], values: dict[str, Value]
                ) -> list[Changes]:
        """Every choice of one new value per field: for each field, the value of each
        of its answer classes nearest to its current one (given the others' choices)."""
        out: list[Changes] = [()]
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




_ORDER = {p: i for i, p in enumerate(VOCABULARY)}


class _Result:
    """A what-if's answer as the search builds it, and the words for what it did not
    finish."""

    def __init__(self, current: str, target: str | None, goal: tuple[str, ...],
                 kinds: tuple[str, ...], seconds: float, *, texts: Texts) -> None:
        self.current, self.target, self.goal, self.kinds = current, target, goal, kinds
        self.seconds, self.texts = seconds, texts
        self.possible: bool | None = None
        self.found: list[Changes] = []
        self.sizes_searched = 0
        self.searching: ChangeSets | None = None
        """The search of the size being searched (what it found so far, if cut short)."""
        self.unfinished: list[str] = []

    def out_of_time(self) -> None:
        texts = self.texts
        if self.possible is None:
            self.unfinished.append(texts("search.what_if_undecided"))
            return
        size = self.sizes_searched + 1
        if self.searching is not None:
            self.found += [c for c, _ in self.searching.ranked()]
            self.unfinished.append(texts.count("search.searched_in_part", size))
        key = "search.searched_up_to" if self.found else "search.searched_up_to_none"
        self.unfinished.append(texts.count(key, self.sizes_searched,
                                           seconds=texts.number(self.seconds)))

    def unconfirmed(self, count: int) -> None:
        self.unfinished.append(self.texts.count("search.unconfirmed", count))

    def result(self, *, possible: bool | None,
               options: tuple[WhatIf, ...] = ()) -> WhatIfs:
        return WhatIfs(current=self.current, target=self.target, goal=self.goal,
                       options=options, possible=possible, kinds=self.kinds,
                       sizes_searched=self.sizes_searched,
                       search=Search(complete=not self.unfinished, seconds=self.seconds,
                                     unfinished=tuple(self.unfinished)))

