"""The observation groups as frozen attrs classes (``Interview`` ... ``ThankYou``) and
``Observations``, everything recorded about one interview.

Neighbours: ``reading`` checks documents and contradictions for these classes;
``vocabulary`` holds the fields they carry.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from attrs import field, frozen

from .._errors import ObservationError, Problem
from .._quoting import describe
from .reading import check_contradictions, read_values
from .vocabulary import (
    CHECKS,
    GROUPS,
    VOCABULARY,
    Tone,
    Value,
    _key_text,
    grouped,
    is_path,
    value_problem,
)


def _converter(path: str) -> Callable[[object], Value | None]:
    check = CHECKS[path]

    def convert(value: object) -> Value | None:
        if value is None:
            return None
        checked = check(value)
        if checked is None:
            raise ObservationError.of([value_problem(path, value)])
        return checked
    return convert


def _field(path: str) -> Any:
    return field(default=None, converter=_converter(path))


@frozen(kw_only=True)
class Interview:
    """The time allotted, the time it really took, and who was in the room (sign 5)."""

    GROUP = "interview"
    scheduled_minutes: int | None = _field("interview.scheduled_minutes")
    actual_minutes: int | None = _field("interview.actual_minutes")
    interviewer_count: int | None = _field("interview.interviewer_count")


@frozen(kw_only=True)
class BodyLanguage:
    """How the interviewer carried themselves (sign 1)."""

    GROUP = "body_language"
    engaged: bool | None = _field("body_language.engaged")
    rote_questions: bool | None = _field("body_language.rote_questions")
    nods: bool | None = _field("body_language.nods")
    smiles: bool | None = _field("body_language.smiles")
    verbal_agreement: bool | None = _field("body_language.verbal_agreement")
    naturally_friendly: bool | None = _field("body_language.naturally_friendly")


@frozen(kw_only=True)
class Interest:
    """Questions about your interest and your other interviews (sign 2)."""

    GROUP = "interest"
    asked_if_interested: bool | None = _field("interest.asked_if_interested")
    asked_where_else_interviewing: bool | None = _field("interest.asked_where_else_interviewing")


@frozen(kw_only=True)
class NextSteps:
    """An invitation to another round (sign 3)."""

    GROUP = "next_steps"
    invited_to_next_round: bool | None = _field("next_steps.invited_to_next_round")
    scheduled_on_the_spot: bool | None = _field("next_steps.scheduled_on_the_spot")


@frozen(kw_only=True)
class Tour:
    """Being shown around and introduced (sign 4)."""

    GROUP = "tour"
    office_tour: bool | None = _field("tour.office_tour")
    introduced_to_people: bool | None = _field("tour.introduced_to_people")
    people_called_in: bool | None = _field("tour.people_called_in")


@frozen(kw_only=True)
class JobSpecifics:
    """How deep the talk about the job went (sign 6)."""

    GROUP = "job_specifics"
    overview_given: bool | None = _field("job_specifics.overview_given")
    deep_dive: bool | None = _field("job_specifics.deep_dive")
    you_would_language: bool | None = _field("job_specifics.you_would_language")


@frozen(kw_only=True)
class ThankYou:
    """Your thank-you note and the reply to it (sign 7)."""

    GROUP = "thank_you"
    note_sent: bool | None = _field("thank_you.note_sent")
    response_received: bool | None = _field("thank_you.response_received")
    response_hours: float | None = _field("thank_you.response_hours")
    references_specifics: bool | None = _field("thank_you.references_specifics")
    tone: Tone | None = _field("thank_you.tone")


GROUP_CLASSES: dict[str, type] = {
    cls.GROUP: cls
    for cls in (Interview, BodyLanguage, Interest, NextSteps, Tour, JobSpecifics, ThankYou)
}


@frozen(kw_only=True)
class Observations:
    """Everything recorded about one interview; a field left as ``None`` is unknown.

    Build it with ``Observations.from_dict`` from the JSON vocabulary, or from the group
    classes directly. Contradicting fields (a reply without a note) are rejected.
    """

    interview: Interview = field(factory=Interview)
    body_language: BodyLanguage = field(factory=BodyLanguage)
    interest: Interest = field(factory=Interest)
    next_steps: NextSteps = field(factory=NextSteps)
    tour: Tour = field(factory=Tour)
    job_specifics: JobSpecifics = field(factory=JobSpecifics)
    thank_you: ThankYou = field(factory=ThankYou)
    # The known fields, flat and in vocabulary order: computed once, read on every assessment.
    _known: dict[str, Value] = field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        known: dict[str, Value] = {}
        for name, cls in GROUP_CLASSES.items():
            group = getattr(self, name)
            if type(group) is not cls:
                raise ObservationError.of([Problem(path=name, expected=f"a {cls.__name__}",
                                                   got=describe(group))])
            for attribute in GROUPS[name]:
                value = getattr(group, attribute)
                if value is not None:
                    known[f"{name}.{attribute}"] = value
        check_contradictions(known)
        object.__setattr__(self, "_known", known)

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Observations:
        """Parse the JSON vocabulary (``null`` is unknown); raise ``ObservationError``
        listing every problem."""
        values, _ = read_values(data)
        return cls.from_values(values)

    @classmethod
    def from_values(cls, values: Mapping[str, Value]) -> Observations:
        """Build from a ``{"group.field": value}`` mapping of known fields."""
        groups: dict[str, dict[str, object]] = {}
        problems = []
        for path, value in values.items():
            spec = VOCABULARY.get(path) if type(path) is str else None
            if spec is None:
                problems.append(Problem(path=_key_text(path), expected="a group.field path "
                                        "of the vocabulary", got="an unknown path"))
            else:
                groups.setdefault(spec.group, {})[spec.name] = value
        if problems:
            raise ObservationError.of(problems)
        return cls(**{g: GROUP_CLASSES[g](**f) for g, f in groups.items()})

    def to_dict(self) -> dict[str, dict[str, Value]]:
        """The known fields in the JSON vocabulary; ``from_dict`` reads it back unchanged."""
        return grouped(self._known)

    def value(self, path: str) -> Value | None:
        """The value at ``group.field``, or ``None`` when it is unknown."""
        if not is_path(path):
            raise ObservationError.of([Problem(path=_key_text(path), expected="a group.field "
                                               "path of the vocabulary", got="an unknown path")])
        return self._known.get(path)

    def known(self) -> Iterator[tuple[str, Value]]:
        """``(path, value)`` for every known field, in vocabulary order."""
        return iter(self._known.items())

    def values(self) -> dict[str, Value]:
        """The known fields as a flat ``{"group.field": value}`` mapping (a copy)."""
        return dict(self._known)

    def is_known(self, path: str) -> bool:
        """Whether ``path`` has a value (``False`` is a known value)."""
        return is_path(path) and path in self._known
