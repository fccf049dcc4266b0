"""Numbers, lengths of time and times of day as people write them ("a panel of three",
"an hour and a half", "45min", "11 till 12", "5pm"), from the words a pack gives.

Neighbours: ``matchers`` puts these patterns in a phrase's slot; ``reader`` turns the words
a slot matched into a number with ``Numbers.value``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import TypeVar

from .._rulebook import NumberWords


def _alternation(words: Iterable[str]) -> str:
    """Whole words, longest first, so ``minutes`` is tried before ``min``."""
    unique = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in unique) + ")" \
        if unique else "(?!x)x"


_END = r"(?![\w])"
_TOKEN = re.compile(r"[^\W_]+")
_DIGITS = r"\d{1,4}(?:[.,]\d{1,2})?"


class Numbers:
    """The slot patterns of one pack's number words, and their values."""

    def __init__(self, words: NumberWords, people: Mapping[str, Iterable[str]] | None = None
                 ) -> None:
        """``people``: the word classes a list of people is read with (the ``{people}``
        slot, two or more): ``person_lead`` the words that may open a person named (the,
        a, our), ``person`` the words that name one (manager, founder), and, for counting,
        ``person_plural`` (those naming several: men, people), ``person_generic`` (people
        in general: "two *persons*, the lead and a lady from HR" says two) and
        ``person_alone`` (those that stand alone after "and": "... and *someone* from
        HR") and ``person_title`` (the titles one person may hold beside another: "the
        founder and *CEO*" is one person; "the head and deputy" two) and ``person_pronoun``
        (a person named by a pronoun, counted only first in a list: "her and the deputy"
        is two, "the area manager, just her" names one person twice)."""
        people = people or {}
        self._plural, self._generic, self._alone, self._title, self._pronoun = (
            frozenset(people.get(f"person_{kind}", ()))
            for kind in ("plural", "generic", "alone", "title", "pronoun"))
        self.words = words
        w = words
        self._word_values = dict(w.words)
        number_word = _alternation(w.words)
        self.number = rf"(?:{_DIGITS}|{number_word}(?:\s+{number_word})?{_END})"
        minute, hour = _alternation(w.minute_units), _alternation(w.hour_units)
        half, quarter, three = (_alternation(w.half), _alternation(w.quarter),
                                _alternation(w.three_quarters))
        and_ = _alternation(w.and_)
        article = _alternation(k for k, v in w.words.items() if v == 1 and len(k) <= 2)
        n = self.number
        art = rf"(?:{article}\s+)?"
        hour_word = _alternation(u for u in w.hour_units if len(u) > 3) or "(?!)"
        clause_ends = (rf"(?=\s*(?:[,;:!?)\n\u2013\u2014]|[.](?!\d)|$|-\s|"
                       rf"\s(?:{_alternation(x for x in w.after_bare if x != 'of')}){_END}))")
        # Each way of writing a length, with how many minutes it makes: tried in order.
        forms: list[tuple[str, Callable[[float, float], float]]] = [
            (rf"(?P<a>{n})\s*{hour}\s+{and_}\s+(?P<b>{n})\s*{minute}{_END}",
             lambda a, b: a * 60 + b),                                # an hour and ten minutes
            (rf"(?P<a>{n})\s*{hour}\s*(?P<b>{n})\s*{minute}{_END}",
             lambda a, b: a * 60 + b),                                # 1 hr 15 min
            (rf"(?P<a>\d{{1,2}})\s*{hour}(?P<b>\d{{2}}){_END}", lambda a, b: a * 60 + b),  # 1h15
            # an hour ten, an hour and ten: minutes without their unit, where the clause
            # ends after them (or goes on with "but", "and", "so" ...)
            (rf"(?P<a>{n})\s*{hour}\s+(?:{and_}\s+)?(?P<b>(?:[5-9]|[1-5]\d)(?![.,:]?\d)|"
             rf"{number_word}){_END}{clause_ends}",
             lambda a, b: a * 60 + b if 5 <= b < 60 else 0),
            (rf"(?P<a>{n})\s*{hour}\s+{and_}\s+{art}{half}{_END}",
             lambda a, b: a * 60 + 30),                               # an hour and a half
            (rf"(?P<a>{n})\s*{hour}\s+{and_}\s+{art}{quarter}{_END}",
             lambda a, b: a * 60 + 15),                               # an hour and a quarter
            (rf"(?P<a>{n})\s*{hour}\s+{and_}\s+{three}{_END}",
             lambda a, b: a * 60 + 45),                       # an hour and three quarters
            (rf"(?P<a>{n})\s+{and_}\s+{art}{half}\s+{hour}{_END}",
             lambda a, b: a * 60 + 30),                               # two and a half hours
            (rf"{three}\s+(?:of\s+)?{art}{hour}{_END}", lambda a, b: 45),
            (rf"{art}{quarter}\s+(?:of\s+)?{art}{hour}{_END}", lambda a, b: 15),
            (rf"{half}\s+(?:of\s+)?{art}{hour}{_END}", lambda a, b: 30),  # half an hour
            (rf"(?P<a>{n})\s*{hour}{_END}", lambda a, b: a * 60),
            (rf"(?P<a>{n})\s*{minute}{_END}", lambda a, b: a),
            # an hour, hour slot; an abbreviation only after its article ("HR" is no hour)
            (rf"(?:{article}\s+{hour}|{hour_word}){_END}", lambda a, b: 60),
        ]
        self.duration = "(?:" + "|".join(f"(?:{re.sub(r'[(][?]P<[ab]>', '(?:', f)})"
                                         for f, _ in forms) + ")"
        self._forms = [(re.compile(f), make) for f, make in forms]
        am, pm, noon = _alternation(w.am), _alternation(w.pm), _alternation(w.noon)
        # (a number with a unit after it is a length, never a time: "finished 10 minutes
        # early")
        self._word_clocks = _word_clocks(w, half, quarter)
        self.clock = _clock(self._word_clocks, f"{minute}|{hour}", f"{am}|{pm}", noon)
        range_ = _alternation(w.range)
        self.range = rf"(?:{self.clock}\s*{range_}\s*{self.clock})"
        self.count = n
        # A bare number with no word after it: "booked 30 min, lasted 30."
        after_bare = _alternation(w.after_bare)
        # (never under five: no interview lasts 1 to 4 minutes, and "1-on-1, booked 45" has
        # a 1 before "booked")
        # and a number in words where its clause ends ("booked in for forty five.")
        # (nor an hour of the clock after "at", "for", "to", "till", "by": "finished at 11
        # sharp", "the appointment was for 11" are times of day; nor a number word of
        # twelve or under: "we finished at five")
        hour_words = _alternation(k for k, v in w.words.items() if 1 <= v <= 12)
        clock_after = "|".join(rf"(?<=\b{re.escape(word)}\s)" for word in w.time_after
                               if " " not in word) or "(?!)"
        bare = (rf"(?!(?:{clock_after})(?:0?[1-9]|1[0-2])(?!\d))(?!0*[1-4](?!\d))"
                rf"(?:\d{{1,3}}(?![.:,]?\d)(?!\s*[^\W\d_])|"
                rf"\d{{1,3}}(?=\s+{after_bare}{_END}))|"
                rf"(?!{hour_words}{_END}){number_word}(?:\s+{number_word})?{_END}"
                rf"(?=\s*(?:[,;!?)\n]|[.](?!\d)|$))")
        self.before = _alternation(w.before)
        # number words that are no article: a count of people is no "a" ("a couple of
        # engineers" says no number), nor is the end of a span ("3 or a few more")
        not_article = _alternation(k for k in w.words if len(k) > 2)
        self._people_item, people_list, people_starters = _people(
            (people.get("person_lead", ()), people.get("person", ())), and_,
            rf"(?:\d{{1,2}}|{not_article})")
        self._people_sep = re.compile(f"({_people_separator(and_)})")  # kept by split
        # an article read as one ("a") that opens the first of several people: "a grade 7
        # and an assessor" is no panel of one
        self._article_list, self._article = (
            _article_opening(article, and_, people.get("person_lead", ())), re.compile(article))
        span_length, span_count = _spans(not_article, minute, hour)
        self._spans = {"minutes": re.compile(span_length), "hours": re.compile(span_length),
                       "count": re.compile(span_count)}
        self._length = re.compile(self.duration)
        self._patterns = {
            "minutes": re.compile(f"(?:{span_length}|{self.range}|{self.duration}|{bare})"),
            "hours": re.compile(f"(?:{span_length}|{self.duration})"),
            "count": re.compile(f"(?:{span_count}|{n})"),
            "clock": re.compile(self.clock), "people": re.compile(people_list),
        }
        # What may follow a length that reads on past it ("an hour and ten", "an hour and a
        # bit", "1 hour 10"): the length read is only part of the number written.
        self._goes_on = re.compile(rf"\s*(?:(?:{and_})\s+)?(?:{self.number}|\d)(?!\s+of\b)|"
                                   rf"\s*(?:{and_})\s+(?:{half}|{quarter})")
        self._starters = frozenset(
            word.split()[0] for group in (w.words, w.minute_units, w.hour_units, w.half,
                                          w.quarter, w.three_quarters, w.noon)
            for word in group if word.split()) | people_starters
        self._range = re.compile(rf"({self.clock})\s*{range_}\s*({self.clock})")
        self._am = re.compile(am)
        self._pm = re.compile(pm)
        self._noon = re.compile(noon)
        self._days, self._date = [re.compile(rf"(?<!\w){_alternation(day)}(?!\w)")
                                  for day in w.days], _date(w.months)
        self._relative = [(re.compile(rf"(?<!\w){_alternation(words)}(?!\w)"), offset)
                          for words, offset in ((w.next_day, None), (w.yesterday, -1),
                                                (w.today, 0)) if words]
        self._zone = _zone(w)
        self._dayparts = [(re.compile(rf"(?<!\w){_alternation(words)}(?!\w)"), part)
                          for words, part in ((w.morning, 0), (w.evening, 12)) if words]
        # "at 11" is a time where the clause ends after it or goes on with a word of time
        # or a conjunction ("at 11, really warm", "at 9 this morning"), not "at 3 other
        # candidates"
        then = _alternation((*w.after_bare, *w.today, *w.yesterday, *w.next_day, *w.morning,
                             *w.evening)) if w.after_bare else r"(?!)"
        self._bare_hour = re.compile(
            rf"(?<!\w)(?:{_alternation(w.at)})\s+(\d{{1,2}})"
            rf"(?=\s*(?:[,;!?)\]\n\u2013\u2014-]|[.](?!\d)|$)|\s+(?:{then}){_END})"
            if w.at else r"(?!)")

    def slot(self, name: str) -> str:
        """The pattern of a slot: ``count``, ``minutes``, ``hours`` or ``clock``."""
        return self._patterns[name].pattern

    def commas_only(self, text: str) -> bool:
        """Whether a list of people joins its items with commas alone ("the CEO, a guy from
        sales"), with no "and" or "+"."""
        return all(sep.strip() == "," for sep in self._people_sep.split(text.strip())[1::2])

    def listed(self, text: str, start: int) -> float | None:
        """How many people a list that begins at ``start`` names, if one does ("two devs and
        their lead" is three), else None."""
        found = self._patterns["people"].match(text, start)
        return None if found is None else self.people_count(found.group())

    def opens_with_pronoun(self, text: str) -> bool:
        """Whether a list of people opens with a pronoun ("her and the deputy")."""
        first = text.strip().split(maxsplit=1)
        return bool(first) and first[0].strip(",") in self._pronoun

    def article_opens_list(self, text: str, start: int) -> bool:
        """Whether the count at ``start`` is an article that opens the first of several
        people ("Interviewers: a grade 7 and an assessor"), no count of one."""
        return self._article_list.match(text, start) is not None

    def goes_on(self, text: str, end: int) -> bool:
        """Whether a length that ends at ``end`` is followed by more of a number ("an hour
        and ten", "an hour and a bit", "1 hour 10"), so that what was read is only a part."""
        return self._goes_on.match(text, end) is not None

    def number_starts(self, text: str) -> list[int]:
        """Where a number may start in ``text``: at a word that is a digit or one of the
        pack's number words, never the minutes of a clock time (3:10) or the decimals of a
        number. Found once per note, for every slot ``masked`` masks."""
        starters = self._starters
        out: list[int] = []
        for token in _TOKEN.finditer(text):
            word = token.group()
            if not (word[0].isdigit() or word in starters):
                continue
            start = token.start()
            if start and (text[start - 1] in "_'" or (
                    start > 1 and text[start - 1] in ":." and text[start - 2].isdigit())):
                continue
            out.append(start)
        return out

    def masked(self, text: str, slot: str, starts: list[int] | None = None
               ) -> tuple[str, dict[int, int]]:
        """``text`` with every number of the kind a slot takes written as underscores of the
        same length, and where each starts and ends: phrases then match a slot as ``_+``,
        which keeps their patterns small whatever the number words. ``starts`` is
        ``number_starts(text)`` when the caller has it already."""
        spans: dict[int, int] = {}
        pieces: list[str] = []
        last = 0
        match_at = self._patterns[slot].match
        # Only where a number can start (a digit or one of the pack's words): trying every
        # position of the note would cost more than everything else a reading does.
        for start in self.number_starts(text) if starts is None else starts:
            if start < last:
                continue
            match = match_at(text, start)
            if match is None or match.end() == start:
                continue
            spans[start] = match.end()
            pieces += [text[last:start], "_" * (match.end() - start)]
            last = match.end()
        pieces.append(text[last:])
        return "".join(pieces), spans

    def value(self, slot: str, text: str) -> float | None:
        """The number the words of a slot stand for: minutes, hours, a count or the minute
        of the day; ``None`` when the words do not make one (``45-50`` as a time range)."""
        if slot == "clock":
            return self.clock_minutes(text)
        if self.is_span(slot, text):
            return self._span_end(slot, text)
        if slot == "count":
            return self._number(text)
        if slot == "people":
            return self.people_count(text)
        if slot == "minutes":
            ranged = self._range.fullmatch(text)
            if ranged is not None:
                start, end = (self.clock_minutes(ranged.group(1)),
                              self.clock_minutes(ranged.group(2)))
                if start is None or end is None:
                    return None
                if end <= start:
                    end += 12 * 60  # 11 till 1: the afternoon
                elif end - start > 12 * 60 and start < 12 * 60 and \
                        not self.says_half_of_day(ranged.group(1)):
                    start += 12 * 60  # 2-3pm, 3:00 to 4:30 pm: both in the afternoon
                return end - start if end - start <= 12 * 60 else None
            if re.fullmatch(r"\d{1,3}", text.strip()):
                return float(text)
            minutes = self.minutes(text)
            if minutes is None:
                bare = self._number(text)  # forty five, as a bare number of minutes
                return bare if bare is not None and bare >= 5 else None
            return minutes
        minutes = self.minutes(text)
        return None if minutes is None else minutes / 60

    def is_length(self, text: str) -> bool:
        """Whether a number as written is a length with its unit ("25 min", "an hour"),
        not a bare number or a range of clock times."""
        return self._length.fullmatch(text.strip()) is not None

    def is_span(self, slot: str, text: str) -> bool:
        """Whether a number as a slot takes it is a span ("15-20 min", "three or four"
        people; "11 till 12" is a time range, a length of one hour)."""
        span = self._spans.get(slot)
        return span is not None and span.fullmatch(text.strip()) is not None

    def _span_end(self, slot: str, text: str) -> float | None:
        """The larger end of a span, as the slot takes it."""
        match = re.match(rf"(?:{self.number})", text)
        if match is None:
            return None
        rest = re.sub(r"^\s*(?:[^\w\s]+|\w+)\s*", "", text[match.end():])
        return self.value(slot, rest)

    def people_count(self, text: str) -> float | None:
        """How many people a list names: one per item, or the number an item opens with
        ("the manager and two engineers" is three)."""
        counts: list[float] = []
        numbered: list[bool] = []  # per counted item, whether it opens with a number
        generic_first = one_first = False
        pieces = self._people_sep.split(text.strip())
        # pieces alternate: item, separator, item, ...
        for i in range(0, len(pieces), 2):
            item = pieces[i].strip()
            if not item:
                continue
            found = self._people_item.match(item)
            if found is None:
                return None
            if found.group("head") in self._pronoun and (i or found.start("head")):
                return None  # "the area manager, just her": one person said twice
            number = self._number(found.group("n")) if found.group("n") else None
            plural = bool(found.group("pl")) or found.group("head") in self._plural
            numbered.append(number is not None)
            if number is not None and 1 <= number <= 20:
                counts.append(number)
            elif plural:
                return None  # "the engineers", "a couple of engineers": how many is unsaid
            elif i and counts == [1.0] and not found.group("lead") and \
                    "," not in pieces[i - 1] and "+" not in pieces[i - 1] and \
                    (item in self._title or (found.start("head") == 0 and
                                             found.group("head") in self._title)):
                numbered.pop()
                continue  # "the founder and CEO": one person's titles (not "and deputy",
                # not "and vice principal")
            else:
                counts.append(1.0)
            if i == 0:
                generic_first = number is not None and found.group("head") in self._generic
                one_first = number == 1
        # "two persons, the team lead and one lady from HR": a number of people said first,
        # then the people it sums (or some of them: "2 people, the director and a peer AM")
        if generic_first and len(counts) > 1:
            # more people after it than it says ("two people, the director and two
            # engineers"): the list contradicts itself, no count
            return counts[0] if sum(counts[1:]) <= counts[0] else None
        if len(pieces) == 3 and pieces[1].strip() == "," and len(numbered) == 2:
            if one_first and not numbered[1]:
                # "one woman, a VP in credit risk", "One guy, the principal": one person
                # said, then who they are
                return 1.0
            if numbered[1] and not numbered[0]:
                # "the call with the recruiter, two engineers came in": a clause going on
                # as likely as a list of two
                return None
        return sum(counts) or None

    def range_start(self, text: str) -> float | None:
        """The first time of a range (``9 to 9:30`` starts at 9:00), as minute of the day."""
        ranged = self._range.fullmatch(text)
        return None if ranged is None else self.clock_minutes(ranged.group(1))

    def minutes(self, text: str) -> float | None:
        """A length of time in minutes: ``an hour and a half`` is 90."""
        for form, make in self._forms:
            match = form.fullmatch(text.strip())
            if match is None:
                continue
            groups = match.groupdict()
            a = self._number(groups["a"]) if groups.get("a") else 0.0
            b = self._number(groups["b"]) if groups.get("b") else 0.0
            if a is None or b is None:
                return None
            total = make(a, b)
            return total if total > 0 else None
        return None

    def _number(self, text: str) -> float | None:
        text = text.strip()
        if re.fullmatch(_DIGITS, text):
            return float(text.replace(",", "."))
        parts = text.split()
        if not parts or not all(p in self._word_values for p in parts):
            return None
        values = [self._word_values[p] for p in parts]
        # twenty five, not two five
        if len(values) == 2 and not (values[0] >= 20 and values[0] % 10 == 0
                                     and 0 < values[1] < 10):
            return None
        return float(sum(values))

    def clock_minutes(self, text: str) -> float | None:
        """A time of day as minutes after midnight: ``5pm`` is 1020, ``9:30`` is 570."""
        text = text.strip()
        if self._noon.fullmatch(text):
            return 12 * 60
        for pattern, make in self._word_clocks:
            if (said := pattern.fullmatch(text)) is not None:
                return make(said, self._hour_of, self._number)
        match = re.match(r"(\d{1,2})(?:[:.](\d{2}))?\s*(.*)$", text)
        if match is None:
            return None
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        rest = match.group(3)
        if hour > 24 or minute > 59:
            return None
        if rest and self._pm.fullmatch(rest) and hour < 12:
            hour += 12
        elif rest and self._am.fullmatch(rest) and hour == 12:
            hour = 0
        return float(hour * 60 + minute)

    def _hour_of(self, text: str) -> float | None:
        """An hour of the clock written in digits or words, 1 to 12."""
        hour = float(text) if text.isdigit() else self._number(text)
        return hour if hour is not None and 1 <= hour <= 12 else None

    def says_half_of_day(self, text: str) -> bool:
        """Whether a clock time says am, pm or noon (``9:30`` does not)."""
        return bool(self._am.search(text) or self._pm.search(text) or
                    self._noon.search(text))

    def is_spelled_out(self, text: str) -> bool:
        """Whether a clock time says am or pm (``5pm``), or its minutes (``9:30``, "half
        seven"), not a bare ``5``."""
        return self.says_half_of_day(text) or ":" in text or any(
            pattern.fullmatch(text.strip()) for pattern, _ in self._word_clocks)

    def bare_hours(self, text: str, start: int, end: int) -> list[tuple[int, int, int]]:
        """The bare hours of ``text[start:end]`` written after an ``at`` word ("came back at
        11"), as (start, end, hour from 1 to 12): before or after noon is left open."""
        return [(m.start(1), m.end(1), int(m.group(1)))
                for m in self._bare_hour.finditer(text, start, end)
                if 1 <= int(m.group(1)) <= 12]

    def relative_day(self, text: str) -> tuple[str, int] | None:
        """The first word of ``text`` that places a time by the day: ``("day", 0)`` today,
        ``("day", -1)`` the day before, ``("next", 1)`` the day after the other event."""
        found = _first_of(self._relative, text)
        if found is None:
            return None
        offset = found[0]
        return ("next", 1) if offset is None else ("day", offset)

    def is_article(self, text: str) -> bool:
        """Whether ``text`` is an article a number is read from ("a", "an")."""
        return self._article.fullmatch(text.strip()) is not None

    def zone_after(self, text: str, start: int, end: int) -> str | None:
        """The time zone that follows a time ending at ``start`` ("9pm Pacific", "08:30
        CET", "8:00 Tuesday, Eastern", "9am my time"), right after it or after a day."""
        found = None if self._zone is None else self._zone.match(text, start)
        return None if found is None or found.end() > end else " ".join(found.group(1).split())

    def daypart(self, text: str) -> int | None:
        """0 when the first part of the day ``text`` names is before noon, 12 after it."""
        found = _first_of(self._dayparts, text)
        return None if found is None else found[0]

    def date_at(self, text: str, start: int, end: int
                ) -> tuple[tuple[int | None, int], int] | None:
        """The first date written in ``text[start:end]`` (the words before ``start`` still
        count: "after the 2nd") and where it starts: its month (January 1; None where only
        the day is given, "on the 3rd") and its day of the month ("3 Jun", "June 3rd", "5
        March", "the 5th at noon", "2024-06-03")."""
        found = None if self._date is None else self._date.search(text, start, end)
        if found is None:
            return None
        groups = found.groupdict()
        day = int(next(groups[g] for g in ("d1", "d2", "d3", "d4", "d5") if groups.get(g)))
        month = int(groups["iso"]) if groups.get("iso") else \
            next((int(name[1:]) for name, value in groups.items()
                  if name[0] in "mn" and value), None)
        return ((month, day), found.start()) if 1 <= day <= 31 else None

    def day(self, text: str) -> int | None:
        """The first day of the week named in ``text`` (Monday 0), if any."""
        found = _first_of([(day, i) for i, day in enumerate(self._days)], text)
        return None if found is None else found[0]


