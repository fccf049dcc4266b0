"""``_components``: the independent groups of fields of a rulebook. Fields that no rule
reads together (through facts and qualifiers too) and that no contradiction check ties are
in different groups; each group is connected, so none is larger than it must be."""

from __future__ import annotations

from pathlib import Path

import pytest

from interview_signals import Engine
from interview_signals._consultation.search.field_groups import (
    FieldGroup,
    field_groups,
    reads,
    scoring_rules,
    validity_partners,
)
from interview_signals._observations.vocabulary import VOCABULARY
from interview_signals._rulebook.model import Rulebook

JOINING_PACK = """
[[rule]]
id = "interest_on_the_tour"
kind = "qualifier"
applies_to = "asked_about_interest"
when = { all = [{ path = "tour.office_tour" }] }
effect = { boost = 0.1 }
explanation = "Asked about your interest while showing you round."
source = { sign = 2, title = "They ask if you are interested" }
"""


def groups(book: Rulebook) -> tuple[FieldGroup, ...]:
    return field_groups(scoring_rules(book), book.by_id())


def group_of(comps: tuple[FieldGroup, ...], path: str) -> int:
    return next(i for i, c in enumerate(comps) if path in c.paths)


def test_scoring_needs_signals_qualifiers_and_the_facts_they_read(any_engine: Engine) -> None:
    book = any_engine.rulebook
    needed = scoring_rules(book)
    ids = {r.id for r in needed}
    assert ids >= {r.id for r in book.rules if r.kind in ("signal", "qualifier")}
    assert all(r.kind != "advice" for r in needed)  # nothing scored reads advice here
    for rule in needed:
        assert {d for d in reads(rule) if d in book.by_id()} <= ids


def test_reads_names_the_facts_and_the_signal_a_qualifier_applies_to(engine: Engine) -> None:
    by_id = engine.rulebook.by_id()
    assert reads(by_id["single_interviewer"]) == {"interview_ran_long"}
    assert reads(by_id["not_an_offer_yet"]) == {
        "asked_about_interest", "asked_about_other_interviews", "second_interview_on_the_spot"}
    assert reads(by_id["personal_tour"]) == set()


def test_the_groups_split_fields_and_rules(any_engine: Engine) -> None:
    """Every scoring rule is in one group, with every field it reads and every fact."""
    book = any_engine.rulebook
    comps = groups(book)
    paths = [p for c in comps for p in c.paths]
    assert len(paths) == len(set(paths))
    rules = [r.id for c in comps for r in c.rules]
    assert sorted(rules) == sorted(r.id for r in scoring_rules(book))
    for group in comps:
        ids = {r.id for r in group.rules}
        for rule in group.rules:
            assert set(rule.paths) <= set(group.paths), rule.id
            assert {d for d in reads(rule) if d in book.by_id()} <= ids, rule.id
        for path in group.paths:
            assert set(validity_partners(path)) <= set(group.paths), path
        assert group.checked == any(validity_partners(p) for p in group.paths)


def test_each_group_is_connected(any_engine: Engine) -> None:
    """No group joins fields that nothing ties: from any of its fields, the rules reading
    it, the facts they read and the contradiction checks reach all the others."""
    for group in groups(any_engine.rulebook):
        edges: dict[str, set[str]] = {}
        ids = {r.id for r in group.rules}
        for rule in group.rules:
            _link(edges, "rule:" + rule.id, "rule:" + rule.id)
            for path in rule.paths:
                _link(edges, "rule:" + rule.id, path)
            for dep in reads(rule) & ids:
                _link(edges, "rule:" + rule.id, "rule:" + dep)
        for path in group.paths:
            _link(edges, path, path)
            for other in validity_partners(path):
                _link(edges, path, other)
        start = group.paths[0]
        seen, stack = {start}, [start]
        while stack:
            for nxt in edges[stack.pop()] - seen:
                seen.add(nxt)
                stack.append(nxt)
        assert seen >= {*group.paths, *("rule:" + i for i in ids)}, group.paths


def _link(edges: dict[str, set[str]], a: str, b: str) -> None:
    edges.setdefault(a, set()).add(b)
    edges.setdefault(b, set()).add(a)


def test_fields_no_rule_reads_together_are_apart(engine: Engine) -> None:
    comps = groups(engine.rulebook)
    assert len(comps) > 1
    apart = [("interest.asked_if_interested", "interest.asked_where_else_interviewing"),
             ("tour.office_tour", "interview.actual_minutes"),
             ("thank_you.tone", "body_language.smiles")]
    for a, b in apart:
        assert group_of(comps, a) != group_of(comps, b), (a, b)
    together = [("interview.actual_minutes", "interview.interviewer_count"),  # a qualifier
                ("thank_you.tone", "thank_you.note_sent"),  # a prerequisite
                ("thank_you.references_specifics", "thank_you.tone")]  # an exclusion
    for a, b in together:
        assert group_of(comps, a) == group_of(comps, b), (a, b)


def test_a_field_only_advice_reads_is_in_no_group(engine: Engine) -> None:
    book = engine.rulebook
    scored = {p for r in scoring_rules(book) for p in r.paths}
    grouped = {p for c in groups(book) for p in c.paths}
    read_by_advice = {p for r in book.of_kind("advice") for p in r.paths}
    checked = {x for q in VOCABULARY for x in (q, *validity_partners(q)) if validity_partners(q)}
    lonely = read_by_advice - scored - checked
    assert lonely == {"job_specifics.overview_given"}
    assert not lonely & grouped
    assert grouped <= set(VOCABULARY)


@pytest.fixture(scope="module")
def joined(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    path = tmp_path_factory.mktemp("pack") / "joining.toml"
    path.write_text(JOINING_PACK, encoding="utf-8")
    return Engine.from_paths(Path(path))


def test_a_rule_reading_two_groups_joins_them(engine: Engine, joined: Engine) -> None:
    interest, tour = "interest.asked_if_interested", "tour.office_tour"
    before, after = groups(engine.rulebook), groups(joined.rulebook)
    assert group_of(before, interest) != group_of(before, tour)
    assert group_of(after, interest) == group_of(after, tour)
    assert len(after) == len(before) - 1
    merged = after[group_of(after, tour)]
    assert "interest_on_the_tour" in {r.id for r in merged.rules}
    assert "introduced_to_team" in {r.id for r in merged.rules}  # the tour's own rules
