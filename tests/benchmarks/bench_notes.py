"""How well notes are read: precision and recall of the stated values, per field and
overall, against labelled notes; hedged fields stated anyway; notes with any wrong stated
value; traps recorded as stated; and the reading time per note.

Run with ``python tests/benchmarks/bench_notes.py [--notes PATH] [--fixtures PATH]
[--extra PATH ...] [--part NAME ...] [-v]``.

Parts, each reported apart:

* ``development``: the shared sample (``shared/notes/notes.jsonl``, found above this
  repository) less the held-out notes. The reader was developed on these.
* ``held-out``: every note of the shared sample whose number is divisible by three
  (dev-003, dev-006, ... dev-045), set aside before the reader was written and never read
  while developing it.
* ``fixtures``: the notes of ``tests/data/notes/notes.jsonl``, written for the tests (other
  wording, situations and languages' phrasings).
* one part per ``--extra PATH`` (a JSONL file of labelled notes in the same format, such as
  notes by another author), named by its file name and reported apart.

``--part NAME`` (repeatable) reads only the parts named: ``development``, ``held-out``,
``fixtures`` or the file name of an ``--extra``. Without it every part is read, the
held-out one included: to keep the held-out notes for a last measurement, name the parts.

A stated value is right when the label records the same value for the field. A trap is a
field the label leaves out (neither recorded nor unsure) that the note words as a plan, a
hypothetical, someone else's experience or sarcasm: in the fixtures the ``traps`` list names
them; in the shared sample, whose labels name traps only in the comment, it is any stated
field the label leaves out in a note whose comment mentions a trap or sarcasm. ``-v`` prints
each wrong or missed value with its note.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import cast

from interview_signals import Engine
from interview_signals._observations.vocabulary import VOCABULARY

HERE = Path(__file__).resolve()
FIXTURES = HERE.parents[1] / "data" / "notes" / "notes.jsonl"


def held_out(note_id: str) -> bool:
    """The rule that set the held-out notes aside: the id's number is divisible by three."""
    digits = "".join(c for c in note_id if c.isdigit())
    return bool(digits) and int(digits) % 3 == 0


def find_shared() -> Path | None:
    for parent in HERE.parents:
        candidate = parent / "shared" / "notes" / "notes.jsonl"
        if candidate.is_file():
            return candidate
    return None


def flat(observations: Mapping[str, Mapping[str, object]]) -> dict[str, object]:
    return {f"{g}.{f}": v for g, fields in observations.items() for f, v in fields.items()}


def same(a: object, b: object) -> bool:
    return (type(a) is type(b) and a == b) or (
        isinstance(a, int | float) and isinstance(b, int | float) and not isinstance(a, bool)
        and not isinstance(b, bool) and float(a) == float(b))


