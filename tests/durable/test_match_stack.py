"""``match_stack``: the most nodes durable's matching stack holds for the observation fact.

The model is checked against a plain simulation of ``events.c`` ``handleAlpha`` (pop a node,
push each child that holds, property by property in the fact's order, children of one
property in the order they were made) over every observation set of a grid of values; the
engine itself is checked at the true limit and one past it in ``test_limits``.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interview_signals._durable.alpha_network import FRESH, AlphaTest, Network, Node, parse_test
from interview_signals._durable.limits import ALPHA_CHILDREN_MAX, MATCH_STACK_MAX
from interview_signals._durable.match_stack import observations_of, stack_peak, worst_case
from interview_signals._observations.vocabulary import VOCABULARY
from tests.profiles import examples

KIND: Any = {"kind": "observation"}
FIELDS = ["interview.scheduled_minutes", "interview.actual_minutes",
          "body_language.engaged", "thank_you.tone"]
KEYS = {p: p.split(".", 1)[1] for p in FIELDS}


def network_of(patterns: list[list[Any]]) -> Network:
    network = Network(ALPHA_CHILDREN_MAX)
    for i, pattern in enumerate(patterns):
        parsed = [parse_test(t) for t in pattern]
        assert None not in parsed
        network.add(f"r{i}", [t for t in parsed if t is not None], pattern)
    return network


# -- a plain simulation of handleAlpha -----------------------------------------------------

def fact(values: Mapping[str, Any], flagged: set[str]) -> list[tuple[str, Any]]:
    """The observation fact's properties in order, as the library writes it."""
    out: list[tuple[str, Any]] = [("sid", "1"), ("id", "observation"), ("kind", "observation")]
    out += [(p.split(".", 1)[1], v) for p, v in values.items() if v is not None]
    out += [("unknown_" + p.split(".", 1)[1], True) for p in VOCABULARY
            if p in flagged and values.get(p) is None]
    return out


def _side(raw: Any, props: Mapping[str, Any]) -> float | None:
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return float(raw)
    ((op, inner),) = raw.items()
    if op == "$m":
        got = props.get(inner)
        return None if got is None else float(got)
    left, right = _side(inner["$l"], props), _side(inner["$r"], props)
    if left is None or right is None:
        return None
    return left * right if op == "$mul" else left + right


def matches(test: AlphaTest, raw: Any, value: Any, props: Mapping[str, Any]) -> bool:
    _, op, key = test
    if op == "$ex":
        return True
    right = _side(raw, props) if key is FRESH else key[1]
    if right is None:
        return False
    if op == "$eq":
        return bool((value == right and type(value) is type(right))
                    or (isinstance(value, int | float) and isinstance(right, int | float)
                        and not isinstance(value, bool) and not isinstance(right, bool)
                        and value == right))
    if op == "$neq":
        return not matches((test[0], "$eq", key), raw, value, props)
    if isinstance(value, bool | str) or isinstance(right, bool | str):
        return False
    return bool({"$lt": value < right, "$lte": value <= right, "$gt": value > right,
                 "$gte": value >= right}[op])


def simulate(root: Node, raws: dict[int, Any], props: list[tuple[str, Any]]) -> int:
    """The most entries handleAlpha's stack holds for one fact."""
    by_name = dict(props)
    stack, peak = [root], 1
    while stack:
        node = stack.pop()
        for prop, value in props:
            for child in node.children.values():
                assert child.test is not None
                if child.test[0] == prop and matches(child.test, raws.get(id(child)), value,
                                                     by_name):
                    stack.append(child)
                    peak = max(peak, len(stack))
    return peak


def grid(patterns: list[list[Any]], path: str) -> list[Any]:
    """Absent, and every value where some test on ``path`` can change (and beside it)."""
    spec = VOCABULARY[path]
    if spec.kind == "bool":
        return [None, True, False]
    if spec.kind == "choice":
        return [None, *spec.choices]
    points = {1, 1440, 2, 1439}
    for test in (t for p in patterns for t in p):
        for number in _numbers(test):
            points.update((int(number) - 1, int(number), int(number) + 1))
    return [None, *sorted(x for x in points if 1 <= x <= 1440)]


def _numbers(node: Any) -> list[float]:
    if isinstance(node, bool):
        return []
    if isinstance(node, int | float):
        return [float(node)]
    if isinstance(node, dict):
        return [x for v in node.values() for x in _numbers(v)]
    return []


def brute_peak(patterns: list[list[Any]]) -> int:
    network = network_of(patterns)
    raws: dict[int, Any] = {}
    for pattern in patterns:  # the raw right sides, found again by walking each pattern
        node = network.root
        for test in pattern:
            parsed = parse_test(test)
            assert parsed is not None
            if parsed[2] is FRESH:
                node = next(c for c in node.children.values() if c.raw is not None
                            and c.test == parsed and id(c) not in raws)
                raws[id(node)] = node.raw
            else:
                node = node.children[parsed]
    flagged = {p for p in FIELDS if any("unknown_" + KEYS[p] in t for pat in patterns
                                        for t in pat)}
    used = [p for p in FIELDS if any(KEYS[p] in str(t) for pat in patterns for t in pat)]
    best = 1 if network.root.children else 0
    for combo in itertools.product(*(grid(patterns, p) for p in used)):
        values = dict(zip(used, combo, strict=True))
        best = max(best, simulate(network.root, raws, fact(values, flagged)))
    return best


