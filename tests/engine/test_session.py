"""``Session``: one interview over days; observations in any form, corrections, forgetting,
rejected batches that change nothing, saving and restoring, closing."""

from __future__ import annotations

import json
from typing import Any

import pytest

from interview_signals import (
    Engine,
    Interview,
    InterviewSignalsError,
    NextSteps,
    ObservationError,
    Observations,
    Session,
    ThankYou,
    Tour,
)

FIRST_DAY = {"interview": {"scheduled_minutes": 45, "actual_minutes": 70,
                           "interviewer_count": 1},
             "tour": {"office_tour": True}, "thank_you": {"note_sent": True}}
DAYS_LATER = {"thank_you": {"response_received": True, "response_hours": 30, "tone": "warm"}}
EVERYTHING = {"interview": FIRST_DAY["interview"], "tour": FIRST_DAY["tour"],
              "thank_you": {"note_sent": True, **DAYS_LATER["thank_you"]}}


@pytest.fixture
def session(engine: Engine) -> Session:
    return engine.session()


class TestObserve:
    def test_a_new_session_knows_nothing(self, session: Session) -> None:
        assert session.observations == Observations()

    def test_mappings_accumulate_across_batches(self, session: Session) -> None:
        session.observe(FIRST_DAY)
        session.observe(DAYS_LATER)
        assert session.observations.to_dict() == EVERYTHING

    def test_an_observations_object_is_accepted(self, session: Session) -> None:
        session.observe(Observations.from_dict(FIRST_DAY))
        assert session.observations.to_dict() == FIRST_DAY

    def test_group_objects_are_accepted(self, session: Session) -> None:
        session.observe(ThankYou(note_sent=True))
        session.observe(Tour(office_tour=True))
        session.observe(Interview(scheduled_minutes=45, actual_minutes=70, interviewer_count=1))
        assert session.observations.to_dict() == FIRST_DAY

    def test_a_list_of_groups_and_mappings_is_one_batch(self, session: Session) -> None:
        session.observe([ThankYou(note_sent=True), {"tour": {"office_tour": True}},
                         Interview(scheduled_minutes=45, actual_minutes=70,
                                   interviewer_count=1)])
        assert session.observations.to_dict() == FIRST_DAY

    def test_a_list_with_one_bad_item_is_rejected_whole(self, session: Session) -> None:
        with pytest.raises(ObservationError) as info:
            session.observe([Tour(office_tour=True), {"thank_you": {"tone": "loud"}}])
        assert info.value.path == "thank_you.tone"
        assert session.observations == Observations()

    def test_a_list_whose_items_contradict_each_other_is_rejected_whole(
            self, session: Session) -> None:
        with pytest.raises(ObservationError):
            session.observe([NextSteps(invited_to_next_round=False),
                             NextSteps(scheduled_on_the_spot=True), Tour(office_tour=True)])
        assert session.observations == Observations()

    def test_unknown_fields_of_a_group_object_keep_what_the_session_knows(
            self, session: Session) -> None:
        session.observe({"thank_you": {"note_sent": True, "response_received": True}})
        session.observe(ThankYou(tone="warm"))
        assert session.observations.to_dict() == {
            "thank_you": {"note_sent": True, "response_received": True, "tone": "warm"}}

    def test_a_correction_overrides_the_earlier_value(self, session: Session) -> None:
        session.observe({"tour": {"office_tour": True}, "interest": {"asked_if_interested": True}})
        session.observe({"tour": {"office_tour": False}})
        assert session.observations.to_dict() == {
            "interest": {"asked_if_interested": True}, "tour": {"office_tour": False}}
        assert session.assessment().signal("personal_tour") is None

    def test_the_session_assessment_equals_a_one_shot_assessment(
            self, engine: Engine, session: Session) -> None:
        session.observe(FIRST_DAY)
        session.observe(DAYS_LATER)
        assert session.assessment().to_dict() == engine.assess(EVERYTHING).to_dict()

    def test_the_order_of_batches_does_not_change_the_assessment(
            self, engine: Engine) -> None:
        one, two = engine.session(), engine.session()
        one.observe(FIRST_DAY)
        one.observe(DAYS_LATER)
        two.observe(DAYS_LATER)
        two.observe(FIRST_DAY)
        assert one.assessment().to_dict() == two.assessment().to_dict()

    def test_an_assessment_can_be_asked_for_at_any_time(self, session: Session) -> None:
        assert session.assessment().verdict == "inconclusive"
        session.observe({"next_steps": {"invited_to_next_round": True}})
        first = session.assessment()
        session.observe({"next_steps": {"scheduled_on_the_spot": True}})
        second = session.assessment()
        assert first.confidence < second.confidence
        assert first.signal("second_interview_on_the_spot") is not None
        assert (first.verdict, second.verdict) == ("strong", "strong")


