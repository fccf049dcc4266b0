"""Running the service: ``serve`` (``interview-signals serve``) on uvicorn, in a way no client
can hold up.

- The socket is bound here, before anything starts: a port in use, a host that is not this
  machine's or cannot be resolved, a port out of range is one ``ArgumentError``.
- Connections cannot be held open: a request must arrive whole (its head and its body)
  within ``request_timeout`` seconds of its first byte, a new connection must start one
  within as long, and an idle kept-alive one is closed after ``keep_alive`` seconds; past
  ``max_connections`` open connections (a share of the file descriptors the process may
  open), the one waiting longest for a request is closed to make room, so a flood of slow
  connections never locks out the next client.
- SIGTERM and SIGINT (and SIGHUP with one worker: the terminal closed) stop the service
  within a few seconds, however busy: searches running are cancelled at once (503), other
  requests in flight get ``GRACEFUL_SECONDS`` to finish, those whose body is still
  arriving ``connections.BODY_SECONDS`` (then 503 with ``Connection: close``), and the
  process ends; ``serve`` returns.

Neighbours: ``app`` builds the app each worker process serves (``app_from_environment``
reads the options ``serve`` leaves in the environment); ``connections`` holds the protocol
and the limits that keep connections from being held open.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import inspect
import ipaddress
import json
import logging
import os
import signal
import socket
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from starlette.applications import Starlette

from .._engine import Engine
from .._errors import ArgumentError
from .._quoting import quoted
from .app import DEFAULT_MAX_BODY, DEFAULT_MAX_SEARCHES, create_app
from .connections import (
    _APPS,
    GRACEFUL_SECONDS,
    KEEP_ALIVE,
    REQUEST_TIMEOUT,
    Limits,
    TimedProtocol,
    _accept_errors,
    backlog,
    max_connections,
)

ENV = "INTERVIEW_SIGNALS_SERVE"
"""The environment variable through which ``serve`` hands its options to each worker."""
LOOPS = ("auto", "asyncio", "uvloop")
"""The event loops ``serve`` runs on. ``auto`` (the default) is asyncio's own loop with one
worker and uvloop (when installed) with several. Under full load with 50 connections, one
worker on uvloop left about one request in a hundred waiting 4 to 25 times as long as the
rest (p99 57 ms, max 393 ms; asyncio's loop: 17 ms and 25 ms, at 3% fewer requests a
second). But asyncio's loop accepts every waiting connection at once, so of several workers
sharing the socket the first awake took them all (two workers served no more than one);
uvloop's spread them. docs/benchmarks.md has the runs."""

DEFAULT_LOOP = "auto"

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")
"""The Host names a service bound to a loopback address accepts unless told otherwise."""


def is_loopback(host: str) -> bool:
    """Whether ``host`` names this machine only (``localhost``, ``127.x.y.z``, ``::1``)."""
    if host.lower().rstrip(".") in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def default_allowed_hosts(host: str) -> tuple[str, ...] | None:
    """The Host names accepted by default: the loopback names (and ``host`` itself) when the
    service is bound to a loopback address, so a web page cannot reach it by DNS rebinding;
    any (None) when it is bound to an address other machines reach by their own names."""
    if not is_loopback(host):
        return None
    return tuple(dict.fromkeys((*LOOPBACK_NAMES, host.strip("[]").lower())))


def bind(host: str, port: int) -> socket.socket:
    """A TCP socket bound to ``host`` and ``port`` (0: any free port), not yet listening.

    Raises:
        ArgumentError: the port is out of range or in use, or the host cannot be resolved
            or is not an address of this machine; one line that says which.
    """
    if type(port) is not int or not 0 <= port <= 65535:
        raise ArgumentError(f"port: expected a port from 0 to 65535, got {port!r}"[:200])
    shown = quoted(host, 80)
    name = host[1:-1] if host.startswith("[") and host.endswith("]") else host  # [::1]
    try:
        found = socket.getaddrinfo(name, port, socket.AF_UNSPEC, socket.SOCK_STREAM, 0,
                                   socket.AI_PASSIVE)
    except (socket.gaierror, UnicodeError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, socket.gaierror) and exc.strerror \
            else "not a host name or address"
        raise ArgumentError(f"host: cannot use {shown}: {reason}") from exc
    family, kind, proto, _, address = found[0]
    sock = socket.socket(family, kind, proto)
    try:
        if os.name != "nt":  # on Windows, SO_REUSEADDR would let two services share a port
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if family == socket.AF_INET6:
            sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
        sock.bind(address)
    except OSError as exc:
        sock.close()
        raise ArgumentError(_bind_problem(exc, shown, port)) from exc
    sock.set_inheritable(True)  # worker processes serve on it too
    return sock


