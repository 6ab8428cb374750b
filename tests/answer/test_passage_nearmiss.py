"""Near misses that are not answers, each class pinned by a rule on plain text, by the real engine on the repo
corpus and on a document this test writes: a pledge or a process for "did it happen?", a date "to be
confirmed", another speaker's words for "what did X say?", one crime type for "total recorded crime", a
minute's label or a name's "One" for a count, a thing to count that no document names; and a "not found" that
says what the documents are, not their file formats."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from assistant.answer.compose import _documents_in_words, _undated
from assistant.answer.wants import Wants, wants
from generated_corpora import one_document_assistant


@pytest.mark.parametrize("question, flag", [
    ("Which organisations were awarded the community grants?", "outcome"),
    ("Was the partnership application successful?", "outcome"),
    ("Has the force actually started using body cameras yet?", "started"),
    ("Have the new patrols been introduced?", "started"),
    ("What is the date of the public meeting?", "date"),
])
def test_the_kind_of_answer_is_read_from_the_wording(question, flag):
    assert getattr(wants(question), flag)


@pytest.mark.parametrize("question, text", [
    ("Has the force started using body cameras yet?", "We will roll out body cameras to every officer."),
    ("Which organisations were awarded the grants?", "Details of successful grants will be announced soon."),
    ("Which organisations were awarded the grants?", "The grants process launched on 22 July and closed in September."),
    ("Was the application successful?", "STAGE 2: write the full application by 13/12/24 (decision in March)."),
])
def test_a_plan_or_a_process_says_nothing_of_what_came_of_it(question, text):
    assert not wants(question).fits(text, question)


@pytest.mark.parametrize("question, text", [
    ("Has the force started using body cameras yet?", "Body cameras were introduced in every team last spring."),
    ("Which organisations were awarded the grants?", "Grants were awarded to the YMCA and Riverside Rugby Club."),
])
def test_a_sentence_saying_it_happened_answers(question, text):
    assert wants(question).fits(text, question)


@pytest.mark.parametrize("text", [
    "ACTION 10: SW to share the results of the weekend with the Panel.",
    "4. 11 Richard Thwaite commented that the data would be useful.",
    "One Chelmsford Partnership Strategic Board",
])
def test_a_lines_label_or_a_names_number_counts_nothing(text):
    assert not Wants(figure=True).fits(text)


def test_the_month_the_question_gives_is_not_the_date_it_asks_for():
    question = "What is the date of the open meeting in March?"
    assert not wants(question).fits("The open meeting will be held in March (date to be confirmed).", question)
    assert wants("When is the open meeting?").fits("It will be held in March (date to be confirmed).")


def test_a_place_the_question_already_names_is_not_where():
    question = "Where is the 2 May panel meeting being held?"
    assert not wants(question).fits("The Panel were reminded that the next meeting was on Friday 2 May.", question)
    assert wants(question).fits("The Panel will meet in Room 5, Petty France.", question)


def test_documents_known_only_by_their_format_are_named_by_their_titles():
    docs = [SimpleNamespace(kind="Word document", title="Sector Panel, 14 October 2013"),
            SimpleNamespace(kind="Word document", title="Sector Panel, 15 May 2012"),
            SimpleNamespace(kind="PDF document", title="Crime Data - Guidance"),
            SimpleNamespace(kind="markdown document", title="2012-03-01"),
            SimpleNamespace(kind="news article", title="Crime falls")]
    said = _documents_in_words(docs)
    assert said == "news article, “Crime Data - Guidance”, “Sector Panel” (several dates) and markdown documents"
    assert not any(c.isdigit() for c in said)
    assert _undated("Transparency minutes from 3rd August 2011") == "Transparency minutes"
    assert _undated("Sector Panel - 14 February 2014 - Minutes") == "Sector Panel - Minutes"
    # a figure in a title goes whole, never leaving a stray sign or comma behind
    assert _undated("Press release: £148,500 Safer Nights scheme") == "Press release: Safer Nights scheme"
    assert _undated("Crime down 6.5% in Harlow") == "Crime down in Harlow"


@pytest.mark.slow
@pytest.mark.parametrize("question", [
    "Has Essex Police actually started using live facial recognition yet?",  # a pledge
    "Which organisations were awarded the 25/26 VVU community grants?",  # the process, and "announced soon"
    "Was the ACE Place Partnership application successful?",  # the application's timetable
    "What is the date of the face the public meeting in January 2025?",  # "date to be confirmed"
    "What did the Home Secretary say about Essex Police during his visit?",  # the Chief Constable's words
    "What was Basildon's total recorded crime in the Echo article?",  # violent crime only
    "How many firefighters are based at Chelmsford Fire Station?",  # no document counts firefighters
])
def test_near_misses_on_the_repo_corpus_are_refused(engine, question):
    answer = engine.ask(question)
    assert not answer.answerable, answer.text


@pytest.mark.slow
@pytest.mark.parametrize("question, expected", [
    ("What did the Chief Inspector tell the board in July about anti-social behaviour in Chelmsford?", "15%"),
    ("What did the Essex Police release say about knife enabled crime across the county?", "11.2%"),
    ("Which earlier meeting's minutes were approved as a correct record at the July 2024 board?", "March 2023"),
])
def test_answers_next_to_those_near_misses_still_stand(engine, question, expected):
    answer = engine.ask(question)
    assert answer.answerable and expected in answer.text, answer.text


RELEASE = """# Riverton Police welcome the Policing Minister

