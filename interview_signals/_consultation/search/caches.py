"""What the search remembers between calls, bounded by size rather than by count, so that
a long-running service's memory levels off whatever the rulebook and the requests.

Neighbours: every cache of the search (``evaluator``, ``proofs``, ``other_groups``,
``consultant``) is one of these. An entry's weight is about the number of small objects
it holds (states, outcomes, witnesses); the least recently used entries go first, and an
entry heavier than the whole bound is not kept at all.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")
R = TypeVar("R")


class Cache(Generic[K, V]):
    """A least-recently-used map whose values weigh at most ``max_weight`` in all."""

    def __init__(self, max_weight: int, weigh: Callable[[V], int] | None = None) -> None:
        self.max_weight = max_weight
        self._weigh = weigh
        self._items: OrderedDict[K, tuple[V, int]] = OrderedDict()
        self.weight = 0
        self._lock = threading.Lock()  # a service searches from several threads

    def get(self, key: K) -> V | None:
        with self._lock:
            found = self._items.get(key)
            if found is None:
                return None
            self._items.move_to_end(key)
            return found[0]

    def put(self, key: K, value: V) -> V:
        weight = 1 + (self._weigh(value) if self._weigh is not None else 0)
        if weight > self.max_weight:
            return value
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self.weight -= old[1]
            self._items[key] = (value, weight)
            self.weight += weight
            while self.weight > self.max_weight:
                _, (_, dropped) = self._items.popitem(last=False)
                self.weight -= dropped
        return value

    def __len__(self) -> int:
        return len(self._items)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self.weight = 0


def memo(function: Callable[..., R], max_weight: int,
         weigh: Callable[[R], int] | None = None) -> Callable[..., R]:
    """``function`` remembered by its positional arguments in a ``Cache``."""
    cache: Cache[tuple[object, ...], R] = Cache(max_weight, weigh)

    def remembered(*args: object) -> R:
        found = cache.get(args)
        if found is None:
            found = cache.put(args, function(*args))
        return found

    remembered.cache = cache  # type: ignore[attr-defined]  # for tests and benchmarks
    return remembered
