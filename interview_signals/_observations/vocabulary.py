"""The observation vocabulary (README.md, "What it reads") as data: each field's spec and
metadata, the check of one value, and which fields depend on or exclude each other.

Neighbours: ``reading`` validates whole documents with these checks and ``groups`` builds
the frozen classes on them; ``_durable.compile`` encodes known values for the engine;
``_rulebook``, ``_assessment``, ``_schema`` and ``_consultation`` read the metadata (label,
whether absence is evidence, whether the candidate can still act). Each field's label,
question and answer texts are keyed texts (``field.<path>.label``...), in every language,
in ``rules/lang/*.toml`` (docs/translations.md).
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Literal, TypeAlias

from attrs import field, frozen

from .._errors import ObservationError, Problem
from .._quoting import describe, excerpt, quoted

Tone: TypeAlias = Literal["warm", "neutral", "curt", "automatic"]
Value: TypeAlias = bool | int | float | str
FieldKind: TypeAlias = Literal["bool", "int", "number", "choice"]

TONES: tuple[str, ...] = ("warm", "neutral", "curt", "automatic")


@frozen(kw_only=True)
class FieldSpec:
    """What one observation field accepts; what a person is told about it is in the texts
    (``field.<path>.label``, ``.question``, ``.choice.<value>``)."""

    path: str
    kind: FieldKind
    sign: int
    minimum: float | None = None
    maximum: float | None = None
    unit: str = ""
    """What a number counts: ``minutes`` or ``hours``, the id of its texts (``unit.minutes``)."""
    choices: tuple[str, ...] = ()
    can_act: bool = False
    """The candidate can still change this after the interview (send a note, say)."""
    not_against: Mapping[object, str] = field(factory=dict)
    """Answers the article says are no evidence against the candidate, each with why:
    ``False``/``True`` for a yes/no field, ``"low"`` for low numbers."""
    priors: Mapping[object, float] | None = None
    """How likely each answer is before asking (uniform when None): a consultation weighs
    the questions it could ask by these."""

    @property
    def group(self) -> str:
        """The group of the path: ``thank_you``."""
        return self.path.split(".", 1)[0]

    @property
    def name(self) -> str:
        """The field's name within its group: ``tone``."""
        return self.path.split(".", 1)[1]

    @property
    def expected(self) -> str:
        """The expectation, in the words an error message uses."""
        if self.kind == "bool":
            return "true or false"
        if self.kind == "choice":
            return "one of " + ", ".join(f'"{c}"' for c in self.choices)
        what = "an integer" if self.kind == "int" else "a finite number"
        return f"{what} from {number_text(self.minimum)} to {number_text(self.maximum)}"


def number_text(x: float | None) -> str:
    """A number as a person writes it: ``24``, ``0.5``."""
    return str(int(x)) if x is not None and float(x).is_integer() else str(x)


def is_path(value: object) -> bool:
    """Whether ``value`` is a ``group.field`` path of the vocabulary (any object: an
    unhashable one is simply not)."""
    return type(value) is str and value in VOCABULARY


# --- The fields --------------------------------------------------------------------------

_NO_REPLY = "sign 7: the interviewer owes you no reply"
_OVERVIEW = "sign 6: an overview of the role is standard, not a bad sign"
_SHORT = "sign 5: ending early does not count against you on its own"


def _f(path: str, kind: FieldKind, sign: int, **more: Any) -> FieldSpec:
    return FieldSpec(path=path, kind=kind, sign=sign, **more)


_SPECS: tuple[FieldSpec, ...] = (
    _f("interview.scheduled_minutes", "int", 5, minimum=1, maximum=1440,
       unit="minutes"),
    _f("interview.actual_minutes", "int", 5, minimum=1, maximum=1440,
       unit="minutes",
       not_against={"low": _SHORT}),
    _f("interview.interviewer_count", "int", 5, minimum=1, maximum=50),
    _f("body_language.engaged", "bool", 1),
    _f("body_language.rote_questions", "bool", 1),
    _f("body_language.nods", "bool", 1),
    _f("body_language.smiles", "bool", 1),
    _f("body_language.verbal_agreement", "bool", 1),
    _f("body_language.naturally_friendly", "bool", 1),
    _f("interest.asked_if_interested", "bool", 2),
    _f("interest.asked_where_else_interviewing", "bool", 2),
    _f("next_steps.invited_to_next_round", "bool", 3),
    _f("next_steps.scheduled_on_the_spot", "bool", 3),
    _f("tour.office_tour", "bool", 4),
    _f("tour.introduced_to_people", "bool", 4),
    _f("tour.people_called_in", "bool", 4),
    _f("job_specifics.overview_given", "bool", 6,
       not_against={True: _OVERVIEW}),
    _f("job_specifics.deep_dive", "bool", 6,
       not_against={False: _OVERVIEW}),
    _f("job_specifics.you_would_language", "bool", 6, not_against={False: _OVERVIEW}),
    _f("thank_you.note_sent", "bool", 7, can_act=True),
    _f("thank_you.response_received", "bool", 7, not_against={False: _NO_REPLY}),
    _f("thank_you.response_hours", "number", 7, minimum=0, maximum=8760,
       unit="hours"),
    _f("thank_you.references_specifics", "bool", 7,
       not_against={False: _NO_REPLY}),
    _f("thank_you.tone", "choice", 7, choices=TONES),
)

