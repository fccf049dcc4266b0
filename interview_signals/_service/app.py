"""The HTTP service and the page: an ASGI app on Starlette, served by uvicorn.

``create_app(engine=None)`` returns the app (mount it in a coaching tool's own ASGI app);
``serve(...)`` runs it (``interview-signals serve``). Needs the ``serve`` extra.

Why plain Starlette: the JSON contract already has one source, the schemas ``_schema``
generates from the vocabulary and the attrs output types; a framework that derives schemas
from request and response types would make a second one (FastAPI wants pydantic models;
Litestar's attrs plugin would describe the attrs fields, not the ``to_dict`` forms the
contract is). Starlette routes, streams bodies (so the size limit holds before parsing),
and adds two small dependencies. An assessment is computed on the event loop (0.1-0.2 ms;
a thread hop costs more than that saves), a search in a thread of the app's own.

Neighbours: ``http`` holds the HTTP plumbing (problem documents, bodies within a
limit, the version header); ``operations`` the observation endpoints as data.

Every response is JSON (the page's files aside), carries ``X-Interview-Signals-Version``,
and an error is an RFC 9457 problem document, never a traceback.

Languages: every language the engine can speak is served; a request picks one with
``?lang=`` (an unknown one is a 400), else ``Accept-Language``, else the service's own, and
its answer carries ``Content-Language``. The page is served in its request's language
(``index.html``'s ``{{key}}`` marks filled in, escaped) and asks the API in it.
"""

from __future__ import annotations

import asyncio
import functools
import html
import os
import re
import signal
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from importlib import resources
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.staticfiles import StaticFiles

from .._engine import Engine
from .._errors import ArgumentError, ObservationError, RulebookError
from .._jsonio import dump_json
from .._quoting import quoted
from .._schema import SchemaUnavailable, schema
from .._texts import match_language, negotiate
from .._version import __version__
from .http import (
    VERSION_HEADER,
    Handler,
    HTTPProblem,
    TrailingSlash,
    VersionHeader,
    guarded,
    http_error,
    internal_error,
    json_body,
    json_kind,
    json_response,
    mount_prefix,
)
from .openapi import Health, Operation, openapi_document
from .operations import OPERATIONS, rules_body, texts_body

DEFAULT_MAX_BODY = 64 * 1024
"""The largest request body accepted, in bytes (an observation document is ~1 KiB)."""

_PAGE = resources.files("interview_signals._service") / "page"
_MOUNTS = 8
"""How many mount prefixes' OpenAPI documents an app keeps made (an app has one or two)."""
_THREADS = 2
"""Threads running an app's searches (consult, what-if) and large bodies: the engine takes
one call at a time (its lock) and Python one thread at a time (the GIL); a second keeps one
long search from holding up every other entirely."""
_ON_THE_LOOP_BYTES = 4096
"""The largest body an assessment or a session is computed for on the event loop. Real ones
are 0.5-2 KiB; a hostile one near the 64 KiB limit (thousands of unknown names) takes the
library some 150 ms to refuse, which must not stall every other connection."""


