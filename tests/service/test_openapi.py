"""_openapi: the OpenAPI 3.1 document assembled from the generated schemas, for the
service's operations or any others. What the running service serves is in test_service.py."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import jsonschema
import pytest
from openapi_spec_validator import validate as validate_openapi

from interview_signals import Engine, ObservationError, __version__, assess
from interview_signals._rulebook.model import rule_rows, verdict_rows
from interview_signals._schema.catalog import NAMES, schema
from interview_signals._schema.observations import JSON
from interview_signals._service.openapi import Health, Operation, Parameter, openapi_document
from interview_signals._service.operations import OPERATIONS

GETS = {"/v1/schema/{name}", "/v1/rules", "/v1/texts", "/v1/healthz"}
PANEL = {"interview": {"scheduled_minutes": 45, "actual_minutes": 75, "interviewer_count": 4},
         "thank_you": {"note_sent": True, "response_received": True, "response_hours": 36}}


def _unused(engine: Engine, observations: dict[str, object], options: object) -> object:
    raise AssertionError("the document never computes")


def _read(values: list[str]) -> object:
    return values


CUSTOM = Operation(
    path="/v1/custom", operation_id="custom", summary="A custom assessment",
    schema="assessment", component="Custom", compute=_unused,
    parameters=(Parameter(name="one", description="a single value", read=_read,
                          schema={"type": "integer", "minimum": 1}),
                Parameter(name="many", description="repeat it", read=_read, repeated=True,
                          schema={"type": "string", "enum": ["a", "b"]})))


@pytest.fixture(scope="module")
def document() -> JSON:
    return openapi_document(OPERATIONS)


def _validator(document: JSON, component: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        {**document, "$ref": f"#/components/schemas/{component}"})


def _nodes(node: Any, key: str) -> Iterator[Any]:
    """Every value of ``key`` anywhere in ``node``."""
    if isinstance(node, dict):
        for k, v in node.items():
            if k == key:
                yield v
            yield from _nodes(v, key)
    elif isinstance(node, list):
        for v in node:
            yield from _nodes(v, key)


def _resolve(document: JSON, ref: str) -> Any:
    assert ref.startswith("#/"), ref
    node: Any = document
    for part in ref[2:].split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


@pytest.mark.parametrize("operations", [OPERATIONS, [CUSTOM], []],
                         ids=["service", "custom", "none"])
def test_the_document_is_valid_openapi_3_1(operations: list[Operation]) -> None:
    document = openapi_document(operations)
    validate_openapi(document)
    assert document["openapi"] == "3.1.0"
    assert document["info"]["version"] == __version__
    assert document["jsonSchemaDialect"] == "https://json-schema.org/draft/2020-12/schema"


@pytest.mark.parametrize("operations", [OPERATIONS, [CUSTOM]], ids=["service", "custom"])
def test_every_ref_points_inside_the_document(operations: list[Operation]) -> None:
    document = openapi_document(operations)
    refs = list(_nodes(document, "$ref"))
    assert any("/$defs/" in ref for ref in refs)
    for ref in refs:
        assert isinstance(_resolve(document, ref), dict), ref


def test_components_carry_no_id_or_dialect_of_their_own(document: JSON) -> None:
    components = document["components"]["schemas"]
    assert not list(_nodes(components, "$id"))
    assert not list(_nodes(components, "$schema"))


def test_each_operation_has_its_route_component_and_errors(document: JSON) -> None:
    assert set(document["paths"]) == GETS | {op.path for op in OPERATIONS}
    for op in OPERATIONS:
        post = document["paths"][op.path]["post"]
        assert (post["operationId"], post["summary"]) == (op.operation_id, op.summary)
        assert post["requestBody"] == {"required": True, "content": {"application/json": {
            "schema": {"$ref": f"#/components/schemas/{op.request_component}"}}}}
        responses = post["responses"]
        assert responses["200"]["content"]["application/json"]["schema"] == {
            "$ref": f"#/components/schemas/{op.component}"}
        for status in ("400", "413", "422"):
            assert responses[status]["content"]["application/problem+json"]["schema"] == {
                "$ref": "#/components/schemas/Problem"}
        assert [p["name"] for p in post["parameters"]] == [p.name for p in op.parameters]


def test_a_parameter_is_a_query_option_and_a_repeated_one_an_array() -> None:
    one, many = openapi_document([CUSTOM])["paths"]["/v1/custom"]["post"]["parameters"]
    assert one == {"name": "one", "in": "query", "required": False,
                   "description": "a single value", "schema": {"type": "integer", "minimum": 1}}
    assert many == {"name": "many", "in": "query", "required": False,
                    "description": "repeat it", "style": "form", "explode": True,
                    "schema": {"type": "array", "items": {"type": "string",
                                                          "enum": ["a", "b"]}}}


def test_without_operations_only_the_get_endpoints_remain() -> None:
    document = openapi_document([])
    assert set(document["paths"]) == GETS
    assert set(document["components"]["schemas"]) == {
        "Observations", "Problem", "Rules", "Health", "Schema"}


def test_the_schema_endpoint_offers_the_available_schemas(document: JSON) -> None:
    (name,) = document["paths"]["/v1/schema/{name}"]["get"]["parameters"]
    assert name["schema"] == {"enum": list(NAMES)}


def test_the_observations_component_is_the_generated_schema(document: JSON) -> None:
    generated = {k: v for k, v in schema("observations").items()
                 if k not in ("$id", "$schema")}
    assert document["components"]["schemas"]["Observations"] == generated


@pytest.mark.parametrize("component", ["Assessment", "Custom"])
def test_an_assessment_validates_against_its_component(component: str) -> None:
    document = openapi_document([*OPERATIONS, CUSTOM])
    validator = _validator(document, component)
    validator.validate(assess(PANEL).to_dict())
    assert not validator.is_valid({**assess(PANEL).to_dict(), "verdict": 3})


def test_the_rules_and_health_bodies_validate(document: JSON, engine: Engine) -> None:
    book = engine.rulebook
    rules = {"rules": rule_rows(book), "verdicts": verdict_rows(book)}
    _validator(document, "Rules").validate(rules)
    health: Health = {"status": "ok", "version": __version__, "rules": len(book.rules)}
    _validator(document, "Health").validate(health)
    assert not _validator(document, "Health").is_valid({"status": "ok"})
    assert not _validator(document, "Rules").is_valid({"rules": [{"id": "x"}],
                                                       "verdicts": []})
    assert not _validator(document, "Rules").is_valid({"rules": [], "verdicts": ["strong"]})


def test_an_observation_error_validates_as_a_problem(document: JSON) -> None:
    with pytest.raises(ObservationError) as info:
        assess({"tour": {"office_tour": "yes", "coffee": True}})
    body = {"type": "about:blank", "title": "Unprocessable observations", "status": 422,
            "detail": str(info.value), "problems": [p.to_dict() for p in info.value.problems]}
    problem = _validator(document, "Problem")
    problem.validate(body)
    assert not problem.is_valid({**body, "problems": [{"path": "tour"}]})
