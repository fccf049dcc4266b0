"""Merge rule pack files, one by one and in order, into one ``Rulebook``: new rules, overrides
(merged over the rule they replace), verdicts, bands, the summary and ``[params]``, each parameter
a test names then replaced by its number; every problem collected with its file and line.

Neighbours: ``load`` hands each file to a ``Merger`` and checks the merged rulebook;
``parse`` checks and builds each table; ``check.dropped_tests`` finds the tests an
override would drop.
"""

from __future__ import annotations

import re
import sys
import tomllib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TypeVar

from attrs import evolve

from .._errors import RuleProblem
from .._observations import did_you_mean
from .._quoting import describe, excerpt, file_name, quoted
from .._texts import BASE_LANGUAGE, Entry, Language, read_language_file
from .cases import overridden_table, parse_case, problem
from .check import dropped_tests
from .files import os_reason
from .model import DEFAULT_PACK, Band, Case, Rule, Rulebook, Test, Verdict
from .notes import NotesMerger
from .parse import (
    Bad,
    control_characters,
    only_signals_placeholder,
    parse_band,
    parse_params,
    parse_rule,
    parse_verdict,
    rule_table,
    with_share,
)

_SUMMARY_KEYS = ("nothing_known",)
_OPTIONAL_SUMMARY_KEYS = ("caveat", "against")
_TOP_KEYS = ("rule", "verdict", "band", "summary", "params", "case", "notes", "language",
             "texts")
_TABLE_ARRAYS = ("rule", "verdict", "band", "case")
_T = TypeVar("_T", Verdict, Band)



MAX_PACK_FILE_BYTES = 4 * 1024 * 1024
"""The largest rule file read; the default rulebook's largest is under 10 KB."""

