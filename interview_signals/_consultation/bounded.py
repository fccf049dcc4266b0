"""The consultation when the exact search runs out of time: from bounds, and saying so.

Neighbours: ``consultant.Consultant.consult`` calls ``bounded_consultation`` when the exact
search (``consultant._Step``) did not finish within its share of the time budget;
``search.proofs`` gives each field group's states and the bounds on the verdicts of their
combinations.

Method. Each field group's states with the known answers kept and the unknown fields
completed are few (the cost model bounds one enumeration of every group), and the
verdicts of every combination of them lie, for each set of standing ``or_signals``,
between the verdict of the largest and of the smallest confidence, which the groups'
Pareto fronts give without combining the groups' states (``proofs``). So the verdicts
outside those ranges are ruled out, and the rest are listed as possible (the extremes
are reached, those between may not be). A field whose every answer leaves the same single
verdict is irrelevant, proven; the others are asked, each answer with the verdicts it
does not rule out, ranked by how much their answers narrow the range. When even that does
not finish in the rest of the budget, every unknown field that a rule reads is asked, in
vocabulary order, with no verdict ruled out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from .._assessment import Assessment, Search
from .._observations import VOCABULARY, Value, known_grouped
from .._texts import Texts
from .results import Answer, Consultation, Question, cand_text
from .search.answer_classes import Candidate
from .search.budget import Budget, OutOfRoom, OutOfTime
from .search.evaluator import valid
from .search.proofs import UNIT, Bounds, bounds_of, join

if TYPE_CHECKING:
    from .consultant import Consultant

Span = tuple[Candidate, tuple[str, ...]]
"""An answer class (or a run of adjacent number classes) and the verdicts it leaves
possible."""


def bounded_consultation(c: Consultant, values: Mapping[str, Value], *,
                         skipped: frozenset[str], assessment: Assessment, budget: Budget,
                         stopped: OutOfTime, texts: Texts) -> Consultation:
    """The consultation from bounds, or unranked when the bounds do not finish either; its
    words in ``texts``' language."""
    why = texts("search.out_of_room") if isinstance(stopped, OutOfRoom) else \
        texts("search.out_of_time", seconds=texts.number(budget.seconds))
    try:
        return _Bounds(c, values, texts).consultation(skipped, assessment, budget, why)
    except OutOfTime:
        return _unranked(c, values, skipped, assessment=assessment, budget=budget, why=why,
                         texts=texts)


