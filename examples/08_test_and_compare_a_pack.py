"""A coach's rule pack, tested by its cases and measured on past interviews before it ships.

Shows ``run_cases`` and ``diff_rulebooks``, what ``interview-signals test-rules`` and
``interview-signals diff-rules`` do from the command line, on the sample pack in
``examples/packs/panel_coach/``. The pack's ``cases/`` folder says what it must conclude;
its cases run together with the default rulebook's own. One of them pins the pack's house
rule (a reply within two days is quick at panel firms): run on the default rulebook alone,
it fails, and the report says which rule did not fire and why. Then the interviews of
``examples/data/interviews.jsonl`` are read under the default rulebook and under the pack:
how many readings change verdict, and which rules made the difference.

The same from the command line::

    interview-signals test-rules examples/packs/panel_coach --coverage
    interview-signals diff-rules --new examples/packs/panel_coach examples/data/interviews.jsonl

Run from any folder::

    python examples/08_test_and_compare_a_pack.py
"""

from __future__ import annotations

from pathlib import Path

from interview_signals import diff_rulebooks, run_cases

EXAMPLES = Path(__file__).resolve().parent
PACK = EXAMPLES / "packs" / "panel_coach"
CORPUS = EXAMPLES / "data" / "interviews.jsonl"


def test_the_pack() -> None:
    run = run_cases(PACK)
    own = [r for r in run.results if r.case.pack == PACK.name]
    print(f"{PACK.name}: {len(run.results)} cases ({len(own)} of the pack's own), "
          f"{'all passed' if run.passed else f'{len(run.failures)} failed'}")
    coverage = run.coverage()
    print(f"reached by a case: {coverage.total - len(coverage.unreached)} of "
          f"{coverage.total} rules and verdicts")
    print()


def the_house_rule_without_the_pack() -> None:
    print("The pack's reply case on the default rulebook alone:")
    run = run_cases(PACK / "cases" / "replies.toml")
    for result in run.failures:
        print(result.differences[0].message)
        for line in result.differences[0].how:
            print(f"  {line}")
    print()


def measure_the_change() -> None:
    with CORPUS.open("rb") as lines:
        diff = diff_rulebooks(lines, new=[PACK], workers=1, top=3,
                              corpus=f"examples/data/{CORPUS.name}")
    print(diff.render().replace(str(PACK), f"examples/packs/{PACK.name}"), end="")


def main() -> None:
    test_the_pack()
    the_house_rule_without_the_pack()
    measure_the_change()


if __name__ == "__main__":
    main()
