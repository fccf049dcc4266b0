"""The service's contract: its observation endpoints as data (``Operation``), the bodies of
its other endpoints, and the OpenAPI 3.1 document assembled from the generated JSON Schemas.

Every schema of the document lives in ``components/schemas`` under a short name (the class
it describes): the ``$defs`` of each generated schema are lifted there, each once, and every
reference points at a component, never inside one, so client generators resolve them all.

Neighbours: ``_schema`` generates every schema; ``app`` serves the endpoints described
here and the document at ``/openapi.json``, with ``servers`` naming where it is mounted.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypedDict

import attrs

from .._engine import Engine
from .._rulebook import Rulebook, RuleRow, VerdictRow, available_languages
from .._schema import JSON, NAMES, Walker, schema
from .._version import __version__
from .http import VERSION_HEADER

ParameterSchema = JSON | Callable[[Rulebook], JSON]
"""A parameter's schema, or how to make it from the rulebook in use (a verdict enum)."""


@attrs.frozen(kw_only=True)
class Parameter:
    """One query parameter of an ``Operation``: its OpenAPI entry and its reader.

    ``read(values)`` gets every value the query gives for the name (``[]`` when absent,
    several when repeated) and returns the option, or raises ``ArgumentError`` (400)."""

    name: str
    description: str
    schema: ParameterSchema
    read: Callable[[list[str]], object]
    repeated: bool = False


@attrs.frozen(kw_only=True)
class Operation:
    """One POST endpoint that takes a JSON object (observations, unless ``request`` says
    otherwise) and answers with an output's ``to_dict``: its route and OpenAPI entry are
    both made from this.

    ``compute(engine, body, options)`` runs off the event loop and returns the JSON body;
    ``options`` maps each of ``parameters`` to what its reader returned. ``schema`` names
    the response's schema (``_schema.NAMES``), ``component`` its OpenAPI component;
    ``request`` the request body's schema, ``request_component`` its component,
    ``request_expected`` what a body that is no JSON object is told was expected, and
    ``request_description`` the request body's description in the document.
    ``searches`` marks an exact search (consult, what-if): it may be refused as too large
    for the rulebook (501) or, under load, for now (503).
    """

    path: str
    operation_id: str
    summary: str
    description: str
    schema: str
    component: str
    compute: Callable[[Engine, dict[str, object], Mapping[str, object]], object]
    parameters: tuple[Parameter, ...] = ()
    request: str = "observations"
    request_component: str = "Observations"
    request_expected: str = "a JSON object of observation groups"
    request_description: str = ("The observations of one interview; every field is optional "
                                "(left out or null: unknown).")
    searches: bool = False


class RulesBody(TypedDict):
    """The body of ``GET /v1/rules``."""

    rules: list[RuleRow]
    verdicts: list[VerdictRow]


class Health(TypedDict):
    """The body of ``GET /v1/healthz``."""

    status: str
    version: str
    rules: int


JUDGMENT, CONTRACT, RULEBOOK, SERVICE = "judgment", "contract", "rulebook", "service"
TAGS = [
    {"name": JUDGMENT, "description": "Observations in, an explained judgment out: the "
     "assessment, the next questions that matter, and what would change the verdict."},
    {"name": CONTRACT, "description": "The JSON Schemas every body of the API follows."},
    {"name": RULEBOOK, "description": "The rules the service judges by, in words."},
    {"name": SERVICE, "description": "Whether the service is up, and which version."},
]

# --- responses ---------------------------------------------------------------------------

_ERRORS: dict[int, tuple[str, str]] = {
    400: ("BadRequest", "The body is not JSON (empty, not UTF-8, a key repeated), a query "
          "parameter is not what the operation accepts, or the `Host` header is malformed "
          "(a port that is not 0 to 65535, an empty name, an unclosed bracket) or repeated."),
    404: ("NotFound", "No such resource (a schema name that does not exist)."),
    405: ("MethodNotAllowed", "The path exists but not with this method; `Allow` lists the "
          "methods it takes."),
    413: ("PayloadTooLarge", "The body is larger than the service's limit (64 KiB by "
          "default)."),
    415: ("UnsupportedMediaType", "The body is declared as something other than JSON in "
          "UTF-8 (a media type other than `application/json` or `application/*+json`, or a "
          "`charset` other than `utf-8` or `us-ascii`); send `Content-Type: application/json`."),
    421: ("MisdirectedRequest", "The request's `Host` is not a name this service answers "
          "for (a service on a loopback address answers for `localhost`, `127.0.0.1` and "
          "`::1` unless told otherwise), so that no web page reaches it by DNS rebinding."),
    422: ("InvalidObservations", "The observations do not fit the vocabulary or contradict "
          "each other; `problems` lists each with its path, what was expected and what "
          "came."),
    500: ("InternalError", "A bug in the service; the detail is in its log, never in the "
          "answer."),
    501: ("NotPossible", "This rulebook makes the search too large to run exactly (more "
          "answer combinations in one group of fields than the search bound)."),
    503: ("Unavailable", "The service cannot take this request now: it runs as many "
          "consultations and what-ifs at once as it may (2 per worker by default); retry "
          "after `Retry-After` seconds."),
}


