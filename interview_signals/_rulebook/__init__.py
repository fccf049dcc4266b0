"""The rule language: the rulebook's model, what a test means, its files, parsing one
table, merging packs and checking the merged rulebook.

Everything other folders use is re-exported here; the rest is private to the folder.
"""

from __future__ import annotations

from .files import flat_paths
from .load import load_rulebook, read_rulebook
from .model import (
    DEFAULT_PACK,
    Case,
    Rule,
    Rulebook,
    RuleRow,
    Test,
    VerdictRow,
    rule_rows,
    verdict_rows,
    verdict_titles,
)
from .notes import (
    CUE_KINDS,
    GAP_WORDS,
    HYPHEN_IN_WORD,
    SAME_LENGTH,
    Cue,
    FieldPhrases,
    Implication,
    Inflection,
    NotesBook,
    NumberWords,
    Phrase,
    Relation,
    Topic,
    Word,
    gap_words,
    normalise_phrase,
    parse_phrase,
)
from .semantics import State, holds, state_of
from .texts import (
    available_languages,
    base_entries,
    frame_texts,
    language_of,
    language_pack_toml,
    shipped_languages,
    texts_of,
    untranslated_texts,
)

__all__ = [
    "CUE_KINDS",
    "DEFAULT_PACK",
    "GAP_WORDS",
    "HYPHEN_IN_WORD",
    "SAME_LENGTH",
    "Case",
    "Cue",
    "FieldPhrases",
    "Implication",
    "Inflection",
    "NotesBook",
    "NumberWords",
    "Phrase",
    "Relation",
    "Rule",
    "RuleRow",
    "Rulebook",
    "State",
    "Test",
    "Topic",
    "VerdictRow",
    "Word",
    "available_languages",
    "base_entries",
    "flat_paths",
    "frame_texts",
    "gap_words",
    "holds",
    "language_of",
    "language_pack_toml",
    "load_rulebook",
    "normalise_phrase",
    "parse_phrase",
    "read_rulebook",
    "rule_rows",
    "shipped_languages",
    "state_of",
    "texts_of",
    "untranslated_texts",
    "verdict_rows",
    "verdict_titles",
]
