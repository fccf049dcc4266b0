"""Combine strengths, apply qualifiers, and from rulebook numbers work out the confidence and
choose the verdict (pure): the verdict arithmetic, written once.

Neighbours: ``_engine`` hands over the ids of the rules that fired and assembles the
``Assessment`` from the score and ``explain``'s lazy explanation; the consultation's search
(``_consultation.search``) scores hypothetical firings with the same functions. Strengths
are certainty factors in the MYCIN manner: bounded in [-1, 1] and combined in a fixed
order, so the arrival order of observations can never change a number.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from .._rulebook import Rulebook
from .parts import Band


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


def confidence(for_: float, against: float) -> float:
    """The confidence of what ``accumulate`` left open: the evidence for and against netted,
    ``(for - against) / (1 - min(for, against))`` of the certainties, never below 0 and
    rounded to 6 places (so that routes multiplying in another order agree). Written out
    flat, as the consultation's search calls it tens of thousands of times a step (a call
    to a helper here cost it 5-10% of its time)."""
    cf_for, cf_against = 1 - for_, 1 - against
    low = cf_for if cf_for < cf_against else cf_against
    if low >= 1:
        return 0.0  # certain both ways: nothing to say
    value = (cf_for - cf_against) / (1 - low)
    return round(value, 6) if value > 0 else 0.0


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


class Verdicts:
    """A rulebook's verdicts in the order they are tried: each is chosen when the confidence
    reaches its ``min_confidence`` or one of its ``or_signals`` stands, and the last when
    none before it is (the rule checker makes sure it needs nothing). The signals that stand
    are a bit mask (``bits``), as the consultation's search keeps them."""

    def __init__(self, book: Rulebook) -> None:
        or_ids = sorted({s for v in book.verdicts for s in v.or_signals})
        self.bits = {s: 1 << i for i, s in enumerate(or_ids)}
        """The bit of each signal some verdict names in ``or_signals``."""
        self.ids = tuple(v.id for v in book.verdicts)
        self.table = tuple((v.id, v.min_confidence, sum(self.bits[s] for s in v.or_signals))
                           for v in book.verdicts)
        """(id, min_confidence, bits of its or_signals) of each verdict, in order."""
        self._tried = tuple((m, bits) for _, m, bits in self.table[:-1])

    def standing(self, signal_ids: Iterable[str]) -> int:
        """The bits of the signals (that stand) some verdict names."""
        bits = self.bits
        standing = 0
        for id_ in signal_ids:
            standing |= bits.get(id_, 0)
        return standing

    def rank(self, confidence: float, standing: int) -> int:
        """The place of the verdict chosen, in rulebook order."""
        for i, (min_confidence, or_bits) in enumerate(self._tried):
            if confidence >= min_confidence or standing & or_bits:
                return i
        return len(self._tried)

    def choose(self, confidence: float, standing: int) -> str:
        """The verdict chosen for this confidence and these standing signals."""
        return self.ids[self.rank(confidence, standing)]

    def needs(self, standing: int) -> tuple[tuple[str, float], ...]:
        """(verdict, the confidence it needs) in order: none for one whose ``or_signals``
        stand, else its ``min_confidence``; the first whose need is met is chosen."""
        return tuple((id_, 0.0 if standing & bits else m) for id_, m, bits in self.table)


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
        self.verdicts = Verdicts(book)
        self._book = book
        self._bands = {b.id: Band(id=b.id, words=b.words) for b in book.bands}

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
            return self.verdicts.choose(0.0, 0), 0.0, strengths
        score = confidence(*accumulate(strengths.values()))
        standing = self.verdicts.standing(i for i, s in strengths.items() if s > 0)
        return self.verdicts.choose(score, standing), score, strengths

    def band(self, score: float) -> Band | None:
        """The confidence ``score`` in the rulebook's words (None at 0: nothing to
        describe)."""
        band = self._book.band(score)
        return None if band is None else self._bands[band.id]
