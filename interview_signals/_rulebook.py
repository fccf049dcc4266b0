"""Find and read TOML rule packs, check their shape, and merge them into a ``Rulebook``.

Neighbours: ``_rulecheck`` checks a merged rulebook as a whole; ``_compile`` turns it into
durable_rules definitions; ``_scoring`` reads its numbers. No code runs when a file is read.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable, Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Literal, TypeAlias, cast

from attrs import evolve, frozen

from ._errors import RulebookError, RuleProblem
from ._observations import VOCABULARY, Value

RuleKind: TypeAlias = Literal["signal", "qualifier", "advice"]
EffectKind: TypeAlias = Literal["strength", "boost", "discount", "advise"]
FactKind: TypeAlias = Literal["signal", "qualifier", "advice"]

_Bad: TypeAlias = Callable[[str], None]

KINDS: tuple[RuleKind, ...] = ("signal", "qualifier", "advice")
COMPARISONS = ("==", "!=", "<", "<=", ">", ">=")
ORDERING = ("<", "<=", ">", ">=")
OPS = (*COMPARISONS, "is_not", "known", "unknown")
DEFAULT_PACK = "default"

_RULE_KEYS = {"id", "kind", "sign", "title", "applies_to", "when", "effect", "explanation",
              "source", "overrides"}
_VERDICT_KEYS = {"id", "min_confidence", "min_signs", "or_signals", "summary", "overrides"}
_SUMMARY_KEYS = {"caveat", "nothing_known"}
_TOP_KEYS = {"rule", "verdict", "summary"}


@frozen(kw_only=True)
class Test:
    """One test of a condition: on an observation path, or on a derived fact's presence."""

    path: str | None = None
    op: str = "=="
    value: Value | None = None
    other: str | None = None
    plus: float = 0
    fact_kind: FactKind | None = None
    fact_id: str | None = None

    @property
    def paths(self) -> tuple[str, ...]:
        return tuple(p for p in (self.path, self.other) if p is not None)

    def describe(self) -> str:
        """The test as a person reads it: ``thank_you.response_hours <= 24``."""
        if self.fact_kind is not None:
            return f"{self.fact_kind} {self.fact_id}"
        if self.op in ("known", "unknown"):
            return f"{self.path} is {self.op}"
        right = _literal(self.value) if self.other is None else self.other
        if self.other is not None and self.plus:
            right += f" {'+' if self.plus > 0 else '-'} {_literal(abs(self.plus))}"
        op = "is not" if self.op == "is_not" else self.op
        return f"{self.path} {op} {right}"


def _literal(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


Branch: TypeAlias = tuple[Test, ...]


@frozen(kw_only=True)
class Rule:
    """One rule of the rulebook: a signal, a qualifier of a signal, or a piece of advice."""

    id: str
    kind: RuleKind
    sign: int
    title: str
    applies_to: str | None
    branches: tuple[Branch, ...]
    effect: EffectKind
    amount: float
    explanation: str
    source_sign: int
    source_title: str
    file: str
    pack: str
    overrides: str | None = None

    @property
    def paths(self) -> tuple[str, ...]:
        """Every observation path the condition reads, in first-seen order."""
        return tuple(dict.fromkeys(p for b in self.branches for t in b for p in t.paths))

    def describe_condition(self) -> str:
        parts = [" and ".join(t.describe() for t in b) for b in self.branches]
        if self.applies_to:
            parts = [f"signal {self.applies_to} and {p}" for p in parts]
        return " or ".join(f"({p})" if len(parts) > 1 and " and " in p else p for p in parts)

    def describe_effect(self) -> str:
        if self.effect == "advise":
            return "advise"
        if self.effect == "strength":
            return f"strength {self.amount:+g}"
        return f"{self.effect} {self.amount:g} on {self.applies_to}"


@frozen(kw_only=True)
class Verdict:
    """One verdict and the evidence it needs, tried in rulebook order."""

    id: str
    min_confidence: float
    min_signs: int
    or_signals: tuple[str, ...]
    summary: str
    file: str


@frozen(kw_only=True)
class Rulebook:
    """A merged, checked set of rules, verdicts and summary texts."""

    rules: tuple[Rule, ...]
    verdicts: tuple[Verdict, ...]
    caveat: str
    nothing_known: str
    files: tuple[str, ...]

    def by_id(self) -> dict[str, Rule]:
        return {r.id: r for r in self.rules}

    def of_kind(self, kind: RuleKind) -> tuple[Rule, ...]:
        return tuple(r for r in self.rules if r.kind == kind)


def default_pack_path() -> Path:
    """Where the default rulebook lives: inside the installed package, else beside it."""
    packaged = Path(str(resources.files("interview_signals"))) / "rules"
    if packaged.is_dir():
        return packaged
    # A source checkout or an editable install: the top-level rules/ folder.
    return Path(__file__).resolve().parent.parent / "rules"


def rule_files(path: Path) -> list[Path]:
    """A folder's ``*.toml`` files in name order, or the file itself."""
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix == ".toml" and p.is_file())
    return [path]


