"""A model of the alpha network durable_rules builds from compiled definitions: each
test read into a key (shared as durable shares nodes), the chain of nodes the patterns
grow, and the most tests one fact can make pending at once.

Neighbours: ``limits`` feeds every pattern of a compiled rulebook into a ``Network`` and
words what it finds against the engine's limits; this module knows the network's shape,
not the limits' numbers (``Network`` is told how many children a node may have).

The engine's network, as far as the limits need it: every pattern of a rule (one fact,
``{"name": {"$and": [tests]}}``) is a chain of alpha nodes, one per test, starting at one
root. A node is shared by every pattern whose tests up to it are the same (same property,
operator and literal, the literal's JSON type included: ``30`` and ``30.0`` are two nodes; a
test against an expression or another field, ``$m``/``$add``, is never shared). The node of
a pattern's last test links to one beta node per (rule, pattern) that ends there.
"""

from __future__ import annotations

import bisect
import itertools
import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TypeAlias

from .._quoting import excerpt

_OPERATORS = frozenset({"$lt", "$lte", "$gt", "$gte", "$neq", "$ex", "$nex", "$mt",
                        "$imt", "$iall", "$iany"})
_ORDER = ("$lt", "$lte", "$gt", "$gte")
FRESH = object()
"""The value key of a test durable never shares (expressions, ``$m`` references, null)."""

AlphaTest: TypeAlias = tuple[str, str, Any]
_JSON_TYPES = {bool: "bool", int: "int", float: "double", str: "str"}
"""(property, operator, value key) of one alpha test; the value key is ``FRESH`` for a
test durable never shares, else (JSON type, value)."""


def parse_test(test: Any) -> AlphaTest | None:
    if len(test) != 1 if type(test) is dict else not (isinstance(test, Mapping)
                                                          and len(test) == 1):
        return None
    ((key, right),) = test.items()
    if key in _OPERATORS:
        if not (isinstance(right, Mapping) and len(right) == 1):
            return None
        ((prop, right),) = right.items()
        return str(prop), key, _value_key(right)
    return str(key), "$eq", _value_key(right)


def _value_key(value: Any) -> Any:
    kind = _JSON_TYPES.get(type(value))
    if kind is not None:
        return (kind, value)
    if isinstance(value, bool):
        return ("bool", value)
    if isinstance(value, int):
        return ("int", value)
    if isinstance(value, float):
        return ("double", value)
    if isinstance(value, str):
        return ("str", value)
    return FRESH


class Node:
    """One alpha node: its test, its parent, its children by test key, and the rules whose
    pattern ends here."""

    __slots__ = ("children", "links", "parent", "raw", "test")

    def __init__(self, test: AlphaTest | None, parent: Node | None, raw: Any = None) -> None:
        self.test = test
        self.raw = raw
        """The right side of a test ``test`` cannot key (an expression), as written."""
        self.parent = parent
        self.children: dict[object, Node] = {}
        self.links: list[str] = []
        """Engine rule names whose pattern ends here, one per (rule, pattern)."""


class Network:
    """The alpha network durable would build, with the rules that grew each node."""

    def __init__(self, children_max: int) -> None:
        self.root = Node(None, None)
        self.children_max = children_max
        """The most children a node may have (the engine's ``ALPHA_CHILDREN_MAX``)."""
        self.overfull: dict[int, tuple[Node, str]] = {}
        """Per node past ``children_max``: the node and the rule that crossed it."""

    def add(self, name: str, tests: Sequence[AlphaTest], raw: Sequence[Any] = ()) -> None:
        """The pattern of engine rule ``name``: its parsed ``tests`` and, for the
        expressions among them, the tests as written (``raw``, in the same order)."""
        node = self.root
        for i, test in enumerate(tests):
            key: object = test if test[2] is not FRESH else object()
            child = node.children.get(key)
            if child is None:
                right = _right(raw[i]) if test[2] is FRESH and i < len(raw) else None
                child = node.children[key] = Node(test, node, right)
                if len(node.children) == self.children_max + 1:
                    self.overfull[id(node)] = (node, name)
            node = child
        node.links.append(name)


def _right(test: Any) -> Any:
    """The right side of one test as written: ``{"$gte": {"a": right}}`` or ``{"a": right}``."""
    if isinstance(test, Mapping) and len(test) == 1:
        ((key, inner),) = test.items()
        if key in _OPERATORS and isinstance(inner, Mapping) and len(inner) == 1:
            ((_, right),) = inner.items()
            return right
        return inner
    return None


