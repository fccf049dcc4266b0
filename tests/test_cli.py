"""The ``interview-signals`` command (SPEC section 7): exit statuses, stdout and stderr, in
process and as a real subprocess; bad input is one line on stderr, never a traceback."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Literal, NamedTuple

import pytest

from interview_signals import Engine, EngineError
from interview_signals._cli import main

ROOT = Path(__file__).resolve().parent.parent
GOOD = ROOT / "examples" / "data" / "good_interview.json"
UNCLEAR = ROOT / "examples" / "data" / "unclear_interview.json"
RULES = ROOT / "rules"

BAD_PACK = """\
[[rule]]
id = "coffee_offered"
kind = "signal"
sign = 4
title = "Coffee offered"
when = { all = [{ path = "tour.coffee", op = "==", value = true }] }
effect = { strength = 0.2 }
explanation = "They offered you coffee."
source = { sign = 4, title = "You get a personal tour" }
"""

GOOD_PACK = """\
# Our own cut-off for a quick reply: two days.
[[rule]]
overrides = "quick_response"
when = { all = [{ path = "thank_you.response_hours", op = "<=", value = 48 }] }
"""


class Result(NamedTuple):
    status: int
    out: str
    err: str


def run(*argv: str, stdin: str = "") -> Result:
    """The command in this process, with its own stdin, stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), stdin=io.StringIO(stdin), stdout=out, stderr=err)
    return Result(status, out.getvalue(), err.getvalue())


def run_process(*argv: str, stdin: str = "", cwd: Path | None = None) -> Result:
    """The command as a user runs it: ``python -m interview_signals``."""
    done = subprocess.run([sys.executable, "-m", "interview_signals", *argv], input=stdin,
                          capture_output=True, text=True, timeout=120, cwd=cwd, check=False)
    return Result(done.returncode, done.stdout, done.stderr)


def assert_one_error_line(result: Result, *fragments: str) -> None:
    assert result.status == 2
    assert result.out == ""
    assert result.err.endswith("\n")
    assert result.err.count("\n") == 1
    assert result.err.startswith("interview-signals: error: ")
    assert "Traceback" not in result.err
    for fragment in fragments:
        assert fragment in result.err


@pytest.fixture
def bad_pack(tmp_path: Path) -> Path:
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "coffee.toml").write_text(BAD_PACK)
    return pack


class TestAssess:
    @pytest.mark.parametrize("fmt", ["text", "json", "markdown"])
    def test_assess_prints_the_assessment_in_each_format(
            self, engine: Engine, fmt: Literal["text", "json", "markdown"]) -> None:
        expected = engine.assess(json.loads(GOOD.read_text())).render(fmt)
        assert run("assess", str(GOOD), "--format", fmt) == Result(0, expected, "")

    def test_text_is_the_default_format(self, engine: Engine) -> None:
        expected = engine.assess(json.loads(UNCLEAR.read_text())).render("text")
        assert run("assess", str(UNCLEAR)) == Result(0, expected, "")

    def test_json_output_is_the_assessment_to_dict(self, engine: Engine) -> None:
        result = run("assess", str(GOOD), "--format", "json")
        assert json.loads(result.out) == engine.assess(json.loads(GOOD.read_text())).to_dict()

    def test_a_dash_reads_the_observations_from_stdin(self, engine: Engine) -> None:
        data = {"tour": {"office_tour": True}}
        result = run("assess", "-", "--format", "json", stdin=json.dumps(data))
        assert (result.status, result.err) == (0, "")
        assert json.loads(result.out) == engine.assess(data).to_dict()

    def test_an_extra_rule_pack_changes_the_assessment(self, tmp_path: Path) -> None:
        (tmp_path / "two_days.toml").write_text(GOOD_PACK)
        data = json.dumps({"thank_you": {"note_sent": True, "response_received": True,
                                         "response_hours": 40}})
        plain = json.loads(run("assess", "-", "--format", "json", stdin=data).out)
        ours = json.loads(run("assess", "-", "--format", "json", "--rules",
                              str(tmp_path / "two_days.toml"), stdin=data).out)
        assert [q["id"] for q in plain["signals"][0]["qualifiers"]] == []
        assert [q["id"] for q in ours["signals"][0]["qualifiers"]] == ["quick_response"]

    def test_a_bad_rule_pack_given_to_assess_exits_1(self, bad_pack: Path) -> None:
        result = run("assess", str(GOOD), "--rules", str(bad_pack))
        assert (result.status, result.out) == (1, "")
        assert "coffee_offered" in result.err
        assert "Traceback" not in result.err


