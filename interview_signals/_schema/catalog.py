"""JSON Schemas (draft 2020-12) of the JSON contract, by name, generated, never kept by hand.

* ``observations``: from the vocabulary (``observations``).
* ``assessment``, ``consultation``, ``what-if`` and ``notes-reading``: by walking the attrs
  classes of the output types and their type hints (``outputs``).
* ``session``: from the save format's constants and the vocabulary (``session``).
* ``notes``: a note to read (its text), written out here.

Neighbours: ``_service`` serves these schemas and assembles its OpenAPI document from them;
``_cli`` prints them (``interview-signals schema NAME``).
"""

from __future__ import annotations

from collections.abc import Callable

from .._assessment import WHAT_IF_FORMAT, WHAT_IF_VERSION, Assessment, WhatIfs
from .._consultation import CONSULTATION_FORMAT, VERSION, Consultation
from .._errors import InterviewSignalsError
from .._notes import MAX_NOTE_BYTES, NotesReading
from .._quoting import quoted
from .observations import BASE_ID, DIALECT, JSON, observation_schema
from .outputs import output_schema
from .session import session_schema

NAMES: tuple[str, ...] = ("observations", "assessment", "consultation", "what-if", "session",
                          "notes", "notes-reading")


class SchemaUnavailable(InterviewSignalsError):
    """A schema was asked for by a name that is none of ``NAMES``."""


def assessment_schema() -> JSON:
    """The schema of ``Assessment.to_dict()`` (README.md). The trace may be left out: the
    HTTP service sends it only when asked (``?trace=true``)."""
    return output_schema(Assessment, "assessment",
                         title="The explained assessment of one job interview",
                         optional=("trace",))


def _trace_optional(out: JSON) -> JSON:
    """An embedded assessment may come without its trace (the service's ``?trace``)."""
    embedded = out["$defs"]["Assessment"]
    embedded["required"] = [k for k in embedded["required"] if k != "trace"]
    return out


def consultation_schema() -> JSON:
    """The schema of ``Consultation.to_dict()``; its assessment may leave out the trace."""
    return _trace_optional(output_schema(
        Consultation, "consultation", title="One step of a consultation: the reading now, "
        "the verdicts still reachable and the questions that matter, best first",
        format=CONSULTATION_FORMAT, version=VERSION))


def what_if_schema() -> JSON:
    """The schema of ``WhatIfs.to_dict()``."""
    return output_schema(WhatIfs, "what-if", title="The smallest sets of changes that reach "
                         "a better verdict (or the proof that none does)",
                         format=WHAT_IF_FORMAT, version=WHAT_IF_VERSION)


def notes_schema() -> JSON:
    """The schema of a note to read (``POST /v1/read-notes``): its text, at most 1 MiB."""
    return {"$schema": DIALECT, "$id": BASE_ID + "notes",
            "title": "A note about an interview, in the candidate's own words",
            "type": "object",
            "properties": {"text": {"type": "string", "description": "the note, at most "
                                    f"{MAX_NOTE_BYTES // 1024 // 1024} MiB in UTF-8"}},
            "required": ["text"], "additionalProperties": False}


def notes_reading_schema() -> JSON:
    """The schema of ``NotesReading.to_dict()``."""
    return output_schema(NotesReading, "notes-reading", title="What a candidate's notes "
                         "propose to record, each proposal with the words behind it, and the "
                         "observations they state")


BUILDERS: dict[str, Callable[[], JSON]] = {
    "observations": observation_schema,
    "assessment": assessment_schema,
    "consultation": consultation_schema,
    "what-if": what_if_schema,
    "session": session_schema,
    "notes": notes_schema,
    "notes-reading": notes_reading_schema,
}
"""Every schema by name."""

_CACHE: dict[str, JSON] = {}


def schema(name: str) -> JSON:
    """The schema called ``name`` (one of ``NAMES``), built once per process.

    Raises:
        SchemaUnavailable: no such schema.
    """
    if name not in BUILDERS:
        raise SchemaUnavailable(f"no schema called {quoted(name)}; expected one of "
                                f"{', '.join(NAMES)}")
    if name not in _CACHE:
        _CACHE[name] = BUILDERS[name]()
    return _CACHE[name]
