"""JSON in, JSON out: how a tool written in another language uses interview-signals.

Shows the JSON contract: one observations object on stdin, the assessment's JSON (stable
ids, every conclusion with the observations and rule behind it) on stdout, exit status 0.
Bad input gives ``{"error": {...}}`` on stdout, naming the field path when there is one,
and exit status 2, so the caller never has to parse a traceback. An empty input is bad
input too: a caller whose request body went missing gets an error, never an answer about
data it did not send. Only when stdin is a terminal (run by hand, nothing piped in) is a
built-in sample assessed.

Run from any folder::

    python examples/04_json_for_other_languages.py          # the built-in sample
    echo '{"tour": {"office_tour": true}}' | python examples/04_json_for_other_languages.py

From another language, start it as a process and talk JSON, e.g. in Node.js::

    const { execFileSync } = require("node:child_process");
    const out = execFileSync("python", ["04_json_for_other_languages.py"],
                             { input: JSON.stringify(observations) });
    const assessment = JSON.parse(out);   // assessment.verdict, assessment.signals, ...

The ``interview-signals assess - --format json`` command does the same without this script.
"""

from __future__ import annotations

import json
import sys

from interview_signals import ObservationError, assess

SAMPLE = """{
  "interview": {"scheduled_minutes": 30, "actual_minutes": 45},
  "interest": {"asked_if_interested": true},
  "tour": {"office_tour": true, "people_called_in": true},
  "thank_you": {"note_sent": true, "response_received": false}
}"""


def read_input() -> str | None:
    """What was piped in; the sample when stdin is a terminal; ``None`` when there is no stdin
    at all."""
    if sys.stdin is None:
        return None
    if sys.stdin.isatty():
        return SAMPLE
    return sys.stdin.buffer.read().decode("utf-8-sig")  # UTF-8, with or without a BOM


def fail(error: dict[str, object]) -> int:
    print(json.dumps({"error": error}, indent=2))
    return 2


def main() -> int:
    try:
        text = read_input()
    except UnicodeDecodeError as exc:
        return fail({"message": f"not UTF-8 text: {exc.reason} at byte {exc.start}"})
    if text is None or not text.strip():
        return fail({"message": "no input: expected a JSON object of observations on stdin"})
    try:
        observations = json.loads(text)
    except json.JSONDecodeError as exc:
        return fail({"message": f"not valid JSON: {exc.msg}", "line": exc.lineno,
                     "column": exc.colno})
    except RecursionError:
        return fail({"message": "JSON nested too deeply to read"})
    except ValueError:  # Python refuses integers of more than 4300 digits
        return fail({"message": "a number too long to read"})
    if not isinstance(observations, dict):
        return fail({"message": "expected a JSON object of observation groups"})
    try:
        result = assess(observations)
    except ObservationError as exc:
        return fail({"message": str(exc), "path": exc.path, "expected": exc.expected,
                     "got": exc.got})
    print(result.to_json(indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
