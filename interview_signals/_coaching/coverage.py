"""What the cases reached: the rules (signals, qualifiers, advice) no case made fire, the
verdicts no case was given, and the alternatives of a condition no case made hold.

Neighbours: ``cases`` runs the cases; ``reports`` words and writes this.
"""

from __future__ import annotations

from collections.abc import Iterable

from attrs import frozen

from .._rulebook import Rulebook
from .cases import CaseResult


@frozen(kw_only=True)
class Item:
    """A rule or verdict of the rulebook, and where it is written."""

    kind: str
    """``signal``, ``qualifier``, ``advice`` or ``verdict``."""
    id: str
    pack: str | None
    file: str
    line: int | None

    def to_dict(self) -> dict[str, object]:
        """The item as JSON, with where it is written."""
        return {"kind": self.kind, "id": self.id, "pack": self.pack, "file": self.file,
                "line": self.line}


@frozen(kw_only=True)
class PartlyReached:
    """A rule that fired, though not every alternative of its condition ever held."""

    item: Item
    reached: tuple[int, ...]
    """The alternatives that held in some case, numbered from 1."""
    count: int

    def missed(self) -> tuple[int, ...]:
        """The alternatives that never held, numbered from 1."""
        return tuple(n for n in range(1, self.count + 1) if n not in self.reached)

    def to_dict(self) -> dict[str, object]:
        """The rule as JSON, with the alternatives reached and not reached."""
        return {**self.item.to_dict(), "alternatives": self.count,
                "reached": list(self.reached), "not_reached": list(self.missed())}


@frozen(kw_only=True)
class Coverage:
    """What a rulebook's cases reached: the rules (signals, qualifiers, advice) and verdicts
    no case reached, out of ``total``, and the rules some alternative of whose condition
    never held."""

    unreached: tuple[Item, ...]
    partly: tuple[PartlyReached, ...]
    total: int

    @property
    def complete(self) -> bool:
        """Every rule and verdict was reached by at least one case."""
        return not self.unreached

    def to_dict(self) -> dict[str, object]:
        """The coverage as JSON: what no case reached, and the alternatives of conditions
        that never held."""
        return {"complete": self.complete, "total": self.total,
                "reached": self.total - len(self.unreached),
                "not_reached": [i.to_dict() for i in self.unreached],
                "alternatives_not_reached": [p.to_dict() for p in self.partly]}


def coverage(book: Rulebook, results: Iterable[CaseResult]) -> Coverage:
    """What the cases of ``results`` reached of ``book``."""
    fired: set[str] = set()
    branches: set[tuple[str, int]] = set()
    verdicts: set[str] = set()
    for result in results:
        fired |= result.fired
        branches |= result.branches
        verdicts.add(result.verdict)
    unreached = [Item(kind=r.kind, id=r.id, pack=r.pack, file=r.file, line=r.line)
                 for r in book.rules if r.id not in fired]
    unreached += [Item(kind="verdict", id=v.id, pack=None, file=v.file, line=v.line)
                  for v in book.verdicts if v.id not in verdicts]
    partly = []
    for rule in book.rules:
        reached = tuple(n + 1 for n in range(len(rule.branches)) if (rule.id, n) in branches)
        if rule.id in fired and len(reached) < len(rule.branches):
            partly.append(PartlyReached(
                item=Item(kind=rule.kind, id=rule.id, pack=rule.pack, file=rule.file,
                          line=rule.line),
                reached=reached, count=len(rule.branches)))
    return Coverage(unreached=tuple(unreached), partly=tuple(partly),
                    total=len(book.rules) + len(book.verdicts))
