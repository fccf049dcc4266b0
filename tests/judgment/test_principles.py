"""The judgment principles of SPEC section 5, one property test each, for every rule pack of
``conftest.RULE_PACKS``. The arrival-order principle lives in ``test_arrival_order.py``."""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from interview_signals import Assessment, Engine
from interview_signals._assessment.render import Format
from interview_signals._assessment.scoring import qualify
from tests.strategies import Flat, PositiveChange, nest, observation_values, positive_changes

STRENGTH_HEADING = "How strongly the signs point your way"
THANK_YOU_REPLY = ("thank_you.response_received", "thank_you.response_hours",
                   "thank_you.references_specifics", "thank_you.tone")
JOB_SPECIFICS = ("job_specifics.overview_given", "job_specifics.deep_dive",
                 "job_specifics.you_would_language")
LENGTHS = ("interview.scheduled_minutes", "interview.actual_minutes")


def _without(values: Flat, *paths: str) -> Flat:
    return {p: v for p, v in values.items() if p not in paths}


def confidence(engine: Engine, values: Flat) -> float:
    return engine.assess(nest(values)).confidence


def assert_not_lower(engine: Engine, known: Flat, *unknowns: Flat) -> None:
    """``known`` is never judged worse than any of the ``unknowns`` it could be mistaken for."""
    ours = confidence(engine, known)
    for unknown in unknowns:
        assert ours >= confidence(engine, unknown), (known, unknown)


# --- Absence is not evidence against ------------------------------------------------------


@st.composite
def short_interviews(draw: st.DrawFn) -> Flat:
    """Any observations, with an interview that ended before its allotted time."""
    values = draw(observation_values())
    scheduled = draw(st.integers(2, 1440))
    values["interview.scheduled_minutes"] = scheduled
    values["interview.actual_minutes"] = draw(st.integers(1, scheduled - 1))
    return values


@given(values=short_interviews())
@example(values={"interview.scheduled_minutes": 60, "interview.actual_minutes": 20})
def test_a_short_interview_never_lowers_confidence_compared_with_not_knowing(
        pack_engine: Engine, values: Flat) -> None:
    """Absence is not evidence against: an interview that ended early is judged no worse
    than one whose length, or whose allotted time, is unknown."""
    assert_not_lower(pack_engine, values, _without(values, *LENGTHS),
                     _without(values, "interview.actual_minutes"),
                     _without(values, "interview.scheduled_minutes"))


@st.composite
def unanswered_notes(draw: st.DrawFn) -> Flat:
    """Any observations, with a thank-you note sent and no reply to it."""
    values = _without(draw(observation_values()), *THANK_YOU_REPLY)
    values["thank_you.note_sent"] = True
    values["thank_you.response_received"] = False
    if draw(st.booleans()):
        values["thank_you.references_specifics"] = False
    return values


@given(values=unanswered_notes())
@example(values={"thank_you.note_sent": True, "thank_you.response_received": False})
def test_no_reply_to_a_note_never_lowers_confidence_compared_with_not_knowing(
        pack_engine: Engine, values: Flat) -> None:
    """Absence is not evidence against: a note that got no reply is judged no worse than
    one whose reply is unknown, or than knowing nothing about a note."""
    assert_not_lower(pack_engine, values, _without(values, *THANK_YOU_REPLY),
                     _without(values, "thank_you.note_sent", *THANK_YOU_REPLY))


@st.composite
def overviews_only(draw: st.DrawFn) -> Flat:
    """Any observations, where only the usual overview of the job was given."""
    values = _without(draw(observation_values()), *JOB_SPECIFICS)
    values["job_specifics.overview_given"] = True
    for path in JOB_SPECIFICS[1:]:
        if draw(st.booleans()):
            values[path] = False
    return values


@given(values=overviews_only())
@example(values={"job_specifics.overview_given": True, "job_specifics.deep_dive": False,
                 "job_specifics.you_would_language": False})
def test_only_the_usual_overview_never_lowers_confidence_compared_with_not_knowing(
        pack_engine: Engine, values: Flat) -> None:
    """Absence is not evidence against: hearing only the standard overview of the job is
    judged no worse than knowing nothing about what was said of the job."""
    assert_not_lower(pack_engine, values, _without(values, *JOB_SPECIFICS),
                     _without(values, *JOB_SPECIFICS[1:]))


# --- A discount never raises, a boost never lowers ----------------------------------------


