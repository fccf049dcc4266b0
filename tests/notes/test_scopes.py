"""The scope mechanisms of the reader that make it generalise: a negation past its words of
scope leaves a field unsure, a comma ends a short negation unless a list closes with "or", a
new subject after a comma starts a clause, another person's story runs on past "because",
words quoted inside a question are asked, word classes and inflections, and idioms that hide
a field's words ("nodded off")."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interview_signals import Engine, NotesReading
from interview_signals._notes.lexicon import forms, resolve_word
from interview_signals._rulebook import Inflection, NotesBook, Word
from tests.profiles import examples


def _read(text: str) -> NotesReading:
    return Engine.default().read_notes(text)


def proposals(text: str) -> set[tuple[str, object, str]]:
    return {(p.path, p.value, p.certainty) for p in _read(text).proposals}


def stated(text: str) -> dict[str, object]:
    return {p.path: p.value for p in _read(text).stated}


def asked(text: str, path: str) -> bool:
    """Whether ``path`` is proposed only to confirm: unsure, never stated."""
    reading = _read(text)
    return all(p.path != path for p in reading.stated) and \
        any(p.path == path and p.certainty == "unsure" for p in reading.proposals)


class TestFarNegation:
    def test_a_negation_past_its_scope_in_the_same_clause_leaves_it_unsure(self) -> None:
        text = "He never really got into what my own week in the team would look like day to day."
        assert "job_specifics.deep_dive" not in stated(text)
        assert ("job_specifics.deep_dive", True, "unsure") in proposals(text)

    def test_and_starts_another_predicate(self) -> None:
        assert stated("He never once looked at my CV and kept checking the clock.")[
            "body_language.engaged"] is False

    def test_a_comma_and_a_new_subject_start_another_clause(self) -> None:
        assert stated("She didn't read off a list at all, she was curious about my answers.")[
            "body_language.engaged"] is True


class TestComma:
    def test_a_short_negation_ends_at_a_comma(self) -> None:
        text = "nothing scripted about it, total back and forth"
        assert stated(text).get("body_language.rote_questions") is False
        assert stated(text).get("body_language.engaged") is not False

    def test_but_reaches_on_through_a_list_closed_by_or(self) -> None:
        assert stated("She didn't smile, nod or react at all.").items() >= {
            ("body_language.smiles", False), ("body_language.nods", False)}


class TestOtherPerson:
    def test_anothers_story_runs_on_past_because(self) -> None:
        text = ("My friend says that's a good sign because when she interviewed there they "
                "read from a sheet.")
        assert "body_language.rote_questions" not in stated(text)

    def test_but_ends_anothers_story(self) -> None:
        assert stated("My friend got a grilling, but they showed me round the office.")[
            "tour.office_tour"] is True


class TestQuestions:
    def test_words_quoted_inside_a_question_are_asked(self) -> None:
        text = "Coach: Any 'great' or 'that makes sense', that kind of thing?"
        assert "body_language.verbal_agreement" not in stated(text)

    def test_a_quoted_question_is_someone_elses_words(self) -> None:
        assert stated("She asked 'are you still interested in the role?' at the end.").get(
            "interest.asked_if_interested") is True


class TestIdioms:
    def test_nodding_off_is_no_nod(self) -> None:
        assert "body_language.nods" not in stated("nearly nodded off on the bus home")

    def test_a_nod_is_still_a_nod(self) -> None:
        assert stated("she nodded a lot")["body_language.nods"] is True


class TestLexicon:
    def test_regular_forms_follow_the_spelling_rules(self) -> None:
        inflection = Inflection(endings=("s", "ed", "ing"), irregular={"take": ("took",)})
        assert {"nods", "nodded", "nodding"} <= set(forms("nod", inflection))
        assert {"smiling", "smiled"} <= set(forms("smile", inflection))
        assert "took" in forms("take", inflection)

    def test_a_word_class_resolves_to_its_entries(self) -> None:
        book = NotesBook(words={"place": ("office", "shop floor")})
        word = Word(alternatives=("@place",), prefixes=(False,))
        assert set(resolve_word(word, book).alternatives) == {"office", "shop floor"}


# Sentences whose clause holds a negation cue before a positive phrase of the field.
NEGATED = ["didn't", "never", "did not", "wasn't", "nobody"]
FILLERS = ["really", "ever", "at any point", "at all", "in the whole hour of it", "even",
           "properly", "as such"]
POSITIVE = [("showed me round the office", "tour.office_tour"),
            ("smiled", "body_language.smiles"), ("nodded", "body_language.nods"),
            ("asked where else I was interviewing", "interest.asked_where_else_interviewing")]


@settings(max_examples=examples(150), deadline=None)
@given(st.sampled_from(NEGATED), st.lists(st.sampled_from(FILLERS), max_size=4),
       st.sampled_from(POSITIVE))
def test_a_negated_statement_is_never_stated_true(negation: str, fillers: list[str],
                                                  positive: tuple[str, str]) -> None:
    words, path = positive
    text = f"She {negation} {' '.join(fillers)} {words}."
    assert stated(text).get(path) is not True


OTHERS = ["My friend", "My sister", "The other candidate", "Another applicant", "A mate of mine"]
LINKS = ["", " because", " which was odd, and", " so apparently"]


@settings(max_examples=examples(150), deadline=None)
@given(st.sampled_from(OTHERS), st.sampled_from(LINKS), st.sampled_from(POSITIVE))
def test_a_clause_about_another_person_never_yields_a_stated_value(
        other: str, link: str, positive: tuple[str, str]) -> None:
    words, path = positive
    text = f"{other} said it went well{link} they {words}."
    assert path not in stated(text)


class TestInterviewerCount:
    @pytest.mark.parametrize(("text", "count"), [
        ("it was two of them on camera", 2),
        ("Was three peoples, the boss and two others.", 3),
        ("- video call, 2 engineers, 60 min booked", 2),
        ("He did the interview on his own.", 1),
    ])
    def test_a_family_of_words_gives_the_count(self, text: str, count: int) -> None:
        assert stated(text)["interview.interviewer_count"] == count

    @pytest.mark.parametrize(("text", "count"), [
        ("The head and the business manager saw me together.", 2),
        ("Panel was the engineering manager, a senior engineer and someone from HR.", 3),
        ("Interview with the founder and the head of sales at a co-working space.", 2),
        ("Interview with the store manager + a district manager.", 2),
        ("Had a video call with the CTO, two of the engineers and a recruiter.", 4),
    ])
    def test_a_list_of_the_people_who_interviewed_is_counted(self, text: str,
                                                               count: int) -> None:
        assert stated(text)["interview.interviewer_count"] == count

    @pytest.mark.parametrize("text", [
        "Interview with the manager and the team was fine.",
        "Interview with the manager went well.",
        "My friend was interviewed by the CEO and the CTO.",
        "Next round will be with the MD and the FD.",
    ])
    def test_a_list_of_one_or_of_no_people_or_not_the_writers_counts_nobody(
            self, text: str) -> None:
        assert "interview.interviewer_count" not in stated(text)

    def test_one_of_them_counts_nobody(self) -> None:
        assert stated("The panel (four of them) sat still. One of them nodded once.")[
            "interview.interviewer_count"] == 4

    def test_voice_note_lengths(self) -> None:
        assert stated("phone interview 10 mins. she read off a script")[
            "interview.actual_minutes"] == 10


class TestMore:
    def test_a_relative_clause_does_not_end_a_negation_read_past_its_scope(self) -> None:
        text = "nothing about what my week would look like or who I'd be managing day to day"
        assert "job_specifics.deep_dive" not in stated(text)

    def test_a_number_in_the_sentence_outweighs_a_relation(self) -> None:
        assert stated("Booked for 45, she ended it at 30 on the dot.")[
            "interview.actual_minutes"] == 30

    def test_not_that_sets_up_a_denial_and_is_left_to_ask(self) -> None:
        assert "body_language.smiles" not in stated(
            "It's not that she didn't smile, she did.")

    def test_a_question_about_the_role_is_no_overview(self) -> None:
        assert "job_specifics.overview_given" not in stated(
            "She asked how I felt about the role now.")

    def test_going_over_the_role_is_the_overview(self) -> None:
        assert stated("She didn't go over the role at all.")[
            "job_specifics.overview_given"] is False


class TestFamilies:
    @pytest.mark.parametrize(("text", "path", "value"), [
        ("she kept asking me to go on and scribbling notes down", "body_language.engaged", True),
        ("lots of 'yes, absolutely' from him", "body_language.verbal_agreement", True),
        ("she messaged their head of sales to come down", "tour.people_called_in", True),
        ("then he came up for a quick hello", "tour.people_called_in", True),
    ])
    def test_a_family_member_reads_as_the_field(self, text: str, path: str,
                                               value: object) -> None:
        assert stated(text)[path] == value

    def test_quoted_words_in_a_long_negated_list_are_never_stated_true(self) -> None:
        text = "Didn't get a single 'good' or 'right' or 'mm-hm' out of him."
        assert stated(text).get("body_language.verbal_agreement") is not True


class TestCorrections:
    def test_a_correction_takes_the_next_number_for_the_field_before(self) -> None:
        assert stated("They'd booked me in for an hour, no wait, it was 45 minutes.")[
            "interview.scheduled_minutes"] == 45

    def test_a_number_another_field_claims_is_a_contrast(self) -> None:
        got = stated("Say 30 min but actually 1 hour.")
        assert got.get("interview.scheduled_minutes") == 30
        assert got.get("interview.actual_minutes") == 60

    def test_no_correction_across_another_number(self) -> None:
        got = stated("meant to be half an hour but we were in there an hour and a quarter "
                     "easy no actually exactly an hour and a quarter")
        assert got.get("interview.scheduled_minutes") == 30

    def test_a_count_at_the_start_is_left_to_ask(self) -> None:
        text = "Started with three interviewers but one left after ten minutes."
        assert "interview.interviewer_count" not in stated(text)


class TestWhoAsks:
    def test_the_writer_asking_is_no_sign(self) -> None:
        text = "I asked her where else they were hiring this year and she laughed."
        got = _read(text)
        assert "interest.asked_where_else_interviewing" not in {p.path for p in got.stated}
        assert any(s.path == "interest.asked_where_else_interviewing" and "writer" in s.reason
                   for s in got.set_aside)

    def test_the_interviewer_asking_is(self) -> None:
        assert stated("She asked me where else I was interviewing.")[
            "interest.asked_where_else_interviewing"] is True

    def test_an_answer_settles_a_question(self) -> None:
        text = "Mentor: did you send the thank-you?\nMe: Yep. And he replied immediately!"
        got = stated(text)
        assert got["thank_you.note_sent"] is True
        assert got["thank_you.response_received"] is True

    def test_an_unanswered_question_stays_unsure(self) -> None:
        assert ("thank_you.note_sent", True, "unsure") in proposals(
            "Did you send the thank-you note?")

    def test_a_refusal_to_send_one_is_no_note(self) -> None:
        assert stated("Not bothering with a thank you this time, they don't read them.")[
            "thank_you.note_sent"] is False
        assert "thank_you.note_sent" not in stated("Not sending one yet, the coach says wait.")


WRITER_ASKS = ["I asked her", "I asked them", "I then asked", "I also asked him"]
QUESTIONS = [("where else they were hiring", "interest.asked_where_else_interviewing"),
             ("if they were interested in my portfolio", "interest.asked_if_interested")]


@settings(max_examples=examples(60), deadline=None)
@given(st.sampled_from(WRITER_ASKS), st.sampled_from(QUESTIONS))
def test_what_the_writer_asks_is_never_stated_as_the_interviewers(
        asks: str, question: tuple[str, str]) -> None:
    words, path = question
    assert stated(f"{asks} {words}.").get(path) is not True


class TestContrast:
    def test_rather_than_negates_what_it_sets_against(self) -> None:
        text = "Her reply was clearly typed by her rather than a template."
        assert stated(text).get("thank_you.tone") != "automatic"

    def test_not_x_just_y_keeps_y(self) -> None:
        got = proposals("Her reply to my thank-you was not cold, just businesslike.")
        assert ("thank_you.tone", "neutral", "stated") in got

    def test_a_one_word_reply_has_no_specifics(self) -> None:
        assert stated("She replied to my thank-you: 'Thanks.' One word.")[
            "thank_you.references_specifics"] is False


class TestPanel:
    def test_a_cue_one_of_several_shows_counts(self) -> None:
        text = ("Panel of two. Mrs Harlow didn't crack a smile all morning, but Mr Singh was "
                "smiley.")
        assert stated(text)["body_language.smiles"] is True

    def test_a_false_for_the_whole_panel_still_clashes(self) -> None:
        text = "Panel of two. None of them smiled. Mr Singh smiled at the end."
        assert "body_language.smiles" not in stated(text)

    def test_with_one_interviewer_a_clash_stays_unsure(self) -> None:
        text = "Just the one interviewer. She didn't smile. She smiled at the end."
        assert "body_language.smiles" not in stated(text)


def test_a_longer_cue_for_some_fields_hides_no_shorter_cue_for_others() -> None:
    # "if she" (the interviewer asking someone else about interest) must not hide the
    # plan in "if": the round is no more than hoped for.
    text = "If she invites me to a second round I'll be thrilled."
    assert "next_steps.invited_to_next_round" not in stated(text)


class TestIdiomsAndReports:
    def test_asked_straight_out_is_no_tour(self) -> None:
        assert "tour.office_tour" not in stated("She asked me straight out if I wanted it.")

    def test_a_report_of_usual_sternness_is_not_naturally_friendly(self) -> None:
        assert stated("Apparently not, my friend says he's normally the stern one with "
                      "visitors.").get("body_language.naturally_friendly") is not True
        assert stated("He's usually frosty with candidates.")[
            "body_language.naturally_friendly"] is False

    def test_the_interviewers_own_conditional_is_you_would_language(self) -> None:
        assert stated("She said 'if you were to join us, you'd be leading the rollout'.")[
            "job_specifics.you_would_language"] is True


class TestPhaseTwo:
    def test_a_no_said_of_one_of_several_is_left_to_ask(self) -> None:
        text = "It was two persons. The team lead did not smile one time."
        assert ("body_language.smiles", False, "unsure") in proposals(text)

    def test_a_no_for_the_whole_panel_stands(self) -> None:
        assert stated("Panel of three. None of them smiled.")["body_language.smiles"] is False

    def test_one_number_goes_to_the_phrase_without_a_comma(self) -> None:
        got = stated("The interview took 50 minutes, planned were 60.")
        assert got == {"interview.actual_minutes": 50, "interview.scheduled_minutes": 60}

    def test_the_minutes_of_a_clock_time_are_no_length(self) -> None:
        got = stated("Booked 2:00-2:30, started on time. Actually finished at 3:10.")
        assert got.get("interview.scheduled_minutes") == 30
        assert got.get("interview.actual_minutes") in (None, 70)

    def test_the_receptionist_is_no_interviewer(self) -> None:
        assert stated("Neither of them smiled once. The only person who smiled all day was "
                      "the receptionist.")["body_language.smiles"] is False

    def test_the_writers_own_manner_is_no_sign(self) -> None:
        assert "body_language.engaged" not in stated(
            "We wrapped at two hours, I'd been watching the clock on the wall.")

    def test_getting_there_early_is_no_length(self) -> None:
        assert "interview.actual_minutes" not in stated(
            "Got there 15 minutes early and sat in reception. It was slated for 90 minutes.")

    def test_a_rumour_is_someone_elses(self) -> None:
        assert "tour.office_tour" not in stated(
            "Someone on Glassdoor said they always give a tour to candidates.")

    def test_you_would_be_happy_asks_a_preference(self) -> None:
        assert "job_specifics.you_would_language" not in stated(
            "He said 'and you'd be happy relocating to Bristol?'")


class TestOthersAndPlans:
    """Another person named by relation (with an adjective before it), what someone else
    will do, and a reply that is only a coming back."""

    @pytest.mark.parametrize("text", [
        "My old teammate interviewed there and they offered her a second round on the spot.",
        "My former boss had the same panel, and they gave him a tour of the whole office.",
        "My manager interviewed with them years back; they showed him round the labs.",
    ])
    def test_a_relation_after_my_is_someone_else(self, text: str) -> None:
        got = stated(text)
        assert "next_steps.invited_to_next_round" not in got
        assert "tour.office_tour" not in got

    @pytest.mark.parametrize("text", [
        "I bet they'll invite me to the second round any minute now.",
        "She'll probably give me a tour next time.",
    ])
    def test_what_someone_will_do_is_not_done(self, text: str) -> None:
        got = stated(text)
        assert "next_steps.invited_to_next_round" not in got
        assert "tour.office_tour" not in got

    def test_coming_back_for_a_second_stage_is_no_reply(self) -> None:
        got = stated("She said that if I came back for the second stage I'd meet the team.")
        assert not any(p.startswith("thank_you.") for p in got)

    def test_their_quoted_promise_of_a_round_still_counts(self) -> None:
        assert stated("They said 'we'll book you in for the next round' before I left.").get(
            "next_steps.invited_to_next_round") is True


class TestSpansAndPlans:
    @pytest.mark.parametrize(("text", "path", "value"), [
        ("Supposed to be 15-20 min and it went 40.", "interview.scheduled_minutes", 20),
        ("It lasted 2 to 3 hours.", "interview.actual_minutes", 180),
        ("Interviewed by three or four people.", "interview.interviewer_count", 4),
    ])
    def test_a_span_of_numbers_is_its_larger_end_to_confirm(self, text: str, path: str,
                                                            value: int) -> None:
        assert (path, value, "unsure") in proposals(text)

    def test_a_time_range_is_still_a_length(self) -> None:
        assert stated("Booked 11 till 12, lasted the full hour.")[
            "interview.scheduled_minutes"] == 60

    @pytest.mark.parametrize(("text", "path"), [
        ("Thinking of sending a thank you but idk if that's weird.", "thank_you.note_sent"),
        ("Agency guy says some ppl send a thank you email after.", "thank_you.note_sent"),
        ("Guy before me came out saying they'd booked him in for round two.",
         "next_steps.invited_to_next_round"),
        ("I was booked in for forty five minutes.", "next_steps.scheduled_on_the_spot"),
    ])
    def test_a_plan_a_habit_or_another_candidate_states_nothing(self, text: str,
                                                                path: str) -> None:
        assert path not in stated(text)

    def test_a_length_after_another_length_is_not_the_end(self) -> None:
        found = stated("Care agency, booked for an hour and done in 25.")
        assert found["interview.scheduled_minutes"] == 60
        assert found.get("interview.actual_minutes") != 60


class TestRoundSeven:
    @pytest.mark.parametrize(("text", "path"), [
        ("They did show me round the surgeries before I left.",
         "next_steps.scheduled_on_the_spot"),
        ("He mentioned interns usually get shown round the yard in their first week.",
         "tour.office_tour"),
        ("Advice for the next one: say yes to a tour. And send the thank-you within a day.",
         "thank_you.note_sent"),
        ("11:00-11:45 slot, started on time; finished late.", "interview.actual_minutes"),
        ("He walked me through the role in broad strokes.", "job_specifics.deep_dive"),
    ])
    def test_what_did_not_happen_as_written_is_not_stated(self, text: str, path: str) -> None:
        assert path not in stated(text)

    def test_a_round_booked_before_leaving_is_booked_on_the_spot(self) -> None:
        text = "She asked me back and we pencilled in the 14th before I left the building."
        assert stated(text)["next_steps.scheduled_on_the_spot"] is True

    def test_written_but_not_sent_is_not_sent(self) -> None:
        assert stated("I have written my thank-you note but not sent it yet.")[
            "thank_you.note_sent"] is False

    def test_an_approximation_quoted_with_its_number_bears_on_it(self) -> None:
        text = "The invite said 'approximately one hour'."
        assert ("interview.scheduled_minutes", 60, "unsure") in proposals(text)

    def test_a_bare_number_under_five_is_no_length(self) -> None:
        assert stated("Interview was 1-on-1, booked 45, ran 45.")[
            "interview.scheduled_minutes"] == 45


# Wordings of the labelled sets read while tuning (docs/notes.md), each read as written.
@pytest.mark.parametrize(("text", "path", "value"), [
        ("It went on for an hour ten, which is long for them.", "interview.actual_minutes", 70),
        ("I was booked in for forty five.", "interview.scheduled_minutes", 45),
        ("Just me n the deputy manager.", "interview.interviewer_count", 1),
        ("Only the one of them, the gaffer.", "interview.interviewer_count", 1),
        ("VP Sales, solo.", "interview.interviewer_count", 1),
        ("We were in there 45 lol.", "interview.actual_minutes", 45),
        ("He asked if I had anything else lined up.",
         "interest.asked_where_else_interviewing", True),
        ("He rang the kitchen and got the sous chef to pop in and say hi.",
         "tour.people_called_in", True),
        ("Then he went right into what a week looks like.", "job_specifics.deep_dive", True),
        ("Not so much as a nod from either of them.", "body_language.nods", False),
        ("I put it in my calendar before I'd left the room.",
         "next_steps.scheduled_on_the_spot", True),
        ("Then she got her diary out and we fixed a second interview for the 14th.",
         "next_steps.scheduled_on_the_spot", True),
        ("Afterwards they took me onto the unit.", "tour.office_tour", True),
        ("Reply landed exactly 48 hours after I'd sent my thank-you.",
         "thank_you.response_hours", 48),
        ("The COO was called in at the end just to shake my hand.", "tour.people_called_in",
         True),
        ("Three-quarters of an hour with four of them.", "interview.interviewer_count", 4),
        ("Almost an hour and a half with the consultant and the ward manager.",
         "interview.interviewer_count", 2),
        ("One to one with the chief pharmacist.", "interview.interviewer_count", 1),
        ("Reply at 11am: 'Received.' One word.", "thank_you.tone", "curt"),
        ("They'd said to allow an hour.", "interview.scheduled_minutes", 60),
        ("Booked for 45, finished bang on 45.", "interview.actual_minutes", 45),
        ("Twenty minute interview, felt rushed.", "interview.actual_minutes", 20),
        ("We finished after an hour and ten.", "interview.actual_minutes", 70),
        ("He explain me how is the normal day there.", "job_specifics.deep_dive", True),
        ("The older one take me to see the warehouse floor.", "tour.office_tour", True),
        ("He call two forklift drivers to come say hello to me.", "tour.people_called_in",
         True),
        ("They ask me do I still want this work.", "interest.asked_if_interested", True),
        ("She also ask which other hospitals I have applied to.",
         "interest.asked_where_else_interviewing", True),
        ("We fix the date before I leave, next Monday at 8.",
         "next_steps.scheduled_on_the_spot", True),
        ("The panel was composed from the chief pharmacist and two senior pharmacists.",
         "interview.interviewer_count", 3),
        ("The appointment was for one hour, and it has taken one hour and a half.",
         "interview.actual_minutes", 90),
        ("In and out in 25 minutes, one interviewer.", "interview.actual_minutes", 25),
        ("Interview today was one hour, from 2 until 3.", "interview.actual_minutes", 60),
        ("The interview in the hotel was only with one man, the assistant manager.",
         "interview.interviewer_count", 1),
        ("I was in there forty minutes with the head chef and the F&B manager.",
         "interview.interviewer_count", 2),
        ("Neither of them cracked a smile once.", "interview.interviewer_count", 2),
        ("Both of them kept nodding.", "interview.interviewer_count", 2),
        ("Number of interviewers: 1", "interview.interviewer_count", 1),
        ("Interviewers: head, deputy head, one governor", "interview.interviewer_count", 3),
        ("Uni tutor role - 3 on panel, 30 mins, no follow-up questions.",
         "interview.interviewer_count", 3),
        ("Interview was conducted by 2 members, one technical and one HR.",
         "interview.interviewer_count", 2),
        ("It was about half an hour with two people and it felt fine.",
         "interview.interviewer_count", 2),
        ("Apprentice interview: 20 mins, one bloke, no look round.",
         "interview.interviewer_count", 1),
        ("Forty minutes, just the ops manager.", "interview.interviewer_count", 1),
        ("30 minutes, just him, no tour.", "interview.interviewer_count", 1),
        ("Daniel was the only one actually interviewing me.",
         "interview.interviewer_count", 1),
        ("Linda went right through a typical Saturday: the 7am calls, the lunchtime run.",
         "job_specifics.deep_dive", True),
        ("Spent a good twenty minutes on exactly what my days would look like.",
         "job_specifics.deep_dive", True),
        ("We did go through the role in a lot of depth though.", "job_specifics.deep_dive",
         True),
        ("Then she got really granular about which plates get streaked on a Monday.",
         "job_specifics.deep_dive", True),
        ("Sam went through a typical shift hour by hour.", "job_specifics.deep_dive", True),
        ("She went through the actual rhythm of the week.", "job_specifics.deep_dive", True),
        ("Weirdly, nobody explained the role at all.", "job_specifics.deep_dive", False),
        ("Not even an explanation of the role.", "job_specifics.deep_dive", False),
        ("He never got into what I'd be doing.", "job_specifics.deep_dive", False),
        ("Then he took me through the assembly hall and test bay.", "tour.office_tour", True),
        ("Then she took me behind the desk and showed me the back office and the staff room.",
         "tour.office_tour", True),
        ("Station manager walked me through the ramp office and baggage hall afterwards.",
         "tour.office_tour", True),
        ("Chair did the building tour.", "tour.office_tour", True),
        ("20 mins, one bloke, no look round, said he'd ring me.", "tour.office_tour", False),
        ("Nobody offers to show you round.", "tour.office_tour", False),
        ("They did ask me straight out if I'm still keen on the role, and whether I'm "
         "interviewing anywhere else.", "interest.asked_where_else_interviewing", True),
        ("One asked about my notice period and whether I was talking to any other firms.",
         "interest.asked_where_else_interviewing", True),
        ("She asked if I was seeing any other schools.",
         "interest.asked_where_else_interviewing", True),
        ("Asked if I've got other apprenticeships lined up, said one at the council.",
         "interest.asked_where_else_interviewing", True),
        ("No questions about other practices I'm applying to.",
         "interest.asked_where_else_interviewing", False),
        ("no mention of other applications.", "interest.asked_where_else_interviewing", False),
        ("They asked me directly whether I would take up the position if it is offered.",
         "interest.asked_if_interested", True),
        ("The senior nurse asked me straight out whether I'd actually accept if they offered.",
         "interest.asked_if_interested", True),
        ("She did ask whether the role was still something I wanted.",
         "interest.asked_if_interested", True),
        ("Asked did I want it.", "interest.asked_if_interested", True),
        ("He asked if I'd be up for it and when could I start.",
         "interest.asked_if_interested", True),
        ("Not a single question about whether I wanted the position.",
         "interest.asked_if_interested", False),
        ("We were done in 20 minutes and I went straight out to the car park.",
         "tour.office_tour", False),
        ("Just the hiring manager in the room, but she rang down for two of the analysts to "
         "come up and say hi.", "tour.people_called_in", True),
        ("The site manager showed me round the whole warehouse and shouted the night shift "
         "lead over to say hello.", "tour.people_called_in", True),
        ("Postdoc fetched two PhD students to come say hi.", "tour.people_called_in", True),
        ("Took me round the new build and I met the other two sparks.",
         "tour.introduced_to_people", True),
        ("They have called me for the second round on Monday.",
         "next_steps.invited_to_next_round", True),
        ("They did say they're putting me through to the technical round tho.",
         "next_steps.invited_to_next_round", True),
        ("They emailed two days later asking me back for a second round.",
         "next_steps.invited_to_next_round", True),
        ("At the end the ops director was like, can you come back Thursday at two to meet "
         "the MD, and I said yes.", "next_steps.invited_to_next_round", True),
        ("Nobody mentioned a second stage.", "next_steps.invited_to_next_round", False),
        ("Anyway no word on a next round, they'll decide by the 20th.",
         "next_steps.invited_to_next_round", False),
        ("Next round: not mentioned.", "next_steps.invited_to_next_round", False),
        ("One guy read his questions off a clipboard.", "body_language.rote_questions", True),
        ("both reading qs off a printed sheet start to finish.",
         "body_language.rote_questions", True),
        ("Every one of them stuck to the printed questions.",
         "body_language.rote_questions", True),
        ("She gave me the general picture of the logistics coordinator role.",
         "job_specifics.overview_given", True),
        ("The EM opened with the standard intro: team, product, on-call expectations.",
         "job_specifics.overview_given", True),
        ("read the job ad back to me and that was it", "job_specifics.overview_given", True),
        ("They didn't explain the job beyond what was in the pack.",
         "job_specifics.overview_given", False),
])
def test_more_wordings_are_read(text: str, path: str, value: object) -> None:
    assert stated(text)[path] == value


class TestRoundSevenRecall:
    def test_and_then_some_is_more_than_said(self) -> None:
        assert ("interview.actual_minutes", 60, "unsure") in proposals(
            "It lasted an hour and then some.")


class TestRoundEight:
    @pytest.mark.parametrize(("text", "path"), [
        ("Read an article about good signs: getting shown round, a reply to your thank-you.",
         "tour.office_tour"),
        ("Mock interview with my mentor tonight. She asked whether I really wanted the job.",
         "interest.asked_if_interested"),
        ('The job ad is full of "you will lead" and "you\'d own the budget".',
         "job_specifics.you_would_language"),
        ("The recruiter claims he answers thank-you notes within the hour.",
         "thank_you.response_received"),
        ("She seemed miles away, one-word follow-ups.", "body_language.engaged"),
        ("Booked 10 till 11 and we finished at 11 sharp.", "interview.actual_minutes"),
    ])
    def test_what_did_not_happen_to_the_writer_is_not_stated(self, text: str,
                                                             path: str) -> None:
        found = stated(text)
        assert path not in found or (path == "interview.actual_minutes" and found[path] == 60)

    def test_a_plan_before_a_colon_reaches_past_it(self) -> None:
        assert "tour.office_tour" not in stated("My friend's interview: they showed her round.")

    def test_just_the_consultant_is_one(self) -> None:
        assert stated("Just the consultant. No nods, no mm-hmms, nothing.")[
            "interview.interviewer_count"] == 1


class TestAgreementAndManner:
    @pytest.mark.parametrize("text", [
        'The partner nodded along and said "exactly" a couple of times.',
        "She agreed out loud with nearly everything I said.",
        "She said 'that's exactly the approach we want'.",
    ])
    def test_agreement_said_out_loud_is_read(self, text: str) -> None:
        assert stated(text)["body_language.verbal_agreement"] is True

    @pytest.mark.parametrize("text", [
        "He asked if I was still keen and I said absolutely.",
        "She said exactly what the recruiter had said.",
    ])
    def test_the_writers_own_words_and_said_exactly_what_are_no_agreement(
            self, text: str) -> None:
        assert "body_language.verbal_agreement" not in stated(text)

    def test_dont_read_too_much_into_it_negates_nothing(self) -> None:
        text = "Don't read too much into the smiling, she's like that with literally everyone."
        assert stated(text)["body_language.naturally_friendly"] is True

    def test_like_that_with_others_too_is_her_manner(self) -> None:
        assert stated("She kept saying 'love that', but she talks like that to the "
                      "delivery drivers too.")["body_language.naturally_friendly"] is True


class TestInterestAsked:
    @pytest.mark.parametrize("text", [
        "He asked if you actually wanted the job. You said yes.",
        "She asked if I'd be ok with early starts and like if I really wanted the job.",
        "Right at the end she goes, would you actually take it if we offered.",
        "He goes 'are you actually keen on this role or is it a backup?'",
    ])
    def test_more_ways_of_asking_are_read(self, text: str) -> None:
        assert stated(text)["interest.asked_if_interested"] is True

    def test_what_they_always_ask_is_a_habit(self) -> None:
        assert "interest.asked_if_interested" not in stated(
            "Sam says they always ask if you're interested, it's their thing.")


class TestPanelLists:
    @pytest.mark.parametrize(("text", "count"), [
        ("Who: chief pharmacist + a ward pharmacist", 2),
        ("It was just the PI and the lab manager.", 2),
        ("The GM and the rooms division manager were there, so two people.", 2),
        ("The manager was the only one there.", 1),
        ("PEOPLE: the editor, nobody else", 1),
        ("It was two persons, the team lead and one lady from HR.", 2),
    ])
    def test_the_panel_is_counted(self, text: str, count: int) -> None:
        assert stated(text)["interview.interviewer_count"] == count


class TestLengthsStandingAlone:
    def test_a_length_that_is_its_own_clause_is_proposed_to_confirm(self) -> None:
        found = proposals("Long day, 35 min, no smiles whatsoever.")
        assert ("interview.actual_minutes", 35, "unsure") in found

    def test_beside_the_one_interviewer_it_is_stated(self) -> None:
        found = proposals("Manager on her own, 35 min, no smiles whatsoever.")
        assert ("interview.actual_minutes", 35, "stated") in found

    @pytest.mark.parametrize("text", [
        "Sat in reception for twenty minutes, then it was fine.",
        "2 interviewers, 25.",
    ])
    def test_a_length_inside_a_clause_or_a_bare_number_is_not(self, text: str) -> None:
        assert "interview.actual_minutes" not in {p[0] for p in proposals(text)}

    def test_a_phrase_that_names_the_length_wins_the_number(self) -> None:
        found = stated("Zoom with the hiring manager. 45 min, on schedule.")
        assert found["interview.scheduled_minutes"] == 45
        assert found["interview.actual_minutes"] == 45


class TestFillers:
    @pytest.mark.parametrize(("text", "path", "value"), [
        ("Booked for, erm, forty minutes.", "interview.scheduled_minutes", 40),
        ("So, um, the panel was, erm, three people.", "interview.interviewer_count", 3),
    ])
    def test_a_filler_word_is_read_as_a_pause(self, text: str, path: str,
                                              value: object) -> None:
        assert stated(text)[path] == value

    def test_the_evidence_keeps_the_words_as_written(self) -> None:
        (found,) = _read("Booked for, erm, forty minutes.").proposals
        assert found.evidence.words == "Booked for, erm, forty minutes"

    @pytest.mark.parametrize("text", ["He said uh huh a lot.", "Lots of hmm hmm from the panel."])
    def test_sounds_of_agreement_are_no_fillers(self, text: str) -> None:
        assert stated(text)["body_language.verbal_agreement"] is True


class TestPlainerEnglish:
    @pytest.mark.parametrize(("text", "path"), [
        ("We shake hands and talk two minutes about the machines.", "interview.actual_minutes"),
        ("In my day you'd get shown round the whole building.", "tour.office_tour"),
        ("She answered next morning, very warm, with a smile emoji.", "body_language.smiles"),
        ("The interview was 60 minutes planned, but it went 90 minutes.",
         "interview.scheduled_minutes"),
    ])
    def test_what_is_no_sign_here_is_not_stated(self, text: str, path: str) -> None:
        found = stated(text)
        assert path not in found or (path == "interview.scheduled_minutes" and found[path] == 60)


class TestReviewOfTheNewMechanisms:
    """Misreadings an independent review found in the round's new mechanisms."""

    @pytest.mark.parametrize("text", [
        "We finished at five.", "The interview ended at eleven.", "Ran to eleven.",
        "The interview was scheduled for eleven.", "The appointment was for 11.",
        "Booked for a 1/2 hour.",
    ])
    def test_a_time_of_day_is_no_length(self, text: str) -> None:
        found = stated(text)
        assert "interview.actual_minutes" not in found
        assert "interview.scheduled_minutes" not in found

    @pytest.mark.parametrize(("text", "count"), [
        ("Interviewed by the founder and CEO, really friendly.", 1),
        ("Interviewed by the owner and head chef.", 1),
        ("Interviewed by the founder and managing director.", 1),
        ("Head and deputy interviewed me after my observed lesson.", 2),
        ("The principal and vice-principal interviewed me, about forty minutes.", 2),
        ("The interview was with the founder & CEO and the head of product.", 2),
        ("Interview was with two engineers, the manager and the HR lady.", 4),
        ("Four of them on the panel: CFO, two analysts and HR.", 4),
        ("Panel of 3 - 2 men and a woman.", 3),
        ("Panel of 3 - a manager and two engineers.", 3),
    ])
    def test_a_list_counts_people_not_titles(self, text: str, count: int) -> None:
        assert stated(text)["interview.interviewer_count"] == count

    @pytest.mark.parametrize("text", [
        "Interview was with the manager and a couple of engineers.",
        "Interview was with the founder and the engineers.",
        "My partner and my manager were both really supportive about me applying.",
        "Next round is a call with the CEO and the CFO.",
        "Final round: interview with the CEO and the board chair.",
        "Before the interview I met with the recruiter and the office manager for coffee.",
        "The recruiter and the hiring manager were both on holiday so I met the team lead.",
        "Interviewers: a grade 7 and an assessor.",
    ])
    def test_a_list_that_is_no_panel_or_no_count_counts_nobody(self, text: str) -> None:
        assert "interview.interviewer_count" not in stated(text)

    def test_a_label_answer_bears_on_the_words_right_before_its_colon(self) -> None:
        found = stated("Thank you note sent today: no reply yet.")
        assert found["thank_you.note_sent"] is True
        assert found["thank_you.response_received"] is False

    @pytest.mark.parametrize(("text", "path"), [
        ("Unlike my last interview: they showed me round the office.", "tour.office_tour"),
        ("Texted my sister afterwards: they invited me back for a second round!",
         "next_steps.invited_to_next_round"),
    ])
    def test_a_colon_still_ends_the_reach_of_most_cues(self, text: str, path: str) -> None:
        assert stated(text)[path] is True

    def test_a_length_standing_alone_gives_way_to_a_stated_one(self) -> None:
        assert stated("Train was late, 20 min, so I ran in. Interview lasted 45 minutes.")[
            "interview.actual_minutes"] == 45

    def test_an_hour_and_a_number_of_people_is_an_hour(self) -> None:
        assert stated("It took an hour and five of us were in the room.")[
            "interview.actual_minutes"] == 60

    @pytest.mark.parametrize(("text", "path", "value"), [
        ("As far as I know she nodded.", "body_language.nods", True),
        ("They fixed the second interview for Tuesday.", "next_steps.scheduled_on_the_spot",
         True),
        ("She agreed aloud with most of it.", "body_language.verbal_agreement", True),
    ])
    def test_wordings_of_several_words_match_as_meant(self, text: str, path: str,
                                                      value: object) -> None:
        found = proposals(text)
        certainty = "unsure" if text.startswith("As far") else "stated"
        assert (path, value, certainty) in found


def test_a_council_debrief_reads_its_panel_and_no_next_round() -> None:
    text = ("Panel was the team leader, a senior analyst and someone from HR. Nothing was said "
            "about a second round.")
    found = stated(text)
    assert found["interview.interviewer_count"] == 3
    assert found["next_steps.invited_to_next_round"] is False


def test_a_number_reached_across_a_comma_yields_to_one_named_directly() -> None:
    found = stated("Two engineers interview me, it was 1 hour and 15 minutes, planned for 1 hour.")
    assert found["interview.scheduled_minutes"] == 60


def test_nothing_on_the_day_to_day_is_no_detail() -> None:
    assert stated("Overview of the practice groups, nothing on the day-to-day.")[
        "job_specifics.deep_dive"] is False


@pytest.mark.parametrize("text", [
    "One lady from HR asked me whether I am really interested.",
    "Showed me round both labs.",
])
def test_one_of_a_panel_is_no_count(text: str) -> None:
    assert "interview.interviewer_count" not in {
        p.path for p in _read(text).proposals if p.certainty == "stated"}


class TestSomeoneElseGoesOn:
    """A sentence about what happened to someone else, right after one naming them, is
    theirs too; one where "she" or "he" acts may be the interviewer's."""

    @pytest.mark.parametrize("text", [
        "Bumped into another candidate in the lobby. She'd been introduced to half the team "
        "and offered a second round on the spot.",
        "My mate interviewed there in spring. He'd been given a tour and booked round two on "
        "the spot.",
    ])
    def test_what_happened_to_them_is_not_recorded(self, text: str) -> None:
        assert not {"next_steps.scheduled_on_the_spot", "next_steps.invited_to_next_round",
                    "tour.introduced_to_people", "tour.office_tour",
                    "interview.interviewer_count", "tour.people_called_in"} & set(stated(text))

    @pytest.mark.parametrize("text", [
        "My flatmate had her architecture interview today - panel of five, they kept her for "
        "three hours and booked her second round before she'd even left.",
        "Catching up w/ Sam who did the same lab interview last yr - she got invited back on "
        "the spot AND a full tour of the cleanroom.",
        '"we\'ll definitely have you back for round two" - said no one, ever, today.',
        "The recruiter had told me the manager usually calls a couple of the team in to say "
        "hello to candidates.",
    ])
    def test_the_rest_of_their_sentence_is_theirs(self, text: str) -> None:
        assert not {"next_steps.scheduled_on_the_spot", "next_steps.invited_to_next_round",
                    "tour.introduced_to_people", "tour.office_tour"} & set(stated(text))

    @pytest.mark.parametrize(("text", "path", "value"), [
        ("My sister thinks I'm overthinking it. He didn't smile once.",
         "body_language.smiles", False),
        ("My friend warned me about the panel. She gave the overview of the job first.",
         "job_specifics.overview_given", True),
        ("Another candidate was leaving as I arrived. They showed me round the office after.",
         "tour.office_tour", True),
        ("My friend says that's normal - they showed me round the office anyway.",
         "tour.office_tour", True),
        ("They showed me round the office, as they always do.", "tour.office_tour", True),
    ])
    def test_the_interviewer_or_the_writer_is_still_read(self, text: str, path: str,
                                                         value: object) -> None:
        assert stated(text).get(path) == value


def test_a_reply_about_nothing_said_is_no_detail_of_the_job() -> None:
    text = ("Her reply came at 4pm, a lovely message, though nothing about what we talked "
            "about.")
    assert "job_specifics.deep_dive" not in stated(text)


def test_what_interviews_there_usually_include_is_no_tour() -> None:
    text = ("The recruiter's prep email said 'interviews typically last 45 minutes and include "
            "a short office tour'. Mine was on Teams, so.")
    assert "tour.office_tour" not in stated(text)


class TestTheReplyQuoted:
    """A reply quoted in plain words says nothing specific of the interview (sign 7)."""

    @pytest.mark.parametrize("text", [
        "Got a reply to my thank-you about 3 hours later. Two lines: 'Thanks for coming in, "
        "we'll be in touch.'",
        "Her reply: 'Thanks.' Took her about three days.",
        "I emailed Dr Okafor and she replied Thursday: \"Thanks, noted. R.\"",
    ])
    def test_a_plain_reply_mentions_nothing_specific(self, text: str) -> None:
        found = [p for p in _read(text).proposals
                 if p.path == "thank_you.references_specifics"]
        assert [(p.value, p.certainty, p.reason) for p in found] == [
            (False, "stated", "the reply quoted says nothing of the interview")]

    @pytest.mark.parametrize("text", [
        "She replied: 'Great to meet you too, Lena, and yes, the revenue dashboard idea is "
        "exactly what we need.'",
        "Reply came next day. In the interview she had said 'you would be great'.",
    ])
    def test_a_reply_with_something_of_its_own_is_not_plain(self, text: str) -> None:
        assert stated(text).get("thank_you.references_specifics") is not False

    @pytest.mark.parametrize("text", [
        "She replied the same day. My note had just said 'Thanks for your time, great to meet "
        "you.'",
        "Sent a thank-you. She replied within the hour. In the interview itself she had said "
        "'thanks, we'll be in touch' which worried me.",
        "Reply: 'Thanks for your note. Good luck with the Marathon!'",
        "Sent thank-you. Haven't heard back. My friend's reply from them was 'Thanks, we'll be "
        "in touch.'",
    ])
    def test_words_that_are_not_a_plain_reply_to_this_note(self, text: str) -> None:
        assert "thank_you.references_specifics" not in stated(text)

    def test_a_name_after_a_greeting_is_still_plain(self) -> None:
        assert stated("Fri: sent thanks. Mon: Ruth replied 'Thanks Ben, appreciate it.'"
                      ).get("thank_you.references_specifics") is False

    def test_plain_words_with_no_reply_said_are_left_to_confirm(self) -> None:
        found = {(p.path, p.certainty) for p in _read(
            "Got an automated 'thanks for your message' within seconds. Nothing from Paul "
            "himself yet.").proposals}
        assert ("thank_you.references_specifics", "stated") not in found

    def test_a_question_asked_in_two_asks_its_first_clause(self) -> None:
        got = proposals("Emailed a thank-you Wednesday. She replied Thursday: 'Thanks, "
                        "noted.' Is that curt, or is she just busy?")
        assert ("thank_you.tone", "curt", "unsure") in got

    @pytest.mark.parametrize("text", [
        "I send thank you that night, and she answer next morning, very warm, and she "
        "remember my question about the training.",
        "Thank-you went out Tuesday. Her answer arrived Wednesday - she remembered my point "
        "about the returns backlog.",
    ])
    def test_a_reply_that_remembers_the_interview(self, text: str) -> None:
        assert stated(text).get("thank_you.references_specifics") is True


def test_wondering_about_my_own_applications_is_no_question_asked() -> None:
    assert "interest.asked_where_else_interviewing" not in stated(
        "I wonder whether I'm applying to other places too much.")


@pytest.mark.parametrize(("text", "hours"), [
    ("Sent the thank-you Thursday at 4pm; her answer came Friday at 4pm on the dot.", 24),
    ("Thank-you to the panel chair went at 9am Monday. Reply at 11am Monday: 'Received.'", 2),
    ("Sent thx note wednesday 10am, got reply wed 3pm.", 5),
    ("Q: Thank-you note?\nA: Sent one to the recruiter on Thursday at 10am, she answered at "
     "1pm the same afternoon.", 3),
])
def test_the_hours_between_a_thank_you_and_its_reply(text: str, hours: float) -> None:
    assert stated(text).get("thank_you.response_hours") == hours


@pytest.mark.parametrize(("text", "path"), [
    ("- if they offer to show me round the depot, say yes!!", "tour.office_tour"),
    ("She asked if I'd want the job if it was offered, like, straight out!!",
     "tour.office_tour"),
    ("If they offered me the job I'd take it.", "interest.asked_if_interested"),
])
def test_an_offer_hoped_for_or_asked_about_states_nothing_else(text: str, path: str) -> None:
    assert path not in stated(text)


@pytest.mark.parametrize(("text", "sent"), [
    ("Thank-you not sent yet; I'm writing it tonight.", False),
    ("Thank-you: drafted, not sent yet.", False),
    ("Thank-you to the chair sent that evening.", True),
    ("Still no reply to the thank-you I sent Ferris Build a week ago.", True),
])
def test_a_thank_you_sent_or_not(text: str, sent: bool) -> None:
    assert stated(text).get("thank_you.note_sent") is sent


@pytest.mark.parametrize(("text", "path"), [
    ("Sent my not-very-polished thank-you at 9.", "thank_you.note_sent"),
    ("Sent a short, no-nonsense thank-you.", "thank_you.note_sent"),
    ("Asked, not unkindly, where else I was interviewing.",
     "interest.asked_where_else_interviewing"),
])
def test_a_negation_among_words_a_phrase_leaves_open_is_no_denial(text: str, path: str
                                                                   ) -> None:
    assert stated(text).get(path) is True


@pytest.mark.parametrize("text", [
    "I read my notes off my phone before going in.",
    "The risk guy seemed to be reading off a sheet.",
])
def test_reading_off_a_sheet_that_is_not_the_interviewers_stock_questions(text: str) -> None:
    assert "body_language.rote_questions" not in stated(text)


class TestAgreementQuoted:
    @pytest.mark.parametrize("text", [
        "Two on the panel, lots of 'yep, totally' while I was talking through the grant stuff.",
        "The sergeant said 'good, good' after most of my answers.",
        "They both kept saying 'love that'.",
        "She kept nodding and said 'yes, that's exactly our approach' twice.",
    ])
    def test_words_of_agreement_quoted_are_agreement(self, text: str) -> None:
        assert stated(text).get("body_language.verbal_agreement") is True

    def test_agreement_not_said_is_none(self) -> None:
        assert stated("He didn't nod, didn't say 'right' or 'yeah' or anything, just typed."
                      ).get("body_language.verbal_agreement") is False

    @pytest.mark.parametrize("text", [
        "He said 'good luck' at the door.", "She said 'Good morning' and sat down.",
        "He said 'great' and stood up.", "I said 'yes' when she asked about nights.",
        "Her reply came Friday: 'Yes, thanks, received.'",
    ])
    def test_other_words_quoted_are_not(self, text: str) -> None:
        assert "body_language.verbal_agreement" not in stated(text)


@pytest.mark.parametrize("text", [
    "They asked two questions about my CV and both of them were tough.",
    "Had the tech test and the culture chat. Both of them went fine.",
    "Queued with two people from another agency.",
    "Bus was late again. 20 mins.",
    "Thank-you sent Mon. 2 hours.",
])
def test_two_of_anything_or_a_length_of_anything_is_no_interview_fact(text: str) -> None:
    got = stated(text)
    assert "interview.interviewer_count" not in got
    assert "interview.actual_minutes" not in got


def test_a_list_closed_by_both_of_them_is_two() -> None:
    assert stated("Was the principal and the head of science department, both of them."
                  ).get("interview.interviewer_count") == 2


@pytest.mark.parametrize(("text", "path"), [
    ("Took me into the back office for the interview.", "tour.office_tour"),
    ("Walked me through the practice management software.", "tour.office_tour"),
    ("Took me through the lines on the spreadsheet.", "tour.office_tour"),
    ("Building tour on the website looked nice.", "tour.office_tour"),
    ("Had a look round the shops before the interview.", "tour.office_tour"),
    ("They're asking me back to fix the printer, I used to work there.",
     "next_steps.invited_to_next_round"),
    ("Had me in for the final interview last week; this was the offer chat.",
     "next_steps.invited_to_next_round"),
    ("Asked did I want water.", "interest.asked_if_interested"),
    ("Thanks to the recruiter, who was sent my CV by mistake, I got the interview.",
     "thank_you.note_sent"),
    ("Thank-you note drafted. Sent it to my partner to proofread first.",
     "thank_you.note_sent"),
])
def test_words_near_a_sign_that_are_not_it(text: str, path: str) -> None:
    assert path not in stated(text)


@pytest.mark.parametrize(("text", "path", "value"), [
    ("My sister was right about the dress code - they smiled the whole time.",
     "body_language.smiles", True),
    ("My uncle knows the MD. Interview with him went fine - nodded a lot.",
     "body_language.nods", True),
    ("I always ask for a tour, and she took me round the warehouse.", "tour.office_tour", True),
    ("Why did she ask where else I'm interviewing, and should I have answered?",
     "interest.asked_where_else_interviewing", True),
    ("Were two interviewers and they smiled a lot, is good sign?",
     "interview.interviewer_count", 2),
])
def test_what_the_writer_saw_stays_theirs(text: str, path: str, value: object) -> None:
    assert stated(text).get(path) == value


class TestSmallerScopes:
    def test_a_negation_after_a_comma_is_of_its_own_clause(self) -> None:
        assert stated("Of the three, the HR lady smiled constantly, the other two not at all."
                      ).get("body_language.smiles") is True

    def test_not_reading_into_a_sign_denies_nothing(self) -> None:
        assert stated("She smiled a lot, so I'm not reading much into the smiles."
                      ).get("body_language.smiles") is True

    def test_hearsay_about_manner_with_everyone_is_to_confirm(self) -> None:
        assert ("body_language.naturally_friendly", True, "unsure") in proposals(
            "He smiled a lot, but I heard he's like that with everyone.")

    def test_a_tagged_question_is_asked(self) -> None:
        assert ("body_language.naturally_friendly", True, "unsure") in proposals(
            "Coach: Is she like that with everyone, do you think?")


@pytest.mark.parametrize(("text", "count"), [
    ("Interviewers: the engineering manager, a senior designer and someone from HR. Both of "
     "them nodded a lot.", 3),
    ("Three interviewers. Both of them in the middle nodded a lot.", 3),
    ("Both of them kept nodding.", 2),
])
def test_both_of_them_counts_two_only_where_no_other_count_is_given(text: str,
                                                                     count: int) -> None:
    assert stated(text).get("interview.interviewer_count") == count


def test_a_sentence_that_is_only_a_list_of_people_is_the_panel() -> None:
    assert stated("Year 5 teaching post. Head, deputy and a governor."
                  ).get("interview.interviewer_count") == 3


def test_a_clause_of_a_longer_list_is_no_panel() -> None:
    got = proposals("OT interview, actually it was three: the lead OT, a physio and a "
                    "service user rep.")
    assert ("interview.interviewer_count", 2, "stated") not in got



class TestTheLastUnreadBatch:
    """What the batch of independent notes never read until this round (blind32-34) showed."""

    @pytest.mark.parametrize(("text", "path", "value"), [
        ("Board chairman smiled once, maybe.", "body_language.smiles", True),
        ("She nodded a lot, maybe. No tour.", "body_language.nods", True),
        ("Barista job. Ten-minute chat, maybe less.", "interview.actual_minutes", 10),
    ])
    def test_a_doubt_added_at_the_end_of_its_clause_leaves_it_to_ask(
            self, text: str, path: str, value: object) -> None:
        assert path not in stated(text)
        assert (path, value, "unsure") in proposals(text)

    def test_a_doubt_about_something_else_leaves_a_plain_negative(self) -> None:
        assert stated("No tour, maybe next time.")["tour.office_tour"] is False

    @pytest.mark.parametrize("text", [
        "A guy I used to work with who got hired there says they rang him the same evening "
        "to set up round two.",
        "An old colleague said they booked her second round there and then.",
    ])
    def test_someone_the_writer_once_worked_with_is_another_person(self, text: str) -> None:
        found = stated(text)
        assert "next_steps.invited_to_next_round" not in found
        assert "next_steps.scheduled_on_the_spot" not in found

    @pytest.mark.parametrize(("text", "path"), [
        ("HR rep mentioned that people who make the shortlist get a walk round the shop "
         "floor.", "tour.office_tour"),
        ("She said that shortlisted people get taken round the building and introduced to "
         "the team at the next stage.", "tour.introduced_to_people"),
        ("Not sure I'll even bother with a thank-you; they'd probably just send the usual "
         "auto-reply anyway.", "thank_you.response_received"),
        ("The supervising attorney spent twenty minutes on what my week would look like.",
         "interview.actual_minutes"),
    ])
    def test_what_others_get_would_do_or_took_a_part_of_the_time_is_not_stated(
            self, text: str, path: str) -> None:
        assert path not in stated(text)

    def test_what_the_writer_was_shown_beside_people_named_is_still_stated(self) -> None:
        found = stated("She showed me round and introduced me to the people who run the "
                       "warehouse.")
        assert found["tour.office_tour"] is True
        assert found["tour.introduced_to_people"] is True
        assert stated("We spent an hour together.")["interview.actual_minutes"] == 60

    def test_an_invitation_they_said_they_would_send_is_still_an_invitation(self) -> None:
        assert stated("She also said she'd send me a calendar invite for round two this "
                      "afternoon.")["next_steps.invited_to_next_round"] is True


class TestALengthAfterTheInterviewNamed:
    @pytest.mark.parametrize(("text", "minutes"), [
        ("Phone screen with recruiter, 15 minutes exactly, mostly she read out the list.", 15),
        ("The call centre interview was a phone call, 25 minutes.", 25),
        ("Phone interview this morning with two people from the NGO, one hour.", 60),
        ("Fifteen minutes flat.", 15),
        ("told her 2 other agencies. 25 mins total, done", 25),
    ])
    def test_is_what_it_took(self, text: str, minutes: int) -> None:
        assert stated(text)["interview.actual_minutes"] == minutes

    @pytest.mark.parametrize("text", [
        "Interview at 2, waited in reception, 20 mins.",  # not the clause right after
        "Waited in reception before my interview, 20 minutes.",  # not its first words
        "The interview was booked for the afternoon, 45 minutes.",  # a booking
        "Phone screen tomorrow, 30 minutes.",  # a plan
        "My friend's interview, 45 minutes.",  # someone else's
        "Bus was late again, 20 mins.",  # no interview named
    ])
    def test_is_not_stated_otherwise(self, text: str) -> None:
        assert "interview.actual_minutes" not in stated(text)


class TestACountCorrectedRightAfterItsPhrase:
    @pytest.mark.parametrize(("text", "count"), [
        ("Four on the panel - no, five, the councillor joined late.", 5),
        ("Two of them - well, three, the head of service came in for the last ten minutes.",
         3),
        ("Panel was five people. No, four: the fifth was the HR woman who popped in.", 4),
    ])
    def test_takes_the_new_number(self, text: str, count: int) -> None:
        assert stated(text)["interview.interviewer_count"] == count

    @pytest.mark.parametrize(("text", "count"), [
        ("We talked for an hour with two interviewers. Well, 2 of them mostly listened.", 2),
        ("Four on the panel, though honestly no, 5 minutes in I had forgotten their names.",
         4),
    ])
    def test_keeps_a_number_that_is_no_correction(self, text: str, count: int) -> None:
        assert stated(text).get("interview.interviewer_count") == count


class TestTheNextBatch:
    """What the batch read in this round (blind35-38), after it was measured unseen, showed."""

    @pytest.mark.parametrize(("text", "path"), [
        ("Compared notes with Jess: she got a reply to her thank-you within two hours, all "
         "warm and personal.", "thank_you.tone"),
        ("Woman next to me in reception had just come out - said the director gave her a "
         "full lab tour and booked her second round right there.",
         "next_steps.scheduled_on_the_spot"),
        ("He said, 'At second stage, yes, everyone gets the walk-round then.'",
         "tour.office_tour"),
        ("Apparently candidates who come in person get shown round the site.",
         "tour.office_tour"),
        ("The receptionist said he'd spent twenty minutes chatting with the courier.",
         "interview.actual_minutes"),
        ("It was in the diary as 12:00 to 13:00, we kicked off at 12 on the nose.",
         "next_steps.scheduled_on_the_spot"),
        ("Honestly the whole week blurs together.", "job_specifics.deep_dive"),
        ("Right, your checklist. Body language: she was friendly.",
         "body_language.rote_questions"),
        ("Nobody else was brought in to meet me.", "tour.introduced_to_people"),
    ])
    def test_is_not_stated(self, text: str, path: str) -> None:
        assert path not in stated(text)

    def test_not_really_engaged_is_not_engaged(self) -> None:
        assert stated("She was on her laptop half the time, not really engaged."
                      )["body_language.engaged"] is False

    def test_nobody_brought_in_is_still_nobody_called_in(self) -> None:
        assert stated("Nobody else was brought in to meet me.")["tour.people_called_in"] is False

    @pytest.mark.parametrize(("text", "path", "value"), [
        ("She walked me through the whole week of a typical new starter.",
         "job_specifics.deep_dive", True),
        ("They went down the checklist of stock questions.", "body_language.rote_questions",
         True),
        ("The recruiter put it in the diary for next Tuesday, round two.",
         "next_steps.scheduled_on_the_spot", True),
    ])
    def test_the_same_words_where_they_are_the_sign(self, text: str, path: str,
                                                     value: object) -> None:
        assert stated(text)[path] == value

    @pytest.mark.parametrize(("text", "hours"), [
        ("Thank-you went out Wednesday 11:00. The hiring manager answered Friday at 11:00.",
         48),
        ("Sent thanks at 8:30, reply at 11:15.", 2.75),
        ("Sent thanks at 11:30, reply at 1:15.", 1.75),  # no same half reads forward
    ])
    def test_two_clock_times_without_am_or_pm_are_in_the_same_half_where_they_can_be(
            self, text: str, hours: float) -> None:
        assert stated(text)["thank_you.response_hours"] == hours

    @pytest.mark.parametrize(("text", "path"), [
        ("She gave nothing away - no 'great' or 'good answer', nothing out loud at all.",
         "body_language.verbal_agreement"),
        ("No tour or introductions.", "tour.introduced_to_people"),
    ])
    def test_a_short_negation_reaches_the_last_item_of_a_list_closed_by_or(
            self, text: str, path: str) -> None:
        assert stated(text)[path] is False

    def test_what_comes_after_such_a_list_is_not_negated(self) -> None:
        found = stated("No small talk or anything, but she showed me round after.")
        assert found["tour.office_tour"] is True

    @pytest.mark.parametrize(("text", "count"), [
        ("The panel at the MRO was four - no wait, five, the quality manager joined late.", 5),
        ("Three assessors, all reading their questions from scripts.", 3),
        ("Three lads on the panel, lasted forty-five minutes.", 3),
        ("Interview was with him alone.", 1),
        ("The interview itself was 35 minutes with two associates, pleasant enough.", 2),
        ("Panel consisted of the principal, one subject expert from outside and the manager "
         "of the trust, total four members.", 4),
        ("Interviewer was one woman.", 1),
        ("The panel were two charge nurses and a psychologist.", 3),
    ])
    def test_more_ways_to_give_the_panel(self, text: str, count: int) -> None:
        assert stated(text)["interview.interviewer_count"] == count

    def test_a_count_on_the_panel_is_no_article(self) -> None:
        assert "interview.interviewer_count" not in stated(
            "ICU interview, 3 consultants and a CNM on the panel.")


class TestTheLengthAsBooked:
    """A length the note gives only as the booked slot kept to, in words a writer uses."""

    @pytest.mark.parametrize(("text", "minutes"), [
        ("They had it down for ninety minutes and we used all of it, not a minute more.", 90),
        ("Forty-minute slot, and we stuck to it.", 40),
        ("Phone screen, booked for 15 minutes and it was exactly that.", 15),
        ("Booked for an hour; it ran to time.", 60),
    ])
    def test_the_slot_kept_to_is_the_length(self, text: str, minutes: int) -> None:
        assert stated(text)["interview.actual_minutes"] == minutes

    @pytest.mark.parametrize(("text", "minutes"), [
        ("Whole thing was twenty-five minutes.", 25),
        ("Zoom with the eng manager, 45 min slot, we hung up after 25.", 25),
        ("Scheduled for 45 minutes and it was a tight 45.", 45),
    ])
    def test_more_ways_to_give_the_length(self, text: str, minutes: int) -> None:
        assert stated(text)["interview.actual_minutes"] == minutes

    @pytest.mark.parametrize("text", [
        "She had a list of questions and stuck to it. It was booked for an hour.",
        "The whole thing was 45 minutes late starting.",
    ])
    def test_words_near_them_that_give_no_length(self, text: str) -> None:
        assert "interview.actual_minutes" not in stated(text)


class TestTheCountInPassing:
    """A count given in passing: summed up after a list, after a length, or one alone."""

    @pytest.mark.parametrize(("text", "count"), [
        ("Area manager and store manager, so two.", 2),
        ("Forty-five minutes, two interviewers.", 2),
        ("interview was just the owner and his wife", 2),
        ("family firm, only the owner and his wife interviewing", 2),
        ("There were three panel members.", 3),
        ("The two panel members were pleasant enough.", 2),
    ])
    def test_the_count(self, text: str, count: int) -> None:
        assert stated(text)["interview.interviewer_count"] == count

    @pytest.mark.parametrize("text", [
        "I asked the manager, so two questions down.",
        "We waited 20 minutes, two people ahead of me.",
        "Interviewed by the panel, then I sat on my own for ages.",
        # an independent review's sentences against the first version of these phrases
        "waited in the lobby for 20 minutes, three people, all candidates",
        "I was told to prepare for three panel members",
        "Lunch with two board members after the interview",
        "interviewed by Raj on his own for the first half, then his manager joined",
        "The panel usually has five panel members but today it was three",
    ])
    def test_words_near_them_that_count_nobody(self, text: str) -> None:
        assert "interview.interviewer_count" not in stated(text)


class TestWhenItReallyStarted:
    """A start later than booked: from its time where the note gives one, open where not."""

    @pytest.mark.parametrize(("text", "minutes"), [
        ("Invite said 14:00-15:00. We didn't get going until 14:07 because of the audio, and "
         "they still wrapped at 15:00 sharp.", 53),
        ("Booked 2 to 3. Started late at 2:10 and finished at ten past three.", 60),
    ])
    def test_from_the_time_it_started(self, text: str, minutes: int) -> None:
        assert stated(text)["interview.actual_minutes"] == minutes

    @pytest.mark.parametrize("text", [
        "Invite said 2.15-3.00. Started a bit late and finished at ten past three.",
        "Booked 2 to 3. Started ten minutes late and finished at ten past three.",
    ])
    def test_a_late_start_with_no_time_leaves_the_length_open(self, text: str) -> None:
        assert "interview.actual_minutes" not in stated(text)

    def test_a_length_given_outright_stays(self) -> None:
        assert stated("Started a bit late. We talked for 50 minutes."
                      )["interview.actual_minutes"] == 50


class TestWhatTheWriterAskedOrCounted:
    @pytest.mark.parametrize("text", [
        "I asked what a typical day looks like.",
        'When I asked, "What would a typical Tuesday look like?" she said, "Oh, it varies," '
        "and moved on.",
    ])
    def test_the_writer_asking_about_the_day_to_day_is_no_deep_dive(self, text: str) -> None:
        assert "job_specifics.deep_dive" not in stated(text)

    def test_what_the_interviewer_answered_may_be_one(self) -> None:
        assert stated("I asked about the day to day and she walked me through a typical week "
                      "in detail.")["job_specifics.deep_dive"] is True

    def test_some_of_the_panel_is_not_the_panel(self) -> None:
        # the two who nodded are some of the three, whose count stands (it was left to
        # confirm until the count of some of them gave way to the whole panel's)
        text = "There were three panel members. Two of them were nodding continuously."
        assert stated(text)["interview.interviewer_count"] == 3
        assert stated("There were three panel members.")["interview.interviewer_count"] == 3


class TestHoursToConfirm:
    """Hours between a thank-you and its reply that the note leaves open."""

    @pytest.mark.parametrize("text", [
        "Sent my thank-you to the hiring manager at 9pm Monday, Pacific. Her reply is "
        "stamped 8:00 Tuesday, Eastern.",
        "Emailed my thank-you at 17:30 Boston time on Tuesday. The hiring manager in Basel "
        "replied at 08:30 CET Wednesday.",
        "The thank-you reply came back somewhere between two and three hours after I sent it.",
    ])
    def test_times_in_time_zones_or_a_range_are_to_confirm(self, text: str) -> None:
        assert "thank_you.response_hours" not in stated(text)
        assert any(path == "thank_you.response_hours" and certainty == "unsure"
                   for path, _, certainty in proposals(text))

    def test_thanks_for_your_time_after_a_time_is_no_time_zone(self) -> None:
        text = ("Thank-you went out Wednesday 11:00. The hiring manager answered Friday at "
                "11:00: 'Thanks for your time, we're still interviewing.'")
        assert stated(text)["thank_you.response_hours"] == 48

    def test_a_length_as_a_range_is_not_stated(self) -> None:
        assert "interview.actual_minutes" not in stated("It lasted between 40 and 50 minutes.")


class TestCorrectedTimesAndCounts:
    @pytest.mark.parametrize(("text", "hours"), [
        ("Thank-you out Friday 5pm. Reply Monday 9am, no, 9:30, I just checked.", 64.5),
        ("Thank-you sent at 5pm Friday. Reply Monday at 9am - no wait, 9:30.", 64.5),
        ("Thank-you sent at 5pm Friday. Reply Monday at 9am, and a second one at 9:30.", 64),
    ])
    def test_a_time_corrected_right_after_it_is_the_later_one(self, text: str,
                                                               hours: float) -> None:
        assert stated(text)["thank_you.response_hours"] == hours

    @pytest.mark.parametrize(("text", "count"), [
        ("Thought it was two interviewers - no wait, a third guy had his camera off the "
         "whole time and piped up at the end, so three.", 3),
        ("Panel of three, no wait, a panel of two.", 2),
    ])
    def test_an_article_after_a_correction_is_no_count(self, text: str, count: int) -> None:
        assert stated(text)["interview.interviewer_count"] == count

    @pytest.mark.parametrize(("text", "minutes"), [
        ("It was booked for 45 minutes. It ran the full 45 and then another 25.", 70),
        ("Booked for an hour. We used the whole hour and then another 20 minutes on the "
         "tour.", 60),
    ])
    def test_the_full_slot_and_then_more(self, text: str, minutes: int) -> None:
        assert stated(text)["interview.actual_minutes"] == minutes


class TestAFamilyBusiness:
    @pytest.mark.parametrize("text", [
        "Just the owner and his wife doing the interview at the kitchen table.",
        "The owner and his wife interviewed me.",
    ])
    def test_the_owner_and_his_wife_are_two(self, text: str) -> None:
        assert stated(text)["interview.interviewer_count"] == 2

    @pytest.mark.parametrize("text", [
        "My wife and I went in together.",
        "Interview with the owner. His wife brought tea.",
    ])
    def test_a_wife_who_does_not_interview_counts_nobody(self, text: str) -> None:
        assert stated(text).get("interview.interviewer_count") in (None, 1)


class TestNoFollowUps:
    """No follow-up questions: a bored interviewer to some writers, a script to others."""

    @pytest.mark.parametrize("text", [
        "No follow-up questions.",
        "Zero follow-ups, she read the list.",
        "He didn't ask any follow-up questions.",
    ])
    def test_is_asked_not_stated(self, text: str) -> None:
        assert "body_language.engaged" not in stated(text)
        assert ("body_language.engaged", False, "unsure") in proposals(text)

    def test_follow_ups_asked_are_still_engagement(self) -> None:
        assert stated("She asked loads of follow-ups.")["body_language.engaged"] is True


class TestADoubtAboutANo:
    @pytest.mark.parametrize(("text", "path"), [
        ("I don't think he smiled once.", "body_language.smiles"),
        ("I don't think they asked where else I was interviewing.",
         "interest.asked_where_else_interviewing"),
    ])
    def test_i_dont_think_is_a_no_to_confirm(self, text: str, path: str) -> None:
        assert path not in stated(text)
        assert (path, False, "unsure") in proposals(text)


class TestNothingBookedIsNoRefusal:
    """'No second round booked': nothing booked there and then; whether a next round was
    offered is left to ask ('no second round mentioned' is a no)."""

    @pytest.mark.parametrize("text", [
        "No second round booked. Thoughts?",
        "No second round was set up while I was there.",
        "There was no formal next round booked but he said the CTO may want to talk.",
    ])
    def test_nothing_booked(self, text: str) -> None:
        found = stated(text)
        assert found["next_steps.scheduled_on_the_spot"] is False
        assert "next_steps.invited_to_next_round" not in found
        assert ("next_steps.invited_to_next_round", False, "unsure") in proposals(text)

    def test_no_second_round_mentioned_is_a_no(self) -> None:
        assert stated("No second round mentioned.")["next_steps.invited_to_next_round"] is False


class TestWordForWord:
    @pytest.mark.parametrize("text", [
        "The lead engineer read every question word for word off his laptop.",
        "Read out the same questions I've seen on Glassdoor, word for word.",
        "HR lady read every question off a printed sheet, word for word.",
    ])
    def test_questions_read_word_for_word_are_stock_questions(self, text: str) -> None:
        assert stated(text)["body_language.rote_questions"] is True

    @pytest.mark.parametrize("text", [
        "The reply: 'Thanks for your note, we'll be in touch.' That's it, word for word.",
        'The clinical director asked me, word for word, "Do you want this job?"',
    ])
    def test_other_words_quoted_word_for_word_are_not(self, text: str) -> None:
        assert "body_language.rote_questions" not in stated(text)


class TestTheFirstReviewOfThisRound:
    """Sentences an independent review wrote against this round's phrases and mechanisms,
    read wrongly by their first version."""

    @pytest.mark.parametrize(("text", "path"), [
        ("Booked for an hour. The bus ran to time for once, which was nice.",
         "interview.actual_minutes"),
        ("Booked for an hour. I had a tenner for lunch and used all of it.",
         "interview.actual_minutes"),
        ("Interview booked for 30 min. I was given a whiteboard marker and we used all of it "
         "lol", "interview.actual_minutes"),
        ("Booked for an hour. The format was exactly what they said it would be, a case "
         "study then questions.", "interview.actual_minutes"),
        ("I hung up after 10 minutes on hold and called back.", "interview.actual_minutes"),
        ("Interview 2-3pm, then a tour that didn't get going until 3:10 and finished at 3:40",
         "interview.actual_minutes"),
        ("No follow-up email yet from them after the interview", "body_language.engaged"),
        ("no follow up from HR since friday, starting to worry", "body_language.engaged"),
        ("I had no follow-up questions for them at the end", "body_language.engaged"),
        ("Zero follow up questions from me, I'd run out", "body_language.engaged"),
        ("Her questions weren't word for word from glassdoor, they were tailored to my CV",
         "body_language.rote_questions"),
        ("My questions list I read off word for word, embarrassing",
         "body_language.rote_questions"),
        ("He read my CV back to me word for word", "body_language.rote_questions"),
    ])
    def test_is_not_stated(self, text: str, path: str) -> None:
        assert path not in stated(text)

    @pytest.mark.parametrize(("text", "path", "value"), [
        ("It was a tight 10 minutes to get there from the station. Interview lasted 40 min",
         "interview.actual_minutes", 40),
        ("Booked 2 to 3. Started late and we talked for 50 min", "interview.actual_minutes",
         50),
        ("Slot was 14:00-14:45. didnt start till 14:10, ended 14:45",
         "interview.actual_minutes", 35),
        ("Two panel members, no wait, a third joined on the phone for 15 minutes",
         "interview.interviewer_count", 2),
        ("Panel of three. no wait, a guy left after 5 mins but he'd asked one question, so "
         "still three", "interview.interviewer_count", 3),
        ("No second round booked on the spot but she asked me back for next week",
         "next_steps.scheduled_on_the_spot", False),
        ("I asked about a typical day and he spent 20 minutes describing it in detail",
         "job_specifics.deep_dive", True),
        ("Sent thanks at 9am EST. Reply at 11am EST.", "thank_you.response_hours", 2),
        ("Sent my thank you at 9pm, took my time writing it. Reply at 10am next day",
         "thank_you.response_hours", 13),
        ("Thank you sent 6pm, et voila, reply at 8pm", "thank_you.response_hours", 2),
    ])
    def test_is_read_right(self, text: str, path: str, value: object) -> None:
        assert stated(text)[path] == value

    @pytest.mark.parametrize(("text", "path"), [
        ("Sent thank-you 5pm Fri. Reply Mon 9am, no 10am, no wait, it was 9:15",
         "thank_you.response_hours"),
        ("Thank you sent 4pm, reply 6pm her time.", "thank_you.response_hours"),
        ("Don't think he smiled once", "body_language.smiles"),
        ("Invite said 2.15-3.00. Started a bit late and finished at ten past three.",
         "interview.actual_minutes"),
        ("Booked 2:30-3:00. Started late, finished at 3:10.", "interview.actual_minutes"),
    ])
    def test_is_asked(self, text: str, path: str) -> None:
        assert asked(text, path)


class TestPeopleListedThenCounted:
    """The people named one by one and then counted, or a one-to-one in other words."""

    @pytest.mark.parametrize(("text", "count"), [
        ("Interview at the lab: two scientists plus the HR partner, three in total.", 3),
        ("It was with two consultants and the office manager, so three in all.", 3),
        ("The head and two teachers, so three, and one of them smiled.", 3),
        ("Was the ward manager and one lady from HR, so two person.", 2),
        ("Mrs Adebayo, the head, saw me on her own.", 1),
        ("Anyway it was a one-to-one in a Portakabin at the back of the depot.", 1),
        ("- just me + head chef", 1),
        ("Just me and the manager and the owner.", 2),
        ("It was just me + the director + HR.", 2),
    ])
    def test_is_counted(self, text: str, count: int) -> None:
        assert stated(text)["interview.interviewer_count"] == count

    @pytest.mark.parametrize("text", [
        "It lasted an hour and a half, so two hours in total.",
        "I have a one-to-one with my manager next week.",
        "Me and my sister applied, so two of us.",
    ])
    def test_is_no_count_of_interviewers(self, text: str) -> None:
        assert "interview.interviewer_count" not in stated(text)


class TestTheSeventeenthBatch:
    """Wordings two new authors used (blind43-44), read after both were measured unseen."""

    @pytest.mark.parametrize(("text", "path", "value"), [
        ("Invite said 1 hour. It took exactly that.", "interview.actual_minutes", 60),
        ("Kept it to the 20 minutes they said.", "interview.actual_minutes", 20),
        ("Twenty-five minutes and I was back on the street.", "interview.actual_minutes", 25),
        ("Phone screen lasted a grand total of 15 minutes.", "interview.actual_minutes", 15),
        ("The slot was 45 minutes but we used the full hour.", "interview.actual_minutes", 60),
        ("It was two on one, an hour and ten minutes against an hour scheduled.",
         "interview.actual_minutes", 70),
        ("interview was 11-11:30 but we were done at 11:20.", "interview.scheduled_minutes",
         30),
        ("interview was 11-11:30 but we were done at 11:20.", "interview.actual_minutes", 20),
        ("They showed me the kitchen but didnae introduce me to anyone.",
         "tour.introduced_to_people", False),
        ("Nae tour.", "tour.office_tour", False),
        ("Lasted 40 minutes, three of them.", "interview.interviewer_count", 3),
        ("Interview at the surveying practice with two senior surveyors.",
         "interview.interviewer_count", 2),
        ("Questions read off a sheet by a single partner.", "interview.interviewer_count", 1),
        ("It was three against me.", "interview.interviewer_count", 3),
    ])
    def test_is_read(self, text: str, path: str, value: object) -> None:
        assert stated(text)[path] == value

    @pytest.mark.parametrize(("text", "path"), [
        ("I used the 20 minutes before to prepare.", "interview.actual_minutes"),
        ("The office is only 10 minutes away though.", "interview.actual_minutes"),
        ("Twenty minutes and I was home.", "interview.actual_minutes"),
        ("The interview was 45 minutes but it felt like two hours.",
         "interview.scheduled_minutes"),
        ("Plan for tomorrow: email thanks to both interviewers.", "thank_you.note_sent"),
        ("One of the two receptionists was rude.", "interview.interviewer_count"),
    ])
    def test_is_not_stated(self, text: str, path: str) -> None:
        assert path not in stated(text)


class TestOtherApplicationsInMoreWords:
    """Asking about other applications in more words, and a question nobody asked that
    lists several questions."""

    @pytest.mark.parametrize(("text", "value"), [
        ("He asked whether I'd interviewed anywhere else (I have, one place).", True),
        ("Asked if I'd got anything else on the go.", True),
        ("He didn't mention other applications.", False),
        ("No mention of whether I'm still interested or anywhere else I'm applying.", False),
        ("They did want to know where else I'd applied.", True),
        ("They didn't ask was I going for other jobs.", False),
        ("Nobody asked if I still wanted the job or where else I'd applied.", False),
        ("They never asked me whether I wanted it or what other companies I was talking to.",
         False),
        ("Nobody asked if I had questions and then she asked where else I was interviewing.",
         True),
    ])
    def test_is_read(self, text: str, value: bool) -> None:
        assert stated(text)["interest.asked_where_else_interviewing"] is value

    @pytest.mark.parametrize("text", [
        "She mentioned other applications had closed.",
        "I want to know where else they're hiring.",
        "If they want to know where else I applied I'll say nowhere.",
    ])
    def test_is_not_stated(self, text: str) -> None:
        assert "interest.asked_where_else_interviewing" not in stated(text)


class TestRepliesTimedInMoreWords:
    """The thank-you sent and the reply, timed in more words."""

    @pytest.mark.parametrize(("text", "hours"), [
        ("Sent thank yous to all three at 6pm. One came back at 9:15 the next morning.",
         15.25),
        ("Thank-you to the planning department sent Sunday at 8pm. The reply came Monday at "
         "8:30am.", 12.5),
        ("Thank-you to the development manager at the housing association went Monday at "
         "3pm. She replied Tuesday at 11am.", 20),
    ])
    def test_is_read(self, text: str, hours: float) -> None:
        assert stated(text)["thank_you.response_hours"] == hours

    @pytest.mark.parametrize("text", [
        "Sent thank-you at 11, reply 7.",
        "Sent thanks at 3pm, reply at 9am Monday.",
        "Sent thanks at 6pm. It came back at 9pm as undeliverable.",
    ])
    def test_is_not_stated(self, text: str) -> None:
        assert "thank_you.response_hours" not in stated(text)


class TestADoubtThatOpensAClause:
    """A doubt right after 'and' or 'but' opens the clause it joins: it casts none on the
    clause before it."""

    def test_the_clause_before_stands(self) -> None:
        text = "The slot was an hour and I think we went on for about an hour and a half."
        assert stated(text)["interview.scheduled_minutes"] == 60
        assert "interview.actual_minutes" not in stated(text)

    @pytest.mark.parametrize(("text", "path"), [
        ("She nodded, I think.", "body_language.nods"),
        ("The slot was an hour, I think.", "interview.scheduled_minutes"),
    ])
    def test_a_doubt_after_a_comma_still_reaches_back(self, text: str, path: str) -> None:
        assert asked(text, path)

    @pytest.mark.parametrize(("text", "minutes"), [
        ("We used the 50 minutes we were booked for, not a minute more.", 50),
        ("The schedule gave each candidate 30 minutes but mine ran to 50.", 30),
        ("12 till 1 supposedly.", 60),
    ])
    def test_the_booking_in_more_words(self, text: str, minutes: int) -> None:
        assert stated(text)["interview.scheduled_minutes"] == minutes


class TestToursAndDetailInMoreWords:
    """Shown round and told the job in detail, in more words (blind43-44)."""

    @pytest.mark.parametrize("text", [
        "She did take me out the back to see the kitchen and the cellar.",
        "She did take me through to see the consulting rooms and the kennels though.",
        "She showed me the back where they do the bread.",
        "The exec chef then walked me through the pass, the larder and pastry.",
    ])
    def test_is_a_tour(self, text: str) -> None:
        assert stated(text)["tour.office_tour"] is True

    @pytest.mark.parametrize("text", [
        "He showed me the back of his hand.",
    ])
    def test_is_no_tour(self, text: str) -> None:
        assert "tour.office_tour" not in stated(text)

    @pytest.mark.parametrize("text", [
        "He got really specific about the day: 6am deliveries, checking them in.",
        "Then a detailed run through the casework.",
        "The lead took me through exactly what the weekly content calendar involves.",
        "He went far beyond the job ad: shift patterns, HPLC systems.",
    ])
    def test_is_a_deep_dive(self, text: str) -> None:
        assert stated(text)["job_specifics.deep_dive"] is True

    def test_the_writer_being_specific_is_none(self) -> None:
        assert "job_specifics.deep_dive" not in stated(
            "I got really specific about my salary expectations.")


class TestNextStepsAndQuestionsInMoreWords:
    """A next step given its day there and then, stock questions and interest, in more
    words (blind43-44)."""

    @pytest.mark.parametrize(("text", "path", "value"), [
        ("15 min, he said come back Sat 4pm for a trial shift.",
         "next_steps.scheduled_on_the_spot", True),
        ("Second round booked right there at the end, Tuesday 2pm!!!",
         "next_steps.scheduled_on_the_spot", True),
        ("She said to come in Saturday at 7 for a trial morning.",
         "next_steps.scheduled_on_the_spot", True),
        ("She invited me to the ride-along day and put it in both our diaries for the 19th.",
         "next_steps.scheduled_on_the_spot", True),
        ("Nothing was booked on the day.", "next_steps.scheduled_on_the_spot", False),
        ("One of the engineers was clearly reading from a question bank.",
         "body_language.rote_questions", True),
        ("You could hear them reading.", "body_language.rote_questions", True),
        ("The head went through her questions like a shopping list.",
         "body_language.rote_questions", True),
        ("The GP stuck to his printed questions.", "body_language.rote_questions", True),
        ("At the end the ops manager asked me if I'm still after the job.",
         "interest.asked_if_interested", True),
        ("Nobody checked whether I still wanted the job.", "interest.asked_if_interested",
         False),
        ("Early on she said, 'Do you actually want this job? I need to know.'",
         "interest.asked_if_interested", True),
        ("She asked where else I'd been for interviews and whether I'd take the job if they "
         "offered it.", "interest.asked_if_interested", True),
    ])
    def test_is_read(self, text: str, path: str, value: object) -> None:
        assert stated(text)[path] == value

    @pytest.mark.parametrize(("text", "path"), [
        ("If I get through, come back Monday at 9 for a trial shift, she said.",
         "next_steps.scheduled_on_the_spot"),
        ("I wonder whether I'd take the job if they offered it.",
         "interest.asked_if_interested"),
    ])
    def test_is_not_stated(self, text: str, path: str) -> None:
        assert path not in stated(text)


class TestNeverStopped:
    """'Never stopped smiling' is a yes: the negation is of the stopping."""

    @pytest.mark.parametrize(("text", "path"), [
        ("He never stopped smiling.", "body_language.smiles"),
        ("She didn't stop nodding the whole time.", "body_language.nods"),
        ("He never stopped asking follow-up questions.", "body_language.engaged"),
    ])
    def test_is_a_yes(self, text: str, path: str) -> None:
        assert stated(text)[path] is True

    def test_a_doubt_about_it_is_a_yes_to_confirm(self) -> None:
        text = "I don't think he stopped smiling."
        assert "body_language.smiles" not in stated(text)
        assert ("body_language.smiles", True, "unsure") in proposals(text)

    def test_a_plain_no_stays_a_no(self) -> None:
        assert stated("She didn't smile once and never stopped frowning.")[
            "body_language.smiles"] is False


class TestTheReviewOfThisSession:
    """Sentences an independent review wrote against this session's phrases: none of them
    states the field (most did before the review)."""

    @pytest.mark.parametrize(("text", "path"), [
        ('I only got the 10 minutes they said was for questions at the end.',
         'interview.scheduled_minutes'),
        ('We had the five minutes he said were for my questions.',
         'interview.scheduled_minutes'),
        ('After 20 minutes I was given a case study to do.',
         'interview.scheduled_minutes'),
        ('For 30 minutes we were given a tour of the site.',
         'interview.scheduled_minutes'),
        ('After an hour we were given a break.',
         'interview.scheduled_minutes'),
        ('They gave each of us 10 minutes to prepare.',
         'interview.scheduled_minutes'),
        ('They allowed each candidate 15 minutes for the presentation.',
         'interview.scheduled_minutes'),
        ('They gave every candidate 5 minutes to read the brief.',
         'interview.scheduled_minutes'),
        ('The commute is 40 minutes supposedly.',
         'interview.scheduled_minutes'),
        ('The decision takes 30 minutes supposedly.',
         'interview.scheduled_minutes'),
        ('Interview was 2 hours but it went quickly.',
         'interview.scheduled_minutes'),
        ('Interview was 90 mins but I left feeling great.',
         'interview.scheduled_minutes'),
        ('Waited in reception. Only 10 minutes though.',
         'interview.actual_minutes'),
        ('The drive was fine. Just 40 minutes though.',
         'interview.actual_minutes'),
        ('Only 10 minutes though to read the case study.',
         'interview.actual_minutes'),
        ('My presentation: kept it to 10 minutes as asked.',
         'interview.actual_minutes'),
        ('She kept me to 10 minutes for my presentation.',
         'interview.actual_minutes'),
        ('He kept things to 15 minutes of small talk before the real questions.',
         'interview.actual_minutes'),
        ('Got there early. 10 minutes and I was outside their door.',
         'interview.actual_minutes'),
        ('Bus was quick. 20 minutes and I was outside the building.',
         'interview.actual_minutes'),
        ('I used the full 10 minutes for my presentation.',
         'interview.actual_minutes'),
        ('We used the whole 15 minutes of prep time on the case study.',
         'interview.actual_minutes'),
        ('I had 30 minutes against a timer to do the coding test.',
         'interview.actual_minutes'),
        ('The case study was 20 minutes against the clock.',
         'interview.actual_minutes'),
        ('We had 45 minutes against two other teams in the group task.',
         'interview.actual_minutes'),
        ('During the entire 20 minutes I waited in reception nobody spoke to me.',
         'interview.actual_minutes'),
        ('In the whole hour drive home I replayed every answer.',
         'interview.actual_minutes'),
        ('During the whole 15 minutes of prep time I panicked.',
         'interview.actual_minutes'),
        ("Second interview 90 minutes with the CEO, can't wait.",
         'interview.actual_minutes'),
        ('Interviews 45 minutes with each panel member, so 3 hours in total, next week.',
         'interview.actual_minutes'),
        ('Interviewing 20 minutes with each candidate seems really short to me.',
         'interview.actual_minutes'),
        ('Booked for an hour and it took just that long to find parking.',
         'interview.actual_minutes'),
        ('Slot was an hour and it took exactly that to get through security.',
         'interview.actual_minutes'),
        ('Interview started at 2pm. I was still at it till 5pm with the written test on my own.',
         'interview.actual_minutes'),
        ('Interview started at 10. Afterwards the panel were still in there '
         'until 1 with the next candidates.',
         'interview.actual_minutes'),
        ('Started at 2pm, and the interviewers were still talking until 4pm '
         'among themselves after I left.',
         'interview.actual_minutes'),
        ('Interview started at 3pm. I was still going till 11pm on the follow-up task.',
         'interview.actual_minutes'),
        ('They asked for a printed CV and I only had one on me.',
         'interview.interviewer_count'),
        ('Bring a pen, they said. Luckily I had two on me.',
         'interview.interviewer_count'),
        ("I'm one of the 6 interviewing for the role this week.",
         'interview.interviewer_count'),
        ('Of the 40 interviewing for this grad scheme, only 5 get offers.',
         'interview.interviewer_count'),
        ('Of the 3 asked back, I was the first in.',
         'interview.interviewer_count'),
        ('Interview was fine, I compared notes with the 2 other candidates afterwards.',
         'interview.interviewer_count'),
        ('Interview at 10 with 4 other candidates in a group exercise.',
         'interview.interviewer_count'),
        ('Interview over, then I had lunch with 2 junior developers from the team.',
         'interview.interviewer_count'),
        ('She asked me two questions on SQL and then two more on Python, so four in total.',
         'interview.interviewer_count'),
        ('They asked about Python and SQL and Java, so 3 in total.',
         'interview.interviewer_count'),
        ('There were two rounds and a written test, three in all.',
         'interview.interviewer_count'),
        ('I waited 10 minutes and then another 5, so 15 altogether.',
         'interview.interviewer_count'),
        ('It was just me with the manager at first, then two more joined.',
         'interview.interviewer_count'),
        ('Reception was empty apart from a desk with a single person on it.',
         'interview.interviewer_count'),
        ('Training for new starters is a one to one over the first month.',
         'interview.interviewer_count'),
        ('The onboarding is just a one to one in the first week.',
         'interview.interviewer_count'),
        ('I could hear her reading my CV aloud before she called me in.',
         'body_language.rote_questions'),
        ("I heard them reading the next candidate's name over the tannoy.",
         'body_language.rote_questions'),
        ('I brought my questions like a shopping list.',
         'body_language.rote_questions'),
        ('The recruiter checked if I still wanted the Thursday slot.',
         'interest.asked_if_interested'),
        ('She checked if I still wanted a coffee before we started.',
         'interest.asked_if_interested'),
        ('I checked whether I still wanted to apply after reading the pack.',
         'interest.asked_if_interested'),
        ("She asked if I'd anything else on Thursday.",
         'interest.asked_where_else_interviewing'),
        ("She asked if I've got anything else going on that day.",
         'interest.asked_where_else_interviewing'),
        ('She asked was I up for anything else after, like a drink.',
         'interest.asked_where_else_interviewing'),
        ('She asked was I going anywhere else after, she could give me a lift.',
         'interest.asked_where_else_interviewing'),
        ('I mentioned my other interviews.',
         'interest.asked_where_else_interviewing'),
        ('I brought up my other offers.',
         'interest.asked_where_else_interviewing'),
        ('She said she had a busy day and mentioned other interviews.',
         'interest.asked_where_else_interviewing'),
        ("I didn't bring up my other offers.",
         'interest.asked_where_else_interviewing'),
        ("I wrote down anywhere else I'm applying in my spreadsheet.",
         'interest.asked_where_else_interviewing'),
        ("I didn't tell them anywhere else I'm applying.",
         'interest.asked_where_else_interviewing'),
        ('The other two candidates are coming back next Tuesday for the final round.',
         'next_steps.scheduled_on_the_spot'),
        ('He told the lad before me to come back Sat 4pm for a trial shift.',
         'next_steps.scheduled_on_the_spot'),
        ("She said I could come back on Saturday at some point for a trial, I'd need to ring "
         "to arrange it.",
         'next_steps.scheduled_on_the_spot'),
        ('Nothing was arranged for lunch, so I went to Pret.',
         'next_steps.scheduled_on_the_spot'),
        ('Nothing was booked for parking so I paid at the meter.',
         'next_steps.scheduled_on_the_spot'),
        ('The receptionist took me up to see the panel.',
         'tour.office_tour'),
        ('She brought me through to see the HR manager for my paperwork.',
         'tour.office_tour'),
        ('He showed me out back to the car park.',
         'tour.office_tour'),
        ('She was very specific about the dress code in the invite email.',
         'job_specifics.deep_dive'),
        ('He was really specific about what time to arrive.',
         'job_specifics.deep_dive'),
        ('I did a detailed run through of my portfolio.',
         'job_specifics.deep_dive'),
        ('She walked me through exactly what to expect in the next round.',
         'job_specifics.deep_dive'),
        ('He took me through exactly what went wrong with my test code.',
         'job_specifics.deep_dive'),
        ('Honestly my experience goes well beyond the job spec.',
         'job_specifics.deep_dive'),
        ('Thank you for having me I said and went off at 11 to catch my train.',
         'thank_you.note_sent'),
        ('Thanked the receptionist for the coffee and was out on the street by 11.',
         'thank_you.note_sent'),
        ('Thank you to the agency for the brief sent Tuesday, it really helped.',
         'thank_you.note_sent'),
        ('Thanks to my mentor whose tips were sent Sunday.',
         'thank_you.note_sent'),
        ('Sent my thank-you note. Applied to three other places last week, one '
         'came back this morning with a rejection.',
         'thank_you.response_received'),
        ("Tomorrow's plan: send thank you note to Sarah.",
         'thank_you.note_sent'),
        ('Plan for the morning: email thanks to both interviewers.',
         'thank_you.note_sent'),
    ])
    def test_is_not_stated(self, text: str, path: str) -> None:
        assert path not in stated(text)

    @pytest.mark.parametrize(("text", "path", "value"), [
        ("I didn't ask about parking and she asked if I was still interested in the role.",
         "interest.asked_if_interested", True),
        ("I didn't ask about the salary and she asked where else I was interviewing.",
         "interest.asked_where_else_interviewing", True),
        ("No one checked my ID at the door and the manager asked where else I was applying.",
         "interest.asked_where_else_interviewing", True),
        ("He couldnae stop smiling.", "body_language.smiles", True),
        ("Hasnae stopped smiling since.", "body_language.smiles", True),
        ("I cannae believe they showed me round the whole site.", "tour.office_tour", True),
        ("He didn't mention other applications.", "interest.asked_where_else_interviewing",
         False),
        ("Nobody checked whether I still wanted the job.", "interest.asked_if_interested",
         False),
        ("They did not ask whether I am interested or where else I have applied.",
         "interest.asked_where_else_interviewing", False),
    ])
    def test_is_read(self, text: str, path: str, value: object) -> None:
        assert stated(text)[path] == value

    @pytest.mark.parametrize(("text", "path"), [
        ("She gave me a tour, and I guess that counts.", "tour.office_tour"),
        ("There were 3 of them on the panel and I could be wrong about that.",
         "interview.interviewer_count"),
        ("The interview lasted 40 minutes and don't quote me on that.",
         "interview.actual_minutes"),
        ("Sent my thank you at 5pm. She replied at 10am, two days later.",
         "thank_you.response_hours"),
        ("Sent thank-you at 11pm, reply 7am.", "thank_you.response_hours"),
    ])
    def test_is_asked(self, text: str, path: str) -> None:
        assert asked(text, path)


class TestDoesThatCount:
    """The writer asking whether what happened counts as a sign leaves it to confirm."""

    @pytest.mark.parametrize(("text", "path"), [
        ("She asked if I'd be happy committing to the full three-year contract - is that the "
         "same as asking if I want the job??", "interest.asked_if_interested"),
        ("One of them asked if I'd be willing to relocate, which isn't quite the same as "
         "asking if I want it, is it?", "interest.asked_if_interested"),
        ("We cut through the depot to get to the meeting room but I wouldn't really call "
         "that being shown round.", "tour.office_tour"),
        ("She showed me round. Does that count as a tour?", "tour.office_tour"),
    ])
    def test_is_asked(self, text: str, path: str) -> None:
        assert asked(text, path)

    def test_a_judgement_is_no_doubt_about_a_length(self) -> None:
        text = "It was booked for 10 to 11 and ran to 11:40, which I'm choosing to read as good."
        assert stated(text)["interview.actual_minutes"] == 100

    def test_maybe_a_bit_less_is_a_length_to_confirm(self) -> None:
        assert "interview.actual_minutes" not in stated("Went for an hour, maybe a bit less.")


class TestTheJobInDetailIsNoOverview:
    """The job explained in detail is a deep dive; whether there was the usual overview too
    is asked."""

    @pytest.mark.parametrize("text", [
        "He explained the role in real detail: the overnight numbers, three shops a week.",
        "We did go through the role in a lot of depth though, right down to the committees.",
        "The contracts manager went through the job properly, what I'd be doing each day.",
    ])
    def test_is_a_deep_dive_and_no_stated_overview(self, text: str) -> None:
        assert stated(text)["job_specifics.deep_dive"] is True
        assert "job_specifics.overview_given" not in stated(text)

    def test_an_overview_and_then_detail_are_both(self) -> None:
        text = "She gave me the standard overview first, then went into real detail on the rota."
        assert stated(text)["job_specifics.overview_given"] is True
        assert stated(text)["job_specifics.deep_dive"] is True


class TestGhostedIsAboutTheThankYou:
    """'Ghosted' says no reply only near words about the thank-you."""

    def test_near_the_thank_you_it_is_no_reply(self) -> None:
        assert stated("Sent my thank-you on Monday. Ghosted.")[
            "thank_you.response_received"] is False

    def test_elsewhere_it_says_nothing_of_a_reply(self) -> None:
        assert "thank_you.response_received" not in stated(
            "The recruiter ghosted me for weeks before the interview.")


class TestStoppingToDoSomething:
    """'Didn't stop to smile' is still a no: only 'never stopped smiling' is a yes."""

    @pytest.mark.parametrize(("text", "path"), [
        ("He didn't stop to smile.", "body_language.smiles"),
        ("She never stopped to ask where else I was interviewing.",
         "interest.asked_where_else_interviewing"),
    ])
    def test_is_a_no(self, text: str, path: str) -> None:
        assert stated(text)[path] is False

    def test_never_let_up_is_a_yes(self) -> None:
        assert stated("He never let up on the questions from the sheet.")[
            "body_language.rote_questions"] is True


class TestLengthsInStillMoreWords:
    """Every minute of the booking used; lengths a second review showed to be something
    else are not read."""

    def test_every_one_of_the_booked_minutes(self) -> None:
        assert stated("Booked for 90 minutes and we used every one of them.")[
            "interview.actual_minutes"] == 90

    @pytest.mark.parametrize("text", [
        "30 minutes with my manager this morning before the interview, to get time off.",
        "The hour flew by.",
        "Before I went in he wanted to talk to the delivery driver for ten minutes.",
        "An hour with the CEO on Monday.",
        "30 minutes with the recruiter first, then 45 with the hiring manager.",
        "45 minutes went by before anyone came to get me.",
        "Twenty minutes flew by on the train.",
        "I told them my last contract lasted 9m.",
        "Ran 10m this morning before the interview.",
        "The slot was 45 minutes and I used every one of them on my presentation.",
    ])
    def test_is_not_stated(self, text: str) -> None:
        assert "interview.actual_minutes" not in stated(text)


class TestToursInStillMoreWords:
    """A place not seen; walks a second review showed to be no tour are not read."""

    def test_a_place_not_seen(self) -> None:
        assert stated("Didn't see the lab, they said it's a clean area.")[
            "tour.office_tour"] is False

    @pytest.mark.parametrize("text", [
        "She walked me to the lift.",
        "He took me to the meeting room.",
        "The manager took me to her office to sign the forms.",
        "He walked me to the office door.",
        "The chair took me along the corridor to meet the administrator.",
        "Tour of the office was promised but never happened.",
        "Tour of the site is booked for Thursday.",
        "Office tour yes please, next time.",
        "He walked me out through the building to the car park.",
        "The receptionist took me up to the third floor for the interview.",
        "Took me to the kitchen to make me a coffee.",
        "I didn't see the store manager, just her assistant.",
        "Didn't see the base salary in writing.",
    ])
    def test_is_not_stated(self, text: str) -> None:
        assert "tour.office_tour" not in stated(text)



class TestTheSecondReviewOfThisSession:
    """Sentences a second independent review wrote against this session's later phrases and
    cues: each is read as it should be."""

    @pytest.mark.parametrize(("text", "path", "value"), [
        ("He didn't stop to smile.",
         'body_language.smiles', False),
        ('She never stopped to ask where else I was interviewing.',
         'interest.asked_where_else_interviewing', False),
        ('He never stopped explaining what I would be doing day to day.',
         'job_specifics.deep_dive', True),
        ('She never stopped introducing me to people.',
         'tour.introduced_to_people', True),
        ('He never stopped making eye contact.',
         'body_language.engaged', True),
        ('He never stopped with the eye contact.',
         'body_language.engaged', True),
        ('She never stopped firing questions from her sheet.',
         'body_language.rote_questions', True),
        ('He never let up on the questions from the sheet.',
         'body_language.rote_questions', True),
        ('He never stopped smiling.',
         'body_language.smiles', True),
        ('She nodded a lot, does that count as a good sign?',
         'body_language.nods', True),
        ('She invited me to round two, does that count as a good sign?',
         'next_steps.invited_to_next_round', True),
        ("He gave me a full tour of the building, I wouldn't exactly call it exciting though.",
         'tour.office_tour', True),
        ("She invited me back for a second interview, which I'm choosing to read as a yes.",
         'next_steps.invited_to_next_round', True),
        ('He asked where else I was interviewing, basically asking what my timeline was.',
         'interest.asked_where_else_interviewing', True),
        ('He asked if I was interested in the role, is that the same as an offer?',
         'interest.asked_if_interested', True),
        ('She offered to book round two on the spot and sent the invite while I sat there.',
         'next_steps.scheduled_on_the_spot', True),
        ('She promised to introduce me to the team and did, I met four of them.',
         'tour.introduced_to_people', True),
        ('He gave me an overview of the team, properly friendly guy.',
         'job_specifics.overview_given', True),
        ('She explained the role and properly listened to my questions.',
         'job_specifics.overview_given', True),
        ('It lasted 45 minutes, maybe a bit more relaxed than round one.',
         'interview.actual_minutes', 45),
        ('Two interviewers, probably a bit more senior than last time.',
         'interview.interviewer_count', 2),
    ])
    def test_is_read(self, text: str, path: str, value: object) -> None:
        assert stated(text)[path] == value


class TestAlsoAfterItsSubject:
    """'he also asked' is no clause joined by 'also': a doubt before it still reaches on."""

    @pytest.mark.parametrize("text", [
        "Pretty sure he also asked where else I'd applied.",
        "Maybe he also asked where else I was interviewing.",
    ])
    def test_the_doubt_reaches_past_also(self, text: str) -> None:
        path = "interest.asked_where_else_interviewing"
        assert path not in stated(text)
        assert (path, True, "unsure") in proposals(text)

    def test_also_still_ends_a_doubt_that_opens_a_list(self) -> None:
        text = "I think she smiled, also asked where else I was interviewing."
        assert stated(text)["interest.asked_where_else_interviewing"] is True


class TestWhatTheWriterHappenedToSee:
    """'that I noticed', 'I could see on video' after a denial leave it to confirm."""

    @pytest.mark.parametrize("text", [
        "Neither nodded that I noticed.",
        "No nods I could see on video, little verbal feedback.",
    ])
    def test_is_asked(self, text: str) -> None:
        assert "body_language.nods" not in stated(text)
        assert ("body_language.nods", False, "unsure") in proposals(text)


class TestALengthThatIsItsWholeSentence:
    """A length written as a sentence of its own is asked, not stated, unless the sentence
    before counts the interviewers: stating it after a sentence about the interview was
    tried and withdrawn (two reviews broke it with what the next sentence says: "20
    minutes. Then the real grilling started", "45 min. 45 min each way on the train")."""

    @pytest.mark.parametrize("text", [
        "Warehouse interview done. 15 mins. Bloke read questions off a clipboard.",
        "She read every question off a sheet. 35 minutes.",
        "He kept smiling and nodding. 20 minutes. Then the real grilling started.",
    ])
    def test_is_asked(self, text: str) -> None:
        assert asked(text, "interview.actual_minutes")

    @pytest.mark.parametrize("text", [
        "Bus was late again. 20 mins.",
        "Waited in reception forever. 25 minutes.",
        "Sent my thank-you at 8. Her reply came at 1pm, lovely. Five hours.",
        "Drove over after lunch. Traffic awful. 40 minutes.",
    ])
    def test_is_no_length_after_other_time(self, text: str) -> None:
        assert "interview.actual_minutes" not in stated(text)

    def test_is_stated_after_a_count(self) -> None:
        assert stated("Just the site foreman. 15 mins.")["interview.actual_minutes"] == 15


class TestMorePanelsCounted:
    """Panels counted in more words, and people listed with a title of something ("the
    chair of trustees" is one chair) or as a tech or a C-level officer."""

    @pytest.mark.parametrize(("text", "count"), [
        ("Interviewed by the CEO and the chair of trustees.", 2),
        ("Executive panel: CIO, CRO and the People Director.", 3),
        ("Interview with HR girl and the production manager.", 2),
        ("Big panel, five people.", 5),
        ("Four committee members, ninety minutes in the diary.", 4),
        ("Panel was her and the team leader.", 2),
        ("It was her and one colleague.", 2),
        ("I was interviewed by the PI + 2 of her students on zoom.", 3),
        ("Three-person board for the HEO competition.", 3),
        ("Interview was with the area manager, just her.", 1),
    ])
    def test_is_counted(self, text: str, count: int) -> None:
        assert stated(text)["interview.interviewer_count"] == count

    @pytest.mark.parametrize("text", [
        "Waited 45 minutes, two people ahead of me in the queue.",
        "The chair of trustees and her trustees were not there.",
        "My friend met four committee members at her interview.",
        "I sent her and the manager a thank-you.",
        "I met her and her two kids at the school gate.",
        "Waited 20 minutes, the manager and the receptionist were both busy.",
    ])
    def test_is_no_count(self, text: str) -> None:
        assert "interview.interviewer_count" not in stated(text)


class TestAQuestionAnsweredRightAfter:
    """A yes-or-no question in the note answered in the next sentence (a mentor's quoted
    question and the reply under it; the writer asking and answering themselves) settles the
    field, unless the answer is doubted, says nothing, or the question may be the
    interviewer's to the writer or about what something meant."""

    @pytest.mark.parametrize(("text", "path", "value"), [
        ("> Did they give you a tour?\nNo, it was on Zoom.", "tour.office_tour", False),
        ("> Tour?\nYes, round the warehouse and the cold store.", "tour.office_tour", True),
        ("> Tour?\nHa, no, it was on Zoom, so no tour.", "tour.office_tour", False),
        ("did she even smile? no. did she nod? also no.", "body_language.smiles", False),
        ("Did they ask where else I was interviewing? Nope.",
         "interest.asked_where_else_interviewing", False),
        ("> Did they ask if you're still keen?\nYes, right at the end.",
         "interest.asked_if_interested", True),
        ("Q: did he smile at all?\nA: no.", "body_language.smiles", False),
        ("Jess: did they do a tour?\nMe: nope", "tour.office_tour", False),
        ("Did they ask if I want the job? No. Did they ask where else I am looking? Also no.",
         "interest.asked_where_else_interviewing", False),
    ])
    def test_is_settled(self, text: str, path: str, value: object) -> None:
        assert stated(text)[path] == value

    @pytest.mark.parametrize(("text", "path"), [
        ("Was it a good sign that she smiled? No, she smiles at everyone.",
         "body_language.smiles"),
        ("Are you still interested? No.", "interest.asked_if_interested"),
        ("Did she nod? No idea.", "body_language.nods"),
        ("Did they show me round? I think so.", "tour.office_tour"),
        ("Did she nod? Maybe, hard to tell on video.", "body_language.nods"),
        ("Would they give me a tour next time? No.", "tour.office_tour"),
        ("Did my friend get a tour? Yes.", "tour.office_tour"),
        ("Did she smile or was she just being polite? Yes.", "body_language.smiles"),
    ])
    def test_is_not_settled(self, text: str, path: str) -> None:
        assert path not in stated(text)


class TestOneReplyIsAReply:
    """A reply stated is a reply where one of several people answered and the others did
    not, or where it comes after every word of none (a later entry of a running log); a
    reply to something else (a CV, an application) or one told before the writer's own
    "nothing yet" settles nothing."""

    @pytest.mark.parametrize("text", [
        "Sent thank-yous to all three. The chair replied within two hours; the other two "
        "have not replied.",
        "Day 2: sent my thank-you. Day 4: nothing yet. Day 5: she wrote back!",
        "Emailed each partner a thank-you. Janet replied Thursday. Nothing from the other "
        "partner.",
        "CFO replied 6:30pm, canned, clearly automatic 'Thanks for your note.' Controller: "
        "nothing yet.",
    ])
    def test_a_reply_came(self, text: str) -> None:
        assert stated(text)["thank_you.response_received"] is True

    @pytest.mark.parametrize("text", [
        "My friend got a card back within two days. Mine: sent Monday, nothing yet.",
        "Sent my thank-you Monday. No reply. Tom replied to my application within minutes "
        "though, back in May.",
        "Sent the thank-you. Still no reply from Jess. She did reply quickly when I sent my CV.",
        "She replied to my LinkedIn message last week. Sent my thank-you on Monday; no reply "
        "from anyone yet.",
    ])
    def test_no_reply_is_outweighed(self, text: str) -> None:
        assert stated(text).get("thank_you.response_received") is not True


class TestTheReviewOfTheseMechanisms:
    """Sentences an independent review wrote against a length alone in its sentence, a
    question answered right after it, people listed with a pronoun or after a length, new
    panel wordings and "booked me in": none is read with the wrong value it tried for."""

    @pytest.mark.parametrize(("text", "path", "wrong"), [
        ('Invite came through for Tuesday. 45 mins.',
         'interview.actual_minutes', 45),
        ('Recruiter confirmed the slot for Friday. 30 mins.',
         'interview.actual_minutes', 30),
        ('Interview tomorrow with the ops manager. 45 mins.',
         'interview.actual_minutes', 45),
        ('Second round will be with the director. 90 mins.',
         'interview.actual_minutes', 90),
        ('Calendar invite says 9:30. 30 mins.',
         'interview.actual_minutes', 30),
        ("2 hours. That's how long I spent prepping last night.",
         'interview.actual_minutes', 120),
        ("20 mins. That's how late the bus was.",
         'interview.actual_minutes', 20),
        ("Interview done. 40 mins. That's how long they kept me waiting before it even started.",
         'interview.actual_minutes', 40),
        ('Train was cancelled. Had to run from the station. Got there sweaty and '
         'flustered. 20 mins.',
         'interview.actual_minutes', 20),
        ('Cycled in from home. 25 mins.',
         'interview.actual_minutes', 25),
        ('Got lost in the business park. 15 mins.',
         'interview.actual_minutes', 15),
        ('Sat in the car park psyching myself up. 15 mins.',
         'interview.actual_minutes', 15),
        ('Hospital interview today. Kept me in the corridor. 30 mins.',
         'interview.actual_minutes', 30),
        ('Interview was meant to start at 2. Started at 2:40. 40 mins.',
         'interview.actual_minutes', 40),
        ('Had to fill in a questionnaire first. 20 mins.',
         'interview.actual_minutes', 20),
        ('They gave me a coding exercise to do on my own. 45 mins.',
         'interview.actual_minutes', 45),
        ('Sat the psychometric tests after. 40 mins.',
         'interview.actual_minutes', 40),
        ('Interview done! Then they asked me to stay for the group exercise. 90 mins.',
         'interview.actual_minutes', 90),
        ('Case study to do at home before Friday. 3 hours.',
         'interview.actual_minutes', 180),
        ('Tour of the plant afterwards. 30 mins.',
         'interview.actual_minutes', 30),
        ('Stayed for a coffee with the team after. 20 mins.',
         'interview.actual_minutes', 20),
        ('Recruiter phoned after to debrief. 10 mins.',
         'interview.actual_minutes', 10),
        ('Phoned my mum after to tell her all about it. 1 hour.',
         'interview.actual_minutes', 60),
        ('Sent my thank-you this morning. No answer yet. Went for a run to clear my head. 45 mins.',
         'interview.actual_minutes', 45),
        ('Thanked Jo at 9. Jo answered at 1. 4 hours.',
         'interview.actual_minutes', 240),
        ('My friend Sam had his interview there yesterday. 90 mins.',
         'interview.actual_minutes', 90),
        ("First round last week was a quick one. 20 mins. Today's was with the whole team.",
         'interview.actual_minutes', 20),
        ('El autobús llegó tarde. 20 min.',
         'interview.actual_minutes', 20),
        ('> So no tour?\nNope.',
         'tour.office_tour', True),
        ('> So there was no tour?\nNope.',
         'tour.office_tour', True),
        ('> Still no reply from them?\nNone.',
         'thank_you.response_received', True),
        ('> Did they both nod along?\nNo, just the younger one.',
         'body_language.nods', False),
        ('> Did they all smile?\nNo, only the chair did.',
         'body_language.smiles', False),
        ('Did everyone on the panel nod? Nope, only Sarah.',
         'body_language.nods', False),
        ('> Did she smile the whole time?\nNo.',
         'body_language.smiles', False),
        ("> Did they ask where else you're interviewing a lot?\nNo, just once at the end.",
         'interest.asked_where_else_interviewing', False),
        ('> Was the tour with the CEO?\nNo, the office manager took me.',
         'tour.office_tour', False),
        ('> Did the tour include meeting the team?\nNo, just the building.',
         'tour.office_tour', False),
        ('> Did they reply the same day?\nNo, the next morning.',
         'thank_you.response_received', False),
        ('> Did the reply come quickly?\nNo.',
         'thank_you.response_received', False),
        ('> Was the reply warm?\nNo.',
         'thank_you.response_received', False),
        ('> Was her reply curt?\nNo.',
         'thank_you.response_received', False),
        ('> Did they reply to your thank-you with any specifics?\nNo, pretty generic.',
         'thank_you.response_received', False),
        ('> Did her reply mention the tour?\nNo.',
         'thank_you.response_received', False),
        ('> Did her reply mention the tour?\nNo.',
         'tour.office_tour', False),
        ('> Did they say when the next round is?\nNo.',
         'next_steps.invited_to_next_round', False),
        ('> Did they invite you to the final round right away?\nNo, they emailed two days '
         'later with the invite.',
         'next_steps.invited_to_next_round', False),
        ('> Did she smile when you mentioned the tour?\nNo.',
         'tour.office_tour', False),
        ('> Did they invite you back after the tour?\nNo.',
         'tour.office_tour', False),
        ("> Did they ask where else you're interviewing after they showed you round?\nNo.",
         'tour.office_tour', False),
        ('> Did they seem engaged when you talked about your thank-you email plan?\nYes.',
         'thank_you.note_sent', True),
        ('Do panels normally nod along? Nope.',
         'body_language.nods', False),
        ('Is a tour standard at places like this? No.',
         'tour.office_tour', False),
        ('> Did anyone else get a tour?\nNo.',
         'tour.office_tour', False),
        ('Did my dog smile when I got home? Yes.',
         'body_language.smiles', True),
        ('Did they give me a tour at the first interview? Yes. This time it was all on Teams.',
         'tour.office_tour', True),
        ('> Did you smile at them?\nYes, the whole time, my face hurt.',
         'body_language.smiles', True),
        ("> Did you ask them where else they're interviewing?\nNo, felt too forward.",
         'interest.asked_where_else_interviewing', False),
        ('Did anyone nod? Yes, me, nervously, at everything.',
         'body_language.nods', True),
        ('Are they showing me round at the second interview? Yes.',
         'tour.office_tour', True),
        ('> Did they give you a tour?\nOh yes, a grand tour of the car park on my way out.',
         'tour.office_tour', True),
        ('> Was the panel engaged?\nYes, with their phones.',
         'body_language.engaged', True),
        ('> Did they nod?\nNo... actually yes, a few times towards the end.',
         'body_language.nods', False),
        ('Did they call anyone in to meet me? No, wait, yes, the CFO popped in at the end.',
         'tour.introduced_to_people', False),
        ('> Was there a tour?\nNo. Well, sort of, she walked me past the lab on the way out.',
         'tour.office_tour', False),
        ('> Was there a tour?\nNo. There was a look at the canteen, if that counts.',
         'tour.office_tour', False),
        ("> Did she ask where else you're applying?\nYes. Well, the recruiter did, on the "
         "phone before.",
         'interest.asked_where_else_interviewing', True),
        ('> Did they nod?\nYes!! Ok maybe once.',
         'body_language.nods', True),
        ('My sister interviewed there in March. Panel was her and the team leader.',
         'interview.interviewer_count', 2),
        ('Him and the site manager showed me round after.',
         'interview.interviewer_count', 2),
        ('Her and two of her students showed me the lab afterwards.',
         'interview.interviewer_count', 3),
        ('Her and the CEO smiled when I walked in, then the CEO left.',
         'interview.interviewer_count', 2),
        ('The interview was with the head of ops. Her and the deputy asked most of the '
         'questions; the HR lady just took notes.',
         'interview.interviewer_count', 2),
        ('Tour was 20 minutes, the lab manager and two students.',
         'interview.interviewer_count', 3),
        ('Lunch after, an hour, the team lead and two devs.',
         'interview.interviewer_count', 3),
        ('Lunch after, an hour, the team lead and two devs.',
         'interview.actual_minutes', 60),
        ('Shortlisted for the final panel, six people.',
         'interview.interviewer_count', 6),
        ('There were 9 board members, but only 3 on my panel.',
         'interview.interviewer_count', 9),
        ('The 11 board members have to sign off on the appointment.',
         'interview.interviewer_count', 11),
        ('Four committee members have to approve any hire.',
         'interview.interviewer_count', 4),
        ('The applicants for the panel numbered forty.',
         'interview.interviewer_count', 40),
        ('Interview was with the manager and a tech test.',
         'interview.interviewer_count', 2),
        ('Interview was with the manager and a tech question about VLANs.',
         'interview.interviewer_count', 2),
        ('The receptionist booked me in.',
         'next_steps.scheduled_on_the_spot', True),
        ('Got to reception, the guy on the desk booked me in, and I waited ten minutes.',
         'next_steps.scheduled_on_the_spot', True),
        ('Flew up the night before; the company paid for the hotel and booked me in.',
         'next_steps.scheduled_on_the_spot', True),
        ('Agency called back. They booked me in.',
         'next_steps.scheduled_on_the_spot', True),
        ('Recruiter rang this morning and booked me in for Thursday.',
         'next_steps.scheduled_on_the_spot', True),
        ('They booked me in on Monday for this interview.',
         'next_steps.scheduled_on_the_spot', True),
        ('Applied Monday, they booked me in for an interview on Friday.',
         'next_steps.scheduled_on_the_spot', True),
        ("They booked me in for Friday's assessment centre when I applied.",
         'next_steps.scheduled_on_the_spot', True),
        ('The dentist booked me in for next week so I can get this tooth sorted before '
         'the final round.',
         'next_steps.scheduled_on_the_spot', True),
        ('HR booked me in with the hiring manager for Wednesday.',
         'next_steps.scheduled_on_the_spot', True),
    ])
    def test_is_not_read_wrongly(self, text: str, path: str, wrong: object) -> None:
        assert stated(text).get(path, "not stated") != wrong


class TestPeopleCalledOverToSayHello:
    """People the interviewer called in or over, named at any length, to meet the writer."""

    @pytest.mark.parametrize("text", [
        "Halfway thru the director called the head of security and the pit manager in to "
        "say hi.",
        "Helen called over three adjusters to meet me.",
        "He did call their head of strategy in for five minutes to meet me.",
        "She brought in her deputy to say hello.",
    ])
    def test_is_called_in(self, text: str) -> None:
        assert stated(text)["tour.people_called_in"] is True

    @pytest.mark.parametrize("text", [
        "I called my mum over to say hi after.",
        "Got my coat and went over to say hi to the receptionist.",
        "I called in to say hi to my old boss.",
        "My friend said they called the whole team in to say hi to her.",
        "If it goes well they will call the team in to meet me.",
    ])
    def test_is_not(self, text: str) -> None:
        assert "tour.people_called_in" not in stated(text)


class TestTheSecondReviewOfTheseMechanisms:
    """Sentences a second independent review wrote against replies outweighing "no reply",
    a length alone in its sentence, questions answered, panel wordings and "booked me in":
    none is read with the wrong value it tried for."""

    @pytest.mark.parametrize(("text", "path", "wrong"), [
        ("Thank-you notes went out to all three. Controller: nothing yet. Recruiter: "
         "replied same day with the parking details I'd asked about.",
         'thank_you.response_received', True),
        ('Sent a thank-you note to the hiring manager. Nothing yet. Last time I interviewed '
         'there (2022) she replied in an hour.',
         'thank_you.response_received', True),
        ('Sent thank-you notes. Round 1: she replied the same day. Round 2 was Tuesday, and '
         'nothing from her yet.',
         'thank_you.response_received', True),
        ("Thank-you note sent to Greg. No reply from Greg. His assistant replied to confirm "
         "she'd received it.",
         'thank_you.response_received', True),
        ('Thank-you sent Monday. Tuesday: no reply. Wednesday: she replied, great, just '
         'kidding, still nothing.',
         'thank_you.response_received', True),
        ('I sent a thank you to Carla. Nothing from Carla yet. Her colleague Ben replied to '
         'my email asking about parking, very friendly.',
         'thank_you.response_received', True),
        ('I sent a thank-you note to the interviewer. Nothing yet from her. My recruiter '
         'replied that this is normal.',
         'thank_you.response_received', True),
        ('Sent a thank-you note. Nothing yet. Wait, one reply: the Uber driver I left my '
         'umbrella with replied, ha.',
         'thank_you.response_received', True),
        ('I sent a thank you to both. Jess: nothing yet. Tom replied, but to the wrong '
         'thread, answering my earlier email about the start date.',
         'thank_you.response_received', True),
        ('Emailed thanks to the interviewer. No reply yet. I got a reply from the other '
         'company I interviewed with though, they want a second round.',
         'thank_you.response_received', True),
        ("Thank you sent to the hiring manager. No reply yet. (Update: she replied! Oh no, "
         "it was to a different candidate, she cc'd me by mistake.)",
         'thank_you.response_received', True),
        ('Sent my thank-you at 9 AM. The only person who replied today was my landlord, '
         'about the boiler. No reply yet from the interviewer as of 5 PM.',
         'thank_you.response_received', True),
        ('Day 1: thank-you sent. Day 2: no reply. Day 3: she replied! In my dreams. Still nothing.',
         'thank_you.response_received', True),
        ("Panel of three. Thank-you notes sent to all. No reply yet from anyone. The agency "
         "replied saying they'd chase.",
         'thank_you.response_received', True),
        ("Thank-you sent. Nothing back. Then HR replied, to tell me the role's been put on hold.",
         'thank_you.response_received', True),
        ("Sent thank-you notes to both interviewers. Nothing from the manager. Her "
         "colleague replied, which was kind, although she wasn't on the panel.",
         'thank_you.response_received', True),
        ("Day 1: thank-you sent. Day 2: nothing yet. Day 3: she replied!! Day 4: ok she "
         "replied to someone else's thread and I was cc'd, it wasn't about me.",
         'thank_you.response_received', True),
        ('He kept smiling and nodding. 20 minutes. Then the real grilling started when the '
         'director joined, another hour of that.',
         'interview.actual_minutes', 20),
        ("Mia's interview is done. 20 minutes. Mine is tomorrow at 10.",
         'interview.actual_minutes', 20),
        ('Interview went well, she smiled a lot. 45 minutes. The drive home, I mean, the '
         'M25 was a car park.',
         'interview.actual_minutes', 45),
        ("At Acme last week the interviewer asked where else I was applying. 20 minutes. "
         "Today's interview at Brightwell was a different story.",
         'interview.actual_minutes', 20),
        ('Interview done. 30 minutes. Well, 30 with the panel, then another 30 with HR.',
         'interview.actual_minutes', 30),
        ("Interview over. 2 hours. Until the results come out, I mean, they said they'd "
         "email by 5.",
         'interview.actual_minutes', 120),
        ('She gave me an overview of the role. 10 minutes. Then questions for 50.',
         'interview.actual_minutes', 10),
        ('Rehearsed with my coach: she played the interviewer and smiled at everything. 40 '
         'minutes. The real thing is Thursday.',
         'interview.actual_minutes', 40),
        ('The interviewer smiled a lot. 25 minutes. 25 minutes late, that is, she '
         'apologised at the start.',
         'interview.actual_minutes', 25),
        ('Interview done at last. 40 minutes. 40 minutes early, I mean, they finished '
         'before the slot ended.',
         'interview.actual_minutes', 40),
        ('Half the interview was him describing the day-to-day. 30 minutes. The other half was me.',
         'interview.actual_minutes', 30),
        ('He never looked up from his notes. 15 minutes. I timed the first question alone.',
         'interview.actual_minutes', 15),
        ('The recruiter said the interview would be over quickly. 20 minutes.',
         'interview.actual_minutes', 20),
        ("He asked where else I'm interviewing. 10 minutes. That part alone, he really dug in.",
         'interview.actual_minutes', 10),
        ('Interview done! 2 hours. Of prep beforehand, I mean. The interview itself flew by.',
         'interview.actual_minutes', 120),
        ('The interviewer smiled warmly. 10 minutes. Then the CEO took over for the rest.',
         'interview.actual_minutes', 10),
        ("She went through what I'd be doing each day. 20 minutes. Out of an hour and a half.",
         'interview.actual_minutes', 20),
        ("My coach asked if I'd be interested in mentoring. 30 minutes. Our session, not an "
         "interview.",
         'interview.actual_minutes', 30),
        ('Interview done. 45 min. 45 min each way on the train, anyway, the interview was 20.',
         'interview.actual_minutes', 45),
        ('> Did she smile?\nYes. At her phone, when a text came in.',
         'body_language.smiles', True),
        ('> Did he nod?\nYes, off. He nodded off. Twice.',
         'body_language.nods', True),
        ('> Did they ask if you still want the job?\nYes, the agency did, on the phone afterwards.',
         'interest.asked_if_interested', True),
        ('> Did they smile?\nYes! In the photo on the website. In person, not once.',
         'body_language.smiles', True),
        ('> Did they give you a tour?\nYes. In my dream last night, anyway. Today it was a '
         'Teams call.',
         'tour.office_tour', True),
        ('> Did they give you a tour?\nYes, a virtual one, the 360 video on their careers '
         'page, which I watched before the call.',
         'tour.office_tour', True),
        ('> Did they smile?\nZero. Zero times. Okay, once.',
         'body_language.smiles', False),
        ('The board panel numbered seven on paper, but only three turned up.',
         'interview.interviewer_count', 7),
        ('The committee numbered twelve, but only four interview each candidate.',
         'interview.interviewer_count', 12),
        ("The recruiter booked me in for next Tuesday. That's the first interview, finally.",
         'next_steps.scheduled_on_the_spot', True),
        ("The doctor booked me in for next Tuesday, so I'll have to move the second "
         "interview if they offer one.",
         'next_steps.scheduled_on_the_spot', True),
        ('Booked me in for next Tuesday to collect my uniform.',
         'next_steps.scheduled_on_the_spot', True),
    ])
    def test_is_not_read_wrongly(self, text: str, path: str, wrong: object) -> None:
        assert stated(text).get(path, "not stated") != wrong


class TestTheThirdReviewOfTheseMechanisms:
    """Sentences a third independent review wrote against people called in, dates to follow,
    a date fixed before leaving, replies and questions answered (as this file words them):
    none is read with the wrong value it tried for."""

    @pytest.mark.parametrize(("text", "path", "wrong"), [
        ('Reception called the hiring manager down to meet me in the lobby, then we went up '
         'to a meeting room. 45 minutes, just her.',
         'tour.people_called_in', True),
        ('The guard radioed an escort down to meet me at the gate because the site is secure.',
         'tour.people_called_in', True),
        ("She asked if she could call the lead dev in to meet me, and I said sure, but he "
         "didn't pick up.",
         'tour.people_called_in', True),
        ("Mentor Q&A\n> Did anyone call people in to meet you?\nShe mentioned she'd "
         "normally call the site manager over to say hi but he was off sick.",
         'tour.people_called_in', True),
        ('The receptionist called a taxi round to meet me at the side entrance.',
         'tour.people_called_in', True),
        ("She'd planned to call two of the senior chefs in to meet me, but service started "
         "early, so no.",
         'tour.people_called_in', True),
        ('They called a car round to meet me off the train.',
         'tour.people_called_in', True),
        ("I had to call the support desk over to meet me at the door because my badge didn't work.",
         'tour.people_called_in', True),
        ('The site manager radioed a forklift round to meet me at the loading bay.',
         'tour.people_called_in', True),
        ('They offered me the job in the room! HR will send start dates next week.',
         'next_steps.scheduled_on_the_spot', False),
        ("She asked when I could start. I didn't pin down the day because my notice period "
         "is flexible.",
         'next_steps.scheduled_on_the_spot', False),
        ('> When could you start?\nNo date. I said it depends on my notice.',
         'next_steps.scheduled_on_the_spot', False),
        ('Entry 4. No date. I think it was the Tuesday.',
         'next_steps.scheduled_on_the_spot', False),
        ('The office will confirm times for the building induction if I get the job.',
         'next_steps.scheduled_on_the_spot', False),
        ('Tom said the team would share availability for a coffee with them sometime, no '
         'rush, just to get to know them.',
         'next_steps.scheduled_on_the_spot', False),
        ('The dentist will confirm times for my filling next week, ugh.',
         'next_steps.scheduled_on_the_spot', False),
        ("We didn't pin down a time for lunch, which is a shame.",
         'next_steps.scheduled_on_the_spot', False),
        ('She said HR would send times for my visa appointment, since the offer includes '
         'relocation.',
         'next_steps.scheduled_on_the_spot', False),
        ('We booked the final for Thurs 3pm on the spot. HR would send times for the travel.',
         'next_steps.scheduled_on_the_spot', False),
        ("Me: we picked a time before I left but not a day, she'll email the day.",
         'next_steps.scheduled_on_the_spot', True),
        ("We settled on a date before I left the pub, for Jess's birthday. Totally unrelated.",
         'next_steps.scheduled_on_the_spot', True),
        ('Thank-you sent to both. Nothing from Ana yet. Ana replied re: the relocation package.',
         'thank_you.response_received', True),
        ('My flatmate interviewed there last week. I asked her:\n> Did they give you a '
         'tour?\nNo, it was on Zoom.',
         'tour.office_tour', False),
        ('> Did they give you a tour?\nNo. Jk, they did, the whole building, rooftop and all.',
         'tour.office_tour', False),
        ('> Did they give you a tour?\nYes!! Said no one ever. It was a phone screen, Mum.',
         'tour.office_tour', True),
        ("> Did they ask where else you're interviewing?\nYes. Lie. They didn't.",
         'interest.asked_where_else_interviewing', True),
        ('> Did they ask if you want the job?\nYes. The chatbot on their careers site did, anyway.',
         'interest.asked_if_interested', True),
        ('> Did they give you a tour?\nYes - their careers-page video, which I watched the '
         'night before.',
         'tour.office_tour', True),
    ])
    def test_is_not_read_wrongly(self, text: str, path: str, wrong: object) -> None:
        assert stated(text).get(path, "not stated") != wrong


class TestTheCodeReviewOfTheseMechanisms:
    """Sentences a code review of these mechanisms tried: a log entry is a day's label, not
    any words before a dash; a "no reply" names one person only after "from", with "the
    other" or as a label; dates to follow near the current interview's words; an answer
    naming someone else who did it. None is read with the wrong value; a plain "No, not at
    all", "Um, no" or "No. Not once." answers."""

    @pytest.mark.parametrize(("text", "path", "wrong"), [
        ('Sent the thank-you. Still no reply. Weird - she replied to my colleague instantly.',
         'thank_you.response_received', True),
        ('Sent the thank-you. No reply yet. I mean - she replied to the group chat.',
         'thank_you.response_received', True),
        ('Sent the thank-you. No reply yet. Then she replied - no wait, that was Outlook.',
         'thank_you.response_received', True),
        ('Sent the thank-you. Nothing back. Oh wait: she replied this morning.',
         'thank_you.response_received', True),
        ('Sent a thank you. Thought she replied but it was an auto-response. - Nothing yet',
         'thank_you.response_received', True),
        ('Sent a thank you. Thought she replied but it was an auto-response. Checked again: '
         'No reply.',
         'thank_you.response_received', True),
        ('Sent a thank you. Thought she replied but it was an auto-response. No reply in Gmail.',
         'thank_you.response_received', True),
        ('Sent a thank you. Thought she replied but it was an auto-response. Nothing yet, '
         'super anxious.',
         'thank_you.response_received', True),
        ('Sent a thank you. Thought she replied but it was an auto-response. No reply from her.',
         'thank_you.response_received', True),
        ('The assessment was tough. HR will send some dates for my medical.',
         'next_steps.scheduled_on_the_spot', False),
        ('Great panel interview. She would send times for my reference calls.',
         'next_steps.scheduled_on_the_spot', False),
        ('Got the offer! Back in on Monday to sign. HR will send dates for the start.',
         'next_steps.scheduled_on_the_spot', False),
        ('Did they give you a tour? No, the receptionist did.',
         'tour.office_tour', False),
        ('Did they give you a tour? No, her assistant did.',
         'tour.office_tour', False),
    ])
    def test_is_not_read_wrongly(self, text: str, path: str, wrong: object) -> None:
        assert stated(text).get(path, "not stated") != wrong

    @pytest.mark.parametrize("text", [
        "Did she smile? No, not at all.", "Did she smile? Um, no.", "Did she smile? No. Not once.",
    ])
    def test_a_plain_no_answers(self, text: str) -> None:
        assert stated(text)["body_language.smiles"] is False


def test_an_answered_question_shows_the_question_and_its_answer_as_its_words() -> None:
    reading = _read("> Did they give you a tour?\nNo, it was on Zoom.")
    tour = next(p for p in reading.stated if p.path == "tour.office_tour")
    assert tour.evidence.words == "tour?\nNo"


class TestPanelsCountedInPassing:
    """Panels counted in a clause of their own ("Video call, 3 people"), by a committee;
    "two of them" or "only the ..." doing something gives way to the whole panel's count."""

    @pytest.mark.parametrize(("text", "count"), [
        ("Video call, 3 people.", 3),
        ("Formal interview with a committee of four, 10:30 to 11:30.", 4),
        ("The committee of four were all lovely.", 4),
        ("Board of five, chaired by the dean.", 5),
        ("no tour no intros, 3 of them across the table the whole time", 3),
        ("I presented to the panel, five of them.", 5),
        ("Civil eng grad interview, two senior engineers.", 2),
        ("Panel of four for the analyst role. Two of them called me Brian.", 4),
        ("There were three panel members. Two of them were nodding continuously.", 3),
        ("Seven of them. Seven! Round a conference table. Only the plant director nodded.", 7),
    ])
    def test_is_counted(self, text: str, count: int) -> None:
        assert stated(text)["interview.interviewer_count"] == count

    @pytest.mark.parametrize("text", [
        "Interview with the committee of a bank.",
        "Interview with the board of a charity.",
        "She said they interview 20 people a week.",
        "The committee will choose two of them.",
        "It was me facing two challenges.",
        "I met the team afterwards: 6 people, all lovely.",
    ])
    def test_is_no_count(self, text: str) -> None:
        assert "interview.interviewer_count" not in stated(text)

    def test_only_a_smaller_count_of_some_of_them_gives_way(self) -> None:
        # "four of them smiled" cannot be some of a panel of three: the note disagrees
        assert asked("Three people on the panel. Four of them smiled.",
                     "interview.interviewer_count")

    def test_an_emoji_inside_a_sentence_does_not_end_it(self) -> None:
        # a hedge or a correction after the emoji still reaches what comes before it
        assert stated("site director gave me the grand tour... of the car park, through the "
                      "window 🙃 actually no tour at all.")["tour.office_tour"] is False
        assert asked("Sent the thank you email 📧 I think, might still be in drafts.",
                     "thank_you.note_sent")


class TestALengthThatSaysWhatItMeasures:
    """A length opening its sentence with words that say it was the booked one too ("Forty
    minutes, exactly what the invite said"), and a bare length beside who interviewed."""

    @pytest.mark.parametrize(("text", "actual", "scheduled"), [
        ("Forty minutes, exactly what the invite said.", 40, 40),
        ("Fifty minutes, exactly as timetabled.", 50, 50),
        ("30 minute, like planned.", 30, 30),
        ("short and sweet, 15 minutes, the manager and a senior rep.", 15, None),
        ("Hotel reservations supervisor, 1 interviewer, 35 min, very quick.", 35, None),
    ])
    def test_is_read(self, text: str, actual: int, scheduled: int | None) -> None:
        found = stated(text)
        assert found["interview.actual_minutes"] == actual
        assert found.get("interview.scheduled_minutes") == scheduled

    @pytest.mark.parametrize("text", [
        "Forty minutes, just as the sat nav said.",
        "Lunch with the manager and a senior rep, 45 minutes.",
        "Panel of three, 20 minutes late, then a test.",
        "Waited 45 minutes, two people ahead of me in the queue.",
    ])
    def test_is_not_the_interview_s_length(self, text: str) -> None:
        assert "interview.actual_minutes" not in stated(text)

    def test_the_reason_says_it_stood_beside_the_panel(self) -> None:
        reading = _read("short and sweet, 15 minutes, the manager and a senior rep.")
        (length,) = [p for p in reading.stated if p.path == "interview.actual_minutes"]
        assert "beside who interviewed" in length.reason


class TestMoreWaysOfSayingNoOrNotYet:
    """"ain't", a thank-you written and then deleted, a doubt added after the fact ("I'm
    almost positive"), a visit asked for later, a mam's advice, someone else's round."""

    @pytest.mark.parametrize(("text", "path", "value"), [
        ("So I ain't sent the thank you yet.", "thank_you.note_sent", False),
        ("I wrote a thank-you email and then deleted it - still haven't sent it.",
         "thank_you.note_sent", False),
        ("I wrote a thank-you card but binned it.", "thank_you.note_sent", False),
    ])
    def test_is_a_no(self, text: str, path: str, value: object) -> None:
        assert stated(text)[path] == value

    @pytest.mark.parametrize(("text", "path"), [
        ("She did ask where else I was interviewing, I'm almost positive.",
         "interest.asked_where_else_interviewing"),
        ("They showed me round the whole lab, I am fairly certain.", "tour.office_tour"),
    ])
    def test_is_asked(self, text: str, path: str) -> None:
        assert asked(text, path)

    @pytest.mark.parametrize(("text", "path"), [
        ("She rang back an hour later and asked could I come out Tuesday to have a look "
         "round the school and meet the staff.", "tour.office_tour"),
        ("She rang back an hour later and asked could I come out Tuesday to have a look "
         "round the school and meet the staff.", "tour.introduced_to_people"),
        ("Mam says always send a thank-you card.", "thank_you.note_sent"),
        ("Lena got her second round at the agency booked right there in the room.",
         "next_steps.scheduled_on_the_spot"),
    ])
    def test_is_not_stated(self, text: str, path: str) -> None:
        assert path not in stated(text)

    @pytest.mark.parametrize(("text", "path", "value"), [
        # a doubt of someone else's, or one that closes another clause, leaves these be
        ("She replied to my thank-you within the hour, she's pretty sure I'm the one.",
         "thank_you.response_received", True),
        ("She had the same list of questions she uses on everyone, and I'm pretty sure "
         "she's this bubbly with everybody.", "body_language.rote_questions", True),
        ("His thank-you reply was warm.", "thank_you.tone", "warm"),
        ("She booked my second round before I left.", "next_steps.scheduled_on_the_spot",
         True),
        ("She showed me round and introduced me to the team.", "tour.office_tour", True),
    ])
    def test_is_still_read(self, text: str, path: str, value: object) -> None:
        assert stated(text)[path] == value


class TestTheDaysOfTheJobGoneThrough:
    """The days, shifts, rounds and caseload of the job gone through in more words, and the
    interview day's own schedule or a CV's details kept apart."""

    @pytest.mark.parametrize("text", [
        "The chief pharmacist went through a typical ward round with me.",
        "He gave me the whole rundown of a shift - 7 till 3, deliveries, deep clean Sundays.",
        "The GM spent ages on what a night actually looks like.",
        "The team lead did most of the talking about what my caseload would look like.",
        "They ran through the shift pattern in detail, station by station.",
        "The matron went properly into the shifts, handovers, how the discharge lounge works.",
        "She laid out the first 90 days.",
        "The foreman talked me through what I'd be doing in the first months.",
        "The senior scientist explained all the instruments I would use every day.",
        "The SEO lead explained the tools and the weekly reporting, with a lot of detail.",
        "The sister really explained the job: the shift pattern, handovers, the night rounds.",
    ])
    def test_is_a_deep_dive(self, text: str) -> None:
        assert stated(text)["job_specifics.deep_dive"] is True

    @pytest.mark.parametrize("text", [
        "She ran through the day: a test, then the panel.",
        "He ran through the rota and the pay.",
        "HR gave me the rundown of the day: tour at 10, panel at 11.",
        "They went right into the details of my CV.",
        "Interview day start to finish was exhausting.",
        "Hopefully they'll go through the whole day with me next time.",
        "My friend said they walked her through a typical shift.",
    ])
    def test_is_no_deep_dive(self, text: str) -> None:
        assert "job_specifics.deep_dive" not in stated(text)


class TestTheReplyTimedByItsDate:
    """The hours from a thank-you to its reply where the note dates them ("3 Jun 18:00",
    "on the 3rd at noon"; a date only where it is written with its time), and the note named
    in fewer words near it ("I sent mine at 9:15 and hers arrived at 11:45", "Thank-you
    email ... Sent Friday.")."""

    @pytest.mark.parametrize(("text", "hours"), [
        ("Sent my thanks on the 3rd at noon, she replied on the 5th at noon.", 48),
        ("Sent the thank-you on 30 Dec at 9am, she replied 2 Jan at 9am.", 72),
        ("Thank-you emailed 3 June at 18:00. She replied 4 June at 07:00.", 13),
        ("Thank-you emailed June 3rd at 6pm; she replied June 4th at 9am.", 15),
        ("She replied to my thank-you! I sent mine at 9:15 and hers arrived at 11:45.", 2.5),
        ("Thank-you sent at 9am, she answered at 11:30: 'Thanks for coming in.'", 2.5),
        ("Thank-you emailed 3 June at 6pm. Reply at 9am the next morning mentioned my start "
         "date, 1 July.", 15),
    ])
    def test_is_timed(self, text: str, hours: float) -> None:
        assert stated(text)["thank_you.response_hours"] == hours

    @pytest.mark.parametrize("text", [
        # a date that cannot be, dates running backwards, an ordinal that is no date
        "Thank-you emailed 31 June at 9am. She replied 1 July at 9am.",
        "Thank-you emailed on the 5th at 9am; she replied on the 3rd at 9am.",
        "Sent my thank-you after the 2nd interview at 9am, she replied at the 3rd round.",
    ])
    def test_is_not_timed(self, text: str) -> None:
        assert "thank_you.response_hours" not in stated(text)

    @pytest.mark.parametrize("text", ["I sent mine to my mum.", "Sent my CV at 9."])
    def test_a_plain_sent_is_no_thank_you(self, text: str) -> None:
        assert "thank_you.note_sent" not in stated(text)


class TestTheReviewOfThisSessionsMechanisms:
    """A hostile review of this session's counts, lengths, cues, deep-dive phrases and
    emoji sentence ends (402 notes, 121 read wrongly before the mechanisms were narrowed
    and the emoji sentence end withdrawn): none of these is stated now."""

    @pytest.mark.parametrize(("text", "path", "value"), [
        ('2 interviewers, asked loads about my CV. The company has a board of 6 trustees.',
         'interview.interviewer_count', 6),
        ('2 interviewers, gave me a tour after. There were 10 people in the room at the '
         'all-hands I sat in on.',
         'interview.interviewer_count', 10),
        ('2 interviewers, had a great chat. Then lunch with 5 people from the team.',
         'interview.interviewer_count', 5),
        ('6 on the call, all of us applicants, and one lady from HR reading out the questions.',
         'interview.interviewer_count', 6),
        ('Chat today 2 ppl. jk it was three, Dave joined late.',
         'interview.interviewer_count', 2),
        ('Dinner was me and the two partners, the interview earlier was just with HR.',
         'interview.interviewer_count', 2),
        ('Five on the screen, but it was a recording of the whole team saying hi, the real '
         'interview was with Ngozi alone.',
         'interview.interviewer_count', 5),
        ('Four on the call but only one was interviewing, the other three were trainees observing.',
         'interview.interviewer_count', 4),
        ('Group interview, 12 people, and the two assessors barely spoke.',
         'interview.interviewer_count', 12),
        ('I pitched the idea to two of them in the lift after, the interview itself was a panel.',
         'interview.interviewer_count', 2),
        ('Info session 🙄 Forty on the call.',
         'interview.interviewer_count', 40),
        ('Interview done with 2 panelists, asked about my project. Total 6 members were there '
         'in the HR cabin for document verification.',
         'interview.interviewer_count', 6),
        ('Interview was with 2 people, both senior. There were 4 people in the room for the '
         'group exercise.',
         'interview.interviewer_count', 4),
        ('Interviewed by two, took ages. Three people interviewed before me today.',
         'interview.interviewer_count', 3),
        ('It was hybrid, me facing 3 of them on the screen and 2 in the room.',
         'interview.interviewer_count', 3),
        ('Lunch was me and the two devs, nice guys, nothing to do with the interview.',
         'interview.interviewer_count', 2),
        ('Me and the 3 people from the other agency did the group task, then I saw the manager.',
         'interview.interviewer_count', 3),
        ('Me and the two founders went for drinks after, the interview itself was with their '
         'head of ops.',
         'interview.interviewer_count', 2),
        ('Na 2 interviewers, had plenty questions. Then 7 people from the team came say hello.',
         'interview.interviewer_count', 7),
        ('She chairs a committee of 12 at the council, very impressive woman, she interviewed '
         'me herself.',
         'interview.interviewer_count', 12),
        ('The group exercise was me and the four people shortlisted with me.',
         'interview.interviewer_count', 4),
        ('The seating was awkward, me facing two of them and the third one behind me taking notes.',
         'interview.interviewer_count', 2),
        ('The tour guide and 3 of them round the table were students, the interview was with '
         'the dean.',
         'interview.interviewer_count', 3),
        ('There were 6 of us shortlisted, 3 of them at the table with me for the group task.',
         'interview.interviewer_count', 3),
        ('Three on the screen and one in the room with me.',
         'interview.interviewer_count', 3),
        ('Two interviewers, both from engineering. 3 people interviewed for the role in total.',
         'interview.interviewer_count', 3),
        ("Two of them were nodding, the third I couldn't see because his camera was off. Four "
         'on the call in total including the recruiter who just introduced us.',
         'interview.interviewer_count', 4),
        ('Two on the call, plus the head of department in the room with the recruiter off camera.',
         'interview.interviewer_count', 2),
        ('Two on the line were from the agency, the interview itself was with the ward manager.',
         'interview.interviewer_count', 2),
        ('Video call with 2 people, kept it brief. Afterwards they introduced me to 6 people '
         'from the team.',
         'interview.interviewer_count', 6),
        ('He nodded a lot 👀 I could be wrong though.',
         'body_language.nods', True),
        ('Interview lasted an hour 🙄 I guess, I lost track.',
         'interview.actual_minutes', 60),
        ("Interviewed by the manager and a senior rep 😭 Or was it three, I honestly can't "
         'remember.',
         'interview.interviewer_count', 2),
        ("Last year's interview 🙃 They showed me round and introduced me to everyone.",
         'tour.office_tour', 'True,'),
        ("My mate's one at Deloitte 😂 Second round booked on the spot for him.",
         'next_steps.scheduled_on_the_spot', 'True,'),
        ("My sister's interview 🙄 Panel of 5 and a tour of the whole office.",
         'interview.interviewer_count', 5),
        ('Panel of 3 😅 Maybe 4.',
         'interview.interviewer_count', 3),
        ('Panel of 4 🤔 I think? Maybe 5.',
         'interview.interviewer_count', 4),
        ('Sent thank yous to both 💌 I hope, the email bounced once.',
         'thank_you.note_sent', True),
        ('Sent the thank you email 📧 I think, might still be in drafts.',
         'thank_you.note_sent', True),
        ('Thank you note sent 🙈 NOT. Still sitting in my drafts.',
         'thank_you.note_sent', True),
        ('The drive 🚗 Twenty minutes, done.',
         'interview.actual_minutes', 20),
        ('The panel was massive 😳 Two of them kept nodding tho.',
         'interview.interviewer_count', 2),
        ('They nodded a lot 😊 IIRC.',
         'body_language.nods', True),
        ('They smiled loads 😊 I think, hard to tell on zoom.',
         'body_language.smiles', True),
        ('Tomorrow 😬 Panel of 3, 45 minutes.',
         'interview.interviewer_count', '3,'),
        ('Two interviewers 🤷 If I remember correctly.',
         'interview.interviewer_count', 2),
        ("Wrote a thank you note 📝 Haven't sent it.",
         'thank_you.note_sent', True),
        ('Drive home was easy. Twenty minutes, in and out.',
         'interview.actual_minutes', 20),
        ('Fifteen minutes, start to finish, for the medical.',
         'interview.actual_minutes', 15),
        ('Five minutes, exactly as they said, to set up my laptop.',
         'interview.actual_minutes', '5,'),
        ('Forty minutes, exactly like I planned for the journey.',
         'interview.actual_minutes', '40,'),
        ('Forty minutes, just like they said it would take to get through security.',
         'interview.actual_minutes', '40,'),
        ("Security check at the gate took ages. Ten minutes, in and out, they said that's "
         'quick for them.',
         'interview.actual_minutes', 10),
        ('Ten minutes, exactly as they said, for the presentation bit.',
         'interview.actual_minutes', '10,'),
        ('The CEO and the COO, 20 minutes, then HR for another 40.',
         'interview.actual_minutes', 20),
        ('The HR lady and the manager, 10 minutes, the rest was a group activity for two hours.',
         'interview.actual_minutes', 10),
        ('The candidate before me came out. Twenty minutes, done.',
         'interview.actual_minutes', 20),
        ('The chef and the owner, 10 minutes, then straight into the kitchen for a stage.',
         'interview.actual_minutes', 10),
        ('The first round was a phone screen. Twenty minutes, in and out.',
         'interview.actual_minutes', 20),
        ('The founder and a developer, 20 minutes, the founder then stayed for another hour '
         'on his own.',
         'interview.actual_minutes', 20),
        ('The head and a governor, 10 minutes, the other 50 were with the kids in class.',
         'interview.actual_minutes', 10),
        ('The manager and a senior nurse, 15 minutes, then I was left with the HCAs for an hour.',
         'interview.actual_minutes', 15),
        ('The manager and a senior rep, 15 minutes, if that.',
         'interview.actual_minutes', 15),
        ('The whole assessment day? Five hours, start to finish.',
         'interview.actual_minutes', 300),
        ('Then they gave me the written test. Twenty minutes, done.',
         'interview.actual_minutes', 20),
        ('Thirty minutes, done, that was just the HR part, the panel went on after.',
         'interview.actual_minutes', 30),
        ("Twenty minutes, just what I'd planned for my presentation.",
         'interview.actual_minutes', '20,'),
        ('Twenty minutes, like the email said, to fill in all the forms in reception.',
         'interview.actual_minutes', '20,'),
        ('Waited forever for the lift. Five minutes, done, then up to the 12th floor.',
         'interview.actual_minutes', 5),
        ('Emailed all three a thank-you, then trashed them from my contacts.',
         'thank_you.note_sent', False),
        ('Emailed my thank-you, then trashed the email thread with the agency.',
         'thank_you.note_sent', False),
        ("He ain't stop nodding, man.",
         'body_language.nods', False),
        ("I ain't complaining they showed me round the whole plant.",
         'tour.office_tour', False),
        ("I ain't even mad they showed me round the whole site.",
         'tour.office_tour', False),
        ('I sent a thank-you card and then tore up the draft.',
         'thank_you.note_sent', False),
        ('I sent a thank-you, and then deleted them from my LinkedIn because it felt weird to '
         'connect.',
         'thank_you.note_sent', False),
        ("Posted the thank-you card and then binned the card I'd spoiled.",
         'thank_you.note_sent', False),
        ("Sent my thank you email and then deleted the draft I'd written on my phone.",
         'thank_you.note_sent', False),
        ('Sent my thank you then deleted the draft copy.',
         'thank_you.note_sent', False),
        ('Sent thank-you notes to all three and binned the card I messed up.',
         'thank_you.note_sent', False),
        ('Sent the thank you but then deleted the email from the recruiter by accident.',
         'thank_you.note_sent', False),
        ('Sent the thank you note then deleted it from outbox by mistake, it still went.',
         'thank_you.note_sent', False),
        ("Sent the thank-you email and then deleted it from my sent folder so I'd stop "
         'rereading it.',
         'thank_you.note_sent', False),
        ("She ain't stop smiling the whole time.",
         'body_language.smiles', False),
        ('HR went right into the detail: salary band, pension, parking.',
         'job_specifics.deep_dive', True),
        ('He explained how I would get paid each week.',
         'job_specifics.deep_dive', True),
        ('I answered every question with a lot of detail.',
         'job_specifics.deep_dive', True),
        ('I gave loads of detail on the routine at my current ward.',
         'job_specifics.deep_dive', True),
        ('I laid out my first 30 days.',
         'job_specifics.deep_dive', True),
        ('I laid out my first 90 days plan in the presentation.',
         'job_specifics.deep_dive', True),
        ('I prepped my STAR answers with loads of detail.',
         'job_specifics.deep_dive', True),
        ('I properly explained the role I have now.',
         'job_specifics.deep_dive', True),
        ('I really explained the job gap on my CV.',
         'job_specifics.deep_dive', True),
        ('I really explained the role of a band 5 nurse to them.',
         'job_specifics.deep_dive', True),
        ('I wanted proper detail on the shifts but they were vague.',
         'job_specifics.deep_dive', True),
        ('I was there the whole day from start to finish, exhausted.',
         'job_specifics.deep_dive', True),
        ("I'd researched the shift pattern in detail before going in.",
         'job_specifics.deep_dive', True),
        ('Interview was a full day from start to finish in Lagos, traffic was mad.',
         'job_specifics.deep_dive', True),
        ('It was a whole day start to finish: tour, test, panel, lunch.',
         'job_specifics.deep_dive', True),
        ('My answers were full of detail, the interviewer was with so much detail in her '
         'questions.',
         'job_specifics.deep_dive', True),
        ('Ran through the whole day: tour at 9, test at 10, panel at 11.',
         'job_specifics.deep_dive', True),
        ('She asked me to describe a project with lots of detail.',
         'job_specifics.deep_dive', True),
        ('She explained the bus I would take every morning from the station.',
         'job_specifics.deep_dive', True),
        ('She went straight into the details, salary, start date, notice.',
         'job_specifics.deep_dive', True),
        ('She wrote back with a lot of detail about next steps.',
         'job_specifics.deep_dive', True),
        ('The assessment was a full day start to finish.',
         'job_specifics.deep_dive', True),
        ('The email had a rundown of the whole day: arrival 9am, test, panel.',
         'job_specifics.deep_dive', True),
        ('The job description was written with great detail, the interview itself was vague.',
         'job_specifics.deep_dive', True),
        ('The offer letter lays out the first six months probation.',
         'job_specifics.deep_dive', True),
        ("The recruiter's email laid out the first few days: induction, shadowing, then training.",
         'job_specifics.deep_dive', True),
        ("They asked what I'd be doing in my first month if I got it.",
         'job_specifics.deep_dive', True),
        ("They asked what I'd be doing in the first month to get up to speed.",
         'job_specifics.deep_dive', True),
        ('They asked what my caseload looks like at my current job.',
         'job_specifics.deep_dive', True),
        ('They emailed the offer with lots of detail on the benefits.',
         'job_specifics.deep_dive', True),
        ('They got really into the specifics, asked about my salary expectations and notice '
         'period.',
         'job_specifics.deep_dive', True),
        ('They grilled me on my thesis with so much detail.',
         'job_specifics.deep_dive', True),
        ('They took me through the first day of the assessment centre.',
         'job_specifics.deep_dive', True),
        ('They went really into the specifics - of my notice period and salary.',
         'job_specifics.deep_dive', True),
        ('Went thru the whole day start to finish. Lol jk they told me nothing.',
         'job_specifics.deep_dive', True),
        ('Wrote my cover letter with great detail about the role.',
         'job_specifics.deep_dive', True),
    ])
    def test_is_not_read_wrongly(self, text: str, path: str, value: object) -> None:
        assert stated(text).get(path, "not stated") != value


class TestWhereElseAsTheSecondQuestion:
    """Where else the candidate is interviewing, asked as the second question of a pair or in
    other words, of other employers or processes only ("... and which other trusts I've
    applied to", "was I talking to any other banks"), and its absence ("Other interviews:
    she didn't ask."). Narrowed after a hostile review (see the class after the next)."""

    @pytest.mark.parametrize("text", [
        "The team lead asked outright whether I'd accept if they offered it, and which other "
        "trusts I've applied to.",
        "She asked was I talking to any other banks; I said no.",
        "They asked if I was in the process anywhere else, and I admitted the Countess of Chester.",
        "She also wanted to know whether I had interviews with other companies.",
    ])
    def test_is_asked(self, text: str) -> None:
        assert stated(text)["interest.asked_where_else_interviewing"] is True

    @pytest.mark.parametrize("text", [
        "Didnt ask about other interveiws.",
        "HM didn't ask whether I was still interested, didn't ask about other interviews either.",
        "Not a single question about whether I'm interviewing anywhere else.",
        "Other interviews: she didn't ask.",
    ])
    def test_is_not_asked(self, text: str) -> None:
        assert stated(text)["interest.asked_where_else_interviewing"] is False

    @pytest.mark.parametrize("text", [
        "If they ask where else I'm applying, I'll say nowhere.",
        "My friend said they asked her about other firms she'd applied to.",
        "I asked them about other roles in the company.",
        "She asked about other skills I have.",
        "They asked about my other interests.",
        "I told them which other companies I've applied to before they could ask.",
    ])
    def test_is_neither(self, text: str) -> None:
        assert "interest.asked_where_else_interviewing" not in stated(text)


class TestWantingTheJobAskedInMoreWords:
    """Whether the candidate wants the job, asked further from "asked" or in more words
    ("asked me did I rly want the job", "asked whether, if it were offered, I'd accept"),
    and the question the writer only wished for ("If they'd asked whether I actually wanted
    the job I'd have said yes, but neither of them did")."""

    @pytest.mark.parametrize("text", [
        "At the end Sam asked if this was a job I'd genuinely take if offered, and I said yes.",
        "In round one, back in March, they asked was I interested in going forward.",
        "The GM asked me straight out did I actually want the job or was I just testing it.",
        "They asked would I take the post if offered - I said yes without thinking!",
        "At the end the chair asked whether, if it were offered, I'd accept.",
        "They asked if I'm still intrested after hearing about the on-call rota, said yes.",
    ])
    def test_is_asked(self, text: str) -> None:
        assert stated(text)["interest.asked_if_interested"] is True

    @pytest.mark.parametrize("text", [
        "If they'd asked whether I actually want the job I'd have said yes in a heartbeat, but "
        "neither of them did.",
        "if they'd asked whether I actually wanted it I'd have said yes like a shot, but it "
        "never came up",
        "Left wishing they'd asked whether I actually wanted it — I'd have said yes.",
    ])
    def test_is_not_asked(self, text: str) -> None:
        assert stated(text)["interest.asked_if_interested"] is False

    @pytest.mark.parametrize("text", [
        "She asked am I interested in relocating to Hyderabad.",
        "they asked if im intrested in days or nights, not if i wanted the job like.",
        "asked if I'd be OK with nights, which felt like 'are you actually up for this?'",
        "My friend said they asked her did she want the job.",
        "They asked whether I'd take a lower salary if it came to that.",
        "If they ask if I want the job I'll say yes.",
    ])
    def test_is_not_stated_asked(self, text: str) -> None:
        assert stated(text).get("interest.asked_if_interested") is not True


class TestTheReviewOfTheBookingsAndTheRepliesDated:
    """A hostile review of this session's bookings on the spot or left to later, reply
    times from dates and the thank-you named in fewer words (390 notes, 142 read wrongly
    before these were narrowed): none of these is stated now. Left as known weak: a booking
    taken back by "in my dreams" after the sentence ends, an earlier company's booking
    after a comma ("Last time, at my old company, they booked..."), and "Sent Monday: my
    portfolio" near a thank-you named."""

    @pytest.mark.parametrize(("text", "path", "value"), [
        ("He agreed with basically everything I said before we'd hung up. Still waiting to "
         "hear if there's a second round.",
         'next_steps.invited_to_next_round', True),
        ("He agreed with basically everything I said before we'd hung up. Still waiting to "
         "hear if there's a second round.",
         'next_steps.scheduled_on_the_spot', True),
        ("She confirmed they'd let me know by Friday before the end of the call.",
         'next_steps.invited_to_next_round', True),
        ("She confirmed they'd let me know by Friday before the end of the call.",
         'next_steps.scheduled_on_the_spot', True),
        ('They confirmed my references had come through before ending the call. Next steps: '
         "they'll email.",
         'next_steps.invited_to_next_round', True),
        ('They confirmed my references had come through before ending the call. Next steps: '
         "they'll email.",
         'next_steps.scheduled_on_the_spot', True),
        ("Honestly I'd agreed to relocate before I'd got my coat on, I really want this job. "
         'They said HR will be in touch about any second round.',
         'next_steps.invited_to_next_round', True),
        ("Honestly I'd agreed to relocate before I'd got my coat on, I really want this job. "
         'They said HR will be in touch about any second round.',
         'next_steps.scheduled_on_the_spot', True),
        ("He confirmed I'd be reporting to him, before I'd even got up from the chair.",
         'next_steps.invited_to_next_round', True),
        ("He confirmed I'd be reporting to him, before I'd even got up from the chair.",
         'next_steps.scheduled_on_the_spot', True),
        ('I locked in my answer about notice period before we even hung up so there was no '
         'confusion.',
         'next_steps.invited_to_next_round', True),
        ('I locked in my answer about notice period before we even hung up so there was no '
         'confusion.',
         'next_steps.scheduled_on_the_spot', True),
        ("They'd planned to book the final before we even hung up but the director's calendar "
         'was down, so HR will email times.',
         'next_steps.scheduled_on_the_spot', True),
        ('I confirmed my start availability (one month notice) before the end of the call.',
         'next_steps.invited_to_next_round', True),
        ('I confirmed my start availability (one month notice) before the end of the call.',
         'next_steps.scheduled_on_the_spot', True),
        ('oga confirmed my NYSC discharge certificate before ending the call, then said '
         "they'll revert on next steps.",
         'next_steps.invited_to_next_round', True),
        ('oga confirmed my NYSC discharge certificate before ending the call, then said '
         "they'll revert on next steps.",
         'next_steps.scheduled_on_the_spot', True),
        ('They sent a Zoom invitation for the wrong time before I left work, so I joined '
         'late. No word on round two.',
         'next_steps.invited_to_next_round', True),
        ('They sent a Zoom invitation for the wrong time before I left work, so I joined '
         'late. No word on round two.',
         'next_steps.scheduled_on_the_spot', True),
        ("I sent a calendar invite to my partner while I was still on the call so he'd know "
         'when to pick me up.',
         'next_steps.invited_to_next_round', True),
        ("I sent a calendar invite to my partner while I was still on the call so he'd know "
         'when to pick me up.',
         'next_steps.scheduled_on_the_spot', True),
        ('Salary was confirmed there itself, 12 LPA, but next round is still pending.',
         'next_steps.scheduled_on_the_spot', True),
        ('They confirmed my selection for the internship there itself, no more rounds needed!',
         'next_steps.invited_to_next_round', True),
        ('They confirmed my selection for the internship there itself, no more rounds needed!',
         'next_steps.scheduled_on_the_spot', True),
        ('At the end itself they confirmed that I am not selected. Very disappointed.',
         'next_steps.invited_to_next_round', True),
        ('At the end itself they confirmed that I am not selected. Very disappointed.',
         'next_steps.scheduled_on_the_spot', True),
        ('At the end itself I set my expectations low, they looked bored.',
         'next_steps.invited_to_next_round', True),
        ('At the end itself I set my expectations low, they looked bored.',
         'next_steps.scheduled_on_the_spot', True),
        ('For the previous job, the HR round was scheduled at the end itself. This time they '
         'said they will inform.',
         'next_steps.invited_to_next_round', True),
        ('For the previous job, the HR round was scheduled at the end itself. This time they '
         'said they will inform.',
         'next_steps.scheduled_on_the_spot', True),
        ("Dear sir, the panel asked whether I'd relocate to Chennai and I confirmed my "
         'willingness there itself. Next round details will be shared by HR.',
         'next_steps.invited_to_next_round', True),
        ("Dear sir, the panel asked whether I'd relocate to Chennai and I confirmed my "
         'willingness there itself. Next round details will be shared by HR.',
         'next_steps.scheduled_on_the_spot', True),
        ('I confirmed my joining date there only, in case they select me after the final '
         'round on Monday.',
         'next_steps.invited_to_next_round', True),
        ('I confirmed my joining date there only, in case they select me after the final '
         'round on Monday.',
         'next_steps.scheduled_on_the_spot', True),
        ('Final round invite came by email two days later. Asked whether next Friday works '
         'for the panel, waiting on a reply.',
         'next_steps.scheduled_on_the_spot', True),
        ("If I get through to the final round, we choose the date right away, that's how they "
         'do it there.',
         'next_steps.invited_to_next_round', True),
        ("If I get through to the final round, we choose the date right away, that's how they "
         'do it there.',
         'next_steps.scheduled_on_the_spot', True),
        ('They want me back for the final. For my start date, if it comes to that, we chose a '
         'date right away: 1 September.',
         'next_steps.scheduled_on_the_spot', True),
        ('Final round is a presentation. The team picked a topic right away, no wait, they '
         'set the time right away for the presentation prep call, not the final.',
         'next_steps.scheduled_on_the_spot', True),
        ('They want me back for a second interview. And settled on a salary range before I '
         'left, 45-50k.',
         'next_steps.scheduled_on_the_spot', True),
        ('Trial shift is next. They asked me right then for my availability for rota '
         "purposes, if I'm hired.",
         'next_steps.scheduled_on_the_spot', True),
        ('Second round with the director. My rate was locked in before I left my last job, so '
         'I told them that.',
         'next_steps.scheduled_on_the_spot', True),
        ('They want me back for the assessment centre. The parking was locked in before I '
         'left, luckily the attendant let me out.',
         'next_steps.scheduled_on_the_spot', True),
        ('Shadowing day next! She asked me to sketch the workflow so I put it on the '
         'whiteboard.',
         'next_steps.scheduled_on_the_spot', True),
        ("Second round is with the board. I wrote it on a sticky note so I wouldn't forget to "
         'prep the case study.',
         'next_steps.scheduled_on_the_spot', True),
        ("Come back Friday? I wrote it on a post it but honestly can't remember if she said "
         'Friday or next week.',
         'next_steps.invited_to_next_round', True),
        ("Come back Friday? I wrote it on a post it but honestly can't remember if she said "
         'Friday or next week.',
         'next_steps.scheduled_on_the_spot', True),
        ("Final round details: they'll email. I wrote it on the whiteboard at home so my "
         'flatmates know to keep quiet.',
         'next_steps.scheduled_on_the_spot', True),
        ('I want to come back to this company even if I fail. Wrote it on a card to myself: '
         'keep applying.',
         'next_steps.invited_to_next_round', True),
        ('I want to come back to this company even if I fail. Wrote it on a card to myself: '
         'keep applying.',
         'next_steps.scheduled_on_the_spot', True),
        ("They asked if I'd come back for a second round and I agreed straight away. Date to "
         'come.',
         'next_steps.scheduled_on_the_spot', True),
        ('I booked a taxi right away after, I was shaking.',
         'next_steps.invited_to_next_round', True),
        ('I booked a taxi right away after, I was shaking.',
         'next_steps.scheduled_on_the_spot', True),
        ("She confirmed right away that they'd be making a decision by Friday.",
         'next_steps.invited_to_next_round', True),
        ("She confirmed right away that they'd be making a decision by Friday.",
         'next_steps.scheduled_on_the_spot', True),
        ("I put my hand up right away when they asked who'd used Kubernetes.",
         'next_steps.invited_to_next_round', True),
        ("I put my hand up right away when they asked who'd used Kubernetes.",
         'next_steps.scheduled_on_the_spot', True),
        ('He agreed right away that the commute would be a pain.',
         'next_steps.invited_to_next_round', True),
        ('He agreed right away that the commute would be a pain.',
         'next_steps.scheduled_on_the_spot', True),
        ('They sorted my visitor badge straight away, very organised.',
         'next_steps.invited_to_next_round', True),
        ('They sorted my visitor badge straight away, very organised.',
         'next_steps.scheduled_on_the_spot', True),
        ('She fixed the projector straight away and we started.',
         'next_steps.invited_to_next_round', True),
        ('She fixed the projector straight away and we started.',
         'next_steps.scheduled_on_the_spot', True),
        ('The receptionist confirmed my name straight away and I waited 10 min.',
         'next_steps.invited_to_next_round', True),
        ('The receptionist confirmed my name straight away and I waited 10 min.',
         'next_steps.scheduled_on_the_spot', True),
        ("Sent a thank-you and she confirmed right away she'd passed it on.",
         'next_steps.invited_to_next_round', True),
        ("Sent a thank-you and she confirmed right away she'd passed it on.",
         'next_steps.scheduled_on_the_spot', True),
        ('Booked my flight home right away, interview was a disaster.',
         'next_steps.invited_to_next_round', True),
        ('Booked my flight home right away, interview was a disaster.',
         'next_steps.scheduled_on_the_spot', True),
        ('Arranged a follow-up call with my recruiter straight away to debrief.',
         'next_steps.invited_to_next_round', True),
        ('Arranged a follow-up call with my recruiter straight away to debrief.',
         'next_steps.scheduled_on_the_spot', True),
        ('If they like you, they book you in right away for the final.',
         'next_steps.invited_to_next_round', True),
        ('If they like you, they book you in right away for the final.',
         'next_steps.scheduled_on_the_spot', True),
        ('the interview was scheduled right away after i applied which was cool',
         'next_steps.invited_to_next_round', True),
        ('the interview was scheduled right away after i applied which was cool',
         'next_steps.scheduled_on_the_spot', True),
        ('They confirmed the interview right away when I applied on Monday, and today it '
         'happened.',
         'next_steps.invited_to_next_round', True),
        ('They confirmed the interview right away when I applied on Monday, and today it '
         'happened.',
         'next_steps.scheduled_on_the_spot', True),
        ("I agreed to the 9am slot right away when HR rang last week to set up today's "
         'interview.',
         'next_steps.invited_to_next_round', True),
        ("I agreed to the 9am slot right away when HR rang last week to set up today's "
         'interview.',
         'next_steps.scheduled_on_the_spot', True),
        ('we sorted the tech issues straight away and got going. 45 min, two people.',
         'next_steps.invited_to_next_round', True),
        ('we sorted the tech issues straight away and got going. 45 min, two people.',
         'next_steps.scheduled_on_the_spot', True),
        ('Fixed my tie right away when I saw myself on camera lol',
         'next_steps.invited_to_next_round', True),
        ('Fixed my tie right away when I saw myself on camera lol',
         'next_steps.scheduled_on_the_spot', True),
        ('She arranged the chairs straight away so it felt less formal.',
         'next_steps.invited_to_next_round', True),
        ('She arranged the chairs straight away so it felt less formal.',
         'next_steps.scheduled_on_the_spot', True),
        ('Pencilled in a coffee with my mentor straight away to talk it through.',
         'next_steps.invited_to_next_round', True),
        ('Pencilled in a coffee with my mentor straight away to talk it through.',
         'next_steps.scheduled_on_the_spot', True),
        ('I agreed straight away when she asked if I could start in January, assuming I get '
         'it.',
         'next_steps.invited_to_next_round', True),
        ('I agreed straight away when she asked if I could start in January, assuming I get '
         'it.',
         'next_steps.scheduled_on_the_spot', True),
        ("They'll invite me back for the final round, HR to arrange. My landlord asked if "
         'next Monday works for the boiler man.',
         'next_steps.scheduled_on_the_spot', True),
        ('Sent the thank-you at 9; she confirmed receipt right away.',
         'next_steps.invited_to_next_round', True),
        ('Sent the thank-you at 9; she confirmed receipt right away.',
         'next_steps.scheduled_on_the_spot', True),
        ('I put the kettle on right away when I got home, then cried a bit. No idea if '
         "there's a next round.",
         'next_steps.invited_to_next_round', True),
        ('I put the kettle on right away when I got home, then cried a bit. No idea if '
         "there's a next round.",
         'next_steps.scheduled_on_the_spot', True),
        ('They arranged a taxi for me straight away when it started pouring.',
         'next_steps.invited_to_next_round', True),
        ('They arranged a taxi for me straight away when it started pouring.',
         'next_steps.scheduled_on_the_spot', True),
        ('She booked the meeting room straight away because ours had a leak.',
         'next_steps.invited_to_next_round', True),
        ('She booked the meeting room straight away because ours had a leak.',
         'next_steps.scheduled_on_the_spot', True),
        ('HR confirmed my documents there only, then the panel took me in.',
         'next_steps.invited_to_next_round', True),
        ('HR confirmed my documents there only, then the panel took me in.',
         'next_steps.scheduled_on_the_spot', True),
        ('The question paper was set there itself by the panel, very fresh.',
         'next_steps.invited_to_next_round', True),
        ('The question paper was set there itself by the panel, very fresh.',
         'next_steps.scheduled_on_the_spot', True),
        ('They confirmed the salary then itself, very transparent company.',
         'next_steps.invited_to_next_round', True),
        ('They confirmed the salary then itself, very transparent company.',
         'next_steps.scheduled_on_the_spot', True),
        ('Walk-in interview, they fixed my seat there itself and gave the aptitude test.',
         'next_steps.invited_to_next_round', True),
        ('Walk-in interview, they fixed my seat there itself and gave the aptitude test.',
         'next_steps.scheduled_on_the_spot', True),
        ("She confirmed straight away that there's only one round, so this was it.",
         'next_steps.invited_to_next_round', True),
        ("She confirmed straight away that there's only one round, so this was it.",
         'next_steps.scheduled_on_the_spot', True),
        ('Booked my driving test right away after the interview to take my mind off it.',
         'next_steps.invited_to_next_round', True),
        ('Booked my driving test right away after the interview to take my mind off it.',
         'next_steps.scheduled_on_the_spot', True),
        ('They put the offer letter in front of me right away! No more rounds, starting '
         'Monday.',
         'next_steps.invited_to_next_round', True),
        ('They put the offer letter in front of me right away! No more rounds, starting '
         'Monday.',
         'next_steps.scheduled_on_the_spot', True),
        ('He scheduled a call with the other candidate right away, I overheard it. Nothing '
         'for me.',
         'next_steps.invited_to_next_round', True),
        ('He scheduled a call with the other candidate right away, I overheard it. Nothing '
         'for me.',
         'next_steps.scheduled_on_the_spot', True),
        ('I confirmed my attendance for the assessment day right away when the email came '
         'yesterday.',
         'next_steps.scheduled_on_the_spot', True),
        ('Our first date? We agreed right away it went well. (Not the interview lol, that was '
         'bleh.)',
         'next_steps.invited_to_next_round', True),
        ('Our first date? We agreed right away it went well. (Not the interview lol, that was '
         'bleh.)',
         'next_steps.scheduled_on_the_spot', True),
        ('They want to bring me back, at some point. We settled on the 14th before I left... '
         'as my last day at my current job, for the notice period.',
         'next_steps.scheduled_on_the_spot', True),
        ('Mentioned a second round might happen. We picked a date right away for my reference '
         'call, Tuesday.',
         'next_steps.invited_to_next_round', True),
        ('Mentioned a second round might happen. We picked a date right away for my reference '
         'call, Tuesday.',
         'next_steps.scheduled_on_the_spot', True),
        ('They wanted to fix the date right then, so we did: final round Thursday 2pm.',
         'next_steps.scheduled_on_the_spot', False),
        ('She rang the MD to set a time while I waited, second round Thursday 10am it is.',
         'next_steps.scheduled_on_the_spot', False),
        ('Second interview is Friday at 3. She picked up the phone to fix the date with the '
         'director while I was sitting there.',
         'next_steps.scheduled_on_the_spot', False),
        ('Final round: fixed before I left, 3rd of May. I have to sort a time with my '
         'childminder.',
         'next_steps.scheduled_on_the_spot', False),
        ('Second round: Monday 10am, sorted before I left. Now I just gotta sort a day to get '
         'my hair done lol',
         'next_steps.scheduled_on_the_spot', False),
        ('They want me back next week for the final. I need to find a time to prep the case '
         'study.',
         'next_steps.scheduled_on_the_spot', False),
        ('Second round is Tuesday 10am, in the diary already. Medical date still to be '
         'confirmed.',
         'next_steps.scheduled_on_the_spot', False),
        ('Got my second round! Results date to be decided after all candidates are seen.',
         'next_steps.scheduled_on_the_spot', False),
        ("Through to the final round. Haven't fixed a date with the dentist yet, need to move "
         'that.',
         'next_steps.scheduled_on_the_spot', False),
        ('Come back for a trial Saturday 7am, they said, written on the rota. The flight home '
         'date is still to be confirmed.',
         'next_steps.scheduled_on_the_spot', False),
        ("Second round secured. I didn't book anything for the weekend in case they need me.",
         'next_steps.scheduled_on_the_spot', False),
        ("They want me back for round two. Booked nothing for half term yet, so I'm flexible.",
         'next_steps.scheduled_on_the_spot', False),
        ('They want me back for a final interview. Nothing was booked for parking so I paid '
         'at the meter, £8.',
         'next_steps.scheduled_on_the_spot', False),
        ("Second stage is an assessment centre. I didn't fix the date on my leave request "
         'yet, must do.',
         'next_steps.scheduled_on_the_spot', False),
        ('Final interview next. My notice period end date is still to be confirmed by my '
         'current employer.',
         'next_steps.scheduled_on_the_spot', False),
        ("Assuming I pass, they'll reach out to book a time for the final round.",
         'next_steps.scheduled_on_the_spot', False),
        ("They asked me to come back for a final. I would have to set a time with my kids' "
         'school for pickup though.',
         'next_steps.scheduled_on_the_spot', False),
        ("Second interview invite came. I could not give a day for the dentist, so I'm moving "
         'it.',
         'next_steps.scheduled_on_the_spot', False),
        ('Want me back for the final. HR will send options for benefits and the pension stuff '
         "if I'm offered.",
         'next_steps.scheduled_on_the_spot', False),
        ('Final round fixed there and then, 10th June. Then HR will email to set up a time '
         'for my right-to-work check.',
         'next_steps.scheduled_on_the_spot', False),
        ('They want to see me again for a second interview. Next, I need to set the time on '
         'my alarm lol.',
         'next_steps.scheduled_on_the_spot', False),
        ('Second round Friday, booked before I left! Nothing has been booked for the hotel '
         "though, it's in London.",
         'next_steps.scheduled_on_the_spot', False),
        ("They want me back for a second chat. Didn't book anything myself for the week, kept "
         'it free.',
         'next_steps.scheduled_on_the_spot', False),
        ('My final round is fixed for 14 June, sorted right there with the MD. HR will send '
         'the date for the offer discussion after.',
         'next_steps.scheduled_on_the_spot', False),
        ('I was able to agree a date for the second round with her there, Thursday 10am.',
         'next_steps.scheduled_on_the_spot', False),
        ('She was keen to fix a date for round two, so we said Friday 2pm and she wrote it '
         'down.',
         'next_steps.scheduled_on_the_spot', False),
        ("By the end they'd set a date for round two, Thursday at 3.",
         'next_steps.scheduled_on_the_spot', False),
        ('The interviewer made a call to confirm the date with the CEO and came straight '
         'back: round two on Friday at 11.',
         'next_steps.scheduled_on_the_spot', False),
        ('She said why not fix a date now, and we picked Monday 2pm for round two.',
         'next_steps.scheduled_on_the_spot', False),
        ('Sent my thank-you on 3 June at 6pm. She replied at 9am, and the final round is on '
         '10 June.',
         'thank_you.response_hours', 159),
        ('Thank-you emailed 3 June at 6pm. Reply at 9am the next morning mentioned my start '
         'date, 1 July.',
         'thank_you.response_hours', 663),
        ('I sent the thank-you at 5pm, the day after the interview on 20 May. She replied 22 '
         'May at 9am.',
         'thank_you.response_hours', 40),
        ('I sent my thank-you on 3 June at 6pm. Funny, her last reply to me was 28 May at '
         '9am, when she booked the interview.',
         'thank_you.response_hours', 8607),
        ('Thank-you sent 10 March at 8am. She replied at 10am to say the results come on 12 '
         'March.',
         'thank_you.response_hours', 50),
        ('Sent the thank-you at 7pm on 4 Oct. Her reply came at 8am, she said the panel meets '
         'on 9 Oct.',
         'thank_you.response_hours', 109),
        ('Sent my thank-you at 6pm (interview was 3 June). She replied 4 June at 9am.',
         'thank_you.response_hours', 15),
        ('Thank you note sent 2 Aug at 11pm. Her reply at 7am apologised for the delay on my '
         'expenses from 15 July.',
         'thank_you.response_hours', 8312),
        ('Sent the thank-you on 1 Sep at 9am. She replied at 10am and attached the 2 Sep '
         'agenda.',
         'thank_you.response_hours', 25),
        ('Sent my thank-you 5 March at 9am. Her reply was dated 4 February at 10am, her '
         'laptop clock must be wrong.',
         'thank_you.response_hours', 8065),
        ('Thank-you sent 2 Jan at 9am; she replied to my application back on 30 Dec at 9am.',
         'thank_you.response_hours', 8688),
        ('Sent my thank-you after the 2nd, at 9am; she replied after the 3rd, at 11am.',
         'thank_you.response_hours', 26),
        ('Sent my thank-you on 1 June at 9am. She said she may 2nd my application to another '
         'team; her reply came at 11am.',
         'thank_you.response_hours', 8042),
        ('Thanks to the tube strike I was late. Mine went out at 9 though, the interview slot '
         'I mean, it started on time.',
         'thank_you.note_sent', True),
        ('Thanks to traffic I was 10 min late. Email sent to apologise beforehand.',
         'thank_you.note_sent', True),
        ('Thankfully the coding test went fine. Sent yesterday at 5pm, response this morning '
         'at 9.',
         'thank_you.note_sent', True),
        ("Thank God that's over. Note sent to my boss to say I'm sick, oops.",
         'thank_you.note_sent', True),
        ('Thanks again for the lift! Card sent to the wrong house btw.',
         'thank_you.note_sent', True),
        ('Sent a thank-you at 5pm. My answer at the interview about weaknesses still haunts '
         'me.',
         'thank_you.response_received', True),
        ('Sent my thank-you. Her answer on salary in the interview was vague.',
         'thank_you.response_received', True),
        ('Thank-you sent at 9am. Response next week, they said, about the job.',
         'thank_you.response_received', True),
        ('Sent a thank-you at 6pm. Best answer at the interview: the outage story, I think.',
         'thank_you.response_received', True),
        ('Thankfully emailed them my portfolio beforehand, they had it open.',
         'thank_you.note_sent', True),
        ('Thankfully posted my application before the deadline, otherwise no interview.',
         'thank_you.note_sent', True),
        ('Thanks posted on LinkedIn by the company about their Q3 results, nothing to do with '
         'me.',
         'thank_you.note_sent', True),
        ('Thankfully mailed the forms in time.',
         'thank_you.note_sent', True),
        ('Sent my thank-you on 12 April at 4pm. She replied at 9am the day before her holiday '
         'on 20 April.',
         'thank_you.response_hours', 185),
        ('Sent the thank-you on 1 Mar at 10:00. The interview panel replied to the other '
         'candidate on 2 Mar at 10:00, not me.',
         'thank_you.response_hours', 24),
        ('Sent my thank-you 10 Oct at 9am. Around 12 Oct at 9am she replied.',
         'thank_you.response_hours', 48),
        ("Sent my thank-you 10 Oct at 9am. Reply maybe 12 Oct at 9am, I didn't check until "
         'later.',
         'thank_you.response_hours', 48),
        ('Sent the thank-you on the 3rd of May at 9am. Reply on the 4th, at 5pm in her time '
         'zone (Pacific).',
         'thank_you.response_hours', 32),
        ('Sent the thank-you Monday 3 June at 6pm. She replied Wednesday 4 June at 9am.',
         'thank_you.response_hours', 15),
        ('Thanks for asking! My nerves, mine went out the window when they asked about '
         'salary.',
         'thank_you.note_sent', True),
        ('Sent my thank-you on the 3rd at noon. Response on the 5th at noon from the other '
         'company I applied to, not her.',
         'thank_you.response_received', True),
        ('Sent my thank-you on the 3rd at noon. Response on the 5th at noon from the other '
         'company I applied to, not her.',
         'thank_you.response_hours', 48),
        ('Thank-you sent 3 June at 9am. Reply on 4 June at 9am was the rejection from the '
         'other firm.',
         'thank_you.response_hours', 24),
        ("Sent my thank-you on the 1st at 5pm. She replied at 9am to say I'm through to the "
         '3rd, the final round.',
         'thank_you.response_hours', 40),
        ("Sent my thank-you on the 1st at 5pm. She replied at 9am saying I'd finished the 3rd "
         'in the ranking.',
         'thank_you.response_hours', 40),
        ('Thank-you emailed on 20 Sept at 4pm. Her reply came the next day at 9am, along with '
         'the dates for the final, 27 Sept.',
         'thank_you.response_hours', 161),
        ('Sent the thank-you 1 Nov at 10am, she replied at 3pm asking me to hold 15 Nov for '
         'the final.',
         'thank_you.response_hours', 341),
        ('I emailed my thank-you at 8am on 9 Jan and she answered at 8:30, asking if I could '
         'do 16 Jan instead of the 12th.',
         'thank_you.response_hours', 168.5),
        ('Thank you note went out 5 April 11am. Her response at 2pm said the role closes 30 '
         'April.',
         'thank_you.response_hours', 603),
    ])
    def test_is_not_read_wrongly(self, text: str, path: str, value: object) -> None:
        assert stated(text).get(path, "not stated") != value


class TestMorePlacesShownRound:
    """Being shown round more kinds of workplace ("carried me round the shop floor", "showed
    me the stacks, the makerspace and the staff kitchen"), and a walk to one place to meet
    someone kept apart. Narrowed after a hostile review (the class after the next)."""

    @pytest.mark.parametrize("text", [
        "He show me all the kitchen, the cold room, the pass.",
        "Afterward he walked me through the yard and showed me the graders.",
        "Then she showed me the stacks, the makerspace and the staff kitchen.",
        "After, he carried me round the shop floor and introduced me to the supervisors.",
    ])
    def test_is_a_tour(self, text: str) -> None:
        assert stated(text)["tour.office_tour"] is True

    @pytest.mark.parametrize("text", [
        "Then he walk me to the kitchen and introduce me to two developers having lunch.",
        "Afterwards she took me across the floor to meet her tech lead.",
        "The chair took me along the corridor to meet the departmental administrator.",
        "He walked me out to the car park.",
        "She took me to the meeting room on the third floor.",
        "She showed me the line on the spreadsheet where my name was.",
        "She showed me the salary bands for the studio.",
        "The receptionist walked me to the lift and up to the fourth floor for the interview.",
    ])
    def test_is_no_tour(self, text: str) -> None:
        assert "tour.office_tour" not in stated(text)


class TestPeopleFetchedToSayHello:
    """Someone fetched to greet the candidate, named at any length ("called in the guy who
    runs the help desk to say hi", "radioed the feed driver over from his truck to say
    hello"), and the writer's own calls kept apart."""

    @pytest.mark.parametrize("text", [
        "Partway through they called in the guy who runs the help desk to say hi;",
        "Halfway through, the chair rang the head of department, who popped in for a hello.",
        "They showed me round the kitchen and called the sous chef out to say hello.",
        "She did bring the grants manager out of the back room to say hello, though.",
        "Halfway through, one of them nipped out and came back with the head of valuations, "
        "who 'just wanted to say hello'.",
        "they radioed the feed driver over from his truck to say hello.",
        "he called over the maintenance lead and the quality manager to say hello.",
    ])
    def test_is_called_in(self, text: str) -> None:
        found = stated(text)
        assert found["tour.people_called_in"] is True
        assert found["tour.introduced_to_people"] is True

    @pytest.mark.parametrize("text", [
        "I called my mum after to say hi.",
        "I texted a friend from the car park to say hello.",
        "My friend said they called the whole team in to say hello when she interviewed.",
        "After, he took me out onto the shop floor and grabbed two of the supervisors to say hi.",
    ])
    def test_is_not_called_in(self, text: str) -> None:
        assert "tour.people_called_in" not in stated(text)

    def test_the_writer_getting_something_is_still_read(self) -> None:
        # "I got" opens no writer's doing: the overview the writer got is the interviewer's
        assert stated("When I asked about the role I got the standard rundown of what the "
                      "post covers.")["job_specifics.overview_given"] is True


class TestTheReviewOfTheInterestQuestions:
    """A hostile review of this session's phrases for where else the candidate is
    interviewing and whether they want the job (425 notes, 228 read wrongly: the phrases did
    not check what the question was about) narrowed them to other employers, interviews,
    offers and processes, and to the job itself: none of these is stated now. Left as known
    weak: an earlier application told as such ("When I went for the Unilever job in 2021
    they asked would I take the post if offered")."""

    @pytest.mark.parametrize(("text", "path", "value"), [
        ("She asked about my notice period and what other benefits I'm looking for.",
         'interest.asked_where_else_interviewing', True),
        ("The panel asked about my PhD and which other grants I've applied for.",
         'interest.asked_where_else_interviewing', True),
        ("He asked what I do for fun and what other hobbies I'm looking into.",
         'interest.asked_where_else_interviewing', True),
        ("Asked me about Python and what other languages I'm looking to pick up.",
         'interest.asked_where_else_interviewing', True),
        ("The ward sister asked if I prefer days or which other shifts I'm looking for.",
         'interest.asked_where_else_interviewing', True),
        ("She asked about my visa and what other documents I've applied for so far.",
         'interest.asked_where_else_interviewing', True),
        ("The recruiter asked about my degree and which other modules I'd applied to do in "
         'final year.',
         'interest.asked_where_else_interviewing', True),
        ('She asked how I found the building and which other departments I was seeing that '
         'afternoon.',
         'interest.asked_where_else_interviewing', True),
        ("They asked about my salary expectations and what other perks I'm looking for in a "
         'package.',
         'interest.asked_where_else_interviewing', True),
        ("At the end the HM asked if I was OK for time and which other people I'm seeing "
         'today on the loop.',
         'interest.asked_where_else_interviewing', True),
        ("The head asked about my PGCE and which other subjects I'm applying to teach "
         'alongside maths.',
         'interest.asked_where_else_interviewing', True),
        ("I quickly asked about the rota and which other wards I'd be looking after.",
         'interest.asked_where_else_interviewing', True),
        ("Me: asked about hybrid working and what other teams I'd be talking to day to day.",
         'interest.asked_where_else_interviewing', True),
        ("Rehearsed for them asking about my notice period and which other trusts I've "
         'applied to.',
         'interest.asked_where_else_interviewing', True),
        ("She asked about my scholarship and what other funding I'm applying for to cover "
         'fees.',
         'interest.asked_where_else_interviewing', True),
        ("The professor asked about the lab and which other techniques I'm looking to learn.",
         'interest.asked_where_else_interviewing', True),
        ("The recruiter asked if I'd got there OK and who else I was speaking to after lunch.",
         'interest.asked_where_else_interviewing', True),
        ("Tunde asked how the interview went and who else I'm applying to, he's been a great "
         'mate.',
         'interest.asked_where_else_interviewing', True),
        ('She asked, because the rota is so unpredictable on this ward, whether I had '
         'anything else on the go like a second job.',
         'interest.asked_where_else_interviewing', True),
        ('He asked about my availability over summer and if id got anything else lined up for '
         'the holidays, like travel.',
         'interest.asked_where_else_interviewing', True),
        ("They asked, given it's a part-time post with evening shifts, if I'd got anything "
         'else on the go like childcare or study.',
         'interest.asked_where_else_interviewing', True),
        ("She asked if I'd been anywhere else in Lagos before, since I'd just moved.",
         'interest.asked_where_else_interviewing', True),
        ("The nurse manager asked whether I'd been anywhere else on the site yet, like the "
         'canteen.',
         'interest.asked_where_else_interviewing', True),
        ("He asked, while we waited for the lift, if I'd been anywhere else in Dublin on the "
         'trip.',
         'interest.asked_where_else_interviewing', True),
        ('They asked whether I have been anywhere else in Scotland, they were chatting about '
         'holidays.',
         'interest.asked_where_else_interviewing', True),
        ('The receptionist asked was I speaking to anyone else today or just Mr Okafor.',
         'interest.asked_where_else_interviewing', True),
        ('She asked was I talking to any other candidates in the waiting room, which was odd.',
         'interest.asked_where_else_interviewing', True),
        ('HR asked whether I was still in the process with any other visa sponsor for my '
         'dependants.',
         'interest.asked_where_else_interviewing', True),
        ("Since it's a recruiter role she asked whether I had negotiated offers with other "
         'companies on behalf of candidates.',
         'interest.asked_where_else_interviewing', True),
        ('They asked whether I had handled applications from other agencies when I was at '
         'Hays.',
         'interest.asked_where_else_interviewing', True),
        ('They asked if I have applied for my NYSC discharge certificate as well.',
         'interest.asked_where_else_interviewing', True),
        ("She asked whether I'd applied for the staff loan as well.",
         'interest.asked_where_else_interviewing', True),
        ("HR asked if I'd applied for the relocation allowance as well as the role.",
         'interest.asked_where_else_interviewing', True),
        ('The chair asked whether I had applied for the bursary as well.',
         'interest.asked_where_else_interviewing', True),
        ("She asked if I'd interviewed with the CEO as well or only the CTO.",
         'interest.asked_where_else_interviewing', True),
        ("They asked whether I'd applied for the graduate scheme as well, it's the same "
         'company.',
         'interest.asked_where_else_interviewing', True),
        ('He asked if I had applied to the night shift as well as days.',
         'interest.asked_where_else_interviewing', True),
        ("She asked about other hospitals I've worked in, mostly my time at St Thomas'.",
         'interest.asked_where_else_interviewing', True),
        ("They asked about other banks I've worked for, I went through Barclays and HSBC.",
         'interest.asked_where_else_interviewing', True),
        ("He asked about other agencies I've used as a client when I was in-house.",
         'interest.asked_where_else_interviewing', True),
        ("The creative director asked about other studios I've freelanced for.",
         'interest.asked_where_else_interviewing', True),
        ("She asked about other charities I've volunteered with.",
         'interest.asked_where_else_interviewing', True),
        ("I'd asked about other studios in the network before she moved on.",
         'interest.asked_where_else_interviewing', True),
        ("He asked about other restaurants I've cooked in.",
         'interest.asked_where_else_interviewing', True),
        ("She asked about other places I've lived, we bonded over Manchester.",
         'interest.asked_where_else_interviewing', True),
        ("The panel asked about other firms I've audited, without naming clients.",
         'interest.asked_where_else_interviewing', True),
        ("They asked about other clinics I'd done placements at.",
         'interest.asked_where_else_interviewing', True),
        ('At the end she asked me about anything else I wanted to know about the role.',
         'interest.asked_where_else_interviewing', True),
        ("She asked about anything else I'd like to add before we finished.",
         'interest.asked_where_else_interviewing', True),
        ("They asked about anywhere else I've worked in the NHS.",
         'interest.asked_where_else_interviewing', True),
        ("He asked me about anywhere else I'd lived abroad.",
         'interest.asked_where_else_interviewing', True),
        ("She asked about anything else I'm bringing to the table.",
         'interest.asked_where_else_interviewing', True),
        ('Then they asked us about anything else.',
         'interest.asked_where_else_interviewing', True),
        ('At the end the chair asked about anything else.',
         'interest.asked_where_else_interviewing', True),
        ("He asked about anything else I've built outside work.",
         'interest.asked_where_else_interviewing', True),
        ('The nurse asked about anything else I was taking, medication-wise, for the health '
         'check.',
         'interest.asked_where_else_interviewing', True),
        ('I forgot to ask about other studios in the group.',
         'interest.asked_where_else_interviewing', True),
        ("so basically the whole thing was grand, she asked about the commute and where I'm "
         "living now and which other buses I'm looking at since the 46A is a nightmare and "
         'then we talked about the rota',
         'interest.asked_where_else_interviewing', True),
        ("Oga asked about my NYSC and which other states I've applied to for posting, he "
         'served in Kano himself.',
         'interest.asked_where_else_interviewing', True),
        ("The hiring manager asked about my side project and what other frameworks I'm "
         'looking at.',
         'interest.asked_where_else_interviewing', True),
        ("y'all she asked if I was okay with travel and who else I'm seeing this weekend "
         'lmaooo like my dating life?? so weird',
         'interest.asked_where_else_interviewing', True),
        ("The recruiter asked if I'd any holidays booked and whether I'd anything else on the "
         'go that week, like a wedding.',
         'interest.asked_where_else_interviewing', True),
        ("He asked if I'd been anywhere else in the hospital, they were short of porters for "
         'the tour.',
         'interest.asked_where_else_interviewing', True),
        ("He asked about other agencies I've managed as a buyer in my last role.",
         'interest.asked_where_else_interviewing', True),
        ("The panel asked about other trusts I've done bank shifts for.",
         'interest.asked_where_else_interviewing', True),
        ("She asked about anywhere else I'd volunteered, as it counts for the NMC form.",
         'interest.asked_where_else_interviewing', True),
        ("Then they asked me about anything else I'd like them to know about my disability "
         'needs.',
         'interest.asked_where_else_interviewing', True),
        ("The HR lady asked about anything else I'm currently doing, like study, for the "
         'working hours form.',
         'interest.asked_where_else_interviewing', True),
        ("They asked about other firms I'd, like, ever worked at, which was weird.",
         'interest.asked_where_else_interviewing', True),
        ("They asked nothing about other jobs I've held, only my current one.",
         'interest.asked_where_else_interviewing', False),
        ('The job pack had nothing about other roles in the team.',
         'interest.asked_where_else_interviewing', False),
        ("Nothing about other options for the commute, so I'll have to drive.",
         'interest.asked_where_else_interviewing', False),
        ("Coach said there'll be no question about whether I'm looking elsewhere at this "
         'stage.',
         'interest.asked_where_else_interviewing', False),
        ('Nothing about other hospitals on my CV, she only cared about my current trust.',
         'interest.asked_where_else_interviewing', False),
        ('Other jobs on my CV never came up, she only cared about the Shell years.',
         'interest.asked_where_else_interviewing', False),
        ("Other roles in the team never came up, so I don't know the structure.",
         'interest.asked_where_else_interviewing', False),
        ("Other companies I've worked for never came up.",
         'interest.asked_where_else_interviewing', False),
        ("Other roles: I didn't ask, though I was curious.",
         'interest.asked_where_else_interviewing', False),
        ("Other places to eat nearby I didn't ask about, I'll google it.",
         'interest.asked_where_else_interviewing', False),
        ('Other firms I never asked about, should have.',
         'interest.asked_where_else_interviewing', False),
        ("Other jobs in the building weren't asked about, which is fine.",
         'interest.asked_where_else_interviewing', False),
        ("Other processes in the warehouse weren't asked about, only picking.",
         'interest.asked_where_else_interviewing', False),
        ("Other interviews: I didn't ask how many they were doing.",
         'interest.asked_where_else_interviewing', False),
        ("About other roles, I didn't ask.",
         'interest.asked_where_else_interviewing', False),
        ("About other places to live, I didn't ask, I'll look myself.",
         'interest.asked_where_else_interviewing', False),
        ("About other companies they don't ask at this firm, my mate reckons, but mine did.",
         'interest.asked_where_else_interviewing', False),
        ("She didn't ask about other hospitals I'd worked in, only the current one.",
         'interest.asked_where_else_interviewing', False),
        ("Nobody asked about other schools I've taught at, just my current one.",
         'interest.asked_where_else_interviewing', False),
        ("They only asked about my visa, didn't ask about anything else.",
         'interest.asked_where_else_interviewing', False),
        ("She only asked about my driving licence. Didn't ask about anything else.",
         'interest.asked_where_else_interviewing', False),
        ('Nobody asked about anything else, it was just the technical test.',
         'interest.asked_where_else_interviewing', False),
        ("They didn't ask about anywhere else I've worked, just the last job.",
         'interest.asked_where_else_interviewing', False),
        ("Nobody asked whether I'd been anywhere else in the building, so I got lost.",
         'interest.asked_where_else_interviewing', False),
        ("She didn't ask if I'd applied for the staff loan as well, thankfully.",
         'interest.asked_where_else_interviewing', False),
        ("They didn't ask about other banks I've worked for, only JPMorgan.",
         'interest.asked_where_else_interviewing', False),
        ("Didn't get asked about other charities I'd volunteered with, which is a shame.",
         'interest.asked_where_else_interviewing', False),
        ("Nothing about other applications I've built, only the booking app.",
         'interest.asked_where_else_interviewing', False),
        ("Other firms I've worked at never came up, she only wanted my current caseload.",
         'interest.asked_where_else_interviewing', False),
        ("Other roles I've held weren't asked about at all.",
         'interest.asked_where_else_interviewing', False),
        ("Other applications of the model didn't come up, only the core one.",
         'interest.asked_where_else_interviewing', False),
        ("She didn't ask about other studios I've freelanced for, only the full-time job.",
         'interest.asked_where_else_interviewing', False),
        ("Nobody asked about other clinics I've done placements at, which I'd prepped.",
         'interest.asked_where_else_interviewing', False),
        ("They never asked about anything else I've done, only Excel.",
         'interest.asked_where_else_interviewing', False),
        ("Nobody asked about anywhere else I've lived.",
         'interest.asked_where_else_interviewing', False),
        ('Other firms never asked about my notice, this one did.',
         'interest.asked_where_else_interviewing', False),
        ('She asked would I take a lower salary if it came to that.',
         'interest.asked_if_interested', True),
        ('He asked me would I take a cup of tea before we started.',
         'interest.asked_if_interested', True),
        ('The receptionist asked would I take the stairs since the lift was broken.',
         'interest.asked_if_interested', True),
        ('HR asked would I accept the two-year bond.',
         'interest.asked_if_interested', True),
        ('They asked would I accept a six-month fixed term first.',
         'interest.asked_if_interested', True),
        ('She asked was I serious about relocating to Abuja.',
         'interest.asked_if_interested', True),
        ("Ma'am asked was I serious about doing an MBA later.",
         'interest.asked_if_interested', True),
        ('He asked me was I keen on football, big Arsenal fan himself.',
         'interest.asked_if_interested', True),
        ('She asked did I take sugar.',
         'interest.asked_if_interested', True),
        ('The panel asked would I take a short written test after lunch.',
         'interest.asked_if_interested', True),
        ('He asked would I take the call in the other room, it was quieter.',
         'interest.asked_if_interested', True),
        ('She asked me was I keen on the night shifts or would I rather days.',
         'interest.asked_if_interested', True),
        ('They asked did I take the bus or drive in.',
         'interest.asked_if_interested', True),
        ('He asked would I accept a video call for round two instead of coming in.',
         'interest.asked_if_interested', True),
        ('She asked would I accept the terms of the NDA before showing me the prototype.',
         'interest.asked_if_interested', True),
        ('Asked was I keen to lead the inset day training, I said sure.',
         'interest.asked_if_interested', True),
        ('The foreman asked would I take a drug test on the day.',
         'interest.asked_if_interested', True),
        ('She asked am I keen on travel, the role has a lot of it.',
         'interest.asked_if_interested', True),
        ("My coach asked would I accept if they offered, I honestly don't know.",
         'interest.asked_if_interested', True),
        ("Everyone at home keeps asking would I take it and honestly I don't know.",
         'interest.asked_if_interested', True),
        ('The driver asked was I keen on the scenic route.',
         'interest.asked_if_interested', True),
        ('She asked did I want to work remotely or in the office.',
         'interest.asked_if_interested', True),
        ('He asked me did I want to work days or nights.',
         'interest.asked_if_interested', True),
        ('They asked would I want to join the pension scheme straight away.',
         'interest.asked_if_interested', True),
        ('He asked did I want to be on the mailing list for future vacancies.',
         'interest.asked_if_interested', True),
        ('She asked do I want this printed or emailed.',
         'interest.asked_if_interested', True),
        ('lol they asked did i want to work wkends, i said maybe',
         'interest.asked_if_interested', True),
        ('They asked would I want to be considered for the Leeds office too.',
         'interest.asked_if_interested', True),
        ('He asked would I want to work with the data team as well as product.',
         'interest.asked_if_interested', True),
        ('She mentioned the charity run and asked was I interested.',
         'interest.asked_if_interested', True),
        ('He asked was I interested in joining the union.',
         'interest.asked_if_interested', True),
        ('She asked was I interested in joining the social committee.',
         'interest.asked_if_interested', True),
        ('They asked me was I interested in the job share option.',
         'interest.asked_if_interested', True),
        ('He told me about the book club and asked me was I interested.',
         'interest.asked_if_interested', True),
        ('She asked was I interested in working there on the weekend rota too.',
         'interest.asked_if_interested', True),
        ('She brought up the MBA and asked if it was something I wanted to pursue.',
         'interest.asked_if_interested', True),
        ("He asked whether this was something I'd take on as a side project.",
         'interest.asked_if_interested', True),
        ('They mentioned public speaking and asked if it was something I want to do more of.',
         'interest.asked_if_interested', True),
        ('She asked whether it was something I really want to specialise in, paeds or adults.',
         'interest.asked_if_interested', True),
        ("He showed me the on-call app and asked if it was something I'd want on my own "
         'phone.',
         'interest.asked_if_interested', True),
        ('She asked about the triathlon on my CV and whether it was something I wanted to '
         'keep doing.',
         'interest.asked_if_interested', True),
        ("She asked whether I'd join if they invited me to the Friday drinks.",
         'interest.asked_if_interested', True),
        ("He asked if I'd join when the team goes for lunch on Thursday.",
         'interest.asked_if_interested', True),
        ("They asked whether I'd say yes if they asked me to present at the conference.",
         'interest.asked_if_interested', True),
        ("My coach asked whether, if offered, I'd accept. No idea.",
         'interest.asked_if_interested', True),
        ('Told me about the union and asked if i was intrested.',
         'interest.asked_if_interested', True),
        ('asked if im intrested in it, the cycle to work scheme that is',
         'interest.asked_if_interested', True),
        ('she said theres a pension salary sacrifice and asked if i was intrested',
         'interest.asked_if_interested', True),
        ('She asked if I would join them for lunch after the interview.',
         'interest.asked_if_interested', True),
        ('They asked if I will join the WhatsApp group for the assessment day.',
         'interest.asked_if_interested', True),
        ('She asked if I would join the team for drinks after, which was nice.',
         'interest.asked_if_interested', True),
        ('They asked whether I would join the pension scheme or opt out.',
         'interest.asked_if_interested', True),
        ('She asked if I will join the meeting room on the 3rd floor at 2.',
         'interest.asked_if_interested', True),
        ('He asked if I would join the Teams call from the meeting room or from home.',
         'interest.asked_if_interested', True),
        ('They asked whether I will join the induction in person.',
         'interest.asked_if_interested', True),
        ("Practised my answer to 'if we offer, will you join?' in the mirror.",
         'interest.asked_if_interested', True),
        ('Their policy: if we offer overtime you can accept or decline it.',
         'interest.asked_if_interested', True),
        ("The receptionist held up the spare umbrella - 'you want it or not?'",
         'interest.asked_if_interested', True),
        ("The guy at the coffee cart was like 'you want it or not' lol",
         'interest.asked_if_interested', True),
        ('Before I could say anything about whether I wanted to join the pension, she moved '
         'on.',
         'interest.asked_if_interested', True),
        ('They said anything about whether I accept the terms can wait until the offer.',
         'interest.asked_if_interested', True),
        ('He asked me would I take a seat while he got the others.',
         'interest.asked_if_interested', True),
        ("She asked was I serious about the marathon, it's on my CV.",
         'interest.asked_if_interested', True),
        ('Asked me would I accept a Teams invite for the second round.',
         'interest.asked_if_interested', True),
        ('The HR asked would I take the offer letter by post or email.',
         'interest.asked_if_interested', True),
        ('He asked would I take the lead on the Brighton account if I joined.',
         'interest.asked_if_interested', True),
        ('She asked did I want to work with kids or adults more.',
         'interest.asked_if_interested', True),
        ('The ward manager asked was I keen on theatres or wards.',
         'interest.asked_if_interested', True),
        ('Sir asked was I serious about higher studies abroad.',
         'interest.asked_if_interested', True),
        ('Oga asked was I serious about the masters programme I mentioned.',
         'interest.asked_if_interested', True),
        ('they asked did i want to be put forward for the other role too',
         'interest.asked_if_interested', True),
        ('She asked would I accept the cookies on the careers site lol, joking, it was the '
         'candidate portal asking.',
         'interest.asked_if_interested', True),
        ('She asked if I would join the 8am huddle tomorrow as an observer.',
         'interest.asked_if_interested', True),
        ('He asked whether I would join the alumni network after graduation.',
         'interest.asked_if_interested', True),
        ("She asked whether I'd join when the rest of the team arrive at 10.",
         'interest.asked_if_interested', True),
        ('He asked whether this was something I wanted for my portfolio, the case study.',
         'interest.asked_if_interested', True),
        ("She asked whether it was something I'd take up, the mentoring scheme.",
         'interest.asked_if_interested', True),
        ('He asked if im intrested in it - the internal newsletter.',
         'interest.asked_if_interested', True),
        ("Prepped for: 'you want it or not?' type questions. Didn't come up.",
         'interest.asked_if_interested', True),
        ('In round one at Accenture (different job) they asked was I serious about '
         'consulting.',
         'interest.asked_if_interested', True),
        ('He asked me did I want it - the last sandwich - before we started.',
         'interest.asked_if_interested', True),
        ("She didn't ask did I want to work weekends, it was just assumed.",
         'interest.asked_if_interested', False),
        ('Nobody asked was I interested in joining the social club.',
         'interest.asked_if_interested', False),
        ("She didn't ask if I would join them for lunch, which felt a bit cold.",
         'interest.asked_if_interested', False),
        ("I didn't say anything about whether I want to take the Leeds role, I kept quiet.",
         'interest.asked_if_interested', False),
        ("HR didn't mention anything about whether I take the medical before or after the "
         'offer.',
         'interest.asked_if_interested', False),
        ("She didn't talk anything about whether I want parking, I'll email.",
         'interest.asked_if_interested', False),
        ("If they'd asked if I was interested in the Leeds office I'd have said yes, but they "
         "didn't.",
         'interest.asked_if_interested', False),
        ("If anyone had asked whether I'd take a pay cut I'd have said no, but nobody did.",
         'interest.asked_if_interested', False),
        ("If they'd asked if I wanted a tour I'd have said yes, but they never did.",
         'interest.asked_if_interested', False),
        ("I was worried that if they asked whether I really wanted it I'd freeze, but I "
         "didn't - said yes straight away.",
         'interest.asked_if_interested', False),
        ("Amaka said if they'd asked whether she wanted it she'd have said yes, but they "
         "didn't.",
         'interest.asked_if_interested', False),
        ("If they'd asked whether I'd accept a later start I'd have said yes, but it never "
         'came up.',
         'interest.asked_if_interested', False),
        ("I wish I'd asked whether they want someone full-time.",
         'interest.asked_if_interested', False),
        ("Wish I'd asked if they'd take a part-timer.",
         'interest.asked_if_interested', False),
        ("I wish I'd asked what they wanted from the first 90 days.",
         'interest.asked_if_interested', False),
        ("Wished I'd asked whether they were serious about the remote policy.",
         'interest.asked_if_interested', False),
        ("I wish they'd asked whether I wanted it less bluntly, it was the first thing out of "
         'her mouth.',
         'interest.asked_if_interested', False),
        ("Wish she hadn't asked whether I was serious about the job in front of everyone.",
         'interest.asked_if_interested', False),
        ("I wish they'd asked if I wanted the job earlier - they only asked at the very end.",
         'interest.asked_if_interested', False),
        ("I really wish I'd asked if they'd accept a later start date.",
         'interest.asked_if_interested', False),
        ("Still wishing I'd asked whether they'd take me on part time.",
         'interest.asked_if_interested', False),
        ('wish id asked how keen they are on remote lol',
         'interest.asked_if_interested', False),
        ('I wish I had asked them if the team was interested in my research.',
         'interest.asked_if_interested', False),
        ('Wishing I had asked about what they want in year one.',
         'interest.asked_if_interested', False),
        ("I didn't say anything about whether I want to join the union.",
         'interest.asked_if_interested', False),
        ("She didn't say anything about whether I take the laptop home.",
         'interest.asked_if_interested', False),
        ('Nobody said anything about whether I join the on-call rota from day one.',
         'interest.asked_if_interested', False),
        ("HR didn't mention anything about whether I want a parking permit.",
         'interest.asked_if_interested', False),
        ("She did not say anything about whether I accept the relocation package yet, that's "
         'for the offer stage.',
         'interest.asked_if_interested', False),
        ("I didn't mention anything about whether I wanted the job, played it cool.",
         'interest.asked_if_interested', False),
        ('Nobody asked was I serious about the move to Leeds, they just assumed.',
         'interest.asked_if_interested', False),
        ("She never asked would I take the early shift, it's on the rota already.",
         'interest.asked_if_interested', False),
        ("They didn't ask would I accept the background check, it's just standard.",
         'interest.asked_if_interested', False),
        ("I didn't get asked did I want to work from home, it's office only.",
         'interest.asked_if_interested', False),
        ('Nobody asked if I would join the union, thank God.',
         'interest.asked_if_interested', False),
        ("Don't say anything about whether I want the 9-day fortnight, my coach said, until "
         'the offer.',
         'interest.asked_if_interested', False),
        ("If they'd asked whether I was serious about the MBA I'd have said yes, but nobody "
         'did.',
         'interest.asked_if_interested', False),
        ("If anyone had asked whether I wanted to join the union I'd have said no, but nobody "
         'did.',
         'interest.asked_if_interested', False),
        ("Wish I'd asked whether they wanted references before or after.",
         'interest.asked_if_interested', False),
        ("Honestly wish I'd asked them whether they were interested in my portfolio.",
         'interest.asked_if_interested', False),
        ("Wishing they'd asked whether I'd accept a lower grade, because I would.",
         'interest.asked_if_interested', False),
    ])
    def test_is_not_read_wrongly(self, text: str, path: str, value: object) -> None:
        assert stated(text).get(path, "not stated") != value


class TestTheReviewOfTheToursAndPeopleFetched:
    """A hostile review of this session's tour places and people fetched to say hello (391
    notes, 156 read wrongly: routes to the interview room, "walked me through" meaning
    explained, the writer's own calls, people greeting someone else) narrowed them: none of
    these is stated now. Left as known weak: "Showed me all the ballrooms in the wedding
    brochure"."""

    @pytest.mark.parametrize(("text", "path", "value"), [
        ('The receptionist walked me past the loading bay to the lift.',
         'tour.office_tour', True),
        ('Security led me through the corridors to the interview room on the third floor.',
         'tour.office_tour', True),
        ('Her PA led me past the galleries to a tiny meeting room at the back.',
         'tour.office_tour', True),
        ('A guy from facilities brought me through the stores to the back office where the '
         'interview was.',
         'tour.office_tour', True),
        ('Had to come in through goods in, and security took me past the racking to the '
         'offices upstairs.',
         'tour.office_tour', True),
        ("She walked me past the treatment rooms on the way out, didn't stop though.",
         'tour.office_tour', True),
        ("On the way out he led me through the sorting floor to the car park since it's "
         'quicker.',
         'tour.office_tour', True),
        ('The gateman carried me round the property to the main block because I came in the '
         'wrong gate.',
         'tour.office_tour', True),
        ('The driver carried me through the grounds to the admin block, interview was in the '
         "MD's office.",
         'tour.office_tour', True),
        ('The golf buggy driver took me past the orchards to the farm office where Jean '
         'interviewed me.',
         'tour.office_tour', True),
        ('Front door was locked so the security guard brought me round the loading dock and '
         'in the back.',
         'tour.office_tour', True),
        ('Porter took me through the corridors to outpatients, then the interview was in a '
         'side room.',
         'tour.office_tour', True),
        ('Was early so the concierge showed me through the ballroom to a waiting area.',
         'tour.office_tour', True),
        ('the lady on the front desk walked me thru the corridors to room 4 and i waited '
         'there for 20 min',
         'tour.office_tour', True),
        ('A runner brought me round the studio floor to the green room where I waited for the '
         'producer.',
         'tour.office_tour', True),
        ('The intern led me past the stacks and up to the reading room for the interview.',
         'tour.office_tour', True),
        ('Security walked me through the goods in area because the main entrance had '
         'scaffolding.',
         'tour.office_tour', True),
        ('A warehouse operative walked me to the canteen and the staff room to wait for the '
         'manager.',
         'tour.office_tour', True),
        ('Security took me across the yard and the loading bay to the portakabin where the '
         'interview was.',
         'tour.office_tour', True),
        ('After the interview he walked me past the greenhouse and the barn to my car.',
         'tour.office_tour', True),
        ("Walked me past the court on the way to the exit, didn't stop.",
         'tour.office_tour', True),
        ('After we finished, HR walked me through the corridors back to reception.',
         'tour.office_tour', True),
        ('The taxi driver took me to the wrong building and the wrong site first, so I was '
         'late.',
         'tour.office_tour', True),
        ('Uber took me to the old site and the depot before I found the right entrance.',
         'tour.office_tour', True),
        ('The shuttle bus took me past the orchards and dropped me at the farm shop.',
         'tour.office_tour', True),
        ('My lift took me through the grounds to the main house, then left.',
         'tour.office_tour', True),
        ('Google Maps took me through the grounds and round the back of the loading bay, had '
         'to ask directions.',
         'tour.office_tour', True),
        ('The cab driver gave me a drive round the grounds looking for the visitor entrance.',
         'tour.office_tour', True),
        ('Security gave me a drive round the site perimeter to the visitor car park.',
         'tour.office_tour', True),
        ('Fire alarm went off mid-interview and the warden led me through the corridors to '
         'the assembly point.',
         'tour.office_tour', True),
        ('Fire drill halfway through, a marshal took me through the loading dock to the '
         'muster point.',
         'tour.office_tour', True),
        ('She walked me through the property portfolio and the rent reviews.',
         'tour.office_tour', True),
        ("He took me through the court bundle for a case they'd just finished.",
         'tour.office_tour', True),
        ('The partner walked me through the court process from filing to hearing.',
         'tour.office_tour', True),
        ('She walked me through their tech stacks and how deployments work.',
         'tour.office_tour', True),
        ('Took me through the racking inspection checklist line by line.',
         'tour.office_tour', True),
        ('He walked me through the stores budget for next year.',
         'tour.office_tour', True),
        ('HR walked me through the grounds for dismissal they usually see.',
         'tour.office_tour', True),
        ("The curator took me through the galleries' acquisition policy in a lot of detail.",
         'tour.office_tour', True),
        ('She walked me through the goods in procedure, the paperwork side.',
         'tour.office_tour', True),
        ('They walked me through the orchard management plan and the spray schedule.',
         'tour.office_tour', True),
        ('He walked me through the spa booking system on the screen.',
         'tour.office_tour', True),
        ('The manager took me through the pick faces replenishment logic in their WMS.',
         'tour.office_tour', True),
        ('She showed me through the gallery app they built for the museum.',
         'tour.office_tour', True),
        ('The lead dev walked me through the property search feature, then the payments bit.',
         'tour.office_tour', True),
        ('The director took me through the property management side of things.',
         'tour.office_tour', True),
        ('He took me through their walk in clinic model, how triage works.',
         'tour.office_tour', True),
        ("She walked me through the barn conversion project they'd just finished.",
         'tour.office_tour', True),
        ('The ops manager led me through the corridor planning for the new hospital wing.',
         'tour.office_tour', True),
        ('He took me through the stacks of paperwork for the audit.',
         'tour.office_tour', True),
        ('She took me past the court judgment and the appeal.',
         'tour.office_tour', True),
        ('Interviewer took me through the aisles redesign proposal on slides.',
         'tour.office_tour', True),
        ('She walked me through the grounds maintenance contract and the budget.',
         'tour.office_tour', True),
        ('He took me thru the stores rota and the holiday system.',
         'tour.office_tour', True),
        ('gave me a look through the property listings they manage, all on her laptop',
         'tour.office_tour', True),
        ('He gave me a look through the court bundle from last week.',
         'tour.office_tour', True),
        ('She gave me a look through the galleries in the annual report.',
         'tour.office_tour', True),
        ('They showed me through the property in a 3D walkthrough on the big screen.',
         'tour.office_tour', True),
        ('She took me through the stores on Street View, pointing out the flagship.',
         'tour.office_tour', True),
        ('In 2019 at Amazon they took me through the pick faces and the racking on my first '
         'day.',
         'tour.office_tour', True),
        ('Security sir carried me through the corridors to the HR cabin only.',
         'tour.office_tour', True),
        ("The guard brought me round the property to the visitors' block, then madam "
         'interviewed me.',
         'tour.office_tour', True),
        ("Y'all, the valet walked me thru the grounds to the front door, fancy.",
         'tour.office_tour', True),
        ('The bellhop took me past the ballroom to the conference suite for my interview.',
         'tour.office_tour', True),
        ('He walked me past the terrace to the meeting room — that was the only bit of the '
         'place I saw.',
         'tour.office_tour', True),
        ('Only saw the route: they took me through the corridors from reception to room 2 and '
         'back.',
         'tour.office_tour', True),
        ("The nurse took me through the corridors to the ward manager's office, and the "
         'manager interviewed me there without leaving.',
         'tour.office_tour', True),
        ("Security showed me all the corridors I'd need for the fire exits before letting me "
         'up.',
         'tour.office_tour', True),
        ('Got there early so a lovely lady on the desk gave me a look round the galleries '
         'while I waited; the interviewer never left her office.',
         'tour.office_tour', True),
        ('My taxi gave me a drive round the grounds because he missed the turn.',
         'tour.office_tour', True),
        ('We did it on Zoom, she carried her laptop and took me through the aisles on camera.',
         'tour.office_tour', True),
        ('They showed me the grounds on a drone video; took me through the barns on screen '
         'too.',
         'tour.office_tour', True),
        ('The lift took me past the galleries to the 5th floor.',
         'tour.office_tour', True),
        ("The tram took me past the grounds, then it's a 10 minute walk to the office.",
         'tour.office_tour', True),
        ('Sat nav led me round the property and into a field.',
         'tour.office_tour', True),
        ('A sheepdog led me round the barn to the farmhouse lol.',
         'tour.office_tour', True),
        ('Followed the signs; a porter walked me past the treatment rooms to the HR office.',
         'tour.office_tour', True),
        ("He walked me through the stores' KPIs.",
         'tour.office_tour', True),
        ('She walked me through the court structure, magistrates then crown.',
         'tour.office_tour', True),
        ("Took me thru the property law bits I'd need for the role.",
         'tour.office_tour', True),
        ('The chef walked me through the walk in temperature logs.',
         'tour.office_tour', True),
        ('She took me through the treatment rooms booking spreadsheet.',
         'tour.office_tour', True),
        ('She led me through the spa menu and the prices.',
         'tour.office_tour', True),
        ("She walked me through the grounds of appeal they'd drafted.",
         'tour.office_tour', True),
        ('Called the recruiter on the way home to say hi and let her know how it went.',
         'tour.introduced_to_people', True),
        ('Called the recruiter on the way home to say hi and let her know how it went.',
         'tour.people_called_in', True),
        ('I then called the recruiter to say hello and thanks.',
         'tour.introduced_to_people', True),
        ('I then called the recruiter to say hello and thanks.',
         'tour.people_called_in', True),
        ('Me and Tom called the recruiter together to say hi.',
         'tour.introduced_to_people', True),
        ('Me and Tom called the recruiter together to say hi.',
         'tour.people_called_in', True),
        ('Hopped on the bus to say hi to Gran after.',
         'tour.introduced_to_people', True),
        ('Hopped on the bus to say hi to Gran after.',
         'tour.people_called_in', True),
        ("She rang her mate at the depot to say g'day and then we got going.",
         'tour.introduced_to_people', True),
        ("She rang her mate at the depot to say g'day and then we got going.",
         'tour.people_called_in', True),
        ('He shouted up the stairs to say hello to Pete on the way in.',
         'tour.introduced_to_people', True),
        ('He shouted up the stairs to say hello to Pete on the way in.',
         'tour.people_called_in', True),
        ('She waved out the window to say hello to the delivery driver.',
         'tour.introduced_to_people', True),
        ('She waved out the window to say hello to the delivery driver.',
         'tour.people_called_in', True),
        ('He shouted over to the lads on the forklift to say hi, they waved back.',
         'tour.introduced_to_people', True),
        ('He shouted over to the lads on the forklift to say hi, they waved back.',
         'tour.people_called_in', True),
        ("Her boss called her out to say hello to a client who'd just arrived.",
         'tour.introduced_to_people', True),
        ("Her boss called her out to say hello to a client who'd just arrived.",
         'tour.people_called_in', True),
        ('She had to step out halfway to say hi to a client.',
         'tour.introduced_to_people', True),
        ('She had to step out halfway to say hi to a client.',
         'tour.people_called_in', True),
        ('He had to nip out at the end to say hello to his 3pm.',
         'tour.introduced_to_people', True),
        ('He had to nip out at the end to say hello to his 3pm.',
         'tour.people_called_in', True),
        ('She got up quickly to say hello to someone at the door and came back.',
         'tour.introduced_to_people', True),
        ('She got up quickly to say hello to someone at the door and came back.',
         'tour.people_called_in', True),
        ('He got out briefly to say hi to the regional manager in the car park.',
         'tour.introduced_to_people', True),
        ('He got out briefly to say hi to the regional manager in the car park.',
         'tour.people_called_in', True),
        ('She called in the IT guy to fix the projector and he stayed to say hi.',
         'tour.introduced_to_people', True),
        ('She called in the IT guy to fix the projector and he stayed to say hi.',
         'tour.people_called_in', True),
        ('She buzzed the kitchen for coffees and the girl who brought them stopped to say '
         'hello.',
         'tour.introduced_to_people', True),
        ('She buzzed the kitchen for coffees and the girl who brought them stopped to say '
         'hello.',
         'tour.people_called_in', True),
        ('She rang down for the engineer to fix the aircon and he stopped to say hi.',
         'tour.introduced_to_people', True),
        ('She rang down for the engineer to fix the aircon and he stopped to say hi.',
         'tour.people_called_in', True),
        ('He called a cab for me and the driver wound the window down to say hello.',
         'tour.introduced_to_people', True),
        ('He called a cab for me and the driver wound the window down to say hello.',
         'tour.people_called_in', True),
        ('He phoned a cab for me and the driver got out to shake my hand, lovely guy.',
         'tour.introduced_to_people', True),
        ('He phoned a cab for me and the driver got out to shake my hand, lovely guy.',
         'tour.people_called_in', True),
        ('She called for the next candidate who came over to shake my hand.',
         'tour.introduced_to_people', True),
        ('She called for the next candidate who came over to shake my hand.',
         'tour.people_called_in', True),
        ('Sir called the peon to bring tea and he also came to say hello.',
         'tour.introduced_to_people', True),
        ('Sir called the peon to bring tea and he also came to say hello.',
         'tour.people_called_in', True),
        ('Her cat hopped on the keyboard to say hi mid-answer.',
         'tour.introduced_to_people', True),
        ('Her cat hopped on the keyboard to say hi mid-answer.',
         'tour.people_called_in', True),
        ('Her toddler hopped on her lap to say hello halfway through the Zoom.',
         'tour.introduced_to_people', True),
        ('Her toddler hopped on her lap to say hello halfway through the Zoom.',
         'tour.people_called_in', True),
        ('My dog hopped on the sofa to say hi on camera, mortifying.',
         'tour.introduced_to_people', True),
        ('My dog hopped on the sofa to say hi on camera, mortifying.',
         'tour.people_called_in', True),
        ('Someone called out from the kitchen to say hello as we passed.',
         'tour.introduced_to_people', True),
        ('Someone called out from the kitchen to say hello as we passed.',
         'tour.people_called_in', True),
        ('A man in the lift called out to say hello to the receptionist.',
         'tour.introduced_to_people', True),
        ('A man in the lift called out to say hello to the receptionist.',
         'tour.people_called_in', True),
        ('An old uni mate pulled up in the car park to say hi.',
         'tour.introduced_to_people', True),
        ('An old uni mate pulled up in the car park to say hi.',
         'tour.people_called_in', True),
        ('I was called in by a woman who shook my hand and led me upstairs — that was the '
         'interviewer.',
         'tour.introduced_to_people', True),
        ('I was called in by a woman who shook my hand and led me upstairs — that was the '
         'interviewer.',
         'tour.people_called_in', True),
        ('Got called in by a tall guy who shook my hand, turned out to be the hiring manager.',
         'tour.introduced_to_people', True),
        ('Got called in by a tall guy who shook my hand, turned out to be the hiring manager.',
         'tour.people_called_in', True),
        ('I was fetched from reception by her assistant, who shook my hand and took me up.',
         'tour.introduced_to_people', True),
        ('I was fetched from reception by her assistant, who shook my hand and took me up.',
         'tour.people_called_in', True),
        ('They called my name and then a man who shook my hand took me through.',
         'tour.introduced_to_people', True),
        ('They called my name and then a man who shook my hand took me through.',
         'tour.people_called_in', True),
        ('The receptionist called over a man who shook my hand, that was Dave, my '
         'interviewer.',
         'tour.introduced_to_people', True),
        ('The receptionist called over a man who shook my hand, that was Dave, my '
         'interviewer.',
         'tour.people_called_in', True),
        ("Reception called up to say hello, your two o'clock is here, and she came down to "
         'get me.',
         'tour.introduced_to_people', True),
        ("Reception called up to say hello, your two o'clock is here, and she came down to "
         'get me.',
         'tour.people_called_in', True),
        ('She asked her assistant to come down to reception to meet me as she was running '
         'late.',
         'tour.introduced_to_people', True),
        ('She asked her assistant to come down to reception to meet me as she was running '
         'late.',
         'tour.people_called_in', True),
        ('She was supposed to call the head chef out to say hello but he was slammed.',
         'tour.introduced_to_people', True),
        ('She was supposed to call the head chef out to say hello but he was slammed.',
         'tour.people_called_in', True),
        ('He radioed the yard to send someone up to say hi, nobody came.',
         'tour.introduced_to_people', True),
        ('He radioed the yard to send someone up to say hi, nobody came.',
         'tour.people_called_in', True),
        ('Per the agenda, ops manager brought in at 11:30 to say hello.',
         'tour.introduced_to_people', True),
        ('Per the agenda, ops manager brought in at 11:30 to say hello.',
         'tour.people_called_in', True),
        ('Itinerary: 2pm panel; 2:45 directors called in to shake my hand; 3pm close.',
         'tour.introduced_to_people', True),
        ('Itinerary: 2pm panel; 2:45 directors called in to shake my hand; 3pm close.',
         'tour.people_called_in', True),
        ('Back at the Hilton my GM used to call the chefs out to say hello to new starters.',
         'tour.introduced_to_people', True),
        ('Back at the Hilton my GM used to call the chefs out to say hello to new starters.',
         'tour.people_called_in', True),
        ('Jade said at her interview there they called the head chef out to say hi to her.',
         'tour.introduced_to_people', True),
        ('Jade said at her interview there they called the head chef out to say hi to her.',
         'tour.people_called_in', True),
        ('Girl in the waiting room said they radioed the foreman over to say hello to her.',
         'tour.introduced_to_people', True),
        ('Girl in the waiting room said they radioed the foreman over to say hello to her.',
         'tour.people_called_in', True),
        ('Zero people were brought over to shake my hand.',
         'tour.introduced_to_people', True),
        ('Zero people were brought over to shake my hand.',
         'tour.people_called_in', True),
        ('She called the meeting to a close and went to say hello to her next visitor.',
         'tour.introduced_to_people', True),
        ('She called the meeting to a close and went to say hello to her next visitor.',
         'tour.people_called_in', True),
        ('Reception called up this morning to say hi and remind me to bring ID.',
         'tour.introduced_to_people', True),
        ('Reception called up this morning to say hi and remind me to bring ID.',
         'tour.people_called_in', True),
        ('The recruiter called up before the interview to say hello and wish me luck.',
         'tour.introduced_to_people', True),
        ('The recruiter called up before the interview to say hello and wish me luck.',
         'tour.people_called_in', True),
        ('The agency called for a debrief and to say hi afterwards.',
         'tour.introduced_to_people', True),
        ('The agency called for a debrief and to say hi afterwards.',
         'tour.people_called_in', True),
        ('Someone rang in halfway to say hi to her and she cut them off.',
         'tour.introduced_to_people', True),
        ('Someone rang in halfway to say hi to her and she cut them off.',
         'tour.people_called_in', True),
        ("The MD rang down to say hello and wish me luck, didn't come in though.",
         'tour.introduced_to_people', True),
        ("The MD rang down to say hello and wish me luck, didn't come in though.",
         'tour.people_called_in', True),
        ('The security guard radioed up to say hello, visitor in the lobby.',
         'tour.introduced_to_people', True),
        ('The security guard radioed up to say hello, visitor in the lobby.',
         'tour.people_called_in', True),
        ('She called out to say hello to the cleaner as we passed.',
         'tour.introduced_to_people', True),
        ('She called out to say hello to the cleaner as we passed.',
         'tour.people_called_in', True),
        ('Called an Uber to the office and the driver wanted to shake my hand for some '
         'reason.',
         'tour.introduced_to_people', True),
        ('Called an Uber to the office and the driver wanted to shake my hand for some '
         'reason.',
         'tour.people_called_in', True),
        ('Pulled into the car park and waved the security guy down to say hello, lovely chap.',
         'tour.introduced_to_people', True),
        ('Pulled into the car park and waved the security guy down to say hello, lovely chap.',
         'tour.people_called_in', True),
        ('Fetched a coffee from the machine and a guy by it turned to shake my hand.',
         'tour.introduced_to_people', True),
        ('Fetched a coffee from the machine and a guy by it turned to shake my hand.',
         'tour.people_called_in', True),
        ("I'd called the recruiter that morning to say hi, she was lovely.",
         'tour.introduced_to_people', True),
        ("I'd called the recruiter that morning to say hi, she was lovely.",
         'tour.people_called_in', True),
        ('Waved the bus down to say hi to my neighbour who was driving it.',
         'tour.introduced_to_people', True),
        ('Waved the bus down to say hi to my neighbour who was driving it.',
         'tour.people_called_in', True),
        ('I got my partner in briefly to say hi to the interviewer on Zoom, she asked to meet '
         'him.',
         'tour.introduced_to_people', True),
        ('I got my partner in briefly to say hi to the interviewer on Zoom, she asked to meet '
         'him.',
         'tour.people_called_in', True),
        ('Had my son in for a bit to say hello at the end of the Teams call.',
         'tour.introduced_to_people', True),
        ('Had my son in for a bit to say hello at the end of the Teams call.',
         'tour.people_called_in', True),
        ('I hopped on the call early to say hi to the recruiter before the panel joined.',
         'tour.introduced_to_people', True),
        ('I hopped on the call early to say hi to the recruiter before the panel joined.',
         'tour.people_called_in', True),
        ('The interviewer called my name and a tall bloke who shook my hand led me in.',
         'tour.introduced_to_people', True),
        ('The interviewer called my name and a tall bloke who shook my hand led me in.',
         'tour.people_called_in', True),
        ('Called back in by the HR lady who shook my hand again to say goodbye.',
         'tour.introduced_to_people', True),
        ('Called back in by the HR lady who shook my hand again to say goodbye.',
         'tour.people_called_in', True),
        ('She brought in the second panel member, who shook my hand and sat down to interview '
         'me.',
         'tour.introduced_to_people', True),
        ('She brought in the second panel member, who shook my hand and sat down to interview '
         'me.',
         'tour.people_called_in', True),
        ('She called in the other interviewer who shook my hand and then asked the technical '
         'questions.',
         'tour.introduced_to_people', True),
        ('She called in the other interviewer who shook my hand and then asked the technical '
         'questions.',
         'tour.people_called_in', True),
        ('She got up at the end to say hi to the next candidate, then saw me out.',
         'tour.introduced_to_people', True),
        ('She got up at the end to say hi to the next candidate, then saw me out.',
         'tour.people_called_in', True),
        ('He got out at the end to say hello to my taxi driver, who he knew.',
         'tour.introduced_to_people', True),
        ('He got out at the end to say hello to my taxi driver, who he knew.',
         'tour.people_called_in', True),
        ("Called a colleague on the way out to say hi, she didn't answer.",
         'tour.introduced_to_people', True),
        ("Called a colleague on the way out to say hi, she didn't answer.",
         'tour.people_called_in', True),
        ('The chef shouted out to say hello when we walked past the kitchen.',
         'tour.introduced_to_people', True),
        ('The chef shouted out to say hello when we walked past the kitchen.',
         'tour.people_called_in', True),
        ('A guy from her team messaged in to say hi in the Teams chat, nothing to do with me.',
         'tour.introduced_to_people', True),
        ('A guy from her team messaged in to say hi in the Teams chat, nothing to do with me.',
         'tour.people_called_in', True),
        ('Security radioed over for my reg to say hi to the gate, bit odd.',
         'tour.introduced_to_people', True),
        ('Security radioed over for my reg to say hi to the gate, bit odd.',
         'tour.people_called_in', True),
        ('She pulled out her phone to show me photos of the team, and pulled up a video of '
         'them to say hi.',
         'tour.introduced_to_people', True),
        ('She pulled out her phone to show me photos of the team, and pulled up a video of '
         'them to say hi.',
         'tour.people_called_in', True),
        ("He pulled up the team's intro video — they all waved to say hello.",
         'tour.introduced_to_people', True),
        ("He pulled up the team's intro video — they all waved to say hello.",
         'tour.people_called_in', True),
        ('She shouted down the corridor for her tea and then to say hello to a passer-by.',
         'tour.introduced_to_people', True),
        ('She shouted down the corridor for her tea and then to say hello to a passer-by.',
         'tour.people_called_in', True),
        ('Went back in later, and someone fetched the manager who wanted to say hi but he was '
         'busy.',
         'tour.introduced_to_people', True),
        ('Went back in later, and someone fetched the manager who wanted to say hi but he was '
         'busy.',
         'tour.people_called_in', True),
    ])
    def test_is_not_read_wrongly(self, text: str, path: str, value: object) -> None:
        assert stated(text).get(path, "not stated") != value


class TestAnEarlierOccasionWithAnAside:
    """An earlier occasion named with a short aside in brackets right after it still speaks
    for the rest of its clause ("Last time (the Brandt job) I sent a thank-you ..."), and a
    reply "after round one" is that round's."""

    @pytest.mark.parametrize("text", [
        "Last time (the Brandt job) I sent a thank-you and got a lovely reply within an hour.",
        "After round one my thank-you got a reply in 2 hours saying 'you would be great'.",
        "My friend (she applied too) got a tour of the office.",
    ])
    def test_states_nothing_of_this_interview(self, text: str) -> None:
        assert stated(text) == {}

    def test_this_time_is_read_after_the_earlier_one(self) -> None:
        text = ("Last time (the Brandt job) I sent a thank-you and got a lovely reply. "
                "This time I haven't sent one.")
        assert stated(text) == {"thank_you.note_sent": False}


class TestANoteNotSentInMoreWords:
    @pytest.mark.parametrize("text", [
        "Thank-you? I haven't written one.",
        "They said thank-you notes help. I haven't sent one yet.",
        "Still haven't sent mine, the thank-you is in my head only.",
    ])
    def test_is_no_note(self, text: str) -> None:
        assert stated(text)["thank_you.note_sent"] is False

    @pytest.mark.parametrize("text", [
        "Sent the CV last week. I haven't sent it to the agency yet though.",
        "Haven't written today's yet; will do it tomorrow.",
    ])
    def test_is_not_about_the_note(self, text: str) -> None:
        assert "thank_you.note_sent" not in stated(text)


class TestTakenBackRightAway:
    """A remark in brackets that takes back what it follows ("(he did not)", "(not)") or a
    laugh and a no ("ha no he didnt") sets the words before it aside; a bracket that only
    narrows them ("(not at me though)") and a question answered ("Tour? Nope.") do not."""

    @pytest.mark.parametrize(("text", "path"), [
        ("he definitely smiled at me sooo much 🙄 (he did not). 20 min slot",
         "body_language.smiles"),
        ("Big smiles all round (not). It was meant to be an hour.", "body_language.smiles"),
        ("he asked if I wanted the job ha no he didnt he asked if I knew anyone else",
         "interest.asked_if_interested"),
        ("She showed me the whole floor (yeah right).", "tour.office_tour"),
    ])
    def test_is_set_aside(self, text: str, path: str) -> None:
        assert path not in stated(text)

    @pytest.mark.parametrize(("text", "path", "value"), [
        ("She smiled (not at me though).", "body_language.smiles", True),
        ("He showed me round (not the labs).", "tour.office_tour", True),
        ("Tour of the lab? Nope.", "tour.office_tour", False),
        ("If she'd been checking her phone I'd have walked. She wasn't: full attention, "
         "leaning in the whole time.", "body_language.engaged", True),
        ("She nodded (a lot). Not really my kind of place.", "body_language.nods", True),
    ])
    def test_is_still_read(self, text: str, path: str, value: object) -> None:
        assert stated(text)[path] == value


class TestTheReplyTimedOnA24HourClock:
    """A time only a 24-hour clock writes ("16:42") makes the other time read as written
    ("10:42" is the morning, so the reply came a day later, to confirm), a leading zero
    ("08:30") is the morning, and a date written by a machine ("2024-06-03") places a time."""

    @pytest.mark.parametrize(("text", "hours"), [
        ("Thank-you sent 2024-06-03 16:42, reply 2024-06-04 10:42.", 18.0),
        ("Log:\n2024-06-03 16:42:00 thank-you sent\n"
         "2024-06-04 10:42:00 reply from Chen: 'Appreciate it.'", 18.0),
        ("Sent thanks 08:30, reply 09:10.", 0.67),
        ("Sent my thank-you Monday 16:00, reply Tuesday 9:30.", 17.5),
    ])
    def test_is_stated(self, text: str, hours: float) -> None:
        assert stated(text)["thank_you.response_hours"] == hours

    def test_an_earlier_time_without_a_day_is_the_next_day_to_confirm(self) -> None:
        text = "Thank-you sent 16:42. Reply from Chen at 10:42."
        assert asked(text, "thank_you.response_hours")
        assert {p.value for p in _read(text).proposals
                if p.path == "thank_you.response_hours"} == {18.0}

    def test_a_date_that_cannot_be_is_no_date(self) -> None:
        text = "Thank-you sent 2024-13-03 16:42, reply 2024-13-04 10:42."
        assert "thank_you.response_hours" not in stated(text)


class TestTheReplyTimedInAMachinesOrALogsWords:
    """Times as a machine writes them ("2024-03-04T17:10", "07:45Z"), a day given only as
    an ordinal before its time ("12th 5pm"), the note named by its time rather than by
    "sent" ("to my 11:35 thank-you", "Thank-you 12th 5pm, reply ..."), and a day the reply
    names in its own words ("'See you Weds'"), which is not the day it came."""

    @pytest.mark.parametrize(("text", "hours"), [
        ("Sent my thank-you to Priya at 2024-03-04T17:10 and her reply landed "
         "2024-03-05T09:10.", 16.0),
        ("thank-you sent 2024-11-20T22:45Z. reply 2024-11-21T07:45Z from the hiring mgr",
         9.0),
        ("Got a reply at 14:05 to my 11:35 thank-you. 'Thanks. Will be in touch.'", 2.5),
        ("Reply Sat 08:12 to my Fri 20:12 note: 'Received.'", 12.0),
        ("Thank-you 12th 5pm, reply 14th 9am.", 40.0),
        ("Thank you: sent 1pm. Hannah replied 2pm - 'Great to meet you! See you Weds.'", 1.0),
    ])
    def test_is_stated(self, text: str, hours: float) -> None:
        assert stated(text)["thank_you.response_hours"] == hours

    @pytest.mark.parametrize("text", [
        "thank-you: 2025-02-10T16:00-05:00 / reply from Ingrid: 2025-02-11T10:00+01:00",
        "Sent my thank-you 31st 11pm, reply 2nd 9am.",
    ])
    def test_is_not_stated(self, text: str) -> None:
        assert "thank_you.response_hours" not in stated(text)

    def test_thanks_for_a_reply_names_no_time_of_a_note(self) -> None:
        reading = stated("Thanks for the reply at 5pm, Jo.")
        assert "thank_you.response_hours" not in reading


class TestCountsAsFormsAndListsWriteThem:
    """A count of interviewers standing alone in its clause ("an hour, 2 interviewers (the
    head of content and ...)"), a panel that "had" so many, the interviewers "was 4"."""

    @pytest.mark.parametrize(("text", "count"), [
        ("it was supposed to be an hour, 2 interviewers (the head of content and a guy from HR).",
         2),
        ("Panel had 2 people, one technical and one managerial.", 2),
        ("The interviewers was 4. They ask me many question from the paper.", 4),
        ("The interviewers were 3 and very nice.", 3),
        ("Number of panellists: 4", 4),
    ])
    def test_is_counted(self, text: str, count: int) -> None:
        assert stated(text)["interview.interviewer_count"] == count

    @pytest.mark.parametrize("text", [
        "Met the team after, 5 engineers, all lovely.",
        "Group day: 30 people, 2 interviewers.",
        "The panel had 2 questions for me at the end.",
        # after a review: "ppl" or "people" alone counts nobody ("Group interview today, 10
        # ppl"), and a label with a number names one interviewer ("Interviewer 2: cold")
        "it was supposed to be an hour, 2 ppl (the head of content and some guy from HR).",
        "Booked an hour, 2 people, and we spent forever on the day-to-day.",
        "Interviewer 2: very cold.",
    ])
    def test_is_not_counted_so(self, text: str) -> None:
        assert stated(text).get("interview.interviewer_count") in (None, 2)
        assert stated(text).get("interview.interviewer_count") != 30


class TestBookedBeforeTheyLeftInMoreWords:
    """A next round booked before "we" left or while the call still ran, told in more
    orders ("before i left they put a final round in my calendar"), and none booked
    ("Didn't book anything", "Nothing was booked while I was there", "not given any date for
    next round")."""

    @pytest.mark.parametrize("text", [
        "before i left they put a final round in my calendar for next tues.",
        "She said the hiring manager wants to meet me and sent a calendar invite while I was "
        "still on the call.",
    ])
    def test_is_booked_on_the_spot(self, text: str) -> None:
        assert stated(text)["next_steps.scheduled_on_the_spot"] is True

    @pytest.mark.parametrize("text", [
        "They emailed Friday to invite me to a final round. Nothing was booked while I was "
        "there though.",
        "They have not given any date for next round.",
    ])
    def test_is_not_booked(self, text: str) -> None:
        assert stated(text)["next_steps.scheduled_on_the_spot"] is False

    @pytest.mark.parametrize("text", [
        # after a review: "sorted it" books nothing unless a round or date is named with
        # it, and "Didn't book anything" may be the writer's own errand
        "final is booked for next thurs at 2, they sorted it before we left",
        "Looked at flights to Berlin for the final round. Didn't book anything.",
        "We sorted out lunch before we left.",
        "We set a time to meet for coffee before we left.",
        "before i left they put my coat in the cloakroom.",
    ])
    def test_is_nothing_booked(self, text: str) -> None:
        assert stated(text).get("next_steps.scheduled_on_the_spot") is not True


class TestTheNoteSentInFewerWords:
    """The note that went, named by when ("Sent it 9am Tuesday" near the thank-you), written
    short ("sent thnks"), or waited on ("didnt hear back from my thank you": it went); and
    one not written yet ("Haven't written the thank-you yet", "I've not sent mine yet")."""

    @pytest.mark.parametrize("text", [
        "didnt hear back from my thank you for 3 days then got a lovely email from her.",
        "If she writes back to my thank-you I'll take it as a good sign. Sent it 9am Tuesday.",
        "guy was fine. sent thnks, no respons.",
    ])
    def test_is_sent(self, text: str) -> None:
        assert stated(text)["thank_you.note_sent"] is True

    @pytest.mark.parametrize("text", [
        "Haven't written the thank-you yet, will do it tomorrow.",
        "They say a thank-you helps. I've not sent mine yet.",
    ])
    def test_is_not_sent(self, text: str) -> None:
        assert stated(text)["thank_you.note_sent"] is False

    @pytest.mark.parametrize("text", [
        "Sent it 9am to the agency with my CV.",
        "Sent Monday 9am: my portfolio link.",
    ])
    def test_is_no_note(self, text: str) -> None:
        assert "thank_you.note_sent" not in stated(text)


class TestTheReplysPointsInMoreWords:
    """A reply that names something of the interview in more words ("lovely hearing about
    my end of life training", "Your on-call idea was smart"), and one that names nothing
    ("nothing much else", "no mention of anything we actually talked about")."""

    @pytest.mark.parametrize("text", [
        "I sent my thank you at six last night and she got back at nine this morning saying "
        "it was lovely hearing about my end of life training",
        "Sent thanks Wed 19:00 CET to both, Anja replied Thu 08:30 CET: 'Danke! Your on-call "
        "idea was smart.'",
        "Thank-you sent Monday; her answer came the day after: \"I keep thinking about your "
        "point on triage rotas.\"",
    ])
    def test_names_something(self, text: str) -> None:
        assert stated(text)["thank_you.references_specifics"] is True

    @pytest.mark.parametrize("text", [
        "thank you note sent, she got back to me like an hour later saying thanks, nothing "
        "much else.",
        "thank you sent tues 10am, reply wed 10am. polite, no mention of anything we "
        "actually talked about",
    ])
    def test_names_nothing(self, text: str) -> None:
        assert stated(text)["thank_you.references_specifics"] is False

    @pytest.mark.parametrize("text", [
        "We talked about the rota we discussed before. She replied the next day.",
        "Thank you sent, she replied. Your time is precious she said.",
    ])
    def test_says_nothing_of_it(self, text: str) -> None:
        assert "thank_you.references_specifics" not in stated(text)


class TestTheReviewOfTheRetractionsAsidesClocksAndCounts:
    """A hostile review of this session's first mechanisms (389 notes; 188 read wrongly, 45
    of them newly): a remark in brackets taking back what it follows, an earlier occasion
    with an aside, "I haven't sent one", reply hours on 24-hour clocks and machine dates,
    counts standing alone. After narrowing (the retraction stops at a comma and speaks of the
    same person; asides naming today speak of today; "ppl" and "people" alone count
    nobody; a 12 o'clock on a 24-hour clock is noon) these are read as the review expects.
    Left wrong and named in docs/notes.md: retractions as a sentence of their own ("She
    nodded along. Not."), answers in brackets ("Tour? (nope)"), times of other events
    ("Caught the 16:42 home and sent my thank-you"), slashed and dotted dates."""

    @pytest.mark.parametrize(("text", "path", "value"), [
        ("He smiled a lot (she didn't).",
         'body_language.smiles', True),
        ("He nodded at everything I said (she didn't).",
         'body_language.nods', True),
        ("Did he smile? Haha no, he didn't.",
         'body_language.smiles', False),
        ('Panel of 3 and they all smiled (not).',
         'interview.interviewer_count', 3),
        ("In round one (and again today) they asked where else I'm interviewing.",
         'interest.asked_where_else_interviewing', True),
        ('Last time (and this time too) I sent a thank-you the same evening.',
         'thank_you.note_sent', True),
        ('First round done! For round one it was just 1 interviewer, the recruiter.',
         'interview.interviewer_count', 1),
        ('Straight after round one they asked me to stay for round two that afternoon.',
         'next_steps.invited_to_next_round', True),
        ('After my first interview (this morning) she showed me round the lab.',
         'tour.office_tour', True),
        ("Reply timestamp says 'Wed 09:14'; my thank-you went Tue 17:14.",
         'thank_you.response_hours', 16),
        ('Thank you 12th @ 5pm, reply 13th @ 9am.',
         'thank_you.response_hours', 16),
        ('Thank-you 12th at 5pm, reply 13th at 9am.',
         'thank_you.response_hours', 16),
        ('Thank-you sent Monday 12:30, reply Monday 16:00.',
         'thank_you.response_hours', 3.5),
        ('Sent my thank-you at 12:30, reply at 14:00.',
         'thank_you.response_hours', 1.5),
        ('Thank-you sent 12:45, HM replied 13:10.',
         'thank_you.response_hours', 0.42),
        ('Sent the thank-you Tue 12:05, reply Tue 15:35.',
         'thank_you.response_hours', 3.5),
        ('Thank-you sent 2024-06-03 12:30, reply 2024-06-03 17:00.',
         'thank_you.response_hours', 4.5),
        ('Group interview, 8 ppl, 2 interviewers.',
         'interview.interviewer_count', 2),
        ('Group interview today - 10 ppl. Only one interviewer tho.',
         'interview.interviewer_count', 1),
        ('Assessors: 3. Candidates: 12.',
         'interview.interviewer_count', 3),
        ('Scheduled an hour, 6 people, all candidates, one interviewer.',
         'interview.interviewer_count', 1),
        ('The interviewers were 2 women from HR.',
         'interview.interviewer_count', 2),
        ('The interviewers were 3 and very nice.',
         'interview.interviewer_count', 3),
        ('The interviewers are 4 in total.',
         'interview.interviewer_count', 4),
        ('Number of panellists: 4',
         'interview.interviewer_count', 4),
        ('Panellists: 3',
         'interview.interviewer_count', 3),
        ('Interviewer(s): 2',
         'interview.interviewer_count', 2),
        ('Panel of 3, big smiles all round (not).',
         'interview.interviewer_count', 3),
        ("Booked 30 min, he asked where else I'm interviewing (he did not) and it ran to 50.",
         'interview.scheduled_minutes', 30),
        ("Two interviewers, they smiled the whole time (they didn't).",
         'interview.interviewer_count', 2),
        ('For round one (today) they had 2 interviewers.',
         'interview.interviewer_count', 2),
        ('After round one they invited me to round two, which was today.',
         'next_steps.invited_to_next_round', True),
        ('For round one they gave me 45 minutes and it ran to 70.',
         'interview.actual_minutes', 70),
        ("Sent my thank-you yesterday. The signed NDA - still haven't sent it.",
         'thank_you.note_sent', True),
        ('Sent thank-you Mon 20:00, reply Tue 12:15.',
         'thank_you.response_hours', 16.25),
        ('Thank-you sent 12:00, reply 15:00.',
         'thank_you.response_hours', 3),
        ("Sent my thank-you to Priya Monday 5pm, didn't get her reply till Wednesday 9am.",
         'thank_you.response_hours', 40),
        ("Thank-you sent Mon 5pm, didn't hear back till Wed 9am, she'd been off sick.",
         'thank_you.response_hours', 40),
        ("Thank-you went Mon 5pm. I didn't get the reply till Wed 9am because she's been away.",
         'thank_you.response_hours', 40),
        ('Group interview, 10 ppl (all candidates), 2 interviewers.',
         'interview.interviewer_count', 2),
        ('The interviewers (2) were lovely.',
         'interview.interviewer_count', 2),
        ("Sent my thank-you to Priya Monday 5pm, didn't get her reply till Wednesday 9am.",
         'thank_you.response_received', True),
        ("Thank-you went Mon 5pm. I didn't get the reply till Wed 9am because she's been away.",
         'thank_you.response_received', True),
        ("Any smiles? Ha no, they didn't.",
         'body_language.smiles', False),
        ("The HM smiled the whole way through (she did not, she's HR and looked bored).",
         'body_language.smiles', True),
        ("She asked where else I'm interviewing (he didn't, he just took notes).",
         'interest.asked_where_else_interviewing', True),
        ('He smiled (not at me though).',
         'body_language.smiles', True),
        ('She nodded (not much).',
         'body_language.nods', True),
        ('He asked where else I was interviewing (not in a pushy way).',
         'interest.asked_where_else_interviewing', True),
        ('They showed me round the warehouse (not the office).',
         'tour.office_tour', True),
        ('He never smiled once (he did not, I was watching).',
         'body_language.smiles', False),
        ('No tour (nope, not even a peek at the floor).',
         'tour.office_tour', False),
        ("Asked where else I'm interviewing (as if they care).",
         'interest.asked_where_else_interviewing', True),
        ("He asked where else I'm interviewing (yeah right, like I'd tell him).",
         'interest.asked_where_else_interviewing', True),
        ("They asked if I'd take the job if offered (not really a surprise).",
         'interest.asked_if_interested', True),
        ('She smiled a lot (not really my type of boss but nice).',
         'body_language.smiles', True),
        ('He nodded along (not that it means anything).',
         'body_language.nods', True),
        ('45 min slot, he smiled a lot (he did not), ran to an hour.',
         'interview.actual_minutes', 60),
        ("She asked where else I'm interviewing, then she smiled (she didn't).",
         'interest.asked_where_else_interviewing', True),
        ('she smiled. he didnt lol',
         'body_language.smiles', True),
        ('She smiled (at first).',
         'body_language.smiles', True),
        ("He didn't nod (not once).",
         'body_language.nods', False),
        ("No tour (they didn't offer).",
         'tour.office_tour', False),
        ('Unlike round one (video call), they showed me round the whole plant this time.',
         'tour.office_tour', True),
        ('Like last time (and the time before), they asked where else I was interviewing.',
         'interest.asked_where_else_interviewing', True),
        ('Like last time, they asked where else I was interviewing.',
         'interest.asked_where_else_interviewing', True),
        ('Notes from round one (today): panel of 3, all engineers.',
         'interview.interviewer_count', 3),
        ('Notes from round one: panel of 3, all engineers.',
         'interview.interviewer_count', 3),
        ('After round one I sent a thank-you and got a reply in 2 hours. Today was round two '
         "and I haven't sent one yet.",
         'thank_you.note_sent', False),
        ('In round one (on Teams) there were 2 interviewers. Today it was a panel of 5.',
         'interview.interviewer_count', 5),
        ("After round one they told me round two would be a case study. Today's round two: 4 "
         'people on the panel.',
         'interview.interviewer_count', 4),
        ('My first interview (ever!) and they showed me round the whole studio.',
         'tour.office_tour', True),
        ('After my first interview I was so nervous I forgot to ask questions. The HM smiled '
         'a lot though.',
         'body_language.smiles', True),
        ('Last time (the Brandt job) I sent a thank-you. This time she showed me round the office.',
         'tour.office_tour', True),
        ('Last time (2 yrs ago) I got no reply to my thank-you. This time the HM replied '
         'within an hour.',
         'thank_you.response_received', True),
        ("They asked for my portfolio after. I haven't sent it yet, still tidying it. "
         'Thank-you email went out last night though.',
         'thank_you.note_sent', True),
        ("The HM asked me to send over a writing sample - I haven't sent one yet. Thank-you "
         'note sent this morning.',
         'thank_you.note_sent', True),
        ("Recruiter wants my references; I haven't sent them. Thank-you went to Priya on Monday.",
         'thank_you.note_sent', True),
        ("She asked for my salary expectations in writing and I haven't sent it. Thank-you "
         'email sent at 6pm.',
         'thank_you.note_sent', True),
        ("I haven't written one in years, but I sent a thank-you email an hour ago.",
         'thank_you.note_sent', True),
        ("I haven't sent one to the HR lady, only to the hiring manager. Thank-you went at 5.",
         'thank_you.note_sent', True),
        ("Thank you note: haven't sent one.",
         'thank_you.note_sent', False),
        ("I've not sent a thank-you yet.",
         'thank_you.note_sent', False),
        ("I've not sent one yet - the thank-you is still in my head.",
         'thank_you.note_sent', False),
        ("I still haven't emailed a thank-you.",
         'thank_you.note_sent', False),
        ("Haven't got round to the thank-you note.",
         'thank_you.note_sent', False),
        ("I haven't done a thank-you note.",
         'thank_you.note_sent', False),
        ('Thank-you note - not sent.',
         'thank_you.note_sent', False),
        ("I didn't send a thank-you this time.",
         'thank_you.note_sent', False),
        ("Re the thank-you: I haven't sent one, and I'm not going to.",
         'thank_you.note_sent', False),
        ("Thank-you: I haven't written one.",
         'thank_you.note_sent', False),
        ("Still haven't sent mine (the thank-you).",
         'thank_you.note_sent', False),
        ("I haven't sent it (the thank-you), too nervous.",
         'thank_you.note_sent', False),
        ("She said she'd send me the job spec. I haven't sent my thank-you yet either.",
         'thank_you.note_sent', False),
        ("Thank-you note sent. I haven't written one for the second interviewer because I "
         "don't have her email.",
         'thank_you.note_sent', True),
        ("I haven't written one since uni, but this time I did: thank-you email sent at 6.",
         'thank_you.note_sent', True),
        ("My coach says a thank-you is a must. I haven't written one (yet).",
         'thank_you.note_sent', False),
        ('I havent sent the thank you note.',
         'thank_you.note_sent', False),
        ("The case study they set me is due Friday - I haven't written it yet. Sent a quick "
         'thank-you after lunch.',
         'thank_you.note_sent', True),
        ('Sent my thank-you at 16:42, got a reply the next morning at 10:42.',
         'thank_you.response_hours', 18),
        ('Thank-you sent 17:05. Reply 17:50.',
         'thank_you.response_hours', 0.75),
        ('Sent thanks 08:30, reply 09:10.',
         'thank_you.response_hours', 0.67),
        ('Sent thanks 08:30, reply 5:30pm.',
         'thank_you.response_hours', 9),
        ("Sent the thank-you at 00:30 (couldn't sleep), reply at 07:45.",
         'thank_you.response_hours', 7.25),
        ('Thank-you sent 3 June 16:42, reply 4 June 10:42.',
         'thank_you.response_hours', 18),
        ('Sent my thank-you 2024-06-03 at 4:42pm and the reply came 2024-06-04 at 10:42am.',
         'thank_you.response_hours', 18),
        ('Thank-you sent Mon 17:00, reply Tue 09:00.',
         'thank_you.response_hours', 16),
        ('Sent the thank-you Friday 17:30. Reply Monday 08:45.',
         'thank_you.response_hours', 63.25),
        ('Reply Monday 9:00 to my Friday 17:00 email.',
         'thank_you.response_hours', 64),
        ('Got a reply Tuesday 10am to my Monday 4pm thank-you.',
         'thank_you.response_hours', 18),
        ("Reply at 14:05 to my 11:35 thank you note - 'Thanks, talk soon'.",
         'thank_you.response_hours', 2.5),
        ('Thank-you 12th 5pm, reply 13th 10am.',
         'thank_you.response_hours', 17),
        ('Thank-you 12th 17:00, reply 13th 09:30.',
         'thank_you.response_hours', 16.5),
        ('Thank you sent 1st 9pm, reply 3rd 8am.',
         'thank_you.response_hours', 35),
        ('Sent thank-you on the 12th at 5pm, reply on the 14th at 9am.',
         'thank_you.response_hours', 40),
        ("Sent my thank-you Weds 6pm. Reply Thurs 9am: 'Great to meet you - see you Friday!'",
         'thank_you.response_hours', 15),
        ("Thank-you sent Monday 5pm. Reply Wednesday 9am: 'Thanks! Let's talk Thursday'.",
         'thank_you.response_hours', 40),
        ('Interview 14:00-15:00. Thank-you sent 16:30. Reply 09:15 next day.',
         'thank_you.response_hours', 16.75),
        ('Sent thanks at 11:35, the interview had been at 09:00. Reply at 14:05.',
         'thank_you.response_hours', 2.5),
        ('Thank-you sent at 9:00, reply at 13:30, call scheduled for 16:00.',
         'thank_you.response_hours', 4.5),
        ("Sent a thank-you at 17:00, she replied at 17:20 saying 'see you at 09:00 Monday'.",
         'thank_you.response_hours', 0.33),
        ('Thank-you sent at 21:15 Sunday. Reply 07:02 Monday.',
         'thank_you.response_hours', 9.78),
        ('Thanks email sent Fri 23:50, reply Sat 00:10.',
         'thank_you.response_hours', 0.33),
        ('Interview on the 3rd 10am, thank-you sent 4th 9am, reply 4th 11am.',
         'thank_you.response_hours', 2),
        ('Thank-you note sent Wednesday 16:00; he answered Thursday 08:00.',
         'thank_you.response_hours', 16),
        ('Sent a thank-you Mon 10am, reply Mon 14:30.',
         'thank_you.response_hours', 4.5),
        ('Thank-you sent 7:15, reply 19:15.',
         'thank_you.response_hours', 12),
        ('Thank-you sent Wed 7:15, reply Wed 19:15.',
         'thank_you.response_hours', 12),
        ('Sent thank-you at 9.30pm, reply 21:45.',
         'thank_you.response_hours', 0.25),
        ('Assessment centre: 20 candidates, 4 assessors.',
         'interview.interviewer_count', 4),
        ('Assessment centre - 20 of us, 4 assessors.',
         'interview.interviewer_count', 4),
        ('Assessment day, 6 assessors (one per exercise), 24 candidates.',
         'interview.interviewer_count', 6),
        ('Panel had 4 people (one dialled in).',
         'interview.interviewer_count', 4),
        ('The panel had 2 people missing, so it was just the chair.',
         'interview.interviewer_count', 1),
        ('Interviewers were 3: CEO, CTO and HR.',
         'interview.interviewer_count', 3),
        ('The interviewers were two.',
         'interview.interviewer_count', 2),
        ("The interviewers were 3 (plus an observer who didn't speak).",
         'interview.interviewer_count', 3),
        ('The interviewers was 2 man and 1 lady.',
         'interview.interviewer_count', 3),
        ('The candidates were 5. The interviewers were 2.',
         'interview.interviewer_count', 2),
        ('Interviewers: 2 (+1 observer)',
         'interview.interviewer_count', 2),
        ('# interviewers: 2',
         'interview.interviewer_count', 2),
        ('Panel size - 3',
         'interview.interviewer_count', 3),
        ('Interviewers: 2, both engineers. Duration: 45 min.',
         'interview.interviewer_count', 2),
        ('30 min, 3 ppl on the call.',
         'interview.interviewer_count', 3),
        ('Zoom, 3 ppl, 45 min.',
         'interview.interviewer_count', 3),
        ('Zoom call, 3 ppl, cameras off.',
         'interview.interviewer_count', 3),
        ('Great vibe, 2 assessors.',
         'interview.interviewer_count', 2),
        ("Yesterday's screen: 1 interviewer. Today: panel of 3.",
         'interview.interviewer_count', 3),
        ('Interviewed by 2 ppl.',
         'interview.interviewer_count', 2),
        ('Was told 3 interviewers, actually 2.',
         'interview.interviewer_count', 2),
        ('2 interviewers (plus HR lady who popped in to say hi).',
         'interview.interviewer_count', 2),
        ('Same as last time (the screening call): 2 interviewers.',
         'interview.interviewer_count', 2),
        ('Notes for round one: 2 interviewers, 45 mins.',
         'interview.interviewer_count', 2),
        ("Takeaways from round one: the HM smiled a lot and asked where else I'm interviewing.",
         'interest.asked_where_else_interviewing', True),
        ("Takeaways from round one: the HM smiled a lot and asked where else I'm interviewing.",
         'body_language.smiles', True),
        ('Feedback from round one came today: they want me back for a final.',
         'next_steps.invited_to_next_round', True),
        ('After my first interview today (the technical one) they showed me round the office.',
         'tour.office_tour', True),
        ('Reflections after my first interview (ever!): panel of 2, both lovely.',
         'interview.interviewer_count', 2),
        ('Sent my thank-you at 06:45 pm, reply at 09:10 am next day.',
         'thank_you.response_hours', 14.42),
        ('Thank-you sent 2024-06-03 16:42, reply 16:50.',
         'thank_you.response_hours', 0.13),
        ('Sent the thank-you Monday 5pm (the 12th), reply 14th 9am.',
         'thank_you.response_hours', 40),
        ('Sent my thank-you Monday 6pm. Reply came "first thing" Tuesday, 8am.',
         'thank_you.response_hours', 14),
        ('Interview done. Took 40 mins (felt longer).',
         'interview.actual_minutes', 40),
        ('Video call, 2 ppl, 45 min.',
         'interview.interviewer_count', 2),
        ('3 interviewers (one was on mute the whole time).',
         'interview.interviewer_count', 3),
        ('The interviewers were 2, the rest were observers.',
         'interview.interviewer_count', 2),
        # a denial of the writer's own after another occasion's (a later mechanism)
        ("Last time (Tuesday) she asked where else I was interviewing; today she didn't "
         "bring it up.", 'interest.asked_where_else_interviewing', False),
    ])
    def test_is_read_right(self, text: str, path: str, value: object) -> None:
        got = stated(text)[path]
        assert got == pytest.approx(value, abs=0.02) if isinstance(value, float) else \
            got == value

    @pytest.mark.parametrize(("text", "path"), [
        ('Big smiles all round (NOT!).',
         'body_language.smiles'),
        ('Big smiles all round (not!!)',
         'body_language.smiles'),
        ('He smiled at me sooo much (lol jk).',
         'body_language.smiles'),
        ('She gave me a full tour of the office (jk lol).',
         'tour.office_tour'),
        ('They showed me round the whole site (kidding).',
         'tour.office_tour'),
        ('He nodded along the whole time (sarcasm).',
         'body_language.nods'),
        ('He smiled the entire hour (he did not 😂).',
         'body_language.smiles'),
        ("They gave me a tour (they didn't.)",
         'tour.office_tour'),
        ('Warm smiles from the whole panel (in my dreams).',
         'body_language.smiles'),
        ('She nodded along enthusiastically (of course not).',
         'body_language.nods'),
        ("He asked if I'd take the job (ofc not).",
         'interest.asked_if_interested'),
        ('He smiled at my jokes (haha no).',
         'body_language.smiles'),
        ('He smiled at me sooo much [he did not].',
         'body_language.smiles'),
        ('She asked if I wanted the job (I wish!).',
         'interest.asked_if_interested'),
        ('I sent a thank-you that evening (I did not).',
         'thank_you.note_sent'),
        ("Thanked them in person. They wanted my portfolio, I haven't sent it.",
         'thank_you.note_sent'),
        ('Group interview today, 10 ppl.',
         'interview.interviewer_count'),
        ('Open day, 40 ppl, then a 20 min one-to-one.',
         'interview.interviewer_count'),
        ('Waiting room was packed, 6 ppl.',
         'interview.interviewer_count'),
        ('Lunch with the team, 6 ppl.',
         'interview.interviewer_count'),
        ('It was a group session: booked an hour, 6 people, each of us did a 5 minute pitch.',
         'interview.interviewer_count'),
        ('2 ppl (I think).',
         'interview.interviewer_count'),
        ('Interview lasted 45 min (ish).',
         'interview.actual_minutes'),
        ('Interview lasted 45 min (I think).',
         'interview.actual_minutes'),
        ("Thanked the receptionist on the way out. The assessment form - I haven't sent it.",
         'thank_you.note_sent'),
        ('Met the team after, 5 ppl, all lovely.',
         'interview.interviewer_count'),
        ('Tour of the floor, 40 ppl, very quiet.',
         'interview.interviewer_count'),
        ('Assessment day, 30 ppl, 4 groups.',
         'interview.interviewer_count'),
        ('Interviewer 2: very cold.',
         'interview.interviewer_count'),
        ('Interviewer 1: friendly.',
         'interview.interviewer_count'),
        ('She gave me a quick tour (of their app).',
         'tour.office_tour'),
        ('He gave me a tour (of the company website, lol).',
         'tour.office_tour'),
        ('Shadowed the team for an hour, 3 ppl.',
         'interview.interviewer_count'),
        ('He asked when I could start (just kidding).',
         'interest.asked_if_interested'),
        ('She was super engaged (/s).',
         'body_language.engaged'),
        ("He smiled the entire hour (he didn't lol).",
         'body_language.smiles'),
        ('Got a tour of the factory (nah).',
         'tour.office_tour'),
        ("He asked me if I wanted the job haha nope he didn't",
         'interest.asked_if_interested'),
        ('Smiles? (not really)',
         'body_language.smiles'),
        ('Office tour (I wish).',
         'tour.office_tour'),
        ('He smiled when I talked about the project (not).',
         'body_language.smiles'),
        ('Panel of 3 and they all smiled (not).',
         'body_language.smiles'),
        ('45 min slot, he smiled a lot (he did not), ran to an hour.',
         'body_language.smiles'),
        ('He showed me round the office and introduced me to the team (he did not).',
         'tour.office_tour'),
        ('He showed me round the office and introduced me to the team (he did not).',
         'tour.introduced_to_people'),
        ("They scheduled round two on the spot (they didn't).",
         'next_steps.scheduled_on_the_spot'),
        ('He invited me back for a second interview (I wish).',
         'next_steps.invited_to_next_round'),
        ("He smiled (he didn't)",
         'body_language.smiles'),
        ('After round one I sent a thank-you and got a reply in 2 hours.',
         'thank_you.response_hours'),
        ('Last time (Brandt, 2023) I got a full tour and met the whole team.',
         'tour.office_tour'),
        ('At my last job (a bank in Leeds) they showed me round the trading floor.',
         'tour.office_tour'),
        ('My mate (works there already) said they always give a tour.',
         'tour.office_tour'),
        ('My sister (who interviewed there last year) got a tour of the whole hospital.',
         'tour.office_tour'),
        ("My friend (also a nurse) got asked where else she's interviewing.",
         'interest.asked_where_else_interviewing'),
        ('My coach (ex-recruiter) says thank-you replies within 24 hours are a good sign.',
         'thank_you.response_received'),
        ('The other candidate (a guy in a suit) got shown round the office.',
         'tour.office_tour'),
        ('Last time (Tuesday) she asked where else I was interviewing.',
         'interest.asked_where_else_interviewing'),
        ('After my first interview (the screen) I got a reply to my thank-you within an hour.',
         'thank_you.response_received'),
        ('In the first round (with HR) they asked where else I was interviewing.',
         'interest.asked_where_else_interviewing'),
        ('My previous interview (at Ocado) ran 2 hours over.',
         'interview.actual_minutes'),
        ("They asked for a cover letter - I haven't written one. Will send a thank-you tomorrow.",
         'thank_you.note_sent'),
        ("Everyone says send a thank-you. My friend hasn't sent one for her interview either.",
         'thank_you.note_sent'),
        ('The recruiter sent me a thank-you for attending. She asked for my passport copy '
         "and I haven't sent it yet.",
         'thank_you.note_sent'),
        ("Got a nice thank-you-for-applying email. They want my certificates but I haven't "
         'sent them yet.',
         'thank_you.note_sent'),
        ("Do I send a thank-you? I haven't sent one before for a phone screen.",
         'thank_you.note_sent'),
        ('Sent 06/07 at 17:00, reply 07/07 at 09:00.',
         'thank_you.response_hours'),
        ('Interview at 14:00. Sent the thank-you at 6, reply at 8.',
         'thank_you.response_hours'),
        ('Sent 14:30, reply at 4:45.',
         'thank_you.response_hours'),
        ('Thank-you sent 18:00. Reply came in at 9.',
         'thank_you.response_hours'),
        ('Sent my thank-you at 16:00, got a reply at 4:30.',
         'thank_you.response_hours'),
        ('Thank-you sent 16:42. Reply from Chen at 10:42.',
         'thank_you.response_hours'),
        ('Nobody has replied to my 2 emails about the start date.',
         'thank_you.note_sent'),
        ('Thx 4 the tips guys, will reply to everyone later.',
         'thank_you.note_sent'),
        ("Thanks 100x for the advice, I'll reply to her email tonight.",
         'thank_you.note_sent'),
        ('The interview was 12th 5pm. Thank-you sent at 8, reply 13th 9am.',
         'thank_you.response_hours'),
        ('Thank-you 31st 5pm, reply 1st 9am.',
         'thank_you.response_hours'),
        ('Thank-you sent around 16:00, reply 10:00 next day.',
         'thank_you.response_hours'),
        ('Thank-you sent just before 17:00, reply Tuesday 09:00.',
         'thank_you.response_hours'),
        ('Sent my thank-you Monday 16:42. Reply Tuesday morning, not sure what time.',
         'thank_you.response_hours'),
        ('Thank-you sent Mon 16:00 (my time, Lagos). Reply Tue 10:00 (her time, London).',
         'thank_you.response_hours'),
        ('Team size: 12 ppl.',
         'interview.interviewer_count'),
        ("Team: 12 ppl, all remote, she said I'd be the 13th.",
         'interview.interviewer_count'),
        ('Met the team after: 5 ppl.',
         'interview.interviewer_count'),
        ("Shortlist is 4 ppl, I'm one of them.",
         'interview.interviewer_count'),
        ("They're hiring for 2 roles, 3 ppl left in the process.",
         'interview.interviewer_count'),
        ('Booked an hour, 2 people ahead of me in the queue.',
         'interview.interviewer_count'),
        ("My friend's panel had 5 people.",
         'interview.interviewer_count'),
        ('The candidates were 5.',
         'interview.interviewer_count'),
        ('Interviewer: 1 hour late, not impressed.',
         'interview.interviewer_count'),
        ('The office was huge, 200 ppl.',
         'interview.interviewer_count'),
        ('They interviewed 6 ppl for the role, I was last.',
         'interview.interviewer_count'),
        ('Assessment centre tomorrow: 3 assessors.',
         'interview.interviewer_count'),
        ('Next round: 3 interviewers.',
         'interview.interviewer_count'),
        ('Round two will be 4 interviewers.',
         'interview.interviewer_count'),
        ('Final round next week, 5 panellists.',
         'interview.interviewer_count'),
        ('It was 1 hour (roughly).',
         'interview.actual_minutes'),
        ('Interview: 40 mins (approx).',
         'interview.actual_minutes'),
        ('Thank-you sent 2024-06-03, reply 2024-06-05.',
         'thank_you.response_hours'),
        ("They'd booked an hour each, 6 people, back to back.",
         'interview.interviewer_count'),
        ('Interview done. 45 min (ish).',
         'interview.actual_minutes'),
        ('Debrief with my recruiter, 2 ppl on her side.',
         'interview.interviewer_count'),
        ('Intros to the team after: 4 ppl.',
         'interview.interviewer_count'),
    ])
    def test_is_not_stated(self, text: str, path: str) -> None:
        assert path not in stated(text)



class TestWhatAnotherHadAndTheWriterDidNot:
    """Someone else's experience followed by the writer's own lack of it ("but not me",
    "Didn't happen to me", "they never asked me that"): the same sign, not shown. Only a
    yes-or-no sign said plainly, the last before the denial, never a plan or a question;
    a denial that speaks of asking bears only on the questions of sign 2."""

    @pytest.mark.parametrize(("text", "path"), [
        ("my brother said they always ask where else you're interviewing at the amazon place "
         "but they never asked me that", "interest.asked_where_else_interviewing"),
        ("She asked where else I was interviewing. My sister swears they always ask if you "
         "want the job when they're keen. Didn't happen to me.", "interest.asked_if_interested"),
        ("my roommate said the same recruiter asked her where else she was interviewing. "
         "recruiter didnt ask me that", "interest.asked_where_else_interviewing"),
    ])
    def test_is_not_shown(self, text: str, path: str) -> None:
        assert stated(text)[path] is False

    @pytest.mark.parametrize(("text", "path"), [
        ("my friend said her interviewer asked her if she wanted the job right there. mine "
         "didnt ask anything like that", "next_steps.scheduled_on_the_spot"),
        ("My friend got a tour. Hope I get one too, mine didn't happen yet?", "tour.office_tour"),
        ("My friend got a tour and a reply within an hour. Mine didn't.", "tour.office_tour"),
        ("My friend was asked where else she's applying. 'Not me', she said of the tour.",
         "interest.asked_where_else_interviewing"),
    ])
    def test_says_nothing_of_it(self, text: str, path: str) -> None:
        assert path not in stated(text)


class TestNoRoundAndNoTourInMoreWords:
    @pytest.mark.parametrize(("text", "path", "value"), [
        ("she said they're not doing second interviews they'll just decide from this round",
         "next_steps.invited_to_next_round", False),
        ("I wasn't invited to anything yet, they said they'd email by Friday.",
         "next_steps.invited_to_next_round", False),
        ("Ma'am was very kind, she tour me around the production floor.", "tour.office_tour",
         True),
        ("I didn't get that, we stayed in the boardroom the whole time.", "tour.office_tour",
         False),
        ("Honestly I didn't see anything but the meeting room.", "tour.office_tour", False),
    ])
    def test_is_read(self, text: str, path: str, value: object) -> None:
        assert stated(text)[path] == value

    @pytest.mark.parametrize(("text", "path"), [
        ("If I wasn't invited back I'd be gutted.", "next_steps.invited_to_next_round"),
        ("hopefully next time theres a tour bc i didnt see anything but the meeting room",
         "tour.office_tour"),
    ])
    def test_says_nothing(self, text: str, path: str) -> None:
        assert path not in stated(text)


class TestNoIntros:
    @pytest.mark.parametrize("text", [
        "no tour, no intros, in & out in 25 mins",
        "No intros to anyone either.",
        "last wk at amazon i got a team intro. today at the bank: no intros, no tour",
    ])
    def test_is_no_introduction(self, text: str) -> None:
        assert stated(text)["tour.introduced_to_people"] is False

    def test_intros_said_of_nothing_else_say_nothing(self) -> None:
        assert "tour.introduced_to_people" not in stated("The intros were quick.")


class TestTheReviewOfTheBookingsNotesRepliesAndNotForMe:
    """A second hostile review, of the bookings before leaving, the note sent in fewer
    words, what the reply names and "not for me" (274 notes, 150 read wrongly). After
    narrowing (weak verbs such as "sorted" or "fixed" book only with a round or a date
    named; "not heard back from my email" is no thank-you; the thank-you topic no longer
    opens on "Thankfully"; the writer's own thoughts are not the reply's; a denial must end
    its clause or speak of asking) these are read as the review expects. Left wrong and
    named in docs/notes.md: afterthoughts that change the subject ("Sent it Tuesday, my
    form that is"), other candidates asked by name ("They asked Tom where else he was
    interviewing"), and "they sorted it before we left" said of a round."""

    @pytest.mark.parametrize(("text", "path", "value"), [
        ('Thank-you not written yet.',
         'thank_you.note_sent', False),
        ("She replied warmly and mentioned my portfolio. Didn't mention anything about "
         'salary though.',
         'thank_you.references_specifics', True),
        ('He replied saying how much he liked my idea on rota swaps. Nothing else.',
         'thank_you.references_specifics', True),
        ('Thank you email not yet written.',
         'thank_you.note_sent', False),
        ('before i left they put a final round in my calendar for next tues.',
         'next_steps.scheduled_on_the_spot', True),
        ('We locked in the technical round for Monday before I left.',
         'next_steps.scheduled_on_the_spot', True),
        ('Before I left they booked me for the panel interview on the 3rd.',
         'next_steps.scheduled_on_the_spot', True),
        ('The recruiter sent the teams invite for round 2 while we were still talking.',
         'next_steps.scheduled_on_the_spot', True),
        ('sir fixed the final round date for 5th itself before i left the cabin',
         'next_steps.scheduled_on_the_spot', True),
        ('They sorted the trial shift before we left - Saturday 8am.',
         'next_steps.scheduled_on_the_spot', True),
        ('she scheduled it before i left, round 2 is next friday',
         'next_steps.scheduled_on_the_spot', True),
        ("Before I left the manager booked the second interview for Tuesday, so that's sorted.",
         'next_steps.invited_to_next_round', True),
        ('They have not given any date for next round.',
         'next_steps.scheduled_on_the_spot', False),
        ("Nothing got scheduled there and then, she'll email.",
         'next_steps.scheduled_on_the_spot', False),
        ('Nothing was put in the diary. She said HR would be in touch about round 2.',
         'next_steps.scheduled_on_the_spot', False),
        ('They did not fix any date for the next round, said HR will revert.',
         'next_steps.scheduled_on_the_spot', False),
        ("They booked the final for Friday on the spot. I'll book a hotel for the interview "
         "once he's confirmed the address.",
         'next_steps.scheduled_on_the_spot', True),
        ("If she writes back to my thank-you I'll take it as a good sign. Sent it 9am Tuesday.",
         'thank_you.note_sent', True),
        ('guy was fine. sent thnks, no respons.',
         'thank_you.note_sent', True),
        ('didnt hear back from my thank you for 3 days then got a lovely email from her.',
         'thank_you.note_sent', True),
        ('Thank-you email: sent it 8.30 this morning.',
         'thank_you.note_sent', True),
        ('thank you note - sent tues 7pm',
         'thank_you.note_sent', True),
        ('Sent thanx to all 3 panelists same evening.',
         'thank_you.note_sent', True),
        ('sent ty mail to sir at night itself',
         'thank_you.note_sent', True),
        ("Haven't heard anything back from my thank-you yet.",
         'thank_you.note_sent', True),
        ('Still no reply to my thank you email.',
         'thank_you.note_sent', True),
        ('Not heard back on my thank-you note, 2 days now.',
         'thank_you.note_sent', True),
        ('Thank-you note done and sent 10pm.',
         'thank_you.note_sent', True),
        ('Thank you card: posted it Saturday.',
         'thank_you.note_sent', True),
        ('sent the thankyou at 11, no answer yet',
         'thank_you.note_sent', True),
        ('Sent thnks? nope, not yet.',
         'thank_you.note_sent', False),
        ("Haven't written the thank-you yet, will do it tomorrow.",
         'thank_you.note_sent', False),
        ("They say a thank-you helps. I've not sent mine yet.",
         'thank_you.note_sent', False),
        ('Not done the thank you email yet.',
         'thank_you.note_sent', False),
        ('I havent sent my thanks yet.',
         'thank_you.note_sent', False),
        ('Ive not sent it yet, the thank you.',
         'thank_you.note_sent', False),
        ("I've not emailed my thank-you yet.",
         'thank_you.note_sent', False),
        ("Have not yet written the thank you mail to ma'am.",
         'thank_you.note_sent', False),
        ("Should I send a thank you? I haven't written the thank-you yet because I'm not "
         "sure it's done here.",
         'thank_you.note_sent', False),
        ('I sent my thank you at six last night and she got back at nine this morning saying '
         'it was lovely hearing about my end of life training',
         'thank_you.references_specifics', True),
        ('Thank-you sent Monday; her answer came the day after: "I keep thinking about your '
         'point on triage rotas."',
         'thank_you.references_specifics', True),
        ("She replied: 'Great to learn about your time in Lagos!'",
         'thank_you.references_specifics', True),
        ("He wrote back saying he's still thinking about my idea for the onboarding flow.",
         'thank_you.references_specifics', True),
        ('Reply from Tom: "Really enjoyed hearing about your marathon training."',
         'thank_you.references_specifics', True),
        ('Got a reply, she said my answer about the supply chain problem stuck with her.',
         'thank_you.references_specifics', True),
        ('He replied, asked me to bring the deck you mentioned, meaning my old pitch deck.',
         'thank_you.references_specifics', True),
        ('thank you note sent, she got back to me like an hour later saying thanks, nothing '
         'much else.',
         'thank_you.references_specifics', False),
        ('thank you sent tues 10am, reply wed 10am. polite, no mention of anything we '
         'actually talked about',
         'thank_you.references_specifics', False),
        ("Her reply was just 'Thanks, all the best' - nothing in particular about the interview.",
         'thank_you.references_specifics', False),
        ('Reply: thanks for your time. No reference to anything we discussed.',
         'thank_you.references_specifics', False),
        ("She replied, didn't refer to anything from the interview.",
         'thank_you.references_specifics', False),
        ("He replied 'thank you, we'll be in touch'. Nothing more specific than that.",
         'thank_you.references_specifics', False),
        ("my brother said they always ask where else you're interviewing at the amazon place "
         'but they never asked me that',
         'interest.asked_where_else_interviewing', False),
        ("The other candidate got shown round the office. Didn't happen to me.",
         'tour.office_tour', False),
        ('The girl before me got booked in for round 2 on the spot. No such luck for me.',
         'next_steps.scheduled_on_the_spot', False),
        ('Other candidates got a tour of the lab. No tour for me.',
         'tour.office_tour', False),
        ('my friend got her second round fixed then and there, mine didnt',
         'next_steps.scheduled_on_the_spot', False),
        ('My friend got booked in for the final on the spot, but not me: I got the email an '
         'hour later inviting me to round 2.',
         'next_steps.invited_to_next_round', True),
        ('My friend got booked in for the final on the spot, but not me: I got the email an '
         'hour later inviting me to round 2.',
         'next_steps.scheduled_on_the_spot', False),
        ('The other candidate was asked where else she was interviewing but not me - they '
         'asked whether I wanted the job though.',
         'interest.asked_if_interested', True),
        ('The other candidate was asked where else she was interviewing but not me - they '
         'asked whether I wanted the job though.',
         'interest.asked_where_else_interviewing', False),
        ("My friend got a tour last year. I didn't get one in round one, but today they "
         'showed me the whole floor.',
         'tour.office_tour', True),
        ('At Deloitte they asked my friend where else she was applying, but not me; here at '
         'KPMG they asked me straight out.',
         'interest.asked_where_else_interviewing', True),
        ("My friend's interviewer smiled the whole time. Mine didn't.",
         'body_language.smiles', False),
        ("Friend says the manager always asks if you want the job, but he didn't ask me that.",
         'interest.asked_if_interested', False),
        ('Nobody sent a calendar invite while I was still on the call, she said HR would do it.',
         'next_steps.scheduled_on_the_spot', False),
        ('Nothing booked while I was there.',
         'next_steps.scheduled_on_the_spot', False),
        ('HR fixed second round on same day itself before I left office.',
         'next_steps.scheduled_on_the_spot', True),
        ("they sorted round two before i'd left, thurs arvo",
         'next_steps.scheduled_on_the_spot', True),
        ('havent written the ty email yet',
         'thank_you.note_sent', False),
        ('Sent thnks & my portfolio link to both of them around 7.',
         'thank_you.note_sent', True),
        ('Thank you note, check. Sent it 7pm.',
         'thank_you.note_sent', True),
        ("Didn't hear back from my thank-you, but HR called today with an offer!",
         'thank_you.note_sent', True),
        ("She replied, nothing special, just 'thanks, speak soon'.",
         'thank_you.references_specifics', False),
        ('Her reply said she loved my point about patient flow.',
         'thank_you.references_specifics', True),
        ('He answered my thank-you next day: thanks, all the best. Nothing about our '
         'conversation or my portfolio.',
         'thank_you.references_specifics', False),
        ("He replied - didn't mention anything we talked about.",
         'thank_you.references_specifics', False),
        ('Replied within 2 hrs, but nothing specific to the interview.',
         'thank_you.references_specifics', False),
        ('Her reply was generic, no mention of my project at all.',
         'thank_you.references_specifics', False),
        ('He wrote back: "Was great to hear about your work with refugees in Athens."',
         'thank_you.references_specifics', True),
        ('Reply came Monday. I keep thinking about your point, she wrote, about retention.',
         'thank_you.references_specifics', True),
        ("My friend was asked where else she was interviewing, but mine didn't ask anything "
         'like that.',
         'interest.asked_where_else_interviewing', False),
        ("My friend got a thank-you reply within a day. Mine didn't reply at all.",
         'thank_you.response_received', False),
        ('My colleague got shown around the whole hospital but not me, it was straight in and out.',
         'tour.office_tour', False),
        ("They asked my friend where else she's interviewing. Never asked me if I wanted the "
         'job, though.',
         'interest.asked_if_interested', False),
        ('My friend had her thank-you answered within the hour, mine never got an answer.',
         'thank_you.response_received', False),
    ])
    def test_is_read_right(self, text: str, path: str, value: object) -> None:
        got = stated(text)[path]
        assert got == pytest.approx(value, abs=0.02) if isinstance(value, float) else \
            got == value

    @pytest.mark.parametrize(("text", "path"), [
        ("My visitor badge didn't work but they sorted it before I left.",
         'next_steps.scheduled_on_the_spot'),
        ("My visitor badge didn't work but they sorted it before I left.",
         'next_steps.invited_to_next_round'),
        ('The parking machine ate my ticket, he fixed it before I left.',
         'next_steps.scheduled_on_the_spot'),
        ('Expenses form was confusing but she sorted it before we left.',
         'next_steps.scheduled_on_the_spot'),
        ('Before I left she sent me the slides from the interview.',
         'next_steps.scheduled_on_the_spot'),
        ('Before I left HR sent me a feedback survey about the interview.',
         'next_steps.scheduled_on_the_spot'),
        ("Before we left he put the date of the summer party on the board, said I'd be "
         'welcome if hired.',
         'next_steps.scheduled_on_the_spot'),
        ('I booked the train for the interview before we left for holiday.',
         'next_steps.scheduled_on_the_spot'),
        ('Before I left they set a time limit for the take-home task: 48 hours.',
         'next_steps.scheduled_on_the_spot'),
        ("Looked at flights to Berlin for the final round. Didn't book anything.",
         'next_steps.scheduled_on_the_spot'),
        ("Thought about getting a hotel near the office for the next round. Didn't book anything.",
         'next_steps.scheduled_on_the_spot'),
        ('Thankfully my CV was up to date. Sent it Tuesday.',
         'thank_you.note_sent'),
        ("Haven't heard back from my application email.",
         'thank_you.note_sent'),
        ('Not heard back on my message to the recruiter about salary.',
         'thank_you.note_sent'),
        ("Didn't hear back about my email asking for the parking code, so I was late.",
         'thank_you.note_sent'),
        ("Haven't heard back from my email to the agency.",
         'thank_you.note_sent'),
        ('HR sent thnx for coming in.',
         'thank_you.note_sent'),
        ('The manager sent thnks to everyone who applied.',
         'thank_you.note_sent'),
        ('She replied. I keep thinking about my answer to the salary question.',
         'thank_you.references_specifics'),
        ('She replied within the hour. Still thinking about my answer on the conflict '
         "question, wish I'd said more.",
         'thank_you.references_specifics'),
        ("She responded same day. Tonight I'm redoing the slide deck we talked about.",
         'thank_you.references_specifics'),
        ('Reply came at 3pm. It was lovely hearing about your weekend, Mum!',
         'thank_you.references_specifics'),
        ('She replied quickly. The office itself was nothing special.',
         'thank_you.references_specifics'),
        ('She replied the next morning. Lunch after the interview was nothing special.',
         'thank_you.references_specifics'),
        ("She replied yesterday. I've had two other interviews this week, nothing else.",
         'thank_you.references_specifics'),
        ('Got a reply with the next steps, but no mention of anything about pay.',
         'thank_you.references_specifics'),
        ("She replied same day. In the interview she didn't mention anything about remote work.",
         'thank_you.references_specifics'),
        ('He replied to my thank-you. The other candidates? Nothing special, from what I saw '
         'in the waiting room.',
         'thank_you.references_specifics'),
        ("My mate said they always ask where else you're interviewing. Never asked me what "
         'my salary was though.',
         'interest.asked_where_else_interviewing'),
        ("My sister was asked where else she was interviewing. Mine didn't last long though, "
         '20 minutes.',
         'interest.asked_where_else_interviewing'),
        ('The laptop for the coding test kept freezing, he fixed it before I left.',
         'next_steps.scheduled_on_the_spot'),
        ('Before I left they set a date for me to send my references by.',
         'next_steps.scheduled_on_the_spot'),
        ('Before we left he sent the invite for the team lunch to everyone, me included.',
         'next_steps.scheduled_on_the_spot'),
        ('Before I left she put a time on my visitor slip.',
         'next_steps.scheduled_on_the_spot'),
        ('Reply came back from the recruiter. The salary they offered? Nothing special.',
         'thank_you.references_specifics'),
        ('Got a reply from her. Still thinking about my mistake on the whiteboard question.',
         'thank_you.references_specifics'),
        ("My sister says they always ask where else you're interviewing. I didn't bring it "
         'up either.',
         'interest.asked_where_else_interviewing'),
        ('No date was set before I left.',
         'next_steps.invited_to_next_round'),
        ('Before I left she sent me the slides from the interview.',
         'next_steps.invited_to_next_round'),
        ('Before I left, the receptionist booked me a taxi and told me what time it would arrive.',
         'next_steps.scheduled_on_the_spot'),
        ('My husband and I sorted the childcare for the final round before we left home.',
         'next_steps.scheduled_on_the_spot'),
        ('I sent the calendar invite for our mock interview while I was still on the call '
         'with my coach.',
         'next_steps.scheduled_on_the_spot'),
        ('I set up a reminder for the final interview while I was still on the call.',
         'next_steps.scheduled_on_the_spot'),
        ('We set a time to grab lunch before we left.',
         'next_steps.scheduled_on_the_spot'),
        ('My friend says at her interview there they sorted it before she left.',
         'next_steps.scheduled_on_the_spot'),
        ('In the first round they booked this interview before we left; today was the second.',
         'next_steps.scheduled_on_the_spot'),
        ("Hopefully before I leave on Friday they'll book the final round.",
         'next_steps.scheduled_on_the_spot'),
        ("If they'd put the final round in my calendar before I left I'd feel better.",
         'next_steps.scheduled_on_the_spot'),
        ("Did they sort the next round before we left? Can't remember, it was a blur.",
         'next_steps.scheduled_on_the_spot'),
        ("Was hoping they'd send a calendar invite while I was still on the call.",
         'next_steps.scheduled_on_the_spot'),
        ("They said they'd sort it before we left but then the fire alarm went and we all "
         'went home.',
         'next_steps.scheduled_on_the_spot'),
        ('I have not given them a date for the next round yet, need to check with my boss.',
         'next_steps.scheduled_on_the_spot'),
        ("I'll sort a babysitter for the interview once they've got back to me.",
         'next_steps.scheduled_on_the_spot'),
        ('My sister sent thnks to her interviewer the same night, she says it helped.',
         'thank_you.note_sent'),
        ('No reply yet. I keep thinking about my answers.',
         'thank_you.references_specifics'),
        ('He replied quickly. Now I need to prepare the case study we discussed.',
         'thank_you.references_specifics'),
        ("Her reply came at 5. I'm going to read the book you mentioned, coach!",
         'thank_you.references_specifics'),
        ('Reply came Monday. My coach says your answer was too long, Priya, work on it.',
         'thank_you.references_specifics'),
        ("He replied to say they'd decide by Friday. I've heard nothing else.",
         'thank_you.references_specifics'),
        ('No reply yet, nothing else to do but wait.',
         'thank_you.references_specifics'),
        ("My friend got a tour. I didn't get one of the free mugs.",
         'tour.office_tour'),
        ('My friend was asked if she wanted the job. They never asked me about my notice period.',
         'interest.asked_if_interested'),
        ("My friend got a tour. Mine didn't start till 11 because of traffic.",
         'tour.office_tour'),
        ("My friend got a tour when she went. I didn't get that parking email they promised, "
         'so I was late.',
         'tour.office_tour'),
        ("The other guy got a tour. I didn't get one of the visitor lanyards either, weird.",
         'tour.office_tour'),
        ("My friend got invited back on the spot. I didn't get that much time with the "
         'manager, only 15 min.',
         'next_steps.scheduled_on_the_spot'),
        ('My friend was asked if she really wanted the job. They never asked me for '
         'references though.',
         'interest.asked_if_interested'),
        ('My friend got a tour but not me the lunch, I just got a sandwich.',
         'tour.office_tour'),
        ("My friend got a tour. If I don't get one I'll ask.",
         'tour.office_tour'),
        ("My friend got a tour. Wonder why I didn't get one?",
         'tour.office_tour'),
        ("I think they sorted the next round before we left but I'm not sure, my head was "
         'spinning.',
         'next_steps.scheduled_on_the_spot'),
        ('Nothing was booked while I was there - not even a parking space, I had to pay £12.',
         'next_steps.scheduled_on_the_spot'),
        ("Didn't book anything for the weekend, too tired after the interview.",
         'next_steps.scheduled_on_the_spot'),
        ("Pre-interview: didn't book anything, just turned up as their email said.",
         'next_steps.scheduled_on_the_spot'),
        ("Amazon replied to my thank-you with 'great hearing about your project'. This "
         "company hasn't replied.",
         'thank_you.references_specifics'),
        ("She replied. I'll bring the deck we discussed to round 2.",
         'thank_you.references_specifics'),
        ('She replied Tues. Honestly the interview itself was nothing special either.',
         'thank_you.references_specifics'),
        ("My friend got a tour. Didn't bring it up with them, felt awkward to ask.",
         'tour.office_tour'),
    ])
    def test_is_not_stated(self, text: str, path: str) -> None:
        assert path not in stated(text)



class TestAWarmReplyInMoreWords:
    @pytest.mark.parametrize("text", [
        "sent my thank u email monday 9am, she replied monday 11am!! and she mentioned my "
        "dissertation on bee populations so sweet",
        "Sent my thank-you. She replied: 'Great chatting, the guys liked you.'",
        "Thank-you sent at 4pm; her answer came the day after at 11am: \"Lovely to meet you, "
        "let's talk again soon.\"",
        "Sent it 3pm Wednesday, reply came 3pm Saturday. 'Sorry for the delay.' Lovely.",
    ])
    def test_is_warm(self, text: str) -> None:
        assert stated(text)["thank_you.tone"] == "warm"

    @pytest.mark.parametrize("text", [
        "Great chatting with the team today. She replied later.",
        "Got the reply: 'Noted.' Lovely.",
    ])
    def test_is_not_stated_warm(self, text: str) -> None:
        assert stated(text).get("thank_you.tone") != "warm"


class TestTheCodeReviewOfThisSessionsMechanisms:
    """A code review found the new mechanisms looking back to the note's start, through
    every mention or every quotation, for each cue or time (a 1 MiB note ran past ten
    minutes); they now look a bounded way back, by bisection. Its correctness findings:"""

    def test_a_denial_ending_its_line_is_read_without_the_next_line(self) -> None:
        text = "My friend got a full office tour, but not me\nSmiles all round though"
        assert stated(text)["tour.office_tour"] is False

    def test_a_phone_number_is_no_date(self) -> None:
        text = "Call 0800-11-22 about it. Thank-you sent 9:00, reply 10:00."
        assert stated(text)["thank_you.response_hours"] == 1.0

    @pytest.mark.parametrize("unit", [
        "I was not sure. ", "He smiled a lot (he did not). ",
        "My friend got a full office tour, but not me. ",
        "Sent a thank-you 'hi'. Reply 'ok' came 10:42. ",
    ])
    def test_a_long_note_of_the_new_cues_is_read(self, unit: str) -> None:
        # no timing here (the benchmarks time it): the reading completes and states no
        # contradiction
        reading = _read(unit * 400)
        assert len({p.path for p in reading.stated}) == len(list(reading.stated))


class TestAFormsHeadingAnswered:
    """A debrief form's heading answered on its own line: "Tour: yes" bears out words that
    alone settle nothing, as "Tour: no" negates them; a short heading asked with a question
    mark and answered by a number reads as one with a colon ("Interviewers? 1")."""

    @pytest.mark.parametrize(("text", "path", "value"), [
        ("Office tour: yep", "tour.office_tour", True),
        ("Tour: yes", "tour.office_tour", True),
        ("Second round: yes.", "next_steps.invited_to_next_round", True),
        ("Follow-up sent: Yes", "thank_you.note_sent", True),
        ("Follow-up sent: no", "thank_you.note_sent", False),
        ("Second interview: no", "next_steps.invited_to_next_round", False),
        ("Called anyone in: no", "tour.people_called_in", False),
        ("Follow-up sent: Y", "thank_you.note_sent", True),
        ("Interviewers? 1", "interview.interviewer_count", 1),
        ("Interviewer count: 1 - Tom, the founder.", "interview.interviewer_count", 1),
        ("Who interviewed you? Two - Hemi (ops manager) and Claire (HR).",
         "interview.interviewer_count", 2),
        ("Who interviewed you? Two people: the team manager and an HR advisor.",
         "interview.interviewer_count", 2),
        ("How many? Three partners.", "interview.interviewer_count", 3),
        ("3. How long? 45 min", "interview.actual_minutes", 45),
        ("How long: 50 minutes - not sure what it was booked for.",
         "interview.actual_minutes", 50),
        ("How long was it scheduled for? 1 hour", "interview.scheduled_minutes", 60),
    ])
    def test_is_answered(self, text: str, path: str, value: object) -> None:
        assert stated(text).get(path) == value

    def test_a_length_as_planned_is_both(self) -> None:
        assert stated("How long? 40 minutes, as planned.") == {
            "interview.actual_minutes": 40, "interview.scheduled_minutes": 40}

    @pytest.mark.parametrize(("text", "path"), [
        ("Tour: yes, but only reception", "tour.office_tour"),
        ("Tour: yes, a quick walk through the warehouse floor on the way out",
         "tour.office_tour"),
        ("Second round: yes, hopefully", "next_steps.invited_to_next_round"),
        ("Reply received:", "thank_you.response_received"),
        ("I asked about a tour: yes they said next time", "tour.office_tour"),
        ("I asked about a second interview.", "next_steps.invited_to_next_round"),
        ("Second interview next week hopefully", "next_steps.invited_to_next_round"),
        ("Did they smile? One of them did.", "body_language.smiles"),
        ("How long did I wait? 20 min", "interview.actual_minutes"),
    ])
    def test_is_not_stated(self, text: str, path: str) -> None:
        assert path not in stated(text)


class TestTheLengthInMoreWords:
    def test_a_forms_duration_is_to_confirm(self) -> None:
        assert asked("Duration: 45 min", "interview.actual_minutes")

    def test_a_booking_in_brackets_after_a_length_is_the_booking_only(self) -> None:
        assert stated("Duration: 50 min (booked 45)") == {
            "interview.actual_minutes": 50, "interview.scheduled_minutes": 45}

    @pytest.mark.parametrize("text", [
        "Meera smiled the whole hour.",
        "Duration of the role: 12 months",
        "Duration: 45 min planned",
    ])
    def test_is_no_length(self, text: str) -> None:
        assert "interview.actual_minutes" not in stated(text)


class TestTheJobInDetailInMoreWords:
    @pytest.mark.parametrize("text", [
        "Karen went through the whole day in detail (open at 7:45, phones from 8).",
        "The chair went into the teaching load in detail: two units a semester.",
    ])
    def test_is_the_deep_dive(self, text: str) -> None:
        assert stated(text)["job_specifics.deep_dive"] is True

    @pytest.mark.parametrize("text", [
        "He went through my CV in detail.",
        "They went through the interview schedule in detail.",
        "HR went through the onboarding week in detail: paperwork, IT setup, badge.",
        "He went through his week in detail, golf, his kids, a conference in Leeds.",
        "I spent a good while describing the casework at my current job.",
    ])
    def test_the_writers_own_or_the_days_plan_is_not(self, text: str) -> None:
        assert "job_specifics.deep_dive" not in stated(text)


class TestTheClocksStopsAndTheReplysGap:
    def test_a_pm_the_note_goes_on_after_keeps_its_day(self) -> None:
        assert stated("Thank-you email went at 7 p.m. on Sunday. Reply arrived at 7 p.m. on "
                      "Monday.")["thank_you.response_hours"] == 24

    @pytest.mark.parametrize(("text", "path", "value"), [
        ("Sent the thank-you at 10 p.m. Did she reply? No.", "thank_you.response_received",
         False),
        ("Didn't finish until 5 p.m. He nodded a lot throughout.", "body_language.nods", True),
    ])
    def test_a_pm_before_a_capital_ends_its_sentence(self, text: str, path: str,
                                                     value: object) -> None:
        assert stated(text)[path] == value

    @pytest.mark.parametrize("text", [
        "Got a reply from her on Friday. The interview ran from 10 till 12, so two hours.",
        "Reply came. Interview on Tuesday afternoon: 2 hours.",
        "Reply came Friday. The interview was Tuesday afternoon, so two hours of my life.",
        "Reply came Friday. Assessment centre was 8am to 8pm, so twelve hours on the dot.",
        "Got a reply. Drove back Tuesday evening: 4 hours.",
    ])
    def test_the_interviews_hours_near_a_reply_are_no_gap(self, text: str) -> None:
        assert "thank_you.response_hours" not in stated(text)

    def test_a_length_named_both_ways_is_both(self) -> None:
        reading = stated("The interview lasted exactly the allotted 40 minutes.")
        assert reading["interview.actual_minutes"] == 40
        assert reading["interview.scheduled_minutes"] == 40


class TestTheReviewOfTheFormsHeadings:
    """A hostile review of the form headings (296 notes, 328 checks; 103 read wrongly at
    first, 73 of them new): a yes after a heading now states its field only when it ends its
    sentence and the next sentence neither doubts, takes back nor limits it, with no
    possessive or other word before the heading; a question mark reads as a colon only
    before a number that ends its line or is followed by a comma, bracket or dash; 'Reply
    received' alone is to confirm (a blank form prints it). Left wrong and named in
    docs/notes.md: a heading line that says the lines below are someone else's or a plan
    ('Copying Jess's debrief:', 'If it goes well:'), older heading phrases answered with a
    plan ('Thank you note: yes, writing it tonight'), and numbered lists after a heading."""

    @pytest.mark.parametrize(("text", "path", "value"), [
        ('Tour: yes',
         'tour.office_tour', True),
        ('Office tour: yep',
         'tour.office_tour', True),
        ('Tour: YES!!!',
         'tour.office_tour', True),
        ('Follow-up sent: Y',
         'thank_you.note_sent', True),
        ('Second round: yes',
         'next_steps.invited_to_next_round', True),
        ('Second interview: Y',
         'next_steps.invited_to_next_round', True),
        ('Called anyone in: yes',
         'tour.people_called_in', True),
        ('Called anyone in: no',
         'tour.people_called_in', False),
        ('Second interview: no',
         'next_steps.invited_to_next_round', False),
        ('Follow-up sent: no',
         'thank_you.note_sent', False),
        ('Follow-up sent: not yet',
         'thank_you.note_sent', False),
        ('Reply received: no',
         'thank_you.response_received', False),
        ('Reply received? No',
         'thank_you.response_received', False),
        ('Reply received: not yet',
         'thank_you.response_received', False),
        ('Reply received: none',
         'thank_you.response_received', False),
        ('Mentioned anything specific: no, generic template',
         'thank_you.references_specifics', False),
        ('Follow-up sent, no reply received',
         'thank_you.response_received', False),
        ('Tour: yes, of the car park lol',
         'tour.office_tour', None),
        ('Tour: yes. Of the car park. lol',
         'tour.office_tour', None),
        ('Tour: yes, the lift lol',
         'tour.office_tour', None),
        ('Tour: yes, the way to the exit \U0001f643',
         'tour.office_tour', None),
        ('Tour: yes, a grand one of the stairwell',
         'tour.office_tour', None),
        ('Second round: yes. Not.',
         'next_steps.invited_to_next_round', None),
        ("Second round: yes, sure, and I'm the Queen of England",
         'next_steps.invited_to_next_round', None),
        ('Second interview: yes, in my dreams',
         'next_steps.invited_to_next_round', None),
        ('Tour: yes, said no one ever',
         'tour.office_tour', None),
        ('Tour: yeah right',
         'tour.office_tour', None),
        ('Tour: yes, next time',
         'tour.office_tour', None),
        ('Tour: yes, next week',
         'tour.office_tour', None),
        ('Tour: yes, promised for round 2',
         'tour.office_tour', None),
        ('Tour: yes, scheduled for next visit',
         'tour.office_tour', None),
        ('Tour: yes, offered, I declined',
         'tour.office_tour', None),
        ('Tour: yes, last time, not this time',
         'tour.office_tour', None),
        ('Follow-up sent: Y - will send by 9am',
         'thank_you.note_sent', None),
        ('Follow-up sent: yes, will do tonight',
         'thank_you.note_sent', None),
        ('Follow-up sent: yes, tomorrow morning',
         'thank_you.note_sent', None),
        ('Follow-up sent: tomorrow',
         'thank_you.note_sent', None),
        ('Follow-up sent: draft ready',
         'thank_you.note_sent', None),
        ('Thank-you email: yes, sitting in drafts',
         'thank_you.note_sent', None),
        ('Second round: yes, assuming references check out',
         'next_steps.invited_to_next_round', None),
        ('Second round: yes, pending references',
         'next_steps.invited_to_next_round', None),
        ("Second round: yes, they'll let me know next week",
         'next_steps.invited_to_next_round', None),
        ('Second round: yes, if I pass the test',
         'next_steps.invited_to_next_round', None),
        ('Second round? yes, if I pass the test',
         'next_steps.invited_to_next_round', None),
        ('Second interview: hopefully',
         'next_steps.invited_to_next_round', None),
        ('Second interview: yes please',
         'next_steps.invited_to_next_round', None),
        ('Second interview: yes, please!',
         'next_steps.invited_to_next_round', None),
        ('Second interview: yes?',
         'next_steps.invited_to_next_round', None),
        ('Tour: yes?',
         'tour.office_tour', None),
        ('Second interview: 50/50',
         'next_steps.invited_to_next_round', None),
        ('Second round: yes, hopefully',
         'next_steps.invited_to_next_round', None),
        ('Second round: yes, probably',
         'next_steps.invited_to_next_round', None),
        ('Second round: yes, supposedly',
         'next_steps.invited_to_next_round', None),
        ('Second round: yes, apparently',
         'next_steps.invited_to_next_round', None),
        ('Second round: TBC',
         'next_steps.invited_to_next_round', None),
        ('Second round: likely',
         'next_steps.invited_to_next_round', None),
        ('Tour: yes, allegedly',
         'tour.office_tour', None),
        ('Tour: maybe',
         'tour.office_tour', None),
        ('Tour: kind of',
         'tour.office_tour', None),
        ('Follow-up sent: I think so',
         'thank_you.note_sent', None),
        ('Follow-up sent: probably',
         'thank_you.note_sent', None),
        ('Follow-up sent: yes? check outbox',
         'thank_you.note_sent', None),
        ('Called anyone in: not that I saw',
         'tour.people_called_in', None),
        ('Called anyone in? They said they would next time',
         'tour.people_called_in', None),
        ('Called anyone in: would have if the CTO was around',
         'tour.people_called_in', None),
        ("Mentioned anything specific: yes? can't tell",
         'thank_you.references_specifics', None),
        ("Mentioned anything specific: don't know, haven't opened it yet",
         'thank_you.references_specifics', None),
        ("Priya's tour: yes",
         'tour.office_tour', None),
        ('Her tour: yes',
         'tour.office_tour', None),
        ('Tour: yes, Sam had one',
         'tour.office_tour', None),
        ('Tour: yes, Glassdoor says so',
         'tour.office_tour', None),
        ('Second round: yes, Tom got one',
         'next_steps.invited_to_next_round', None),
        ('Second round: yes, Jess got invited',
         'next_steps.invited_to_next_round', None),
        ('Follow-up sent by them: yes',
         'thank_you.note_sent', None),
        ('Follow-up sent to me: yes',
         'thank_you.note_sent', None),
        ('If it goes well:\nTour: yes\nSecond round: yes',
         'tour.office_tour', None),
        ("Template I'll use after each interview:\nTour: yes/no\nSecond round: yes/no",
         'tour.office_tour', None),
        ("Template I'll use after each interview:\nTour: yes/no\nSecond round: yes/no",
         'next_steps.invited_to_next_round', None),
        ('Tour: Y/N',
         'tour.office_tour', None),
        ('Tour: Y / N',
         'tour.office_tour', None),
        ('Tour: yes or no',
         'tour.office_tour', None),
        ('Follow-up sent: Y/N',
         'thank_you.note_sent', None),
        ('Follow-up sent: y?',
         'thank_you.note_sent', None),
        ('Second round: Y. Okafor to let me know by Friday',
         'next_steps.invited_to_next_round', None),
        ('Second round prep: yes',
         'next_steps.invited_to_next_round', None),
        ('Second interview outfit: yes',
         'next_steps.invited_to_next_round', None),
        ('Follow up sent?',
         'thank_you.note_sent', None),
        ('Follow up sent',
         'thank_you.note_sent', None),
        ('Virtual tour: yes',
         'tour.office_tour', None),
        ('Video tour: yes',
         'tour.office_tour', None),
        ('Self-guided tour: yes',
         'tour.office_tour', None),
        ('Tour offered: yes',
         'tour.office_tour', None),
        ('Tour promised: yes',
         'tour.office_tour', None),
        ('Tour requested: yes',
         'tour.office_tour', None),
        ('Reply received:',
         'thank_you.response_received', None),
        ('Reply received:',
         'thank_you.note_sent', None),
        ('Reply received:\nTone:',
         'thank_you.response_received', None),
        ('Reply received: ?',
         'thank_you.response_received', None),
        ('Reply received: yes/no',
         'thank_you.response_received', None),
        ('Reply received: (date)',
         'thank_you.response_received', None),
        ('Reply received?',
         'thank_you.response_received', None),
        ('Reply received? Not sure, it might be in spam',
         'thank_you.response_received', None),
        ('Reply received: maybe? Something in spam',
         'thank_you.response_received', None),
        ('Reply received: hopefully tomorrow',
         'thank_you.response_received', None),
        ('Reply received by Friday = good sign',
         'thank_you.response_received', None),
        ('Reply received within 24h would be amazing',
         'thank_you.response_received', None),
        ('Plan:\n1. Send thank-you\n2. Reply received -> prep for round 2',
         'thank_you.response_received', None),
        ('Plan:\n1. Send thank-you\n2. Reply received -> prep for round 2',
         'thank_you.note_sent', None),
        ('- [ ] Follow-up sent\n- [ ] Reply received',
         'thank_you.response_received', None),
        ('- [ ] Follow-up sent\n- [ ] Reply received',
         'thank_you.note_sent', None),
        ('☐ Reply received',
         'thank_you.response_received', None),
        ('Reply received on my application: rejected',
         'thank_you.response_received', None),
        ('Reply received on my application: rejected',
         'thank_you.note_sent', None),
        ('Reply received from Jess about her interview',
         'thank_you.response_received', None),
        ('Response received from 3 of 10 applications',
         'thank_you.response_received', None),
        ('Answer received? Still waiting on the decision',
         'thank_you.response_received', None),
        ("Reply received: Sam did, I didn't",
         'thank_you.response_received', None),
        ('Interviewers? 1',
         'interview.interviewer_count', 1),
        ('Interviewers? Two',
         'interview.interviewer_count', 2),
        ('Panel? 3',
         'interview.interviewer_count', 3),
        ('Panel size? 4',
         'interview.interviewer_count', 4),
        ('How long? 45 min',
         'interview.actual_minutes', 45),
        ('3. How long? 45 min',
         'interview.actual_minutes', 45),
        ('How long? One hour',
         'interview.actual_minutes', 60),
        ('How long? An hour',
         'interview.actual_minutes', 60),
        ('How long was it? 45 min',
         'interview.actual_minutes', 45),
        ('Length? 45 min',
         'interview.actual_minutes', 45),
        ('Scheduled? 1 hour',
         'interview.scheduled_minutes', 60),
        ('Booked for? 45 min',
         'interview.scheduled_minutes', 45),
        ('How long was it scheduled for? 30 min',
         'interview.scheduled_minutes', 30),
        ('How long was it scheduled for? 30 min',
         'interview.actual_minutes', None),
        ('How long? 45 min scheduled, ran 70',
         'interview.actual_minutes', 70),
        ('How long? 45 min scheduled, ran 70',
         'interview.scheduled_minutes', 45),
        ('How long? 1 hour booked, done in 35',
         'interview.actual_minutes', 35),
        ('How long? 1 hour booked, done in 35',
         'interview.scheduled_minutes', 60),
        ('How long? 60 min slot',
         'interview.actual_minutes', None),
        ('How long? 60 min slot',
         'interview.scheduled_minutes', 60),
        ('Interviewers? 1 or 2',
         'interview.interviewer_count', None),
        ('Interviewers? 2-3',
         'interview.interviewer_count', None),
        ('Interviewers? 2?',
         'interview.interviewer_count', None),
        ('Interviewers? 3ish',
         'interview.interviewer_count', None),
        ('Interviewers? 3, I think',
         'interview.interviewer_count', None),
        ('Interviewers? 3 maybe',
         'interview.interviewer_count', None),
        ('Interviewers? One or two',
         'interview.interviewer_count', None),
        ("Interviewers? 3? 4? I honestly can't remember",
         'interview.interviewer_count', None),
        ('Interviewers? 2. Or 3, if the guy at the back counts',
         'interview.interviewer_count', None),
        ('Panel size? 4-5',
         'interview.interviewer_count', None),
        ('How long? No idea, 45 min maybe',
         'interview.actual_minutes', None),
        ('How long? 45 min maybe',
         'interview.actual_minutes', None),
        ('How long? 45 min?',
         'interview.actual_minutes', None),
        ('How long? 45ish',
         'interview.actual_minutes', None),
        ('How long? 30-45 min',
         'interview.actual_minutes', None),
        ("How long? 30 or 45, can't remember",
         'interview.actual_minutes', None),
        ('How long? 45 min I think',
         'interview.actual_minutes', None),
        ('How long? 40? 50? I lost track',
         'interview.actual_minutes', None),
        ('How long? 45 min. Or was it 30? Not sure',
         'interview.actual_minutes', None),
        ('How long? 45 min. Hmm, actually closer to an hour',
         'interview.actual_minutes', None),
        ('How long? An hour and a half, I think',
         'interview.actual_minutes', None),
        ('How long? Felt like 2 hours',
         'interview.actual_minutes', None),
        ('How long did I wait? 20 min',
         'interview.actual_minutes', None),
        ('How long was I waiting? 20 min',
         'interview.actual_minutes', None),
        ('How long in reception? 25 min',
         'interview.actual_minutes', None),
        ('How long waiting? 25 min',
         'interview.actual_minutes', None),
        ('How long to get there? 40 min',
         'interview.actual_minutes', None),
        ('How long was the drive? 50 min',
         'interview.actual_minutes', None),
        ('How long is the commute? 1 hour',
         'interview.actual_minutes', None),
        ('How long until they decide? 2 weeks',
         'interview.actual_minutes', None),
        ('How long to hear back? 5 days',
         'interview.actual_minutes', None),
        ('How long to hear back? 5 days',
         'thank_you.response_hours', None),
        ('How long to hear back? 5 days',
         'thank_you.response_received', None),
        ("How long did they say it'd take to hear back? 10 days",
         'interview.actual_minutes', None),
        ("How long did they say it'd take to hear back? 10 days",
         'thank_you.response_hours', None),
        ('How long is the second round? 90 min',
         'interview.actual_minutes', None),
        ('How long is the second round? 90 min',
         'interview.scheduled_minutes', None),
        ('How long will the final be? 2 hours',
         'interview.actual_minutes', None),
        ('How long will the final be? 2 hours',
         'interview.scheduled_minutes', None),
        ('How long does the final usually last? 2 hours',
         'interview.actual_minutes', None),
        ("How long did Sam's interview last? 90 min",
         'interview.actual_minutes', None),
        ('How long did hers go? 1 hour',
         'interview.actual_minutes', None),
        ('How long should I prep? 3 hours',
         'interview.actual_minutes', None),
        ('How long before I chase? 7 days',
         'interview.actual_minutes', None),
        ('How long before I chase? 7 days',
         'thank_you.response_hours', None),
        ('How long ago? 2 weeks',
         'interview.actual_minutes', None),
        ('How long? 2 weeks since the interview, still nothing',
         'interview.actual_minutes', None),
        ('How long? 10 minutes late, they were',
         'interview.actual_minutes', None),
        ('How long did the tour last? 20 min',
         'interview.actual_minutes', None),
        ('How long was the technical part? 30 min',
         'interview.actual_minutes', None),
        ('How long was the presentation? 10 min',
         'interview.actual_minutes', None),
        ('How long was the case study? 60 min',
         'interview.actual_minutes', None),
        ("How long was HR's bit? 15 min",
         'interview.actual_minutes', None),
        ('How long for prep? 30 min',
         'interview.actual_minutes', None),
        ('How long between rounds? 2 weeks',
         'interview.actual_minutes', None),
        ('How long were you there? 3 hours',
         'interview.actual_minutes', None),
        ('How long was it supposed to be? 30 min',
         'interview.actual_minutes', None),
        ('How long was it meant to be? 30 min',
         'interview.actual_minutes', None),
        ('How long? 45 min on the invite',
         'interview.actual_minutes', None),
        ('How long? 45 min, according to the invite',
         'interview.actual_minutes', None),
        ('How long? 60 min booked',
         'interview.actual_minutes', None),
        ('How long? 60 min booked',
         'interview.scheduled_minutes', 60),
        ('How long? 90 min for Sam',
         'interview.actual_minutes', None),
        ('How long? 3 days of back and forth',
         'interview.actual_minutes', None),
        ('How long? 2 rounds',
         'interview.actual_minutes', None),
        ('How long? 1st half was technical',
         'interview.actual_minutes', None),
        ('Wait? 20 min',
         'interview.actual_minutes', None),
        ('Commute? 40 min',
         'interview.actual_minutes', None),
        ('Travel? 40 min each way',
         'interview.actual_minutes', None),
        ('Late? 10 min',
         'interview.actual_minutes', None),
        ('Overran? 15 min',
         'interview.actual_minutes', None),
        ('Overran? 15 min',
         'interview.scheduled_minutes', None),
        ('Running late? 10 min, they apologised',
         'interview.actual_minutes', None),
        ('Break? 10 min',
         'interview.actual_minutes', None),
        ('Prep time? 30 min',
         'interview.actual_minutes', None),
        ('Ideal length? 30 min',
         'interview.actual_minutes', None),
        ('Ideal length? 30 min',
         'interview.scheduled_minutes', None),
        ('How long? 10:30',
         'interview.actual_minutes', None),
        ('How long? 2pm',
         'interview.actual_minutes', None),
        ("How long? 3 o'clock start",
         'interview.actual_minutes', None),
        ('Interviewers? 10am slot',
         'interview.interviewer_count', None),
        ('Interviewers? 2pm',
         'interview.interviewer_count', None),
        ('Interviewers? 2:30 start',
         'interview.interviewer_count', None),
        ('Who interviewed you? 3pm, Maria',
         'interview.interviewer_count', None),
        ('Interviewers? 3 next time',
         'interview.interviewer_count', None),
        ("Interviewers? 4 at Sam's, don't know mine",
         'interview.interviewer_count', None),
        ('Interviewers? 5 according to the invite',
         'interview.interviewer_count', None),
        ('Interviewers? 0, it was a recorded video interview',
         'interview.interviewer_count', None),
        ('Interviewers? An entire panel lol',
         'interview.interviewer_count', None),
        ('Interviewers? A few',
         'interview.interviewer_count', None),
        ('Interviewers? 2nd one was late',
         'interview.interviewer_count', None),
        ('Interviewers? 1st time meeting the CEO',
         'interview.interviewer_count', None),
        ('Interviewers next round? 3',
         'interview.interviewer_count', None),
        ('Expected interviewers? 3',
         'interview.interviewer_count', None),
        ('How many interviewers? 2',
         'interview.interviewer_count', 2),
        ('How many were there? 4 candidates and 2 interviewers',
         'interview.interviewer_count', 2),
        ('How many interviewers? 2 I think',
         'interview.interviewer_count', None),
        ('How many interviewers? 2 or 3, one kept popping in and out',
         'interview.interviewer_count', None),
        ('How many interviewers will there be? 3',
         'interview.interviewer_count', None),
        ('How many interviewers next time? 4',
         'interview.interviewer_count', None),
        ('How many interviewers at the final? 5',
         'interview.interviewer_count', None),
        ('How many interviewers do they usually have? 3',
         'interview.interviewer_count', None),
        ('How many people did I meet? 6',
         'interview.interviewer_count', None),
        ('How many people were in the waiting room? 4',
         'interview.interviewer_count', None),
        ('How many candidates? 6',
         'interview.interviewer_count', None),
        ('How many of them? 3 candidates',
         'interview.interviewer_count', None),
        ('How many rounds? 3',
         'interview.interviewer_count', None),
        ('How many rounds left? 2',
         'interview.interviewer_count', None),
        ('How many questions? 12',
         'interview.interviewer_count', None),
        ('How many were there? 12 at the group assessment day',
         'interview.interviewer_count', None),
        ('How many were there? 6 (candidates, group interview)',
         'interview.interviewer_count', None),
        ('How many people? 40 (the whole office)',
         'interview.interviewer_count', None),
        ('How many people were there? 10, mostly other candidates',
         'interview.interviewer_count', None),
        ('How many on the panel next time? 4',
         'interview.interviewer_count', None),
        ('Should I ask how many? 3 seems like a lot',
         'interview.interviewer_count', None),
        ('Why so many? 4 interviewers for a junior role',
         'interview.interviewer_count', 4),
        ('Who interviewed you? Two \u2013 Hemi and Claire',
         'interview.interviewer_count', 2),
        ('Who interviewed you? An HR person and the manager',
         'interview.interviewer_count', 2),
        ('Who was there? 2 interviewers and 5 other candidates',
         'interview.interviewer_count', 2),
        ('Who was on the panel? 3 (one left early)',
         'interview.interviewer_count', 3),
        ('Who interviewed you? Two, I think',
         'interview.interviewer_count', None),
        ('Who interviewed you? Two or three',
         'interview.interviewer_count', None),
        ('Who interviewed you? Two? Three? Lost count on the video call',
         'interview.interviewer_count', None),
        ('Who interviewed Sam? Two',
         'interview.interviewer_count', None),
        ("Who's interviewing on Friday? 3, per the calendar invite",
         'interview.interviewer_count', None),
        ('Who was there? 12 of us candidates',
         'interview.interviewer_count', None),
        ('Who was there? 4, all candidates',
         'interview.interviewer_count', None),
        ('Who was there? 5 (other applicants)',
         'interview.interviewer_count', None),
        ('Who was there? 4 in reception',
         'interview.interviewer_count', None),
        ('Questions to ask the recruiter:\n- Interviewers? 3 max?\n- How long? 45 min or an hour?',
         'interview.interviewer_count', None),
        ('Questions to ask the recruiter:\n- Interviewers? 3 max?\n- How long? 45 min or an hour?',
         'interview.actual_minutes', None),
        ('Template:\nInterviewers? 1-5\nHow long? __ min',
         'interview.interviewer_count', None),
        ('Template:\nInterviewers? 1-5\nHow long? __ min',
         'interview.actual_minutes', None),
        ('Sam \u2013 Interviewers? 3. How long? 90 min',
         'interview.interviewer_count', None),
        ('Sam \u2013 Interviewers? 3. How long? 90 min',
         'interview.actual_minutes', None),
        ('Sam: how long? 45 min\nMe: mine was 30',
         'interview.actual_minutes', 30),
        ('Mum keeps asking: how long? 2 weeks since the interview!',
         'interview.actual_minutes', None),
        ('Wondering how long? 45 min is normal I think',
         'interview.actual_minutes', None),
        ('Anyone know how long? 45 min is standard right',
         'interview.actual_minutes', None),
        ('Asking the recruiter how long? 2 weeks she said',
         'interview.actual_minutes', None),
        ('Reply ETA? 2 days',
         'thank_you.response_received', None),
        ('Reply ETA? 2 days',
         'thank_you.response_hours', None),
        ('Expected reply? 5 days',
         'thank_you.response_received', None),
        ('Thank-you note? 1 draft, not sent',
         'thank_you.note_sent', None),
        ("Next round? 2 weeks from now if I'm lucky",
         'next_steps.invited_to_next_round', None),
        ("Second round? 2 weeks, they'll confirm",
         'next_steps.invited_to_next_round', None),
        ('Which round? 2',
         'next_steps.invited_to_next_round', None),
        ('Smiled? 1 maybe',
         'body_language.smiles', None),
        ('Tour? 1 day maybe',
         'tour.office_tour', None),
    ])
    def test_is_read_as_the_review_expects(self, text: str, path: str, value: object) -> None:
        assert stated(text).get(path) == value


class TestTheReviewOfTheLengthsAndTheJobInDetail:
    """A hostile review of the lengths and the job in detail (180 notes, 193 checks; 69 read
    wrongly, 48 of them new): 'Duration: 45 min' is to confirm (prep notes and invitations
    write it of the booking), 'out the door after' and 'spent a while describing' were
    withdrawn, and the job in detail needs the job's parts named as such (the whole day, the
    teaching load; not the interview day, his week, their work). Left wrong and named in
    docs/notes.md: the same words of a recruiter, a job ad, an earlier job or a friend's
    interviewer, sarcasm around quoted words, and a wait or a walk-out read as the length
    ('Walked out after 20 minutes in the waiting room')."""

    @pytest.mark.parametrize(("text", "path", "value"), [
        ('Duration: 90 minutes; the calendar invite said 60.',
         'interview.actual_minutes', 90),
        ('Duration: 50 min (booked 45)',
         'interview.actual_minutes', 50),
        ('Duration: 50 min (booked 45)',
         'interview.scheduled_minutes', 45),
        ('Actual duration: 55 min (scheduled 45)',
         'interview.actual_minutes', 55),
        ('Actual duration: 55 min (scheduled 45)',
         'interview.scheduled_minutes', 45),
        ("Walked out after 40 minutes, they'd booked an hour.",
         'interview.actual_minutes', 40),
        ('Interview at Hallam & Co at 2pm. Walked out after 40 minutes. Decent chat.',
         'interview.actual_minutes', 40),
        ('Company: Brightwell\nRole: ops analyst\nDuration: 1 hour\nInterviewers: 2',
         'interview.interviewer_count', 2),
        ('Total duration: 75 minutes (booked 60)',
         'interview.actual_minutes', 75),
        ('Total duration: 75 minutes (booked 60)',
         'interview.scheduled_minutes', 60),
        ('Duration: 45 min or so',
         'interview.actual_minutes', None),
        ('Duration: about 45 min',
         'interview.actual_minutes', None),
        ('Duration: roughly 45 mins I think',
         'interview.actual_minutes', None),
        ('Duration: 45 min-ish',
         'interview.actual_minutes', None),
        ("Duration: 45 min? not sure, didn't check the clock",
         'interview.actual_minutes', None),
        ('Duration: 45 min (I think)',
         'interview.actual_minutes', None),
        ('Duration: 45 min (approx)',
         'interview.actual_minutes', None),
        ('Duration: felt like 3 hours, was probably 40 min',
         'interview.actual_minutes', None),
        ('Walked out after what felt like 40 minutes.',
         'interview.actual_minutes', None),
        ('Walked out after maybe 40 minutes.',
         'interview.actual_minutes', None),
        ("Walked out after about 40 minutes, I didn't check.",
         'interview.actual_minutes', None),
        ('Out the door after twenty-five minutes, give or take.',
         'interview.actual_minutes', None),
        ('Out the door after what seemed like five minutes.',
         'interview.actual_minutes', None),
        ('Back in the car in 30 minutes or so.',
         'interview.actual_minutes', None),
        ('Duration: 45 min (the medical)',
         'interview.actual_minutes', None),
        ('Duration: 45 min (the psychometric test)',
         'interview.actual_minutes', None),
        ('Duration of the commute: 45 min',
         'interview.actual_minutes', None),
        ('Commute duration: 45 min each way',
         'interview.actual_minutes', None),
        ('Test duration: 30 min',
         'interview.actual_minutes', None),
        ('Total duration: 3 hours including the test and the medical',
         'interview.actual_minutes', None),
        ('Duration of the contract: 6 months',
         'interview.actual_minutes', None),
        ('Duration: 12 months (fixed-term maternity cover)',
         'interview.actual_minutes', None),
        ('Role: maternity cover\nDuration: 9 months\nSalary: 32k',
         'interview.actual_minutes', None),
        ('Course duration: 3 hours, then the interview after lunch',
         'interview.actual_minutes', None),
        ('Duration: 40 min drive there',
         'interview.actual_minutes', None),
        ('Duration: 45 min (in reception, before they even called me in)',
         'interview.actual_minutes', None),
        ('Duration: 15 min (the presentation part only)',
         'interview.actual_minutes', None),
        ('Presentation\nDuration: 15 min\nQ&A after',
         'interview.actual_minutes', None),
        ('Parking: 2 hours max\nDuration: 2 hours',
         'interview.actual_minutes', None),
        ('Out the door after twenty-five minutes of waiting, they cancelled on me.',
         'interview.actual_minutes', None),
        ('Back in the car in 30 minutes from the dentist, then drove to the interview.',
         'interview.actual_minutes', None),
        ('Back in the car in 30 minutes, the drug test took most of it.',
         'interview.actual_minutes', None),
        ('The medical was quick, back outside in 15 minutes, then the interview proper.',
         'interview.actual_minutes', None),
        ('Dropped my son at nursery and was back in the car in 10 minutes. Interview at 11.',
         'interview.actual_minutes', None),
        ('Fire alarm went off, we were out the door after 5 minutes and stood in the car '
         'park for an hour.',
         'interview.actual_minutes', None),
        ('Walked out of the tube station after 40 minutes stuck in a tunnel, made it just in time.',
         'interview.actual_minutes', None),
        ('Out the door after 20 minutes at the coffee shop, then on to the interview.',
         'interview.actual_minutes', None),
        ('Back in the car in 30 minutes after the written test; the interview is Thursday.',
         'interview.actual_minutes', None),
        ('The guy before me walked out after 20 minutes.',
         'interview.actual_minutes', None),
        ('The candidate before me was out the door after twenty-five minutes.',
         'interview.actual_minutes', None),
        ('My friend walked out after 40 minutes, said it was brutal.',
         'interview.actual_minutes', None),
        ("Priya's interview: duration 50 min. Mine was longer.",
         'interview.actual_minutes', None),
        ('My sister did the same panel last year and was back in the car in 30 minutes.',
         'interview.actual_minutes', None),
        ('Duration: 45 min (for the other candidates, per the receptionist)',
         'interview.actual_minutes', None),
        ('Heard the guy before me was out the door after 10 minutes.',
         'interview.actual_minutes', None),
        ('Duration: 45 min (per the invite)',
         'interview.actual_minutes', None),
        ('Expected duration: 45 min',
         'interview.actual_minutes', None),
        ('Duration: 45 min planned',
         'interview.actual_minutes', None),
        ('Duration: 45 min (scheduled)',
         'interview.actual_minutes', None),
        ('Scheduled duration: 60 min',
         'interview.actual_minutes', None),
        ('Duration (booked): 60 min',
         'interview.actual_minutes', None),
        ('Invite says Duration: 45 min',
         'interview.actual_minutes', None),
        ('Email from recruiter: "Duration: 45 min, please arrive 10 minutes early."',
         'interview.actual_minutes', None),
        ('Prep notes for tomorrow\nDuration: 45 min\nBring portfolio',
         'interview.actual_minutes', None),
        ('Duration: 45 min (hopefully less, I hate these)',
         'interview.actual_minutes', None),
        ("If it goes badly I'll be out the door after twenty minutes.",
         'interview.actual_minutes', None),
        ("If it's like last time I'll be back in the car in 30 minutes.",
         'interview.actual_minutes', None),
        ("I'd have walked out after 40 minutes if I were braver.",
         'interview.actual_minutes', None),
        ('I wanted to walk out after 10 minutes.',
         'interview.actual_minutes', None),
        ('Last year at Acme I walked out after 40 minutes. This time it went the full hour.',
         'interview.actual_minutes', 60),
        ('At my first ever interview I was out the door after 15 minutes.',
         'interview.actual_minutes', None),
        ('Hoping to be out the door after 30 minutes so I can make the school run.',
         'interview.actual_minutes', None),
        ('Plan: out the door after 45 min, catch the 3:10 train.',
         'interview.actual_minutes', None),
        ("Should be back in the car in 30 minutes if it's just a screening.",
         'interview.actual_minutes', None),
        ('Did they really expect me to be out the door after 20 minutes? They booked an hour.',
         'interview.actual_minutes', None),
        ('"Duration: 45 min" they said. Ha.',
         'interview.actual_minutes', None),
        ('Duration: 50 min (booked 45, ran over)',
         'interview.actual_minutes', 50),
        ('Duration: 50 min (booked 45, ran over)',
         'interview.scheduled_minutes', 45),
        ('Walked out after 40 minutes (booked for an hour).',
         'interview.actual_minutes', 40),
        ('Booked (45 min) but lasted 70',
         'interview.scheduled_minutes', 45),
        ('Booked (45 min) but lasted 70',
         'interview.actual_minutes', 70),
        ("Scheduled for 30 (per Karen's email) minutes",
         'interview.actual_minutes', None),
        ('Karen went through the whole day in detail (open at 7:45, phones from 8).',
         'job_specifics.deep_dive', True),
        ('The chair went into the teaching load in detail: two units a semester.',
         'job_specifics.deep_dive', True),
        ('The ward manager walked me through the shift pattern in detail, earlies, lates, nights.',
         'job_specifics.deep_dive', True),
        ("He went through the role in great detail, down to which reports I'd own.",
         'job_specifics.deep_dive', True),
        ('She went over the workload in detail: 25 clients each, weekly visits.',
         'job_specifics.deep_dive', True),
        ("I wish they'd gone through the day in detail.",
         'job_specifics.deep_dive', None),
        ("I hoped she'd go through the role in detail but she didn't.",
         'job_specifics.deep_dive', None),
        ("Next time they'll go through the role in detail.",
         'job_specifics.deep_dive', None),
        ("She'll go through the shift pattern in detail at the second interview.",
         'job_specifics.deep_dive', None),
        ('Maybe they went through the role in detail, I was too nervous to take it in.',
         'job_specifics.deep_dive', None),
        ('They went over the workload in some detail, I think.',
         'job_specifics.deep_dive', None),
        ("I think they went through the job in detail but honestly it's a blur.",
         'job_specifics.deep_dive', None),
        ('They kind of went into the role in detail? Hard to say.',
         'job_specifics.deep_dive', None),
        ('Apparently they go through the whole day in detail at the trial shift.',
         'job_specifics.deep_dive', None),
        ("Would have been nice if they'd gone into the real detail of the job.",
         'job_specifics.deep_dive', None),
        ('Should I have asked them to go through the role in detail?',
         'job_specifics.deep_dive', None),
        ('Did they go through the job in detail? Not really.',
         'job_specifics.deep_dive', None),
        ('I was expecting them to spend a good while describing the casework, but no.',
         'job_specifics.deep_dive', None),
        ('Promised to go into the real detail of the job once references are back.',
         'job_specifics.deep_dive', None),
        ('Yeah they "went into the real detail of the job", i.e. read the JD back to me.',
         'job_specifics.deep_dive', None),
        ('Spent a good while describing the casework, if by a good while you mean 30 seconds.',
         'job_specifics.deep_dive', None),
        ('My friend said her interviewer went through the whole day in detail.',
         'job_specifics.deep_dive', None),
        ("Sam's interviewer went into the real detail of the job, mine didn't.",
         'job_specifics.deep_dive', None),
        ('The candidate before me said they went through the rota in detail with her.',
         'job_specifics.deep_dive', None),
        ('Glassdoor reviews say they spend a good while describing the casework.',
         'job_specifics.deep_dive', None),
        ("For my colleague's interview they went through the role in detail.",
         'job_specifics.deep_dive', None),
        ('At my last job they went through the rota in detail on day one.',
         'job_specifics.deep_dive', None),
        ('At my previous place my manager went through the job in detail on my first morning.',
         'job_specifics.deep_dive', None),
        ('When I joined Tesco in 2019 they went into the real detail of the job in week one.',
         'job_specifics.deep_dive', None),
        ('I spent a good while describing the casework at my current job.',
         'job_specifics.deep_dive', None),
        ("I spent ages describing the workload at my current place and why I'm leaving.",
         'job_specifics.deep_dive', None),
        ('I went through the job in detail with my partner that evening.',
         'job_specifics.deep_dive', None),
        ("We went through my week in detail, how I'd juggle childcare.",
         'job_specifics.deep_dive', None),
        ('He went through my CV in detail.',
         'job_specifics.deep_dive', None),
        ('He went through my work in detail, every project on my CV.',
         'job_specifics.deep_dive', None),
        ('They went through the work in my portfolio in detail.',
         'job_specifics.deep_dive', None),
        ('She went through the job history on my CV in detail.',
         'job_specifics.deep_dive', None),
        ('They went into the job I do now in detail, asked about every client.',
         'job_specifics.deep_dive', None),
        ("He spent a good while describing the work I'd sent in as a sample, every flaw.",
         'job_specifics.deep_dive', None),
        ('The panel went through the role I had at Barclays in detail.',
         'job_specifics.deep_dive', None),
        ('They went through the interview schedule in detail.',
         'job_specifics.deep_dive', None),
        ('They went through the interview day in detail.',
         'job_specifics.deep_dive', None),
        ('She went through the assessment day in detail.',
         'job_specifics.deep_dive', None),
        ('HR went through the onboarding week in detail: paperwork, IT setup, badge.',
         'job_specifics.deep_dive', None),
        ('They spent a lot of time describing the role of the panel and how scoring works.',
         'job_specifics.deep_dive', None),
        ("They went through the work trial in detail, it's a paid half day next week.",
         'job_specifics.deep_dive', None),
        ("He went over the shift in detail \u2014 the shift I'd do as my trial, unpaid.",
         'job_specifics.deep_dive', None),
        ('They went through their work in detail \u2014 their own research, not the job.',
         'job_specifics.deep_dive', None),
        ('He spent ages describing the work his team did in 2015.',
         'job_specifics.deep_dive', None),
        ('She spent a good while describing her own casework back when she was a junior.',
         'job_specifics.deep_dive', None),
        ('He went through his week in detail \u2014 golf, his kids, a conference in Leeds.',
         'job_specifics.deep_dive', None),
        ('She spent a long time describing the work on the new building, the architects, '
         'the delays.',
         'job_specifics.deep_dive', None),
        ('He spent ages describing the work his previous company botched.',
         'job_specifics.deep_dive', None),
        ("The CEO went through the company's week in detail: the funding round, the press.",
         'job_specifics.deep_dive', None),
        ("They spent a long time describing the role they'd just filled in finance, not mine.",
         'job_specifics.deep_dive', None),
        ('The recruiter went into the real detail of the job on the phone before the interview.',
         'job_specifics.deep_dive', None),
        ('The job ad went into the real detail of the job.',
         'job_specifics.deep_dive', None),
        ('He walked me through the job in detail? Not really, more of an overview.',
         'job_specifics.deep_dive', None),
        ("They didn't go through the day in detail.",
         'job_specifics.deep_dive', False),
        ('Interview notes\n- Duration: 40 min\n- went through the whole day in detail\n- no tour',
         'job_specifics.deep_dive', True),
        ('Mon: psych test, duration 45 min.\nTue: actual interview, they went into the '
         'teaching load in detail.',
         'interview.actual_minutes', None),
        ('Mon: psych test, duration 45 min.\nTue: actual interview, they went into the '
         'teaching load in detail.',
         'job_specifics.deep_dive', True),
        ('It lasted 45 (!) minutes.',
         'interview.actual_minutes', 45),
        ('Scheduled for 45 min (actual: 60)',
         'interview.scheduled_minutes', 45),
        ('Scheduled for 45 min (actual: 60)',
         'interview.actual_minutes', 60),
        ('The interview lasted 70 minutes (booked for 45).',
         'interview.actual_minutes', 70),
        ('The interview lasted 70 minutes (booked for 45).',
         'interview.scheduled_minutes', 45),
        ('Duration: 45 min (booked 1 hour)',
         'interview.actual_minutes', 45),
        ('Duration: 45 min (booked 1 hour)',
         'interview.scheduled_minutes', 60),
        ('We were in there for 55 (yes 55) minutes',
         'interview.actual_minutes', 55),
    ])
    def test_is_read_as_the_review_expects(self, text: str, path: str, value: object) -> None:
        assert stated(text).get(path) == value


class TestAnAnswerThatIsAPlanOrAHope:
    @pytest.mark.parametrize(("text", "path"), [
        ("Thank-you sent: will do tonight once I've calmed down", "thank_you.note_sent"),
        ("Second interview: hopefully", "next_steps.invited_to_next_round"),
        ("Second round: fingers crossed", "next_steps.invited_to_next_round"),
        ("In my head she's already replied 'can't wait to have you on board'",
         "thank_you.response_received"),
        ("I keep picturing them calling me back for a second interview.",
         "next_steps.invited_to_next_round"),
    ])
    def test_is_not_stated(self, text: str, path: str) -> None:
        assert path not in stated(text)

    def test_a_reply_pending_is_none_yet(self) -> None:
        assert stated("Thank-you: sent, reply pending")["thank_you.response_received"] is False

    def test_a_heading_that_is_a_plan_covers_the_lines_under_it(self) -> None:
        assert stated("If it goes well:\nTour: yes\nSecond round: yes") == {}

    def test_what_was_only_imagined_before_leaves_what_happened(self) -> None:
        assert stated("She replied in my head a hundred times before she actually replied "
                      "on Friday.")["thank_you.response_received"] is True


class TestNoWordOfANextRoundAndWhoWasIntroduced:
    @pytest.mark.parametrize("text", [
        "Not a word about a second interview.",
        "nobody said a thing about a second round.",
        "he didn't say a word about a next round",
    ])
    def test_is_no_next_round(self, text: str) -> None:
        assert stated(text)["next_steps.invited_to_next_round"] is False

    @pytest.mark.parametrize("text", [
        "Not a word about a second interview yet, but she said HR would email dates for one.",
        "My friend said there won't be a second round for me.",
    ])
    def test_a_yet_or_someone_elses_word_is_not(self, text: str) -> None:
        assert "next_steps.invited_to_next_round" not in stated(text)

    def test_someone_else_introduced_is_not_the_writer(self) -> None:
        assert "tour.introduced_to_people" not in stated(
            "Maeve swears he took her round the whole floor and introduced her to everyone.")

    @pytest.mark.parametrize("text", [
        "She introduced me to everyone.",
        "He introduced me properly to the team.",
    ])
    def test_the_writer_introduced_is(self, text: str) -> None:
        assert stated(text)["tour.introduced_to_people"] is True


class TestSomeoneElsesInterviewer:
    def test_her_interviewer_is_someone_elses(self) -> None:
        assert stated("Her interviewer smiled the whole time, mine didn't.") == {
            "body_language.smiles": False}

    def test_their_interviewers_are_someone_elses(self) -> None:
        assert "body_language.nods" not in stated(
            "Their interviewers nodded all the way through, mine just typed.")

    def test_an_interviewers_own_panel_is_the_writers(self) -> None:
        assert stated("The manager and her panel smiled a lot.")["body_language.smiles"] is True


class TestAHeadingThatNamesSomeoneElse:
    def test_the_lines_under_it_are_theirs(self) -> None:
        assert stated("Copying my friend's debrief so I can compare:\nTour: yes\n"
                      "Second round: yes") == {}

    def test_a_blank_line_ends_it(self) -> None:
        reading = stated("My sister's notes:\n- panel of 3\n- they showed her round the lab\n"
                         "- 90 min\n\nMine:\n- panel of 2\n- no tour")
        assert reading == {"interview.interviewer_count": 2, "tour.office_tour": False}

    def test_a_blank_line_ends_it_for_a_line_of_no_ones(self) -> None:
        reading = stated("My flatmate's notes from her interview:\nTour: yes\n"
                         "Interviewers? 4\n\nThe manager nodded a lot.")
        assert reading == {"body_language.nods": True}

    def test_a_line_of_the_writers_own_ends_it(self) -> None:
        reading = stated("My friend's notes:\n- panel of 3\nI had a panel of 2.")
        assert reading == {"interview.interviewer_count": 2}


class TestTheReviewOfTheGapsPlansImaginingsAndNoNextRound:
    """A hostile review of the reply's gap named after its time, answers that are plans or
    hopes, what is only imagined, no word of a next round and introductions (210 notes, 241
    checks; 88 read wrongly, 56 of them new). After it: the gap phrases were withdrawn (the
    interview's, a drive's or a night's hours near a reply were read as the gap); 'a.m.' and
    'p.m.' end no sentence only where the note goes on in lower case; 'in my head' and 'in
    my mind' imagine only with 'already' after a subject; 'probably' and 'possibly' are no
    hope for an answer; a next heading on its own line no longer doubts a yes; 'there won't
    be a second round for me' and 'the second interview' withdrawn; an introduction names
    the writer anywhere before 'to everyone'; 'reply pending' is no reply yet; a heading
    that is a plan ('If it goes well:') covers the lines under it. Left wrong and named in
    docs/notes.md: a label naming someone ('Friend: nobody said a thing about a second
    round'), imagined events in other words, the reply's gap written after its times."""

    @pytest.mark.parametrize(("text", "path", "value"), [
        ('Thank-you went Monday 9am, she replied Tuesday 9am, so 24 hours exactly.',
         'thank_you.response_hours', 24),
        ('Thank-you went Monday 9am, she replied Tuesday 9am, so 24 hours exactly.',
         'thank_you.response_received', True),
        ("Emailed my thank-you at 5pm Thursday. Her answer came at 5pm on Friday, that's "
         "twenty-four hours flat.",
         'thank_you.response_hours', 24),
        ('Sent at 6 p.m. Monday. Reply at 9 a.m. Tuesday.',
         'thank_you.response_received', True),
        ('Thank-you sent 8am. Reply came back at 11am, 3 hours turnaround.',
         'thank_you.response_hours', 3),
        ('She replied at 9 a.m. on Tuesday, which was exactly 16 hours on the dot after my note.',
         'thank_you.response_received', True),
        ('Got a reply from her on Friday. The interview ran from 10 till 12, so two hours.',
         'thank_you.response_hours', None),
        ('Reply came at 4 p.m. The interview itself, so 3 hours exactly, was exhausting.',
         'thank_you.response_hours', None),
        ('Reply came at 4 p.m. Interview on Tuesday afternoon: 2 hours.',
         'thank_you.response_hours', None),
        ('Got a reply. Drove back Tuesday evening: 4 hours.',
         'thank_you.response_hours', None),
        ('Reply came Monday.\nDrove back Tuesday evening: 4 hours.',
         'thank_you.response_hours', None),
        ('She replied Thursday. Flew back Sunday night: 7 hours.',
         'thank_you.response_hours', None),
        ('Thank-you sent, she replied same day.\nInterview notes: arrived 9 am, left 11 '
         'am, 2 hours.',
         'thank_you.response_hours', None),
        ('Reply came Friday. Assessment centre was 8am to 8pm, so twelve hours on the dot.',
         'thank_you.response_hours', None),
        ('Reply came Friday at 5 p.m. The interview was 2 till 5, so three hours exactly.',
         'thank_you.response_hours', None),
        ('Reply came Friday at 5 p.m. The interview was 2 till 5, so three hours exactly.',
         'interview.actual_minutes', 180),
        ('She replied warmly. Thinking back, the panel ran 1 till 4, so three hours on the dot.',
         'thank_you.response_hours', None),
        ('Reply came Friday. Prep the night before was 7 till 10 pm, so 3 hours exactly.',
         'thank_you.response_hours', None),
        ('He replied Wednesday. The train there, so 2 hours exactly, was the worst part.',
         'thank_you.response_hours', None),
        ('Reply received. Interview: Tuesday afternoon, 3 hours.',
         'thank_you.response_hours', None),
        ('Got her reply on Monday.\nInterview - Thursday morning: 2 hours.',
         'thank_you.response_hours', None),
        ('Reply came Monday. Arrived at the office Tuesday morning: 2 hours.',
         'thank_you.response_hours', None),
        ('She replied at 8 p.m. Panel interview Wednesday morning: 3 hours.',
         'thank_you.response_hours', None),
        ('Her reply landed at 11 p.m. Interview Thursday evening: 3 hours, two panels.',
         'thank_you.response_hours', None),
        ('Sent my thank-you on Friday; she replied Monday. In the interview she answered '
         'my questions all morning: 3 hours.',
         'thank_you.response_hours', None),
        ('Reply came back fast. Got back to the hotel that night: 2 hours.',
         'thank_you.response_hours', None),
        ('She wrote back on Tuesday. Came home Tuesday afternoon, 3 hours.',
         'thank_you.response_hours', None),
        ('Reply came. I slept in till the afternoon, so 10 hours exactly.',
         'thank_you.response_hours', None),
        ('Reply in my inbox. Had been up since 6 a.m. so 18 hours exactly awake.',
         'thank_you.response_hours', None),
        ('The reply came on Friday. I checked: the whole interview was 9 am to 11 am, so '
         '2 hours on the dot.',
         'thank_you.response_hours', None),
        ('The reply came on Friday. I checked: the whole interview was 9 am to 11 am, so '
         '2 hours on the dot.',
         'interview.actual_minutes', 120),
        ("Recruiter replied Monday at 3 p.m. My friend's interview, that's 2 hours "
         "exactly, was longer than mine.",
         'thank_you.response_hours', None),
        ("Reply came at 10 a.m. Friend's reply took ages.",
         'thank_you.response_received', True),
        ("Reply came at 10 a.m. Friend's reply took ages.",
         'thank_you.response_hours', None),
        ('Thank-you email went at 8 a.m. Too early?',
         'thank_you.note_sent', True),
        ('She gave me a tour of the office at 2 p.m. Or was it 3?',
         'tour.office_tour', True),
        ('Sent the thank-you at 10 p.m. Did she reply? No.',
         'thank_you.note_sent', True),
        ('She replied at 11 p.m. Is that a good sign?',
         'thank_you.response_received', True),
        ('She replied at 11 p.m. Weird time, right?',
         'thank_you.response_received', True),
        ('He showed me round the office at 2 p.m. Not the lab though.',
         'tour.office_tour', True),
        ("Didn't get home until 7 p.m. He'd introduced me to the whole team.",
         'tour.introduced_to_people', True),
        ("Didn't finish until 5 p.m. He nodded a lot throughout.",
         'body_language.nods', True),
        ("My friend Sara's slot was at 10 a.m. Mine was after. He asked me where else I "
         "was interviewing.",
         'interest.asked_where_else_interviewing', True),
        ("I'll send my thank-you at 8 a.m. He smiled a lot, so I'm hopeful.",
         'body_language.smiles', True),
        ("I'll send my thank-you at 8 a.m. He smiled a lot, so I'm hopeful.",
         'thank_you.note_sent', None),
        ("If I don't hear by 5 p.m. I'll chase. She did ask if I wanted the job though.",
         'interest.asked_if_interested', True),
        ('Not sure it was 3 p.m. He nodded a lot, anyway.',
         'body_language.nods', True),
        ("Interview at 2 p.m. Maybe they'll give me a tour next time.",
         'tour.office_tour', None),
        ('Interview at 2 p.m. Hoping they invite me back.',
         'next_steps.invited_to_next_round', None),
        ('Sent my thank-you at 9 p.m. Friend got her reply within the hour.',
         'thank_you.response_hours', None),
        ('Interview ended at 4 p.m. Sara told me they gave her a tour.',
         'tour.office_tour', None),
        ('I left at 11 a.m. Nobody said a thing about a second round.',
         'next_steps.invited_to_next_round', False),
        ('The panel started at 9 a.m. Three interviewers, all friendly.',
         'interview.interviewer_count', 3),
        ('Call was booked 2 p.m. to 2.45 p.m. It lasted 45 minutes.',
         'interview.actual_minutes', 45),
        ('Call was booked 2 p.m. to 2.45 p.m. It lasted 45 minutes.',
         'interview.scheduled_minutes', 45),
        ("Interview 10 a.m. Didn't smile once.",
         'body_language.smiles', False),
        ('Thank-you drafted at 10 p.m. Will send it in the morning.',
         'thank_you.note_sent', None),
        ('Reply came at 6 p.m. Said she loved my point about the rota.',
         'thank_you.response_received', True),
        ('Interview at 1 p.m. Ha, they said they\'d "definitely" call me back.',
         'next_steps.invited_to_next_round', None),
        ('She replied at 3 p.m. Yeah right, like that\'s a good sign: "Thanks, we\'ll be '
         'in touch."',
         'thank_you.response_received', True),
        ('Thank-you sent: will do tonight',
         'thank_you.note_sent', None),
        ('Thank you note: will send tomorrow',
         'thank_you.note_sent', None),
        ('Thank-you: to send',
         'thank_you.note_sent', None),
        ('Thank-you: TBD',
         'thank_you.note_sent', None),
        ('Second interview: hopefully',
         'next_steps.invited_to_next_round', None),
        ('Second round: fingers crossed',
         'next_steps.invited_to_next_round', None),
        ('Invited back? Hopefully!',
         'next_steps.invited_to_next_round', None),
        ('Second interview: TBC',
         'next_steps.invited_to_next_round', None),
        ('Next round: pending',
         'next_steps.invited_to_next_round', None),
        ('Next round: to be confirmed',
         'next_steps.invited_to_next_round', None),
        ('Second round - hopefully',
         'next_steps.invited_to_next_round', None),
        ('Second round: hopefully next week',
         'next_steps.invited_to_next_round', None),
        ('Tour: TBC',
         'tour.office_tour', None),
        ('Tour: pending',
         'tour.office_tour', None),
        ('Asked about other interviews: I think so',
         'interest.asked_where_else_interviewing', None),
        ('Thank-you card: to be sent Monday',
         'thank_you.note_sent', None),
        ('Thank-you: tonight',
         'thank_you.note_sent', None),
        ('Reply: not yet, hopefully soon',
         'thank_you.response_received', False),
        ('Reply: apparently',
         'thank_you.response_received', None),
        ('Second interview: supposedly',
         'next_steps.invited_to_next_round', None),
        ('Thank-you sent: will do. Reply: pending.',
         'thank_you.note_sent', None),
        ('Follow-up email: will do tonight.',
         'thank_you.note_sent', None),
        ('Thank-you: sent, reply pending',
         'thank_you.note_sent', True),
        ('Thank-you note: sent, response pending',
         'thank_you.note_sent', True),
        ('Thank you email: sent 9am, reply TBD',
         'thank_you.note_sent', True),
        ('Thank-you: sent Monday, will send a follow-up if nothing by Friday',
         'thank_you.note_sent', True),
        ('Thank-you: sent, will do a LinkedIn note too',
         'thank_you.note_sent', True),
        ('Reply: got one Tuesday, dates still pending',
         'thank_you.response_received', True),
        ('Reply: none yet, nothing to do but wait',
         'thank_you.response_received', False),
        ('Thank-you sent: yes. To do: chase the recruiter.',
         'thank_you.note_sent', True),
        ('Smiled: probably just being polite',
         'body_language.smiles', True),
        ('Second round: booked for Thursday, agenda tbc',
         'next_steps.invited_to_next_round', True),
        ('Reply: warm, and apparently the whole panel liked me',
         'thank_you.response_received', True),
        ('Reply: warm, and apparently the whole panel liked me',
         'thank_you.tone', 'warm'),
        ('Thank-you sent: Tuesday. Reply: Thursday, will do a call next week.',
         'thank_you.note_sent', True),
        ('Thank-you sent: Tuesday. Reply: Thursday, will do a call next week.',
         'thank_you.response_received', True),
        ('Reply received: yes\nNext steps: pending',
         'thank_you.response_received', True),
        ('Tour: yes. Intro to team: TBC.',
         'tour.office_tour', True),
        ('Tour: yes. Intro to team: TBC.',
         'tour.introduced_to_people', None),
        ("In my head she's already replied 'can't wait to have you on board'",
         'thank_you.response_received', None),
        ("In my head she's already replied 'can't wait to have you on board'",
         'thank_you.tone', None),
        ('I keep picturing them calling me back for a second interview.',
         'next_steps.invited_to_next_round', None),
        ("In my mind they've already booked me in for round two.",
         'next_steps.invited_to_next_round', None),
        ("In my mind they've already booked me in for round two.",
         'next_steps.scheduled_on_the_spot', None),
        ('I can already picture them inviting me back for a second round.',
         'next_steps.invited_to_next_round', None),
        ('I imagined her replying "see you Monday!" all weekend.',
         'thank_you.response_received', None),
        ('Kept imagining the reply coming in all weekend.',
         'thank_you.response_received', None),
        ('Daydreaming about them calling me back for a second round.',
         'next_steps.invited_to_next_round', None),
        ('I keep imagining she replied straight away.',
         'thank_you.response_received', None),
        ('In my imagination the tour went on for hours and I met the whole team.',
         'tour.office_tour', None),
        ('In my imagination the tour went on for hours and I met the whole team.',
         'tour.introduced_to_people', None),
        ("I'm imagining him nodding along, but honestly I couldn't see his face on the call.",
         'body_language.nods', None),
        ("Sent the thank-you and, in my head, she's already replied.",
         'thank_you.note_sent', True),
        ("Sent the thank-you and, in my head, she's already replied.",
         'thank_you.response_received', None),
        ('I pictured him smiling at my answers but he was stone-faced.',
         'body_language.smiles', None),
        ('Fantasising about a reply that says they want me back.',
         'thank_you.response_received', None),
        ('Fantasising about a reply that says they want me back.',
         'next_steps.invited_to_next_round', None),
        ('She replied in my head a hundred times before she actually replied on Friday.',
         'thank_you.response_received', True),
        ('I was daydreaming when the reply arrived at 4.',
         'thank_you.response_received', True),
        ('I did the maths in my head and she replied 36 hours after I sent it.',
         'thank_you.response_received', True),
        ('I did the maths in my head and she replied 36 hours after I sent it.',
         'thank_you.response_hours', 36),
        ('I did the maths in my head: her reply came 36 hours after my note.',
         'thank_you.response_received', True),
        ('I did the maths in my head: her reply came 36 hours after my note.',
         'thank_you.response_hours', 36),
        ('I kept counting in my head while he nodded along to everything I said.',
         'body_language.nods', True),
        ('Did the sums in my head while she showed me round the factory.',
         'tour.office_tour', True),
        ('In my mind, the best bit was when he introduced me to the team.',
         'tour.introduced_to_people', True),
        ("I keep replaying in my head the moment he asked whether I'd want the job.",
         'interest.asked_if_interested', True),
        ('I keep replaying it in my head - he asked me straight out if I wanted the job.',
         'interest.asked_if_interested', True),
        ('Still going over it in my head: he nodded at everything.',
         'body_language.nods', True),
        ('I was so in my head that I barely noticed she was smiling the whole time.',
         'body_language.smiles', True),
        ('Had the answer in my mind before she finished asking where else I was interviewing.',
         'interest.asked_where_else_interviewing', True),
        ("In my mind there's no doubt: she smiled the whole way through.",
         'body_language.smiles', True),
        ('Daydreamed in the waiting room. Then she took me round the whole site.',
         'tour.office_tour', True),
        ('Kept it in my head not to ramble, and he nodded along anyway.',
         'body_language.nods', True),
        ('Not a word about a second interview.',
         'next_steps.invited_to_next_round', False),
        ('nobody said a thing about a second round.',
         'next_steps.invited_to_next_round', False),
        ("he didn't say a word about a next round",
         'next_steps.invited_to_next_round', False),
        ('Not a word about a second interview, which is normal at this stage.',
         'next_steps.invited_to_next_round', False),
        ('They never said a thing about a further interview.',
         'next_steps.invited_to_next_round', False),
        ('Not a word about a second interview yet.',
         'next_steps.invited_to_next_round', None),
        ('Not a word about a second interview yet, but she said HR would email dates for one.',
         'next_steps.invited_to_next_round', None),
        ("My friend said there won't be a second round for me.",
         'next_steps.invited_to_next_round', None),
        ("Jess thinks there won't be a second round for me.",
         'next_steps.invited_to_next_round', None),
        ("I'm scared there won't be a second round for me.",
         'next_steps.invited_to_next_round', None),
        ("I'm sure there won't be a second round for me after that answer.",
         'next_steps.invited_to_next_round', None),
        ("Pretty sure there's no second round for me.",
         'next_steps.invited_to_next_round', None),
        ("There won't be a second round for me if I don't nail the presentation.",
         'next_steps.invited_to_next_round', None),
        ("There won't be a second round for me unless the first goes well.",
         'next_steps.invited_to_next_round', None),
        ("There's no second interview for me to prep for yet.",
         'next_steps.invited_to_next_round', None),
        ("If there's not a word about a second interview by Friday I'll chase.",
         'next_steps.invited_to_next_round', None),
        ("I'd be gutted if nobody said a thing about a second round.",
         'next_steps.invited_to_next_round', None),
        ('Did anyone say a thing about a second round? Nope, not yet.',
         'next_steps.invited_to_next_round', None),
        ('At my interview with them last year, nobody said a thing about a second round.',
         'next_steps.invited_to_next_round', None),
        ('Booked in for round two on the spot! Not a word about the final stage though.',
         'next_steps.invited_to_next_round', True),
        ('They invited me back for a second interview. Not a word about a final round though.',
         'next_steps.invited_to_next_round', True),
        ('Second interview is booked for Tuesday. Recruiter called today - not a word '
         'about the second interview.',
         'next_steps.invited_to_next_round', True),
        ('Not a word about a second interview? Odd.',
         'next_steps.invited_to_next_round', None),
        ("There won't be a second round for me? That's what the email seems to imply.",
         'next_steps.invited_to_next_round', None),
        ("Maybe there won't be a second round for me.",
         'next_steps.invited_to_next_round', None),
        ("Hopefully there won't be a second round for me - I'd rather they just offer.",
         'next_steps.invited_to_next_round', None),
        ('"Not a word about a second interview," my mum keeps saying, as if I\'d hide it.',
         'next_steps.invited_to_next_round', None),
        ('Reddit thread on this company: nobody said a thing about a second round for weeks.',
         'next_steps.invited_to_next_round', None),
        ('She introduced me to everyone.',
         'tour.introduced_to_people', True),
        ('He introduced me properly to the team.',
         'tour.introduced_to_people', True),
        ('She introduced me and the other candidate to the team.',
         'tour.introduced_to_people', True),
        ('She introduced the two of us to everyone on the floor.',
         'tour.introduced_to_people', True),
        ('He introduced himself and then me to everyone.',
         'tour.introduced_to_people', True),
        ('They introduced both of us candidates to the team at lunch.',
         'tour.introduced_to_people', True),
        ('Got introduced to everyone on the floor.',
         'tour.introduced_to_people', True),
        ('Maeve swears he took her round the whole floor and introduced her to everyone.',
         'tour.introduced_to_people', None),
        ("At Sam's interview they introduced him to the team.",
         'tour.introduced_to_people', None),
        ("She said she'd introduce me to the team next time.",
         'tour.introduced_to_people', None),
        ('Hoping they introduce me to the team at the second interview.',
         'tour.introduced_to_people', None),
        ('The panel introduced themselves to everyone in the waiting room.',
         'tour.introduced_to_people', None),
        ('He introduced the new product to the team while I waited.',
         'tour.introduced_to_people', None),
        ('She introduces all new starters to the team on day one.',
         'tour.introduced_to_people', None),
        ('They usually introduce us to the team at the final stage, the recruiter said.',
         'tour.introduced_to_people', None),
        ('I introduced myself to everyone at reception.',
         'tour.introduced_to_people', None),
        ("If I get through they'll introduce us to the team.",
         'tour.introduced_to_people', None),
        ('Tour: yes\nFollow-up email: will do Friday',
         'tour.office_tour', True),
        ('Thank-you sent: yes\nReply: pending',
         'thank_you.note_sent', True),
        ('Thank-you sent: yes.\nReply: TBC',
         'thank_you.note_sent', True),
        ('Invited back: yes\nThank-you: will do tonight',
         'next_steps.invited_to_next_round', True),
        ('Invited back: yes\nThank-you: will do tonight',
         'thank_you.note_sent', None),
        ('Met the team: yes\nThank-you: to do',
         'tour.introduced_to_people', True),
        ('Met the team: yes\nThank-you: to do',
         'thank_you.note_sent', None),
        ("I'd hoped to be done by 3 p.m. It ran 2 hours.",
         'interview.actual_minutes', 120),
        ('Sara had her interview at 9 a.m. They asked me where else I was interviewing.',
         'interest.asked_where_else_interviewing', True),
        ('The interview was 2 till 5, so three hours exactly.',
         'interview.actual_minutes', 180),
        ('Reply: yes, 2 days later\nSecond round: fingers crossed',
         'thank_you.response_received', True),
        ('Reply: yes, 2 days later\nSecond round: fingers crossed',
         'next_steps.invited_to_next_round', None),
        ("He said nothing about a second round, and I didn't ask.",
         'next_steps.invited_to_next_round', False),
    ])
    def test_is_read_as_the_review_expects(self, text: str, path: str, value: object) -> None:
        assert stated(text).get(path) == value


class TestTheCodeReviewOfTheFormHeadings:
    """An independent code review of this session's mechanisms (December 8)."""

    def test_a_long_run_of_spaces_after_a_forms_number_is_read_at_once(self) -> None:
        # the heading's pattern had runs of spaces in a row: quadratic in the run's length
        from interview_signals._notes.text import normalise
        text = "How long? 4" + " " * 200_000 + "x"
        assert len(normalise(text)) == len(text)

    def test_a_heading_over_crlf_lines_runs_to_the_blank_line(self) -> None:
        assert stated("My friend's notes:\r\nTour: yes\r\nInterviewers? 3\r\n"
                      "Second round: yes") == {}
        assert stated("My friend's notes:\r\nTour: yes\r\n\r\nInterviewers? 3") == {
            "interview.interviewer_count": 3}

    @pytest.mark.parametrize("heading", [
        "Fingers crossed, here's how it went:",
        "Unlike my friend's interview, mine went like this:",
    ])
    def test_a_heading_of_the_writers_own_account_is_theirs(self, heading: str) -> None:
        assert stated(heading + "\nTour: yes\nInterviewers? 3") == {
            "tour.office_tour": True, "interview.interviewer_count": 3}

    @pytest.mark.parametrize("after", ["Maybe: it was just the lobby.",
                                       "Correction: it was cancelled.",
                                       "Actually no: it was just the lobby."])
    def test_a_doubt_before_the_next_headings_colon_still_doubts(self, after: str) -> None:
        assert "tour.office_tour" not in stated("Tour: yes\n" + after)

    def test_the_next_heading_of_a_form_does_not(self) -> None:
        assert stated("Tour: yes\nSecond round: yes") == {
            "tour.office_tour": True, "next_steps.invited_to_next_round": True}

    @pytest.mark.parametrize("text", [
        "Thank-you email went at 7p.m. on Sunday. Reply arrived at 7 p.m. on Monday.",
        "Thank-you email went at 7 p.m.\u00a0on Sunday. Reply arrived at 7 p.m. on Monday.",
    ])
    def test_a_pm_without_a_space_or_before_a_no_break_space_keeps_its_day(
            self, text: str) -> None:
        assert stated(text)["thank_you.response_hours"] == 24
