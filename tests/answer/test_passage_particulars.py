"""A meeting's particulars that minutes print as short lines, not prose: who was present, who sent apologies, who
took the minutes, who was secretary. Pinned by the question readers on plain text, by the real engine on minutes
this test writes (indexed with the real build), and on the real panel minutes."""

from __future__ import annotations

import json

import pytest

from assistant.answer import particulars
from assistant.answer.asked import asked_moment, field_label
from assistant.answer.wants import wants
from assistant.text.dates import days_dated
from assistant.text.terms import content_terms


@pytest.mark.parametrize("question, name", [
    ("Who took the minutes at the 3 August 2011 panel meeting?", "minute taker"),
    ("Who was the minute-taker?", "minute taker"),
    ("Who acted as Secretary at the 13 March 2012 meeting?", "secretary"),
    ("Which three people sent apologies to the August 2011 panel?", "apologies"),
    ("Who couldn't attend the July board?", "apologies"),
    ("Which HMCTS people were at the May 2012 meeting?", "present"),
    ("Who attended the July 2024 board for Anglia Ruskin University?", "present"),
])
def test_the_particular_asked_about_is_read_from_the_wording(question, name):
    assert particulars.asked(question).name == name


@pytest.mark.parametrize("question", [
    "What did the minutes say about the grants?",  # "minutes" names the source
    "When is the next meeting?",
    "How many people attended the showcase?",  # a count, not who
])
def test_questions_about_no_particular_are_not_read_as_one(question):
    assert particulars.asked(question) is None


def test_the_words_naming_the_meeting_are_no_topic():
    assert particulars.meeting_words("Who took the minutes at the 3 August 2011 panel meeting?") >= \
        content_terms("panel meeting")
    assert not particulars.meeting_words("Who chairs the panel?") & content_terms("chairs")


@pytest.mark.parametrize("line, venue", [
    ("LG Room 8, 102 Petty France, London SW1H 9AJ", True),
    ("Lower Ground 6, Ministry of Justice, 102 Petty France, London", True),
    ("Council Chamber, Riverton Town Hall", True),
    ("the Home Office had not provided a response to actions from the 13 March 2012 meeting", False),
])
def test_where_a_meeting_was_held_is_a_venue(line, venue):
    question = "Where was the 13 March 2012 meeting held?"
    assert wants(question).fits(line, question) is venue


def test_a_meeting_named_by_its_full_date():
    assert days_dated("Where was the 13 March 2012 Sector Panel meeting held?") == {(2012, 3, 13)}
    assert days_dated("minutes from 3rd August 2011, published 2011-09-23") == {(2011, 8, 3), (2011, 9, 23)}
    assert particulars.meeting_words("Where was the 13 March 2012 Sector Panel meeting held?") >= \
        content_terms("sector panel meeting")


MINUTES = """# Riverton Safety Panel

## Minutes of the meeting on 12 March 2025

Council Chamber, Riverton Town Hall

from 10.00am to 12:00pm

Present:

Ada Lovel, Riverton Council (Chair)
Ben Okoro, Riverton Police
Cara Diaz, Riverton Council (Secretary)
Dev Shah, Victim Support
Eve Marsh, Riverton Council (minute taker)

Apologies:

Finn Doyle, Riverton Police
Gus Hale, Fire Service

1. Welcome

The Chair welcomed everyone. The minutes of the last meeting were agreed and would be published on the website.

2. Youth diversion

Ben Okoro said that 40 young people had been referred to the diversion scheme since January.

The meeting concluded at 11:49.

## Performance summary

**Unit:** Research Team

**Contact:** Jo Reed
"""


@pytest.fixture(scope="module")
def minutes(tmp_path_factory):
    from assistant.engine import Assistant
    from assistant.store.build import build_index

    corpus = tmp_path_factory.mktemp("minutes")
    (corpus / "riverton-safety-panel-2025-03-12.md").write_text(MINUTES, encoding="utf-8")
    (corpus / "manifest.json").write_text(json.dumps({"documents": [
        {"file": "riverton-safety-panel-2025-03-12.md", "title": "Riverton Safety Panel minutes, 12 March 2025",
         "publisher": "Riverton Council", "kind": "minutes", "date": "2025-03-12"}]}), encoding="utf-8")
    index = tmp_path_factory.mktemp("minutes-index")
    build_index(corpus, index)
    return Assistant.load(index)


