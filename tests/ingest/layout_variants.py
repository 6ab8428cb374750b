"""A made-up district's performance report written in the wordings and periods of forces other than the ones the
repo holds: measures named "Crimes", "Recorded crime", "Positive outcomes", "Detections", "Detection rate"; changes
headed "+/-", "% diff", "Var %"; periods that are rolling years, financial years to date ("Apr-Sep 26"), or
calendar years; footnote markers after figures ("1,234*", "12.3%¹"); one area's table misprinted so its rows do not
add up; and other orientations (crime types as rows with the areas across; "Table 2a: Shoplifting", one table per
crime type with the areas as rows and the district's total last). `Variant` names one combination; `Report` (from
`area_reports`) keeps the truth every test checks against.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import docx
import openpyxl
from area_reports import CRIMES, MONTHS, TOTAL, Report, make_report
from document_tables import docx_table

SHORT = tuple(month[:3] for month in MONTHS)


@dataclass(frozen=True)
class Variant:
    """The words one force prints: its measures, its change columns, its period style, and its footnote marks."""

    offences: str = "Crimes"
    solved: str = "Positive outcomes"
    rate: str = "Positive outcome rate"
    change: str = "+/-"
    percent: str = "% diff"
    period: str = "rolling"  # "rolling", "fytd" or "calendar"
    marks: bool = False
    misprint: str = ""  # in the first neighbourhood area's table: "rate", "change", "percent" or "swapped" years

    def label(self, r: Report, later: bool = True) -> str:
        year = r.year - (0 if later else 1)
        if self.period == "fytd":
            return f"Apr-{SHORT[r.month - 1]} {year % 100:02d}"
        if self.period == "calendar":
            return str(year)
        return f"12m to {SHORT[r.month - 1]} {year}"

    def heading(self, r: Report) -> str:
        month = MONTHS[r.month - 1]
        if self.period == "fytd":
            return f"Financial year to date: April to {month} {r.year} compared with April to {month} {r.year - 1}"
        if self.period == "calendar":
            return f"Calendar year {r.year} compared with {r.year - 1}"
        return f"Rolling 12 months to {month} {r.year} compared with the 12 months before"


def _marked(text: str, variant: Variant, i: int) -> str:
    return text + ("*" if i % 3 == 0 else "\u00b9" if i % 3 == 1 else "") if variant.marks else text


def crime_table(r: Report, area: str, v: Variant) -> list[tuple[str, ...]]:
    """One area's table; a misprint (when the variant has one and this is the first neighbourhood area's table) in
    its last row: a rate that is not outcomes over crimes, a change that is not the difference, a % change that is
    not the change over the earlier year, or the two years' headers swapped (the years read the wrong way round)."""
    misprint = v.misprint if area == r.areas[0] else ""
    years = (v.label(r), v.label(r, False)) if misprint == "swapped" else (v.label(r, False), v.label(r))
    rows = [("Crime type", f"{v.offences} {years[0]}", f"{v.offences} {years[1]}", v.change, v.percent,
             f"{v.solved} {v.label(r)}", f"{v.rate} {v.label(r)}")]
    for i, crime in enumerate((TOTAL, *CRIMES)):
        before, after, solved = r.figures[(area, crime)]
        last = misprint and i == len(CRIMES)
        rate = r.rate(area, crime) + (7.5 if last and misprint == "rate" else 0)
        change = after - before + (40 if last and misprint == "change" else 0)
        percent = 100 * (after - before) / before + (9.0 if last and misprint == "percent" else 0)
        rows.append((crime, f"{before:,}", _marked(f"{after:,}", v, i), f"{change:+,}", f"{percent:+.1f}%",
                     f"{solved:,}", _marked(f"{rate:.1f}%", v, i + 1)))
    return rows


def title(r: Report) -> str:
    return f"{r.district} District: Performance Summary {MONTHS[r.month - 1]} {r.year}"


def write_docx(path: Path, r: Report, v: Variant) -> Path:
    document = docx.Document()
    document.add_paragraph(f"{r.force} Police")
    document.add_heading(title(r), 1)
    document.add_paragraph(v.heading(r))
    document.add_paragraph(f"{r.district} is made up of the neighbourhood areas {', '.join(r.areas)}.")
    for i, area in enumerate((r.district, *r.areas)):
        document.add_heading(f"Table {i + 1}: {area}", 2)
        rows = crime_table(r, area, v)
        docx_table(document, rows)
    document.save(str(path))
    return path


