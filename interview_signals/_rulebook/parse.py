"""Check one ``[[rule]]`` or ``[[verdict]]`` table's keys, types and vocabulary, and build it.

Neighbours: ``merge`` hands over each table with a ``bad`` callback that records a problem
against the table's file, line and id; ``check`` then checks the merged rulebook whole.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from typing import TypeAlias, cast

from .._observations import CHECKS, VOCABULARY, Value, did_you_mean
from .._quoting import describe, excerpt, quoted
from .model import (
    KINDS,
    OPS,
    ORDERING,
    Band,
    Branch,
    EffectKind,
    FactKind,
    Rule,
    RuleKind,
    Test,
    Verdict,
    default_title,
    literal,
)

Bad: TypeAlias = Callable[[str], None]

RULE_KEYS = frozenset({"id", "kind", "title", "applies_to", "when", "effect",
                       "explanation", "source", "overrides", "drop_tests"})
VERDICT_KEYS = frozenset({"id", "title", "min_confidence", "or_signals", "summary",
                          "overrides"})
BAND_KEYS = frozenset({"id", "min_confidence", "words", "overrides"})
_TEST_KEYS = ("path", "op", "value", "param", "other", "plus", "share", "share_param")
_NAME = r"[a-z][a-z0-9_]*"
_TITLE_MAX = 40
"""The longest verdict title: a badge's few words, not a sentence."""
_HINTS = {
    "sign": "the sign is given once, in source = { sign = N, title = \"...\" }; remove it",
    "min_signs": "a verdict depends on the confidence (and or_signals) only, so that a higher "
                 "confidence never gets a lower verdict; remove it",
}


def unknown_keys(table: Mapping[str, object], allowed: Collection[str], where: str,
                 bad: Bad) -> None:
    for key in sorted(set(table) - set(allowed), key=str):
        hint = _HINTS.get(key)
        bad(f"{where}unknown key {quoted(key, 40)}" + (f": {hint}" if hint else
                                             did_you_mean(key, tuple(allowed))))


def control_characters(value: object, where: str = "") -> list[tuple[str, str]]:
    """Every string of a parsed pack file (keys included) holding a control character,
    as (where it is, the reason): C0 and C1 controls and DEL, line breaks and tabs aside.
    A pack's text reaches terminals and pages, where such a character acts instead of
    showing (an escape sequence can erase a line or write the clipboard); TOML writes them
    only as escapes (``\\u001b``), never by accident."""
    found: list[tuple[str, str]] = []
    if isinstance(value, str):
        at = _control_at(value)
        if at is not None:
            found.append((where or "the file", f"holds the control character "
                          f"{quoted(value[at])} (at character {at + 1}); a pack's text may "
                          "hold line breaks and tabs, no other control characters"))
    elif isinstance(value, dict):
        for key, item in value.items():
            name = key if re.fullmatch(r"[\w-]+", key) else quoted(key, 40)
            inner = f"{where}.{name}" if where else name
            if _control_at(key) is not None:
                found += control_characters(key, inner)
            found += control_characters(item, inner)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += control_characters(item, f"{where}[{index}]")
    return found


