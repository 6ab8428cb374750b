"""Turn a reader's blocks into a `Document`: clean text, heading sections, and where each line was printed.

Every format ends up as the same kind of text the Markdown reader gives: headings as their own lines,
paragraphs separated by blank lines, list items as bullet lines and table rows as tab-separated lines with
no blank line between them (so the one table finder reads tables from every format). Each block's place in
the source (page, sheet cells, CSV row) is kept as a `Location` over its span of the text, so a citation can
say "page 12" or "Braintree!D14".

A row of a small table in a report or minutes means little on its own ("25/24<TAB>Confirm the rota<TAB>Revd
Andrew Coulson<TAB>24 October 2025"): who is the owner, which date is the deadline? So each body row's cells
carry their column's header ("Owner: Revd Andrew Coulson"), and the row, searched and quoted alone, says what it
is. The first cell, the row's own name ("25/24", "Shoplifting"), is left as it is: its column's header names only
the kind of thing every row is ("Ref", "Category"), and repeated on every row it made each row look like the
table's header to a question about the table as a whole. The header row stays, and so do the tabs, so the table
is still a table to everything that reads one. A table whose columns are lists under their headers (each
neighbourhood team over the wards it covers, filled to different depths) is read by columns instead, one line
for each: "Chelmsford Outer: Galleywood; Writtle; ...".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.ingest.performance import looks_like_performance_table
from assistant.ingest.readers import HEADING, LIST_ITEM, TABLE_ROW, Block
from assistant.ingest.tables import TableRow, TextTable
from assistant.records import Location, Section

# A header cell names a column: short, with a word in it, or a year or period ("2024", "2024/25"); never a value
# a body row would hold (an amount, a count, a date: "£61,200", "1,437", "24 October 2025").
_LABEL_MAX_CHARS = 60
_LABEL_MAX_WORDS = 8
_PERIOD = re.compile(r"(?:19|20)\d\d(?:\s*[/-]\s*\d{2,4})?")
_VALUE = re.compile(r"[£$€]\s?\d|\d[\d,]*\.\d|\b\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\s+(?:19|20)\d\d|"
                    r"\b\d{1,2}/\d{1,2}/\d{2,4}\b|(?<![\d/])(?!(?:19|20)\d\d\b)\d{3,}")
# "Status at 8 January 2026", "Position as at 31/03/2025": a column's name with the date its cells speak for, which
# names the column all the same.
_AS_AT = re.compile(r"\s+(?:as\s+)?(?:at|on|to|by)\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\s+(?:19|20)\d\d|"
                    r"\d{1,2}/\d{1,2}/\d{2,4})$")
# "Table A: ...", "Table 3.1 - ...", "Figure 2. ...": a numbered caption over a table.
_CAPTION = re.compile(r"(?:table|figure|chart)\s+[\w.]{1,6}\s*[:.–—-]\s*(.+)$", re.IGNORECASE)
# A column label that is nothing but a period: "Jul-Sep 2026", "2025", "Q2 2025/26", "April to June 2025".
_MONTH_WORD = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_ONLY_PERIOD = re.compile(rf"(?i:(?:q[1-4]\s*)?(?:{_MONTH_WORD}\s*(?:(?:19|20)?\d\d)?\s*(?:-|–|—|to)\s*)?"
                          rf"(?:{_MONTH_WORD}\s*)?(?:19|20)\d\d(?:\s*[/-]\s*\d{{2,4}})?)")
MIN_LABELLED_COLUMNS = 3  # a two-column table without a marked header is as often "label<TAB>value" as not


def assemble(blocks: tuple[Block, ...]) -> tuple[str, tuple[Section, ...], tuple[Location, ...]]:
    """(text, sections, locations) for a reader's blocks, in reading order."""
    lines: list[str] = []
    locations: list[Location] = []
    headings: list[tuple[int, int, tuple[str, ...]]] = []  # (heading line start, content start, path)
    stack: list[tuple[int, str]] = []
    offset = 0
    previous = None
    for block, text in _block_lines(blocks):
        if not text.strip():
            continue
        if previous is not None and not (block.kind == TABLE_ROW and previous == TABLE_ROW):
            lines.append("")
            offset += 1
        start = offset
        if block.kind == HEADING:
            level = max(block.level, 1)
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, text))
            headings.append((start, start + len(text) + 1, tuple(title for _, title in stack)))
        lines.append(text)
        offset += len(text) + 1
        if block.where or block.cells:
            locations.append(Location(start, start + len(text), block.where, tuple(block.cells)))
        previous = block.kind
    full = "\n".join(lines)
    return full, _sections(full, headings), tuple(locations)


