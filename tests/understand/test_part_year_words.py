"""Part-year periods in the words people use: "the first half of 26/27" names a period (its ordinal is no place or
topic left unexplained), a refusal names every printed span with its own length, and "resi burglary" is the
residential burglary row. The engine tests run over generated part-year workbooks of an invented force
(`tests/answer/part_year_workbooks`).
"""

from __future__ import annotations

import math
import re
import sys
from pathlib import Path

import pytest

from assistant import vocab
from assistant.understand.periods import period_phrases
from assistant.vocab.catalogued import PeriodScope

sys.path.insert(0, str(Path(__file__).parents[1] / "answer"))
from part_year_workbooks import make_part_year_workbook  # noqa: E402

ORDINAL_PERIODS = ["robbery % change first half of 26/27 v same period last yr",
                   "shoplifting in the second half of 2025/26",
                   "how many burglaries in the first half of the 2026/27 financial year",
                   "drug offences in the 3rd quarter of 2025",
                   "vehicle crime in the fourth quarter of financial year 2025/26",
                   "the 1st half of 2026 for robbery"]


@pytest.mark.parametrize("text", ORDINAL_PERIODS)
def test_the_ordinal_of_a_half_or_quarter_is_period_words(text):
    """Blanking the period phrases leaves no ordinal behind to be taken for a place or a topic."""
    left = vocab.normalise(text)
    for phrase in period_phrases(text):
        left = re.sub(rf"\b{re.escape(phrase)}\b", " ", left)
    assert not re.search(r"\b(?:first|second|third|fourth|1st|2nd|3rd|4th|half|quarter)\b", left), left


@pytest.mark.parametrize("spans", [((9, 6), (12, 9)), ((6, 3), (12, 12), (3, 12)), ((12, 9), (9, 6), (6, 3))])
def test_a_refusal_names_each_printed_span_with_its_own_length(spans):
    """Every printed period is named with its own months: a six-month and a nine-month summary side by side."""
    months = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December")
    values = tuple((f"{year}-{end:02d}", f"{length} months to {months[end - 1]} {year}")
                   for end, length in spans for year in (2025, 2026))
    covered = PeriodScope(values=values).covered
    for end, length in spans:
        assert f"the {length} months to {months[end - 1]} 2025 and 2026" in covered, covered


@pytest.fixture(scope="module", params=(0, 3))
def engine(request, tmp_path_factory):
    """A workbook whose span is a half of a year: April to September (a financial year's first half) or January to
    June (a calendar year's)."""
    from assistant.engine import Assistant
    from assistant.store.build import build_index

    corpus = tmp_path_factory.mktemp(f"half-year-{request.param}")
    written = make_part_year_workbook(corpus, request.param)
    assert written.last - written.first == 5
    index = tmp_path_factory.mktemp(f"half-year-index-{request.param}")
    build_index(corpus, index)
    return written, Assistant.load(index)


def _half(written, year: int, style: int) -> str:
    fiscal = written.first == 4
    years = f"{year}/{str(year + 1)[2:]}" if fiscal else str(year)
    short = f"{str(year)[2:]}/{str(year + 1)[2:]}" if fiscal else str(year)
    return (f"the first half of {years}", f"first half of {short}", f"the 1st half of {years}")[style % 3]


@pytest.mark.slow
def test_the_first_half_of_a_year_is_the_printed_half_year(engine):
    written, assistant = engine
    for style in range(3):
        for year in written.years:
            answer = assistant.ask(f"robbery {_half(written, year, style)} in {written.district.lower()}")
            assert answer.answerable, answer.text
            value = written.cells[("Robbery", "offences", year)]
            assert any(math.isclose(f.value, value) for f in answer.figures), (style, year, answer.text)
            answer = assistant.ask(f"robbery % change {_half(written, written.years[1], style)}")
            assert "print no figures for" not in answer.text, answer.text


@pytest.mark.slow
def test_resi_burglary_is_the_residential_burglary_row(engine):
    written, assistant = engine
    for question in (f"resi burglary in {written.district} {written.span(written.years[1])}",
                     f"how many resi burglaries in {written.district.lower()} {written.span(written.years[0], 2)}"):
        answer = assistant.ask(question)
        year = written.years[1] if written.span(written.years[1]) in question else written.years[0]
        assert answer.answerable, answer.text
        assert written.cells[("Residential burglary", "offences", year)] in [f.value for f in answer.figures], \
            answer.text
