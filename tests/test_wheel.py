"""The wheel carries the default rulebook and works from any folder once installed
(SPEC section 2): built with ``python -m build``, installed into a fresh venv."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from importlib.metadata import version
from pathlib import Path
from typing import NamedTuple

import pytest

from interview_signals import Engine, assess, run_cases

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
GOOD = ROOT / "examples" / "data" / "good_interview.json"


class Installed(NamedTuple):
    wheel: Path
    python: Path
    command: Path
    elsewhere: Path


def _run(argv: list[str | Path], cwd: Path, timeout: float) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    return subprocess.run([str(a) for a in argv], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=timeout, check=False)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    """The project built as a wheel and installed into a venv of its own."""
    base = tmp_path_factory.mktemp("wheel")
    dist = base / "dist"
    build = _run([sys.executable, "-m", "build", "--wheel", "--outdir", dist, ROOT],
                 cwd=base, timeout=600)
    assert build.returncode == 0, build.stdout + build.stderr
    (wheel,) = dist.glob("interview_signals-*.whl")
    venv = base / "venv"
    made = _run([sys.executable, "-m", "venv", venv], cwd=base, timeout=300)
    assert made.returncode == 0, made.stderr
    python = venv / "bin" / "python"
    # durable-rules may build from source here: give it time.
    install = _run([python, "-m", "pip", "install", "--quiet", wheel], cwd=base, timeout=1200)
    assert install.returncode == 0, install.stdout + install.stderr
    elsewhere = base / "elsewhere"
    elsewhere.mkdir()
    return Installed(wheel, python, venv / "bin" / "interview-signals", elsewhere)


def test_the_wheel_carries_the_rulebook_as_package_data(installed: Installed) -> None:
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    rules = sorted(n for n in names if n.startswith("interview_signals/rules/"))
    assert rules == sorted(f"interview_signals/rules/{p.relative_to(ROOT / 'rules')}"
                           for p in ROOT.glob("rules/**/*.toml"))
    assert "interview_signals/rules/cases/02-interest.toml" in rules
    assert "interview_signals/py.typed" in names
    assert not [n for n in names if n.startswith(("tests/", "examples/", "rules/"))]


def test_the_installed_command_assesses_a_file_from_another_folder(
        installed: Installed) -> None:
    result = _run([installed.command, "assess", GOOD], cwd=installed.elsewhere, timeout=120)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith("How your interview reads: Strong\n")


def test_the_installed_command_runs_the_rulebooks_own_cases(installed: Installed) -> None:
    result = _run([installed.command, "test-rules"], cwd=installed.elsewhere, timeout=120)
    assert (result.returncode, result.stderr) == (0, "")
    cases = len(run_cases().results)
    assert result.stdout == f"{cases} cases: {cases} passed, 0 failed\n"


def test_the_installed_command_lists_every_rule(installed: Installed) -> None:
    result = _run([installed.command, "rules", "--format", "json"], cwd=installed.elsewhere,
                  timeout=120)
    assert (result.returncode, result.stderr) == (0, "")
    assert len(json.loads(result.stdout)) == len(Engine.default().rulebook.rules)


def test_the_installed_package_reads_its_rulebook_from_site_packages(
        installed: Installed) -> None:
    script = (
        "import json, sys, interview_signals\n"
        "from interview_signals import Engine, assess\n"
        "result = assess({'next_steps': {'invited_to_next_round': True}})\n"
        "print(json.dumps({'package': interview_signals.__file__,\n"
        "                  'files': list(Engine.default().rulebook.files),\n"
        "                  'version': interview_signals.__version__,\n"
        "                  'prefix': sys.prefix, 'verdict': result.verdict}))\n")
    result = _run([installed.python, "-c", script], cwd=installed.elsewhere, timeout=120)
    assert (result.returncode, result.stderr) == (0, "")
    seen = json.loads(result.stdout)
    site = Path(seen["package"]).parent
    assert Path(seen["prefix"]).resolve() == installed.python.parent.parent.resolve()
    assert "site-packages" in site.parts
    assert not site.resolve().is_relative_to(ROOT)
    assert [Path(f).parent for f in seen["files"]] == \
        [site / "rules"] * len(list(ROOT.glob("rules/*.toml")))
    expected = assess({"next_steps": {"invited_to_next_round": True}}).verdict
    assert (seen["version"], seen["verdict"]) == (version("interview-signals"), expected)
