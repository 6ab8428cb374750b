"""One reader per file format, behind one interface: a path in, an `Extracted` out.

Every reader turns its format into the same flat list of `Block`s (headings, paragraphs, list items, table
rows) with the place each came from (a page, a sheet cell, a CSV row), so the rest of ingestion never needs
to know which format a document was published in. A file that cannot be read raises `ReaderError` with a
reason a person can act on ("no text layer: needs OCR", "password-protected").
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.errors import CorpusError

HEADING = "heading"
PARAGRAPH = "paragraph"
LIST_ITEM = "list_item"
TABLE_ROW = "table_row"


class ReaderError(CorpusError):
    """A file of a known format that cannot be read; the message says why and what to do."""


@dataclass(frozen=True)
class Block:
    """One piece of a document in reading order.

    `text` is what is printed: a heading's words, a paragraph, a list item, or a table row's cells joined by
    tabs (a missing cell is an empty string, so every row of a table keeps its columns). `where` says where a
    reader can look: "page 3" for PDF, "Braintree!A14" (the row's first cell) for Excel, "row 12" for CSV, ""
    for formats without pages. `cells` gives each cell's own address for a table row ("Braintree!D14"),
    parallel to `text.split("\\t")`, when the format has addresses. `data` marks a row of a data file (a
    spreadsheet, a CSV table) rather than of a table printed in a document: its rows stay bare cells.
    """

    kind: str
    text: str
    level: int = 0
    where: str = ""
    cells: tuple[str, ...] = ()
    data: bool = False


@dataclass(frozen=True)
class Extracted:
    """What a reader found: the blocks, and whatever metadata the file itself records."""

    blocks: tuple[Block, ...]
    title: str = ""
    publisher: str = ""
    date: str = ""  # ISO date (YYYY-MM-DD or YYYY-MM) when the file's own properties give one
    kind: str = ""  # "PDF document", "Word document", "spreadsheet", "CSV table"
