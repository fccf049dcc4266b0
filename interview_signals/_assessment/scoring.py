"""Combine strengths, apply qualifiers and choose the verdict from rulebook numbers (pure).

Neighbours: ``_engine`` hands over the ids of the rules that fired and assembles the
``Assessment`` from the score and ``_explain``'s lazy explanation; ``_consult`` scores
hypothetical firings the same way. Strengths are certainty factors in the MYCIN manner:
bounded in [-1, 1] and combined in a fixed order, so the arrival order of observations can
never change a number.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from .._rulebook import Rulebook


def combine(strengths: Iterable[float]) -> float:
    """Combine certainty factors: evidence for and against, each accumulated, then netted."""
    return net(*accumulate(strengths))


def accumulate(strengths: Iterable[float]) -> tuple[float, float]:
    """The evidence not yet certain: the product of ``1 - s`` over the strengths for and of
    ``1 + s`` over those against, multiplied in sorted order (the same rounding always)."""
    for_, against = 1.0, 1.0
    for s in sorted(strengths):
        if s > 0:
            for_ *= 1 - s
        else:
            against *= 1 + s
    return for_, against


def net(for_: float, against: float) -> float:
    """The net certainty factor of what ``accumulate`` left open, for minus against."""
    cf_for, cf_against = 1 - for_, 1 - against
    low = min(cf_for, cf_against)
    if low >= 1:
        return 0.0
    return (cf_for - cf_against) / (1 - low)


def qualify(base: float, boosts: Sequence[float], discounts: Sequence[float]) -> float:
    """A signal's strength after its qualifiers; the sign of ``base`` is kept.

    A boost moves the magnitude towards 1 and a discount towards 0, so a boost never
    lowers and a discount never raises a strength (a judgment principle, docs/design.md).
    """
    magnitude = abs(base)
    if boosts:
        # The boosts combined first, as the share of the gap to 1 they leave open: each
        # factor is at most 1 and rounding is monotonic, so one more boost, wherever it
        # sorts, never leaves more open. Then m + (1 - m) t, never below m: stepping
        # m + (1 - m) b boost by boost could round a longer chain 1 ulp below a shorter one.
        still_open = 1.0
        for b in sorted(boosts):
            still_open *= 1 - b
        magnitude = min(1.0, magnitude + (1 - magnitude) * (1 - still_open))
    for d in sorted(discounts):
        magnitude *= 1 - d
    return magnitude if base >= 0 else -magnitude


class Scorer:
    """A rulebook's scoring tables, built once per ``Engine``: each signal with its base
    strength and qualifiers, and the verdicts in the order they are tried."""

    def __init__(self, book: Rulebook) -> None:
        by_sign = sorted(book.of_kind("signal"), key=lambda r: r.sign)
        qualifiers = book.of_kind("qualifier")
        self._signals = tuple(
            (r.id, r.amount, frozenset(q.id for q in qualifiers if q.applies_to == r.id),
             tuple((q.id, q.effect == "boost", q.amount) for q in qualifiers
                   if q.applies_to == r.id))
            for r in by_sign)
        """(id, base strength, qualifier ids, qualifiers as (id, is a boost, amount)) per
        signal, in sign order."""
        self._verdicts = tuple((v.id, v.min_confidence, frozenset(v.or_signals))
                               for v in book.verdicts)

    def score(self, ids: Collection[str]) -> tuple[str, float, dict[str, float]]:
        """(verdict, confidence, strength per established signal in sign order) of the
        rules that fired."""
        strengths: dict[str, float] = {}
        for id_, amount, qualifier_ids, qualifiers in self._signals:
            if id_ not in ids:
                continue
            if qualifier_ids.isdisjoint(ids):
                strengths[id_] = amount
                continue
            boosts: list[float] = []
            discounts: list[float] = []
            for q, boost, a in qualifiers:
                if q in ids:
                    (boosts if boost else discounts).append(a)
            strengths[id_] = qualify(amount, boosts, discounts)
        if not strengths:
            return self.verdict(0.0, ()), 0.0, strengths
        confidence = round(max(0.0, combine(strengths.values())), 6)
        return self.verdict(confidence, [i for i, s in strengths.items() if s > 0]), \
            confidence, strengths

    def verdict(self, confidence: float, standing: Collection[str]) -> str:
        """The first verdict, in rulebook order, whose confidence is reached or one of
        whose signals stands (the last verdict always holds)."""
        for id_, min_confidence, or_signals in self._verdicts:
            if confidence >= min_confidence or not or_signals.isdisjoint(standing):
                return id_
        return self._verdicts[-1][0]