@given(values=observation_values())
@example(values={"thank_you.note_sent": True, "thank_you.response_received": True,
                 "thank_you.response_hours": 2, "thank_you.references_specifics": True,
                 "thank_you.tone": "curt"})
@example(values={"thank_you.note_sent": True, "thank_you.response_hours": 2,
                 "thank_you.references_specifics": False, "thank_you.tone": "automatic"})
@example(values={"body_language.nods": True, "body_language.naturally_friendly": True})
def test_no_qualifier_of_an_assessed_signal_moves_it_the_wrong_way(
        pack_engine: Engine, values: Flat) -> None:
    """A discount never raises and a boost never lowers a signal's strength: each applied
    qualifier, taken away, would move the strength the other way (or not at all), and no
    qualifier turns evidence for into evidence against."""
    for signal in pack_engine.assess(nest(values)).signals:
        base, strength = signal.base_strength, signal.strength
        assert math.copysign(1, strength) == math.copysign(1, base), signal
        assert 0 < abs(strength) <= 1, signal
        effects = {q.effect for q in signal.qualifiers}
        if "discount" not in effects:
            assert abs(strength) >= abs(base), signal
        if "boost" not in effects:
            assert abs(strength) <= abs(base), signal
        for q in signal.qualifiers:
            others = [o for o in signal.qualifiers if o is not q]
            without = qualify(base, [o.amount for o in others if o.effect == "boost"],
                              [o.amount for o in others if o.effect == "discount"])
            if q.effect == "boost":
                assert abs(strength) >= abs(without), (signal, q.id)
            else:
                assert abs(strength) <= abs(without), (signal, q.id)


# Amounts a person writes in a rulebook: down to a millionth (tinier ones: see below).
_fractions = st.floats(1e-6, 1, exclude_max=True)
_bases = st.builds(math.copysign, st.floats(1e-6, 1), st.sampled_from([1.0, -1.0]))


@given(base=_bases, boosts=st.lists(_fractions, max_size=4),
       discounts=st.lists(_fractions, max_size=4), extra=_fractions)
@example(base=0.3, boosts=[], discounts=[], extra=0.5)
@example(base=-0.15, boosts=[0.2], discounts=[0.7], extra=0.999)
# Stepping boost by boost, [0.25, 0.9999999999999998] rounded 1 ulp below the big one alone.
@example(base=0.37057703014049875, boosts=[0.9999999999999998], discounts=[], extra=0.25)
def test_one_more_boost_never_lowers_and_one_more_discount_never_raises_a_strength(
        base: float, boosts: list[float], discounts: list[float], extra: float) -> None:
    """A discount never raises and a boost never lowers a signal's strength (as evidence,
    whichever way it points), and neither changes the way it points."""
    before = qualify(base, boosts, discounts)
    boosted = qualify(base, [*boosts, extra], discounts)
    discounted = qualify(base, boosts, [*discounts, extra])
    assert abs(boosted) >= abs(before)
    assert abs(discounted) <= abs(before)
    for result in (before, boosted, discounted):
        assert math.copysign(1, result) == math.copysign(1, base)
        assert abs(result) <= 1


@pytest.mark.parametrize(("base", "boost"), [(0.1, 1e-17), (-0.1, 1e-17), (5e-324, 5e-324),
                                             (1e-20, 1e-20)])
def test_a_tiny_boost_never_lowers_a_strength(base: float, boost: float) -> None:
    """A boost never lowers a signal's strength, even one far below the float precision."""
    assert abs(qualify(base, [boost], [])) >= abs(base)


# --- Adding a positive observation never lowers the confidence ----------------------------


@given(change=positive_changes())
@example(change=PositiveChange(
    {"body_language.rote_questions": True, "body_language.engaged": False},
    {"body_language.rote_questions": True, "body_language.engaged": True},
    "body_language.engaged = True"))
@example(change=PositiveChange(
    {"body_language.rote_questions": True, "interest.asked_if_interested": True},
    {"body_language.rote_questions": False, "interest.asked_if_interested": True},
    "body_language.rote_questions = False"))
@example(change=PositiveChange(
    {"body_language.nods": True, "body_language.smiles": True,
     "body_language.verbal_agreement": True},
    {"body_language.engaged": True, "body_language.nods": True, "body_language.smiles": True,
     "body_language.verbal_agreement": True}, "body_language.engaged = True"))
