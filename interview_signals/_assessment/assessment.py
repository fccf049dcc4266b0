"""``Assessment``, its lazy ``Explanation``, and their JSON form (README.md).

Neighbours: ``_engine`` assembles an ``Assessment`` from ``scoring``'s verdict and
``explain``'s lazy explanation; ``render`` shows it. The explanation's JSON form is made once,
by ``explain`` from the engine's firings (or read back by ``Assessment.from_dict``); the part
objects (``Signal``, ``Advice``...) are read from that form on first access, by the one
``from_dict`` of each class, whose ``to_dict`` writes it back unchanged.
"""

from __future__ import annotations

import abc
from collections.abc import Mapping
from typing import Any, ClassVar

from attrs import field, frozen

from .._errors import InterviewSignalsError
from .._jsonio import dump_json
from .._observations import Value
from .._quoting import excerpt, quoted
from .._rulebook import frame_texts
from .._texts import BASE_LANGUAGE, Texts
from .changes import WhatIfAsker, WhatIfs
from .parts import Advice, Band, Firing, Missing, Signal, rounded
from .render import Format, render

ASSESSMENT_FORMAT = "interview-signals/assessment"
ASSESSMENT_VERSION = 2


PARTS = ("language", "verdict_title", "signals", "advice", "missing", "trace", "summary",
         "observations")
"""The explanation's keys in the JSON form, in order."""


class Explanation(abc.ABC):
    """The parts of an assessment that explain it, read from their JSON form on first
    access. ``explain`` makes them from the engine's firings; ``Recorded`` holds them as
    read back from JSON."""

    __slots__ = ("_objects",)

    def __init__(self) -> None:
        self._objects: dict[str, Any] = {}

    def engine(self) -> WhatIfAsker | None:
        """The engine that made the assessment (``Assessment.what_if`` asks it); None once
        read back, from JSON or a pickle: neither carries an engine."""
        return None

    def texts(self) -> Texts:
        """The texts that frame the assessment in its language (read back: the shipped
        texts of its language, English when that is not shipped)."""
        return frame_texts(self.language)

    @property
    def language(self) -> str:
        """The language tag of the assessment's texts."""
        return str(self.data()["language"])

    @abc.abstractmethod
    def data(self) -> Mapping[str, Any]:
        """The parts in the ``to_dict()`` form (shared: never hand it out)."""

    def as_dict(self, *, trace: bool = True) -> dict[str, Any]:
        """The parts in the ``to_dict()`` form, as fresh data; without the ``trace`` unless
        ``trace``."""
        data = dict(self.data())
        if not trace:
            del data["trace"]
        copied: dict[str, Any] = _copy(data)
        return copied

    def _parts(self, key: str, parse: Any) -> tuple[Any, ...]:
        if key not in self._objects:
            self._objects[key] = tuple(parse(d) for d in self.data()[key])
        return self._objects[key]  # type: ignore[no-any-return]

    @property
    def verdict_title(self) -> str:
        """The verdict in a few words, from the rulebook ("Not clear yet")."""
        return str(self.data()["verdict_title"])

    @property
    def signals(self) -> tuple[Signal, ...]:
        """Every signal established, in sign order."""
        return self._parts("signals", Signal.from_dict)

    @property
    def advice(self) -> tuple[Advice, ...]:
        """Advice and caveats, in rulebook order."""
        return self._parts("advice", Advice.from_dict)

    @property
    def missing(self) -> tuple[Missing, ...]:
        """Unknown observations that would settle signals that do not stand yet."""
        return self._parts("missing", Missing.from_dict)

    @property
    def trace(self) -> tuple[Firing, ...]:
        """Every rule firing, in order."""
        return self._parts("trace", Firing.from_dict)

    @property
    def summary(self) -> str:
        return str(self.data()["summary"])

    @property
    def observations(self) -> dict[str, dict[str, Value]]:
        return {g: dict(f) for g, f in self.data()["observations"].items()}

    def __reduce__(self) -> tuple[type[Recorded], tuple[dict[str, Any]]]:
        # Plain dicts pickle in C and carry no rulebook; the receiver reads parts lazily.
        return (Recorded, (self.as_dict(),))


class Recorded(Explanation):
    """An explanation read back from the ``to_dict()`` form."""

    __slots__ = ("_data",)

    def __init__(self, data: Mapping[str, Any]) -> None:
        super().__init__()
        self._data = data

    def data(self) -> Mapping[str, Any]:
        """The parts as they were read."""
        return self._data


