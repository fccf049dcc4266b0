"""The independent groups of fields of a rulebook: fields interact only through rules that
read them together (facts and qualifiers included) and through the vocabulary's
contradiction checks, so the fields fall into *field groups* whose completions can be
enumerated on their own and combined only at the scoring step.

Neighbours: ``evaluator.Evaluator`` builds the field groups of its rulebook once and
evaluates each on its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from attrs import frozen

from ..._observations import EXCLUSIONS, VOCABULARY, prerequisites
from ..._rulebook import Rule, Rulebook


@frozen
class FieldGroup:
    """Fields that interact, and the scoring rules that read them."""

    paths: tuple[str, ...]
    rules: tuple[Rule, ...]
    """In an order where a rule comes after the rules whose conclusions it reads (but
    around a cycle of ``any`` branches), so one pass over them fires nearly everything."""
    checked: bool = True
    """Whether the vocabulary's contradiction checks involve its fields."""


def scoring_rules(book: Rulebook) -> tuple[Rule, ...]:
    """The rules scoring needs: signals, qualifiers and the derived facts they read."""
    by_id = book.by_id()
    needed = {r.id for r in book.rules if r.kind in ("signal", "qualifier")}
    stack = list(needed)
    while stack:  # scoring rules may read other derived facts: keep those rules too
        rule = by_id[stack.pop()]
        for dep in reads(rule):
            if dep in by_id and dep not in needed:
                needed.add(dep)
                stack.append(dep)
    return tuple(r for r in book.rules if r.id in needed)


def reads(rule: Rule) -> set[str]:
    """The ids of the derived facts a rule reads."""
    out = {str(t.fact_id) for b in rule.branches for t in b if t.fact_kind is not None}
    if rule.applies_to is not None:
        out.add(rule.applies_to)
    return out


class _Sets:
    """Disjoint sets of names (union-find)."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        parent = self.parent
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        self.parent[self.find(a)] = self.find(b)


def field_groups(rules: tuple[Rule, ...], by_id: Mapping[str, Rule]) -> tuple[FieldGroup, ...]:
    """The field groups: fields connected through shared rules, fact chains and the
    vocabulary's contradiction checks."""
    sets = _Sets()
    ids = {r.id for r in rules}
    for rule in rules:
        node = "rule:" + rule.id
        sets.find(node)
        for path in rule.paths:
            sets.union(node, "path:" + path)
        for dep in reads(rule):
            if dep in ids:
                sets.union(node, "rule:" + dep)
    linked = _linked({p for r in rules for p in r.paths}, sets)
    groups: dict[str, tuple[list[str], list[Rule]]] = {}
    for path in VOCABULARY:
        if path in linked:
            groups.setdefault(sets.find("path:" + path), ([], []))[0].append(path)
    for rule in rules:
        groups.setdefault(sets.find("rule:" + rule.id), ([], []))[1].append(rule)
    return tuple(FieldGroup(paths=tuple(p), rules=in_dependency_order(r),
                           checked=any(validity_partners(x) for x in p))
                 for p, r in groups.values())


def in_dependency_order(rules: list[Rule]) -> tuple[Rule, ...]:
    """``rules`` with each after the rules whose conclusions it reads, where a cycle
    allows (depth first, in rulebook order otherwise)."""
    by_id = {r.id: r for r in rules}
    placed: dict[str, Rule] = {}
    started: set[str] = set()
    for first in rules:
        stack = [(first, False)]
        while stack:
            rule, done = stack.pop()
            if done:
                placed.setdefault(rule.id, rule)
                continue
            if rule.id in started:
                continue
            started.add(rule.id)
            stack.append((rule, True))
            stack.extend((by_id[d], False) for d in sorted(reads(rule), reverse=True)
                         if d in by_id and d not in started)
    return tuple(placed.values())


def _linked(read: Iterable[str], sets: _Sets) -> set[str]:
    """The fields rules read, and those that constrain them through validity (joined to
    them in ``sets``)."""
    linked = set(read)
    changed = True
    while changed:  # a field that constrains a read field through validity joins it
        changed = False
        for path in VOCABULARY:
            for other in validity_partners(path):
                if (path in linked) != (other in linked):
                    linked |= {path, other}
                    changed = True
                if path in linked and other in linked:
                    sets.union("path:" + path, "path:" + other)
    return linked


def validity_partners(path: str) -> tuple[str, ...]:
    """The fields the vocabulary's contradiction checks read together with ``path``."""
    out = list(prerequisites(path))
    out += [b for a, _, b, _, _ in EXCLUSIONS if a == path]
    out += [a for a, _, b, _, _ in EXCLUSIONS if b == path]
    return tuple(out)
