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
from typing import Any, Protocol

from attrs import frozen

from .._observations import Value
from .parts import Band

WHAT_IF_FORMAT = "interview-signals/what-if"
WHAT_IF_VERSION = 1


class WhatIfAsker(Protocol):
    """What an assessment needs of the engine that made it (``Engine`` is one)."""

    def what_if(self, observations: Mapping[str, object], target: str | None = None, *,
                limit: int = 10, include_fixed: bool = False, seconds: float | None = None,
                cancel: Any = None) -> WhatIfs:
        """The smallest sets of changes that reach a better verdict, or ``target``."""


@frozen(kw_only=True)
class Search:
    """How far a consultation or what-if got within its time budget.

    ``complete`` is True when the search finished: everything the result claims is exact
    and confirmed by the engine, as documented. When False, ``unfinished`` says in plain
    words what was not finished and what the result's fields then mean (for example,
    that the questions are ranked by a bound, or that larger change sets were not
    searched).
    """

    complete: bool = True
    seconds: float = 2.0
    """The time budget the search had, in seconds."""
    unfinished: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, object]:
        """The search's report as JSON."""
        return {"complete": self.complete, "seconds": self.seconds,
                "unfinished": list(self.unfinished)}


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
    the goal.

    ``sizes_searched``: every change set of at most this many changes was searched (the
    options are the best of them, up to the limit; each is minimal: no part of it reaches
    the goal). ``search`` says whether the search finished within its time budget; when it
    did not, larger sets were not searched (or only in part: the options of the next size
    are minimal but maybe not the best), and ``possible`` is ``None`` when the time ran
    out before it was known whether any change reaches the goal.
    """

    current: str
    target: str | None
    goal: tuple[str, ...]
    """The verdicts that count as reaching the target (it, or better)."""
    options: tuple[WhatIf, ...]
    possible: bool | None
    kinds: tuple[str, ...]
    sizes_searched: int = 0
    search: Search = Search()

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
                "kinds": list(self.kinds), "options": [o.to_dict() for o in self.options],
                "sizes_searched": self.sizes_searched, "search": self.search.to_dict()}
