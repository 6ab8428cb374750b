"""Near misses on a force whose tables were just learned: a kind of crime no row counts, a calendar year no printed
period mostly covers, a place inside an area. Each must get no figure given as its answer: not the all-crime
total, not the nearest period's figure, not the area's row (that row may only come as context said to be that).

The workbooks are generated (`tests/ingest/workbook_layouts.py`) in every layout and way of naming periods, read by
the real ingestion, and asked through the real question reader and table look-up; the properties hold over the
data each workbook prints, never over hand-typed answers.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ingest"))  # the workbook generator

from workbook_layouts import LAYOUTS, make_workbook

from assistant import vocab
from assistant.answer.tables import TableIndex, answer_table
from assistant.ingest.corpus import load_document
from assistant.ingest.performance import read_performance
from assistant.text.dates import period_end, period_months
from assistant.understand import question

SEEDS = range(0, 40, 3)  # every layout and period naming comes up among these
# Kinds of crime that no generated workbook prints a row for.
UNPRINTED_KINDS = ("hate", "wildlife", "rural", "heritage")


@pytest.fixture(scope="module", params=SEEDS)
def force(request, tmp_path_factory):
    """One generated force: its workbook, its tables, and the vocabulary laid over what was learned."""
    folder = tmp_path_factory.mktemp(f"force{request.param}")
    workbook = make_workbook(folder, request.param, LAYOUTS[request.param % len(LAYOUTS)])
    read = read_performance([load_document(workbook.path, {})])
    tables = TableIndex(read.frame)
    return workbook, tables, vocab.for_catalogue(vocab.load(), tables.catalogue)


def _ask(force, text: str):
    _, tables, words = force
    with vocab.using(words):
        return answer_table(question.parse(text), tables)


def _calendar_months(period: str, year: int) -> int:
    """How many months of `year` a printed period holds, worked out here from its words."""
    end_year, end_month = period_end(period)
    months = [(end_year * 12 + end_month - 1 - back) // 12 for back in range(period_months(period))]
    return months.count(year)


def test_a_kind_of_crime_no_row_counts_gets_no_all_crime_figure(force):
    workbook, _, _ = force
    for area in workbook.areas:
        for kind in UNPRINTED_KINDS:
            result = _ask(force, f"How many {kind} crimes were recorded in {area}?")
            assert result is None or not result.answerable, result.text
            assert result is None or not result.figures, result.text
            if result is not None:
                assert f"{kind} crimes" in result.text, result.text


def test_crime_with_no_kind_named_is_still_all_crime(force):
    workbook, tables, _ = force
    table = tables.latest()
    for area in workbook.areas:
        result = _ask(force, f"How many crimes were recorded in {area}?")
        assert result.answerable, result.text
        assert {figure.crime_type for figure in result.figures} == {table.total}, result.text


def test_a_year_is_answered_only_by_a_period_holding_most_of_its_months(force):
    """Every figure given for "in <year>" is of a period holding more than six of its months, and says so; a year
    that no printed period mostly holds is refused, naming the periods the tables do hold."""
    workbook, tables, _ = force
    area = workbook.areas[0]
    printed = sorted({period for table in tables.editions for period in table.years})
    years = sorted({period_end(period)[0] + shift for period in printed for shift in (-2, -1, 0, 1)})
    answered = 0
    for year in years:
        result = _ask(force, f"How many offences were recorded in {area} in {year}?")
        mostly = [period for period in printed if _calendar_months(period, year) * 2 > 12]
        if result.answerable:
            answered += 1
            assert {figure.period for figure in result.figures} <= set(mostly), (year, result.text)
            assert str(year) in result.text, result.text
        else:
            assert not result.figures, result.text
            if not mostly:
                assert "cover only" in result.text and str(year) in result.text, result.text
    assert answered == sum(1 for year in years if any(_calendar_months(p, year) * 2 > 12 for p in printed))


@pytest.mark.parametrize("name", ["North {area}", "{area} Town Centre", "{area} Village", "upper {area}",
                                  "{area} College"])
def test_a_place_inside_an_area_gets_the_areas_figure_only_as_context(force, name):
    workbook, _, _ = force
    for area in workbook.areas:
        place = name.format(area=area)
        result = _ask(force, f"How many crimes were recorded in {place}?")
        assert not result.answerable, result.text
        assert {figure.area for figure in result.figures} <= {area}, result.text
        assert f"not one for {place.title()}" in result.text, result.text


def test_the_area_on_its_own_is_still_answered(force):
    workbook, _, _ = force
    for area in workbook.areas:
        result = _ask(force, f"How many crimes were recorded in {area}?")
        assert result.answerable and {figure.area for figure in result.figures} == {area}, result.text


# ------------------------------------------------------------------------------------------- the repo corpus


def test_on_the_corpus_a_year_gets_a_table_figure_only_from_a_period_holding_most_of_it(engine):
    """The same rule through the engine on the real corpus: "in 2022" on tables of the 12 months to October 2023 and
    2024 is no question for the 12 months to October 2023, which hold two months of it."""
    printed = sorted({period for table in engine.tables.editions for period in table.years})
    years = sorted({period_end(period)[0] + shift for period in printed for shift in (-1, 0, 1)})
    district = engine.tables.districts[0]
    for year in years:
        answer = engine.ask(f"How many offences were recorded in {district} in {year}?")
        for figure in answer.figures:
            if figure.period in printed:
                assert _calendar_months(figure.period, year) * 2 > 12, (year, answer.text)


def test_on_the_corpus_a_kind_of_crime_no_row_counts_gets_no_table_figure(engine):
    printed = {crime_type.lower() for crime_type in engine.tables.crime_types}
    district = engine.tables.districts[0]
    for kind in UNPRINTED_KINDS:
        if any(kind in label for label in printed):
            continue
        answer = engine.ask(f"How many {kind} crimes were recorded in {district}?")
        assert not [citation for citation in answer.citations if citation.table], answer.text
