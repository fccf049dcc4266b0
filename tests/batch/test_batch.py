"""assess_many, assess_partition and the assess-many command: order, isolation, streaming."""

from __future__ import annotations

import contextlib
import io
import itertools
import json
import multiprocessing
import os
import pickle
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from interview_signals import (
    Assessment,
    Engine,
    EngineError,
    InterviewSignalsError,
    ObservationError,
    Observations,
    RulebookError,
    RuleProblem,
    assess_many,
    assess_partition,
)
from interview_signals._batch.workers import CHUNKS_PER_WORKER, available_cpus
from interview_signals._cli.main import main

ROOT = Path(__file__).resolve().parents[2]

GOOD: list[Mapping[str, object]] = [
    {"next_steps": {"invited_to_next_round": True, "scheduled_on_the_spot": True}},
    {},
    {"tour": {"office_tour": True}, "interview": {"scheduled_minutes": 30,
                                                  "actual_minutes": 55, "interviewer_count": 1}},
    {"thank_you": {"note_sent": True, "response_received": True, "response_hours": 2.5,
                   "tone": "warm", "references_specifics": True}},
    {"body_language": {"nods": True, "naturally_friendly": True, "rote_questions": False},
     "job_specifics": {"overview_given": True}},
    {"thank_you": {"note_sent": True, "response_received": False}},
]

BAD: list[Any] = [  # Any: these are wrong on purpose
    {"thank_you": {"response_hours": "soon"}},                     # wrong type
    {"interview": {"actual_minutes": True}},                       # true is not a number
    {"thank_you": {"note_sent": False, "response_received": True}},  # contradiction
    {"next_steps": {"invited_to_next_round": False, "scheduled_on_the_spot": True}},
    {"weather": {"sunny": True}},                                  # unknown group
    ["not", "an", "object"],
    None,
]

TOUR_PACK = """\
# Test pack: a tour counts for much more.
[[rule]]
overrides = "personal_tour"
effect = { strength = 0.9 }
"""


def outcome(result: object) -> object:
    """A comparable form of one result: the assessment's JSON, or the error's fields."""
    if isinstance(result, Assessment):
        return result.to_dict()
    assert isinstance(result, ObservationError)
    return ("error", result.path, result.expected, result.got, str(result))


def expected_outcome(engine: Engine, item: object) -> object:
    try:
        return outcome(engine.assess(item))  # type: ignore[arg-type]
    except ObservationError as exc:
        return outcome(exc)


def mixed_items() -> list[Any]:
    """Good and bad items interleaved, some given as Observations objects."""
    items: list[Any] = []
    for i in range(30):
        items.append(GOOD[i % len(GOOD)])
        if i % 3 == 0:
            items.append(BAD[i % len(BAD)])
        if i % 5 == 0:
            items.append(Observations.from_dict(GOOD[(i + 2) % len(GOOD)]))
    return items


@pytest.mark.parametrize("workers", [1, 2])
def test_results_come_in_input_order_and_agree_with_assess(engine: Engine, workers: int) -> None:
    items = mixed_items()
    results = list(assess_many(items, workers=workers, chunksize=4))
    assert [outcome(r) for r in results] == [expected_outcome(engine, i) for i in items]


@pytest.mark.parametrize("workers", [1, 2])
def test_each_bad_item_gives_its_own_error_and_the_batch_goes_on(workers: int) -> None:
    items = [GOOD[0], *BAD, GOOD[2]]
    results = list(assess_many(items, workers=workers, chunksize=2))
    assert isinstance(results[0], Assessment)
    assert isinstance(results[-1], Assessment)
    errors = results[1:-1]
    assert all(isinstance(e, ObservationError) for e in errors)
    assert [e.path for e in errors if isinstance(e, ObservationError)] == [
        "thank_you.response_hours", "interview.actual_minutes", "thank_you.response_received",
        "next_steps.scheduled_on_the_spot", "weather", "observations", "observations"]


