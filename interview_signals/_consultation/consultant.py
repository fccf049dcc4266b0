"""Consultation: the next questions that matter, why they matter, and where each answer
would leave the verdict.

Neighbours: ``search.evaluator`` explores hypothetical completions on a pure evaluation of
the compiled rulebook, ``search.group_completions`` holds what one field group's completions
can do and ``search.other_groups`` what all the others can, ``search.proofs`` proves what the
recorded answers force, ``whatif`` searches change sets; ``Engine`` confirms. What is confirmed how:

- ``Consultation.assessment`` is the engine's assessment of the observations.
- Every verdict in ``Consultation.reachable`` and in each ``Answer.reachable`` comes with a
  concrete completion found by the search, and that completion is assessed by the engine,
  which must give that verdict (``EngineError`` if it ever does not: a bug, never a guess).
- Every ``WhatIf`` is the observations with its changes applied, assessed by the engine;
  its ``verdict`` and ``confidence`` are the engine's. Minimality (no proper subset of the
  changes reaches the goal) is checked by the evaluator.
- Claims of absence (a field is irrelevant, a verdict is unreachable, no change set
  reaches the target) are proven by exhaustive search over the answer classes, which the
  tests check against brute force through the engine.

Cost. A field group's completions are enumerated on their own, once per set of its known
answers: about (answer classes per field) ** (its unknown fields), so a pack whose rules
tie many fields together grows a field group and costs exponentially in its unknown fields.
Each field group's few distinct scoring states (at most 2 ** its signal and qualifier rules;
14 at most on the default rulebook) are then judged against the rest: the other
field groups' distinct states, combined in two halves of about equal state counts (about the
square root of their product each; the product is ~45,000 on the default rulebook with
nothing known, falling fast as answers arrive), never the whole. Relevance and each
answer's verdicts are read off those judgments. On top, one engine assessment per
reachable verdict per answer (remembered) confirms what is returned.
"""

from __future__ import annotations

import math
import weakref
from collections.abc import Iterable, Mapping

import attrs

from .._assessment import Assessment, Band, Search, WhatIfs
from .._errors import EngineError, RulebookError
from .._observations import PREREQUISITES, VOCABULARY, Value, known_grouped, prerequisites
from .._rulebook import Rule
from .._texts import Texts
from .bounded import bounded_consultation
from .results import (
    Answer,
    Assessor,
    Consultation,
    Question,
    cand_text,
    first_why,
    why_text,
)
from .search.answer_classes import Candidate
from .search.budget import DEFAULT_SECONDS, Budget, OutOfTime
from .search.caches import Cache
from .search.cost import search_problems
from .search.evaluator import Evaluator, Outcome, valid
from .search.group_completions import Answered, Local
from .search.other_groups import Part, Rests, View
from .search.proofs import Proofs
from .whatif import WhatIfSearch

Mix = tuple[Candidate, dict[str, float], frozenset[Outcome]]
"""One answer class: its representative, the verdicts' weights after it, its outcomes."""


