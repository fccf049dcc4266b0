"""``Session``: one interview followed over time, and its save format.

Neighbours: a ``Session`` keeps its observations (``_observations.Observations``, the source
of truth) and the fields answered "I don't know", and asks its engine (an ``Engine``, seen
through ``_consultation.Assessor``) for an assessment or a consultation whenever asked;
``Engine.session()`` is a thin factory for it. ``read_session`` is the one reader of the save
format, which ``_schema`` publishes as the ``session`` JSON Schema.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Final

from .._errors import InterviewSignalsError, ObservationError, Problem
from .._observations import (
    GROUP_CLASSES,
    GROUPS,
    VOCABULARY,
    Observations,
    Value,
    check_contradictions,
    is_path,
    read_values,
)
from .._quoting import describe, excerpt, quoted

if TYPE_CHECKING:
    from .._assessment import Assessment
    from .._consultation import Assessor, Cancel, Consultation

SESSION_FORMAT: Final = "interview-signals/session"
SESSION_VERSION: Final = 1
SESSION_KEYS: Final = ("format", "version", "observations", "skipped")
"""The keys of a saved session, in the order ``to_dict`` writes them; ``skipped`` may be
left out (files saved before it existed)."""


class Session:
    """One interview followed over time: observations in, an assessment whenever asked.

    Example::

        session = Engine.default().session()
        session.observe({"interview": {"scheduled_minutes": 45, "actual_minutes": 70}})
        session.skip("thank_you.response_received")   # "I don't know" (not yet)
        saved = session.to_dict()            # store it; days later:
        session = Engine.default().session(saved)
        session.observe({"thank_you": {"response_received": True}})  # un-skips it
        print(session.assessment().verdict)

    The observations are the source of truth; each ``assessment()`` replays them, so the
    order and the batches in which they arrived never matter. A rejected batch changes
    nothing. The fields answered "I don't know" (``skip``) are kept beside them, saved with
    them, and never asked again by ``consult()`` until answered or ``unskip``-ped. A
    ``Session`` belongs to one thread at a time.
    """

    def __init__(self, engine: Assessor, observations: Observations | None = None,
                 skipped: Iterable[str] = ()) -> None:
        self._engine = engine
        self._observations = observations or Observations()
        answered = self._observations.values()
        self._skipped = frozenset(_field(p, "skip") for p in skipped) - set(answered)
        self._closed = False

    @property
    def engine(self) -> Assessor:
        """The engine that assesses this session (an ``Engine``)."""
        return self._engine

    @property
    def observations(self) -> Observations:
        """Everything observed so far (the source of truth of the session)."""
        return self._observations

    @property
    def skipped(self) -> tuple[str, ...]:
        """The fields answered "I don't know", in vocabulary order: never known, and never
        asked again by ``consult()``."""
        return tuple(p for p in VOCABULARY if p in self._skipped)

    def observe(self, observations: Mapping[str, object] | Observations | object) -> None:
        """Add or correct observations: a JSON-shaped mapping (``null`` forgets a field),
        ``Observations``, a group object such as ``ThankYou(note_sent=True)``, or a list of
        these (one batch). A field answered is no longer skipped.

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
        self._skipped -= set(new)

    def forget(self, path: str) -> None:
        """Make a field (``group.field``) or a whole group unknown again (whether it is
        skipped does not change)."""
        self._check_open()
        if isinstance(path, str) and path in GROUPS:
            doomed = {p for p in VOCABULARY if p.startswith(path + ".")}
        else:
            doomed = {_field(path, "forget", "a group or a group.field path of the "
                             "vocabulary")}
        self._drop(doomed)

    def skip(self, path: str) -> None:
        """Mark a field (``group.field``) answered "I don't know": its value, if it had one,
        is forgotten, and ``consult()`` does not ask it again."""
        self._check_open()
        path = _field(path, "skip")
        self._drop({path})
        self._skipped |= {path}

    def unskip(self, path: str) -> None:
        """Make a skipped field one to ask again (nothing changes if it is not skipped)."""
        self._check_open()
        self._skipped -= {_field(path, "unskip")}

    def assessment(self) -> Assessment:
        """The assessment of everything observed so far."""
        self._check_open()
        return self._engine.assess(self._observations)

    def consult(self, *, seconds: float | None = None, cancel: Cancel | None = None
                ) -> Consultation:
        """The consultation of everything observed so far: the questions that matter next
        (the skipped fields are not asked), and the one to ask first; ``seconds`` and
        ``cancel`` as for ``Engine.consult``."""
        self._check_open()
        return self._engine.consult(self._observations, skipped=self.skipped,
                                    seconds=seconds, cancel=cancel)

    def to_dict(self) -> dict[str, object]:
        """The session as JSON-ready data (the ``session`` JSON Schema);
        ``engine.session(saved)`` picks it up again."""
        return {"format": SESSION_FORMAT, "version": SESSION_VERSION,
                "observations": self._observations.to_dict(), "skipped": list(self.skipped)}

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

    def _drop(self, doomed: set[str]) -> None:
        values = self._observations.values()
        if doomed & set(values):
            self._observations = Observations.from_values(
                {p: v for p, v in values.items() if p not in doomed})


