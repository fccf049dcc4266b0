"""``create_app()`` mounted under a prefix in the ASGI frameworks coaching tools use:
Starlette, FastAPI and Litestar. The API, the OpenAPI document (its ``servers`` name the
prefix) and the page answer there, with and without a trailing slash."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from litestar import Litestar, asgi
from litestar.types import Receive, Scope, Send
from starlette.applications import Starlette
from starlette.routing import Mount
from starlette.testclient import TestClient

from interview_signals._service.app import create_app
from tests.support import GOOD, ROOT

SIGNALS = create_app()
PAGE_FILES = {p.name for p in (ROOT / "interview_signals" / "_service" / "page").iterdir()
              if p.suffix in (".js", ".css")}


def _starlette() -> Any:
    return Starlette(routes=[Mount("/signals", app=SIGNALS)])


def _fastapi() -> Any:
    host = FastAPI()
    host.mount("/signals", SIGNALS)
    return host


def _litestar() -> Any:
    async def signals(scope: Scope, receive: Receive, send: Send) -> None:
        await SIGNALS(scope, receive, send)  # type: ignore[arg-type]

    return Litestar(route_handlers=[asgi("/signals", is_mount=True, copy_scope=True)(signals)])


HOSTS: dict[str, Callable[[], Any]] = {
    "starlette": _starlette, "fastapi": _fastapi, "litestar": _litestar}


@pytest.fixture(scope="module", params=list(HOSTS))
def client(request: pytest.FixtureRequest) -> Iterator[TestClient]:
    with TestClient(HOSTS[request.param]()) as c:
        yield c


@pytest.mark.parametrize("slash", ["", "/"])
def test_the_api_answers_under_the_prefix(client: TestClient, slash: str) -> None:
    health = client.get(f"/signals/v1/healthz{slash}", follow_redirects=False)
    assert health.status_code == 200, health.text
    assert health.json()["status"] == "ok"
    assessed = client.post(f"/signals/v1/assess{slash}", json=GOOD, follow_redirects=False)
    assert assessed.status_code == 200, assessed.text
    assert assessed.json()["verdict"] == "strong"
    schema = client.get(f"/signals/v1/schema/observations{slash}", follow_redirects=False)
    assert schema.status_code == 200
    rules = client.get(f"/signals/v1/rules{slash}", follow_redirects=False)
    assert rules.status_code == 200


@pytest.mark.parametrize("slash", ["", "/"])
def test_the_document_names_the_prefix_as_its_server(client: TestClient, slash: str) -> None:
    response = client.get(f"/signals/openapi.json{slash}", follow_redirects=False)
    assert response.status_code == 200
    assert response.json()["servers"][0]["url"] == "/signals"


@pytest.mark.parametrize("slash", ["", "/"])
def test_the_page_and_its_files_load_under_the_prefix(client: TestClient, slash: str) -> None:
    page = client.get(f"/signals{slash}")  # without the slash: redirected to it
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert str(page.url).endswith("/signals/")
    assert {"main.js", "fields.js", "page.css"} <= PAGE_FILES
    for name in sorted(PAGE_FILES):  # the stylesheet, main.js and every module it imports
        assert client.get(f"/signals/page/{name}").status_code == 200, name


def test_a_wrong_method_under_the_prefix_is_405_with_allow(client: TestClient) -> None:
    response = client.get("/signals/v1/assess")
    assert response.status_code == 405
    assert response.headers["allow"] == "POST"


def test_the_app_alone_names_the_root_as_its_server() -> None:
    with TestClient(create_app()) as c:
        assert c.get("/openapi.json").json()["servers"][0]["url"] == "/"
        assert c.get("/openapi.json/").json()["servers"][0]["url"] == "/"
        assert c.get("/v1/healthz/").status_code == 200
        assert c.get("/", follow_redirects=False).status_code == 200
