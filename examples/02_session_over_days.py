"""An interview followed over days with a ``Session``, saved to a file and picked up again.

Shows the incremental API: the first notes go in right after the interview; the session is
saved as JSON (here to a file in a temporary folder, in real life a database or a user's
profile) and restored two days later, when the reply to the thank-you note arrives. Each
step prints the verdict, the signals and the evidence still missing, so you can see how
the reply changes them.

Run from any folder::

    python examples/02_session_over_days.py
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from interview_signals import Assessment, Engine

FIRST_NOTES: dict[str, dict[str, object]] = {
    "interview": {"scheduled_minutes": 60, "actual_minutes": 80, "interviewer_count": 2},
    "body_language": {"engaged": True, "smiles": True},
    "interest": {"asked_where_else_interviewing": True},
    "job_specifics": {"overview_given": True, "deep_dive": False},
}
EVENING_NOTES: dict[str, dict[str, object]] = {"thank_you": {"note_sent": True}}
THE_REPLY: dict[str, dict[str, object]] = {
    "thank_you": {"response_received": True, "response_hours": 30,
                  "references_specifics": True, "tone": "warm"},
}


def show(title: str, result: Assessment) -> None:
    print(f"== {title}")
    print(f"verdict: {result.verdict} (confidence {result.confidence:.2f})")
    for signal in result.signals:
        print(f"  sign {signal.sign}  {signal.title:<40} {signal.strength:+.2f}")
    missing = [field for m in result.missing for field in m.fields]
    print(f"still unknown: {len(missing)} fields, e.g. {', '.join(missing[:3]) or 'none'}")
    print(f"advice: {', '.join(a.id for a in result.advice) or 'none'}")
    print()


def main() -> None:
    engine = Engine.default()
    with tempfile.TemporaryDirectory() as folder:
        saved = Path(folder) / "interview-acme.json"

        # Day 0, on the way home.
        session = engine.session()
        session.observe(FIRST_NOTES)
        session.observe(EVENING_NOTES)
        before = session.assessment()
        show("Day 0: right after the interview", before)
        saved.write_text(json.dumps(session.to_dict(), indent=2), encoding="utf-8")
        noted = session.observations
        session.close()

        # Day 2: the app starts again, reads the file, and the reply comes in.
        with engine.session(json.loads(saved.read_text(encoding="utf-8"))) as session:
            same = "the same" if session.observations == noted else "NOT the same"
            print(f"restored from {saved.name}: {len(noted.values())} observations, {same} "
                  "as saved\n")
            session.observe(THE_REPLY)
            after = session.assessment()
    show("Day 2: the thank-you note got a reply", after)

    print(f"verdict: {before.verdict} -> {after.verdict}; confidence "
          f"{before.confidence:.2f} -> {after.confidence:.2f}")
    gone = {m.signal for m in before.missing} - {m.signal for m in after.missing}
    print(f"no longer missing: {', '.join(sorted(gone)) or 'nothing'}")


if __name__ == "__main__":
    main()
