"""The rest of one field group: every other field group's completions combined into what the
verdict reads of them, so that each state of the field group is judged against all of them
at once.

Neighbours: ``consultant.Consultant`` asks, for each state of a field group it asks about,
which verdicts the completions of the others give with it (``View.with_``); ``evaluator``
gives the states. The field groups are split in two halves of about equal state counts: the
other half is combined once (``Rest``, reused while its answers stay the same), the
field group's own half but itself is combined small (``View``), so no product of all the
other field groups is ever built: about the square root of that product each.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from ..._assessment import confidence
from .budget import OutOfRoom, tick
from .caches import Cache
from .evaluator import Evaluator, Outcome, State

Witness = tuple[tuple[int, int], ...]
"""One outcome per field group, as (group, its index in the group's part): enough to
rebuild a concrete completion. A combined state keeps it packed in one number (``Packed``):
small, and nothing the garbage collector tracks (its full passes over the millions of
tuples the witnesses once were took seconds, outside any budget)."""
Order = tuple[tuple[int, int], ...]
"""The field groups a packed witness holds, in order, each with its part's length."""
Part = Sequence[tuple[State, float, Outcome]]
"""One field group's outcomes: (state, weight, outcome)."""
Judged = tuple[tuple[object, ...], dict[str, float], dict[str, Witness]]
"""For one state of a field group: a signature (equal exactly when the verdicts over every
completion of the rest are equal), the verdicts' weights, and a witness per verdict."""
_UNIT: tuple[State, float, Outcome] = ((1.0, 1.0, 0), 1.0, frozenset())
_RESTS_WEIGHT = 1_000_000
"""The combined states of the other halves remembered, over all of them."""
COMBINED_MAX = 400_000
"""The most combined states one half may hold (about 150 bytes each): past it the
exact consultation gives way to the bounded one (``OutOfRoom``)."""
_SEEN_MAX = 4096
"""The judged states a ``View`` remembers before it forgets them all."""
_SEEN_CELLS = 250_000
"""The judged states a ``Rest`` remembers, times its bands (each judgment holds a run of
verdicts per band), before it forgets them all."""


def combine(parts: Sequence[Part], skip: frozenset[int] = frozenset()
            ) -> list[tuple[State, float, Witness]]:
    """The scoring states of every combination of the parts' outcomes (but ``skip``),
    merged, each with its weight and one witness (outcome per field group)."""
    states, order = combine_packed(parts, skip)
    return [(s, w, unpack(wit, order)) for s, w, wit in states]


def combine_packed(parts: Sequence[Part], skip: frozenset[int] = frozenset()
                   ) -> tuple[list[tuple[State, float, int]], Order]:
    """``combine`` with each witness packed in one number (``unpack`` reads it)."""
    acc: dict[State, tuple[float, int]] = {(1.0, 1.0, 0): (1.0, 0)}
    order = []
    for i, part in enumerate(parts):
        if i in skip:
            continue
        order.append((i, len(part)))
        size = len(part)
        new: dict[State, tuple[float, int]] = {}
        get = new.get
        for (f1, a1, o1), (w, wit) in acc.items():
            base = wit * size
            for k, ((f2, a2, o2), w2, _) in enumerate(part):
                key = (f1 * f2, a1 * a2, o1 | o2)  # merge(), inlined
                old = get(key)
                if old is None:
                    new[key] = (w * w2, base + k)
                else:
                    new[key] = (old[0] + w * w2, old[1])
            if len(new) > COMBINED_MAX:
                raise OutOfRoom
            tick()
        acc = new
    return [(s, w, wit) for s, (w, wit) in acc.items()], tuple(order)


def unpack(wit: int, order: Order) -> Witness:
    """The (group, index) pairs a packed witness holds."""
    out = []
    for i, size in reversed(order):
        wit, k = divmod(wit, size)
        out.append((i, k))
    return tuple(reversed(out))


def half(parts: Sequence[Part], skip: int) -> frozenset[int]:
    """The field groups on ``skip``'s side: greedy halves by log state count."""
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
    """The other halves combined so far, remembered by their field groups' known answers."""

    def __init__(self, ev: Evaluator) -> None:
        self.ev = ev
        self._rests: Cache[tuple[object, ...], Rest] = Cache(_RESTS_WEIGHT, Rest.weight)

    def view(self, parts: Sequence[Part], known: Sequence[object], skip: int) -> View:
        """Everything but field group ``skip``; ``known`` identifies each field group's answers."""
        mine = half(parts, skip)
        key = (mine, *(known[i] for i in range(len(parts)) if i not in mine))
        rest = self._rests.get(key)
        if rest is None:
            rest = self._rests.put(key, Rest(self.ev, *combine_packed(parts, skip=mine)))
        inner = combine([p if i in mine else [_UNIT] for i, p in enumerate(parts)],
                        skip=frozenset((skip,)))
        return View(rest, [(st, w, tuple(x for x in wit if x[0] in mine))
                           for st, w, wit in inner])


class Rest:
    """The combined states of all field groups but one, in bands by what the verdict needs
    besides the product for (against product, standing ``or_signals``), each group sorted by that
    product: the confidence falls as it grows, so each verdict is one run of a group,
    found by bisection."""

    def __init__(self, ev: Evaluator, states: list[tuple[State, float, int]],
                 order: Order) -> None:
        self.ev, self.order = ev, order
        self.size = len(states)
        bands: dict[tuple[float, int], list[tuple[float, float, int]]] = {}
        for (f, a, o), w, wit in states:
            bands.setdefault((a, o), []).append((f, w, wit))
        self.bands = []
        for key, items in bands.items():
            items.sort(key=_first)
            cum = [0.0]
            for _, w, _ in items:
                cum.append(cum[-1] + w)
            self.bands.append((key, [x[0] for x in items], cum, [x[2] for x in items]))
        self._seen: dict[State, Judged] = {}

    def weight(self) -> int:
        """The combined states it holds (for ``caches.Cache``), judgments included."""
        return self.size + _SEEN_CELLS

    def with_(self, sc: State) -> Judged:
        """The verdicts over every rest state with one state of the remaining field group."""
        seen = self._seen.get(sc)
        if seen is not None:
            return seen
        if (len(self._seen) + 1) * len(self.bands) > _SEEN_CELLS:
            self._seen.clear()
        ev = self.ev
        fc, ac, oc = sc
        sig: list[object] = []
        dist: dict[str, float] = {}
        wits: dict[str, Witness] = {}
        last = ev.verdict_ids[-1]
        for (a, o), fs, cum, wl in self.bands:
            tick()
            against = a * ac
            n, done = len(fs), 0
            runs = []
            for vid, t in ev.eligible(o | oc):
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
                if v not in wits:
                    wits[v] = unpack(wl[b], self.order)
        out = (tuple(sig), dist, wits)
        self._seen[sc] = out
        return out


class View:
    """The rest of one field group: its half's other field groups (``inner``, small) on top of
    the other half (``rest``); answers ``with_`` as ``Rest`` does."""

    def __init__(self, rest: Rest, inner: list[tuple[State, float, Witness]]) -> None:
        self.rest, self.inner = rest, inner
        self._seen: dict[State, Judged] = {}

    def with_(self, sc: State) -> Judged:
        seen = self._seen.get(sc)
        if seen is not None:
            return seen
        if len(self._seen) >= _SEEN_MAX:
            self._seen.clear()
        sig: list[object] = []
        dist: dict[str, float] = {}
        wits: dict[str, Witness] = {}
        rest = self.rest.with_
        fc, ac, oc = sc
        for (ft, at, ot), wt, wit in self.inner:
            s2, d2, w2 = rest((fc * ft, ac * at, oc | ot))  # merge(), inlined
            sig.append(s2)
            for v, x in d2.items():
                dist[v] = dist.get(v, 0.0) + wt * x
                if v not in wits:
                    wits[v] = (*w2[v], *wit)
        out = (tuple(sig), dist, wits)
        self._seen[sc] = out
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


def _first(item: tuple[float, float, int]) -> float:
    return item[0]
