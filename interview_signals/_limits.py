"""The durable_rules engine's hard limits, each with its number and where it comes from,
and pure checks that find every one a compiled rulebook would exceed.

Neighbours: ``_compile`` makes the definitions checked here; the rule checker calls
``check_expansion`` on the rulebook before compiling and ``check_definitions`` on what the
compiler made, and maps engine rule names (``<rule id>#<branch>.<alternative>``) back to
files and rules. Every number below was found in durable-rules 2.0.28's C source
(``src/rules/``) and confirmed by building and assessing packs at the limit and one past it
(tests/test_limits.py); docs/engine-limits.md tells the story of each.

The engine's network, as far as these limits need it: every pattern of a rule (one fact,
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
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TypeAlias

from ._compile import compile_rulebook
from ._errors import RuleProblem
from ._rules import Rulebook

ALPHA_CHILDREN_MAX = 511
"""Distinct tests that may follow the same chain of earlier tests (one alpha node's
children). ``rete.c`` ``findAlpha``/``linkAlpha`` keep them in an open-addressed table of
``NEXT_BUCKET_LENGTH`` (512) entries whose probe loops stop only at an empty entry: with 512
children every assert that reaches the node loops forever (``events.c`` ``handleAlpha``),
and a 513th child makes ``findAlpha`` loop forever while the ruleset is built (ignoring
Ctrl-C). 511 leaves the one empty entry every probe needs."""

BETA_LINKS_MAX = 255
"""(rule, pattern) pairs whose pattern ends at the same alpha node: rules waiting on the
same derived fact, or on identical observation tests. ``linkAlpha`` appends them to a list
of ``BETA_LIST_LENGTH`` (256) entries that ``handleAlpha`` reads up to the first zero entry,
with no bound: with 256 entries the read runs into the next block of ``nextPool`` and fires
rules whose conditions do not hold (seen: a signal standing on a field nobody recorded); a
257th is written past the block (valgrind: invalid write) or refused with code 108,
depending on heap layout, and one rule silently never fires."""

MATCH_STACK_MAX = 64
"""Alpha nodes waiting on ``handleAlpha``'s stack (``events.c`` ``MAX_STACK_SIZE``): each
node that matches pushes every child test that holds for the fact, and one push too many
fails the assert with code 303. How many hold depends on the observed values, which a
rulebook check cannot know, so the check bounds the worst case over all values (see
``_stack_peak``): exact for tests on one field, a safety margin where several fields or
field-to-field comparisons could not all hold at once."""

JOIN_MAX = 16
"""Patterns (facts) one rule may join: the observation plus derived facts. ``state.c``
``setMessageInFrame`` keeps a rule's matched facts in a frame of ``MAX_MESSAGE_FRAMES``
(16) entries; the 17th fails the assert with code 304, in the middle of an assessment."""

ENGINE_RULES_MAX = 4095
"""Engine rules (rule branches and ``is_not`` alternatives) in one rulebook.
``rete.c`` ``createTree`` refuses the ruleset past ``MAX_ACTIONS`` (4096) with code 106;
the engine adds one rule of its own (the priming rule of ``_engine``), leaving 4095."""

IS_NOT_MAX = 11
"""``is_not`` tests in one branch: each doubles the branch (unknown, or known and
different), so 12 alone make 4096 engine rules, past ``ENGINE_RULES_MAX``; checked on the
rulebook before compiling, since 22 exhaust memory in the compiler itself."""

Problem: TypeAlias = tuple[str | None, str]
"""(engine rule name, or None for the rulebook as a whole; reason in plain words)."""

_OPERATORS = frozenset({"$lt", "$lte", "$gt", "$gte", "$neq", "$ex", "$nex", "$mt",
                        "$imt", "$iall", "$iany"})
_ORDER = ("$lt", "$lte", "$gt", "$gte")
_FRESH = object()
"""The value key of a test durable never shares (expressions, ``$m`` references, null)."""


def rulebook_limit_problems(book: Rulebook) -> list[RuleProblem]:
    """Every engine limit ``book`` would exceed, as problems naming file, line and rule:
    the expansion first (so the compiler never builds 2^n alternatives), then the compiled
    definitions."""
    found = check_expansion(book)
    if not found:
        found = check_definitions(compile_rulebook(book).definitions())
    rules = book.by_id()
    problems = []
    for name, reason in found:
        rule = rules.get(name.rsplit("#", 1)[0]) if name is not None else None
        if rule is None:
            problems.append(RuleProblem(file=book.files[-1] if book.files else "rulebook",
                                        rule_id=None, reason=f"engine limit: {reason}"))
        else:
            problems.append(RuleProblem(file=rule.file, rule_id=rule.id, line=rule.line,
                                        reason=f"engine limit: {reason}"))
    return problems


def check_expansion(book: Rulebook) -> list[Problem]:
    """Problems of ``is_not`` expansion and rule count, found before compiling (the
    compiler would build 2^n alternatives first). Names are rule ids, not engine names."""
    problems: list[Problem] = []
    total = 0
    for rule in book.rules:
        count = 0
        for branch in rule.branches:
            negated = sum(1 for t in branch if t.op == "is_not")
            if negated > IS_NOT_MAX:
                problems.append((rule.id, f"{negated} is_not tests in one branch: each "
                                 f"doubles the branch in the engine (2^{negated} engine "
                                 f"rules), and the engine holds at most {IS_NOT_MAX} "
                                 f"({ENGINE_RULES_MAX} engine rules in all)"))
            count += 2 ** min(negated, IS_NOT_MAX + 1)
        total += count
    if total > ENGINE_RULES_MAX and not problems:
        problems.append((None, _too_many_rules(total)))
    return problems


def _too_many_rules(total: int) -> str:
    return (f"the rulebook compiles to {total} engine rules (one per branch, doubled by each "
            f"is_not test), and the engine holds at most {ENGINE_RULES_MAX}")


def check_definitions(definitions: Mapping[str, Any]) -> list[Problem]:
    """Every engine limit the compiled ruleset ``definitions`` would exceed.

    ``definitions`` is what ``CompiledRulebook.definitions()`` returns: engine rule name
    -> ``{"all": [{name: pattern}, ...]}``. Runs in time linear in the size of the
    definitions (plus a sort per alpha node); docs/benchmarks.md gives its cost.
    """
    problems: list[Problem] = []
    if len(definitions) > ENGINE_RULES_MAX:
        problems.append((None, _too_many_rules(len(definitions))))
    network = _Network()
    for name, definition in definitions.items():
        problems += _check_rule(name, definition, network)
    problems += network.problems()
    return problems


def _check_rule(name: str, definition: Any, network: _Network) -> list[Problem]:
    patterns = definition.get("all") if isinstance(definition, Mapping) else None
    if not isinstance(patterns, list):
        return [(name, "not a rule the limit check knows (expected {'all': [...]})")]
    problems: list[Problem] = []
    if len(patterns) > JOIN_MAX:
        problems.append((name, f"joins {len(patterns)} facts (the observation and each "
                         f"derived fact it waits for), and the engine joins at most "
                         f"{JOIN_MAX} in one rule"))
    seen: set[tuple[tuple[str, str, Any], ...]] = set()
    bad: float | None = None
    for pattern in patterns:
        read = _pattern_tests(pattern)
        if isinstance(read, str):
            problems.append((name, read))
            continue
        expression, chain, known = read
        if bad is None:
            bad = _first_non_finite(known, chain)
        key = tuple(t if t[2] is not _FRESH else (t[0], t[1], repr(raw))
                    for t, raw in zip(known, chain, strict=True))
        if key in seen:
            problems.append((name, f"tests the same fact twice ({_describe(expression)}): "
                             "the engine never matches one fact twice in a rule, so the "
                             "rule never fires"))
        seen.add(key)
        network.add(name, known)
    if bad is not None:
        problems.append((name, f"the number {bad} is not finite: the engine cannot read "
                         "nan or infinity"))
    return problems


def _pattern_tests(pattern: Any) -> tuple[Any, list[Any], tuple[_Test, ...]] | str:
    """(expression, its chain of raw tests, the tests parsed), or why it cannot be read."""
    if not (isinstance(pattern, Mapping) and len(pattern) == 1):
        return "a pattern the limit check does not know"
    (expression,) = pattern.values()
    tests = expression.get("$and") if isinstance(expression, Mapping) else None
    chain = tests if isinstance(tests, list) else [expression]
    parsed = [_parse_test(t) for t in chain]
    if None in parsed:
        return "a test the limit check does not know"
    return expression, chain, tuple(t for t in parsed if t is not None)


def _first_non_finite(known: Sequence[_Test], chain: Sequence[Any]) -> float | None:
    """The first number of a pattern's tests that is not finite, if any."""
    for test, raw in zip(known, chain, strict=True):
        value = test[2]
        if value is _FRESH:  # an expression: its numbers are inside
            found = _non_finite(raw)
            if found is not None:
                return found
        elif value[0] == "double" and not math.isfinite(value[1]):
            return float(value[1])
    return None


