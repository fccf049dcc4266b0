"""Observations: the JSON vocabulary of SPEC section 4, its groups and every way to get it wrong."""

from __future__ import annotations

import json
import math
from typing import Any

import attrs
import pytest
from hypothesis import example, given

from interview_signals import (
    BodyLanguage,
    Interest,
    Interview,
    InterviewSignalsError,
    JobSpecifics,
    NextSteps,
    ObservationError,
    Observations,
    ThankYou,
    Tour,
)
from tests.strategies import Nested, observations

GROUPS = ("interview", "body_language", "interest", "next_steps", "tour", "job_specifics",
          "thank_you")
BOOL = "true or false"
MINUTES = "an integer from 1 to 1440"
HOURS = "a finite number from 0 to 8760"
TONE = 'one of "warm", "neutral", "curt", "automatic"'


def _error(data: Any) -> ObservationError:
    with pytest.raises(ObservationError) as info:
        Observations.from_dict(data)
    return info.value


def _summary(exc: ObservationError) -> tuple[str, str, str, str]:
    return exc.path, exc.expected, exc.got, str(exc)


class TestRoundTrip:
    @given(observations())
    @example({"thank_you": {"note_sent": True, "response_received": True,
                            "response_hours": 1e-05}})
    @example({"thank_you": {"note_sent": False, "response_received": False}})
    def test_from_dict_then_to_dict_gives_the_same_observations(self, data: Nested) -> None:
        assert Observations.from_dict(data).to_dict() == data

    @given(observations())
    def test_to_dict_survives_json_and_reads_back_equal(self, data: Nested) -> None:
        obs = Observations.from_dict(data)
        assert Observations.from_dict(json.loads(json.dumps(obs.to_dict()))) == obs

    def test_empty_groups_are_dropped_by_to_dict(self) -> None:
        assert Observations.from_dict({"tour": {}, "interest": {}}).to_dict() == {}

    def test_nothing_known_is_the_default_observations(self) -> None:
        assert Observations.from_dict({}) == Observations()

    def test_values_are_flat_paths_in_vocabulary_order(self) -> None:
        obs = Observations.from_dict({"thank_you": {"note_sent": True},
                                      "interview": {"actual_minutes": 50}})
        assert obs.values() == {"interview.actual_minutes": 50, "thank_you.note_sent": True}
        assert list(obs.known()) == [("interview.actual_minutes", 50),
                                     ("thank_you.note_sent", True)]


class TestUnknownIsNotFalse:
    def test_false_is_kept_and_unknown_is_absent(self) -> None:
        said_no = Observations.from_dict({"thank_you": {"note_sent": False}})
        unknown = Observations.from_dict({})
        assert (said_no.value("thank_you.note_sent"), unknown.value("thank_you.note_sent")) \
            == (False, None)
        assert (said_no.is_known("thank_you.note_sent"),
                unknown.is_known("thank_you.note_sent")) == (True, False)
        assert said_no != unknown
        assert said_no.to_dict() == {"thank_you": {"note_sent": False}}

    def test_zero_hours_is_a_known_value_not_unknown(self) -> None:
        obs = Observations.from_dict({"thank_you": {"note_sent": True, "response_received": True,
                                                    "response_hours": 0}})
        assert obs.is_known("thank_you.response_hours")
        assert obs.value("thank_you.response_hours") == 0


class TestShapeErrors:
    def test_an_unknown_group_is_rejected_by_name(self) -> None:
        groups = ", ".join(GROUPS)
        assert _summary(_error({"mood": {"happy": True}})) == (
            "mood", f"one of the groups {groups}", "an unknown group",
            f"mood: unknown group; expected one of {groups}")

    def test_an_unknown_field_is_rejected_with_its_path(self) -> None:
        fields = "office_tour, introduced_to_people, people_called_in"
        assert _summary(_error({"tour": {"coffee": True}})) == (
            "tour.coffee", f"a field of tour ({fields})", "an unknown field",
            f"tour.coffee: unknown field; tour has {fields}")

    @pytest.mark.parametrize(("fields", "got"), [
        ([], "a list"), (True, "true"), ("yes", 'the string "yes"'), (3, "3")])
    def test_a_group_that_is_not_an_object_is_rejected(self, fields: object, got: str) -> None:
        assert _summary(_error({"tour": fields})) == (
            "tour", "an object of fields", got, f"tour: expected an object of fields, got {got}")

    @pytest.mark.parametrize(("data", "got"), [
        ([], "a list"), ("{}", 'the string "{}"'), (None, "null"), (7, "7")])
    def test_a_top_level_that_is_not_an_object_is_rejected(self, data: object, got: str) -> None:
        assert _summary(_error(data)) == (
            "observations", "an object of observation groups", got,
            f"observations: expected an object of observation groups, got {got}")


