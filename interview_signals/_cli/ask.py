"""``interview-signals ask`` and ``interview-signals what-if``: the consultation in a terminal.

Neighbours: ``main`` registers the commands through ``add_commands`` and hands the parsed
arguments to ``run``; ``Engine.consult`` and ``Engine.what_if`` do the work. The default
text speaks to the candidate (no field paths, no rule ids); ``--detail`` adds them.

Scripted answers (``--answers FILE``): a JSON list, one entry per prompt, in order. An entry
is an answer's value (``true``, ``false``, a number, one of the offered words such as
``"warm"``), ``null`` for "I don't know", or one of the commands ``"why"``, ``"how"``,
``"what-if"``, ``"skip"``, ``"back"``, ``"quit"``. When the list runs out, the consultation
stops as with ``quit``.

Every word it prints comes from the texts of the engine's language (``ask.*``, ``notes.*``,
and the consultation's and assessment's own); the commands a person may type are words of
that language (``ask.command.*``), and the English ones always work too, so a script runs
in any language.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import json
import signal
from collections.abc import Callable, Iterator, Mapping
from typing import Any, TextIO

from attrs import evolve

from .._assessment import candidate_text
from .._consultation import (
    MAX_SECONDS,
    Answer,
    Consultation,
    Question,
    checked_seconds,
    how_text,
    outlook_lines,
    search_note,
    what_if_text,
)
from .._engine import Engine, Session, engine_for, read_session
from .._errors import ArgumentError, ObservationError
from .._jsonio import InputError, read_json
from .._notes import NotesReading, Proposal
from .._observations import (
    EXCLUSIONS,
    PREREQUISITES,
    VOCABULARY,
    Observations,
    Value,
    check_value,
    grouped,
)
from .._quoting import excerpt, file_name, printable, quoted
from .._rulebook import frame_texts
from .._texts import Texts
from .files import OutputError, check_writable, refuse_same_file, replacing
from .notes import answer_text as notes_answer
from .notes import read_note
from .signals import Stopped, no_second_signal

COMMANDS = ("ask", "what-if")
EXIT_OK, EXIT_INPUT = 0, 2
_COMMANDS = ("why", "how", "what_if", "skip", "back", "quit")
_NO_TERMINAL = ("interview-signals: error: ask talks with a person at a terminal; "
                "give scripted answers with --answers FILE\n")


def add_commands(commands: Any, packs: argparse.ArgumentParser, out: TextIO | None,
                 add_lang: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add ``ask`` and ``what-if`` to the command line's subparsers; ``packs`` is the parent
    parser of ``--rules`` and ``--no-default``, ``add_lang`` adds ``--lang``."""
    ask = commands.add_parser("ask", parents=[packs], out=out,
                              help="a consultation: the questions that matter, one at a time")
    _common(ask)
    add_lang(ask)
    ask.add_argument("--resume", metavar="SAVED.json", help="go on from a saved session")
    ask.add_argument("-o", "--output", metavar="SAVED.json",
                     help="save the session here when it ends (default: the --resume file)")
    ask.add_argument("--answers", metavar="FILE",
                     help="scripted answers: a JSON list, one entry per prompt")
    ask.add_argument("--notes", metavar="FILE",
                     help="start from what your notes about the interview state, and confirm "
                          "what they are unsure of first")
    what = commands.add_parser("what-if", parents=[packs], out=out,
                               help="the smallest changes that reach a better verdict")
    what.add_argument("file", metavar="FILE|-")
    _common(what)
    add_lang(what)
    what.add_argument("--target", default=None, help="a verdict to reach (or better)")
    what.add_argument("--include-fixed", action="store_true",
                      help="also change what already happened (for coaches)")
    what.add_argument("--limit", type=int, default=10, metavar="N")
    what.add_argument("--format", choices=("text", "json"), default="text")


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--detail", action="store_true",
                        help="also show field paths and rule ids")
    parser.add_argument("--seconds", type=seconds, default=None, metavar="S",
                        help="how long each search may take (default: 2); past it, the "
                        "answer says what was not finished")


def seconds(text: str) -> float:
    """A search budget on the command line (``--seconds``, ``serve --search-seconds``): a
    number of seconds above 0 (ASCII digits, as every number here)."""
    try:
        if not text.isascii():
            raise ValueError(text)
        return checked_seconds(float(text), "seconds")
    except (ValueError, ArgumentError) as exc:
        raise argparse.ArgumentTypeError(
            f"expected a number of seconds above 0 and at most {MAX_SECONDS:g}, "
            f"got {quoted(text)}") from exc