def load_rulebook(*paths: str | Path, include_default: bool = True) -> Rulebook:
    """Read, merge and check rule packs; raise ``RulebookError`` listing every problem."""
    rulebook, problems = read_rulebook(*paths, include_default=include_default)
    if problems or rulebook is None:
        raise RulebookError(problems)
    return rulebook


def read_rulebook(*paths: str | Path, include_default: bool = True
                  ) -> tuple[Rulebook | None, list[RuleProblem]]:
    """Like ``load_rulebook`` but return the problems instead of raising."""
    from ._rulecheck import check_rulebook  # the whole-book checks build on this module

    packs: list[tuple[str, Path]] = []
    if include_default:
        packs.append((DEFAULT_PACK, default_pack_path()))
    for p in paths:
        packs.append((str(p), Path(p)))
    if not packs:
        return None, [RuleProblem(file="<none>", rule_id=None, reason="no rule pack given")]
    merger = _Merger()
    for pack, path in packs:
        if not path.exists():
            merger.problem(str(path), None, "no such file or folder")
            continue
        files = rule_files(path)
        if not files:
            merger.problem(str(path), None, "the folder holds no .toml files")
        for file in files:
            merger.read_file(file, pack)
    rulebook = merger.result()
    if rulebook is not None:
        merger.problems.extend(check_rulebook(rulebook))
    return (None if merger.problems else rulebook), merger.problems


