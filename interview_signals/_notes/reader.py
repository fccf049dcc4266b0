"""Read a note: find the phrases of each field, decide for each what the cues around it do
(ConText's scopes: negated, hedged, a plan, someone else's), then settle each field,
relations between fields, implications and contradictions into a ``NotesReading``.

Neighbours: ``text`` lays the note out; ``matchers`` and ``numbers`` find phrases and read
numbers; ``reading`` holds the result. The knowledge (phrases, cues, topics, relations,
implications) is the rulebook's ``NotesBook``; this module knows kinds, never words.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from typing import TypeVar

from attrs import evolve, frozen

from .._errors import ArgumentError
from .._observations import (
    CHECKS,
    EXCLUSIONS,
    PREREQUISITES,
    VOCABULARY,
    Value,
    known_grouped,
)
from .._quoting import describe
from .._rulebook import Cue, FieldPhrases, NotesBook, Phrase, Relation, Topic, frame_texts
from .._texts import Texts
from .lexicon import resolve
from .matchers import Found, Index, Matcher, Owner, note_words
from .numbers import Numbers
from .reading import Certainty, Evidence, NotesReading, Proposal, SetAside
from .text import MAX_NOTE_BYTES, Layout, lay_out, normalise

_CLAUSE_BREAK = re.compile(r"[;()\[\]\u2014]|:\s|\s[-\u2013]\s")
_NEW_SUBJECT = re.compile(r",\s+(?:i|i'm|im|he|she|they|we|it|it's|there|just|only|simply|"
                          r"merely|more|rather)\s")
"""A comma that a new subject follows ("she didn't read off a list, she was curious") or a
contrast ("not cold, just businesslike"): it ends the reach of a cue forward, not backward
("he nodded, I think")."""
_OPENERS = " \t\n-*\u2022>\"'"
"""What may stand before a cue that opens its sentence: spaces, bullets and quotes."""
_WORDS = re.compile(r"[\w']+")
_NAME_AFTER = re.compile(r",?[ \t]+([A-Z][a-z]+)(?![\w'])")
"""A name right after the words that name another person ("my friend Jess")."""
_FAR = "far"
"""The scope of a negation read past its words (``_far_cue``): only a clause break or a
terminating cue for every kind ends it."""
_COUNT = "interview.interviewer_count"
_WHOLE_PANEL = re.compile(r"\b(?:none|nobody|no one|noone|neither|any of|all of|both|either|"
                          r"panel|board|they|them|their|everyone|everybody|anyone|anybody|we|"
                          r"not one|not a single|of the \w+)\b")
"""Words by which a false cue covers the whole panel, not one of its members."""
_LIST_CLOSE = re.compile(r"\b(?:or|nor)\b")
_AND = re.compile(r"\b(?:and|&)(?!\w)")
_ANOTHER_NUMBER = re.compile(r"(?<![\w:.])\d{1,2}(?![\w:.]*\d)")
"""A number soon after a bare hour: a correction ("at 8 - no, 9") or a range, to confirm."""
_SAME_DAY = re.compile(r"\b(?:same|that) (?:day|morning|afternoon|evening)\b|\blater that\b")
_SETS_ASIDE = ("other_person", "writer", "hypothetical")
_WHY_ASIDE = {"other_person": "other_person", "writer": "writer", "hypothetical": "plan"}
"""The reason (``notes.reason.<key>``) each kind of cue that sets a mention aside gives."""
_MAKES_UNSURE = ("hedge", "approximate")
_Owner = TypeVar("_Owner", Cue, Topic, FieldPhrases, Relation)


@frozen(kw_only=True)
class _Cue:
    cue: Cue
    start: int
    end: int
    words: str


@frozen(kw_only=True)
class _Mention:
    """A phrase found for a field, before and after the cues around it are weighed."""

    path: str
    value: Value | None
    start: int
    end: int
    sentence: int
    phrase: Phrase
    range_start: float | None = None
    slot_start: int = 0
    slot_end: int = 0
    relation: Relation | None = None
    slot_value: float | None = None
    certainty: Certainty = "stated"
    reason: str = ""
    corrects: bool = False
    weak: bool = False
    """The phrase alone cannot state its value (``FieldPhrases.certainty``)."""


class NotesReader:
    """A ``NotesBook`` compiled once; ``read(text)`` reads one note with it."""

    def __init__(self, book: NotesBook) -> None:
        book = resolve(book)  # word classes and inflections spelled out
        self.book = book
        self.numbers = Numbers(book.numbers)
        owners: tuple[Owner, ...] = (*book.phrases, *book.cues, *book.topics, *book.relations)
        before = self.numbers.before
        self.index = Index([Matcher(p, owner, before) for owner in owners for p in owner.phrases])
        self._clock = re.compile(self.numbers.slot("clock"))

    def read(self, text: str, texts: Texts | None = None) -> NotesReading:
        """The reading of one note, its reasons in the language of ``texts`` (English when
        None; the note itself is read with the pack's phrases, whatever the language).

        Raises:
            ArgumentError: ``text`` is not a string, or longer than 1 MiB in UTF-8.
        """
        if not isinstance(text, str):
            raise ArgumentError(f"notes: expected text (a string), got {describe(text)}")
        size = len(text.encode("utf-8", "surrogatepass"))
        if size > MAX_NOTE_BYTES:
            raise ArgumentError(f"notes: expected at most {MAX_NOTE_BYTES // 1024 // 1024} MiB "
                                f"of text, got {size} bytes; a note takes a few kilobytes")
        return _Reading(self, str.__str__(text), texts or frame_texts()).result()


class _Reading:
    """The work of reading one note."""

    def __init__(self, reader: NotesReader, text: str, texts: Texts) -> None:
        self.reader = reader
        self.texts = texts
        self._asked = texts("notes.reason.question")
        self.text = text
        self.norm = normalise(text)
        self.layout: Layout = lay_out(self.norm)
        self.set_aside: list[SetAside] = []
        self._implied_from: dict[str, str] = {}
        """Each field a proposal was implied for, and the field it follows from."""
        self._masks: dict[str, tuple[str, dict[int, int]]] = {}
        words, prefixes = note_words(self.norm)
        self.found: dict[int, tuple[Owner, list[Matcher]]] = {}
        for matcher in reader.index.candidates(words, prefixes):
            self.found.setdefault(id(matcher.owner), (matcher.owner, []))[1].append(matcher)
        self._hiding: list[_Cue] = []
        self.cues = self._find_cues()
        self.cues += self._named_others()
        self._cues_of: dict[int, list[_Cue]] = {}
        for hit in self.cues:
            self._cues_of.setdefault(self.layout.sentence_at(hit.start).index, []).append(hit)
        # Where words start, clauses break and terminating cues stand: what a cue's scope
        # is measured by, each looked up by bisection.
        self._words = [w.start() for w in _WORDS.finditer(self.norm)]
        self._breaks = [b.start() for b in _CLAUSE_BREAK.finditer(self.norm)]
        self._terminators = [(c.start, c.cue.kinds) for c in self.cues
                             if c.cue.kind == "terminate"]
        self._ends: dict[str, list[int]] = {}
        """Per cue kind, where terminating cues end its scope (built when first asked)."""
        self._commas = [c.start() for c in re.finditer(",", self.norm)]
        self._subjects = [c.start() for c in _NEW_SUBJECT.finditer(self.norm)]
        self.topics = self._reached_by_topics()

    # --- finding -----------------------------------------------------------------------

    def _of(self, kind: type[_Owner]) -> list[tuple[_Owner, list[Matcher]]]:
        """The phrases of this kind of owner that may match the note, by owner, in book
        order."""
        return [(owner, matchers) for owner, matchers in self.found.values()
                if isinstance(owner, kind)]

    def _find_cues(self) -> list[_Cue]:
        hits = [_Cue(cue=cue, start=f.start, end=f.end, words=self.norm[f.start:f.end])
                for cue, matchers in self._of(Cue) for m in matchers
                for f in self._within_sentences(m)]
        # A longer cue hides a shorter one of another kind inside it ("no wait" is no
        # negation; "not sure" no plain "not"): what ConText's pseudo cues are for.
        hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
        kept: list[_Cue] = []
        reach: dict[str, _Cue] = {}  # per kind, the kept cue reaching furthest so far
        for hit in hits:
            if not any(kind != hit.cue.kind and k.end >= hit.end and
                       k.end - k.start > hit.end - hit.start for kind, k in reach.items()):
                kept.append(hit)
                if hit.cue.kind not in reach or reach[hit.cue.kind].end < hit.end:
                    reach[hit.cue.kind] = hit
        self._hiding = [k for k in kept if k.cue.kind == "pseudo" and k.cue.fields]
        return [k for k in kept if k.cue.kind != "pseudo"]

    def _named_others(self) -> list[_Cue]:
        """Someone the note names as another person ("my friend Jess") is another person
        wherever it names them again ("Jess also got a full office tour"): each later
        mention of the name is a cue like the one that named them."""
        out = []
        for hit in self.cues:
            if hit.cue.kind != "other_person" or hit.cue.fields:
                continue
            name = _NAME_AFTER.match(self.text, hit.end)
            if name is None:
                continue
            again = re.compile(rf"(?<!\w){re.escape(name.group(1))}(?!\w)")
            out += [_Cue(cue=hit.cue, start=a.start(), end=a.end(),
                         words=self.norm[a.start():a.end()])
                    for a in again.finditer(self.text, name.end())]
        return out

    def _within_sentences(self, matcher: Matcher) -> Iterable[Found]:
        slot = matcher.phrase.slot
        text, spans = self.norm, None
        if slot is not None:
            if slot not in self._masks:
                self._masks[slot] = self.reader.numbers.masked(self.norm, slot)
            text, spans = self._masks[slot]
        for match in matcher.find(text):
            found = match
            if spans is not None:
                if spans.get(match.slot_start) != match.slot_end:
                    continue  # underscores the note wrote itself
                found = evolve(match, slot_text=self.norm[match.slot_start:match.slot_end])
            sentence = self.layout.sentence_at(found.start)
            if found.end > sentence.end:
                continue
            if matcher.phrase.at_start and _WORDS.search(
                    self.norm, sentence.start, found.start) is not None:
                continue
            yield found

    def _reached_by_topics(self) -> dict[str, set[int]]:
        reached: dict[str, set[int]] = {}
        for topic, matchers in self._of(Topic):
            into = reached.setdefault(topic.name, set())
            for matcher in matchers:
                for found in self._within_sentences(matcher):
                    first = self.layout.sentence_at(found.start).index
                    into.update(range(first, first + topic.reach))
        return reached

    def _mentions(self) -> list[_Mention]:
        mentions: list[_Mention] = []
        for item, matchers in self._of(FieldPhrases):
            reach = self.topics.get(item.topic, set()) if item.topic else None
            for matcher in matchers:
                for found in self._within_sentences(matcher):
                    sentence = self.layout.sentence_at(found.start).index
                    if reach is not None and sentence not in reach:
                        continue
                    mention = self._mention(item.path, item.value, found, sentence,
                                            phrase=matcher.phrase)
                    if mention is not None and item.certainty == "unsure":
                        mention = evolve(mention, weak=True)
                    if mention is not None:
                        mentions.append(mention)
        for relation, matchers in self._of(Relation):
            for matcher in matchers:
                for found in self._within_sentences(matcher):
                    sentence = self.layout.sentence_at(found.start).index
                    mention = self._mention(relation.path, None, found, sentence,
                                            phrase=matcher.phrase, relation=relation)
                    if mention is not None:
                        mentions.append(mention)
        mentions = _one_field_per_number(
            [m for m in mentions if not self._hidden(m)], self.norm)
        return _longest(mentions + self._corrections(mentions))

    def _hidden(self, m: _Mention) -> bool:
        """Whether an idiom holds the mention's words and names its field ("nodded off"
        is no nod): a pseudo cue with ``fields``."""
        return any(h.start <= m.start and m.end <= h.end and m.path in h.cue.fields
                   for h in self._hiding)

    def _corrections(self, mentions: list[_Mention]) -> list[_Mention]:
        """A number right after a correction ("it lasted 30 minutes, no wait, 40") is a new
        value for the field the number before it gave."""
        out = []
        by_sentence: dict[int, list[_Mention]] = {}
        for m in mentions:
            by_sentence.setdefault(m.sentence, []).append(m)
        for hit in self.cues:
            if hit.cue.kind != "correction":
                continue
            sentence = self.layout.sentence_at(hit.start)
            earlier = [m for i in (sentence.index - 1, sentence.index)
                       for m in by_sentence.get(i, ()) if m.slot_end and m.phrase.slot and
                       m.start < hit.start]
            if not earlier:
                continue
            before = earlier[-1]
            slot = str(before.phrase.slot)
            if slot not in self._masks:
                self._masks[slot] = self.reader.numbers.masked(self.norm, slot)
            spans = self._masks[slot][1]
            if any(before.slot_end <= s < hit.start for s in spans):
                # another number stands between ("meant to be half an hour but we were in
                # there an hour and a quarter easy, no actually exactly ..."): the
                # correction is of that one, whose field the note does not say
                continue
            starts = sorted(s for s in spans if hit.end <= s and spans[s] <= sentence.end)
            if not starts:
                continue
            if any(m.slot_start == starts[0] and m.path != before.path for m in mentions):
                # the number after it is another field's ("booked 30 but actually an
                # hour"): a contrast, not a correction
                continue
            text = self.norm[starts[0]:spans[starts[0]]]
            number = self.reader.numbers.value(slot, text)
            value = None if number is None else _fitted(before.path, number)
            if value is not None:
                out.append(evolve(before, value=value, start=hit.start,
                                  end=spans[starts[0]], sentence=sentence.index,
                                  slot_start=starts[0], slot_end=spans[starts[0]],
                                  slot_value=number, corrects=True, relation=None))
        return out

    def _mention(self, path: str, value: Value | None, found: Found, sentence: int, *,
                 phrase: Phrase, relation: Relation | None = None) -> _Mention | None:
        slot_value = range_start = None
        if phrase.slot is not None and found.slot_text is not None:
            slot_value = self.reader.numbers.value(phrase.slot, found.slot_text)
            if slot_value is None:
                return None
            if phrase.slot == "minutes":
                range_start = self.reader.numbers.range_start(found.slot_text)
            if relation is None:
                value = _fitted(path, slot_value)
                if value is None:
                    spec = VOCABULARY[path]
                    self._aside(path, None, found.start, found.end, self.texts(
                        "notes.reason.does_not_fit", value=self.texts.number(slot_value),
                        label=self._label(path),
                        min=self.texts.number(float(spec.minimum or 0)),
                        max=self.texts.number(float(spec.maximum or 0))))
                    return None
        return _Mention(path=path, value=value, start=found.start, end=found.end,
                        sentence=sentence, phrase=phrase, range_start=range_start,
                        slot_start=found.slot_start, slot_end=found.slot_end,
                        relation=relation, slot_value=slot_value)

    # --- weighing the cues -------------------------------------------------------------

    def _covers(self, hit: _Cue, m: _Mention) -> bool:
        cue = hit.cue
        start, end = m.start, m.end
        if cue.kind == "approximate" and m.slot_end:
            # "lasted about an hour": the approximation bears on the number, wherever the
            # phrase's words are
            start, end = m.slot_start, m.slot_end
        if cue.kind == "writer" and hit.start < start < hit.end:
            return True  # "I asked if she ...": the writer is who asks
        if hit.start < end and start < hit.end:
            return False  # a cue inside the phrase is part of it ("asked me if")
        if (cue.fields and m.path not in cue.fields) or m.path in cue.not_fields:
            return False
        sentence = self.layout.sentence_at(hit.start)
        if sentence.index != m.sentence:
            return False
        quote = self.layout.quote_at(hit.start)
        if quote is not None and not (quote[0] <= m.start < quote[1]):
            return False  # quoted words speak only within their quotation
        if hit.end <= start and cue.direction in ("forward", "both"):
            return self._reaches(hit.end, start, cue.scope, cue) and \
                not _between(self._subjects, self._opening(hit, sentence.start), start) and \
                self._past_commas(cue, hit.end, start, sentence.end)
        if end <= hit.start and cue.direction in ("backward", "both"):
            return self._reaches(end, hit.start, cue.scope, cue) and \
                self._past_commas(cue, end, hit.start, sentence.end)
        return False

    def _opening(self, hit: _Cue, sentence_start: int) -> int:
        """Where a forward cue's reach may first be ended by a comma and a new subject:
        past the comma right after a hedge that opens its sentence ("If I'm not mistaken,
        she nodded": the main clause is what it bears on), else at the cue's end. (Not a
        conditional: "if I'm honest, she smiled" states what follows.)"""
        if hit.cue.kind == "hedge" and \
                not self.norm[sentence_start:hit.start].strip(_OPENERS):
            comma = len(self.norm) - len(self.norm[hit.end:].lstrip(" "))
            if self.norm.startswith(",", comma):
                return comma + 1
        return hit.end

    def _past_commas(self, cue: Cue, start: int, end: int, sentence_end: int) -> bool:
        """Whether a cue that ends at a comma (``ends_at_comma``) still reaches past the
        commas between ``start`` and ``end``: only inside a list closed by "or" or "nor"
        ("no smile, nod or anything")."""
        if not cue.ends_at_comma or not _between(self._commas, start, end):
            return True
        return _LIST_CLOSE.search(self.norm, start, sentence_end) is not None

    def _reaches(self, start: int, end: int, scope: int | None,
                 cue: Cue | None = None) -> bool:
        """Whether a cue's scope runs from ``start`` to ``end``: no clause break and no
        terminating cue (of the cue's kind) in between, and at most ``scope`` words."""
        if _between(self._breaks, start, end) or \
                _between(self._ends_of(cue.kind if cue else ""), start, end):
            return False
        return scope is None or (bisect.bisect_left(self._words, end) -
                                 bisect.bisect_left(self._words, start)) <= scope

    def _ends_of(self, kind: str) -> list[int]:
        """Where terminating cues end the scope of cues of ``kind`` (a terminating cue
        that names no kinds ends every kind's; every one ends a clause, ``kind`` empty)."""
        if kind not in self._ends:
            self._ends[kind] = [start for start, kinds in self._terminators
                                if not kind or not kinds or kind in kinds]
        return self._ends[kind]

    def _weigh(self, m: _Mention) -> _Mention | None:
        """The mention as its cues leave it, or ``None`` when they set it aside."""
        found: dict[str, _Cue] = {}
        for hit in self._cues_of.get(m.sentence, ()):
            if hit.cue.kind not in found and self._covers(hit, m):
                found[hit.cue.kind] = hit
        for kind in _SETS_ASIDE:
            if kind in found:
                self._aside(m.path, m.value, m.start, m.end, self.texts(
                    f"notes.reason.{_WHY_ASIDE[kind]}", words=repr(found[kind].words)))
                return None
        certainty: Certainty = "stated"
        reason = self.texts("notes.reason.stated")
        value = m.value
        if "negation" in found:
            words = found["negation"].words
            if VOCABULARY[m.path].kind != "bool" or m.relation is not None:
                self._aside(m.path, m.value, m.start, m.end,
                            self.texts("notes.reason.negated_no_value", words=repr(words)))
                return None
            if value is False:
                # a phrase that says no already ("straight back out"): a negation right
                # before it makes a double negative; one further off negates something else
                # ("no tour, straight back out")
                hit = found["negation"]
                if not _WORDS.search(self.norm, min(hit.end, m.end), max(hit.start, m.start)):
                    certainty, reason = "unsure", self.texts("notes.reason.double_negative",
                                                             words=repr(words))
            else:
                value, reason = not value, self.texts("notes.reason.negated",
                                                      words=repr(words))
        for kind in _MAKES_UNSURE:
            if kind in found:
                certainty, reason = "unsure", self.texts(
                    f"notes.reason.{'hedged' if kind == 'hedge' else 'approximation'}",
                    words=repr(found[kind].words))
                break
        else:
            question = self._question(m) or self._far_cue(m, found)
            if question:
                certainty, reason = "unsure", question
        if certainty == "stated" and m.weak and value == m.value:
            certainty, reason = "unsure", self.texts("notes.reason.weak")
        if certainty == "stated" and m.slot_end and m.phrase.slot in ("minutes", "hours") \
                and self.reader.numbers.goes_on(self.norm, m.slot_end):
            certainty, reason = "unsure", self.texts("notes.reason.number_goes_on")
        if m.corrects:
            reason = self.texts("notes.reason.corrected")
        return evolve(m, value=value, certainty=certainty, reason=reason,
                      corrects=m.corrects or "correction" in found)

    def _far_cue(self, m: _Mention, found: dict[str, _Cue]) -> str:
        """Why a negation earlier in the clause, past its words of scope, may
        still bear on the mention ("never got into what I'd actually be doing day to day"):
        a scope counted in words is a guess, so the mention is left to ask, never stated."""
        for hit in self._cues_of.get(m.sentence, ()):
            cue = hit.cue
            if cue.kind != "negation" or "negation" in found or m.value is False or \
                    cue.direction == "backward" or cue.scope is None or cue.scope < 2 or \
                    hit.end > m.start or (cue.fields and m.path not in cue.fields) or \
                    m.path in cue.not_fields:
                continue
            quote = self.layout.quote_at(hit.start)
            if quote is not None and quote != self.layout.quote_at(m.start):
                continue  # a negation quoted speaks only within its quotation
            # "and" opens another predicate ("never looked at my CV and kept checking the
            # clock"), and so does a comma, except after a negation that ends at commas
            # (whether it reaches past one is what is in doubt)
            if not _between(self._breaks, hit.end, m.start) and \
                    not _between(self._ends_of(_FAR), hit.end, m.start) and \
                    not _between(self._subjects, hit.end, m.start) and \
                    (cue.ends_at_comma or not _between(self._commas, hit.end, m.start)) and \
                    _AND.search(self.norm, hit.end, m.start) is None:
                return f"a negation earlier in the clause may reach it ({hit.words!r})"
        return ""

    def _question(self, m: _Mention) -> str:
        """Why the sentence is the writer's own question, or nothing if it is not."""
        sentence = self.layout.sentences[m.sentence]
        quote = self.layout.quote_at(m.start)
        if quote is not None:
            # a question quoted is someone's words ("are you still interested?"); words
            # quoted inside a question asked outside the quotation are asked too ("any
            # 'great' or 'that makes sense'?")
            after = self.norm[quote[1]:sentence.end]
            return self._asked if sentence.question_marks and \
                "?" in after and self._reaches(quote[1], sentence.end, None) else ""
        if sentence.question_marks == 1 and self._reaches(m.end, sentence.end, None) and \
                "," not in self.norm[m.end:sentence.end]:
            # a question mark asks the clause it closes: "..., which made me wonder if it
            # was automated?" doubts the automation, not the rest of the sentence
            return self._asked
        if sentence.question_marks > 1 and any(
                c.cue.kind == "question" for c in self._cues_of.get(m.sentence, ())):
            return self._asked
        return ""

    def _label(self, path: str) -> str:
        """A field as a reason names it: its label, as it reads inside a sentence."""
        return self.texts.lower(self.texts.label(path))

    def _value(self, m: _Mention) -> str:
        """A mention's value as a reason names it: yes, no, a choice's words, a number."""
        value = m.value
        if isinstance(value, bool):
            return self.texts("answer.yes" if value else "answer.no")
        if isinstance(value, str):
            return self.texts.choice(m.path, value)
        return describe(value) if value is None else self.texts.number(value)

    def _aside(self, path: str, value: Value | None, start: int, end: int,
               reason: str) -> None:
        self.set_aside.append(SetAside(path=path, value=value,
                                       evidence=self._evidence(start, end), reason=reason))

    def _evidence(self, start: int, end: int) -> Evidence:
        words = self.text[start:end].encode("utf-8", "replace").decode("utf-8")
        return Evidence(start=start, end=end, words=words)

    # --- settling the fields -----------------------------------------------------------

    def result(self) -> NotesReading:
        weighed = [w for m in self._mentions() if (w := self._weigh(m)) is not None]
        direct = self._corrected([m for m in weighed if m.relation is None])
        by_path = _by_path(direct)
        direct_in = {(m.path, m.sentence) for m in direct}
        for m in weighed:
            # a number the sentence gives the field itself ("ended it at 30 on the dot")
            # outweighs what a relation would make of another field's
            if m.relation is not None and (m.path, m.sentence) not in direct_in:
                related = self._related(m, by_path)
                if related is not None:
                    by_path.setdefault(related.path, []).append(related)
        for relation in self.reader.book.relations:
            if relation.kind == "between":
                related = self._between(relation, by_path)
                if related is not None:
                    by_path.setdefault(relation.path, []).append(related)
        proposals = self._settled(by_path)
        proposals = self._implied(proposals)
        proposals = _without_contradictions(proposals, self._implied_from, self.texts)
        proposals.sort(key=lambda p: (p.evidence.start, list(VOCABULARY).index(p.path)))
        stated = {p.path: p.value for p in proposals if p.certainty == "stated"}
        stated = {path: stated[path] for path in VOCABULARY if path in stated}
        return NotesReading(proposals=tuple(proposals), observations=known_grouped(stated),
                            set_aside=tuple(sorted(self.set_aside,
                                                   key=lambda s: s.evidence.start)))

    def _corrected(self, mentions: list[_Mention]) -> list[_Mention]:
        """A correction ("no wait, it was 40") drops what the note said before it about the
        same field, in its sentence or the one before."""
        dropped: set[int] = set()
        by_path: dict[str, list[_Mention]] = {}
        for m in mentions:
            by_path.setdefault(m.path, []).append(m)
        for fix in mentions:
            if not fix.corrects:
                continue
            for old in by_path[fix.path]:
                if old.start < fix.start and fix.sentence - 1 <= old.sentence and \
                        id(old) not in dropped:
                    dropped.add(id(old))
                    self._aside(old.path, old.value, old.start, old.end,
                                self.texts("notes.reason.corrected_later"))
        return [m for m in mentions if id(m) not in dropped]

    def _related(self, m: _Mention, by_path: dict[str, list[_Mention]]) -> _Mention | None:
        relation = m.relation
        if relation is None:
            return None
        others = by_path.get(relation.other, [])
        values = {o.value for o in others}
        if len(values) != 1:
            return None
        other = others[0]
        base = float(other.value)  # type: ignore[arg-type]
        if relation.kind == "same":
            number: float | None = base
        elif relation.kind == "plus":
            number = base + (m.slot_value or 0)
        elif relation.kind == "minus":
            number = base - (m.slot_value or 0)
        else:  # until: from the start of the other's time range to the clock time
            starts = [o.range_start for o in others if o.range_start is not None]
            if not starts or m.slot_value is None:
                return None
            number = m.slot_value - starts[0]
            if number <= 0:
                number += 12 * 60
        value = None if number is None else _fitted(m.path, number)
        if value is None:
            return None
        unsure = m.certainty == "unsure" or any(o.certainty == "unsure" for o in others)
        reason = m.reason if m.certainty == "unsure" else (
            self.texts("notes.reason.from_other", label=self._label(relation.other),
                       words=repr(self.norm[m.start:m.end])))
        return evolve(m, value=value, certainty="unsure" if unsure else "stated",
                      reason=reason, relation=None)

    def _between(self, relation: Relation, by_path: dict[str, list[_Mention]]
                 ) -> _Mention | None:
        """The hours between the times the note gives for two events (a note sent at 5pm
        on Monday, the reply on Wednesday at 9am: 40; sent at 8:30 this morning, the reply
        at 11: 2.5)."""
        froms = [m for m in by_path.get(relation.other, []) if m.value is True]
        tos = [m for m in by_path.get(relation.to or "", []) if m.value is True]
        if not froms or not tos:
            return None
        # the first mention of the later event with a time, and the one time the note gives
        # for the earlier (several mentions of it with different times: none)
        timed = [(m, when) for m in tos if (when := self._when(m, froms[0])) is not None]
        if not timed:
            return None
        second, end = timed[0]
        starts = {(m, when) for m in froms if (when := self._when(m, second)) is not None}
        if len({(when.weekday, when.relative, when.minutes) for _, when in starts}) != 1:
            return None
        first, start = min(starts, key=lambda pair: pair[0].start)
        if start.at == end.at:
            return None  # one time for both events: the note gives none for one of them
        froms, tos = [first], [second]
        days, guessed = self._days_between(start, end, froms[0], tos[0])
        # a bare hour ("at 11") is before or after noon: the reading with the shortest wait
        waits = [days * 24 * 60 + b - a for a in start.minutes for b in end.minutes]
        waits = [w for w in waits if w >= 0]
        if not waits:
            return None
        value = _fitted(relation.path, round(min(waits) / 60, 2))
        if value is None:
            return None
        # a bare hour ("at 8") that the words around it leave before or after noon: read
        # as the shorter wait, but to confirm ("6:45" after "6pm" is read as written)
        approximate = start.approximate or end.approximate or \
            any(w.bare and len(w.minutes) > 1 for w in (start, end))
        unsure = approximate or guessed or froms[0].certainty == "unsure" or \
            tos[0].certainty == "unsure"
        reason = (self.texts("notes.reason.approximate_time") if approximate else
                  self.texts("notes.reason.same_day") if guessed else
                  self.texts("notes.reason.between", first=self._label(relation.other),
                             second=self._label(str(relation.to))))
        return evolve(tos[0], path=relation.path, value=value,
                      certainty="unsure" if unsure else "stated", reason=reason)

    def _days_between(self, start: _When, end: _When, first: _Mention, second: _Mention
                      ) -> tuple[int, bool]:
        """The whole days from ``start`` to ``end`` and whether that is a guess: by the days
        of the week, by words such as "last night", "this morning" or "the next day", else
        the same day (a guess unless the note says "the same day")."""
        if start.weekday is not None and end.weekday is not None:
            return (end.weekday - start.weekday) % 7, False
        if end.relative == ("next", 1):
            return 1, False
        if start.relative is not None and end.relative is not None and \
                start.relative[0] == end.relative[0] == "day":
            return end.relative[1] - start.relative[1], False
        if (start.weekday is None) != (end.weekday is None):
            # one time has a day of the week and the other none: the same day, if the note
            # says so ("the same day") or else as a guess to confirm
            return 0, not _SAME_DAY.search(self.layout.text, first.start, second.end + 80)
        return 0, False  # neither is placed by its day: the same day, as written

    def _when(self, m: _Mention, other: _Mention) -> _When | None:
        """When the note says ``m`` happened: in its sentence, the first time after it, else
        the last before it, never past ``other`` when both share the sentence ("Sent Monday
        9am, reply came Tuesday 9am"); a bare hour after "at" is before or after noon, as
        the words around it say ("this morning") or either."""
        sentence = self.layout.sentences[m.sentence]
        low, high = sentence.start, sentence.end
        if other.sentence == m.sentence:
            if m.start < other.start:
                high = other.start
            else:
                low = other.end
        numbers = self.reader.numbers
        after_text = self.norm[m.start:high]
        # the words before ``m`` in its sentence are the other event's when it shares it
        before_text = "" if other.sentence == m.sentence else self.norm[low:m.start]
        part = numbers.daypart(after_text)
        if part is None:
            part = numbers.daypart(before_text)
        found: list[tuple[int, int, tuple[float, ...], bool]] = []
        for c in self.reader._clock.finditer(self.norm, low, high):
            if numbers.is_spelled_out(c.group()):
                minute = numbers.clock_minutes(c.group())
                if minute is None:
                    continue
                if 60 <= minute < 13 * 60 and not numbers.says_half_of_day(c.group()):
                    # "6:45" with no am or pm: as the words around it say, or either
                    base = minute % 720
                    found.append((c.start(), c.end(), (base,) if part == 0 else
                                  (base + 720,) if part == 12 else (base, base + 720), False))
                else:
                    found.append((c.start(), c.end(), (minute,), False))
        for start, end, hour in numbers.bare_hours(self.norm, low, high):
            base = (hour % 12) * 60
            found.append((start, end, (float(base),) if part == 0 else
                          (float(base + 720),) if part == 12 else
                          (float(base), float(base + 720)), True))
        found.sort()
        after = [f for f in found if f[0] >= m.start]
        chosen = after[0] if after else (found[-1] if found else None)
        if chosen is None:
            return None
        clock_start = chosen[0]
        approximate = any(h.cue.kind == "approximate" and h.end <= clock_start and
                          self._reaches(h.end, clock_start, h.cue.scope)
                          for h in self._cues_of.get(m.sentence, ())) or \
            any(h.cue.kind == "correction" and low <= h.start < high
                for h in self._cues_of.get(m.sentence, ())) or \
            (chosen[3] and _ANOTHER_NUMBER.search(self.norm, chosen[1],
                                                  min(high, chosen[1] + 40)) is not None)
        weekday = numbers.day(after_text)
        if weekday is None:
            weekday = numbers.day(before_text)
        relative = numbers.relative_day(after_text)
        if relative is None:
            relative = numbers.relative_day(before_text)
        return _When(weekday, relative, chosen[2], approximate, chosen[0], chosen[3])

    def _settled(self, by_path: dict[str, list[_Mention]]) -> list[Proposal]:
        proposals = []
        several = any(m.certainty == "stated" and isinstance(m.value, int) and m.value > 1
                      for m in by_path.get(_COUNT, ()))
        weak = self.texts("notes.reason.weak")
        for path, mentions in by_path.items():
            shown_by_one = self._shown_by_one(path, mentions) if several else None
            if shown_by_one is not None:
                proposals.append(self._proposal(shown_by_one, "stated",
                                                self.texts("notes.reason.one_of_several")))
                continue
            if several and self._of_one(path, mentions):
                best = mentions[0]
                proposals.append(self._proposal(best, "unsure",
                                                self.texts("notes.reason.of_one")))
                continue
            values: dict[object, list[_Mention]] = {}
            for m in mentions:
                if m.value is not None:
                    values.setdefault(_key(m.value), []).append(m)
            if len(values) == 1:
                group = next(iter(values.values()))
                unsure = [m for m in group if m.certainty == "unsure"]
                if len(unsure) < len(group) and all(m.reason == weak for m in unsure):
                    unsure = []  # "showed me around, a proper tour"
                best = unsure[0] if unsure else next(
                    m for m in group if m.certainty == "stated")
                proposals.append(self._proposal(best, "unsure" if unsure else "stated",
                                                best.reason))
                continue
            shown = self.texts.join([self._value(group[0]) for group in values.values()])
            for group in values.values():
                proposals.append(self._proposal(group[0], "unsure", self.texts(
                    "notes.reason.both", values=shown)))
        return proposals

    def _shown_by_one(self, path: str, mentions: list[_Mention]) -> _Mention | None:
        """With several interviewers a cue one of them shows counts ("Mrs Harlow didn't
        crack a smile, but Mr Singh was smiley"): the stated true mention, when every
        false one is about one person, not the whole panel ("none of them smiled")."""
        if not path.startswith("body_language.") or \
                path == "body_language.naturally_friendly":
            return None
        yes = [m for m in mentions if m.value is True]
        no = [m for m in mentions if m.value is False]
        yes = sorted(yes, key=lambda m: m.certainty != "stated")
        if not yes or yes[0].certainty != "stated" or not no or \
                len(yes) + len(no) != len(mentions):
            return None
        return None if any(self._whole_panel(m) for m in no) else yes[0]

    def _of_one(self, path: str, mentions: list[_Mention]) -> bool:
        """Whether every mention says no to a body-language cue about one interviewer of
        several ("the team lead did not smile"), never the whole panel."""
        if not path.startswith("body_language.") or \
                path == "body_language.naturally_friendly":
            return False
        if not mentions or any(m.value is not False for m in mentions):
            return False
        return not any(self._whole_panel(m) for m in mentions)

    def _whole_panel(self, m: _Mention) -> bool:
        sentence = self.layout.sentences[m.sentence]
        return _WHOLE_PANEL.search(self.norm, sentence.start, m.end) is not None

    def _proposal(self, m: _Mention, certainty: Certainty, reason: str) -> Proposal:
        return Proposal(path=m.path, value=m.value, certainty=certainty,  # type: ignore[arg-type]
                        evidence=self._evidence(m.start, m.end), reason=reason)

    def _implied(self, proposals: list[Proposal]) -> list[Proposal]:
        """Add what stated or unsure proposals imply (a reply's tone: a reply came), until
        nothing more follows."""
        out = list(proposals)
        changed = True
        while changed:
            changed = False
            by_path: dict[str, list[Proposal]] = {}
            for p in out:
                by_path.setdefault(p.path, []).append(p)
            for rule in self.reader.book.implications:
                sources = [p for p in by_path.get(rule.path, [])
                           if rule.value is None or _key(p.value) == _key(rule.value)]
                if len(by_path.get(rule.path, [])) != 1 or not sources:
                    continue
                source = sources[0]
                if rule.then_path in by_path:
                    # a question the note asks is settled by what it states after:
                    # "did you send the thank-you?" ... "he replied immediately"
                    asked = by_path[rule.then_path]
                    if not (source.certainty == "stated" and len(asked) == 1 and
                            asked[0].reason == self._asked and
                            _key(asked[0].value) == _key(rule.then_value)):
                        continue
                    out.remove(asked[0])
                implied = Proposal(path=rule.then_path, value=rule.then_value,
                                   certainty=source.certainty, evidence=source.evidence,
                                   reason=self.texts("notes.reason.follows",
                                                     label=self._label(rule.path)))
                self._implied_from[rule.then_path] = rule.path
                out.append(implied)
                by_path[rule.then_path] = [implied]
                changed = True
        return out


def _without_contradictions(proposals: list[Proposal], implied_from: dict[str, str],
                            texts: Texts) -> list[Proposal]:
    """Stated proposals that the vocabulary forbids together become unsure, and so do a
    stated proposal whose prerequisite is itself unsure (a reply's tone when the reply is
    in doubt) and one implied by a proposal that became unsure."""
    def unsure(path: str) -> str:
        return texts("notes.reason.unsure", label=texts.lower(texts.label(path)))

    out = list(proposals)
    changed = True
    while changed:
        changed = False
        stated = {p.path: p.value for p in out if p.certainty == "stated"}
        doubtful = {p.path for p in out if p.certainty == "unsure"} - set(stated)
        # why each becomes unsure: another is unsure (as it is), or a contradiction
        clash: dict[str, tuple[str, bool]] = {path: (unsure(source), False)
                                              for path, source in implied_from.items()
                                              if source in doubtful}
        for dependent, prerequisite, _ in PREREQUISITES:
            if dependent in stated and stated.get(prerequisite) is False and \
                    stated[dependent] is not False:
                why = texts(f"field.{dependent}.needs.{prerequisite}")
                clash[dependent] = clash[prerequisite] = (why, True)
            elif dependent in stated and stated[dependent] is not False and \
                    prerequisite in doubtful:
                clash[dependent] = (unsure(prerequisite), False)
        for a, va, b, vb, _ in EXCLUSIONS:
            if _key(stated.get(a)) == _key(va) and _key(stated.get(b)) == _key(vb):
                clash[a] = clash[b] = (texts(f"field.{a}.excludes.{b}"), True)
        for i, p in enumerate(out):
            if p.certainty == "stated" and p.path in clash:
                why, contradiction = clash[p.path]
                out[i] = evolve(p, certainty="unsure", reason=texts(
                    "notes.reason.contradicts", why=why) if contradiction else why)
                changed = True
    return out


def _one_field_per_number(mentions: list[_Mention], norm: str) -> list[_Mention]:
    """A number two fields' phrases claim ("took 50 minutes, planned were 60": 50 is no
    planned length) goes to the phrases that hold it without a comma in between."""
    by_number: dict[int, list[_Mention]] = {}
    for m in mentions:
        if m.slot_end:
            by_number.setdefault(m.slot_start, []).append(m)
    dropped: set[int] = set()
    for claims in by_number.values():
        if len({m.path for m in claims}) < 2:
            continue
        split = [m for m in claims if "," in norm[m.start:m.slot_start] + norm[m.slot_end:m.end]]
        if len(split) < len(claims):
            dropped.update(id(m) for m in split)
    return [m for m in mentions if id(m) not in dropped]


def _between(marks: list[int], start: int, end: int) -> bool:
    """Whether a sorted list of offsets has one in ``[start, end)``."""
    i = bisect.bisect_left(marks, start)
    return i < len(marks) and marks[i] < end


@frozen
class _When:
    """A time the note gives for an event: its day of the week (Monday 0), its day placed
    by words (``("day", -1)`` the day before the note, ``("next", 1)`` the day after the
    other event), the minutes after midnight it may mean (two for a bare hour), and whether
    the note says it only roughly or corrects it."""

    weekday: int | None
    relative: tuple[str, int] | None
    minutes: tuple[float, ...]
    approximate: bool
    at: int
    """Where the time is written."""
    bare: bool
    """Whether it is a bare hour after "at" ("at 11")."""


def _first_after(found: list[re.Match[str]], m: _Mention) -> re.Match[str] | None:
    """The first match after the mention starts, else the last before it."""
    after = [f for f in found if f.start() >= m.start]
    if after:
        return after[0]
    return found[-1] if found else None


def _key(value: object) -> object:
    """Values compared as the vocabulary does: ``True`` is not ``1``."""
    return (type(value).__name__ if isinstance(value, bool) else "n", value)


def _fitted(path: str, number: float) -> Value | None:
    """A number as ``path`` takes it: a whole number of minutes, hours to the hundredth."""
    spec = VOCABULARY[path]
    if spec.kind == "int":
        if not float(number).is_integer():
            return None
        return CHECKS[path](int(number))
    return CHECKS[path](round(float(number), 2))


def _by_path(mentions: list[_Mention]) -> dict[str, list[_Mention]]:
    out: dict[str, list[_Mention]] = {}
    for m in mentions:
        out.setdefault(m.path, []).append(m)
    return out


def _longest(mentions: list[_Mention]) -> list[_Mention]:
    """Of the mentions of one field that overlap, the longest ("no tour" over "tour")."""
    kept: list[_Mention] = []
    last: dict[str, _Mention] = {}  # per field, the mention kept last
    for m in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        before = last.get(m.path)
        if before is not None and m.start < before.end:
            if m.end - m.start <= before.end - before.start:
                continue
            kept.remove(before)  # a longer one starting inside: it wins
        kept.append(m)
        last[m.path] = m
    kept.sort(key=lambda m: m.start)
    return kept
