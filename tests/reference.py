"""An independent reading of the rulebook data, to check the compiled engine against.

It reads the TOML files itself (the library only tells it where the default pack lives),
evaluates every condition in plain Python on the observation values, strictly typed (true is
not 1, "5" is not 5; an absent field is unknown), chains derived facts to a fixpoint, then
scores with the formulas of the design. It shares no code with the library's compiler,
engine or scoring, so a mistake in any of those shows up as a disagreement.
"""

from __future__ import annotations

import math
import operator
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from interview_signals._rulebook.files import default_pack_path

Fact = tuple[str, str]
"""A derived fact: (kind, rule id)."""

_ORDER: dict[str, Callable[[float, float], bool]] = {
    "<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge}


@dataclass(frozen=True)
class RefRule:
    """One rule as read from its table."""

    id: str
    kind: str
    sign: int
    applies_to: str | None
    branches: tuple[tuple[Mapping[str, Any], ...], ...]
    effect: str | None
    amount: float


@dataclass(frozen=True)
class RefVerdict:
    id: str
    min_confidence: float
    or_signals: frozenset[str]


@dataclass(frozen=True)
class RefBook:
    rules: tuple[RefRule, ...]
    verdicts: tuple[RefVerdict, ...]
    params: Mapping[str, float]


@dataclass(frozen=True)
class RefSignal:
    id: str
    sign: int
    base_strength: float
    strength: float
    qualifiers: tuple[str, ...]
    """Applied qualifier ids, in rulebook order."""


@dataclass(frozen=True)
class RefAssessment:
    signals: tuple[RefSignal, ...]
    """In rulebook order."""
    advice: tuple[str, ...]
    confidence: float
    """Rounded to 6 places, as the library reports it."""
    exact_confidence: float
    """Before rounding: a float a hair off a rounding boundary may round either way."""
    verdict: str


def _pack_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix == ".toml" and p.is_file())
    return [path]


def load_reference(*paths: str | Path, include_default: bool = True) -> RefBook:
    """Read and merge packs as the contract describes: later packs add rules, or replace
    part of one with ``overrides = "id"``. Assumes the library accepted the same packs."""
    folders = [default_pack_path()] if include_default else []
    folders += [Path(p) for p in paths]
    rules: dict[str, dict[str, Any]] = {}
    verdicts: dict[str, dict[str, Any]] = {}
    params: dict[str, float] = {}
    for folder in folders:
        for file in _pack_files(folder):
            data = tomllib.loads(file.read_text(encoding="utf-8"))
            for table in data.get("rule", []):
                _merge(rules, table)
            for table in data.get("verdict", []):
                _merge(verdicts, table)
            params.update(data.get("params", {}))
    return RefBook(rules=tuple(_rule(t) for t in rules.values()),
                   verdicts=tuple(_verdict(t) for t in verdicts.values()), params=params)


def _merge(tables: dict[str, dict[str, Any]], table: Mapping[str, Any]) -> None:
    target = table.get("overrides")
    if target is None:
        tables[table["id"]] = dict(table)
    else:
        # Replacing keeps the rule's place in the rulebook order.
        tables[target] = {**tables[target], **table, "id": target}


def _rule(table: Mapping[str, Any]) -> RefRule:
    when = table["when"]
    if "all" in when:
        branches: tuple[tuple[Mapping[str, Any], ...], ...] = (tuple(when["all"]),)
    else:
        branches = tuple(tuple(item["all"]) if set(item) == {"all"} else (item,)
                         for item in when["any"])
    effect = table.get("effect")
    name, amount = next(iter(effect.items())) if effect else (None, 0.0)
    return RefRule(id=table["id"], kind=table["kind"], sign=table["source"]["sign"],
                   applies_to=table.get("applies_to"), branches=branches, effect=name,
                   amount=float(amount))


def _verdict(table: Mapping[str, Any]) -> RefVerdict:
    return RefVerdict(id=table["id"], min_confidence=float(table["min_confidence"]),
                      or_signals=frozenset(table.get("or_signals", [])))


def _number(x: object) -> float | None:
    if isinstance(x, bool) or not isinstance(x, int | float):
        return None
    return float(x)


