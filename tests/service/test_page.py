"""The page at ``/`` in a real browser: Debian's Chromium driven by Playwright.

A candidate answers the consultation's questions in its order (by mouse and by keyboard)
until the verdict is settled or nothing is left to ask, says "I don't know", goes back,
opens "why", reads the reading and "What would make this stronger?", opens the coach's
view, saves the session, reloads the page, loads the session and adds the thank-you reply;
at a phone-sized and a desktop-sized window. What the page shows is checked against the
library's own ``consult``, ``assess`` and ``what_if``; axe-core checks accessibility.

Needs Chromium at /usr/bin/chromium (``.ci/install-browser`` installs it; CI runs that first).
"""

from __future__ import annotations

import contextlib
import json
import shutil
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from interview_signals import Engine, assess
from interview_signals._observations.vocabulary import VOCABULARY
from interview_signals._rulebook import frame_texts, verdict_titles
from interview_signals._rulebook.files import default_pack_path
from interview_signals._schema import schema
from interview_signals._service.app import create_app

EN = frame_texts()
"""The English texts of the vocabulary and the frame."""

CHROMIUM = Path("/usr/bin/chromium")
DOCS = Path(__file__).resolve().parents[2] / "docs"
SHOTS = Path("/tmp/page-shots")  # the other screenshots, to look at after a run
VERDICT_WORDS = verdict_titles(Engine.default().rulebook)  # what the command line shows too
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="no Chromium at /usr/bin/chromium: run .ci/install-browser (CI always does)")

# The interview as the candidate remembers it. None: "I don't know". The page asks the
# consultation's questions in its order; the candidate answers from this until the verdict
# is settled or no question is left.
FIRST_VISIT: dict[str, Any] = {
    "interview.scheduled_minutes": 45,
    "interview.actual_minutes": 70,
    "interview.interviewer_count": None,
    "body_language.engaged": True,
    "body_language.rote_questions": False,
    "body_language.nods": True,
    "body_language.smiles": None,
    "body_language.verbal_agreement": True,
    "body_language.naturally_friendly": False,
    "interest.asked_if_interested": True,
    "interest.asked_where_else_interviewing": None,
    "next_steps.invited_to_next_round": False,
    "next_steps.scheduled_on_the_spot": False,
    "tour.office_tour": True,
    "tour.introduced_to_people": True,
    "tour.people_called_in": None,
    "job_specifics.overview_given": True,
    "job_specifics.deep_dive": True,
    "job_specifics.you_would_language": None,
    "thank_you.note_sent": True,
    "thank_you.response_received": None,  # not yet: the reply comes days later
    "thank_you.response_hours": None,
    "thank_you.references_specifics": None,
    "thank_you.tone": None,
}
REPLY: dict[str, Any] = {
    "thank_you.response_received": True,
    "thank_you.response_hours": 5,
    "thank_you.references_specifics": True,
    "thank_you.tone": "warm",
}


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    with _served(Engine.default()) as url:
        yield url


@contextlib.contextmanager
def _served(engine: Engine) -> Iterator[str]:
    """The service and page of ``engine`` on a free port of this machine."""
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(engine), host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        if not thread.is_alive():
            raise RuntimeError("the service did not start")
        threading.Event().wait(0.05)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.should_exit = True
        thread.join(timeout=30)


ODD_IDS = {"strong": "constructor", "promising": "__proto__", "tentative": "toString"}
"""Verdict ids a pack may give that are also the names of every JavaScript object's
properties: the page must show them as data, not find the prototype's."""


@pytest.fixture(scope="module")
def odd_ids(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Engine]]:
    """A service whose rulebook is the default one with verdicts renamed ``ODD_IDS``."""
    pack = tmp_path_factory.mktemp("odd_ids")
    for file in default_pack_path().glob("*.toml"):
        text = file.read_text(encoding="utf-8")
        for old, new in ODD_IDS.items():
            text = text.replace(f'id = "{old}"', f'id = "{new}"')
        (pack / file.name).write_text(text, encoding="utf-8")
    engine = Engine.from_paths(pack, include_default=False)
    assert [v.id for v in engine.rulebook.verdicts][:3] == list(ODD_IDS.values())
    with _served(engine) as url:
        yield url, engine


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"])
        yield chromium
        chromium.close()