def test_an_item_that_cannot_be_sent_to_a_worker_is_an_item_error() -> None:
    lock_inside = {"tour": {"office_tour": threading.Lock()}}
    results = list(assess_many([GOOD[0], lock_inside, GOOD[0]], workers=2, chunksize=8))
    assert [type(r).__name__ for r in results] == ["Assessment", "ObservationError",
                                                   "Assessment"]
    error = results[1]
    assert isinstance(error, ObservationError)
    assert error.path == "observations"
    assert "cannot be sent to a worker process" in str(error)


class RaisingMapping(Mapping[str, object]):
    """A mapping that raises when read: it cannot even be checked against the vocabulary."""

    def __getitem__(self, key: str) -> object:
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        raise RuntimeError("the database went away")

    def __len__(self) -> int:
        return 1


@pytest.mark.parametrize("workers", [1, 2])
def test_an_item_that_raises_while_being_checked_is_an_item_error(workers: int) -> None:
    results = list(assess_many([GOOD[0], RaisingMapping(), GOOD[0]], workers=workers,
                               chunksize=8))
    assert [type(r).__name__ for r in results] == ["Assessment", "ObservationError",
                                                   "Assessment"]
    error = results[1]
    assert isinstance(error, ObservationError)
    assert error.path == "observations"
    assert str(error) == ("observations: expected JSON-shaped observations or Observations, "
                          "got an object that raised RuntimeError: the database went away "
                          "when read")


