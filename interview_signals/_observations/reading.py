"""Reading an observation document: a JSON-shaped mapping checked whole against the
vocabulary, every problem at once, contradictions between fields included.

Neighbours: ``vocabulary`` holds the fields and their checks; ``groups`` builds the frozen
``Observations`` from what is read here; the engine and the session validate input here.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from .._errors import ObservationError, Problem
from .._quoting import describe, exception_text
from .vocabulary import (
    _FIELDS,
    EXCLUSIONS,
    GROUPS,
    PREREQUISITES,
    VOCABULARY,
    Value,
    _key_text,
    did_you_mean,
    value_problem,
)


def read_values(data: object) -> tuple[dict[str, Value], tuple[str, ...]]:
    """Check a JSON-shaped mapping against the vocabulary, every problem at once.

    Returns its known fields, flat and in vocabulary order, and the paths given as ``null``
    (unknown). Contradictions between fields are checked by ``check_contradictions``.

    Raises:
        ObservationError: listing every problem (``.problems``).
    """
    try:
        return _read_values(data)
    except ObservationError:
        raise
    except (RecursionError, MemoryError):
        raise ObservationError.of([Problem(
            path="observations", expected="JSON-shaped observations or Observations",
            got=f"{describe(data)} too large or deep to read")]) from None
    except Exception as exc:  # a hostile mapping: its own code raised while being read
        raise ObservationError.of([Problem(
            path="observations", expected="JSON-shaped observations or Observations",
            got=f"{describe(data)} that raised {exception_text(exc)} when read")]) from exc


def _read_values(data: object) -> tuple[dict[str, Value], tuple[str, ...]]:
    if type(data) is not dict and not isinstance(data, Mapping):
        raise ObservationError.of([Problem(path="observations",
                                           expected="an object of observation groups",
                                           got=describe(data))])
    read = _Reader()
    for group, fields in data.items():
        table = _FIELDS.get(group) if type(group) is str else None
        if table is not None and fields is None:  # a null group is unknown, as null fields
            read.nulls += [path for path, _, _, _ in table.values()]
        elif table is None or (type(fields) is not dict and not isinstance(fields, Mapping)):
            read.problems.append(_group_problem(group, fields))
        else:
            read.group(group, table, fields)
    values, problems = read.values, read.problems
    if problems:
        # Every problem at once: the fields that did read are checked against each other too.
        problems += _contradictions(values, None)
        raise ObservationError.of(problems)
    if read.last == _UNORDERED:  # into vocabulary order
        values = {path: values[path] for path in VOCABULARY if path in values}
    return values, tuple(read.nulls)


_UNORDERED = len(VOCABULARY)
"""Past every vocabulary position: once the fields came out of order, they stay so."""


class _Reader:
    """What reading one document found so far: the known values, the paths given as null,
    the problems, and the vocabulary position of the last field read (``_UNORDERED`` once
    a field came before the one read last)."""

    __slots__ = ("last", "nulls", "problems", "values")

    def __init__(self) -> None:
        self.values: dict[str, Value] = {}
        self.nulls: list[str] = []
        self.problems: list[Problem] = []
        self.last = -1

    def group(self, group: str, table: Mapping[str, tuple[str, int, Any, bool]],
              fields: Mapping[object, object]) -> None:
        """Check one group's fields. Runs on every assessment: no call for a yes/no
        answer, and what the loop updates kept in locals."""
        values, last = self.values, self.last
        for name, value in fields.items():
            known = table.get(name) if type(name) is str else None
            if known is None:
                self.problems.append(_field_problem(group, name))
                continue
            path, position, check, yes_no = known
            if value is None:
                self.nulls.append(path)
                continue
            checked = value if yes_no and (value is True or value is False) else check(value)
            if checked is None and type(value) is float and value.is_integer():
                checked = check(int(value))  # JSON's 30.0 is the integer 30 (JSON Schema)
            if checked is None:
                self.problems.append(value_problem(path, value))
                continue
            last = position if last != _UNORDERED and position > last else _UNORDERED
            values[path] = checked
        self.last = last


def _group_problem(group: object, fields: object) -> Problem:
    """An unknown group, or a group that is not an object of fields."""
    if type(group) is str and group in GROUPS:
        return Problem(path=group, expected="an object of fields", got=describe(fields))
    shown = _key_text(group)
    return Problem(path=shown, expected="one of the groups " + ", ".join(GROUPS),
                   got="an unknown group",
                   message=f"{shown}: unknown group{did_you_mean(group, tuple(GROUPS))}; "
                   f"expected one of {', '.join(GROUPS)}")


def _field_problem(group: str, name: object) -> Problem:
    names = GROUPS[group]
    shown = f"{group}.{_key_text(name)}"
    return Problem(path=shown, expected=f"a field of {group} ({', '.join(names)})",
                   got="an unknown field",
                   message=f"{shown}: unknown field{did_you_mean(name, names)}; "
                   f"{group} has {', '.join(names)}")


def check_values(data: object) -> dict[str, Value]:
    """The known fields of a JSON-shaped mapping, checked whole, contradictions included
    (``null`` is unknown, as if left out): what one assessment reads."""
    values, _ = read_values(data)
    check_contradictions(values)
    return values


def _same(a: object, b: object) -> bool:
    """Equal as the vocabulary means it: ``True`` is not ``1``."""
    return type(a) is type(b) and a == b


def _shown(value: Value) -> str:
    return describe(value)


def check_contradictions(known: Mapping[str, Value], new: Mapping[str, Value] | None = None
                         ) -> None:
    """Raise ``ObservationError`` listing every pair of fields that contradict each other.

    With ``new`` (a batch being added to earlier observations), each problem is named at a
    field of the new batch and says which earlier observation it contradicts.
    """
    for dependent, prerequisite, _ in PREREQUISITES:
        if known.get(prerequisite) is False and known.get(dependent, False) is not False:
            break
    else:
        for a, va, b, vb, _ in EXCLUSIONS:
            if _same(known.get(a), va) and _same(known.get(b), vb):
                break
        else:
            return  # the usual case, checked without building anything
    raise ObservationError.of(list(_contradictions(known, new)))


def _contradictions(known: Mapping[str, Value], new: Mapping[str, Value] | None
                    ) -> Iterator[Problem]:
    pairs = [(a, va, b, vb, why, f"not {_shown(va)} while {b} is {_shown(vb)}")
             for a, va, b, vb, why in EXCLUSIONS
             if _same(known.get(a), va) and _same(known.get(b), vb)]
    pairs += [(dep, known[dep], pre, False, why, f"{pre} not to be false")
              for dep, pre, why in PREREQUISITES
              if known.get(dep, False) is not False and known.get(pre) is False]
    for pair in pairs:
        a, va, b, vb, why, expected = pair
        if new is not None and a not in new and b in new:
            # name the field of the new batch
            a, va, b, vb = b, vb, a, va
            expected = f"not {_shown(va)} while {b} is {_shown(vb)}"
        earlier = "the earlier observation " if new is not None and b not in new else ""
        yield Problem(path=a, expected=expected,
                      got=f"{a} = {_shown(va)} with {b} = {_shown(vb)}",
                      message=f"{a} contradicts {earlier}{b}: {why}, but {a} is {_shown(va)} "
                      f"while {b} is {_shown(vb)}")
