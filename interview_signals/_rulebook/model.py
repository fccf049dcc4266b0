"""The rulebook as data: ``Test``, ``Rule``, ``Verdict`` and the merged ``Rulebook``.

Neighbours: ``parse`` builds these from TOML tables, ``merge`` merges packs into a
``Rulebook`` (``load`` finds them), ``check`` checks it whole, ``semantics`` says what a
``Test`` means; ``_durable``, ``_assessment`` and ``_consultation`` read it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal, TypeAlias, TypedDict

from attrs import Factory, field, frozen

from .._observations import Value
from .._texts import BASE_LANGUAGE, Language
from .notes import NotesBook

RuleKind: TypeAlias = Literal["signal", "qualifier", "advice"]
EffectKind: TypeAlias = Literal["strength", "boost", "discount", "advise"]
FactKind: TypeAlias = Literal["signal", "qualifier", "advice"]

KINDS: tuple[RuleKind, ...] = ("signal", "qualifier", "advice")
COMPARISONS = ("==", "!=", "<", "<=", ">", ">=")
ORDERING = ("<", "<=", ">", ">=")
OPS = (*COMPARISONS, "is_not", "known", "unknown")
DEFAULT_PACK = "default"


@frozen(kw_only=True)
class Test:
    """One test of a condition: on an observation path, or on a derived fact's presence.

    A comparison of two fields reads ``path OP other * scale + plus``. ``param`` names the
    rulebook parameter a literal or a scale came from (``value``/``scale`` hold its number).
    """

    __test__ = False  # not a pytest test class, though its name says so

    path: str | None = None
    op: str = "=="
    value: Value | None = None
    other: str | None = None
    plus: float = 0
    scale: float = 1.0
    param: str | None = None
    fact_kind: FactKind | None = None
    fact_id: str | None = None

    @property
    def paths(self) -> tuple[str, ...]:
        return tuple(p for p in (self.path, self.other) if p is not None)

    def describe(self) -> str:
        """The test as a person reads it: ``thank_you.response_hours <= 24``."""
        if self.fact_kind is not None:
            return f"{self.fact_kind} {self.fact_id}"
        if self.op in ("known", "unknown"):
            return f"{self.path} is {self.op}"
        right = literal(self.value) if self.other is None else self.other
        if self.other is not None and self.scale != 1:
            right += f" * {literal(self.scale)}"
        if self.param is not None:
            right += f" (parameter {self.param})"
        if self.other is not None and self.plus:
            right += f" {'+' if self.plus > 0 else '-'} {literal(abs(self.plus))}"
        op = "is not" if self.op == "is_not" else self.op
        return f"{self.path} {op} {right}"


def literal(value: object) -> str:
    """A value as it is written in TOML: ``true``, ``"warm"``, ``24``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


Branch: TypeAlias = tuple[Test, ...]


@frozen(kw_only=True)
class Rule:
    """One rule of the rulebook: a signal, a qualifier of a signal, or a piece of advice.

    ``pack`` names the pack the rule came from (``"default"`` for the packaged rulebook),
    ``file`` and ``line`` where it is written. An override keeps the id it replaces:
    ``overrides`` is that id and ``overrides_pack`` the pack of the rule it replaced.
    """

    id: str
    kind: RuleKind
    title: str
    applies_to: str | None
    branches: tuple[Branch, ...]
    effect: EffectKind
    amount: float
    explanation: str
    source_sign: int
    source_title: str
    file: str
    pack: str
    overrides: str | None = None
    overrides_pack: str | None = None
    line: int | None = None

    @property
    def sign(self) -> int:
        """The article's sign the rule belongs to (its source)."""
        return self.source_sign

    @property
    def paths(self) -> tuple[str, ...]:
        """Every observation path the condition reads, in first-seen order."""
        return tuple(dict.fromkeys(p for b in self.branches for t in b for p in t.paths))

    def describe_condition(self) -> str:
        """The condition as a person reads it, qualifier signal included."""
        parts = [" and ".join(t.describe() for t in b) for b in self.branches]
        if self.applies_to:
            parts = [f"signal {self.applies_to} and {p}" for p in parts]
        return " or ".join(f"({p})" if len(parts) > 1 and " and " in p else p for p in parts)

    def describe_effect(self) -> str:
        """The effect as a person reads it: ``strength +0.3``, ``boost 0.2 on x``, ``advise``."""
        if self.effect == "advise":
            return "advise"
        if self.effect == "strength":
            return f"strength {self.amount:+g}"
        return f"{self.effect} {self.amount:g} on {self.applies_to}"


@frozen(kw_only=True)
class Verdict:
    """One verdict and the evidence it needs, tried in rulebook order: chosen when the
    confidence reaches ``min_confidence``, or when one of ``or_signals`` stands."""

    id: str
    min_confidence: float
    or_signals: tuple[str, ...]
    summary: str
    file: str
    line: int | None = None
    title: str = field(default=Factory(lambda v: default_title(v.id), takes_self=True))
    """The verdict in a few words, as the command line and the page show it ("Not clear
    yet"); the id made readable when a pack gives none."""


