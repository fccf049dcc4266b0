"""JSON in, JSON out: how a tool written in another language uses interview-signals.

Shows the JSON contract: one observations object on stdin, the assessment's JSON (stable
ids, every conclusion with the observations and rule behind it) on stdout, exit status 0.
Bad input gives ``{"error": {...}}`` on stdout, naming the field path when there is one,
and exit status 2, so the caller never has to parse a traceback. With nothing piped in,
a built-in sample is assessed.

Run from any folder::

    python examples/04_json_for_other_languages.py
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


def read_input() -> str:
    """What was piped in, or the sample when nothing was (a terminal, or an empty pipe)."""
    if sys.stdin is None or sys.stdin.isatty():
        return SAMPLE
    text = sys.stdin.read()
    return text if text.strip() else SAMPLE


def fail(error: dict[str, object]) -> int:
    print(json.dumps({"error": error}, indent=2))
    return 2


def main() -> int:
    try:
        observations = json.loads(read_input())
    except json.JSONDecodeError as exc:
        return fail({"message": f"not valid JSON: {exc.msg}", "line": exc.lineno,
                     "column": exc.colno})
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
