"""The assessment: scoring the rules that fired, explaining them, the parts of an
assessment, what would change it (the what-if's answer), and rendering it for a person.

Everything other folders use is re-exported here; the rest is private to the folder.
"""

from __future__ import annotations

from .assessment import Assessment, Explanation
from .changes import WHAT_IF_FORMAT, WHAT_IF_VERSION, Change, Search, WhatIf, WhatIfs
from .explain import Explainer
from .parts import (
    Advice,
    AppliedQualifier,
    Band,
    Firing,
    Missing,
    Signal,
    Source,
)
from .render import FORMATS, answer_text, candidate_text, strength_text
from .scoring import Scorer, Verdicts, accumulate, confidence, qualify

__all__ = [
    "FORMATS",
    "WHAT_IF_FORMAT",
    "WHAT_IF_VERSION",
    "Advice",
    "AppliedQualifier",
    "Assessment",
    "Band",
    "Change",
    "Explainer",
    "Explanation",
    "Firing",
    "Missing",
    "Scorer",
    "Search",
    "Signal",
    "Source",
    "Verdicts",
    "WhatIf",
    "WhatIfs",
    "accumulate",
    "answer_text",
    "candidate_text",
    "confidence",
    "qualify",
    "strength_text",
]
