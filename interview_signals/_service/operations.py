"""The service's POST endpoints as data: ``OPERATIONS`` (assess, consult and what-if on
observations; session on a saved session), each with its query parameters, how they are
read, and what it computes on the engine; and the body of ``GET /v1/rules``.

Neighbours: ``app`` routes each operation and runs its ``compute`` off the event loop;
``openapi`` describes them in the OpenAPI document.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping

from .._engine import Engine
from .._errors import ArgumentError, ObservationError, Problem
from .._observations import VOCABULARY, is_path
from .._quoting import describe, excerpt, quoted
from .._rulebook import Rulebook, rule_rows, verdict_rows
from .._schema import JSON
from .._texts import Texts
from .openapi import LANG_DESCRIPTION, Operation, Parameter, RulesBody, language_schema


def _one(name: str, values: list[str]) -> str | None:
    if len(values) > 1:
        raise ArgumentError(f"{name}: expected at most one value, got {len(values)}")
    return values[0] if values else None


def _read_flag(name: str) -> Callable[[list[str]], object]:
    def read(values: list[str]) -> bool:
        value = _one(name, values)
        if value is None or value == "false":
            return False
        if value == "true":
            return True
        raise ArgumentError(f"{name}: expected true or false, got {quoted(value)}")
    return read


def _read_skip(values: list[str]) -> tuple[str, ...]:
    for value in values:
        if not is_path(value):
            raise ArgumentError(f"skip: expected a field path such as "
                                f"thank_you.response_received, got {quoted(value)}")
    return tuple(dict.fromkeys(values))


CANCEL = "cancel"
"""The option under which the app hands a search its cancellation token (a
``threading.Event``, set when the client goes away); never a query parameter."""

MAX_WHAT_IF_LIMIT = 50
"""The most what-if options one request may ask for (the search grows with it)."""


def _read_limit(values: list[str]) -> int:
    value = _one("limit", values)
    if value is None:
        return 10
    # The length first: int() of thousands of digits is slow, and past 4,300 refused.
    if not (len(value) <= 20 and value.isascii() and value.isdigit()) \
            or not 1 <= int(value) <= MAX_WHAT_IF_LIMIT:
        raise ArgumentError(f"limit: expected a whole number from 1 to {MAX_WHAT_IF_LIMIT}, "
                            f"got {quoted(value)}")
    return int(value)


def _read_target(values: list[str]) -> str | None:
    return _one("target", values)


def _verdicts(book: Rulebook) -> JSON:
    return {"type": "string", "enum": [v.id for v in book.verdicts]}


_TRACE = Parameter(name="trace", description="include the rule-by-rule trace of the "
                   "assessment", schema={"type": "boolean", "default": False},
                   read=_read_flag("trace"))
LANG = Parameter(name="lang", description=LANG_DESCRIPTION, schema=language_schema,
                 read=lambda values: _one("lang", values))


def _without_trace(assessment: dict[str, object], options: Mapping[str, object]
                   ) -> dict[str, object]:
    if not options.get("trace"):
        del assessment["trace"]
    return assessment


def _cancel(options: Mapping[str, object]) -> threading.Event | None:
    cancel = options.get(CANCEL)
    assert cancel is None or isinstance(cancel, threading.Event)
    return cancel


def _assess(engine: Engine, observations: dict[str, object], options: Mapping[str, object]
            ) -> object:
    return engine.assess(observations).to_dict(trace=bool(options["trace"]))


def _consult(engine: Engine, observations: dict[str, object], options: Mapping[str, object]
             ) -> object:
    skipped = options["skip"]
    assert isinstance(skipped, tuple)
    body = engine.consult(observations, skipped=skipped, cancel=_cancel(options)).to_dict()
    assessment = body["assessment"]
    assert isinstance(assessment, dict)
    _without_trace(assessment, options)
    return body


def _what_if(engine: Engine, observations: dict[str, object], options: Mapping[str, object]
             ) -> object:
    target, limit = options["target"], options["limit"]
    verdicts = [v.id for v in engine.rulebook.verdicts]
    if target is not None and target not in verdicts:
        raise ArgumentError(f"target: expected one of {', '.join(verdicts)}, "
                            f"got {quoted(str(target))}")
    assert isinstance(target, str | None)
    assert isinstance(limit, int)
    return engine.what_if(observations, target, limit=limit,
                          include_fixed=bool(options["include_fixed"]),
                          cancel=_cancel(options)).to_dict()


def _session(engine: Engine, saved: dict[str, object], options: Mapping[str, object]
             ) -> object:
    return engine.session(saved).to_dict()


def _read_notes(engine: Engine, body: dict[str, object], options: Mapping[str, object]
                ) -> object:
    problems = [Problem(path=f"notes.{excerpt(str(k), 40)}", expected="only text",
                        got="an unknown key") for k in body if k != "text"]
    text = body.get("text")
    if not isinstance(text, str):
        problems.append(Problem(path="notes.text", expected="the note as a string",
                                got=describe(text) if "text" in body else "nothing"))
    if problems:
        raise ObservationError.of(problems)
    try:
        return engine.read_notes(str(text)).to_dict()
    except ArgumentError as exc:  # past the bound
        raise ObservationError.of([Problem(path="notes.text", expected="at most 1 MiB of "
                                           "text", got=str(exc))]) from exc


OPERATIONS: list[Operation] = [
    Operation(path="/v1/assess", operation_id="assess", summary="Assess one interview",
              description="The explained assessment of the observations: the verdict, the "
              "confidence, each signal with its qualifiers and why, the advice, what is "
              "still unknown and would settle a sign, and a summary in plain words. Exactly "
              "the library's `Assessment.to_dict()`, without the rule-by-rule `trace` unless "
              "asked.", schema="assessment", component="Assessment", compute=_assess,
              parameters=(_TRACE, LANG)),
    Operation(path="/v1/consult", operation_id="consult",
              summary="The next questions that matter, why, and the verdicts still reachable",
              description="One step of a consultation: the assessment now, the verdicts the "
              "unknown fields could still reach, whether the verdict is settled, and the "
              "questions that could change it, best first, each with its answers and why. An "
              "exact search over the rulebook's answer classes.",
              schema="consultation", component="Consultation", compute=_consult,
              searches=True,
              parameters=(_TRACE, LANG, Parameter(
                  name="skip", repeated=True, read=_read_skip,
                  description="a field the candidate cannot know (\"don't know\"): never "
                  "asked again; repeat the parameter for each field",
                  schema={"type": "string", "enum": list(VOCABULARY)}))),
    Operation(path="/v1/what-if", operation_id="what_if",
              summary="The smallest sets of changes that reach a better verdict",
              description="The smallest sets of changes to the observations (finding out, "
              "doing, or, for coaches, having had it go differently) that reach a better "
              "verdict, or `target` or better; or the proof that none does.",
              schema="what-if", component="WhatIfs", compute=_what_if, searches=True,
              parameters=(
                  LANG,
                  Parameter(name="target", read=_read_target, schema=_verdicts,
                            description="the verdict to reach, or better (default: any "
                            "verdict better than the current one); one of the rulebook's "
                            "verdicts"),
                  Parameter(name="include_fixed", read=_read_flag("include_fixed"),
                            schema={"type": "boolean", "default": False},
                            description="also change facts already recorded (a different "
                            "past, for coaches)"),
                  Parameter(name="limit", read=_read_limit,
                            schema={"type": "integer", "minimum": 1,
                                    "maximum": MAX_WHAT_IF_LIMIT, "default": 10},
                            description="the most change sets to return"))),
    Operation(path="/v1/read-notes", operation_id="read_notes",
              summary="Read a candidate's notes",
              description="What a candidate's own notes propose to record: each field "
              "stated or unsure, with the words behind it, and the observations the stated "
              "ones make, ready to assess or to start a consultation. Exactly the library's "
              "`NotesReading.to_dict()`, each reason in the language asked for. Nothing is "
              "assumed that the notes do not say; "
              "what they hint at without saying is offered as unsure, to confirm.",
              schema="notes-reading", component="NotesReading", compute=_read_notes,
              request="notes", request_component="Notes",
              request_expected='a JSON object {"text": "..."}',
              request_description="The candidate's notes as they wrote them, in one "
              "string of at most 1 MiB.", parameters=(LANG,)),
    Operation(path="/v1/session", operation_id="session",
              summary="Check a saved session and return it as the library writes it",
              description="Reads a saved session (its format and version, the "
              "observations so far and the fields answered \"I don't know\") as the "
              "library, `ask --resume` and the page do, and returns it as "
              "`Session.to_dict()` writes it: what a client saves to pick the consultation "
              "up later. Refused with 422 naming each problem when it does not fit the "
              "session schema or its observations do not fit the vocabulary.",
              schema="session", component="Session", compute=_session,
              request="session", request_component="Session",
              request_expected="a saved session object",
              request_description="A saved session, as `Session.to_dict()`, the command "
              "line or the page writes it."),
]
"""The POST endpoints: their routes, query parameters, limits, errors, the threads that
compute them and their OpenAPI entries all come from this list."""


def rules_body(book: Rulebook, texts: Texts) -> RulesBody:
    """The rulebook as the ``GET /v1/rules`` body: each rule in words, and the verdicts
    (best first, each with the title the command line and the page show, in the language
    of ``texts``)."""
    verdicts = verdict_rows(book)
    for row in verdicts:
        row["title"] = texts(f"verdict.{row['id']}.title")
    return {"rules": rule_rows(book), "verdicts": verdicts}


PAGE_AREAS = ("page.", "field.", "unit.", "list.", "assessment.", "consultation.", "answer.")
"""The texts a page reads (``GET /v1/texts``): its own words, the vocabulary's, the units',
and the frame's and the consultation's (the rulebook's own come in each answer)."""


def texts_body(texts: Texts, languages: list[dict[str, str]]) -> dict[str, object]:
    """The ``GET /v1/texts`` body: the language, the languages there are, and the texts a
    page needs by key (a template, a list of words, or a plural as its CLDR categories)."""
    out: dict[str, object] = {}
    for key in texts:
        if key.startswith(PAGE_AREAS):
            value = texts.raw(key)
            out[key] = value if isinstance(value, str) else list(value) \
                if isinstance(value, tuple) else dict(value.forms)
    return {"language": texts.tag, "name": texts.name, "languages": languages, "texts": out}
