"""The pre-2007 Office formats: Word 97-2003 .doc and Excel 97-2003 .xls (OLE2 compound files).

.doc: the text of a Word 97 file sits in a piece table spread over two streams, with fast-saved and
encrypted variants; reading it reliably needs a proper OLE library (olefile, not a dependency of this
project) plus a careful parser, and a half-right reading would be indexed as if it were the document. So
a .doc is refused with the one fix that always works: open it in Word (or LibreOffice) and save it as
.docx. Password-protected .docx files are OLE files too, and are told apart by their EncryptionInfo stream.

.xls: read with xlrd when it is installed (it is optional: `pip install xlrd`), laid out exactly like an
.xlsx sheet by sheet_layout; without xlrd the workbook is refused with "save it as .xlsx".
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from assistant.ingest.readers import Extracted, ReaderError
from assistant.ingest.readers.cell_text import cell_text
from assistant.ingest.readers.containers import is_ole, ole_stream_names
from assistant.ingest.readers.sheet_layout import Row, sheet_blocks
from assistant.ingest.readers.xlsx import MAX_ROWS, MAX_SHEETS


def read_doc(path: str | Path) -> Extracted:
    """Always raises ReaderError: why this Word file cannot be read, and what to do about it."""
    path = Path(path)
    if not is_ole(path):
        raise ReaderError(f"{path.name} is not a Word document: its content is something else")
    try:
        streams = ole_stream_names(path)
    except ReaderError as exc:
        raise ReaderError(f"{path.name} is a damaged Word .doc file ({exc}): open it in Word and save it as .docx") from exc
    if "EncryptionInfo" in streams:
        raise ReaderError(f"{path.name} is password-protected (encrypted): remove the password and add it again")
    raise ReaderError(f"{path.name} is a legacy Word .doc file: save it as .docx (File › Save As) and add it again")


def read_xls(path: str | Path, max_rows: int = MAX_ROWS, max_sheets: int = MAX_SHEETS) -> Extracted:
    """Blocks for every visible sheet of an Excel 97-2003 workbook (needs xlrd); same layout as read_xlsx."""
    path = Path(path)
    try:
        import xlrd
    except ImportError:
        raise ReaderError(f"{path.name} is a legacy .xls workbook: save it as .xlsx (File › Save As) and add it again") from None
    if is_ole(path) and "EncryptionInfo" in ole_stream_names(path):
        raise ReaderError(f"{path.name} is password-protected (encrypted): remove the password and add it again")
    try:
        book = xlrd.open_workbook(str(path), on_demand=True)
    except Exception as exc:  # xlrd.XLRDError, struct errors, CompDocError... for damaged or encrypted files
        reason = "password-protected" if "encrypt" in str(exc).lower() else "damaged"
        raise ReaderError(f"{path.name} could not be read as an .xls workbook: it looks {reason} ({exc})") from exc
    try:
        sheets = [book.sheet_by_index(i) for i in range(book.nsheets)]
        sheets = [s for s in sheets if getattr(s, "visibility", 0) == 0]
        if len(sheets) > max_sheets:
            raise ReaderError(f"{path.name} has {len(sheets)} sheets, more than the {max_sheets} that can be indexed")
        blocks, used = [], 0
        for sheet in sheets:
            rows = list(_rows(sheet, book.datemode, xlrd))
            used += len(rows)
            if used > max_rows:
                raise ReaderError(f"{path.name} has more than {max_rows:,} filled rows: split it or publish the data as CSV")
            blocks += sheet_blocks(sheet.name, rows)
        return Extracted(blocks=tuple(blocks), kind="spreadsheet")  # .xls keeps its properties in an OLE stream xlrd skips
    finally:
        book.release_resources()


def _rows(sheet, datemode: int, xlrd) -> Iterator[Row]:
    """(row number, {column: text}) for each non-empty row; xlrd gives dates as numbers, converted here."""
    for r in range(sheet.nrows):
        cells = {}
        for c, cell in enumerate(sheet.row(r)):
            value = cell.value
            if cell.ctype == xlrd.XL_CELL_DATE:
                with contextlib.suppress(Exception):  # an impossible date prints as its number
                    value = xlrd.xldate.xldate_as_datetime(value, datemode)
            elif cell.ctype == xlrd.XL_CELL_BOOLEAN:
                value = bool(value)
            elif cell.ctype == xlrd.XL_CELL_ERROR:
                value = xlrd.error_text_from_code.get(value, "#ERROR")
            elif cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                continue
            text = cell_text(value)
            if text:
                cells[c + 1] = text
        if cells:
            yield r + 1, cells