def _block_lines(blocks: tuple[Block, ...]) -> list[tuple[Block, str]]:
    """(block, its line of text) in order; each run of table rows labelled by its header (`labelled_table`), its
    lines kept with the run's first row when the table was read by columns.

    A data file's rows (a spreadsheet's, a CSV table's) are left bare: they are data for the table and statistics
    look-ups, and labelling thousands of cells would multiply the text for nothing a passage answer needs."""
    out: list[tuple[Block, str]] = []
    start = 0
    while start < len(blocks):
        end = start
        while end < len(blocks) and blocks[end].kind == TABLE_ROW and not blocks[end].data:
            end += 1
        if end == start:
            out.append((blocks[start], _one_line(blocks[start])))
            start += 1
            continue
        rows = [_one_line(block) for block in blocks[start:end]]
        caption = _one_line(blocks[start - 1]) if start and blocks[start - 1].kind != TABLE_ROW else ""
        lines = labelled_table(rows, subject=caption_subject(caption))
        out += list(zip(blocks[start:end], lines)) if len(lines) == len(rows) else [(blocks[start], line)
                                                                                    for line in lines]
        start = end
    return out


def caption_subject(caption: str) -> str:
    """What a table's numbered caption says its figures count: "Table A: ASB incidents by area, July to September
    2026" -> "ASB incidents"; "" for any other line (a caption's words before "by", a comma or a period)."""
    found = _CAPTION.match(caption.strip())
    if not found:
        return ""
    subject = re.split(r"\s+(?:by|in|for|per|across)\s+|[,;(]|\s[-–—]\s", found.group(1), maxsplit=1)[0].strip()
    return subject if 0 < len(subject.split()) <= _LABEL_MAX_WORDS and not _PERIOD.search(subject) else ""


def labelled_table(rows: Sequence[str], header_marked: bool = False, subject: str = "") -> list[str]:
    """The tab-separated `rows` of one table, each body row's cells after its first prefixed by their column's
    header ("Owner: Revd Andrew Coulson"); the rows unchanged when the table has no header row to read. A column
    named only by a period ("Jul-Sep 2026") is named with the `subject` its caption gives ("ASB incidents
    Jul-Sep 2026: 421"): the period alone says nothing of what its cells count, and a row is searched alone.

    The header is the first row with more than one cell filled (a title row above it, one cell across the
    table, is kept as it is). It counts as a header when every cell of it is filled and reads as a column's name,
    and it has at least `MIN_LABELLED_COLUMNS` of them, unless the format marked it as a header (a Markdown pipe
    table's first row). A police performance table keeps its bare cells: its two header lines are read as data.
    """
    cells = [row.split("\t") for row in rows]
    top = next((i for i, row in enumerate(cells) if sum(1 for cell in row if cell.strip()) > 1), None)
    if top is None or top == len(cells) - 1:
        return list(rows)
    header = [cell.strip() for cell in cells[top]]
    body = cells[top + 1:]
    if not header_marked and (len(header) < MIN_LABELLED_COLUMNS or not all(_names_a_column(c) for c in header)
                              or _recurs(header, body)):
        return list(rows)
    if len(set(header)) < len(header) or not all(header):
        return list(rows)
    table = TextTable("", (), 0, 0, tuple(TableRow(0, 0, tuple(c.strip() for c in row)) for row in cells))
    if looks_like_performance_table(table):
        return list(rows)
    if _lists_by_column(header, body):
        return list(rows[:top]) + [f"{name}: {'; '.join(cell.strip() for cell in column)}"
                                   for name, column in zip(header, _columns(header, body))]
    labelled = list(rows[:top + 1])
    for row in body:
        if sum(1 for cell in row if cell.strip()) < 2:  # a row naming a part of the table, across it
            labelled.append("\t".join(row))
            continue
        labelled.append("\t".join(_labelled_cell(_named(header[i], subject) if 0 < i < len(header) else "", cell)
                                  for i, cell in enumerate(row)))
    return labelled


