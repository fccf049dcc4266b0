"""A note as the reader sees it: the text normalised character for character (so every
offset still points into what the person wrote), cut into sentences and clauses, with the
spans of quoted words.

Neighbours: ``matchers`` finds phrases in the normalised text; ``reader`` places each match
in its sentence and quote.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator

from attrs import frozen

from .._rulebook import HYPHEN_IN_WORD, SAME_LENGTH

MAX_NOTE_BYTES = 1024 * 1024
"""The longest note read, in UTF-8 bytes: a note is a few kilobytes; past this, refused."""
MAX_SENTENCE = 600
"""The longest sentence read as one; a longer run of words is cut at spaces."""
_MAX_QUOTE = 400
"""A quotation longer than this is taken for a stray quote mark, not a quotation."""

_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "prof", "approx", "vs", "etc", "e.g",
                            "i.e", "ca", "appx"})
_END = re.compile(r"[.!?]+(?=[\s\"')\]]|$)|\n+|(?<=\w)[.!?]*[\U0001F300-\U0001FAFF]+")


def normalise(text: str) -> str:
    """``text`` lower-cased, quotes and apostrophes straight, hyphens inside words and the
    letters around a machine's time ("2024-03-04T17:10Z") as spaces: the same length as
    ``text``, so an offset in one is the same place in the other."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a letter whose lower case is longer (İ): keep it as is
        lowered = "".join(c if len(low := c.lower()) != 1 else low for c in text)
    plain = _ISO_TIME.sub(" ", HYPHEN_IN_WORD.sub(" ", lowered.translate(SAME_LENGTH)))
    plain = _FORM_QUESTION.sub(r"\1:", plain)
    if "." in plain:
        # "7 p.m. on Sunday": the clock's stops end no sentence where the words go on in
        # lower case ("at 5 p.m. He nodded" still ends one); read as "7 pm   on sunday"
        pieces, last = [], 0
        for match in _MERIDIEM.finditer(text):
            start, end = match.span()
            pieces += [plain[last:start], plain[start], "m", " " * (end - start - 2)]
            last = end
        plain = "".join(pieces) + plain[last:]
    return plain


_ISO_TIME = re.compile(r"(?<=\d)t(?=\d\d:\d\d)|(?<=\d:\d\d)z(?!\w)")
"""The letters a machine writes around a time ("2024-03-04T17:10", "07:45Z"): read as
spaces, so the time stands as a time."""
_MERIDIEM = re.compile(r"(?<![^\W\d])(?<!\.)[aApP]\.[mM]\.(?=[ \t\u00a0]{1,4}[a-z])")
"""A clock's "a.m." or "p.m." that the note goes on after in lower case."""
_FORM_QUESTION = re.compile(
    r"^([ \t*>\u2022-]{0,4}(?:\d{1,2}[.)][ \t]{0,4})?"
    r"(?!(?:did|do|does|was|were|is|are|has|have|had|would|will|could|can)\b)"
    r"[a-z][a-z']*(?:[ \t][a-z][a-z']*){0,5})"
    r"\?(?=[ \t]{1,4}(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten"
    r"|an(?=[ \t]{1,4}hour))"
    r"(?:[ \t]{0,4}(?:min|mins|minutes|h|hr|hrs|hour|hours|people|interviewers))?"
    r"(?:[ \t]{0,4}\.?[ \t]{0,4}$|[ \t]{0,4}[,(\u2013\u2014]|[ \t]{1,4}-[ \t]))",
    re.MULTILINE)
"""The question mark of a form's short heading answered by a number on its line
("Interviewers? 1", "Scheduled? 1 hour", "3. How long? 45 min"): read as a colon, so the
heading and its answer stand in one sentence as "Interviewers: 1" does. Only a number with
at most a unit after it that ends its line or is followed by a comma, a bracket or a dash
("Interviewers? 3 maybe", "Interviewers? 1. Tom 2. Priya", "Reply? 3 days and counting",
"How long? 45 min. Or was it 30?" keep their question mark); not a question a yes or no
answers ("Did they smile? One of them did."). Runs of spaces are bounded, so a long run
costs no more than a short one."""


@frozen(kw_only=True)
class Sentence:
    """One sentence: where it starts and ends, the question marks it ends with (outside any
    quotation) and its index in the note."""

    index: int
    start: int
    end: int
    question_marks: int


@frozen(kw_only=True)
class Layout:
    """The sentences and quotations of one normalised note."""

    text: str
    sentences: tuple[Sentence, ...]
    quotes: tuple[tuple[int, int], ...]
    _starts: tuple[int, ...]
    _quote_starts: tuple[int, ...]

    def sentence_at(self, offset: int) -> Sentence:
        """The sentence that holds ``offset``."""
        return self.sentences[max(0, bisect.bisect_right(self._starts, offset) - 1)]

    def quotes_within(self, start: int, end: int) -> tuple[tuple[int, int], ...]:
        """The quotations that reach into ``start`` to ``end``."""
        first = max(0, bisect.bisect_right(self._quote_starts, start) - 1)
        last = bisect.bisect_left(self._quote_starts, end)
        return tuple(q for q in self.quotes[first:last] if q[1] > start)

    def quote_at(self, offset: int) -> tuple[int, int] | None:
        """The quotation that holds ``offset``, if any."""
        i = bisect.bisect_right(self._quote_starts, offset) - 1
        if i >= 0 and self.quotes[i][0] <= offset < self.quotes[i][1]:
            return self.quotes[i]
        return None


