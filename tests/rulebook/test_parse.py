"""``_rulebook.parse``: one rule table read, with every problem reported."""

from __future__ import annotations

import pytest

from interview_signals._rulebook.model import Test
from interview_signals._rulebook.parse import parse_condition, parse_params, parse_rule

SOURCE = {"sign": 4, "title": "You get a personal tour"}


def _read(when: object) -> tuple[tuple[tuple[Test, ...], ...], list[str]]:
    problems: list[str] = []
    return parse_condition(when, problems.append), problems


def test_a_path_alone_means_true() -> None:
    branches, problems = _read({"all": [{"path": "tour.office_tour"}]})
    assert (branches, problems) == (((Test(path="tour.office_tour", op="==", value=True),),), [])


def test_a_path_alone_on_a_number_is_a_problem() -> None:
    _, problems = _read({"all": [{"path": "interview.actual_minutes"}]})
    assert problems == ['when.all[0]: { path = "interview.actual_minutes" } alone means "is '
                        'true", but interview.actual_minutes is an integer from 1 to 1440; '
                        'give op and value']


def test_a_parameter_names_its_threshold() -> None:
    branches, problems = _read({"all": [{"path": "thank_you.response_hours", "op": "<=",
                                         "param": "quick_reply_hours"}]})
    assert problems == []
    assert branches[0][0].param == "quick_reply_hours"


def test_a_share_scales_the_other_field_up_or_down() -> None:
    (up,), _ = _read({"all": [{"path": "interview.actual_minutes", "op": ">=",
                               "other": "interview.scheduled_minutes", "share": 0.25}]})
    (down,), _ = _read({"all": [{"path": "interview.actual_minutes", "op": "<",
                                 "other": "interview.scheduled_minutes", "share": 0.25}]})
    assert (up[0].scale, down[0].scale) == (1.25, 0.75)


@pytest.mark.parametrize("value", [float("nan"), float("inf"), True, "3"])
def test_a_parameter_is_a_finite_number(value: object) -> None:
    problems: list[str] = []
    assert parse_params({"limit": value}, problems.append) == {}
    assert len(problems) == 1


def test_the_sign_is_given_once_in_the_source() -> None:
    problems: list[str] = []
    rule = parse_rule({"id": "x", "kind": "advice", "sign": 4,
                       "when": {"all": [{"path": "tour.office_tour"}]},
                       "explanation": "Why.", "source": SOURCE},
                      file="f.toml", pack="p", line=1, bad=problems.append)
    assert rule is None
    assert problems == ["unknown key \"sign\": the sign is given once, in source = { sign = N, "
                        'title = "..." }; remove it']
