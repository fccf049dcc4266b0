"""A pure evaluator of the compiled rulebook over answer classes: the search space of
consultations and what-ifs.

Neighbours: ``consultant`` asks it questions and confirms every concrete result with the
``Engine``; the assessment's scoring (``qualify``, ``accumulate``, ``confidence``,
``Verdicts``) is reused for the arithmetic, so a verdict here is computed by the same code as
the engine's. This is the one route by which hypothetical observations are evaluated
without the engine; ``tests/consultation/search/test_evaluator.py`` checks it against the
engine.

A test means what ``_rulebook.semantics.holds`` says (the meaning ``_durable.compile``
gives the engine); derived facts chain to a fixpoint.

Structure is exploited: fields only interact through rules that read them together (facts
and qualifiers included) and through the vocabulary's contradiction checks, so the fields
fall into independent *field groups*; each field group's outcomes (the scoring rules it fires)
are enumerated on their own and combined only at the scoring step.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache
from typing import TypeAlias

from ..._assessment import Verdicts, accumulate, confidence, qualify
from ..._errors import ObservationError
from ..._observations import (
    EXCLUSIONS,
    PREREQUISITES,
    VOCABULARY,
    Value,
    check_contradictions,
    prerequisites,
)
from ..._rulebook import Rule, Rulebook, holds
from .answer_classes import AnswerClasses, Candidate
from .budget import tick
from .caches import memo
from .field_groups import field_groups, scoring_rules

__all__ = ["Evaluator", "fired", "merge", "valid"]

Outcome: TypeAlias = frozenset[str]
"""The ids of the scoring rules (signals and qualifiers) one field group fires."""
State: TypeAlias = tuple[float, float, int]
"""What the verdict reads of a set of fired rules: the products of ``1 - s`` over the
strengths for and of ``1 + s`` over those against, and the ``or_signals`` that stand (a
bit mask). Products are formed in sorted order within a
field group and across field groups in field group order; ``Scorer`` multiplies all in sorted
order, so the two can differ by a rounding of the last bit, which the confidence's rounding
to 6 places absorbs (and the engine confirms every result)."""
Assign: TypeAlias = dict[str, Value | None]
_CHECKED = tuple(dict.fromkeys(
    [p for d, q, _ in PREREQUISITES for p in (d, q)]
    + [p for a, _, b, _, _ in EXCLUSIONS for p in (a, b)]))
"""The fields the vocabulary's contradiction checks read."""


def fired(rules: Sequence[Rule], values: Mapping[str, Value | None]) -> frozenset[str]:
    """The ids of the rules that fire, derived facts chained to a fixpoint."""
    facts: set[tuple[str, str]] = set()
    ids: set[str] = set()
    changed = True
    while changed:
        changed = False
        for rule in rules:
            if rule.id in ids or (rule.applies_to is not None
                                  and ("signal", rule.applies_to) not in facts):
                continue
            if any(all(holds(t, values, facts) for t in b) for b in rule.branches):
                ids.add(rule.id)
                facts.add((rule.kind, rule.id))
                changed = True
    return frozenset(ids)


def valid(values: Mapping[str, Value | None]) -> bool:
    """Whether the vocabulary accepts these values together (no contradiction): the
    vocabulary's own checks, remembered by the values of the fields they read."""
    return _valid_key(tuple((p, values.get(p)) for p in _CHECKED))


@lru_cache(maxsize=65536)
def _valid_key(items: tuple[tuple[str, Value | None], ...]) -> bool:
    try:
        check_contradictions({p: v for p, v in items if v is not None})
    except ObservationError:
        return False
    return True


def _always(values: Mapping[str, Value | None]) -> bool:
    return True


_OUTCOMES_WEIGHT = 500_000
"""The outcomes remembered, over every field group and set of known answers (each with
its witness: a few hundred bytes)."""


