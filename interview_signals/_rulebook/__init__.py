"""The rule language: the rulebook's model, its files, parsing one table, merging packs
and checking the merged rulebook.

Everything other folders use is re-exported here; the rest is private to the folder.
"""

from __future__ import annotations

from .files import flat_paths
from .load import load_rulebook, read_rulebook
from .model import (
    DEFAULT_PACK,
    Rule,
    Rulebook,
    RuleRow,
    Test,
    VerdictRow,
    rule_rows,
    verdict_rows,
    verdict_titles,
)

__all__ = [
    "DEFAULT_PACK",
    "Rule",
    "RuleRow",
    "Rulebook",
    "Test",
    "VerdictRow",
    "flat_paths",
    "load_rulebook",
    "read_rulebook",
    "rule_rows",
    "verdict_rows",
    "verdict_titles",
]
