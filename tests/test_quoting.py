"""``_quoting``: a piece of input in a message, short, marked when cut, and with nothing a
terminal would act on."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interview_signals._quoting import (
    EXCERPT_CHARS,
    FILE_NAME_CHARS,
    describe,
    exception_text,
    excerpt,
    file_name,
    printable,
    quoted,
)


class TestExcerpt:
    def test_a_short_text_is_itself_and_a_long_one_is_cut_and_marked(self) -> None:
        assert excerpt("x" * 80, 80) == "x" * 80
        assert excerpt("") == ""
        cut = excerpt("y" * 81, 80)
        assert (len(cut), cut) == (80, "y" * 77 + "...")

    @pytest.mark.parametrize(("text", "shown"), [
        ("\x1b]52;c;aGk=\x07", "\\x1b]52;c;aGk=\\x07"),  # a clipboard write
        ("a\nb\r\x7f\x9b", "a\\nb\\r\\x7f\\x9b"),  # C0, DEL and C1
        ("\ud800", "\\ud800"),  # a lone surrogate, which JSON allows
        ("café \\ \u00e9", "café \\ \u00e9"),  # printable stays as it is
    ])
    def test_what_is_not_printable_is_escaped_in_quotes(self, text: str, shown: str) -> None:
        assert quoted(text) == f'"{shown}"'
        excerpt(text).encode("utf-8")  # unquoted: writable to any UTF-8 output
        assert excerpt("\ud800") == "\\ud800"

    @pytest.mark.parametrize(("text", "shown"), [
        ("\x1b]52;c;aGk=\x07", "\\x1b]52;c;aGk=\\x07"),
        ("line\x1b[2K\rerased", "line\\x1b[2K\\rerased"),
        ("\x9b31m\x7f\u202e", "\\x9b31m\\x7f\\u202e"),
    ])
    def test_unquoted_text_is_escaped_as_well(self, text: str, shown: str) -> None:
        """A key within a field path or an exception's message is shown unquoted: what
        a terminal would act on is escaped there too."""
        assert excerpt(text) == shown

    @given(st.text(max_size=200), st.integers(3, 100))
    def test_an_excerpt_is_short_and_marked_when_cut(self, text: str, limit: int) -> None:
        shown = excerpt(text, limit)
        shown.encode("utf-8")
        assert shown.isprintable()
        assert quoted(text, limit).isprintable()
        if len(text) > limit:
            assert shown.endswith("...")
        if text.isprintable():
            assert shown == (text if len(text) <= limit else text[:limit - 3] + "...")

    def test_a_str_subclass_is_read_as_plain_text(self) -> None:
        class Lying(str):
            def __len__(self) -> int:
                return 0

            def __getitem__(self, index: object) -> str:
                raise RuntimeError("no")

        assert excerpt(Lying("z" * 100), 10) == "zzzzzzz..."


def test_quoted_text_is_in_double_quotes_with_its_length_when_cut() -> None:
    assert quoted("warm") == '"warm"'
    long = "k" * 5000
    assert quoted(long) == f'"{"k" * (EXCERPT_CHARS - 3)}..." (5,000 characters)'
    assert quoted("\x1b[2K") == '"\\x1b[2K"'


@pytest.mark.parametrize(("value", "shown"), [
    (None, "null"), (True, "true"), (False, "false"), ("yes", 'the string "yes"'),
    ("x" * 500, 'the string "' + "x" * 37 + '..." (500 characters)'), (3, "3"),
    (2.5, "2.5"), (10**30, "an integer of 100 bits"), (-(10**30), "a negative integer of 100 bits"),
    ({}, "an object"), ([], "a list"), ((), "a list"),
])
def test_a_value_is_described_by_its_kind_and_a_short_excerpt(value: object,
                                                               shown: str) -> None:
    assert describe(value) == shown


def test_an_exception_is_its_type_and_a_short_message() -> None:
    assert exception_text(ValueError("v" * 100)) == "ValueError: " + "v" * 77 + "..."
    assert exception_text(RuntimeError()) == "RuntimeError"

    class Hostile(Exception):
        def __str__(self) -> str:
            raise RuntimeError("no message for you")

    assert exception_text(Hostile()) == "Hostile"


def test_a_file_name_is_escaped_and_cut_only_when_very_long() -> None:
    assert file_name("notes/\x1b[2Kday.json") == "notes/\\x1b[2Kday.json"
    assert file_name(Path("a") / "b.json") == str(Path("a") / "b.json")
    long = "d/" * 200
    assert file_name(long) == long[:FILE_NAME_CHARS - 3] + "..."


def test_a_whole_message_keeps_its_line_breaks_and_escapes_the_rest() -> None:
    assert printable("2 problems:\n  a\x1b[2K\n  b\tc") == "2 problems:\n  a\\x1b[2K\n  b\\tc"