@contextlib.contextmanager
def _ready_page(browser: Any, base_url: str, size: str) -> Iterator[Any]:
    """The page at a window of ``size``, started and ready for its first answer."""
    context = browser.new_context(viewport=VIEWPORTS[size])
    try:
        page = context.new_page()
        page.goto(base_url)
        page.wait_for_selector("body[data-ready=true]")
        yield page
    finally:
        context.close()


def _observations(answers: dict[str, Any]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for path, value in answers.items():
        group, name = path.split(".", 1)
        out.setdefault(group, {})[name] = value
    return out


def _current(page: Any) -> str | None:
    if page.locator("#question-form").is_hidden():
        return None
    path: str = page.locator("#question-form").get_attribute("data-path")
    return path


def _step(page: Any) -> str:
    step: str = page.locator("body").get_attribute("data-step")
    return step


def _answer(page: Any, path: str, value: Any, *, keyboard: bool) -> None:
    assert _current(page) == path
    before = _step(page)
    if value is None:
        page.get_by_role("button", name="I don't know").click()
    elif isinstance(value, bool | str):
        words = (EN.choice(path, value) if isinstance(value, str)
                 else ("Yes" if value else "No"))
        radio = page.get_by_role("radio", name=words, exact=True)
        if keyboard:
            radio.focus()
            page.keyboard.press("Space")
            page.keyboard.press("Enter")
        else:
            radio.check()
            page.get_by_role("button", name="Next", exact=True).click()
    else:
        field = page.locator("#answer-number")
        field.fill(str(value))
        if keyboard:
            field.press("Enter")
        else:
            page.get_by_role("button", name="Next", exact=True).click()
    page.wait_for_function("(before) => document.body.dataset.step !== before", arg=before)


def _check_reading(page: Any, answers: dict[str, Any]) -> None:
    expected = assess(_observations(answers))
    page.wait_for_function(
        "(words) => document.querySelector('#reading .badge')?.innerText === words",
        arg=VERDICT_WORDS[expected.verdict])
    assert page.locator("#reading .summary").inner_text() == expected.summary
    # How strongly, in the band's words and never as a number; nothing when nothing stands.
    if expected.band is None:
        assert page.locator("#strength").count() == 0
    else:
        strength = page.locator("#strength").inner_text()
        assert f"point your way: {expected.band.words}." in strength
        assert "not the chance of an offer" in strength
        assert not any(c.isdigit() for c in strength)
    shown = page.locator("#advice li").all_inner_texts() if expected.advice else []
    assert shown == [a.text for a in expected.advice]
    standing = [s.title for s in expected.signals if s.stands]
    for title in standing:
        assert page.locator("#reading li strong", has_text=title).count() >= 1


def _consult_until_done(page: Any, interview: dict[str, Any], answers: dict[str, Any],
                        asked: list[str]) -> set[str]:
    """Answer the consultation's questions from ``interview`` until none is left; every
    question shown is the library's ``next_question`` for the same answers and skips (what
    the first depends on, whether a note was sent or a reply came, before it), with its
    ``why``."""
    skipped: set[str] = set()
    engine = Engine.default()
    while (path := _current(page)) is not None:
        expected = engine.consult(_observations(answers), skipped=sorted(skipped))
        assert expected.next_question is not None
        assert path == expected.next_question.path, (path, expected.next_question.path)
        assert page.locator("#question-why p").text_content() == expected.next_question.why
        value = interview[path]
        _answer(page, path, value, keyboard=len(asked) % 2 == 1)
        asked.append(path)
        if value is None:
            skipped.add(path)
        else:
            answers[path] = value
        assert len(asked) <= len(VOCABULARY)
    final = engine.consult(_observations(answers), skipped=sorted(skipped))
    assert final.questions == () or all(q.path in skipped for q in final.questions)
    title = page.locator("#done-title").inner_text()
    assert title == ("Your reading is settled" if final.settled
                     else "No more questions you can answer")
    return skipped


def _axe(page: Any, where: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    bad = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]])
           for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert not bad, f"{where}: {bad}"


