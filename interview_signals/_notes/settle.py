"""Settle what a note says about each field: corrections, numbers read relative to another
field, the hours between the thank-you and its reply from the times the note gives, one
value per field (or unsure when mentions disagree), implications and contradictions.

Neighbours: ``reader`` finds the mentions and weighs the cues around them, then hands them
here (``Settling``, with the reading's text and texts); ``mentions`` holds what both use;
``reading`` holds the result.
"""

from __future__ import annotations

import bisect
import datetime
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from attrs import evolve, frozen

from .._observations import EXCLUSIONS, PREREQUISITES, VOCABULARY, known_grouped
from .._rulebook import Relation
from .._texts import Texts
from .mentions import Mention, by_field, fitted, value_key
from .reading import Certainty, NotesReading, Proposal

if TYPE_CHECKING:
    from .reader import _Reading

_T = TypeVar("_T")
_COUNT = "interview.interviewer_count"
_MAX_DAYS_APART = 31
"""Dates further apart than this are taken for other events', not a reply's wait."""
_DATE_REACH = 14
"""How far (in characters) from a time its date may be written: "3 June at 18:00"."""
_SOME_OF_THEM = re.compile(r"\bof (?:them|'em|em)$|^(?:only|just)\b")
"""A count that names some of a panel: "two of them", "only the plant director"."""
_REPLY = "thank_you.response_received"
_NAME = re.compile(r"[A-Z][a-z][\w'-]*+")
"""A name as people write one ("Jess", "Mr"): a capital and a small letter."""
_FROM = re.compile(r"(?<![\w'])from\s++(?:the\s++)?(?:other\s++)?")
_OTHER_ONE = re.compile(r"(?<![\w'])the\s++other\s++(?:one|two|three|four|partner|person|"
                        r"interviewer|panellist|panelist)(?![\w'])")
_LABEL = re.compile(r"[^\w']*+([\w'-]++)\s*+:")
_LONGEST_FROM_CLOCKS = 10 * 60
"""The longest length read from a start and an end time on a twelve-hour dial (a campus
visit booked 9 to 5 ran to 5:30): past it, the two times are of different things ("started at
10 ... finished at 9:58" is no 718 minutes)."""
_WHOLE_PANEL = re.compile(r"\b(?:none|nobody|no one|noone|neither|any of|all of|both|either|"
                          r"panel|board|they|them|their|everyone|everybody|anyone|anybody|we|"
                          r"not one|not a single|of the \w+)\b")
"""Words by which a false cue covers the whole panel, not one of its members."""
_ANOTHER_NUMBER = re.compile(r"(?<![\w:.])\d{1,2}(?![\w:.]*\d)")
"""A number soon after a bare hour: a correction ("at 8 - no, 9") or a range, to confirm."""
_SAME_DAY = re.compile(r"\b(?:same|that) (?:day|morning|afternoon|evening)\b|\blater that\b")


