"""The HTTP service as a public module, for a coaching tool that embeds it:
``from interview_signals.service import create_app``. Needs the ``serve`` extra
(``pip install 'interview-signals[serve]'``); the package itself never imports it, so the
library works without Starlette.
"""

from __future__ import annotations

from ._service import create_app

__all__ = ["create_app"]
