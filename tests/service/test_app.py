"""The HTTP service, in process (Starlette's TestClient, httpx's ASGI transport) and as the
``interview-signals serve`` process."""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import httpx2 as httpx
import jsonschema
import pytest
from hypothesis import given, settings
from openapi_spec_validator import validate as validate_openapi
from starlette.applications import Starlette
from starlette.routing import Mount
from starlette.testclient import TestClient

from interview_signals import (
    Assessment,
    Consultation,
    Engine,
    ObservationError,
    Observations,
    __version__,
)
from interview_signals._consultation.search.budget import Cancel
from interview_signals._schema.catalog import NAMES, schema
from interview_signals._service.app import DEFAULT_MAX_BODY, create_app
from interview_signals._service.http import VERSION_HEADER
from interview_signals._service.openapi import openapi_document
from interview_signals._service.operations import OPERATIONS
from tests.profiles import examples
from tests.strategies import Corruption, corruptions, observations
from tests.support import GOOD, ROOT, assert_problem, free_port, validator

ASSESSMENT = validator("Assessment")
CONSULTATION = validator("Consultation")
WHAT_IF = validator("WhatIfs")


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app(), raise_server_exceptions=False) as c:
        yield c


def test_assess_answers_what_the_library_answers_without_the_trace(client: TestClient) -> None:
    response = client.post("/v1/assess", json=GOOD)
    assert response.status_code == 200
    assert response.headers[VERSION_HEADER] == __version__
    expected = Engine.default().assess(GOOD).to_dict()
    del expected["trace"]
    assert response.json() == expected
    ASSESSMENT.validate(response.json())


def test_assess_with_the_trace_when_asked(client: TestClient) -> None:
    response = client.post("/v1/assess?trace=true", json=GOOD)
    assert response.json() == Engine.default().assess(GOOD).to_dict()
    assert response.json()["trace"]
    ASSESSMENT.validate(response.json())
    assert "trace" not in client.post("/v1/assess?trace=false", json=GOOD).json()
    assert_problem(client.post("/v1/assess?trace=maybe", json=GOOD), 400)


@settings(max_examples=examples(40), deadline=None)
@given(observations())
def test_any_valid_observations_round_trip(client: TestClient, document: dict[str, Any]
                                           ) -> None:
    body = client.post("/v1/assess?trace=true", json=document).json()
    ASSESSMENT.validate(body)
    assert Assessment.from_dict(body) == Engine.default().assess(document)


def test_consult_answers_what_the_library_answers(client: TestClient) -> None:
    partial = {"tour": {"office_tour": True}, "thank_you": {"note_sent": True}}
    response = client.post("/v1/consult?skip=interview.actual_minutes"
                           "&skip=body_language.engaged", json=partial)
    assert response.status_code == 200, response.text
    expected = Engine.default().consult(
        partial, skipped=["interview.actual_minutes", "body_language.engaged"]).to_dict()
    assert isinstance(expected["assessment"], dict)
    del expected["assessment"]["trace"]
    assert response.json() == expected
    body = response.json()
    CONSULTATION.validate(body)
    jsonschema.validate(body, schema("consultation"))
    asked = [q["path"] for q in body["questions"]]
    assert asked
    assert "body_language.engaged" not in asked
    assert "interview.actual_minutes" not in asked


def test_consult_with_the_trace_when_asked(client: TestClient) -> None:
    body = client.post("/v1/consult?trace=true", json=GOOD).json()
    assert body == Engine.default().consult(GOOD).to_dict()
    assert body["assessment"]["trace"]
    CONSULTATION.validate(body)


@settings(max_examples=examples(15), deadline=None)
@given(observations())
def test_consult_and_what_if_validate_for_any_observations(client: TestClient,
                                                           document: dict[str, Any]) -> None:
    consultation = client.post("/v1/consult", json=document).json()
    CONSULTATION.validate(consultation)
    assert consultation["assessment"]["verdict"] == Engine.default().assess(document).verdict
    what_if = client.post("/v1/what-if?include_fixed=true&limit=3", json=document).json()
    WHAT_IF.validate(what_if)
    assert what_if == Engine.default().what_if(document, limit=3,
                                               include_fixed=True).to_dict()


