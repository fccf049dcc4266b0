"""Engines from rule packs: the rulebook of some packs read and checked whole, the engine's
limits included, and the engine one call uses.

Neighbours: ``engine.Engine`` compiles what is read here; the command line, the batch path
and the service build their engines through these functions.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from pathlib import Path

from .._consultation import search_problems
from .._durable import rulebook_limit_problems
from .._errors import RulebookError, RuleProblem
from .._rulebook import Rulebook, read_rulebook
from .engine import Engine


def read_packs(*paths: str | Path, include_default: bool = True, cases: bool = False,
               search: bool = False) -> tuple[Rulebook | None, list[RuleProblem]]:
    """The rulebook of these packs and every problem it has, the engine's limits included
    (``check-rules``), with ``cases`` their test cases, and with ``search`` what would make
    a consultation or what-if refuse it (the search's cost model); the rulebook is ``None``
    whenever there is a problem."""
    book, problems = read_rulebook(*paths, include_default=include_default, cases=cases)
    if book is not None and not problems:
        problems = rulebook_limit_problems(book)
    if book is not None and not problems and search:
        problems = search_problems(book)
    return (None if problems else book), problems


def load_packs(*paths: str | Path, include_default: bool = True, cases: bool = False
               ) -> Rulebook:
    """``read_packs``, raising ``RulebookError`` listing every problem."""
    book, problems = read_packs(*paths, include_default=include_default, cases=cases)
    if book is None:
        raise RulebookError(problems)
    return book


def call_engine(engine_paths: Sequence[str | Path], include_default: bool,
                language: str | None = None) -> tuple[Engine, contextlib.ExitStack]:
    """The engine for one call, speaking ``language`` (None: the packs' own), and what to
    exit when the call ends: the shared default engine stays; one built for these packs
    belongs to the call."""
    release = contextlib.ExitStack()
    if not engine_paths and include_default:
        engine = Engine.default()
    else:
        engine = Engine.from_paths(*engine_paths, include_default=include_default)
        release.callback(engine.close)
    if language is not None:
        try:
            engine = engine.in_language(language)
        except BaseException:
            release.close()
            raise
    return engine, release


@contextlib.contextmanager
def engine_for(engine_paths: Sequence[str | Path], include_default: bool,
               language: str | None = None) -> Iterator[Engine]:
    """``call_engine`` for the length of a ``with`` block."""
    engine, release = call_engine(engine_paths, include_default, language)
    with release:
        yield engine
