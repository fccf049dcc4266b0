"""``_consultation.words``: how the reading was reached and the what-if, in plain words for the
terminal. Candidate-facing words name no field path and no rule id (``detail`` adds them),
and list verdicts as "a, b or c"."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings

from interview_signals import Engine
from interview_signals._assessment import Band
from interview_signals._assessment.changes import Change, WhatIf, WhatIfs
from interview_signals._consultation.results import either, said
from interview_signals._consultation.words import how_text, what_if_text
from interview_signals._observations.vocabulary import VOCABULARY, Value
from interview_signals._rulebook import frame_texts, verdict_titles
from tests.profiles import examples
from tests.strategies import nest, observation_values

EN = frame_texts()
"""The English texts of the vocabulary and the frame."""

ENGINE = Engine.default()
RULE_IDS = {r.id for r in ENGINE.rulebook.rules}
TITLES = verdict_titles(ENGINE.rulebook)
TEXTS = ENGINE.texts
SETTLED = {"next_steps": {"invited_to_next_round": True, "scheduled_on_the_spot": True},
           "tour": {"office_tour": True}}


def _named(text: str) -> set[str]:
    """The field paths and rule ids ``text`` names."""
    paths = {p for p in VOCABULARY if p in text}
    return paths | {r for r in RULE_IDS if re.search(rf"\b{r}\b", text)}


@settings(max_examples=examples(20), deadline=None)
@given(values=observation_values())
def test_how_names_no_path_or_rule_unless_detail(values: dict[str, Value]) -> None:
    c = ENGINE.consult(nest(values))
    text = how_text(c, texts=TEXTS)
    assert _named(text) == set()
    assert text.startswith(f"Right now the reading is {c.assessment.verdict_title.lower()}.")
    # The strength in the rulebook's words, never as a number (the detail view keeps it).
    assert not re.search(r"\d", text.split("\n", 1)[0])
    band = c.assessment.band
    assert (band is not None and f"point your way: {band.words}." in text) or \
        (band is None and "point your way" not in text)
    detailed = how_text(c, texts=TEXTS, detail=True)
    assert f"confidence {c.assessment.confidence:.4f}" in detailed
    for s in c.assessment.signals:
        assert s.title in text
        assert f"rule {s.rule}, because" in detailed
    if len(c.reachable) > 1:
        assert f"It could still end up {either(said(c.reachable, TEXTS), TEXTS)}." in text
    else:
        assert "It could still end up" not in text


def test_how_names_the_sufficient_reason_by_its_labels() -> None:
    c = ENGINE.consult(SETTLED)
    assert c.sufficient_reason
    text = how_text(c, texts=TEXTS)
    labels = ", ".join(EN.label(p) for p in c.sufficient_reason)
    assert f"already settle it, whatever the rest: {labels}." in text
    assert _named(text) == set()


def test_how_marks_a_sign_against() -> None:
    c = ENGINE.consult({"body_language": {"engaged": False, "rote_questions": True}})
    against = [s for s in c.assessment.signals if s.strength <= 0]
    assert against
    assert f"- Against: {against[0].title}:" in how_text(c, texts=TEXTS)


@settings(max_examples=examples(10), deadline=None)
@given(values=observation_values())
def test_what_if_names_no_path_or_rule_unless_detail(values: dict[str, Value]) -> None:
    result = ENGINE.what_if(nest(values), limit=5, include_fixed=True)
    text = what_if_text(result, texts=TEXTS)
    assert _named(text) == set()
    assert text.startswith(f"The reading is {TITLES[result.current].lower()}")
    detailed = what_if_text(result, texts=TEXTS, detail=True)
    for option in result:
        for c in option.changes:
            assert EN.label(c.path) in text
            assert f"[{c.path}]" in detailed
        assert f"-> {TITLES[option.verdict].lower()}\n" in text
        assert f"confidence {option.confidence:.4f}" in detailed
    # No number for the candidate: not a score, not odds.
    assert "out of 100" not in text
    assert "confidence" not in text


def _result(**kw: object) -> WhatIfs:
    base: dict[str, object] = {"current": "tentative", "target": None,
                               "goal": ("strong", "promising"), "options": (),
                               "possible": True, "kinds": ("find_out", "do")}
    return WhatIfs(**{**base, **kw})  # type: ignore[arg-type]


def test_what_if_words_the_top_verdict() -> None:
    result = ENGINE.what_if(SETTLED)
    assert (result.current, result.goal) == ("strong", ())
    assert what_if_text(result, texts=TEXTS) == \
        "The reading is strong, the top reading there is (still not an offer).\n"


@pytest.mark.parametrize(("result", "expected"), [
    (_result(possible=False),
     "The reading is tentative. Nothing you could find out or do would make it strong or "
     "promising: every possible answer was checked.\n"),
    (_result(possible=False, kinds=("find_out", "do", "had"),
             goal=("strong", "promising", "tentative")),
     "The reading is tentative. Nothing you could find out or do or had it been would "
     "make it strong, promising or tentative: every possible answer was checked.\n"),
    (_result(current="strong", goal=("strong",)), "The reading is strong already.\n"),
])
def test_what_if_words_each_outcome(result: WhatIfs, expected: str) -> None:
    assert what_if_text(result, texts=TEXTS) == expected


def test_what_if_words_each_kind_of_change() -> None:
    option = WhatIf(changes=(Change(path="thank_you.note_sent", value=True, kind="do"),
                             Change(path="tour.office_tour", value=True, kind="find_out"),
                             Change(path="thank_you.tone", value="warm", kind="had")),
                    verdict="promising", confidence=0.5,
                    band=Band(id="clearly", words="clearly"))
    text = what_if_text(_result(options=(option,)), texts=TEXTS)
    lines = text.splitlines()
    assert lines[0] == "The reading is tentative. What would make it strong or promising:"
    assert lines[1].startswith("- ")
    assert "(you can still do this); and " in lines[1]
    assert "(not recorded yet); and " in lines[1]
    assert lines[1].endswith("(had it been so) -> promising")
    assert _named(text) == set()
    assert what_if_text(_result(options=(option,)), texts=TEXTS,
                        detail=True).splitlines()[1].endswith(
        "-> promising (confidence 0.5000, band clearly)")


def test_verdicts_are_said_by_their_rulebook_titles() -> None:
    """A verdict reads as its title in verdicts.toml ("Not clear yet"), not its id."""
    assert TITLES["inconclusive"] == "Not clear yet"
    text = what_if_text(_result(current="inconclusive", goal=("strong",), possible=False),
                        texts=TEXTS)
    assert text.startswith("The reading is not clear yet. Nothing you could")
    assert "inconclusive" not in text
    c = ENGINE.consult({})
    assert how_text(c, texts=TEXTS).startswith("Right now the reading is not clear yet.")