def _header(description: str, schema: JSON, *, required: bool) -> JSON:
    return {"description": description, "required": required, "schema": schema}


_HEADERS: dict[str, JSON] = {
    "Version": _header("The version of interview-signals that answered.",
                       {"type": "string"}, required=True),
    "Allow": _header("The methods the path takes.", {"type": "string"}, required=True),
    "RetryAfter": _header("Seconds to wait before retrying.",
                          {"type": "integer", "minimum": 0}, required=False),
}


def _ref(kind: str, name: str) -> JSON:
    return {"$ref": f"#/components/{kind}/{name}"}


def _error_response(status: int) -> JSON:
    description = _ERRORS[status][1]
    headers = {VERSION_HEADER: _ref("headers", "Version")}
    if status == 405:
        headers["Allow"] = _ref("headers", "Allow")
    if status == 503:
        headers["Retry-After"] = _ref("headers", "RetryAfter")
    return {"description": description, "headers": headers,
            "content": {"application/problem+json": {"schema": _ref("schemas", "Problem")}}}


def _responses(ok: str, component: str, *statuses: int) -> JSON:
    out: JSON = {"200": {"description": ok,
                         "headers": {VERSION_HEADER: _ref("headers", "Version")},
                         "content": {"application/json": {
                             "schema": _ref("schemas", component)}}}}
    for status in sorted({*statuses, 400, 405, 421, 500}):
        out[str(status)] = _ref("responses", _ERRORS[status][0])
    return out


# --- schemas -----------------------------------------------------------------------------

def _problem_schemas() -> dict[str, JSON]:
    fields = {"path": "The field path (`group.field`), or `observations` for the whole "
              "document.", "expected": "What the field takes.", "got": "What came.",
              "message": "The whole problem in one sentence."}
    return {
        "Problem": {
            "type": "object", "description": "An error, as RFC 9457 problem details.",
            "required": ["type", "title", "status", "detail"],
            "properties": {
                "type": {"type": "string", "description": "Always `about:blank`."},
                "title": {"type": "string", "description": "The kind of error, in words."},
                "status": {"type": "integer", "description": "The HTTP status."},
                "detail": {"type": "string", "description": "What went wrong."},
                "problems": {"type": "array", "description": "Every problem of the "
                             "observations (422 only).",
                             "items": _ref("schemas", "ObservationProblem")}}},
        "ObservationProblem": {
            "type": "object", "description": "One problem of an observation document.",
            "required": list(fields),
            "properties": {k: {"type": "string", "description": v}
                           for k, v in fields.items()}},
    }


def _walked(*types: type) -> dict[str, JSON]:
    """The schemas of TypedDicts, one component each (``Walker`` names them by class)."""
    walker = Walker()
    for tp in types:
        walker.of(tp)
    return {name: _components_refs(body) for name, body in walker.defs.items()}


def _lift(named: Mapping[str, JSON]) -> dict[str, JSON]:
    """Generated schemas as components: each schema under its name and each of its ``$defs``
    under its own, references rewritten to point at components, the dialect and ``$id``
    dropped (the document names the dialect) and the root ``title`` too (generators name
    classes by it; the component's name is the short, stable one).

    Raises:
        ValueError: two different schemas would share a name.
    """
    out: dict[str, JSON] = {}

    def put(name: str, body: JSON) -> None:
        body = {k: v for k, v in _components_refs(body).items()
                if k not in ("$schema", "$id", "title")}
        if name in out and out[name] != body:
            raise ValueError(f"two different schemas would be the component {name!r}")
        out[name] = body

    for name, generated in named.items():
        body = dict(generated)
        for inner, part in body.pop("$defs", {}).items():
            put(inner, part)
        put(name, body)
    return out


def _components_refs(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: (v.replace("#/$defs/", "#/components/schemas/")
                    if k == "$ref" and isinstance(v, str) else _components_refs(v))
                for k, v in node.items()}
    if isinstance(node, list):
        return [_components_refs(v) for v in node]
    return node


def component_schemas(operations: Sequence[Operation]) -> dict[str, JSON]:
    """Every schema of the document, by component name, each once."""
    named = {"Observations": schema("observations"),
             **{op.request_component: schema(op.request) for op in operations},
             **{op.component: schema(op.schema) for op in operations}}
    return {**_lift(named), **_problem_schemas(), **_walked(RulesBody, Health),
            "PageTexts": _TEXTS,
            "JSONSchema": {"type": "object", "description": "A JSON Schema (draft 2020-12)."}}


LANG_DESCRIPTION = ("the language of the texts (a BCP 47 tag such as es); without it, the "
                    "Accept-Language header chooses, else the service's language. Ids, paths "
                    "and numbers are the same in every language")


