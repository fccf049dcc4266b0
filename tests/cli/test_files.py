"""_output: output files written whole or not at all (``replacing``), and never over the
input (``refuse_same_file``). The command line's use of both is in test_cli.py."""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path

import pytest

from interview_signals._cli.files import OutputError, check_writable, refuse_same_file, replacing
from interview_signals._cli.main import main


@pytest.fixture
def lines(tmp_path: Path) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_text("{}\n", encoding="utf-8")
    return path


# --- refuse_same_file -----------------------------------------------------------------------

def _same_message(output: str, label: str) -> str:
    return (f"{output}: the output is the input file ({label}); writing it would destroy "
            "the input: choose another -o")


def _refusal(input_name: str, stdin: io.StringIO | None, output: str) -> str | None:
    """The message of the refusal, or None when the output is allowed."""
    try:
        refuse_same_file(input_name, stdin, output)
    except OutputError as exc:
        return str(exc)
    return None


def test_an_output_that_does_not_exist_yet_is_allowed(lines: Path) -> None:
    assert _refusal(str(lines), None, str(lines.parent / "out.jsonl")) is None


def test_another_file_is_allowed(lines: Path) -> None:
    other = lines.parent / "out.jsonl"
    other.write_text("old\n", encoding="utf-8")
    assert _refusal(str(lines), None, str(other)) is None
    assert other.read_text(encoding="utf-8") == "old\n"  # checked, never opened for writing


@pytest.mark.parametrize("how", ["same", "relative", "symlink", "hardlink"])
def test_the_input_by_any_path_is_refused(lines: Path, how: str,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(lines.parent)
    output = {"same": str(lines), "relative": f"../{lines.parent.name}/{lines.name}",
              "symlink": "link.jsonl", "hardlink": "hard.jsonl"}[how]
    if how == "symlink":
        os.symlink(lines, output)
    elif how == "hardlink":
        os.link(lines, output)
    with pytest.raises(OutputError) as info:
        refuse_same_file(str(lines), None, output)
    assert str(info.value) == _same_message(output, str(lines))
    assert lines.read_text(encoding="utf-8") == "{}\n"


def test_stdin_read_from_the_output_file_is_refused_as_stdin(lines: Path) -> None:
    with lines.open(encoding="utf-8") as stdin, pytest.raises(OutputError) as info:
        refuse_same_file("-", stdin, str(lines))
    assert str(info.value) == _same_message(str(lines), "<stdin>")


def test_stdin_with_no_file_behind_it_is_never_the_output(lines: Path) -> None:
    assert _refusal(str(lines), io.StringIO("{}\n"), str(lines)) is None


def test_a_missing_input_is_not_the_output(lines: Path) -> None:
    assert _refusal(str(lines.parent / "missing.jsonl"), None, str(lines)) is None


# --- replacing ------------------------------------------------------------------------------

def _write_half_then_fail(target: Path, error: BaseException) -> None:
    with replacing(str(target)) as file:
        file.write("half of the new\n")
        file.flush()
        raise error

def test_a_new_file_is_written_and_nothing_else_is_left(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    with replacing(str(target)) as file:
        file.write("one\n")
        file.write("two\n")
    assert target.read_text(encoding="utf-8") == "one\ntwo\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]


def test_the_old_file_stays_until_everything_is_written(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")
    with replacing(str(target)) as file:
        file.write("new\n")
        file.flush()
        assert target.read_text(encoding="utf-8") == "old\n"
        (temporary,) = (p for p in tmp_path.iterdir() if p != target)
        assert temporary.name.startswith(".out.jsonl.")
        assert temporary.name.endswith(".tmp")
    assert target.read_text(encoding="utf-8") == "new\n"
    assert not temporary.exists()


@pytest.mark.parametrize("error", [RuntimeError("failed"), KeyboardInterrupt()])
def test_a_failed_write_leaves_the_old_file_and_no_temporary(
        tmp_path: Path, error: BaseException) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")
    with pytest.raises(type(error)) as info:
        _write_half_then_fail(target, error)
    assert info.value is error
    assert target.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]


def test_a_failed_write_of_a_new_file_leaves_none(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    with pytest.raises(RuntimeError):
        _write_half_then_fail(target, RuntimeError("failed"))
    assert list(tmp_path.iterdir()) == []


def test_an_existing_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    with replacing(str(target)) as file:
        file.write("new\n")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_link_stays_a_link_to_the_new_file(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    real = tmp_path / "real" / "out.jsonl"
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.jsonl"
    link.symlink_to(real)
    with replacing(str(link)) as file:
        file.write("new\n")
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "new\n"
    assert sorted(p.name for p in (tmp_path / "real").iterdir()) == ["out.jsonl"]


def test_a_pipe_is_written_directly(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader, so opening to write works
    try:
        with replacing(str(fifo)) as file:
            file.write("line\n")
        assert os.read(reader, 100) == b"line\n"
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]


def test_an_output_in_a_missing_folder_is_an_output_error(tmp_path: Path) -> None:
    name = str(tmp_path / "no such folder" / "out.jsonl")
    with pytest.raises(OutputError) as info, replacing(name):
        pytest.fail("the body ran")
    assert str(info.value) == f"{name}: cannot write the file: No such file or directory"


def _loop(tmp_path: Path) -> Path:
    (tmp_path / "b").symlink_to(tmp_path / "a")
    (tmp_path / "a").symlink_to(tmp_path / "b")
    return tmp_path / "a"


def test_a_loop_of_links_is_an_output_error_not_a_runtime_error(tmp_path: Path) -> None:
    loop = _loop(tmp_path)
    with pytest.raises(OutputError, match="a loop of symbolic links"), replacing(str(loop)):
        pass
    with pytest.raises(OutputError, match="a loop of symbolic links"):
        check_writable(str(loop))


@pytest.mark.parametrize("command", [["assess-many", "in.jsonl", "-o", "a"],
                                     ["ask", "--answers", "answers.json", "-o", "a"]])
def test_every_command_refuses_an_output_onto_a_loop_of_links_in_one_line(
        tmp_path: Path, command: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    _loop(tmp_path)
    (tmp_path / "in.jsonl").write_text("{}\n")
    (tmp_path / "answers.json").write_text("[]")
    monkeypatch.chdir(tmp_path)
    out, err = io.StringIO(), io.StringIO()
    assert main(command, stdout=out, stderr=err) == 2
    assert err.getvalue() == "interview-signals: error: a: cannot write the file: a loop of " \
        "symbolic links\n"
