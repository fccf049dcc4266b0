"""The default rulebook's own test cases (``rules/cases/``): each cites the article by sign
number and title and by a few of the words of the sentence it comes from (never the
sentence), and together they reach every rule, qualifier, advice and verdict."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from interview_signals import run_cases
from interview_signals._rulebook import Case, read_rulebook

ARTICLE = next((folder / "shared" / "source" / "seven-signs-article.txt"
                for folder in Path(__file__).resolve().parents
                if (folder / "shared" / "source" / "seven-signs-article.txt").exists()), None)
"""The article, kept beside the project (not in it): in a folder above the checkout."""
MAX_QUOTE_WORDS = 6


def straight(text: str) -> str:
    """Curly quotes made straight."""
    for curly, plain_quote in (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'),
                               ("\u201d", '"')):
        text = text.replace(curly, plain_quote)
    return text


def plain(text: str) -> str:
    """Runs of white space made one space."""
    return re.sub(r"\s+", " ", text)


def default_cases() -> tuple[Case, ...]:
    book, problems = read_rulebook(cases=True)
    assert problems == []
    assert book is not None
    return book.cases


CASES = default_cases()


@pytest.fixture(scope="module")
def article() -> str:
    if ARTICLE is None:
        pytest.skip("the article is kept beside the project, and is not there")
    return straight(ARTICLE.read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_each_case_says_why_in_its_own_words(case: Case) -> None:
    assert case.why.endswith(".")
    assert len(case.why.split()) >= 6


@pytest.mark.parametrize("case", [c for c in CASES if Path(c.file).name != "verdicts.toml"],
                         ids=[c.id for c in CASES if Path(c.file).name != "verdicts.toml"])
def test_each_case_of_a_sign_or_advice_cites_a_few_words_of_the_article(
        case: Case, article: str) -> None:
    assert case.source is not None
    quote = plain(straight(case.source.quote))
    assert 2 <= len(quote.split()) <= MAX_QUOTE_WORDS
    heading = re.search(rf"(?m)^{case.source.sign}\. (.+)$", article)
    assert heading is not None
    assert case.source.title == heading.group(1).strip()
    # The words are in the part of the article under that sign.
    following = re.search(rf"(?m)^{case.source.sign + 1}\. ", article)
    section = article[heading.start():following.start() if following else None]
    assert quote in plain(section)


def test_a_case_file_follows_the_signs_file_it_tests() -> None:
    for case in CASES:
        name = Path(case.file).name
        if case.source is not None and name[:2].isdigit():
            assert int(name[:2]) == case.source.sign, case.id


def test_every_rule_qualifier_advice_verdict_and_alternative_is_reached() -> None:
    coverage = run_cases().coverage()
    assert (coverage.complete, coverage.unreached, coverage.partly) == (True, (), ())


def test_every_sign_has_cases_of_its_own() -> None:
    signs = {c.source.sign for c in CASES
             if c.source is not None and Path(c.file).name[:2].isdigit()}
    assert signs == set(range(1, 8))