class Merger:
    """Reads files one by one, in order, collecting rules, overrides and every problem."""

    def __init__(self, *, with_cases: bool = False) -> None:
        self.with_cases = with_cases
        """Whether ``[[case]]`` tables are read (``check-rules``, ``test-rules``); an engine
        does not need them."""
        self.cases: dict[str, Case] = {}
        self.rules: dict[str, Rule] = {}
        self.broken: set[str] = set()
        """Ids of rules with problems of their own: references to them are not errors too."""
        self.verdicts: dict[str, Verdict] = {}
        self.bands: dict[str, Band] = {}
        self.summary: dict[str, str] = {}
        self.files: list[str] = []
        self.problems: list[RuleProblem] = []
        self.unreadable = False
        self.params: dict[str, float] = {}
        self.notes = NotesMerger(lambda file, reason: self.problem(file, None, reason))
        self.languages: dict[str, Language] = {}
        """Each language's texts, merged in file order (the base language's too)."""
        self.language = BASE_LANGUAGE
        """The language of the last file that declared one: what the tools speak."""

    def problem(self, file: str, rule_id: str | None, reason: str,
                line: int | None = None) -> None:
        self.problems.append(RuleProblem(file=file, rule_id=rule_id, reason=reason, line=line))

    def read_file(self, path: Path, pack: str, *, cases_only: bool = False,
                  listed: bool = True) -> None:
        """Read one file of a pack; one in its ``cases/`` folder (``cases_only``) holds
        ``[[case]]`` tables only; ``listed``: count it among the rulebook's files (the
        English texts read with every rulebook are not)."""
        file = str(path)
        try:
            with path.open("rb") as opened:  # bounded: a pack path may name /dev/zero
                raw = opened.read(MAX_PACK_FILE_BYTES + 1)
            if len(raw) > MAX_PACK_FILE_BYTES:
                self.unreadable = True
                self.problem(file, None, f"larger than {MAX_PACK_FILE_BYTES // 1024 // 1024} "
                             "MiB; a rule file takes a few kilobytes")
                return
            text = raw.decode("utf-8")
            data = tomllib.loads(text)
        except (OSError, UnicodeDecodeError) as exc:
            self.unreadable = True
            self.problem(file, None, f"cannot read the file: {os_reason(exc)}")
            return
        except RecursionError:
            self.unreadable = True
            self.problem(file, None, "cannot read the file: tables or lists nested too deeply")
            return
        except tomllib.TOMLDecodeError as exc:
            self.unreadable = True
            # tomllib puts the place at the end of its message: "... (at line 4, column 18)".
            match = re.search(r"\s*\(at line (\d+), column (\d+)\)$", str(exc))
            if match is None:
                self.problem(file, None, f"TOML syntax error: {exc}")
            else:
                self.problem(file, None, f"TOML syntax error at column {match.group(2)}: "
                             f"{str(exc)[:match.start()]}", int(match.group(1)))
            return
        except ValueError:  # tomllib's own int() refuses a number of thousands of digits
            self.unreadable = True
            self.problem(file, None, "a number with more digits than Python reads "
                         f"({sys.get_int_max_str_digits()}); a weight or threshold takes a "
                         "few", _long_number_line(text))
            return
        lines = _Lines(text)
        if self._control_characters(data, file, lines):
            self.unreadable = True
            return
        if listed:
            self.files.append(file)
        if cases_only:
            for key in sorted(set(data) - {"case"}):
                self.problem(file, None, problem("cases_only", key=quoted(key, 40)))
            data = {"case": data["case"]} if "case" in data else {}
        for key in sorted(set(data) - set(_TOP_KEYS)):
            self.problem(file, None, f"unknown top-level key {quoted(key, 40)}"
                         f"{did_you_mean(key, _TOP_KEYS)}; a pack holds [[rule]], [[verdict]], "
                         "[[band]], [[case]], [summary], [params], [language] and [texts] "
                         "tables")
        for index, table in self._tables(data, "rule", file, lines):
            self._add_rule(table, file, pack, lines.of("rule", index, table))
        for index, table in self._tables(data, "verdict", file, lines):
            self._add_verdict(table, file, lines.of("verdict", index, table))
        for index, table in self._tables(data, "band", file, lines):
            self._add_band(table, file, lines.of("band", index, table))
        self._add_summary(data.get("summary", {}), file)
        if self.with_cases:
            for index, table in self._tables(data, "case", file, lines):
                self._add_case(table, file, pack, lines.of("case", index, table))
        if "params" in data:
            self.params.update(parse_params(
                data["params"], lambda reason: self.problem(file, None, reason)))
        if "notes" in data:
            self.notes.read(data["notes"], file)
        self._add_texts(data, text, file)

    def _add_texts(self, data: Mapping[str, object], text: str, file: str) -> None:
        """A file's ``[language]`` and ``[texts]``: merged into its language's texts (the
        base language's when the file declares none)."""
        def bad(key: str | None, reason: str, line: int | None) -> None:
            self.problem(file, key, reason, line)

        read = read_language_file(data, text, file, bad)
        if read is None:
            return
        tag = read.tag or BASE_LANGUAGE
        if read.tag is not None:
            self.language = tag
        old = self.languages.get(tag)
        entries: dict[str, Entry] = dict(old.entries) if old else {}
        entries.update(read.entries)
        self.languages[tag] = Language(
            tag=tag, name=read.name or (old.name if old else tag), entries=entries,
            files=(*(old.files if old else ()), file))

    def _control_characters(self, data: Mapping[str, object], file: str, lines: _Lines
                            ) -> bool:
        """Report every string of the file holding a control character (by its table's
        line and id); whether there was one (then nothing else of the file is read)."""
        count = len(self.problems)
        for key, value in data.items():
            tables = value if key in _TABLE_ARRAYS and isinstance(value, list) else ()
            for index, table in enumerate(tables):
                if not isinstance(table, dict):
                    continue
                found = control_characters(table)
                table_id = table.get("id", table.get("overrides"))
                shown_id = table_id if isinstance(table_id, str) and not any(
                    where in ("id", "overrides") for where, _ in found) else None
                for where, reason in found:
                    self.problem(file, shown_id, f"{where}: {reason}",
                                 lines.of(key, index, table))
            if not tables:
                for where, reason in control_characters({key: value}):
                    self.problem(file, None, f"{where}: {reason}")
        return len(self.problems) > count

    def _tables(self, data: Mapping[str, object], name: str, file: str, lines: _Lines
                ) -> list[tuple[int, Mapping[str, object]]]:
        items = data.get(name, [])
        if not isinstance(items, list):
            self.problem(file, None, f"{name}: expected [[{name}]] tables")
            return []
        good: list[tuple[int, Mapping[str, object]]] = [
            (i, t) for i, t in enumerate(items) if isinstance(t, dict)]
        if len(good) != len(items):
            self.problem(file, None, f"{name}: expected [[{name}]] tables")
        return good

    def _add_rule(self, table: Mapping[str, object], file: str, pack: str,
                  line: int | None) -> None:
        rule_id = table.get("id", table.get("overrides"))
        if not isinstance(rule_id, str) or not rule_id:
            self.problem(file, None, 'a rule without an id: every rule needs id = "..."', line)
            return

        name = rule_id

        def bad(reason: str) -> None:
            self.problem(file, name, reason, line)

        if "overrides" in table:
            self._override_rule(table, file, pack, line, bad)
            return
        if "drop_tests" in table:
            bad("drop_tests: only an override can drop the tests of the rule it overrides")
            return
        if rule_id in self.rules or rule_id in self.broken:
            first = self.rules.get(rule_id)
            where = f" (already defined in {_origin(first)})" if first else ""
            # Checking a copy of the whole default rulebook repeats every id of it.
            hint = ("; to check a complete rulebook on its own, add --no-default"
                    if first is not None and first.pack == DEFAULT_PACK else "")
            bad(f"duplicate id {quoted(rule_id)}{where}; to change that rule, write "
                f'overrides = "{excerpt(rule_id, 80)}" instead of id{hint}')
            return
        rule = parse_rule(table, file=file, pack=pack, line=line, bad=bad)
        if rule is None:
            self.broken.add(rule_id)
        else:
            self.rules[rule_id] = rule

    def _override_rule(self, table: Mapping[str, object], file: str, pack: str,
                       line: int | None, bad: Bad) -> None:
        target = table["overrides"]
        if not isinstance(target, str) or target not in self.rules:
            if target not in self.broken:
                shown = quoted(target) if isinstance(target, str) else describe(target)
                bad(f"overrides: unknown rule id {shown}; an override names a rule loaded "
                    f"before it{did_you_mean(target, self.rules)}")
            return
        if table.get("id", target) != target:
            bad(f"an override keeps the id it overrides; drop id or set it to {quoted(target)}")
            return
        base = self.rules[target]
        merged = {**rule_table(base), **{k: v for k, v in table.items() if k != "drop_tests"}}
        if merged.get("kind") != base.kind:
            bad(f"kind: an override cannot turn a {base.kind} into "
                f"{describe(merged.get('kind'))}")
            return
        rule = parse_rule(merged, file=file, pack=pack, line=line, bad=bad)
        if rule is None:
            return
        if table.get("drop_tests") is not True:
            for test in dropped_tests(base, rule):
                bad(f"when: this override drops the test {test} that rule {quoted(target)} had "
                    "(restate it in the new condition; to change a threshold, set its "
                    "[params] entry instead; or add drop_tests = true if you mean it)")
        self.rules[target] = evolve(rule, overrides=target, overrides_pack=base.pack)

    def _add_verdict(self, table: Mapping[str, object], file: str, line: int | None) -> None:
        def fields(old: Verdict) -> dict[str, object]:
            return {"id": old.id, "title": old.title, "min_confidence": old.min_confidence,
                    "or_signals": list(old.or_signals), "summary": old.summary}

        self._add_tiered(table, file, line, name="verdict", known=self.verdicts, fields=fields,
                         parse=parse_verdict)

    def _add_band(self, table: Mapping[str, object], file: str, line: int | None) -> None:
        def fields(old: Band) -> dict[str, object]:
            return {"id": old.id, "min_confidence": old.min_confidence, "words": old.words}

        self._add_tiered(table, file, line, name="band", known=self.bands, fields=fields,
                         parse=parse_band)

    def _add_tiered(self, table: Mapping[str, object], file: str, line: int | None, *,
                    name: str, known: dict[str, _T], fields: Callable[[_T], dict[str, object]],
                    parse: Callable[..., _T | None]) -> None:
        """A ``[[verdict]]`` or ``[[band]]`` table: a new one, or an override of part of
        one loaded before it."""
        table_id = table.get("overrides", table.get("id"))
        if not isinstance(table_id, str) or not table_id:
            self.problem(file, None, f'a {name} without an id: every {name} needs id = "..."',
                         line)
            return

        def bad(reason: str) -> None:
            self.problem(file, table_id, reason, line)

        if "overrides" in table:
            old = known.get(table_id)
            if old is None:
                bad(f"overrides: unknown {name} {quoted(table_id)}; an override names a {name} "
                    f"loaded before it{did_you_mean(table_id, known)}")
                return
            table = {**fields(old), **{k: v for k, v in table.items() if k != "overrides"}}
        elif table_id in known:
            bad(f"duplicate {name} {quoted(table_id)}; to change it, write "
                f'overrides = "{excerpt(table_id, 80)}" instead of id')
            return
        parsed = parse(table, file=file, line=line, bad=bad)
        if parsed is not None:
            known[table_id] = parsed

    def _add_case(self, table: Mapping[str, object], file: str, pack: str,
                  line: int | None) -> None:
        case_id = table.get("overrides", table.get("id"))
        if not isinstance(case_id, str) or not case_id:
            self.problem(file, None, problem("no_id"), line)
            return

        def bad(reason: str) -> None:
            self.problem(file, f"case {excerpt(case_id)}", reason, line)

        base = self.cases.get(case_id)
        if "overrides" in table:
            if base is None:
                bad(problem("unknown_override", id=quoted(case_id),
                            hint=did_you_mean(case_id, self.cases)))
                return
            if table.get("id", case_id) != case_id:
                bad(problem("override_id", id=quoted(case_id)))
                return
            table = overridden_table(base, table)
        elif base is not None:
            where = "" if base.line is None else problem("duplicate_line", line=base.line)
            bad(problem("duplicate", id=quoted(case_id), pack=quoted(base.pack),
                        file=file_name(Path(base.file).name), line=where,
                        name=excerpt(case_id, 80)))
            return
        case = parse_case(table, file=file, pack=pack, line=line, bad=bad)
        if case is not None:
            self.cases[case_id] = case if base is None else evolve(
                case, overrides_pack=base.pack)

    def _add_summary(self, summary: object, file: str) -> None:
        if not isinstance(summary, dict):
            self.problem(file, None, "[summary]: expected a table")
            return
        for key, value in summary.items():
            known = (*_SUMMARY_KEYS, *_OPTIONAL_SUMMARY_KEYS)
            if key not in known:
                self.problem(file, None, f"[summary]: unknown key {quoted(key, 40)}"
                             f"{did_you_mean(key, known)}")
            elif not isinstance(value, str) or not value.strip():
                self.problem(file, None, f"[summary].{key}: expected text")
            elif not only_signals_placeholder(value):
                self.problem(file, None, f"[summary].{key}: the only placeholder is {{signals}}")
            else:
                self.summary[key] = value

    def resolved_book(self) -> Rulebook:
        """What was read without problems, each parameter a test names replaced by its
        number (a later pack's [params] win), for the whole-book checks."""
        rules = {}
        for rule_id, rule in self.rules.items():
            resolved = self._resolve(rule)
            if resolved is None:
                self.broken.add(rule_id)
            else:
                rules[rule_id] = resolved
        return Rulebook(rules=tuple(rules.values()), verdicts=tuple(self.verdicts.values()),
                        bands=tuple(self.bands.values()),
                        caveat=self.summary.get("caveat", ""),
                        nothing_known=self.summary.get("nothing_known", ""),
                        against=self.summary.get("against", ""), files=tuple(self.files),
                        params=dict(self.params), cases=tuple(self.cases.values()),
                        notes=self.notes.book(), languages=dict(self.languages),
                        language=self.language)

    def _resolve(self, rule: Rule) -> Rule | None:
        if not any(t.param for b in rule.branches for t in b):
            return rule
        branches = []
        for branch in rule.branches:
            tests = []
            for test in branch:
                if test.param is None:
                    tests.append(test)
                elif test.param not in self.params:
                    self.problem(rule.file, rule.id, f"when: unknown parameter {quoted(test.param)}"
                                 f"{did_you_mean(test.param, tuple(self.params))}; a pack "
                                 "defines it under [params]", rule.line)
                    return None
                elif test.other is None:
                    tests.append(evolve(test, value=self._param_value(rule, test)))
                elif 0 < self.params[test.param] < 1:
                    tests.append(with_share(test, self.params[test.param]))
                else:
                    self.problem(rule.file, rule.id, f"[params].{test.param}: used as a share, "
                                 "expected a fraction above 0 and below 1, got "
                                 f"{self.params[test.param]:g}", rule.line)
                    return None
            branches.append(tuple(tests))
        return evolve(rule, branches=tuple(branches))

    def _param_value(self, rule: Rule, test: Test) -> int | float:
        value = self.params[str(test.param)]
        # An int field compared with a whole number keeps it whole, as a literal would be.
        return int(value) if value.is_integer() else value

    def whole_book_problems(self) -> list[RuleProblem]:
        """Parts every rulebook needs: a pack used alone must bring them itself."""
        where = ", ".join(self.files) or "<none>"
        out = []
        if not self.verdicts and not self.unreadable:
            out.append(RuleProblem(file=where, rule_id=None, reason="no [[verdict]] tables: "
                                   "the rulebook needs at least one verdict"))
        missing = [k for k in _SUMMARY_KEYS if k not in self.summary]
        if missing and not self.unreadable:
            out.append(RuleProblem(file=where, rule_id=None,
                                   reason=f"[summary] needs {' and '.join(missing)}"))
        return out


