"""The ``interview-signals`` command: parse arguments, call the library, render, pick the exit
status. Nothing else in the package prints.

Exit statuses: 0 done, 1 rule pack problems, 2 bad input (one line on stderr, no traceback),
3 an internal error (a bug: one line on stderr asking for a report), 130 interrupted (Ctrl-C).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO, TextIO

from . import __version__, _ask
from ._batch import UnreadableJSON, assess_jsonl, load_json
from ._engine import Engine
from ._errors import InterviewSignalsError, ObservationError, RulebookError
from ._render import FORMATS
from ._rulebook import load_rulebook, read_rulebook
from ._ruletypes import Rulebook

EXIT_OK, EXIT_RULES, EXIT_INPUT, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130


class _UsageError(Exception):
    """A mistake on the command line itself."""


class _Exit(Exception):
    """argparse finished on its own (--help, --version) with this status."""

    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting and prints to the streams ``main`` got."""

    out: TextIO = sys.stdout

    def error(self, message: str) -> None:  # type: ignore[override]
        raise _UsageError(message)

    def exit(self, status: int = 0, message: str | None = None) -> None:  # type: ignore[override]
        if message:
            raise _UsageError(message.strip())
        raise _Exit(status)

    def _print_message(self, message: str, file: object = None) -> None:
        if message:
            _Parser.out.write(message)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="interview-signals",
                     description="Judge how a job interview went, and say exactly why.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    assess = commands.add_parser("assess", help="assess a JSON observation file (- for stdin)")
    assess.add_argument("file", metavar="FILE|-")
    assess.add_argument("--format", choices=FORMATS, default="text")
    assess.add_argument("--rules", action="append", default=[], metavar="PATH",
                        help="a rule pack (file or folder) added to the default rulebook")
    assess.add_argument("--no-default", action="store_true",
                        help="use the --rules packs alone, without the default rulebook")
    many = commands.add_parser(
        "assess-many", help="assess a JSON Lines file (- for stdin) in worker processes; "
        "writes one JSON line per input line")
    many.add_argument("file", metavar="FILE.jsonl|-")
    many.add_argument("--workers", type=_positive, default=None, metavar="N",
                      help="worker processes (default: one per CPU)")
    many.add_argument("--rules", action="append", default=[], metavar="PATH",
                      help="a rule pack (file or folder) added to the default rulebook")
    many.add_argument("--no-default", action="store_true",
                      help="use the --rules packs alone, without the default rulebook")
    many.add_argument("-o", "--output", default="-", metavar="OUT",
                      help="where to write the JSON Lines (default: stdout)")
    rules = commands.add_parser("rules", help="list the rulebook")
    rules.add_argument("--rules", action="append", default=[], metavar="PATH",
                       help="a rule pack (file or folder) added to the default rulebook")
    rules.add_argument("--format", choices=("text", "json"), default="text")
    rules.add_argument("--no-default", action="store_true",
                       help="list the --rules packs alone, without the default rulebook")
    check = commands.add_parser("check-rules", help="validate rule packs before shipping them")
    check.add_argument("paths", nargs="+", metavar="PATH")
    check.add_argument("--no-default", action="store_true",
                       help="check the packs alone, without the default rulebook")
    _ask.add_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None, *, stdin: TextIO | None = None,
         stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Run the command line; return the exit status."""
    out, err = stdout or sys.stdout, stderr or sys.stderr
    _Parser.out = out
    try:
        args = _parser().parse_args(argv)
        if args.command == "assess":
            return _assess(args, stdin or sys.stdin, out)
        if args.command == "assess-many":
            return _assess_many(args, stdin or sys.stdin, out, err)
        if args.command in _ask.COMMANDS:
            return _ask.run(args, stdin or sys.stdin, out, err)
        if args.command == "rules":
            return _rules(load_rulebook(*args.rules, include_default=not args.no_default),
                          args.format, out)
        return _check(args.paths, not args.no_default, out)
    except _Exit as exc:
        return exc.status
    except _UsageError as exc:
        print(f"interview-signals: error: {exc} (see interview-signals --help)", file=err)
        return EXIT_INPUT
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, and keep Python from complaining
        # again when it flushes stdout at exit.
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), out.fileno())
        return EXIT_OK
    except RulebookError as exc:
        print(f"interview-signals: {exc}", file=err)
        return EXIT_RULES
    except (ObservationError, _InputError) as exc:
        print(f"interview-signals: error: {exc}", file=err)
        return EXIT_INPUT
    except KeyboardInterrupt:  # Ctrl-C, say during assess-many: stop quietly, as shells expect
        print("\ninterview-signals: interrupted", file=err)
        return EXIT_INTERRUPTED
    except InterviewSignalsError as exc:  # an engine bug: still no traceback, but say so
        print(f"interview-signals: internal error (please report): {exc}", file=err)
        return EXIT_INTERNAL


class _InputError(Exception):
    """An input file that cannot be read or is not JSON."""


def _read_json(name: str, stdin: TextIO) -> object:
    """The JSON document of a file or of stdin (``-``), read as UTF-8 with or without a BOM."""
    label = "<stdin>" if name == "-" else name
    try:
        if name != "-":
            data: bytes | str = Path(name).read_bytes()
        else:
            raw = getattr(stdin, "buffer", None)
            data = raw.read() if raw is not None else stdin.read()
        # utf-8-sig: a byte order mark (Windows editors write one) is read past, not rejected
        text = data.decode("utf-8-sig") if isinstance(data, bytes) \
            else data.removeprefix("\ufeff")
    except OSError as exc:
        raise _InputError(f"{label}: cannot read the file: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise _InputError(f"{label}: not UTF-8 text ({exc.reason} at byte {exc.start}); "
                          "expected a JSON object of observations") from exc
    if not text.strip():
        raise _InputError(f"{label}: empty; expected a JSON object of observations")
    if "\x00" in text:
        raise _InputError(f"{label}: a binary file, not JSON text")
    try:
        return load_json(text)
    except UnreadableJSON as exc:
        where = f" at line {exc.line} column {exc.column}" if exc.line is not None else ""
        raise _InputError(f"{label}: {exc.reason}{where}") from exc


def _json_kind(value: object) -> str:
    """What a JSON value is, in JSON's words, for an error message."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list (array)"
    return "an object" if isinstance(value, dict) else "a value"


