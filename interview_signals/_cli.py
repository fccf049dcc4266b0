"""The ``interview-signals`` command: parse arguments, call the library, render, pick the exit
status. Nothing else in the package prints.

Exit statuses: 0 done, 1 rule pack problems, 2 bad input (one line on stderr, no traceback).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from . import __version__
from ._engine import Engine
from ._errors import InterviewSignalsError, ObservationError, RulebookError
from ._render import FORMATS
from ._rulebook import Rulebook, load_rulebook, read_rulebook

EXIT_OK, EXIT_RULES, EXIT_INPUT = 0, 1, 2


class _UsageError(Exception):
    """A mistake on the command line itself."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise _UsageError(message)


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
    rules = commands.add_parser("rules", help="list the rulebook")
    rules.add_argument("--rules", action="append", default=[], metavar="PATH",
                       help="a rule pack (file or folder) added to the default rulebook")
    rules.add_argument("--format", choices=("text", "json"), default="text")
    check = commands.add_parser("check-rules", help="validate rule packs before shipping them")
    check.add_argument("paths", nargs="+", metavar="PATH")
    check.add_argument("--no-default", action="store_true",
                       help="check the packs alone, without the default rulebook")
    return parser


def main(argv: Sequence[str] | None = None, *, stdin: TextIO | None = None,
         stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Run the command line; return the exit status."""
    out, err = stdout or sys.stdout, stderr or sys.stderr
    try:
        args = _parser().parse_args(argv)
        if args.command == "assess":
            return _assess(args, stdin or sys.stdin, out)
        if args.command == "rules":
            return _rules(load_rulebook(*args.rules), args.format, out)
        return _check(args.paths, not args.no_default, out)
    except _UsageError as exc:
        print(f"interview-signals: error: {exc} (see interview-signals --help)", file=err)
        return EXIT_INPUT
    except RulebookError as exc:
        print(f"interview-signals: {exc}", file=err)
        return EXIT_RULES
    except (ObservationError, _InputError) as exc:
        print(f"interview-signals: error: {exc}", file=err)
        return EXIT_INPUT
    except InterviewSignalsError as exc:  # an engine bug: still no traceback, but say so
        print(f"interview-signals: internal error (please report): {exc}", file=err)
        return 3


class _InputError(Exception):
    """An input file that cannot be read or is not JSON."""


def _read_json(name: str, stdin: TextIO) -> object:
    try:
        text = stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise _InputError(f"{name}: cannot read the file: {reason}") from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise _InputError(f"{name}: not valid JSON: {exc.msg} at line {exc.lineno} "
                          f"column {exc.colno}") from exc


def _assess(args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    data = _read_json(args.file, stdin)
    engine = Engine.from_paths(*args.rules) if args.rules else Engine.default()
    if not isinstance(data, dict):
        raise ObservationError("observations", "a JSON object of observation groups",
                               f"a JSON {type(data).__name__}")
    out.write(engine.assess(data).render(args.format))
    return EXIT_OK


def _rules(book: Rulebook, format: str, out: TextIO) -> int:
    if format == "json":
        rows = [{"id": r.id, "kind": r.kind, "sign": r.sign, "condition": r.describe_condition(),
                 "effect": r.describe_effect(), "source": {"sign": r.source_sign,
                                                           "title": r.source_title},
                 "pack": r.pack, "overrides": r.overrides} for r in book.rules]
        out.write(json.dumps(rows, indent=2) + "\n")
        return EXIT_OK
    for r in book.rules:
        mark = f"  [overrides {r.overrides} from {r.pack}]" if r.overrides else (
            f"  [pack {r.pack}]" if r.pack != "default" else "")
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