# (path, value, expected, got): every wrong type or range names the path, the expectation
# and what arrived.
BAD_VALUES = [
    ("interview.scheduled_minutes", True, MINUTES, "true"),
    ("interview.scheduled_minutes", False, MINUTES, "false"),
    ("interview.scheduled_minutes", 0, MINUTES, "0"),
    ("interview.scheduled_minutes", 1441, MINUTES, "1441"),
    ("interview.actual_minutes", -5, MINUTES, "-5"),
    ("interview.actual_minutes", 45.5, MINUTES, "45.5"),
    ("interview.actual_minutes", "45", MINUTES, 'the string "45"'),
    ("interview.interviewer_count", 51, "an integer from 1 to 50", "51"),
    ("interview.interviewer_count", 0, "an integer from 1 to 50", "0"),
    ("body_language.nods", 1, BOOL, "1"),
    ("body_language.nods", 0, BOOL, "0"),
    ("body_language.smiles", "true", BOOL, 'the string "true"'),
    ("tour.office_tour", [True], BOOL, "a list"),
    ("job_specifics.deep_dive", {"yes": True}, BOOL, "an object"),
    ("thank_you.note_sent", 1.0, BOOL, "1.0"),
    ("thank_you.response_hours", -1, HOURS, "-1"),
    ("thank_you.response_hours", 8761, HOURS, "8761"),
    ("thank_you.response_hours", 8760.5, HOURS, "8760.5"),
    ("thank_you.response_hours", -0.001, HOURS, "-0.001"),
    ("thank_you.response_hours", True, HOURS, "true"),
    ("thank_you.response_hours", "3", HOURS, 'the string "3"'),
    ("thank_you.response_hours", math.nan, HOURS, "NaN"),
    ("thank_you.response_hours", math.inf, HOURS, "infinity"),
    ("thank_you.tone", "friendly", TONE, 'the string "friendly"'),
    ("thank_you.tone", "Warm", TONE, 'the string "Warm"'),
    ("thank_you.tone", 1, TONE, "1"),
]


class TestValueErrors:
    @pytest.mark.parametrize(("path", "value", "expected", "got"), BAD_VALUES)
    def test_a_bad_value_is_rejected_naming_path_expectation_and_value(
            self, path: str, value: object, expected: str, got: str) -> None:
        group, name = path.split(".")
        assert _summary(_error({group: {name: value}})) == (
            path, expected, got, f"{path}: expected {expected}, got {got}")

    def test_negative_infinity_is_rejected_by_name(self) -> None:
        exc = _error({"thank_you": {"response_hours": -math.inf}})
        assert (exc.path, exc.expected) == ("thank_you.response_hours", HOURS)
        assert "infinity" in exc.got
        assert "infinity" in str(exc)

    def test_negative_infinity_is_named_with_its_sign(self) -> None:
        assert _error({"thank_you": {"response_hours": -math.inf}}).got == "-infinity"

    def test_a_very_large_integer_is_out_of_range_not_clamped(self) -> None:
        exc = _error({"interview": {"scheduled_minutes": 2**70}})
        assert _summary(exc) == (
            "interview.scheduled_minutes", MINUTES, "an integer of 71 bits",
            f"interview.scheduled_minutes: expected {MINUTES}, got an integer of 71 bits")

    @pytest.mark.parametrize(("path", "value", "got"), [
        ("interview.interviewer_count", 10**18, "1000000000000000000"),
        ("interview.interviewer_count", -(10**18), "-1000000000000000000"),
        ("interview.interviewer_count", 10**18 + 1, "an integer of 60 bits"),
        ("interview.interviewer_count", -(10**18) - 1, "a negative integer of 60 bits"),
        ("interview.actual_minutes", -(2**70), "a negative integer of 71 bits"),
        ("thank_you.response_hours", 10**400, "an integer of 1329 bits"),
        ("thank_you.response_hours", -(10**400), "a negative integer of 1329 bits"),
    ])
    def test_a_huge_integer_is_described_by_its_size_beyond_10_to_the_18(
            self, path: str, value: int, got: str) -> None:
        group, name = path.split(".")
        exc = _error({group: {name: value}})
        assert (exc.path, exc.got) == (path, got)
        assert str(exc).endswith(f", got {got}")

    def test_an_integer_too_long_to_print_is_still_described(self) -> None:
        # Beyond Python's int-to-str digit limit, where repr() itself raises ValueError.
        value = 10**5000
        exc = _error({"interview": {"scheduled_minutes": value}})
        assert exc.got == f"an integer of {value.bit_length()} bits"
        with pytest.raises(ObservationError) as info:
            Interview(scheduled_minutes=-value)
        assert info.value.got == f"a negative integer of {value.bit_length()} bits"

    def test_a_long_string_is_shortened_in_the_message(self) -> None:
        exc = _error({"thank_you": {"tone": "x" * 500}})
        assert exc.got == 'the string "' + "x" * 37 + '..." (500 characters)'

    @pytest.mark.parametrize("path", ["interview.actual_minutes", "body_language.engaged",
                                      "thank_you.tone"])
    def test_null_means_unknown_as_if_the_field_were_left_out(self, path: str) -> None:
        group, name = path.split(".")
        assert Observations.from_dict({group: {name: None}}) == Observations()

    def test_every_problem_of_the_input_is_reported_at_once(self) -> None:
        exc = _error({"interview": {"actual_minutes": 0, "scheduled": 5},
                      "tuor": {"office_tour": True}, "thank_you": {"tone": "cold"}})
        assert [p.path for p in exc.problems] == [
            "interview.actual_minutes", "interview.scheduled", "tuor", "thank_you.tone"]
        assert exc.path == "interview.actual_minutes"
        assert "did you mean \"scheduled_minutes\"" in str(exc)
        assert "did you mean \"tour\"" in str(exc)

    @pytest.mark.parametrize(("path", "value"), [
        ("interview.scheduled_minutes", 1), ("interview.scheduled_minutes", 1440),
        ("interview.interviewer_count", 50), ("thank_you.response_hours", 0),
        ("thank_you.response_hours", 8760), ("thank_you.response_hours", 8760.0),
        ("thank_you.response_hours", 5e-324)])
    def test_values_on_the_bounds_are_accepted(self, path: str, value: object) -> None:
        group, name = path.split(".")
        assert Observations.from_dict({group: {name: value}}).value(path) == value

    def test_the_first_error_of_a_batch_is_reported(self) -> None:
        exc = _error({"tour": {"office_tour": True, "people_called_in": "no"}})
        assert exc.path == "tour.people_called_in"


