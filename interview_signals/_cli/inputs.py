"""What the command line reads besides single documents: JSON Lines from a file or stdin,
each line bounded, and positive numbers given as options.

Neighbours: ``assess-many`` (``main``) and ``diff-rules`` (``coach``) read their lines and
cap their workers here.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, TextIO

from .._batch import available_cpus
from .._jsonio import MAX_LINE_BYTES, InputError
from .._quoting import excerpt, file_name, quoted


def positive(text: str) -> int:
    """An option's positive integer, in ASCII digits."""
    if not (text.isascii() and text.isdigit()) or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {quoted(text)}")
    return int(text)


def capped_workers(workers: int | None) -> tuple[int | None, str | None]:
    """``--workers`` capped at the CPUs available, and the note that says so when it was
    more (the results are the same; more processes would only take memory and time)."""
    cpus = available_cpus()
    if workers is None or workers <= cpus:
        return workers, None
    return cpus, (f"interview-signals: note: --workers {workers} is more than the {cpus} "
                  f"CPU{'s' if cpus != 1 else ''} available; using {cpus}")


def open_lines(name: str, stdin: TextIO | None
               ) -> contextlib.AbstractContextManager[TextIO | BinaryIO]:
    """The file ``name``, or ``stdin`` when it is given, to read lines from."""
    if stdin is not None:
        return contextlib.nullcontext(stdin)
    try:
        return Path(name).open("rb")
    except OSError as exc:
        raise InputError(f"{file_name(name)}: cannot read the file: "
                         f"{exc.strerror or excerpt(str(exc), 80)}") from exc


def read_lines(name: str, source: TextIO | BinaryIO) -> Iterator[bytes]:
    """Lines as bytes (decoded in the workers, so a bad byte spoils one line, not the run)."""
    raw = getattr(source, "buffer", source)
    try:
        for number in itertools.count(1):
            line = raw.readline(MAX_LINE_BYTES + 1)
            if not line:
                return
            if len(line) > MAX_LINE_BYTES:
                raise InputError(f"{file_name(name)}: line {number} is longer than "
                                 f"{MAX_LINE_BYTES // 1024} KiB; one set of observations "
                                 "takes a few hundred bytes")
            yield line.encode("utf-8") if isinstance(line, str) else line
    except OSError as exc:
        raise InputError(f"{file_name(name)}: cannot read the file: "
                         f"{exc.strerror or excerpt(str(exc), 80)}") from exc
