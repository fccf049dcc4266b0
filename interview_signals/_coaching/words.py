"""Every text ``test-rules`` and ``diff-rules`` print comes from here: the keyed texts
``coach.*`` (``rules/lang/en.toml`` and each translation), in the language ``speaking`` sets.
Nothing else in this folder holds a sentence.

Neighbours: ``how``, ``cases``, ``reports`` and ``rulebook_diff`` word what they
find through ``say`` and ``count``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from .._rulebook import DEFAULT_PACK, Case, frame_texts
from .._texts import BASE_LANGUAGE, Plural, Texts, fill

_SPEAKING: ContextVar[Texts | None] = ContextVar("coach_texts", default=None)
"""The language the coach's tools speak in this context (English when unset)."""


def texts() -> Texts:
    """The texts the coach's tools speak now: ``speaking``'s, else English."""
    return _SPEAKING.get() or frame_texts()


@contextmanager
def speaking(language: Texts) -> Iterator[None]:
    """Word everything ``test-rules`` and ``diff-rules`` say in ``language`` meanwhile."""
    token = _SPEAKING.set(language)
    try:
        yield
    finally:
        _SPEAKING.reset(token)


def say(key: str, **values: object) -> str:
    """The text ``coach.<key>`` with ``values`` filled in."""
    return texts()(f"coach.{key}", **values)


def count(n: int, word: str) -> str:
    """``1 case``, ``2 cases``, ``1,204 readings`` (in Spanish ``1204 lecturas``)."""
    language = texts()
    plural = language.raw(f"coach.count.{word}")
    assert isinstance(plural, Plural), word
    shown = f"{n:,}" if language.tag == BASE_LANGUAGE else language.number(n)
    return fill(plural.form(language.forms.plural(n)), {"n": shown})


def case_why(case: Case) -> str:
    """A case's ``why`` as the coach reads it: a default case's in the language spoken
    (``case.<id>.why`` of a shipped translation), any other as its pack writes it."""
    why = case.why
    if case.pack != DEFAULT_PACK or not why:
        return why
    return texts().get(f"case.{case.id}.why", why)


def either(items: list[str]) -> str:
    """``a``, ``a or b``, ``a, b or c``."""
    if len(items) <= 1:
        return "".join(items)
    return say("either", first=", ".join(items[:-1]), last=items[-1])
