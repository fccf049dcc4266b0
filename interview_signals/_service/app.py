"""The HTTP service and the page: an ASGI app on Starlette, served by uvicorn.

``create_app(engine=None)`` returns the app (mount it in a coaching tool's own ASGI app);
``server.serve(...)`` runs it (``interview-signals serve``). Needs the ``serve`` extra.

Why plain Starlette: the JSON contract already has one source, the schemas ``_schema``
generates from the vocabulary and the attrs output types; a framework that derives schemas
from request and response types would make a second one (FastAPI wants pydantic models;
Litestar's attrs plugin would describe the attrs fields, not the ``to_dict`` forms the
contract is). Starlette routes, streams bodies (so the size limit holds before parsing),
and adds two small dependencies. An assessment is computed on the event loop (0.1-0.2 ms;
a thread hop costs more than that saves), a search in a thread of the app's own.

Searches cannot starve the rest: at most ``max_searches`` run at once (503 with
``Retry-After`` past that, at once, never queued), each within the engine's time budget,
and a search whose client goes away (``http.disconnect``) is cancelled within a second.

Neighbours: ``http`` holds the HTTP plumbing (problem documents, bodies within a
limit, the version header, the Host check); ``operations`` the observation endpoints as
data; ``server`` runs the app on uvicorn (``serve``) with its connection limits.

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
import logging
import math
import re
import threading
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from importlib import resources

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
from .._errors import ArgumentError, ObservationError, RulebookError, SearchCancelled
from .._jsonio import dump_json
from .._quoting import quoted
from .._schema import SchemaUnavailable, schema
from .._texts import match_language, negotiate
from .._version import __version__
from .http import (
    VERSION_HEADER,
    AllowedHosts,
    Handler,
    HTTPProblem,
    JSONBody,
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
from .operations import CANCEL, OPERATIONS, rules_body, texts_body

DEFAULT_MAX_BODY = 64 * 1024
"""The largest request body accepted, in bytes (an observation document is ~1 KiB)."""

_PAGE = resources.files("interview_signals._service") / "page"
_MOUNTS = 8
"""How many mount prefixes' OpenAPI documents an app keeps made (an app has one or two)."""
DEFAULT_MAX_SEARCHES = 2
"""Searches (consult, what-if) one app runs at once by default, each in a thread of its
own: the engine takes one call at a time (its lock) and Python one thread at a time (the
GIL); a second keeps one long search from holding up every other entirely. The app has one
thread more, for large bodies, so a full house of searches never queues them."""
MAX_QUERY_VALUE = 256
"""The most characters a query parameter's value may have (the longest real one, a field
path, has under 40), and the most values a repeated one may have."""

_log = logging.getLogger("interview_signals.service")
_ON_THE_LOOP_BYTES = 4096
"""The largest body an assessment or a session is computed for on the event loop. Real ones
are 0.5-2 KiB; a hostile one near the 64 KiB limit (thousands of unknown names) takes the
library some 150 ms to refuse, which must not stall every other connection."""


