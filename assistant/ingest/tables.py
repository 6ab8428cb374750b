"""Tables in the cleaned text: blocks of consecutive tab-separated lines, each line a row of stripped cells.

Readers of every format print a table's rows as tab-separated lines, so this one finder serves them all;
`performance` decides which of the tables found are police performance tables.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.records import Document


@dataclass(frozen=True)
class TableRow:
    """One line of a table: its span in `Document.text` (no newline) and its cells, stripped."""

    start: int
    end: int
    cells: tuple[str, ...]


@dataclass(frozen=True)
class TextTable:
    """A block of consecutive tab-separated lines, as a span of one document's cleaned text."""

    document: str
    section_path: tuple[str, ...]
    start: int
    end: int
    rows: tuple[TableRow, ...]


# Two or more consecutive lines that each hold a tab, so every line has at least two columns.
_TAB_BLOCK = re.compile(r"^[^\n]*\t[^\n]*(?:\n[^\n]*\t[^\n]*)+", re.MULTILINE)
# First cells of report paragraphs laid out with tabs ("2.1\tThe strategic ...", "\tcontinued", "--\t---").
_PARAGRAPH_MARK = re.compile(r"(?:\d+(?:\.\d+)*\.?|-+)?")


def find_tables(doc: Document) -> list[TextTable]:
    """Every block of two or more consecutive tab-separated lines, except tab-indented report paragraphs."""
    tables = []
    for block in _TAB_BLOCK.finditer(doc.text):
        rows, offset = [], block.start()
        for line in block.group().split("\n"):
            rows.append(TableRow(offset, offset + len(line), tuple(cell.strip() for cell in line.split("\t"))))
            offset += len(line) + 1
        if all(_PARAGRAPH_MARK.fullmatch(row.cells[0]) for row in rows):
            continue
        tables.append(TextTable(doc.id, doc.section_at(block.start()), block.start(), block.end(), tuple(rows)))
    return tables