class Score:
    """The counts of one part."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.notes = 0
        self.tp: Counter[str] = Counter()
        self.fp: Counter[str] = Counter()
        self.fn: Counter[str] = Counter()
        self.hedged_stated = 0
        self.hedged = 0
        self.notes_wrong = 0
        self.traps_stated = 0
        self.traps = 0
        self.unsure_proposed = 0
        self.times: list[float] = []
        self.lines: list[str] = []

    def add(self, note: Mapping[str, object], engine: Engine) -> None:
        text = str(note["text"])
        started = time.perf_counter()
        reading = engine.read_notes(text)
        self.times.append(time.perf_counter() - started)
        self.notes += 1
        truth = flat(cast(Mapping[str, Mapping[str, object]], note.get("observations", {})))
        unsure = set(cast(list[str], note.get("unsure", [])))
        stated = flat(reading.observations)
        wrong = False
        for path, value in stated.items():
            if path in truth and same(truth[path], value):
                self.tp[path] += 1
            else:
                self.fp[path] += 1
                wrong = True
                self.lines.append(f"  {note['id']}: WRONG {path} = {value!r} (label: "
                                  f"{truth.get(path, 'unsure' if path in unsure else '-')!r})")
        for path, value in truth.items():
            if not (path in stated and same(stated[path], value)):
                self.fn[path] += 1
                if path not in stated:
                    self.lines.append(f"  {note['id']}: missed {path} = {value!r}")
        self.hedged += len(unsure)
        self.hedged_stated += len(unsure & set(stated))
        self.unsure_proposed += len(unsure & {p.path for p in reading.unsure})
        self.notes_wrong += wrong
        for path in self._traps(note, truth, unsure):
            self.traps += 1
            if path in stated:
                self.traps_stated += 1
                self.lines.append(f"  {note['id']}: TRAP stated {path} = {stated[path]!r}")
        if "traps" not in note and self._flags_trap(note):
            for path in set(stated) - set(truth) - unsure:
                self.traps_stated += 1
                self.lines.append(f"  {note['id']}: TRAP? stated {path} = {stated[path]!r}")

    @staticmethod
    def _flags_trap(note: Mapping[str, object]) -> bool:
        comment = str(note.get("comment", "")).lower()
        return "trap" in comment or "sarcas" in comment

    @staticmethod
    def _traps(note: Mapping[str, object], truth: Mapping[str, object], unsure: set[str]
               ) -> Iterable[str]:
        return [p for p in cast(list[str], note.get("traps", []))
                if p not in truth and p not in unsure]

    def report(self, verbose: bool) -> None:
        tp, fp, fn = sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values())
        print(f"\n== {self.name}: {self.notes} notes")
        print(f"{'field':40} {'prec':>6} {'recall':>6} {'tp':>4} {'fp':>4} {'fn':>4}")
        for path in VOCABULARY:
            if self.tp[path] + self.fp[path] + self.fn[path] == 0:
                continue
            print(f"{path:40} {_ratio(self.tp[path], self.fp[path]):>6} "
                  f"{_ratio(self.tp[path], self.fn[path]):>6} {self.tp[path]:>4} "
                  f"{self.fp[path]:>4} {self.fn[path]:>4}")
        print(f"{'overall':40} {_ratio(tp, fp):>6} {_ratio(tp, fn):>6} {tp:>4} {fp:>4} {fn:>4}")
        print(f"hedged fields stated anyway: {self.hedged_stated} of {self.hedged} "
              f"(proposed as unsure: {self.unsure_proposed})")
        print(f"notes with any wrong stated value: {self.notes_wrong} of {self.notes}")
        print(f"traps recorded as stated: {self.traps_stated}"
              + (f" (of {self.traps} named traps)" if self.traps else ""))
        ms = [t * 1000 for t in self.times]
        if ms:
            print(f"reading time per note: mean {statistics.mean(ms):.2f} ms, "
                  f"max {max(ms):.2f} ms")
        if verbose:
            print("\n".join(self.lines))


def _ratio(a: int, b: int) -> str:
    return f"{a / (a + b):.3f}" if a + b else "-"


def read_jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--notes", type=Path, default=find_shared())
    parser.add_argument("--fixtures", type=Path, default=FIXTURES)
    parser.add_argument("--extra", type=Path, action="append", default=[],
                        help="another JSONL file of labelled notes, reported as its own part")
    parser.add_argument("--part", action="append",
                        help="read only this part: development, held-out, fixtures or the "
                             "file name of an --extra (repeatable)")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    engine = Engine.default()
    started = time.perf_counter()
    engine.read_notes("")
    print(f"first reading (compiles the phrases): {(time.perf_counter() - started) * 1000:.0f} ms")
    extras = {path.name: path for path in args.extra}
    known = ["development", "held-out", "fixtures", *extras]
    unknown = [p for p in args.part or [] if p not in known]
    if unknown or len(extras) < len(args.extra):
        parser.error(f"unknown part {', '.join(unknown)}; the parts are {', '.join(known)}"
                     if unknown else "two --extra files share a file name")
    for path in extras.values():
        if not path.is_file():
            parser.error(f"--extra {path}: no such file")
    parts = args.part or known
    scores = {name: Score(name) for name in known if name in parts}
    if args.notes is None:
        if {"development", "held-out"} & scores.keys():
            print("no shared/notes/notes.jsonl found; give --notes PATH", file=sys.stderr)
    elif {"development", "held-out"} & scores.keys():
        for note in read_jsonl(args.notes):
            name = "held-out" if held_out(str(note["id"])) else "development"
            if name in scores:
                scores[name].add(note, engine)
    if "fixtures" in scores and args.fixtures.is_file():
        for note in read_jsonl(args.fixtures):
            scores["fixtures"].add(note, engine)
    for name, path in extras.items():
        if name in scores:
            for note in read_jsonl(path):
                scores[name].add(note, engine)
    for score in scores.values():
        score.report(args.verbose)
    # A realistic 15-sentence note: the first fifteen sentences of the fixture notes.
    pieces = [s.strip() for note in read_jsonl(args.fixtures) if args.fixtures.is_file()
              for s in re.split(r"(?<=[.!?])\s+", str(note["text"])) if s.strip()][:15]
    sample = " ".join(pieces) or "No tour. " * 15
    for _ in range(3):
        engine.read_notes(sample)
    runs, times = 200, []
    cpu = time.process_time()
    for _ in range(runs):
        started = time.perf_counter()
        engine.read_notes(sample)
        times.append(time.perf_counter() - started)
    cpu = time.process_time() - cpu
    times.sort()
    # The CPU time is this process's own; the wall clock shows the machine's other load.
    print(f"\na {len(pieces)}-sentence note ({len(sample)} characters): CPU "
          f"{cpu / runs * 1000:.2f} ms per reading; wall clock median "
          f"{times[runs // 2] * 1000:.2f} ms, p95 {times[runs * 95 // 100] * 1000:.2f} ms, "
          f"fastest {times[0] * 1000:.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
