"""durable_rules as this library uses it: loading its C module, compiling a rulebook
into its ruleset definitions, and its hard limits.

Everything other folders use is re-exported here; the rest is private to the folder.
"""

from __future__ import annotations

from .compile import (
    CompiledRulebook,
    EngineRule,
    Fired,
    compile_rulebook,
    derived_fact_tail,
    encode_json,
)
from .limits import check_expansion, rulebook_limit_problems
from .native import engine_module

__all__ = [
    "CompiledRulebook",
    "EngineRule",
    "Fired",
    "check_expansion",
    "compile_rulebook",
    "derived_fact_tail",
    "encode_json",
    "engine_module",
    "rulebook_limit_problems",
]
