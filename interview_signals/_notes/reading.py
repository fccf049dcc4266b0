"""What reading a note gives: ``NotesReading`` with its proposals, the observations they
state, and what was read but set aside, each with the words of the note behind it.

Neighbours: ``reader`` builds these; ``_schema`` publishes their JSON Schema; the command
line and the service print and send ``to_dict()``.
"""

from __future__ import annotations

from typing import Literal, TypeAlias

import orjson
from attrs import frozen

from .._observations import Observations, Value

Certainty: TypeAlias = Literal["stated", "unsure"]
NOTES_FORMAT = "interview-signals/notes-reading"
NOTES_VERSION = 1


@frozen(kw_only=True)
class Evidence:
    """The words of the note behind a proposal: where they start and end (offsets in
    characters of the note as given) and the words themselves."""

    start: int
    end: int
    words: str

    def to_dict(self) -> dict[str, object]:
        """The span as JSON: start, end and words."""
        return {"start": self.start, "end": self.end, "words": self.words}


@frozen(kw_only=True)
class Proposal:
    """One field the note speaks to: ``stated`` when the words make it certain, ``unsure``
    when they hedge, approximate or contradict themselves (ask before recording it)."""

    path: str
    value: Value
    certainty: Certainty
    evidence: Evidence
    reason: str

    def to_dict(self) -> dict[str, object]:
        """The proposal as JSON: path, value, certainty, evidence and reason."""
        return {"path": self.path, "value": self.value, "certainty": self.certainty,
                "evidence": self.evidence.to_dict(), "reason": self.reason}


@frozen(kw_only=True)
class SetAside:
    """Words that touch a field but propose nothing: a plan, a hypothetical, someone
    else's interview, a value corrected later; ``value`` is what the words alone would say."""

    path: str
    value: Value | None
    evidence: Evidence
    reason: str

    def to_dict(self) -> dict[str, object]:
        """What was set aside as JSON: path, value, evidence and reason."""
        return {"path": self.path, "value": self.value, "evidence": self.evidence.to_dict(),
                "reason": self.reason}


@frozen(kw_only=True)
class NotesReading:
    """The reading of one note: what it proposes to record, the observation document of
    what it states, and what it set aside.

    ``observations`` holds the stated proposals only: a valid observation document with no
    contradiction, ready for ``assess`` or ``session.observe``.
    """

    FORMAT = NOTES_FORMAT
    VERSION = NOTES_VERSION

    proposals: tuple[Proposal, ...]
    observations: dict[str, dict[str, Value]]
    set_aside: tuple[SetAside, ...]

    @property
    def stated(self) -> tuple[Proposal, ...]:
        """The proposals the note makes certain."""
        return tuple(p for p in self.proposals if p.certainty == "stated")

    @property
    def unsure(self) -> tuple[Proposal, ...]:
        """The proposals to confirm before recording them."""
        return tuple(p for p in self.proposals if p.certainty == "unsure")

    def to_observations(self) -> Observations:
        """The stated proposals as ``Observations``."""
        return Observations.from_dict(self.observations)

    def to_dict(self) -> dict[str, object]:
        """The reading as JSON (format ``interview-signals/notes-reading``)."""
        return {"format": NOTES_FORMAT, "version": NOTES_VERSION,
                "proposals": [p.to_dict() for p in self.proposals],
                "observations": {g: dict(f) for g, f in self.observations.items()},
                "set_aside": [s.to_dict() for s in self.set_aside]}

    def to_json(self) -> str:
        """``to_dict()`` as JSON text."""
        return orjson.dumps(self.to_dict()).decode()
