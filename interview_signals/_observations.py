"""Observations: a JSON mapping in, frozen attrs groups out (SPEC section 4).

Neighbours: ``Engine.assess`` checks mappings with ``check_values`` (no ``Observations``
built) and ``Session`` keeps ``Observations``; ``_engine`` encodes the known fields, keyed by
``fact_key`` with ``unknown_key`` flags for unknown fields, as the one observation fact.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from typing import Any, Literal, TypeAlias, cast

import attrs
from attrs import field, frozen

from ._errors import ObservationError

Tone: TypeAlias = Literal["warm", "neutral", "curt", "automatic"]
Value: TypeAlias = bool | int | float | str
FieldKind: TypeAlias = Literal["bool", "int", "number", "choice"]

TONES: tuple[str, ...] = ("warm", "neutral", "curt", "automatic")


@frozen(kw_only=True)
class FieldSpec:
    """What one observation field accepts; read from the attrs metadata of its group."""

    path: str
    kind: FieldKind
    sign: int
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] = ()
    # Placeholders until the vocabulary carries its own words (the fidelity work adds them).
    label: str = ""
    question: str = ""
    can_act: bool = False
    """The candidate can still act on it (e.g. send a thank-you note)."""
    priors: Mapping[object, float] | None = None
    """Weights of the answers, uniform when None (consultation ranking only)."""

    @property
    def expected(self) -> str:
        """The expectation, in the words an error message uses."""
        if self.kind == "bool":
            return "true or false"
        if self.kind == "choice":
            return "one of " + ", ".join(f'"{c}"' for c in self.choices)
        what = "an integer" if self.kind == "int" else "a finite number"
        return f"{what} from {_num(self.minimum)} to {_num(self.maximum)}"


def _num(x: float | None) -> str:
    return str(int(x)) if x is not None and float(x).is_integer() else str(x)


def describe(value: object) -> str:
    """A short, safe rendering of a value that arrived, for error messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f'the string "{shown}"'
    if isinstance(value, int) and abs(value) > 10**18:
        # repr() of a huge int can itself fail (Python's digit limit): say how big it is.
        return f"{'a negative' if value < 0 else 'an'} integer of {value.bit_length()} bits"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, list | tuple):
        return "a list"
    return f"a {type(value).__name__}"


def check_value(spec: FieldSpec, value: object) -> Value:
    """Return ``value`` if it fits ``spec``; raise ``ObservationError`` naming the path if not."""
    if spec.kind == "bool":
        if isinstance(value, bool):
            return value
    elif spec.kind == "choice":
        if isinstance(value, str) and value in spec.choices:
            return value
    elif isinstance(value, bool):
        pass  # true is not a number (SPEC section 4)
    elif isinstance(value, float) and not math.isfinite(value):
        name = "NaN" if math.isnan(value) else ("-infinity" if value < 0 else "infinity")
        raise ObservationError(spec.path, spec.expected, name)
    elif isinstance(value, int) or (spec.kind == "number" and isinstance(value, float)):
        number = cast(float, value)
        if (spec.minimum is None or number >= spec.minimum) and (
            spec.maximum is None or number <= spec.maximum
        ):
            return value
    raise ObservationError(spec.path, spec.expected, describe(value))


def _spec(kind: FieldKind, sign: int, lo: float | None = None, hi: float | None = None,
          choices: tuple[str, ...] = ()) -> dict[str, Any]:
    return {"kind": kind, "sign": sign, "minimum": lo, "maximum": hi, "choices": choices}


def _validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        check_value(_SPECS[type(instance), attribute.name], value)


def _field_spec(cls: type, attribute: attrs.Attribute[Any]) -> FieldSpec:
    meta = attribute.metadata
    path = f"{cls.__dict__['GROUP']}.{attribute.name}"
    label = attribute.name.replace("_", " ")
    return FieldSpec(path=path, kind=meta["kind"],
                     sign=meta["sign"], minimum=meta["minimum"], maximum=meta["maximum"],
                     choices=meta["choices"], label=label, question=f"{label.capitalize()}?",
                     can_act=path == "thank_you.note_sent")


def _bool(sign: int) -> Any:
    return field(default=None, validator=_validate, metadata=_spec("bool", sign))


def _int(sign: int, lo: int, hi: int) -> Any:
    return field(default=None, validator=_validate, metadata=_spec("int", sign, lo, hi))


@frozen(kw_only=True)
class Interview:
    """The time allotted, the time it really took, and who was in the room (sign 5)."""

    GROUP = "interview"
    scheduled_minutes: int | None = _int(5, 1, 1440)
    actual_minutes: int | None = _int(5, 1, 1440)
    interviewer_count: int | None = _int(5, 1, 50)


