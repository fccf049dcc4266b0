"""The consultation and the what-if in plain words, for the terminal: how the reading was
reached, and the smallest changes that would improve it.

Neighbours: ``_cli.ask`` prints these; ``_assessment.render`` words the assessment itself.
"""

from __future__ import annotations

from collections.abc import Mapping

from .._assessment import Search, WhatIfs, answer_text, strength_text
from .._observations import VOCABULARY, Value
from .results import Consultation, either, said


def how_text(c: Consultation, *, titles: Mapping[str, str], detail: bool = False) -> str:
    """How the current reading was reached: the signals standing (and against) and what
    could still change it; ``titles`` words each verdict (``verdict_titles(rulebook)``)."""
    a = c.assessment
    first = f"Right now the reading is {a.verdict_title.lower()}."
    if detail:
        first += f" (confidence {a.confidence:.4f})"
    strength = strength_text(a.band)
    lines = [f"{first} {strength}" if strength else first]
    for s in a.signals:
        if s.strength > 0:
            lines.append(f"- {s.title}: {s.explanation}")
            lines += [f"  {q.explanation}" for q in s.qualifiers]
        else:
            lines.append(f"- Against: {s.title}: {s.explanation}")
        if detail:
            lines.append(f"  rule {s.rule}, because {', '.join(s.because)}")
    return "\n".join(lines + outlook_lines(c, titles=titles))


def outlook_lines(c: Consultation, *, titles: Mapping[str, str]) -> list[str]:
    """Where the reading could still go, and which answers already settle it: what the
    assessment's own text does not say; ``titles`` words each verdict."""
    lines = []
    if len(c.reachable) > 1:
        lines.append("It could still end up " + either(said(c.reachable, titles)) + ".")
    if c.sufficient_reason:
        labels = ", ".join(VOCABULARY[p].label for p in c.sufficient_reason)
        lines.append(f"Your answers on these already settle it, whatever the rest: "
                     f"{labels}.")
    if not c.search.complete:
        lines.append(search_note(c.search))
    return lines


def search_note(search: Search) -> str:
    """What a search cut short did not finish, in plain words (empty when complete)."""
    if search.complete:
        return ""
    return "Note: the search stopped early. " + " ".join(search.unfinished)


def _value_words(path: str, value: Value) -> str:
    return answer_text(path, value)


def what_if_text(result: WhatIfs, *, titles: Mapping[str, str], detail: bool = False) -> str:
    """The what-if in plain words; ``titles`` words each verdict."""
    (current,) = said([result.current], titles)
    if not result.goal:
        return (f"The reading is {current}, the top reading there is (still not an "
                "offer).\n")
    goal = either(said(result.goal, titles))
    note = "" if result.search.complete else search_note(result.search) + "\n"
    if result.possible is None:
        return f"The reading is {current}. {note}"
    if not result.possible:
        kinds = " or ".join(_KIND_WORDS[k] for k in result.kinds)
        return (f"The reading is {current}. Nothing you could {kinds} would make it "
                f"{goal}: every possible answer was checked.\n")
    if not result.options:
        if not result.search.complete:
            return f"The reading is {current}. No change found yet. {note}"
        return f"The reading is {current} already.\n"
    lines = [f"The reading is {current}. What would make it {goal}:"]
    for option in result.options:
        parts = []
        for c in option.changes:
            label = VOCABULARY[c.path].label
            words = f"{label}: {_value_words(c.path, c.value)} ({_KIND_NOTES[c.kind]})"
            parts.append(words + (f" [{c.path}]" if detail else ""))
        # The verdict says it for the candidate (no number: it reads as odds); a coach
        # sees the confidence and its band.
        band = "none" if option.band is None else option.band.id
        more = f" (confidence {option.confidence:.4f}, band {band})" if detail else ""
        lines.append(f"- {'; and '.join(parts)} -> {said([option.verdict], titles)[0]}{more}")
    return "\n".join(lines) + "\n" + note


_KIND_WORDS = {"find_out": "find out", "do": "do", "had": "had it been"}
_KIND_NOTES = {"find_out": "not recorded yet", "do": "you can still do this",
               "had": "had it been so"}

