"""The observation groups (``Interview`` ... ``ThankYou``) and ``Observations``: each field's
converter, and the paths ``Observations`` reads and refuses."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

from interview_signals import Interview, ObservationError, Observations, ThankYou
from interview_signals._observations import GROUP_CLASSES, read_values
from tests.observations.test_reading import Hours, Minutes, Tone, _paths, _problems
from tests.strategies import VOCABULARY, nest

# --- The groups' converters -----------------------------------------------------------------

WRONG: dict[str, object] = {"bool": "yes", "int": 0, "hours": -1, "tone": "cold"}
EVERY_FIELD = [(cls, a.name) for cls in GROUP_CLASSES.values() for a in attrs.fields(cls)]


def _kind(path: str) -> str:
    if path == "thank_you.response_hours":
        return "hours"
    if path == "thank_you.tone":
        return "tone"
    return "int" if path.startswith("interview.") else "bool"


class TestGroupConverters:
    @pytest.mark.parametrize(("cls", "name"), EVERY_FIELD)
    def test_a_wrong_value_is_the_problem_read_values_names(self, cls: Any, name: str) -> None:
        path = f"{cls.GROUP}.{name}"
        wrong = WRONG[_kind(path)]
        (direct,) = _problems(lambda: cls(**{name: wrong}))
        assert direct == _problems(read_values, {cls.GROUP: {name: wrong}})[0]
        assert direct.path == path

    @pytest.mark.parametrize(("cls", "name"), EVERY_FIELD)
    def test_none_is_unknown(self, cls: Any, name: str) -> None:
        assert getattr(cls(**{name: None}), name) is None

    @pytest.mark.parametrize(("group", "name", "value", "plain"), [
        (Interview, "actual_minutes", Minutes(45), 45),
        (ThankYou, "response_hours", Hours(2.5), 2.5),
        (ThankYou, "response_hours", Minutes(3), 3),
        (ThankYou, "tone", Tone("warm"), "warm")])
    def test_a_valid_value_is_stored_plain(self, group: Any, name: str, value: object,
                                           plain: object) -> None:
        stored = getattr(group(**{name: value}), name)
        assert type(stored) is type(plain)
        assert stored == plain

    def test_evolve_converts_and_checks_again(self) -> None:
        interview = Interview(actual_minutes=30)
        assert attrs.evolve(interview, actual_minutes=Minutes(40)).actual_minutes == 40
        with pytest.raises(ObservationError) as info:
            attrs.evolve(interview, actual_minutes=1441)
        assert info.value.path == "interview.actual_minutes"

    def test_groups_carry_their_group_name(self) -> None:
        classes: dict[str, Any] = GROUP_CLASSES
        assert {name: cls.GROUP for name, cls in classes.items()} == {
            name: name for name in GROUP_CLASSES}
        assert list(GROUP_CLASSES) == list(nest(dict.fromkeys(VOCABULARY, True)))


class TestObservationsPaths:
    def test_from_values_lists_every_unknown_path(self) -> None:
        assert _paths(Observations.from_values, {"tour.coffee": True, "tour": True,
                                                 5: 1}) == ["tour.coffee", "tour", "<5>"]

    def test_value_of_a_path_outside_the_vocabulary_is_an_observation_error(self) -> None:
        assert _paths(Observations().value, "tour") == ["tour"]
        assert Observations().is_known("tour") is False

    @pytest.mark.parametrize("method", ["value", "is_known"])
    def test_an_unhashable_path_is_no_foreign_error(self, method: str) -> None:
        lookup = getattr(Observations(), method)
        try:
            known = lookup(["tour", "office_tour"])
        except ObservationError:
            return
        assert known is False
