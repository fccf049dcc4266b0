"""Every rule of the default rulebook (SPEC section 5): a case where it fires, with the right
``because``, rule and source, and a close case where it does not."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from interview_signals import Assessment, Engine, Signal
from interview_signals._assessment.scoring import qualify

Obs = Mapping[str, Mapping[str, object]]

# The stable ids of SPEC section 5 and the article sign each belongs to.
SIGNAL_SIGNS = {
    "positive_body_language": 1, "disengaged_interviewer": 1, "stock_questions": 1,
    "asked_about_interest": 2,
    "asked_about_other_interviews": 2, "second_interview_on_the_spot": 3, "personal_tour": 4,
    "interview_ran_long": 5, "job_specifics_deep_dive": 6, "thank_you_response": 7,
}
QUALIFIER_TARGETS = {
    "friendly_by_nature": "positive_body_language", "single_interviewer": "interview_ran_long",
    "scheduled_on_the_spot": "second_interview_on_the_spot",
    "quick_response": "thank_you_response", "specific_references": "thank_you_response",
    "warm_tone": "thank_you_response",
    "curt_tone": "thank_you_response", "you_would_language": "job_specifics_deep_dive",
    "several_cues": "positive_body_language", "introduced_to_team": "personal_tour",
    "engaged_and_affirming": "positive_body_language",
}
ADVICE_IDS = ("send_thank_you_note", "prepare_for_next_round", "not_an_offer_yet",
              "show_you_are_serious", "short_interview_not_a_dealbreaker", "no_reply_is_not_a_no",
              "automatic_reply", "overview_is_standard", "you_would_without_a_deep_dive")

REPLY = {"note_sent": True, "response_received": True}


def _fired(result: Assessment) -> set[str]:
    return {firing.rule for firing in result.trace}


def _signal(result: Assessment, signal_id: str) -> Signal:
    signal = result.signal(signal_id)
    assert signal is not None, f"{signal_id} did not fire"
    return signal


# (signal id, observations, expected because)
SIGNAL_FIRES: list[tuple[str, Obs, tuple[str, ...]]] = [
    ("positive_body_language", {"body_language": {"engaged": True}},
     ("body_language.engaged",)),
    ("positive_body_language", {"body_language": {"nods": True}}, ("body_language.nods",)),
    ("positive_body_language", {"body_language": {"smiles": True}}, ("body_language.smiles",)),
    ("positive_body_language", {"body_language": {"verbal_agreement": True}},
     ("body_language.verbal_agreement",)),
    ("positive_body_language", {"body_language": {"engaged": True, "nods": True,
                                                  "smiles": False}},
     ("body_language.engaged", "body_language.nods")),
    # Sign 1 both ways: a recorded "not engaged" and recorded stock questions each count
    # against on their own, beside the other or not.
    ("disengaged_interviewer", {"body_language": {"engaged": False}},
     ("body_language.engaged",)),
    ("disengaged_interviewer", {"body_language": {"rote_questions": True, "engaged": False}},
     ("body_language.engaged",)),
    ("disengaged_interviewer", {"body_language": {"engaged": False, "nods": True}},
     ("body_language.engaged",)),
    ("stock_questions", {"body_language": {"rote_questions": True}},
     ("body_language.rote_questions",)),
    ("stock_questions", {"body_language": {"rote_questions": True, "engaged": True}},
     ("body_language.rote_questions",)),
    ("asked_about_interest", {"interest": {"asked_if_interested": True}},
     ("interest.asked_if_interested",)),
    ("asked_about_other_interviews", {"interest": {"asked_where_else_interviewing": True}},
     ("interest.asked_where_else_interviewing",)),
    ("second_interview_on_the_spot", {"next_steps": {"invited_to_next_round": True}},
     ("next_steps.invited_to_next_round",)),
    ("second_interview_on_the_spot", {"next_steps": {"invited_to_next_round": True,
                                                     "scheduled_on_the_spot": True}},
     ("next_steps.invited_to_next_round", "next_steps.scheduled_on_the_spot")),
    ("personal_tour", {"tour": {"office_tour": True}}, ("tour.office_tour",)),
    ("personal_tour", {"tour": {"introduced_to_people": True}}, ("tour.introduced_to_people",)),
    ("personal_tour", {"tour": {"people_called_in": True, "office_tour": False}},
     ("tour.people_called_in",)),
    ("interview_ran_long", {"interview": {"scheduled_minutes": 45, "actual_minutes": 56}},
     ("interview.actual_minutes", "interview.scheduled_minutes")),
    ("interview_ran_long", {"interview": {"scheduled_minutes": 1, "actual_minutes": 1440}},
     ("interview.actual_minutes", "interview.scheduled_minutes")),
    ("job_specifics_deep_dive", {"job_specifics": {"deep_dive": True}},
     ("job_specifics.deep_dive",)),
    ("job_specifics_deep_dive", {"job_specifics": {"deep_dive": True,
                                                   "overview_given": True}},
     ("job_specifics.deep_dive",)),
    ("thank_you_response", {"thank_you": REPLY}, ("thank_you.response_received",)),
    ("thank_you_response", {"thank_you": {"response_received": True}},
     ("thank_you.response_received",)),
    # Any detail of a reply shows that a reply came, even with response_received unknown.
    ("thank_you_response", {"thank_you": {"note_sent": True, "response_hours": 30}},
     ("thank_you.response_hours",)),
    ("thank_you_response", {"thank_you": {"response_hours": 30}},
     ("thank_you.response_hours",)),
    ("thank_you_response", {"thank_you": {"note_sent": True, "tone": "neutral"}},
     ("thank_you.tone",)),
    ("thank_you_response", {"thank_you": {"references_specifics": True}},
     ("thank_you.references_specifics",)),
    ("thank_you_response", {"thank_you": {**REPLY, "response_hours": 30, "tone": "neutral",
                                          "references_specifics": True}},
     ("thank_you.response_received", "thank_you.tone", "thank_you.response_hours",
      "thank_you.references_specifics")),
    ("thank_you_response", {"thank_you": {**REPLY, "tone": "curt"}},
     ("thank_you.response_received", "thank_you.tone")),
]

# (signal id, observations close to a firing case)
SIGNAL_MISSES: list[tuple[str, Obs]] = [
    ("positive_body_language", {"body_language": {"engaged": False, "nods": False,
                                                  "smiles": False, "verbal_agreement": False}}),
    ("positive_body_language", {"body_language": {"naturally_friendly": True}}),
    # Only what was recorded counts against: not knowing says nothing.
    ("disengaged_interviewer", {"body_language": {"rote_questions": True, "engaged": True}}),
    ("disengaged_interviewer", {"body_language": {"rote_questions": True}}),
    ("disengaged_interviewer", {"body_language": {"nods": True, "smiles": True}}),
    ("stock_questions", {"body_language": {"rote_questions": False, "engaged": False}}),
    ("stock_questions", {"body_language": {"engaged": False}}),
    ("stock_questions", {}),
    ("asked_about_interest", {"interest": {"asked_if_interested": False}}),
    ("asked_about_other_interviews", {"interest": {"asked_where_else_interviewing": False}}),
    ("second_interview_on_the_spot", {"next_steps": {"invited_to_next_round": False}}),
    ("personal_tour", {"tour": {"office_tour": False, "introduced_to_people": False,
                                "people_called_in": False}}),
    ("interview_ran_long", {"interview": {"scheduled_minutes": 45, "actual_minutes": 53}}),
    ("interview_ran_long", {"interview": {"scheduled_minutes": 45, "actual_minutes": 30}}),
    ("interview_ran_long", {"interview": {"actual_minutes": 300}}),
    ("interview_ran_long", {"interview": {"scheduled_minutes": 45}}),
    ("job_specifics_deep_dive", {"job_specifics": {"overview_given": True}}),
    ("job_specifics_deep_dive", {"job_specifics": {"deep_dive": False,
                                                   "you_would_language": False}}),
    ("job_specifics_deep_dive", {"job_specifics": {"you_would_language": True}}),
    ("job_specifics_deep_dive", {"job_specifics": {"deep_dive": False,
                                                   "you_would_language": True}}),
    ("thank_you_response", {"thank_you": {"note_sent": True, "response_received": False}}),
    ("thank_you_response", {"thank_you": {"note_sent": True}}),
    ("thank_you_response", {"thank_you": {"response_received": False}}),
    ("thank_you_response", {}),
    # An automatic acknowledgement is no reply from the interviewer, however fast.
    ("thank_you_response", {"thank_you": {**REPLY, "tone": "automatic"}}),
    ("thank_you_response", {"thank_you": {**REPLY, "response_hours": 0.5,
                                          "references_specifics": False, "tone": "automatic"}}),
    ("thank_you_response", {"thank_you": {"response_hours": 2, "tone": "automatic"}}),
    ("thank_you_response", {"thank_you": {"tone": "automatic"}}),
]


class TestSignals:
    @pytest.mark.parametrize(("signal_id", "observations", "because"), SIGNAL_FIRES)
    def test_a_signal_fires_with_its_because_rule_and_source(
            self, engine: Engine, signal_id: str, observations: Obs,
            because: tuple[str, ...]) -> None:
        signal = _signal(engine.assess(observations), signal_id)
        rule = engine.rulebook.by_id()[signal_id]
        sign = SIGNAL_SIGNS[signal_id]
        assert (signal.sign, signal.rule, signal.source.sign, signal.because) == (
            sign, signal_id, sign, because)
        assert (signal.base_strength, signal.title, signal.explanation) == (
            rule.amount, rule.title, rule.explanation)

    @pytest.mark.parametrize(("signal_id", "observations"), SIGNAL_MISSES)
    def test_a_signal_does_not_fire_on_a_close_miss(
            self, engine: Engine, signal_id: str, observations: Obs) -> None:
        result = engine.assess(observations)
        assert result.signal(signal_id) is None
        assert signal_id not in _fired(result)

    def test_every_signal_has_a_firing_case_and_a_close_miss(self) -> None:
        assert {case[0] for case in SIGNAL_FIRES} == set(SIGNAL_SIGNS)
        assert {case[0] for case in SIGNAL_MISSES} == set(SIGNAL_SIGNS)

    @pytest.mark.parametrize("thank_you", [
        {"note_sent": True, "response_received": False, "references_specifics": False},
        {"response_received": False, "references_specifics": False},
        {"note_sent": False, "references_specifics": False}])
    def test_no_specifics_is_no_reply_where_no_reply_came(
            self, engine: Engine, thank_you: dict[str, object]) -> None:
        result = engine.assess({"thank_you": thank_you})
        assert result.signal("thank_you_response") is None
        assert result.confidence == 0

    def test_running_long_is_judged_against_the_scheduled_length(self, engine: Engine) -> None:
        """Sign 5: a fifth over the slot counts (the rulebook's time_share), whatever its
        length; a few minutes over a long slot do not."""
        def ran_long(scheduled: int, actual: int) -> bool:
            result = engine.assess({"interview": {"scheduled_minutes": scheduled,
                                                  "actual_minutes": actual}})
            return result.signal("interview_ran_long") is not None

        assert [ran_long(60, a) for a in (60, 70, 71, 72, 73)] == [
            False, False, False, True, True]
        assert [ran_long(30, a) for a in (30, 35, 36, 40)] == [False, False, True, True]
        assert ran_long(120, 135) is False

    def test_disengagement_counts_against_and_positive_signs_count_for(
            self, engine: Engine) -> None:
        result = engine.assess({"body_language": {"rote_questions": True, "engaged": False,
                                                  "smiles": True}})
        assert _signal(result, "disengaged_interviewer").strength < 0
        assert _signal(result, "positive_body_language").strength > 0

    def test_each_body_language_cue_is_recorded_as_its_own_firing(self, engine: Engine) -> None:
        result = engine.assess({"body_language": {"engaged": True, "nods": True,
                                                  "smiles": True, "verbal_agreement": True}})
        firings = [f for f in result.trace if f.rule == "positive_body_language"]
        assert [f.asserted for f in firings] == [
            (("signal", "positive_body_language"),), (), (), ()]
        assert len(result.signals) == 1


# (qualifier id, observations, expected because)
QUALIFIER_FIRES: list[tuple[str, Obs, set[str]]] = [
    ("friendly_by_nature", {"body_language": {"smiles": True, "naturally_friendly": True}},
     {"body_language.naturally_friendly", "body_language.smiles"}),
    ("single_interviewer", {"interview": {"scheduled_minutes": 45, "actual_minutes": 60,
                                          "interviewer_count": 1}},
     {"interview.interviewer_count", "interview.actual_minutes",
      "interview.scheduled_minutes"}),
    ("scheduled_on_the_spot", {"next_steps": {"invited_to_next_round": True,
                                              "scheduled_on_the_spot": True}},
     {"next_steps.invited_to_next_round", "next_steps.scheduled_on_the_spot"}),
    ("quick_response", {"thank_you": {**REPLY, "response_hours": 24}},
     {"thank_you.response_hours", "thank_you.response_received"}),
    ("quick_response", {"thank_you": {**REPLY, "response_hours": 0}},
     {"thank_you.response_hours", "thank_you.response_received"}),
    ("quick_response", {"thank_you": {**REPLY, "response_hours": 24, "tone": "neutral"}},
     {"thank_you.response_hours", "thank_you.tone", "thank_you.response_received"}),
    ("quick_response", {"thank_you": {"response_hours": 24}}, {"thank_you.response_hours"}),
    ("specific_references", {"thank_you": {**REPLY, "references_specifics": True}},
     {"thank_you.references_specifics", "thank_you.response_received"}),
    ("warm_tone", {"thank_you": {**REPLY, "tone": "warm"}},
     {"thank_you.tone", "thank_you.response_received"}),
    ("curt_tone", {"thank_you": {**REPLY, "tone": "curt"}},
     {"thank_you.tone", "thank_you.response_received"}),
    ("you_would_language", {"job_specifics": {"deep_dive": True, "you_would_language": True}},
     {"job_specifics.deep_dive", "job_specifics.you_would_language"}),
    ("several_cues", {"body_language": {"nods": True, "smiles": True}},
     {"body_language.nods", "body_language.smiles"}),
    ("several_cues", {"body_language": {"engaged": True, "verbal_agreement": True}},
     {"body_language.engaged", "body_language.verbal_agreement"}),
    ("engaged_and_affirming", {"body_language": {"engaged": True, "nods": True,
                                                 "smiles": True}},
     {"body_language.engaged", "body_language.nods", "body_language.smiles"}),
    ("introduced_to_team", {"tour": {"office_tour": True, "introduced_to_people": True}},
     {"tour.office_tour", "tour.introduced_to_people"}),
]

# (qualifier id, observations where its signal stands but it must not apply)
QUALIFIER_MISSES: list[tuple[str, Obs]] = [
    ("friendly_by_nature", {"body_language": {"smiles": True, "naturally_friendly": False}}),
    ("single_interviewer", {"interview": {"scheduled_minutes": 45, "actual_minutes": 60,
                                          "interviewer_count": 2}}),
    ("scheduled_on_the_spot", {"next_steps": {"invited_to_next_round": True,
                                              "scheduled_on_the_spot": False}}),
    ("quick_response", {"thank_you": {**REPLY, "response_hours": 24.5}}),
    ("quick_response", {"thank_you": {**REPLY, "response_hours": 24.000001}}),
    ("specific_references", {"thank_you": {**REPLY, "references_specifics": False}}),
    ("warm_tone", {"thank_you": {**REPLY, "tone": "neutral"}}),
    ("curt_tone", {"thank_you": {**REPLY, "tone": "neutral"}}),
    ("you_would_language", {"job_specifics": {"deep_dive": True, "you_would_language": False}}),
    ("several_cues", {"body_language": {"smiles": True, "nods": False}}),
    ("several_cues", {"body_language": {"smiles": True, "engaged": False}}),
    # Engagement counts on top of two affirming cues (with one, it is the second cue).
    ("engaged_and_affirming", {"body_language": {"engaged": True, "nods": True,
                                                 "smiles": False, "verbal_agreement": False}}),
    ("engaged_and_affirming", {"body_language": {"nods": True, "smiles": True,
                                                 "verbal_agreement": True}}),
    ("engaged_and_affirming", {"body_language": {"nods": True, "smiles": True,
                                                 "verbal_agreement": True, "engaged": False}}),
    ("introduced_to_team", {"tour": {"office_tour": True, "introduced_to_people": False}}),
]

# (qualifier id, observations where it holds but its signal does not stand)
QUALIFIER_WITHOUT_SIGNAL: list[tuple[str, Obs]] = [
    ("friendly_by_nature", {"body_language": {"naturally_friendly": True, "smiles": False}}),
    ("single_interviewer", {"interview": {"interviewer_count": 1, "scheduled_minutes": 45,
                                          "actual_minutes": 45}}),
]

# In the default rulebook any detail of a reply establishes the reply, so a qualifier of the
# reply cannot hold without its signal there; with the signal narrowed back to
# response_received (``reply_only_engine``), each of these holds while the signal does not.
REPLY_QUALIFIER_WITHOUT_SIGNAL: list[tuple[str, Obs]] = [
    ("quick_response", {"thank_you": {"note_sent": True, "response_hours": 2}}),
    ("warm_tone", {"thank_you": {"tone": "warm"}}),
    ("curt_tone", {"thank_you": {"note_sent": True, "tone": "curt"}}),
    ("specific_references", {"thank_you": {"references_specifics": True}}),
]

REPLY_ONLY_PACK = """\
[[rule]]
overrides = "thank_you_response"
when = { all = [{ path = "thank_you.response_received", op = "==", value = true }] }
drop_tests = true
"""


@pytest.fixture(scope="module")
def reply_only_engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    """The default rulebook with ``thank_you_response`` established by a reply alone."""
    pack = tmp_path_factory.mktemp("reply_only") / "reply_only.toml"
    pack.write_text(REPLY_ONLY_PACK)
    return Engine.from_paths(pack)


class TestQualifiers:
    @pytest.mark.parametrize(("qualifier_id", "observations", "because"), QUALIFIER_FIRES)
    def test_a_qualifier_applies_to_its_signal_and_says_why(
            self, engine: Engine, qualifier_id: str, observations: Obs,
            because: set[str]) -> None:
        rule = engine.rulebook.by_id()[qualifier_id]
        signal = _signal(engine.assess(observations), QUALIFIER_TARGETS[qualifier_id])
        (applied,) = [q for q in signal.qualifiers if q.id == qualifier_id]
        assert applied.to_dict() == {
            "id": qualifier_id, "effect": rule.effect, "amount": rule.amount,
            "explanation": rule.explanation, "because": list(applied.because),
            "rule": qualifier_id, "pack": "default"}
        assert set(applied.because) == because
        assert rule.sign == signal.sign

    @pytest.mark.parametrize(("qualifier_id", "observations", "because"), QUALIFIER_FIRES)
    def test_a_boost_raises_and_a_discount_lowers_the_strength(
            self, engine: Engine, qualifier_id: str, observations: Obs,
            because: set[str]) -> None:
        """Against the same signal without this one qualifier (others may apply too)."""
        signal = _signal(engine.assess(observations), QUALIFIER_TARGETS[qualifier_id])
        (applied,) = [q for q in signal.qualifiers if q.id == qualifier_id]
        others = [q for q in signal.qualifiers if q is not applied]
        without = qualify(signal.base_strength,
                          [q.amount for q in others if q.effect == "boost"],
                          [q.amount for q in others if q.effect == "discount"])
        if applied.effect == "boost":
            assert without < signal.strength < 1
        else:
            assert 0 < signal.strength < without

    @pytest.mark.parametrize(("qualifier_id", "observations"), QUALIFIER_MISSES)
    def test_a_qualifier_does_not_apply_on_a_close_miss(
            self, engine: Engine, qualifier_id: str, observations: Obs) -> None:
        result = engine.assess(observations)
        signal = _signal(result, QUALIFIER_TARGETS[qualifier_id])
        assert qualifier_id not in [q.id for q in signal.qualifiers]
        if not signal.qualifiers:
            assert signal.strength == signal.base_strength
        assert qualifier_id not in _fired(result)

    @pytest.mark.parametrize(("qualifier_id", "observations"), QUALIFIER_WITHOUT_SIGNAL)
    def test_a_qualifier_never_fires_without_its_signal(
            self, engine: Engine, qualifier_id: str, observations: Obs) -> None:
        result = engine.assess(observations)
        assert result.signal(QUALIFIER_TARGETS[qualifier_id]) is None
        assert qualifier_id not in _fired(result)

    @pytest.mark.parametrize(("qualifier_id", "observations"), REPLY_QUALIFIER_WITHOUT_SIGNAL)
    def test_a_reply_qualifier_never_fires_without_its_signal(
            self, reply_only_engine: Engine, qualifier_id: str, observations: Obs) -> None:
        result = reply_only_engine.assess(observations)
        assert result.signal(QUALIFIER_TARGETS[qualifier_id]) is None
        assert qualifier_id not in _fired(result)
        assert result.trace == ()

    @pytest.mark.parametrize(("qualifier_id", "observations"), REPLY_QUALIFIER_WITHOUT_SIGNAL)
    def test_in_the_default_rulebook_a_reply_detail_brings_the_reply_and_its_qualifier(
            self, engine: Engine, qualifier_id: str, observations: Obs) -> None:
        (path,) = [f"thank_you.{name}" for name in observations["thank_you"]
                   if name != "note_sent"]
        signal = _signal(engine.assess(observations), "thank_you_response")
        assert signal.because == (path,)
        assert [(q.id, q.because) for q in signal.qualifiers] == [(qualifier_id, (path,))]

    @pytest.mark.parametrize("hours", [None, 0, 2, 24])
    def test_an_automatic_reply_is_no_reply_however_quick(
            self, engine: Engine, hours: float | None) -> None:
        """Sign 7: "just an automatic response" is set against a genuine reaction; it
        establishes nothing in the candidate's favour, and its speed says nothing."""
        timed = {} if hours is None else {"response_hours": hours}
        result = engine.assess({"thank_you": {**REPLY, **timed, "tone": "automatic"}})
        assert result.signals == ()
        assert result.confidence == 0
        assert {"thank_you_response", "quick_response"}.isdisjoint(_fired(result))
        assert [a.id for a in result.advice] == ["automatic_reply"]

    @pytest.mark.parametrize("tone", ["warm", "neutral", "curt"])
    def test_a_quick_reply_of_any_other_tone_is_counted_as_quick(
            self, engine: Engine, tone: str) -> None:
        signal = _signal(engine.assess({"thank_you": {**REPLY, "response_hours": 2,
                                                      "tone": tone}}),
                         "thank_you_response")
        assert "quick_response" in [q.id for q in signal.qualifiers]

    def test_every_qualifier_has_a_firing_case_and_a_close_miss(self) -> None:
        assert {case[0] for case in QUALIFIER_FIRES} == set(QUALIFIER_TARGETS)
        assert {case[0] for case in QUALIFIER_MISSES} == set(QUALIFIER_TARGETS)

    def test_friendly_by_nature_halves_what_body_language_is_worth(
            self, engine: Engine) -> None:
        friendly = _signal(engine.assess(
            {"body_language": {"smiles": True, "naturally_friendly": True}}),
            "positive_body_language")
        plain = _signal(engine.assess({"body_language": {"smiles": True}}),
                        "positive_body_language")
        discount = engine.rulebook.by_id()["friendly_by_nature"].amount
        assert friendly.base_strength == plain.strength == plain.base_strength
        assert friendly.strength == pytest.approx(plain.strength * (1 - discount))

    def test_several_qualifiers_of_one_signal_all_apply(self, engine: Engine) -> None:
        signal = _signal(engine.assess({"thank_you": {
            **REPLY, "response_hours": 3, "references_specifics": True, "tone": "warm"}}),
            "thank_you_response")
        assert [q.id for q in signal.qualifiers] == [
            "quick_response", "specific_references", "warm_tone"]
        single = [_signal(engine.assess({"thank_you": {**REPLY, **extra}}),
                          "thank_you_response").strength
                  for extra in ({"response_hours": 3}, {"references_specifics": True},
                                {"tone": "warm"})]
        assert signal.strength > max(single)

    def test_a_curt_reply_is_worth_less_than_a_neutral_or_warm_one(self, engine: Engine) -> None:
        def strength(tone: str) -> float:
            return _signal(engine.assess({"thank_you": {**REPLY, "tone": tone}}),
                           "thank_you_response").strength

        assert 0 < strength("curt") < strength("neutral") < strength("warm")


# (advice id, observations, expected because)
ADVICE_FIRES: list[tuple[str, Obs, tuple[str, ...]]] = [
    ("send_thank_you_note", {"thank_you": {"note_sent": False}}, ("thank_you.note_sent",)),
    ("send_thank_you_note", {}, ()),
    ("send_thank_you_note", {"tour": {"office_tour": True}}, ()),
    ("send_thank_you_note", {"thank_you": {"note_sent": False, "response_received": False}},
     ("thank_you.note_sent", "thank_you.response_received")),
    ("send_thank_you_note", {"thank_you": {"response_received": False}},
     ("thank_you.response_received",)),
    ("prepare_for_next_round", {"next_steps": {"invited_to_next_round": True}},
     ("next_steps.invited_to_next_round",)),
    ("prepare_for_next_round", {"next_steps": {"scheduled_on_the_spot": True}},
     ("next_steps.scheduled_on_the_spot",)),
    ("not_an_offer_yet", {"interest": {"asked_if_interested": True}},
     ("interest.asked_if_interested",)),
    ("not_an_offer_yet", {"interest": {"asked_where_else_interviewing": True}},
     ("interest.asked_where_else_interviewing",)),
    ("not_an_offer_yet", {"next_steps": {"invited_to_next_round": True}},
     ("next_steps.invited_to_next_round",)),
    ("show_you_are_serious", {"interest": {"asked_if_interested": True}},
     ("interest.asked_if_interested",)),
    ("show_you_are_serious", {"interest": {"asked_where_else_interviewing": True}},
     ("interest.asked_where_else_interviewing",)),
    ("short_interview_not_a_dealbreaker", {"interview": {"scheduled_minutes": 45,
                                                         "actual_minutes": 36}},
     ("interview.actual_minutes", "interview.scheduled_minutes")),
    ("short_interview_not_a_dealbreaker", {"interview": {"scheduled_minutes": 1440,
                                                         "actual_minutes": 1}},
     ("interview.actual_minutes", "interview.scheduled_minutes")),
    ("no_reply_is_not_a_no", {"thank_you": {"note_sent": True, "response_received": False}},
     ("thank_you.note_sent", "thank_you.response_received")),
    ("overview_is_standard", {"job_specifics": {"overview_given": True}},
     ("job_specifics.overview_given",)),
    ("overview_is_standard", {"job_specifics": {"overview_given": True, "deep_dive": False,
                                                "you_would_language": False}},
     ("job_specifics.overview_given", "job_specifics.deep_dive")),
    ("automatic_reply", {"thank_you": {**REPLY, "tone": "automatic"}},
     ("thank_you.tone",)),
    ("automatic_reply", {"thank_you": {"note_sent": True, "response_hours": 0.2,
                                       "tone": "automatic"}},
     ("thank_you.tone",)),
    ("you_would_without_a_deep_dive", {"job_specifics": {"you_would_language": True}},
     ("job_specifics.you_would_language",)),
    ("you_would_without_a_deep_dive", {"job_specifics": {"you_would_language": True,
                                                         "deep_dive": False}},
     ("job_specifics.you_would_language", "job_specifics.deep_dive")),
]

ADVICE_MISSES: list[tuple[str, Obs]] = [
    ("you_would_without_a_deep_dive", {"job_specifics": {"you_would_language": True,
                                                         "deep_dive": True}}),
    ("you_would_without_a_deep_dive", {"job_specifics": {"you_would_language": False}}),
    ("send_thank_you_note", {"thank_you": {"note_sent": True}}),
    # A recorded reply, or any detail of one, means a note was sent.
    ("send_thank_you_note", {"thank_you": {"response_received": True}}),
    ("send_thank_you_note", {"thank_you": {"response_hours": 30}}),
    ("send_thank_you_note", {"thank_you": {"tone": "automatic"}}),
    ("send_thank_you_note", {"thank_you": {"references_specifics": True}}),
    ("prepare_for_next_round", {"next_steps": {"invited_to_next_round": False}}),
    ("prepare_for_next_round", {"interest": {"asked_if_interested": True}}),
    ("not_an_offer_yet", {"interest": {"asked_if_interested": False,
                                       "asked_where_else_interviewing": False},
                          "next_steps": {"invited_to_next_round": False}}),
    ("not_an_offer_yet", {"tour": {"office_tour": True}}),
    ("short_interview_not_a_dealbreaker", {"interview": {"scheduled_minutes": 45,
                                                         "actual_minutes": 45}}),
    ("short_interview_not_a_dealbreaker", {"interview": {"scheduled_minutes": 45,
                                                         "actual_minutes": 37}}),
    ("show_you_are_serious", {"next_steps": {"invited_to_next_round": True}}),
    ("short_interview_not_a_dealbreaker", {"interview": {"scheduled_minutes": 45,
                                                         "actual_minutes": 44}}),
    ("short_interview_not_a_dealbreaker", {"interview": {"actual_minutes": 5}}),
    ("no_reply_is_not_a_no", {"thank_you": {"note_sent": True}}),
    ("no_reply_is_not_a_no", {"thank_you": {"note_sent": True, "response_received": True}}),
    ("no_reply_is_not_a_no", {"thank_you": {"note_sent": False, "response_received": False}}),
    ("no_reply_is_not_a_no", {"thank_you": {"response_received": False}}),
    ("automatic_reply", {"thank_you": {**REPLY, "tone": "neutral"}}),
    ("automatic_reply", {"thank_you": {**REPLY}}),
    ("overview_is_standard", {"job_specifics": {"overview_given": True, "deep_dive": True}}),
    ("overview_is_standard", {"job_specifics": {"overview_given": False}}),
]


class TestAdvice:
    @pytest.mark.parametrize(("advice_id", "observations", "because"), ADVICE_FIRES)
    def test_advice_is_given_with_its_rule_and_observations(
            self, engine: Engine, advice_id: str, observations: Obs,
            because: tuple[str, ...]) -> None:
        book = engine.rulebook.by_id()
        rule = book[advice_id]
        standing = [s.id for s in engine.assess(observations).signals if s.stands]
        raised_by = {"not_an_offer_yet": standing[0]} if standing else {}
        # Advice raised by a signal cites that signal's sign (sign 2 for interest).
        cited = book["asked_about_interest"] if advice_id == "not_an_offer_yet" and \
            "interest" in observations else rule
        (advice,) = [a for a in engine.assess(observations).advice if a.id == advice_id]
        # {signals} names the one signal that raised it here.
        text = rule.explanation.replace("{signals}", book[raised_by[advice_id]].title) \
            if advice_id in raised_by else rule.explanation
        assert advice.to_dict() == {
            "id": advice_id, "sign": cited.sign, "text": text,
            "because": list(because), "rule": advice_id,
            "source": {"sign": cited.source_sign, "title": cited.source_title},
            "pack": "default"}

    @pytest.mark.parametrize(("advice_id", "observations"), ADVICE_MISSES)
    def test_advice_is_not_given_on_a_close_miss(
            self, engine: Engine, advice_id: str, observations: Obs) -> None:
        result = engine.assess(observations)
        assert advice_id not in {a.id for a in result.advice}
        assert advice_id not in _fired(result)

    def test_every_advice_has_a_firing_case_and_a_close_miss(self) -> None:
        assert {case[0] for case in ADVICE_FIRES} == set(ADVICE_IDS)
        assert {case[0] for case in ADVICE_MISSES} == set(ADVICE_IDS)

    def test_advice_on_an_unknown_note_records_the_unknown_in_the_trace(
            self, engine: Engine) -> None:
        (firing,) = [f.to_dict() for f in engine.assess({}).trace
                     if f.rule == "send_thank_you_note"]
        assert firing["matched"] == [
            {"kind": "observation", "path": path, "value": "unknown"}
            for path in ("thank_you.note_sent", "thank_you.response_received",
                         "thank_you.response_hours", "thank_you.tone",
                         "thank_you.references_specifics")]
        assert firing["asserted"] == [{"kind": "advice", "id": "send_thank_you_note"}]

    @pytest.mark.parametrize("reply", [
        {"response_received": True}, {"response_hours": 30}, {"tone": "curt"},
        {"references_specifics": True}, {"response_received": True, "tone": "automatic"}])
    def test_no_note_is_advised_once_a_reply_or_a_detail_of_one_is_recorded(
            self, engine: Engine, reply: dict[str, object]) -> None:
        for note in ({}, {"note_sent": True}):
            result = engine.assess({"thank_you": {**note, **reply}})
            assert "send_thank_you_note" not in {a.id for a in result.advice}, (note, reply)
            assert "send_thank_you_note" not in _fired(result), (note, reply)

    def test_ending_early_is_judged_by_the_same_share_as_running_long(
            self, engine: Engine) -> None:
        def advised(actual: int) -> bool:
            result = engine.assess({"interview": {"scheduled_minutes": 60,
                                                  "actual_minutes": actual}})
            return "short_interview_not_a_dealbreaker" in {a.id for a in result.advice}

        assert [advised(a) for a in (1, 47, 48, 49, 59, 60)] == [
            True, True, True, False, False, False]

    def test_a_note_not_sent_is_advised_whatever_no_specifics_says(
            self, engine: Engine) -> None:
        result = engine.assess({"thank_you": {"note_sent": False,
                                              "references_specifics": False}})
        assert "send_thank_you_note" in {a.id for a in result.advice}

    def test_advice_never_changes_the_confidence(self, engine: Engine) -> None:
        with_advice = engine.assess({"tour": {"office_tour": True},
                                     "job_specifics": {"overview_given": True},
                                     "thank_you": {"note_sent": False}})
        without = engine.assess({"tour": {"office_tour": True},
                                 "thank_you": {"note_sent": True}})
        assert {a.id for a in with_advice.advice} == {"overview_is_standard",
                                                      "send_thank_you_note"}
        assert without.advice == ()
        assert with_advice.confidence == without.confidence


def test_the_cases_cover_every_rule_of_the_default_rulebook(engine: Engine) -> None:
    kinds = {r.id: r.kind for r in engine.rulebook.rules}
    assert kinds == {**dict.fromkeys(SIGNAL_SIGNS, "signal"),
                     **dict.fromkeys(QUALIFIER_TARGETS, "qualifier"),
                     **dict.fromkeys(ADVICE_IDS, "advice")}


class TestTinyReplyTimes:
    @pytest.mark.parametrize("hours", [1e-05, 5e-324, 1e-300, 0.1 + 0.2])
    def test_tiny_reply_times_reach_the_engine_and_count_as_quick(
            self, engine: Engine, hours: float) -> None:
        result = engine.assess({"thank_you": {**REPLY, "response_hours": hours}})
        signal = _signal(result, "thank_you_response")
        assert [q.id for q in signal.qualifiers] == ["quick_response"]
        assert result.observations["thank_you"]["response_hours"] == hours
        (firing,) = [f for f in result.trace if f.rule == "quick_response"]
        # The tone is matched too: unknown, so not "automatic".
        assert firing.matched_observations == (("thank_you.response_hours", hours),
                                               ("thank_you.tone", None))


