"""The installed version of interview-signals, read once from the package metadata."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("interview-signals")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
