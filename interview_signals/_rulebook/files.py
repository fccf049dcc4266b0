"""Where rule packs are: the default pack's folder, a pack's ``*.toml`` files in order, and
the name each pack goes by in assessments; the paths a caller gives, flattened and checked;
plus the short wording of a path or file error.

Neighbours: ``load`` reads the packs found here; ``merge`` words file errors with
``os_reason``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from importlib import resources
from os import PathLike
from pathlib import Path

from .._errors import RulebookError, RuleProblem
from .._quoting import describe, excerpt, file_name
from .model import DEFAULT_PACK


def default_pack_path() -> Path:
    """Where the default rulebook lives: inside the installed package, else beside it."""
    packaged = Path(str(resources.files("interview_signals"))) / "rules"
    if packaged.is_dir():
        return packaged
    # A source checkout or an editable install: the top-level rules/ folder.
    return Path(__file__).resolve().parents[2] / "rules"


def rule_files(path: Path) -> list[Path]:
    """A folder's ``*.toml`` files in name order (not its subfolders), or the file itself."""
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix == ".toml" and p.is_file())
    return [path]


def pack_names(paths: tuple[str | Path, ...]) -> list[str]:
    """The name each pack goes by in assessments: its folder name or file stem.

    ``examples/packs/panel_coach`` is ``panel_coach``; ``coach.toml`` is ``coach``; a
    character that is not printable is escaped (``\\x1b``), as messages show it. When two
    packs would share a name (or a pack would be called ``default``), each of those keeps
    the path as given instead, so a name always points at one pack.
    """
    stems = [Path(p).stem if Path(p).suffix == ".toml" else Path(p).name for p in paths]
    # The same pack given twice is one pack: count distinct places, not mentions.
    counts = Counter(stem for stem, _ in {(s, where_it_leads(Path(p))) for s, p in zip(
        stems, paths, strict=True)})
    # Shown in assessments and listings, so escaped as a message would show it.
    return [file_name(stem if stem and counts[stem] == 1 and stem != DEFAULT_PACK else str(p))
            for stem, p in zip(stems, paths, strict=True)]


def where_it_leads(path: Path) -> str:
    """Where a path leads, for telling two mentions of one file apart; a path that cannot
    be resolved (a link loop, say) stands for itself and fails when read."""
    try:
        return str(path.resolve())
    except (OSError, RuntimeError, ValueError):
        return str(path.absolute())


def os_reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    if isinstance(exc, ValueError) and "null" in str(exc):
        return "the path holds a NUL byte"
    return excerpt(str(exc), 80) or type(exc).__name__


def flat_paths(paths: Iterable[object]) -> list[str | Path]:
    """Paths given one by one or in lists (one level); anything else is a ``RulebookError``."""
    out: list[str | Path] = []
    for item in paths:
        if isinstance(item, list | tuple):
            out += [_pack_path(each) for each in item]
        else:
            out.append(_pack_path(item))
    return out


def _pack_path(item: object) -> Path:
    if isinstance(item, str | PathLike):
        try:
            return Path(item)
        except (TypeError, ValueError) as exc:  # a PathLike whose __fspath__ lies
            raise _bad_path(item) from exc
    raise _bad_path(item)


def _bad_path(item: object) -> RulebookError:
    return RulebookError([RuleProblem(
        file="<argument>", rule_id=None,
        reason=f"expected a rule pack path (a file or folder), got {describe(item)}")])
