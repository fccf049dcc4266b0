"""The Spanish translation (``rules/lang/es.toml``) under every rendering: the candidate's
text, markdown, the detail view, the JSON, an ``ask`` transcript and the what-if, each made
for observation sets that reach every signal, qualifier, advice, verdict, band and question.
Nothing English of the default texts may show (the article's own titles of its signs aside,
which the Spanish cites beside their translation), and every Spanish text must show
somewhere: the renderings below cover the whole translation."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from interview_signals import Assessment, Engine
from interview_signals._assessment import answer_text
from interview_signals._cli import main
from interview_signals._cli.ask import _number
from interview_signals._consultation import how_text, what_if_text
from interview_signals._rulebook import base_entries, frame_texts, language_of
from interview_signals._texts import Plural, TextValue

ENGINE = Engine.default()
ES = ENGINE.in_language("es")
BOOK = ENGINE.rulebook

# Observation sets that between them reach every rule of the default rulebook, every verdict
# and band, both sides of sign 1, the automatic reply, numbers of both units and every tone.
SETS: list[dict[str, dict[str, Any]]] = [
    {},
    {"tour": {"office_tour": True}},
    {"body_language": {"smiles": True, "naturally_friendly": True, "rote_questions": True},
     "interview": {"scheduled_minutes": 60, "actual_minutes": 30},
     "thank_you": {"note_sent": True, "response_received": False},
     "job_specifics": {"overview_given": True, "deep_dive": False}},
    {"body_language": {"engaged": True, "nods": True, "smiles": True, "verbal_agreement": True},
     "interest": {"asked_if_interested": True, "asked_where_else_interviewing": True},
     "next_steps": {"invited_to_next_round": True, "scheduled_on_the_spot": True},
     "tour": {"office_tour": True, "introduced_to_people": True, "people_called_in": True},
     "interview": {"scheduled_minutes": 45, "actual_minutes": 70, "interviewer_count": 1},
     "job_specifics": {"deep_dive": True, "you_would_language": True},
     "thank_you": {"note_sent": True, "response_received": True, "response_hours": 2.5,
                   "references_specifics": True, "tone": "warm"}},
    {"body_language": {"engaged": False},
     "thank_you": {"note_sent": True, "response_received": True, "tone": "curt",
                   "response_hours": 1}},
    {"thank_you": {"note_sent": True, "response_received": True, "tone": "automatic"},
     "job_specifics": {"you_would_language": True, "deep_dive": False}},
    {"thank_you": {"note_sent": False}, "tour": {"introduced_to_people": True},
     "interest": {"asked_where_else_interviewing": True},
     "interview": {"interviewer_count": 3, "scheduled_minutes": 1, "actual_minutes": 1}},
    {"thank_you": {"note_sent": True, "response_received": True, "tone": "neutral"},
     "body_language": {"nods": True}},
    {"body_language": {"smiles": True, "naturally_friendly": True}},
    {"thank_you": {"note_sent": True, "response_received": True}},
    # Every answer known but the thank-you note's: nothing reaches "strong", and the tone
    # is the question that matters, asked after whether a note was sent.
    {"interview": {"scheduled_minutes": 30, "actual_minutes": 30, "interviewer_count": 2},
     "body_language": {"engaged": False, "rote_questions": True, "nods": False,
                       "smiles": False, "verbal_agreement": False,
                       "naturally_friendly": False},
     "interest": {"asked_if_interested": False, "asked_where_else_interviewing": False},
     "next_steps": {"invited_to_next_round": False},
     "tour": {"office_tour": False, "introduced_to_people": False, "people_called_in": False},
     "job_specifics": {"overview_given": True, "deep_dive": False,
                       "you_would_language": False}},
]
PANEL = Path(__file__).resolve().parents[2] / "examples" / "packs" / "panel_coach"

NOT_SHOWN_BY_THE_DEFAULT_RULEBOOK = {
    "answer.unknown",  # a recorded answer is never unknown in a rendering
    "consultation.can_change",  # every field the default rulebook asks about, a rule reads
    "consultation.from_to_under", "consultation.above_below",  # thresholds of other packs
    "what_if.kind.had",  # a different past always reaches a better verdict here
    "what_if.undecided", "what_if.none_yet",  # searches cut short: the test below
}
"""Texts the default rulebook never puts on screen (tests/texts/test_check.py words them)."""


def _english_fragments() -> set[str]:
    """The English texts' literal parts of two words or more (placeholders cut out),
    except the article's own sign titles, which the Spanish shows on purpose."""
    out: set[str] = set()
    for key, entry in base_entries(BOOK).items():
        if key.startswith("sign."):
            continue
        for template in _templates(entry.value):
            for raw in re.split(r"\{[a-z_]+\}", template):
                part = raw.strip(" .,:;()-\"'")
                if len(part.split()) >= 2 and len(part) >= 8:
                    out.add(part)
    return out