class Settling:
    """The last stage of reading one note, on the reading's mentions (``r``: the reading,
    for its text, layout, cues and texts)."""

    def __init__(self, reading: _Reading) -> None:
        self.r = reading
        self._starts: list[Mention] = []
        """The clock times the note says lengths start at (``from`` relations)."""
        self._starts_by_path: dict[str, tuple[list[Mention], list[int]]] = {}
        """Per field, its start times in the note's order, and where each stands."""

    def result(self, weighed: list[Mention]) -> NotesReading:
        """The proposals of the mentions as weighed, with what relations, implications
        and contradictions make of them."""
        weighed = self._corrected(weighed)
        direct = [m for m in weighed if m.relation is None]
        by_path = by_field(direct)
        direct_in = {(m.path, m.sentence) for m in direct}
        self._starts = [m for m in weighed
                        if m.relation is not None and m.relation.kind == "from"]
        for m in weighed:
            # a number the sentence gives the field itself ("ended it at 30 on the dot")
            # outweighs what a relation would make of another field's
            if m.relation is not None and (m.path, m.sentence) not in direct_in:
                related = self._related(m, by_path)
                if related is not None:
                    by_path.setdefault(related.path, []).append(related)
        for relation in self.r.reader.book.relations:
            if relation.kind == "between":
                related = self._between(relation, by_path)
                if related is not None:
                    by_path.setdefault(relation.path, []).append(related)
        proposals = self._settled(by_path)
        proposals = self._implied(proposals)
        proposals = _without_contradictions(proposals, self.r._implied_from, self.r.texts)
        proposals.sort(key=lambda p: (p.evidence.start, list(VOCABULARY).index(p.path)))
        stated = {p.path: p.value for p in proposals if p.certainty == "stated"}
        stated = {path: stated[path] for path in VOCABULARY if path in stated}
        return NotesReading(proposals=tuple(proposals), observations=known_grouped(stated),
                            set_aside=tuple(sorted(self.r.set_aside,
                                                   key=lambda s: s.evidence.start)))

    def _corrected(self, mentions: list[Mention]) -> list[Mention]:
        """A correction ("no wait, it was 40") drops what the note said before it about the
        same field, in its sentence or the one before."""
        dropped: set[int] = set()
        by_place: dict[tuple[str, str | None, int], list[Mention]] = {}
        for m in mentions:  # a time corrected is of a time: "finished at 3:05. No, 3:15"
            by_place.setdefault((*_kind(m), m.sentence), []).append(m)
        for fix in mentions:
            if not fix.corrects:
                continue
            for old in (*by_place.get((*_kind(fix), fix.sentence - 1), ()),
                        *by_place.get((*_kind(fix), fix.sentence), ())):
                if old.start < fix.start and id(old) not in dropped:
                    dropped.add(id(old))
                    self.r._aside(old.path, old.value, old.start, old.end,
                                self.r.texts("notes.reason.corrected_later"))
        return [m for m in mentions if id(m) not in dropped]

    def _related(self, m: Mention, by_path: dict[str, list[Mention]]) -> Mention | None:
        relation = m.relation
        if relation is None or relation.kind == "from":
            return None
        if relation.kind == "until":
            return self._until(m, by_path)
        others = by_path.get(relation.other, [])
        values = {o.value for o in others}
        if len(values) != 1:
            return None
        other = others[0]
        base = float(other.value)  # type: ignore[arg-type]
        if relation.kind == "same":
            number = base
        elif relation.kind == "plus":
            number = base + (m.slot_value or 0)
        else:  # minus
            number = base - (m.slot_value or 0)
        return self._made(m, number, others, self.r._label(relation.other))

    def _made(self, m: Mention, number: float, others: list[Mention], label: str = "",
              start: Mention | None = None) -> Mention | None:
        """The mention of the value a relation makes (from ``label``'s value, or from the
        ``start`` the note gives): unsure if what it was made from is."""
        value = fitted(m.path, number)
        if value is None:
            return None
        unsure = m.certainty == "unsure" or any(o.certainty == "unsure" for o in others)
        words = repr(self.r.norm[m.start:m.end])
        reason = m.reason if m.certainty == "unsure" else self.r.texts(
            "notes.reason.from_start", start=repr(self.r.norm[start.start:start.end]),
            words=words) if start is not None else self.r.texts(
            "notes.reason.from_other", label=label, words=words)
        return evolve(m, value=value, certainty="unsure" if unsure else "stated",
                      reason=reason, relation=None)

    def _starts_of(self, path: str) -> tuple[list[Mention], list[int]]:
        """The start times the note gives for ``path``, in the note's order, and where
        each stands (for bisection)."""
        if path not in self._starts_by_path:
            starts = sorted((s for s in self._starts if s.path == path and
                             s.slot_value is not None), key=lambda s: s.start)
            self._starts_by_path[path] = starts, [s.start for s in starts]
        return self._starts_by_path[path]

    def _until(self, m: Mention, by_path: dict[str, list[Mention]]) -> Mention | None:
        """A length to a clock time ("walked out at 11:40"): from the start the note gives
        ("we sat down at 11"; the nearest before it, else the first after), else from the
        start of the other field's time range ("booked 11 to 11:30"). Clock times are read
        on a twelve-hour dial: no interview lasts twelve hours."""
        relation = m.relation
        assert relation is not None
        if m.slot_value is None:
            return None
        starts, offsets = self._starts_of(m.path)
        if starts:
            at = bisect.bisect_left(offsets, m.start)
            start = starts[at - 1] if at else starts[0]  # the nearest before, else the first
            assert start.slot_value is not None
            number = _on_the_dial(start.slot_value, m.slot_value)
            return None if number is None else self._made(m, number, [start], start=start)
        others = by_path.get(relation.other, [])
        ranges = [o.range_start for o in others if o.range_start is not None]
        if len({o.value for o in others}) != 1 or not ranges:
            return None
        number = _on_the_dial(ranges[0], m.slot_value)
        return None if number is None else self._made(m, number, others,
                                                      self.r._label(relation.other))

    def _between(self, relation: Relation, by_path: dict[str, list[Mention]]
                 ) -> Mention | None:
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
        apart = self._days_between(start, end, first, second)
        if apart is None:
            return None  # dates that cannot be, or run backwards
        days, guessed = apart
        if start.twenty_four or end.twenty_four:
            # one time on a 24-hour clock ("sent 16:42"): the other as written too ("reply
            # at 10:42" is the morning)
            start, end = _as_written(start), _as_written(end)
        # a bare hour ("at 11") is before or after noon: the reading with the shortest wait;
        # two times both open so ("Wednesday 11:00 ... Friday at 11:00") in the same half
        # of the day, where that reads forward
        waits = []
        if len(start.minutes) == len(end.minutes) == 2:
            waits = [w for a, b in zip(start.minutes, end.minutes, strict=True)
                     if (w := days * 24 * 60 + b - a) >= 0]
        if not waits:
            waits = [w for a in start.minutes for b in end.minutes
                     if (w := days * 24 * 60 + b - a) >= 0]
        next_day = False
        if not waits and days == 0 and not guessed and len(start.minutes) == 1 and \
                len(end.minutes) == 1 and start.weekday is None and end.weekday is None and \
                start.relative is None and end.relative is None:
            # a reply at an earlier hour than the note, neither placed by its day ("sent
            # at 11pm, reply 7am"): most likely the next morning, to confirm (the note may
            # place the reply days later in words it does not read: "two days later")
            waits, next_day = [24 * 60 + end.minutes[0] - start.minutes[0]], True
        if not waits:
            return None
        value = fitted(relation.path, round(min(waits) / 60, 2))
        if value is None:
            return None
        # a bare hour ("at 8") that the words around it leave before or after noon: read
        # as the shorter wait, but to confirm ("6:45" after "6pm" is read as written)
        approximate = start.approximate or end.approximate
        open_half = any(w.bare and len(w.minutes) > 1 for w in (start, end))
        # a time placed in a time zone ("9pm Pacific ... 8:00 Eastern"): the offsets are not
        # known here, so the hours are to confirm, unless both are in the same zone
        zoned = start.zone != end.zone
        unsure = approximate or open_half or guessed or zoned or next_day or \
            first.certainty == "unsure" or second.certainty == "unsure"
        reason = (self.r.texts("notes.reason.time_zone") if zoned else
                  self.r.texts("notes.reason.approximate_time") if approximate else
                  self.r.texts("notes.reason.half_of_day") if open_half else
                  self.r.texts("notes.reason.same_day") if guessed else
                  self.r.texts("notes.reason.next_day") if next_day else
                  self.r.texts("notes.reason.between", first=self.r._label(relation.other),
                             second=self.r._label(str(relation.to))))
        return evolve(second, path=relation.path, value=value,
                      certainty="unsure" if unsure else "stated", reason=reason)

    def _days_between(self, start: _When, end: _When, first: Mention, second: Mention
                      ) -> tuple[int, bool] | None:
        """The whole days from ``start`` to ``end`` and whether that is a guess: by the days
        of the week, by words such as "last night", "this morning" or "the next day", else
        the same day (a guess unless the note says "the same day"); None where both are
        dated and the dates cannot be or run backwards."""
        if end.relative == ("next", 1):
            return 1, False
        if start.date is not None and end.date is not None:
            between = _days_apart(start.date, end.date)
            if between is None or not self._a_plain_reply(second) or (
                    start.weekday is not None and end.weekday is not None and
                    (end.weekday - start.weekday) % 7 != between % 7):
                return None  # another event's date, or weekdays that disagree with the dates
            return between, False
        if start.weekday is not None and end.weekday is not None:
            return (end.weekday - start.weekday) % 7, False
        if start.relative is not None and end.relative is not None and \
                start.relative[0] == end.relative[0] == "day":
            return end.relative[1] - start.relative[1], False
        if (start.weekday is None) != (end.weekday is None):
            # one time has a day of the week and the other none: the same day, if the note
            # says so ("the same day") or else as a guess to confirm
            return 0, not _SAME_DAY.search(self.r.layout.text, first.start, second.end + 80)
        return 0, False  # neither is placed by its day: the same day, as written

    def _unquoted(self, start: int, end: int) -> str:
        """The words from ``start`` to ``end`` with what they quote blanked: a day a reply
        names ("'See you Weds'") is not the day it came (a time or date quoted alone is
        kept: "the timestamp says 'Wed 09:14'")."""
        text = self.r.norm[start:end]
        for low, high in self.r.layout.quotes_within(start, end):
            if low < end and start < high and not (
                    _DIGIT.search(self.r.norm, low, high) and
                    len(_WORD.findall(self.r.norm, low, high)) <= 3):
                a, b = max(low, start) - start, min(high, end) - start
                text = text[:a] + " " * (b - a) + text[b:]
        return text

    def _when(self, m: Mention, other: Mention) -> _When | None:
        """When the note says ``m`` happened: in its sentence, the first time after it, else
        the last before it, never past ``other`` when both share the sentence ("Sent Monday
        9am, reply came Tuesday 9am"); a bare hour after "at" is before or after noon, as
        the words around it say ("this morning") or either."""
        sentence = self.r.layout.sentences[m.sentence]
        low, high = sentence.start, sentence.end
        if other.sentence == m.sentence:
            if m.start < other.start:
                high = other.start
            else:
                low = other.end
        numbers = self.r.reader.numbers
        after_text = self._unquoted(m.start, high)
        # the words before ``m`` in its sentence are the other event's when it shares it
        before_text = "" if other.sentence == m.sentence else self._unquoted(low, m.start)
        part = _first_known(numbers.daypart, after_text, before_text)
        found: list[tuple[int, int, tuple[float, ...], bool]] = []
        for c in self.r.reader._clock.finditer(self.r.norm, low, high):
            if numbers.is_spelled_out(c.group()):
                minute = numbers.clock_minutes(c.group())
                if minute is None:
                    continue
                if 60 <= minute < 13 * 60 and not numbers.says_half_of_day(c.group()):
                    # "6:45" with no am or pm: as the words around it say, or either
                    found.append((c.start(), c.end(), _halves(minute % 720, part), False))
                else:
                    found.append((c.start(), c.end(), (minute,), False))
        for start, end, hour in numbers.bare_hours(self.r.norm, low, high):
            found.append((start, end, _halves(float(hour % 12 * 60), part), True))
        found.sort()
        after = [f for f in found if f[0] >= m.start]
        chosen = after[0] if after else (found[-1] if found else None)
        if chosen is None:
            return None
        corrected = False
        at = found.index(chosen)
        for later in found[at + 1:at + 4]:
            # a time corrected right after it ("Monday 9am, no, 9:30"): the later one (a
            # chain of corrections is followed a few steps, no further)
            if not self.r.corrects(m.sentence, chosen[1], later[0]):
                break
            chosen, corrected = later, True
        clock_start = chosen[0]
        cues = self.r._cues_of.get(m.sentence, ())
        corrections = [h for h in cues if h.cue.kind == "correction" and low <= h.start < high]
        # a time corrected and taken is settled unless corrected again after it; one not
        # taken is in doubt where a correction of its field stands in its sentence
        doubted = any(h.start >= chosen[1] for h in corrections) if corrected else \
            any(not h.cue.fields or m.path in h.cue.fields for h in corrections)
        approximate = any(h.cue.kind == "approximate" and h.end <= clock_start and
                          self.r._reaches(h.end, clock_start, h.cue.scope)
                          for h in cues) or doubted or \
            (chosen[3] and _ANOTHER_NUMBER.search(self.r.norm, chosen[1],
                                                  min(high, chosen[1] + 40)) is not None)
        zone = numbers.zone_after(self.r.norm, chosen[1], high)
        # a date only where it is written with the time ("3 Jun 18:00", "on the 5th at
        # noon", "at 9am on 4 June"), never another event's later in the sentence
        dated = numbers.date_at(self.r.norm, max(low, chosen[0] - _DATE_REACH),
                                min(high, chosen[1] + _DATE_REACH)) \
            if _alone(found, chosen) else None
        if dated is not None:
            # a date said roughly ("Around 12 Oct at 9am") is rough too
            at_date = dated[1]
            approximate = approximate or any(
                h.cue.kind == "approximate" and h.end <= at_date and
                self.r._reaches(h.end, at_date, h.cue.scope) for h in cues)
        minutes = chosen[2][:1] if _LEADING_ZERO.fullmatch(self.r.norm, chosen[0], chosen[1]) \
            else chosen[2]
        return _When(_first_known(numbers.day, after_text, before_text),
                     _first_known(numbers.relative_day, after_text, before_text),
                     minutes, approximate, chosen[0], chosen[3], zone,
                     None if dated is None else dated[0],
                     _TWENTY_FOUR.fullmatch(self.r.norm, chosen[0], chosen[1]) is not None)

    def _settled(self, by_path: dict[str, list[Mention]]) -> list[Proposal]:
        proposals = []
        several = any(m.certainty == "stated" and isinstance(m.value, int) and m.value > 1
                      for m in by_path.get(_COUNT, ()))
        weak = self.r.texts("notes.reason.weak")
        for path, mentions in by_path.items():
            replied = self._a_reply_came(path, mentions, several)
            if replied is not None:
                proposals.append(self._proposal(replied, "stated",
                                                self.r.texts("notes.reason.a_reply_came")))
                continue
            shown_by_one = self._shown_by_one(path, mentions) if several else None
            if shown_by_one is not None:
                proposals.append(self._proposal(shown_by_one, "stated",
                                                self.r.texts("notes.reason.one_of_several")))
                continue
            if several and self._of_one(path, mentions):
                best = mentions[0]
                proposals.append(self._proposal(best, "unsure",
                                                self.r.texts("notes.reason.of_one")))
                continue
            values: dict[object, list[Mention]] = {}
            for m in mentions:
                if m.value is not None:
                    values.setdefault(value_key(m.value), []).append(m)
            # wording that alone cannot state its value ("25 min" standing alone) gives way
            # to a stated value of the field ("train was late, 20 min. Interview lasted 45")
            if len(values) > 1 and any(m.certainty == "stated" for m in mentions):
                values = {key: group for key, group in values.items()
                          if not all(m.certainty == "unsure" and m.reason == weak
                                     for m in group)}
            if path == _COUNT and len(values) > 1:
                values = self._without_parts(values)
            if len(values) == 1:
                group = next(iter(values.values()))
                beside = self._beside_the_panel(path, group, by_path, weak)
                if beside is not None:
                    proposals.append(self._proposal(beside, "stated", self.r.texts(
                        "notes.reason.with_the_panel")))
                    continue
                unsure = [m for m in group if m.certainty == "unsure"]
                if len(unsure) < len(group) and all(m.reason == weak for m in unsure):
                    unsure = []  # "showed me around, a proper tour"
                best = unsure[0] if unsure else next(
                    m for m in group if m.certainty == "stated")
                proposals.append(self._proposal(best, "unsure" if unsure else "stated",
                                                best.reason))
                continue
            shown = self.r.texts.join([self.r._value(group[0]) for group in values.values()])
            for group in values.values():
                proposals.append(self._proposal(group[0], "unsure", self.r.texts(
                    "notes.reason.both", values=shown)))
        return proposals

    def _beside_the_panel(self, path: str, group: list[Mention],
                          by_path: dict[str, list[Mention]], weak: str) -> Mention | None:
        """A length that alone cannot say what it measures, in a sentence that also states
        who interviewed, stated or listed ("short and sweet, 15 minutes, the manager and a
        senior rep", "Hotel supervisor, 1 interviewer, 35 min"): the interview's, unless
        the sentence speaks of something else a candidate may time (``other_doings``).
        ``weak``: the reason of wording that alone cannot state its value."""
        if path != "interview.actual_minutes" or \
                any(m.certainty != "unsure" or m.reason != weak for m in group):
            return None
        counted = {c.sentence for c in by_path.get(_COUNT, ())
                   if c.certainty == "stated" or c.reason == weak}
        others = self.r.reader.other_doings
        for m in group:
            if m.sentence not in counted:
                continue
            sentence = self.r.layout.sentences[m.sentence]
            if others is None or others.search(self.r.norm, sentence.start,
                                               sentence.end) is None:
                return m
        return None

    def _without_parts(self, values: dict[object, list[Mention]]
                       ) -> dict[object, list[Mention]]:
        """Counts of people, less those that tell how many of the panel did something
        ("Panel of four ... Two of them called me Brian", ``panel_part_acts``) where the
        note gives a larger count."""
        acts = self.r.reader.part_acts
        if acts is None:
            return values
        largest = max(float(group[0].value) for group in values.values()
                      if isinstance(group[0].value, int))
        return {key: group for key, group in values.items()
                if not (isinstance(group[0].value, int) and group[0].value < largest and
                        all(_SOME_OF_THEM.search(self.r.norm[m.start:m.end]) is not None and
                            acts.match(self.r.norm, m.end) is not None for m in group))}

    def _a_reply_came(self, path: str, mentions: list[Mention], several: bool
                      ) -> Mention | None:
        """A reply stated is a reply, whatever else the note says of replies, where one of
        several interviewers answered ("The chair replied within two hours; the other two
        haven't"; "Nothing from Jess" names one person), or where it comes, after every word
        of none, in an entry of its own ("Day 4: nothing yet. Day 5: she wrote back!"). Not a
        reply in a sentence about something else it may answer or from someone else
        (``reply_elsewhere``: "replied to my CV", "his assistant replied"), doubted or
        corrected ("she replied, just kidding"), nor where the "no reply" is the whole
        panel's ("No reply yet from anyone"). The stated mention of it, or None."""
        if path != _REPLY:
            return None
        plain = {id(m): self._a_plain_reply(m) for m in mentions if m.value is True}
        yes = [m for m in mentions if plain.get(id(m)) and m.certainty == "stated"]
        no = [m for m in mentions if m.value is not True]
        if not yes or not no or any(self._whole_panel(m, whole_sentence=True) for m in no):
            return None
        winner = None
        if several or all(self._of_someone(m) for m in no):
            winner = yes[0]  # "Nothing from the other partner", "Controller: nothing yet"
        else:
            after = [m for m in yes if m.start > max(n.start for n in no)]
            if after and self._opens_entry(after[0]):
                winner = after[0]  # "Day 5: she wrote back!"
        if winner is not None and any(
                not plain[id(m)] for m in mentions
                if m.value is True and m.start > winner.start):
            return None  # "Day 4: ok she replied to someone else's thread"
        return winner

    def _a_plain_reply(self, m: Mention) -> bool:
        """Whether a reply mention is of the thank-you, from an interviewer, said plainly:
        no word of ``reply_elsewhere`` or ``taken_back`` in its sentence nor of
        ``taken_back`` in the next, and no correction or doubt opening the next."""
        elsewhere = self.r.reader.reply_elsewhere
        start, end = self._sentence_span(m)
        if (elsewhere is not None and elsewhere.search(self.r.norm, start, end) is not None) or \
                self.r._taken_back(m.sentence, m.sentence + 1):
            return False  # "replied to my CV", "she replied! In my dreams."
        if m.sentence + 1 < len(self.r.layout.sentences):
            # (a doubt in its own sentence left the mention unsure already)
            after = self.r.layout.sentences[m.sentence + 1]
            if any(h.cue.kind in ("correction", "hedge") and h.start < after.start + 16 and
                   (not h.cue.fields or m.path in h.cue.fields)
                   for h in self.r._cues_of.get(after.index, ())):
                return False  # "Tom replied. Actually no, that was to my other email."
        return True

    def _opens_entry(self, m: Mention) -> bool:
        """Whether a mention's sentence opens as an entry of a running log, the entry's
        label ending before the mention ("Day 5: she wrote back", "Tues - reply!")."""
        entry = self.r.reader.entry
        start, _ = self._sentence_span(m)
        return entry is not None and entry.match(self.r.norm, start, m.start) is not None

    def _sentence_span(self, m: Mention) -> tuple[int, int]:
        sentence = self.r.layout.sentences[m.sentence]
        return sentence.start, sentence.end

    def _of_someone(self, m: Mention) -> bool:
        """Whether a "no reply" names one person: a person or a name after "from" ("Nothing
        from the other partner", "No reply from Jess"; not "from her", who may be the only
        one), "the other" ("the other two haven't"), or a label of one word before a colon
        opening the sentence ("Controller: nothing yet", "Jess: nothing")."""
        start, end = self._sentence_span(m)
        norm, text = self.r.norm, self.r.text
        person = self.r.reader.person
        for found in _FROM.finditer(norm, start, end):
            named = person.match(norm, found.end()) if person is not None else None
            if named is not None and named.group() not in self.r.reader.person_pronoun:
                return True
            if _NAME.match(text, found.end()) is not None:
                return True
        if _OTHER_ONE.search(norm, start, end) is not None:
            return True
        label = _LABEL.match(text, start, end)
        return label is not None and (
            _NAME.fullmatch(label.group(1)) is not None or
            (person is not None and person.fullmatch(label.group(1).lower()) is not None))

    def _shown_by_one(self, path: str, mentions: list[Mention]) -> Mention | None:
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

    def _of_one(self, path: str, mentions: list[Mention]) -> bool:
        """Whether every mention says no to a body-language cue about one interviewer of
        several ("the team lead did not smile"), never the whole panel."""
        if not path.startswith("body_language.") or \
                path == "body_language.naturally_friendly":
            return False
        if not mentions or any(m.value is not False for m in mentions):
            return False
        return not any(self._whole_panel(m) for m in mentions)

    def _whole_panel(self, m: Mention, whole_sentence: bool = False) -> bool:
        """Whether the words of a mention's sentence up to its end (or all of them)
        speak of the whole panel ("none of them smiled", "No reply yet from anyone")."""
        sentence = self.r.layout.sentences[m.sentence]
        end = sentence.end if whole_sentence else m.end
        return _WHOLE_PANEL.search(self.r.norm, sentence.start, end) is not None

    def _proposal(self, m: Mention, certainty: Certainty, reason: str) -> Proposal:
        return Proposal(path=m.path, value=m.value, certainty=certainty,  # type: ignore[arg-type]
                        evidence=self.r._evidence(m.start, m.end), reason=reason)

    def _implied(self, proposals: list[Proposal]) -> list[Proposal]:
        """Add what stated or unsure proposals imply (a reply's tone: a reply came), until
        nothing more follows."""
        out = list(proposals)
        weak = self.r.texts("notes.reason.weak")
        changed = True
        while changed:
            changed = False
            by_path: dict[str, list[Proposal]] = {}
            for p in out:
                by_path.setdefault(p.path, []).append(p)
            for rule in self.r.reader.book.implications:
                sources = [p for p in by_path.get(rule.path, [])
                           if rule.value is None or value_key(p.value) == value_key(rule.value)]
                if len(by_path.get(rule.path, [])) != 1 or not sources:
                    continue
                source = sources[0]
                if rule.then_path in by_path:
                    # a question the note asks is settled by what it states after:
                    # "did you send the thank-you?" ... "he replied immediately"
                    # so is wording that alone cannot state the value it follows with
                    asked = by_path[rule.then_path]
                    if not (source.certainty == "stated" and len(asked) == 1 and
                            asked[0].reason in (self.r._asked, weak) and
                            value_key(asked[0].value) == value_key(rule.then_value)):
                        continue
                    out.remove(asked[0])
                implied = Proposal(path=rule.then_path, value=rule.then_value,
                                   certainty=source.certainty, evidence=source.evidence,
                                   reason=self.r.texts("notes.reason.follows",
                                                     label=self.r._label(rule.path)))
                self.r._implied_from[rule.then_path] = rule.path
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
            elif dependent in stated and prerequisite in doubtful and \
                    (stated[dependent] is not False or prerequisite == _REPLY):
                # (what a reply says, even "nothing specific", only with a reply: the
                # labelling rules of the shared sample)
                clash[dependent] = (unsure(prerequisite), False)
        for a, va, b, vb, _ in EXCLUSIONS:
            if value_key(stated.get(a)) == value_key(va) and \
                    value_key(stated.get(b)) == value_key(vb):
                clash[a] = clash[b] = (texts(f"field.{a}.excludes.{b}"), True)
        for i, p in enumerate(out):
            if p.certainty == "stated" and p.path in clash:
                why, contradiction = clash[p.path]
                out[i] = evolve(p, certainty="unsure", reason=texts(
                    "notes.reason.contradicts", why=why) if contradiction else why)
                changed = True
    return out


