"""``Engine`` and ``Session``: the only module that talks to durable_rules.

Neighbours: ``_compile`` hands over ruleset definitions and the table of engine rules;
``_scoring`` turns the recorded firings into an ``Assessment``. The guards of
ENGINE-NOTES.md all live here:

- No durable ``Host``: its two self-re-arming timer threads are what crash sessions and mix
  threads. The engine's C functions are driven directly (assert, start action, complete),
  so no thread is ever started and no state is serialised per action.
- One ruleset per ``Engine``, created once from freshly compiled definitions, under a name
  the library makes. Every call into the engine holds the engine's lock.
- Engine state never outlives an assessment: each assessment replays the observations as
  one fact into the engine's one session (a library-made id), and on the way out retracts
  every fact it asserted, so the session is empty again. Creating and deleting a session
  costs more than half of the engine's time (durable sets up ~8 KB of tables per beta
  node), so an emptied session is reused; any failure, or a retraction the engine does
  not confirm, deletes the session instead and the next assessment starts a fresh one.
  Durable keeps no truth maintenance, which is why every derived fact is retracted by
  hand; tests check the session is empty after every assessment and that results match a
  fresh session's on thousands of generated cases.
- Every value reaches the C parser as JSON the library wrote: no float with an exponent.
- An action that fails is abandoned and surfaces as ``EngineError``, never swallowed.
- Found here, not in ENGINE-NOTES: until one action has run in a ruleset, ``delete_state``
  reads uninitialised memory (valgrind: ``deleteStateNode``) and crashes the process
  depending on heap layout. Every new ruleset is primed with one action first.
"""

from __future__ import annotations

import itertools
import json
import math
import threading
import uuid
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from os import PathLike
from pathlib import Path
from types import TracebackType
from typing import ClassVar

import attrs
import durable_rules_engine as _durable
from attrs import frozen

from ._assessment import Assessment, Firing
from ._compile import CompiledRulebook, EngineRule, Fired, compile_rulebook
from ._consult import Consultant
from ._consult_types import Consultation, WhatIfs
from ._errors import (
    EngineError,
    InterviewSignalsError,
    ObservationError,
    RulebookError,
    RuleProblem,
)
from ._observations import (
    GROUP_CLASSES,
    VOCABULARY,
    Observations,
    Value,
    check_values,
    describe,
    fact_key,
    parse_values,
    unknown_key,
)
from ._rulebook import load_rulebook
from ._ruletypes import Rulebook
from ._scoring import Scorer, make_firing

# Result codes of the engine's assert functions (durable/engine.py, Ruleset._handle_result).
_HANDLED, _NOT_HANDLED, _ALREADY_OBSERVED = 0, 1, 2
# The priming rule and fact; "$" keeps the name apart from every rulebook rule name.
_PRIME = "$prime"
_PRIME_RULE = {"all": [{"p": {"$and": [{"kind": _PRIME}, {_PRIME: 1}]}}]}
SESSION_FORMAT = "interview-signals/session"
SESSION_VERSION = 1


