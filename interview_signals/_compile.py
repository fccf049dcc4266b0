"""Compile a ``Rulebook`` into durable_rules ruleset definitions (pure functions).

Neighbours: ``_rulebook`` provides the rules; ``_engine`` registers the definitions and uses
the ``EngineRule`` table to know which rule and branch each engine action stands for.
Every engine condition starts with a positive kind tag (ENGINE-NOTES: a condition of only
negative tests matches the session state and fires forever), and "unknown" is a positive
test on the flag the observation fact carries, never engine negation.
"""

from __future__ import annotations

import copy
import itertools
from typing import Any, TypeAlias

from attrs import field, frozen

from ._observations import fact_key, unknown_key
from ._ruletypes import Rule, Rulebook, Test

OBSERVATION = "o"
_OPS = {"<": "$lt", "<=": "$lte", ">": "$gt", ">=": "$gte", "!=": "$neq"}


@frozen(kw_only=True)
class EngineRule:
    """One engine rule: one alternative of one branch of a rulebook rule."""

    name: str
    rule: Rule
    branch: int
    tests: tuple[Test, ...]
    facts: tuple[tuple[str, str, str], ...]
    """(engine name, fact kind, rule id) of every derived fact the rule joins."""
    paths: tuple[str, ...] = field()
    """The observation paths the rule tests, each once, in test order."""
    matched_facts: tuple[tuple[str, str], ...] = field()
    """(kind, rule id) of every derived fact the rule joins."""
    concludes: tuple[str, str] = field()
    """(kind, rule id) of the fact a firing of this rule concludes."""

    @paths.default
    def _paths(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(p for t in self.tests if t.fact_kind is None for p in t.paths))

    @matched_facts.default
    def _matched_facts(self) -> tuple[tuple[str, str], ...]:
        return tuple((k, i) for _, k, i in self.facts)

    @concludes.default
    def _concludes(self) -> tuple[str, str]:
        return (self.rule.kind, self.rule.id)


Fired: TypeAlias = tuple[EngineRule, bool]
"""One firing as the engine reports it: the engine rule, and whether that firing asserted
its conclusion (False when another branch had already reached it)."""


@frozen(kw_only=True)
class CompiledRulebook:
    """Engine definitions plus the table that maps engine rule names back to the rulebook."""

    rulebook: Rulebook
    engine_rules: dict[str, EngineRule]
    flagged: frozenset[str]
    """The paths whose unknown flag some engine rule tests; the engine's observation fact
    only needs to carry those flags."""
    _definitions: dict[str, Any]

    def read_facts(self) -> frozenset[tuple[str, str]]:
        """(kind, rule id) of every derived fact some engine rule joins: the only derived
        facts worth asserting (the engine would not store the others)."""
        return frozenset((k, i) for r in self.engine_rules.values() for _, k, i in r.facts)

    def definitions(self) -> dict[str, Any]:
        """A fresh copy every call: the engine host mutates what it is given."""
        return copy.deepcopy(self._definitions)


def compile_rulebook(book: Rulebook) -> CompiledRulebook:
    """Every rule, branch and alternative as an engine rule with a unique name."""
    engine_rules: dict[str, EngineRule] = {}
    definitions: dict[str, Any] = {}
    for rule in book.rules:
        for branch_no, branch in enumerate(rule.branches):
            tests: tuple[Test, ...] = branch
            if rule.applies_to is not None:
                tests = (Test(fact_kind="signal", fact_id=rule.applies_to), *tests)
            tests = _once_each_fact(tests)
            for alt_no, alternative in enumerate(_alternatives(tests)):
                name = f"{rule.id}#{branch_no + 1}.{alt_no + 1}"
                definition, facts = compile_condition(tests, alternative)
                definitions[name] = definition
                engine_rules[name] = EngineRule(name=name, rule=rule, branch=branch_no,
                                                tests=tests, facts=facts)
    flagged = frozenset(str(t.path) for r in engine_rules.values() for t in r.tests
                        if t.op in ("unknown", "is_not"))
    return CompiledRulebook(rulebook=book, engine_rules=engine_rules, flagged=flagged,
                            definitions=definitions)


def _once_each_fact(tests: tuple[Test, ...]) -> tuple[Test, ...]:
    """Each derived fact tested once: the engine never matches one fact twice in a rule,
    so a rule waiting twice on the same fact (a qualifier whose ``when`` also names the
    signal it applies to) would never fire. Waiting once means the same."""
    seen: set[tuple[str, str | None]] = set()
    kept = []
    for test in tests:
        if test.fact_kind is not None:
            if (test.fact_kind, test.fact_id) in seen:
                continue
            seen.add((test.fact_kind, test.fact_id))
        kept.append(test)
    return tuple(kept)


def _alternatives(tests: tuple[Test, ...]) -> list[tuple[int, ...]]:
    """``is_not`` holds two ways (unknown, or known and different): one choice per test."""
    choices = [range(2) if t.op == "is_not" else range(1) for t in tests]
    return list(itertools.product(*choices))


def compile_condition(tests: tuple[Test, ...], choice: tuple[int, ...]
                      ) -> tuple[dict[str, Any], tuple[tuple[str, str, str], ...]]:
    """One engine condition: an observation pattern and one pattern per derived fact."""
    observation: list[dict[str, Any]] = [{"kind": "observation"}]
    patterns: list[dict[str, Any]] = []
    facts: list[tuple[str, str, str]] = []
    for test, pick in zip(tests, choice, strict=True):
        if test.fact_kind is not None:
            name = f"f{len(facts)}"
            facts.append((name, test.fact_kind, str(test.fact_id)))
            patterns.append({name: {"$and": [{"kind": test.fact_kind},
                                             {test.fact_kind: test.fact_id}]}})
        else:
            observation.extend(compile_test(test, pick))
    if len(observation) > 1:
        patterns.append({OBSERVATION: {"$and": observation}})
    return {"all": patterns}, tuple(facts)


def compile_test(test: Test, pick: int = 0) -> list[dict[str, Any]]:
    """An observation test as engine expressions on the observation fact."""
    path = str(test.path)
    key = fact_key(path)
    if test.op == "unknown" or (test.op == "is_not" and pick == 0):
        return [{unknown_key(path): True}]
    known = {"$ex": {key: 1}}
    if test.op == "known":
        return [known]
    if test.op == "is_not":
        return [known, {"$neq": {key: test.value}}]
    if test.other is not None:
        other = fact_key(test.other)
        right: Any = {"$m": other}
        if test.plus:
            right = {"$add": {"$l": {"$m": other}, "$r": test.plus}}
        op = _OPS.get(test.op)
        compare = {key: right} if op is None else {op: {key: right}}
        return [known, {"$ex": {other: 1}}, compare]
    if test.op == "==":
        return [{key: test.value}]
    return [known, {_OPS[test.op]: {key: test.value}}]