@pytest.mark.slow
@pytest.mark.parametrize("question, expected, absent", [
    ("Who took the minutes at the March 2025 panel meeting?", ["Eve Marsh"], ["Cara Diaz"]),
    ("Who acted as secretary at the panel?", ["Cara Diaz"], ["Eve Marsh"]),
    ("Who sent apologies to the March 2025 meeting?", ["Finn Doyle", "Gus Hale"], ["Dev Shah"]),
    ("Which Riverton Police people were present at the March 2025 meeting?", ["Ben Okoro"], ["Finn Doyle"]),
])
def test_particulars_come_from_the_block_that_records_them(minutes, question, expected, absent):
    answer = minutes.ask(question)
    assert answer.answerable and all(e in answer.text for e in expected), answer.text
    assert not any(a in answer.text for a in absent), answer.text


@pytest.mark.slow
def test_where_the_dated_meeting_was_held(minutes):
    answer = minutes.ask("Where was the 12 March 2025 panel meeting held?")
    assert answer.answerable and "Council Chamber" in answer.text, answer.text


@pytest.mark.slow
@pytest.mark.parametrize("question, expected, absent", [
    ("What time did the 12 March 2025 meeting actually finish?", "11:49", "12:00pm"),  # not the time it was set for
    ("Who is the contact for the performance summary?", "Jo Reed", "Research Team"),  # "Contact: Jo Reed"
])
def test_the_line_that_says_it(minutes, question, expected, absent):
    answer = minutes.ask(question)
    assert answer.answerable and expected in answer.text and absent not in answer.text, answer.text


@pytest.mark.parametrize("question, line, says", [
    ("What time did the meeting actually finish?", "The meeting concluded at 11:49", True),
    ("What time did the meeting actually finish?", "from 10.00am to 12:00pm", False),
    ("When did the grants process open?", "The grants process opened on 22 July 2024.", True),
])
def test_when_something_ended_or_began(question, line, says):
    assert bool(asked_moment(question).search(line)) is says


def test_a_line_that_gives_one_field_by_its_label():
    assert field_label("**Contact:** Mark Shaw".replace("*", "")) == "Contact"
    assert field_label("Production Date: November 2024") == "Production Date"
    assert field_label("The Board was advised that: the grants had closed") == ""


@pytest.mark.slow
def test_a_line_about_the_minutes_is_not_who_took_them(minutes):
    answer = minutes.ask("Who took the minutes?")
    assert "published on the website" not in answer.text, answer.text


@pytest.mark.slow
@pytest.mark.parametrize("question, expected", [
    ("Who took the minutes at the 3 August 2011 panel meeting?", ["Lucienne Edge"]),
    ("Which three people sent apologies to the August 2011 transparency panel?",
     ["Jeff Gardner", "Phil Golding", "Cass Chideock"]),
    ("Who acted as Secretary at the 13 March 2012 meeting?", ["Simon Denison"]),
    ("Which HMCTS people were at the May 2012 meeting?", ["Joc Green", "Mark Kram", "Zoe Campbell"]),
    ("Where was the 13 March 2012 Sector Panel meeting held?", ["LG Room 8"]),  # not another's "13 March" line
])
def test_real_minutes_give_their_particulars(real_minutes, question, expected):
    answer = real_minutes.ask(question)
    assert answer.answerable and all(e in answer.text for e in expected), answer.text


@pytest.mark.slow
@pytest.mark.parametrize("question, expected, absent", [
    ("Which Essex County Council councillor was present at the July 2024 meeting?", "Anthony McQuiggan", "Apologies"),
    ("Who attended the July 2024 board for Anglia Ruskin University?", "Amy Mitchell", "Mark Garratt"),
])
def test_the_repo_minutes_tell_those_present_from_apologies(engine, question, expected, absent):
    answer = engine.ask(question)
    assert answer.answerable and expected in answer.text and absent not in answer.text, answer.text
