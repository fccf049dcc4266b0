"""Running test cases: each expectation compared with what the rulebook concluded, and each
difference told with the rules that caused it (which fired on which recorded answers, which
did not and why)."""

from __future__ import annotations

from pathlib import Path

import pytest

from interview_signals import CaseResult, RulebookError, run_cases
from tests.conftest import SAMPLE_PACK

SOURCE = 'source = { sign = 4, title = "You get a personal tour", quote = "show you the space" }'


def run_one(tmp_path: Path, table: str) -> CaseResult:
    """The result of one case written in a pack of its own, on the default rulebook."""
    (tmp_path / "pack.toml").write_text(f"[[case]]\nid = \"c\"\n{table}\n{SOURCE}\n",
                                        encoding="utf-8")
    run = run_cases(tmp_path / "pack.toml")
    (result,) = [r for r in run.results if r.case.pack == "pack"]
    return result


def test_the_default_rulebooks_cases_all_pass() -> None:
    run = run_cases()
    assert run.passed
    assert run.failures == ()
    assert len(run.results) == len(run.rulebook.cases) > 30
    assert {r.case.pack for r in run.results} == {"default"}


def test_the_sample_packs_cases_pass_with_the_default_ones() -> None:
    run = run_cases(SAMPLE_PACK)
    assert run.passed
    assert {r.case.pack for r in run.results} == {"default", "panel_coach"}


def test_a_case_that_holds_passes_with_what_was_concluded(tmp_path: Path) -> None:
    result = run_one(tmp_path, 'observations.tour.office_tour = true\n'
                     'expect.signals = ["personal_tour"]\nexpect.verdict = "tentative"\n'
                     'expect.confidence = { min = 0.3, max = 0.3 }')
    assert result.passed
    assert (result.verdict, result.confidence) == ("tentative", 0.3)
    assert result.concluded["signal"] == ("personal_tour",)
    assert "personal_tour" in result.fired
    assert ("personal_tour", 0) in result.branches


def test_a_missing_signal_says_which_answer_was_recorded_otherwise(tmp_path: Path) -> None:
    result = run_one(tmp_path, 'observations.job_specifics = { deep_dive = false }\n'
                     'expect.signals = ["job_specifics_deep_dive"]')
    (difference,) = result.differences
    assert (difference.expectation, difference.subject) == ("signals", "job_specifics_deep_dive")
    assert "expected, but it is not among the conclusions" in difference.message
    (how,) = difference.how
    assert how.startswith("signal job_specifics_deep_dive (pack default, 06-job-specifics.toml:")
    assert "did not fire" in how
    assert "job_specifics.deep_dive == true" in how
    assert how.endswith("recorded: Deep dive into the work [job_specifics.deep_dive]: no")


def test_a_missing_signal_says_which_answer_was_not_recorded(tmp_path: Path) -> None:
    result = run_one(tmp_path, 'expect.signals = ["job_specifics_deep_dive"]')
    (how,) = result.differences[0].how
    assert how.endswith("Deep dive into the work [job_specifics.deep_dive] was not recorded")


def test_a_signal_of_several_alternatives_says_why_each_did_not_hold(tmp_path: Path) -> None:
    result = run_one(tmp_path, 'observations.tour = { office_tour = false }\n'
                     'expect.signals = ["personal_tour"]')
    head, *alternatives = result.differences[0].how
    assert head.endswith("did not fire: none of its 3 alternatives held:")
    assert [a.split(":", 1)[0].strip() for a in alternatives] == [
        "alternative 1", "alternative 2", "alternative 3"]
    assert alternatives[0].endswith("recorded: Shown around [tour.office_tour]: no")
    assert alternatives[1].endswith("[tour.introduced_to_people] was not recorded")


def test_a_qualifier_whose_signal_did_not_fire_says_so(tmp_path: Path) -> None:
    result = run_one(tmp_path, 'observations.thank_you.note_sent = true\n'
                     'expect.qualifiers = ["quick_response"]')
    assert result.differences[0].how == (
        "qualifier quick_response (pack default, 07-thank-you.toml:37) did not fire: it "
        "qualifies signal thank_you_response, which did not fire",)


def test_a_rule_that_fired_against_expectation_names_the_answers_it_fired_on(
        tmp_path: Path) -> None:
    result = run_one(tmp_path, 'observations.tour = { office_tour = true, '
                     'introduced_to_people = false }\nexpect.absent_signals = ["personal_tour"]')
    (difference,) = result.differences
    assert difference.message == ("signal personal_tour: expected absent, but it is among "
                                  "the conclusions")
    (how,) = difference.how
    assert how.startswith("signal personal_tour (pack default, 04-tour.toml:")
    assert how.endswith("fired on Shown around [tour.office_tour]: yes")
    assert "introduced_to_people" not in how  # the alternative that fired, not the others


def test_advice_that_fired_on_a_signal_names_the_signal(tmp_path: Path) -> None:
    result = run_one(tmp_path, 'observations.interest.asked_if_interested = true\n'
                     'expect.absent_advice = ["show_you_are_serious"]')
    (how,) = result.differences[0].how
    assert how.endswith("fired on signal asked_about_interest")


