"""``_rulebook.model``: the rulebook's data types, read as a person reads them."""

from __future__ import annotations

from interview_signals import Engine
from interview_signals._rulebook.model import Test, literal, rule_rows


def test_a_test_describes_itself_with_its_parameter() -> None:
    test = Test(path="thank_you.response_hours", op="<=", value=24, param="quick_reply_hours")
    assert test.describe() == "thank_you.response_hours <= 24 (parameter quick_reply_hours)"


def test_a_comparison_of_two_fields_shows_its_scale_and_offset() -> None:
    test = Test(path="interview.actual_minutes", op=">", other="interview.scheduled_minutes",
                scale=1.2, plus=-1)
    assert test.describe() == \
        "interview.actual_minutes > interview.scheduled_minutes * 1.2 - 1"


def test_literals_read_as_toml() -> None:
    assert [literal(v) for v in (True, "warm", 24.0, 0.5)] == ["true", '"warm"', "24", "0.5"]


def test_a_rule_takes_its_sign_from_its_source() -> None:
    rule = Engine.default().rulebook.by_id()["personal_tour"]
    assert rule.sign == rule.source_sign == 4


def test_rule_rows_list_every_rule_in_order_in_words() -> None:
    book = Engine.default().rulebook
    rows = rule_rows(book)
    assert [r["id"] for r in rows] == [r.id for r in book.rules]
    tour = next(r for r in rows if r["id"] == "personal_tour")
    assert tour["condition"].startswith("tour.office_tour == true or ")
    assert tour["source"] == {"sign": 4, "title": "You get a personal tour"}