class TestRejectedBatches:
    @pytest.mark.parametrize("batch", [
        {"tour": {"introduced_to_people": True, "office_tour": "yes"}},
        {"tour": {"introduced_to_people": True}, "mood": {"happy": True}},
        {"tour": {"introduced_to_people": True, "coffee": True}},
        {"interview": {"actual_minutes": 1441}},
        {"thank_you": {"response_hours": float("nan")}},
        ["tour"],
        {"next_steps": {"invited_to_next_round": False, "scheduled_on_the_spot": True}},
    ])
    def test_a_bad_batch_is_rejected_whole_and_leaves_the_session_unchanged(
            self, session: Session, batch: Any) -> None:
        session.observe(FIRST_DAY)
        before = session.observations
        with pytest.raises(ObservationError):
            session.observe(batch)
        assert session.observations == before
        assert session.observations.to_dict() == FIRST_DAY

    def test_a_batch_contradicting_what_the_session_holds_is_rejected(
            self, session: Session) -> None:
        session.observe({"thank_you": {"note_sent": False}})
        with pytest.raises(ObservationError) as info:
            session.observe({"thank_you": {"response_received": True, "tone": "warm"}})
        assert "thank_you.note_sent" in str(info.value)
        assert session.observations.to_dict() == {"thank_you": {"note_sent": False}}

    def test_a_batch_excluded_by_what_the_session_holds_is_rejected(
            self, session: Session) -> None:
        session.observe({"thank_you": {"note_sent": True, "tone": "automatic"}})
        with pytest.raises(ObservationError) as info:
            session.observe(ThankYou(references_specifics=True, response_hours=1))
        assert info.value.path == "thank_you.references_specifics"
        assert "thank_you.tone" in str(info.value)
        assert session.observations.to_dict() == {
            "thank_you": {"note_sent": True, "tone": "automatic"}}
        session.observe({"thank_you": {"references_specifics": True, "tone": "neutral"}})
        assert session.observations.to_dict() == {
            "thank_you": {"note_sent": True, "references_specifics": True, "tone": "neutral"}}

    def test_a_correction_that_contradicts_held_values_is_rejected(
            self, session: Session) -> None:
        session.observe({"next_steps": {"invited_to_next_round": True,
                                        "scheduled_on_the_spot": True}})
        with pytest.raises(ObservationError) as info:
            session.observe(NextSteps(invited_to_next_round=False))
        # The field of the new batch is named, with the earlier observation it contradicts.
        assert info.value.path == "next_steps.invited_to_next_round"
        assert "contradicts the earlier observation next_steps.scheduled_on_the_spot" in \
            str(info.value)
        assert session.observations.to_dict() == {
            "next_steps": {"invited_to_next_round": True, "scheduled_on_the_spot": True}}

    def test_a_contradiction_can_be_resolved_by_forgetting_first(
            self, session: Session) -> None:
        session.observe({"thank_you": {"note_sent": True, "response_received": True}})
        session.forget("thank_you.response_received")
        session.observe({"thank_you": {"note_sent": False}})
        assert session.observations.to_dict() == {"thank_you": {"note_sent": False}}


class TestForget:
    def test_forgetting_a_path_makes_it_unknown_again(self, session: Session) -> None:
        session.observe(FIRST_DAY)
        session.forget("tour.office_tour")
        assert not session.observations.is_known("tour.office_tour")
        assert session.observations.to_dict() == {
            "interview": FIRST_DAY["interview"], "thank_you": FIRST_DAY["thank_you"]}
        assert session.assessment().signal("personal_tour") is None

    def test_forgetting_a_group_makes_all_its_fields_unknown(self, session: Session) -> None:
        session.observe(FIRST_DAY)
        session.forget("interview")
        assert session.observations.to_dict() == {
            "tour": FIRST_DAY["tour"], "thank_you": FIRST_DAY["thank_you"]}

    def test_forgetting_an_unknown_field_changes_nothing(self, session: Session) -> None:
        session.observe(FIRST_DAY)
        session.forget("interest.asked_if_interested")
        assert session.observations.to_dict() == FIRST_DAY

    @pytest.mark.parametrize("path", ["tour.coffee", "mood", "", "tour.", "tour.office_tour.x"])
    def test_forgetting_a_path_outside_the_vocabulary_is_rejected(
            self, session: Session, path: str) -> None:
        session.observe(FIRST_DAY)
        with pytest.raises(ObservationError) as info:
            session.forget(path)
        assert info.value.path == path
        assert session.observations.to_dict() == FIRST_DAY


