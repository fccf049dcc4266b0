"""Connections no client can hold open (``serve``'s uvicorn protocol): a deadline for each
request to arrive whole, a cap on open connections that closes the longest-waiting one, a
listen backlog within the file descriptors the cap leaves, and the stop of searches and of
bodies still arriving when the server shuts down.

Neighbours: ``server`` runs uvicorn with ``TimedProtocol`` and these limits; ``app`` is what
``stop_searches`` and ``stop_reading`` stop.
"""

from __future__ import annotations

import asyncio
import errno
import logging
from typing import Any

from starlette.applications import Starlette
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol  # the serve extra's

from .app import stop_reading, stop_searches

REQUEST_TIMEOUT = 10.0
"""Seconds a client has to send a whole request (head and body) from its first byte, and a
new connection to start one."""
KEEP_ALIVE = 5
"""Seconds an idle connection is kept open after a response, for the client's next request."""
GRACEFUL_SECONDS = 3
"""Seconds requests in flight get to finish when the service is stopped; their searches are
then cancelled, so that the process ends within about four seconds of the signal."""
BODY_SECONDS = GRACEFUL_SECONDS - 1
"""Seconds a request whose body is still arriving when the service is stopped gets to finish
it; then it is answered 503, a second before the graceful period ends, so that nothing is
left waiting to be cancelled."""
_APPS: list[Starlette] = []
"""The apps this process serves (one), whose searches stop when the server does."""

def _descriptors() -> int | None:
    """How many file descriptors this process may open: None when there is no limit to
    read (Windows), -1 when it is unlimited."""
    try:
        import resource

        soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    except (ImportError, OSError, ValueError):  # Windows has no such limit to read
        return None
    return -1 if soft == resource.RLIM_INFINITY else soft


def max_connections() -> int:
    """The most connections one process keeps open: most of the file descriptors it may
    open, the rest left for its own files (at least 16, at most 4,096)."""
    soft = _descriptors()
    if soft is None:
        return 1024
    if soft == -1:
        return 4096
    return max(16, min(4096, soft - max(32, soft // 4)))


def backlog() -> int:
    """The listen backlog, which is also how many connections asyncio's loop accepts in
    one go before the connection cap sees any of them (it closes the longest-waiting one
    for each past the cap, a loop iteration or two later): a quarter of the file
    descriptors the cap leaves over (at least 8, at most uvicorn's 2,048), so a flood of
    new clients does not run the process out of them first."""
    soft = _descriptors()
    if soft is None or soft == -1:
        return 2048
    return max(8, min(2048, (soft - max_connections()) // 4))


def _accept_errors(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
    """asyncio's loop, out of file descriptors when it accepts, pauses accepting for a
    second and logs a traceback: a line says so instead. Anything else goes to the
    default."""
    exc = context.get("exception")
    if isinstance(exc, OSError) and exc.errno in _OUT_OF_RESOURCES:
        logging.getLogger("uvicorn.error").warning(
            "out of file descriptors (%s): accepting new connections again in a second",
            errno.errorcode.get(exc.errno or 0, "?"))
        return
    loop.default_exception_handler(context)


_OUT_OF_RESOURCES = frozenset({errno.EMFILE, errno.ENFILE, errno.ENOBUFS, errno.ENOMEM})


class Limits:
    """The connection limits of one server (kept on its uvicorn config, so each worker
    process has them)."""

    def __init__(self, request_timeout: float, max_connections: int) -> None:
        self.request_timeout = request_timeout
        self.max_connections = max_connections


class TimedProtocol(HttpToolsProtocol):
    """uvicorn's HTTP/1.1 protocol, with a deadline for each request to arrive whole.

    uvicorn times out an idle connection only after a response, and any byte resets
    that: a client sending its headers a byte at a time (slowloris), or a connection
    that never sends anything, was held for as long as the client liked. Here a timer
    runs from the moment a request is awaited (a new connection, a response sent) or
    begins (its first byte) until it has arrived whole; when it fires, the connection
    is closed. Past the limit of open connections, the one waiting longest for a
    request is closed to make room."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limits: Limits = getattr(self.config, "interview_signals_limits", None) \
            or Limits(REQUEST_TIMEOUT, max_connections())
        self._limits = limits
        self._deadline: asyncio.TimerHandle | None = None
        self._in_message = False
        self._pending = 0
        """Requests received whole whose response is not sent yet (pipelined: several)."""
        self._waiting_since: float | None = None
        """When this connection began waiting for its next request, or receiving it
        (None: one is in hand, being answered)."""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        super().connection_made(transport)  # type: ignore[arg-type]
        self._await_request()
        if len(self.connections) > self._limits.max_connections:
            self._make_room()

    def shutdown(self) -> None:
        # The server is stopping (it calls this on every connection first): searches
        # running would hold it for their whole budget, so they stop now and answer 503;
        # a body still arriving is waited for until shortly before the server would
        # cancel its handler (a 500 and a traceback), then answered 503 too.
        for app in _APPS:
            stop_searches(app)
            stop_reading(app, BODY_SECONDS)
        super().shutdown()

    def connection_lost(self, exc: Exception | None) -> None:
        self._stop_timer()
        super().connection_lost(exc)

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._in_message = True
        if self._waiting_since is None:  # pipelined after one in hand
            self._waiting_since = self.loop.time()
        self._arm()  # the whole request from its first byte

    def on_message_complete(self) -> None:
        super().on_message_complete()
        self._in_message = False
        if self.cycle is not None and self.cycle.response_complete:
            self._await_request()  # answered before it arrived whole (a 413): the next one
        else:
            self._pending += 1
            self._waiting_since = None
            self._stop_timer()  # in hand: computing it takes what it takes

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._pending = max(0, self._pending - 1)
        if not self.transport.is_closing() and not self._in_message and not self._pending:
            self._await_request()

    def _await_request(self) -> None:
        self._waiting_since = self.loop.time()
        self._arm()

    def _arm(self) -> None:
        self._stop_timer()
        self._deadline = self.loop.call_later(self._limits.request_timeout,
                                              self._timed_out)

    def _stop_timer(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _timed_out(self) -> None:
        self._deadline = None
        if not self.transport.is_closing():
            self.transport.close()

    def _make_room(self) -> None:
        """Close the connection waiting longest for a request, or for the rest of one
        (slowloris), this one if no other is, so that the open connections stay within
        the limit; a request in hand is never dropped."""
        waiting = [c for c in self.connections if isinstance(c, TimedProtocol)
                   and c._waiting_since is not None and c is not self]
        oldest = min(waiting, key=lambda c: c._waiting_since or 0.0, default=self)
        oldest._stop_timer()
        oldest.transport.close()
