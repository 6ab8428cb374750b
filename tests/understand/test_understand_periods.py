"""Periods: the two rolling years to October, vague words read as one of them with a note, and periods the tables do not
cover (other years, months, financial years, forecasts).

Expectations were written from the row labels and area headings of the agenda pack's Appendix 1, never read
back from the code under test.
"""

from __future__ import annotations

import pytest

from assistant.understand.periods import read_periods

# What the corpus's one edition covers, as every period reason says it.
PERIOD_SCOPE = "the tables cover only the 12 months to October 2023 and 2024"
from assistant.understand.query import Reason
from assistant.understand.question import parse
from understand_cases import P23, P24, chain, check


@pytest.mark.parametrize("text, periods", [
    ("Burglary in Harlow in 2024", (P24,)),
    ("Burglary in Harlow this year", (P24,)),
    ("Latest burglary figure for Harlow", (P24,)),
    ("Current burglary figures for Harlow", (P24,)),
    ("Most recent burglary figures for Harlow", (P24,)),
    ("Burglary in Harlow in the 12 months to October 2024", (P24,)),
    ("Burglary in Harlow in the year to October 2024", (P24,)),
    ("Burglary in Harlow in the 12 months to 31 October 2024", (P24,)),
    ("Burglary in Harlow over the last 12 months", (P24,)),
    ("Burglary in Harlow in 2023", (P23,)),
    ("Burglary in Harlow last year", (P23,)),
    ("Burglary in Harlow in the previous year", (P23,)),
    ("Burglary in Harlow in the 12 months to October 2023", (P23,)),
    ("Burglary in Harlow in 2023 and 2024", (P23, P24)),
    ("Burglary in Harlow for both years", (P23, P24)),
    ("Burglary figures in Harlow for each year", (P23, P24)),
    ("Burglary in Harlow in each of the two periods", (P23, P24)),
    ("Burglary in Harlow year by year", (P23, P24)),
    ("Burglary in Harlow", ()),
])
def test_periods(text, periods):
    query = parse(text)
    check(query, periods=periods, oos=False)


def test_last_year_is_noted():
    check(parse("Burglary in Harlow last year"), note="'last year' read as the 12 months to October 2023")


@pytest.mark.parametrize("text", [
    "Burglary in Harlow in 2015", "Burglary in Harlow in 2021", "Burglary in Harlow in 2019",
    "Burglary in Harlow in 2025", "Burglary in Harlow in the 12 months to March",
    "Burglary in Harlow to December 2023", "Burglary in Harlow in January 2024",
    "Burglary in Harlow between July 2017 and June 2018", "Burglary in Harlow in 2024/25",
    "Burglary in Harlow in the year ending March 2024",
])
def test_periods_the_tables_do_not_cover_are_out_of_scope(text):
    query = parse(text)
    assert query.periods == ()
    assert any(reason.is_period and reason.message.startswith(PERIOD_SCOPE) for reason in query.out_of_scope)


@pytest.mark.parametrize("text", [
    "What will knife crime be like in Harlow next year?",
    "Will burglary in Harlow go up next year?",
    "Forecast shoplifting in Harlow",
    "Can you predict robbery in Harlow?",
    "What is shoplifting going to be in Harlow in future?",
    "How many burglaries will Harlow have by 2026?",
    "Is burglary in Harlow expected to rise in the coming year?",
])
def test_future_periods_are_out_of_scope_never_the_latest_figure(text):
    query = parse(text)
    assert P24 not in query.periods
    assert any(r.is_period and "forecast" in r.message for r in query.out_of_scope), query.out_of_scope


@pytest.mark.parametrize("text", [
    "Will you be able to tell me how many burglaries there were in Harlow?",
    "Can you tell me what the solved rate was for burglary in Harlow?",
    "How many burglaries were there in Harlow last year?",
])
def test_asking_politely_is_not_a_forecast(text):
    check(parse(text), oos=False)


def test_a_forecast_follow_up_then_a_covered_year_is_answered():
    check(chain("How many burglaries in Harlow?", "and next year?"), oos=True)
    check(chain("How many burglaries in Harlow?", "and next year?", "and in 2024?"), oos=False, periods=(P24,))


def test_counts_that_look_like_years_are_not_years():
    check(parse("Were there more than 2000 burglaries in Harlow?"), oos=False)
    check(parse("Were there 1,465 shoplifting offences in Chelmsford?"), oos=False, periods=())


def test_the_period_reader_works_on_its_own():
    assert read_periods("Burglary in the 12 months to October 2024") == ((P24,), [], [], ("month",))
    assert read_periods("Burglary in 2024").kinds == ("year",)
    assert read_periods("Burglary last year").kinds == ("previous",)
    found = read_periods("Burglary in March 2021 and 2024/25")
    assert found.periods == () and found.notes == []
    assert found.reasons == [Reason("period", f"{PERIOD_SCOPE}, not 2024/25, March 2021")]
    assert read_periods("How many burglaries will there be next year?").reasons == [
        Reason("period", f"{PERIOD_SCOPE} and hold no forecasts")]
    assert read_periods("Robbery last year").notes == [f"'last year' read as the {P23}"]


@pytest.mark.parametrize("text", ["How many burglaries were there in Harlow last month?",
                                  "What are the monthly burglary figures for Harlow?",
                                  "Burglary in Harlow over the past three months", "Burglary in Harlow this week"])
def test_a_period_shorter_than_the_printed_rolling_years_is_out_of_scope(text):
    query = parse(text)
    assert query.periods == ()
    assert any(r.is_period and "no figures for less than a year" in r.message for r in query.out_of_scope)


@pytest.mark.parametrize("text", ["Burglary in Harlow over the last 12 months", "Burglary in Harlow in the past year"])
def test_a_rolling_year_is_not_a_shorter_period(text):
    assert not any("less than a year" in r.message for r in parse(text).out_of_scope)
