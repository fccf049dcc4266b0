"""Read a note: find the phrases of each field and decide for each what the cues around it
do (ConText's scopes: negated, hedged, a plan, someone else's); ``settle`` then makes the
fields' proposals of these mentions.

Neighbours: ``text`` lays the note out; ``matchers`` and ``numbers`` find phrases and read
numbers; ``mentions`` holds what is found; ``settle`` settles it into a ``NotesReading``
(``reading``). The knowledge (phrases, cues, topics, relations, implications) is the
rulebook's ``NotesBook``; this module knows kinds, never words.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Iterator
from typing import TypeVar

from attrs import evolve

from .._errors import ArgumentError
from .._observations import VOCABULARY, Value
from .._quoting import describe
from .._rulebook import Cue, FieldPhrases, NotesBook, Phrase, Relation, Topic, frame_texts
from .._texts import Texts
from .lexicon import resolve, word_forms
from .matchers import Found, Index, Matcher, Owner, note_keys
from .mentions import CueHit, Mention, fitted, value_key
from .numbers import Numbers
from .reading import Certainty, Evidence, NotesReading, SetAside
from .settle import Settling
from .text import MAX_NOTE_BYTES, Layout, Sentence, lay_out, normalise

_BREAK_NOT_COLON = r"[;()\[\]\u2014]|\s[-\u2013]\s"
_CLAUSE_BREAK = re.compile(_BREAK_NOT_COLON + r"|:\s")
"""What ends a clause: a semicolon, a bracket, a dash between spaces, a colon."""
_NEW_SUBJECT = re.compile(r",\s+(?:i|i'm|im|he|she|they|we|it|it's|there|just|only|simply|"
                          r"merely|more|rather)\s")
"""A comma that a new subject follows ("she didn't read off a list, she was curious") or a
contrast ("not cold, just businesslike"): it ends the reach of a cue forward, not backward
("he nodded, I think")."""
_OPENERS = " \t\n-*\u2022>\"'"
"""What may stand before a cue that opens its sentence: spaces, bullets and quotes."""
_AFTER_QUOTE = " \t,-\u2013\u2014"
"""What may stand between a quotation and a cue right after it that bears on it."""
_WORDS = re.compile(r"[\w']+")
_COUNT = "interview.interviewer_count"
_SPECIFICS = "thank_you.references_specifics"
_TONE = "thank_you.tone"
_CURT_WORDS = 1
_REPORTING_WORDS = 5
_SHORT_CORRECTION = 2  # words at most between a number's phrase and a short cue correcting it
_BEARS_ON_ASKING = ("negation", "hedge", "hypothetical", "other_person", "writer")
_AGREEMENT = "body_language.verbal_agreement"
_INTRODUCING_WORDS = 4
_GREETINGS = frozenset({"dear", "hi", "hello", "hey", "thanks", "thank", "you", "cheers"})
"""The words after which a capitalised word in a reply quoted is a name ("Dear Maria",
"Thanks Ben")."""
_AGREEMENT_WORDS = 8
"""The most words a quotation of agreement has ("yes, that's exactly our approach")."""
_CLAUSE_OPEN = re.compile(r"[,;(\[\n\u2013\u2014]|->|\s-\s")
"""Where a clause of a note's own opens (a colon is no such place: what follows a label
answers it)."""
_LABEL_OR_CLAUSE = re.compile(rf"{_CLAUSE_OPEN.pattern}|:")
"""Where a clause opens, or a label's answer."""
_QUOTE_CLAUSE = re.compile(rf"{_CLAUSE_OPEN.pattern}|:|\b(?:and|but|then)\b")
"""Where the clause a quotation stands in may open (a colon and a joining word too): its
subject comes first."""
_CLAUSE_END = re.compile(r"[ \t\"']*(?:[,;:.!?)\]\n\u2013\u2014]|->|-\s|$)")
"""What may follow a phrase that ends its clause (``>``)."""
_NUMBER_END = re.compile(rf"{_CLAUSE_END.pattern}|[ \t]*\(")
"""What may follow a phrase with a number that ends its clause: an aside in brackets too
("2 interviewers (the head and her deputy)")."""
_NAME_AFTER = re.compile(r",?[ \t]+([A-Z][a-z]+)(?![\w'])")
"""A name right after the words that name another person ("my friend Jess")."""
_FAR = "far"
"""The scope of a negation read past its words (``_far_cue``): only a clause break or a
terminating cue for every kind ends it."""
_LABEL_COLON = re.compile(r"[ \t]*:[ \t]*")
"""What stands between a label and its answer ("Tour: no")."""
_BLANK_LINE = re.compile(r"\r?\n[ \t]*\r?\n")
"""A blank line, in the note as written (its "\\r\\n" line breaks included)."""
_LABEL_OPENS = re.compile(r"[ \t*>\u2022-]{0,4}[a-z][\w' /-]{0,40}:")
"""A sentence that opens with a heading of its own ("Next steps: pending")."""
_YES_ENDS_LINE = re.compile(r"[ \t.!]*(?:\n|\Z)")
_NOT = re.compile("not")
_DOUBT_A_YES = ("hedge", "approximate", "correction", "hypothetical", "other_person")
"""The cues in the sentence after a heading's yes that leave it to confirm (the first three
only, before the colon of a next sentence that is a heading of its own)."""
_LIST_CLOSE = re.compile(r"\b(?:or|nor)\b")
_AND = re.compile(r"\b(?:and|&)(?!\w)")
_Q = "['\"\u2018\u2019\u201c\u201d]"
_NEW_CLAUSE_SUBJECT = re.compile(
    r"\s+(?:we|she|he|they|i|there|the|our|my|her|his|their|it(?!\s+(?:counts|does|did)\b))"
    r"\b(?!')")
"""The subject of the clause such a doubt opens: not "that" or "so", which look back ("and
I guess that counts")."""
_CLAUSE_JOINED = re.compile(
    r"\b(?:and|but|so|because|cos|while|whereas|though|although|yet)[^\w.!?;\n]*\Z")
"""A conjunction right before a doubt ("... and I think we went on"): the doubt opens the
clause it joins and casts none on the clause before (searched up to the doubt)."""

_OR_ITEMS = re.compile(rf"(?:\s*{_Q}?[\w'-]+(?:\s+[\w'-]+)?{_Q}?\s*,)*"
                       rf"\s*{_Q}?[\w'-]+(?:\s+[\w'-]+)?{_Q}?\s*\b(?:or|nor)\s+{_Q}?")
"""The items of a list closed by "or" before its last one ("no 'great' or 'good answer'"):
a short negation reaches over them to the last."""
_MARKS_REACH = 16
"""How far a bracket is looked for around a remark, past marks and emoji ("(NOT!)")."""
_DENIAL_REACH = 200
"""How far after another person's sign the writer's denial of their own is looked for."""
_OPENS_BRACKET = re.compile(r"[(\[][^\w()\[\]]*\Z")
_CLOSES_BRACKET = re.compile(r"[^\w()\[\]]*[)\]]")
"""A bracket right before a remark and one right after it, marks and emoji between."""
_DENIAL_GOES_ON = frozenset({
    "either", "though", "tho", "at", "all", "anything", "like", "that", "this", "today",
    "sadly", "unfortunately", "lol", "haha", "obviously", "yet", "ask", "asked", "get", "got",
    "offer", "show", "invite", "book", "reply", "one", "any", "much", "so", "and", "but"})
"""The English words that may follow a denial of the writer's own ("mine didn't ask
anything like that"): any other word makes it say something else ("Mine didn't last
long"). A known weak point: a list in code, not in the pack."""
_HE = frozenset({"he", "him", "his", "he's", "he'd"})
_SHE = frozenset({"she", "her", "hers", "she's", "she'd"})
"""The English words for one man or one woman, to tell whom a remark in brackets is about."""
_SETS_ASIDE = ("writer", "other_person", "hypothetical")  # the first that applies is the reason
_WHY_ASIDE = {"other_person": "other_person", "writer": "writer", "hypothetical": "plan"}
"""The reason (``notes.reason.<key>``) each kind of cue that sets a mention aside gives."""
_MAKES_UNSURE = ("hedge", "approximate")
_POSSESSIVES = frozenset({"her", "his", "their", "my", "your", "its", "our"})
"""Words before a label that make it someone's ("Her tour: yes")."""
_Owner = TypeVar("_Owner", Cue, Topic, FieldPhrases, Relation)


