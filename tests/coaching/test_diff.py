"""The effect of a change of rulebook: a corpus compared under two rulebooks, checked against
assessing each observation set with two engines; in this process and in worker processes."""

from __future__ import annotations

import io
import json
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interview_signals import (
    ArgumentError,
    Assessment,
    Engine,
    RulebookDiff,
    RulebookError,
    diff_rulebooks,
)
from tests.benchmarks.bench_assess import observation_sets
from tests.conftest import SAMPLE_PACK
from tests.strategies import Nested, observations

CORPUS = observation_sets(400, seed=22)
RANK = {"strong": 0, "promising": 1, "tentative": 2, "inconclusive": 3}


def reference(corpus: Sequence[Mapping[str, object]], old: Engine, new: Engine
              ) -> dict[str, object]:
    """The counts, assessing each observation set with both engines."""
    counts: Counter[str] = Counter()
    transitions: Counter[tuple[str, str]] = Counter()
    rules: Counter[tuple[str, str]] = Counter()
    for observations_ in corpus:
        before, after = old.assess(observations_), new.assess(observations_)
        fired_before, fired_after = fired(before), fired(after)
        for rule in fired_before - fired_after:
            rules[(rule, "only_old")] += 1
        for rule in fired_after - fired_before:
            rules[(rule, "only_new")] += 1
        strengths = {s.id: s.strength for s in before.signals}
        for signal in after.signals:
            if signal.id in strengths and abs(strengths[signal.id] - signal.strength) > 1e-9:
                rules[(signal.id, "strength")] += 1
        if before.verdict != after.verdict:
            up = RANK[after.verdict] < RANK[before.verdict]
            counts["up" if up else "down"] += 1
            transitions[(before.verdict, after.verdict)] += 1
        elif before.confidence != after.confidence:
            counts["moved"] += 1
        elif fired_before != fired_after:
            counts["other"] += 1
        else:
            counts["unchanged"] += 1
    return {"counts": counts, "transitions": transitions, "rules": rules}


def fired(assessment: Assessment) -> set[str]:
    return {f.rule for f in assessment.trace}


def as_seen(diff: RulebookDiff) -> dict[str, object]:
    data = diff.to_dict()
    counts = Counter({k: v for k, v in (
        ("up", data["verdict_up"]), ("down", data["verdict_down"]),
        ("moved", data["confidence_moved"]), ("other", data["other_conclusions_changed"]),
        ("unchanged", data["unchanged"])) if v})
    transitions = Counter({(t["old"], t["new"]): t["readings"]
                           for t in data["transitions"]})  # type: ignore[attr-defined]
    rules = Counter({(r["rule"], r["difference"]): r["readings"]
                     for r in data["rules"] if r["difference"] != "amount"})  # type: ignore[attr-defined]
    return {"counts": counts, "transitions": transitions, "rules": rules}


def test_the_counts_agree_with_assessing_each_set_under_both_rulebooks(
        engine: Engine, coach_pack_engine: Engine) -> None:
    diff = diff_rulebooks(CORPUS, new=[SAMPLE_PACK], workers=1)
    assert as_seen(diff) == reference(CORPUS, engine, coach_pack_engine)
    assert diff.readings == len(CORPUS)
    assert diff.up > 0
    assert diff.down == 0
    assert diff.changed == diff.up + diff.down + int(str(
        diff.to_dict()["confidence_moved"])) + int(str(diff.to_dict()[
            "other_conclusions_changed"]))


def test_swapping_the_rulebooks_swaps_up_and_down(engine: Engine,
                                                   coach_pack_engine: Engine) -> None:
    forward = diff_rulebooks(CORPUS, new=[SAMPLE_PACK], workers=1)
    backward = diff_rulebooks(CORPUS, old=[SAMPLE_PACK], workers=1)
    assert (backward.up, backward.down) == (forward.down, forward.up)
    assert as_seen(backward) == reference(CORPUS, coach_pack_engine, engine)


@settings(max_examples=25, deadline=None)
@given(st.lists(observations(), max_size=20))
def test_a_rulebook_compared_with_itself_changes_nothing(corpus: list[Nested]) -> None:
    """Principle: the same rulebook on both sides reads every interview the same."""
    diff = diff_rulebooks(corpus, new=["default"], workers=1)
    assert (diff.readings, diff.changed, diff.skipped) == (len(corpus), 0, 0)
    assert "No reading changed." in diff.render()


def test_worker_processes_give_the_same_report_as_one_process() -> None:
    lines = [json.dumps(o).encode() + b"\n" for o in CORPUS] + [b"[1]\n", b"{bad\n"]
    one = diff_rulebooks(lines, new=[SAMPLE_PACK], workers=1)
    two = diff_rulebooks(iter(lines), new=[SAMPLE_PACK], workers=2)
    assert two.to_dict() == one.to_dict()
    assert one.skipped == 2