def walk(root: Node) -> Iterable[Node]:
    """Every node under ``root``, ``root`` first, each before its children."""
    stack = [root]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(node.children.values())


def where(node: Node) -> str:
    """The chain of tests leading to ``node``, in words, for a message."""
    chain = []
    while node.test is not None:
        chain.append(node.test)
        node = node.parent  # type: ignore[assignment]  # a node with a test has a parent
    if not chain:
        return "the start of a pattern"
    shown = [_test_text(t) for t in reversed(chain)]
    return "the tests " + excerpt(", ".join(shown), 300)


def _test_text(test: AlphaTest) -> str:
    prop, op, value = test
    right = "(an expression)" if value is FRESH else json.dumps(value[1])
    return f"{prop} {op.lstrip('$')} {right}"


def most_holding(tests: Sequence[AlphaTest]) -> int:
    """The most of ``tests`` (children of one node) that one fact can satisfy at once."""
    by_property: dict[str, list[tuple[str, Any]]] = {}
    for prop, op, value in tests:
        by_property.setdefault(prop, []).append((op, value))
    return sum(1 if len(group) == 1 else most_on_one_property(group)
               for group in by_property.values())


def most_on_one_property(group: list[tuple[str, Any]]) -> int:
    """Tests of one property: the most one value satisfies. Expressions, ``$ex`` and
    operators the library never writes always count. Literal tests can only change their
    count at a literal, so it is counted at every literal, between each two and beyond both
    ends, with sorted lists (linear-logarithmic: a table of hundreds stays fast)."""
    always = 0
    equal: Counter[tuple[str, object]] = Counter()
    unequal: Counter[tuple[str, object]] = Counter()
    order: dict[str, list[float]] = {op: [] for op in _ORDER}
    for op, value in group:
        if value is FRESH or op not in (*_ORDER, "$eq", "$neq"):
            always += 1
        elif op in _ORDER:
            if _is_number(value[1]):
                order[op].append(float(value[1]))
        else:
            (equal if op == "$eq" else unequal)[_same(value[1])] += 1
    for values in order.values():
        values.sort()
    candidates = _candidates(set(equal) | set(unequal), order)
    n_unequal = sum(unequal.values())
    return always + max(_holding(x, equal, unequal, n_unequal, order) for x in candidates)


def _candidates(keys: set[tuple[str, object]], order: dict[str, list[float]]
                ) -> list[tuple[str, object] | float]:
    """One value of every class the literal tests tell apart: each literal, each point
    between two, one beyond both ends, and a value equal to no literal."""
    points = sorted({float(k[1]) for k in keys if k[0] == "number"}  # type: ignore[arg-type]
                    | {v for values in order.values() for v in values})
    numbers = [*points, *((a + b) / 2 for a, b in itertools.pairwise(points))]
    if points:
        numbers += [points[0] - 1, points[-1] + 1]
    candidates: list[tuple[str, object] | float] = [k for k in keys if k[0] != "number"]
    candidates += numbers
    candidates.append(("none", FRESH))
    return candidates


def _holding(x: tuple[str, object] | float, equal: Counter[tuple[str, object]],
             unequal: Counter[tuple[str, object]], n_unequal: int,
             order: dict[str, list[float]]) -> int:
    """How many of one property's literal tests the value ``x`` satisfies."""
    key = ("number", x) if isinstance(x, float) else x  # a point, or a literal's key
    count = equal[key] + n_unequal - unequal[key]
    if isinstance(x, float):
        count += len(order["$lt"]) - bisect.bisect_right(order["$lt"], x)
        count += len(order["$lte"]) - bisect.bisect_left(order["$lte"], x)
        count += bisect.bisect_left(order["$gt"], x)
        count += bisect.bisect_right(order["$gte"], x)
    return count


def _same(value: object) -> tuple[str, object]:
    """The key under which durable's comparison finds two literals equal: numbers by
    value (``1`` and ``1.0`` both hold for 1), other types apart from numbers."""
    if _is_number(value):
        return ("number", float(value))  # type: ignore[arg-type]
    return (type(value).__name__, value)


def _is_number(x: object) -> bool:
    return isinstance(x, int | float) and not isinstance(x, bool)
