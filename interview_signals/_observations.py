"""Observations: a JSON-shaped document checked whole against the vocabulary (every problem
at once, contradictions included), and the frozen ``Observations`` groups.

Neighbours: ``_vocabulary`` holds the fields and their checks; ``_engine`` and ``_session``
validate input here; the values go on to ``_compile`` for the engine.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from attrs import field, frozen

from ._errors import ObservationError, Problem
from ._vocabulary import (
    _FIELDS,
    CHECKS,
    EXCLUSIONS,
    GROUPS,
    PREREQUISITES,
    VOCABULARY,
    Tone,
    Value,
    _key_text,
    describe,
    did_you_mean,
    grouped,
    is_path,
    value_problem,
)


def read_values(data: object) -> tuple[dict[str, Value], tuple[str, ...]]:
    """Check a JSON-shaped mapping against the vocabulary, every problem at once.

    Returns its known fields, flat and in vocabulary order, and the paths given as ``null``
    (unknown). Contradictions between fields are checked by ``check_contradictions``.

    Raises:
        ObservationError: listing every problem (``.problems``).
    """
    try:
        return _read_values(data)
    except ObservationError:
        raise
    except (RecursionError, MemoryError):
        raise ObservationError.of([Problem(
            path="observations", expected="JSON-shaped observations or Observations",
            got=f"{describe(data)} too large or deep to read")]) from None
    except Exception as exc:  # a hostile mapping: its own code raised while being read
        raise ObservationError.of([Problem(
            path="observations", expected="JSON-shaped observations or Observations",
            got=f"{describe(data)} that raised {_exception_text(exc)} when read")]) from exc


def _read_values(data: object) -> tuple[dict[str, Value], tuple[str, ...]]:
    if type(data) is not dict and not isinstance(data, Mapping):
        raise ObservationError.of([Problem(path="observations",
                                           expected="an object of observation groups",
                                           got=describe(data))])
    read = _Reader()
    for group, fields in data.items():
        table = _FIELDS.get(group) if type(group) is str else None
        if table is None or (type(fields) is not dict and not isinstance(fields, Mapping)):
            read.problems.append(_group_problem(group, fields))
        else:
            read.group(group, table, fields)
    values, problems = read.values, read.problems
    if problems:
        # Every problem at once: the fields that did read are checked against each other too.
        problems += _contradictions(values, None)
        raise ObservationError.of(problems)
    if read.last == _UNORDERED:  # into vocabulary order
        values = {path: values[path] for path in VOCABULARY if path in values}
    return values, tuple(read.nulls)


_UNORDERED = len(VOCABULARY)
"""Past every vocabulary position: once the fields came out of order, they stay so."""


class _Reader:
    """What reading one document found so far: the known values, the paths given as null,
    the problems, and the vocabulary position of the last field read (``_UNORDERED`` once
    a field came before the one read last)."""

    __slots__ = ("last", "nulls", "problems", "values")

    def __init__(self) -> None:
        self.values: dict[str, Value] = {}
        self.nulls: list[str] = []
        self.problems: list[Problem] = []
        self.last = -1

    def group(self, group: str, table: Mapping[str, tuple[str, int, Any, bool]],
              fields: Mapping[object, object]) -> None:
        """Check one group's fields. Runs on every assessment: no call for a yes/no
        answer, and what the loop updates kept in locals."""
        values, last = self.values, self.last
        for name, value in fields.items():
            known = table.get(name) if type(name) is str else None
            if known is None:
                self.problems.append(_field_problem(group, name))
                continue
            path, position, check, yes_no = known
            if value is None:
                self.nulls.append(path)
                continue
            checked = value if yes_no and (value is True or value is False) else check(value)
            if checked is None:
                self.problems.append(value_problem(path, value))
                continue
            last = position if last != _UNORDERED and position > last else _UNORDERED
            values[path] = checked
        self.last = last


def _group_problem(group: object, fields: object) -> Problem:
    """An unknown group, or a group that is not an object of fields."""
    if type(group) is str and group in GROUPS:
        return Problem(path=group, expected="an object of fields", got=describe(fields))
    shown = _key_text(group)
    return Problem(path=shown, expected="one of the groups " + ", ".join(GROUPS),
                   got="an unknown group",
                   message=f"{shown}: unknown group{did_you_mean(group, tuple(GROUPS))}; "
                   f"expected one of {', '.join(GROUPS)}")


def _field_problem(group: str, name: object) -> Problem:
    names = GROUPS[group]
    shown = f"{group}.{_key_text(name)}"
    return Problem(path=shown, expected=f"a field of {group} ({', '.join(names)})",
                   got="an unknown field",
                   message=f"{shown}: unknown field{did_you_mean(name, names)}; "
                   f"{group} has {', '.join(names)}")


def _exception_text(exc: BaseException) -> str:
    """``Type: message``, the message cut short; the message of a hostile exception may
    itself fail to render."""
    try:
        text = str(exc)
    except Exception:
        text = ""
    text = text if len(text) <= 80 else text[:77] + "..."
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def check_values(data: object) -> dict[str, Value]:
    """The known fields of a JSON-shaped mapping, checked whole, contradictions included
    (``null`` is unknown, as if left out): what one assessment reads."""
    values, _ = read_values(data)
    check_contradictions(values)
    return values


def _same(a: object, b: object) -> bool:
    """Equal as the vocabulary means it: ``True`` is not ``1``."""
    return type(a) is type(b) and a == b


def _shown(value: Value) -> str:
    return describe(value)


def check_contradictions(known: Mapping[str, Value], new: Mapping[str, Value] | None = None
                         ) -> None:
    """Raise ``ObservationError`` listing every pair of fields that contradict each other.

    With ``new`` (a batch being added to earlier observations), each problem is named at a
    field of the new batch and says which earlier observation it contradicts.
    """
    for dependent, prerequisite, _ in PREREQUISITES:
        if known.get(prerequisite) is False and known.get(dependent, False) is not False:
            break
    else:
        for a, va, b, vb, _ in EXCLUSIONS:
            if _same(known.get(a), va) and _same(known.get(b), vb):
                break
        else:
            return  # the usual case, checked without building anything
    raise ObservationError.of(list(_contradictions(known, new)))


def _contradictions(known: Mapping[str, Value], new: Mapping[str, Value] | None
                    ) -> Iterator[Problem]:
    pairs = [(a, va, b, vb, why, f"not {_shown(va)} while {b} is {_shown(vb)}")
             for a, va, b, vb, why in EXCLUSIONS
             if _same(known.get(a), va) and _same(known.get(b), vb)]
    pairs += [(dep, known[dep], pre, False, why, f"{pre} not to be false")
              for dep, pre, why in PREREQUISITES
              if known.get(dep, False) is not False and known.get(pre) is False]
    for pair in pairs:
        a, va, b, vb, why, expected = pair
        if new is not None and a not in new and b in new:
            # name the field of the new batch
            a, va, b, vb = b, vb, a, va
            expected = f"not {_shown(va)} while {b} is {_shown(vb)}"
        earlier = "the earlier observation " if new is not None and b not in new else ""
        yield Problem(path=a, expected=expected,
                      got=f"{a} = {_shown(va)} with {b} = {_shown(vb)}",
                      message=f"{a} contradicts {earlier}{b}: {why}, but {a} is {_shown(va)} "
                      f"while {b} is {_shown(vb)}")


# --- The groups as frozen attrs classes -----------------------------------------------------

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
