"""``Assessment``: the output contract of SPEC section 6, its JSON form and its renderings."""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

from interview_signals import Assessment, Engine
from tests.strategies import Nested, observations
from tests.wording import says

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "data"
GOOD = json.loads((EXAMPLES / "good_interview.json").read_text())
UNCLEAR = json.loads((EXAMPLES / "unclear_interview.json").read_text())
VERDICTS = ("strong", "promising", "tentative", "inconclusive")


def _is_number(x: object) -> bool:
    return isinstance(x, int | float) and not isinstance(x, bool)


def _is_paths(x: object) -> bool:
    return isinstance(x, list) and all(isinstance(p, str) and "." in p for p in x)


def assert_meets_contract(d: dict[str, Any]) -> None:
    """Every key of SPEC section 6 is there, with the right type."""
    assert {"verdict", "confidence", "signals", "advice", "missing", "trace",
            "summary"} <= set(d)
    assert d["verdict"] in VERDICTS
    assert _is_number(d["confidence"])
    assert 0 <= d["confidence"] <= 1
    assert isinstance(d["summary"], str)
    assert d["summary"].strip()
    for s in d["signals"]:
        assert {"id", "sign", "title", "strength", "base_strength", "qualifiers", "because",
                "rule", "source"} <= set(s)
        assert isinstance(s["id"], str)
        assert isinstance(s["title"], str)
        assert isinstance(s["rule"], str)
        assert isinstance(s["sign"], int)
        assert 1 <= s["sign"] <= 7
        assert _is_number(s["strength"])
        assert _is_number(s["base_strength"])
        assert -1 <= s["strength"] <= 1
        assert _is_paths(s["because"])
        assert s["because"]
        assert isinstance(s["source"]["sign"], int)
        assert isinstance(s["source"]["title"], str)
        for q in s["qualifiers"]:
            assert {"id", "effect", "explanation"} <= set(q)
            assert q["effect"] in ("boost", "discount")
            assert isinstance(q["explanation"], str)
            assert q["explanation"]
    for a in d["advice"]:
        assert {"id", "text", "because", "rule"} <= set(a)
        assert isinstance(a["text"], str)
        assert a["text"]
        assert _is_paths(a["because"])
    for m in d["missing"]:
        assert set(m) == {"sign", "signal", "fields", "questions"}
        assert len(m["questions"]) == len(m["fields"])
        assert isinstance(m["sign"], int)
        assert isinstance(m["signal"], str)
        assert _is_paths(m["fields"])
        assert m["fields"]
    assert [t["step"] for t in d["trace"]] == list(range(1, len(d["trace"]) + 1))
    for t in d["trace"]:
        assert {"step", "rule", "matched", "asserted"} <= set(t)
        assert isinstance(t["rule"], str)
        assert isinstance(t["matched"], list)
        assert isinstance(t["asserted"], list)


