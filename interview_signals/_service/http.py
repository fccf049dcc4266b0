"""The HTTP plumbing of the service: problem documents (RFC 9457), request bodies read
within a size limit and parsed as JSON, handlers whose every failure becomes a problem
document, and the header that names the library version on every response.

Neighbours: ``app`` builds the app from these pieces and the endpoints of
``operations``. Needs the ``serve`` extra (Starlette).
"""

from __future__ import annotations

import functools
import ipaddress
import logging
import re
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import NamedTuple
from urllib.parse import unquote

from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .._errors import ArgumentError, ObservationError, RulebookError
from .._jsonio import UnreadableJSON, dump_json, load_json
from .._quoting import quoted
from .._version import __version__

VERSION_HEADER = "X-Interview-Signals-Version"

_log = logging.getLogger("interview_signals.service")


class HTTPProblem(Exception):
    """An error response: status, title and detail, plus the observation problems."""

    def __init__(self, status: int, title: str, detail: str,
                 problems: Sequence[Mapping[str, str]] = (),
                 headers: Mapping[str, str] | None = None) -> None:
        super().__init__(detail)
        self.status, self.title, self.detail, self.problems = status, title, detail, problems
        self.headers = headers


def problem_response(status: int, title: str, detail: str,
                     problems: Sequence[Mapping[str, str]] = (),
                     headers: Mapping[str, str] | None = None) -> Response:
    body: dict[str, object] = {"type": "about:blank", "title": title, "status": status,
                               "detail": detail}
    if problems:
        body["problems"] = list(problems)
    return Response(dump_json(body), status_code=status, media_type="application/problem+json",
                    headers={**(headers or {}), VERSION_HEADER: __version__})


def json_response(data: object) -> Response:
    return Response(dump_json(data), media_type="application/json")


def observation_problems(error: ObservationError) -> list[dict[str, str]]:
    """The problems of an observation error as JSON: path, expected, got, message."""
    return [p.to_dict() for p in error.problems]


async def _body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 as soon as it passes ``limit`` bytes: by its
    Content-Length before reading, and while reading for bodies sent in chunks."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise HTTPProblem(413, "Request body too large",
                       f"the body is {declared} bytes; the limit is {limit} bytes")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPProblem(413, "Request body too large",
                           f"the body passed the limit of {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def is_json_media_type(content_type: str | None) -> bool:
    """Whether a ``Content-Type`` names JSON (``application/json``, ``application/*+json``,
    any parameters); none at all counts as JSON, as the body is read as JSON anyway."""
    if content_type is None:
        return True
    media = content_type.split(";", 1)[0].strip().lower()
    return media == "application/json" or (media.startswith("application/")
                                           and media.endswith("+json"))


_PARAMETER = re.compile(r';[ \t]*([^=;\s]+)[ \t]*=[ \t]*(?:"((?:[^"\\]|\\.)*)"|([^;]*))')
"""A parameter of a media type (RFC 9110, section 5.6.6): a name, and a quoted string
(which may hold a ``;``) or a token."""
_UTF_8 = ("utf-8", "utf8", "us-ascii", "ascii")  # ASCII is a subset of UTF-8


def declared_charsets(content_type: str) -> list[str]:
    """The values of the ``charset`` parameters of a ``Content-Type``, unquoted:
    ``application/json; charset="UTF-8"`` declares ``UTF-8``."""
    return [re.sub(r"\\(.)", r"\1", quoted_value) if quoted_value else token.strip()
            for name, quoted_value, token in _PARAMETER.findall(content_type)
            if name.lower() == "charset"]


class JSONBody(NamedTuple):
    """A request body read as JSON: its ``value`` and its ``size`` in bytes."""

    value: object
    size: int


async def json_body(request: Request, limit: int) -> JSONBody:
    """The request body parsed as JSON: 415 for a body declared as something else or in
    another charset than UTF-8, 413 past ``limit`` bytes, 400 for what is not JSON."""
    content_type = request.headers.get("content-type")
    if not is_json_media_type(content_type):
        raise HTTPProblem(415, "Unsupported media type",
                          f"the body is declared as {quoted(content_type or '')}; "
                          f"expected application/json")
    other = [c for c in declared_charsets(content_type or "") if c.lower() not in _UTF_8]
    if other:  # JSON between systems is UTF-8 (RFC 8259, section 8.1)
        raise HTTPProblem(415, "Unsupported media type",
                          f"the body is declared in the charset {quoted(other[0], 40)}; "
                          "expected utf-8, its subset us-ascii, or no charset (JSON is UTF-8)")
    raw = await _body(request, limit)
    if not raw.strip():
        raise HTTPProblem(400, "Malformed JSON", "the body is empty; expected a JSON object "
                       "of observations")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise HTTPProblem(400, "Malformed JSON",
                       f"the body is not UTF-8 ({exc.reason} at byte {exc.start})") from exc
    try:
        return JSONBody(load_json(text), len(raw))
    except UnreadableJSON as exc:
        where = f" at line {exc.line} column {exc.column}" if exc.line is not None else ""
        raise HTTPProblem(400, "Malformed JSON", f"{exc.reason}{where}") from exc


Handler = Callable[[Request], Awaitable[Response]]


def guarded(handler: Handler) -> Handler:
    """Turn every failure of a handler into a problem document; log the unexpected ones."""
    @functools.wraps(handler)
    async def run(request: Request) -> Response:
        try:
            return await handler(request)
        except HTTPProblem as exc:
            return problem_response(exc.status, exc.title, exc.detail, exc.problems,
                                    exc.headers)
        except ObservationError as exc:
            return problem_response(422, "Invalid observations", str(exc),
                                     observation_problems(exc))
        except ArgumentError as exc:
            return problem_response(400, "Bad query parameter", str(exc))
        except ClientDisconnect:  # gone before its body arrived whole: nobody to answer
            _log.info("%s %s: the client went away before its request arrived whole",
                      request.method, request.url.path)
            return problem_response(400, "Incomplete request", "the client went away "
                                    "before the body arrived whole")
        except RulebookError as exc:  # the service's rule pack cannot do this (a search too
            # large to consult): the operator's to fix, said plainly, not the client's
            return problem_response(501, "Not possible with this rulebook", str(exc))
        except Exception:
            _log.exception("internal error on %s %s", request.method, request.url.path)
            return problem_response(500, "Internal error",
                                     "the service failed on this request; it was logged")
    return run


def json_kind(value: object) -> str:
    if isinstance(value, list):
        return "a list (array)"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool) or value is None:
        return "true" if value is True else "false" if value is False else "null"
    return "a number"


