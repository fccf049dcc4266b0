"""The one import of durable_rules' C extension."""

from __future__ import annotations

import durable_rules_engine as durable

__all__ = ["durable"]
