"""The service's public module: what README's embedding example imports."""

from __future__ import annotations

import subprocess
import sys

from starlette.applications import Starlette
from starlette.routing import Mount
from starlette.testclient import TestClient

from interview_signals._service import create_app as private
from interview_signals.service import create_app


def test_the_public_module_gives_the_app_factory() -> None:
    assert create_app is private


def test_readmes_mount_example_serves_under_the_prefix() -> None:
    app = Starlette(routes=[Mount("/signals", app=create_app())])
    with TestClient(app) as client:
        assert client.get("/signals/v1/healthz").json()["status"] == "ok"
        assert client.get("/signals/openapi.json").json()["servers"][0]["url"] == "/signals"


def test_the_package_alone_never_imports_the_service() -> None:
    code = ("import sys, interview_signals; "
            "print(any(m.startswith(('starlette', 'interview_signals._service')) "
            "for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "False"