def default_title(verdict_id: str) -> str:
    """A verdict's title when its table gives none: its id made readable."""
    return verdict_id.replace("_", " ").capitalize()


@frozen(kw_only=True)
class Band:
    """How strongly the signs point the candidate's way, in words a coach can rename: tried
    in rulebook order, the first whose ``min_confidence`` the confidence reaches. No band
    holds at a confidence of 0 (nothing points the candidate's way to describe)."""

    id: str
    min_confidence: float
    words: str
    """What the candidate reads after "How strongly the signs point your way:"."""
    file: str
    line: int | None = None


@frozen(kw_only=True)
class CaseSource:
    """The article's sign a case comes from, and a few words that find the sentence."""

    sign: int
    title: str
    quote: str = ""


@frozen(kw_only=True)
class Expectation:
    """What a case expects; every part is optional, but a case expects something."""

    verdicts: tuple[str, ...] = ()
    """The verdict, or any one of these verdicts."""
    confidence: tuple[float, float] | None = None
    """The confidence, from the first number to the second (both included)."""
    present: Mapping[str, tuple[str, ...]] = field(factory=dict)
    """Per kind (signal, qualifier, advice), the ids that must be among the conclusions."""
    absent: Mapping[str, tuple[str, ...]] = field(factory=dict)
    """Per kind, the ids that must not be among them."""

    def is_empty(self) -> bool:
        return not (self.verdicts or self.confidence is not None
                    or any(self.present.values()) or any(self.absent.values()))


@frozen(kw_only=True)
class Case:
    """One test case of a rulebook: observations, what is expected, and why."""

    id: str
    observations: Mapping[str, Value]
    """The observations as ``group.field`` paths and values, already checked."""
    expect: Expectation
    why: str
    source: CaseSource | None
    file: str
    pack: str
    line: int | None = None
    overrides_pack: str | None = None
    """The pack of the case this one replaced, when it overrides one."""


@frozen(kw_only=True)
class Rulebook:
    """A merged, checked set of rules, verdicts, bands and summary texts."""

    rules: tuple[Rule, ...]
    verdicts: tuple[Verdict, ...]
    nothing_known: str
    files: tuple[str, ...]
    bands: tuple[Band, ...] = ()
    """Optional: how strongly the signs point the candidate's way, in words."""
    caveat: str = ""
    """Optional: a sentence closing every summary with a standing signal, but for the last
    verdict's."""
    against: str = ""
    """Optional: the sentence naming the signs against; ``{signals}`` lists them."""
    params: Mapping[str, float] = field(factory=dict)
    """Named thresholds, as the rules' tests use them."""
    cases: tuple[Case, ...] = ()
    """The packs' test cases, when they were read (``check-rules``, ``test-rules``)."""
    notes: NotesBook = field(factory=NotesBook)
    """How notes in a candidate's words are read (``[notes]`` tables); empty when no pack
    has any."""
    languages: Mapping[str, Language] = field(factory=dict)
    """The texts each language pack gives (the English vocabulary's and frame's under
    ``"en"``), by language tag; the rules' own texts are in the rules."""
    language: str = BASE_LANGUAGE
    """The language the tools speak unless told otherwise: the last one a pack declared."""

    def by_id(self) -> dict[str, Rule]:
        """Every rule by its id, in rulebook order."""
        return {r.id: r for r in self.rules}

    def of_kind(self, kind: RuleKind) -> tuple[Rule, ...]:
        """The rules of one kind, in rulebook order."""
        return tuple(r for r in self.rules if r.kind == kind)

    def band(self, confidence: float) -> Band | None:
        """The band of a confidence: the first whose ``min_confidence`` it reaches; None at
        0, or when the rulebook has no bands."""
        if confidence <= 0:
            return None
        return next((b for b in self.bands if confidence >= b.min_confidence), None)


class RuleSource(TypedDict):
    """A rule's source in the JSON listing: the article's sign number and title."""

    sign: int
    title: str


class RuleRow(TypedDict):
    """One rule as ``interview-signals rules --format json`` and ``GET /v1/rules`` list it."""

    id: str
    kind: str
    sign: int
    condition: str
    effect: str
    source: RuleSource
    pack: str
    overrides: str | None
    overrides_pack: str | None


class VerdictRow(TypedDict):
    """One verdict as ``GET /v1/rules`` lists it: its id and its title."""

    id: str
    title: str


def verdict_rows(book: Rulebook) -> list[VerdictRow]:
    """Every verdict of ``book``, best first, with its title."""
    return [{"id": v.id, "title": v.title} for v in book.verdicts]


def verdict_titles(book: Rulebook) -> dict[str, str]:
    """Each verdict's title by its id."""
    return {v.id: v.title for v in book.verdicts}


def rule_rows(book: Rulebook) -> list[RuleRow]:
    """Every rule of ``book`` in words, in rulebook order."""
    return [{"id": r.id, "kind": r.kind, "sign": r.sign, "condition": r.describe_condition(),
             "effect": r.describe_effect(),
             "source": {"sign": r.source_sign, "title": r.source_title},
             "pack": r.pack, "overrides": r.overrides, "overrides_pack": r.overrides_pack}
            for r in book.rules]
