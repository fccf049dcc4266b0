"""Combine strengths, apply qualifiers and choose the verdict from rulebook numbers (pure).

Neighbours: ``_engine`` supplies the firings; the result is an ``_assessment.Assessment``.
Strengths are certainty factors in the MYCIN manner: bounded in [-1, 1], and combined in a
fixed order (by id), so the arrival order of observations can never change a number.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Iterable, Mapping, Sequence
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
    _FromDict,
)
from ._compile import EngineRule, Fired
from ._observations import VOCABULARY, Value, grouped, prerequisites
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


def make_firing(step: int, rule: EngineRule, asserted: bool, values: Mapping[str, Value]
                ) -> Firing:
    """The ``Firing`` object of one recorded firing."""
    return Firing(step=step, rule=rule.rule.id, engine_rule=rule.name, kind=rule.rule.kind,
                  because=rule.paths, matched_facts=rule.matched_facts,
                  asserted=(rule.concludes,) if asserted else (), values=values)


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
        self.plan = missing_plan(self.signals)
        self.by_sign = tuple(sorted(self.signals, key=lambda r: r.sign))
        """Signals in the order an assessment lists them."""
        self.summaries = {v.id: v.summary for v in book.verdicts}
        self.lower_titles = {r.id: r.title.lower() for r in self.signals}
        self._scoring = tuple(
            (r.id, r.sign, r.amount, frozenset(q.id for q in self.qualifiers[r.id]),
             tuple((q.id, q.effect == "boost", q.amount) for q in self.qualifiers[r.id]))
            for r in self.by_sign)
        """(id, sign, base strength, qualifier ids, qualifiers as (id, is a boost, amount))
        per signal, in sign order."""
        self._verdicts = tuple((v.id, v.min_confidence, v.min_signs, frozenset(v.or_signals))
                               for v in book.verdicts)
        self._templates = _templates(book)
        self._qualifier_templates = {
            signal: tuple((q.id, {"id": q.id, "effect": q.effect, "amount": round(q.amount, 4),
                                  "explanation": q.explanation, "because": None,
                                  "rule": q.id, "pack": q.pack})
                          for q in qs)
            for signal, qs in self.qualifiers.items()}
        """Per signal: (qualifier id, the fixed entries of its JSON form)."""

    def assess(self, values: Mapping[str, Value], fired: Sequence[Fired]) -> Assessment:
        """Decide the verdict and confidence now; explain when the explanation is read."""
        ids = {rule.rule.id for rule, _ in fired}
        verdict, confidence, strengths = self.score(ids)
        return Assessment(verdict=verdict, confidence=confidence,  # type: ignore[arg-type]
                          explanation=_Explanation(self, values, fired, ids,
                                                   strengths=strengths, verdict=verdict))

    def score(self, ids: set[str] | frozenset[str]) -> tuple[str, float, dict[str, float]]:
        """(verdict, confidence, strength per established signal) of the rules that fired."""
        strengths: dict[str, float] = {}
        signs = set()
        standing = set()
        for id_, sign, amount, qualifier_ids, qualifiers in self._scoring:
            if id_ not in ids:
                continue
            if qualifier_ids.isdisjoint(ids):
                strength = amount
            else:
                strength = qualify(amount, [a for q, boost, a in qualifiers if boost and q in ids],
                                   [a for q, boost, a in qualifiers if not boost and q in ids])
            strengths[id_] = strength
            if strength > 0:
                signs.add(sign)
                standing.add(id_)
        confidence = round(max(0.0, combine(strengths.values())), 6) if strengths else 0.0
        verdict = self._verdicts[-1][0]
        for id_, min_confidence, min_signs, or_signals in self._verdicts:
            if confidence >= min_confidence and (
                    len(signs) >= min_signs or not or_signals.isdisjoint(standing)):
                verdict = id_
                break
        return verdict, confidence, strengths

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

    def signal_dict(self, rule: Rule, fired: set[str], strength: float,
                    because: Mapping[FactRef, Iterable[str]]) -> dict[str, object]:
        """``signal(...).to_dict()`` without the objects on the way: a copy of the signal's
        template (its fixed entries, in the JSON order) with the rest filled in."""
        data = self._templates[rule.id].copy()
        if strength is not rule.amount:  # the template holds the base strength, rounded
            data["strength"] = round(strength, 4)  # (``is``: a qualified 1.0 is not int 1)
        qualifiers = self._qualifier_templates[rule.id]
        if qualifiers:
            data["qualifiers"] = [{**template, "because": list(because[("qualifier", id_)])}
                                  for id_, template in qualifiers if id_ in fired]
        else:
            data["qualifiers"] = []
        data["because"] = list(because[("signal", rule.id)])
        data["source"] = {"sign": rule.source_sign, "title": rule.source_title}
        return data

    def advice_dict(self, rule: Rule, because: Mapping[FactRef, Iterable[str]]
                    ) -> dict[str, object]:
        """``Advice.to_dict()`` of a fired piece of advice, from its template."""
        data = self._templates[rule.id].copy()
        data["because"] = list(because[("advice", rule.id)])
        data["source"] = {"sign": rule.source_sign, "title": rule.source_title}
        return data


def _templates(book: Rulebook) -> dict[str, dict[str, object]]:
    """The fixed entries of every signal's and piece of advice's JSON form, in JSON order;
    ``None`` marks what each assessment fills in. Copied, never handed out."""
    out: dict[str, dict[str, object]] = {}
    for r in book.of_kind("signal"):
        amount = round(r.amount, 4)
        out[r.id] = {"id": r.id, "sign": r.sign, "title": r.title, "strength": amount,
                     "base_strength": amount, "qualifiers": None, "because": None,
                     "rule": r.id, "source": None, "explanation": r.explanation,
                     "pack": r.pack}
    for r in book.of_kind("advice"):
        out[r.id] = {"id": r.id, "sign": r.sign, "text": r.explanation, "because": None,
                     "rule": r.id, "source": None, "pack": r.pack}
    return out


class _Explanation:
    """The explanation of one assessment, each part built on first read (``Explanation``).

    ``as_dict`` builds the JSON form straight from the recorded firings, without the
    objects; the objects are built only when a caller reads them. Pickling sends the
    ``to_dict()`` form, so an assessment crossing a process boundary does not drag the
    rulebook along. (Caching is by hand: ``functools.cached_property`` takes a lock on
    every read in Python 3.11, which costs more than most of these parts.)
    """

    __slots__ = ("_because_", "_fired", "_ids", "_missing_", "_parts", "_scorer",
                 "_strengths", "_summary_", "_values", "_verdict")

    def __init__(self, scorer: Scorer, values: Mapping[str, Value], fired: Sequence[Fired],
                 ids: set[str], *, strengths: dict[str, float], verdict: str) -> None:
        self._scorer, self._values, self._fired, self._ids = scorer, values, fired, ids
        self._strengths, self._verdict = strengths, verdict
        self._because_: dict[FactRef, tuple[str, ...]] | None = None
        self._missing_: list[tuple[Rule, tuple[str, ...]]] | None = None
        self._summary_: str | None = None
        self._parts: dict[str, Any] = {}

    def _because(self) -> dict[FactRef, tuple[str, ...]]:
        if self._because_ is None:
            self._because_ = _because_index(self._fired, self._values)
        return self._because_

    def _missing(self) -> list[tuple[Rule, tuple[str, ...]]]:
        if self._missing_ is None:
            self._missing_ = _missing(self._scorer.plan, self._values, self._ids)
        return self._missing_

    @property
    def trace(self) -> tuple[Firing, ...]:
        if "trace" not in self._parts:
            values = self._values
            self._parts["trace"] = tuple(
                make_firing(step, rule, asserted, values)
                for step, (rule, asserted) in enumerate(self._fired, 1))
        return self._parts["trace"]  # type: ignore[no-any-return]

    @property
    def signals(self) -> tuple[Signal, ...]:
        if "signals" not in self._parts:
            sc, ids, strengths, because = self._scorer, self._ids, self._strengths, \
                self._because()
            self._parts["signals"] = tuple(sc.signal(r, ids, strengths[r.id], because)
                                           for r in sc.by_sign if r.id in ids)
        return self._parts["signals"]  # type: ignore[no-any-return]

    @property
    def advice(self) -> tuple[Advice, ...]:
        if "advice" not in self._parts:
            sc, because = self._scorer, self._because()
            self._parts["advice"] = tuple(
                Advice(id=r.id, sign=r.sign, text=r.explanation,
                       because=because[("advice", r.id)], rule=r.id,
                       source=sc.sources[r.id], pack=r.pack)
                for r in sc.advice if r.id in self._ids)
        return self._parts["advice"]  # type: ignore[no-any-return]

    @property
    def missing(self) -> tuple[Missing, ...]:
        return tuple(Missing(sign=r.sign, signal=r.id, fields=f) for r, f in self._missing())

    @property
    def summary(self) -> str:
        if self._summary_ is None:
            sc, titles = self._scorer, self._scorer.lower_titles
            # strengths are in sign order: the scorer fills them walking signals that way
            ranked = [(titles[id_], s) for id_, s in self._strengths.items()]
            self._summary_ = _summary(sc.book, bool(self._values),
                                      sc.summaries[self._verdict], ranked)
        return self._summary_

    @property
    def observations(self) -> dict[str, dict[str, Value]]:
        return grouped(self._values)

    def as_dict(self) -> dict[str, Any]:
        """The explanation in the ``to_dict()`` form, built from the firings (fresh data).

        One pass over the firings writes the trace and the because index together (the
        same index ``_because_index`` makes, with paths kept as dict keys)."""
        sc, ids, values, strengths = self._scorer, self._ids, self._values, self._strengths
        index: dict[FactRef, dict[str, None]] = {}
        trace = []
        for step, (rule, asserted) in enumerate(self._fired, 1):
            kind, rule_id = ref = rule.concludes
            paths = index.get(ref)
            if paths is None:
                paths = index[ref] = {}
            matched: list[dict[str, object]] = []
            for path in rule.paths:
                value = values.get(path)
                if value is None:
                    matched.append({"kind": "observation", "path": path, "value": "unknown"})
                else:
                    paths[path] = None
                    matched.append({"kind": "observation", "path": path, "value": value})
            for fact in rule.matched_facts:
                matched.append({"kind": fact[0], "id": fact[1]})
                if fact in index:
                    paths.update(index[fact])
            trace.append({"step": step, "rule": rule_id, "engine_rule": rule.name,
                          "kind": kind, "matched": matched,
                          "asserted": [{"kind": kind, "id": rule_id}] if asserted else []})
        return {
            "signals": [sc.signal_dict(r, ids, strengths[r.id], index)
                        for r in sc.by_sign if r.id in ids],
            "advice": [sc.advice_dict(r, index) for r in sc.advice if r.id in ids],
            "missing": [{"sign": r.sign, "signal": r.id, "fields": list(f)}
                        for r, f in self._missing()],
            "trace": trace, "summary": self.summary, "observations": grouped(values)}

    def __reduce__(self) -> tuple[type[_FromDict], tuple[dict[str, Any]]]:
        # Plain dicts pickle in C and carry no rulebook; the receiver rebuilds parts lazily.
        return (_FromDict, (self.as_dict(),))


def _because_index(fired: Sequence[Fired], values: Mapping[str, Value]
                   ) -> dict[FactRef, tuple[str, ...]]:
    """For every derived fact, the known observations behind it, through earlier facts."""
    index: dict[FactRef, dict[str, None]] = {}
    for rule, _ in fired:
        paths = index.get(rule.concludes)
        if paths is None:
            paths = index[rule.concludes] = {}
        for path in rule.paths:
            if path in values:
                paths[path] = None
        for ref in rule.matched_facts:
            paths.update(index.get(ref, ()))
    return {ref: tuple(p) for ref, p in index.items()}


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


Holds: TypeAlias = Callable[[Mapping[str, Value]], "bool | None"]
_Askable: TypeAlias = tuple[tuple[str, tuple[str, ...]], ...]
"""(path, its prerequisites) for every path a test reads."""
_Branch: TypeAlias = tuple[tuple[Holds, _Askable], ...]
_Plan: TypeAlias = tuple[tuple[Rule, "_Askable | None", tuple[_Branch, ...]], ...]


def holds_function(test: Test) -> Holds:
    """``holds(test, values)`` as a function of ``values`` alone, with everything that does
    not depend on the values worked out once (``test_scoring`` checks they agree)."""
    path, op = test.path, test.op
    if test.fact_kind is not None or path is None or test.other is not None:
        return functools.partial(holds, test)
    if op == "unknown":
        return lambda values: path not in values
    if op == "known":
        return lambda values: True if path in values else None
    literal = test.value
    if op == "is_not":
        return lambda values: (v := values.get(path)) is None or v != literal
    if_unknown = _possible(test, {})  # an unknown field's range does not depend on values
    if op in ("==", "!="):
        same = op == "=="
        return lambda values: (if_unknown if (v := values.get(path)) is None
                               else (v == literal) is same)
    compare, bound = _ORDER[op], float(literal)  # type: ignore[arg-type]
    return lambda values: (if_unknown if (v := values.get(path)) is None
                           else compare(float(v), bound))


_ORDER: dict[str, Callable[[float, float], bool]] = {
    "<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge}


def missing_plan(signals: Sequence[Rule], *, shortcuts: bool = True) -> _Plan:
    """For every signal that counts for the candidate, in sign order: what ``_missing``
    walks on every assessment, prepared once.

    That is each branch's tests (as functions) with the paths they read and, when every
    branch is a single test of one field (``shortcuts``), the shortcut: such a branch can
    only be settled by its field while the field is unknown, and whether it could hold then
    does not depend on any other value, so only the askable fields are kept, in branch
    order. ``shortcuts=False`` is the plain walk, which tests compare the shortcut with.
    """
    return tuple((r, _single_field_branches(r) if shortcuts else None,
                  tuple(tuple((holds_function(t),
                               tuple((p, prerequisites(p)) for p in t.paths)) for t in b)
                        for b in r.branches))
                 for r in sorted(signals, key=lambda r: r.sign) if r.amount > 0)


def _single_field_branches(rule: Rule) -> _Askable | None:
    """(field, its prerequisites) of every branch an unknown field could still settle, when
    every branch of ``rule`` is one test of one field; otherwise None.

    A known field decides its test (true or false), so it never makes the branch undecided;
    an unknown one leaves it undecided exactly when ``holds`` says so with nothing known."""
    tests = [b[0] for b in rule.branches if len(b) == 1]
    if len(tests) != len(rule.branches) or any(
            t.fact_kind is not None or t.path is None or t.other is not None for t in tests):
        return None
    return tuple((t.path, prerequisites(t.path)) for t in tests
                 if t.path is not None and holds(t, {}) is None)


def _missing(plan: _Plan, values: Mapping[str, Value], fired: set[str]
             ) -> list[tuple[Rule, tuple[str, ...]]]:
    """(signal rule, unknown fields that could still establish it) for every signal that
    counts for the candidate, has not fired, and could still fire."""
    out = []
    for rule, single, branches in plan:
        if rule.id in fired:
            continue
        fields: list[str] = []
        if single is not None:
            for path, needs in single:
                if path not in values:
                    for need in needs:
                        if values.get(need) is False:
                            break  # a false prerequisite: the field cannot hold a value
                    else:
                        fields.append(path)
        else:
            for branch in branches:
                undecided: list[str] = []
                for check, paths in branch:
                    result = check(values)
                    if result is False:
                        break  # a known value already rules this branch out
                    if result is None:
                        for path, needs in paths:
                            # A field is worth asking for unless a prerequisite is false.
                            if path not in values and not (
                                    needs and any(values.get(n) is False for n in needs)):
                                undecided.append(path)
                else:
                    fields += undecided
        if fields:
            out.append((rule, tuple(dict.fromkeys(fields)) if len(fields) > 1
                        else (fields[0],)))
    return out


def _join(titles: Sequence[str]) -> str:
    if len(titles) <= 1:
        return "".join(titles)
    return ", ".join(titles[:-1]) + " and " + titles[-1]


_STRENGTH = operator.itemgetter(1)


def _summary(book: Rulebook, known: bool, text: str,
             ranked: Sequence[tuple[str, float]]) -> str:
    """The summary of a verdict whose text is ``text``; ``ranked`` are (lower-case title,
    strength) of every established signal in sign order."""
    if not known:
        return book.nothing_known
    # list.sort is stable with reverse=True too: equal strengths keep their sign order.
    standing = [pair for pair in ranked if pair[1] > 0]
    if len(standing) > 1:
        standing.sort(key=_STRENGTH, reverse=True)
    text = text.replace("{signals}", _join([title for title, _ in standing]))
    if book.against:
        against = [pair for pair in ranked if pair[1] < 0]
        if against:
            against.sort(key=_STRENGTH)
            text += " " + book.against.replace("{signals}",
                                               _join([title for title, _ in against]))
    return f"{text} {book.caveat}" if standing else text
