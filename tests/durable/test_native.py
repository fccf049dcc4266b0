"""``_durable.native``: durable's C engine module loads on this Python, and a build that cannot load
raises ``NativeEngineError`` with the rebuild command (failures simulated, and on a Python
3.13 build lacking ``PyEval_CallObject``, made real with ``LD_BIND_NOW``)."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from types import BuiltinFunctionType, ModuleType

import pytest

from interview_signals import InterviewSignalsError
from interview_signals._durable.native import (
    CALLBACK_SETTERS,
    MODULE,
    NativeEngineError,
    engine_module,
    load_engine_module,
    rebuild_command,
)

SO_PATH = "/venv/site-packages/durable_rules_engine.cpython-313-x86_64-linux-gnu.so"
UNDEFINED = ImportError(f"{SO_PATH}: undefined symbol: PyEval_CallObject",
                        name=MODULE, path=SO_PATH)
# What the library calls (``_engine``), and what releasing a ruleset will call.
USED = ("create_ruleset", "delete_ruleset", "assert_fact", "retract_fact", "delete_state",
        "start_action_for_state", "complete_and_start_action", "abandon_action")
LAZY_BUILD = not isinstance(engine_module.set_store_message_callback, BuiltinFunctionType)


class FakeImport:
    """An ``import_module`` that fails with ``failure`` while the dlopen flags hold
    ``RTLD_NOW`` and, if ``lazy`` is given, returns it once they don't."""

    def __init__(self, failure: ImportError, lazy: ModuleType | None = None) -> None:
        self.failure, self.lazy = failure, lazy
        self.flags: list[int] = []

    def __call__(self, name: str) -> ModuleType:
        assert name == MODULE
        self.flags.append(sys.getdlopenflags())
        if self.lazy is None or sys.getdlopenflags() & os.RTLD_NOW:
            raise self.failure
        return self.lazy


def test_the_engine_module_is_loaded_once_with_every_function_the_library_calls() -> None:
    assert sys.modules[MODULE] is engine_module
    assert all(callable(getattr(engine_module, name)) for name in USED)


def test_an_engine_module_that_will_not_load_says_how_to_rebuild_it() -> None:
    before = sys.getdlopenflags()
    fake = FakeImport(UNDEFINED)
    with pytest.raises(NativeEngineError) as caught:
        load_engine_module(fake)
    error = caught.value
    assert isinstance(error, ImportError)
    assert isinstance(error, InterviewSignalsError)
    assert (error.name, error.path) == (MODULE, SO_PATH)
    assert str(error) == (
        f"durable_rules_engine, the C engine of durable-rules 2.0.28, on Python "
        f"{platform.python_version()}: it was built without PyEval_CallObject, which Python "
        f"3.13 removed, and cannot load even with that symbol left unresolved ({UNDEFINED}). "
        f"Rebuild it for this Python with:\n    {rebuild_command()}")
    assert error.__cause__ is None
    assert error.__suppress_context__
    # Tried as usual, then once with lazy binding; the process's flags are restored.
    assert fake.flags == [before, (before & ~os.RTLD_NOW) | os.RTLD_LAZY]
    assert sys.getdlopenflags() == before


def test_any_other_import_failure_is_reported_at_once_with_the_same_command() -> None:
    missing = ModuleNotFoundError(f"No module named '{MODULE}'", name=MODULE)
    fake = FakeImport(missing)
    with pytest.raises(NativeEngineError) as caught:
        load_engine_module(fake)
    assert str(caught.value).startswith("durable_rules_engine, the C engine of durable-rules")
    assert str(caught.value).endswith(
        f": cannot import it ({missing}). Rebuild it for this Python with:\n"
        f"    {rebuild_command()}")
    assert len(fake.flags) == 1


def test_the_rebuild_command_rebuilds_from_source_for_the_running_python() -> None:
    assert rebuild_command().split() == [
        "CPPFLAGS=-DPyEval_CallObject=PyObject_CallObject", sys.executable, "-m", "pip",
        "install", "--force-reinstall", "--no-cache-dir", "--no-binary", "durable-rules",
        "durable-rules==2.0.28"]


def test_a_build_without_the_removed_symbol_loads_lazily_with_its_callbacks_refused() -> None:
    before = sys.getdlopenflags()
    module = ModuleType(MODULE)
    module.__dict__["create_ruleset"] = len
    fake = FakeImport(UNDEFINED, lazy=module)
    assert load_engine_module(fake) is module
    assert module.__dict__["create_ruleset"] is len
    for name in CALLBACK_SETTERS:
        with pytest.raises(NativeEngineError) as caught:
            getattr(module, name)(1, print)
        assert str(caught.value) == (
            f"durable_rules_engine.{name}: this build of durable-rules lacks PyEval_CallObject "
            "(removed in Python 3.13), which a callback would call, ending the process. "
            f"Rebuild it for this Python with:\n    {rebuild_command()}")
    assert sys.getdlopenflags() == before


@pytest.mark.skipif(not LAZY_BUILD, reason="durable-rules here was built with PyEval_CallObject")
def test_the_lazily_loaded_build_refuses_callbacks_instead_of_ending_the_process() -> None:
    with pytest.raises(NativeEngineError, match="lacks PyEval_CallObject"):
        engine_module.set_store_message_callback(0, print)


@pytest.mark.skipif(not LAZY_BUILD, reason="durable-rules here was built with PyEval_CallObject")
def test_without_lazy_binding_importing_the_library_fails_with_the_rebuild_command() -> None:
    done = subprocess.run([sys.executable, "-c", "import interview_signals"],
                          env={**os.environ, "LD_BIND_NOW": "1"},
                          capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert "NativeEngineError: durable_rules_engine, the C engine" in done.stderr
    assert done.stderr.endswith(f"Rebuild it for this Python with:\n    {rebuild_command()}\n")
