"""Tools for the coach who owns the knowledge: a rulebook's test cases run and reported
(with what they reach), and the effect of a change of rulebook on a corpus of interviews.

Everything other folders use is re-exported here; the rest is private to the folder.
"""

from __future__ import annotations

from .cases import CaseResult, run_cases
from .coverage import Coverage, coverage
from .diff import DiffReport, RulebookSide, diff_corpus
from .diff_report import diff_json, diff_text
from .reports import json_report, junit_xml, problems_report, text_report

__all__ = [
    "CaseResult",
    "Coverage",
    "DiffReport",
    "RulebookSide",
    "coverage",
    "diff_corpus",
    "diff_json",
    "diff_text",
    "json_report",
    "junit_xml",
    "problems_report",
    "run_cases",
    "text_report",
]
