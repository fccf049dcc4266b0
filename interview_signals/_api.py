"""One-call functions that delegate to a reusable ``Engine`` (like httpx's ``_api``)."""

from __future__ import annotations

from collections.abc import Mapping

from ._assessment import Assessment
from ._engine import Engine
from ._observations import Observations


def assess(observations: Mapping[str, object] | Observations, *,
           engine: Engine | None = None) -> Assessment:
    """Assess one interview with the default rulebook (or ``engine``).

    Example::

        from interview_signals import assess
        result = assess({"tour": {"office_tour": True},
                         "thank_you": {"note_sent": True, "response_received": True}})
        print(result.verdict, result.render("text"))

    Raises:
        ObservationError: the observations do not fit the vocabulary; ``.path`` names the field.
    """
    return (engine or Engine.default()).assess(observations)
