"""Beyond one machine: assess_partition on Dask bags, and the Dask example script."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import dask
import dask.bag as db

from interview_signals import Assessment, Engine, ObservationError, assess_partition

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "06_dask_bag.py"

ITEMS: list[Any] = [
    {"next_steps": {"invited_to_next_round": True}},
    {"tour": {"people_called_in": True}, "body_language": {"smiles": True}},
    {"thank_you": {"note_sent": False, "tone": "warm"}},  # a contradiction
    {},
    {"interview": {"scheduled_minutes": 30, "actual_minutes": 50}},
    "not an object",
] * 3


def verdict_or_path(result: Assessment | ObservationError) -> str:
    return result.verdict if isinstance(result, Assessment) else f"error:{result.path}"


def test_a_dask_bag_of_partitions_agrees_with_assess_item_by_item(engine: Engine) -> None:
    def expected(item: Any) -> str:
        try:
            return engine.assess(item).verdict
        except ObservationError as exc:
            return f"error:{exc.path}"

    bag = db.from_sequence(ITEMS, npartitions=4)  # type: ignore[no-untyped-call]
    with dask.config.set(scheduler="synchronous"):
        got = bag.map_partitions(assess_partition).map(verdict_or_path).compute()
    assert got == [expected(i) for i in ITEMS]


def run_example(scheduler: str, cwd: Path) -> str:
    done = subprocess.run([sys.executable, str(EXAMPLE), "--scheduler", scheduler], cwd=cwd,
                          capture_output=True, text=True, timeout=300, check=False)
    assert (done.returncode, done.stderr) == (0, "")
    return done.stdout


def test_the_dask_example_runs_on_local_worker_processes(tmp_path: Path) -> None:
    """Run from another folder, on two spawned worker processes, it counts what it did, with
    the bad item as an error, and agrees with the same run in one process."""
    out = run_example("processes", tmp_path)
    assert re.fullmatch(r"assessed \d+ interviews on Dask \(processes\): .*"
                        r"error at thank_you.response_received 4.*strong \d+.*\n", out)
    assert out == run_example("synchronous", tmp_path).replace("synchronous", "processes")