def _templates(value: TextValue) -> list[str]:
    if isinstance(value, str):
        return [value]
    return list(value.forms.values()) if isinstance(value, Plural) else []


def _renderings() -> str:
    parts: list[str] = []
    for observations in SETS:
        a = ES.assess(observations)
        assert a.language == "es"
        parts += [a.render("text", detail=True), a.render("markdown", detail=True),
                  a.to_json()]
        consultation = ES.consult(observations)
        parts.append(how_text(consultation, texts=ES.texts, detail=True))
        parts += [q.why for q in consultation.questions]
        parts += [q.question + q.label + "".join(x.text for x in q.answers)
                  for q in consultation.questions]
        if consultation.ask_first is not None:
            parts.append(consultation.ask_first.why)
        for fixed in (False, True):
            parts.append(what_if_text(ES.what_if(observations, include_fixed=fixed),
                                      texts=ES.texts, detail=True))
        parts.append(what_if_text(ES.what_if(observations, "promising"), texts=ES.texts))
    parts.append(_ask_transcript())
    for observations in SETS[-1:]:
        parts.append(what_if_text(ES.what_if(observations, "strong"), texts=ES.texts))
    return "\n".join(parts)


ANSWERS: list[object] = [
    "por qué", "cómo", "y si", "tal vez", "atrás", "s", "no", "no sé", 3, "sí", "1",
    "n", "?", "omitir", "no", "no", "salir"]
"""Commands and answers in Spanish: why, how, what-if, a reply that is no answer, back,
yes and no, "don't know", a number from the list, and quit."""


def _ask_transcript(tmp: Path | None = None, answers: list[object] | None = None) -> str:
    out = io.StringIO()
    stdin = io.StringIO(json.dumps(answers if answers is not None else ANSWERS))
    main(["ask", "--lang", "es", "--answers", "-"], stdin=stdin, stdout=out,
         stderr=io.StringIO())
    return out.getvalue()


RENDERED = _renderings()


def _panel_rendering() -> str:
    """A pack's assessment in Spanish: the frame and the default rules' texts in Spanish,
    the pack's own rule texts in its English (check-rules lists them as untranslated)."""
    with Engine.from_paths(PANEL, language="es") as panel:
        return panel.assess({"interview": {"scheduled_minutes": 30, "actual_minutes": 50,
                                           "interviewer_count": 3}}).render("text", detail=True)


PANEL_RENDERED = _panel_rendering()


def test_no_english_default_text_shows_in_any_spanish_rendering() -> None:
    found = sorted(f for f in _english_fragments() if f in RENDERED)
    assert found == []


def test_every_spanish_text_of_the_assessment_and_consultation_shows() -> None:
    """The renderings cover the translation: every rule's, verdict's and band's text, every
    label and question, and the frame's, as far as they are texts a terminal shows."""
    spanish = language_of(BOOK, "es")
    shown = (RENDERED + PANEL_RENDERED).lower()
    missing = []
    for key, entry in spanish.entries.items():
        if key.startswith(("page.", "ask.", "list.", "unit.", "field.", "search.", "notes.",
                               "coach.", "case.")) \
                or key in NOT_SHOWN_BY_THE_DEFAULT_RULEBOOK:
            continue
        for template in _templates(entry.value):
            for raw in re.split(r"\{[a-z_]+\}", template):
                part = raw.strip(" .,:;()")
                if len(part) >= 6 and part.lower() not in shown:
                    missing.append((key, part))
    assert missing == []
    for path in ("thank_you.tone", "tour.office_tour", "interview.actual_minutes"):
        assert ES.texts.label(path) in RENDERED
        assert ES.texts.question(path) in RENDERED


