"""The cost model of the search, computed when a rulebook is compiled: what a consultation
or what-if must enumerate whatever its time budget, and the rulebooks refused for it.

Neighbours: ``Engine`` computes it once when it is built and refuses a consultation or a
what-if of a rulebook past it at once (assessing works whatever the size); ``check-rules``
reports it with the other problems of a pack. Everything else the search does runs under
its time budget (``budget``) and says what it did not finish.

What cannot be cut short is one enumeration of every field group: the search is built on
each group's completions (the answer classes of its fields, "don't know" included), and a
consultation that ran out of time answers from their scoring states. Its cost is counted in
units of about 0.1 microseconds on one core (one test of one rule on one completion; a
completion costs about 50 of them besides): ``completions * (tests + 50) * passes`` per
group, where ``passes`` is how often the rules of a group are gone over before nothing more
fires (2 when no conclusion feeds a rule placed before the rule that draws it).
"""

from __future__ import annotations

import math

from attrs import frozen

from ..._errors import RuleProblem
from ..._rulebook import Rulebook
from .evaluator import Evaluator
from .field_groups import FieldGroup, reads

MAX_GROUP_COMPLETIONS = 20_000
"""The most completions (answer classes, "don't know" included, of each field of one group
of fields that rules read together) the search enumerates for one group. The default
rulebook's largest group has 810; each more field multiplies the count (a pack chaining 12
yes/no fields into one group has 531,441)."""
MAX_SEARCH_WORK = 10_000_000
"""The most units (see the module) one enumeration of every field group may cost: about a
second on one core. The default rulebook costs about 280,000 (some 25 ms)."""
_PER_COMPLETION = 50


@frozen(kw_only=True)
class GroupCost:
    """What one enumeration of a field group costs."""

    paths: tuple[str, ...]
    rules: tuple[str, ...]
    completions: int
    work: int


def group_costs(ev: Evaluator) -> list[GroupCost]:
    """The cost of each field group of ``ev``'s rulebook."""
    out = []
    for group in ev.groups:
        completions = math.prod(len(ev.candidates(p, {})) + 1 for p in group.paths)
        tests = sum(len(b) + 1 for r in group.rules for b in r.branches)
        out.append(GroupCost(paths=group.paths, rules=tuple(r.id for r in group.rules),
                             completions=completions,
                             work=completions * (tests + _PER_COMPLETION) * passes(group)))
    return out


def passes(group: FieldGroup) -> int:
    """How many times at most ``fired`` goes over the group's rules: once more than the
    conclusions read by a rule placed before the rule that draws them, and once to see
    that nothing more fires."""
    position = {r.id: i for i, r in enumerate(group.rules)}
    back = sum(1 for i, r in enumerate(group.rules) for d in reads(r)
               if position.get(d, -1) >= i)
    return 2 + back


def search_problems(book: Rulebook, ev: Evaluator | None = None) -> list[RuleProblem]:
    """Why a consultation or what-if of ``book`` is refused (empty when it is not)."""
    costs = group_costs(ev or Evaluator(book))
    problems = []
    for cost in costs:
        if cost.completions > MAX_GROUP_COMPLETIONS:
            problems.append(_problem(book, (
                f"the rules {_listed(cost.rules)} read {len(cost.paths)} fields together, "
                f"{cost.completions:,} combinations of answers to search; a consultation or "
                f"what-if searches at most {MAX_GROUP_COMPLETIONS:,} per group of fields that "
                "rules read together (assessing works whatever the size): split the rules "
                "so that fewer fields are read by the same rules")))
    total = sum(c.work for c in costs)
    if not problems and total > MAX_SEARCH_WORK:
        worst = max(costs, key=lambda c: c.work)
        problems.append(_problem(book, (
            f"a consultation or what-if must go over every group of fields at least once, "
            f"which here costs {total:,} units of work (one rule test on one combination "
            f"of answers each), and at most {MAX_SEARCH_WORK:,} fit the time a search may "
            f"take (assessing works whatever the size); the costliest group, "
            f"{_listed(worst.paths)}, has {worst.completions:,} combinations of answers "
            f"for the rules {_listed(worst.rules)}: fewer rules, tests or distinct values "
            "on those fields")))
    return problems


def _listed(names: tuple[str, ...]) -> str:
    shown = ", ".join(names[:8])
    return shown + (f" and {len(names) - 8} more" if len(names) > 8 else "")


def _problem(book: Rulebook, reason: str) -> RuleProblem:
    return RuleProblem(file=book.files[-1] if book.files else "<rulebook>", rule_id=None,
                       reason=reason)