def test_what_if_answers_what_the_library_answers(client: TestClient) -> None:
    partial = {"thank_you": {"note_sent": True}}
    for query, kwargs in (("", {}), ("?target=strong", {"target": "strong"}),
                          ("?include_fixed=true&limit=2", {"include_fixed": True, "limit": 2})):
        response = client.post(f"/v1/what-if{query}", json=partial)
        assert response.status_code == 200, response.text
        assert response.json() == Engine.default().what_if(partial, **kwargs).to_dict()
        WHAT_IF.validate(response.json())
        jsonschema.validate(response.json(), schema("what-if"))
    # Already there: a target at or below the verdict, every field free (once a search of
    # every set of fields, which never ended).
    reached = client.post("/v1/what-if?target=promising&include_fixed=true", json=GOOD)
    assert reached.json() == Engine.default().what_if(GOOD, "promising",
                                                      include_fixed=True).to_dict()
    assert reached.json()["possible"] is True
    assert reached.json()["options"] == []


@pytest.mark.parametrize("path", ["/v1/consult", "/v1/what-if"])
def test_consult_and_what_if_errors(client: TestClient, path: str) -> None:
    body = assert_problem(client.post(path, json={"thank_you": {"tone": "happy"}}), 422)
    assert body["problems"][0]["path"] == "thank_you.tone"
    assert_problem(client.post(path, content=b"{"), 400)
    big = b'{"x": "' + b"a" * DEFAULT_MAX_BODY + b'"}'
    assert_problem(client.post(path, content=big), 413)
    assert_problem(client.get(path), 405)


@settings(max_examples=examples(40), deadline=None)
@given(corruptions())
def test_bad_observations_give_422_with_the_library_problems(client: TestClient,
                                                             corruption: Corruption) -> None:
    # json.dumps, not json=: the corruptions include NaN, which strict encoders refuse
    sent = json.dumps(corruption.observations).encode()
    body = assert_problem(client.post("/v1/assess", content=sent), 422)
    with pytest.raises(ObservationError) as raised:
        Observations.from_dict(corruption.observations)
    problem = body["problems"][0]
    assert problem["path"] == corruption.path == raised.value.path
    assert problem["expected"]
    assert problem["got"]


def test_contradicting_observations_give_422(client: TestClient) -> None:
    body = assert_problem(client.post("/v1/assess", json={
        "thank_you": {"note_sent": False, "response_received": True}}), 422)
    assert body["problems"][0]["path"] == "thank_you.response_received"


@pytest.mark.parametrize("document", [[], "text", 3, None, True])
def test_a_body_that_is_not_an_object_gives_422(client: TestClient, document: object) -> None:
    body = assert_problem(client.post("/v1/assess", content=json.dumps(document)), 422)
    assert body["problems"][0]["path"] == "observations"


def test_nan_is_read_as_the_library_reads_it_and_refused_by_path(client: TestClient) -> None:
    body = assert_problem(client.post("/v1/assess", content=b'{"thank_you": {"note_sent": true, '
                               b'"response_received": true, "response_hours": NaN}}'), 422)
    assert body["problems"][0]["path"] == "thank_you.response_hours"
    assert body["problems"][0]["got"] == "NaN"


def test_a_search_runs_off_the_event_loop() -> None:
    released = threading.Event()
    waited: list[bool] = []

    class Slow(Engine):
        def consult(self, observations: Mapping[str, object] | Observations, *,
                    skipped: Iterable[str] = (), seconds: float | None = None,
                    cancel: Cancel | None = None) -> Consultation:
            waited.append(released.wait(timeout=60))
            return super().consult(observations, skipped=skipped, seconds=seconds,
                                   cancel=cancel)

    app = create_app(Slow(Engine.default().rulebook))

    async def scenario() -> tuple[int, int, int]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as c:
            slow = asyncio.create_task(c.post("/v1/consult", json=GOOD))
            health = await c.get("/v1/healthz")  # answered while the search waits
            assessed = await c.post("/v1/assess", json=GOOD)  # and so is an assessment
            released.set()
            return health.status_code, assessed.status_code, (await slow).status_code

    assert asyncio.run(scenario()) == (200, 200, 200)
    assert waited == [True]  # the search was released by the other requests' answers


