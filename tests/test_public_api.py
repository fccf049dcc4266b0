"""The public surface: ``__all__`` is sorted, complete and honest; the version comes from the
installed metadata; every public class and function says what it does."""

from __future__ import annotations

import importlib.metadata
import inspect

import pytest

import interview_signals
from interview_signals import (
    EngineError,
    InterviewSignalsError,
    ObservationError,
    RulebookError,
)

PUBLIC = interview_signals.__all__

# SPEC section 3: the names every embedding program relies on.
SPEC_NAMES = {"assess", "Engine", "Session", "Observations", "Assessment",
              "InterviewSignalsError", "ObservationError", "RulebookError", "EngineError"}
# SPEC section 3: the methods of the public surface.
SPEC_METHODS = [
    ("Engine", "default"), ("Engine", "from_paths"), ("Engine", "assess"),
    ("Engine", "session"), ("Session", "observe"), ("Session", "forget"),
    ("Session", "assessment"), ("Session", "to_dict"), ("Session", "close"),
    ("Observations", "from_dict"), ("Observations", "to_dict"), ("Assessment", "to_dict"),
    ("Assessment", "render"),
]


def _own(obj: object) -> bool:
    return getattr(obj, "__module__", "").startswith("interview_signals")


def test_all_is_sorted() -> None:
    assert list(PUBLIC) == sorted(PUBLIC)


def test_all_has_no_duplicates() -> None:
    assert len(set(PUBLIC)) == len(PUBLIC)


def test_every_name_in_all_exists() -> None:
    assert [name for name in PUBLIC if not hasattr(interview_signals, name)] == []


def test_every_name_in_all_can_be_imported_by_name() -> None:
    namespace: dict[str, object] = {}
    exec(f"from interview_signals import {', '.join(PUBLIC)}", namespace)
    assert set(PUBLIC) <= set(namespace)


def test_all_lists_nothing_private() -> None:
    assert [n for n in PUBLIC if n.startswith("_") and n != "__version__"] == []


def test_all_is_complete() -> None:
    """Every public class and function the package itself defines is listed in ``__all__``."""
    public = {name for name, obj in vars(interview_signals).items()
              if not name.startswith("_") and not inspect.ismodule(obj) and _own(obj)}
    assert public - set(PUBLIC) == set()


def test_the_names_of_the_contract_are_public() -> None:
    assert set(PUBLIC) >= SPEC_NAMES


def test_public_objects_come_from_the_package() -> None:
    objects = [getattr(interview_signals, n) for n in PUBLIC if n != "__version__"]
    assert [o for o in objects if not _own(o)] == []


def test_the_version_comes_from_the_installed_metadata() -> None:
    assert interview_signals.__version__ == importlib.metadata.version("interview-signals")


def test_the_error_hierarchy_matches_the_contract() -> None:
    assert issubclass(ObservationError, InterviewSignalsError)
    assert issubclass(ObservationError, ValueError)
    assert issubclass(RulebookError, InterviewSignalsError)
    assert issubclass(EngineError, InterviewSignalsError)
    assert not issubclass(EngineError, ValueError)
    assert issubclass(InterviewSignalsError, Exception)


@pytest.mark.parametrize("name", [n for n in PUBLIC if n != "__version__"])
def test_every_public_class_and_function_has_a_docstring(name: str) -> None:
    doc = inspect.getdoc(getattr(interview_signals, name))
    assert doc
    assert doc.strip()


@pytest.mark.parametrize(("cls", "method"), SPEC_METHODS,
                         ids=[f"{c}.{m}" for c, m in SPEC_METHODS])
def test_every_method_of_the_contract_has_a_docstring(cls: str, method: str) -> None:
    assert (inspect.getdoc(getattr(getattr(interview_signals, cls), method)) or "").strip()


def _undocumented_methods() -> list[str]:
    missing = []
    for name in PUBLIC:
        cls = getattr(interview_signals, name)
        if not inspect.isclass(cls):
            continue
        for attr, member in vars(cls).items():
            if attr.startswith("_"):
                continue
            func = member.fget if isinstance(member, property) else getattr(
                member, "__func__", member)
            if (isinstance(member, property) or inspect.isfunction(func)) and not (
                    (func.__doc__ or "").strip()):
                missing.append(f"{name}.{attr}")
    return missing


def test_every_public_method_and_property_has_a_docstring() -> None:
    assert _undocumented_methods() == []


def test_assess_engine_and_session_carry_a_usage_example() -> None:
    for obj in (interview_signals.assess, interview_signals.Engine, interview_signals.Session):
        assert "Example::" in (obj.__doc__ or "")
