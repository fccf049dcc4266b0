"""What keeps the app serving, at the ASGI level: a cap on searches at once (503 with
Retry-After past it, at once) that never holds up healthz, assessments, schemas or the
page; a search whose client goes away is cancelled and its thread freed; a client gone
mid-body is one log line; the Host names it answers; query values of any length are 400.
Served over real sockets (timeouts, signals, ports): test_server.py."""

from __future__ import annotations

import asyncio
import json
import logging
import threading
import time
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

import pytest
from starlette.applications import Starlette
from starlette.routing import Mount
from starlette.testclient import TestClient

from interview_signals import Consultation, Engine, SearchCancelled, WhatIfs
from interview_signals._quoting import quoted
from interview_signals._service.app import create_app, stop_reading, stop_searches
from interview_signals._service.http import host_name

GOOD = {"tour": {"office_tour": True}}


class SlowEngine(Engine):
    """The default rulebook, whose searches wait until ``release`` is set (or stop when
    their ``cancel`` is), recording how many started and how many were cancelled."""

    def __init__(self) -> None:
        super().__init__(Engine.default().rulebook)
        self.release = threading.Event()
        self.started = 0
        self.cancelled = 0
        self.running = 0
        self._count = threading.Lock()

    def _wait(self, cancel: Any) -> None:
        with self._count:
            self.started += 1
            self.running += 1
        try:
            while not self.release.wait(0.001):
                if cancel is not None and cancel.is_set():
                    with self._count:
                        self.cancelled += 1
                    raise SearchCancelled("the search was cancelled")
        finally:
            with self._count:
                self.running -= 1

    def consult(self, observations: Any = None, *, skipped: Any = (), seconds: Any = None,
                cancel: Any = None) -> Consultation:
        self._wait(cancel)
        return super().consult(observations, skipped=skipped, seconds=seconds, cancel=cancel)

    def what_if(self, observations: Any = None, target: Any = None, *, limit: int = 10,
                include_fixed: bool = False, seconds: Any = None, cancel: Any = None
                ) -> WhatIfs:
        self._wait(cancel)
        return super().what_if(observations, target, limit=limit,
                               include_fixed=include_fixed, seconds=seconds, cancel=cancel)


# --- calling the app as an ASGI server would ---------------------------------------------

Receive = Callable[[], Awaitable[dict[str, Any]]]


class Call:
    """One request to the app, with a client that can go away: ``gone`` set makes the
    next ``receive`` after the body say ``http.disconnect``."""

    def __init__(self, app: Any, method: str, path: str, body: bytes = b"", *,
                 headers: Sequence[tuple[bytes, bytes]] = ((b"host", b"localhost"),),
                 parts: Sequence[bytes] | None = None, whole: bool = True) -> None:
        self.app, self.method, self.path = app, method, path
        self.parts = list(parts if parts is not None else [body])
        self.whole = whole
        """Whether the body's last part says no more comes (False: the client goes
        before it sends the rest)."""
        self.headers = [*headers, *([(b"content-type", b"application/json")]
                                    if method == "POST" else [])]
        self.gone = asyncio.Event()
        self.status: int | None = None
        self.response_headers: dict[bytes, bytes] = {}
        self.body = b""

    async def receive(self) -> dict[str, Any]:
        if self.parts:
            part = self.parts.pop(0)
            return {"type": "http.request", "body": part,
                    "more_body": bool(self.parts) or not self.whole}
        await self.gone.wait()
        return {"type": "http.disconnect"}

    async def send(self, message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            self.status = message["status"]
            self.response_headers = dict(message.get("headers", []))
        elif message["type"] == "http.response.body":
            self.body += message.get("body", b"")
            if not message.get("more_body"):
                self.gone.set()  # the response is complete: the connection is done

    async def run(self) -> Call:
        path, _, query = self.path.partition("?")
        scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
                 "method": self.method, "scheme": "http", "path": path,
                 "raw_path": path.encode(), "query_string": query.encode(),
                 "root_path": "", "headers": self.headers,
                 "server": ("127.0.0.1", 8000), "client": ("127.0.0.1", 50000)}
        await self.app(scope, self.receive, self.send)
        return self

    def json(self) -> Any:
        return json.loads(self.body)


def post(app: Any, path: str, body: object = GOOD) -> Call:
    return Call(app, "POST", path, json.dumps(body).encode())


def get(app: Any, path: str) -> Call:
    return Call(app, "GET", path)


