"""The line that holds the kind of fact asked for, among lines on the same topic, is the answer:

- a place for "where was it held?" may be a named place the event was put at ("organised by the council at
  Brenmoor College, Ashlow"), not only a room or a hall, and beats a line near it naming a centre for something else;
- "what proportion of members who responded ...?" asks for a rate: the "who" only says which members;
- "what's the name of the programme?" is answered by a line that defines a name ("LANTERN is a ... programme");
- words that frame the date or person asked for ("until what year does it run?", "when did works get under way?",
  "who is in charge of the teams?") are no topic the answer must repeat ("began on", "leads"), and a heading that
  gives the span ("Arts Vision 2024 - 2034") answers for the lines under it.
Each rule is pinned on plain text, and the real engine answers from a report this test writes (indexed for real).
"""

from __future__ import annotations

import pytest

from assistant.answer.wants import names_venue, wants
from generated_corpora import one_document_assistant

REPORT = """# Ashlow Partnership Board: update report

## Economy and skills

Ines Varga, Skills Manager at Ashlow Borough Council, presented an update on the Shared Prosperity Fund. There was \
also an update regarding the recent Harvest Fair that was organised by Ashlow Borough Council at Brenmoor College, \
Tollworth.

Pia Lund thanked Ines for the presentation and for the Harvest Fair. She also asked whether the proposed new \
co-working hub in the Civic Centre would be suitable for community groups.

## Health

- The Medical Union balloted its members on a series of actions about safe working.
- This ballot gained strong support from union members – 91.4% of respondents voting yes and over 60% of members \
taking part.
- Members are encouraged to limit daily appointments to a safe number.

## Arts

A survey of arts groups is under way.

Working with young people, the newly formed Creative Forum will build a model others can follow.

LANTERN is a young creative leaders programme aimed at changing how the borough decides on its arts.

# Ashlow's Arts Vision 2024 - 2034

Ashlow is known as a creative place that joins its heritage of craft and trade with a lively future.

## Neighbourhood policing

Inspector Mara Quill leads the Fenby and Oldcastle teams and Inspector Rob Tate leads the Ashlow Town teams.

The teams held twelve street surgeries over the summer, and the surgeries will run each year until the review.

## Station works

Jon Reed reported that works at Ashlow station began on 12 May 2025.

The new lighting is expected to be working by the end of July 2025.
"""


@pytest.mark.parametrize("question, person", [
    ("What proportion of union members who responded voted for the action?", False),  # which members
    ("How many officers are there, and who leads them?", True),  # a clause that asks who
    ("Who chaired it?", True),
])
def test_a_who_after_the_people_counted_asks_for_no_person(question, person):
    assert wants(question).person is person


@pytest.mark.parametrize("text, venue", [
    ("The fair was organised by the council at Brenmoor College, Tollworth.", True),
    ("The event was held at 7pm.", False),
    ("It was held at Easter.", False),
    ("The meeting was held in the Marconi Room.", True),
])
def test_an_event_put_at_a_named_place_names_its_venue(text, venue):
    assert names_venue(text) is venue


@pytest.mark.parametrize("text, named", [
    ("LANTERN is a young creative leaders programme aimed at change.", True),
    ("The programme is a young creative leaders programme.", False),
    ("It is a young creative leaders programme.", False),
    ("A young creative leaders scheme called Bright Lights.", True),
])
def test_a_line_that_defines_a_name_gives_the_name_asked_for(text, named):
    question = "What's the name of the young creative leaders programme?"
    assert wants(question).fits(text, question) is named


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return one_document_assistant(tmp_path_factory, "ashlow-kinds", "ashlow-board-update-2025.md", REPORT,
                                  "Ashlow Partnership Board: update report", "Ashlow Borough Council",
                                  "board report", "2025-09-10")


@pytest.mark.slow
@pytest.mark.parametrize("question, expected", [
    ("Where was the Harvest Fair held?", "Brenmoor College"),
    ("What proportion of union members who responded voted for the action?", "91.4%"),
    ("What's the name of the young creative leaders programme?", "LANTERN"),
    ("Until what year does Ashlow's Arts Vision run?", "2034"),
    ("Which inspector is in charge of the Fenby and Oldcastle teams?", "Mara Quill"),
    ("When did works at Ashlow station get under way?", "12 May 2025"),
])
def test_the_line_holding_the_asked_kind_is_quoted(report, question, expected):
    answer = report.ask(question)
    assert answer.answerable, answer.text
    assert expected in answer.text, answer.text
