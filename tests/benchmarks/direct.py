"""The issue's reference point: durable_rules used directly, through its own Python host.

The same rulebook, compiled by the library into the same ruleset definitions, driven the
way a durable_rules user would: a ``Host`` (minus its timer threads, which ENGINE-NOTES
shows crash sessions), one fresh session per assessment, the observation fact asserted in
one batch, every action a Python function that records its rule and asserts the derived
fact, and the session deleted afterwards. It returns the derived ids only: no scoring, no
validation, no explanation. Its cost on the machine at hand tells how fast that machine is
against the one the issue measured ("about 180-200 us"), so the library's rows compare.
"""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Callable, Mapping
from typing import Any

from durable.engine import Host, MessageNotHandledException  # type: ignore[import-untyped]

from interview_signals import Rulebook
from interview_signals._compile import compile_rulebook
from interview_signals._observations import fact_key, unknown_key

FactRef = tuple[str, str]


class _QuietHost(Host):  # type: ignore[misc]
    """durable's ``Host`` without its two self-re-arming timer threads."""

    def _run(self) -> None:
        pass


class Direct:
    """A rulebook run on durable_rules' Python host; ``derive`` returns the derived facts."""

    def __init__(self, book: Rulebook) -> None:
        compiled = compile_rulebook(book)
        consumed = {(k, i) for r in compiled.engine_rules.values() for _, k, i in r.facts}
        definitions = compiled.definitions()
        self._derived: set[FactRef] = set()
        for name, rule in compiled.engine_rules.items():
            definitions[name]["run"] = self._action(rule.concludes, rule.concludes in consumed)
        self._flagged = sorted(compiled.flagged)
        self._name = f"direct_{uuid.uuid4().hex}"
        self._host = _QuietHost({self._name: definitions})
        self._sids = itertools.count(1)
        # delete_state before any action has run reads uninitialised memory: run one first.
        self.derive({"tour": {"office_tour": True}})

    def _action(self, ref: FactRef, read_later: bool) -> Callable[[Any], None]:
        kind, rule_id = ref
        derived = self._derived

        def action(c: Any) -> None:
            if ref in derived:
                return  # another branch reached it first
            derived.add(ref)
            if read_later:  # a fact no rule reads would not be stored (not handled)
                c.assert_fact({"id": f"{kind}:{rule_id}", "kind": kind, kind: rule_id})
        return action

    def derive(self, observations: Mapping[str, Mapping[str, object]]) -> set[FactRef]:
        """The derived facts (kind, rule id) the engine reaches from the observations."""
        values = {f"{g}.{f}": v for g, fields in observations.items() for f, v in fields.items()}
        sid = str(next(self._sids))
        fact: dict[str, object] = {"sid": sid, "id": "observation", "kind": "observation"}
        fact.update({fact_key(p): v for p, v in values.items()})
        fact.update({unknown_key(p): True for p in self._flagged if p not in values})
        self._derived.clear()
        try:
            self._host.assert_facts(self._name, [fact])
        except MessageNotHandledException:
            pass  # no rule matched anything
        finally:
            self._host.delete_state(self._name, sid)
        return set(self._derived)
