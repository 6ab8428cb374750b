"""Who holds which post, who came, who sent apologies and who stood in, for the body and the meeting asked about.

Pinned by the question readers on plain text and by the real engine over an agenda pack and the next meeting's
minutes this test writes (another council, coined names): the date a question gives the meeting picks the
document; a substitute is read from "(X will attend as substitute)" and "(substitute for Y)"; a form's blank
("Chair: ......") names no one; a post of a part of a body ("leader of the Green group on the council") or of
another body a list of members prints beside its own name is no answer.
"""

from __future__ import annotations

import json
import random

import pytest

from assistant.answer import particulars, posts
from generated_corpora import coined, coined_person

RNG = random.Random(20261207)
TOWN = coined(RNG, 3)
COUNCIL = f"{TOWN} District Council"
BOARD = f"{coined(RNG)} {TOWN} Safety Board"
PORT = f"{TOWN} Port Authority"  # another body, printed by its own name
CHAIR, VICE, OFFICER, HARBOUR, DOCTOR, SUB, PROBATION, DEPUTY, GROUP_LEADER = (coined_person(RNG) for _ in range(9))
TITLE = "Community Safety Team Leader"

AGENDA = f"""{COUNCIL}

{BOARD}

Agenda pack

Date: Tuesday 14 July 2026

Membership

Member\tOrganisation\tRole
Councillor {CHAIR} (Chair)\tOrganisation: {COUNCIL}\tRole: Cabinet Member for Communities
Superintendent {VICE} (Vice-Chair)\tOrganisation: Police\tRole: Area Commander
{OFFICER}\tOrganisation: {COUNCIL}\tRole: {TITLE}
Captain {HARBOUR}\tOrganisation: {PORT}\tRole: Harbour Master
Dr {DOCTOR}\tOrganisation: County Council\tRole: Consultant in Public Health
{PROBATION}\tOrganisation: Probation Service\tRole: Head of Delivery

Apologies received

• Dr {DOCTOR}, Consultant in Public Health ({SUB}, Public Health Practitioner, will attend as substitute)

• {PROBATION}, Head of Delivery

Agenda

1. Welcome and apologies for absence

2. Partnership plan 2026/27 ({OFFICER})

Item 2. Partnership plan 2026/27

Report of {OFFICER}, {TITLE}

The partnership plan sets out the work of partners between July and September on the seafront and in the town.
"""

MINUTES = f"""{COUNCIL}

{BOARD}

Minutes of the meeting held on Thursday 15 October 2026 at 10.00am in the Council Chamber

Present

Councillor {CHAIR} (Chair), {COUNCIL}

Superintendent {VICE} (Vice-Chair), Police

{OFFICER}, {TITLE}

{DEPUTY}, Deputy Harbour Master, {PORT} (substitute for Captain {HARBOUR})

1. Apologies for absence

Apologies were received from Captain {HARBOUR} (Harbour Master) and Dr {DOCTOR} (Consultant in Public Health).

2. Partnership plan

The board noted the summer plan had ended and agreed a winter plan for the town centre.

Chair: ............................................ Date: ....................
"""

NEWS = f"""{TOWN} Gazette

Residents call for more patrols

Councillor {GROUP_LEADER}, leader of the Green group on {COUNCIL}, said the town needed more officers on patrol.
"""


@pytest.fixture(scope="module")
def board(tmp_path_factory):
    from assistant.engine import Assistant
    from assistant.store.build import build_index

    corpus = tmp_path_factory.mktemp("people-board")
    documents = [("board-agenda-2026-07-14.md", AGENDA, f"{BOARD} agenda pack", COUNCIL, "agenda", "2026-07-14"),
                 ("board-minutes-2026-10-15.md", MINUTES, f"{BOARD} minutes", COUNCIL, "minutes", "2026-10-15"),
                 ("gazette-2026-10-20.md", NEWS, "Residents call for more patrols", f"{TOWN} Gazette", "news",
                  "2026-10-20")]
    for file, text, *_ in documents:
        (corpus / file).write_text(text, encoding="utf-8")
    (corpus / "manifest.json").write_text(json.dumps({"documents": [
        {"file": file, "title": title, "publisher": publisher, "kind": kind, "date": date}
        for file, _, title, publisher, kind, date in documents]}), encoding="utf-8")
    index = tmp_path_factory.mktemp("people-board-index")
    build_index(corpus, index)
    return Assistant.load(index)


