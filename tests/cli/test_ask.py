"""``interview-signals ask`` and ``what-if`` as a person and a program use them."""

from __future__ import annotations

import io
import json
import os
import re
import signal
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from interview_signals import Engine
from interview_signals._cli.main import main
from interview_signals._observations.vocabulary import VOCABULARY
from interview_signals._rulebook import frame_texts

EN = frame_texts()
"""The English texts of the vocabulary and the frame."""

pexpect = pytest.importorskip("pexpect")
COMMAND = [sys.executable, "-m", "interview_signals"]
needs_a_terminal = pytest.mark.skipif(not hasattr(os, "openpty"),
                                      reason="no pseudo-terminals on this platform")
RULE_IDS = {r.id for r in Engine.default().rulebook.rules}


def _plain(text: str) -> None:
    """Candidate-facing text names no field path and no rule id."""
    for path in VOCABULARY:
        assert path not in text, path
    for rule_id in RULE_IDS:
        assert not re.search(rf"\b{rule_id}\b", text), rule_id


def _spawn(*args: str, cwd: Path) -> Any:
    child = pexpect.spawn(COMMAND[0], [*COMMAND[1:], "ask", *args], cwd=str(cwd),
                          encoding="utf-8", timeout=60, dimensions=(40, 200))
    child.expect(r"\n> ")
    return child


@needs_a_terminal
def test_a_person_answers_asks_why_and_how_goes_back_quits_and_resumes(tmp_path: Path
                                                                      ) -> None:
    child = _spawn("-o", "saved.json", cwd=tmp_path)
    first = child.before
    _plain(first)
    child.sendline("why")
    child.expect(r"\n> ")
    assert "If Yes: the reading could be" in child.before
    _plain(child.before)
    child.sendline("how")
    child.expect(r"\n> ")
    assert "Right now the reading is not clear yet" in child.before
    child.sendline("2")
    child.expect(r"\n> ")
    child.sendline("back")
    child.expect(r"\n> ")
    assert "Undone" in child.before
    child.sendline("2")
    child.expect(r"\n> ")
    child.sendline("what-if")
    child.expect(r"\n> ")
    assert "What would make it" in child.before
    _plain(child.before)
    child.sendline("quit")
    child.expect(pexpect.EOF)
    assert "Saved to saved.json" in child.before
    child.close()
    assert child.exitstatus == 0
    saved = json.loads((tmp_path / "saved.json").read_text(encoding="utf-8"))
    assert saved["format"] == "interview-signals/session"
    assert len([v for g in saved["observations"].values() for v in g]) == 1
    Engine.default().session(saved)  # the session format the library reads

    child = _spawn("--resume", "saved.json", cwd=tmp_path)
    for _ in range(len(VOCABULARY)):
        child.sendline("2")  # "No" / the second class: absence all the way
        index = child.expect([r"\n> ", pexpect.EOF])
        if index == 1:
            break
    assert "That settles it" in child.before or "No more questions" in child.before
    assert "How your interview reads:" in child.before
    child.close()
    assert child.exitstatus == 0
    again = json.loads((tmp_path / "saved.json").read_text(encoding="utf-8"))
    assert len([v for g in again["observations"].values() for v in g]) > 1


@needs_a_terminal
def test_ctrl_c_keeps_the_answers_given_so_far(tmp_path: Path) -> None:
    child = _spawn("-o", "saved.json", cwd=tmp_path)
    child.sendline("2")  # no next round: the consultation goes on
    child.expect(r"\n> ")
    child.sendintr()
    child.expect(pexpect.EOF)
    assert "Saved to saved.json" in child.before
    child.close()
    assert child.exitstatus == 130
    saved = json.loads((tmp_path / "saved.json").read_text(encoding="utf-8"))
    assert len([v for g in saved["observations"].values() for v in g]) == 1


def _one_answer_given(tmp_path: Path) -> Any:
    """A consultation at a terminal, saving to saved.json, with one answer given."""
    child = _spawn("-o", "saved.json", cwd=tmp_path)
    child.sendline("2")  # no next round: the consultation goes on
    child.expect(r"\n> ")
    return child


def _answers_saved(tmp_path: Path) -> int:
    saved = json.loads((tmp_path / "saved.json").read_text(encoding="utf-8"))
    assert saved["observations"] == {"next_steps": {"invited_to_next_round": False}}
    return len(saved["observations"])


@needs_a_terminal
@pytest.mark.parametrize(("signum", "status", "said"), [
    (signal.SIGTERM, 143, "interview-signals: terminated"),
    (getattr(signal, "SIGHUP", signal.SIGTERM), 129, "interview-signals: hung up"),
])
def test_sigterm_and_sighup_keep_the_answers_as_ctrl_c_does(
        tmp_path: Path, signum: int, status: int, said: str) -> None:
    child = _one_answer_given(tmp_path)
    child.kill(signum)
    child.expect(pexpect.EOF)
    assert "Saved to saved.json" in child.before
    assert said in child.before
    child.close()
    assert (child.exitstatus, child.signalstatus) == (status, None)
    assert _answers_saved(tmp_path) == 1


