"""Read a text PDF into blocks with page numbers: headings, paragraphs, list items and table rows.

The work is split by job: pdf_lines turns each page into styled lines and drops running headers,
footers and page numbers; pdf_tables finds the real tables; pdf_blocks decides headings and paragraphs.
This module opens the file, turns every way a PDF can be unreadable into a ReaderError a person can act
on, puts each page's tables among its text in reading order, and joins tables across page breaks.

Limits and choices:
- a PDF with more than `max_pages` pages (default 300) is refused, not cut short: an answer drawn from
  the first part of a document while the rest is missing would be wrong without saying so;
- a PDF with no text at all on any page is refused as scanned (it needs OCR); one whose pages are partly
  scanned is read for the text it has;
- a file whose last kilobyte has no "%%EOF" marker is refused as truncated (an interrupted download),
  because pdfminer would otherwise quietly read whatever part of it survived;
- reading order is top to bottom on each page: two-column layouts interleave their columns.
- tables are found from ruling lines and boxes (pdf_tables) and, where there are none, from words lined up in
  columns (pdf_borderless); a table of two columns laid out with spaces alone reads as text.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfplumber.utils.exceptions import PdfminerException

from assistant.ingest.readers import HEADING, TABLE_ROW, Block, Extracted, ReaderError
from assistant.ingest.readers.pdf_blocks import (
    Outline,
    body_size,
    heading_levels,
    normalise,
    outline_headings,
    page_blocks,
)
from assistant.ingest.readers.pdf_borderless import borderless_tables
from assistant.ingest.readers.pdf_lines import Line, drop_running_lines, page_lines
from assistant.ingest.readers.pdf_tables import (
    PdfTable,
    continues,
    page_tables,
    without_repeated_header,
)

MAX_PAGES = 300
_TITLE_JUNK = re.compile(r"^(microsoft (word|powerpoint|excel)\s*-\s*)|(\.(docx?|rtf|pptx?|xlsx?|pdf))$", re.IGNORECASE)
_PLACEHOLDER_TITLE = re.compile(r"^(untitled.*|powerpoint presentation|document\s*\d*|slide \d+)$", re.IGNORECASE)
_FILE_NAME = re.compile(r"^[\w.-]+$")  # "Crime_Data_Guidance20101207": a name, not a title


def read_pdf(path: str | Path, max_pages: int = MAX_PAGES) -> Extracted:
    """Blocks of every page, `where="page N"`; title, author and creation date from the PDF's info."""
    path = Path(path)
    _check_file(path)
    try:
        with pdfplumber.open(path) as pdf:
            if len(pdf.pages) > max_pages:
                raise ReaderError(
                    f"{path.name} has {len(pdf.pages)} pages, more than the {max_pages} that can be indexed: "
                    "split it into parts (or raise the limit) and add those"
                )
            tables, lines = [], []
            for number, page in enumerate(pdf.pages, start=1):
                ruled = page_tables(page, number)
                borderless = borderless_tables(page, number, [table.bbox for table in ruled])
                tables.append(sorted(ruled + borderless, key=lambda table: table.top))
                lines.append(page_lines(page, number, [table.bbox for table in tables[-1]]))
                page.close()  # frees the page's parsed layout: a long report would otherwise hold every page
            info = pdf.metadata or {}
    except ReaderError:
        raise
    except Exception as exc:  # pdfminer raises many types for broken files; they all mean "cannot be read"
        raise _reader_error(path, exc) from exc
    if not any(lines) and not any(tables):
        raise ReaderError(f"{path.name} has no text layer: it looks scanned and needs OCR before it can be indexed")
    blocks = _assemble(drop_running_lines(lines), tables, _outline(path))
    if not blocks:  # only page numbers or a stamped footer over scanned pages
        raise ReaderError(f"{path.name} has no text layer: it looks scanned and needs OCR before it can be indexed")
    return Extracted(blocks=tuple(blocks), title=_title(_text(info.get("Title")), blocks), publisher=_text(info.get("Author")),
                     date=pdf_date(_text(info.get("CreationDate"))), kind="PDF document")


