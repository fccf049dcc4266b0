"""The assessment: scoring the rules that fired, explaining them, the parts of an
assessment, and rendering it for a person.

Everything other folders use is re-exported here; the rest is private to the folder.
"""

from __future__ import annotations

from .assessment import Assessment, Explanation
from .explain import Explainer
from .parts import (
    Advice,
    AppliedQualifier,
    Firing,
    Missing,
    Signal,
    Source,
)
from .render import (
    CONFIDENCE_NOTE,
    FORMATS,
    MISSING_HEADING,
    SETTLED_MISSING_HEADING,
    answer_text,
    score_text,
)
from .scoring import Scorer, Verdicts, accumulate, confidence, qualify

__all__ = [
    "CONFIDENCE_NOTE",
    "FORMATS",
    "MISSING_HEADING",
    "SETTLED_MISSING_HEADING",
    "Advice",
    "AppliedQualifier",
    "Assessment",
    "Explainer",
    "Explanation",
    "Firing",
    "Missing",
    "Scorer",
    "Signal",
    "Source",
    "Verdicts",
    "accumulate",
    "answer_text",
    "confidence",
    "qualify",
    "score_text",
]
