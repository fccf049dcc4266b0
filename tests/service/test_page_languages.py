"""The page in Spanish, in Chromium: served in the language its request picks (``?lang=es``,
or the browser's ``Accept-Language``), it asks the API in it, and nothing English of the
default texts shows anywhere a candidate or a coach looks: the questions, their "why", the
reading, "What would make this stronger?", the coach's view and the finished screen.

Needs Chromium at /usr/bin/chromium (``.ci/install-browser``), as ``test_page`` does.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.service.test_page import CHROMIUM, base_url, browser  # noqa: F401 (fixtures)
from tests.texts.test_spanish import _english_fragments

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="no Chromium at /usr/bin/chromium")

ENGLISH = _english_fragments()


def _answer(page: Any) -> None:
    """Answer the question on screen (the second choice, "No" for a yes/no question, so
    that the consultation goes on; or a number) and wait for the consultation's next step."""
    step = page.evaluate("document.body.dataset.step")
    number = page.locator("#answer-number")
    if number.count():
        number.fill("30")
    else:
        choices = page.locator("input[name=answer]")
        choices.nth(1 if choices.count() > 1 else 0).check()
    page.locator("#next").click()
    page.wait_for_function(f"document.body.dataset.step !== {step!r}")


def _shown(page: Any) -> str:
    return str(page.evaluate("document.body.innerText")) + str(page.title())


def _english_on(page: Any) -> list[str]:
    text = _shown(page)
    return sorted(f for f in ENGLISH if f in text)


def test_the_page_in_spanish_shows_no_english(browser: Any, base_url: str) -> None:  # noqa: F811
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(base_url + "?lang=es")
        page.wait_for_selector("body[data-ready=true]")
        assert page.evaluate("document.documentElement.lang") == "es"
        assert "¿Cómo fue tu entrevista?" in _shown(page)
        assert _english_on(page) == []
        seen = []
        for _ in range(30):
            if page.locator("#question-form").is_hidden():
                break
            why = page.locator("#question-why summary")
            if why.count():
                why.click()
                seen.append(_shown(page))
            _answer(page)
            seen.append(_shown(page))
        assert len(seen) > 5  # several questions answered, each with its why
        page.locator("#what-if summary").click()
        page.wait_for_function("!document.querySelector('#what-if-body').innerText"
                               ".includes('Buscando')")
        page.locator("#coach-toggle").click()
        page.wait_for_selector("#coach-verdict")
        seen.append(_shown(page))
        text = "\n".join(seen)
        assert sorted(f for f in ENGLISH if f in text) == []
        assert "Lectura" in text or "lectura" in text
        assert "Veredicto" in text  # the coach's view
        assert "¿Por qué me lo preguntan?" in text
    finally:
        context.close()


def test_the_browsers_language_picks_the_page_and_the_switch_changes_it(
        browser: Any, base_url: str) -> None:  # noqa: F811
    context = browser.new_context(locale="es-ES")
    try:
        page = context.new_page()
        page.goto(base_url)
        page.wait_for_selector("body[data-ready=true]")
        assert page.evaluate("document.documentElement.lang") == "es"
        assert _english_on(page) == []
        page.locator("nav.languages a[lang=en]").click()
        page.wait_for_selector("body[data-ready=true]")
        assert page.evaluate("document.documentElement.lang") == "en"
        assert "How did your interview go?" in _shown(page)
    finally:
        context.close()


def test_the_notes_box_reads_notes_in_spanish(browser: Any, base_url: str) -> None:  # noqa: F811
    """Notes pasted on the Spanish page: the proposals' words around the note's own, their
    reasons, what was set aside, and what follows once they are used, all in Spanish."""
    from pathlib import Path

    note = (Path(__file__).resolve().parents[2] / "examples" / "data" /
            "interview_notes.txt").read_text(encoding="utf-8")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(base_url + "?lang=es")
        page.wait_for_selector("body[data-ready=true]")
        page.locator("#notes-text").fill(note)
        page.locator("#notes-read").click()
        page.wait_for_selector("#notes-result:not([hidden])")
        shown = page.locator("section.notes").inner_text()
        assert "tus notas lo dicen" in shown  # page.notes_say_so, beside a stated answer
        assert "no es seguro: matizado con" in shown
        assert "es la experiencia de otra persona" in shown
        page.locator("#notes-use").click()
        page.wait_for_function("document.querySelector('#notes-status').innerText"
                               ".includes('tomada')")
        shown += _shown(page)
        unquoted = re.sub(r"'[^']*'|\"[^\"]*\"|“[^”]*”", "", shown)
        for words in ("Booked 45 min", "nodded", "No tour"):  # the note's own words, quoted
            unquoted = unquoted.replace(words, "")
        assert sorted(f for f in ENGLISH if f in unquoted) == []
    finally:
        context.close()


def test_the_first_screen_shows_no_null(browser: Any, base_url: str) -> None:  # noqa: F811
    """Before the first answer the reading says how to get one, and nothing else (a null
    handed to replaceChildren would show as the word "null")."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(base_url + "?lang=es")
        page.wait_for_selector("body[data-ready=true]")
        assert page.locator("#reading").inner_text().strip() == \
            "Responde una pregunta para ver la primera lectura."
    finally:
        context.close()
