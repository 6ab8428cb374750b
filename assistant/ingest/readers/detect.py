"""Decide what a file really is (content first, extension second) and send it to the right reader.

Councils' downloads are often misnamed: a ".pdf" that is an HTML error page, a ".xls" that is really a
.xlsx, a password-protected ".docx" that is an OLE file. Trusting the extension would hand those to the
wrong library and produce a baffling error, so the first bytes decide, and the name only breaks ties
between formats that look alike inside (text files, .doc versus .xls without telling stream names).
"""

from __future__ import annotations

from pathlib import Path

from assistant.ingest.readers import Extracted, ReaderError
from assistant.ingest.readers.containers import (
    OLE_MAGIC,
    ZIP_MAGIC,
    magic,
    ole_stream_names,
    zip_names,
)

TEXT_FORMATS = {".md": "md", ".markdown": "md", ".txt": "txt", ".html": "html", ".htm": "html", ".csv": "csv"}
_BINARY_EXTENSIONS = {".pdf": "pdf", ".docx": "docx", ".xlsx": "xlsx", ".xlsm": "xlsx", ".doc": "doc", ".xls": "xls"}


def detect_format(path: str | Path) -> str:
    """One of: "pdf", "docx", "xlsx", "doc", "xls", "encrypted-ooxml", "md", "txt", "html", "csv",
    "mismatch" (the name promises a binary format the content is not: "x.pdf is not a PDF"), or "unknown".

    A zip counts as docx/xlsx by its main part (word/document.xml, xl/workbook.xml); an OLE file by its
    streams: EncryptionInfo means a password-protected .docx/.xlsx, WordDocument a .doc, Workbook/Book an
    .xls. An unreadable zip or OLE directory falls back to the extension, so the reader reports the damage.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    head = magic(path, 8)
    if head.startswith(b"%PDF") or (suffix == ".pdf" and _pdf_after_junk(path)):
        return "pdf"
    if head.startswith(ZIP_MAGIC):
        return _zip_format(path, suffix)
    if head == OLE_MAGIC:
        return _ole_format(path, suffix)
    if suffix in _BINARY_EXTENSIONS:
        return "mismatch"
    return TEXT_FORMATS.get(suffix, "unknown")


def _pdf_after_junk(path: Path) -> bool:
    """PDF readers accept "%PDF" anywhere in the first kilobyte (some servers prepend a byte-order mark or
    blank lines); only trusted for a file that is called .pdf, so a text file quoting "%PDF-" stays text."""
    return b"%PDF-" in magic(path, 1024)


def _zip_format(path: Path, suffix: str) -> str:
    try:
        names = set(zip_names(path))
    except ReaderError:
        return _BINARY_EXTENSIONS.get(suffix, "unknown")
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    return "mismatch" if suffix in _BINARY_EXTENSIONS else "unknown"


def _ole_format(path: Path, suffix: str) -> str:
    try:
        streams = ole_stream_names(path)
    except ReaderError:
        streams = set()
    if "EncryptionInfo" in streams:
        return "encrypted-ooxml"
    if "WordDocument" in streams:
        return "doc"
    if "Workbook" in streams or "Book" in streams:
        return "xls"
    return {".doc": "doc", ".xls": "xls", ".docx": "doc", ".xlsx": "xls"}.get(suffix, "unknown")


def read_any(path: str | Path) -> Extracted:
    """Read a PDF, Word, Excel or CSV file with its reader, whatever its name says.

    Markdown, plain text and HTML have their own reader elsewhere in ingestion, so they raise ValueError
    here (a programming error: the caller should have routed them); files no reader can take raise
    ReaderError with the reason.
    """
    from assistant.ingest.readers.csv import read_csv
    from assistant.ingest.readers.docx import read_docx
    from assistant.ingest.readers.legacy import read_doc, read_xls
    from assistant.ingest.readers.pdf import read_pdf
    from assistant.ingest.readers.xlsx import read_xlsx

    path = Path(path)
    fmt = detect_format(path)
    readers = {"pdf": read_pdf, "docx": read_docx, "xlsx": read_xlsx, "doc": read_doc, "xls": read_xls, "csv": read_csv}
    if fmt in readers:
        return readers[fmt](path)
    if fmt in ("md", "txt", "html"):
        raise ValueError(f"{path.name} is a {fmt} file: read it with the text reader, not read_any")
    if fmt == "encrypted-ooxml":
        raise ReaderError(f"{path.name} is password-protected: remove the password (File › Info › Protect) and add it again")
    if fmt == "mismatch":
        expected = {".pdf": "a PDF", ".docx": "a Word document", ".xlsx": "an Excel workbook", ".xlsm": "an Excel workbook",
                    ".doc": "a Word document", ".xls": "an Excel workbook"}[path.suffix.lower()]
        raise ReaderError(f"{path.name} is not {expected}: its content is something else (perhaps a web page saved under the wrong name)")
    raise ReaderError(f"{path.name}: this file type cannot be indexed (PDF, Word, Excel, CSV, Markdown, text and HTML can)")
