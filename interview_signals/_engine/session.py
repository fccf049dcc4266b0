"""``Session``: one interview followed over time, and its save format.

Neighbours: a ``Session`` keeps its observations (``_vocabulary.Observations``, the source of
truth) and asks its ``_engine.Engine`` for an assessment whenever asked; ``Engine.session()``
is a thin factory for it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import TracebackType
from typing import TYPE_CHECKING

from .._errors import InterviewSignalsError, ObservationError, Problem
from .._observations import (
    GROUP_CLASSES,
    GROUPS,
    VOCABULARY,
    Observations,
    Value,
    check_contradictions,
    describe,
    is_path,
    read_values,
)

if TYPE_CHECKING:
    from .._assessment import Assessment
    from .._consultation import Assessor, Consultation

SESSION_FORMAT = "interview-signals/session"
SESSION_VERSION = 1


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

    def __init__(self, engine: Assessor, observations: Observations | None = None) -> None:
        self._engine = engine
        self._observations = observations or Observations()
        self._closed = False

    @property
    def engine(self) -> Assessor:
        """The engine that assesses this session (an ``Engine``)."""
        return self._engine

    @property
    def observations(self) -> Observations:
        """Everything observed so far (the source of truth of the session)."""
        return self._observations

    def observe(self, observations: Mapping[str, object] | Observations | object) -> None:
        """Add or correct observations: a JSON-shaped mapping (``null`` forgets a field),
        ``Observations``, a group object such as ``ThankYou(note_sent=True)``, or a list of
        these (one batch).

        The batch is checked whole, merged with what the session holds, and the result
        checked for contradictions before anything changes; a contradiction with an earlier
        observation names the field of this batch and the earlier one.
        """
        self._check_open()
        new, forgotten = _batch(observations)
        merged = {p: v for p, v in self._observations.values().items() if p not in forgotten}
        merged.update(new)
        ordered = {p: merged[p] for p in VOCABULARY if p in merged}
        check_contradictions(ordered, new)
        self._observations = Observations.from_values(ordered)

    def forget(self, path: str) -> None:
        """Make a field (``group.field``) or a whole group unknown again."""
        self._check_open()
        if isinstance(path, str) and path in GROUPS:
            doomed = {p for p in VOCABULARY if p.startswith(path + ".")}
        elif is_path(path):
            doomed = {path}
        else:
            shown = path[:40] if isinstance(path, str) else "forget"
            raise ObservationError.of([Problem(
                path=shown, expected="a group or a group.field path of the vocabulary",
                got=describe(path))])
        values = self._observations.values()
        self._observations = Observations.from_values(
            {p: v for p, v in values.items() if p not in doomed})

    def assessment(self) -> Assessment:
        """The assessment of everything observed so far."""
        self._check_open()
        return self._engine.assess(self._observations)

    def consult(self, *, skipped: Iterable[str] = ()) -> Consultation:
        """The consultation of everything observed so far: the questions that matter next;
        ``skipped`` fields (answered "don't know") are not asked again."""
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


def _batch(observations: object) -> tuple[dict[str, Value], frozenset[str]]:
    """The known values and the forgotten (``null``) paths of one batch."""
    if isinstance(observations, list | tuple):  # several groups (or mappings): one batch
        values: dict[str, Value] = {}
        forgotten: set[str] = set()
        for item in observations:
            more, gone = _part(item)
            values.update(more)
            forgotten = (forgotten - set(more)) | gone
            for path in gone:
                values.pop(path, None)
        return values, frozenset(forgotten)
    return _part(observations)


def _part(observations: object) -> tuple[dict[str, Value], frozenset[str]]:
    """One part of a batch: ``Observations``, a group object or a JSON-shaped mapping."""
    if isinstance(observations, Observations):
        return observations.values(), frozenset()
    group = getattr(type(observations), "GROUP", None)
    if isinstance(group, str) and type(observations) is GROUP_CLASSES.get(group):
        return {f"{group}.{name}": v for name in GROUPS[group]
                if (v := getattr(observations, name)) is not None}, frozenset()
    values, nulls = read_values(observations)
    return values, frozenset(nulls)


def restore_observations(saved: object) -> Observations:
    """Read what ``Session.to_dict()`` wrote; reject anything else by name."""
    if not isinstance(saved, Mapping):
        raise _saved_problem("session", "a saved session object", describe(saved))
    try:
        keys = list(saved)
        fmt, version = saved.get("format"), saved.get("version")
        observations = saved.get("observations", {})
    except Exception as exc:  # a hostile mapping raised while being read
        raise _saved_problem("session", "a saved session object",
                             f"{describe(saved)} that raised {type(exc).__name__}") from exc
    if fmt != SESSION_FORMAT:
        raise _saved_problem("session.format", f'"{SESSION_FORMAT}"', describe(fmt))
    if type(version) is not int or version != SESSION_VERSION:  # True == 1 in Python
        raise _saved_problem("session.version", str(SESSION_VERSION), describe(version))
    extra = sorted(describe(k) if not isinstance(k, str) else k for k in keys
                   if k not in ("format", "version", "observations", "skipped"))
    if extra:
        raise _saved_problem("session", "format, version, observations and skipped",
                             f"unknown key {extra[0][:40]!r}")
    if not isinstance(observations, Mapping):
        raise _saved_problem("session.observations", "an object", describe(observations))
    saved_skipped(saved)
    return Observations.from_dict(observations)


def saved_skipped(saved: Mapping[str, object]) -> tuple[str, ...]:
    """The fields a saved consultation was told "I don't know" for (its optional
    ``skipped`` list, which ``interview-signals ask`` writes), checked."""
    skipped = saved.get("skipped", [])
    if not isinstance(skipped, list) or not all(is_path(p) for p in skipped):
        raise _saved_problem("session.skipped", "a list of field paths", describe(skipped))
    return tuple(skipped)


def _saved_problem(path: str, expected: str, got: str) -> ObservationError:
    return ObservationError.of([Problem(path=path, expected=expected, got=got)])