def run(args: argparse.Namespace, stdin: TextIO, out: TextIO, err: TextIO) -> int:
    """Run ``ask`` or ``what-if``; return the exit status."""
    with engine_for(args.rules, not args.no_default, args.lang) as engine:
        return _run(engine, args, stdin, out, err)


def _run(engine: Engine, args: argparse.Namespace, stdin: TextIO, out: TextIO,
         err: TextIO) -> int:
    if args.command == "what-if":
        verdicts = [v.id for v in engine.rulebook.verdicts]
        if args.target is not None and args.target not in verdicts:
            err.write(f"interview-signals: error: --target: expected one of "
                      f"{', '.join(verdicts)}, got {quoted(args.target)}\n")
            return EXIT_INPUT

        values = _observations(read_json(args.file, stdin))
        result = engine.what_if(values, args.target, limit=args.limit,
                                include_fixed=args.include_fixed, seconds=args.seconds)
        if args.format == "json":
            out.write(json.dumps(result.to_dict(), indent=2) + "\n")
        else:
            out.write(what_if_text(result, texts=engine.texts, detail=args.detail))
        return EXIT_OK
    if args.answers is None and not stdin.isatty():
        err.write(_NO_TERMINAL)
        return EXIT_INPUT
    return Asker(engine, args, stdin, out).run()


def _observations(data: object) -> Observations:
    """Observations from a JSON document: a saved session, or observations themselves."""
    if isinstance(data, Mapping) and "format" in data:  # a saved session, or meant as one
        observations, _ = read_session(data)
        return observations
    if not isinstance(data, Mapping):
        raise ObservationError("observations", "a JSON object of observation groups",
                               "a list" if isinstance(data, list) else "not an object")
    return Observations.from_dict(data)


