"""Follow-ups: what a turn keeps from the previous one, and when it is a new question.

Expectations were written from the row labels and area headings of the agenda pack's Appendix 1, never read
back from the code under test.
"""

from __future__ import annotations

import pytest

from assistant.understand.query import OFFENCES, SOLVED_RATE
from assistant.understand.question import parse
from understand_cases import ASB, P23, P24, chain, check


def test_and_in_another_area_keeps_crime_measure_and_period():
    query = chain("What was the solved rate for robbery in Colchester in 2024?", "And in Harlow?")
    check(query, areas=("Harlow",), crime_types=("Robbery",), measure=SOLVED_RATE, periods=(P24,), is_followup=True)
    assert "the crime type (Robbery)" in query.notes[-1] and "previous question" in query.notes[-1]


def test_and_in_another_year_keeps_the_rest():
    query = chain("What was the solved rate for robbery in Colchester in 2024?", "And in Harlow?", "and in 2023?")
    check(query, areas=("Harlow",), crime_types=("Robbery",), measure=SOLVED_RATE, periods=(P23,))


def test_what_about_the_solved_rate_keeps_area_and_crime():
    check(chain("How many robberies in Colchester?", "What about the solved rate?"),
          areas=("Colchester",), crime_types=("Robbery",), measure=SOLVED_RATE, is_followup=True)


def test_a_new_crime_type_keeps_the_area():
    check(chain("How many robberies in Colchester?", "What about burglary?"),
          areas=("Colchester",), crime_types=("Burglary",), measure=OFFENCES)
    check(chain("How many robberies in Colchester?", "Shoplifting?"), areas=("Colchester",),
          crime_types=("Shoplifting",))


def test_how_does_that_compare_adds_the_new_area():
    check(chain("How many robberies in Colchester?", "How does that compare with Basildon?"),
          areas=("Colchester", "Basildon"), crime_types=("Robbery",), intent="compare")


def test_a_change_question_stays_a_change_question():
    check(chain("By how much did anti-social behaviour change in Chelmsford?", "And in Braintree?"),
          areas=("Braintree",), crime_types=(ASB,), change=True, intent="change")


def test_a_rank_follow_up_keeps_the_ranking_but_not_an_area():
    query = chain("How many robberies in Colchester?", "Which district had the most?")
    check(query, intent="rank", areas=(), crime_types=("Robbery",))
    check(chain("Which district had the most burglaries?", "And robberies?"), intent="rank",
          crime_types=("Robbery",))


def test_a_full_new_question_does_not_inherit():
    check(chain("What was the solved rate for robbery in Colchester in 2024?",
                "How many burglaries in Harlow in 2023?"),
          areas=("Harlow",), crime_types=("Burglary",), measure=OFFENCES, periods=(P23,), is_followup=False)


def test_a_passage_question_after_a_table_question_does_not_inherit_crime_types():
    query = chain("How many robberies in Colchester?",
                  "What funding is available for the Chelmsford College week of action?")
    check(query, crime_types=(), is_followup=False)
    assert not query.has_table_signal


@pytest.mark.parametrize("turns, crime_types, share_of", [
    (("How many drug trafficking offences were there in Epping Forest in 2024?", "and possession?"),
     ("Possession of Drugs",), None),
    (("How many drug offences in Epping Forest?", "what about possession?"), ("Possession of Drugs",), None),
    (("How many burglaries in Epping Forest?", "residential?"), ("Burglary Residential",), None),
    (("How many residential burglaries in Epping Forest?", "And business?"),
     ("Burglary Business & Community",), None),
    (("What share of drug offences in Epping Forest were possession?", "and trafficking?"),
     ("Trafficking of Drugs",), "Drug Offences"),
    (("How many rapes in Epping Forest?", "and of children?"), ("Rape - Under 16 yrs",), None),
])
def test_a_follow_up_qualifier_picks_a_sibling_or_child_row(turns, crime_types, share_of):
    check(chain(*turns), crime_types=crime_types, share_of=share_of, areas=("Epping Forest",), is_followup=True)


