"""``run_cases``: the test cases of the default rulebook and of packs, run on the merged
rulebook; and ``CaseRun``, their results with the coverage and the three reports.

Neighbours: ``cases`` runs each case; ``coverage`` and ``reports`` read the results;
``_cli``'s ``test-rules`` and the public ``run_cases`` call in here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from attrs import frozen

from .._engine import Engine, load_packs, read_packs
from .._errors import RuleProblem
from .._rulebook import Rulebook, flat_paths
from .cases import CaseResult, check_cases
from .coverage import Coverage, coverage
from .reports import json_report, junit_xml, text_report


def run_cases(*packs: str | Path, include_default: bool = True) -> CaseRun:
    """Run the test cases of the default rulebook (unless ``include_default`` is false) and
    of the packs, on the rulebook they make together.

    Example::

        from interview_signals import run_cases
        run = run_cases("coach-pack/")
        if not run.passed:
            print(run.render())

    Raises:
        RulebookError: a pack (or one of its cases) has problems, each listed.
    """
    return run_book(load_packs(*flat_paths(packs), include_default=include_default,
                               cases=True))


def read_case_run(*packs: str | Path, include_default: bool = True
                  ) -> tuple[CaseRun | None, list[RuleProblem]]:
    """Like ``run_cases``, but return the problems of the packs instead of raising."""
    book, problems = read_packs(*packs, include_default=include_default, cases=True)
    return (None if book is None else run_book(book)), problems


def run_book(book: Rulebook) -> CaseRun:
    """Run the cases of a rulebook read with its cases."""
    with Engine(book) as engine:
        return CaseRun(rulebook=book, results=tuple(check_cases(engine)))


@frozen(kw_only=True)
class CaseRun:
    """The results of a rulebook's test cases, in rulebook order."""

    rulebook: Rulebook
    results: tuple[CaseResult, ...]

    @property
    def passed(self) -> bool:
        """Whether every case met every expectation."""
        return all(r.passed for r in self.results)

    @property
    def failures(self) -> tuple[CaseResult, ...]:
        """The cases that missed an expectation."""
        return tuple(r for r in self.results if not r.passed)

    def coverage(self) -> Coverage:
        """The rules, qualifiers, advice and verdicts no case reached."""
        return coverage(self.rulebook, self.results)

    def to_dict(self, *, with_coverage: bool = False) -> dict[str, object]:
        """The results as JSON (format ``interview-signals/test-rules``)."""
        return json_report(self.results, self.coverage() if with_coverage else None)

    def render(self, format: Literal["text", "junit"] = "text", *, verbose: bool = False,
               with_coverage: bool = False) -> str:
        """The failures in full (every case with ``verbose``) and the totals, for a coach;
        or JUnit XML for a CI system."""
        if format == "junit":
            return junit_xml(self.results)
        return text_report(self.results, self.coverage() if with_coverage else None,
                           verbose=verbose)

