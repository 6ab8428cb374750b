"""Other forces' summaries (see `layout_variants`): their measure wordings ("Crimes", "Detections", "Positive outcome
rate", "+/-", "Var %"), footnote marks after figures, periods other than rolling years, and tables whose figures do
not add up. Every figure read is the generated truth for its area, crime type, measure and period; what cannot be
read right is not read at all, and the build says so. Never a wrong number.
"""

from __future__ import annotations

import math

import pytest
from layout_variants import CRIMES, ORIENTATIONS, TOTAL, WRITERS, Variant, make_report

from assistant.ingest.corpus import load_document
from assistant.ingest.grids import parse_number
from assistant.ingest.measures import CHANGE, OFFENCES, PERCENT_CHANGE, SOLVED, SOLVED_RATE
from assistant.ingest.performance import read_performance

WORDINGS = (
    Variant(),
    Variant(offences="Recorded crime", solved="Detections", rate="Detection rate", change="Diff", percent="Var %"),
    Variant(offences="Offences", solved="Outcomes (charge or summons)", rate="Solved rate", change="Change",
            percent="% change"),
    Variant(offences="Crimes", solved="Positive outcomes", rate="Positive outcome rate", change="+/-",
            percent="% change", marks=True),
)
SEEDS = (7, 19)


def _read(tmp_path, seed: int, suffix: str, variant: Variant, month: int = 9):
    report = make_report(seed, month=month)
    path = WRITERS[suffix](tmp_path / f"{report.force.lower()}-summary.{suffix}", report, variant)
    return report, read_performance([load_document(path, {})])


def _truths(report, area: str, crime: str) -> dict[str, tuple[float, ...]]:
    before, after, solved = report.figures[(area, crime)]
    return {OFFENCES: (before, after), SOLVED: (solved,), SOLVED_RATE: (report.rate(area, crime),),
            CHANGE[OFFENCES]: (after - before,), PERCENT_CHANGE[OFFENCES]: (round(100 * (after - before) / before, 1),)}


def _wrong_figures(report, frame) -> list[tuple]:
    """Every figure read that is not the truth for its area, crime type, measure and period (the later period of
    a count is the one ending last)."""
    wrong = []
    for (area, crime, measure), rows in frame.groupby(["area", "crime_type", "measure"]):
        truth = _truths(report, area, crime).get(measure) if (area, crime) in report.figures else None
        if truth is None:
            wrong.append((area, crime, measure))
            continue
        ends = sorted(set(rows.period_end))
        for end, value in zip(rows.period_end, rows.value):
            expected = truth[ends.index(end)] if len(truth) == len(ends) else math.nan
            if not math.isclose(value, expected, abs_tol=0.051):
                wrong.append((area, crime, measure, end, value, expected))
    return wrong


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("suffix", tuple(WRITERS))
@pytest.mark.parametrize("variant", WORDINGS, ids=lambda v: f"{v.offences}|{v.solved}|{v.percent}|{v.marks}")
def test_another_forces_wording_is_read_as_the_truth_in_every_area(tmp_path, seed, suffix, variant):
    report, read = _read(tmp_path, seed, suffix, variant)
    frame = read.frame
    assert not read.problems, read.problems
    assert _wrong_figures(report, frame) == []
    assert set(frame.area) == {report.district, *report.areas}
    assert set(frame.crime_type) == {TOTAL, *CRIMES}
    assert {OFFENCES, SOLVED, SOLVED_RATE, CHANGE[OFFENCES], PERCENT_CHANGE[OFFENCES]} <= set(frame.measure)
    assert set(frame[frame.measure == OFFENCES].period) == {"12 months to September 2025",
                                                            "12 months to September 2026"}


@pytest.mark.parametrize("text, number", [("1,234*", 1234), ("12.3%\u00b9", 12.3), ("1,073\u2020", 1073),
                                          ("-4.5%**", -4.5), ("+17\u00b2", 17), ("(12)*", -12)])
