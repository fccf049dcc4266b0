"""Which language a request gets: ``?lang=``, then ``Accept-Language`` by quality, then the
service's own; a tag is served by the language it refines."""

from __future__ import annotations

import pytest

from interview_signals import ArgumentError, Engine
from interview_signals._texts import accepted_languages, match_language, negotiate

TAGS = ["en", "es"]


@pytest.mark.parametrize(("header", "tags"), [
    ("es-MX,es;q=0.9,en;q=0.5", ["es-MX", "es", "en"]),
    ("en;q=0.2, es", ["es", "en"]),
    ("fr;q=0, es;q=bad, *", []),
    ("", []),
    ("de;q=0.7,es;q=0.7", ["de", "es"]),
])
def test_accept_language_is_read_by_quality(header: str, tags: list[str]) -> None:
    assert accepted_languages(header) == tags


@pytest.mark.parametrize(("wanted", "found"), [
    ("es", "es"), ("ES", "es"), ("es-MX", "es"), ("es-419-x", "es"), ("fr", None), ("", None)])
def test_a_tag_is_served_by_the_language_it_refines(wanted: str, found: str | None) -> None:
    assert match_language(wanted, TAGS) == found


def test_lang_wins_then_the_header_then_the_default() -> None:
    assert negotiate("en", "es", TAGS, "es") == "en"
    assert negotiate(None, "fr, es-ES;q=0.8", TAGS, "en") == "es"
    assert negotiate(None, "fr", TAGS, "en") == "en"


def test_an_engine_speaks_a_shipped_language_and_refuses_others() -> None:
    engine = Engine.default()
    assert engine.languages[:2] == ("en", "es")
    assert engine.in_language("es-MX").language == "es"
    assert engine.in_language("en") is engine
    with pytest.raises(ArgumentError, match="expected one of en, es"):
        engine.in_language("fr")
