"""The exception hierarchy of interview-signals, nothing else.

    InterviewSignalsError            catch this to catch everything the library raises
    ├── ObservationError(ValueError) bad observations: .path, .expected, .got
    ├── RulebookError                bad rule files: .problems lists every RuleProblem
    ├── EngineError                  a rule failed inside the engine: a bug, never the input
    └── ArgumentError(ValueError)    a bad argument to a call, such as ``workers=0``
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from attrs import frozen


class InterviewSignalsError(Exception):
    """Base class of every error the library raises."""


class ArgumentError(InterviewSignalsError, ValueError):
    """A bad argument to a library call (not observations, not rules): ``workers=0``."""


class ObservationError(InterviewSignalsError, ValueError):
    """Observations that do not fit the vocabulary (SPEC section 4).

    ``path`` is the ``group.field`` path at fault (or the group, or ``"observations"``
    for the whole document), ``expected`` says what was expected and ``got`` what came.
    """

    def __init__(self, path: str, expected: str, got: str, *, message: str | None = None):
        self.path = path
        self.expected = expected
        self.got = got
        super().__init__(message or f"{path}: expected {expected}, got {got}")

    def __reduce__(self) -> tuple[Any, ...]:
        # Exceptions pickle as ``type(*args)`` and our args hold only the message: rebuild
        # from the fields instead, so the error crosses process boundaries (``assess_many``).
        return (_rebuild_observation_error,
                (type(self), self.path, self.expected, self.got, str(self)), self.__dict__)


def _rebuild_observation_error(cls: type[ObservationError], path: str, expected: str, got: str,
                               message: str) -> ObservationError:
    return cls(path, expected, got, message=message)


@frozen(kw_only=True)
class RuleProblem:
    """One problem in a rule pack: the file, the rule id (if known) and the reason."""

    file: str
    rule_id: str | None
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        rule = f" [{self.rule_id}]" if self.rule_id else ""
        return f"{where}{rule}: {self.reason}"


class RulebookError(InterviewSignalsError):
    """One or more problems in rule files; ``problems`` holds all of them."""

    def __init__(self, problems: Iterable[RuleProblem]):
        self.problems: tuple[RuleProblem, ...] = tuple(problems)
        lines = "\n".join(f"  {p}" for p in self.problems)
        count = len(self.problems)
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in the rulebook:\n{lines}")

    def __reduce__(self) -> tuple[Any, ...]:
        # As for ObservationError: rebuild from the problems, not from the message.
        return (type(self), (self.problems,), self.__dict__)


class EngineError(InterviewSignalsError):
    """A rule failed inside the engine. This is a bug in a rule or the library, not bad input."""