def _assess(args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    data = _read_json(args.file, stdin)
    engine = Engine.from_paths(*args.rules, include_default=not args.no_default) \
        if args.rules or args.no_default else Engine.default()
    if not isinstance(data, dict):
        raise ObservationError("observations", "a JSON object of observation groups",
                               _json_kind(data))
    out.write(engine.assess(data).render(args.format))
    return EXIT_OK


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {text!r}")
    return int(text)


def _assess_many(args: argparse.Namespace, stdin: TextIO, out: TextIO, err: TextIO) -> int:
    """One JSON line out per line in: an assessment, or ``{"line", "error"}`` for a bad one."""
    source = _open_lines(args.file, stdin)
    try:
        results = assess_jsonl(_read_lines(args.file, source), workers=args.workers,
                               engine_paths=args.rules, include_default=not args.no_default)
        target = out if args.output == "-" else _open_output(args.output)
        try:
            _write_lines(results, target, err if err.isatty() else None)
        finally:
            if target is not out:
                target.close()
    finally:
        if source is not stdin:
            source.close()
    return EXIT_OK


def _open_lines(name: str, stdin: TextIO) -> TextIO | BinaryIO:
    if name == "-":
        return stdin
    try:
        return Path(name).open("rb")
    except OSError as exc:
        raise _InputError(f"{name}: cannot read the file: {exc.strerror or exc}") from exc


def _read_lines(name: str, source: TextIO | BinaryIO) -> Iterator[bytes]:
    """Lines as bytes (decoded in the workers, so a bad byte spoils one line, not the run)."""
    raw = getattr(source, "buffer", source)
    try:
        for line in raw:
            yield line.encode("utf-8") if isinstance(line, str) else line
    except OSError as exc:
        raise _InputError(f"{name}: cannot read the file: {exc.strerror or exc}") from exc


def _open_output(name: str) -> TextIO:
    try:
        return Path(name).open("w", encoding="utf-8")
    except OSError as exc:
        raise _InputError(f"{name}: cannot write the file: {exc.strerror or exc}") from exc


def _write_lines(lines: Iterator[str], target: TextIO, progress: TextIO | None) -> None:
    """Write the lines; on a terminal, count them on ``progress`` (at most ten times a second)."""
    count, shown = 0, 0.0
    for count, line in enumerate(lines, start=1):
        target.write(line + "\n")
        if progress is not None and time.monotonic() - shown >= 0.1:
            shown = time.monotonic()
            progress.write(f"\rinterview-signals: {count} lines assessed")
            progress.flush()
    if progress is not None:
        progress.write(f"\rinterview-signals: {count} lines assessed\n")
    target.flush()


def _rules(book: Rulebook, format: str, out: TextIO) -> int:
    if format == "json":
        rows = [{"id": r.id, "kind": r.kind, "sign": r.sign, "condition": r.describe_condition(),
                 "effect": r.describe_effect(), "source": {"sign": r.source_sign,
                                                           "title": r.source_title},
                 "pack": r.pack, "overrides": r.overrides,
                 "overrides_pack": r.overrides_pack} for r in book.rules]
        out.write(json.dumps(rows, indent=2) + "\n")
        return EXIT_OK
    for r in book.rules:
        mark = f"  [pack {r.pack}; overrides the rule from pack {r.overrides_pack}]" \
            if r.overrides else (f"  [pack {r.pack}]" if r.pack != "default" else "")
        out.write(f"{r.id}  ({r.kind}, sign {r.sign}){mark}\n"
                  f"    when:   {r.describe_condition()}\n"
                  f"    effect: {r.describe_effect()}\n"
                  f"    source: sign {r.source_sign}, {r.source_title!r}\n")
    out.write(f"{len(book.rules)} rules, {len(book.verdicts)} verdicts\n")
    return EXIT_OK


def _check(paths: Sequence[str], include_default: bool, out: TextIO) -> int:
    book, problems = read_rulebook(*paths, include_default=include_default)
    for problem in problems:
        out.write(f"{problem}\n")
    if problems or book is None:
        out.write(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found\n")
        return EXIT_RULES
    out.write(f"ok: {len(book.rules)} rules from {len(book.files)} files\n")
    return EXIT_OK
