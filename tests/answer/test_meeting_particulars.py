"""Classes of passage failure on meeting papers: a meeting's particulars (date, time, venue) under its name,
the agenda against older minutes in the same pack, people named on short lines that embed poorly, words the
stemmer leaves apart, and sources named plainly ("unknown" publishers and bare file formats left unsaid).
Each class is pinned by a rule on plain data and by the real model and index on a real or generated corpus."""

from __future__ import annotations

import json
import re

import pytest

from assistant.answer.asking import joined
from assistant.answer.compose import _kinds_in_words
from assistant.answer.wants import HAS_TIME, names_venue, wants
from assistant.text.dates import asked_months, dated_months, days_in, month_names
from assistant.ingest.chunking import chunk_document
from assistant.records import Document, Section
from assistant.text.terms import content_terms

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


@pytest.mark.parametrize("day", [1, 5, 12, 28])
@pytest.mark.parametrize("month", range(1, 13))
def test_a_short_date_is_never_a_time_and_a_clock_time_always_is(day, month):
    assert not HAS_TIME.search(f"One Chelmsford {day}.{month}.24")
    assert HAS_TIME.search(f"from {month}:{day:02d} to {month}.{day:02d}pm")


@pytest.mark.parametrize("month", MONTHS)
def test_the_month_a_question_names_is_the_month_a_line_dates(month):
    assert asked_months(f"what did the {month} board agree") == {month[:3].casefold()}
    if month != "May":  # "may" in lower case is the verb
        assert asked_months(f"what did the {month.lower()} board agree") == {month[:3].casefold()}
    assert dated_months(f"Minutes of the meeting held on 26th {month} 2024") == {month[:3].casefold()}
    assert month_names({month[:3].casefold()}) == month  # a message names the month, never "oct"
    assert days_in(f"Who chaired the meeting on 14 {month} 2013?") >= {"14"}


def test_may_the_verb_is_no_month():
    assert asked_months("May I ask who it may concern?") == set()


@pytest.mark.parametrize("line, venue", [
    ("Marconi Room, Civic Centre, Duke Street, Chelmsford", True),
    ("LG Room 5, 102 Petty France, London SW1H 9AJ", True),
    ("Operation Henderson was delivered at Chelmsford bus and rail station in April 2024", True),
    ("6. Fire and Rescue Update  Nick Singleton, Station Manager, Chelmsford Fire Station", False),  # a workplace
    ("Crucial Crew was delivered with workshops on building resilience", False),
])
def test_a_venue_is_where_something_is_held_not_where_someone_works(line, venue):
    assert names_venue(line) is venue


@pytest.mark.parametrize("question, change", [
    ("who runs the youth club and up to what age", False),
    ("Who is down to give the fire update?", False),
    ("How often do neighbourhood drop-ins run?", False),
    ("Which neighbourhood team does Writtle fall under?", False),
    ("Did crime fall in Chelmsford?", True),
    ("Was there a drop in burglary?", True),
    ("How much did crime go up?", True),
])
def test_up_to_and_down_to_ask_about_no_change(question, change):
    assert wants(question).change is change


@pytest.mark.parametrize("question, name", [
    ("whats the name of the local response to the prison capacity problem", True),
    ("What is the new unit called?", True),
    ("What share of the public think Essex Police does a good job?", False),
])
def test_a_name_is_asked_for_and_a_good_job_is_no_job_title(question, name):
    asked = wants(question)
    assert asked.name is name
    assert not asked.role


@pytest.mark.parametrize("first, second", [
    ("won", "win"), ("Production", "produced"), ("Attendees", "attended"), ("drop-ins", "drop-in sessions"),
])
def test_forms_of_one_word_fold_together(first, second):
    assert content_terms(first) & content_terms(second)


def test_a_fall_is_still_a_fall_when_it_is_a_drop_in_something():
    assert content_terms("a drop in antisocial behaviour") == content_terms("a decrease in antisocial behaviour")


def test_kinds_that_only_name_a_format_are_gathered_and_other_kinds_kept():
    assert _kinds_in_words(["PDF document", "Word document", "markdown document"]) == \
        "PDF, Word and markdown documents"
    assert _kinds_in_words(["board agenda pack", "news article"]) == "board agenda pack, news article"


def test_a_documents_opening_lines_read_as_bare_headings_are_one_passage():
    text = "Sector Panel\n\n15 May 2012\n\nRoom 5, 1 High Street\n\nAttendees\n\nJane Doe – Chair\n"
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    sections = tuple(Section(path=tuple(text[a:b] for a, b in spans[:k + 1]), start=spans[k][1] + 1,
                             end=spans[k][1] + 2) for k in range(3))
    sections += (Section(path=(text[slice(*spans[0])], "Attendees"), start=spans[4][0], end=len(text)),)
    doc = Document(id="panel.md", title="Sector Panel", publisher="unknown", date="", kind="", path="",
                   text=text, sections=sections)
    chunks = chunk_document(doc)
    assert [c.text for c in chunks][0] == "Sector Panel\n\n15 May 2012\n\nRoom 5, 1 High Street"
    assert [text[a:b] for a, b in chunks[0].sentences] == ["Sector Panel", "15 May 2012", "Room 5, 1 High Street"]
    assert all(text[c.start:c.end] == c.text for c in chunks)


