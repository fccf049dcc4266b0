"""``_assessment.parts``: each part of an assessment reads back exactly what its ``to_dict``
wrote, and the JSON form of an explanation is the ``to_dict`` of its part objects."""

from __future__ import annotations

from typing import Any

from hypothesis import given

from interview_signals import Advice, AppliedQualifier, Engine, Firing, Missing, Signal, Source
from interview_signals._assessment.parts import DIGITS, rounded
from tests.strategies import Nested, observations

KINDS: dict[str, Any] = {"signals": Signal, "advice": Advice, "missing": Missing,
                         "trace": Firing}


@given(observations())
def test_every_part_reads_back_what_its_to_dict_wrote(obs: Nested) -> None:
    data = Engine.default().assess(obs).to_dict()
    for key, cls in KINDS.items():
        for written in data[key]:  # type: ignore[attr-defined]
            part = cls.from_dict(written)
            assert part.to_dict() == written
            assert cls.from_dict(part.to_dict()) == part


@given(observations())
def test_the_part_objects_are_the_json_form(obs: Nested) -> None:
    result = Engine.default().assess(obs)
    data: Any = result.to_dict()
    assert [s.to_dict() for s in result.signals] == data["signals"]
    assert [a.to_dict() for a in result.advice] == data["advice"]
    assert [m.to_dict() for m in result.missing] == data["missing"]
    assert [f.to_dict() for f in result.trace] == data["trace"]


def test_a_firing_keeps_unknown_observations_apart_from_known_ones() -> None:
    firing = Firing(step=1, rule="r", engine_rule="r#1.1", kind="signal",
                    matched_observations=(("thank_you.tone", None),
                                          ("thank_you.note_sent", True)),
                    matched_facts=(("signal", "s"),), asserted=())
    written: Any = firing.to_dict()
    assert written["matched"] == [
        {"kind": "observation", "path": "thank_you.tone", "value": "unknown"},
        {"kind": "observation", "path": "thank_you.note_sent", "value": True},
        {"kind": "signal", "id": "s"}]
    assert written["asserted"] == []
    assert firing.because == ("thank_you.tone", "thank_you.note_sent")
    assert Firing.from_dict(written) == firing


def test_a_signal_stands_only_when_it_counts_for_the_candidate() -> None:
    def signal(strength: float) -> Signal:
        return Signal(id="s", sign=1, title="T", strength=strength, base_strength=strength,
                      qualifiers=(), because=(), rule="s",
                      source=Source(sign=1, title="T"), explanation="e", pack="default")

    assert signal(0.3).stands
    assert not signal(0.0).stands
    assert not signal(-0.2).stands


def test_numbers_are_written_rounded_to_the_documented_places() -> None:
    qualifier = AppliedQualifier(id="q", effect="boost", amount=0.123456789,
                                 explanation="e", because=("a.b",), rule="q", pack="p")
    assert qualifier.to_dict()["amount"] == round(0.123456789, DIGITS) == rounded(0.123456789)