@frozen(kw_only=True)
class BodyLanguage:
    """How the interviewer carried themselves (sign 1)."""

    GROUP = "body_language"
    engaged: bool | None = _bool(1)
    rote_questions: bool | None = _bool(1)
    nods: bool | None = _bool(1)
    smiles: bool | None = _bool(1)
    verbal_agreement: bool | None = _bool(1)
    naturally_friendly: bool | None = _bool(1)


@frozen(kw_only=True)
class Interest:
    """Questions about your interest and your other interviews (sign 2)."""

    GROUP = "interest"
    asked_if_interested: bool | None = _bool(2)
    asked_where_else_interviewing: bool | None = _bool(2)


@frozen(kw_only=True)
class NextSteps:
    """An invitation to another round (sign 3)."""

    GROUP = "next_steps"
    invited_to_next_round: bool | None = _bool(3)
    scheduled_on_the_spot: bool | None = _bool(3)


@frozen(kw_only=True)
class Tour:
    """Being shown around and introduced (sign 4)."""

    GROUP = "tour"
    office_tour: bool | None = _bool(4)
    introduced_to_people: bool | None = _bool(4)
    people_called_in: bool | None = _bool(4)


@frozen(kw_only=True)
class JobSpecifics:
    """How deep the talk about the job went (sign 6)."""

    GROUP = "job_specifics"
    overview_given: bool | None = _bool(6)
    deep_dive: bool | None = _bool(6)
    you_would_language: bool | None = _bool(6)


@frozen(kw_only=True)
class ThankYou:
    """Your thank-you note and the reply to it (sign 7)."""

    GROUP = "thank_you"
    note_sent: bool | None = _bool(7)
    response_received: bool | None = _bool(7)
    response_hours: float | None = field(
        default=None, validator=_validate, metadata=_spec("number", 7, 0, 8760))
    references_specifics: bool | None = _bool(7)
    tone: Tone | None = field(
        default=None, validator=_validate, metadata=_spec("choice", 7, choices=TONES))


GROUP_CLASSES: dict[str, type] = {
    cls.GROUP: cls
    for cls in (Interview, BodyLanguage, Interest, NextSteps, Tour, JobSpecifics, ThankYou)
}

VOCABULARY: dict[str, FieldSpec] = {
    spec.path: spec
    for cls in GROUP_CLASSES.values()
    for spec in (_field_spec(cls, a) for a in attrs.fields(cls))
}
"""Every observation path of SPEC section 4, in vocabulary order."""

_GROUP_FIELDS: tuple[tuple[str, type, tuple[tuple[str, str], ...]], ...] = tuple(
    (name, cls, tuple((f"{name}.{a.name}", a.name) for a in attrs.fields(cls)))
    for name, cls in GROUP_CLASSES.items())

_FIELD_NAMES: dict[str, tuple[str, ...]] = {
    name: tuple(a.name for a in attrs.fields(cls)) for name, cls in GROUP_CLASSES.items()}
_PARTS: dict[str, tuple[str, str]] = {
    path: (path.split(".", 1)[0], path.split(".", 1)[1]) for path in VOCABULARY}

_SPECS: dict[tuple[type, str], FieldSpec] = {
    (cls, spec.path.split(".", 1)[1]): spec
    for cls in GROUP_CLASSES.values() for spec in VOCABULARY.values()
    if spec.path.startswith(cls.GROUP + ".")  # type: ignore[attr-defined]
}

# Each pair (dependent, prerequisite): the dependent may not be set while the prerequisite is false.
_PREREQUISITES: tuple[tuple[str, str, str], ...] = (
    ("thank_you.response_received", "thank_you.note_sent", "a reply needs a note that was sent"),
    ("thank_you.response_hours", "thank_you.response_received", "a reply time needs a reply"),
    ("thank_you.references_specifics", "thank_you.response_received",
     "what a reply says needs a reply"),
    ("thank_you.tone", "thank_you.response_received", "the tone of a reply needs a reply"),
    ("thank_you.response_hours", "thank_you.note_sent", "a reply time needs a note that was sent"),
    ("thank_you.references_specifics", "thank_you.note_sent", "a reply needs a note that was sent"),
    ("thank_you.tone", "thank_you.note_sent", "a reply needs a note that was sent"),
    ("next_steps.scheduled_on_the_spot", "next_steps.invited_to_next_round",
     "scheduling a next round needs an invitation to it"),
)

# Pairs of values that cannot both hold (sign 7: referring to what you discussed is how a
# genuine reply differs from an automatic one).
_EXCLUSIONS: tuple[tuple[str, Value, str, Value, str], ...] = (
    ("thank_you.references_specifics", True, "thank_you.tone", "automatic",
     "a reply that refers to what you discussed is not an automatic one"),
)