def _non_finite(value: Any, depth: int = 0) -> float | None:
    """The first nan or infinity anywhere in ``value`` (definitions are shallow: the depth
    bound only keeps a hostile structure from recursing far)."""
    if isinstance(value, float):
        return None if math.isfinite(value) else value
    if isinstance(value, dict):
        items: Iterable[Any] = value.values()
    elif isinstance(value, list):
        items = value
    else:
        return None
    if depth > 32:
        return None
    for item in items:
        found = _non_finite(item, depth + 1)
        if found is not None:
            return found
    return None


_Test: TypeAlias = tuple[str, str, Any]
_JSON_TYPES = {bool: "bool", int: "int", float: "double", str: "str"}
"""(property, operator, value key) of one alpha test; the value key is ``_FRESH`` for a
test durable never shares, else (JSON type, value)."""


def _parse_test(test: Any) -> _Test | None:
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
    return _FRESH


def _describe(expression: Any) -> str:
    tests = expression.get("$and", [expression]) if isinstance(expression, Mapping) else []
    return ", ".join(json.dumps(t, default=repr) for t in tests)[:200]


class _Node:
    __slots__ = ("children", "links", "parent", "test")

    def __init__(self, test: _Test | None, parent: _Node | None) -> None:
        self.test = test
        self.parent = parent
        self.children: dict[object, _Node] = {}
        self.links: list[str] = []
        """Engine rule names whose pattern ends here, one per (rule, pattern)."""


