"""The HTTP service and its page (the ``serve`` extra).

Everything other folders use is re-exported here; the rest is private to the folder.
"""

from __future__ import annotations

from .app import create_app
from .server import serve

__all__ = [
    "create_app",
    "serve",
]