_TWENTY_FOUR = re.compile(r"(?:1[3-9]|2[0-3])[:.h]\d\d")
"""A time of day that only a 24-hour clock writes so: "16:42", "20h15"."""
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[^\W\d_]+|\d+")
_LEADING_ZERO = re.compile(r"0\d[:.h]\d\d")
"""A time of day before noon on a 24-hour clock: "08:30"."""


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
    zone: str | None = None
    """The time zone the note places it in ("9pm Pacific"), if any."""
    date: tuple[int | None, int] | None = None
    """The date the note gives it (month, or None where only the day is given; day)."""
    twenty_four: bool = False
    """Whether it is written as only a 24-hour clock writes it ("16:42"; "08:30" is read
    as the morning on its own, but says nothing of the other time)."""


def _alone(found: list[tuple[int, int, tuple[float, ...], bool]],
           chosen: tuple[int, int, tuple[float, ...], bool]) -> bool:
    """Whether no other time stands within reach of the chosen one (whose date would be
    theirs as well)."""
    return all(other is chosen or other[0] > chosen[1] + _DATE_REACH or
               other[1] < chosen[0] - _DATE_REACH for other in found)


def _days_apart(start: tuple[int | None, int], end: tuple[int | None, int]) -> int | None:
    """The days from one date to another ("3 Jun" to "4 Jun": 1; "the 3rd" to "the 5th":
    2; "30 Dec" to "2 Jan": 3), a day with no month taken in the other's month; None where
    the dates cannot be (a 31st of June), run backwards or lie more than a month apart."""
    month_a, day_a = start
    month_b, day_b = end
    month_a = month_a or month_b or 1
    month_b = month_b or month_a
    try:
        first, second = datetime.date(2001, month_a, day_a), datetime.date(2001, month_b, day_b)
    except ValueError:
        return None
    days = (second - first).days
    if days < 0 and (month_a, month_b) == (12, 1):
        days += 365  # into the next year
    return days if 0 <= days <= _MAX_DAYS_APART else None