class Consultant:
    """The consultation and what-if search of one engine (built once, on first use)."""

    def __init__(self, engine: Assessor) -> None:
        self._confirmed: dict[tuple[tuple[str, Value], ...], str] = {}
        """The engine's verdict of each completion confirmed so far (bounded)."""
        self._locals: Cache[tuple[int, tuple[tuple[str, Value | None], ...]], Local] = \
            Cache(_LOCALS_WEIGHT, Local.weight)
        """Each field group with its known answers (they recur from step to step)."""
        # A proxy: the engine holds its consultant, which must not keep the engine alive.
        self.engine: Assessor = weakref.proxy(engine)
        self.ev = Evaluator(engine.rulebook)
        problems = search_problems(engine.rulebook, self.ev)
        if problems:  # before any enumeration, which could take hours
            raise RulebookError(problems)
        self.proofs = Proofs(self.ev)
        self.rests = Rests(self.ev)
        self.rank = {v: i for i, v in enumerate(self.ev.verdict_ids)}
        self._rules: dict[str, tuple[Rule, ...]] = {
            p: tuple(r for r in self.ev.book.rules if p in r.paths) for p in VOCABULARY}

    # -- shared ----------------------------------------------------------------------------

    def known(self, index: int, values: Mapping[str, Value | None]
              ) -> tuple[tuple[str, Value | None], ...]:
        """The known answers of field group ``index``, in its order."""
        return tuple((p, values[p]) for p in self.ev.groups[index].paths if p in values)

    def local(self, index: int, values: Mapping[str, Value | None]) -> Local:
        """Field group ``index`` with its known answers (remembered, least recently used
        dropped first)."""
        key = (index, self.known(index, values))
        found = self._locals.get(key)
        if found is None:
            found = self._locals.put(key, Local(self.ev, index, key[1]))
        return found

    def ordered(self, verdicts: Iterable[str]) -> list[str]:
        """The verdicts, best first, each once."""
        return sorted(set(verdicts), key=self.rank.__getitem__)

    def confirm(self, values: Mapping[str, Value], verdict: str) -> None:
        """Assess a completion with the engine (remembered, bounded); ``EngineError`` when
        it does not give ``verdict``."""
        key = tuple(sorted(values.items()))
        got = self._confirmed.get(key)
        if got is None:
            if len(self._confirmed) > _CONFIRMED_MAX:
                self._confirmed.clear()
            got = self._confirmed[key] = self.engine.assess(known_grouped(values)).verdict
        if got != verdict:
            raise EngineError(f"the consultation's search expected {verdict} for {values}, "
                              f"the engine says {got}: please report this")

    def question(self, path: str, answers: list[Answer], texts: Texts) -> Question:
        """The question on ``path`` with its answers and what it feeds, in ``texts``'
        language."""
        rules = self._rules[path]
        return Question(path=path, label=texts.label(path), question=texts.question(path),
                        answers=tuple(answers), why=why_text(rules, answers, texts),
                        rules=tuple(r.id for r in rules),
                        signs=tuple(sorted({r.source_sign for r in rules})))

    # -- consultation ----------------------------------------------------------------------

    def consult(self, values: Mapping[str, Value], skipped: Iterable[str] = (),
                budget: Budget | None = None, *, speaker: Assessor | None = None
                ) -> Consultation:
        """The exact consultation (see ``_Step``) if it finishes within most of the
        budget, else the bounded one (``bounded``), which says what it did not finish;
        ``speaker`` is the engine (or a language of it) whose assessment and texts the
        consultation gives (this consultant's engine when None)."""
        budget = budget or Budget(DEFAULT_SECONDS)
        speaker = speaker if speaker is not None else self.engine
        left_out = frozenset(skipped)
        assessment = speaker.assess(known_grouped(values))
        with budget.until(EXACT_SHARE).running():
            try:
                return self._exact(values, left_out, assessment, budget, speaker.texts)
            except OutOfTime as exc:
                stopped = exc
        with budget.running():
            return bounded_consultation(self, values, skipped=left_out, assessment=assessment,
                                        budget=budget, stopped=stopped, texts=speaker.texts)

    def _exact(self, values: Mapping[str, Value], skipped: frozenset[str],
               assessment: Assessment, budget: Budget, texts: Texts) -> Consultation:
        step = _Step(self, values, assessment.verdict, texts)
        found, still_open = step.questions(skipped)
        questions = _prerequisites_first(found)
        ask_first = step.ask_first(questions[0], skipped) if questions else None
        step.confirm_needs()
        settled = not questions and not still_open
        unfinished: tuple[str, ...] = ()
        reason = None
        if settled:
            try:
                reason = self.sufficient_reason(values, assessment.verdict)
            except OutOfTime:
                unfinished = (texts("search.no_reason_in_time"),)
        return Consultation(
            assessment=assessment, reachable=tuple(self.ordered(step.reachable)),
            settled=settled, questions=questions, ask_first=ask_first,
            sufficient_reason=reason, observations=known_grouped(values),
            search=Search(complete=not unfinished, seconds=budget.seconds,
                          unfinished=unfinished))

    # -- how: the sufficient reason ----------------------------------------------------------

    def sufficient_reason(self, values: Mapping[str, Value], verdict: str
                          ) -> tuple[str, ...] | None:
        """See ``search.proofs.Proofs.sufficient_reason``."""
        return self.proofs.sufficient_reason(values, verdict)

    # -- what-if -----------------------------------------------------------------------------

    def what_if(self, values: Mapping[str, Value], target: str | None, limit: int,
                include_fixed: bool, budget: Budget | None = None, *,
                speaker: Assessor | None = None) -> WhatIfs:
        """See ``whatif.WhatIfSearch``; ``speaker`` as for ``consult`` (the words of its
        bands and of what the search did not finish)."""
        texts = (speaker if speaker is not None else self.engine).texts
        found = WhatIfSearch(self, texts).what_if(values, target, limit, include_fixed,
                                                  budget or Budget(DEFAULT_SECONDS))
        if speaker is None or speaker.texts is self.engine.texts:
            return found
        return attrs.evolve(found, options=tuple(
            o if o.band is None else attrs.evolve(o, band=Band(
                id=o.band.id, words=texts(f"band.{o.band.id}.words")))
            for o in found.options))


