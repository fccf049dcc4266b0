"""The contract read by the tools a team embedding the service reaches for, nobody here
having written them: Redocly (recommended rules) and Spectral (``spectral:oas``) lint the
OpenAPI document, ajv compiles every JSON Schema in its default strict mode, schemathesis
runs all its checks against a live ``serve``, and openapi-python-client generates a client
that runs assess, consult, what-if and session against it and gets typed results.

The npm tools come from ``.ci/node-tools`` (locked versions), installed by
``.ci/install-node-tools`` (which ``.ci/run`` calls; a test calls it too when they are
missing); the tests that need them skip only where npm itself is absent."""

from __future__ import annotations

import importlib
import json
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx2 as httpx
import pytest

from interview_signals import Engine
from interview_signals._schema.catalog import NAMES, schema
from interview_signals._service.openapi import openapi_document
from interview_signals._service.operations import OPERATIONS
from tests.service.test_app import _wait_healthy
from tests.support import GOOD, ROOT, free_port

TOOLS = ROOT / ".ci" / "node-tools"
BIN = TOOLS / "node_modules" / ".bin"


@pytest.fixture(scope="module")
def node_tools() -> Path:
    """The folder of the npm tools' commands, installed first if they are missing."""
    if shutil.which("npm") is None or shutil.which("node") is None:
        pytest.skip("node and npm are not installed: Redocly, Spectral and ajv cannot run")
    if not (BIN / "redocly").exists():
        subprocess.run(["bash", str(ROOT / ".ci" / "install-node-tools")], check=True,
                       timeout=600, stdout=subprocess.DEVNULL)
    return BIN


@pytest.fixture(scope="module")
def document_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("contract") / "openapi.json"
    path.write_text(json.dumps(openapi_document(OPERATIONS, Engine.default().rulebook)))
    return path


