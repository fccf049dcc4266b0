"""Reading what the candidate reads as a person would, without pinning sentences: whether a
phrase is said (not negated), which phrases two texts share, and the candidate's own view of
an assessment."""

from __future__ import annotations

import re
from collections.abc import Iterable

from interview_signals import Assessment

_NEGATIONS = frozenset({"not", "no", "never", "nothing", "none", "neither", "nor", "without",
                        "cannot", "isn't", "aren't", "doesn't", "don't", "didn't", "won't"})
_WORD = re.compile(r"[a-z0-9]+(?:['\u2019][a-z]+)?")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("\u2019", "'"))


def says(text: str, phrase: str) -> bool:
    """Whether ``text`` says ``phrase`` outright: some occurrence of it, within one sentence,
    has no negation among the four words before it ("is not an offer" does not say "an
    offer is certain"; "adds nothing ... encouraging" does not call it encouraging)."""
    wanted = _words(phrase)
    for sentence in re.split(r"(?<=[.!?:;])\s+", text):
        words = _words(sentence)
        for i in range(len(words) - len(wanted) + 1):
            if words[i:i + len(wanted)] == wanted and \
                    _NEGATIONS.isdisjoint(words[max(0, i - 4):i]):
                return True
    return False


def phrases(text: str, names: Iterable[str] = (), size: int = 5) -> set[tuple[str, ...]]:
    """Every run of ``size`` words of ``text``, with each of ``names`` (signal titles, which
    a summary and an advice may both name) taken out first."""
    lowered = text.lower()
    for name in sorted(names, key=len, reverse=True):
        lowered = lowered.replace(name.lower(), " | ")
    runs: set[tuple[str, ...]] = set()
    for part in lowered.split("|"):
        words = _words(part)
        runs.update(tuple(words[i:i + size]) for i in range(len(words) - size + 1))
    return runs


def said_parts(result: Assessment) -> dict[str, str]:
    """What the candidate reads, part by part: the summary, each advice, each signal's and
    each qualifier's explanation."""
    parts = {"summary": result.summary}
    parts |= {f"advice {a.id}": a.text for a in result.advice}
    for s in result.signals:
        parts[f"signal {s.id}"] = s.explanation
        parts |= {f"qualifier {q.id}": q.explanation for q in s.qualifiers}
    return parts