class TestSaveAndRestore:
    def test_a_restored_session_gives_the_same_assessment(self, engine: Engine) -> None:
        session = engine.session()
        session.observe(FIRST_DAY)
        saved = json.loads(json.dumps(session.to_dict()))
        restored = engine.session(saved)
        assert restored.observations == session.observations
        assert restored.assessment().to_dict() == session.assessment().to_dict()

    def test_a_restored_session_takes_later_observations(self, engine: Engine) -> None:
        session = engine.session()
        session.observe(FIRST_DAY)
        restored = engine.session(session.to_dict())
        restored.observe(DAYS_LATER)
        assert restored.assessment().to_dict() == engine.assess(EVERYTHING).to_dict()

    def test_the_saved_form_names_its_format_and_version(self, session: Session) -> None:
        session.observe({"tour": {"office_tour": True}})
        assert session.to_dict() == {"format": "interview-signals/session", "version": 1,
                                     "observations": {"tour": {"office_tour": True}},
                                     "skipped": []}

    def test_an_empty_session_round_trips(self, engine: Engine) -> None:
        assert engine.session(engine.session().to_dict()).observations == Observations()

    @pytest.mark.parametrize(("change", "path"), [
        ({"format": "something-else"}, "session.format"),
        ({"format": None}, "session.format"),
        ({"version": 2}, "session.version"),
        ({"version": "1"}, "session.version"),
        ({"extra": 1}, "session"),
        ({"observations": []}, "session.observations"),
        ({"observations": {"tour": {"office_tour": 1}}}, "tour.office_tour"),
        ({"observations": {"mood": {}}}, "mood"),
        ({"observations": {"thank_you": {"note_sent": False, "response_received": True}}},
         "thank_you.response_received"),
        ({"skipped": "thank_you.tone"}, "session.skipped"),
        ({"skipped": ["thank_you"]}, "session.skipped[0]"),
        ({"skipped": ["thank_you.tone", "thank_you.tone"]}, "session.skipped[1]"),
        ({"skipped": ["tour.office_tour"], "observations": {"tour": {"office_tour": True}}},
         "session.skipped[0]"),
    ])
    def test_a_corrupted_saved_session_is_rejected_naming_the_path(
            self, engine: Engine, change: dict[str, object], path: str) -> None:
        saved = {**engine.session().to_dict(), **change}
        with pytest.raises(ObservationError) as info:
            engine.session(saved)
        assert info.value.path == path

    def test_every_problem_of_a_saved_session_is_named_at_once(self, engine: Engine) -> None:
        saved = {"format": "interview-signals/sessions", "version": 2, "extra": True,
                 "observations": {"tour": {"office_tour": True, "coffee": 1}},
                 "skipped": ["tour.office_tour", 7, "thank_you.tone", "thank_you.tone"]}
        with pytest.raises(ObservationError) as info:
            engine.session(saved)
        assert [str(p) for p in info.value.problems] == [
            'session.format: expected "interview-signals/session", got the string '
            '"interview-signals/sessions"',
            "session.version: expected 1, got 2",
            "session: expected only format, version, observations and skipped, got unknown "
            'key "extra"',
            "tour.coffee: unknown field; tour has office_tour, introduced_to_people, "
            "people_called_in",
            "session.skipped[1]: expected a field path such as thank_you.response_received, "
            "got 7",
            "session.skipped[3]: expected each field once, got thank_you.tone again"]

    @pytest.mark.parametrize("missing", ["format", "version", "observations"])
    def test_a_saved_session_without_format_or_version_is_rejected(
            self, engine: Engine, missing: str) -> None:
        saved = engine.session().to_dict()
        del saved[missing]
        with pytest.raises(ObservationError) as info:
            engine.session(saved)
        assert info.value.path == f"session.{missing}"

    def test_something_that_is_not_a_saved_session_is_rejected(self, engine: Engine) -> None:
        not_saved: Any = ["interview-signals/session", 1, {}]
        with pytest.raises(ObservationError) as info:
            engine.session(not_saved)
        assert info.value.path == "session"

    def test_a_version_of_true_is_rejected(self, engine: Engine) -> None:
        saved = {**engine.session().to_dict(), "version": True}
        with pytest.raises(ObservationError) as info:
            engine.session(saved)
        assert info.value.path == "session.version"