def _date(months: tuple[tuple[str, ...], ...]) -> re.Pattern[str] | None:
    """The pattern of a date: a day of the month before or after a month ("3 Jun", "3rd of
    June", "June 3rd"), or an ordinal day alone where nothing follows it but a time or the
    end of the clause ("on the 5th at noon"; not "the 2nd interview")."""
    if len(months) != 12:
        return None
    month = "|".join(f"(?P<m{i}>{_alternation(names)})" for i, names in enumerate(months, 1))
    # each month is named once per alternative of the whole pattern: numbered twice
    month_after = month.replace("(?P<m", "(?P<n")
    suffix = r"(?:st|nd|rd|th)?"
    pattern = (rf"(?<![\w:.])(?P<d1>\d{{1,2}}){suffix}\s+(?:of\s+)?(?:{month})(?!\w)|"
               # written by a machine: "2024-06-03 16:42"
               r"(?<![\w./-])(?:19|20)\d\d-(?P<iso>0[1-9]|1[0-2])-(?P<d4>\d{2})(?![\w./-])|"
               # an ordinal day right before its time: "Thank-you 12th 5pm"
               r"(?<![\w./-])(?<!the )(?<!after )(?<!before )(?<!by )(?<!until )(?<!till )"
               r"(?P<d5>\d{1,2})(?:st|nd|rd|th)"
               r"(?=,?\s+(?:at\s+|@\s*)?\d{1,2}(?:[:.]\d\d|\s*[ap]\.?m\b))|"
               # "she may 2nd my application" is no date
               rf"(?<!\w)(?<!\bshe )(?<!\byou )(?<!\bthey )(?<!\bhe )(?<!\bwe )(?<!\bit )"
               rf"(?<!\bi )"
               rf"(?:{month_after})\.?\s+(?P<d2>\d{{1,2}}){suffix}(?![\w:])|"
               # "after the 2nd" or "by the 5th" is no date of an event
               rf"(?<!\w)(?<!after )(?<!before )(?<!by )(?<!until )(?<!till )"
               rf"the\s+(?P<d3>\d{{1,2}})(?:st|nd|rd|th)"
               rf"(?=\s*(?:[,.;:)!?]|$|at\b|around\b|about\b|in\b))")
    return re.compile(pattern)