def encode_json(value: object) -> str:
    """JSON the engine's C parser reads back faithfully: floats never carry an exponent."""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return "null"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise EngineError(f"a non-finite number {value!r} cannot reach the engine")
        text = repr(value)
        return format(Decimal(text), "f") if "e" in text or "E" in text else text
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, Mapping):
        return "{" + ",".join(f"{json.dumps(str(k))}:{encode_json(v)}"
                              for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ",".join(encode_json(v) for v in value) + "]"
    raise EngineError(f"cannot send a {type(value).__name__} to the engine")


class Engine:
    """A rulebook compiled into one durable_rules ruleset; build once, share freely.

    Example::

        engine = Engine.default()
        result = engine.assess({"next_steps": {"invited_to_next_round": True}})
        print(result.verdict, result.confidence)

    An ``Engine`` is safe to share between threads (every engine call holds its lock) and
    holds no per-assessment state, so it never grows with use.
    """

    _default: ClassVar[Engine | None] = None
    _default_lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, rulebook: Rulebook) -> None:
        self._compiled: CompiledRulebook = compile_rulebook(rulebook)
        self._scorer = Scorer(rulebook)
        self._scorer.engine = self  # type: ignore[attr-defined]  # Assessment.what_if
        self._consultant: Consultant | None = None
        self._encode_fact = _fact_encoder(self._compiled.flagged)
        self._lock = threading.Lock()
        self._sids = itertools.count(2)
        self._sid = "1"  # the engine session every assessment uses, emptied after each
        # A ruleset name can never be registered twice in a process: make it unique.
        self._name = f"interview_signals_{uuid.uuid4().hex}"
        consumed = self._compiled.read_facts()
        self._actions = {name: _Action.of(r, consumed)
                         for name, r in self._compiled.engine_rules.items()}
        definitions = self._compiled.definitions()
        definitions[_PRIME] = _PRIME_RULE
        try:
            self._handle = _durable.create_ruleset(self._name, encode_json(definitions))
            self._prime()
        except Exception as exc:  # the C extension raises its own untyped error
            raise EngineError(f"the engine rejected the compiled rulebook: {exc}") from exc

    def _prime(self) -> None:
        """Run one action before any state is deleted (see the module docstring)."""
        sid = "0"
        _, state = _durable.assert_fact(
            self._handle, encode_json({"sid": sid, "id": _PRIME, "kind": _PRIME, _PRIME: 1}))
        if not _durable.start_action_for_state(self._handle, state):
            raise EngineError("the engine did not run the priming action")
        if _durable.complete_and_start_action(self._handle, state):
            raise EngineError("the priming action started another action")
        _durable.delete_state(self._handle, sid)

    @classmethod
    def default(cls) -> Engine:
        """The engine of the packaged rulebook, built on first use and then reused."""
        with cls._default_lock:
            if cls._default is None:
                cls._default = cls(load_rulebook())
            return cls._default

    @classmethod
    def from_paths(cls, *paths: str | PathLike[str] | Iterable[str | PathLike[str]],
                   include_default: bool = True) -> Engine:
        """An engine of the default rulebook plus the given packs (files or folders).

        ``Engine.from_paths("a.toml", "b/")`` and ``Engine.from_paths(["a.toml", "b/"])``
        are the same: later packs win.

        Raises:
            RulebookError: listing every problem of every pack.
        """
        return cls(load_rulebook(*_flat_paths(paths), include_default=include_default))

    @property
    def rulebook(self) -> Rulebook:
        """The merged, checked rulebook this engine was built from."""
        return self._compiled.rulebook

    def assess(self, observations: Mapping[str, object] | Observations) -> Assessment:
        """Assess one interview's observations.

        Raises:
            ObservationError: the observations do not fit the vocabulary.
        """
        values = observations.values() if isinstance(observations, Observations) else \
            check_values(observations)
        return self._scorer.assess(values, self._run(values))

    def firings(self, observations: Mapping[str, object] | Observations
                ) -> tuple[dict[str, Value], list[tuple[str, bool]]]:
        """The known values and the firings as (engine rule name, asserted): what
        ``from_firings`` turns back into the assessment. Small and cheap to pickle, so
        worker processes send this rather than explanations."""
        values = observations.values() if isinstance(observations, Observations) else \
            check_values(observations)
        return values, [(rule.name, asserted) for rule, asserted in self._run(values)]

    def from_firings(self, values: Mapping[str, Value], firings: Iterable[tuple[str, bool]]
                     ) -> Assessment:
        """The assessment of ``firings()`` made by an engine of the same rulebook.

        Raises:
            EngineError: a firing names an engine rule this rulebook does not have.
        """
        rules = self._compiled.engine_rules
        try:
            fired = [(rules[name], asserted) for name, asserted in firings]
        except KeyError as exc:
            raise EngineError(f"no engine rule {exc} in this rulebook: the firings came "
                              "from another rulebook") from None
        return self._scorer.assess(values, fired)

    def consult(self, observations: Mapping[str, object] | Observations, *,
                skipped: Iterable[str] = ()) -> Consultation:
        """The next questions that matter for these observations (SPEC section 8);
        ``skipped`` fields (answered "don't know") are not asked again."""
        return self.consultant().consult(_checked(observations), skipped)

    def what_if(self, observations: Mapping[str, object] | Observations,
                target: str | None = None, *, limit: int = 10,
                include_fixed: bool = False) -> WhatIfs:
        """The smallest sets of changes that reach a better verdict, or ``target`` or
        better (SPEC section 8)."""
        return self.consultant().what_if(_checked(observations), target, limit,
                                         include_fixed)

    def consultant(self) -> Consultant:
        """The consultation search of this engine, built on first use."""
        with self._lock:
            if self._consultant is None:
                self._consultant = Consultant(self)
            return self._consultant

    def session(self, saved: Mapping[str, object] | None = None) -> Session:
        """A new ``Session`` for one interview, or one restored from ``Session.to_dict()``."""
        return Session(self, restore_observations(saved) if saved is not None else None)

    def run(self, obs: Observations) -> tuple[Firing, ...]:
        """Replay ``obs`` into the engine; return every firing in order."""
        values = obs.values()
        return tuple(make_firing(step, rule, asserted, values)
                     for step, (rule, asserted) in enumerate(self._run(values), 1))

    def _run(self, values: Mapping[str, Value]) -> list[Fired]:
        body = self._encode_fact(values)
        with self._lock:
            return self._replay(body)

    def _replay(self, body: str) -> list[Fired]:
        """Assert the observation fact, run every action, then empty the session again.

        Returns the firings in order as (engine rule, whether it asserted its conclusion).
        """
        handle, sid, actions = self._handle, self._sid, self._actions
        assert_fact, complete = _durable.assert_fact, _durable.complete_and_start_action
        fired: list[Fired] = []
        asserted: list[str] = []  # every fact this assessment put into the session
        emptied = False
        try:
            fact = f'{{"sid":"{sid}",{body}'
            try:
                code, state = assert_fact(handle, fact)
            except Exception as exc:  # the C extension raises its own untyped error
                raise EngineError(f"the engine rejected an observation fact: {exc}") from exc
            if code == _NOT_HANDLED:
                emptied = True  # no rule matched and the engine stored nothing
                return fired
            if code != _HANDLED:
                raise EngineError(f"the engine did not take the observation fact (code {code})")
            asserted.append(fact)
            concluded: set[tuple[str, str]] = set()
            result = _durable.start_action_for_state(handle, state)
            message = result[1] if result else None
            while message:
                try:
                    # The message is {"<engine rule name>": {matched facts}}; the names are
                    # ours and need no unescaping, and the only observation fact is the one
                    # built from the values, so nothing else of the message needs parsing.
                    action = actions[message[2:message.index('"', 2)]]
                    ref = action.concludes
                    new = ref not in concluded
                    # A conclusion reached again by another branch is recorded, not
                    # asserted twice; a fact no rule reads is not asserted at all.
                    if new:
                        concluded.add(ref)
                    if new and action.fact_tail is not None:
                        derived = f'{{"sid":"{sid}",{action.fact_tail}'
                        code, _ = assert_fact(handle, derived)
                        if code == _HANDLED:
                            asserted.append(derived)
                        elif code != _NOT_HANDLED:
                            raise EngineError(f"the engine refused {action.concludes} "
                                              f"(code {code})")
                    fired.append((action.rule, new))
                except Exception as exc:
                    _durable.abandon_action(handle, state)
                    raise EngineError(f"rule action failed at step {len(fired) + 1}: "
                                      f"{exc!r}") from exc
                message = complete(handle, state)
            emptied = self._retract(asserted)
        finally:
            if not emptied:
                self._drop_session()
        return fired

    def _retract(self, facts: list[str]) -> bool:
        """Take ``facts`` out of the session, newest first; True when the engine confirms
        each one (anything else and the session is dropped rather than trusted)."""
        handle = self._handle
        for fact in reversed(facts):
            code, _ = _durable.retract_fact(handle, fact)
            if code != _HANDLED:
                return False
        return True

    def _drop_session(self) -> None:
        """Delete the engine session and use a new id for the next one: the way out when
        an assessment failed half-way and its facts cannot be trusted to be gone."""
        try:
            _durable.delete_state(self._handle, self._sid)
        finally:
            self._sid = str(next(self._sids))