@needs_a_terminal
def test_closing_the_terminal_keeps_the_answers(tmp_path: Path) -> None:
    """The terminal goes away (its window closed): the kernel hangs up the session, and
    the reads and writes on the terminal fail; the answers are saved all the same."""
    child = _one_answer_given(tmp_path)
    os.close(child.child_fd)
    deadline = time.monotonic() + 60  # a cap on a hang, not a measure of speed
    while (ended := os.waitpid(child.pid, os.WNOHANG))[0] == 0:
        if time.monotonic() > deadline:
            os.kill(child.pid, signal.SIGKILL)
            pytest.fail("ask went on after its terminal closed")
        time.sleep(0.05)
    assert os.waitstatus_to_exitcode(ended[1]) == 129
    assert _answers_saved(tmp_path) == 1


@pytest.mark.parametrize("target", ["no/such/folder/saved.json", "."])
def test_a_save_file_that_cannot_be_written_is_refused_before_any_question(
        tmp_path: Path, target: str) -> None:
    status, out, err = _ask(tmp_path, [False, "quit"], "-o", str(tmp_path / target))
    assert (status, out) == (2, "")
    assert err.startswith("interview-signals: error: ")
    assert err.count("\n") == 1


def _ask(tmp_path: Path, answers: list[object], *args: str) -> tuple[int, str, str]:
    script = tmp_path / "answers.json"
    script.write_text(json.dumps(answers), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    status = main(["ask", "--answers", str(script), *args], stdin=io.StringIO(""),
                  stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def test_scripted_answers_drive_the_same_consultation(tmp_path: Path) -> None:
    saved = tmp_path / "saved.json"
    # No next round; (a note?) don't know; (a reply?) skip, back, yes; (asked if you want
    # the job?) why, how, yes; a deep dive.
    status, out, err = _ask(tmp_path, [False, None, "skip", "back", True, "why", "how", 1,
                                       True, "quit"], "-o", str(saved))
    assert (status, err) == (0, "")
    _plain(out)
    assert out.count("If Yes: the reading could be") == 1
    assert out.count("Right now the reading is") == 1
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["observations"] == {
        "interest": {"asked_if_interested": True},
        "next_steps": {"invited_to_next_round": False},
        "job_specifics": {"deep_dive": True}, "thank_you": {"response_received": True}}
    assert data["skipped"] == ["thank_you.note_sent"]
    assert "Undone: Reply to your note." in out


def test_scripted_answers_to_the_end_settle_the_verdict(tmp_path: Path) -> None:
    status, out, _ = _ask(tmp_path, [True] * 40)
    assert status == 0
    assert "That settles it" in out
    _plain(out.split("\nHow your interview reads:")[0])


def test_the_end_of_a_consultation_says_the_reading_once(tmp_path: Path) -> None:
    """What the closing reading says (its summary, how strongly, each sign) is not said
    just before it as well; only where the reading could still go, and why it is settled."""
    _, out, _ = _ask(tmp_path, [True] * 40)
    end = out.split("That settles it", 1)[1]
    result = Engine.default().assess({"next_steps": {"invited_to_next_round": True}})
    assert end.count("How strongly the signs point your way") == 1
    assert end.count("How your interview reads:") == 1
    explanation = result.signals[0].explanation
    assert end.count(explanation) == 1


def test_detail_shows_paths_and_rules(tmp_path: Path) -> None:
    _, out, _ = _ask(tmp_path, ["why", "quit"], "--detail")
    assert "[next_steps." in out
    assert "rules " in out


def test_ask_refuses_to_run_without_a_terminal_or_scripted_answers() -> None:
    out, err = io.StringIO(), io.StringIO()
    status = main(["ask"], stdin=io.StringIO(""), stdout=out, stderr=err)
    assert (status, out.getvalue()) == (2, "")
    assert err.getvalue().count("\n") == 1
    assert "--answers FILE" in err.getvalue()


def test_a_bad_answers_file_is_one_line_and_status_2(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text('{"not": "a list"}', encoding="utf-8")
    err = io.StringIO()
    status = main(["ask", "--answers", str(tmp_path / "a.json")], stdin=io.StringIO(""),
                  stdout=io.StringIO(), stderr=err)
    assert status == 2
    assert err.getvalue().count("\n") == 1


def test_what_if_command_in_text_and_json() -> None:
    data = json.dumps({"tour": {"office_tour": True}})
    out = io.StringIO()
    assert main(["what-if", "-"], stdin=io.StringIO(data), stdout=out,
                stderr=io.StringIO()) == 0
    _plain(out.getvalue())
    assert out.getvalue().startswith("The reading is tentative. What would make it")
    out = io.StringIO()
    assert main(["what-if", "-", "--format", "json", "--target", "strong"],
                stdin=io.StringIO(data), stdout=out, stderr=io.StringIO()) == 0
    result = json.loads(out.getvalue())
    assert (result["format"], result["goal"]) == ("interview-signals/what-if", ["strong"])
    assert result["options"][0]["verdict"] == "strong"


def test_what_if_reads_a_saved_session_and_rejects_a_bad_target(tmp_path: Path) -> None:
    session = Engine.default().session()
    session.observe({"tour": {"office_tour": True}})
    (tmp_path / "s.json").write_text(json.dumps(session.to_dict()), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert main(["what-if", str(tmp_path / "s.json")], stdout=out, stderr=err) == 0
    assert "What would make it" in out.getvalue()
    err = io.StringIO()
    assert main(["what-if", str(tmp_path / "s.json"), "--target", "great"],
                stdout=io.StringIO(), stderr=err) == 2
    assert err.getvalue().count("\n") == 1


def test_numbers_in_an_answers_file_pick_from_the_list_and_refused_answers_exit_2(
        tmp_path: Path) -> None:
    status, out, _ = _ask(tmp_path, [2, "quit"])
    assert status == 0
    assert "That is not one of the answers" not in out
    status, out, _ = _ask(tmp_path, [2, "nonsense", "quit"])
    assert status == 2
    assert "1 scripted answer did not answer the question asked." in out


def test_a_question_on_the_reply_comes_after_whether_a_note_was_sent(tmp_path: Path) -> None:
    """The consultation may rank how the reply read first; a person is asked first whether
    a note was sent, and after "no" nothing about a reply."""
    note = EN.question("thank_you.note_sent")
    reply_questions = [EN.question(p) for p in VOCABULARY
                       if p.startswith("thank_you.") and p != "thank_you.note_sent"]
    status, out, _ = _ask(tmp_path, [*["2"] * len(VOCABULARY)])
    assert status == 0
    asked = [line for line in out.splitlines() if line.endswith("?")]
    assert note in asked
    assert not [q for q in asked if q in reply_questions]
    replies: list[object] = ["2", "2", *["1"] * len(VOCABULARY)]
    status, out, _ = _ask(tmp_path, replies)
    asked = [line for line in out.splitlines() if line.endswith("?")]
    thank_you = [q for q in asked if q == note or q in reply_questions]
    assert thank_you[0] == note


def test_the_dont_know_answer_of_the_list_is_a_skip(tmp_path: Path) -> None:
    status, out, _ = _ask(tmp_path, [2, 3, "3", "I don't know", "quit"])
    assert status == 0
    assert "That is not one of the answers" not in out


def test_saving_over_the_answers_file_is_refused(tmp_path: Path) -> None:
    script = tmp_path / "answers.json"
    status, out, err = _ask(tmp_path, ["quit"], "-o", str(script))
    assert (status, out) == (2, "")
    assert "the output is the input file" in err
    assert json.loads(script.read_text(encoding="utf-8")) == ["quit"]


@pytest.mark.parametrize("limit", ["0", "-1"])
def test_what_if_refuses_a_limit_below_one(limit: str) -> None:
    out, err = io.StringIO(), io.StringIO()
    status = main(["what-if", "examples/data/unclear_interview.json", f"--limit={limit}"],
                  stdin=io.StringIO(""), stdout=out, stderr=err)
    assert (status, out.getvalue()) == (2, "")
    assert "limit: expected a positive integer" in err.getvalue()


def test_a_skip_is_saved_and_stays_said_on_resume(tmp_path: Path) -> None:
    saved = tmp_path / "saved.json"
    status, out, _ = _ask(tmp_path, ["skip", "quit"], "-o", str(saved))
    first = next(line for line in out.splitlines() if line.endswith("?"))
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert status == 0
    assert len(data["skipped"]) == 1
    Engine.default().session(data)  # the library reads the saved session too
    status, out, _ = _ask(tmp_path, ["quit"], "--resume", str(saved))
    assert status == 0
    assert first not in out


def test_a_saved_skip_that_is_not_a_field_is_refused(tmp_path: Path) -> None:
    saved = tmp_path / "saved.json"
    saved.write_text(json.dumps({"format": "interview-signals/session", "version": 1,
                                 "observations": {}, "skipped": ["nope"]}), encoding="utf-8")
    status, _, err = _ask(tmp_path, ["quit"], "--resume", str(saved))
    assert status == 2
    assert "session.skipped" in err