def test_each_changed_reading_is_written_with_the_rules_that_made_the_difference(
        engine: Engine, coach_pack_engine: Engine) -> None:
    out = io.StringIO()
    diff = diff_rulebooks(CORPUS, new=[SAMPLE_PACK], workers=1, changes=out)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(rows) == diff.changed
    for row in rows:
        before = engine.assess(CORPUS[row["line"] - 1])
        after = coach_pack_engine.assess(CORPUS[row["line"] - 1])
        assert (row["old"]["verdict"], row["new"]["verdict"]) == (before.verdict,
                                                                  after.verdict)
        assert row["change"] == round(after.confidence - before.confidence, 4)
        only_new = {r["rule"] for r in row["rules"] if r["difference"] == "only_new"}
        assert only_new == fired(after) - fired(before)


def test_the_largest_moves_come_first_at_most_top_of_them() -> None:
    diff = diff_rulebooks(CORPUS, new=[SAMPLE_PACK], workers=1, top=5)
    moves = diff.to_dict()["largest_moves"]
    assert isinstance(moves, list)
    assert len(moves) == 5
    sizes = [abs(m["change"]) for m in moves]
    assert sizes == sorted(sizes, reverse=True)
    every = diff_rulebooks(CORPUS, new=[SAMPLE_PACK], workers=1, top=1000).to_dict()
    largest = max(abs(m["change"]) for m in every["largest_moves"])  # type: ignore[attr-defined]
    assert sizes[0] == largest


def test_the_text_names_both_sides_and_what_made_the_difference() -> None:
    text = diff_rulebooks(CORPUS, new=[SAMPLE_PACK], workers=1,
                          corpus="week.jsonl").render()
    lines = text.splitlines()
    assert lines[:3] == ["400 readings of week.jsonl assessed under both rulebooks",
                         "  old: the default rulebook",
                         f"  new: the default rulebook with {SAMPLE_PACK}"]
    start = lines.index("What made the difference (readings that changed):")
    assert lines[start + 1].startswith("  signal interview_ran_long (pack panel_coach, ")
    assert "strength changed (base 0.30 -> 0.40) in " in lines[start + 1]
    assert any("qualifier panel_stayed_late (pack panel_coach, panel.toml:" in line
               and "fired under the new rulebook only" in line for line in lines)


def test_bad_items_are_skipped_by_number_and_the_first_ten_quoted() -> None:
    items: list[object] = [*CORPUS[:3], *([{"tour": {"office_tour": 1}}] * 12), b"{x\n"]
    diff = diff_rulebooks(items, new=[SAMPLE_PACK], workers=1)  # type: ignore[arg-type]
    data = diff.to_dict()
    assert (diff.readings, diff.skipped) == (3, 13)
    errors = data["errors"]
    assert isinstance(errors, list)
    assert [e["line"] for e in errors] == list(range(4, 14))
    assert errors[0]["error"] == "tour.office_tour: expected true or false, got 1"
    assert "Skipped lines (first 10 of 13):" in diff.render()


def test_default_names_the_default_rulebook_when_it_is_left_out() -> None:
    diff = diff_rulebooks(CORPUS[:20], old=["default"], new=["default", SAMPLE_PACK],
                          include_default=False, workers=1)
    same = diff_rulebooks(CORPUS[:20], new=[SAMPLE_PACK], workers=1)
    assert diff.to_dict()["rules"] == same.to_dict()["rules"]
    assert diff.to_dict()["old"] == {"packs": [], "include_default": True}


def test_a_side_with_no_rulebook_at_all_is_an_argument_error() -> None:
    with pytest.raises(ArgumentError, match="old: without the default rulebook, give a pack"):
        diff_rulebooks([], new=[SAMPLE_PACK], include_default=False)


@pytest.mark.parametrize(("key", "value"), [("workers", 0), ("top", 0), ("top", True)])
def test_counts_must_be_positive_integers(key: str, value: object) -> None:
    with pytest.raises(ArgumentError, match=f"{key}: expected a positive integer"):
        diff_rulebooks([], **{key: value})  # type: ignore[arg-type]


def test_a_broken_pack_fails_before_any_item_is_read(tmp_path: Path) -> None:
    (tmp_path / "bad.toml").write_text("[[rule]]\nid = 3\n", encoding="utf-8")
    read = []

    def items() -> Iterator[Nested]:
        read.append(1)
        yield {}

    with pytest.raises(RulebookError):
        diff_rulebooks(items(), new=[tmp_path / "bad.toml"], workers=1)
    assert read == []