def test_a_packs_own_rules_keep_their_words_and_the_rest_is_spanish() -> None:
    assert ", paquete panel_coach" in PANEL_RENDERED
    assert "You met more than one interviewer" in PANEL_RENDERED
    assert "Lectura de tu entrevista:" in PANEL_RENDERED


def test_numbers_and_plurals_are_written_the_spanish_way() -> None:
    text = ES.assess(SETS[3]).render("text")
    assert "horas hasta la respuesta: 2,5 horas" in text
    assert "tiempo que duró realmente: 70 minutos" in text
    assert answer_text("interview.actual_minutes", 1, ES.texts) == "1 minuto"
    assert answer_text("thank_you.response_hours", 1, ES.texts) == "1 hora"
    assert answer_text("thank_you.response_hours", 0, ES.texts) == "0 horas"
    assert ES.texts.join(["a", "b", "c"]) == "a, b y c"
    assert ES.texts.join(["a", "b"], "or") == "a o b"


def test_ids_paths_and_numbers_are_the_same_in_both_languages() -> None:
    for observations in SETS:
        english, spanish = ENGINE.assess(observations).to_dict(), ES.assess(observations).to_dict()
        assert (english["language"], spanish["language"]) == ("en", "es")
        for data in (english, spanish):
            for key in ("language", "verdict_title", "summary"):
                del data[key]
            for s in data["signals"]:  # type: ignore[attr-defined]
                for key in ("title", "explanation"):
                    del s[key]
                del s["source"]["title"]
                for q in s["qualifiers"]:
                    del q["explanation"]
            for ad in data["advice"]:  # type: ignore[attr-defined]
                del ad["text"], ad["source"]["title"]
            for m in data["missing"]:  # type: ignore[attr-defined]
                del m["questions"]
            if data["band"] is not None:
                del data["band"]["words"]  # type: ignore[attr-defined]
        assert english == spanish


def test_an_assessment_read_back_renders_in_its_own_language() -> None:
    made = ES.assess(SETS[2])
    read = Assessment.from_dict(json.loads(made.to_json()))
    assert read.language == "es"
    assert read.render("text") == made.render("text")
    assert read.render("markdown", detail=True) == made.render("markdown", detail=True)


def test_an_assessment_without_a_language_is_english() -> None:
    data = ENGINE.assess(SETS[1]).to_dict()
    del data["language"]
    read = Assessment.from_dict(data)
    assert read.language == "en"
    assert read.render("text") == ENGINE.assess(SETS[1]).render("text")


def test_the_ask_transcript_speaks_spanish_and_takes_spanish_commands() -> None:
    text = _ask_transcript()
    assert "Tu respuesta influye en la señal" in text  # por qué
    assert "Ahora mismo la lectura es" in text  # cómo
    assert "Qué la haría" in text or "La lectura es" in text  # y si
    assert "Esa no es una de las respuestas." in text  # tal vez
    assert "No se guardó nada (usa -o ARCHIVO para conservar tus respuestas)." in text
    assert "  3) No lo sé" in text


def test_english_commands_still_work_in_spanish() -> None:
    text = _ask_transcript(answers=["why", "how", "quit"])
    assert "Tu respuesta influye en la señal" in text
    assert "Ahora mismo la lectura es" in text
    assert text.rstrip().endswith("(usa -o ARCHIVO para conservar tus respuestas).")


def test_a_number_with_a_decimal_comma_is_read() -> None:
    assert _number("2,5", "number", ES.texts) == 2.5
    assert _number("2.5", "number", ES.texts) == 2.5
    assert _number("2,5", "number", ENGINE.texts) is None  # English has no decimal comma


def test_the_shipped_spanish_leaves_nothing_untranslated() -> None:
    out = io.StringIO()
    assert main(["check-rules", "--lang", "es", "--strict-texts", "rules/lang/es.toml"],
                stdout=out) == 0, out.getvalue()
    assert "untranslated" not in out.getvalue()


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_assess_speaks_the_language_asked_for(fmt: str, tmp_path: Path) -> None:
    path = tmp_path / "obs.json"
    path.write_text(json.dumps(SETS[1]))
    out = io.StringIO()
    assert main(["assess", str(path), "--lang", "es", "--format", fmt], stdout=out) == 0
    assert ("Un recorrido personal" in out.getvalue()) is True
    assert frame_texts("es").tag == "es"