async def until(condition: Callable[[], bool], seconds: float = 30) -> None:
    """Wait for ``condition`` (a wait for threads to get there, not a speed check)."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        await asyncio.sleep(0.005)


# --- searches at once ---------------------------------------------------------------------


@pytest.mark.parametrize("max_searches", [1, 2, 3])
def test_searches_past_the_cap_get_503_at_once_and_the_rest_keeps_answering(
        max_searches: int) -> None:
    engine = SlowEngine()
    app = create_app(engine, max_searches=max_searches)

    async def scenario() -> None:
        paths = ["/v1/consult", "/v1/what-if?limit=1"]
        running = [asyncio.ensure_future(post(app, paths[i % 2]).run())
                   for i in range(max_searches)]
        await until(lambda: engine.running == max_searches)
        for path in paths:  # full: refused at once, never queued
            refused = await asyncio.wait_for(post(app, path).run(), 10)
            assert refused.status == 503
            assert refused.response_headers[b"content-type"] == b"application/problem+json"
            assert int(refused.response_headers[b"retry-after"]) >= 1
            assert str(max_searches) in refused.json()["detail"]
        # Everything else answers while every search slot is taken.
        for call in (get(app, "/v1/healthz"), post(app, "/v1/assess"),
                     get(app, "/v1/schema/observations"), get(app, "/v1/rules"),
                     get(app, "/openapi.json"), get(app, "/"),
                     post(app, "/v1/session", {"format": "interview-signals/session",
                                               "version": 1, "observations": GOOD})):
            done = await asyncio.wait_for(call.run(), 10)
            assert done.status == 200, (call.path, done.body)
        assert not any(task.done() for task in running)
        assert engine.started == max_searches
        engine.release.set()
        for task in running:
            assert (await asyncio.wait_for(task, 60)).status == 200
        # The slots are free again.
        assert (await asyncio.wait_for(post(app, "/v1/consult").run(), 60)).status == 200

    asyncio.run(scenario())


def test_a_large_body_is_not_held_up_by_a_full_house_of_searches() -> None:
    engine = SlowEngine()
    app = create_app(engine, max_searches=2)
    large = {**GOOD, "interview": {"notes_unused": None}}  # padded past the loop's 4 KiB
    body = json.dumps(large) + " " * 6000

    async def scenario() -> None:
        running = [asyncio.ensure_future(post(app, "/v1/consult").run()) for _ in range(2)]
        await until(lambda: engine.running == 2)
        call = Call(app, "POST", "/v1/assess", body.encode())
        done = await asyncio.wait_for(call.run(), 10)
        assert done.status in (200, 422), done.body  # computed, in the spare thread
        engine.release.set()
        for task in running:
            await asyncio.wait_for(task, 60)

    asyncio.run(scenario())


@pytest.mark.parametrize("path", ["/v1/consult", "/v1/what-if"])
def test_a_search_whose_client_goes_away_is_cancelled_and_its_slot_freed(
        path: str, caplog: pytest.LogCaptureFixture) -> None:
    engine = SlowEngine()
    app = create_app(engine, max_searches=1)

    async def scenario() -> None:
        call = post(app, path)
        task = asyncio.ensure_future(call.run())
        await until(lambda: engine.running == 1)
        call.gone.set()  # the client closes its connection
        await asyncio.wait_for(task, 10)
        await until(lambda: engine.running == 0)
        assert engine.cancelled == 1
        # The only slot is free again: a new search runs (and finishes when released).
        engine.release.set()
        assert (await asyncio.wait_for(post(app, path).run(), 60)).status == 200

    with caplog.at_level(logging.INFO, logger="interview_signals.service"):
        asyncio.run(scenario())
    lines = [r for r in caplog.records if r.name == "interview_signals.service"]
    assert len(lines) == 1, [r.getMessage() for r in lines]
    assert "went away" in lines[0].getMessage()
    assert lines[0].exc_info is None
    assert lines[0].levelno == logging.INFO


def test_a_client_gone_mid_body_is_one_log_line_not_an_internal_error(
        caplog: pytest.LogCaptureFixture) -> None:
    app = create_app()

    async def scenario() -> None:
        for _ in range(3):
            call = Call(app, "POST", "/v1/assess", parts=[b'{"tour": '], whole=False)
            call.gone.set()  # the rest never comes: the client goes
            await asyncio.wait_for(call.run(), 10)

    with caplog.at_level(logging.INFO):
        asyncio.run(scenario())
    ours = [r for r in caplog.records if r.name == "interview_signals.service"]
    assert len(ours) == 3
    assert all("went away" in r.getMessage() and r.exc_info is None for r in ours)
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


def test_max_searches_must_be_a_positive_integer() -> None:
    from interview_signals import ArgumentError

    for bad in (0, -1, 1.5, "2", True):
        with pytest.raises(ArgumentError, match="max_searches"):
            create_app(max_searches=bad)  # type: ignore[arg-type]


# --- Host names ---------------------------------------------------------------------------


@pytest.mark.parametrize(("host", "name"), [
    ("localhost", "localhost"), ("LocalHost:8000", "localhost"), ("localhost.", "localhost"),
    ("127.0.0.1:80", "127.0.0.1"), ("[::1]:8000", "::1"), ("[::1]", "::1"),
    ("::1", "::1"), ("evil.example:80", "evil.example")])
def test_host_name_is_the_name_without_its_port(host: str, name: str) -> None:
    assert host_name(host) == name


LOOPBACK = ["localhost", "127.0.0.1", "::1"]


@pytest.mark.parametrize("host", ["localhost", "localhost:8000", "127.0.0.1:1234",
                                  "[::1]:8000", "LOCALHOST"])
def test_a_loopback_host_is_answered(host: str) -> None:
    with TestClient(create_app(allowed_hosts=LOOPBACK), base_url=f"http://{host}") as c:
        assert c.get("/v1/healthz").status_code == 200


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.nip.io",
                                  "localhost.evil.example", "10.0.0.1"])
@pytest.mark.parametrize("path", ["/v1/healthz", "/v1/assess", "/", "/page/app.js"])
def test_any_other_host_is_refused_with_421(host: str, path: str) -> None:
    with TestClient(create_app(allowed_hosts=LOOPBACK), base_url=f"http://{host}",
                    raise_server_exceptions=False) as c:
        response = c.post(path, json=GOOD) if path == "/v1/assess" else c.get(path)
    assert response.status_code == 421
    assert response.headers["content-type"] == "application/problem+json"
    assert host.split(":", maxsplit=1)[0] in response.json()["detail"]


MALFORMED_HOSTS = [
    ("localhost:99999", "a port from 0 to 65535 after the name"),
    ("localhost:65536", "a port from 0 to 65535 after the name"),
    ("localhost:abc", "a port from 0 to 65535 after the name"),
    ("localhost:", "a port from 0 to 65535 after the name"),
    ("localhost:-1", "a port from 0 to 65535 after the name"),
    ("localhost:\u00b2", "a port from 0 to 65535 after the name"),  # a digit, not ASCII
    ("127.0.0.1:" + "8" * 5000, "a port from 0 to 65535 after the name"),
    ("", "a host name or address"),
    (":8000", "a host name or address"),
    ("local host", "a host name or address"),
    ("localhost\x1b[2J", "a host name or address"),
    ("[::1", "an IPv6 address in brackets"),
    ("[::1:8000", "an IPv6 address in brackets"),
    ("[localhost]:8000", "an IPv6 address in brackets"),
    ("[::1]8000", "a port from 0 to 65535 after the name"),
    ("[::1]:80x", "a port from 0 to 65535 after the name"),
    ("::1", "an IPv6 address in brackets"),
]


@pytest.mark.parametrize(("host", "expected"), MALFORMED_HOSTS)
@pytest.mark.parametrize("allowed", [LOOPBACK, ["*"]])
def test_a_malformed_host_is_refused_with_400_saying_what_is_wrong(
        host: str, expected: str, allowed: list[str]) -> None:
    """RFC 9112, section 3.2: a request with an invalid Host gets 400. ``localhost:99999``
    and ``localhost:abc`` passed the check of the name alone."""
    app = create_app(allowed_hosts=allowed)
    sent = host.encode("latin-1")
    call = asyncio.run(Call(app, "GET", "/v1/healthz", headers=[(b"host", sent)]).run())
    assert call.status == 400
    assert call.response_headers[b"content-type"] == b"application/problem+json"
    assert call.json()["title"] == "Bad Host header"
    assert call.json()["detail"] == f"Host: expected {expected}, got {quoted(host, 80)}"


@pytest.mark.parametrize("host", ["[::1]:8000", "localhost.", "LOCALHOST:80", "127.0.0.1",
                                  "localhost:0", "localhost:65535", "localhost:08000",
                                  " localhost ", "[::1]"])
def test_a_well_formed_loopback_host_is_answered(host: str) -> None:
    app = create_app(allowed_hosts=LOOPBACK)
    call = asyncio.run(Call(app, "GET", "/v1/healthz",
                            headers=[(b"host", host.encode())]).run())
    assert call.status == 200, call.body


def test_two_host_headers_are_refused_with_400() -> None:
    """RFC 9112, section 3.2: more than one Host field line is a 400 too."""
    app = create_app(allowed_hosts=["*"])
    call = asyncio.run(Call(app, "GET", "/v1/healthz", headers=[
        (b"host", b"localhost"), (b"host", b"evil.example")]).run())
    assert call.status == 400
    assert call.json()["detail"] == "Host: expected one Host header, got 2"


def test_without_allowed_hosts_create_app_leaves_the_host_to_its_server() -> None:
    """Mounted in another app, the host application (and its server) owns the Host."""
    call = asyncio.run(Call(create_app(), "GET", "/v1/healthz",
                            headers=[(b"host", b"localhost:abc")]).run())
    assert call.status == 200


def test_by_default_create_app_answers_any_host_and_mounts() -> None:
    with TestClient(create_app(), base_url="http://coach.example") as c:
        assert c.get("/v1/healthz").status_code == 200
    outer = Starlette(routes=[Mount("/signals", app=create_app(allowed_hosts=["*"]))])
    with TestClient(outer, base_url="http://coach.example") as c:
        assert c.get("/signals/v1/healthz").status_code == 200


def test_a_wildcard_names_subdomains() -> None:
    app = create_app(allowed_hosts=["*.coach.example"])
    with TestClient(app, base_url="http://a.coach.example") as c:
        assert c.get("/v1/healthz").status_code == 200
    with TestClient(app, base_url="http://coach.example.evil",
                    raise_server_exceptions=False) as c:
        assert c.get("/v1/healthz").status_code == 421


def test_allowed_hosts_must_be_a_list_of_names() -> None:
    from interview_signals import ArgumentError

    for bad in ("localhost", [""], [3]):
        with pytest.raises(ArgumentError, match="allowed_hosts"):
            create_app(allowed_hosts=bad)  # type: ignore[arg-type]


class Trickle(Call):
    """A POST whose body comes in two parts, the second once ``more`` is set."""

    def __init__(self, app: Any, first: bytes, rest: bytes) -> None:
        super().__init__(app, "POST", "/v1/assess", parts=[first, rest])
        self.more = asyncio.Event()
        self.waiting = False

    async def receive(self) -> dict[str, Any]:
        if len(self.parts) == 1:
            self.waiting = True
            await self.more.wait()
        return await super().receive()


def test_stopping_waits_a_while_for_bodies_still_arriving_then_answers_503() -> None:
    """What a server shutting down does (server.TimedProtocol.shutdown): a body that
    arrives within the time given is answered; one still arriving then gets 503 with
    ``Connection: close`` instead of being cancelled by the server (a 500 and a
    traceback); a request after that, 503 at once."""
    app = create_app()
    body = json.dumps(GOOD).encode()

    async def scenario() -> None:
        arriving = Trickle(app, body[:5], body[5:])
        in_time = asyncio.ensure_future(arriving.run())
        stuck = Trickle(app, body[:5], body[5:])
        late = asyncio.ensure_future(stuck.run())
        await until(lambda: arriving.waiting and stuck.waiting)
        stop_reading(app, 0.5)
        stop_reading(app, 60)  # called once per connection: the first time counts
        arriving.more.set()
        assert (await asyncio.wait_for(in_time, 10)).status == 200
        done = await asyncio.wait_for(late, 10)
        assert done.status == 503
        assert done.json()["title"] == "Service stopping"
        assert done.response_headers[b"connection"] == b"close"
        assert int(done.response_headers[b"retry-after"]) >= 1
        after = await asyncio.wait_for(post(app, "/v1/assess").run(), 10)
        assert after.status == 503
        assert (await asyncio.wait_for(get(app, "/v1/healthz").run(), 10)).status == 200

    asyncio.run(scenario())


def test_stopping_cancels_the_searches_running_and_refuses_new_ones() -> None:
    """What a server shutting down does (server.TimedProtocol.shutdown): the searches
    answer 503 with Retry-After within moments instead of holding the shutdown."""
    engine = SlowEngine()
    app = create_app(engine, max_searches=2)

    async def scenario() -> None:
        running = [asyncio.ensure_future(post(app, path).run())
                   for path in ("/v1/consult", "/v1/what-if")]
        await until(lambda: engine.running == 2)
        stop_searches(app)
        for task in running:
            done = await asyncio.wait_for(task, 10)
            assert done.status == 503
            assert done.json()["title"] == "Service stopping"
            assert int(done.response_headers[b"retry-after"]) >= 1
        assert engine.cancelled == 2
        assert (await asyncio.wait_for(post(app, "/v1/consult").run(), 10)).status == 503
        assert engine.started == 2  # refused before it started
        assert (await asyncio.wait_for(get(app, "/v1/healthz").run(), 10)).status == 200

    asyncio.run(scenario())
