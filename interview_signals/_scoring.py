"""Combine strengths, apply qualifiers and choose the verdict from rulebook numbers (pure).

Neighbours: ``_engine`` supplies the firings; the result is an ``_assessment.Assessment``.
Strengths are certainty factors in the MYCIN manner: bounded in [-1, 1], and combined in a
fixed order (by id), so the arrival order of observations can never change a number.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ._assessment import (
    Advice,
    AppliedQualifier,
    Assessment,
    FactRef,
    Firing,
    Missing,
    Signal,
    Source,
    Verdict,
)
from ._observations import Observations
from ._rulebook import Rule, Rulebook, Test


def combine(strengths: Iterable[float]) -> float:
    """Combine certainty factors: evidence for and against, each accumulated, then netted."""
    for_, against = 1.0, 1.0
    for s in sorted(strengths):
        if s > 0:
            for_ *= 1 - s
        else:
            against *= 1 + s
    cf_for, cf_against = 1 - for_, 1 - against
    low = min(cf_for, cf_against)
    if low >= 1:
        return 0.0
    return (cf_for - cf_against) / (1 - low)


def qualify(base: float, boosts: Sequence[float], discounts: Sequence[float]) -> float:
    """A signal's strength after its qualifiers; the sign of ``base`` is kept.

    A boost moves the magnitude towards 1 and a discount towards 0, so a boost never
    lowers and a discount never raises a strength (SPEC section 5).
    """
    magnitude = abs(base)
    for b in sorted(boosts):
        magnitude = 1 - (1 - magnitude) * (1 - b)
    for d in sorted(discounts):
        magnitude *= 1 - d
    return magnitude if base >= 0 else -magnitude


class Scorer:
    """A rulebook's scoring tables, built once per ``Engine``: which qualifiers belong to
    which signal, in which order signals and advice are listed, and their sources."""

    def __init__(self, book: Rulebook) -> None:
        self.book = book
        self.signals = book.of_kind("signal")
        self.advice = book.of_kind("advice")
        self.qualifiers: dict[str, tuple[Rule, ...]] = {
            s.id: tuple(q for q in book.of_kind("qualifier") if q.applies_to == s.id)
            for s in self.signals}
        self.sources = {r.id: Source(sign=r.source_sign, title=r.source_title)
                        for r in book.rules}

    def assess(self, obs: Observations, firings: Sequence[Firing]) -> Assessment:
        """Turn the engine's firings into the explained assessment."""
        because = _because_index(firings)
        fired = {f.rule for f in firings}
        signals = tuple(self._signal(rule, fired, because) for rule in self.signals
                        if rule.id in fired)
        advice = tuple(Advice(id=r.id, sign=r.sign, text=r.explanation,
                              because=because[("advice", r.id)], rule=r.id,
                              source=self.sources[r.id], pack=r.pack)
                       for r in self.advice if r.id in fired)
        confidence = round(max(0.0, combine(s.strength for s in signals)), 6)
        verdict = choose_verdict(self.book, confidence, signals)
        return Assessment(
            verdict=verdict, confidence=confidence,
            signals=tuple(sorted(signals, key=lambda s: s.sign)), advice=advice,
            missing=tuple(_missing(self.signals, obs, fired)), trace=tuple(firings),
            summary=_summary(self.book, obs, verdict, signals), observations=obs.to_dict())

    def _signal(self, rule: Rule, fired: set[str],
                because: dict[FactRef, tuple[str, ...]]) -> Signal:
        qualifiers = tuple(
            AppliedQualifier(id=q.id, effect="boost" if q.effect == "boost" else "discount",
                             amount=q.amount, explanation=q.explanation,
                             because=because[("qualifier", q.id)], rule=q.id, pack=q.pack)
            for q in self.qualifiers[rule.id] if q.id in fired)
        strength = qualify(rule.amount, [q.amount for q in qualifiers if q.effect == "boost"],
                           [q.amount for q in qualifiers if q.effect == "discount"])
        return Signal(id=rule.id, sign=rule.sign, title=rule.title, strength=strength,
                      base_strength=rule.amount, qualifiers=qualifiers,
                      because=because[("signal", rule.id)], rule=rule.id,
                      source=self.sources[rule.id], explanation=rule.explanation,
                      pack=rule.pack)