def _why(page: Any) -> None:
    """The first question's "Why am I asked this?" is the consultation's own reason."""
    first = Engine.default().consult({}).questions[0]
    assert _current(page) == first.path
    page.get_by_text("Why am I asked this?").click()
    assert page.locator("#question-why p").inner_text() == first.why


def _first_visit(page: Any, shots: Path, size: str) -> tuple[dict[str, Any], list[str]]:
    """Answer the consultation (every other question by keyboard), going back once."""
    answers: dict[str, Any] = {}
    asked: list[str] = []
    for _ in range(2):  # two answers, then Back: the last question again, its answer shown
        path = _current(page)
        assert path is not None
        _answer(page, path, FIRST_VISIT[path], keyboard=False)
        asked.append(path)
        if FIRST_VISIT[path] is not None:
            answers[path] = FIRST_VISIT[path]
    page.get_by_role("button", name="Back", exact=True).click()
    assert _current(page) == asked[-1]
    if isinstance(FIRST_VISIT[asked[-1]], bool):
        words = "Yes" if FIRST_VISIT[asked[-1]] else "No"
        assert page.get_by_role("radio", name=words, exact=True).is_checked()
    before = _step(page)
    page.get_by_role("button", name="Next", exact=True).click()
    page.wait_for_function("(before) => document.body.dataset.step !== before", arg=before)
    _check_reading(page, answers)
    # Mid-way, as the docs show it: a question with its "why" open, and the what-if.
    page.locator("#question-why summary").click()
    _what_if(page, answers)
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(shots / f"page-{size}-asking.png"), full_page=True)
    skipped = {p for p in asked if FIRST_VISIT[p] is None}
    assert not skipped, "the first two questions of this interview are answered"
    _consult_until_done(page, FIRST_VISIT, answers, asked)
    _check_reading(page, answers)
    return answers, asked


def _add_reply(page: Any, answers: dict[str, Any]) -> None:
    """The reply, days later: the consultation asks what still matters; what it no longer
    asks (the verdict may be settled) is added from the reading's "Still open" list."""
    later = {**FIRST_VISIT, **REPLY}
    _consult_until_done(page, later, answers, [])
    for path, value in REPLY.items():
        if path in answers:
            continue
        link = page.locator("#reading .open-list button", has_text=EN.label(path))
        if link.count() == 0:
            break  # the reply's signal already stands: nothing about it is open any more
        link.first.click()
        _answer(page, path, value, keyboard=True)
        answers[path] = value
    assert "thank_you.response_received" in answers


def _what_if(page: Any, answers: dict[str, Any], *, coach: bool = False) -> None:
    """The what-if panel lists the library's options, each change in words (in the coach's
    view, with changes to recorded facts too)."""
    expected = Engine.default().what_if(_observations(answers), limit=5,  # the page's limit
                                        include_fixed=coach)
    page.get_by_text("What would make this stronger?").click()
    page.wait_for_function(
        "() => { const body = document.querySelector('#what-if-body');"
        " return body.children.length > 0 && !body.innerText.startsWith('Looking'); }")
    items = page.locator(".what-if-list > li")
    assert items.count() == len(expected.options)
    kinds = {"find_out": "find out", "do": "something you can still do",
             "had": "had it gone differently"}
    if not expected.options:
        assert page.locator("#what-if-body p").count() == 1  # says why there is none
    for i, option in enumerate(expected.options):
        text = items.nth(i).inner_text()
        assert VERDICT_WORDS[option.verdict] in text
        for change in option.changes:
            assert EN.label(change.path) in text
            assert kinds[change.kind] in text.lower()