def language_schema(book: Rulebook) -> JSON:
    """The schema of ``?lang=``: the tags the service on ``book`` speaks (a regional tag
    such as ``es-MX`` is served by ``es`` too)."""
    return {"type": "string", "enum": available_languages(book)}


def _lang(book: Rulebook) -> JSON:
    return {"name": "lang", "in": "query", "required": False,
            "description": LANG_DESCRIPTION, "schema": language_schema(book)}


_TEXTS: JSON = {
    "type": "object", "description": "The words of a page in one language, by key.",
    "required": ["language", "name", "languages", "texts"],
    "properties": {
        "language": {"type": "string", "description": "The language's tag."},
        "name": {"type": "string", "description": "The language's name in itself."},
        "languages": {"type": "array", "description": "Every language the service speaks.",
                      "items": {"type": "object", "required": ["tag", "name"],
                                "properties": {"tag": {"type": "string"},
                                               "name": {"type": "string"}}}},
        "texts": {"type": "object", "description": "Each text by key: a template, a list "
                  "of words a person may type, or a plural's forms by CLDR category.",
                  "additionalProperties": {"anyOf": [
                      {"type": "string"},
                      {"type": "array", "items": {"type": "string"}},
                      {"type": "object"}]}}}}


# --- the document ------------------------------------------------------------------------

def _get(operation_id: str, summary: str, description: str, tag: str, component: str,
         *statuses: int, parameters: Sequence[JSON] = ()) -> JSON:
    out: JSON = {"tags": [tag], "summary": summary, "description": description,
                 "operationId": operation_id}
    if parameters:
        out["parameters"] = list(parameters)
    out["responses"] = _responses(summary, component, *statuses)
    return {"get": out}


def _parameter(parameter: Parameter, rulebook: Rulebook) -> JSON:
    schema = parameter.schema(rulebook) if callable(parameter.schema) else parameter.schema
    out: JSON = {"name": parameter.name, "in": "query", "required": False,
                 "description": parameter.description, "schema": schema}
    if parameter.repeated:
        out.update(schema={"type": "array", "items": schema}, style="form", explode=True)
    return out


def _post(op: Operation, rulebook: Rulebook) -> JSON:
    statuses = (400, 413, 415, 422, *((501, 503) if op.searches else ()))
    return {"post": {
        "tags": [JUDGMENT], "summary": op.summary, "description": op.description,
        "operationId": op.operation_id,
        "parameters": [_parameter(p, rulebook) for p in op.parameters],
        "requestBody": {"required": True, "description": op.request_description,
                        "content": {"application/json": {
                            "schema": _ref("schemas", op.request_component)}}},
        "responses": _responses(op.summary, op.component, *statuses)}}


def openapi_document(operations: Sequence[Operation], rulebook: Rulebook, *,
                     server: str = "/") -> JSON:
    """The OpenAPI 3.1 document of the service on ``rulebook``, assembled from the generated
    schemas. ``server`` is where the service is mounted (a path: ``/``, ``/signals``), so
    clients of a mounted app call it there."""
    paths: dict[str, JSON] = {
        **{op.path: _post(op, rulebook) for op in operations},
        "/v1/schema/{name}": _get(
            "schema", "A JSON Schema of the contract", "The JSON Schema (draft 2020-12) "
            "called `name`: the observations, or one of the outputs.", CONTRACT,
            "JSONSchema", 404, parameters=[{
                "name": "name", "in": "path", "required": True,
                "description": "Which schema.",
                "schema": {"type": "string", "enum": list(NAMES)}}]),
        "/v1/rules": _get("rules", "The rulebook in words", "Every rule (id, kind, sign, "
                          "condition, effect, source, pack) and the verdicts, best first, each "
                          "with its title in the language asked for.",
                          RULEBOOK, "RulesBody", 400, parameters=[_lang(rulebook)]),
        "/v1/texts": _get("texts", "The words of a page in one language", "Every text the "
                          "page shows (its own, the vocabulary's, the frame's) by key, in the "
                          "language asked for, and the languages the service speaks "
                          "(docs/translations.md).", RULEBOOK, "PageTexts", 400,
                          parameters=[_lang(rulebook)]),
        "/v1/healthz": _get("healthz", "Liveness", "Whether the service is up, its version "
                            "and how many rules it judges by.", SERVICE, "Health"),
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": "interview-signals", "version": __version__,
                 "summary": "How did the interview go? An explained judgment.",
                 "description": "Judge how a job interview went from what the interviewer "
                 "did, with every conclusion explained rule by rule. Every body is JSON; "
                 "every error an RFC 9457 problem document.",
                 "license": {"name": "MIT", "identifier": "MIT"},
                 "contact": {"name": "interview-signals developers"}},
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "servers": [{"url": server, "description": "This service, where it is mounted."}],
        "security": [],
        "tags": TAGS,
        "paths": paths,
        "components": {
            "schemas": component_schemas(operations),
            "responses": {name: _error_response(status)
                          for status, (name, _) in _ERRORS.items()},
            "headers": _HEADERS},
    }