def _zone(w: NumberWords) -> re.Pattern[str] | None:
    """The pattern of a time zone right after a time, or after the day between them ("9pm
    Monday, Pacific"), its zone in group 1; an abbreviation before a number is none ("est.
    3 hours")."""
    if not w.time_zone:
        return None
    day = _alternation(word for alternatives in w.days for word in alternatives)
    return re.compile(rf"[\s,(]*(?:{day}[\s,]+)?(?:in\s+)?({_alternation(w.time_zone)})(?!\w)"
                      r"(?!\.?\s*\d)")


def _spans(not_article: str, minute: str, hour: str) -> tuple[str, str]:
    """The patterns of a span of lengths and of counts ("15-20 min", "2 to 3 hours",
    "three or four"): read as its larger end, and only to confirm (``Numbers.is_span``).
    A dash with spaces round it is a clause's, not a span's ("Panel of 3 - 2 men and a
    woman"); "a" is no end of a span ("3 or a few more"); "1/2" is a half."""
    range_or = r"(?:[-\u2013](?=\d)|\s+(?:or|to|till|until)\s+)"
    spanned = rf"(?:\d{{1,4}}|{not_article}{_END})"
    return (rf"(?:{spanned}{range_or}{spanned}\s*(?:{minute}|{hour}){_END})",
            rf"(?:{spanned}{range_or}{spanned}{_END})")


