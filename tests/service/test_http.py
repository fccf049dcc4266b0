"""The HTTP plumbing of the service (``interview_signals/_service_http.py``): problem
documents, request bodies read within a size limit and parsed as JSON, handlers whose every
failure becomes a problem document, and the version header on every response. Through the
whole app (``create_app``) and on a small app made of these pieces alone."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Iterator, Mapping, MutableMapping
from typing import Any

import pytest
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.testclient import TestClient
from starlette.types import Message, Receive, Scope, Send

from interview_signals import (
    ArgumentError,
    Assessment,
    Engine,
    ObservationError,
    Observations,
    __version__,
)
from interview_signals._jsonio import dump_json
from interview_signals._service.app import DEFAULT_MAX_BODY, create_app
from interview_signals._service.http import (
    VERSION_HEADER,
    HTTPProblem,
    VersionHeader,
    guarded,
    http_error,
    internal_error,
    json_body,
    json_kind,
    json_response,
    observation_problems,
    problem_response,
)
from tests.support import GOOD, PROBLEM, assert_problem


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app(), raise_server_exceptions=False) as c:
        yield c


# --- through the whole app --------------------------------------------------------------------


@pytest.mark.parametrize("raw", [b"{", b"", b"   ", b'{"tour": {"office_tour": tru}}',
                                 b"\xff\xfe{}", b"{}{}", b"{'tour': {}}",
                                 b'{"tour": {}, "tour": {}}'])
def test_malformed_json_gives_400(client: TestClient, raw: bytes) -> None:
    assert_problem(client.post("/v1/assess", content=raw), 400)


def test_a_body_over_the_limit_gives_413(client: TestClient) -> None:
    big = b'{"tour": {"office_tour": true}, "x": "' + b"a" * DEFAULT_MAX_BODY + b'"}'
    assert_problem(client.post("/v1/assess", content=big), 413)
    # Exactly at the limit is read (and refused for what it says, not for its size).
    at_limit = b" " * (DEFAULT_MAX_BODY - 2) + b"{}"
    assert client.post("/v1/assess", content=at_limit).status_code == 200


def test_a_chunked_body_over_the_limit_gives_413_without_content_length() -> None:
    sent: list[int] = []

    def chunks() -> Iterator[bytes]:
        for _ in range(100):
            sent.append(1)
            yield b"[" * 1024  # never valid JSON: only the size can stop it first

    with TestClient(create_app(max_body=4096), raise_server_exceptions=False) as c:
        response = c.post("/v1/assess", content=chunks())
    assert_problem(response, 413)


def test_the_limit_is_checked_before_the_body_is_read() -> None:
    app = create_app(max_body=1000)
    received: list[bytes] = []
    sent: list[MutableMapping[str, Any]] = []

    async def receive() -> dict[str, Any]:
        received.append(b"read")
        return {"type": "http.request", "body": b"{}", "more_body": False}

    async def send(message: MutableMapping[str, Any]) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/v1/assess", "raw_path": b"/v1/assess",
             "query_string": b"", "headers": [(b"content-length", b"5000000"),
                                              (b"content-type", b"application/json")],
             "http_version": "1.1", "scheme": "http", "server": ("127.0.0.1", 80),
             "client": ("127.0.0.1", 1), "root_path": "", "app": app}
    asyncio.run(app(scope, receive, send))
    assert sent[0]["status"] == 413
    assert received == []


def test_unknown_routes_and_methods_are_json(client: TestClient) -> None:
    assert_problem(client.get("/v2/assess"), 404)
    assert_problem(client.get("/v1/nothing/here"), 404)
    assert_problem(client.get("/v1/assess"), 405)
    assert_problem(client.delete("/v1/rules"), 405)


def test_an_internal_failure_is_a_500_without_detail() -> None:
    class Failing(Engine):
        def assess(self, observations: Mapping[str, object] | Observations) -> Assessment:
            raise RuntimeError("secret internal detail /etc/passwd")

    with TestClient(create_app(Failing(Engine.default().rulebook)),
                    raise_server_exceptions=False) as c:
        response = c.post("/v1/assess", json=GOOD)
    body = assert_problem(response, 500)
    assert "secret" not in response.text
    assert "RuntimeError" not in response.text
    assert body["title"] == "Internal error"


def test_every_response_carries_the_version(client: TestClient) -> None:
    for response in (client.get("/"), client.get("/page/page.css"), client.get("/v1/healthz"),
                     client.get("/missing"), client.post("/v1/assess", content=b"{")):
        assert response.headers[VERSION_HEADER] == __version__


# --- the pieces on their own --------------------------------------------------------------

LIMIT = 100
CLASH = {"path": "a.b", "expected": "one", "got": "two", "message": "a.b: expected one"}


async def _echo(request: Request) -> Response:
    body = await json_body(request, LIMIT)
    return json_response({"got": body.value, "size": body.size})


async def _raise(request: Request) -> Response:
    kind = request.path_params["kind"]
    if kind == "problem":
        raise HTTPProblem(409, "Conflict", "it clashes", [CLASH])
    if kind == "observation":
        raise ObservationError("thank_you.tone", "one of warm, neutral", "3")
    if kind == "argument":
        raise ArgumentError("limit: expected a whole number, got 'x'")
    if kind == "teapot":
        raise HTTPException(418, "short and stout")
    raise RuntimeError("secret detail")


async def _teapot(request: Request) -> Response:
    raise HTTPException(418, "short and stout")


async def _unguarded(request: Request) -> Response:
    raise RuntimeError("secret detail")


async def _old_header(request: Request) -> Response:
    return Response("{}", headers={"x-interview-signals-version": "0.0.0-old"})


def _small_app() -> Starlette:
    return Starlette(
        routes=[Route("/echo", guarded(_echo), methods=["POST"]),
                Route("/raise/{kind}", guarded(_raise)),
                Route("/teapot", _teapot), Route("/unguarded", _unguarded),
                Route("/old", _old_header)],
        middleware=[Middleware(VersionHeader)],
        exception_handlers={HTTPException: http_error, Exception: internal_error})


@pytest.fixture(scope="module")
def small() -> Iterator[TestClient]:
    with TestClient(_small_app(), raise_server_exceptions=False) as c:
        yield c


def test_a_problem_document_has_exactly_the_fields_of_rfc_9457() -> None:
    response = problem_response(404, "Not found", "no resource at /x")
    assert response.media_type == "application/problem+json"
    assert response.status_code == 404
    assert response.headers[VERSION_HEADER] == __version__
    assert response.body == dump_json({"type": "about:blank", "title": "Not found",
                                       "status": 404, "detail": "no resource at /x"}).encode()
    with_problems = problem_response(422, "Invalid", "bad", [{"path": "a.b"}])
    assert with_problems.body == dump_json({"type": "about:blank", "title": "Invalid",
                                            "status": 422, "detail": "bad",
                                            "problems": [{"path": "a.b"}]}).encode()


def test_a_json_response_is_the_library_json_of_its_data() -> None:
    response = json_response({"b": 1.5, "a": [True, None]})
    assert (response.status_code, response.media_type) == (200, "application/json")
    assert response.body == dump_json({"b": 1.5, "a": [True, None]}).encode()


def test_observation_problems_are_the_error_problems_as_json() -> None:
    error = ObservationError("thank_you.tone", "one of warm, neutral", "3")
    (problem,) = observation_problems(error)
    assert problem == error.problems[0].to_dict()
    assert problem["path"] == "thank_you.tone"


@pytest.mark.parametrize(("raw", "got"), [
    (b'{"a": 1}', {"a": 1}), (b"[1, 2]", [1, 2]), (b'"text"', "text"), (b"null", None),
    ("\ufeff{}".encode(), {}),  # a byte order mark is allowed
    (b" " * (LIMIT - 2) + b"{}", {}),  # exactly at the limit
])
def test_a_body_is_read_as_json_within_the_limit(small: TestClient, raw: bytes,
                                                 got: object) -> None:
    response = small.post("/echo", content=raw)
    assert (response.status_code, response.json()) == (200, {"got": got, "size": len(raw)})


@pytest.mark.parametrize(("raw", "detail"), [
    (b"", "the body is empty; expected a JSON object of observations"),
    (b" \n\t", "the body is empty; expected a JSON object of observations"),
    (b'{"a": \xff}', "the body is not UTF-8 (invalid start byte at byte 6)"),
    (b'{\n"a": tru}', "at line 2 column 6"),
])
def test_a_body_that_is_not_json_is_a_400_saying_why(small: TestClient, raw: bytes,
                                                     detail: str) -> None:
    body = assert_problem(small.post("/echo", content=raw), 400)
    assert body["title"] == "Malformed JSON"
    assert body["detail"].endswith(detail)


def test_a_body_past_the_limit_is_refused_by_its_length_or_while_read(small: TestClient
                                                                     ) -> None:
    body = assert_problem(small.post("/echo", content=b" " * (LIMIT + 1)), 413)
    assert (body["title"], body["detail"]) == (
        "Request body too large", f"the body is {LIMIT + 1} bytes; the limit is {LIMIT} bytes")

    def chunks() -> Iterator[bytes]:
        yield b" " * LIMIT
        yield b" "

    body = assert_problem(small.post("/echo", content=chunks()), 413)
    assert body["detail"] == f"the body passed the limit of {LIMIT} bytes"


@pytest.mark.parametrize(("kind", "status", "title", "detail"), [
    ("problem", 409, "Conflict", "it clashes"),
    ("observation", 422, "Invalid observations", None),
    ("argument", 400, "Bad query parameter", "limit: expected a whole number, got 'x'"),
    ("teapot", 500, "Internal error", "the service failed on this request; it was logged"),
    ("other", 500, "Internal error", "the service failed on this request; it was logged"),
])
def test_every_failure_of_a_guarded_handler_is_a_problem_document(
        small: TestClient, kind: str, status: int, title: str, detail: str | None) -> None:
    body = assert_problem(small.get(f"/raise/{kind}"), status)
    assert body["title"] == title
    if detail is not None:
        assert body["detail"] == detail
    assert "secret" not in str(body)


def test_a_guarded_handler_keeps_the_problems_it_was_given(small: TestClient) -> None:
    assert assert_problem(small.get("/raise/problem"), 409)["problems"] == [CLASH]
    (problem,) = assert_problem(small.get("/raise/observation"), 422)["problems"]
    assert (problem["path"], problem["expected"], problem["got"]) == (
        "thank_you.tone", "one of warm, neutral", "3")


def test_an_unexpected_failure_is_logged_with_the_request(small: TestClient,
                                                          caplog: pytest.LogCaptureFixture
                                                          ) -> None:
    with caplog.at_level(logging.ERROR, logger="interview_signals.service"):
        small.get("/raise/other")
    (record,) = [r for r in caplog.records if r.name == "interview_signals.service"]
    assert record.getMessage() == "internal error on GET /raise/other"
    assert record.exc_info is not None
    assert isinstance(record.exc_info[1], RuntimeError)


def test_a_guarded_handler_keeps_its_name() -> None:
    assert guarded(_echo).__name__ == "_echo"


def test_errors_outside_a_handler_are_problem_documents(small: TestClient) -> None:
    assert assert_problem(small.get("/nowhere"), 404)["detail"] == "no resource at /nowhere"
    assert assert_problem(small.post("/old"), 405)["detail"] == "POST is not allowed on /old"
    teapot = assert_problem(small.get("/teapot"), 418)
    assert (teapot["title"], teapot["detail"]) == ("Error", "short and stout")
    failed = assert_problem(small.get("/unguarded"), 500)
    assert failed["detail"] == "the service failed on this request; it was logged"


def test_http_error_words_a_plain_exception_as_an_internal_error() -> None:
    request = Request({"type": "http", "method": "GET", "path": "/x", "headers": []})
    response = asyncio.run(http_error(request, ValueError("secret")))
    assert response.status_code == 500
    PROBLEM.validate(json.loads(bytes(response.body)))
    assert b"secret" not in bytes(response.body)


def test_the_version_header_replaces_one_the_handler_set(small: TestClient) -> None:
    response = small.get("/old")
    assert response.headers.get_list(VERSION_HEADER) == [__version__]


def test_the_version_header_leaves_other_scopes_alone() -> None:
    seen: list[tuple[Scope, Message]] = []

    async def inner(scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "lifespan.startup.complete"})

    async def send(message: Message) -> None:
        seen.append(({}, message))

    async def receive() -> Message:
        return {"type": "lifespan.startup"}

    asyncio.run(VersionHeader(inner)({"type": "lifespan"}, receive, send))
    assert seen == [({}, {"type": "lifespan.startup.complete"})]


@pytest.mark.parametrize(("value", "kind"), [
    ([], "a list (array)"), ("x", "a string"), (True, "true"), (False, "false"),
    (None, "null"), (3, "a number"), (2.5, "a number"),
])
def test_json_kind_words_what_came_instead_of_an_object(value: object, kind: str) -> None:
    assert json_kind(value) == kind


def test_the_problem_document_of_the_whole_app_matches_the_small_one(client: TestClient,
                                                                     small: TestClient
                                                                     ) -> None:
    whole = assert_problem(client.post("/v1/assess", content=b""), 400)
    assert whole == assert_problem(small.post("/echo", content=b""), 400)

