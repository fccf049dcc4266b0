"""The durable_rules engine's hard limits, each with its number and where it comes from,
and pure checks that find every one a compiled rulebook would exceed.

Neighbours: ``compile`` makes the definitions checked here; wherever a rulebook becomes an
engine (``_engine``: ``Engine(rulebook)``, and ``check-rules`` through ``read_packs``),
``check_expansion`` runs on the rulebook before compiling and ``rulebook_limit_problems`` on
what the compiler made, engine rule names (``<rule id>#<branch>.<alternative>``) mapped back
to files and rules. Every number below was found in durable-rules 2.0.28's C source
(``src/rules/``) and confirmed by building and assessing packs at the limit and one past it
(tests/durable/test_limits.py); docs/engine-limits.md tells the story of each.

How durable shares and links its alpha nodes is modelled in ``alpha_network``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TypeAlias

from .._errors import RuleProblem
from .._quoting import excerpt
from .._rulebook import Rulebook
from .alpha_network import FRESH, AlphaTest, Network, parse_test, walk, where
from .compile import CompiledRulebook, compile_rulebook
from .match_stack import stack_peak

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
node popped pushes every child test that holds for the fact, and a push onto a stack of 64
fails the assert with code 303. How many wait depends on the observed values and on the
order of the pushes; ``match_stack.stack_peak`` finds the most over every observation set
the library can send, exactly as ``handleAlpha`` pushes them."""

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


def rulebook_limit_problems(book: Rulebook, compiled: CompiledRulebook | None = None
                            ) -> list[RuleProblem]:
    """Every engine limit ``book`` would exceed, as problems naming file, line and rule:
    the expansion first (so the compiler never builds 2^n alternatives), then the compiled
    definitions (``compiled``, when the caller has compiled ``book`` already)."""
    found = check_expansion(book)
    if not found:
        found = check_definitions((compiled or compile_rulebook(book)).definitions())
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
    network = Network(ALPHA_CHILDREN_MAX)
    for name, definition in definitions.items():
        problems += _check_rule(name, definition, network)
    problems += _network_problems(network)
    return problems


def _network_problems(network: Network) -> list[Problem]:
    """The limits of the alpha network that ``network`` models: children per node, links
    per node, and the matching stack."""
    problems: list[Problem] = []
    for node, name in network.overfull.values():
        problems.append((name, f"{len(node.children)} distinct tests follow "
                         f"{where(node)}, and the engine's table there holds at most "
                         f"{ALPHA_CHILDREN_MAX} (past it, building or assessing never "
                         "returns)"))
    nodes = list(walk(network.root))
    for node in nodes:
        if len(node.links) > BETA_LINKS_MAX:
            problems.append((node.links[BETA_LINKS_MAX], (
                f"{len(node.links)} rules wait on the same test ({where(node)}"
                f"), and the engine links at most {BETA_LINKS_MAX} to one test (past "
                "it, rules fire wrongly or never)")))
    if not network.overfull:
        peak, widest = stack_peak(network.root, MATCH_STACK_MAX)
        if peak > MATCH_STACK_MAX:
            problems.append((None, (
                f"up to {peak} tests can hold at once on one path of the engine's "
                f"matching (for some observations: the widest, {len(widest.children)} "
                f"tests after {where(widest)}), and it keeps at most {MATCH_STACK_MAX} "
                "pending (past it, an assessment fails): fewer distinct tests on the "
                "same fields")))
    return problems


def _check_rule(name: str, definition: Any, network: Network) -> list[Problem]:
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
        key = tuple(t if t[2] is not FRESH else (t[0], t[1], repr(raw))
                    for t, raw in zip(known, chain, strict=True))
        if key in seen:
            problems.append((name, f"tests the same fact twice ({_describe(expression)}): "
                             "the engine never matches one fact twice in a rule, so the "
                             "rule never fires"))
        seen.add(key)
        network.add(name, known, chain)
    if bad is not None:
        problems.append((name, f"the number {bad} is not finite: the engine cannot read "
                         "nan or infinity"))
    return problems


def _pattern_tests(pattern: Any) -> tuple[Any, list[Any], tuple[AlphaTest, ...]] | str:
    """(expression, its chain of raw tests, the tests parsed), or why it cannot be read."""
    if not (isinstance(pattern, Mapping) and len(pattern) == 1):
        return "a pattern the limit check does not know"
    (expression,) = pattern.values()
    tests = expression.get("$and") if isinstance(expression, Mapping) else None
    chain = tests if isinstance(tests, list) else [expression]
    parsed = [parse_test(t) for t in chain]
    if None in parsed:
        return "a test the limit check does not know"
    return expression, chain, tuple(t for t in parsed if t is not None)


def _first_non_finite(known: Sequence[AlphaTest], chain: Sequence[Any]) -> float | None:
    """The first number of a pattern's tests that is not finite, if any."""
    for test, raw in zip(known, chain, strict=True):
        value = test[2]
        if value is FRESH:  # an expression: its numbers are inside
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


def _describe(expression: Any) -> str:
    tests = expression.get("$and", [expression]) if isinstance(expression, Mapping) else []
    return excerpt(", ".join(json.dumps(t, default=repr) for t in tests), 200)


