"""The article's meaning, sign by sign, pinned as relations between assessments (not today's
numbers), and the verdict rule of SPEC section 5, for every pack of ``conftest.RULE_PACKS``
where it applies. Each test names the sign of the article it reads."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping

from hypothesis import example, given
from hypothesis import strategies as st

from interview_signals import Assessment, Engine
from interview_signals._assessment.render import answer_text
from interview_signals._rulebook import frame_texts
from tests.strategies import Flat, nest, observation_values
from tests.wording import says

EN = frame_texts()
"""The English texts of the vocabulary and the frame."""

NEXT_ROUND = {"next_steps": {"invited_to_next_round": True}}


def _strength(result: Assessment, signal: str) -> float:
    found = result.signal(signal)
    return 0.0 if found is None else found.strength


def _rank(engine: Engine, verdict: str) -> int:
    """0 for the top verdict; higher is lower."""
    return [v.id for v in engine.rulebook.verdicts].index(verdict)


# --- Sign 6: the deep dive, and "you would" language that qualifies it ----------------------

def test_you_would_language_without_a_deep_dive_ranks_below_a_deep_dive(engine: Engine) -> None:
    alone = engine.assess({"job_specifics": {"you_would_language": True}})
    dive = engine.assess({"job_specifics": {"deep_dive": True}})
    both = engine.assess({"job_specifics": {"deep_dive": True, "you_would_language": True}})
    assert alone.signal("job_specifics_deep_dive") is None
    assert alone.confidence < dive.confidence < both.confidence


def test_a_deep_dive_recorded_as_not_given_is_never_described(engine: Engine) -> None:
    result = engine.assess({"job_specifics": {"deep_dive": False, "you_would_language": True,
                                              "overview_given": True}})
    text = result.render("text")
    assert "deep dive" not in text.lower().replace("deep dive into the work", "")
    assert "beyond the usual overview" not in text


@given(values=observation_values())
def test_an_answer_given_as_false_is_never_described_as_having_happened(
        engine: Engine, values: Flat) -> None:
    """SPEC section 5: what the candidate records as false never appears as having
    happened: no signal in the candidate's favour stands on a false answer alone (one
    against may: "not engaged" is the answer it names), and the candidate text never lists
    a false answer as 'yes'."""
    result = engine.assess(nest(values))
    text = result.render("text")
    for path, value in values.items():
        if value is False:
            assert f"{EN.label(path).lower()}: yes" not in text
    for signal in result.signals:
        known = [p for p in signal.because if p in values]
        if signal.stands:
            assert not known or any(values[p] is not False for p in known), signal


# --- Sign 5: longer than the allotted time, judged against the slot -------------------------

def test_a_third_over_a_thirty_minute_slot_raises_confidence_over_on_time(
        engine: Engine) -> None:
    on_time = engine.assess({"interview": {"scheduled_minutes": 30, "actual_minutes": 30}})
    over = engine.assess({"interview": {"scheduled_minutes": 30, "actual_minutes": 40}})
    assert over.confidence > on_time.confidence
    assert over.signal("interview_ran_long") is not None


@given(scheduled=st.integers(1, 1200), share=st.floats(0, 0.19))
def test_running_long_depends_on_the_share_of_the_slot_not_on_minutes(
        engine: Engine, scheduled: int, share: float) -> None:
    """The same share over the slot counts alike whatever the slot's length."""
    actual = min(1440, int(scheduled * (1 + share)))
    short_of_threshold = engine.assess(
        {"interview": {"scheduled_minutes": scheduled, "actual_minutes": actual}})
    assert short_of_threshold.signal("interview_ran_long") is None