def _run(*command: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "REDOCLY_TELEMETRY": "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true",
           "NO_COLOR": "1",  # the generator formats its code with the venv's ruff
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    return subprocess.run([str(c) for c in command], capture_output=True, text=True,
                          timeout=300, check=False, cwd=cwd, env=env)


def test_redocly_recommended_rules_find_nothing(node_tools: Path, document_file: Path) -> None:
    result = _run(node_tools / "redocly", "lint", "--extends", "recommended",
                  "--format", "json", document_file)
    report = json.loads(result.stdout[result.stdout.index("{"):])
    assert [(p["ruleId"], p["message"]) for p in report["problems"]] == [], result.stderr
    assert result.returncode == 0


def test_spectral_oas_rules_find_nothing(node_tools: Path, document_file: Path,
                                         tmp_path: Path) -> None:
    (tmp_path / ".spectral.json").write_text('{"extends": ["spectral:oas"]}')
    report = tmp_path / "spectral.json"
    result = _run(node_tools / "spectral", "lint", "--format", "json", "--output", report,
                  "--ruleset", tmp_path / ".spectral.json", document_file, cwd=tmp_path)
    findings = json.loads(report.read_text())
    assert [(f["code"], f["message"], f["path"]) for f in findings] == [], result.stderr
    assert result.returncode == 0, result.stderr


_AJV = """
const Ajv2020 = require("ajv/dist/2020");
const fs = require("fs");
const [schemaFile, ...documents] = process.argv.slice(1);
const warnings = [];
const keep = (...m) => warnings.push(m.join(" "));
const logger = {log() {}, warn: keep, error: keep};
const ajv = new Ajv2020({logger});  // the default: strict mode
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, "utf8")));
const results = documents.map((f) => validate(JSON.parse(fs.readFileSync(f, "utf8"))));
console.log(JSON.stringify({warnings, results}));
"""


def _outputs() -> dict[str, list[Any]]:
    engine = Engine.default()
    partial = {"thank_you": {"note_sent": True}, "tour": {"office_tour": True}}
    assessment = engine.assess(GOOD).to_dict()
    return {
        "observations": [GOOD, {"tour": None, "interview": {"actual_minutes": 30.0}},
                         {"thank_you": {"note_sent": False, "response_received": True}}],
        "assessment": [assessment, {**assessment, "verdict": 3}],
        "consultation": [engine.consult(partial).to_dict()],
        "what-if": [engine.what_if(partial).to_dict()],
        "session": [_saved(engine, partial), {**_saved(engine, partial), "skipped": ["tour"]},
                    {**_saved(engine, partial), "observations": {"tour": None}}],
        "notes": [{"text": "He walked me round the office and we ran 20 minutes over."},
                  {"text": 3}, {"text": "x", "more": 1}],
        "notes-reading": [engine.read_notes(
            "He walked me round the office, and I sent a thank-you note. They asked if "
            "I was interviewing elsewhere, I think.").to_dict(), {"stated": 1}],
    }


def _saved(engine: Engine, observations: dict[str, Any]) -> dict[str, Any]:
    session = engine.session()
    session.observe(observations)
    session.skip("interview.actual_minutes")
    return session.to_dict()


@pytest.mark.parametrize("name", NAMES)
def test_ajv_strict_mode_compiles_each_schema_and_judges_as_jsonschema(
        node_tools: Path, tmp_path: Path, name: str) -> None:
    import jsonschema

    schema_file = tmp_path / "schema.json"
    schema_file.write_text(json.dumps(schema(name)))
    documents = _outputs()[name]
    files = []
    for i, document in enumerate(documents):
        files.append(tmp_path / f"{i}.json")
        files[-1].write_text(json.dumps(document))
    result = _run("node", "-e", _AJV, schema_file, *files, cwd=TOOLS)
    assert result.returncode == 0, result.stderr  # strict mode throws on unknown keywords
    answer = json.loads(result.stdout)
    assert answer["warnings"] == []
    validator = jsonschema.Draft202012Validator(schema(name))
    assert answer["results"] == [validator.is_valid(d) for d in documents]


# --- against a live service ---------------------------------------------------------------

@pytest.fixture(scope="module")
def service() -> Iterator[str]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "interview_signals", "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        _wait_healthy(port, process)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()


# A saved session's schema says, for each of the vocabulary's fields, that an answered field
# is not also skipped: an allOf of one if/then per field. Schemathesis's generator turns an
# allOf of such clauses into their every combination and gives up past five ("does not
# support this part of it"), so POST /v1/session is left out of the fuzzing phase and gets
# the examples and coverage phases (every keyword of its schema, valid and invalid values)
# with all checks; tests/schema/test_session.py holds the same schema to the library's
# reader both ways with generated documents.
_SCHEMATHESIS_RUNS = {
    "every operation but the session, every phase": ("--exclude-operation-id", "session"),
    "the session, examples and coverage": ("--include-operation-id", "session",
                                           "--phases", "examples,coverage"),
}


@pytest.mark.slow
@pytest.mark.parametrize("options", list(_SCHEMATHESIS_RUNS.values()),
                         ids=list(_SCHEMATHESIS_RUNS))
def test_schemathesis_all_checks_find_no_failure(service: str, tmp_path: Path,
                                                 options: tuple[str, ...]) -> None:
    result = _run(Path(sys.executable).parent / "schemathesis", "run",
                  f"{service}/openapi.json", "--checks", "all", "--max-examples", "60",
                  "--no-color", "--seed", "20240611", *options, cwd=tmp_path)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert "No issues found" in result.stdout
    assert "0 generated" not in result.stdout


@pytest.mark.slow
def test_a_generated_client_runs_assess_consult_what_if_and_session_typed(
        service: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    document = tmp_path / "openapi.json"
    document.write_text(httpx.get(f"{service}/openapi.json", timeout=30).text)
    generator = Path(sys.executable).parent / "openapi-python-client"
    result = _run(generator, "generate", "--path", document, "--meta", "none",
                  "--output-path", tmp_path / "signals_client", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Warning" not in result.stdout + result.stderr, result.stdout + result.stderr
    monkeypatch.syspath_prepend(str(tmp_path))
    models = importlib.import_module("signals_client.models")
    client_module = importlib.import_module("signals_client.client")
    assess = importlib.import_module("signals_client.api.judgment.assess")
    consult = importlib.import_module("signals_client.api.judgment.consult")
    what_if = importlib.import_module("signals_client.api.judgment.what_if")
    session = importlib.import_module("signals_client.api.judgment.session")
    engine = Engine.default()
    partial = {"thank_you": {"note_sent": True}, "tour": {"office_tour": True}}

    with client_module.Client(base_url=service, raise_on_unexpected_status=True) as client:
        assessed = assess.sync(client=client, body=models.Observations.from_dict(GOOD))
        assert isinstance(assessed, models.Assessment)
        expected = engine.assess(GOOD).to_dict()
        del expected["trace"]
        assert assessed.to_dict() == expected

        step = consult.sync(client=client, body=models.Observations.from_dict(partial),
                            skip=[models.ConsultSkipItem("interview.actual_minutes")])
        assert isinstance(step, models.Consultation)
        assert isinstance(step.assessment, models.Assessment)
        assert all(isinstance(q, models.Question) for q in step.questions)
        assert "interview.actual_minutes" not in [q.path for q in step.questions]
        library: Any = engine.consult(partial, skipped=["interview.actual_minutes"]).to_dict()
        assert [q.path for q in step.questions] == [q["path"] for q in library["questions"]]

        options = what_if.sync(client=client, body=models.Observations.from_dict(partial),
                               target=models.WhatIfTarget("strong"), limit=3)
        assert isinstance(options, models.WhatIfs)
        assert all(isinstance(o, models.WhatIf) for o in options.options)
        assert options.to_dict() == engine.what_if(partial, "strong", limit=3).to_dict()

        saved = _saved(engine, partial)
        checked = session.sync(client=client, body=models.Session.from_dict(saved))
        assert isinstance(checked, models.Session)
        assert checked.to_dict() == saved

        refused = assess.sync(client=client, body=models.Observations.from_dict(
            {"thank_you": {"note_sent": False, "response_received": True}}))
        assert isinstance(refused, models.Problem)
        assert refused.status == 422

    # The generated models and operations type-check (the generator's own client.py
    # template is left out: its __exit__ signatures disagree with httpx's, whatever the
    # document says).
    typed = _run(sys.executable, "-m", "mypy", "--strict", "--ignore-missing-imports",
                   "--follow-imports", "silent", "signals_client/models", "signals_client/api",
                   cwd=tmp_path)
    assert typed.returncode == 0, typed.stdout[-4000:]
