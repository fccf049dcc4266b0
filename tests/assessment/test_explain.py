"""``_assessment.explain``: the observations behind each conclusion, the missing evidence with its
questions and the summary (the three-valued reading of a test on what is known is
``tests/rulebook/test_semantics.py``'s)."""

from __future__ import annotations

import pytest

from interview_signals import Engine
from interview_signals._assessment.explain import _excluding
from interview_signals._rulebook import frame_texts
from interview_signals._rulebook.model import Test
from tests.judgment.test_default_rules import SIGNAL_SIGNS

EN = frame_texts()
"""The English texts of the vocabulary and the frame."""


class TestMissing:
    def test_nothing_known_lists_every_positive_signal_with_all_its_fields(
            self, engine: Engine) -> None:
        missing = {m.signal: m.fields for m in engine.assess({}).missing}
        book = engine.rulebook.by_id()
        positive = [s for s, _ in SIGNAL_SIGNS.items() if book[s].amount > 0]
        # The reply, whose fields are only tested as known, is checked on its own below.
        assert set(missing) == set(positive)
        assert {s: f for s, f in missing.items() if s != "thank_you_response"} == {
            s: book[s].paths for s in positive if s != "thank_you_response"}

    def test_nothing_known_asks_for_every_field_that_would_show_a_reply(
            self, engine: Engine) -> None:
        missing = {m.signal: m.fields for m in engine.assess({}).missing}
        assert missing["thank_you_response"] == (
            "thank_you.response_received", "thank_you.response_hours", "thank_you.tone",
            "thank_you.references_specifics")

    @pytest.mark.parametrize("detail", [{"response_hours": 30}, {"tone": "neutral"},
                                        {"references_specifics": True}])
    def test_a_reply_shown_by_a_detail_is_not_missing(
            self, engine: Engine, detail: dict[str, object]) -> None:
        result = engine.assess({"thank_you": detail})
        assert "thank_you_response" not in {m.signal for m in result.missing}

    def test_missing_entries_carry_their_sign_and_come_in_sign_order(
            self, engine: Engine) -> None:
        missing = engine.assess({}).missing
        assert [(m.signal, m.sign) for m in missing] == [
            (s, SIGNAL_SIGNS[s]) for s in SIGNAL_SIGNS
            if s not in ("disengaged_interviewer", "stock_questions")]

    def test_a_signal_that_stands_is_not_missing(self, engine: Engine) -> None:
        result = engine.assess({"tour": {"office_tour": True}})
        assert "personal_tour" not in {m.signal for m in result.missing}

    def test_evidence_against_is_never_asked_for(self, engine: Engine) -> None:
        missing = {m.signal for m in engine.assess({}).missing}
        assert {"disengaged_interviewer", "stock_questions"}.isdisjoint(missing)

    def test_an_automatic_reply_leaves_no_question_it_rules_out(self, engine: Engine) -> None:
        """A reply that refers to what you discussed is never automatic: with the tone known
        as automatic, asking whether it refers to your conversation could change nothing."""
        result = engine.assess({"thank_you": {"note_sent": True, "response_received": True,
                                              "tone": "automatic"}})
        assert "thank_you_response" not in {m.signal for m in result.missing}

    def test_a_field_ruled_out_is_omitted_and_the_others_stay(self, engine: Engine) -> None:
        result = engine.assess({"body_language": {"engaged": False}})
        missing = {m.signal: m.fields for m in result.missing}
        assert missing["positive_body_language"] == (
            "body_language.nods", "body_language.smiles", "body_language.verbal_agreement")

    def test_a_signal_with_every_branch_ruled_out_is_not_missing(self, engine: Engine) -> None:
        result = engine.assess({
            "body_language": {"engaged": False, "nods": False, "smiles": False,
                              "verbal_agreement": False},
            "interview": {"scheduled_minutes": 45, "actual_minutes": 50},
            "tour": {"office_tour": False, "introduced_to_people": False,
                     "people_called_in": False},
            "thank_you": {"note_sent": True, "response_received": False}})
        assert {m.signal for m in result.missing} == {
            "asked_about_interest", "asked_about_other_interviews",
            "second_interview_on_the_spot", "job_specifics_deep_dive"}

    def test_only_the_unknown_side_of_a_comparison_is_missing(self, engine: Engine) -> None:
        result = engine.assess({"interview": {"scheduled_minutes": 45}})
        missing = {m.signal: m.fields for m in result.missing}
        assert missing["interview_ran_long"] == ("interview.actual_minutes",)

    def test_no_reply_field_is_asked_for_when_no_note_was_sent(self, engine: Engine) -> None:
        result = engine.assess({"thank_you": {"note_sent": False}})
        assert "thank_you_response" not in {m.signal for m in result.missing}

    def test_on_the_spot_scheduling_is_not_asked_for_without_an_invitation(
            self, engine: Engine) -> None:
        result = engine.assess({"next_steps": {"invited_to_next_round": False}})
        assert "second_interview_on_the_spot" not in {m.signal for m in result.missing}

    def test_ran_long_is_not_asked_for_when_no_value_could_settle_it(
            self, engine: Engine) -> None:
        result = engine.assess({"interview": {"actual_minutes": 1}})
        assert "interview_ran_long" not in {m.signal for m in result.missing}

    def test_every_missing_field_comes_with_its_question(self, engine: Engine) -> None:
        for missing in engine.assess({}).missing:
            assert missing.questions == tuple(EN.question(f) for f in missing.fields)


@pytest.mark.parametrize(("test", "values", "state"), [
    (Test(path="thank_you.references_specifics", op="==", value=True),
     {"thank_you.tone": "automatic"}, False),
    (Test(path="thank_you.tone", op="==", value="automatic"),
     {"thank_you.references_specifics": True}, False),
    (Test(path="thank_you.tone", op="==", value="warm"),
     {"thank_you.references_specifics": True}, None),
    (Test(path="thank_you.references_specifics", op="==", value=True), {}, None),
    (Test(path="thank_you.references_specifics", op="==", value=True),
     {"thank_you.references_specifics": True, "thank_you.tone": "warm"}, True),
])
def test_a_value_another_answer_rules_out_is_not_missing(
        test: Test, values: dict[str, object], state: bool | None) -> None:
    """Missing evidence reads a test as ``state_of`` does, and also as ruled out while a
    known answer excludes the value it needs (an automatic reply never refers to your
    conversation)."""
    assert _excluding(test)(values) is state  # type: ignore[arg-type]


@pytest.mark.parametrize(("titles", "text"), [
    ([], ""), (["a"], "a"), (["a", "b"], "a and b"), (["a", "b", "c"], "a, b and c")])
def test_titles_are_joined_as_a_sentence(titles: list[str], text: str) -> None:
    assert EN.join(titles) == text