def test_an_assessment_is_computed_on_the_event_loop_a_large_body_off_it() -> None:
    threads: list[str] = []

    class Watched(Engine):
        def assess(self, observations: Mapping[str, object] | Observations) -> Assessment:
            threads.append(threading.current_thread().name)
            return super().assess(observations)

    app = create_app(Watched(Engine.default().rulebook))
    small = json.dumps(GOOD).encode()
    large = small + b" " * 5000  # the same document, past the 4 KiB computed on the loop

    async def scenario() -> list[int]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as c:
            return [(await c.post("/v1/assess", content=body,
                                  headers={"Content-Type": "application/json"})).status_code
                    for body in (small, large)]

    loop_thread = threading.current_thread().name  # asyncio.run's loop runs here
    assert asyncio.run(scenario()) == [200, 200]
    assert threads[0] == loop_thread
    assert threads[1].startswith("interview-signals")


@pytest.mark.parametrize("name", NAMES)
def test_schema_endpoint(client: TestClient, name: str) -> None:
    response = client.get(f"/v1/schema/{name}")
    assert response.status_code == 200
    assert response.json() == schema(name)
    assert_problem(client.get("/v1/schema/nothing"), 404)


def test_rules_and_healthz(client: TestClient) -> None:
    rules = client.get("/v1/rules").json()
    validator("RulesBody").validate(rules)
    book = Engine.default().rulebook
    assert [r["id"] for r in rules["rules"]] == [r.id for r in book.rules]
    assert rules["verdicts"] == [{"id": v.id, "title": v.title} for v in book.verdicts]
    health = client.get("/v1/healthz").json()
    validator("Health").validate(health)
    assert health == {"status": "ok", "version": __version__, "rules": len(book.rules)}


