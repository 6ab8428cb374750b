"""A made-up district's performance summary over part of a year, written in the layouts forces publish: a ruled PDF
or Word report of numbered tables (crime types as rows, then one table of neighbourhood areas per crime type, the
district's own total as the last row), and a workbook laid out across (a cover sheet, a district overview, then one
sheet per crime group with the areas as columns and each crime type's measures and periods as rows, the district's
total as the last column). Periods are a financial year to date, a quarter or a half year, this year against the same
months last year. Nothing here is any one force's: names, months and figures come from the seed, and `Summary` keeps
the truth each test checks against.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

import docx
import openpyxl
from fpdf import FPDF

from assistant import vocab
from assistant.ingest.catalogue import build_catalogue
from assistant.store.build import with_area_names
from assistant.understand.question import parse
from document_tables import docx_table, pdf_table

FORCES = ("Ormsby", "Quenmoor", "Tallowfield", "Velmarsh")
DISTRICTS = ("Brackenby", "Ashcombe", "Winterslow", "Dunholt")
PLACES = ("Mossgate", "Ferncliff", "Hobb's End", "Stannary Cross", "Lowmere", "Kettlewick", "Rushmere Vale", "Yarrow")
CRIMES = ("Violence with injury", "Burglary - residential", "Shoplifting", "Criminal damage and arson",
          "Drug offences", "Theft from the person", "Public order offences")
GROUPS = (("Violence and burglary", 2), ("Theft and damage", 3), ("Drugs and order", 2))  # sheet name, crime types
TOTAL = "All crime"
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
SPANS = {"year_to_date": None, "quarter": 3, "half_year": 6}


@dataclass
class Summary:
    """One edition: its force, district, neighbourhood areas, crime types, the months it covers and the truth:
    (area, crime type) -> (crimes last year, crimes this year, positive outcomes this year). The district's figures
    are the sum of its areas', all crime the sum of the crime types."""

    force: str
    district: str
    areas: tuple[str, ...]
    crimes: tuple[str, ...]
    first: int  # the first month covered
    last: int  # the month the periods end in
    year: int  # this year's period ends in this year
    crimes_by: dict[tuple[str, str], tuple[int, int, int]] = field(default_factory=dict)

    @property
    def months(self) -> int:
        return (self.last - self.first) % 12 + 1

    def period_words(self, this_year: bool = True) -> str:
        """How the frame names a period: "6 months to September 2026"."""
        return f"{self.months} months to {MONTHS[self.last - 1]} {self.year - (0 if this_year else 1)}"

    def short(self, this_year: bool = True) -> str:
        """How a header prints it: "Apr-Sep 2026"."""
        return f"{MONTHS[self.first - 1][:3]}-{MONTHS[self.last - 1][:3]} {self.year - (0 if this_year else 1)}"

    def long(self, this_year: bool = True) -> str:
        return f"{MONTHS[self.first - 1]} to {MONTHS[self.last - 1]} {self.year - (0 if this_year else 1)}"

    def rate(self, area: str, crime: str) -> float:
        _, now, solved = self.crimes_by[(area, crime)]
        return round(100 * solved / now, 1)

    def change(self, area: str, crime: str) -> tuple[int, float]:
        before, now, _ = self.crimes_by[(area, crime)]
        return now - before, round(100 * (now - before) / before, 1)


