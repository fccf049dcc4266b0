"""End-to-end smoke checks of the one-shot path."""

from __future__ import annotations

from interview_signals import Engine, assess


def test_a_next_round_set_up_on_the_spot_is_strong(engine: Engine) -> None:
    result = assess({"next_steps": {"invited_to_next_round": True,
                                    "scheduled_on_the_spot": True}}, engine=engine)
    assert result.verdict == "strong"
    signal = result.signal("second_interview_on_the_spot")
    assert signal is not None
    assert [q.id for q in signal.qualifiers] == ["scheduled_on_the_spot"]
    assert {a.id for a in result.advice} == {"prepare_for_next_round", "not_an_offer_yet",
                                             "send_thank_you_note"}


def test_nothing_known_is_inconclusive(engine: Engine) -> None:
    result = engine.assess({})
    assert (result.verdict, result.confidence, result.signals) == ("inconclusive", 0.0, ())
