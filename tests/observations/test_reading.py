"""_observations: ``read_values``, ``check_values`` and ``check_contradictions`` (a document
checked whole, every problem at once) and the converters of the frozen ``Observations``
groups. The vocabulary's own rules and messages are in test_vocabulary.py."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from interview_signals import (
    ObservationError,
    Observations,
    Problem,
)
from interview_signals._observations import (
    check_contradictions,
    check_values,
    read_values,
)
from interview_signals._observations.vocabulary import VOCABULARY as FIELDS
from tests.strategies import (
    VOCABULARY,
    Flat,
    contradicting_values,
    contradictions,
    observation_values,
)

HOSTILE = "JSON-shaped observations or Observations"


def _problems(call: Any, *args: object) -> tuple[Problem, ...]:
    with pytest.raises(ObservationError) as info:
        call(*args)
    return info.value.problems


def _paths(call: Any, *args: object) -> list[str]:
    return [p.path for p in _problems(call, *args)]


class Exploding(Mapping[str, object]):
    """A mapping whose every method raises ``error``."""

    def __init__(self, error: BaseException) -> None:
        self.error = error

    def __getitem__(self, key: str) -> object:
        raise self.error

    def __iter__(self) -> Iterator[str]:
        raise self.error

    def __len__(self) -> int:
        raise self.error


class ListKeyed(Mapping[Any, object]):
    """A mapping whose keys may be lists, which no dict could hold."""

    def __init__(self, items: list[tuple[object, object]]) -> None:
        self._items = items

    def __getitem__(self, key: object) -> object:
        return next(v for k, v in self._items if k == key)

    def __iter__(self) -> Iterator[Any]:
        return iter([k for k, _ in self._items])

    def __len__(self) -> int:
        return len(self._items)


class Unprintable(Exception):
    def __str__(self) -> str:
        raise RuntimeError("no text either")


class UnhashableTone(str):
    """A string whose hash raises: looking it up among the tones runs its code."""

    def __hash__(self) -> int:
        raise RuntimeError("hash refused")

    __eq__ = str.__eq__


class Minutes(int):
    pass


class Hours(float):
    pass


class Tone(str):
    pass


# --- read_values ----------------------------------------------------------------------------

class TestReadValues:
    def test_known_fields_come_back_flat_and_nulls_as_unknown_paths(self) -> None:
        values, nulls = read_values({
            "tour": {"office_tour": True, "people_called_in": None},
            "interview": {"actual_minutes": 50},
            "thank_you": {"tone": None}})
        assert values == {"interview.actual_minutes": 50, "tour.office_tour": True}
        assert set(nulls) == {"tour.people_called_in", "thank_you.tone"}
        assert len(nulls) == 2

    def test_a_document_of_nulls_knows_nothing(self) -> None:
        assert read_values({"body_language": {"engaged": None}}) == (
            {}, ("body_language.engaged",))
        assert read_values({}) == ({}, ())
        assert read_values({"tour": {}}) == ({}, ())

    def test_a_null_group_is_every_field_of_it_unknown(self) -> None:
        """JSON Schema's meaning: a client that sends every group (pydantic models write an
        absent one as null) says nothing of the groups it leaves null."""
        assert read_values({"tour": None, "interview": {"actual_minutes": 50}}) == (
            {"interview.actual_minutes": 50},
            ("tour.office_tour", "tour.introduced_to_people", "tour.people_called_in"))
        # Nulls given before a null group are kept with its fields, in document order.
        assert read_values({"thank_you": {"tone": None}, "tour": None, "next_steps": None})[1] == (
            "thank_you.tone", "tour.office_tour", "tour.introduced_to_people",
            "tour.people_called_in", "next_steps.invited_to_next_round",
            "next_steps.scheduled_on_the_spot")

    @pytest.mark.parametrize(("value", "plain"), [(30.0, 30), (1.0, 1), (1440.0, 1440)])
    def test_a_whole_number_written_with_a_point_is_that_integer(self, value: float,
                                                                 plain: int) -> None:
        """JSON Schema's ``integer`` counts 30.0; the library keeps it as the int 30."""
        values, _ = read_values({"interview": {"scheduled_minutes": value}})
        assert type(values["interview.scheduled_minutes"]) is int
        assert values["interview.scheduled_minutes"] == plain

    @pytest.mark.parametrize("value", [30.5, 0.0, 1441.0, 1e300, float("inf"), float("nan")])
    def test_a_number_with_a_fraction_or_out_of_range_is_still_refused(self, value: float
                                                                        ) -> None:
        assert _paths(read_values, {"interview": {"scheduled_minutes": value}}) == [
            "interview.scheduled_minutes"]

    def test_the_result_is_in_vocabulary_order_whatever_the_input_order(self) -> None:
        values, _ = read_values({
            "thank_you": {"tone": "warm", "response_received": True, "note_sent": True},
            "body_language": {"smiles": True, "engaged": False},
            "interview": {"interviewer_count": 2, "scheduled_minutes": 30}})
        assert list(values) == [
            "interview.scheduled_minutes", "interview.interviewer_count",
            "body_language.engaged", "body_language.smiles",
            "thank_you.note_sent", "thank_you.response_received", "thank_you.tone"]

    def test_every_problem_is_listed_at_once_with_its_field_path(self) -> None:
        problems = _problems(read_values, {
            "interview": {"actual_minutes": 0, "scheduled": 5},
            "tuor": {"office_tour": True},
            "thank_you": {"tone": "cold", "note_sent": "yes", "response_hours": 3},
            "tour": ["office_tour"],
            "body_language": {"engaged": True}})
        assert [(p.path, p.got) for p in problems] == [
            ("interview.actual_minutes", "0"),
            ("interview.scheduled", "an unknown field"),
            ("tuor", "an unknown group"),
            ("thank_you.tone", 'the string "cold"'),
            ("thank_you.note_sent", 'the string "yes"'),
            ("tour", "a list")]
        assert problems[0].expected == "an integer from 1 to 1440"
        assert problems[4].expected == "true or false"

    def test_contradictions_are_left_to_check_contradictions(self) -> None:
        document = {"thank_you": {"note_sent": False, "response_received": True}}
        assert read_values(document) == (
            {"thank_you.note_sent": False, "thank_you.response_received": True}, ())

    @pytest.mark.parametrize(("value", "plain"), [
        (Minutes(45), 45), (True, True), (Hours(2.5), 2.5), (Tone("warm"), "warm")])
    def test_values_come_back_as_plain_values(self, value: object, plain: object) -> None:
        path = {Minutes: "interview.actual_minutes", bool: "tour.office_tour",
                Hours: "thank_you.response_hours", Tone: "thank_you.tone"}[type(value)]
        group, name = path.split(".")
        values, _ = read_values({group: {name: value}})
        assert type(values[path]) is type(plain)
        assert values[path] == plain

    @pytest.mark.parametrize(("path", "value"), [
        ("tour.office_tour", 1), ("tour.office_tour", 0), ("interview.actual_minutes", True),
        ("thank_you.response_hours", False), ("thank_you.tone", "Warm")])
    def test_true_is_not_one_and_a_tone_is_exact(self, path: str, value: object) -> None:
        group, name = path.split(".")
        assert _paths(read_values, {group: {name: value}}) == [path]

    def test_any_mapping_reads_like_a_dict(self) -> None:
        document: dict[str, dict[str, object]] = {"tour": {"office_tour": True},
                                                  "interview": {"actual_minutes": 20}}
        proxy = MappingProxyType({g: MappingProxyType(f) for g, f in document.items()})
        assert read_values(proxy) == read_values(document)

    @pytest.mark.parametrize(("data", "got"), [
        (None, "null"), ([], "a list"), ("{}", 'the string "{}"'), (3, "3")])
    def test_a_document_that_is_not_an_object_is_named_observations(
            self, data: object, got: str) -> None:
        (problem,) = _problems(read_values, data)
        assert (problem.path, problem.expected, problem.got) == (
            "observations", "an object of observation groups", got)

    def test_keys_that_are_not_strings_are_named_without_their_own_code(self) -> None:
        assert _paths(read_values, {1: {"office_tour": True},
                                    "tour": {None: True}}) == ["<1>", "tour.<null>"]


