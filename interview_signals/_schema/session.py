"""The JSON Schema of a saved session (``Session.to_dict()``), generated from the session's
format constants and keys and from the vocabulary: what ``engine.session(saved)``,
``interview-signals ask --resume`` and the page read, and what they write.

Neighbours: ``_schema.catalog`` serves it by name; ``_engine.session.read_session`` is the
library's one reader of the same format (the tests hold the two to each other).
"""

from __future__ import annotations

from .._engine import SESSION_FORMAT, SESSION_KEYS, SESSION_VERSION
from .._observations import VOCABULARY
from .observations import BASE_ID, DIALECT, JSON, observation_schema

_OBSERVATIONS = "Observations"


def _answered(path: str) -> JSON:
    """The saved session answers ``path`` (a value other than null). Each level says it is
    an object: ``required`` holds of anything else, so a null group (every field unknown)
    would otherwise answer its fields; and ajv's strict mode asks for the type."""
    group, name = path.split(".", 1)
    return {"type": "object", "properties": {"observations": {
        "type": "object",
        "properties": {group: {"type": "object",
                               "properties": {name: {"not": {"type": "null"}}},
                               "required": [name]}},
        "required": [group]}}, "required": ["observations"]}


def session_schema() -> JSON:
    """The schema of a saved session."""
    observations = observation_schema()
    del observations["$schema"], observations["$id"]
    properties: JSON = {
        "format": {"const": SESSION_FORMAT},
        "version": {"const": SESSION_VERSION,
                    "description": "Written as a whole number without a decimal point."},
        "observations": {"$ref": f"#/$defs/{_OBSERVATIONS}"},
        "skipped": {
            "type": "array", "items": {"enum": list(VOCABULARY)}, "uniqueItems": True,
            "description": "The fields answered \"I don't know\", never asked again until "
            "answered; a field the observations answer is not skipped. Left out: none."},
    }
    return {
        "$schema": DIALECT, "$id": BASE_ID + "session",
        "title": "A saved session: one interview's answers so far, to pick up later",
        "description": "What interview-signals ask -o, the page's Save session and "
                       "Session.to_dict() write, and what engine.session(saved), ask "
                       "--resume and the page's Load session read.",
        "type": "object", "properties": {k: properties[k] for k in SESSION_KEYS},
        "required": [k for k in SESSION_KEYS if k != "skipped"],
        "additionalProperties": False,
        "allOf": [{"$comment": f"{path} is either answered or skipped, not both",
                   "if": _answered(path),
                   "then": {"properties": {"skipped": {
                       "type": "array", "items": {"not": {"const": path}}}}}}
                  for path in VOCABULARY],
        "$defs": {_OBSERVATIONS: observations},
    }
