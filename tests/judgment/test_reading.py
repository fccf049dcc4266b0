"""What a nervous candidate reads, judged as a reader would (issue 21): the strength in words
and never a number, an automatic reply named for what it is, each thing said once, caveats
that fit what was recorded, advice that names only what happened, and no question about a
reply while the advice says to send a note. Scenarios are the tests' own; texts are checked
for what they say (negation-aware, ``tests.wording``), never as exact sentences."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from interview_signals import Assessment, Engine
from interview_signals._rulebook import frame_texts
from tests.strategies import Flat, nest, observation_values
from tests.wording import phrases, said_parts, says

EN = frame_texts()
"""The English texts of the vocabulary and the frame."""

STRENGTH_HEADING = "How strongly the signs point your way"
CONFIDENCE_NOTE = EN("assessment.strength_note")
MISSING_HEADING = EN("assessment.missing")

NOTE = {"note_sent": True}
REPLY = {"note_sent": True, "response_received": True}
REPLY_QUESTIONS = [EN.question(f"thank_you.{name}") for name in
                   ("response_received", "response_hours", "tone", "references_specifics")]


def _heading_section(text: str, heading: str) -> str:
    """The lines under ``heading`` in a candidate text, up to the next blank line."""
    if heading not in text:
        return ""
    return text.split(heading, 1)[1].split("\n\n", 1)[0]


# --- The strength in words, never a number -------------------------------------------------

# Scenarios a nervous candidate brings, and whether anything points their way.
SCENARIOS: dict[str, tuple[dict[str, dict[str, object]], bool]] = {
    "one smile": ({"body_language": {"smiles": True}}, True),
    "a note, no reply, the usual overview": (
        {"thank_you": {**NOTE, "response_received": False},
         "job_specifics": {"overview_given": True}}, False),
    "an automatic reply": ({"thank_you": {**REPLY, "tone": "automatic",
                                          "response_hours": 0.1}}, False),
    "invited back": ({"next_steps": {"invited_to_next_round": True}}, True),
    "nothing recorded": ({}, False),
    "stock questions only": ({"body_language": {"rote_questions": True}}, False),
    "a friendly smile beside stock questions": (
        {"body_language": {"smiles": True, "naturally_friendly": True,
                           "rote_questions": False}}, True),
}


@pytest.mark.parametrize(("observations", "in_favour"), SCENARIOS.values(), ids=SCENARIOS)
def test_each_scenario_says_how_strongly_in_words_or_not_at_all(
        engine: Engine, observations: dict[str, dict[str, object]], in_favour: bool) -> None:
    result = engine.assess(observations)
    text = result.render("text")
    assert "out of 100" not in text
    assert "%" not in text
    assert (result.band is not None) == in_favour
    if in_favour:
        assert result.band is not None
        assert f"{STRENGTH_HEADING}: {result.band.words}" in text
    else:
        # A strength of nothing would read as a failing grade: the summary says it instead.
        assert STRENGTH_HEADING not in text
        assert says(result.summary, "nothing you recorded points clearly in your favour") \
            or result.summary == engine.rulebook.nothing_known


def test_the_bands_rise_with_the_evidence(engine: Engine) -> None:
    smile = engine.assess({"body_language": {"smiles": True}})
    invited = engine.assess({"next_steps": {"invited_to_next_round": True}})
    everything = engine.assess({"next_steps": {"invited_to_next_round": True,
                                               "scheduled_on_the_spot": True},
                                "interest": {"asked_if_interested": True}})
    order = [b.id for b in engine.rulebook.bands]
    bands = [r.band for r in (smile, invited, everything)]
    assert all(b is not None for b in bands)
    ranks = [order.index(b.id) for b in bands if b is not None]
    assert ranks == sorted(ranks, reverse=True)
    assert len(set(ranks)) == 3


def test_the_number_stays_in_the_detail_view_and_the_json(engine: Engine) -> None:
    result = engine.assess({"next_steps": {"invited_to_next_round": True}})
    assert result.band is not None
    assert f"confidence {result.confidence:.4f}" in result.render("text", detail=True)
    data = result.to_dict()
    assert data["confidence"] == result.confidence
    assert data["band"] == {"id": result.band.id, "words": result.band.words}
    assert Assessment.from_dict(data).render("text") == result.render("text")


def test_a_coach_renames_a_band_in_the_rulebook(tmp_path: Path) -> None:
    pack = tmp_path / "bands.toml"
    pack.write_text('[[band]]\noverrides = "a_little"\nwords = "somewhat"\n')
    renamed = Engine.from_paths(pack).assess({"body_language": {"smiles": True}})
    assert renamed.band is not None
    assert (renamed.band.id, renamed.band.words) == ("a_little", "somewhat")
    assert f"{STRENGTH_HEADING}: somewhat." in renamed.render("text")


# --- An automatic reply is named for what it is ---------------------------------------------

@given(extra=st.fixed_dictionaries({}, optional={
    "response_received": st.just(True), "response_hours": st.floats(0, 8760),
    "references_specifics": st.just(False)}))
@example(extra={"response_received": True, "response_hours": 0.05})
def test_an_automatic_reply_is_never_listed_in_the_candidate_s_favour(
        engine: Engine, extra: dict[str, object]) -> None:
    result = engine.assess({"thank_you": {**NOTE, **extra, "tone": "automatic"}})
    text = result.render("text")
    assert not any(s.stands for s in result.signals)
    assert "What points your way" not in text
    assert not says(text, "wrote back")
    named = [a.text for a in result.advice if says(a.text, "automatic")]
    assert len(named) == 1
    assert says(named[0], "tells you little")


@pytest.mark.parametrize(("details", "qualifiers"), [
    ({"tone": "neutral", "response_hours": 2}, {"quick_response"}),
    ({"tone": "warm", "references_specifics": True}, {"warm_tone", "specific_references"}),
    ({"tone": "curt", "response_hours": 200}, {"curt_tone"}),
    ({"references_specifics": True}, {"specific_references"}),
])
def test_the_other_parts_of_a_reply_keep_their_meaning(
        engine: Engine, details: dict[str, object], qualifiers: set[str]) -> None:
    result = engine.assess({"thank_you": {**REPLY, **details}})
    reply = result.signal("thank_you_response")
    assert reply is not None
    assert reply.stands
    assert {q.id for q in reply.qualifiers} == qualifiers
    assert "automatic_reply" not in {a.id for a in result.advice}


# --- Each thing said once -------------------------------------------------------------------

@given(values=observation_values())
@example(values={"next_steps.invited_to_next_round": True})
@example(values={"interest.asked_if_interested": True,
                 "next_steps.invited_to_next_round": True,
                 "thank_you.note_sent": True, "thank_you.response_received": False,
                 "job_specifics.overview_given": True,
                 "job_specifics.you_would_language": True})
def test_no_two_parts_of_a_reading_say_the_same_thing(engine: Engine, values: Flat) -> None:
    """The summary, each advice, and each explanation share no run of five words (the names
    of signals aside, which the summary and an advice may both give)."""
    result = engine.assess(nest(values))
    titles = [r.title for r in engine.rulebook.of_kind("signal")]
    parts = said_parts(result)
    for (a, text_a), (b, text_b) in itertools.combinations(parts.items(), 2):
        shared = phrases(text_a, titles) & phrases(text_b, titles)
        assert not shared, (a, b, shared)


def test_no_two_texts_of_the_rulebook_share_five_words_running(engine: Engine) -> None:
    """Every sentence the candidate can read, whether or not two of them can show together:
    each says its own thing in its own words (signal names aside)."""
    book = engine.rulebook
    titles = [r.title for r in book.of_kind("signal")]
    texts = {f"rule {r.id}": r.explanation for r in book.rules}
    texts |= {f"verdict {v.id}": v.summary for v in book.verdicts}
    texts |= {"against": book.against, "nothing known": book.nothing_known,
              "strength note": CONFIDENCE_NOTE}
    texts = {k: t.replace("{signals}", " | ") for k, t in texts.items()}
    for (a, text_a), (b, text_b) in itertools.combinations(texts.items(), 2):
        shared = phrases(text_a, titles) & phrases(text_b, titles)
        assert not shared, (a, b, shared)


def test_invited_back_says_not_an_offer_and_prepare_once_each(engine: Engine) -> None:
    result = engine.assess({"next_steps": {"invited_to_next_round": True}})
    text = result.render("text")
    said = list(said_parts(result).values())
    assert sum(says(t, "not an offer") for t in said) == 1
    assert sum(says(t, "prepare") for t in said) == 1
    assert text.lower().count("offer") == 2  # that one, and what the strength is not


# --- Caveats that fit what was recorded -----------------------------------------------------

@given(values=observation_values())
@example(values={"body_language.smiles": True})
@example(values={"next_steps.invited_to_next_round": True})
def test_caveats_fit_what_was_recorded(engine: Engine, values: Flat) -> None:
    """Preparing is said only with a next round to prepare for; nothing the article does not
    say (keeping other options open) is said at all."""
    result = engine.assess(nest(values))
    text = result.render("text")
    next_round = result.signal("second_interview_on_the_spot") is not None
    assert says(text, "prepare") == next_round
    assert not says(text, "options open")
    assert not says(text, "keep preparing")


# --- Advice names only what happened --------------------------------------------------------

@given(values=observation_values())
@example(values={"interest.asked_if_interested": True})
@example(values={"next_steps.invited_to_next_round": True})
@example(values={"interest.asked_where_else_interviewing": True,
                 "next_steps.invited_to_next_round": False})
def test_advice_names_only_what_happened(engine: Engine, values: Flat) -> None:
    result = engine.assess(nest(values))
    standing = {s.id for s in result.signals}
    for advice in result.advice:
        for signal in engine.rulebook.of_kind("signal"):
            if says(advice.text, signal.title):
                assert signal.id in standing, (advice.id, signal.id)
        if says(advice.text, "invited back") or says(advice.text, "next round"):
            assert "second_interview_on_the_spot" in standing, advice.id


def test_not_an_offer_names_each_reason_that_happened(engine: Engine) -> None:
    book = engine.rulebook.by_id()
    reasons = {"interest": ("asked_about_interest", {"asked_if_interested": True}),
               "elsewhere": ("asked_about_other_interviews",
                             {"asked_where_else_interviewing": True})}
    for chosen in ([], ["interest"], ["elsewhere"], ["interest", "elsewhere"]):
        interest = {k: v for name in chosen for k, v in reasons[name][1].items()}
        for invited in (False, True):
            observations = {"interest": interest,
                            "next_steps": {"invited_to_next_round": invited}}
            result = engine.assess(observations)
            advice = [a for a in result.advice if a.id == "not_an_offer_yet"]
            happened = {reasons[name][0] for name in chosen}
            if invited:
                happened.add("second_interview_on_the_spot")
            if not happened:
                assert advice == []
                continue
            (text,) = [a.text for a in advice]
            for signal_id in ("asked_about_interest", "asked_about_other_interviews",
                              "second_interview_on_the_spot"):
                assert says(text, book[signal_id].title) == (signal_id in happened), (
                    observations, text)


@pytest.mark.parametrize("deep_dive", [None, False])
def test_you_would_without_a_deep_dive_says_why_it_adds_nothing(
        engine: Engine, deep_dive: bool | None) -> None:
    specifics: dict[str, object] = {"you_would_language": True}
    if deep_dive is not None:
        specifics["deep_dive"] = deep_dive
    result = engine.assess({"job_specifics": specifics})
    assert result.confidence == 0
    (advice,) = [a for a in result.advice if says(a.text, "yours to do")]
    assert says(advice.text, "adds nothing")
    assert says(advice.text, "in detail")  # what would make it count
    assert not says(result.render("text"), "encouraging")


# --- Not recorded yet: no reply asked about while a note is to be sent ------------------------

@given(values=observation_values())
@example(values={})
@example(values={"thank_you.note_sent": False})
@example(values={"tour.office_tour": True})
def test_no_question_about_a_reply_while_the_advice_says_to_send_a_note(
        engine: Engine, values: Flat) -> None:
    result = engine.assess(nest(values))
    text = result.render("text")
    asked = _heading_section(text, MISSING_HEADING)
    if any(says(a.text, "send a short one") or says(a.text, "send a thank-you note")
           for a in result.advice):
        assert not any(q in asked for q in REPLY_QUESTIONS), asked


def test_with_nothing_recorded_the_note_is_asked_about_before_any_reply(
        engine: Engine) -> None:
    text = engine.assess({}).render("text")
    asked = _heading_section(text, MISSING_HEADING)
    assert EN.question("thank_you.note_sent") in asked
    assert not any(q in asked for q in REPLY_QUESTIONS)


def test_once_a_note_is_sent_the_reply_is_asked_about_before_its_details(
        engine: Engine) -> None:
    asked = _heading_section(engine.assess({"thank_you": NOTE}).render("text"),
                             MISSING_HEADING)
    assert REPLY_QUESTIONS[0] in asked
    assert not any(q in asked for q in REPLY_QUESTIONS[1:])
    replied = _heading_section(engine.assess({"thank_you": REPLY}).render("text"),
                               MISSING_HEADING)
    assert EN.question("thank_you.note_sent") not in replied
