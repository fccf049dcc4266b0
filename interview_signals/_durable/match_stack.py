"""The most alpha nodes durable's matching stack holds for the observation fact, over every
observation set the library can send: exact, as ``events.c`` ``handleAlpha`` pushes them.

Neighbours: ``alpha_network`` builds the model of the network; ``limits`` compares the peak
with ``MATCH_STACK_MAX``. This module knows the order in which durable pushes nodes and the
values a fact can carry, not the limit's number.

How ``handleAlpha`` works: it pops a node and pushes each child whose test holds for the
fact, visiting the fact's properties in the order the fact lists them (the observation fact
carries ``sid``, ``id``, ``kind``, then the known fields in vocabulary order, then the
``unknown_`` flags in vocabulary order) and, for one property, the children in the order
they were created (their hash table's probe order). The last child pushed is popped first,
so while the subtree of a child is matched, the children its parent pushed before it wait
below. When a node ``X`` has pushed its children, the stack holds them and, for each node
``A`` on the path to ``X``, the children of ``A`` that hold and were pushed before the next
node of the path. That sum, over every node and every observation set, is the peak; a push
onto a full stack of ``MATCH_STACK_MAX`` fails the assert.

The maximum over observation sets is found field by field: a count is a sum of tests, each
on one field (its value, whether it is known, its ``unknown_`` flag) or, for a comparison
with another field, on two. Fields that no comparison links and that no contradiction check
ties to another are chosen on their own (each to its best value that keeps the path's tests
holding); the others are chosen together, over the values where some test can change: each
literal and the numbers just beside it, the ends of the field's range, and where a
comparison flips given the other field's candidates. A test the model cannot read counts as
holding whenever its property is there (never less than the engine).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .._errors import ObservationError
from .._observations import EXCLUSIONS, PREREQUISITES, VOCABULARY, check_contradictions
from .alpha_network import FRESH, Node, most_holding

_FIELDS = {path.split(".", 1)[1]: path for path in VOCABULARY}
"""The observation fact's key of each field (``compile.fact_key``) and the field."""
_FLAG = "unknown_"
_COUPLED = frozenset([p for _, q, _ in PREREQUISITES for p in (q,)]
                     + [p for a, _, b, _, _ in EXCLUSIONS for p in (a, b)])
"""The fields whose value can make another field's value a contradiction."""
_ABSENT = None
_OTHER = "\x00another value"
"""A string no literal equals: a field the model does not know taking some other value."""


def stack_peak(root: Node, limit: int) -> tuple[int, Node]:
    """The most nodes the stack holds for the observation fact (exact where a cheap bound
    says it could pass ``limit``, else that bound), and the node whose children make it."""
    peak, node, _ = worst_case(root, limit)
    return peak, node


def worst_case(root: Node, limit: int) -> tuple[int, Node, dict[str, Any] | None]:
    """``stack_peak``, and the observations (field -> value) that make it, where it was
    found exactly (None where the bound sufficed)."""
    observation = next((c for c in root.children.values()
                        if c.test == ("kind", "$eq", ("str", "observation"))), None)
    best: tuple[int, Node, dict[str, Any] | None] = (1 if root.children else 0, root, None)
    if observation is None:
        return best
    model = _Model()
    stack: list[tuple[Node, list[Node], list[Node], int]] = [(observation, [], [], 0)]
    while stack:  # every node under the observation's kind: its path and what waits below
        node, path, below, bound = stack.pop()
        children = model.ordered(node)
        most = most_holding([c.test for c in children if c.test is not None]) \
            if len(children) > 1 else len(children)
        if bound + most > limit:
            exact, witness = model.peak([*path, node], below + children)
            if exact is not None and exact > best[0]:
                best = (exact, node, witness)
        elif bound + most > best[0]:
            best = (bound + most, node, None)  # a bound: within the limit, exact not needed
        for i, child in enumerate(children):
            stack.append((child, [*path, node], below + children[:i],
                          bound + min(i, most)))
    return best


def observations_of(witness: Mapping[str, Any]) -> dict[str, Any]:
    """The known fields of a ``worst_case`` witness, as ``{"group.field": value}``."""
    return {p: v for p, v in witness.items()
            if p in VOCABULARY and v is not _ABSENT and v != _OTHER}


