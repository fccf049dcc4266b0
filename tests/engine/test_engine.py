"""``Engine``: built once, shared by threads, never growing, never starting threads, and every
guard of ENGINE-NOTES.md held (priming, the live-session limit, failing actions, floats)."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from interview_signals import (
    Engine,
    EngineError,
    InterviewSignalsError,
    ObservationError,
    Observations,
    assess,
)
from interview_signals._durable import compile as _compile
from tests.strategies import Nested, observations

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "data"

Obs = Mapping[str, Mapping[str, object]]

# A spread of inputs: nothing, no rule matched, every rule kind, awkward floats.
INPUTS: list[Obs] = [
    {},
    {"thank_you": {"note_sent": True}},
    {"tour": {"office_tour": True}},
    {"body_language": {"smiles": True, "naturally_friendly": True, "rote_questions": True}},
    {"next_steps": {"invited_to_next_round": True, "scheduled_on_the_spot": True}},
    {"interview": {"scheduled_minutes": 30, "actual_minutes": 75, "interviewer_count": 1}},
    {"interview": {"scheduled_minutes": 60, "actual_minutes": 20}},
    {"job_specifics": {"overview_given": True}},
    {"thank_you": {"note_sent": True, "response_received": True, "response_hours": 1e-05,
                   "tone": "automatic", "references_specifics": False}},
    {"thank_you": {"note_sent": True, "response_received": False}},
    json.loads((EXAMPLES / "good_interview.json").read_text()),
    json.loads((EXAMPLES / "unclear_interview.json").read_text()),
]


@pytest.fixture(scope="module")
def fresh_engine() -> Engine:
    """An engine of its own, for tests that count its assessments or break it on purpose."""
    return Engine.from_paths()


def _run_python(code: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=timeout, check=False)


class TestDefault:
    def test_default_returns_the_same_engine_every_time(self) -> None:
        assert Engine.default() is Engine.default()

    def test_assess_uses_the_default_engine(self, engine: Engine) -> None:
        assert assess(INPUTS[4]).to_dict() == engine.assess(INPUTS[4]).to_dict()

    def test_default_is_built_once_when_many_threads_ask_at_once(
            self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(Engine, "_default", None)
        barrier = threading.Barrier(8)
        got: list[Engine] = []

        def ask() -> None:
            barrier.wait()
            got.append(Engine.default())

        threads = [threading.Thread(target=ask) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=60)
        assert len(got) == 8
        assert len({id(e) for e in got}) == 1

    def test_an_engine_accepts_observations_objects_and_mappings_alike(
            self, engine: Engine) -> None:
        obs = Observations.from_dict(INPUTS[5])
        assert engine.assess(obs).to_dict() == engine.assess(INPUTS[5]).to_dict()

    def test_bad_observations_raise_observation_error(self, engine: Engine) -> None:
        with pytest.raises(ObservationError) as info:
            engine.assess({"tour": {"office_tour": "yes"}})
        assert info.value.path == "tour.office_tour"


class TestThreads:
    def test_eight_threads_sharing_one_engine_agree_with_one_thread(
            self, engine: Engine) -> None:
        expected = [engine.assess(obs).to_dict() for obs in INPUTS]
        barrier = threading.Barrier(8)
        wrong: list[tuple[int, int]] = []
        errors: list[BaseException] = []
        done: list[int] = []

        def work(worker: int) -> None:
            try:
                barrier.wait()
                for round_ in range(20):
                    for k in range(len(INPUTS)):
                        i = (k + worker + round_) % len(INPUTS)
                        if engine.assess(INPUTS[i]).to_dict() != expected[i]:
                            wrong.append((worker, i))
                done.append(worker)
            except BaseException as exc:  # reported below, in the test's own thread
                errors.append(exc)

        threads = [threading.Thread(target=work, args=(w,)) for w in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=120)
        assert (errors, wrong, sorted(done)) == ([], [], list(range(8)))

    def test_sessions_in_different_threads_do_not_see_each_other(
            self, engine: Engine) -> None:
        expected = {i: engine.assess(obs).to_dict() for i, obs in enumerate(INPUTS)}
        results: dict[int, list[dict[str, object]]] = {}

        def follow(i: int) -> None:
            session = engine.session()
            out = []
            for _ in range(30):
                session.observe(INPUTS[i])
                out.append(session.assessment().to_dict())
            results[i] = out

        threads = [threading.Thread(target=follow, args=(i,)) for i in range(len(INPUTS))]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=120)
        assert results == {i: [expected[i]] * 30 for i in expected}

    def test_the_thread_count_stays_constant_over_2000_assessments(
            self, engine: Engine) -> None:
        before = threading.active_count()
        counts = set()
        for n in range(2000):
            engine.assess(INPUTS[n % len(INPUTS)])
            if n % 100 == 0:
                counts.add(threading.active_count())
        assert counts == {before}
        assert threading.active_count() == before

    def test_building_and_using_an_engine_starts_no_thread(
            self, monkeypatch: pytest.MonkeyPatch) -> None:
        started: list[str] = []
        real_start = threading.Thread.start

        def spy(thread: threading.Thread) -> None:
            started.append(type(thread).__name__)
            real_start(thread)

        monkeypatch.setattr(threading.Thread, "start", spy)
        engine = Engine.from_paths()
        for obs in INPUTS:
            engine.assess(obs)
        with engine.session() as session:
            session.observe(INPUTS[4])
            session.assessment()
        assert started == []

    def test_the_engine_uses_no_durable_host(self) -> None:
        """The durable Host starts timer threads that crash sessions (ENGINE-NOTES)."""
        result = _run_python(
            "import sys\n"
            "from interview_signals import Engine\n"
            "Engine.default().assess({'tour': {'office_tour': True}})\n"
            "print(sorted(m for m in sys.modules if m.startswith('durable')))\n")
        assert (result.returncode, result.stderr) == (0, "")
        assert result.stdout == "['durable_rules_engine']\n"


class TestGrowth:
    def test_more_than_1100_sequential_assessments_work(self, fresh_engine: Engine) -> None:
        """A ruleset holds at most 1024 live engine sessions: none may be left behind."""
        seen = {json.dumps(fresh_engine.assess(obs).to_dict(), sort_keys=True)
                for n in range(1100) for obs in [INPUTS[n % len(INPUTS)]]}
        assert len(seen) == len(INPUTS)
        assert fresh_engine.assess(INPUTS[-2]).verdict == "strong"

    def test_more_than_1100_open_sessions_each_assessed_work(self, fresh_engine: Engine) -> None:
        sessions = [fresh_engine.session() for _ in range(1100)]
        for n, session in enumerate(sessions):
            session.observe(INPUTS[n % len(INPUTS)])
        verdicts = [s.assessment().verdict for s in sessions]
        assert verdicts[len(INPUTS) - 2::len(INPUTS)] == ["strong"] * len(
            verdicts[len(INPUTS) - 2::len(INPUTS)])

    @pytest.mark.slow
    def test_memory_stays_flat_over_20000_assessments(self, engine: Engine) -> None:
        page = os.sysconf("SC_PAGE_SIZE")

        def resident() -> int:
            gc.collect()
            return int(Path("/proc/self/statm").read_text().split()[1]) * page

        for n in range(2000):
            engine.assess(INPUTS[n % len(INPUTS)])
        before = resident()
        for n in range(20_000):
            engine.assess(INPUTS[n % len(INPUTS)])
        assert resident() - before < 20 * 2**20


class TestPriming:
    def test_observations_that_match_no_rule_fire_nothing(self, engine: Engine) -> None:
        assert engine.assess({"thank_you": {"note_sent": True}}).trace == ()

    def test_a_fresh_engine_survives_3000_assessments_that_match_no_rule(self) -> None:
        """Regression: deleting engine state before any action ran crashed the process."""
        result = _run_python(
            "from interview_signals import Engine\n"
            "engine = Engine.from_paths()\n"
            "for _ in range(3000):\n"
            "    assert engine.assess({'thank_you': {'note_sent': True}}).trace == ()\n"
            "print('ok')\n")
        assert (result.returncode, result.stdout, result.stderr) == (0, "ok\n", "")

    def test_several_fresh_engines_in_one_process_each_survive_unmatched_input(self) -> None:
        result = _run_python(
            "from interview_signals import Engine\n"
            "engines = [Engine.from_paths() for _ in range(3)]\n"
            "for _ in range(500):\n"
            "    for e in engines:\n"
            "        e.assess({'thank_you': {'note_sent': True}})\n"
            "        e.assess({})\n"
            "print('ok')\n")
        assert (result.returncode, result.stdout, result.stderr) == (0, "ok\n", "")


class _BrokenAction:
    """Stands in for the action of one engine rule and raises as a bug in it would."""

    @property
    def concludes(self) -> tuple[str, str]:
        raise RuntimeError("an action blew up")


def _break_rule(patch: pytest.MonkeyPatch, engine: Engine, rule_id: str) -> None:
    """Make the action of every engine rule of ``rule_id`` raise inside the engine."""
    actions = dict(engine._actions)
    for name, action in actions.items():
        if action.rule.rule.id == rule_id:
            actions[name] = _BrokenAction()  # type: ignore[assignment]
    patch.setattr(engine, "_actions", actions)


@pytest.fixture
def failing_rule(fresh_engine: Engine, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    with monkeypatch.context() as patch:
        _break_rule(patch, fresh_engine, "personal_tour")
        yield "personal_tour"


OBS_WITH_TOUR: Obs = {"tour": {"office_tour": True}, "interest": {"asked_if_interested": True}}


class TestFailingActions:
    def test_an_exception_in_a_rule_action_surfaces_as_engine_error(
            self, fresh_engine: Engine, failing_rule: str) -> None:
        with pytest.raises(EngineError, match="rule action failed") as info:
            fresh_engine.assess(OBS_WITH_TOUR)
        assert isinstance(info.value, InterviewSignalsError)
        assert not isinstance(info.value, ObservationError)
        assert isinstance(info.value.__cause__, RuntimeError)
        assert "an action blew up" in str(info.value)

    def test_a_session_assessment_raises_engine_error_too(
            self, fresh_engine: Engine, failing_rule: str) -> None:
        session = fresh_engine.session()
        session.observe(OBS_WITH_TOUR)
        with pytest.raises(EngineError):
            session.assessment()

    def test_the_engine_works_again_after_a_failed_action(
            self, fresh_engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
        expected = [fresh_engine.assess(obs).to_dict() for obs in INPUTS]
        for _ in range(3):
            with monkeypatch.context() as patch:
                _break_rule(patch, fresh_engine, "personal_tour")
                with pytest.raises(EngineError):
                    fresh_engine.assess(OBS_WITH_TOUR)
            assert [fresh_engine.assess(obs).to_dict() for obs in INPUTS] == expected
        for _ in range(1100):  # no engine state was left behind by the failures
            fresh_engine.assess(OBS_WITH_TOUR)


class TestEncodeJson:
    @given(st.floats(0, 8760, allow_nan=False, allow_infinity=False))
    @example(1e-05)
    @example(5e-324)
    @example(1e-300)
    @example(2.5e-08)
    @example(8760.0)
    @example(0.0)
    def test_floats_are_written_without_an_exponent_and_read_back_exactly(
            self, value: float) -> None:
        text = _compile.encode_json(value)
        assert "e" not in text.lower()
        assert float(text) == value

    @given(st.integers(0, 2**62))
    def test_integers_are_written_as_integers(self, value: int) -> None:
        assert _compile.encode_json(value) == str(value)

    @pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
    def test_non_finite_numbers_never_reach_the_engine(self, value: float) -> None:
        with pytest.raises(EngineError):
            _compile.encode_json(value)

    def test_nested_values_are_valid_json(self) -> None:
        value = {"a": [True, False, None, 1, 1e-05, "tone \"warm\" ✓"], "b": {"c": 2.5}}
        assert json.loads(_compile.encode_json(value)) == value

    @given(observations())
    def test_any_valid_observations_reach_the_engine_unchanged(
            self, engine: Engine, data: Nested) -> None:
        result = engine.assess(data)
        for firing in result.trace:
            for path, value in firing.matched_observations:
                group, name = path.split(".")
                assert value == data.get(group, {}).get(name)


class TestClose:
    def test_a_closed_engine_refuses_to_assess(self) -> None:
        engine = Engine(Engine.default().rulebook)
        engine.assess({"tour": {"office_tour": True}})
        engine.close()
        engine.close()  # closing twice is fine
        assert engine.closed
        with pytest.raises(InterviewSignalsError, match="closed"):
            engine.assess({})

    def test_an_engine_is_a_context_manager_that_closes(self) -> None:
        with Engine(Engine.default().rulebook) as engine:
            assert engine.assess({"tour": {"office_tour": True}}).signals
        assert engine.closed

    def test_the_default_engine_is_never_closed(self) -> None:
        Engine.default().close()
        assert not Engine.default().closed
        assert Engine.default().assess({}).verdict == "inconclusive"

    def test_engines_dropped_or_closed_give_their_memory_back(self) -> None:
        """Each ruleset keeps about 1.3 MiB until it is deleted (the benchmark
        tests/benchmarks/bench_engines.py measures 5,000)."""
        book = Engine.default().rulebook
        observations = {"tour": {"office_tour": True}}

        def rss() -> int:
            with open("/proc/self/statm") as statm:
                return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")

        for _ in range(20):  # warm up allocator pools
            Engine(book).assess(observations)
        gc.collect()
        before = rss()
        for i in range(150):
            engine = Engine(book)
            engine.assess(observations)
            if i % 2:
                engine.close()
            del engine
        gc.collect()
        assert rss() - before < 20 * 2**20
