"""Which end, which date, and a figure as of which moment.

- "When did it first open?" is not answered by "will stay open ... until 26 September": the word before a date
  says which end of a span it is, whatever else the line says;
- "the next meeting after July" is neither a date in July nor the next date a later document gives;
- "what date was it originally supposed to happen?" asks the date once planned, not the date a delay was agreed;
- "when was the night of action in X?" asks a past occasion, not "the next night of action is ...";
- "how much had been spent by 30 September?" is not answered by "Spent to 30 June", nor by a document written
  before the end of September; "how many in September?" not by a total "between 5 June and 26 September", nor
  "how many in October?" by "between July and September" or by a document written before October;
- "on what date does it finish?" wants a day, not "2023/24"; "from what date are marshals on the taxi rank?" asks a
  date, not a rank.

Built on generated towns, months, years and phrasings, not on one corpus.
"""

from __future__ import annotations

import random

import pytest

from assistant.answer import timing
from assistant.answer.asked import asked_moment
from assistant.answer.wants import wants
from assistant.text.dates import MONTHS, iso_months_in_words
from generated_corpora import coined, one_document_assistant

RNG = random.Random(20261207)
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _date(month: int, year: int) -> str:
    return f"{RNG.randint(1, 28)} {MONTHS[month - 1]} {year}"


CASES = [(RNG.randint(1, 12), RNG.randint(2019, 2031), coined(RNG)) for _ in range(12)]


@pytest.mark.parametrize("month, year, name", CASES)
def test_the_word_before_a_date_says_which_end_it_is(month, year, name):
    start, end = "When did the {} hub first open?".format(name), "When does the {} hub close?".format(name)
    weekday = RNG.choice(DAYS)
    closing = f"The {name} hub will stay open every weekend until {weekday} {_date(month, year)}."
    opening = f"The {name} hub opened at the church hall on {weekday} {_date(month, year)}."
    starting = f"Marshals will be on duty at the {name} rank from {weekday} {_date(month, year)}."
    assert timing.other_end(asked_moment(start), closing, start)
    assert not timing.other_end(asked_moment(start), opening, start)
    assert not timing.other_end(asked_moment(end), closing, end)
    assert timing.other_end(asked_moment(end), starting, end)


@pytest.mark.parametrize("month, year, name", CASES)
def test_the_next_date_after_a_month(month, year, name):
    later = month % 12 + 1
    question = f"When was the next {name} board meeting after {MONTHS[month - 1]} supposed to be?"
    written = f"{year}-{month:02d}-15"
    assert timing.not_after_month(question, f"Contact us by 12 noon on {_date(month, year)}.", written)
    # the document written in that month gives the next meeting ...
    assert not timing.not_after_month(question, f"Date of next meeting: {_date(later, year + (later == 1))}", written)
    # ... one written after it gives the next after its own
    after = f"{year + 1}-{month:02d}-15"
    assert timing.not_after_month(question, f"Date of next meeting: {_date(month, year + 1)} {year + 1}", after) or \
        timing.not_after_month(question, f"Next meeting: {_date(later, year + 2)}", after)


@pytest.mark.parametrize("month, year, name", CASES)
def test_the_date_once_planned_is_not_the_date_a_change_was_agreed(month, year, name):
    question = f"What date was the {name} decision meeting originally supposed to happen?"
    written = f"{year + 1}-01-10"
    assert timing.done_for_due(question, f"At the board meeting on {_date(month, year)} it was agreed to a six-month "
                                         "delay in the decision.", written)
    assert not timing.done_for_due(question, f"A {name} decision meeting was due to be held on {_date(month, year)} "
                                             "but has been postponed.", written)


@pytest.mark.parametrize("month, year, name", CASES)
def test_a_past_occasion_is_not_the_next_one(month, year, name):
    written = f"{year}-{month:02d}-01"
    upcoming = f"The next night of action in the town centre is {RNG.randint(2, 28)} {MONTHS[month - 1]} {year}."
    past = f"A night of action was carried out in {name} on {_date(month % 12 + 1, year - 1)}."
    assert timing.next_for_past(f"when was the night of action in {name}", upcoming, written)
    assert not timing.next_for_past(f"when was the night of action in {name}", past, written)
    assert not timing.next_for_past("when is the next night of action", upcoming, written)


@pytest.mark.parametrize("month, year, name", CASES)
def test_a_running_total_is_as_of_its_own_moment(month, year, name):
    asked = MONTHS[month - 1]
    earlier = MONTHS[(month - 4) % 12]
    question = f"How much had been spent on the {name} project by the end of {asked.lower()}?"
    row = f"{name} project\tAllocated: £12,500\tSpent to 30 {earlier} {year}: £4,000\tRemaining: £8,500"
    assert timing.other_moment(question, row, "", row, f"{year + 1}-01-01")
    said = f"The Board noted spend of £9,200 to 28 {asked} {year} on the {name} project."
    assert not timing.other_moment(question, said, "", said, f"{year + 1}-01-01")
    # a line with no moment of its own is read with the line before it
    before = f"The Board noted spend of £9,200 to 28 {earlier} {year}. The main items were the {name} project (£3,100)."
    assert timing.other_moment(question, f"The main items were the {name} project (£3,100).", "", before,
                               f"{year + 1}-01-01")
    # a deadline is no moment a total stood at
    deadline = f"The grant must be spent by 31 {earlier} {year + 1}. The {name} project has spent £3,100."
    assert not timing.other_moment(question, f"The {name} project has spent £3,100.", "", deadline, f"{year + 1}-01-01")


