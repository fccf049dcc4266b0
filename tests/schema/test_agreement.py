"""The published observation schema and the library accept exactly the same documents:
documents generated from the schema itself (hypothesis-jsonschema) are all read by the
library, and documents generated from a looser schema (any JSON value in every field) are
accepted by the library exactly when the schema says they are valid. The schema states the
contradictions between fields too (``if``/``then`` and ``not`` clauses), so none is set
aside."""

from __future__ import annotations

import types
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.internal.conjecture import utils as conjecture_utils
from hypothesis_jsonschema import _from_schema, from_schema

from interview_signals._observations import Observations
from interview_signals._schema.observations import observation_schema
from tests.profiles import examples
from tests.support import library_accepts

SCHEMA = observation_schema()
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


class _Many:
    """hypothesis-jsonschema 0.23 (the latest) draws an object's keys with a Hypothesis
    internal, ``many(...).more()``, that newer Hypothesis replaced by iterating ``many`` in a
    ``with`` block; this gives it the old call on top of the new one."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._many = conjecture_utils.many(*args, **kwargs)
        self._elements: Any = None

    def more(self) -> bool:
        if self._elements is None:
            self._elements = iter(self._many.__enter__())
        try:
            next(self._elements)
        except StopIteration:
            self._many.__exit__(None, None, None)
            return False
        return True

    def reject(self, *why: Any) -> None:
        self._many.reject(*why)


if not hasattr(conjecture_utils.many, "more"):
    _from_schema.cu = types.SimpleNamespace(  # type: ignore[assignment,attr-defined]
        **{**vars(conjecture_utils), "many": _Many})

_ANY_VALUE: dict[str, Any] = {"type": ["null", "boolean", "integer", "number", "string",
                                       "array", "object"], "maxItems": 2, "maxProperties": 2}


def _looser(schema: dict[str, Any]) -> dict[str, Any]:
    """The observation schema with every field, and every group, taking any JSON value and
    unknown names allowed: what a careless or hostile client might send."""
    groups = {}
    for group, body in schema["properties"].items():
        fields = dict.fromkeys(body["properties"], _ANY_VALUE)
        groups[group] = {"anyOf": [{"type": "object", "properties": fields,
                                    "additionalProperties": _ANY_VALUE, "maxProperties": 6},
                                   _ANY_VALUE]}
    return {"type": "object", "properties": groups, "additionalProperties": _ANY_VALUE,
            "maxProperties": 5}


_SLOW = [HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large]


@pytest.mark.slow  # hypothesis-jsonschema takes some 20 s of CPU to prepare this schema
@settings(max_examples=examples(100), deadline=None, suppress_health_check=_SLOW)
@given(st.deferred(lambda: from_schema(SCHEMA)))  # prepared when run, not when collected
def test_every_document_the_schema_describes_the_library_reads(document: dict[str, Any]
                                                               ) -> None:
    assert VALIDATOR.is_valid(document)
    assert library_accepts(document), document
    Observations.from_dict(document)  # and reads it whole


@settings(max_examples=examples(300), deadline=None, suppress_health_check=_SLOW)
@given(from_schema(_looser(SCHEMA)))
def test_the_library_accepts_exactly_what_the_schema_accepts(document: dict[str, Any]
                                                             ) -> None:
    assert library_accepts(document) == VALIDATOR.is_valid(document), document