class TestSkipped:
    """The fields answered "I don't know": held, saved and restored by the session."""

    def test_a_skipped_field_is_not_asked_and_is_saved(self, session: Session) -> None:
        first = session.consult().next_question
        assert first is not None
        session.skip(first.path)
        assert session.skipped == (first.path,)
        assert first.path not in {q.path for q in session.consult().questions}
        assert session.to_dict()["skipped"] == [first.path]

    def test_skipping_forgets_a_value_and_answering_unskips(self, session: Session) -> None:
        session.observe(FIRST_DAY)
        session.skip("tour.office_tour")
        assert "tour.office_tour" not in session.observations.values()
        session.observe({"tour": {"office_tour": True}})
        assert session.skipped == ()

    def test_forgetting_a_value_leaves_a_skip_alone(self, session: Session) -> None:
        session.skip("thank_you.tone")
        session.observe({"thank_you": {"tone": None}})
        session.forget("thank_you")
        assert session.skipped == ("thank_you.tone",)

    def test_unskip_makes_a_field_one_to_ask_again(self, session: Session) -> None:
        session.skip("thank_you.tone")
        session.unskip("thank_you.tone")
        session.unskip("thank_you.tone")  # not skipped: nothing changes
        assert session.skipped == ()

    def test_skipped_fields_are_listed_in_vocabulary_order(self, session: Session) -> None:
        for path in ("thank_you.tone", "interview.actual_minutes", "tour.office_tour"):
            session.skip(path)
        assert session.skipped == ("interview.actual_minutes", "tour.office_tour",
                                   "thank_you.tone")

    @pytest.mark.parametrize("path", ["tour", "nope", "tour.office", 3, None])
    def test_only_a_field_can_be_skipped(self, session: Session, path: Any) -> None:
        with pytest.raises(ObservationError) as info:
            session.skip(path)
        assert info.value.expected == "a group.field path of the vocabulary"
        with pytest.raises(ObservationError):
            session.unskip(path)
        assert session.skipped == ()

    def test_skips_survive_saving_and_restoring(self, engine: Engine) -> None:
        session = engine.session()
        session.observe(FIRST_DAY)
        session.skip("thank_you.response_received")
        restored = engine.session(json.loads(json.dumps(session.to_dict())))
        assert restored.skipped == ("thank_you.response_received",)
        assert restored.to_dict() == session.to_dict()
        assert restored.consult().to_dict() == session.consult().to_dict()

    def test_a_file_saved_without_skipped_restores_with_none(self, engine: Engine) -> None:
        saved = {"format": "interview-signals/session", "version": 1,
                 "observations": FIRST_DAY}
        assert engine.session(saved).skipped == ()

    def test_a_closed_session_refuses_to_skip(self, session: Session) -> None:
        session.close()
        with pytest.raises(InterviewSignalsError, match="closed"):
            session.skip("tour.office_tour")
        with pytest.raises(InterviewSignalsError, match="closed"):
            session.unskip("tour.office_tour")


class TestClosing:
    @pytest.mark.parametrize(("method", "args"), [
        ("observe", ({"tour": {"office_tour": True}},)), ("forget", ("tour",)),
        ("assessment", ())])
    def test_a_closed_session_refuses_every_call(
            self, session: Session, method: str, args: tuple[object, ...]) -> None:
        session.observe(FIRST_DAY)
        session.close()
        with pytest.raises(InterviewSignalsError, match="closed"):
            getattr(session, method)(*args)
        assert session.observations.to_dict() == FIRST_DAY

    def test_a_closed_session_can_still_be_saved(self, engine: Engine,
                                                 session: Session) -> None:
        session.observe(FIRST_DAY)
        session.close()
        assert engine.session(session.to_dict()).observations.to_dict() == FIRST_DAY

    def test_closing_twice_is_harmless(self, session: Session) -> None:
        session.close()
        session.close()
        with pytest.raises(InterviewSignalsError):
            session.assessment()

    def test_the_context_manager_yields_the_session_and_closes_it(
            self, engine: Engine) -> None:
        with engine.session() as session:
            session.observe(FIRST_DAY)
            assert session.assessment().signal("personal_tour") is not None
        with pytest.raises(InterviewSignalsError, match="closed"):
            session.assessment()

    def test_the_context_manager_closes_on_an_error_and_lets_it_through(
            self, engine: Engine) -> None:
        with pytest.raises(ObservationError), engine.session() as session:
            session.observe({"tour": {"office_tour": 1}})
        with pytest.raises(InterviewSignalsError, match="closed"):
            session.observe({})
