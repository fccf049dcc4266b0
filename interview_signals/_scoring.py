"""Combine strengths, apply qualifiers and choose the verdict from rulebook numbers (pure).

Neighbours: ``_engine`` supplies the firings; the result is an ``_assessment.Assessment``.
Strengths are certainty factors in the MYCIN manner: bounded in [-1, 1], and combined in a
fixed order (by id), so the arrival order of observations can never change a number.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import cached_property
from typing import Any, TypeAlias

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
    _FromDict,
    explanation_dict,
)
from ._observations import VOCABULARY, Value, grouped, is_ruled_out
from ._ruletypes import Rule, Rulebook, Test


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
        # m + (1 - m) b, not 1 - (1 - m)(1 - b): adding a non-negative amount can never
        # round below m, however small the boost (the other form loses tiny boosts).
        magnitude = min(1.0, magnitude + (1 - magnitude) * b)
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
        self.signs = {r.id: r.sign for r in self.signals}
        self.plan = missing_plan(self.signals)

    def assess(self, values: Mapping[str, Value], firings: Sequence[Firing]) -> Assessment:
        """Decide the verdict and confidence now; explain when the explanation is read."""
        fired = {f.rule for f in firings}
        strengths = {rule.id: self._strength(rule, fired) for rule in self.signals
                     if rule.id in fired}
        confidence = round(max(0.0, combine(strengths.values())), 6)
        standing = {i for i, s in strengths.items() if s > 0}
        verdict = choose_verdict(self.book, confidence, standing,
                                 {self.signs[i] for i in standing})
        return Assessment(verdict=verdict, confidence=confidence,
                          explanation=_Explanation(self, values, tuple(firings), fired,
                                                   strengths=strengths, verdict=verdict))

    def _strength(self, rule: Rule, fired: set[str]) -> float:
        qualifiers = [q for q in self.qualifiers[rule.id] if q.id in fired]
        return qualify(rule.amount, [q.amount for q in qualifiers if q.effect == "boost"],
                       [q.amount for q in qualifiers if q.effect == "discount"])

    def signal(self, rule: Rule, fired: set[str], strength: float,
               because: dict[FactRef, tuple[str, ...]]) -> Signal:
        qualifiers = tuple(
            AppliedQualifier(id=q.id, effect="boost" if q.effect == "boost" else "discount",
                             amount=q.amount, explanation=q.explanation,
                             because=because[("qualifier", q.id)], rule=q.id, pack=q.pack)
            for q in self.qualifiers[rule.id] if q.id in fired)
        return Signal(id=rule.id, sign=rule.sign, title=rule.title,
                      strength=strength,
                      base_strength=rule.amount, qualifiers=qualifiers,
                      because=because[("signal", rule.id)], rule=rule.id,
                      source=self.sources[rule.id], explanation=rule.explanation,
                      pack=rule.pack)


class _Explanation:
    """The explanation of one assessment, each part built on first read (``Explanation``).

    Pickling builds every part and sends it in the ``to_dict()`` form, so an assessment
    crossing a process boundary does not drag the rulebook along.
    """

    def __init__(self, scorer: Scorer, values: Mapping[str, Value], firings: tuple[Firing, ...],
                 fired: set[str], *, strengths: dict[str, float], verdict: str) -> None:
        self._scorer, self._values, self._fired, self._verdict = scorer, values, fired, verdict
        self._strengths = strengths
        self.trace = firings

    @cached_property
    def _because(self) -> dict[FactRef, tuple[str, ...]]:
        return _because_index(self.trace)

    @cached_property
    def signals(self) -> tuple[Signal, ...]:
        sc = self._scorer
        made = [sc.signal(r, self._fired, self._strengths[r.id], self._because)
                for r in sc.signals if r.id in self._fired]
        return tuple(sorted(made, key=lambda s: s.sign))

    @cached_property
    def advice(self) -> tuple[Advice, ...]:
        sc = self._scorer
        return tuple(Advice(id=r.id, sign=r.sign, text=r.explanation,
                            because=self._because[("advice", r.id)], rule=r.id,
                            source=sc.sources[r.id], pack=r.pack)
                     for r in sc.advice if r.id in self._fired)

    @cached_property
    def missing(self) -> tuple[Missing, ...]:
        return tuple(_missing(self._scorer.plan, self._values, self._fired))

    @cached_property
    def summary(self) -> str:
        return _summary(self._scorer.book, self._values, self._verdict, self.signals)

    @cached_property
    def observations(self) -> dict[str, dict[str, Value]]:
        return grouped(self._values)

    def __reduce__(self) -> tuple[type[_FromDict], tuple[dict[str, Any]]]:
        # Plain dicts pickle in C and carry no rulebook; the receiver rebuilds parts lazily.
        return (_FromDict, (explanation_dict(self),))


def _because_index(firings: Sequence[Firing]) -> dict[FactRef, tuple[str, ...]]:
    """For every derived fact, the known observations behind it, through earlier facts."""
    index: dict[FactRef, dict[str, None]] = {}
    for f in firings:
        paths = index.setdefault((f.kind, f.rule), {})
        values = f.values
        for path in f.because:
            if path in values:
                paths[path] = None
        for ref in f.matched_facts:
            paths.update(index.get(ref, {}))
    return {ref: tuple(p) for ref, p in index.items()}


def choose_verdict(book: Rulebook, confidence: float, standing: set[str], signs: set[int]
                   ) -> Verdict:
    """The first verdict of the rulebook whose numbers the evidence meets.

    ``standing`` are the ids of the signals that stand (strength above 0), ``signs`` the
    distinct signs they belong to.
    """
    for v in book.verdicts:
        if confidence >= v.min_confidence and (
                len(signs) >= v.min_signs or standing & set(v.or_signals)):
            return v.id  # type: ignore[return-value]
    return book.verdicts[-1].id  # type: ignore[return-value]


def holds(test: Test, values: Mapping[str, Value]) -> bool | None:
    """Whether a test holds on what is known; ``None`` when unknown values decide it.

    Used only to report missing evidence: which unknown fields could still settle a signal.
    The engine alone decides which signals stand.
    """
    if test.fact_kind is not None or test.path is None:
        return None
    value = values.get(test.path)
    if test.op == "unknown":
        return value is None
    if test.op == "known":
        return None if value is None else True  # an unknown field could still become known
    if test.op == "is_not":
        return True if value is None else value != test.value
    other = values.get(test.other) if test.other is not None else test.value
    if value is None or other is None:
        return _possible(test, values)
    right = float(other) + test.plus if test.other is not None else other
    return _compare(test.op, value, right)


def _span(path: str | None, values: Mapping[str, Value]) -> tuple[float, float] | None:
    """The values a numeric path can take: its known value, or its vocabulary range."""
    if path is None:
        return None
    if path in values:
        value = values[path]
        return None if isinstance(value, str | bool) else (float(value), float(value))
    spec = VOCABULARY[path]
    if spec.minimum is None or spec.maximum is None:
        return None
    return float(spec.minimum), float(spec.maximum)


def _possible(test: Test, values: Mapping[str, Value]) -> bool | None:
    """``None`` if some values of the unknown fields could make a comparison hold, else
    ``False``: a field that cannot settle the test is not worth asking for."""
    left = _span(test.path, values)
    if test.other is not None:
        right = _span(test.other, values)
    elif isinstance(test.value, int | float) and not isinstance(test.value, bool):
        right = (float(test.value), float(test.value))
    else:
        return None
    if left is None or right is None:
        return None
    (lo, hi), (rlo, rhi) = left, (right[0] + test.plus, right[1] + test.plus)
    can = {">": hi > rlo, ">=": hi >= rlo, "<": lo < rhi, "<=": lo <= rhi,
           "==": lo <= rhi and rlo <= hi, "!=": not lo == hi == rlo == rhi}[test.op]
    return None if can else False


def _compare(op: str, left: object, right: object) -> bool:
    if op == "==":
        return left == right
    if op == "!=":
        return left != right
    a, b = float(left), float(right)  # type: ignore[arg-type]
    return {"<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b}[op]


_Plan: TypeAlias = tuple[tuple[Rule, tuple[tuple[tuple[Test, tuple[str, ...]], ...], ...]], ...]


def missing_plan(signals: Sequence[Rule]) -> _Plan:
    """For every signal that counts for the candidate, its branches' tests and paths, in
    sign order: what ``_missing`` walks on every assessment, prepared once."""
    return tuple((r, tuple(tuple((t, t.paths) for t in b) for b in r.branches))
                 for r in sorted(signals, key=lambda r: r.sign) if r.amount > 0)


def _missing(plan: _Plan, values: Mapping[str, Value], fired: set[str]) -> list[Missing]:
    out = []
    for rule, branches in plan:
        if rule.id in fired:
            continue
        fields: dict[str, None] = {}
        for branch in branches:
            undecided: list[str] = []
            for test, paths in branch:
                result = holds(test, values)
                if result is False:
                    break  # a known value already rules this branch out
                if result is None:
                    undecided += [p for p in paths
                                  if p not in values and not is_ruled_out(p, values)]
            else:
                fields.update(dict.fromkeys(undecided))
        if fields:
            out.append(Missing(sign=rule.sign, signal=rule.id, fields=tuple(fields)))
    return out


def _join(titles: Sequence[str]) -> str:
    if len(titles) <= 1:
        return "".join(titles)
    return ", ".join(titles[:-1]) + " and " + titles[-1]


def _summary(book: Rulebook, values: Mapping[str, Value], verdict: str,
             signals: Sequence[Signal]) -> str:
    if not values:
        return book.nothing_known
    text = next(v.summary for v in book.verdicts if v.id == verdict)
    standing = [s for s in sorted(signals, key=lambda s: -s.strength) if s.stands]
    text = text.replace("{signals}", _join([s.title.lower() for s in standing]))
    against = [s for s in sorted(signals, key=lambda s: s.strength) if s.strength < 0]
    if against and book.against:
        text += " " + book.against.replace("{signals}", _join([s.title.lower() for s in against]))
    return f"{text} {book.caveat}" if standing else text
