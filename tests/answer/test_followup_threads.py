"""Follow-ups that keep the thread of a passage answer, over documents written here (none of the repo corpus's names).

The corpus is a made-up partnership board's minutes (who sent apologies and from which body, what one of them was
later asked to do, a project's span and start, when two officers present to a committee, the numbered aims of a
team, the officers of a policing area) and a made-up council's press release (what a scheme's money pays for, and
a table of its costs). Names, dates and figures come from a seeded generator; each expected answer is read from
the generator's values.

Classes: "he"/"she" is the person the last answer gave for the question, and a new thing asked of them is not
searched with the earlier question's verb; "and when does it end?" after a start, "and when did they present last
time?" after the next date; an item named by its number ("what's number three?"); "and the CCTV?" after one row of
a table; "who is going to staff it?" answered by the quote itself; "and how many in <place>?" after a quote that
names the place beside another place's figure.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass

import pytest
from generated_corpora import corpus_with, seeded_build

from assistant.answer.facts import facts_for
from assistant.answer.thread import THREAD, Thread, carry, step_in_list, unanswered
from assistant.understand.query import Query
from assistant.answer.turns import ordinal, people, person_names
from generated_corpora import coined, coined_person

SEED = 20261207
MINUTES = "harbour-board-minutes-2025-06-12.md"
RELEASE = "harbour-council-release-2025-07-01.md"
VISIT = "county-police-visit-2025-01-20.txt"
pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class Board:
    town: str
    absent: tuple[tuple[str, str], ...]  # (person, body) who sent apologies
    firm: str  # the body of the one later asked to chair a sub-group
    chair_of: str  # the sub-group that person was asked to chair
    project: str
    span: tuple[str, str]  # the project's start and end
    presented: tuple[str, str]  # when the officers last presented, and when they present next
    aims: tuple[str, ...]
    district: str
    officers: tuple[int, int]  # the policing area's officers, and the district's
    elements: tuple[tuple[str, int], ...]  # what the money pays for, and its cost
    haven_staff: str
    levels: tuple[str, ...]  # five alert levels, in order
    chief: str  # the chief constable who met the minister in the town
    minister: str
    pledge: str  # what the chief constable pledged to residents
    offences: tuple[int, int]  # the county's offences, and the year before's
    stalking: tuple[int, int]  # the district's stalking incidents the year before, and now


def make_board(rng: random.Random) -> Board:
    firm = f"{coined(rng)} {coined(rng)}"
    absent = ((coined_person(rng), f"{coined(rng)} County Council"),
              (coined_person(rng), f"{coined(rng)} City Council"),
              (coined_person(rng), f"{firm} Solicitors"), (coined_person(rng), "Probation Service"))
    kinds = ("Lighting", "Marshals", "Haven")
    return Board(town=coined(rng), absent=absent, firm=firm, chair_of=f"{coined(rng).lower()} sub-group",
                 project=f"{coined(rng)} Place Partnership",
                 span=(f"{rng.randint(2, 27)} April 2025", f"{rng.randint(2, 27)} March 2027"),
                 presented=(f"{rng.randint(2, 27)} February 2024", f"{rng.randint(2, 27)} February 2025"),
                 aims=tuple(f"{verb} {coined(rng).lower()} {noun}" for verb, noun in (
                     ("Reduce", "working"), ("Increase", "resilience"), ("Reduce", "demand"), ("Increase", "morale"))),
                 district=coined(rng), officers=(rng.randint(600, 900), rng.randint(100, 190)),
                 elements=tuple((f"{coined(rng)} {kind}", rng.randint(10, 70) * 1000 + 200) for kind in kinds),
                 haven_staff=f"{coined(rng)} Street Pastors",
                 levels=tuple(dict.fromkeys(coined(rng, 3) for _ in range(12)))[:5],
                 chief=coined_person(rng), minister=coined_person(rng),
                 pledge=f"tackling those causing the {coined(rng).lower()} harm in our communities",
                 offences=(rng.randint(15000, 19000), rng.randint(20000, 24000)),
                 stalking=(rng.randint(2000, 2500), rng.randint(3000, 3500)))


def minutes_text(board: Board) -> str:
    apologies = ", ".join(f"{person} ({body})" for person, body in board.absent[:-1])
    last_person, last_body = board.absent[-1]
    firm_person = next(person for person, body in board.absent if board.firm in body)
    start, end = board.span
    before, after = board.presented
    return "\n".join([
        f"# {board.town} Partnership Board: minutes of the meeting of 12 June 2025", "",
        "## 1. Welcome and apologies", "",
        f"Apologies were received from, {apologies}, and {last_person} ({last_body}).", "",
        "## 2. Policing update", "",
        (f"The Board was told that there were three policing areas in the county. {board.district} was included in "
         f"the north policing area which was noted to be the largest one with around {board.officers[0]} "
         f"officers. Within the {board.district} area, it was advised that there were over {board.officers[1]} "
         "officers and 10 community safety officers."), "",
        "## 3. Scrutiny", "",
        (f"The Chief Inspector and the Public Protection Manager presented to the Scrutiny Committee on {before} "
         f"as part of our statutory duties and will be presenting again on {after}."), "",
        "## 4. Any other business", "",
        (f"{firm_person} gave his congratulations via email to the new member of parliament. The Board was also "
         f"advised that {firm_person} was asked to chair a {board.chair_of} of the county nature partnership."), "",
        "## 5. Neighbourhood teams", "",
        "By working together as a neighbourhood team we aim to:", "",
        *(f"{n}. {aim}" for n, aim in enumerate(board.aims, 1)), "",
        f"## 6. {board.project} fund", "",
        "- How much can we apply for? £250,000 over 2 years",
        f"- When will the project happen? {start} - {end}",
        "- Application timeline",
        "  - STAGE 1: expression of interest 02/09/24",
        "  - STAGE 2: full application by 13/12/24 (decision 7/03/25)",
        f"  - PROJECT START: {start}", "",
        "# Alert Levels", "", "The alert level is set by the county resilience forum.", "", "## 5 levels of alert:",
        "", *(f"**{level}** - incidents are {'un' * (n < 2)}likely at level {n + 1}\n"
              for n, level in enumerate(board.levels)), ""])


def release_text(board: Board) -> str:
    (lighting, lighting_cost), (marshals, marshals_cost), (haven, haven_cost) = board.elements
    return "\n".join([
        f"# Press release: Safer Evenings scheme for {board.town} town centre", "",
        f"{board.town} town centre is to get new lighting, street marshals and a weekend haven.", "",
        "## What the money will pay for", "",
        f"- **{lighting}:** 20 new lamps along the riverside walk.",
        f"- **{marshals}:** teams of four trained marshals will patrol every Friday and Saturday night.",
        (f"- **{haven}:** a haven at the old market hall will open on Saturday nights from 10pm to 3am. It will be "
         f"staffed by {board.haven_staff} volunteers and a paid coordinator."), "",
        "## How the money is split", "",
        "| Element | Cost |", "|---|---|",
        *(f"| {element} | £{cost:,} |" for element, cost in board.elements),
        f"| **Total** | **£{lighting_cost + marshals_cost + haven_cost:,}** |", ""])


def visit_text(board: Board) -> str:
    return "\n".join([
        f"County Police Chief Constable {board.chief} has met with Home Secretary {board.minister} to discuss how "
        "the force is continuing to drive down crime across the county.",
        f"In {board.town} specifically, all crime is down by 9.2%, a reduction of 1,920 incidents.",
        (f"Across the county, {board.offences[0]:,} offences were recorded in the 12 months to March, a decrease "
         f"compared to the previous year, when there were {board.offences[1]:,}."),
        (f"One of the main factors in {board.district} was the rise in stalking, which rose by 34%, from "
         f"{board.stalking[0]:,} incidents to {board.stalking[1]:,}."),
        f"Mr {board.chief.split()[-1]} said:",
        "“The support from the public for our officers is consistent and we never take that for granted.",
        "“Our officers work at all hours of the day, often in the face of aggression.”",
        "The Chief Constable added:",
        f"“To all our residents across the county, I pledge that we will continue 2025 as we finished 2024, by "
        f"{board.pledge}.”", ""])


@pytest.fixture(scope="module")
def threads(tmp_path_factory):
    board = make_board(random.Random(SEED))
    corpus = corpus_with(tmp_path_factory.mktemp("corpus-threads"), with_real=False)
    (corpus / MINUTES).write_text(minutes_text(board))
    (corpus / RELEASE).write_text(release_text(board))
    (corpus / VISIT).write_text(visit_text(board))
    manifest = json.loads((corpus / "manifest.json").read_text())
    manifest["documents"] += [
        {"file": MINUTES, "title": f"{board.town} Partnership Board, 12 June 2025", "publisher": "District Council",
         "kind": "minutes", "date": "2025-06-12"},
        {"file": RELEASE, "title": f"Safer Evenings scheme for {board.town}", "publisher": "District Council",
         "kind": "press release", "date": "2025-07-01"},
        {"file": VISIT, "title": f"Chief Constable meets the Home Secretary in {board.town}",
         "publisher": "County Police", "kind": "news release", "date": "2025-01-20"}]
    (corpus / "manifest.json").write_text(json.dumps(manifest, indent=2))
    _, index, _ = seeded_build(tmp_path_factory, "threads", corpus, None)
    from assistant.engine import Assistant

    return Assistant.load(index), board


def _cites(answer, document: str) -> bool:
    return answer.answerable and any(c.document == document for c in answer.citations)


@pytest.mark.parametrize("text, name", [
    ("Chair: Dr Kieron O’Hara", "Kieron O’Hara"),
    ("Essex Police Chief Constable Ben-Julian Harrington has met Home Secretary James Cleverly",
     "Ben-Julian Harrington"),
    ("Councillor Martin Fenwick, Liberal Democrat member for Holmfleet North, said", "Martin Fenwick"),
])
def test_a_persons_name_is_read_without_the_titles_and_bodies_around_it(text, name):
    assert person_names(text)[0] == name


@pytest.mark.parametrize("text", ["Operation Early Dawn", "the Old Corn Exchange, Market Place",
                                  "the Office for National Statistics", "Essex County Council (Probation Service)"])
def test_a_body_a_place_or_an_operation_is_no_person(text):
    assert person_names(text) == []


def test_he_is_the_person_the_last_answer_gave_for_the_question():
    rng = random.Random(SEED + 1)
    board = make_board(rng)
    said = minutes_text(board).split("\n")[4]  # the apologies line
    firm_person = next(person for person, body in board.absent if board.firm in body)
    assert people(said, f"Who from {board.firm} sent apologies?")[0] == firm_person
    councillor = coined_person(rng)  # a quote naming no one: the question's own person
    assert people("The cafe owner welcomed the news.", f"Who is Cllr {councillor}?") == (councillor,)


@pytest.mark.parametrize("said, position", [("what's number three?", "third"), ("and no. 2?", "second"),
                                            ("the 4th one?", "fourth"), ("the third one on the list", "third"),
                                            ("what happened on the 3rd July?", ""),
                                            ("what is the number of arrests?", "")])
def test_an_item_is_named_by_its_number_as_by_its_order(said, position):
    assert ordinal(said) == position


def test_a_new_thing_asked_of_he_is_asked_of_that_person_not_with_the_earlier_verb(threads):
    engine, board = threads
    answer = engine.ask_turns([f"Who from {board.firm} sent apologies to the June board?",
                               "What sub-group has he been asked to chair?"])
    assert _cites(answer, MINUTES) and board.chair_of in answer.text, answer.text
    assert board.absent[0][0] not in answer.text, answer.text  # not the apologies line again


def test_what_he_pledged_is_what_the_person_the_last_answer_named_pledged(threads):
    engine, board = threads
    first = f"Which chief constable met Home Secretary {board.minister}?"
    assert board.chief in engine.ask(first).text
    answer = engine.ask_turns([first, "What did he pledge to residents?"])
    assert _cites(answer, VISIT) and board.pledge in answer.text, answer.text


def test_the_year_before_a_change_quoted_from_one_figure_to_another_is_the_first_figure(threads):
    engine, board = threads
    first = f"How many stalking incidents were there in {board.district}, according to the police release?"
    assert f"{board.stalking[1]:,}" in engine.ask(first).text
    answer = engine.ask_turns([first, "What about the year before?"])
    assert _cites(answer, VISIT) and f"{board.stalking[0]:,}" in answer.text, answer.text
    assert f"{board.offences[1]:,}" not in answer.text, answer.text  # not another measure's year before


def test_when_does_it_end_after_the_start_is_the_end_of_the_same_thing(threads):
    engine, board = threads
    first = f"When does the {board.project} project start?"
    assert board.span[0] in engine.ask(first).text
    answer = engine.ask_turns([first, "And when does it end?"])
    assert _cites(answer, MINUTES) and board.span[1] in answer.text, answer.text


def test_the_last_time_after_the_next_date_is_the_earlier_date_of_the_quote(threads):
    engine, board = threads
    first = ("When will the Chief Inspector and the Public Protection Manager be presenting again to the Scrutiny "
             "Committee?")
    assert board.presented[1] in engine.ask(first).text
    answer = engine.ask_turns([first, "And when did they present last time?"])
    assert _cites(answer, MINUTES) and board.presented[0] in answer.text, answer.text


@pytest.mark.parametrize("follow_up", ["What's number three?", "And the third one?"])
def test_an_item_named_by_its_number_is_that_item_of_the_last_list(threads, follow_up):
    engine, board = threads
    first = "What does the neighbourhood team aim to do?"
    assert all(aim in engine.ask(first).text for aim in board.aims)
    answer = engine.ask_turns([first, follow_up])
    assert _cites(answer, MINUTES) and board.aims[2] in answer.text, answer.text
    assert board.aims[0] not in answer.text and board.aims[3] not in answer.text, answer.text


def test_and_another_row_after_one_row_of_a_table_is_that_rows_figure(threads):
    engine, board = threads
    (lighting, lighting_cost), (marshals, marshals_cost), _ = board.elements
    first = f"How much will the {marshals} cost?"
    assert f"£{marshals_cost:,}" in engine.ask(first).text
    answer = engine.ask_turns([first, f"And the {lighting.lower()}?"])
    assert _cites(answer, RELEASE) and f"£{lighting_cost:,}" in answer.text, answer.text
    assert f"£{marshals_cost:,}" not in answer.text, answer.text


def test_a_pointing_turn_the_quote_already_answers_is_answered_from_it(threads):
    engine, board = threads
    haven = board.elements[2][0]
    first = f"Tell me about the {haven.lower()} in the Safer Evenings scheme"
    assert _cites(engine.ask(first), RELEASE)
    answer = engine.ask_turns([first, "Who is going to staff it?"])
    assert _cites(answer, RELEASE) and board.haven_staff in answer.text, answer.text


def test_and_how_many_in_a_place_the_quote_named_beside_another_figure_is_that_places_figure(threads):
    engine, board = threads
    first = "How many officers are in the north policing area?"
    assert str(board.officers[0]) in engine.ask(first).text
    answer = engine.ask_turns([first, f"And how many in {board.district}?"])
    assert _cites(answer, MINUTES) and str(board.officers[1]) in answer.text, answer.text


def test_an_item_beyond_the_quoted_list_is_read_in_the_list_the_question_asked_for(threads):
    engine, board = threads
    facts = facts_for(engine.index)
    shorter = next(i for i, s in enumerate(engine.index.sentences)  # a three-line list the first answer quoted
                   if s.document == MINUTES and facts.text(s).startswith("- How much can we apply for?"))
    earlier = Thread("List the five alert levels from the minutes", MINUTES, (shorter,))
    found = step_in_list(facts, earlier, "What does the fourth one mean?")
    assert found is not None and board.levels[3] in facts.text(engine.index.sentences[found])


@pytest.mark.parametrize("turn, kept", [("What did she pledge to residents?", False),
                                        ("What did she say about crime there?", True),
                                        ("What did she say about crime in Wexmoor?", True)])
def test_a_new_thing_asked_of_a_person_keeps_no_place_from_the_earlier_question(turn, kept):
    earlier = Thread("Which chief constable met the minister in Lowfold?", "release.txt", (3,), names=("Ann Smith",))
    context = Query(text=earlier.question, unknown_places=("Lowfold",), extra={THREAD: earlier})
    query = Query(text=turn, unknown_places=("Lowfold",), is_followup=True)  # as the table follow-up reads it
    assert bool(carry(query, context).unknown_places) == kept


def test_an_item_of_a_list_the_documents_did_not_answer_for_is_read_under_the_heading_naming_it(threads):
    engine, board = threads
    facts = facts_for(engine.index)
    question = "What are the alert levels?"  # as if refused: the thread is left in the one document heading it
    earlier = unanswered(Query(text=question), question, engine.index).extra[THREAD]
    assert earlier.document == MINUTES and not earlier.sentences
    found = step_in_list(facts, earlier, "What's the fourth one?")
    assert found is not None and board.levels[3] in facts.text(engine.index.sentences[found])
    assert unanswered(Query(text="What are the parking fines?"), "What are the parking fines?",
                      engine.index).extra[THREAD].document == ""  # no heading names them