def _named(label: str, subject: str) -> str:
    """A column's label, with the caption's subject before it when the label is only a period ("Jul-Sep 2026")."""
    return f"{subject} {label}" if subject and _ONLY_PERIOD.fullmatch(label) else label


def _columns(header: list[str], body: list[list[str]]) -> list[list[str]]:
    """Each column's filled cells, top to bottom."""
    return [[row[i] for row in body if i < len(row) and row[i].strip()] for i in range(len(header))]


def _lists_by_column(header: list[str], body: list[list[str]]) -> bool:
    """Is each column a list under its header (the wards of each neighbourhood team), not each row a record?

    Its columns are filled from the top down, each to its own length (no gap above a filled cell), at least two
    of them shorter than the longest, and no cell holds a figure: a record table's gaps fall anywhere, and its
    rows are read across."""
    if len(header) < MIN_LABELLED_COLUMNS:
        return False
    lengths = []
    for i in range(len(header)):
        filled = [i < len(row) and bool(row[i].strip()) for row in body]
        if filled != sorted(filled, reverse=True):
            return False  # a gap above a filled cell
        lengths.append(sum(filled))
    values = any(_VALUE.search(cell) for row in body for cell in row)
    return not values and min(lengths) > 0 and sum(n < max(lengths) for n in lengths) >= 2


def _names_a_column(cell: str) -> bool:
    cell = _AS_AT.sub("", cell)
    return 0 < len(cell) <= _LABEL_MAX_CHARS and len(cell.split()) <= _LABEL_MAX_WORDS and \
        (any(char.isalpha() for char in cell) or _PERIOD.fullmatch(cell) is not None) and not _VALUE.search(cell)


def _recurs(header: list[str], body: list[list[str]]) -> bool:
    """A first row whose cells come back lower in their columns ("Witham Marsh District Council", "Amber") is the
    first row of data. Once is allowed: a team may share its name with one of the wards listed under it."""
    again = [i < len(row) and row[i].strip().casefold() == name.casefold() for row in body
             for i, name in enumerate(header)]
    return sum(again) > 1


def _labelled_cell(label: str, cell: str) -> str:
    value = cell.strip()
    if not value or not label or value.casefold() == label.casefold() or value.startswith(f"{label}:"):
        return cell
    return f"{label.rstrip(':').rstrip()}: {value}"


def _one_line(block: Block) -> str:
    """A block as one line of text: tables keep their tabs, everything else its words on one line."""
    if block.kind == TABLE_ROW:
        return "\t".join(" ".join(cell.split()) for cell in block.text.split("\t"))
    words = " ".join(block.text.split())
    return f"• {words}" if block.kind == LIST_ITEM and words else words


def _sections(text: str, headings: list[tuple[int, int, tuple[str, ...]]]) -> tuple[Section, ...]:
    sections = []
    first = headings[0][0] if headings else len(text)
    if text[:first].strip():
        sections.append(Section((), 0, first))
    for i, (_, start, path) in enumerate(headings):
        end = headings[i + 1][0] if i + 1 < len(headings) else len(text)
        sections.append(Section(path, min(start, end), end))
    return tuple(sections)
