"""Tools for the coach who owns the knowledge: a rulebook's test cases run and reported
(with what they reach), and the effect of a change of rulebook on a corpus of interviews.

Everything other folders use is re-exported here; the rest is private to the folder.
"""

from __future__ import annotations

from .cases import CaseResult, Difference
from .coverage import Coverage
from .reports import json_report, junit_xml, problems_report
from .rulebook_diff import RulebookDiff, diff_rulebooks, progress_text
from .run import CaseRun, read_case_run, run_cases
from .words import speaking

__all__ = [
    "CaseResult",
    "CaseRun",
    "Coverage",
    "Difference",
    "RulebookDiff",
    "diff_rulebooks",
    "json_report",
    "junit_xml",
    "problems_report",
    "progress_text",
    "read_case_run",
    "run_cases",
    "speaking",
]
