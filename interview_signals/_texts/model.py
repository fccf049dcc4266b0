"""Keyed texts as data: a text's value (a template, a plural or a list of words), where it
was written, and the texts one language pack file gives.

Neighbours: ``tables`` reads these from a pack file's ``[language]`` and ``[texts]`` tables;
``texts.Texts`` resolves a language's texts for use; ``check`` compares a language with the
English texts. docs/translations.md has the design.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TypeAlias

from attrs import field, frozen

PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")
"""CLDR's plural categories, in CLDR's order."""

_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")
BASE_LANGUAGE = "en"
"""The language of the default pack: every key has an English text."""


@frozen
class Plural:
    """A text that depends on a number: a template per CLDR plural category (``other``
    always there), each with ``{n}``."""

    forms: Mapping[str, str]

    def form(self, category: str) -> str:
        """The template of ``category``, or ``other``'s when the text leaves it out."""
        return self.forms.get(category) or self.forms.get("other", "")


TextValue: TypeAlias = str | tuple[str, ...] | Plural
"""A template (``str``), a list of words a person may type (``tuple``), or a ``Plural``."""


def kind_of(value: TextValue) -> str:
    """``"template"``, ``"words"`` or ``"plural"``: what a translation must keep."""
    if isinstance(value, str):
        return "template"
    return "words" if isinstance(value, tuple) else "plural"


def placeholders(value: TextValue) -> frozenset[str]:
    """The ``{name}`` placeholders of a text (of every form of a plural)."""
    if isinstance(value, str):
        return frozenset(_PLACEHOLDER.findall(value))
    if isinstance(value, Plural):
        return frozenset(n for f in value.forms.values() for n in _PLACEHOLDER.findall(f))
    return frozenset()


def fill(template: str, values: Mapping[str, object]) -> str:
    """``template`` with each ``{name}`` replaced by ``values[name]``; nothing else in it is
    read (no format codes, no attribute access), and an unknown name stays as written."""
    if "{" not in template:
        return template

    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        return str(values[name]) if name in values else match.group(0)
    return _PLACEHOLDER.sub(one, template)


def stray_braces(template: str) -> bool:
    """Whether ``template`` has a brace that is not part of a ``{name}`` placeholder."""
    rest = _PLACEHOLDER.sub("", template)
    return "{" in rest or "}" in rest


@frozen(kw_only=True)
class Entry:
    """One text as a file gives it: its key, its value, and where it is written."""

    key: str
    value: TextValue
    file: str
    line: int | None = None


@frozen(kw_only=True)
class LanguageFile:
    """What one pack file says about texts: its language (``None``: the file has no
    ``[language]`` table, so its texts reword the default language) and its entries."""

    tag: str | None
    name: str | None
    entries: Mapping[str, Entry] = field(factory=dict)


@frozen(kw_only=True)
class Language:
    """A language's texts as the packs give them, merged in order (a later file's text for
    a key wins): its tag, its name, and each text with where it was written."""

    tag: str
    name: str
    entries: Mapping[str, Entry] = field(factory=dict)
    files: tuple[str, ...] = ()