@pytest.mark.parametrize("month, year, name", CASES)
def test_a_total_at_a_moment_needs_a_document_written_after_it(month, year, name):
    question = f"how much is left in the {name} fund at end of {MONTHS[month - 1][:3].lower()}"
    before = f"{year}-{month - 1:02d}-20" if month > 1 else f"{year - 1}-12-20"  # the month before
    latest = (year, month)  # the latest any document is dated: that month is the one asked about
    assert timing.total_before(question, {month}, before, latest)
    assert not timing.total_before(question, {month}, f"{year}-{month:02d}-28", latest)
    # a month with no year is the last one the documents reach: one written in the next year is after it
    assert not timing.total_before(question, {month}, f"{year + 1}-01-01", (year + 1, 1)) or month == 1


@pytest.mark.parametrize("month, year, name", CASES)
def test_a_run_of_months_is_no_figure_for_one_month(month, year, name):
    first, last = (month - 3) % 12 + 1, (month - 1) % 12 + 1  # a run of three months ending in the one asked
    asked = MONTHS[month - 1]
    question = f"How many people did the {name} hub help in {asked} {year}?"
    run = f"The {name} hub supported 387 people between 5 {MONTHS[first - 1]} and 26 {MONTHS[last - 1]} {year}."
    other = f"Between {MONTHS[month % 12]} and {MONTHS[(month + 2) % 12]} {year}, officers issued 62 notices."
    alone = f"In {asked} {year} the {name} hub supported 41 people."
    months = {asked[:3].casefold()}
    assert timing.month_alone(question, months, run)
    assert timing.month_alone(question, months, other)
    assert not timing.month_alone(question, months, alone)
    # the line's own month outweighs the run its heading names
    assert not timing.month_alone(question, months, alone, f"Quarter report: 1 {MONTHS[first - 1]} to 30 "
                                                           f"{MONTHS[last - 1]} {year}")
    assert timing.month_alone(question, months, f"The {name} hub supported 387 people.",
                              f"Quarter report: 1 {MONTHS[first - 1]} to 30 {MONTHS[last - 1]} {year}") or first == last
    assert not timing.month_alone(f"How many people did the {name} hub help so far in {asked} {year}?", months, run)
    assert not timing.month_alone(f"How many offences in the 12 months to {asked} {year}?", months, run)


@pytest.mark.parametrize("month, year, name", CASES)
def test_no_figure_for_a_month_comes_from_before_it(month, year, name):
    question = f"How many {name} fines were issued in {MONTHS[month - 1]} {year}?"
    assert timing.figures_before(question, f"{year - 1}-{month:02d}-20")
    assert not timing.figures_before(question, f"{year}-{month:02d}-20")
    assert not timing.figures_before(f"How many {name} fines are expected in {MONTHS[month - 1]} {year}?",
                                     f"{year - 1}-{month:02d}-20")


@pytest.mark.parametrize("month, year, _name", CASES)
def test_a_rows_iso_month_is_its_month(month, year, _name):
    assert iso_months_in_words(f"{year}-{month:02d}\tHarbour\tFeeding gulls\t7") == f"{MONTHS[month - 1]} {year}"
    assert iso_months_in_words(f"{year}-{month:02d}-15 was the day") == ""


@pytest.mark.parametrize("name", [coined(RNG) for _ in range(6)])
def test_what_is_asked_for(name):
    assert not wants(f"From what date are taxi marshals on the {name} Parade rank?").role
    assert wants(f"From what date are taxi marshals on the {name} Parade rank?").date
    assert wants(f"What rank is {name} Smith?").role
    assert wants(f"the {name} settlement - which financial years did it run over?").date
    assert wants(f"the {name} minutes gave a date for the next meeting - what was it").date
    on_what_date = wants(f"on what date does the {name} project finish")
    assert not on_what_date.fits("The funding will be split over two financial years: 2023/24, and 2024/25.")
    assert on_what_date.fits("7 April 2025 - 6 April 2027")


MINUTES = """# {town} Community Safety Board

Minutes of the meeting held on Thursday 21 October 2027.

## Safe Haven

The {town} Safe Haven opened at the Quay Hall on Friday 4 June 2027.
The Safe Haven will stay open every Friday and Saturday until Saturday 25 September 2027.
The partnership manager reported that the Safe Haven had supported 412 people between 4 June and 25 September 2027.

## Public spaces order

Between July and September 2027, officers gave 310 verbal warnings and issued 58 fixed penalty notices under the order.

## Community Safety Fund

The Board noted spend of £64,250 to 30 September 2027 against the fund of £118,000, leaving £53,750.
"""


@pytest.fixture(scope="module")
def board(tmp_path_factory):
    town = coined(random.Random(7))
    return town, one_document_assistant(tmp_path_factory, "timeboard", "board-2027-10-21.md", MINUTES.format(town=town),
                                        f"{town} Community Safety Board", f"{town} Borough Council", "minutes",
                                        "2027-10-21")


@pytest.mark.slow
@pytest.mark.parametrize("question", [
    "How many people did the Safe Haven help in September 2027?",  # a June to September total
    "How many fixed penalty notices were issued under the order in October 2027?",  # July to September
    "How much of the community safety fund had been spent by the end of August?",  # the total to 30 September
])
def test_a_figure_for_another_period_is_no_answer(board, question):
    answer = board[1].ask(question)
    assert not answer.answerable, answer.text


@pytest.mark.slow
@pytest.mark.parametrize("question, expected", [
    ("When did the Safe Haven first open?", "4 June 2027"),
    ("How many people did the Safe Haven help between June and September 2027?", "412"),
    ("How much of the community safety fund had been spent by the end of september?", "£64,250"),
])
def test_the_figure_or_date_for_the_moment_asked_still_stands(board, question, expected):
    answer = board[1].ask(question)
    assert answer.answerable and expected in answer.text, answer.text