_REQUIRES: dict[str, tuple[str, ...]] = {}
for _dependent, _prerequisite, _ in _PREREQUISITES:
    _REQUIRES[_dependent] = (*_REQUIRES.get(_dependent, ()), _prerequisite)


def prerequisites(path: str) -> tuple[str, ...]:
    """The fields that must not be false for ``path`` to hold a value."""
    return _REQUIRES.get(path, ())


def _check_contradictions(known: Mapping[str, Value]) -> None:
    for path, banned, other, other_banned, why in _EXCLUSIONS:
        if known.get(path) == banned and known.get(other) == other_banned:
            raise ObservationError(
                path, f"not {describe(banned)} while {other} is {describe(other_banned)}",
                f"{path} = {describe(banned)} with {other} = {describe(other_banned)}",
                message=f"{path} contradicts {other}: {why}, but {path} is "
                f"{describe(banned)} while {other} is {describe(other_banned)}")
    for dependent, prerequisite, why in _PREREQUISITES:
        value = known.get(dependent)
        # An unknown or negative dependent ("no reply") never contradicts anything.
        if value is None or value is False:
            continue
        if known.get(prerequisite) is False:
            raise ObservationError(
                dependent, f"{prerequisite} not to be false",
                f"{dependent} = {describe(value)} with {prerequisite} = false",
                message=f"{dependent} contradicts {prerequisite}: {why}, but {dependent} is "
                f"{describe(value)} while {prerequisite} is false")


@frozen(kw_only=True)
class Observations:
    """Everything recorded about one interview; a field left as ``None`` is unknown.

    Build it with ``Observations.from_dict`` from the JSON vocabulary, or from the group
    classes directly. Contradicting fields (a reply without a note) are rejected.
    """

    # Groups are frozen, so one empty instance of each can be shared as the default.
    interview: Interview = field(default=Interview())
    body_language: BodyLanguage = field(default=BodyLanguage())
    interest: Interest = field(default=Interest())
    next_steps: NextSteps = field(default=NextSteps())
    tour: Tour = field(default=Tour())
    job_specifics: JobSpecifics = field(default=JobSpecifics())
    thank_you: ThankYou = field(default=ThankYou())
    # The known fields, flat and in vocabulary order: computed once, read on every assessment.
    _known: dict[str, Value] = field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        known: dict[str, Value] = {}
        for name, cls, fields in _GROUP_FIELDS:
            group = getattr(self, name)
            if not isinstance(group, cls):
                raise ObservationError(name, f"a {cls.__name__}", describe(group))
            for path, attribute in fields:
                value = getattr(group, attribute)
                if value is not None:
                    known[path] = value
        _check_contradictions(known)
        object.__setattr__(self, "_known", known)

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Observations:
        """Parse the JSON vocabulary; raise ``ObservationError`` naming the first bad path."""
        return cls(**{group: GROUP_CLASSES[group](**fields)
                      for group, fields in _checked_groups(data)})

    @classmethod
    def from_values(cls, values: Mapping[str, Value]) -> Observations:
        """Build from a ``{"group.field": value}`` mapping of known fields."""
        groups: dict[str, dict[str, Value]] = {}
        for path, value in values.items():
            group, name = _PARTS[path]
            groups.setdefault(group, {})[name] = value
        return cls(**{g: GROUP_CLASSES[g](**f) for g, f in groups.items()})

    def to_dict(self) -> dict[str, dict[str, Value]]:
        """The known fields in the JSON vocabulary; ``from_dict`` reads it back unchanged."""
        return grouped(self._known)

    def value(self, path: str) -> Value | None:
        """The value at ``group.field``, or ``None`` when it is unknown."""
        if path not in VOCABULARY:
            raise KeyError(path)
        return self._known.get(path)

    def known(self) -> Iterator[tuple[str, Value]]:
        """``(path, value)`` for every known field, in vocabulary order."""
        return iter(self._known.items())

    def values(self) -> dict[str, Value]:
        """The known fields as a flat ``{"group.field": value}`` mapping (a copy)."""
        return dict(self._known)

    def is_known(self, path: str) -> bool:
        """Whether ``path`` has a value (``False`` is a known value)."""
        return path in self._known


def _checked_groups(data: object) -> Iterator[tuple[str, Mapping[str, object]]]:
    """The groups of a JSON-shaped mapping, after checking its shape and field names."""
    if not isinstance(data, Mapping):
        raise ObservationError("observations", "an object of observation groups",
                               describe(data))
    for group, fields in data.items():
        names = _FIELD_NAMES.get(group) if isinstance(group, str) else None
        if names is None:
            raise _unknown_group(group)
        if not isinstance(fields, Mapping):
            raise ObservationError(group, "an object of fields", describe(fields))
        for name, value in fields.items():
            if name not in names:
                raise _unknown_field(group, name)
            if value is None:  # null is not "unknown": an unknown field is left out
                raise ObservationError(f"{group}.{name}",
                                       VOCABULARY[f"{group}.{name}"].expected, "null")
        yield group, fields


