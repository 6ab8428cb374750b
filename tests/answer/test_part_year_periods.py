"""Questions over generated part-year summaries ("Crimes Apr-Dec 2026"): a period asked in any of the ways people
write it is the printed period with the same first and last month, and a place or period the tables do not hold
never gets another one's figure.

Each workbook is an invented force's district with crime types as rows (`part_year_workbooks`); the spans, years,
names and figures vary with the seed. What must hold for every one: the span written out, abbreviated, with a
two-digit year or as a half or quarter of a (financial) year is answered with its cell; a span the summary does not
print is refused; "ytd" or "this yr" is the latest period; "+/-" and "% diff" ask for the change; a place the tables
do not print is never answered with the district's figure.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from part_year_workbooks import CRIMES, make_part_year_workbook  # noqa: E402

# Seeds whose spans are April to September, April to December and January to June (see `SPANS`).
SEEDS = (0, 1, 3)


@pytest.fixture(scope="module", params=SEEDS)
def engine(request, tmp_path_factory):
    from assistant.engine import Assistant
    from assistant.store.build import build_index

    corpus = tmp_path_factory.mktemp(f"part-year-{request.param}")
    written = make_part_year_workbook(corpus, request.param)
    index = tmp_path_factory.mktemp(f"part-year-index-{request.param}")
    build_index(corpus, index)
    return written, Assistant.load(index)


def _values(answer) -> list[float]:
    return [figure.value for figure in answer.figures]


def _crimes():
    return [crime for crime in CRIMES if crime != "All crime"]


@pytest.mark.slow
def test_a_span_written_any_way_is_the_printed_period_with_those_months(engine):
    written, assistant = engine
    for style in range(4):
        for year in written.years:
            crime = _crimes()[(style + year) % len(_crimes())]
            answer = assistant.ask(f"how many {crime.lower()} offences in {written.district.lower()} "
                                   f"{written.span(year, style)}")
            value = written.cells[(crime, "offences", year)]
            assert answer.answerable, answer.text
            assert any(math.isclose(v, value) for v in _values(answer)), (style, year, answer.text)


@pytest.mark.slow
def test_a_span_the_summary_does_not_print_is_refused(engine):
    written, assistant = engine
    shorter = make_part_year_workbook.__globals__["MONTHS"][written.last - 2]
    first = make_part_year_workbook.__globals__["MONTHS"][written.first - 1]
    answer = assistant.ask(f"shoplifting in {written.district} {first} to {shorter} {written.years[1]}")
    assert not answer.answerable, answer.text
    assert not any(math.isclose(v, written.cells[("Shoplifting", "offences", year)]) for v in _values(answer)
                   for year in written.years), answer.text


@pytest.mark.slow
def test_a_span_named_without_its_year_is_the_latest_printed_for_those_months(engine):
    written, assistant = engine
    first, last = written.span(written.years[1]).split()[0].split("-")
    answer = assistant.ask(f"robbery in {written.district} in the {first}-{last} figures")
    assert answer.answerable, answer.text
    assert written.cells[("Robbery", "offences", written.years[1])] in _values(answer), answer.text


@pytest.mark.slow
def test_a_half_or_quarter_of_the_year_is_the_period_that_spans_it(engine):
    written, assistant = engine
    later = written.years[1]
    size = written.last - written.first + 1
    if size not in (3, 6):
        pytest.skip("the span is no half or quarter")
    part = "half" if size == 6 else "quarter"
    if written.first == 4:  # a financial year's first part
        said = (f"first {part} of {later}/{str(later + 1)[2:]}", f"the first {part} of the financial year")
    else:
        said = (f"first {part} of {later}", f"h1 {later}" if part == "half" else f"q1 {later}")
    for words in said:
        answer = assistant.ask(f"drug offences in {written.district} {words}")
        assert answer.answerable, (words, answer.text)
        assert written.cells[("Drug offences", "offences", later)] in _values(answer), (words, answer.text)


@pytest.mark.slow
@pytest.mark.parametrize("words", ("ytd", "this yr", "financial year to date", "so far this year"))
def test_the_year_to_date_is_the_latest_period(engine, words):
    written, assistant = engine
    answer = assistant.ask(f"bicycle theft {written.district.lower()} {words}")
    assert answer.answerable, answer.text
    assert written.cells[("Bicycle theft", "offences", written.years[1])] in _values(answer), answer.text


@pytest.mark.slow
@pytest.mark.parametrize("words", ("+/-", "% diff"))
def test_the_printed_change_columns_are_read_as_the_change(engine, words):
    written, assistant = engine
    crime = "Vehicle offences"
    before, now = (written.cells[(crime, "offences", year)] for year in written.years)
    answer = assistant.ask(f"{crime.lower()} {written.district.lower()} {words} {written.span(written.years[1])}")
    assert answer.answerable, answer.text
    wanted = now - before if words == "+/-" else round(100 * (now - before) / before, 1)
    assert any(math.isclose(v, wanted) for v in _values(answer)), answer.text


@pytest.mark.slow
@pytest.mark.parametrize("place", ("venlis market", "Torquen Green", "north dathorpe"))
def test_a_place_the_tables_do_not_print_never_gets_the_district_figure(engine, place):
    written, assistant = engine
    for said in (f"{{crime}} in {place}", f"{{crime}} {place} this year",
                 f"positive outcomes for {{crime}} in {place} {written.span(written.years[1])}"):
        for crime in _crimes()[:2]:
            answer = assistant.ask(said.format(crime=crime.lower()))
            assert not answer.answerable, answer.text


@pytest.mark.slow
def test_the_scope_of_one_area_is_said_in_plain_english(engine):
    written, assistant = engine
    answer = assistant.ask(f"robbery in {written.district} in 2019/20")
    assert not answer.answerable
    assert " 1 " not in answer.text and "1 areas" not in answer.text, answer.text


@pytest.mark.slow
def test_a_ranking_over_a_summary_of_one_area_says_there_is_nothing_to_rank(engine):
    written, assistant = engine
    answer = assistant.ask(f"which neighbourhood had the biggest rise in shoplifting {written.span(written.years[1])}")
    assert not answer.answerable, answer.text
    assert "No district" not in answer.text and "as a whole" in answer.text, answer.text


@pytest.mark.slow
@pytest.mark.parametrize("ordinal", ("first", "second"))
def test_an_edition_counted_from_the_first_is_none_when_only_one_is_indexed(engine, ordinal):
    """One summary indexed, and the question counts editions: the other one is not held, so neither is answered
    with the one that is."""
    written, assistant = engine
    answer = assistant.ask(f"robbery in {written.district}, the {ordinal} edition")
    assert not answer.answerable, answer.text
    assert not any(math.isclose(v, written.cells[("Robbery", "offences", year)]) for v in _values(answer)
                   for year in written.years), answer.text
