"""A made-up district's part-year performance summary (`part_year_summaries.Summary`) written as a force's open data
in long (tidy) layout: one row per period, area, crime type and measure, the figure in one column. The column names,
measure codes, period columns and formats vary by `Style`, none of them any one force's; the district's own total is
one more area. `truth` (from `part_year_summaries`) holds what every cell must be read as.
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from pathlib import Path

import openpyxl
from part_year_summaries import MONTHS, TOTAL, Summary


@dataclass(frozen=True)
class Style:
    """How one publisher lays its long table out."""

    name: str
    columns: tuple[str, ...]  # in order; the parts: period, start, end, fy, quarter, area, code, crime, measure, value
    parts: tuple[str, ...]
    codes: dict  # measure -> its code: now, before, change, percent, solved, rate
    previous_rows: bool = False  # last year's offences as rows of their own period, not a "previous" code
    suffix: str = "xlsx"


STYLES = (
    Style("snake", ("period", "period_start", "period_end", "geography", "geography_code", "offence", "indicator",
                    "value"),
          ("label", "start", "end", "area", "code", "crime", "measure", "value"),
          {"now": "crimes", "before": "crimes_prev_year", "change": "change", "percent": "change_pct",
           "solved": "positive_outcomes", "rate": "positive_outcome_rate_pct"}),
    Style("titled", ("Geography", "Crime type", "Period", "Indicator", "Value"),
          ("area", "crime", "label", "measure", "value"),
          {"now": "Offences", "before": "Offences", "change": "Change", "percent": "% change",
           "solved": "Solved outcomes", "rate": "Solved rate"}, previous_rows=True),
    Style("fiscal", ("financial_year", "quarter", "ward_code", "ward", "crime_category", "measure", "count"),
          ("fy", "quarter", "code", "area", "crime", "measure", "value"),
          {"now": "recorded", "before": "recorded_same_period_last_year", "change": "difference",
           "percent": "percentage_change", "solved": "charged_summonsed", "rate": "detection_rate"}),
    Style("csv", ("Date from", "Date to", "Area name", "Offence group", "Measure", "Value"),
          ("start", "end", "area", "crime", "measure", "value"),
          {"now": "Recorded offences", "before": "Recorded offences previous year", "change": "Change",
           "percent": "Change %", "solved": "Positive outcomes", "rate": "Positive outcome rate %"}, suffix="csv"),
)


def quarter_label(s: Summary, this_year: bool = True) -> tuple[str, str]:
    """The financial year and quarter a summary's three months are ("2026/27", "Q3"); its months must be a quarter
    of a financial year (April to June, ...)."""
    ends = s.year - (0 if this_year else 1)
    fiscal = ends if s.first >= 4 else ends - 1  # January to March is the last quarter of the year before's
    return f"{fiscal}/{(fiscal + 1) % 100:02d}", f"Q{(s.first - 4) % 12 // 3 + 1}"


def _dates(s: Summary, this_year: bool, day_first: bool) -> tuple[str, str]:
    ends = s.year - (0 if this_year else 1)
    starts = ends if s.first <= s.last else ends - 1
    last_day = (31, 29 if ends % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[s.last - 1]
    if day_first:
        return f"01/{s.first:02d}/{starts}", f"{last_day:02d}/{s.last:02d}/{ends}"
    return f"{starts}-{s.first:02d}-01", f"{ends}-{s.last:02d}-{last_day:02d}"


def long_rows(s: Summary, style: Style, extra_measures: tuple[str, ...] = (), seed: int = 0) -> list[list[object]]:
    """The table's rows, header first: every area (the district last) x crime type x measure."""
    rng = random.Random(seed)
    rows: list[list[object]] = [list(style.columns)]
    codes = style.codes
    for n, area in enumerate((*s.areas, s.district)):
        for crime in (TOTAL, *s.crimes):
            before, now, solved = s.crimes_by[(area, crime)]
            difference, percent = s.change(area, crime)
            # (measure, figure, printed under this year's period): last year's offences under its own period,
            # or under this year's with a code saying "previous"
            figures = [("before", before, not style.previous_rows), ("now", now, True), ("change", difference, True),
                       ("percent", percent, True), ("solved", solved, True), ("rate", s.rate(area, crime), True)]
            for key, value, this_year in figures:
                rows.append(_row(s, style, area, f"E0{n}X{n:03d}", crime, codes[key], value, this_year))
            for code in extra_measures:
                rows.append(_row(s, style, area, f"E0{n}X{n:03d}", crime, code, rng.randint(0, 40), True))
    return rows


def _row(s: Summary, style: Style, area: str, code: str, crime: str, measure: str, value: object,
         this_year: bool) -> list[object]:
    start, end = _dates(s, this_year, style.suffix == "csv")
    fiscal, quarter = quarter_label(s, this_year) if s.months == 3 else ("", "")
    parts = {"label": _period_label(s, style, this_year), "start": start, "end": end, "fy": fiscal,
             "quarter": quarter, "area": area, "code": code, "crime": crime, "measure": measure, "value": value}
    return [parts[part] for part in style.parts]


def _period_label(s: Summary, style: Style, this_year: bool) -> str:
    """A quarter as "2026/27 Q3" (the year first), else the months as words ("April to September 2026")."""
    if s.months == 3 and style.name == "snake":
        fiscal, quarter = quarter_label(s, this_year)
        return f"{fiscal} {quarter}"
    return s.long(this_year)


def write_long(path: Path, s: Summary, style: Style, rows: list[list[object]] | None = None) -> Path:
    """The workbook (a notes sheet, then the data) or CSV file of `rows` (default: `long_rows`)."""
    rows = rows if rows is not None else long_rows(s, style)
    if style.suffix == "csv":
        with open(path, "w", newline="", encoding="utf-8") as handle:
            csv.writer(handle).writerows(rows)
        return path
    book = openpyxl.Workbook()
    notes = book.active
    notes.title = "Notes"
    for line in (f"{s.force} Police - {s.district} crime data (open data)",
                 f"Edition: {s.long()}", f"Published: 5 {MONTHS[s.last % 12]} {s.year}",
                 "This file is in long format: one row per period, area, crime type and measure.",
                 f"The district total is given as area '{s.district}'."):
        notes.append([line])
    sheet = book.create_sheet("data")
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path
