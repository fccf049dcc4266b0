"""The test-rules reports: text for a coach, JSON and JUnit XML for CI systems."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from interview_signals import CaseRun, run_cases
from interview_signals._coaching import json_report, junit_xml, problems_report
from interview_signals._rulebook import read_rulebook

BAD_CASES = Path(__file__).resolve().parents[1] / "data" / "bad_cases"

PACK = """\
[[case]]
id = "tour_reads_promising"
observations.tour.office_tour = true
expect.verdict = "promising"
why = "This coach reads a tour as <promising> & more."

[[case]]
id = "tour_is_a_tour"
observations.tour.office_tour = true
expect.signals = ["personal_tour"]
why = "A tour."
"""


def run(tmp_path: Path) -> CaseRun:
    (tmp_path / "coach.toml").write_text(PACK, encoding="utf-8")
    return run_cases(tmp_path / "coach.toml")


def test_the_text_shows_failures_in_full_and_the_totals(tmp_path: Path) -> None:
    text = run(tmp_path).render().splitlines()
    assert text[0] == "FAIL  tour_reads_promising  (pack coach, coach.toml:2)"
    assert text[1:4] == [
        "  why: This coach reads a tour as <promising> & more.",
        "  observations: Shown around [tour.office_tour]: yes",
        "  concluded: tentative, confidence 0.3; signals: personal_tour; advice: "
        "send_thank_you_note"]
    assert text[4] == "  - verdict: expected promising, got tentative (confidence 0.3)"
    assert all(line.startswith("      ") for line in text[5:-1])
    assert "tour_is_a_tour" not in "\n".join(text)  # passed: not shown without verbose
    cases = len(run_cases().results) + 2
    assert text[-1] == f"{cases} cases: {cases - 1} passed, 1 failed"


def test_verbose_text_shows_every_case(tmp_path: Path) -> None:
    text = run(tmp_path).render(verbose=True).splitlines()
    assert "ok    tour_is_a_tour" in text
    assert "ok    shown_the_space" in text
    assert '  sign 4, "You get a personal tour" (the sentence with "show you the space")' in text


def test_junit_xml_has_a_suite_per_pack_and_a_failure_per_failed_case(tmp_path: Path) -> None:
    result = run(tmp_path)
    root = ET.fromstring(result.render("junit"))
    assert root.tag == "testsuites"
    cases = len(result.results)
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == (
        str(cases), "1", "0")
    suites = {s.get("name"): s for s in root}
    assert list(suites) == ["default", "coach"]
    coach = suites["coach"]
    assert (coach.get("tests"), coach.get("failures"), coach.get("skipped")) == ("2", "1", "0")
    failing, passing = list(coach)
    assert (failing.get("name"), failing.get("classname"), failing.get("line")) == (
        "tour_reads_promising", "coach.coach", "2")
    assert failing.get("file") == str(tmp_path / "coach.toml")
    failure = failing.find("failure")
    assert failure is not None
    assert failure.get("message") == ("verdict: expected promising, got tentative "
                                      "(confidence 0.3)")
    assert "reads a tour as <promising> & more" in (failure.text or "")  # escaped, read back
    assert passing.find("failure") is None
    assert float(root.get("time", "x")) >= 0


def test_junit_xml_of_a_broken_pack_is_one_error_listing_the_problems() -> None:
    _, problems = read_rulebook(BAD_CASES / "several_problems.toml", cases=True)
    root = ET.fromstring(junit_xml([], problems))
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("1", "0", "1")
    error = root.find("testsuite/testcase/error")
    assert error is not None
    assert error.get("message") == "5 problems found; no case was run"
    assert (error.text or "") == problems_report(problems)


def test_json_carries_totals_each_case_and_its_differences(tmp_path: Path) -> None:
    data = run(tmp_path).to_dict()
    assert (data["format"], data["version"], data["failed"], data["problems"]) == (
        "interview-signals/test-rules", 1, 1, [])
    results = data["results"]
    assert isinstance(results, list)
    assert data["cases"] == len(results) == int(str(data["passed"])) + 1
    failed = [r for r in results if not r["passed"]]
    assert [r["id"] for r in failed] == ["tour_reads_promising"]
    assert "coverage" not in data


def test_json_of_a_broken_pack_lists_its_problems() -> None:
    _, problems = read_rulebook(BAD_CASES / "unknown_signal.toml", cases=True)
    data = json_report([], problems=problems)
    assert data["problems"] == [{
        "file": str(BAD_CASES / "unknown_signal.toml"), "line": 2,
        "rule": "case shown_around",
        "reason": "expect.signals: unknown signal id \"personal_tours\" (did you mean "
                  "\"personal_tour\"?)",
        "message": f"{BAD_CASES / 'unknown_signal.toml'}:2 [case shown_around]: "
                   "expect.signals: unknown signal id \"personal_tours\" (did you mean "
                   "\"personal_tour\"?)"}]
    assert (data["cases"], data["results"]) == (0, [])