def _field(path: object, call: str, expected: str = "a group.field path of the vocabulary"
           ) -> str:
    """``path`` when it is a field of the vocabulary, else an ``ObservationError``."""
    if is_path(path):
        return str(path)
    shown = excerpt(path, 40) if isinstance(path, str) else call
    raise ObservationError.of([Problem(path=shown, expected=expected, got=describe(path))])


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


def read_session(saved: object) -> tuple[Observations, tuple[str, ...]]:
    """The observations and the skipped fields of what ``Session.to_dict()`` wrote (the
    ``session`` JSON Schema): the one reader of the save format.

    Raises:
        ObservationError: listing every problem at once, each by its path in the file
            (``session.skipped[2]``; the observations' own by their field path).
    """
    if not isinstance(saved, Mapping):
        raise _problems([_problem("session", "a saved session object", describe(saved))])
    try:
        data = dict(saved)
    except Exception as exc:  # a hostile mapping raised while being read
        raise _problems([_problem("session", "a saved session object",
                                  f"{describe(saved)} that raised {type(exc).__name__}")]
                        ) from exc
    problems = _frame_problems(data)
    observations = Observations()
    raw = data.get("observations")
    if isinstance(raw, Mapping):
        try:
            observations = Observations.from_dict(raw)
        except ObservationError as exc:
            problems += exc.problems
    skipped = data.get("skipped", [])
    if not isinstance(skipped, list):
        problems.append(_problem("session.skipped", "a list of field paths",
                                 describe(skipped)))
        skipped = []
    problems += _skipped_problems(skipped, observations.values())
    if problems:
        raise _problems(problems)
    return observations, tuple(skipped)


def _frame_problems(data: Mapping[object, object]) -> list[Problem]:
    """The problems of a saved session's format, version, keys and observations' shape."""
    out: list[Problem] = []
    fmt, version = data.get("format"), data.get("version")
    if fmt != SESSION_FORMAT:
        out.append(_problem("session.format", f'"{SESSION_FORMAT}"', describe(fmt)))
    if type(version) is not int or version != SESSION_VERSION:  # True == 1 in Python
        out.append(_problem("session.version", str(SESSION_VERSION), describe(version)))
    for key in data:
        if key not in SESSION_KEYS:
            shown = quoted(key, 40) if isinstance(key, str) else describe(key)
            out.append(_problem("session", "only " + ", ".join(SESSION_KEYS[:-1]) + " and "
                                + SESSION_KEYS[-1], f"unknown key {shown}"))
    raw = data.get("observations")
    if not isinstance(raw, Mapping):
        out.append(_problem("session.observations", "an object of observation groups",
                            "nothing" if "observations" not in data else describe(raw)))
    return out


def _skipped_problems(skipped: list[object], answered: Mapping[str, Value]) -> list[Problem]:
    """Each entry of ``skipped`` that is not a field, is there twice, or is answered."""
    out: list[Problem] = []
    seen: set[str] = set()
    for i, path in enumerate(skipped):
        where = f"session.skipped[{i}]"
        if not is_path(path):
            out.append(_problem(where, "a field path such as thank_you.response_received",
                                describe(path)))
            continue
        if path in seen:
            out.append(_problem(where, "each field once", f"{path} again"))
        elif path in answered:
            out.append(_problem(where, "a field not answered in session.observations",
                                f"{path}, which is answered there"))
        seen.add(str(path))
    return out


def _problem(path: str, expected: str, got: str) -> Problem:
    return Problem(path=path, expected=expected, got=got)


def _problems(problems: list[Problem]) -> ObservationError:
    return ObservationError.of(problems)
