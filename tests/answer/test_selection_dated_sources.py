"""The right document, the wrong sentence: a question that names its source by date, and one that asks how often
two things happen.

- "according to the January 2026 board pack": 2026 says which document, not what year the figure is for, so the
  pack's own report ("52 members have now joined, up from 38 in October 2025") is not refused as a 2025 figure,
  and it is preferred to the last meeting's minutes the pack reproduces (a heading "Held on 2 October 2025");
- "according to the April 2026 minutes": a line from another document is never quoted for it;
- "the performance summary to September 2026": a period the document covers, not its date;
- "how often do the drop-ins and the forums take place?": "take place" frames the frequency asked, so the
  forums' own line ("bi-monthly forums ...") answers the second part;
- "how long would it run for and between which dates?": two parts, the second asking for dates, whose words
  ("between") frame the span asked for: the line "would run for six weeks from ... to ..." answers both, not
  an action log's row with a due date;
- "..., and how much of it went on Year 1 projects?": money spent, and the line naming Year 1 over the one on the
  whole programme; "how many areas are there in Essex, and which one covers Harlow?": each part is about the
  place it names; "how many were in post?" asks a number of people, not a job title;
- "which two areas does it cover in 24/25, and how much is each site worth?": the line introducing two zones,
  not a line on 23/24 beside one on 24/25, nor the "Areas for Improvement" rows of a table far off in meaning;
- "what was the Operation X allocation for the zone?": the thing asked is the allocation; the scheme's name is a
  topic its passage holds, not a word the line itself must print (rule only); "what is the police target ...?" is
  answered by what is to be done ("Reduce shoplifting by 10% by March 2027"), which seldom says "target".

The engine runs on documents a seeded generator writes: names, dates and figures are the generator's.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass

import pytest

from assistant.answer.asked import asked_thing, introduces_list, part_topic, parts
from assistant.answer.facts import facts_for
from assistant.answer.judge import MIN_DENSE, Judge
from assistant.answer.particulars import source_dates
from assistant.answer.nearmiss import Window, thing_unsaid
from assistant.answer.wants import wants
from assistant.text.terms import content_terms
from assistant.understand.question import parse
from generated_corpora import coined, coined_person

SEED = 20261207


# --- rules on plain data -------------------------------------------------------------------------------------

@pytest.mark.parametrize("question, dates", [
    ("How many members had joined according to the January 2026 board pack?", {(2026, 1)}),
    ("According to the October 2026 minutes, what interest did the chair declare?", {(2026, 10)}),
    ("In the police update in the March 2025 board papers, by what percentage did crime rise?", {(2025, 3)}),
    ("According to the minutes of 23 April 2026 reproduced in the agenda pack, where was it held?", {(2026, 4)}),
    ("When were the figures in the performance summary to September 2026 extracted?", set()),  # a period
    ("How many burglaries were there in January 2026?", set()),  # the figures' own month
])
def test_a_date_beside_a_document_word_dates_the_source(question, dates):
    assert source_dates(question) == dates


@pytest.mark.parametrize("question, second", [
    ("How long would the consultation run for and between which dates?", "between which dates"),
    ("Which ward saw the rise, and in which month?", "in which month"),
    ("Who chairs the board and from which organisation?", "from which organisation"),
])
def test_a_part_may_open_with_a_preposition(question, second):
    assert parts(question)[-1] == second


@pytest.mark.parametrize("question, date", [
    ("between which dates", True),
    ("On what dates did the patrols run?", True),
    ("What date format is used?", False),
])
def test_which_dates_asks_for_dates(question, date):
    assert wants(question).date is date


# --- the engine on an invented partnership -------------------------------------------------------------------

@dataclass(frozen=True)
class Board:
    area: str
    scheme: str
    before: int
    now: int
    drop_ins: str
    forums: str
    order: str
    station: str
    fund: str
    total: int
    year_one: int
    joined: int
    pledged: int
    operation: str
    zones: tuple[str, str]
    per_site: str
    cut: int
    files: dict[str, str]


def make_board(rng: random.Random) -> Board:
    area, scheme = coined(rng), f"{coined(rng)}watch"
    before = rng.randint(20, 40)
    now = before + rng.randint(5, 20)
    lead, member = coined_person(rng), coined_person(rng)
    drop_ins, forums = f"{coined(rng)} Drop-ins", f"{coined(rng)} Forums"
    order, station = f"{coined(rng)} PSPO", f"{coined(rng)} bus station"
    fund, total = f"{coined(rng)} Prosperity Fund", rng.randint(3, 6) * 100
    year_one = total // 4
    pledged = rng.randint(16, 30)
    joined = pledged - rng.randint(3, 8)
    operation, zones = f"Operation {coined(rng)}", (f"{coined(rng)} Avenue", f"{coined(rng)} Park")
    per_site = f"£{rng.randint(15, 30)},{rng.randint(100, 999)}"
    cut = rng.randint(5, 15)
    zone_money = f"£{rng.randint(31, 60)},{rng.randint(100, 999)}"
    rows = "\n".join(f"| {coined(rng)} {kind} | Assessment: Met | Areas for Improvement: To continue to deliver the "
                     f"{coined(rng)} model |" for kind in ("Programme", "Pathway", "Plan", "Process"))
    pack = f"""# Safer {area} Partnership Board, 15 January 2026: agenda pack