def test_one_threshold_serves_running_long_and_ending_early(engine: Engine) -> None:
    (share,) = {str(t.param) for r in engine.rulebook.rules for b in r.branches for t in b
                if t.other is not None}
    assert share in engine.rulebook.params
    long_rule = engine.rulebook.by_id()["interview_ran_long"].branches[0][0]
    short_rule = engine.rulebook.by_id()["short_interview_not_a_dealbreaker"].branches[0][0]
    assert math.isclose(long_rule.scale - 1, engine.rulebook.params[share])
    assert math.isclose(1 - short_rule.scale, engine.rulebook.params[share])


def test_a_long_talk_with_one_interviewer_means_more(engine: Engine) -> None:
    long = {"scheduled_minutes": 30, "actual_minutes": 45}
    panel = engine.assess({"interview": {**long, "interviewer_count": 3}})
    single = engine.assess({"interview": {**long, "interviewer_count": 1}})
    assert _strength(single, "interview_ran_long") > _strength(panel, "interview_ran_long")


# --- Sign 7: tone is everything ---------------------------------------------------------------

REPLY = {"note_sent": True, "response_received": True}


def test_a_warm_tone_weighs_at_least_as_much_as_specific_references(engine: Engine) -> None:
    warm = engine.assess({"thank_you": {**REPLY, "tone": "warm"}})
    specific = engine.assess({"thank_you": {**REPLY, "references_specifics": True}})
    assert _strength(warm, "thank_you_response") >= _strength(specific, "thank_you_response")


def test_an_automatic_reply_alone_is_not_encouraging(engine: Engine) -> None:
    result = engine.assess({"thank_you": {**REPLY, "tone": "automatic"}})
    assert result.verdict == engine.rulebook.verdicts[-1].id
    assert "encouraging" not in result.render("text").lower()


def test_an_automatic_or_curt_reply_is_never_called_a_good_impression(engine: Engine) -> None:
    for tone in ("automatic", "curt"):
        text = engine.assess({"thank_you": {**REPLY, "tone": tone}}).render("text").lower()
        assert "impression" not in text, tone
        assert "went down well" not in text, tone


# --- Sign 1: a lot of positive affirmation, the lightest sign --------------------------------

CUES = ("engaged", "nods", "smiles", "verbal_agreement")


def test_several_cues_count_for_more_than_one_smile(engine: Engine) -> None:
    smile = engine.assess({"body_language": {"smiles": True}})
    many = engine.assess({"body_language": dict.fromkeys(CUES, True)})
    assert many.confidence > smile.confidence


def test_body_language_stays_the_lightest_sign(engine: Engine) -> None:
    all_cues = engine.assess({"body_language": dict.fromkeys(CUES, True)})
    others = [r.amount for r in engine.rulebook.of_kind("signal")
              if r.amount > 0 and r.sign != 1]
    assert 0 < _strength(all_cues, "positive_body_language") < min(others)


def test_a_naturally_friendly_interviewer_still_discounts_the_cues(engine: Engine) -> None:
    cues = dict.fromkeys(CUES, True)
    plain = engine.assess({"body_language": cues})
    friendly = engine.assess({"body_language": {**cues, "naturally_friendly": True}})
    assert friendly.confidence < plain.confidence


@given(values=observation_values())
@example(values={"next_steps.invited_to_next_round": True,
                 "body_language.rote_questions": True, "body_language.engaged": False})
def test_a_next_round_keeps_the_top_verdict_beside_a_scripted_interviewer(
        engine: Engine, values: Flat) -> None:
    """Stock questions and an interviewer who did not seem engaged weigh mildly against, but
    never take the clearest sign's verdict away (sign 1 and sign 3)."""
    values = {**values, "next_steps.invited_to_next_round": True,
              "body_language.rote_questions": True, "body_language.engaged": False}
    assert engine.assess(nest(values)).verdict == engine.rulebook.verdicts[0].id


AGAINST = {"body_language.engaged": False, "body_language.rote_questions": True}
"""Sign 1's two answers that count against: not engaged, and "just asking rote questions"."""


