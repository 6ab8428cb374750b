"""Tables a PDF lays out without ruling lines, found from how their words line up.

pdfplumber finds tables from drawn lines and boxes; an action log, an agenda or a staffing table printed without
borders is only words on a page, and read as text its header runs into its first row ("Ref Action Owner
Deadline A25/14 Deliver ..."), so no row can be read with its column's name. What makes such a block a table is
its geometry, never its words:

- Columns: over a run of consecutive lines, the x-ranges of all their words leave vertical gutters that no word
  crosses. Prose fills its lines from margin to margin, so two lines of prose close every gutter; a table keeps
  at least `MIN_COLUMNS` columns over at least `MIN_LINES` lines. A line above or below that alone closes a
  gutter the rest keep open (a heading or a caption over the first columns) is not part of the table.
- Alignment: the pieces of text in each column start at one x (or, for figures, end or centre on one x). A gap
  that happens to run down a few lines of justified text (a "river") leaves pieces that do not line up: it
  joins the column on its left, and prose with no real gutter is left with too few columns to be a table.
- Rows: lines of one row sit closer together than the rows do (cells wrap at their line spacing; rows are
  padded apart); a band of lines whose first column is empty and which holds no figure of its own carries on
  the row above (its cells wrapped, top-aligned, past the first column's text).

A two-column layout (a label and its value, a bullet and its text, two columns of a newsletter) is not taken for
a table: too often it is not one, and read as text it loses little.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence

from assistant.ingest.readers.pdf_tables import PdfTable

MIN_COLUMNS = 3
MIN_LINES = 3
GUTTER = 0.4  # the narrowest gap between columns, in ems of the table's text (a word space is about 0.28)
_ALIGNED = 2.0  # points within which column edges count as one
_NEAR = 2.0  # at most this many line heights between two lines of one table
_SAME_SIZE = 1.5  # points of difference in text size between neighbouring lines of one table
_FIGURE = re.compile(r"^[-+(]?[£$€]?\d[\d,]*(\.\d+)?%?\)?$")

Box = tuple[float, float, float, float]  # x0, top, x1, bottom
Word = dict  # a pdfplumber word: text, x0, x1, top, bottom, size


def borderless_tables(page, number: int, skip_boxes: Sequence[Box] = ()) -> list[PdfTable]:
    """The tables on the page that no ruling line marks, top to bottom; `skip_boxes` are tables already read."""
    words = [w for w in page.extract_words(extra_attrs=["size"]) if not _inside_any(w, skip_boxes)]
    lines = _lines(words)
    tables, start = [], 0
    while start < len(lines):
        end = _grow(lines, start)
        first, last = _trim(lines[start:end])
        region = lines[start + first:start + last]
        if _is_table(region):
            tables.append(_table(region, number))
            start += last
        else:
            start += 1
    return tables


def _inside_any(word: Word, boxes: Sequence[Box]) -> bool:
    cx, cy = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)


def _lines(words: list[Word]) -> list[list[Word]]:
    """Words grouped into lines (tops within a third of the text size), each line left to right."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w["top"], w["x0"])):
        if lines and abs(word["top"] - lines[-1][0]["top"]) <= 0.3 * max(word["size"], 1.0):
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


def _size(lines: Sequence[list[Word]]) -> float:
    return statistics.median(w["size"] for line in lines for w in line)


def _columns(lines: Sequence[list[Word]]) -> list[tuple[float, float]]:
    """The x-ranges the lines' words cover together, split wherever a gutter runs through all of them."""
    gutter = GUTTER * _size(lines)
    spans = sorted((w["x0"], w["x1"]) for line in lines for w in line)
    columns = [list(spans[0])]
    for x0, x1 in spans[1:]:
        if x0 - columns[-1][1] < gutter:
            columns[-1][1] = max(columns[-1][1], x1)
        else:
            columns.append([x0, x1])
    return [(x0, x1) for x0, x1 in columns]


def _near(above: list[Word], below: list[Word]) -> bool:
    """Close enough, and in text of about one size (a heading over prose is not a table's first row)."""
    height = max(w["bottom"] - w["top"] for w in above)
    same_size = abs(_size([above]) - _size([below])) <= _SAME_SIZE
    return same_size and below[0]["top"] - max(w["bottom"] for w in above) <= _NEAR * height


