"""Consultation and what-if: the next questions that matter, why they
matter, and the smallest changes that reach a better verdict.

Neighbours: ``_evaluate`` explores hypothetical completions on a pure evaluation of the
compiled rulebook; ``Engine`` confirms. What is confirmed how:

- ``Consultation.assessment`` is the engine's assessment of the observations.
- Every verdict in ``Consultation.reachable`` and in each ``Answer.reachable`` comes with a
  concrete completion found by the search, and that completion is assessed by the engine,
  which must give that verdict (``EngineError`` if it ever does not: a bug, never a guess).
- Every ``WhatIf`` is the observations with its changes applied, assessed by the engine;
  its ``verdict`` and ``confidence`` are the engine's. Minimality (no proper subset of the
  changes reaches the goal) is checked by the evaluator.
- Claims of absence (a field is irrelevant, a verdict is unreachable, no change set
  reaches the target) are proven by exhaustive search over the answer classes, which the
  tests check against brute force through the engine.

Cost. A component's completions are enumerated on their own: about (answer classes per
field) ** (its unknown fields), so a pack whose rules tie many fields together (one rule
reading several groups) grows a component and costs exponentially in its unknown fields.
The exact verdict distributions cost about the product, over components, of their distinct
scoring states (at most 2 ** its signal and qualifier rules each; ~19,000 for the default
rulebook with nothing known, falling fast as answers arrive); the components are split in
two halves of about equal state counts, so each half is combined once (about the square
root of that product) and never the whole. On top, one engine assessment per reachable
verdict per answer confirms what is returned. A what-if searches field sets by size:
``C(free fields, k)`` times the classes of each, so sizes beyond 2 are searched only when no
smaller set reaches the goal.
"""

from __future__ import annotations

import math
import weakref
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from ._consult_types import Answer, Consultation, Question, WhatIfs, _why, cand_text
from ._errors import EngineError
from ._evaluate import Candidate, Evaluator, Outcome, State, conf, merge, valid
from ._reason import Proofs
from ._vocabulary import VOCABULARY, Value, known_grouped, prerequisites
from ._whatif import WhatIfSearch

if TYPE_CHECKING:
    from ._engine import Engine

Witness = tuple[tuple[int, Outcome], ...]
"""One outcome per component: enough to rebuild a concrete completion."""
Part = list[tuple[State, float, Outcome]]


class _Rest:
    """The combined states of all components but one, grouped by what the verdict needs
    besides the product for (against product, signs, standing), each group sorted by that
    product: the confidence falls as it grows, so each verdict is one run of a group,
    found by bisection."""

    def __init__(self, ev: Evaluator, states: list[tuple[State, float, Witness]]) -> None:
        self.ev = ev
        self.relevant: dict[object, frozenset[str]] = {}
        groups: dict[tuple[float, int, int], list[tuple[float, float, Witness]]] = {}
        for (f, a, m, o), w, wit in states:
            groups.setdefault((a, m, o), []).append((f, w, wit))
        self.groups = []
        for key, items in groups.items():
            items.sort(key=_first)
            cum = [0.0]
            for _, w, _ in items:
                cum.append(cum[-1] + w)
            self.groups.append((key, [x[0] for x in items], cum, [x[2] for x in items]))
        self._seen: dict[State, tuple[tuple[object, ...], dict[str, float],
                                      dict[str, Witness]]] = {}

    def with_(self, sc: State) -> tuple[tuple[object, ...], dict[str, float], dict[str, Witness]]:
        """For one state of the remaining component: a signature (equal exactly when the
        verdicts over every rest state are equal), the verdict weights, and a witness
        (rest part) per verdict."""
        seen = self._seen.get(sc)
        if seen is not None:
            return seen
        ev = self.ev
        fc, ac, mc, oc = sc
        sig: list[object] = []
        dist: dict[str, float] = {}
        wits: dict[str, Witness] = {}
        last = ev.verdict_ids[-1]
        for (a, m, o), fs, cum, wl in self.groups:
            against = a * ac
            n, done = len(fs), 0
            runs = []
            for vid, t in ev.eligible(m | mc, o | oc):
                lo, hi = done, n
                while lo < hi:  # first index whose confidence is below t
                    mid = (lo + hi) // 2
                    if conf(fs[mid] * fc, against) >= t:
                        lo = mid + 1
                    else:
                        hi = mid
                if lo > done:
                    runs.append((vid, done, lo))
                    done = lo
            if done < n:
                runs.append((last, done, n))
            sig.append(tuple((v, e) for v, _, e in runs))
            for v, b, e in runs:
                dist[v] = dist.get(v, 0.0) + cum[e] - cum[b]
                wits.setdefault(v, wl[b])
        out = (tuple(sig), dist, wits)
        self._seen[sc] = out
        return out


