"""Part-year performance summaries (a financial year to date, a quarter, a half year) in the layouts forces publish
are read exactly: a printed report's ruled tables (crime types as rows; one table of areas per crime type with the
district's total row) and a workbook laid out across (areas as columns, each crime type's measures and periods as
rows, the district's total column). Every cell the frame holds is the printed cell, for its own area, crime type,
measure and exact period (months and end); every area and crime type learned reads back as itself; the district's
figures add up from its areas'. A table comparing unlike periods (a quarter against the quarter before) is reported
in plain words and left out, never read as a change on last year.

Every document is generated (`part_year_summaries`), so no force, place or figure here is a real one.
"""

from __future__ import annotations

import math

import pytest
from part_year_summaries import (TOTAL, make_summary, misread_labels, quarter_on_quarter, truth, write_across_xlsx,
                                 write_docx, write_pdf)

from assistant.ingest.catalogue import build_catalogue
from assistant.ingest.corpus import load_document
from assistant.ingest.measures import OFFENCES, SOLVED
from assistant.ingest.performance import read_performance

WRITERS = {"pdf": lambda path, s: write_pdf(path, s), "docx": lambda path, s: write_docx(path, s),
           "xlsx": write_across_xlsx}
CASES = [(suffix, seed, span) for suffix in WRITERS for seed, span in
         ((0, "year_to_date"), (1, "quarter"), (2, "half_year"), (3, "year_to_date"), (4, "quarter"))]


def _read(tmp_path, suffix, seed, span):
    summary = make_summary(seed, span)
    document = load_document(WRITERS[suffix](tmp_path / f"summary-{seed}.{suffix}", summary), {})
    return summary, document, read_performance([document])


@pytest.mark.parametrize("suffix,seed,span", CASES)
def test_every_printed_cell_is_read_for_its_area_crime_type_measure_and_exact_period(tmp_path, suffix, seed, span):
    summary, _, read = _read(tmp_path, suffix, seed, span)
    assert read.problems == ()
    frame = read.frame
    expected = truth(summary)
    held: dict[tuple, set[float]] = {}
    for record in frame.itertuples(index=False):
        key = (record.area, record.crime_type, record.measure, record.period)
        assert key in expected, key  # nothing read that the summary does not print
        held.setdefault(key, set()).add(record.value)
    for key, value in expected.items():
        assert key in held, key
        assert len(held[key]) == 1 and math.isclose(held[key].pop(), value, abs_tol=0.051), key
    assert set(frame.period_end) == {f"{summary.year - back}-{summary.last:02d}" for back in (0, 1)}


@pytest.mark.parametrize("suffix,seed,span", CASES)
def test_the_district_is_the_whole_and_its_areas_add_up_to_it(tmp_path, suffix, seed, span):
    summary, document, read = _read(tmp_path, suffix, seed, span)
    frame = read.frame
    catalogue = build_catalogue(frame, {document.id: document})
    assert catalogue.forces() == (summary.district,)
    assert set(catalogue.districts()) == set(summary.areas)
    counts = frame[frame.measure.isin((OFFENCES, SOLVED))]
    for (crime, measure, period), rows in counts.groupby(["crime_type", "measure", "period"]):
        parts = rows[rows.area.isin(summary.areas)].drop_duplicates("area")
        whole = rows[rows.area == summary.district].value.unique()
        assert len(parts) == len(summary.areas) and len(whole) == 1
        assert parts.value.sum() == whole[0], (crime, measure, period)


@pytest.mark.parametrize("suffix,seed,span", CASES[::2])
def test_every_learned_area_and_crime_type_reads_back_as_itself(tmp_path, suffix, seed, span):
    summary, document, read = _read(tmp_path, suffix, seed, span)
    assert not misread_labels(read.frame, [document], summary.areas, (TOTAL, *summary.crimes))


@pytest.mark.parametrize("suffix,seed,span", CASES[::3])
def test_the_catalogue_says_what_was_learned_in_plain_words(tmp_path, suffix, seed, span):
    summary, document, read = _read(tmp_path, suffix, seed, span)
    catalogue = build_catalogue(read.frame, {document.id: document})
    lines = "\n".join(catalogue.describe())
    assert f"{summary.period_words(False)} and {summary.year}" in lines
    assert f"{summary.district} as a whole" in lines and "force total" not in lines
    assert all(area in lines for area in summary.areas)
    said = catalogue.periods_in_words()
    assert "rolling" not in said if summary.months < 12 else said.startswith("rolling years")
    assert not any(ch.isdigit() for ch in said + catalogue.areas_in_words(summary.district))


@pytest.mark.parametrize("suffix", ("pdf", "docx"))
@pytest.mark.parametrize("seed", range(3))
def test_a_quarter_against_the_quarter_before_is_reported_and_left_out(tmp_path, suffix, seed):
    summary = make_summary(seed, "quarter")
    writer = write_pdf if suffix == "pdf" else write_docx
    document = load_document(writer(tmp_path / f"summary-{seed}.{suffix}", summary, [quarter_on_quarter(summary)]),
                             {})
    read = read_performance([document])
    assert len(read.problems) == 1
    message = read.problems[0][1]
    assert "not the same months of different years" in message and "Table 3" in message
    assert set(read.frame.period_end) == {f"{summary.year - back}-{summary.last:02d}" for back in (0, 1)}
    assert not read.frame.column_label.str.contains("3 months to").any()


@pytest.mark.parametrize("seed", range(3))
def test_a_workbook_across_whose_columns_name_no_area_is_reported_not_guessed(tmp_path, seed):
    import openpyxl

    summary = make_summary(seed)
    path = write_across_xlsx(tmp_path / f"across-{seed}.xlsx", summary)
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[2]
    sheet.cell(row=4, column=4).value = None  # an area's header cell left blank
    book.save(path)
    read = read_performance([load_document(path, {})])
    assert any("has no header naming its area" in message for _, message in read.problems)
    assert sheet.title not in set(read.frame.column_label)
    wrong = read.frame[read.frame.area == ""]
    assert wrong.empty
