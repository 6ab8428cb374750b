"""Near misses of scope, period and measure, on documents this test writes for a district no vocabulary knows:

- a figure for another place: a line under a table whose rows are the district's towns, for one town;
- another period length: a quarter's count for "the whole 12 months";
- another measure: a count of one kind of crime for "in total"; a figure "excluding fraud" for "including fraud";
  a total for what "each" got; the figure the question already states for what became of it;
- another kind of fact: a penalty's size for how many were issued; a post mentioned with no holder; a date of
  something already done for when something is due.

Each rule is pinned on plain text, the answer that still stands next to it, and the real engine on a report this
test writes (indexed with the real build).
"""

from __future__ import annotations

import pytest

from assistant.answer import nearmiss, otherkind, timing
from generated_corpora import one_document_assistant


@pytest.mark.parametrize("text, found", [
    ("A fixed penalty notice of £100, reduced to £60 if paid within 14 days.", [("100", "£"), ("60", "£"), ("14", "day")]),
    ("Down 9.2% - a reduction of 1,920 incidents.", [("9.2", "%"), ("1920", "")]),  # 1,920 is no year
    ("About 100 Year 9 pupils came in March 2025.", [("100", "")]),  # "Year 9" names them, a date is no figure
    ("This year eleven grants were made, totalling £2.1 million in 23/24.", [("eleven", ""), ("2.1", "£")]),
    ("£277k investment from 2024-2027", [("277", "£")]),
])
def test_figures_are_read_with_what_they_measure(text, found):
    assert otherkind.figures(text) == found


@pytest.mark.parametrize("question, text, refused", [
    ("How many fixed penalty notices have been issued?", "An officer may issue a fixed penalty notice of £75.", True),
    ("How many fixed penalty notices have been issued?", "Officers have issued 31 fixed penalty notices.", False),
    ("How many grants were refused?", "Grants refused rose by 12%.", True),
    ("How many funded hours does each site get?", "It was funded with £9,000 in 23/24.", True),
    ("How many funded hours does each site get?", "Each site gets 150 funded patrol hours (£8,000).", False),
    ("How many grants were made?", "The fund has a budget of £3 million.", False),  # may lead into the next line
])
def test_a_count_is_a_bare_number(question, text, refused):
    assert bool(otherkind.no_count(question, text)) is refused


@pytest.mark.parametrize("question, text, refused", [
    ("What was the core funding in 2024/25?", "The funding is split over two financial years: 2024/25 and 2025/26.",
     True),
    ("What was the core funding in 2024/25?", "The core funding for 2024/25 was £61,000.", False),
    ("How much was spent in Year 2?", "Year 2 was completed in March 2025.", True),
    ("How many days does the order last?", "It lasts 90 days from 1 May 2025.", False),
])
def test_dates_and_labels_are_no_figure(question, text, refused):
    assert bool(otherkind.dates_only(question, text)) is refused


@pytest.mark.parametrize("question, text, refused", [
    ("How much did the mural cost in total?", "The mural was awarded £10,000 by the Arts Fund.", True),
    ("How much did the mural cost in total?", "The mural cost £24,000, of which £10,000 was awarded.", False),
    ("How much of the £250,000 grant has been spent?", "Twelve grants were made, totalling £1.1 million.", True),
    ("How much was the grant?", "The council spent £5,000 on it.", False),
])
def test_a_sum_given_is_not_a_sum_spent_or_a_cost(question, text, refused):
    assert bool(otherkind.other_money(question, text)) is refused


@pytest.mark.parametrize("question, text, refused", [
    ("How much of the £250,000 grant has been spent?", "The Mayor has granted £250,000 to the project.", True),
    ("How much of the £250,000 grant has been spent?", "Of the £250,000, £90,000 had been spent by June.", False),
    ("How many of the 40 schools took part?", "40 schools were invited.", True),
    ("How many schools took part?", "40 schools were invited.", False),
])
def test_the_figure_the_question_states_is_no_answer(question, text, refused):
    assert bool(otherkind.figure_restated(question, text)) is refused


