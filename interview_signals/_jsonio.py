"""JSON in and out, in one place for the command line and the batch path.

``load_json`` reads text refusing a key given twice and fails only with ``UnreadableJSON``;
``dump_json`` writes JSON-shaped data (an assessment above all) fast and as ``json`` would;
``error_line`` writes one error row of ``assess-many``; a key quoted in a message goes
through ``_quoting``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TextIO

import orjson

from ._quoting import excerpt, file_name, quoted


class UnreadableJSON(ValueError):
    """Text that cannot be read as JSON: ``reason``, and ``line`` and ``column`` when known."""

    def __init__(self, reason: str, line: int | None = None, column: int | None = None
                 ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line
        self.column = column


class _DuplicateKey(Exception):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _no_duplicate_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    out: dict[str, object] = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKey(key)
        out[key] = value
    return out


def load_json(text: str) -> object:
    """``json.loads``, failing only with ``UnreadableJSON`` whatever is wrong with the text.

    A key given twice in one object is refused (``json`` would keep the last silently and
    lose an observation). Besides malformed text, ``json.loads`` gives up on valid JSON
    nested deeper than the recursion limit (``RecursionError``) and on an integer longer
    than ``sys.get_int_max_str_digits()`` (a plain ``ValueError``): each becomes a clear
    reason.
    """
    try:
        return json.loads(text, object_pairs_hook=_no_duplicate_keys)
    except _DuplicateKey as exc:
        raise UnreadableJSON(f"the key {quoted(exc.key)} appears twice in one object; "
                             "JSON would silently keep only the last") from None
    except json.JSONDecodeError as exc:
        # json's messages may end in "at" ("Invalid control character at"): the place
        # follows as "at line L column C"
        reason = exc.msg.removesuffix(" at")
        raise UnreadableJSON(f"not valid JSON: {reason}", exc.lineno, exc.colno) from None
    except RecursionError:
        raise UnreadableJSON("cannot read the JSON: nested too deeply") from None
    except ValueError as exc:
        limit = sys.get_int_max_str_digits()
        reason = f"a number has more than {limit} digits" if "digits" in str(exc) and limit \
            else str(exc)
        raise UnreadableJSON(f"cannot read the JSON: {reason}") from None


def dump_json(data: object, indent: int | None = None) -> str:
    """JSON-shaped data as text: one compact line, or indented by ``indent`` spaces.

    orjson writes it (an assessment about ten times faster than ``json.dumps``) with the
    bytes ``json.dumps(..., ensure_ascii=False)`` writes with separators ``(",", ":")`` or
    ``indent=2``, except for floats below 1e-4, written as ``0.00001`` and ``2.5e-8`` where
    Python writes ``1e-05`` and ``2.5e-08`` (the same numbers), and NaN and infinities
    (which only data read back with ``Assessment.from_dict`` can hold), written as ``null``
    where Python writes the non-JSON ``NaN``. Subclasses of dict, list, str and int, dates
    and dataclasses, what orjson refuses (an int beyond 64 bits, a lone surrogate) and other
    indents go to ``json.dumps``, which writes them or raises as it always did.
    """
    if indent is None or indent == 2:
        try:
            return orjson.dumps(data, option=_ORJSON_INDENT if indent else _ORJSON).decode()
        except TypeError:  # orjson.JSONEncodeError is a TypeError
            pass
    return json.dumps(data, indent=indent, ensure_ascii=False,
                      separators=(",", ":") if indent is None else None)


_ORJSON = (orjson.OPT_PASSTHROUGH_SUBCLASS | orjson.OPT_PASSTHROUGH_DATETIME
           | orjson.OPT_PASSTHROUGH_DATACLASS)
_ORJSON_INDENT = _ORJSON | orjson.OPT_INDENT_2


def error_line(row: Mapping[str, object]) -> str:
    """An error row of ``assess-many`` as compact JSON. It may quote the input, whose JSON
    strings can hold lone surrogates that no UTF-8 output can write: such a row is written
    with escapes instead."""
    text = json.dumps(row, ensure_ascii=False, separators=(",", ":"))
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(row, separators=(",", ":"))
    return text


class InputError(Exception):
    """An input that cannot be read, or is not JSON (or an output that cannot be written):
    the message is one line for the person at the command line."""


def readable(stdin: TextIO | None) -> TextIO:
    if stdin is None:
        raise InputError("<stdin>: cannot read: standard input is closed")
    return stdin


MAX_DOCUMENT_BYTES = 16 * 1024 * 1024
"""The largest document read (observations, a saved session, answers): a real one is a few
kilobytes, and reading ``/dev/zero`` must end in an error, not in all the memory there is."""
MAX_LINE_BYTES = 1024 * 1024
"""The longest line of a JSON Lines input, for the same reason."""


def read_json(name: str, stdin: TextIO | None) -> object:
    """The JSON document of a file or of stdin (``-``), read as UTF-8 with or without a BOM,
    at most ``MAX_DOCUMENT_BYTES``."""
    label = "<stdin>" if name == "-" else file_name(name)
    try:
        if name != "-":
            with Path(name).open("rb") as file:
                data: bytes | str = file.read(MAX_DOCUMENT_BYTES + 1)
        else:
            source = readable(stdin)
            raw = getattr(source, "buffer", None)
            data = raw.read(MAX_DOCUMENT_BYTES + 1) if raw is not None else \
                source.read(MAX_DOCUMENT_BYTES + 1)
        if len(data) > MAX_DOCUMENT_BYTES:
            raise InputError(f"{label}: larger than {MAX_DOCUMENT_BYTES // 1024 // 1024} MiB; "
                             "expected a JSON document of a few kilobytes")
        # utf-8-sig: a byte order mark (Windows editors write one) is read past, not rejected
        text = data.decode("utf-8-sig") if isinstance(data, bytes) \
            else data.removeprefix("\ufeff")
    except OSError as exc:
        raise InputError(f"{label}: cannot read the file: "
                         f"{exc.strerror or excerpt(str(exc), 80)}") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"{label}: not UTF-8 text ({exc.reason} at byte {exc.start}); "
                          "expected a JSON object of observations") from exc
    if not text.strip():
        raise InputError(f"{label}: empty; expected a JSON object of observations")
    if "\x00" in text:
        raise InputError(f"{label}: a binary file, not JSON text")
    try:
        return load_json(text)
    except UnreadableJSON as exc:
        where = f" at line {exc.line} column {exc.column}" if exc.line is not None else ""
        raise InputError(f"{label}: {exc.reason}{where}") from exc
