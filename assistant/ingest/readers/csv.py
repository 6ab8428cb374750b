"""Read a CSV table into blocks: a heading with the file's name, then the header and every row.

CSV files from councils and police.uk come from Excel more often than not, so two things vary:

- the encoding: UTF-8 (with or without the byte-order mark Excel writes for "CSV UTF-8") is tried first;
  if the bytes are not valid UTF-8 the file is read as Windows-1252 (Excel's "CSV (Comma delimited)" on
  a UK PC: "£" is byte A3, curly quotes are 91-94), with any byte cp1252 leaves undefined read as Latin-1;
- the delimiter: comma, semicolon, tab or pipe, sniffed from the first lines (a "sep=;" first line, which
  Excel writes and reads, is honoured and skipped).

Each row's `where` is "row N" with N the line of the file the row starts on (the header is row 1 unless
a "sep=" line precedes it), so a citation can be found in any text editor. Rows beyond `max_rows`, or
a file over 100 MB, make the file refused with a ReaderError rather than silently cut short.
"""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path

from assistant.ingest.readers import HEADING, TABLE_ROW, Block, Extracted, ReaderError

MAX_ROWS = 200_000
MAX_BYTES = 100 * 1024 * 1024
_DELIMITERS = ",;\t|"
# cp1252 leaves five bytes (81 8D 8F 90 9D) undefined; reading those as Latin-1 keeps every other character.
codecs.register_error("cp1252_latin1", lambda err: (err.object[err.start : err.end].decode("latin-1"), err.end))


def read_csv(path: str | Path, max_rows: int = MAX_ROWS) -> Extracted:
    """The file's stem as a level-1 heading, then one TABLE_ROW per non-blank line (cells tab-joined)."""
    path = Path(path)
    if path.stat().st_size > MAX_BYTES:
        raise ReaderError(f"{path.name} is larger than {MAX_BYTES // 1024 // 1024} MB, too large to index: split it or publish a summary")
    text, _encoding = decode(path.read_bytes())
    if not text.strip():
        raise ReaderError(f"{path.name} is empty: there is no table to index")
    first_line = 1
    if text.lower().startswith("sep=") and "\n" in text:
        delimiter = text[4:5] or ","
        text = text.split("\n", 1)[1]
        first_line = 2
    else:
        delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    blocks = [Block(HEADING, path.stem, level=1)]
    width, start = 0, 1
    try:
        for cells in reader:
            line = start + first_line - 1
            start = reader.line_num + 1
            values = [" ".join(cell.split()) for cell in cells]  # no tab or newline inside a cell
            if not any(values):
                continue
            if len(blocks) - 1 >= max_rows:
                raise ReaderError(
                    f"{path.name} has more than {max_rows:,} rows, more than can be indexed: split it "
                    "or publish a summary table"
                )
            width = width or len(values)  # the header's width: short rows are padded to keep columns
            values += [""] * (width - len(values))
            blocks.append(Block(TABLE_ROW, "\t".join(values), where=f"row {line}", data=True))
    except csv.Error as exc:
        raise ReaderError(f"{path.name} is not a well-formed CSV file near line {reader.line_num}: {exc}") from exc
    if len(blocks) == 1:
        raise ReaderError(f"{path.name} is empty: there is no table to index")
    return Extracted(blocks=tuple(blocks), title=path.stem, kind="CSV table")


def decode(data: bytes) -> tuple[str, str]:
    """The text and the encoding it was read with: "utf-8-sig" (also plain UTF-8) or "cp1252"."""
    try:
        return data.decode("utf-8-sig"), "utf-8-sig"
    except UnicodeDecodeError:
        pass
    return data.decode("cp1252", errors="cp1252_latin1"), "cp1252"


def sniff_delimiter(text: str) -> str:
    """The delimiter of the first lines; a comma when nothing else is clearly used."""
    sample = "\n".join(text.splitlines()[:20])
    try:
        return csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
    except csv.Error:
        counts = {d: sample.splitlines()[0].count(d) for d in _DELIMITERS} if sample else {}
        best = max(counts, key=counts.get, default=",")
        return best if counts.get(best) else ","
