"""Explain one assessment from the engine's firings: the trace, the observations behind each
conclusion, the missing evidence with its questions, and the candidate's summary.

Neighbours: ``_engine`` calls ``Explainer.explain`` with the firings and ``scoring``'s
strengths and verdict; the result is the lazy ``assessment.Explanation`` of an
``Assessment``, whose JSON form is written here in one pass over the firings. Missing
evidence reads each test's state on what is known from ``_rulebook``'s ``state_of``.
"""

from __future__ import annotations

import operator
from collections.abc import Collection, Mapping, Sequence
from typing import Any, TypeAlias

from .._durable import EngineRule, Fired
from .._observations import EXCLUSIONS, VOCABULARY, Value, grouped, prerequisites
from .._rulebook import Rule, Rulebook, State, Test, state_of
from .assessment import Explanation
from .changes import WhatIfAsker
from .parts import FactRef, rounded


class Explainer:
    """A rulebook's explanation tables, built once per ``Engine``."""

    def __init__(self, book: Rulebook) -> None:
        self.book = book
        self.signals = tuple(sorted(book.of_kind("signal"), key=lambda r: r.sign))
        self.advice = book.of_kind("advice")
        self.rules = book.by_id()
        self.qualifiers = {s.id: tuple(q for q in book.of_kind("qualifier")
                                       if q.applies_to == s.id) for s in self.signals}
        self.qualifier_templates = {
            s: tuple((q.id, ("qualifier", q.id),
                      {"id": q.id, "effect": q.effect, "amount": rounded(q.amount),
                       "explanation": q.explanation, "because": None, "rule": q.id,
                       "pack": q.pack}) for q in qs)
            for s, qs in self.qualifiers.items()}
        """Per signal, its qualifiers as (id, fact, the fixed entries of its JSON form)."""
        self.templates = _templates(book)
        """The fixed entries of each signal's and piece of advice's JSON form, in order;
        copied for every assessment, never handed out."""
        self.summaries = {v.id: v.summary for v in book.verdicts}
        self.verdict_titles = {v.id: v.title for v in book.verdicts}
        self.last_verdict = book.verdicts[-1].id
        self.titles = {r.id: r.title.lower() for r in self.signals}
        self.plan = tuple((r, _single_fields(r), tuple(
            tuple((_excluding(t), tuple((p, prerequisites(p)) for p in t.paths)) for t in b)
            for b in r.branches)) for r in self.signals if r.amount > 0)
        self.questions = {path: spec.question for path, spec in VOCABULARY.items()}
        """Per signal that counts for the candidate: the shortcut of ``_single_fields``, and
        each branch's tests as functions of the known values, with the paths they read and
        the prerequisites of each."""

    def explain(self, values: Mapping[str, Value], fired: Sequence[Fired],
                ids: Collection[str], strengths: Mapping[str, float], verdict: str, *,
                engine: WhatIfAsker) -> Explained:
        """The lazy explanation of one assessment, made by ``engine``."""
        return Explained(self, engine, values, fired, ids, strengths, verdict)

    def parts(self, values: Mapping[str, Value], fired: Sequence[Fired],
              ids: Collection[str], strengths: Mapping[str, float], verdict: str, *,
              trace: bool = True) -> dict[str, Any]:
        """The explanation in the ``to_dict()`` form, fresh; without the ``trace`` unless
        ``trace``. One pass over the firings writes the index of the known observations
        behind every derived fact (through the facts it joined) and the trace."""
        index: dict[FactRef, dict[str, None]] = {}
        raised_by: dict[str, dict[str, None]] = {}  # advice id -> the signals it joined
        steps: list[dict[str, object]] | None = [] if trace else None
        for step, (rule, asserted) in enumerate(fired, 1):
            kind, rule_id = ref = rule.concludes
            paths = index.get(ref)
            if paths is None:
                paths = index[ref] = {}
            for path in rule.paths:
                if values.get(path) is not None:
                    paths[path] = None
            for fact in rule.matched_facts:
                behind = index.get(fact)
                if behind:
                    paths.update(behind)
                if fact[0] == "signal" and kind == "advice":
                    raised_by.setdefault(rule_id, {})[fact[1]] = None
            if steps is not None:
                steps.append(_firing(step, rule, asserted, values))
        out = {
            "verdict_title": self.verdict_titles[verdict],
            "signals": [self._signal(r, ids, strengths[r.id], index)
                        for r in self.signals if r.id in ids],
            "advice": [self._advice(r, index, raised_by.get(r.id))
                       for r in self.advice if r.id in ids],
            "missing": self._missing(values, ids),
            "trace": steps,
            "summary": self.summary(values, strengths, verdict),
            "observations": grouped(values)}
        if steps is None:
            del out["trace"]
        return out

    def _signal(self, rule: Rule, ids: Collection[str], strength: float,
                index: Mapping[FactRef, dict[str, None]]) -> dict[str, object]:
        data = self.templates[rule.id].copy()
        if strength != rule.amount:  # the template holds the base strength
            data["strength"] = rounded(strength)
        data["qualifiers"] = [{**template, "because": list(index.get(ref, ()))}
                              for id_, ref, template in self.qualifier_templates[rule.id]
                              if id_ in ids]
        data["because"] = list(index.get(("signal", rule.id), ()))
        data["source"] = {"sign": rule.source_sign, "title": rule.source_title}
        return data

    def _advice(self, rule: Rule, index: Mapping[FactRef, dict[str, None]],
                raised_by: Mapping[str, None] | None) -> dict[str, object]:
        # Advice that waits for a signal cites the sign of the first that raised it, and
        # names in its text every signal that raised it ({signals}), in sign order.
        cited = self.rules[next(iter(raised_by))] if raised_by else rule
        data = self.templates[rule.id].copy()
        data["sign"] = cited.source_sign
        if raised_by and _PLACEHOLDER in rule.explanation:
            text = rule.explanation.replace(_PLACEHOLDER, join(
                [self.titles[s.id] for s in self.signals if s.id in raised_by]))
            data["text"] = text[:1].upper() + text[1:]
        data["because"] = list(index.get(("advice", rule.id), ()))
        data["source"] = {"sign": cited.source_sign, "title": cited.source_title}
        return data

    def _missing(self, values: Mapping[str, Value], ids: Collection[str]
                 ) -> list[dict[str, object]]:
        """For every signal that counts for the candidate, has not fired and could still
        fire: the unknown fields that could settle it, and their questions."""
        out: list[dict[str, object]] = []
        questions = self.questions
        for rule, single, branches in self.plan:
            if rule.id in ids:
                continue
            fields = _askable(single, values) if single is not None else \
                _undecided(branches, values)
            if fields:
                out.append({"sign": rule.sign, "signal": rule.id, "fields": list(fields),
                            "questions": [questions[p] for p in fields]})
        return out

    def summary(self, values: Mapping[str, Value], strengths: Mapping[str, float],
                verdict: str) -> str:
        """The candidate's summary: the verdict's text with the signals that stand, the
        signs against, and the rulebook's caveat if it has one (unless the verdict is the
        last one)."""
        book = self.book
        if not values:
            return book.nothing_known
        ranked = [(self.titles[id_], s) for id_, s in strengths.items()]
        # list.sort is stable with reverse=True too: equal strengths keep their sign order.
        standing = [pair for pair in ranked if pair[1] > 0]
        if len(standing) > 1:
            standing.sort(key=_strength, reverse=True)
        text = self.summaries[verdict].replace(_PLACEHOLDER, join([t for t, _ in standing]))
        if book.against:
            against = [pair for pair in ranked if pair[1] < 0]
            if against:
                against.sort(key=_strength)
                text += " " + book.against.replace(_PLACEHOLDER, join([t for t, _ in against]))
        # The last verdict says nothing points clearly your way: no caveat to add to that.
        if book.caveat and standing and verdict != self.last_verdict:
            return f"{text} {book.caveat}"
        return text


