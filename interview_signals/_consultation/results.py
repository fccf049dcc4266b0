"""The results of a consultation and of a what-if, with their JSON forms.

Neighbours: ``consultant`` builds them; ``_cli.ask`` shows them in the terminal.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any, Literal, Protocol

from attrs import frozen

from .._assessment import Assessment, Search
from .._observations import VOCABULARY, Observations, Value
from .._rulebook import Rule, Rulebook
from .._texts import BASE_LANGUAGE, Texts
from .search.answer_classes import Candidate


class Assessor(Protocol):
    """What a session and the consultation's search need of an engine (``Engine`` is one);
    named here so that neither imports the engine that builds them."""

    @property
    def rulebook(self) -> Rulebook:
        """The rulebook the engine was built from."""

    @property
    def texts(self) -> Texts:
        """The texts of the language the engine speaks."""

    def assess(self, observations: Mapping[str, object] | Observations) -> Assessment:
        """Assess one interview's observations."""

    def consult(self, observations: Mapping[str, object] | Observations, *,
                skipped: Iterable[str] = (), seconds: float | None = None,
                cancel: Any = None) -> Consultation:
        """The next questions that matter for these observations."""


CONSULTATION_FORMAT = "interview-signals/consultation"
VERSION = 1


Ranking = Literal["information", "bound", "none"]
"""How a consultation ranked its questions: by the expected information of each answer
(exact), by a bound on how far each answer could move the reading (the time ran out
before the exact ranking), or not at all (the time ran out before the bounds)."""


@frozen(kw_only=True)
class Answer:
    """One answer class of a question: a representative value (``None``: "don't know"),
    its words, and the verdicts still reachable after it."""

    value: Value | None
    text: str
    reachable: tuple[str, ...]

    def to_dict(self) -> dict[str, object]:
        """The answer as JSON."""
        return {"value": self.value, "text": self.text, "reachable": list(self.reachable)}


@frozen(kw_only=True)
class Question:
    """A relevant unknown field: what to ask, the answers to choose from, and why it is
    asked. ``rules`` and ``signs`` name what it feeds (for a detailed view)."""

    path: str
    label: str
    question: str
    answers: tuple[Answer, ...]
    why: str
    rules: tuple[str, ...] = ()
    signs: tuple[int, ...] = ()

    def to_dict(self) -> dict[str, object]:
        """The question as JSON."""
        return {"path": self.path, "label": self.label, "question": self.question,
                "answers": [a.to_dict() for a in self.answers], "why": self.why,
                "rules": list(self.rules), "signs": list(self.signs)}


@frozen(kw_only=True)
class Consultation:
    """Where a consultation stands: the assessment now, the verdicts still reachable, whether
    the verdict is settled, and the relevant questions, best first.

    ``ask_first`` is the question to ask before the first of ``questions`` when that one
    depends on a field neither answered nor skipped (whether a note was sent, before how
    the reply read), with its answers and a ``why`` that says so; ``None`` otherwise.
    ``next_question`` is the one to show. ``sufficient_reason`` is the smallest set of
    recorded fields that already forces the verdict whatever the others are (``None`` when
    the recorded fields do not force it).

    ``search`` says whether the search finished within its time budget. When it did not,
    ``reachable`` and each answer's ``reachable`` list the verdicts the search could not
    rule out (some may not be reachable), ``questions`` are the fields it could not show
    to be irrelevant, and ``ranked_by`` says how they are ordered (``Ranking``).
    """

    assessment: Assessment
    reachable: tuple[str, ...]
    settled: bool
    questions: tuple[Question, ...]
    ask_first: Question | None = None
    sufficient_reason: tuple[str, ...] | None = None
    observations: dict[str, dict[str, Value]] | None = None
    search: Search = Search()
    ranked_by: Ranking = "information"

    @property
    def next_question(self) -> Question | None:
        """The question to ask now: ``ask_first``, else the best relevant question; None
        when no question is left."""
        if self.ask_first is not None:
            return self.ask_first
        return self.questions[0] if self.questions else None

    def to_dict(self) -> dict[str, object]:
        """The consultation as JSON: enough for a page to show the next question
        (``ask_first`` when it is not null, else the first of ``questions``)."""
        return {"format": CONSULTATION_FORMAT, "version": VERSION,
                "observations": self.observations or {},
                "assessment": self.assessment.to_dict(), "reachable": list(self.reachable),
                "settled": self.settled,
                "ask_first": None if self.ask_first is None else self.ask_first.to_dict(),
                "questions": [q.to_dict() for q in self.questions],
                "sufficient_reason": None if self.sufficient_reason is None
                else list(self.sufficient_reason),
                "search": self.search.to_dict(), "ranked_by": self.ranked_by}


