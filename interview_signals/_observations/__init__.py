"""What a person records: the vocabulary of observation fields, reading a document
against it, and the frozen observation groups.

Everything other folders use is re-exported here; the rest is private to the folder.
"""

from __future__ import annotations

from .groups import (
    GROUP_CLASSES,
    BodyLanguage,
    Interest,
    Interview,
    JobSpecifics,
    NextSteps,
    Observations,
    ThankYou,
    Tour,
)
from .reading import check_contradictions, check_values, read_values
from .vocabulary import (
    CHECKS,
    EXCLUSIONS,
    GROUPS,
    PREREQUISITES,
    VOCABULARY,
    FieldSpec,
    Value,
    check_value,
    did_you_mean,
    grouped,
    is_path,
    known_grouped,
    number_text,
    open_need,
    prerequisites,
)

__all__ = [
    "CHECKS",
    "EXCLUSIONS",
    "GROUPS",
    "GROUP_CLASSES",
    "PREREQUISITES",
    "VOCABULARY",
    "BodyLanguage",
    "FieldSpec",
    "Interest",
    "Interview",
    "JobSpecifics",
    "NextSteps",
    "Observations",
    "ThankYou",
    "Tour",
    "Value",
    "check_contradictions",
    "check_value",
    "check_values",
    "did_you_mean",
    "grouped",
    "is_path",
    "known_grouped",
    "number_text",
    "open_need",
    "prerequisites",
    "read_values",
]