def make_summary(seed: int, span: str = "year_to_date") -> Summary:
    rng = random.Random(seed)
    last = rng.choice((6, 9, 12, 3)) if span == "year_to_date" else rng.choice((3, 6, 9, 12))
    first = 4 if span == "year_to_date" else (last - SPANS[span]) % 12 + 1
    year = rng.choice((2025, 2026, 2027))
    summary = Summary(rng.choice(FORCES), rng.choice(DISTRICTS), tuple(rng.sample(PLACES, rng.randint(3, 6))),
                      CRIMES, first, last, year)
    for area in summary.areas:
        for crime in CRIMES:
            before, now = rng.randint(20, 700), rng.randint(20, 700)
            summary.crimes_by[(area, crime)] = (before, now, rng.randint(1, now // 3))
    for crime in CRIMES:
        summary.crimes_by[(summary.district, crime)] = tuple(
            sum(summary.crimes_by[(a, crime)][i] for a in summary.areas) for i in range(3))
    for area in (*summary.areas, summary.district):
        summary.crimes_by[(area, TOTAL)] = tuple(sum(summary.crimes_by[(area, c)][i] for c in CRIMES) for i in range(3))
    return summary


# --------------------------------------------------------------------------------------------- a printed report


def _row(s: Summary, label: str, area: str, crime: str) -> tuple[str, ...]:
    before, now, solved = s.crimes_by[(area, crime)]
    difference, percent = s.change(area, crime)
    return (label, f"{before:,}", f"{now:,}", f"{difference:+,}", f"{percent:+.1f}%", f"{solved:,}",
            f"{s.rate(area, crime):.1f}%")


def report_tables(s: Summary) -> list[tuple[str, list[tuple[str, ...]]]]:
    """(caption, rows) of each numbered table: crime types for the district, then each crime type by area. The
    solved columns name no period: the report's title block says it."""
    head = ("Crimes " + s.short(False), "Crimes " + s.short(), "+/-", "% diff", "Positive outcomes",
            "Positive outcome rate")
    tables = [(f"Table 1: Recorded crime by crime type, {s.district} District",
               [("Crime type", *head), *(_row(s, c, s.district, c) for c in (TOTAL, *s.crimes))])]
    for n, crime in enumerate((TOTAL, *s.crimes)):
        rows = [("Neighbourhood area", *head), *(_row(s, a, a, crime) for a in s.areas),
                _row(s, f"{s.district} District total", s.district, crime)]
        tables.append((f"Table 2{'abcdefgh'[n]}: {crime} by neighbourhood area", rows))
    return tables


def _title_block(s: Summary) -> tuple[str, str, str]:
    return (f"{s.force} Police", f"{s.district} District Policing Area - Performance Summary",
            f"{s.long()} compared with {s.long(False)}")


def write_pdf(path: Path, s: Summary, extra: list[tuple[str, list[tuple[str, ...]]]] = ()) -> Path:
    pdf = FPDF(format="A4", orientation="L")
    pdf.add_page()
    for size, line in zip((16, 13, 11), _title_block(s)):
        pdf.set_font("helvetica", "B", size)
        pdf.multi_cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", "", 10)
    pdf.multi_cell(0, 5, f"This summary covers recorded crime in the neighbourhood areas of {s.district}. A positive "
                         "outcome is a charge, a caution or a community resolution.", new_x="LMARGIN", new_y="NEXT")
    for caption, rows in [*report_tables(s), *extra]:
        pdf.ln(3)
        pdf.set_font("helvetica", "B", 11)
        pdf.multi_cell(0, 6, caption, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("helvetica", "", 8)
        pdf_table(pdf, rows, 60, 28)
    pdf.output(str(path))
    return path


def write_docx(path: Path, s: Summary, extra: list[tuple[str, list[tuple[str, ...]]]] = ()) -> Path:
    document = docx.Document()
    for level, line in enumerate(_title_block(s), start=1):
        document.add_heading(line, level)
    document.add_paragraph(f"This summary covers recorded crime in the neighbourhood areas of {s.district}.")
    for caption, rows in [*report_tables(s), *extra]:
        document.add_heading(caption, 3)
        docx_table(document, rows)
    document.save(str(path))
    return path


def quarter_on_quarter(s: Summary) -> tuple[str, list[tuple[str, ...]]]:
    """A table of this quarter against the quarter before: unlike periods, which no answer may take for last year."""
    later, earlier = MONTHS[s.last - 1][:3], MONTHS[(s.last - 4) % 12][:3]
    rows = [("Neighbourhood area", f"Crimes 3 months to {earlier} {s.year}", f"Crimes 3 months to {later} {s.year}",
             "% diff")]
    rows += [(a, f"{s.crimes_by[(a, TOTAL)][0]:,}", f"{s.crimes_by[(a, TOTAL)][1]:,}",
              f"{s.change(a, TOTAL)[1]:+.1f}%") for a in s.areas]
    return "Table 3: All crime by neighbourhood area, this quarter and the last", rows


# --------------------------------------------------------------------------------------------- a workbook across


def write_across_xlsx(path: Path, s: Summary) -> Path:
    """Areas as columns: a cover sheet, a district overview (crime types as rows, then all crime by area across),
    then one sheet per crime group, each crime type's block of measure rows under its name, printed once."""
    book = openpyxl.Workbook()
    cover = book.active
    cover.title = "Cover"
    cover.append([f"{s.force} Police - {s.district} District Policing Area"])
    cover.append([f"Performance Summary: {s.long()} compared with {s.long(False)}"])
    cover.append([])
    cover.append(["Sheet", "What it shows"])
    cover.append(["District overview", f"{s.district} District totals by crime type"])
    for name, _ in GROUPS:
        cover.append([name, "Neighbourhood areas as columns"])
    overview = book.create_sheet("District overview")
    overview.append([f"{s.district} District: recorded crime by crime type, {s.long()} v {s.long(False)}"])
    overview.append([])
    overview.append([None, "Crimes", None, None, None, "Positive outcomes", "Positive outcome rate (%)"])
    overview.append(["Crime type", s.short(False), s.short(), "+/-", "% diff", s.short(), s.short()])
    for crime in (TOTAL, *s.crimes):
        before, now, solved = s.crimes_by[(s.district, crime)]
        overview.append([crime, before, now, *s.change(s.district, crime), solved, s.rate(s.district, crime)])
    overview.append([])
    overview.append([f"All crime by neighbourhood area, {MONTHS[s.first - 1]} to {MONTHS[s.last - 1]}"])
    columns = (*s.areas, s.district)
    overview.append(["Measure", *s.areas, f"{s.district} District"])
    for line in _measure_lines(s, TOTAL, columns):
        overview.append(line)
    start = 0
    for name, count in GROUPS:
        sheet = book.create_sheet(name)
        sheet.append([f"{name} - {s.district} District Policing Area"])
        sheet.append([f"{s.long()} compared with {s.long(False)}, by neighbourhood area"])
        sheet.append([])
        sheet.append(["Crime type", "Measure", *s.areas, f"{s.district} District"])
        for crime in s.crimes[start:start + count]:
            for n, line in enumerate(_measure_lines(s, crime, columns)):
                sheet.append([crime if n == 0 else None, *line])
        start += count
    book.save(str(path))
    return path


def _measure_lines(s: Summary, crime: str, columns: tuple[str, ...]) -> list[list[object]]:
    def values(pick):
        return [pick(area) for area in columns]
    return [[f"Crimes {s.short(False)}", *values(lambda a: s.crimes_by[(a, crime)][0])],
            [f"Crimes {s.short()}", *values(lambda a: s.crimes_by[(a, crime)][1])],
            ["+/-", *values(lambda a: s.change(a, crime)[0])],
            ["% diff", *values(lambda a: s.change(a, crime)[1])],
            [f"Positive outcomes {s.short()}", *values(lambda a: s.crimes_by[(a, crime)][2])],
            [f"Positive outcome rate {s.short()} (%)", *values(lambda a: s.rate(a, crime))]]


def truth(s: Summary) -> dict[tuple[str, str, str, str], float]:
    """(area, crime type, measure, period words) -> the printed figure, for every cell a summary prints."""
    from assistant.ingest.measures import CHANGE, OFFENCES, PERCENT_CHANGE, SOLVED, SOLVED_RATE

    change = f"{s.period_words()} compared with the {s.period_words(False)}"
    cells = {}
    for area in (*s.areas, s.district):
        for crime in (TOTAL, *s.crimes):
            before, now, solved = s.crimes_by[(area, crime)]
            cells[(area, crime, OFFENCES, s.period_words(False))] = before
            cells[(area, crime, OFFENCES, s.period_words())] = now
            cells[(area, crime, SOLVED, s.period_words())] = solved
            cells[(area, crime, SOLVED_RATE, s.period_words())] = s.rate(area, crime)
            cells[(area, crime, CHANGE[OFFENCES], change)] = s.change(area, crime)[0]
            cells[(area, crime, PERCENT_CHANGE[OFFENCES], change)] = s.change(area, crime)[1]
    return cells


def misread_labels(frame, documents, areas, crimes) -> list[tuple[str, str, object]]:
    """(area, crime type, query) for each learned area and crime type that does not read back as itself when a
    question names it ("Shoplifting in Eastwick"), under the vocabulary the build would put in force for `frame`."""
    words = vocab.load()
    frame = with_area_names(frame, words)
    catalogue = build_catalogue(frame, {document.id: document for document in documents}, words.area_kinds)
    misread = []
    with vocab.using(vocab.for_catalogue(words, catalogue)):
        for area in areas:
            for crime in crimes:
                query = parse(f"{crime} in {area}")
                if query.areas != (area,) or query.crime_types != (crime,):
                    misread.append((area, crime, query))
    return misread