def lay_out(text: str) -> Layout:
    """Cut a normalised note into sentences, keeping each quotation inside one sentence."""
    quotes = _quotes(text)
    inside = _Inside(quotes)
    starts, ends = [0], []
    cuts = [(m.start(), m.end()) for m in _END.finditer(text)
            if not inside(m.start()) and not _after_abbreviation(text, m)]
    # A quotation that ends a sentence ("... appreciate it.' Is that curt?") ends it too.
    cuts += [(end, end) for start, end in quotes if end - start > 2 and
             text[end - 2] in ".!?" and (end == len(text) or text[end].isspace())]
    for _, end in sorted(set(cuts)):
        if end <= starts[-1]:
            continue
        ends.append(end)
        starts.append(end)
    ends.append(len(text))
    sentences: list[Sentence] = []
    for start, end in _bounded(zip(starts, ends, strict=True), text):
        chunk = text[start:end]
        stripped = chunk.rstrip()
        if not stripped.strip():
            continue
        marks = len(stripped) - len(stripped.rstrip("?"))
        lead = len(chunk) - len(chunk.lstrip())
        sentences.append(Sentence(index=len(sentences), start=start + lead, end=end,
                                  question_marks=marks))
    if not sentences:
        sentences.append(Sentence(index=0, start=0, end=len(text), question_marks=0))
    return Layout(text=text, sentences=tuple(sentences), quotes=tuple(quotes),
                  starts=tuple(s.start for s in sentences),
                  quote_starts=tuple(q[0] for q in quotes))


def _bounded(spans: Iterable[tuple[int, int]], text: str) -> Iterator[tuple[int, int]]:
    """Sentences of at most ``MAX_SENTENCE`` characters: a longer run without a full stop is
    cut at spaces (it is no sentence a phrase or a cue could span), which keeps the work of
    a reading in proportion to the length of the note."""
    for first, end in spans:
        start = first
        while end - start > MAX_SENTENCE:
            cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
            cut = cut + 1 if cut > start else start + MAX_SENTENCE
            yield start, cut
            start = cut
        yield start, end


def _after_abbreviation(text: str, match: re.Match[str]) -> bool:
    """A full stop after ``Mr`` or ``approx`` ends no sentence."""
    if text[match.start():match.end()] != ".":
        return False
    word = re.search(r"[\w.]+$", text[max(0, match.start() - 8):match.start()])
    return word is not None and (word.group().lower() in _ABBREVIATIONS
                                 or (len(word.group()) == 1 and word.group().isalpha()
                                 and word.group().isupper()))


class _Inside:
    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self._spans = spans
        self._starts = [s for s, _ in spans]

    def __call__(self, offset: int) -> bool:
        i = bisect.bisect_right(self._starts, offset) - 1
        # the closing mark's own sentence end (``.'``) is still inside
        return i >= 0 and self._spans[i][0] < offset < self._spans[i][1] - 1


_OPEN_SINGLE = re.compile(r"(?:(?<=^)|(?<=[\s(\[:,;\u2014\u2013-]))'(?=\S)")
_DOUBLE = re.compile(r'"')


def _quotes(text: str) -> list[tuple[int, int]]:
    """Spans of quoted words: "double" quotes in pairs, and 'single' quotes opened after a
    space (not an apostrophe inside a word) and closed before a space or punctuation."""
    spans: list[tuple[int, int]] = []
    doubles = [m.start() for m in _DOUBLE.finditer(text)]
    for opening, closing in zip(doubles[::2], doubles[1::2], strict=False):
        if closing - opening <= _MAX_QUOTE and "\n" not in text[opening:closing]:
            spans.append((opening, closing + 1))
    position = 0
    inside_double = _Inside(sorted(spans))
    for match in _OPEN_SINGLE.finditer(text):
        start = match.start()
        if start < position or inside_double(start + 1):
            continue
        close = _closing_single(text, start + 1)
        if close is not None:
            spans.append((start, close + 1))
            position = close + 1
    return sorted(spans)


def _closing_single(text: str, start: int) -> int | None:
    limit = min(len(text), start + _MAX_QUOTE)
    for i in range(start, limit):
        c = text[i]
        if c == "\n":
            return None
        if c != "'":
            continue
        after = text[i + 1] if i + 1 < len(text) else " "
        before = text[i - 1]
        # a word's apostrophe (don't, James') is followed by a letter or follows a space
        if not before.isspace() and (after.isspace() or after in ".,;:!?)]\u2014\u2013-\"" or
                                     i + 1 == len(text)):
            if before == "s" and after.isspace() and _looks_possessive(text, i):
                continue
            return i
    return None


def _looks_possessive(text: str, i: int) -> bool:
    """``the guys' desks``: an apostrophe after an s, followed by a word and more text
    before any closing mark; a closing quote is usually followed by punctuation or the end
    of the clause. Taken as possessive only when another single quote closes later."""
    rest = text[i + 1:i + _MAX_QUOTE]
    return re.search(r"\S'(?=[\s.,;:!?)]|$)", rest) is not None
