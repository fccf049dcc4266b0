"""Each example script runs in its own process from an unrelated folder and prints what it
promises. (``06_dask_bag.py`` needs Dask and is run by ``test_distributed.py``.)"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from interview_signals import assess

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def run_example(name: str, cwd: Path, *args: str, stdin: str | bytes | None = None,
                terminal: bool = False) -> subprocess.CompletedProcess[str]:
    """Run the script; its stdin is ``stdin`` piped in, else a terminal if asked, else empty."""
    if terminal:
        leader, follower = os.openpty()  # a pseudo-terminal: stdin.isatty() is true
        try:
            return subprocess.run([sys.executable, str(EXAMPLES / name), *args], cwd=cwd,
                                  stdin=follower, capture_output=True, text=True, timeout=60,
                                  check=False)
        finally:
            os.close(follower)
            os.close(leader)
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    done = subprocess.run([sys.executable, str(EXAMPLES / name), *args], cwd=cwd, input=data,
                          stdin=subprocess.DEVNULL if data is None else None,
                          capture_output=True, timeout=60, check=False)
    return subprocess.CompletedProcess(done.args, done.returncode,
                                       done.stdout.decode("utf-8"), done.stderr.decode("utf-8"))


needs_a_terminal = pytest.mark.skipif(not hasattr(os, "openpty"),
                                      reason="no pseudo-terminals on this platform")


# (script, one line its output must hold)
EXPECTED_LINES = {
    "01_one_shot.py": "How your interview reads: Strong",
    "02_session_over_days.py": "verdict: promising -> strong; confidence 0.63 -> 0.87",
    "03_custom_rule_pack.py": "panel of four ran 30 min over      promising 0.63   strong 0.81",
    "04_json_for_other_languages.py": '  "verdict": "strong",',
    "05_batch_report.py": "interviews.jsonl: 37 interviews assessed, 3 lines skipped",
    "07_consultation.py": "Verdict promising (not settled) after 17 questions",
    "08_test_and_compare_a_pack.py": "qualifier quick_response: expected, but it is not among "
                                     "the conclusions",
}


def test_every_numbered_example_is_run_here_or_by_its_own_test() -> None:
    scripts = {p.name for p in EXAMPLES.glob("[0-9][0-9]_*.py")}
    assert scripts == {*EXPECTED_LINES, "06_dask_bag.py"}


@pytest.mark.parametrize(("script", "line"), EXPECTED_LINES.items(), ids=EXPECTED_LINES.keys())
def test_an_example_runs_from_any_folder_and_prints_its_result(
        script: str, line: str, tmp_path: Path) -> None:
    if script == "04_json_for_other_languages.py" and not hasattr(os, "openpty"):
        pytest.skip("the built-in sample is assessed only when stdin is a terminal")
    done = run_example(script, tmp_path, terminal=script == "04_json_for_other_languages.py")
    assert (done.returncode, done.stderr) == (0, "")
    assert line in done.stdout.splitlines()
    assert list(tmp_path.iterdir()) == []  # it leaves nothing behind where it was started


@pytest.mark.parametrize("script", EXPECTED_LINES.keys())
def test_an_example_opens_with_what_it_shows_and_how_to_run_it(script: str) -> None:
    text = (EXAMPLES / script).read_text(encoding="utf-8")
    assert text.startswith('"""')
    docstring = text.split('"""')[1]
    assert f"python examples/{script}" in docstring


def test_the_json_example_turns_stdin_into_assessment_json(tmp_path: Path) -> None:
    observations = {"next_steps": {"invited_to_next_round": True}}
    done = run_example("04_json_for_other_languages.py", tmp_path,
                       stdin=json.dumps(observations))
    assert (done.returncode, done.stderr) == (0, "")
    result = json.loads(done.stdout)
    assert result == assess(observations).to_dict()
    assert [s["id"] for s in result["signals"]] == ["second_interview_on_the_spot"]


def test_the_json_example_answers_bad_input_with_an_error_object(tmp_path: Path) -> None:
    done = run_example("04_json_for_other_languages.py", tmp_path,
                       stdin='{"tour": {"office_tour": 1}}')
    assert (done.returncode, done.stderr) == (2, "")
    assert json.loads(done.stdout) == {"error": {
        "message": "tour.office_tour: expected true or false, got 1",
        "path": "tour.office_tour", "expected": "true or false", "got": "1"}}