class Evaluator:
    """The rulebook evaluated in plain Python, field group by field group (see module doc)."""

    def __init__(self, book: Rulebook) -> None:
        self.book = book
        self.rules = scoring_rules(book)
        self.groups = field_groups(self.rules, book.by_id())
        self.group_of = {p: i for i, c in enumerate(self.groups) for p in c.paths}
        self.classes = AnswerClasses(book)
        self.relations = self.classes.relations
        self._signals = {r.id: r for r in book.of_kind("signal")}
        self._qualifiers = {s: tuple(q for q in book.of_kind("qualifier") if q.applies_to == s)
                            for s in self._signals}
        self.choice = Verdicts(book)
        """The verdicts, chosen as the engine's scoring chooses them."""
        self.verdict_ids = self.choice.ids
        self.outcomes = memo(self._outcomes, _OUTCOMES_WEIGHT, len)
        self.state_of = lru_cache(maxsize=4096)(self._state_of)
        self.verdict_of = lru_cache(maxsize=65536)(self._verdict_of)
        self.eligible = lru_cache(maxsize=4096)(self._eligible)
        self._fired_at = lru_cache(maxsize=16384)(self._fired)

    def fixed(self, index: int, known: tuple[tuple[str, Value | None], ...]) -> Outcome:
        """The outcome of a field group whose unknown fields stay unknown."""
        given = dict(known)
        return self._fired_at(index, tuple(given.get(p) for p in self.groups[index].paths))

    def _fired(self, index: int, row: tuple[Value | None, ...]) -> Outcome:
        """The outcome of a field group's values in its own order (remembered by them,
        whatever order they were given in)."""
        group = self.groups[index]
        return fired(group.rules, dict(zip(group.paths, row, strict=True)))

    # -- candidates ------------------------------------------------------------------------

    def candidates(self, path: str, assigned: Mapping[str, Value | None]
                   ) -> tuple[Candidate, ...]:
        """One representative per answer class of ``path``, given the concrete values of
        the other fields in ``assigned`` (see ``answer_classes``)."""
        return self.classes.of(path, assigned)

    # -- field groups --------------------------------------------------------------------

    def _outcomes(self, index: int, known: tuple[tuple[str, Value | None], ...],
                  open_: frozenset[str] = frozenset()
                  ) -> dict[Outcome, tuple[float, tuple[tuple[str, Value | None], ...]]]:
        """Every outcome of a field group over the completions of its unknown fields, with
        its weight (answer priors) and one witness (the completed values). Fields in
        ``open_`` may also stay unknown; ``known`` holds the field group's fixed values."""
        out: dict[Outcome, tuple[float, tuple[tuple[str, Value | None], ...]]] = {}
        for assigned, weight, outcome in self.leaves(index, dict(known), (), open_):
            old = out.get(outcome)
            if old is None:
                out[outcome] = (weight, tuple(assigned.items()))
            else:
                out[outcome] = (old[0] + weight, old[1])
        return out

    def leaves(self, index: int, known: Assign, last: tuple[str, ...] = (),
               open_: frozenset[str] = frozenset()) -> Iterator[tuple[Assign, float, Outcome]]:
        """Each valid completion of a field group: (values, weight, outcome). Free fields
        are completed in vocabulary order, the fields in ``last`` last (so a caller can
        group completions by everything but them)."""
        group = self.groups[index]
        free = [p for p in group.paths if p not in known and p not in last]
        free += [p for p in last if p not in known]
        assigned: Assign = dict(known)
        check = valid if group.checked else _always

        def walk(i: int, weight: float) -> Iterator[tuple[Assign, float, Outcome]]:
            if i == len(free):
                tick()
                if check(assigned):
                    row = tuple(assigned.get(p) for p in group.paths)
                    yield dict(assigned), weight, self._fired_at(index, row)
                return
            path = free[i]
            options: list[Value | None] = [c.value for c in self.candidates(path, assigned)]
            if path in open_ or any(assigned.get(p) is False for p in prerequisites(path)):
                options.append(None)
            priors = VOCABULARY[path].priors
            for value in options:
                share = (priors.get(value, 0.0) if priors and value is not None
                         else 1.0 / len(options))
                assigned[path] = value
                yield from walk(i + 1, weight * share)
            del assigned[path]

        yield from walk(0, 1.0)

    # -- scoring ---------------------------------------------------------------------------

    def _state_of(self, ids: Outcome) -> State:
        strengths: list[float] = []
        standing = 0
        for sid in ids:
            signal = self._signals.get(sid)
            if signal is None:
                continue
            quals = [q for q in self._qualifiers[sid] if q.id in ids]
            s = qualify(signal.amount, [q.amount for q in quals if q.effect == "boost"],
                        [q.amount for q in quals if q.effect != "boost"]) if quals \
                else signal.amount
            strengths.append(s)
            if s > 0:
                standing |= self.choice.bits.get(sid, 0)
        for_, against = accumulate(strengths)
        return for_, against, standing

    def _verdict_of(self, state: State) -> str:
        """The verdict as ``Scorer.score`` decides it."""
        for_, against, standing = state
        return self.choice.choose(confidence(for_, against), standing)

    def _eligible(self, standing: int) -> tuple[tuple[str, float], ...]:
        """(verdict, the confidence it needs) in order: ``Verdicts.needs``."""
        return self.choice.needs(standing)

    def verdict(self, ids: frozenset[str]) -> str:
        """The verdict of a set of fired rule ids."""
        return self.verdict_of(self.state_of(frozenset(ids)))


def merge(a: State, b: State) -> State:
    """Two field groups' scoring states as one."""
    return a[0] * b[0], a[1] * b[1], a[2] | b[2]
