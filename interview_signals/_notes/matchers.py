"""Phrases compiled into regular expressions over the normalised text: whole words, each
phrase within one sentence, a slot as a named group.

Neighbours: ``_rulebook.notes`` parses the phrases of a pack; ``reader`` runs the compiled
phrases over a note. The patterns are built only from the phrase syntax (no pack text is
taken as a regular expression), so every one runs in time linear in the note.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import TypeAlias

from attrs import frozen

from .._rulebook import Cue, FieldPhrases, Phrase, Relation, Topic, Word, gap_words

_SEP = r"[^\w.!?;\n]+"
"""What may stand between two words of a phrase: spaces, commas, quotes; never the end of a
sentence."""
_BEFORE = r"(?<!\w)(?<!\w')"
_AFTER = r"(?!\w)(?!'\w)"


@frozen(kw_only=True)
class Found:
    """One place a phrase matched: its span, and its slot's words and span if it has one."""

    start: int
    end: int
    slot_text: str | None = None
    slot_start: int = 0
    slot_end: int = 0


Owner: TypeAlias = Cue | Topic | FieldPhrases | Relation
"""What a phrase belongs to: a field's value, a cue, a topic or a relation."""


class Matcher:
    """One phrase, compiled, and what it belongs to."""

    def __init__(self, phrase: Phrase, owner: Owner, before: str = "(?!x)x") -> None:
        self.phrase = phrase
        self.owner = owner
        self.pattern = re.compile(_regex(phrase, before))

    def find(self, text: str, start: int = 0, end: int | None = None) -> Iterator[Found]:
        """Where the phrase matches ``text`` between ``start`` and ``end`` (one sentence,
        or the whole note)."""
        search, position = self.pattern.search, start
        stop = len(text) if end is None else end
        while (match := search(text, position, stop)) is not None:
            start = match.start()
            # Whole words only. Checked here rather than by a look-behind in the pattern,
            # which would keep the regular expression engine from skipping ahead to the
            # phrase's first letters (seventy times slower).
            if start and (_WORD_CHAR(text[start - 1]) or (text[start - 1] == "'" and
                          start > 1 and _WORD_CHAR(text[start - 2]))):
                position = start + 1
                continue
            position = max(match.end(), start + 1)
            if self.phrase.slot is None:
                yield Found(start=match.start(), end=match.end())
            else:
                yield Found(start=match.start(), end=match.end(),
                            slot_text=match.group("slot"), slot_start=match.start("slot"),
                            slot_end=match.end("slot"))


def _WORD_CHAR(char: str) -> bool:
    return char.isalnum() or char == "_"


def _token(token: str) -> str:
    """One token of a resolved alternative: a word, or a prefix when it ends in ``*``."""
    prefix = len(token) > 1 and token.endswith("*")
    text = token[:-1] if prefix else token
    # didn't also matches didnt: notes are often typed in a hurry
    return re.escape(text).replace("'", "'?") + (r"[\w']*" if prefix else "")


def _word(word: Word, *, first: bool = False) -> str:
    """A resolved word position (``lexicon.resolve_word``): alternatives that are runs of
    tokens, joined as a phrase's words are. A sign that ends an alternative ("~", "≈") may
    touch what follows it ("~1h15"): only a word's end is a word boundary."""
    alternatives = sorted(
        {f"{_AFTER}{_SEP}{_BEFORE}".join(_token(t) for t in (
            (text + "*" if prefix else text).split())) +
         (_AFTER if prefix or _WORD_CHAR(text.rstrip()[-1:] or "x") else "")
         for text, prefix in zip(word.alternatives, word.prefixes, strict=True)},
        key=lambda a: (-len(a), a))
    return f"{'' if first else _BEFORE}(?:{'|'.join(alternatives)})"


def _regex(phrase: Phrase, before: str) -> str:
    pieces: list[str] = []
    anchored = False  # a required word (or the slot) is placed
    for part in phrase.parts:
        if isinstance(part, str) and part.startswith("..."):
            n = gap_words(part)
            gap = rf"(?:{_SEP}[\w']+){{0,{n}}}" if anchored else \
                rf"(?:[\w']+{_SEP}){{0,{n}}}"
            pieces.append(gap)
            continue
        if isinstance(part, Word):
            body = _word(part, first=not pieces)
            optional = part.optional
        else:
            # the number, masked (Numbers.masked), after up to two of the words that may
            # stand before a number ("lasted almost an hour")
            # (not when the slot comes first: those words then stand outside the phrase,
            # and a pattern opening with a literal is found far faster)
            body = f"(?P<slot>_+){_AFTER}" if not pieces else \
                f"{_BEFORE}(?:(?:{before}){_AFTER}{_SEP}){{0,2}}(?P<slot>_+){_AFTER}"
            optional = False
        if optional:
            pieces.append(f"(?:{_SEP}{body})?" if anchored else f"(?:{body}{_SEP})?")
        elif anchored:
            pieces.append(_SEP + body)
        else:
            pieces.append(body)
            anchored = True
    return "".join(pieces)


