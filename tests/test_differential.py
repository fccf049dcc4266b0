"""The compiled engine agrees with an independent plain-Python reading of the rulebook.

``tests/reference.py`` evaluates the same TOML data without the library's compiler, engine or
scoring; any disagreement is a compiler or engine mistake (type coercion, an ``any`` firing
once per branch, ``is_not`` and unknown handling, floats the C parser misreads).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator, Mapping

import pytest
from hypothesis import example, given, settings

from interview_signals import Assessment, Engine
from interview_signals._vocabulary import EXCLUSIONS as _EXCLUSIONS
from interview_signals._vocabulary import PREREQUISITES as _PREREQUISITES
from interview_signals._vocabulary import VOCABULARY as LIBRARY_VOCABULARY

from .conftest import RulePack
from .reference import RefAssessment, RefBook, evaluate, load_reference, same
from .strategies import (
    AWKWARD_HOURS,
    EXCLUSIONS,
    PREREQUISITES,
    TONES,
    VOCABULARY,
    Nested,
    Value,
    contradictions,
    nest,
    observations,
)

MANY = max(2000, 10 * settings().max_examples)


@pytest.fixture(scope="session")
def reference(rule_pack: RulePack) -> RefBook:
    return load_reference(*rule_pack.paths, include_default=rule_pack.include_default)


def _shape(result: Assessment | RefAssessment) -> dict[str, object]:
    """What must match exactly: ids, qualifiers, signs, base strengths, advice, verdict."""
    return {
        "signals": {s.id: {"sign": s.sign, "base": s.base_strength,
                           "qualifiers": [q if isinstance(q, str) else q.id
                                          for q in s.qualifiers]}
                    for s in result.signals},
        "advice": [a if isinstance(a, str) else a.id for a in result.advice],
        "verdict": result.verdict,
    }


def assert_agrees(engine: Engine, book: RefBook, obs: Mapping[str, Mapping[str, Value]]
                  ) -> None:
    actual = engine.assess(obs)
    expected = evaluate(book, obs)
    assert _shape(actual) == _shape(expected), obs
    strengths = {s.id: s.strength for s in actual.signals}
    assert strengths == pytest.approx({s.id: s.strength for s in expected.signals},
                                      abs=5.1e-5, rel=0), obs  # JSON form: 4 places
    # Rounded to 6 places: within half a unit of the exact value (0.9488125 may become
    # 0.948812 or 0.948813, as float noise falls), never further.
    assert abs(actual.confidence - expected.exact_confidence) <= 5e-7 + 1e-12, obs
    assert round(actual.confidence, 6) == actual.confidence, obs


@settings(max_examples=MANY)
@given(obs=observations())
@example(obs={"thank_you": {"note_sent": True, "response_received": True,
                            "response_hours": 24.000000000000004}})
@example(obs={"thank_you": {"note_sent": True, "response_received": True,
                            "response_hours": 1e-05}})
@example(obs={"thank_you": {"note_sent": True, "response_received": True,
                            "response_hours": 5e-324}})
@example(obs={"thank_you": {"note_sent": True, "response_received": True,
                            "response_hours": 2, "tone": "automatic"}})
@example(obs={"thank_you": {"response_hours": 2}})
@example(obs={"thank_you": {"references_specifics": False}})
@example(obs={"thank_you": {"note_sent": False, "response_received": False}})
@example(obs={"interview": {"scheduled_minutes": 45, "actual_minutes": 35}})
@example(obs={"interview": {"scheduled_minutes": 45, "actual_minutes": 34}})
@example(obs={"interview": {"scheduled_minutes": 30, "actual_minutes": 40,
                            "interviewer_count": 1}})
@example(obs={"interview": {"scheduled_minutes": 30, "actual_minutes": 41,
                            "interviewer_count": 1}})
@example(obs={"body_language": {"engaged": True, "nods": True, "smiles": True,
                                "verbal_agreement": True, "naturally_friendly": True}})
@example(obs={"body_language": {"rote_questions": True, "engaged": False}})
@example(obs={"job_specifics": {"overview_given": True, "deep_dive": False}})
@example(obs={"body_language": {"engaged": True}, "next_steps": {"scheduled_on_the_spot": True},
              "job_specifics": {"you_would_language": True}})
def test_the_engine_agrees_with_the_reference_on_generated_observations(
        pack_engine: Engine, reference: RefBook, obs: Nested) -> None:
    assert_agrees(pack_engine, reference, obs)


def _options(path: str, edges: Mapping[str, tuple[Value, ...]]) -> tuple[Value | None, ...]:
    if path in edges:
        return (None, *edges[path])
    if path == "thank_you.tone":
        return (None, *TONES)
    return (None, True, False)


def _every_combination(paths: tuple[str, ...], edges: Mapping[str, tuple[Value, ...]]
                       ) -> Iterator[Nested]:
    for combo in itertools.product(*(_options(p, edges) for p in paths)):
        values = {p: v for p, v in zip(paths, combo, strict=True) if v is not None}
        if not contradictions(values):
            yield nest(values)


_GROUP_EDGES: dict[str, dict[str, tuple[Value, ...]]] = {
    "interview": {"interview.scheduled_minutes": (1, 30, 1440),
                  "interview.actual_minutes": (1, 29, 30, 31, 40, 41, 42, 1440),
                  "interview.interviewer_count": (1, 2, 50)},
    "thank_you": {"thank_you.response_hours": AWKWARD_HOURS},
}


@pytest.mark.parametrize("group", sorted({p.split(".", 1)[0] for p in VOCABULARY}))
def test_the_engine_agrees_with_the_reference_on_every_combination_within_a_group(
        pack_engine: Engine, reference: RefBook, group: str) -> None:
    """Exhaustive within one group (awkward numbers included), where rules interact most."""
    paths = tuple(p for p in VOCABULARY if p.startswith(group + "."))
    cases = list(_every_combination(paths, _GROUP_EDGES.get(group, {})))
    assert len(cases) > len(paths)
    for obs in cases:
        assert_agrees(pack_engine, reference, obs)


def test_the_engine_agrees_with_the_reference_across_groups(
        pack_engine: Engine, reference: RefBook) -> None:
    """One deciding field per sign, every combination: forward chaining across signs."""
    paths = ("body_language.rote_questions", "body_language.engaged",
             "interest.asked_where_else_interviewing", "next_steps.invited_to_next_round",
             "next_steps.scheduled_on_the_spot", "job_specifics.you_would_language",
             "thank_you.response_received")
    for obs in _every_combination(paths, {}):
        assert_agrees(pack_engine, reference, obs)


def test_the_strategies_cover_the_library_vocabulary_and_contradictions() -> None:
    """The strategies spell SPEC section 4 out independently; they must match the library."""
    assert tuple(LIBRARY_VOCABULARY) == VOCABULARY
    assert sorted(PREREQUISITES) == sorted((d, p) for d, p, _ in _PREREQUISITES)
    assert tuple((p, v, o, ov) for p, v, o, ov, _ in _EXCLUSIONS) == EXCLUSIONS


def test_the_reference_is_strict_about_types() -> None:
    """The reference itself must not coerce: the checks above rely on it."""
    assert not same(True, 1)
    assert not same(1, "1")
    assert not same("true", True)
    assert not same(0, False)
    assert same(24, 24.0)
    assert not same(math.nan, math.nan)
