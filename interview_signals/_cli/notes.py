"""``interview-signals notes FILE|-``: read a note in the candidate's own words, print what it
proposes to record (stated and unsure, each with its words from the note), what it set aside,
and the reading of what it states.

Neighbours: ``_cli`` registers the command through ``add_command`` and hands the parsed
arguments to ``run``; ``Engine.read_notes`` reads the note and ``Engine.assess`` reads what
it states.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from .._assessment import answer_text as assessment_answer
from .._engine import engine_for
from .._jsonio import InputError, dump_json, readable
from .._notes import MAX_NOTE_BYTES, NotesReading, Proposal, SetAside
from .._observations import Value
from .._quoting import excerpt, file_name, quoted
from .._texts import Texts

COMMAND = "notes"
EXIT_OK = 0


def add_command(commands: Any, packs: argparse.ArgumentParser, out: TextIO | None,
                add_lang: Any) -> None:
    """Add ``notes`` to the command line's subparsers; ``packs`` is the parent parser of
    ``--rules`` and ``--no-default``, ``add_lang`` adds ``--lang`` (the words around the
    proposals; the note itself is read with the packs' phrases)."""
    notes = commands.add_parser(COMMAND, parents=[packs], out=out,
                                help="read notes written in your own words (- for stdin): "
                                "what they propose to record, and the reading of it")
    notes.add_argument("file", metavar="FILE|-")
    notes.add_argument("--format", choices=("text", "json"), default="text")
    add_lang(notes)


def run(args: argparse.Namespace, stdin: TextIO | None, out: TextIO) -> int:
    """Read the note, print the proposals and the assessment of what is stated."""
    text = read_note(args.file, stdin)
    with engine_for(args.rules, not args.no_default, args.lang) as engine:
        reading = engine.read_notes(text)
        assessment = engine.assess(reading.observations)
    if args.format == "json":
        out.write(dump_json({"notes": reading.to_dict(),
                             "assessment": assessment.to_dict()}, 2) + "\n")
    else:
        out.write(render_reading(reading, engine.texts) + "\n" + assessment.render("text"))
    return EXIT_OK


def read_note(name: str, stdin: TextIO | None) -> str:
    """The text of a file or of stdin (``-``): UTF-8, with or without a byte order mark, at
    most 1 MiB."""
    label = "<stdin>" if name == "-" else file_name(name)
    try:
        if name == "-":
            source = readable(stdin)
            raw = getattr(source, "buffer", None)
            data: bytes | str = raw.read(MAX_NOTE_BYTES + 1) if raw is not None else \
                source.read(MAX_NOTE_BYTES + 1)
        else:
            with Path(name).open("rb") as file:
                data = file.read(MAX_NOTE_BYTES + 1)
        if len(data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass")) \
                > MAX_NOTE_BYTES:
            raise InputError(f"{label}: larger than {MAX_NOTE_BYTES // 1024 // 1024} MiB; a "
                             "note takes a few kilobytes")
        text = data.decode("utf-8-sig") if isinstance(data, bytes) \
            else data.removeprefix("\ufeff")
    except OSError as exc:
        raise InputError(f"{label}: cannot read the file: "
                         f"{exc.strerror or excerpt(str(exc), 80)}") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"{label}: not UTF-8 text ({exc.reason} at byte {exc.start})"
                         ) from exc
    if "\x00" in text:
        raise InputError(f"{label}: a binary file, not text")
    return text


def answer_text(path: str, value: Value | None, texts: Texts) -> str:
    """A value as the candidate reads it: ``yes``, ``45 minutes``, ``Warm``."""
    if value is None:
        return "?"
    if isinstance(value, str):
        return texts.choice(path, value)
    return assessment_answer(path, value, texts)


def proposal_line(p: Proposal | SetAside, texts: Texts) -> str:
    """One proposal: the field's label, the value, the note's words (quoted, escaped) and
    why."""
    return texts("notes.proposal", label=texts.label(p.path),
                 answer=answer_text(p.path, p.value, texts),
                 words=quoted(" ".join(p.evidence.words.split()), 200), reason=p.reason)


def render_reading(reading: NotesReading, texts: Texts) -> str:
    """The proposals in words: what the note states, what to confirm, what was set aside."""
    parts = []
    for key, found in (("notes.stated", reading.stated), ("notes.unsure", reading.unsure),
                       ("notes.set_aside", reading.set_aside)):
        if found:
            parts.append(texts(key) + "\n" + "\n".join(proposal_line(p, texts) for p in found))
    if not parts:
        parts.append(texts("notes.nothing"))
    return "\n\n".join(parts) + "\n"
