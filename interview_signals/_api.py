"""One-call functions that delegate to a reusable ``Engine`` (like httpx's ``_api``)."""

from __future__ import annotations

from collections.abc import Mapping

from ._assessment import Assessment
from ._engine import Engine
from ._notes import NotesReading
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


def read_notes(text: str, *, engine: Engine | None = None) -> NotesReading:
    """Read a candidate's notes about an interview with the default rulebook (or
    ``engine``): the proposals (stated or unsure, each with the words behind it) and the
    observations the note states.

    Example::

        from interview_signals import read_notes
        reading = read_notes("Panel of three. No tour. I think she nodded?")
        print(reading.observations)            # what the note states
        print([p.path for p in reading.unsure])  # what to ask before recording

    Raises:
        ArgumentError: ``text`` is not a string, or longer than 1 MiB.
    """
    return (engine or Engine.default()).read_notes(text)
