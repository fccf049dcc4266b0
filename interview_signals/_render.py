"""An ``Assessment`` as text, markdown or JSON, for people and for other programs.

Neighbour: ``_assessment.Assessment.render`` and the command line call ``render``.
"""

from __future__ import annotations

import json
import math
from typing import TYPE_CHECKING

from ._ruletypes import DEFAULT_PACK

if TYPE_CHECKING:
    from ._assessment import Assessment, Firing

FORMATS = ("text", "markdown", "json")


def render(assessment: Assessment, format: str) -> str:
    """Render in one of ``FORMATS``; raise ``ValueError`` for any other name."""
    if format == "json":
        return assessment.to_json()
    if format == "text":
        return _text(assessment)
    if format == "markdown":
        return _markdown(assessment)
    raise ValueError(f"format: expected one of {', '.join(FORMATS)}, got {format!r}")


def _r(x: float) -> float:
    """Numbers are shown from the value ``to_dict`` writes, so a rendering read back from
    JSON (``Assessment.from_dict``) is the same text."""
    return round(x, 4)


def _pct(x: float) -> str:
    # Rounded down and capped: "100%" would read as a certainty no interview gives.
    return f"{min(math.floor(_r(x) * 100), 99)}%"


def _pack(pack: str) -> str:
    """Which pack a rule came from, said only when it is not the default rulebook."""
    return "" if pack == DEFAULT_PACK else f", pack {pack}"


def _text(a: Assessment) -> str:
    lines = [f"Verdict: {a.verdict} (confidence {_pct(a.confidence)})", "", a.summary, ""]
    lines.append("Signals:" if a.signals else "Signals: none established")
    for s in a.signals:
        change = "" if s.strength == s.base_strength else f", from {_r(s.base_strength):+.2f}"
        lines.append(f"  [sign {s.sign}] {s.title}: strength {_r(s.strength):+.2f}{change}")
        lines.append(f"      {s.explanation}")
        lines.append(f"      because: {', '.join(s.because)}  (rule {s.rule}{_pack(s.pack)}, "
                     f"{s.source.title!r})")
        for q in s.qualifiers:
            lines.append(f"      {q.effect} {q.amount:g} ({q.id}{_pack(q.pack)}): "
                         f"{q.explanation}")
    if a.advice:
        lines += ["", "Advice:"]
        for ad in a.advice:
            lines.append(f"  - {ad.text}")
            why = ", ".join(ad.because) or "nothing recorded"
            lines.append(f"      because: {why}  (rule {ad.rule}{_pack(ad.pack)})")
    if a.missing:
        lines += ["", "Still unknown (recording these would help):"]
        for m in a.missing:
            lines.append(f"  [sign {m.sign}] {m.signal}: {', '.join(m.fields)}")
    lines += ["", f"Trace: {len(a.trace)} rule firing{'s' if len(a.trace) != 1 else ''}"]
    for f in a.trace:
        made = ", ".join(f"{k} {i}" for k, i in f.asserted) or "(already concluded)"
        lines.append(f"  {f.step}. {f.rule}: {_matched(f)} -> {made}")
    return "\n".join(lines) + "\n"


def _literal(value: object) -> str:
    """A matched value as it reads in the JSON vocabulary: true, 45, "warm", unknown."""
    return "unknown" if value is None else json.dumps(value)


def _matched(f: Firing) -> str:
    return "; ".join([f"{p} = {_literal(v)}" for p, v in f.matched_observations]
                     + [f"{k} {i}" for k, i in f.matched_facts])


def _markdown(a: Assessment) -> str:
    lines = [f"# Interview assessment: **{a.verdict}**", "",
             f"Confidence: **{_pct(a.confidence)}**", "", a.summary, "", "## Signals", ""]
    if not a.signals:
        lines.append("No signal established.")
    for s in a.signals:
        lines.append(f"- **{s.title}** (sign {s.sign}, strength {_r(s.strength):+.2f}, "
                     f"base {_r(s.base_strength):+.2f}): {s.explanation}")
        lines.append(f"  - because: {', '.join(f'`{p}`' for p in s.because)}; rule "
                     f"`{s.rule}`{_pack(s.pack)}; source: sign {s.source.sign}, "
                     f"*{s.source.title}*")
        for q in s.qualifiers:
            lines.append(f"  - {q.effect} {q.amount:g} (`{q.id}`{_pack(q.pack)}): "
                         f"{q.explanation}")
    if a.advice:
        lines += ["", "## Advice", ""]
        lines += [f"- {ad.text} (rule `{ad.rule}`{_pack(ad.pack)})" for ad in a.advice]
    if a.missing:
        lines += ["", "## Still unknown", ""]
        lines += [f"- sign {m.sign}, `{m.signal}`: {', '.join(f'`{p}`' for p in m.fields)}"
                  for m in a.missing]
    lines += ["", "## Trace", "", "| step | rule | matched | asserted |",
              "| --- | --- | --- | --- |"]
    for f in a.trace:
        matched = _matched(f)
        made = ", ".join(f"{k} {i}" for k, i in f.asserted) or "(already concluded)"
        lines.append(f"| {f.step} | `{f.engine_rule}` | {matched} | {made} |")
    return "\n".join(lines) + "\n"
