"""The exception hierarchy of interview-signals, nothing else.

    InterviewSignalsError            catch this to catch everything the library raises
    ├── ObservationError(ValueError) bad observations: .problems (each path, expected, got)
    ├── RulebookError                bad rule files: .problems lists every RuleProblem
    ├── EngineError                  a rule failed inside the engine: a bug, never the input
    ├── ArgumentError(ValueError)    a bad argument to a call, such as ``workers=0``
    └── SearchCancelled              a consultation or what-if stopped by its ``cancel`` token
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from attrs import frozen

from ._quoting import excerpt, file_name


class InterviewSignalsError(Exception):
    """Base class of every error the library raises."""


class ArgumentError(InterviewSignalsError, ValueError):
    """A bad argument to a library call (not observations, not rules): ``workers=0``."""


@frozen(kw_only=True)
class Problem:
    """One problem of an input: the ``group.field`` path, what was expected, what came."""

    path: str
    expected: str
    got: str
    message: str = ""

    def __str__(self) -> str:
        return self.message or f"{self.path}: expected {self.expected}, got {self.got}"

    def to_dict(self) -> dict[str, str]:
        """The problem as JSON: path, expected, got and the whole message."""
        return {"path": self.path, "expected": self.expected, "got": self.got,
                "message": str(self)}


class ObservationError(InterviewSignalsError, ValueError):
    """Observations that do not fit the vocabulary (the vocabulary, README.md).

    ``problems`` lists every problem of the input at once; ``path``, ``expected`` and ``got``
    are the first one's (``path`` is a ``group.field`` path, a group, or ``"observations"``
    for the whole document).
    """

    def __init__(self, path: str, expected: str = "", got: str = "", *,
                 message: str | None = None,
                 problems: Iterable[Problem] = ()) -> None:
        listed = tuple(problems) or (Problem(path=path, expected=expected, got=got,
                                             message=message or ""),)
        first = listed[0]
        self.problems: tuple[Problem, ...] = listed
        self.path, self.expected, self.got = first.path, first.expected, first.got
        text = str(first) if len(listed) == 1 else (
            f"{len(listed)} problems in the observations: " + "; ".join(map(str, listed)))
        super().__init__(text)

    @classmethod
    def of(cls, problems: Iterable[Problem]) -> ObservationError:
        """One error listing ``problems`` (at least one)."""
        listed = tuple(problems)
        return cls(listed[0].path, problems=listed)

    def __reduce__(self) -> tuple[Any, ...]:
        # Exceptions pickle as ``type(*args)`` and our args hold only the message: rebuild
        # from the problems instead, so the error crosses process boundaries.
        return (_rebuild_observation_error, (type(self), self.problems), self.__dict__)


def _rebuild_observation_error(cls: type[ObservationError], problems: tuple[Problem, ...]
                               ) -> ObservationError:
    return cls(problems[0].path, problems=problems)


@frozen(kw_only=True)
class RuleProblem:
    """One problem in a rule pack: the file, the rule id (if known) and the reason."""

    file: str
    rule_id: str | None
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        # The file and the id are as they arrived (a file name, a pack's id), shown escaped.
        where = file_name(self.file) if self.line is None \
            else f"{file_name(self.file)}:{self.line}"
        rule = f" [{excerpt(self.rule_id, 80)}]" if self.rule_id else ""
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


class SearchCancelled(InterviewSignalsError):
    """A consultation or what-if was stopped by its ``cancel`` token (a client that went
    away, say): nobody waits for its answer, so there is none."""


class EngineError(InterviewSignalsError):
    """A rule failed inside the engine. This is a bug in a rule or the library, not bad input."""
