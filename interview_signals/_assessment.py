"""``Assessment`` and its parts as frozen attrs classes, with their JSON form (SPEC section 6).

Neighbours: ``_engine`` records ``Firing``s; ``_scoring`` builds the ``Assessment``;
``_render`` shows it as text or markdown.
"""

from __future__ import annotations

import json
from typing import Literal, TypeAlias

from attrs import frozen

from ._observations import Value

Verdict: TypeAlias = Literal["strong", "promising", "tentative", "inconclusive"]
Format: TypeAlias = Literal["text", "markdown", "json"]
FactRef: TypeAlias = tuple[str, str]
"""A derived fact as (kind, rule id): ("signal", "personal_tour")."""


def _round(x: float) -> float:
    return round(x, 4)


@frozen(kw_only=True)
class Firing:
    """One rule firing in the engine: what it matched and what it asserted."""

    step: int
    rule: str
    engine_rule: str
    kind: str
    because: tuple[str, ...]
    matched_observations: tuple[tuple[str, Value | None], ...]
    matched_facts: tuple[FactRef, ...]
    asserted: tuple[FactRef, ...]

    @property
    def known_paths(self) -> tuple[str, ...]:
        """The observation paths this firing matched on a known value."""
        return tuple(p for p, v in self.matched_observations if v is not None)

    def to_dict(self) -> dict[str, object]:
        matched: list[dict[str, object]] = [
            {"kind": "observation", "path": p, "value": "unknown" if v is None else v}
            for p, v in self.matched_observations]
        matched += [{"kind": k, "id": i} for k, i in self.matched_facts]
        return {"step": self.step, "rule": self.rule, "engine_rule": self.engine_rule,
                "matched": matched,
                "asserted": [{"kind": k, "id": i} for k, i in self.asserted]}


@frozen(kw_only=True)
class Source:
    """Where a rule comes from: the article's sign number and title."""

    sign: int
    title: str

    def to_dict(self) -> dict[str, object]:
        return {"sign": self.sign, "title": self.title}


@frozen(kw_only=True)
class AppliedQualifier:
    """A qualifier that changed a signal's strength, and why."""

    id: str
    effect: Literal["boost", "discount"]
    amount: float
    explanation: str
    because: tuple[str, ...]
    rule: str
    pack: str

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, "effect": self.effect, "amount": _round(self.amount),
                "explanation": self.explanation, "because": list(self.because),
                "rule": self.rule, "pack": self.pack}


@frozen(kw_only=True)
class Signal:
    """A sign the engine established, with its strength before and after qualifiers."""

    id: str
    sign: int
    title: str
    strength: float
    base_strength: float
    qualifiers: tuple[AppliedQualifier, ...]
    because: tuple[str, ...]
    rule: str
    source: Source
    explanation: str
    pack: str

    @property
    def stands(self) -> bool:
        """A signal stands when it is evidence for the candidate after its qualifiers."""
        return self.strength > 0

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, "sign": self.sign, "title": self.title,
                "strength": _round(self.strength), "base_strength": _round(self.base_strength),
                "qualifiers": [q.to_dict() for q in self.qualifiers],
                "because": list(self.because), "rule": self.rule,
                "source": self.source.to_dict(), "explanation": self.explanation,
                "pack": self.pack}


@frozen(kw_only=True)
class Advice:
    """Advice or a caveat for the candidate, with the observations and rule behind it."""

    id: str
    sign: int
    text: str
    because: tuple[str, ...]
    rule: str
    source: Source
    pack: str

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, "sign": self.sign, "text": self.text,
                "because": list(self.because), "rule": self.rule,
                "source": self.source.to_dict(), "pack": self.pack}


@frozen(kw_only=True)
class Missing:
    """Unknown observations that would settle a signal that does not stand yet."""

    sign: int
    signal: str
    fields: tuple[str, ...]

    def to_dict(self) -> dict[str, object]:
        return {"sign": self.sign, "signal": self.signal, "fields": list(self.fields)}


@frozen(kw_only=True)
class Assessment:
    """The explained judgment of one interview (SPEC section 6)."""

    verdict: Verdict
    confidence: float
    signals: tuple[Signal, ...]
    advice: tuple[Advice, ...]
    missing: tuple[Missing, ...]
    trace: tuple[Firing, ...]
    summary: str
    observations: dict[str, dict[str, Value]]

    def signal(self, signal_id: str) -> Signal | None:
        """The signal with this id, if the engine established it."""
        return next((s for s in self.signals if s.id == signal_id), None)

    def to_dict(self) -> dict[str, object]:
        """The JSON-ready form with the stable ids of SPEC section 5."""
        return {"verdict": self.verdict, "confidence": _round(self.confidence),
                "signals": [s.to_dict() for s in self.signals],
                "advice": [a.to_dict() for a in self.advice],
                "missing": [m.to_dict() for m in self.missing],
                "trace": [f.to_dict() for f in self.trace],
                "summary": self.summary, "observations": self.observations}

    def to_json(self, *, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    def render(self, format: Format = "text") -> str:
        """The assessment as ``"text"``, ``"markdown"`` or ``"json"``."""
        from ._render import render

        return render(self, format)
