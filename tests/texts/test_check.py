"""A language pack checked against the English texts: each problem named by file, line and
key; what it leaves untranslated listed with where the English is written; and the
``check-rules`` and ``texts`` commands that show both."""

from __future__ import annotations

import io
import tomllib
from pathlib import Path

import pytest

from interview_signals import Engine, RulebookError
from interview_signals._cli import main
from interview_signals._consultation.results import cand_text
from interview_signals._consultation.search.answer_classes import Candidate
from interview_signals._rulebook import load_rulebook, untranslated_texts

PANEL = Path(__file__).resolve().parents[2] / "examples" / "packs" / "panel_coach"


def _pack(tmp_path: Path, body: str, name: str = "fr.toml") -> Path:
    path = tmp_path / name
    path.write_text('[language]\ntag = "fr"\nname = "Français"\n\n' + body, encoding="utf-8")
    return path


def _problems(path: Path) -> list[tuple[int | None, str | None, str]]:
    with pytest.raises(RulebookError) as caught:
        load_rulebook(path)
    return [(p.line, p.rule_id, p.reason) for p in caught.value.problems]


def test_a_good_partial_pack_loads_and_falls_back_to_english(tmp_path: Path) -> None:
    path = _pack(tmp_path, '[texts]\n"assessment.advice" = "Conseils"\n'
                 '[texts.verdict.strong]\ntitle = "Solide"\n')
    with Engine.from_paths(path) as engine:
        assert engine.language == "fr"
        text = engine.assess({"next_steps": {"invited_to_next_round": True}}).render("text")
    assert "Conseils" in text
    assert "How your interview reads: Solide" in text  # the rest is English


@pytest.mark.parametrize(("body", "line", "key", "reason"), [
    ('[texts]\n"assessment.advise" = "x"\n', 6, "assessment.advise",
     "no text of this name (did you mean 'assessment.advice'?)"),
    ('[texts.rule.no_such_rule]\nexplanation = "x"\n', 6, "rule.no_such_rule.explanation",
     "the rulebook has no such rule"),
    ('[texts]\n"assessment.reads" = "Lecture"\n', 6, "assessment.reads",
     "drops the placeholder {verdict}"),
    ('[texts]\n"assessment.reads" = "{verdict} {score}"\n', 6, "assessment.reads",
     "unknown placeholder {score}"),
    ('[texts]\n"detail.trace" = "trace"\n', 6, "detail.trace",
     "expected a plural table, like the English text, got text"),
    ('[texts.unit.hours]\ncount = { one = "{n} heure", many = "{n} heures" }\n', 6,
     "unit.hours.count", "a plural needs its `other` form"),
    ('[texts.unit.hours]\ncount = { one = "{n} h", two = "{n} h", other = "{n} h" }\n', 6,
     "unit.hours.count", "plural categories two are not this language's"),
    ('[texts]\n"assessment.advice" = "Con{seils"\n', 6, "assessment.advice",
     "a brace that is not a {name} placeholder"),
    ('[texts.ask.command]\nwhy = []\n', 6, "ask.command.why",
     "expected a list of words a person may type"),
])
def test_each_problem_names_file_line_and_key(tmp_path: Path, body: str, line: int,
                                              key: str, reason: str) -> None:
    problems = _problems(_pack(tmp_path, body))
    assert len(problems) == 1, problems
    got_line, got_key, got_reason = problems[0]
    assert (got_line, got_key) == (line, key)
    assert reason in got_reason


def test_a_bad_language_tag_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "x.toml"
    path.write_text('[language]\ntag = "not a tag"\n[texts]\n"assessment.advice" = "x"\n')
    problems = _problems(path)
    assert problems[0][0] == 2
    assert "BCP 47" in problems[0][2]


def test_untranslated_texts_name_where_the_english_is(tmp_path: Path) -> None:
    path = _pack(tmp_path, '[texts]\n"assessment.advice" = "Conseils"\n')
    book = load_rulebook(path)
    left = {e.key: e for e in untranslated_texts(book, "fr")}
    assert "assessment.advice" not in left
    reads = left["assessment.reads"]
    assert Path(reads.file).name == "en.toml"
    lines = Path(reads.file).read_text(encoding="utf-8").splitlines()
    assert lines[reads.line - 1].startswith("reads = ")  # type: ignore[operator]
    tour = left["rule.personal_tour.explanation"]
    assert Path(tour.file).name == "04-tour.toml"
    assert 'id = "personal_tour"' in Path(tour.file).read_text().splitlines()[tour.line - 1]  # type: ignore[operator]


def test_check_rules_lists_untranslated_texts_and_strict_makes_them_problems(
        tmp_path: Path) -> None:
    out = io.StringIO()
    assert main(["check-rules", "--lang", "es", str(PANEL)], stdout=out) == 0
    text = out.getvalue()
    assert "panel.toml:6 [rule.panel_stayed_late.explanation]: untranslated in es" in text
    assert "2 texts left untranslated (English is shown instead)" in text
    strict = io.StringIO()
    assert main(["check-rules", "--lang", "es", "--strict-texts", str(PANEL)],
                stdout=strict) == 1
    assert "2 problems found" in strict.getvalue()


def test_check_rules_refuses_an_unknown_language() -> None:
    err = io.StringIO()
    assert main(["check-rules", "--lang", "xx", str(PANEL)], stdout=io.StringIO(),
                stderr=err) == 2
    assert "--lang: expected one of en, es" in err.getvalue()


def test_the_texts_command_writes_a_pack_that_checks(tmp_path: Path) -> None:
    out = io.StringIO()
    assert main(["texts", "--lang", "es", "--rules", str(PANEL)], stdout=out) == 0
    text = out.getvalue()
    data = tomllib.loads(text)
    assert data["language"] == {"tag": "es", "name": "Español"}
    assert data["texts"]["assessment.advice"] == "Consejos"
    assert '"rule.panel_stayed_late.explanation" = ' in text
    assert "# untranslated" in text
    copy = tmp_path / "es-panel.toml"
    copy.write_text(text, encoding="utf-8")
    checked = io.StringIO()
    assert main(["check-rules", str(PANEL), str(copy)], stdout=checked) == 0, checked.getvalue()
    assert "untranslated" not in checked.getvalue()  # English kept as written counts


def test_spanish_number_ranges_read_as_spanish() -> None:
    es = Engine.default().in_language("es").texts
    hours = "thank_you.response_hours"
    assert cand_text(hours, Candidate(12.0, 0.0, 24.0, True, False), es) == \
        "de 0 a algo menos de 24"
    assert cand_text(hours, Candidate(12.0, 0.5, 24.0, False, False), es) == \
        "más de 0,5 y menos de 24"
    assert cand_text("thank_you.tone", Candidate("curt"), es) == "Seca"


@pytest.mark.parametrize("command", [["check-rules", "--lang", "xx", str(PANEL)],
                                     ["texts", "--lang", "xx"]])
def test_an_unknown_language_is_named_as_such_not_as_a_write_error(command: list[str]) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert main(command, stdout=out, stderr=err) == 2
    assert '--lang: expected one of en, es, got "xx"' in err.getvalue()
    assert "cannot write" not in err.getvalue()