class VersionHeader:
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


async def http_error(request: Request, exc: Exception) -> Response:
    """Starlette's own errors (an unknown path, a method the path does not take) as problem
    documents, with their headers (405's ``Allow``, RFC 9110)."""
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    headers = exc.headers if isinstance(exc, HTTPException) else None
    if status == 404:
        return problem_response(404, "Not found", f"no resource at {request.url.path}")
    if status == 405:
        return problem_response(405, "Method not allowed",
                                f"{request.method} is not allowed on {request.url.path}",
                                headers=headers)
    detail = exc.detail if isinstance(exc, HTTPException) else "internal error"
    return problem_response(status, "Error", str(detail), headers=headers)


async def internal_error(request: Request, exc: Exception) -> Response:
    return problem_response(500, "Internal error",
                             "the service failed on this request; it was logged")


def mount_prefix(scope: Scope) -> str:
    """Where the app is mounted, as a path without a trailing slash (``""`` at the root).

    Starlette and FastAPI say it in ``root_path``; Litestar's ASGI mount leaves
    ``root_path`` empty and passes the rest of the path, so it is what ``raw_path`` (the
    path as sent) has before that rest."""
    root = str(scope.get("root_path") or "")
    if root:
        return root.rstrip("/")
    raw = scope.get("raw_path")
    if not isinstance(raw, bytes):
        return ""
    sent = unquote(raw.decode("latin-1")).rstrip("/")
    rest = str(scope["path"]).rstrip("/")
    return sent[:len(sent) - len(rest)] if sent.endswith(rest) else ""