def _coach_view(page: Any, answers: dict[str, Any]) -> None:
    page.get_by_role("button", name="Coach's view").click()
    page.wait_for_selector("#trace li")
    result = assess(_observations(answers))
    trace = result.trace
    assert page.locator("#trace li").count() == len(trace)
    verdict = page.locator("#coach-verdict").inner_text()  # the coach sees the number too
    assert f"confidence {result.to_dict()['confidence']}" in verdict
    assert (result.band.id if result.band else "none") in verdict
    assert page.locator("#coach-body code", has_text=trace[0].rule).count() >= 1
    consultation = Engine.default().consult(_observations(answers))
    for verdict in consultation.reachable:
        assert page.locator("#reachable code", has_text=verdict).count() == 1
    if consultation.sufficient_reason:
        shown = page.locator("#sufficient-reason").inner_text()
        assert all(EN.label(p) in shown for p in consultation.sufficient_reason)
    _what_if(page, answers, coach=True)
    _axe(page, "the coach's view")


def _save(page: Any, answers: dict[str, Any], tmp_path: Path) -> Path:
    with page.expect_download() as download:
        page.get_by_role("button", name="Save session").click()
    saved_path = tmp_path / "session.json"
    download.value.save_as(saved_path)
    saved = json.loads(saved_path.read_text())
    jsonschema.Draft202012Validator(schema("session")).validate(saved)
    session = Engine.default().session(saved)  # what the library reads, it wrote
    assert saved == session.to_dict()
    assert session.observations.values() == answers
    assert saved["skipped"]  # the fields answered "I don't know", kept too
    assert not set(saved["skipped"]) & set(answers)
    return saved_path


@pytest.mark.parametrize("size", list(VIEWPORTS))
def test_a_candidate_answers_saves_and_comes_back(base_url: str, browser: Any, size: str,
                                                  tmp_path: Path) -> None:
    context = browser.new_context(viewport=VIEWPORTS[size], accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    try:
        page.goto(base_url)
        page.wait_for_selector("body[data-ready=true]")
        _why(page)
        _axe(page, "the first question")
        answers, _ = _first_visit(page, tmp_path, size)
        _what_if(page, answers)
        page.screenshot(path=str(tmp_path / f"page-{size}.png"), full_page=True)
        _axe(page, "the reading")
        _coach_view(page, answers)
        page.screenshot(path=str(tmp_path / f"page-{size}-coach.png"), full_page=True)
        saved_path = _save(page, answers, tmp_path)

        # Days later: a fresh page, the saved session, and the interviewer's reply.
        page.reload()
        page.wait_for_selector("body[data-ready=true]")
        page.locator("#load").set_input_files(str(saved_path))
        page.wait_for_function(
            "() => document.querySelector('#session-status').innerText.startsWith('Loaded')")
        _check_reading(page, answers)
        _add_reply(page, answers)
        _check_reading(page, answers)
        assert assess(_observations(answers)).verdict == "strong"
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(tmp_path / f"page-{size}-reply.png"), full_page=True)
        DOCS.mkdir(exist_ok=True)
        SHOTS.mkdir(exist_ok=True)
        shutil.copyfile(tmp_path / f"page-{size}-asking.png", DOCS / f"page-{size}.png")
        shutil.copyfile(tmp_path / f"page-{size}-reply.png", SHOTS / f"page-{size}-reply.png")
        assert not errors
    finally:
        context.close()