def _long_number_line(text: str) -> int | None:
    """The line of the first run of digits too long for Python to read as an integer."""
    limit = sys.get_int_max_str_digits()
    match = re.search(rf"[0-9_]{{{limit + 1},}}", text) if limit else None
    return text.count("\n", 0, match.start()) + 1 if match else None


def _origin(rule: Rule) -> str:
    """Where a rule was defined, short enough for a message: pack, file name and line."""
    line = "" if rule.line is None else f" line {rule.line}"
    return f"pack {quoted(rule.pack)}, {file_name(Path(rule.file).name)}{line}"


class _Lines:
    """Line numbers of ``[[rule]]``, ``[[verdict]]`` and ``[[band]]`` tables in one file's
    text."""

    def __init__(self, text: str) -> None:
        self._lines = text.splitlines()
        self._headers: dict[str, list[int]] = {"rule": [], "verdict": [], "band": [],
                                               "case": []}
        self._starts: list[int] = []
        for number, line in enumerate(self._lines, start=1):
            array = re.fullmatch(r"\s*\[\[\s*([\w.]+)\s*\]\]\s*(#.*)?", line)
            table = re.fullmatch(r"\s*\[\s*([\w.]+)\s*\]\s*(#.*)?", line)
            if array or table:
                self._starts.append(number)
            if array and array.group(1) in self._headers:
                self._headers[array.group(1)].append(number)

    def of(self, name: str, index: int, table: Mapping[str, object]) -> int | None:
        """The line of the table's id (or its header): where a reader looks for it."""
        headers = self._headers[name]
        if index >= len(headers):
            return self._id_line(1, len(self._lines), table)
        start = headers[index]
        end = next((s - 1 for s in self._starts if s > start), len(self._lines))
        return self._id_line(start, end, table) or start

    def _id_line(self, start: int, end: int, table: Mapping[str, object]) -> int | None:
        for key in ("overrides", "id"):
            value = table.get(key)
            if not isinstance(value, str):
                continue
            pattern = re.compile(rf"""^\s*{key}\s*=\s*["']{re.escape(value)}["']""")
            for number in range(start, end + 1):
                if pattern.match(self._lines[number - 1]):
                    return number
        return None
