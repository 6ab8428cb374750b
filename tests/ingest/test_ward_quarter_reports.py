"""A district's quarterly report (see `ward_quarter_reports`: made-up districts, wards and figures) read whole: its
offence groups printed flat over their sub-types, a "Change %" printed "n/a*" for small rows, a table of wards with
one column per crime type and the district's total as its last row; the whole district named once within an edition
and across editions; and the quarter or half of a year read by one parser whichever layout prints it.
"""

from __future__ import annotations

import math

import pytest
from ward_quarter_reports import GROUP, INCIDENTS, OTHERS, SUBTYPES, TOTAL, WARD_CRIMES, make_quarter, write_docx

from assistant import vocab
from assistant.ingest.catalogue import TOTAL as TOTAL_ROLE
from assistant.ingest.catalogue import build_catalogue
from assistant.ingest.corpus import load_document
from assistant.ingest.measures import OFFENCES, PERCENT_CHANGE
from assistant.ingest.performance import read_performance
from assistant.ingest.same_places import one_name_per_place
from assistant.ingest.table_periods import column_period, part_of_year
from assistant.store.build import with_area_names

SEEDS = range(4)


def _read(tmp_path, seed):
    quarter = make_quarter(seed)
    document = load_document(write_docx(tmp_path / f"quarter-{seed}.docx", quarter), {})
    return quarter, document, read_performance([document])


@pytest.mark.parametrize("seed", SEEDS)
def test_the_table_of_wards_is_read_each_column_as_the_crime_type_it_names(tmp_path, seed):
    quarter, _, read = _read(tmp_path, seed)
    assert read.problems == ()
    got = {(row.area, row.crime_type, row.period): row.value for row in read.frame.itertuples()
           if row.measure == OFFENCES}
    for ward in quarter.wards:
        for crime in WARD_CRIMES:
            members = SUBTYPES if crime == GROUP else (crime,)
            assert got[(ward, crime, quarter.period())] == sum(quarter.by_ward[(ward, c)][1] for c in members)
        assert got[(ward, INCIDENTS, quarter.period())] == quarter.incidents[ward]
        before, now = quarter.ward_total(ward)
        # the all-crime columns are the district's all-crime row: one row, under one name
        assert got[(ward, TOTAL, quarter.period(True))] == before and got[(ward, TOTAL, quarter.period())] == now


@pytest.mark.parametrize("seed", SEEDS)
def test_a_change_percent_column_is_read_as_printed_and_n_a_as_missing(tmp_path, seed):
    quarter, _, read = _read(tmp_path, seed)
    district = read.frame[read.frame.table_title == "Force"]
    percent = {row.crime_type: row.value for row in district.itertuples() if row.measure == PERCENT_CHANGE[OFFENCES]}
    for crime in (GROUP, *SUBTYPES, *OTHERS, TOTAL):
        before, now = quarter.district_figure(crime)
        if before < 20 and now < 20:
            assert math.isnan(percent[crime])  # "n/a*": no figure, never a zero
        else:
            assert percent[crime] == pytest.approx(round(100 * (now - before) / before, 1))


@pytest.mark.parametrize("seed", SEEDS)
def test_the_district_is_one_area_and_its_total_row_the_all_crime_row(tmp_path, seed):
    quarter, document, read = _read(tmp_path, seed)
    words = vocab.load()
    frame = with_area_names(read.frame, words)
    catalogue = build_catalogue(frame, {document.id: document}, words.area_kinds)
    wholes = {area.name for area in catalogue.areas if area.kind == "force"}
    assert len(wholes) == 1 and set(catalogue.districts()) == set(quarter.wards)
    # the district's row of the table of wards is the district's, not a place named like a ward
    (whole,) = wholes
    assert f"{quarter.district} District" not in {area.name for area in catalogue.areas} - {whole}
    roles = {crime.label: crime for crime in catalogue.crime_types}
    assert roles[TOTAL].role == TOTAL_ROLE
    assert {roles[c].parent for c in SUBTYPES} == {GROUP}  # printed flat, found by their sums
    assert {roles[c].parent for c in (GROUP, *OTHERS)} == {TOTAL}
    assert roles[INCIDENTS].parent is None  # incidents are counted beside crime
    assert "Ward area" in catalogue.area_headers  # what the report calls its smaller areas


@pytest.mark.parametrize("seed", SEEDS)
def test_two_editions_naming_the_whole_area_differently_over_the_same_wards_name_it_once(tmp_path, seed):
    quarter, _, read = _read(tmp_path, seed)
    fresh = lambda: [dict(row._asdict()) for row in read.frame.itertuples(index=False)]  # noqa: E731
    first = fresh()
    whole = next(row["area"] for row in first if row["table_title"] == "Force")
    later_name = f"{whole} District Council Area"
    later = [{**row, "edition": "later", "period_end": "2099-12",
              "area": later_name if row["area"] == whole else row["area"]} for row in first]
    merged = one_name_per_place(first + later)
    assert {row["area"] for row in merged if row["table_title"] == "Force"} == {later_name}
    # an edition whose other areas are not the same ones keeps its own name
    others = [{**row, "edition": "other", "period_end": "2099-12", "area": "Elsewhere" if row["area"] == whole else
               f"{row['area']} Outer"} for row in first]
    kept = one_name_per_place(fresh() + others)
    assert {row["area"] for row in kept if row["table_title"] == "Force" and row["edition"] != "other"} == {whole}


def _fiscal(year: int) -> str:
    return f"{year}/{(year + 1) % 100:02d}"


@pytest.mark.parametrize("year", (2019, 2024, 2026))
def test_a_quarter_or_half_of_a_year_is_read_the_same_whichever_way_it_is_written(year):
    months = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December")
    for n in range(1, 5):
        last = year * 12 + 3 + 3 * n - 1  # quarter n of the financial year starting in April
        expected = (f"{last // 12}-{last % 12 + 1:02d}", 3)
        for text in (f"Q{n} {_fiscal(year)}", f"{_fiscal(year)} Q{n}", f"Quarter {n} {_fiscal(year)}",
                     f"Qtr {n} {year}-{(year + 1) % 100:02d}", f"All crime Q{n} {_fiscal(year)}"):
            found = part_of_year(text)
            assert (found.end, found.months) == expected, text
            assert column_period(text, None) == found
        calendar = part_of_year(f"Q{n} {year}")
        assert (calendar.end, calendar.months) == (f"{year}-{3 * n:02d}", 3)
        assert months[int(calendar.end[5:]) - 1]  # a real month
    for n in (1, 2):
        last = year * 12 + 3 + 6 * n - 1
        assert (part_of_year(f"H{n} {_fiscal(year)}").end, part_of_year(f"H{n} {_fiscal(year)}").months) == \
            (f"{last // 12}-{last % 12 + 1:02d}", 6)
    assert part_of_year("Q3") is None and part_of_year(_fiscal(year)) is None  # no year, or no part of one
