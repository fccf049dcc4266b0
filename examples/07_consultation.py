"""A consultation driven from code: ask only what matters, then ask what would help.

Run it with ``python examples/07_consultation.py``. The candidate's answers come from a
dictionary here (a web page or a chat would ask a person instead); a question the candidate
cannot answer is skipped and never asked again. A ``Session`` holds both, and
``next_question`` is the one to ask: whether a note was sent comes before how a reply read.
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
    session = engine.session()  # holds the answers and the "I don't know"s
    while True:
        consultation = session.consult()
        question = consultation.next_question  # a prerequisite first, when one is open
        if question is None:
            break
        answer = HIDDEN.get(question.path)
        print(f"Q: {question.question}  A: {'(skipped)' if answer is None else answer}")
        if answer is None:
            session.skip(question.path)
        else:
            session.observe(Observations.from_values({question.path: answer}))
    asked = len(session.observations.values()) + len(session.skipped)
    verdict = consultation.assessment.verdict
    state = "settled" if consultation.settled else "not settled"
    print(f"Verdict {verdict} ({state}) after {asked} questions")
    print("Still reachable: " + ", ".join(consultation.reachable))
    options = consultation.assessment.what_if(limit=3)
    if not options.possible:
        print("Nothing the candidate could still find out or do would raise it.")
    for option in options:
        changes = ", ".join(f"{c.kind} {c.path} = {c.value}" for c in option.changes)
        print(f"What if: {changes} -> {option.verdict}")


if __name__ == "__main__":
    main()