class TestToDict:
    @pytest.mark.parametrize("data", [GOOD, UNCLEAR, {}], ids=["good", "unclear", "nothing"])
    def test_the_examples_meet_the_output_contract(self, engine: Engine,
                                                   data: Nested) -> None:
        assert_meets_contract(engine.assess(data).to_dict())

    @given(observations())
    def test_any_valid_observations_meet_the_output_contract(
            self, engine: Engine, data: Nested) -> None:
        assert_meets_contract(engine.assess(data).to_dict())

    def test_the_good_example_is_strong_with_a_signal_for_every_sign(
            self, engine: Engine) -> None:
        d: Any = engine.assess(GOOD).to_dict()
        assert d["verdict"] == "strong"
        assert {s["sign"] for s in d["signals"]} == set(range(1, 8))

    def test_a_next_round_set_up_on_the_spot_is_strong_with_its_caveats(
            self, engine: Engine) -> None:
        result = engine.assess({"next_steps": {"invited_to_next_round": True,
                                               "scheduled_on_the_spot": True}})
        assert result.verdict == "strong"
        assert [(s.id, [q.id for q in s.qualifiers]) for s in result.signals] == [
            ("second_interview_on_the_spot", ["scheduled_on_the_spot"])]
        assert {a.id for a in result.advice} == {"prepare_for_next_round", "not_an_offer_yet",
                                                 "send_thank_you_note"}

    def test_an_invitation_alone_is_strong(self, engine: Engine) -> None:
        result = engine.assess({"next_steps": {"invited_to_next_round": True}})
        (signal,) = result.signals
        assert (signal.id, signal.strength, signal.qualifiers) == (
            "second_interview_on_the_spot", 0.75, ())
        assert (result.verdict, result.confidence) == ("strong", 0.75)
        assert {a.id for a in result.advice} == {"prepare_for_next_round", "not_an_offer_yet",
                                                 "send_thank_you_note"}

    def test_nothing_known_is_inconclusive_with_no_signal(self, engine: Engine) -> None:
        d = engine.assess({}).to_dict()
        assert (d["verdict"], d["confidence"], d["signals"]) == ("inconclusive", 0.0, [])

    def test_to_dict_carries_the_observations_assessed(self, engine: Engine) -> None:
        assert engine.assess(UNCLEAR).to_dict()["observations"] == UNCLEAR

    def test_to_dict_is_a_fresh_copy_each_time(self, engine: Engine) -> None:
        result = engine.assess(GOOD)
        first: Any = result.to_dict()
        first["signals"].clear()
        assert result.to_dict()["signals"]

    @given(observations())
    def test_to_dict_without_the_trace_is_the_whole_form_less_the_trace(
            self, engine: Engine, data: Nested) -> None:
        whole = engine.assess(data).to_dict()
        del whole["trace"]
        fresh = engine.assess(data)  # written without the trace, never built
        assert list(fresh.to_dict(trace=False).items()) == list(whole.items())
        read = engine.assess(data)
        assert read.trace is not None  # built whole first, then left out
        assert list(read.to_dict(trace=False).items()) == list(whole.items())
        back = Assessment.from_dict(read.to_dict())  # and once read back from JSON
        assert list(back.to_dict(trace=False).items()) == list(whole.items())
        assert "trace" in back.to_dict()

    def test_an_assessment_is_frozen(self, engine: Engine) -> None:
        result: Any = engine.assess(GOOD)
        with pytest.raises(AttributeError):
            result.verdict = "inconclusive"

    def test_signal_looks_up_by_id(self, engine: Engine) -> None:
        result = engine.assess({"tour": {"office_tour": True}})
        signal = result.signal("personal_tour")
        assert signal is not None
        signals: Any = result.to_dict()["signals"]
        assert signal.to_dict() == signals[0]
        assert result.signal("no_such_signal") is None


class TestJson:
    @pytest.mark.parametrize("data", [GOOD, UNCLEAR, {}], ids=["good", "unclear", "nothing"])
    def test_to_json_parses_back_to_to_dict(self, engine: Engine, data: Nested) -> None:
        result = engine.assess(data)
        assert json.loads(result.to_json()) == result.to_dict()

    @given(observations())
    def test_to_json_parses_back_to_to_dict_for_any_observations(
            self, engine: Engine, data: Nested) -> None:
        result = engine.assess(data)
        assert json.loads(result.to_json(indent=None)) == result.to_dict()

    def test_to_json_without_indent_is_one_line(self, engine: Engine) -> None:
        assert "\n" not in engine.assess(GOOD).to_json(indent=None)

    @given(observations())
    def test_to_json_writes_what_json_dumps_writes(self, engine: Engine, data: Nested) -> None:
        """orjson writes the text; the bytes are the standard library's, except that a tiny
        float keeps no exponent."""
        result = engine.assess(data)
        d = result.to_dict()
        for text, expected in [
                (result.to_json(), json.dumps(d, ensure_ascii=False, indent=2)),
                (result.to_json(indent=None),
                 json.dumps(d, ensure_ascii=False, separators=(",", ":")))]:
            if re.search(r"[0-9]e-[0-9]", expected) is None:
                assert text == expected
            assert json.loads(text) == d

    def test_to_json_writes_other_indents_with_json(self, engine: Engine) -> None:
        result = engine.assess(GOOD)
        assert result.to_json(indent=4) == json.dumps(result.to_dict(), ensure_ascii=False,
                                                      indent=4)

    @pytest.mark.parametrize("odd", [2**70, "\ud800"], ids=["huge int", "lone surrogate"])
    def test_to_json_writes_what_orjson_refuses(self, engine: Engine, odd: object) -> None:
        """Data read back with ``from_dict`` may hold what orjson cannot write."""
        data: Any = engine.assess(GOOD).to_dict()
        data["observations"]["interview"]["odd"] = odd
        result = Assessment.from_dict(data)
        for indent in (None, 2):
            assert json.loads(result.to_json(indent=indent)) == data

    def test_to_json_leaves_subclasses_and_dates_to_json(self, engine: Engine) -> None:
        """What orjson would write its own way goes to ``json.dumps``: a dict subclass with
        its own ``items`` as json writes it, a date refused as json refuses it."""

        class Shown(dict[str, object]):
            def items(self) -> Any:
                return [("shown", True)]

        data: Any = engine.assess(GOOD).to_dict()
        data["observations"] = {"interview": Shown(hidden=True)}
        assert '"shown":true' in Assessment.from_dict(data).to_json(indent=None)
        data["observations"] = {"interview": {"when": datetime.date(2026, 1, 1)}}
        with pytest.raises(TypeError, match="not JSON serializable"):
            Assessment.from_dict(data).to_json()


