"""Assess many observation sets in worker processes, streaming, results in input order.

Neighbours: each worker process builds one ``Engine`` (``_engine``) and reuses it; ``_cli``'s
``assess-many`` and Dask's ``map_partitions`` (through ``assess_partition``) call in here.

Workers are started with ``spawn``, never ``fork``: a forked child would inherit the parent's
durable_rules rulesets and any lock another thread held at the fork, and the engine's C state
is not fork-safe (ENGINE-NOTES). A spawned worker starts clean, on every platform, and pays
its start-up (an import and one rulebook compile, a fraction of a second) once per batch.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import pickle
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from pathlib import Path
from typing import Any, TypeAlias, TypeVar

from ._assessment import Assessment
from ._engine import Engine
from ._errors import ArgumentError, EngineError, InterviewSignalsError, ObservationError
from ._rulebook import load_rulebook
from ._vocabulary import Observations, Value, check_values, describe

Item: TypeAlias = Mapping[str, object] | Observations
Result: TypeAlias = Assessment | ObservationError
_Key: TypeAlias = tuple[tuple[str, ...], bool]
_Sent: TypeAlias = tuple[dict[str, Value], list[tuple[str, bool]]] | ObservationError
"""What a worker sends back per item: its values and firings, or its error."""
_In = TypeVar("_In")
_Out = TypeVar("_Out")

DEFAULT_CHUNKSIZE = 64
CHUNKS_PER_WORKER = 4
"""Chunks in flight per worker: enough to keep each one busy, few enough to stay flat."""

# The engines of this process, one per rulebook. A ruleset can never be freed (ENGINE-NOTES),
# so building one per call would grow without end; this is the only cache besides
# ``Engine.default()``.
_engines: dict[_Key, Engine] = {}
_engines_lock = threading.Lock()


def process_engine(engine_paths: Sequence[str | Path] = (), include_default: bool = True
                   ) -> Engine:
    """The one ``Engine`` of this process for these rule packs, built on first use.

    The packs are read once per process: a pack changed on disk afterwards is not seen.
    """
    if not engine_paths and include_default:
        return Engine.default()
    key = (tuple(str(p) for p in engine_paths), include_default)
    with _engines_lock:
        engine = _engines.get(key)
        if engine is None:
            engine = _engines[key] = Engine.from_paths(*key[0], include_default=include_default)
        return engine


def assess_one(engine: Engine, item: object) -> Result:
    """Assess one item; an item that does not fit the vocabulary gives its error."""
    return _guarded(engine.assess, item)


def _guarded(call: Callable[[Any], _Out], item: object) -> _Out | ObservationError:
    """``call(item)``, or the item's error when the item does not fit the vocabulary.

    So does an item that cannot even be checked (a mapping that raises when read, say): its
    error names what it raised. Anything else that goes wrong, ``EngineError`` above all, is
    a bug in a rule or the library and is raised, never passed off as the item's fault.
    """
    if isinstance(item, ObservationError):
        return item  # the parent could not send it (see ``_pack``)
    try:
        return call(item)
    except ObservationError as exc:
        return exc
    except InterviewSignalsError:
        raise
    except Exception:
        # Checked again only on this rare path, so a good item is checked once: if checking
        # alone fails, the item is at fault; if it passes, the failure came later (a bug).
        error = _unreadable(item)
        if error is None:
            raise
        return error


def _unreadable(item: object) -> ObservationError | None:
    """The error of an item that cannot be checked against the vocabulary, or ``None``."""
    if isinstance(item, Observations):
        return None  # already checked when it was built
    try:
        check_values(item)
    except ObservationError:
        return None  # checking it reaches a plain verdict: the failure came from elsewhere
    except Exception as exc:
        reason = f"{type(exc).__name__}: {exc}"
        if len(reason) > 120:
            reason = reason[:117] + "..."
        return ObservationError("observations", "JSON-shaped observations or Observations",
                                f"{_safe_describe(item)} that raised {reason} when read")
    return None


def _safe_describe(item: object) -> str:
    try:
        return describe(item)
    except Exception:
        return "a value"


def assess_partition(items: Iterable[Item], *, engine_paths: Sequence[str | Path] = (),
                     include_default: bool = True) -> list[Result]:
    """Assess one partition of observation sets with this process's engine.

    Made for distributed engines that hand a function one partition at a time, such as
    ``dask.bag.Bag.map_partitions``: every worker process builds one ``Engine`` and reuses it
    for every partition it is given. Each result is an ``Assessment`` or the
    ``ObservationError`` of that item.

    Example::

        import dask.bag as db
        from interview_signals import assess_partition
        bag = db.from_sequence(observation_sets, npartitions=8)
        verdicts = bag.map_partitions(assess_partition).map(
            lambda r: getattr(r, "verdict", "error")).compute()

    Raises:
        RulebookError: a rule pack in ``engine_paths`` has problems.
    """
    engine = process_engine(engine_paths, include_default)
    return [assess_one(engine, item) for item in items]


def assess_many(observations: Iterable[Item], *, workers: int | None = None,
                engine_paths: Sequence[str | Path] = (), include_default: bool = True,
                chunksize: int = DEFAULT_CHUNKSIZE) -> Generator[Result, None, None]:
    """Assess many interviews in worker processes; yield one result per item, in input order.

    Each result is an ``Assessment`` or the ``ObservationError`` for that item: one bad item
    never stops the batch. The input is read lazily and at most
    ``workers * CHUNKS_PER_WORKER * chunksize`` items are in flight, so memory stays flat for
    any number of items. ``workers=1`` assesses in this process. The worker processes stop
    when the results are exhausted or the generator is closed (``contextlib.closing``).

    Example::

        from interview_signals import Assessment, assess_many
        for result in assess_many(read_observations(), workers=4):
            if isinstance(result, Assessment):
                print(result.verdict)
            else:
                print("bad item:", result)

    Workers are spawned, so a script that calls this at its top level needs the usual
    ``if __name__ == "__main__":`` guard.

    Args:
        workers: the number of processes; by default one per available CPU.
        engine_paths: rule packs added to (or, without ``include_default``, replacing) the
            default rulebook, as for ``Engine.from_paths``.
        chunksize: items sent to a worker at once.

    Raises:
        RulebookError: a rule pack has problems (raised here, before anything is read).
        EngineError: a worker process died, or a rule failed inside the engine.
    """
    count, size = _check_sizes(workers, chunksize)
    paths = _resolve(engine_paths, include_default)
    if count == 1:
        engine = process_engine(paths, include_default)
        return (assess_one(engine, item) for item in observations)
    engine = process_engine(paths, include_default)
    return _explained(map_chunks(_assess_chunk, _packed(observations, size), workers=count,
                                 engine_paths=paths, include_default=include_default),
                      engine)


def _explained(chunks: Generator[list[_Sent], None, None], engine: Engine
               ) -> Generator[Result, None, None]:
    """The workers' results as assessments, scored here from their firings (and explained
    only when read)."""
    try:
        for chunk in chunks:
            for sent in chunk:
                yield sent if isinstance(sent, ObservationError) else engine.from_firings(*sent)
    finally:
        chunks.close()  # closing the results stops the pool now, not when collected


def _flattened(chunks: Generator[list[_Out], None, None]) -> Generator[_Out, None, None]:
    try:
        for chunk in chunks:
            yield from chunk
    finally:
        chunks.close()  # closing the results stops the pool now, not when collected


def map_chunks(func: Callable[[_In, tuple[str, ...], bool], list[_Out]], chunks: Iterable[_In],
               *, workers: int, engine_paths: tuple[str, ...], include_default: bool
               ) -> Generator[list[_Out], None, None]:
    """``func(chunk, engine_paths, include_default)`` for each chunk in a pool, in order.

    At most ``workers * CHUNKS_PER_WORKER`` chunks are in flight; the pool is shut down when
    the iterator is exhausted, closed or dropped.
    """
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context,
                               initializer=_start_worker,
                               initargs=(engine_paths, include_default))
    limit = workers * CHUNKS_PER_WORKER
    try:
        pending: deque[Future[list[_Out]]] = deque()
        for chunk in chunks:
            pending.append(pool.submit(func, chunk, engine_paths, include_default))
            if len(pending) >= limit:
                yield _result(pending.popleft())
        while pending:
            yield _result(pending.popleft())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _result(future: Future[list[_Out]]) -> list[_Out]:
    try:
        return future.result()
    except BrokenProcessPool as exc:
        raise EngineError(f"a worker process died: {exc}") from exc


def _check_sizes(workers: int | None, chunksize: int) -> tuple[int, int]:
    count = available_cpus() if workers is None else workers
    if isinstance(count, bool) or not isinstance(count, int) or count < 1:
        raise ArgumentError(f"workers: expected a positive integer or None, got {workers!r}")
    if isinstance(chunksize, bool) or not isinstance(chunksize, int) or chunksize < 1:
        raise ArgumentError(f"chunksize: expected a positive integer, got {chunksize!r}")
    return count, chunksize


def available_cpus() -> int:
    """The CPUs this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def _resolve(engine_paths: Sequence[str | Path], include_default: bool) -> tuple[str, ...]:
    """Absolute pack paths, checked here so a bad pack fails once, before any worker starts."""
    if isinstance(engine_paths, str | Path):
        engine_paths = (engine_paths,)  # one path, not a sequence of characters
    paths = tuple(str(Path(p).resolve()) for p in engine_paths)
    if paths or not include_default:
        load_rulebook(*paths, include_default=include_default)
    return paths


