"""``serve`` over real sockets, in a subprocess: a port in use, a bad host or port is exit
2 with one line; the log names the port bound; searches past the cap get 503 while
healthz and assess answer, a client that goes away frees its search's slot, and SIGTERM
stops the service whatever runs; partial requests, silent and idle connections are closed
after their timeouts, and hundreds of slow connections under a low file-descriptor limit
never lock the next client out. The app's own limits, without sockets: test_app_limits.py."""

from __future__ import annotations

import asyncio
import contextlib
import errno
import json
import logging
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from interview_signals import ArgumentError
from interview_signals._service import connections as conns
from interview_signals._service.server import default_allowed_hosts, serve
from tests.consultation.generated_packs import many_states

GOOD = b'{}'
SERVE = [sys.executable, "-m", "interview_signals", "serve"]


class Served:
    """A ``serve`` subprocess with its log in a file; ``port`` once it answers."""

    def __init__(self, tmp_path: Path, *args: str, fd_limit: int | None = None) -> None:
        self.log_path = tmp_path / "serve.log"
        self.log_file = self.log_path.open("wb")
        command = [*SERVE, *args] if fd_limit is None else [
            sys.executable, "-c", "import resource, runpy, sys; "
            f"resource.setrlimit(resource.RLIMIT_NOFILE, ({fd_limit}, {fd_limit})); "
            "sys.argv = ['interview-signals', *sys.argv[1:]]; "
            "runpy.run_module('interview_signals', run_name='__main__')", "serve", *args]
        self.process = subprocess.Popen(
            command, stdout=self.log_file, stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1"})
        self.port = self._wait_for_port()

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def _wait_for_port(self) -> int:
        deadline = time.monotonic() + 60  # a wait for start-up, not a speed check
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.log()
            found = re.search(r"serving on http://127\.0\.0\.1:(\d+)", self.log())
            if found:
                port = int(found.group(1))
                with contextlib.suppress(httpx.TransportError):
                    httpx.get(f"http://127.0.0.1:{port}/v1/healthz", timeout=2)
                    return port
            time.sleep(0.1)
        raise AssertionError(f"the service did not start: {self.log()}")

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def stop(self, how: signal.Signals = signal.SIGTERM, wait: float = 15) -> tuple[int, float]:
        """Send ``how``; the exit status and the seconds it took (at most ``wait``)."""
        start = time.monotonic()
        self.process.send_signal(how)
        try:
            status = self.process.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            status = -999
        return status, time.monotonic() - start

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.log_file.close()


@contextlib.contextmanager
def served(tmp_path: Path, *args: str, fd_limit: int | None = None) -> Iterator[Served]:
    service = Served(tmp_path, *args, fd_limit=fd_limit)
    try:
        yield service
    finally:
        service.close()


def _connect(port: int) -> socket.socket:
    return socket.create_connection(("127.0.0.1", port), timeout=30)


def _post(port: int, path: str, body: bytes = GOOD) -> socket.socket:
    """A POST sent whole on a raw socket, its answer not read yet."""
    sock = _connect(port)
    sock.sendall(f"POST {path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
                 f"application/json\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body)
    return sock


def _closed_within(sock: socket.socket, seconds: float) -> float | None:
    """Seconds until the server closed ``sock`` (None: still open after ``seconds``)."""
    start = time.monotonic()
    sock.settimeout(0.5)
    while time.monotonic() - start < seconds:
        try:
            if sock.recv(65536) == b"":
                return time.monotonic() - start
        except TimeoutError:
            continue
        except ConnectionResetError:
            return time.monotonic() - start
    return None


# --- refused before starting --------------------------------------------------------------


def _serve_fails(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = subprocess.run([*SERVE, *args], capture_output=True, timeout=60, check=False,
                            text=True, env=None if env is None else {**os.environ, **env})
    assert result.stdout == ""
    return result.returncode, result.stderr


def test_a_port_in_use_is_exit_2_with_one_line() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        status, err = _serve_fails("--port", str(port))
    assert status == 2
    assert err == (f"interview-signals: error: port: {port} is in use on \"127.0.0.1\" "
                   "(another program listens there); choose another --port, or 0 for any "
                   "free one\n")


@pytest.mark.parametrize(("host", "says"), [
    ("no-such-host.invalid", "host: cannot use \"no-such-host.invalid\": "),
    ("192.0.2.1", "host: \"192.0.2.1\" is not an address of this machine"),
    ("\x1b[2Jevil", "host: cannot use \"\\x1b[2Jevil\": "),
])
def test_a_bad_host_is_exit_2_with_one_line(host: str, says: str) -> None:
    status, err = _serve_fails("--host", host, "--port", "0")
    assert status == 2
    assert err.startswith(f"interview-signals: error: {says}"), err
    assert err.count("\n") == 1
    assert "\x1b" not in err


@pytest.mark.parametrize("option", ["--max-searches", "--search-seconds", "--request-timeout",
                                    "--keep-alive"])
@pytest.mark.parametrize("value", ["0", "-5", "x", "9" * 5000])
def test_bad_limits_are_exit_2_naming_the_option(option: str, value: str) -> None:
    status, err = _serve_fails(option, value, "--port", "0")
    assert status == 2
    assert f"argument {option}:" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("loop", [[], ["--loop", "uvloop"], ["--loop", "asyncio"]])
def test_the_log_names_the_port_bound(tmp_path: Path, loop: list[str]) -> None:
    with served(tmp_path, "--port", "0", *loop) as service:
        assert httpx.get(service.url("/v1/healthz"), timeout=10).status_code == 200
        good = (Path(__file__).parents[2] / "examples" / "data" / "good_interview.json")
        answer = httpx.post(service.url("/v1/assess"), content=good.read_bytes(),
                            timeout=10, headers={"Content-Type": "application/json"})
        assert answer.status_code == 200, answer.text
        assert answer.json()["verdict"] == "strong"
        status, _ = service.stop()
        log = service.log()
    assert status == 0, log
    ports = set(re.findall(r"127\.0\.0\.1:(\d+)", log))
    assert ports == {str(service.port)}, log
    assert service.port != 0
    assert "Traceback" not in log


# --- searches -----------------------------------------------------------------------------


def _until_refused(port: int, path: str) -> httpx.Response:
    """POST ``path`` until the service refuses it with 503 (the running searches have
    reached their slots); a request it took instead is dropped, which cancels it."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            response = httpx.post(f"http://127.0.0.1:{port}{path}", content=GOOD,
                                  headers={"content-type": "application/json"}, timeout=2)
        except httpx.TimeoutException:
            continue  # taken: a slot was still free; closing the client cancels it
        if response.status_code == 503:
            return response
        time.sleep(0.1)
    raise AssertionError("the service never refused a search")


def test_searches_are_capped_cancelled_and_stopped_by_sigterm(tmp_path: Path) -> None:
    """On a pack whose consultation runs for minutes (given the time), two hold the two
    slots: a third gets 503 with Retry-After at once, healthz and assess answer, a client
    that goes away frees its slot, and SIGTERM ends the process with status 0 within
    seconds, searches and all."""
    pack = many_states(tmp_path / "pack", 40)
    with served(tmp_path, "--port", "0", "--no-default", "--rules", str(pack),
                "--max-searches", "2", "--search-seconds", "600") as service:
        port = service.port
        first, second = _post(port, "/v1/consult"), _post(port, "/v1/consult")
        refused = _until_refused(port, "/v1/consult")
        assert refused.headers["content-type"] == "application/problem+json"
        assert int(refused.headers["retry-after"]) >= 1
        assert httpx.get(service.url("/v1/healthz"), timeout=10).status_code == 200
        assert httpx.post(service.url("/v1/assess"), content=GOOD, timeout=10,
                          headers={"content-type": "application/json"}).status_code == 200
        first.close()  # its client gone: its search stops and its slot is free
        deadline = time.monotonic() + 30
        freed = False
        while not freed and time.monotonic() < deadline:
            try:
                response = httpx.post(service.url("/v1/consult"), content=GOOD,
                                      headers={"content-type": "application/json"},
                                      timeout=1.5)
                assert response.status_code == 503
                time.sleep(0.2)
            except httpx.TimeoutException:
                freed = True  # taken: the slot was free (and this one is cancelled too)
        assert freed, service.log()
        third = _post(port, "/v1/consult")  # running when the signal comes
        time.sleep(0.5)
        status, seconds = service.stop(signal.SIGTERM)
        second.close()
        third.close()
        log = service.log()
    assert status == 0, log
    assert seconds < 15, log  # the issue asks for 5 s; measured, not asserted tightly
    assert "Traceback" not in log
    assert log.count("went away") >= 1, log


@pytest.mark.parametrize(("how", "workers"), [(signal.SIGINT, 1), (signal.SIGHUP, 1),
                                              (signal.SIGTERM, 2)])
def test_sigint_sighup_and_workers_stop_a_busy_service_too(
        tmp_path: Path, how: signal.Signals, workers: int) -> None:
    """With two workers, each may hold the searches: the supervisor stops both."""
    pack = many_states(tmp_path / "pack", 40)
    with served(tmp_path, "--port", "0", "--no-default", "--rules", str(pack),
                "--search-seconds", "600", "--workers", str(workers),
                "--max-searches", "1") as service:
        busy = [_post(service.port, "/v1/consult") for _ in range(2)]
        _until_refused(service.port, "/v1/consult")
        status, seconds = service.stop(how)
        for sock in busy:
            sock.close()
        log = service.log()
    assert status == 0, log
    assert seconds < 15, log
    assert "Traceback" not in log


def test_clients_gone_mid_body_are_one_log_line_each(tmp_path: Path) -> None:
    """Before: 20 disconnects, 20 internal errors with a traceback."""
    with served(tmp_path, "--port", "0") as service:
        for _ in range(20):
            sock = _connect(service.port)
            sock.sendall(b"POST /v1/assess HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
                         b"application/json\r\nContent-Length: 1000\r\n\r\n{\"tour\": ")
            time.sleep(0.05)
            sock.close()
        deadline = time.monotonic() + 30
        while service.log().count("went away") < 20 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert httpx.get(service.url("/v1/healthz"), timeout=10).status_code == 200
        assert service.stop()[0] == 0
        log = service.log()
    assert log.count("the client went away before its request arrived whole") == 20, log
    assert "Traceback" not in log
    assert "nternal error" not in log


def test_sigterm_while_a_body_arrives_answers_503_and_exits_cleanly(tmp_path: Path) -> None:
    """A request whose body is still arriving when the service is stopped gets 503 with
    ``Connection: close`` before the graceful period ends. Before: uvicorn cancelled it,
    logged a traceback and answered a plain-text 500."""
    with served(tmp_path, "--port", "0") as service:
        sock = _connect(service.port)
        sock.sendall(b"POST /v1/assess HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
                     b"application/json\r\nContent-Length: 1000\r\n\r\n{\"tour\": ")
        time.sleep(0.5)
        status, seconds = service.stop(signal.SIGTERM)
        sock.settimeout(15)
        answer = b""
        with contextlib.suppress(ConnectionResetError):
            while chunk := sock.recv(65536):
                answer += chunk
        sock.close()
        log = service.log()
    assert status == 0, log
    assert seconds < 15, log  # about GRACEFUL_SECONDS; measured, not asserted tightly
    head, _, body = answer.partition(b"\r\n\r\n")
    lines = head.decode().lower().split("\r\n")
    assert lines[0] == "http/1.1 503 service unavailable", answer
    assert {"connection: close", "content-type: application/problem+json"} <= set(lines)
    assert any(line.startswith("retry-after: ") for line in lines), answer
    assert json.loads(body)["title"] == "Service stopping"
    assert "Traceback" not in log
    assert "ERROR" not in log, log
    assert log.count("the service stopped before the request arrived whole") == 1, log


# --- connections --------------------------------------------------------------------------


def test_partial_silent_and_idle_connections_are_closed_after_their_timeouts(
        tmp_path: Path) -> None:
    with served(tmp_path, "--port", "0", "--request-timeout", "2",
                "--keep-alive", "1") as service:
        slow = _connect(service.port)
        slow.sendall(b"GET /v1/healthz HTTP/1.1\r\nHost: local")
        silent = _connect(service.port)
        idle = _connect(service.port)
        idle.sendall(b"GET /v1/healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
        # slowloris: a byte a while, each resetting no timer
        start = time.monotonic()
        closed_slow = None
        slow.settimeout(0.3)
        while time.monotonic() - start < 20:
            try:
                slow.sendall(b"h")
                if slow.recv(65536) == b"":
                    closed_slow = time.monotonic() - start
                    break
            except TimeoutError:
                continue
            except (BrokenPipeError, ConnectionResetError):
                closed_slow = time.monotonic() - start
                break
        closed_silent = _closed_within(silent, 20)
        answer = idle.recv(65536)
        assert answer.startswith(b"HTTP/1.1 200"), answer
        closed_idle = _closed_within(idle, 20)
        for sock in (slow, silent, idle):
            sock.close()
        assert httpx.get(service.url("/v1/healthz"), timeout=10).status_code == 200
    assert closed_slow is not None
    assert closed_silent is not None
    assert closed_idle is not None


@pytest.mark.parametrize("loop", ["asyncio", "uvloop"])
def test_healthz_answers_while_300_slow_connections_are_open(tmp_path: Path, loop: str
                                                             ) -> None:
    """With a limit of 256 file descriptors, 300 connections sending a partial request:
    the service closes the longest-waiting ones to make room, so the next client gets in."""
    with served(tmp_path, "--port", "0", "--loop", loop, fd_limit=256) as service:
        slow = []
        try:
            for _ in range(300):
                sock = _connect(service.port)
                sock.sendall(b"GET /v1/healthz HTTP/1.1\r\nHost: loc")
                slow.append(sock)
            for _ in range(5):
                response = httpx.get(service.url("/v1/healthz"), timeout=10)
                assert response.status_code == 200
            assert service.process.poll() is None
        finally:
            for sock in slow:
                sock.close()
        log = service.log()
    assert "Traceback" not in log
    assert "Too many open files" not in log


# --- Host names ---------------------------------------------------------------------------


def _status_for_host(port: int, host: str) -> int:
    return httpx.get(f"http://127.0.0.1:{port}/v1/healthz", headers={"host": host},
                     timeout=10).status_code


def test_on_loopback_only_loopback_names_are_answered_unless_told(tmp_path: Path) -> None:
    """A web page that points its own name at 127.0.0.1 (DNS rebinding) gets 421."""
    with served(tmp_path, "--port", "0") as service:
        port = service.port
        statuses = {host: _status_for_host(port, host) for host in (
            "localhost", f"localhost:{port}", f"127.0.0.1:{port}", f"[::1]:{port}",
            "evil.example", f"evil.example:{port}", "127.0.0.1.nip.io")}
        assert service.stop()[0] == 0
    assert statuses == {"localhost": 200, f"localhost:{port}": 200, f"127.0.0.1:{port}": 200,
                        f"[::1]:{port}": 200, "evil.example": 421,
                        f"evil.example:{port}": 421, "127.0.0.1.nip.io": 421}
    with served(tmp_path, "--port", "0", "--allowed-host", "coach.example") as service:
        assert _status_for_host(service.port, "coach.example:80") == 200
        assert _status_for_host(service.port, "localhost") == 421
        assert service.stop()[0] == 0
    with served(tmp_path, "--port", "0", "--allowed-host", "*") as service:
        assert _status_for_host(service.port, "evil.example") == 200
        assert service.stop()[0] == 0


def _answer_for_host(port: int, host: bytes) -> bytes:
    """The whole answer to a GET of healthz with ``host`` as its Host, sent as is."""
    return _answer(port, b"GET /v1/healthz HTTP/1.1\r\nHost: " + host
                   + b"\r\nConnection: close\r\n\r\n")


def _answer(port: int, request: bytes) -> bytes:
    """The whole answer to ``request``, sent as is."""
    with _connect(port) as sock:
        sock.sendall(request)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    return answer


MALFORMED_HOSTS = [b"localhost:99999", b"localhost:abc", b"127.0.0.1:65536", b"localhost:",
                   b":8000", b"", b"local host", b"[::1", b"[::1]:x"]


@pytest.mark.parametrize("allowed", [[], ["--allowed-host", "*"]])
def test_a_malformed_host_is_a_400_problem_on_loopback_or_for_any_name(
        tmp_path: Path, allowed: list[str]) -> None:
    """RFC 9112, section 3.2; ``localhost:99999`` and ``localhost:abc`` were answered."""
    with served(tmp_path, "--port", "0", *allowed) as service:
        answers = {host: _answer_for_host(service.port, host) for host in MALFORMED_HOSTS}
        kept = {host: _answer_for_host(service.port, host) for host in (
            b"[::1]:8000", b"localhost.", b"LOCALHOST:80", b"127.0.0.1")}
        without = {version: _answer(service.port, b"GET /v1/healthz HTTP/" + version
                                    + b"\r\nConnection: close\r\n\r\n")
                   for version in (b"1.1", b"1.0")}
        assert service.stop()[0] == 0
        log = service.log()
    for host, answer in answers.items():
        head, _, body = answer.partition(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 400 "), (host, answer)
        assert b"content-type: application/problem+json" in head.lower(), (host, answer)
        assert json.loads(body)["title"] == "Bad Host header", (host, answer)
    assert {host: answer.split(b"\r\n", 1)[0] for host, answer in kept.items()} == dict.fromkeys(
        kept, b"HTTP/1.1 200 OK")
    # HTTP/1.1 requires a Host; HTTP/1.0 has none
    head, _, body = without[b"1.1"].partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 400 ")
    assert json.loads(body)["detail"] == ("Host: expected one Host header (HTTP/1.1 requires "
                                          "it), got none")
    assert without[b"1.0"].startswith(b"HTTP/1.1 200 OK")
    assert "Traceback" not in log


@pytest.mark.parametrize(("host", "names"), [
    ("127.0.0.1", ("localhost", "127.0.0.1", "::1")),
    ("127.0.0.2", ("localhost", "127.0.0.1", "::1", "127.0.0.2")),
    ("::1", ("localhost", "127.0.0.1", "::1")),
    ("[::1]", ("localhost", "127.0.0.1", "::1")),
    ("localhost", ("localhost", "127.0.0.1", "::1")),
    ("0.0.0.0", None), ("::", None), ("192.168.1.5", None), ("coach.example", None)])
def test_the_default_host_names_follow_the_address_bound(
        host: str, names: tuple[str, ...] | None) -> None:
    assert default_allowed_hosts(host) == names


@pytest.mark.parametrize("port", [-5, 65536, 123851, True, 8000.0])
def test_serve_refuses_a_port_out_of_range_before_binding(port: object) -> None:
    with pytest.raises(ArgumentError, match=r"^port: expected a port from 0 to 65535"):
        serve(port=port)  # type: ignore[arg-type]


def test_an_unknown_event_loop_is_refused_before_binding() -> None:
    status, err = _serve_fails("--loop", "trio")
    assert status == 2
    assert "argument --loop: invalid choice: 'trio'" in err
    with pytest.raises(ArgumentError, match=r"^loop: expected one of auto, asyncio, uvloop, got"):
        serve(port=0, loop="trio")


def test_uvloop_asked_for_but_not_importable_is_refused_before_binding(tmp_path: Path) -> None:
    # A uvloop that fails to import (not installed, or a broken build) stands in the path.
    (tmp_path / "uvloop").mkdir()
    (tmp_path / "uvloop" / "__init__.py").write_text("raise ImportError('no uvloop here')\n")
    status, err = _serve_fails("--loop", "uvloop", "--workers", "2",
                               env={"PYTHONPATH": str(tmp_path)})
    assert status == 2
    assert "loop: uvloop is not installed" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(("limit", "connections", "backlog"), [
    (256, 192, 16), (1024, 768, 64), (100, 68, 8), (65536, 4096, 2048), (-1, 4096, 2048),
    (None, 1024, 2048)])
def test_the_backlog_stays_within_the_descriptors_the_cap_leaves(
        monkeypatch: pytest.MonkeyPatch, limit: int | None, connections: int, backlog: int
        ) -> None:
    monkeypatch.setattr(conns, "_descriptors", lambda: limit)
    assert conns.max_connections() == connections
    assert conns.backlog() == backlog


def test_running_out_of_descriptors_on_accept_is_one_line_and_the_rest_goes_on(
        caplog: pytest.LogCaptureFixture) -> None:
    loop = asyncio.new_event_loop()
    try:
        passed_on: list[dict[str, object]] = []
        loop.default_exception_handler = passed_on.append  # type: ignore[method-assign,assignment]
        with caplog.at_level(logging.WARNING, logger="uvicorn.error"):
            conns._accept_errors(loop, {
                "message": "socket.accept() out of system resource",
                "exception": OSError(errno.EMFILE, "Too many open files")})
        assert passed_on == []
        assert [r.getMessage() for r in caplog.records] == [
            "out of file descriptors (EMFILE): accepting new connections again in a "
            "second"]
        other = {"message": "something else", "exception": ValueError("x")}
        conns._accept_errors(loop, other)
        assert passed_on == [other]
    finally:
        loop.close()
