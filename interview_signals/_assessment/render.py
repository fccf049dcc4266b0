"""An ``Assessment`` as text, markdown or JSON: a ``{format: renderer}`` table.

Neighbours: ``Assessment.render`` and the command line call ``render``. The default views are
for the candidate (plain sentences, questions for what is unknown; no field paths, rule ids,
strengths or trace); ``detail=True`` adds what a coach or developer reads.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Literal, Protocol, TypeAlias

from .._errors import ArgumentError
from .._observations import VOCABULARY, Value, number_text, open_need
from .._quoting import describe
from .._rulebook import DEFAULT_PACK
from .parts import Advice, Band, Firing, Missing, Signal, rounded

Format: TypeAlias = Literal["text", "markdown", "json"]


class Readable(Protocol):
    """What the renderers read of an ``_assessment.Assessment`` (which calls them), made
    by the engine or read back from JSON."""

    @property
    def verdict(self) -> str: ...
    @property
    def verdict_title(self) -> str: ...
    @property
    def confidence(self) -> float: ...
    @property
    def band(self) -> Band | None: ...
    @property
    def summary(self) -> str: ...
    @property
    def signals(self) -> tuple[Signal, ...]: ...
    @property
    def advice(self) -> tuple[Advice, ...]: ...
    @property
    def missing(self) -> tuple[Missing, ...]: ...
    @property
    def trace(self) -> tuple[Firing, ...]: ...
    @property
    def observations(self) -> dict[str, dict[str, Value]]: ...
    def to_json(self, *, indent: int | None = 2) -> str: ...

STRENGTH_HEADING = "How strongly the signs point your way"
CONFIDENCE_NOTE = "It describes the evidence you recorded, not the chance of an offer."
MISSING_HEADING = "Not recorded yet (each answer could add to the reading)"
SETTLED_MISSING_HEADING = "Other things you could note (they would not change the reading)"


def render(assessment: Readable, format: str, *, detail: bool = False) -> str:
    """Render in one of ``FORMATS``; raise ``ArgumentError`` for any other name."""
    renderer = RENDERERS.get(format) if isinstance(format, str) else None
    if renderer is None:
        raise ArgumentError(f"format: expected one of {', '.join(RENDERERS)}, "
                            f"got {describe(format)}")
    return renderer(assessment, detail)


def strength_text(band: Band | None) -> str:
    """How strongly the signs point the candidate's way, in the rulebook's words, with what
    that is not; empty with no band (nothing points their way, and the summary says so)."""
    return "" if band is None else f"{STRENGTH_HEADING}: {band.words}. {CONFIDENCE_NOTE}"


def answer_text(path: str, value: Value | None) -> str:
    """A recorded answer in words: ``yes``, ``no``, ``70 minutes``, ``warm``."""
    spec = VOCABULARY[path]
    if value is None:
        return "not known"
    if spec.kind == "bool":
        return "yes" if value else "no"
    if spec.kind == "choice":
        return spec.choice_texts.get(str(value), str(value)).lower()
    return f"{number_text(float(value))} {spec.unit}".strip()


def _recorded(paths: tuple[str, ...], values: dict[str, Value]) -> str:
    return "; ".join(f"{VOCABULARY[p].label.lower()}: {answer_text(p, values.get(p))}"
                     for p in paths if p in values)


def _flat(a: Readable) -> dict[str, Value]:
    return {f"{g}.{n}": v for g, fields in a.observations.items() for n, v in fields.items()}


def _source(s: Signal) -> str:
    return f'sign {s.source.sign} of the article, "{s.source.title}"'


def _questions(a: Readable, values: dict[str, Value]) -> list[str]:
    """The questions of the missing fields, each asked only once what it depends on is
    known: while that is unknown, its own question is asked instead (whether you sent a
    note comes before whether anyone replied to it)."""
    paths = [open_need(p, values) or p for m in a.missing for p in m.fields]
    return [VOCABULARY[p].question for p in dict.fromkeys(paths)]


def _candidate_lines(a: Readable, bullet: str, strong: Callable[[str], str]) -> list[str]:
    values = _flat(a)
    lines = [f"How your interview reads: {strong(a.verdict_title)}", "", a.summary]
    strength = strength_text(a.band)
    if strength:  # never a number: it would read as the odds of an offer, or a grade
        lines += ["", strength]
    standing = [s for s in a.signals if s.stands]
    against = [s for s in a.signals if s.strength < 0]
    for heading, group in (("What points your way", standing),
                           ("What weighs a little against you", against)):
        if not group:
            continue
        lines += ["", heading]
        for s in group:
            lines += _signal_lines(s, values, bullet, strong)
    if a.advice:
        lines += ["", "Advice"]
        lines += [f"{bullet}{ad.text}" for ad in a.advice]
    questions = _questions(a, values)
    if questions:
        lines += ["", MISSING_HEADING]
        lines += [f"{bullet}{q}" for q in questions]
    return lines


def _signal_lines(s: Signal, values: dict[str, Value], bullet: str,
                  strong: Callable[[str], str]) -> list[str]:
    """One signal for the candidate: its title and source, why it counts, its qualifiers,
    and what was recorded that it stands on."""
    lines = [f"{bullet}{strong(s.title)} ({_source(s)})", f"    {s.explanation}"]
    lines += [f"    {q.explanation}" for q in s.qualifiers]
    paths = tuple(dict.fromkeys([*s.because, *(p for q in s.qualifiers for p in q.because)]))
    recorded = _recorded(paths, values)
    if recorded:
        lines.append(f"    You recorded: {recorded}.")
    return lines


def _pack(pack: str) -> str:
    """Which pack a rule came from, said only when it is not the default rulebook."""
    return "" if pack == DEFAULT_PACK else f", pack {pack}"


def _literal(value: object) -> str:
    """A matched value as it reads in the JSON vocabulary: true, 45, "warm", unknown."""
    return "unknown" if value is None else json.dumps(value)


def _matched(f: Firing) -> str:
    return "; ".join([f"{p} = {_literal(v)}" for p, v in f.matched_observations]
                     + [f"{k} {i}" for k, i in f.matched_facts])


def _detail_lines(a: Readable, code: Callable[[str], str]) -> list[str]:
    band = "none" if a.band is None else code(a.band.id)
    lines = ["", "Detail for coaches and developers",
             f"verdict {code(a.verdict)}, confidence {rounded(a.confidence):.4f}, band {band}"]
    for s in a.signals:
        lines.append(f"  signal {code(s.id)} (sign {s.sign}{_pack(s.pack)}): strength "
                     f"{rounded(s.strength):+.4f}, base {rounded(s.base_strength):+.4f}; "
                     f"because {', '.join(map(code, s.because)) or 'nothing recorded'}")
        for q in s.qualifiers:
            lines.append(f"    {q.effect} {q.amount:g} by {code(q.id)}{_pack(q.pack)}; "
                         f"because {', '.join(map(code, q.because))}")
    for ad in a.advice:
        lines.append(f"  advice {code(ad.id)} (sign {ad.sign}{_pack(ad.pack)}); because "
                     f"{', '.join(map(code, ad.because)) or 'nothing recorded'}")
    for m in a.missing:
        lines.append(f"  missing for {code(m.signal)}: {', '.join(map(code, m.fields))}")
    lines.append(f"  trace: {len(a.trace)} rule firing{'s' if len(a.trace) != 1 else ''}")
    for f in a.trace:
        made = ", ".join(f"{k} {i}" for k, i in f.asserted) or "(already concluded)"
        lines.append(f"    {f.step}. {code(f.rule)}: {_matched(f)} -> {made}")
    return lines


def _text(a: Readable, detail: bool) -> str:
    lines = _candidate_lines(a, "  - ", str)
    if detail:
        lines += _detail_lines(a, str)
    return "\n".join(lines) + "\n"


def _markdown(a: Readable, detail: bool) -> str:
    lines = _candidate_lines(a, "- ", lambda t: f"**{t}**")
    lines[0] = "# " + lines[0]
    lines = [f"## {line}" if line in _HEADINGS else line for line in lines]
    if detail:
        lines += _detail_lines(a, lambda t: f"`{t}`")
    return "\n".join(lines) + "\n"


_HEADINGS = {"What points your way", "What weighs a little against you", "Advice",
             MISSING_HEADING,
             "Detail for coaches and developers"}


def _json(a: Readable, detail: bool) -> str:
    return a.to_json()


RENDERERS: dict[str, Callable[[Readable, bool], str]] = {
    "text": _text, "markdown": _markdown, "json": _json}
FORMATS: tuple[str, ...] = tuple(RENDERERS)