@pytest.mark.parametrize("question, text, refused", [
    ("How much did the other parishes each receive?", "Twelve grants were made, totalling £80,000.", True),
    ("How much did the other parishes each receive?", "Twelve grants of £5,000 each were made.", False),
    ("How much did the other parishes each receive?", "The Mayor granted £250,000 to Ashby Parish.", True),
    ("How much did the other parishes each receive?", "Ashby got £5,000, Fold £4,000 and Brent £6,000.", False),
    ("How much did each site get?", "This equates to £22,665 per site.", False),
    ("How much is spent each year?", "A total of £80,000 a year is spent.", False),  # how often, not whose
])
def test_a_total_does_not_say_what_each_got(question, text, refused):
    assert bool(otherkind.total_for_each(question, text)) is refused


@pytest.mark.parametrize("text, refused", [
    ("Ann Lee reported that, after changes announced by the Chief Executive of the Council on 2 May, Cllr Raj Patel "
     "stood down.", True),
    ("Ann Lee, Chief Executive of the Council, opened the meeting.", False),
    ("The Chief Executive of the Council, Dr Ann Lee, opened the meeting.", False),
    ("Chief Executive: Ann Lee", False),
    ("Ann Lee (Interim-Chief Executive) attended.", False),
    ("Sergeant Ann Lee is the town's sergeant and the borough's Chief Executive", False),
])
def test_a_post_mentioned_without_its_holder_says_nobody(text, refused):
    assert bool(otherkind.post_unheld("Who is the Chief Executive of Tolworth Borough Council?", text)) is refused


@pytest.mark.parametrize("question, text, refused", [
    ("How many crimes were there in total including fraud?", "There were 9% fewer crimes, excluding fraud.", True),
    ("How many crimes were there excluding fraud?", "Police recorded 40,120 crimes (including fraud).", True),
    ("How many crimes were there including fraud?", "Police recorded 40,120 crimes including fraud.", False),
])
def test_a_figure_that_leaves_out_what_is_asked_is_another_measure(question, text, refused):
    assert bool(nearmiss.other_inclusion(question, text)) is refused


@pytest.mark.parametrize("question, text, refused", [
    ("How many offences in total were recorded in Tolworth?", "Police recorded 3,310 incidents of violent crime in "
     "Tolworth.", True),
    ("How many offences in total were recorded in Tolworth?", "Police recorded 612 burglary offences.", True),
    ("How many offences in total were recorded in Tolworth?", "Police recorded 9,870 offences, including 612 burglary "
     "offences.", False),
    ("How many burglary offences were recorded in Tolworth?", "Police recorded 612 burglary offences.", False),
])
def test_one_kind_of_crime_is_no_total(question, text, refused):
    assert bool(nearmiss.part_for_total(question, text)) is refused


@pytest.mark.parametrize("question, near, refused", [
    ("How many thefts in Marlow over the whole 12 months to June 2025?", "310 thefts between April and June.", True),
    ("How many thefts in Marlow in the year to June 2025?", "Results in Q1: 310 thefts.", True),
    ("How many thefts in Marlow in the year to June 2025?", "1,210 thefts in the 12 months to June.", False),
    ("How many thefts in Marlow between April and June?", "310 thefts between April and June.", False),
])
def test_a_shorter_run_of_months_is_no_year(question, near, refused):
    assert bool(timing.shorter_run(question, near)) is refused


@pytest.mark.parametrize("text, refused", [
    ("The scheme was revised in March to add six cameras.", True),
    ("The six cameras are due to be installed in January.", False),
    ("Installation is programmed for January 2026.", False),
    ("The cameras were installed in January 2026.", False),  # after the document was written: still to come then
])
def test_a_date_of_something_done_is_not_when_it_is_due(text, refused):
    assert bool(timing.done_for_due("When will the six cameras be installed?", text, "2025-11-04")) is refused


