"""The effect of a change of rulebook: a corpus of observation sets assessed under an old and
a new rulebook, each reading compared, and the counts, the largest moves and the rules that
made each difference gathered as the lines stream by (memory stays flat).

Neighbours: ``_batch``'s worker processes run the comparison, each holding the old engine
the pool gives it and the new one of ``process_engine``; ``rulebook_diff`` calls in here and
words the result.
"""

from __future__ import annotations

import contextlib
import heapq
import pickle
import weakref
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import islice
from pathlib import Path
from typing import TextIO, TypeAlias

from attrs import frozen

from .._assessment import Scorer
from .._batch import check_sizes, map_chunks, pack_chunk, process_engine, read_line
from .._engine import Engine, call_engine, load_packs
from .._errors import ArgumentError, ObservationError, RulebookError
from .._jsonio import UnreadableJSON, dump_json
from .._observations import Observations
from .._rulebook import DEFAULT_PACK, Rulebook

CHUNK_LINES = 256
"""Items sent to a worker at once: comparing one takes about a hundred microseconds."""
ERRORS_KEPT = 10
"""Skipped lines quoted in the report; the rest are counted."""
DIFF_FORMAT = "interview-signals/rules-diff"
DIFF_VERSION = 1

RuleChange: TypeAlias = tuple[str, str, float | None, float | None]
"""What made a difference: (rule id, how, old value, new value); ``how`` is ``only_old``
or ``only_new`` (it fired under one rulebook only), ``strength`` (a signal's strength
changed) or ``amount`` (a qualifier's boost or discount changed)."""
Changed: TypeAlias = tuple[int, str, str, float, float, tuple[RuleChange, ...]]
"""A reading that changed: (line, old verdict, new verdict, old confidence, new confidence,
what made the difference)."""
_Chunk: TypeAlias = tuple[list[Changed], list[tuple[int, str]], int, dict[str, int],
                          dict[str, int]]
"""What a worker sends back per chunk: changed readings, skipped lines, how many readings
did not change, and how many got each verdict under each rulebook."""


@frozen(kw_only=True)
class RulebookSide:
    """One side of a comparison: its packs, and whether the default rulebook comes first."""

    packs: tuple[str, ...]
    """Absolute paths, so a worker started elsewhere reads the same packs."""
    names: tuple[str, ...]
    """The packs as given, to name them."""
    include_default: bool
    option: str = "old"
    """The side's name, for messages: ``old`` or ``new``."""

    @classmethod
    def of(cls, given: Sequence[str | Path], *, include_default: bool, option: str
           ) -> RulebookSide:
        """A side from its packs: ``default`` names the default rulebook (the only way to
        include it without ``include_default``); no pack at all is the default rulebook
        alone.

        Raises:
            ArgumentError: no pack, nor the default rulebook (``option`` names the side).
        """
        if isinstance(given, str | Path):
            given = (given,)  # one pack, not a sequence of characters
        names = tuple(str(p) for p in given if str(p) != DEFAULT_PACK)
        include = include_default or any(str(p) == DEFAULT_PACK for p in given)
        if not names and not include:
            raise ArgumentError(f"{option}: without the default rulebook, give a pack (or "
                                f"{DEFAULT_PACK!r} for the default rulebook)")
        return cls(packs=tuple(str(Path(p).absolute()) for p in names), names=names,
                   include_default=include, option=option)

    def load(self) -> Rulebook:
        """The rulebook of this side, checked.

        Raises:
            RulebookError: listing every problem, its message naming the side.
        """
        try:
            return load_packs(*self.packs, include_default=self.include_default)
        except RulebookError as exc:
            named = RulebookError(exc.problems)
            named.args = (f"{self.option}: {exc}",)
            raise named from None


@frozen(kw_only=True)
class RuleTally:
    """How often one rule made a difference one way, and where those readings went."""

    rule: str
    how: str
    old: float | None
    """The rule's amount under the old rulebook, when it is the same in every reading."""
    new: float | None
    readings: int = 0
    up: int = 0
    down: int = 0