class _Model:
    """The fact's properties as fields, and the tests on them."""

    def ordered(self, node: Node) -> list[Node]:
        """``node``'s children in the order ``handleAlpha`` pushes them."""
        return sorted(node.children.values(),
                      key=lambda c: _position(c.test[0] if c.test else ""))

    def peak(self, path: Sequence[Node], counted: Sequence[Node]
             ) -> tuple[int | None, dict[str, Any] | None]:
        """The most of ``counted`` that hold together with every test of ``path`` (its
        first node, the observation's kind, aside), and the fields' values that do it;
        None when the path never holds."""
        tests = [(n, True) for n in path[1:]] + [(n, False) for n in counted]
        by_var: dict[str, list[tuple[Node, bool]]] = {}
        linked: list[tuple[Node, bool, str, str]] = []
        for node, required in tests:
            var = _var(node)
            partner = _partner(node)
            if partner is not None:
                linked.append((node, required, var, partner))
            else:
                by_var.setdefault(var, []).append((node, required))
        joint = sorted({v for _, _, a, b in linked for v in (a, b)}
                       | {v for v in by_var if v in _COUPLED})
        alone = {v: _best_alone(v, t) for v, t in by_var.items() if v not in joint}
        together = [(n, r) for v in joint for n, r in by_var.get(v, ())]
        together += [(n, r) for n, r, _, _ in linked]
        best: int | None = None
        witness: dict[str, Any] | None = None
        for assign in _assignments(joint, by_var, linked):
            total = _count(together, assign)
            rest = _rest(alone, assign) if total is not None else None
            if total is not None and rest is not None and (best is None
                                                            or total + rest[0] > best):
                best, witness = total + rest[0], {**assign, **rest[1]}
        return best, witness


def _count(tests: Sequence[tuple[Node, bool]], assign: Mapping[str, Any]) -> int | None:
    """How many counted tests hold (None when a path test does not)."""
    total = 0
    for node, required in tests:
        holds = _holds(node, assign)
        if required and not holds:
            return None
        total += holds and not required
    return total


def _position(prop: str) -> tuple[int, str]:
    """Where the observation fact lists ``prop``: ``sid``, ``id`` and ``kind`` first, then
    the fields, then the unknown flags, each in vocabulary order (a property the fact never
    carries last: it never holds)."""
    order = _ORDER
    if prop in order:
        return order[prop], ""
    return len(order), prop


_ORDER = {"sid": 0, "id": 1, "kind": 2,
          **{key: 3 + i for i, key in enumerate(_FIELDS)},
          **{_FLAG + key: 3 + len(_FIELDS) + i for i, key in enumerate(_FIELDS)}}


def _var(node: Node) -> str:
    """The field (or, outside the vocabulary, the property) a test reads."""
    prop = node.test[0] if node.test else ""
    if prop.startswith(_FLAG) and prop[len(_FLAG):] in _FIELDS:
        return _FIELDS[prop[len(_FLAG):]]
    return _FIELDS.get(prop, prop)


def _partner(node: Node) -> str | None:
    """The other field a comparison reads (``{"$m": other}``, scaled or shifted)."""
    if node.test is None or node.test[2] is not FRESH:
        return None
    found = _reference(node.raw)
    return _FIELDS.get(found, found) if found is not None else None


def _reference(raw: Any) -> str | None:
    if isinstance(raw, Mapping):
        if "$m" in raw and isinstance(raw["$m"], str):
            return str(raw["$m"])
        for value in raw.values():
            found = _reference(value)
            if found is not None:
                return found
    return None


