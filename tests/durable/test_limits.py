"""The engine's hard limits (``interview_signals/_limits.py``), each at the limit and one past.

At the limit, a pack builds and assesses and agrees with the reference interpreter; one past,
the rule checker refuses it (``RulebookError`` naming the rule and the number), and with the
check switched off the engine itself hangs, fails or answers wrongly, which is what makes the
number a limit. Every engine run happens in a child process with a timeout, so a hang or a
crash fails (or, past a limit, passes) one test instead of taking the suite down.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any, ClassVar

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interview_signals import Engine, RulebookError
from interview_signals._durable.alpha_network import Network
from interview_signals._durable.compile import compile_rulebook
from interview_signals._durable.limits import (
    ALPHA_CHILDREN_MAX,
    BETA_LINKS_MAX,
    ENGINE_RULES_MAX,
    IS_NOT_MAX,
    JOIN_MAX,
    MATCH_STACK_MAX,
    _check_rule,
    check_definitions,
)
from interview_signals._durable.match_stack import observations_of, worst_case
from interview_signals._rulebook.load import load_rulebook
from tests.strategies import nest

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 60
"""Seconds a child may take to build and assess where the engine works (the slowest,
4,095 engine rules, takes a few seconds on a loaded machine)."""
HANG = 15
"""Seconds after which a child past a limit counts as hung (it builds in well under one)."""

VERDICTS = '''
[summary]
caveat = "A reading, not an offer."
nothing_known = "Nothing recorded."

[[verdict]]
id = "some"
min_confidence = 0.01
summary = "Some: {signals}."

[[verdict]]
id = "none"
min_confidence = 0
summary = "Nothing yet."
'''

# The child: build the engine of a pack (standalone: no default rulebook), assess one set of
# observations, compare with the reference interpreter, print one JSON line. With "unchecked"
# the limit check is switched off, to show what the engine does past a limit; with "twice"
# the compiler's one-test-per-fact step is switched off too.
CHILD = r'''
import json, sys
import interview_signals._durable.compile as compile_module
import interview_signals._engine.engine as engine_module
from interview_signals import Engine
from tests.reference import evaluate, load_reference

pack, mode, observations = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
default = len(sys.argv) > 4 and sys.argv[4] == "default"
if mode in ("unchecked", "twice"):
    engine_module._compiled_within_limits = compile_module.compile_rulebook
if mode == "twice":
    compile_module._once_each_fact = lambda tests: tests
engine = Engine.from_paths(pack, include_default=default)
print(json.dumps({"built": True}), flush=True)
result = engine.assess(observations)
expected = evaluate(load_reference(pack, include_default=default), observations)

def shape(r):
    return {"signals": {s.id: [q if isinstance(q, str) else q.id for q in s.qualifiers]
                        for s in r.signals},
            "advice": [a if isinstance(a, str) else a.id for a in r.advice],
            "verdict": r.verdict}

print(json.dumps({"agrees": shape(result) == shape(expected),
                  "fired": len(result.signals) + len(result.advice)}), flush=True)
'''


def rule(rule_id: str, when: str, kind: str = "signal", applies_to: str | None = None) -> str:
    lines = ["[[rule]]", f'id = "{rule_id}"', f'kind = "{kind}"']
    if kind == "signal":
        lines.append(f'title = "Signal {rule_id}"')
    if applies_to:
        lines.append(f'applies_to = "{applies_to}"')
    lines.append(f"when = {when}")
    effect = {"signal": "{ strength = 0.1 }", "qualifier": "{ boost = 0.1 }"}.get(kind)
    if effect:
        lines.append(f"effect = {effect}")
    lines += ['explanation = "Seen."', 'source = { sign = 5, title = "The interview goes long" }']
    return "\n".join(lines) + "\n"


def cond(path: str, op: str, value: object) -> str:
    return f'{{ path = "{path}", op = "{op}", value = {value} }}'


def all_of(*tests: str) -> str:
    return "{ all = [" + ", ".join(tests) + "] }"


def write_pack(folder: Path, rules: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "pack.toml"
    path.write_text("\n".join(rules) + VERDICTS, encoding="utf-8")
    return path


def run_child(pack: Path, observations: Mapping[str, object], mode: str = "checked",
              timeout: float = TIMEOUT, *, default: bool = False) -> dict[str, Any]:
    """The child's last JSON line, or {"error": last stderr line}, or {"hung": ...}."""
    try:
        done = subprocess.run([sys.executable, "-c", CHILD, str(pack), mode,
                               json.dumps(observations), "default" if default else "alone"],
                              cwd=ROOT, capture_output=True,
                              text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired as exc:
        out = exc.stdout.decode() if isinstance(exc.stdout, bytes) else exc.stdout or ""
        return {"hung": True, "built": '"built"' in out}
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0:
        return {"error": (done.stderr.strip().splitlines() or [f"exit {done.returncode}"])[-1],
                "built": bool(lines)}
    answer: dict[str, Any] = json.loads(lines[-1])
    return answer


def refused(pack: Path, *, default: bool = False) -> str:
    """The rule checker's message for a pack past a limit (loading never reaches the engine)."""
    with pytest.raises(RulebookError) as caught:
        Engine.from_paths(pack, include_default=default)
    return str(caught.value)


def worst_observations(pack: Path, *, default: bool = False) -> dict[str, Any]:
    """The observations that fill the matching stack the most, as the model finds them
    (the check switched off, so that a pack past the limit compiles too)."""
    book = load_rulebook(pack, include_default=default)
    network = Network(ALPHA_CHILDREN_MAX)
    for name, definition in compile_rulebook(book).definitions().items():
        _check_rule(name, definition, network)
    _, _, witness = worst_case(network.root, 0)
    assert witness is not None
    return nest(observations_of(witness))


# Packs just at a limit, and one past it -----------------------------------------------------

def equal_tests_pack(folder: Path, count: int) -> Path:
    """``count`` rules, each testing one value of the same field: the alpha node after the
    observation's kind has ``count`` children, of which one value matches at most one."""
    return write_pack(folder, [rule(f"r{i}", all_of(cond("interview.actual_minutes", "==", i)))
                               for i in range(1, count + 1)])


def order_tests_pack(folder: Path, count: int) -> Path:
    """``count`` rules ``actual_minutes >= i``: a long interview satisfies every one."""
    return write_pack(folder, [rule(f"r{i}", all_of(cond("interview.actual_minutes", ">=", i)))
                               for i in range(1, count + 1)])


def waiting_pack(folder: Path, count: int) -> Path:
    """``count`` advice rules on one observation test, and a signal on another field."""
    rules = [rule(f"a{i}", all_of(cond("tour.office_tour", "==", "true")), kind="advice")
             for i in range(count)]
    rules.append(rule("called_in", all_of(cond("tour.people_called_in", "==", "true"))))
    return write_pack(folder, rules)


def fact_waiting_pack(folder: Path, count: int) -> Path:
    """``count`` advice rules waiting on one derived fact."""
    rules = [rule("toured", all_of(cond("tour.office_tour", "==", "true")))]
    rules += [rule(f"a{i}", '{ all = [{ signal = "toured" }] }', kind="advice")
              for i in range(count)]
    return write_pack(folder, rules)


def join_pack(folder: Path, facts: int) -> Path:
    """One advice rule joining ``facts - 1`` derived facts and the observation."""
    rules = [rule(f"s{i}", all_of(cond("interview.actual_minutes", ">=", i)))
             for i in range(1, facts)]
    waits = [f'{{ signal = "s{i}" }}' for i in range(1, facts)]
    rules.append(rule("joined", all_of(*waits, cond("tour.office_tour", "==", "true")),
                      kind="advice"))
    return write_pack(folder, rules)


def branches_pack(folder: Path, count: int) -> Path:
    """One signal with ``count`` branches (scheduled == a and actual == b), spread so that
    no alpha node comes near its own limits."""
    branches = [all_of(cond("interview.scheduled_minutes", "==", 1 + i // 64),
                       cond("interview.actual_minutes", "==", 1 + i % 64))
                for i in range(count)]
    return write_pack(folder, [rule("many", "{ any = [" + ", ".join(branches) + "] }")])


FLAGS = ["body_language.engaged", "body_language.rote_questions", "body_language.nods",
         "body_language.smiles", "body_language.verbal_agreement",
         "body_language.naturally_friendly", "interest.asked_if_interested",
         "interest.asked_where_else_interviewing", "next_steps.invited_to_next_round",
         "next_steps.scheduled_on_the_spot", "tour.office_tour", "tour.introduced_to_people"]


def is_not_pack(folder: Path, count: int) -> Path:
    tests = [cond("interview.actual_minutes", ">=", 1)]
    tests += [cond(path, "is_not", "true") for path in FLAGS[:count]]
    return write_pack(folder, [rule("negated", all_of(*tests))])


LONG = {"interview": {"actual_minutes": 1440}}
TOURED = {"tour": {"office_tour": True}}


class TestAlphaTable:
    def test_511_distinct_tests_after_the_same_tests_build_and_agree(self, tmp_path: Path
                                                                     ) -> None:
        pack = equal_tests_pack(tmp_path, ALPHA_CHILDREN_MAX)
        assert run_child(pack, {"interview": {"actual_minutes": 7}}) == {"agrees": True,
                                                                          "fired": 1}

    def test_512_are_refused_naming_the_limit(self, tmp_path: Path) -> None:
        message = refused(equal_tests_pack(tmp_path, ALPHA_CHILDREN_MAX + 1))
        assert "[r512]" in message
        assert "512 distinct tests" in message
        assert "511" in message

    @pytest.mark.slow
    def test_past_the_table_the_engine_never_returns(self, tmp_path: Path) -> None:
        """512 build but an assessment spins forever; 513 spin while building."""
        full = run_child(equal_tests_pack(tmp_path / "a", 512), {"interview": {
            "actual_minutes": 7}}, "unchecked", timeout=HANG)
        assert full == {"hung": True, "built": True}
        over = run_child(equal_tests_pack(tmp_path / "b", 513), {}, "unchecked", timeout=HANG)
        assert over == {"hung": True, "built": False}


class TestMatchStack:
    def test_64_tests_that_all_hold_agree(self, tmp_path: Path) -> None:
        pack = order_tests_pack(tmp_path, MATCH_STACK_MAX)
        assert run_child(pack, LONG) == {"agrees": True, "fired": 64}

    def test_65_are_refused_naming_the_limit(self, tmp_path: Path) -> None:
        message = refused(order_tests_pack(tmp_path, MATCH_STACK_MAX + 1))
        assert "up to 65 tests can hold at once" in message
        assert "at most 64" in message

    def test_past_it_the_engine_fails_the_assessment(self, tmp_path: Path) -> None:
        answer = run_child(order_tests_pack(tmp_path, 65), LONG, "unchecked")
        assert answer["built"]
        assert "error code: 303" in answer["error"]


class TestMatchStackExactly:
    """The check accepts every pack the engine assesses on every observation set and
    refuses the rest: at the true limit and one past it, on the observations that make the
    most tests wait at once (found by the model; the engine fails on them past the limit)."""

    def advice_pack(self, folder: Path, count: int) -> Path:
        """``count`` advice rules ``actual_minutes >= n`` (issue 19: the old bound refused
        38 on top of the default rulebook; the engine takes 63 and fails at 64)."""
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "advice.toml"  # on the default rulebook: its verdicts, no others
        path.write_text("\n".join(rule(f"a{i}", all_of(cond("interview.actual_minutes", ">=",
                                                            i)), kind="advice")
                                  for i in range(1, count + 1)), encoding="utf-8")
        return path

    def test_63_advice_rules_on_the_default_rulebook_agree_at_their_worst(
            self, tmp_path: Path) -> None:
        pack = self.advice_pack(tmp_path, 63)
        Engine.from_paths(pack).close()  # accepted
        worst = worst_observations(pack, default=True)
        assert worst["interview"]["actual_minutes"] >= 63
        answer = run_child(pack, worst, default=True)
        assert answer["agrees"] is True

    def test_64_are_refused_and_past_the_check_the_engine_fails_on_them(
            self, tmp_path: Path) -> None:
        pack = self.advice_pack(tmp_path, 64)
        assert "up to 65 tests can hold at once" in refused(pack, default=True)
        worst = worst_observations(pack, default=True)
        answer = run_child(pack, worst, "unchecked", default=True)
        assert "error code: 303" in answer["error"]

    def two_fields_pack(self, folder: Path, actual: int) -> Path:
        """64 signals on scheduled_minutes and ``actual`` on actual_minutes: scheduled's
        tests are pushed first and wait below actual's (63 + 1), then fill the stack
        alone (64); the old bound added them up."""
        rules = [rule(f"s{i}", all_of(cond("interview.scheduled_minutes", ">=", i)))
                 for i in range(1, 65)]
        rules += [rule(f"a{i}", all_of(cond("interview.actual_minutes", ">=", i)),
                       kind="advice") for i in range(1, actual + 1)]
        return write_pack(folder, rules)

    def test_two_fields_at_the_true_limit_agree_at_their_worst(self, tmp_path: Path) -> None:
        pack = self.two_fields_pack(tmp_path, 63)
        worst = worst_observations(pack)
        assert run_child(pack, worst)["agrees"] is True
        both = {"interview": {"scheduled_minutes": 1440, "actual_minutes": 1440}}
        assert run_child(pack, both)["agrees"] is True

    def test_two_fields_one_past_are_refused_and_fail_in_the_engine(self, tmp_path: Path
                                                                    ) -> None:
        pack = self.two_fields_pack(tmp_path, 64)
        assert "up to 65 tests can hold at once" in refused(pack)
        answer = run_child(pack, worst_observations(pack), "unchecked")
        assert "error code: 303" in answer["error"]


class TestBetaLinks:
    def test_255_rules_on_one_observation_test_agree(self, tmp_path: Path) -> None:
        pack = waiting_pack(tmp_path, BETA_LINKS_MAX)
        assert run_child(pack, TOURED) == {"agrees": True, "fired": 255}

    def test_255_rules_on_one_fact_agree(self, tmp_path: Path) -> None:
        pack = fact_waiting_pack(tmp_path, BETA_LINKS_MAX)
        assert run_child(pack, TOURED) == {"agrees": True, "fired": 256}

    def test_256_are_refused_naming_the_limit(self, tmp_path: Path) -> None:
        for pack in (waiting_pack(tmp_path / "a", 256), fact_waiting_pack(tmp_path / "b", 256)):
            message = refused(pack)
            assert "[a255]" in message
            assert "256 rules wait on the same test" in message

    def test_past_it_the_engine_fires_a_rule_whose_condition_fails(self, tmp_path: Path
                                                                    ) -> None:
        """The 256-entry list has no end marker: reading it runs into the next one."""
        answer = run_child(waiting_pack(tmp_path, 256), TOURED, "unchecked")
        assert answer.get("agrees") is False or "error" in answer


class TestJoin:
    def test_a_rule_joining_16_facts_agrees(self, tmp_path: Path) -> None:
        pack = join_pack(tmp_path, JOIN_MAX)
        assert run_child(pack, {**LONG, **TOURED}) == {"agrees": True, "fired": 16}

    def test_17_are_refused_naming_the_limit(self, tmp_path: Path) -> None:
        message = refused(join_pack(tmp_path, JOIN_MAX + 1))
        assert "[joined]" in message
        assert "joins 17 facts" in message
        assert "16" in message

    def test_past_it_the_engine_fails_mid_assessment(self, tmp_path: Path) -> None:
        answer = run_child(join_pack(tmp_path, 17), {**LONG, **TOURED}, "unchecked")
        assert "error code: 304" in answer["error"]


class TestEngineRules:
    def test_4095_engine_rules_agree(self, tmp_path: Path) -> None:
        pack = branches_pack(tmp_path, ENGINE_RULES_MAX)
        answer = run_child(pack, {"interview": {"scheduled_minutes": 64, "actual_minutes": 63}})
        assert answer == {"agrees": True, "fired": 1}

    def test_4096_are_refused_naming_the_limit(self, tmp_path: Path) -> None:
        message = refused(branches_pack(tmp_path, ENGINE_RULES_MAX + 1))
        assert "4096 engine rules" in message
        assert "at most 4095" in message

    @pytest.mark.slow
    def test_past_it_the_engine_refuses_the_ruleset(self, tmp_path: Path) -> None:
        answer = run_child(branches_pack(tmp_path, 4096), {}, "unchecked")
        assert "error code: 106" in answer["error"]


class TestIsNot:
    def test_11_is_not_tests_in_one_branch_agree(self, tmp_path: Path) -> None:
        pack = is_not_pack(tmp_path, IS_NOT_MAX)
        answer = run_child(pack, {"interview": {"actual_minutes": 30},
                                  "tour": {"office_tour": False}})
        assert answer == {"agrees": True, "fired": 1}

    def test_12_are_refused_before_compiling(self, tmp_path: Path) -> None:
        message = refused(is_not_pack(tmp_path, IS_NOT_MAX + 1))
        assert "[negated]" in message
        assert "12 is_not tests" in message

    @pytest.mark.slow
    def test_past_it_the_engine_refuses_the_ruleset(self, tmp_path: Path) -> None:
        answer = run_child(is_not_pack(tmp_path, 12), {}, "unchecked")
        assert "error code: 106" in answer["error"]


class TestNonFinite:
    HOURS: ClassVar[dict[str, dict[str, object]]] = {
        "thank_you": {"note_sent": True, "response_received": True, "response_hours": 3}}

    @pytest.mark.parametrize("number", ["1e15", "-1e15", "1000000000000000"])
    def test_the_largest_number_a_pack_may_hold_agrees(self, tmp_path: Path, number: str
                                                       ) -> None:
        pack = write_pack(tmp_path, [rule("s", all_of(cond(
            "thank_you.response_hours", "<=" if number[0] != "-" else ">=", number)))])
        assert run_child(pack, self.HOURS) == {"agrees": True, "fired": 1}

    def test_the_largest_float_is_refused_by_name(self, tmp_path: Path) -> None:
        """Past 10^15 no threshold means anything, and integers past 2^63 are clamped by
        the engine's parser: refused while the pack is read."""
        message = refused(write_pack(tmp_path, [rule("s", all_of(cond(
            "thank_you.response_hours", "<=", "1.7976931348623157e308")))]))
        assert "[s]" in message
        assert "does not fit thank_you.response_hours" in message

    @pytest.mark.parametrize("test", [
        cond("thank_you.response_hours", "<=", "nan"),
        cond("thank_you.response_hours", "<=", "inf"),
        cond("thank_you.response_hours", ">=", "-inf"),
        '{ path = "interview.actual_minutes", op = ">", other = "interview.scheduled_minutes", '
        "plus = inf }",
    ])
    def test_nan_and_infinities_are_refused(self, tmp_path: Path, test: str) -> None:
        message = refused(write_pack(tmp_path, [rule("s", all_of(test))]))
        assert "[s]" in message
        assert "finite" in message

    def test_the_parser_refuses_it_before_the_limit_check_is_reached(
            self, tmp_path: Path) -> None:
        """The literal is refused while the pack is read, so even with the engine-limit
        check off the engine never sees it."""
        pack = write_pack(tmp_path, [rule("s", all_of(cond(
            "thank_you.response_hours", "<=", "inf")))])
        assert "finite number" in run_child(pack, self.HOURS, "unchecked")["error"]


class TestSameFactTwice:
    def pack(self, folder: Path) -> Path:
        """A qualifier whose ``when`` also waits for the signal it applies to."""
        return write_pack(folder, [
            rule("toured", all_of(cond("tour.office_tour", "==", "true"))),
            rule("met", '{ all = [{ signal = "toured" }, '
                 + cond("tour.people_called_in", "==", "true") + "] }",
                 kind="qualifier", applies_to="toured")])

    def test_the_compiler_tests_the_fact_once_and_the_rule_fires(self, tmp_path: Path
                                                                 ) -> None:
        observations = {"tour": {"office_tour": True, "people_called_in": True}}
        assert run_child(self.pack(tmp_path), observations) == {"agrees": True, "fired": 1}

    def test_tested_twice_the_engine_never_fires_it(self, tmp_path: Path) -> None:
        observations = {"tour": {"office_tour": True, "people_called_in": True}}
        assert run_child(self.pack(tmp_path), observations, "twice") == {"agrees": False,
                                                                         "fired": 1}

    def test_definitions_testing_a_fact_twice_are_reported(self) -> None:
        fact = {"$and": [{"kind": "signal"}, {"signal": "toured"}]}
        definitions = {"met#1.1": {"all": [{"f0": fact}, {"f1": fact}]}}
        assert [(name, "tests the same fact twice" in why)
                for name, why in check_definitions(definitions)] == [("met#1.1", True)]


def test_the_default_rulebook_is_within_every_limit() -> None:
    assert check_definitions(compile_rulebook(load_rulebook()).definitions()) == []


_JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=3),
                     lambda inner: st.lists(inner, max_size=4)
                     | st.dictionaries(st.sampled_from(["all", "$and", "$gt", "$ex", "o", "v1"]),
                                       inner, max_size=3), max_leaves=20)


@given(definitions=st.dictionaries(st.text(max_size=5), _JSON, max_size=4))
def test_check_definitions_answers_any_json_with_a_list_of_problems(
        definitions: dict[str, Any]) -> None:
    """Whatever shape it is given, the check reports; it never raises."""
    problems = check_definitions(definitions)
    assert all(isinstance(why, str) and (name is None or name in definitions)
               for name, why in problems)