def _check_file(path: Path) -> None:
    """Refuse files that are not PDFs at all, or were cut short, before pdfminer guesses at them."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            head = handle.read(1024)
            handle.seek(max(size - 1024, 0))
            tail = handle.read()
    except OSError as exc:
        raise ReaderError(f"{path.name} cannot be opened: {exc.strerror or exc}") from exc
    if b"%PDF-" not in head:
        raise ReaderError(f"{path.name} is not a PDF: its content is something else (perhaps a web page or text file)")
    if b"%%EOF" not in tail:
        raise ReaderError(f"{path.name} is truncated or damaged (it has no end-of-file marker): download it again")


def _reader_error(path: Path, exc: Exception) -> ReaderError:
    cause = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
    if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)) or "password" in str(cause).lower():
        return ReaderError(f"{path.name} is password-protected: save an unprotected copy (or remove the password) and add it again")
    if isinstance(cause, PDFSyntaxError):
        return ReaderError(f"{path.name} is damaged and cannot be read as a PDF ({cause})")
    return ReaderError(f"{path.name} cannot be read as a PDF: {type(cause).__name__}: {cause}")


def _assemble(pages: list[list[Line]], tables: list[list[PdfTable]], outline: Outline | None) -> list[Block]:
    """Each page's text blocks and tables in reading order; a table running over a page break stays one."""
    all_lines = [line for page in pages for line in page]
    body = body_size(all_lines)
    levels = heading_levels(all_lines, body)
    if outline and not any(kind == HEADING for page in pages for kind, _ in outline_headings(page, outline)):
        outline = None  # bookmarks that match no printed line (renamed, or page labels): use font styles
    blocks: list[Block] = []
    open_table: PdfTable | None = None  # the table that ended the previous page, with its first header row
    for page_lines_, page_tabs in zip(pages, tables):
        items: list[tuple[float, Block | PdfTable]] = [(t.top, t) for t in page_tabs]
        items += page_blocks(page_lines_, levels, body, outline)
        items.sort(key=lambda item: item[0])
        for position, (_, item) in enumerate(items):
            if not isinstance(item, PdfTable):
                blocks.append(item)
                continue
            rows = item.rows
            if position == 0 and continues(open_table, item):
                rows = without_repeated_header(open_table, item)
                item = replace(item, rows=open_table.rows[:1] + rows)  # later pages compare with the same header
            blocks += [Block(TABLE_ROW, "\t".join(row), where=f"page {item.page}") for row in rows]
        last = items[-1][1] if items else None
        open_table = last if isinstance(last, PdfTable) else None
    return blocks


def _outline(path: Path) -> Outline | None:
    """The PDF's bookmarks as {page: [(normalised title, level)]}, or None when it has none."""
    try:
        import pypdfium2 as pdfium

        document = pdfium.PdfDocument(str(path))
        try:
            outline: Outline = {}
            for bookmark in document.get_toc(max_depth=6):
                dest = bookmark.get_dest()
                title = normalise(bookmark.get_title())
                if dest is not None and title and dest.get_index() is not None:
                    outline.setdefault(dest.get_index() + 1, []).append((title, min(bookmark.level + 1, 6)))
            return outline or None
        finally:
            document.close()
    except Exception:  # noqa: BLE001 - an unreadable outline just means headings come from font styles
        return None


def _text(value: object) -> str:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    return " ".join(str(value).split()) if isinstance(value, str) else ""


def _title(info_title: str, blocks: list[Block]) -> str:
    """The info Title, less what Word's PDF printers add ("Microsoft Word - minutes.doc"); when that leaves
    a placeholder ("Untitled") or a file name, the first level-1 heading, if there is one."""
    title, previous = info_title, None
    while previous != title:
        previous, title = title, _TITLE_JUNK.sub("", title).strip()
    if _PLACEHOLDER_TITLE.match(title):
        title = ""
    if not title or _FILE_NAME.match(title):
        title = next((b.text for b in blocks if b.kind == HEADING and b.level == 1), title)
    return title


def pdf_date(value: str) -> str:
    """A PDF date ("D:20140306095417Z", "D:201012") as ISO "2014-03-06" / "2010-12"; "" if there is none."""
    match = re.match(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?", value.strip())
    if not match:
        return ""
    year, month, day = match.groups()
    if not month or not 1 <= int(month) <= 12:
        return ""
    if not day or not 1 <= int(day) <= 31:
        return f"{year}-{month}"
    return f"{year}-{month}-{day}"