def test_a_whole_county_asked_by_its_own_name_is_wide():
    assert nearmiss.wide_asked("How many thefts across the whole of Tolshire county last year?", ())
    assert not nearmiss.wide_asked("How many thefts across the whole of Marlow last year?", ())


REPORT = """# Tolworth Borough Council Community Safety Board, 4 November 2025

## Item 4: Residents' Survey 2025 - results

The survey received 2,140 responses, compared with 1,870 in the 2023 survey.

### Table 1: Feeling safe by area (% of respondents)

Area\tFeel safe after dark\tSay litter is a problem
Brenchley Green\t48%\t39%
Ashby Fold\t61%\t22%
Kettlebrook\t57%\t31%
Borough\t55%\t30%

The proportion of residents who feel safe after dark rose from 51% in 2023 to 55% in 2025.

## Item 5: Neighbourhood Fund

The Mayor of the Borough has granted £250,000 to the Safer Tolworth Partnership from the Neighbourhood Fund.

This year twelve grants were made to groups across Tolworth, totalling £1.1 million.

The scheme was revised in September to add six cameras on Kettlebrook Quay.

Ann Lee reported that, following changes announced by the Leader of the Council on 2 October 2025, Cllr Raj Patel had
stepped down as Chair of the Board.

## Item 6: Public Spaces Protection Order

An authorised officer may issue a fixed penalty notice of £75, reduced to £50 if paid within 14 days.

## Item 7: Crime update

Figures showed 412 anti-social behaviour incidents in Brenchley Green between July and September, compared with 380
a year earlier.

Police recorded 3,310 incidents of violent crime in Tolworth in the 12 months to September.

Overall, police recorded 9% fewer crimes, excluding fraud, across the borough.
"""


@pytest.fixture(scope="module")
def board(tmp_path_factory):
    return one_document_assistant(tmp_path_factory, "tolworth", "tolworth-csb-2025-11-04.md", REPORT,
                                  "Tolworth Borough Council Community Safety Board", "Tolworth Borough Council",
                                  "minutes", "2025-11-04")


@pytest.mark.slow
@pytest.mark.parametrize("question", [
    "What percentage of Ashby Fold residents felt safe after dark in the 2023 survey?",  # the borough's 2023 figure
    "How many of the survey responses came from Kettlebrook?",  # all responses
    "How many anti-social behaviour incidents were there in Brenchley Green over the whole 12 months to September "
    "2025?",  # a quarter's
    "How much of the Mayor's £250,000 grant has been spent so far?",  # the grant itself
    "How much did the other groups each get from the Neighbourhood Fund?",  # the total
    "When will the six cameras on Kettlebrook Quay be installed?",  # when the scheme was revised
    "How many fixed penalty notices have been issued under the PSPO so far?",  # the penalty's size
    "Who is the Leader of Tolworth Borough Council?",  # the post, never its holder
    "How many offences in total did police record in Tolworth in the 12 months to September?",  # violent crime
    "How many crimes in total including fraud were recorded across the borough?",  # excluding fraud; violent crime
])
def test_near_misses_of_scope_period_and_measure_are_refused(board, question):
    answer = board.ask(question)
    assert not answer.answerable, answer.text


@pytest.mark.slow
@pytest.mark.parametrize("question, expected", [
    ("What percentage of Ashby Fold residents feel safe after dark?", "61%"),
    ("How many responses did the residents' survey receive?", "2,140"),
    ("What share of Kettlebrook residents feel safe after dark?", "57%"),
    ("How many grants were made from the Neighbourhood Fund this year?", "twelve"),
    ("How much has the Mayor granted to the Safer Tolworth Partnership?", "£250,000"),
])
def test_the_answers_beside_them_still_stand(board, question, expected):
    answer = board.ask(question)
    assert answer.answerable and expected in answer.text, answer.text
