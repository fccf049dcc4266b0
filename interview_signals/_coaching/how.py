"""How one assessment was reached, in a coach's words: which rules fired on which recorded
answers, which did not and why, and how the confidence and the verdict came about.

Neighbours: ``cases`` words the failures of a test case with it; the texts are ``words``'.
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Mapping
from pathlib import Path

from .._assessment import Assessment, Firing, answer_text
from .._durable import EngineRule
from .._observations import Value
from .._quoting import file_name
from .._rulebook import Rule, Rulebook, Test, state_of
from .words import either, say, texts


def rule_name(rule: Rule) -> str:
    """``signal personal_tour (pack default, 04-tour.toml:19)``."""
    return say("rule", kind=rule.kind, id=rule.id, place=place(rule.pack, rule.file, rule.line))


def place(pack: str, file: str, line: int | None) -> str:
    """``pack default, 04-tour.toml:19``: where to look for something a pack holds."""
    shown = file_name(Path(file).name)
    name = shown if line is None else f"{shown}:{line}"
    return say("rule_place", pack=pack, file=name)


def answer(path: str, value: Value | None) -> str:
    """``Shown around [tour.office_tour]: yes``."""
    # The coach's reports are English, as check-rules is (docs/translations.md).
    return say("answer", label=texts().label(path), path=path,
               answer=say("not_recorded") if value is None
               else answer_text(path, value, texts()))


def number(x: float) -> str:
    """A strength or a confidence as a coach reads it: two decimals."""
    return f"{x:.2f}"


class Reading:
    """One assessment of a rulebook, ready to say why each rule fired or did not."""

    def __init__(self, book: Rulebook, engine_rules: Mapping[str, EngineRule],
                 assessment: Assessment) -> None:
        self.book = book
        self.rules = book.by_id()
        self.engine_rules = engine_rules
        self.assessment = assessment
        self.values: dict[str, Value] = {
            f"{group}.{name}": value
            for group, fields in assessment.observations.items()
            for name, value in fields.items()}
        self.firings: dict[str, Firing] = {}
        for firing in assessment.trace:
            self.firings.setdefault(firing.rule, firing)

    @property
    def fired(self) -> Collection[str]:
        """The ids of the rules that fired."""
        return self.firings.keys()

    def branches(self) -> set[tuple[str, int]]:
        """(rule id, branch number) of every alternative of a condition that held."""
        return {(f.rule, self.engine_rules[f.engine_rule].branch)
                for f in self.assessment.trace if f.engine_rule in self.engine_rules}

    def why(self, rule_id: str) -> list[str]:
        """Why the rule fired, or why it did not, in one line or more."""
        rule = self.rules[rule_id]
        return [self.why_fired(rule)] if rule_id in self.firings else self.why_not(rule)

    def why_fired(self, rule: Rule) -> str:
        """``signal x (...) fired on Shown around [tour.office_tour]: yes``."""
        answers = self.fired_on(rule.id)
        if not answers:
            return say("fired", rule=rule_name(rule))
        return say("fired_on", rule=rule_name(rule), answers=answers)

    def fired_on(self, rule_id: str) -> str:
        """What the rule's first firing matched: the recorded answers and derived facts."""
        firing = self.firings[rule_id]
        parts = [answer(p, v) for p, v in firing.matched_observations]
        parts += [say("fact", kind=k, id=i) for k, i in firing.matched_facts]
        return "; ".join(parts)

    def why_not(self, rule: Rule) -> list[str]:
        """Why the rule did not fire: its signal did not, or what each alternative of its
        condition needed that the recorded answers did not give."""
        name = rule_name(rule)
        if rule.applies_to is not None and rule.applies_to not in self.firings:
            return [say("not_fired_signal_missing", rule=name, signal=rule.applies_to)]
        branches = [self._unmet(branch) for branch in rule.branches]
        if len(branches) == 1:
            return [say("not_fired_one", rule=name, reasons=_joined(branches[0]))]
        return [say("not_fired_many", rule=name, count=len(branches))] + [
            say("alternative", number=i, reasons=_joined(reasons))
            for i, reasons in enumerate(branches, start=1)]

    def _unmet(self, branch: tuple[Test, ...]) -> list[str]:
        reasons = []
        for test in branch:
            if test.fact_kind is not None:
                if test.fact_id not in self.firings:
                    reasons.append(say("needs_fact", fact=say(
                        "fact", kind=test.fact_kind, id=test.fact_id)))
                continue
            state = state_of(test)(self.values)
            if state is True:
                continue
            unknown = [p for p in test.paths if p not in self.values]
            if state is None and unknown:
                reasons.append(say("needs_unknown", test=test.describe(),
                                   label=texts().label(unknown[0]), path=unknown[0]))
            else:
                reasons.append(say("needs_recorded", test=test.describe(), answers=" and ".join(
                    answer(p, self.values.get(p)) for p in test.paths)))
        return reasons or [say("needs_held")]

    def strengths(self) -> list[str]:
        """How the confidence came about: each signal's strength and what it fired on, and
        each qualifier's effect."""
        if not self.assessment.signals:
            return [say("no_signals")]
        lines = []
        for signal in self.assessment.signals:
            lines.append(say("signal_strength", rule=rule_name(self.rules[signal.rule]),
                             strength=number(signal.strength), base=number(signal.base_strength),
                             answers=self.fired_on(signal.rule)))
            lines += [say("qualifier_effect", effect=q.effect, amount=number(q.amount),
                          rule=rule_name(self.rules[q.rule]), answers=self.fired_on(q.rule))
                      for q in signal.qualifiers]
        return lines

    def verdicts(self, expected: Collection[str]) -> list[str]:
        """What the expected verdicts, and the one given, need; then the order they are
        tried in."""
        lines = []
        shown = [v for v in self.book.verdicts
                 if v.id in expected or v.id == self.assessment.verdict]
        for verdict in shown:
            if verdict.or_signals:
                lines.append(say("verdict_rule_or", id=verdict.id,
                                 min=number(verdict.min_confidence),
                                 signals=either(list(verdict.or_signals))))
            else:
                lines.append(say("verdict_rule_confidence", id=verdict.id,
                                 min=number(verdict.min_confidence)))
        order = ", ".join(v.id for v in self.book.verdicts)
        return [*lines, say("verdict_order", order=order)]


def _joined(reasons: list[str]) -> str:
    return functools.reduce(lambda first, rest: say("reasons_joined", first=first, rest=rest),
                            reasons)
