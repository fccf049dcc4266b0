"""``cost``: the search's cost model, computed when an engine is built; a rulebook past it
is refused by check-rules and by a consultation or what-if at once, and still assesses."""

from __future__ import annotations

from pathlib import Path

import pytest

from interview_signals import Engine, RulebookError
from interview_signals._cli.main import main
from interview_signals._consultation.search.cost import (
    MAX_GROUP_COMPLETIONS,
    MAX_SEARCH_WORK,
    group_costs,
    passes,
    search_problems,
)
from interview_signals._consultation.search.evaluator import Evaluator
from tests.consultation import generated_packs


def test_the_default_rulebook_is_well_within_the_model(engine: Engine) -> None:
    costs = group_costs(Evaluator(engine.rulebook))
    assert max(c.completions for c in costs) == 810
    assert sum(c.work for c in costs) < MAX_SEARCH_WORK // 20
    assert engine.search_problems == ()


def test_rules_in_dependency_order_go_over_a_chain_twice(tmp_path: Path) -> None:
    """Written last link first, a chain is still evaluated in one pass (and one to see that
    nothing more fires)."""
    book = Engine.from_paths(generated_packs.deep_chain(tmp_path, 40),
                             include_default=False).rulebook
    (group,) = Evaluator(book).groups
    assert passes(group) == 2
    assert [r.id for r in group.rules] == [f"c{i}" for i in range(40)]


def test_a_group_past_the_work_bound_is_refused_by_name_and_still_assesses(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pack = generated_packs.deep_chain(tmp_path, 200, values=120)  # 15,129 combinations
    engine = Engine.from_paths(pack, include_default=False)
    (problem,) = engine.search_problems
    assert "costs 30,469,806 units" in problem.reason
    assert f"at most {MAX_SEARCH_WORK:,}" in problem.reason
    assert "has 15,129 combinations" in problem.reason
    assert "interview.scheduled_minutes, interview.actual_minutes" in problem.reason
    for search in (engine.consult, engine.what_if):
        with pytest.raises(RulebookError, match="units of work"):
            search({})
    assert engine.assess({"interview": {"actual_minutes": 3, "scheduled_minutes": 3}}
                         ).verdict == "v0"  # the whole chain fires
    assert main(["check-rules", "--no-default", str(pack)]) == 1
    out = capsys.readouterr().out
    assert "units of work" in out
    assert out.endswith("1 problem found\n")


def test_a_smaller_chain_is_accepted(tmp_path: Path) -> None:
    pack = generated_packs.deep_chain(tmp_path, 250)
    assert search_problems(Engine.from_paths(pack, include_default=False).rulebook) == []
    assert MAX_GROUP_COMPLETIONS == 20_000
