"""A batch report: many interviews from a JSON Lines file, summed up in a few tables.

Shows a coaching team's weekly review: ``examples/data/interviews.jsonl`` holds one
interview's observations per line (40 lines, three of them broken on purpose). Each line is
assessed with one shared ``Engine``; a line that is not UTF-8, not JSON (or too deep or with
too long a number to read) or does not fit the vocabulary is reported with its line number
and skipped, and the batch carries on. The report counts the verdicts, the signs seen most
often and the advice given most often.

Run from any folder, on the shipped file or on your own::

    python examples/05_batch_report.py
    python examples/05_batch_report.py path/to/interviews.jsonl

For files of thousands of lines, ``interview-signals assess-many`` and ``assess_many`` spread
the same work over worker processes.
"""

from __future__ import annotations

import io
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from attrs import frozen

from interview_signals import Assessment, Engine, ObservationError

DATA = Path(__file__).resolve().parent / "data" / "interviews.jsonl"
VERDICTS = ("strong", "promising", "tentative", "inconclusive")


@frozen(kw_only=True)
class Skipped:
    """A line that could not be assessed, and why."""

    line: int
    reason: str


def assess_lines(engine: Engine, path: Path) -> Iterator[Assessment | Skipped]:
    """One result per line of the file, in order; a bad line never stops the batch."""
    with path.open("rb") as lines:  # bytes: a line that is not UTF-8 spoils only itself
        for number, raw in enumerate(lines, start=1):
            try:
                data = json.loads(raw.decode("utf-8-sig"))
            except UnicodeDecodeError as exc:
                yield Skipped(line=number, reason=f"not UTF-8 text ({exc.reason})")
                continue
            except json.JSONDecodeError as exc:
                yield Skipped(line=number, reason=f"not valid JSON ({exc.msg})")
                continue
            except RecursionError:
                yield Skipped(line=number, reason="JSON nested too deeply to read")
                continue
            except ValueError:  # Python refuses integers of more than 4300 digits
                yield Skipped(line=number, reason="a number too long to read")
                continue
            if not isinstance(data, dict):
                yield Skipped(line=number, reason="not a JSON object")
                continue
            try:
                yield engine.assess(data)
            except ObservationError as exc:
                yield Skipped(line=number, reason=str(exc))


def table(title: str, counts: Counter[str], total: int, top: int = 5) -> None:
    print(title)
    for name, count in counts.most_common(top):
        bar = "#" * round(20 * count / total) if total else ""
        print(f"  {name:<58} {count:>3}  {bar}")
    print()


def main(argv: list[str]) -> int:
    if isinstance(sys.stdout, io.TextIOWrapper):  # a reason may quote text (a lone surrogate
        sys.stdout.reconfigure(errors="backslashreplace")  # of a JSON string) it cannot encode
    path = Path(argv[0]) if argv else DATA
    engine = Engine.default()
    assessments: list[Assessment] = []
    skipped: list[Skipped] = []
    try:
        for result in assess_lines(engine, path):
            if isinstance(result, Skipped):
                skipped.append(result)
            else:
                assessments.append(result)
    except OSError as exc:  # no such file, a folder, ...
        print(f"{path}: cannot read the file: {exc.strerror or exc}", file=sys.stderr)
        return 2

    total = len(assessments)
    print(f"{path.name}: {total} interviews assessed, {len(skipped)} lines skipped\n")
    verdicts: Counter[str] = Counter(a.verdict for a in assessments)
    print("Verdicts")
    for verdict in VERDICTS:
        share = verdicts[verdict] / total if total else 0.0
        print(f"  {verdict:<14} {verdicts[verdict]:>3}  {share:>4.0%}")
    print()
    # A sign counts once per interview, however many of its signals stand.
    signs = Counter(sign for a in assessments for sign in
                    {f"{s.sign}. {s.source.title}" for s in a.signals if s.stands})
    table("Signs seen most often (interviews where the sign stands)", signs, total)
    table("Advice given most often", Counter(ad.id for a in assessments for ad in a.advice),
          total)
    if skipped:
        print("Skipped lines")
        for s in skipped:
            print(f"  line {s.line}: {s.reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
