"""The schema of an observation document (``interview_signals/_observation_schema.py``),
generated from the vocabulary: each field's label, question, kind and range, and the
contradiction rules as clauses and words, true to what the library accepts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interview_signals import assess
from interview_signals._observations import GROUP_CLASSES
from interview_signals._observations.vocabulary import EXCLUSIONS, PREREQUISITES, VOCABULARY
from interview_signals._rulebook import frame_texts
from interview_signals._schema.catalog import schema
from interview_signals._schema.observations import BASE_ID, DIALECT, observation_schema
from tests.profiles import examples
from tests.strategies import Corruption, contradicting_values, corruptions, nest
from tests.support import library_accepts

OBSERVATIONS = jsonschema.Draft202012Validator(observation_schema())
EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "data"


def test_every_field_has_its_label_question_and_limits() -> None:
    groups = observation_schema()["properties"]
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
    tone = observation_schema()["properties"]["thank_you"]["properties"]["tone"]
    assert "thank_you.note_sent is false" in tone["description"]
    assert "thank_you.references_specifics is true" in tone["description"]


@settings(max_examples=examples(200), deadline=None)
@given(corruptions())
def test_what_the_library_refuses_the_schema_refuses(corruption: Corruption) -> None:
    assert not library_accepts(corruption.observations)
    assert not OBSERVATIONS.is_valid(corruption.observations)


@settings(max_examples=examples(150), deadline=None)
@given(contradicting_values())
def test_contradictions_are_refused_by_the_schema(case: tuple[dict[str, Any], Any]) -> None:
    values, _ = case
    document = nest(values)
    assert not library_accepts(document)
    assert not OBSERVATIONS.is_valid(document)


@settings(max_examples=examples(100), deadline=None)
@given(st.dictionaries(st.sampled_from(sorted({p.split(".")[0] for p in VOCABULARY})),
                       st.dictionaries(st.sampled_from(sorted({p.split(".")[1]
                                                                for p in VOCABULARY})),
                                       st.none() | st.booleans() | st.integers(-5, 100)
                                       | st.sampled_from(["warm", "automatic", "x"]),
                                       max_size=4), max_size=4))
def test_schema_and_library_agree_on_arbitrary_documents(document: dict[str, Any]) -> None:
    assert OBSERVATIONS.is_valid(document) == library_accepts(document)


# --- the schema as a whole ------------------------------------------------------------------


def test_it_is_valid_draft_2020_12_with_its_own_id() -> None:
    out = observation_schema()
    jsonschema.Draft202012Validator.check_schema(out)
    assert (out["$schema"], out["$id"]) == (DIALECT, BASE_ID + "observations")
    assert BASE_ID.startswith("https://")
    assert ".invalid/" in BASE_ID  # nothing tries to fetch it


def test_it_is_the_schema_served_by_name_and_built_afresh_each_time() -> None:
    assert observation_schema() == schema("observations")
    assert observation_schema() is not observation_schema()


def test_the_groups_are_the_observation_classes_with_their_docstrings() -> None:
    out = observation_schema()
    assert out["additionalProperties"] is False
    assert list(out["properties"]) == list(GROUP_CLASSES)
    for group, cls in GROUP_CLASSES.items():
        body = out["properties"][group]
        assert body["type"] == ["object", "null"]  # null: every field unknown
        assert body["title"] == group.replace("_", " ").capitalize()
        assert body["description"].startswith((cls.__doc__ or "").strip() + "\n\n")
        assert "null" in body["description"]
    fields = [f"{g}.{n}" for g, b in out["properties"].items() for n in b["properties"]]
    assert fields == list(VOCABULARY)  # in vocabulary order


def test_each_field_asks_its_question_first_and_names_its_sign() -> None:
    """The description's first paragraph is the question alone (what a form asks); only
    standard keywords, so strict validators (ajv) take the schema as it is."""
    for path, spec in VOCABULARY.items():
        group, name = path.split(".", 1)
        field = observation_schema()["properties"][group]["properties"][name]
        question, rules = field["description"].split("\n\n")
        assert question == frame_texts().question(path)
        assert rules.startswith(f"Sign {spec.sign} of the article.")
        assert rules.endswith("null, like leaving the field out, means unknown.")
        assert field["title"] == frame_texts().label(path)
        assert not [key for key in field if key.startswith("x-")]


def test_whole_number_fields_keep_whole_limits() -> None:
    groups = observation_schema()["properties"]
    minutes = groups["interview"]["properties"]["actual_minutes"]
    assert (minutes["minimum"], minutes["maximum"]) == (1, 1440)
    assert all(type(minutes[k]) is int for k in ("minimum", "maximum"))
    hours = groups["thank_you"]["properties"]["response_hours"]
    assert all(type(hours[k]) is int for k in ("minimum", "maximum"))  # 0 and 8760, not 0.0


def test_there_is_one_clause_per_prerequisite_and_exclusion() -> None:
    clauses = observation_schema()["allOf"]
    assert len(clauses) == len(PREREQUISITES) + len(EXCLUSIONS)
    assert [c["$comment"] for c in clauses[:len(PREREQUISITES)]] == [
        f"{d} needs {p}: {why}" for d, p, why in PREREQUISITES]
    assert all("not" in c for c in clauses[len(PREREQUISITES):])


@pytest.mark.parametrize(("document", "valid"), [
    ({"next_steps": {"invited_to_next_round": False, "scheduled_on_the_spot": False}}, True),
    ({"next_steps": {"invited_to_next_round": False, "scheduled_on_the_spot": True}}, False),
    ({"next_steps": {"scheduled_on_the_spot": True}}, True),  # the prerequisite unknown
    ({"thank_you": {"note_sent": False, "response_hours": 3}}, False),  # any value at all
    ({"thank_you": {"references_specifics": True, "tone": "automatic"}}, False),
    ({"thank_you": {"references_specifics": False, "tone": "automatic"}}, True),
    ({"interview": {"actual_minutes": 30.5}}, False),
    ({"interview": {"actual_minutes": 0}}, False),
    ({"tour": {"office_tour": 1}}, False),
    ({"tour": {}}, True),
    ({}, True),
])
def test_documents_are_judged_as_the_library_judges_them(document: dict[str, Any],
                                                         valid: bool) -> None:
    assert OBSERVATIONS.is_valid(document) == valid
    assert library_accepts(document) == valid


def test_real_documents_validate() -> None:
    checked = 0
    for path in sorted(EXAMPLES.glob("*.json")):
        document = json.loads(path.read_text())
        if library_accepts(document):
            assert [e.message for e in OBSERVATIONS.iter_errors(document)] == [], path.name
            assert assess(document).verdict  # and the library assesses it
            checked += 1
    assert checked >= 2  # the good and the unclear interview at least


def test_the_description_says_what_null_means_as_the_fields_do() -> None:
    out = observation_schema()
    assert OBSERVATIONS.is_valid({"tour": {"office_tour": None}})
    assert library_accepts({"tour": {"office_tour": None}})
    assert "null is not allowed" not in out["description"]


@pytest.mark.parametrize("document", [
    {"interview": {"actual_minutes": 30.0}},  # JSON Schema's integer includes 30.0
    {"tour": None, "thank_you": None},  # a null group is unknown, as a null field
    {"thank_you": None, "next_steps": {"invited_to_next_round": False}},
])
def test_the_library_reads_a_value_as_json_schema_means_it(document: dict[str, Any]) -> None:
    assert OBSERVATIONS.is_valid(document)
    assert library_accepts(document)


@pytest.mark.parametrize("document", [
    {"thank_you": {"note_sent": False, "response_hours": None}},
    {"thank_you": {"note_sent": False, "response_received": None}},
    {"next_steps": {"invited_to_next_round": False, "scheduled_on_the_spot": None}},
])
def test_an_unknown_field_never_contradicts_its_prerequisite(document: dict[str, Any]
                                                              ) -> None:
    assert library_accepts(document)
    assert OBSERVATIONS.is_valid(document)
