"""Long (tidy, open-data) performance tables are read exactly, for any force: one row per period, area, crime type
and measure, in a workbook or a CSV file, whatever the columns are called. Every cell the frame holds is the figure
printed in its own row, for that row's area, crime type, measure and exact period (a quarter, a half year, a whole
year); every area and crime type learned reads back as itself; the district's own total is the whole its areas make
up; codes are no areas. Measures the build cannot name are reported in plain words and left out; so is a table that
mixes periods it cannot tell apart. Every document is generated (`long_tables_documents`): no real force or figure.
"""

from __future__ import annotations

import math

import pytest
from long_tables_documents import STYLES, long_rows, write_long
from part_year_summaries import TOTAL, make_summary, misread_labels, truth

from assistant.ingest.catalogue import build_catalogue
from assistant.ingest.corpus import load_document
from assistant.ingest.grids import parse_number
from assistant.ingest.performance import read_performance

# (style, seed, span): every style over a quarter, a half year and a year to date (some of them a whole year)
CASES = [(style, seed, span) for style in STYLES for seed, span in
         ((1, "quarter"), (2, "half_year"), (3, "year_to_date"), (4, "quarter"), (5, "year_to_date"))
         if span == "quarter" or style.name != "fiscal"]


def _ids(case):
    style, seed, span = case
    return f"{style.name}-{seed}-{span}"


def _read(tmp_path, style, seed, span, rows=None):
    summary = make_summary(seed, span)
    path = write_long(tmp_path / f"force-open-data-{seed}.{style.suffix}", summary, style,
                      rows(summary) if rows else None)
    document = load_document(path, {})
    return summary, document, read_performance([document])


@pytest.mark.parametrize("style,seed,span", CASES, ids=map(_ids, CASES))
def test_every_row_is_read_for_its_area_crime_type_measure_and_exact_period(tmp_path, style, seed, span):
    summary, _, read = _read(tmp_path, style, seed, span)
    assert read.problems == ()
    expected = truth(summary)
    held: dict[tuple, set[float]] = {}
    for record in read.frame.itertuples(index=False):
        key = (record.area, record.crime_type, record.measure, record.period)
        assert key in expected, key  # nothing read that the table does not print
        held.setdefault(key, set()).add(record.value)
    assert set(held) == set(expected)
    for key, value in expected.items():
        assert len(held[key]) == 1 and math.isclose(held[key].pop(), value, abs_tol=0.051), key
    assert set(read.frame.period_end) == {f"{summary.year - back}-{summary.last:02d}" for back in (0, 1)}


@pytest.mark.parametrize("style,seed,span", CASES[::2], ids=map(_ids, CASES[::2]))
def test_every_figure_is_cited_to_lines_of_its_own_area_and_crime_type_that_print_it(tmp_path, style, seed, span):
    _, document, read = _read(tmp_path, style, seed, span)
    assert not read.frame.empty
    for record in read.frame.itertuples(index=False):
        lines = [line.split("\t") for line in document.text[record.row_start:record.row_end].split("\n")]
        assert all(record.area in cells and record.crime_type in cells for cells in lines)
        assert any(cells[record.position] == record.printed and record.column_label in cells for cells in lines)
        assert math.isclose(parse_number(record.printed), record.value, abs_tol=1e-9)


@pytest.mark.parametrize("style,seed,span", CASES[1::2], ids=map(_ids, CASES[1::2]))
def test_the_district_is_the_whole_and_codes_are_no_areas(tmp_path, style, seed, span):
    summary, document, read = _read(tmp_path, style, seed, span)
    catalogue = build_catalogue(read.frame, {document.id: document})
    assert catalogue.forces() == (summary.district,)
    assert set(catalogue.districts()) == set(summary.areas)
    assert not any(area[:2] == "E0" for area in read.frame.area)


@pytest.mark.parametrize("style,seed,span", CASES[::3], ids=map(_ids, CASES[::3]))
def test_every_learned_area_and_crime_type_reads_back_as_itself(tmp_path, style, seed, span):
    summary, document, read = _read(tmp_path, style, seed, span)
    assert not misread_labels(read.frame, [document], summary.areas, (TOTAL, *summary.crimes))


@pytest.mark.parametrize("style", STYLES, ids=lambda s: s.name)
def test_measures_the_build_cannot_name_are_reported_and_the_rest_read(tmp_path, style):
    unknown = ("stop_and_search_count", "Arrests made")
    summary, _, read = _read(tmp_path, style, 4, "quarter", lambda s: long_rows(s, style, unknown))
    said = " ".join(message for _, message in read.problems)
    assert all(code in said for code in unknown) and "left out" in said, read.problems
    assert not any(word in said for word in ("Traceback", "TableProblem", "None")), said
    assert not read.frame.column_label.isin(unknown).any()
    assert len(read.frame) == len(truth(summary))


@pytest.mark.parametrize("style", STYLES, ids=lambda s: s.name)
def test_a_table_of_measures_it_cannot_name_is_reported_and_read_for_no_figure(tmp_path, style):
    def only_unknown(s):
        rows = long_rows(s, style)
        measure = style.parts.index("measure")
        names = {code: f"indicator {n}" for n, code in enumerate(style.codes.values())}
        return [rows[0], *([*row[:measure], names[row[measure]], *row[measure + 1:]] for row in rows[1:])]

    _, _, read = _read(tmp_path, style, 4, "quarter", only_unknown)
    assert read.frame.empty
    said = " ".join(message for _, message in read.problems)
    assert "one row per measure and value" in said and "left out" in said, read.problems


@pytest.mark.parametrize("style", [s for s in STYLES if s.name != "fiscal"], ids=lambda s: s.name)
def test_a_quarter_beside_the_quarter_before_is_reported_and_left_out(tmp_path, style):
    def two_quarters(s):
        rows = long_rows(s, style)
        earlier = make_summary(4, "quarter")
        earlier.first, earlier.last = (s.first - 4) % 12 + 1, (s.last - 4) % 12 + 1
        earlier.year = s.year if s.last > 3 else s.year - 1
        earlier.crimes_by.update(s.crimes_by)
        return [*rows, *long_rows(earlier, style)[1:]]

    _, _, read = _read(tmp_path, style, 4, "quarter", two_quarters)
    assert read.frame.empty
    said = " ".join(message for _, message in read.problems)
    assert "not the same months of different years" in said, read.problems


def test_a_row_whose_period_is_not_said_leaves_its_table_out(tmp_path):
    style = STYLES[1]

    def blank_period(s):
        rows = long_rows(s, style)
        rows[5][style.parts.index("label")] = ""
        return rows

    _, _, read = _read(tmp_path, style, 1, "quarter", blank_period)
    assert read.frame.empty
    assert any("which months its figure covers" in message for _, message in read.problems), read.problems

