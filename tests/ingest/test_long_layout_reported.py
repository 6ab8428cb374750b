"""A performance table in a long open-data layout (one row per period, area, crime type and measure, the figure in a
`value` column) is not read yet: the build must say so in plain words and take no figure from it, never pass over
it in silence. Workbooks are generated with invented places and column names."""

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


def _long_workbook(path, seed: int, header: tuple[str, ...], measures: tuple[str, str]):
    rng = random.Random(seed)
    places = [f"{rng.choice(['North', 'Upper', 'East', 'Old'])} {rng.choice(['Fallow', 'Brind', 'Carrow'])}{n}"
              for n in range(3)]
    book = Workbook()
    sheet = book.active
    sheet.title = "data"
    sheet.append(list(header))
    for period in ("2025-26 Q3", "2026-27 Q3"):
        for crime in ("All crime", "Burglary", "Shoplifting", "Robbery"):
            for place in places:
                counted = rng.randint(40, 900)
                sheet.append([period, place, crime, measures[0], counted])
                sheet.append([period, place, crime, measures[1], rng.randint(1, counted // 4)])
    book.save(path)
    return path


@pytest.mark.parametrize("header", HEADERS)
@pytest.mark.parametrize("measures", MEASURES)
def test_a_long_layout_is_reported_and_read_for_no_figure(tmp_path, header, measures):
    path = _long_workbook(tmp_path / "force-performance-long.xlsx", len(header[0]), header, measures)
    read = read_performance([load_document(path, {})])
    assert read.frame.empty
    said = " ".join(message for _, message in read.problems)
    assert "one row per measure and value" in said and "left out" in said, read.problems
    assert not any(word in said for word in ("Traceback", "TableProblem", "None")), said