class TestHostileMappings:
    def test_a_mapping_that_raises_when_read_is_an_observation_error(self) -> None:
        cause = RuntimeError("the database went away")
        with pytest.raises(ObservationError) as info:
            read_values(Exploding(cause))
        (problem,) = info.value.problems
        assert (problem.path, problem.expected, problem.got) == (
            "observations", HOSTILE,
            "an object that raised RuntimeError: the database went away when read")
        assert info.value.__cause__ is cause

    def test_a_group_that_raises_when_read_is_an_observation_error(self) -> None:
        problems = _problems(read_values, {"tour": {"office_tour": True},
                                           "interview": Exploding(KeyError("gone"))})
        assert [(p.path, p.got) for p in problems] == [
            ("observations", "an object that raised KeyError: 'gone' when read")]

    def test_a_value_whose_own_code_raises_is_an_observation_error(self) -> None:
        (problem,) = _problems(check_values, {"thank_you": {"tone": UnhashableTone("warm")}})
        assert problem.path == "observations"
        assert problem.got == "an object that raised RuntimeError: hash refused when read"

    def test_a_long_message_is_cut_short_and_an_unprintable_one_left_out(self) -> None:
        (long,) = _problems(read_values, Exploding(ValueError("x" * 500)))
        assert long.got == f"an object that raised ValueError: {'x' * 77}... when read"
        (unprintable,) = _problems(read_values, Exploding(Unprintable()))
        assert unprintable.got == "an object that raised Unprintable when read"

    @pytest.mark.parametrize("error", [RecursionError("deep"), MemoryError()])
    def test_a_mapping_too_deep_or_large_to_read_is_named_so(
            self, error: BaseException) -> None:
        with pytest.raises(ObservationError) as info:
            read_values(Exploding(error))
        assert (info.value.path, info.value.expected, info.value.got) == (
            "observations", HOSTILE, "an object too large or deep to read")
        assert info.value.__cause__ is None
        assert info.value.__suppress_context__

    @pytest.mark.parametrize(("length", "shown"), [(80, "x" * 80), (81, "x" * 77 + "...")])
    def test_a_message_is_quoted_whole_up_to_80_characters(self, length: int, shown: str
                                                           ) -> None:
        (problem,) = _problems(read_values, Exploding(ValueError("x" * length)))
        assert problem.got == f"an object that raised ValueError: {shown} when read"

    def test_keys_that_cannot_be_hashed_are_unknown_names_not_a_failure(self) -> None:
        """A mapping may hand out keys a dict could not hold: each is an unknown group or
        field, named, never looked up (the lookup would raise)."""
        document = ListKeyed([(["tour"], {"office_tour": True}),
                              ("tour", ListKeyed([(["office_tour"], True)]))])
        assert _paths(read_values, document) == ["<a list>", "tour.<a list>"]

    def test_ctrl_c_while_reading_is_not_turned_into_an_observation_error(self) -> None:
        with pytest.raises(KeyboardInterrupt):
            read_values({"tour": Exploding(KeyboardInterrupt())})


