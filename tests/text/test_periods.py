"""The one lexical period reader: every period it writes reads back as itself, a span is read once, counts are not
years, and the question and claim readers built on it agree on what a printed period is.
"""

from __future__ import annotations

import pytest

from assistant import vocab
from assistant.claims.periods import find_period
from assistant.text.dates import MONTHS, period_end
from assistant.text.periods import BETWEEN, FISCAL, MONTH_YEAR, SINCE, TO_MONTH, YEAR, Mention, mentions
from assistant.understand.periods import read_periods

YEARS = (1999, 2016, 2024, 2031)


def _every_period() -> list[Mention]:
    """One mention of every kind for every month of a spread of years, built from values, not typed."""
    made = []
    for year in YEARS:
        made += [Mention(FISCAL, 0, "", year), Mention(SINCE, 0, "", year), Mention(YEAR, 0, "", year)]
        for month in range(1, 13):
            made += [Mention(TO_MONTH, 0, "", year, month), Mention(MONTH_YEAR, 0, "", year, month),
                     Mention(BETWEEN, 0, "", year, month, (year - 1, month))]
    return made


@pytest.mark.parametrize("period", _every_period(), ids=lambda m: f"{m.kind}-{m.label}")
def test_every_label_reads_back_as_the_same_period(period):
    words = f"since {period.label}" if period.kind == SINCE else period.label
    words = f"between {words.replace(' to ', ' and ')}" if period.kind == BETWEEN else words
    (read,) = mentions(f"Burglary in {words}, as printed.")
    assert (read.kind, read.year, read.month, read.first) == (period.kind, period.year, period.month, period.first)
    assert read.label == period.label


@pytest.mark.parametrize("text, kind, end", [
    ("in the 12 months to 31 October 2024", TO_MONTH, (2024, 10)),
    ("the year ending March 2023", TO_MONTH, (2023, 3)),
    ("the twelve-months up to the end of Sept. 2019", TO_MONTH, (2019, 9)),
    ("from July 2017 to June 2018", BETWEEN, (2018, 6)),
    ("on 5 December 2024", MONTH_YEAR, (2024, 12)),
    ("in 2023-2024", FISCAL, (2024, None)),
    ("in 23/24", FISCAL, (2024, None)),
    ("compared with 2016", SINCE, (2016, None)),
    ("January to June 2017", BETWEEN, (2017, 6)),
    ("March-May 2017", BETWEEN, (2017, 5)),
    ("the second half of 2016", BETWEEN, (2016, 12)),
    ("Q1 2017", BETWEEN, (2017, 3)),
    ("the third quarter of 2017", BETWEEN, (2017, 9)),
    ("in 2017-03", MONTH_YEAR, (2017, 3)),
    ("in 2011-12", FISCAL, (2012, None)),
])
def test_a_span_is_read_once_by_its_most_specific_rule(text, kind, end):
    (read,) = mentions(text)
    assert (read.kind, (read.year, read.month)) == (kind, end)


@pytest.mark.parametrize("text", [
    "over 2000 burglaries", "2019 offences were recorded", "a budget of £2020", "2019% of nothing", "on 14/12",
    "the 2021-22-23 plan", "about 2024 people", "Room 2019/2", "1234 crimes",
])
def test_counts_money_and_dates_are_not_periods(text):
    assert mentions(text) == []


def test_mentions_come_in_text_order_whatever_rule_read_them():
    read = mentions("Since 2016, and in 2024/25 and the 12 months to March 2023, or 2019.")
    assert [m.kind for m in read] == [SINCE, FISCAL, TO_MONTH, YEAR]


def test_a_question_and_a_claim_read_a_printed_period_as_the_same_period():
    """Every period the corpus's tables print: the question reader picks exactly it, the claim reader ends it
    in the same month (the two readers share the words, not the meaning)."""
    printed = [words for _, words in vocab.SCOPE.values]
    assert printed
    for period in printed:
        assert read_periods(f"burglary in Harlow in the {period}").periods == (period,)
        assert find_period(f"Burglary fell in the {period}.").end == period_end(period)


def test_a_month_the_tables_do_not_print_is_named_in_words_in_the_reason():
    year, month = period_end(vocab.SCOPE.values[-1][1])
    later = f"{MONTHS[month % 12]} {year + (month == 12)}"
    reasons = read_periods(f"burglary in Harlow in {later}").reasons
    assert reasons and later in reasons[0].message


@pytest.mark.parametrize("period", _every_period(), ids=lambda m: f"{m.kind}-{m.label}")
def test_every_period_spans_whole_months_ending_where_it_ends(period):
    spanned = period.months
    assert spanned[-1] == (period.year, period.month or 3 if period.kind == FISCAL else period.month or 12)
    index = [year * 12 + month for year, month in spanned]
    assert index == list(range(index[0], index[0] + len(index)))  # consecutive, no gap
    expected = {TO_MONTH: 12, FISCAL: 12, SINCE: 12, YEAR: 12, MONTH_YEAR: 1}.get(period.kind)
    assert expected is None or len(spanned) == expected


def test_halves_and_quarters_are_the_months_they_span():
    (half,) = mentions("the first half of 2017")
    (quarter,) = mentions("Q4 2016")
    assert half.months == tuple((2017, m) for m in range(1, 7))
    assert quarter.months == ((2016, 10), (2016, 11), (2016, 12))