class _Merger:
    """Reads files one by one, in order, collecting rules, overrides and every problem."""

    def __init__(self) -> None:
        self.rules: dict[str, Rule] = {}
        self.verdicts: dict[str, Verdict] = {}
        self.summary: dict[str, str] = {}
        self.files: list[str] = []
        self.problems: list[RuleProblem] = []
        self._text = ""

    def problem(self, file: str, rule_id: str | None, reason: str) -> None:
        line = _line_of(self._text, rule_id) if rule_id else None
        self.problems.append(RuleProblem(file=file, rule_id=rule_id, reason=reason, line=line))

    def read_file(self, path: Path, pack: str) -> None:
        file = str(path)
        try:
            self._text = path.read_text(encoding="utf-8")
            data = tomllib.loads(self._text)
        except (OSError, UnicodeDecodeError) as exc:
            self.problem(file, None, f"cannot read the file: {exc}")
            return
        except tomllib.TOMLDecodeError as exc:
            match = re.search(r"at line (\d+)", str(exc))
            line = int(match.group(1)) if match else None
            self.problems.append(RuleProblem(file=file, rule_id=None, line=line,
                                             reason=f"TOML syntax error: {exc}"))
            return
        self.files.append(file)
        for key in sorted(set(data) - _TOP_KEYS):
            self.problem(file, None, f"unknown top-level key {key!r}; expected "
                         "[[rule]], [[verdict]] or [summary]")
        for table in _tables(data.get("rule", []), file, "rule", self):
            self._add_rule(table, file, pack)
        for table in _tables(data.get("verdict", []), file, "verdict", self):
            self._add_verdict(table, file)
        summary = data.get("summary", {})
        if isinstance(summary, dict):
            for key, value in summary.items():
                if key not in _SUMMARY_KEYS:
                    self.problem(file, None, f"[summary]: unknown key {key!r}")
                elif not isinstance(value, str) or not value.strip():
                    self.problem(file, None, f"[summary].{key}: expected text")
                else:
                    self.summary[key] = value
        else:
            self.problem(file, None, "[summary]: expected a table")

    def _add_rule(self, table: Mapping[str, object], file: str, pack: str) -> None:
        rule_id = table.get("id", table.get("overrides"))
        if not isinstance(rule_id, str) or not rule_id:
            self.problem(file, None, "a rule without an id: every rule needs id = \"...\"")
            return
        target = table.get("overrides")
        if target is not None:
            self._override_rule(table, file, pack, rule_id, target)
            return
        if rule_id in self.rules:
            first = self.rules[rule_id].file
            self.problem(file, rule_id, f"duplicate id {rule_id!r} (first defined in {first}); "
                         "to replace a rule, say overrides = \"" + rule_id + "\"")
            return
        rule = parse_rule(table, file, pack, self)
        if rule is not None:
            self.rules[rule_id] = rule

    def _override_rule(self, table: Mapping[str, object], file: str, pack: str,
                       rule_id: str, target: object) -> None:
        if not isinstance(target, str) or target not in self.rules:
            self.problem(file, rule_id, f"overrides {target!r}, which is not a rule loaded "
                         "before this pack")
            return
        if table.get("id", target) != target:
            self.problem(file, rule_id, f"an override keeps the id it overrides; drop id or "
                         f"set it to {target!r}")
            return
        base = self.rules[target]
        merged = {**_rule_table(base), **table}
        if merged.get("kind") != base.kind:
            self.problem(file, target, f"an override cannot change kind {base.kind!r}")
            return
        rule = parse_rule(merged, file, pack, self)
        if rule is not None:
            self.rules[target] = evolve(rule, overrides=target)

    def _add_verdict(self, table: Mapping[str, object], file: str) -> None:
        verdict_id = table.get("overrides", table.get("id"))
        if not isinstance(verdict_id, str):
            self.problem(file, None, "a verdict without an id")
            return
        if "overrides" in table:
            if verdict_id not in self.verdicts:
                self.problem(file, verdict_id, f"overrides verdict {verdict_id!r}, which is "
                             "not loaded before this pack")
                return
            old = self.verdicts[verdict_id]
            table = {"id": old.id, "min_confidence": old.min_confidence,
                     "min_signs": old.min_signs, "or_signals": list(old.or_signals),
                     "summary": old.summary, **{k: v for k, v in table.items()
                                                 if k != "overrides"}}
        elif verdict_id in self.verdicts:
            self.problem(file, verdict_id, f"duplicate verdict {verdict_id!r}; to change it, "
                         f"say overrides = \"{verdict_id}\"")
            return
        verdict = _parse_verdict(table, file, self)
        if verdict is not None:
            self.verdicts[verdict_id] = verdict

    def result(self) -> Rulebook | None:
        if not self.verdicts:
            self.problems.append(RuleProblem(file=", ".join(self.files) or "<none>", rule_id=None,
                                             reason="no [[verdict]] tables: the rulebook "
                                             "needs at least one verdict"))
        missing = _SUMMARY_KEYS - set(self.summary)
        if missing:
            self.problems.append(RuleProblem(file=", ".join(self.files) or "<none>",
                                             rule_id=None, reason="[summary] needs "
                                             + ", ".join(sorted(missing))))
        if self.problems:
            return None
        return Rulebook(rules=tuple(self.rules.values()), verdicts=tuple(self.verdicts.values()),
                        caveat=self.summary["caveat"], nothing_known=self.summary["nothing_known"],
                        files=tuple(self.files))


def _tables(items: object, file: str, name: str, merger: _Merger
            ) -> Iterable[Mapping[str, object]]:
    if not isinstance(items, list):
        merger.problem(file, None, f"{name}: expected [[{name}]] tables")
        return []
    good = [t for t in items if isinstance(t, dict)]
    if len(good) != len(items):
        merger.problem(file, None, f"{name}: expected [[{name}]] tables")
    return good


def _line_of(text: str, rule_id: str) -> int | None:
    for quote in ('"', "'"):
        for key in ("id", "overrides"):
            match = re.search(rf"^\s*{key}\s*=\s*{quote}{re.escape(rule_id)}{quote}", text, re.M)
            if match:
                return text.count("\n", 0, match.start()) + 1
    return None