def test_stock_questions_alone_weigh_against(engine: Engine) -> None:
    """A recorded "mostly stock questions" is evidence the article names, not absence."""
    result = engine.assess({"body_language": {"rote_questions": True}})
    assert [s.strength < 0 for s in result.signals] == [True]
    assert result.summary != engine.assess({}).summary


def test_stock_questions_lower_a_reading_they_sit_beside(engine: Engine) -> None:
    interest = {"interest": {"asked_if_interested": True}}
    plain = engine.assess(interest)
    scripted = engine.assess({**interest, "body_language": {"rote_questions": True}})
    assert 0 < scripted.confidence < plain.confidence


@given(values=observation_values())
@example(values={"interest.asked_if_interested": True})
@example(values={"body_language.nods": True, "body_language.smiles": True,
                 "body_language.verbal_agreement": True})
def test_each_answer_against_weighs_alone_and_both_together_weigh_more(
        engine: Engine, values: Flat) -> None:
    """Sign 1 in both directions: "not engaged" and "stock questions" each lower a reading
    on their own, and the two together lower it more than either (lightly: it may be the
    interviewer's style, so never below what both at full weight could do)."""
    base = {p: v for p, v in values.items() if p not in AGAINST}
    start = engine.assess(nest(base)).confidence
    alone = {p: engine.assess(nest({**base, p: v})).confidence for p, v in AGAINST.items()}
    both = engine.assess(nest({**base, **AGAINST})).confidence
    for path, confidence in alone.items():
        assert confidence <= start, path
        if start > 0:
            assert confidence < start, path
        assert both <= confidence, path
        if confidence > 0:
            assert both < confidence, path


@given(cues=st.sets(st.sampled_from(["nods", "smiles", "verbal_agreement"]), min_size=1),
       friendly=st.sampled_from([None, True, False]))
def test_engagement_adds_to_the_other_cues_and_its_absence_takes_away(
        engine: Engine, cues: set[str], friendly: bool | None) -> None:
    """An engaged interviewer counts for more than not knowing, and not knowing for more
    than an interviewer who did not seem engaged, whatever other cues there were."""
    group: dict[str, object] = dict.fromkeys(cues, True)
    if friendly is not None:
        group["naturally_friendly"] = friendly

    def confidence(engaged: bool | None) -> float:
        answers = group if engaged is None else {**group, "engaged": engaged}
        return engine.assess({"body_language": answers}).confidence

    assert confidence(True) > confidence(None) > confidence(False)


def test_the_summary_allows_that_what_weighs_against_may_be_style(engine: Engine) -> None:
    """Sign 1 is not foolproof: what counts against is said to weigh little, maybe only
    the interviewer's manner, once in the summary and nowhere else again."""
    for answers in ({"engaged": False}, {"rote_questions": True}, AGAINST_NESTED):
        result = engine.assess({"body_language": answers})
        texts = [result.summary, *(s.explanation for s in result.signals)]
        assert sum("style" in t for t in texts) == 1, answers
        assert says(result.summary, "a little against"), answers


AGAINST_NESTED = {"engaged": False, "rote_questions": True}


# --- Sign 4: a tour that introduces you --------------------------------------------------------

def test_being_introduced_counts_for_more_than_being_shown_the_space(engine: Engine) -> None:
    space = engine.assess({"tour": {"office_tour": True}})
    for who in ("introduced_to_people", "people_called_in"):
        met = engine.assess({"tour": {who: True}})
        assert met.confidence > space.confidence, who


# --- Verdicts say what the numbers say ---------------------------------------------------------

@given(a=observation_values(), b=observation_values())
def test_a_higher_confidence_never_gets_a_lower_verdict_but_for_the_stated_exception(
        pack_engine: Engine, a: Flat, b: Flat) -> None:
    """SPEC section 5, stated in verdicts.toml: verdicts follow the confidence, except that
    a verdict's ``or_signals`` (a next-round invitation) lifts a reading on its own."""
    first, second = pack_engine.assess(nest(a)), pack_engine.assess(nest(b))
    if first.confidence < second.confidence:
        first, second = second, first
    exceptions = {s for v in pack_engine.rulebook.verdicts for s in v.or_signals}
    if any(s.id in exceptions and s.stands for s in second.signals):
        return
    assert _rank(pack_engine, first.verdict) <= _rank(pack_engine, second.verdict)


