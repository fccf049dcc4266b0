"""_api: ``assess``, the one-call function that delegates to the default engine or the one
given."""

from __future__ import annotations

import pytest

import interview_signals
from interview_signals import (
    Engine,
    InterviewSignalsError,
    ObservationError,
    Observations,
    assess,
)
from interview_signals._api import assess as api_assess

EXAMPLE = {"tour": {"office_tour": True},
           "thank_you": {"note_sent": True, "response_received": True}}
"""The example of ``assess``'s docstring."""

PANEL = {"interview": {"scheduled_minutes": 45, "actual_minutes": 75, "interviewer_count": 4},
         "body_language": {"engaged": True, "nods": True},
         "thank_you": {"note_sent": True, "response_received": True, "response_hours": 36}}
"""An interview the coach's pack reads differently (examples/03_custom_rule_pack.py)."""


def test_the_package_assess_is_this_one() -> None:
    assert interview_signals.assess is api_assess


def test_the_docstring_example_assesses_and_renders(engine: Engine) -> None:
    result = assess(EXAMPLE)
    assert result.verdict in [v.id for v in engine.rulebook.verdicts]
    text = result.render("text")
    assert f"How your interview reads: {result.verdict_title}" in text


def test_without_an_engine_the_default_engine_assesses(engine: Engine) -> None:
    for document in (EXAMPLE, PANEL, {}):
        assert assess(document).to_dict() == engine.assess(document).to_dict()


def test_observations_and_their_json_give_one_assessment() -> None:
    assert assess(Observations.from_dict(PANEL)) == assess(PANEL)


def test_the_engine_given_is_the_one_used(engine: Engine, coach_pack_engine: Engine) -> None:
    with_pack = assess(PANEL, engine=coach_pack_engine)
    assert with_pack.to_dict() == coach_pack_engine.assess(PANEL).to_dict()
    assert with_pack.to_dict() != engine.assess(PANEL).to_dict()


def test_a_closed_engine_given_is_not_replaced_by_the_default() -> None:
    closed = Engine.from_paths()
    closed.close()
    with pytest.raises(InterviewSignalsError):
        assess(EXAMPLE, engine=closed)


@pytest.mark.parametrize(("document", "path"), [
    ({"tour": {"office_tour": "yes"}}, "tour.office_tour"),
    ({"next_steps": {"invited_to_next_round": False, "scheduled_on_the_spot": True}},
     "next_steps.scheduled_on_the_spot"),
    ({"weather": {"sunny": True}}, "weather"),
])
def test_bad_observations_raise_observation_error_naming_the_field(
        document: dict[str, object], path: str) -> None:
    with pytest.raises(ObservationError) as info:
        assess(document)
    assert info.value.path == path
