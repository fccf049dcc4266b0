"""The bare app of the service benchmark: one Starlette route on uvicorn answering
``POST /v1/assess`` with the service's answer for ``examples/data/good_interview.json``,
computed once at start-up and sent as a constant. What the framework and server cost with
nothing of the library in the request path (``bench_service.py`` runs it)."""

from __future__ import annotations

import json
from pathlib import Path

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from interview_signals import Engine
from interview_signals._jsonio import dump_json

GOOD = json.loads((Path(__file__).resolve().parents[2] / "examples" / "data"
                   / "good_interview.json").read_text())
_answer = Engine.default().assess(GOOD).to_dict()
del _answer["trace"]  # as the service answers without ?trace=true
ANSWER = dump_json(_answer).encode()


async def assess(request: Request) -> Response:
    await request.body()
    return Response(ANSWER, media_type="application/json")


app = Starlette(routes=[Route("/v1/assess", assess, methods=["POST"])])
