"""JSON Schemas (draft 2020-12) of the JSON contract, generated, never kept by hand.

* ``observations``: from ``VOCABULARY`` (kind, range, choices, label, question) and the
  contradiction rules of the vocabulary, which become ``if``/``then`` and ``not`` clauses
  as well as words in the ``description``s.
* ``assessment``, ``consultation`` and ``what-if``: by walking the attrs classes of the
  output types and their type hints. An attrs field whose type is a
  Protocol (``Assessment.explanation``) is replaced by the Protocol's properties, as
  ``to_dict`` does; where a class's ``to_dict`` writes another shape than its fields
  (``Firing``), ``_JSON_FORMS`` says so in one place, and the tests check generated output
  against the schema, so the two cannot drift apart silently.

Neighbours: ``_service`` serves these schemas and assembles its OpenAPI document from them;
``_cli`` prints them (``interview-signals schema NAME``).
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Mapping
from typing import Any, Literal, TypeAlias, Union

import attrs

from . import _vocabulary as vocabulary
from ._assessment import Assessment, Explanation
from ._consult_types import (
    CONSULTATION_FORMAT,
    VERSION,
    WHAT_IF_FORMAT,
    Change,
    Consultation,
    Question,
    WhatIfs,
)
from ._errors import InterviewSignalsError
from ._observations import GROUP_CLASSES
from ._parts import Firing
from ._vocabulary import VOCABULARY, FieldSpec, Value

JSON: TypeAlias = dict[str, Any]

DIALECT = "https://json-schema.org/draft/2020-12/schema"
BASE_ID = "https://interview-signals.invalid/schema/"
"""Where the schemas say they live (``$id``); ``.invalid`` so nothing tries to fetch it."""

NAMES: tuple[str, ...] = ("observations", "assessment", "consultation", "what-if")


class SchemaUnavailable(InterviewSignalsError):
    """A schema was asked for whose output type this version of the library lacks."""


# --- the observation schema -------------------------------------------------------------

def _label(spec: FieldSpec) -> str:
    return spec.label


def _question(spec: FieldSpec) -> str:
    return spec.question


def _prerequisites() -> tuple[tuple[str, str, str], ...]:
    return vocabulary.PREREQUISITES


def _exclusions() -> tuple[tuple[str, Value, str, Value, str], ...]:
    return vocabulary.EXCLUSIONS


def _value_text(value: Value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return f'"{value}"' if isinstance(value, str) else str(value)


def _field_schema(spec: FieldSpec) -> JSON:
    out: JSON = {"title": _label(spec)}
    notes = [_question(spec)]
    if spec.kind == "bool":
        out["type"] = "boolean"
    elif spec.kind == "choice":
        out["type"] = "string"
        out["enum"] = list(spec.choices)
    else:
        out["type"] = "integer" if spec.kind == "int" else "number"
        if spec.kind == "int":
            notes.append("Written as a whole number without a decimal point.")
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
    out["description"] = " ".join(notes)
    out["x-question"] = notes[0]  # the question alone, for a form to ask
    out["x-sign"] = spec.sign
    return out


def _plain(x: float) -> float | int:
    return int(x) if float(x).is_integer() else x


def _at(path: str, schema: JSON | bool) -> JSON:
    """A schema for the whole document that applies ``schema`` to the field at ``path``."""
    group, name = path.split(".", 1)
    return {"properties": {group: {"properties": {name: schema}}}}


def _has(path: str, value: Value) -> JSON:
    """The document has ``value`` at ``path``."""
    group, name = path.split(".", 1)
    return {"properties": {group: {"properties": {name: {"const": value}},
                                   "required": [name]}},
            "required": [group]}


def _contradiction_rules() -> list[JSON]:
    rules: list[JSON] = []
    for dependent, prerequisite, why in _prerequisites():
        allowed: JSON | bool = ({"const": False} if VOCABULARY[dependent].kind == "bool" else
                         False)  # any value would contradict
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
            "type": "object", "title": group.replace("_", " ").capitalize(),
            "description": (cls.__doc__ or "").strip(),
            "properties": {s.path.split(".", 1)[1]: _field_schema(s) for s in specs},
            "additionalProperties": False}
    return {"$schema": DIALECT, "$id": BASE_ID + "observations",
            "title": "Observations of one job interview",
            "description": "What was observed, by group. A field left out is unknown; null "
                           "is not allowed. Fields that contradict each other are rejected "
                           "(see each field's description).",
            "type": "object", "properties": groups, "additionalProperties": False,
            "allOf": _contradiction_rules()}


# --- output schemas, by walking attrs classes --------------------------------------------

_OBSERVATIONS_REF = "Observations"
"""The ``$defs`` name under which an output schema embeds the observation schema."""


class _ObservationMatch(typing.TypedDict):
    kind: Literal["observation"]
    path: str
    value: Value


class _FactRef(typing.TypedDict):
    kind: str
    id: str


# Where ``to_dict`` writes another shape than the class's attrs fields: the JSON properties
# and their types, in ``to_dict`` order. Keep this next to the class when the class changes.
_JSON_FORMS: dict[type, dict[str, object]] = {
    Firing: {"step": int, "rule": str, "engine_rule": str, "kind": str,
             "matched": list[_ObservationMatch | _FactRef], "asserted": list[_FactRef]},
    # ``observations`` is None in the class when not given; to_dict writes {} then.
    Consultation: {"observations": dict[str, dict[str, Value]], "assessment": Assessment,
                   "reachable": tuple[str, ...], "settled": bool,
                   "questions": tuple[Question, ...],
                   "sufficient_reason": tuple[str, ...] | None},
    # ``kind`` is a str in the class; its three values are the contract.
    Change: {"path": str, "value": Value, "kind": Literal["find_out", "do", "had"]},
}

# Types that mean the observation document wherever they appear in an output.
_OBSERVATION_TYPES: tuple[object, ...] = (dict[str, dict[str, Value]],
                                          Mapping[str, Mapping[str, Value]])


class _Walker:
    """Turns type hints into schemas; each attrs class or TypedDict becomes one ``$defs``."""

    def __init__(self) -> None:
        self.defs: dict[str, JSON] = {}

    def ref(self, name: str) -> JSON:
        return {"$ref": f"#/$defs/{name}"}

    def of(self, tp: object) -> JSON:
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        if tp in _OBSERVATION_TYPES:
            if _OBSERVATIONS_REF not in self.defs:
                inner = observation_schema()
                del inner["$schema"], inner["$id"]
                self.defs[_OBSERVATIONS_REF] = inner
            return self.ref(_OBSERVATIONS_REF)
        simple = {str: "string", bool: "boolean", int: "integer", float: "number",
                  type(None): "null"}
        if isinstance(tp, type) and tp in simple:
            return {"type": simple[tp]}
        if tp is Value:
            return {"type": ["boolean", "integer", "number", "string"]}
        if origin is Literal:
            return {"enum": list(args)}
        if origin in (Union, types.UnionType):
            return self.union(args)
        if origin in (tuple, list) or origin is typing.get_origin(list[int]):
            return self.array(origin, args)
        if origin in (dict, Mapping) or origin is typing.get_origin(Mapping[str, int]):
            return {"type": "object", "additionalProperties": self.of(args[1])}
        if isinstance(tp, type) and (attrs.has(tp) or typing.is_typeddict(tp)):
            return self.object_ref(tp)
        raise TypeError(f"no JSON Schema for the type {tp!r}")

    def union(self, args: tuple[object, ...]) -> JSON:
        parts = [self.of(a) for a in args]
        if all(list(p) == ["type"] for p in parts):  # simple types: one "type" list
            kinds: list[str] = []
            for p in parts:
                kinds += p["type"] if isinstance(p["type"], list) else [p["type"]]
            return {"type": kinds}
        return {"anyOf": parts}

    def array(self, origin: object, args: tuple[object, ...]) -> JSON:
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": self.of(args[0])}
        if origin is tuple:
            return {"type": "array", "prefixItems": [self.of(a) for a in args], "items": False}
        return {"type": "array", "items": self.of(args[0])}

    def object_ref(self, cls: type) -> JSON:
        name = cls.__name__.lstrip("_")
        if name not in self.defs:
            self.defs[name] = {}  # placeholder first: a class may refer to itself
            self.defs[name] = self.object_schema(cls)
        return self.ref(name)

    def object_schema(self, cls: type, extra: Mapping[str, JSON] | None = None) -> JSON:
        properties, required = self.properties(cls)
        if isinstance(getattr(cls, "FORMAT", None), str):  # to_dict writes its format first
            extra = {"format": {"const": cls.FORMAT},  # type: ignore[attr-defined]
                     "version": {"const": cls.VERSION},  # type: ignore[attr-defined]
                     **(extra or {})}
        for key, schema in (extra or {}).items():
            properties[key] = schema
            required.append(key)
        out: JSON = {"type": "object"}
        doc = (cls.__doc__ or "").strip().split("\n\n", 1)[0]
        if doc and not typing.is_typeddict(cls):
            out["description"] = " ".join(doc.split())
        out.update(properties=properties, required=required, additionalProperties=False)
        return out

    def properties(self, cls: type) -> tuple[dict[str, JSON], list[str]]:
        properties: dict[str, JSON] = {}
        required: list[str] = []
        if typing.is_typeddict(cls):
            hints = typing.get_type_hints(cls)
            for name in hints:
                properties[name] = self.of(hints[name])
            required = sorted(getattr(cls, "__required_keys__", ()), key=list(hints).index)
            return properties, required
        form = _JSON_FORMS.get(cls)
        if form is not None:
            for name, tp in form.items():
                properties[name] = self.of(tp)
            return properties, list(form)
        hints = typing.get_type_hints(cls)
        for attribute in attrs.fields(cls):
            if not attribute.init and not attribute.repr:
                continue  # computed, private state: never in to_dict
            tp = hints[attribute.name]
            if _is_protocol(tp):
                # The explanation's parts are written in place of the field (Assessment).
                for name, part in _protocol_properties(tp).items():
                    properties[name] = self.of(part)
                    required.append(name)
                continue
            properties[attribute.name] = self.of(tp)
            required.append(attribute.name)
        return properties, required


def _is_protocol(tp: object) -> bool:
    """The explanation type, whose parts ``to_dict`` writes in place of the field."""
    return tp is Explanation


def _protocol_properties(proto: type) -> dict[str, object]:
    out: dict[str, object] = {}
    for name, member in vars(proto).items():
        if isinstance(member, property) and member.fget is not None:
            out[name] = typing.get_type_hints(member.fget)["return"]
    return out


def output_schema(cls: type, name: str, *, title: str, format: str | None = None,
                  version: int | None = None, optional: tuple[str, ...] = ()) -> JSON:
    """The schema of ``cls().to_dict()``, generated from the attrs class ``cls``.

    ``format`` and ``version``, when given, add the ``"format"``/``"version"`` constants a
    ``to_dict`` writes next to the class's own fields (as the consultation and what-if do).
    """
    walker = _Walker()
    extra: dict[str, JSON] = {}
    if format is not None:
        extra["format"] = {"const": format}
    if version is not None:
        extra["version"] = {"const": version}
    root = walker.object_schema(cls, extra)
    root["required"] = [k for k in root["required"] if k not in optional]
    out: JSON = {"$schema": DIALECT, "$id": BASE_ID + name, "title": title}
    out.update(root)
    if walker.defs:
        out["$defs"] = walker.defs
    return out


def assessment_schema() -> JSON:
    """The schema of ``Assessment.to_dict()`` (README.md). The trace may be left out: the
    HTTP service sends it only when asked (``?trace=true``)."""
    return output_schema(Assessment, "assessment",
                         title="The explained assessment of one job interview",
                         optional=("trace",))


def _trace_optional(out: JSON) -> JSON:
    """An embedded assessment may come without its trace (the service's ``?trace``)."""
    embedded = out["$defs"]["Assessment"]
    embedded["required"] = [k for k in embedded["required"] if k != "trace"]
    return out


def consultation_schema() -> JSON:
    """The schema of ``Consultation.to_dict()``; its assessment may leave out the trace."""
    return _trace_optional(output_schema(
        Consultation, "consultation", title="One step of a consultation: the reading now, "
        "the verdicts still reachable and the questions that matter, best first",
        format=CONSULTATION_FORMAT, version=VERSION))


def what_if_schema() -> JSON:
    """The schema of ``WhatIfs.to_dict()``."""
    return output_schema(WhatIfs, "what-if", title="The smallest sets of changes that reach "
                         "a better verdict (or the proof that none does)",
                         format=WHAT_IF_FORMAT, version=VERSION)


def _not_yet(name: str) -> Callable[[], JSON]:
    def unavailable() -> JSON:
        raise SchemaUnavailable(
            f"schema {name!r}: this version of interview-signals has no {name} output yet; "
            f"available: {', '.join(available())}")
    return unavailable


BUILDERS: dict[str, Callable[[], JSON]] = {
    "observations": observation_schema,
    "assessment": assessment_schema,
    "consultation": consultation_schema,
    "what-if": what_if_schema,
}
"""Every schema by name. A name whose output type a version lacks maps to ``_not_yet(name)``
(``available()`` leaves it out, ``schema()`` raises ``SchemaUnavailable``)."""

_CACHE: dict[str, JSON] = {}


def available() -> tuple[str, ...]:
    """The schema names this version can build."""
    return tuple(n for n in NAMES if getattr(BUILDERS[n], "__name__", "") != "unavailable")


def schema(name: str) -> JSON:
    """The schema called ``name`` (one of ``NAMES``), built once per process.

    Raises:
        SchemaUnavailable: no such schema, or its output type does not exist yet.
    """
    if name not in BUILDERS:
        raise SchemaUnavailable(f"no schema called {name!r}; expected one of "
                                f"{', '.join(NAMES)}")
    if name not in _CACHE:
        _CACHE[name] = BUILDERS[name]()
    return _CACHE[name]