class NotesReader:
    """A ``NotesBook`` compiled once; ``read(text)`` reads one note with it."""

    def __init__(self, book: NotesBook) -> None:
        book = resolve(book)  # word classes and inflections spelled out
        self.book = book
        classes = word_forms(book)
        self.numbers = Numbers(book.numbers, people=classes)
        owners: tuple[Owner, ...] = (*book.phrases, *book.cues, *book.topics, *book.relations)
        before = self.numbers.before
        self.index = Index([Matcher(p, owner, before) for owner in owners for p in owner.phrases])
        self._clock = re.compile(self.numbers.slot("clock"))
        fillers = sorted(classes.get("filler", ()), key=lambda f: (-len(f), f))
        self.fillers = re.compile(r"(?<![\w'])(?:" + "|".join(
            re.escape(f).replace(r"\ ", r"\s+") for f in fillers) + r")(?![\w'])") \
            if fillers else None
        """The pack's filler words ("um", "uh"), read as spaces: "booked for, uh, forty
        minutes" is "booked for forty minutes" to a phrase."""
        self.alternative = _any_word(classes.get("alternative", ()))
        """The words that open the second half of a question asked in two ("or")."""
        self.asking = _any_word(classes.get("asking", ()))
        self.asking_not, self.writer_subject = (
            frozenset(w for w in classes.get(name, ()) if w.strip())
            for name in ("asking_not", "writer_subject"))
        """The words that report a question someone asked ("asked me straight:"): a question
        after them and a colon is theirs, not the writer's, unless the writer asks or a word
        of ``asking_not`` comes right before ("Questions to ask:"). The words of the writer
        as a subject: a quotation in a clause they open is the writer's own."""
        self.plain_reply, self.reply_core, self.curt_reply, self.agreeing, \
            self.agreeing_alone = (
                frozenset(w for w in classes.get(name, ()) if w.strip())
                for name in ("plain_reply", "reply_core", "curt_reply", "agreeing",
                             "agreeing_alone"))
        """The words a reply is made of when it says nothing of the interview ("Thanks,
        we'll be in touch."), and those of them one such reply has at least one of
        ("thanks", "received"): a reply quoted in those words alone is no reply about it;
        a reply of a single word of ``curt_reply`` is curt ("'Noted.'").
        Words that agree out loud ("exactly", "agreed"), and those that do only alone
        ("good, good"): a short quotation with one of the first, or of the second only, is
        agreement said (``_Reading._agreement_quoted``)."""
        self.reply_topic = next((f.topic for f in book.phrases if f.path == _SPECIFICS and
                                 f.value is False and f.topic), None)
        self._plain_phrase = Phrase(text="'...'", parts=())
        self.writer, self.third_person, self.someone, self.interview_named, \
            self.booking = (_any_word(classes.get(name, ())) for name in (
                "writer", "third_person", "someone", "interview_named", "booking"))
        """The words by which a sentence speaks of its writer ("I", "me"), of what happened
        to someone else ("him", "she'd been") and of someone else at all ("she", "they"): a
        sentence of the second kind only, right after one about another person, goes on
        about them (``_Reading._carried_over``), and so does the rest of a sentence naming
        one that speaks of someone and not of the writer (``_Reading._still_theirs``).
        The words that name the interview itself ("phone screen", "interview"): a length
        standing alone in the clause after them is what it took, unless words of
        ``booking`` ("booked", "slot") come between."""
        self.answer_yes, self.answer_no = (
            re.compile(rf"(?:{words.pattern})(?=\s*(?:[,.!;:\u2013\u2014-]|$))")
            if words is not None else None
            for words in (_any_word(classes.get(name, ())) for name in ("answer_yes",
                                                                         "answer_no")))
        """The words that answer a question yes or no, where they end their clause ("No,
        it was on Zoom"; not "No idea")."""
        self.answer_not, self.answer_more, self.answer_limits, self.answer_contrast, \
            self.answer_after = (_any_word(classes.get(name, ())) for name in (
                "answer_not", "answer_more", "answer_limits", "answer_contrast",
                "answer_after"))
        """A question with a word of ``answer_not`` ("did you", "normally") is answered for
        nobody; an answer followed at once by a word of ``answer_more`` ("Yes, at her
        phone") or with one of ``answer_limits`` in its next three words ("No, just the
        younger one") says more than yes or no, and so does a no with one of
        ``answer_contrast`` ("No, the receptionist did") and an answer whose next sentence
        opens with one of ``answer_after`` ("Yes. At her phone")."""
        self.question_frame = frozenset(
            w for name in ("question_frame", "space") for w in classes.get(name, ()) if w)
        """The words a plain question may have besides the field's ("Did they give you a
        tour?", "Tour of the lab?")."""
        lead = _any_word(classes.get("answer_lead", ()))
        self.answer_lead = re.compile(rf"(?:(?:{lead.pattern})[,!.:]*\s+)+") \
            if lead is not None else None
        """Words an answer may open with before its yes or no ("Ha, no", "A: no")."""
        self.person_pronoun = frozenset(classes.get("person_pronoun", ()))
        self.person = _any_word(classes.get("person", ()))
        """The words that name a person ("the controller"): a reply's absence said of one
        names that person ("Controller: nothing yet"), not the whole panel."""
        self.now_words = _any_word(classes.get("now_words", ()))
        """Words that name the interview the note is about ("today", "this time"): an
        aside in brackets with one of them goes on about it, not about the occasion before."""
        self.not_for_me = _any_word(classes.get("not_for_me", ()))
        """Words by which the writer says that what another had, they did not ("but not
        me", "mine didn't")."""
        self.taken_back = _any_word(classes.get("taken_back", ()))
        """Words that take back what was just said ("she replied! In my dreams.")."""
        self.reply_elsewhere = _any_word(classes.get("reply_elsewhere", ()))
        """Things besides the thank-you a reply may answer ("replied to my CV")."""
        self.other_doings = _any_word(classes.get("other_doings", ()))
        """What else a candidate may time ("Lunch after, an hour, the team lead")."""
        acts = _any_word(classes.get("panel_part_acts", ()))
        self.part_acts = re.compile(
            rf"\s*(?:(?:were|was|are|also|all|just|really)\s+)?(?:{acts.pattern})"
        ) if acts is not None else None
        """What some of a panel do, right after a count ("Two of them were nodding")."""
        entry = _any_word(classes.get("entry_label", ()))
        self.entry = re.compile(
            rf"[^\w']*+(?:{entry.pattern})[^:\u2013\u2014\n.!?]{{0,24}}?(?::|[ \t][-\u2013\u2014])"
        ) if entry is not None else None
        """An entry of a running log opening its sentence ("Day 5:", "Tues -", "Update:")."""

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
        if reader.fillers is not None:
            self.norm = reader.fillers.sub(lambda m: " " * len(m.group()), self.norm)
        self.layout: Layout = lay_out(self.norm)
        self.set_aside: list[SetAside] = []
        self._implied_from: dict[str, str] = {}
        """Each field a proposal was implied for, and the field it follows from."""
        self._masks: dict[str, tuple[str, dict[int, int]]] = {}
        self._places = note_keys(self.norm, [s.start for s in self.layout.sentences],
                                 reader.index.prefix_length)
        """Per key of the note (``matchers.note_keys``), the sentences that hold it."""
        self.found: dict[int, tuple[Owner, list[Matcher]]] = {}
        for matcher in reader.index.candidates(self._places):
            self.found.setdefault(id(matcher.owner), (matcher.owner, []))[1].append(matcher)
        self._hiding: list[CueHit] = []
        self.cues = self._find_cues()
        self.cues += self._named_others()
        self._cues_of: dict[int, list[CueHit]] = {}
        for hit in self.cues:
            self._cues_of.setdefault(self.layout.sentence_at(hit.start).index, []).append(hit)
        # Where words start, clauses break and terminating cues stand: what a cue's scope
        # is measured by, each looked up by bisection.
        self._words = [w.start() for w in _WORDS.finditer(self.norm)]
        self._clause_opens: list[int] | None = None  # where a quotation's clause may open
        self._breaks = [b.start() for b in _CLAUSE_BREAK.finditer(self.norm)]
        self._terminators = [(c.start, c.cue.kinds) for c in self.cues
                             if c.cue.kind == "terminate"]
        self._ends: dict[str, list[int]] = {}
        """Per cue kind, where terminating cues end its scope (built when first asked)."""
        self._commas = [c.start() for c in re.finditer(",", self.norm)]
        self._subjects = [c.start() for c in _NEW_SUBJECT.finditer(self.norm)]
        self._topic_named: dict[str, set[int]] = {}
        """Per topic, the sentences whose words name it."""
        self.topics = self._reached_by_topics()
        self._carried = self._carried_over()
        self._several = next((c for c in self.cues if c.cue.kind == "several"), None)
        """A cue saying the note tells of more than one interview, if the note has one."""
        self._counted: set[int] = set()
        """The sentences whose words count the interviewers (set by ``result``)."""
        self._direct: set[tuple[str, object]] = set()
        """The fields and values the note's phrases give directly (set by ``result``)."""
        self._mentions_found: list[Mention] = []
        """Every mention the note's phrases found, by where it starts (set by ``result``)."""
        self._mention_starts: list[int] = []
        self._same_one: dict[int, bool] = {}
        """Per remark in brackets (by where it starts), whether it speaks of the same one."""
        self._beside: set[tuple[str, int]] = set()
        """The fields read against another field and the sentences that name that other
        field (set by ``result``)."""

    # --- finding -----------------------------------------------------------------------

    def _of(self, kind: type[_Owner]) -> list[tuple[_Owner, list[Matcher]]]:
        """The phrases of this kind of owner that may match the note, by owner, in book
        order."""
        return [(owner, matchers) for owner, matchers in self.found.values()
                if isinstance(owner, kind)]

    def _find_cues(self) -> list[CueHit]:
        hits = [CueHit(cue=cue, start=f.start, end=f.end, words=self.norm[f.start:f.end])
                for cue, matchers in self._of(Cue) for m in matchers
                for f in self._within_sentences(m)
                if (self._fills_brackets(f.start, f.end) if cue.in_brackets else
                    not self._answers(cue, f.start))]
        # A longer cue hides a shorter one of another kind inside it ("no wait" is no
        # negation; "not sure" no plain "not"): what ConText's pseudo cues are for.
        # Only where the longer one bears on every field the shorter does: "if she" asking
        # about interest hides no "if" before an invitation.
        hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
        kept: list[CueHit] = []
        # per cue (by identity: hashing a cue would hash all its phrases), its kept hit
        # reaching furthest so far
        reach: dict[int, CueHit] = {}
        for hit in hits:
            if not any(k.cue.kind != hit.cue.kind and k.end >= hit.end and
                       k.end - k.start > hit.end - hit.start and _covers(k.cue, hit.cue)
                       for k in reach.values()):
                kept.append(hit)
                held = reach.get(id(hit.cue))
                if held is None or held.end < hit.end:
                    reach[id(hit.cue)] = hit
        self._hiding = [k for k in kept if k.cue.kind == "pseudo" and k.cue.fields]
        return [k for k in kept if k.cue.kind != "pseudo"]

    def _answers(self, cue: Cue, start: int) -> bool:
        """Whether a short taking back (a backward hypothetical that a comma ends) opens
        its sentence, where it answers the question before ("Did he smile? Haha no, he
        didn't"), not takes anything back."""
        if not (cue.kind == "hypothetical" and cue.direction == "backward" and
                cue.ends_at_comma):
            return False
        sentence = self.layout.sentence_at(start)
        return _WORDS.search(self.norm, sentence.start, start) is None

    def _of_the_same_one(self, hit: CueHit) -> bool:
        """Whether a remark in brackets that names "he" or "she" follows words about the
        same one (or names nobody else): not "He smiled a lot (she didn't)". (Once per
        remark: a sentence is at most ``MAX_SENTENCE`` characters.)"""
        known = self._same_one.get(hit.start)
        if known is None:
            said = set(_WORDS.findall(hit.words))
            own, other = (_HE, _SHE) if "he" in said else (_SHE, _HE) if "she" in said \
                else (frozenset(), frozenset())
            before = set(_WORDS.findall(self.norm, self.layout.sentence_at(hit.start).start,
                                        hit.start)) if own else set()
            known = self._same_one[hit.start] = not (before & other) or bool(before & own)
        return known

    def _fills_brackets(self, start: int, end: int) -> bool:
        """Whether the words from ``start`` to ``end`` are all a pair of brackets holds
        (marks and emoji aside: "(NOT!)", "[he did not 😂]")."""
        return _OPENS_BRACKET.search(self.norm, max(0, start - _MARKS_REACH),
                                     start) is not None and \
            _CLOSES_BRACKET.match(self.norm, end, end + _MARKS_REACH) is not None

    def _named_others(self) -> list[CueHit]:
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
            out += [CueHit(cue=hit.cue, start=a.start(), end=a.end(),
                         words=self.norm[a.start():a.end()])
                    for a in again.finditer(self.text, name.end())]
        return out

    def _mask(self, slot: str) -> tuple[str, dict[int, int]]:
        """The note with the numbers a slot takes masked (``Numbers.masked``), made once
        per slot."""
        mask = self._masks.get(slot)
        if mask is None:
            mask = self._masks[slot] = self.reader.numbers.masked(self.norm, slot,
                                                                  self._number_starts)
        return mask

    @functools.cached_property
    def _number_starts(self) -> list[int]:
        """Where a number may start in the note, for every slot masked."""
        return self.reader.numbers.number_starts(self.norm)

    def _find(self, matcher: Matcher, text: str) -> Iterator[Found]:
        """Where a phrase matches, searched only in the sentences that hold the word it is
        filed under (a phrase never spans two sentences): far less text to scan."""
        keys = self.reader.index.keys.get(id(matcher))
        if keys is None:
            yield from matcher.find(text)
            return
        places = self._places
        sentences: set[int] = set()
        for word, prefix in keys:
            sentences.update(places.get(word if prefix else f"{word} ", ()))
        layout = self.layout.sentences
        for i in sorted(sentences):
            yield from matcher.find(text, layout[i].start, layout[i].end)

    def _within_sentences(self, matcher: Matcher) -> Iterable[Found]:
        slot = matcher.phrase.slot
        text, spans = self.norm, None
        if slot is not None:
            text, spans = self._mask(slot)
        for match in self._find(matcher, text):
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
            if matcher.phrase.clause_start and not self._opens_clause(sentence.start,
                                                                       found.start):
                continue
            if matcher.phrase.clause_end and (_NUMBER_END if slot else _CLAUSE_END).match(
                    self.norm, found.end, sentence.end) is None and found.end < sentence.end:
                continue
            yield found

    @functools.cached_property
    def _breaks_not_colon(self) -> list[int]:
        """The clause breaks but the colons (found only for a cue that needs them)."""
        return [b.start() for b in re.finditer(_BREAK_NOT_COLON, self.norm)]

    def _opens_clause(self, sentence_start: int, start: int) -> bool:
        """Whether only a clause's opening (a comma, a dash, an arrow, a bracket, a
        bullet) stands between the start of the sentence or the last such mark and
        ``start``."""
        before = self.norm[sentence_start:start]
        cut = max((m.end() for m in _CLAUSE_OPEN.finditer(before)), default=0)
        return _WORDS.search(before, cut) is None

    def _reached_by_topics(self) -> dict[str, set[int]]:
        reached: dict[str, set[int]] = {}
        for topic, matchers in self._of(Topic):
            into = reached.setdefault(topic.name, set())
            named = self._topic_named.setdefault(topic.name, set())
            for matcher in matchers:
                for found in self._within_sentences(matcher):
                    first = self.layout.sentence_at(found.start).index
                    into.update(range(first, first + topic.reach))
                    named.add(first)
        return reached

    def _plain_replies(self) -> list[Mention]:
        """A reply quoted in the sentence that speaks of it or the next ("Two lines:
        'Thanks for coming in, we'll be in touch.'"), in words of the ``plain_reply`` class
        and names alone, one of ``reply_core`` among them: it mentions nothing of the
        interview."""
        plain, core = self.reader.plain_reply, self.reader.reply_core
        topic = self.reader.reply_topic
        if not plain or not core or topic is None:
            return []
        named = self._topic_named.get(topic, set())
        out = []
        for start, end in self.layout.quotes:
            sentence = self.layout.sentence_at(start).index
            if sentence not in named and (sentence - 1 not in named or not self._introduced(
                    self.layout.sentences[sentence].start, start)):
                continue
            words = self._quoted_words(start, end)
            if self._clause_opens is None:
                self._clause_opens = [o.end() for o in _QUOTE_CLAUSE.finditer(self.norm)]
            at = bisect.bisect_right(self._clause_opens, start) - 1
            clause = max(self.layout.sentences[sentence].start,
                         self._clause_opens[at] if at >= 0 else 0)
            opening = _WORDS.search(self.norm, clause, start)
            if opening is not None and opening.group() in self.reader.writer_subject:
                # the writer's own words quoted: "I replied 'Thanks.' to her email" (not
                # "I sent mine and she replied 'Thanks.'")
                continue
            said = [w for i, (w, _) in enumerate(words) if not self._a_name(words, i)]
            if 0 < len(said) <= _CURT_WORDS and "!" not in self.norm[start:end] and \
                    all(w in self.reader.curt_reply for w in said) and \
                    self._alone_in_its_sentence(start, end, sentence):
                out.append(Mention(path=_TONE, value="curt", start=start, end=end,
                                   sentence=sentence, phrase=self.reader._plain_phrase,
                                   reason=self.texts("notes.reason.curt_reply"), weak=True))
            if not 0 < len(words) <= 30 or not any(w in core for w, _ in words) or not all(
                    w in plain or self._a_name(words, i) for i, (w, _) in enumerate(words)):
                continue
            out.append(Mention(path=_SPECIFICS, value=False, start=start, end=end,
                               sentence=sentence, phrase=self.reader._plain_phrase,
                               reason=self.texts("notes.reason.plain_reply"), weak=True))
        return out

    def _words_back(self, pos: int, count: int, floor: int) -> int:
        """Where the ``count``-th word before ``pos`` starts, never before ``floor``."""
        at = bisect.bisect_left(self._words, pos)
        return max(floor, self._words[at - count]) if at >= count else floor

    def _alone_in_its_sentence(self, start: int, end: int, sentence: int) -> bool:
        """Whether a quotation is all of the reply its sentence tells: nothing after it
        ("'Thanks' plus two paragraphs", "'Thanks' myself"), and not the writer's own
        ("My reply: 'OK'", "my answer was 'ok'") by the words right before it."""
        close = self.layout.sentences[sentence].end
        if _WORDS.search(self.norm, end, close) is not None:
            return False
        writer = self.reader.writer
        low = self._words_back(start, 3, self.layout.sentences[sentence].start)
        return writer is None or writer.search(self.norm, low, start) is None

    def _quoted_words(self, start: int, end: int) -> list[tuple[str, int]]:
        """The words of a quotation, each with where it starts (its quotation marks,
        which are apostrophes to the word pattern, left out)."""
        return [(w.group().strip("'"), w.start() + (w.group()[0] == "'"))
                for w in _WORDS.finditer(self.norm, start, end) if w.group().strip("'")]

    def _a_name(self, words: list[tuple[str, int]], i: int) -> bool:
        """Whether the ``i``-th word of a reply quoted (each with where it starts) is a name
        or an initial: capitalised, one letter or after a greeting ("Dear Maria", "Thanks
        Ben", "R.")."""
        word, at = words[i]
        return self.text[at].isupper() and (
            len(word) == 1 or (i > 0 and words[i - 1][0] in _GREETINGS))

    def _introduced(self, sentence_start: int, quote_start: int) -> bool:
        """Whether a quotation opening the sentence after a reply is introduced as that
        reply: by a few words none of which is the writer's ("Two lines:", "It just
        said"; not "My note had just said", "In the interview itself she had said")."""
        words = _WORDS.findall(self.norm, sentence_start, quote_start)
        writer = self.reader.writer
        return len(words) <= _INTRODUCING_WORDS and (
            writer is None or writer.search(self.norm, sentence_start, quote_start) is None)

    def _agreement_quoted(self) -> list[Mention]:
        """Words of agreement quoted ("kept going 'right, right, yeah'", "said 'love that'"):
        a short quotation, outside a sentence about a reply, with a word of the
        ``agreeing`` class in it. Who said them is weighed as for any phrase ("I said
        'yes'" is the writer's)."""
        agreeing = self.reader.agreeing
        if not agreeing:
            return []
        topic = self.reader.reply_topic
        named = self._topic_named.get(topic, set()) if topic is not None else set()
        out = []
        for start, end in self.layout.quotes:
            sentence = self.layout.sentence_at(start).index
            if sentence in named:
                continue
            words = {w for w, _ in self._quoted_words(start, end)}
            if not 0 < len(words) <= _AGREEMENT_WORDS or not (
                    agreeing & words or words <= self.reader.agreeing_alone):
                continue
            out.append(Mention(path=_AGREEMENT, value=True, start=start, end=end,
                               sentence=sentence, phrase=self.reader._plain_phrase,
                               reason=self.texts("notes.reason.agreement_quoted")))
        return out

    def _mentions(self) -> list[Mention]:
        mentions: list[Mention] = []
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
        mentions += self._plain_replies() + self._agreement_quoted()
        mentions = _one_field_per_number(
            [m for m in mentions if not self._hidden(m)], self.norm)
        return _longest(mentions + self._corrections(mentions), self.norm)

    def _hidden(self, m: Mention) -> bool:
        """Whether an idiom holds the mention's words and names its field ("nodded off"
        is no nod): a pseudo cue with ``fields``."""
        if m.relation is not None and m.relation.kind == "from":
            return False  # a start time is no value ("started at 2 on the dot")
        return any(h.start <= m.start and m.end <= h.end and m.path in h.cue.fields
                   for h in self._hiding)

    def _corrections(self, mentions: list[Mention]) -> list[Mention]:
        """A number right after a correction ("it lasted 30 minutes, no wait, 40") is a new
        value for the field the number before it gave."""
        out = []
        by_sentence: dict[int, list[Mention]] = {}
        paths_at: dict[int, set[str]] = {}
        for m in mentions:
            by_sentence.setdefault(m.sentence, []).append(m)
            if m.slot_end:
                paths_at.setdefault(m.slot_start, set()).add(m.path)
        ordered: dict[str, list[int]] = {}  # per slot, where its numbers start, in order
        for hit in self.cues:
            if hit.cue.kind != "correction":
                continue
            sentence = self.layout.sentence_at(hit.start)
            earlier = [m for i in (sentence.index - 1, sentence.index)
                       for m in by_sentence.get(i, ()) if m.slot_end and m.phrase.slot and
                       m.start < hit.start]
            if not earlier:
                continue
            before = max(earlier, key=lambda m: m.slot_start)  # the last number before
            if hit.cue.fields and before.path not in hit.cue.fields:
                continue
            slot = str(before.phrase.slot)
            spans = self._mask(slot)[1]
            if slot not in ordered:
                ordered[slot] = sorted(spans)
            starts = ordered[slot]
            between = bisect.bisect_left(starts, before.slot_end)
            if between < len(starts) and starts[between] < hit.start:
                # another number stands between ("meant to be half an hour but we were in
                # there an hour and a quarter easy, no actually exactly ..."): the
                # correction is of that one, whose field the note does not say
                continue
            after = bisect.bisect_left(starts, hit.end)
            if after == len(starts) or spans[starts[after]] > sentence.end:
                continue
            first = starts[after]
            if slot == "count" and \
                    self.reader.numbers.is_article(self.norm[first:spans[first]]):
                # an article is no count corrected: the count is a later number of the
                # sentence that ends its clause ("no wait, a third guy ... so three"), if
                # one does among the next few ("a third joined for 15 minutes" has none)
                later = [s for s in starts[after + 1:after + 6] if spans[s] <= sentence.end
                         and _CLAUSE_END.match(self.norm, spans[s]) is not None]
                if not later:
                    continue
                first = later[0]
            if hit.cue.scope is not None and (
                    bisect.bisect_left(self._words, first) - bisect.bisect_left(
                        self._words, hit.end) >= hit.cue.scope or
                    bisect.bisect_left(self._words, hit.start) - bisect.bisect_left(
                        self._words, max(before.slot_end, before.end)) > _SHORT_CORRECTION or
                    _CLAUSE_END.match(self.norm, spans[first]) is None):
                # a short cue ("No, 3:15") with other words before the number, or after
                # it ("No 5 minute break either"), or far from the number it would
                # correct ("All of them asked questions - no, 2")
                continue
            if paths_at.get(first, set()) - {before.path}:
                # the number after it is another field's ("booked 30 but actually an
                # hour"): a contrast, not a correction
                continue
            text = self.norm[first:spans[first]]
            number = self.reader.numbers.value(slot, text)
            if before.relation is not None and number is not None:
                # a time corrected ("finished at 3:05. No, 3:15"): the relation reads it
                out.append(evolve(before, start=hit.start, end=spans[first],
                                  sentence=sentence.index, slot_start=first,
                                  slot_end=spans[first], slot_value=number, corrects=True))
                continue
            value = None if number is None else fitted(before.path, number)
            if value is not None:
                out.append(evolve(before, value=value, start=hit.start, end=spans[first],
                                  sentence=sentence.index, slot_start=first,
                                  slot_end=spans[first], slot_value=number, corrects=True,
                                  relation=None))
        return out

    def _mention(self, path: str, value: Value | None, found: Found, sentence: int, *,
                 phrase: Phrase, relation: Relation | None = None) -> Mention | None:
        slot_value = range_start = None
        if phrase.slot is not None and found.slot_text is not None:
            slot_value = self.reader.numbers.value(phrase.slot, found.slot_text)
            if slot_value is None:
                return None
            if phrase.clause_start and phrase.slot in ("minutes", "hours") and \
                    not self.reader.numbers.is_length(found.slot_text):
                return None  # "2 interviewers, 25." : a bare number alone is no length
            if phrase.slot == "minutes" and relation is None and slot_value < 5:
                return None  # "we talked two minutes about the machines": no interview
            if phrase.slot == "minutes":
                range_start = self.reader.numbers.range_start(found.slot_text)
            if phrase.slot == "people" and found.slot_end is not None and \
                    self.reader.numbers.commas_only(found.slot_text) and \
                    _CLAUSE_END.match(self.norm, found.slot_end) is None:
                return None  # "one engineer, the head of HR sat in": a clause, no list
            if phrase.slot == "people" and found.slot_start is not None and \
                    self.reader.numbers.opens_with_pronoun(found.slot_text) and (
                        _WORDS.search(self.norm, self.layout.sentences[sentence].start,
                                      found.slot_start) is None or
                        any(h.cue.kind == "other_person"
                            for h in self._cues_of.get(sentence - 1, ()))):
                # "Her and the deputy showed me round": the subject, maybe not the panel
                # ("Panel was her and the team leader" is, unless the sentence before is
                # about someone else: "My sister interviewed there in March.")
                return None
            if phrase.slot == "count" and found.slot_start is not None:
                listed = self.reader.numbers.listed(self.norm, found.slot_start)
                if listed is not None and listed > slot_value:
                    # "were two academics and a lab manager": the number is the list's first
                    # item, not the panel (a phrase with the whole list may count it)
                    return None
                if self.reader.numbers.article_opens_list(self.norm, found.slot_start):
                    return None  # "Interviewers: a grade 7 and an assessor": no panel of one
            if relation is None:
                value = fitted(path, slot_value)
                if value is None:
                    spec = VOCABULARY[path]
                    self._aside(path, None, found.start, found.end, self.texts(
                        "notes.reason.does_not_fit", value=self.texts.number(slot_value),
                        label=self._label(path),
                        min=self.texts.number(float(spec.minimum or 0)),
                        max=self.texts.number(float(spec.maximum or 0))))
                    return None
        return Mention(path=path, value=value, start=found.start, end=found.end,
                        sentence=sentence, phrase=phrase, range_start=range_start,
                        slot_start=found.slot_start, slot_end=found.slot_end,
                        relation=relation, slot_value=slot_value)

    # --- weighing the cues -------------------------------------------------------------

    def _covers(self, hit: CueHit, m: Mention) -> bool:
        cue = hit.cue
        start, end = m.start, m.end
        if cue.in_brackets and not self._of_the_same_one(hit):
            return False  # "He smiled a lot (she didn't)": she is another interviewer
        if cue.answer:
            # "Tour: no": the answer to the label right before its colon, and only that
            return _LABEL_COLON.fullmatch(self.norm, end, hit.start) is not None and \
                not (cue.fields and m.path not in cue.fields) and m.path not in cue.not_fields
        if cue.kind == "approximate" and m.slot_end:
            # "lasted about an hour": the approximation bears on the number, wherever the
            # phrase's words are
            start, end = m.slot_start, m.slot_end
        if cue.kind == "writer" and hit.start < start < hit.end:
            return True  # "I asked if she ...": the writer is who asks
        bears = not (cue.fields and m.path not in cue.fields) and m.path not in cue.not_fields
        if bears and cue.kind in _SETS_ASIDE and cue.direction != "backward" and \
                (hit.start < start or (hit.start == start and cue.kind == "other_person")) and \
                start < hit.end < end and m.sentence == self.layout.sentence_at(hit.start).index:
            # a cue that runs into the phrase's first words: "Marco usually asks people
            # where else", "they'd show me the workshop", "they asked him where else"
            return True
        if hit.start < end and start < hit.end:
            return False  # a cue inside the phrase is part of it ("asked me if")
        if not bears:
            return False
        sentence = self.layout.sentence_at(hit.start)
        if sentence.index != m.sentence:
            return False
        quote = self.layout.quote_at(hit.start)
        if quote is not None and not (quote[0] <= start < quote[1]):
            # quoted words speak only within their quotation (an approximation there
            # bears on a number quoted with it: "the invite said 'approximately one hour'")
            return False
        if hit.end <= start and cue.kind in _SETS_ASIDE:
            # "Last time: a panel of 4, they called the lead in"; "(Round 1 was with the
            # manager, she took me round)": another occasion named as a label or in an
            # aside in brackets, which the rest of the line or the brackets are about
            heading = self._heading(hit, sentence.start, sentence.end)
            if heading is not None:
                return start < heading
        if hit.end <= start and cue.direction in ("forward", "both"):
            if cue.kind == "negation" and cue.scope is not None and \
                    _OR_ITEMS.fullmatch(self.norm, hit.end, start) is not None:
                return True  # "no 'great' or 'good answer'", "no smile or nod"
            return (self._reaches(hit.end, start, cue.scope, cue) and
                    not _between(self._subjects, self._opening(hit, sentence.start), start) and
                    self._past_commas(cue, hit.end, start, sentence.end)) or \
                self._still_theirs(hit, sentence.start, sentence.end)
        if end <= hit.start and cue.direction in ("backward", "both"):
            said = self.layout.quote_at(start)
            if said is not None and not self.norm[said[1]:hit.start].strip(_AFTER_QUOTE):
                return True  # right after a quotation, of what it quotes: "'...' - said no one"
            if cue.kind == "hedge" and self._opens_clause_after_conjunction(hit, sentence):
                return False  # "the slot was an hour and I think we went on": a new clause
            return self._reaches(end, hit.start, cue.scope, cue) and \
                self._past_commas(cue, end, hit.start, sentence.end)
        return False

    def _opens_clause_after_conjunction(self, hit: CueHit, sentence: Sentence) -> bool:
        """Whether a doubt that looks back also looks forward in the pack (its words are a
        forward hedge too: "I think") and here opens the clause a conjunction joins, with a
        subject of its own ("... and I think we went on"; not "and I guess that counts")."""
        return _CLAUSE_JOINED.search(self.norm, sentence.start, hit.start) is not None and \
            _NEW_CLAUSE_SUBJECT.match(self.norm, hit.end) is not None and \
            any(h.cue.kind == "hedge" and h.cue.direction == "forward" and
                h.start == hit.start and h.end == hit.end
                for h in self._cues_of.get(sentence.index, ()))

    def _still_theirs(self, hit: CueHit, sentence_start: int, sentence_end: int) -> bool:
        """Whether the rest of a sentence that names another person goes on about them past
        its clause breaks: it speaks of someone ("she", "they") after the cue and, outside
        the cue's own words, never of the writer ("My flatmate had her interview today -
        panel of five, they kept her three hours"; not "My friend says it's normal - they
        showed me round")."""
        writer, someone = self.reader.writer, self.reader.someone
        if hit.cue.kind != "other_person" or hit.cue.fields or writer is None or \
                someone is None:
            return False
        return writer.search(self.norm, sentence_start, hit.start) is None and \
            writer.search(self.norm, hit.end, sentence_end) is None and \
            someone.search(self.norm, hit.end, sentence_end) is not None

    def _heading(self, hit: CueHit, sentence_start: int, sentence_end: int) -> int | None:
        """Where the reach of a cue that heads its sentence ends: the end of the line for a
        label ("Last time: ..."), the closing bracket for an aside ("(Round 1 was ...)");
        None when the cue heads nothing."""
        before = self.norm[sentence_start:hit.start].strip(_OPENERS)
        if before == "(":
            close = self.norm.find(")", hit.end, sentence_end)
            return sentence_end if close < 0 else close
        if not before and _LABEL_COLON.match(self.norm, hit.end) is not None:
            return sentence_end
        return None

    def _opening(self, hit: CueHit, sentence_start: int) -> int:
        """Where a forward cue's reach may first be ended by a comma and a new subject:
        past the comma right after a hedge that opens its sentence ("If I'm not mistaken,
        she nodded": the main clause is what it bears on), else at the cue's end. (Not a
        conditional: "if I'm honest, she smiled" states what follows.)"""
        if hit.cue.kind == "hedge" and \
                not self.norm[sentence_start:hit.start].strip(_OPENERS):
            comma = _past_spaces(self.norm, hit.end)
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

    def corrects(self, sentence: int, start: int, end: int) -> bool:
        """Whether only a correction cue stands between ``start`` and ``end`` (a time and
        the one that corrects it: "Monday 9am, no, 9:30")."""
        for hit in self._cues_of.get(sentence, ()):
            if hit.cue.kind == "correction" and start <= hit.start and hit.end <= end and \
                    not _WORDS.search(self.norm[start:hit.start]) and \
                    not _WORDS.search(self.norm[hit.end:end]):
                return True
        return False

    def _reaches(self, start: int, end: int, scope: int | None,
                 cue: Cue | None = None) -> bool:
        """Whether a cue's scope runs from ``start`` to ``end``: no clause break and no
        terminating cue (of the cue's kind) in between, and at most ``scope`` words."""
        # a cue marked past_colon runs on to what it announces after a colon ("Read an
        # article on good signs: getting shown round, ...")
        breaks = self._breaks_not_colon if cue is not None and cue.past_colon \
            and start < end else self._breaks
        if cue is not None and cue.kind in ("other_person", "hypothetical"):
            # an aside in brackets right after the occasion named goes on with it: "Last
            # time (the Brandt job) I sent a thank-you and got a lovely reply"
            start = self._past_aside(start, end)
        if cue is not None and cue.in_brackets and start < end:
            # a remark in brackets bears on what it follows: "he smiled at me sooo much (he
            # did not)"
            opening = _OPENS_BRACKET.search(self.norm, max(0, end - _MARKS_REACH), end)
            end = end if opening is None else opening.start()
        if _between(breaks, start, end) or \
                _between(self._ends_of(cue.kind if cue else ""), start, end):
            return False
        return scope is None or (bisect.bisect_left(self._words, end) -
                                 bisect.bisect_left(self._words, start)) <= scope

    def _past_aside(self, start: int, end: int) -> int:
        """Where a cue's reach goes on when a short aside in brackets (at most six words)
        follows it right away and closes before ``end``: just after the closing bracket;
        else ``start``."""
        opening = _past_spaces(self.norm, start)
        if not self.norm.startswith("(", opening):
            return start
        close = self.norm.find(")", opening, end)
        now = self.reader.now_words
        if close < 0 or len(_WORDS.findall(self.norm, opening, close)) > 6 or \
                _between(self._breaks, opening + 1, close) or \
                (now is not None and now.search(self.norm, opening, close) is not None):
            return start
        return close + 1

    def _ends_of(self, kind: str) -> list[int]:
        """Where terminating cues end the scope of cues of ``kind`` (a terminating cue
        that names no kinds ends every kind's; every one ends a clause, ``kind`` empty)."""
        if kind not in self._ends:
            self._ends[kind] = [start for start, kinds in self._terminators
                                if not kind or not kinds or kind in kinds]
        return self._ends[kind]

    def _carried_over(self) -> dict[int, CueHit]:
        """The sentences that go on about another person the sentence before named, each
        with the cue that named them: "Bumped into another candidate. She'd been offered a
        second round on the spot." A sentence that speaks of the writer ("I", "me") or of
        nobody ("No tour.") is the writer's own again, except under a heading that names
        another person or a plan or wish and ends its line with a colon ("My friend's
        debrief:", "If it goes well:" over "Tour: yes"), which runs to a blank line or a
        line of the writer's own."""
        writer, third = self.reader.writer, self.reader.third_person
        if writer is None or third is None:
            return {}
        named: dict[int, CueHit] = {}
        for hit in self.cues:
            if hit.cue.kind == "other_person" and not hit.cue.fields and \
                    hit.cue.direction != "backward":
                named.setdefault(self.layout.sentence_at(hit.start).index, hit)
        heads = dict(named)
        for hit in self.cues:
            if hit.cue.kind == "hypothetical" and not hit.cue.fields and \
                    hit.cue.direction != "backward" and not hit.cue.answer:
                heads.setdefault(self.layout.sentence_at(hit.start).index, hit)
        carried: dict[int, CueHit] = {}
        heading: CueHit | None = None  # "My friend's debrief:" over the lines below it
        headed: set[int] = set()
        sentences = self.layout.sentences
        for sentence in sentences[1:]:
            previous = sentences[sentence.index - 1]
            own = writer.search(self.norm, sentence.start, sentence.end) is not None
            if heading is not None and (
                    own or _BLANK_LINE.search(self.text, previous.start, sentence.start)):
                heading = None
            before = named.get(sentence.index - 1) or (
                None if sentence.index - 1 in headed else carried.get(sentence.index - 1))
            head = heads.get(sentence.index - 1)
            if head is not None and self._heads_lines(head, previous, sentence):
                heading = head
            if own:
                continue
            if heading is not None:
                carried[sentence.index] = heading
                headed.add(sentence.index)  # (past the heading's end, no chain goes on)
            elif before is not None and before.cue.kind == "other_person" and \
                    third.search(self.norm, sentence.start, sentence.end) is not None:
                carried[sentence.index] = before
        return carried

    def _heads_lines(self, head: CueHit, line: Sentence, after: Sentence) -> bool:
        """Whether a line is a heading over the lines after it: it ends with a colon and a
        line break, no word of the writer comes before its cue ("I copied my friend's
        notes:" is the writer's line), and nothing opens a new clause between its cue and
        the colon ("Fingers crossed, here's how it went:", "Unlike my friend's interview,
        mine went like this:" are the writer's own account)."""
        writer = self.reader.writer
        colon = self.norm.rfind(":", line.start, line.end)
        return colon >= 0 and not self.norm[colon + 1:line.end].strip() and \
            "\n" in self.norm[colon:after.start] and \
            (writer is None or writer.search(self.norm, line.start, head.start) is None) and \
            _CLAUSE_OPEN.search(self.norm, head.end, colon) is None

    def _weigh(self, m: Mention) -> Mention | None:
        """The mention as its cues leave it, or ``None`` when they set it aside."""
        carried = self._carried.get(m.sentence)
        if carried is not None and m.path not in carried.cue.not_fields:
            self._aside(m.path, m.value, m.start, m.end, self.texts(
                f"notes.reason.{_WHY_ASIDE[carried.cue.kind]}", words=repr(carried.words)))
            return self._not_for_me(m) if carried.cue.kind == "other_person" else None
        found: dict[str, CueHit] = {}
        for hit in self._cues_of.get(m.sentence, ()):
            if hit.cue.kind not in found and self._covers(hit, m):
                found[hit.cue.kind] = hit
        for kind in _SETS_ASIDE:
            if kind in found:
                self._aside(m.path, m.value, m.start, m.end, self.texts(
                    f"notes.reason.{_WHY_ASIDE[kind]}", words=repr(found[kind].words)))
                return self._not_for_me(m) if kind == "other_person" else None
        certainty: Certainty = "stated"
        reason = m.reason or self.texts("notes.reason.stated")
        value = m.value
        if "negation" in found:
            words = found["negation"].words
            if VOCABULARY[m.path].kind != "bool" or m.relation is not None:
                self._aside(m.path, m.value, m.start, m.end,
                            self.texts("notes.reason.negated_no_value", words=repr(words)))
                return None
            if value is False:
                # a phrase that says no already ("straight back out"): a negation in its
                # clause makes a double negative; one past a comma or a clause break negates
                # something else ("no tour, straight back out")
                hit = found["negation"]
                low, high = min(hit.end, m.end), max(hit.start, m.start)
                # "never looked bored", "not once did she check her phone": in one clause
                if not _between(self._commas, low, high) and \
                        not _between(self._breaks, low, high):
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
            answer = self._answered(m, found) if question == self._asked else None
            if answer is not None:
                # the answer bears out words that alone settle nothing ("Tour? Yes.")
                # (and the evidence runs from the question to its answer)
                value, reason, answered_at = answer
                m = evolve(m, weak=False, end=answered_at)
            elif question:
                certainty, reason = "unsure", question
        if certainty == "stated" and m.weak and value is True and value == m.value:
            said = self._label_says_yes(m)
            if said is not None:
                # "Tour: yes": the label's own answer bears out words that alone settle
                # nothing (as "Tour: no" negates them)
                reason, m = said[0], evolve(m, weak=False, end=said[1])
        if certainty == "stated" and self._several is not None:
            certainty, reason = "unsure", self.texts("notes.reason.several",
                                                     words=repr(self._several.words))
        if certainty == "stated" and m.weak and value == m.value and \
                not self._weak_borne_out(m):
            certainty, reason = "unsure", self.texts("notes.reason.weak")
        if certainty == "stated" and m.slot_end and m.phrase.slot in (
                "minutes", "hours", "count") and self.reader.numbers.is_span(
                m.phrase.slot, self.norm[m.slot_start:m.slot_end]):
            certainty, reason = "unsure", self.texts(
                "notes.reason.approximation", words=repr(self.norm[m.slot_start:m.slot_end]))
        if certainty == "stated" and m.slot_end and m.phrase.slot in ("minutes", "hours") \
                and self.reader.numbers.goes_on(self.norm, m.slot_end):
            certainty, reason = "unsure", self.texts("notes.reason.number_goes_on")
        if m.corrects:
            reason = self.texts("notes.reason.corrected")
        return evolve(m, value=value, certainty=certainty, reason=reason,
                      corrects=m.corrects or "correction" in found)

    def _not_for_me(self, m: Mention) -> Mention | None:
        """What another person's experience says of the writer's, where the writer says
        right after it that theirs went otherwise ("my brother said they always ask where
        else you're interviewing ... but they never asked me that"; "my sister swears they
        always ask if you want the job ... Didn't happen to me."): the
        same sign, not shown (a yes-or-no sign another had, in its sentence or the next;
        never a number, a plan or a question)."""
        denial = self.reader.not_for_me
        if denial is None or m.value is not True or VOCABULARY[m.path].kind != "bool" or \
                m.relation is not None:
            return None
        sentence = self.layout.sentences[m.sentence]
        end = self.layout.sentences[m.sentence + 1].end \
            if m.sentence + 1 < len(self.layout.sentences) else sentence.end
        said = denial.search(self.norm, m.end, min(end, m.end + _DENIAL_REACH))
        if said is None or m.weak or self.layout.quote_at(said.start()) is not None or \
                (self._asking_words(self.norm[said.start():said.end() + 12]) and
                 not m.path.startswith("interest.")):
            return None  # "mine didnt ask anything like that" speaks of a question
        at = self.layout.sentence_at(said.start())
        if at.question_marks or any(
                h.cue.kind in ("hypothetical", "hedge", "question") and m.end <= h.start
                for index in {m.sentence, at.index} for h in self._cues_of.get(index, ())):
            return None  # "Hope I get one too, mine didn't happen yet?"
        found = self._mentions_found
        at_or_after = bisect.bisect_left(self._mention_starts, m.end)
        for o in found[at_or_after:bisect.bisect_left(self._mention_starts, said.start())]:
            if o.path != m.path and o.end <= said.start():
                return None  # the denial speaks of what came last before it
        going_on = _WORDS.match(self.norm, _past_spaces(self.norm, said.end()))
        if going_on is not None and going_on.group() not in _DENIAL_GOES_ON:
            return None  # "Mine didn't last long", "mine didn't go out until Monday"
        return evolve(m, value=False, certainty="stated", start=said.start(), end=said.end(),
                      sentence=at.index, weak=False,
                      reason=self.texts("notes.reason.not_for_me", words=repr(said.group())))

    def _asking_words(self, words: str) -> bool:
        """Whether ``words`` speak of asking (the pack's ``asking`` words)."""
        asking = self.reader.asking
        return asking is not None and asking.search(words) is not None

    def _answered(self, m: Mention, found: dict[str, CueHit]
                  ) -> tuple[bool, str, int] | None:
        """The value, reason and end of the answer of a plain yes-or-no question in the note
        answered at the start of the next sentence ("> Did they give you a tour?" "No, it was on
        Zoom."), or None. The question must be plain: the field's words say yes (a question that
        says no itself, "So no tour? Nope.", answers either way); besides them at most seven
        words, all of ``question_frame`` (or ``space``), after a speaker's label of at most two
        words ("Q:"); none of ``answer_not`` ("did you"); no negation, doubt, plan or other
        person bearing on it, and no sentence about someone else or several interviews in the
        two before it. The answer must open its sentence (after words of ``answer_lead``), end
        its clause, and neither be followed at once by a word of ``answer_more`` nor have one of
        ``answer_limits`` in its next three words (nor, for a no, one of ``answer_contrast``);
        neither its sentence nor the next may have a word of ``taken_back``, doubt or correct
        it, or open with a word of ``answer_after`` ("Yes. Well, the recruiter did", "Yes. At
        her phone")."""
        reader = self.reader
        sentences = self.layout.sentences
        if reader.answer_yes is None or reader.answer_no is None or \
                not reader.question_frame or \
                VOCABULARY[m.path].kind != "bool" or m.relation is not None or \
                m.value is not True or self.layout.quote_at(m.start) is not None or \
                m.sentence + 1 >= len(sentences):
            return None
        sentence = sentences[m.sentence]
        if not self.norm[sentence.start:sentence.end].rstrip().endswith("?") or \
                sentence.question_marks != 1:
            return None
        if reader.answer_not is not None and \
                reader.answer_not.search(self.norm, sentence.start, sentence.end):
            return None
        opens = sentence.start
        label = self.norm.find(":", sentence.start, m.start)
        if label >= 0 and len(_WORDS.findall(self.norm, sentence.start, label)) <= 2:
            opens = label + 1  # "Q: did he smile at all?", "Jess: did they do a tour?"
        outside = [w.group() for w in _WORDS.finditer(self.norm, opens, m.start)]
        outside += [w.group() for w in _WORDS.finditer(self.norm, m.end, sentence.end)]
        if len(outside) > 7 or any(w not in reader.question_frame for w in outside):
            return None
        if any(kind in found for kind in ("negation", "hedge", "approximate", "hypothetical",
                                          "other_person", "writer", "correction")):
            return None  # "So no tour?", "Did they maybe nod?"
        if any(h.cue.kind in ("other_person", "several")
               for i in (m.sentence - 2, m.sentence - 1) for h in self._cues_of.get(i, ())):
            return None  # "My flatmate interviewed there last week. I asked her: ..."
        after = sentences[m.sentence + 1]
        if self._taken_back(after.index, after.index + 1):
            return None  # "No. Jk, they did", "Yes. The chatbot on their careers site did"
        doubting = ("hedge", "approximate", "correction", "other_person", "hypothetical",
                    "question", "several")

        def doubts(hit: CueHit) -> bool:
            return hit.cue.kind in doubting and (not hit.cue.fields or m.path in hit.cue.fields)

        if any(doubts(h) for h in self._cues_of.get(after.index, ())) or \
                self.norm[after.start:after.end].rstrip().endswith("?"):
            return None
        if after.index + 1 < len(sentences):
            following = sentences[after.index + 1]
            if any(h.cue.kind in ("hedge", "approximate", "correction") and doubts(h)
                   for h in self._cues_of.get(following.index, ())) or \
                    self._opens_with(following, reader.answer_after):
                return None  # "No. Well, sort of, she walked me past the lab"
        start = after.start
        while start < after.end and (self.norm[start] in _OPENERS or self.norm[start] == ","):
            start += 1  # (a filler blanked before an answer leaves its comma: "Um, no.")
        if reader.answer_lead is not None:
            lead = reader.answer_lead.match(self.norm, start, after.end)
            start = start if lead is None else lead.end()
        clause = self.norm[start:after.end]
        for words, yes in ((reader.answer_yes, True), (reader.answer_no, False)):
            said = words.match(clause)
            if said is None:
                continue
            rest = _WORDS.findall(clause, said.end())[:3]
            if rest and reader.answer_more is not None and \
                    reader.answer_more.fullmatch(rest[0]) is not None:
                return None  # "Yes, at her phone"
            if reader.answer_limits is not None and \
                    any(reader.answer_limits.fullmatch(w) for w in rest):
                return None  # "No, just the younger one"
            if not yes and reader.answer_contrast is not None and \
                    any(reader.answer_contrast.fullmatch(w) for w in rest):
                return None  # "No, the receptionist did"
            return yes, self.texts(
                "notes.reason.answered", words=repr(self.text[start:start + said.end()])), \
                start + said.end()
        return None

    def _label_says_yes(self, m: Mention) -> tuple[str, int] | None:
        """The reason and end of a yes that answers a label ("Tour: yes", "Office tour:
        yep"), or None. The label must open its line or sentence, with at most two words
        before the field's words, each of ``question_frame`` or ``space`` and none a
        possessive ("Office tour: yes"; not "Her tour: yes", "Virtual tour: yes"); the yes
        must end its sentence, with nothing after it but stops ("Tour: yes, next time",
        "Second round: yes, hopefully" say more than yes: the field stays to confirm); and
        the sentence after it must neither take it back nor doubt or correct it, nor open
        with a word of ``answer_after`` ("Tour: yes. Of the car park.")."""
        reader = self.reader
        if reader.answer_yes is None or VOCABULARY[m.path].kind != "bool" or \
                m.relation is not None or self.layout.quote_at(m.start) is not None:
            return None
        colon = _LABEL_COLON.match(self.norm, m.end)
        if colon is None or ":" not in colon.group():
            return None
        sentence = self.layout.sentences[m.sentence]
        line = max(self.norm.rfind("\n", sentence.start, m.start) + 1, sentence.start)
        before = _WORDS.findall(self.norm, line, m.start)
        if len(before) > 2 or any(w not in reader.question_frame or w in _POSSESSIVES or
                                  w.endswith("'s") for w in before):
            return None
        said = reader.answer_yes.match(self.norm, colon.end(), sentence.end)
        if said is None or self.norm[said.end():sentence.end].strip(" \t\n.!") or \
                self._taken_back(m.sentence, m.sentence + 1):
            return None
        if len(said.group()) == 1 and _YES_ENDS_LINE.match(self.norm, said.end()) is None:
            return None  # "Second round: Y. Okafor to let me know": an initial, not a yes
        sentences = self.layout.sentences
        if m.sentence + 1 < len(sentences):
            after = sentences[m.sentence + 1]
            # a next sentence that is a heading of its own is another line of the form: what
            # its answer says bears on its own heading ("Reply received: yes\nNext steps:
            # pending"), what comes before its colon still on this one ("Maybe: ...")
            label = _LABEL_OPENS.match(self.norm, after.start, after.end)
            upto, doubting = (after.end, _DOUBT_A_YES) if label is None else \
                (label.end(), _DOUBT_A_YES[:3])  # ("Second round:" is no plan of this one)
            if any(h.cue.kind in doubting and h.start < upto and
                   (not h.cue.fields or m.path in h.cue.fields)
                   for h in self._cues_of.get(after.index, ())) or \
                    self._opens_with(after, _NOT, reader.answer_no, reader.answer_after):
                return None  # "Tour: yes. Of the car park.", "Second round: yes. Not."
        return self.texts("notes.reason.label_answered",
                          words=repr(self.text[colon.end():said.end()])), said.end()

    def _opens_with(self, sentence: Sentence, *words: re.Pattern[str] | None) -> bool:
        """Whether the sentence's first word is one of ``words`` (a class may be absent)."""
        first = _WORDS.search(self.norm, sentence.start, sentence.end)
        return first is not None and any(
            w is not None and w.fullmatch(first.group()) is not None for w in words)

    def _taken_back(self, first: int, last: int) -> bool:
        """Whether a word of ``taken_back`` stands in sentences ``first`` to ``last`` (those
        past the note's end left out): "she replied! In my dreams.", "No. Jk, they did"."""
        words = self.reader.taken_back
        sentences = self.layout.sentences
        if words is None or first >= len(sentences):
            return False
        end = sentences[min(last, len(sentences) - 1)].end
        return words.search(self.norm, sentences[first].start, end) is not None

    def _far_cue(self, m: Mention, found: dict[str, CueHit]) -> str:
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
                return self.texts("notes.reason.far_negation", words=repr(hit.words))
        return ""

    def _question(self, m: Mention) -> str:
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
        if self._reported(m):
            return ""  # "Jonas asked me straight: are you still interested?"
        rest = self.norm[m.end:sentence.end]
        tagged = self.reader.alternative is not None and self.reader.alternative.match(
            rest.partition(",")[2].lstrip()) is not None
        if sentence.question_marks == 1 and self._reaches(m.end, sentence.end, None) and \
                ("," not in rest or tagged):
            # a question mark asks the clause it closes: "..., which made me wonder if it
            # was automated?" doubts the automation, not the rest of the sentence
            return self._asked
        opens = any(c.cue.kind == "question" for c in self._cues_of.get(m.sentence, ()))
        if sentence.question_marks > 1 and opens:
            return self._asked
        if sentence.question_marks and opens and tagged and \
                "," not in self.norm[sentence.start:m.start]:
            # the first clause of a question asked in two: "Is that curt, or is she just
            # busy?" (not "Why did she ask where else, and should I have answered?")
            return self._asked
        return ""

    def _reported(self, m: Mention) -> bool:
        """Whether a colon before the mention, in its sentence, follows within a few words
        a word that reports someone asking (class ``asking``): what follows is their
        question."""
        start = self.layout.sentences[m.sentence].start
        colon = self.norm.rfind(":", start, m.start)
        asking, writer = self.reader.asking, self.reader.writer
        if colon < 0 or asking is None:
            return False
        found = asking.search(self.norm, self._words_back(colon, _REPORTING_WORDS, start), colon)
        if found is None or any(h.start < colon and h.cue.kind in _BEARS_ON_ASKING
                                for h in self._cues_of.get(m.sentence, ())):
            # a cue before the colon bears on what is asked ("Nobody asked: ...", "He
            # asked the other candidate: ...", "Can't remember if he asked: ..."): not
            # plainly the interviewer's question
            return False
        # the writer asking ("I asked her:", "my mum keeps asking:") or a question yet to
        # ask ("Questions to ask:") is no question the interviewer asked
        before = _WORDS.findall(
            self.norm, self._words_back(found.start(), _REPORTING_WORDS, start), found.start())
        return not (before and before[-1] in self.reader.asking_not) and (
            writer is None or writer.search(" ".join(before)) is None)

    def _label(self, path: str) -> str:
        """A field as a reason names it: its label, as it reads inside a sentence."""
        return self.texts.lower(self.texts.label(path))

    def _value(self, m: Mention) -> str:
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

    def _weak_borne_out(self, m: Mention) -> bool:
        """Whether words that alone cannot state their value do in their place: a list of
        people that is its whole sentence; a reply quoted in plain words where the note
        says a reply came; a count in words where the note gives no other; a length
        standing alone in a sentence that counts the interviewers ("Panel of three, 35
        minutes, lots of nodding"), that names the interview before it ("Phone screen with
        the recruiter, 15 minutes"), that names the field it is read against ("Hour slot, 35
        mins": the booked length, of which the length taken is read by a relation) or that
        holds nothing else right after one that counts them ("Just the site foreman. 15
        mins."). Each was measured on the independent sets (docs/notes.md)."""
        if m.phrase.slot == "people":
            return self._fills_sentence(m)  # "Head, deputy and a governor."
        if m.phrase is self.reader._plain_phrase and m.path in (_SPECIFICS, _TONE):
            # a reply quoted in plain words is of a reply the note says came ("Got an
            # automated 'thanks for your message'" may be no reply at all)
            return any((rule.then_path, value_key(rule.then_value)) in self._direct
                       for rule in self.reader.book.implications if rule.path == m.path)
        if not m.slot_end:
            # words, not a number ("a script": read off one, or not); but a count in words
            # ("both of them kept nodding") stands where the note gives no other
            return m.path == _COUNT and not self._counted
        if m.sentence in self._counted or (m.path, m.sentence) in self._beside:
            return True
        named = self.reader.interview_named
        if named is not None and m.phrase.clause_start:
            # the clause right before names the interview in its first words ("Phone
            # screen with the recruiter, 15 minutes, standard stuff"; not "Waited in
            # reception before my interview, 20 minutes" nor "Interview at 2, waited in
            # reception, 20 mins"), and no booking comes between ("booked for, 45 minutes")
            breaks = [c.end() for c in _LABEL_OR_CLAUSE.finditer(
                self.norm, self.layout.sentences[m.sentence].start, m.start)]
            opens = breaks[-2] if len(breaks) > 1 else self.layout.sentences[m.sentence].start
            first = named.search(self.norm, opens, breaks[-1]) if breaks else None
            booking = self.reader.booking
            if first is not None and \
                    len(_WORDS.findall(self.norm, opens, first.start())) <= 2 and \
                    (booking is None or booking.search(self.norm, first.end(), m.start) is None):
                return True
        # alone in its sentence, right after one that counts the interviewers ("Just the
        # site foreman. 15 mins."; not "Bus was late again. 20 mins.")
        return m.sentence - 1 in self._counted and self._fills_sentence(m)

    def _fills_sentence(self, m: Mention) -> bool:
        """Whether a mention's words are all the words of its sentence."""
        sentence = self.layout.sentences[m.sentence]
        return _WORDS.search(self.norm, sentence.start, m.start) is None and \
            _WORDS.search(self.norm, m.end, sentence.end) is None

    def result(self) -> NotesReading:
        mentions = self._mentions()
        self._counted = {m.sentence for m in mentions
                         if m.path == _COUNT and not m.weak and m.relation is None}
        self._direct = {(m.path, value_key(m.value)) for m in mentions
                        if not m.weak and m.relation is None and m.value is not None}
        others = {(r.other, r.path) for r in self.reader.book.relations}
        self._beside = {(path, m.sentence) for m in mentions
                        if not m.weak and m.relation is None
                        for other, path in others if other == m.path}
        self._mentions_found = sorted(mentions, key=lambda m: m.start)
        self._mention_starts = [m.start for m in self._mentions_found]
        weighed = [w for m in mentions if (w := self._weigh(m)) is not None]
        return Settling(self).result(weighed)


