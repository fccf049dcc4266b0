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
from .._rulebook import Rule, Rulebook, State, Test, state_of, texts_of
from .._texts import BASE_LANGUAGE, Texts
from .assessment import Explanation
from .changes import WhatIfAsker
from .parts import Band, FactRef, rounded


class Explainer:
    """A rulebook's explanation tables in one language, built once per ``Engine`` and
    language (``texts``: the language's texts, the rulebook's own language when None)."""

    def __init__(self, book: Rulebook, texts: Texts | None = None) -> None:
        self.book = book
        self.texts = texts = texts if texts is not None else texts_of(book)
        self.signals = tuple(sorted(book.of_kind("signal"), key=lambda r: r.sign))
        self.advice = book.of_kind("advice")
        self.rules = book.by_id()
        self.qualifiers = {s.id: tuple(q for q in book.of_kind("qualifier")
                                       if q.applies_to == s.id) for s in self.signals}
        self.explanations = {r.id: texts(f"rule.{r.id}.explanation") for r in book.rules}
        # A sign's title as the rule cites it, in English (the article's language); in
        # another language, the translation of the article's title.
        self.source_titles = {r.id: r.source_title if texts.tag == BASE_LANGUAGE
                              else texts(f"sign.{r.source_sign}") for r in book.rules}
        self.qualifier_templates = {
            s: tuple((q.id, ("qualifier", q.id),
                      {"id": q.id, "effect": q.effect, "amount": rounded(q.amount),
                       "explanation": self.explanations[q.id], "because": None,
                       "rule": q.id, "pack": q.pack}) for q in qs)
            for s, qs in self.qualifiers.items()}
        """Per signal, its qualifiers as (id, fact, the fixed entries of its JSON form)."""
        self.templates = _templates(book, texts)
        """The fixed entries of each signal's and piece of advice's JSON form, in order;
        copied for every assessment, never handed out."""
        self.summaries = {v.id: texts(f"verdict.{v.id}.summary") for v in book.verdicts}
        self.verdict_titles = {v.id: texts(f"verdict.{v.id}.title") for v in book.verdicts}
        self.bands = {b.id: Band(id=b.id, words=texts(f"band.{b.id}.words"))
                      for b in book.bands}
        """Each band in this language's words."""
        self.nothing_known, self.against, self.caveat = (
            texts(f"summary.{name}") if getattr(book, name) else ""
            for name in ("nothing_known", "against", "caveat"))
        self.last_verdict = book.verdicts[-1].id
        self.titles = {r.id: texts.lower(texts(f"rule.{r.id}.title")) for r in self.signals}
        self.plan = tuple((r, _single_fields(r), tuple(
            tuple((_excluding(t), tuple((p, prerequisites(p)) for p in t.paths)) for t in b)
            for b in r.branches)) for r in self.signals if r.amount > 0)
        self.questions = {path: texts.question(path) for path in VOCABULARY}
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
            "language": self.texts.tag,
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
        data["source"] = {"sign": rule.source_sign, "title": self.source_titles[rule.id]}
        return data

    def _advice(self, rule: Rule, index: Mapping[FactRef, dict[str, None]],
                raised_by: Mapping[str, None] | None) -> dict[str, object]:
        # Advice that waits for a signal cites the sign of the first that raised it, and
        # names in its text every signal that raised it ({signals}), in sign order.
        cited = self.rules[next(iter(raised_by))] if raised_by else rule
        data = self.templates[rule.id].copy()
        data["sign"] = cited.source_sign
        explanation = self.explanations[rule.id]
        if raised_by and _PLACEHOLDER in explanation:
            text = explanation.replace(_PLACEHOLDER, self.texts.join(
                [self.titles[s.id] for s in self.signals if s.id in raised_by]))
            data["text"] = text[:1].upper() + text[1:]
        data["because"] = list(index.get(("advice", rule.id), ()))
        data["source"] = {"sign": cited.source_sign,
                          "title": self.source_titles[cited.id]}
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
        if not values:
            return self.nothing_known
        ranked = [(self.titles[id_], s) for id_, s in strengths.items()]
        # list.sort is stable with reverse=True too: equal strengths keep their sign order.
        standing = [pair for pair in ranked if pair[1] > 0]
        if len(standing) > 1:
            standing.sort(key=_strength, reverse=True)
        join = self.texts.join
        text = self.summaries[verdict].replace(_PLACEHOLDER, join([t for t, _ in standing]))
        if self.against:
            against = [pair for pair in ranked if pair[1] < 0]
            if against:
                against.sort(key=_strength)
                text += " " + self.against.replace(_PLACEHOLDER, join([t for t, _ in against]))
        # The last verdict says nothing points clearly your way: no caveat to add to that.
        if self.caveat and standing and verdict != self.last_verdict:
            return f"{text} {self.caveat}"
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


def _templates(book: Rulebook, texts: Texts) -> dict[str, dict[str, object]]:
    """The fixed entries of every signal's and piece of advice's JSON form, in JSON order
    and in the language of ``texts``; ``None`` marks what each assessment fills in."""
    out: dict[str, dict[str, object]] = {}
    for r in book.of_kind("signal"):
        amount = rounded(r.amount)
        out[r.id] = {"id": r.id, "sign": r.sign, "title": texts(f"rule.{r.id}.title"),
                     "strength": amount, "base_strength": amount, "qualifiers": None,
                     "because": None, "rule": r.id, "source": None,
                     "explanation": texts(f"rule.{r.id}.explanation"), "pack": r.pack}
    for r in book.of_kind("advice"):
        out[r.id] = {"id": r.id, "sign": None, "text": texts(f"rule.{r.id}.explanation"),
                     "because": None, "rule": r.id, "source": None, "pack": r.pack}
    return out


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

    def texts(self) -> Texts:
        """The texts of the language the assessment was made in."""
        return self._explainer.texts

    @property
    def language(self) -> str:
        """The language of the assessment's texts, without building the rest."""
        return self._explainer.texts.tag

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
