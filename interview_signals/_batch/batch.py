"""Assess many observation sets in worker processes, streaming, results in input order.

Neighbours: ``workers`` runs the worker processes, each with its own ``Engine``;
``_jsonio`` reads and writes the JSON Lines; ``_cli``'s ``assess-many`` and Dask's
``map_partitions`` (through ``assess_partition``) call in here.

Workers are started with ``spawn``, never ``fork``: a forked child would inherit the parent's
durable_rules rulesets and any lock another thread held at the fork, and the engine's C state
is not fork-safe. A spawned worker starts clean, on every platform, and pays its start-up (an
import and one rulebook compile, a fraction of a second) once per batch.
"""

from __future__ import annotations

import contextlib
import pickle
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Any, TypeAlias, TypeVar

from .._assessment import Assessment
from .._engine import Engine, call_engine, load_packs
from .._errors import ArgumentError, InterviewSignalsError, ObservationError
from .._jsonio import UnreadableJSON, error_line, load_json
from .._observations import Observations, Value, check_values
from .._quoting import describe, exception_text
from .workers import available_cpus, map_chunks

__all__ = ["DEFAULT_CHUNKSIZE", "Item", "Result", "assess_jsonl", "assess_many", "assess_one",
           "assess_partition", "check_sizes", "pack_chunk", "process_engine", "read_line"]

Item: TypeAlias = Mapping[str, object] | Observations
Result: TypeAlias = Assessment | ObservationError
_Sent: TypeAlias = tuple[dict[str, Value], list[tuple[str, bool]]] | ObservationError
"""What a worker sends back per item: its values and firings, or its error."""
_Out = TypeVar("_Out")

DEFAULT_CHUNKSIZE = 64


@lru_cache(maxsize=8)
def process_engine(engine_paths: tuple[str, ...], include_default: bool) -> Engine:
    """The engine this process reuses for a set of packs (``assess_partition``, and the
    second rulebook of ``diff-rules``' workers).

    Dask calls ``assess_partition`` once per partition in long-lived worker processes that
    nothing of ours initialises, so the engine is kept between calls; an engine evicted from
    this small cache is released when its last user drops it.
    """
    if not engine_paths and include_default:
        return Engine.default()
    return Engine.from_paths(*engine_paths, include_default=include_default)


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
        reason = exception_text(exc, 120)
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
    engine = process_engine(_paths(engine_paths), include_default)
    return [assess_one(engine, item) for item in items]


def assess_many(observations: Iterable[Item], *, workers: int | None = None,
                engine_paths: Sequence[str | Path] = (), include_default: bool = True,
                chunksize: int = DEFAULT_CHUNKSIZE) -> Generator[Result, None, None]:
    """Assess many interviews in worker processes; yield one result per item, in input order.

    Each result is an ``Assessment`` or the ``ObservationError`` for that item: one bad item
    never stops the batch. The input is read lazily and at most
    ``workers * CHUNKS_PER_WORKER * chunksize`` items are in flight, so memory stays flat for
    any number of items. ``workers=1`` assesses in this process. The worker processes stop
    when the results are exhausted or the generator is closed (``contextlib.closing``), and
    never outlive this process, however it ends.

    Example::

        from interview_signals import Assessment, assess_many
        for result in assess_many(read_observations(), workers=4):
            if isinstance(result, Assessment):
                print(result.verdict)
            else:
                print("bad item:", result)

    Workers are spawned, so a script that calls this at its top level needs the usual
    ``if __name__ == "__main__":`` guard. On Linux a worker also stops when the thread that
    started it (the one that first read the results) ends, so read the results to the end
    in one thread, or at least not from a thread that ends before they are read.

    Args:
        workers: the number of processes; by default, and at most, one per available CPU
            (more would only take memory and time: the results are the same).
        engine_paths: rule packs added to (or, without ``include_default``, replacing) the
            default rulebook, as for ``Engine.from_paths``.
        chunksize: items sent to a worker at once.

    Raises:
        RulebookError: a rule pack has problems (raised here, before anything is read).
        EngineError: a worker process died, or a rule failed inside the engine.
    """
    count, size = check_sizes(workers, chunksize)
    paths = _paths(engine_paths)
    # Built here, so a bad pack fails before anything is read; released when the results end.
    engine, release = call_engine(paths, include_default)
    if count == 1:
        return _in_process(observations, engine, release)
    return _scored(map_chunks(_fire_chunk, _packed(observations, size), workers=count,
                              engine_paths=paths, include_default=include_default),
                   engine, release)


def _in_process(items: Iterable[object], engine: Engine, release: contextlib.ExitStack
                ) -> Generator[Result, None, None]:
    with release:
        for item in items:
            yield assess_one(engine, item)


def _scored(chunks: Iterable[list[_Sent]], engine: Engine, release: contextlib.ExitStack
            ) -> Generator[Result, None, None]:
    """The workers' results as assessments, scored here from their firings (and explained
    only when read)."""
    with release:
        for sent in _flattened(chunks):
            yield sent if isinstance(sent, ObservationError) else engine.from_firings(*sent)