def test_a_narrowed_crime_type_is_kept_by_the_next_follow_up():
    check(chain("How many drug trafficking offences were there in Epping Forest in 2024?", "and possession?",
                "ok and in Harlow?"), areas=("Harlow",), crime_types=("Possession of Drugs",), periods=(P24,))


@pytest.mark.parametrize("second", [
    "And in the 12 months before that?", "and the year before?", "What about the previous year?",
    "And a year earlier?", "and the period before that?",
])
def test_the_year_before_in_a_follow_up_is_2023(second):
    check(chain("How many homicides did Essex Police record in the 12 months to October 2024?", second),
          areas=("Essex",), crime_types=("Homicide",), periods=(P23,), change=False)


@pytest.mark.parametrize("text", [
    "Was burglary in Harlow higher than the year before?",
    "Burglary in Harlow compared with the year before",
    "How did burglary in Harlow compare to the previous year?",
])
def test_than_the_year_before_is_a_change(text):
    query = parse(text)
    check(query, change=True)
    assert P23 not in query.periods


@pytest.mark.parametrize("second, area", [
    ("and at the airport?", "Stansted Airport"),
    ("What about the airport?", "Stansted Airport"),
    ("airport?", "Stansted Airport"),
    ("and in the county?", "Essex"),
    ("force-wide?", "Essex"),
    ("and across the county as a whole?", "Essex"),
    ("and there?", "Colchester"),
    ("and robberies there?", "Colchester"),
])
def test_follow_up_area_aliases(second, area):
    query = chain("How many burglaries in Colchester in 2024?", second)
    check(query, areas=(area,), is_followup=True, periods=(P24,), unknown=())
    assert query.crime_types in (("Burglary",), ("Robbery",))


def test_a_place_with_no_table_stays_unknown_in_a_follow_up():
    check(chain("How many burglaries in Cambridge?", "And robberies?"), unknown=("Cambridge",),
          crime_types=("Robbery",))


def test_an_uncovered_year_stays_out_of_scope_until_a_covered_one_is_named():
    assert chain("Shoplifting in Chelmsford in 2015", "And in Harlow?").out_of_scope
    check(chain("Shoplifting in Chelmsford in 2015", "And in Harlow?", "And in 2024?"), oos=False, periods=(P24,))


def test_gibberish_or_empty_text_after_a_question_inherits_nothing():
    for text in ("", "   ", "asdf qwer", "?!"):
        query = parse(text, parse("How many robberies in Colchester?"))
        check(query, areas=(), crime_types=(), is_followup=False)


def test_naming_a_covered_period_drops_only_the_period_reasons():
    query = chain("How much fraud was there in Harlow in 2015?", "And burglary?")
    assert [reason.kind for reason in query.out_of_scope] == ["period", "fraud"]
    query = chain("How much fraud was there in Harlow in 2015?", "And in 2024?")
    assert [reason.kind for reason in query.out_of_scope] == ["fraud"] and query.periods == (P24,)


def test_what_points_at_the_documents_is_kept_as_one():
    subscribers = "How many subscribers does the Safer Chelmsford e-newsletter have?"
    check(chain(subscribers, "And in Harlow?"), is_followup=True, passage_cues=(), outside_topic=True)
    check(chain(subscribers, "And what did the PFCC say about that?"), passage_cues=("said", "PFCC"), outside_topic=False)


@pytest.mark.parametrize("second", ["Which district has the most burglaries?",
                                    "Which district has the best solved rate?",
                                    "Which area recorded the fewest shoplifting offences?"])
def test_a_ranking_that_names_what_it_ranks_does_not_inherit_a_change(second):
    query = chain("Has burglary gone up in Braintree?", second)
    assert query.rank is not None and query.rank.by == "value" and not query.change, query


@pytest.mark.parametrize("second", ["And in Harlow?", "And the smallest?"])
def test_an_elliptical_follow_up_keeps_the_change(second):
    first = "Which district had the biggest rise in shoplifting?" if "smallest" in second \
        else "Has burglary gone up in Braintree?"
    assert chain(first, second).change