class Asker:
    """One consultation at the terminal (or from scripted answers), held in a ``Session``:
    its answers, its "I don't know"s and its save file; ``history`` only says how to undo."""

    def __init__(self, engine: Engine, args: argparse.Namespace, stdin: TextIO,
                 out: TextIO) -> None:
        self.engine, self.out, self.detail = engine, out, args.detail
        self.seconds: float | None = args.seconds
        self.texts = engine.texts
        self.commands = _commands(engine.texts)
        self.session = _resumed(engine, read_json(args.resume, stdin)) if args.resume \
            else engine.session()
        self.save_to: str | None = args.output or args.resume
        if self.save_to is not None:
            check_writable(self.save_to)  # before any answer is given, not after
            if args.answers is not None:  # saving over the script would lose it
                refuse_same_file(args.answers, stdin if args.answers == "-" else None,
                                 self.save_to)
        self.history: list[tuple[str, Value | None, bool]] = []
        """Each answer or skip as (field, its value before, whether it was skipped)."""
        self.scripted = args.answers is not None
        self.refused = 0  # replies that answered nothing: a script's mistake, if scripted
        self.replies: Iterator[object] = self._echoed(self._scripted(args.answers, stdin)) \
            if args.answers is not None else self._typed(stdin)
        self.to_confirm: list[Proposal] = []
        """Proposals of the notes to confirm before the consultation's own questions."""
        self.notes: NotesReading | None = None
        if getattr(args, "notes", None) is not None:
            self._start_from_notes(args.notes, stdin, args.answers)

    def _start_from_notes(self, name: str, stdin: TextIO, answers: str | None) -> None:
        """Record what the notes state; keep what they are unsure of to confirm first."""
        if name == "-" and (answers is None or answers == "-"):
            raise InputError("--notes -: standard input carries your answers; give the notes "
                             "as a file")
        reading = self.engine.read_notes(read_note(name, stdin))
        try:
            self.session.observe(reading.observations)
        except ObservationError as exc:
            raise ObservationError.of([evolve(p, message=f"{name}: {p}")
                                       for p in exc.problems]) from exc
        self.notes = reading
        known = self.session.observations.values()
        seen: set[str] = set()
        for proposal in reading.unsure:
            if proposal.path not in known and proposal.path not in seen and \
                    proposal.path not in self.session.skipped:
                seen.add(proposal.path)
                self.to_confirm.append(proposal)

    @staticmethod
    def _scripted(name: str, stdin: TextIO) -> Iterator[object]:
        data = read_json(name, stdin)
        if not isinstance(data, list):
            raise InputError(f"{file_name(name)}: expected a JSON list of answers")
        return iter(data)

    def _echoed(self, replies: Iterator[object]) -> Iterator[object]:
        """Scripted replies, each shown after the prompt as if it had been typed, so the
        transcript reads as the conversation it was."""
        for reply in replies:
            shown = self.texts("ask.dont_know_echo") if reply is None \
                else printable(json.dumps(reply, ensure_ascii=False))
            self.out.write(f"> {shown}\n")
            yield reply

    def _typed(self, stdin: TextIO) -> Iterator[object]:
        while True:
            self.out.write("> ")
            self.out.flush()
            line = stdin.readline()
            if not line:
                return
            yield line.strip()

    def say(self, text: str) -> None:
        self.out.write(text + "\n")
        self.out.flush()

    def run(self) -> int:
        try:
            try:
                return self._consult()
            except OSError as exc:
                if exc.errno == errno.EIO and hasattr(signal, "SIGHUP"):
                    # The terminal itself is gone (a read or write on it fails with EIO):
                    # stop as its SIGHUP would, which may not arrive before the process
                    # ends; the block below saves the answers.
                    raise Stopped(signal.SIGHUP) from exc
                # The terminal went away under a read or a write (its SIGHUP, on its way,
                # lands in this block or the one below, which save as well) or stdout's
                # reader did: the answers are kept all the same.
                self._save_stopped()
                if isinstance(exc, BrokenPipeError):
                    raise
                raise InputError(f"the conversation broke off: {exc.strerror or exc}"
                                 ) from exc
        except (KeyboardInterrupt, Stopped):
            # Ctrl-C, SIGTERM and a closed terminal (SIGHUP) keep the answers given so far,
            # as quit does.
            self._save_stopped()
            raise

    def _save_stopped(self) -> None:
        """Save a consultation stopped from outside, before saying so: a closed terminal
        takes no more text."""
        with no_second_signal():
            self.save()
            with contextlib.suppress(OSError, ValueError):
                self.say("")
                self.say(self._saved_note())

    def _consult(self) -> int:
        if self.notes is not None and not self._confirm_notes(self.notes):
            return self._stopped()
        while True:
            consultation = self.session.consult(seconds=self.seconds)
            question = consultation.next_question
            if question is not None and not consultation.search.complete:
                self.say("")
                self.say(search_note(consultation.search, self.texts))
            if question is None:
                self.finish(consultation)
                return EXIT_OK
            self.ask(question)
            if not self.reply(question, consultation):
                return self._stopped()

    def _stopped(self) -> int:
        self.save()
        self.say(self.texts("ask.stopped", saved=self._saved_note()))
        if self.scripted and self.refused:
            # A script whose answers were refused did not do what it meant to.
            self.say(self.texts.count("ask.refused", self.refused))
            return EXIT_INPUT
        return EXIT_OK

    def _confirm_notes(self, notes: NotesReading) -> bool:
        """Say what the notes state, then ask about what they are unsure of; False to
        stop."""
        texts = self.texts
        stated = notes.stated
        if stated:
            self.say(texts("notes.recorded"))
            for p in stated:
                words = quoted(" ".join(p.evidence.words.split()), 200)
                self.say(texts("notes.recorded_line", label=texts.label(p.path),
                               answer=notes_answer(p.path, p.value, texts), words=words))
        for proposal in self.to_confirm:
            if proposal.path in self.session.observations.values():
                continue  # answered on the way, through a field it depends on
            words = quoted(" ".join(proposal.evidence.words.split()), 200)
            self.say("")
            self.say(texts("notes.say", words=words, reason=proposal.reason))
            question = _confirming(proposal, texts)
            self.ask(question)
            if not self.reply(question, self.session.consult()):
                return False
        return True

    def ask(self, q: Question) -> None:
        texts = self.texts
        self.say("")
        self.say(q.question + (f"  [{q.path}]" if self.detail else ""))
        spec = VOCABULARY[q.path]
        if spec.kind in ("int", "number") and spec.minimum is not None \
                and spec.maximum is not None:
            low, high = texts.number(spec.minimum), texts.number(spec.maximum)
            self.say("  " + (texts("ask.type_number", unit=texts(f"unit.{spec.unit}.name"),
                                   min=low, max=high) if spec.unit
                             else texts("ask.type_a_number", min=low, max=high)))
            return
        for i, answer in enumerate(q.answers, 1):
            self.say(texts("ask.choice", number=i, answer=answer.text))

    def reply(self, q: Question, c: Consultation) -> bool:
        """Read replies until one answers the question; False to stop."""
        commands = self.commands
        for raw in self.replies:
            word = raw.strip().lower() if isinstance(raw, str) else raw
            if word in commands["quit"]:
                return False
            if word in commands["why"]:
                self.say(self.why(q))
            elif word in commands["how"]:
                self.say(self.how(c))
            elif word in commands["what_if"]:
                self.say(what_if_text(self.engine.what_if(self.session.observations,
                                                          seconds=self.seconds),
                                      texts=self.texts, detail=self.detail).rstrip())
            elif word in commands["back"]:
                self.back()
                return True
            elif word is None or word in commands["skip"] or _picks_dont_know(q, raw):
                self._remember(q.path)
                self.session.skip(q.path)
                return True
            else:
                value = self.parse(q, raw)
                if value is None:
                    self.refused += 1
                    self.say(self.texts("ask.not_an_answer", help=self.texts("ask.help")))
                    continue
                before = self._before(q.path)
                try:
                    self.session.observe(grouped({q.path: value}))
                except ObservationError:
                    self.refused += 1
                    self.say(printable(self.texts("ask.contradicts", reason=_contradiction(
                        q.path, value, self.session.observations.values(), self.texts))))
                    continue
                self.history.append(before)
                return True
        return False

    def parse(self, q: Question, raw: object) -> Value | None:
        """The value a reply stands for: a number of the list, an answer's words, or (for
        a number field) the number itself."""
        spec = VOCABULARY[q.path]
        if type(raw) is int and spec.kind not in ("int", "number"):
            raw = str(raw)  # a number in an answers file picks from the list, as typed
        if isinstance(raw, str):
            text = raw.strip().lower()
            chosen, value = _chosen_answer(q, spec.kind, text, self.commands)
            if chosen:
                return value
            if spec.kind in ("int", "number"):
                raw = _number(text, spec.kind, self.texts)
        if raw is None:
            return None
        try:
            return check_value(spec.path, raw)
        except ObservationError:
            return None

    def _before(self, path: str) -> tuple[str, Value | None, bool]:
        return (path, self.session.observations.values().get(path),
                path in self.session.skipped)

    def _remember(self, path: str) -> None:
        self.history.append(self._before(path))

    def back(self) -> None:
        """Undo the last answer or skip: the field as it was before."""
        if not self.history:
            self.say(self.texts("ask.nothing_to_undo"))
            return
        path, value, skipped = self.history.pop()
        if value is None:
            self.session.forget(path)
        else:
            self.session.observe(grouped({path: value}))
        if skipped:
            self.session.skip(path)
        else:
            self.session.unskip(path)
        self.say(self.texts("ask.undone", label=self.texts.label(path)))

    def why(self, q: Question) -> str:
        text = q.why
        if self.detail:
            text += f"\n  field {q.path}; rules {', '.join(q.rules)}"
        return text

    def how(self, c: Consultation) -> str:
        return how_text(c, texts=self.texts, detail=self.detail)

    def finish(self, c: Consultation) -> None:
        self.say("")
        self.say(self.texts("ask.settled" if c.settled else "ask.no_more"))
        # The reading itself follows in full: say here only what it does not.
        for line in outlook_lines(c, texts=self.texts):
            self.say(line)
        self.say("")
        # settled: nothing left could change it, so not "could add to the reading"
        self.out.write(candidate_text(c.assessment, self.texts, settled=c.settled))
        self.save()
        note = self._saved_note()
        if note:
            self.say(note)

    def save(self) -> None:
        if self.save_to is None:
            return
        # "I don't know" is saved too: it stays said when the consultation resumes.
        text = json.dumps(self.session.to_dict(), indent=2) + "\n"
        try:
            with replacing(self.save_to) as file:  # the old file stays until this is whole
                file.write(text)
        except (OutputError, OSError) as exc:
            # Keep the answers: show them, so they can be saved by hand and resumed (if
            # the terminal is still there to show them).
            with contextlib.suppress(OSError, ValueError):
                self.say(self.texts("ask.could_not_save", file=file_name(self.save_to)) +
                         "\n" + text)
            if isinstance(exc, OutputError):
                raise
            reason = exc.strerror or excerpt(str(exc), 80)
            raise OutputError(f"{file_name(self.save_to)}: cannot write the file: "
                              f"{reason}") from exc

    def _saved_note(self) -> str:
        if self.save_to is None:
            return self.texts("ask.not_saved")
        return self.texts("ask.saved", file=file_name(self.save_to))