class TestTrace:
    def test_trace_steps_are_numbered_from_one(self, engine: Engine) -> None:
        result = engine.assess(GOOD)
        assert [f.step for f in result.trace] == list(range(1, len(result.trace) + 1))

    def test_every_conclusion_is_asserted_by_exactly_one_firing(self, engine: Engine) -> None:
        result = engine.assess(GOOD)
        asserted = [ref for f in result.trace for ref in f.asserted]
        concluded = ([("signal", s.id) for s in result.signals]
                     + [("qualifier", q.id) for s in result.signals for q in s.qualifiers]
                     + [("advice", a.id) for a in result.advice])
        assert sorted(asserted) == sorted(concluded)

    def test_a_trace_step_names_what_it_matched_and_asserted(self, engine: Engine) -> None:
        result = engine.assess({"thank_you": {"note_sent": True, "response_received": True,
                                              "response_hours": 3}})
        trace: Any = result.to_dict()["trace"]
        steps = [{k: t[k] for k in ("step", "rule", "matched", "asserted")} for t in trace]
        unknown_tone = {"kind": "observation", "path": "thank_you.tone", "value": "unknown"}
        assert steps == [
            {"step": 1, "rule": "thank_you_response",
             "matched": [{"kind": "observation", "path": "thank_you.response_received",
                          "value": True}, unknown_tone],
             "asserted": [{"kind": "signal", "id": "thank_you_response"}]},
            # The reply time shows a reply too: a second branch fires, asserting nothing new.
            {"step": 2, "rule": "thank_you_response",
             "matched": [{"kind": "observation", "path": "thank_you.response_hours",
                          "value": 3}, unknown_tone],
             "asserted": []},
            {"step": 3, "rule": "quick_response",
             "matched": [{"kind": "observation", "path": "thank_you.response_hours",
                          "value": 3},
                         {"kind": "observation", "path": "thank_you.tone",
                          "value": "unknown"},
                         {"kind": "signal", "id": "thank_you_response"}],
             "asserted": [{"kind": "qualifier", "id": "quick_response"}]},
        ]


class TestSummary:
    @given(observations())
    def test_the_summary_is_never_empty(self, engine: Engine, data: Nested) -> None:
        assert engine.assess(data).summary.strip()

    def test_nothing_known_asks_for_observations(self, engine: Engine) -> None:
        assert engine.assess({}).summary == engine.rulebook.nothing_known

    def test_a_summary_with_signals_names_them_and_leaves_caveats_to_the_advice(
            self, engine: Engine) -> None:
        result = engine.assess(GOOD)
        for s in result.signals:
            assert s.title.lower() in result.summary
        # No caveat closes every summary in the default rulebook: what fits what was
        # recorded is said once, in the advice.
        assert engine.rulebook.caveat == ""
        assert "offer" not in result.summary

    def test_a_summary_names_the_signs_against_after_those_for(self, engine: Engine) -> None:
        book = engine.rulebook
        result = engine.assess({"body_language": {"rote_questions": True, "engaged": False},
                                "tour": {"office_tour": True}})
        assert (result.verdict, [s.id for s in result.signals]) == (
            "tentative", ["disengaged_interviewer", "stock_questions", "personal_tour"])
        tentative = next(v.summary for v in book.verdicts if v.id == "tentative")
        assert result.summary == " ".join([
            tentative.replace("{signals}", "a personal tour"),
            book.against.replace(
                "{signals}", "an interviewer who did not seem engaged and mostly stock questions")])

    def test_a_summary_with_only_a_sign_against_names_it_without_the_caveat(
            self, engine: Engine) -> None:
        book = engine.rulebook
        result = engine.assess({"body_language": {"rote_questions": True, "engaged": False}})
        assert result.verdict == "inconclusive"
        inconclusive = book.verdicts[-1].summary
        against = book.against.replace(
            "{signals}", "an interviewer who did not seem engaged and mostly stock questions")
        assert result.summary == f"{inconclusive} {against}"

    @pytest.mark.parametrize("data", [GOOD, {"tour": {"office_tour": True}},
                                      {"body_language": {"rote_questions": False}}],
                             ids=["good", "tour", "not_rote"])
    def test_a_summary_without_a_sign_against_does_not_mention_one(
            self, engine: Engine, data: Nested) -> None:
        result = engine.assess(data)
        assert all(s.strength > 0 for s in result.signals)
        before, _, after = engine.rulebook.against.partition("{signals}")
        assert before not in result.summary
        assert after not in result.summary

    def test_the_inconclusive_summary_says_few_signs_are_common(self, engine: Engine) -> None:
        result = engine.assess({"body_language": {"engaged": True, "naturally_friendly": True},
                                "thank_you": {"note_sent": True, "response_received": False}})
        assert result.verdict == "inconclusive"
        assert result.summary == engine.rulebook.verdicts[-1].summary
        assert says(result.summary, "nothing you recorded points clearly in your favour")
        assert says(result.summary, "common")

    def test_assessment_is_the_public_result_type(self, engine: Engine) -> None:
        assert isinstance(engine.assess({}), Assessment)


