"""The ``interview-signals`` command: parse arguments, call the library, render, pick the exit
status. Nothing else in the package prints.

Exit statuses: 0 done, 1 rule pack problems, 2 bad input (one line on stderr, no traceback),
3 an internal error (a bug: one line on stderr asking for a report), 130 interrupted (Ctrl-C),
143 terminated (SIGTERM), 129 hung up (SIGHUP: the terminal closed). SIGTERM and SIGHUP stop a
command as Ctrl-C would (``ask`` saves its answers). An output file is written in full or not
at all.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import signal
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any, NoReturn, TextIO, TypeVar

from .. import _schema
from .._assessment import FORMATS
from .._batch import assess_jsonl
from .._engine import engine_for, load_packs, read_packs
from .._errors import (
    ArgumentError,
    InterviewSignalsError,
    ObservationError,
    RulebookError,
    RuleProblem,
)
from .._jsonio import InputError, dump_json, read_json, readable
from .._quoting import excerpt, file_name, printable, quoted
from .._rulebook import (
    Rulebook,
    available_languages,
    language_pack_toml,
    rule_rows,
    untranslated_texts,
)
from .._texts import BASE_LANGUAGE, Entry, match_language
from .._version import __version__
from . import ask as _ask
from . import coach as _coach
from . import notes as _notes
from .files import OutputError, refuse_same_file, replacing
from .inputs import capped_workers, open_lines, positive, read_lines
from .signals import Stopped, stopping_on_signals

EXIT_OK, EXIT_RULES, EXIT_INPUT, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
EXIT_TERMINATED = 128 + signal.SIGTERM
EXIT_HUNG_UP = 128 + 1  # SIGHUP's number on every platform that has it
_T = TypeVar("_T")


class _UsageError(Exception):
    """A mistake on the command line itself."""


class _Exit(Exception):
    """argparse finished on its own (--help, --version) with this status."""

    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting and prints to the stream it is given."""

    def __init__(self, *args: Any, out: TextIO | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.out = out

    def error(self, message: str) -> NoReturn:
        raise _UsageError(message)

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            raise _UsageError(message.strip())
        raise _Exit(status)

    def _print_message(self, message: str, file: object = None) -> None:
        if message and self.out is not None:
            self.out.write(message)


def _parser(out: TextIO | None) -> argparse.ArgumentParser:
    parser = _Parser(prog="interview-signals", out=out,
                     description="Judge how a job interview went, and say exactly why.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    packs = _Parser(add_help=False, out=out)  # the options of every rulebook user
    packs.add_argument("--rules", action="append", default=[], metavar="PATH",
                       help="a rule pack (file or folder) added to the default rulebook")
    packs.add_argument("--no-default", action="store_true",
                       help="use the --rules packs alone, without the default rulebook")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    assess = commands.add_parser("assess", parents=[packs], out=out,
                                 help="assess a JSON observation file (- for stdin)")
    assess.add_argument("file", metavar="FILE|-")
    assess.add_argument("--format", choices=FORMATS, default="text")
    assess.add_argument("--detail", action="store_true",
                        help="add rules, strengths, observation paths and the trace")
    add_lang(assess)
    many = commands.add_parser(
        "assess-many", parents=[packs], out=out, help="assess a JSON Lines file (- for stdin) in "
        "worker processes; writes one JSON line per input line")
    many.add_argument("file", metavar="FILE.jsonl|-")
    many.add_argument("--workers", type=positive, default=None, metavar="N",
                      help="worker processes (default and most: one per CPU)")
    many.add_argument("-o", "--output", default="-", metavar="OUT",
                      help="where to write the JSON Lines (default: stdout); written in full "
                      "or not at all, and never the input file")
    rules = commands.add_parser("rules", parents=[packs], out=out, help="list the rulebook")
    rules.add_argument("--format", choices=("text", "json"), default="text")
    check = commands.add_parser("check-rules", out=out,
                                help="validate rule packs before shipping them")
    check.add_argument("paths", nargs="+", metavar="PATH")
    check.add_argument("--no-default", action="store_true",
                       help="check the packs alone, without the default rulebook")
    check.add_argument("--lang", action="append", default=[], metavar="TAG",
                       help="also check a shipped translation against the packs, and list "
                       "what it leaves untranslated")
    check.add_argument("--strict-texts", action="store_true",
                       help="count each text a language pack leaves untranslated as a "
                       "problem (exit status 1)")
    texts = commands.add_parser("texts", parents=[packs], out=out,
                                help="every text of the rulebook by key, as a TOML language "
                                "pack to translate")
    texts.add_argument("--untranslated", action="store_true",
                       help="only the texts the language leaves to English")
    add_lang(texts)
    schema = commands.add_parser("schema", out=out,
                                 help="print a JSON Schema of the JSON contract")
    schema.add_argument("name", choices=_schema.NAMES)
    serve = commands.add_parser("serve", parents=[packs], out=out,
                                help="run the HTTP service and the page (needs the serve "
                                "extra)")
    _service_options(serve)
    _ask.add_commands(commands, packs, out, add_lang)
    _coach.add_commands(commands, out)
    _notes.add_command(commands, packs, out, add_lang)
    return parser


def add_lang(parser: argparse.ArgumentParser) -> None:
    """``--lang TAG``: the language a command speaks."""
    parser.add_argument("--lang", default=None, metavar="TAG",
                        help="the language of the texts (en, es...; default: the last "
                        "language pack given, else English)")


def _service_options(serve: argparse.ArgumentParser) -> None:
    serve.add_argument("--host", default="127.0.0.1",
                       help="the address to listen on (default 127.0.0.1: this machine only)")
    serve.add_argument("--port", type=_port, default=8000,
                       help="the TCP port, 1 to 65535, or 0 for any free one (default 8000)")
    serve.add_argument("--workers", type=positive, default=1, metavar="N")
    serve.add_argument("--cors-origin", action="append", default=[], metavar="ORIGIN",
                       help="allow browser calls from this origin (none by default)")
    serve.add_argument("--max-body", type=positive, default=64 * 1024, metavar="BYTES")
    serve.add_argument("--allowed-host", action="append", default=None, metavar="NAME",
                       help="answer requests for this Host name only (repeat for several; "
                       "'*.example.com' for its subdomains, '*' for any); by default "
                       "the loopback names when --host is a loopback address, any name "
                       "otherwise")
    serve.add_argument("--max-searches", type=positive, default=None, metavar="N",
                       help="consultations and what-ifs one worker runs at once; more are "
                       "refused with 503 and Retry-After (default: 2)")
    serve.add_argument("--search-seconds", type=_ask.seconds, default=None, metavar="S",
                       help="the time budget of one consultation step or what-if "
                       "(default: 2)")
    serve.add_argument("--request-timeout", type=_ask.seconds, default=None, metavar="S",
                       help="seconds a client has to send a whole request from its first "
                       "byte, and a new connection to begin one (default: 10)")
    serve.add_argument("--keep-alive", type=_ask.seconds, default=None, metavar="S",
                       help="seconds an idle connection stays open after a response "
                       "(default: 5)")
    serve.add_argument("--lang", default=None, metavar="TAG",
                       help="the language of a request that asks for none it can speak "
                       "(default: the last language pack given, else English)")
    serve.add_argument("--loop", choices=("auto", "asyncio", "uvloop"), default="auto",
                       help="the event loop (default auto: asyncio's own with one worker, "
                       "for a steadier latency under full load; uvloop with several, "
                       "which it spreads the connections across; docs/benchmarks.md)")


def _serve(args: argparse.Namespace) -> int:
    try:
        from .._service import serve
    except ImportError as exc:
        raise InputError("serve needs the serve extra: pip install "
                          f"'interview-signals[serve]' ({exc})") from exc
    serve(host=args.host, port=args.port, rules=args.rules, no_default=args.no_default,
          workers=args.workers, cors_origins=args.cors_origin, max_body=args.max_body,
          allowed_hosts=args.allowed_host, max_searches=args.max_searches,
          search_seconds=args.search_seconds, request_timeout=args.request_timeout,
          keep_alive=args.keep_alive, language=args.lang, loop=args.loop)
    return EXIT_OK


def main(argv: Sequence[str] | None = None, *, stdin: TextIO | None = None,
         stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Run the command line; return the exit status.

    ``stdin``, ``stdout`` and ``stderr`` default to the process's own, which may be closed
    (``None``): a command that needs a closed one says so and exits 2.
    """
    out = stdout if stdout is not None else sys.stdout
    err = stderr if stderr is not None else sys.stderr
    try:
        with stopping_on_signals():
            return _run(argv, stdin if stdin is not None else sys.stdin, out, err)
    except (KeyboardInterrupt, Stopped) as exc:  # Ctrl-C, SIGTERM or SIGHUP: stop quietly
        with contextlib.suppress(ValueError):  # a second Ctrl-C changes nothing now
            signal.signal(signal.SIGINT, signal.SIG_IGN)
        if isinstance(exc, KeyboardInterrupt):
            _say(err, "\ninterview-signals: interrupted")
            return EXIT_INTERRUPTED
        if exc.hung_up:
            # The terminal is gone: what stdout still buffers has nowhere to go, and
            # Python's own flush at exit must not fail on it (exit status 120).
            _silence(out)
            _say(err, "interview-signals: hung up")
            return EXIT_HUNG_UP
        _say(err, "interview-signals: terminated")
        return EXIT_TERMINATED


def _run(argv: Sequence[str] | None, stdin: TextIO | None, out: TextIO | None,
         err: TextIO | None) -> int:
    try:
        args = _parser(out).parse_args(argv)
        if args.command == "assess":
            return _assess(args, stdin, out)
        if args.command == "assess-many":
            return _assess_many(args, stdin, out, err)
        if args.command in _ask.COMMANDS:
            return _ask.run(args, readable(stdin), _writable(out),
                            err if err is not None else io.StringIO())
        target = _writable(out)
        if args.command in _coach.COMMANDS:
            status, text = _coach.run(args, stdin, err)
            _write(target, "<stdout>", lambda: target.write(text))
            return status
        if args.command == _notes.COMMAND:
            return _notes.run(args, stdin, target)
        if args.command == "rules":
            book = load_packs(*args.rules, include_default=not args.no_default)
            return _write(target, "<stdout>", lambda: _rules(book, args.format, target))
        if args.command == "schema":
            text = json.dumps(_schema.schema(args.name), indent=2, ensure_ascii=False) + "\n"
            return _write(target, "<stdout>", lambda: target.write(text) and EXIT_OK)
        if args.command == "serve":
            return _serve(args)
        if args.command == "texts":
            book = load_packs(*args.rules, include_default=not args.no_default)
            return _write(target, "<stdout>", lambda: _texts_command(
                book, args.lang, args.untranslated, target))
        return _write(target, "<stdout>", lambda: _check(
            args.paths, not args.no_default, target, args.lang, args.strict_texts))
    except _Exit as exc:
        return exc.status
    except _UsageError as exc:
        _say(err, f"interview-signals: error: {exc} (see interview-signals --help)")
        return EXIT_INPUT
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, and keep Python from complaining
        # again when it flushes stdout at exit.
        _silence(out)
        return EXIT_OK
    except RulebookError as exc:
        _say(err, f"interview-signals: {exc}")
        return EXIT_RULES
    except (ObservationError, ArgumentError, InputError, OutputError,
            _schema.SchemaUnavailable) as exc:
        _silence(out)  # what is left in its buffer could not be written either
        _say(err, f"interview-signals: error: {exc}")
        return EXIT_INPUT
    except InterviewSignalsError as exc:  # an engine bug: still no traceback, but say so
        _say(err, f"interview-signals: internal error (please report): {exc}")
        return EXIT_INTERNAL


def _say(err: TextIO | None, line: str) -> None:
    """One line on stderr, if there is a stderr to write to; whatever of the input it
    quotes reaches the terminal escaped (the last guard: messages quote through
    ``_quoting`` already)."""
    if err is not None:
        with contextlib.suppress(OSError, ValueError):
            err.write(printable(line) + "\n")
            err.flush()


def _silence(out: TextIO | None) -> None:
    """Point stdout's descriptor at /dev/null, so Python's own flush at exit has nowhere to
    fail (after a reader went away or a disk filled up)."""
    with contextlib.suppress(OSError, ValueError, AttributeError, io.UnsupportedOperation):
        os.dup2(os.open(os.devnull, os.O_WRONLY), out.fileno())  # type: ignore[union-attr]


def _writable(out: TextIO | None) -> TextIO:
    if out is None:
        raise InputError("<stdout>: cannot write: standard output is closed")
    return out


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


def _assess(args: argparse.Namespace, stdin: TextIO | None, out: TextIO | None) -> int:
    target = _writable(out)
    try:
        data = read_json(args.file, stdin)
        with engine_for(args.rules, not args.no_default, args.lang) as engine:
            if not isinstance(data, dict):
                raise ObservationError("observations", "a JSON object of observation groups",
                                       _json_kind(data))
            text = engine.assess(data).render(args.format, detail=args.detail)
    except (ObservationError, InputError) as exc:
        if args.format != "json":
            raise
        # A program reading JSON gets the error as JSON too, never prose to parse.
        problems = [p.to_dict() for p in exc.problems] \
            if isinstance(exc, ObservationError) else []
        error = dump_json({"error": {"message": str(exc), "problems": problems}}, 2)
        _write(target, "<stdout>", lambda: target.write(error + "\n"))
        return EXIT_INPUT
    _write(target, "<stdout>", lambda: target.write(text))
    return EXIT_OK


def _port(text: str) -> int:
    if not (text.isascii() and text.isdigit()) or int(text) > 65535:
        raise argparse.ArgumentTypeError(f"expected a port from 0 to 65535, got {quoted(text)}")
    return int(text)


def _assess_many(args: argparse.Namespace, stdin: TextIO | None, out: TextIO | None,
                 err: TextIO | None) -> int:
    """One JSON line out per line in: an assessment, or ``{"line", "error"}`` for a bad one."""
    source = readable(stdin) if args.file == "-" else None
    if args.output == "-":
        _writable(out)
    else:
        refuse_same_file(args.file, source, args.output)
    workers, note = capped_workers(args.workers)
    if note is not None:
        _say(err, note)
    with contextlib.ExitStack() as stack:
        lines = stack.enter_context(open_lines(args.file, source))
        results = assess_jsonl(read_lines(args.file, lines), workers=workers,
                               engine_paths=args.rules, include_default=not args.no_default)
        stack.callback(results.close)  # stops the workers at once, whatever happens below
        if args.output == "-":
            target, name = _writable(out), "<stdout>"
        else:
            target, name = stack.enter_context(replacing(args.output)), args.output
        progress = err if err is not None and err.isatty() else None
        _write(target, name, lambda: _write_lines(results, target, progress))
    return EXIT_OK


def _write(target: TextIO, name: str, write: Callable[[], _T]) -> _T:
    """Run ``write`` and flush ``target``; a full disk or a closed stream is one error line."""
    try:
        done = write()
        target.flush()
        return done
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as exc:  # ValueError: a stream closed under us
        if not isinstance(exc, OSError) and not getattr(target, "closed", False) \
                and "closed file" not in str(exc):
            raise  # a bad argument found while writing (--lang): not the stream's doing
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror \
            else excerpt(str(exc), 80)
        raise InputError(f"{file_name(name)}: cannot write: {reason}") from exc


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


def _rules(book: Rulebook, format: str, out: TextIO) -> int:
    if format == "json":
        out.write(json.dumps(rule_rows(book), indent=2) + "\n")
        return EXIT_OK
    for r in book.rules:
        mark = f"  [pack {r.pack}; overrides the rule from pack {r.overrides_pack}]" \
            if r.overrides else (f"  [pack {r.pack}]" if r.pack != "default" else "")
        out.write(f"{r.id}  ({r.kind}, sign {r.sign}){mark}\n"
                  f"    when:   {r.describe_condition()}\n"
                  f"    effect: {r.describe_effect()}\n"
                  f"    source: sign {r.source_sign}, {r.source_title!r}\n")
    for band in book.bands:  # what the candidate reads instead of the confidence
        start = "above 0" if band.min_confidence == 0 else f"from {band.min_confidence:g}"
        out.write(f"band {band.id}: confidence {start}, reads {band.words!r}\n")
    out.write(f"{len(book.rules)} rules, {len(book.verdicts)} verdicts, "
              f"{len(book.bands)} bands\n")
    return EXIT_OK


def _check(paths: Sequence[str], include_default: bool, out: TextIO,
           languages: Sequence[str] = (), strict_texts: bool = False) -> int:
    book, problems = read_packs(*paths, include_default=include_default, cases=True,
                                search=True)
    left: list[tuple[str, Entry]] = []
    if book is not None and not problems:
        problems, left = _check_languages(book, languages)
    for problem in problems:
        out.write(f"{printable(str(problem))}\n")
    for tag, entry in left:
        where = file_name(entry.file) if entry.line is None else \
            f"{file_name(entry.file)}:{entry.line}"
        out.write(printable(f"{where} [{entry.key}]: untranslated in {tag}") + "\n")
    if left:
        out.write(f"{len(left)} text{'s' if len(left) != 1 else ''} left untranslated "
                  "(English is shown instead)\n")
    count = len(problems) + (len(left) if strict_texts else 0)
    if count or book is None:
        out.write(f"{count} problem{'s' if count != 1 else ''} found\n")
        return EXIT_RULES
    out.write(f"ok: {len(book.rules)} rules and {len(book.cases)} cases from "
              f"{len(book.files)} files\n")
    return EXIT_OK


def _check_languages(book: Rulebook, asked: Sequence[str]
                     ) -> tuple[list[RuleProblem], list[tuple[str, Entry]]]:
    """The problems of the shipped translations asked for (``--lang``), and the texts each
    language the packs declare, or ``--lang`` asks for, leaves untranslated."""
    problems: list[RuleProblem] = []
    left: list[tuple[str, Entry]] = []
    available = available_languages(book)
    tags = [t for t in book.languages if t != BASE_LANGUAGE]
    for wanted in asked:
        tag = match_language(wanted, available)
        if tag is None:
            raise ArgumentError(f"--lang: expected one of {', '.join(available)}, "
                                f"got {quoted(wanted)}")
        tags.append(tag)
    for tag in dict.fromkeys(tags):
        if tag == BASE_LANGUAGE:
            continue
        try:
            left += [(tag, e) for e in untranslated_texts(book, tag)]
        except RulebookError as exc:
            problems += exc.problems
    return problems, left


def _texts_command(book: Rulebook, language: str | None, only_untranslated: bool,
                   out: TextIO) -> int:
    """Every text of ``book`` as a TOML language pack: the language's own texts, English
    where it has none (each marked), ready to copy and translate."""
    tag = language or book.language
    available = available_languages(book)
    found = match_language(tag, available)
    if found is None:
        raise ArgumentError(f"--lang: expected one of {', '.join(available)}, "
                            f"got {quoted(tag)}")
    out.write(language_pack_toml(book, found, only_untranslated=only_untranslated))
    return EXIT_OK