class _Endpoints:
    """The handlers of one app, sharing its engine (in each language it speaks) and limits."""

    def __init__(self, engine: Engine, max_body: int, max_searches: int) -> None:
        self.engine = engine
        self.max_body = max_body
        self.max_searches = max_searches
        self.searching = 0
        """Searches running now (in a thread, until it has returned: a cancelled one until
        it has stopped). Counted on the event loop, so no lock is needed."""
        self.stopping = False
        """Set when the server stops: searches running are cancelled, new ones refused."""
        self._cancels: set[threading.Event] = set()
        self._reading: set[asyncio.Task[object]] = set()
        """The handlers waiting for their request's body now (on asyncio's loop)."""
        self.reading_stopped = False
        """Set when the server stopping has cut short the wait for bodies still arriving."""
        self._reading_timer: asyncio.TimerHandle | None = None
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
            options = {p.name: p.read(_values(p.name, request.query_params.getlist(p.name))
                                      if asked else [])
                       for p in operation.parameters}
            data, size = await self.body(request)
            if not isinstance(data, dict):
                raise ObservationError(operation.request, operation.request_expected,
                                       json_kind(data))
            engine = self.speakers[tag]
            if operation.searches:
                body = await self.search(request, operation.compute, engine, data, options)
            elif size > _ON_THE_LOOP_BYTES:
                body = await self.off_the_loop(operation.compute, engine, data, options)
            else:
                # On the loop: while a search holds the engine (one replay, ~0.1 ms, at a
                # time) this waits for that replay and the GIL, as any handler would.
                body = operation.compute(engine, data, options)
            response = json_response(body)
            response.headers.update(_spoken(tag))
            return response
        return handle

    async def search(self, request: Request, compute: Callable[..., object], engine: Engine,
                     data: dict[str, object], options: Mapping[str, object]) -> object:
        """A consultation or what-if in a thread of the app's own, refused with 503 at once
        when ``max_searches`` already run, and cancelled when the client goes away."""
        wait = self.retry_seconds()
        if self.stopping:
            raise _stopping(wait)
        if self.searching >= self.max_searches:
            raise HTTPProblem(503, "Too many searches at once",
                              f"this service runs at most {self.max_searches} consultations "
                              f"and what-ifs at once; retry in {wait} s",
                              headers={"Retry-After": str(wait)})
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # another event loop than asyncio's (trio): counted, but not
            self.searching += 1  # cancelled when the client goes (its budget ends it)
            try:
                return await run_in_threadpool(compute, engine, data, options)
            finally:
                self.searching -= 1
        cancel = threading.Event()
        self._cancels.add(cancel)
        self.searching += 1
        running = loop.run_in_executor(self._pool(), functools.partial(
            compute, engine, data, {**options, CANCEL: cancel}))
        running.add_done_callback(self._search_ended)
        gone = asyncio.ensure_future(_disconnected(request))
        try:
            await asyncio.wait((running, gone), return_when=asyncio.FIRST_COMPLETED)
            if not running.done():  # the client went away: stop the search
                cancel.set()
            return await running
        except SearchCancelled as exc:
            if self.stopping:
                raise _stopping(wait) from exc
            _log.info("%s %s: the client went away; its search was stopped",
                      request.method, request.url.path)
            raise HTTPProblem(503, "Cancelled", "the client went away") from exc
        finally:
            if not running.done():  # this handler was cancelled (the server stopping)
                cancel.set()
            gone.cancel()
            self._cancels.discard(cancel)

    async def body(self, request: Request) -> JSONBody:
        """The request's body as JSON (``json_body``); a server stopping may cut short the
        wait for one still arriving (``stop_reading``), which is then a 503."""
        if self.reading_stopped:
            raise self._cut_short(request)
        try:
            task = asyncio.current_task()
        except RuntimeError:  # another event loop than asyncio's (trio): not cut short
            task = None
        if task is None:
            return await json_body(request, self.max_body)
        self._reading.add(task)
        try:
            return await json_body(request, self.max_body)
        except asyncio.CancelledError:
            if not self.reading_stopped or task.cancelling() > 1:
                raise  # cancelled by someone else (the server, past its graceful period)
            task.uncancel()
            raise self._cut_short(request) from None
        finally:
            self._reading.discard(task)

    def stop_reading(self, after: float) -> None:
        """In ``after`` seconds, stop waiting for the bodies still arriving: each of those
        requests answers 503 (``body``), and new ones at once."""
        if self._reading_timer is not None or self.reading_stopped:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            self._cut_reading()
            return
        self._reading_timer = loop.call_later(after, self._cut_reading)

    def _cut_reading(self) -> None:
        self.reading_stopped = True
        for task in self._reading:
            task.cancel()

    def _cut_short(self, request: Request) -> HTTPProblem:
        _log.info("%s %s: the service stopped before the request arrived whole; answered "
                  "503", request.method, request.url.path)
        problem = _stopping(self.retry_seconds())
        # The rest of the body is not read, so the connection cannot carry another request.
        problem.headers = {**(problem.headers or {}), "Connection": "close"}
        return problem

    def retry_seconds(self) -> int:
        """The ``Retry-After`` of a 503: the search budget in whole seconds, at least 1."""
        return max(1, math.ceil(self.engine.search_seconds))

    def stop(self) -> None:
        """Cancel the searches running and refuse new ones (503): the server is stopping,
        and a search must not keep it, or its clients, waiting."""
        self.stopping = True
        for cancel in self._cancels:
            cancel.set()

    def _search_ended(self, running: object) -> None:
        self.searching -= 1

    def _pool(self) -> ThreadPoolExecutor:
        if self._threads is None:
            self._threads = ThreadPoolExecutor(self.max_searches + 1,
                                               thread_name_prefix="interview-signals")
        return self._threads

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
        return await loop.run_in_executor(self._pool(), functools.partial(compute, *args))

    async def schema(self, request: Request) -> Response:
        name = request.path_params["name"]
        try:
            return json_response(schema(name))
        except SchemaUnavailable as exc:
            raise HTTPProblem(404, "No such schema", str(exc)) from exc

    async def rules(self, request: Request) -> Response:
        tag = self.language(request)
        return Response(self._rules[tag], media_type="application/json",
                        headers=_spoken(tag))

    async def texts(self, request: Request) -> Response:
        tag = self.language(request)
        return Response(self._texts[tag], media_type="application/json",
                        headers=_spoken(tag))

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
        return Response(page, media_type="text/html", headers=_spoken(tag))

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