## Item 3: Minutes of the Safer {area} Partnership Board

Held on Thursday 2 October 2025 at 2.00pm, Committee Room 2, {area} Civic Centre

### 5. {scheme}

{lead} reported that {before} retailers had joined {scheme}, the radio-linked retail crime scheme. {member} asked
that smaller shops be encouraged to join.

## Item 5: {scheme} - progress report

Report of {lead}, Community Safety Manager

### Background

- {scheme} was launched on 3 March 2025 and is still growing.
- Members share images of known offenders through a shared radio channel, which is why retailers asked for it.

### Progress since October

- {now} retailers have now joined, up from {before} in October 2025.
- {rng.randint(5, 15)} exclusion notices have been issued to repeat shoplifters.

## Item 4: Action log

| Ref | Action | Owner | Due date | Status |
|---|---|---|---|---|
| A26/05 | Action: Prepare draft {order} consultation | Owner: {coined_person(rng)} | Due date: 15 January 2026 | Status: Complete - see item 7 |
| A26/06 | Action: Publish the partnership plan | Owner: {coined_person(rng)} | Due date: 31 March 2026 | Status: Open |
| A26/07 | Action: Report back on CCTV upgrade at {station} | Owner: {coined_person(rng)} | Due date: 15 January 2026 | Status: In progress - installation now expected March 2026 |

## Item 7: Proposed {order} - consultation

### Consultation

The consultation would run for six weeks from 2 February to 16 March 2026, online and at {area} library.

### Recommendation

That the Board supports the launch of the consultation on 2 February 2026.

## Item 8: Neighbourhood working

How do we achieve this?

- {drop_ins} - weekly sessions for each neighbourhood that support quick problem solving
- {forums} - bi-monthly forums which focus on relationship maintenance and information sharing
- {coined(rng)} Handbook - a digital resource with a contacts directory across the neighbourhood teams
"""
    minutes = f"""# Safer {area} Partnership Board

Minutes of the meeting held on 16 April 2026

## 1. Apologies

Apologies were received from {coined_person(rng)}.

## 2. Youth diversion

{coined_person(rng)} reported that {rng.randint(40, 90)} young people had been referred to the diversion scheme.

## 3. Action log

- A26/07 (CCTV at {station}): {coined_person(rng)} reported a further delay.
The contractor now expects to complete installation in June 2026, rather than March 2026 as reported in January.

## 4. Date of next meeting

The next meeting will take place on 9 July 2026.
"""
    # another partnership's minutes, in a county and district the vocabulary knows (a paragraph is one line)
    other = f"""# Harlow Community Safety Partnership

Minutes of the meeting held on 3 December 2025

## 1. {fund}

There was also an update regarding the {fund}, a complementary fund targeted to support rural businesses. This was a two-year funding programme and the allocated funding for the project was £{total}k. A funding of £{year_one}k was used to deliver projects for Year 1. They were also advised of the three-year programme which was used to deliver three investment priorities.

## 2. Update from Essex Police

The Board was informed that there were three local policing areas in Essex, north, east and west. Each is led by a chief superintendent. Harlow was included in the west policing area, the largest one with around 900 officers.

## 3. {operation}

Last year (23/24) Essex was chosen as one of the forces to take part in the hotspot pilot ({operation}). Ten zones across Essex were identified with one being in Harlow. This zone has benefitted from additional patrols with an allocation of {zone_money}. Harlow has benefitted from funding again in 24/25 in a different format covering two zones: {zones[0]} and {zones[1]}. Each area will receive 208 funded patrol hours, this equates to {per_site} per site. Essex will receive £1.6 million for {operation} in 2024/25. There was an opportunity to bid for funds associated with {operation} (23/24) and officers won £12,500 to upgrade cameras.

