"""Where rule packs are (``interview_signals/_rulefiles.py``): the default pack's folder, a
pack's files in order, the name each pack goes by, the paths a caller gives, flattened and
checked, and the short wording of a path error."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from interview_signals import RulebookError
from interview_signals._rulebook.files import (
    default_pack_path,
    flat_paths,
    os_reason,
    pack_names,
    rule_files,
    where_it_leads,
)

DEFAULT_FILES = ["01-body-language.toml", "02-interest.toml", "03-next-round.toml",
                 "04-tour.toml", "05-ran-long.toml", "06-job-specifics.toml",
                 "07-thank-you.toml", "advice.toml", "notes.toml", "verdicts.toml"]


class _Place(os.PathLike[str]):
    """A path-like object other than ``Path``, as a caller's own type might be."""

    def __init__(self, path: str) -> None:
        self.path = path

    def __fspath__(self) -> str:
        return self.path


class _Liar(os.PathLike[str]):
    """A path-like object whose ``__fspath__`` does not return a path."""

    def __fspath__(self) -> str:
        return 3  # type: ignore[return-value]


# --- the default pack and a pack's files --------------------------------------------------


def test_the_default_pack_is_the_rules_folder_with_its_files() -> None:
    folder = default_pack_path()
    assert folder.is_dir()
    assert folder.name == "rules"
    assert [p.name for p in rule_files(folder)] == DEFAULT_FILES


def test_a_folder_gives_its_toml_files_in_name_order_and_nothing_else(tmp_path: Path) -> None:
    for name in ("b.toml", "a.toml", "10.toml", "2.toml", "notes.txt", "toml", "c.TOML"):
        (tmp_path / name).write_text("", encoding="utf-8")
    (tmp_path / "sub.toml").mkdir()  # a folder, even one named like a file, is not read
    (tmp_path / "deeper").mkdir()
    (tmp_path / "deeper" / "0.toml").write_text("", encoding="utf-8")
    assert [p.name for p in rule_files(tmp_path)] == ["10.toml", "2.toml", "a.toml", "b.toml"]


def test_a_file_is_its_own_pack_whatever_its_name(tmp_path: Path) -> None:
    for name in ("rules.toml", "rules.txt"):
        path = tmp_path / name
        path.write_text("", encoding="utf-8")
        assert rule_files(path) == [path]


def test_an_empty_folder_has_no_files(tmp_path: Path) -> None:
    assert rule_files(tmp_path) == []


# --- the name each pack goes by -------------------------------------------------------------


@pytest.mark.parametrize(("paths", "names"), [
    (("examples/packs/panel_coach",), ["panel_coach"]),
    (("coach.toml", Path("/somewhere/panel")), ["coach", "panel"]),
    (("a/coach.toml", "b/coach"), ["a/coach.toml", "b/coach"]),
    (("default.toml",), ["default.toml"]),
    (("coach", "./coach"), ["coach", "coach"]),
])
def test_a_pack_is_named_by_its_folder_or_file_unless_that_is_ambiguous(
        paths: tuple[str | Path, ...], names: list[str]) -> None:
    assert pack_names(paths) == names


def test_no_packs_have_no_names() -> None:
    assert pack_names(()) == []


def test_a_folder_called_default_keeps_its_path(tmp_path: Path) -> None:
    assert pack_names((tmp_path / "default",)) == [str(tmp_path / "default")]


def test_a_link_to_a_pack_is_the_same_pack(tmp_path: Path) -> None:
    (tmp_path / "coach").mkdir()
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "coach").symlink_to(tmp_path / "coach")
    assert pack_names((tmp_path / "coach", tmp_path / "elsewhere" / "coach")) == [
        "coach", "coach"]


def test_only_the_packs_that_share_a_name_keep_their_paths(tmp_path: Path) -> None:
    paths = (tmp_path / "a" / "coach", tmp_path / "panel.toml", tmp_path / "b" / "coach.toml")
    assert pack_names(paths) == [str(paths[0]), "panel", str(paths[2])]


# --- where a path leads -------------------------------------------------------------------


def test_where_a_link_leads_is_its_target(tmp_path: Path) -> None:
    (tmp_path / "real.toml").write_text("", encoding="utf-8")
    (tmp_path / "link.toml").symlink_to(tmp_path / "real.toml")
    assert where_it_leads(tmp_path / "link.toml") == str((tmp_path / "real.toml").resolve())
    assert where_it_leads(Path("x.toml")) == str(Path.cwd().resolve() / "x.toml")


def test_a_link_loop_stands_for_itself(tmp_path: Path) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    assert where_it_leads(loop) == str(loop.absolute())


# --- the wording of a path or file error --------------------------------------------------


@pytest.mark.parametrize(("exc", "reason"), [
    (FileNotFoundError(2, "No such file or directory"), "No such file or directory"),
    (PermissionError(13, "Permission denied", "/secret"), "Permission denied"),
    (ValueError("embedded null byte"), "the path holds a NUL byte"),
    (OSError("no strerror here"), "no strerror here"),
    (RuntimeError("Symlink loop from '/x'"), "Symlink loop from '/x'"),
    (RuntimeError(), "RuntimeError"),
    (ValueError("v" * 100), "v" * 77 + "..."),
])
def test_os_reason_words_an_error_briefly(exc: BaseException, reason: str) -> None:
    assert os_reason(exc) == reason


# --- the paths a caller gives ---------------------------------------------------------------


def test_paths_one_by_one_or_in_lists_come_out_flat_and_in_order() -> None:
    given: list[object] = ["a.toml", Path("b"), ["c", Path("d.toml")], ("e",), _Place("f"),
                           [], ()]
    assert flat_paths(given) == [Path(p) for p in ("a.toml", "b", "c", "d.toml", "e", "f")]
    assert all(type(p) is type(Path()) for p in flat_paths(given))


def test_no_paths_are_no_paths() -> None:
    assert flat_paths([]) == []
    assert flat_paths(iter([["a"]])) == [Path("a")]


@pytest.mark.parametrize(("item", "got"), [
    (3, "got 3"), (None, "got null"), (b"pack.toml", "got a bytes"), ({"a": 1}, "got an object"),
    (["a", ["b"]], "got a list"), ([3], "got 3"), ((None,), "got null"),
])
def test_anything_but_a_path_or_one_level_of_lists_is_a_rulebook_error(
        item: object, got: str) -> None:
    with pytest.raises(RulebookError) as caught:
        flat_paths(["fine.toml", item])
    (problem,) = caught.value.problems
    assert (problem.file, problem.rule_id, problem.line) == ("<argument>", None, None)
    assert problem.reason == f"expected a rule pack path (a file or folder), {got}"


def test_a_path_like_object_that_lies_is_a_rulebook_error() -> None:
    with pytest.raises(RulebookError) as caught:
        flat_paths([_Liar()])
    (problem,) = caught.value.problems
    assert problem.reason.startswith("expected a rule pack path")
    assert isinstance(caught.value.__cause__, TypeError)