_TOKEN = re.compile(r"[\w']+")


class Index:
    """Which phrases could match a note, found from the note's words: each phrase is filed
    under one word it cannot match without (its longest), so a note is scanned only with the
    few phrases whose word it holds."""

    def __init__(self, matchers: list[Matcher]) -> None:
        self._exact: dict[str, list[int]] = {}
        self._prefix: dict[str, list[int]] = {}
        self._always: list[int] = []
        self.matchers = matchers
        required = [_required(m.phrase) for m in matchers]
        self.prefix_length = max((len(w) for positions in required
                                  for alternatives in positions
                                  for w, prefix in alternatives if prefix), default=0)
        """The longest word beginning a phrase needs: a note's words are cut to it (a
        note of one 100,000-letter word has no need of its 100,000 beginnings)."""
        self.keys: dict[int, list[tuple[str, bool]]] = {}
        """Per matcher (by identity), the words it is filed under, each whole or a
        beginning: the phrase cannot match a sentence without one of them."""
        for i, matcher in enumerate(matchers):
            key = _key_word(matcher.phrase)
            if key is None:
                self._always.append(i)
                continue
            self.keys[id(matcher)] = keys = _keys(key)
            for plain, prefix in keys:
                (self._prefix if prefix else self._exact).setdefault(plain, []).append(i)
        # Each required position as one set of keys (a word beginning as itself, a whole
        # word followed by a space, which no beginning holds): a position is met when the
        # note's keys meet its set, one set operation in C rather than a loop per word.
        self._required = [tuple(frozenset(w if prefix else f"{w} " for w, prefix in alts)
                                for alts in positions) for positions in required]

    def candidates(self, keys: Mapping[str, object]) -> list[Matcher]:
        """The matchers worth running on a note with these keys (``note_keys``): those
        whose every required word position the note's words meet."""
        found = set(self._always)
        exact, prefixed = self._exact, self._prefix
        for key in keys:
            hit = exact.get(key[:-1]) if key.endswith(" ") else prefixed.get(key)
            if hit:
                found.update(hit)
        view = keys.keys()
        required = self._required
        return [self.matchers[i] for i in sorted(found)
                if not any(view.isdisjoint(position) for position in required[i])]


def note_keys(text: str, starts: Sequence[int], longest: int = 40) -> dict[str, set[int]]:
    """The keys of a normalised note and the sentences that hold each (``starts``: where
    each sentence starts): every word (apostrophes removed) followed by a space, and every
    beginning of one up to ``longest`` letters (``Index.prefix_length``) as itself."""
    places: dict[str, set[int]] = {}
    for token in _TOKEN.finditer(text):
        word = token.group().replace("'", "")
        sentence = max(0, bisect.bisect_right(starts, token.start()) - 1)
        held = places.setdefault(f"{word} ", set())
        if sentence in held:
            continue  # a word said again in its sentence: its beginnings are there already
        held.add(sentence)
        for i in range(1, min(len(word), longest) + 1):
            places.setdefault(word[:i], set()).add(sentence)
    return places


def _keys(word: Word) -> list[tuple[str, bool]]:
    """The first word of each alternative of a position, without apostrophes, and whether
    it is a prefix: a note holds one of them wherever the position matches."""
    out = []
    for text, prefix in zip(word.alternatives, word.prefixes, strict=True):
        first = text.split()[0] if text.split() else text
        star = first.endswith("*") and len(first) > 1
        whole_prefix = prefix and " " not in text
        out.append((first.rstrip("*").replace("'", "") if star else first.replace("'", ""),
                    whole_prefix or star))
    return out


def _usable(word: Word) -> bool:
    return all(_TOKEN.fullmatch(first) for first, _ in _keys(word))


def _required(phrase: Phrase) -> list[list[tuple[str, bool]]]:
    """Each required word position of a phrase whose alternatives all begin with a plain
    word, as (that word without apostrophes, is a prefix) pairs."""
    return [_keys(p) for p in phrase.parts
            if isinstance(p, Word) and not p.optional and _usable(p)]


def _key_word(phrase: Phrase) -> Word | None:
    """The required word position to file a phrase under: one whose every alternative
    begins with a plain word, the one with the longest shortest first word."""
    usable = [p for p in phrase.parts if isinstance(p, Word) and not p.optional and _usable(p)]
    if not usable:
        return None
    return max(usable, key=lambda w: min(len(k) for k, _ in _keys(w)))
