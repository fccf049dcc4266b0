"""The consultation and the what-if in plain words, for the terminal: how the reading was
reached, and the smallest changes that would improve it.

Neighbours: ``_cli.ask`` prints these; ``_assessment.render`` words the assessment itself.
Every word comes from the texts of one language (``consultation.*``, ``what_if.*``,
``search.*``).
"""

from __future__ import annotations

from .._assessment import Search, WhatIfs, answer_text, strength_text
from .._texts import Texts
from .results import Consultation, either, said


def how_text(c: Consultation, *, texts: Texts, detail: bool = False) -> str:
    """How the current reading was reached: the signals standing (and against) and what
    could still change it."""
    a = c.assessment
    first = texts("consultation.now", verdict=texts.lower(a.verdict_title))
    if detail:
        first += " " + texts("consultation.confidence", confidence=f"{a.confidence:.4f}")
    strength = strength_text(a.band, texts)
    lines = [f"{first} {strength}" if strength else first]
    for s in a.signals:
        key = "consultation.standing" if s.strength > 0 else "consultation.against"
        lines.append(texts(key, title=s.title, explanation=s.explanation))
        if s.strength > 0:
            lines += [texts("consultation.qualifier", explanation=q.explanation)
                      for q in s.qualifiers]
        if detail:
            lines.append(texts("consultation.rule", rule=s.rule, because=", ".join(s.because)))
    return "\n".join(lines + outlook_lines(c, texts=texts))


def outlook_lines(c: Consultation, *, texts: Texts) -> list[str]:
    """Where the reading could still go, and which answers already settle it: what the
    assessment's own text does not say."""
    lines = []
    if len(c.reachable) > 1:
        lines.append(texts("consultation.could_end",
                           verdicts=either(said(c.reachable, texts), texts)))
    if c.sufficient_reason:
        labels = ", ".join(texts.label(p) for p in c.sufficient_reason)
        lines.append(texts("consultation.settled_by", labels=labels))
    if not c.search.complete:
        lines.append(search_note(c.search, texts))
    return lines


def search_note(search: Search, texts: Texts) -> str:
    """What a search cut short did not finish, in plain words (empty when complete)."""
    if search.complete:
        return ""
    return texts("search.note", unfinished=" ".join(search.unfinished))


def what_if_text(result: WhatIfs, *, texts: Texts, detail: bool = False) -> str:
    """The what-if in plain words."""
    (current,) = said([result.current], texts)
    if not result.goal:
        return texts("what_if.top", verdict=current) + "\n"
    goal = either(said(result.goal, texts), texts)
    note = "" if result.search.complete else search_note(result.search, texts) + "\n"
    if result.possible is None:
        return texts("what_if.undecided", verdict=current, note=note)
    if not result.possible:
        kinds = texts("what_if.or").join(texts(f"what_if.kind.{k}") for k in result.kinds)
        return texts("what_if.impossible", verdict=current, kinds=kinds, goal=goal) + "\n"
    if not result.options:
        if not result.search.complete:
            return texts("what_if.none_yet", verdict=current, note=note)
        return texts("what_if.already", verdict=current) + "\n"
    lines = [texts("what_if.intro", verdict=current, goal=goal)]
    for option in result.options:
        parts = []
        for c in option.changes:
            words = texts("what_if.change", label=texts.label(c.path),
                          value=answer_text(c.path, c.value, texts),
                          note=texts(f"what_if.note.{c.kind}"))
            parts.append(words + (f" [{c.path}]" if detail else ""))
        # The verdict says it for the candidate (no number: it reads as odds); a coach
        # sees the confidence and its band.
        band = texts("detail.no_band") if option.band is None else option.band.id
        more = texts("what_if.detail", confidence=f"{option.confidence:.4f}", band=band) \
            if detail else ""
        lines.append(texts("what_if.option", changes=texts("what_if.and").join(parts),
                           verdict=said([option.verdict], texts)[0]) + more)
    return "\n".join(lines) + "\n" + note