# --- check_values ---------------------------------------------------------------------------

class TestCheckValues:
    def test_the_known_values_of_a_valid_document(self) -> None:
        assert check_values({"thank_you": {"response_received": True, "note_sent": True,
                                           "tone": None}}) == {
            "thank_you.note_sent": True, "thank_you.response_received": True}

    def test_a_null_is_unknown_so_it_contradicts_nothing(self) -> None:
        assert check_values({"thank_you": {"note_sent": None, "response_received": True},
                             "next_steps": {"invited_to_next_round": False,
                                            "scheduled_on_the_spot": None}}) == {
            "next_steps.invited_to_next_round": False, "thank_you.response_received": True}

    def test_contradictions_are_checked(self) -> None:
        problems = _problems(check_values, {"next_steps": {"scheduled_on_the_spot": True,
                                                           "invited_to_next_round": False}})
        assert [(p.path, p.expected) for p in problems] == [
            ("next_steps.scheduled_on_the_spot",
             "next_steps.invited_to_next_round not to be false")]

    def test_zero_hours_is_a_reply_time_that_needs_a_note(self) -> None:
        assert _paths(check_values, {"thank_you": {"note_sent": False,
                                                   "response_hours": 0}}) == [
            "thank_you.response_hours"]

    @given(observation_values(), st.data())
    @example({"thank_you.note_sent": False}, None)
    @example({"thank_you.note_sent": True, "thank_you.response_received": True,
              "thank_you.response_hours": 5e-324}, None)
    def test_a_valid_document_gives_its_flat_known_values_in_vocabulary_order(
            self, values: Flat, data: st.DataObject | None) -> None:
        items = list(values.items())
        unknown = [p for p in VOCABULARY if p not in values]
        nulls: list[str] = []
        if data is not None:
            items = data.draw(st.permutations(items), label="input order")
            nulls = data.draw(st.lists(st.sampled_from(unknown), unique=True)
                              if unknown else st.just([]), label="nulls")
        document: dict[str, dict[str, object]] = {}
        for path, value in [*items, *((p, None) for p in nulls)]:
            group, name = path.split(".")
            document.setdefault(group, {})[name] = value
        got = check_values(document)
        assert got == values
        assert list(got) == [p for p in VOCABULARY if p in values]
        assert set(read_values(document)[1]) == set(nulls)


# --- check_contradictions -------------------------------------------------------------------

