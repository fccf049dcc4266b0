"""How long a search may run, and how a caller stops it: a deadline and a cancellation
token, checked by the search's loops.

Neighbours: ``consultant.Consultant`` and ``whatif.WhatIfSearch`` open a ``Budget`` for
each call (``with budget.running():``); the loops of the search (``evaluator``,
``other_groups``, ``proofs``, ``whatif``) call ``tick()``, which finds the running budget
of this thread (a context variable, so that the cached functions of the search need no
extra argument and threads never see each other's budgets). Past the deadline ``tick``
raises ``OutOfTime``, which the caller catches to answer with what it has, saying what it
did not finish; once the token is set it raises ``SearchCancelled`` (nobody is waiting
for an answer any more).
"""

from __future__ import annotations

import contextlib
import contextvars
import math
import time
from collections.abc import Iterator
from typing import Protocol

from ..._errors import ArgumentError, SearchCancelled

DEFAULT_SECONDS = 2.0
"""The time a consultation step or a what-if may search by default (an engine's
``search_seconds``, a call's ``seconds``)."""
MAX_SECONDS = 3600.0
"""The longest budget a call may ask for."""


class Cancel(Protocol):
    """A cancellation token: ``threading.Event`` is one (set it to stop the search)."""

    def is_set(self) -> bool:
        """Whether the search should stop now."""


class OutOfTime(Exception):
    """The budget's deadline passed: the search stops and answers with what it has."""


class OutOfRoom(OutOfTime):
    """The exact search would hold more than its bound in memory: it stops as if its time
    had run out."""


class Budget:
    """A deadline and a cancellation token for one search."""

    def __init__(self, seconds: float, cancel: Cancel | None = None) -> None:
        self.seconds = seconds
        self.start = time.monotonic()
        self.deadline = self.start + seconds
        self.cancel = cancel

    def tick(self) -> None:
        """Raise ``SearchCancelled`` once the token is set, ``OutOfTime`` past the
        deadline (about a microsecond when neither)."""
        if self.cancel is not None and self.cancel.is_set():
            raise SearchCancelled("the search was cancelled")
        if time.monotonic() >= self.deadline:
            raise OutOfTime

    def until(self, share: float) -> Budget:
        """A budget ending at ``share`` of this one's time (its first part), with the
        same token."""
        part = Budget(self.seconds, self.cancel)
        part.start = self.start
        part.deadline = self.start + self.seconds * share
        return part

    def left(self) -> float:
        return max(0.0, self.deadline - time.monotonic())

    @contextlib.contextmanager
    def running(self) -> Iterator[Budget]:
        """Make this the budget ``tick()`` checks in this thread while the block runs."""
        token = _RUNNING.set(self)
        try:
            yield self
        finally:
            _RUNNING.reset(token)


_RUNNING: contextvars.ContextVar[Budget | None] = contextvars.ContextVar(
    "interview_signals_search_budget", default=None)


def tick() -> None:
    """Check the running budget of this thread, if any (see ``Budget.tick``)."""
    budget = _RUNNING.get()
    if budget is not None:
        budget.tick()


def checked_seconds(seconds: object, name: str = "seconds") -> float:
    """A search budget in seconds: a positive finite number up to ``MAX_SECONDS``
    (``ArgumentError`` otherwise)."""
    if isinstance(seconds, bool) or not isinstance(seconds, int | float) \
            or not math.isfinite(seconds) or not 0 < seconds <= MAX_SECONDS:
        raise ArgumentError(f"{name}: expected a number of seconds above 0 and at most "
                            f"{MAX_SECONDS:g}, got {seconds!r}"[:300])
    return float(seconds)


def checked_cancel(cancel: object) -> Cancel | None:
    """A cancellation token (anything with ``is_set()``, such as ``threading.Event``) or
    None (``ArgumentError`` otherwise)."""
    if cancel is None or callable(getattr(cancel, "is_set", None)):
        return cancel  # type: ignore[return-value]  # checked: it has is_set()
    raise ArgumentError(f"cancel: expected an object with is_set() (a threading.Event) or "
                        f"None, got {type(cancel).__name__}")