def test_a_search_cut_short_says_so_in_spanish(tmp_path: Path) -> None:
    """A pack whose exact search takes far longer than its budget: the consultation's and
    the what-if's words for what they did not finish are Spanish too."""
    from tests.consultation import generated_packs

    pack = generated_packs.many_states(tmp_path, 40)
    with Engine.from_paths(pack, include_default=False, search_seconds=0.3,
                           language="es") as engine:
        consultation = engine.consult({})
        text = how_text(consultation, texts=engine.texts) + "\n" + what_if_text(
            engine.what_if({}, seconds=0.05), texts=engine.texts)
        text += "\n".join(consultation.search.unfinished)
    assert not consultation.search.complete
    assert "Nota: la búsqueda se detuvo antes de terminar. No es exacto: la búsqueda exacta" \
        in text
    assert sorted(f for f in _english_fragments() if f in text) == []


def test_the_notes_command_frames_its_proposals_in_spanish() -> None:
    """The words around a note's proposals; the note itself is read with the rulebook's
    phrases (English by default) and the reader's reasons stay English (docs)."""
    out = io.StringIO()
    notes = Path(__file__).resolve().parents[2] / "examples" / "data" / "interview_notes.txt"
    assert main(["notes", "--lang", "es", str(notes)], stdout=out) == 0
    text = out.getvalue()
    assert "Lo que dicen tus notas (registrado)" in text
    assert "Lectura de tu entrevista:" in text
    assert "What your notes state" not in text


NOTES = Path(__file__).resolve().parents[2] / "tests" / "data" / "notes" / "notes.jsonl"


def _reason_patterns(tag: str) -> list[re.Pattern[str]]:
    """Each ``notes.reason.*`` template of a language as a pattern, its placeholders any
    text."""
    texts = frame_texts(tag)
    out = []
    for key in texts:
        if key.startswith("notes.reason."):
            parts = re.split(r"\{[a-z_]+\}", texts.get(key, ""))
            out.append(re.compile(".+".join(re.escape(p) for p in parts) + r"\Z", re.S))
    return out


@pytest.mark.parametrize("tag", ["en", "es"])
def test_every_reason_a_reading_of_notes_gives_is_a_text_of_its_language(tag: str) -> None:
    """The reasons of 90 notes (stated, hedged, negated, someone else's, a plan, corrected,
    implied, contradicting, the time between two events...), read by an engine in each
    language: each is one of that language's ``notes.reason`` texts, and a Spanish one
    holds no English text of the defaults (the note's own words aside, quoted)."""
    engine = ENGINE.in_language(tag)
    patterns = _reason_patterns(tag)
    reasons: set[str] = set()
    for line in NOTES.read_text(encoding="utf-8").splitlines():
        reading = engine.read_notes(json.loads(line)["text"])
        reasons |= {p.reason for p in (*reading.stated, *reading.unsure)}
        reasons |= {p.reason for p in reading.set_aside}
    assert len(reasons) > 20
    assert [r for r in reasons if not any(p.match(r) for p in patterns)] == []
    if tag == "es":
        unquoted = "\n".join(re.sub(r"'[^']*'|\"[^\"]*\"", "", r) for r in reasons)
        assert sorted(f for f in _english_fragments() if f in unquoted) == []


def test_ask_with_notes_confirms_them_in_spanish(tmp_path: Path) -> None:
    """``ask --notes --lang es``: what the notes state, why one is unsure, the question that
    confirms it and the rest of the conversation, all in Spanish."""
    notes = Path(__file__).resolve().parents[2] / "examples" / "data" / "interview_notes.txt"
    out = io.StringIO()
    main(["ask", "--lang", "es", "--notes", str(notes), "--answers", "-"],
         stdin=io.StringIO(json.dumps(["sí", "salir"])), stdout=out, stderr=io.StringIO())
    text = out.getvalue()
    assert "De tus notas (registrado):" in text
    assert "Tus notas dicen \"smiled\" (matizado con 'i think')." in text
    assert "lo dicen tus notas" not in text  # a stated field is listed, not explained
    unquoted = re.sub(r"'[^']*'|\"[^\"]*\"", "", text)
    assert sorted(f for f in _english_fragments() if f in unquoted) == []


