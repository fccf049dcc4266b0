"""Rule packs: adding, overriding and replacing rules, and every problem ``check-rules`` finds.

Each broken pack in ``tests/data/bad_rules/`` sits beside a ``.expected`` file holding what
``interview-signals check-rules <pack>`` must print when run from that folder: one line per
problem and the count. A line ending in ``<any>`` only fixes its start (Python's own TOML
messages vary between versions); a first line ``# args: ...`` gives extra arguments.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from interview_signals import Engine, RulebookError
from interview_signals._cli.main import main
from interview_signals._rulebook.load import read_rulebook
from tests.conftest import SAMPLE_PACK

BAD_RULES = Path(__file__).resolve().parents[1] / "data" / "bad_rules"

# Every problem kind check-rules knows, and the broken pack that shows it.
PROBLEM_KINDS = {
    "toml_syntax_error": "syntax_error.toml",
    "unknown_key": "unknown_key.toml",
    "unknown_observation_path": "unknown_path.toml",
    "literal_that_does_not_fit_its_field": "literal_type.toml",
    "unknown_id_in_applies_to": "unknown_applies_to.toml",
    "unknown_id_in_overrides": "unknown_override.toml",
    "unknown_id_in_a_fact_test": "unknown_fact.toml",
    "duplicate_id_without_overrides": "duplicate_id.toml",
    "boost_that_would_lower": "boost_lowers.toml",
    "discount_that_would_raise": "discount_raises.toml",
    "weight_outside_its_range": "weight_out_of_range.toml",
    "missing_explanation": "missing_explanation.toml",
    "missing_source": "missing_source.toml",
    "contradictory_bounds": "contradictory_bounds.toml",
    "qualifier_of_a_signal_never_produced": "never_fires.toml",
    "rules_waiting_for_each_other": "waits_forever.toml",
    "no_reply_counted_against": "absence_no_reply.toml",
    "short_interview_counted_against": "absence_short_interview.toml",
    "no_reply_counted_against_through_advice": "absence_through_advice.toml",
    "unknown_field_counted_against": "absence_unknown.toml",
    "override_changing_the_kind": "override_changes_kind.toml",
    "last_verdict_that_may_not_hold": "verdict_never_holds.toml",
    "verdict_that_hides_later_ones": "verdict_shadows_later.toml",
    "unknown_signal_in_a_verdict": "verdict_unknown_signal.toml",
    "band_that_hides_later_ones_or_leaves_a_reading_without_words": "band_shadows_later.toml",
    "band_without_words": "band_words_missing.toml",
    "placeholder_that_would_name_nothing": "placeholder_misused.toml",
    "pack_alone_without_verdicts_or_summary": "alone_without_verdicts",
    "several_problems_at_once": "several_problems.toml",
    "number_too_long_to_read": "number_too_long.toml",
    "numbers_far_too_large": "number_too_large.toml",
}


def expected_output(case: str) -> tuple[list[str], list[str]]:
    """(extra check-rules arguments, the lines it must print) for one broken pack."""
    lines = (BAD_RULES / f"{case.removesuffix('.toml')}.expected").read_text("utf-8")
    args: list[str] = []
    out = lines.splitlines()
    if out and out[0].startswith("# args:"):
        args, out = out[0].removeprefix("# args:").split(), out[1:]
    return args, out


def assert_lines_match(got: list[str], expected: list[str]) -> None:
    assert len(got) == len(expected), (got, expected)
    for line, want in zip(got, expected, strict=True):
        if want.endswith("<any>"):
            assert line.startswith(want.removesuffix("<any>")), (line, want)
        else:
            assert line == want


def run_cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


# --- check-rules, one broken pack per problem kind -----------------------------------------


def test_every_broken_pack_is_listed_with_its_expected_message() -> None:
    cases = {p.name for p in BAD_RULES.iterdir() if p.suffix == ".toml" or p.is_dir()}
    expected = {p.stem for p in BAD_RULES.glob("*.expected")}
    assert cases == set(PROBLEM_KINDS.values())
    assert {c.removesuffix(".toml") for c in cases} == expected


@pytest.mark.parametrize("case", PROBLEM_KINDS.values(), ids=PROBLEM_KINDS.keys())
def test_check_rules_prints_every_problem_of_a_broken_pack_and_exits_1(
        case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(BAD_RULES)
    args, expected = expected_output(case)
    status, out, err = run_cli("check-rules", *args, case)
    assert (status, err) == (1, "")
    assert_lines_match(out.splitlines(), expected)


@pytest.mark.parametrize("case", PROBLEM_KINDS.values(), ids=PROBLEM_KINDS.keys())
def test_read_rulebook_returns_the_same_problems_and_no_rulebook(
        case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(BAD_RULES)
    args, expected = expected_output(case)
    book, problems = read_rulebook(case, include_default="--no-default" not in args)
    assert book is None
    assert_lines_match([str(p) for p in problems], expected[:-1])


def test_each_problem_names_file_line_rule_and_reason() -> None:
    _, problems = read_rulebook(BAD_RULES / "several_problems.toml")
    file = str(BAD_RULES / "several_problems.toml")
    assert [(p.file, p.line, p.rule_id) for p in problems] == [
        (file, 3, "panel_stayed_late"), (file, 3, "panel_stayed_late"),
        (file, 12, "quick_response"), (file, 20, "silence_after_note")]
    assert all(p.reason for p in problems)


def test_the_installed_command_reports_a_broken_pack_with_exit_status_1(
        tmp_path: Path) -> None:
    """The real command line, in its own process, from an unrelated folder."""
    pack = BAD_RULES / "several_problems.toml"
    done = subprocess.run([sys.executable, "-m", "interview_signals", "check-rules", str(pack)],
                          cwd=tmp_path, capture_output=True, text=True, timeout=60,
                          check=False)
    assert (done.returncode, done.stderr) == (1, "")
    lines = done.stdout.splitlines()
    assert lines[-1] == "4 problems found"
    assert lines[0].startswith(f"{pack}:3 [panel_stayed_late]: when.all[0].value: ")


def test_a_pack_that_cannot_be_loaded_raises_rulebook_error_with_every_problem() -> None:
    with pytest.raises(RulebookError) as caught:
        Engine.from_paths(BAD_RULES / "several_problems.toml")
    assert len(caught.value.problems) == 4
    assert str(caught.value).startswith("4 problems in the rulebook:\n")


def test_rules_and_assess_refuse_a_broken_pack_with_exit_status_1(tmp_path: Path) -> None:
    observations = tmp_path / "obs.json"
    observations.write_text("{}", encoding="utf-8")
    pack = str(BAD_RULES / "duplicate_id.toml")
    for argv in (["rules", "--rules", pack], ["assess", str(observations), "--rules", pack]):
        status, out, err = run_cli(*argv)
        assert (status, out) == (1, "")
        assert err.startswith("interview-signals: 1 problem in the rulebook:\n")
        assert "[quick_response]: duplicate id \"quick_response\"" in err


def test_a_missing_pack_is_reported_by_name() -> None:
    status, out, _ = run_cli("check-rules", "no/such/pack")
    assert (status, out) == (1, "no/such/pack: no such file or folder\n1 problem found\n")


def test_an_unreadable_file_does_not_make_its_neighbours_report_unknown_ids(
        tmp_path: Path) -> None:
    """Rules of a file TOML cannot read are unknown, not wrong: only the syntax error shows."""
    (tmp_path / "a.toml").write_text((BAD_RULES / "syntax_error.toml").read_text("utf-8"),
                                     encoding="utf-8")
    (tmp_path / "b.toml").write_text(
        '[[rule]]\noverrides = "quick_response"\nexplanation = "Quick."\n'
        '[[rule]]\nid = "ask_names"\nkind = "advice"\n'
        'when = { all = [{ signal = "panel_stayed_late" }] }\nexplanation = "Note names."\n'
        'source = { sign = 4, title = "You get a personal tour" }\n', encoding="utf-8")
    _, problems = read_rulebook(tmp_path)
    assert [(Path(p.file).name, p.line) for p in problems] == [("a.toml", 4)]


def test_a_discount_of_a_negative_signal_may_fire_on_absence(tmp_path: Path) -> None:
    """Only what would lower the confidence is held to the absence principle."""
    (tmp_path / "pack.toml").write_text(
        '[[rule]]\nid = "script_but_replied"\nkind = "qualifier"\n'
        'applies_to = "disengaged_interviewer"\n'
        'when = { all = [{ path = "body_language.nods", op = "unknown" }] }\n'
        'effect = { discount = 0.5 }\nexplanation = "Rote questions may be house style."\n'
        'source = { sign = 1, title = "The interviewer has positive body language" }\n',
        encoding="utf-8")
    book, problems = read_rulebook(tmp_path / "pack.toml")
    assert (problems, book is not None) == ([], True)


# --- packs that add, override and replace --------------------------------------------------

LONG_PANEL = {"interview": {"scheduled_minutes": 45, "actual_minutes": 75,
                            "interviewer_count": 4},
              "thank_you": {"note_sent": True, "response_received": True,
                            "response_hours": 36}}


def test_the_sample_pack_passes_check_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(SAMPLE_PACK.parent.parent.parent)
    status, out, err = run_cli("check-rules", "examples/packs/panel_coach")
    assert (status, out, err) == (0, "ok: 32 rules and 60 cases from 23 files\n", "")


def test_a_pack_adds_a_qualifier_of_a_default_signal(coach_pack_engine: Engine,
                                                     engine: Engine) -> None:
    default = engine.assess(LONG_PANEL).signal("interview_ran_long")
    tuned = coach_pack_engine.assess(LONG_PANEL).signal("interview_ran_long")
    assert default is not None
    assert tuned is not None
    assert default.qualifiers == ()
    assert [(q.id, q.effect, q.amount, q.pack) for q in tuned.qualifiers] == [
        ("panel_stayed_late", "boost", 0.25, "panel_coach")]
    assert tuned.strength > default.strength


def test_a_pack_adds_advice_of_its_own(coach_pack_engine: Engine) -> None:
    result = coach_pack_engine.assess({"interview": {"interviewer_count": 3}})
    advice = {a.id: a for a in result.advice}
    assert advice["thank_each_panelist"].pack == "panel_coach"
    assert advice["thank_each_panelist"].because == ("interview.interviewer_count",)
    assert advice["send_thank_you_note"].pack == "default"


def test_an_override_changes_only_what_it_names(coach_pack_engine: Engine,
                                                engine: Engine) -> None:
    before = engine.rulebook.by_id()["interview_ran_long"]
    after = coach_pack_engine.rulebook.by_id()["interview_ran_long"]
    assert (before.amount, after.amount) == (0.3, 0.4)
    assert (after.kind, after.branches, after.explanation, after.source_title) == (
        before.kind, before.branches, before.explanation, before.source_title)
    assert (after.pack, after.overrides, after.overrides_pack) == (
        "panel_coach", "interview_ran_long", "default")
    assert after.file.endswith("tuning.toml")


def test_a_pack_tunes_a_threshold_alone_and_the_rule_keeps_its_guard(
        coach_pack_engine: Engine, engine: Engine) -> None:
    """The sample pack sets quick_reply_hours = 48: the quick-reply rule is otherwise the
    default one, so an automatic reply is still never counted as quick (nor as a reply)."""
    before = engine.rulebook.by_id()["quick_response"]
    after = coach_pack_engine.rulebook.by_id()["quick_response"]
    assert (before.branches[0][0].value, after.branches[0][0].value) == (24, 48)
    assert after.branches[0][1:] == before.branches[0][1:]
    assert after.pack == "default"
    instant = {"thank_you": {"note_sent": True, "response_received": True,
                             "response_hours": 0, "tone": "automatic"}}
    tuned = coach_pack_engine.assess(instant)
    assert tuned.signal("thank_you_response") is None
    assert "quick_response" not in {f.rule for f in tuned.trace}
    assert "automatic_reply" in {a.id for a in tuned.advice}


def test_an_override_keeps_the_rule_in_its_place(coach_pack_engine: Engine,
                                                 engine: Engine) -> None:
    default_ids = [r.id for r in engine.rulebook.rules]
    pack_ids = [r.id for r in coach_pack_engine.rulebook.rules]
    assert pack_ids == [*default_ids, "panel_stayed_late", "thank_each_panelist"]


def test_an_overridden_threshold_decides_the_qualifier(coach_pack_engine: Engine,
                                                       engine: Engine) -> None:
    default = engine.assess(LONG_PANEL).signal("thank_you_response")
    tuned = coach_pack_engine.assess(LONG_PANEL).signal("thank_you_response")
    assert default is not None
    assert tuned is not None
    assert [q.id for q in default.qualifiers] == []
    assert [(q.id, q.pack) for q in tuned.qualifiers] == [("quick_response", "default")]


def test_the_assessment_json_names_the_pack_of_every_rule(coach_pack_engine: Engine) -> None:
    data = json.loads(coach_pack_engine.assess(LONG_PANEL).to_json())
    packs = {s["id"]: (s["pack"], [(q["id"], q["pack"]) for q in s["qualifiers"]])
             for s in data["signals"]}
    assert packs == {
        "interview_ran_long": ("panel_coach", [("panel_stayed_late", "panel_coach")]),
        "thank_you_response": ("default", [("quick_response", "default")]),
    }


def test_a_later_pack_can_override_an_earlier_pack(tmp_path: Path) -> None:
    second = tmp_path / "stricter.toml"
    second.write_text('[[rule]]\noverrides = "panel_stayed_late"\neffect = { boost = 0.1 }\n',
                      encoding="utf-8")
    rule = Engine.from_paths(SAMPLE_PACK, second).rulebook.by_id()["panel_stayed_late"]
    assert (rule.amount, rule.pack, rule.overrides_pack) == (0.1, "stricter", "panel_coach")


def test_a_pack_given_twice_is_read_once(coach_pack_engine: Engine) -> None:
    book = Engine.from_paths(SAMPLE_PACK, SAMPLE_PACK / "panel.toml", SAMPLE_PACK).rulebook
    assert book == coach_pack_engine.rulebook


def test_a_pack_of_rules_alone_uses_the_default_verdicts(engine: Engine) -> None:
    book = Engine.from_paths(SAMPLE_PACK).rulebook
    assert book.verdicts == engine.rulebook.verdicts
    assert book.caveat == engine.rulebook.caveat


COMPLETE_PACK = '''
[summary]
caveat = "A reading of the signs, not an offer."
nothing_known = "Nothing recorded yet."

[[rule]]
id = "invited_back"
kind = "signal"
title = "Invited back"
when = { all = [{ path = "next_steps.invited_to_next_round", op = "==", value = true }] }
effect = { strength = 0.6 }
explanation = "They want to see you again."
source = { sign = 3, title = "You set up a second interview on the spot" }

[[verdict]]
id = "promising"
min_confidence = 0.5
summary = "Promising: {signals}."

[[verdict]]
id = "inconclusive"
min_confidence = 0
summary = "Too little to go on."
'''


def test_a_complete_pack_replaces_the_default_rulebook(tmp_path: Path) -> None:
    (tmp_path / "own.toml").write_text(COMPLETE_PACK, encoding="utf-8")
    own = Engine.from_paths(tmp_path / "own.toml", include_default=False)
    assert [r.id for r in own.rulebook.rules] == ["invited_back"]
    result = own.assess({"next_steps": {"invited_to_next_round": True},
                         "tour": {"office_tour": True}})
    assert (result.verdict, [s.id for s in result.signals], result.advice) == (
        "promising", ["invited_back"], ())
    assert result.summary == "Promising: invited back. A reading of the signs, not an offer."
    assert result.signals[0].pack == "own"


def test_assess_and_rules_take_a_complete_pack_without_the_default(tmp_path: Path) -> None:
    (tmp_path / "own.toml").write_text(COMPLETE_PACK, encoding="utf-8")
    observations = tmp_path / "obs.json"
    observations.write_text('{"next_steps": {"invited_to_next_round": true}}', "utf-8")
    pack = str(tmp_path / "own.toml")
    status, out, _ = run_cli("assess", str(observations), "--rules", pack, "--no-default",
                             "--format", "json")
    assert (status, json.loads(out)["verdict"]) == (0, "promising")
    status, out, _ = run_cli("rules", "--rules", pack, "--no-default")
    assert (status, out.splitlines()[0], out.splitlines()[-1]) == (
        0, "invited_back  (signal, sign 3)  [pack own]", "1 rules, 2 verdicts, 0 bands")


def test_rules_lists_the_merged_rulebook_and_marks_overrides() -> None:
    status, out, _ = run_cli("rules", "--rules", str(SAMPLE_PACK))
    heads = [line for line in out.splitlines() if line and not line.startswith(" ")]
    assert status == 0
    assert "interview_ran_long  (signal, sign 5)  [pack panel_coach; overrides the rule " \
        "from pack default]" in heads
    assert "panel_stayed_late  (qualifier, sign 5)  [pack panel_coach]" in heads
    assert "friendly_by_nature  (qualifier, sign 1)" in heads
    assert heads[-5:] == ["band strongly: confidence from 0.8, reads 'strongly'",
                          "band clearly: confidence from 0.45, reads 'clearly'",
                          "band a_little: confidence from 0.1, reads 'a little'",
                          "band faintly: confidence above 0, reads 'only faintly'",
                          "32 rules, 4 verdicts, 4 bands"]


def test_rules_json_names_pack_and_override() -> None:
    status, out, _ = run_cli("rules", "--rules", str(SAMPLE_PACK), "--format", "json")
    rows = {row["id"]: row for row in json.loads(out)}
    assert status == 0
    assert (rows["interview_ran_long"]["pack"], rows["interview_ran_long"]["overrides"],
            rows["interview_ran_long"]["overrides_pack"]) == (
        "panel_coach", "interview_ran_long", "default")
    assert (rows["personal_tour"]["pack"], rows["personal_tour"]["overrides"]) == (
        "default", None)


def test_assess_with_a_pack_says_which_pack_a_rule_came_from(tmp_path: Path) -> None:
    observations = tmp_path / "obs.json"
    observations.write_text(json.dumps(LONG_PANEL), encoding="utf-8")
    status, out, _ = run_cli("assess", str(observations), "--rules", str(SAMPLE_PACK))
    assert status == 0
    assert "Several interviewers all chose to stay past the time set aside" in out
    status, out, _ = run_cli("assess", str(observations), "--rules", str(SAMPLE_PACK),
                             "--detail")
    assert "    boost 0.25 by panel_stayed_late, pack panel_coach; because " in out
    assert "  signal thank_you_response (sign 7): " in out



def test_a_pack_with_a_number_too_long_to_read_is_a_rulebook_error_everywhere(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Python refuses to read an integer of thousands of digits (a ValueError from tomllib):
    the engine, the rules listing and check-rules all name the file and line instead."""
    monkeypatch.chdir(BAD_RULES)
    with pytest.raises(RulebookError, match=r"number_too_long.toml:6: a number with more "):
        Engine.from_paths("number_too_long.toml")
    status, out, err = run_cli("rules", "--rules", "number_too_long.toml")
    assert (status, out) == (1, "")
    assert "number_too_long.toml:6: a number with more digits" in err
