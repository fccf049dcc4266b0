"""Assess many interviews on Dask: one per-partition function, any Dask scheduler or cluster.

Shows ``interview_signals.assess_partition`` with ``dask.bag.Bag.map_partitions``: each Dask
worker process builds one ``Engine`` the first time it gets a partition and reuses it for
every later one, and a bad observation set comes back as its ``ObservationError`` instead
of failing the job. The same code runs on a ``dask.distributed`` cluster unchanged.

Run (needs the ``dist`` extra: ``pip install 'interview-signals[dist]'``)::

    python examples/06_dask_bag.py                          # two local worker processes
    python examples/06_dask_bag.py --scheduler synchronous  # in this process, for debugging
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

import dask
import dask.bag as db

from interview_signals import Assessment, ObservationError, assess_partition

DATA = Path(__file__).resolve().parent / "data"


def interviews() -> list[object]:
    """The example interviews, variations of them, and one that does not fit the vocabulary."""
    stored = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(DATA.glob("*.json"))]
    variations: list[object] = [
        {"next_steps": {"invited_to_next_round": True, "scheduled_on_the_spot": True}},
        {"tour": {"office_tour": True}, "interest": {"asked_if_interested": True}},
        {"thank_you": {"note_sent": True, "response_received": False}},
        {"interview": {"scheduled_minutes": 30, "actual_minutes": 75, "interviewer_count": 1},
         "job_specifics": {"deep_dive": True, "you_would_language": True}},
        {},
        {"thank_you": {"note_sent": False, "response_received": True}},  # a contradiction
    ]
    return [*stored, *variations] * 4


def summarise(result: Assessment | ObservationError) -> str:
    """What travels back from the workers: the verdict, or the path of the error."""
    if isinstance(result, ObservationError):
        return f"error at {result.path}"
    return result.verdict


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--scheduler", choices=("processes", "synchronous", "threads"),
                        default="processes")
    args = parser.parse_args()
    items = interviews()
    bag = db.from_sequence(items, npartitions=4)  # type: ignore[no-untyped-call]
    # Pass engine_paths=["my-pack/"] to map_partitions to assess with a custom rule pack.
    results = bag.map_partitions(assess_partition).map(summarise)
    with dask.config.set(scheduler=args.scheduler, num_workers=2):
        counts = Counter(results.compute())
    shown = ", ".join(f"{name} {count}" for name, count in sorted(counts.items()))
    print(f"assessed {len(items)} interviews on Dask ({args.scheduler}): {shown}")


if __name__ == "__main__":  # Dask's worker processes are spawned: they import this module
    main()
