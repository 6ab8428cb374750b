"""Quarters named without their year ("in Q2", "the third quarter", "Q3 last year", "the same quarter last year")
read against the quarters the tables print: a quarter is of the financial year English public bodies report by
(Q1 April to June ... Q4 January to March), the latest printed one unless "last year" says the one a year before,
and a quarter that is not printed is named as not covered, never read as another quarter or the latest period.

Properties over every pair of consecutive quarters printed with the same quarters of the year before, as two
quarterly editions print them; no corpus's periods.
"""

from __future__ import annotations

import pytest

from assistant import vocab
from assistant.text.dates import MONTHS
from assistant.understand.periods import compares_with_last_year, read_periods
from assistant.vocab.catalogued import PeriodScope

ORDINALS = ("first", "second", "third", "fourth")
YEAR = 2026  # the financial year 2026/27 holds the later edition's quarter


def _quarter_end(number: int, year: int = YEAR) -> tuple[int, int]:
    """(year, month) the financial year `year`/`year+1`'s quarter `number` ends in: Q1 June ... Q4 March."""
    index = year * 12 + 3 + number * 3 - 1
    return index // 12, index % 12 + 1


def _words(end: tuple[int, int]) -> str:
    return f"3 months to {MONTHS[end[1] - 1]} {end[0]}"


def _scope(quarters: tuple[int, ...]) -> PeriodScope:
    """The quarters of financial year YEAR printed, each beside the same quarter a year earlier."""
    ends = [(year, month) for number in quarters for year, month in
            (_quarter_end(number), _quarter_end(number, YEAR - 1))]
    values = tuple(sorted((f"{year}-{month:02d}", _words((year, month))) for year, month in ends))
    latest = _quarter_end(quarters[-1])
    return PeriodScope(values, _words(latest), _words(_quarter_end(quarters[-1], YEAR - 1)))


def _said(number: int) -> list[str]:
    return [f"q{number}", f"Q{number}", f"the {ORDINALS[number - 1]} quarter", f"{ORDINALS[number - 1]} quarter"]


PAIRS = [(1, 2), (2, 3), (3, 4)]


@pytest.mark.parametrize("pair", PAIRS)
def test_a_quarter_without_its_year_is_the_latest_printed_one(pair, monkeypatch):
    monkeypatch.setattr(vocab, "SCOPE", _scope(pair))
    for number in pair:
        for said in _said(number):
            for text in (f"how many burglaries in {said}", f"robbery {said} please",
                         f"which area was worst in {said}?"):
                read = read_periods(text)
                assert read.periods == (_words(_quarter_end(number)),) and not read.reasons, (text, read)


@pytest.mark.parametrize("pair", PAIRS)
def test_last_year_after_a_quarter_is_the_same_quarter_a_year_earlier(pair, monkeypatch):
    monkeypatch.setattr(vocab, "SCOPE", _scope(pair))
    for number in pair:
        earlier = _words(_quarter_end(number, YEAR - 1))
        for said in _said(number):
            for text in (f"how many burglaries in {said} last year", f"{said} of last year for robbery",
                         f"shoplifting in {said} of the previous year", f"{said} a year earlier"):
                read = read_periods(text)
                assert read.periods == (earlier,) and not read.reasons, (text, read)


@pytest.mark.parametrize("pair", PAIRS)
def test_a_quarter_not_printed_is_not_covered_never_another(pair, monkeypatch):
    """"Q4" where the tables print Q2 and Q3 (whose calendar reading, October to December, is printed) is not
    covered: no period is read, and the reason names the words."""
    monkeypatch.setattr(vocab, "SCOPE", _scope(pair))
    for number in set(range(1, 5)) - set(pair):
        for said in _said(number):
            for text in (f"how many burglaries in {said}", f"robbery {said} last year"):
                read = read_periods(text)
                assert read.periods == () and read.reasons, (text, read)


@pytest.mark.parametrize("pair", PAIRS)
def test_the_same_quarter_last_year_is_a_year_before_the_quarter_named(pair, monkeypatch):
    """Even when the quarter named is not the latest edition's: "Q2 ... and the same quarter last year" is Q2's
    year before, not the latest summary's earlier period."""
    monkeypatch.setattr(vocab, "SCOPE", _scope(pair))
    for number in pair:
        now, earlier = _words(_quarter_end(number)), _words(_quarter_end(number, YEAR - 1))
        fiscal = f"{YEAR}/{str(YEAR + 1)[2:]}"
        for text in (f"burglary in q{number} {fiscal} and the same quarter last year",
                     f"robbery in the {ORDINALS[number - 1]} quarter and in the same quarter a year earlier",
                     f"shoplifting in q{number}, and the same period the year before"):
            assert set(read_periods(text).periods) == {now, earlier}, text
        for text in (f"burglary in q{number} {fiscal} compared with the same quarter last year",
                     f"how did q{number} compare with the same quarter last year"):
            read = read_periods(text)
            assert read.periods == (now,) and compares_with_last_year(vocab.normalise(text)), (text, read)
