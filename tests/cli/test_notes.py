"""``interview-signals notes FILE|-``: the proposals with their words, the reading of what
is stated, JSON that fits the schemas, and clear errors."""

from __future__ import annotations

import io
import json
from pathlib import Path

import jsonschema

from interview_signals._cli.main import main
from interview_signals._notes import MAX_NOTE_BYTES
from interview_signals._schema.catalog import schema

NOTE = ("Panel of three, 45 min slot but we went an hour. I think she nodded? "
        "My friend got a tour. I'll send a thank-you tomorrow.")


def run(*argv: str, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), stdin=io.StringIO(stdin), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def test_the_text_lists_stated_unsure_and_set_aside_with_their_words() -> None:
    status, out, err = run("notes", "-", stdin=NOTE)
    assert (status, err) == (0, "")
    stated, unsure, aside = out.split("\n\n")[:3]
    assert stated.splitlines() == [
        "What your notes state (recorded)",
        '  - Number of interviewers: 3  "Panel of three" (stated in the note)',
        '  - Time set aside: 45 minutes  "45 min slot" (stated in the note)',
        '  - Time it really took: 60 minutes  "went an hour" (stated in the note)']
    assert unsure.splitlines() == [
        "To confirm before recording (your notes are not sure)",
        "  - Nodding: yes  \"nodded\" (hedged by 'i think')"]
    assert aside.splitlines()[1:] == [
        "  - Shown around: yes  \"tour\" (someone else's experience ('my friend'))",
        "  - Thank-you note sent: yes  \"send a thank\" (a plan, a hope or a hypothetical "
        "(\"i'll\"))"]
    assert "How your interview reads: " in out  # the reading of what is stated


def test_json_holds_the_notes_reading_and_the_assessment_of_what_is_stated(
        tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("\ufeffNo tour. Sent a thank-you.", encoding="utf-8")
    status, out, _ = run("notes", str(note), "--format", "json")
    data = json.loads(out)
    assert status == 0
    jsonschema.validate(data["notes"], schema("notes-reading"))
    jsonschema.validate(data["assessment"], schema("assessment"))
    assert data["notes"]["observations"] == data["assessment"]["observations"] == {
        "tour": {"office_tour": False}, "thank_you": {"note_sent": True}}
    assert data["notes"]["proposals"][0]["evidence"] == {"start": 0, "end": 7,
                                                         "words": "No tour"}


def test_a_note_that_says_nothing_says_so() -> None:
    status, out, _ = run("notes", "-", stdin="Going for a run.")
    assert status == 0
    assert out.startswith("Your notes say nothing the reading can record yet.\n")


def test_a_missing_file_is_one_clear_error_line() -> None:
    assert run("notes", "/nonexistent/note.txt") == (
        2, "", "interview-signals: error: /nonexistent/note.txt: cannot read the file: No such "
        "file or directory\n")


def test_a_note_over_one_mebibyte_is_refused(tmp_path: Path) -> None:
    note = tmp_path / "big.txt"
    note.write_bytes(b"a" * (MAX_NOTE_BYTES + 1))
    assert run("notes", str(note)) == (
        2, "", f"interview-signals: error: {note}: larger than 1 MiB; a note takes a few "
        "kilobytes\n")


def test_a_file_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    note = tmp_path / "latin1.txt"
    note.write_bytes("caf\xe9".encode("latin-1"))
    status, _, err = run("notes", str(note))
    assert (status, err.startswith(f"interview-signals: error: {note}: not UTF-8 text")) == (
        2, True)


def test_a_pack_extends_the_reading(tmp_path: Path) -> None:
    pack = tmp_path / "pack.toml"
    pack.write_text('[[notes.phrases]]\npath = "tour.office_tour"\nvalue = true\n'
                    'phrases = ["rundgang"]\n', encoding="utf-8")
    status, out, _ = run("notes", "-", "--rules", str(pack), stdin="Ein Rundgang!")
    assert status == 0
    assert '  - Shown around: yes  "Rundgang" (stated in the note)' in out


def test_ask_starts_from_the_notes_and_confirms_what_they_are_unsure_of_first(
        tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("Booked 45 min, we went an hour. I think she nodded? My friend got a tour.",
                    encoding="utf-8")
    answers = tmp_path / "answers.json"
    answers.write_text('["n", "quit"]', encoding="utf-8")
    saved = tmp_path / "saved.json"
    status, out, _ = run("ask", "--notes", str(note), "--answers", str(answers), "-o",
                         str(saved))
    assert status == 0
    assert out.startswith(
        "From your notes (recorded):\n"
        '  - Time set aside: 45 minutes  "Booked 45 min"\n'
        '  - Time it really took: 60 minutes  "went an hour"\n'
        "\n"
        "Your notes say \"nodded\" (hedged by 'i think').\n"
        "\n"
        "Did the interviewer nod along while you spoke?\n"
        "  1) Yes\n  2) No\n  3) I don't know\n"
        '> "n"\n')
    assert json.loads(saved.read_text())["observations"] == {
        "interview": {"scheduled_minutes": 45, "actual_minutes": 60},
        "body_language": {"nods": False}}


def test_ask_records_nothing_a_note_contradicts_and_asks_about_it_first(
        tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("She smiled a lot. She never smiled.", encoding="utf-8")
    answers = tmp_path / "answers.json"
    answers.write_text('["quit"]', encoding="utf-8")
    status, out, _ = run("ask", "--notes", str(note), "--answers", str(answers))
    assert status == 0
    assert out.startswith("\nYour notes say \"smiled\" (the note says both yes and no)."
                          "\n\nDid the interviewer smile while you talked?\n  1) Yes\n")


def test_ask_needs_the_notes_in_a_file_when_it_reads_answers_from_stdin() -> None:
    status, _, err = run("ask", "--notes", "-", "--answers", "-", stdin="[]")
    assert (status, err) == (2, "interview-signals: error: --notes -: standard input carries "
                             "your answers; give the notes as a file\n")
