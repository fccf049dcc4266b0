"""Consultation and what-if (SPEC section 8), checked against the engine by brute force.

The oracle is the engine itself: every completion of a partial observation set is
assessed by ``Engine.assess``. Full enumeration over every field is too slow (a number
field alone has 1440 values), so the brute force here is REDUCED in two ways, and says so:
at most four fields are left unknown (the others get values), and number fields range
over a fixed grid of values around every threshold the rulebooks use (``GRID``) rather
than over all their values.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from interview_signals import Engine, ObservationError, Observations, WhatIf
from interview_signals._observations.vocabulary import VOCABULARY, Value
from interview_signals._rulebook import frame_texts
from tests.profiles import examples
from tests.strategies import nest, observation_values

EN = frame_texts()
"""The English texts of the vocabulary and the frame."""

PACK = Path(__file__).resolve().parents[2] / "examples" / "packs" / "panel_coach"
GRID: dict[str, tuple[Value, ...]] = {
    "interview.scheduled_minutes": (1, 5, 20, 30, 45, 60, 1430, 1440),
    "interview.actual_minutes": (1, 9, 10, 11, 19, 20, 21, 30, 34, 35, 36, 40, 41, 50, 54,
                                 55, 56, 60, 70, 71, 1420, 1440),
    "interview.interviewer_count": (1, 2, 3, 4, 50),
    "thank_you.response_hours": (0, 1.5, 24, 24.5, 48, 48.5, 72, 72.5, 8760),
}
SMALL_PACK = """
[[rule]]
id = "slow_reply"
kind = "signal"
title = "A slow reply"
when = { all = [{ path = "thank_you.response_hours", op = ">", value = 72 }] }
effect = { strength = -0.2 }
explanation = "The reply took more than three days."
source = { sign = 7, title = "Your thank you note nets a response" }

