"""Create and drop many engines and print how much the process grows: does an Engine's
durable_rules ruleset go when the Engine does?

Run: python tests/benchmarks/bench_engines.py [--count 5000] [--release close|ruleset|
states-first|none] [--assess]

--release close         Engine.close() (falls back to states-first where it does not exist)
--release ruleset       durable_rules_engine.delete_ruleset(handle) only
--release states-first  delete the engine's live session state, then the ruleset
--release none          just drop the Engine (what happens without a release)
--assess                assess once per engine first, so it holds a live session state
"""

from __future__ import annotations

import argparse
import gc
import time
from pathlib import Path

from interview_signals import Engine
from interview_signals._durable.native import engine_module as durable_rules_engine
from interview_signals._rulebook.load import load_rulebook

OBSERVATIONS = {"tour": {"office_tour": True}, "thank_you": {"note_sent": True}}


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def release(engine: Engine, how: str, assessed: bool) -> None:
    if how == "close":
        engine.close()
        return
    # The other ways reach into the boundary itself, to compare with what close() does.
    handle = engine._handle
    if how == "states-first" and assessed:
        durable_rules_engine.delete_state(handle, engine._state.sid)
    if how != "none":
        durable_rules_engine.delete_ruleset(handle)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--release", choices=["close", "ruleset", "states-first", "none"],
                        default="close")
    parser.add_argument("--assess", action="store_true")
    args = parser.parse_args()
    book = load_rulebook()
    warm = Engine(book)  # imports, caches and the first allocations out of the measure
    if args.assess:
        warm.assess(OBSERVATIONS)
    release(warm, args.release, args.assess)
    del warm
    gc.collect()
    start, began = rss_mib(), time.perf_counter()
    step = max(1, args.count // 5)
    for i in range(1, args.count + 1):
        engine = Engine(book)
        if args.assess:
            engine.assess(OBSERVATIONS)
        release(engine, args.release, args.assess)
        del engine
        if i % step == 0:
            gc.collect()
            grown = rss_mib() - start
            print(f"{i:>7} engines  RSS +{grown:8.1f} MiB  ({grown * 1024 / i:7.1f} KiB each)",
                  flush=True)
    elapsed = time.perf_counter() - began
    print(f"release={args.release} assess={args.assess}: {args.count} engines in "
          f"{elapsed:.1f} s ({elapsed / args.count * 1e3:.2f} ms each), "
          f"RSS +{rss_mib() - start:.1f} MiB")


if __name__ == "__main__":
    main()
