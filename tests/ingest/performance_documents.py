"""Police performance summaries made up from a seed and written as a ruled PDF (fpdf2), a Word file or a workbook,
with the layouts forces print: crime types as rows under column groups (Offences, Solved outcomes, Solved rate,
each for two periods, with Change and % change), an extra "Rate per 1,000 population" column, several numbered
tables in one document ("Table 1: ... by crime type", "Table 2: All crime by area", "Table 3: Offences by area and
crime type", areas as rows and crime types as columns), and notes around them. Nothing here is any one force's:
names, places, periods and figures come from the seed, and `Summary` keeps the truth each test checks against.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

import docx
import openpyxl
from fpdf import FPDF

from document_tables import docx_table, pdf_table

FORCES = ("Northmoor", "Ravensfield", "Wolderton", "Castlemere", "Hallowdene")
PLACES = ("Ashby Fen", "Brinkley", "Colby Marsh", "Dunmore", "Eastfield", "Fulbeck", "Harwell", "Ingham", "Kelby")
CRIMES = ("Burglary", "Shoplifting", "Vehicle offences", "Criminal damage", "Robbery", "Drug offences")
TOTAL = "All crime"
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")


@dataclass
class Summary:
    """One edition of a made-up summary: its force, areas, crime types, the two periods it compares, and the truth:
    (area, crime type) -> offences and solved outcomes for the earlier and the later period."""

    force: str
    areas: tuple[str, ...]
    crimes: tuple[str, ...]
    month: int  # the month the periods end in
    year: int  # the later period's year
    offences: dict[tuple[str, str], tuple[int, int]] = field(default_factory=dict)
    solved: dict[tuple[str, str], tuple[int, int]] = field(default_factory=dict)

    @property
    def until(self) -> str:
        return f"{MONTH_NAMES[self.month - 1]} {self.year}"

    def period(self, later: bool = True) -> str:
        return f"12 months to {MONTH_NAMES[self.month - 1][:3]} {self.year - (0 if later else 1)}"

    def rate(self, area: str, crime: str, later: bool = True) -> float:
        i = 1 if later else 0
        return round(100 * self.solved[(area, crime)][i] / self.offences[(area, crime)][i], 1)


def make_summary(seed: int, month: int = 6, year: int = 2026, force: str | None = None,
                 areas: tuple[str, ...] | None = None) -> Summary:
    rng = random.Random(seed)
    force = force or rng.choice(FORCES)
    areas = areas or tuple(rng.sample(PLACES, 3))
    crimes = tuple(rng.sample(CRIMES, 4))
    summary = Summary(force, areas, crimes, month, year)
    for area in (force, *areas):
        for crime in crimes:
            a, b = rng.randint(60, 900), rng.randint(60, 900)
            summary.offences[(area, crime)] = (a, b)
            summary.solved[(area, crime)] = (rng.randint(5, a // 3), rng.randint(5, b // 3))
    for area in areas:  # the force's counts are its areas' sums; all crime is the sum of the crime types
        for crime in crimes:
            for truth in (summary.offences, summary.solved):
                truth[(force, crime)] = tuple(sum(truth[(a, crime)][i] for a in areas) for i in range(2))
    for area in (force, *areas):
        for truth in (summary.offences, summary.solved):
            truth[(area, TOTAL)] = tuple(sum(truth[(area, c)][i] for c in crimes) for i in range(2))
    return summary


def _change(pair: tuple[int, int]) -> tuple[str, str]:
    a, b = pair
    return f"{b - a:+,}", f"{100 * (b - a) / a:+.1f}%"


def crime_type_table(s: Summary) -> list[tuple[str, ...]]:
    """Table 1: the force's crime types as rows, under column groups for two periods, with an extra per-head column."""
    groups = ("Crime type", "Offences", "", "", "", "Solved outcomes", "", "Solved rate", "", "",
              "Rate per 1,000 population")
    names = ("", s.period(False), s.period(), "Change", "% change", s.period(False), s.period(),
             s.period(False), s.period(), "pt change", "")
    rows = [groups, names]
    for crime in (TOTAL, *s.crimes):
        key = (s.force, crime)
        before, after = s.rate(s.force, crime, False), s.rate(s.force, crime)
        rows.append((crime, f"{s.offences[key][0]:,}", f"{s.offences[key][1]:,}", *_change(s.offences[key]),
                     str(s.solved[key][0]), str(s.solved[key][1]), f"{before:.1f}%", f"{after:.1f}%",
                     f"{after - before:+.1f}", f"{s.offences[key][1] / 97.3:.1f}"))
    return rows