class _Step:
    """One consultation step: the reachable verdicts and the relevant questions, best first.

    Every verdict shown is confirmed by the engine on a completion of the observations;
    a completion already confirmed in this step also shows, for each unknown field, that
    its value there can reach its verdict, so most answers need no assessment of their own.
    """

    def __init__(self, consultant: Consultant, values: Mapping[str, Value], verdict: str,
                 texts: Texts) -> None:
        self.c, self.values, self.verdict, self.texts = consultant, values, verdict, texts
        self.locals = [consultant.local(i, values)
                       for i in range(len(consultant.ev.groups))]
        parts: list[Part] = [loc.part for loc in self.locals]
        self.movable = [i for i, loc in enumerate(self.locals) if len(loc.states) > 1]
        known = [loc.known for loc in self.locals]
        self.views = {i: consultant.rests.view(parts, known, i) for i in self.movable}
        self.shown: set[tuple[str, Value, str]] = set()
        """(field, value, verdict) of the completions confirmed in this step."""
        self.needs: list[tuple[str, Answered, View, tuple[str, ...]]] = []
        """The answers of the questions and the verdicts each can still reach."""
        self.reachable = self._reachable()

    def _reachable(self) -> dict[str, float]:
        """The verdicts of the completions and their weights, each confirmed."""
        if not self.movable:
            return {self.verdict: 1.0}
        reachable: dict[str, float] = {}
        first = self.movable[0]
        for k, (state, w, _) in enumerate(self.locals[first].part):
            _, dist, wits = self.views[first].with_(state)
            for v, x in dist.items():
                if v not in reachable:
                    self._confirm(self._witness(self.values, (*wits[v], (first, k))), v)
                reachable[v] = reachable.get(v, 0.0) + w * x
        return reachable

    def questions(self, skipped: frozenset[str]) -> tuple[list[Question], bool]:
        """The relevant questions not skipped, best first (before prerequisites are put
        first), and whether a skipped field is still relevant."""
        total = sum(self.reachable.values())
        entropy = _entropy({v: w / total for v, w in self.reachable.items()})
        found: list[tuple[float, int, Question]] = []
        still_open = False
        for ci in self.movable:
            loc, view = self.locals[ci], self.views[ci]
            signature = {s: view.with_(s)[0] for s in loc.states}
            for path in loc.free:
                if not loc.relevant(path, signature):
                    continue
                if path in skipped:
                    still_open = True
                    continue
                expected, question = self._question(loc, path, view)
                # the gain rounded, so that equal gains summed in another order tie
                found.append((round(expected - entropy, 9), _ORDER[path], question))
        found.sort(key=lambda q: (q[0], q[1]))
        return [q for _, _, q in found], still_open

    def _question(self, loc: Local, path: str, view: View) -> tuple[float, Question]:
        """The question on a relevant ``path``: its answers and expected entropy."""
        answered = loc.answers(path, self.values)
        mixes: list[Mix] = []
        for cand, states, outcomes in answered:
            mix: dict[str, float] = {}
            for state, share, _ in states:
                for v, x in view.with_(state)[1].items():
                    mix[v] = mix.get(v, 0.0) + share * x
            mixes.append((cand, mix, outcomes))
        merged = _merge_runs(mixes, VOCABULARY[path].kind in ("int", "number"))
        by_value = {a[0].value: a for a in answered}
        priors = VOCABULARY[path].priors
        expected, built = 0.0, []
        weights = [priors.get(c.value, 0.0) if priors else 1.0 for c, _, _ in merged]
        wsum = sum(weights) or 1.0
        for (cand, mix, _), weight in zip(merged, weights, strict=True):
            total = sum(mix.values()) or 1.0
            expected += weight / wsum * _entropy({v: x / total for v, x in mix.items()})
            reach = tuple(self.c.ordered(v for v, x in mix.items() if x > 0))
            self.needs.append((path, by_value[cand.value], view, reach))
            built.append(Answer(value=cand.value, text=cand_text(path, cand, self.texts),
                                reachable=reach))
        everything = tuple(self.c.ordered(v for a in built for v in a.reachable))
        built.append(Answer(value=None, text=self.texts("consultation.dont_know"),
                            reachable=everything))
        return expected, self.c.question(path, built, self.texts)

    def ask_first(self, best: Question, skipped: frozenset[str]) -> Question | None:
        """The question to ask before ``best``: a field ``best`` depends on (whether a note
        was sent, before whether a reply came, before how the reply read) that is neither
        answered nor skipped, or None.

        Exact relevance never ranks such a field (once the reply's details are answered,
        they already say a reply came), but a person asked how a reply read before whether
        one came would rightly be puzzled, and a "no" makes the questions on the reply moot
        at once. Its answers and their verdicts come from the same search as every other
        question's (the field is in ``best``'s group: the vocabulary's checks link them),
        and are confirmed with theirs by ``confirm_needs``."""
        found = _unanswered_need(best.path, self.values, skipped)
        if found is None:
            return None
        need, (dependent, prerequisite) = found
        reason = self.texts(f"field.{dependent}.needs.{prerequisite}")
        for i in self.movable:
            if need in self.locals[i].free:
                _, question = self._question(self.locals[i], need, self.views[i])
                return attrs.evolve(question, why=first_why(best, reason, question.answers,
                                                            self.texts))
        raise EngineError(f"the consultation found no group of fields holding {need}, which "
                          f"{best.path} depends on: please report this")

    def confirm_needs(self) -> None:
        """Each verdict each answer can still reach, shown by a completion the engine
        assesses. A completion shows every unknown field's value in it reaching its
        verdict, so of the few completions that would show a verdict still unshown, the
        one that shows the most others still needed is assessed (greedy cover)."""
        needed = {(path, a[0].value, v) for path, a, _, reach in self.needs for v in reach}
        needed -= self.shown
        for path, (cand, states, _), view, reach in self.needs:
            trial = {**self.values, path: cand.value}
            for v in reach:
                if (path, cand.value, v) not in needed:
                    continue
                best: dict[str, Value] = {}
                score, tries = -1, 0
                for state, _, assigned in states:
                    _, dist, wits = view.with_(state)
                    if v not in dist or tries >= _TRIES:
                        continue
                    tries += 1
                    done = self._witness(trial, wits[v])
                    done.update({p: x for p, x in assigned if x is not None})
                    count = sum((p, x, v) in needed for p, x in done.items())
                    if count > score:
                        best, score = done, count
                self._confirm(best, v)
                needed.difference_update((p, x, v) for p, x in best.items())

    def _witness(self, values: Mapping[str, Value], wit: Iterable[tuple[int, int]]
                 ) -> dict[str, Value]:
        """The completion of ``values`` made of one outcome per field group in ``wit`` (none
        of them the field group of a field ``values`` adds to the observations), each named
        by its index in its group's part."""
        out: dict[str, Value] = dict(values)
        for i, k in wit:
            local = self.locals[i]
            _, assigned = local.dist[local.part[k][2]]
            out.update({p: v for p, v in assigned if v is not None})
        return out

    def _confirm(self, completion: dict[str, Value], verdict: str) -> None:
        self.c.confirm(completion, verdict)
        self.shown.update((p, x, verdict) for p, x in completion.items()
                          if p not in self.values)