# (fields of the contradicting batch, dependent path, prerequisite path)
CONTRADICTIONS = [
    ({"thank_you": {"note_sent": False, "response_received": True}},
     "thank_you.response_received", "thank_you.note_sent"),
    ({"thank_you": {"response_received": False, "response_hours": 3}},
     "thank_you.response_hours", "thank_you.response_received"),
    ({"thank_you": {"response_received": False, "tone": "warm"}},
     "thank_you.tone", "thank_you.response_received"),
    ({"thank_you": {"response_received": False, "references_specifics": True}},
     "thank_you.references_specifics", "thank_you.response_received"),
    ({"thank_you": {"note_sent": False, "response_hours": 0}},
     "thank_you.response_hours", "thank_you.note_sent"),
    ({"thank_you": {"note_sent": False, "tone": "curt"}},
     "thank_you.tone", "thank_you.note_sent"),
    ({"next_steps": {"invited_to_next_round": False, "scheduled_on_the_spot": True}},
     "next_steps.scheduled_on_the_spot", "next_steps.invited_to_next_round"),
]


# (fields of the batch, the path named, the other path): values that may not both hold.
EXCLUSIONS = [
    ({"thank_you": {"references_specifics": True, "tone": "automatic"}},
     "thank_you.references_specifics", "thank_you.tone"),
    ({"thank_you": {"note_sent": True, "response_received": True, "response_hours": 0.5,
                    "tone": "automatic", "references_specifics": True}},
     "thank_you.references_specifics", "thank_you.tone"),
]


