"""An ``Assessment`` as text, markdown or JSON: a ``{format: renderer}`` table.

Neighbours: ``Assessment.render`` and the command line call ``render``. The default views are
for the candidate (plain sentences, questions for what is unknown; no field paths, rule ids,
strengths or trace); ``detail=True`` adds what a coach or developer reads. Every word comes
from the texts of the assessment's language (``assessment.*``, ``detail.*``, ``answer.*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Literal, Protocol, TypeAlias

from .._errors import ArgumentError
from .._observations import VOCABULARY, Value, open_need
from .._quoting import describe
from .._rulebook import DEFAULT_PACK
from .._texts import Texts
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

def render(assessment: Readable, format: str, *, detail: bool = False,
           texts: Texts) -> str:
    """Render in one of ``FORMATS``, framed in ``texts``' language; raise
    ``ArgumentError`` for any other format name."""
    renderer = RENDERERS.get(format) if isinstance(format, str) else None
    if renderer is None:
        raise ArgumentError(f"format: expected one of {', '.join(RENDERERS)}, "
                            f"got {describe(format)}")
    return renderer(assessment, detail, texts)


def strength_text(band: Band | None, texts: Texts) -> str:
    """How strongly the signs point the candidate's way, in the rulebook's words, with what
    that is not; empty with no band (nothing points their way, and the summary says so)."""
    if band is None:
        return ""
    return f"{texts('assessment.strength', words=band.words)} {texts('assessment.strength_note')}"


def answer_text(path: str, value: Value | None, texts: Texts) -> str:
    """A recorded answer in words: ``yes``, ``no``, ``70 minutes``, ``warm``."""
    spec = VOCABULARY[path]
    if value is None:
        return texts("answer.unknown")
    if spec.kind == "bool":
        return texts("answer.yes") if value else texts("answer.no")
    if spec.kind == "choice":
        return texts.lower(texts.choice(path, value))
    if spec.unit:
        return texts.count(f"unit.{spec.unit}.count", float(value))
    return texts.number(float(value))


def _recorded(paths: tuple[str, ...], values: dict[str, Value], texts: Texts) -> str:
    return "; ".join(texts("answer.recorded", label=texts.lower(texts.label(p)),
                           answer=answer_text(p, values.get(p), texts))
                     for p in paths if p in values)


def _flat(a: Readable) -> dict[str, Value]:
    return {f"{g}.{n}": v for g, fields in a.observations.items() for n, v in fields.items()}


def _source(s: Signal, texts: Texts) -> str:
    # The JSON's title is in the assessment's language; the article's own title is the
    # English one, which a translation may show beside it ({original}).
    return texts("assessment.source", sign=s.source.sign, title=s.source.title,
                 original=texts.original(f"sign.{s.source.sign}") or s.source.title)


def _questions(a: Readable, values: dict[str, Value], texts: Texts) -> list[str]:
    """The questions of the missing fields, each asked only once what it depends on is
    known: while that is unknown, its own question is asked instead (whether you sent a
    note comes before whether anyone replied to it)."""
    paths = [open_need(p, values) or p for m in a.missing for p in m.fields]
    return [texts.question(p) for p in dict.fromkeys(paths)]


def _candidate_lines(a: Readable, bullet: str, strong: Callable[[str], str],
                     texts: Texts, *, missing_heading: str = "assessment.missing"
                     ) -> list[str]:
    values = _flat(a)
    lines = [texts("assessment.reads", verdict=strong(a.verdict_title)), "", a.summary]
    strength = strength_text(a.band, texts)
    if strength:  # never a number: it would read as the odds of an offer, or a grade
        lines += ["", strength]
    standing = [s for s in a.signals if s.stands]
    against = [s for s in a.signals if s.strength < 0]
    for heading, group in (("assessment.for", standing), ("assessment.against", against)):
        if not group:
            continue
        lines += ["", texts(heading)]
        for s in group:
            lines += _signal_lines(s, values, bullet, strong, texts)
    if a.advice:
        lines += ["", texts("assessment.advice")]
        lines += [f"{bullet}{ad.text}" for ad in a.advice]
    questions = _questions(a, values, texts)
    if questions:
        lines += ["", texts(missing_heading)]
        lines += [f"{bullet}{q}" for q in questions]
    return lines


def _signal_lines(s: Signal, values: dict[str, Value], bullet: str,
                  strong: Callable[[str], str], texts: Texts) -> list[str]:
    """One signal for the candidate: its title and source, why it counts, its qualifiers,
    and what was recorded that it stands on."""
    lines = [f"{bullet}{strong(s.title)} ({_source(s, texts)})", f"    {s.explanation}"]
    lines += [f"    {q.explanation}" for q in s.qualifiers]
    paths = tuple(dict.fromkeys([*s.because, *(p for q in s.qualifiers for p in q.because)]))
    recorded = _recorded(paths, values, texts)
    if recorded:
        lines.append(f"    {texts('assessment.you_recorded', answers=recorded)}")
    return lines


def _pack(pack: str, texts: Texts) -> str:
    """Which pack a rule came from, said only when it is not the default rulebook."""
    return "" if pack == DEFAULT_PACK else texts("detail.pack", pack=pack)


def _literal(value: object, texts: Texts) -> str:
    """A matched value as it reads in the JSON vocabulary: true, 45, "warm", unknown."""
    return texts("detail.unknown") if value is None else json.dumps(value)


def _matched(f: Firing, texts: Texts) -> str:
    return "; ".join([f"{p} = {_literal(v, texts)}" for p, v in f.matched_observations]
                     + [f"{k} {i}" for k, i in f.matched_facts])


def _detail_lines(a: Readable, code: Callable[[str], str], texts: Texts) -> list[str]:
    band = texts("detail.no_band") if a.band is None else code(a.band.id)
    nothing = texts("detail.nothing_recorded")
    lines = ["", texts("detail.heading"),
             texts("detail.verdict", verdict=code(a.verdict),
                   confidence=f"{rounded(a.confidence):.4f}", band=band)]
    for s in a.signals:
        lines.append("  " + texts("detail.signal", id=code(s.id), sign=s.sign,
                                  pack=_pack(s.pack, texts),
                                  strength=f"{rounded(s.strength):+.4f}",
                                  base=f"{rounded(s.base_strength):+.4f}",
                                  because=", ".join(map(code, s.because)) or nothing))
        for q in s.qualifiers:
            lines.append("    " + texts("detail.qualifier", effect=q.effect,
                                        amount=f"{q.amount:g}", id=code(q.id),
                                        pack=_pack(q.pack, texts),
                                        because=", ".join(map(code, q.because))))
    for ad in a.advice:
        lines.append("  " + texts("detail.advice", id=code(ad.id), sign=ad.sign,
                                  pack=_pack(ad.pack, texts),
                                  because=", ".join(map(code, ad.because)) or nothing))
    for m in a.missing:
        lines.append("  " + texts("detail.missing", signal=code(m.signal),
                                  fields=", ".join(map(code, m.fields))))
    lines.append("  " + texts.count("detail.trace", len(a.trace)))
    for f in a.trace:
        made = ", ".join(f"{k} {i}" for k, i in f.asserted) or texts("detail.already_concluded")
        lines.append(f"    {f.step}. {code(f.rule)}: {_matched(f, texts)} -> {made}")
    return lines


def candidate_text(a: Readable, texts: Texts, *, settled: bool = False) -> str:
    """The candidate's text; ``settled``: what is still open would not change the reading
    (the consultation knows), so it is headed as things to note, not to answer."""
    heading = "assessment.missing_settled" if settled else "assessment.missing"
    return "\n".join(_candidate_lines(a, "  - ", str, texts, missing_heading=heading)) + "\n"


def _text(a: Readable, detail: bool, texts: Texts) -> str:
    lines = _candidate_lines(a, "  - ", str, texts)
    if detail:
        lines += _detail_lines(a, str, texts)
    return "\n".join(lines) + "\n"


def _markdown(a: Readable, detail: bool, texts: Texts) -> str:
    lines = _candidate_lines(a, "- ", lambda t: f"**{t}**", texts)
    lines[0] = "# " + lines[0]
    headings = {texts(k) for k in ("assessment.for", "assessment.against",
                                   "assessment.advice", "assessment.missing",
                                   "detail.heading")}
    lines = [f"## {line}" if line in headings else line for line in lines]
    if detail:
        lines += _detail_lines(a, lambda t: f"`{t}`", texts)
    return "\n".join(lines) + "\n"


def _json(a: Readable, detail: bool, texts: Texts) -> str:
    return a.to_json()


RENDERERS: dict[str, Callable[[Readable, bool, Texts], str]] = {
    "text": _text, "markdown": _markdown, "json": _json}
FORMATS: tuple[str, ...] = tuple(RENDERERS)
