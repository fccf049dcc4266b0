"""The order and batches in which observations arrive never change the assessment (SPEC
section 5), and a rejected batch changes nothing: a ``Session`` against a model dict."""

from __future__ import annotations

import itertools
import json
from collections.abc import Sequence

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)

from interview_signals import Engine, ObservationError, Observations, Session
from interview_signals._observations import GROUP_CLASSES
from tests.strategies import (
    GROUPS,
    VOCABULARY,
    Corruption,
    Flat,
    contradicting_values,
    contradictions,
    corruptions,
    nest,
    observation_values,
)

FORMS = ("mapping", "observations", "groups")
"""How a batch reaches ``Session.observe``: a JSON mapping, an ``Observations`` object, or
one attrs group object per group (one call each)."""


@st.composite
def batches(draw: st.DrawFn) -> Flat:
    """A small valid batch: a few fields, so that batches overlap and correct each other."""
    paths = draw(st.sets(st.sampled_from(VOCABULARY), max_size=5))
    return draw(observation_values(tuple(p for p in VOCABULARY if p in paths)))


def _in_order(values: Flat) -> Flat:
    return {p: values[p] for p in VOCABULARY if p in values}


def _group_objects(batch: Flat) -> list[object]:
    return [GROUP_CLASSES[group](**fields) for group, fields in nest(batch).items()]


def observe(session: Session, batch: Flat, form: str) -> None:
    """Hand ``batch`` to the session in one of ``FORMS``."""
    if form == "mapping":
        session.observe(nest(batch))
    elif form == "observations":
        session.observe(Observations.from_dict(nest(batch)))
    else:
        for group in _group_objects(batch):
            session.observe(group)


def _split(values: Flat, order: Sequence[str], cuts: set[int]) -> list[Flat]:
    bounds = [0, *sorted(cuts), len(order)]
    return [{p: values[p] for p in order[a:b]} for a, b in itertools.pairwise(bounds)]


class SessionAgainstModel(RuleBasedStateMachine):
    """A session fed batches, corrections, forgotten fields, bad batches and save/restore,
    checked after every step against a plain dict of what it should hold."""

    engine = Engine.default()

    def __init__(self) -> None:
        super().__init__()
        self.session = self.engine.session()
        self.model: Flat = {}
        self.rejected = 0

    @initialize(values=observation_values())
    def start_from_some_observations(self, values: Flat) -> None:
        self.session.observe(nest(values))
        self.model = dict(values)

    @rule(batch=batches(), form=st.sampled_from(FORMS))
    def observe_a_batch(self, batch: Flat, form: str) -> None:
        if form == "groups":
            # One call per group; contradictions never span groups, so each call stands alone.
            for group_batch in _per_group(batch):
                self._observe(group_batch, form)
        else:
            self._observe(batch, form)

    def _observe(self, batch: Flat, form: str) -> None:
        merged = {**self.model, **batch}
        if contradictions(merged):
            before = self.session.observations
            with pytest.raises(ObservationError):
                observe(self.session, batch, form)
            assert self.session.observations == before
            self.rejected += 1
        else:
            observe(self.session, batch, form)
            self.model = merged

    @rule(corruption=corruptions())
    def observe_a_bad_batch(self, corruption: Corruption) -> None:
        before = self.session.observations
        with pytest.raises(ObservationError) as caught:
            self.session.observe(corruption.observations)
        assert caught.value.path == corruption.path
        assert self.session.observations == before

    @rule(path=st.sampled_from(VOCABULARY + GROUPS))
    def forget(self, path: str) -> None:
        self.session.forget(path)
        self.model = {p: v for p, v in self.model.items()
                      if p != path and not p.startswith(path + ".")}

    @rule(path=st.sampled_from(["", "interview.", "thank_you.nothing", "tours", "tone"]))
    def forget_a_path_that_does_not_exist(self, path: str) -> None:
        before = self.session.observations
        with pytest.raises(ObservationError):
            self.session.forget(path)
        assert self.session.observations == before

    @precondition(lambda self: bool(self.model))
    @rule()
    def save_and_restore(self) -> None:
        saved = json.loads(json.dumps(self.session.to_dict()))
        self.session.close()
        self.session = self.engine.session(saved)

    @invariant()
    def holds_what_the_model_holds(self) -> None:
        assert self.session.observations.values() == _in_order(self.model)
        assert self.session.to_dict()["observations"] == nest(_in_order(self.model))

    @invariant()
    def is_assessed_as_the_model_is(self) -> None:
        expected = self.engine.assess(nest(self.model)).to_dict()
        assert self.session.assessment().to_dict() == expected


def _per_group(batch: Flat) -> list[Flat]:
    groups: dict[str, Flat] = {}
    for path, value in batch.items():
        groups.setdefault(path.split(".", 1)[0], {})[path] = value
    return list(groups.values())


SessionAgainstModel.TestCase.settings = settings(
    settings(), stateful_step_count=15)
TestASessionAgreesWithItsModelAtEveryStep = SessionAgainstModel.TestCase


@given(values=observation_values(), data=st.data())
@example(values={"thank_you.note_sent": True, "thank_you.response_received": True,
                 "thank_you.response_hours": 1e-05, "thank_you.tone": "warm"},
         data=None)
def test_observations_in_any_batches_and_order_give_one_assessment(
        pack_engine: Engine, values: Flat, data: st.DataObject | None) -> None:
    """The order in which observations arrive never changes the assessment: the same
    observations, shuffled and split into batches of any form, give the assessment of one
    batch, down to the trace."""
    order: Sequence[str] = list(reversed(values))
    cuts: set[int] = set(range(1, len(order)))
    form = "groups"
    if data is not None:
        order = data.draw(st.permutations(list(values)), label="order")
        cuts = data.draw(st.sets(st.integers(1, max(1, len(order) - 1))), label="cuts")
        form = data.draw(st.sampled_from(FORMS), label="form")
    session = pack_engine.session()
    for batch in _split(values, order, cuts):
        observe(session, batch, form)
    assert session.observations.values() == _in_order(values)
    assert session.assessment().to_dict() == pack_engine.assess(nest(values)).to_dict()


@given(case=contradicting_values(), data=st.data())
@example(case=({"thank_you.note_sent": False, "thank_you.response_hours": 0},
               ("thank_you.response_hours", "thank_you.note_sent")), data=None)
@example(case=({"thank_you.note_sent": True, "thank_you.references_specifics": True,
                "thank_you.tone": "automatic"},
               ("thank_you.references_specifics", "thank_you.tone")), data=None)
def test_a_batch_that_contradicts_the_session_is_rejected_and_changes_nothing(
        pack_engine: Engine, case: tuple[Flat, tuple[str, str]],
        data: st.DataObject | None) -> None:
    """A batch valid on its own but contradicting what the session holds (a reply when the
    session says no note was sent, a reply that refers to specifics when the session says it
    was automatic) is rejected whole, naming both fields."""
    values, (_, prerequisite) = case
    held = {prerequisite: values[prerequisite]}
    batch = {p: v for p, v in values.items() if p != prerequisite}
    assume(not contradictions(batch))
    session = pack_engine.session()
    session.observe(nest(held))
    before = session.assessment().to_dict()
    form = "mapping" if data is None else data.draw(st.sampled_from(FORMS[:2]), label="form")
    with pytest.raises(ObservationError) as caught:
        observe(session, batch, form)
    culprits = {d for d, p in contradictions({**held, **batch}) if p == prerequisite}
    assert caught.value.path in culprits
    assert prerequisite in str(caught.value)
    assert session.observations.values() == held
    assert session.assessment().to_dict() == before