# -- words ----------------------------------------------------------------------------------
# Every word below comes from the texts of the language asked for (``consultation.*``).

def cand_text(path: str, cand: Candidate, texts: Texts) -> str:
    """An answer class in plain words: "Yes", "Warm", "from 1 to 24"."""
    spec = VOCABULARY[path]
    if spec.kind == "bool":
        return texts("consultation.yes") if cand.value else texts("consultation.no")
    if spec.kind == "choice":
        return texts.choice(path, cand.value)
    low, high = cand.low, cand.high
    low_closed, high_closed = cand.low_closed, cand.high_closed
    num = texts.number
    if low is None or high is None:
        return num(float(cand.value)) if isinstance(cand.value, int | float) \
            else str(cand.value)
    if spec.kind == "int":
        lo = int(low) if low_closed else math.floor(low) + 1
        hi = int(high) if high_closed else math.ceil(high) - 1
        return num(lo) if lo == hi else texts("consultation.from_to", low=num(lo), high=num(hi))
    if low == high:
        return num(low)
    key = ("consultation.from_to" if high_closed else "consultation.from_to_under") \
        if low_closed else \
        ("consultation.above_up_to" if high_closed else "consultation.above_below")
    return texts(key, low=num(low), high=num(high))


def said(verdicts: Iterable[str], texts: Texts) -> list[str]:
    """Verdicts as a sentence says them: their titles, in lower case."""
    return [texts.lower(texts.get(f"verdict.{v}.title", v)) for v in verdicts]


def either(items: Iterable[str], texts: Texts) -> str:
    """``a``, ``a or b``, ``a, b or c``, in the language's words."""
    return texts.join(items, "or")


def _if_answer(answers: Iterable[Answer], texts: Texts) -> list[str]:
    return [texts("consultation.if_answer", answer=a.text,
                  verdicts=either(said(a.reachable, texts), texts)) for a in answers]


def why_text(rules: Iterable[Rule], answers: Iterable[Answer], texts: Texts) -> str:
    """Why a question is asked: the signs it bears on, and where each answer would leave
    the reading."""
    signs = list(dict.fromkeys(
        texts("consultation.bears_on_sign", sign=r.source_sign,
              title=texts.lower(_sign_title(r, texts)),
              original=texts.original(f"sign.{r.source_sign}") or r.source_title)
        for r in rules))
    first = texts("consultation.bears_on", signs="; ".join(signs)) if signs else \
        texts("consultation.can_change")
    return " ".join([first, *_if_answer(answers, texts)])


def _sign_title(rule: Rule, texts: Texts) -> str:
    """A rule's sign title: as the rule cites it in English, translated otherwise."""
    return rule.source_title if texts.tag == BASE_LANGUAGE else texts(f"sign.{rule.source_sign}")


def first_why(then: Question, reason: str, answers: Iterable[Answer], texts: Texts) -> str:
    """Why a prerequisite is asked before ``then``, and what each of its answers leaves."""
    first = texts("consultation.asked_first", label=texts.lower(then.label), reason=reason)
    return " ".join([first, *_if_answer(answers, texts)])