class _Endpoints:
    """The handlers of one app, sharing its engine (in each language it speaks) and limits."""

    def __init__(self, engine: Engine, max_body: int) -> None:
        self.engine = engine
        self.max_body = max_body
        self.speakers: dict[str, Engine] = {}
        """The engine in each language served (a shipped translation that does not fit
        a pack's rulebook is left out)."""
        for tag in engine.languages:
            try:
                self.speakers[tag] = engine.in_language(tag)
            except RulebookError:
                continue
        self.languages = list(self.speakers)
        named = [{"tag": t, "name": e.texts.name} for t, e in self.speakers.items()]
        self._rules = {t: dump_json(rules_body(engine.rulebook, e.texts))
                       for t, e in self.speakers.items()}
        self._texts = {t: dump_json(texts_body(e.texts, named))
                       for t, e in self.speakers.items()}
        self._pages: dict[str, bytes] = {}
        self._lock = threading.Lock()
        self._openapi: dict[str, str] = {}  # by mount prefix
        self._threads: ThreadPoolExecutor | None = None

    def language(self, request: Request) -> str:
        """The language of a request: ``?lang=``, else ``Accept-Language``, else the
        engine's; a ``?lang=`` no language matches is a 400."""
        asked = request.query_params.get("lang") if request.scope.get("query_string") \
            else None
        if asked is not None and match_language(asked, self.languages) is None:
            raise ArgumentError(f"lang: expected one of {', '.join(self.languages)}, got "
                                f"{quoted(asked, 40)}")
        return negotiate(asked, request.headers.get("accept-language"), self.languages,
                         self.engine.language)

    def observation_endpoint(self, operation: Operation) -> Handler:
        """The handler of one ``Operation``: limits, JSON, then the computation, on the
        event loop or, for a search, in the app's threads."""
        async def handle(request: Request) -> Response:
            tag = self.language(request)
            asked = request.scope.get("query_string")  # parsed only when there is one
            options = {p.name: p.read(request.query_params.getlist(p.name) if asked else [])
                       for p in operation.parameters}
            data, size = await json_body(request, self.max_body)
            if not isinstance(data, dict):
                raise ObservationError(operation.request, operation.request_expected,
                                       json_kind(data))
            engine = self.speakers[tag]
            if operation.searches or size > _ON_THE_LOOP_BYTES:
                body = await self.off_the_loop(operation.compute, engine, data, options)
            else:
                # On the loop: while a search holds the engine (one replay, ~0.1 ms, at a
                # time) this waits for that replay and the GIL, as any handler would.
                body = operation.compute(engine, data, options)
            response = json_response(body)
            response.headers["Content-Language"] = tag
            return response
        return handle

    async def off_the_loop(self, compute: Callable[..., object], *args: object) -> object:
        """``compute(*args)`` in the app's few threads, so the event loop goes on serving
        while it runs: a search (milliseconds to seconds), or an unusually large body. Any
        other request (an assessment, a session: 0.1-0.2 ms) is computed on the loop itself,
        since handing it to a thread cost 50-100 us of CPU more than the computation saves
        (docs/benchmarks.md). Another event loop than asyncio's (trio) gets anyio's thread
        pool."""
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return await run_in_threadpool(compute, *args)
        if self._threads is None:
            self._threads = ThreadPoolExecutor(_THREADS, thread_name_prefix="interview-signals")
        return await loop.run_in_executor(self._threads, functools.partial(compute, *args))

    async def schema(self, request: Request) -> Response:
        name = request.path_params["name"]
        try:
            return json_response(schema(name))
        except SchemaUnavailable as exc:
            raise HTTPProblem(404, "No such schema", str(exc)) from exc

    async def rules(self, request: Request) -> Response:
        tag = self.language(request)
        return Response(self._rules[tag], media_type="application/json",
                        headers={"Content-Language": tag})

    async def texts(self, request: Request) -> Response:
        tag = self.language(request)
        return Response(self._texts[tag], media_type="application/json",
                        headers={"Content-Language": tag})

    async def healthz(self, request: Request) -> Response:
        body: Health = {"status": "ok", "version": __version__,
                         "rules": len(self.engine.rulebook.rules)}
        return json_response(body)

    async def openapi(self, request: Request) -> Response:
        server = mount_prefix(request.scope) or "/"
        body = self._openapi.get(server)
        if body is None:
            body = dump_json(openapi_document(OPERATIONS, self.engine.rulebook, server=server))
            if len(self._openapi) < _MOUNTS:
                self._openapi[server] = body
        return Response(body, media_type="application/json")

    async def index(self, request: Request) -> Response:
        sent = request.scope.get("raw_path")
        if isinstance(sent, bytes) and not sent.endswith(b"/"):
            # The page's links are relative to its folder: /signals becomes /signals/ (the
            # last segment and a slash, so no prefix needs to be known).
            last = sent.rsplit(b"/", 1)[-1].decode("latin-1")
            query = f"?{request.url.query}" if request.url.query else ""
            return Response(status_code=307, headers={"Location": f"{last}/{query}"})
        tag = self.language(request)
        with self._lock:
            page = self._pages.get(tag)
        if page is None:
            page = self._page(tag)
            with self._lock:
                self._pages[tag] = page
        return Response(page, media_type="text/html", headers={"Content-Language": tag})

    def _page(self, tag: str) -> bytes:
        """``index.html`` in language ``tag``: each ``{{key}}`` its text, escaped."""
        texts = self.speakers[tag].texts
        switch = "".join(
            f'<a href="?lang={html.escape(t)}" lang="{html.escape(t)}" hreflang="{html.escape(t)}"'
            + (' aria-current="true"' if t == tag else "")
            + f">{html.escape(e.texts.name)}</a>" for t, e in self.speakers.items())
        values = {"lang": tag, "languages": switch if len(self.speakers) > 1 else ""}

        def fill(match: re.Match[str]) -> str:
            key = match.group(1)
            if key in values:
                return values[key] if key == "languages" else html.escape(values[key])
            return html.escape(texts(key), quote=True)
        template = (_PAGE / "index.html").read_text(encoding="utf-8")
        return re.sub(r"\{\{([a-z_.]+)\}\}", fill, template).encode("utf-8")


