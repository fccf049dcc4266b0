"""``_rulebook.check``: whole-book checks that read vocabulary metadata, never paths by name."""

from __future__ import annotations

from attrs import evolve

from interview_signals import Engine
from interview_signals._observations.vocabulary import VOCABULARY
from interview_signals._rulebook.check import absence_basis, dropped_tests
from interview_signals._rulebook.model import Test


def test_an_override_keeping_each_test_with_a_new_threshold_drops_nothing() -> None:
    base = Engine.default().rulebook.by_id()["quick_response"]
    (branch,) = base.branches
    tuned = evolve(base, branches=((evolve(branch[0], value=48), branch[1]),))
    assert dropped_tests(base, tuned) == []


def test_an_override_leaving_out_a_test_names_it() -> None:
    base = Engine.default().rulebook.by_id()["quick_response"]
    tuned = evolve(base, branches=((base.branches[0][0],),))
    assert dropped_tests(base, tuned) == ['thank_you.tone is not "automatic"']


def test_what_is_no_evidence_against_is_vocabulary_data() -> None:
    notes = {p: dict(s.not_against) for p, s in VOCABULARY.items() if s.not_against}
    assert set(notes) == {"interview.actual_minutes", "job_specifics.overview_given",
                          "job_specifics.deep_dive", "job_specifics.you_would_language",
                          "thank_you.response_received", "thank_you.references_specifics"}
    assert all(why.startswith("sign ") for answers in notes.values() for why in answers.values())


def test_a_test_is_compared_by_shape() -> None:
    test = Test(path="tour.office_tour", op="==", value=True)
    assert dropped_tests(
        evolve(Engine.default().rulebook.by_id()["personal_tour"], branches=((test,),)),
        evolve(Engine.default().rulebook.by_id()["personal_tour"],
               branches=((evolve(test, value=False),),))) == ["tour.office_tour == true"]


def test_sign_1_counts_against_only_on_what_was_recorded() -> None:
    """The default rulebook's signals against (sign 1) pass the absence check, since each
    waits for a recorded answer; the same weight on engagement left unanswered is refused."""
    book = Engine.default().rulebook
    rules = book.by_id()
    against = [r for r in book.of_kind("signal") if r.amount < 0]
    assert {r.id for r in against} == {"disengaged_interviewer", "stock_questions"}
    assert [absence_basis(r, rules) for r in against] == [None, None]
    unanswered = evolve(rules["disengaged_interviewer"], branches=(
        (Test(path="body_language.engaged", op="is_not", value=True),),))
    basis = absence_basis(unanswered, rules)
    assert basis is not None
    assert "says nothing about how you did" in basis[1]
