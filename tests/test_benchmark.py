"""The benchmark script runs (tiny, with --quick) and prints every section; numbers unchecked.
Its realistic observation sets are valid, and its floor judges them as the engine does."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from interview_signals import Engine, Observations

from .benchmarks.bench_assess import observation_sets
from .benchmarks.direct import Direct
from .benchmarks.floor import Floor, agrees

SCRIPT = Path(__file__).resolve().parent / "benchmarks" / "bench_assess.py"

HEADINGS = [
    "interview-signals ",
    "== latency per call (microseconds) ==",
    "engine.assess ",
    "assess + to_dict() ",
    "assess + to_json() ",
    "session replay ",
    "reference interpreter ",
    "plain-Python floor ",
    "durable_rules directly ",
    "the floor reaches the engine's verdict, confidence, signals and advice on ",
    "durable_rules directly derives the engine's facts on ",
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


@pytest.mark.parametrize("seed", [20240611, 1, 2])
def test_the_realistic_sets_are_valid_and_the_floor_agrees_with_the_engine_on_them(
        engine: Engine, seed: int) -> None:
    """The benchmark's generator never writes a contradiction (a reply without a note, an
    automatic reply that refers to specifics), and its floor judges as the engine does."""
    sets = observation_sets(1500, seed)
    floor = Floor(engine.rulebook)
    for groups in sets:
        assert Observations.from_dict(groups).to_dict() == groups
        assert agrees(floor, engine.assess(groups), groups), groups
    replies = [g["thank_you"] for g in sets if "thank_you" in g]
    assert {(r.get("tone"), r.get("references_specifics")) for r in replies} >= {
        ("automatic", False), ("automatic", None), ("warm", True), (None, True)}


# durable's host (not the library) calls datetime.utcfromtimestamp, deprecated in 3.12.
@pytest.mark.filterwarnings("ignore:datetime.datetime.utcfromtimestamp:DeprecationWarning")
def test_durable_rules_used_directly_derives_what_the_engine_derives(engine: Engine) -> None:
    """The benchmark's reference row (durable's own host, no explanation) runs the same
    rulebook to the same derived facts, so comparing their costs is fair."""
    direct = Direct(engine.rulebook)
    for groups in observation_sets(500, 3):
        assert direct.derive(groups) == {(f.kind, f.rule) for f in engine.assess(groups).trace}


@pytest.mark.filterwarnings("ignore:datetime.datetime.utcfromtimestamp:DeprecationWarning")
def test_durable_rules_used_directly_refuses_a_float_its_parser_cannot_read(
        engine: Engine) -> None:
    """Through durable's own host ``1e-05`` reaches the C parser as written and crashes the
    process; the reference refuses it instead (the library's engine writes 0.00001)."""
    direct = Direct(engine.rulebook)
    late = {"thank_you": {"note_sent": True, "response_received": True, "response_hours": 1e-05}}
    with pytest.raises(ValueError, match="exponent"):
        direct.derive(late)
    assert engine.assess(late).signal("thank_you_response") is not None


@pytest.mark.slow
def test_the_quick_diff_benchmark_prints_a_row_per_corpus_and_worker_count(
        tmp_path: Path) -> None:
    script = SCRIPT.parent / "bench_diff.py"
    done = subprocess.run([sys.executable, str(script), "--quick"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=600, check=False)
    assert (done.returncode, done.stderr) == (0, "")
    lines = done.stdout.splitlines()
    assert lines[1].startswith("== diff-rules, the default rulebook against it with ")
    rows = [line.split() for line in lines[3:]]
    assert [(row[0], row[1]) for row in rows] == [("200", "1"), ("200", "2"), ("2,000", "1"),
                                                   ("2,000", "2")]
    assert list(tmp_path.iterdir()) == []
