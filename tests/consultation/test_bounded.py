"""``bounded``: the consultation from bounds when the exact search runs out of time. What it
claims must hold whatever the exact search would have found: every verdict reachable is
listed (overall and after each answer), every relevant field is asked, and a field it
leaves out is irrelevant. Checked against the exact consultation of the same observations."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from interview_signals import Consultation, Engine
from interview_signals._consultation.bounded import _Bounds, bounded_consultation
from interview_signals._consultation.search.answer_classes import Candidate
from interview_signals._consultation.search.budget import Budget, OutOfTime
from interview_signals._observations.vocabulary import Value
from tests.profiles import examples
from tests.strategies import nest, observation_values

ENGINE = Engine.default()


def _bounded(values: dict[str, Value], stopped: OutOfTime | None = None) -> Consultation:
    consultant = ENGINE.consultant()
    return bounded_consultation(consultant, values, skipped=frozenset(),
                                assessment=ENGINE.assess(nest(values)),
                                budget=Budget(60), stopped=stopped or OutOfTime(),
                                texts=ENGINE.texts)


@settings(max_examples=examples(40), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(values=observation_values())
def test_the_bounds_never_leave_out_what_the_exact_search_finds(
        values: dict[str, Value]) -> None:
    exact = ENGINE.consult(nest(values), seconds=60)
    assert exact.search.complete
    bounded = _bounded(values)
    assert (bounded.search.complete, bounded.ranked_by) == (False, "bound")
    assert set(exact.reachable) <= set(bounded.reachable)
    asked = {q.path for q in bounded.questions}
    assert {q.path for q in exact.questions} <= asked
    bounds = _Bounds(ENGINE.consultant(), values, ENGINE.texts)
    for q in exact.questions:
        spans = bounds.spans(ENGINE.consultant().ev.group_of[q.path], q.path)
        for answer in q.answers:
            if answer.value is None:
                continue
            (held,) = [v for c, v in spans if _holds(c, answer.value)]
            assert set(answer.reachable) <= set(held), (q.path, answer.value)
    if bounded.settled:
        assert exact.settled


def _holds(c: Candidate, value: Value) -> bool:
    """Whether the answer class (or run of classes) ``c`` holds ``value``."""
    if c.low is None or c.high is None or isinstance(value, bool | str):
        return c.value == value
    x = float(value)
    return (c.low < x or (c.low_closed and c.low == x)) and \
        (x < c.high or (c.high_closed and x == c.high))


def test_a_search_out_of_room_says_so() -> None:
    from interview_signals._consultation.search.budget import OutOfRoom

    c = _bounded({}, OutOfRoom())
    assert "more than it may in memory" in c.search.unfinished[0]
    assert c.search.seconds == 60
    assert c.to_dict()["search"] == c.search.to_dict()
    assert c.search.to_dict()["complete"] is False
