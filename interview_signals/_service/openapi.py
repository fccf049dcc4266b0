"""The service's contract: its observation endpoints as data, the bodies of its other
endpoints, and the OpenAPI 3.1 document assembled from the generated JSON Schemas.

Neighbours: ``_schema`` generates every schema; ``app`` serves the endpoints described
here and the document at ``/openapi.json``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypedDict

import attrs

from .._engine import Engine
from .._rulebook import RuleRow, VerdictRow
from .._schema import JSON, NAMES, Walker, schema
from .._version import __version__


@attrs.frozen(kw_only=True)
class Parameter:
    """One query parameter of an ``Operation``: its OpenAPI entry and its reader.

    ``read(values)`` gets every value the query gives for the name (``[]`` when absent,
    several when repeated) and returns the option, or raises ``ArgumentError`` (400)."""

    name: str
    description: str
    schema: JSON
    read: Callable[[list[str]], object]
    repeated: bool = False


@attrs.frozen(kw_only=True)
class Operation:
    """One POST endpoint that takes a JSON object (observations, unless ``request`` says
    otherwise) and answers with an output's ``to_dict``: its route and OpenAPI entry are
    both made from this.

    ``compute(engine, body, options)`` runs in the thread pool and returns the JSON body;
    ``options`` maps each of ``parameters`` to what its reader returned. ``schema`` names
    the response's schema (``_schema.NAMES``), ``component`` its OpenAPI component;
    ``request`` the request body's schema, ``request_component`` its component, and
    ``request_expected`` what a body that is no JSON object is told was expected.
    """

    path: str
    operation_id: str
    summary: str
    schema: str
    component: str
    compute: Callable[[Engine, dict[str, object], Mapping[str, object]], object]
    parameters: tuple[Parameter, ...] = ()
    request: str = "observations"
    request_component: str = "Observations"
    request_expected: str = "a JSON object of observation groups"


class RulesBody(TypedDict):
    """The body of ``GET /v1/rules``."""

    rules: list[RuleRow]
    verdicts: list[VerdictRow]


class Health(TypedDict):
    """The body of ``GET /v1/healthz``."""

    status: str
    version: str
    rules: int



def _problem_schema() -> JSON:
    return {"type": "object", "required": ["type", "title", "status", "detail"],
            "properties": {"type": {"type": "string"}, "title": {"type": "string"},
                           "status": {"type": "integer"}, "detail": {"type": "string"},
                           "problems": {"type": "array", "items": {
                               "type": "object",
                               "required": ["path", "expected", "got", "message"],
                               "properties": {k: {"type": "string"} for k in
                                              ("path", "expected", "got", "message")}}}}}


def _typed_schema(tp: type, component: str) -> JSON:
    walker = Walker()
    root = walker.of(tp)
    body = {"$defs": walker.defs, "allOf": [root]} if walker.defs else root
    out: JSON = _rewrite_refs(body, component)
    return out


def _rewrite_refs(node: Any, component: str) -> Any:
    if isinstance(node, dict):
        return {k: (v.replace("#/$defs/", f"#/components/schemas/{component}/$defs/")
                    if k == "$ref" and isinstance(v, str) else _rewrite_refs(v, component))
                for k, v in node.items() if k not in ("$id", "$schema")}
    if isinstance(node, list):
        return [_rewrite_refs(v, component) for v in node]
    return node


def _errors(*statuses: int) -> dict[str, JSON]:
    words = {400: "Malformed JSON or a bad query parameter", 404: "Not found",
             413: "The body is larger than the limit", 422: "The observations do not fit the "
             "vocabulary or contradict each other; `problems` lists each"}
    return {str(s): {"description": words[s], "content": {"application/problem+json": {
        "schema": {"$ref": "#/components/schemas/Problem"}}}} for s in statuses}


def _ok(description: str, ref: JSON) -> dict[str, JSON]:
    return {"200": {"description": description,
                    "content": {"application/json": {"schema": ref}}}}


def _component(name: str) -> JSON:
    return {"$ref": f"#/components/schemas/{name}"}


def openapi_document(operations: Sequence[Operation]) -> JSON:
    """The OpenAPI 3.1 document of the service, assembled from the generated schemas."""
    components: dict[str, JSON] = {
        "Observations": _embedded("observations", "Observations"),
        **{op.component: _embedded(op.schema, op.component) for op in operations},
        **{op.request_component: _embedded(op.request, op.request_component)
           for op in operations},
        "Problem": _problem_schema(), "Rules": _typed_schema(RulesBody, "Rules"),
        "Health": _typed_schema(Health, "Health"), "Schema": {"type": "object"}}
    paths: dict[str, JSON] = {
        "/v1/schema/{name}": {"get": {
            "summary": "A JSON Schema of the contract", "operationId": "schema",
            "parameters": [{"name": "name", "in": "path", "required": True,
                            "schema": {"enum": list(NAMES)}}],
            "responses": {**_ok("The JSON Schema (draft 2020-12)", _component("Schema")),
                          **_errors(404)}}},
        "/v1/rules": {"get": {"summary": "The rulebook in words", "operationId": "rules",
                              "parameters": [_LANG],
                              "responses": {**_ok("Every rule and verdict",
                                                  _component("Rules")), **_errors(400)}}},
        "/v1/texts": {"get": {
            "summary": "The words of a page in one language: its own, the vocabulary's, the "
                       "frame's, by key (docs/translations.md)", "operationId": "texts",
            "parameters": [_LANG],
            "responses": {**_ok("The texts of the language", _TEXTS), **_errors(400)}}},
        "/v1/healthz": {"get": {"summary": "Liveness", "operationId": "healthz",
                                "responses": _ok("The service is up", _component("Health"))}},
    }
    for op in operations:
        paths[op.path] = {"post": {
            "summary": op.summary, "operationId": op.operation_id,
            "parameters": [_parameter(p) for p in op.parameters],
            "requestBody": {"required": True, "content": {"application/json": {
                "schema": _component(op.request_component)}}},
            "responses": {**_ok(op.summary, _component(op.component)),
                          **_errors(400, 413, 422)}}}
    return {"openapi": "3.1.0",
            "info": {"title": "interview-signals", "version": __version__,
                     "description": "Judge how a job interview went from what the "
                     "interviewer did, with every conclusion explained rule by rule."},
            "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
            "paths": paths, "components": {"schemas": components}}


_LANG: JSON = {"name": "lang", "in": "query", "required": False, "schema": {"type": "string"},
               "description": "the language of the texts (a BCP 47 tag such as es); without "
               "it, the Accept-Language header chooses, else the service's language"}
_TEXTS: JSON = {"type": "object", "required": ["language", "name", "languages", "texts"],
                "properties": {
                    "language": {"type": "string"}, "name": {"type": "string"},
                    "languages": {"type": "array", "items": {
                        "type": "object", "required": ["tag", "name"],
                        "properties": {"tag": {"type": "string"}, "name": {"type": "string"}}}},
                    "texts": {"type": "object", "additionalProperties": {"anyOf": [
                        {"type": "string"},
                        {"type": "array", "items": {"type": "string"}},
                        {"type": "object", "additionalProperties": {"type": "string"}}]}}}}


def _parameter(parameter: Parameter) -> JSON:
    out: JSON = {"name": parameter.name, "in": "query", "required": False,
                 "description": parameter.description, "schema": parameter.schema}
    if parameter.repeated:
        out.update(schema={"type": "array", "items": parameter.schema}, style="form",
                   explode=True)
    return out


def _embedded(name: str, component: str) -> JSON:
    """A schema as an OpenAPI component: its ``$defs`` refs rewritten to point inside the
    component, and without ``$id`` and ``$schema`` (the document names the dialect)."""
    out: JSON = _rewrite_refs(schema(name), component)
    return out


