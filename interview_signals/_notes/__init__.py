"""Reading a candidate's own notes: the phrases of a rulebook's ``[notes]`` tables found in
the text, weighed by the cues around them, settled into proposals and observations.

Everything other folders use is re-exported here; the rest is private to the folder.
"""

from __future__ import annotations

from .reader import NotesReader
from .reading import (
    NOTES_FORMAT,
    NOTES_VERSION,
    Certainty,
    Evidence,
    NotesReading,
    Proposal,
    SetAside,
)
from .text import MAX_NOTE_BYTES

__all__ = [
    "MAX_NOTE_BYTES",
    "NOTES_FORMAT",
    "NOTES_VERSION",
    "Certainty",
    "Evidence",
    "NotesReader",
    "NotesReading",
    "Proposal",
    "SetAside",
]