def test_bands_read_in_spanish_at_every_confidence() -> None:
    """Every band of verdicts.toml, reached by its own observations, reads in Spanish."""
    seen = {}
    for observations in SETS:
        a = ES.assess(observations)
        seen[a.band.id if a.band else None] = a.render("text")
    bands = {b.id for b in BOOK.bands}
    assert bands <= set(seen)
    for band in bands:
        words = ES.texts(f"band.{band}.words")
        assert words in seen[band]
        assert base_entries(BOOK)[f"band.{band}.words"].value != words


_FAILING_CASES = '''
[[case]]
id = "wrong_on_purpose"
observations.body_language.nods = true
observations.interview = { scheduled_minutes = 30 }
expect.verdict = "strong"
expect.confidence = { min = 0.5 }
expect.signals = ["personal_tour"]
expect.absent_signals = ["positive_body_language"]
why = "x"

[[case]]
id = "nothing_fires"
observations.tour.office_tour = false
expect.signals = ["personal_tour", "positive_body_language"]
why = "y"
'''


def _coach_english(text: str) -> list[str]:
    """English texts of the defaults in a coach's report (the default cases' ``why``
    included), the article's words aside: the title and sentence each case cites."""
    kept = [line for line in text.splitlines() if not line.lstrip().startswith("señal ")]
    kept = [re.sub(r'"title": "[^"]*"|"quote": "[^"]*"', "", line) for line in kept]
    shown = "\n".join(kept)
    return sorted(f for f in _english_fragments() if f in shown)


def test_test_rules_reports_in_spanish(tmp_path: Path) -> None:
    """A failing case's differences, the HOW of each (a rule that fired on which answers,
    one that did not and why), the summary and the coverage, in Spanish; JSON too."""
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "cases.toml").write_text(_FAILING_CASES, encoding="utf-8")
    text = io.StringIO()
    assert main(["test-rules", "--lang", "es", "--coverage", "-v", str(pack)],
                stdout=text) == 1
    out = text.getvalue()
    assert "FALLA  wrong_on_purpose" in out
    assert "veredicto: se esperaba strong, salió" in out
    assert "no se activó" in out
    assert "se activó con" in out
    assert "casos:" in out
    assert "por qué: Un solo gesto, como asentir, es una pista a tu favor" in out
    assert "por qué: x" in out  # a pack's own case, as written
    assert "cobertura:" in out
    assert _coach_english(out) == []
    as_json = io.StringIO()
    main(["test-rules", "--lang", "es", "--format", "json", str(pack)], stdout=as_json)
    assert _coach_english(as_json.getvalue()) == []
    assert "se esperaba" in as_json.getvalue()


def test_diff_rules_reports_in_spanish_from_its_workers_too(tmp_path: Path) -> None:
    """The counts, the verdict changes, what made the difference and the largest moves of
    ``diff-rules --lang es``, computed by two workers: Spanish, English nowhere."""
    examples = Path(__file__).resolve().parents[2] / "examples"
    out = io.StringIO()
    assert main(["diff-rules", "--lang", "es", "--workers", "2", "--new",
                 str(examples / "packs" / "panel_coach"),
                 str(examples / "data" / "interviews.jsonl")],
                stdout=out, stderr=io.StringIO()) == 0
    text = out.getvalue()
    assert "evaluadas con ambos reglamentos" in text
    assert "Lo que marcó la diferencia" in text
    assert "se activó solo con el reglamento nuevo" in text
    # The skipped lines' errors are the library's validation messages, English by design
    # (docs/translations.md): everything before them is the report.
    report, _, errors = text.partition("Líneas omitidas")
    assert errors
    assert _coach_english(report) == []


def test_coach_tools_refuse_an_unknown_language() -> None:
    err = io.StringIO()
    assert main(["test-rules", "--lang", "xx"], stdout=io.StringIO(), stderr=err) == 2
    assert '--lang: expected one of en, es, got "xx"' in err.getvalue()
