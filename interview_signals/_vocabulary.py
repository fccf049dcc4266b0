"""The observation vocabulary (the vocabulary, README.md): field specs and their metadata as data, the one
validator, and the frozen ``Observations`` groups.

Neighbours: ``_engine`` and ``_session`` validate input here; ``_compile`` encodes the known
values for the engine; ``_rulecheck``, ``_explain``, ``_render`` and ``_consult`` read the
metadata (label, question, whether absence is evidence, whether the candidate can still act).
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, Literal, TypeAlias

from attrs import field, frozen

from ._errors import ObservationError, Problem

Tone: TypeAlias = Literal["warm", "neutral", "curt", "automatic"]
Value: TypeAlias = bool | int | float | str
FieldKind: TypeAlias = Literal["bool", "int", "number", "choice"]

TONES: tuple[str, ...] = ("warm", "neutral", "curt", "automatic")
_EXCERPT = 40
"""At most this many characters of a value that arrived are quoted in a message."""


@frozen(kw_only=True)
class FieldSpec:
    """What one observation field accepts, and what a person is told about it."""

    path: str
    kind: FieldKind
    sign: int
    label: str
    """A short name for the field, in the candidate's words."""
    question: str
    """The field asked as a question in plain words."""
    minimum: float | None = None
    maximum: float | None = None
    unit: str = ""
    """What a number counts, in words: ``minutes``."""
    choices: tuple[str, ...] = ()
    choice_texts: Mapping[str, str] = field(factory=dict)
    """How each choice reads as an answer."""
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


def describe(value: object) -> str:
    """A short, safe rendering of a value that arrived, for error messages: never long,
    never a call into the value's own code beyond its type."""
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, str):
        text = str.__str__(value)
        shown = text if len(text) <= _EXCERPT else text[:_EXCERPT - 3] + "..."
        return f'the string "{shown}"' + (f" ({len(text)} characters)" if len(text) > _EXCERPT
                                          else "")
    if isinstance(value, int):
        number = int.__index__(value)
        if abs(number) > 10**18:
            return f"{'a negative' if number < 0 else 'an'} integer of {number.bit_length()} bits"
        return str(number)
    if isinstance(value, float):
        return repr(float.__float__(value))
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, list | tuple):
        return "a list"
    return f"a {type(value).__name__}"


# --- The fields (the vocabulary, README.md) ------------------------------------------------------------

_NO_REPLY = "sign 7: the interviewer owes you no reply"
_OVERVIEW = "sign 6: an overview of the role is standard, not a bad sign"
_SHORT = "sign 5: a short interview isn't necessarily a dealbreaker"


def _f(path: str, kind: FieldKind, sign: int, label: str, question: str,
       **more: Any) -> FieldSpec:
    return FieldSpec(path=path, kind=kind, sign=sign, label=label, question=question, **more)