class TestContradictions:
    @pytest.mark.parametrize(("data", "dependent", "prerequisite"), CONTRADICTIONS)
    def test_contradicting_fields_are_rejected_naming_both_paths(
            self, data: dict[str, object], dependent: str, prerequisite: str) -> None:
        exc = _error(data)
        assert exc.path == dependent
        assert dependent in str(exc)
        assert prerequisite in str(exc)
        assert exc.expected == f"{prerequisite} not to be false"

    @pytest.mark.parametrize("data", [
        {"thank_you": {"note_sent": False, "response_received": False}},
        {"thank_you": {"response_received": False, "references_specifics": False}},
        {"thank_you": {"response_hours": 5, "tone": "warm"}},
        {"next_steps": {"scheduled_on_the_spot": True}},
        {"next_steps": {"invited_to_next_round": False, "scheduled_on_the_spot": False}},
    ])
    def test_fields_that_only_look_related_are_not_contradictions(
            self, data: dict[str, dict[str, object]]) -> None:
        assert Observations.from_dict(data).to_dict() == data

    @pytest.mark.parametrize(("data", "path", "other"), EXCLUSIONS)
    def test_values_that_exclude_each_other_are_rejected_naming_both_paths(
            self, data: dict[str, object], path: str, other: str) -> None:
        exc = _error(data)
        why = "a reply that refers to what you discussed is not an automatic one"
        assert _summary(exc) == (
            path, f'not true while {other} is the string "automatic"',
            f'{path} = true with {other} = the string "automatic"',
            f"{path} contradicts {other}: {why}, but {path} is true while {other} is the "
            'string "automatic"')

    def test_an_exclusion_is_reported_before_a_missing_prerequisite(self) -> None:
        exc = _error({"thank_you": {"response_received": False, "references_specifics": True,
                                    "tone": "automatic"}})
        assert exc.path == "thank_you.references_specifics"
        assert "thank_you.tone" in str(exc)

    @pytest.mark.parametrize("data", [
        {"thank_you": {"references_specifics": False, "tone": "automatic"}},
        {"thank_you": {"references_specifics": True, "tone": "warm"}},
        {"thank_you": {"references_specifics": True, "tone": "neutral"}},
        {"thank_you": {"references_specifics": True, "tone": "curt"}},
        {"thank_you": {"references_specifics": True}},
        {"thank_you": {"tone": "automatic"}},
    ])
    def test_a_specific_reply_of_another_tone_or_an_automatic_one_without_specifics_is_valid(
            self, data: dict[str, dict[str, object]]) -> None:
        assert Observations.from_dict(data).to_dict() == data

    def test_excluding_values_built_directly_are_rejected(self) -> None:
        with pytest.raises(ObservationError) as info:
            Observations(thank_you=ThankYou(references_specifics=True, tone="automatic"))
        assert info.value.path == "thank_you.references_specifics"
        assert "thank_you.tone" in str(info.value)

    def test_contradicting_groups_built_directly_are_rejected(self) -> None:
        with pytest.raises(ObservationError) as info:
            Observations(thank_you=ThankYou(note_sent=False, response_received=True))
        assert info.value.path == "thank_you.response_received"


class TestErrorClass:
    def test_observation_error_is_a_value_error_and_a_library_error(self) -> None:
        exc = _error({"tour": {"office_tour": 1}})
        assert isinstance(exc, ValueError)
        assert isinstance(exc, InterviewSignalsError)


GROUP_CLASSES = (Interview, BodyLanguage, Interest, NextSteps, Tour, JobSpecifics, ThankYou)


class TestGroupClasses:
    @pytest.mark.parametrize("cls", GROUP_CLASSES)
    def test_every_field_of_a_new_group_is_unknown(self, cls: type) -> None:
        assert all(value is None for value in attrs.asdict(cls()).values())

    @pytest.mark.parametrize("cls", GROUP_CLASSES)
    def test_groups_are_frozen(self, cls: type) -> None:
        group = cls()
        name = attrs.fields(cls)[0].name
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(group, name, True)

    @pytest.mark.parametrize("cls", GROUP_CLASSES)
    def test_groups_take_keyword_arguments_only(self, cls: type) -> None:
        make: Any = cls
        with pytest.raises(TypeError):
            make(True)

    @pytest.mark.parametrize(("cls", "name", "value", "got"), [
        (ThankYou, "response_hours", -1, "-1"),
        (ThankYou, "response_hours", math.nan, "NaN"),
        (ThankYou, "tone", "loud", 'the string "loud"'),
        (Interview, "scheduled_minutes", True, "true"),
        (Interview, "interviewer_count", 51, "51"),
        (Tour, "office_tour", 1, "1"),
        (NextSteps, "invited_to_next_round", "yes", 'the string "yes"'),
    ])
    def test_groups_validate_on_construction(self, cls: Any, name: str, value: object,
                                             got: str) -> None:
        with pytest.raises(ObservationError) as info:
            cls(**{name: value})
        assert (info.value.path, info.value.got) == (f"{cls.GROUP}.{name}", got)

    def test_observations_reject_a_group_of_the_wrong_class(self) -> None:
        make: Any = Observations
        with pytest.raises(ObservationError) as info:
            make(thank_you=Tour(office_tour=True))
        assert (info.value.path, info.value.expected) == ("thank_you", "a ThankYou")

    def test_observations_built_from_groups_equal_the_parsed_dict(self) -> None:
        built = Observations(interview=Interview(scheduled_minutes=30, actual_minutes=45),
                             thank_you=ThankYou(note_sent=True))
        parsed = Observations.from_dict({"interview": {"scheduled_minutes": 30,
                                                       "actual_minutes": 45},
                                         "thank_you": {"note_sent": True}})
        assert built == parsed

    def test_observations_are_frozen(self) -> None:
        obs: Any = Observations()
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            obs.tour = Tour()
