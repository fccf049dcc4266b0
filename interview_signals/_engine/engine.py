"""``Engine``: the durable_rules boundary. The only module that calls the C engine.

Neighbours: ``_durable`` hands over the ruleset definitions and the facts to assert;
``_assessment`` scores the recorded firings (``Scorer``) and explains them (``Explainer``),
assembled here into an ``Assessment``; ``_consultation`` answers ``consult`` and ``what_if``.
A ``session.Session`` replays its observations through ``Engine.assess``: it comes from
``Engine.session()`` and knows its engine only as an ``Assessor``, so this module imports
it, never the reverse. What durable_rules does that one would not expect, and the guard for each,
is in docs/design.md; in short:

- No durable ``Host`` (its timer threads crash sessions and mix threads): the engine's C
  functions are driven directly, under one lock per ``Engine``, and a ruleset is created once
  from freshly compiled definitions, under a name the library makes, and primed with one
  action (deleting state before any action ran reads uninitialised memory).
- Engine state never outlives an assessment: the observations are asserted as one fact into
  the engine's one session, every derived fact is retracted afterwards (durable has no truth
  maintenance), and any failure deletes the session so the next assessment starts afresh.
- Every foreign exception becomes ``EngineError`` in one place (``_engine_errors``).
- ``close()`` (or dropping the last reference) deletes the ruleset, which durable never frees.
"""

from __future__ import annotations

import contextlib
import itertools
import threading
import uuid
import weakref
from collections.abc import Iterable, Iterator, Mapping
from os import PathLike
from types import TracebackType
from typing import Any, ClassVar

from attrs import frozen

from .._assessment import Assessment, Explainer, Scorer, WhatIfs
from .._consultation import (
    DEFAULT_SECONDS,
    Budget,
    Cancel,
    Consultant,
    Consultation,
    checked_cancel,
    checked_seconds,
    search_problems,
)
from .._durable import (
    CompiledRulebook,
    EngineRule,
    Fired,
    check_expansion,
    compile_rulebook,
    derived_fact_tail,
    encode_json,
    rulebook_limit_problems,
)
from .._durable import engine_module as durable
from .._errors import (
    ArgumentError,
    EngineError,
    InterviewSignalsError,
    RulebookError,
    RuleProblem,
)
from .._notes import NotesReader, NotesReading
from .._observations import Observations, Value, check_values, is_path
from .._quoting import describe
from .._rulebook import Rulebook, available_languages, flat_paths, load_rulebook, texts_of
from .._texts import Texts, match_language
from .session import Session, read_session

# Result codes of the engine's assert functions (durable/engine.py, Ruleset._handle_result).
_HANDLED, _NOT_HANDLED = 0, 1
# The priming rule and fact; "$" keeps the name apart from every rulebook rule name.
_PRIME = "$prime"
_PRIME_RULE = {"all": [{"p": {"$and": [{"kind": _PRIME}, {_PRIME: 1}]}}]}

Firings = list[tuple[str, bool]]
"""What a worker process sends back for one item: (engine rule name, asserted) in order."""


@contextlib.contextmanager
def _engine_errors(doing: str) -> Iterator[None]:
    """Map whatever the C engine (or an action) raises to ``EngineError``, chained."""
    try:
        yield
    except Exception as exc:  # the C extension raises its own untyped errors
        raise _mapped(exc, doing) from exc


def _mapped(exc: Exception, doing: str) -> InterviewSignalsError:
    """The library's error for ``exc``: itself when it is one, else an ``EngineError``.
    (The hot path of ``_replay`` calls this from a plain ``except``: a context manager
    there costs more than the rest of the error handling of an assessment.)"""
    if isinstance(exc, InterviewSignalsError):
        return exc
    return EngineError(f"{doing}: {exc!r}")


