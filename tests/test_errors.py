"""``_errors``: the hierarchy, every problem listed, and errors that cross processes."""

from __future__ import annotations

import pickle

from interview_signals import (
    ArgumentError,
    EngineError,
    InterviewSignalsError,
    ObservationError,
    Problem,
    RulebookError,
    RuleProblem,
)


def test_every_error_is_an_interview_signals_error() -> None:
    for cls in (ObservationError, RulebookError, EngineError, ArgumentError):
        assert issubclass(cls, InterviewSignalsError)
    assert issubclass(ObservationError, ValueError)
    assert issubclass(ArgumentError, ValueError)


def test_an_observation_error_lists_every_problem_and_names_the_first() -> None:
    problems = [Problem(path="a.b", expected="x", got="y"),
                Problem(path="c.d", expected="z", got="w", message="c.d: custom")]
    error = ObservationError.of(problems)
    assert (error.path, error.expected, error.got, error.problems) == ("a.b", "x", "y",
                                                                       tuple(problems))
    assert str(error) == "2 problems in the observations: a.b: expected x, got y; c.d: custom"


def test_errors_pickle_whole() -> None:
    error = ObservationError.of([Problem(path="a.b", expected="x", got="y")])
    again = pickle.loads(pickle.dumps(error))
    assert (type(again), again.problems, str(again)) == (ObservationError, error.problems,
                                                         str(error))
    rules = RulebookError([RuleProblem(file="f", rule_id="r", reason="why", line=3)])
    assert pickle.loads(pickle.dumps(rules)).problems == rules.problems


def test_a_problem_reads_as_json() -> None:
    assert Problem(path="a.b", expected="x", got="y").to_dict() == {
        "path": "a.b", "expected": "x", "got": "y", "message": "a.b: expected x, got y"}
