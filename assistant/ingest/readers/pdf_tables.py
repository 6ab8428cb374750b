"""Tables on a PDF page, cleaned into rows of cell text, and joined up when they run over a page break.

pdfplumber finds tables from the lines and boxes drawn on the page. What it finds needs cleaning before
the rows are worth indexing:

- Word-made PDFs often shade each paragraph or line with a box, which pdfplumber reports as a one-column
  "table" of prose; a table must have at least two columns with text, so those stay paragraphs;
- boxes drawn per text line split one cell into several grid rows: a row whose first grid cell is merged
  into the row above (pdfplumber gives None) and holds only words is folded into that row. A row with a
  number in it is kept as a row of its own (a label merged down over several rows of figures);
- columns that are empty in every row (slivers between misaligned borders) are dropped, and neighbouring
  columns that never both hold different text are merged, so a cell split by a stray border is one cell;
- cell text loses its line breaks (a row is tab-joined on one line); None becomes "".

A table at the top of a page, with the same number of columns as the table that ended the previous page,
continues it: a header row repeated on the new page is dropped, so the rows read as one table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUMBER = re.compile(r"^[-+(]?[£$€]?\d[\d,]*(\.\d+)?%?\)?$")


@dataclass(frozen=True)
class PdfTable:
    page: int
    bbox: tuple[float, float, float, float]  # x0, top, x1, bottom
    rows: tuple[tuple[str, ...], ...]

    @property
    def top(self) -> float:
        return self.bbox[1]


def page_tables(page, number: int) -> list[PdfTable]:
    """The real tables of one page (see the module docstring), top to bottom."""
    tables: list[PdfTable] = []
    for found in sorted(page.find_tables(), key=lambda t: (t.bbox[1], t.bbox[0])):
        rows = clean_rows(found.extract())
        if not rows or any(_inside(found.bbox, kept.bbox) for kept in tables):
            continue
        tables.append(PdfTable(number, tuple(found.bbox), rows))
    return tables


def _inside(inner, outer, slack: float = 1.0) -> bool:
    return (inner[0] >= outer[0] - slack and inner[1] >= outer[1] - slack
            and inner[2] <= outer[2] + slack and inner[3] <= outer[3] + slack)


def clean_rows(raw: list[list[str | None]]) -> tuple[tuple[str, ...], ...]:
    """Rows of cell text, or () when this is not a table of at least two text columns."""
    rows: list[list[str]] = []
    for index, cells in enumerate(raw):
        text = [" ".join(cell.split()) if cell else "" for cell in cells]
        if not any(text):
            continue
        continuation = rows and cells and cells[0] is None and not any(_NUMBER.match(t) for t in text if t)
        if continuation:
            rows[-1] = [" ".join(filter(None, pair)) for pair in zip(rows[-1], text)]
        else:
            rows.append(text)
    if not rows:
        return ()
    columns = [list(col) for col in zip(*rows) if any(col)]
    columns = _merge_complementary(columns)
    if len(columns) < 2:
        return ()
    return tuple(tuple(row) for row in zip(*columns))


def _merge_complementary(columns: list[list[str]]) -> list[list[str]]:
    """Join neighbouring columns that never hold two different texts in one row (one cell split in two)."""
    merged = [columns[0]] if columns else []
    for column in columns[1:]:
        previous = merged[-1]
        if all(not a or not b or a == b for a, b in zip(previous, column)):
            merged[-1] = [a or b for a, b in zip(previous, column)]
        else:
            merged.append(column)
    return merged


def continues(previous: PdfTable | None, table: PdfTable) -> bool:
    """Whether `table` carries on `previous` (same width, on the next page); the caller checks that nothing
    but running headers and footers stands between them."""
    return (previous is not None and table.page == previous.page + 1
            and len(table.rows[0]) == len(previous.rows[0]))


def without_repeated_header(first: PdfTable, continuation: PdfTable) -> tuple[tuple[str, ...], ...]:
    """The continuation's rows, less a header row that repeats the first table's header."""
    if continuation.rows and continuation.rows[0] == first.rows[0]:
        return continuation.rows[1:]
    return continuation.rows
