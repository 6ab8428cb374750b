"""A made-up force's quarterly summary printed as an unruled PDF (columns aligned by spacing only) in layouts the
readers cannot fully understand, and the same summary laid out plainly, to show a misread is left out and reported.

Misreads, each one way a reader goes wrong on a layout it does not understand:

- "figures_as_names": each area's block opens with a line of its figures run together by spacing ("1,079 306 407
  ...") instead of its name, so a reader takes the run of figures for the area the rows below belong to;
- "title_period": the title says "rolling 12 months" but the columns and the note under it say a quarter; the
  rate column names no period, so a reader gives it the title's twelve months beside counts of three;
- "run_together": each row's crimes for the two quarters are printed run into its label ("Shoplifting 1066 1246")
  beside its positive outcomes and rate, so a reader reads two figures from a row that prints four.

"plain" is the same summary with area names and every column's period, which must read in full. Names come from
the seed (syllables no real force or place has), and `Quarterly` keeps the truth.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import TableBordersLayout
from generated_corpora import coined

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
CRIMES = ("All crime", "Violence with injury", "Burglary - residential", "Shoplifting", "Vehicle offences")
LAYOUTS = ("figures_as_names", "title_period", "run_together")


@dataclass
class Quarterly:
    """One quarter's summary: its force, areas, the quarter's last month and year, and the truth:
    (area, crime type) -> (crimes the same quarter last year, crimes this quarter, positive outcomes)."""

    force: str
    areas: tuple[str, ...]
    last: int
    year: int
    figures: dict[tuple[str, str], tuple[int, int, int]] = field(default_factory=dict)

    def short(self, this_year: bool = True) -> str:
        first = MONTHS[(self.last - 3) % 12][:3]
        return f"{first}-{MONTHS[self.last - 1][:3]} {self.year - (0 if this_year else 1)}"

    @property
    def period(self) -> str:
        """How the frame names this quarter: "3 months to December 2026"."""
        return f"3 months to {MONTHS[self.last - 1]} {self.year}"


def make_quarterly(seed: int) -> Quarterly:
    rng = random.Random(seed)
    areas = tuple(dict.fromkeys(coined(rng, rng.choice((2, 3))) for _ in range(6)))[:rng.randint(3, 4)]
    summary = Quarterly(f"{coined(rng)} Constabulary", areas, rng.choice((3, 6, 9, 12)), rng.choice((2025, 2026)))
    for area in areas:
        for crime in CRIMES:
            before, now = rng.randint(100, 1500), rng.randint(100, 1500)
            summary.figures[(area, crime)] = (before, now, rng.randint(10, now // 3))
    return summary


def _rows(s: Quarterly, area: str, layout: str) -> list[tuple[str, ...]]:
    rows = []
    for crime in CRIMES:
        before, now, solved = s.figures[(area, crime)]
        rate = f"{100 * solved / now:.1f}"
        if layout == "run_together":
            if len(crime.split()) > 1:  # a one-word name with two figures run in is mostly figures: another sign
                    rows.append((f"{crime} {before} {now}", str(solved), rate))
        else:
            rows.append((crime, f"{before:,}", f"{now:,}", f"{now - before:+,}", f"{solved:,}", rate))
    return rows


def _header(s: Quarterly, layout: str) -> tuple[str, ...]:
    if layout == "run_together":
        return ("Crime type", f"Positive outcomes {s.short()}", f"Positive outcome rate % {s.short()}")
    rate = "Positive outcome rate %" if layout == "title_period" else f"Positive outcome rate % {s.short()}"
    return ("Crime type", f"Crimes {s.short(False)}", f"Crimes {s.short()}", "Change",
            f"Positive outcomes {s.short()}", rate)


def write_pdf(path: Path, s: Quarterly, layout: str, seed: int = 0) -> Path:
    """The summary as an unruled PDF in `layout` (one of LAYOUTS, or "plain")."""
    rng = random.Random(seed)
    pdf = FPDF(format="A4", orientation="L")
    pdf.add_page()
    span = "rolling 12 months" if layout == "title_period" else "quarter"
    pdf.set_font("helvetica", "B", 14)
    pdf.multi_cell(0, 8, f"{s.force} - Performance Summary, {span} to {MONTHS[s.last - 1]} {s.year}",
                   new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", "", 10)
    pdf.multi_cell(0, 5, f"Quarterly figures: {s.short()} compared with {s.short(False)}.", new_x="LMARGIN",
                   new_y="NEXT")
    pdf.ln(4)
    header = _header(s, layout)
    widths = (60, 50, 50) if layout == "run_together" else (60, 36, 36, 30, 44, 44)
    with pdf.table(borders_layout=TableBordersLayout.NONE, col_widths=widths, text_align="LEFT",
                   first_row_as_headings=True) as table:
        table.row(header)
        for area in s.areas:
            opening = table.row()
            if layout == "figures_as_names":
                opening.cell(" ".join(f"{rng.randint(20, 1500):,}" for _ in range(8)), colspan=len(header))
            else:
                opening.cell(area, colspan=len(header))
            for row in _rows(s, area, layout):
                table.row(row)
    pdf.output(str(path))
    return path
