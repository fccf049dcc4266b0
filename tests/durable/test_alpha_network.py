"""The model of durable_rules' alpha network (``interview_signals/_alpha_network.py``): tests
read into keys, nodes shared as the engine shares them, and the default rulebook's network
within the limits ``limits`` words with it (the matching stack: ``test_match_stack``)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interview_signals._durable.alpha_network import (
    FRESH,
    AlphaTest,
    Network,
    Node,
    most_on_one_property,
    parse_test,
    walk,
    where,
)
from interview_signals._durable.compile import compile_rulebook
from interview_signals._durable.limits import ALPHA_CHILDREN_MAX, BETA_LINKS_MAX, MATCH_STACK_MAX
from interview_signals._durable.match_stack import stack_peak
from interview_signals._rulebook.load import load_rulebook

KIND: AlphaTest = ("kind", "$eq", ("str", "observation"))


def gte(prop: str, value: int) -> AlphaTest:
    return (prop, "$gte", ("int", value))


def eq(prop: str, value: Any) -> AlphaTest:
    parsed = parse_test({prop: value})
    assert parsed is not None
    return parsed


def network_of(definitions: dict[str, Any], children_max: int = ALPHA_CHILDREN_MAX
               ) -> Network:
    """The network of compiled definitions, each pattern a chain of ``$and`` tests."""
    network = Network(children_max)
    for name, definition in definitions.items():
        for pattern in definition["all"]:
            (expression,) = pattern.values()
            tests = [parse_test(t) for t in expression["$and"]]
            network.add(name, [t for t in tests if t is not None])
    return network


# --- reading one test -----------------------------------------------------------------------


@pytest.mark.parametrize(("test", "read"), [
    ({"kind": "observation"}, ("kind", "$eq", ("str", "observation"))),
    ({"engaged": True}, ("engaged", "$eq", ("bool", True))),
    ({"minutes": 30}, ("minutes", "$eq", ("int", 30))),
    ({"minutes": 30.0}, ("minutes", "$eq", ("double", 30.0))),
    ({"$gte": {"hours": 24}}, ("hours", "$gte", ("int", 24))),
    ({"$neq": {"tone": "automatic"}}, ("tone", "$neq", ("str", "automatic"))),
    ({"$ex": {"tone": 1}}, ("tone", "$ex", ("int", 1))),
])
def test_a_test_is_read_into_property_operator_and_typed_value(test: Any,
                                                               read: AlphaTest) -> None:
    assert parse_test(test) == read


@pytest.mark.parametrize("test", [
    {"$gt": {"actual": {"$mul": {"$l": 1.2, "$r": {"$m": "scheduled"}}}}},
    {"$lt": {"actual": {"$m": "scheduled"}}},
    {"tone": None},
    {"tone": [1]},
])
def test_a_test_against_an_expression_or_a_non_literal_is_never_shared(test: Any) -> None:
    read = parse_test(test)
    assert read is not None
    assert read[2] is FRESH


@pytest.mark.parametrize("test", [
    {}, {"a": 1, "b": 2}, {"$gt": {"a": 1, "b": 2}}, {"$gt": 3}, {"$lt": {}}, [("a", 1)], 3,
    "a", None,
])
def test_anything_but_one_test_is_not_read(test: Any) -> None:
    assert parse_test(test) is None


def test_a_subclass_of_a_literal_type_is_keyed_by_its_json_type() -> None:
    class Minutes(int):
        pass

    assert eq("m", Minutes(30)) == eq("m", 30)


# --- sharing nodes --------------------------------------------------------------------------


def test_patterns_with_the_same_tests_share_their_nodes_and_each_links_once() -> None:
    network = Network(ALPHA_CHILDREN_MAX)
    network.add("a#1.1", [KIND, eq("engaged", True)])
    network.add("b#1.1", [KIND, eq("engaged", True)])
    network.add("c#1.1", [KIND, eq("nods", True)])
    (kind,) = network.root.children.values()
    assert kind.test == KIND
    assert kind.links == []
    assert [(n.test, n.links) for n in kind.children.values()] == [
        (eq("engaged", True), ["a#1.1", "b#1.1"]), (eq("nods", True), ["c#1.1"])]
    assert len(list(walk(network.root))) == 4


def test_a_whole_number_and_its_float_are_two_nodes() -> None:
    network = Network(ALPHA_CHILDREN_MAX)
    network.add("a", [KIND, eq("minutes", 30)])
    network.add("b", [KIND, eq("minutes", 30.0)])
    network.add("c", [KIND, eq("minutes", True)])
    network.add("d", [KIND, eq("minutes", 1)])
    (kind,) = network.root.children.values()
    assert len(kind.children) == 4


def test_a_test_against_an_expression_makes_a_new_node_every_time() -> None:
    expression = parse_test({"$lt": {"actual": {"$m": "scheduled"}}})
    assert expression is not None
    network = Network(ALPHA_CHILDREN_MAX)
    network.add("a", [KIND, expression])
    network.add("b", [KIND, expression])
    (kind,) = network.root.children.values()
    assert [n.links for n in kind.children.values()] == [["a"], ["b"]]


def test_walk_gives_every_node_each_before_its_children() -> None:
    network = Network(ALPHA_CHILDREN_MAX)
    network.add("a", [KIND, eq("x", 1), eq("y", 2)])
    network.add("b", [KIND, eq("x", 2)])
    nodes = list(walk(network.root))
    assert nodes[0] is network.root
    assert len(nodes) == 5
    for node in nodes[1:]:
        assert node.parent is not None
        assert nodes.index(node.parent) < nodes.index(node)


# --- the children a node may have ---------------------------------------------------------


def test_a_node_with_one_child_too_many_names_the_rule_that_added_it() -> None:
    network = Network(children_max=2)
    for i in range(4):
        network.add(f"r{i}", [KIND, eq("minutes", i)])
    ((node, name),) = network.overfull.values()
    assert node.test == KIND
    assert len(node.children) == 4
    assert name == "r2"


def test_the_engine_limit_on_children_is_reached_not_passed_at_511() -> None:
    network = Network(ALPHA_CHILDREN_MAX)
    for i in range(ALPHA_CHILDREN_MAX):
        network.add(f"r{i}", [KIND, eq("minutes", i)])
    assert network.overfull == {}
    network.add("one_more", [KIND, eq("minutes", -1)])
    assert [name for _, name in network.overfull.values()] == ["one_more"]


# --- a node in words ------------------------------------------------------------------------


def test_where_words_the_chain_of_tests_leading_to_a_node() -> None:
    network = Network(ALPHA_CHILDREN_MAX)
    expression = parse_test({"$lt": {"actual": {"$m": "scheduled"}}})
    assert expression is not None
    network.add("a", [KIND, gte("hours", 24), expression])
    nodes = list(walk(network.root))
    assert where(network.root) == "the start of a pattern"
    assert where(nodes[-1]) == ('the tests kind eq "observation", hours gte 24, '
                                "actual lt (an expression)")


def test_where_is_cut_at_300_characters() -> None:
    network = Network(ALPHA_CHILDREN_MAX)
    network.add("a", [eq(f"field_{i}", "x" * 20) for i in range(30)])
    deepest = list(walk(network.root))[-1]
    assert len(where(deepest)) == len("the tests ") + 300


def test_the_default_rulebook_network_is_shared_and_within_every_limit() -> None:
    definitions = compile_rulebook(load_rulebook()).definitions()
    network = network_of(definitions)
    nodes: list[Node] = list(walk(network.root))
    assert network.overfull == {}
    assert max(len(n.links) for n in nodes) <= BETA_LINKS_MAX
    assert stack_peak(network.root, MATCH_STACK_MAX)[0] <= MATCH_STACK_MAX
    # Every pattern starts with its fact's kind: a handful of kinds, shared by all.
    assert {n.test[0] for n in network.root.children.values() if n.test} == {"kind"}
    assert len(network.root.children) < 10
    assert sum(len(n.links) for n in nodes) == sum(len(d["all"]) for d in definitions.values())


# --- the most tests of one property one value satisfies ----------------------------------

_OPS = {"$lt": lambda x, v: x < v, "$lte": lambda x, v: x <= v, "$gt": lambda x, v: x > v,
        "$gte": lambda x, v: x >= v, "$eq": lambda x, v: x == v, "$neq": lambda x, v: x != v}


@given(tests=st.lists(st.tuples(st.sampled_from(sorted(_OPS)),
                                st.integers(-3, 3) | st.sampled_from([0.5, 1.0, -2.5])),
                      min_size=1, max_size=12))
def test_the_most_tests_one_value_holds_is_counted_exactly(
        tests: list[tuple[str, int | float]]) -> None:
    """On one field, the stack bound counts exactly what the worst value satisfies."""
    group = [(op, ("int" if isinstance(v, int) else "double", v)) for op, v in tests]
    values = [x / 4 for x in range(-20, 21)]  # every literal, between each two, and beyond
    brute = max(sum(1 for op, v in tests if _OPS[op](x, v)) for x in values)
    assert most_on_one_property(group) == brute


@pytest.mark.parametrize(("group", "most"), [
    ([("$eq", ("int", 1)), ("$eq", ("double", 1.0))], 2),  # 1 and 1.0 hold for the same value
    ([("$eq", ("str", "1")), ("$eq", ("int", 1))], 1),
    ([("$eq", ("bool", True)), ("$eq", ("int", 1))], 1),
    ([("$neq", ("str", "a")), ("$neq", ("str", "b")), ("$neq", ("str", "c"))], 3),
    ([("$eq", ("str", "a")), ("$neq", ("str", "a"))], 1),
    ([("$eq", ("str", "a")), ("$eq", ("str", "a")), ("$neq", ("str", "b"))], 3),
    ([("$lt", FRESH), ("$ex", ("int", 1)), ("$mt", ("str", "x")), ("$eq", ("int", 3))], 4),
    ([("$gte", ("str", "a")), ("$lt", ("int", 0))], 1),  # an order test on text never holds
])
def test_equal_unequal_and_unknown_tests_are_counted_as_the_engine_compares(
        group: list[tuple[str, Any]], most: int) -> None:
    assert most_on_one_property(group) == most
