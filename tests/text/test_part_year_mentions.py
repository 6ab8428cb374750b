"""Halves and quarters of calendar and financial years read as the months they span, and a printed part-year
period found by its first and last month, whatever words or year it is asked in.

Properties over every year and part: the first half of a financial year "Y/Y+1" is April to September of Y, its
quarters start in April, July, October and January; a calendar year's start in January; a span of months finds the
printed period that ends in its last month and is as long, and no other.
"""

from __future__ import annotations

import pytest

from assistant.text.dates import MONTHS
from assistant.text.periods import BETWEEN, mentions
from assistant.vocab.catalogued import PeriodScope

YEARS = (2019, 2024, 2026, 2031)


def _one(text: str):
    found = mentions(text)
    assert len(found) == 1, (text, found)
    return found[0]


@pytest.mark.parametrize("year", YEARS)
@pytest.mark.parametrize("part, size, count", (("half", 6, 2), ("quarter", 3, 4)))
def test_parts_of_a_financial_year_start_in_april(year, part, size, count):
    ordinals = ("first", "second", "third", "fourth")
    for number in range(1, count + 1):
        first = (year * 12 + 3 + (number - 1) * size)
        last = first + size - 1
        expected = ((first // 12, first % 12 + 1), (last // 12, last % 12 + 1))
        short = "h" if part == "half" else "q"
        for fiscal in (f"{year}/{str(year + 1)[2:]}", f"{str(year)[2:]}/{str(year + 1)[2:]}", f"{year}-{year + 1}",
                       f"the financial year {year}/{str(year + 1)[2:]}"):
            for said in (f"the {ordinals[number - 1]} {part} of {fiscal}", f"{short}{number} {fiscal}"):
                mention = _one(f"robbery in {said} please")
                assert mention.kind == BETWEEN, said
                assert (mention.first, (mention.year, mention.month)) == expected, said


@pytest.mark.parametrize("year", YEARS)
def test_parts_of_a_calendar_year_start_in_january(year):
    for number, (first, last) in enumerate(((1, 3), (4, 6), (7, 9), (10, 12)), start=1):
        mention = _one(f"q{number} {year}")
        assert (mention.first, (mention.year, mention.month)) == ((year, first), (year, last))
    mention = _one(f"the second half of {year}")
    assert (mention.first, (mention.year, mention.month)) == ((year, 7), (year, 12))


def test_two_years_that_do_not_follow_each_other_are_no_financial_year():
    assert all(mention.first is None or mention.first[0] != 2024 for mention in mentions("the first half of 24/26"))


def _scope(spans: list[tuple[int, int, int]]) -> PeriodScope:
    """(months, end year, end month) for each printed period, as the catalogue's scope holds them."""
    values = tuple(sorted((f"{year}-{month:02d}", f"{months} months to {MONTHS[month - 1]} {year}")
                          for months, year, month in spans))
    return PeriodScope(values, values[-1][1], values[0][1])


@pytest.mark.parametrize("months, month", ((9, 12), (6, 9), (3, 6), (12, 3)))
def test_a_span_finds_the_printed_period_of_the_same_months_only(months, month):
    scope = _scope([(months, 2025, month), (months, 2026, month)])
    for year in (2025, 2026):
        last_index = year * 12 + month - 1
        first_index = last_index - months + 1
        first = (first_index // 12, first_index % 12 + 1)
        assert scope.for_span(first, (year, month)) == f"{months} months to {MONTHS[month - 1]} {year}"
        later = (first_index + 1) // 12, (first_index + 1) % 12 + 1  # a month shorter
        assert scope.for_span(later, (year, month)) is None
        assert scope.for_span(first, (year + 5, month)) is None
    first_month = (month - months) % 12 + 1
    assert scope.for_months(first_month, month) == tuple(f"{months} months to {MONTHS[month - 1]} {y}"
                                                         for y in (2025, 2026))
    assert scope.for_months(first_month % 12 + 1, month) == ()