# -- random networks -------------------------------------------------------------------------

_TESTS = [
    {"$ex": {"actual_minutes": 1}}, {"$ex": {"scheduled_minutes": 1}},
    {"unknown_actual_minutes": True}, {"unknown_scheduled_minutes": True},
    {"engaged": True}, {"engaged": False}, {"tone": "warm"}, {"$neq": {"tone": "curt"}},
    {"$gte": {"actual_minutes": {"$m": "scheduled_minutes"}}},
    {"$lt": {"actual_minutes": {"$mul": {"$l": {"$m": "scheduled_minutes"}, "$r": 0.8}}}},
    {"$gte": {"actual_minutes": {"$add": {"$l": {"$m": "scheduled_minutes"}, "$r": 20}}}},
]
tests = st.one_of(
    st.sampled_from(_TESTS),
    st.builds(lambda op, field, n: {op: {field: n}},
              st.sampled_from(["$gte", "$lt", "$lte", "$gt"]),
              st.sampled_from(["actual_minutes", "scheduled_minutes"]),
              st.sampled_from([10, 30, 36, 60, 61])),
    st.builds(lambda field, n: {field: n},
              st.sampled_from(["actual_minutes", "scheduled_minutes"]),
              st.sampled_from([10, 30, 60])))
patterns = st.lists(st.lists(tests, min_size=1, max_size=3).map(lambda t: [KIND, *t]),
                    min_size=1, max_size=14)


@settings(max_examples=examples(60), deadline=None)
@given(patterns=patterns)
def test_the_model_is_the_simulation_at_its_worst_observation_set(
        patterns: list[list[Any]]) -> None:
    network = network_of(patterns)
    assert stack_peak(network.root, 0)[0] == brute_peak(patterns)


@settings(max_examples=examples(30), deadline=None)
@given(patterns=patterns)
def test_the_worst_observation_set_found_makes_the_peak(patterns: list[list[Any]]) -> None:
    network = network_of(patterns)
    peak, _, witness = worst_case(network.root, 0)
    if witness is None:
        return
    raws = {id(n): n.raw for n in _nodes(network.root) if n.raw is not None}
    flagged = {p for p in FIELDS if any("unknown_" + KEYS[p] in t for pat in patterns
                                        for t in pat)}
    values = observations_of(witness)
    assert simulate(network.root, raws, fact(dict(sorted(
        values.items(), key=lambda x: list(VOCABULARY).index(x[0]))), flagged)) == peak


def _nodes(root: Node) -> list[Node]:
    out, stack = [], [root]
    while stack:
        node = stack.pop()
        out.append(node)
        stack.extend(node.children.values())
    return out


# -- known shapes ------------------------------------------------------------------------------

def gte(field: str, n: int) -> dict[str, Any]:
    return {"$gte": {field: n}}


def chain(field: str, n: int) -> list[Any]:
    """A pattern as the compiler writes ``field >= n``: the kind, known, the order test."""
    return [KIND, {"$ex": {field: 1}}, gte(field, n)]


def test_an_empty_network_needs_no_stack() -> None:
    network = Network(ALPHA_CHILDREN_MAX)
    assert stack_peak(network.root, 0) == (0, network.root)


def test_tests_that_all_hold_fill_the_stack_one_each() -> None:
    network = network_of([chain("actual_minutes", n) for n in range(1, 65)])
    peak, node = stack_peak(network.root, 0)
    assert (peak, len(node.children)) == (64, 64)


def test_a_node_pushed_first_waits_below_its_siblings_subtrees_no_longer() -> None:
    """scheduled_minutes comes before actual_minutes in the fact: its node is pushed first,
    so while actual's 63 tests are pushed it waits below them (63 + 1 = 64); its own 64
    tests are pushed once actual's subtree is done, with nothing waiting (64). The old
    bound, which let the deepest child wait above all the others, said 65."""
    network = network_of([chain("scheduled_minutes", n) for n in range(1, 65)]
                         + [chain("actual_minutes", n) for n in range(1, 64)])
    assert stack_peak(network.root, 0)[0] == MATCH_STACK_MAX
    past = network_of([chain("scheduled_minutes", n) for n in range(1, 65)]
                      + [chain("actual_minutes", n) for n in range(1, 65)])
    assert stack_peak(past.root, 0)[0] == MATCH_STACK_MAX + 1


def test_a_flag_and_its_field_never_hold_together() -> None:
    """``unknown_actual_minutes`` is in the fact exactly when actual_minutes is not."""
    network = network_of([[KIND, {"unknown_actual_minutes": True}]]
                         + [[KIND, gte("actual_minutes", n)] for n in range(1, 5)])
    assert stack_peak(network.root, 0)[0] == 4


@pytest.mark.parametrize("limit", [0, MATCH_STACK_MAX])
def test_within_the_limit_a_cheap_bound_may_stand_in(limit: int) -> None:
    network = network_of([chain("actual_minutes", n) for n in range(1, 10)])
    assert stack_peak(network.root, limit)[0] >= 9