class TrailingSlash:
    """Pure ASGI middleware: ``/v1/healthz/`` is ``/v1/healthz``, answered in place. A
    redirect would leave a mount whose prefix the host does not pass on (Litestar)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            path: str = scope["path"]
            if path.endswith("/") and len(path) > 1:
                root = str(scope.get("root_path") or "")
                route = path[len(root):] if root and path.startswith(root) else path
                if len(route) > 1:
                    scope = {**scope, "path": path[:len(path) - len(route)]
                             + (route.rstrip("/") or "/")}
        await self.app(scope, receive, send)


def host_name(host: str) -> str:
    """The name in a ``Host`` header, without its port, lower case: ``[::1]:8000`` is
    ``::1``, ``LocalHost.:80`` is ``localhost``."""
    host = host.strip()
    if host.startswith("["):  # an IPv6 address, perhaps with a port after the bracket
        return host[1:host.find("]")].lower() if "]" in host else host.lower()
    if host.count(":") == 1:
        host = host.split(":", 1)[0]
    return host.lower().rstrip(".")


_REG_NAME = re.compile(r"(?:[A-Za-z0-9\-._~!$&'()*+,;=]|%[0-9A-Fa-f]{2})+")
"""A host name or IPv4 address as RFC 3986 writes it (``reg-name``): no spaces, no
controls, nothing outside ASCII unless percent-encoded."""
_PORT = re.compile(r"[0-9]+")


def host_problem(host: str) -> str | None:
    """What a ``Host`` header's value lacks (RFC 9110, section 7.2: a host name or address,
    an IPv6 address in brackets, then perhaps ``:`` and a port of 0 to 65535), or None when
    it is well formed. Whether the name is one the service answers is not asked here."""
    host = host.strip(" \t")
    if host.startswith("["):
        end = host.find("]")
        if end < 0 or not _is_ipv6(host[1:end]):
            return "an IPv6 address in brackets"
        rest = host[end + 1:]
        if rest and not rest.startswith(":"):
            return "a port from 0 to 65535 after the name"
        port = rest[1:] if rest else None
    else:
        if host.count(":") > 1:  # an IPv6 address, bare
            return "an IPv6 address in brackets"
        name, colon, port_text = host.partition(":")
        if not _REG_NAME.fullmatch(name):
            return "a host name or address"
        port = port_text if colon else None
    if port is not None and not _is_port(port):
        return "a port from 0 to 65535 after the name"
    return None


def _is_port(text: str) -> bool:
    """Whether ``text`` is a port: ASCII digits (``str.isdigit`` takes "²" too) of 0 to
    65535, leading zeros allowed (and left out before ``int``, which refuses 5,000 digits)."""
    digits = text.lstrip("0") or "0"
    return _PORT.fullmatch(text) is not None and len(digits) <= 5 and int(digits) <= 65535


def _is_ipv6(text: str) -> bool:
    try:
        ipaddress.IPv6Address(text)
    except ValueError:
        return False
    return True


class AllowedHosts:
    """Pure ASGI middleware: only requests whose ``Host`` names one of ``names`` (any
    port; ``*.example.com`` for its subdomains, ``*`` for any) are answered; others get
    421 Misdirected Request. A web page can point a name of its own at 127.0.0.1 (DNS
    rebinding) and read a local service's answers; the browser still sends its own name
    as the Host, which this refuses. A malformed Host (a port that is not 0 to 65535, an
    empty name, an unclosed bracket) or more than one gets 400, whatever the names, as RFC
    9112 (section 3.2) asks, and so does an HTTP/1.1 request without one; an HTTP/1.0
    request, which has no Host, is answered (and other versions are left to their
    server)."""

    def __init__(self, app: ASGIApp, names: Sequence[str]) -> None:
        self.app = app
        self.any = "*" in names
        self.names = {host_name(n) for n in names if not n.startswith("*.")}
        self.suffixes = tuple(host_name(n[1:]) for n in names if n.startswith("*."))
        self.shown = ", ".join(names)

    def allows(self, host: str) -> bool:
        name = host_name(host)
        return self.any or name in self.names or name.endswith(self.suffixes)

    def refusal(self, scope: Scope) -> Response | None:
        """The answer to a request whose Host is malformed or not allowed, else None."""
        sent = [v.decode("latin-1") for k, v in scope.get("headers", ()) if k == b"host"]
        if not sent:
            if scope.get("http_version") != "1.1":  # HTTP/1.0 has none, HTTP/2 :authority
                return None
            return problem_response(400, "Bad Host header", "Host: expected one Host "
                                    "header (HTTP/1.1 requires it), got none")
        if len(sent) > 1:
            return problem_response(400, "Bad Host header", "Host: expected one Host "
                                    f"header, got {len(sent)}")
        expected = host_problem(sent[0])
        if expected is not None:
            return problem_response(400, "Bad Host header",
                                    f"Host: expected {expected}, got {quoted(sent[0], 80)}")
        if self.allows(sent[0]):
            return None
        return problem_response(
            421, "Misdirected request",
            f"this service answers requests for {self.shown} only, not for "
            f"{quoted(sent[0], 80)} (its --allowed-host option)")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket"):
            refusal = self.refusal(scope)
            if refusal is not None:
                await refusal(scope, receive, send)
                return
        await self.app(scope, receive, send)