@frozen(kw_only=True)
class DiffCounts:
    """The comparison of a corpus under two rulebooks, as counted."""

    old: RulebookSide
    new: RulebookSide
    old_book: Rulebook
    new_book: Rulebook
    readings: int
    up: int
    down: int
    moved: int
    """Readings that kept their verdict but not their confidence."""
    other: int
    """Readings that kept verdict and confidence, with other conclusions (advice) changed."""
    unchanged: int
    skipped: int
    errors: tuple[tuple[int, str], ...]
    """The first skipped lines: (line number, why)."""
    transitions: dict[tuple[str, str], int]
    verdicts_old: dict[str, int]
    verdicts_new: dict[str, int]
    rules: tuple[RuleTally, ...]
    moves: tuple[Changed, ...]
    """The largest confidence moves, largest first."""

    @property
    def changed(self) -> int:
        """Readings that changed in any way."""
        return self.up + self.down + self.moved + self.other


Item: TypeAlias = bytes | Mapping[str, object] | Observations
"""One observation set: a line of JSON Lines, a JSON-shaped mapping, or ``Observations``."""


def diff_corpus(items: Iterable[Item], old: RulebookSide, new: RulebookSide, *,
                workers: int | None = None, top: int = 10, changes: TextIO | None = None,
                progress: Callable[[int], object] | None = None,
                chunk_lines: int = CHUNK_LINES) -> DiffCounts:
    """Assess every item under both rulebooks and compare the readings, item by item.

    ``changes``, when given, gets one JSON line per changed reading; ``progress`` is called
    with the number of items compared so far after each chunk. Items that are not valid
    observations are skipped and counted, each by its number (from 1).

    Raises:
        RulebookError: either rulebook has problems (raised before any item is read).
        ArgumentError: ``workers``, ``top`` or ``chunk_lines`` is not a positive integer.
        EngineError: a worker process died.
    """
    count, size = check_sizes(workers, chunk_lines)
    if type(top) is not int or top < 1:
        raise ArgumentError(f"top: expected a positive integer, got {top!r}")
    old_book, new_book = old.load(), new.load()
    gathered = _Gatherer(old_book, new_book, top, changes)
    numbered = enumerate(items, start=1)
    chunks: Iterator[list[tuple[int, Item]]] = iter(lambda: list(islice(numbered, size)), [])
    for chunk in _compared(chunks, old, new, count):
        gathered.add(chunk)
        if progress is not None:
            progress(gathered.seen)
    return gathered.counts_of(old, new)


def _compared(chunks: Iterator[list[tuple[int, Item]]], old: RulebookSide,
              new: RulebookSide, workers: int) -> Iterator[_Chunk]:
    if workers == 1:
        with contextlib.ExitStack() as stack:
            old_engine, release = call_engine(old.packs, old.include_default)
            stack.enter_context(release)
            new_engine, release = call_engine(new.packs, new.include_default)
            stack.enter_context(release)
            for chunk in chunks:
                yield compare_items(old_engine, new_engine, chunk)
        return
    spec = (new.packs, new.include_default)
    # Items are pickled here, so one that cannot be sent is that item's error.
    payloads = ((spec, [n for n, _ in chunk], pack_chunk([i for _, i in chunk]))
                for chunk in chunks)
    results = map_chunks(_compare_chunk, payloads, workers=workers, engine_paths=old.packs,
                         include_default=old.include_default)
    with contextlib.closing(results):
        for result in results:
            yield result[0]


_Payload: TypeAlias = tuple[tuple[tuple[str, ...], bool], list[int], bytes]
"""What a worker is sent: the new rulebook's packs, the item numbers, the pickled items."""


def _compare_chunk(old_engine: Engine, payload: _Payload) -> list[_Chunk]:
    """A worker's task: the pool's engine is the old rulebook's; the new one is built once
    per process."""
    (packs, include_default), numbers, items = payload
    new_engine = process_engine(packs, include_default)
    return [compare_items(old_engine, new_engine,
                          list(zip(numbers, pickle.loads(items), strict=True)))]


class _Scoring:
    """What comparing readings needs of one engine: its scorer, each engine rule's rule
    id, and each qualifier's effect and amount."""

    def __init__(self, engine: Engine) -> None:
        book = engine.rulebook
        self.scorer = Scorer(book)
        self.rule_of = {name: r.rule.id for name, r in engine.compiled.engine_rules.items()}
        self.amounts = {r.id: r.amount for r in book.of_kind("qualifier")}