def _unanswered_need(path: str, values: Mapping[str, Value], skipped: frozenset[str]
                     ) -> tuple[str, tuple[str, str]] | None:
    """The first field ``path`` depends on that is neither answered nor skipped nor implied
    by the answers (no "no" is left for it: a reply's tone known says a reply came), going
    down to what that one depends on in turn, and the (dependent, prerequisite) pair whose
    reason says why (``field.<dependent>.needs.<prerequisite>`` in the texts); or None."""
    for need in prerequisites(path):
        if need not in values and need not in skipped and valid({**values, need: False}):
            deeper = _unanswered_need(need, values, skipped)
            if deeper is None:
                return need, (path, need)
            pair = (path, deeper[0]) if (path, deeper[0]) in _PREREQUISITE_PAIRS else deeper[1]
            return deeper[0], pair
    return None


_PREREQUISITE_PAIRS = frozenset((d, p) for d, p, _ in PREREQUISITES)


def _prerequisites_first(questions: list[Question]) -> tuple[Question, ...]:
    """The questions best first, except that one never comes before a question about its
    prerequisite (whether a reply came before how it read), as a person would ask them."""
    pending, placed = list(questions), []
    while pending:
        open_ = {q.path for q in pending}
        index = next((i for i, q in enumerate(pending)
                      if not open_.intersection(prerequisites(q.path))), 0)
        placed.append(pending.pop(index))
    return tuple(placed)


