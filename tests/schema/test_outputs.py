"""Output schemas generated from the attrs classes of the output types
(``interview_signals/_output_schema.py``): the ``Walker`` that turns type hints into schemas,
``output_schema`` around it, and the schemas checked on real output."""

from __future__ import annotations

import typing
from collections.abc import Mapping
from typing import Any, Literal

import attrs
import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interview_signals import Assessment, Consultation, Engine, WhatIfs, assess
from interview_signals._observations.vocabulary import VOCABULARY, Value
from interview_signals._schema.catalog import schema
from interview_signals._schema.observations import BASE_ID, DIALECT, observation_schema
from interview_signals._schema.outputs import Walker, output_schema
from tests.profiles import examples
from tests.strategies import observations

ASSESSMENT = jsonschema.Draft202012Validator(schema("assessment"))
CONSULTATION = jsonschema.Draft202012Validator(schema("consultation"))
WHAT_IF = jsonschema.Draft202012Validator(schema("what-if"))
VERDICTS = [v.id for v in Engine.default().rulebook.verdicts]


def test_assessment_schema_rejects_a_changed_shape() -> None:
    result = assess({"tour": {"office_tour": True}}).to_dict()
    for broken in ({**result, "extra": 1}, {k: v for k, v in result.items() if k != "verdict"},
                   {**result, "verdict": 3}):
        assert not ASSESSMENT.is_valid(broken)


@settings(max_examples=examples(25), deadline=None)
@given(observations(), st.data())
def test_consultations_validate_with_and_without_the_trace(document: dict[str, Any],
                                                           data: st.DataObject) -> None:
    unknown = sorted(p for p in VOCABULARY
                     if p.split(".")[1] not in document.get(p.split(".")[0], {}))
    skipped = data.draw(st.lists(st.sampled_from(unknown), max_size=3) if unknown
                        else st.just([]))
    body = Engine.default().consult(document, skipped=skipped).to_dict()
    CONSULTATION.validate(body)
    assert isinstance(body["assessment"], dict)
    del body["assessment"]["trace"]  # the service leaves it out unless asked
    CONSULTATION.validate(body)


def test_a_consultation_with_questions_validates_and_a_changed_one_does_not() -> None:
    body: dict[str, Any] = Engine.default().consult({"tour": {"office_tour": True}}).to_dict()
    assert body["questions"]
    assert not body["settled"]
    CONSULTATION.validate(body)
    question = body["questions"][0]
    for broken in ({**body, "version": 2}, {**body, "settled": "no"}, {**body, "extra": 1},
                   {**body, "questions": [{**question, "answers": "Yes"}]},
                   {**body, "observations": {"tour": {"office_tour": "yes"}}},
                   {k: v for k, v in body.items() if k != "reachable"}):
        assert not CONSULTATION.is_valid(broken)
    answer = schema("consultation")["$defs"]["Answer"]["properties"]["value"]
    assert answer == {"anyOf": [{"type": t} for t in ("boolean", "integer", "number", "string",
                                                      "null")]}


@settings(max_examples=examples(25), deadline=None)
@given(observations(), st.sampled_from([None, *VERDICTS]), st.booleans(), st.integers(1, 5))
def test_what_ifs_validate(document: dict[str, Any], target: str | None, include_fixed: bool,
                           limit: int) -> None:
    result = Engine.default().what_if(document, target, limit=limit,
                                      include_fixed=include_fixed)
    body: dict[str, Any] = result.to_dict()
    WHAT_IF.validate(body)
    assert {c["kind"] for o in body["options"] for c in o["changes"]} <= set(body["kinds"])


def test_what_if_schema_rejects_a_changed_shape() -> None:
    body: dict[str, Any] = Engine.default().what_if({"thank_you": {"note_sent": True}},
                                                    include_fixed=True).to_dict()
    assert body["options"]
    WHAT_IF.validate(body)
    option = body["options"][0]
    change = option["changes"][0]
    for broken in ({**body, "format": "interview-signals/consultation"},
                   {**body, "options": [{**option, "changes": [{**change, "kind": "maybe"}]}]},
                   {**body, "options": [{**option, "verdict": None}]},
                   {k: v for k, v in body.items() if k != "possible"}):
        assert not WHAT_IF.is_valid(broken)