def area_table(s: Summary) -> list[tuple[str, ...]]:
    """Table 2: all crime by area, areas as rows."""
    rows = [("Area", f"Offences {s.period(False)}", f"Offences {s.period()}", "% change",
             f"Solved rate {s.period()}")]
    for area in s.areas:
        pair = s.offences[(area, TOTAL)]
        rows.append((area, f"{pair[0]:,}", f"{pair[1]:,}", _change(pair)[1], f"{s.rate(area, TOTAL):.1f}%"))
    return rows


def area_by_crime_table(s: Summary) -> list[tuple[str, ...]]:
    """Table 3: the later period's offences, areas as rows and crime types as columns."""
    rows = [("Area", *s.crimes)]
    for area in s.areas:
        rows.append((area, *(f"{s.offences[(area, crime)][1]:,}" for crime in s.crimes)))
    return rows


def tables(s: Summary) -> list[tuple[str, list[tuple[str, ...]], str]]:
    """(caption, rows, note under it) of each numbered table the summary prints."""
    return [
        (f"Table 1: Recorded crime and solved outcomes by crime type, {s.force} Constabulary",
         crime_type_table(s), "Note: solved outcomes are charges, summonses and cautions. Figures are provisional."),
        ("Table 2: All crime by area", area_table(s), "Areas are the local policing districts of the force."),
        (f"Table 3: Offences by area and crime type, {s.period()}", area_by_crime_table(s),
         "Source: force crime recording system, extracted on the fifth working day."),
    ]


def title(s: Summary) -> str:
    return f"{s.force} Constabulary Performance Summary"


def subtitle(s: Summary) -> str:
    return f"Rolling 12 months to {s.until} compared with the previous 12 months"


class _Pdf(FPDF):
    pass


def write_pdf(path: Path, s: Summary, extra: list[tuple[str, list[tuple[str, ...]], str]] = ()) -> Path:
    """A ruled PDF: title, subtitle, an introduction, then each numbered table under its caption with its note."""
    pdf = _Pdf(format="A4", orientation="L")
    pdf.add_page()
    pdf.set_font("helvetica", "B", 16)
    pdf.multi_cell(0, 9, title(s), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", "", 10)
    pdf.multi_cell(0, 5, subtitle(s), new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(0, 5, f"Published by the {s.force} Constabulary performance team for the police and crime panel.",
                   new_x="LMARGIN", new_y="NEXT")
    for caption, rows, note in [*tables(s), *extra]:
        pdf.ln(4)
        pdf.set_font("helvetica", "B", 11)
        pdf.multi_cell(0, 6, caption, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("helvetica", "", 8)
        pdf.ln(1)
        pdf_table(pdf, rows, 46, 22)
        pdf.ln(2)
        pdf.set_font("helvetica", "I", 9)
        pdf.multi_cell(0, 5, note, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def write_docx(path: Path, s: Summary, extra: list[tuple[str, list[tuple[str, ...]], str]] = ()) -> Path:
    """A Word file: title heading, subtitle, then each numbered table under its caption with its note."""
    document = docx.Document()
    document.add_heading(title(s), 1)
    document.add_paragraph(subtitle(s))
    document.add_paragraph(f"Published by the {s.force} Constabulary performance team for the police and crime panel.")
    for caption, rows, note in [*tables(s), *extra]:
        document.add_paragraph(caption)
        docx_table(document, rows)
        document.add_paragraph(note)
    document.save(str(path))
    return path


def write_xlsx(path: Path, s: Summary) -> Path:
    """One sheet: the title lines, then the numbered tables one under another, a blank row between them."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Summary"
    sheet.append([title(s)])
    sheet.append([subtitle(s)])
    sheet.append([])
    for caption, rows, note in tables(s):
        sheet.append([caption])
        for row in rows:
            sheet.append([_cell(value) for value in row])
        sheet.append([note])
        sheet.append([])
    book.save(str(path))
    return path


def _cell(value: str) -> object:
    """A sheet keeps numbers as numbers (a percentage as its printed text, as analysts often paste them)."""
    plain = value.replace(",", "")
    try:
        return int(plain)
    except ValueError:
        return value
