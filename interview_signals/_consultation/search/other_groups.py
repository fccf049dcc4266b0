"""The rest of one component: every other component's completions combined into what the
verdict reads of them, so that each state of the component is judged against all of them
at once.

Neighbours: ``_consult.Consultant`` asks, for each state of a component it asks about,
which verdicts the completions of the others give with it (``View.with_``); ``_evaluate``
gives the states. The components are split in two halves of about equal state counts: the
other half is combined once (``Rest``, reused while its answers stay the same), the
component's own half but itself is combined small (``View``), so no product of all the
other components is ever built: about the square root of that product each.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Sequence

from ..._assessment import confidence
from .evaluator import Evaluator, Outcome, State

Witness = tuple[tuple[int, Outcome], ...]
"""One outcome per component: enough to rebuild a concrete completion."""
Part = Sequence[tuple[State, float, Outcome]]
"""One component's outcomes: (state, weight, outcome)."""
Judged = tuple[tuple[object, ...], dict[str, float], dict[str, Witness]]
"""For one state of a component: a signature (equal exactly when the verdicts over every
completion of the rest are equal), the verdicts' weights, and a witness per verdict."""
_UNIT: tuple[State, float, Outcome] = ((1.0, 1.0, 0, 0), 1.0, frozenset())
_RESTS_MAX = 256


def combine(parts: Sequence[Part], skip: frozenset[int] = frozenset()
            ) -> list[tuple[State, float, Witness]]:
    """The scoring states of every combination of the parts' outcomes (but ``skip``),
    merged by what the verdict reads of them (the signs that stand are dropped), each with
    its weight and one witness (outcome per component)."""
    acc: dict[State, tuple[float, Witness]] = {(1.0, 1.0, 0, 0): (1.0, ())}
    for i, part in enumerate(parts):
        if i in skip:
            continue
        new: dict[State, tuple[float, Witness]] = {}
        get = new.get
        for (f1, a1, _, o1), (w, wit) in acc.items():
            for (f2, a2, _, o2), w2, o in part:
                key = (f1 * f2, a1 * a2, 0, o1 | o2)  # merge(), inlined, without the signs
                old = get(key)
                if old is None:
                    new[key] = (w * w2, (*wit, (i, o)))
                else:
                    new[key] = (old[0] + w * w2, old[1])
        acc = new
    return [(s, w, wit) for s, (w, wit) in acc.items()]


def half(parts: Sequence[Part], skip: int) -> frozenset[int]:
    """The components on ``skip``'s side: greedy halves by log state count."""
    sizes = sorted(((len(p), i) for i, p in enumerate(parts) if len(p) > 1), reverse=True)
    sides: tuple[list[int], list[int]] = ([], [])
    weight = [0.0, 0.0]
    for n, i in sizes:
        side = 0 if weight[0] <= weight[1] else 1
        sides[side].append(i)
        weight[side] += math.log(n)
    mine = sides[0] if skip in sides[0] else sides[1]
    return frozenset(mine) | {skip}


class Rests:
    """The other halves combined so far, remembered by their components' known answers."""

    def __init__(self, ev: Evaluator) -> None:
        self.ev = ev
        self._rests: dict[tuple[object, ...], Rest] = {}
        self._lock = threading.Lock()

    def view(self, parts: Sequence[Part], known: Sequence[object], skip: int) -> View:
        """Everything but component ``skip``; ``known`` identifies each component's answers."""
        mine = half(parts, skip)
        key = (mine, *(known[i] for i in range(len(parts)) if i not in mine))
        rest = self._rests.get(key)
        if rest is None:
            rest = Rest(self.ev, combine(parts, skip=mine))
            with self._lock:  # a service consults from several threads
                if len(self._rests) >= _RESTS_MAX:
                    self._rests.pop(next(iter(self._rests)))
                self._rests[key] = rest
        inner = combine([p if i in mine else [_UNIT] for i, p in enumerate(parts)],
                        skip=frozenset((skip,)))
        return View(rest, [(st, w, tuple(x for x in wit if x[0] in mine))
                           for st, w, wit in inner])


class Rest:
    """The combined states of all components but one, grouped by what the verdict needs
    besides the product for (against product, standing ``or_signals``), each group sorted by that
    product: the confidence falls as it grows, so each verdict is one run of a group,
    found by bisection."""

    def __init__(self, ev: Evaluator, states: list[tuple[State, float, Witness]]) -> None:
        self.ev = ev
        groups: dict[tuple[float, int], list[tuple[float, float, Witness]]] = {}
        for (f, a, _, o), w, wit in states:  # the signs that stand do not bear on the verdict
            groups.setdefault((a, o), []).append((f, w, wit))
        self.groups = []
        for key, items in groups.items():
            items.sort(key=_first)
            cum = [0.0]
            for _, w, _ in items:
                cum.append(cum[-1] + w)
            self.groups.append((key, [x[0] for x in items], cum, [x[2] for x in items]))
        self._seen: dict[State, Judged] = {}

    def with_(self, sc: State) -> Judged:
        """The verdicts over every rest state with one state of the remaining component."""
        fc, ac, _, oc = sc
        key = (fc, ac, 0, oc)  # the signs that stand do not bear on the verdict
        seen = self._seen.get(key)
        if seen is not None:
            return seen
        ev = self.ev
        sig: list[object] = []
        dist: dict[str, float] = {}
        wits: dict[str, Witness] = {}
        last = ev.verdict_ids[-1]
        for (a, o), fs, cum, wl in self.groups:
            against = a * ac
            n, done = len(fs), 0
            runs = []
            for vid, t in ev.eligible(0, o | oc):
                if done == n:
                    break
                lo = _first_below(fs, fc, against, t, done)
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
        self._seen[key] = out
        return out


class View:
    """The rest of one component: its half's other components (``inner``, small) on top of
    the other half (``rest``); answers ``with_`` as ``Rest`` does."""

    def __init__(self, rest: Rest, inner: list[tuple[State, float, Witness]]) -> None:
        self.rest, self.inner = rest, inner
        self._seen: dict[State, Judged] = {}

    def with_(self, sc: State) -> Judged:
        fc, ac, _, oc = sc
        key = (fc, ac, 0, oc)
        seen = self._seen.get(key)
        if seen is not None:
            return seen
        sig: list[object] = []
        dist: dict[str, float] = {}
        wits: dict[str, Witness] = {}
        rest = self.rest.with_
        for (ft, at, _, ot), wt, wit in self.inner:
            s2, d2, w2 = rest((fc * ft, ac * at, 0, oc | ot))  # merge(), inlined
            sig.append(s2)
            for v, x in d2.items():
                dist[v] = dist.get(v, 0.0) + wt * x
                if v not in wits:
                    wits[v] = (*w2[v], *wit)
        out = (tuple(sig), dist, wits)
        self._seen[key] = out
        return out


def _first_below(fs: list[float], fc: float, against: float, t: float, start: int) -> int:
    """The first index from ``start`` whose confidence (``fs`` ascending, so confidence
    descending) is below ``t``: the ends are tried before bisecting, as most runs are
    empty or reach the end."""
    n = len(fs)
    if t <= 0.0 or confidence(fs[n - 1] * fc, against) >= t:
        return n  # the confidence is never below 0
    if confidence(fs[start] * fc, against) < t:
        return start
    lo, hi = start + 1, n - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if confidence(fs[mid] * fc, against) >= t:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _first(item: tuple[float, float, Witness]) -> float:
    return item[0]