class _Network:
    """The alpha network durable would build, with the rules that grew each node."""

    def __init__(self) -> None:
        self.root = _Node(None, None)
        self.overfull: dict[int, tuple[_Node, str]] = {}
        """Per node past ``ALPHA_CHILDREN_MAX``: the node and the rule that crossed it."""

    def add(self, name: str, tests: Sequence[_Test]) -> None:
        node = self.root
        for test in tests:
            key: object = test if test[2] is not _FRESH else object()
            child = node.children.get(key)
            if child is None:
                child = node.children[key] = _Node(test, node)
                if len(node.children) == ALPHA_CHILDREN_MAX + 1:
                    self.overfull[id(node)] = (node, name)
            node = child
        node.links.append(name)

    def problems(self) -> list[Problem]:
        problems: list[Problem] = []
        for node, name in self.overfull.values():
            problems.append((name, f"{len(node.children)} distinct tests follow "
                             f"{_where(node)}, and the engine's table there holds at most "
                             f"{ALPHA_CHILDREN_MAX} (past it, building or assessing never "
                             "returns)"))
        nodes = list(_walk(self.root))
        for node in nodes:
            if len(node.links) > BETA_LINKS_MAX:
                problems.append((node.links[BETA_LINKS_MAX], (
                    f"{len(node.links)} rules wait on the same test ({_where(node)}"
                    f"), and the engine links at most {BETA_LINKS_MAX} to one test (past "
                    "it, rules fire wrongly or never)")))
        if not self.overfull:
            peak, widest = _stack_peak(self.root)
            if peak > MATCH_STACK_MAX:
                problems.append((None, (
                    f"up to {peak} tests can hold at once on one path of the engine's "
                    f"matching (the widest: {len(widest.children)} tests after "
                    f"{_where(widest)}), and it keeps at most {MATCH_STACK_MAX} pending "
                    "(past it, an assessment fails): fewer distinct tests on the same "
                    "fields")))
        return problems