def _unknown_group(group: object) -> ObservationError:
    return ObservationError(str(group), "one of the groups " + ", ".join(GROUP_CLASSES),
                            "an unknown group", message=f"{group}: unknown group; "
                            f"expected one of {', '.join(GROUP_CLASSES)}")


def _unknown_field(group: str, name: object) -> ObservationError:
    path = f"{group}.{name}"
    known = ", ".join(_FIELD_NAMES[group])
    return ObservationError(path, f"a field of {group} ({known})", "an unknown field",
                            message=f"{path}: unknown field; {group} has {known}")


def parse_values(data: object) -> dict[str, Value]:
    """Check a JSON-shaped mapping against the vocabulary; return its known fields, flat.

    Only shape, types and ranges are checked here; contradictions are checked when the
    fields are combined into ``Observations``.
    """
    values: dict[str, Value] = {}
    for group, fields in _checked_groups(data):
        for name, value in fields.items():
            path = f"{group}.{name}"
            values[path] = check_value(VOCABULARY[path], value)
    return values


def grouped(values: Mapping[str, Value]) -> dict[str, dict[str, Value]]:
    """Flat ``{"group.field": value}`` back to the JSON vocabulary's nested groups."""
    out: dict[str, dict[str, Value]] = {}
    for path, value in values.items():
        group, name = _PARTS[path]
        out.setdefault(group, {})[name] = value
    return out


_BOOL, _CHOICE, _INT, _NUMBER = range(4)
_Quick: TypeAlias = tuple[str, int, frozenset[str], float, float, int]
"""(path, kind, choices, minimum, maximum, vocabulary position) of one field."""


def _quick(path: str) -> _Quick:
    """What the quick route of ``check_values`` needs to know about a field."""
    spec = VOCABULARY[path]
    kind = {"bool": _BOOL, "choice": _CHOICE, "int": _INT}.get(spec.kind, _NUMBER)
    lo = -math.inf if spec.minimum is None else spec.minimum
    hi = math.inf if spec.maximum is None else spec.maximum
    return path, kind, frozenset(spec.choices), lo, hi, _POSITION[path]


_POSITION = {path: i for i, path in enumerate(VOCABULARY)}
_FAST: dict[str, dict[str, _Quick]] = {
    group: {name: _quick(f"{group}.{name}") for name in names}
    for group, names in _FIELD_NAMES.items()}


def check_values(data: object) -> dict[str, Value]:
    """Check a JSON-shaped mapping whole, contradictions included, without building
    ``Observations``: the fast path of a one-shot assessment. Returns the known fields
    flat, in vocabulary order, exactly as ``Observations.from_dict(data).values()``.

    Plain valid input takes a quick route (exact built-in types only, checked inline);
    anything else takes the full one, so the error raised for bad input is always the one
    ``parse_values`` names.
    """
    values: dict[str, Value] = {}
    if type(data) is dict:
        last, ordered = -1, True
        for group, fields in data.items():
            table = _FAST.get(group) if type(group) is str else None
            if table is None or type(fields) is not dict:
                break
            for name, value in fields.items():
                quick = table.get(name) if type(name) is str else None
                if quick is None:
                    break
                path, kind, choices, lo, hi, position = quick
                if kind == _BOOL:
                    if value is not True and value is not False:
                        break
                elif kind == _CHOICE:
                    if type(value) is not str or value not in choices:
                        break
                elif kind == _INT:
                    if type(value) is not int or not lo <= value <= hi:
                        break
                elif (type(value) is not int and type(value) is not float) or \
                        not lo <= value <= hi:
                    break
                if position < last:
                    ordered = False
                last = position
                values[path] = value
            else:
                continue
            break
        else:
            _check_contradictions(values)
            return values if ordered else _in_vocabulary_order(values)
    values = parse_values(data)
    _check_contradictions(values)
    return _in_vocabulary_order(values)


def _in_vocabulary_order(values: Mapping[str, Value]) -> dict[str, Value]:
    return {p: values[p] for p in VOCABULARY if p in values}


def fact_key(path: str) -> str:
    """The key under which the observation fact carries ``path``: ``v`` and the path's
    vocabulary position. Short on purpose: the engine parses the fact, and writes it out
    again for every action, so every byte costs (``interview__actual_minutes`` style keys
    made an assessment ~7 us slower). Tests check no two keys share a 32-bit hash."""
    return f"v{_POSITION[path]}"


def unknown_key(path: str) -> str:
    """The flag the observation fact carries when ``path`` is unknown (a positive test)."""
    return f"u{_POSITION[path]}"
