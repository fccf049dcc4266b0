"""The HTTP service and the page: an ASGI app on Starlette, served by uvicorn.

``create_app(engine=None)`` returns the app (mount it in a coaching tool's own ASGI app);
``serve(...)`` runs it (``interview-signals serve``). Needs the ``serve`` extra.

Why plain Starlette: the JSON contract already has one source, the schemas ``_schema``
generates from the vocabulary and the attrs output types; a framework that derives schemas
from request and response types would make a second one (FastAPI wants pydantic models;
Litestar's attrs plugin would describe the attrs fields, not the ``to_dict`` forms the
contract is). Starlette routes, streams bodies (so the size limit holds before parsing),
runs the engine in its thread pool, and adds two small dependencies.

Every response is JSON (the page's files aside), carries ``X-Interview-Signals-Version``,
and an error is an RFC 9457 problem document, never a traceback.
"""

from __future__ import annotations

import functools
import logging
import os
import signal
from collections.abc import Awaitable, Callable, Mapping, Sequence
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
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from . import __version__
from ._engine import Engine
from ._errors import ArgumentError, ObservationError
from ._jsonio import UnreadableJSON, dump_json, load_json
from ._openapi import Health, Operation, Parameter, RulesBody, openapi_document
from ._rules import Rulebook, rule_rows
from ._schema import SchemaUnavailable, schema
from ._vocabulary import VOCABULARY

VERSION_HEADER = "X-Interview-Signals-Version"
DEFAULT_MAX_BODY = 64 * 1024
"""The largest request body accepted, in bytes (an observation document is ~1 KiB)."""

_log = logging.getLogger("interview_signals.service")
_PAGE = resources.files("interview_signals") / "page"


class _Problem(Exception):
    """An error response: status, title and detail, plus the observation problems."""

    def __init__(self, status: int, title: str, detail: str,
                 problems: Sequence[Mapping[str, str]] = ()) -> None:
        super().__init__(detail)
        self.status, self.title, self.detail, self.problems = status, title, detail, problems


def _problem_response(status: int, title: str, detail: str,
                      problems: Sequence[Mapping[str, str]] = ()) -> Response:
    body: dict[str, object] = {"type": "about:blank", "title": title, "status": status,
                               "detail": detail}
    if problems:
        body["problems"] = list(problems)
    return Response(dump_json(body), status_code=status, media_type="application/problem+json",
                    headers={VERSION_HEADER: __version__})


def _json(data: object) -> Response:
    return Response(dump_json(data), media_type="application/json")


def observation_problems(error: ObservationError) -> list[dict[str, str]]:
    """The problems of an observation error as JSON: path, expected, got, message."""
    return [p.to_dict() for p in error.problems]


