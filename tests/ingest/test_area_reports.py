"""A district's report that goes down to its neighbourhood areas (see `area_reports`): each per-area table, captioned
with the area's name alone, is read as that area's, never as the whole district's; the table of areas' total row
("<District> LPA total") is the district's, not the force's; a printed rate per 1,000 population is read as the
rate per head it is (never a solved rate or a count) and the population column is left out; a workbook whose first
table is on a later sheet is named after the workbook's own title. Every figure the tables read is the truth of the
generated report, and no area's figure is ever filed under another area.
"""

from __future__ import annotations

import math

import pytest
from area_reports import CRIMES, TOTAL, make_report, write_docx, write_pdf, write_xlsx

from assistant.ingest.corpus import load_document
from assistant.ingest.measures import OFFENCES, PER_HEAD, SOLVED, SOLVED_RATE
from assistant.ingest.performance import read_performance

WRITERS = {"docx": write_docx, "pdf": write_pdf, "xlsx": write_xlsx}
SEEDS = (3, 8, 21)


def _read(tmp_path, seed: int, suffix: str):
    report = make_report(seed)
    path = WRITERS[suffix](tmp_path / f"{report.force.lower()}-performance-summary.{suffix}", report)
    return report, read_performance([load_document(path, {})])


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("suffix", tuple(WRITERS))
def test_every_area_reads_its_own_figures_and_the_district_its_own(tmp_path, seed, suffix):
    report, read = _read(tmp_path, seed, suffix)
    frame = read.frame
    assert not [problem for problem in read.problems if "two different figures" in problem], read.problems
    assert set(frame.area) == {report.district, *report.areas}
    for (area, crime), (before, after, solved) in report.figures.items():
        rows = frame[(frame.area == area) & (frame.crime_type == crime)]
        got = {(m, p): v for m, p, v in zip(rows.measure, rows.period, rows.value)}
        assert got[(OFFENCES, report.period())] == after, (area, crime)
        assert got[(OFFENCES, report.period(False))] == before, (area, crime)
        assert got[(SOLVED, report.period())] == solved, (area, crime)
        assert math.isclose(got[(SOLVED_RATE, report.period())], report.rate(area, crime)), (area, crime)


@pytest.mark.parametrize("suffix", tuple(WRITERS))
def test_the_district_is_the_whole_area_and_no_force_is_made_up(tmp_path, suffix):
    report, read = _read(tmp_path, 5, suffix)
    frame = read.frame
    whole = set(frame[frame.table_title == "Force"].area)
    assert whole == {report.district}
    assert report.force not in set(frame.area)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("suffix", ("docx", "pdf"))
def test_a_rate_per_head_is_read_as_printed_and_population_never(tmp_path, seed, suffix):
    report, read = _read(tmp_path, seed, suffix)
    frame = read.frame
    per_head = frame[frame.measure == PER_HEAD]
    assert dict(zip(per_head.area, per_head.value)) == pytest.approx(
        {area: report.per_head(area) for area in (report.district, *report.areas)})
    assert set(per_head.crime_type) == {TOTAL}
    assert not frame[frame.measure != PER_HEAD].value.isin(set(report.population.values())).any()
    assert not frame[frame.measure.isin((SOLVED_RATE, OFFENCES, SOLVED))].column_label.str.contains("1,000").any()


@pytest.mark.parametrize("seed", SEEDS)
def test_a_workbook_edition_is_named_after_the_workbook_and_its_month(tmp_path, seed):
    report, read = _read(tmp_path, seed, "xlsx")
    editions = set(read.frame.edition)
    assert len(editions) == 1
    edition = editions.pop()
    assert edition.startswith(f"{report.force} Constabulary - {report.district}")
    assert "March 2026" in edition and "Population" not in edition


def test_crime_types_of_the_report_are_all_read(tmp_path):
    report, read = _read(tmp_path, 13, "docx")
    assert set(read.frame.crime_type) == {TOTAL, *CRIMES}
