"""interview-signals: judge how a job interview went, and say exactly why.

Observations of an interview go into a durable_rules engine whose rules (TOML files in the
rulebook) encode seven signs of a good interview and their qualifiers; out comes an
explained ``Assessment``.

    >>> from interview_signals import assess
    >>> assess({"next_steps": {"invited_to_next_round": True}}).verdict
    'strong'
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from ._api import assess
from ._assessment import Assessment
from ._batch import assess_many, assess_partition
from ._consult_types import Answer, Change, Consultation, Question, WhatIf, WhatIfs
from ._engine import Engine
from ._errors import (
    ArgumentError,
    EngineError,
    InterviewSignalsError,
    ObservationError,
    Problem,
    RulebookError,
    RuleProblem,
)
from ._observations import (
    BodyLanguage,
    Interest,
    Interview,
    JobSpecifics,
    NextSteps,
    Observations,
    ThankYou,
    Tour,
)
from ._parts import Advice, AppliedQualifier, Firing, Missing, Signal, Source
from ._rules import Rule, Rulebook
from ._session import Session

try:
    __version__ = version("interview-signals")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = [
    "Advice",
    "Answer",
    "AppliedQualifier",
    "ArgumentError",
    "Assessment",
    "BodyLanguage",
    "Change",
    "Consultation",
    "Engine",
    "EngineError",
    "Firing",
    "Interest",
    "Interview",
    "InterviewSignalsError",
    "JobSpecifics",
    "Missing",
    "NextSteps",
    "ObservationError",
    "Observations",
    "Problem",
    "Question",
    "Rule",
    "RuleProblem",
    "Rulebook",
    "RulebookError",
    "Session",
    "Signal",
    "Source",
    "ThankYou",
    "Tour",
    "WhatIf",
    "WhatIfs",
    "__version__",
    "assess",
    "assess_many",
    "assess_partition",
]