def build_assessment(book: Rulebook, obs: Observations, firings: Sequence[Firing]
                     ) -> Assessment:
    """Turn the engine's firings into the explained assessment (builds a ``Scorer``)."""
    return Scorer(book).assess(obs, firings)


def _because_index(firings: Sequence[Firing]) -> dict[FactRef, tuple[str, ...]]:
    """For every derived fact, the known observations behind it, through earlier facts."""
    index: dict[FactRef, dict[str, None]] = {}
    for f in firings:
        paths = index.setdefault((f.kind, f.rule), {})
        for path, value in f.matched_observations:
            if value is not None:
                paths[path] = None
        for ref in f.matched_facts:
            paths.update(index.get(ref, {}))
    return {ref: tuple(p) for ref, p in index.items()}


def choose_verdict(book: Rulebook, confidence: float, signals: Sequence[Signal]) -> Verdict:
    """The first verdict of the rulebook whose numbers the evidence meets."""
    standing = {s.id for s in signals if s.stands}
    signs = {s.sign for s in signals if s.stands}
    for v in book.verdicts:
        if confidence >= v.min_confidence and (
                len(signs) >= v.min_signs or standing & set(v.or_signals)):
            return v.id  # type: ignore[return-value]
    return book.verdicts[-1].id  # type: ignore[return-value]


def holds(test: Test, obs: Observations) -> bool | None:
    """Whether a test holds on what is known; ``None`` when unknown values decide it.

    Used only to report missing evidence: which unknown fields could still settle a signal.
    The engine alone decides which signals stand.
    """
    if test.fact_kind is not None or test.path is None:
        return None
    value = obs.value(test.path)
    if test.op == "unknown":
        return value is None
    if test.op == "known":
        return value is not None
    if value is None:
        return True if test.op == "is_not" else None
    if test.op == "is_not":
        return value != test.value
    right = test.value
    if test.other is not None:
        other = obs.value(test.other)
        if other is None:
            return None
        right = float(other) + test.plus
    return _compare(test.op, value, right)


def _compare(op: str, left: object, right: object) -> bool:
    if op == "==":
        return left == right
    if op == "!=":
        return left != right
    a, b = float(left), float(right)  # type: ignore[arg-type]
    return {"<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b}[op]


def _missing(signals: Sequence[Rule], obs: Observations, fired: set[str]) -> list[Missing]:
    out = []
    for rule in signals:
        if rule.id in fired or rule.amount <= 0:
            continue
        fields: dict[str, None] = {}
        for branch in rule.branches:
            results = [(t, holds(t, obs)) for t in branch]
            if any(r is False for _, r in results):
                continue  # a known value already rules this branch out
            for t, r in results:
                if r is None:
                    fields.update(dict.fromkeys(p for p in t.paths if not obs.is_known(p)))
        if fields:
            out.append(Missing(sign=rule.sign, signal=rule.id, fields=tuple(fields)))
    return sorted(out, key=lambda m: m.sign)


def _join(titles: Sequence[str]) -> str:
    if len(titles) <= 1:
        return "".join(titles)
    return ", ".join(titles[:-1]) + " and " + titles[-1]


def _summary(book: Rulebook, obs: Observations, verdict: str, signals: Sequence[Signal]) -> str:
    if not obs.values():
        return book.nothing_known
    text = next(v.summary for v in book.verdicts if v.id == verdict)
    standing = [s for s in sorted(signals, key=lambda s: -s.strength) if s.stands]
    text = text.replace("{signals}", _join([s.title.lower() for s in standing]))
    return f"{text} {book.caveat}" if standing else text