VOCABULARY: dict[str, FieldSpec] = {spec.path: spec for spec in _SPECS}
"""Every observation path of the vocabulary, README.md, in vocabulary order."""
GROUPS: dict[str, tuple[str, ...]] = {}
for _spec in _SPECS:
    GROUPS[_spec.group] = (*GROUPS.get(_spec.group, ()), _spec.name)
POSITION: dict[str, int] = {path: i for i, path in enumerate(VOCABULARY)}


# --- Checking one value ---------------------------------------------------------------------

Check: TypeAlias = Callable[[object], "Value | None"]
"""A field's check: the value as a plain bool, int, float or str, or None when it does not
fit. Subclasses are copied to the plain type (their own methods are never called), so only
plain values are stored, compared or sent to the engine."""


def _check_for(spec: FieldSpec) -> Check:
    if spec.kind == "bool":
        return lambda v: v if v is True or v is False else None
    if spec.kind == "choice":
        choices = frozenset(spec.choices)
        return lambda v: str.__str__(v) if isinstance(v, str) and v in choices else None
    lo, hi = float(spec.minimum or 0), float(spec.maximum or 0)
    if spec.kind == "int":
        def check_int(v: object) -> Value | None:
            if type(v) is int:
                return v if lo <= v <= hi else None
            if isinstance(v, int) and not isinstance(v, bool):
                plain = int.__index__(v)
                return plain if lo <= plain <= hi else None
            return None
        return check_int

    def check_number(v: object) -> Value | None:
        if isinstance(v, bool) or not isinstance(v, int | float):
            return None
        plain: float | int = int.__index__(v) if isinstance(v, int) else float.__float__(v)
        return plain if lo <= plain <= hi else None  # NaN fails every comparison
    return check_number


CHECKS: dict[str, Check] = {path: _check_for(spec) for path, spec in VOCABULARY.items()}
_FIELDS: dict[str, dict[str, tuple[str, int, Check, bool]]] = {
    group: {name: (f"{group}.{name}", POSITION[f"{group}.{name}"], CHECKS[f"{group}.{name}"],
                   VOCABULARY[f"{group}.{name}"].kind == "bool")
            for name in names}
    for group, names in GROUPS.items()}
"""Per group, per field name: (path, vocabulary position, check, whether it is yes/no),
for the validator."""


def value_problem(path: str, value: object) -> Problem:
    """The problem of a value that does not fit ``path``."""
    spec = VOCABULARY[path]
    if isinstance(value, float) and not math.isfinite(value):
        got = "NaN" if math.isnan(value) else ("-infinity" if value < 0 else "infinity")
    else:
        got = describe(value)
    return Problem(path=path, expected=spec.expected, got=got)


def check_value(path: str, value: object) -> Value:
    """``value`` as a plain value of ``path``; raise ``ObservationError`` if it does not fit."""
    checked = CHECKS[path](value)
    if checked is None:
        raise ObservationError.of([value_problem(path, value)])
    return checked


# --- Reading a JSON-shaped mapping ----------------------------------------------------------

def did_you_mean(word: object, choices: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` when a close match exists, else nothing."""
    if not isinstance(word, str) or len(word) > 200:
        return ""
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f" (did you mean {quoted(close[0])}?)" if close else ""


def _key_text(key: object) -> str:
    """A key that arrived, as part of a path in a message."""
    return excerpt(key, 40) if isinstance(key, str) else f"<{describe(key)}>"


def grouped(values: Mapping[str, Value]) -> dict[str, dict[str, Value]]:
    """Flat ``{"group.field": value}`` back to the JSON vocabulary's nested groups."""
    out: dict[str, dict[str, Value]] = {}
    for path, value in values.items():
        group, name = _GROUP_AND_NAME[path]
        fields = out.get(group)
        if fields is None:
            fields = out[group] = {}
        fields[name] = value
    return out


_GROUP_AND_NAME = {path: (spec.group, spec.name) for path, spec in VOCABULARY.items()}


def known_grouped(values: Mapping[str, Value | None]) -> dict[str, dict[str, Value]]:
    """``grouped`` of the known values only (None is unknown)."""
    return grouped({p: v for p, v in values.items() if v is not None})


# --- Contradictions -------------------------------------------------------------------------

PREREQUISITES: tuple[tuple[str, str, str], ...] = (
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
"""(dependent, prerequisite, why): the dependent may not hold a value (other than false)
while the prerequisite is false."""

EXCLUSIONS: tuple[tuple[str, Value, str, Value, str], ...] = (
    ("thank_you.references_specifics", True, "thank_you.tone", "automatic",
     "a reply that refers to what you discussed is not an automatic one"),
)
"""Pairs of values that cannot both hold (sign 7: referring to what you discussed is how a
genuine reply differs from an automatic one)."""

_REQUIRES: dict[str, tuple[str, ...]] = {}
for _dependent, _prerequisite, _ in PREREQUISITES:
    _REQUIRES[_dependent] = (*_REQUIRES.get(_dependent, ()), _prerequisite)


def prerequisites(path: str) -> tuple[str, ...]:
    """The fields that must not be false for ``path`` to hold a value."""
    return _REQUIRES.get(path, ())


def open_need(path: str, values: Mapping[str, Value]) -> str | None:
    """The first field ``path`` depends on that is neither recorded nor implied by another
    recorded answer (a recorded reply implies a note was sent), going down to what that one
    depends on in turn; None when there is none. A question about ``path`` comes after
    the question about this one."""
    for need in prerequisites(path):
        if need in values or any(dependent in values and values[dependent] is not False
                                 for dependent, prerequisite, _ in PREREQUISITES
                                 if prerequisite == need):
            continue
        return open_need(need, values) or need
    return None