def _commands(texts: Texts) -> dict[str, frozenset[str]]:
    """What a person may type for each command: the language's words and the English ones
    (a script written once runs in every language)."""
    english = frame_texts()
    return {name: frozenset((*texts.words(f"ask.command.{name}"),
                             *english.words(f"ask.command.{name}")))
            for name in (*_COMMANDS, "yes", "no")}


def _contradiction(path: str, value: Value, known: Mapping[str, Value], texts: Texts) -> str:
    """Why ``path = value`` contradicts what is known, in the vocabulary's words."""
    for dependent, prerequisite, _ in PREREQUISITES:
        if path == dependent and known.get(prerequisite) is False:
            return texts(f"field.{dependent}.needs.{prerequisite}")
        if path == prerequisite and value is False and known.get(dependent, False) is not False:
            return texts(f"field.{dependent}.needs.{prerequisite}")
    for a, va, b, vb, _ in EXCLUSIONS:
        if (path, value, known.get(b)) == (a, va, vb) or (path, value, known.get(a)) == (b, vb, va):
            return texts(f"field.{a}.excludes.{b}")
    return texts.lower(texts.label(path))


def _picks_dont_know(q: Question, raw: object) -> bool:
    """Whether the reply picks the "I don't know" answer of the list (by its number, as
    typed or in an answers file, or by its words)."""
    if type(raw) not in (int, str):
        return False
    chosen, value = _chosen_answer(q, VOCABULARY[q.path].kind, str(raw).strip().lower(), None)
    return chosen and value is None