_SPECS: tuple[FieldSpec, ...] = (
    _f("interview.scheduled_minutes", "int", 5, "Time set aside",
       "How many minutes was the interview scheduled to last?", minimum=1, maximum=1440,
       unit="minutes"),
    _f("interview.actual_minutes", "int", 5, "Time it really took",
       "How many minutes did the interview actually last?", minimum=1, maximum=1440,
       unit="minutes",
       not_against={"low": _SHORT}),
    _f("interview.interviewer_count", "int", 5, "Number of interviewers",
       "How many interviewers were there?", minimum=1, maximum=50),
    _f("body_language.engaged", "bool", 1, "Engaged interviewer",
       "Did the interviewer seem engaged in the conversation with you?"),
    _f("body_language.rote_questions", "bool", 1, "Only stock questions",
       "Did the interviewer mostly read out a list of stock questions?"),
    _f("body_language.nods", "bool", 1, "Nodding",
       "Did the interviewer nod along while you spoke?"),
    _f("body_language.smiles", "bool", 1, "Smiling",
       "Did the interviewer smile while you talked?"),
    _f("body_language.verbal_agreement", "bool", 1, "Agreeing out loud",
       "Did the interviewer agree out loud with what you said?"),
    _f("body_language.naturally_friendly", "bool", 1, "Friendly with everyone",
       "Does the interviewer seem this friendly with everyone, not only with you?"),
    _f("interest.asked_if_interested", "bool", 2, "Asked if you want the job",
       "Did the interviewer ask whether you are still interested in the job?"),
    _f("interest.asked_where_else_interviewing", "bool", 2, "Asked about other interviews",
       "Did the interviewer ask where else you are interviewing?"),
    _f("next_steps.invited_to_next_round", "bool", 3, "Invited to a next round",
       "Were you invited back for another round of interviews?"),
    _f("next_steps.scheduled_on_the_spot", "bool", 3, "Next round booked on the spot",
       "Was the next round booked there and then, before you left?"),
    _f("tour.office_tour", "bool", 4, "Shown around",
       "Did the interviewer show you around the workplace?"),
    _f("tour.introduced_to_people", "bool", 4, "Introduced to people",
       "Were you introduced to people who work there?"),
    _f("tour.people_called_in", "bool", 4, "People called in to meet you",
       "Did the interviewer call people in to meet you?"),
    _f("job_specifics.overview_given", "bool", 6, "Overview of the role",
       "Did the interviewer give you the usual overview of the position?",
       not_against={True: _OVERVIEW}),
    _f("job_specifics.deep_dive", "bool", 6, "Deep dive into the work",
       "Did the interviewer go into the day-to-day responsibilities of the job in detail?",
       not_against={False: _OVERVIEW}),
    _f("job_specifics.you_would_language", "bool", 6, "Talked as if you had the job",
       'Did the interviewer talk as if you already had the job ("you would be leading '
       'this")?', not_against={False: _OVERVIEW}),
    _f("thank_you.note_sent", "bool", 7, "Thank-you note sent",
       "Have you sent the interviewer a thank-you note?", can_act=True),
    _f("thank_you.response_received", "bool", 7, "Reply to your note",
       "Did the interviewer reply to your thank-you note?", not_against={False: _NO_REPLY}),
    _f("thank_you.response_hours", "number", 7, "Hours until the reply",
       "How many hours after your note did the reply arrive?", minimum=0, maximum=8760,
       unit="hours"),
    _f("thank_you.references_specifics", "bool", 7, "Reply mentions your conversation",
       "Does the reply mention specific points from your conversation?",
       not_against={False: _NO_REPLY}),
    _f("thank_you.tone", "choice", 7, "Tone of the reply",
       "How did the reply read?", choices=TONES,
       choice_texts={"warm": "Warm", "neutral": "Neutral, polite", "curt": "Curt",
                     "automatic": "Like an automatic acknowledgement"}),
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
    return f" (did you mean {close[0]!r}?)" if close else ""


def _key_text(key: object) -> str:
    if isinstance(key, str):
        text = str.__str__(key)
        return text if len(text) <= _EXCERPT else text[:_EXCERPT - 3] + "..."
    return f"<{describe(key)}>"


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
    if not isinstance(data, Mapping):
        raise ObservationError.of([Problem(path="observations",
                                           expected="an object of observation groups",
                                           got=describe(data))])
    problems: list[Problem] = []
    found: list[tuple[int, str, Value]] = []
    nulls: list[str] = []
    last, ordered = -1, True
    for group, fields in data.items():
        table = _FIELDS.get(group) if type(group) is str else None
        if table is None:
            shown = _key_text(group)
            problems.append(Problem(
                path=shown, expected="one of the groups " + ", ".join(GROUPS),
                got="an unknown group",
                message=f"{shown}: unknown group{did_you_mean(group, tuple(GROUPS))}; "
                f"expected one of {', '.join(GROUPS)}"))
            continue
        if not isinstance(fields, Mapping):
            problems.append(Problem(path=group, expected="an object of fields",
                                    got=describe(fields)))
            continue
        for name, value in fields.items():
            known = table.get(name) if type(name) is str else None
            if known is None:
                names = GROUPS[group]
                shown = f"{group}.{_key_text(name)}"
                problems.append(Problem(
                    path=shown, expected=f"a field of {group} ({', '.join(names)})",
                    got="an unknown field",
                    message=f"{shown}: unknown field{did_you_mean(name, names)}; "
                    f"{group} has {', '.join(names)}"))
                continue
            path, position, check, yes_no = known
            if yes_no and (value is True or value is False):
                checked: Value = value  # the common case, without a call
            elif value is None:
                nulls.append(path)
                continue
            else:
                maybe = check(value)
                if maybe is None:
                    problems.append(value_problem(path, value))
                    continue
                checked = maybe
            if position < last:
                ordered = False
            last = position
            found.append((position, path, checked))
    if problems:
        raise ObservationError.of(problems)
    if not ordered:
        found.sort()
    return {path: value for _, path, value in found}, tuple(nulls)


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


def grouped(values: Mapping[str, Value]) -> dict[str, dict[str, Value]]:
    """Flat ``{"group.field": value}`` back to the JSON vocabulary's nested groups."""
    out: dict[str, dict[str, Value]] = {}
    for path, value in values.items():
        group, name = _PARTS[path]
        fields = out.get(group)
        if fields is None:
            fields = out[group] = {}
        fields[name] = value
    return out


_PARTS = {path: (spec.group, spec.name) for path, spec in VOCABULARY.items()}


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
        if path not in VOCABULARY:
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
        return path in self._known
