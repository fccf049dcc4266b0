"""Check one ``[[rule]]`` or ``[[verdict]]`` table's keys, types and vocabulary, and build it.

Neighbours: ``_rulebook`` hands over each table with a ``bad`` callback that records a problem
against the table's file, line and id; ``_rulecheck`` then checks the merged rulebook whole.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import TypeAlias, cast

from ._observations import VOCABULARY, Value
from ._ruletypes import (
    KINDS,
    OPS,
    ORDERING,
    Branch,
    EffectKind,
    FactKind,
    Rule,
    RuleKind,
    Test,
    Verdict,
    literal,
)

Bad: TypeAlias = Callable[[str], None]

RULE_KEYS = frozenset({"id", "kind", "sign", "title", "applies_to", "when", "effect",
                       "explanation", "source", "overrides"})
VERDICT_KEYS = frozenset({"id", "min_confidence", "min_signs", "or_signals", "summary",
                          "overrides"})
_TEST_KEYS = ("path", "op", "value", "other", "plus")


def did_you_mean(word: object, choices: Collection[str]) -> str:
    """`` (did you mean 'x'?)`` when a close match exists, else nothing."""
    if not isinstance(word, str):
        return ""
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.75)
    return f" (did you mean {close[0]!r}?)" if close else ""


def unknown_keys(table: Mapping[str, object], allowed: Collection[str], where: str,
                 bad: Bad) -> None:
    for key in sorted(set(table) - set(allowed)):
        bad(f"{where}unknown key {key!r}{did_you_mean(key, allowed)}")


class _Counting:
    """Wraps ``bad`` to know whether a table had any problem."""

    def __init__(self, bad: Bad) -> None:
        self._bad = bad
        self.count = 0

    def __call__(self, reason: str) -> None:
        self.count += 1
        self._bad(reason)


def parse_rule(table: Mapping[str, object], *, file: str, pack: str, line: int | None,
               bad: Bad) -> Rule | None:
    """A ``Rule`` from one table, or ``None`` after reporting every problem it has."""
    rule_id = cast(str, table.get("id", table.get("overrides")))
    report = _Counting(bad)
    unknown_keys(table, RULE_KEYS, "", report)
    if not re.fullmatch(r"[a-z][a-z0-9_]*", rule_id):
        report("id: expected lower_snake_case letters, digits and underscores")
    kind = table.get("kind")
    if kind not in KINDS:
        report(f"kind: expected one of {', '.join(KINDS)}, got {_shown(kind)}")
        return None
    sign = _sign(table.get("sign"), "sign", report)
    title = table.get("title", "")
    if kind == "signal" and (not isinstance(title, str) or not title.strip()):
        report("title: a signal needs a short title")
    applies_to = table.get("applies_to")
    if kind == "qualifier" and not isinstance(applies_to, str):
        report("applies_to: a qualifier names the signal it qualifies")
    if kind != "qualifier" and applies_to is not None:
        report("applies_to: only a qualifier applies to a signal")
    branches = parse_condition(table.get("when"), report)
    effect, amount = _parse_effect(kind, table.get("effect"), report)
    explanation = table.get("explanation")
    if not isinstance(explanation, str) or not explanation.strip():
        report("explanation: missing; every rule says why, in words a candidate reads")
    source_sign, source_title = _parse_source(table.get("source"), report)
    if report.count:
        return None
    return Rule(id=rule_id, kind=kind, sign=cast(int, sign),
                title=cast(str, title or rule_id.replace("_", " ")),
                applies_to=cast(str | None, applies_to), branches=branches, effect=effect,
                amount=amount, explanation=cast(str, explanation), source_sign=source_sign,
                source_title=source_title, file=file, pack=pack, line=line)


def _sign(value: object, where: str, bad: Bad) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 7:
        return value
    bad(f"{where}: expected a sign number from 1 to 7, got {_shown(value)}")
    return None


def _shown(value: object) -> str:
    return "nothing" if value is None else literal(value)


def _path(value: object) -> str:
    return repr(value) if isinstance(value, str) else _shown(value)


def _parse_source(source: object, bad: Bad) -> tuple[int, str]:
    if not isinstance(source, dict):
        bad("source: missing; expected { sign = N, title = \"...\" } citing the article's sign")
        return 0, ""
    unknown_keys(source, ("sign", "title"), "source: ", bad)
    sign = _sign(source.get("sign"), "source.sign", bad)
    title = source.get("title")
    if not isinstance(title, str) or not title.strip():
        bad("source.title: expected the title of the article's sign")
        return sign or 0, ""
    return sign or 0, title


def _parse_effect(kind: RuleKind, effect: object, bad: Bad) -> tuple[EffectKind, float]:
    if kind == "advice":
        if effect is not None:
            bad("effect: advice never changes a strength; remove the effect")
        return "advise", 0.0
    allowed = ("strength",) if kind == "signal" else ("boost", "discount")
    if not isinstance(effect, dict) or len(effect) != 1:
        bad(f"effect: expected {' or '.join(f'{{ {a} = x }}' for a in allowed)}")
        return "strength", 0.0
    (name, amount), = effect.items()
    if name not in allowed:
        bad(f"effect: a {kind} takes {' or '.join(allowed)}, not {name!r}")
        return "strength", 0.0
    if isinstance(amount, bool) or not isinstance(amount, int | float):
        bad(f"effect.{name}: expected a number, got {_shown(amount)}")
        return "strength", 0.0
    amount = float(amount)
    _check_amount(name, amount, bad)
    return cast(EffectKind, name), amount


def _check_amount(name: str, amount: float, bad: Bad) -> None:
    """Weights stay in range; a boost only raises and a discount only lowers (SPEC section 5)."""
    if name == "strength" and not (-1 < amount < 1 and amount != 0):
        bad(f"effect.strength: out of range: expected a number between -1 and 1 (both "
            f"excluded) other than 0, got {amount:g}")
    elif name == "boost" and amount <= 0:
        bad(f"effect.boost: a boost of {amount:g} would lower or keep a strength; a boost is "
            "above 0 (use discount to lower a strength)")
    elif name == "discount" and amount <= 0:
        bad(f"effect.discount: a discount of {amount:g} would raise or keep a strength; a "
            "discount is above 0 (use boost to raise a strength)")
    elif name in ("boost", "discount") and amount >= 1:
        bad(f"effect.{name}: out of range: expected a fraction above 0 and below 1, "
            f"got {amount:g}")


def parse_condition(when: object, bad: Bad) -> tuple[Branch, ...]:
    """``when = { all = [...] }`` or ``{ any = [test | { all = [...] }] }`` as branches."""
    if not isinstance(when, dict) or len(when) != 1 or next(iter(when)) not in ("all", "any"):
        bad("when: expected { all = [tests] } or { any = [tests] }")
        return ()
    (mode, items), = when.items()
    if not isinstance(items, list) or not items:
        bad(f"when.{mode}: expected a non-empty list of tests")
        return ()
    if mode == "all":
        return (tuple(_parse_test(t, f"when.all[{i}]", bad) for i, t in enumerate(items)),)
    branches: list[Branch] = []
    for i, item in enumerate(items):
        where = f"when.any[{i}]"
        if isinstance(item, dict) and set(item) == {"all"}:
            tests = item["all"]
            if not isinstance(tests, list) or not tests:
                bad(f"{where}.all: expected a non-empty list of tests")
                continue
            branches.append(tuple(_parse_test(t, f"{where}.all[{j}]", bad)
                                  for j, t in enumerate(tests)))
        else:
            branches.append((_parse_test(item, where, bad),))
    return tuple(branches)


def _parse_test(item: object, where: str, bad: Bad) -> Test:
    if not isinstance(item, dict):
        bad(f"{where}: expected a test table, got {_shown(item)}")
        return Test(path=None)
    facts = [k for k in ("signal", "qualifier", "advice") if k in item]
    if facts:
        if len(item) != 1 or not isinstance(item[facts[0]], str):
            bad(f"{where}: a fact test is {{ {facts[0]} = \"id\" }} and nothing else")
        return Test(fact_kind=cast(FactKind, facts[0]), fact_id=str(item[facts[0]]))
    unknown_keys(item, _TEST_KEYS, f"{where}: ", bad)
    path, op = item.get("path"), item.get("op", "==")
    if not isinstance(path, str) or path not in VOCABULARY:
        bad(f"{where}.path: unknown observation path {_path(path)}"
            f"{did_you_mean(path, VOCABULARY)}")
        return Test(path=None)
    if op not in OPS:
        bad(f"{where}.op: expected one of {', '.join(OPS)}, got {_shown(op)}")
        return Test(path=path)
    return _typed_test(path, str(op), item, where, bad)


def _typed_test(path: str, op: str, item: Mapping[str, object], where: str, bad: Bad) -> Test:
    spec = VOCABULARY[path]
    numeric = spec.kind in ("int", "number")
    if op in ("known", "unknown"):
        if set(item) - {"path", "op"}:
            bad(f"{where}: op {op!r} takes no value")
        return Test(path=path, op=op)
    if op in ORDERING and not numeric:
        bad(f"{where}: {path} is {spec.expected}; {op!r} needs a number")
    other = item.get("other")
    if other is not None:
        if not isinstance(other, str) or other not in VOCABULARY:
            bad(f"{where}.other: unknown observation path {_path(other)}"
                f"{did_you_mean(other, VOCABULARY)}")
        elif not numeric or VOCABULARY[other].kind not in ("int", "number"):
            bad(f"{where}: comparing {path} with {other} needs two numeric fields")
        plus = item.get("plus", 0)
        if isinstance(plus, bool) or not isinstance(plus, int | float) or "value" in item:
            bad(f"{where}: with other, give plus = <number> and no value")
            plus = 0
        if op == "is_not":
            bad(f"{where}: is_not compares with a value, not another field")
        return Test(path=path, op=op, other=str(other), plus=float(plus))
    if "plus" in item:
        bad(f"{where}: plus only goes with other")
    value = item.get("value")
    if not _fits(spec.kind, spec.choices, value):
        bad(f"{where}.value: the literal {_shown(value)} does not fit {path}, which is "
            f"{spec.expected}")
    return Test(path=path, op=op, value=cast(Value, value))


def _fits(kind: str, choices: Sequence[str], value: object) -> bool:
    if kind == "bool":
        return isinstance(value, bool)
    if kind == "choice":
        return isinstance(value, str) and value in choices
    return isinstance(value, int | float) and not isinstance(value, bool)


def parse_verdict(table: Mapping[str, object], *, file: str, line: int | None,
                  bad: Bad) -> Verdict | None:
    """A ``Verdict`` from one complete table, or ``None`` after reporting its problems."""
    report = _Counting(bad)
    unknown_keys(table, VERDICT_KEYS, "verdict: ", report)
    min_conf = table.get("min_confidence")
    if isinstance(min_conf, bool) or not isinstance(min_conf, int | float) or not (
            0 <= min_conf <= 1):
        report(f"min_confidence: expected a number from 0 to 1, got {_shown(min_conf)}")
    min_signs = table.get("min_signs", 0)
    if isinstance(min_signs, bool) or not isinstance(min_signs, int) or not 0 <= min_signs <= 7:
        report(f"min_signs: expected an integer from 0 to 7, got {_shown(min_signs)}")
    or_signals = table.get("or_signals", [])
    if not isinstance(or_signals, list) or not all(isinstance(s, str) for s in or_signals):
        report("or_signals: expected a list of signal ids")
    summary = table.get("summary")
    if not isinstance(summary, str) or not summary.strip():
        report("summary: expected the text that opens the candidate's summary")
    elif "{" in summary.replace("{signals}", "") or "}" in summary.replace("{signals}", ""):
        report("summary: the only placeholder is {signals}")
    if report.count:
        return None
    return Verdict(id=cast(str, table["id"]), min_confidence=float(cast(float, min_conf)),
                   min_signs=cast(int, min_signs), or_signals=tuple(cast(list[str], or_signals)),
                   summary=cast(str, summary), file=file, line=line)
