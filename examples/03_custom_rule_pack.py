"""A career coach's rule pack on top of the default rulebook, and the difference it makes.

Shows ``Engine.from_paths``: the pack in ``examples/packs/panel_coach/`` is for clients who
interview at firms where panels are the norm. It tunes two default rules by id (a long
interview counts a little more, and a reply within two days counts as quick) and adds rules
of its own over the standard vocabulary (a boost when a whole panel stays late, and advice
to thank every panellist). The same interviews are assessed with and without it, side by
side, and each changed signal says which pack its rules came from.

Check the pack the way a coach would before shipping it::

    interview-signals check-rules examples/packs/panel_coach

Run from any folder::

    python examples/03_custom_rule_pack.py
"""

from __future__ import annotations

from pathlib import Path

from interview_signals import Assessment, Engine

PACK = Path(__file__).resolve().parent / "packs" / "panel_coach"

INTERVIEWS: dict[str, dict[str, dict[str, object]]] = {
    "panel of four ran 30 min over": {
        "interview": {"scheduled_minutes": 45, "actual_minutes": 75, "interviewer_count": 4},
        "body_language": {"engaged": True, "nods": True},
        "thank_you": {"note_sent": True, "response_received": True, "response_hours": 36},
    },
    "one-to-one ran long, fast reply": {
        "interview": {"scheduled_minutes": 30, "actual_minutes": 50, "interviewer_count": 1},
        "thank_you": {"note_sent": True, "response_received": True, "response_hours": 6},
    },
    "panel of three, on time, no note": {
        "interview": {"scheduled_minutes": 60, "actual_minutes": 60, "interviewer_count": 3},
        "body_language": {"engaged": True},
    },
    "invited back after a short panel": {
        "interview": {"scheduled_minutes": 60, "actual_minutes": 40, "interviewer_count": 3},
        "next_steps": {"invited_to_next_round": True},
    },
}


def reading(result: Assessment) -> str:
    return f"{result.verdict} {result.confidence:.2f}"


def describe_pack(engine: Engine) -> None:
    rules = [r for r in engine.rulebook.rules if r.pack != "default"]
    print(f"Pack {rules[0].pack!r} (examples/packs/{PACK.name}/):")
    defaults = Engine.default().rulebook.params
    for name, value in engine.rulebook.params.items():
        if defaults.get(name) != value:
            print(f"  parameter {name}: {defaults.get(name):g} -> {value:g}")
    for rule in rules:
        what = f"overrides the {rule.overrides_pack} rule" if rule.overrides else "new"
        effect = "advice only" if rule.kind == "advice" else rule.describe_effect()
        print(f"  {rule.id:<22} {rule.kind:<9} sign {rule.sign}  {what}: {effect}")
        print(f"      when {rule.describe_condition()}")
    print()


def compare(default: Engine, coached: Engine) -> None:
    print(f"{'interview':<34} {'default':<16} with the pack")
    for name, observations in INTERVIEWS.items():
        before, after = default.assess(observations), coached.assess(observations)
        print(f"{name:<34} {reading(before):<16} {reading(after)}")
    print()


def explain(name: str, default: Engine, coached: Engine) -> None:
    """Each signal whose strength the pack changed, with the rules and packs behind it."""
    before = default.assess(INTERVIEWS[name])
    after = coached.assess(INTERVIEWS[name])
    print(f"What changed for {name!r}:")
    for signal in after.signals:
        old = before.signal(signal.id)
        if old is not None and old.strength == signal.strength:
            continue
        was = f"{old.strength:+.2f}" if old else "absent"
        print(f"  {signal.title}: {was} -> {signal.strength:+.2f} "
              f"(base {signal.base_strength:+.2f} from pack {signal.pack})")
        for q in signal.qualifiers:
            print(f"    {q.effect} {q.amount:g} by {q.id} (pack {q.pack})")
    extra = {a.id for a in after.advice} - {a.id for a in before.advice}
    if extra:
        print(f"  new advice: {', '.join(sorted(extra))}")


def main() -> None:
    default = Engine.default()
    coached = Engine.from_paths(PACK)
    describe_pack(coached)
    compare(default, coached)
    explain("panel of four ran 30 min over", default, coached)
    print()
    explain("panel of three, on time, no note", default, coached)


if __name__ == "__main__":
    main()
