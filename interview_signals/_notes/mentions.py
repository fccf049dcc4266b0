"""What reading a note finds before it settles anything: a cue found in the note
(``CueHit``) and a field's phrase found with what the cues around it made of it
(``Mention``), and how a number is fitted to a field and values compared.

Neighbours: ``reader`` finds and weighs these; ``settle`` turns them into proposals.
"""

from __future__ import annotations

from attrs import frozen

from .._observations import CHECKS, VOCABULARY, Value
from .._rulebook import Cue, Phrase, Relation
from .reading import Certainty


@frozen(kw_only=True)
class CueHit:
    """A cue found in the note: which, and its words."""

    cue: Cue
    start: int
    end: int
    words: str


@frozen(kw_only=True)
class Mention:
    """A phrase found for a field, before and after the cues around it are weighed."""

    path: str
    value: Value | None
    start: int
    end: int
    sentence: int
    phrase: Phrase
    range_start: float | None = None
    slot_start: int = 0
    slot_end: int = 0
    relation: Relation | None = None
    slot_value: float | None = None
    certainty: Certainty = "stated"
    reason: str = ""
    corrects: bool = False
    weak: bool = False
    """The phrase alone cannot state its value (``FieldPhrases.certainty``)."""


def value_key(value: object) -> object:
    """Values compared as the vocabulary does: ``True`` is not ``1``."""
    return (type(value).__name__ if isinstance(value, bool) else "n", value)


def fitted(path: str, number: float) -> Value | None:
    """A number as ``path`` takes it: a whole number of minutes, hours to the hundredth."""
    spec = VOCABULARY[path]
    if spec.kind == "int":
        if not float(number).is_integer():
            return None
        return CHECKS[path](int(number))
    return CHECKS[path](round(float(number), 2))


def by_field(mentions: list[Mention]) -> dict[str, list[Mention]]:
    out: dict[str, list[Mention]] = {}
    for m in mentions:
        out.setdefault(m.path, []).append(m)
    return out