def _resumed(engine: Engine, saved: object) -> Session:
    """The session ``--resume`` names: a saved session, or observations to start from."""
    if isinstance(saved, Mapping) and "format" in saved:  # a saved session, or meant as one
        return engine.session(saved)
    session = engine.session()
    session.observe(_observations(saved))
    return session


def _confirming(proposal: Proposal, texts: Texts) -> Question:
    """The question that confirms an unsure proposal of the notes: the field's own question
    with all its answers, the proposal's value first."""
    spec = VOCABULARY[proposal.path]
    values: list[Value] = [True, False] if spec.kind == "bool" else list(spec.choices)
    if proposal.value in values:
        values.remove(proposal.value)
        values.insert(0, proposal.value)
    answers = [Answer(value=v, text=(texts("consultation.yes") if v else texts("consultation.no"))
                      if spec.kind == "bool" else texts.choice(spec.path, v), reachable=())
               for v in values]
    if answers:
        answers.append(Answer(value=None, text=texts("consultation.dont_know"), reachable=()))
    return Question(path=spec.path, label=texts.label(spec.path),
                    question=texts.question(spec.path), answers=tuple(answers),
                    why=texts("notes.unsure_why", reason=proposal.reason))


def _chosen_answer(q: Question, kind: str, text: str,
                   commands: Mapping[str, frozenset[str]] | None
                   ) -> tuple[bool, Value | None]:
    """(True, its value) when the reply ``text`` (stripped, lower case) picks an answer of
    the list by its number or its words, or says yes or no to a yes/no question; else
    (False, None)."""
    if text.isdigit() and kind not in ("int", "number") and 1 <= int(text) <= len(q.answers):
        return True, q.answers[int(text) - 1].value
    for answer in q.answers:
        if answer.value is not None and text == answer.text.lower():
            return True, answer.value
    if kind == "bool" and commands is not None:
        if text in commands["yes"]:
            return True, True
        if text in commands["no"]:
            return True, False
    return False, None


def _number(text: str, kind: str, texts: Texts) -> int | float | None:
    """The number a reply to a number field writes (with the language's decimal comma, if
    it has one), or None if it writes none."""
    comma = texts.number(0.5)[1:2] == ","
    if comma and "," in text and "." not in text:
        text = text.replace(",", ".")
    try:
        return int(text) if kind == "int" else float(text)
    except ValueError:
        return None