def _as_written(when: _When) -> _When:
    """A time of day without am or pm read as written on a 24-hour clock (a bare hour
    after "at" keeps both halves)."""
    if when.bare or len(when.minutes) != 2:
        return when
    # "12:30" is half past noon on a 24-hour clock, not half past midnight
    return evolve(when, minutes=when.minutes[1:] if when.minutes[0] < 60 else when.minutes[:1])


def _halves(minute: float, part: int | None) -> tuple[float, ...]:
    """The times of day a clock time without am or pm may mean: before noon (``part`` 0),
    after it (12), or either when the note does not say."""
    return (minute,) if part == 0 else (minute + 720,) if part == 12 else \
        (minute, minute + 720)


def _first_known(read: Callable[[str], _T | None], after: str, before: str) -> _T | None:
    """What ``read`` finds in the words after a mention, else in those before it."""
    found = read(after)
    return read(before) if found is None else found


def _kind(m: Mention) -> tuple[str, str | None]:
    """What a correction replaces: the same field, read directly or by the same relation."""
    return m.path, None if m.relation is None else m.relation.kind


def _on_the_dial(start: float, end: float) -> float | None:
    """The minutes from one clock time to another on a twelve-hour dial, or None past
    ``_LONGEST_FROM_CLOCKS`` ("started at 10 ... wrapped up at 9:58": another's start;
    "booked 11-12, finished at 10:55": no length from these)."""
    number = (end - start) % (12 * 60)
    return number if 0 < number <= _LONGEST_FROM_CLOCKS else None
