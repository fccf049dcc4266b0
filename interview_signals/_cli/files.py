"""Output files for the command line: written whole or not at all, and never over the input.

Neighbour: ``main``'s ``assess-many`` writes its JSON Lines through ``replacing``.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from .._quoting import excerpt, file_name


class OutputError(Exception):
    """An output that cannot or may not be written; the message is one line for the user."""


def refuse_same_file(input_name: str, stdin: TextIO | None, output: str) -> None:
    """Refuse an output that is the input, by any path, before anything is opened for
    writing: writing it would destroy what is being read."""
    try:
        target = os.stat(output)
        read = os.fstat(stdin.fileno()) if stdin is not None else os.stat(input_name)
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        return  # no such output yet, or an input with no file behind it: not the same file
    if os.path.samestat(read, target):
        label = "<stdin>" if stdin is not None else input_name
        raise OutputError(f"{file_name(output)}: the output is the input file "
                          f"({file_name(label)}); writing it would destroy the input: choose "
                          "another -o")


@contextlib.contextmanager
def replacing(name: str) -> Iterator[TextIO]:
    """A file that replaces ``name`` only once everything is written: written under a
    temporary name in the same folder and renamed over it on success, removed otherwise,
    so a failed or interrupted run leaves the old file (or none), never a truncated one.

    A device or a pipe (``/dev/stdout``, ``/dev/full``, a FIFO) is written directly.
    """
    final = _resolved(name)  # a symbolic link keeps pointing at the new file
    try:
        mode = final.stat().st_mode if final.exists() else None
        if mode is not None and not stat.S_ISREG(mode):
            with final.open("w", encoding="utf-8") as direct:
                yield direct
            return
        temporary = final.with_name(f".{final.name}.{secrets.token_hex(4)}.tmp")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as exc:
        raise OutputError(f"{file_name(name)}: cannot write the file: "
                          f"{exc.strerror or excerpt(str(exc), 80)}") from exc
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            yield file
        if mode is not None:
            os.chmod(temporary, stat.S_IMODE(mode))
        os.replace(temporary, final)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _resolved(name: str) -> Path:
    """Where ``name`` leads, following symbolic links; a loop of links is an ``OutputError``
    (``Path.resolve(strict=True)`` raises ``RuntimeError`` for one before Python 3.13,
    ``OSError`` after)."""
    try:
        try:
            # strict: a loop raises on every Python (non-strict resolve stopped raising
            # for one in 3.13 and returns the loop's own name)
            return Path(name).resolve(strict=True)
        except FileNotFoundError:
            return Path(name).resolve()  # a new file, or a link to one not yet made
    except (RuntimeError, OSError, ValueError) as exc:
        looped = getattr(exc, "errno", None) == errno.ELOOP or "loop" in str(exc).lower()
        reason = "a loop of symbolic links" if looped else \
            getattr(exc, "strerror", None) or excerpt(str(exc), 80)
        raise OutputError(f"{file_name(name)}: cannot write the file: {reason}") from exc


def check_writable(name: str) -> None:
    """Refuse an output file that could never be written, before any work is done for it
    (``ask`` checks its save file before the first question)."""
    path = Path(name)
    folder = _resolved(name).parent if path.name else path
    if path.is_dir():
        raise OutputError(f"{file_name(name)}: is a folder, not a file to save the "
                          "consultation in")
    if not folder.is_dir():
        raise OutputError(f"{file_name(name)}: no folder {file_name(folder)} to save the "
                          "consultation in")
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise OutputError(f"{file_name(name)}: cannot write there (permission denied)")
