"""Read an Excel workbook (.xlsx/.xlsm) into blocks: each visible sheet's tables, titles and notes.

The workbook is opened read-only (rows are streamed, so a large sheet does not sit in memory as objects)
and with data_only=True: a formula cell gives the value Excel last calculated and saved, which is what a
person saw, not the formula. Values are printed as the sheet shows them (see cell_text), laid out by
sheet_layout, and addressed as "Sheet!B14" so an answer can cite the exact cell.

A label a table indents (Excel's indent, or leading spaces) marks a sub-type of the row above it; the indent
cannot survive as text (cells are printed with their spaces collapsed), so it is printed as a leading "- ", the
mark a printed performance table uses for a sub-type.

Limits: at most `max_sheets` visible sheets and `max_rows` non-empty rows in the whole workbook; beyond
either the workbook is refused with a ReaderError that says which limit, rather than half-indexed (an
answer drawn from half a workbook would be wrong without saying so). Hidden sheets are skipped: they
usually hold lookup lists and working, not figures the publisher meant to show.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import openpyxl

from assistant.ingest.readers import HEADING, PARAGRAPH, TABLE_ROW, Block, Extracted, ReaderError
from assistant.ingest.readers.cell_text import cell_text, iso_date
from assistant.ingest.readers.containers import is_ole, ole_stream_names, zip_names
from assistant.ingest.readers.sheet_layout import Row, sheet_blocks

MAX_ROWS = 100_000
MAX_SHEETS = 100
SUBTYPE_MARK = "- "
TITLE_MAX_CHARS = 160  # a longer first line is a note or a description, not the workbook's title


def read_xlsx(path: str | Path, max_rows: int = MAX_ROWS, max_sheets: int = MAX_SHEETS) -> Extracted:
    """Blocks for every visible sheet: a level-1 heading with its name, then its rows (see sheet_layout)."""
    path = Path(path)
    refuse_ole_workbook(path)
    if "xl/workbook.xml" not in zip_names(path):
        raise ReaderError(f"{path.name} is a zip archive but not an Excel workbook (it has no xl/workbook.xml)")
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises KeyError, ValueError, XML errors... for damaged parts
        raise ReaderError(f"{path.name} could not be opened as an Excel workbook: it looks damaged ({exc})") from exc
    try:
        sheets = [ws for ws in workbook.worksheets if ws.sheet_state == "visible"]
        if len(sheets) > max_sheets:
            raise ReaderError(
                f"{path.name} has {len(sheets)} sheets, more than the {max_sheets} that can be indexed: "
                "split the workbook or remove sheets that hold no published figures"
            )
        blocks, budget = [], max_rows
        for sheet in sheets:
            rows = list(_rows(sheet, path.name, budget, max_rows))
            budget -= len(rows)
            blocks += sheet_blocks(sheet.title, rows)
        properties = workbook.properties
        return Extracted(
            blocks=tuple(blocks),
            title=(properties.title or "").strip() or _title_row(blocks),
            publisher=(properties.creator or "").strip(),
            date=iso_date(properties.created),
            kind="spreadsheet",
        )
    finally:
        workbook.close()


def _title_row(blocks: list[Block]) -> str:
    """The workbook's first title row ("Northshire Police - Performance Summary to March 2026"): what a reader
    calls it, where the first sheet's name ("Summary", "District summary") is only a tab's label. It is the first
    line of text above the first table (set as a heading, or as a paragraph when a long line sits with it)."""
    for block in blocks:
        if block.kind == TABLE_ROW:
            return ""
        if (block.kind == HEADING and block.level > 1) or block.kind == PARAGRAPH:
            return block.text if len(block.text) <= TITLE_MAX_CHARS else ""
    return ""


def _rows(sheet, file_name: str, budget: int, max_rows: int) -> Iterator[Row]:
    """(row number, {column: displayed text}) for each non-empty row, counting against the row budget."""
    used = 0
    sheet.reset_dimensions()  # exporters often record a wrong used range; read every row that is stored
    for number, row in enumerate(sheet.iter_rows(min_row=1, min_col=1), start=1):
        cells, indented, figures = {}, [], False
        for cell in row:
            if getattr(cell, "value", None) is None:
                continue  # EmptyCell, or the covered part of a merged range (only its first cell has the value)
            text = cell_text(cell.value, cell.number_format)
            if text:
                cells[cell.column] = text
                if _indented(cell):
                    indented.append(cell.column)
                figures = figures or _figure(cell.value)
        if not cells:
            continue
        if figures:  # a row of figures: an indented title, note or header cell is no sub-type
            cells.update({column: SUBTYPE_MARK + cells[column] for column in indented
                          if not cells[column].startswith(SUBTYPE_MARK.strip())})
        used += 1
        if used > budget:
            raise ReaderError(
                f"{file_name} has more than {max_rows:,} filled rows (the limit reached in sheet "
                f"'{sheet.title}'): split the workbook or publish the data as CSV"
            )
        yield number, cells


def _figure(value: object) -> bool:
    """A number that is not a year: what a table's body rows hold and its header rows do not."""
    return isinstance(value, (int, float)) and not isinstance(value, bool) and not (
        float(value).is_integer() and 1900 <= value <= 2100)


def _indented(cell) -> bool:
    """A text cell set in from the left: by the cell's indent, or by leading spaces typed before its words."""
    if not isinstance(cell.value, str) or not cell.value.strip():
        return False
    alignment = getattr(cell, "alignment", None)
    return bool(alignment is not None and alignment.indent) or cell.value[:1] in (" ", "\u00a0")


def refuse_ole_workbook(path: Path) -> None:
    """An OLE file named like a workbook is either encrypted (password) or a legacy .xls: say which."""
    if not is_ole(path):
        return
    streams = ole_stream_names(path)
    if "EncryptionInfo" in streams:
        raise ReaderError(
            f"{path.name} is password-protected (encrypted): remove the password (File › Info › Protect "
            "Workbook › Encrypt with Password, clear it) and add it again"
        )
    raise ReaderError(f"{path.name} is a legacy .xls workbook, not .xlsx: save it as .xlsx and add it again")