def _grow(lines: list[list[Word]], start: int) -> int:
    """The end of the longest run from `start` of close lines that keeps at least MIN_COLUMNS columns."""
    end = start + 1
    while end < len(lines) and _near(lines[end - 1], lines[end]) and \
            len(_columns(lines[start:end + 1])) >= MIN_COLUMNS:
        end += 1
    return end


def _trim(region: list[list[Word]]) -> tuple[int, int]:
    """(first, last) of the region less lines at either end that alone close a gutter the others keep open."""
    first, last = 0, len(region)
    while last - first > MIN_LINES and \
            len(_columns(region[first + 1:last])) > len(_columns(region[first:last])):
        first += 1
    while last - first > MIN_LINES and \
            len(_columns(region[first:last - 1])) > len(_columns(region[first:last])):
        last -= 1
    return first, last


def _is_table(region: list[list[Word]]) -> bool:
    if len(region) < MIN_LINES:
        return False
    columns = _table_columns(region)
    if len(columns) < MIN_COLUMNS:
        return False
    pieces = [_pieces(line, columns) for line in region]
    if sum(1 for line in pieces if len(line) >= 2) < 2 or \
            any(sum(1 for line in pieces if index in line) < 2 for index in range(len(columns))):
        return False
    if _runs_on(pieces) or _justified(region, pieces):
        return False
    if all(len(line) == len(columns) for line in pieces):
        return _gutters_wider_than_spaces(region, columns)
    return True


JUSTIFIED = 1.0  # points: lines of justified prose end this close to one right margin


def _justified(region: list[list[Word]], pieces: list[dict[int, list[Word]]]) -> bool:
    """Are the lines that hold several pieces justified prose: every one ends on one right margin, in a word (a
    column of figures set flush right ends on one x too, in figures)? A table's last column of text is ragged."""
    ends = [line[-1] for line, held in zip(region, pieces) if len(held) >= 2]
    return len(ends) >= 2 and max(w["x1"] for w in ends) - min(w["x1"] for w in ends) <= JUSTIFIED and \
        not any(re.search(r"\d", w["text"]) for w in ends)


def _runs_on(pieces: list[dict[int, list[Word]]]) -> bool:
    """Do the "cells" read as one sentence broken at chance gaps ("better lighting at | the Eastcliff |
    underpass")? In prose most pieces go on from the piece to their left: that one ends mid-sentence and this one
    starts with a lower-case word. A table's cells start afresh (a name, a date, a figure, a capital)."""
    joins = [(line[a][-1]["text"], line[b][0]["text"]) for line in pieces
             for a, b in zip(sorted(line), sorted(line)[1:])]
    going_on = sum(1 for left, right in joins if right[:1].islower() and not re.search(r"[.:;)]$", left))
    return len(joins) >= 2 and going_on * 2 >= len(joins)


def _gutters_wider_than_spaces(region: list[list[Word]], columns: list[tuple[float, float]]) -> bool:
    """Every line filling every column is also what justified prose looks like, when gaps happen to line up
    down it: then the gutters must be wider than any space between two words of one cell."""
    narrowest = min(b[0] - a[1] for a, b in zip(columns, columns[1:]))
    widest_space = max((b["x0"] - a["x1"] for line in region for words in _pieces(line, columns).values()
                        for a, b in zip(words, words[1:])), default=0.0)
    return narrowest > widest_space


def _aligned_columns(region: list[list[Word]]) -> list[tuple[float, float]]:
    """The region's columns, each one whose pieces do not line up joined to the column on its left: a gap that
    runs down a few lines of a justified cell ("Chief Inspector   Priya" over "Rachel Quayle   and") is a river
    in that cell, not a gutter. () when the first column does not line up: then it is no table."""
    columns = _columns(region)
    index = 0
    while index < len(columns):
        in_column = [line[index] for line in (_pieces(line, columns) for line in region) if index in line]
        if _aligned(in_column):
            index += 1
        elif index == 0:
            return []
        else:
            columns[index - 1:index + 1] = [(columns[index - 1][0], columns[index][1])]
    return columns