class TestReadingBack:
    """An assessment survives JSON (``from_dict``) and pickling (process boundaries)."""

    @given(observations())
    def test_from_dict_of_to_dict_gives_the_same_assessment(self, obs: Nested) -> None:
        engine = Engine.default()
        original = engine.assess(obs)
        back = Assessment.from_dict(json.loads(original.to_json()))
        assert back.to_dict() == original.to_dict()
        assert back.render("text") == original.render("text")
        assert back.render("markdown") == original.render("markdown")

    @given(observations())
    def test_a_pickled_assessment_is_equal_and_renders_the_same(self, obs: Nested) -> None:
        import pickle

        original = Engine.default().assess(obs)
        back = pickle.loads(pickle.dumps(original))
        assert back == original
        assert (back.verdict, back.confidence) == (original.verdict, original.confidence)
        assert back.render("text") == original.render("text")
        assert pickle.loads(pickle.dumps(back)) == original

    def test_a_pickled_assessment_does_not_carry_the_rulebook(self) -> None:
        import pickle

        data = pickle.dumps(Engine.default().assess(GOOD))
        assert b"Rulebook" not in data
        assert b"Scorer" not in data

    def test_from_dict_rejects_a_dict_without_the_assessment_keys(self) -> None:
        from interview_signals import InterviewSignalsError

        with pytest.raises(InterviewSignalsError, match="not an assessment: missing format"):
            Assessment.from_dict({})

    @pytest.mark.parametrize("verdict", ["", None, 3])
    def test_from_dict_rejects_a_verdict_that_is_not_an_id(self, verdict: object) -> None:
        from interview_signals import InterviewSignalsError

        data = Engine.default().assess(GOOD).to_dict()
        data["verdict"] = verdict
        with pytest.raises(InterviewSignalsError, match="not a verdict id"):
            Assessment.from_dict(data)

    def test_a_packs_own_verdict_round_trips(self, tmp_path: Path) -> None:
        pack = tmp_path / "verdicts.toml"
        pack.write_text('[[verdict]]\noverrides = "strong"\nid = "excellent"\n')
        with Engine.from_paths(pack) as engine:
            result = engine.assess(GOOD)
        assert result.verdict == "excellent"
        assert Assessment.from_dict(result.to_dict()) == result

    def test_from_dict_rejects_another_format_or_version(self) -> None:
        from interview_signals import InterviewSignalsError

        data = Engine.default().assess(GOOD).to_dict()
        data["version"] = 1
        with pytest.raises(InterviewSignalsError, match="version"):
            Assessment.from_dict(data)

    @pytest.mark.parametrize("confidence", [None, "0.5", True, [0.5], float("nan"), 5, -0.1])
    def test_from_dict_rejects_a_confidence_that_is_not_a_number(
            self, confidence: object) -> None:
        from interview_signals import InterviewSignalsError

        data: Any = Engine.default().assess(GOOD).to_dict()
        data["confidence"] = confidence
        with pytest.raises(InterviewSignalsError, match=r"the confidence is .*, not a number"):
            Assessment.from_dict(data)

    @pytest.mark.parametrize(("key", "value"), [("signals", "x"), ("trace", None),
                                                ("summary", 3), ("observations", [])])
    def test_from_dict_rejects_parts_of_the_wrong_kind(self, key: str, value: object) -> None:
        from interview_signals import InterviewSignalsError

        data: Any = Engine.default().assess(GOOD).to_dict()
        data[key] = value
        with pytest.raises(InterviewSignalsError, match=f"not an assessment: {key} is not"):
            Assessment.from_dict(data)

    def test_from_dict_rejects_what_is_not_an_object(self) -> None:
        from interview_signals import InterviewSignalsError

        with pytest.raises(InterviewSignalsError, match="not an assessment: a list"):
            Assessment.from_dict([])  # type: ignore[arg-type]