def same(a: object, b: object) -> bool:
    """Equality as the vocabulary means it: booleans, numbers and text never equal each
    other (Python says ``True == 1``; the rulebook does not)."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, str) or isinstance(b, str):
        return isinstance(a, str) and isinstance(b, str) and a == b
    x, y = _number(a), _number(b)
    return x is not None and y is not None and x == y


def _compare(op: str, left: object, right: object) -> bool:
    if op == "==":
        return same(left, right)
    if op == "!=":
        return not same(left, right)
    x, y = _number(left), _number(right)
    return x is not None and y is not None and _ORDER[op](x, y)


def passes(test: Mapping[str, Any], values: Mapping[str, object], facts: set[Fact],
           params: Mapping[str, float]) -> bool:
    """Whether one test of a condition holds; ``values`` holds only known fields.
    ``{ path = p }`` alone means p is true; ``param`` names a [params] number; ``share``
    (or ``share_param``) scales the other field by 1 + share for > and >=, 1 - share for
    < and <=."""
    for kind in ("signal", "qualifier", "advice"):
        if kind in test:
            return (kind, test[kind]) in facts
    path, op = test["path"], test.get("op", "==")
    if set(test) == {"path"}:
        return path in values and same(values[path], True)
    known = path in values
    if op == "known":
        return known
    if op == "unknown":
        return not known
    if op == "is_not":
        return not known or not same(values[path], test["value"])
    if not known:
        return False
    if "other" in test:
        other = test["other"]
        if other not in values:
            return False
        right = _number(values[other])
        share = params[test["share_param"]] if "share_param" in test else test.get("share", 0)
        scale = 1 + share if op in (">", ">=") else 1 - share
        return right is not None and _compare(op, values[path],
                                              right * scale + test.get("plus", 0))
    literal = params[test["param"]] if "param" in test else test["value"]
    return _compare(op, values[path], literal)


def _holds(rule: RefRule, values: Mapping[str, object], facts: set[Fact],
           params: Mapping[str, float]) -> bool:
    if rule.applies_to is not None and ("signal", rule.applies_to) not in facts:
        return False
    return any(all(passes(t, values, facts, params) for t in branch)
               for branch in rule.branches)


def conclude(book: RefBook, values: Mapping[str, object]) -> set[Fact]:
    """Every derived fact, by forward chaining until nothing new follows."""
    facts: set[Fact] = set()
    while True:
        new = {(r.kind, r.id) for r in book.rules
               if (r.kind, r.id) not in facts and _holds(r, values, facts, book.params)}
        if not new:
            return facts
        facts |= new


def qualified(base: float, boosts: list[float], discounts: list[float]) -> float:
    """Boosts move the magnitude towards 1, then discounts towards 0; the sign stays."""
    magnitude = 1 - (1 - abs(base)) * math.prod(1 - b for b in boosts)
    magnitude *= math.prod(1 - d for d in discounts)
    return math.copysign(magnitude, base)


def combined(strengths: list[float]) -> float:
    """MYCIN: evidence for and against each accumulated, then netted; never below 0.
    Not rounded."""
    for_ = 1 - math.prod(1 - s for s in sorted(strengths) if s > 0)
    against = 1 - math.prod(1 + s for s in sorted(strengths) if s < 0)
    low = min(for_, against)
    net = 0.0 if low >= 1 else (for_ - against) / (1 - low)
    return max(0.0, net)


def evaluate(book: RefBook, observations: Mapping[str, Mapping[str, object]]
             ) -> RefAssessment:
    """The reference assessment of observations in the JSON vocabulary."""
    values = {f"{g}.{f}": v for g, fields in observations.items() for f, v in fields.items()}
    facts = conclude(book, values)
    signals = []
    for rule in book.rules:
        if rule.kind != "signal" or ("signal", rule.id) not in facts:
            continue
        quals = [q for q in book.rules if q.kind == "qualifier" and q.applies_to == rule.id
                 and ("qualifier", q.id) in facts]
        strength = qualified(rule.amount, [q.amount for q in quals if q.effect == "boost"],
                             [q.amount for q in quals if q.effect == "discount"])
        signals.append(RefSignal(id=rule.id, sign=rule.sign, base_strength=rule.amount,
                                 strength=strength, qualifiers=tuple(q.id for q in quals)))
    exact = combined([s.strength for s in signals])
    confidence = round(exact, 6)
    standing = [s for s in signals if s.strength > 0]
    verdict = next(
        (v.id for v in book.verdicts if confidence >= v.min_confidence or any(
            s.id in v.or_signals for s in standing)),
        book.verdicts[-1].id)
    advice = tuple(r.id for r in book.rules if r.kind == "advice" and ("advice", r.id) in facts)
    return RefAssessment(signals=tuple(signals), advice=advice, confidence=confidence,
                         exact_confidence=exact, verdict=verdict)