Riverton Police Chief Constable Dana Okafor has met with Policing Minister Sam Patel to discuss town centre patrols.

Ms Okafor said:

“The minister saw how our officers work with shops and schools every day.

“We will roll out body-worn video to every neighbourhood officer next year.”

Riverton Police recorded 1,240 incidents of violent crime in Riverton in the 12 months to March.

Details of the successful community safety bids will be announced soon.

The open public meeting will be held in March (date to be confirmed).

ACTION 4: DO to share the results of the youth hackathon with partners.
"""


@pytest.fixture(scope="module")
def release_engine(tmp_path_factory):
    return one_document_assistant(tmp_path_factory, "release", "riverton-police-2024-02-01-minister.md", RELEASE, "Riverton Police welcome the Policing Minister", "Riverton Police", "press release",
                                  "2024-02-01")


@pytest.mark.slow
@pytest.mark.parametrize("question", [
    "What did the Policing Minister say about Riverton's officers?",  # Ms Okafor's words
    "Has Riverton Police started using body-worn video yet?",  # "we will roll out"
    "Which bids were awarded community safety funding?",  # "will be announced soon"
    "What is the date of the open public meeting in March?",  # "in March (date to be confirmed)"
    "What was Riverton's total recorded crime?",  # violent crime only
    "How many people took part in the youth hackathon?",  # "ACTION 4" counts nothing
])
def test_near_misses_in_a_written_document_are_refused(release_engine, question):
    answer = release_engine.ask(question)
    assert not answer.answerable, answer.text


@pytest.mark.slow
def test_the_speaker_asked_about_is_quoted(release_engine):
    answer = release_engine.ask("What did the Chief Constable say about body-worn video?")
    assert answer.answerable and "body-worn video" in answer.text, answer.text


@pytest.mark.parametrize("question, asks_date", [
    ("after the aug 2011 meeting when was the next one planned for", True),  # "when" after a lead-in
    ("What date was the panel's next meeting?", True),
    ("In the crime data fields, what date format must be used?", False),  # a format, not a date
])
def test_when_a_date_is_asked_for(question, asks_date):
    assert wants(question).date is asks_date


@pytest.mark.slow
@pytest.mark.parametrize("question, expected", [
    ("When was the meeting following the August 2011 one planned for?", "November 2011"),  # "one", "following"
    ("What date was the panel's next meeting after the February 2014 one?", "2 May 2014"),
])
def test_real_minutes_answer_the_meeting_asked_about(real_minutes, question, expected):
    answer = real_minutes.ask(question)
    assert answer.answerable and expected in answer.text, answer.text


@pytest.mark.slow
@pytest.mark.parametrize("question", [
    "Where will the panel meet on 2 May 2014?",  # only its date is given
    "How many people attended the innovation and creation weekend?",  # "ACTION 10:" counts nothing
])
def test_real_minutes_refuse_near_misses_and_say_what_the_documents_are(real_minutes, question):
    answer = real_minutes.ask(question)
    assert not answer.answerable, answer.text
    assert "Sector Panel”" in answer.text and "PDF" not in answer.text and "Word" not in answer.text, answer.text
    assert not any(c.isdigit() for c in answer.text.split("The documents hold")[-1])
