"""``caches``: what the search remembers, bounded by weight, least recently used first."""

from __future__ import annotations

from interview_signals._consultation.search.caches import Cache, memo


def test_the_least_recently_used_go_first_once_the_weight_is_past_the_bound() -> None:
    cache: Cache[str, list[int]] = Cache(10, len)
    cache.put("a", [1, 2, 3])  # weight 4 (one per entry, one per item)
    cache.put("b", [1, 2])  # 3
    assert cache.get("a") == [1, 2, 3]  # "a" is now the most recently used
    cache.put("c", [1, 2, 3])  # 4: 11 in all, past 10: "b" goes
    assert (cache.get("b"), cache.get("a"), cache.get("c")) == (None, [1, 2, 3], [1, 2, 3])
    assert (len(cache), cache.weight) == (2, 8)


def test_an_entry_heavier_than_the_bound_is_returned_but_not_kept() -> None:
    cache: Cache[str, list[int]] = Cache(5, len)
    big = list(range(10))
    assert cache.put("big", big) is big
    assert (cache.get("big"), len(cache), cache.weight) == (None, 0, 0)


def test_putting_a_key_again_replaces_its_weight() -> None:
    cache: Cache[str, list[int]] = Cache(100, len)
    cache.put("a", [1] * 10)
    cache.put("a", [1])
    assert cache.weight == 2
    cache.clear()
    assert (len(cache), cache.weight) == (0, 0)


def test_memo_computes_once_per_arguments_while_kept() -> None:
    calls: list[int] = []

    def square(x: int) -> int:
        calls.append(x)
        return x * x

    remembered = memo(square, 3)
    assert [remembered(2), remembered(2), remembered(3)] == [4, 4, 9]
    assert calls == [2, 3]
    for x in range(10):  # at most 3 entries of weight 1: the first ones go
        remembered(x)
    remembered(2)
    assert calls.count(2) == 3
