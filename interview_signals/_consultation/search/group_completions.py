"""One field group's completions given its known answers, whatever the other field groups are:
what a question about one of its fields can do.

Neighbours: ``consultant.Consultant`` keeps one ``Local`` per field group and set of known
answers (they recur from step to step and across consultations) and judges its few distinct
states against the rest of the observations (``other_groups.View``); ``evaluator`` enumerates the
completions. Nothing here depends on the other field groups, so a ``Local`` is built once
and reused whatever they are.

A field is relevant exactly when, in some context (the other fields of its field group
completed), two of its answers lead to states the rest tells apart. So each field keeps
only its *contexts*: per context, the set of states its answers lead to, those with one
state dropped (no answer there can change anything) and equal ones kept once. A relevance
check then compares the rest's signatures of a handful of states.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from ..._observations import Value
from .answer_classes import Candidate
from .evaluator import Assign, Evaluator, Outcome, State, valid

Answered = tuple[Candidate, tuple[tuple[State, float, tuple[tuple[str, Value | None], ...]],
                                  ...], frozenset[Outcome]]
"""One answer class of a field: its representative, the states it leads to (each with its
share of the answer's weight and one completion of the field group), its outcomes."""


class Local:
    """The completions of field group ``index`` with its fields in ``known`` fixed."""

    def __init__(self, ev: Evaluator, index: int, known: tuple[tuple[str, Value | None], ...]
                 ) -> None:
        self.ev, self.index, self.known = ev, index, known
        given = dict(known)
        self.free = tuple(p for p in ev.groups[index].paths if p not in given)
        self._contexts: dict[str, frozenset[frozenset[State]]] = {}
        self._answers: dict[str, list[Answered]] = {}
        if any(p in ev.relations for p in ev.groups[index].paths):
            self.dist = ev.outcomes(index, known)
        else:  # the outcomes and every field's contexts from one enumeration
            self.dist, self._contexts = _at_once(ev, index, given, self.free)
        """Each outcome with its weight and one completion (as ``Evaluator.outcomes``)."""
        self.part = [(ev.state_of(o), w, o) for o, (w, _) in self.dist.items()]
        """(state, weight, outcome) of each outcome: the field group's share of a product."""
        self.states = frozenset(s for s, _, _ in self.part)

    def weight(self) -> int:
        """About how many states and outcomes it holds, its contexts to come included
        (for ``caches.Cache``)."""
        return len(self.dist) * (2 + len(self.free))

    def contexts(self, path: str) -> frozenset[frozenset[State]]:
        """The distinct sets of two or more states that the answers to ``path`` lead to in
        one context."""
        found = self._contexts.get(path)
        if found is None:
            found = self._contexts[path] = _contexts_of(self.ev, self.index, dict(self.known),
                                                        path)
        return found

    def relevant(self, path: str, signature: Mapping[State, object]) -> bool:
        """Whether two answers to ``path`` lead, in some context, to states the rest tells
        apart (``signature`` of each state, equal exactly when its verdicts are)."""
        return any(len({signature[s] for s in group}) > 1 for group in self.contexts(path))

    def answers(self, path: str, values: Mapping[str, Value | None]) -> list[Answered]:
        """Each answer class of ``path`` that the vocabulary accepts with the known answers,
        with the states it leads to."""
        found = self._answers.get(path)
        if found is None:
            found = self._answers[path] = list(self._answered(path, values))
        return found

    def _answered(self, path: str, values: Mapping[str, Value | None]) -> Iterator[Answered]:
        ev = self.ev
        for cand in ev.candidates(path, values):
            trial = {**dict(self.known), path: cand.value}
            if not valid(trial):
                continue
            dist = ev.outcomes(self.index, tuple(trial.items()))
            if not dist:
                continue
            norm = sum(w for w, _ in dist.values())
            yield cand, tuple((ev.state_of(o), w / norm, assigned)
                              for o, (w, assigned) in dist.items()), frozenset(dist)


def _at_once(ev: Evaluator, index: int, known: Assign, free: tuple[str, ...]
             ) -> tuple[dict[Outcome, tuple[float, tuple[tuple[str, Value | None], ...]]],
                        dict[str, frozenset[frozenset[State]]]]:
    """The outcomes (as ``Evaluator.outcomes`` gives them) and every free field's contexts
    from one enumeration, for a field group whose fields no number comparison links (so its
    completions are the same in any order)."""
    dist: dict[Outcome, tuple[float, tuple[tuple[str, Value | None], ...]]] = {}
    seen: dict[tuple[str, tuple[object, ...]], set[State]] = {}
    for assigned, weight, outcome in ev.leaves(index, known):
        items = tuple(assigned.items())
        old = dist.get(outcome)
        dist[outcome] = (weight, items) if old is None else (old[0] + weight, old[1])
        state = ev.state_of(outcome)
        for k, (path, _) in enumerate(items):
            if path not in known:
                seen.setdefault((path, items[:k] + items[k + 1:]), set()).add(state)
    out: dict[str, set[frozenset[State]]] = {p: set() for p in free}
    for (path, _), states in seen.items():
        if len(states) > 1:
            out[path].add(frozenset(states))
    return dist, {p: frozenset(groups) for p, groups in out.items()}


def _contexts_of(ev: Evaluator, index: int, known: Assign, path: str
                 ) -> frozenset[frozenset[State]]:
    """One field's contexts, its answers enumerated last (the classes of a number linked to
    another depend on the other's value)."""
    out: set[frozenset[State]] = set()
    group: tuple[object, ...] | None = None
    states: set[State] = set()
    for assigned, _, outcome in ev.leaves(index, known, (path,)):
        key = tuple(v for p, v in assigned.items() if p != path)
        if key != group:
            if len(states) > 1:
                out.add(frozenset(states))
            group, states = key, set()
        states.add(ev.state_of(outcome))
    if len(states) > 1:
        out.add(frozenset(states))
    return frozenset(out)
