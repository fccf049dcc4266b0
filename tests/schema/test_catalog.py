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

from interview_signals import Engine, assess
from interview_signals._cli.main import main
from interview_signals._schema.catalog import NAMES, SchemaUnavailable, schema
from tests.profiles import examples
from tests.strategies import observations
from tests.support import library_accepts

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "data"
OBSERVATIONS = jsonschema.Draft202012Validator(schema("observations"))
ASSESSMENT = jsonschema.Draft202012Validator(schema("assessment"))


@pytest.mark.parametrize("name", NAMES)
def test_schemas_are_valid_draft_2020_12(name: str) -> None:
    jsonschema.Draft202012Validator.check_schema(schema(name))
    assert schema(name)["$schema"] == "https://json-schema.org/draft/2020-12/schema"


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
    accepted = library_accepts(document)
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


def test_the_command_prints_each_schema() -> None:
    for name in NAMES:
        out = io.StringIO()
        assert main(["schema", name], stdout=out) == 0
        assert json.loads(out.getvalue()) == schema(name)


def test_an_unknown_schema_name_fails_clearly() -> None:
    err = io.StringIO()
    assert main(["schema", "nothing"], stdout=io.StringIO(), stderr=err) == 2
    assert "nothing" in err.getvalue()
    with pytest.raises(SchemaUnavailable, match="expected one of"):
        schema("nothing")
