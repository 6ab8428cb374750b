"""A made-up force's district summary printed as a PDF whose tables have no ruling lines at all: every cell is text
drawn at a fixed x position, as report generators and spreadsheets "printed to PDF" lay tables out.

What makes these tables hard to read, all of it generated from the seed (no real force, place or figure):

- header cells of two or three words stacked on tight lines ("Offences" over "3m to Sep" over "2026"), bottom
  aligned, over rows spaced wider and evenly (so the header's line gap is the smallest on the page);
- multi-word row labels, some too long for the label column: they wrap onto a second line, the row's figures on
  the first (top-aligned), the wrapped line closer to its row than the next row is;
- figures set flush right: thousands separators ("12,345"), signed changes ("+17", "-3.2%");
- a running header ("OFFICIAL", the force) and footer ("Published ... | Page 1 of 2") on every page, and numbered
  notes under each table;
- editions: "quarterly" (columns of three months) or "annual" (rolling twelve months); tables of crime types as rows
  (the district's) and of areas as rows (all crime by area); `lead_lines` of prose push the first table over a page
  break, where its header is printed again;
- `misaligned`: every figure of the table of areas drawn at a random x, so its cells line up with no column.

`Summary` keeps the truth the tests check against.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

from fpdf import FPDF
from generated_corpora import coined

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
CRIMES = ("Violence against the person", "Burglary - business and community premises", "Shoplifting",
          "Theft from the person", "Miscellaneous crimes against society and public order", "Drug offences")
TOTAL = "All crime"
EDITIONS = {"quarterly": 3, "annual": 12}

Rows = list[tuple[str, ...]]


@dataclass
class Summary:
    """One edition: force, district, its areas, the month and year its periods end in, their length, and the truth:
    (area, crime type) -> (offences the year before, offences now, solved now)."""

    force: str
    district: str
    areas: tuple[str, ...]
    month: int
    year: int
    months: int
    figures: dict[tuple[str, str], tuple[int, int, int]] = field(default_factory=dict)

    def short(self, later: bool = True) -> str:
        return f"{self.months}m to {MONTHS[self.month - 1][:3]} {self.year - (0 if later else 1)}"

    def period(self, later: bool = True) -> str:
        """How the frame names the period: "3 months to September 2026"."""
        return f"{self.months} months to {MONTHS[self.month - 1]} {self.year - (0 if later else 1)}"


def make_summary(seed: int, edition: str = "quarterly") -> Summary:
    rng = random.Random(seed)
    district = coined(rng, 3)
    areas = tuple(dict.fromkeys(f"{coined(rng)} {rng.choice(('North', 'Central', 'and Vale', 'Rural'))}"
                                for _ in range(6)))[:5]
    months = EDITIONS[edition]
    summary = Summary(f"{coined(rng)} Police", district, areas, rng.choice((3, 6, 9, 12)), rng.choice((2025, 2026)),
                      months)
    scale = months * 12  # a quarter counts fewer crimes than a year
    for area in areas:
        for crime in CRIMES:
            before, now = rng.randint(1, scale), rng.randint(1, scale)
            summary.figures[(area, crime)] = (before, now, rng.randint(0, now // 3))
    for crime in CRIMES:  # the district is the sum of its areas, all crime the sum of its crime types
        summary.figures[(district, crime)] = tuple(sum(summary.figures[(a, crime)][i] for a in areas) for i in range(3))
    for area in (*areas, district):
        summary.figures[(area, TOTAL)] = tuple(sum(summary.figures[(area, c)][i] for c in CRIMES) for i in range(3))
    return summary


def _change(before: int, now: int) -> tuple[str, str]:
    return f"{now - before:+,}", f"{100 * (now - before) / before:+.1f}%"


def crime_rows(s: Summary) -> Rows:
    """The district's crime types as rows, all crime last."""
    rows = [("Crime type", f"Offences {s.short(False)}", f"Offences {s.short()}", "Change", "% change",
             f"Solved outcomes {s.short()}", f"Solved rate {s.short()}")]
    for crime in (*CRIMES, TOTAL):
        before, now, solved = s.figures[(s.district, crime)]
        rows.append((crime, f"{before:,}", f"{now:,}", *_change(before, now), f"{solved:,}",
                     f"{100 * solved / now:.1f}%"))
    return rows


def area_rows(s: Summary) -> Rows:
    """All crime by area, the district's total last."""
    rows = [("Neighbourhood area", f"Offences {s.short(False)}", f"Offences {s.short()}", "Change", "% change",
             f"Solved outcomes {s.short()}")]
    for area in (*s.areas, s.district):
        before, now, solved = s.figures[(area, TOTAL)]
        rows.append((f"{area} total" if area == s.district else area, f"{before:,}", f"{now:,}",
                     *_change(before, now), f"{solved:,}"))
    return rows


def title(s: Summary) -> str:
    span = "quarter" if s.months == 3 else "rolling 12 months"
    return f"{s.district} District Performance Summary, {span} to {MONTHS[s.month - 1]} {s.year}"


