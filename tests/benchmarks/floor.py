"""The floor of the benchmark: the rulebook's data turned into plain Python closures, once.

No engine, no validation, no explanation: each condition becomes a function of the flat
``{"group.field": value}`` mapping, rules run in kind order (signals, qualifiers, advice) with
one more pass for rules that read derived facts, then the scoring formulas of the README.
It is what the same judgment costs with nothing else attached. It shares no code with the
library's compiler, engine or scoring; ``agrees`` checks it against the engine.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Callable, Mapping
from typing import Any, TypeAlias

from interview_signals import Assessment, Rule, Rulebook

Values: TypeAlias = Mapping[str, object]
Facts: TypeAlias = set[tuple[str, str]]
Check: TypeAlias = Callable[[Values, Facts], bool]
Outcome: TypeAlias = tuple[str, float, tuple[str, ...], tuple[str, ...]]
"""(verdict, confidence, standing signal ids, advice ids)."""

_OPS: dict[str, Callable[[Any, Any], bool]] = {
    "==": operator.eq, "!=": operator.ne, "<": operator.lt, "<=": operator.le,
    ">": operator.gt, ">=": operator.ge}


def _check(test: Any) -> Check:
    """One test of a condition as a closure (``test`` is a rulebook ``Test``)."""
    if test.fact_kind is not None:
        fact = (test.fact_kind, test.fact_id)
        return lambda values, facts: fact in facts
    path, op = test.path, test.op
    if op == "known":
        return lambda values, facts: path in values
    if op == "unknown":
        return lambda values, facts: path not in values
    if op == "is_not":
        wanted = test.value
        return lambda values, facts: values.get(path, _UNKNOWN) != wanted
    compare = _OPS[op]
    if test.other is not None:
        other, plus, scale = test.other, test.plus, test.scale

        def against_other(values: Values, facts: Facts) -> bool:
            left, right = values.get(path), values.get(other)
            return left is not None and right is not None and compare(
                left, right * scale + plus)
        return against_other
    literal = test.value
    return lambda values, facts: path in values and compare(values[path], literal)


_UNKNOWN = object()


class Floor:
    """A rulebook compiled to closures; ``evaluate`` takes observations in the JSON shape."""

    def __init__(self, book: Rulebook) -> None:
        order = {"signal": 0, "qualifier": 1, "advice": 2}
        self._rules = sorted(book.rules, key=lambda r: order[r.kind])
        self._checks: dict[str, list[list[Check]]] = {
            r.id: [[_check(t) for t in branch] for branch in r.branches] for r in book.rules}
        self._chained = [r for r in self._rules
                         if any(t.fact_kind is not None for b in r.branches for t in b)]
        self._qualifiers = {s.id: [q for q in book.rules if q.applies_to == s.id]
                            for s in book.rules if s.kind == "signal"}
        self._verdicts = book.verdicts

    def _holds(self, rule: Rule, values: Values, facts: Facts) -> bool:
        if rule.applies_to is not None and ("signal", rule.applies_to) not in facts:
            return False
        return any(all(check(values, facts) for check in branch)
                   for branch in self._checks[rule.id])

    def evaluate(self, observations: Mapping[str, Mapping[str, object]]) -> Outcome:
        values = {f"{g}.{f}": v for g, fields in observations.items()
                  for f, v in fields.items()}
        facts: Facts = set()
        for rule in self._rules:
            if self._holds(rule, values, facts):
                facts.add((rule.kind, rule.id))
        grew = True
        while grew:  # rules on derived facts, until nothing new follows
            before = len(facts)
            for rule in self._chained:
                if self._holds(rule, values, facts):
                    facts.add((rule.kind, rule.id))
            grew = len(facts) > before
        return self._score(facts)

    def _score(self, facts: Facts) -> Outcome:
        strengths: dict[str, float] = {}
        for rule in self._rules:
            if rule.kind != "signal" or ("signal", rule.id) not in facts:
                continue
            magnitude = abs(rule.amount)
            applied = [q for q in self._qualifiers[rule.id] if ("qualifier", q.id) in facts]
            for q in applied:
                if q.effect == "boost":
                    magnitude = 1 - (1 - magnitude) * (1 - q.amount)
            for q in applied:
                if q.effect == "discount":
                    magnitude *= 1 - q.amount
            strengths[rule.id] = math.copysign(magnitude, rule.amount)
        confidence = round(max(0.0, _combine(list(strengths.values()))), 6)
        standing = {s for s, v in strengths.items() if v > 0}
        verdict = next((v.id for v in self._verdicts if confidence >= v.min_confidence or
                        standing & set(v.or_signals)), self._verdicts[-1].id)
        advice = tuple(r.id for r in self._rules if ("advice", r.id) in facts)
        return verdict, confidence, tuple(sorted(standing)), advice


def _combine(strengths: list[float]) -> float:
    strengths = sorted(strengths)  # the order the library combines in: same rounding
    cf_for = 1 - math.prod(1 - s for s in strengths if s > 0)
    against = 1 - math.prod(1 + s for s in strengths if s < 0)
    low = min(cf_for, against)
    return 0.0 if low >= 1 else (cf_for - against) / (1 - low)


def outcome_of(assessment: Assessment) -> Outcome:
    """The engine's assessment reduced to what the floor computes."""
    return (assessment.verdict, assessment.confidence,
            tuple(sorted(s.id for s in assessment.signals if s.stands)),
            tuple(a.id for a in assessment.advice))


def agrees(floor: Floor, assessment: Assessment,
           observations: Mapping[str, Mapping[str, object]]) -> bool:
    """Whether the floor reaches the engine's verdict, confidence, signals and advice."""
    mine, theirs = floor.evaluate(observations), outcome_of(assessment)
    return (mine[0], mine[2], sorted(mine[3])) == (theirs[0], theirs[2], sorted(theirs[3])) \
        and math.isclose(mine[1], theirs[1], abs_tol=2e-6)
