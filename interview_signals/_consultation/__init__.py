"""The consultation: its results, one step of questions, the what-if, their words,
and the search they run on (``search``).

Everything other folders use is re-exported here; the rest is private to the folder.
"""

from __future__ import annotations

from .consultant import Consultant
from .results import (
    CONSULTATION_FORMAT,
    VERSION,
    WHAT_IF_FORMAT,
    Answer,
    Assessor,
    Change,
    Consultation,
    Question,
    WhatIf,
    WhatIfs,
)
from .words import how_text, what_if_text

__all__ = [
    "CONSULTATION_FORMAT",
    "VERSION",
    "WHAT_IF_FORMAT",
    "Answer",
    "Assessor",
    "Change",
    "Consultant",
    "Consultation",
    "Question",
    "WhatIf",
    "WhatIfs",
    "how_text",
    "what_if_text",
]
