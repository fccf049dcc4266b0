"""The engine and the session: a rulebook compiled into one durable_rules ruleset, and
one interview followed over time.

Everything other folders use is re-exported here; the rest is private to the folder.
"""

from __future__ import annotations

from .build import call_engine, engine_for, load_packs, read_packs
from .engine import Engine
from .session import SESSION_FORMAT, SESSION_KEYS, SESSION_VERSION, Session, read_session

__all__ = [
    "SESSION_FORMAT",
    "SESSION_KEYS",
    "SESSION_VERSION",
    "Engine",
    "Session",
    "call_engine",
    "engine_for",
    "load_packs",
    "read_packs",
    "read_session",
]