[[rule]]
id = "big_panel_overran"
kind = "qualifier"
applies_to = "interview_ran_long"
when = { all = [
  { path = "interview.interviewer_count", op = ">=", value = 4 },
  { path = "interview.actual_minutes", op = ">=", other = "interview.scheduled_minutes", plus = 20 },
] }
effect = { discount = 0.5 }
explanation = "A big panel running late is common."
source = { sign = 5, title = "The interview goes long" }
"""  # noqa: E501  (a TOML inline table is one line)


def domain(path: str) -> tuple[Value, ...]:
    spec = VOCABULARY[path]
    if spec.kind == "bool":
        return (True, False)
    if spec.kind == "choice":
        return spec.choices
    return GRID[path]


def completions(values: Mapping[str, Value], unknown: tuple[str, ...]
                ) -> Iterator[dict[str, Value]]:
    """Every valid completion: each unknown field answered (or left unknown only when a
    prerequisite of it is false)."""
    for combo in itertools.product(*[(*domain(p), None) for p in unknown]):
        trial = {**values, **{p: v for p, v in zip(unknown, combo, strict=True)
                              if v is not None}}
        try:
            Observations.from_values(trial)
        except ObservationError:
            continue
        if all(v is not None or any(trial.get(q) is False for q in _prereqs(p))
               for p, v in zip(unknown, combo, strict=True)):
            yield trial


def _prereqs(path: str) -> tuple[str, ...]:
    from interview_signals._observations.vocabulary import prerequisites

    return prerequisites(path)


def brute_reachable(engine: Engine, values: Mapping[str, Value], unknown: tuple[str, ...]
                    ) -> set[str]:
    return {engine.assess(nest(c)).verdict for c in completions(values, unknown)}


def brute_relevant(engine: Engine, values: Mapping[str, Value], unknown: tuple[str, ...],
                   path: str) -> bool:
    others = tuple(p for p in unknown if p != path)
    for base in completions(values, others):
        seen = {engine.assess(nest({**base, path: v})).verdict
                for v in domain(path) if _valid({**base, path: v})}
        if len(seen) > 1:
            return True
    return False


def _valid(values: Mapping[str, Value]) -> bool:
    try:
        Observations.from_values(values)
    except ObservationError:
        return False
    return True


@st.composite
def partial(draw: st.DrawFn) -> tuple[dict[str, Value], tuple[str, ...]]:
    """Observations with every field known but at most four, which stay unknown."""
    values = draw(observation_values())
    for path in VOCABULARY:  # fill in the rest, from the grid, keeping them valid
        if path not in values:
            for v in domain(path):
                if _valid({**values, path: v}):
                    values[path] = v
                    break
    unknown = tuple(draw(st.lists(st.sampled_from(list(VOCABULARY)), min_size=1,
                                  max_size=4, unique=True)))
    return {p: v for p, v in values.items() if p not in unknown}, unknown


@functools.cache
def _panel_coach() -> Engine:
    """Built once: every example consults the same engine, as the default one does."""
    return Engine.from_paths(PACK)


ENGINES: dict[str, Callable[[], Engine]] = {"default": Engine.default,
                                            "panel_coach": _panel_coach}


@pytest.fixture(scope="module")
def small_pack(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    path = tmp_path_factory.mktemp("pack") / "small.toml"
    path.write_text(SMALL_PACK, encoding="utf-8")
    return Engine.from_paths(path)


def _assert_exact(engine: Engine, values: dict[str, Value], unknown: tuple[str, ...]) -> None:
    c = engine.consult(values and nest(values))
    assert set(c.reachable) == brute_reachable(engine, values, unknown)
    asked = {q.path for q in c.questions}
    for path in unknown:
        assert (path in asked) == brute_relevant(engine, values, unknown, path), path
    assert c.settled == (not asked)
    for q in c.questions:
        for answer in q.answers:
            if answer.value is None:
                continue
            others = tuple(p for p in unknown if p != q.path)
            expected = brute_reachable(engine, {**values, q.path: answer.value}, others)
            assert set(answer.reachable) == expected, (q.path, answer.value)
    assert c.assessment == engine.assess(values and nest(values))


@pytest.mark.parametrize("name", ENGINES)
@settings(max_examples=examples(12), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=partial())
def test_consultation_is_exact_by_brute_force(
        name: str, case: tuple[dict[str, Value], tuple[str, ...]]) -> None:
    _assert_exact(ENGINES[name](), *case)


@settings(max_examples=examples(12), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(case=partial())
def test_consultation_is_exact_on_a_generated_pack(
        small_pack: Engine, case: tuple[dict[str, Value], tuple[str, ...]]) -> None:
    _assert_exact(small_pack, *case)


@pytest.mark.parametrize("unknown", [
    ("interview.scheduled_minutes", "interview.actual_minutes"),
    ("interview.actual_minutes", "interview.interviewer_count"),
    ("thank_you.note_sent", "thank_you.response_received", "thank_you.tone"),
    ("thank_you.response_hours", "thank_you.tone", "thank_you.references_specifics"),
])
def test_two_field_comparisons_and_prerequisites_are_exact(unknown: tuple[str, ...]) -> None:
    values: dict[str, Value] = {"interest.asked_if_interested": True,
                                "interview.scheduled_minutes": 30, "tour.office_tour": True}
    _assert_exact(Engine.default(), _filled(values, unknown), unknown)


def _filled(values: dict[str, Value], unknown: tuple[str, ...]) -> dict[str, Value]:
    """Every field known but ``unknown``: the given values, then the first valid one."""
    out = {p: v for p, v in values.items() if p not in unknown}
    for path in VOCABULARY:
        if path not in out and path not in unknown:
            choices = sorted(domain(path), key=lambda v: v is not False)
            fits = [v for v in choices if _valid({**out, path: v})]
            if fits:  # none fits a dependent of a false prerequisite: it stays unknown
                out[path] = fits[0]
    return out


# -- what-if ------------------------------------------------------------------------------

def _reaches(engine: Engine, values: Mapping[str, Value], goal: set[str]) -> bool:
    return _valid(values) and engine.assess(nest(dict(values))).verdict in goal


def brute_minimal_field_sets(engine: Engine, values: dict[str, Value], goal: set[str],
                             fields: list[str]) -> set[frozenset[str]]:
    """Field sets of size 1 and 2 with some values that reach the goal minimally."""
    out: set[frozenset[str]] = set()
    for size in (1, 2):
        for chosen in itertools.combinations(fields, size):
            for combo in itertools.product(*[domain(p) for p in chosen]):
                changes = dict(zip(chosen, combo, strict=True))
                if any(values.get(p) == v for p, v in changes.items()):
                    continue
                if not _reaches(engine, {**values, **changes}, goal):
                    continue
                if size == 2 and any(_reaches(engine, {**values, p: v}, goal)
                                     for p, v in changes.items()):
                    continue
                out.add(frozenset(chosen))
                break
    return out


@settings(max_examples=examples(6), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(values=observation_values(), include_fixed=st.booleans())
# a pair (time set aside, length) where the length alone, with the pair's value, reaches
@example(values={"interview.scheduled_minutes": 1}, include_fixed=True)
def test_what_if_sets_are_minimal_and_none_is_missed(values: dict[str, Value],
                                                     include_fixed: bool) -> None:
    engine = Engine.default()
    result = engine.what_if(nest(values), limit=1000, include_fixed=include_fixed)
    goal = set(result.goal)
    for option in result:
        assert isinstance(option, WhatIf)
        changes = {c.path: c.value for c in option.changes}
        assert _reaches(engine, {**values, **changes}, goal)
        for size in range(len(changes)):
            for sub in itertools.combinations(changes, size):
                assert not _reaches(engine, {**values, **{p: changes[p] for p in sub}}, goal)
        for c in option.changes:
            assert c.kind == ("do" if VOCABULARY[c.path].can_act
                              else "had" if c.path in values else "find_out")
    allowed = [p for p in VOCABULARY if p not in values or VOCABULARY[p].can_act
               or include_fixed]
    expected = brute_minimal_field_sets(engine, values, goal, allowed)
    got = {frozenset(c.path for c in o.changes) for o in result if len(o.changes) <= 2}
    if result.possible and not any(len(o.changes) == 1 for o in result):
        assert expected == got
    else:
        assert {s for s in expected if len(s) == 1} == {s for s in got if len(s) == 1}
    if not result.possible:
        assert expected == set()


def test_an_unreachable_target_is_a_proven_result() -> None:
    values = {p: False for p, s in VOCABULARY.items() if s.kind == "bool"}
    values["thank_you.note_sent"] = True
    values = {p: v for p, v in values.items() if _valid({**values, p: v})}
    result = Engine.default().what_if(nest(values), "strong")
    assert (result.possible, list(result)) == (False, [])
    assert result.to_dict()["possible"] is False
    coach = Engine.default().what_if(nest(values), "strong", include_fixed=True)
    assert coach.possible
    assert coach[0].verdict == "strong"


def test_what_if_names_the_thank_you_note_as_something_to_do() -> None:
    values: dict[str, Value] = {p: False for p, s in VOCABULARY.items()
                                if s.kind == "bool" and not p.startswith("thank_you.")}
    values["thank_you.note_sent"] = False
    result = Engine.default().what_if(nest(values), limit=100)
    kinds = {(c.path, c.kind) for o in result for c in o.changes}
    assert ("thank_you.note_sent", "do") in kinds
    assert ("thank_you.response_received", "find_out") in kinds
    assert result.to_dict()["format"] == "interview-signals/what-if"


# -- the consultation as a process, and its principles -------------------------------------

@settings(max_examples=examples(12), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hidden=observation_values(), skips=st.sets(st.sampled_from(list(VOCABULARY))))
def test_a_consultation_ends_within_as_many_steps_as_fields(hidden: dict[str, Value],
                                                           skips: set[str]) -> None:
    engine = Engine.default()
    known: dict[str, Value] = {}
    skipped: set[str] = set()
    for _ in range(len(VOCABULARY) + 1):
        c = engine.consult(Observations.from_values(known), skipped=skipped)
        assert not {q.path for q in c.questions} & (set(known) | skipped)
        if not c.questions:
            break
        path = c.questions[0].path
        if path in hidden and path not in skips and _valid({**known, path: hidden[path]}):
            known[path] = hidden[path]
        else:
            skipped.add(path)
    else:
        pytest.fail("the consultation did not end")
    assert len(known) + len(skipped) <= len(VOCABULARY)
    if not skipped:
        assert c.settled
        assert c.reachable == (c.assessment.verdict,)


@settings(max_examples=examples(25), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(values=observation_values())
def test_no_question_is_known_or_unable_to_change_anything(values: dict[str, Value]) -> None:
    c = Engine.default().consult(nest(values))
    for q in c.questions:
        assert q.path not in values
        answers = [a.reachable for a in q.answers if a.value is not None]
        assert not (len(set(answers)) == 1 and len(answers[0]) == 1)
        assert q.answers[-1].value is None  # "don't know" is always offered, last
    if c.settled:
        assert len(c.reachable) == 1
        assert c.questions == ()


ABSENCE = [
    ("thank_you.response_received", False, {"thank_you.note_sent": True}),
    ("interview.actual_minutes", 20, {"interview.scheduled_minutes": 60}),
    ("job_specifics.overview_given", True, {"job_specifics.deep_dive": False}),
]


@pytest.mark.parametrize(("path", "value", "context"), ABSENCE)
@settings(max_examples=examples(8), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(values=observation_values())
def test_absence_never_lowers_the_reachable_verdicts(
        path: str, value: Value, context: dict[str, Value], values: dict[str, Value]) -> None:
    engine = Engine.default()
    base = {p: v for p, v in values.items() if p not in context and p != path
            and not p.startswith(path.split(".", maxsplit=1)[0])}
    base.update(context)
    if not _valid(base) or not _valid({**base, path: value}):
        return
    rank = {v.id: i for i, v in enumerate(engine.rulebook.verdicts)}
    before = engine.consult(nest(base))
    after = engine.consult(nest({**base, path: value}))
    assert rank[after.assessment.verdict] <= rank[before.assessment.verdict]
    assert max(rank[v] for v in after.reachable) <= max(rank[v] for v in before.reachable)


def test_a_settled_consultation_gives_a_sufficient_reason() -> None:
    c = Engine.default().consult({"next_steps": {"scheduled_on_the_spot": True},
                                  "tour": {"office_tour": True}})
    assert c.settled
    assert c.reachable == ("strong",)
    assert c.sufficient_reason == ("next_steps.scheduled_on_the_spot",)


def test_session_consult_and_assessment_what_if() -> None:
    engine = Engine.default()
    session = engine.session()
    session.observe({"tour": {"office_tour": True}})
    assert session.consult().assessment == session.assessment()
    first = session.consult().questions[0].path
    session.skip(first)
    assert first not in {q.path for q in session.consult().questions}
    options = session.assessment().what_if(limit=3)
    assert len(options) == 3
    from interview_signals import Assessment, InterviewSignalsError

    copy = Assessment.from_dict(session.assessment().to_dict())
    with pytest.raises(InterviewSignalsError, match="what_if needs"):
        copy.what_if()


@pytest.mark.parametrize("observations", [
    {"next_steps": {"invited_to_next_round": True}, "tour": {"office_tour": True},
     "interest": {"asked_if_interested": True}},
    {"interest": {"asked_if_interested": True, "asked_where_else_interviewing": True},
     "tour": {"introduced_to_people": True}, "job_specifics": {"deep_dive": True,
                                                              "you_would_language": True},
     "thank_you": {"note_sent": True, "response_received": True, "tone": "warm"}},
])
def test_the_sufficient_reason_is_a_smallest_forcing_set(observations: dict[str, Any]) -> None:
    engine = Engine.default()
    consultation = engine.consult(observations)
    reason = consultation.sufficient_reason
    if reason is None:  # not settled: nothing to explain yet
        assert not consultation.settled
        return
    values = Observations.from_dict(observations).values()
    consultant = engine.consultant()
    verdict = consultation.assessment.verdict
    assert consultant.proofs.forces_fields(values, reason, verdict)
    for size in range(len(reason)):
        for subset in itertools.combinations(values, size):
            assert not consultant.proofs.forces_fields(values, subset, verdict), subset


def _chain_pack(tmp_path: Path, count: int) -> Path:
    """One signal that reads ``count`` yes/no fields in overlapping pairs: one group of
    fields whose answers multiply (3 to the power ``count`` combinations)."""
    fields = [p for p, s in VOCABULARY.items() if s.kind == "bool"][:count]
    pairs = ", ".join(f'{{ all = [{{ path = "{a}" }}, {{ path = "{b}" }}] }}'
                      for a, b in itertools.pairwise(fields))
    pack = tmp_path / "chain.toml"
    pack.write_text(f'[[rule]]\nid = "chain"\nkind = "signal"\ntitle = "Chain"\n'
                    f'when = {{ any = [{pairs}] }}\neffect = {{ strength = 0.2 }}\n'
                    f'explanation = "e"\nsource = {{ sign = 1, title = "t" }}\n',
                    encoding="utf-8")
    return pack


def test_a_rulebook_too_large_to_search_is_refused_at_once_and_still_assesses(
        tmp_path: Path) -> None:
    """A pack that ties many fields into one group would take hours to search: the
    consultation and the what-if refuse it before enumerating anything."""
    from interview_signals import RulebookError

    with Engine.from_paths(_chain_pack(tmp_path, 12)) as engine:
        for search in (engine.consult, engine.what_if):
            with pytest.raises(RulebookError, match=r"read 1[0-9] fields together"):
                search({})
        assert engine.assess({"tour": {"office_tour": True}}).verdict


@pytest.mark.parametrize("skipped", [5, None, "tour.office_tour", ["nope"], [3]])
def test_skipped_must_be_field_paths(skipped: Any) -> None:
    from interview_signals import ArgumentError

    with pytest.raises(ArgumentError, match="skipped: expected"):
        Engine.default().consult({}, skipped=skipped)


@pytest.mark.parametrize("limit", [0, -5, 2.5, True, "x", None])
def test_the_what_if_limit_is_a_positive_integer(limit: Any) -> None:
    from interview_signals import ArgumentError

    with pytest.raises(ArgumentError, match="limit: expected a positive integer"):
        Engine.default().what_if({}, limit=limit)


# -- the question to ask first -------------------------------------------------------------

def _needs(path: str) -> set[str]:
    """Every field ``path`` depends on, directly or through another."""
    out: set[str] = set()
    for need in _prereqs(path):
        out |= {need} | _needs(need)
    return out


@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(values=observation_values(), skips=st.sets(st.sampled_from(list(VOCABULARY))))
def test_ask_first_is_an_open_prerequisite_of_the_best_question_with_exact_answers(
        values: dict[str, Value], skips: set[str]) -> None:
    """``ask_first`` is there exactly when the best question depends on a field neither
    answered nor skipped; its answers reach what a consultation with that answer recorded
    reaches (the engine confirms both), and "I don't know" what any of them does."""
    engine = Engine.default()
    skipped = sorted(skips - set(values))
    c = engine.consult(Observations.from_values(values), skipped=skipped)
    open_needs = {p for p in (_needs(c.questions[0].path) if c.questions else set())
                  if p not in values and p not in skipped and _valid({**values, p: False})}
    if not open_needs:
        assert c.ask_first is None
        assert c.next_question == (c.questions[0] if c.questions else None)
        return
    first = c.ask_first
    assert first is not None
    assert c.next_question == first
    assert first.path in open_needs
    assert not {p for p in _prereqs(first.path)
                if p not in values and p not in skipped and _valid({**values, p: False})}
    assert first.why.startswith(f"Asked first, because the question that matters most now "
                                f"({c.questions[0].label.lower()})")
    assert first.path not in {q.path for q in c.questions}  # never relevant on its own
    assert [a.value for a in first.answers] == [True, False, None]
    for answer in first.answers[:-1]:
        assert answer.value is not None
        after = engine.consult(Observations.from_values({**values, first.path: answer.value}),
                               skipped=skipped)
        assert answer.reachable == after.reachable, answer
    union = {v for a in first.answers[:-1] for v in a.reachable}
    assert set(first.answers[-1].reachable) == union
    assert c.to_dict()["ask_first"] == first.to_dict()


def test_the_note_is_asked_first_when_the_best_question_is_about_the_reply() -> None:
    c = Engine.default().consult({"next_steps": {"invited_to_next_round": False},
                                  "interest": {"asked_if_interested": True}})
    assert c.questions[0].path.startswith("thank_you.")
    assert c.ask_first is not None
    assert c.ask_first.path == "thank_you.note_sent"
    assert c.ask_first.question == EN.question("thank_you.note_sent")
    assert "a reply needs a note that was sent" in c.ask_first.why
    skipped = Engine.default().consult({"next_steps": {"invited_to_next_round": False},
                                        "interest": {"asked_if_interested": True}},
                                       skipped=["thank_you.note_sent"])
    assert skipped.ask_first is not None
    assert skipped.ask_first.path == "thank_you.response_received"


def test_ask_first_costs_no_extra_consultation(monkeypatch: pytest.MonkeyPatch) -> None:
    """The prerequisite's answers come from the same search: the consultation asks the
    engine for one assessment and confirmations, never for another consultation."""
    engine = Engine.from_paths(include_default=True)
    consults: list[object] = []
    original = engine.consult

    def counted(*args: Any, **kwargs: Any) -> Any:
        consults.append(args)
        return original(*args, **kwargs)

    monkeypatch.setattr(engine, "consult", counted)
    c = engine.consultant().consult(
        {"next_steps.invited_to_next_round": False, "interest.asked_if_interested": True})
    assert c.ask_first is not None
    assert consults == []


def test_engagement_and_stock_questions_are_asked_for_what_they_say_alone() -> None:
    """Sign 1 in both directions: beside a promising sign, the answer that weighs against
    ("not engaged", "mostly stock questions") is the one that can bring the reading down,
    and the other answer cannot."""
    engine = Engine.default()

    def answers(observations: dict[str, Any], path: str) -> dict[Value | None, tuple[str, ...]]:
        (question,) = [q for q in engine.consult(observations).questions if q.path == path]
        return {a.value: a.reachable for a in question.answers}

    interest = {"interest": {"asked_if_interested": True}}
    engaged = answers({**interest, "body_language": {"rote_questions": False}},
                      "body_language.engaged")
    scripted = answers({**interest, "body_language": {"engaged": True,
                                                      "naturally_friendly": True}},
                       "body_language.rote_questions")
    assert "tentative" in engaged[False]
    assert "tentative" not in engaged[True]
    assert "tentative" in scripted[True]
    assert "tentative" not in scripted[False]