def _flattened(chunks: Iterable[list[_Out]]) -> Generator[_Out, None, None]:
    """The items of the chunks; closing this closes the chunks' generator, and so stops the
    pool now rather than when it is collected."""
    with contextlib.ExitStack() as stack:
        if isinstance(chunks, Generator):
            stack.callback(chunks.close)
        for chunk in chunks:
            yield from chunk


def check_sizes(workers: int | None, chunksize: int) -> tuple[int, int]:
    """The number of workers to start, at most one per CPU, and the chunk size."""
    if workers is not None and (isinstance(workers, bool) or not isinstance(workers, int)
                                or workers < 1):
        raise ArgumentError(f"workers: expected a positive integer or None, got {workers!r}")
    if isinstance(chunksize, bool) or not isinstance(chunksize, int) or chunksize < 1:
        raise ArgumentError(f"chunksize: expected a positive integer, got {chunksize!r}")
    cpus = available_cpus()
    return (cpus if workers is None else min(workers, cpus)), chunksize


def _paths(engine_paths: Sequence[str | Path]) -> tuple[str, ...]:
    """Absolute pack paths, so a worker started elsewhere reads the same packs."""
    if isinstance(engine_paths, str | Path):
        engine_paths = (engine_paths,)  # one path, not a sequence of characters
    return tuple(str(Path(p).absolute()) for p in engine_paths)


def _packed(items: Iterable[object], size: int) -> Iterator[bytes]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield pack_chunk(chunk)


def pack_chunk(chunk: list[object]) -> bytes:
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


def _fire_chunk(engine: Engine, payload: bytes) -> list[_Sent]:
    """Run a chunk through the worker's engine; send back firings, not explanations: they
    are a fraction of the size, and the parent explains only what it reads."""
    return [_guarded(engine.firings, item) for item in pickle.loads(payload)]


# The JSON Lines route: decoding, assessing and encoding all happen in the workers.

def assess_jsonl(lines: Iterable[bytes], *, workers: int | None = None,
                 engine_paths: Sequence[str | Path] = (), include_default: bool = True,
                 chunksize: int = DEFAULT_CHUNKSIZE) -> Generator[str, None, None]:
    """Assess JSON Lines as ``assess_many`` does; yield one JSON line (no newline) per line.

    Raises:
        RulebookError: a rule pack has problems (raised here, before anything is read).
        EngineError: as for ``assess_many``.
    """
    count, size = check_sizes(workers, chunksize)
    paths = _paths(engine_paths)
    iterator = enumerate(lines, start=1)
    chunks: Iterator[list[tuple[int, bytes]]] = iter(lambda: list(islice(iterator, size)), [])
    if count == 1:
        return _in_process_lines(chunks, *call_engine(paths, include_default))
    load_packs(*paths, include_default=include_default)  # a bad pack fails here, once
    return _flattened(map_chunks(assess_json_lines, chunks, workers=count, engine_paths=paths,
                                 include_default=include_default))


def _in_process_lines(chunks: Iterable[list[tuple[int, bytes]]], engine: Engine,
                      release: contextlib.ExitStack) -> Generator[str, None, None]:
    with release:
        for chunk in chunks:
            yield from assess_json_lines(engine, chunk)


def assess_json_lines(engine: Engine, lines: Sequence[tuple[int, bytes]]) -> list[str]:
    """Assess numbered JSON Lines; return one compact JSON line per input line, no newline.

    A line that is not UTF-8, not JSON (or JSON too deep or with too long a number to read),
    or not valid observations gives ``{"line": n, "error": "...", "path": ...}`` instead of
    an assessment. A byte order mark at the start of a line is ignored.
    """
    out = []
    for number, raw in lines:
        try:
            data = read_line(raw)
        except UnreadableJSON as exc:
            out.append(error_line({"line": number, "error": exc.reason}))
        else:
            result = assess_one(engine, data)
            out.append(result.to_json(indent=None) if isinstance(result, Assessment)
                       else error_line({"line": number, "error": str(result),
                                        "path": result.path}))
    return out


def read_line(raw: bytes) -> object:
    """The JSON document of one line of JSON Lines; a byte order mark at its start is
    ignored.

    Raises:
        UnreadableJSON: the line is not UTF-8 or not JSON (or JSON too deep, or with too
            long a number, to read); its ``reason`` says which, and where when known.
    """
    try:
        return load_json(raw.decode("utf-8-sig").rstrip("\r\n"))
    except UnicodeDecodeError as exc:
        raise UnreadableJSON(f"not UTF-8 text: {exc.reason}") from exc
    except UnreadableJSON as exc:
        if exc.column is None:
            raise
        raise UnreadableJSON(f"{exc.reason} at column {exc.column}") from exc
