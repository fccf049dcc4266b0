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
from hypothesis import strategies as st

from interview_signals import Assessment, Engine, RulebookError
from interview_signals._observations.vocabulary import EXCLUSIONS as _EXCLUSIONS
from interview_signals._observations.vocabulary import PREREQUISITES as _PREREQUISITES
from interview_signals._observations.vocabulary import VOCABULARY as LIBRARY_VOCABULARY
from tests.conftest import RulePack
from tests.profiles import examples
from tests.reference import RefAssessment, RefBook, evaluate, load_reference, same
from tests.strategies import (
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

MANY = examples(max(2000, 10 * settings().max_examples))


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


# --- Generated packs ---------------------------------------------------------------------

_BOOLS = [p for p, s in LIBRARY_VOCABULARY.items() if s.kind == "bool"]
_SOURCE = 'source = { sign = 4, title = "You get a personal tour" }'


@st.composite
def _test_text(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["true", "false", "is_not", "known", "ran_long", "minutes"]))
    path = draw(st.sampled_from(_BOOLS))
    if kind == "true":
        return f'{{ path = "{path}" }}'
    if kind == "false":
        return f'{{ path = "{path}", op = "==", value = false }}'
    if kind == "is_not":
        return f'{{ path = "{path}", op = "is_not", value = true }}'
    if kind == "known":
        return f'{{ path = "{path}", op = "known" }}'
    if kind == "ran_long":
        share = draw(st.sampled_from([0.1, 0.25, 0.5]))
        return ('{ path = "interview.actual_minutes", op = ">", '
                f'other = "interview.scheduled_minutes", share = {share} }}')
    bound = draw(st.integers(1, 1440))
    op = draw(st.sampled_from(["<", "<=", ">", ">=", "==", "!="]))
    return f'{{ path = "interview.actual_minutes", op = "{op}", value = {bound} }}'


@st.composite
def generated_packs(draw: st.DrawFn) -> str:
    """A small pack over the default rulebook: new signals, qualifiers (some waiting for
    their own signal a second time) and advice on derived facts."""
    tables = []
    signals = [f"gen_signal_{i}" for i in range(draw(st.integers(1, 3)))]
    for sid in signals:
        tests = draw(st.lists(_test_text(), min_size=1, max_size=3))
        mode = draw(st.sampled_from(["all", "any"]))
        tables.append(f'[[rule]]\nid = "{sid}"\nkind = "signal"\ntitle = "Generated"\n'
                      f'when = {{ {mode} = [{", ".join(tests)}] }}\n'
                      f'effect = {{ strength = {draw(st.sampled_from([0.1, 0.3, 0.6]))} }}\n'
                      f'explanation = "Generated."\n{_SOURCE}\n')
        if draw(st.booleans()):
            tests = draw(st.lists(_test_text(), min_size=1, max_size=2))
            if draw(st.booleans()):
                tests.append(f'{{ signal = "{sid}" }}')  # the same fact twice in one rule
            effect = draw(st.sampled_from(["boost = 0.3", "discount = 0.4"]))
            tables.append(f'[[rule]]\nid = "{sid}_q"\nkind = "qualifier"\n'
                          f'applies_to = "{sid}"\nwhen = {{ all = [{", ".join(tests)}] }}\n'
                          f'effect = {{ {effect} }}\nexplanation = "Generated."\n{_SOURCE}\n')
    waits = draw(st.lists(st.sampled_from([*signals, "personal_tour"]), min_size=1,
                          max_size=2, unique=True))
    facts = ", ".join(f'{{ signal = "{w}" }}' for w in waits)
    tables.append('[[rule]]\nid = "gen_advice"\nkind = "advice"\n'
                  f'when = {{ any = [{facts}] }}\nexplanation = "Generated."\n{_SOURCE}\n')
    return "\n".join(tables)


@settings(max_examples=examples(15), deadline=None)
@given(pack=generated_packs(), data=st.data())
def test_the_engine_agrees_with_the_reference_on_generated_packs(
        tmp_path_factory: pytest.TempPathFactory, pack: str, data: st.DataObject) -> None:
    """Issue: every pack the checker accepts is judged alike by the engine and by the
    plain-Python reading of the same TOML."""
    folder = tmp_path_factory.mktemp("generated")
    (folder / "pack.toml").write_text(pack, encoding="utf-8")
    try:
        engine = Engine.from_paths(folder)
    except RulebookError:  # refused packs are the checker's business, tested apart
        return
    with engine:
        book = load_reference(folder)
        for _ in range(10):
            assert_agrees(engine, book, data.draw(observations()))