def test_the_page_refuses_a_file_that_is_not_a_session(base_url: str, browser: Any,
                                                       tmp_path: Path) -> None:
    with _ready_page(browser, base_url, "desktop") as page:
        wrong = tmp_path / "wrong.json"
        wrong.write_text(json.dumps({"tour": {"office_tour": True}}))
        page.locator("#load").set_input_files(str(wrong))
        page.wait_for_function(
            "() => document.querySelector('#session-status').innerText.includes('could not')")
        status = page.locator("#session-status").inner_text()
        assert status.startswith("wrong.json could not be loaded: session.format: expected")
        assert "session.observations" in status
        contradicting = tmp_path / "contradicting.json"
        contradicting.write_text(json.dumps({
            "format": "interview-signals/session", "version": 1,
            "observations": {"thank_you": {"note_sent": False, "response_received": True}}}))
        page.locator("#load").set_input_files(str(contradicting))
        page.wait_for_function("() => document.querySelector('#session-status')"
                               ".innerText.startsWith('contradicting.json could not')")
        assert "thank_you.response_received" in page.locator("#session-status").inner_text()
        bad_skip = tmp_path / "bad_skip.json"
        bad_skip.write_text(json.dumps({"format": "interview-signals/session", "version": 1,
                                        "observations": {}, "skipped": ["tour", 3]}))
        page.locator("#load").set_input_files(str(bad_skip))
        page.wait_for_function("() => document.querySelector('#session-status')"
                               ".innerText.startsWith('bad_skip.json could not')")
        status = page.locator("#session-status").inner_text()
        assert "session.skipped[0]: expected a field path" in status
        assert "session.skipped[1]: expected a field path" in status
        not_json = tmp_path / "not_json.json"
        not_json.write_text("{format")
        page.locator("#load").set_input_files(str(not_json))
        page.wait_for_function("() => document.querySelector('#session-status')"
                               ".innerText.startsWith('not_json.json could not')")
        assert page.locator("#session-status").inner_text().endswith("it is not JSON")


def test_the_page_asks_first_what_the_next_question_needs(base_url: str, browser: Any,
                                                          tmp_path: Path) -> None:
    """When the question that matters most is about the reply, the page asks whether a note
    was sent first, with the consultation's own why; after "No", nothing about a reply."""
    observations = {"next_steps": {"invited_to_next_round": False},
                     "interest": {"asked_if_interested": True}}
    expected = Engine.default().consult(observations)
    assert expected.ask_first is not None
    assert expected.ask_first.path == "thank_you.note_sent"
    assert expected.questions[0].path.startswith("thank_you.")
    with _ready_page(browser, base_url, "phone") as page:
        saved = tmp_path / "saved.json"
        saved.write_text(json.dumps(Engine.default().session({
            "format": "interview-signals/session", "version": 1,
            "observations": observations}).to_dict()))
        page.locator("#load").set_input_files(str(saved))
        page.wait_for_function(
            "() => document.querySelector('#session-status').innerText.startsWith('Loaded')")
        assert _current(page) == "thank_you.note_sent"
        page.get_by_text("Why am I asked this?").click()
        why = page.locator("#question-why p").inner_text()
        assert why == expected.ask_first.why
        assert why.startswith("Asked first, because")
        _answer(page, "thank_you.note_sent", False, keyboard=False)
        after = Engine.default().consult({**observations, "thank_you": {"note_sent": False}})
        assert _current(page) == (after.next_question.path if after.next_question else None)
        assert not (_current(page) or "").startswith("thank_you.")



def _load(page: Any, tmp_path: Path, observations: dict[str, Any]) -> None:
    saved = tmp_path / "saved.json"
    saved.write_text(json.dumps({"format": "interview-signals/session", "version": 1,
                                 "observations": observations}))
    page.locator("#load").set_input_files(str(saved))
    page.wait_for_function(
        "() => document.querySelector('#session-status').innerText.startsWith('Loaded')")


