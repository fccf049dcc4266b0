"""Check a language's texts against the English ones: every key known, of the same kind,
with the same placeholders, each plural with the language's categories; and list what the
language leaves untranslated.

Neighbours: the rulebook's ``load`` runs ``language_problems`` on every language its packs
declare (and on a shipped translation when first used); ``check-rules`` prints
``untranslated`` too. Problems name the file, the line and the key.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping

from .._errors import RuleProblem
from .model import Entry, Language, Plural, kind_of, placeholders

EXTRA_PLACEHOLDERS: Mapping[str, frozenset[str]] = {
    "assessment.source": frozenset({"original"}),
    "consultation.bears_on_sign": frozenset({"original"}),
}
"""Placeholders a translation may use that the English text does not: ``{original}``, the
article's own (English) title of a sign beside a translated one."""

_ID_AREAS = ("rule.", "verdict.", "band.", "sign.", "summary.", "case.")
"""Keys that name a part of the rulebook: a pack's rulebook may not have it."""


def language_problems(base: Mapping[str, Entry], language: Language, *,
                      categories: frozenset[str] | None,
                      lenient: Callable[[Entry], bool] = lambda e: False
                      ) -> list[RuleProblem]:
    """Every problem of ``language``'s texts against the English ``base``.

    ``categories`` are the language's plural categories (None: not checked, say when its
    forms are unknown). A key of a rule, verdict, band, sign or summary text the rulebook
    lacks is a problem unless ``lenient(entry)`` (a shipped translation names every rule
    of the default rulebook, which a pack used alone may not have).
    """
    problems: list[RuleProblem] = []
    for key, entry in language.entries.items():
        original = base.get(key)
        if original is None:
            if not (key.startswith(_ID_AREAS) and lenient(entry)):
                problems.append(_problem(entry, _unknown(key, base)))
            continue
        reason = _mismatch(key, original.value, entry, categories)
        if reason:
            problems.append(_problem(entry, reason))
    return problems


def untranslated(base: Mapping[str, Entry], language: Language) -> list[Entry]:
    """The English texts ``language`` gives no text for, in the English texts' order."""
    return [entry for key, entry in base.items() if key not in language.entries]


def _problem(entry: Entry, reason: str) -> RuleProblem:
    return RuleProblem(file=entry.file, rule_id=entry.key, reason=reason, line=entry.line)


def _unknown(key: str, base: Mapping[str, Entry]) -> str:
    if key.startswith(_ID_AREAS):
        what = key.split(".", 1)[0]
        reason = f"no text of this name: the rulebook has no such {what}, or no such text"
    else:
        reason = "no text of this name"
    close = difflib.get_close_matches(key, list(base), n=1, cutoff=0.8)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return f"{reason}{hint}; `interview-signals texts` lists every key"


def _mismatch(key: str, original: object, entry: Entry, categories: frozenset[str] | None
              ) -> str | None:
    value = entry.value
    want, got = kind_of(original), kind_of(value)  # type: ignore[arg-type]
    if want != got:
        return f"expected {_KIND_WORDS[want]}, like the English text, got {_KIND_WORDS[got]}"
    needed = placeholders(original)  # type: ignore[arg-type]
    allowed = needed | EXTRA_PLACEHOLDERS.get(key, frozenset())
    if isinstance(value, Plural):
        return _plural_mismatch(value, needed - {"n"}, allowed, categories)
    have = placeholders(value)
    return _placeholder_mismatch(needed, allowed, have)


def _plural_mismatch(value: Plural, needed: frozenset[str], allowed: frozenset[str],
                     categories: frozenset[str] | None) -> str | None:
    if "other" not in value.forms:
        return "a plural needs its `other` form"
    if categories is not None:
        extra = sorted(set(value.forms) - categories)
        if extra:
            return (f"plural categories {', '.join(extra)} are not this language's (it has "
                    f"{', '.join(sorted(categories))})")
    for category, form in value.forms.items():
        # {n} may be left out of a form ("un minuto"); nothing else may.
        reason = _placeholder_mismatch(needed, allowed | {"n"}, placeholders(form))
        if reason:
            return f"{category}: {reason}"
    return None


def _placeholder_mismatch(needed: frozenset[str], allowed: frozenset[str],
                          have: frozenset[str]) -> str | None:
    dropped, unknown = sorted(needed - have), sorted(have - allowed)
    if dropped:
        return ("drops the placeholder " + ", ".join(f"{{{p}}}" for p in dropped)
                + " of the English text: keep it, it carries what the sentence is about")
    if unknown:
        return ("unknown placeholder " + ", ".join(f"{{{p}}}" for p in unknown)
                + "; this text has " + (", ".join(f"{{{p}}}" for p in sorted(allowed))
                                        or "none"))
    return None


_KIND_WORDS = {"template": "text", "words": "a list of words", "plural": "a plural table"}
