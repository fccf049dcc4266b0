"""The [notes] tables of a pack: read, checked (every problem with its file) and merged, so
that a pack extends or translates how notes are read."""

from __future__ import annotations

from pathlib import Path

import pytest
from attrs import evolve

from interview_signals import Engine
from interview_signals._cli.main import main
from interview_signals._rulebook import NotesBook, load_rulebook, read_rulebook

PACK_DE = Path(__file__).resolve().parents[1] / "data" / "notes" / "pack_de.toml"


def _problems(tmp_path: Path, text: str) -> list[str]:
    pack = tmp_path / "pack.toml"
    pack.write_text(text, encoding="utf-8")
    book, problems = read_rulebook(pack)
    assert (book is None) == bool(problems)
    return [p.reason for p in problems]


@pytest.mark.parametrize(("text", "reason"), [
    ('[[notes.phrases]]\npath = "tour.offic_tour"\nvalue = true\nphrases = ["tour"]',
     "[notes] phrases[0].path: unknown observation path \"tour.offic_tour\" (did you "
     "mean \"tour.office_tour\"?)"),
    ('[[notes.phrases]]\npath = "tour.office_tour"\nvalue = 3\nphrases = ["tour"]',
     "[notes] phrases[0] (tour.office_tour).value: expected true or false, got 3"),
    ('[[notes.phrases]]\npath = "tour.office_tour"\nvalue = true\ncertainty = "maybe"\n'
     'phrases = ["tour"]',
     "[notes] phrases[0] (tour.office_tour).certainty: expected \"stated\" or \"unsure\", "
     "got \"maybe\""),
    ('[[notes.phrases]]\npath = "tour.office_tour"\nvalue = true\nphrases = []',
     "[notes] phrases[0] (tour.office_tour).phrases: expected a non-empty list of phrases"),
    ('[[notes.phrases]]\npath = "tour.office_tour"\nvalue = true\nphrases = ["... tour"]',
     "[notes] phrases[0] (tour.office_tour).phrases[0]: \"... tour\": '...' goes between two "
     "words"),
    ('[[notes.phrases]]\npath = "tour.office_tour"\nvalue = true\nphrases = ["[a] [b]"]',
     "[notes] phrases[0] (tour.office_tour).phrases[0]: \"[a] [b]\": a phrase needs at least "
     "one word that is not optional"),
    ('[[notes.phrases]]\npath = "interview.scheduled_minutes"\nphrases = ["slot of {count}"]',
     "[notes] phrases[0] (interview.scheduled_minutes).phrases[0]: \"slot of {count}\": unknown "
     "slot {count}; this field takes {minutes}"),
    ('[[notes.phrases]]\npath = "interview.scheduled_minutes"\nphrases = ["slot"]',
     "[notes] phrases[0] (interview.scheduled_minutes).phrases[0]: \"slot\": a phrase without "
     "value needs a slot ({minutes})"),
    ('[[notes.phrases]]\npath = "thank_you.tone"\nvalue = "warm"\ntopic = "answer"\n'
     'phrases = ["warm"]',
     "[notes] phrases (thank_you.tone).topic: unknown topic \"answer\""),
    ('[[notes.cue]]\nkind = "negative"\nphrases = ["no"]',
     "[notes] cue[0].kind: expected one of negation, hedge, approximate, hypothetical, "
     "other_person, writer, correction, terminate, pseudo, question, several, got "
     "\"negative\""),
    ('[[notes.cue]]\nkind = "negation"\nanswer = "yes"\nphrases = ["no"]',
     "[notes] cue[0].answer: expected true or false, got \"yes\""),
    ('[[notes.cue]]\nkind = "hedge"\ndirection = "sideways"\nphrases = ["maybe"]',
     "[notes] cue[0].direction: expected one of forward, backward, both, got \"sideways\""),
    ('[[notes.cue]]\nkind = "hedge"\nscope = -1\nphrases = ["maybe"]',
     "[notes] cue[0].scope: expected a number of words from 0 (only what follows at once) "
     "to 50, got -1"),
    ('[notes]\nphrase = []', "[notes] unknown key \"phrase\" (did you mean \"phrases\"?); [notes] "
     "holds phrases, cue, topic, relation, implies, numbers"),
    ('[notes.numbers]\ndays = ["mon"]',
     "[notes] numbers.days: expected 7 entries, Monday first, each 'a|b'"),
    ('[[notes.cue]]\nkind = "hypothetical"\nin_brackets = true\nphrases = ["not"]',
     "[notes] cue[0].in_brackets: a remark in brackets bears on what it follows; expected "
     "direction = \"backward\", got \"forward\""),
    ('[[notes.cue]]\nkind = "hypothetical"\ndirection = "backward"\nin_brackets = "yes"\n'
     'phrases = ["not"]',
     "[notes] cue[0].in_brackets: expected true or false, got \"yes\""),
    ('[notes.numbers]\nmonths = ["jan", "feb"]',
     "[notes] numbers.months: expected 12 entries, January first, each 'a|b'"),
    ('[[notes.implies]]\npath = "tour.office_tour"\nvalue = "yes"\n'
     'then_path = "tour.introduced_to_people"\nthen_value = true',
     "[notes] implies[0].value: expected true or false, got \"yes\""),
    ('[[notes.relation]]\npath = "tour.office_tour"\nkind = "same"\n'
     'other = "interview.scheduled_minutes"\nphrases = ["on time"]',
     "[notes] relation[0].path: a relation gives a number; tour.office_tour is true or false"),
    ('[[notes.relation]]\npath = "interview.actual_minutes"\nkind = "from"\n'
     'other = "interview.scheduled_minutes"\nphrases = ["started"]',
     '"started": a phrase without value needs a slot ({clock})'),
    ('[[notes.phrases]]\npath = "tour.office_tour"\nvalue = true\nphrases = ["a < tour"]',
     "[notes] phrases[0] (tour.office_tour).phrases[0]: \"a < tour\": '^' or '<' goes first "
     "and '>' last, around words"),
    *[('[[notes.phrases]]\npath = "tour.office_tour"\nvalue = true\n'
       f'phrases = ["{bad}"]', "they go first or last in the phrase, never among alternatives")
      for bad in ("show~ me the back (>|where)", "a (<|the) tour", "[^|then] a tour")],
    *[('[[notes.phrases]]\npath = "tour.office_tour"\nvalue = true\n'
       f'phrases = ["{bad}"]', "cannot read")
      for bad in ("qa|(qb qc) qd", "qs qt) qu", "(a b)c", "(a b|c))", "[(qo qp|qq)] qr",
                  "(qk ql|qm)~", "(qf ... qg|qh)")],
    ('[[notes.phrases]]\npath = "tour.office_tour"\nvalue = true\n'
     'phrases = ["no walkround|walk-round"]',
     '"walkround|walk-round": a hyphen between letters reads as a space, which splits these '
     'alternatives into two word positions; write them in parentheses: (walkround|walk-round)'),
    ('[[notes.phrases]]\npath = "tour.office_tour"\nvalue = true\n'
     'phrases = ["(a tour|the tour"]',
     "cannot read \"(a\"; a word position is word, word*, word~, @class, a|b, [a|b] or "
     "(a b|c)"),
])
def test_a_bad_notes_table_is_reported_with_its_reason(tmp_path: Path, text: str,
                                                       reason: str) -> None:
    problems = _problems(tmp_path, text)
    assert any(reason in p for p in problems), problems