class Engine:
    """A rulebook compiled into one durable_rules ruleset; build once, share freely.

    Example::

        engine = Engine.default()
        result = engine.assess({"next_steps": {"invited_to_next_round": True}})
        print(result.verdict, result.confidence)

    An ``Engine`` is safe to share between threads (every engine call holds its lock) and
    holds no per-assessment state, so it never grows with use. ``close()`` it (or use it as a
    context manager) when done; it is also released when the last reference goes.

    Its texts are in one language (``language``); ``in_language("es")`` is the same engine
    speaking another (docs/translations.md).
    """

    _default: ClassVar[Engine | None] = None
    _default_lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, rulebook: Rulebook, *, search_seconds: float = DEFAULT_SECONDS,
                 language: str | None = None) -> None:
        """Compile ``rulebook`` into a ruleset of its own. ``search_seconds`` is the time
        a consultation step or a what-if may search unless the call says otherwise;
        ``language`` the language it speaks (the rulebook's own when None: the last a pack
        declared, else English).

        Raises:
            RulebookError: the rulebook would exceed one of durable_rules' limits (however
                it was built: from packs, or in Python with ``attrs.evolve``), or a shipped
                translation asked for does not fit it.
            ArgumentError: ``search_seconds`` is not a number of seconds above 0.
            InterviewSignalsError: no pack and no shipped translation speaks ``language``.
        """
        self.search_seconds = checked_seconds(search_seconds, "search_seconds")
        self._compiled: CompiledRulebook = _compiled_within_limits(rulebook)
        self.search_problems: tuple[RuleProblem, ...] = tuple(search_problems(rulebook))
        """Why a consultation or what-if of this rulebook is refused (the search's cost
        model, computed here; empty when they are not): assessing works either way."""
        self._scorer = Scorer(rulebook)
        self._explainer = Explainer(rulebook, texts_of(rulebook, _tag(language)))
        self._views: weakref.WeakValueDictionary[str, Engine] = weakref.WeakValueDictionary()
        """This engine in other languages, while in use (a view shares everything but the
        texts, and keeps this engine alive; held weakly here, so no cycle keeps either)."""
        self._origin: Engine | None = None
        self._encode_fact = self._compiled.fact_encoder()
        self._shared: dict[str, Any] = {}
        """What this engine's languages share, built on first use: the consultation search
        and the notes reader."""
        self._lock = threading.Lock()
        self._sids = itertools.count(2)
        self._state = _State(sid="1")  # the engine session every assessment uses
        # A ruleset name can never be registered twice in a process: make it unique.
        name = f"interview_signals_{uuid.uuid4().hex}"
        joined = self._compiled.joined_facts()
        self._actions = {name: _Action.of(r, joined)
                         for name, r in self._compiled.engine_rules.items()}
        definitions = self._compiled.definitions()
        definitions[_PRIME] = _PRIME_RULE
        with _engine_errors("the engine rejected the compiled rulebook"):
            self._handle = durable.create_ruleset(name, encode_json(definitions))
        self._release = weakref.finalize(self, _delete_ruleset, self._handle, self._state)
        with _engine_errors("the engine could not be primed"):
            self._prime()

    def _prime(self) -> None:
        """Run one action before any state is deleted (see the module docstring)."""
        sid = "0"
        _, state = durable.assert_fact(
            self._handle, encode_json({"sid": sid, "id": _PRIME, "kind": _PRIME, _PRIME: 1}))
        if not durable.start_action_for_state(self._handle, state):
            raise EngineError("the engine did not run the priming action")
        if durable.complete_and_start_action(self._handle, state):
            raise EngineError("the priming action started another action")
        durable.delete_state(self._handle, sid)

    @classmethod
    def default(cls) -> Engine:
        """The engine of the packaged rulebook, built on first use and then reused."""
        with cls._default_lock:
            if cls._default is None:
                cls._default = cls(load_rulebook())
            return cls._default

    @classmethod
    def from_paths(cls, *paths: str | PathLike[str] | Iterable[str | PathLike[str]],
                   include_default: bool = True,
                   search_seconds: float = DEFAULT_SECONDS,
                   language: str | None = None) -> Engine:
        """An engine of the default rulebook plus the given packs (files or folders),
        speaking ``language`` (None: the last language a pack declares, else English).

        ``Engine.from_paths("a.toml", "b/")`` and ``Engine.from_paths(["a.toml", "b/"])``
        are the same: later packs win.

        Raises:
            RulebookError: listing every problem of every pack.
        """
        return cls(load_rulebook(*flat_paths(paths), include_default=include_default),
                   search_seconds=search_seconds, language=language)

    @property
    def language(self) -> str:
        """The language this engine's texts are in (a BCP 47 tag)."""
        return self._explainer.texts.tag

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages this engine can speak: English, its packs' and the shipped ones."""
        return tuple(available_languages(self.rulebook))

    @property
    def texts(self) -> Texts:
        """Every text of the rulebook and the vocabulary in this engine's language."""
        return self._explainer.texts

    def in_language(self, language: str) -> Engine:
        """This engine speaking ``language``: the same compiled rulebook, lock and
        consultation search, other texts (built on first use, then kept).

        Raises:
            ArgumentError: ``language`` is not a language tag this engine can speak.
            RulebookError: the shipped translation does not fit this engine's rulebook.
        """
        tag = match_language(_tag(language) or "", self.languages)
        if tag is None:
            raise ArgumentError(f"language: expected one of {', '.join(self.languages)}, "
                                f"got {describe(language)}")
        origin = self._origin or self
        if tag == origin.language:
            return origin
        with origin._lock:
            view = origin._views.get(tag)
        if view is not None:
            return view
        view = object.__new__(Engine)
        view.__dict__.update(origin.__dict__)
        view._explainer = Explainer(self.rulebook, texts_of(self.rulebook, tag))
        view._origin = origin
        with origin._lock:
            return origin._views.setdefault(tag, view)

    @property
    def rulebook(self) -> Rulebook:
        """The merged, checked rulebook this engine was built from."""
        return self._compiled.rulebook

    @property
    def compiled(self) -> CompiledRulebook:
        """The compiled rulebook: the engine's definitions and their rule table."""
        return self._compiled

    @property
    def closed(self) -> bool:
        """Whether ``close()`` released the engine."""
        return not self._release.alive

    def close(self) -> None:
        """Release the engine's ruleset (and so every language of it); any later use raises
        ``InterviewSignalsError``. Closing twice is fine; the default engine is never
        closed this way."""
        if (self._origin or self) is Engine._default:
            return
        with self._lock:
            self._release()

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def assess(self, observations: Mapping[str, object] | Observations) -> Assessment:
        """Assess one interview's observations.

        Raises:
            ObservationError: the observations do not fit the vocabulary.
        """
        values = observations.values() if isinstance(observations, Observations) else \
            check_values(observations)
        return self._assessment(values, self._run(values))

    def firings(self, observations: Mapping[str, object] | Observations
                ) -> tuple[dict[str, Value], Firings]:
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
        return self._assessment(values, fired)

    def _assessment(self, values: Mapping[str, Value], fired: list[Fired]) -> Assessment:
        """The scores now, the explanation when first read."""
        ids = {rule.rule.id for rule, _ in fired}
        verdict, confidence, strengths = self._scorer.score(ids)
        band = self._scorer.band(confidence)
        return Assessment(verdict=verdict, confidence=confidence,
                          band=None if band is None else self._explainer.bands[band.id],
                          explanation=self._explainer.explain(values, fired, ids, strengths,
                                                              verdict, engine=self))

    def consult(self, observations: Mapping[str, object] | Observations, *,
                skipped: Iterable[str] = (), seconds: float | None = None,
                cancel: Cancel | None = None) -> Consultation:
        """The next questions that matter for these observations;
        ``skipped`` fields (answered "don't know") are not asked again.

        The search takes at most about ``seconds`` (the engine's ``search_seconds`` by
        default); past it the result says what it did not finish (``Consultation.search``).
        Setting ``cancel`` (a ``threading.Event``, say) from another thread stops the search
        within a few milliseconds with ``SearchCancelled``.

        Raises:
            ArgumentError: ``skipped`` is not a collection of vocabulary paths, ``seconds``
                not a number of seconds above 0, or ``cancel`` has no ``is_set()``.
            RulebookError: the rulebook is too large to search (``check-rules`` says why).
            SearchCancelled: ``cancel`` was set.
        """
        budget = self._budget(seconds, cancel)
        return self.consultant().consult(_checked(observations), _skipped(skipped), budget,
                                         speaker=self)

    def what_if(self, observations: Mapping[str, object] | Observations,
                target: str | None = None, *, limit: int = 10,
                include_fixed: bool = False, seconds: float | None = None,
                cancel: Cancel | None = None) -> WhatIfs:
        """The smallest sets of changes that reach a better verdict, or ``target`` or
        better; at most ``limit`` of them. ``seconds`` and ``cancel`` as for ``consult``
        (``WhatIfs.search`` and ``sizes_searched`` say how far a search cut short got).

        Raises:
            ArgumentError: ``limit`` is not a positive integer, ``target`` not a verdict
                id of this rulebook, or ``seconds`` or ``cancel`` is bad (as for
                ``consult``).
            RulebookError: the rulebook is too large to search.
            SearchCancelled: ``cancel`` was set.
        """
        if type(limit) is not int or limit < 1:
            raise ArgumentError(f"limit: expected a positive integer, got {describe(limit)}")
        verdicts = [v.id for v in self.rulebook.verdicts]
        if target is not None and (type(target) is not str or target not in verdicts):
            raise ArgumentError(f"target: expected one of {', '.join(verdicts)} (or None for "
                                f"any better verdict), got {describe(target)}")
        budget = self._budget(seconds, cancel)
        return self.consultant().what_if(_checked(observations), target, limit,
                                         include_fixed, budget, speaker=self)

    def _budget(self, seconds: object, cancel: object) -> Budget:
        """The budget of one search call (its arguments checked)."""
        return Budget(self.search_seconds if seconds is None else checked_seconds(seconds),
                      checked_cancel(cancel))

    def consultant(self) -> Consultant:
        """The consultation search of this engine (shared by its languages), built on
        first use.

        Raises:
            RulebookError: the rulebook is too large to search (``search_problems``).
        """
        if self.search_problems:
            raise RulebookError(self.search_problems)
        with self._lock:
            consultant = self._shared.get("consultant")
            if consultant is None:
                consultant = self._shared["consultant"] = Consultant(self._origin or self)
            return consultant

    def read_notes(self, text: str) -> NotesReading:
        """Read a note in the candidate's own words with this rulebook's ``[notes]`` tables:
        what it proposes to record (stated or unsure, each with its words and its reason, in
        this engine's language) and the observations it states.

        Example::

            reading = Engine.default().read_notes("45 min slot, ran to an hour. No tour.")
            print(reading.observations)   # {"interview": {...}, "tour": {"office_tour": False}}

        Raises:
            ArgumentError: ``text`` is not a string, or longer than 1 MiB.
        """
        reader = self._shared.get("notes")
        if reader is None:
            with self._lock:
                reader = self._shared.get("notes")
                if reader is None:
                    reader = self._shared["notes"] = NotesReader(self.rulebook.notes)
        return reader.read(text, self.texts)

    def session(self, saved: Mapping[str, object] | None = None) -> Session:
        """A new ``Session`` for one interview, or one restored from ``Session.to_dict()``
        (its observations and skipped fields).

        Raises:
            ObservationError: ``saved`` is not a saved session; every problem is listed,
                each by its path in the file (``session.skipped[2]``).
        """
        if saved is None:
            return Session(self)
        observations, skipped = read_session(saved)
        return Session(self, observations, skipped)

    def _run(self, values: Mapping[str, Value]) -> list[Fired]:
        body = self._encode_fact(values)
        with self._lock:
            if not self._release.alive:
                raise InterviewSignalsError("this engine is closed")
            return self._replay(body)

    def _replay(self, body: str) -> list[Fired]:
        """Assert the observation fact, run every action, then empty the session again.

        Returns the firings in order as (engine rule, whether it asserted its conclusion).
        """
        handle, sid = self._handle, self._state.sid
        fired: list[Fired] = []
        asserted: list[str] = []  # every fact this assessment put into the session
        emptied = False
        try:
            fact = f'{{"sid":"{sid}",{body}'
            code, state = durable.assert_fact(handle, fact)
            if code == _NOT_HANDLED:
                emptied = True  # no rule matched and the engine stored nothing
                return fired
            if code != _HANDLED:
                raise EngineError(f"the engine did not take the observation fact "
                                  f"(code {code})")
            self._state.live = True
            asserted.append(fact)
            result = durable.start_action_for_state(handle, state)
            if result:
                self._act_all(result[1], state, self._actions, asserted, fired)
            emptied = self._retract(asserted)
        except Exception as exc:
            raise _mapped(exc, "the engine failed, or a rule action failed") from exc
        finally:
            if not emptied:
                self._drop_session()
        return fired

    def _act_all(self, message: str | None, state: object, actions: Mapping[str, _Action],
                 asserted: list[str], fired: list[Fired]) -> None:
        """Run every action the engine starts, one after the other: record the firing,
        assert its conclusion if new and joined. On any failure the action in progress is
        abandoned, so the engine is never left waiting for it."""
        handle, assert_fact, complete = self._handle, durable.assert_fact, \
            durable.complete_and_start_action
        head = f'{{"sid":"{self._state.sid}",'
        concluded: set[tuple[str, str]] = set()
        try:
            while message:
                # The message is {"<engine rule name>": {matched facts}}; the names are ours
                # and need no unescaping, and the only observation fact is the one built
                # from the values, so nothing else of the message needs parsing.
                action = actions[message[2:message.index('"', 2)]]
                new = action.concludes not in concluded
                # A conclusion reached again by another branch is recorded, not asserted
                # twice; a fact no rule joins is not asserted at all.
                if new:
                    concluded.add(action.concludes)
                    if action.fact_tail is not None:
                        derived = head + action.fact_tail
                        code, _ = assert_fact(handle, derived)
                        if code == _HANDLED:
                            asserted.append(derived)
                        elif code != _NOT_HANDLED:
                            raise EngineError(f"the engine refused {action.concludes} "
                                              f"(code {code})")
                fired.append((action.rule, new))
                message = complete(handle, state)
        except BaseException:
            durable.abandon_action(handle, state)
            raise

    def _retract(self, facts: list[str]) -> bool:
        """Take ``facts`` out of the session, newest first; True when the engine confirms
        each one (anything else and the session is dropped rather than trusted)."""
        for fact in reversed(facts):
            code, _ = durable.retract_fact(self._handle, fact)
            if code != _HANDLED:
                return False
        return True

    def _drop_session(self) -> None:
        """Delete the engine session and use a new id for the next one: the way out when
        an assessment failed half-way and its facts cannot be trusted to be gone."""
        state = self._state
        try:
            if state.live:
                with _engine_errors("the engine failed to delete a session"):
                    durable.delete_state(self._handle, state.sid)
        finally:
            state.sid, state.live = str(next(self._sids)), False


