"""The JSON Schemas of the contract, generated, by name.

Everything other folders use is re-exported here; the rest is private to the folder.
"""

from __future__ import annotations

from .catalog import NAMES, SchemaUnavailable, schema
from .observations import JSON
from .outputs import Walker

__all__ = [
    "JSON",
    "NAMES",
    "SchemaUnavailable",
    "Walker",
    "schema",
]