def _past_spaces(text: str, at: int) -> int:
    """Where the spaces and tabs from ``at`` end (no copy of the rest of the note)."""
    while at < len(text) and text[at] in " \t":
        at += 1
    return at


def _any_word(words: Iterable[str]) -> re.Pattern[str] | None:
    """Any of ``words`` as a whole word, or None when there are none."""
    alternatives = sorted((w for w in words if w.strip()), key=lambda w: (-len(w), w))
    if not alternatives:
        return None
    return re.compile(r"(?<![\w'])(?:" + "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in alternatives) + r")(?![\w'])")


def _one_field_per_number(mentions: list[Mention], norm: str) -> list[Mention]:
    """A number two fields' phrases claim ("took 50 minutes, planned were 60": 50 is no
    planned length) goes to the phrases that hold it without a comma in between."""
    by_number: dict[int, list[Mention]] = {}
    for m in mentions:
        if m.slot_end:
            by_number.setdefault(m.slot_start, []).append(m)
    dropped: set[int] = set()
    for claims in by_number.values():
        if len({m.path for m in claims}) < 2:
            continue
        # a length standing alone ("< {minutes} >") yields to a phrase that says what it is
        alone = [m for m in claims if m.phrase.clause_start and m.phrase.clause_end]
        named = [m for m in claims if m not in alone]
        if alone and named:
            dropped.update(id(m) for m in alone)
        if len({m.path for m in named}) < 2:
            continue
        split = [m for m in named if _split(m, norm)]
        if len(split) < len(named):
            dropped.update(id(m) for m in split)
    return [m for m in mentions if id(m) not in dropped]


def _split(m: Mention, norm: str) -> bool:
    """Whether a comma or an opening bracket stands between a mention's number and its
    other words ("Duration: 50 min (booked 45)": 50 is not what was booked; a number
    standing alone, "< {minutes} >", has none and counts as split: it names nothing)."""
    if m.phrase.clause_start and m.phrase.clause_end:
        return True
    between = norm[m.start:m.slot_start] + norm[m.slot_end:m.end]
    return bool(m.slot_end) and ("," in between or "(" in between)


def _between(marks: list[int], start: int, end: int) -> bool:
    """Whether a sorted list of offsets has one in ``[start, end)``."""
    i = bisect.bisect_left(marks, start)
    return i < len(marks) and marks[i] < end


def _covers(longer: Cue, shorter: Cue) -> bool:
    """Whether every field ``shorter`` bears on is one ``longer`` bears on too."""
    if longer.fields:
        return bool(shorter.fields) and set(shorter.fields) <= set(longer.fields)
    if longer.not_fields:
        return bool(shorter.fields) and not set(shorter.fields) & set(longer.not_fields)
    return True


def _longest(mentions: list[Mention], norm: str) -> list[Mention]:
    """Of the mentions of one field that overlap, the longest ("no tour" over "tour"), but
    one whose number its words reach only across a comma yields ("1 hour and 15 minutes,
    planned for 1 hour": the hour is what was planned)."""
    kept: list[Mention | None] = []
    last: dict[str, tuple[Mention, int]] = {}  # per field, the mention kept last and where
    for m in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        held = last.get(m.path)
        if held is not None and m.start < held[0].end:
            before = held[0]
            # a number said ("Four of them on the panel: CFO, two analysts and HR") wins
            # over the people counted from a list, whichever is longer, unless the number
            # is the list's first item ("with two devs and their lead")
            said = {x.phrase.slot for x in (before, m)} == {"count", "people"}
            if said:
                people, count = (m, before) if m.phrase.slot == "people" else (before, m)
                said = not people.slot_start <= count.slot_start < people.slot_end
            split = _split(before, norm), _split(m, norm)
            if (m.phrase.slot == "people") if said else split[1] if split[0] != split[1] \
                    else m.end - m.start <= before.end - before.start:
                continue
            kept[held[1]] = None  # a longer one starting inside: it wins
        last[m.path] = (m, len(kept))
        kept.append(m)
    out = [m for m in kept if m is not None]
    out.sort(key=lambda m: m.start)
    return out
