"""The effect of a change of rulebook on a corpus of interviews: ``diff_rulebooks`` and its
``RulebookDiff``, in words for a coach and as JSON.

Neighbours: ``diff`` assesses and counts; ``_cli``'s ``diff-rules`` and the public
``diff_rulebooks`` call in here. The texts are ``words``'.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Literal, TextIO

from attrs import frozen

from .._jsonio import dump_json
from .._quoting import file_name
from .._rulebook import Rule
from .cases import confidence_text
from .diff import (
    DIFF_FORMAT,
    DIFF_VERSION,
    Changed,
    DiffCounts,
    Item,
    RulebookSide,
    changed_row,
    diff_corpus,
)
from .how import number, rule_name
from .words import count, say


def diff_rulebooks(observations: Iterable[Item], *, old: Sequence[str | Path] = (),
                   new: Sequence[str | Path] = (), include_default: bool = True,
                   workers: int | None = None, top: int = 10, changes: TextIO | None = None,
                   corpus: str | None = None,
                   progress: Callable[[int], object] | None = None) -> RulebookDiff:
    """Assess every observation set under an old and a new rulebook and compare them.

    Each side is the default rulebook and its packs (``Engine.from_paths``); without
    ``include_default`` a side is its packs alone, and ``"default"`` among them names the
    default rulebook. No pack at all is the default rulebook alone. Each observation set is
    a JSON-shaped mapping, ``Observations`` or a line of JSON Lines (bytes); one that is not
    valid observations is skipped and counted. Memory stays flat for any number of them.

    Example::

        from interview_signals import diff_rulebooks
        diff = diff_rulebooks(interviews, new=["coach-pack/"], workers=1)
        print(diff.up, diff.down, diff.render())

    Args:
        workers: worker processes, by default and at most one per CPU (a script calling
            this at its top level needs ``if __name__ == "__main__":``, as for
            ``assess_many``); 1 compares in this process.
        top: how many of the largest confidence moves to keep.
        changes: a text file that gets one JSON line per changed reading.
        corpus: the corpus's name, for the report.
        progress: called with the number of observation sets compared so far, now and
            then.

    Raises:
        RulebookError: either rulebook has problems.
        ArgumentError: a side has neither packs nor the default rulebook, or ``workers``
            or ``top`` is not a positive integer.
        EngineError: a worker process died.
    """
    sides = (RulebookSide.of(old, include_default=include_default, option="old"),
             RulebookSide.of(new, include_default=include_default, option="new"))
    counts = diff_corpus(observations, *sides, workers=workers, top=top, changes=changes,
                         progress=progress)
    return RulebookDiff(counts=counts, corpus=corpus)


@frozen(kw_only=True)
class RulebookDiff:
    """What a change of rulebook does to a corpus: how many readings changed verdict (up,
    down), kept it with another confidence, or changed only in other conclusions; the verdict
    changes; the rules that made the differences; and the largest confidence moves."""

    counts: DiffCounts
    corpus: str | None = None

    @property
    def readings(self) -> int:
        """The observation sets compared (skipped ones aside)."""
        return self.counts.readings

    @property
    def up(self) -> int:
        """Readings whose verdict the new rulebook raised."""
        return self.counts.up

    @property
    def down(self) -> int:
        """Readings whose verdict the new rulebook lowered."""
        return self.counts.down

    @property
    def changed(self) -> int:
        """Readings that changed in any way."""
        return self.counts.changed

    @property
    def skipped(self) -> int:
        """Observation sets that were not valid observations."""
        return self.counts.skipped

    def to_dict(self) -> dict[str, object]:
        """The comparison as JSON (format ``interview-signals/rules-diff``)."""
        return diff_json(self.counts, self.corpus)

    def render(self, format: Literal["text", "json"] = "text") -> str:
        """The comparison in words for a coach, or as JSON text."""
        if format == "json":
            return dump_json(self.to_dict(), 2) + "\n"
        return diff_text(self.counts, self.corpus)


def progress_text(compared: int) -> str:
    """``interview-signals: 12,345 lines compared``, for a terminal."""
    return say("diff_progress", lines=count(compared, "line"))


def side_text(side: RulebookSide) -> str:
    """``the default rulebook``, ``the default rulebook with coach/``, ``a.toml, b/``."""
    packs = ", ".join(file_name(name) for name in side.names)
    if not side.names:
        return say("side_default")
    return say("side_default_and" if side.include_default else "side_packs", packs=packs)


def diff_text(report: DiffCounts, corpus: str | None) -> str:
    """The counts, the verdict changes, the rules that made the differences, the largest
    moves and the skipped lines."""
    readings = count(report.readings, "reading")
    lines = [say("diff_title", readings=readings) if corpus is None else
             say("diff_title_of", readings=readings, corpus=file_name(corpus)),
             say("diff_old", side=side_text(report.old)),
             say("diff_new", side=side_text(report.new)),
             *_columns([(say(key), n) for key, n in (
                 ("diff_up", report.up), ("diff_down", report.down),
                 ("diff_moved", report.moved), ("diff_advice", report.other),
                 ("diff_same", report.unchanged),
                 *((("diff_skipped", report.skipped),) if report.skipped else ()))])]
    if not report.changed:
        lines += ["", say("diff_nothing")]
    if report.transitions:
        lines += ["", say("diff_transitions")]
        lines += [say("diff_transition", old=old, new=new, count=f"{n:,}")
                  for (old, new), n in sorted(report.transitions.items(),
                                              key=lambda item: (-item[1], item[0]))]
    if report.changed:
        lines += ["", say("diff_verdicts")]
        lines += [say("diff_verdict_count", id=id_, old=f"{report.verdicts_old.get(id_, 0):,}",
                      new=f"{report.verdicts_new.get(id_, 0):,}") for id_ in _verdict_ids(report)]
        lines += ["", say("diff_rules")]
        lines += [say("diff_rule", rule=rule_name(_rule(report, t.rule, t.how)),
                      how=_how(report, t.rule, t.how, t.old, t.new),
                      count=count(t.readings, "reading"), up=f"{t.up:,}", down=f"{t.down:,}")
                  for t in report.rules]
    if report.moves:
        lines += ["", say("diff_moves")]
        for move in report.moves:
            lines += _move_lines(report, move)
    if report.errors:
        lines += ["", say("diff_errors", shown=len(report.errors), count=f"{report.skipped:,}")]
        lines += [say("diff_error", line=line, error=error) for line, error in report.errors]
    return "\n".join(lines) + "\n"


def _move_lines(report: DiffCounts, move: Changed) -> list[str]:
    line, old_verdict, new_verdict, old_confidence, new_confidence, rules = move
    out = [say("diff_move", line=line, old_verdict=old_verdict, new_verdict=new_verdict,
               old_confidence=confidence_text(old_confidence),
               new_confidence=confidence_text(new_confidence),
               change=f"{round(new_confidence - old_confidence, 4):+g}")]
    out += [say("diff_move_rule", rule=say("fact", kind=_rule(report, rule, how).kind, id=rule),
                how=_how(report, rule, how, before, after))
            for rule, how, before, after in rules]
    return out


def _columns(counts: list[tuple[str, int]]) -> list[str]:
    """The counts' lines: each label, then its number, in two columns (as wide as the
    longest label, at least 32 characters)."""
    width = max(32, *(len(label) for label, _ in counts))
    return [say("diff_count", label=label.ljust(width), count=f"{n:,}".rjust(9))
            for label, n in counts]


def _rule(report: DiffCounts, rule_id: str, how: str) -> Rule:
    """The rule as the rulebook it fired under has it (the new one, when both)."""
    books = (report.old_book, report.new_book) if how == "only_old" else \
        (report.new_book, report.old_book)
    for book in books:
        for rule in book.rules:
            if rule.id == rule_id:
                return rule
    raise KeyError(rule_id)  # every id came from one of the two rulebooks


def _how(report: DiffCounts, rule_id: str, how: str, old: float | None,
         new: float | None) -> str:
    if how in ("only_old", "only_new"):
        return say(f"how_{how}")
    if how == "strength" and (old is None or new is None):
        bases = _amounts(report, rule_id)
        if bases[0] != bases[1]:
            return say("how_strength_base", old=number(bases[0]), new=number(bases[1]))
        return say("how_strength")
    if old is None or new is None:
        return say("how_strength")
    if how == "strength":
        return say("how_strength_values", old=number(old), new=number(new))
    return say("how_amount", effect=_rule(report, rule_id, how).effect, old=number(old),
               new=number(new))


def _amounts(report: DiffCounts, rule_id: str) -> tuple[float, float]:
    """A rule's own amount (a signal's base strength) in the old and in the new rulebook."""
    return (_rule(report, rule_id, "only_old").amount, _rule(report, rule_id, "only_new").amount)


def diff_json(report: DiffCounts, corpus: str | None) -> dict[str, object]:
    """The report as JSON, for programs."""
    def side(s: RulebookSide) -> dict[str, object]:
        return {"packs": list(s.names), "include_default": s.include_default}

    return {
        "format": DIFF_FORMAT, "version": DIFF_VERSION, "corpus": corpus,
        "old": side(report.old), "new": side(report.new),
        "readings": report.readings, "changed": report.changed,
        "verdict_up": report.up, "verdict_down": report.down,
        "confidence_moved": report.moved, "other_conclusions_changed": report.other,
        "unchanged": report.unchanged, "skipped": report.skipped,
        "transitions": [{"old": old, "new": new, "readings": n}
                        for (old, new), n in sorted(report.transitions.items(),
                                                    key=lambda item: (-item[1], item[0]))],
        "verdicts": {"old": _in_order(report, report.verdicts_old),
                     "new": _in_order(report, report.verdicts_new)},
        "rules": [{"rule": t.rule, "kind": _rule(report, t.rule, t.how).kind,
                   "pack": _rule(report, t.rule, t.how).pack, "difference": t.how,
                   "old": None if t.old is None else round(t.old, 4),
                   "new": None if t.new is None else round(t.new, 4),
                   "readings": t.readings, "verdict_up": t.up, "verdict_down": t.down}
                  for t in report.rules],
        "largest_moves": [changed_row(move) for move in report.moves],
        "errors": [{"line": line, "error": error} for line, error in report.errors],
    }


def _verdict_ids(report: DiffCounts) -> list[str]:
    """Every verdict of either rulebook: the new one's in its order, then the old one's."""
    ids = [v.id for v in report.new_book.verdicts]
    return ids + [v.id for v in report.old_book.verdicts if v.id not in ids]


def _in_order(report: DiffCounts, counts: dict[str, int]) -> dict[str, int]:
    return {id_: counts.get(id_, 0) for id_ in _verdict_ids(report)}