class _State:
    """The engine session assessments use: its id, and whether the engine holds its state
    (deleting a state that does not exist is an error)."""

    __slots__ = ("live", "sid")

    def __init__(self, sid: str) -> None:
        self.sid, self.live = sid, False


def _delete_ruleset(handle: object, state: _State) -> None:
    """Free a ruleset's memory in the C engine, which durable never does on its own: the
    session's state first (``delete_ruleset`` leaves live states behind), then the ruleset."""
    with contextlib.suppress(Exception):  # at interpreter exit the module may be half gone
        if state.live:
            durable.delete_state(handle, state.sid)
            state.live = False
        durable.delete_ruleset(handle)


@frozen
class _Action:
    """What the action of one engine rule does: record the firing, assert its conclusion."""

    rule: EngineRule
    concludes: tuple[str, str]
    fact_tail: str | None
    """The derived fact's JSON after its sid, or None when no rule joins that fact: the
    engine would not store it (not handled), so asserting it would only cost time."""

    @classmethod
    def of(cls, engine_rule: EngineRule, joined: frozenset[tuple[str, str]]) -> _Action:
        ref = engine_rule.concludes
        return cls(rule=engine_rule, concludes=ref,
                   fact_tail=derived_fact_tail(*ref) if ref in joined else None)


