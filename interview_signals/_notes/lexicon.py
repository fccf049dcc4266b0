"""The book's phrases with their word classes and inflections spelled out: ``@place`` becomes
every entry of ``[notes.words].place``, ``ask~`` every form of *ask* (asks, asked, asking),
so that the matchers see only words, prefixes and runs of words.

Neighbours: ``_rulebook.notes`` parses phrases, classes and inflections as a pack writes
them; ``matchers`` compiles what this module resolves.

The spelling rules are English ones and few: an ending that starts with a vowel drops a
final *e* (smile, smiling) and may double a final consonant after a single vowel (nod,
nodded); a final *y* after a consonant becomes *i* before *e* (carry, carried). They make
more forms than English has (``visitted``), which costs nothing: a form no one writes
matches nothing. A pack for another language gives its own endings and irregular forms.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping

from attrs import evolve

from .._rulebook import Cue, FieldPhrases, Inflection, NotesBook, Phrase, Relation, Topic, Word

_VOWELS = "aeiou"
_DOUBLING = re.compile(r"(?:^|[^aeiou])[aeiou]([bdgklmnprtvz])$")
MAX_FORMS = 400
"""The most alternatives one word position of a phrase resolves to; past this a class is
cut (a guard against a pack whose classes multiply into a pattern too large to compile)."""


def forms(lemma: str, inflection: Inflection) -> tuple[str, ...]:
    """Every form of a lemma: itself, its regular forms by the pack's endings and the
    spelling rules, and its irregular forms."""
    out = [lemma]
    last = lemma[-1:]
    for ending in inflection.endings:
        out.append(lemma + ending)
        vowel_ending = ending[:1] in _VOWELS
        if vowel_ending and last == "e" and len(lemma) > 2:
            out.append(lemma[:-1] + ending)
        if ending[:1] == "e" and last == "y" and len(lemma) > 2 and lemma[-2] not in _VOWELS:
            out.append(lemma[:-1] + "i" + ending)
        if vowel_ending and _DOUBLING.search(lemma):
            out.append(lemma + last + ending)
    out += inflection.irregular.get(lemma, ())
    return tuple(dict.fromkeys(out))


def _tokens(text: str, inflection: Inflection) -> list[tuple[str, ...]]:
    """The forms of each word of a class entry or alternative (``walk~ round``)."""
    out = []
    for token in text.split():
        if len(token) > 1 and token.endswith("~"):
            out.append(forms(token[:-1], inflection))
        else:
            out.append((token,))
    return out


def _expand(text: str, inflection: Inflection) -> list[str]:
    return [" ".join(words) for words in itertools.product(*_tokens(text, inflection))]


def resolve_word(word: Word, book: NotesBook) -> Word:
    """A word position as the matchers take it: each alternative a run of tokens, a token
    ending in ``*`` a prefix; classes and lemmas spelled out."""
    out: list[str] = []
    for i, (text, prefix) in enumerate(zip(word.alternatives, word.prefixes, strict=True)):
        if text.startswith("@"):
            for entry in book.words.get(text[1:], ()):
                out += _expand(entry, book.inflection)
        elif word.is_inflected(i):
            out += forms(text, book.inflection)
        elif " " in text:
            out += _expand(text, book.inflection)
        else:
            out.append(text + ("*" if prefix else ""))
    unique = tuple(dict.fromkeys(out))[:MAX_FORMS]
    return Word(alternatives=unique, prefixes=(False,) * len(unique), optional=word.optional)


def resolve_phrase(phrase: Phrase, book: NotesBook) -> Phrase:
    parts = tuple(resolve_word(p, book) if isinstance(p, Word) else p for p in phrase.parts)
    return evolve(phrase, parts=parts)


def _phrases(phrases: Iterable[Phrase], book: NotesBook) -> tuple[Phrase, ...]:
    return tuple(resolve_phrase(p, book) for p in phrases)


def resolve(book: NotesBook) -> NotesBook:
    """The book with every phrase resolved (see ``resolve_word``)."""
    phrases: list[FieldPhrases] = [evolve(f, phrases=_phrases(f.phrases, book))
                                   for f in book.phrases]
    cues: list[Cue] = [evolve(c, phrases=_phrases(c.phrases, book)) for c in book.cues]
    topics: list[Topic] = [evolve(t, phrases=_phrases(t.phrases, book)) for t in book.topics]
    relations: list[Relation] = [evolve(r, phrases=_phrases(r.phrases, book))
                                 for r in book.relations]
    return evolve(book, phrases=tuple(phrases), cues=tuple(cues), topics=tuple(topics),
                  relations=tuple(relations))


def word_forms(book: NotesBook) -> Mapping[str, tuple[str, ...]]:
    """Every word class as the matchers see it (for tests and for a pack author's check)."""
    return {name: tuple(form for entry in entries for form in _expand(entry, book.inflection))
            for name, entries in book.words.items()}
