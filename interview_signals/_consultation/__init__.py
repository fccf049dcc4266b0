"""The consultation: its results, one step of questions, the what-if, their words,
and the search they run on (``search``).

Everything other folders use is re-exported here; the rest is private to the folder.
"""

from __future__ import annotations

from .consultant import Consultant
from .results import (
    CONSULTATION_FORMAT,
    VERSION,
    Answer,
    Assessor,
    Consultation,
    Question,
)
from .words import how_text, outlook_lines, what_if_text

__all__ = [
    "CONSULTATION_FORMAT",
    "VERSION",
    "Answer",
    "Assessor",
    "Consultant",
    "Consultation",
    "Question",
    "how_text",
    "outlook_lines",
    "what_if_text",
]