def _article_opening(article: str, and_: str, leads: Iterable[str]) -> re.Pattern[str]:
    """An article, one to three words, then "and" and another person's opening word."""
    lead = _alternation(w.strip() for w in leads)
    return re.compile(rf"{article}\s+(?:[^\W_][\w'&]*\s+){{1,3}}(?:{and_}|plus|&)\s+"
                      rf"(?:{lead}){_END}")


def _people_separator(and_: str) -> str:
    # ("&" inside a word is part of a name: "the F&B manager")
    return rf"\s*,\s*(?:{and_}\s+)?|\s+(?:{and_}|plus)\s+|\s*\+\s*|\s+&\s*|\s*&\s+"


def _people(people: tuple[Iterable[str], Iterable[str]], and_: str, number: str
            ) -> tuple[re.Pattern[str], str, frozenset[str]]:
    """The pattern of one person named in a list ("the area manager", "a senior engineer",
    "two of the engineers", "the head of sales", "someone from HR"), the pattern of a list
    of two to eight of them, and the words such a list may start with."""
    leads, heads = (tuple(w for w in group if w.strip()) for group in people)
    if not leads or not heads:
        return re.compile(r"(?!)"), r"(?!)", frozenset()
    lead, head = _alternation(leads), _alternation(heads)
    # a word between an item's lead and its person word is no lead itself ("an hour with
    # the consultant" is no person), nor a number ("the panel was two engineers" is no
    # person: two engineers are)
    # nor "of" ("the chair of trustees" is a chair, not trustees)
    word = rf"(?!(?:{and_}|plus|of|from|{lead}|{number})(?!\w))[^\W\d_][\w'&]*"
    item = (rf"(?:(?P<n>{number})\s+(?:of\s+)?(?:{lead}\s+)?|(?P<lead>{lead})\s+)?"
            rf"(?:{word}\s+){{0,3}}(?P<head>{head})(?P<pl>s)?(?!\w)"
            rf"(?:\s+(?:of|from)\s+(?:the\s+)?{word})?")
    plain = re.sub(r"\(\?P<\w+>", "(?:", item)
    sep = _people_separator(and_)
    starters = frozenset(w.split()[0] for w in (*leads, *heads) if w.split())
    return re.compile(item), rf"{plain}(?:(?:{sep}){plain}){{1,7}}(?!\w)", starters


