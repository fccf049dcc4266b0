"""``_consultation.whatif``: the smallest sets of changes that reach a better verdict. What
``test_consult`` checks by brute force (minimality, no set missed, the kinds, a proven
impossibility) stays there; here, that every returned set is the engine's, in order and
within the limit, that the engine's word is final, and the nearest value of a class."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interview_signals import (
    ArgumentError,
    Assessment,
    Consultation,
    Engine,
    EngineError,
    Observations,
)
from interview_signals._consultation.consultant import Consultant
from interview_signals._consultation.search.answer_classes import Candidate
from interview_signals._consultation.search.budget import Budget
from interview_signals._consultation.whatif import WhatIfSearch, _nearest
from interview_signals._observations.vocabulary import VOCABULARY, Value
from interview_signals._rulebook.model import Rulebook
from interview_signals._texts import Texts
from tests.profiles import examples
from tests.strategies import nest, observation_values

ENGINE = Engine.default()
STRONG = {"next_steps": {"invited_to_next_round": True, "scheduled_on_the_spot": True},
          "tour": {"office_tour": True}}


@settings(max_examples=examples(10), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(values=observation_values(), include_fixed=st.booleans(),
       limit=st.integers(1, 6), target=st.sampled_from([None, "strong", "promising"]))
def test_every_option_is_the_engines_in_order_and_within_the_limit(
        values: dict[str, Value], include_fixed: bool, limit: int, target: str | None
        ) -> None:
    result = ENGINE.what_if(nest(values), target, limit=limit, include_fixed=include_fixed)
    rank = {v.id: i for i, v in enumerate(ENGINE.rulebook.verdicts)}
    assert result.current == ENGINE.assess(nest(values)).verdict
    assert list(result.goal) == sorted(result.goal, key=rank.__getitem__)
    assert len(result) <= limit
    for option in result:
        changed = {**values, **{c.path: c.value for c in option.changes}}
        engine_says = ENGINE.assess(nest(changed))
        assert (option.verdict, option.confidence, option.band) == \
            (engine_says.verdict, engine_says.confidence, engine_says.band)
        assert option.verdict in result.goal
        for c in option.changes:
            assert c.value != values.get(c.path)
            assert include_fixed or c.kind != "had"
            assert include_fixed or c.path not in values or VOCABULARY[c.path].can_act
    keys = [(len(o.changes), rank[o.verdict], -o.confidence) for o in result]
    assert keys == sorted(keys)


def test_a_coach_sees_what_undoing_stock_questions_would_have_changed() -> None:
    """Sign 1: stock questions weigh against, so they are among what had to go otherwise
    for a better reading, and only for a coach (``include_fixed``)."""
    scripted = {"interest": {"asked_if_interested": True},
                "body_language": {"rote_questions": True}}
    assert ENGINE.assess(scripted).verdict == "tentative"
    coach = ENGINE.what_if(scripted, "promising", include_fixed=True, limit=20)
    undo = [o for o in coach if [(c.path, c.value, c.kind) for c in o.changes] ==
            [("body_language.rote_questions", False, "had")]]
    assert [o.verdict for o in undo] == ["promising"]
    candidate = ENGINE.what_if(scripted, "promising", limit=20)
    assert all(c.kind != "had" for o in candidate for c in o.changes)


def test_a_target_already_reached_needs_no_change() -> None:
    assert ENGINE.assess(STRONG).verdict == "strong"
    result = ENGINE.what_if(STRONG, "promising")
    assert (result.current, result.possible, list(result)) == ("strong", True, [])
    assert result.goal == ("strong", "promising")


def test_the_best_verdict_has_no_better_goal() -> None:
    result = ENGINE.what_if(STRONG)
    assert (result.goal, result.possible, list(result)) == ((), False, [])


@pytest.mark.parametrize(("target", "got"), [
    ("hired", 'the string "hired"'), (["strong"], "a list"), (3, "3"), (True, "true")])
def test_a_target_that_is_not_a_verdict_id_is_an_argument_error(target: object, got: str
                                                                ) -> None:
    with pytest.raises(ArgumentError) as caught:
        ENGINE.what_if({"tour": {"office_tour": True}}, target)  # type: ignore[arg-type]
    assert str(caught.value) == ("target: expected one of strong, promising, tentative, "
                                 f"inconclusive (or None for any better verdict), got {got}")


class _Stubborn:
    """An engine that assesses the first observations it is given, whatever it is given
    after: the search's sets must then fail the engine's confirmation."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._first: Mapping[str, object] | Observations | None = None

    @property
    def rulebook(self) -> Rulebook:
        return self._engine.rulebook

    def assess(self, observations: Mapping[str, object] | Observations) -> Assessment:
        if self._first is None:
            self._first = observations
        return self._engine.assess(self._first)

    def consult(self, observations: Mapping[str, object] | Observations, *,
                skipped: Iterable[str] = (), seconds: float | None = None,
                cancel: object = None) -> Consultation:
        raise NotImplementedError

    @property
    def texts(self) -> Texts:
        return self._engine.texts


def test_the_engine_confirms_every_set_or_the_search_says_so() -> None:
    stubborn = _Stubborn(ENGINE)
    consultant = Consultant(stubborn)
    values: dict[str, Value] = {"tour.office_tour": True}
    assert len(WhatIfSearch(ENGINE.consultant(), ENGINE.texts).what_if(
        values, None, 3, False, Budget(2.0))) > 0
    with pytest.raises(EngineError, match="what-if search expected"):
        WhatIfSearch(consultant, ENGINE.texts).what_if(values, None, 3, False, Budget(2.0))


def test_the_nearest_value_of_a_class() -> None:
    ints = Candidate(2, 1.0, 24.0, False, False)  # 2 to 23
    assert _nearest(ints, 30) == Candidate(23, 1.0, 24.0, False, False)
    assert _nearest(ints, 0) == Candidate(2, 1.0, 24.0, False, False)
    assert _nearest(ints, 10) == Candidate(10, 1.0, 24.0, False, False)
    floats = Candidate(12.0, 0.0, 24.0, False, False)
    assert _nearest(floats, 6.5).value == 6.5
    assert _nearest(floats, 30.0) is floats  # the open end is not in the class
    point = Candidate(24.0, 24.0, 24.0)
    assert _nearest(point, 3.0) is point
    flag = Candidate(True)
    assert _nearest(flag, False) is flag
    assert _nearest(ints, None) is ints


def test_a_what_if_changes_a_number_as_little_as_it_must() -> None:
    """A reply 30 hours after the note: the quick one that would help is at 24 hours."""
    values: dict[str, Value] = {"thank_you.note_sent": True,
                                "thank_you.response_received": True,
                                "thank_you.response_hours": 30, "thank_you.tone": "warm"}
    result = ENGINE.what_if(nest(values), limit=50, include_fixed=True)
    hours = [c.value for o in result for c in o.changes if c.path == "thank_you.response_hours"]
    assert hours
    assert all(h == 24 for h in hours), hours