class _View:
    """The rest of one component: its half's other components (``inner``, small) on top of
    the other half (``rest``); answers ``with_`` as ``_Rest`` does."""

    def __init__(self, rest: _Rest, inner: list[tuple[State, float, Witness]]) -> None:
        self.rest, self.inner = rest, inner
        self.relevant: dict[object, frozenset[str]] = {}
        self._seen: dict[State, tuple[tuple[object, ...], dict[str, float],
                                      dict[str, Witness]]] = {}

    def with_(self, sc: State) -> tuple[tuple[object, ...], dict[str, float], dict[str, Witness]]:
        seen = self._seen.get(sc)
        if seen is not None:
            return seen
        sig: list[object] = []
        dist: dict[str, float] = {}
        wits: dict[str, Witness] = {}
        for t, wt, wit in self.inner:
            s2, d2, w2 = self.rest.with_(merge(sc, t))
            sig.append(s2)
            for v, x in d2.items():
                dist[v] = dist.get(v, 0.0) + wt * x
                if v not in wits:
                    wits[v] = (*w2[v], *wit)
        out = (tuple(sig), dist, wits)
        self._seen[sc] = out
        return out


class Consultant:
    """The consultation and what-if search of one engine (built once, on first use)."""

    def __init__(self, engine: Engine) -> None:
        self._rests: dict[tuple[object, ...], _Rest] = {}
        self._confirmed: dict[tuple[tuple[str, Value], ...], str] = {}
        """The engine's verdict of each completion confirmed so far (bounded)."""
        # A proxy: the engine holds its consultant, which must not keep the engine alive.
        self.engine: Engine = weakref.proxy(engine)
        self.ev = Evaluator(engine.rulebook)
        self.proofs = Proofs(self.ev)
        self.rank = {v: i for i, v in enumerate(self.ev.verdict_ids)}

    # -- shared ----------------------------------------------------------------------------

    def _known(self, index: int, values: Mapping[str, Value | None]
               ) -> tuple[tuple[str, Value | None], ...]:
        return tuple((p, values[p]) for p in self.ev.components[index].paths if p in values)

    def _parts(self, values: Mapping[str, Value | None], open_: bool = False) -> list[Part]:
        parts = []
        for i, comp in enumerate(self.ev.components):
            free = frozenset(p for p in comp.paths if p not in values) if open_ else frozenset()
            dist = self.ev.outcomes(i, self._known(i, values), free)
            parts.append([(self.ev.state_of(o), w, o) for o, (w, _) in dist.items()])
        return parts

    def _combine(self, parts: list[Part], skip: int | frozenset[int] = -1
                 ) -> list[tuple[State, float, Witness]]:
        """The scoring states of every combination of the parts' outcomes (but ``skip``),
        merged by state, each with its weight and one witness (outcome per component)."""
        acc: dict[State, tuple[float, Witness]] = {(1.0, 1.0, 0, 0): (1.0, ())}
        skipped = skip if isinstance(skip, frozenset) else frozenset((skip,))
        for i, part in enumerate(parts):
            if i in skipped:
                continue
            if len(part) == 1:
                s2, w2, o = part[0]
                acc = {merge(s, s2): (w * w2, (*wit, (i, o))) for s, (w, wit) in acc.items()}
                continue
            new: dict[State, tuple[float, Witness]] = {}
            get = new.get
            for (f1, a1, m1, o1), (w, wit) in acc.items():
                for (f2, a2, m2, o2), w2, o in part:
                    key = (f1 * f2, a1 * a2, m1 | m2, o1 | o2)  # merge(), inlined
                    old = get(key)
                    if old is None:
                        new[key] = (w * w2, (*wit, (i, o)))
                    else:
                        new[key] = (old[0] + w * w2, old[1])
            acc = new
        return [(s, w, wit) for s, (w, wit) in acc.items()]

    def _rest(self, parts: list[Part], values: Mapping[str, Value], skip: int
              ) -> _Rest | _View:
        """Everything but component ``skip``, as ``with_`` needs it. The components are
        split in two halves of about equal state counts: the other half is combined once
        (and reused while its answers stay the same), this half but ``skip`` is combined
        small, so no product of all the other components is ever built."""
        half = self._half(parts, skip)
        key = (half, *(self._known(i, values) for i in range(len(parts)) if i not in half))
        rest = self._rests.get(key)
        if rest is None:
            rest = _Rest(self.ev, self._combine(parts, skip=half))
            if len(self._rests) >= 256:
                self._rests.pop(next(iter(self._rests)))
            self._rests[key] = rest
        inner = self._combine([p if i in half else [((1.0, 1.0, 0, 0), 1.0, frozenset())]
                               for i, p in enumerate(parts)], skip=skip)
        inner = [(st, w, tuple(x for x in wit if x[0] in half)) for st, w, wit in inner]
        return _View(rest, inner)

    @staticmethod
    def _half(parts: list[Part], skip: int) -> frozenset[int]:
        """The components on ``skip``'s side: greedy halves by log state count."""
        sizes = sorted(((len(p), i) for i, p in enumerate(parts) if len(p) > 1),
                       reverse=True)
        sides: tuple[list[int], list[int]] = ([], [])
        weight = [0.0, 0.0]
        for n, i in sizes:
            side = 0 if weight[0] <= weight[1] else 1
            sides[side].append(i)
            weight[side] += math.log(n)
        mine = sides[0] if skip in sides[0] else sides[1]
        return frozenset(mine) | {skip}

    def _witness(self, values: Mapping[str, Value], wit: Iterable[tuple[int, Outcome]]
                 ) -> dict[str, Value]:
        out: dict[str, Value] = dict(values)
        for i, outcome in wit:
            _, assigned = self.ev.outcomes(i, self._known(i, values))[outcome]
            out.update({p: v for p, v in assigned if v is not None})
        return out

    def _confirm(self, values: Mapping[str, Value], verdict: str) -> None:
        key = tuple(sorted(values.items()))
        got = self._confirmed.get(key)
        if got is None:
            if len(self._confirmed) > _CONFIRMED_MAX:
                self._confirmed.clear()
            got = self._confirmed[key] = self.engine.assess(known_grouped(values)).verdict
        if got != verdict:
            raise EngineError(f"the consultation's search expected {verdict} for {values}, "
                              f"the engine says {got}: please report this")

    # -- consultation ----------------------------------------------------------------------

    def consult(self, values: Mapping[str, Value], skipped: Iterable[str] = ()) -> Consultation:
        ev = self.ev
        assessment = self.engine.assess(known_grouped(values))
        parts = self._parts(values)
        movable = [i for i, part in enumerate(parts) if len({s for s, _, _ in part}) > 1]
        reachable: dict[str, float] = {}
        if not movable:
            reachable[assessment.verdict] = 1.0
        else:
            first = movable[0]
            rest = self._rest(parts, values, first)
            for state, w, outcome in parts[first]:
                _, dist, wits = rest.with_(state)
                for v, x in dist.items():
                    if v not in reachable:
                        self._confirm(self._witness(values, (*wits[v], (first, outcome))), v)
                    reachable[v] = reachable.get(v, 0.0) + w * x
        total = sum(reachable.values())
        entropy = _entropy({v: w / total for v, w in reachable.items()})
        skipped = set(skipped)
        questions: list[tuple[float, int, Question]] = []
        order = {p: i for i, p in enumerate(VOCABULARY)}
        still_open = False
        for ci in movable:
            rest = self._rest(parts, values, ci)
            for path in ev.components[ci].paths:
                if path in values:
                    continue
                if path in skipped:
                    still_open = still_open or self._relevant(ci, path, values, rest)
                    continue
                found = self._question(ci, path, values, rest)
                if found is not None:
                    questions.append((found[0] - entropy, order[path], found[1]))
        questions.sort(key=lambda q: (q[0], q[1]))
        settled = not questions and not still_open
        return Consultation(
            assessment=assessment, reachable=tuple(self._ordered(reachable)),
            settled=settled, questions=_prerequisites_first([q for _, _, q in questions]),
            sufficient_reason=self.sufficient_reason(values, assessment.verdict)
            if settled else None,
            observations=known_grouped(values))

    def _ordered(self, verdicts: Iterable[str]) -> list[str]:
        return sorted(set(verdicts), key=self.rank.__getitem__)

    def _question(self, ci: int, path: str, values: Mapping[str, Value],
                  rest: _Rest | _View) -> tuple[float, Question] | None:
        """The question on ``path`` with its answers and expected entropy, or None when no
        answer to it can change the verdict (proven over the completions)."""
        ev = self.ev
        if not self._relevant(ci, path, values, rest):
            return None
        known = dict(self._known(ci, values))
        answers: list[tuple[Candidate, float, dict[str, float], frozenset[object]]] = []
        for cand in ev.candidates(path, values):
            trial = {**known, path: cand.value}
            if not valid(trial):
                continue
            dist = ev.outcomes(ci, tuple(trial.items()))
            if not dist:
                continue
            mix: dict[str, float] = {}
            norm = sum(w for w, _ in dist.values())
            for outcome, (w, _) in dist.items():
                _, vd, _ = rest.with_(ev.state_of(outcome))
                for v, x in vd.items():
                    mix[v] = mix.get(v, 0.0) + w / norm * x
            answers.append((cand, 0.0, mix, frozenset(dist)))
        merged = _merge_runs(answers, VOCABULARY[path].kind in ("int", "number"))
        priors = VOCABULARY[path].priors
        expected, built = 0.0, []
        weights = [priors.get(c.value, 0.0) if priors else 1.0 for c, _, _, _ in merged]
        wsum = sum(weights) or 1.0
        for (cand, _, mix, _), weight in zip(merged, weights, strict=True):
            total = sum(mix.values()) or 1.0
            expected += weight / wsum * _entropy({v: x / total for v, x in mix.items()})
            reach = tuple(self._ordered(v for v, x in mix.items() if x > 0))
            self._confirm_answer(ci, path, cand.value, values, rest, reach=reach)
            built.append(Answer(value=cand.value, text=cand_text(path, cand),
                                reachable=reach))
        everything = tuple(self._ordered(v for a in built for v in a.reachable))
        built.append(Answer(value=None, text="I don't know", reachable=everything))
        spec = VOCABULARY[path]
        rules = tuple(r for r in ev.book.rules if path in r.paths)
        return expected, Question(path=path, label=spec.label, question=spec.question,
                                  answers=tuple(built), why=_why(rules, built),
                                  rules=tuple(r.id for r in rules),
                                  signs=tuple(sorted({r.source_sign for r in rules})))

    def _relevant(self, ci: int, path: str, values: Mapping[str, Value],
                  rest: _Rest | _View) -> bool:
        """Whether, for some completion of the other fields, two answers to ``path`` give
        different verdicts (exhaustive over the answer classes)."""
        ev = self.ev
        known = dict(self._known(ci, values))
        if not any(p in ev.relations for p in ev.components[ci].paths):
            return path in self._relevant_all(ci, known, rest)
        group: tuple[object, ...] | None = None
        seen: set[tuple[object, ...]] = set()
        for assigned, _, outcome in ev.leaves(ci, known, (path,)):
            key = tuple(v for p, v in assigned.items() if p != path)
            if key != group:
                group, seen = key, set()
            seen.add(rest.with_(ev.state_of(outcome))[0])
            if len(seen) > 1:
                return True
        return False

    def _relevant_all(self, ci: int, known: dict[str, Value | None], rest: _Rest | _View
                      ) -> frozenset[str]:
        """The relevant fields of a component whose fields no number comparison links
        (so its completions are the same whatever the order): one enumeration for all."""
        cache = rest.relevant
        key = (ci, tuple(known.items()))
        if key in cache:
            return cache[key]
        ev = self.ev
        free = [p for p in ev.components[ci].paths if p not in known]
        contexts: dict[tuple[str, tuple[object, ...]], set[tuple[object, ...]]] = {}
        for assigned, _, outcome in ev.leaves(ci, known):
            sig = rest.with_(ev.state_of(outcome))[0]
            for path in free:
                ctx = tuple(v for p, v in assigned.items() if p != path)
                contexts.setdefault((path, ctx), set()).add(sig)
        found = frozenset(p for (p, _), sigs in contexts.items() if len(sigs) > 1)
        cache[key] = found
        return found

    def _confirm_answer(self, ci: int, path: str, value: Value, values: Mapping[str, Value],
                        rest: _Rest | _View, *, reach: tuple[str, ...]) -> None:
        """Each verdict an answer can still reach, shown by a completion the engine
        assesses."""
        ev = self.ev
        trial = {**values, path: value}
        todo = set(reach)
        for outcome, (_, assigned) in ev.outcomes(ci, self._known(ci, trial)).items():
            _, dist, wits = rest.with_(ev.state_of(outcome))
            for v in [v for v in dist if v in todo]:
                todo.discard(v)
                done = self._witness(trial, wits[v])
                done.update({p: x for p, x in assigned if x is not None})
                self._confirm(done, v)

    # -- how: the sufficient reason ----------------------------------------------------------

    def _forces(self, values: Mapping[str, Value], keep: Iterable[str], verdict: str) -> bool:
        """Whether the fields ``keep`` at their recorded values force ``verdict``."""
        return self.proofs.forces_fields(values, keep, verdict)

    def sufficient_reason(self, values: Mapping[str, Value], verdict: str
                          ) -> tuple[str, ...] | None:
        """See ``_reason.Proofs.sufficient_reason``."""
        return self.proofs.sufficient_reason(values, verdict)

    # -- what-if -----------------------------------------------------------------------------

    def what_if(self, values: Mapping[str, Value], target: str | None, limit: int,
                include_fixed: bool) -> WhatIfs:
        """See ``_whatif.WhatIfSearch``."""
        return WhatIfSearch(self).what_if(values, target, limit, include_fixed)