def _compiled_within_limits(rulebook: Rulebook) -> CompiledRulebook:
    """``rulebook`` compiled, once it is known to stay within every engine limit (a pack past
    one can hang the engine or make it fire wrongly: docs/engine-limits.md)."""
    if check_expansion(rulebook):  # before compiling, which would build 2^n engine rules
        raise RulebookError(rulebook_limit_problems(rulebook))
    compiled = compile_rulebook(rulebook)
    problems = rulebook_limit_problems(rulebook, compiled)
    if problems:
        raise RulebookError(problems)
    return compiled


def _tag(language: object) -> str | None:
    """A language tag as given, or None for the engine's own; anything else is an
    ``ArgumentError``."""
    if language is None:
        return None
    if not isinstance(language, str) or not language.strip():
        raise ArgumentError(f"language: expected a language tag such as \"es\", got "
                            f"{describe(language)}")
    return language.strip()


def _skipped(skipped: object) -> tuple[str, ...]:
    """The paths of ``skipped``, each a field of the vocabulary; a lone string (which
    would be read letter by letter) or anything else is an ``ArgumentError``."""
    if isinstance(skipped, str | bytes) or not isinstance(skipped, Iterable):
        raise ArgumentError(f"skipped: expected a list of field paths, got {describe(skipped)}")
    paths = tuple(skipped)
    for path in paths:
        if not is_path(path):
            raise ArgumentError(f"skipped: expected field paths such as "
                                f"thank_you.response_received, got {describe(path)}")
    return paths


def _checked(observations: Mapping[str, object] | Observations) -> dict[str, Value]:
    return observations.values() if isinstance(observations, Observations) else \
        check_values(observations)
