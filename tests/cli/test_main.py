"""The ``interview-signals`` command (SPEC section 7): exit statuses, stdout and stderr, in
process and as a real subprocess; bad input is one line on stderr, never a traceback."""

from __future__ import annotations

import contextlib
import io
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any, Literal, NamedTuple

import pytest

from interview_signals import Engine, EngineError
from interview_signals._cli.main import main
from tests.batch.test_batch import alive, children_of, linux_only, two_cpus, wait_for, workers_of

ROOT = Path(__file__).resolve().parents[2]
GOOD = ROOT / "examples" / "data" / "good_interview.json"
UNCLEAR = ROOT / "examples" / "data" / "unclear_interview.json"
RULES = ROOT / "rules"

BAD_PACK = """\
[[rule]]
id = "coffee_offered"
kind = "signal"
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
when = { all = [{ path = "thank_you.response_hours", op = "<=", value = 48 },
                { path = "thank_you.tone", op = "is_not", value = "automatic" }] }
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
        assert result.out.startswith("ok: 30 rules and ")

    def test_the_default_rules_folder_passes(self) -> None:
        result = run("check-rules", str(RULES))
        assert (result.status, result.err) == (0, "")

    def test_a_good_pack_on_top_of_the_default_passes(self, tmp_path: Path) -> None:
        (tmp_path / "two_days.toml").write_text(GOOD_PACK)
        result = run("check-rules", str(tmp_path))
        assert (result.status, result.err) == (0, "")
        assert result.out.startswith("ok: 30 rules and ")

    def test_a_bad_pack_exits_1_naming_file_rule_and_reason(self, bad_pack: Path) -> None:
        result = run("check-rules", str(bad_pack))
        file = str(bad_pack / "coffee.toml")
        assert (result.status, result.err) == (1, "")
        problem, summary = result.out.splitlines()
        assert problem.startswith(f"{file}:2 [coffee_offered]: ")
        assert '"tour.coffee"' in problem
        assert summary == "1 problem found"

    def test_every_problem_of_a_pack_is_reported(self, tmp_path: Path) -> None:
        (tmp_path / "a.toml").write_text(BAD_PACK)
        (tmp_path / "b.toml").write_text(BAD_PACK.replace("coffee_offered", "tea_offered")
                                         .replace("source = { sign = 4", "source = { sign = 9", 1))
        result = run("check-rules", str(tmp_path))
        assert result.status == 1
        assert "coffee_offered" in result.out
        assert "tea_offered" in result.out
        assert "source.sign: expected a sign number from 1 to 7, got 9" in result.out
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
    assert err.getvalue() == (f"interview-signals: error: {path}: the key \"interview\" appears "
                              "twice in one object; JSON would silently keep only the last\n")


# assess-many when things go wrong around it: a dying worker, a killed parent, Ctrl-C.

LINE = b'{"tour": {"office_tour": true}, "next_steps": {"invited_to_next_round": true}}\n'


class Running:
    """``assess-many -`` as a user runs it, in a session of its own (so a signal sent to its
    process group reaches it and its workers only), fed lines on stdin without end."""

    def __init__(self, *argv: str, cwd: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "interview_signals", "assess-many", "-", *argv],
            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            cwd=cwd, start_new_session=True)
        self.feeder = threading.Thread(target=self._feed, daemon=True)
        self.feeder.start()

    def _feed(self) -> None:
        assert self.proc.stdin is not None
        with contextlib.suppress(OSError, ValueError):
            while True:
                self.proc.stdin.write(LINE * 64)

    def workers(self, count: int = 2) -> set[int]:
        """The worker ids once ``count`` are running (the test fails if they never are)."""
        assert wait_for(lambda: len(workers_of(self.proc.pid)) >= count, 120)
        return workers_of(self.proc.pid)

    def finish(self) -> tuple[int, str]:
        """The exit status and stderr, after the process has ended."""
        status = self.proc.wait(timeout=120)
        assert self.proc.stderr is not None
        err = self.proc.stderr.read().decode()
        with contextlib.suppress(OSError):
            assert self.proc.stdin is not None
            self.proc.stdin.close()
        self.feeder.join(timeout=60)
        return status, err

    def __enter__(self) -> Running:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.proc.poll() is None:  # a failed test: leave nothing behind
            with contextlib.suppress(OSError):
                os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=60)
        for stream in (self.proc.stdin, self.proc.stderr):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()


def all_gone(pids: set[int]) -> bool:
    """Whether every one of ``pids`` has ended within 30 seconds."""
    return wait_for(lambda: not any(alive(pid) for pid in pids), 30)


@linux_only
@two_cpus
class TestProcesses:
    def test_a_worker_that_dies_exits_3_with_one_line_and_the_old_output(
            self, tmp_path: Path) -> None:
        target = tmp_path / "out.jsonl"
        target.write_text("yesterday's results\n")
        with Running("--workers", "2", "-o", str(target), cwd=tmp_path) as run:
            victim = min(run.workers())
            assert wait_for(lambda: len(list(tmp_path.iterdir())) == 2, 60)  # writing
            os.kill(victim, signal.SIGKILL)
            status, err = run.finish()
        assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]
        assert target.read_text() == "yesterday's results\n"
        assert status == 3
        assert err.startswith("interview-signals: internal error (please report): a worker "
                              "process died: worker ")
        assert err.endswith(f" (process {victim}) was killed by SIGKILL\n")
        assert err.count("\n") == 1
        assert all_gone(workers_of(run.proc.pid))

    @pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
    def test_no_process_outlives_a_killed_parent(self, tmp_path: Path, how: int) -> None:
        """Workers and multiprocessing's resource tracker end with the parent."""
        with Running("--workers", "2", cwd=tmp_path) as run:
            run.workers()
            ours = children_of(run.proc.pid)
            os.kill(run.proc.pid, how)
            status, err = run.finish()
            assert all_gone(ours), [pid for pid in ours if alive(pid)]
        if how == signal.SIGTERM:  # cleaned up on the way out, as for Ctrl-C
            assert (status, err) == (143, "interview-signals: terminated\n")
        else:
            assert status == -signal.SIGKILL

    @pytest.mark.slow
    def test_ctrl_c_at_any_moment_stops_everything_without_a_traceback(
            self, tmp_path: Path) -> None:
        """Ctrl-C (SIGINT to the whole process group, as a terminal sends it) at ten random
        moments, from the workers' start-up to their work: exit 130 and one line, always."""
        rng = random.Random(7)
        for _ in range(10):
            delay = rng.uniform(0.0, 2.0)
            with Running("--workers", "2", cwd=tmp_path) as run:
                run.workers(1)
                time.sleep(delay)
                ours = children_of(run.proc.pid)
                os.killpg(run.proc.pid, signal.SIGINT)
                status, err = run.finish()
                assert all_gone(ours), delay
            assert (status, err) == (130, "\ninterview-signals: interrupted\n"), delay

    def test_sigterm_leaves_neither_a_partial_nor_a_temporary_output(
            self, tmp_path: Path) -> None:
        target = tmp_path / "out.jsonl"
        target.write_text("yesterday's results\n")
        with Running("--workers", "2", "-o", str(target), cwd=tmp_path) as run:
            run.workers()
            assert wait_for(lambda: len(list(tmp_path.iterdir())) == 2, 60)  # writing
            os.kill(run.proc.pid, signal.SIGTERM)
            status, err = run.finish()
        assert (status, err) == (143, "interview-signals: terminated\n")
        assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]
        assert target.read_text() == "yesterday's results\n"


