"""The rulebook's texts in every language: the English texts of a rulebook by key (the
vocabulary's and frame's from ``rules/lang/en.toml``, the rules' own from their tables), the
shipped translations (``rules/lang/<tag>.toml``), a language's ``Texts`` for use, and the
check of a language against the English.

Neighbours: ``merge`` collects each pack's ``[language]`` and ``[texts]``; ``load`` checks
them; the engine asks ``texts_of`` for the language it speaks; ``check-rules`` and
``interview-signals texts`` list the keys. docs/translations.md has the design.
"""

from __future__ import annotations

import functools
import json
import tomllib
from pathlib import Path

from .._errors import InterviewSignalsError, RulebookError, RuleProblem
from .._texts import (
    BASE_LANGUAGE,
    Entry,
    Forms,
    Language,
    Texts,
    TextValue,
    language_problems,
    read_language_file,
    untranslated,
)
from .files import default_pack_path
from .model import DEFAULT_PACK, Rulebook


def base_language_file() -> Path:
    """The English texts of the vocabulary and the frame, read with every rulebook."""
    return default_pack_path() / "lang" / f"{BASE_LANGUAGE}.toml"


def shipped_languages() -> dict[str, Path]:
    """The translations shipped in the package, by tag (``{"es": .../lang/es.toml}``)."""
    folder = default_pack_path() / "lang"
    return {p.stem: p for p in sorted(folder.glob("*.toml")) if p.stem != BASE_LANGUAGE}


def is_shipped(file: str) -> bool:
    """Whether a text's file is one of the package's own."""
    return Path(file).parent == default_pack_path() / "lang"


def base_entries(book: Rulebook) -> dict[str, Entry]:
    """Every English text of ``book`` by key, with the file and line it is written on: the
    vocabulary's and the frame's, then the rules' (each reworded by a pack's ``[texts]``
    without a ``[language]``, when one does)."""
    base = book.languages.get(BASE_LANGUAGE)
    out: dict[str, Entry] = dict(base.entries) if base else {}
    for key, entry in _rulebook_entries(book).items():
        out.setdefault(key, entry)
    return out


def _rulebook_entries(book: Rulebook) -> dict[str, Entry]:
    out: dict[str, Entry] = {}

    def put(key: str, value: str, file: str, line: int | None) -> None:
        out[key] = Entry(key=key, value=value, file=file, line=line)

    for r in book.rules:
        if r.kind == "signal":
            put(f"rule.{r.id}.title", r.title, r.file, r.line)
        put(f"rule.{r.id}.explanation", r.explanation, r.file, r.line)
    for r in sorted(book.rules, key=lambda r: r.source_sign):
        # The article's titles are in rules/lang/en.toml; a pack citing a sign past them
        # (a sign of its own) gives its title here.
        if f"sign.{r.source_sign}" not in out:
            put(f"sign.{r.source_sign}", r.source_title, r.file, r.line)
    for v in book.verdicts:
        put(f"verdict.{v.id}.title", v.title, v.file, v.line)
        put(f"verdict.{v.id}.summary", v.summary, v.file, v.line)
    for b in book.bands:
        put(f"band.{b.id}.words", b.words, b.file, b.line)
    for c in book.cases:  # read by check-rules and test-rules only
        # The default rulebook's own cases: what test-rules shows in a shipped language
        # (a pack's cases are shown as their pack writes them).
        if c.why and c.pack == DEFAULT_PACK:
            put(f"case.{c.id}.why", c.why, c.file, c.line)
    for name in ("nothing_known", "against", "caveat"):
        value = getattr(book, name)
        if value:
            put(f"summary.{name}", value, _summary_file(book), None)
    return out


def _summary_file(book: Rulebook) -> str:
    """Where the summary's texts are written: the verdicts' file, near enough."""
    return book.verdicts[0].file if book.verdicts else "<rulebook>"


def language_of(book: Rulebook, tag: str) -> Language:
    """The texts of language ``tag`` for ``book``: its packs' texts over the shipped
    translation, if there is one (read and checked when first asked for).

    Raises:
        InterviewSignalsError: no pack and no shipped translation speaks ``tag``.
        RulebookError: the shipped translation does not fit the rulebook.
    """
    given = book.languages.get(tag)
    shipped = _shipped(book, tag) if tag != BASE_LANGUAGE else None
    if given is None and shipped is None:
        if tag == BASE_LANGUAGE:
            return Language(tag=tag, name="English")
        raise InterviewSignalsError(
            f"no texts in the language {tag!r}: the languages there are "
            f"{', '.join(available_languages(book))} (a language pack declares its own with "
            "[language] tag = \"...\")")
    if shipped is None:
        assert given is not None
        return given
    if given is None:
        return shipped
    return Language(tag=tag, name=given.name if given.name != tag else shipped.name,
                    entries={**shipped.entries, **given.entries},
                    files=(*shipped.files, *given.files))


def available_languages(book: Rulebook) -> list[str]:
    """The tags ``book`` can speak: English, its packs' languages, the shipped ones."""
    return list(dict.fromkeys([BASE_LANGUAGE, *book.languages, *shipped_languages()]))