def test_two_words_are_joined_only_where_the_passages_write_them_as_one(engine):
    assert "roundtable" in joined("When was the first VAWG round table meeting?", engine.index)
    assert "data set" in joined("What will the next Minerva data set look at?", engine.index)  # printed apart too


@pytest.mark.parametrize("question, expected", [
    ("Where is the One Chelmsford board meeting on 5 December 2024 being held?", "Marconi Room"),
    ("what time does the december one chelmsford board start and finish", "9:00 to 10:50"),
    ("Who presents the Community Safety Update (agenda item 8)?", "Spencer Clarke"),
    ("who is claire gevaux", "Culture Chelmsford"),
    ("What does Marc De'ath do at the council?", "Culture Services Manager"),
    ("when did marie goldman win the election", "4th July 2024"),
    ("When was the first VAWG round table meeting?", "27 November 2024"),
    ("whats the name of the local response to the prison capacity problem", "Operation Drakeful"),
    ("who runs the friday night youth club in chelmsford city centre", "YMCA"),
    ("When is the annual partnership update meeting with the PFCC?", "10 January 2025"),
    ("Tell me about Operation Dial in Chelmsford in 23/24", "Operation Dial"),  # "me", "about" are no topic
    # "Essex Police performance figures" name the force, not a place other than Chelmsford
    ("How much did all crime fall in Chelmsford in the year to 31 October 2024 according to the community "
     "safety report?", "31 October 2024"),
])
def test_particulars_names_and_meetings_are_answered(engine, question, expected):
    answer = engine.ask(question)
    assert answer.answerable and expected in answer.text, answer.text


def test_a_follow_up_naming_a_new_crime_type_finds_its_own_figure(engine):
    answer = engine.ask_turns(["How much did all crime fall in Chelmsford in the year to 31 October 2024 according "
                               "to the community safety report?", "And anti-social behaviour?"])
    assert answer.answerable and "8.7%" in answer.text, answer.text


@pytest.mark.parametrize("question", [
    "Did Chelmsford win the ACE Place Partnership funding?",  # "won the election" is no answer
    "Did Essex achieve the PFCC's further 40% reduction in crime?",  # "met with the Home Secretary" is none
])
def test_an_outcome_is_not_read_into_a_line_about_something_else(engine, question):
    assert not engine.ask(question).answerable


def test_a_word_no_document_uses_is_named_plainly(engine):
    answer = engine.ask("How many PCSOs work in Harlow?")
    assert not answer.answerable and "never mention PCSOs" in answer.text


MINUTES = """# Crime Sector Panel

## 15 May 2012

## LG Room 5, 102 Petty France, London

## Attendees

Dr Ann Green – Chair

Bob White, Ministry of Justice (minute taker)

## Apologies

Carol Black, Victim Support

## 1. Welcome

Ann Green welcomed attendees and brief introductions were given. The panel agreed to publish its minutes.
"""


@pytest.fixture(scope="module")
def minutes_engine(tmp_path_factory):
    """A generated corpus of one set of minutes whose particulars a reader took for headings, with no
    publisher and no kind in its manifest, as real minutes often come."""
    from assistant.engine import Assistant
    from assistant.store.build import build_index

    corpus = tmp_path_factory.mktemp("minutes")
    (corpus / "panel-minutes-15-may-2012-meeting.md").write_text(MINUTES, encoding="utf-8")
    (corpus / "manifest.json").write_text(json.dumps({"documents": []}), encoding="utf-8")
    index = tmp_path_factory.mktemp("minutes-index")
    build_index(corpus, index)
    return Assistant.load(index)


@pytest.mark.parametrize("question, expected", [
    ("Where was the panel meeting of 15 May 2012 held?", "LG Room 5"),
    ("Who chaired the meeting on 15 May 2012?", "Ann Green"),
    ("Who took the minutes at the 15 May 2012 meeting?", "Bob White"),
])
def test_minutes_are_answered_from_their_particulars_and_lists(minutes_engine, question, expected):
    answer = minutes_engine.ask(question)
    assert answer.answerable and expected in answer.text, answer.text
    assert "unknown" not in answer.text


def test_a_refusal_names_documents_without_a_kind_by_their_titles_not_their_format(minutes_engine):
    answer = minutes_engine.ask("What is the capital of France?")
    assert not answer.answerable
    assert "“Crime Sector Panel”" in answer.text and "markdown" not in answer.text, answer.text
