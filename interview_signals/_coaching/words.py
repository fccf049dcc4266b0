"""Every text ``test-rules`` and ``diff-rules`` print, in one table: a template per key,
filled in by name. Nothing else in this folder holds a sentence, so the table can move into
data (and another language) as it stands.

Neighbours: ``how``, ``cases``, ``reports`` and ``rulebook_diff`` word what they
find through ``say`` and ``count``.
"""

from __future__ import annotations

TEXTS: dict[str, str] = {
    # A rule, an answer, a case, named for a coach.
    "rule": "{kind} {id} ({place})",
    "rule_place": "pack {pack}, {file}",
    "answer": "{label} [{path}]: {answer}",
    "not_recorded": "not recorded",
    "fact": "{kind} {id}",
    "case_source": 'sign {sign}, "{title}"',
    "case_source_quote": 'sign {sign}, "{title}" (the sentence with "{quote}")',
    "either": "{first} or {last}",
    # Why a rule fired, or why it did not.
    "fired_on": "{rule} fired on {answers}",
    "fired": "{rule} fired",
    "not_fired_signal_missing": "{rule} did not fire: it qualifies signal {signal}, which "
                                "did not fire",
    "not_fired_one": "{rule} did not fire: {reasons}",
    "not_fired_many": "{rule} did not fire: none of its {count} alternatives held:",
    "alternative": "  alternative {number}: {reasons}",
    "needs_unknown": "it needs {test}; {label} [{path}] was not recorded",
    "needs_recorded": "it needs {test}; recorded: {answers}",
    "needs_fact": "it needs {fact}, which did not fire",
    "needs_held": "its condition held on the recorded answers, yet the engine did not fire "
                  "it (please report this)",
    "reasons_joined": "{first}; and {rest}",
    # How the confidence and the verdict were reached.
    "no_signals": "no signal fired, so the confidence is 0",
    "signal_strength": "{rule}: strength {strength} (base {base}), fired on {answers}",
    "qualifier_effect": "  {effect} {amount} by {rule}, fired on {answers}",
    "verdict_rule_confidence": "verdict {id} needs a confidence of at least {min}",
    "verdict_rule_or": "verdict {id} needs a confidence of at least {min}, or signal {signals}",
    "verdict_order": "verdicts are tried in order ({order}); the first that holds is chosen",
    # test-rules: the differences of one case.
    "verdict_differs": "verdict: expected {expected}, got {got} (confidence {confidence})",
    "confidence_outside": "confidence: expected from {low} to {high}, got {got}",
    "expected_present": "{kind} {id}: expected, but it is not among the conclusions",
    "expected_absent": "{kind} {id}: expected absent, but it is among the conclusions",
    # test-rules: the report.
    "case_passed": "ok    {case}",
    "case_failed": "FAIL  {case}  ({where})",
    "case_from": "  {source}",
    "case_why": "  why: {why}",
    "case_observations": "  observations: {observations}",
    "case_no_observations": "  observations: none recorded",
    "case_concluded": "  concluded: {verdict}, confidence {confidence}; signals: {signals}; "
                      "advice: {advice}",
    "none": "none",
    "difference": "  - {message}",
    "how": "      {line}",
    "cases_summary": "{cases}: {passed} passed, {failed} failed",
    "no_cases": "no cases: a pack holds [[case]] tables, or a cases/ folder of them",
    "coverage_all": "coverage: every rule, qualifier, advice and verdict was reached by a case",
    "coverage_some": "coverage: {reached} of {total} rules, qualifiers, advice and verdicts "
                     "were reached by a case; not reached:",
    "coverage_item": "  - {kind} {id} ({place})",
    "coverage_branches": "not every alternative of these conditions was reached:",
    "coverage_branch": "  - {kind} {id}: alternative {numbers} of {count} ({place})",
    "problems_found": "{problems} found; no case was run",
    "junit_rulebook": "the rulebook",
    # diff-rules.
    "side_default": "the default rulebook",
    "side_packs": "{packs}",
    "side_default_and": "the default rulebook with {packs}",
    "diff_title": "{readings} assessed under both rulebooks",
    "diff_title_of": "{readings} of {corpus} assessed under both rulebooks",
    "diff_old": "  old: {side}",
    "diff_new": "  new: {side}",
    "diff_count": "  {label:<32} {count:>9}",
    "diff_up": "verdict up:",
    "diff_down": "verdict down:",
    "diff_moved": "same verdict, confidence moved:",
    "diff_advice": "only advice (or other) changed:",
    "diff_same": "unchanged:",
    "diff_skipped": "lines skipped:",
    "diff_transitions": "Verdict changes:",
    "diff_transition": "  {old} -> {new}: {count}",
    "diff_verdicts": "Verdicts:",
    "diff_verdict_count": "  {id}: {old} -> {new}",
    "diff_rules": "What made the difference (readings that changed):",
    "diff_rule": "  {rule}: {how} in {count} ({up} up, {down} down)",
    "diff_moves": "Largest confidence moves:",
    "diff_move": "  line {line}: {old_verdict} {old_confidence} -> {new_verdict} "
                 "{new_confidence} ({change})",
    "diff_move_rule": "      {rule}: {how}",
    "diff_errors": "Skipped lines (first {shown} of {count}):",
    "diff_error": "  line {line}: {error}",
    "diff_nothing": "No reading changed.",
    "diff_progress": "interview-signals: {lines} compared",
    "how_only_old": "fired under the old rulebook only",
    "how_only_new": "fired under the new rulebook only",
    "how_strength": "strength changed",
    "how_strength_base": "strength changed (base {old} -> {new})",
    "how_strength_values": "strength {old} -> {new}",
    "how_amount": "{effect} {old} -> {new}",
}

PLURALS: dict[str, tuple[str, str]] = {
    "case": ("case", "cases"),
    "problem": ("problem", "problems"),
    "reading": ("reading", "readings"),
    "line": ("line", "lines"),
}
"""Singular and plural of each counted word."""


def say(key: str, **values: object) -> str:
    """The text ``key`` with ``values`` filled in."""
    return TEXTS[key].format(**values)


def count(n: int, word: str) -> str:
    """``1 case``, ``2 cases``, ``1,204 readings``."""
    one, many = PLURALS[word]
    return f"{n:,} {one if n == 1 else many}"


def either(items: list[str]) -> str:
    """``a``, ``a or b``, ``a, b or c``."""
    if len(items) <= 1:
        return "".join(items)
    return say("either", first=", ".join(items[:-1]), last=items[-1])
