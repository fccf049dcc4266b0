"""What a rule test means, said once: whether it holds on values (``holds``), its state on
partly known values (``state_of``: holds, cannot hold, or the unknown fields decide), and the
interval a number field can take under tests (``interval``).

Neighbours: ``model.Test`` is what it reads. ``check`` finds conditions that can never hold
with ``interval``, the assessment's explanation finds missing evidence with ``state_of``, and
the consultation's evaluator fires rules with ``holds``. The engine reads the same tests as
``_durable.compile`` writes them; the differential and engine-agreement tests hold the two to
this one meaning, and a property test ties ``state_of`` to ``holds`` on every completion.

A test holds, as the engine compares once the compiler has encoded it, when:

- a fact test: that derived fact was concluded;
- ``unknown``/``known``: the path has no value / has one;
- ``is_not``: the path is unknown, or known and not equal;
- ``==``/``!=`` with a literal: the path is known and (not) equal, strictly typed (true is
  not 1 and "5" is not 5; 1 is 1.0);
- an ordering with a literal: the path is known, both are numbers, and they are so ordered;
- with ``other``: both paths are known numbers and ``path OP other * scale + plus``.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Callable, Collection, Iterable, Mapping
from typing import NamedTuple, TypeAlias

from .._observations import VOCABULARY, Value
from .model import Test

State: TypeAlias = Callable[[Mapping[str, Value]], "bool | None"]
"""A test on partly known values (see ``state_of``)."""
_ORDER: dict[str, Callable[[float, float], bool]] = {
    "<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge}
_NARROWING = frozenset(("==", "<", "<=", ">", ">="))
"""The comparisons with a number that narrow the interval a field can take."""
_NO_FACTS: frozenset[tuple[str, str]] = frozenset()


def same(a: object, b: object) -> bool:
    """Equality as the engine compares encoded values: true is not 1, "5" is not 5."""
    if isinstance(a, bool) or isinstance(b, bool) or isinstance(a, str) or isinstance(b, str):
        return type(a) is type(b) and a == b
    return a == b


def _order(op: str, x: float, y: float) -> bool:
    if op == "<":
        return x < y
    if op == "<=":
        return x <= y
    if op == ">":
        return x > y
    if op == ">=":
        return x >= y
    return same(x, y) if op == "==" else not same(x, y)


def holds(test: Test, values: Mapping[str, Value | None],
          facts: Collection[tuple[str, str]]) -> bool:
    """Whether ``test`` holds (``values`` maps a path to its value; absent or None: unknown;
    ``facts`` holds (kind, id) of every derived fact concluded). The consultation's search
    calls this in its inner loop: keep it flat."""
    if test.fact_kind is not None:
        return (test.fact_kind, str(test.fact_id)) in facts
    value = values.get(str(test.path))
    op = test.op
    if op == "unknown":
        return value is None
    if op == "known":
        return value is not None
    if op == "is_not":
        return value is None or not same(value, test.value)
    if value is None:
        return False
    if test.other is not None:
        other = values.get(test.other)
        if other is None or isinstance(value, bool | str) or isinstance(other, bool | str):
            return False
        return _order(op, value, other * test.scale + test.plus)
    if op in ("==", "!="):
        return same(value, test.value) == (op == "==")
    if isinstance(value, bool | str) or isinstance(test.value, bool | str) or test.value is None:
        return False
    return _order(op, value, test.value)


# -- intervals ------------------------------------------------------------------------------

class Interval(NamedTuple):
    """The numbers from ``low`` to ``high``, each end open or closed (an infinite end stands
    for no bound). A tuple: the explanation builds some on every assessment."""

    low: float
    high: float
    low_open: bool = False
    high_open: bool = False

    def narrowed(self, op: str, bound: float) -> Interval:
        """The part where ``x OP bound`` holds, for ``==`` and the orderings."""
        low, high, low_open, high_open = self
        if op in ("==", ">=", ">") and (bound > low or (bound == low and op == ">")):
            low, low_open = bound, op == ">"
        if op in ("==", "<=", "<") and (bound < high or (bound == high and op == "<")):
            high, high_open = bound, op == "<"
        return Interval(low, high, low_open, high_open)

    def whole(self) -> Interval:
        """The integers of the interval, as a closed interval."""
        low, high, low_open, high_open = self
        if math.isfinite(low):
            low = math.floor(low) + 1 if low_open and low.is_integer() else math.ceil(low)
        if math.isfinite(high):
            high = math.ceil(high) - 1 if high_open and high.is_integer() else math.floor(high)
        return Interval(float(low), float(high))

    @property
    def is_empty(self) -> bool:
        return self.low > self.high or (self.low == self.high
                                         and (self.low_open or self.high_open))


def _range(path: str) -> Interval | None:
    spec = VOCABULARY[path]
    if spec.kind not in ("int", "number"):
        return None
    span = Interval(float(spec.minimum if spec.minimum is not None else -math.inf),
                    float(spec.maximum if spec.maximum is not None else math.inf))
    return span.whole() if spec.kind == "int" else span


_RANGES = {path: _range(path) for path in VOCABULARY}
"""The interval of each number field (None for the others): its vocabulary range."""


def interval(path: str, tests: Iterable[Test] = (),
             values: Mapping[str, Value] | None = None) -> Interval | None:
    """The values a number field can take: its known value in ``values`` or else its
    vocabulary range, narrowed by the tests of ``tests`` that compare it with a number
    literal (the others are left aside), to the integers for an integer field. ``None``
    when the path is no number field or its known value is no number."""
    span = _RANGES[path]
    if span is None:
        return None
    if values is not None and path in values:
        value = values[path]
        if not _is_number(value):
            return None
        span = Interval(float(value), float(value))
    narrowed = False
    for test in tests:
        if test.path == path and test.other is None and test.op in _NARROWING \
                and _is_number(test.value):
            span = span.narrowed(test.op, float(test.value))  # type: ignore[arg-type]
            narrowed = True
    return span.whole() if narrowed and VOCABULARY[path].kind == "int" else span


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


# -- three-valued state -----------------------------------------------------------------------

def state_of(test: Test) -> State:
    """``test`` as a function of partly known values (a known field has its value, an
    unknown one is absent): True when it holds on them, False when it holds on no completion
    of them (each unknown field left unknown or given any value of its kind in its range),
    None when it does not hold on them but some completion makes it hold. True and False
    stay as more becomes known, but for a test that holds because a field is unknown
    (``unknown``, ``is_not``): True until that field is known.

    A fact test is None: other rules decide it, not the values. Between two fields, ``==``
    is None whenever their intervals meet (integers in them may still never be equal): the
    one approximation, and only ever towards None.

    The explanation calls these on every assessment (``Explainer.plan``): each is built
    once per test, with all that does not depend on the values worked out here.
    """
    path, op = test.path, test.op
    if test.fact_kind is not None or path is None:
        return _undecided
    if op == "unknown":
        return lambda values: path not in values
    if op == "known":
        return lambda values: True if path in values else None
    if op == "is_not":
        equal = _equals(test.value)
        return lambda values: path not in values or not equal(values[path])
    if test.other is not None:
        return _comparison_state(test, path, test.other)
    check = _check(test)
    if_unknown = None if any(check(v) for v in _witnesses(test)) else False
    return lambda values: check(values[path]) if path in values else if_unknown


def _undecided(values: Mapping[str, Value]) -> bool | None:
    return None


def _equals(literal: object) -> Callable[[object], bool]:
    """``same(value, literal)`` as a function of the value, made once per literal."""
    if isinstance(literal, bool):
        return lambda value: value is literal
    if isinstance(literal, str):
        return lambda value: type(value) is str and value == literal
    return lambda value: not isinstance(value, bool | str) and value == literal


def _check(test: Test) -> Callable[[object], bool]:
    """Whether a literal test holds on a known value: ``holds`` as a function of it."""
    equal = _equals(test.value)
    if test.op == "==":
        return equal
    if test.op == "!=":
        return lambda value: not equal(value)
    if not _is_number(test.value):
        return lambda value: False
    compare, bound = _ORDER[test.op], float(test.value)  # type: ignore[arg-type]
    return lambda value: not isinstance(value, bool | str) and compare(value, bound)  # type: ignore[arg-type]


def _witnesses(test: Test) -> list[Value]:
    """Values of a field among which one makes a literal test hold, if any value of its
    kind in its range does: each answer of a yes/no or choice field; for a number, the ends
    of its range and of the interval the test leaves it."""
    path = str(test.path)
    spec = VOCABULARY[path]
    if spec.kind == "bool":
        return [True, False]
    if spec.kind == "choice":
        return list(spec.choices)
    out: list[Value] = []
    for span in (interval(path), interval(path, (test,))):
        if span is not None and not span.is_empty:
            out += [x for x in (span.low, span.high) if math.isfinite(x)]
    return out


def _comparison_state(test: Test, path: str, other: str) -> State:
    """The state of ``path OP other * scale + plus``: decided when both are known, else
    whether the intervals the two can take leave room for it. The ends of an interval are
    values the field can take, so comparing ends decides every ordering exactly."""
    op, scale, plus = test.op, test.scale, test.plus
    left, right = interval(path), interval(other)
    if left is None or right is None:
        return lambda values: False  # a field that is no number is never ordered
    if other == path:
        # One field on both sides: ``x OP x * scale + plus`` is linear in x, so one end of
        # its range passes if any value does (``==`` aside: its one root, if any).
        ends = [left.low, left.high] + ([plus / (1 - scale)] if op == "==" and scale != 1
                                        else [])
        if_unknown = None if any(holds(test, {path: x}, _NO_FACTS) for x in ends) else False
        return lambda values: holds(test, values, _NO_FACTS) if path in values else if_unknown
    meets = _MEETS[op]
    ranged = sorted((right.low * scale + plus, right.high * scale + plus))

    def state(values: Mapping[str, Value]) -> bool | None:
        if path in values:
            if other in values:
                return holds(test, values, _NO_FACTS)
            x = values[path]
            if isinstance(x, bool | str):
                return False
            low = high = x
            r_low, r_high = ranged
        else:
            low, high = left.low, left.high
            if other in values:
                y = values[other]
                if isinstance(y, bool | str):
                    return False
                r_low = r_high = y * scale + plus
            else:
                r_low, r_high = ranged
        return None if meets(low, high, r_low, r_high) else False
    return state


_MEETS: dict[str, Callable[[float, float, float, float], bool]] = {
    ">": lambda low, high, r_low, r_high: high > r_low,
    ">=": lambda low, high, r_low, r_high: high >= r_low,
    "<": lambda low, high, r_low, r_high: low < r_high,
    "<=": lambda low, high, r_low, r_high: low <= r_high,
    "==": lambda low, high, r_low, r_high: low <= r_high and r_low <= high,
    "!=": lambda low, high, r_low, r_high: not low == high == r_low == r_high,
}
"""Whether some value from ``low`` to ``high`` and some from ``r_low`` to ``r_high`` (each
pair of ends values the fields can take) are so ordered."""
