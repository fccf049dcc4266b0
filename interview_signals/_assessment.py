"""``Assessment`` and its parts as frozen attrs classes, with their JSON form (SPEC section 6).

Neighbours: ``_engine`` records ``Firing``s; ``_scoring`` builds the ``Assessment``;
``_render`` shows it as text or markdown.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cached_property
from typing import Any, Literal, Protocol, TypeAlias

import orjson
from attrs import field, frozen

from ._errors import InterviewSignalsError
from ._observations import Value

Verdict: TypeAlias = Literal["strong", "promising", "tentative", "inconclusive"]
Format: TypeAlias = Literal["text", "markdown", "json"]
FactRef: TypeAlias = tuple[str, str]
"""A derived fact as (kind, rule id): ("signal", "personal_tour")."""


def _round(x: float) -> float:
    return round(x, 4)


@frozen(kw_only=True)
class Firing:
    """One rule firing in the engine: what it matched and what it asserted.

    ``values`` are the observations of the assessment (the one observation fact the engine
    matched); ``matched_observations`` reads the paths this rule tested from them.
    """

    step: int
    rule: str
    engine_rule: str
    kind: str
    because: tuple[str, ...]
    matched_facts: tuple[FactRef, ...]
    asserted: tuple[FactRef, ...]
    values: Mapping[str, Value] = field(repr=False, eq=False)

    @property
    def matched_observations(self) -> tuple[tuple[str, Value | None], ...]:
        """``(path, value)`` for every observation path the rule tested; None: unknown."""
        return tuple((p, self.values.get(p)) for p in self.because)

    @property
    def known_paths(self) -> tuple[str, ...]:
        """The observation paths this firing matched on a known value."""
        return tuple(p for p in self.because if p in self.values)

    def to_dict(self) -> dict[str, object]:
        """This firing in the JSON form of the trace."""
        matched: list[dict[str, object]] = [
            {"kind": "observation", "path": p, "value": "unknown" if v is None else v}
            for p, v in self.matched_observations]
        matched += [{"kind": k, "id": i} for k, i in self.matched_facts]
        return {"step": self.step, "rule": self.rule, "engine_rule": self.engine_rule,
                "kind": self.kind, "matched": matched,
                "asserted": [{"kind": k, "id": i} for k, i in self.asserted]}


@frozen(kw_only=True)
class Source:
    """Where a rule comes from: the article's sign number and title."""

    sign: int
    title: str

    def to_dict(self) -> dict[str, object]:
        """The source as JSON: sign number and title."""
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
        """The qualifier in the JSON form of SPEC section 6."""
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
        """The signal in the JSON form of SPEC section 6."""
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
        """The advice in the JSON form of SPEC section 6."""
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
        """The missing evidence in the JSON form of SPEC section 6."""
        return {"sign": self.sign, "signal": self.signal, "fields": list(self.fields)}


class Explanation(Protocol):
    """The parts of an assessment that explain it; built when first read."""

    @property
    def signals(self) -> tuple[Signal, ...]: ...
    @property
    def advice(self) -> tuple[Advice, ...]: ...
    @property
    def missing(self) -> tuple[Missing, ...]: ...
    @property
    def trace(self) -> tuple[Firing, ...]: ...
    @property
    def summary(self) -> str: ...
    @property
    def observations(self) -> dict[str, dict[str, Value]]: ...
    def as_dict(self) -> dict[str, Any]:
        """Every part in the ``to_dict()`` form, as fresh data."""


