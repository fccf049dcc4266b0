"""Worker processes that each hold one ``Engine`` and run chunks of work through it.

Neighbours: ``batch`` hands it chunks and turns what comes back into results.

The pool is a few lines of our own rather than ``ProcessPoolExecutor``, for three promises
the executor does not keep: a worker that dies at any moment is an ``EngineError`` within
moments (each worker has its own pipes, watched together with every worker's exit, so there
is no shared queue lock a dying worker can take with it); no worker outlives the parent
(each watches it, see ``_watch_parent``); and Ctrl-C reaches only the parent (workers start
with SIGINT ignored, before Python could turn it into a ``KeyboardInterrupt``).
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import pickle
import queue
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any, TypeAlias, TypeVar

from .._engine import Engine, engine_for
from .._errors import EngineError
from .._quoting import quoted

_In = TypeVar("_In")
_Out = TypeVar("_Out")
_Task: TypeAlias = Callable[[Engine, Any], list[_Out]]

CHUNKS_PER_WORKER = 4
"""Chunks in flight per worker: enough to keep each one busy, few enough to stay flat."""
PARENT_POLL_SECONDS = 0.5
"""How often a worker checks that its parent still lives, where the OS cannot tell it."""
STOP_SECONDS = 5.0
"""How long workers get to finish after their last chunk before they are killed."""


def available_cpus() -> int:
    """The CPUs this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


# The pool.

def map_chunks(func: _Task[_Out], chunks: Iterable[_In], *, workers: int,
               engine_paths: tuple[str, ...], include_default: bool
               ) -> Generator[list[_Out], None, None]:
    """``func(engine, chunk)`` for each chunk in ``workers`` processes, results in order.

    Each worker builds one engine for these packs and keeps it. At most
    ``workers * CHUNKS_PER_WORKER`` chunks are in flight. The workers are started on the
    first read and stopped when the results are exhausted, closed or dropped, or when
    anything goes wrong (killed: they hold nothing worth saving).

    Raises:
        EngineError: a worker died (or could not be reached), or a rule failed in one.
    """
    pool = _Pool(func, workers, engine_paths, include_default)
    finished = False
    try:
        pending: deque[int] = deque()
        for number, chunk in enumerate(chunks):
            pending.append(pool.send(number % workers, chunk))
            if len(pending) >= workers * CHUNKS_PER_WORKER:
                yield pool.receive(pending.popleft())
        while pending:
            yield pool.receive(pending.popleft())
        finished = True
    finally:
        pool.stop(kill=not finished)


class _Pool:
    """Worker processes, each with a pipe in and a pipe out; see the module's docstring."""

    def __init__(self, func: _Task[Any], count: int, engine_paths: tuple[str, ...],
                 include_default: bool) -> None:
        context = multiprocessing.get_context("spawn")
        self._processes: list[BaseProcess] = []
        self._inboxes: list[Connection] = []
        self._outboxes: list[Connection] = []
        with _sigint_ignored_by_children():
            for _ in range(count):
                theirs_in, ours_in = context.Pipe(duplex=False)
                ours_out, theirs_out = context.Pipe(duplex=False)
                process = context.Process(
                    target=_worker, daemon=True, name="interview-signals worker",
                    args=(func, theirs_in, theirs_out, os.getpid(),
                          (engine_paths, include_default)))
                self._processes.append(process)
                self._inboxes.append(ours_in)
                self._outboxes.append(ours_out)
                try:
                    process.start()
                finally:  # our copies of the worker's ends: without them closed, a dead
                    theirs_in.close()  # worker's pipe would never reach its end
                    theirs_out.close()

    def send(self, index: int, chunk: object) -> int:
        """Send a chunk to worker ``index``; return ``index``."""
        try:
            self._inboxes[index].send(chunk)
        except OSError as exc:  # a broken pipe: the worker has gone
            raise self._died(index) from exc
        return index

    def receive(self, index: int) -> Any:
        """The next result of worker ``index``, or the error it raised, or ``EngineError``
        as soon as any worker has died."""
        outbox = self._outboxes[index]
        sentinels = {p.sentinel: i for i, p in enumerate(self._processes)}
        ready = wait([outbox, *sentinels])
        for handle in ready:
            if handle is not outbox:
                raise self._died(sentinels[handle])  # type: ignore[index]
        try:
            status, value = outbox.recv()
        except (OSError, EOFError, pickle.UnpicklingError) as exc:
            raise self._died(index) from exc
        if status == "error":
            raise value
        return value

    def _died(self, index: int) -> EngineError:
        process = self._processes[index]
        process.join(STOP_SECONDS)  # a broken pipe can come a moment before the exit
        code = process.exitcode
        how = ("is gone" if code is None else f"was killed by {_signal_name(-code)}"
               if code < 0 else f"exited with status {code}")
        return EngineError(f"a worker process died: worker {index + 1} (process "
                           f"{process.pid}) {how}")

    def stop(self, kill: bool) -> None:
        """Stop the workers: kill them, or let them finish and exit (killed if they take
        longer than ``STOP_SECONDS``)."""
        for inbox in self._inboxes:
            inbox.close()  # a worker reads the end of its input and exits
        deadline = time.monotonic() + (0 if kill else STOP_SECONDS)
        for process in self._processes:
            if process.pid is None:
                continue  # never started
            process.join(max(0.0, deadline - time.monotonic()))
            if process.exitcode is None:
                process.kill()
                process.join()
        for outbox in self._outboxes:
            outbox.close()


