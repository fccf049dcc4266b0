"""How fast and how flat interview-signals is: latency, memory, threads and batch speed-up.

Run it from anywhere (about a minute and a half on two cores; ``--quick`` takes seconds and
is what CI runs, its numbers mean nothing)::

    python tests/benchmarks/bench_assess.py
    python tests/benchmarks/bench_assess.py --quick

It prints, for a fixed, seeded set of realistic observation sets, the median, p95 and p99
microseconds and the rate per second of: ``engine.assess`` (verdict and confidence; the
explanation is built when first read); an assessment read whole with ``to_dict()`` (fully
explained, the JSON form) and with ``to_json()``; the same read as objects (signals, advice,
missing, trace and summary); a ``Session`` replayed (observed in two or three batches, then
assessed); the plain-Python rulebook interpreter of the differential test
(``tests/reference.py``); the floor (``floor.py``: the rulebook compiled to plain closures,
no engine, no explanation); and durable_rules used directly (``direct.py``: durable's own
host, derived ids only), with every row as a ratio to the floor and to the direct use so
runs on different or noisy machines compare. Then RSS and thread
counts before and after 100,000 assessments, and the speed-up of two worker processes over
one for ``assess_many`` and for the JSON Lines path of ``interview-signals assess-many``.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import random
import statistics
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeAlias

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # run as a script: make the tests package importable
    sys.path.insert(0, str(ROOT))

from interview_signals import Assessment, Engine, __version__, assess_many  # noqa: E402
from interview_signals._batch.batch import assess_jsonl  # noqa: E402
from interview_signals._batch.workers import available_cpus  # noqa: E402
from tests.benchmarks.direct import Direct  # noqa: E402
from tests.benchmarks.floor import Floor, agrees  # noqa: E402
from tests.reference import evaluate, load_reference  # noqa: E402

Groups: TypeAlias = dict[str, dict[str, object]]


# Realistic observation sets: what a candidate would record, groups often left out entirely,
# and never a contradiction (a reply without a note, scheduling without an invitation, an
# automatic reply that refers to what was discussed).

def maybe(rng: random.Random, p: float) -> bool:
    return rng.random() < p


def tri(rng: random.Random, p_true: float, p_false: float) -> bool | None:
    """True, False or unknown (None) with the given odds."""
    x = rng.random()
    return True if x < p_true else (False if x < p_true + p_false else None)


def put(group: dict[str, object], name: str, value: object) -> None:
    if value is not None:
        group[name] = value


def interview(rng: random.Random) -> dict[str, object]:
    g: dict[str, object] = {}
    scheduled = rng.choice([20, 30, 45, 45, 60, 60, 90])
    if maybe(rng, 0.9):
        g["scheduled_minutes"] = scheduled
    if maybe(rng, 0.85):
        g["actual_minutes"] = max(1, scheduled + rng.choice([-20, -10, -5, 0, 5, 15, 30, 45]))
    if maybe(rng, 0.6):
        g["interviewer_count"] = rng.choice([1, 1, 1, 2, 2, 3, 4])
    return g


def body_language(rng: random.Random) -> dict[str, object]:
    g: dict[str, object] = {}
    warm = maybe(rng, 0.6)
    for name in ("engaged", "nods", "smiles", "verbal_agreement"):
        put(g, name, tri(rng, 0.7 if warm else 0.2, 0.25))
    put(g, "rote_questions", tri(rng, 0.1 if warm else 0.5, 0.4))
    put(g, "naturally_friendly", tri(rng, 0.2, 0.3))
    return g


def interest(rng: random.Random) -> dict[str, object]:
    g: dict[str, object] = {}
    put(g, "asked_if_interested", tri(rng, 0.4, 0.4))
    put(g, "asked_where_else_interviewing", tri(rng, 0.4, 0.4))
    return g


def next_steps(rng: random.Random) -> dict[str, object]:
    g: dict[str, object] = {}
    invited = tri(rng, 0.35, 0.45)
    put(g, "invited_to_next_round", invited)
    if invited is not False:
        put(g, "scheduled_on_the_spot", tri(rng, 0.4, 0.4))
    return g


def tour(rng: random.Random) -> dict[str, object]:
    g: dict[str, object] = {}
    for name in ("office_tour", "introduced_to_people", "people_called_in"):
        put(g, name, tri(rng, 0.3, 0.5))
    return g


def job_specifics(rng: random.Random) -> dict[str, object]:
    g: dict[str, object] = {}
    put(g, "overview_given", tri(rng, 0.8, 0.1))
    put(g, "deep_dive", tri(rng, 0.4, 0.4))
    put(g, "you_would_language", tri(rng, 0.3, 0.4))
    return g


def thank_you(rng: random.Random) -> dict[str, object]:
    g: dict[str, object] = {}
    sent = tri(rng, 0.7, 0.2)
    put(g, "note_sent", sent)
    if sent is False:
        return g
    replied = tri(rng, 0.5, 0.35)
    put(g, "response_received", replied)
    if replied is False:
        return g
    if maybe(rng, 0.7):
        hours = rng.choice([0.5, 2, 3.5, 12, 20, 26, 48, 72.5, 120])
        g["response_hours"] = hours if maybe(rng, 0.5) else round(rng.uniform(0.1, 96), 1)
    specifics = tri(rng, 0.5, 0.3)
    tone = rng.choice(["warm", "warm", "neutral", "neutral", "curt", "automatic"]) \
        if maybe(rng, 0.7) else None
    if tone == "automatic" and specifics:
        specifics = False  # an automatic reply never refers to what you discussed
    put(g, "references_specifics", specifics)
    put(g, "tone", tone)
    return g


GROUPS: dict[str, tuple[float, Callable[[random.Random], dict[str, object]]]] = {
    "interview": (0.8, interview), "body_language": (0.75, body_language),
    "interest": (0.6, interest), "next_steps": (0.6, next_steps), "tour": (0.4, tour),
    "job_specifics": (0.6, job_specifics), "thank_you": (0.7, thank_you),
}


def observation_sets(count: int, seed: int) -> list[Groups]:
    """``count`` realistic observation sets, the same for the same seed."""
    rng = random.Random(seed)
    sets = []
    for _ in range(count):
        groups = {name: make(rng) for name, (p, make) in GROUPS.items() if maybe(rng, p)}
        sets.append({name: fields for name, fields in groups.items() if fields})
    return sets


def batches(groups: Groups, rng: random.Random) -> list[Groups]:
    """The groups of one set split into two or three batches, as they would arrive."""
    parts: list[Groups] = [{} for _ in range(rng.choice([2, 3]))]
    for name, fields in groups.items():
        rng.choice(parts)[name] = fields
    return parts


# Measuring.

def timed(call: Callable[[Any], object], items: Sequence[Any]) -> tuple[list[int], int]:
    """Nanoseconds per call, and the wall time of the whole loop."""
    samples = []
    start = time.perf_counter_ns()
    for item in items:
        t0 = time.perf_counter_ns()
        call(item)
        samples.append(time.perf_counter_ns() - t0)
    return samples, time.perf_counter_ns() - start


def percentile(sorted_ns: Sequence[int], q: float) -> float:
    return sorted_ns[min(len(sorted_ns) - 1, round(q * (len(sorted_ns) - 1)))] / 1000


def latency_row(name: str, samples: list[int], wall_ns: int, *references: float) -> str:
    """One row of the latency table, with its median as a ratio to each reference median."""
    ordered = sorted(samples)
    median = statistics.median(ordered) / 1000
    rate = len(samples) / (wall_ns / 1e9)
    ratios = "".join(f"{median / reference:>9.2f}x" for reference in references)
    return (f"{name:<24}{median:>9.1f}{percentile(ordered, 0.95):>10.1f}"
            f"{percentile(ordered, 0.99):>10.1f}{rate:>13,.0f}{ratios}")


def rss_kib() -> int | None:
    """This process's resident memory now, from /proc (None where there is no /proc)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE") // 1024


