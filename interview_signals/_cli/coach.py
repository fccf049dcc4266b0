"""The coach's commands: ``test-rules`` (a rulebook's test cases, with coverage, JSON and
JUnit XML) and ``diff-rules`` (what a change of rulebook does to a corpus of interviews).

Neighbours: ``main`` parses the command line and writes what ``run`` returns; ``_coaching``
does the work.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import time
from collections.abc import Callable, Iterator
from typing import Any, TextIO

from .._coaching import (
    diff_rulebooks,
    json_report,
    junit_xml,
    problems_report,
    progress_text,
    read_case_run,
    speaking,
)
from .._errors import ArgumentError
from .._jsonio import readable
from .._quoting import excerpt, file_name, quoted
from .._rulebook import frame_texts, shipped_languages
from .._texts import BASE_LANGUAGE, Texts, match_language
from .files import OutputError, refuse_same_file, replacing
from .inputs import capped_workers, open_lines, positive, read_lines

COMMANDS = ("test-rules", "diff-rules")
EXIT_OK, EXIT_FAILED = 0, 1


def add_commands(commands: Any, out: TextIO | None) -> None:
    """Add ``test-rules`` and ``diff-rules`` to the command line's subparsers."""
    test = commands.add_parser("test-rules", out=out,
                               help="run the test cases of the default rulebook and of packs")
    test.add_argument("paths", nargs="*", metavar="PACK")
    test.add_argument("--no-default", action="store_true",
                      help="the packs alone, without the default rulebook and its cases")
    test.add_argument("--coverage", action="store_true",
                      help="list the rules, qualifiers, advice and verdicts no case reached")
    test.add_argument("--format", choices=("text", "json"), default="text")
    test.add_argument("--junit-xml", metavar="FILE", help="also write JUnit XML here")
    test.add_argument("--lang", default=None, metavar="TAG",
                      help="the language of the report (en, es...; default English)")
    test.add_argument("-v", "--verbose", action="store_true",
                      help="show every case, not only the failures")
    diff = commands.add_parser("diff-rules", out=out,
                               help="what a change of rulebook does to a corpus of interviews")
    diff.add_argument("corpus", metavar="CORPUS.jsonl|-")
    diff.add_argument("--old", action="append", default=[], metavar="PACK",
                      help="a pack of the old rulebook (repeat for several; 'default': the "
                      "default rulebook alone)")
    diff.add_argument("--new", action="append", default=[], metavar="PACK",
                      help="a pack of the new rulebook (as --old)")
    diff.add_argument("--no-default", action="store_true",
                      help="each side is its packs alone ('default' names the default "
                      "rulebook)")
    diff.add_argument("--format", choices=("text", "json"), default="text")
    diff.add_argument("--lang", default=None, metavar="TAG",
                      help="the language of the report (en, es...; default English)")
    diff.add_argument("--top", type=positive, default=10, metavar="N",
                      help="how many of the largest confidence moves to show")
    diff.add_argument("--workers", type=positive, default=None, metavar="N",
                      help="worker processes (default and most: one per CPU)")
    diff.add_argument("--changes", metavar="OUT.jsonl",
                      help="also write every changed reading here, one JSON line each")


def run(args: argparse.Namespace, stdin: TextIO | None, err: TextIO | None
        ) -> tuple[int, str]:
    """Run ``test-rules`` or ``diff-rules``: the exit status, and the text for stdout, in
    the language ``--lang`` asks for (English, or a shipped translation)."""
    with speaking(_language(args.lang)):
        if args.command == "test-rules":
            return _test_rules(args)
        return _diff_rules(args, stdin, err)


def _language(asked: str | None) -> Texts:
    tags = [BASE_LANGUAGE, *shipped_languages()]
    tag = BASE_LANGUAGE if asked is None else match_language(asked, tags)
    if tag is None:
        raise ArgumentError(f"--lang: expected one of {', '.join(tags)}, got "
                            f"{quoted(str(asked), 40)}")
    return frame_texts(tag)


def _test_rules(args: argparse.Namespace) -> tuple[int, str]:
    if args.no_default and not args.paths:
        raise ArgumentError("test-rules --no-default: give at least one PACK")
    run, problems = read_case_run(*args.paths, include_default=not args.no_default)
    if run is None:
        if args.junit_xml:
            _write_file(args.junit_xml, lambda file: file.write(junit_xml([], problems)))
        return EXIT_FAILED, (_json(json_report([], problems=problems))
                             if args.format == "json" else problems_report(problems))
    if args.junit_xml:
        _write_file(args.junit_xml, lambda file: file.write(run.render("junit")))
    status = EXIT_OK if run.passed else EXIT_FAILED
    if args.format == "json":
        return status, _json(run.to_dict(with_coverage=args.coverage))
    return status, run.render(verbose=args.verbose, with_coverage=args.coverage)


def _json(data: object) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _write_file(name: str, write: Callable[[TextIO], object]) -> None:
    """Write a whole file, or leave none."""
    with _replacing(name) as file:
        write(file)


def _diff_rules(args: argparse.Namespace, stdin: TextIO | None, err: TextIO | None
                ) -> tuple[int, str]:
    source = readable(stdin) if args.corpus == "-" else None
    if args.changes is not None:
        refuse_same_file(args.corpus, source, args.changes)
    workers, note = capped_workers(args.workers)
    if note is not None and err is not None:
        err.write(note + "\n")
    for option, packs in (("--old", args.old), ("--new", args.new)):
        if args.no_default and not packs:
            raise ArgumentError(f"{option}: with --no-default, give a pack (or 'default' "
                                "for the default rulebook)")
    with contextlib.ExitStack() as stack:
        lines = read_lines(args.corpus, stack.enter_context(open_lines(args.corpus, source)))
        changes = None if args.changes is None else stack.enter_context(
            _replacing(args.changes))
        shown = _Progress(err) if err is not None and err.isatty() else None
        diff = diff_rulebooks(lines, old=args.old, new=args.new,
                              include_default=not args.no_default,
                              workers=workers, top=args.top, changes=changes,
                              corpus="<stdin>" if args.corpus == "-" else args.corpus,
                              progress=shown)
        if shown is not None:
            shown.finish()
    return EXIT_OK, diff.render(args.format)


class _Progress:
    """The count of lines compared, on a terminal, at most ten times a second."""

    def __init__(self, err: TextIO) -> None:
        self.err, self.shown, self.compared = err, 0.0, 0

    def __call__(self, compared: int) -> None:
        self.compared = compared
        if time.monotonic() - self.shown >= 0.1:
            self.shown = time.monotonic()
            self.err.write("\r" + progress_text(compared))
            self.err.flush()

    def finish(self) -> None:
        self.err.write("\r" + progress_text(self.compared) + "\n")


@contextlib.contextmanager
def _replacing(name: str) -> Iterator[TextIO]:
    """``replacing``, any failure to write one ``OutputError`` line."""
    try:
        with replacing(name) as file:
            yield file
    except OSError as exc:
        raise OutputError(f"{file_name(name)}: cannot write the file: "
                          f"{exc.strerror or excerpt(str(exc), 80)}") from exc
