"""``results``: the result of a consultation, its JSON form (naming its format and version),
and an answer class in plain words."""

from __future__ import annotations

import json

from interview_signals import Consultation, Engine
from interview_signals._consultation.results import (
    CONSULTATION_FORMAT,
    VERSION,
    Answer,
    Question,
    cand_text,
    either,
    why_text,
)
from interview_signals._consultation.search.answer_classes import Candidate
from interview_signals._rulebook import frame_texts
from interview_signals._texts import Texts

EN = frame_texts()


def test_the_consultation_json_names_its_format_and_drives_a_page() -> None:
    c = Engine.default().consult({"tour": {"office_tour": True}})
    data = c.to_dict()
    assert (data["format"], data["version"]) == ("interview-signals/consultation", 1)
    assert data["observations"] == {"tour": {"office_tour": True}}
    questions = data["questions"]
    assert isinstance(questions, list)
    first = questions[0]
    assert set(first) >= {"path", "label", "question", "answers", "why"}
    assert {"value", "text", "reachable"} <= set(first["answers"][0])
    assert isinstance(c, Consultation)


def test_a_question_and_its_answers_as_json() -> None:
    yes = Answer(value=True, text="Yes", reachable=("strong", "promising"))
    unknown = Answer(value=None, text="I don't know", reachable=("promising",))
    q = Question(path="tour.office_tour", label="Office tour", question="A tour?",
                 answers=(yes, unknown), why="Because.", rules=("personal_tour",),
                 signs=(4,))
    assert q.to_dict() == {
        "path": "tour.office_tour", "label": "Office tour", "question": "A tour?",
        "answers": [{"value": True, "text": "Yes", "reachable": ["strong", "promising"]},
                    {"value": None, "text": "I don't know", "reachable": ["promising"]}],
        "why": "Because.", "rules": ["personal_tour"], "signs": [4]}
    json.dumps(q.to_dict())


def test_a_consultation_as_json_round_trips_through_json(engine: Engine) -> None:
    c = engine.consult({"next_steps": {"scheduled_on_the_spot": True,
                                       "invited_to_next_round": True}})
    data = c.to_dict()
    assert json.loads(json.dumps(data)) == data
    assert (data["format"], data["version"]) == (CONSULTATION_FORMAT, VERSION)
    assert data["assessment"] == c.assessment.to_dict()
    assert data["settled"] is c.settled
    assert data["reachable"] == list(c.reachable)
    assert data["sufficient_reason"] == (None if c.sufficient_reason is None
                                         else list(c.sufficient_reason))
    bare = Consultation(assessment=c.assessment, reachable=("strong",), settled=True,
                        questions=())
    assert bare.to_dict()["observations"] == {}
    assert bare.to_dict()["sufficient_reason"] is None
    assert bare.to_dict()["search"] == {"complete": True, "seconds": 2.0, "unfinished": []}
    assert bare.to_dict()["ranked_by"] == "information"


def test_an_answer_class_in_plain_words() -> None:
    assert cand_text("tour.office_tour", Candidate(True), EN) == "Yes"
    assert cand_text("tour.office_tour", Candidate(False), EN) == "No"
    assert cand_text("thank_you.tone", Candidate("neutral"), EN) == "Neutral, polite"
    minutes = "interview.actual_minutes"
    assert cand_text(minutes, Candidate(2, 1.0, 24.0, False, False), EN) == "from 2 to 23"
    assert cand_text(minutes, Candidate(24, 24.0, 24.0), EN) == "24"
    assert cand_text(minutes, Candidate(25, 24.0, 26.0, False, False), EN) == "25"
    assert cand_text(minutes, Candidate(30), EN) == "30"  # no interval: the value
    hours = "thank_you.response_hours"
    assert cand_text(hours, Candidate(24.0, 24.0, 24.0), EN) == "24"
    assert cand_text(hours, Candidate(1.5, 1.5, 1.5), EN) == "1.5"
    assert cand_text(hours, Candidate(12.0, 0.0, 24.0, False, False), EN) == \
        "more than 0 and less than 24"
    assert cand_text(hours, Candidate(12.0, 0.0, 24.0, True, False), EN) == \
        "from 0 to just under 24"
    assert cand_text(hours, Candidate(12.0, 0.0, 24.0, False, True), EN) == \
        "more than 0, up to 24"
    assert cand_text(hours, Candidate(12.0, 0.0, 24.0), EN) == "from 0 to 24"


def test_verdicts_read_a_b_or_c() -> None:
    assert either(["strong"], EN) == "strong"
    assert either(("strong", "promising"), EN) == "strong or promising"
    assert either(["strong", "promising", "tentative"], EN) == "strong, promising or tentative"
    assert either(iter(["a", "b", "c", "d"]), EN) == "a, b, c or d"


def test_why_names_the_signs_once_and_each_answers_verdicts(engine: Engine) -> None:
    by_id = engine.rulebook.by_id()
    rules = (by_id["thank_you_response"], by_id["specific_references"])
    answers = [Answer(value=True, text="Yes", reachable=("strong", "promising")),
               Answer(value=False, text="No", reachable=("tentative",))]
    values = {k: engine.texts.raw(k) for k in engine.texts}
    texts = Texts("en", "English", {**values, "verdict.tentative.title": "Not quite yet"})
    assert why_text(rules, answers, texts) == (
        "Your answer bears on sign 7, your thank you note nets a response. "
        "If Yes: the reading could be strong or promising. "
        "If No: the reading could be not quite yet.")
    assert why_text((), answers[1:], texts).startswith(
        "Your answer can change the reading. If No:")
