"""Numbers, lengths and times of day as people write them, from the default pack's words."""

from __future__ import annotations

import re

import pytest

from interview_signals._notes.numbers import Numbers
from interview_signals._rulebook import NumberWords, load_rulebook

NUMBERS = Numbers(load_rulebook().notes.numbers)


@pytest.mark.parametrize(("text", "minutes"), [
    ("45 min", 45), ("45min", 45), ("an hour", 60), ("hour", 60), ("1 hr", 60),
    ("half an hour", 30), ("half hour", 30), ("an hour and a half", 90),
    ("two and a half hours", 150), ("an hour and a quarter", 75),
    ("two hours and three quarters", 165), ("an hour and ten minutes", 70), ("1 hour 15 mins", 75),
    ("1h15", 75), ("three quarters of an hour", 45), ("a quarter of an hour", 15),
    ("twenty five minutes", 25), ("1.5 hours", 90), ("11 till 12", 60), ("9 to 9:30", 30),
    ("10:00-10:45", 45), ("11 till 1", 120), ("2-3pm", 60), ("30", 30),
    ("an hour ten", 70), ("1 hour 20", 80), ("forty five", 45), ("an hour and ten", 70),
])
def test_a_length_reads_as_minutes(text: str, minutes: float) -> None:
    slot = re.compile(NUMBERS.slot("minutes"))
    assert slot.fullmatch(text) is not None, text
    assert NUMBERS.value("minutes", text) == minutes


@pytest.mark.parametrize(("text", "count"), [("three", 3), ("12", 12), ("a", 1),
                                             ("twenty two", 22)])
def test_a_count_reads_as_a_number(text: str, count: float) -> None:
    assert NUMBERS.value("count", text) == count


def test_two_number_words_that_are_not_tens_and_units_make_no_number() -> None:
    assert NUMBERS.value("count", "two five") is None


@pytest.mark.parametrize(("text", "minute"), [("5pm", 17 * 60), ("9am", 9 * 60),
                                              ("10:05", 10 * 60 + 5), ("noon", 12 * 60),
                                              ("12am", 0), ("9.30", 9 * 60 + 30)])
def test_a_time_of_day_reads_as_minutes_after_midnight(text: str, minute: float) -> None:
    assert NUMBERS.value("clock", text) == minute


def test_a_clock_range_that_is_no_time_makes_no_length() -> None:
    assert NUMBERS.value("minutes", "45-50") is None


def test_hours_are_minutes_over_sixty() -> None:
    assert NUMBERS.value("hours", "ninety minutes") == 1.5


def test_masking_writes_each_number_as_underscores_of_its_length() -> None:
    masked, spans = NUMBERS.masked("booked 11 till 12, went an hour and a half", "minutes")
    assert masked == "booked " + "_" * 10 + ", went " + "_" * 18
    assert spans == {7: 17, 24: 42}


def test_days_of_the_week_are_found_by_any_of_their_names() -> None:
    assert (NUMBERS.day("sent it mon at 5pm"), NUMBERS.day("reply on wednesday"),
            NUMBERS.day("no day here")) == (0, 2, None)


@pytest.mark.parametrize(("text", "goes_on"), [
    ("an hour and 2", True), ("an hour and a bit", True), ("1 hour 2", True),
    ("an hour & 3", True), ("an hour and I left", False),
    ("30 minutes and one of them was late", False), ("an hour.", False), ("45 min", False),
])
def test_a_length_followed_by_more_of_a_number_goes_on(text: str, goes_on: bool) -> None:
    end = re.compile(NUMBERS.slot("minutes")).match(text)
    assert end is not None
    assert NUMBERS.goes_on(text, end.end()) is goes_on


@pytest.mark.parametrize(("text", "count"), [
    ("the founder and the head of sales", 2),
    ("the manager, a senior engineer and someone from hr", 3),
    ("the cto, two of the engineers and a recruiter", 4),
    ("the store manager + a district manager", 2),
    ("one manager, a senior engineer", 1),  # one person, then who they are
    ("one manager, a senior engineer and a recruiter", 3),
])
def test_a_list_of_people_counts_its_items(text: str, count: float) -> None:
    numbers = Numbers(NumberWords(words={"one": 1, "two": 2}, and_=("and",)),
                      people={"person_lead": ("the", "a"),
                              "person": ("founder", "head", "manager", "engineer", "someone",
                                         "cto", "recruiter"),
                              "person_alone": ("someone",)})
    masked, spans = numbers.masked(text, "people")
    assert spans == {0: len(text)}
    assert set(masked) == {"_"}
    assert numbers.value("people", text) == count


@pytest.mark.parametrize(("text", "count"), [
    ("the founder and cto", 1),  # one person's titles
    ("the founder and deputy", 2),  # deputy: no title of the pack's
    ("the manager and vice cto", 2),  # a word before the title: someone else's
    ("head and deputy", 2),
])
def test_only_the_pack_s_titles_join_after_and_as_one_person(text: str, count: float
                                                              ) -> None:
    numbers = Numbers(NumberWords(words={"one": 1}, and_=("and",)),
                      people={"person_lead": ("the",),
                              "person": ("founder", "head", "manager", "cto", "deputy"),
                              "person_title": ("founder", "cto")})
    assert numbers.value("people", text) == count
    without_titles = Numbers(NumberWords(words={"one": 1}, and_=("and",)),
                             people={"person_lead": ("the",),
                                     "person": ("founder", "cto")})
    assert without_titles.value("people", "the founder and cto") == 2


def test_the_words_of_a_time_of_day_come_from_the_pack() -> None:
    # "time_after": a bare number up to twelve after these is a time, never a length
    with_words = Numbers(NumberWords(words={"one": 1}, time_after=("at",)))
    without = Numbers(NumberWords(words={"one": 1}))
    assert with_words.masked("finished at 11.", "minutes")[1] == {}
    assert without.masked("finished at 11.", "minutes")[1] == {12: 14}


@pytest.mark.parametrize(("text", "minute"), [
    ("quarter past three", 3 * 60 + 15), ("quarter to three", 2 * 60 + 45),
    ("twenty to four", 3 * 60 + 40), ("half three", 3 * 60 + 30),
    ("half past seven", 7 * 60 + 30), ("ten o'clock", 10 * 60), ("5 past 9", 9 * 60 + 5),
    ("twenty five to 11", 10 * 60 + 35),
])
def test_times_of_day_in_words(text: str, minute: float) -> None:
    assert NUMBERS.clock_minutes(text) == minute
    assert NUMBERS.is_spelled_out(text)


def test_ten_to_eleven_in_digits_is_still_a_range_of_hours() -> None:
    assert NUMBERS.value("minutes", "10 to 11") == 60


def test_without_the_words_of_the_pack_no_time_is_read_in_words() -> None:
    assert Numbers(NumberWords(words={"three": 3, "quarter": 15})).clock_minutes(
        "quarter past three") is None

