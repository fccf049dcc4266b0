"""Bounded searches on generated packs of the kinds that exploded (issue 19): time and peak
memory of a first consultation step and a first what-if, each in a fresh child process,
and a long run's memory on the heaviest pack (does it level off?).

Run with ``python tests/benchmarks/bench_bounded.py [SECONDS] [STEPS]``: the search budget
(default 2, the library's default) and the consultations of the long run (default 300).
Wall-clock numbers include the machine's other load; docs/bounded-search.md keeps a run.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHILD = r'''
import json, resource, sys, time
from interview_signals import Engine
pack, op, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
engine = Engine.from_paths(pack, include_default=False)
start, cpu = time.perf_counter(), time.process_time()
if op == "consult":
    c = engine.consult({}, seconds=seconds)
    done = {"complete": c.search.complete, "how": c.ranked_by}
else:
    w = engine.what_if({}, limit=1, seconds=seconds)
    done = {"complete": w.search.complete, "how": f"{w.sizes_searched} changes"}
done["seconds"] = time.perf_counter() - start
done["cpu"] = time.process_time() - cpu
done["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(done))
'''

LONG = r'''
import random, resource, sys, time
from interview_signals import Engine, ObservationError, Observations
from interview_signals._observations.vocabulary import VOCABULARY
pack, seconds, steps = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
engine = Engine.from_paths(pack, include_default=False)
rng = random.Random(19)
def rss_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0
paths = [p for p, s in VOCABULARY.items() if s.kind in ("bool", "int")]
start = time.perf_counter()
for i in range(1, steps + 1):
    while True:
        values = {p: (rng.random() < 0.5) if VOCABULARY[p].kind == "bool" else rng.randint(1, 60)
                  for p in rng.sample(paths, rng.randint(0, 6))}
        try:
            obs = Observations.from_values(values)
            break
        except ObservationError:
            continue
    engine.consult(obs, seconds=seconds)
    if i % (steps // 6) == 0:
        print(f"  after {i:4d} consultations: {rss_mb():6.0f} MiB resident, "
              f"{time.perf_counter() - start:6.1f} s", flush=True)
'''


def child(code: str, *args: str, timeout: float = 900) -> str:
    done = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout, check=True)
    return done.stdout


def main(seconds: float, steps: int) -> None:
    sys.path.insert(0, str(ROOT))
    from tests.consultation import generated_packs as packs

    cases = [("weak_ladder", k, "what-if") for k in (4, 5, 6, 7)]
    cases += [("many_states", n, "consult") for n in (5, 10, 20, 40)]
    cases += [("deep_chain", d, "consult") for d in (20, 100, 250)]
    with tempfile.TemporaryDirectory() as folder:
        for kind, n, op in cases:
            pack = getattr(packs, kind)(Path(folder) / f"{kind}{n}", n)
            got = json.loads(child(CHILD, str(pack), op, str(seconds)))
            print(f"{kind:<12} {n:4d}  {op:<8} {got['seconds'] * 1e3:6.0f} ms (cpu "
                  f"{got['cpu'] * 1e3:5.0f} ms)  peak "
                  f"{got['peak_mb']:5.0f} MiB  {'exact' if got['complete'] else 'cut short'}"
                  f" ({got['how']})")
        heavy = packs.many_states(Path(folder) / "long", 40)
        print(f"many_states 40, {steps} consultations of random observations, budget "
              f"{seconds:g} s each:")
        print(child(LONG, str(heavy), str(seconds), str(steps), timeout=steps * seconds * 3
                    + 120), end="")


if __name__ == "__main__":
    main(float(sys.argv[1]) if len(sys.argv) > 1 else 2.0,
         int(sys.argv[2]) if len(sys.argv) > 2 else 300)