def _walk(root: _Node) -> Iterable[_Node]:
    stack = [root]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(node.children.values())


def _where(node: _Node) -> str:
    chain = []
    while node.test is not None:
        chain.append(node.test)
        node = node.parent  # type: ignore[assignment]  # a node with a test has a parent
    if not chain:
        return "the start of a pattern"
    shown = [_test_text(t) for t in reversed(chain)]
    return "the tests " + ", ".join(shown)[:300]


def _test_text(test: _Test) -> str:
    prop, op, value = test
    right = "(an expression)" if value is _FRESH else json.dumps(value[1])
    return f"{prop} {op.lstrip('$')} {right}"


def _stack_peak(root: _Node) -> tuple[int, _Node]:
    """The most nodes ``handleAlpha``'s stack can hold, over every possible fact, and the
    node whose children make the worst case.

    A node taken off the stack pushes the children that hold (``m`` of them at most) and
    then handles them one by one, the first taken off sitting on top of the others, so
    ``peak(node) = max(m, m - 1 + max(peak(child)))``. ``m`` is exact for the tests on one
    property (the most that one value satisfies at once) and summed over properties, as if
    every property could take its worst value together: that sum, and taking the deepest
    child as if it held alongside the others, are the margin the values leave unknown.
    """
    peaks: dict[int, tuple[int, _Node]] = {}
    for node in reversed(list(_walk(root))):  # children before their parents
        children = node.children.values()
        if not children:
            peaks[id(node)] = (0, node)
            continue
        matching = 1 if len(children) == 1 else \
            _most_holding([c.test for c in children if c.test is not None])
        deepest = max((peaks[id(c)] for c in children), key=lambda p: p[0])
        peaks[id(node)] = (matching - 1 + deepest[0], deepest[1]) \
            if deepest[0] > 1 else (matching, node)
    return peaks[id(root)]


def _most_holding(tests: Sequence[_Test]) -> int:
    """The most of ``tests`` (children of one node) that one fact can satisfy at once."""
    by_property: dict[str, list[tuple[str, Any]]] = {}
    for prop, op, value in tests:
        by_property.setdefault(prop, []).append((op, value))
    return sum(1 if len(group) == 1 else _most_on_one_property(group)
               for group in by_property.values())


def _most_on_one_property(group: list[tuple[str, Any]]) -> int:
    """Tests of one property: the most one value satisfies. Expressions, ``$ex`` and
    operators the library never writes always count. Literal tests can only change their
    count at a literal, so it is counted at every literal, between each two and beyond both
    ends, with sorted lists (linear-logarithmic: a table of hundreds stays fast)."""
    always = 0
    equal: Counter[tuple[str, object]] = Counter()
    unequal: Counter[tuple[str, object]] = Counter()
    order: dict[str, list[float]] = {op: [] for op in _ORDER}
    for op, value in group:
        if value is _FRESH or op not in (*_ORDER, "$eq", "$neq"):
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
    candidates.append(("none", _FRESH))
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
