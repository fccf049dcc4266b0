"""The JSON Schema (draft 2020-12) of an observation document, generated from ``VOCABULARY``
(kind, range, choices, label, question) and the contradiction rules of the vocabulary, which
become ``if``/``then`` and ``not`` clauses as well as words in the ``description``s. Also
what every schema of the library shares: the ``JSON`` type, the dialect and the ``$id`` base.

Neighbours: ``catalog`` serves it by name; ``outputs`` embeds it wherever an output
carries the observations.
"""

from __future__ import annotations

from typing import Any, TypeAlias

from .._observations import GROUP_CLASSES, VOCABULARY, FieldSpec, Value, vocabulary
from .._rulebook import frame_texts

JSON: TypeAlias = dict[str, Any]

DIALECT = "https://json-schema.org/draft/2020-12/schema"
BASE_ID = "https://interview-signals.invalid/schema/"
"""Where the schemas say they live (``$id``); ``.invalid`` so nothing tries to fetch it."""


def _label(spec: FieldSpec) -> str:
    # The schemas are documentation for developers, in English (docs/translations.md);
    # a client reads the words of other languages from GET /v1/texts.
    return frame_texts().label(spec.path)


def _question(spec: FieldSpec) -> str:
    return frame_texts().question(spec.path)


def _prerequisites() -> tuple[tuple[str, str, str], ...]:
    return vocabulary.PREREQUISITES


def _exclusions() -> tuple[tuple[str, Value, str, Value, str], ...]:
    return vocabulary.EXCLUSIONS


def _value_text(value: Value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return f'"{value}"' if isinstance(value, str) else str(value)


def _field_schema(spec: FieldSpec) -> JSON:
    """A field's schema: its label as ``title``; its ``description`` the question alone, a
    blank line, then the rules in words (a form asks the first paragraph). Only standard
    keywords, so a validator in strict mode (ajv's default) takes it as it is."""
    out: JSON = {"title": _label(spec)}
    notes = [f"Sign {spec.sign} of the article."]
    if spec.kind == "bool":
        out["type"] = "boolean"
    elif spec.kind == "choice":
        out["type"] = "string"
        out["enum"] = list(spec.choices)
    else:
        out["type"] = "integer" if spec.kind == "int" else "number"
        if spec.minimum is not None:
            out["minimum"] = _plain(spec.minimum)
        if spec.maximum is not None:
            out["maximum"] = _plain(spec.maximum)
    for dependent, prerequisite, why in _prerequisites():
        if dependent == spec.path:
            notes.append(f"Must be left out{' or false' if spec.kind == 'bool' else ''} "
                         f"while {prerequisite} is false: {why}.")
    for path, value, other, other_value, why in _exclusions():
        for mine, mine_value, theirs, theirs_value in ((path, value, other, other_value),
                                                       (other, other_value, path, value)):
            if mine == spec.path:
                notes.append(f"Cannot be {_value_text(mine_value)} while {theirs} is "
                             f"{_value_text(theirs_value)}: {why}.")
    notes.append("null, like leaving the field out, means unknown.")
    out["type"] = [out["type"], "null"]
    if "enum" in out:
        out["enum"] = [*out["enum"], None]
    out["description"] = _question(spec) + "\n\n" + " ".join(notes)
    return out


def _plain(x: float) -> float | int:
    return int(x) if float(x).is_integer() else x


def _at(path: str, schema: JSON | bool) -> JSON:
    """A schema for the whole document that applies ``schema`` to the field at ``path``."""
    group, name = path.split(".", 1)
    return {"type": "object",  # types stated, as ajv's strict mode asks; the same meaning
            "properties": {group: {"type": ["object", "null"],
                                   "properties": {name: schema}}}}


def _has(path: str, value: Value) -> JSON:
    """The document has ``value`` at ``path`` (its group an object, not null)."""
    group, name = path.split(".", 1)
    return {"type": "object",
            "properties": {group: {"type": "object", "properties": {name: {"const": value}},
                                   "required": [name]}},
            "required": [group]}


def _contradiction_rules() -> list[JSON]:
    rules: list[JSON] = []
    for dependent, prerequisite, why in _prerequisites():
        # null is unknown, which never contradicts; any other value but "no" would.
        allowed: JSON = ({"enum": [False, None]} if VOCABULARY[dependent].kind == "bool"
                         else {"type": "null"})
        rules.append({"$comment": f"{dependent} needs {prerequisite}: {why}",
                      "if": _has(prerequisite, False), "then": _at(dependent, allowed)})
    for path, value, other, other_value, why in _exclusions():
        rules.append({"$comment": f"{path} excludes {other}: {why}",
                      "not": {"allOf": [_has(path, value), _has(other, other_value)]}})
    return rules


def observation_schema() -> JSON:
    """The schema of an observation document, generated from the vocabulary."""
    groups: dict[str, JSON] = {}
    for group, cls in GROUP_CLASSES.items():
        specs = [s for s in VOCABULARY.values() if s.path.startswith(group + ".")]
        groups[group] = {
            "type": ["object", "null"], "title": group.replace("_", " ").capitalize(),
            "description": (cls.__doc__ or "").strip() + "\n\nnull, like leaving the "
                           "group out, means every field of it is unknown.",
            "properties": {s.path.split(".", 1)[1]: _field_schema(s) for s in specs},
            "additionalProperties": False}
    return {"$schema": DIALECT, "$id": BASE_ID + "observations",
            "title": "Observations of one job interview",
            "description": "What was observed, by group. A field or group left out, or "
                           "null, is unknown. Fields that contradict each other are rejected (see "
                           "each field's description).",
            "type": "object", "properties": groups, "additionalProperties": False,
            "allOf": _contradiction_rules()}
