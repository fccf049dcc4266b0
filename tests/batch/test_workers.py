"""``workers``: ``map_chunks``, the worker processes behind
``assess_many``: results in order, one engine per worker, bounded read-ahead, errors and
dead workers raised in the reader, no worker left behind. Each test starts at most one
small pool; assess_many's own promises (Ctrl-C, kills under load) are in test_batch.py."""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from interview_signals import Engine, EngineError, ObservationError, RulebookError
from interview_signals._batch.workers import (
    CHUNKS_PER_WORKER,
    available_cpus,
    map_chunks,
)

# The coach's sample pack (conftest's SAMPLE_PACK), named here so that the workers, which
# import this module for its chunk functions, need not import Hypothesis with conftest.
PACK = (str(Path(__file__).resolve().parents[2] / "examples" / "packs" / "panel_coach"),)


# Chunk functions: module-level, so that the spawned workers can import them.

def where_and_how(engine: Engine, chunk: int) -> list[tuple[int, int, int, list[str]]]:
    """The chunk, then the worker's process, its engine and that engine's packs."""
    packs = sorted({r.pack for r in engine.rulebook.rules})
    return [(chunk, os.getpid(), id(engine), packs)]


def echo(engine: Engine, chunk: int) -> list[int]:
    return [chunk]


def exit_3(engine: Engine, chunk: object) -> list[object]:
    os._exit(3)


def raise_unsendable(engine: Engine, chunk: object) -> list[object]:
    """A chunk function whose error cannot cross back to the parent (a lock inside)."""
    error = RuntimeError("x" * 5000)
    error.lock = threading.Lock()  # type: ignore[attr-defined]
    raise error


def raise_observation_error(engine: Engine, chunk: object) -> list[object]:
    raise ObservationError("tour.office_tour", "true or false", "a chunk")


# --- The engine of one call -----------------------------------------------------------------

def test_available_cpus_is_at_least_one_and_no_more_than_the_machine_has() -> None:
    assert 1 <= available_cpus() <= (os.cpu_count() or 1)
    if hasattr(os, "sched_getaffinity"):
        assert available_cpus() == len(os.sched_getaffinity(0))


# --- map_chunks -----------------------------------------------------------------------------

class Run:
    """What one pool of two workers did with ten chunks."""

    def __init__(self) -> None:
        self.read = 0
        chunks = map_chunks(where_and_how, self._chunks(10), workers=2, engine_paths=PACK,
                            include_default=True)
        self.children_before_reading = multiprocessing.active_children()
        first = next(chunks)
        self.read_at_first_result = self.read
        self.children_while_running = multiprocessing.active_children()
        self.results = [first, *chunks]
        self.children_after = multiprocessing.active_children()

    def _chunks(self, count: int) -> Iterator[int]:
        for chunk in range(count):
            self.read += 1
            yield chunk


@pytest.fixture(scope="module")
def run() -> Run:
    return Run()


def test_each_chunk_gives_its_result_in_order(run: Run) -> None:
    assert [[row[0] for row in result] for result in run.results] == [[i] for i in range(10)]


def test_each_worker_builds_one_engine_for_the_packs_and_keeps_it(run: Run) -> None:
    rows = [row for result in run.results for row in result]
    engines = {pid: {engine for _, p, engine, _ in rows if p == pid} for _, pid, _, _ in rows}
    assert len(engines) == 2
    assert all(len(ids) == 1 for ids in engines.values())
    assert os.getpid() not in engines
    assert {tuple(packs) for *_, packs in rows} == {("default", "panel_coach")}


def test_chunks_are_dealt_to_the_workers_in_turn(run: Run) -> None:
    pids = [result[0][1] for result in run.results]
    assert pids[0::2] == [pids[0]] * 5
    assert pids[1::2] == [pids[1]] * 5
    assert pids[0] != pids[1]


def test_workers_start_on_the_first_read_and_stop_when_the_results_end(run: Run) -> None:
    assert run.children_before_reading == []
    assert len(run.children_while_running) == 2
    assert run.children_after == []


def test_at_most_chunks_per_worker_are_in_flight(run: Run) -> None:
    assert run.read_at_first_result == 2 * CHUNKS_PER_WORKER


def test_dropping_the_results_early_stops_the_workers() -> None:
    def endless() -> Iterator[int]:
        chunk = 0
        while True:
            yield chunk
            chunk += 1

    chunks = map_chunks(echo, endless(), workers=1, engine_paths=(), include_default=True)
    assert next(chunks) == [0]
    assert len(multiprocessing.active_children()) == 1
    chunks.close()
    assert multiprocessing.active_children() == []


def test_an_error_raised_in_a_worker_reaches_the_reader() -> None:
    chunks = map_chunks(raise_observation_error, [1, 2], workers=1, engine_paths=(),
                        include_default=True)
    with pytest.raises(ObservationError, match="got a chunk"):
        list(chunks)


def test_an_error_that_cannot_leave_its_worker_is_named_briefly_in_an_engine_error() -> None:
    chunks = map_chunks(raise_unsendable, [1], workers=1, engine_paths=(),
                        include_default=True)
    with pytest.raises(EngineError, match=r'^RuntimeError in a worker process: "x') as info:
        list(chunks)
    assert str(info.value).endswith("(5,000 characters)")


def test_a_worker_that_dies_is_an_engine_error_saying_how() -> None:
    chunks = map_chunks(exit_3, [1, 2], workers=1, engine_paths=(), include_default=True)
    with pytest.raises(EngineError, match=r"^a worker process died: worker 1 \(process \d+\) "
                       r"exited with status 3$"):
        list(chunks)
    assert multiprocessing.active_children() == []


def test_a_pack_a_worker_cannot_build_fails_each_chunk_with_the_rulebook_error(
        tmp_path: Path) -> None:
    missing = str(tmp_path / "missing")
    chunks = map_chunks(echo, [1, 2], workers=1, engine_paths=(missing,),
                        include_default=True)
    with pytest.raises(RulebookError, match=f"{missing}: no such file or folder"):
        next(chunks)
    assert multiprocessing.active_children() == []
