"""The ``[notes]`` part of a rule pack: how a candidate's own words map to observations, as
data a pack can extend or translate. Phrases per field value, cue words in the manner of
NegEx/ConText (a kind, a direction and a scope), topics, relations between fields, the
implications a reading draws, and the words numbers and times are written with.

Neighbours: ``merge.Merger`` hands each file's ``[notes]`` table to ``NotesMerger``;
``_notes`` compiles the merged ``NotesBook`` into matchers and reads notes with it.

A phrase is words separated by spaces, matched as whole words, case-insensitively, within one
sentence: ``word*`` any word starting so, ``word~`` any inflection of the word (``ask~``:
asks, asked, asking; irregular forms from ``[notes.inflection]``), ``@name`` any entry of the
word class ``name`` of ``[notes.words]``, ``a|b`` either, ``[a|b]`` optional, ``...`` up to
four words in between (``...8``: up to eight), ``^`` the start of a sentence, ``{slot}`` a
number (``{count}``, ``{minutes}``, ``{hours}``, ``{clock}``). Hyphens count as spaces.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Literal, TypeAlias, cast

from attrs import field, frozen

from .._observations import CHECKS, VOCABULARY, Value, did_you_mean
from .._quoting import quoted

CueKind: TypeAlias = Literal["negation", "hedge", "approximate", "hypothetical",
                             "other_person", "writer", "correction", "terminate", "pseudo",
                             "question", "several"]
Direction: TypeAlias = Literal["forward", "backward", "both"]
RelationKind: TypeAlias = Literal["same", "plus", "minus", "from", "until", "between"]

CUE_KINDS: tuple[str, ...] = ("negation", "hedge", "approximate", "hypothetical",
                              "other_person", "writer", "correction", "terminate", "pseudo",
                              "question", "several")
"""What a cue does to a phrase in its scope: negates it, makes it unsure (a hedge, an
approximate number), sets it aside (a plan or hypothetical, someone else's experience, the
writer's own doing where the field is the interviewer's: "I asked her where else she was
hiring"), corrects what came before, ends other cues' scope
(terminate), hides a shorter cue or a phrase inside it (pseudo: "nodded off" is no nod),
opens a question (a sentence that opens so and ends in question marks), or says that the
note tells of more than one interview (several: "two interviews today"), which leaves every
value of the note to confirm, whatever the cue's scope, as the note's words alone cannot
say which interview each belongs to."""
DIRECTIONS: tuple[str, ...] = ("forward", "backward", "both")
RELATION_KINDS: tuple[str, ...] = ("same", "plus", "minus", "from", "until", "between")
SLOTS: tuple[str, ...] = ("count", "minutes", "hours", "clock", "people")
"""The slots a phrase may have: a count, a length in minutes or hours, a time of day, a
list of people (counted: "the founder and two engineers" is three)."""
GAP_WORDS = 4
"""How many words ``...`` may stand for."""
MAX_GAP_WORDS = 12
"""The most words a gap may stand for (``...12``)."""

_WORD = r"[^\s|\[\]{}*~@]+"
_ALT = re.compile(rf"@[a-z][a-z0-9_]*|~|{_WORD}[*~]?")
_ENTRY_WORD = re.compile(rf"{_WORD}[*~]?")
_GAP = re.compile(r"\.\.\.(\d{1,2})?")
_PHRASE_TOKEN = re.compile(r"\((?=[^()]*\s)[^()]*\)(?!\S)|\[(?=[^\[\]]*\s)[^\[\]]*\](?!\S)|\S+")
"""A phrase's tokens: words apart, but a word position in parentheses or brackets that holds
alternatives of several words (``(it'd|it would)``, ``[a guy|a girl]``) is one token."""
_NAME = re.compile(r"[a-z][a-z0-9_]*")
_TOKEN = re.compile(r"[\w']+")
_NUMBER_KEYS = ("words", "minute_units", "hour_units", "half", "quarter", "three_quarters",
                "and", "range", "am", "pm", "noon", "days", "before", "after_bare", "today",
                "yesterday", "next_day", "morning", "evening", "at", "time_after", "past",
                "to_hour", "oclock", "time_zone", "months")


@frozen(kw_only=True)
class Word:
    """One word position of a phrase: its alternatives, each a word, a prefix (``nod*``), a
    lemma to inflect (``ask~``, ``inflected``) or a word class (``@place``, resolved from
    ``[notes.words]`` when the book is compiled). Once resolved an alternative may be several
    words ("walked round")."""

    alternatives: tuple[str, ...]
    prefixes: tuple[bool, ...]
    optional: bool = False
    inflected: tuple[bool, ...] = ()

    def is_inflected(self, i: int) -> bool:
        return bool(self.inflected) and self.inflected[i]


@frozen(kw_only=True)
class Phrase:
    """A phrase as written and as parsed: word positions, gaps (``"..."``, ``"...8"``), a
    slot (``"{minutes}"``) or the start of a sentence (``"^"``)."""

    text: str
    parts: tuple[Word | str, ...]
    slot: str | None = None
    at_start: bool = False
    clause_start: bool = False
    """``<`` first: only words of a clause's own (after a comma, a dash, an arrow, a bracket
    or the start of a sentence), so a length standing alone ("2 interviewers, 25 min, no
    smiles") is found and one inside a longer clause is not."""
    clause_end: bool = False
    """``>`` last: the clause ends right after the phrase."""


@frozen(kw_only=True)
class FieldPhrases:
    """The phrases that say a field has a value (``value`` is None when a slot gives it).
    ``topic`` names a topic the sentence must be within (the reply to a note, say).
    ``certainty`` is the most these phrases can make their value: ``"unsure"`` for wording
    that, on its own, was measured too often to mean something else ("tour" alone: "tour
    planning", "my last job had a tour"); a negation of it ("didn't get a tour") still
    states the opposite."""

    path: str
    value: Value | None
    phrases: tuple[Phrase, ...]
    topic: str | None = None
    certainty: str = "stated"
    file: str = ""


@frozen(kw_only=True)
class Cue:
    """Words that change how a phrase in their scope reads (ConText's modifier): what they
    mean (``kind``), which way they reach (``direction``), how many words at most (``scope``;
    None: to the end of the clause), the fields they bear on (all when ``fields`` is
    empty; never those in ``not_fields``), whether a comma ends their scope
    (``ends_at_comma``, except inside a list closed by "or": "didn't smile, nod or react"),
    for a terminating cue the kinds whose scope it ends (``kinds``; all when empty), and
    whether it is the answer after a label (``answer``: "Tour: no", "Reply: none yet"),
    which bears only on the phrase right before the label's colon, across it, and whether
    its scope runs on past a colon to what it announces (``past_colon``: "Read an article on
    good signs: getting shown round, ..."), and whether it counts only as a remark filling
    a pair of brackets, reaching back across its own opening bracket (``in_brackets``: "he
    smiled at me sooo much (he did not)")."""

    kind: CueKind
    direction: Direction
    phrases: tuple[Phrase, ...]
    scope: int | None = None
    fields: tuple[str, ...] = ()
    not_fields: tuple[str, ...] = ()
    ends_at_comma: bool = False
    kinds: tuple[str, ...] = ()
    answer: bool = False
    past_colon: bool = False
    in_brackets: bool = False
    file: str = ""


@frozen(kw_only=True)
class Topic:
    """Words that open a topic (the reply to a note): phrases with ``topic = name`` count in
    the sentence that opens it and the ``reach - 1`` sentences after it."""

    name: str
    phrases: tuple[Phrase, ...]
    reach: int = 1


@frozen(kw_only=True)
class Relation:
    """A field read relative to another: ``same`` (its value), ``plus``/``minus`` (its value
    and the phrase's slot), ``from`` (the clock time the field's length starts at: "we
    started at 10"; no value of its own), ``until`` (to the phrase's clock time from the
    start a ``from`` phrase gives, else from the start of the other's time range),
    ``between`` (the time between the sentences that state ``other`` and ``to``)."""

    path: str
    kind: RelationKind
    other: str
    phrases: tuple[Phrase, ...] = ()
    to: str | None = None
    file: str = ""


@frozen(kw_only=True)
class Implication:
    """A stated ``path = value`` (any value when ``value`` is None) also states
    ``then_path = then_value``."""

    path: str
    value: Value | None
    then_path: str
    then_value: Value


@frozen(kw_only=True)
class NumberWords:
    """The words numbers, units and times are written with."""

    words: Mapping[str, int] = field(factory=dict)
    minute_units: tuple[str, ...] = ()
    hour_units: tuple[str, ...] = ()
    half: tuple[str, ...] = ()
    quarter: tuple[str, ...] = ()
    three_quarters: tuple[str, ...] = ()
    and_: tuple[str, ...] = ()
    range: tuple[str, ...] = ()
    am: tuple[str, ...] = ()
    pm: tuple[str, ...] = ()
    noon: tuple[str, ...] = ()
    days: tuple[tuple[str, ...], ...] = ()
    """The days of the week, Monday first, each with the ways it is written."""
    months: tuple[tuple[str, ...], ...] = ()
    """The months, January first, each with the ways it is written: a time on a date ("3
    Jun 18:00", "5 March, 09:00") is that many days from another."""
    before: tuple[str, ...] = ()
    """Words that may stand between a phrase and its number ("lasted *almost* an hour"):
    a cue among them still bears on the number."""
    after_bare: tuple[str, ...] = ()
    """Words that may follow a number written without its unit ("the invite said 45 *but*
    ..."); any other word after a bare number makes it no length."""
    today: tuple[str, ...] = ()
    """Words placing a time on the day the note is written ("this morning", "tonight")."""
    yesterday: tuple[str, ...] = ()
    """Words placing a time on the day before ("last night", "yesterday")."""
    next_day: tuple[str, ...] = ()
    """Words placing a time on the day after the other event ("the next morning")."""
    morning: tuple[str, ...] = ()
    """Words that make a bare hour before noon ("at 9 this *morning*")."""
    evening: tuple[str, ...] = ()
    """Words that make a bare hour after noon ("at 8 last *night*")."""
    at: tuple[str, ...] = ()
    """Words after which a bare hour is a time of day ("came back *at* 11")."""
    time_after: tuple[str, ...] = ()
    """Words after which a bare number up to twelve is a time of day, never a length
    ("finished *at* 11", "the appointment was *for* 11")."""
    past: tuple[str, ...] = ()
    """Words between minutes and the hour they are after ("quarter *past* three")."""
    to_hour: tuple[str, ...] = ()
    """Words between minutes and the hour they are before ("twenty *to* four")."""
    oclock: tuple[str, ...] = ()
    """Words after an hour of the clock ("ten *o'clock*")."""
    time_zone: tuple[str, ...] = ()
    """Words that place a time in a time zone ("9pm *Pacific*", "08:30 *CET*"): the hours
    between two such times are left to confirm, the zones' offsets being unknown here."""


@frozen(kw_only=True)
class Inflection:
    """How a lemma marked ``~`` is inflected: the regular ``endings`` (English: s, es, ed, d,
    ing), added with the spelling rules of ``_notes.lexicon`` (a final e dropped, a final y
    as i, a final consonant doubled: smiling, carried, nodded), and the ``irregular`` forms
    of each lemma (took, taken for take)."""

    endings: tuple[str, ...] = ()
    irregular: Mapping[str, tuple[str, ...]] = field(factory=dict)


@frozen(kw_only=True)
class NotesBook:
    """Everything the packs say about reading notes, merged in pack order."""

    phrases: tuple[FieldPhrases, ...] = ()
    cues: tuple[Cue, ...] = ()
    topics: tuple[Topic, ...] = ()
    relations: tuple[Relation, ...] = ()
    implications: tuple[Implication, ...] = ()
    numbers: NumberWords = field(factory=NumberWords)
    words: Mapping[str, tuple[str, ...]] = field(factory=dict)
    """The word classes a phrase names with ``@name``: each entry one or more words, each
    word plain, a prefix (``*``) or a lemma (``~``)."""
    inflection: Inflection = field(factory=Inflection)

    @property
    def is_empty(self) -> bool:
        return not self.phrases


Bad: TypeAlias = Callable[[str], None]


HYPHEN_IN_WORD = re.compile("(?<=[^\\W_])[-\u2010\u2011](?=[^\\W\\d_])|"
                            "(?<=[^\\W\\d_])[-\u2010\u2011](?=[^\\W_])")
"""A hyphen between a letter and a letter or digit: read as a space (``thank-you`` is
``thank you``, ``3-person`` is ``3 person``); between two digits it stays (``10-11``)."""
SAME_LENGTH = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u201c": '"',
                             "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
                             "\u00a0": " ", "\u2009": " ", "\t": " ", "\r": "\n",
                             "\u2028": "\n", "\u2029": "\n", "\u2026": "."})
"""Characters read as another of the same length: curly quotes straight, odd spaces plain."""


def normalise_phrase(text: str) -> str:
    """A phrase as the reader compares it: lower case, quotes straight, hyphens between
    letters as spaces, as a note is read (``_notes.text.normalise``)."""
    return HYPHEN_IN_WORD.sub(" ", text.lower().translate(SAME_LENGTH))


def _split_alternatives(text: str) -> str | None:
    """The first word position outside parentheses and brackets (which may hold several
    words) whose alternatives hold a hyphen between letters ("todo|to-do"), which the
    reading turns into a space, if any."""
    depth = 0
    for token in text.split():
        opened = depth + token.count("(") + token.count("[")
        if depth == 0 and opened == 0 and "|" in token and \
                HYPHEN_IN_WORD.search(token) is not None:
            return token
        depth = max(0, opened - token.count(")") - token.count("]"))
    return None


def parse_phrase(text: object, where: str, bad: Bad, *, slots: tuple[str, ...] = ()
                 ) -> Phrase | None:
    """One phrase, or ``None`` after reporting why it cannot be read. ``slots``: the slots
    this phrase may have."""
    if not isinstance(text, str) or not text.strip():
        bad(f"{where}: expected a phrase (words), got {_shown(text)}")
        return None
    split = _split_alternatives(text)
    if split is not None:
        bad(f"{where}: {quoted(text)}: {quoted(split)}: a hyphen between letters reads as a "
            "space, which splits these alternatives into two word positions; write them in "
            f"parentheses: ({split})")
        return None
    parts: list[Word | str] = []
    slot = None
    tokens = _PHRASE_TOKEN.findall(normalise_phrase(text))
    at_start = tokens[0] == "^"
    clause_start = tokens[0] == "<"
    clause_end = len(tokens) > 1 and tokens[-1] == ">"
    if "<" in tokens[1:] or ">" in tokens[:-1] or "^" in tokens[1:] or tokens == [">"]:
        bad(f"{where}: {quoted(text)}: '^' or '<' goes first and '>' last, around words")
        return None
    tokens = tokens[1 if at_start or clause_start else 0:len(tokens) - clause_end]
    if not tokens:
        bad(f"{where}: {quoted(text)}: a phrase needs at least one word that is not optional")
        return None
    for token in tokens:
        gap = _GAP.fullmatch(token)
        if gap is not None:
            if not parts or _is_gap(parts[-1]):
                bad(f"{where}: {quoted(text)}: '...' goes between two words")
                return None
            if gap.group(1) is not None and not 1 <= int(gap.group(1)) <= MAX_GAP_WORDS:
                bad(f"{where}: {quoted(text)}: {quoted(token)}: a gap stands for 1 to "
                    f"{MAX_GAP_WORDS} words")
                return None
            parts.append(token)
        elif token.startswith("{") and token.endswith("}"):
            name = token[1:-1]
            if name not in slots:
                allowed = ", ".join("{" + s + "}" for s in slots) or "none"
                bad(f"{where}: {quoted(text)}: unknown slot {token}; this field takes {allowed}")
                return None
            if slot is not None:
                bad(f"{where}: {quoted(text)}: one slot per phrase")
                return None
            slot = name
            parts.append(token)
        else:
            if set(re.split(r"[|\[\]()]", token)) & {"<", ">", "^"}:
                bad(f"{where}: {quoted(text)}: {quoted(token)}: '^', '<' and '>' mark where "
                    "a phrase stands in its sentence or clause; they go first or last in the "
                    "phrase, never among alternatives (write two phrases)")
                return None
            word = _parse_word(token)
            if word is None:
                bad(f"{where}: {quoted(text)}: cannot read {quoted(token)}; a word position "
                    "is word, word*, word~, @class, a|b, [a|b] or (a b|c)")
                return None
            parts.append(word)
    if parts and _is_gap(parts[-1]):
        bad(f"{where}: {quoted(text)}: '...' goes between two words")
        return None
    # (a slot alone is a phrase only as a whole clause: "< {minutes} >")
    if not any(isinstance(p, Word) and not p.optional for p in parts) and not (
            slot is not None and clause_start and clause_end):
        bad(f"{where}: {quoted(text)}: a phrase needs at least one word that is not optional")
        return None
    return Phrase(text=text, parts=tuple(parts), slot=slot, at_start=at_start,
                  clause_start=clause_start, clause_end=clause_end)


def gap_words(part: str) -> int:
    """How many words a gap (``...`` or ``...8``) may stand for."""
    return int(part[3:]) if part[3:] else GAP_WORDS


def _is_gap(part: object) -> bool:
    return isinstance(part, str) and part.startswith("...")


def _parse_word(token: str) -> Word | None:
    optional = token.startswith("[") and token.endswith("]")
    grouped = token.startswith("(") and token.endswith(")") and len(token) > 2
    inner = token[1:-1] if optional or grouped else token
    # a bracket or parenthesis anywhere else is a group left open or closed twice, or
    # one opened inside another ("a|(b c)", "(a b)c", "[(a b|c)]"); only a word with no
    # letter or digit may hold one (":)")
    if re.search(r"[\[\]()]", inner) and (optional or grouped or re.search(r"\w", inner)):
        return None
    if "..." in inner:
        return None  # a gap is a word position of its own
    alternatives = [" ".join(a.split()) for a in inner.split("|")]
    if not all(_ALT.fullmatch(a) or _is_words(a) for a in alternatives):
        return None
    # an alternative of several words keeps its marks (``walk~ round``): each of its words
    # is resolved on its own (``_notes.lexicon``)
    several = tuple(" " in a for a in alternatives)
    inflected = tuple(len(a) > 1 and a.endswith("~") and not s
                      for a, s in zip(alternatives, several, strict=True))
    prefixes = tuple(a.endswith("*") and not s for a, s in zip(alternatives, several, strict=True))
    return Word(alternatives=tuple(a[:-1] if p or f else a
                                   for a, p, f in zip(alternatives, prefixes, inflected,
                                                      strict=True)),
                prefixes=prefixes, optional=optional,
                inflected=inflected if any(inflected) else ())


def _is_words(alternative: str) -> bool:
    """An alternative of several plain words, prefixes or lemmas (no class among them)."""
    words = alternative.split()
    return len(words) > 1 and all(_ENTRY_WORD.fullmatch(w) for w in words)


def classes_named(phrase: Phrase) -> set[str]:
    """The word classes (``@name``) a phrase names."""
    return {a[1:] for p in phrase.parts if isinstance(p, Word) for a in p.alternatives
            if a.startswith("@")}


def _shown(value: object) -> str:
    if isinstance(value, str):
        return quoted(value, 40)
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return repr(value)


class NotesMerger:
    """Reads the ``[notes]`` table of each file, in order, into one ``NotesBook``; every
    problem goes to ``problem(file, reason)``."""

    _KEYS = ("phrases", "cue", "topic", "relation", "implies", "numbers", "words",
             "inflection")

    def __init__(self, problem: Callable[[str, str], None]) -> None:
        self._problem = problem
        self.phrases: list[FieldPhrases] = []
        self.cues: list[Cue] = []
        self.topics: dict[str, Topic] = {}
        self.relations: list[Relation] = []
        self.implications: list[Implication] = []
        self.numbers: dict[str, object] = {}
        self.words: dict[str, tuple[str, ...]] = {}
        self.endings: tuple[str, ...] = ()
        self.irregular: dict[str, tuple[str, ...]] = {}
        self._file = ""
        self._named: list[tuple[str, str, set[str]]] = []
        """(file, where, classes) for each phrase naming word classes: checked at the end,
        since a later pack may define them."""

    def read(self, table: object, file: str) -> None:
        """Add one file's ``[notes]`` table."""

        def bad(reason: str) -> None:
            self._problem(file, "[notes] " + reason)

        if not isinstance(table, dict):
            bad("expected a table")
            return
        self._file = file
        for key in sorted(set(table) - set(self._KEYS)):
            bad(f"unknown key {quoted(key)}{did_you_mean(key, self._KEYS)}; [notes] holds "
                f"{', '.join(self._KEYS)}")
        for where, item in _items(table, "phrases", bad):
            self._add_phrases(item, where, file, bad)
        for where, item in _items(table, "cue", bad):
            self._add_cue(item, where, file, bad)
        for where, item in _items(table, "topic", bad):
            self._add_topic(item, where, bad)
        for where, item in _items(table, "relation", bad):
            self._add_relation(item, where, file, bad)
        for where, item in _items(table, "implies", bad):
            self._add_implication(item, where, bad)
        if "numbers" in table:
            self._add_numbers(table["numbers"], bad)
        if "words" in table:
            self._add_words(table["words"], bad)
        if "inflection" in table:
            self._add_inflection(table["inflection"], bad)

    def _add_words(self, table: object, bad: Bad) -> None:
        if not isinstance(table, dict):
            bad("words: expected a table of word classes, each a list of words")
            return
        for name, entries in table.items():
            if not _NAME.fullmatch(name):
                bad(f"words.{name}: expected a lower_snake_case name")
                continue
            if not (isinstance(entries, list) and entries):
                bad(f"words.{name}: expected a non-empty list of words")
                continue
            good = []
            for i, entry in enumerate(entries):
                words = normalise_phrase(entry).split() if isinstance(entry, str) else []
                if not words or not all(_ENTRY_WORD.fullmatch(w) for w in words):
                    bad(f"words.{name}[{i}]: expected words (each plain, word* or word~), "
                        f"got {_shown(entry)}")
                    continue
                good.append(" ".join(words))
            # a later pack adds entries to a class it names again
            self.words[name] = self.words.get(name, ()) + tuple(good)

    def _add_inflection(self, table: object, bad: Bad) -> None:
        if not isinstance(table, dict):
            bad("inflection: expected a table (endings, irregular)")
            return
        _unknown(table, ("endings", "irregular"), "inflection", bad)
        endings = table.get("endings", [])
        if not (isinstance(endings, list) and all(
                isinstance(e, str) and re.fullmatch(r"[^\W\d_]['\w]*", e) for e in endings)):
            bad("inflection.endings: expected a list of endings (letters)")
        else:
            self.endings += tuple(e.lower() for e in endings)
        irregular = table.get("irregular", {})
        if not isinstance(irregular, dict):
            bad("inflection.irregular: expected a table of lemmas, each a list of its forms")
            return
        for lemma, forms in irregular.items():
            if not (isinstance(forms, list) and forms and all(
                    isinstance(f, str) and _TOKEN.fullmatch(normalise_phrase(f))
                    for f in forms)):
                bad(f"inflection.irregular.{lemma}: expected a non-empty list of single "
                    "words")
                continue
            key = normalise_phrase(lemma)
            self.irregular[key] = self.irregular.get(key, ()) + tuple(
                normalise_phrase(f) for f in forms)

    def _add_phrases(self, item: Mapping[str, object], where: str, file: str,
                     bad: Bad) -> None:
        _unknown(item, ("path", "value", "phrases", "topic", "certainty"), where, bad)
        path = _path(item.get("path"), f"{where}.path", bad)
        if path is None:
            return
        where = f"{where} ({path})"
        spec = VOCABULARY[path]
        value = item.get("value")
        numeric = spec.kind in ("int", "number")
        if value is None and not numeric:
            bad(f"{where}.value: expected {spec.expected}")
            return
        if value is not None and CHECKS[path](value) is None:
            bad(f"{where}.value: expected {spec.expected}, got {_shown(value)}")
            return
        slots = () if value is not None else (
            {"minutes": ("minutes",), "hours": ("hours",)}.get(spec.unit, ("count", "people")))
        phrases = self._phrase_list(item.get("phrases"), where, bad, slots=slots,
                                    need_slot=value is None)
        topic = item.get("topic")
        if topic is not None and (not isinstance(topic, str) or not _NAME.fullmatch(topic)):
            bad(f"{where}.topic: expected the name of a [[notes.topic]]")
            return
        certainty = item.get("certainty", "stated")
        if certainty not in ("stated", "unsure"):
            bad(f"{where}.certainty: expected \"stated\" or \"unsure\", got "
                f"{_shown(certainty)}")
            return
        self.phrases.append(FieldPhrases(path=path, value=cast(Value | None, value),
                                         phrases=phrases, topic=topic,
                                         certainty=str(certainty), file=file))

    def _phrase_list(self, items: object, where: str, bad: Bad, *,
                     slots: tuple[str, ...] = (), need_slot: bool = False
                     ) -> tuple[Phrase, ...]:
        if not isinstance(items, list) or not items:
            bad(f"{where}.phrases: expected a non-empty list of phrases")
            return ()
        out = []
        for i, text in enumerate(items):
            phrase = parse_phrase(text, f"{where}.phrases[{i}]", bad, slots=slots)
            if phrase is None:
                continue
            if need_slot and phrase.slot is None:
                bad(f"{where}.phrases[{i}]: {quoted(text)}: a phrase without value needs a slot "
                    f"({', '.join('{' + s + '}' for s in slots)})")
                continue
            named = classes_named(phrase)
            if phrase.slot == "people":  # its items are made of these two classes
                named |= {"person", "person_lead"}
            if named:
                self._named.append((self._file, f"{where}.phrases[{i}]: {quoted(text)}", named))
            out.append(phrase)
        return tuple(out)

    def _add_cue(self, item: Mapping[str, object], where: str, file: str, bad: Bad) -> None:
        _unknown(item, ("kind", "direction", "scope", "phrases", "fields", "not_fields",
                        "ends_at_comma", "kinds", "answer", "past_colon", "in_brackets"), where,
                 bad)
        kind, direction = item.get("kind"), item.get("direction", "forward")
        if kind not in CUE_KINDS:
            bad(f"{where}.kind: expected one of {', '.join(CUE_KINDS)}, got {_shown(kind)}")
            return
        if direction not in DIRECTIONS:
            bad(f"{where}.direction: expected one of {', '.join(DIRECTIONS)}, got "
                f"{_shown(direction)}")
            return
        scope = item.get("scope")
        if scope is not None and not (type(scope) is int and 0 <= scope <= 50):
            bad(f"{where}.scope: expected a number of words from 0 (only what follows at "
                f"once) to 50, got {_shown(scope)}")
            return
        fields = _paths(item.get("fields", []), f"{where}.fields", bad)
        not_fields = _paths(item.get("not_fields", []), f"{where}.not_fields", bad)
        if fields is None or not_fields is None:
            return
        comma = item.get("ends_at_comma", False)
        if not isinstance(comma, bool):
            bad(f"{where}.ends_at_comma: expected true or false, got {_shown(comma)}")
            return
        answer = item.get("answer", False)
        if not isinstance(answer, bool):
            bad(f"{where}.answer: expected true or false, got {_shown(answer)}")
            return
        past_colon = item.get("past_colon", False)
        if not isinstance(past_colon, bool):
            bad(f"{where}.past_colon: expected true or false, got {_shown(past_colon)}")
            return
        in_brackets = item.get("in_brackets", False)
        if not isinstance(in_brackets, bool):
            bad(f"{where}.in_brackets: expected true or false, got {_shown(in_brackets)}")
            return
        if in_brackets and direction != "backward":
            bad(f"{where}.in_brackets: a remark in brackets bears on what it follows; "
                f"expected direction = \"backward\", got {_shown(direction)}")
            return
        kinds = item.get("kinds", [])
        if not (isinstance(kinds, list) and all(k in CUE_KINDS for k in kinds)):
            bad(f"{where}.kinds: expected a list of cue kinds ({', '.join(CUE_KINDS)})")
            return
        if kinds and kind != "terminate":
            bad(f"{where}.kinds: only a terminate cue names the kinds it ends")
            return
        phrases = self._phrase_list(item.get("phrases"), where, bad)
        self.cues.append(Cue(kind=cast(CueKind, kind), direction=cast(Direction, direction),
                             phrases=phrases, scope=scope, fields=fields,
                             not_fields=not_fields, ends_at_comma=comma,
                             kinds=tuple(kinds), answer=answer, past_colon=past_colon,
                             in_brackets=in_brackets, file=file))

    def _add_topic(self, item: Mapping[str, object], where: str, bad: Bad) -> None:
        _unknown(item, ("name", "phrases", "reach"), where, bad)
        name, reach = item.get("name"), item.get("reach", 1)
        if not isinstance(name, str) or not _NAME.fullmatch(name):
            bad(f"{where}.name: expected a lower_snake_case name, got {_shown(name)}")
            return
        if not (type(reach) is int and 1 <= reach <= 20):
            bad(f"{where}.reach: expected a number of sentences from 1 to 20, got "
                f"{_shown(reach)}")
            return
        phrases = self._phrase_list(item.get("phrases"), f"{where} ({name})", bad)
        old = self.topics.get(name)
        # A later pack adds words to a topic it names again, and may widen its reach.
        self.topics[name] = Topic(name=name, phrases=(old.phrases if old else ()) + phrases,
                                  reach=reach)

    def _add_relation(self, item: Mapping[str, object], where: str, file: str,
                      bad: Bad) -> None:
        _unknown(item, ("path", "kind", "other", "to", "phrases"), where, bad)
        path = _path(item.get("path"), f"{where}.path", bad)
        other = _path(item.get("other"), f"{where}.other", bad)
        kind = item.get("kind")
        if path is None or other is None:
            return
        if kind not in RELATION_KINDS:
            bad(f"{where}.kind: expected one of {', '.join(RELATION_KINDS)}, got "
                f"{_shown(kind)}")
            return
        if VOCABULARY[path].kind not in ("int", "number"):
            bad(f"{where}.path: a relation gives a number; {path} is "
                f"{VOCABULARY[path].expected}")
            return
        to = None
        if kind == "between":
            to = _path(item.get("to"), f"{where}.to", bad)
            if to is None:
                return
            self.relations.append(Relation(path=path, kind="between", other=other, to=to,
                                           file=file))
            return
        slots = {"same": (), "plus": ("minutes",), "minus": ("minutes",),
                 "from": ("clock",), "until": ("clock",)}[kind]
        phrases = self._phrase_list(item.get("phrases"), f"{where} ({path})", bad,
                                    slots=slots, need_slot=bool(slots))
        self.relations.append(Relation(path=path, kind=cast(RelationKind, kind), other=other,
                                       phrases=phrases, file=file))

    def _add_implication(self, item: Mapping[str, object], where: str, bad: Bad) -> None:
        _unknown(item, ("path", "value", "then_path", "then_value"), where, bad)
        path = _path(item.get("path"), f"{where}.path", bad)
        then = _path(item.get("then_path"), f"{where}.then_path", bad)
        if path is None or then is None:
            return
        value, then_value = item.get("value"), item.get("then_value")
        for name, p, v in (("value", path, value), ("then_value", then, then_value)):
            if (v is not None or name == "then_value") and CHECKS[p](v) is None:
                bad(f"{where}.{name}: expected {VOCABULARY[p].expected}, got {_shown(v)}")
                return
        self.implications.append(Implication(path=path, value=cast(Value | None, value),
                                             then_path=then, then_value=cast(Value,
                                                                             then_value)))

    def _add_numbers(self, table: object, bad: Bad) -> None:
        if not isinstance(table, dict):
            bad("numbers: expected a table")
            return
        _unknown(table, _NUMBER_KEYS, "numbers", bad)
        for key in _NUMBER_KEYS:
            if key not in table:
                continue
            value = table[key]
            if key == "words":
                if not isinstance(value, dict) or not all(
                        type(v) is int and 0 <= v <= 1000 for v in value.values()):
                    bad("numbers.words: expected a table of words and whole numbers from 0 "
                        "to 1000")
                    continue
                words = cast(dict[str, int], self.numbers.setdefault("words", {}))
                words.update({normalise_phrase(k): v for k, v in value.items()})
            elif key in ("days", "months"):
                count, first = (7, "Monday") if key == "days" else (12, "January")
                if not (isinstance(value, list) and len(value) == count and all(
                        isinstance(d, str) and d.strip() for d in value)):
                    bad(f"numbers.{key}: expected {count} entries, {first} first, each 'a|b'")
                    continue
                self.numbers[key] = tuple(tuple(normalise_phrase(d).split("|"))
                                          for d in value)
            elif not (isinstance(value, list) and all(isinstance(w, str) and w.strip()
                                                      for w in value)):
                bad(f"numbers.{key}: expected a list of words")
            else:
                old = cast(tuple[str, ...], self.numbers.get(key, ()))
                self.numbers[key] = old + tuple(normalise_phrase(w) for w in value)

    def book(self) -> NotesBook:
        """Everything read so far, merged."""
        n = self.numbers

        def words_of(key: str) -> tuple[str, ...]:
            return cast(tuple[str, ...], n.get(key, ()))

        words = NumberWords(
            words=dict(cast(dict[str, int], n.get("words", {}))),
            minute_units=words_of("minute_units"), hour_units=words_of("hour_units"),
            half=words_of("half"), quarter=words_of("quarter"),
            three_quarters=words_of("three_quarters"), and_=words_of("and"),
            range=words_of("range"), am=words_of("am"), pm=words_of("pm"),
            noon=words_of("noon"), before=words_of("before"),
            after_bare=words_of("after_bare"), today=words_of("today"),
            yesterday=words_of("yesterday"), next_day=words_of("next_day"),
            morning=words_of("morning"), evening=words_of("evening"), at=words_of("at"),
            time_after=words_of("time_after"), past=words_of("past"),
            to_hour=words_of("to_hour"), oclock=words_of("oclock"),
            time_zone=words_of("time_zone"),
            days=cast(tuple[tuple[str, ...], ...], n.get("days", ())),
            months=cast(tuple[tuple[str, ...], ...], n.get("months", ())))
        return NotesBook(phrases=tuple(self.phrases), cues=tuple(self.cues),
                         topics=tuple(self.topics.values()), relations=tuple(self.relations),
                         implications=tuple(self.implications), numbers=words,
                         words=dict(self.words),
                         inflection=Inflection(endings=self.endings,
                                               irregular=dict(self.irregular)))

    def check(self, file: str) -> None:
        """Whole-book checks: every topic and every word class a phrase names exists."""
        names = {t.name for t in self.topics.values()}
        for item in self.phrases:
            if item.topic is not None and item.topic not in names:
                self._problem(item.file or file, f"[notes] phrases ({item.path}).topic: "
                              f"unknown topic {quoted(item.topic)}"
                              f"{did_you_mean(item.topic, names)}")
        for where_file, where, named in self._named:
            for name in sorted(named - set(self.words)):
                self._problem(where_file, f"[notes] {where}: unknown word class @{name}"
                              f"{did_you_mean(name, tuple(self.words))}; [notes.words] "
                              "defines them")


def _items(table: Mapping[str, object], key: str, bad: Bad
           ) -> list[tuple[str, Mapping[str, object]]]:
    items = table.get(key, [])
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        bad(f"{key}: expected [[notes.{key}]] tables")
        return []
    return [(f"{key}[{i}]", cast(Mapping[str, object], t)) for i, t in enumerate(items)]


def _unknown(item: Mapping[str, object], keys: tuple[str, ...], where: str, bad: Bad) -> None:
    for key in sorted(set(item) - set(keys)):
        bad(f"{where}: unknown key {quoted(key)}{did_you_mean(key, keys)}")


def _path(value: object, where: str, bad: Bad) -> str | None:
    if isinstance(value, str) and value in VOCABULARY:
        return value
    bad(f"{where}: unknown observation path {_shown(value)}"
        f"{did_you_mean(value, tuple(VOCABULARY))}")
    return None


def _paths(value: object, where: str, bad: Bad) -> tuple[str, ...] | None:
    if not isinstance(value, list):
        bad(f"{where}: expected a list of observation paths")
        return None
    out = [_path(v, f"{where}[{i}]", bad) for i, v in enumerate(value)]
    return None if None in out else tuple(cast(list[str], out))
