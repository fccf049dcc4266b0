"""Which language to speak: a tag asked for matched against those there are, and the
``Accept-Language`` header of an HTTP request read with its quality values (RFC 9110).

Neighbours: ``Engine.in_language`` matches a tag; the service picks a language per request.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

MAX_HEADER = 1000
"""The longest Accept-Language header read (a real one is a few dozen characters)."""


def match_language(wanted: str, available: Iterable[str]) -> str | None:
    """The tag of ``available`` that ``wanted`` asks for: the same tag (in any case), else
    the language it refines (``es-MX`` is served by ``es``); None when there is none."""
    tags = list(available)
    lowered = {t.lower(): t for t in tags}
    tag = wanted.strip().lower()
    while tag:
        if tag in lowered:
            return lowered[tag]
        tag = tag.rpartition("-")[0]
    return None


def accepted_languages(header: str) -> list[str]:
    """The tags of an ``Accept-Language`` header, most wanted first (``q=0`` and ``*``
    left out; a malformed part is skipped, never an error)."""
    ranked: list[tuple[float, int, str]] = []
    for i, part in enumerate(header[:MAX_HEADER].split(",")):
        tag, _, params = part.strip().partition(";")
        tag = tag.strip()
        quality = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if tag and tag != "*" and 0 < quality <= 1 and len(tag) <= 35:
            ranked.append((-quality, i, tag))
    return [tag for _, _, tag in sorted(ranked)]


def negotiate(asked: str | None, header: str | None, available: Sequence[str],
              default: str) -> str:
    """The language of a request: ``asked`` (``?lang=``) when there is such a language,
    else the first ``Accept-Language`` tag there is, else ``default``."""
    if asked:
        found = match_language(asked, available)
        if found is not None:
            return found
    for tag in accepted_languages(header or ""):
        found = match_language(tag, available)
        if found is not None:
            return found
    return default