## 4. Benchmarking

| Benchmark | Assessment | Areas for Improvement |
|---|---|---|
{rows}

## 5. Retail crime

In the 12 months to November 2025, {rng.randint(400, 700)} shoplifting offences were recorded in Harlow town centre. Most offences involve repeat offenders targeting supermarkets and chemists on {coined(rng)} Street.

## 6. Priorities for 2026/27

- Reduce shoplifting in Harlow town centre by {cut}% by March 2027.
- Recruit more volunteers to the neighbourhood watch scheme.

## 7. Neighbourhood officers

The Commissioner pledged {pledged} additional neighbourhood officers for Harlow. By 16 November 2025, {joined} of the {pledged} additional officers were in post. The remaining {pledged - joined} are expected to join by the end of June 2026, after the spring intake completes its training.
"""
    slug = area.casefold()
    return Board(area, scheme, before, now, drop_ins, forums, order, station, fund, total, year_one, joined, pledged,
                 operation, zones, per_site, cut, {
        f"{slug}-board-2026-01-15-pack.md": pack, f"{slug}-board-2026-04-16-minutes.md": minutes,
        "harlow-csp-2025-12-03-minutes.md": other})


@pytest.fixture(scope="module")
def board(tmp_path_factory):
    from assistant.engine import Assistant
    from assistant.store.build import build_index

    made = make_board(random.Random(SEED))
    corpus = tmp_path_factory.mktemp("dated-sources")
    entries = []
    for file, text in made.files.items():
        (corpus / file).write_text(text, encoding="utf-8")
        date = "-".join(file.split("-")[-4:-1])
        entries.append({"file": file, "title": text.splitlines()[0].lstrip("# "),
                        "publisher": f"{made.area} Borough Council", "kind": "council document", "date": date})
    (corpus / "manifest.json").write_text(json.dumps({"documents": entries}), encoding="utf-8")
    index = tmp_path_factory.mktemp("dated-sources-index")
    build_index(corpus, index)
    return Assistant.load(index), made


def test_a_dated_pack_gives_its_own_figure_not_the_minutes_it_reproduces(board):
    engine, made = board
    answer = engine.ask(f"How many retailers had joined {made.scheme} according to the January 2026 board pack?")
    assert answer.answerable and str(made.now) in answer.text


def test_a_dated_source_is_never_answered_from_another_document(board):
    engine, made = board
    answer = engine.ask(f"According to the April 2026 minutes, how many retailers had joined {made.scheme}?")
    assert str(made.now) not in answer.text and str(made.before) not in answer.text


def test_how_often_two_things_take_place_is_answered_for_both(board):
    engine, made = board
    answer = engine.ask(f"How often do the {made.drop_ins} and {made.forums} take place?")
    assert answer.answerable and "weekly" in answer.text and "bi-monthly" in answer.text


def test_how_long_and_between_which_dates_is_answered_by_the_span(board):
    engine, made = board
    answer = engine.ask(f"How long would the {made.order} consultation run for and between which dates?")
    assert answer.answerable and "six weeks" in answer.text and "16 March" in answer.text


def test_a_part_about_a_stage_is_answered_by_the_line_naming_it(board):
    engine, made = board
    answer = engine.ask(f"What was the total {made.fund} allocation, and how much of it went on Year 1 projects?")
    assert answer.answerable and f"£{made.total}k" in answer.text and f"£{made.year_one}k" in answer.text


def test_each_part_is_about_the_places_it_names(board):
    engine, made = board
    question = "How many local policing areas are there in Essex, and which one covers Harlow?"
    query, facts = parse(question), facts_for(engine.index)
    first, second = (Judge(part, query, engine.index, facts, topic_from=part_topic(part, parts(question), question))
                     for part in parts(question))
    assert first.places == ("Essex",) and second.places == ("Harlow",)
    answer = engine.ask(question)
    assert answer.answerable and "three local policing areas" in answer.text and "west policing area" in answer.text


def test_a_target_is_the_line_saying_what_is_to_be_done(board):
    engine, made = board
    answer = engine.ask("What is the police target for cutting shoplifting in Harlow town centre, and by when?")
    assert answer.answerable and f"{made.cut}%" in answer.text and "March 2027" in answer.text


def test_in_post_counts_people_not_a_post(board):
    engine, made = board
    answer = engine.ask(f"How many of the {made.pledged} additional officers were in post?")
    assert answer.answerable and f"{made.joined} of" in answer.text


def test_which_two_areas_is_the_line_introducing_two_in_the_year_asked(board):
    engine, made = board
    answer = engine.ask(f"Which two areas does {made.operation} cover in 24/25, and how much is each site worth?")
    assert answer.answerable and all(zone in answer.text for zone in made.zones) and made.per_site in answer.text


def test_a_line_on_another_financial_year_is_not_quoted_for_its_neighbours_year(board):
    engine, made = board
    answer = engine.ask(f"How much did officers win to upgrade cameras under {made.operation} in 24/25?")
    assert "£12,500" not in answer.text


@pytest.mark.parametrize("text, size, noun, introduces", [
    ("Funding again in 24/25 covering two zones: North Avenue and Parkway.", 2, "", True),
    ("Funding again in 24/25 covering two zones: North Avenue and Parkway.", 2, "zones", True),
    ("The strategy is made up of 4 different areas:", 4, "areas", True),
    ("Consultation for two locations: Central Park and the village", 2, "schools", False),  # of other things
    ("covering two zones: North Avenue and Parkway.", 3, "", False),
    ("The two zones were busier than last year.", 2, "", False),
])
def test_a_line_introduces_a_list_of_the_size_asked(text, size, noun, introduces):
    assert introduces_list(text, size, noun) is introduces


@pytest.mark.parametrize("question, thing", [
    ("What was the Operation Dial allocation for the Harlow zone in 23/24?", ["allocation"]),
    ("What is the NHS deficit for Mid Essex?", ["NHS", "deficit"]),  # initials are part of the thing
    ("What is the Safer Streets Fund?", ["Safer", "Streets", "Fund"]),  # a name alone is the thing
])
def test_a_name_before_the_thing_asked_is_whose_it_is(question, thing):
    assert asked_thing(question) == thing



def test_a_target_need_not_be_called_one():
    line, label = "• Reduce shoplifting in the town centre by 10% by March 2027.", "Priorities for 2026/27"
    window = Window(line, "", label, frozenset(content_terms(f"{line} {label} Northmarch Police report")))
    rarity = {"polic": 0.2, "target": 1.0, "shoplift": 0.8}  # "police" is common, "target" rare
    assert thing_unsaid("What is the police target for cutting shoplifting?", window, rarity) == ""
    assert thing_unsaid("What is the police budget for cutting shoplifting?", window, rarity | {"budget": 1.0})


def _line(engine, words: str) -> int:
    facts = facts_for(engine.index)
    return next(i for i, s in enumerate(engine.index.sentences) if words in facts.text(s))


def test_a_line_naming_another_financial_year_is_refused_whatever_its_neighbours_say(board):
    engine, made = board
    question = f"How much did officers win to upgrade cameras under {made.operation} in 24/25?"
    judge = Judge(question, parse(question), engine.index, facts_for(engine.index))
    assert "2023/24" in judge.objection(_line(engine, "officers won £12,500"), 1.0)


def test_a_line_too_far_in_meaning_never_outranks_one_that_may_be_quoted(board):
    engine, made = board
    question = f"Which two areas does {made.operation} cover in 24/25?"
    judge = Judge(question, parse(question), engine.index, facts_for(engine.index))
    row, zones = _line(engine, "Areas for Improvement: To continue"), _line(engine, "covering two zones")
    far, near = judge.score(row, MIN_DENSE - 0.1, 0.0), judge.score(zones, MIN_DENSE + 0.02, 0.0)
    assert not judge.named_in(row) and far < near


@pytest.mark.parametrize("question", ["Why was the date of the meeting changed?", "why did the board meet in Harlow",
                                      "Is the CCTV still due to be finished in March?"])
def test_why_and_still_are_no_words_a_line_must_hold(board, question):
    engine, _ = board
    judge = Judge(question, parse(question), engine.index, facts_for(engine.index))
    assert not judge.topic & content_terms("why still")


def test_is_it_still_due_is_answered_from_the_newest_document(board):
    engine, made = board
    answer = engine.ask(f"Is the CCTV at {made.station} still due to be finished in March?")
    assert answer.answerable and "June 2026" in answer.text