@example(change=PositiveChange(
    {"thank_you.note_sent": True, "thank_you.response_received": True,
     "thank_you.tone": "automatic"},
    {"thank_you.note_sent": True, "thank_you.response_received": True,
     "thank_you.tone": "warm"}, "thank_you.tone = 'warm'"))
@example(change=PositiveChange(
    {"thank_you.note_sent": False, "next_steps.invited_to_next_round": False},
    {"thank_you.note_sent": True, "thank_you.response_received": True,
     "next_steps.invited_to_next_round": False}, "thank_you.response_received = True"))
@example(change=PositiveChange(
    {"thank_you.response_hours": 2, "thank_you.tone": "automatic"},
    {"thank_you.response_hours": 2, "thank_you.references_specifics": True,
     "thank_you.tone": "neutral"}, "thank_you.references_specifics = True"))
@example(change=PositiveChange(
    {"thank_you.note_sent": True}, {"thank_you.note_sent": True, "thank_you.tone": "warm"},
    "thank_you.tone = 'warm'"))
def test_adding_a_positive_observation_never_lowers_the_confidence(
        pack_engine: Engine, change: PositiveChange) -> None:
    """Adding a positive observation never lowers the overall confidence, nor the verdict."""
    before = pack_engine.assess(nest(change.before))
    after = pack_engine.assess(nest(change.after))
    assert after.confidence >= before.confidence, change
    order = [v.id for v in pack_engine.rulebook.verdicts]
    assert order.index(after.verdict) <= order.index(before.verdict), change


# --- The library never says or implies that an offer is certain ---------------------------

_CERTAINTY = [
    r"(you('ve| have)? )?got (the|this) (job|role|position|offer)",
    r"(the|this) (job|role|position|offer) is (yours|in the bag|certain|assured)",
    r"offer is (certain|assured|guaranteed|coming|on (its|the) way)",
    r"certain(ly)? (offer|to (be )?(get|receive|land|hired|offered))",
    r"\bguarantee", r"\bassured\b", r"\bdefinitely\b", r"\bcertainly\b", r"\bfor certain\b",
    r"\bfor sure\b", r"\bsure (thing|to)\b", r"\bbound to\b", r"\bno doubt\b",
    r"\bwithout (a )?doubt\b", r"\bin the bag\b", r"\bdone deal\b", r"\blocked in\b",
    r"\bcan(no|')t (lose|fail|miss)\b",
    r"will (be )?offer", r"will (get|land|receive) (the|an|this|a job)",
    r"\byou('ll| will) get\b", r"will hire you", r"\byou('re| are| will be| have been) hired\b",
    r"\bcongrat", r"expect an offer", r"(an|the|your) offer is (here|yours)",
    r"\byou('ve| have) (got )?(an|the) offer\b", r"\b100 ?% (sure|certain|chance)",
]
_CERTAINTY_RE = re.compile("|".join(f"(?:{p})" for p in _CERTAINTY), re.IGNORECASE)


def certainty_claims(text: str) -> list[str]:
    """Every phrase in ``text`` that says or implies an offer is certain."""
    plain = re.sub(r"\s+", " ", text.replace("\u2019", "'"))
    return [m.group(0) for m in _CERTAINTY_RE.finditer(plain)]


@pytest.mark.parametrize("text", [
    "Congratulations, you got the job!", "The job is yours.", "An offer is guaranteed.",
    "You will be offered the role.", "You'll get an offer soon.", "They will hire you.",
    "The offer is certain.", "You're hired", "It is a done deal.", "You have got the offer.",
    "You are  certain to be offered it.", "You\u2019ve got the job",
])
def test_the_certainty_scanner_catches_claims_of_an_offer(text: str) -> None:
    assert certainty_claims(text)


def _outputs(result: Assessment) -> dict[str, str]:
    texts = {"summary": result.summary, "json": result.to_json(),
             "text": result.render("text"), "markdown": result.render("markdown")}
    texts |= {f"advice {a.id}": a.text for a in result.advice}
    return texts


def test_no_rulebook_text_implies_a_certain_offer(pack_engine: Engine) -> None:
    """The library never says or implies that an offer is certain: every sentence of the
    rulebook, whether or not some observations ever show it."""
    book = pack_engine.rulebook
    texts = {"caveat": book.caveat, "nothing_known": book.nothing_known,
             "against": book.against}
    texts |= {f"verdict {v.id}": v.summary for v in book.verdicts}
    texts |= {f"rule {r.id}": f"{r.title}. {r.explanation}" for r in book.rules}
    assert {k: certainty_claims(t) for k, t in texts.items() if certainty_claims(t)} == {}