class _Bounds:
    """Each field group's states and the bounds of every other group's, for one set of
    observations."""

    def __init__(self, c: Consultant, values: Mapping[str, Value], texts: Texts) -> None:
        self.c, self.values, self.texts = c, values, texts
        ev, proofs = c.ev, c.proofs
        self.known = [tuple((p, values[p]) for p in g.paths if p in values) for g in ev.groups]
        self.free = [frozenset(p for p in g.paths if p not in values) for g in ev.groups]
        own = [bounds_of(proofs.states(i, self.known[i], self.free[i]))
               for i in range(len(ev.groups))]
        prefix = [UNIT]
        for b in own:
            prefix.append(join(prefix[-1], b))
        suffix = [UNIT]
        for b in reversed(own):
            suffix.append(join(b, suffix[-1]))
        suffix.reverse()
        self.all = prefix[-1]
        self.rest = [join(prefix[i], suffix[i + 1]) for i in range(len(own))]
        """Per group: the bounds of every other group's states combined."""

    def possible(self, bounds: Bounds) -> tuple[str, ...]:
        """The verdicts the bounds do not rule out, best first."""
        ids = self.c.ev.verdict_ids
        ranks = {r for best, worst in self.c.proofs.ranges(bounds)
                 for r in range(best, worst + 1)}
        return tuple(ids[r] for r in sorted(ranks))

    def consultation(self, skipped: frozenset[str], assessment: Assessment, budget: Budget,
                     why: str) -> Consultation:
        reachable = self.possible(self.all)
        found: list[tuple[tuple[int, int, int], Question]] = []
        still_open = False
        for i, group in enumerate(self.c.ev.groups):
            for path in group.paths:
                if path in self.values:
                    continue
                spans = self.spans(i, path)
                if len({v for _, v in spans}) <= 1 and all(len(v) <= 1 for _, v in spans):
                    continue  # every answer leaves the same single verdict: irrelevant
                if path in skipped:
                    still_open = True
                    continue
                found.append((_score(spans, reachable), self._question(path, spans)))
        found.sort(key=lambda x: x[0])
        questions = tuple(q for _, q in found)
        settled = not questions and not still_open
        unfinished = [self.texts("search.from_bounds", why=why),
                      self.texts("search.ranked_by_bounds")]
        reason = None
        if settled:
            try:
                reason = self.c.sufficient_reason(self.values, assessment.verdict)
            except OutOfTime:
                unfinished.append(self.texts("search.no_reason_found"))
        return Consultation(
            assessment=assessment, reachable=reachable, settled=settled,
            questions=questions, sufficient_reason=reason,
            observations=known_grouped(self.values),
            search=Search(complete=False, seconds=budget.seconds,
                          unfinished=tuple(unfinished)),
            ranked_by="bound")

    def spans(self, index: int, path: str) -> list[Span]:
        """Each answer class of ``path`` (adjacent number classes with the same verdicts
        as one) and the verdicts it does not rule out."""
        c, known = self.c, self.known[index]
        out: list[Span] = []
        for cand in c.ev.candidates(path, self.values):
            trial = (*known, (path, cand.value))
            if not valid({**self.values, path: cand.value}):
                continue
            states = c.proofs.states(index, trial, self.free[index] - {path})
            if not states:
                continue
            out.append((cand, self.possible(join(bounds_of(states), self.rest[index]))))
        return _runs(out, VOCABULARY[path].kind in ("int", "number"))

    def _question(self, path: str, spans: Sequence[Span]) -> Question:
        texts = self.texts
        answers = [Answer(value=cand.value, text=cand_text(path, cand, texts),
                          reachable=verdicts) for cand, verdicts in spans]
        either = self.c.ordered(v for _, verdicts in spans for v in verdicts)
        answers.append(Answer(value=None, text=texts("consultation.dont_know"),
                              reachable=tuple(either)))
        return self.c.question(path, answers, texts)


def _score(spans: Sequence[Span], reachable: tuple[str, ...]) -> tuple[int, int, int]:
    """Lower first: the more distinct verdict ranges its answers leave, and the more they
    narrow the possible verdicts, the sooner a field is asked (then vocabulary order)."""
    distinct = len({v for _, v in spans})
    narrowed = sum(len(reachable) - len(v) for _, v in spans)
    return -distinct, -narrowed, 0


def _runs(spans: list[Span], numeric: bool) -> list[Span]:
    """Adjacent number classes with the same verdicts as one span."""
    if not numeric:
        return spans
    out: list[Span] = []
    for cand, verdicts in spans:
        if out and out[-1][1] == verdicts:
            first = out[-1][0]
            out[-1] = (Candidate(first.value, first.low, cand.high, first.low_closed,
                                 cand.high_closed), verdicts)
        else:
            out.append((cand, verdicts))
    return out


def _unranked(c: Consultant, values: Mapping[str, Value], skipped: frozenset[str], *,
              assessment: Assessment, budget: Budget, why: str, texts: Texts
              ) -> Consultation:
    """Every unknown field a rule reads, in vocabulary order, nothing ruled out."""
    everything = tuple(c.ev.verdict_ids)
    questions = []
    for path in VOCABULARY:
        if path in values or path in skipped or path not in c.ev.group_of:
            continue
        spans = _runs([(cand, everything) for cand in c.ev.candidates(path, values)],
                      VOCABULARY[path].kind in ("int", "number"))
        answers = [Answer(value=cand.value, text=cand_text(path, cand, texts),
                          reachable=verdicts) for cand, verdicts in spans]
        answers.append(Answer(value=None, text=texts("consultation.dont_know"),
                              reachable=everything))
        questions.append(c.question(path, answers, texts))
    return Consultation(
        assessment=assessment, reachable=everything, settled=False,
        questions=tuple(questions), observations=known_grouped(values),
        search=Search(complete=False, seconds=budget.seconds, unfinished=(
            texts("search.no_bounds", why=why), texts("search.unranked"))),
        ranked_by="none")
