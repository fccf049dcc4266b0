"""How a language writes numbers and picks a plural form: CLDR's rules through Babel, or
English's own without it.

Neighbours: ``texts.Texts`` writes numbers and plurals with a ``Forms``; ``check`` asks
which plural categories a language has. Babel is the optional ``i18n`` extra: English needs
none of it (and keeps writing numbers as it always has: ``24``, ``0.5``, ``1440``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .._errors import InterviewSignalsError

INSTALL = "pip install 'interview-signals[i18n]'"


def plain_number(x: float) -> str:
    """A number as English writes it here: ``24``, ``0.5``, ``1440`` (no grouping)."""
    return str(int(x)) if float(x).is_integer() else str(x)


def _english_plural(n: float) -> str:
    return "one" if n == 1 and float(n).is_integer() else "other"


class Forms:
    """The number and plural forms of one language (a BCP 47 tag)."""

    def __init__(self, tag: str) -> None:
        self.tag = tag
        if tag.split("-", maxsplit=1)[0].lower() == "en":
            self.categories: frozenset[str] = frozenset({"one", "other"})
            self._plural: Callable[[float], str] = _english_plural
            self._number: Callable[[float], str] = plain_number
            return
        locale = _babel_locale(tag)
        from babel.numbers import format_decimal

        self.categories = frozenset({*locale.plural_form.tags, "other"})
        self._plural = locale.plural_form

        def number(x: float) -> str:
            value: Any = int(x) if float(x).is_integer() else x
            return str(format_decimal(value, locale=locale, group_separator=False,
                                      decimal_quantization=False))
        self._number = number

    def plural(self, n: float) -> str:
        """The CLDR plural category of ``n``: ``one``, ``other``..."""
        return self._plural(int(n) if float(n).is_integer() else n)

    def number(self, x: float) -> str:
        """``x`` as the language writes it: ``2,5`` in Spanish."""
        return self._number(x)


def _babel_locale(tag: str) -> Any:
    """Babel's locale for ``tag``; ``InterviewSignalsError`` when Babel is missing or does
    not know the language."""
    try:
        from babel import Locale, UnknownLocaleError
    except ImportError as exc:
        raise InterviewSignalsError(
            f"the language {tag!r} needs Babel for its plural and number forms: "
            f"{INSTALL}") from exc
    try:
        return Locale.parse(tag, sep="-")
    except (UnknownLocaleError, ValueError) as exc:
        raise InterviewSignalsError(f"the language {tag!r} is not one CLDR knows, so its "
                                    "plural and number forms are unknown") from exc