def test_a_list_of_people_needs_the_word_classes_its_items_are_made_of(tmp_path: Path) -> None:
    pack = tmp_path / "pack.toml"
    pack.write_text('[[notes.phrases]]\npath = "interview.interviewer_count"\n'
                    'phrases = ["met with {people}"]\n', encoding="utf-8")
    _, problems = read_rulebook(pack, include_default=False)
    reasons = [p.reason for p in problems]
    assert any('"met with {people}": unknown word class @person;' in r for r in reasons), reasons
    assert any("unknown word class @person_lead;" in r for r in reasons), reasons


def test_every_problem_of_a_notes_table_is_reported_at_once(tmp_path: Path) -> None:
    problems = _problems(tmp_path, '[[notes.phrases]]\npath = "x.y"\nvalue = true\n'
                         'phrases = ["a"]\n\n[[notes.cue]]\nkind = "hedge"\nphrases = [3]')
    assert len(problems) == 2


def test_check_rules_reports_a_bad_phrase_with_its_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pack = tmp_path / "coach.toml"
    pack.write_text('[[notes.phrases]]\npath = "body_language.nods"\nvalue = true\n'
                    'phrases = ["nod* ..."]\n', encoding="utf-8")
    assert main(["check-rules", str(pack)]) == 1
    out = capsys.readouterr().out
    assert f"{pack}: [notes] phrases[0] (body_language.nods).phrases[0]: \"nod* ...\": '...' " \
        "goes between two words" in out


def test_the_default_rulebook_reads_notes() -> None:
    notes = load_rulebook().notes
    assert not notes.is_empty
    assert {c.kind for c in notes.cues} >= {"negation", "hedge", "hypothetical",
                                            "other_person", "correction", "terminate"}


def test_a_rulebook_without_notes_tables_reads_nothing_from_a_note() -> None:
    with Engine(evolve(load_rulebook(), notes=NotesBook())) as engine:
        reading = engine.read_notes("Panel of three. No tour.")
    assert (reading.proposals, reading.observations) == ((), {})


def test_a_pack_translates_and_extends_the_default_phrases() -> None:
    with Engine.from_paths(PACK_DE) as engine:
        reading = engine.read_notes("Gremium aus drei. Sie hat mir das Büro gezeigt. Ich glaube, "
                                    "sie nickte. Kein Rundgang für meinen Bruder? Geplant waren "
                                    "dreißig Minuten. No tour.")
        assert {(p.path, p.value, p.certainty) for p in reading.proposals} >= {
            ("interview.interviewer_count", 3, "stated"),
            ("body_language.nods", True, "unsure"),
            ("interview.scheduled_minutes", 30, "stated")}
        # the English phrases still read, and the two tours disagree: unsure both ways
        assert ("tour.office_tour", True, "unsure") in {
            (p.path, p.value, p.certainty) for p in reading.proposals}


def test_the_german_pack_passes_check_rules(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check-rules", str(PACK_DE)]) == 0
    assert capsys.readouterr().out.startswith("ok: ")


def test_a_hyphenated_word_among_alternatives_in_parentheses_is_read(tmp_path: Path) -> None:
    pack = tmp_path / "pack.toml"
    pack.write_text('[[notes.phrases]]\npath = "tour.office_tour"\nvalue = false\n'
                    'phrases = ["no (walkround|walk-round)", "a walk-round",\n'
                    '           "[quick|walk-round] wander", "[todo|to-do] list"]\n',
                    encoding="utf-8")
    _, problems = read_rulebook(pack, include_default=False)
    assert not [p.reason for p in problems if "notes" in p.reason], problems