class _Pages(FPDF):
    force = ""
    published = ""

    def header(self) -> None:
        self.set_font("helvetica", "", 7)
        self.text(12, 10, "OFFICIAL")
        self.text(150, 10, f"{self.force} - Performance and Insight")

    def footer(self) -> None:
        self.set_font("helvetica", "", 7)
        self.text(12, 287, f"Published {self.published} | Provisional data - subject to change")
        self.text(180, 287, f"Page {self.page_no()}")


LABEL_X, LABEL_WIDTH = 12.0, 52.0
LINE, ROW, HEADER_LINE = 3.4, 5.2, 3.0  # mm: a wrapped label's line, a row, a header cell's line
BOTTOM = 270.0


def write_pdf(path: Path, s: Summary, lead_lines: int = 0, misaligned: bool = False, seed: int = 0) -> Path:
    """The summary as an unruled PDF (see the module docstring)."""
    rng = random.Random(seed)
    pdf = _Pages(format="A4")
    pdf.force, pdf.published = s.force, f"{rng.randint(1, 28)} {MONTHS[s.month % 12]} {s.year}"
    pdf.set_auto_page_break(False)
    pdf.add_page()
    y = 22.0
    pdf.set_font("helvetica", "B", 14)
    pdf.text(12, y, title(s))
    y += 8
    pdf.set_font("helvetica", "", 9)
    lines = [f"This summary covers crimes recorded in {s.district} in the {s.period()} compared with the "
             "same months a year earlier."] + \
            [f"Paragraph line {n + 1} of the introduction, which says nothing about any figure in the tables."
             for n in range(lead_lines)]
    for line in lines:
        y = _new_page(pdf) if y > BOTTOM else y
        pdf.text(12, y, line)
        y += 4.6
    tables = [(f"Table 1: Recorded crime by crime type, {s.district}", crime_rows(s), False),
              (f"Table 2: All crime by neighbourhood area, {s.district}", area_rows(s), misaligned)]
    for number, (caption, rows, jitter) in enumerate(tables, start=1):
        y += 6
        pdf.set_font("helvetica", "B", 10)
        pdf.text(12, y, caption)
        y = _table(pdf, rows, y + 5, rng if jitter else None)
        pdf.set_font("helvetica", "I", 7)
        for note in (f"{number}. Change is this period's offences less the same period a year before.",
                     f"{number + 2}. Solved outcomes are charges, summonses and other positive outcomes."):
            y += 3.6
            pdf.text(12, y, note)
    pdf.output(str(path))
    return path


def _new_page(pdf: FPDF) -> float:
    pdf.add_page()
    return 22.0


def _rights(columns: int) -> list[float]:
    """The right edge of each figure column: they share the width after the label column."""
    width = (196 - LABEL_X - LABEL_WIDTH) / (columns - 1)
    return [LABEL_X + LABEL_WIDTH + width * (i + 1) - 2 for i in range(columns - 1)]


def _table(pdf: FPDF, rows: Rows, y: float, jitter: random.Random | None) -> float:
    """Draw the header and rows from `y` (a baseline); the header again on a new page. The last baseline."""
    rights = _rights(len(rows[0]))
    y = _header(pdf, rows[0], rights, y)
    for row in rows[1:]:
        pdf.set_font("helvetica", "", 8)
        label = _wrap(pdf, row[0], LABEL_WIDTH - 3)
        if y + ROW + LINE * (len(label) - 1) > BOTTOM:
            y = _header(pdf, rows[0], rights, _new_page(pdf))
        y += ROW
        for n, line in enumerate(label):
            pdf.text(LABEL_X, y + n * LINE, line)
        for right, cell in zip(rights, row[1:]):
            x = right - pdf.get_string_width(cell)
            if jitter is not None:
                x += jitter.uniform(-8, 8)
            pdf.text(x, y, cell)
        y += LINE * (len(label) - 1)
    return y


def _header(pdf: FPDF, header: tuple[str, ...], rights: list[float], y: float) -> float:
    """The header cells, each wrapped to its column and bottom-aligned; the baseline of its last line."""
    pdf.set_font("helvetica", "B", 7.5)
    width = rights[1] - rights[0] - 4
    cells = [_wrap(pdf, header[0], LABEL_WIDTH - 3)] + [_wrap(pdf, cell, width) for cell in header[1:]]
    depth = max(len(cell) for cell in cells)
    for index, cell in enumerate(cells):
        for n, line in enumerate(cell):
            line_y = y + HEADER_LINE * (depth - len(cell) + n)
            x = LABEL_X if index == 0 else rights[index - 1] - pdf.get_string_width(line)
            pdf.text(x, line_y, line)
    return y + HEADER_LINE * (depth - 1) + 1.5


def _wrap(pdf: FPDF, text: str, width: float) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and pdf.get_string_width(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines
