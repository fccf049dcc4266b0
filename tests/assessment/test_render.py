"""``_assessment.render``: the candidate's text and markdown, the detail view, and the format
table."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from hypothesis import given

from interview_signals import ArgumentError, Engine
from interview_signals._assessment.parts import Band
from interview_signals._assessment.render import RENDERERS, answer_text, strength_text
from interview_signals._observations import open_need
from interview_signals._rulebook import frame_texts
from tests.assessment.test_assessment import GOOD, UNCLEAR
from tests.strategies import Nested, observations

EN = frame_texts()
"""The English texts of the vocabulary and the frame."""

STRENGTH_HEADING = "How strongly the signs point your way"
CONFIDENCE_NOTE = EN("assessment.strength_note")
MISSING_HEADING = EN("assessment.missing")

PATH = re.compile(r"\b(interview|body_language|interest|next_steps|tour|job_specifics|"
                  r"thank_you)\.[a-z_]+")


class TestRender:
    def test_the_candidate_text_has_the_verdict_signals_advice_and_questions(
            self, engine: Engine) -> None:
        result = engine.assess(UNCLEAR)
        text = result.render("text")
        assert text.startswith(f"How your interview reads: {result.verdict_title}\n")
        assert result.summary in text
        for s in result.signals:
            assert s.title in text
            assert s.source.title in text
            assert s.explanation in text
        for a in result.advice:
            assert a.text in text
        values = {f"{g}.{n}": v for g, f in result.observations.items() for n, v in f.items()}
        for m in result.missing:
            for path in m.fields:
                # Asked once what it depends on is known; until then, that is asked.
                asked = open_need(path, values) or path
                assert EN.question(asked) in text

    @given(observations())
    def test_the_candidate_views_show_no_path_id_strength_or_trace(
            self, engine: Engine, data: Nested) -> None:
        result = engine.assess(data)
        ids = {r.id for r in engine.rulebook.rules} - {
            "strong", "promising", "tentative", "inconclusive"}
        for fmt in ("text", "markdown"):
            shown = result.render(fmt)
            assert not PATH.search(shown), shown
            assert not any(re.search(rf"\b{re.escape(i)}\b", shown) for i in ids), shown
            assert "strength" not in shown
            assert "#" not in shown.replace("# How", "").replace("## ", "")
            assert "trace" not in shown.lower()

    def test_the_detail_view_adds_rules_strengths_paths_and_the_trace(
            self, engine: Engine) -> None:
        result = engine.assess(GOOD)
        text = result.render("text", detail=True)
        assert text.startswith(result.render("text"))
        for s in result.signals:
            assert f"signal {s.id}" in text
            assert f"{s.strength:+.4f}" in text
        for f in result.trace:
            assert f"{f.step}. {f.rule}:" in text
        md = result.render("markdown", detail=True)
        assert "`" in md
        assert "#1.1" not in md
        assert "#1.1" not in text

    def test_a_qualifier_reads_as_a_sentence_in_the_candidate_text(
            self, engine: Engine) -> None:
        result = engine.assess({"body_language": {"smiles": True, "naturally_friendly": True}})
        rule = engine.rulebook.by_id()["friendly_by_nature"]
        assert rule.explanation in result.render("text")

    def test_text_is_the_default_format(self, engine: Engine) -> None:
        result = engine.assess(GOOD)
        assert result.render() == result.render("text")

    def test_markdown_has_a_heading_and_every_signal_and_advice(self, engine: Engine) -> None:
        result = engine.assess(UNCLEAR)
        md = result.render("markdown")
        assert md.startswith(f"# How your interview reads: **{result.verdict_title}**\n")
        for s in result.signals:
            assert s.title in md
        for a in result.advice:
            assert a.text in md

    def test_json_rendering_is_the_json_form(self, engine: Engine) -> None:
        result = engine.assess(GOOD)
        assert json.loads(result.render("json")) == result.to_dict()

    def test_nothing_known_renders_without_signals(self, engine: Engine) -> None:
        result = engine.assess({})
        text = result.render("text")
        assert "What points your way" not in text
        assert engine.rulebook.nothing_known in text

    @pytest.mark.parametrize("fmt", ["pdf", "TEXT", "", "html", 3])
    def test_an_unknown_format_raises_an_argument_error(self, engine: Engine,
                                                        fmt: object) -> None:
        result: Any = engine.assess(GOOD)
        with pytest.raises(ArgumentError, match="format"):
            result.render(fmt)




def test_the_renderers_are_a_table_of_formats() -> None:
    assert tuple(RENDERERS) == ("text", "markdown", "json")


def test_the_strength_reads_in_the_band_s_words_with_what_it_is_not() -> None:
    text = strength_text(Band(id="some_band", words="rather well"), EN)
    assert text == f"{STRENGTH_HEADING}: rather well. {CONFIDENCE_NOTE}"
    assert "not the chance of an offer" in text


def test_no_band_says_nothing_about_strength() -> None:
    """With nothing in the candidate's favour there is nothing to describe: no line at all,
    rather than a grade of nothing."""
    assert strength_text(None, EN) == ""


def test_an_unknown_answer_reads_as_not_known() -> None:
    assert answer_text("tour.office_tour", None, EN) == "not known"