class TestCheckContradictions:
    @pytest.mark.parametrize("known", [
        {},
        {"thank_you.note_sent": False, "thank_you.response_received": False},
        {"thank_you.response_hours": 3, "thank_you.tone": "warm"},
        {"next_steps.scheduled_on_the_spot": True},
        {"thank_you.references_specifics": False, "thank_you.tone": "automatic"},
    ])
    def test_values_without_contradictions_pass(self, known: Flat) -> None:
        try:
            check_contradictions(known)
        except ObservationError as exc:
            pytest.fail(f"contradictions found in consistent values: {exc}")
        assert Observations.from_values(known).values() == known  # and they make a document

    def test_every_contradicting_pair_is_listed_at_once(self) -> None:
        problems = _problems(check_contradictions, {
            "next_steps.invited_to_next_round": False, "next_steps.scheduled_on_the_spot": True,
            "thank_you.note_sent": False, "thank_you.response_received": True,
            "thank_you.response_hours": 3, "thank_you.tone": "warm"})
        assert sorted((p.path, p.expected) for p in problems) == [
            ("next_steps.scheduled_on_the_spot",
             "next_steps.invited_to_next_round not to be false"),
            ("thank_you.response_hours", "thank_you.note_sent not to be false"),
            ("thank_you.response_received", "thank_you.note_sent not to be false"),
            ("thank_you.tone", "thank_you.note_sent not to be false")]

    def test_an_exclusion_and_the_prerequisites_are_all_listed_exclusion_first(self) -> None:
        problems = _problems(check_contradictions, {
            "thank_you.response_received": False, "thank_you.references_specifics": True,
            "thank_you.tone": "automatic"})
        assert (problems[0].path, problems[0].expected) == (
            "thank_you.references_specifics",
            'not true while thank_you.tone is the string "automatic"')
        assert sorted(p.path for p in problems[1:]) == [
            "thank_you.references_specifics", "thank_you.tone"]

    def test_a_contradiction_with_an_earlier_observation_is_named_at_the_new_field(
            self) -> None:
        known = {"next_steps.invited_to_next_round": False,
                 "next_steps.scheduled_on_the_spot": True}
        (problem,) = _problems(check_contradictions, known,
                               {"next_steps.invited_to_next_round": False})
        assert problem.to_dict() == {
            "path": "next_steps.invited_to_next_round",
            "expected": "not false while next_steps.scheduled_on_the_spot is true",
            "got": "next_steps.invited_to_next_round = false with "
                   "next_steps.scheduled_on_the_spot = true",
            "message": "next_steps.invited_to_next_round contradicts the earlier observation "
                       "next_steps.scheduled_on_the_spot: scheduling a next round needs an "
                       "invitation to it, but next_steps.invited_to_next_round is false while "
                       "next_steps.scheduled_on_the_spot is true"}

    def test_a_new_dependent_is_named_with_the_earlier_prerequisite(self) -> None:
        known = {"thank_you.note_sent": False, "thank_you.response_received": True}
        (problem,) = _problems(check_contradictions, known,
                               {"thank_you.response_received": True})
        assert problem.path == "thank_you.response_received"
        assert problem.expected == "thank_you.note_sent not to be false"
        assert "contradicts the earlier observation thank_you.note_sent:" in str(problem)

    def test_an_excluded_value_added_later_is_named_at_the_new_field(self) -> None:
        known = {"thank_you.references_specifics": True, "thank_you.tone": "automatic"}
        (problem,) = _problems(check_contradictions, known, {"thank_you.tone": "automatic"})
        assert problem.path == "thank_you.tone"
        assert problem.expected == 'not the string "automatic" while ' \
            "thank_you.references_specifics is true"
        assert "earlier observation thank_you.references_specifics" in str(problem)

    def test_both_fields_in_the_new_batch_name_no_earlier_observation(self) -> None:
        both = {"thank_you.note_sent": False, "thank_you.tone": "curt"}
        (problem,) = _problems(check_contradictions, both, both)
        assert problem.path == "thank_you.tone"
        assert "earlier" not in str(problem)

    @given(contradicting_values())
    def test_every_contradiction_is_named_by_the_path_that_breaks_it(
            self, case: tuple[Flat, tuple[str, str]]) -> None:
        values, _ = case
        assert sorted(_paths(check_contradictions, values)) == sorted(
            first for first, _ in contradictions(values))

    @given(contradicting_values())
    def test_added_to_valid_observations_every_problem_names_a_new_field(
            self, case: tuple[Flat, tuple[str, str]]) -> None:
        values, (first, second) = case
        new = {p: values[p] for p in (first, second)}
        problems = _problems(check_contradictions, values, new)
        assert problems
        for problem in problems:
            assert problem.path in new, problem
            other = problem.got.split(" with ", 1)[1].split(" = ", 1)[0]
            assert ("the earlier observation" in str(problem)) == (other not in new)


