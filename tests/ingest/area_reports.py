"""A made-up force's performance report for one district, written as a Word file, a PDF or a workbook, in the layout
forces use when a district's summary goes down to its neighbourhood areas:

- "Table 1: <District> LPA by crime type": the whole district's crime types as rows;
- "Table 2: All crime by neighbourhood area": the areas as rows, with a population column, a rate per 1,000
  population, and a "<District> LPA total" row;
- "Table 3a: <Area>", "Table 3b: ...": one table per area, its crime types as rows, captioned with the area's name
  only (no word saying it is an area), each area's figures different from the whole district's.

A workbook puts the title lines on a contents sheet and each table on a sheet of its own, named after its area.
Names, periods and figures come from the seed; `Report` keeps the truth every test checks against.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

import docx
import openpyxl
from fpdf import FPDF
from generated_corpora import coined
from document_tables import docx_table, pdf_table

CRIMES = ("Shoplifting", "Vehicle crime", "Robbery", "Criminal damage and arson", "Drug offences")
TOTAL = "All crime"
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


@dataclass
class Report:
    """One edition: the force, the district (the whole area), its neighbourhood areas, the month and year its
    rolling years end in, and the truth: (area, crime type) -> (offences before, offences after, solved after)."""

    force: str
    district: str
    areas: tuple[str, ...]
    month: int
    year: int
    figures: dict[tuple[str, str], tuple[int, int, int]] = field(default_factory=dict)
    population: dict[str, int] = field(default_factory=dict)

    def short(self, later: bool = True) -> str:
        return f"12m to {MONTHS[self.month - 1][:3]} {self.year - (0 if later else 1)}"

    def period(self, later: bool = True) -> str:
        return f"12 months to {MONTHS[self.month - 1]} {self.year - (0 if later else 1)}"

    def rate(self, area: str, crime: str = TOTAL) -> float:
        _, after, solved = self.figures[(area, crime)]
        return round(100 * solved / after, 1)

    def per_head(self, area: str) -> float:
        return round(1000 * self.figures[(area, TOTAL)][1] / self.population[area], 1)


def make_report(seed: int, month: int = 3, year: int = 2026, edition: int = 0) -> Report:
    """The district, its areas and force from `seed`; the figures from `seed` and `edition`, so two editions of one
    district print different figures."""
    rng = random.Random(seed)
    district = coined(rng).title()
    areas = tuple(dict.fromkeys(f"{coined(rng).title()} {rng.choice(('Town', 'Vale', 'Rural', 'Cross'))}"
                                for _ in range(4)))
    report = Report(f"{coined(rng).title()}", district, areas, month, year)
    rng = random.Random(seed * 1000 + edition) if edition else rng
    for area in areas:
        report.population[area] = rng.randint(9000, 40000)
        for crime in CRIMES:
            before, after = rng.randint(20, 700), rng.randint(20, 700)
            report.figures[(area, crime)] = (before, after, rng.randint(1, after // 3))
    report.population[district] = sum(report.population[area] for area in areas)
    for crime in CRIMES:  # the district is the sum of its areas; all crime the sum of the crime types
        report.figures[(district, crime)] = tuple(sum(report.figures[(a, crime)][i] for a in areas) for i in range(3))
    for area in (*areas, district):
        report.figures[(area, TOTAL)] = tuple(sum(report.figures[(area, c)][i] for c in CRIMES) for i in range(3))
    return report


def _change(before: int, after: int) -> tuple[str, str]:
    return f"{after - before:+,}", f"{100 * (after - before) / before:+.1f}%"


def crime_table(r: Report, area: str) -> list[tuple[str, ...]]:
    rows = [("Crime type", f"Offences {r.short(False)}", f"Offences {r.short()}", "Change", "% change",
             f"Solved outcomes {r.short()}", f"Solved rate {r.short()}")]
    for crime in (TOTAL, *CRIMES):
        before, after, solved = r.figures[(area, crime)]
        rows.append((crime, f"{before:,}", f"{after:,}", *_change(before, after), f"{solved:,}",
                     f"{r.rate(area, crime):.1f}%"))
    return rows


def area_table(r: Report) -> list[tuple[str, ...]]:
    rows = [("Neighbourhood area", "Population (mid-2024)", f"Offences {r.short(False)}", f"Offences {r.short()}",
             f"Solved outcomes {r.short()}", f"Solved rate {r.short()}", "Crimes per 1,000 population")]
    for area, label in ((a, a) for a in (*r.areas, r.district)):
        before, after, solved = r.figures[(area, TOTAL)]
        name = f"{r.district} LPA total" if area == r.district else label
        rows.append((name, f"{r.population[area]:,}", f"{before:,}", f"{after:,}", f"{solved:,}",
                     f"{r.rate(area):.1f}%", f"{r.per_head(area):.1f}"))
    return rows


def tables(r: Report) -> list[tuple[str, list[tuple[str, ...]]]]:
    """(caption, rows) of each table, in printed order."""
    letters = "abcdefgh"
    return [(f"Table 1: {r.district} LPA by crime type", crime_table(r, r.district)),
            ("Table 2: All crime by neighbourhood area", area_table(r)),
            *((f"Table 3{letters[i]}: {area}", crime_table(r, area)) for i, area in enumerate(r.areas))]


def title(r: Report) -> str:
    return f"{r.district} Local Policing Area: Performance Summary to {MONTHS[r.month - 1]} {r.year}"


def introduction(r: Report) -> str:
    return (f"Rolling 12 months to {MONTHS[r.month - 1]} {r.year} compared with the rolling 12 months before. "
            f"{r.district} is made up of the neighbourhood areas {', '.join(r.areas)}.")


def write_docx(path: Path, r: Report) -> Path:
    document = docx.Document()
    document.add_paragraph(f"{r.force} Constabulary")
    document.add_heading(title(r), 1)
    document.add_paragraph(introduction(r))
    for caption, rows in tables(r):
        document.add_heading(caption, 2)
        docx_table(document, rows)
    document.save(str(path))
    return path


def write_pdf(path: Path, r: Report) -> Path:
    pdf = FPDF(format="A4", orientation="L")
    pdf.add_page()
    pdf.set_font("helvetica", "B", 14)
    pdf.multi_cell(0, 8, f"{r.force} Constabulary", new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(0, 8, title(r), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", "", 10)
    pdf.multi_cell(0, 5, introduction(r), new_x="LMARGIN", new_y="NEXT")
    for caption, rows in tables(r):
        pdf.ln(4)
        pdf.set_font("helvetica", "B", 11)
        pdf.multi_cell(0, 6, caption, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("helvetica", "", 8)
        pdf_table(pdf, rows, 50, 30)
    pdf.output(str(path))
    return path


def write_xlsx(path: Path, r: Report) -> Path:
    """A contents sheet with the workbook's title lines, then the whole district's sheet and one sheet per area,
    each under a title line naming its own area and period (a later sheet's title is no edition's name)."""
    book = openpyxl.Workbook()
    contents = book.active
    contents.title = "Contents"
    for line in (f"{r.force} Constabulary - {r.district} Local Policing Area",
                 f"Performance Summary: rolling 12 months to {MONTHS[r.month - 1]} {r.year}", ""):
        contents.append([line])
    contents.append(["Sheet", "Contents"])
    for area in (r.district, *r.areas):
        contents.append([area, f"{area}, by crime type"])
    for area in (r.district, *r.areas):
        sheet = book.create_sheet(area[:31])
        name = f"{area} LPA (all neighbourhood areas)" if area == r.district else f"{area} neighbourhood area"
        sheet.append([f"{name}: rolling 12 months to {MONTHS[r.month - 1]} {r.year}"])
        sheet.append([f"Population (mid-2024 estimate): {r.population[area]:,}"])
        for row in crime_table(r, area):
            sheet.append([_number(cell) for cell in row])
    book.save(str(path))
    return path


def _number(cell: str) -> object:
    try:
        return int(cell.replace(",", ""))
    except ValueError:
        return cell
