"""Signals that end a command: SIGTERM (a ``kill``, a service manager) and SIGHUP (the
terminal closed) unwind it as Ctrl-C does, so what it holds is saved or cleaned up first.

Neighbours: ``main`` runs every command inside ``stopping_on_signals`` and maps ``Stopped``
to an exit status; ``ask`` saves the session when a command is stopped, as on Ctrl-C.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator

STOPPING_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP")
                         if hasattr(signal, name))
"""The signals that stop a command as Ctrl-C would (Windows has no SIGHUP)."""


class Stopped(BaseException):
    """SIGTERM or SIGHUP arrived: stop as Ctrl-C would, cleaning up on the way out.

    A ``BaseException``, as ``KeyboardInterrupt`` is, so that no ``except Exception`` on
    the way swallows it."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def hung_up(self) -> bool:
        """Whether the terminal went away (SIGHUP): nothing can be written to it now."""
        return self.signum == getattr(signal, "SIGHUP", None)


@contextlib.contextmanager
def stopping_on_signals() -> Iterator[None]:
    """While the block runs in the main thread, SIGTERM and SIGHUP raise ``Stopped`` in it
    (Python runs signal handlers in the main thread only, so elsewhere this does nothing)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise Stopped(signum)

    previous = {s: signal.signal(s, stop) for s in STOPPING_SIGNALS}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


@contextlib.contextmanager
def no_second_signal() -> Iterator[None]:
    """While the block runs (saving what a stopped command holds), a second Ctrl-C,
    SIGTERM or SIGHUP is ignored: the first one already said to stop, and the save must
    not be cut short."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    signals = (signal.SIGINT, *STOPPING_SIGNALS)
    previous = {s: signal.signal(s, signal.SIG_IGN) for s in signals}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
