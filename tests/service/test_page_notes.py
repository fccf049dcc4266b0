"""The page's "Start from your notes" box in a real browser: the candidate pastes notes,
sees each proposal beside its words, keeps or leaves out each, and the consultation goes on
from what was kept (checked against the library's own reading and consultation).

Needs Chromium at /usr/bin/chromium, as tests/service/test_page.py does.
"""

from __future__ import annotations

from typing import Any

import pytest

from interview_signals import Engine, read_notes
from tests.service.test_page import (  # noqa: F401  (fixtures)
    CHROMIUM,
    _ready_page,
    base_url,
    browser,
)

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="no Chromium at /usr/bin/chromium: run .ci/install-browser (CI always does)")

NOTE = ("Booked 45 min, we went an hour. No tour. I think she nodded? "
        "My friend got asked where else she was interviewing.")


def _proposals(page: Any) -> list[tuple[str, bool]]:
    rows = page.locator("#notes-proposals li")
    return [(rows.nth(i).inner_text().strip(), rows.nth(i).locator("input").is_checked())
            for i in range(rows.count())]


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_notes_propose_answers_to_keep_and_the_consultation_goes_on_from_them(
        base_url: str, browser: Any, size: str) -> None:  # noqa: F811
    with _ready_page(browser, base_url, size) as page:
        page.fill("#notes-text", NOTE)
        page.click("#notes-read")
        page.wait_for_selector("#notes-result:not([hidden])")
        reading = read_notes(NOTE)
        shown = _proposals(page)
        assert [checked for _, checked in shown] == [
            p.certainty == "stated" for p in reading.proposals]
        assert shown[0][0] == "Time set aside: 45 minutes Booked 45 min (your notes say so)"
        assert page.inner_text("#notes-proposals li q >> nth=0") == "Booked 45 min"
        assert "where else" in page.inner_text("#notes-aside")
        # keep the unsure nod as a yes, then go on with the consultation
        nod = [i for i, p in enumerate(reading.proposals) if p.path == "body_language.nods"]
        page.check(f"#notes-keep-{nod[0]}")
        step = page.evaluate("document.body.dataset.step")
        page.click("#notes-use")
        page.wait_for_function(f"document.body.dataset.step !== '{step}'")
        kept = {"interview": {"scheduled_minutes": 45, "actual_minutes": 60},
                "tour": {"office_tour": False}, "body_language": {"nods": True}}
        assert reading.observations == {k: v for k, v in kept.items() if k != "body_language"}
        question = Engine.default().consult(kept).next_question
        assert question is not None
        page.wait_for_function("document.getElementById('question-legend').innerText !== ''")
        assert page.inner_text("#question-legend").strip().splitlines()[-1] == \
            question.question
        assert page.inner_text("#notes-status").startswith("4 answers taken from your notes")
        page.screenshot(path=f"/tmp/page-shots/notes-{size}.png", full_page=True)


def test_two_kept_answers_that_disagree_are_refused_in_words(base_url: str,  # noqa: F811
                                                              browser: Any) -> None:  # noqa: F811
    with _ready_page(browser, base_url, "desktop") as page:
        page.fill("#notes-text", "She smiled a lot. She never smiled.")
        page.click("#notes-read")
        page.wait_for_selector("#notes-result:not([hidden])")
        page.check("#notes-keep-0")
        page.check("#notes-keep-1")
        page.click("#notes-use")
        assert page.inner_text("#notes-status") == "Keep one answer for Smiling, not two."


def test_empty_notes_ask_for_notes(base_url: str, browser: Any) -> None:  # noqa: F811
    with _ready_page(browser, base_url, "desktop") as page:
        page.click("#notes-read")
        assert page.inner_text("#notes-status") == "Paste or write your notes first."
