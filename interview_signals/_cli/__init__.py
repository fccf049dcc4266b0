"""The ``interview-signals`` command line.

Everything other folders use is re-exported here; the rest is private to the folder.
"""

from __future__ import annotations

from .main import main

__all__ = [
    "main",
]
