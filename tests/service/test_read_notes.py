"""``POST /v1/read-notes``: a note in, its reading out (schema ``notes-reading``), and
problem documents for a body that is no note."""

from __future__ import annotations

import jsonschema
import pytest
from starlette.testclient import TestClient

from interview_signals import read_notes
from interview_signals._schema.catalog import schema
from interview_signals._service import create_app

NOTE = "Panel of three, 45 min slot. No tour. I think she nodded? My friend got a tour."


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app())


def test_a_note_reads_as_the_library_reads_it(client: TestClient) -> None:
    response = client.post("/v1/read-notes", json={"text": NOTE})
    assert response.status_code == 200
    jsonschema.validate(response.json(), schema("notes-reading"))
    assert response.json() == read_notes(NOTE).to_dict()


@pytest.mark.parametrize(("body", "problems"), [
    ({}, [("notes.text", "the note as a string", "nothing")]),
    ({"text": 3}, [("notes.text", "the note as a string", "3")]),
    ({"text": "x", "notes": "y"}, [("notes.notes", "only text", "an unknown key")]),
])
def test_a_body_that_is_no_note_gives_422_with_each_problem(
        client: TestClient, body: dict[str, object], problems: list[tuple[str, str, str]]
) -> None:
    response = client.post("/v1/read-notes", json=body)
    assert response.status_code == 422
    assert [(p["path"], p["expected"], p["got"]) for p in response.json()["problems"]] == \
        problems


def test_a_body_that_is_no_object_gives_422(client: TestClient) -> None:
    response = client.post("/v1/read-notes", json=["No tour"])
    assert (response.status_code, response.json()["detail"]) == (
        422, 'notes: expected a JSON object {"text": "..."}, got a list (array)')


def test_a_note_over_one_mebibyte_is_refused_by_path() -> None:
    client = TestClient(create_app(max_body=3 * 1024 * 1024))
    response = client.post("/v1/read-notes", json={"text": "x" * (1024 * 1024 + 1)})
    assert response.status_code == 422
    assert response.json()["problems"][0]["path"] == "notes.text"


def test_the_openapi_document_describes_the_endpoint(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    post = document["paths"]["/v1/read-notes"]["post"]
    assert post["requestBody"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Notes"}
    assert document["components"]["schemas"]["Notes"]["required"] == ["text"]
