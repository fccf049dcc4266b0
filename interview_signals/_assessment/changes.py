"""What would change an assessment: the answer of a what-if as data (``WhatIfs``, each
``WhatIf`` a set of ``Change``), and what an assessment needs of the engine that made it to
ask for one (``WhatIfAsker``).

Neighbours: ``Assessment.what_if`` returns these, asking the engine that made it; the
consultation's what-if search (``_consultation.whatif``) builds them, the schemas describe
them. They sit with the assessment, below the engine and the consultation, so that an
assessment can name its what-if's type without importing either.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Protocol

from attrs import frozen

from .._observations import Value
from .parts import Band

WHAT_IF_FORMAT = "interview-signals/what-if"
WHAT_IF_VERSION = 1


class WhatIfAsker(Protocol):
    """What an assessment needs of the engine that made it (``Engine`` is one)."""

    def what_if(self, observations: Mapping[str, object], target: str | None = None, *,
                limit: int = 10, include_fixed: bool = False) -> WhatIfs:
        """The smallest sets of changes that reach a better verdict, or ``target``."""


@frozen(kw_only=True)
class Change:
    """One change of a what-if: a field and its new value. ``kind`` is ``"find_out"`` (an
    unknown field answered), ``"do"`` (something the candidate can still do) or ``"had"``
    (a different past, for coaches)."""

    path: str
    value: Value
    kind: str

    def to_dict(self) -> dict[str, object]:
        """The change as JSON."""
        return {"path": self.path, "value": self.value, "kind": self.kind}


@frozen(kw_only=True)
class WhatIf:
    """A minimal set of changes and the verdict, confidence and band the engine gives with
    them."""

    changes: tuple[Change, ...]
    verdict: str
    confidence: float
    band: Band | None = None
    """The confidence in the rulebook's words (``Assessment.band``)."""

    def to_dict(self) -> dict[str, object]:
        """The option as JSON."""
        return {"changes": [c.to_dict() for c in self.changes], "verdict": self.verdict,
                "confidence": round(self.confidence, 4),
                "band": None if self.band is None else self.band.to_dict()}


@frozen(kw_only=True)
class WhatIfs:
    """The answer of a what-if: the minimal change sets (iterate over it), or, when
    ``possible`` is False, the proven fact that no change of the allowed kinds reaches
    the goal."""

    current: str
    target: str | None
    goal: tuple[str, ...]
    """The verdicts that count as reaching the target (it, or better)."""
    options: tuple[WhatIf, ...]
    possible: bool
    kinds: tuple[str, ...]

    def __iter__(self) -> Iterator[WhatIf]:
        return iter(self.options)

    def __len__(self) -> int:
        return len(self.options)

    def __getitem__(self, index: int) -> WhatIf:
        return self.options[index]

    def to_dict(self) -> dict[str, object]:
        """The what-if as JSON."""
        return {"format": WHAT_IF_FORMAT, "version": WHAT_IF_VERSION, "current": self.current,
                "target": self.target, "goal": list(self.goal), "possible": self.possible,
                "kinds": list(self.kinds), "options": [o.to_dict() for o in self.options]}