def test_openapi_is_valid_and_is_the_document_of_the_apps_rulebook(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    validate_openapi(document)
    assert document == openapi_document(OPERATIONS, Engine.default().rulebook)
    assert document["servers"][0]["url"] == "/"
    assert set(document["paths"]) == {"/v1/assess", "/v1/consult", "/v1/what-if",
                                      "/v1/session", "/v1/read-notes", "/v1/schema/{name}",
                                      "/v1/rules", "/v1/texts", "/v1/healthz"}
    consult = document["paths"]["/v1/consult"]["post"]["parameters"]
    assert [p["name"] for p in consult] == ["trace", "lang", "skip"]
    what_if = document["paths"]["/v1/what-if"]["post"]["parameters"]
    assert [p["name"] for p in what_if] == ["lang", "target", "include_fixed", "limit"]
    # The components are the generated schemas, not a second copy kept by hand.
    observations = dict(schema("observations"))
    del observations["$schema"], observations["$id"], observations["title"]
    assert document["components"]["schemas"]["Observations"] == observations


def test_no_cors_unless_an_origin_is_named(client: TestClient) -> None:
    origin = {"Origin": "https://coach.example"}
    assert "access-control-allow-origin" not in client.get("/v1/healthz", headers=origin).headers
    with TestClient(create_app(cors_origins=["https://coach.example"])) as c:
        allowed = c.get("/v1/healthz", headers=origin)
        other = c.get("/v1/healthz", headers={"Origin": "https://other.example"})
    assert allowed.headers["access-control-allow-origin"] == "https://coach.example"
    assert "access-control-allow-origin" not in other.headers


def test_the_app_mounts_inside_another_app() -> None:
    host = Starlette(routes=[Mount("/signals", app=create_app())])
    with TestClient(host) as c:
        assert c.get("/signals/v1/healthz").json()["status"] == "ok"
        assert c.post("/signals/v1/assess", json=GOOD).json()["verdict"] == "strong"
        assert "page/main.js" in c.get("/signals/").text
        assert c.get("/signals/page/main.js").status_code == 200


PAGE = ROOT / "interview_signals" / "_service" / "page"


def test_the_page_is_served_and_needs_no_network(client: TestClient) -> None:
    assert client.get("/").headers["content-type"].startswith("text/html")
    names = sorted(p.name for p in PAGE.iterdir())
    assert {"index.html", "page.css", "main.js"} <= set(names)
    for name in names:
        text = (PAGE / name).read_text()
        assert "http://" not in text, name
        assert "https://" not in text, name
        response = client.get(f"/page/{name}")
        assert response.status_code == 200
        if name.endswith(".js"):  # a module script needs a JavaScript type to run
            assert response.headers["content-type"].split(";")[0] in (
                "text/javascript", "application/javascript")


def test_the_page_modules_import_only_modules_that_exist() -> None:
    """The page is ES modules without a build step: every import names a file beside it,
    every module is imported by another (or is main.js), and none is the old page.js."""
    modules = {p.name: p.read_text() for p in PAGE.glob("*.js")}
    imported: set[str] = set()
    for name, text in modules.items():
        for target in re.findall(r'^import .* from "\./([\w-]+\.js)";$', text, re.M):
            assert target in modules, (name, target)
            imported.add(target)
    assert set(modules) - imported == {"main.js"}
    assert '<script type="module" src="page/main.js">' in (PAGE / "index.html").read_text()


def test_create_app_refuses_a_limit_below_one_byte() -> None:
    with pytest.raises(ValueError, match="max_body"):
        create_app(max_body=0)


# --- the process ----------------------------------------------------------------------------

def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        text = (task / "children").read_text() if (task / "children").exists() else ""
        for child in map(int, text.split()):
            found |= {child, *_children(child)}
    return found


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "\nState:\tZ" not in status


def _wait_healthy(port: int, process: subprocess.Popen[bytes]) -> dict[str, Any]:
    deadline = time.monotonic() + 60  # a wait for start-up, not a speed check
    while time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()
        try:
            response = httpx.get(f"http://127.0.0.1:{port}/v1/healthz", timeout=2)
            result: dict[str, Any] = response.json()
            return result
        except httpx.TransportError:
            time.sleep(0.2)
    raise AssertionError("the service did not start")


@pytest.mark.parametrize(("stop", "workers"), [(signal.SIGTERM, 1), (signal.SIGINT, 1),
                                               (signal.SIGTERM, 2)])
def test_serve_starts_answers_and_stops_cleanly(stop: signal.Signals, workers: int) -> None:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "interview_signals", "serve", "--port", str(port),
         "--workers", str(workers)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        health = _wait_healthy(port, process)
        assert health["status"] == "ok"
        children = _children(process.pid)
        process.send_signal(stop)
        out, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0, err.decode()
    assert b"Traceback" not in out + err
    assert b"127.0.0.1" in err  # uvicorn says where it listens
    deadline = time.monotonic() + 15  # children exit with their parent's pipes; allow that
    while [pid for pid in children if _alive(pid)] and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [_cmdline(pid) or str(pid) for pid in children if _alive(pid)]


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except FileNotFoundError:
        return ""


def test_serve_refuses_a_bad_rule_pack_before_starting(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[[rule]]\nid = 3\n")
    result = subprocess.run([sys.executable, "-m", "interview_signals", "serve", "--port",
                             str(free_port()), "--rules", str(bad)],
                            capture_output=True, timeout=60, check=False)
    assert result.returncode == 1
    assert b"Traceback" not in result.stderr
    assert b"bad.toml" in result.stderr


def test_a_saved_session_comes_back_as_the_library_writes_it(client: TestClient) -> None:
    saved = {"version": 1, "format": "interview-signals/session",
             "skipped": ["thank_you.tone", "interview.actual_minutes"],
             "observations": {"tour": {"office_tour": True}}}
    response = client.post("/v1/session", json=saved)
    assert response.status_code == 200
    assert response.json() == Engine.default().session(saved).to_dict()
    assert response.json()["skipped"] == ["interview.actual_minutes", "thank_you.tone"]
    validator("Session").validate(response.json())


@pytest.mark.parametrize(("body", "paths"), [
    ({"format": "interview-signals/session", "version": 1, "observations": {},
      "skipped": ["tour", 3]}, ["session.skipped[0]", "session.skipped[1]"]),
    ({"tour": {"office_tour": True}}, ["session.format", "session.version", "session",
                                       "session.observations"]),
    ([], ["session"]),
])
def test_a_bad_saved_session_is_refused_with_every_problem_by_path(
        client: TestClient, body: object, paths: list[str]) -> None:
    problem = assert_problem(client.post("/v1/session", json=body), 422)
    assert [p["path"] for p in problem["problems"]] == paths


# --- statuses the contract names ------------------------------------------------------------

@pytest.mark.parametrize(("method", "path", "allow"), [
    ("GET", "/v1/assess", "POST"), ("PUT", "/v1/what-if", "POST"),
    ("POST", "/v1/healthz", "GET, HEAD"), ("DELETE", "/v1/schema/observations", "GET, HEAD")])
def test_a_wrong_method_is_405_with_the_methods_allowed(client: TestClient, method: str,
                                                        path: str, allow: str) -> None:
    response = client.request(method, path)
    assert_problem(response, 405)
    assert set(response.headers["allow"].split(", ")) == set(allow.split(", "))


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded",
                                          "multipart/form-data; boundary=x", "application/xml"])