def _firing(step: int, rule: EngineRule, asserted: bool, values: Mapping[str, Value]
            ) -> dict[str, object]:
    """One step of the trace: the engine rule that fired, what it matched (each observation
    with its value, or unknown; each derived fact), and what it asserted."""
    kind, rule_id = rule.concludes
    matched: list[dict[str, object]] = []
    for path in rule.paths:
        value = values.get(path)
        matched.append({"kind": "observation", "path": path,
                        "value": "unknown" if value is None else value})
    for fact_kind, fact_id in rule.matched_facts:
        matched.append({"kind": fact_kind, "id": fact_id})
    return {"step": step, "rule": rule_id, "engine_rule": rule.name, "kind": kind,
            "matched": matched,
            "asserted": [{"kind": kind, "id": rule_id}] if asserted else []}


_strength = operator.itemgetter(1)
_PLACEHOLDER = "{signals}"
_Asked: TypeAlias = tuple[tuple[str, tuple[str, ...]], ...]
"""(field, its prerequisites) for each field a test reads."""


def _askable(single: _Asked, values: Mapping[str, Value]) -> dict[str, None]:
    """The shortcut's fields still worth asking: unknown, no prerequisite false."""
    fields: dict[str, None] = {}
    for path, needs in single:
        if path in values:
            continue
        for need in needs:
            if values.get(need) is False:
                break  # a false prerequisite: the field cannot hold a value
        else:
            fields[path] = None
    return fields


