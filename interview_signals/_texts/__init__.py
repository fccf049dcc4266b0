"""Texts in every language: keyed texts as data, the language packs that give them, their
number, plural and list forms, and their check against the English texts.

Everything other folders use is re-exported here; the rest is private to the folder.
"""

from __future__ import annotations

from .check import language_problems, untranslated
from .forms import INSTALL, Forms, plain_number
from .model import (
    BASE_LANGUAGE,
    Entry,
    Language,
    LanguageFile,
    Plural,
    TextValue,
    fill,
    kind_of,
    placeholders,
)
from .negotiate import accepted_languages, match_language, negotiate
from .tables import read_language_file
from .texts import Texts

__all__ = [
    "BASE_LANGUAGE",
    "INSTALL",
    "Entry",
    "Forms",
    "Language",
    "LanguageFile",
    "Plural",
    "TextValue",
    "Texts",
    "accepted_languages",
    "fill",
    "kind_of",
    "language_problems",
    "match_language",
    "negotiate",
    "placeholders",
    "plain_number",
    "read_language_file",
    "untranslated",
]