def test_output_schemas_name_every_key_their_to_dict_writes() -> None:
    consultation = Engine.default().consult({}).to_dict()
    assert set(schema("consultation")["properties"]) == set(consultation)
    assert schema("consultation")["required"] == list(schema("consultation")["properties"])
    what_if = Engine.default().what_if({}).to_dict()
    assert set(schema("what-if")["properties"]) == set(what_if)


# --- the walker -----------------------------------------------------------------------------


@pytest.mark.parametrize(("tp", "out"), [
    (str, {"type": "string"}), (bool, {"type": "boolean"}), (int, {"type": "integer"}),
    (float, {"type": "number"}), (type(None), {"type": "null"}),
    (Value, {"anyOf": [{"type": "boolean"}, {"type": "number"}, {"type": "string"}]}),
    (Literal["a", "b"], {"enum": ["a", "b"]}),
    (str | None, {"type": ["string", "null"]}),
    (Value | None, {"anyOf": [{"type": t} for t in ("boolean", "integer", "number", "string",
                                                    "null")]}),
    (typing.Optional[int], {"type": ["integer", "null"]}),  # noqa: UP045  # the old spelling
    (tuple[str, ...], {"type": "array", "items": {"type": "string"}}),
    (list[int], {"type": "array", "items": {"type": "integer"}}),
    (tuple[str, int], {"type": "array", "prefixItems": [{"type": "string"},
                                                        {"type": "integer"}], "items": False}),
    (dict[str, float], {"type": "object", "additionalProperties": {"type": "number"}}),
    (Mapping[str, bool], {"type": "object", "additionalProperties": {"type": "boolean"}}),
    (Literal["x"] | int, {"anyOf": [{"enum": ["x"]}, {"type": "integer"}]}),
])
def test_a_type_hint_becomes_its_schema(tp: object, out: dict[str, Any]) -> None:
    walker = Walker()
    assert walker.of(tp) == out
    assert walker.defs == {}


@pytest.mark.parametrize("tp", [bytes, set[int], object, complex])
def test_a_type_without_a_json_form_is_a_type_error(tp: object) -> None:
    with pytest.raises(TypeError, match="no JSON Schema for the type"):
        Walker().of(tp)


def test_the_observations_are_one_shared_definition_without_their_own_id() -> None:
    walker = Walker()
    first = walker.of(dict[str, dict[str, Value]])
    second = walker.of(Mapping[str, Mapping[str, Value]])
    assert first == second == {"$ref": "#/$defs/Observations"}
    expected = observation_schema()
    del expected["$schema"], expected["$id"]
    assert walker.defs == {"Observations": expected}


@attrs.frozen
class _Node:
    """A node of a tree.

    Only the first paragraph of a docstring describes it."""

    name: str
    children: tuple[_Node, ...] = ()
    note: str | None = None
    _cache: int = attrs.field(default=0, init=False, repr=False)


_Pair = typing.TypedDict(  # noqa: UP013  # see below
    "_Pair", {"left": int, "right": typing.Required[str]}, total=False)
"""Written as a call: under ``from __future__ import annotations`` a class body's
``Required`` is a string that Python 3.11 does not count as required."""


def test_an_attrs_class_is_one_definition_even_when_it_refers_to_itself() -> None:
    walker = Walker()
    assert walker.of(_Node) == {"$ref": "#/$defs/Node"}
    assert walker.defs == {"Node": {
        "type": "object", "description": "A node of a tree.",
        "properties": {"name": {"type": "string"},
                       "children": {"type": "array", "items": {"$ref": "#/$defs/Node"}},
                       "note": {"type": ["string", "null"]}},
        "required": ["name", "children", "note"], "additionalProperties": False}}