_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""The control characters (Unicode's Cc: C0, DEL, C1) but a line break and a tab."""


def _control_at(text: str) -> int | None:
    """Where the first control character (not a line break or tab) of ``text`` is."""
    found = _CONTROL.search(text)
    return found.start() if found else None


MAX_MAGNITUDE = 10**15
"""The largest size of a number in a pack: far past any threshold of the vocabulary (a year
is 8,760 hours), small enough that every integer up to it is exact as a float and inside
the engine's 64-bit integers (it clamps larger ones silently)."""


_NUMBER = "a finite number (at most 10^15 in size)"


def is_number(value: object) -> bool:
    """A finite int or float that is not a bool, at most ``MAX_MAGNITUDE`` in size: what a
    weight or threshold may be."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return abs(value) <= MAX_MAGNITUDE  # NaN fails every comparison; infinity is too large


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
    if not re.fullmatch(_NAME, rule_id):
        report("id: expected lower_snake_case letters, digits and underscores")
    kind = table.get("kind")
    if kind not in KINDS:
        report(f"kind: expected one of {', '.join(KINDS)}, got {_shown(kind)}")
        return None
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
    elif not only_signals_placeholder(explanation):
        report("explanation: the only placeholder is {signals}")
    elif "{signals}" in explanation and kind != "advice":
        report(f"explanation: {{signals}} names the signals an advice waits for; a {kind}'s "
               "explanation takes no placeholder")
    source_sign, source_title = _parse_source(table.get("source"), report)
    if report.count:
        return None
    return Rule(id=rule_id, kind=kind,
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
    if value is None:
        return "nothing"
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_MAGNITUDE:
        return describe(value)  # never thousands of digits in a message
    if isinstance(value, str):
        return literal(excerpt(value, 40))
    if isinstance(value, dict | list):
        return "a table" if isinstance(value, dict) else "a list"
    return literal(value)


def _path(value: object) -> str:
    return quoted(value) if isinstance(value, str) else _shown(value)


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
        bad(f"effect: a {kind} takes {' or '.join(allowed)}, not {_shown(name)}")
        return "strength", 0.0
    if not is_number(amount):
        bad(f"effect.{name}: expected {_NUMBER}, got {_shown(amount)}")
        return "strength", 0.0
    amount = float(amount)
    _check_amount(name, amount, bad)
    return cast(EffectKind, name), amount


def _check_amount(name: str, amount: float, bad: Bad) -> None:
    """Weights stay in range; a boost only raises and a discount only lowers (a judgment
    principle, docs/design.md)."""
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
    path = item.get("path")
    if not isinstance(path, str) or path not in VOCABULARY:
        bad(f"{where}.path: unknown observation path {_path(path)}"
            f"{did_you_mean(path, tuple(VOCABULARY))}")
        return Test(path=None)
    if set(item) == {"path"}:  # the shorthand { path = "tour.office_tour" }: it is true
        if VOCABULARY[path].kind != "bool":
            bad(f"{where}: {{ path = {quoted(path)} }} alone means \"is true\", but {path} is "
                f"{VOCABULARY[path].expected}; give op and value")
        return Test(path=path, op="==", value=True)
    op = item.get("op", "==")
    if op not in OPS:
        bad(f"{where}.op: expected one of {', '.join(OPS)}, got {_shown(op)}")
        return Test(path=path)
    return _typed_test(path, str(op), item, where, bad)


def _typed_test(path: str, op: str, item: Mapping[str, object], where: str, bad: Bad) -> Test:
    spec = VOCABULARY[path]
    numeric = spec.kind in ("int", "number")
    if op in ("known", "unknown"):
        if set(item) - {"path", "op"}:
            bad(f"{where}: op {quoted(op)} takes no value")
        return Test(path=path, op=op)
    if op in ORDERING and not numeric:
        bad(f"{where}: {path} is {spec.expected}; {quoted(op)} needs a number")
    if "other" in item:
        return _comparison(path, op, item, where, bad)
    for key in ("plus", "share", "share_param"):
        if key in item:
            bad(f"{where}: {key} only goes with other")
    if item.get("param") is not None:
        return _param_test(path, op, item, where, bad)
    value = item.get("value")
    if CHECKS[path](value) is None and not (numeric and is_number(value)):
        bad(f"{where}.value: the literal {_shown(value)} does not fit {path}, which is "
            f"{spec.expected}")
    return Test(path=path, op=op, value=cast(Value, value))


def _param_test(path: str, op: str, item: Mapping[str, object], where: str, bad: Bad) -> Test:
    """A test against a named threshold; its number is filled in once all packs are read."""
    param, spec = item.get("param"), VOCABULARY[path]
    if "value" in item:
        bad(f"{where}: give value or param, not both")
    if not isinstance(param, str) or not re.fullmatch(_NAME, param):
        bad(f"{where}.param: expected the name of a [params] entry, got {_shown(param)}")
        return Test(path=path, op=op)
    if spec.kind not in ("int", "number"):
        bad(f"{where}: a parameter is a number; {path} is {spec.expected}")
    return Test(path=path, op=op, param=param, value=0)


def _comparison(path: str, op: str, item: Mapping[str, object], where: str, bad: Bad) -> Test:
    """``path OP other * scale + plus``; ``share`` scales the other field up for > and >=,
    down for < and <= ("longer than scheduled by a fifth")."""
    other = item.get("other")
    if not isinstance(other, str) or other not in VOCABULARY:
        bad(f"{where}.other: unknown observation path {_path(other)}"
            f"{did_you_mean(other, tuple(VOCABULARY))}")
        return Test(path=path, op=op)
    if VOCABULARY[path].kind not in ("int", "number") or \
            VOCABULARY[other].kind not in ("int", "number"):
        bad(f"{where}: comparing {path} with {other} needs two numeric fields")
    if op in ("is_not",) or "value" in item or "param" in item:
        bad(f"{where}: a comparison with other takes no value or param (and is_not compares "
            "with a value)")
    plus = item.get("plus", 0)
    if not is_number(plus):
        bad(f"{where}.plus: expected {_NUMBER}, got {_shown(plus)}")
        plus = 0
    share, name = _share(op, item, where, bad)
    test = Test(path=path, op=op, other=str(other), plus=float(cast(float, plus)), param=name)
    return with_share(test, share) if share is not None else test


def _share(op: str, item: Mapping[str, object], where: str, bad: Bad
           ) -> tuple[float | None, str | None]:
    """A comparison's share: a literal fraction, or the name of a [params] entry."""
    share, name = item.get("share"), item.get("share_param")
    if share is None and name is None:
        return None, None
    if op not in ORDERING:
        bad(f"{where}: share goes with <, <=, > or >=, not {quoted(op)}")
    if name is not None and (share is not None or not isinstance(name, str)
                             or not re.fullmatch(_NAME, name)):
        bad(f"{where}.share_param: expected the name of a [params] entry (and no share)")
        return None, None
    if share is not None and not (is_number(share) and 0 < cast(float, share) < 1):
        bad(f"{where}.share: expected a fraction above 0 and below 1, got {_shown(share)}")
        return None, None
    return (float(cast(float, share)) if share is not None else None), \
        (name if isinstance(name, str) else None)


def with_share(test: Test, share: float) -> Test:
    """``test`` comparing with the other field scaled by ``1 + share`` (> and >=) or
    ``1 - share`` (< and <=)."""
    from attrs import evolve

    return evolve(test, scale=1 + share if test.op in (">", ">=") else 1 - share)


def parse_params(table: object, bad: Bad) -> dict[str, float]:
    """``[params]``: named thresholds, each a finite number."""
    if not isinstance(table, dict):
        bad("[params]: expected a table of named numbers")
        return {}
    out = {}
    for name, value in table.items():
        if not re.fullmatch(_NAME, name):
            bad(f"[params].{name}: expected a lower_snake_case name")
        elif not is_number(value):
            bad(f"[params].{name}: expected {_NUMBER}, got {_shown(value)}")
        else:
            out[name] = float(value)
    return out


def only_signals_placeholder(text: str) -> bool:
    """Whether ``{signals}`` is the only placeholder in ``text`` (a summary sentence)."""
    rest = text.replace("{signals}", "")
    return "{" not in rest and "}" not in rest


def parse_verdict(table: Mapping[str, object], *, file: str, line: int | None,
                  bad: Bad) -> Verdict | None:
    """A ``Verdict`` from one complete table, or ``None`` after reporting its problems."""
    report = _Counting(bad)
    unknown_keys(table, VERDICT_KEYS, "verdict: ", report)
    min_conf = table.get("min_confidence")
    if not is_number(min_conf) or not 0 <= cast(float, min_conf) <= 1:
        report(f"min_confidence: expected a number from 0 to 1, got {_shown(min_conf)}")
    or_signals = table.get("or_signals", [])
    if not isinstance(or_signals, list) or not all(isinstance(s, str) for s in or_signals):
        report("or_signals: expected a list of signal ids")
    summary = table.get("summary")
    if not isinstance(summary, str) or not summary.strip():
        report("summary: expected the text that opens the candidate's summary")
    elif not only_signals_placeholder(summary):
        report("summary: the only placeholder is {signals}")
    verdict_id = cast(str, table["id"])
    title = table.get("title", default_title(verdict_id))
    if not isinstance(title, str) or not title.strip() or len(title) > _TITLE_MAX:
        report(f"title: expected the verdict in a few words (at most {_TITLE_MAX} "
               f"characters), got {_shown(title)}")
    if report.count:
        return None
    return Verdict(id=verdict_id, title=cast(str, title),
                   min_confidence=float(cast(float, min_conf)),
                   or_signals=tuple(cast(list[str], or_signals)),
                   summary=cast(str, summary), file=file, line=line)


def parse_band(table: Mapping[str, object], *, file: str, line: int | None,
               bad: Bad) -> Band | None:
    """A ``Band`` from one complete table, or ``None`` after reporting its problems."""
    report = _Counting(bad)
    unknown_keys(table, BAND_KEYS, "band: ", report)
    if not re.fullmatch(_NAME, str(table["id"])):
        report("id: expected lower_snake_case letters, digits and underscores")
    min_conf = table.get("min_confidence")
    if not is_number(min_conf) or not 0 <= cast(float, min_conf) <= 1:
        report(f"min_confidence: expected a number from 0 to 1, got {_shown(min_conf)}")
    words = table.get("words")
    if not isinstance(words, str) or not words.strip():
        report('words: expected the words the candidate reads after "How strongly the signs '
               'point your way:"')
    elif "{" in words or "}" in words:
        report("words: a band's words take no placeholder")
    if report.count:
        return None
    return Band(id=cast(str, table["id"]), min_confidence=float(cast(float, min_conf)),
                words=cast(str, words), file=file, line=line)


def rule_table(rule: Rule) -> dict[str, object]:
    """A rule back as the table it was read from, so an override can change part of it."""
    table: dict[str, object] = {
        "id": rule.id, "kind": rule.kind,
        "when": {"any": [{"all": [_test_table(t) for t in b]} for b in rule.branches]},
        "explanation": rule.explanation,
        "source": {"sign": rule.source_sign, "title": rule.source_title},
    }
    if rule.kind == "signal":
        table["title"] = rule.title
    if rule.applies_to:
        table["applies_to"] = rule.applies_to
    if rule.effect != "advise":
        table["effect"] = {rule.effect: rule.amount}
    return table


def _test_table(test: Test) -> dict[str, object]:
    if test.fact_kind is not None:
        return {test.fact_kind: test.fact_id}
    out: dict[str, object] = {"path": test.path, "op": test.op}
    if test.other is not None:
        out |= {"other": test.other, "plus": test.plus}
        if test.param is not None:
            out["share_param"] = test.param
        elif test.scale != 1:
            out["share"] = abs(test.scale - 1)
    elif test.param is not None:
        out["param"] = test.param
    elif test.value is not None:
        out["value"] = test.value
    return out
