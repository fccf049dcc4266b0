"""The engine tells fact fields apart by a 32-bit hash of their names (ENGINE-NOTES): no two
names the library ever puts in a fact may share a hash."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from interview_signals._durable.compile import fact_key, unknown_key
from interview_signals._observations.vocabulary import VOCABULARY

MASK = 0xFFFFFFFF


def djb2(name: str) -> int:
    """The djb2 string hash (hash * 33 + c, from 5381), checked too in case a durable build
    hashes names this way."""
    h = 5381
    for byte in name.encode():
        h = (h * 33 + byte) & MASK
    return h


def fnv1(name: str) -> int:
    h = 0x811C9DC5
    for byte in name.encode():
        h = ((h * 0x01000193) & MASK) ^ byte
    return h


def fnv1a(name: str) -> int:
    """durable_rules' property-name hash (``fnv1Hash32``; its ``HASH_ID`` 926444256 and
    ``HASH_SID`` 3593476751 in src/rules/state.h are this hash of "id" and "sid")."""
    h = 0x811C9DC5
    for byte in name.encode():
        h = ((h ^ byte) * 0x01000193) & MASK
    return h


def every_field_name() -> list[str]:
    """Every name a fact of ours can carry: observations, their unknown flags, derived facts
    and the engine's own keys."""
    names = [fact_key(p) for p in VOCABULARY] + [unknown_key(p) for p in VOCABULARY]
    return [*names, "kind", "id", "sid", "signal", "qualifier", "advice", "$prime", "$s"]


@pytest.mark.parametrize("hash_name", [djb2, fnv1, fnv1a])
def test_no_two_fact_field_names_share_a_32_bit_hash(hash_name: Callable[[str], int]) -> None:
    names = every_field_name()
    hashes = {hash_name(n): n for n in names}
    clashes = [n for n in names if hashes[hash_name(n)] != n]
    assert clashes == []
    assert len(hashes) == len(set(names))


def test_the_hashes_are_the_published_ones() -> None:
    """The hash functions above are the real ones, so the check above means something."""
    assert fnv1a("a") == 0xE40C292C
    assert fnv1("a") == 0x050C5D7E
    assert djb2("a") == 5381 * 33 + ord("a")
    assert (fnv1a("id"), fnv1a("sid")) == (926444256, 3593476751)  # durable's HASH_ID/HASH_SID
