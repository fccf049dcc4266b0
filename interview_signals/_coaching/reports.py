"""The results of a rulebook's test cases as text for a coach, as JSON, and as JUnit XML for
CI systems; and a rulebook that could not be read, in the same three forms.

Neighbours: ``cases`` and ``coverage`` make what is reported here; ``_cli``'s ``test-rules``
writes it. The texts are ``words``'.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

from .._errors import RuleProblem
from .._quoting import file_name
from .._rulebook import Case
from .cases import CASE_RESULT_FORMAT, CASE_RESULT_VERSION, CaseResult, confidence_text
from .coverage import Coverage
from .how import answer, place
from .words import case_why, count, say


def case_lines(result: CaseResult, *, verbose: bool = False) -> list[str]:
    """A case's lines of the text report: one for a case that passed, then (for a failure,
    or with ``verbose``) where it comes from, what was concluded and every difference."""
    case = result.case
    if result.passed and not verbose:
        return [say("case_passed", case=case.id)]
    lines = [say("case_passed", case=case.id) if result.passed else
             say("case_failed", case=case.id, where=place(case.pack, case.file, case.line))]
    if case.source is not None:
        lines.append(say("case_from", source=source_text(case)))
    if case.why:
        lines.append(say("case_why", why=case_why(case)))
    observed = [answer(p, v) for p, v in case.observations.items()]
    lines.append(say("case_observations", observations="; ".join(observed)) if observed
                 else say("case_no_observations"))
    lines.append(say("case_concluded", verdict=result.verdict,
                     confidence=confidence_text(result.confidence),
                     signals=", ".join(result.concluded["signal"]) or say("none"),
                     advice=", ".join(result.concluded["advice"]) or say("none")))
    for difference in result.differences:
        lines.append(say("difference", message=difference.message))
        lines += [say("how", line=line) for line in difference.how]
    return lines


def source_text(case: Case) -> str:
    """``sign 2, "..." (the sentence with "point blank")``."""
    source = case.source
    if source is None:
        return ""
    if source.quote:
        return say("case_source_quote", sign=source.sign, title=source.title,
                   quote=source.quote)
    return say("case_source", sign=source.sign, title=source.title)


def text_report(results: Sequence[CaseResult], coverage: Coverage | None = None, *,
                verbose: bool = False) -> str:
    """Every failure in full (every case with ``verbose``), the totals, and the coverage
    when asked."""
    if not results:
        lines = [say("no_cases")]
    else:
        lines = []
        for result in results:
            if verbose or not result.passed:
                lines += case_lines(result, verbose=verbose)
        failed = sum(not r.passed for r in results)
        lines.append(say("cases_summary", cases=count(len(results), "case"),
                         passed=len(results) - failed, failed=failed))
    if coverage is not None:
        lines += coverage_lines(coverage)
    return "\n".join(lines) + "\n"


def coverage_lines(coverage: Coverage) -> list[str]:
    """What no case reached, or that every rule and verdict was reached."""
    if coverage.complete:
        lines = [say("coverage_all")]
    else:
        lines = [say("coverage_some", reached=coverage.total - len(coverage.unreached),
                     total=coverage.total)]
        lines += [say("coverage_item", kind=i.kind, id=i.id, place=_place(i.pack, i.file, i.line))
                  for i in coverage.unreached]
    if coverage.partly:
        lines.append(say("coverage_branches"))
        lines += [say("coverage_branch", kind=p.item.kind, id=p.item.id,
                      numbers=", ".join(map(str, p.missed())), count=p.count,
                      place=_place(p.item.pack, p.item.file, p.item.line))
                  for p in coverage.partly]
    return lines


def _place(pack: str | None, file: str, line: int | None) -> str:
    if pack is not None:
        return place(pack, file, line)
    shown = file_name(Path(file).name)
    return shown if line is None else f"{shown}:{line}"


def problems_report(problems: Sequence[RuleProblem]) -> str:
    """A rulebook that could not be read: every problem, as ``check-rules`` words it."""
    lines = [str(p) for p in problems]
    lines.append(say("problems_found", problems=count(len(problems), "problem")))
    return "\n".join(lines) + "\n"


def json_report(results: Sequence[CaseResult], coverage: Coverage | None = None,
                problems: Sequence[RuleProblem] = ()) -> dict[str, object]:
    """The results as JSON: totals, every case, the coverage when asked, and the problems
    of a rulebook that could not be read (then no case was run)."""
    failed = sum(not r.passed for r in results)
    report: dict[str, object] = {
        "format": CASE_RESULT_FORMAT, "version": CASE_RESULT_VERSION,
        "cases": len(results), "passed": len(results) - failed, "failed": failed,
        "problems": [_problem(p) for p in problems],
        "results": [r.to_dict() for r in results]}
    if coverage is not None:
        report["coverage"] = coverage.to_dict()
    return report


def _problem(problem: RuleProblem) -> dict[str, object]:
    return {"file": problem.file, "line": problem.line, "rule": problem.rule_id,
            "reason": problem.reason, "message": str(problem)}


def junit_xml(results: Sequence[CaseResult], problems: Sequence[RuleProblem] = ()) -> str:
    """The results as JUnit XML: a test suite per pack, a test case per case, each failure
    with every difference and how it came about; a rulebook that could not be read is one
    test case in error, listing its problems."""
    root = ET.Element("testsuites", name="interview-signals test-rules")
    suites: dict[str, ET.Element] = {}
    for result in results:
        suite = suites.get(result.case.pack)
        if suite is None:
            suite = suites[result.case.pack] = ET.SubElement(root, "testsuite",
                                                             name=result.case.pack)
        element = ET.SubElement(suite, "testcase", name=result.case.id,
                                classname=f"{result.case.pack}.{Path(result.case.file).stem}",
                                file=result.case.file, time=f"{result.seconds:.6f}")
        if result.case.line is not None:
            element.set("line", str(result.case.line))
        if not result.passed:
            failure = ET.SubElement(element, "failure", type="expectation",
                                    message=result.differences[0].message)
            failure.text = "\n".join(case_lines(result)) + "\n"
    if problems:
        suite = ET.SubElement(root, "testsuite", name=say("junit_rulebook"))
        element = ET.SubElement(suite, "testcase", name=say("junit_rulebook"),
                                classname="rulebook")
        error = ET.SubElement(element, "error", type="rulebook",
                              message=say("problems_found",
                                          problems=count(len(problems), "problem")))
        error.text = problems_report(problems)
    _totals(root)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _totals(root: ET.Element) -> None:
    """The counts every suite and the whole carry: tests, failures, errors, time."""
    totals = {"tests": 0, "failures": 0, "errors": 0}
    seconds = 0.0
    for suite in root:
        cases = list(suite)
        counts = {"tests": len(cases),
                  "failures": sum(c.find("failure") is not None for c in cases),
                  "errors": sum(c.find("error") is not None for c in cases)}
        spent = sum(float(c.get("time", "0")) for c in cases)
        for key, value in counts.items():
            suite.set(key, str(value))
            totals[key] += value
        suite.set("skipped", "0")
        suite.set("time", f"{spent:.6f}")
        seconds += spent
    for key, value in totals.items():
        root.set(key, str(value))
    root.set("time", f"{seconds:.6f}")

