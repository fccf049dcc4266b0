"""Test cases of a pack: ``[[case]]`` tables (in a pack's files or its ``cases/`` folder), each
some observations, what the rulebook must conclude from them, and why.

Neighbours: ``merge.Merger`` hands over each table (and overrides a case by id); ``check``
checks the ids a case names against the merged rulebook; ``_coaching`` runs the cases.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from typing import cast

from .._errors import ObservationError
from .._observations import Value, check_values, did_you_mean, grouped
from .._quoting import quoted
from .model import Case, CaseSource, Expectation
from .parse import Bad, is_number, unknown_keys

CASE_KEYS = frozenset({"id", "overrides", "observations", "expect", "why", "source"})
SOURCE_KEYS = ("sign", "title", "quote")
CONFIDENCE_KEYS = ("min", "max")
LISTS: tuple[tuple[str, str, bool], ...] = (
    ("signals", "signal", True), ("absent_signals", "signal", False),
    ("qualifiers", "qualifier", True), ("absent_qualifiers", "qualifier", False),
    ("advice", "advice", True), ("absent_advice", "advice", False))
"""The expectation lists: (key, the kind of rule each id names, present or absent)."""
EXPECT_KEYS = ("verdict", "confidence", *(key for key, _, _ in LISTS))
_NAME = r"[a-z][a-z0-9_]*"

PROBLEMS: dict[str, str] = {
    "id": "id: expected lower_snake_case letters, digits and underscores",
    "why_type": "why: expected a sentence, got {got}",
    "why_missing": 'why: a case says why it must hold: give why = "..." or source = '
                   '{{ sign = N, title = "...", quote = "a few words" }}',
    "observations_type": "observations: expected a table of observation groups, got {got}",
    "expect_missing": "expect: missing; a case expects a verdict, a confidence range, or "
                      "signals, qualifiers or advice present or absent",
    "present_and_absent": "expect: {kind} {id} is expected both present and absent",
    "expects_nothing": "expect: expects nothing, so the case could never fail; give a verdict, "
                       "a confidence range, or signals, qualifiers or advice present or absent",
    "verdict_ids": "a verdict id or a list of them",
    "ids": "a list of ids",
    "ids_type": "{where}: expected {what}, got {got}",
    "empty_list": "an empty list",
    "listed_twice": "{where}: an id is listed twice",
    "confidence_type": "expect.confidence: expected {{ min = x, max = y }} (either may be left "
                       "out), got {got}",
    "confidence_bound": "expect.confidence.{key}: expected a number from 0 to 1, got {got}",
    "confidence_empty": "expect.confidence: the range is empty (min {low} is above max {high})",
    "source_type": 'source: expected {{ sign = N, title = "...", quote = "a few words" }}, got '
                   "{got}",
    "source_sign": "source.sign: expected a sign number from 1 to 7, got {got}",
    "source_title": "source.title: expected the title of the article's sign",
    "source_quote": "source.quote: expected a few words of the sentence, got {got}",
    "number": "the number {value}",
    "unknown_verdict": "expect.verdict: unknown verdict {id}{hint}",
    "unknown_id": "unknown {kind} id {id}{hint}",
    "wrong_kind": "{id} is {kind}, not {expected}",
    "a_signal": "a signal",
    "a_qualifier": "a qualifier",
    "a_advice": "advice",
    "qualifier_without_signal": "expect: qualifier {id} is expected present, but it qualifies "
                                "signal {signal}, which is expected absent (a qualifier fires "
                                "only with its signal)",
    "no_id": 'a case without an id: every case needs id = "..."',
    "unknown_override": "overrides: unknown case {id}; an override names a case loaded "
                        "before it{hint}",
    "override_id": "an override keeps the id it overrides; drop id or set it to {id}",
    "duplicate": 'duplicate case {id} (already in pack {pack}, {file}{line}); to change '
                 'it, write overrides = "{name}" instead of id',
    "duplicate_line": " line {line}",
    "cases_only": "top-level key {key}: a file in a cases/ folder holds [[case]] tables only",
}
"""Every problem a case can have, worded once: a template per key, filled in by name."""


def problem(name: str, /, **values: object) -> str:
    """The problem ``name`` with ``values`` filled in."""
    return PROBLEMS[name].format(**values)


def parse_case(table: Mapping[str, object], *, file: str, pack: str, line: int | None,
               bad: Bad) -> Case | None:
    """A ``Case`` from one complete table, or ``None`` after reporting every problem."""
    count = [0]

    def report(reason: str) -> None:
        count[0] += 1
        bad(reason)

    case_id = cast(str, table.get("id", table.get("overrides")))
    unknown_keys(table, CASE_KEYS, "", report)
    if not re.fullmatch(_NAME, case_id):
        report(problem("id"))
    values = _observations(table.get("observations", {}), report)
    expect = _expectation(table.get("expect"), report)
    why, source = table.get("why", ""), _source(table.get("source"), report)
    if not isinstance(why, str):
        report(problem("why_type", got=_kind(why)))
    elif not why.strip() and source is None and "source" not in table:
        report(problem("why_missing"))
    if count[0] or values is None or expect is None:
        return None
    return Case(id=case_id, observations=values, expect=expect, why=cast(str, why).strip(),
                source=source, file=file, pack=pack, line=line)


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, int | float):
        return problem("number", value=repr(value))
    if isinstance(value, list):
        return "a list"
    return "a table" if isinstance(value, dict) else type(value).__name__


def _observations(table: object, report: Bad) -> dict[str, Value] | None:
    if not isinstance(table, dict):
        report(problem("observations_type", got=_kind(table)))
        return None
    try:
        return check_values(table)
    except ObservationError as exc:
        for each in exc.problems:
            report(f"observations.{each}" if each.path != "observations" else str(each))
        return None


def _expectation(table: object, report: Bad) -> Expectation | None:
    if not isinstance(table, dict):
        report(problem("expect_missing"))
        return None
    problems = [0]

    def bad(reason: str) -> None:
        problems[0] += 1
        report(reason)

    unknown_keys(table, EXPECT_KEYS, "expect: ", bad)
    verdicts = _verdicts(table.get("verdict"), bad)
    confidence = _confidence(table.get("confidence"), bad)
    present: dict[str, tuple[str, ...]] = {}
    absent: dict[str, tuple[str, ...]] = {}
    for key, kind, is_present in LISTS:
        ids = _ids(table.get(key, []), f"expect.{key}", bad)
        chosen = present if is_present else absent
        chosen[kind] = chosen.get(kind, ()) + ids
    for kind in ("signal", "qualifier", "advice"):
        for id_ in sorted(set(present[kind]) & set(absent[kind])):
            bad(problem("present_and_absent", kind=kind, id=quoted(id_)))
    expect = Expectation(verdicts=verdicts, confidence=confidence, present=present,
                         absent=absent)
    if not problems[0] and expect.is_empty():
        bad(problem("expects_nothing"))
    return None if problems[0] else expect


def _verdicts(value: object, bad: Bad) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    return _ids(value, "expect.verdict", bad, what=problem("verdict_ids"), empty_ok=False)


def _ids(value: object, where: str, bad: Bad, *, what: str = "", empty_ok: bool = True
         ) -> tuple[str, ...]:
    what = what or problem("ids")
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        bad(problem("ids_type", where=where, what=what, got=_kind(value)))
        return ()
    if not value and not empty_ok:
        bad(problem("ids_type", where=where, what=what, got=problem("empty_list")))
    seen = tuple(dict.fromkeys(cast(list[str], value)))
    if len(seen) != len(value):
        bad(problem("listed_twice", where=where))
    return seen


def _confidence(value: object, bad: Bad) -> tuple[float, float] | None:
    if value is None:
        return None
    if not isinstance(value, dict) or not value:
        bad(problem("confidence_type", got=_kind(value)))
        return None
    unknown_keys(value, CONFIDENCE_KEYS, "expect.confidence: ", bad)
    bounds = []
    for key, default in (("min", 0.0), ("max", 1.0)):
        number = value.get(key, default)
        if not is_number(number) or not 0 <= cast(float, number) <= 1:
            bad(problem("confidence_bound", key=key, got=_kind(number)))
            return None
        bounds.append(float(cast(float, number)))
    low, high = bounds
    if low > high:
        bad(problem("confidence_empty", low=f"{low:g}", high=f"{high:g}"))
        return None
    return low, high


def _source(value: object, bad: Bad) -> CaseSource | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        bad(problem("source_type", got=_kind(value)))
        return None
    unknown_keys(value, SOURCE_KEYS, "source: ", bad)
    sign, title, quote = value.get("sign"), value.get("title"), value.get("quote", "")
    fine = True
    if not (isinstance(sign, int) and not isinstance(sign, bool) and 1 <= sign <= 7):
        bad(problem("source_sign", got=_kind(sign)))
        fine = False
    if not isinstance(title, str) or not title.strip():
        bad(problem("source_title"))
        fine = False
    if not isinstance(quote, str):
        bad(problem("source_quote", got=_kind(quote)))
        fine = False
    if not fine:
        return None
    return CaseSource(sign=cast(int, sign), title=cast(str, title),
                      quote=cast(str, quote).strip())


def case_table(case: Case) -> dict[str, object]:
    """A case back as the table it was read from, so an override can change part of it."""
    expect: dict[str, object] = {}
    if case.expect.verdicts:
        expect["verdict"] = list(case.expect.verdicts)
    if case.expect.confidence is not None:
        expect["confidence"] = dict(zip(CONFIDENCE_KEYS, case.expect.confidence, strict=True))
    for key, kind, is_present in LISTS:
        ids = (case.expect.present if is_present else case.expect.absent).get(kind, ())
        if ids:
            expect[key] = list(ids)
    table: dict[str, object] = {"id": case.id, "observations": grouped(case.observations),
                                "expect": expect, "why": case.why}
    if case.source is not None:
        table["source"] = {"sign": case.source.sign, "title": case.source.title,
                           "quote": case.source.quote}
    return table


def overridden_table(base: Case, table: Mapping[str, object]) -> dict[str, object]:
    """``table`` over the case it overrides: the keys it gives replace the base's, and the
    keys of its ``expect`` replace the base's expectations one by one."""
    merged = {**case_table(base), **{k: v for k, v in table.items() if k != "overrides"}}
    if isinstance(table.get("expect"), dict):
        merged["expect"] = {**cast(dict[str, object], case_table(base)["expect"]),
                            **cast(dict[str, object], table["expect"])}
    merged["id"] = base.id
    return merged


