"""Rule packs of the kinds that made searches explode (issue 19), written on the fly: many
weak signals each on its own field with a verdict ladder that needs several at once; single
fields with many distinct scoring states each; a deep chain of derived facts over a group
of fields with many combinations. Shared by the bounded-search tests and their benchmark."""

from __future__ import annotations

from pathlib import Path

from interview_signals._observations.vocabulary import VOCABULARY

BOOLS = [p for p, s in VOCABULARY.items() if s.kind == "bool"]
NUMBERS = ["interview.scheduled_minutes", "interview.actual_minutes",
           "interview.interviewer_count"]


def _rule(rule_id: str, when: str, strength: float) -> str:
    return (f'[[rule]]\nid = "{rule_id}"\nkind = "signal"\ntitle = "Signal {rule_id}"\n'
            f"when = {when}\neffect = {{ strength = {strength} }}\n"
            f'explanation = "Seen."\nsource = {{ sign = 5, title = "The interview goes long" }}\n')


def _verdicts(levels: list[float]) -> str:
    out = ['[summary]\ncaveat = "A reading."\nnothing_known = "Nothing."\n']
    for i, m in enumerate(levels):
        out.append(f'[[verdict]]\nid = "v{i}"\nmin_confidence = {m}\n'
                   f'summary = "Level {i}: {{signals}}."\n')
    out.append('[[verdict]]\nid = "none"\nmin_confidence = 0\nsummary = "Nothing yet."\n')
    return "\n".join(out)


def _write(folder: Path, rules: list[str], levels: list[float]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "pack.toml"
    path.write_text("\n".join(rules) + "\n" + _verdicts(levels), encoding="utf-8")
    return path


def weak_ladder(folder: Path, k: int, fields: int = 19, strength: float = 0.05) -> Path:
    """``fields`` yes/no fields, each its own group with one weak signal; each step of the
    verdict ladder needs ``k`` more signals at once (from nothing, a what-if needs ``k``)."""
    rules = [_rule(f"s{i}", f'{{ all = [{{ path = "{p}", op = "==", value = true }}] }}',
                   strength) for i, p in enumerate(BOOLS[:fields])]
    levels = [round(1 - (1 - strength) ** (j * k) - 1e-4, 6)
              for j in range(fields // k, 0, -1)]
    return _write(folder, rules, levels)


def many_states(folder: Path, per_field: int, bools: int = 16) -> Path:
    """Three number fields with ``per_field`` signals of distinct strengths each (one
    value each: as many scoring states per field), and ``bools`` yes/no fields with a
    signal of its own strength each."""
    rules, n = [], 0
    for path in NUMBERS:
        top = VOCABULARY[path].maximum or 1440
        for j in range(per_field):
            n += 1
            value = 1 + j * max(1, int(top - 1) // per_field)
            strength = round(0.01 + 0.0007 * n + 0.00013 * (n * n % 7), 5)
            rules.append(_rule(f"n{n}", f'{{ all = [{{ path = "{path}", op = "==", '
                               f"value = {value} }}] }}", strength))
    for i, path in enumerate(BOOLS[:bools]):
        n += 1
        rules.append(_rule(f"b{i}", f'{{ all = [{{ path = "{path}", op = "==", value = true }}] }}',
                           round(0.02 + 0.0011 * n, 5)))
    return _write(folder, rules, [0.8, 0.45, 0.1])


def deep_chain(folder: Path, depth: int, values: int = 60) -> Path:
    """A chain of ``depth`` signals, each waiting for the one before (written last link
    first), over a group of two number fields with ``values`` classes each."""
    rules = [_rule(f"c{i}", f'{{ all = [{{ signal = "c{i - 1}" }}, '
                   '{ path = "interview.scheduled_minutes", op = "known" }] }', 0.01)
             for i in range(depth - 1, 0, -1)]
    pairs = ", ".join(
        f'{{ all = [{{ path = "interview.actual_minutes", op = "==", value = {v} }}, '
        f'{{ path = "interview.scheduled_minutes", op = "==", value = {v} }}] }}'
        for v in range(1, values + 1))
    rules.append(_rule("c0", f"{{ any = [{pairs}] }}", 0.01))
    return _write(folder, rules, [0.8, 0.45, 0.1])