_Scored: TypeAlias = tuple[set[str], dict[str, float], _Scoring]
"""One reading as compared: the rules that fired, each signal's strength, the scoring."""
_SCORINGS: weakref.WeakKeyDictionary[Engine, _Scoring] = weakref.WeakKeyDictionary()


def _scoring(engine: Engine) -> _Scoring:
    scoring = _SCORINGS.get(engine)
    if scoring is None:
        scoring = _SCORINGS[engine] = _Scoring(engine)
    return scoring


def compare_items(old_engine: Engine, new_engine: Engine,
                  items: Sequence[tuple[int, object]]) -> _Chunk:
    """Compare the readings of numbered items under two engines."""
    old, new = _scoring(old_engine), _scoring(new_engine)
    changed: list[Changed] = []
    errors: list[tuple[int, str]] = []
    unchanged = 0
    verdicts_old: Counter[str] = Counter()
    verdicts_new: Counter[str] = Counter()
    for number, item in items:
        try:
            data = read_line(item) if isinstance(item, bytes) else item
            if isinstance(data, ObservationError):
                raise data  # an item that could not be sent to this worker
            _, old_firings = old_engine.firings(data)  # type: ignore[arg-type]
            _, new_firings = new_engine.firings(data)  # type: ignore[arg-type]
        except UnreadableJSON as exc:
            errors.append((number, exc.reason))
            continue
        except ObservationError as exc:
            errors.append((number, str(exc)))
            continue
        old_ids = {old.rule_of[name] for name, _ in old_firings}
        new_ids = {new.rule_of[name] for name, _ in new_firings}
        old_verdict, old_confidence, old_strengths = old.scorer.score(old_ids)
        new_verdict, new_confidence, new_strengths = new.scorer.score(new_ids)
        verdicts_old[old_verdict] += 1
        verdicts_new[new_verdict] += 1
        differences = _differences((old_ids, old_strengths, old),
                                   (new_ids, new_strengths, new))
        if not differences and old_verdict == new_verdict and \
                old_confidence == new_confidence:
            unchanged += 1
            continue
        changed.append((number, old_verdict, new_verdict, old_confidence, new_confidence,
                        differences))
    return changed, errors, unchanged, dict(verdicts_old), dict(verdicts_new)


def _differences(before: _Scored, after: _Scored) -> tuple[RuleChange, ...]:
    """The rules that made a difference, in a fixed order: fired under one rulebook only,
    a signal's strength changed, a qualifier's amount changed."""
    (old_ids, old_strengths, old), (new_ids, new_strengths, new) = before, after
    out: list[RuleChange] = [(r, "only_old", None, None) for r in sorted(old_ids - new_ids)]
    out += [(r, "only_new", None, None) for r in sorted(new_ids - old_ids)]
    for signal in sorted(old_strengths.keys() & new_strengths.keys()):
        if old_strengths[signal] != new_strengths[signal]:
            out.append((signal, "strength", old_strengths[signal], new_strengths[signal]))
    for rule in sorted(old_ids & new_ids):
        was, now = old.amounts.get(rule), new.amounts.get(rule)
        if was is not None and now is not None and was != now:
            out.append((rule, "amount", was, now))
    return tuple(out)


class _Tally:
    """A ``RuleTally`` while it is counted."""

    __slots__ = ("down", "new", "old", "readings", "up")

    def __init__(self, old: float | None, new: float | None) -> None:
        self.readings = self.up = self.down = 0
        self.old, self.new = old, new

    def add(self, way: int, old: float | None, new: float | None) -> None:
        self.readings += 1
        self.up += way > 0
        self.down += way < 0
        if (self.old, self.new) != (old, new):
            self.old = self.new = None  # not one number across readings

    def frozen(self, rule: str, how: str) -> RuleTally:
        return RuleTally(rule=rule, how=how, old=self.old, new=self.new,
                         readings=self.readings, up=self.up, down=self.down)


