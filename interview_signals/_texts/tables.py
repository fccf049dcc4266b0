"""Read the ``[language]`` and ``[texts]`` tables of one pack file: the language it declares
and its texts, each by its flat key with the line it is written on.

Neighbours: the rulebook's ``merge`` hands over each file's parsed TOML and its text, with
a callback that records a problem at the file's line; ``model`` holds what is read.
``tomllib`` gives no line numbers, so ``key_lines`` finds them in the text: a small scanner
of TOML's table headers and keys (strings skipped), enough to point at a key.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping

from .model import PLURAL_CATEGORIES, Entry, LanguageFile, Plural, TextValue, stray_braces

Bad = Callable[[str | None, str, "int | None"], None]
"""Report a problem: (key or None, reason, line or None)."""

LANGUAGE_KEYS = ("tag", "name")
_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")


def read_language_file(data: Mapping[str, object], text: str, file: str, bad: Bad
                       ) -> LanguageFile | None:
    """The language and texts of one file's ``[language]`` and ``[texts]`` tables; None
    when it has neither."""
    if "language" not in data and "texts" not in data:
        return None
    lines = key_lines(text)
    tag, name = _language(data.get("language"), lines, bad)
    entries: dict[str, Entry] = {}
    texts = data.get("texts", {})
    if not isinstance(texts, dict):
        bad(None, "[texts]: expected a table of texts", lines.get(("texts",)))
        return LanguageFile(tag=tag, name=name)
    for key, value, where in _flat(texts, ("texts",)):
        line = lines.get(where)
        read = _value(key, value, line, bad)
        if read is not None:
            entries[key] = Entry(key=key, value=read, file=file, line=line)
    return LanguageFile(tag=tag, name=name, entries=entries)


def _language(table: object, lines: Mapping[tuple[str, ...], int], bad: Bad
              ) -> tuple[str | None, str | None]:
    if table is None:
        return None, None
    line = lines.get(("language",))
    if not isinstance(table, dict):
        bad(None, '[language]: expected a table such as { tag = "es", name = "Español" }', line)
        return None, None
    for key in sorted(set(table) - set(LANGUAGE_KEYS)):
        bad(None, f"[language]: unknown key {key!r}; it takes tag and name",
            lines.get(("language", key), line))
    tag, name = table.get("tag"), table.get("name")
    if not isinstance(tag, str) or not _TAG.fullmatch(tag):
        bad(None, "[language].tag: expected a BCP 47 language tag such as \"es\" or "
            f"\"pt-BR\", got {_shown(tag)}", lines.get(("language", "tag"), line))
        tag = None
    if name is not None and (not isinstance(name, str) or not name.strip()):
        bad(None, "[language].name: expected the language's name in its own words "
            "(\"Español\")", lines.get(("language", "name"), line))
        name = None
    return (_canonical(tag) if tag else None), (name if isinstance(name, str) else None)


def _canonical(tag: str) -> str:
    """A tag as it is usually written: ``es``, ``pt-BR``, ``zh-Hant``."""
    first, *rest = tag.split("-")
    return "-".join([first.lower(), *(p.upper() if len(p) == 2 else p.capitalize()
                                      if len(p) == 4 else p for p in rest)])


def _shown(value: object) -> str:
    if isinstance(value, str):
        return repr(value[:40])
    return "nothing" if value is None else type(value).__name__


def is_plural_table(value: Mapping[str, object]) -> bool:
    """Whether a table is a plural (its keys are CLDR plural categories) rather than a
    table of further keys; ``check`` requires its ``other``."""
    return bool(value) and set(value) <= set(PLURAL_CATEGORIES)


def _flat(table: Mapping[str, object], where: tuple[str, ...]
          ) -> Iterator[tuple[str, object, tuple[str, ...]]]:
    """(flat key, value, the key's path in the file) of every text under ``table``."""
    for name, value in table.items():
        path = (*where, name)
        if isinstance(value, dict) and not is_plural_table(value):
            yield from _flat(value, path)
        else:
            yield ".".join(path[1:]), value, path


def _value(key: str, value: object, line: int | None, bad: Bad) -> TextValue | None:
    if isinstance(value, str):
        if stray_braces(value):
            bad(key, "a brace that is not a {name} placeholder (write placeholders as "
                "{name}, lower case, and no other braces)", line)
            return None
        return value
    if isinstance(value, list):
        if not value or not all(isinstance(w, str) and w.strip() for w in value):
            bad(key, "expected a list of words a person may type, each some text", line)
            return None
        return tuple(w.strip().lower() for w in value)
    if isinstance(value, dict):  # a plural: is_plural_table held
        forms = {}
        for category, form in value.items():
            if not isinstance(form, str):
                bad(key, f"{category}: expected text, got {_shown(form)}", line)
                return None
            if stray_braces(form):
                bad(key, f"{category}: a brace that is not a {{name}} placeholder", line)
                return None
            forms[category] = form
        return Plural(forms)
    bad(key, f"expected text, a list of words or a plural table, got {_shown(value)}", line)
    return None


# --- Line numbers -------------------------------------------------------------------------

_BARE = re.compile(r"[A-Za-z0-9_-]+")


def key_lines(text: str) -> dict[tuple[str, ...], int]:
    """The line of every key of a TOML text, by its path of keys (``("texts", "field",
    "thank_you.tone", "label")``), headers and inline tables included; the first line
    wins. Strings are skipped, so nothing inside one is taken for a key."""
    out: dict[tuple[str, ...], int] = {}
    table: tuple[str, ...] = ()
    lines = text.splitlines()
    number = 0
    while number < len(lines):
        line = lines[number]
        number += 1
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.startswith("["):
            array = stripped.startswith("[[")
            keys, _ = _keys(stripped, 2 if array else 1)
            if keys:
                table = tuple(keys)
                for i in range(1, len(table) + 1):
                    out.setdefault(table[:i], number)
            continue
        keys, rest = _keys(stripped, 0)
        if not keys or not rest.lstrip().startswith("="):
            continue
        path = (*table, *keys)
        for i in range(len(table) + 1, len(path) + 1):
            out.setdefault(path[:i], number)
        value = rest.lstrip()[1:].lstrip()
        if value.startswith("{"):
            for inner in _inline_keys(value):
                out.setdefault((*path, *inner), number)
        # A multi-line string or array goes on: skip its lines.
        number = _after_value(value, lines, number)
    return out


def _keys(text: str, start: int) -> tuple[list[str], str]:
    """The dotted key at ``text[start:]`` and what follows it."""
    keys: list[str] = []
    i = start
    while True:
        while i < len(text) and text[i] in " \t":
            i += 1
        if i >= len(text):
            return keys, ""
        if text[i] in "\"'":
            end = _string_end(text, i)
            if end < 0:
                return [], ""
            raw = text[i + 1:end - 1]
            keys.append(_unescape(raw) if text[i] == '"' else raw)
            i = end
        else:
            match = _BARE.match(text, i)
            if match is None:
                return keys, text[i:]
            keys.append(match.group(0))
            i = match.end()
        while i < len(text) and text[i] in " \t":
            i += 1
        if i < len(text) and text[i] == ".":
            i += 1
            continue
        return keys, text[i:]


def _unescape(raw: str) -> str:
    return raw.replace('\\"', '"').replace("\\\\", "\\")


def _string_end(text: str, start: int) -> int:
    """The index after the closing quote of the string opening at ``start``; -1 if none."""
    quote = text[start]
    i = start + 1
    while i < len(text):
        if quote == '"' and text[i] == "\\":
            i += 2
            continue
        if text[i] == quote:
            return i + 1
        i += 1
    return -1


def _inline_keys(value: str, depth: int = 0) -> Iterator[tuple[str, ...]]:
    """The keys of a one-line inline table ``{ a = "x", b = { c = "y" } }``."""
    i = 1
    while i < len(value):
        keys, rest = _keys(value, i)
        if not keys or not rest.startswith("="):
            return
        yield tuple(keys)
        i = len(value) - len(rest) + 1
        while i < len(value) and value[i] in " \t":
            i += 1
        if i < len(value) and value[i] in "\"'":
            i = _string_end(value, i)
            if i < 0:
                return
        elif i < len(value) and value[i] == "{":
            end = _matching(value, i)
            for inner in _inline_keys(value[i:end], depth + 1):
                yield (*keys, *inner)
            i = end
        else:
            while i < len(value) and value[i] not in ",}":
                if value[i] in "\"'":
                    i = _string_end(value, i)
                    if i < 0:
                        return
                    continue
                i += 1
        while i < len(value) and value[i] in " \t":
            i += 1
        if i >= len(value) or value[i] != ",":
            return
        i += 1


def _matching(value: str, start: int) -> int:
    """The index after the brace that closes the one at ``start`` (strings skipped)."""
    depth, i = 0, start
    while i < len(value):
        ch = value[i]
        if ch in "\"'":
            end = _string_end(value, i)
            if end < 0:
                return len(value)
            i = end
            continue
        if ch in "{[":
            depth += 1
        elif ch in "}]":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return len(value)


def _after_value(value: str, lines: list[str], number: int) -> int:
    """The line number after a value that may span lines (a ``\"\"\"`` string or an array)."""
    for quote in ('"""', "'''"):
        if value.startswith(quote):
            if value.count(quote) >= 2:
                return number
            while number < len(lines):
                number += 1
                if quote in lines[number - 1]:
                    return number
            return number
    if value.startswith("["):
        depth = _depth(value)
        while depth > 0 and number < len(lines):
            number += 1
            depth += _depth(lines[number - 1])
    return number


def _depth(line: str) -> int:
    """How many brackets ``line`` opens and does not close (strings and comments skipped)."""
    depth, i = 0, 0
    while i < len(line):
        ch = line[i]
        if ch == "#":
            break
        if ch in "\"'":
            end = _string_end(line, i)
            if end < 0:
                break
            i = end
            continue
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
        i += 1
    return depth
