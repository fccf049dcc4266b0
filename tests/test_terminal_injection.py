"""Nothing injected: whatever an observation file, a session file, a rule pack or a file
name holds, no message or output shows a character a terminal would act on (C0 and C1
controls, DEL, escape sequences such as a clipboard write or a line erase, bidirectional
overrides): each is escaped, in every command and in the library's own error messages."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interview_signals import (
    Engine,
    InterviewSignalsError,
    Observations,
    RulebookError,
    RuleProblem,
)
from interview_signals._cli.main import main
from interview_signals._quoting import file_name, printable

ATTACK = "\x1b]52;c;aGVsbG8=\x07\x1b[2K\r\x9b31m\x7f\x00\u202eX"
"""A clipboard write (OSC 52 ended by BEL), a line erase and a carriage return, a C1
control sequence introducer, DEL, NUL and a right-to-left override."""
SESSION = "interview-signals/session"


def assert_inert(text: str) -> None:
    """Every character of ``text`` shows as itself: printable, or a line break."""
    acting = sorted({c for c in text if not c.isprintable() and c != "\n"})
    assert not acting, f"raw control characters {acting!r} in {text[:400]!r}"


def _run(args: list[str], stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(args, stdin=io.StringIO(stdin), stdout=out, stderr=err)
    assert_inert(out.getvalue())
    assert_inert(err.getvalue())
    return status, out.getvalue(), err.getvalue()


OBSERVATIONS = {
    "a group's name": {ATTACK: {"x": 1}},
    "a field's name": {"thank_you": {ATTACK: True}},
    "a string value": {"thank_you": {"tone": ATTACK}},
    "a number field's value": {"interview": {"actual_minutes": ATTACK}},
    "a long name": {ATTACK * 500: {}},
}
SESSIONS = {
    "the format": {"format": ATTACK, "version": 1, "observations": {}},
    "the version": {"format": SESSION, "version": ATTACK, "observations": {}},
    "an unknown key": {"format": SESSION, "version": 1, "observations": {}, ATTACK: 1},
    "a skipped field": {"format": SESSION, "version": 1, "observations": {},
                        "skipped": [ATTACK]},
    "its observations": {"format": SESSION, "version": 1,
                         "observations": {"thank_you": {ATTACK: ATTACK}}},
}


COMMANDS = [["assess"], ["assess", "--format", "json"], ["assess", "--detail"], ["what-if"],
            ["what-if", "--format", "json"]]
CASES = [(command, document) for command in COMMANDS for document in OBSERVATIONS.values()] \
    + [(command, document) for command in COMMANDS if command[0] == "what-if"
       for document in SESSIONS.values()]  # what-if reads a saved session too
CASE_IDS = [f"{' '.join(command)}: {name}" for command in COMMANDS for name in OBSERVATIONS] \
    + [f"{' '.join(command)}: session's {name}" for command in COMMANDS
       if command[0] == "what-if" for name in SESSIONS]


@pytest.mark.parametrize(("command", "document"), CASES, ids=CASE_IDS)
def test_assess_and_what_if_escape_what_a_document_holds(
        tmp_path: Path, command: list[str], document: object) -> None:
    path = tmp_path / "in.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    status, out, err = _run([*command, str(path)])
    assert status == 2
    assert "\\x1b" in out + err


@pytest.mark.parametrize("document", [*OBSERVATIONS.values(), *SESSIONS.values()],
                         ids=[*OBSERVATIONS, *(f"session: {k}" for k in SESSIONS)])
def test_ask_resume_escapes_what_a_session_file_holds(tmp_path: Path,
                                                      document: object) -> None:
    (tmp_path / "saved.json").write_text(json.dumps(document), encoding="utf-8")
    (tmp_path / "answers.json").write_text("[]", encoding="utf-8")
    status, _, err = _run(["ask", "--resume", str(tmp_path / "saved.json"),
                           "--answers", str(tmp_path / "answers.json")])
    assert status == 2
    assert "\\x1b" in err


def test_assess_many_escapes_each_bad_line(tmp_path: Path) -> None:
    lines = "\n".join(json.dumps(d) for d in OBSERVATIONS.values()) + "\n"
    status, out, _ = _run(["assess-many", "-", "--workers", "1"], stdin=lines)
    assert status == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == len(OBSERVATIONS)
    for row in rows:
        assert_inert(json.dumps(row, ensure_ascii=False))
        assert "\\x1b" in row["error"]


def test_an_answer_that_contradicts_is_escaped_too(tmp_path: Path) -> None:
    """A scripted answer is echoed as JSON, which escapes what it quotes."""
    (tmp_path / "answers.json").write_text(json.dumps([ATTACK, "quit"]), encoding="utf-8")
    status, out, _ = _run(["ask", "--answers", str(tmp_path / "answers.json")])
    assert status == 2  # the script's answer answered nothing
    assert "That is not one of the answers" in out


PACK_HEAD = '[[rule]]\nid = "{id}"\nkind = "advice"\n'
RULE = (PACK_HEAD + 'when = {{ all = [{{ path = "{path}" }}] }}\nexplanation = "{text}"\n'
        'source = {{ sign = 7, title = "{title}" }}\n')


def _toml(text: str) -> str:
    """``text`` as the inside of a TOML basic string: control characters as escapes."""
    return "".join(c if c.isprintable() and c not in '"\\' else f"\\u{ord(c):04x}"
                   for c in text)


HOSTILE = _toml(ATTACK)
PACKS = {
    "a rule's id": RULE.format(id=HOSTILE, path="tour.office_tour", text="x", title="t"),
    "a path": RULE.format(id="a", path=HOSTILE, text="x", title="t"),
    "an explanation": RULE.format(id="a", path="tour.office_tour", text=HOSTILE, title="t"),
    "a source title": RULE.format(id="a", path="tour.office_tour", text="x", title=HOSTILE),
    "a key": PACK_HEAD.format(id="a") + f'"{HOSTILE}" = 1\n',
    "a parameter's name": f'[params]\n"{HOSTILE}" = 1\n',
    "a literal": RULE.format(id="a", path="thank_you.tone", text="x", title="t").replace(
        '"thank_you.tone" }', f'"thank_you.tone", op = "==", value = "{HOSTILE}" }}'),
    "a verdict": f'[[verdict]]\nid = "{HOSTILE}"\ntitle = "{HOSTILE}"\n',
    "a band's words": f'[[band]]\nid = "b"\nmin_confidence = 0.5\nwords = "{HOSTILE}"\n',
    "a summary": f'[summary]\ncaveat = "{HOSTILE}"\n',
    "a top-level key": f'"{HOSTILE}" = 1\n',
}


@pytest.mark.parametrize("pack", PACKS.values(), ids=PACKS)
def test_a_pack_holding_control_characters_is_refused_and_quoted_escaped(
        tmp_path: Path, pack: str) -> None:
    path = tmp_path / "coach.toml"
    path.write_text(pack, encoding="utf-8")
    for command in (["check-rules", str(path)], ["rules", "--rules", str(path)],
                    ["assess", "--rules", str(path), "-"]):
        status, out, err = _run(command, stdin="{}")
        assert status == 1
        assert "holds the control character" in out + err
    with pytest.raises(RulebookError) as caught:
        Engine.from_paths(path)
    assert_inert(str(caught.value))


def test_a_pack_may_hold_line_breaks_and_tabs(tmp_path: Path) -> None:
    path = tmp_path / "coach.toml"
    path.write_text(RULE.format(id="a", path="tour.office_tour", text="two\\nlines\\tand a tab",
                                title="t"), encoding="utf-8")
    assert _run(["check-rules", str(path)])[0] == 0


@pytest.mark.parametrize("name", ["\x1b[2Kpack", "pa\x9bck", "\u202epack"])
def test_file_names_are_escaped_in_every_message(tmp_path: Path, name: str) -> None:
    """A name that arrived from a folder listing (``assess *.json``) or a script."""
    missing = str(tmp_path / f"{name}.json")
    for command in (["assess", missing], ["what-if", missing],
                    ["assess-many", missing], ["check-rules", missing],
                    ["rules", "--rules", missing], ["notes", missing],
                    ["ask", "--resume", missing, "--answers", missing],
                    ["assess-many", "-", "-o", str(tmp_path / name / "out.jsonl")],
                    ["ask", "-o", str(tmp_path / name / "saved.json"), "--answers", "-"]):
        status, out, err = _run(command, stdin="[]")
        assert status in (1, 2), command
        assert repr(name[0])[1:-1] in out + err, command


def test_a_pack_in_a_folder_of_a_hostile_name_goes_by_an_escaped_name(tmp_path: Path) -> None:
    folder = tmp_path / "\x1b[31mred"
    folder.mkdir()
    (folder / "coach.toml").write_text(
        RULE.format(id="red_advice", path="tour.office_tour", text="x", title="t"),
        encoding="utf-8")
    status, out, _ = _run(["rules", "--rules", str(folder)])
    assert status == 0
    assert "[pack \\x1b[31mred]" in out
    status, out, _ = _run(["assess", "--detail", "--rules", str(folder), "-"],
                          stdin='{"tour": {"office_tour": true}}')
    assert status == 0


def test_test_rules_and_diff_rules_show_hostile_file_names_escaped(tmp_path: Path) -> None:
    folder = tmp_path / "\x1b[31mred"
    folder.mkdir()
    case = ('\n[[case]]\nid = "red_case"\nobservations = { tour = { office_tour = true } }\n'
            'expect = { verdict = "strong" }\nwhy = "a case that fails"\n')
    (folder / "\x1b[2Kc.toml").write_text(
        RULE.format(id="red_advice", path="tour.office_tour", text="x", title="t") + case,
        encoding="utf-8")
    status, out, _ = _run(["test-rules", "-v", str(folder)])
    assert status == 1
    assert "\\x1b[2Kc.toml:" in out
    corpus = tmp_path / "\x9bcorpus.jsonl"
    corpus.write_text('{"tour": {"office_tour": true}}\n', encoding="utf-8")
    status, out, _ = _run(["diff-rules", "--workers", "1", "--new", str(folder), str(corpus)])
    assert status == 0
    assert "\\x1b[31mred" in out
    assert "\\x9bcorpus" in out


_IN_TEXT = ATTACK.replace("\x00", "")  # a NUL makes a note a binary file, refused as such
NOTE = (f"They gave me a tour{_IN_TEXT} of the office and smiled \x9b31m a lot.{_IN_TEXT} "
        f"The interview ran 90 minutes\x1b[31m instead of 45. Maybe they{_IN_TEXT} liked "
        "me?\n")


@pytest.mark.parametrize("command", [["notes"], ["notes", "--format", "json"]],
                         ids=" ".join)
def test_notes_show_what_a_note_holds_escaped(tmp_path: Path, command: list[str]) -> None:
    (tmp_path / "note.txt").write_text(NOTE, encoding="utf-8")
    status, out, _ = _run([*command, str(tmp_path / "note.txt")])
    assert status == 0
    assert "tour" in out


def test_ask_from_notes_shows_them_escaped(tmp_path: Path) -> None:
    (tmp_path / "note.txt").write_text(NOTE, encoding="utf-8")
    (tmp_path / "answers.json").write_text('["quit"]', encoding="utf-8")
    status, out, _ = _run(["ask", "--notes", str(tmp_path / "note.txt"),
                           "--answers", str(tmp_path / "answers.json")])
    assert status == 0
    assert "From your notes" in out


# --- the library's messages themselves ------------------------------------------------

texts = st.text(st.characters(codec="utf-8"), max_size=30) | st.sampled_from(
    [ATTACK, "\x1b", "\x9b", "\x7f", "\r", "\u202e"])


@given(texts, texts)
def test_an_observation_error_quotes_any_name_or_value_escaped(key: str, value: str) -> None:
    documents: list[dict[str, object]] = [
        {key: {}}, {"thank_you": {key: True}}, {"thank_you": {"tone": value}},
        {"interview": {"actual_minutes": {key: value}}}]
    for document in documents:
        try:
            Observations.from_dict(document)
        except InterviewSignalsError as exc:
            assert_inert(str(exc))


@given(texts)
def test_a_saved_session_error_quotes_anything_escaped(text: str) -> None:
    for saved in ({"format": text}, {"format": SESSION, "version": 1, text: 1},
                  {"format": SESSION, "version": 1, "observations": {}, "skipped": [text]}):
        with pytest.raises(InterviewSignalsError) as caught:
            Engine.default().session(saved)
        assert_inert(str(caught.value))


@given(texts, texts)
def test_a_rule_problem_shows_its_file_and_id_escaped(file: str, rule_id: str) -> None:
    problem = RuleProblem(file=file, rule_id=rule_id, reason="r", line=3)
    assert_inert(str(problem))
    assert_inert(str(RulebookError([problem])))


@given(texts)
def test_file_names_and_whole_messages_are_made_inert(text: str) -> None:
    assert_inert(file_name(text))
    assert_inert(printable(text))
    assert printable(text).split("\n") == [printable(line) for line in text.split("\n")]