def test_the_reading_says_strength_in_words_and_asks_about_a_note_before_a_reply(
        base_url: str, browser: Any, tmp_path: Path) -> None:
    """Issue 21 on the page: the band's words from the rulebook, no number; "Still open"
    asks whether a note was sent, not how a reply read; an automatic reply is not listed
    among what stands."""
    reply_labels = [EN.label(f"thank_you.{n}") for n in
                    ("response_received", "response_hours", "tone", "references_specifics")]
    with _ready_page(browser, base_url, "desktop") as page:
        _load(page, tmp_path, {"tour": {"office_tour": True}})
        _check_reading(page, {"tour.office_tour": True})
        still_open = page.locator("#reading .open-list").inner_text()
        assert EN.label("thank_you.note_sent") in still_open
        assert not any(label in still_open for label in reply_labels)

        automatic = {"thank_you.note_sent": True, "thank_you.response_received": True,
                     "thank_you.tone": "automatic"}
        _load(page, tmp_path, _observations(automatic))
        _check_reading(page, automatic)
        assert page.locator("#strength").count() == 0
        assert page.get_by_text("What stands, and why").count() == 0
        advice = page.locator("#advice li").all_inner_texts()
        assert any("automatic" in text for text in advice)


def test_a_search_cut_short_says_so_on_the_page(browser: Any, tmp_path: Path) -> None:
    """A pack whose exact search takes far longer than the service's budget: the page
    shows the reading and the questions, and says the step is not exact; the what-if
    answers within its time too."""
    from tests.consultation import generated_packs

    pack = generated_packs.many_states(tmp_path, 40)
    engine = Engine.from_paths(pack, include_default=False, search_seconds=0.3)
    expected = engine.consult({})
    assert not expected.search.complete
    with _served(engine) as url, _ready_page(browser, url, "desktop") as page:
        note = page.locator("#search-note")
        note.wait_for()
        assert "stopped at its time limit of 0.3 s" in note.inner_text()
        # Cut short by the clock, the ranking depends on how far each step got: the page
        # asks one of the questions a step found, not necessarily this step's first.
        asked = {q.path for q in expected.questions}
        if expected.ask_first is not None:
            asked.add(expected.ask_first.path)
        assert _current(page) in asked
        page.get_by_text("What would make this stronger?").click()
        # Wait for an answer: the body is empty until the request starts, then "Looking…".
        page.wait_for_function(
            "() => { const t = document.querySelector('#what-if-body').innerText.trim();"
            " return t !== '' && !t.includes('Looking'); }")
        assert page.locator("#what-if-body").inner_text()


def test_the_page_treats_verdict_ids_and_skipped_paths_as_plain_data(
        odd_ids: tuple[str, Engine], browser: Any, tmp_path: Path) -> None:
    """Issue 19: a verdict called ``constructor`` was shown as "function Object() { [native
    code] }"; ids and paths are never looked up as an object's properties."""
    url, engine = odd_ids
    observations = {"tour": {"office_tour": True}, "thank_you": {"note_sent": True}}
    expected = engine.assess(observations)
    titles = verdict_titles(engine.rulebook)
    options = engine.what_if(observations, limit=5).options  # the page's limit
    assert {o.verdict for o in options} >= {"constructor", "__proto__"}
    with _ready_page(browser, url, "desktop") as page:
        _load(page, tmp_path, observations)
        assert page.locator("#reading .badge").inner_text() == expected.verdict_title
        assert page.locator("body").get_attribute("data-verdict") == expected.verdict
        page.get_by_text("What would make this stronger?").click()
        page.wait_for_selector(".what-if-list > li")
        badges = page.locator(".what-if-list .badge").all_inner_texts()
        assert badges == [titles[o.verdict] for o in options]
        page.get_by_role("button", name="Coach's view").click()
        page.wait_for_selector("#reachable code")
        reachable = page.locator("#reachable code").all_inner_texts()
        assert reachable == list(engine.consult(observations).reachable)
        assert "native code" not in page.locator("body").inner_text()
        for name in ODD_IDS.values():
            saved = tmp_path / f"skip_{name}.json"
            saved.write_text(json.dumps({"format": "interview-signals/session", "version": 1,
                                         "observations": observations, "skipped": [name]}))
            page.locator("#load").set_input_files(str(saved))
            page.wait_for_function(
                "(name) => document.querySelector('#session-status').innerText"
                ".startsWith(`${name} could not`)", arg=saved.name)
            status = page.locator("#session-status").inner_text()
            assert 'session.skipped[0]: expected a field path such as ' in status
            assert f'got the string "{name}"' in status
        skipped = tmp_path / "skipped.json"
        skipped.write_text(json.dumps({"format": "interview-signals/session", "version": 1,
                                       "observations": observations,
                                       "skipped": ["tour.introduced_to_people"]}))
        page.locator("#load").set_input_files(str(skipped))
        page.wait_for_function("() => document.querySelector('#session-status')"
                               ".innerText.startsWith('Loaded skipped.json')")
        consultation = engine.consult(observations, skipped=["tour.introduced_to_people"])
        question = consultation.ask_first or consultation.next_question
        assert _current(page) == (question.path if question else None)


