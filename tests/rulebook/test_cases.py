"""Test cases in packs: ``[[case]]`` tables and ``cases/`` folders, read and checked with
the packs (file, line, case id), overridden by id, and never read by an engine.

Each broken case pack in ``tests/data/bad_cases/`` sits beside a ``.expected`` file holding
what ``interview-signals check-rules <pack>`` prints when run from that folder (as for
``tests/data/bad_rules/``); ``test-rules`` prints the same problems and runs no case.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interview_signals import Engine, RulebookError
from interview_signals._rulebook import Case, read_rulebook
from interview_signals._rulebook.files import default_pack_path
from tests.rulebook.test_packs import assert_lines_match, run_cli

BAD_CASES = Path(__file__).resolve().parents[1] / "data" / "bad_cases"

# Every problem a case can have, and the broken pack that shows it.
CASE_PROBLEMS = {
    "misspelled_observation_path": "unknown_path.toml",
    "observation_out_of_range": "value_out_of_range.toml",
    "observations_that_contradict_each_other": "contradictory_observations.toml",
    "unknown_signal_id": "unknown_signal.toml",
    "an_id_of_another_kind": "wrong_kind.toml",
    "unknown_verdict": "unknown_verdict.toml",
    "expected_present_and_absent": "present_and_absent.toml",
    "qualifier_expected_without_its_signal": "qualifier_without_its_signal.toml",
    "confidence_range_out_of_0_1": "confidence_out_of_range.toml",
    "empty_confidence_range": "confidence_empty.toml",
    "case_that_expects_nothing": "expects_nothing.toml",
    "case_without_why_or_source": "no_reason.toml",
    "unknown_key": "unknown_key.toml",
    "case_without_an_id": "no_id.toml",
    "duplicate_case_id": "duplicate_id.toml",
    "override_of_an_unknown_case": "unknown_override.toml",
    "bad_source": "bad_source.toml",
    "toml_syntax_error": "syntax_error.toml",
    "case_that_is_not_a_table": "not_tables.toml",
    "rulebook_tables_in_a_cases_folder": "rules_among_cases",
    "several_problems_at_once": "several_problems.toml",
}

CASE = """\
[[case]]
id = "shown_around"
observations.tour.office_tour = true
expect.signals = ["personal_tour"]
source = { sign = 4, title = "You get a personal tour", quote = "show you the space" }
"""


def expected_lines(name: str) -> list[str]:
    return (BAD_CASES / f"{name.removesuffix('.toml')}.expected").read_text(
        "utf-8").splitlines()


def test_every_broken_case_pack_is_listed_with_its_expected_message() -> None:
    packs = {p.name for p in BAD_CASES.iterdir() if p.suffix == ".toml" or p.is_dir()}
    assert packs == set(CASE_PROBLEMS.values())
    assert {p.removesuffix(".toml") for p in packs} == {
        p.stem for p in BAD_CASES.glob("*.expected")}


@pytest.mark.parametrize("pack", CASE_PROBLEMS.values(), ids=CASE_PROBLEMS.keys())
def test_check_rules_names_file_line_case_and_reason_and_exits_1(
        pack: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(BAD_CASES)
    status, out, err = run_cli("check-rules", pack)
    assert (status, err) == (1, "")
    assert_lines_match(out.splitlines(), expected_lines(pack))


@pytest.mark.parametrize("pack", CASE_PROBLEMS.values(), ids=CASE_PROBLEMS.keys())
def test_test_rules_reports_the_same_problems_runs_no_case_and_exits_1(
        pack: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(BAD_CASES)
    status, out, err = run_cli("test-rules", pack)
    expected = expected_lines(pack)
    assert (status, err) == (1, "")
    assert_lines_match(out.splitlines(), [*expected[:-1], expected[-1] + "; no case was run"])


def test_an_engine_never_reads_cases_so_a_broken_case_cannot_stop_an_assessment() -> None:
    with Engine.from_paths(BAD_CASES / "several_problems.toml") as engine:
        assert engine.rulebook.cases == ()
        assert engine.assess({"tour": {"office_tour": True}}).verdict == "tentative"
    book, problems = read_rulebook(BAD_CASES / "several_problems.toml")
    assert (problems, book is not None) == ([], True)


def test_a_case_is_read_into_checked_observations_and_expectations(tmp_path: Path) -> None:
    (tmp_path / "pack.toml").write_text(
        '[[case]]\nid = "invited"\n'
        'observations = { next_steps = { invited_to_next_round = true } }\n'
        'expect = { verdict = "strong", advice = ["prepare_for_next_round"], '
        'absent_qualifiers = ["scheduled_on_the_spot"], confidence = { min = 0.7 } }\n'
        'why = "  An invitation back.  "\n', encoding="utf-8")
    book, problems = read_rulebook(tmp_path / "pack.toml", cases=True)
    assert problems == []
    assert book is not None
    case = book.cases[-1]
    assert isinstance(case, Case)
    assert (case.id, case.pack, case.line, case.why, case.source) == (
        "invited", "pack", 2, "An invitation back.", None)
    assert dict(case.observations) == {"next_steps.invited_to_next_round": True}
    assert case.expect.verdicts == ("strong",)
    assert case.expect.confidence == (0.7, 1.0)
    assert case.expect.present == {"signal": (), "qualifier": (),
                                   "advice": ("prepare_for_next_round",)}
    assert case.expect.absent == {"signal": (), "qualifier": ("scheduled_on_the_spot",),
                                  "advice": ()}


def test_the_default_cases_come_first_then_each_packs_in_order(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text(CASE, encoding="utf-8")
    (tmp_path / "b.toml").write_text(CASE.replace("shown_around", "shown_around_again"),
                                     encoding="utf-8")
    book, _ = read_rulebook(tmp_path, cases=True)
    assert book is not None
    packs = [c.pack for c in book.cases]
    assert packs == sorted(packs, key=lambda p: p != "default")
    assert [c.id for c in book.cases][-2:] == ["shown_around", "shown_around_again"]
    assert {Path(c.file).parent for c in book.cases if c.pack == "default"} == {
        default_pack_path() / "cases"}


def test_a_pack_folder_reads_its_cases_folder_in_name_order(tmp_path: Path) -> None:
    (tmp_path / "cases").mkdir()
    (tmp_path / "rules.toml").write_text("[params]\nquick_reply_hours = 48\n",
                                         encoding="utf-8")
    (tmp_path / "cases" / "b.toml").write_text(CASE, encoding="utf-8")
    (tmp_path / "cases" / "a.toml").write_text(
        "# first\n\n" + CASE.replace("shown_around", "first"), encoding="utf-8")
    (tmp_path / "cases" / "notes.txt").write_text("not a case file", encoding="utf-8")
    book, problems = read_rulebook(tmp_path, cases=True)
    assert problems == []
    assert book is not None
    mine = [(c.id, Path(c.file).name, c.line) for c in book.cases if c.pack != "default"]
    assert mine == [("first", "a.toml", 4), ("shown_around", "b.toml", 2)]


def test_an_override_changes_the_expectations_it_names_and_keeps_the_rest(
        tmp_path: Path) -> None:
    (tmp_path / "pack.toml").write_text(
        '[[case]]\noverrides = "shown_the_space"\nexpect.verdict = "tentative"\n'
        'why = "This coach also pins the verdict."\n', encoding="utf-8")
    book, problems = read_rulebook(tmp_path / "pack.toml", cases=True)
    assert problems == []
    assert book is not None
    cases = {c.id: c for c in book.cases}
    default, _ = read_rulebook(cases=True)
    assert default is not None
    before = {c.id: c for c in default.cases}["shown_the_space"]
    after = cases["shown_the_space"]
    assert (after.pack, after.overrides_pack, after.why) == (
        "pack", "default", "This coach also pins the verdict.")
    assert after.expect.verdicts == ("tentative",)
    assert (after.expect.present, after.expect.absent, after.observations, after.source) == (
        before.expect.present, before.expect.absent, before.observations, before.source)
    assert [c.id for c in book.cases].count("shown_the_space") == 1


def test_an_override_keeps_the_id_it_overrides(tmp_path: Path) -> None:
    (tmp_path / "pack.toml").write_text(
        '[[case]]\noverrides = "shown_the_space"\nid = "other"\n', encoding="utf-8")
    _, problems = read_rulebook(tmp_path / "pack.toml", cases=True)
    assert [str(p).split(": ", 1)[1] for p in problems] == [
        "an override keeps the id it overrides; drop id or set it to \"shown_the_space\""]


def test_without_the_default_rulebook_its_cases_are_not_there(tmp_path: Path) -> None:
    book, problems = read_rulebook(default_pack_path(), include_default=False, cases=True)
    default, _ = read_rulebook(cases=True)
    assert problems == []
    assert book is not None
    assert default is not None
    assert [c.id for c in book.cases] == [c.id for c in default.cases]
    (tmp_path / "pack.toml").write_text(CASE, encoding="utf-8")
    _, problems = read_rulebook(tmp_path / "pack.toml", include_default=False, cases=True)
    # Alone, the pack has no rules: its case names a signal no rule makes.
    assert any("expect.signals: unknown signal id \"personal_tour\"" in p.reason
               for p in problems)


def test_an_unreadable_file_hides_unknown_ids_it_might_have_defined(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text("[[rule]\n", encoding="utf-8")
    (tmp_path / "b.toml").write_text(CASE.replace("personal_tour", "panel_tour"),
                                     encoding="utf-8")
    _, problems = read_rulebook(tmp_path, cases=True)
    assert [Path(p.file).name for p in problems] == ["a.toml"]


def test_a_bad_case_raises_rulebook_error_when_cases_are_loaded(tmp_path: Path) -> None:
    from interview_signals._rulebook import load_rulebook

    with pytest.raises(RulebookError) as caught:
        load_rulebook(BAD_CASES / "several_problems.toml", cases=True)
    assert len(caught.value.problems) == 5


@given(low=st.floats(-2, 3, allow_nan=False), high=st.floats(-2, 3, allow_nan=False))
def test_a_confidence_range_is_accepted_exactly_when_it_is_a_range_within_0_and_1(
        low: float, high: float) -> None:
    """Principle: a case can only expect a confidence the library can give."""
    from interview_signals._rulebook.cases import parse_case

    problems: list[str] = []
    case = parse_case({"id": "c", "expect": {"confidence": {"min": low, "max": high}},
                       "why": "w"}, file="f.toml", pack="p", line=1, bad=problems.append)
    fits = 0 <= low <= high <= 1
    assert (case is not None) == fits
    assert (problems == []) == fits
    if case is not None:
        assert case.expect.confidence == (low, high)
