"""``budget``: the deadline and the cancellation token the search's loops check."""

from __future__ import annotations

import math
import threading
import time

import pytest

from interview_signals import ArgumentError, SearchCancelled
from interview_signals._consultation.search.budget import (
    MAX_SECONDS,
    Budget,
    OutOfRoom,
    OutOfTime,
    checked_cancel,
    checked_seconds,
    tick,
)


def test_tick_checks_nothing_outside_a_running_budget() -> None:
    """A budget only made, not running, is not the thread's: its past deadline and its set
    token stop nothing (a search's ``tick`` outside ``running()`` must never raise)."""
    cancel = threading.Event()
    cancel.set()
    budget = Budget(0.001, cancel)
    time.sleep(0.002)
    ticked = 0
    for _ in range(1000):
        tick()
        ticked += 1
    assert ticked == 1000
    with pytest.raises(SearchCancelled), budget.running():
        tick()  # the same budget, running, stops at once
    tick()  # and once it has stopped running, nothing again


def test_past_the_deadline_tick_raises_out_of_time() -> None:
    budget = Budget(0.001)
    with budget.running():
        tick()  # within the time
        time.sleep(0.002)
        with pytest.raises(OutOfTime):
            tick()
    tick()  # the block is over: nothing runs any more


def test_a_set_token_raises_search_cancelled_at_once() -> None:
    cancel = threading.Event()
    with Budget(60, cancel).running():
        tick()
        cancel.set()
        with pytest.raises(SearchCancelled, match="cancelled"):
            tick()


def test_the_first_part_of_a_budget_ends_sooner_with_the_same_token() -> None:
    cancel = threading.Event()
    budget = Budget(10, cancel)
    part = budget.until(0.5)
    assert part.deadline == pytest.approx(budget.start + 5)
    assert part.seconds == 10
    assert part.cancel is cancel
    assert 9 < budget.left() <= 10


def test_running_budgets_are_per_thread() -> None:
    """A service searches from several threads: one's deadline is not another's."""
    raised: list[bool] = []

    def other() -> None:
        try:
            tick()
            raised.append(False)
        except OutOfTime:
            raised.append(True)

    with Budget(1e-9).running():
        time.sleep(0.001)
        thread = threading.Thread(target=other)
        thread.start()
        thread.join()
    assert raised == [False]


def test_out_of_room_stops_as_out_of_time_does() -> None:
    assert issubclass(OutOfRoom, OutOfTime)


@pytest.mark.parametrize("seconds", [0, -1, math.nan, math.inf, MAX_SECONDS * 2, True, "2",
                                     None])
def test_a_budget_is_a_positive_finite_number_of_seconds(seconds: object) -> None:
    with pytest.raises(ArgumentError, match="seconds: expected a number of seconds"):
        checked_seconds(seconds)


def test_good_budgets_and_tokens_pass() -> None:
    assert checked_seconds(2) == 2.0
    assert checked_seconds(0.25) == 0.25
    event = threading.Event()
    assert checked_cancel(event) is event
    assert checked_cancel(None) is None
    with pytest.raises(ArgumentError, match="cancel: expected an object with is_set"):
        checked_cancel(True)