@frozen(kw_only=True, eq=False)
class Assessment:
    """The explained judgment of one interview (SPEC section 6).

    The verdict and confidence are decided when the assessment is made; the explanation
    (signals, advice, missing evidence, trace, summary) is built from the same engine
    firings the first time it is read, so callers that only need the verdict do not pay
    for it. Two assessments are equal when their ``to_dict()`` forms are.
    """

    verdict: Verdict
    confidence: float
    explanation: Explanation = field(repr=False)

    @property
    def signals(self) -> tuple[Signal, ...]:
        """Every signal the engine established, in sign order."""
        return self.explanation.signals

    @property
    def advice(self) -> tuple[Advice, ...]:
        """Advice and caveats for the candidate, in rulebook order."""
        return self.explanation.advice

    @property
    def missing(self) -> tuple[Missing, ...]:
        """Unknown observations that would settle signals that do not stand yet."""
        return self.explanation.missing

    @property
    def trace(self) -> tuple[Firing, ...]:
        """Every rule firing, in the order the engine fired them."""
        return self.explanation.trace

    @property
    def summary(self) -> str:
        """A short paragraph for the candidate, in plain words."""
        return self.explanation.summary

    @property
    def observations(self) -> dict[str, dict[str, Value]]:
        """The observations that were assessed, in the JSON vocabulary."""
        return self.explanation.observations

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Assessment:
        """Read back what ``to_dict()`` wrote (from JSON, or from another process).

        The parts are rebuilt when first read. Strengths come back rounded as ``to_dict``
        wrote them, so ``Assessment.from_dict(a.to_dict()).to_dict() == a.to_dict()``.

        Raises:
            InterviewSignalsError: ``data`` is not an assessment's dict form.
        """
        if not isinstance(data, Mapping):
            raise InterviewSignalsError(f"not an assessment: a {type(data).__name__}, "
                                        "not an object")
        missing = [k for k in _KEYS if k not in data]
        if missing or data.get("verdict") not in VERDICTS:
            raise InterviewSignalsError(
                "not an assessment: " + (f"missing {', '.join(missing)}" if missing
                                         else f"unknown verdict {data.get('verdict')!r}"))
        confidence = data["confidence"]
        if isinstance(confidence, bool) or not isinstance(confidence, int | float):
            raise InterviewSignalsError(
                f"not an assessment: the confidence is {confidence!r}, not a number")
        return cls(verdict=data["verdict"], confidence=float(confidence),
                   explanation=_FromDict(data))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Assessment):
            return NotImplemented
        return self.to_dict() == other.to_dict()

    __hash__ = None  # type: ignore[assignment]  # equal by value, and not immutable-hashable


    def signal(self, signal_id: str) -> Signal | None:
        """The signal with this id, if the engine established it."""
        return next((s for s in self.signals if s.id == signal_id), None)

    def what_if(self, target: str | None = None, *, limit: int = 10,
                include_fixed: bool = False) -> Any:
        """The smallest sets of changes that reach a better verdict, or ``target`` or
        better: ``Engine.what_if`` on this assessment's observations, by the engine that
        made it (returns ``WhatIfs``).

        Raises:
            InterviewSignalsError: the assessment was read back with ``from_dict``.
        """
        engine = getattr(getattr(self.explanation, "_scorer", None), "engine", None)
        if engine is None:
            raise InterviewSignalsError("what_if needs the engine that made the assessment; "
                                        "an assessment read back with from_dict has none: "
                                        "use engine.what_if(observations)")
        return engine.what_if(self.observations, target, limit=limit,
                              include_fixed=include_fixed)

    def to_dict(self) -> dict[str, object]:
        """The JSON-ready form with the stable ids of SPEC section 5 (fresh data each call)."""
        parts = self.explanation.as_dict()
        return {"verdict": self.verdict, "confidence": _round(self.confidence), **parts}

    def to_json(self, *, indent: int | None = 2) -> str:
        """The ``to_dict()`` form as JSON text; ``indent=None`` for one compact line (what
        JSON Lines carry)."""
        return dump_json(self.to_dict(), indent)

    def render(self, format: Format = "text") -> str:
        """The assessment as ``"text"``, ``"markdown"`` or ``"json"``."""
        from ._render import render

        return render(self, format)


def dump_json(data: object, indent: int | None = None) -> str:
    """JSON-shaped data as text: one compact line, or indented by ``indent`` spaces.

    orjson writes it (an assessment in ~10 us, where ``json.dumps`` takes ~110 us) with the
    bytes ``json.dumps(..., ensure_ascii=False)`` writes with separators ``(",", ":")`` or
    ``indent=2``, except for floats below 1e-4, written as ``0.00001`` and ``2.5e-8`` where
    Python writes ``1e-05`` and ``2.5e-08`` (the same numbers), and NaN and infinities
    (which only data read back with ``Assessment.from_dict`` can hold), written as ``null``
    where Python writes the non-JSON ``NaN``. Subclasses of dict, list, str and int, dates
    and dataclasses, what orjson refuses (an int beyond 64 bits, a lone surrogate) and other
    indents go to ``json.dumps``, which writes them or raises as it always did.
    """
    if indent is None or indent == 2:
        try:
            return orjson.dumps(data, option=_ORJSON_INDENT if indent else _ORJSON).decode()
        except TypeError:  # orjson.JSONEncodeError is a TypeError
            pass
    return json.dumps(data, indent=indent, ensure_ascii=False,
                      separators=(",", ":") if indent is None else None)


