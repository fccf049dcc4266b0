"""The service's observation endpoints as data (``interview_signals/_service_operations.py``):
the table of operations, how each query parameter is read, what each computes on the
engine, and the body of ``GET /v1/rules``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import jsonschema
import pytest
from starlette.testclient import TestClient

from interview_signals import ArgumentError, Engine
from interview_signals._observations.vocabulary import VOCABULARY
from interview_signals._rulebook.model import rule_rows
from interview_signals._schema.catalog import NAMES
from interview_signals._service.app import create_app
from interview_signals._service.openapi import Operation, Parameter
from interview_signals._service.operations import MAX_WHAT_IF_LIMIT, OPERATIONS, rules_body
from tests.support import GOOD, OPENAPI, assert_problem, validator

PARTIAL: dict[str, object] = {"thank_you": {"note_sent": True}, "tour": {"office_tour": True}}
SENT: dict[str, dict[str, object]] = {
    "observations": PARTIAL,
    "session": {"format": "interview-signals/session", "version": 1, "observations": PARTIAL,
                "skipped": ["thank_you.tone"]},
    "notes": {"text": "Panel of three. I think she nodded? My friend got a tour."}}
"""A request body of each kind an operation takes."""


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app(), raise_server_exceptions=False) as c:
        yield c


def operation(operation_id: str) -> Operation:
    (found,) = [op for op in OPERATIONS if op.operation_id == operation_id]
    return found


def parameter(operation_id: str, name: str) -> Parameter:
    (found,) = [p for p in operation(operation_id).parameters if p.name == name]
    return found


# --- moved from test_service: a bad parameter is a 400 naming it ---------------------------


@pytest.mark.parametrize("query", ["/v1/consult?skip=nope.field", "/v1/consult?trace=maybe",
                                   "/v1/what-if?target=superb", "/v1/what-if?limit=0",
                                   "/v1/what-if?limit=ten", "/v1/what-if?limit=51",
                                   "/v1/what-if?include_fixed=perhaps",
                                   "/v1/what-if?target=strong&target=promising",
                                   "/v1/what-if?limit=" + "9" * 5000,
                                   "/v1/what-if?limit=" + "0" * 5000 + "7",
                                   "/v1/what-if?target=" + "x" * 20_000,
                                   "/v1/consult?skip=" + "a." * 10_000,
                                   "/v1/assess?trace=" + "t" * 20_000])
def test_bad_query_parameters_give_400(client: TestClient, query: str) -> None:
    body = assert_problem(client.post(query, json=GOOD), 400)
    assert query.split("?")[1].split("=", maxsplit=1)[0] in body["detail"]
    assert len(body["detail"]) < 600  # a long value is cut in the message


# --- the table ------------------------------------------------------------------------------


def test_the_table_holds_assess_consult_and_what_if_with_their_parameters() -> None:
    assert [(op.path, op.operation_id, op.schema, op.component,
             [p.name for p in op.parameters]) for op in OPERATIONS] == [
        ("/v1/assess", "assess", "assessment", "Assessment", ["trace", "lang"]),
        ("/v1/consult", "consult", "consultation", "Consultation", ["trace", "lang", "skip"]),
        ("/v1/what-if", "what_if", "what-if", "WhatIfs",
         ["lang", "target", "include_fixed", "limit"]),
        ("/v1/read-notes", "read_notes", "notes-reading", "NotesReading", ["lang"]),
        ("/v1/session", "session", "session", "Session", [])]
    assert all(op.summary and op.description for op in OPERATIONS)
    assert [op.searches for op in OPERATIONS] == [False, True, True, False, False]


def test_each_operation_names_a_schema_and_a_component_that_exist() -> None:
    for op in OPERATIONS:
        assert op.schema in NAMES
        assert op.schema in NAMES
        assert op.component in OPENAPI["components"]["schemas"]


def schema_of(p: Parameter, engine: Engine) -> dict[str, Any]:
    return p.schema(engine.rulebook) if callable(p.schema) else p.schema


def test_each_parameter_says_what_it_is_in_a_valid_schema(engine: Engine) -> None:
    for op in OPERATIONS:
        for p in op.parameters:
            assert p.description
            jsonschema.Draft202012Validator.check_schema(schema_of(p, engine))
    assert parameter("consult", "skip").repeated
    assert schema_of(parameter("consult", "skip"), engine)["enum"] == list(VOCABULARY)
    assert not any(p.repeated for op in OPERATIONS for p in op.parameters if p.name != "skip")
    limit = schema_of(parameter("what_if", "limit"), engine)
    assert (limit["minimum"], limit["maximum"], limit["default"]) == (1, MAX_WHAT_IF_LIMIT, 10)


def test_target_is_the_enum_of_the_verdicts_of_the_rulebook_in_use(engine: Engine) -> None:
    target = parameter("what_if", "target").schema
    assert callable(target)
    assert target(engine.rulebook) == {"type": "string",
                                       "enum": [v.id for v in engine.rulebook.verdicts]}


def test_each_parameter_default_is_what_its_reader_gives_when_absent(engine: Engine) -> None:
    for op in OPERATIONS:
        for p in op.parameters:
            schema = schema_of(p, engine)
            if "default" in schema:
                assert p.read([]) == schema["default"], (op.operation_id, p.name)


# --- reading the parameters -----------------------------------------------------------------


@pytest.mark.parametrize(("values", "read"), [([], False), (["true"], True), (["false"], False)])
def test_a_flag_is_true_or_false_as_openapi_writes_a_boolean(values: list[str], read: bool
                                                             ) -> None:
    for op, name in (("assess", "trace"), ("consult", "trace"), ("what_if", "include_fixed")):
        assert parameter(op, name).read(values) is read


@pytest.mark.parametrize(("values", "message"), [
    (["maybe"], "trace: expected true or false, got \"maybe\""),
    (["true", "true"], "trace: expected at most one value, got 2"),
    *(([word], f'trace: expected true or false, got "{word}"')
      for word in ("TRUE", "True", "1", "yes", "0", "no", "", "False")),
])
def test_a_flag_refuses_anything_else(values: list[str], message: str) -> None:
    with pytest.raises(ArgumentError) as caught:
        parameter("assess", "trace").read(values)
    assert str(caught.value) == message


def test_skip_keeps_each_field_once_in_the_order_given() -> None:
    read = parameter("consult", "skip").read
    assert read([]) == ()
    assert read(["tour.office_tour", "interview.actual_minutes", "tour.office_tour"]) == (
        "tour.office_tour", "interview.actual_minutes")
    with pytest.raises(ArgumentError) as caught:
        read(["tour.office_tour", "tour"])
    assert str(caught.value) == ("skip: expected a field path such as "
                                 "thank_you.response_received, got \"tour\"")


@pytest.mark.parametrize(("values", "read"), [
    ([], 10), (["1"], 1), (["7"], 7), ([str(MAX_WHAT_IF_LIMIT)], MAX_WHAT_IF_LIMIT),
])
def test_limit_is_a_whole_number_from_1_to_the_most(values: list[str], read: int) -> None:
    assert parameter("what_if", "limit").read(values) == read


@pytest.mark.parametrize("value", ["0", str(MAX_WHAT_IF_LIMIT + 1), "-1", "ten", "2.0", " 5",
                                   "", "1e1"])
def test_limit_refuses_anything_else(value: str) -> None:
    with pytest.raises(ArgumentError) as caught:
        parameter("what_if", "limit").read([value])
    assert str(caught.value) == (f"limit: expected a whole number from 1 to "
                                 f'{MAX_WHAT_IF_LIMIT}, got "{value}"')


def test_target_is_at_most_one_verdict_name_read_as_given() -> None:
    read = parameter("what_if", "target").read
    assert (read([]), read(["strong"]), read(["anything"])) == (None, "strong", "anything")
    with pytest.raises(ArgumentError, match="target: expected at most one value, got 2"):
        read(["strong", "promising"])


# --- what each operation computes -----------------------------------------------------------


def test_assess_computes_the_assessment_with_the_trace_only_when_asked(engine: Engine) -> None:
    compute = operation("assess").compute
    full = engine.assess(GOOD).to_dict()
    assert compute(engine, GOOD, {"trace": True}) == full
    del full["trace"]
    assert compute(engine, GOOD, {"trace": False}) == full


def test_consult_computes_the_consultation_skipping_what_it_is_told(engine: Engine) -> None:
    compute = operation("consult").compute
    skipped = ("interview.actual_minutes",)
    full: Any = engine.consult(PARTIAL, skipped=skipped).to_dict()
    assert compute(engine, PARTIAL, {"skip": skipped, "trace": True}) == full
    body: Any = compute(engine, PARTIAL, {"skip": skipped, "trace": False})
    assert "trace" not in body["assessment"]
    assert "interview.actual_minutes" not in [q["path"] for q in body["questions"]]
    assert {**body, "assessment": {**body["assessment"], "trace": full["assessment"]["trace"]}
            } == full


def test_what_if_computes_the_options_for_the_target_asked(engine: Engine) -> None:
    compute = operation("what_if").compute
    options = {"target": "strong", "limit": 2, "include_fixed": True}
    assert compute(engine, PARTIAL, options) == engine.what_if(
        PARTIAL, "strong", limit=2, include_fixed=True).to_dict()
    any_better = {"target": None, "limit": 10, "include_fixed": False}
    assert compute(engine, PARTIAL, any_better) == engine.what_if(PARTIAL).to_dict()


def test_what_if_refuses_a_verdict_the_rulebook_does_not_have(engine: Engine) -> None:
    with pytest.raises(ArgumentError) as caught:
        operation("what_if").compute(engine, PARTIAL, {"target": "superb", "limit": 10,
                                                       "include_fixed": False})
    verdicts = ", ".join(v.id for v in engine.rulebook.verdicts)
    assert str(caught.value) == f"target: expected one of {verdicts}, got \"superb\""


def test_each_computed_body_fits_its_component(engine: Engine) -> None:
    assert OPERATIONS
    for op in OPERATIONS:
        options = {p.name: p.read([]) for p in op.parameters}
        body = op.compute(engine, SENT[op.request], options)
        assert [e.message for e in validator(op.component).iter_errors(body)] == [], op.path


# --- the rules body -------------------------------------------------------------------------


def test_the_rules_body_is_every_rule_in_words_and_the_verdicts(engine: Engine) -> None:
    body = rules_body(engine.rulebook, engine.texts)
    assert body == {"rules": rule_rows(engine.rulebook),
                    "verdicts": [{"id": "strong", "title": "Strong"},
                                 {"id": "promising", "title": "Promising"},
                                 {"id": "tentative", "title": "Tentative"},
                                 {"id": "inconclusive", "title": "Not clear yet"}]}
    validator("RulesBody").validate(body)


def test_the_served_rules_are_the_rules_body(client: TestClient, engine: Engine) -> None:
    assert client.get("/v1/rules").json() == rules_body(engine.rulebook, engine.texts)