def create_app(engine: Engine | None = None, *, max_body: int = DEFAULT_MAX_BODY,
               cors_origins: Sequence[str] = (), language: str | None = None) -> Starlette:
    """The ASGI app of the service and the page, on ``engine`` (default rulebook if None),
    in every language the engine speaks; ``language``: the one for a request that asks for
    none of them (the engine's own when None).

    Mount it inside another ASGI app (``Mount("/signals", app=create_app())``) or run it
    with any ASGI server. ``max_body`` caps request bodies (413 beyond it); CORS stays off
    unless ``cors_origins`` names the origins allowed to call the API from a browser.
    """
    if max_body < 1:
        raise ArgumentError(f"max_body: expected a positive number of bytes, got {max_body}")
    engine = engine or Engine.default()
    endpoints = _Endpoints(engine if language is None else engine.in_language(language),
                           max_body)
    routes = [
        Route("/", guarded(endpoints.index), methods=["GET"]),
        *(Route(op.path, guarded(endpoints.observation_endpoint(op)), methods=["POST"])
          for op in OPERATIONS),
        Route("/v1/schema/{name}", guarded(endpoints.schema), methods=["GET"]),
        Route("/v1/rules", guarded(endpoints.rules), methods=["GET"]),
        Route("/v1/texts", guarded(endpoints.texts), methods=["GET"]),
        Route("/v1/healthz", guarded(endpoints.healthz), methods=["GET"]),
        Route("/openapi.json", guarded(endpoints.openapi), methods=["GET"]),
    ]
    app = Starlette(
        routes=routes,
        middleware=[Middleware(TrailingSlash), Middleware(VersionHeader),
                    *([Middleware(CORSMiddleware, allow_origins=list(cors_origins),
                                  allow_methods=["GET", "POST"],
                                  allow_headers=["Content-Type"],
                                  expose_headers=[VERSION_HEADER])]
                      if cors_origins else [])],
        exception_handlers={HTTPException: http_error, Exception: internal_error})
    app.router.redirect_slashes = False  # a redirect could leave the mount (TrailingSlash)
    app.mount("/page", StaticFiles(directory=str(_PAGE)), name="page")
    return app


# --- running it ---------------------------------------------------------------------------

_ENV = "INTERVIEW_SIGNALS_SERVE"


def app_from_environment() -> Starlette:
    """The app a uvicorn worker builds (``serve`` passes its options in the environment,
    because each worker process builds its own engine)."""
    import json

    options: dict[str, Any] = json.loads(os.environ.get(_ENV, "{}"))
    rules: list[str] = options.get("rules", [])
    no_default = bool(options.get("no_default", False))
    engine = Engine.from_paths(*rules, include_default=not no_default) \
        if rules or no_default else Engine.default()
    return create_app(engine, max_body=int(options.get("max_body", DEFAULT_MAX_BODY)),
                      cors_origins=options.get("cors_origins", []),
                      language=options.get("language"))


def serve(*, host: str = "127.0.0.1", port: int = 8000, rules: Sequence[str | Path] = (),
          no_default: bool = False, workers: int = 1, cors_origins: Sequence[str] = (),
          max_body: int = DEFAULT_MAX_BODY, access_log: bool = False,
          language: str | None = None) -> None:
    """Run the service on uvicorn until SIGINT or SIGTERM; returns after a clean shutdown.

    The rulebook is loaded once here, so a bad pack fails before the server starts.
    """
    import json

    import uvicorn

    if workers < 1:
        raise ArgumentError(f"workers: expected a positive integer, got {workers}")
    engine = Engine.from_paths(*rules, include_default=not no_default) \
        if rules or no_default else Engine.default()  # fail early, with the rulebook's error
    if language is not None:
        engine.in_language(language)  # an unknown language fails early too
    os.environ[_ENV] = json.dumps({"rules": [str(r) for r in rules], "no_default": no_default,
                                   "cors_origins": list(cors_origins), "max_body": max_body,
                                   "language": language})
    # uvicorn shuts down gracefully on SIGINT and SIGTERM, then raises the signal again for
    # the handler that was there before it: make that handler end the run quietly, so a
    # stopped service returns (exit status 0) instead of dying by the signal or a traceback.
    previous = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    for s in previous:
        signal.signal(s, _stopped)
    try:
        uvicorn.run("interview_signals._service.app:app_from_environment", factory=True,
                    host=host, port=port, workers=workers, access_log=access_log,
                    log_level="info", server_header=False, timeout_graceful_shutdown=5)
    except _Stop:
        pass
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


class _Stop(Exception):
    """The service was asked to stop (SIGINT or SIGTERM) and has shut down."""


def _stopped(signum: int, frame: object) -> None:
    raise _Stop(signum)
