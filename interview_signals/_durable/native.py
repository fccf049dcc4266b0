"""durable_rules' C engine module, loaded on every Python the library supports; nothing else
imports it. ``_engine`` drives its functions; docs/python-versions.md tells the story.

durable-rules 2.0.28, its last release, calls ``PyEval_CallObject``, which Python 3.13
removed. Built on 3.13 by a compiler that only warns about the implicit declaration (gcc up
to 13), the module installs and then fails to import: "undefined symbol: PyEval_CallObject".
Its C code calls that function in one place only: the five callbacks that durable's own
Python host may register with ``set_*_callback``; the library never registers one. So when,
and only when, the import fails on that symbol, the module is loaded again with lazy binding,
which leaves the symbol unresolved unless it is called, and the five setters are replaced by
functions that raise: a call through the unresolved symbol would end the process ("symbol
lookup error", exit status 127) instead of raising.

A build that still cannot load (linked with ``-z now``, ``LD_BIND_NOW`` set, or any other
cause) raises ``NativeEngineError``, whose message says what happened and the command that
rebuilds durable-rules for this Python.
"""

from __future__ import annotations

import importlib
import os
import platform
import shlex
import sys
from collections.abc import Callable
from types import ModuleType
from typing import NoReturn

from .._errors import InterviewSignalsError

MODULE = "durable_rules_engine"
REMOVED_SYMBOL = "PyEval_CallObject"
# durable's setters whose callbacks are the only callers of the removed function.
CALLBACK_SETTERS = (
    "set_store_message_callback",
    "set_delete_message_callback",
    "set_queue_message_callback",
    "set_get_queued_messages_callback",
    "set_get_idle_state_callback",
)


class NativeEngineError(InterviewSignalsError, ImportError):
    """durable_rules' C engine cannot be used as built; the message says how to rebuild it."""


def rebuild_command() -> str:
    """The one command that rebuilds durable-rules from source for the running Python."""
    return ("CPPFLAGS=-DPyEval_CallObject=PyObject_CallObject "
            f"{shlex.quote(sys.executable)} -m pip install --force-reinstall --no-cache-dir "
            "--no-binary durable-rules durable-rules==2.0.28")


def load_engine_module(
    import_module: Callable[[str], ModuleType] = importlib.import_module,
) -> ModuleType:
    """Import ``durable_rules_engine``; on Python 3.13+ a build lacking the removed function
    is loaded lazily with its callback setters refused. Raises ``NativeEngineError``."""
    try:
        return import_module(MODULE)
    except ImportError as error:
        if REMOVED_SYMBOL not in str(error) or not hasattr(sys, "setdlopenflags"):
            raise _failure("cannot import it", error) from None
    flags = sys.getdlopenflags()
    sys.setdlopenflags((flags & ~os.RTLD_NOW) | os.RTLD_LAZY)
    try:
        module = import_module(MODULE)
    except ImportError as error:
        raise _failure(f"it was built without {REMOVED_SYMBOL}, which Python 3.13 removed, "
                       "and cannot load even with that symbol left unresolved", error) from None
    finally:
        sys.setdlopenflags(flags)
    for name in CALLBACK_SETTERS:
        setattr(module, name, _refused(name))
    return module


def _failure(what: str, error: ImportError) -> NativeEngineError:
    return NativeEngineError(
        f"durable_rules_engine, the C engine of durable-rules 2.0.28, on Python "
        f"{platform.python_version()}: {what} ({error}). Rebuild it for this Python with:\n"
        f"    {rebuild_command()}",
        name=MODULE, path=error.path)


def _refused(name: str) -> Callable[..., NoReturn]:
    def refuse(*args: object) -> NoReturn:
        raise NativeEngineError(
            f"durable_rules_engine.{name}: this build of durable-rules lacks "
            f"{REMOVED_SYMBOL} (removed in Python 3.13), which a callback would call, ending "
            f"the process. Rebuild it for this Python with:\n    {rebuild_command()}",
            name=MODULE)

    refuse.__name__ = refuse.__qualname__ = name
    return refuse


engine_module = load_engine_module()
