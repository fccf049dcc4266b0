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
from .search.budget import (
    DEFAULT_SECONDS,
    MAX_SECONDS,
    Budget,
    Cancel,
    checked_cancel,
    checked_seconds,
)
from .search.cost import search_problems
from .words import how_text, outlook_lines, search_note, what_if_text

__all__ = [
    "CONSULTATION_FORMAT",
    "DEFAULT_SECONDS",
    "MAX_SECONDS",
    "VERSION",
    "Answer",
    "Assessor",
    "Budget",
    "Cancel",
    "Consultant",
    "Consultation",
    "Question",
    "checked_cancel",
    "checked_seconds",
    "how_text",
    "outlook_lines",
    "search_note",
    "search_problems",
    "what_if_text",
]