class _Gatherer:
    """Gathers the compared chunks as they come: counts, tallies, the largest moves."""

    def __init__(self, old_book: Rulebook, new_book: Rulebook, top: int,
                 changes: TextIO | None) -> None:
        self.old_book, self.new_book = old_book, new_book
        self.top, self.changes = top, changes
        self.counts: Counter[str] = Counter()
        self.seen = 0
        """Items compared so far, skipped ones included."""
        self.errors: list[tuple[int, str]] = []
        self.transitions: Counter[tuple[str, str]] = Counter()
        self.verdicts_old: Counter[str] = Counter()
        self.verdicts_new: Counter[str] = Counter()
        self.tallies: dict[tuple[str, str], _Tally] = {}
        self.heap: list[tuple[float, int, Changed]] = []
        self.ranks_old = {v.id: i for i, v in enumerate(old_book.verdicts)}
        self.ranks_new = {v.id: i for i, v in enumerate(new_book.verdicts)}

    def add(self, chunk: _Chunk) -> None:
        changed, errors, unchanged, verdicts_old, verdicts_new = chunk
        self.seen += len(changed) + len(errors) + unchanged
        self.counts["unchanged"] += unchanged
        self.counts["skipped"] += len(errors)
        self.errors += errors[:ERRORS_KEPT - len(self.errors)]
        self.verdicts_old.update(verdicts_old)
        self.verdicts_new.update(verdicts_new)
        for record in changed:
            self._record(record)

    def direction(self, old: str, new: str) -> int:
        """1 when ``new`` is a better verdict than ``old``, -1 when worse, 0 when the same.
        Verdicts are ranked in their rulebook's order (the first is the best); a verdict
        only one rulebook has is ranked by its place in that one."""
        if old == new:
            return 0
        for ranks in (self.ranks_new, self.ranks_old):
            if old in ranks and new in ranks:
                return 1 if ranks[new] < ranks[old] else -1
        return 1 if self.ranks_new[new] < self.ranks_old[old] else -1

    def _record(self, record: Changed) -> None:
        line, old_verdict, new_verdict, old_confidence, new_confidence, rules = record
        way = self.direction(old_verdict, new_verdict)
        if way:
            self.counts["up" if way > 0 else "down"] += 1
            self.transitions[(old_verdict, new_verdict)] += 1
        else:
            self.counts["moved" if old_confidence != new_confidence else "other"] += 1
        for rule, how, before, after in rules:
            tally = self.tallies.get((rule, how))
            if tally is None:
                tally = self.tallies[(rule, how)] = _Tally(before, after)
            tally.add(way, before, after)
        move = abs(new_confidence - old_confidence)
        if move > 0:
            entry = (move, -line, record)
            if len(self.heap) < self.top:
                heapq.heappush(self.heap, entry)
            elif entry > self.heap[0]:
                heapq.heapreplace(self.heap, entry)
        if self.changes is not None:
            self.changes.write(dump_json(changed_row(record), None) + "\n")

    def counts_of(self, old: RulebookSide, new: RulebookSide) -> DiffCounts:
        counts = self.counts
        changed = counts["up"] + counts["down"] + counts["moved"] + counts["other"]
        tallies = sorted((t.frozen(rule, how) for (rule, how), t in self.tallies.items()),
                         key=lambda t: (-t.readings, t.rule, t.how))
        return DiffCounts(
            old=old, new=new, old_book=self.old_book, new_book=self.new_book,
            readings=changed + counts["unchanged"], up=counts["up"], down=counts["down"],
            moved=counts["moved"], other=counts["other"], unchanged=counts["unchanged"],
            skipped=counts["skipped"], errors=tuple(self.errors),
            transitions=dict(self.transitions), verdicts_old=dict(self.verdicts_old),
            verdicts_new=dict(self.verdicts_new), rules=tuple(tallies),
            moves=tuple(entry[2] for entry in sorted(self.heap, reverse=True)))


def changed_row(record: Changed) -> dict[str, object]:
    """A changed reading as JSON (a line of ``--changes``, an entry of the largest moves)."""
    line, old_verdict, new_verdict, old_confidence, new_confidence, rules = record
    return {"line": line,
            "old": {"verdict": old_verdict, "confidence": round(old_confidence, 4)},
            "new": {"verdict": new_verdict, "confidence": round(new_confidence, 4)},
            "change": round(new_confidence - old_confidence, 4),
            "rules": [{"rule": rule, "difference": how,
                       "old": None if before is None else round(before, 4),
                       "new": None if after is None else round(after, 4)}
                      for rule, how, before, after in rules]}
