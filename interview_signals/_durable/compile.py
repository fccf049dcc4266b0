"""Everything the engine sees on the wire, as pure functions: the ruleset definitions compiled
from a ``Rulebook``, the observation fact, derived facts, and the JSON the C parser reads.

Neighbours: ``_rulebook`` provides the rules; ``_engine`` registers the definitions, asserts
the facts written here, and uses the ``EngineRule`` table to know which rule and branch each
engine action stands for. Every engine condition starts with a positive kind tag (a condition
of only negative tests matches the session state and fires forever, see docs/design.md), and
"unknown" is a positive test on a flag the observation fact carries, never engine negation.
"""

from __future__ import annotations

import copy
import itertools
import json
import math
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, TypeAlias

from attrs import field, frozen

from .._errors import EngineError
from .._observations import VOCABULARY, Value
from .._rulebook import Rule, Rulebook, Test

OBSERVATION_PATTERN = "observation"
"""The name under which an engine condition matches the observation fact."""
_OPS = {"<": "$lt", "<=": "$lte", ">": "$gt", ">=": "$gte", "!=": "$neq"}


def fact_key(path: str) -> str:
    """The key under which the observation fact carries ``path``: its field name, which is
    unique in the vocabulary (a test checks it). Readable, and short: the engine writes the
    fact into every action's message, so every byte of a key costs."""
    return path.split(".", 1)[1]


def unknown_key(path: str) -> str:
    """The flag the observation fact carries when ``path`` is unknown (a positive test)."""
    return "unknown_" + fact_key(path)


def encode_json(value: object) -> str:
    """JSON the engine's C parser reads back faithfully: floats never carry an exponent
    (the parser rejects ``1e-05``), and nothing that is not finite reaches it."""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return "null"
    if type(value) is int:
        return str(value)
    if type(value) is float:
        if not math.isfinite(value):
            raise EngineError(f"a non-finite number {value!r} cannot reach the engine")
        text = repr(value)
        return format(Decimal(text), "f") if "e" in text or "E" in text else text
    if type(value) is str:
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, Mapping):
        return "{" + ",".join(f"{json.dumps(str(k))}:{encode_json(v)}"
                              for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ",".join(encode_json(v) for v in value) + "]"
    raise EngineError(f"cannot send a {type(value).__name__} to the engine")


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

    def joined_facts(self) -> frozenset[tuple[str, str]]:
        """(kind, rule id) of every derived fact some engine rule joins: the only derived
        facts worth asserting (the engine would not store the others)."""
        return frozenset((k, i) for r in self.engine_rules.values() for _, k, i in r.facts)

    def fact_encoder(self) -> Callable[[Mapping[str, Value]], str]:
        """The observation fact's encoder for this rulebook (see ``fact_encoder``)."""
        return fact_encoder(self.flagged)

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
        patterns.append({OBSERVATION_PATTERN: {"$and": observation}})
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
        if test.scale != 1:
            right = {"$mul": {"$l": right, "$r": test.scale}}
        if test.plus:
            right = {"$add": {"$l": right, "$r": test.plus}}
        op = _OPS.get(test.op)
        compare = {key: right} if op is None else {op: {key: right}}
        return [known, {"$ex": {other: 1}}, compare]
    if test.op == "==":
        return [{key: test.value}]
    return [known, {_OPS[test.op]: {key: test.value}}]


def fact_encoder(flagged: frozenset[str]) -> Callable[[Mapping[str, Value]], str]:
    """Encode the one observation fact as JSON without its leading ``{"sid":...,``: every
    known field under its ``fact_key``, and ``unknown_key: true`` for an unknown field that
    some rule tests as unknown (a positive test, never engine negation; no rule can tell
    the other flags apart). Runs on every assessment, so every pair a field with few values
    can put in the fact is written once, here."""
    keys = {path: f'"{fact_key(path)}":' for path in VOCABULARY}
    pairs: dict[str, Callable[[Value], str]] = {}
    for path, spec in VOCABULARY.items():
        few = (True, False) if spec.kind == "bool" else spec.choices
        if few:
            written: dict[Value, str] = {v: keys[path] + encode_json(v) for v in few}
            pairs[path] = written.__getitem__
        else:
            key = keys[path]
            pairs[path] = lambda v, key=key: key + (  # type: ignore[misc]
                str(v) if type(v) is int else encode_json(v))
    flags = tuple((path, f'"{unknown_key(path)}":true') for path in VOCABULARY
                  if path in flagged)
    head = '"id":"observation","kind":"observation"'

    def encode(values: Mapping[str, Value]) -> str:
        parts = [pairs[p](v) for p, v in values.items()]
        for path, flag in flags:
            if path not in values:
                parts.append(flag)
        return f'{head},{",".join(parts)}}}' if parts else head + "}"

    return encode


def derived_fact_tail(kind: str, rule_id: str) -> str:
    """A derived fact's JSON after its ``sid``: what a rule's action asserts."""
    return encode_json({"id": f"{kind}:{rule_id}", "kind": kind, kind: rule_id})[1:]
