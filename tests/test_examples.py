"""Each example script runs in its own process from an unrelated folder, quickly, and prints
what it promises. (``06_dask_bag.py`` needs Dask and is run by ``test_distributed.py``.)"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def run_example(name: str, cwd: Path, *args: str, stdin: str | None = None
                ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(EXAMPLES / name), *args], cwd=cwd, input=stdin,
                          stdin=subprocess.DEVNULL if stdin is None else None,
                          capture_output=True, text=True, timeout=60, check=False)


# (script, one line its output must hold)
EXPECTED_LINES = {
    "01_one_shot.py": "Verdict: strong (confidence 94%)",
    "02_session_over_days.py": "verdict: promising -> strong; confidence 0.63 -> 0.86",
    "03_custom_rule_pack.py": "panel of four ran 30 min over      promising 0.63   strong 0.81",
    "04_json_for_other_languages.py": '  "verdict": "strong",',
    "05_batch_report.py": "interviews.jsonl: 37 interviews assessed, 3 lines skipped",
}


def test_every_numbered_example_is_run_here_or_by_its_own_test() -> None:
    scripts = {p.name for p in EXAMPLES.glob("[0-9][0-9]_*.py")}
    assert scripts == {*EXPECTED_LINES, "06_dask_bag.py"}


@pytest.mark.parametrize(("script", "line"), EXPECTED_LINES.items(), ids=EXPECTED_LINES.keys())
def test_an_example_runs_from_any_folder_and_prints_its_result(
        script: str, line: str, tmp_path: Path) -> None:
    started = time.monotonic()
    done = run_example(script, tmp_path)
    elapsed = time.monotonic() - started
    assert (done.returncode, done.stderr) == (0, "")
    assert line in done.stdout.splitlines()
    assert list(tmp_path.iterdir()) == []  # it leaves nothing behind where it was started
    assert elapsed < 10  # about a second on a laptop; generous for a loaded CI machine


@pytest.mark.parametrize("script", EXPECTED_LINES.keys())
def test_an_example_opens_with_what_it_shows_and_how_to_run_it(script: str) -> None:
    text = (EXAMPLES / script).read_text(encoding="utf-8")
    assert text.startswith('"""')
    docstring = text.split('"""')[1]
    assert f"python examples/{script}" in docstring


def test_the_json_example_turns_stdin_into_assessment_json(tmp_path: Path) -> None:
    done = run_example("04_json_for_other_languages.py", tmp_path,
                       stdin='{"next_steps": {"invited_to_next_round": true}}')
    assert (done.returncode, done.stderr) == (0, "")
    result = json.loads(done.stdout)
    assert (result["verdict"], [s["id"] for s in result["signals"]]) == (
        "promising", ["second_interview_on_the_spot"])


def test_the_json_example_answers_bad_input_with_an_error_object(tmp_path: Path) -> None:
    done = run_example("04_json_for_other_languages.py", tmp_path,
                       stdin='{"tour": {"office_tour": 1}}')
    assert (done.returncode, done.stderr) == (2, "")
    assert json.loads(done.stdout) == {"error": {
        "message": "tour.office_tour: expected true or false, got 1",
        "path": "tour.office_tour", "expected": "true or false", "got": "1"}}


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