def test_a_wrong_verdict_shows_the_strengths_and_what_each_verdict_needs(
        tmp_path: Path) -> None:
    result = run_one(tmp_path, 'observations.thank_you = { note_sent = true, '
                     'response_received = true, response_hours = 5 }\n'
                     'expect.verdict = ["strong", "promising"]')
    (difference,) = result.differences
    assert difference.message == ("verdict: expected strong or promising, got tentative "
                                  "(confidence 0.44)")
    strength, boost, *verdicts, order = difference.how
    assert strength.startswith("signal thank_you_response (pack default, 07-thank-you.toml:")
    assert ": strength 0.44 (base 0.30), fired on " in strength
    assert boost.startswith("  boost 0.20 by qualifier quick_response (pack default,")
    assert boost.endswith("fired on Hours until the reply [thank_you.response_hours]: 5 hours; "
                          "Tone of the reply [thank_you.tone]: not recorded; "
                          "signal thank_you_response")
    assert verdicts == [
        "verdict strong needs a confidence of at least 0.80, or signal "
        "second_interview_on_the_spot",
        "verdict promising needs a confidence of at least 0.45",
        "verdict tentative needs a confidence of at least 0.10"]
    assert order.startswith("verdicts are tried in order (strong, promising, tentative, ")


def test_a_confidence_outside_its_range_shows_the_strengths_behind_it(tmp_path: Path) -> None:
    result = run_one(tmp_path, 'observations.tour.office_tour = true\n'
                     'expect.confidence = { min = 0.31 }')
    (difference,) = result.differences
    assert difference.message == "confidence: expected from 0.31 to 1, got 0.3"
    assert len(difference.how) == 1
    assert "strength 0.30" in difference.how[0]


def test_nothing_recorded_gives_a_confidence_of_zero_in_words(tmp_path: Path) -> None:
    result = run_one(tmp_path, 'expect.confidence = { min = 0.1 }')
    assert result.differences[0].how == ("no signal fired, so the confidence is 0",)


def test_every_expectation_missed_is_its_own_difference(tmp_path: Path) -> None:
    result = run_one(tmp_path, 'observations.tour.office_tour = true\n'
                     'expect.verdict = "strong"\nexpect.signals = ["interview_ran_long"]\n'
                     'expect.absent_signals = ["personal_tour"]\n'
                     'expect.advice = ["overview_is_standard"]\n'
                     'expect.absent_advice = ["send_thank_you_note"]\n'
                     'expect.confidence = { max = 0.2 }')
    assert [(d.expectation, d.subject) for d in result.differences] == [
        ("verdict", None), ("confidence", None), ("signals", "interview_ran_long"),
        ("absent_signals", "personal_tour"), ("advice", "overview_is_standard"),
        ("absent_advice", "send_thank_you_note")]
    assert not result.passed


def test_a_pack_with_problems_is_a_rulebook_error_listing_them() -> None:
    bad = Path(__file__).resolve().parents[1] / "data" / "bad_cases" / "several_problems.toml"
    with pytest.raises(RulebookError) as caught:
        run_cases(bad)
    assert len(caught.value.problems) == 5


def test_a_case_result_reads_as_json_with_where_it_is_written(tmp_path: Path) -> None:
    result = run_one(tmp_path, 'observations.tour.office_tour = true\n'
                     'expect.signals = ["interview_ran_long"]')
    data = result.to_dict()
    assert {k: data[k] for k in ("id", "pack", "line", "passed", "verdict", "confidence",
                                 "signals", "qualifiers", "advice", "observations")} == {
        "id": "c", "pack": "pack", "line": 2, "passed": False, "verdict": "tentative",
        "confidence": 0.3, "signals": ["personal_tour"], "qualifiers": [],
        "advice": ["send_thank_you_note"], "observations": {"tour": {"office_tour": True}}}
    assert data["source"] == {"sign": 4, "title": "You get a personal tour",
                              "quote": "show you the space"}
    differences = data["differences"]
    assert isinstance(differences, list)
    assert differences[0]["expectation"] == "signals"
    assert differences[0]["how"][0].startswith("signal interview_ran_long")


def test_a_pack_that_changes_a_default_rule_fails_its_case_until_it_overrides_it(
        tmp_path: Path) -> None:
    """A coach who changes what a tour means sees the default case it breaks, and says what
    the case now expects by overriding it."""
    (tmp_path / "tours.toml").write_text(
        '[[rule]]\noverrides = "personal_tour"\n'
        'when = { any = [{ path = "tour.introduced_to_people" }, '
        '{ path = "tour.people_called_in" }] }\ndrop_tests = true\n', encoding="utf-8")
    run = run_cases(tmp_path / "tours.toml")
    assert [(r.case.id, r.case.pack) for r in run.failures] == [
        ("shown_the_space", "default"), ("one_light_sign_is_tentative", "default")]
    head, *alternatives = run.failures[0].differences[0].how
    assert head == ("signal personal_tour (pack tours, tours.toml:2) did not fire: none of its "
                    "2 alternatives held:")
    assert len(alternatives) == 2
    (tmp_path / "tours.toml").write_text(
        (tmp_path / "tours.toml").read_text("utf-8")
        + '\n[[case]]\noverrides = "shown_the_space"\nexpect = { absent_signals = '
        '["personal_tour"], signals = [] }\nwhy = "Here only meeting people counts."\n'
        '\n[[case]]\noverrides = "one_light_sign_is_tentative"\n'
        'expect.verdict = "inconclusive"\n', encoding="utf-8")
    assert run_cases(tmp_path / "tours.toml").passed