def _undecided(branches: tuple[tuple[tuple[State, _Asked], ...], ...],
               values: Mapping[str, Value]) -> dict[str, None]:
    """The unknown fields of every branch that no known value rules out."""
    fields: dict[str, None] = {}
    for branch in branches:
        undecided: dict[str, None] = {}
        for state, paths in branch:
            result = state(values)
            if result is False:
                break  # a known value already rules this branch out
            if result is None:
                undecided.update(_askable(paths, values))
        else:
            fields.update(undecided)
    return fields


def _templates(book: Rulebook) -> dict[str, dict[str, object]]:
    """The fixed entries of every signal's and piece of advice's JSON form, in JSON order;
    ``None`` marks what each assessment fills in."""
    out: dict[str, dict[str, object]] = {}
    for r in book.of_kind("signal"):
        amount = rounded(r.amount)
        out[r.id] = {"id": r.id, "sign": r.sign, "title": r.title, "strength": amount,
                     "base_strength": amount, "qualifiers": None, "because": None,
                     "rule": r.id, "source": None, "explanation": r.explanation,
                     "pack": r.pack}
    for r in book.of_kind("advice"):
        out[r.id] = {"id": r.id, "sign": None, "text": r.explanation, "because": None,
                     "rule": r.id, "source": None, "pack": r.pack}
    return out


def join(titles: Sequence[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    if len(titles) <= 1:
        return "".join(titles)
    return ", ".join(titles[:-1]) + " and " + titles[-1]


class Explained(Explanation):
    """The explanation of one engine assessment, built from its firings when first read."""

    __slots__ = ("_args", "_data", "_engine", "_explainer")

    def __init__(self, explainer: Explainer, engine: WhatIfAsker, *args: Any) -> None:
        super().__init__()
        self._explainer, self._engine, self._args = explainer, engine, args
        self._data: dict[str, Any] | None = None

    def engine(self) -> WhatIfAsker:
        """The engine that made the assessment."""
        return self._engine

    def data(self) -> Mapping[str, Any]:
        """The parts, built on first read."""
        if self._data is None:
            self._data = self._explainer.parts(*self._args)
        return self._data

    def as_dict(self, *, trace: bool = True) -> dict[str, Any]:
        """The parts as fresh data; without the ``trace`` unless ``trace``."""
        if self._data is None:  # fresh already: no copy needed
            return self._explainer.parts(*self._args, trace=trace)
        return super().as_dict(trace=trace)

    @property
    def verdict_title(self) -> str:
        """The verdict's title, without building the rest."""
        explainer, verdict = self._explainer, self._args[4]
        return str(explainer.verdict_titles[verdict])

    @property
    def summary(self) -> str:
        """The summary, without building the rest."""
        explainer, (values, _, _, strengths, verdict) = self._explainer, self._args
        return explainer.summary(values, strengths, verdict)


def _single_fields(rule: Rule) -> tuple[tuple[str, tuple[str, ...]], ...] | None:
    """When every branch of ``rule`` is one test of one field: (field, its prerequisites)
    for each branch that an unknown field could still make hold. Whether it could does not
    depend on any other value, so it is worked out once; a known field decides its test
    either way and is never missing. None for any other rule."""
    tests = [b[0] for b in rule.branches if len(b) == 1]
    if len(tests) != len(rule.branches) or any(
            t.fact_kind is not None or t.path is None or t.other is not None
            or t.path in _EXCLUDING for t in tests):
        return None  # (a field another value can exclude depends on that value)
    return tuple((str(t.path), prerequisites(str(t.path))) for t in tests
                 if state_of(t)({}) is None)


_EXCLUDING = frozenset(path for row in EXCLUSIONS for path in (row[0], row[2]))
"""Fields one of whose values another field can exclude."""


def _excluding(test: Test) -> State:
    """``state_of(test)``, and False too while the field is unknown but another known value
    rules out the one the test needs: the vocabulary refuses the two together (a reply that
    refers to what you discussed is never automatic), so asking could change nothing."""
    state = state_of(test)
    if test.op != "==" or test.other is not None or test.path not in _EXCLUDING:
        return state
    path = test.path
    excluded = [(o, ov) for p, v, o, ov, _ in EXCLUSIONS if p == path and v == test.value]
    excluded += [(p, v) for p, v, o, ov, _ in EXCLUSIONS if o == path and ov == test.value]
    if not excluded:
        return state

    def ruled_out(values: Mapping[str, Value]) -> bool | None:
        if path not in values and any(values.get(o) == v for o, v in excluded):
            return False
        return state(values)
    return ruled_out
