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
from interview_signals._durable.compile import compile_rulebook, fact_key, unknown_key
from interview_signals._engine.engine import _PRIME, _PRIME_RULE

FactRef = tuple[str, str]


class _QuietHost(Host):  # type: ignore[misc]
    """durable's ``Host`` without its two self-re-arming timer threads."""

    def _run(self) -> None:
        pass


class Direct:
    """A rulebook run on durable_rules' Python host; ``derive`` returns the derived facts."""

    def __init__(self, book: Rulebook) -> None:
        compiled = compile_rulebook(book)
        consumed = compiled.joined_facts()
        definitions = compiled.definitions()
        self._derived: set[FactRef] = set()
        self._failed: list[BaseException] = []
        for name, rule in compiled.engine_rules.items():
            definitions[name]["run"] = self._action(rule.concludes, rule.concludes in consumed)
        # delete_state before any action has run reads uninitialised memory (see _engine):
        # one rule of its own, run once, primes the ruleset whatever the rulebook holds.
        definitions[_PRIME] = {**_PRIME_RULE, "run": lambda c: None}
        self._flagged = sorted(compiled.flagged)
        self._name = f"direct_{uuid.uuid4().hex}"
        self._host = _QuietHost({self._name: definitions})
        self._sids = itertools.count(1)
        self._host.assert_fact(self._name, {"sid": "0", "kind": _PRIME, _PRIME: 1})
        self._host.delete_state(self._name, "0")

    def _action(self, ref: FactRef, read_later: bool) -> Callable[[Any], None]:
        kind, rule_id = ref
        derived, failed = self._derived, self._failed

        def action(c: Any) -> None:
            try:
                if ref in derived:
                    return  # another branch reached it first
                derived.add(ref)
                if read_later:  # a fact no rule reads would not be stored (not handled)
                    c.assert_fact({"id": f"{kind}:{rule_id}", "kind": kind, kind: rule_id})
            except BaseException as exc:  # durable would swallow it: keep it for derive
                failed.append(exc)
                raise
        return action

    def derive(self, observations: Mapping[str, Mapping[str, object]]) -> set[FactRef]:
        """The derived facts (kind, rule id) the engine reaches from the observations.

        Raises:
            ValueError: a float the host would write with an exponent (``1e-05``), which
                durable's C parser cannot read (it crashes the process).
            RuntimeError: an action failed (durable itself would only note it in the state).
        """
        values = {f"{g}.{f}": v for g, fields in observations.items() for f, v in fields.items()}
        for path, value in values.items():
            if isinstance(value, float) and "e" in repr(value):
                raise ValueError(f"{path} = {value!r}: durable's host would write it with an "
                                 "exponent, which its C parser cannot read")
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
        if self._failed:
            error = self._failed[0]
            self._failed.clear()
            raise RuntimeError(f"an action failed in durable's host: {error!r}") from error
        return set(self._derived)