_V = TypeVar("_V")


def _first_of(patterns: list[tuple[re.Pattern[str], _V]], text: str) -> tuple[_V] | None:
    """The value of the pattern that matches first in ``text`` (in a tuple, as the value
    may be None), or None when none matches."""
    found = [(m.start(), i) for i, (pattern, _) in enumerate(patterns)
             if (m := pattern.search(text)) is not None]
    return (patterns[min(found)[1]][1],) if found else None


def _clock(word_clocks: list[tuple[re.Pattern[str], _ClockMaker]], units: str, half_of_day: str,
           noon: str) -> str:
    """The pattern of a time of day: 9:30, 5pm, 11 (but not 11 followed by a unit of
    time: "finished 10 minutes early"), noon, or in words ("quarter past three")."""
    words = "|".join(f"(?:{re.sub(r'[(][?]P<[a-z]+>', '(?:', pattern.pattern)})"
                     for pattern, _ in word_clocks)
    return (rf"(?:(?<![\w.:])\d{{1,2}}(?:[:.]\d{{2}})?(?:\s*(?:{half_of_day}))?{_END}"
            rf"(?!\s*(?:{units}){_END})|(?<!\w){noon}{_END}"
            + (f"|(?<![\\w'])(?:{words}){_END}" if words else "") + ")")


