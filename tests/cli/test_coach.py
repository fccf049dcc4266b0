"""``test-rules`` and ``diff-rules`` on the command line: exit statuses, stdout and stderr,
the JUnit XML and changes files, and every mistake as one clear line."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from interview_signals import diff_rulebooks
from interview_signals._cli.main import main
from tests.cli.test_main import ROOT, assert_one_error_line, run, run_process
from tests.conftest import SAMPLE_PACK

CORPUS = ROOT / "examples" / "data" / "interviews.jsonl"
BAD_CASES = ROOT / "tests" / "data" / "bad_cases"
FAILING = """\
[[case]]
id = "tour_reads_promising"
observations.tour.office_tour = true
expect.verdict = "promising"
why = "This coach reads a tour as promising."
"""


@pytest.fixture
def failing_pack(tmp_path: Path) -> Path:
    (tmp_path / "coach.toml").write_text(FAILING, encoding="utf-8")
    return tmp_path / "coach.toml"


class TestTestRules:
    def test_the_default_rulebooks_cases_pass_with_exit_0(self) -> None:
        result = run("test-rules")
        assert (result.status, result.err) == (0, "")
        (line,) = result.out.splitlines()
        assert line.endswith(" passed, 0 failed")

    def test_a_failing_case_is_printed_with_how_and_exits_1(self, failing_pack: Path) -> None:
        result = run("test-rules", str(failing_pack))
        assert (result.status, result.err) == (1, "")
        lines = result.out.splitlines()
        assert lines[0] == "FAIL  tour_reads_promising  (pack coach, coach.toml:2)"
        assert "  - verdict: expected promising, got tentative (confidence 0.3)" in lines
        assert lines[-1].endswith(" passed, 1 failed")

    def test_json_for_ci_systems(self, failing_pack: Path) -> None:
        result = run("test-rules", str(failing_pack), "--format", "json", "--coverage")
        assert (result.status, result.err) == (1, "")
        data = json.loads(result.out)
        assert (data["failed"], data["problems"]) == (1, [])
        assert {"complete", "not_reached"} <= set(data["coverage"])

    def test_junit_xml_is_written_whole(self, failing_pack: Path, tmp_path: Path) -> None:
        target = tmp_path / "out" / "junit.xml"
        target.parent.mkdir()
        result = run("test-rules", str(failing_pack), "--junit-xml", str(target))
        assert result.status == 1
        root = ET.parse(target).getroot()
        assert (root.tag, root.get("failures")) == ("testsuites", "1")
        assert [p.name for p in target.parent.iterdir()] == ["junit.xml"]

    def test_a_broken_pack_lists_its_problems_exits_1_and_still_writes_junit(
            self, tmp_path: Path) -> None:
        target = tmp_path / "junit.xml"
        result = run("test-rules", str(BAD_CASES / "unknown_signal.toml"), "--junit-xml",
                     str(target))
        assert (result.status, result.err) == (1, "")
        assert result.out.splitlines() == [
            f"{BAD_CASES / 'unknown_signal.toml'}:2 [case shown_around]: expect.signals: "
            "unknown signal id \"personal_tours\" (did you mean \"personal_tour\"?)",
            "1 problem found; no case was run"]
        assert ET.parse(target).getroot().get("errors") == "1"

    def test_a_broken_pack_as_json_lists_its_problems(self) -> None:
        result = run("test-rules", str(BAD_CASES / "confidence_empty.toml"), "--format", "json")
        assert result.status == 1
        (problem,) = json.loads(result.out)["problems"]
        assert problem["reason"] == ("expect.confidence: the range is empty (min 0.4 is above "
                                     "max 0.2)")

    def test_coverage_lists_what_no_case_reached(self, tmp_path: Path) -> None:
        (tmp_path / "extra.toml").write_text(
            '[[rule]]\nid = "thank_the_whole_panel"\nkind = "advice"\n'
            'when = { all = [{ path = "interview.interviewer_count", op = ">=", value = 10 }] }\n'
            'explanation = "Thank each of them."\n'
            'source = { sign = 7, title = "Your thank you note nets a response" }\n',
            encoding="utf-8")
        result = run("test-rules", str(tmp_path / "extra.toml"), "--coverage")
        assert result.status == 0
        assert "  - advice thank_the_whole_panel (pack extra, extra.toml:2)" in \
            result.out.splitlines()

    def test_a_rulebook_without_cases_says_so(self, tmp_path: Path) -> None:
        book = ROOT / "rules"
        for name in [*book.glob("*.toml")]:
            (tmp_path / name.name).write_bytes(name.read_bytes())
        result = run("test-rules", "--no-default", str(tmp_path))
        assert (result.status, result.out) == (
            0, "no cases: a pack holds [[case]] tables, or a cases/ folder of them\n")

    def test_no_default_needs_a_pack(self) -> None:
        assert_one_error_line(run("test-rules", "--no-default"),
                              "test-rules --no-default: give at least one PACK")

    def test_an_unwritable_junit_file_is_one_error_line(self, tmp_path: Path) -> None:
        result = run("test-rules", "--junit-xml", str(tmp_path / "no" / "such" / "j.xml"))
        assert_one_error_line(result, "j.xml: cannot write the file: No such file or directory")

    def test_ci_runs_the_installed_command(self, tmp_path: Path) -> None:
        """What CI runs: the command in its own process, from another folder."""
        result = run_process("test-rules", "--coverage", cwd=tmp_path)
        assert (result.status, result.err) == (0, "")
        assert " passed, 0 failed" in result.out


class TestDiffRules:
    def test_a_corpus_compared_in_words(self) -> None:
        result = run("diff-rules", "--new", str(SAMPLE_PACK), str(CORPUS), "--workers", "1")
        assert (result.status, result.err) == (0, "")
        lines = result.out.splitlines()
        assert lines[0] == f"37 readings of {CORPUS} assessed under both rulebooks"
        up = diff_rulebooks(CORPUS.read_bytes().splitlines(), new=[SAMPLE_PACK], workers=1).up
        assert lines[3].split() == ["verdict", "up:", str(up)]
        assert lines[8].split() == ["lines", "skipped:", "3"]
        assert lines[lines.index("Skipped lines (first 3 of 3):") + 1].startswith("  line 9: ")

    def test_json_and_stdin(self) -> None:
        result = run("diff-rules", "--old", "default", "--new", str(SAMPLE_PACK), "-",
                     "--format", "json", "--workers", "1",
                     stdin=CORPUS.read_text(encoding="utf-8"))
        assert (result.status, result.err) == (0, "")
        data = json.loads(result.out)
        same = diff_rulebooks(CORPUS.read_bytes().splitlines(), new=[SAMPLE_PACK], workers=1,
                              corpus="<stdin>").to_dict()
        assert data == {**same, "new": {"packs": [str(SAMPLE_PACK)], "include_default": True}}
        assert (data["readings"], data["skipped"]) == (37, 3)

    def test_changes_are_written_one_line_per_changed_reading(self, tmp_path: Path) -> None:
        target = tmp_path / "changes.jsonl"
        result = run("diff-rules", "--new", str(SAMPLE_PACK), str(CORPUS), "--changes",
                     str(target), "--workers", "1", "--format", "json")
        assert result.status == 0
        rows = [json.loads(line) for line in target.read_text("utf-8").splitlines()]
        assert len(rows) == json.loads(result.out)["changed"]
        assert {"line", "old", "new", "change", "rules"} == set(rows[0])

    def test_the_changes_file_may_not_be_the_corpus(self, tmp_path: Path) -> None:
        corpus = tmp_path / "corpus.jsonl"
        corpus.write_text("{}\n", encoding="utf-8")
        result = run("diff-rules", str(corpus), "--changes", str(corpus))
        assert_one_error_line(result, "the output is the input file")
        assert corpus.read_text(encoding="utf-8") == "{}\n"

    def test_a_missing_corpus_is_one_error_line(self) -> None:
        assert_one_error_line(run("diff-rules", "no/such.jsonl", "--workers", "1"),
                              "no/such.jsonl: cannot read the file: No such file or directory")

    def test_a_broken_pack_exits_1_naming_the_problem(self, tmp_path: Path) -> None:
        (tmp_path / "bad.toml").write_text('[[rule]]\noverrides = "nope"\n', encoding="utf-8")
        result = run("diff-rules", "--new", str(tmp_path / "bad.toml"), str(CORPUS))
        assert (result.status, result.out) == (1, "")
        assert result.err.startswith("interview-signals: new: 1 problem in the rulebook:\n")
        assert "overrides: unknown rule id \"nope\"" in result.err

    @pytest.mark.parametrize("option", ["--old", "--new"])
    def test_no_default_needs_a_pack_on_each_side(self, option: str) -> None:
        other = "--new" if option == "--old" else "--old"
        result = run("diff-rules", "--no-default", other, "default", str(CORPUS))
        assert_one_error_line(result, f"{option}: with --no-default, give a pack (or 'default' "
                              "for the default rulebook)")

    def test_a_terminal_sees_the_lines_counted(self) -> None:
        class Terminal(io.StringIO):
            def isatty(self) -> bool:
                return True

        out, err = io.StringIO(), Terminal()
        status = main(["diff-rules", str(CORPUS), "--workers", "1"], stdout=out, stderr=err)
        assert status == 0
        assert err.getvalue().startswith("\rinterview-signals: 40 lines compared")
        assert err.getvalue().endswith("\rinterview-signals: 40 lines compared\n")
        assert run("diff-rules", str(CORPUS), "--workers", "1").err == ""  # not a terminal

    def test_more_workers_than_cpus_is_a_note(self) -> None:
        result = run("diff-rules", str(CORPUS), "--workers", "999")
        assert result.status == 0
        assert result.err.startswith("interview-signals: note: --workers 999 is more than ")

    def test_top_must_be_a_positive_integer(self) -> None:
        assert_one_error_line(run("diff-rules", str(CORPUS), "--top", "0"),
                              'argument --top: expected a positive integer, got "0"')
