"""The README's examples run as written and print what the README shows, so they cannot
drift: every ``console`` block (a ``$`` command and its output) and every ``python`` block
followed by its ``text`` output."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCK = re.compile(r"```(\w+)\n(.*?)```", re.S)


def _blocks() -> list[tuple[str, str]]:
    return [(m.group(1), m.group(2)) for m in BLOCK.finditer(README)]


CONSOLE = [body for kind, body in _blocks() if kind == "console"]
PYTHON = [(body, nxt[1]) for (kind, body), nxt in zip(_blocks(), _blocks()[1:], strict=False)
          if kind == "python" and nxt[0] == "text"]


def test_the_readme_has_examples_to_check() -> None:
    assert len(CONSOLE) >= 3
    assert len(PYTHON) >= 1


@pytest.mark.parametrize("block", CONSOLE, ids=[b.splitlines()[0][2:40] for b in CONSOLE])
def test_each_console_example_prints_what_the_readme_shows(block: str) -> None:
    command, _, shown = block.partition("\n")
    assert command.startswith("$ interview-signals ")
    argv = command[len("$ interview-signals "):].split()
    done = subprocess.run([sys.executable, "-m", "interview_signals", *argv], cwd=ROOT,
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.stdout == shown


@pytest.mark.parametrize(("code", "shown"), PYTHON)
def test_each_python_example_prints_what_the_readme_shows(code: str, shown: str) -> None:
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, check=False)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == shown