@pytest.mark.parametrize("question, name", [
    ("who is subbing for Dr Lee at the july meeting", "substitute"),
    ("Who is deputising for the public health member at the May meeting?", "substitute"),
    ("Who stood in for the Probation Service at the April board?", "substitute"),
    ("who came for the port authority at the october meeting", "present"),
    ("Who sits on the board for the harbour?", "members"),
    ("who chairs the safety board?", "chair"),
    ("who is vice chair of the port authority", "vice-chair"),
    ("who's the leader of the district council?", "leader"),
])
def test_the_particular_asked_about(question, name):
    assert particulars.asked(question).name == name


@pytest.mark.parametrize("question", [
    "Which area represents the largest share of offences?",  # no one asked about
    "What does the figure represent?",
    "How many people sit on the board?",
])
def test_questions_asking_no_one_are_no_particular(question):
    particular = particulars.asked(question)
    assert particular is None or particular.name != "members"


@pytest.mark.parametrize("question, person", [
    ("whats jo reed's job title", "jo reed"),
    ("What is Lee Carver's role?", "Lee Carver"),
    ("What's Amy Rudd's job title at the council?", "Amy Rudd"),
    ("spencer clarke is down on the dec agenda under what job title", "spencer clarke"),
])
def test_a_job_title_question_names_whose(question, person):
    particular = particulars.asked(question)
    assert particular is not None and particular.post is not None and person in particular.name


@pytest.mark.parametrize("question, months", [
    ("Who sent apologies for the 14 July 2026 board meeting?", {(2026, 7)}),  # a meeting's date, not a period's end
    ("who is on the dec agenda", {(0, 12)}),  # a month's short name
    ("How many offences were there in the 12 months to 30 June 2026?", set()),  # a period's end
])
def test_the_date_that_names_a_meeting_or_document(question, months):
    assert particulars.source_dates(question) == months


@pytest.mark.parametrize("line, filled", [
    ("Chair: ............................................ Date: ....................", False),
    ("Chair: ____________", False),
    ("Councillor Ada Lovel (Chair), Riverton Council", True),
    ("Cllr Ben Okoro in the chair", True),
])
def test_a_forms_blank_records_no_chair(line, filled):
    assert posts.records(posts.asked("who chairs the panel?"), line) is filled


def test_a_vice_chair_is_not_the_chair():
    chair, vice = posts.asked("who chairs the panel?"), posts.asked("who is the vice chair of the panel?")
    line = "Superintendent Ada Lovel (Vice-Chair), Police"
    assert not posts.records(chair, line) and posts.records(vice, line)


@pytest.mark.slow
@pytest.mark.parametrize("question, expected, absent", [
    ("Who sent apologies for the 14 July 2026 board meeting?", [DOCTOR, PROBATION], [HARBOUR]),
    ("who is subbing for Dr {doctor} at the july meeting", [SUB], []),
    ("who came for the port authority at the october meeting", [DEPUTY], [CHAIR]),
    ("Who sits on the board for the port authority?", [HARBOUR], [DEPUTY]),
    ("who chairs the {board}?", [CHAIR], ["....."]),
    ("whats {officer}'s job title", [TITLE], []),
])
def test_who_came_and_who_holds_a_post(board, question, expected, absent):
    question = question.format(doctor=DOCTOR.split()[-1], board=BOARD.casefold(), officer=OFFICER.casefold())
    answer = board.ask(question)
    assert answer.answerable and all(e in answer.text for e in expected), answer.text
    assert not any(a in answer.text for a in absent), answer.text


@pytest.mark.slow
@pytest.mark.parametrize("question, absent", [
    (f"who is the leader of {COUNCIL.casefold()}", GROUP_LEADER),  # the leader of a group on it
    (f"who is vice chair of {PORT.casefold()}", VICE),  # the board's vice-chair, whose list prints the port's name
])
def test_a_post_of_a_part_or_of_another_body_is_no_answer(board, question, absent):
    answer = board.ask(question)
    assert absent not in answer.text, answer.text