def test_a_footnote_mark_after_a_figure_is_no_part_of_it(text, number):
    assert parse_number(text) == pytest.approx(number)


@pytest.mark.parametrize("text", ["*", "**", "\u2020", "a*", "see note*"])
def test_a_mark_alone_or_after_words_is_no_figure(text):
    assert parse_number(text) is None


@pytest.mark.parametrize("month", (6, 9, 11))
@pytest.mark.parametrize("seed", SEEDS)
def test_a_financial_year_to_date_is_read_as_the_months_since_april(tmp_path, seed, month):
    report, read = _read(tmp_path, seed, "xlsx", Variant(period="fytd"), month=month)
    frame = read.frame
    assert _wrong_figures(report, frame) == []
    months = month - 3
    assert set(frame[frame.measure == OFFENCES].period) == {f"{months} months to {name} {year}" for name, year in
                                                            ((report.period().split()[3], 2025),
                                                             (report.period().split()[3], 2026))}


@pytest.mark.parametrize("suffix", tuple(WRITERS))
@pytest.mark.parametrize("seed", SEEDS)
def test_calendar_years_are_never_read_as_rolling_years(tmp_path, seed, suffix):
    """Columns headed "2025" and "2026" under a heading naming calendar years, in a summary dated September: each
    year's months to September (the same months compared) or nothing, never "12 months to September"."""
    report, read = _read(tmp_path, seed, suffix, Variant(period="calendar"))
    frame = read.frame
    assert _wrong_figures(report, frame) == []
    assert not frame.period.str.startswith("12 months").any()
    if suffix == "xlsx":
        assert set(frame[frame.measure == OFFENCES].period) == {"9 months to September 2025",
                                                                "9 months to September 2026"}


@pytest.mark.parametrize("misprint", ("rate", "change", "percent", "swapped"))
@pytest.mark.parametrize("suffix", tuple(WRITERS))
@pytest.mark.parametrize("variant", WORDINGS[:2], ids=lambda v: v.offences)
def test_a_table_that_does_not_add_up_is_reported_and_never_answered_from(tmp_path, misprint, suffix, variant):
    """One area's table with a rate that is not outcomes over crimes, a change that is not the difference, a %
    change that is not the change over the earlier year, or its years' headers swapped: none of that area's figures
    is read, the build names the table, and every other area is read as printed."""
    variant = Variant(**{**variant.__dict__, "misprint": misprint})
    report, read = _read(tmp_path, 11, suffix, variant)
    frame = read.frame
    bad = report.areas[0]
    assert bad not in set(frame.area)
    assert set(frame.area) == {report.district, *report.areas[1:]}
    assert _wrong_figures(report, frame) == []
    assert [problem for _, problem in read.problems if bad in problem and "does not add up" in problem]


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("suffix", tuple(ORIENTATIONS))
def test_areas_printed_across_are_each_read_as_their_own(tmp_path, seed, suffix):
    """Crime types as rows and each area's name over its columns (a merged cell in a workbook)."""
    report = make_report(seed, month=9)
    path = ORIENTATIONS[suffix](tmp_path / f"across.{suffix}", report, WORDINGS[1], "across")
    frame = read_performance([load_document(path, {})]).frame
    assert _wrong_figures(report, frame) == []
    assert set(frame.area) == {report.district, *report.areas}


@pytest.mark.parametrize("seed", SEEDS)
def test_a_district_s_total_row_in_a_table_of_one_crime_type_is_the_district_never_the_force(tmp_path, seed):
    """"Table 2a: Shoplifting", "Table 2b: ...": the areas as rows and a "<District> total" row last. The total is
    the district's own figure (the force is named in the title and prints no table)."""
    report = make_report(seed, month=9)
    path = ORIENTATIONS["docx"](tmp_path / "by-crime.docx", report, WORDINGS[0], "by_crime")
    frame = read_performance([load_document(path, {})]).frame
    assert _wrong_figures(report, frame) == []
    assert set(frame.area) == {report.district, *report.areas}
    assert set(frame.crime_type) == {TOTAL, *CRIMES}
