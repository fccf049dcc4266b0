"""The parts of an ``Assessment`` as frozen attrs classes: each signal, qualifier, piece of
advice, missing evidence and rule firing, with its JSON form.

Neighbours: ``explain`` writes the JSON form of an explanation from the engine's firings;
``assessment.Explanation`` reads these objects back from that form, on first access, by the
one ``from_dict`` of each class, whose ``to_dict`` writes it back unchanged.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeAlias

from attrs import frozen

from .._observations import Value

FactRef: TypeAlias = tuple[str, str]
"""A derived fact as (kind, rule id): ("signal", "personal_tour")."""
DIGITS = 4
"""Strengths and confidences in the JSON form are rounded to this many places."""


def rounded(x: float) -> float:
    """A number as the JSON form writes it."""
    return round(x, DIGITS)


@frozen(kw_only=True)
class Band:
    """How strongly the signs point the candidate's way, in the rulebook's words: what the
    candidate reads instead of the number (``"clearly"``)."""

    id: str
    words: str

    def to_dict(self) -> dict[str, object]:
        """The band as JSON: its id and its words."""
        return {"id": self.id, "words": self.words}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Band:
        """Read back what ``to_dict()`` wrote."""
        return cls(id=d["id"], words=d["words"])


@frozen(kw_only=True)
class Firing:
    """One rule firing in the engine: what it matched and what it asserted."""

    step: int
    rule: str
    engine_rule: str
    kind: str
    matched_observations: tuple[tuple[str, Value | None], ...]
    """``(path, value)`` for every observation path the rule tested; None: unknown."""
    matched_facts: tuple[FactRef, ...]
    asserted: tuple[FactRef, ...]

    @property
    def because(self) -> tuple[str, ...]:
        """The observation paths the rule tested."""
        return tuple(p for p, _ in self.matched_observations)

    def to_dict(self) -> dict[str, object]:
        """This firing in the JSON form of the trace."""
        matched: list[dict[str, object]] = [
            {"kind": "observation", "path": p, "value": "unknown" if v is None else v}
            for p, v in self.matched_observations]
        matched += [{"kind": k, "id": i} for k, i in self.matched_facts]
        return {"step": self.step, "rule": self.rule, "engine_rule": self.engine_rule,
                "kind": self.kind, "matched": matched,
                "asserted": [{"kind": k, "id": i} for k, i in self.asserted]}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Firing:
        """Read back what ``to_dict()`` wrote."""
        observed = [m for m in d["matched"] if m["kind"] == "observation"]
        return cls(step=d["step"], rule=d["rule"], engine_rule=d["engine_rule"],
                   kind=d["kind"],
                   matched_observations=tuple(
                       (m["path"], None if m["value"] == "unknown" else m["value"])
                       for m in observed),
                   matched_facts=tuple((m["kind"], m["id"]) for m in d["matched"]
                                       if m["kind"] != "observation"),
                   asserted=tuple((a["kind"], a["id"]) for a in d["asserted"]))


@frozen(kw_only=True)
class Source:
    """Where a rule comes from: the article's sign number and title."""

    sign: int
    title: str

    def to_dict(self) -> dict[str, object]:
        """The source as JSON: sign number and title."""
        return {"sign": self.sign, "title": self.title}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Source:
        """Read back what ``to_dict()`` wrote."""
        return cls(sign=d["sign"], title=d["title"])


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
        """The qualifier in the JSON form of the output contract, README.md."""
        return {"id": self.id, "effect": self.effect, "amount": rounded(self.amount),
                "explanation": self.explanation, "because": list(self.because),
                "rule": self.rule, "pack": self.pack}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> AppliedQualifier:
        """Read back what ``to_dict()`` wrote."""
        return cls(id=d["id"], effect=d["effect"], amount=d["amount"],
                   explanation=d["explanation"], because=tuple(d["because"]), rule=d["rule"],
                   pack=d["pack"])


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
        """The signal in the JSON form of the output contract, README.md."""
        return {"id": self.id, "sign": self.sign, "title": self.title,
                "strength": rounded(self.strength), "base_strength": rounded(self.base_strength),
                "qualifiers": [q.to_dict() for q in self.qualifiers],
                "because": list(self.because), "rule": self.rule,
                "source": self.source.to_dict(), "explanation": self.explanation,
                "pack": self.pack}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Signal:
        """Read back what ``to_dict()`` wrote."""
        return cls(id=d["id"], sign=d["sign"], title=d["title"], strength=d["strength"],
                   base_strength=d["base_strength"],
                   qualifiers=tuple(AppliedQualifier.from_dict(q) for q in d["qualifiers"]),
                   because=tuple(d["because"]), rule=d["rule"],
                   source=Source.from_dict(d["source"]), explanation=d["explanation"],
                   pack=d["pack"])


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
        """The advice in the JSON form of the output contract, README.md."""
        return {"id": self.id, "sign": self.sign, "text": self.text,
                "because": list(self.because), "rule": self.rule,
                "source": self.source.to_dict(), "pack": self.pack}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Advice:
        """Read back what ``to_dict()`` wrote."""
        return cls(id=d["id"], sign=d["sign"], text=d["text"], because=tuple(d["because"]),
                   rule=d["rule"], source=Source.from_dict(d["source"]), pack=d["pack"])


@frozen(kw_only=True)
class Missing:
    """Unknown observations that would settle a signal that does not stand yet, with the
    question that asks for each."""

    sign: int
    signal: str
    fields: tuple[str, ...]
    questions: tuple[str, ...]

    def to_dict(self) -> dict[str, object]:
        """The missing evidence in the JSON form of the output contract, README.md."""
        return {"sign": self.sign, "signal": self.signal, "fields": list(self.fields),
                "questions": list(self.questions)}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Missing:
        """Read back what ``to_dict()`` wrote."""
        return cls(sign=d["sign"], signal=d["signal"], fields=tuple(d["fields"]),
                   questions=tuple(d["questions"]))
