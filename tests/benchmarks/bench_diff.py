"""How fast and how flat ``interview-signals diff-rules`` is on a large corpus.

Run it from anywhere (a few minutes on two cores; ``--quick`` takes seconds, is what the
test suite runs, and its numbers mean nothing)::

    python tests/benchmarks/bench_diff.py
    python tests/benchmarks/bench_diff.py --lines 300000
    python tests/benchmarks/bench_diff.py --quick

It writes a corpus of realistic observation sets (the generator of ``bench_assess.py``,
seeded) as JSON Lines to a temporary folder, a tenth of it as a second corpus, and runs the
command as a user would (``python -m interview_signals diff-rules --new
examples/packs/panel_coach CORPUS --format json``) with one worker and with two, each in its
own process. For each run it prints the lines, the wall time, the lines per second, the CPU
time of the whole process tree (in all and per line: on a machine other work shares, the wall
time says little and the CPU time per line what the work costs), and the peak resident
memory of the largest process of the tree (the ``ru_maxrss`` the kernel reports to
``wait4``): the same peak for the small and the large corpus is memory that stays flat.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # run as a script: make the tests package importable
    sys.path.insert(0, str(ROOT))

from interview_signals import __version__  # noqa: E402
from interview_signals._batch import available_cpus  # noqa: E402
from tests.benchmarks.bench_assess import observation_sets  # noqa: E402

PACK = ROOT / "examples" / "packs" / "panel_coach"
BATCH = 10_000


def write_corpus(path: Path, count: int, seed: int) -> None:
    """``count`` realistic observation sets, one JSON line each, written batch by batch."""
    with path.open("w", encoding="utf-8") as file:
        written = 0
        while written < count:
            batch = observation_sets(min(BATCH, count - written), seed + written)
            file.writelines(json.dumps(groups) + "\n" for groups in batch)
            written += len(batch)


def measure(corpus: Path, workers: int) -> tuple[float, float, float, dict[str, object]]:
    """(wall seconds, CPU seconds of the process tree, peak RSS MiB of its largest process,
    the JSON report) of one run of the command in its own process."""
    argv = [sys.executable, "-m", "interview_signals", "diff-rules", "--new", str(PACK),
            str(corpus), "--format", "json", "--workers", str(workers)]
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        process = subprocess.Popen(argv, stdout=out, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        error = process.stderr.read().decode() if process.stderr else ""
        if process.returncode != 0:
            raise SystemExit(f"diff-rules exited {process.returncode}: {error}")
        out.seek(0)
        report = json.loads(out.read())
    cpu = usage.ru_utime + usage.ru_stime
    return seconds, cpu, usage.ru_maxrss / 1024, report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--quick", action="store_true", help="a tiny corpus, for the tests")
    args = parser.parse_args()
    lines = 2_000 if args.quick else args.lines
    print(f"interview-signals {__version__}, Python {platform.python_version()}, "
          f"{available_cpus()} CPUs available, load average "
          f"{', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory() as folder:
        large, small = Path(folder) / "large.jsonl", Path(folder) / "small.jsonl"
        write_corpus(large, lines, seed=20240611)
        write_corpus(small, max(1, lines // 10), seed=20240611)
        print(f"== diff-rules, the default rulebook against it with {PACK.name}, "
              f"{large.stat().st_size / 2**20:.1f} MiB of JSON Lines ==")
        print(f"{'lines':>9} {'workers':>8} {'seconds':>9} {'lines/s':>9} {'CPU s':>8} "
              f"{'CPU us/line':>12} {'peak RSS MiB':>13}  changed")
        for corpus in (small, large):
            for workers in (1, 2):
                seconds, cpu, peak, report = measure(corpus, workers)
                count = int(str(report["readings"])) + int(str(report["skipped"]))
                print(f"{count:>9,} {workers:>8} {seconds:>9.2f} {count / seconds:>9,.0f} "
                      f"{cpu:>8.2f} {cpu / count * 1e6:>12.0f} {peak:>13.1f}  "
                      f"{report['changed']:,}")


if __name__ == "__main__":
    main()