_MODULES_WITH_ODD_NAMES = """async () => {
  const base = new URL("page/", location.href);
  const fields = await import(new URL("fields.js", base));
  const whatif = await import(new URL("whatif.js", base));
  // A schema, observations and a what-if whose every name is also a property of every
  // JavaScript object (JSON.parse makes "__proto__" an own key, as a file would).
  const schema = JSON.parse(`{"properties": {
    "constructor": {"title": "C", "properties": {"toString": {"title": "T", "type": "boolean"}}},
    "__proto__": {"title": "P", "properties": {"valueOf": {"title": "V", "type": "boolean"}}}},
    "allOf": [{"if": {"properties": {"__proto__": {"properties": {"valueOf": {}}}}},
               "then": {"properties": {"constructor": {"properties": {"toString": {}}}}}}]}`);
  const read = fields.readFields(schema);
  const prerequisites = fields.readPrerequisites(schema);
  const answers = fields.answersOf(JSON.parse(`{"constructor": {"toString": true}}`));
  const none = fields.answersOf({});
  const out = {
    paths: read.map((f) => f.path),
    prerequisites,
    answered: [...answers.entries()],
    observations: JSON.stringify(fields.observationsOf(read, answers)),
    both: JSON.stringify(fields.observationsOf(read, new Map([
      ["constructor.toString", false], ["__proto__.valueOf", true]]))),
    needNone: fields.openNeed("constructor.toString", none, prerequisites),
    needAnswered: fields.openNeed("constructor.toString",
      new Map([["__proto__.valueOf", true]]), prerequisites),
    polluted: Object.keys(Object.prototype),
  };
  await whatif.fillWhatIf({
    load: async () => ({ goal: ["constructor"], possible: true, options: [
      { verdict: "constructor", changes: [{ kind: "constructor", path: "x", value: true }] },
      { verdict: "__proto__", changes: [{ kind: "find_out", path: "y", value: false }] }] }),
    titles: new Map([["__proto__", "Proto title"]]),
    changeWords: (c) => c.path, coach: false });
  out.whatIf = [...document.querySelectorAll(".what-if-list > li")].map((li) => li.textContent);
  return out;
}"""


def test_the_page_modules_treat_any_name_as_data(base_url: str, browser: Any) -> None:
    """The page's own modules, run in Chromium on names that are also properties of every
    JavaScript object (``constructor``, ``__proto__``, ``toString``, ``valueOf``): each is
    kept, looked up and written as data, and nothing reaches ``Object.prototype``."""
    with _ready_page(browser, base_url, "desktop") as page:
        out = page.evaluate(_MODULES_WITH_ODD_NAMES)
    assert out["paths"] == ["constructor.toString", "__proto__.valueOf"]
    assert out["prerequisites"] == [{"dependent": "constructor.toString",
                                     "prerequisite": "__proto__.valueOf"}]
    assert out["answered"] == [["constructor.toString", True]]
    assert json.loads(out["observations"]) == {"constructor": {"toString": True}}
    assert json.loads(out["both"]) == {"constructor": {"toString": False},
                                       "__proto__": {"valueOf": True}}
    assert out["needNone"] == "__proto__.valueOf"  # asked first: nothing answers it
    assert out["needAnswered"] is None
    assert out["polluted"] == []
    assert out["whatIf"] == ["constructor if constructor x", "Proto title if find out y"]
