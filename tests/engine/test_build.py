"""``build``: engines from rule packs. The engine of one call (the shared default engine,
or one built for the call's packs and closed with it), and the engine's limits checked
wherever a rulebook becomes an engine."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from interview_signals import Engine, RulebookError
from interview_signals._engine.build import call_engine, engine_for, load_packs, read_packs
from interview_signals._rulebook.model import Rule, Test

PACK = (str(Path(__file__).resolve().parents[2] / "examples" / "packs" / "panel_coach"),)


def test_the_default_engine_is_shared_and_stays_open_after_the_call() -> None:
    engine, release = call_engine((), True)
    assert engine is Engine.default()
    release.close()
    assert not engine.closed


def test_an_engine_built_for_packs_belongs_to_the_call() -> None:
    engine, release = call_engine(PACK, True)
    assert engine is not Engine.default()
    assert "panel_coach" in {r.pack for r in engine.rulebook.rules}
    with release:
        assert not engine.closed
    assert engine.closed


def test_engine_for_closes_its_engine_at_the_end_of_the_block() -> None:
    with engine_for(PACK, True) as engine:
        assert not engine.closed
    assert engine.closed


def test_a_pack_that_cannot_be_read_raises_rulebook_error(tmp_path: Path) -> None:
    with pytest.raises(RulebookError, match="no such file or folder"):
        call_engine((str(tmp_path / "missing"),), True)


def _step_rule(n: int, template: Rule) -> Rule:
    """Advice on ``interview.actual_minutes >= n``: a scale of many steps on one field."""
    return attrs.evolve(template, id=f"step_{n}", kind="advice", applies_to=None,
                        effect="advise", amount=0.0,
                        branches=((Test(path="interview.actual_minutes", op=">=", value=n),),))


def test_a_rulebook_built_in_python_is_checked_against_the_engine_limits() -> None:
    """Engine(rulebook) checks the limits itself, not only the pack reader: 600 literals on
    one field would make durable loop forever while the ruleset is built."""
    book = Engine.default().rulebook
    template = book.of_kind("advice")[0]
    steps = tuple(_step_rule(n, template) for n in range(1, 601))
    with pytest.raises(RulebookError, match="engine limit"):
        Engine(attrs.evolve(book, rules=(*book.rules, *steps)))


def test_read_packs_reports_the_engine_limits_with_the_pack_problems(tmp_path: Path) -> None:
    assert read_packs()[1] == []
    assert load_packs() == Engine.default().rulebook