def _bind_problem(exc: OSError, host: str, port: int) -> str:
    import errno

    if exc.errno == errno.EADDRINUSE:
        return (f"port: {port} is in use on {host} (another program listens there); choose "
                "another --port, or 0 for any free one")
    if exc.errno == errno.EADDRNOTAVAIL:
        return f"host: {host} is not an address of this machine"
    if exc.errno == errno.EACCES:
        return (f"port: not allowed to listen on port {port} (ports below 1024 need "
                "privileges); choose another --port")
    return f"cannot listen on {host} port {port}: {exc.strerror or exc}"


# --- running it ---------------------------------------------------------------------------

def app_from_environment() -> Starlette:
    """The app a uvicorn worker builds (``serve`` passes its options in the environment,
    because each worker process builds its own engine)."""
    options: dict[str, Any] = json.loads(os.environ.get(ENV, "{}"))
    engine = _engine(options.get("rules", []), bool(options.get("no_default", False)),
                     options.get("search_seconds"))
    app = create_app(engine, max_body=options.get("max_body") or DEFAULT_MAX_BODY,
                     cors_origins=options.get("cors_origins", []),
                     max_searches=options.get("max_searches") or DEFAULT_MAX_SEARCHES,
                     allowed_hosts=options.get("allowed_hosts"),
                     language=options.get("language"))
    _APPS.append(app)
    with contextlib.suppress(RuntimeError):  # uvicorn builds the app in its running loop
        asyncio.get_running_loop().set_exception_handler(_accept_errors)
    return app


def _engine(rules: Sequence[str | Path], no_default: bool, search_seconds: float | None
            ) -> Engine:
    if search_seconds is None and not rules and not no_default:
        return Engine.default()
    options: dict[str, Any] = {} if search_seconds is None \
        else {"search_seconds": search_seconds}
    return Engine.from_paths(*rules, include_default=not no_default, **options)


def serve(*, host: str = "127.0.0.1", port: int = 8000, rules: Sequence[str | Path] = (),
          no_default: bool = False, workers: int = 1, cors_origins: Sequence[str] = (),
          max_body: int | None = None, allowed_hosts: Sequence[str] | None = None,
          max_searches: int | None = None, search_seconds: float | None = None,
          request_timeout: float | None = None, keep_alive: float | None = None,
          access_log: bool = False, language: str | None = None,
          loop: str = DEFAULT_LOOP) -> None:
    """Run the service until SIGINT or SIGTERM (or SIGHUP, with one worker); return after a
    clean shutdown, within a few seconds of the signal.

    The rulebook is loaded and the socket bound here, so a bad pack, host or port fails
    before the server starts. ``allowed_hosts`` are the Host names the service answers
    (``["*"]``: any); by default the loopback names when ``host`` is a loopback address,
    any otherwise; a malformed Host (a port that is not 0 to 65535) is a 400 in every
    case. ``max_searches`` caps the consultations and what-ifs one worker runs at once
    (503 with ``Retry-After`` past it); ``search_seconds`` is their time budget.
    ``request_timeout`` (default ``REQUEST_TIMEOUT``) is how long a client has to send a
    whole request, ``keep_alive`` (default ``KEEP_ALIVE``) how long an idle connection
    stays open after a response. ``language`` answers a request that asks for no language
    the engine speaks (the engine's own when None). ``loop`` is the event loop:
    ``"auto"`` (asyncio's own with one worker, uvloop with several), ``"asyncio"`` or
    ``"uvloop"`` (``LOOPS`` says why).

    Raises:
        ArgumentError: a bad option, host or port (a port in use says so).
        RulebookError: a pack has problems.
    """
    import uvicorn

    if type(workers) is not int or workers < 1:
        raise ArgumentError(f"workers: expected a positive integer, got {workers!r}"[:200])
    if loop not in LOOPS:
        raise ArgumentError(f"loop: expected one of {', '.join(LOOPS)}, "
                            f"got {quoted(str(loop), 40)}")
    if loop == "uvloop" and not _importable("uvloop"):
        raise ArgumentError("loop: uvloop is not installed (pip install uvloop, or "
                            "'interview-signals[serve]' where uvloop builds); "
                            "use --loop asyncio or auto")
    engine = _engine(rules, no_default, search_seconds)  # fail early, with its own error
    if language is not None:
        engine.in_language(language)  # an unknown language fails early too
    hosts = default_allowed_hosts(host) if allowed_hosts is None else \
        (None if "*" in allowed_hosts else tuple(allowed_hosts))
    sock = bind(host, port)
    options = {"rules": [str(r) for r in rules], "no_default": no_default,
               "cors_origins": list(cors_origins), "max_body": max_body,
               # any name ("*"): still checked for form (a bad port is a 400)
               "allowed_hosts": ["*"] if hosts is None else list(hosts),
               "max_searches": max_searches, "search_seconds": search_seconds,
               "language": language}
    os.environ[ENV] = json.dumps(options)
    config = uvicorn.Config("interview_signals._service.server:app_from_environment",
                            factory=True, host=host, port=sock.getsockname()[1],
                            workers=workers, access_log=access_log, log_level="info",
                            loop=("asyncio" if workers == 1 else "auto") if loop == "auto"
                            else loop,
                            server_header=False,
                            timeout_keep_alive=keep_alive or KEEP_ALIVE,  # type: ignore[arg-type]
                            timeout_graceful_shutdown=GRACEFUL_SECONDS, backlog=backlog(),
                            http=TimedProtocol, log_config=_log_config())
    limits = Limits(request_timeout or REQUEST_TIMEOUT, max_connections())
    config.interview_signals_limits = limits  # type: ignore[attr-defined]
    bound = sock.getsockname()
    shown = f"[{bound[0]}]" if sock.family == socket.AF_INET6 else bound[0]
    # uvicorn says where it listens only when it binds the socket itself: say it, with the
    # port actually bound (the one asked for, or the free one 0 found).
    logging.getLogger("uvicorn.error").info(
        "interview-signals serving on http://%s:%d (press Ctrl-C to stop)", shown, bound[1])
    try:
        _run(config, sock, workers)
    finally:
        sock.close()


