"""Coverage: the rules, qualifiers, advice and verdicts no case reached, and the alternatives
of a condition no case made hold; said plainly when everything was reached."""

from __future__ import annotations

from pathlib import Path

from interview_signals import run_cases

BOOK = """\
[summary]
caveat = "Keep preparing."
nothing_known = "Record something."

[[verdict]]
id = "good"
min_confidence = 0.2
summary = "Good: {signals}."

[[verdict]]
id = "unclear"
min_confidence = 0.0
summary = "Unclear."

[[rule]]
id = "tour"
kind = "signal"
title = "A tour"
when = { any = [{ path = "tour.office_tour" }, { path = "tour.people_called_in" }] }
effect = { strength = 0.3 }
explanation = "A tour."
source = { sign = 4, title = "You get a personal tour" }

[[rule]]
id = "met_people"
kind = "qualifier"
applies_to = "tour"
when = { all = [{ path = "tour.people_called_in" }] }
effect = { boost = 0.2 }
explanation = "People."
source = { sign = 4, title = "You get a personal tour" }

[[rule]]
id = "note"
kind = "advice"
when = { all = [{ path = "thank_you.note_sent", op = "==", value = false }] }
explanation = "Send one."
source = { sign = 7, title = "Your thank you note nets a response" }
"""

CASES = """\
[[case]]
id = "space"
observations.tour.office_tour = true
expect.signals = ["tour"]
why = "A tour."
"""

MORE_CASES = """\
[[case]]
id = "people"
observations.tour.people_called_in = true
observations.thank_you.note_sent = false
expect.qualifiers = ["met_people"]
expect.advice = ["note"]
why = "People called in."

[[case]]
id = "nothing"
expect.verdict = "unclear"
why = "Nothing recorded."
"""


def write(tmp_path: Path, *texts: str) -> Path:
    (tmp_path / "book.toml").write_text("\n".join(texts), encoding="utf-8")
    return tmp_path / "book.toml"


def test_everything_reached_is_said_plainly(tmp_path: Path) -> None:
    run = run_cases(write(tmp_path, BOOK, CASES, MORE_CASES), include_default=False)
    coverage = run.coverage()
    assert (coverage.complete, coverage.unreached, coverage.partly, coverage.total) == (
        True, (), (), 5)
    assert run.render(with_coverage=True).splitlines()[-1] == (
        "coverage: every rule, qualifier, advice and verdict was reached by a case")


def test_what_no_case_reached_is_listed_with_where_it_is_written(tmp_path: Path) -> None:
    run = run_cases(write(tmp_path, BOOK, CASES), include_default=False)
    coverage = run.coverage()
    assert not coverage.complete
    assert [(i.kind, i.id, i.pack, Path(i.file).name, i.line) for i in coverage.unreached] == [
        ("qualifier", "met_people", "book", "book.toml", 25),
        ("advice", "note", "book", "book.toml", 34),
        ("verdict", "unclear", None, "book.toml", 11)]
    text = run.render(with_coverage=True).splitlines()
    start = text.index("coverage: 2 of 5 rules, qualifiers, advice and verdicts were reached "
                       "by a case; not reached:")
    assert text[start + 1:start + 4] == [
        "  - qualifier met_people (pack book, book.toml:25)",
        "  - advice note (pack book, book.toml:34)",
        "  - verdict unclear (book.toml:11)"]


def test_a_rule_reached_by_one_alternative_only_is_listed_apart(tmp_path: Path) -> None:
    run = run_cases(write(tmp_path, BOOK, CASES), include_default=False)
    (partly,) = run.coverage().partly
    assert (partly.item.id, partly.reached, partly.missed(), partly.count) == (
        "tour", (1,), (2,), 2)
    text = run.render(with_coverage=True).splitlines()
    assert text[-2:] == ["not every alternative of these conditions was reached:",
                         "  - signal tour: alternative 2 of 2 (pack book, book.toml:16)"]


def test_coverage_as_json(tmp_path: Path) -> None:
    run = run_cases(write(tmp_path, BOOK, CASES), include_default=False)
    data = run.to_dict(with_coverage=True)["coverage"]
    assert data == {
        "complete": False, "total": 5, "reached": 2,
        "not_reached": [
            {"kind": "qualifier", "id": "met_people", "pack": "book",
             "file": str(tmp_path / "book.toml"), "line": 25},
            {"kind": "advice", "id": "note", "pack": "book",
             "file": str(tmp_path / "book.toml"), "line": 34},
            {"kind": "verdict", "id": "unclear", "pack": None,
             "file": str(tmp_path / "book.toml"), "line": 11}],
        "alternatives_not_reached": [
            {"kind": "signal", "id": "tour", "pack": "book",
             "file": str(tmp_path / "book.toml"), "line": 16, "alternatives": 2,
             "reached": [1], "not_reached": [2]}]}


def test_a_case_that_fails_still_counts_for_what_it_reached(tmp_path: Path) -> None:
    failing = CASES.replace('expect.signals = ["tour"]', 'expect.verdict = "unclear"')
    run = run_cases(write(tmp_path, BOOK, failing), include_default=False)
    assert not run.passed
    assert "tour" not in {i.id for i in run.coverage().unreached}