def test_a_typed_dict_is_a_definition_with_its_required_keys_and_no_description() -> None:
    walker = Walker()
    assert walker.of(_Pair) == {"$ref": "#/$defs/Pair"}
    assert walker.defs["Pair"] == {
        "type": "object", "properties": {"left": {"type": "integer"},
                                         "right": {"type": "string"}},
        "required": ["right"], "additionalProperties": False}


# --- output_schema --------------------------------------------------------------------------


def test_output_schema_adds_the_dialect_id_title_and_format_constants() -> None:
    out = output_schema(_Node, "node", title="A tree", format="x/node", version=3,
                        optional=("note",))
    assert (out["$schema"], out["$id"], out["title"]) == (DIALECT, BASE_ID + "node", "A tree")
    assert out["properties"]["format"] == {"const": "x/node"}
    assert out["properties"]["version"] == {"const": 3}
    assert out["required"] == ["name", "children", "format", "version"]
    assert "note" in out["properties"]
    assert out["$defs"] == {"Node": {k: v for k, v in out.items() if k in (
        "type", "description", "properties", "additionalProperties")} | {
        "required": ["name", "children", "note"], "properties": {
            k: v for k, v in out["properties"].items() if k not in ("format", "version")}}}
    jsonschema.Draft202012Validator.check_schema(out)


def test_output_schema_has_no_definitions_when_it_needs_none() -> None:
    out = output_schema(_Pair, "pair", title="Two")
    assert "$defs" not in out
    assert out["required"] == ["right"]


def test_the_assessment_schema_is_its_class_read_with_the_format_it_writes() -> None:
    result = assess({"tour": {"office_tour": True}}).to_dict()
    direct = output_schema(Assessment, "assessment", title="t")
    assert set(direct["properties"]) == set(result)
    assert direct["properties"]["format"] == {"const": result["format"]}
    jsonschema.validate(result, direct)
    # The trace is required unless the caller says otherwise (the service leaves it out).
    without_trace = {k: v for k, v in result.items() if k != "trace"}
    assert not jsonschema.Draft202012Validator(direct).is_valid(without_trace)
    optional = output_schema(Assessment, "assessment", title="t", optional=("trace",))
    jsonschema.validate(without_trace, optional)


def test_a_firing_is_described_as_to_dict_writes_it() -> None:
    result = assess({"tour": {"office_tour": True, "introduced_to_people": True}})
    firings = result.to_dict()["trace"]
    assert isinstance(firings, list)
    assert firings
    properties = schema("assessment")["$defs"]["Firing"]["properties"]
    for firing in firings:
        assert list(firing) == list(properties)


def test_a_format_comes_from_the_class_or_from_the_caller() -> None:
    """The assessment carries its format as class constants; the consultation and what-if
    are told theirs by the caller, as ``_schema`` does."""
    assessment = output_schema(Assessment, "assessment", title="t")["properties"]
    assert assessment["format"] == {"const": Assessment.FORMAT}
    assert assessment["version"] == {"const": Assessment.VERSION}
    for cls, name in ((Consultation, "consultation"), (WhatIfs, "what-if")):
        assert "format" not in output_schema(cls, name, title="t")["properties"]
        told = output_schema(cls, name, title="t", format="f", version=9)["properties"]
        assert (told["format"], told["version"]) == ({"const": "f"}, {"const": 9})


def test_every_definition_of_the_output_schemas_is_used_and_none_is_missing() -> None:
    for name in ("assessment", "consultation", "what-if"):
        out = schema(name)
        text = str(out)
        for definition in out["$defs"]:
            assert f"#/$defs/{definition}" in text, (name, definition)
        jsonschema.Draft202012Validator.check_schema(out)


@settings(max_examples=examples(25), deadline=None)
@given(observations())
def test_real_assessments_validate_against_the_generated_schema(document: dict[str, Any]
                                                                 ) -> None:
    errors = ASSESSMENT.iter_errors(Engine.default().assess(document).to_dict())
    assert [e.message for e in errors] == []
