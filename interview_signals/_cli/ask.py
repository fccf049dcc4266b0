"""``interview-signals ask`` and ``interview-signals what-if``: the consultation in a terminal.

Neighbours: ``main`` registers the commands through ``add_commands`` and hands the parsed
arguments to ``run``; ``Engine.consult`` and ``Engine.what_if`` do the work. The default
text speaks to the candidate (no field paths, no rule ids); ``--detail`` adds them.

Scripted answers (``--answers FILE``): a JSON list, one entry per prompt, in order. An entry
is an answer's value (``true``, ``false``, a number, one of the offered words such as
``"warm"``), ``null`` for "I don't know", or one of the commands ``"why"``, ``"how"``,
``"what-if"``, ``"skip"``, ``"back"``, ``"quit"``. When the list runs out, the consultation
stops as with ``quit``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
from collections.abc import Iterator, Mapping
from typing import Any, TextIO

from attrs import evolve

from .._assessment import (
    MISSING_HEADING,
    SETTLED_MISSING_HEADING,
)
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
    VOCABULARY,
    Observations,
    Value,
    check_value,
    grouped,
    number_text,
)
from .._quoting import excerpt, file_name, printable, quoted
from .._rulebook import verdict_titles
from .files import OutputError, check_writable, refuse_same_file, replacing
from .notes import answer_text, read_note
from .signals import Stopped, no_second_signal

COMMANDS = ("ask", "what-if")
EXIT_OK, EXIT_INPUT = 0, 2
_DONT_KNOW = ("skip", None, "don't know", "dont know", "i don't know", "i dont know")
_HELP = "Type the number of an answer, or: why, how, what-if, skip, back, quit."
_NO_TERMINAL = ("interview-signals: error: ask talks with a person at a terminal; "
                "give scripted answers with --answers FILE\n")


def add_commands(commands: Any, packs: argparse.ArgumentParser, out: TextIO | None) -> None:
    """Add ``ask`` and ``what-if`` to the command line's subparsers; ``packs`` is the parent
    parser of ``--rules`` and ``--no-default``."""
    ask = commands.add_parser("ask", parents=[packs], out=out,
                              help="a consultation: the questions that matter, one at a time")
    _common(ask)
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
    with engine_for(args.rules, not args.no_default) as engine:
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
            out.write(what_if_text(result, titles=verdict_titles(engine.rulebook),
                                   detail=args.detail))
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
        self.titles = verdict_titles(engine.rulebook)
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
            shown = "(don't know)" if reply is None else json.dumps(reply)
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
                self.say(search_note(consultation.search))
            if question is None:
                self.finish(consultation)
                return EXIT_OK
            self.ask(question)
            if not self.reply(question, consultation):
                return self._stopped()

    def _stopped(self) -> int:
        self.save()
        self.say("Stopped. " + self._saved_note())
        if self.scripted and self.refused:
            # A script whose answers were refused did not do what it meant to.
            self.say(f"{self.refused} scripted answer{'s' * (self.refused != 1)} "
                     "did not answer the question asked.")
            return EXIT_INPUT
        return EXIT_OK

    def _confirm_notes(self, notes: NotesReading) -> bool:
        """Say what the notes state, then ask about what they are unsure of; False to
        stop."""
        stated = notes.stated
        if stated:
            self.say("From your notes (recorded):")
            for p in stated:
                words = quoted(" ".join(p.evidence.words.split()), 200)
                self.say(f"  - {VOCABULARY[p.path].label}: {answer_text(p.path, p.value)}"
                         f"  {words}")
        for proposal in self.to_confirm:
            if proposal.path in self.session.observations.values():
                continue  # answered on the way, through a field it depends on
            words = quoted(" ".join(proposal.evidence.words.split()), 200)
            self.say("")
            self.say(f"Your notes say {words} ({proposal.reason}).")
            question = _confirming(proposal)
            self.ask(question)
            if not self.reply(question, self.session.consult()):
                return False
        return True

    def ask(self, q: Question) -> None:
        self.say("")
        self.say(q.question + (f"  [{q.path}]" if self.detail else ""))
        spec = VOCABULARY[q.path]
        if spec.kind in ("int", "number") and spec.minimum is not None \
                and spec.maximum is not None:
            what = f"the number of {spec.unit}" if spec.unit else "a number"
            self.say(f"  Type {what}, from {number_text(spec.minimum)} to "
                     f"{number_text(spec.maximum)}, or skip.")
            return
        for i, answer in enumerate(q.answers, 1):
            self.say(f"  {i}) {answer.text}")

    def reply(self, q: Question, c: Consultation) -> bool:
        """Read replies until one answers the question; False to stop."""
        for raw in self.replies:
            word = raw.lower() if isinstance(raw, str) else raw
            if word in ("quit", "q", "exit"):
                return False
            if word in ("?", "why"):
                self.say(self.why(q))
            elif word == "how":
                self.say(self.how(c))
            elif word == "what-if":
                self.say(what_if_text(self.engine.what_if(self.session.observations,
                                                          seconds=self.seconds),
                                      titles=self.titles, detail=self.detail).rstrip())
            elif word == "back":
                self.back()
                return True
            elif word in _DONT_KNOW or _picks_dont_know(q, raw):
                self._remember(q.path)
                self.session.skip(q.path)
                return True
            else:
                value = self.parse(q, raw)
                if value is None:
                    self.refused += 1
                    self.say(f"That is not one of the answers. {_HELP}")
                    continue
                before = self._before(q.path)
                try:
                    self.session.observe(grouped({q.path: value}))
                except ObservationError as exc:
                    self.refused += 1
                    self.say(printable(f"That answer contradicts an earlier one: {exc}"))
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
            chosen, value = _chosen_answer(q, spec.kind, text)
            if chosen:
                return value
            if spec.kind in ("int", "number"):
                raw = _number(text, spec.kind)
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
            self.say("Nothing to undo yet.")
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
        self.say("Undone: " + VOCABULARY[path].label + ".")

    def why(self, q: Question) -> str:
        text = q.why
        if self.detail:
            text += f"\n  field {q.path}; rules {', '.join(q.rules)}"
        return text

    def how(self, c: Consultation) -> str:
        return how_text(c, titles=self.titles, detail=self.detail)

    def finish(self, c: Consultation) -> None:
        self.say("")
        if c.settled:
            self.say("That settles it: no answer to anything else would change the reading.")
        else:
            self.say("No more questions I can ask; what you skipped could still change it.")
        # The reading itself follows in full: say here only what it does not.
        for line in outlook_lines(c, titles=self.titles):
            self.say(line)
        self.say("")
        text = c.assessment.render("text")
        if c.settled:  # nothing left could change it: not "could add to the reading"
            text = text.replace(MISSING_HEADING, SETTLED_MISSING_HEADING)
        self.out.write(text)
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
                self.say(f"Could not save to {file_name(self.save_to)}; your answers so far:\n"
                         f"{text}")
            if isinstance(exc, OutputError):
                raise
            reason = exc.strerror or excerpt(str(exc), 80)
            raise OutputError(f"{file_name(self.save_to)}: cannot write the file: "
                              f"{reason}") from exc

    def _saved_note(self) -> str:
        if self.save_to is None:
            return "Nothing was saved (give -o FILE to keep your answers)."
        shown = file_name(self.save_to)
        return f"Saved to {shown}; go on later with --resume {shown}."


def _picks_dont_know(q: Question, raw: object) -> bool:
    """Whether the reply picks the "I don't know" answer of the list (by its number, as
    typed or in an answers file, or by its words)."""
    if type(raw) not in (int, str):
        return False
    chosen, value = _chosen_answer(q, VOCABULARY[q.path].kind, str(raw).strip().lower())
    return chosen and value is None


def _resumed(engine: Engine, saved: object) -> Session:
    """The session ``--resume`` names: a saved session, or observations to start from."""
    if isinstance(saved, Mapping) and "format" in saved:  # a saved session, or meant as one
        return engine.session(saved)
    session = engine.session()
    session.observe(_observations(saved))
    return session


def _confirming(proposal: Proposal) -> Question:
    """The question that confirms an unsure proposal of the notes: the field's own question
    with all its answers, the proposal's value first."""
    spec = VOCABULARY[proposal.path]
    values: list[Value] = [True, False] if spec.kind == "bool" else list(spec.choices)
    if proposal.value in values:
        values.remove(proposal.value)
        values.insert(0, proposal.value)
    answers = [Answer(value=v, text=answer_text(spec.path, v).capitalize()
                      if spec.kind == "bool" else answer_text(spec.path, v), reachable=())
               for v in values]
    if answers:
        answers.append(Answer(value=None, text="I don't know", reachable=()))
    return Question(path=spec.path, label=spec.label, question=spec.question,
                    answers=tuple(answers), why="Your notes touch on this without making it "
                    f"certain: {proposal.reason}.")


def _chosen_answer(q: Question, kind: str, text: str) -> tuple[bool, Value | None]:
    """(True, its value) when the reply ``text`` (stripped, lower case) picks an answer of
    the list by its number or its words, or says yes or no to a yes/no question; else
    (False, None)."""
    if text.isdigit() and kind not in ("int", "number") and 1 <= int(text) <= len(q.answers):
        return True, q.answers[int(text) - 1].value
    for answer in q.answers:
        if answer.value is not None and text == answer.text.lower():
            return True, answer.value
    if kind == "bool" and text in ("y", "n", "true", "false"):
        return True, text in ("y", "true")
    return False, None


def _number(text: str, kind: str) -> int | float | None:
    """The number a reply to a number field writes, or None if it writes none."""
    try:
        return int(text) if kind == "int" else float(text)
    except ValueError:
        return None
