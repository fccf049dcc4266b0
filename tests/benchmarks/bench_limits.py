"""How long the engine-limit checks take on the default rulebook (they run on every build).

Run: python tests/benchmarks/bench_limits.py
"""

from __future__ import annotations

import timeit

from interview_signals._durable.compile import compile_rulebook
from interview_signals._durable.limits import check_definitions, check_expansion
from interview_signals._rulebook.load import load_rulebook


def best_us(func: object, number: int = 500) -> float:
    return min(timeit.repeat(func, number=number, repeat=7)) / number * 1e6  # type: ignore[arg-type]


def main() -> None:
    book = load_rulebook()
    definitions = compile_rulebook(book).definitions()
    print(f"check_expansion    {best_us(lambda: check_expansion(book)):8.1f} us")
    print(f"check_definitions  {best_us(lambda: check_definitions(definitions)):8.1f} us")
    print(f"compile_rulebook   {best_us(lambda: compile_rulebook(book), 100):8.1f} us "
          "(for scale)")


if __name__ == "__main__":
    main()