def os_threads() -> int | None:
    """Threads of this process as the OS counts them (C threads included)."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return None
    line = next((x for x in status.splitlines() if x.startswith("Threads:")), None)
    return int(line.split()[1]) if line else None


# The report.

def bench_latency(engine: Engine, sets: list[Groups], replays: list[list[Groups]],
                  warmup: int) -> None:
    floor = Floor(engine.rulebook).evaluate
    book = load_reference()

    def reference(groups: Groups) -> object:
        return evaluate(book, groups)

    def explained(groups: Groups) -> object:
        return engine.assess(groups).to_dict()

    def as_json(groups: Groups) -> object:
        return engine.assess(groups).to_json()

    def read_whole(groups: Groups) -> object:
        result = engine.assess(groups)
        return (result.signals, result.advice, result.missing, result.trace, result.summary)

    def replay(parts: list[Groups]) -> object:
        session = engine.session()
        for part in parts:
            session.observe(part)
        return session.assessment()

    direct = Direct(engine.rulebook)
    for item, parts in zip(sets[:warmup], replays[:warmup], strict=True):
        explained(item)
        read_whole(item)
        replay(parts)
        floor(item)
        reference(item)
        direct.derive(item)
    floor_samples = timed(floor, sets)
    direct_samples = timed(direct.derive, sets)
    medians = (statistics.median(floor_samples[0]) / 1000,
               statistics.median(direct_samples[0]) / 1000)
    print("== latency per call (microseconds) ==")
    print(f"{'':<24}{'median':>9}{'p95':>10}{'p99':>10}{'per second':>13}{'vs floor':>10}"
          f"{'vs durable':>11}")
    print(latency_row("engine.assess", *timed(engine.assess, sets), *medians))
    print(latency_row("assess + to_dict()", *timed(explained, sets), *medians))
    print(latency_row("assess + to_json()", *timed(as_json, sets), *medians))
    print(latency_row("assess + every object", *timed(read_whole, sets), *medians))
    print(latency_row("session replay", *timed(replay, replays), *medians))
    print(latency_row("reference interpreter", *timed(reference, sets), *medians))
    print(latency_row("plain-Python floor", *floor_samples, *medians))
    print(latency_row("durable_rules directly", *direct_samples, *medians))
    same = sum(agrees(Floor(engine.rulebook), engine.assess(s), s) for s in sets)
    print(f"the floor reaches the engine's verdict, confidence, signals and advice on "
          f"{same:,} of {len(sets):,} sets")
    same = sum(direct.derive(s) == {(f.kind, f.rule) for f in engine.assess(s).trace}
               for s in sets)
    print(f"durable_rules directly derives the engine's facts on {same:,} of {len(sets):,} "
          f"sets (its row explains nothing: derived ids only)")


def bench_memory(engine: Engine, sets: list[Groups], count: int, warmup: int) -> None:
    # Each assessment is read whole, so the explanation's memory is checked too.
    for i in range(warmup):
        engine.assess(sets[i % len(sets)]).to_dict()
    gc.collect()
    rss_before, threads_before = rss_kib(), (threading.active_count(), os_threads())
    start = time.perf_counter_ns()
    for i in range(count):
        engine.assess(sets[i % len(sets)]).to_dict()
    seconds = (time.perf_counter_ns() - start) / 1e9
    gc.collect()
    rss_after, threads_after = rss_kib(), (threading.active_count(), os_threads())
    print(f"\n== memory and threads over {count:,} assessments read with to_dict() "
          f"(after {warmup:,} to warm up; {count / seconds:,.0f} per second) ==")
    if rss_before is None or rss_after is None:
        print("RSS: not available on this platform (no /proc)")
    else:
        print(f"RSS before {rss_before / 1024:.1f} MiB, after {rss_after / 1024:.1f} MiB, "
              f"growth {(rss_after - rss_before) / 1024:+.2f} MiB")
    print(f"threads (Python/OS) before {threads_before[0]}/{threads_before[1]}, "
          f"after {threads_after[0]}/{threads_after[1]}")


def bench_batch(sets: list[Groups], count: int) -> None:
    """Two workers against one, for assess_many and for the JSON Lines path of the CLI."""
    items = [sets[i % len(sets)] for i in range(count)]
    lines = [json.dumps(item).encode() for item in items]
    print(f"\n== assess_many over {count:,} items (workers 2 vs 1; "
          f"{available_cpus()} CPUs available; start-up included) ==")
    runs: dict[str, Callable[[int], Iterator[object]]] = {
        # Each result is read whole (to_dict), as a caller storing them would.
        "assess_many": lambda workers: (r.to_dict() if isinstance(r, Assessment) else r
                                        for r in assess_many(items, workers=workers)),
        "JSON Lines": lambda workers: assess_jsonl(lines, workers=workers),
    }
    for name, run in runs.items():
        rates = {}
        for workers in (1, 2):
            start = time.perf_counter_ns()
            done = sum(1 for _ in run(workers))
            rates[workers] = done / ((time.perf_counter_ns() - start) / 1e9)
        print(f"{name:<12} 1 worker {rates[1]:8,.0f} per second, 2 workers "
              f"{rates[2]:8,.0f} per second: speed-up {rates[2] / rates[1]:.2f}x")


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true",
                        help="tiny sizes, for CI: checks the script runs, numbers mean nothing")
    parser.add_argument("--sets", type=int, default=3000, help="observation sets (3000)")
    parser.add_argument("--memory", type=int, default=100_000,
                        help="assessments for the memory check (100,000)")
    parser.add_argument("--batch", type=int, default=10_000,
                        help="items for assess_many (10,000)")
    parser.add_argument("--seed", type=int, default=20240611)
    args = parser.parse_args(None if argv is None else list(argv))
    if args.quick:
        args.sets, args.memory, args.batch = 40, 300, 64
    warmup = min(args.sets, 300)
    sets = observation_sets(args.sets, args.seed)
    rng = random.Random(args.seed + 1)
    replays = [batches(groups, rng) for groups in sets]
    fields = statistics.mean(sum(len(g) for g in s.values()) for s in sets)
    print(f"interview-signals {__version__} benchmark: {len(sets):,} observation sets "
          f"(seed {args.seed}, {fields:.1f} known fields on average), "
          f"Python {platform.python_version()}, {platform.machine()}, "
          f"{os.cpu_count()} CPUs{' [--quick: numbers mean nothing]' if args.quick else ''}")
    engine = Engine.default()
    bench_latency(engine, sets, replays, warmup)
    bench_memory(engine, sets, args.memory, warmup)
    bench_batch(sets, args.batch)
    return 0


if __name__ == "__main__":
    sys.exit(main())
