"""A performance table in a long open-data layout (one row per period, area, crime type and measure, the figure in a
`value` column) is read row by row, whatever its columns are called; one whose columns cannot be told apart (two
columns of figures) is reported in plain words and read for no figure, never passed over in silence nor guessed.
Workbooks are generated with invented places and column names (see also test_long_tables)."""

from __future__ import annotations

import random

import pytest
from openpyxl import Workbook

from assistant.ingest.corpus import load_document
from assistant.ingest.performance import read_performance

MEASURES = (("recorded", "charged"), ("offences", "solved outcomes"), ("crimes", "positive outcomes"))
HEADERS = (("period", "area", "offence_group", "measure", "value"),
           ("Quarter", "Ward", "Crime type", "Measure", "Value"),
           ("financial_quarter", "neighbourhood", "category", "indicator", "count"))


def _long_workbook(path, seed: int, header: tuple[str, ...], measures: tuple[str, str], second_figures=False):
    rng = random.Random(seed)
    places = [f"{rng.choice(['North', 'Upper', 'East', 'Old'])} {rng.choice(['Fallow', 'Brind', 'Carrow'])}{n}"
              for n in range(3)]
    book = Workbook()
    sheet = book.active
    sheet.title = "data"
    sheet.append([*header, "value2"] if second_figures else list(header))
    for period in ("2025-26 Q3", "2026-27 Q3"):
        for crime in ("All crime", "Burglary", "Shoplifting", "Robbery"):
            for place in places:
                counted = rng.randint(40, 900)
                for row in ([period, place, crime, measures[0], counted],
                            [period, place, crime, measures[1], rng.randint(1, counted // 4)]):
                    sheet.append([*row, rng.randint(1, 9)] if second_figures else row)
    book.save(path)
    return path


@pytest.mark.parametrize("header", HEADERS)
@pytest.mark.parametrize("measures", MEASURES)
def test_a_long_layout_is_read_row_by_row(tmp_path, header, measures):
    path = _long_workbook(tmp_path / "force-performance-long.xlsx", len(header[0]), header, measures)
    document = load_document(path, {})
    read = read_performance([document])
    assert read.problems == ()
    rows = [line.split("\t") for line in document.text.split("\n") if line.count("\t") == len(header) - 1]
    assert len(read.frame) == len(rows) - 1  # every row but the header
    for record in read.frame.itertuples(index=False):
        lines = [line.split("\t") for line in document.text[record.row_start:record.row_end].split("\n")]
        assert all((place, crime) == (record.area, record.crime_type) for _, place, crime, _, _ in lines)
        period, _, _, measure, _ = next(cells for cells in lines if cells[3] == record.column_label and
                                        cells[record.position] == record.printed)
        assert record.measure == ("offences" if measure == measures[0] else "solved outcomes")
        assert record.period == f"3 months to December {period[:4]}"  # Q3 of 2025-26: October to December 2025


@pytest.mark.parametrize("header", HEADERS)
def test_a_long_layout_with_two_columns_of_figures_is_reported_and_read_for_no_figure(tmp_path, header):
    path = _long_workbook(tmp_path / "force-performance-long.xlsx", len(header[0]), header, MEASURES[0], True)
    read = read_performance([load_document(path, {})])
    assert read.frame.empty
    said = " ".join(message for _, message in read.problems)
    assert "one row per measure and value" in said and "left out" in said, read.problems
    assert not any(word in said for word in ("Traceback", "TableProblem", "None")), said
