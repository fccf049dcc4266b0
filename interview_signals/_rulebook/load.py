"""Find and read TOML rule packs and merge them, in order, into one checked ``Rulebook``.

Neighbours: ``files`` finds the packs and their files; ``merge`` merges the files
(``parse`` checks and builds each table); ``check`` checks the merged rulebook as
a whole; the engine (``_durable``, ``_assessment``, ``_engine``) reads the result. No code runs
when a file is read. The rulebook's data classes live in ``model``, what a test means in
``semantics``.
"""

from __future__ import annotations

from pathlib import Path

from .._errors import RulebookError, RuleProblem
from .check import check_rulebook
from .files import (
    default_pack_path,
    os_reason,
    pack_names,
    rule_files,
    where_it_leads,
)
from .merge import Merger
from .model import DEFAULT_PACK, Rulebook
from .texts import base_language_file, languages_problems

__all__ = ["CASES_FOLDER", "load_rulebook", "read_rulebook"]

CASES_FOLDER = "cases"
"""A pack folder's folder of test cases."""


def load_rulebook(*paths: str | Path, include_default: bool = True,
                  cases: bool = False) -> Rulebook:
    """Read, merge and check rule packs; raise ``RulebookError`` listing every problem."""
    rulebook, problems = read_rulebook(*paths, include_default=include_default, cases=cases)
    if problems or rulebook is None:
        raise RulebookError(problems)
    return rulebook


def read_rulebook(*paths: str | Path, include_default: bool = True, cases: bool = False
                  ) -> tuple[Rulebook | None, list[RuleProblem]]:
    """Like ``load_rulebook`` but return every problem instead of raising.

    The rulebook is ``None`` whenever there is a problem. Packs are read in order, the
    default first; in a folder, its ``*.toml`` files in name order; a file already read is
    not read again. With ``cases``, the packs' test cases are read and checked too: their
    ``[[case]]`` tables and the files of a pack folder's ``cases/`` folder.
    """
    packs: list[tuple[str, Path]] = [(DEFAULT_PACK, default_pack_path())] if include_default \
        else []
    packs += [(name, Path(p)) for name, p in zip(pack_names(paths), paths, strict=True)]
    if not packs:
        return None, [RuleProblem(file="<none>", rule_id=None, reason="no rule pack given")]
    merger = Merger(with_cases=cases)
    read: set[str] = set()
    # The vocabulary's and the frame's English texts come with every rulebook, also one
    # made of packs alone: the vocabulary is the library's own.
    base = base_language_file()
    read.add(where_it_leads(base))
    merger.read_file(base, DEFAULT_PACK, listed=False)
    for pack, path in packs:
        try:
            files = rule_files(path) if path.exists() else None
        except (OSError, ValueError) as exc:  # a NUL byte, a link loop, no permission
            merger.problem(str(path), None, f"cannot read the pack: {os_reason(exc)}")
            continue
        if files is None:
            merger.problem(str(path), None, "no such file or folder")
            continue
        if not files:
            merger.problem(str(path), None, "the folder holds no .toml files")
        for file in files:
            # A file given twice (say the default folder named as a pack) is read once,
            # as part of the first pack that holds it.
            place = where_it_leads(file)
            if place not in read:
                read.add(place)
                merger.read_file(file, pack)
        if cases:
            _read_cases(merger, path, pack, read)
    book = merger.resolved_book()
    merger.problems.extend(check_rulebook(book, broken=merger.broken,
                                          partial=merger.unreadable))
    merger.problems.extend(merger.whole_book_problems())
    merger.notes.check("<notes>")
    if not merger.problems:
        merger.problems.extend(languages_problems(book))
    return (None if merger.problems else book), merger.problems


def _read_cases(merger: Merger, path: Path, pack: str, read: set[str]) -> None:
    """The files of a pack folder's ``cases/`` folder, in name order."""
    folder = path / CASES_FOLDER
    try:
        files = rule_files(folder) if path.is_dir() and folder.is_dir() else []
    except (OSError, ValueError) as exc:
        merger.problem(str(folder), None, f"cannot read the cases: {os_reason(exc)}")
        return
    for file in files:
        place = where_it_leads(file)
        if place not in read:
            read.add(place)
            merger.read_file(file, pack, cases_only=True)
