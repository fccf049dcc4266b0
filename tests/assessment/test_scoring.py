"""``scoring``: certainty factors combined, qualifiers applied, the confidence and the verdict
chosen."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from interview_signals import Engine
from interview_signals._assessment.scoring import Scorer, Verdicts, accumulate, confidence, qualify

strengths = st.floats(-0.99, 0.99).filter(lambda x: x != 0)


def combined(strengths: list[float]) -> float:
    return confidence(*accumulate(strengths))


def test_evidence_for_accumulates_towards_one() -> None:
    assert combined([0.5, 0.5]) == pytest.approx(0.75)


def test_evidence_for_and_against_net_out() -> None:
    assert combined([0.5, -0.5]) == 0


@given(st.lists(strengths, max_size=6))
def test_the_order_of_strengths_never_changes_the_combination(values: list[float]) -> None:
    assert accumulate(values) == accumulate(list(reversed(values)))
    assert combined(values) == combined(list(reversed(values)))


@given(st.floats(0.01, 0.99), st.lists(st.floats(0.01, 0.99), max_size=3),
       st.lists(st.floats(0.01, 0.99), max_size=3))
def test_a_qualified_strength_keeps_its_sign_and_stays_in_range(
        base: float, boosts: list[float], discounts: list[float]) -> None:
    up, down = qualify(base, boosts, discounts), qualify(-base, boosts, discounts)
    assert 0 <= up <= 1
    assert down == -up


def test_the_confidence_is_the_net_certainty_never_below_zero_rounded() -> None:
    assert confidence(0.7, 1.0) == 0.3  # one signal of 0.3 for
    assert confidence(1.0, 1.0) == 0.0  # nothing for or against
    assert confidence(1.0, 0.7) == 0.0  # against only: never below 0
    assert confidence(0.5, 0.5) == 0.0
    assert confidence(1 / 3, 1.0) == 0.666667


def test_the_first_verdict_whose_confidence_is_reached_is_chosen() -> None:
    verdicts = Verdicts(Engine.default().rulebook)
    assert verdicts.choose(0.85, 0) == "strong"
    assert verdicts.choose(0.5, 0) == "promising"
    assert verdicts.choose(0.2, 0) == "tentative"
    assert verdicts.choose(0.0, 0) == "inconclusive"
    assert [verdicts.rank(c, 0) for c in (0.85, 0.5, 0.2, 0.0)] == [0, 1, 2, 3]


def test_the_stated_exception_lifts_a_next_round_to_the_top_verdict() -> None:
    verdicts = Verdicts(Engine.default().rulebook)
    standing = verdicts.standing(["second_interview_on_the_spot", "personal_tour"])
    assert verdicts.choose(0.0, standing) == "strong"
    assert verdicts.needs(standing)[0] == ("strong", 0.0)
    assert verdicts.standing(["personal_tour"]) == 0  # no verdict names it


def test_the_last_verdict_is_chosen_when_none_before_it_is() -> None:
    book = Engine.default().rulebook
    last = attrs.evolve(book.verdicts[-1], min_confidence=0.99)
    verdicts = Verdicts(attrs.evolve(book, verdicts=(*book.verdicts[:-1], last)))
    assert verdicts.choose(0.0, 0) == last.id


def test_score_gives_verdict_confidence_and_strengths_in_sign_order() -> None:
    scorer = Scorer(Engine.default().rulebook)
    verdict, score, strengths = scorer.score(
        {"thank_you_response", "warm_tone", "personal_tour"})
    assert list(strengths) == ["personal_tour", "thank_you_response"]
    assert strengths["thank_you_response"] > strengths["personal_tour"] == 0.3
    assert score == combined(list(strengths.values()))
    assert verdict == "promising"


def test_two_pieces_of_evidence_against_accumulate_as_evidence_for_does() -> None:
    assert accumulate([-0.5, -0.5]) == (1.0, 0.25)
    for_, against = accumulate([-0.5, -0.4])
    assert for_ == 1.0
    assert against == pytest.approx(0.3)
    assert accumulate([0.5, 0.5]) == (0.25, 1.0)


def test_evidence_against_from_two_sources_nets_with_evidence_for() -> None:
    """For: 0.9 leaves 0.1 open, so 0.9 for; against: 0.5 and 0.4 leave 0.3 open, so 0.7
    against; net (0.9 - 0.7) / (1 - 0.7). More against than for nets to 0, never below."""
    assert combined([-0.5, 0.9, -0.4]) == round(0.2 / 0.3, 6)
    assert combined([-0.5, 0.3, -0.4]) == 0.0


def test_certainty_both_ways_nets_to_zero_instead_of_dividing_by_zero() -> None:
    """Enough strong evidence each way leaves nothing open on either side (the products
    underflow to 0): the saturation guard answers 0 where the formula would divide 0 by 0."""
    assert accumulate([0.999] * 120 + [-0.999] * 120) == (0.0, 0.0)
    assert combined([0.999] * 120 + [-0.999] * 120) == 0.0


@pytest.mark.parametrize(("base", "boosts", "discounts", "expected"), [
    (0.5, [0.5], [], 0.75),
    (0.5, [], [0.5], 0.25),
    (0.5, [0.5, 0.5], [], 0.875),
    (-0.5, [0.5], [0.5], -0.375),
    (0.2, [0.5], [0.5, 0.5], 0.15),
])
def test_qualifiers_move_the_magnitude_by_their_share(base: float, boosts: list[float],
                                                      discounts: list[float],
                                                      expected: float) -> None:
    assert qualify(base, boosts, discounts) == pytest.approx(expected)


def test_a_reading_with_only_evidence_against_has_no_confidence_and_the_last_verdict() -> None:
    verdict, confidence, strengths = Scorer(Engine.default().rulebook).score(
        {"disengaged_interviewer"})
    assert strengths["disengaged_interviewer"] < 0
    assert (verdict, confidence) == ("inconclusive", 0.0)


def _verdicts_of(*verdicts: tuple[str, float, tuple[str, ...]]) -> Verdicts:
    book = Engine.default().rulebook
    template = book.verdicts[0]
    return Verdicts(attrs.evolve(book, verdicts=tuple(
        attrs.evolve(template, id=id_, min_confidence=m, or_signals=signals)
        for id_, m, signals in verdicts)))


def test_a_verdict_is_chosen_at_exactly_its_min_confidence() -> None:
    verdicts = Verdicts(Engine.default().rulebook)
    assert [verdicts.choose(c, 0) for c in (0.8, 0.45, 0.1, 0.0)] == [
        "strong", "promising", "tentative", "inconclusive"]
    assert verdicts.choose(0.45 - 1e-9, 0) == "tentative"


def test_each_signal_named_by_a_verdict_has_its_own_bit() -> None:
    """Two verdicts each lifted by a signal of their own: each signal lifts its verdict
    only (a shared or missing bit would lift both or neither)."""
    verdicts = _verdicts_of(("top", 0.9, ("a",)), ("middle", 0.5, ("b",)),
                            ("bottom", 0.0, ()))
    assert len({verdicts.bits["a"], verdicts.bits["b"]} - {0}) == 2
    assert verdicts.choose(0.0, verdicts.standing(["a"])) == "top"
    assert verdicts.choose(0.0, verdicts.standing(["b"])) == "middle"
    assert verdicts.choose(0.0, verdicts.standing(["c"])) == "bottom"


def test_needs_are_the_min_confidences_but_none_for_a_verdict_whose_signal_stands() -> None:
    verdicts = Verdicts(Engine.default().rulebook)
    assert verdicts.needs(0) == (("strong", 0.8), ("promising", 0.45), ("tentative", 0.1),
                                 ("inconclusive", 0.0))
    lifted = verdicts.standing(["second_interview_on_the_spot"])
    assert verdicts.needs(lifted) == (("strong", 0.0), ("promising", 0.45),
                                      ("tentative", 0.1), ("inconclusive", 0.0))