def _start_worker(engine_paths: tuple[str, ...], include_default: bool) -> None:
    """Build the worker's one engine before its first chunk.

    Ctrl-C reaches the whole process group: the parent alone handles it and stops the pool,
    so a worker waiting for work does not die with a traceback of its own.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    process_engine(engine_paths, include_default)


def _packed(items: Iterable[object], size: int) -> Iterator[bytes]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield _pack(chunk)


def _pack(chunk: list[object]) -> bytes:
    """Pickle a chunk here, so an item that cannot be sent becomes that item's error."""
    try:
        return pickle.dumps(chunk, pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
        return pickle.dumps([_sendable(item) for item in chunk], pickle.HIGHEST_PROTOCOL)


def _sendable(item: object) -> object:
    try:
        pickle.dumps(item, pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
        return ObservationError("observations", "JSON-shaped observations or Observations",
                                f"{describe(item)} that cannot be sent to a worker process")
    return item


def _assess_chunk(payload: bytes, engine_paths: tuple[str, ...], include_default: bool
                  ) -> list[_Sent]:
    """Run a chunk through this worker's engine; send back firings, not explanations: they
    are a fraction of the size, and the parent explains only what it reads."""
    engine = process_engine(engine_paths, include_default)
    return [_fire_one(engine, item) for item in pickle.loads(payload)]


def _fire_one(engine: Engine, item: object) -> _Sent:
    """``assess_one``, stopping at the firings."""
    return _guarded(engine.firings, item)


class UnreadableJSON(ValueError):
    """Text that cannot be read as JSON: ``reason``, and ``line`` and ``column`` when known."""

    def __init__(self, reason: str, line: int | None = None, column: int | None = None
                 ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line
        self.column = column


class _DuplicateKey(Exception):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _no_duplicate_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    out: dict[str, object] = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKey(key)
        out[key] = value
    return out


def load_json(text: str) -> object:
    """``json.loads``, failing only with ``UnreadableJSON`` whatever is wrong with the text.

    A key given twice in one object is refused (``json`` would keep the last silently and
    lose an observation). Besides malformed text, ``json.loads`` gives up on valid JSON
    nested deeper than the recursion limit (``RecursionError``) and on an integer longer
    than ``sys.get_int_max_str_digits()`` (a plain ``ValueError``): each becomes a clear
    reason.
    """
    try:
        return json.loads(text, object_pairs_hook=_no_duplicate_keys)
    except _DuplicateKey as exc:
        raise UnreadableJSON(f"the key {exc.key!r} appears twice in one object; "
                             "JSON would silently keep only the last") from None
    except json.JSONDecodeError as exc:
        raise UnreadableJSON(f"not valid JSON: {exc.msg}", exc.lineno, exc.colno) from None
    except RecursionError:
        raise UnreadableJSON("cannot read the JSON: nested too deeply") from None
    except ValueError as exc:
        limit = sys.get_int_max_str_digits()
        reason = f"a number has more than {limit} digits" if "digits" in str(exc) and limit \
            else str(exc)
        raise UnreadableJSON(f"cannot read the JSON: {reason}") from None


def assess_jsonl(lines: Iterable[bytes], *, workers: int | None = None,
                 engine_paths: Sequence[str | Path] = (), include_default: bool = True,
                 chunksize: int = DEFAULT_CHUNKSIZE) -> Generator[str, None, None]:
    """Assess JSON Lines as ``assess_many`` does; yield one JSON line (no newline) per line.

    Decoding, assessing and encoding all happen in the workers, which send back text.
    """
    count, size = _check_sizes(workers, chunksize)
    paths = _resolve(engine_paths, include_default)
    iterator = enumerate(lines, start=1)
    chunks = iter(lambda: list(islice(iterator, size)), [])
    if count == 1:
        process_engine(paths, include_default)
        return _flattened(assess_json_lines(c, paths, include_default) for c in chunks)
    return _flattened(map_chunks(assess_json_lines, chunks, workers=count, engine_paths=paths,
                                 include_default=include_default))


def assess_json_lines(lines: Sequence[tuple[int, bytes]], engine_paths: tuple[str, ...],
                      include_default: bool) -> list[str]:
    """Assess numbered JSON Lines; return one compact JSON line per input line, no newline.

    A line that is not UTF-8, not JSON (or JSON too deep or with too long a number to read),
    or not valid observations gives ``{"line": n, "error": "...", "path": ...}`` instead of
    an assessment. A byte order mark at the start of a line is ignored.
    """
    engine = process_engine(engine_paths, include_default)
    out = []
    for number, raw in lines:
        try:
            data = load_json(raw.decode("utf-8-sig").rstrip("\r\n"))
        except UnicodeDecodeError as exc:
            out.append(_error_line({"line": number, "error": f"not UTF-8 text: {exc.reason}"}))
        except UnreadableJSON as exc:
            where = f" at column {exc.column}" if exc.column is not None else ""
            out.append(_error_line({"line": number, "error": exc.reason + where}))
        else:
            result = assess_one(engine, data)
            out.append(result.to_json(indent=None)
                       if isinstance(result, Assessment) else _error_line(
                           {"line": number, "error": str(result), "path": result.path}))
    return out


def _error_line(row: Mapping[str, object]) -> str:
    """An error row as compact JSON. It may quote the input, whose JSON strings can hold lone
    surrogates that no UTF-8 output can write: such a row is written with escapes instead."""
    text = json.dumps(row, ensure_ascii=False, separators=(",", ":"))
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(row, separators=(",", ":"))
    return text