def write_xlsx(path: Path, r: Report, v: Variant) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for area in (r.district, *r.areas):
        sheet = book.create_sheet(area[:31])
        if area == r.district:  # the workbook's title, on its first sheet only
            sheet.append([f"{r.force} Police - {title(r)}"])
        sheet.append([f"{area}: {v.heading(r)}"])
        for row in crime_table(r, area, v):
            sheet.append(list(row))
    book.save(str(path))
    return path


WRITERS = {"docx": write_docx, "xlsx": write_xlsx}
__all__ = ["CRIMES", "TOTAL", "Variant", "WRITERS", "make_report"]


def areas_across_rows(r: Report, v: Variant) -> list[tuple[str, ...]]:
    """Crime types as rows and areas across: each area's name printed once over its three columns (a merged cell),
    then its crimes for the two periods and the % change."""
    places = (r.district, *r.areas)
    top = ("",) + tuple(cell for area in places for cell in (area, "", ""))
    names = ("Crime type",) + (f"{v.offences} {v.label(r, False)}", f"{v.offences} {v.label(r)}",
                               v.percent) * len(places)
    rows = [top, names]
    for crime in (TOTAL, *CRIMES):
        row = [crime]
        for area in places:
            before, after, _ = r.figures[(area, crime)]
            row += [f"{before:,}", f"{after:,}", f"{100 * (after - before) / before:+.1f}%"]
        rows.append(tuple(row))
    return rows


def crime_by_area_rows(r: Report, crime: str, v: Variant) -> list[tuple[str, ...]]:
    """One crime type's table: the areas as rows (the district's total last), the crime type named only by the
    caption above it."""
    rows = [("Area", f"{v.offences} {v.label(r, False)}", f"{v.offences} {v.label(r)}", v.change, v.percent,
             f"{v.solved} {v.label(r)}", f"{v.rate} {v.label(r)}")]
    for area in (*r.areas, r.district):
        before, after, solved = r.figures[(area, crime)]
        rows.append((f"{r.district} total" if area == r.district else area, f"{before:,}", f"{after:,}",
                     f"{after - before:+,}", f"{100 * (after - before) / before:+.1f}%", f"{solved:,}",
                     f"{r.rate(area, crime):.1f}%"))
    return rows


def write_orientations_docx(path: Path, r: Report, v: Variant, layout: str) -> Path:
    """`layout` "across": one table of crime types with the areas across; "by_crime": "Table 2a: Shoplifting",
    "Table 2b: ...", one table per crime type with the areas as rows."""
    document = docx.Document()
    document.add_paragraph(f"{r.force} Police")
    document.add_heading(title(r), 1)
    document.add_paragraph(v.heading(r))
    document.add_paragraph(f"{r.district} is made up of the neighbourhood areas {', '.join(r.areas)}.")
    captioned = [(f"Table 1: {TOTAL} by crime type and area", areas_across_rows(r, v))] if layout == "across" else \
        [(f"Table 2{'abcdefgh'[i]}: {crime}", crime_by_area_rows(r, crime, v))
         for i, crime in enumerate((TOTAL, *CRIMES))]
    for caption, rows in captioned:
        document.add_heading(caption, 2)
        docx_table(document, rows)
    document.save(str(path))
    return path


def write_orientations_xlsx(path: Path, r: Report, v: Variant, layout: str) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    tables = [("All areas", areas_across_rows(r, v))] if layout == "across" else \
        [(crime, crime_by_area_rows(r, crime, v)) for crime in (TOTAL, *CRIMES)]
    for name, rows in tables:
        sheet = book.create_sheet(name[:31])
        sheet.append([f"{r.force} Police - {title(r)}"])
        sheet.append([f"{name}: {v.heading(r)}"])
        for row in rows:
            sheet.append(list(row))
        if layout == "across":
            for i in range(len((r.district, *r.areas))):
                sheet.merge_cells(start_row=3, start_column=2 + 3 * i, end_row=3, end_column=4 + 3 * i)
    book.save(str(path))
    return path


ORIENTATIONS = {"docx": write_orientations_docx, "xlsx": write_orientations_xlsx}