class TestBadInput:
    def test_a_missing_file_exits_2_with_one_line(self, tmp_path: Path) -> None:
        missing = tmp_path / "nope.json"
        assert_one_error_line(run("assess", str(missing)), str(missing),
                              "No such file or directory")

    def test_a_directory_exits_2_with_one_line(self, tmp_path: Path) -> None:
        assert_one_error_line(run("assess", str(tmp_path)), str(tmp_path), "cannot read")

    def test_malformed_json_exits_2_naming_line_and_column(self, tmp_path: Path) -> None:
        broken = tmp_path / "broken.json"
        broken.write_text('{"tour": {"office_tour": true}\n')
        assert_one_error_line(run("assess", str(broken)), str(broken), "not valid JSON",
                              "line 2")

    def test_a_file_that_is_not_utf8_exits_2(self, tmp_path: Path) -> None:
        latin = tmp_path / "latin.json"
        latin.write_bytes(b'{"tour": {"office_tour": "\xe9"}}')
        assert_one_error_line(run("assess", str(latin)), str(latin), "not UTF-8 text")

    @pytest.mark.parametrize(("content", "fragment"), [
        (b"[" * 100_000 + b"]" * 100_000, "cannot read the JSON: nested too deeply"),
        (b'{"interview": {"actual_minutes": ' + b"1" * 5000 + b"}}",
         "cannot read the JSON: a number has more than 4300 digits"),
        (b"", "empty; expected a JSON object of observations"),
        (b" \n\t\n", "empty; expected a JSON object of observations"),
        (b"\x7fELF\x02\x01\x01\x00\x00\x00\x00", "a binary file, not JSON text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "not UTF-8 text (invalid start byte at byte 0)"),
        (b"\xef\xbb\xbf", "empty; expected a JSON object of observations"),
    ], ids=["deep", "long-number", "empty", "blank", "binary", "not-utf8", "bom-only"])
    def test_a_file_json_cannot_read_exits_2_with_one_line(
            self, tmp_path: Path, content: bytes, fragment: str) -> None:
        bad = tmp_path / "bad.json"
        bad.write_bytes(content)
        assert_one_error_line(run("assess", str(bad)), f"{bad}: {fragment}")

    def test_a_file_that_starts_with_a_byte_order_mark_is_read(self, engine: Engine,
                                                               tmp_path: Path) -> None:
        data = {"tour": {"office_tour": True}}
        marked = tmp_path / "marked.json"
        marked.write_bytes(b"\xef\xbb\xbf" + json.dumps(data).encode())
        expected = engine.assess(data).render("json")
        assert run("assess", str(marked), "--format", "json") == Result(0, expected, "")

    def test_stdin_that_starts_with_a_byte_order_mark_is_read(self, engine: Engine) -> None:
        data = {"tour": {"office_tour": True}}
        result = run("assess", "-", "--format", "json", stdin="\ufeff" + json.dumps(data))
        assert result == Result(0, engine.assess(data).render("json"), "")

    def test_an_empty_stdin_exits_2_naming_stdin(self) -> None:
        assert_one_error_line(run("assess", "-", stdin=""),
                              "<stdin>: empty; expected a JSON object of observations")

    @pytest.mark.parametrize(("document", "got"), [
        ("[1, 2]", "a list (array)"), ('"text"', "a string"), ("null", "null"),
        ("3", "a number"), ("2.5", "a number"), ("true", "true"), ("false", "false")])
    def test_json_that_is_not_an_object_exits_2_naming_it_in_json_words(
            self, document: str, got: str) -> None:
        result = run("assess", "-", stdin=document)
        assert_one_error_line(result)
        assert result.err == ("interview-signals: error: observations: expected a JSON object "
                              f"of observation groups, got {got}\n")

    @pytest.mark.parametrize(("document", "path"), [
        ('{"tour": {"office_tour": 1}}', "tour.office_tour"),
        ('{"interview": {"scheduled_minutes": true}}', "interview.scheduled_minutes"),
        ('{"thank_you": {"response_hours": NaN}}', "thank_you.response_hours"),
        ('{"thank_you": {"response_hours": Infinity}}', "thank_you.response_hours"),
        ('{"mood": {}}', "mood"),
        ('{"thank_you": {"note_sent": false, "response_received": true}}',
         "thank_you.response_received"),
    ])
    def test_an_invalid_observation_exits_2_naming_the_path(self, document: str,
                                                            path: str) -> None:
        assert_one_error_line(run("assess", "-", stdin=document), path)

    @pytest.mark.parametrize("argv", [
        ["frobnicate"], ["assess"], ["assess", str(GOOD), "--format", "pdf"],
        ["assess", str(GOOD), "--bogus"], ["rules", "--format", "markdown"], [],
        ["check-rules"]])
    def test_a_bad_command_line_exits_2_with_one_line(self, argv: list[str]) -> None:
        result = run(*argv)
        assert_one_error_line(result, "--help")


class TestInternalError:
    def test_an_engine_failure_exits_3_with_one_line_asking_for_a_report(
            self, monkeypatch: pytest.MonkeyPatch) -> None:
        def fail(self: Engine, observations: object) -> None:
            raise EngineError("a rule failed: boom")

        monkeypatch.setattr(Engine, "assess", fail)
        result = run("assess", str(GOOD))
        assert result == Result(3, "", "interview-signals: internal error (please report): "
                                       "a rule failed: boom\n")


class TestRules:
    def test_rules_lists_every_rule_with_condition_effect_and_source(
            self, engine: Engine) -> None:
        result = run("rules")
        assert (result.status, result.err) == (0, "")
        for rule in engine.rulebook.rules:
            assert f"{rule.id}  ({rule.kind}, sign {rule.sign})" in result.out
            assert rule.describe_condition() in result.out
            assert rule.describe_effect() in result.out
            assert rule.source_title in result.out

    def test_rules_as_json_lists_every_rule_id_in_order(self, engine: Engine) -> None:
        result = run("rules", "--format", "json")
        assert (result.status, result.err) == (0, "")
        rows = json.loads(result.out)
        assert [r["id"] for r in rows] == [r.id for r in engine.rulebook.rules]
        for row in rows:
            assert {"id", "kind", "sign", "condition", "effect", "source"} <= set(row)
            assert set(row["source"]) == {"sign", "title"}

    def test_rules_with_an_override_pack_marks_the_override(self, tmp_path: Path) -> None:
        (tmp_path / "two_days.toml").write_text(GOOD_PACK)
        rows = json.loads(run("rules", "--format", "json", "--rules",
                              str(tmp_path / "two_days.toml")).out)
        (quick,) = [r for r in rows if r["id"] == "quick_response"]
        assert quick["overrides"] == "quick_response"
        assert "48" in quick["condition"]


class TestCheckRules:
    def test_the_default_rules_folder_alone_passes(self) -> None:
        result = run("check-rules", "--no-default", str(RULES))
        assert (result.status, result.err) == (0, "")
        assert result.out.startswith("ok: 24 rules from ")

    def test_the_default_rules_folder_passes(self) -> None:
        result = run("check-rules", str(RULES))
        assert (result.status, result.err) == (0, "")

    def test_a_good_pack_on_top_of_the_default_passes(self, tmp_path: Path) -> None:
        (tmp_path / "two_days.toml").write_text(GOOD_PACK)
        result = run("check-rules", str(tmp_path))
        assert (result.status, result.err) == (0, "")
        assert result.out.startswith("ok: 24 rules from ")

    def test_a_bad_pack_exits_1_naming_file_rule_and_reason(self, bad_pack: Path) -> None:
        result = run("check-rules", str(bad_pack))
        file = str(bad_pack / "coffee.toml")
        assert (result.status, result.err) == (1, "")
        problem, summary = result.out.splitlines()
        assert problem.startswith(f"{file}:2 [coffee_offered]: ")
        assert "'tour.coffee'" in problem
        assert summary == "1 problem found"

    def test_every_problem_of_a_pack_is_reported(self, tmp_path: Path) -> None:
        (tmp_path / "a.toml").write_text(BAD_PACK)
        (tmp_path / "b.toml").write_text(BAD_PACK.replace("coffee_offered", "tea_offered")
                                         .replace("sign = 4\n", "sign = 9\n", 1))
        result = run("check-rules", str(tmp_path))
        assert result.status == 1
        assert "coffee_offered" in result.out
        assert "tea_offered" in result.out
        assert "sign: expected a sign number from 1 to 7, got 9" in result.out
        assert result.out.endswith("3 problems found\n")

    def test_a_missing_pack_exits_1(self, tmp_path: Path) -> None:
        result = run("check-rules", str(tmp_path / "nope"))
        assert result.status == 1
        assert "no such file or folder" in result.out


class TestAsASubprocess:
    def test_assess_a_file_exits_0_with_the_text_rendering(self, engine: Engine,
                                                           tmp_path: Path) -> None:
        expected = engine.assess(json.loads(GOOD.read_text())).render("text")
        assert run_process("assess", str(GOOD), cwd=tmp_path) == Result(0, expected, "")

    def test_assess_from_stdin_as_json(self, engine: Engine, tmp_path: Path) -> None:
        data = {"next_steps": {"invited_to_next_round": True}}
        result = run_process("assess", "-", "--format", "json", stdin=json.dumps(data),
                             cwd=tmp_path)
        assert (result.status, result.err) == (0, "")
        assert json.loads(result.out) == engine.assess(data).to_dict()

    @pytest.mark.parametrize(("argv", "stdin", "fragment"), [
        (["assess", "-"], "{not json", "not valid JSON"),
        (["assess", "-"], '{"thank_you": {"tone": "loud"}}', "thank_you.tone"),
        (["assess", "/no/such/file.json"], "", "/no/such/file.json"),
        (["assess", "-"], "[" * 100_000 + "]" * 100_000, "<stdin>: cannot read the JSON: nested"),
        (["assess", "-"], '{"interview": {"actual_minutes": ' + "1" * 5000 + "}}",
         "<stdin>: cannot read the JSON: a number has more than 4300 digits"),
        (["assess", "-"], "", "<stdin>: empty"),
    ], ids=["malformed", "invalid", "missing", "deep", "long-number", "empty"])
    def test_bad_input_exits_2_with_one_line_and_no_traceback(
            self, argv: list[str], stdin: str, fragment: str, tmp_path: Path) -> None:
        assert_one_error_line(run_process(*argv, stdin=stdin, cwd=tmp_path), fragment)

    @pytest.mark.parametrize(("content", "fragment"), [
        (b"\xff\xfe{}", "not UTF-8 text"), (b"\x00\x00\x00", "a binary file")])
    def test_bytes_that_are_not_utf8_text_on_stdin_exit_2_with_one_line(
            self, content: bytes, fragment: str, tmp_path: Path) -> None:
        done = subprocess.run([sys.executable, "-m", "interview_signals", "assess", "-"],
                              input=content, capture_output=True, timeout=120, cwd=tmp_path,
                              check=False)
        assert_one_error_line(Result(done.returncode, done.stdout.decode(),
                                     done.stderr.decode()), f"<stdin>: {fragment}")

    def test_stdin_bytes_with_a_byte_order_mark_are_read_as_utf8(self, engine: Engine,
                                                                  tmp_path: Path) -> None:
        data = {"tour": {"office_tour": True}}
        done = subprocess.run([sys.executable, "-m", "interview_signals", "assess", "-",
                               "--format", "json"],
                              input=b"\xef\xbb\xbf" + json.dumps(data).encode(),
                              capture_output=True, timeout=120, cwd=tmp_path, check=False)
        assert (done.returncode, done.stderr) == (0, b"")
        assert json.loads(done.stdout) == engine.assess(data).to_dict()

    def test_a_bad_pack_exits_1_without_a_traceback(self, bad_pack: Path) -> None:
        result = run_process("check-rules", str(bad_pack))
        assert (result.status, result.err) == (1, "")
        assert "coffee_offered" in result.out

    def test_version_prints_the_installed_version(self) -> None:
        from interview_signals import __version__

        assert run_process("--version") == Result(0, f"interview-signals {__version__}\n", "")

    def test_a_reader_that_stops_early_causes_no_traceback(self) -> None:
        with subprocess.Popen([sys.executable, "-m", "interview_signals", "rules"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) as proc:
            assert proc.stdout is not None
            assert proc.stderr is not None
            proc.stdout.close()  # before the command has written anything, as `| head` may
            err = proc.stderr.read().decode()
            status = proc.wait(timeout=60)
        assert (status, err) == (0, "")


class TestHelp:
    @pytest.mark.parametrize("flag", ["--help", "--version"])
    def test_help_and_version_go_to_the_given_stdout_and_return_0(self, flag: str) -> None:
        result = run(flag)
        assert (result.status, result.err) == (0, "")
        assert "interview-signals" in result.out

    def test_help_names_every_command(self) -> None:
        result = run_process("--help")
        assert result.status == 0
        for command in ("assess", "rules", "check-rules"):
            assert command in result.out


def test_a_key_given_twice_is_rejected_rather_than_silently_dropped(tmp_path: Path) -> None:
    """JSON keeps the last of two equal keys; an observation would vanish without a word."""
    path = tmp_path / "twice.json"
    path.write_text('{"interview": {"actual_minutes": 30}, "interview": {"scheduled_minutes": 20}}')
    out, err = io.StringIO(), io.StringIO()
    status = main(["assess", str(path)], stdout=out, stderr=err)
    assert (status, out.getvalue()) == (2, "")
    assert err.getvalue() == (f"interview-signals: error: {path}: the key 'interview' appears "
                              "twice in one object; JSON would silently keep only the last\n")