async def _body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 as soon as it passes ``limit`` bytes: by its
    Content-Length before reading, and while reading for bodies sent in chunks."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise _Problem(413, "Request body too large",
                       f"the body is {declared} bytes; the limit is {limit} bytes")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _Problem(413, "Request body too large",
                           f"the body passed the limit of {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


async def _json_body(request: Request, limit: int) -> object:
    raw = await _body(request, limit)
    if not raw.strip():
        raise _Problem(400, "Malformed JSON", "the body is empty; expected a JSON object "
                       "of observations")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _Problem(400, "Malformed JSON",
                       f"the body is not UTF-8 ({exc.reason} at byte {exc.start})") from exc
    try:
        return load_json(text)
    except UnreadableJSON as exc:
        where = f" at line {exc.line} column {exc.column}" if exc.line is not None else ""
        raise _Problem(400, "Malformed JSON", f"{exc.reason}{where}") from exc


Handler = Callable[[Request], Awaitable[Response]]


def _guarded(handler: Handler) -> Handler:
    """Turn every failure of a handler into a problem document; log the unexpected ones."""
    @functools.wraps(handler)
    async def run(request: Request) -> Response:
        try:
            return await handler(request)
        except _Problem as exc:
            return _problem_response(exc.status, exc.title, exc.detail, exc.problems)
        except ObservationError as exc:
            return _problem_response(422, "Invalid observations", str(exc),
                                     observation_problems(exc))
        except ArgumentError as exc:
            return _problem_response(400, "Bad query parameter", str(exc))
        except Exception:
            _log.exception("internal error on %s %s", request.method, request.url.path)
            return _problem_response(500, "Internal error",
                                     "the service failed on this request; it was logged")
    return run


# --- the observation endpoints, as data -------------------------------------------------

def _one(name: str, values: list[str]) -> str | None:
    if len(values) > 1:
        raise ArgumentError(f"{name}: expected at most one value, got {len(values)}")
    return values[0] if values else None


def _read_flag(name: str) -> Callable[[list[str]], object]:
    def read(values: list[str]) -> bool:
        value = (_one(name, values) or "false").lower()
        if value in ("true", "1", "yes"):
            return True
        if value in ("false", "0", "no", ""):
            return False
        raise ArgumentError(f"{name}: expected true or false, got {value!r}")
    return read


def _read_skip(values: list[str]) -> tuple[str, ...]:
    for value in values:
        if value not in VOCABULARY:
            raise ArgumentError(f"skip: expected a field path such as "
                                f"thank_you.response_received, got {value!r}")
    return tuple(dict.fromkeys(values))


MAX_WHAT_IF_LIMIT = 50
"""The most what-if options one request may ask for (the search grows with it)."""


def _read_limit(values: list[str]) -> int:
    value = _one("limit", values)
    if value is None:
        return 10
    if not value.isdigit() or not 1 <= int(value) <= MAX_WHAT_IF_LIMIT:
        raise ArgumentError(f"limit: expected a whole number from 1 to {MAX_WHAT_IF_LIMIT}, "
                            f"got {value!r}")
    return int(value)


def _read_target(values: list[str]) -> str | None:
    return _one("target", values)


_TRACE = Parameter(name="trace", description="include the rule-by-rule trace of the "
                   "assessment", schema={"type": "boolean", "default": False},
                   read=_read_flag("trace"))


def _without_trace(assessment: dict[str, object], options: Mapping[str, object]
                   ) -> dict[str, object]:
    if not options.get("trace"):
        del assessment["trace"]
    return assessment


def _assess(engine: Engine, observations: dict[str, object], options: Mapping[str, object]
            ) -> object:
    return _without_trace(engine.assess(observations).to_dict(), options)


def _consult(engine: Engine, observations: dict[str, object], options: Mapping[str, object]
             ) -> object:
    skipped = options["skip"]
    assert isinstance(skipped, tuple)
    body = engine.consult(observations, skipped=skipped).to_dict()
    assessment = body["assessment"]
    assert isinstance(assessment, dict)
    _without_trace(assessment, options)
    return body


def _what_if(engine: Engine, observations: dict[str, object], options: Mapping[str, object]
             ) -> object:
    target, limit = options["target"], options["limit"]
    verdicts = [v.id for v in engine.rulebook.verdicts]
    if target is not None and target not in verdicts:
        raise ArgumentError(f"target: expected one of {', '.join(verdicts)}, got {target!r}")
    assert isinstance(target, str | None)
    assert isinstance(limit, int)
    return engine.what_if(observations, target, limit=limit,
                          include_fixed=bool(options["include_fixed"])).to_dict()


OPERATIONS: list[Operation] = [
    Operation(path="/v1/assess", operation_id="assess", summary="Assess one interview",
              schema="assessment", component="Assessment", compute=_assess,
              parameters=(_TRACE,)),
    Operation(path="/v1/consult", operation_id="consult",
              summary="The next questions that matter, why, and the verdicts still reachable",
              schema="consultation", component="Consultation", compute=_consult,
              parameters=(_TRACE, Parameter(
                  name="skip", repeated=True, read=_read_skip,
                  description="a field the candidate cannot know (\"don't know\"): never "
                  "asked again; repeat the parameter for each field",
                  schema={"type": "string", "enum": list(VOCABULARY)}))),
    Operation(path="/v1/what-if", operation_id="what_if",
              summary="The smallest sets of changes that reach a better verdict",
              schema="what-if", component="WhatIf", compute=_what_if,
              parameters=(
                  Parameter(name="target", read=_read_target, schema={"type": "string"},
                            description="the verdict to reach, or better (default: any "
                            "verdict better than the current one)"),
                  Parameter(name="include_fixed", read=_read_flag("include_fixed"),
                            schema={"type": "boolean", "default": False},
                            description="also change facts already recorded (a different "
                            "past, for coaches)"),
                  Parameter(name="limit", read=_read_limit,
                            schema={"type": "integer", "minimum": 1,
                                    "maximum": MAX_WHAT_IF_LIMIT, "default": 10},
                            description="the most change sets to return"))),
]
"""The observation endpoints: their routes, query parameters, limits, errors, the thread
pool and their OpenAPI entries all come from this list."""


def rules_body(book: Rulebook) -> RulesBody:
    """The rulebook as the ``GET /v1/rules`` body: each rule in words, and the verdicts."""
    return {"rules": rule_rows(book), "verdicts": [v.id for v in book.verdicts]}


class _Endpoints:
    """The handlers of one app, sharing its engine and limits."""

    def __init__(self, engine: Engine, max_body: int) -> None:
        self.engine = engine
        self.max_body = max_body
        self._rules = dump_json(rules_body(engine.rulebook))

    def observation_endpoint(self, operation: Operation) -> Handler:
        """The handler of one ``Operation``: limits, JSON, the engine off the event loop."""
        async def handle(request: Request) -> Response:
            options = {p.name: p.read(request.query_params.getlist(p.name))
                       for p in operation.parameters}
            data = await _json_body(request, self.max_body)
            if not isinstance(data, dict):
                raise ObservationError("observations", "a JSON object of observation groups",
                                       _kind(data))
            return _json(await run_in_threadpool(operation.compute, self.engine, data,
                                                 options))
        return handle

    async def schema(self, request: Request) -> Response:
        name = request.path_params["name"]
        try:
            return _json(schema(name))
        except SchemaUnavailable as exc:
            raise _Problem(404, "No such schema", str(exc)) from exc

    async def rules(self, request: Request) -> Response:
        return Response(self._rules, media_type="application/json")

    async def healthz(self, request: Request) -> Response:
        body: Health = {"status": "ok", "version": __version__,
                         "rules": len(self.engine.rulebook.rules)}
        return _json(body)

    async def openapi(self, request: Request) -> Response:
        return _json(openapi_document(OPERATIONS))

    async def index(self, request: Request) -> Response:
        return Response((_PAGE / "index.html").read_bytes(), media_type="text/html")


def _kind(value: object) -> str:
    if isinstance(value, list):
        return "a list (array)"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool) or value is None:
        return "true" if value is True else "false" if value is False else "null"
    return "a number"


