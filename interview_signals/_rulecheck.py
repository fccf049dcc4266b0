"""Whole-rulebook checks: references, conditions that can never hold, rules that can never
fire, and rules that would count absence as evidence against (SPEC section 5).

Neighbour: ``_rulebook.read_rulebook`` runs these after merging every pack.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TypeAlias

from ._errors import RuleProblem
from ._observations import VOCABULARY
from ._rulebook import Branch, Rule, Rulebook, Test

_Bad: TypeAlias = Callable[[Rule, str], None]

# Observations the article says are no evidence against the candidate when they are
# negative or missing: no reply (sign 7), no deep dive beyond the overview (sign 6).
# A short interview (sign 5) is checked separately: `actual_minutes` below the schedule.
_ABSENCE_IS_NOT_EVIDENCE = {
    "thank_you.response_received": "sign 7: the interviewer owes you no reply",
    "job_specifics.deep_dive": "sign 6: an overview alone is standard, not a bad sign",
    "job_specifics.you_would_language": "sign 6: an overview alone is standard, not a bad sign",
}


def check_rulebook(book: Rulebook) -> list[RuleProblem]:
    """Every problem of the merged rulebook as a whole, in rule order."""
    problems: list[RuleProblem] = []
    rules = book.by_id()

    def bad(rule: Rule, reason: str) -> None:
        problems.append(RuleProblem(file=rule.file, rule_id=rule.id, reason=reason))

    for rule in book.rules:
        _check_references(rule, rules, bad)
        for i, branch in enumerate(rule.branches):
            why = contradiction(branch)
            if why:
                where = f"branch {i + 1} of when" if len(rule.branches) > 1 else "when"
                bad(rule, f"{where} can never hold: {why}")
        _check_absence(rule, bad)
    if not problems:
        for rule, reason in _never_fire(book):
            bad(rule, reason)
    problems.extend(_check_verdicts(book))
    return problems


def _check_references(rule: Rule, rules: dict[str, Rule], bad: _Bad) -> None:
    if rule.applies_to is not None:
        target = rules.get(rule.applies_to)
        if target is None:
            bad(rule, f"applies_to: unknown id {rule.applies_to!r}")
        elif target.kind != "signal":
            bad(rule, f"applies_to: {rule.applies_to!r} is a {target.kind}, not a signal")
        elif rule.sign != target.sign:
            bad(rule, f"sign: a qualifier of {target.id!r} belongs to its sign {target.sign}")
    for branch in rule.branches:
        for test in branch:
            if test.fact_kind is None:
                continue
            target = rules.get(str(test.fact_id))
            if target is None:
                bad(rule, f"when: unknown {test.fact_kind} id {test.fact_id!r}")
            elif target.kind != test.fact_kind:
                bad(rule, f"when: {test.fact_id!r} is a {target.kind}, not a {test.fact_kind}")
            elif target.id == rule.id:
                bad(rule, "when: a rule cannot wait for its own conclusion")


def contradiction(branch: Branch) -> str | None:
    """Why the tests of one branch can never hold together, or ``None`` if they can."""
    by_path: dict[str, list[Test]] = {}
    for test in branch:
        if test.path is not None and test.other is None:
            by_path.setdefault(test.path, []).append(test)
    for path, tests in by_path.items():
        why = _numeric_conflict(path, tests) if VOCABULARY[path].kind in ("int", "number") \
            else None
        why = why or _value_conflict(path, tests)
        if why:
            return why
    return None


def _value_conflict(path: str, tests: list[Test]) -> str | None:
    ops = {t.op for t in tests}
    if "unknown" in ops and ops - {"unknown", "is_not"}:
        return f"{path} cannot be unknown and known at once"
    equal = {repr(t.value) for t in tests if t.op == "=="}
    if len(equal) > 1:
        return f"{path} cannot equal {' and '.join(sorted(equal))} at once"
    for t in tests:
        if t.op in ("!=", "is_not") and repr(t.value) in equal:
            return f"{path} cannot both equal and not equal {t.describe().split()[-1]}"
    return None


def _numeric_conflict(path: str, tests: list[Test]) -> str | None:
    spec = VOCABULARY[path]
    low, low_open = float(spec.minimum if spec.minimum is not None else -math.inf), False
    high, high_open = float(spec.maximum if spec.maximum is not None else math.inf), False
    for t in tests:
        if t.op in ("known", "unknown", "!=", "is_not") or t.value is None:
            continue
        v = float(t.value)
        if t.op in ("==", ">=", ">") and (v > low or (v == low and t.op == ">")):
            low, low_open = v, t.op == ">"
        if t.op in ("==", "<=", "<") and (v < high or (v == high and t.op == "<")):
            high, high_open = v, t.op == "<"
    if spec.kind == "int":
        low = math.floor(low) + 1 if low_open and low.is_integer() else math.ceil(low)
        high = math.ceil(high) - 1 if high_open and high.is_integer() else math.floor(high)
        low_open = high_open = False
    if low > high or (low == high and (low_open or high_open)):
        tests_text = " and ".join(t.describe() for t in tests)
        return f"{tests_text} leaves no value in {spec.expected.split(' from ')[-1]}"
    return None


def _check_absence(rule: Rule, bad: _Bad) -> None:
    """A rule that lowers a strength must not fire on missing or negative evidence."""
    if not _lowers(rule):
        return
    for branch in rule.branches:
        for test in branch:
            if test.op == "unknown":
                bad(rule, f"when: fires on {test.path} being unknown and lowers a strength; "
                    "not knowing is never evidence against")
            elif test.path in _ABSENCE_IS_NOT_EVIDENCE and _accepts_absence(test):
                bad(rule, f"when: fires on {test.describe()} and lowers a strength, but "
                    f"that is no evidence against ({_ABSENCE_IS_NOT_EVIDENCE[test.path]})")
            elif _short_interview(test):
                bad(rule, f"when: fires on {test.describe()} and lowers a strength, but a "
                    "short interview is no evidence against (sign 5)")


def _lowers(rule: Rule) -> bool:
    return rule.effect == "discount" or (rule.effect == "strength" and rule.amount < 0)


def _accepts_absence(test: Test) -> bool:
    if test.op == "is_not":
        return test.value is True
    if test.op == "==":
        return test.value is False
    return test.op == "!=" and test.value is True


def _short_interview(test: Test) -> bool:
    actual, scheduled = "interview.actual_minutes", "interview.scheduled_minutes"
    if test.path == actual and test.other == scheduled:
        return test.op in ("<", "<=") or (test.op == "==" and test.plus < 0)
    if test.path == scheduled and test.other == actual:
        return test.op in (">", ">=")
    return test.path == actual and test.op in ("<", "<=")


def _never_fire(book: Rulebook) -> list[tuple[Rule, str]]:
    """Rules whose condition needs a conclusion that no rule can reach."""
    produced: set[str] = set()
    changed = True
    while changed:
        changed = False
        for rule in book.rules:
            if rule.id not in produced and _can_fire(rule, produced):
                produced.add(rule.id)
                changed = True
    out = []
    for rule in book.rules:
        if rule.id in produced:
            continue
        if rule.applies_to and rule.applies_to not in produced:
            out.append((rule, f"can never fire: the signal it qualifies, {rule.applies_to!r}, "
                        "is never produced"))
        else:
            out.append((rule, "can never fire: every branch waits for a conclusion that no "
                        "rule produces"))
    return out


def _can_fire(rule: Rule, produced: set[str]) -> bool:
    if rule.applies_to and rule.applies_to not in produced:
        return False
    return any(all(t.fact_id in produced for t in b if t.fact_kind) for b in rule.branches)


def _check_verdicts(book: Rulebook) -> list[RuleProblem]:
    problems = []
    signals = {r.id for r in book.of_kind("signal")}
    for verdict in book.verdicts:
        file = verdict.file
        for signal in verdict.or_signals:
            if signal not in signals:
                problems.append(RuleProblem(file=file, rule_id=verdict.id,
                                            reason=f"or_signals: unknown signal {signal!r}"))
    last = book.verdicts[-1]
    if last.min_confidence > 0 or last.min_signs > 0:
        problems.append(RuleProblem(file=last.file, rule_id=last.id, reason="the last verdict must "
                                    "always hold (min_confidence = 0, min_signs = 0)"))
    return problems