def _shipped(book: Rulebook, tag: str) -> Language | None:
    """The shipped translation ``tag``, checked against ``book``; None when there is none."""
    path = shipped_languages().get(tag)
    if path is None:
        return None
    language = read_language(path)
    problems = language_problems(base_entries(book), language,
                                 categories=Forms(tag).categories, lenient=_is_shipped_entry)
    if problems:
        raise RulebookError(problems)
    return language


def _is_shipped_entry(entry: Entry) -> bool:
    return is_shipped(entry.file)


@functools.lru_cache(maxsize=16)
def read_language(path: Path) -> Language:
    """One language file read alone (a shipped translation); ``RulebookError`` if bad."""
    problems: list[RuleProblem] = []

    def bad(key: str | None, reason: str, line: int | None) -> None:
        problems.append(RuleProblem(file=str(path), rule_id=key, reason=reason, line=line))

    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise RulebookError([RuleProblem(file=str(path), rule_id=None,
                                         reason=f"cannot read the language file: {exc}")]
                            ) from exc
    read = read_language_file(data, text, str(path), bad)
    if read is None or read.tag is None:
        bad(None, "a language file needs a [language] table with its tag", None)
    if problems or read is None or read.tag is None:
        raise RulebookError(problems)
    return Language(tag=read.tag, name=read.name or read.tag, entries=read.entries,
                    files=(str(path),))


def texts_of(book: Rulebook, tag: str | None = None) -> Texts:
    """Every text of ``book`` in language ``tag`` (the rulebook's own language when None),
    English for what the language leaves out."""
    tag = tag or book.language
    base = base_entries(book)
    values = {key: entry.value for key, entry in base.items()}
    language = language_of(book, tag)
    values.update((key, entry.value) for key, entry in language.entries.items()
                  if key in base)
    name = language.name if tag != BASE_LANGUAGE else "English"
    originals = {key: entry.value for key, entry in base.items()}
    return Texts(tag, name, values, Forms(tag), originals=originals)


def languages_problems(book: Rulebook) -> list[RuleProblem]:
    """Every problem of the texts the packs of ``book`` give, in every language."""
    base = base_entries(book)
    problems: list[RuleProblem] = []
    english = str(base_language_file())
    for tag, given in book.languages.items():
        try:
            categories: frozenset[str] | None = Forms(tag).categories
        except InterviewSignalsError as exc:
            problems.append(RuleProblem(file=given.files[-1], rule_id=None, reason=str(exc)))
            categories = None
        # The English texts are checked against themselves only where a pack rewords them.
        language = given if tag != BASE_LANGUAGE else Language(
            tag=tag, name=given.name,
            entries={k: e for k, e in given.entries.items() if e.file != english})
        problems += language_problems(base, language, categories=categories,
                                      lenient=_is_shipped_entry)
    return problems


def untranslated_texts(book: Rulebook, tag: str) -> list[Entry]:
    """The English texts language ``tag`` leaves untranslated, with where each is written."""
    return untranslated(base_entries(book), language_of(book, tag))


@functools.lru_cache(maxsize=16)
def frame_texts(tag: str = BASE_LANGUAGE) -> Texts:
    """The vocabulary's and the frame's texts of a language without a rulebook (English, or
    a shipped translation; English for any other tag): what renders an assessment read
    back from JSON, whose own texts are already in its language, and the schemas."""
    base = read_language(base_language_file())
    values = {key: entry.value for key, entry in base.entries.items()}
    path = shipped_languages().get(tag)
    if path is None:
        return Texts(BASE_LANGUAGE, "English", values, Forms(BASE_LANGUAGE))
    language = read_language(path)
    originals = dict(values)
    values.update((key, entry.value) for key, entry in language.entries.items())
    return Texts(tag, language.name, values, Forms(tag), originals=originals)


def language_pack_toml(book: Rulebook, tag: str, *, only_untranslated: bool = False) -> str:
    """Every text of ``book`` as a TOML language pack of ``tag``: its own texts, English
    where it has none (each marked ``# untranslated``): a start for a translation, which
    ``check-rules`` checks as it is."""
    base = base_entries(book)
    language = language_of(book, tag)
    name = "English" if tag == BASE_LANGUAGE else language.name
    lines = ["# Every text a candidate or coach reads, by key (docs/translations.md).",
             "# Translate each text, keep each {placeholder}, and check the file with",
             f"#   interview-signals check-rules --lang {tag} THIS-FILE.toml",
             "", "[language]", f"tag = {_toml(tag)}", f"name = {_toml(name)}", "", "[texts]"]
    area = ""
    for key, entry in base.items():
        own = language.entries.get(key) if tag != BASE_LANGUAGE else entry
        if only_untranslated and own is not None:
            continue
        if key.split(".", 1)[0] != area:
            area = key.split(".", 1)[0]
            lines.append(f"\n# --- {area} ---")
        value = (own or entry).value
        mark = "  # untranslated" if own is None else ""
        lines.append(f"{_toml(key)} = {_toml_value(value)}{mark}")
    return "\n".join(lines) + "\n"


def _toml(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _toml_value(value: TextValue) -> str:
    if isinstance(value, str):
        return _toml(value)
    if isinstance(value, tuple):
        return "[" + ", ".join(_toml(w) for w in value) + "]"
    return "{ " + ", ".join(f"{c} = {_toml(f)}" for c, f in value.forms.items()) + " }"