def test_a_contradiction_is_listed_with_the_other_problems_of_a_document() -> None:
    """Every problem at once: the fields that did read are checked against each other even
    when others did not."""
    with pytest.raises(ObservationError) as caught:
        check_values({"thank_you": {"note_sent": False, "response_received": True,
                                    "response_hours": "x"}})
    assert [p.path for p in caught.value.problems] == [
        "thank_you.response_hours", "thank_you.response_received"]


# --- The error contract: every field of every problem, as the JSON error carries it -------

class TestTheErrorContract:
    """``path``, ``expected``, ``got`` and ``message`` of each problem are part of the JSON
    error contract (the service's ``problems``, ``assess --format json``): pinned whole."""

    def test_an_unknown_field_first_in_its_group_does_not_hide_the_rest_of_the_group(
            self) -> None:
        problems = _problems(read_values, {"thank_you": {
            "tone_of_reply": "warm", "note_sent": "yes", "response_received": True}})
        assert [p.path for p in problems] == ["thank_you.tone_of_reply", "thank_you.note_sent"]

    def test_an_unknown_group_first_does_not_hide_the_groups_after_it(self) -> None:
        problems = _problems(read_values, {"weather": {}, "tour": {"office_tour": 2}})
        assert [p.path for p in problems] == ["weather", "tour.office_tour"]

    @pytest.mark.parametrize("path", list(FIELDS))
    def test_a_value_of_the_wrong_kind_names_path_expectation_and_value(self, path: str
                                                                        ) -> None:
        spec = FIELDS[path]
        wrong: object = "maybe" if spec.kind != "choice" else 7
        group, name = path.split(".")
        (problem,) = _problems(read_values, {group: {name: wrong}})
        shown = '7' if spec.kind == "choice" else 'the string "maybe"'
        assert problem.to_dict() == {"path": path, "expected": spec.expected, "got": shown,
                                     "message": f"{path}: expected {spec.expected}, got {shown}"}

    def test_an_unknown_field_is_named_with_the_fields_of_its_group(self) -> None:
        (problem,) = _problems(read_values, {"tour": {"ofice_tour": True}})
        fields = "office_tour, introduced_to_people, people_called_in"
        assert problem.to_dict() == {
            "path": "tour.ofice_tour", "expected": f"a field of tour ({fields})",
            "got": "an unknown field",
            "message": f"tour.ofice_tour: unknown field (did you mean \"office_tour\"?); "
                       f"tour has {fields}"}

    def test_an_unknown_group_is_named_with_every_group(self) -> None:
        (problem,) = _problems(read_values, {"tuor": {}})
        groups = ("interview, body_language, interest, next_steps, tour, job_specifics, "
                  "thank_you")
        assert problem.to_dict() == {
            "path": "tuor", "expected": f"one of the groups {groups}",
            "got": "an unknown group",
            "message": f"tuor: unknown group (did you mean \"tour\"?); expected one of {groups}"}

    def test_a_group_that_is_not_an_object_names_the_group(self) -> None:
        (problem,) = _problems(read_values, {"tour": True})
        assert problem.to_dict() == {"path": "tour", "expected": "an object of fields",
                                     "got": "true",
                                     "message": "tour: expected an object of fields, got true"}

    def test_a_missing_prerequisite_names_both_fields(self) -> None:
        (problem,) = _problems(check_values, {"thank_you": {"note_sent": False,
                                                            "response_received": True}})
        assert problem.to_dict() == {
            "path": "thank_you.response_received",
            "expected": "thank_you.note_sent not to be false",
            "got": "thank_you.response_received = true with thank_you.note_sent = false",
            "message": "thank_you.response_received contradicts thank_you.note_sent: a reply "
                       "needs a note that was sent, but thank_you.response_received is true "
                       "while thank_you.note_sent is false"}

    def test_an_exclusion_names_both_values(self) -> None:
        (problem,) = _problems(check_values, {"thank_you": {
            "note_sent": True, "response_received": True, "references_specifics": True,
            "tone": "automatic"}})
        assert problem.to_dict() == {
            "path": "thank_you.references_specifics",
            "expected": 'not true while thank_you.tone is the string "automatic"',
            "got": 'thank_you.references_specifics = true with thank_you.tone = the string '
                   '"automatic"',
            "message": "thank_you.references_specifics contradicts thank_you.tone: a reply "
                       "that refers to what you discussed is not an automatic one, but "
                       'thank_you.references_specifics is true while thank_you.tone is the '
                       'string "automatic"'}