_ORJSON = (orjson.OPT_PASSTHROUGH_SUBCLASS | orjson.OPT_PASSTHROUGH_DATETIME
           | orjson.OPT_PASSTHROUGH_DATACLASS)
_ORJSON_INDENT = _ORJSON | orjson.OPT_INDENT_2


VERDICTS = ("strong", "promising", "tentative", "inconclusive")
_KEYS = ("verdict", "confidence", "signals", "advice", "missing", "trace", "summary",
         "observations")


def explanation_dict(explanation: Explanation) -> dict[str, Any]:
    """The explanation in the ``to_dict()`` form (what crosses a process boundary)."""
    return {"signals": [s.to_dict() for s in explanation.signals],
            "advice": [a.to_dict() for a in explanation.advice],
            "missing": [m.to_dict() for m in explanation.missing],
            "trace": [f.to_dict() for f in explanation.trace],
            "summary": explanation.summary, "observations": explanation.observations}


def _source(d: Mapping[str, Any]) -> Source:
    return Source(sign=d["sign"], title=d["title"])


def _firing(d: Mapping[str, Any]) -> Firing:
    observed = [m for m in d["matched"] if m["kind"] == "observation"]
    return Firing(step=d["step"], rule=d["rule"], engine_rule=d["engine_rule"], kind=d["kind"],
                  because=tuple(m["path"] for m in observed),
                  matched_facts=tuple((m["kind"], m["id"]) for m in d["matched"]
                                      if m["kind"] != "observation"),
                  asserted=tuple((a["kind"], a["id"]) for a in d["asserted"]),
                  values={m["path"]: m["value"] for m in observed if m["value"] != "unknown"})


def _signal(d: Mapping[str, Any]) -> Signal:
    return Signal(id=d["id"], sign=d["sign"], title=d["title"], strength=d["strength"],
                  base_strength=d["base_strength"],
                  qualifiers=tuple(AppliedQualifier(
                      id=q["id"], effect=q["effect"], amount=q["amount"],
                      explanation=q["explanation"], because=tuple(q["because"]),
                      rule=q["rule"], pack=q["pack"]) for q in d["qualifiers"]),
                  because=tuple(d["because"]), rule=d["rule"], source=_source(d["source"]),
                  explanation=d["explanation"], pack=d["pack"])


class _FromDict:
    """An explanation read from the ``to_dict()`` form; each part built on first read."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        self._data = data

    @cached_property
    def signals(self) -> tuple[Signal, ...]:
        return tuple(_signal(d) for d in self._data["signals"])

    @cached_property
    def advice(self) -> tuple[Advice, ...]:
        return tuple(Advice(id=d["id"], sign=d["sign"], text=d["text"],
                            because=tuple(d["because"]), rule=d["rule"],
                            source=_source(d["source"]), pack=d["pack"])
                     for d in self._data["advice"])

    @cached_property
    def missing(self) -> tuple[Missing, ...]:
        return tuple(Missing(sign=d["sign"], signal=d["signal"], fields=tuple(d["fields"]))
                     for d in self._data["missing"])

    @cached_property
    def trace(self) -> tuple[Firing, ...]:
        return tuple(_firing(d) for d in self._data["trace"])

    @property
    def summary(self) -> str:
        return str(self._data["summary"])

    @property
    def observations(self) -> dict[str, dict[str, Value]]:
        return {g: dict(f) for g, f in self._data["observations"].items()}

    def as_dict(self) -> dict[str, Any]:
        """The parts as they were read, copied (no objects built on the way)."""
        return {key: _copy(self._data[key]) for key in _KEYS[2:]}

    def __reduce__(self) -> tuple[type[_FromDict], tuple[Mapping[str, Any]]]:
        return (_FromDict, (self._data,))


def _copy(data: Any) -> Any:
    """A copy of JSON-shaped data: new dicts and lists, the same immutable leaves."""
    if isinstance(data, dict):
        return {k: _copy(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_copy(v) for v in data]
    return data
