"""Consultation and what-if speed, and how many questions a consultation asks.

Run with ``python tests/benchmarks/bench_consult.py [N]``: N random partial observation
sets (default 200) for the latency rows, N // 2 hidden interviews for the questions rows.
Prints p50/p95/max of one consultation step and of one what-if (the default, up to two
changes searched whole), wall clock and this process's CPU time, and the mean and worst
number of questions until the verdict is settled: the consultation's order (expected
information gain) against asking every field in vocabulary order. Single process; the
machine's other load shows in the wall-clock numbers.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections.abc import Callable

from interview_signals import Engine, ObservationError, Observations
from interview_signals._observations.vocabulary import VOCABULARY, Value


def random_values(rng: random.Random, share: float) -> dict[str, Value]:
    while True:
        values: dict[str, Value] = {}
        for path, spec in VOCABULARY.items():
            if rng.random() > share:
                continue
            if spec.kind == "bool":
                values[path] = rng.random() < 0.5
            elif spec.kind == "choice":
                values[path] = rng.choice(spec.choices)
            elif spec.kind == "int":
                values[path] = rng.randint(1, 120 if "minutes" in path else 6)
            else:
                values[path] = round(rng.uniform(0, 96), 1)
        try:
            Observations.from_values(values)
        except ObservationError:
            continue
        return values


def _p95(times: list[float]) -> float:
    return sorted(times)[min(len(times) - 1, int(len(times) * 0.95))]


def row(name: str, times: list[float], cpu: list[float]) -> str:
    """Wall-clock p50/p95/max, then this process's CPU time p50/p95: on a shared machine the
    wall clock also counts the time other processes held the core."""
    return (f"{name:<20} p50 {statistics.median(times) * 1e3:6.1f} ms  p95 "
            f"{_p95(times) * 1e3:6.1f} ms  max {max(times) * 1e3:6.1f} ms   cpu p50 "
            f"{statistics.median(cpu) * 1e3:6.1f} ms  p95 {_p95(cpu) * 1e3:6.1f} ms"
            f"   (n={len(times)})")


def timed(call: Callable[[], object], wall: list[float], cpu: list[float]) -> None:
    start, start_cpu = time.perf_counter(), time.process_time()
    call()
    wall.append(time.perf_counter() - start)
    cpu.append(time.process_time() - start_cpu)


def questions_needed(engine: Engine, hidden: dict[str, Value], informed: bool) -> int:
    known: dict[str, Value] = {}
    asked = 0
    while True:
        consultation = engine.consult(Observations.from_values(known))
        if consultation.settled:
            return asked
        if informed:
            path = consultation.questions[0].path
        else:
            path = next(p for p in VOCABULARY if p not in known and p in hidden)
        known[path] = hidden[path]
        asked += 1


def main(n: int) -> None:
    engine = Engine.default()
    rng = random.Random(2026)
    engine.consult({})  # build the search tables once
    cases = [random_values(rng, rng.choice((0.2, 0.5, 0.8))) for _ in range(n)]
    consult: tuple[list[float], list[float]] = ([], [])
    what_if: tuple[list[float], list[float]] = ([], [])
    for values in cases:
        obs = Observations.from_values(values)
        timed(lambda: engine.consult(obs), *consult)  # noqa: B023 (called at once)
        timed(lambda: engine.what_if(obs), *what_if)  # noqa: B023
    print(row("consultation step", *consult))
    print(row("what-if (default)", *what_if))
    hidden = [random_values(rng, 1.0) for _ in range(max(1, n // 2))]
    for informed, name in ((True, "information gain"), (False, "vocabulary order")):
        counts = [questions_needed(engine, h, informed) for h in hidden]
        print(f"questions until settled, {name:<17} mean {statistics.mean(counts):5.2f}"
              f"   worst {max(counts):3d}   (n={len(counts)} hidden interviews, "
              f"{len(VOCABULARY)} fields)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