@frozen(kw_only=True, eq=False)
class Assessment:
    """The explained judgment of one interview (the output contract, README.md).

    The verdict and confidence are decided when the assessment is made; the explanation
    (signals, advice, missing evidence, trace, summary) is built from the same engine
    firings the first time it is read, so callers that only need the verdict do not pay
    for it. Two assessments are equal when their ``to_dict()`` forms are.
    """

    FORMAT: ClassVar[str] = ASSESSMENT_FORMAT
    VERSION: ClassVar[int] = ASSESSMENT_VERSION

    verdict: str
    """A verdict id of the rulebook: "strong", "promising", "tentative" or "inconclusive"
    for the default one."""
    confidence: float
    """How strongly the recorded signs point in the candidate's favour, from 0 to 1: a
    measure of the evidence, never the chance of an offer."""
    band: Band | None
    """The confidence in the rulebook's words, which the candidate reads instead of the
    number; None when nothing points the candidate's way (a confidence of 0), or when the
    rulebook has no bands."""
    explanation: Explanation = field(repr=False)

    @property
    def verdict_title(self) -> str:
        """The verdict in a few words, as the rulebook titles it: what the candidate reads
        ("Not clear yet" for ``inconclusive`` in the default rulebook)."""
        return self.explanation.verdict_title

    @property
    def language(self) -> str:
        """The language of the assessment's texts (a BCP 47 tag: ``"en"``, ``"es"``);
        its ids and numbers are the same in every language."""
        return self.explanation.language

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

        The parts are read when first accessed, so
        ``Assessment.from_dict(a.to_dict()).to_dict() == a.to_dict()``.

        Raises:
            InterviewSignalsError: ``data`` is not an assessment's dict form.
        """
        if not isinstance(data, Mapping):
            raise InterviewSignalsError(f"not an assessment: a {type(data).__name__}, "
                                        "not an object")
        missing = [k for k in _KEYS if k not in data]
        if missing:
            raise InterviewSignalsError(f"not an assessment: missing {', '.join(missing)}")
        if data["format"] != ASSESSMENT_FORMAT or data["version"] != ASSESSMENT_VERSION:
            raise InterviewSignalsError(
                f"not an assessment of this version: format {quoted(str(data['format']))}, "
                f"version {excerpt(str(data['version']), 20)} (expected {ASSESSMENT_FORMAT!r}, "
                f"version {ASSESSMENT_VERSION})")
        verdict, confidence = data["verdict"], data["confidence"]
        if not isinstance(verdict, str) or not verdict:
            raise InterviewSignalsError("not an assessment: the verdict is not a verdict id")
        if isinstance(confidence, bool) or not isinstance(confidence, int | float) \
                or not 0 <= confidence <= 1:  # NaN fails this too
            raise InterviewSignalsError(
                f"not an assessment: the confidence is {quoted(str(confidence), 40)}, not a number "
                "from 0 to 1")
        for key, kind in _PART_KINDS.items():
            if not isinstance(data[key], kind):
                raise InterviewSignalsError(f"not an assessment: {key} is not "
                                            f"{_KIND_WORDS.get(key, 'a list')}")
        language = data.get("language", BASE_LANGUAGE)
        if not isinstance(language, str) or not language:
            raise InterviewSignalsError("not an assessment: the language is not a language tag")
        return cls(verdict=verdict, confidence=float(confidence), band=_band(data["band"]),
                   explanation=Recorded({"language": language,
                                         **{k: data[k] for k in PARTS if k != "language"}}))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Assessment):
            return NotImplemented
        return self.to_dict() == other.to_dict()

    __hash__ = None  # type: ignore[assignment]  # equal by value, and not immutable-hashable

    def signal(self, signal_id: str) -> Signal | None:
        """The signal with this id, if the engine established it."""
        return next((s for s in self.signals if s.id == signal_id), None)

    def what_if(self, target: str | None = None, *, limit: int = 10,
                include_fixed: bool = False, seconds: float | None = None,
                cancel: Any = None) -> WhatIfs:
        """The smallest sets of changes that reach a better verdict, or ``target`` or
        better: ``Engine.what_if`` on this assessment's observations, by the engine that
        made it (``seconds`` and ``cancel`` as there).

        Raises:
            InterviewSignalsError: the assessment was read back (``from_dict``, or
                unpickled), so no engine made it here.
        """
        engine = self.explanation.engine()
        if engine is None:
            raise InterviewSignalsError("what_if needs the engine that made the assessment; "
                                        "an assessment read back (from_dict, or unpickled) "
                                        "has none: use engine.what_if(observations)")
        return engine.what_if(self.observations, target, limit=limit,
                              include_fixed=include_fixed, seconds=seconds, cancel=cancel)

    def to_dict(self, *, trace: bool = True) -> dict[str, object]:
        """The JSON-ready form with the stable ids of README.md (fresh data each call).
        ``trace=False`` leaves out the rule-by-rule trace (what the service answers unless
        asked), and the work of writing it."""
        return {"format": ASSESSMENT_FORMAT, "version": ASSESSMENT_VERSION,
                "verdict": self.verdict, "confidence": rounded(self.confidence),
                "band": None if self.band is None else self.band.to_dict(),
                **self.explanation.as_dict(trace=trace)}

    def to_json(self, *, indent: int | None = 2) -> str:
        """The ``to_dict()`` form as JSON text; ``indent=None`` for one compact line (what
        JSON Lines carry)."""
        return dump_json(self.to_dict(), indent)

    def render(self, format: Format = "text", *, detail: bool = False) -> str:
        """The assessment as ``"text"``, ``"markdown"`` or ``"json"``: for the candidate by
        default, with rules, strengths and the trace for a coach when ``detail``."""
        return render(self, format, detail=detail, texts=self.explanation.texts())


_KEYS = ("format", "version", "verdict", "confidence", "band",
         *(p for p in PARTS if p != "language"))  # an assessment without one is in English
_PART_KINDS: dict[str, type | tuple[type, ...]] = {
    "signals": (list, tuple), "advice": (list, tuple), "missing": (list, tuple),
    "trace": (list, tuple), "summary": str, "observations": Mapping, "verdict_title": str}
_KIND_WORDS = {"summary": "text", "observations": "an object", "verdict_title": "text"}


def _band(data: object) -> Band | None:
    """The band of an assessment's dict form: null, or an object with text id and words."""
    if data is None:
        return None
    if not isinstance(data, Mapping) or not all(
            isinstance(data.get(k), str) and data.get(k) for k in ("id", "words")):
        raise InterviewSignalsError("not an assessment: band is not null or an object with "
                                    "an id and words")
    return Band.from_dict(data)


def _copy(data: Any) -> Any:
    """A copy of JSON-shaped data: new dicts and lists, the same immutable leaves."""
    if isinstance(data, dict):
        return {k: _copy(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_copy(v) for v in data]
    return data
