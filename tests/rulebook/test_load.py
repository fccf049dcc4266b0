"""The default rulebook loads and says what SPEC section 5 requires; a few broken packs are
rejected with every problem named by file, rule id and reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from interview_signals import Engine, Rulebook, RulebookError, RuleProblem

# SPEC section 5, written out: the stable ids, their kinds and signs.
SIGNALS = {
    "positive_body_language": 1, "disengaged_interviewer": 1, "stock_questions": 1,
    "asked_about_interest": 2,
    "asked_about_other_interviews": 2, "second_interview_on_the_spot": 3, "personal_tour": 4,
    "interview_ran_long": 5, "job_specifics_deep_dive": 6, "thank_you_response": 7,
}
QUALIFIERS = {
    "friendly_by_nature": ("positive_body_language", "discount"),
    "single_interviewer": ("interview_ran_long", "boost"),
    "scheduled_on_the_spot": ("second_interview_on_the_spot", "boost"),
    "quick_response": ("thank_you_response", "boost"),
    "specific_references": ("thank_you_response", "boost"),
    "warm_tone": ("thank_you_response", "boost"),
    "curt_tone": ("thank_you_response", "discount"),
    "you_would_language": ("job_specifics_deep_dive", "boost"),
    "several_cues": ("positive_body_language", "boost"),
    "engaged_and_affirming": ("positive_body_language", "boost"),
    "introduced_to_team": ("personal_tour", "boost"),
}
ADVICE = ("send_thank_you_note", "prepare_for_next_round", "not_an_offer_yet",
          "show_you_are_serious", "short_interview_not_a_dealbreaker", "no_reply_is_not_a_no",
          "automatic_reply", "overview_is_standard", "you_would_without_a_deep_dive")
FILES = ["01-body-language.toml", "02-interest.toml", "03-next-round.toml", "04-tour.toml",
         "05-ran-long.toml", "06-job-specifics.toml", "07-thank-you.toml", "advice.toml",
         "notes.toml", "verdicts.toml"]


@pytest.fixture(scope="module")
def book() -> Rulebook:
    return Engine.default().rulebook


def _problems(*paths: Path, include_default: bool = True) -> tuple[RuleProblem, ...]:
    with pytest.raises(RulebookError) as info:
        Engine.from_paths(*paths, include_default=include_default)
    return info.value.problems


def _where(problems: tuple[RuleProblem, ...]) -> list[tuple[str, str | None]]:
    return sorted((Path(p.file).name, p.rule_id) for p in problems)


RULE = """\
[[rule]]
id = "{id}"
kind = "signal"
title = "A title"
when = {{ all = [{{ path = "{path}", op = "==", value = {value} }}] }}
effect = {{ strength = 0.2 }}
explanation = "Why, in words a candidate reads."
source = {{ sign = 4, title = "You get a personal tour" }}
"""


def _rule(rule_id: str, path: str = "tour.office_tour", value: str = "true") -> str:
    return RULE.format(id=rule_id, path=path, value=value)


class TestDefaultRulebook:
    def test_it_holds_exactly_the_ids_of_the_contract_with_their_kinds(
            self, book: Rulebook) -> None:
        assert {r.id: r.kind for r in book.rules} == {
            **dict.fromkeys(SIGNALS, "signal"), **dict.fromkeys(QUALIFIERS, "qualifier"),
            **dict.fromkeys(ADVICE, "advice")}

    def test_ids_are_unique(self, book: Rulebook) -> None:
        ids = [r.id for r in book.rules]
        assert len(ids) == len(set(ids))

    def test_signals_belong_to_their_signs(self, book: Rulebook) -> None:
        assert {r.id: r.sign for r in book.of_kind("signal")} == SIGNALS

    def test_qualifiers_apply_to_their_signal_with_their_effect(self, book: Rulebook) -> None:
        assert {r.id: (r.applies_to, r.effect) for r in book.of_kind("qualifier")} == QUALIFIERS

    def test_a_qualifier_belongs_to_the_sign_of_its_signal(self, book: Rulebook) -> None:
        for rule in book.of_kind("qualifier"):
            assert rule.sign == SIGNALS[str(rule.applies_to)]

    def test_only_sign_1_counts_against_both_ways_it_names(self, book: Rulebook) -> None:
        """Sign 1: an interviewer not engaged, and one asking stock questions."""
        against = {r.id for r in book.of_kind("signal") if r.amount < 0}
        assert against == {"disengaged_interviewer", "stock_questions"}
        assert all(-1 <= r.amount <= 1 and r.amount != 0 for r in book.of_kind("signal"))

    def test_boosts_and_discounts_are_fractions(self, book: Rulebook) -> None:
        assert all(0 < r.amount < 1 for r in book.of_kind("qualifier"))

    def test_advice_has_no_effect_on_strengths(self, book: Rulebook) -> None:
        assert {(r.effect, r.amount) for r in book.of_kind("advice")} == {("advise", 0.0)}

    def test_every_rule_explains_itself_and_cites_its_sign(self, book: Rulebook) -> None:
        for rule in book.rules:
            assert rule.explanation.strip(), rule.id
            assert 1 <= rule.source_sign <= 7, rule.id
            assert rule.source_title.strip(), rule.id

    def test_each_sign_is_cited_with_one_title(self, book: Rulebook) -> None:
        titles: dict[int, set[str]] = {}
        for rule in book.rules:
            titles.setdefault(rule.source_sign, set()).add(rule.source_title)
        assert sorted(titles) == list(range(1, 8))
        assert all(len(t) == 1 for t in titles.values())

    def test_signals_cite_their_own_sign(self, book: Rulebook) -> None:
        assert all(r.source_sign == r.sign for r in book.of_kind("signal"))

    def test_signals_have_titles(self, book: Rulebook) -> None:
        assert all(r.title.strip() for r in book.of_kind("signal"))

    def test_every_rule_comes_from_the_default_pack(self, book: Rulebook) -> None:
        assert {r.pack for r in book.rules} == {"default"}
        assert {r.overrides for r in book.rules} == {None}

    def test_the_rulebook_is_read_from_one_file_per_sign_plus_advice_and_verdicts(
            self, book: Rulebook) -> None:
        assert [Path(f).name for f in book.files] == FILES
        assert len({Path(f).parent for f in book.files}) == 1
        assert Path(book.files[0]).parent.name == "rules"

    def test_rules_live_in_the_file_of_their_sign(self, book: Rulebook) -> None:
        for rule in book.rules:
            name = Path(rule.file).name
            if rule.kind == "advice":
                assert name == "advice.toml"
            else:
                assert name.startswith(f"0{rule.sign}-"), rule.id

    def test_verdicts_are_tried_from_strongest_to_inconclusive(self, book: Rulebook) -> None:
        assert [v.id for v in book.verdicts] == ["strong", "promising", "tentative",
                                                 "inconclusive"]
        last = book.verdicts[-1]
        assert (last.min_confidence, last.or_signals) == (0.0, ())

    def test_a_next_round_is_enough_for_strong(self, book: Rulebook) -> None:
        assert "second_interview_on_the_spot" in book.verdicts[0].or_signals
        # The stated exception: the invitation alone gets the top verdict, though its
        # strength alone does not reach the confidence strong needs.
        invitation = book.by_id()["second_interview_on_the_spot"]
        assert invitation.amount < book.verdicts[0].min_confidence
        assert Engine.default().assess(
            {"next_steps": {"invited_to_next_round": True}}).verdict == "strong"

    def test_the_summary_texts_are_there(self, book: Rulebook) -> None:
        # No caveat closes every summary: the advice says what fits what was recorded.
        assert book.caveat == ""
        assert book.nothing_known.strip()
        assert book.against.count("{signals}") == 1
        assert book.against.replace("{signals}", "").strip()

    @pytest.mark.parametrize(("rule_id", "condition"), [
        ("quick_response", "signal thank_you_response and thank_you.response_hours <= 24 "
         '(parameter quick_reply_hours) and thank_you.tone is not "automatic"'),
        ("interview_ran_long", "interview.actual_minutes >= interview.scheduled_minutes * 1.2 "
         "(parameter time_share)"),
        ("send_thank_you_note", "thank_you.note_sent is not true and "
         "thank_you.response_received is not true and thank_you.response_hours is unknown and "
         "thank_you.tone is unknown and thank_you.references_specifics is not true"),
        ("automatic_reply", 'thank_you.tone == "automatic"'),
        ("thank_you_response", '(thank_you.response_received == true and thank_you.tone is '
         'not "automatic") or (thank_you.response_hours is known and thank_you.tone is not '
         '"automatic") or thank_you.tone != "automatic" or '
         "thank_you.references_specifics == true"),
        ("disengaged_interviewer", "body_language.engaged == false"),
        ("stock_questions", "body_language.rote_questions == true"),
        ("short_interview_not_a_dealbreaker",
         "interview.actual_minutes <= interview.scheduled_minutes * 0.8 (parameter time_share)"),
        ("personal_tour", "tour.office_tour == true or tour.introduced_to_people == true or "
         "tour.people_called_in == true"),
    ])
    def test_thresholds_and_conditions_are_rulebook_data(
            self, book: Rulebook, rule_id: str, condition: str) -> None:
        assert book.by_id()[rule_id].describe_condition() == condition

    def test_the_condition_paths_are_what_because_and_missing_report(
            self, book: Rulebook) -> None:
        assert book.by_id()["interview_ran_long"].paths == (
            "interview.actual_minutes", "interview.scheduled_minutes")
        assert book.by_id()["disengaged_interviewer"].paths == ("body_language.engaged",)
        assert book.by_id()["stock_questions"].paths == ("body_language.rote_questions",)

    def test_loading_the_default_pack_again_gives_the_same_rulebook(
            self, book: Rulebook) -> None:
        assert Engine.from_paths().rulebook == book


class TestBadPacks:
    def test_a_toml_syntax_error_names_the_file_and_line(self, tmp_path: Path) -> None:
        (tmp_path / "broken.toml").write_text('[[rule]\nid = "x"\n')
        (problem,) = _problems(tmp_path)
        assert (problem.file, problem.rule_id, problem.line) == (
            str(tmp_path / "broken.toml"), None, 1)
        assert "TOML" in problem.reason

    def test_every_problem_of_every_rule_is_reported_not_just_the_first(
            self, tmp_path: Path) -> None:
        (tmp_path / "a.toml").write_text(
            _rule("bad_literal", value="1") + "\n"
            + _rule("unknown_path", path="tour.coffee") + "\n"
            + _rule("good_one").replace("kind = \"signal\"", "kind = \"signal\"\ncolour = 1"))
        (tmp_path / "b.toml").write_text(_rule("bad_type", path="interview.actual_minutes",
                                               value='"long"'))
        problems = _problems(tmp_path)
        assert _where(problems) == [("a.toml", "bad_literal"), ("a.toml", "good_one"),
                                    ("a.toml", "unknown_path"), ("b.toml", "bad_type")]
        reasons = {p.rule_id: p.reason for p in problems}
        assert "tour.coffee" in reasons["unknown_path"]
        assert "colour" in reasons["good_one"]
        assert "1" in reasons["bad_literal"]

    def test_the_error_message_lists_every_problem(self, tmp_path: Path) -> None:
        (tmp_path / "a.toml").write_text(_rule("one", path="tour.x") + _rule("two",
                                                                             path="tour.y"))
        with pytest.raises(RulebookError) as info:
            Engine.from_paths(tmp_path)
        message = str(info.value)
        assert message.startswith("2 problems in the rulebook:")
        assert all(str(p) in message for p in info.value.problems)

    def test_a_duplicate_of_a_default_rule_must_say_overrides(self, tmp_path: Path) -> None:
        (tmp_path / "dup.toml").write_text(_rule("personal_tour"))
        (problem,) = _problems(tmp_path)
        assert (Path(problem.file).name, problem.rule_id) == ("dup.toml", "personal_tour")
        assert "overrides" in problem.reason

    def test_overriding_a_rule_that_does_not_exist_is_a_problem(self, tmp_path: Path) -> None:
        (tmp_path / "override.toml").write_text('[[rule]]\noverrides = "no_such_rule"\n'
                                                'effect = { strength = 0.5 }\n')
        (problem,) = _problems(tmp_path)
        assert (Path(problem.file).name, problem.rule_id) == ("override.toml", "no_such_rule")

    def test_a_qualifier_of_an_unknown_signal_is_a_problem(self, tmp_path: Path) -> None:
        (tmp_path / "q.toml").write_text(
            '[[rule]]\nid = "coffee_boost"\nkind = "qualifier"\n'
            'applies_to = "coffee_offered"\n'
            'when = { all = [{ path = "tour.office_tour", op = "==", value = true }] }\n'
            'effect = { boost = 0.2 }\nexplanation = "Coffee."\n'
            'source = { sign = 4, title = "You get a personal tour" }\n')
        (problem,) = _problems(tmp_path)
        assert problem.rule_id == "coffee_boost"
        assert "coffee_offered" in problem.reason

    def test_a_discount_on_no_reply_is_rejected_as_absence_counted_against(
            self, tmp_path: Path) -> None:
        (tmp_path / "harsh.toml").write_text(
            '[[rule]]\nid = "silence_hurts"\nkind = "qualifier"\n'
            'applies_to = "thank_you_response"\n'
            'when = { all = [{ path = "thank_you.response_received", op = "==", '
            'value = false }] }\n'
            'effect = { discount = 0.5 }\nexplanation = "Silence."\n'
            'source = { sign = 7, title = "Your thank you note nets a response" }\n')
        (problem,) = _problems(tmp_path)
        assert problem.rule_id == "silence_hurts"
        assert "evidence against" in problem.reason

    def test_a_folder_without_toml_files_is_a_problem(self, tmp_path: Path) -> None:
        (tmp_path / "notes.txt").write_text("not a rule")
        (problem,) = _problems(tmp_path)
        assert (problem.file, problem.rule_id) == (str(tmp_path), None)

    def test_a_missing_path_is_a_problem(self, tmp_path: Path) -> None:
        (problem,) = _problems(tmp_path / "nope")
        assert (problem.file, problem.rule_id) == (str(tmp_path / "nope"), None)

    def test_problems_of_several_packs_are_all_reported(self, tmp_path: Path) -> None:
        for name in ("one", "two"):
            (tmp_path / name).mkdir()
            (tmp_path / name / f"{name}.toml").write_text(_rule(f"rule_{name}",
                                                                path="tour.nowhere"))
        assert _where(_problems(tmp_path / "one", tmp_path / "two")) == [
            ("one.toml", "rule_one"), ("two.toml", "rule_two")]

    def test_a_pack_alone_needs_its_own_verdicts_and_summary(self, tmp_path: Path) -> None:
        (tmp_path / "signals.toml").write_text(_rule("coffee_offered"))
        problems = _problems(tmp_path, include_default=False)
        reasons = " ".join(p.reason for p in problems)
        assert "verdict" in reasons
        assert "summary" in reasons

    def test_a_pack_may_replace_the_summary_of_signs_against(self, tmp_path: Path) -> None:
        (tmp_path / "summary.toml").write_text('[summary]\nagainst = "Against you: {signals}."\n')
        engine = Engine.from_paths(tmp_path)
        assert engine.rulebook.against == "Against you: {signals}."
        assert engine.rulebook.caveat == Engine.default().rulebook.caveat
        result = engine.assess({"body_language": {"rote_questions": True, "engaged": False}})
        assert result.summary.endswith(
            " Against you: an interviewer who did not seem engaged and mostly stock questions.")

    @pytest.mark.parametrize(("text", "reason"), [
        ("Against you: {signal}.", "[summary].against: the only placeholder is {signals}"),
        ("Against you: {signals} {0}.", "[summary].against: the only placeholder is {signals}"),
        ("Against you: signals}.", "[summary].against: the only placeholder is {signals}"),
        ("  ", "[summary].against: expected text"),
    ])
    def test_a_bad_summary_of_signs_against_is_a_problem(
            self, tmp_path: Path, text: str, reason: str) -> None:
        (tmp_path / "summary.toml").write_text(f'[summary]\nagainst = "{text}"\n')
        (problem,) = _problems(tmp_path)
        assert (Path(problem.file).name, problem.rule_id, problem.reason) == (
            "summary.toml", None, reason)

    def test_a_pack_alone_may_leave_out_the_summary_of_signs_against(
            self, tmp_path: Path) -> None:
        (tmp_path / "verdicts.toml").write_text(
            '[summary]\ncaveat = "Not an offer."\nnothing_known = "Record something."\n\n'
            '[[verdict]]\nid = "some"\nmin_confidence = 0.1\n'
            'summary = "Some signs: {signals}."\n\n'
            '[[verdict]]\nid = "none"\nmin_confidence = 0.0\n'
            'summary = "Nothing clear."\n')
        (tmp_path / "rules.toml").write_text(
            _rule("coffee_offered") + "\n" + _rule("rote", path="body_language.rote_questions")
            .replace("strength = 0.2", "strength = -0.2"))
        engine = Engine.from_paths(tmp_path, include_default=False)
        assert engine.rulebook.against == ""
        result = engine.assess({"tour": {"office_tour": True},
                                "body_language": {"rote_questions": True}})
        assert [s.strength for s in result.signals] == [0.2, -0.2]
        # Net zero is never "some signs"; with no [summary] against, nothing is added, and
        # the last verdict gets no caveat.
        assert result.summary == "Nothing clear."
        alone = engine.assess({"tour": {"office_tour": True}})
        assert alone.summary == "Some signs: a title. Not an offer."

    def test_a_good_pack_on_top_of_the_default_loads(self, tmp_path: Path) -> None:
        (tmp_path / "coffee.toml").write_text(_rule("coffee_offered"))
        book = Engine.from_paths(tmp_path).rulebook
        (coffee,) = [r for r in book.rules if r.id == "coffee_offered"]
        assert coffee.pack != "default"
        assert coffee.file.endswith("coffee.toml")
        assert len(book.rules) == len(Engine.default().rulebook.rules) + 1
