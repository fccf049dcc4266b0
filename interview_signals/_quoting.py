"""Quoting a piece of input in a message, safely: the one place every error message that
shows what arrived goes through (``excerpt`` and ``quoted`` for text, ``describe`` for any
value, ``exception_text`` for an exception raised while reading it).

Neighbours: the observations, the rule packs, JSON reading, the batch path, the session and
the command line quote input with these; nothing here knows any of them. A message quotes
little (a 10 MB key is one short line), never calls into the value's own code beyond its
type, and can always be written as UTF-8 (lone surrogates, which JSON allows, are written
as ``\\ud800``). Text in quotes (``quoted``, ``describe``) also has every character that is
not printable escaped (``\\x1b``), as ``repr`` would; an unquoted excerpt (a key within a
field path, a file name, an exception's message) does not escape those yet.
"""

from __future__ import annotations

from collections.abc import Mapping

EXCERPT_CHARS = 60
"""The most characters of an input a message quotes, unless it says otherwise."""
_VALUE_CHARS = 40
"""The most characters of a string value ``describe`` quotes."""


def _cut(text: str, limit: int) -> str:
    """At most ``limit`` characters of ``text``, ``...`` ending one cut short."""
    return text if len(text) <= limit else text[:max(limit - 3, 0)] + "..."


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """``text`` as a message shows it unquoted: at most ``limit`` characters (``...``
    ending one cut short), writable as UTF-8."""
    cut = _cut(str.__str__(text), limit)  # a str subclass's own methods are never called
    return cut.encode("utf-8", "backslashreplace").decode("utf-8")


def quoted(text: str, limit: int = EXCERPT_CHARS) -> str:
    """``text`` in double quotes, every character that is not printable escaped, and its
    length following when it was cut: ``"abc..." (5,000 characters)``."""
    text = str.__str__(text)
    cut = _cut(text, limit)
    if not cut.isprintable():
        cut = "".join(c if c.isprintable() else repr(c)[1:-1] for c in cut)
    return f'"{cut}"' if len(text) <= limit else f'"{cut}" ({len(text):,} characters)'


def describe(value: object) -> str:
    """A short, safe rendering of a value that arrived, of any type: ``null``, ``true``,
    ``the string "x"``, ``3``, ``a list``..."""
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, str):
        return f"the string {quoted(value, _VALUE_CHARS)}"
    if isinstance(value, int):
        number = int.__index__(value)
        if abs(number) > 10**18:
            return f"{'a negative' if number < 0 else 'an'} integer of {number.bit_length()} bits"
        return str(number)
    if isinstance(value, float):
        return repr(float.__float__(value))
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, list | tuple):
        return "a list"
    return f"a {type(value).__name__}"


def exception_text(exc: BaseException, limit: int = 80) -> str:
    """``Type: message`` of an exception, the message cut to ``limit`` characters; the
    message of a hostile exception may itself fail to render, and is left out then."""
    try:
        text = excerpt(str(exc), limit)
    except Exception:
        text = ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
