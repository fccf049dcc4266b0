"""interview-signals: judge how a job interview went, and say exactly why.

Observations of an interview go into a durable_rules engine whose rules (TOML files in the
rulebook) encode seven signs of a good interview and their qualifiers; out comes an
explained ``Assessment``.

    >>> from interview_signals import assess
    >>> assess({"next_steps": {"invited_to_next_round": True}}).verdict
    'strong'
"""

from __future__ import annotations

from ._api import assess, read_notes
from ._assessment import (
    Advice,
    AppliedQualifier,
    Assessment,
    Band,
    Change,
    Firing,
    Missing,
    Signal,
    Source,
    WhatIf,
    WhatIfs,
)
from ._batch import assess_many, assess_partition
from ._coaching import (
    CaseResult,
    CaseRun,
    Coverage,
    Difference,
    RulebookDiff,
    diff_rulebooks,
    run_cases,
)
from ._consultation import Answer, Consultation, Question
from ._engine import Engine, Session
from ._errors import (
    ArgumentError,
    EngineError,
    InterviewSignalsError,
    ObservationError,
    Problem,
    RulebookError,
    RuleProblem,
    SearchCancelled,
)
from ._notes import Evidence, NotesReading, Proposal, SetAside
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
from ._rulebook import Rule, Rulebook
from ._version import __version__

__all__ = [
    "Advice",
    "Answer",
    "AppliedQualifier",
    "ArgumentError",
    "Assessment",
    "Band",
    "BodyLanguage",
    "CaseResult",
    "CaseRun",
    "Change",
    "Consultation",
    "Coverage",
    "Difference",
    "Engine",
    "EngineError",
    "Evidence",
    "Firing",
    "Interest",
    "Interview",
    "InterviewSignalsError",
    "JobSpecifics",
    "Missing",
    "NextSteps",
    "NotesReading",
    "ObservationError",
    "Observations",
    "Problem",
    "Proposal",
    "Question",
    "Rule",
    "RuleProblem",
    "Rulebook",
    "RulebookDiff",
    "RulebookError",
    "SearchCancelled",
    "Session",
    "SetAside",
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
    "diff_rulebooks",
    "read_notes",
    "run_cases",
]