@given(values=observation_values())
def test_no_verdict_calls_a_net_zero_reading_encouraging(
        pack_engine: Engine, values: Flat) -> None:
    result = pack_engine.assess(nest(values))
    if result.confidence == 0:
        assert result.verdict == pack_engine.rulebook.verdicts[-1].id or any(
            s.stands and s.id in v.or_signals for v in pack_engine.rulebook.verdicts
            for s in result.signals)
        summary = result.summary.lower()
        assert not re.search(r"\b(encouraging|promising|in your favour)\b",
                             summary.replace("points clearly in your favour yet", ""))


def test_a_few_strong_signs_beat_more_lighter_ones(engine: Engine) -> None:
    strong = engine.assess({"interest": {"asked_if_interested": True},
                            "tour": {"introduced_to_people": True},
                            "job_specifics": {"deep_dive": True, "you_would_language": True}})
    light = engine.assess({"body_language": {"smiles": True},
                           "interest": {"asked_where_else_interviewing": True},
                           "interview": {"scheduled_minutes": 30, "actual_minutes": 40,
                                         "interviewer_count": 3},
                           "thank_you": {**REPLY, "tone": "neutral"}})
    assert strong.confidence > light.confidence
    assert _rank(engine, strong.verdict) <= _rank(engine, light.verdict)


# --- Advice keeps the article's hedges and cites the right sign -------------------------------

def test_the_short_interview_advice_keeps_the_hedge(engine: Engine) -> None:
    result = engine.assess({"interview": {"scheduled_minutes": 60, "actual_minutes": 30}})
    (advice,) = [a for a in result.advice if a.id == "short_interview_not_a_dealbreaker"]
    assert "does not count against you on its own" in advice.text
    assert "not evidence" not in advice.text


def test_not_an_offer_cites_the_sign_that_raised_it(engine: Engine) -> None:
    def cited(observations: Mapping[str, Mapping[str, object]]) -> int:
        (advice,) = [a for a in engine.assess(observations).advice if a.id == "not_an_offer_yet"]
        return advice.source.sign

    assert cited({"interest": {"asked_if_interested": True}}) == 2
    assert cited(NEXT_ROUND) == 3
    texts = " ".join(r.explanation for r in engine.rulebook.rules).lower()
    assert "in writing" not in texts


def test_being_asked_about_interest_brings_the_advice_to_say_so_plainly(
        engine: Engine) -> None:
    result = engine.assess({"interest": {"asked_where_else_interviewing": True}})
    (advice,) = [a for a in result.advice if a.id == "show_you_are_serious"]
    assert advice.source.sign == 2


# --- The confidence never reads as the odds of an offer ---------------------------------------

@given(values=observation_values())
def test_every_rendering_says_once_that_the_strength_is_not_the_chance_of_an_offer(
        engine: Engine, values: Flat) -> None:
    result = engine.assess(nest(values))
    for fmt in ("text", "markdown"):
        text = result.render(fmt)
        # With nothing in the candidate's favour no strength is shown: nothing needs the note.
        assert text.count("not the chance of an offer") == (0 if result.band is None else 1)
        assert "%" not in text
        assert not re.search(r"\b(probability|odds|likelihood)\b", text.lower())


def test_answers_read_in_words(engine: Engine) -> None:
    assert answer_text("tour.office_tour", True, EN) == "yes"
    assert answer_text("thank_you.tone", "automatic", EN) == "like an automatic acknowledgement"
    assert answer_text("interview.actual_minutes", 70, EN) == "70 minutes"