@pytest.mark.parametrize(("stdin", "message"), [
    ("", "no input: expected a JSON object of observations on stdin"),
    (" \n", "no input: expected a JSON object of observations on stdin"),
    (None, "no input: expected a JSON object of observations on stdin"),
    ("[" * 100_000 + "]" * 100_000, "JSON nested too deeply to read"),
    ('{"interview": {"actual_minutes": ' + "1" * 5000 + "}}", "a number too long to read"),
    (b'{"tour": {"office_tour": "\xff"}}', "not UTF-8 text: invalid start byte at byte 26"),
], ids=["empty", "blank", "closed", "deep", "long-number", "not-utf8"])
def test_the_json_example_answers_an_empty_or_unreadable_input_with_an_error_object(
        stdin: str | bytes | None, message: str, tmp_path: Path) -> None:
    """An empty pipe is not a terminal: the caller gets an error, never the built-in sample."""
    done = run_example("04_json_for_other_languages.py", tmp_path, stdin=stdin)
    assert (done.returncode, done.stderr) == (2, "")
    assert json.loads(done.stdout) == {"error": {"message": message}}


def test_the_json_example_reads_input_that_starts_with_a_byte_order_mark(
        tmp_path: Path) -> None:
    done = run_example("04_json_for_other_languages.py", tmp_path,
                       stdin=b'\xef\xbb\xbf{"next_steps": {"invited_to_next_round": true}}')
    assert (done.returncode, done.stderr) == (0, "")
    assert json.loads(done.stdout) == assess(
        {"next_steps": {"invited_to_next_round": True}}).to_dict()


@needs_a_terminal
def test_the_json_example_assesses_its_sample_only_when_stdin_is_a_terminal(
        tmp_path: Path) -> None:
    sample = run_example("04_json_for_other_languages.py", tmp_path, terminal=True)
    empty = run_example("04_json_for_other_languages.py", tmp_path, stdin="")
    assert (sample.returncode, sample.stderr) == (0, "")
    assert {"verdict", "confidence", "signals"} <= set(json.loads(sample.stdout))
    assert (empty.returncode, "error" in json.loads(empty.stdout)) == (2, True)


def test_the_batch_report_names_every_bad_line_and_carries_on(tmp_path: Path) -> None:
    lines = ['{"tour": {"office_tour": true}}', "not json", "[1, 2]",
             '{"tour": {"office_tour": "yes"}}', '{"next_steps": {"invited_to_next_round": true}}']
    (tmp_path / "week.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = run_example("05_batch_report.py", tmp_path, "week.jsonl")
    out = done.stdout.splitlines()
    assert (done.returncode, done.stderr) == (0, "")
    assert out[0] == "week.jsonl: 2 interviews assessed, 3 lines skipped"
    assert out[out.index("Skipped lines") + 1:] == [
        "  line 2: not valid JSON (Expecting value)",
        "  line 3: not a JSON object",
        '  line 4: tour.office_tour: expected true or false, got the string "yes"',
    ]


def test_the_batch_report_skips_lines_it_cannot_read_and_carries_on(tmp_path: Path) -> None:
    lines = [b'{"tour": {"office_tour": true}}', b"\xff{}", b"[" * 100_000 + b"]" * 100_000,
             b'{"interview": {"actual_minutes": ' + b"1" * 5000 + b"}}",
             b'{"thank_you": {"tone": "\\ud800"}}',
             b'\xef\xbb\xbf{"next_steps": {"invited_to_next_round": true}}']
    (tmp_path / "odd.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    done = run_example("05_batch_report.py", tmp_path, "odd.jsonl")
    out = done.stdout.splitlines()
    assert (done.returncode, done.stderr) == (0, "")
    assert out[0] == "odd.jsonl: 2 interviews assessed, 4 lines skipped"
    assert out[out.index("Skipped lines") + 1:] == [
        "  line 2: not UTF-8 text (invalid start byte)",
        "  line 3: JSON nested too deeply to read",
        "  line 4: a number too long to read",
        '  line 5: thank_you.tone: expected one of "warm", "neutral", "curt", "automatic", '
        'got the string "\\ud800"',
    ]


def test_the_batch_report_on_a_missing_file_says_so_in_one_line(tmp_path: Path) -> None:
    done = run_example("05_batch_report.py", tmp_path, "nope.jsonl")
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == "nope.jsonl: cannot read the file: No such file or directory\n"
