"""Helpers that more than one test module shares: the service's problem documents checked
against the OpenAPI document, and whether the library accepts an observation document."""

from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import Any

import httpx2 as httpx
import jsonschema

from interview_signals import Engine, ObservationError, __version__
from interview_signals._observations import check_values
from interview_signals._service.http import VERSION_HEADER
from interview_signals._service.openapi import openapi_document
from interview_signals._service.operations import OPERATIONS

ROOT = Path(__file__).parent.parent
GOOD = json.loads((ROOT / "examples" / "data" / "good_interview.json").read_text())
OPENAPI = openapi_document(OPERATIONS, Engine.default().rulebook)


def validator(component: str) -> jsonschema.Draft202012Validator:
    """A validator of one component of the service's OpenAPI document."""
    return jsonschema.Draft202012Validator(
        {**OPENAPI, "$ref": f"#/components/schemas/{component}"})


PROBLEM = validator("Problem")


def assert_problem(response: httpx.Response, status: int) -> dict[str, Any]:
    """A problem document (RFC 9457) of ``status``, with the version and no traceback."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers[VERSION_HEADER] == __version__
    body: dict[str, Any] = response.json()
    PROBLEM.validate(body)
    assert body["status"] == status
    assert "Traceback" not in response.text
    assert 'File "' not in response.text
    return body


def library_accepts(document: object) -> bool:
    """Whether the library accepts ``document`` as observations."""
    try:
        check_values(document)
    except ObservationError:
        return False
    return True


def free_port() -> int:
    """A TCP port on the loopback address that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port