_CONFIRMED_MAX = 20_000
_LOCALS_WEIGHT = 250_000
"""The field groups with their known answers remembered: about that many outcomes and
states in all (each Local weighs its outcomes, and its fields' contexts as they come)."""
EXACT_SHARE = 0.75
"""The share of a consultation's time budget the exact search may take; the bounds take
the rest when it does not finish."""
_TRIES = 4
"""Completions weighed per answer and verdict before the one confirmed is chosen."""
_ORDER = {p: i for i, p in enumerate(VOCABULARY)}


def _merge_runs(answers: list[Mix], numeric: bool) -> list[Mix]:
    """Adjacent number intervals with the same outcomes are one answer class."""
    if not numeric:
        return answers
    out: list[Mix] = []
    run: list[Mix] = []
    for item in [*answers, None]:
        if item is not None and run and item[2] == run[-1][2]:
            run.append(item)
            continue
        if run:
            first, last = run[0][0], run[-1][0]
            middle = run[len(run) // 2][0]
            mix: dict[str, float] = {}
            for _, m, _ in run:
                for v, x in m.items():
                    mix[v] = mix.get(v, 0.0) + x / len(run)
            span = Candidate(middle.value, first.low, last.high, first.low_closed,
                             last.high_closed)
            out.append((span, mix, run[0][2]))
        run = [item] if item is not None else []
    return out


def _entropy(dist: Mapping[str, float]) -> float:
    return -sum(p * math.log2(p) for p in dist.values() if p > 0)

