"""Quoting a piece of input in a message, safely: the one place every error message that
shows what arrived goes through (``excerpt`` and ``quoted`` for text, ``file_name`` for a
path, ``describe`` for any value, ``exception_text`` for an exception raised while reading
it, ``printable`` for a whole message about to reach a terminal).

Neighbours: the observations, the rule packs, JSON reading, the batch path, the session,
the command line and the service quote input with these; nothing here knows any of them. A
message quotes little (a 10 MB key is one short line), never calls into the value's own
code beyond its type, and can always be written as UTF-8 (lone surrogates, which JSON
allows, are written as ``\\ud800``). Every character that is not printable is escaped as
``repr`` would (``\\x1b``), quoted or not: C0 and C1 controls, DEL, escape sequences such as
a clipboard write (OSC 52) or a line erase, bidirectional overrides, lone surrogates. A
terminal shows what arrived instead of acting on it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from os import PathLike

EXCERPT_CHARS = 60
"""The most characters of an input a message quotes, unless it says otherwise."""
_VALUE_CHARS = 40
"""The most characters of a string value ``describe`` quotes."""


def _cut(text: str, limit: int) -> str:
    """At most ``limit`` characters of ``text``, ``...`` ending one cut short."""
    return text if len(text) <= limit else text[:max(limit - 3, 0)] + "..."


def _escaped(text: str) -> str:
    """``text`` with every character that is not printable escaped as ``repr`` writes it
    (``\\x1b``, ``\\x9b``, ``\\u202e``, ``\\ud800``); printable text is itself."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """``text`` as a message shows it unquoted (a key within a field path, an exception's
    message): at most ``limit`` characters (``...`` ending one cut short), every character
    that is not printable escaped."""
    return _escaped(_cut(str.__str__(text), limit))  # a str subclass's methods never run


def quoted(text: str, limit: int = EXCERPT_CHARS) -> str:
    """``text`` in double quotes, every character that is not printable escaped, and its
    length following when it was cut: ``"abc..." (5,000 characters)``."""
    text = str.__str__(text)
    cut = _escaped(_cut(text, limit))
    return f'"{cut}"' if len(text) <= limit else f'"{cut}" ({len(text):,} characters)'


FILE_NAME_CHARS = 300
"""The most characters of a file name a message shows (a path is rarely longer)."""


def file_name(path: str | PathLike[str]) -> str:
    """A file name (or any path) as a message shows it, unquoted: escaped as ``excerpt``
    does, cut only past ``FILE_NAME_CHARS``."""
    try:
        text = os.fspath(path)
    except TypeError:  # a PathLike whose __fspath__ lies
        return f"<{type(path).__name__}>"
    return excerpt(text if isinstance(text, str) else repr(text), FILE_NAME_CHARS)


def printable(message: str) -> str:
    """A whole message made safe for a terminal: line breaks kept, every other character
    that is not printable escaped. What a message quotes has gone through the functions
    above already; this is the last guard where a message leaves the program."""
    return "\n".join(_escaped(line) for line in str.__str__(message).split("\n"))


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