def _table_columns(region: list[list[Word]]) -> list[tuple[float, float]]:
    """The aligned columns, less any column (after the first) empty in the table's first row: every column of a
    table has a heading or a first value, while words of one cell can line up down a few rows by chance
    ("Deferred   to   the   next" justified the same way in two rows)."""
    columns = _aligned_columns(region)
    while columns:
        first = _cells(_row_bands(region, columns)[0], columns)
        empty = next((i for i in range(1, len(columns)) if not first[i]), None)
        if empty is None:
            return columns
        columns[empty - 1:empty + 1] = [(columns[empty - 1][0], columns[empty][1])]
    return columns


def _pieces(line: list[Word], columns: list[tuple[float, float]]) -> dict[int, list[Word]]:
    """{column index: the line's words in that column}."""
    out: dict[int, list[Word]] = {}
    for word in line:
        index = next(i for i, (x0, x1) in enumerate(columns) if x0 - 0.5 <= word["x0"] <= x1 + 0.5)
        out.setdefault(index, []).append(word)
    return out


def _aligned(pieces: list[list[Word]]) -> bool:
    """Most of a column's pieces share a left edge; or, when most are figures, a right edge or a centre (numbers
    are set flush right or centred; text that only shares a right edge is a justified line's tail)."""
    def shared(values: list[float]) -> bool:
        anchor = statistics.median(values)
        return sum(1 for v in values if abs(v - anchor) <= _ALIGNED) >= 0.6 * len(values)

    if shared([p[0]["x0"] for p in pieces]):
        return True
    figures = sum(1 for p in pieces if _FIGURE.match(" ".join(w["text"] for w in p))) >= 0.6 * len(pieces)
    return figures and (shared([p[-1]["x1"] for p in pieces]) or shared([(p[0]["x0"] + p[-1]["x1"]) / 2 for p in pieces]))


def _table(region: list[list[Word]], number: int) -> PdfTable:
    columns = _table_columns(region)
    bands = _row_bands(region, columns)
    while len(bands) > 2 and not any(_cells(bands[-1], columns)[1:]):
        bands.pop()  # a line of text under the table in its first column: the note or paragraph after it
    rows = [_cells(band, columns) for band in bands]
    words = [w for band in bands for line in band for w in line]
    bbox = (min(w["x0"] for w in words), min(w["top"] for w in words),
            max(w["x1"] for w in words), max(w["bottom"] for w in words))
    return PdfTable(number, bbox, tuple(rows))


def _row_bands(region: list[list[Word]], columns: list[tuple[float, float]]) -> list[list[list[Word]]]:
    """The region's lines grouped into rows (see the module docstring)."""
    tops = [min(w["top"] for w in line) for line in region]
    bottoms = [max(w["bottom"] for w in line) for line in region]
    gaps = [tops[i + 1] - bottoms[i] for i in range(len(region) - 1)]
    height = statistics.median(b - t for t, b in zip(tops, bottoms))
    smallest, step = min(gaps, default=0.0), 0.35 * height
    evenly = max(gaps, default=0.0) - smallest <= step  # no wider gap marks rows: each line starts one
    bands = [[region[0]]]
    for gap, line in zip(gaps, region[1:]):
        if evenly or gap > smallest + step:
            bands.append([line])
        else:
            bands[-1].append(line)
    rows = [bands[0]]
    for band in bands[1:]:
        cells = _cells(band, columns)
        if not cells[0] and not any(_FIGURE.match(cell) for cell in cells):
            rows[-1] = rows[-1] + band
        else:
            rows.append(band)
    return rows


def _cells(band: list[list[Word]], columns: list[tuple[float, float]]) -> tuple[str, ...]:
    """Each column's text in the band, its lines top to bottom joined by spaces."""
    cells = [[] for _ in columns]
    for line in sorted(band, key=lambda l: l[0]["top"]):
        for index, words in _pieces(line, columns).items():
            cells[index] += [w["text"] for w in words]
    return tuple(" ".join(words) for words in cells)
