"""A consultation driven from code: ask only what matters, then ask what would help.

Run it with ``python examples/07_consultation.py``. The candidate's answers come from a
dictionary here (a web page or a chat would ask a person instead); a question the candidate
cannot answer is skipped and never asked again.
"""

from __future__ import annotations

from interview_signals import Engine, Observations

# What the candidate would answer if asked; anything missing is "I don't know".
HIDDEN: dict[str, bool | int] = {
    "interview.scheduled_minutes": 45,
    "interview.actual_minutes": 50,
    "interview.interviewer_count": 1,
    "interest.asked_if_interested": True,
    "job_specifics.deep_dive": False,
    "thank_you.note_sent": False,
}


def main() -> None:
    engine = Engine.default()
    known: dict[str, bool | int] = {}
    skipped: set[str] = set()
    while True:
        consultation = engine.consult(Observations.from_values(known), skipped=skipped)
        if not consultation.questions:
            break
        question = consultation.questions[0]
        answer = HIDDEN.get(question.path)
        print(f"Q: {question.question}  A: {'(skipped)' if answer is None else answer}")
        if answer is None:
            skipped.add(question.path)
        else:
            known[question.path] = answer
    verdict = consultation.assessment.verdict
    state = "settled" if consultation.settled else "not settled"
    print(f"Verdict {verdict} ({state}) after {len(known) + len(skipped)} questions")
    print("Still reachable: " + ", ".join(consultation.reachable))
    options = consultation.assessment.what_if(limit=3)
    if not options.possible:
        print("Nothing the candidate could still find out or do would raise it.")
    for option in options:
        changes = ", ".join(f"{c.kind} {c.path} = {c.value}" for c in option.changes)
        print(f"What if: {changes} -> {option.verdict}")


if __name__ == "__main__":
    main()
