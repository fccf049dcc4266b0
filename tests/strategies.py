"""Hypothesis strategies: valid observations, single-field corruptions, positive additions.

The vocabulary and the contradiction table are written out here from SPEC section 4, not
read from the library, so a drift between the two shows up as a failing test.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import NamedTuple, TypeAlias

from hypothesis import strategies as st

from interview_signals._quoting import excerpt

Value: TypeAlias = bool | int | float | str
Flat: TypeAlias = dict[str, Value]
"""Known observation fields as ``{"group.field": value}``; an absent path is unknown."""
Nested: TypeAlias = dict[str, dict[str, Value]]
"""Observations in the JSON vocabulary: ``{"group": {"field": value}}``."""

TONES = ("warm", "neutral", "curt", "automatic")

INT_RANGES: dict[str, tuple[int, int]] = {
    "interview.scheduled_minutes": (1, 1440),
    "interview.actual_minutes": (1, 1440),
    "interview.interviewer_count": (1, 50),
}
HOURS_RANGE = (0, 8760)
BOOL_FIELDS: tuple[str, ...] = (
    "body_language.engaged", "body_language.rote_questions", "body_language.nods",
    "body_language.smiles", "body_language.verbal_agreement", "body_language.naturally_friendly",
    "interest.asked_if_interested", "interest.asked_where_else_interviewing",
    "next_steps.invited_to_next_round", "next_steps.scheduled_on_the_spot",
    "tour.office_tour", "tour.introduced_to_people", "tour.people_called_in",
    "job_specifics.overview_given", "job_specifics.deep_dive",
    "job_specifics.you_would_language",
    "thank_you.note_sent", "thank_you.response_received", "thank_you.references_specifics",
)

# SPEC section 4, in its order.
VOCABULARY: tuple[str, ...] = (
    "interview.scheduled_minutes", "interview.actual_minutes", "interview.interviewer_count",
    *BOOL_FIELDS[:16],
    "thank_you.note_sent", "thank_you.response_received", "thank_you.response_hours",
    "thank_you.references_specifics", "thank_you.tone",
)
GROUPS: tuple[str, ...] = tuple(dict.fromkeys(p.split(".", 1)[0] for p in VOCABULARY))

PREREQUISITES: tuple[tuple[str, str], ...] = (
    ("thank_you.response_received", "thank_you.note_sent"),
    ("thank_you.response_hours", "thank_you.note_sent"),
    ("thank_you.references_specifics", "thank_you.note_sent"),
    ("thank_you.tone", "thank_you.note_sent"),
    ("thank_you.response_hours", "thank_you.response_received"),
    ("thank_you.references_specifics", "thank_you.response_received"),
    ("thank_you.tone", "thank_you.response_received"),
    ("next_steps.scheduled_on_the_spot", "next_steps.invited_to_next_round"),
)
"""(dependent, prerequisite): the dependent may not be set (non-false) while the
prerequisite is false. A false or unknown dependent never contradicts anything."""

EXCLUSIONS: tuple[tuple[str, Value, str, Value], ...] = (
    ("thank_you.references_specifics", True, "thank_you.tone", "automatic"),
)
"""(path, value, other, other value): the two values may not both hold (a reply that refers
to what was discussed is not an automatic one)."""

# Values the engine's C parser could mangle (exponents, subnormals) or that sit on the edge of
# the quick-reply threshold and of the range.
AWKWARD_HOURS: tuple[Value, ...] = (
    0, 0.0, 5e-324, 1e-300, 1e-05, 2.5e-08, 0.1 + 0.2, 1, 23.999999999999996, 24, 24.0,
    math.nextafter(24.0, math.inf), 24.5, 25, 100.25, 8759.999999999998, 8760, 8760.0,
)


def nest(values: Mapping[str, Value]) -> Nested:
    """Flat ``group.field`` values as the JSON vocabulary, groups in first-seen order."""
    out: Nested = {}
    for path, value in values.items():
        group, name = path.split(".", 1)
        out.setdefault(group, {})[name] = value
    return out


def flatten(observations: Mapping[str, Mapping[str, Value]]) -> Flat:
    """The JSON vocabulary as flat ``group.field`` values."""
    return {f"{group}.{name}": value for group, fields in observations.items()
            for name, value in fields.items()}


def contradictions(values: Mapping[str, Value]) -> list[tuple[str, str]]:
    """Every (dependent, prerequisite) pair that ``values`` breaks, then every (path, other)
    pair of ``EXCLUSIONS`` that holds both its values."""
    # By identity: a reply time of 0 hours is set, though 0 == False in Python.
    broken = [(dep, pre) for dep, pre in PREREQUISITES
              if values.get(dep) is not None and values.get(dep) is not False
              and values.get(pre) is False]
    return broken + [(path, other) for path, value, other, other_value in EXCLUSIONS
                     if values.get(path) is value and values.get(other) == other_value]


def without_contradictions(values: Mapping[str, Value]) -> Flat:
    """``values`` with every dependent that contradicts a false prerequisite, and the first
    path of every exclusion that holds, made unknown."""
    out = dict(values)
    for dependent, _ in contradictions(out):
        out.pop(dependent, None)
    return out


def response_hours() -> st.SearchStrategy[Value]:
    """Valid reply times: integers, any finite float in range, and awkward values."""
    lo, hi = HOURS_RANGE
    return st.one_of(st.sampled_from(AWKWARD_HOURS), st.integers(lo, hi),
                     st.floats(lo, hi, allow_nan=False, allow_infinity=False),
                     st.floats(0, 1e-3, allow_subnormal=True))


def field_values(path: str) -> st.SearchStrategy[Value]:
    """Every valid value of one field."""
    if path in INT_RANGES:
        lo, hi = INT_RANGES[path]
        return st.one_of(st.integers(lo, min(hi, 3)), st.integers(lo, hi))
    if path == "thank_you.response_hours":
        return response_hours()
    if path == "thank_you.tone":
        return st.sampled_from(TONES)
    return st.booleans()


# Built once: building strategies on every draw costs more than the engine does.
_OPTIONAL: dict[str, st.SearchStrategy[Value | None]] = {
    path: st.none() | field_values(path) for path in VOCABULARY}
_DELTAS = st.integers(-12, 25)


@st.composite
def _minutes(draw: st.DrawFn) -> Flat:
    """The interview group, with the actual length often close to the scheduled one."""
    values: Flat = {}
    for path in INT_RANGES:
        value = draw(_OPTIONAL[path])
        if value is not None:
            values[path] = value
    scheduled = values.get("interview.scheduled_minutes")
    if isinstance(scheduled, int) and draw(st.booleans()):
        # Around the scheduled length and the overrun tolerance, both sides of each edge.
        delta = draw(_DELTAS)
        values["interview.actual_minutes"] = min(1440, max(1, scheduled + delta))
    return values


@st.composite
def observation_values(draw: st.DrawFn, paths: tuple[str, ...] = VOCABULARY) -> Flat:
    """Valid observations as flat values: any subset of ``paths``, never contradicting."""
    values: Flat = {}
    if any(p in INT_RANGES for p in paths):
        values.update({p: v for p, v in draw(_minutes()).items() if p in paths})
    for path in paths:
        if path in INT_RANGES:
            continue
        value = draw(_OPTIONAL[path])
        if value is not None:
            values[path] = value
    values = without_contradictions(values)
    return {p: values[p] for p in VOCABULARY if p in values}


def observations(paths: tuple[str, ...] = VOCABULARY) -> st.SearchStrategy[Nested]:
    """Valid observations in the JSON vocabulary."""
    return observation_values(paths).map(nest)


class Corruption(NamedTuple):
    """An observation document with exactly one thing wrong, and the path that names it."""

    observations: dict[str, object]
    path: str


_WRONG_BOOLS: tuple[object, ...] = (1, 0, 1.0, "true", "false", "yes", [], {}, [True])
_WRONG_INTS: tuple[object, ...] = (True, False, "5", "60", 5.5, 0.5, [], {}, math.nan,
                                   math.inf, -math.inf)
_WRONG_HOURS: tuple[object, ...] = (True, False, "3", "24", -1, -1e-09, -5e-324,
                                    math.nextafter(8760.0, math.inf), 8761, 1e308, math.nan,
                                    math.inf, -math.inf, [], {})
_WRONG_TONES: tuple[object, ...] = ("Warm", "WARM", " warm", "happy", "", 1, True, ["warm"],
                                    {"tone": "warm"}, 0.5)


def wrong_values(path: str) -> st.SearchStrategy[object]:
    """Values of the wrong type or out of range for one field."""
    if path in INT_RANGES:
        lo, hi = INT_RANGES[path]
        return st.one_of(st.sampled_from(_WRONG_INTS), st.integers(max_value=lo - 1),
                         st.integers(min_value=hi + 1),
                         st.floats(allow_nan=True).filter(lambda x: not float(x).is_integer()))
    if path == "thank_you.response_hours":
        return st.one_of(st.sampled_from(_WRONG_HOURS),
                         st.floats(max_value=-1e-300), st.floats(min_value=8760.000001),
                         st.text(max_size=5))
    if path == "thank_you.tone":
        return st.one_of(st.sampled_from(_WRONG_TONES),
                         st.text(max_size=12).filter(lambda s: s not in TONES))
    return st.one_of(st.sampled_from(_WRONG_BOOLS), st.integers(), st.text(max_size=5))


@st.composite
def _wrong_field(draw: st.DrawFn, base: Flat) -> Corruption:
    path = draw(st.sampled_from(VOCABULARY))
    group, name = path.split(".", 1)
    document: dict[str, object] = {g: dict(f) for g, f in nest(base).items()}
    fields = document.setdefault(group, {})
    assert isinstance(fields, dict)
    fields[name] = draw(wrong_values(path))
    return Corruption(document, path)


@st.composite
def _unknown_field(draw: st.DrawFn, base: Flat) -> Corruption:
    group = draw(st.sampled_from(GROUPS))
    known = {p.split(".", 1)[1] for p in VOCABULARY if p.startswith(group + ".")}
    name = draw(st.sampled_from(["enagaged", "extra", "", "Tone", "notes", "id", "kind"])
                | st.text(min_size=1, max_size=8)).strip()
    if name in known or not name:
        name = f"not_{name}_a_field"
    document: dict[str, object] = {g: dict(f) for g, f in nest(base).items()}
    fields = document.setdefault(group, {})
    assert isinstance(fields, dict)
    fields[name] = draw(st.booleans())
    return Corruption(document, f"{group}.{excerpt(name)}")  # as a message shows a key


@st.composite
def _unknown_group(draw: st.DrawFn, base: Flat) -> Corruption:
    group = draw(st.sampled_from(["interviews", "body", "Interview", "", "sid", "kind"])
                 | st.text(min_size=1, max_size=8))
    if group in GROUPS:
        group = f"not_{group}"
    document: dict[str, object] = {g: dict(f) for g, f in nest(base).items()}
    document[group] = {"engaged": True}
    return Corruption(document, excerpt(group))


@st.composite
def _group_not_an_object(draw: st.DrawFn, base: Flat) -> Corruption:
    group = draw(st.sampled_from(GROUPS))
    document: dict[str, object] = {g: dict(f) for g, f in nest(base).items()}
    document[group] = draw(st.sampled_from([[], [True], "engaged", 3, True, 0.5]))
    return Corruption(document, group)


@st.composite
def corruptions(draw: st.DrawFn) -> Corruption:
    """A valid document with one field of the wrong type or range, NaN or infinity, one
    unknown field or group, or one group that is not an object."""
    base = draw(observation_values())
    kind: Callable[[Flat], st.SearchStrategy[Corruption]] = draw(st.sampled_from(
        [_wrong_field, _wrong_field, _unknown_field, _unknown_group, _group_not_an_object]))
    return draw(kind(base))


@st.composite
def contradicting_values(draw: st.DrawFn) -> tuple[Flat, tuple[str, str]]:
    """Values that are valid field by field but break one prerequisite pair, as
    (values, (dependent, prerequisite)), or hold both values of one exclusion, as
    (values, (path, other)): the first path is the one an error names, the second the one
    it contradicts."""
    base = draw(observation_values())
    values = dict(base)
    pairs = [*((d, p) for d, p in PREREQUISITES), *((p, o) for p, _, o, _ in EXCLUSIONS)]
    first, second = draw(st.sampled_from(pairs))
    exclusion = next(((v, ov) for p, v, o, ov in EXCLUSIONS if (p, o) == (first, second)),
                     None)
    if exclusion is None:
        values[second] = False
        values[first] = draw(field_values(first).filter(lambda v: v is not False))
    else:
        values[first], values[second] = exclusion
    return values, (first, second)


# Booleans whose true value is evidence for the candidate under the article. Not among them:
# naturally_friendly (a discount), rote_questions (counts against), overview_given (standard),
# note_sent (what you did, not what they did).
# Booleans whose false value is the more favourable answer: stock questions counted against
# (sign 1), and a friendliness that discounts the cues (sign 1).
FAVOURABLE_FALSE: tuple[str, ...] = ("body_language.rote_questions",
                                     "body_language.naturally_friendly")
POSITIVE_BOOLS: tuple[str, ...] = (
    "body_language.engaged", "body_language.nods", "body_language.smiles",
    "body_language.verbal_agreement", "interest.asked_if_interested",
    "interest.asked_where_else_interviewing", "next_steps.invited_to_next_round",
    "next_steps.scheduled_on_the_spot", "tour.office_tour", "tour.introduced_to_people",
    "tour.people_called_in", "job_specifics.deep_dive", "job_specifics.you_would_language",
    "thank_you.response_received", "thank_you.references_specifics",
)


def _with_prerequisites(values: Flat, path: str) -> None:
    """Set to true every false prerequisite of ``path``, so that setting it is valid."""
    for dependent, prerequisite in PREREQUISITES:
        if dependent == path and values.get(prerequisite) is False:
            values[prerequisite] = True
            _with_prerequisites(values, prerequisite)


class PositiveChange(NamedTuple):
    """Observations before and after one change that is evidence for the candidate."""

    before: Flat
    after: Flat
    change: str


@st.composite
def _positive_value(draw: st.DrawFn, values: Flat) -> tuple[str, Value]:
    """One field and a value for it that can only be better news than what ``values`` say."""
    choice = draw(st.sampled_from(
        [*POSITIVE_BOOLS, *FAVOURABLE_FALSE, "thank_you.tone", "thank_you.response_hours",
         "interview.interviewer_count", "interview.actual_minutes",
         "interview.scheduled_minutes"]))
    current = values.get(choice)
    if choice in POSITIVE_BOOLS:
        return choice, True
    if choice in FAVOURABLE_FALSE:
        return choice, False
    if choice == "thank_you.tone":
        return choice, "warm"
    if choice == "interview.interviewer_count":
        return choice, 1
    if choice == "thank_you.response_hours":
        # A quicker reply than the one known; if none is known, a quick one.
        hours = draw(st.sampled_from([0, 5e-324, 1e-05, 0.5, 3, 12.75, 24])
                     | st.floats(0, 24))
        if isinstance(current, int | float) and not isinstance(current, bool):
            hours = min(current, hours)
        return choice, hours
    actual, scheduled = (values.get("interview.actual_minutes"),
                         values.get("interview.scheduled_minutes"))
    if choice == "interview.actual_minutes":
        # Longer than the known length, or at least as long as the time allotted.
        floor = actual if isinstance(actual, int) else scheduled
        return choice, draw(st.integers(floor if isinstance(floor, int) else 1, 1440))
    # Less time allotted than was known, or no more than the interview actually took.
    ceiling = scheduled if isinstance(scheduled, int) else actual
    return choice, draw(st.integers(1, ceiling if isinstance(ceiling, int) else 1440))


@st.composite
def positive_changes(draw: st.DrawFn) -> PositiveChange:
    """Valid observations, and the same with one positive observation added or improved.

    The addition sets a field to a value that is evidence for the candidate: an engaged or
    nodding interviewer, a question about interest, an invitation (scheduling it sets the
    invitation too if it was false), a tour, a deep dive, a reply (setting a sent note), a
    reply that is specific, warm or quicker, a single interviewer, a longer interview or a
    shorter schedule, no stock questions, an interviewer not friendly with everyone. It may
    also take a negative reading away (engaged replaces "not engaged", "no stock questions"
    replaces "stock questions"), which is good news too.
    """
    before = draw(observation_values())
    path, value = draw(_positive_value(before))
    after = dict(before)
    after[path] = value
    _with_prerequisites(after, path)
    for excluded, banned, other, other_banned in EXCLUSIONS:
        # A specific reply is no automatic one: the tone improves with it (good news too).
        if path == excluded and value is banned and after.get(other) == other_banned:
            after[other] = "neutral"
    after = {p: after[p] for p in VOCABULARY if p in after}
    assert not contradictions(after), (before, path, value)
    return PositiveChange(before, after, f"{path} = {value!r}")