_ClockMaker = Callable[[re.Match[str], Callable[[str], float | None],
                        Callable[[str], float | None]], float | None]


def _word_clocks(w: NumberWords, half: str, quarter: str
                 ) -> list[tuple[re.Pattern[str], _ClockMaker]]:
    """The times of day written in words, each with how it makes its minute of the day:
    "quarter past three", "twenty to four", "half three" (half past), "ten o'clock". The
    minutes before a word of ``to_hour`` are words ("10 to 11" is a range of hours)."""
    hour_words = _alternation(k for k, v in w.words.items() if 1 <= v <= 12)
    hours = rf"(?P<h>1[0-2]|0?[1-9]|{hour_words})" if hour_words else r"(?P<h>1[0-2]|0?[1-9])"
    minute_words = _alternation(k for k, v in w.words.items() if 1 <= v <= 30 and len(k) > 2)
    spelled = rf"{minute_words}(?:\s+{minute_words})?" if minute_words else "(?!)"
    past, to, oclock = _alternation(w.past), _alternation(w.to_hour), _alternation(w.oclock)

    def fixed(minutes: float) -> _ClockMaker:
        def make(m: re.Match[str], hour_of: Callable[[str], float | None],
                 number: Callable[[str], float | None]) -> float | None:
            h = hour_of(m.group("h"))
            return None if h is None else (h * 60 + minutes) % (24 * 60)
        return make

    def counted(sign: int) -> _ClockMaker:
        def make(m: re.Match[str], hour_of: Callable[[str], float | None],
                 number: Callable[[str], float | None]) -> float | None:
            h, said = hour_of(m.group("h")), m.group("m")
            n = float(said) if said.isdigit() else number(said)
            if h is None or n is None or not 1 <= n <= 30:
                return None
            return (h * 60 + sign * n) % (24 * 60)
        return make

    forms: list[tuple[str, _ClockMaker]] = []
    if w.past:
        forms += [(rf"{quarter}\s+(?:{past})\s+{hours}", fixed(15)),
                  (rf"{half}\s+(?:{past})\s+{hours}", fixed(30)),
                  (rf"(?P<m>[1-9]|[12]\d|30|{spelled})\s+(?:{past})\s+{hours}", counted(1))]
    if w.to_hour:
        forms += [(rf"{quarter}\s+(?:{to})\s+{hours}", fixed(-15)),
                  (rf"(?P<m>{spelled})\s+(?:{to})\s+{hours}", counted(-1))]
    if w.past or w.to_hour:
        forms.append((rf"{half}\s+{hours}", fixed(30)))  # "half three": half past three
    if w.oclock:
        forms.append((rf"{hours}\s*(?:{oclock})", fixed(0)))
    return [(re.compile(form), make) for form, make in forms]
