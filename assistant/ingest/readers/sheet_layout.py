"""Turn a worksheet's cells into blocks: a heading per sheet, tables of rows, their titles and notes.

Council spreadsheets are laid out for people, not machines: a title in A1, a blank row, a table with a
two-row header whose top cells are merged, a blank row, "Source: Essex Police" underneath, then another
table. This module rebuilds that layout from the non-empty cells alone, so the .xlsx and the legacy .xls
readers (which get the cells from different libraries) lay sheets out the same way:

- fully empty rows separate tables;
- a row holding a single text value in the block's leftmost column is prose, not data: above the first
  data row it is a title (HEADING level 2), below the last one a note (PARAGRAPH), between data rows a
  section label kept in the table; a block of such rows alone is a title when a table follows it and
  notes otherwise;
- every data row of a table spans the same columns (the table's leftmost to rightmost used column), with
  "" for an empty cell, so a merged header ("Offences" over four columns) keeps its place over its columns;
- a block that opens with one label row ("Area: Harnbury", "District - North") followed by rows of figures and no
  header of its own, set in the columns of the table above it, is that table's next group: analysts leave a blank
  row before each group, and read apart the group's figures would have no header saying what they are.
"""

from __future__ import annotations

from collections.abc import Iterable

from openpyxl.utils import get_column_letter

from assistant.ingest.readers import HEADING, PARAGRAPH, TABLE_ROW, Block

Row = tuple[int, dict[int, str]]  # (1-based row number, {1-based column: displayed text}) without empties
_TITLE_MAX_CHARS = 120


def sheet_blocks(sheet: str, rows: Iterable[Row]) -> list[Block]:
    """The blocks of one sheet: its name as a level-1 heading, then its tables, titles and notes in order."""
    blocks = [Block(HEADING, sheet, level=1, where=f"{sheet}!A1")]
    segments = _segments(rows)
    span = None  # the columns of the table last laid out, which a group after a blank row continues
    for index, segment in enumerate(segments):
        if span is not None and _continues(segment, span):
            blocks += [_table_row(sheet, row, *span) for row in segment]
            continue
        followed_by_table = index + 1 < len(segments) and any(not _is_text(r, segments[index + 1]) for r in segments[index + 1])
        laid_out = _segment_blocks(sheet, segment, followed_by_table)
        blocks += laid_out
        span = _span(segment) if laid_out[-1].kind == TABLE_ROW else None  # a table with no notes under it
    return blocks


def _continues(segment: list[Row], span: tuple[int, int]) -> bool:
    """A group of the table above: one label row in its first column, then rows that each hold a figure, all
    within its columns."""
    label, *body = segment
    left, right = span
    return (bool(body) and len(label[1]) == 1 and min(label[1]) == left and not _looks_numeric(*label[1].values())
            and all(left <= min(cells) and max(cells) <= right for _, cells in segment)
            and all(any(_looks_numeric(text) for text in cells.values()) for _, cells in body))


def _span(segment: list[Row]) -> tuple[int, int]:
    """The leftmost and rightmost columns of a segment's table rows."""
    data = [cells for number, cells in segment if not _is_text((number, cells), segment)]
    return min(min(cells) for cells in data), max(max(cells) for cells in data)


def _segments(rows: Iterable[Row]) -> list[list[Row]]:
    """Runs of consecutive non-empty rows; an empty row or a gap in row numbers ends a run."""
    segments: list[list[Row]] = []
    current: list[Row] = []
    previous = None
    for number, cells in rows:
        cells = {col: text for col, text in cells.items() if text}
        if not cells:
            continue
        if current and number != previous + 1:
            segments.append(current)
            current = []
        current.append((number, cells))
        previous = number
    if current:
        segments.append(current)
    return segments


def _is_text(row: Row, segment: list[Row]) -> bool:
    """A title or note: one value, not a number, in the segment's leftmost column."""
    cells = row[1]
    if len(cells) != 1:
        return False
    (col, text), = cells.items()
    leftmost = min(min(c) for _, c in segment)
    return col == leftmost and not _looks_numeric(text)


def _looks_numeric(text: str) -> bool:
    stripped = text.replace(",", "").replace("%", "").lstrip("£$€-+").strip()
    try:
        float(stripped)
    except ValueError:
        return False
    return True


def _segment_blocks(sheet: str, segment: list[Row], followed_by_table: bool) -> list[Block]:
    data = [i for i, row in enumerate(segment) if not _is_text(row, segment)]
    if not data:
        short = all(len(next(iter(cells.values()))) <= _TITLE_MAX_CHARS for _, cells in segment)
        kind = HEADING if followed_by_table and short else PARAGRAPH
        return [_prose(sheet, row, kind) for row in segment]
    first, last = data[0], data[-1]
    table_rows = segment[first : last + 1]
    left = min(min(cells) for _, cells in table_rows)
    right = max(max(cells) for _, cells in table_rows)
    blocks = [_prose(sheet, row, HEADING) for row in segment[:first]]
    blocks += [_table_row(sheet, row, left, right) for row in table_rows]
    blocks += [_prose(sheet, row, PARAGRAPH) for row in segment[last + 1 :]]
    return blocks


def _prose(sheet: str, row: Row, kind: str) -> Block:
    number, cells = row
    (col, text), = cells.items()
    return Block(kind, text, level=2 if kind == HEADING else 0, where=f"{sheet}!{get_column_letter(col)}{number}")


def _table_row(sheet: str, row: Row, left: int, right: int) -> Block:
    number, cells = row
    columns = range(left, right + 1)
    addresses = tuple(f"{sheet}!{get_column_letter(col)}{number}" for col in columns)
    text = "\t".join(cells.get(col, "") for col in columns)
    return Block(TABLE_ROW, text, where=addresses[0], cells=addresses, data=True)
