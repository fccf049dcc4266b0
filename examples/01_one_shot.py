"""One interview, one call: ``assess`` a dict of observations and print the text rendering.

Shows the one-shot API: observations in the JSON vocabulary (every field optional; what you
leave out is unknown, not false) and the text a candidate reads: the verdict in words, what
points their way and why, advice, and what is still open, asked as questions.

Run from any folder::

    python examples/01_one_shot.py
"""

from __future__ import annotations

from interview_signals import assess

# What a candidate noted down on the way home.
OBSERVATIONS: dict[str, dict[str, object]] = {
    "interview": {"scheduled_minutes": 45, "actual_minutes": 65, "interviewer_count": 1},
    "body_language": {"engaged": True, "nods": True},
    "next_steps": {"invited_to_next_round": True, "scheduled_on_the_spot": True},
    "job_specifics": {"overview_given": True},
    "thank_you": {"note_sent": True},
}


def main() -> None:
    result = assess(OBSERVATIONS)
    print(result.render("text"), end="")


if __name__ == "__main__":
    main()
