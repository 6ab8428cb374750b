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
  the row above (its cells wrapped, top-aligned, past the first column's text). A line printing a figure in a
  column where the lines above it in the band already print one starts a row of its own, however evenly the
  rows are spaced: a cell never wraps one figure onto another (a header stacked tighter than the rows below it
  would otherwise make all of them one row).
- Header and notes: a header cell of several words stacks them on tight lines, its top line over a figure column
  or two only; that line is the header's too. Short notes printed close under the table each close a gutter the
  table keeps open, and go together.
- Figures out of line: a row with a figure at none of the edges (left, right, centre) the other figures of its
  column share is given back as one cell of text, never read into a column it does not sit under; the build's
  sanity check (ingest/sanity.py) reports such rows.

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
    tables, start, taken = [], 0, 0
    while start < len(lines):
        end = _grow(lines, start)
        first, last = _trim(lines[start:end])
        region = lines[start + first:start + last]
        if _is_table(region):
            above = _header_tops(lines[taken:start + first], region)
            tables.append(_table(above + region, number))
            start = taken = start + last
        else:
            start += 1
    return tables


def _header_tops(before: list[list[Word]], region: list[list[Word]]) -> list[list[Word]]:
    """The lines just above a table that are the top of its header: a header cell of three or four words stacks them
    over the rest ("Solved" over "outcomes 12m" over "to Sep 2025"), and its top line, over a column or two and none
    of the labels, keeps too few columns to start a table. Such a line is near the table, in text of its size, with
    every word inside one of the table's figure columns."""
    tops: list[list[Word]] = []
    columns = _table_columns(region)
    gutters = len(_columns(region))
    for line in reversed(before):
        below = tops[0] if tops else region[0]
        inside = all(any(x0 - 0.5 <= w["x0"] and w["x1"] <= x1 + 0.5 for x0, x1 in columns[1:]) for w in line)
        if not (_near(line, below) and inside and len(_columns([line, *tops, *region])) == gutters):
            break
        tops.insert(0, line)
    return tops


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
    """(first, last) of the region less runs of lines at either end each of which closes a gutter the rest keep
    open: a caption over the first columns, or the two or three short notes printed close under a table (each
    alone closes the gutter the others close too, so they go together or not at all). The shortest such run goes
    first, so a header's wide cells, which can bridge a gap only the notes below leave, are never taken for one."""
    first, last = 0, len(region)
    while True:
        cuts = [(first, last - n) if end else (first + n, last)
                for n in range(1, last - first - MIN_LINES + 1) for end in (True, False)]
        cut = next((cut for cut in cuts if _closes_gutters(region[first:last], region[cut[0]:cut[1]])), None)
        if cut is None:
            return first, last
        first, last = cut


def _closes_gutters(region: list[list[Word]], rest: list[list[Word]]) -> bool:
    """Does every line of the region that is not in `rest` close, alone, a gutter `rest` keeps open?"""
    kept = len(_columns(rest))
    return all(len(_columns(rest + [line])) < kept for line in region if line not in rest)


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
        pieces = [_pieces(line, columns) for line in region]
        in_column = [line[index] for line in pieces if index in line]
        below_header = [line[index] for line in pieces[_first_figures(pieces):] if index in line]
        if _aligned(in_column, below_header):
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


def _aligned(pieces: list[list[Word]], below_header: list[list[Word]]) -> bool:
    """Most of a column's pieces share a left edge; or, when most of them under the header are figures, a right
    edge or a centre (numbers are set flush right or centred, often under a header set the same way; text that only
    shares a right edge is a justified line's tail). A header of three lines over one row of figures is still a
    column of figures."""
    def shared(values: list[float]) -> bool:
        anchor = statistics.median(values)
        return sum(1 for v in values if abs(v - anchor) <= _ALIGNED) >= 0.6 * len(values)

    if shared([p[0]["x0"] for p in pieces]):
        return True
    body = below_header or pieces
    figures = sum(1 for p in body if _FIGURE.match(" ".join(w["text"] for w in p))) >= 0.6 * len(body)
    return figures and (shared([p[-1]["x1"] for p in pieces]) or shared([(p[0]["x0"] + p[-1]["x1"]) / 2 for p in pieces]))


def _first_figures(pieces: list[dict[int, list[Word]]]) -> int:
    """The index of the first line whose pieces after its first column are mostly figures: the lines above it are
    the header (which may print a year alone, "2026", under a period split over lines)."""
    def mostly_figures(line: dict[int, list[Word]]) -> bool:
        cells = [" ".join(w["text"] for w in words) for index, words in line.items() if index]
        return bool(cells) and sum(1 for cell in cells if _FIGURE.match(cell)) * 2 > len(cells)

    return next((i for i, line in enumerate(pieces) if mostly_figures(line)), 0)


def _table(region: list[list[Word]], number: int) -> PdfTable:
    columns = _table_columns(region)
    bands = _row_bands(region, columns)
    while len(bands) > 2 and not any(_cells(bands[-1], columns)[1:]):
        bands.pop()  # a line of text under the table in its first column: the note or paragraph after it
    out_of_line = _out_of_line(bands, columns)
    rows = [(" ".join(cell for cell in _cells(band, columns) if cell),) + ("",) * (len(columns) - 1)
            if index in out_of_line else _cells(band, columns) for index, band in enumerate(bands)]
    words = [w for band in bands for line in band for w in line]
    bbox = (min(w["x0"] for w in words), min(w["top"] for w in words),
            max(w["x1"] for w in words), max(w["bottom"] for w in words))
    return PdfTable(number, bbox, tuple(rows))


def _out_of_line(bands: list[list[list[Word]]], columns: list[tuple[float, float]]) -> set[int]:
    """The rows (indexes into `bands`) with a figure that lines up with no other figure of its column: not at the
    right edge, left edge or centre most of the column's figures share. Such a row's figures cannot be tied to a
    column, so it is given back as one cell of text (its label and figures run together), which the build's sanity
    check reports instead of reading a figure into the wrong column."""
    figures: dict[int, list[tuple[int, list[Word]]]] = {}
    for index, band in enumerate(bands[1:], start=1):  # the first row is the header: a year there is a name
        for line in band:
            for column, words in _pieces(line, columns).items():
                if column and _FIGURE.match(" ".join(w["text"] for w in words)):
                    figures.setdefault(column, []).append((index, words))
    out: set[int] = set()
    for pieces in figures.values():
        edges = [[p[0]["x0"] for _, p in pieces], [p[-1]["x1"] for _, p in pieces],
                 [(p[0]["x0"] + p[-1]["x1"]) / 2 for _, p in pieces]]
        anchors = [statistics.median(values) for values in edges]
        out |= {index for position, (index, _) in enumerate(pieces)
                if not any(abs(values[position] - anchor) <= _ALIGNED for values, anchor in zip(edges, anchors))}
    return out


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
        if evenly or gap > smallest + step or _stacks_figures(bands[-1], line, columns):
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


def _stacks_figures(band: list[list[Word]], line: list[Word], columns: list[tuple[float, float]]) -> bool:
    """Does `line` print a figure in a column where the band above already holds one? A cell wraps its words, never
    its figure onto a second figure: two lines of figures are two rows, however evenly the rows are spaced (a
    header stacked tighter than the rows would otherwise make every row below it one band)."""
    def figure_columns(line_: list[Word]) -> set[int]:
        return {index for index, words in _pieces(line_, columns).items()
                if index and _FIGURE.match(" ".join(w["text"] for w in words))}

    held = set().union(*(figure_columns(above) for above in band))
    return bool(held & figure_columns(line))


def _cells(band: list[list[Word]], columns: list[tuple[float, float]]) -> tuple[str, ...]:
    """Each column's text in the band, its lines top to bottom joined by spaces."""
    cells = [[] for _ in columns]
    for line in sorted(band, key=lambda l: l[0]["top"]):
        for index, words in _pieces(line, columns).items():
            cells[index] += [w["text"] for w in words]
    return tuple(" ".join(words) for words in cells)
