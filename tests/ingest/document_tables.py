"""Tables written into generated Word and PDF documents, one cell per value, as the test writers all need them.

The generated editions (`performance_documents`, `part_year_summaries`, `area_reports`, `layout_variants`) and a few
tests write many captioned tables; each used to spell out the same cell loop.
"""

from __future__ import annotations

from collections.abc import Sequence


def docx_table(document, rows: Sequence[Sequence[str]]):
    """A python-docx table holding `rows` (the first row is the header), added to `document` and returned."""
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    return table


def pdf_table(pdf, rows: Sequence[Sequence[str]], first: float, rest: float, **options) -> None:
    """An fpdf2 table of `rows` with a `first` column (the labels) and equal `rest` columns; `options` go to
    `FPDF.table` (by default every row is body text, left-aligned, as performance summaries print them)."""
    options = {"first_row_as_headings": False, "text_align": "LEFT", **options}
    with pdf.table(col_widths=(first,) + (rest,) * (len(rows[0]) - 1), **options) as table:
        for row in rows:
            table.row(row)