def _spoken(tag: str) -> dict[str, str]:
    """The headers of an answer in language ``tag``: which language, and that it depends on
    ``Accept-Language`` (so that no shared cache gives one reader's language to another)."""
    return {"Content-Language": tag, "Vary": "Accept-Language"}

def create_app(engine: Engine | None = None, *, max_body: int = DEFAULT_MAX_BODY,
               cors_origins: Sequence[str] = (), max_searches: int = DEFAULT_MAX_SEARCHES,
               allowed_hosts: Sequence[str] | None = None,
               language: str | None = None) -> Starlette:
    """The ASGI app of the service and the page, on ``engine`` (default rulebook if None),
    in every language the engine speaks; ``language``: the one for a request that asks for
    none of them (the engine's own when None).

    Mount it inside another ASGI app (``Mount("/signals", app=create_app())``) or run it
    with any ASGI server. ``max_body`` caps request bodies (413 beyond it); CORS stays off
    unless ``cors_origins`` names the origins allowed to call the API from a browser.
    ``max_searches`` caps the consultations and what-ifs running at once (503 with
    ``Retry-After`` beyond it). ``allowed_hosts``, when given, are the only ``Host`` names
    answered (``localhost``, ``*.example.com``; any port), others get 421, so that a web
    page cannot reach a local service by DNS rebinding, and a malformed ``Host`` gets 400
    (``["*"]``: any name, well formed); None (the default) answers any ``Host``, leaving
    its form to the server.
    """
    for name, value in (("max_body", max_body), ("max_searches", max_searches)):
        if type(value) is not int or value < 1:
            raise ArgumentError(f"{name}: expected a positive integer, got {value!r}"[:200])
    if allowed_hosts is not None and (isinstance(allowed_hosts, str) or not all(
            isinstance(h, str) and h for h in allowed_hosts)):
        raise ArgumentError("allowed_hosts: expected a list of host names (or None for "
                            f"any), got {allowed_hosts!r}"[:200])
    engine = engine or Engine.default()
    endpoints = _Endpoints(engine if language is None else engine.in_language(language),
                           max_body, max_searches)
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
        middleware=[*([Middleware(AllowedHosts, names=list(allowed_hosts))]
                      if allowed_hosts is not None else []),
                    Middleware(TrailingSlash), Middleware(VersionHeader),
                    *([Middleware(CORSMiddleware, allow_origins=list(cors_origins),
                                  allow_methods=["GET", "POST"],
                                  allow_headers=["Content-Type"],
                                  expose_headers=[VERSION_HEADER])]
                      if cors_origins else [])],
        exception_handlers={HTTPException: http_error, Exception: internal_error})
    app.router.redirect_slashes = False  # a redirect could leave the mount (TrailingSlash)
    app.mount("/page", StaticFiles(directory=str(_PAGE)), name="page")
    app.state.interview_signals = endpoints
    return app


def stop_searches(app: Starlette) -> None:
    """Stop the searches of an app made by ``create_app`` (a server shutting down): those
    running answer 503 as soon as they notice (well within a second), new ones at once."""
    endpoints = getattr(app.state, "interview_signals", None)
    if isinstance(endpoints, _Endpoints):
        endpoints.stop()


def stop_reading(app: Starlette, after: float) -> None:
    """Give the requests of an app made by ``create_app`` whose body is still arriving
    ``after`` seconds to finish it (a server shutting down), then answer them 503 with
    ``Connection: close``, so that none is still waiting when the server cancels what runs
    at the end of its graceful period (uvicorn then answers 500 and logs a traceback)."""
    endpoints = getattr(app.state, "interview_signals", None)
    if isinstance(endpoints, _Endpoints):
        endpoints.stop_reading(after)


def _stopping(wait: int) -> HTTPProblem:
    return HTTPProblem(503, "Service stopping", "the service is stopping; retry in "
                       f"{wait} s (perhaps on another instance)",
                       headers={"Retry-After": str(wait)})


def _values(name: str, values: list[str]) -> list[str]:
    """A query parameter's values, refused (400) past ``MAX_QUERY_VALUE`` characters or
    values before any reader looks at them."""
    if len(values) > MAX_QUERY_VALUE:
        raise ArgumentError(f"{name}: expected at most {MAX_QUERY_VALUE} values, "
                            f"got {len(values):,}")
    for value in values:
        if len(value) > MAX_QUERY_VALUE:
            raise ArgumentError(f"{name}: expected at most {MAX_QUERY_VALUE} characters, "
                                f"got {len(value):,}")
    return values


async def _disconnected(request: Request) -> None:
    """Return once the client has gone (ASGI ``http.disconnect``), the body being read."""
    while True:
        message = await request.receive()
        if message["type"] == "http.disconnect":
            return