def _prerequisites_first(questions: list[Question]) -> tuple[Question, ...]:
    """The questions best first, except that one never comes before a question about its
    prerequisite (whether a reply came before how it read), as a person would ask them."""
    pending, placed = list(questions), []
    while pending:
        open_ = {q.path for q in pending}
        index = next((i for i, q in enumerate(pending)
                      if not open_.intersection(prerequisites(q.path))), 0)
        placed.append(pending.pop(index))
    return tuple(placed)


_CONFIRMED_MAX = 20_000


def _first(item: tuple[float, float, Witness]) -> float:
    return item[0]


def _merge_runs(answers: list[tuple[Candidate, float, dict[str, float], frozenset[object]]],
                numeric: bool) -> list[tuple[Candidate, float, dict[str, float],
                                             frozenset[object]]]:
    """Adjacent number intervals with the same outcomes are one answer class."""
    if not numeric:
        return answers
    out: list[tuple[Candidate, float, dict[str, float], frozenset[object]]] = []
    run: list[tuple[Candidate, float, dict[str, float], frozenset[object]]] = []
    for item in [*answers, None]:
        if item is not None and run and item[3] == run[-1][3]:
            run.append(item)
            continue
        if run:
            first, last = run[0][0], run[-1][0]
            middle = run[len(run) // 2][0]
            mix: dict[str, float] = {}
            for _, _, m, _ in run:
                for v, x in m.items():
                    mix[v] = mix.get(v, 0.0) + x / len(run)
            span = Candidate(middle.value, first.low, last.high, first.low_closed,
                             last.high_closed)
            out.append((span, run[0][1], mix, run[0][3]))
        run = [item] if item is not None else []
    return out


def _entropy(dist: Mapping[str, float]) -> float:
    return -sum(p * math.log2(p) for p in dist.values() if p > 0)