def _value(raw: Any, assign: Mapping[str, Any]) -> float | None:
    """A comparison's right side, ``{"$m": other}`` under ``$mul``/``$add``/``$sub``/
    ``$div``, for the assigned values (None when the other field is absent or unread)."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int | float):
        return float(raw)
    if not isinstance(raw, Mapping) or len(raw) != 1:
        return None
    ((op, inner),) = raw.items()
    if op == "$m":
        if not isinstance(inner, str):
            return None
        got = assign.get(_FIELDS.get(inner, inner))
        return float(got) if isinstance(got, int | float) and not isinstance(got, bool) \
            else None
    if not isinstance(inner, Mapping):
        return None
    left, right = _value(inner.get("$l"), assign), _value(inner.get("$r"), assign)
    if left is None or right is None:
        return None
    if op == "$add":
        return left + right
    if op == "$sub":
        return left - right
    if op == "$mul":
        return left * right
    return left / right if op == "$div" and right else None


def _holds(node: Node, assign: Mapping[str, Any]) -> bool:
    """Whether ``node``'s test holds for the fact of ``assign`` (field -> value, absent
    ones missing or None)."""
    assert node.test is not None
    prop, op, key = node.test
    var = _var(node)
    value = assign.get(var)
    if prop.startswith(_FLAG) and var in VOCABULARY:
        if value is not _ABSENT:
            return False
        value = True  # the flag the fact carries for an unknown field
    elif value is _ABSENT:
        return False  # the property is not there: the node is never probed
    if op == "$ex":
        return True
    if key is FRESH:
        if _partner(node) is None:
            return True  # an expression the model does not read: counted
        right = _value(node.raw, assign)
        if right is None or isinstance(value, bool | str):
            return False
        return _compare(op, float(value), right)
    literal = key[1]
    if op in ("$eq", "$neq"):
        return _equal(value, literal) == (op == "$eq")
    if _is_number(value) and _is_number(literal):
        return _compare(op, float(value), float(literal))
    return op not in ("$lt", "$lte", "$gt", "$gte", "$eq", "$neq")  # unknown ops count


def _equal(a: Any, b: Any) -> bool:
    if _is_number(a) and _is_number(b):
        return float(a) == float(b)
    return type(a) is type(b) and a == b


def _compare(op: str, x: float, y: float) -> bool:
    return {"$lt": x < y, "$lte": x <= y, "$gt": x > y, "$gte": x >= y,
            "$eq": x == y, "$neq": x != y}.get(op, True)


def _is_number(x: object) -> bool:
    return isinstance(x, int | float) and not isinstance(x, bool)


# -- candidate values ---------------------------------------------------------------------

def _candidates(var: str, nodes: Iterable[Node], points: Iterable[float] = ()
                ) -> list[Any]:
    """The values of ``var`` worth trying: absent, and for each class of values the
    ``nodes`` tell apart (and the ``points`` where a comparison flips) one value."""
    spec = VOCABULARY.get(var)
    literals = [n.test[2][1] for n in nodes if n.test and n.test[2] is not FRESH]
    out: list[Any] = [_ABSENT]
    if spec is not None and spec.kind == "bool":
        return [*out, True, False]
    if spec is not None and spec.kind == "choice":
        return [*out, *spec.choices, _OTHER]
    numbers = [float(x) for x in literals if _is_number(x)]
    others = {x for x in literals if not _is_number(x)}
    out += [*sorted(others, key=repr), _OTHER, True, False] if spec is None else []
    integer = spec is not None and spec.kind == "int"
    low = float(spec.minimum) if spec is not None and spec.minimum is not None else -math.inf
    high = float(spec.maximum) if spec is not None and spec.maximum is not None else math.inf
    near: set[float] = set()
    for t in [*numbers, *points]:
        if integer:
            near.update((math.floor(t) - 1, math.floor(t), math.ceil(t), math.ceil(t) + 1))
        else:
            near.update((math.nextafter(t, -math.inf), t, math.nextafter(t, math.inf)))
    near.update(x for x in (low, high) if math.isfinite(x))
    if not near:
        near.add(1.0)
    fits = sorted(x for x in near if low <= x <= high and math.isfinite(x))
    out += [int(x) if integer else x for x in fits]
    return out


Best = tuple[int, Any] | None
"""The most counted tests of one field that hold, and a value that does it."""


def _best_alone(var: str, tests: Sequence[tuple[Node, bool]]) -> tuple[Best, Best]:
    """(best over every value of ``var``, best over absent or false): the most of its
    counted tests that hold where its path tests hold (None: never)."""
    best: list[Best] = [None, None]
    for value in _candidates(var, (n for n, _ in tests)):
        assign = {var: value}
        if not all(_holds(n, assign) for n, required in tests if required):
            continue
        count = sum(1 for n, required in tests if not required and _holds(n, assign))
        for i, allowed in enumerate((True, value is _ABSENT or value is False)):
            found = best[i]
            if allowed and (found is None or count > found[0]):
                best[i] = (count, value)
    return best[0], best[1]


def _rest(alone: Mapping[str, tuple[Best, Best]], assign: Mapping[str, Any]
          ) -> tuple[int, dict[str, Any]] | None:
    """The best of the fields chosen alone, given the fields chosen together (a field
    whose prerequisite is false may only be absent or false), and their values."""
    total, values = 0, {}
    for var, (free, restricted) in alone.items():
        held = any(assign.get(q) is False for d, q, _ in PREREQUISITES if d == var)
        got = restricted if held else free
        if got is None:
            return None
        total += got[0]
        values[var] = got[1]
    return total, values


def _assignments(joint: Sequence[str], by_var: Mapping[str, Sequence[tuple[Node, bool]]],
                 linked: Sequence[tuple[Node, bool, str, str]]) -> Iterable[dict[str, Any]]:
    """Every combination of the candidates of the fields chosen together, the vocabulary's
    contradictions left out. A compared field's candidates include where each comparison
    flips, given the candidates of the field it is compared with."""
    if not joint:
        yield {}
        return
    static = {v: _candidates(v, (n for n, _ in by_var.get(v, ()))) for v in joint}
    options = []
    for var in joint:
        points: list[float] = []
        for node, _, left, right in linked:
            for partner_value in static[right if var == left else left]:
                if not _is_number(partner_value):
                    continue
                flip = _flip(node, var == left, left, right, float(partner_value))
                if flip is not None:
                    points.append(flip)
        nodes = [n for n, _ in by_var.get(var, ())]
        options.append(_candidates(var, nodes, points) if points else static[var])
    for combo in itertools.product(*options):
        assign = dict(zip(joint, combo, strict=True))
        known = {p: v for p, v in assign.items() if p in VOCABULARY and v is not _ABSENT
                 and v != _OTHER}
        try:
            check_contradictions(known)
        except ObservationError:
            continue
        yield assign


def _flip(node: Node, mine: bool, left: str, right: str, partner: float) -> float | None:
    """Where ``left OP right-expression`` flips for one side, the other at ``partner``:
    the expression is linear in the other field (a scale and a shift), found by evaluating
    it at two points."""
    if mine:
        return _value(node.raw, {right: partner})
    at0, at1 = _value(node.raw, {right: 0.0}), _value(node.raw, {right: 1.0})
    if at0 is None or at1 is None or at1 == at0:
        return None
    return (partner - at0) / (at1 - at0)