def test_an_engine_failure_is_raised_not_passed_off_as_an_item_error(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(self: Engine, observations: object) -> None:
        raise EngineError("a rule failed: boom")

    monkeypatch.setattr(Engine, "assess", fail)
    with pytest.raises(EngineError, match="a rule failed: boom"):
        list(assess_many([GOOD[0]], workers=1))


def test_a_failure_after_an_item_was_checked_is_raised_as_a_bug(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """An item that passes the vocabulary is not at fault for what goes wrong later."""
    def fail(self: Engine, observations: object) -> None:
        raise KeyError("a scoring bug")

    monkeypatch.setattr(Engine, "assess", fail)
    with pytest.raises(KeyError, match="a scoring bug"):
        list(assess_many([GOOD[0]], workers=1))


class KillsTheProcess(Mapping[str, object]):
    """An item whose reading ends the process it is read in, as a crash in a worker would."""

    def __getitem__(self, key: str) -> object:
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        os._exit(3)

    def __len__(self) -> int:
        return 1


def test_a_worker_that_dies_is_an_engine_error_not_a_hang() -> None:
    with pytest.raises(EngineError, match="a worker process died"):
        list(assess_many([GOOD[0], KillsTheProcess(), GOOD[0]], workers=2, chunksize=1))


def test_workers_send_firings_that_the_parent_turns_into_the_same_assessment(
        engine: Engine) -> None:
    for item in GOOD:
        values, fired = engine.firings(item)
        assert pickle.loads(pickle.dumps((values, fired))) == (values, fired)
        assert engine.from_firings(values, fired).to_dict() == engine.assess(item).to_dict()


def test_firings_from_another_rulebook_are_refused(engine: Engine) -> None:
    with pytest.raises(EngineError, match="another rulebook"):
        engine.from_firings({}, [("no_such_rule#1.1", True)])


class CountingSource:
    """A generator of many items that counts how far it has been read."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.pulled = 0

    def __iter__(self) -> Iterator[Mapping[str, object]]:
        for i in range(self.size):
            self.pulled += 1
            yield GOOD[i % len(GOOD)]


@pytest.mark.parametrize("workers", [1, 2])
def test_results_stream_with_a_bounded_read_ahead(workers: int) -> None:
    """The first results arrive long before a 20,000-item input is exhausted, and the input is
    never read more than the in-flight bound ahead of the results."""
    chunksize = 16
    bound = workers * CHUNKS_PER_WORKER * chunksize + chunksize
    source = CountingSource(20_000)
    results = assess_many(source, workers=workers, chunksize=chunksize)
    before = set(multiprocessing.active_children())
    for taken in range(1, 401):
        next(results)
        assert source.pulled - taken <= bound
    assert source.pulled < 1_000
    results.close()
    # Closing early shuts the pool down: no worker process of ours is left running.
    assert set(multiprocessing.active_children()) <= before


def test_a_rule_pack_path_reaches_every_worker(tmp_path: Path) -> None:
    pack = tmp_path / "tour.toml"
    pack.write_text(TOUR_PACK, encoding="utf-8")
    items = [{"tour": {"office_tour": True}}] * 5 + [{"next_steps":
                                                       {"invited_to_next_round": True}}]
    results = list(assess_many(items, workers=2, chunksize=2, engine_paths=[pack]))
    with_pack = Engine.from_paths(pack)
    assert [outcome(r) for r in results] == [expected_outcome(with_pack, i) for i in items]
    first = results[0]
    assert isinstance(first, Assessment)
    tour = first.signal("personal_tour")
    assert tour is not None
    assert tour.strength == pytest.approx(0.9)


def test_a_broken_rule_pack_fails_before_any_item_is_read(tmp_path: Path) -> None:
    source = CountingSource(10)
    with pytest.raises(RulebookError):
        assess_many(source, workers=2, engine_paths=[tmp_path / "missing.toml"])
    assert source.pulled == 0


@pytest.mark.parametrize(("workers", "chunksize"), [(0, 1), (-1, 1), (2, 0), (True, 1)])
def test_workers_and_chunksize_must_be_positive_integers(workers: int, chunksize: int) -> None:
    with pytest.raises(ValueError, match="expected a positive integer") as info:
        assess_many([], workers=workers, chunksize=chunksize)
    assert isinstance(info.value, InterviewSignalsError)


def test_an_empty_input_gives_no_results() -> None:
    assert list(assess_many([], workers=2)) == []


def test_assess_partition_assesses_one_partition_in_order(engine: Engine) -> None:
    items = mixed_items()
    results = assess_partition(iter(items))
    assert [outcome(r) for r in results] == [expected_outcome(engine, i) for i in items]


def test_assess_partition_reuses_one_engine_per_rule_pack(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pack = tmp_path / "tour.toml"
    pack.write_text(TOUR_PACK, encoding="utf-8")
    built: list[Engine] = []
    real = Engine.from_paths.__func__  # type: ignore[attr-defined]

    def counting(cls: type[Engine], *paths: Any, include_default: bool = True) -> Engine:
        engine: Engine = real(cls, *paths, include_default=include_default)
        built.append(engine)
        return engine

    monkeypatch.setattr(Engine, "from_paths", classmethod(counting))
    first = assess_partition([{"tour": {"office_tour": True}}], engine_paths=[str(pack)])
    assess_partition([GOOD[2]], engine_paths=[pack])  # the same pack, given as a Path
    assess_partition([GOOD[2]])  # the default rulebook: the shared default engine
    assert len(built) == 1
    tour = first[0].signal("personal_tour") if isinstance(first[0], Assessment) else None
    assert tour is not None
    assert tour.strength == pytest.approx(0.9)


def test_a_call_builds_its_own_engine_and_leaves_no_engine_behind(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """assess_many keeps no engine between calls: each call builds the one it scores with
    (a changed pack is seen by the next call)."""
    pack = tmp_path / "tour.toml"
    pack.write_text(TOUR_PACK, encoding="utf-8")
    item = {"tour": {"office_tour": True}}

    def strength(workers: int) -> float:
        (result,) = assess_many([item], workers=workers, engine_paths=[pack])
        assert isinstance(result, Assessment)
        tour = result.signal("personal_tour")
        assert tour is not None
        return tour.strength

    assert strength(1) == pytest.approx(0.9)
    pack.write_text(TOUR_PACK.replace("0.9", "0.7"), encoding="utf-8")
    assert strength(1) == pytest.approx(0.7)
    assert strength(2) == pytest.approx(0.7)


def test_errors_cross_process_boundaries_with_their_fields() -> None:
    errors: list[Exception] = [
        ObservationError("thank_you.tone", 'one of "warm"', 'the string "hot"'),
        ObservationError("a.b", "x", "y", message="a message of its own"),
        RulebookError([RuleProblem(file="p.toml", rule_id="r", reason="bad", line=3)]),
    ]
    for error in errors:
        copy = pickle.loads(pickle.dumps(error))
        assert (type(copy), str(copy), copy.__dict__) == (type(error), str(error),
                                                           error.__dict__)


# The command line.

LINES = (
    '{"tour": {"office_tour": true}}\n'
    '{"tour": \n'
    '{"thank_you": {"response_hours": -1}}\n'
    '\n'
    '{"next_steps": {"invited_to_next_round": true}}\n'
)


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def run(argv: list[str], stdin: str = "", err: io.StringIO | None = None
        ) -> tuple[int, str, str]:
    out, err = io.StringIO(), err or io.StringIO()
    code = main(argv, stdin=io.StringIO(stdin), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("workers", ["1", "2"])
def test_assess_many_writes_one_json_line_per_input_line(engine: Engine, tmp_path: Path,
                                                         workers: str) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(LINES, encoding="utf-8")
    code, out, err = run(["assess-many", str(source), "--workers", workers])
    assert (code, err) == (0, "")
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows[0] == engine.assess({"tour": {"office_tour": True}}).to_dict()
    assert rows[1] == {"line": 2, "error": "not valid JSON: Expecting value at column 10"}
    assert rows[2] == {"line": 3, "path": "thank_you.response_hours",
                       "error": "thank_you.response_hours: expected a finite number from 0 "
                                "to 8760, got -1"}
    assert rows[3] == {"line": 4, "error": "not valid JSON: Expecting value at column 1"}
    assert rows[4] == engine.assess({"next_steps": {"invited_to_next_round": True}}).to_dict()
    assert len(rows) == 5


def test_assess_many_reads_stdin_and_writes_the_output_file(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    code, out, err = run(["assess-many", "-", "--workers", "1", "-o", str(target)],
                         stdin=LINES)
    assert (code, out, err) == (0, "", "")
    assert len(target.read_text(encoding="utf-8").splitlines()) == 5


def test_assess_many_on_a_missing_file_is_one_error_line(tmp_path: Path) -> None:
    missing = tmp_path / "nope.jsonl"
    code, out, err = run(["assess-many", str(missing)])
    assert (code, out) == (2, "")
    assert err == (f"interview-signals: error: {missing}: cannot read the file: "
                   "No such file or directory\n")


def test_assess_many_with_a_broken_rule_pack_exits_1(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(LINES, encoding="utf-8")
    code, out, err = run(["assess-many", str(source), "--rules", str(tmp_path / "none")])
    assert (code, out) == (1, "")
    assert "no such file or folder" in err


def test_assess_many_rejects_zero_workers(tmp_path: Path) -> None:
    code, out, err = run(["assess-many", "x.jsonl", "--workers", "0"])
    assert (code, out) == (2, "")
    assert err.startswith("interview-signals: error: argument --workers: expected a positive")


def test_assess_many_counts_progress_only_on_a_terminal(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(LINES, encoding="utf-8")
    code, _, err = run(["assess-many", str(source), "--workers", "1"], err=Terminal())
    assert code == 0
    assert err.startswith("\rinterview-signals: ")
    assert err.endswith("\rinterview-signals: 5 lines assessed\n")


def test_assess_many_with_no_default_and_no_pack_has_no_rulebook(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"tour": {"office_tour": true}}\n', encoding="utf-8")
    code, out, err = run(["assess-many", str(source), "--workers", "1", "--no-default"])
    assert (code, out) == (1, "")
    assert "no rule pack given" in err


UNREADABLE_LINES = [
    b"[" * 100_000 + b"]" * 100_000,
    b'{"interview": {"actual_minutes": ' + b"1" * 5000 + b"}}",
    b"\xff{}",
    b'{"thank_you": {"tone": "\\ud800"}}',
    b'{"\\udc00": {}}',
    b'\xef\xbb\xbf{"tour": {"office_tour": true}}',
    b'{"tour": {"office_tour": true}}',
]


@pytest.mark.parametrize("workers", ["1", "2"])
def test_assess_many_turns_every_unreadable_line_into_its_error_line(
        engine: Engine, tmp_path: Path, workers: str) -> None:
    """Too deep, too long a number, not UTF-8, a lone surrogate: each is one error line, and
    the lines after it are still assessed."""
    source = tmp_path / "in.jsonl"
    source.write_bytes(b"\n".join(UNREADABLE_LINES) + b"\n")
    target = tmp_path / "out.jsonl"
    code, out, err = run(["assess-many", str(source), "--workers", workers, "-o", str(target)])
    assert (code, out, err) == (0, "", "")
    rows = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    tour = engine.assess({"tour": {"office_tour": True}}).to_dict()
    assert rows == [
        {"line": 1, "error": "cannot read the JSON: nested too deeply"},
        {"line": 2, "error": "cannot read the JSON: a number has more than 4300 digits"},
        {"line": 3, "error": "not UTF-8 text: invalid start byte"},
        {"line": 4, "path": "thank_you.tone",
         "error": 'thank_you.tone: expected one of "warm", "neutral", "curt", "automatic", '
                  'got the string "\\ud800"'},  # escaped: no UTF-8 writes it as it is
        {"line": 5, "path": "\\udc00", "error": "\\udc00: unknown group; expected one of "
                                             "interview, body_language, interest, next_steps, "
                                             "tour, job_specifics, thank_you"},
        tour,
        tour,
    ]


def test_assess_many_writes_a_lone_surrogate_escaped_to_stdout(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(b'{"thank_you": {"tone": "\\ud800"}}\n')
    raw = io.BytesIO()
    out = io.TextIOWrapper(raw, encoding="utf-8")  # strict, as a file or a pipe is
    code = main(["assess-many", str(source), "--workers", "1"], stdin=io.StringIO(),
                stdout=out, stderr=io.StringIO())
    out.flush()
    assert code == 0
    assert json.loads(raw.getvalue())["error"].endswith('got the string "\\ud800"')


# Dying workers, dying parents, Ctrl-C. Process ids come from /proc, so these run on Linux.

linux_only = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
two_cpus = pytest.mark.skipif(available_cpus() < 2, reason="workers are capped at the CPUs")


def children_of(parent: int) -> set[int]:
    """The live (not zombie) processes whose parent is ``parent``."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue  # gone meanwhile
        fields = stat[stat.rindex(")") + 2:].split()  # after "pid (name) "
        if fields[0] != "Z" and int(fields[1]) == parent:
            found.add(int(entry.name))
    return found


def workers_of(parent: int) -> set[int]:
    """The worker processes among the children (not multiprocessing's resource tracker)."""
    found = set()
    for pid in children_of(parent):
        with contextlib.suppress(OSError):
            if b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes():
                found.add(pid)
    return found


def alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat[stat.rindex(")") + 2] != "Z"


def wait_for(condition: Callable[[], bool], timeout: float) -> bool:
    """Poll ``condition`` until it holds or ``timeout`` seconds pass; return whether it held."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


def kill_trials(trials: int, seed: int) -> list[dict[str, object]]:
    """Kill one of two workers of an endless ``assess_many`` at a random moment (start-up
    included), ``trials`` times; say what the reader got and how long after the kill."""
    rng = random.Random(seed)
    rows: list[dict[str, object]] = []
    for _ in range(trials):
        delay = rng.uniform(0.0, 1.5)
        killed: list[float] = []

        def killer(delay: float = delay, killed: list[float] = killed) -> None:
            if wait_for(lambda: len(workers_of(os.getpid())) >= 1, 60):
                time.sleep(delay)
                victims = sorted(workers_of(os.getpid()))
                if victims:
                    os.kill(rng.choice(victims), signal.SIGKILL)
                    killed.append(time.monotonic())

        thread = threading.Thread(target=killer)
        thread.start()
        outcome = "no error"
        try:
            for _ in assess_many(itertools.cycle(GOOD), workers=2, chunksize=8):
                pass
        except Exception as exc:
            outcome = f"{type(exc).__name__}: {exc}"
        ended = time.monotonic()
        thread.join()
        rows.append({"delay": round(delay, 3), "outcome": outcome,
                     "seconds": round(ended - killed[0], 3) if killed else None,
                     "left": len(workers_of(os.getpid()))})
    return rows


@pytest.mark.slow
@linux_only
@two_cpus
def test_a_worker_killed_at_any_moment_is_an_engine_error_never_a_hang(tmp_path: Path) -> None:
    """20 kills at random moments, in a subprocess so that a hang fails this test (by its
    timeout) rather than the suite: every one is an EngineError, and no worker is left."""
    script = ("import json, sys; from tests.batch.test_batch import kill_trials; "
              "print(json.dumps(kill_trials(20, 12)))")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                          text=True, timeout=400, check=False)
    assert (done.returncode, done.stderr) == (0, "")
    rows = json.loads(done.stdout)
    assert len(rows) == 20
    for row in rows:
        assert row["outcome"].startswith("EngineError: a worker process died: worker "), row
        assert "was killed by SIGKILL" in row["outcome"]
        assert row["left"] == 0


def test_more_workers_than_cpus_start_one_process_per_cpu(engine: Engine) -> None:
    """More processes than CPUs only cost memory and time: the count is capped."""
    results = assess_many(itertools.islice(itertools.cycle(GOOD), 300), workers=500,
                          chunksize=4)
    first = next(results)
    started = multiprocessing.active_children()
    rest = list(results)
    assert len(started) <= available_cpus()
    assert [outcome(r) for r in [first, *rest]] == [
        expected_outcome(engine, GOOD[i % len(GOOD)]) for i in range(300)]


@linux_only
@two_cpus
def test_workers_ignore_ctrl_c_and_stop_when_the_results_are_dropped() -> None:
    results = assess_many(itertools.cycle(GOOD), workers=2, chunksize=4)
    next(results)
    workers = workers_of(os.getpid())
    assert len(workers) == 2
    for pid in workers:
        status = Path(f"/proc/{pid}/status").read_text()
        (ignored,) = [line.split()[1] for line in status.splitlines()
                      if line.startswith("SigIgn:")]
        assert int(ignored, 16) & (1 << (signal.SIGINT - 1))
    results.close()
    assert not any(alive(pid) for pid in workers)


def test_assess_many_with_workers_runs_from_a_thread_other_than_the_main_one(
        engine: Engine) -> None:
    """Signal handlers belong to the main thread: from another, workers still start."""
    got: list[object] = []
    thread = threading.Thread(target=lambda: got.extend(
        outcome(r) for r in assess_many(GOOD * 3, workers=2, chunksize=2)))
    thread.start()
    thread.join(timeout=300)
    assert got == [expected_outcome(engine, item) for item in GOOD * 3]


@pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="POSIX signal masks")
def test_a_stopping_signal_waits_while_workers_start() -> None:
    # A SIGTERM handled while a worker was being started cut off the data the worker reads
    # at start-up, and the worker died printing "EOFError: Ran out of input" (seen in CI).
    from interview_signals._batch.workers import _sigint_ignored_by_children

    before = signal.pthread_sigmask(signal.SIG_BLOCK, [])
    with _sigint_ignored_by_children():
        held = signal.pthread_sigmask(signal.SIG_BLOCK, [])
    assert {signal.SIGINT, signal.SIGTERM, signal.SIGHUP} <= held
    assert signal.pthread_sigmask(signal.SIG_BLOCK, []) == before
