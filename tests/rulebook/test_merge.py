"""Merging rule pack files into one rulebook (``interview_signals/_rulemerge.py``): new
rules, overrides merged over the rule they replace, verdicts, the summary and ``[params]``,
and every problem with its file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from interview_signals._rulebook.load import read_rulebook
from interview_signals._rulebook.merge import Merger

BAD_RULES = Path(__file__).resolve().parents[1] / "data" / "bad_rules"

RULE = """\
[[rule]]
id = "{id}"
kind = "{kind}"
title = "A title"
when = {{ all = [{{ path = "{path}", op = "{op}", {right} }}] }}
effect = {{ strength = 0.2 }}
explanation = "Why, in words a candidate reads."
source = {{ sign = 4, title = "You get a personal tour" }}
"""

SUMMARY = '[summary]\ncaveat = "Not an offer."\nnothing_known = "Record something."\n'
VERDICT = '[[verdict]]\nid = "{id}"\nmin_confidence = {min}\nsummary = "{summary}"\n'


def rule(rule_id: str, path: str = "tour.office_tour", op: str = "==",
         right: str = "value = true", kind: str = "signal") -> str:
    return RULE.format(id=rule_id, kind=kind, path=path, op=op, right=right)


def merged(tmp_path: Path, *files: tuple[str, str, str]) -> Merger:
    """A merger that read ``(pack, file name, text)`` in order."""
    merger = Merger()
    for pack, name, text in files:
        path = tmp_path / pack / name
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        merger.read_file(path, pack)
    return merger


def reasons(merger: Merger) -> list[tuple[str | None, str]]:
    return [(p.rule_id, p.reason) for p in merger.problems]


# --- moved from test_packs: duplicates and overrides, through read_rulebook ---------------


def test_a_duplicate_within_one_file_points_at_the_second_table(tmp_path: Path) -> None:
    table = (BAD_RULES / "missing_source.toml").read_text("utf-8").replace(
        "# Every rule cites the article's sign it rests on.\n", "")
    table += 'source = { sign = 7, title = "Your thank you note nets a response" }\n'
    (tmp_path / "twice.toml").write_text(table + "\n" + table, encoding="utf-8")
    _, problems = read_rulebook(tmp_path / "twice.toml")
    assert [(p.line, p.rule_id) for p in problems] == [(11, "neutral_tone")]
    assert "already defined in pack \"twice\", twice.toml line 2" in problems[0].reason


def test_an_override_that_drops_a_test_is_reported(tmp_path: Path) -> None:
    (tmp_path / "loose.toml").write_text(
        '[[rule]]\noverrides = "quick_response"\n'
        'when = { all = [{ path = "thank_you.response_hours", op = "<=", value = 48 }] }\n',
        encoding="utf-8")
    _, problems = read_rulebook(tmp_path / "loose.toml")
    assert [(p.rule_id, p.line) for p in problems] == [("quick_response", 2)]
    assert 'drops the test thank_you.tone is not "automatic"' in problems[0].reason
    (tmp_path / "loose.toml").write_text(
        (tmp_path / "loose.toml").read_text() + "drop_tests = true\n", encoding="utf-8")
    assert read_rulebook(tmp_path / "loose.toml")[1] == []


# --- new rules ------------------------------------------------------------------------------


def test_rules_are_kept_in_the_order_read_with_their_file_pack_and_line(tmp_path: Path
                                                                         ) -> None:
    merger = merged(tmp_path, ("one", "a.toml", "# a comment\n" + rule("toured")),
                    ("two", "b.toml", rule("introduced", path="tour.introduced_to_people")))
    assert merger.problems == []
    assert [(r.id, r.pack, Path(r.file).name, r.line) for r in merger.rules.values()] == [
        ("toured", "one", "a.toml", 3), ("introduced", "two", "b.toml", 2)]
    assert [Path(f).name for f in merger.files] == ["a.toml", "b.toml"]


def test_a_rule_without_an_id_is_a_problem_at_its_header(tmp_path: Path) -> None:
    merger = merged(tmp_path, ("p", "a.toml", "\n" + rule("x").replace('id = "x"\n', "")))
    assert [(p.rule_id, p.line) for p in merger.problems] == [(None, 2)]
    assert merger.problems[0].reason.startswith("a rule without an id")
    assert merger.rules == {}


def test_a_duplicate_id_in_a_later_pack_says_where_the_first_is(tmp_path: Path) -> None:
    merger = merged(tmp_path, ("one", "a.toml", rule("toured")),
                    ("two", "b.toml", rule("toured")))
    ((rule_id, reason),) = reasons(merger)
    assert rule_id == "toured"
    assert reason == ("duplicate id \"toured\" (already defined in pack \"one\", a.toml line 2); "
                      'to change that rule, write overrides = "toured" instead of id')
    assert merger.rules["toured"].pack == "one"


def test_a_duplicate_of_a_default_rule_suggests_checking_without_the_default(
        tmp_path: Path) -> None:
    merger = merged(tmp_path, ("default", "a.toml", rule("toured")),
                    ("mine", "b.toml", rule("toured")))
    assert reasons(merger)[0][1].endswith("; to check a complete rulebook on its own, "
                                          "add --no-default")


def test_a_broken_rule_is_not_kept_and_its_duplicate_is_not_reported(tmp_path: Path) -> None:
    merger = merged(tmp_path, ("p", "a.toml", rule("toured", path="tour.coffee")),
                    ("p", "b.toml", rule("toured")))
    assert [r for r, _ in reasons(merger)] == ["toured", "toured"]
    assert "tour.coffee" in reasons(merger)[0][1]
    assert "duplicate id" in reasons(merger)[1][1]
    assert merger.broken == {"toured"}
    assert merger.rules == {}


def test_only_an_override_may_drop_tests(tmp_path: Path) -> None:
    merger = merged(tmp_path, ("p", "a.toml", rule("toured") + "drop_tests = true\n"))
    assert reasons(merger) == [("toured", "drop_tests: only an override can drop the tests "
                                          "of the rule it overrides")]


# --- overrides ------------------------------------------------------------------------------


def test_an_override_changes_what_it_names_keeps_the_rest_and_its_place(tmp_path: Path
                                                                         ) -> None:
    merger = merged(
        tmp_path, ("base", "a.toml", rule("toured") + "\n"
                   + rule("introduced", path="tour.introduced_to_people")),
        ("tuned", "b.toml", '[[rule]]\noverrides = "toured"\neffect = { strength = 0.5 }\n'))
    assert merger.problems == []
    assert list(merger.rules) == ["toured", "introduced"]
    toured = merger.rules["toured"]
    assert (toured.amount, toured.title, toured.explanation) == (
        0.5, "A title", "Why, in words a candidate reads.")
    assert (toured.pack, toured.overrides, toured.overrides_pack, Path(toured.file).name,
            toured.line) == ("tuned", "toured", "base", "b.toml", 2)


def test_an_override_of_an_override_remembers_the_pack_it_replaced(tmp_path: Path) -> None:
    override = '[[rule]]\noverrides = "toured"\neffect = { strength = 0.3 }\n'
    merger = merged(tmp_path, ("base", "a.toml", rule("toured")),
                    ("first", "b.toml", override), ("second", "c.toml", override))
    toured = merger.rules["toured"]
    assert (toured.pack, toured.overrides_pack) == ("second", "first")


def test_an_override_of_an_unknown_rule_suggests_a_near_one(tmp_path: Path) -> None:
    merger = merged(tmp_path, ("p", "a.toml", rule("toured")),
                    ("q", "b.toml", '[[rule]]\noverrides = "tourd"\n'))
    ((rule_id, reason),) = reasons(merger)
    assert rule_id == "tourd"
    assert reason.startswith("overrides: unknown rule id \"tourd\"; an override names a rule "
                             "loaded before it")
    assert "toured" in reason.removeprefix("overrides: unknown rule id \"tourd\"")


def test_an_override_may_not_come_before_its_rule(tmp_path: Path) -> None:
    merger = merged(tmp_path, ("q", "a.toml", '[[rule]]\noverrides = "toured"\n'),
                    ("p", "b.toml", rule("toured")))
    assert [r for r, _ in reasons(merger)] == ["toured"]
    assert "unknown rule id \"toured\"" in reasons(merger)[0][1]


def test_an_override_of_a_broken_rule_adds_no_problem_of_its_own(tmp_path: Path) -> None:
    merger = merged(tmp_path, ("p", "a.toml", rule("toured", path="tour.coffee")),
                    ("q", "b.toml", '[[rule]]\noverrides = "toured"\n'))
    assert len(merger.problems) == 1
    assert "tour.coffee" in merger.problems[0].reason


@pytest.mark.parametrize(("table", "named", "reason"), [
    ('overrides = "toured"\nid = "other"\n', "other",
     "an override keeps the id it overrides; drop id or set it to \"toured\""),
    ('overrides = "toured"\nkind = "advice"\n', "toured",
     "kind: an override cannot turn a signal into the string \"advice\""),
])
def test_an_override_keeps_the_id_and_kind_of_its_rule(tmp_path: Path, table: str,
                                                       named: str, reason: str) -> None:
    merger = merged(tmp_path, ("p", "a.toml", rule("toured")),
                    ("q", "b.toml", "[[rule]]\n" + table))
    assert [(p.rule_id, p.reason, p.line) for p in merger.problems] == [(named, reason, 2)]
    assert merger.rules["toured"].pack == "p"


def test_an_override_that_keeps_every_test_needs_no_drop_tests(tmp_path: Path) -> None:
    narrower = ('[[rule]]\noverrides = "toured"\nwhen = { all = ['
                '{ path = "tour.office_tour", op = "==", value = true }, '
                '{ path = "tour.introduced_to_people", op = "==", value = true }] }\n')
    merger = merged(tmp_path, ("p", "a.toml", rule("toured")), ("q", "b.toml", narrower))
    assert merger.problems == []
    assert len(merger.rules["toured"].branches[0]) == 2


# --- verdicts and the summary ---------------------------------------------------------------


def test_a_verdict_override_changes_what_it_names(tmp_path: Path) -> None:
    verdicts = (VERDICT.format(id="good", min="0.5", summary="Good: {signals}.")
                + VERDICT.format(id="none", min="0", summary="Nothing."))
    merger = merged(tmp_path, ("p", "v.toml", verdicts),
                    ("q", "w.toml", '[[verdict]]\noverrides = "good"\nmin_confidence = 0.7\n'))
    assert merger.problems == []
    assert [(v.id, v.min_confidence, v.summary) for v in merger.verdicts.values()] == [
        ("good", 0.7, "Good: {signals}."), ("none", 0.0, "Nothing.")]


def test_a_verdict_has_a_title_its_own_or_its_id_made_readable(tmp_path: Path) -> None:
    titled = VERDICT.format(id="good", min="0.5", summary="Good.") + 'title = "Looking good"\n'
    merger = merged(tmp_path, ("p", "v.toml", titled + VERDICT.format(
                        id="not_yet", min="0", summary="Nothing.")),
                    ("q", "w.toml", '[[verdict]]\noverrides = "good"\nmin_confidence = 0.7\n'))
    assert merger.problems == []
    assert [(v.id, v.title) for v in merger.verdicts.values()] == [
        ("good", "Looking good"), ("not_yet", "Not yet")]


@pytest.mark.parametrize("title", ['""', "3", '"' + "x" * 41 + '"'])
def test_a_verdict_title_is_a_few_words(tmp_path: Path, title: str) -> None:
    table = VERDICT.format(id="good", min="0", summary="Good.") + f"title = {title}\n"
    merger = merged(tmp_path, ("p", "v.toml", table))
    assert [p.reason.split(":")[0] for p in merger.problems] == ["title"]
    assert "at most 40 characters" in merger.problems[0].reason


def test_verdict_duplicates_and_unknown_overrides_are_problems(tmp_path: Path) -> None:
    good = VERDICT.format(id="good", min="0.5", summary="Good: {signals}.")
    merger = merged(tmp_path, ("p", "v.toml", good), ("q", "w.toml", good),
                    ("r", "x.toml", '[[verdict]]\noverrides = "god"\nmin_confidence = 0.7\n'),
                    ("s", "y.toml", "[[verdict]]\nmin_confidence = 0.7\n"))
    assert [(p.rule_id, p.line) for p in merger.problems] == [("good", 2), ("god", 2),
                                                             (None, 1)]
    assert merger.problems[0].reason == ("duplicate verdict \"good\"; to change it, write "
                                         'overrides = "good" instead of id')
    assert merger.problems[1].reason.startswith("overrides: unknown verdict \"god\"")
    assert "good" in merger.problems[1].reason.removeprefix("overrides: unknown verdict \"god\"")
    assert merger.problems[2].reason.startswith("a verdict without an id")


def test_the_summary_is_read_key_by_key_and_later_packs_win(tmp_path: Path) -> None:
    merger = merged(tmp_path, ("p", "a.toml", SUMMARY),
                    ("q", "b.toml", '[summary]\ncaveat = "Still not an offer."\n'
                     'against = "Against: {signals}."\n'))
    assert merger.problems == []
    assert merger.summary == {"caveat": "Still not an offer.",
                              "nothing_known": "Record something.",
                              "against": "Against: {signals}."}


@pytest.mark.parametrize(("text", "reason"), [
    ('[summary]\ncavet = "x"\n', "[summary]: unknown key \"cavet\" (did you mean \"caveat\"?)"),
    ("[summary]\ncaveat = 3\n", "[summary].caveat: expected text"),
    ('[summary]\nnothing_known = "{count} seen"\n',
     "[summary].nothing_known: the only placeholder is {signals}"),
    ('summary = "text"\n', "[summary]: expected a table"),
])
def test_a_bad_summary_is_a_problem_and_is_not_kept(tmp_path: Path, text: str,
                                                    reason: str) -> None:
    merger = merged(tmp_path, ("p", "a.toml", text))
    assert reasons(merger) == [(None, reason)]
    assert merger.summary == {}


# --- the file as a whole --------------------------------------------------------------------


@pytest.mark.parametrize(("text", "reason"), [
    ('[[rules]]\nid = "x"\n', "unknown top-level key \"rules\" (did you mean \"rule\"?); a pack "
     "holds [[rule]], [[verdict]], [[band]], [[case]], [summary], [params], [language] and "
     "[texts] tables"),
    ("rule = 3\n", "rule: expected [[rule]] tables"),
    ("verdict = [1, 2]\n", "verdict: expected [[verdict]] tables"),
])
def test_a_file_of_the_wrong_shape_is_a_problem(tmp_path: Path, text: str, reason: str
                                                ) -> None:
    assert reasons(merged(tmp_path, ("p", "a.toml", text))) == [(None, reason)]


def test_a_toml_syntax_error_gives_its_line_and_column(tmp_path: Path) -> None:
    merger = merged(tmp_path, ("p", "a.toml", '[[rule]]\nid = "x"\nkind = \n'))
    (problem,) = merger.problems
    assert problem.line == 3
    assert problem.reason.startswith("TOML syntax error at column ")
    assert "(at line" not in problem.reason
    assert (merger.unreadable, merger.files) == (True, [])


@pytest.mark.parametrize(("content", "reason"), [
    (None, "cannot read the file: No such file or directory"),
    (b"\xff\xfe[[rule]]", "cannot read the file: 'utf-8' codec can't decode byte 0xff in "
     "position 0: invalid start byte"),
    (b"a = " + b"[" * 100_000, "cannot read the file: tables or lists nested too deeply"),
])
def test_a_file_that_cannot_be_read_is_one_problem(tmp_path: Path, content: bytes | None,
                                                   reason: str) -> None:
    path = tmp_path / "a.toml"
    if content is not None:
        path.write_bytes(content)
    merger = Merger()
    merger.read_file(path, "p")
    assert [(p.file, p.reason, p.line) for p in merger.problems] == [(str(path), reason, None)]
    assert merger.unreadable
    assert merger.whole_book_problems() == []  # what it held is unknown, not missing


def test_a_whole_book_needs_verdicts_and_the_nothing_known_text(tmp_path: Path) -> None:
    """The caveat and the bands are optional: a pack alone may leave them out."""
    merger = merged(tmp_path, ("p", "a.toml", rule("toured")),
                    ("p", "b.toml", '[summary]\ncaveat = "Not an offer."\n'))
    files = ", ".join(merger.files)
    assert [(p.file, p.reason) for p in merger.whole_book_problems()] == [
        (files, "no [[verdict]] tables: the rulebook needs at least one verdict"),
        (files, "[summary] needs nothing_known")]
    assert [p.reason for p in Merger().whole_book_problems()] == [
        "no [[verdict]] tables: the rulebook needs at least one verdict",
        "[summary] needs nothing_known"]
    assert Merger().whole_book_problems()[0].file == "<none>"


# --- [params] -------------------------------------------------------------------------------

HOURS = rule("quick", path="thank_you.response_hours", op="<=", right='param = "hours"')
SHARE = rule("long", path="interview.actual_minutes", op=">=",
             right='other = "interview.scheduled_minutes", share_param = "share"')


def test_a_parameter_becomes_its_number_and_a_later_pack_wins(tmp_path: Path) -> None:
    merger = merged(tmp_path, ("p", "a.toml", "[params]\nhours = 24\nshare = 0.2\n" + HOURS
                               + SHARE), ("q", "b.toml", "[params]\nhours = 48.5\n"))
    book = merger.resolved_book()
    assert merger.problems == []
    assert book.params == {"hours": 48.5, "share": 0.2}
    quick, long = book.rules
    assert (quick.branches[0][0].value, quick.branches[0][0].param) == (48.5, "hours")
    assert "* 1.2" in long.describe_condition()
    assert merger.rules["quick"].branches[0][0].value != 48.5  # the merged rule is untouched


def test_a_whole_number_parameter_stays_whole(tmp_path: Path) -> None:
    book = merged(tmp_path, ("p", "a.toml", "[params]\nhours = 24.0\n" + HOURS)).resolved_book()
    value = book.rules[0].branches[0][0].value
    assert (value, type(value)) == (24, int)


@pytest.mark.parametrize(("params", "reason"), [
    ("[params]\nhour = 24\nshare = 0.2\n",
     "when: unknown parameter \"hours\" (did you mean \"hour\"?); a pack defines it under "
     "[params]"),
    ("[params]\nhours = 24\nshare = 1.2\n",
     "[params].share: used as a share, expected a fraction above 0 and below 1, got 1.2"),
])
def test_a_parameter_that_cannot_be_used_drops_its_rule(tmp_path: Path, params: str,
                                                        reason: str) -> None:
    merger = merged(tmp_path, ("p", "a.toml", params + HOURS + SHARE))
    book = merger.resolved_book()
    ((rule_id, why),) = reasons(merger)
    assert why == reason
    assert len(book.rules) == 1
    assert rule_id in merger.broken
    assert merger.problems[0].line is not None


def test_a_rule_file_larger_than_the_bound_is_a_problem_not_read_whole(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import interview_signals._rulebook.merge as rulemerge

    monkeypatch.setattr(rulemerge, "MAX_PACK_FILE_BYTES", 64)
    big = tmp_path / "big.toml"
    big.write_text("# " + "x" * 100 + "\n", encoding="utf-8")
    _, problems = read_rulebook(big)
    (problem,) = [p for p in problems if p.file == str(big)]
    assert problem.reason.startswith("larger than ")
