"""_openapi: the OpenAPI 3.1 document assembled from the generated schemas, for the
service's operations or any others. What the running service serves is in test_service.py."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import jsonschema
import pytest
from openapi_spec_validator import validate as validate_openapi

from interview_signals import Engine, ObservationError, __version__, assess
from interview_signals._rulebook.model import rule_rows, verdict_rows
from interview_signals._schema.catalog import NAMES, schema
from interview_signals._schema.observations import JSON
from interview_signals._service.http import VERSION_HEADER
from interview_signals._service.openapi import (
    Health,
    Operation,
    Parameter,
    _lift,
    component_schemas,
    openapi_document,
)
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
    description="The assessment under another name.",
    schema="assessment", component="Custom", compute=_unused,
    parameters=(Parameter(name="one", description="a single value", read=_read,
                          schema={"type": "integer", "minimum": 1}),
                Parameter(name="many", description="repeat it", read=_read, repeated=True,
                          schema={"type": "string", "enum": ["a", "b"]})))


@pytest.fixture(scope="module")
def document() -> JSON:
    return openapi_document(OPERATIONS, Engine.default().rulebook)


def build(operations: list[Operation], server: str = "/") -> JSON:
    return openapi_document(operations, Engine.default().rulebook, server=server)


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
    document = build(operations)
    validate_openapi(document)
    assert document["openapi"] == "3.1.0"
    assert document["info"]["version"] == __version__
    assert document["jsonSchemaDialect"] == "https://json-schema.org/draft/2020-12/schema"


@pytest.mark.parametrize("operations", [OPERATIONS, [CUSTOM]], ids=["service", "custom"])
def test_every_ref_points_inside_the_document(operations: list[Operation]) -> None:
    document = build(operations)
    refs = list(_nodes(document, "$ref"))
    assert refs
    for ref in refs:
        # a component itself, never a place inside one (client generators resolve only those)
        assert re.fullmatch(r"#/components/(schemas|responses|headers)/[A-Za-z]+", ref), ref
        assert isinstance(_resolve(document, ref), dict), ref


def test_components_carry_no_id_dialect_definitions_or_title_of_their_own(document: JSON
                                                                          ) -> None:
    components = document["components"]["schemas"]
    assert not list(_nodes(components, "$id"))
    assert not list(_nodes(components, "$schema"))
    assert not list(_nodes(components, "$defs"))
    assert not [name for name, body in components.items() if "title" in body]


def test_component_names_are_short_class_names_each_used(document: JSON) -> None:
    components = document["components"]["schemas"]
    assert sorted(components) == [
        "Advice", "Answer", "AppliedQualifier", "Assessment", "Band", "Change",
        "Consultation", "Evidence", "FactRef", "Firing", "Health", "JSONSchema", "Missing",
        "Notes", "NotesReading", "ObservationMatch", "ObservationProblem", "Observations",
        "PageTexts", "Problem", "Proposal", "Question", "RuleRow", "RuleSource", "RulesBody",
        "Search", "Session", "SetAside", "Signal", "Source", "VerdictRow", "WhatIf", "WhatIfs"]
    text = json.dumps({k: v for k, v in document.items() if k != "components"}) + json.dumps(
        {kind: body for kind, body in document["components"].items() if kind != "schemas"})
    used = set(re.findall(r"#/components/schemas/(\w+)", text + json.dumps(components)))
    assert used == set(components)


def test_each_generated_definition_is_one_component(document: JSON) -> None:
    components = document["components"]["schemas"]
    for name in NAMES:
        for inner, body in schema(name).get("$defs", {}).items():
            lifted = json.loads(json.dumps(body).replace("#/$defs/", "#/components/schemas/"))
            lifted.pop("title", None)
            assert components[inner] == lifted, inner


def test_two_different_schemas_are_never_one_component() -> None:
    one = {"$defs": {"Part": {"type": "string"}}, "type": "object"}
    other = {"$defs": {"Part": {"type": "integer"}}, "type": "object"}
    with pytest.raises(ValueError, match="'Part'"):
        _lift({"One": one, "Other": other})
    assert _lift({"One": one, "Again": one}) == {
        "Part": {"type": "string"}, "One": {"type": "object"}, "Again": {"type": "object"}}


def test_the_document_names_its_server_license_security_and_tags(document: JSON) -> None:
    assert document["servers"] == [{"url": "/", "description": "This service, where it is "
                                    "mounted."}]
    assert build(OPERATIONS, "/signals")["servers"][0]["url"] == "/signals"
    assert document["info"]["license"] == {"name": "MIT", "identifier": "MIT"}
    assert document["security"] == []
    tags = [t["name"] for t in document["tags"]]
    for path, item in document["paths"].items():
        for operation in item.values():
            assert operation["description"], path
            assert operation["tags"], path
            assert set(operation["tags"]) <= set(tags), path


def test_every_status_an_operation_answers_is_documented(document: JSON) -> None:
    statuses = {path: {method: set(op["responses"]) for method, op in item.items()}
                for path, item in document["paths"].items()}
    judged = {"200", "400", "405", "413", "415", "421", "422", "500"}
    assert statuses == {
        "/v1/assess": {"post": judged},
        "/v1/consult": {"post": judged | {"501", "503"}},
        "/v1/what-if": {"post": judged | {"501", "503"}},
        "/v1/session": {"post": judged},
        "/v1/read-notes": {"post": judged},
        "/v1/schema/{name}": {"get": {"200", "400", "404", "405", "421", "500"}},
        "/v1/rules": {"get": {"200", "400", "405", "421", "500"}},
        "/v1/texts": {"get": {"200", "400", "405", "421", "500"}},
        "/v1/healthz": {"get": {"200", "400", "405", "421", "500"}}}
    responses = document["components"]["responses"]
    assert set(responses["MethodNotAllowed"]["headers"]) == {"Allow", VERSION_HEADER}
    assert "Retry-After" in responses["Unavailable"]["headers"]
    assert "`Host` header is malformed" in responses["BadRequest"]["description"]


def test_the_415_says_a_charset_other_than_utf_8_is_refused(document: JSON) -> None:
    described = document["components"]["responses"]["UnsupportedMediaType"]["description"]
    assert "`charset` other than `utf-8`" in described
    assert "application/*+json" in described


def test_target_is_the_enum_of_the_rulebook_verdicts(document: JSON, engine: Engine) -> None:
    (target,) = [p for p in document["paths"]["/v1/what-if"]["post"]["parameters"]
                 if p["name"] == "target"]
    assert target["schema"] == {"type": "string",
                                "enum": [v.id for v in engine.rulebook.verdicts]}


def test_the_components_are_the_schemas_of_the_operations() -> None:
    assert set(component_schemas([])) < set(component_schemas(OPERATIONS))
    assert "Custom" in component_schemas([CUSTOM])


def test_each_operation_has_its_route_component_and_errors(document: JSON) -> None:
    assert set(document["paths"]) == GETS | {op.path for op in OPERATIONS}
    for op in OPERATIONS:
        post = document["paths"][op.path]["post"]
        assert (post["operationId"], post["summary"], post["description"]) == (
            op.operation_id, op.summary, op.description)
        assert post["requestBody"]["content"] == {"application/json": {
            "schema": {"$ref": f"#/components/schemas/{op.request_component}"}}}
        responses = post["responses"]
        assert responses["200"]["content"]["application/json"]["schema"] == {
            "$ref": f"#/components/schemas/{op.component}"}
        for status in ("400", "413", "415", "422", "500"):
            response = _resolve(document, responses[status]["$ref"])
            assert response["content"]["application/problem+json"]["schema"] == {
                "$ref": "#/components/schemas/Problem"}
        assert [p["name"] for p in post["parameters"]] == [p.name for p in op.parameters]


def test_a_parameter_is_a_query_option_and_a_repeated_one_an_array() -> None:
    one, many = build([CUSTOM])["paths"]["/v1/custom"]["post"]["parameters"]
    assert one == {"name": "one", "in": "query", "required": False,
                   "description": "a single value", "schema": {"type": "integer", "minimum": 1}}
    assert many == {"name": "many", "in": "query", "required": False,
                    "description": "repeat it", "style": "form", "explode": True,
                    "schema": {"type": "array", "items": {"type": "string",
                                                          "enum": ["a", "b"]}}}


def test_without_operations_only_the_get_endpoints_remain() -> None:
    document = build([])
    assert set(document["paths"]) == GETS
    assert set(document["components"]["schemas"]) == {
        "Observations", "Problem", "ObservationProblem", "RulesBody", "RuleRow", "RuleSource",
        "VerdictRow", "Health", "PageTexts", "JSONSchema"}


def test_the_schema_endpoint_offers_the_available_schemas(document: JSON) -> None:
    (name,) = document["paths"]["/v1/schema/{name}"]["get"]["parameters"]
    assert name["schema"] == {"type": "string", "enum": list(NAMES)}


def test_the_observations_component_is_the_generated_schema(document: JSON) -> None:
    generated = {k: v for k, v in schema("observations").items()
                 if k not in ("$id", "$schema", "title")}
    assert document["components"]["schemas"]["Observations"] == generated


@pytest.mark.parametrize("component", ["Assessment", "Custom"])
def test_an_assessment_validates_against_its_component(component: str) -> None:
    document = build([*OPERATIONS, CUSTOM])
    validator = _validator(document, component)
    validator.validate(assess(PANEL).to_dict())
    assert not validator.is_valid({**assess(PANEL).to_dict(), "verdict": 3})


def test_the_rules_and_health_bodies_validate(document: JSON, engine: Engine) -> None:
    book = engine.rulebook
    rules = {"rules": rule_rows(book), "verdicts": verdict_rows(book)}
    _validator(document, "RulesBody").validate(rules)
    health: Health = {"status": "ok", "version": __version__, "rules": len(book.rules)}
    _validator(document, "Health").validate(health)
    assert not _validator(document, "Health").is_valid({"status": "ok"})
    assert not _validator(document, "RulesBody").is_valid({"rules": [{"id": "x"}],
                                                       "verdicts": []})
    assert not _validator(document, "RulesBody").is_valid({"rules": [],
                                                           "verdicts": ["strong"]})


def test_an_observation_error_validates_as_a_problem(document: JSON) -> None:
    with pytest.raises(ObservationError) as info:
        assess({"tour": {"office_tour": "yes", "coffee": True}})
    body = {"type": "about:blank", "title": "Unprocessable observations", "status": 422,
            "detail": str(info.value), "problems": [p.to_dict() for p in info.value.problems]}
    problem = _validator(document, "Problem")
    problem.validate(body)
    assert not problem.is_valid({**body, "problems": [{"path": "tour"}]})
