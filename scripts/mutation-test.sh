#!/usr/bin/env bash
# Mutation testing of the scoring and the observation reader (mutmut 3), as
# docs/mutation-testing.md describes: copies the checkout to a temporary folder, makes a venv
# there (the library not installed, so the tests import mutmut's mutated copy), runs mutmut
# on the two modules with the tests that exercise them, and lists the mutants that survived.
# Usage: bash scripts/mutation-test.sh   (about 5 minutes on two idle cores)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git -C "$here" archive HEAD | tar -x -C "$work"
cd "$work"
python3 -m venv .venv
.venv/bin/pip install --quiet '.[test]' 'mutmut>=3.8,<4'
.venv/bin/pip uninstall --quiet -y interview-signals
.venv/bin/python - <<'PY'
from pathlib import Path
targets = {"interview_signals/_observations/reading.py", "interview_signals/_assessment/scoring.py"}
others = sorted(str(p) for p in Path("interview_signals").rglob("*.py") if str(p) not in targets)
tests = ["tests/observations/", "tests/assessment/", "tests/judgment/test_principles.py",
         "tests/judgment/test_arrival_order.py", "tests/engine/test_session.py",
         "tests/consultation/search/test_evaluator.py", "tests/consultation/search/test_proofs.py"]
config = ["", "[tool.mutmut]", 'source_paths = ["interview_signals"]',
          "do_not_mutate = " + repr(others).replace("'", '"'),
          "pytest_add_cli_args_test_selection = " + repr(tests).replace("'", '"'),
          'pytest_add_cli_args = ["-p", "no:cacheprovider", "--hypothesis-profile", "quick"]',
          'also_copy = ["rules", "examples", "tests"]', ""]
Path("pyproject.toml").write_text(Path("pyproject.toml").read_text() + "\n".join(config))
PY
.venv/bin/mutmut run --max-children "${MUTMUT_CHILDREN:-2}" > mutmut.log 2>&1 || { tail -40 mutmut.log; exit 1; }
tail -c 200 mutmut.log | tr '\r' '\n' | tail -2
echo "Survivors (each should be in docs/mutation-testing.md's list of equivalent mutants):"
survivors=$(.venv/bin/mutmut results 2>/dev/null | grep survived | sed 's/: survived//')
if [[ -z $survivors ]]; then echo "  none"; exit 0; fi
for name in $survivors; do
    echo; echo "== $name"
    .venv/bin/mutmut show "$name" 2>/dev/null | grep -E '^[-+][^-+]' || true
done
