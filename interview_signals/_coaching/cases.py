"""Run a rulebook's test cases: assess each case's observations and compare the conclusions
with what the case expects, each difference with the rules that caused it.

Neighbours: the cases come from ``_rulebook`` (read with the packs); ``how`` words why rules
fired or not; ``reports`` and ``coverage`` read the results; ``_cli``'s ``test-rules`` and
the public ``test_rules`` call in here.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping

from attrs import frozen

from .._engine import Engine
from .._observations import Observations, grouped
from .._rulebook import Case
from .how import Reading
from .words import case_why, either, say

CASE_RESULT_FORMAT = "interview-signals/test-rules"
CASE_RESULT_VERSION = 1
KIND_KEYS = {("signal", True): "signals", ("signal", False): "absent_signals",
             ("qualifier", True): "qualifiers", ("qualifier", False): "absent_qualifiers",
             ("advice", True): "advice", ("advice", False): "absent_advice"}
"""The ``expect`` key of each (kind, present) pair."""


def confidence_text(x: float) -> str:
    """A confidence as the JSON form rounds it: ``0.45``, ``0.5875``."""
    return f"{round(x, 4):g}"


@frozen(kw_only=True)
class Difference:
    """One expectation of a case that the rulebook did not meet, and how that came about."""

    expectation: str
    """The ``expect`` key it comes from: ``verdict``, ``confidence``, ``signals``..."""
    subject: str | None
    """The id the expectation names (a signal, qualifier or advice), if any."""
    message: str
    how: tuple[str, ...]

    def to_dict(self) -> dict[str, object]:
        """The difference as JSON."""
        return {"expectation": self.expectation, "id": self.subject,
                "message": self.message, "how": list(self.how)}


@frozen(kw_only=True)
class CaseResult:
    """What the rulebook concluded for one case, and every expectation it missed."""

    case: Case
    verdict: str
    confidence: float
    concluded: Mapping[str, tuple[str, ...]]
    """The ids concluded, per kind: signal, qualifier, advice."""
    differences: tuple[Difference, ...]
    fired: frozenset[str]
    """Every rule that fired (for coverage)."""
    branches: frozenset[tuple[str, int]]
    """(rule id, branch number) of every alternative of a condition that held."""
    seconds: float

    @property
    def passed(self) -> bool:
        """Whether the case met every expectation."""
        return not self.differences

    def to_dict(self) -> dict[str, object]:
        """The result as JSON: the case, where it is written, what was concluded, and every
        difference."""
        case = self.case
        source = None if case.source is None else {
            "sign": case.source.sign, "title": case.source.title, "quote": case.source.quote}
        return {"id": case.id, "pack": case.pack, "file": case.file, "line": case.line,
                "passed": self.passed, "why": case_why(case), "source": source,
                "observations": grouped(case.observations),
                "verdict": self.verdict, "confidence": round(self.confidence, 4),
                "signals": list(self.concluded["signal"]),
                "qualifiers": list(self.concluded["qualifier"]),
                "advice": list(self.concluded["advice"]),
                "differences": [d.to_dict() for d in self.differences]}


def check_cases(engine: Engine, cases: Iterable[Case] | None = None) -> list[CaseResult]:
    """Every case (by default the engine's rulebook's own), in rulebook order."""
    return [run_case(engine, case) for case in
            (engine.rulebook.cases if cases is None else cases)]


def run_case(engine: Engine, case: Case) -> CaseResult:
    """Assess the case's observations and compare what was concluded with what it expects."""
    started = time.perf_counter()
    assessment = engine.assess(Observations.from_values(dict(case.observations)))
    reading = Reading(engine.rulebook, engine.compiled.engine_rules, assessment)
    concluded = {
        "signal": tuple(s.id for s in assessment.signals),
        "qualifier": tuple(q.id for s in assessment.signals for q in s.qualifiers),
        "advice": tuple(a.id for a in assessment.advice)}
    differences = [*_verdict_difference(case, reading), *_confidence_difference(case, reading)]
    for (kind, present), key in KIND_KEYS.items():
        ids = (case.expect.present if present else case.expect.absent).get(kind, ())
        for id_ in ids:
            if (id_ in concluded[kind]) != present:
                message = say("expected_present" if present else "expected_absent",
                              kind=kind, id=id_)
                differences.append(Difference(expectation=key, subject=id_, message=message,
                                              how=tuple(reading.why(id_))))
    return CaseResult(case=case, verdict=assessment.verdict, confidence=assessment.confidence,
                      concluded=concluded, differences=tuple(differences),
                      fired=frozenset(reading.fired), branches=frozenset(reading.branches()),
                      seconds=time.perf_counter() - started)


def _verdict_difference(case: Case, reading: Reading) -> list[Difference]:
    expected, got = case.expect.verdicts, reading.assessment.verdict
    if not expected or got in expected:
        return []
    message = say("verdict_differs", expected=either(list(expected)), got=got,
                  confidence=confidence_text(reading.assessment.confidence))
    return [Difference(expectation="verdict", subject=None, message=message,
                       how=(*reading.strengths(), *reading.verdicts(expected)))]


def _confidence_difference(case: Case, reading: Reading) -> list[Difference]:
    if case.expect.confidence is None:
        return []
    low, high = case.expect.confidence
    got = reading.assessment.confidence
    if low <= got <= high:
        return []
    message = say("confidence_outside", low=confidence_text(low), high=confidence_text(high),
                  got=confidence_text(got))
    return [Difference(expectation="confidence", subject=None, message=message,
                       how=tuple(reading.strengths()))]
