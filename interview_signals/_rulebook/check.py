"""Whole-rulebook checks: references, conditions that can never hold, rules that can never
fire, and rules that would count absence as evidence against (a judgment principle, docs/design.md).

Neighbour: ``load.read_rulebook`` runs these on everything it read without problems. The
engine's own limits are checked where a rulebook becomes an engine (``_engine``).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from typing import TypeAlias

from .._errors import RuleProblem
from .._observations import VOCABULARY, did_you_mean
from .._quoting import quoted
from .cases import case_problems
from .model import ORDERING, Band, Branch, Rule, Rulebook, Test, Verdict
from .semantics import interval

_Bad: TypeAlias = Callable[[Rule, str], None]
_NOT_KNOWN = "a field nobody recorded says nothing about how you did"


def check_rulebook(book: Rulebook, *, broken: Collection[str] = (),
                   partial: bool = False) -> list[RuleProblem]:
    """Every problem of the merged rulebook as a whole, in rule order.

    Args:
        broken: ids of rules left out for problems of their own; a reference to one is
            not reported again.
        partial: some file could not be read, so unknown ids and rules that can never
            fire are not reported (the missing file may hold what they need).
    """
    problems: list[RuleProblem] = []

    def bad(rule: Rule, reason: str) -> None:
        problems.append(RuleProblem(file=rule.file, rule_id=rule.id, reason=reason,
                                    line=rule.line))

    rules = book.by_id()
    unresolved: set[str] = set()
    for rule in book.rules:
        for is_unknown, reason in _reference_problems(rule, rules, set(broken)):
            unresolved.add(rule.id)
            if not (partial and is_unknown):
                bad(rule, reason)
        for i, branch in enumerate(rule.branches):
            why = contradiction(branch)
            if why:
                where = f"branch {i + 1} of when" if len(rule.branches) > 1 else "when"
                bad(rule, f"{where} can never hold: {why}")
    for rule in book.rules:
        _check_absence(rule, rules, bad)
        _check_placeholder(rule, bad)
    if not partial:
        for rule, reason in _never_fire(book, skip=unresolved | set(broken)):
            bad(rule, reason)
    problems.extend(_check_verdicts(book, broken))
    problems.extend(_check_bands(book))
    problems.extend(_check_cases(book, broken, partial))
    return problems


def _check_cases(book: Rulebook, broken: Collection[str], partial: bool
                 ) -> list[RuleProblem]:
    """The ids each case names, against the merged rulebook."""
    kinds = {r.id: r.kind for r in book.rules}
    applies_to = {r.id: r.applies_to for r in book.of_kind("qualifier") if r.applies_to}
    verdicts = [v.id for v in book.verdicts]
    return [RuleProblem(file=case.file, rule_id=f"case {case.id}", reason=reason,
                        line=case.line)
            for case, reason in case_problems(book.cases, kinds, applies_to, verdicts,
                                              skip=broken, partial=partial)]


def _reference_problems(rule: Rule, rules: dict[str, Rule], broken: set[str]
                        ) -> Iterator[tuple[bool, str]]:
    """(is the id unknown, reason) for each bad id in ``applies_to`` and fact tests."""
    if rule.applies_to is not None and rule.applies_to not in broken:
        target = rules.get(rule.applies_to)
        if target is None:
            yield True, (f"applies_to: unknown signal id {quoted(rule.applies_to)}"
                         f"{did_you_mean(rule.applies_to, tuple(rules))}")
        elif target.kind != "signal":
            yield False, f"applies_to: {quoted(rule.applies_to)} is a {target.kind}, not a signal"
        elif rule.sign != target.sign:
            yield False, (f"sign: a qualifier of {quoted(target.id)} belongs to its sign "
                          f"{target.sign}")
    for branch in rule.branches:
        for test in branch:
            if test.fact_kind is None or test.fact_id in broken:
                continue
            target = rules.get(str(test.fact_id))
            if target is None:
                yield True, (f"when: unknown {test.fact_kind} id {quoted(str(test.fact_id))}"
                             f"{did_you_mean(test.fact_id, tuple(rules))}")
            elif target.kind != test.fact_kind:
                yield False, (f"when: {quoted(str(test.fact_id))} is a {target.kind}, not a "
                              f"{test.fact_kind}")
            elif target.id == rule.id:
                yield False, "when: a rule cannot wait for its own conclusion"


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
        shown = " and ".join(sorted(t.describe().split()[-1] for t in tests if t.op == "=="))
        return f"{path} cannot equal {shown} at once"
    for t in tests:
        if t.op in ("!=", "is_not") and repr(t.value) in equal:
            return f"{path} cannot both equal and not equal {t.describe().split()[-1]}"
    return None


def _numeric_conflict(path: str, tests: list[Test]) -> str | None:
    left = interval(path, tests)
    if left is not None and left.is_empty:
        tests_text = " and ".join(t.describe() for t in tests)
        return f"{tests_text} leaves no value in " \
            f"{VOCABULARY[path].expected.split(' from ')[-1]}"
    return None


def _check_placeholder(rule: Rule, bad: _Bad) -> None:
    """``{signals}`` in an advice's text names the signals that raised it: every way the
    advice can fire must wait for one, or the text would name nothing."""
    if "{signals}" not in rule.explanation:
        return
    for i, branch in enumerate(rule.branches):
        if not any(t.fact_kind == "signal" for t in branch):
            where = f"branch {i + 1} of when" if len(rule.branches) > 1 else "when"
            bad(rule, f"explanation: {{signals}} names the signals the advice waits for, but "
                f"{where} waits for none")
            return


def _check_absence(rule: Rule, rules: dict[str, Rule], bad: _Bad) -> None:
    """A rule that would lower the confidence must not fire on missing or negative evidence
    the article says is no evidence against, directly or through a fact it waits for."""
    if not _lowers_confidence(rule, rules):
        return
    basis = absence_basis(rule, rules)
    if basis is not None:
        test, why = basis
        bad(rule, f"when: fires on {test} and would lower the confidence, but that is no "
            f"evidence against ({why})")


def _lowers_confidence(rule: Rule, rules: dict[str, Rule]) -> bool:
    """A negative signal, a discount of a positive signal, or a boost of a negative one."""
    if rule.effect == "strength":
        return rule.amount < 0
    if rule.effect not in ("boost", "discount"):
        return False
    target = rules.get(str(rule.applies_to))
    negative = target is not None and target.amount < 0
    return (rule.effect == "discount") != negative


def absence_basis(rule: Rule, rules: dict[str, Rule], seen: frozenset[str] = frozenset()
                  ) -> tuple[str, str] | None:
    """The first absence a rule can fire on, as (what it tests, why that is no evidence)."""
    for branch in rule.branches:
        positive = any(t.op not in ("unknown", "is_not") for t in branch)
        for test in branch:
            if test.fact_kind is not None:
                target = rules.get(str(test.fact_id))
                if target is None or target.id in seen:
                    continue
                inner = absence_basis(target, rules, seen | {rule.id})
                if inner is not None:
                    return (f"{test.describe()} (which fires on {inner[0]})", inner[1])
                continue
            why = _no_evidence(test) or (None if positive else
                                         _NOT_KNOWN)
            if why:
                return test.describe(), why
    return None


def _no_evidence(test: Test) -> str | None:
    """Why what this test accepts is no evidence against (vocabulary metadata), or
    ``None`` if it can be."""
    if test.op == "unknown":
        return _NOT_KNOWN
    for path in test.paths:
        notes = VOCABULARY[path].not_against
        for answer, why in notes.items():
            if answer == "low" and _accepts_low(test, path):
                return why
            if isinstance(answer, bool) and _accepts(test, answer):
                return why
    return None


def _accepts(test: Test, answer: bool) -> bool:
    """Whether a test on a yes/no field holds for ``answer``."""
    if test.other is not None or test.path is None:
        return False
    if test.op == "known":
        return True
    if test.op in ("is_not", "!="):
        return test.value is not answer
    return test.op == "==" and test.value is answer


def _accepts_low(test: Test, path: str) -> bool:
    """Whether a test holds for low values of ``path`` (a short interview, say)."""
    if test.path == path:
        return test.op in ("<", "<=", "!=") or (test.op == "==" and test.other is not None
                                                 and (test.plus < 0 or test.scale < 1))
    # path on the right: "other > path" holds when path is low
    return test.other == path and test.op in (">", ">=", "!=")


def dropped_tests(base: Rule, new: Rule) -> list[str]:
    """Tests of ``base`` that an override ``new`` no longer makes, in words. A test kept
    with another threshold (same field, comparison and other field) is not dropped."""
    kept = {_shape(t) for b in new.branches for t in b}
    return [t.describe() for b in base.branches for t in b if _shape(t) not in kept]


def _shape(test: Test) -> tuple[object, ...]:
    numeric = test.op in ORDERING or test.other is not None
    return (test.path, test.op, test.other, test.fact_kind, test.fact_id,
            None if numeric else repr(test.value))


def _never_fire(book: Rulebook, skip: set[str]) -> list[tuple[Rule, str]]:
    """Rules that wait for a conclusion no rule can reach (those in ``skip`` aside)."""
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
        if rule.id in produced or rule.id in skip or _never_holds(rule):
            continue
        if rule.applies_to and rule.applies_to not in produced:
            out.append((rule, "can never fire: the signal it qualifies, "
                        f"{quoted(str(rule.applies_to))}, is never produced"))
            continue
        waits = sorted({f"{t.fact_kind} {quoted(str(t.fact_id))}" for b in rule.branches for t in b
                        if t.fact_kind and t.fact_id not in produced})
        out.append((rule, f"can never fire: it waits for {' or '.join(waits)}, which no rule "
                    "produces"))
    return out


def _never_holds(rule: Rule) -> bool:
    """Every branch contradicts itself: that is reported already, as such."""
    return all(contradiction(b) for b in rule.branches)


def _can_fire(rule: Rule, produced: set[str]) -> bool:
    if rule.applies_to and rule.applies_to not in produced:
        return False
    return any(contradiction(b) is None and all(t.fact_id in produced for t in b
                                                 if t.fact_kind) for b in rule.branches)


def _shadowed_verdicts(book: Rulebook) -> list[RuleProblem]:
    """Verdicts are tried in order: a later one whose needs an earlier one's already cover
    can never be chosen. Each such pair is blamed on whichever of the two was loaded last,
    the pack that made the problem."""
    order = {file: i for i, file in enumerate(book.files)}
    problems = []
    for i, first in enumerate(book.verdicts):
        for later in book.verdicts[i + 1:]:
            if first.min_confidence > later.min_confidence or \
                    not set(later.or_signals) <= set(first.or_signals):
                continue
            needs = f"(min_confidence {first.min_confidence:g} <= {later.min_confidence:g})"
            if order.get(later.file, 0) >= order.get(first.file, 0):
                problems.append(RuleProblem(
                    file=later.file, rule_id=later.id, line=later.line,
                    reason=f"can never be chosen: verdict {quoted(first.id)} is tried first and "
                    f"holds whenever this one does {needs}"))
            else:
                problems.append(RuleProblem(
                    file=first.file, rule_id=first.id, line=first.line,
                    reason=f"hides verdict {quoted(later.id)}, which can never be chosen: this one "
                    f"is tried first and holds whenever that one does {needs}"))
    return problems


def _check_verdicts(book: Rulebook, broken: Collection[str]) -> list[RuleProblem]:
    problems = []
    signals = {r.id for r in book.of_kind("signal")}

    def bad(verdict: Verdict, reason: str) -> None:
        problems.append(RuleProblem(file=verdict.file, rule_id=verdict.id, line=verdict.line,
                                    reason=reason))

    for verdict in book.verdicts:
        for signal in verdict.or_signals:
            if signal not in signals and signal not in broken:
                bad(verdict, f"or_signals: unknown signal {quoted(signal)}"
                    f"{did_you_mean(signal, tuple(signals))}")
    for verdict in book.verdicts[:-1]:
        if verdict.min_confidence <= 0:
            bad(verdict, "min_confidence: only the last verdict may hold with no evidence in "
                "the candidate's favour (a net-zero reading is never called encouraging); "
                "give a number above 0")
    if book.verdicts:
        last = book.verdicts[-1]
        if last.min_confidence > 0:
            bad(last, "the last verdict must always hold (min_confidence = 0)")
        if "{signals}" in last.summary:
            bad(last, "summary: {signals} may be empty, as the last verdict needs no "
                "standing signal")
    problems += _shadowed_verdicts(book)
    return problems


def _check_bands(book: Rulebook) -> list[RuleProblem]:
    """Bands are tried in order, like verdicts: each must be reachable, and the last must
    hold for any confidence above 0, so that every reading in the candidate's favour is
    put in words."""
    problems = []

    def bad(band: Band, reason: str) -> None:
        problems.append(RuleProblem(file=band.file, rule_id=band.id, line=band.line,
                                    reason=reason))

    for i, first in enumerate(book.bands):
        for later in book.bands[i + 1:]:
            if first.min_confidence <= later.min_confidence:
                bad(later, f"can never be chosen: band {quoted(first.id)} is tried first and holds "
                    f"whenever this one does (min_confidence {first.min_confidence:g} <= "
                    f"{later.min_confidence:g})")
    if book.bands and book.bands[-1].min_confidence > 0:
        bad(book.bands[-1], "the last band must hold for any confidence above 0 "
            "(min_confidence = 0), so that every reading in the candidate's favour has words")
    return problems
