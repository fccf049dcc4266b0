"""One Engine for the whole run, and the Hypothesis profiles (``tests/profiles.py``: fast by
default, thorough in CI, quick for the everyday command)."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest

import tests.profiles  # noqa: F401  # registers and loads the Hypothesis profiles
from interview_signals import Engine


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine.default()


class RulePack(NamedTuple):
    """A rulebook the principle and differential tests run against: the packs on top of the
    default one (or instead of it)."""

    name: str
    paths: tuple[Path, ...] = ()
    include_default: bool = True


SAMPLE_PACK = Path(__file__).resolve().parent.parent / "examples" / "packs" / "panel_coach"
"""The coach's pack of examples/03_custom_rule_pack.py: two overrides and rules of its own."""

RULE_PACKS: list[RulePack] = [RulePack("default"), RulePack("pack", (SAMPLE_PACK,))]
"""Add a sample pack here (for example tests/data/<pack>/) to hold it to the same principles
and to the reference interpreter."""

_PACK_ENGINES: dict[RulePack, Engine] = {}


def engine_for(pack: RulePack) -> Engine:
    """One engine per pack for the whole run: engines are built once and reused."""
    if pack not in _PACK_ENGINES:
        _PACK_ENGINES[pack] = (
            Engine.default() if not pack.paths and pack.include_default
            else Engine.from_paths(*pack.paths, include_default=pack.include_default))
    return _PACK_ENGINES[pack]


@pytest.fixture(scope="session", params=RULE_PACKS, ids=[p.name for p in RULE_PACKS])
def rule_pack(request: pytest.FixtureRequest) -> RulePack:
    pack: RulePack = request.param
    return pack


@pytest.fixture(scope="session")
def pack_engine(rule_pack: RulePack) -> Engine:
    """The engine of each pack of ``RULE_PACKS`` in turn."""
    return engine_for(rule_pack)


@pytest.fixture(scope="session")
def coach_pack_engine() -> Engine:
    """The default rulebook with the sample coach pack on top."""
    return engine_for(RulePack("pack", (SAMPLE_PACK,)))


@pytest.fixture(scope="session", params=["default", "pack"])
def any_engine(request: pytest.FixtureRequest) -> Engine:
    """The default engine, then the engine with the sample coach pack."""
    return engine_for(RULE_PACKS[0] if request.param == "default" else RULE_PACKS[1])