class _VersionHeader:
    """Pure ASGI middleware: every HTTP response says which library version answered."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_version(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", [])
                           if k.lower() != VERSION_HEADER.lower().encode()]
                headers.append((VERSION_HEADER.lower().encode(), __version__.encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_version)


async def _http_error(request: Request, exc: Exception) -> Response:
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    if status == 404:
        return _problem_response(404, "Not found", f"no resource at {request.url.path}")
    if status == 405:
        return _problem_response(405, "Method not allowed",
                                 f"{request.method} is not allowed on {request.url.path}")
    detail = exc.detail if isinstance(exc, HTTPException) else "internal error"
    return _problem_response(status, "Error", str(detail))


async def _internal_error(request: Request, exc: Exception) -> Response:
    return _problem_response(500, "Internal error",
                             "the service failed on this request; it was logged")


def create_app(engine: Engine | None = None, *, max_body: int = DEFAULT_MAX_BODY,
               cors_origins: Sequence[str] = ()) -> Starlette:
    """The ASGI app of the service and the page, on ``engine`` (default rulebook if None).

    Mount it inside another ASGI app (``Mount("/signals", app=create_app())``) or run it
    with any ASGI server. ``max_body`` caps request bodies (413 beyond it); CORS stays off
    unless ``cors_origins`` names the origins allowed to call the API from a browser.
    """
    if max_body < 1:
        raise ArgumentError(f"max_body: expected a positive number of bytes, got {max_body}")
    endpoints = _Endpoints(engine or Engine.default(), max_body)
    routes = [
        Route("/", _guarded(endpoints.index), methods=["GET"]),
        *(Route(op.path, _guarded(endpoints.observation_endpoint(op)), methods=["POST"])
          for op in OPERATIONS),
        Route("/v1/schema/{name}", _guarded(endpoints.schema), methods=["GET"]),
        Route("/v1/rules", _guarded(endpoints.rules), methods=["GET"]),
        Route("/v1/healthz", _guarded(endpoints.healthz), methods=["GET"]),
        Route("/openapi.json", _guarded(endpoints.openapi), methods=["GET"]),
    ]
    app = Starlette(
        routes=routes,
        middleware=[Middleware(_VersionHeader),
                    *([Middleware(CORSMiddleware, allow_origins=list(cors_origins),
                                  allow_methods=["GET", "POST"],
                                  allow_headers=["Content-Type"],
                                  expose_headers=[VERSION_HEADER])]
                      if cors_origins else [])],
        exception_handlers={HTTPException: _http_error, Exception: _internal_error})
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
                      cors_origins=options.get("cors_origins", []))


def serve(*, host: str = "127.0.0.1", port: int = 8000, rules: Sequence[str | Path] = (),
          no_default: bool = False, workers: int = 1, cors_origins: Sequence[str] = (),
          max_body: int = DEFAULT_MAX_BODY, access_log: bool = False) -> None:
    """Run the service on uvicorn until SIGINT or SIGTERM; returns after a clean shutdown.

    The rulebook is loaded once here, so a bad pack fails before the server starts.
    """
    import json

    import uvicorn

    if workers < 1:
        raise ArgumentError(f"workers: expected a positive integer, got {workers}")
    Engine.from_paths(*rules, include_default=not no_default) if rules or no_default \
        else Engine.default()  # fail early, with the rulebook's own error
    os.environ[_ENV] = json.dumps({"rules": [str(r) for r in rules], "no_default": no_default,
                                   "cors_origins": list(cors_origins), "max_body": max_body})
    # uvicorn shuts down gracefully on SIGINT and SIGTERM, then raises the signal again for
    # the handler that was there before it: make that handler end the run quietly, so a
    # stopped service returns (exit status 0) instead of dying by the signal or a traceback.
    previous = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    for s in previous:
        signal.signal(s, _stopped)
    try:
        uvicorn.run("interview_signals._service:app_from_environment", factory=True,
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
