"""Small PDFs made with fpdf2 for the PDF reader's tests: one "board pack" that has every feature the
reader must handle, and the broken kinds of file it must refuse."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from fpdf import FPDF

BODY = (
    "Recorded crime across the district fell by four per cent in the year to March, with the largest "
    "falls in vehicle crime and burglary. Violence against the person rose slightly, driven by more "
    "reports of stalking and harassment after a change in recording practice."
)


class BoardPack(FPDF):
    """Running header and "Page N of M" footer on every page, like a council board pack."""

    def header(self) -> None:
        self.set_font("helvetica", "", 9)
        self.cell(0, 8, "Braintree Community Safety Partnership - Board Pack", align="C")
        self.ln(12)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("helvetica", "", 9)
        self.cell(0, 10, f"Page {self.page_no()} of {{nb}}", align="C")


def board_pack(path: Path, outline: bool = False) -> Path:
    """Title, two heading levels, paragraphs, a bullet list, a table over a page break, a closing note."""
    pdf = BoardPack(format="A4")
    pdf.core_fonts_encoding = "windows-1252"  # so the core fonts can print "•"
    pdf.set_title("Community Safety Board - Performance Report")
    pdf.set_author("Braintree District Council")
    pdf.set_creation_date(dt.datetime(2024, 3, 14, 9, 30, tzinfo=dt.UTC))
    pdf.add_page()
    _heading(pdf, "Performance Report", 20, outline, 0)
    _heading(pdf, "1. Summary", 14, outline, 1)
    _paragraph(pdf, BODY)
    _paragraph(pdf, "The partnership agreed three priorities for the coming year:")
    for item in ("Reduce burglary in rural villages", "Tackle anti-social behaviour in the town centre",
                 "Support victims of domestic abuse"):
        pdf.set_x(pdf.l_margin + 5)
        pdf.multi_cell(0, 6, f"\u2022 {item}", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    _heading(pdf, "2. Crime by type", 14, outline, 1)
    _paragraph(pdf, "The table below gives recorded offences for each crime type.")
    pdf.set_font("helvetica", "", 11)
    rows = [("Crime type", "2023", "2024", "Change")]
    rows += [(f"Offence group {n}", str(100 + n), str(90 + 2 * n), f"{(2 * n - 10):+d}") for n in range(1, 41)]
    with pdf.table(col_widths=(60, 30, 30, 30)) as table:
        for row in rows:
            table.row(row)
    pdf.ln(4)
    _heading(pdf, "3. Next steps", 14, outline, 1)
    _paragraph(pdf, "Officers will report progress to the next meeting of the board in June.")
    pdf.output(str(path))
    return path


def _heading(pdf: FPDF, text: str, size: int, outline: bool, level: int) -> None:
    pdf.set_font("helvetica", "B", size)
    if outline:
        pdf.start_section(text, level=level)
    pdf.multi_cell(0, size * 0.6, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)


def _paragraph(pdf: FPDF, text: str) -> None:
    pdf.set_font("helvetica", "", 11)
    pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