@frozen
class _Action:
    """What the action of one engine rule does: record the firing, assert its conclusion."""

    rule: EngineRule
    concludes: tuple[str, str]
    fact_tail: str | None
    """The derived fact's JSON after its sid, or None when no rule reads that fact: the
    engine would not store it (not handled), so asserting it would only cost time."""

    @classmethod
    def of(cls, engine_rule: EngineRule, consumed: frozenset[tuple[str, str]]) -> _Action:
        kind, rule_id = ref = engine_rule.concludes
        tail = encode_json({"id": f"{kind}:{rule_id}", "kind": kind, kind: rule_id}
                           )[1:] if ref in consumed else None
        return cls(rule=engine_rule, concludes=ref, fact_tail=tail)


_KEYS = {path: f'"{fact_key(path)}":' for path in VOCABULARY}
# Every "key":value pair a field with few possible values can put in the fact, written once.
_PAIRS: dict[str, dict[Value, str] | None] = {
    path: ({v: _KEYS[path] + encode_json(v) for v in (True, False)} if spec.kind == "bool"
           else {v: _KEYS[path] + encode_json(v) for v in spec.choices} if spec.kind == "choice"
           else None)
    for path, spec in VOCABULARY.items()}


def _fact_encoder(flagged: frozenset[str]) -> Callable[[Mapping[str, Value]], str]:
    """Encode the one observation fact as JSON without its leading ``{"sid":...,``: every
    known field under its ``fact_key``, and ``unknown_key: true`` for an unknown field
    that some rule tests as unknown (a positive test, never engine negation; no rule can
    tell the other flags apart). Built by hand because it runs on every assessment."""
    flags = tuple((path, f'"{unknown_key(path)}":true') for path in VOCABULARY
                  if path in flagged)
    head = '"id":"observation","kind":"observation"'
    # Per field, a function from its value to its "key":value pair: a lookup in the pairs
    # written once for a field with few values, else the key and the number written out.
    pair_of = {path: known.__getitem__ if known is not None else _number_pair(_KEYS[path])
               for path, known in _PAIRS.items()}

    def encode(values: Mapping[str, Value]) -> str:
        parts = [pair_of[p](v) for p, v in values.items()]
        for path, flag in flags:
            if path not in values:
                parts.append(flag)
        return f'{head},{",".join(parts)}}}' if parts else head + "}"

    return encode


def _number_pair(key: str) -> Callable[[Value], str]:
    return lambda value: key + (str(value) if type(value) is int else encode_json(value))


class Session:
    """One interview followed over time: observations in, an assessment whenever asked.

    Example::

        session = Engine.default().session()
        session.observe({"interview": {"scheduled_minutes": 45, "actual_minutes": 70}})
        session.observe({"thank_you": {"note_sent": True}})
        saved = session.to_dict()            # store it; days later:
        session = Engine.default().session(saved)
        session.observe({"thank_you": {"response_received": True}})
        print(session.assessment().verdict)

    The observations are the source of truth; each ``assessment()`` replays them, so the
    order and the batches in which they arrived never matter. A rejected batch changes
    nothing. A ``Session`` belongs to one thread at a time.
    """

    def __init__(self, engine: Engine, observations: Observations | None = None) -> None:
        self._engine = engine
        self._observations = observations or Observations()
        self._closed = False

    @property
    def observations(self) -> Observations:
        """Everything observed so far (the source of truth of the session)."""
        return self._observations

    def observe(self, observations: Mapping[str, object] | Observations | object) -> None:
        """Add or correct observations: a JSON-shaped mapping, ``Observations``, a group
        object such as ``ThankYou(note_sent=True)``, or a list of these (one batch).

        The batch is checked whole, merged with what the session holds, and the result
        checked for contradictions before anything changes.
        """
        self._check_open()
        new = _values_of(observations)
        merged = {**self._observations.values(), **new}
        self._observations = Observations.from_values(
            {p: merged[p] for p in VOCABULARY if p in merged})

    def forget(self, path: str) -> None:
        """Make a field (``group.field``) or a whole group unknown again."""
        self._check_open()
        if path in GROUP_CLASSES:
            doomed = {p for p in VOCABULARY if p.startswith(path + ".")}
        elif path in VOCABULARY:
            doomed = {path}
        else:
            raise ObservationError(str(path), "a group or a group.field path of the vocabulary",
                                   describe(path))
        values = self._observations.values()
        self._observations = Observations.from_values(
            {p: v for p, v in values.items() if p not in doomed})

    def assessment(self) -> Assessment:
        """The assessment of everything observed so far."""
        self._check_open()
        return self._engine.assess(self._observations)

    def consult(self, *, skipped: Iterable[str] = ()) -> Consultation:
        """The consultation of everything observed so far."""
        self._check_open()
        return self._engine.consult(self._observations, skipped=skipped)

    def to_dict(self) -> dict[str, object]:
        """The session as JSON-ready data; ``engine.session(saved)`` picks it up again."""
        return {"format": SESSION_FORMAT, "version": SESSION_VERSION,
                "observations": self._observations.to_dict()}

    def close(self) -> None:
        """End the session; later calls raise. It holds no engine state to release."""
        self._closed = True

    def __enter__(self) -> Session:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def _check_open(self) -> None:
        if self._closed:
            raise InterviewSignalsError("this session is closed")


def _checked(observations: Mapping[str, object] | Observations) -> dict[str, Value]:
    return observations.values() if isinstance(observations, Observations) else \
        check_values(observations)


def _flat_paths(paths: Iterable[object]) -> list[str | Path]:
    """Paths given one by one or as lists; anything else is a ``RulebookError``."""
    out: list[str | Path] = []
    for item in paths:
        if isinstance(item, str | PathLike):
            out.append(Path(item))
        elif isinstance(item, Iterable) and not isinstance(item, bytes | Mapping):
            out += _flat_paths(item)
        else:
            raise RulebookError([RuleProblem(
                file=repr(item), rule_id=None,
                reason=f"expected a rule pack path (a file or folder), got {describe(item)}")])
    return out


def _values_of(observations: object) -> dict[str, Value]:
    if isinstance(observations, Observations):
        return observations.values()
    if isinstance(observations, list | tuple):  # several groups (or mappings): one batch
        merged: dict[str, Value] = {}
        for item in observations:
            merged.update(_values_of(item))
        return merged
    group = getattr(type(observations), "GROUP", None)
    if isinstance(group, str) and isinstance(observations, GROUP_CLASSES.get(group, ())):
        return {f"{group}.{a.name}": v for a in attrs.fields(GROUP_CLASSES[group])
                if (v := getattr(observations, a.name)) is not None}
    return parse_values(observations)


def restore_observations(saved: Mapping[str, object]) -> Observations:
    """Read what ``Session.to_dict()`` wrote; reject anything else by name."""
    if not isinstance(saved, Mapping):
        raise ObservationError("session", "a saved session object", describe(saved))
    if saved.get("format") != SESSION_FORMAT:
        raise ObservationError("session.format", f'"{SESSION_FORMAT}"',
                               describe(saved.get("format")))
    version = saved.get("version")
    if type(version) is not int or version != SESSION_VERSION:  # True == 1 in Python
        raise ObservationError("session.version", str(SESSION_VERSION), describe(version))
    extra = set(saved) - {"format", "version", "observations"}
    if extra:
        raise ObservationError("session", "format, version and observations",
                               f"unknown key {sorted(extra)[0]!r}")
    observations = saved.get("observations", {})
    if not isinstance(observations, Mapping):
        raise ObservationError("session.observations", "an object", describe(observations))
    return Observations.from_dict(observations)
