"""``Texts``: every text of one language, resolved (the language's own, English for what it
leaves out), with its number, plural and list forms.

Neighbours: the rulebook builds a ``Texts`` per language from the English texts (the
vocabulary's and frame's from ``rules/lang/en.toml``, the rules' own) and a language pack's;
the assessment, the consultation, the command line and the service read their words here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from .forms import Forms
from .model import Plural, TextValue, fill


class Texts:
    """The texts of one language, by key; read-only once built."""

    __slots__ = ("_originals", "_values", "forms", "name", "tag")

    def __init__(self, tag: str, name: str, values: Mapping[str, TextValue],
                 forms: Forms | None = None, *,
                 originals: Mapping[str, TextValue] | None = None) -> None:
        self.tag = tag
        self.name = name
        self._values = dict(values)
        self._originals = originals if originals is not None else self._values
        """The English texts: the article's own sign titles, shown beside translated ones."""
        self.forms = forms if forms is not None else Forms(tag)

    def original(self, key: str) -> str:
        """The English text of ``key`` (the article's own title of a sign, say)."""
        value = self._originals.get(key, self._values.get(key, ""))
        return value if isinstance(value, str) else ""

    def __repr__(self) -> str:
        return f"Texts({self.tag!r}, {len(self._values)} texts)"

    def __contains__(self, key: object) -> bool:
        return key in self._values

    def raw(self, key: str) -> TextValue:
        """The text of ``key`` as written: a template, a list of words, or a ``Plural``."""
        return self._values[key]

    def keys(self) -> Iterable[str]:
        """Every key, in the English texts' order."""
        return self._values.keys()

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __call__(self, key: str, **values: object) -> str:
        """The template of ``key`` with its placeholders filled in."""
        template = self._values[key]
        assert isinstance(template, str), key  # a bug in the library, never in a pack
        return fill(template, values) if values else template

    def get(self, key: str, default: str) -> str:
        """The template of ``key`` as written, or ``default`` when there is none."""
        value = self._values.get(key)
        return value if isinstance(value, str) else default

    def count(self, key: str, n: float, **values: object) -> str:
        """The plural text of ``key`` for the number ``n`` (``{n}`` written as the language
        writes numbers), its other placeholders filled in."""
        plural = self._values[key]
        assert isinstance(plural, Plural), key
        return fill(plural.form(self.forms.plural(n)), {**values, "n": self.number(n)})

    def words(self, key: str) -> tuple[str, ...]:
        """The words of ``key`` a person may type (lower case)."""
        words = self._values[key]
        assert isinstance(words, tuple), key
        return words

    def number(self, x: float) -> str:
        """A number as the language writes it."""
        return self.forms.number(x)

    def join(self, items: Iterable[str], how: str = "and") -> str:
        """``a``, ``a and b``, ``a, b and c`` (``how="or"``: ``a, b or c``), in the
        language's list patterns."""
        words = list(items)
        if len(words) <= 1:
            return "".join(words)
        if len(words) == 2:
            return self(f"list.{how}.two", a=words[0], b=words[1])
        head = words[0]
        for word in words[1:-1]:
            head = self(f"list.{how}.middle", a=head, b=word)
        return self(f"list.{how}.end", a=head, b=words[-1])

    # -- the vocabulary's texts ------------------------------------------------------------

    def label(self, path: str) -> str:
        """A field's short name."""
        return self(f"field.{path}.label")

    def question(self, path: str) -> str:
        """A field asked as a question."""
        return self(f"field.{path}.question")

    def choice(self, path: str, value: object) -> str:
        """How a choice reads as an answer ("Warm"); the value itself if it has no text."""
        return self.get(f"field.{path}.choice.{value}", str(value))

    def lower(self, text: str) -> str:
        """``text`` as it reads inside a sentence (a label or title after a colon)."""
        return text.lower()
