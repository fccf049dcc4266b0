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
from .._rulebook import Rulebook
from .search.answer_classes import Candidate


class Assessor(Protocol):
    """What a session and the consultation's search need of an engine (``Engine`` is one);
    named here so that neither imports the engine that builds them."""

    @property
    def rulebook(self) -> Rulebook:
        """The rulebook the engine was built from."""

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


# -- words --------------------------------------------------------------------------------

def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def cand_text(path: str, cand: Candidate) -> str:
    """An answer class in plain words: "Yes", "warm", "from 1 to 24"."""
    spec = VOCABULARY[path]
    if spec.kind == "bool":
        return "Yes" if cand.value else "No"
    if spec.kind == "choice":
        return spec.choice_texts.get(str(cand.value), str(cand.value))
    low, high = cand.low, cand.high
    low_closed, high_closed = cand.low_closed, cand.high_closed
    if low is None or high is None:
        return str(cand.value)
    if spec.kind == "int":
        lo = int(low) if low_closed else math.floor(low) + 1
        hi = int(high) if high_closed else math.ceil(high) - 1
        return _num(lo) if lo == hi else f"from {lo} to {hi}"
    if low == high:
        return _num(low)
    if low_closed:
        return f"from {_num(low)} to {_num(high)}" if high_closed else \
            f"from {_num(low)} to just under {_num(high)}"
    return f"more than {_num(low)}, up to {_num(high)}" if high_closed else \
        f"more than {_num(low)} and less than {_num(high)}"


def said(verdicts: Iterable[str], titles: Mapping[str, str]) -> list[str]:
    """Verdicts as a sentence says them: their titles (the rulebook's), in lower case."""
    return [titles.get(v, v).lower() for v in verdicts]


def _why(rules: tuple[object, ...], answers: list[Answer], titles: Mapping[str, str]) -> str:
    signs = list(dict.fromkeys(
        f"sign {r.source_sign}, {r.source_title.lower()}" for r in rules))  # type: ignore[attr-defined]
    lines = [f"Your answer bears on {'; '.join(signs)}." if signs else
             "Your answer can change the reading."]
    for a in answers:
        lines.append(f"If {a.text}: the reading could be {either(said(a.reachable, titles))}.")
    return " ".join(lines)


def first_why(then: Question, reason: str, answers: Iterable[Answer],
              titles: Mapping[str, str]) -> str:
    """Why a prerequisite is asked before ``then``, and what each of its answers leaves."""
    lines = [f"Asked first, because the question that matters most now "
             f"({then.label.lower()}) only applies if the answer to this one is yes: "
             f"{reason}."]
    lines += [f"If {a.text}: the reading could be {either(said(a.reachable, titles))}."
              for a in answers]
    return " ".join(lines)


def either(items: Iterable[str]) -> str:
    """``a``, ``a or b``, ``a, b or c``."""
    words = list(items)
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]
