"""The benchmark script runs (tiny, with --quick) and prints every section; numbers unchecked."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent / "benchmarks" / "bench_assess.py"

HEADINGS = [
    "interview-signals ",
    "== latency per call (microseconds) ==",
    "engine.assess ",
    "assess + to_dict() ",
    "session replay ",
    "reference interpreter ",
    "plain-Python floor ",
    "the floor reaches the engine's verdict, confidence, signals and advice on ",
    "== memory and threads over 300 assessments read with to_dict() ",
    "RSS before ",
    "threads (Python/OS) before ",
    "== assess_many over 64 items (workers 2 vs 1; ",
    "assess_many  1 worker ",
    "JSON Lines   1 worker ",
]


def test_the_quick_benchmark_exits_0_and_prints_each_heading_in_order(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, str(SCRIPT), "--quick"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=600, check=False)
    assert (done.returncode, done.stderr) == (0, "")
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    found = [next((i for i, line in enumerate(lines) if line.lstrip().startswith(h)), -1)
             for h in HEADINGS]
    assert -1 not in found, [h for h, i in zip(HEADINGS, found, strict=True) if i == -1]
    assert found == sorted(found)
