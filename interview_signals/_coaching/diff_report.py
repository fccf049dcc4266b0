"""The effect of a change of rulebook, as text for a coach and as JSON.

Neighbours: ``diff`` makes the ``DiffReport``; ``_cli``'s ``diff-rules`` writes this. The
texts are ``words``'.
"""

from __future__ import annotations

from .._rulebook import Rule
from .diff import DIFF_FORMAT, DIFF_VERSION, Changed, DiffReport, RulebookSide, changed_row
from .how import number, rule_name
from .words import count, say


def side_text(side: RulebookSide) -> str:
    """``the default rulebook``, ``the default rulebook with coach/``, ``a.toml, b/``."""
    packs = ", ".join(side.names)
    if not side.names:
        return say("side_default")
    return say("side_default_and" if side.include_default else "side_packs", packs=packs)


def diff_text(report: DiffReport, corpus: str) -> str:
    """The counts, the verdict changes, the rules that made the differences, the largest
    moves and the skipped lines."""
    lines = [say("diff_title", readings=count(report.readings, "reading"), corpus=corpus),
             say("diff_old", side=side_text(report.old)),
             say("diff_new", side=side_text(report.new)),
             say("diff_up", count=f"{report.up:,}"), say("diff_down", count=f"{report.down:,}"),
             say("diff_moved", count=f"{report.moved:,}"),
             say("diff_advice", count=f"{report.other:,}"),
             say("diff_same", count=f"{report.unchanged:,}")]
    if report.skipped:
        lines.append(say("diff_skipped", count=f"{report.skipped:,}"))
    if not report.changed:
        lines += ["", say("diff_nothing")]
    if report.transitions:
        lines += ["", say("diff_transitions")]
        lines += [say("diff_transition", old=old, new=new, count=f"{n:,}")
                  for (old, new), n in sorted(report.transitions.items(),
                                              key=lambda item: (-item[1], item[0]))]
    if report.changed:
        lines += ["", say("diff_verdicts")]
        ids = [v.id for v in report.new_book.verdicts]
        ids += [v.id for v in report.old_book.verdicts if v.id not in ids]
        lines += [say("diff_verdict_count", id=id_, old=f"{report.verdicts_old.get(id_, 0):,}",
                      new=f"{report.verdicts_new.get(id_, 0):,}") for id_ in ids]
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


def _move_lines(report: DiffReport, move: Changed) -> list[str]:
    line, old_verdict, new_verdict, old_confidence, new_confidence, rules = move
    out = [say("diff_move", line=line, old_verdict=old_verdict, new_verdict=new_verdict,
               old_confidence=number(old_confidence), new_confidence=number(new_confidence),
               change=f"{new_confidence - old_confidence:+.2f}")]
    out += [say("diff_move_rule", rule=f"{_rule(report, rule, how).kind} {rule}",
                how=_how(report, rule, how, before, after))
            for rule, how, before, after in rules]
    return out


def _rule(report: DiffReport, rule_id: str, how: str) -> Rule:
    """The rule as the rulebook it fired under has it (the new one, when both)."""
    books = (report.old_book, report.new_book) if how == "only_old" else \
        (report.new_book, report.old_book)
    for book in books:
        for rule in book.rules:
            if rule.id == rule_id:
                return rule
    raise KeyError(rule_id)  # every id came from one of the two rulebooks


def _how(report: DiffReport, rule_id: str, how: str, old: float | None,
         new: float | None) -> str:
    if how in ("only_old", "only_new"):
        return say(f"how_{how}")
    if old is None or new is None:
        return say("how_strength")
    if how == "strength":
        return say("how_strength_values", old=number(old), new=number(new))
    return say("how_amount", effect=_rule(report, rule_id, how).effect, old=number(old),
               new=number(new))


def diff_json(report: DiffReport, corpus: str) -> dict[str, object]:
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
        "verdicts": {"old": report.verdicts_old, "new": report.verdicts_new},
        "rules": [{"rule": t.rule, "kind": _rule(report, t.rule, t.how).kind,
                   "pack": _rule(report, t.rule, t.how).pack, "difference": t.how,
                   "old": None if t.old is None else round(t.old, 4),
                   "new": None if t.new is None else round(t.new, 4),
                   "readings": t.readings, "verdict_up": t.up, "verdict_down": t.down}
                  for t in report.rules],
        "largest_moves": [changed_row(move) for move in report.moves],
        "errors": [{"line": line, "error": error} for line, error in report.errors],
    }
