"""Answer classes: one representative value per class of answers to a field, derived from
the compiled rulebook.

Neighbours: ``evaluator.Evaluator`` completes fields with these representatives;
``results`` words them; ``whatif`` changes a number to the nearest value of a class.
Two answers in one class give the same assessment: a boolean or a choice is its own class;
a number's classes are the points and open intervals between the literals and bounds the
rulebook compares it with, and, for a field compared with another (actual against scheduled
minutes), the points where that comparison flips given the other's value (or, while the
other is unknown, given any of the other's own class boundaries).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

from attrs import frozen

from ..._observations import VOCABULARY, Value
from ..._rulebook import Rulebook, Test


@frozen
class Candidate:
    """One representative value of a field, and the interval of values it stands for."""

    value: Value
    low: float | None = None
    high: float | None = None
    low_closed: bool = True
    high_closed: bool = True


class AnswerClasses:
    """The answer classes of every field under one rulebook."""

    def __init__(self, book: Rulebook) -> None:
        self.literals: dict[str, set[float]] = {}
        """The number literals each number field is compared with."""
        self.relations: dict[str, list[Test]] = {}
        """The tests comparing a number field with another field (under both fields)."""
        for test in (t for rule in book.rules for b in rule.branches for t in b):
            if test.path is None or VOCABULARY[test.path].kind not in ("int", "number"):
                continue
            if test.other is not None:
                self.relations.setdefault(test.path, []).append(test)
                self.relations.setdefault(test.other, []).append(test)
            elif isinstance(test.value, int | float) and not isinstance(test.value, bool):
                self.literals.setdefault(test.path, set()).add(float(test.value))
        self._fixed: dict[str, tuple[Candidate, ...]] = {}

    def of(self, path: str, assigned: Mapping[str, Value | None]) -> tuple[Candidate, ...]:
        """One representative per answer class of ``path``, given the concrete values of
        the other fields in ``assigned``. The classes of a field no comparison links to
        another are the same whatever the others are: built once."""
        if path in self.relations:
            return self._build(path, assigned)
        found = self._fixed.get(path)
        if found is None:
            found = self._fixed[path] = self._build(path, assigned)
        return found

    def _build(self, path: str, assigned: Mapping[str, Value | None]
               ) -> tuple[Candidate, ...]:
        spec = VOCABULARY[path]
        if spec.kind == "bool":
            return Candidate(True), Candidate(False)
        if spec.kind == "choice":
            return tuple(Candidate(c) for c in spec.choices)
        lo = spec.minimum if spec.minimum is not None else -1e9
        hi = spec.maximum if spec.maximum is not None else 1e9
        points = {float(lo), float(hi), *self._points(path, assigned)}
        integer = spec.kind == "int"
        if integer:
            points = {x for p in points for x in (math.floor(p), math.ceil(p))}
        return tuple(_spread(sorted(p for p in points if lo <= p <= hi), integer))

    def _points(self, path: str, assigned: Mapping[str, Value | None]) -> Iterable[float]:
        """Where the assessment may change along ``path``'s values: its literals, and where
        each comparison with another field flips."""
        yield from self.literals.get(path, ())
        for test in self.relations.get(path, ()):
            mine = test.path == path
            partner = str(test.other if mine else test.path)
            given = assigned.get(partner)
            if isinstance(given, int | float) and not isinstance(given, bool):
                yield _boundary(test, mine, float(given))
                continue
            for p in self._partner_points(partner):
                yield _boundary(test, mine, p)

    def _partner_points(self, partner: str) -> list[float]:
        """Values of an unassigned partner where the classes of a field may change."""
        spec = VOCABULARY[partner]
        points = {*self.literals.get(partner, ())}
        points |= {float(b) for b in (spec.minimum, spec.maximum) if b is not None}
        steps = (-1.0, 0.0, 1.0) if spec.kind == "int" else (0.0,)
        return [p + d for p in points for d in steps]


def _spread(inside: list[float], integer: bool) -> list[Candidate]:
    """Each point, and a representative of each open interval between two points."""
    out: list[Candidate] = []
    for i, p in enumerate(inside):
        out.append(Candidate(int(p) if integer else p, p, p))
        if i + 1 < len(inside):
            q = inside[i + 1]
            mid = math.floor(p) + 1 if integer else (p + q) / 2
            if p < mid < q:
                out.append(Candidate(mid, p, q, False, False))
    return out


def _boundary(test: Test, mine: bool, partner: float) -> float:
    """Where ``path OP other * scale + plus`` flips, for one side given the other."""
    if mine:
        return partner * test.scale + test.plus
    return (partner - test.plus) / test.scale if test.scale else partner
