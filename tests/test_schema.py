"""The generated JSON Schemas: valid draft 2020-12, and true to the library both ways."""

from __future__ import annotations

import io
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interview_signals import Engine, ObservationError, assess
from interview_signals._cli import main
from interview_signals._observations import check_values
from interview_signals._schema import NAMES, SchemaUnavailable, available, schema
from interview_signals._vocabulary import VOCABULARY
from tests.profiles import examples
from tests.strategies import Corruption, contradicting_values, corruptions, nest, observations

EXAMPLES = Path(__file__).parent.parent / "examples" / "data"
OBSERVATIONS = jsonschema.Draft202012Validator(schema("observations"))
ASSESSMENT = jsonschema.Draft202012Validator(schema("assessment"))


def _accepted(document: object) -> bool:
    try:
        check_values(document)
    except ObservationError:
        return False
    return True


@pytest.mark.parametrize("name", available())
def test_schemas_are_valid_draft_2020_12(name: str) -> None:
    jsonschema.Draft202012Validator.check_schema(schema(name))
    assert schema(name)["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_every_field_has_its_label_question_and_limits() -> None:
    groups = schema("observations")["properties"]
    seen = set()
    for group, body in groups.items():
        assert body["additionalProperties"] is False
        for name, field in body["properties"].items():
            spec = VOCABULARY[f"{group}.{name}"]
            seen.add(spec.path)
            assert field["title"]
            assert field["description"]
            expected = {"bool": "boolean", "int": "integer", "number": "number",
                        "choice": "string"}[spec.kind]
            assert field["type"] == [expected, "null"]  # null: unknown
            assert field.get("minimum") == spec.minimum
            assert field.get("maximum") == spec.maximum
            assert tuple(field.get("enum", ())) == ((*spec.choices, None) if spec.choices else ())
    assert seen == set(VOCABULARY)


def test_contradiction_rules_are_described_on_both_sides() -> None:
    tone = schema("observations")["properties"]["thank_you"]["properties"]["tone"]
    assert "thank_you.note_sent is false" in tone["description"]
    assert "thank_you.references_specifics is true" in tone["description"]


def _example_documents() -> list[tuple[str, object]]:
    docs: list[tuple[str, object]] = []
    for path in sorted(EXAMPLES.iterdir()):
        if path.suffix == ".json":
            docs.append((path.name, json.loads(path.read_text())))
        elif path.suffix == ".jsonl":
            for i, line in enumerate(path.read_text().splitlines(), 1):
                try:  # the batch example holds broken lines on purpose: those are not JSON
                    docs.append((f"{path.name}:{i}", json.loads(line)))
                except json.JSONDecodeError:
                    continue
    return docs


@pytest.mark.parametrize(("name", "document"), _example_documents())
def test_every_example_validates_and_its_assessment_too(name: str, document: object) -> None:
    accepted = _accepted(document)
    assert OBSERVATIONS.is_valid(document) == accepted, name
    if accepted:
        assert isinstance(document, Mapping)
        ASSESSMENT.validate(assess(document).to_dict())


def test_the_examples_hold_at_least_one_document() -> None:
    assert len(_example_documents()) >= 3


@settings(max_examples=examples(150), deadline=None)
@given(observations())
def test_valid_observations_validate_and_so_do_their_assessments(
        document: dict[str, Any]) -> None:
    OBSERVATIONS.validate(document)  # raises, naming what does not fit
    result = Engine.default().assess(document).to_dict()
    ASSESSMENT.validate(result)
    without_trace = {k: v for k, v in result.items() if k != "trace"}
    assert ASSESSMENT.is_valid(without_trace)  # the service leaves the trace out unless asked


@settings(max_examples=examples(200), deadline=None)
@given(corruptions())
def test_what_the_library_refuses_the_schema_refuses(corruption: Corruption) -> None:
    assert not _accepted(corruption.observations)
    assert not OBSERVATIONS.is_valid(corruption.observations)


@settings(max_examples=examples(150), deadline=None)
@given(contradicting_values())
def test_contradictions_are_refused_by_the_schema(case: tuple[dict[str, Any], Any]) -> None:
    values, _ = case
    document = nest(values)
    assert not _accepted(document)
    assert not OBSERVATIONS.is_valid(document)


@settings(max_examples=examples(100), deadline=None)
@given(st.dictionaries(st.sampled_from(sorted({p.split(".")[0] for p in VOCABULARY})),
                       st.dictionaries(st.sampled_from(sorted({p.split(".")[1]
                                                                for p in VOCABULARY})),
                                       st.none() | st.booleans() | st.integers(-5, 100)
                                       | st.sampled_from(["warm", "automatic", "x"]),
                                       max_size=4), max_size=4))
def test_schema_and_library_agree_on_arbitrary_documents(document: dict[str, Any]) -> None:
    assert OBSERVATIONS.is_valid(document) == _accepted(document)


def test_assessment_schema_rejects_a_changed_shape() -> None:
    result = assess({"tour": {"office_tour": True}}).to_dict()
    for broken in ({**result, "extra": 1}, {k: v for k, v in result.items() if k != "verdict"},
                   {**result, "verdict": 3}):
        assert not ASSESSMENT.is_valid(broken)


def test_the_command_prints_each_schema() -> None:
    for name in available():
        out = io.StringIO()
        assert main(["schema", name], stdout=out) == 0
        assert json.loads(out.getvalue()) == schema(name)


def test_every_schema_is_available_and_an_unknown_name_fails_clearly() -> None:
    assert available() == NAMES
    err = io.StringIO()
    assert main(["schema", "nothing"], stdout=io.StringIO(), stderr=err) == 2
    assert "nothing" in err.getvalue()
    with pytest.raises(SchemaUnavailable, match="expected one of"):
        schema("nothing")


# --- consultation and what-if: generated from their attrs classes, checked on real output --

CONSULTATION = jsonschema.Draft202012Validator(schema("consultation"))
WHAT_IF = jsonschema.Draft202012Validator(schema("what-if"))
VERDICTS = [v.id for v in Engine.default().rulebook.verdicts]


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
    assert answer == {"type": ["boolean", "integer", "number", "string", "null"]}


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