_STOPPING = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP")
                  if hasattr(signal, name))
"""The signals besides SIGINT that stop the command (``_cli.signals``)."""


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


@contextlib.contextmanager
def _sigint_ignored_by_children() -> Iterator[None]:
    """SIGINT ignored while workers start, so each starts with it ignored (an ignored signal
    stays ignored through ``exec``, and Python then installs no ``KeyboardInterrupt``
    handler): no moment of a worker's start-up can be interrupted. The signal is blocked
    meanwhile too, so a Ctrl-C in this moment reaches this process, once it is over.

    Signal handlers belong to the main thread; started from another thread, a worker
    ignores SIGINT from its first line of our code (its imports come before).
    """
    if threading.current_thread() is not threading.main_thread() \
            or not hasattr(signal, "pthread_sigmask"):
        yield
        return
    # SIGTERM and SIGHUP are held back as well: one handled while a worker is being started
    # would cut off the start-up data the worker reads from us, and the worker would die
    # printing a traceback ("EOFError: Ran out of input") over our "terminated". (The
    # workers inherit the mask and open it first thing: ``_worker``.)
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, *_STOPPING})
    try:
        handler = signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            yield
        finally:
            if handler is not None:
                signal.signal(signal.SIGINT, handler)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)


def _worker(func: _Task[Any], inbox: Connection, outbox: Connection, parent: int,
            packs: tuple[tuple[str, ...], bool]) -> None:
    """A worker process: one engine for ``packs`` (paths, include_default), then
    ``func(engine, chunk)`` for each chunk received, each result or error sent back, until
    the parent closes the input."""
    # Ctrl-C reaches the whole process group: the parent alone handles it and stops us.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, set(_STOPPING))
    _watch_parent(parent)
    chunks: queue.SimpleQueue[object] = queue.SimpleQueue()
    # Read ahead in a thread, so the parent's sends never wait for a chunk to be assessed
    # (while we wait for it to read a result: a deadlock).
    threading.Thread(target=_read_all, args=(inbox, chunks), daemon=True).start()
    try:
        with engine_for(*packs) as engine:
            _serve(lambda chunk: _run(func, engine, chunk), chunks, outbox)
    except Exception as exc:  # the engine could not be built: say so for every chunk
        failure = _sendable_error(exc)
        _serve(lambda chunk: failure, chunks, outbox)


def _serve(answer: Callable[[object], tuple[str, object]],
           chunks: queue.SimpleQueue[object], outbox: Connection) -> None:
    with contextlib.suppress(OSError):  # the parent has gone: nobody to answer
        while (chunk := chunks.get()) is not _END:
            outbox.send(answer(chunk))


_END = object()


def _read_all(inbox: Connection, chunks: queue.SimpleQueue[object]) -> None:
    try:
        while True:
            chunks.put(inbox.recv())
    except (EOFError, OSError):
        chunks.put(_END)


def _run(func: _Task[Any], engine: Engine, chunk: object) -> tuple[str, object]:
    try:
        return "ok", func(engine, chunk)
    except Exception as exc:
        return _sendable_error(exc)


def _sendable_error(exc: Exception) -> tuple[str, object]:
    """The error as the parent will raise it: itself if it can cross, or an ``EngineError``
    naming it."""
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        return "error", EngineError(f"{type(exc).__name__} in a worker process: "
                                    f"{quoted(str(exc), 200)}")
    return "error", exc


def _watch_parent(parent: int) -> None:
    """End this process when the parent ends, however it ends (SIGKILL included).

    On Linux the kernel sends us SIGKILL (``PR_SET_PDEATHSIG``) even while we are busy in C;
    elsewhere, and in case the parent ended before we asked, a thread checks every
    ``PARENT_POLL_SECONDS`` that we have not been handed to another parent.
    """
    if sys.platform == "linux":
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # 1: PR_SET_PDEATHSIG
    if os.getppid() != parent:
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_POLL_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="parent watch").start()