_EVERYTHING_GOOD: Flat = {
    "interview.scheduled_minutes": 30, "interview.actual_minutes": 90,
    "interview.interviewer_count": 1, "body_language.engaged": True,
    "body_language.nods": True, "body_language.smiles": True,
    "body_language.verbal_agreement": True, "interest.asked_if_interested": True,
    "interest.asked_where_else_interviewing": True, "next_steps.invited_to_next_round": True,
    "next_steps.scheduled_on_the_spot": True, "tour.office_tour": True,
    "tour.introduced_to_people": True, "tour.people_called_in": True,
    "job_specifics.deep_dive": True, "job_specifics.you_would_language": True,
    "thank_you.note_sent": True, "thank_you.response_received": True,
    "thank_you.response_hours": 1, "thank_you.references_specifics": True,
    "thank_you.tone": "warm",
}


@given(values=observation_values())
@example(values=_EVERYTHING_GOOD)
@example(values={})
def test_no_output_implies_a_certain_offer(pack_engine: Engine, values: Flat) -> None:
    """The library never says or implies that an offer is certain: not in the summary, the
    advice, nor any rendering; and a rulebook's caveat, when it has one, closes every
    reading with a standing signal, but for the last verdict (which says nothing points
    clearly your way)."""
    result = pack_engine.assess(nest(values))
    claims = {k: certainty_claims(t) for k, t in _outputs(result).items()}
    assert {k: c for k, c in claims.items() if c} == {}
    book = pack_engine.rulebook
    if book.caveat and any(s.stands for s in result.signals) and \
            result.verdict != book.verdicts[-1].id:
        assert book.caveat in result.summary
    elif book.caveat:
        assert book.caveat not in result.summary


def _numbers_beyond_answers(text: str) -> list[str]:
    """Digits in a candidate text other than the answers recorded and the article's sign
    numbers: there are none, so no number can be read as a score or as odds."""
    text = re.sub(r"(?m)^\s*(- )?You recorded: .*$", "", text)
    text = re.sub(r"\bsign \d of the article\b", "", text)
    return re.findall(r"\d+", text) + re.findall(r"%|\bout of\b", text)


@given(values=observation_values())
@example(values=_EVERYTHING_GOOD)
@example(values={"thank_you.note_sent": True, "thank_you.response_received": False,
                 "job_specifics.overview_given": True})
@example(values={"thank_you.note_sent": True, "thank_you.response_received": True,
                 "thank_you.tone": "automatic"})
def test_the_candidate_never_reads_the_confidence_as_a_number(
        pack_engine: Engine, values: Flat) -> None:
    """The confidence is never presented as the odds of an offer, nor as a grade: the
    candidate's views put it in the rulebook's words (a band), with no number, score or
    percentage; the coach's detail view and the JSON keep the number."""
    result = pack_engine.assess(nest(values))
    formats: tuple[Format, ...] = ("text", "markdown")
    for name in formats:
        text = result.render(name)
        assert _numbers_beyond_answers(text) == [], (name, text)
        if result.band is None:
            assert STRENGTH_HEADING not in text
        else:
            assert f"{STRENGTH_HEADING}: {result.band.words}." in text
            assert text.count("not the chance of an offer") == 1
        detail = result.render(name, detail=True)
        assert f"confidence {result.confidence:.4f}" in detail
    assert result.to_dict()["confidence"] == round(result.confidence, 4)


@given(a=observation_values(), b=observation_values())
def test_a_higher_confidence_never_gets_weaker_words(
        pack_engine: Engine, a: Flat, b: Flat) -> None:
    """The bands follow the confidence: more evidence never reads as less, and only a
    reading with nothing in the candidate's favour has no words at all."""
    first, second = pack_engine.assess(nest(a)), pack_engine.assess(nest(b))
    if first.confidence < second.confidence:
        first, second = second, first
    bands = [band.id for band in pack_engine.rulebook.bands]
    for result in (first, second):
        assert (result.band is None) == (result.confidence == 0 or not bands)
    if first.band is not None and second.band is not None:
        assert bands.index(first.band.id) <= bands.index(second.band.id)