def _importable(name: str) -> bool:
    """Whether ``name`` imports (not only whether it is found: a broken build fails too)."""
    try:
        importlib.import_module(name)
    except ImportError:
        return False
    return True


def _log_config() -> dict[str, Any]:
    """uvicorn's logging, with the service's own lines (a client gone, an internal error)
    written the same way."""
    from uvicorn.config import LOGGING_CONFIG

    config: dict[str, Any] = json.loads(json.dumps(LOGGING_CONFIG))
    config["loggers"]["interview_signals"] = {"handlers": ["default"], "level": "INFO",
                                              "propagate": False}
    return config


def _run(config: Any, sock: socket.socket, workers: int) -> None:
    """Serve on ``sock`` until a signal stops it."""
    import uvicorn
    from uvicorn.supervisors import Multiprocess

    if workers > 1:
        # The supervisor stops its workers on SIGINT and SIGTERM (and restarts them on
        # SIGHUP); each worker stops as a single server does.
        if "target" in inspect.signature(Multiprocess).parameters:  # older uvicorn: the target too
            Multiprocess(config, target=uvicorn.Server(config).run,  # type: ignore[call-arg]
                         sockets=[sock]).run()
        else:
            Multiprocess(config, sockets=[sock]).run()
        return
    server = uvicorn.Server(config)
    # uvicorn shuts down gracefully on SIGINT and SIGTERM, then raises the signal again for
    # the handler that was there before it: make that handler end the run quietly, so a
    # stopped service returns (exit status 0) instead of dying by the signal. SIGHUP (the
    # terminal closed) stops it the same way.
    stopping = [signal.SIGINT, signal.SIGTERM]
    hangup = getattr(signal, "SIGHUP", None)

    def hung_up(signum: int, frame: object) -> None:
        server.should_exit = True

    previous = {s: signal.getsignal(s) for s in (*stopping, *([hangup] if hangup else []))}
    for s in stopping:
        signal.signal(s, _stopped)
    if hangup is not None:
        signal.signal(hangup, hung_up)
    try:
        server.run(sockets=[sock])
    except _Stop:
        pass
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
    if not server.started:
        raise ArgumentError("the service could not start (see the log above)")


class _Stop(Exception):
    """The service was asked to stop (SIGINT or SIGTERM) and has shut down."""


def _stopped(signum: int, frame: object) -> None:
    raise _Stop(signum)