def _rule_table(rule: Rule) -> dict[str, object]:
    """A rule back as the table it was read from, so an override can change part of it."""
    table: dict[str, object] = {
        "id": rule.id, "kind": rule.kind, "sign": rule.sign,
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
    if test.value is not None:
        out["value"] = test.value
    if test.other is not None:
        out |= {"other": test.other, "plus": test.plus}
    return out


def parse_rule(table: Mapping[str, object], file: str, pack: str, merger: _Merger
               ) -> Rule | None:
    """Check one rule table's keys, types and vocabulary; ``None`` if it has problems."""
    rule_id = cast(str, table.get("id", table.get("overrides")))
    before = len(merger.problems)

    def bad(reason: str) -> None:
        merger.problem(file, rule_id, reason)

    for key in sorted(set(table) - _RULE_KEYS):
        bad(f"unknown key {key!r}")
    if not re.fullmatch(r"[a-z][a-z0-9_]*", rule_id):
        bad("id: expected lower_snake_case letters, digits and underscores")
    kind = table.get("kind")
    if kind not in KINDS:
        bad(f"kind: expected one of {', '.join(KINDS)}, got {kind!r}")
        return None
    sign = _sign(table.get("sign"), "sign", bad)
    title = table.get("title", "")
    if kind == "signal" and (not isinstance(title, str) or not title.strip()):
        bad("title: a signal needs a short title")
    applies_to = table.get("applies_to")
    if kind == "qualifier" and not isinstance(applies_to, str):
        bad("applies_to: a qualifier names the signal it qualifies")
    if kind != "qualifier" and applies_to is not None:
        bad("applies_to: only a qualifier applies to a signal")
    branches = parse_condition(table.get("when"), bad)
    effect, amount = _parse_effect(kind, table.get("effect"), bad)
    explanation = table.get("explanation")
    if not isinstance(explanation, str) or not explanation.strip():
        bad("explanation: missing; every rule says why in words a candidate reads")
    source_sign, source_title = _parse_source(table.get("source"), bad)
    if len(merger.problems) > before:
        return None
    return Rule(id=rule_id, kind=kind, sign=cast(int, sign),
                title=cast(str, title or rule_id.replace("_", " ")),
                applies_to=cast(str | None, applies_to), branches=branches, effect=effect,
                amount=amount, explanation=cast(str, explanation), source_sign=source_sign,
                source_title=source_title, file=file, pack=pack)


def _sign(value: object, where: str, bad: _Bad) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 7:
        return value
    bad(f"{where}: expected a sign number from 1 to 7, got {value!r}")
    return None


def _parse_source(source: object, bad: _Bad) -> tuple[int, str]:
    if not isinstance(source, dict):
        bad("source: missing; expected { sign = N, title = \"...\" } citing the article")
        return 0, ""
    for key in sorted(set(source) - {"sign", "title"}):
        bad(f"source: unknown key {key!r}")
    sign = _sign(source.get("sign"), "source.sign", bad)
    title = source.get("title")
    if not isinstance(title, str) or not title.strip():
        bad("source.title: expected the title of the article's sign")
        return sign or 0, ""
    return sign or 0, title


def _parse_effect(kind: RuleKind, effect: object, bad: _Bad) -> tuple[EffectKind, float]:
    if kind == "advice":
        if effect is not None:
            bad("effect: advice has no effect on strengths; remove it")
        return "advise", 0.0
    allowed = ("strength",) if kind == "signal" else ("boost", "discount")
    if not isinstance(effect, dict) or len(effect) != 1:
        bad(f"effect: expected one of {{ {' | '.join(a + ' = x' for a in allowed)} }}")
        return "strength", 0.0
    (name, amount), = effect.items()
    if name not in allowed:
        bad(f"effect: a {kind} takes {' or '.join(allowed)}, not {name!r}")
        return "strength", 0.0
    if isinstance(amount, bool) or not isinstance(amount, int | float):
        bad(f"effect.{name}: expected a number, got {amount!r}")
        return "strength", 0.0
    amount = float(amount)
    if name == "strength" and not (-1 <= amount <= 1 and amount != 0):
        bad(f"effect.strength: expected a number in [-1, 1] other than 0, got {amount:g}")
    elif name == "boost" and amount <= 0:
        bad(f"effect.boost: a boost must be above 0 (a boost of {amount:g} would lower or keep "
            "the strength; use discount to lower it)")
    elif name == "discount" and amount <= 0:
        bad(f"effect.discount: a discount must be above 0 (a discount of {amount:g} would "
            "raise or keep the strength; use boost to raise it)")
    elif name in ("boost", "discount") and amount >= 1:
        bad(f"effect.{name}: expected a fraction below 1, got {amount:g}")
    return cast(EffectKind, name), amount


def parse_condition(when: object, bad: _Bad) -> tuple[Branch, ...]:
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


def _parse_test(item: object, where: str, bad: _Bad) -> Test:
    if not isinstance(item, dict):
        bad(f"{where}: expected a test table, got {item!r}")
        return Test(path=None)
    facts = [k for k in ("signal", "qualifier", "advice") if k in item]
    if facts:
        if len(item) != 1 or not isinstance(item[facts[0]], str):
            bad(f"{where}: a fact test is {{ {facts[0]} = \"id\" }} and nothing else")
        return Test(fact_kind=cast(FactKind, facts[0]), fact_id=str(item[facts[0]]))
    for key in sorted(set(item) - {"path", "op", "value", "other", "plus"}):
        bad(f"{where}: unknown key {key!r}")
    path, op = item.get("path"), item.get("op", "==")
    if not isinstance(path, str) or path not in VOCABULARY:
        bad(f"{where}.path: unknown observation path {path!r}")
        return Test(path=None)
    if op not in OPS:
        bad(f"{where}.op: expected one of {', '.join(OPS)}, got {op!r}")
        return Test(path=path)
    return _typed_test(path, str(op), item, where, bad)


def _typed_test(path: str, op: str, item: Mapping[str, object], where: str, bad: _Bad) -> Test:
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
            bad(f"{where}.other: unknown observation path {other!r}")
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
        bad(f"{where}.value: {path} is {spec.expected}; the literal {_show(value)} "
            "does not fit it")
    return Test(path=path, op=op, value=cast(Value, value))


def _fits(kind: str, choices: Sequence[str], value: object) -> bool:
    if kind == "bool":
        return isinstance(value, bool)
    if kind == "choice":
        return isinstance(value, str) and value in choices
    return isinstance(value, int | float) and not isinstance(value, bool)


def _show(value: object) -> str:
    return "nothing" if value is None else _literal(value)


def _parse_verdict(table: Mapping[str, object], file: str, merger: _Merger) -> Verdict | None:
    verdict_id = cast(str, table["id"])
    before = len(merger.problems)

    def bad(reason: str) -> None:
        merger.problem(file, verdict_id, reason)

    for key in sorted(set(table) - _VERDICT_KEYS):
        bad(f"verdict: unknown key {key!r}")
    min_conf = table.get("min_confidence")
    if isinstance(min_conf, bool) or not isinstance(min_conf, int | float) or not (
            0 <= min_conf <= 1):
        bad(f"min_confidence: expected a number from 0 to 1, got {min_conf!r}")
    min_signs = table.get("min_signs", 0)
    if isinstance(min_signs, bool) or not isinstance(min_signs, int) or not 0 <= min_signs <= 7:
        bad(f"min_signs: expected an integer from 0 to 7, got {min_signs!r}")
    or_signals = table.get("or_signals", [])
    if not isinstance(or_signals, list) or not all(isinstance(s, str) for s in or_signals):
        bad("or_signals: expected a list of signal ids")
    summary = table.get("summary")
    if not isinstance(summary, str) or not summary.strip():
        bad("summary: expected the text that opens the candidate's summary")
    elif re.sub(r"\{signals\}", "", summary).count("{") or "}" in summary.replace(
            "{signals}", ""):
        bad("summary: the only placeholder is {signals}")
    if len(merger.problems) > before:
        return None
    return Verdict(id=verdict_id, min_confidence=float(cast(float, min_conf)),
                   min_signs=cast(int, min_signs), or_signals=tuple(cast(list[str], or_signals)),
                   summary=cast(str, summary), file=file)