def case_problems(cases: Collection[Case], kinds: Mapping[str, str],
                  applies_to: Mapping[str, str], verdicts: Collection[str], *,
                  skip: Collection[str] = (), partial: bool = False
                  ) -> list[tuple[Case, str]]:
    """(case, reason) for every id a case names that the rulebook does not have as that
    kind, and every qualifier expected present whose signal is expected absent.

    ``kinds`` maps each rule id to its kind, ``applies_to`` each qualifier to its signal;
    ``skip`` holds ids of rules left out for
    problems of their own; with ``partial`` (a file could not be read) unknown ids are not
    reported, as the missing file may hold them.
    """
    out: list[tuple[Case, str]] = []
    for case in cases:
        for verdict in case.expect.verdicts:
            if verdict not in verdicts and not partial:
                out.append((case, problem("unknown_verdict", id=quoted(verdict),
                                          hint=did_you_mean(verdict, verdicts))))
        for key, kind, is_present in LISTS:
            ids = (case.expect.present if is_present else case.expect.absent).get(kind, ())
            for id_ in ids:
                reason = _id_problem(id_, kind, kinds, skip, partial)
                if reason:
                    out.append((case, f"expect.{key}: {reason}"))
        out += [(case, reason) for reason in _qualifier_contradictions(case, applies_to)]
    return out


def _id_problem(id_: str, kind: str, kinds: Mapping[str, str], skip: Collection[str],
                partial: bool) -> str | None:
    if id_ in skip:
        return None
    if id_ not in kinds:
        if partial:
            return None
        same_kind = [i for i, k in kinds.items() if k == kind]
        return problem("unknown_id", kind=kind, id=quoted(id_),
                       hint=did_you_mean(id_, same_kind))
    if kinds[id_] != kind:
        return problem("wrong_kind", id=quoted(id_), kind=problem(f"a_{kinds[id_]}"),
                       expected=problem(f"a_{kind}"))
    return None



def _qualifier_contradictions(case: Case, applies_to: Mapping[str, str]) -> list[str]:
    """Qualifiers the case expects present while it expects their signal absent."""
    absent = set(case.expect.absent.get("signal", ()))
    return [problem("qualifier_without_signal", id=quoted(q), signal=quoted(applies_to[q]))
            for q in case.expect.present.get("qualifier", ())
            if applies_to.get(q) in absent]