# Output: written whole or not at all, never over the input; full disks and closed streams.

LINES = '{"tour": {"office_tour": true}}\n{"tour": 1}\n'


def shell(command: str, cwd: Path) -> Result:
    """A command line run by sh, for redirections Python's subprocess cannot express."""
    done = subprocess.run(["sh", "-c", command], capture_output=True, text=True, timeout=120,
                          cwd=cwd, check=False)
    return Result(done.returncode, done.stdout, done.stderr)


CLI = f"{sys.executable} -m interview_signals"


@pytest.fixture
def lines(tmp_path: Path) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_text(LINES)
    return path


class TestOutput:
    def test_the_output_file_holds_every_line_and_nothing_else_is_left(
            self, lines: Path) -> None:
        target = lines.parent / "out.jsonl"
        assert run("assess-many", str(lines), "--workers", "1", "-o", str(target)) == \
            Result(0, "", "")
        assert len(target.read_text().splitlines()) == 2
        assert sorted(p.name for p in lines.parent.iterdir()) == ["in.jsonl", "out.jsonl"]

    def test_an_existing_output_keeps_its_permissions_and_a_link_stays_a_link(
            self, lines: Path) -> None:
        real = lines.parent / "real.jsonl"
        real.write_text("old\n")
        real.chmod(0o640)
        link = lines.parent / "link.jsonl"
        link.symlink_to(real)
        assert run("assess-many", str(lines), "--workers", "1", "-o", str(link)).status == 0
        assert link.is_symlink()
        assert len(real.read_text().splitlines()) == 2
        assert real.stat().st_mode & 0o777 == 0o640

    def test_a_failed_run_leaves_the_old_output_untouched(
            self, lines: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """An engine failure on a later line: exit 3, and the old file as it was (with
        workers: ``TestProcesses``)."""
        target = lines.parent / "out.jsonl"
        target.write_text("yesterday's results\n")
        source = lines.parent / "big.jsonl"
        source.write_text(LINES * 200)
        real = Engine.from_firings

        def fail_later(self: Engine, values: Any, fired: Any) -> Any:
            if values:
                raise EngineError("a rule failed: boom")
            return real(self, values, fired)

        monkeypatch.setattr(Engine, "from_firings", fail_later)
        monkeypatch.setattr(Engine, "assess", lambda self, data: fail_later(self, data, []))
        result = run("assess-many", str(source), "--workers", "1", "-o", str(target))
        assert result == Result(3, "", "interview-signals: internal error (please report): "
                                       "a rule failed: boom\n")
        assert target.read_text() == "yesterday's results\n"
        assert sorted(p.name for p in lines.parent.iterdir()) == ["big.jsonl", "in.jsonl",
                                                                   "out.jsonl"]

    @pytest.mark.parametrize("how", ["same", "dotdot", "symlink", "hardlink"])
    def test_an_output_that_is_the_input_is_refused_before_it_is_opened(
            self, lines: Path, how: str) -> None:
        other = {"same": lines, "dotdot": lines.parent / ".." / lines.parent.name / lines.name,
                 "symlink": lines.parent / "link.jsonl",
                 "hardlink": lines.parent / "hard.jsonl"}[how]
        if how == "symlink":
            other.symlink_to(lines)
        elif how == "hardlink":
            other.hardlink_to(lines)
        before = os.stat(lines)
        assert_one_error_line(run("assess-many", str(lines), "-o", str(other)),
                              f"{other}: the output is the input file ({lines})")
        assert lines.read_text() == LINES
        assert os.stat(lines).st_mtime_ns == before.st_mtime_ns

    def test_stdin_redirected_from_the_output_file_is_refused(self, lines: Path) -> None:
        assert_one_error_line(shell(f"{CLI} assess-many - -o in.jsonl < in.jsonl",
                                    lines.parent),
                              "in.jsonl: the output is the input file (<stdin>)")
        assert lines.read_text() == LINES

    @pytest.mark.parametrize("command", [
        f"{CLI} assess {GOOD} > /dev/full",
        f"{CLI} assess-many in.jsonl --workers 1 > /dev/full",
        f"{CLI} assess-many in.jsonl --workers 2 -o /dev/full",
        f"{CLI} rules > /dev/full",
    ], ids=["assess", "assess-many-stdout", "assess-many-o", "rules"])
    def test_a_full_disk_exits_2_with_one_line(self, lines: Path, command: str) -> None:
        if not Path("/dev/full").exists():
            pytest.skip("no /dev/full here")
        assert_one_error_line(shell(command, lines.parent), "cannot write",
                              "No space left on device")

    @pytest.mark.parametrize(("command", "fragment"), [
        (f"{CLI} assess - <&-", "<stdin>: cannot read: standard input is closed"),
        (f"{CLI} assess-many - <&-", "<stdin>: cannot read: standard input is closed"),
        (f"{CLI} assess {GOOD} >&-", "<stdout>: cannot write: standard output is closed"),
        (f"{CLI} assess-many in.jsonl >&-", "<stdout>: cannot write: standard output is closed"),
        (f"{CLI} rules >&-", "<stdout>: cannot write: standard output is closed"),
    ], ids=["assess-stdin", "many-stdin", "assess-stdout", "many-stdout", "rules-stdout"])
    def test_a_closed_stdin_or_stdout_exits_2_with_one_line(
            self, lines: Path, command: str, fragment: str) -> None:
        assert_one_error_line(shell(command, lines.parent), fragment)

    def test_a_closed_stdin_in_process_exits_2(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(sys, "stdin", None)
        out, err = io.StringIO(), io.StringIO()
        assert main(["assess", "-"], stdout=out, stderr=err) == 2
        assert err.getvalue() == ("interview-signals: error: <stdin>: cannot read: standard "
                                  "input is closed\n")


class TestWorkers:
    def test_more_workers_than_cpus_are_capped_with_a_note(self, engine: Engine,
                                                            lines: Path) -> None:
        from interview_signals._batch.workers import available_cpus

        cpus = available_cpus()
        result = run("assess-many", str(lines), "--workers", str(cpus + 62))
        assert result.status == 0
        assert result.err == (f"interview-signals: note: --workers {cpus + 62} is more than "
                              f"the {cpus} CPU{'s' if cpus != 1 else ''} available; "
                              f"using {cpus}\n")
        rows = [json.loads(line) for line in result.out.splitlines()]
        assert rows[0] == engine.assess({"tour": {"office_tour": True}}).to_dict()
        assert rows[1]["line"] == 2

    def test_a_long_bad_workers_value_is_quoted_short(self) -> None:
        result = run("assess-many", "x.jsonl", "--workers", "9x" * 5000)
        assert_one_error_line(result, "(10,000 characters)")
        assert len(result.err) < 300


class TestParser:
    @pytest.mark.parametrize("command", ["assess", "assess-many", "rules"])
    def test_every_rulebook_command_takes_rules_and_no_default(self, command: str) -> None:
        result = run(command, "--help")
        assert (result.status, result.err) == (0, "")
        assert "--rules PATH" in result.out
        assert "--no-default" in result.out

    def test_each_call_prints_help_to_its_own_stream(self) -> None:
        first, second = io.StringIO(), io.StringIO()
        assert main(["--help"], stdout=first, stderr=io.StringIO()) == 0
        assert main(["rules", "--help"], stdout=second, stderr=io.StringIO()) == 0
        assert "COMMAND" in first.getvalue()
        assert "COMMAND" not in second.getvalue()
        assert "--format" in second.getvalue()


def test_a_long_key_given_twice_is_quoted_as_a_short_marked_excerpt(tmp_path: Path) -> None:
    key = "k" * 5_000_000  # twice, under the 16 MiB a document may have
    path = tmp_path / "twice.json"
    path.write_text(json.dumps({key: 1})[:-1] + ", " + json.dumps(key) + ": 2}")
    result = run("assess", str(path))
    assert_one_error_line(result, "appears twice", "(5,000,000 characters)")
    assert len(result.err) < 300


class TestErrorsAsJSON:
    def test_bad_input_with_format_json_is_a_json_error_on_stdout(self) -> None:
        result = run("assess", "-", "--format", "json",
                     stdin='{"tour": {"office_tour": 1, "coffee": true}}')
        assert (result.status, result.err) == (2, "")
        error = json.loads(result.out)["error"]
        assert [p["path"] for p in error["problems"]] == ["tour.office_tour", "tour.coffee"]
        assert error["problems"][0] == {
            "path": "tour.office_tour", "expected": "true or false", "got": "1",
            "message": "tour.office_tour: expected true or false, got 1"}
        assert "2 problems" in error["message"]

    def test_malformed_json_with_format_json_is_a_json_error_too(self) -> None:
        result = run("assess", "-", "--format", "json", stdin="{not json")
        assert (result.status, result.err) == (2, "")
        assert json.loads(result.out)["error"]["problems"] == []

    def test_other_formats_keep_one_line_on_stderr(self) -> None:
        result = run("assess", "-", stdin='{"tour": {"office_tour": 1}}')
        assert (result.status, result.out) == (2, "")
        assert result.err == "interview-signals: error: tour.office_tour: expected true or " \
            "false, got 1\n"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
@pytest.mark.parametrize("argv", [("assess", "/dev/zero"), ("assess-many", "/dev/zero"),
                                  ("check-rules", "/dev/zero"),
                                  ("what-if", "/dev/zero")])
def test_an_endless_input_is_refused_not_read_into_memory(argv: tuple[str, ...]) -> None:
    """Every input is read up to a bound: /dev/zero ends in one error line, at once."""
    result = run_process(*argv)
    said = result.out if argv[0] == "check-rules" else result.err  # check-rules reports
    assert result.status == (1 if argv[0] == "check-rules" else 2)
    assert said.count("\n") <= 2
    assert "larger than" in said or "longer than" in said


@pytest.mark.parametrize("document", [
    '{"tour": {"office_tour": "\\ud800"}}', '{"tour": {"\\udfff": true}}',
    '{"\\ud800": {"x": 1}}'])
def test_a_lone_surrogate_in_the_input_still_gets_a_json_error(document: str) -> None:
    """JSON may escape a lone surrogate, which no UTF-8 output can write as it is: the
    error quotes it escaped, so the JSON error reaches stdout."""
    result = run_process("assess", "--format", "json", "-", stdin=document)
    assert result.status == 2
    error = json.loads(result.out)["error"]
    assert "\\ud8" in error["message"] or "\\udf" in error["message"]


@pytest.mark.parametrize("port", ["123851", "65536", "-5", "", "80a", "٣"])
def test_serve_refuses_a_port_outside_0_to_65535_before_starting(port: str) -> None:
    """A port past 65535 was bound modulo 65536 (123851 became 58315) while the log said
    123851; a negative one failed inside the server with exit status 3."""
    result = run("serve", "--port", port)
    assert (result.status, result.out) == (2, "")
    assert result.err.startswith("interview-signals: error: argument --port: expected a port "
                                 "from 0 to 65535, got ")
