"""An HTML <table> read the way every other format's tables are: one tab-separated line per row, body rows
labelled by the header the page marks (`assemble.labelled_table`).

A web page's table of figures ("Offences by ward, 2023 and 2024") is only useful to a question about one row if
that row, searched and quoted alone, says what its cells are: "North Ward<TAB>2023: 412<TAB>2024: 398". The
header is what the page marks as one (<thead>, or leading rows made only of <th> cells); two header rows are
read together per column ("Offences 2023"), since a group heading spanning columns means nothing on its own. A
cell spanning rows is repeated in each row it spans, so no row loses its name. A table without a marked header is
left to the same judgement as a table typed with tabs. A table used to lay a page out (one holding headings or
other tables) is no table of figures: its cells are read as the page's own blocks.
"""

from __future__ import annotations

import re

from bs4 import Tag

from assistant.ingest.assemble import labelled_table

_LAYOUT_INSIDE = ("table", "h1", "h2", "h3", "h4", "h5", "h6")
_MAX_SPAN = 50  # a colspan or rowspan beyond this is a mistake in the page, not a layout
# Characters that would start inline Markdown in a cell; escaped so a cell reads back as printed.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]&<])")


def is_layout_table(table: Tag) -> bool:
    """A table that lays out the page rather than holding figures: it holds headings or other tables, or says
    so (role="presentation")."""
    return table.get("role") in ("presentation", "none") or table.find(_LAYOUT_INSIDE) is not None


def unwrap_layout_table(table: Tag) -> None:
    """Read a layout table's cells as blocks of the page, in order."""
    for part in table.find_all(["tr", "thead", "tbody", "tfoot", "caption"]):
        part.unwrap()
    for cell in table.find_all(["td", "th"]):
        cell.name = "div"
    table.name = "div"


def table_lines(table: Tag) -> list[str]:
    """The table's caption (if any) and its rows as tab-separated lines, body rows labelled by a marked header."""
    rows = _rows(table)
    grid = _grid(rows)
    if not grid:
        return []
    header_count = _header_rows(table, rows)
    lines: list[str] = []
    caption = table.find("caption")
    if caption is not None and caption.get_text(strip=True):
        lines += [_escaped(_cell_text(caption)), ""]
    width = max(len(row) for row in grid)
    grid = [row + [""] * (width - len(row)) for row in grid]
    if header_count and header_count < len(grid):
        header = _joined_header(grid[:header_count])
        body = ["\t".join(row) for row in grid[header_count:] if any(cell for cell in row)]
        return lines + labelled_table(["\t".join(header)] + body, header_marked=True)
    return lines + ["\t".join(row) for row in grid if any(cell for cell in row)]


def _rows(table: Tag) -> list[Tag]:
    """The table's own rows, not those of a table nested in a cell."""
    return _own(table, ("tr",))


def _cells(row: Tag) -> list[Tag]:
    return _own(row, ("td", "th"))


def _own(tag: Tag, names: tuple[str, ...]) -> list[Tag]:
    """The elements named `names` inside `tag`, in order, without looking inside them or inside a nested table
    (walked by hand: bs4's searches cost a filter per element, which a page of big tables multiplies)."""
    found: list[Tag] = []
    stack = list(reversed([child for child in tag.children if isinstance(child, Tag)]))
    while stack:
        child = stack.pop()
        if child.name in names:
            found.append(child)
        elif child.name != "table":
            stack += reversed([inner for inner in child.children if isinstance(inner, Tag)])
    return found


def _grid(rows: list[Tag]) -> list[list[str]]:
    """Cell texts placed on a grid: a colspan leaves its extra columns empty, a rowspan repeats the cell below."""
    grid: list[list[str]] = []
    pending: dict[int, tuple[str, int]] = {}  # column -> (text, rows still to fill)
    for row in rows:
        out: list[str] = []
        for cell in _cells(row):
            while len(out) in pending:
                out.append(_take(pending, len(out)))
            text = _escaped(_cell_text(cell))
            column = len(out)
            out += [text] + [""] * (_span(cell, "colspan") - 1)
            if _span(cell, "rowspan") > 1:
                pending[column] = (text, _span(cell, "rowspan") - 1)
        while len(out) in pending:
            out.append(_take(pending, len(out)))
        for column in sorted(c for c in pending if c > len(out)):
            out += [""] * (column - len(out)) + [_take(pending, column)]
        grid.append(out)
    return [row for row in grid if row]


def _take(pending: dict[int, tuple[str, int]], column: int) -> str:
    text, left = pending.pop(column)
    if left > 1:
        pending[column] = (text, left - 1)
    return text


def _header_rows(table: Tag, rows: list[Tag]) -> int:
    """How many leading rows the page marks as the header: those in <thead>, else those made only of <th>."""
    heads = _own(table, ("thead",))
    if heads:
        return sum(1 for row in rows if row.parent is heads[0])
    count = 0
    for row in rows:
        cells = _cells(row)
        if not cells or any(cell.name != "th" for cell in cells):
            break
        count += 1
    return count


def _joined_header(rows: list[list[str]]) -> list[str]:
    """One name per column from one or more header rows: a group heading spanning columns is carried across the
    columns it spans and put before each column's own name ("Offences 2023", "Offences 2024")."""
    names = [""] * len(rows[0])
    for row in rows:
        carried = ""
        for i, cell in enumerate(row):
            carried = cell or (carried if len(rows) > 1 and row is not rows[-1] else "")
            if carried and not names[i].endswith(carried):
                names[i] = f"{names[i]} {carried}".strip()
    return names


def _cell_text(cell: Tag) -> str:
    return " ".join(cell.get_text(" ").split())


def _escaped(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _span(cell: Tag, attribute: str) -> int:
    try:
        return min(max(int(str(cell.get(attribute, 1)).strip() or 1), 1), _MAX_SPAN)
    except ValueError:
        return 1