def test_a_body_declared_as_something_else_than_json_is_415(client: TestClient,
                                                           content_type: str) -> None:
    response = client.post("/v1/assess", content=json.dumps(GOOD),
                           headers={"Content-Type": content_type})
    assert content_type.split(";", maxsplit=1)[0] in assert_problem(response, 415)["detail"]


@pytest.mark.parametrize(("content_type", "charset"), [
    ("application/json; charset=latin-1", '"latin-1"'),
    ("application/json;charset=utf-16", '"utf-16"'),
    ('application/json; charset="ISO-8859-1"', '"ISO-8859-1"'),
    ("application/merge-patch+json; charset=iso-646", '"iso-646"'),
    ("application/json; charset=", '""'),
    ('application/json; charset=utf-8; charset="utf-32"', '"utf-32"'),
    ("application/json; charset=\x1b[2J", '"\\x1b[2J"')])
def test_a_json_body_in_another_charset_than_utf_8_is_415_naming_it(
        client: TestClient, content_type: str, charset: str) -> None:
    """JSON exchanged between systems is UTF-8 (RFC 8259, section 8.1); a body declared in
    another charset was read as UTF-8 anyway."""
    response = client.post("/v1/assess", content=json.dumps(GOOD).encode(),
                           headers={"Content-Type": content_type})
    assert assert_problem(response, 415)["detail"] == (
        f"the body is declared in the charset {charset}; expected utf-8, its subset "
        "us-ascii, or no charset (JSON is UTF-8)")


@pytest.mark.parametrize("content_type", [None, "application/json",
                                          "application/json; charset=utf-8",
                                          'application/json; charset="UTF-8"',
                                          "application/json;Charset=UTF8",
                                          "application/json; version=2; charset=utf-8",
                                          'application/json; note="a;charset=latin-1"',
                                          "Application/JSON", "application/merge-patch+json",
                                          "application/json; charset=US-ASCII"])
def test_a_json_body_or_an_undeclared_one_is_read(client: TestClient,
                                                 content_type: str | None) -> None:
    headers = {"Content-Type": content_type} if content_type else {}
    response = client.post("/v1/assess", content=json.dumps(GOOD).encode(), headers=headers)
    assert response.status_code == 200, response.text


def test_a_trailing_slash_is_the_same_route_answered_in_place(client: TestClient) -> None:
    response = client.post("/v1/assess/", json=GOOD, follow_redirects=False)
    assert response.status_code == 200
    assert response.json() == client.post("/v1/assess", json=GOOD).json()


def test_read_notes_gives_its_reasons_in_the_language_asked_for(client: TestClient) -> None:
    body = {"text": "45 min slot. I think she nodded."}
    english = client.post("/v1/read-notes", json=body).json()
    spanish = client.post("/v1/read-notes?lang=es", json=body)
    assert spanish.headers["content-language"] == "es"
    reasons = {p["path"]: p["reason"] for p in spanish.json()["proposals"]}
    assert reasons["body_language.nods"] == "matizado con 'i think'"
    assert {p["path"]: p["reason"] for p in english["proposals"]}["body_language.nods"] == \
        "hedged by 'i think'"
    assert spanish.json()["observations"] == english["observations"]


@pytest.mark.parametrize(("method", "path"), [("POST", "/v1/assess"), ("GET", "/v1/texts"),
                                              ("GET", "/v1/rules"), ("GET", "/")])
def test_an_answer_in_a_language_varies_by_accept_language(client: TestClient, method: str,
                                                          path: str) -> None:
    """A shared cache must not give one reader's language to another."""
    response = client.request(method, path, json=GOOD if method == "POST" else None,
                              headers={"Accept-Language": "es"})
    assert response.status_code == 200
    assert response.headers["content-language"] == "es"
    assert "accept-language" in response.headers["vary"].lower()
