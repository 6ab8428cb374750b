"""Police performance tables as analysts lay them out in spreadsheets, read cell by cell into the performance frame.

A board pack prints one shape (see `performance`); a force's own workbook or CSV file comes in many, and nothing
here knows any one of them. What a figure is for is learned from the sheet itself:

- **header rows**: the rows above the first row of figures, one to three of them; a group name printed once over
  the columns it spans (a merged cell keeps its value in its first cell) carries forward across the blank cells
  after it, so each figure column gets the words of every header row above it;
- **figure columns** are those whose cells below the header are numbers (or a mark of a missing figure: "-",
  "n/a", ".."); the **label columns** are the text columns to their left: the last names the crime type, one
  whose header names an area ("Area", "District", "CSP": `data/layouts.toml`), or else the first of two, the
  area (long form; written on every row, or only on the first row of its block);
- each figure column's **measure** ("Offences", "Solved outcomes", "Solved rate %": `data/headers.toml`),
  **period** (`table_periods`) and **area** (wide form: a column group that names neither a measure nor a period)
  come from its header words, else from the sheet: its name and title lines ("Solved outcomes by area", "Rolling
  12 months to November 2025"), so one sheet per measure or per area reads as well as one sheet for everything;
- a difference column ("Change", "% change", "pt change") compares its measure's two periods;
- sub-types are marked by a leading dash or bullet; a row with a label and no figures opens a group of the rows
  under it: an area's ("Area: Harnbury", "District - North", or bare names under which the same crime types come
  back), a crime type's ("Crime type: Burglary", or any group when the label column's header names areas: its rows
  are then areas), else a part of the table ("Victim based crime");
- a sheet with no area column is for the place its title names ("Kestermoor Policing Area"), else the place its
  name is ("Braintree"), else the force;
- a solved rate printed as a fraction (0.213) is read as the percentage it is (21.3), the printed text kept;
- **across** (areas as columns, each row a measure and its period: "Crimes Apr-Dec 2025", "+/-", "Positive outcome
  rate Apr-Dec 2026 (%)", under a crime type printed once per block or named by the title): `measure_rows`; a column
  printed as the titled place with its kind ("Lydwold District" under "Lydwold District Policing Area") is that
  place's own total;
- **long** (open data: one row per area, crime type, measure and period, the figure in one column): read by
  `long_tables` into the same cells;
- a period is kept exact, months and end: a year to date, a quarter or a half year is read as such, in a report
  too (its title block gives the period to columns that name none); a report's table comparing unlike periods (a
  quarter against the quarter before) is left out and reported, since answers read two periods as this year and
  last.

A table that has the look of a performance table (figure columns under a measure's name) but whose figures cannot
all be tied to an area, a crime type, a measure and a period is a reported problem, in plain words, never a guess.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from assistant.ingest import long_tables
from assistant.ingest.measures import CHANGE, DA_SHARE, OFFENCES, PERCENT_CHANGE, PER_HEAD, SOLVED, SOLVED_RATE
from assistant.ingest.table_periods import Period, TitlePeriod, column_period, has_word, layout_words, title_period
from assistant.ingest.table_words import (FORCE_TITLE, TableProblem, force_name, header_words, is_percent_mark,
                                          names_percent_difference)
from assistant.ingest.tables import TableRow, TextTable
from assistant.records import Document
from assistant.text.dates import MONTHS
from assistant.text.periods import MONTH

_MAX_HEADER_ROWS = 3
_YEAR_CELL = re.compile(r"(?:19|20)\d\d")
_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+")
_TITLE_MAX_CHARS = 160
_COUNTS = (OFFENCES, SOLVED)
# A line that states a figure ("Population (mid-2024 estimate): 125,600") is a note over a sheet, not its title.
_STATED_FIGURE = re.compile(r"[:=]\s*[£$€]?[\d,]*\d(?:\.\d+)?\s*%?\s*$")
_GENERIC_SHEET = re.compile(r"^(?:sheet|table|data|summary|figures|results|report|performance|crime|dashboard|"
                            r"output|export|tab)\s*\d*$", re.IGNORECASE)


@dataclass(frozen=True)
class GridColumn:
    """A figure column: its place in the row, its header words, and what each of its cells is a figure of."""

    index: int
    label: str
    base: str  # the measure its group names: offences, solved outcomes, solved rate %
    measure: str  # the frame's measure: the base, or one of its differences
    period: Period | None  # None for a difference, which compares the base's two periods
    area: str = ""  # a column group naming an area (wide form), else ""
    crime: str = ""  # the crime type a column names when the table's rows are areas ("Area | Burglary | ..."), else ""


@dataclass(frozen=True)
class GridCell:
    """One figure read from a sheet, before the document-wide parts (edition, force, printed order) are known."""

    table: int  # where its table starts in the document's text
    area: str
    section: str
    row_label: str
    crime_type: str
    parent_type: str | None
    column: GridColumn
    printed: str
    value: float
    row: TableRow
    titled: bool = False  # its area is the place the sheet's title names, not a row's, a column's or the sheet's
    series: tuple = ()  # the printed cells it is read with as one measure (a rate printed as fractions): () a column


def is_spreadsheet(doc: Document) -> bool:
    """Documents whose tables are data a sheet holds (Excel, CSV), read cell by cell with their addresses."""
    return doc.format in ("xlsx", "xlsm", "xls", "csv")


def is_printed(doc: Document) -> bool:
    """Documents whose tables are printed on a page (PDF, Word): a force's summary published as a report rather than
    a workbook, read by the same layouts once each cell is back to what the page prints (see `_unlabelled`)."""
    return doc.format in ("pdf", "docx", "doc")


def read_grid_tables(doc: Document, tables: Sequence[TextTable]) -> tuple[list[dict], list[str]]:
    """The frame records of every performance table among `tables` (all from `doc`), and the problems of the
    tables that look like performance tables but cannot be read, one plain sentence each."""
    cells: list[GridCell] = []
    problems: list[str] = []
    previous_end = 0
    for table in tables:
        lines = _lines_before(doc, table, previous_end)
        previous_end = table.end
        if is_printed(doc):
            table = _unlabelled(table)
        try:
            long = long_tables.long_cells(doc, table, lines)
            if long is not None:  # one row per area, crime type, measure and period
                cells += long[0]
                problems += long[1]
                continue
            found = _table_cells(doc, table, lines)
            cells += _refuse_unlike_periods(found, _where(doc, table, lines)) if is_printed(doc) else found
        except TableProblem as problem:
            problems.append(str(problem))
    if not cells:
        return [], problems
    return _records(doc, cells, tables), problems


def _refuse_unlike_periods(cells: list[GridCell], where: str) -> list[GridCell]:
    """A part-year table's cells (a quarter, a half year, the year to date), read as they are, each figure for the
    months it covers; a TableProblem when it compares unlike periods.

    Answers read a table's two periods as this year and the one before, and its difference columns as the change
    on last year: true when both cover the same months a whole number of years apart (April to September 2026
    against April to September 2025). A quarter against the quarter before, or a year to date beside a rolling
    year, would be taken for last year's figure, so such a table is left out (its text is still searched). A
    report's tables are checked so; a workbook's columns of months or quarters are read as they always were."""
    periods: dict[tuple[str, str], set[Period]] = {}
    for cell in cells:
        if cell.column.period is not None and cell.column.measure == cell.column.base:
            periods.setdefault((cell.column.base, cell.column.area or cell.area), set()).add(cell.column.period)
    if any(min(p.months for p in held) < 12 and len({(p.months, p.month) for p in held}) > 1
           for held in periods.values()):
        raise TableProblem(f"{_capital(where)} compares periods that are not the same months of different years "
                           "(a quarter against the quarter before, or a part of the year beside a whole year), so it "
                           "was left out of the tables; its text is still searched.")
    return cells


def _lines_before(doc: Document, table: TextTable, previous_end: int) -> list[str]:
    """The sheet's title lines for `table`, nearest last: its heading path, then the prose lines since the table
    before it on the same sheet (another sheet's notes say nothing of this one)."""
    if is_printed(doc):  # a report's table is titled by its headings and the lines under the nearest one
        previous_end = max([previous_end, *(s.start for s in doc.sections if s.start <= table.start)])
    prose = [line.strip() for line in doc.text[previous_end:table.start].split("\n") if line.strip()]
    sheet = table.section_path[0] if table.section_path and not is_printed(doc) else None
    if sheet in prose:
        prose = prose[len(prose) - prose[::-1].index(sheet):]
    return [*table.section_path, *(line for line in prose if "\t" not in line)]


def _unlabelled(table: TextTable) -> TextTable:
    """A printed table's cells as the page prints them: assembly labels each body cell of a report's table with its
    column's header ("Q2 (Jul-Sep 2025): 1,389") so a row searched alone says what it holds; the figure is what
    follows the header (or the header with a caption's subject before it)."""
    rows = list(table.rows)
    top = next((i for i, row in enumerate(rows) if sum(1 for cell in row.cells if cell) > 1), None)
    if top is None:
        return table
    header = rows[top].cells
    for r in range(top + 1, len(rows)):
        cells = list(rows[r].cells)
        for i, cell in enumerate(cells[1:], start=1):
            label, sep, rest = cell.partition(": ")
            if sep and i < len(header) and header[i] and label.endswith(header[i]):
                cells[i] = rest.strip()
        rows[r] = replace(rows[r], cells=tuple(cells))
    return replace(table, rows=tuple(rows))


# --------------------------------------------------------------------------------------------- cells and rows


@lru_cache(maxsize=1)
def _cell_words() -> tuple[frozenset[str], tuple[str, ...]]:
    """The marks of a missing figure, and the units a difference may print after its number, longest first."""
    words = layout_words()["cells"]
    return frozenset(words["missing"]), tuple(sorted(words["point_units"], key=len, reverse=True))


def _missing(text: str) -> bool:
    """A cell printing no figure: a missing mark, alone or with a footnote mark after it ("n/a*": the note says
    why the figure is not shown)."""
    low = text.strip().lower()
    if low in _cell_words()[0]:
        return True
    mark = next((m for m in _footnote_marks() if low.endswith(m) and len(low) > len(m)), None)
    return mark is not None and low[: -len(mark)].rstrip() in _cell_words()[0]


@lru_cache(maxsize=1)
def _footnote_marks() -> tuple[str, ...]:
    return tuple(sorted(layout_words()["cells"]["footnote_marks"], key=len, reverse=True))


def without_footnote_marks(text: str) -> str:
    """A figure's cell without the footnote marks printed after it ("1,234*" -> "1,234", "12.3%¹" -> "12.3%"): the
    mark points to a note, it is no part of the number. A cell that is only a mark is left as printed (missing)."""
    cleaned = text.strip()
    while True:
        mark = next((m for m in _footnote_marks() if cleaned.endswith(m) and len(cleaned) > len(m)), None)
        if mark is None or not (cleaned[: -len(mark)].rstrip()[-1:].isdigit() or cleaned[: -len(mark)].rstrip()[-1:]
                                in ("%", ")")):
            return cleaned
        cleaned = cleaned[: -len(mark)].rstrip()


def parse_number(text: str) -> float | None:
    """The number a printed cell shows ("1,234", "21.3%", "(12)", "−4", "+1.6 pts", "1,234*"), or None when it is
    not one."""
    cleaned = without_footnote_marks(text).replace("\u2212", "-").replace("\u2013", "-")
    for unit in _cell_words()[1]:
        if cleaned.lower().endswith(unit) and cleaned[: -len(unit)].strip()[-1:].isdigit():
            cleaned = cleaned[: -len(unit)].strip()
            break
    cleaned = cleaned.rstrip("%").strip().lstrip("£$€")
    negative = cleaned.startswith("(") and cleaned.endswith(")")
    cleaned = cleaned.strip("()").strip()
    if not _NUMBER.fullmatch(cleaned):
        return None
    value = float(cleaned.replace(",", ""))
    return -value if negative else value


def _is_header_row(cells: tuple[str, ...]) -> bool:
    """No figures in it (a year such as "2024" names a column), and not a lone line of text in the first column
    (a title or a note kept with the table)."""
    filled = [i for i, cell in enumerate(cells) if cell]
    lone_title = filled == [0]
    return bool(filled) and not lone_title and all(
        parse_number(cells[i]) is None or _YEAR_CELL.fullmatch(cells[i]) for i in filled)


def _figure_columns(body: list[tuple[str, ...]], width: int) -> list[int]:
    """Columns whose filled cells are all numbers or missing marks, with at least one number among them."""
    found = []
    for i in range(width):
        values = [row[i] for row in body if i < len(row) and row[i]]
        numbers = sum(parse_number(v) is not None for v in values)
        if numbers and all(parse_number(v) is not None or _missing(v) for v in values):
            found.append(i)
    return found


def _header_parts(header: list[tuple[str, ...]], figures: list[int]) -> dict[int, list[str]]:
    """Each figure column's header words, top row first; a group name carries forward over the blank cells after
    it, among figure columns (a label column's header, "Area", never spreads over the figures)."""
    parts: dict[int, list[str]] = {i: [] for i in figures}
    for depth, row in enumerate(header):
        carried = ""
        last_row = depth == len(header) - 1
        for i in figures:
            cell = row[i] if i < len(row) else ""
            if cell or last_row or (i - 1 not in parts):
                carried = cell
            if carried:
                parts[i].append(carried)
    return parts


# --------------------------------------------------------------------------------------------- columns


def _base_measure(text: str, strong: bool = False) -> str | None:
    """The measure a header or title names; `strong` leaves out the words that also name the subject of a whole
    sheet ("Crime summary", "Incidents"), for reading a measure from a title rather than a column."""
    low = text.lower()
    weak = ("crime", "incident") if strong else ()
    return next((measure for measure, keys in header_words()["groups"].items()
                 if any(k in low for k in keys if k not in weak)), None)


def _difference(label: str, base: str) -> str | None:
    """The difference a column's own words name ("% change", "pt diff.", "Change"), as a frame measure; "" when
    it names none, None when it names one the base measure has no such difference for."""
    low, kinds = label.lower(), header_words()["columns"]
    if any(word in low for word in kinds["point_difference"]) and base == SOLVED_RATE:
        return CHANGE[SOLVED_RATE]
    if names_percent_difference(low):
        return PERCENT_CHANGE.get(base)
    if any(word in low for word in kinds["difference"]):
        return CHANGE.get(base)
    return ""


def _column(index: int, parts: list[str], context_measure: str | None, title: TitlePeriod | None,
            has_area_column: bool) -> GridColumn | None:
    """What a figure column holds, from its header words and the sheet's; None when they do not say."""
    label = " ".join(parts)
    own = parts[-1] if parts else ""
    kinds = header_words()["columns"]
    if any(word in own.lower() for word in kinds["domestic_abuse_share"]):
        period = column_period(own, title)
        return GridColumn(index, label, DA_SHARE, DA_SHARE, period) if period else None
    base = _base_measure(label) or context_measure
    if base is None:
        return None
    unnamed = [part for part in parts if _base_measure(part) is None and column_period(part, title) is None
               and _difference(part, base) == "" and not has_word(part, _period_words()) and not is_percent_mark(part)]
    area = unnamed[0] if unnamed and not has_area_column else ""
    named = [part for part in parts if part not in unnamed]
    # The column's own words first ("Solved rate %" over "Change" is a change of the rate, not a "% change"), then
    # those of a group that names no measure ("Change" printed over "Offences" and "Solved outcomes"). A bare "%"
    # is said of the group over it: "%" under "Offences change" is the percentage change.
    own_words = " ".join(named[-2:]) if named and is_percent_mark(named[-1]) else named[-1] if named else ""
    difference = _difference(own_words, base)
    for group in reversed(named[:-1]):
        if difference == "" and _base_measure(group) is None:
            difference = _difference(group, base)
    if difference is None:
        return None
    if difference:
        return GridColumn(index, label, base, difference, None, area)
    period = next((p for p in (column_period(part, title) for part in reversed(parts)) if p), None)
    if period is None and title is not None:
        period = title.period()
    return GridColumn(index, label, base, base, period, area) if period else None


def _period_words() -> list[str]:
    words = layout_words()["periods"]
    return [*words["year_to_date"], *words["previous"], *words["current"], "rolling", "months", "year"]


# --------------------------------------------------------------------------------------------- one table


def _table_cells(doc: Document, table: TextTable, lines: list[str]) -> list[GridCell]:
    """The figure cells of one table; none when it is not a performance table, a TableProblem when it looks like
    one that cannot be read. `lines` are the sheet's title lines, nearest last."""
    rows = [row.cells for row in table.rows]
    width = max(len(cells) for cells in rows)
    header_end = _header_end(rows)
    header = [row for row in rows[:header_end] if _is_header_row(row)][-_MAX_HEADER_ROWS:]
    body = rows[header_end:]
    figures = _figure_columns(body, width) if header and body else []
    if not figures:
        return []
    parts = _header_parts(header, figures)
    title = title_period(lines) or (_report_period(doc, table) if is_printed(doc) else None)
    if title is not None and not title.calendar and is_printed(doc) and _says_calendar(doc.text[:table.start]):
        title = replace(title, calendar=True)
    named = [i for i in figures if any(_base_measure(part) for part in parts[i])]
    dated = [i for i in figures if any(column_period(part, title) for part in parts[i])]
    if not named and not dated:  # areas as columns, measures and periods as rows: read across
        across = measure_rows(doc, table, header_end, {i: parts[i] for i in figures}, lines, title)
        if across is not None:
            return across
        if _measure_per_row(body, figures):
            raise TableProblem(f"{_capital(_where(doc, table, lines))} looks like a police performance table with one "
                               "row per measure and value (a long open-data layout), but which of its columns holds "
                               "the figures, the crime type and the period could not be told, so its figures were "
                               "left out; its text is still searched.")
    context_measure = _context_measure(lines)
    if not named and not (context_measure and (dated or (title and title.year))):
        return []  # no measure named over the figures, nor a measure and a period in the sheet's titles
    where = _where(doc, table, lines)
    labels = [i for i in range(min(figures)) if any(row[i] for row in body if i < len(row))]
    if not labels:
        raise TableProblem(f"{_capital(where)} looks like a police performance table but has no column naming the "
                           "crime type of each row, so it was left out.")
    crime_column = labels[-1]
    area_column = _area_column(header, labels, crime_column)
    # A third label column groups the rows into parts ("Victim based crime"), as a part's own header line does.
    part_column = next((i for i in reversed(labels) if i not in (crime_column, area_column)), None)
    rows_are_areas = area_column is None and any(
        crime_column < len(row) and has_word(row[crime_column], layout_words()["labels"]["area"]) for row in header)
    captioned = _caption_crime(doc, lines, title) if rows_are_areas else ""

    def read(caption: str) -> dict[int, GridColumn | None]:
        return _area_table_columns(figures, parts, title, caption if rows_are_areas else None, named,
                                   context_measure, area_column is not None)

    columns = read("")
    # A caption naming the crime type ("Table 2: Shoplifting by area") makes a header naming a measure in other
    # words ("Positive outcomes") that measure, not a crime type, when some column names no crime type itself;
    # when each names one ("All crime Q2 2026/27", "ASB incidents"), the caption describes the table.
    if captioned and not all(c.crime for c in columns.values() if c is not None):
        columns = read(captioned)
    with_periods = {(c.base, c.area) for c in columns.values() if c is not None and c.period is not None}
    # A difference is read only beside its measure's own periods: it compares them.
    readable = {i: c for i, c in columns.items() if c is not None and (c.base, c.area) in with_periods}
    if not readable:
        raise TableProblem(f"{_capital(where)} looks like a police performance table but no column header says "
                           "which months its figures cover (e.g. \"12 months to Nov 2025\" or \"2024/25\"; a bare "
                           "year needs a title such as \"Rolling 12 months to November\"), so it was left out.")
    counts = [i for i, column in readable.items() if column.measure in _COUNTS]
    read_rows = [row for row in table.rows[header_end:] if not any("%" in _cell(row, i) for i in counts)]
    readable = {i: _percent_change(column, [_cell(row, i) for row in read_rows]) for i, column in readable.items()}
    if len({column.area for column in readable.values()}) < 2:  # one group name over every column: not an area
        readable = {i: replace(column, area="") for i, column in readable.items()}
    groups = _group_kinds(table, header_end, readable, crime_column, area_column, header)
    if rows_are_areas and any(kind == _CRIME for kind, _ in groups.values()):
        rows_are_areas = False  # "Crime type: Burglary" rows over rows of areas: the groups say it
    table_crime = ""
    if rows_are_areas and not all(c.crime for c in readable.values()):
        table_crime = captioned
        if not table_crime:
            raise TableProblem(f"{_capital(where)} looks like a police performance table of areas but neither its "
                               "columns nor its caption (\"Table 2: All crime by area\") say which crime type its "
                               "figures count, so it was left out.")
    context_area, titled = ("", False) if area_column is not None else _context_area(doc, table, lines)
    if area_column is None and not context_area and not all(c.area for c in readable.values()) and \
            not rows_are_areas and not any(kind in (_AREA, _CRIME) for kind, _ in groups.values()):
        raise TableProblem(f"{_capital(where)} looks like a police performance table but nothing says which area "
                           "its figures are for (an Area column, the sheet's name or a column group), so it was left "
                           "out.")
    _refuse_duplicates(readable, where)
    return _body_cells(table, header_end, readable, (area_column, part_column, crime_column), (context_area, titled),
                       where, groups, table_crime if rows_are_areas else "")


def _measure_per_row(body: list[tuple[str, ...]], figures: list[int]) -> bool:
    """Does a label column name a measure on at least half its rows ("recorded", "solved outcomes")? Then each row
    is one measure's value, and a header naming no measure over the figures is no sign the table is not one."""
    for column in range(min(figures)):
        labels = [row[column] for row in body if column < len(row) and row[column]]
        if labels and 2 * sum(_base_measure(label) is not None for label in labels) >= len(labels):
            return True
    return False


def _report_period(doc: Document, table: TextTable) -> TitlePeriod | None:
    """The period a report's title block states ("Financial year to date: April to September 2026 compared with
    April to September 2025"), for a table whose own caption and headers leave it out: the headings printed before
    the report's first table speak for every table below them (a heading further down speaks only for its own)."""
    first = min((s.start for s in doc.sections if s.path and _CAPTION.match(s.path[-1].strip())), default=table.start)
    return title_period([s.path[-1] for s in doc.sections if s.path and s.start < min(first, table.start)])


def measure_rows(doc: Document, table: TextTable, header_end: int, parts: dict[int, list[str]], lines: list[str],
                 title: TitlePeriod | None) -> list[GridCell] | None:
    """The cells of a table laid out across: areas as columns, each row a measure and its period ("Crimes Apr-Dec
    2025", "+/-", "Positive outcome rate Apr-Dec 2026 (%)"), its crime type in the label column to their left
    (printed on the first row of its block) or, with no such column, in the table's title ("All crime by
    neighbourhood area"). None when the rows do not name measures and periods (not this layout); a TableProblem
    when they do but a column names no area or the crime type is nowhere said."""
    body = table.rows[header_end:]
    figures = sorted(parts)
    labels = [i for i in range(min(figures)) if any(_cell(row, i) for row in body)]
    if not labels:
        return None
    measure_column = labels[-1]
    dated = [row for row in body if _base_measure(_cell(row, measure_column)) and
             column_period(_cell(row, measure_column), title)]
    if len(dated) < 2:
        return None
    where = _where(doc, table, lines)
    crime_column = labels[-2] if len(labels) > 1 else None
    crime = "" if crime_column is not None else _caption_crime(doc, lines, title) or _title_crime(lines, title)
    if crime_column is None and not crime:
        raise TableProblem(f"{_capital(where)} has its areas as columns and its measures as rows, but neither a "
                           "column nor its title (\"All crime by area\") says which crime type its figures count, "
                           "so it was left out.")
    unnamed = [i for i in figures if not parts[i]]
    if unnamed:
        raise TableProblem(f"{_capital(where)} has its areas as columns, but column {unnamed[0] + 1} has no header "
                           "naming its area, so the table was left out.")
    cells: list[GridCell] = []
    base: str | None = None
    block = body[0]  # the first line of the current crime type's block
    for row in body:
        if crime_column is not None and _cell(row, crime_column):
            crime, base, block = without_note(_unmarked(_cell(row, crime_column))), None, row
        label = _cell(row, measure_column)
        if not any(_cell(row, i) for i in figures):
            continue
        if not label or not crime:
            raise TableProblem(f"A row of figures in {where} does not say which measure or crime type it holds (the "
                               f"row reading {' | '.join(row.cells)!r}), so the table was left out.")
        if any(word in label.lower() for word in header_words()["columns"]["per_head"]):
            continue  # a rate per head of population: printed, but no count or solved rate
        base = _base_measure(label) or base
        column = _column(0, [label], base, title, True)
        if column is None:
            raise TableProblem(f"Row {label!r} of {where} names no measure and period it can be read as (e.g. "
                               "\"Crimes Apr-Dec 2025\", \"% diff\"), so the table was left out.")
        for i in figures:
            printed = _cell(row, i)
            value = parse_number(printed)
            if value is None and not _missing(printed):
                raise TableProblem(f"Cell {printed!r} in row {label!r} of {where} is not a number or a mark of a "
                                   "missing figure, so the table was left out. Fix the cell and rebuild.")
            cells.append(GridCell(table.start, without_note(parts[i][-1]), "", _cell(block, crime_column) or crime,
                                  crime, None, replace(column, index=i, label=label, area=without_note(parts[i][-1])),
                                  printed, math.nan if value is None else value, row,
                                  series=(table.start, column.measure)))
    return _as_blocks(_percent_changes(cells))


def _as_blocks(cells: list[GridCell]) -> list[GridCell]:
    """Each cell's printed row widened to its crime type's block of lines: an answer cites an area's figures for
    one crime type as one row (offences, their change, the solved rate), and laid out across they are printed on
    the block's lines, one measure a line, not on one line."""
    spans: dict[str, tuple[int, int]] = {}
    for cell in cells:
        start, end = spans.get(cell.crime_type, (cell.row.start, cell.row.end))
        spans[cell.crime_type] = (min(start, cell.row.start), max(end, cell.row.end))
    return [replace(cell, row=replace(cell.row, start=spans[cell.crime_type][0], end=spans[cell.crime_type][1]))
            for cell in cells]


def _percent_changes(cells: list[GridCell]) -> list[GridCell]:
    """A count's difference row printed as percentages ("-7.8%") is its % change."""
    by_row: dict[int, list[GridCell]] = {}
    for cell in cells:
        by_row.setdefault(cell.row.start, []).append(cell)
    changed = {start: _percent_change(group[0].column, [c.printed for c in group]) for start, group in by_row.items()}
    return [replace(cell, column=replace(cell.column, measure=changed[cell.row.start].measure),
                    series=(cell.table, changed[cell.row.start].measure)) for cell in cells]


def _title_crime(lines: list[str], title: TitlePeriod | None) -> str:
    """The crime type a title line names over a table of areas ("All crime by neighbourhood area, April to
    December" -> "All crime"): the words before "by" and a kind of area, when they name a crime type; else ""."""
    for line in reversed(lines):
        found = re.match(r"\s*(.+?)\s+by\s+(.+)$", line)
        if found and has_word(found.group(2), layout_words()["labels"]["area"]):
            subject = found.group(1).strip()
            return subject if _names_crime(subject, title) and _base_measure(subject, strong=True) is None else ""
    return ""


def _says_calendar(before: str) -> bool:
    """Does a report's text above a table (its prose, not other tables' rows) say its years are calendar years? An
    introduction under the report's title speaks for every table below it."""
    words = layout_words()["periods"]["calendar"]
    return any(has_word(line, words) for line in before.split("\n") if "\t" not in line)


def _per_head(parts: list[str]) -> bool:
    """A rate per head of population ("Crimes per 1,000 population"): no count, no solved rate, and no crime type
    either, though a table whose rows are areas heads its crime types' columns the same way."""
    label = " ".join(parts).lower()
    return any(word in label for word in header_words()["columns"]["per_head"])


def _population(parts: list[str]) -> bool:
    """A column of population figures ("Population (mid-2024)"): still a column of figures, not a label."""
    return has_word(" ".join(parts), header_words()["columns"]["population"])


def _per_head_column(index: int, parts: list[str], title: TitlePeriod | None) -> GridColumn | None:
    """A rate per head's column, read as the printed measure it is, for the period its header or the table's title
    gives; None (left out) for a population column, or a rate whose period nothing says."""
    if not _per_head(parts):
        return None
    period = next((p for p in (column_period(part, title) for part in reversed(parts)) if p), None)
    if period is None and title is not None:
        period = title.period()
    return GridColumn(index, " ".join(parts), PER_HEAD, PER_HEAD, period) if period else None


def _left_measure(index: int, named: list[int], parts: dict[int, list[str]]) -> str | None:
    """The measure of the nearest column to the left that names one: a "% change" printed after "Offences 2025" and
    "Offences 2026" is the offences' change, whatever the titles say."""
    left = [i for i in named if i < index]
    return next((m for m in map(_base_measure, reversed(parts[left[-1]])) if m), None) if left else None


def _percent_change(column: GridColumn, printed: list[str]) -> GridColumn:
    """A count's "Change" column whose every figure is printed as a percentage ("-7.8%") is its % change."""
    filled = [text for text in printed if text and not _missing(text)]
    if column.measure == CHANGE.get(column.base) and column.base in PERCENT_CHANGE and filled and \
            all(text.rstrip().endswith("%") for text in filled):
        return replace(column, measure=PERCENT_CHANGE[column.base])
    return column


def _names_crime(part: str, title: TitlePeriod | None) -> bool:
    """Does a column header of a table whose rows are areas name a crime type ("Burglary", "Drug offences", "All
    crime"), rather than a period, a difference or only a measure ("Offences", "Number of solved outcomes")?"""
    if column_period(part, title) is not None or _difference(part, SOLVED_RATE) != "" or has_word(part, _period_words()):
        return False
    keys = [key for keys in header_words()["groups"].values() for key in keys]
    fillers = layout_words()["labels"]["measure_fillers"]
    return any(word.lower() not in fillers and not any(key in word.lower() for key in keys)
               for word in re.findall(r"[A-Za-z]+", part))


_CAPTION = re.compile(r"(?:table|figure)\s+[\w.]{1,6}\s*[:.–—-]\s*(.+)$", re.IGNORECASE)


def _area_table_columns(figures: list[int], parts: dict[int, list[str]], title: TitlePeriod | None,
                        caption: str | None, named: list[int], context_measure: str | None,
                        has_area_column: bool) -> dict[int, GridColumn | None]:
    """Each figure column read; in a table whose rows are areas (`caption` not None), with the crime type its
    header names ("Shoplifting", "All crime Q2 2026/27"), a header naming a measure counting as a crime type only
    when the caption names none."""
    crimes = {i: (next((_crime_and_rest(p, title) for p in reversed(parts[i]) if _crime_and_rest(p, title)[0] and
                        not (caption and _base_measure(p))), ("", ""))
                  if caption is not None and not _per_head(parts[i]) else ("", "")) for i in figures}
    columns = {i: _per_head_column(i, parts[i], title) if _per_head(parts[i]) or _population(parts[i]) else
               _column(i, [_without_crime(p, *crimes[i]) for p in parts[i] if p != crimes[i][0]],
                       _left_measure(i, named, parts) or context_measure, title, has_area_column)
               for i in figures}
    return _differences_of_crimes({i: c and replace(c, crime=crimes[i][0]) for i, c in columns.items()})


def _without_crime(part: str, crime: str, rest: str) -> str:
    """A header's words without the crime type it names: "All crime Q2 2026/27" -> "Q2 2026/27"."""
    return rest if crime and rest and part == f"{crime} {rest}" else part


def _crime_and_rest(part: str, title: TitlePeriod | None) -> tuple[str, str]:
    """The crime type a header of a table of areas names, and the words after it that name its period ("All crime
    Q2 2026/27" -> ("All crime", "Q2 2026/27")); ("", "") when it names no crime type."""
    if _names_crime(part, title):
        return part, ""
    period, words = column_period(part, title), part.split()
    for cut in range(len(words) - 1, 0, -1):  # the words after the crime type, which alone name the whole period
        head, rest = " ".join(words[:cut]), " ".join(words[cut:])
        if period is not None and column_period(rest, title) == period and not _DATED_WORD.search(head):
            return (head, rest) if _names_crime(head, title) else ("", "")
    return "", ""


# A word of a period left in a header's crime type ("All crime Apr-Jun", "All crime Q2"): the cut is too late
_DATED_WORD = re.compile(rf"\d|\b{MONTH}", re.IGNORECASE)


def _differences_of_crimes(columns: dict[int, GridColumn | None]) -> dict[int, GridColumn | None]:
    """A difference column naming no crime type ("Change" after "All crime 2025/26" and "All crime 2026/27")
    compares the dated columns before it: it is of their crime type when they name one, the same one."""
    out, dated = dict(columns), {}
    for i in sorted(columns):
        column = columns[i]
        if column is None:
            continue
        if column.period is not None:
            dated.setdefault(column.base, []).append(column.crime)
        elif not column.crime and dated.get(column.base) and len(set(dated[column.base][-2:])) == 1:
            out[i] = replace(column, crime=dated[column.base][-1])
    return out


def _caption_crime(doc: Document, lines: list[str], title: TitlePeriod | None) -> str:
    """The crime type a numbered caption says a table of areas counts ("Table 2: All crime by area" -> "All crime"),
    from the caption nearest the table; "" when none names one. A dash ends the subject ("Table 4: Shoplifting -
    Harnbury") unless the words before "by" are a label the document prints elsewhere ("Burglary - residential")."""
    for line in reversed(lines):
        found = _CAPTION.match(line.strip())
        if found:
            subject = re.split(r"\s+(?:by|in|for|across)\s+|[,;(]", found.group(1), maxsplit=1)[0].strip()
            if _printed_count(doc, subject) < 2:  # "Shoplifting - Harnbury" names its crime type before a dash
                subject = re.split(r"\s[-–—]\s", subject, maxsplit=1)[0].strip()
            return subject if _names_crime(subject, title) else ""
    return ""


_AREA, _CRIME, _PART = "area", "crime type", "part"


def _group_kinds(table: TextTable, header_end: int, columns: dict[int, GridColumn], crime_column: int,
                 area_column: int | None, header: list[tuple[str, ...]]) -> dict[int, tuple[str, str]]:
    """What each group row (a label and no figures) names, by its place in the body: (kind, name).

    A label opening with an area word and a colon or dash ("Area: Harnbury") names an area, one opening with a
    crime-type word ("Crime type: Burglary") a crime type. A bare label names a crime type when the label column's
    header names areas ("Neighbourhood"); an area when the table has no area column and the same crime types come
    back under each such label (parts of a table, "Victim based crime", hold different crime types); else a part.
    """
    words = layout_words()["labels"]
    found: dict[int, tuple[str, str]] = {}
    under: dict[int, set[str]] = {}
    current = None
    for index, row in enumerate(table.rows[header_end:]):
        label = _cell(row, crime_column)
        if any(_cell(row, i) for i in columns):
            if current is not None:
                under[current].add(_unmarked(label))
            continue
        if not label or area_column is not None:
            continue
        current = index
        under[index] = set()
        prefixed = re.match(r"\s*([^:\-–—]+?)\s*[:\-–—]\s*(\S.*)$", label)
        word = prefixed.group(1).strip().lower() if prefixed else ""
        if word in words["area"]:
            found[index] = (_AREA, prefixed.group(2).strip())
        elif word in words["group_crime_type"]:
            found[index] = (_CRIME, prefixed.group(2).strip())
    bare = [index for index in under if index not in found]
    header_names_areas = any(crime_column < len(row) and has_word(row[crime_column], words["area"]) for row in header)
    repeated = sum(len(under[index]) for index in bare) > len(set().union(*(under[index] for index in bare)))
    plain = all(_base_measure(_cell(table.rows[header_end + i], crime_column)) is None and
                title_period([_cell(table.rows[header_end + i], crime_column)]) is None for i in bare)
    bare_kind = _CRIME if header_names_areas else _AREA if len(bare) > 1 and repeated and plain else _PART
    for index in bare:
        found[index] = (bare_kind, _cell(table.rows[header_end + index], crime_column))
    return found


def _header_end(rows: list[tuple[str, ...]]) -> int:
    """Where the body starts: after the header rows and any title rows kept above them; a lone label once a header
    row has been read opens the body's first group ("Area: Harnbury")."""
    end, headed = 0, False
    while end < len(rows):
        if _is_header_row(rows[end]):
            headed = True
        elif any(rows[end][1:]) or headed:
            break
        end += 1
    return end


def _body_cells(table: TextTable, header_end: int, columns: dict[int, GridColumn],
                label_columns: tuple[int | None, int | None, int], context: tuple[str, bool], where: str,
                groups: dict[int, tuple[str, str]], table_crime: str = "") -> list[GridCell]:
    """The figure cells of the table's body: each row's area (carried down from the row that last named one),
    part, crime type and the row a sub-type mark puts it under. `groups` says what each group row names;
    `context` is the sheet's own area and whether its title named it; `table_crime` the crime type a caption names
    for a table whose rows are areas (a column naming a crime type says its own)."""
    area_column, part_column, crime_column = label_columns
    context_area, titled = context
    cells: list[GridCell] = []
    area = section = group_crime = ""
    parent: str | None = None
    for index, row in enumerate(table.rows[header_end:]):
        named_area = _cell(row, area_column)
        if named_area and named_area != area:
            area, parent, section = named_area, None, ""
        section = _cell(row, part_column) or section
        label = _cell(row, crime_column)
        if not any(_cell(row, i) for i in columns):
            kind, name = groups.get(index, (_PART, label))
            if kind == _AREA:
                area, parent, section = name, None, ""
            elif kind == _CRIME:
                group_crime, parent = name, None
            else:
                section = label or section  # a row naming a part of the table
            continue
        if not label:
            raise TableProblem(f"A row of figures in {where} has no crime-type label (the row reading "
                               f"{' | '.join(row.cells)!r}), so the table was left out.")
        if group_crime:  # a crime type's group: each row is an area
            area, crime_type, parent_type = label, group_crime, None
        else:
            crime_type = _unmarked(label)
            parent_type = parent if crime_type != label else None
            if crime_type == label:
                parent = label
        if any("%" in _cell(row, i) for i, column in columns.items() if column.measure in _COUNTS):
            continue  # a percentage in a count's column: the row is another measure ("Solved rate (all crime)")
        if any(word in label.lower() for word in header_words()["columns"]["per_head"]):
            continue  # a rate per head of population ("Crimes per 1,000 population") counts no crime type
        for i, column in columns.items():
            printed = _cell(row, i)
            value = parse_number(printed)
            if value is None and not _missing(printed):
                raise TableProblem(f"Cell {printed!r} in row {label!r} of {where} is not a number or a mark of a "
                                   "missing figure, so the table was left out. Fix the cell and rebuild.")
            if column.crime or table_crime:  # a table of areas: the row is the area, the crime type its column's
                area, crime_type, parent_type = label, column.crime or table_crime, None
            shown_area = column.area or area or context_area
            if not shown_area:
                raise TableProblem(f"Row {label!r} of {where} comes before any row naming its area, so the table "
                                   "was left out.")
            cells.append(GridCell(table.start, without_note(shown_area), section, label, without_note(crime_type),
                                  parent_type and without_note(parent_type), column,
                                  printed, math.nan if value is None else value, row,
                                  titled and not (column.area or area)))
    return cells


def _cell(row: TableRow, column: int | None) -> str:
    return row.cells[column] if column is not None and column < len(row.cells) else ""


_NOTE_REFERENCE = re.compile(r"\s*(?:\(\d{1,2}\)|\[\d{1,2}\]|[*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰]+)$")


def without_note(label: str) -> str:
    """A label without the footnote reference printed after it ("Anti-social behaviour (1)", "Robbery*", "Burglary
    [2]"): the reference points to a note, it is no part of the name, and the same label printed elsewhere without
    it must read as the same crime type or area."""
    return _NOTE_REFERENCE.sub("", label).strip() or label


def _unmarked(label: str) -> str:
    """A label without its sub-type mark ("- Shoplifting" -> "Shoplifting"); the label itself when unmarked."""
    spaced = label.replace("\u00a0", " ")
    mark = next((m for m in layout_words()["labels"]["subtype_marks"] if spaced.startswith(m)), None)
    return spaced[len(mark):].strip() if mark else label


def _refuse_duplicates(columns: dict[int, GridColumn], where: str) -> None:
    seen: dict[tuple, str] = {}
    for column in columns.values():
        key = (column.area, column.crime, column.measure, column.period)
        if key in seen:
            raise TableProblem(f"{_capital(where)} has two columns for the same figure ({seen[key]!r} and "
                               f"{column.label!r}), so it was left out: say in each header which period it covers.")
        seen[key] = column.label


def _where(doc: Document, table: TextTable, lines: Sequence[str] = ()) -> str:
    """"sheet 'Burglary' of <file>" for a workbook; "the table under 'Table 2: ...' in <file>" for a report, whose
    headings are no sheets (its nearest caption, else its heading); "the table of <file>" for a CSV file."""
    if is_printed(doc):
        caption = next((line for line in reversed(lines) if _CAPTION.match(line.strip())), "")
        heading = caption or (table.section_path[-1] if table.section_path else "")
        return f"the table under '{heading}' in {doc.id}" if heading else f"a table in {doc.id}"
    sheet = table.section_path[0] if table.section_path else ""
    place = f"sheet '{sheet}'" if doc.format != "csv" and sheet else "the table"
    return f"{place} of {doc.id}"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _area_column(header: list[tuple[str, ...]], labels: list[int], crime_column: int) -> int | None:
    """The label column naming each row's area: one whose header says so, else the first of two or more."""
    words = layout_words()["labels"]["area"]
    for i in labels:
        if i != crime_column and any(i < len(row) and has_word(row[i], words) for row in header):
            return i
    others = [i for i in labels if i != crime_column]
    return others[0] if others else None


def _context_measure(lines: list[str]) -> str | None:
    """The measure a sheet's name or titles give ("Solved outcomes", "Offences by district"), nearest first."""
    return next((m for m in (_base_measure(line, strong=True) for line in reversed(lines)) if m), None)


def _context_area(doc: Document, table: TextTable, lines: list[str]) -> tuple[str, bool]:
    """The area of a sheet that holds one area's table, and whether its title named it: the place its title lines
    name ("Kestermoor Policing Area"), nearest first, or a numbered caption just above the table names ("Table 3a:
    Harnbury Town", one area's table among several in a report); else the sheet's name, unless it is generic
    ("Sheet1", "Data") or names a measure; then the whole force, when a title line names a force. A report's
    headings are no sheet's name. Only a title naming a kind of area can be the whole area (see `_whole_area`)."""
    sheet = table.section_path[0] if table.section_path and not is_printed(doc) else ""
    labels = {_unmarked(row.cells[0]).lower() for row in table.rows if row.cells}
    for line in reversed(lines[1:] if sheet else lines):
        titled = _titled_place(line)
        if titled:
            return titled, True
        captioned = _captioned_place(doc, line, labels)
        if captioned:
            return captioned, False
    if sheet and not _GENERIC_SHEET.match(sheet) and _base_measure(sheet) is None and title_period([sheet]) is None:
        return sheet, False
    force = layout_words()["labels"]["force"]
    return (FORCE_TITLE if any(has_word(line, force) for line in lines) else ""), False


_SMALL_WORDS = frozenset({"and", "of", "the", "upon", "on", "in", "under", "with", "by", "le", "de"})


def _captioned_place(doc: Document, line: str, row_labels: set[str]) -> str:
    """The place a numbered caption names as its table's subject ("Table 3a: Harnbury Town" -> "Harnbury Town"), or
    "". The subject is a place when it is a name (capitalised words), names no measure or period, is none of the
    table's own row labels (a crime type's table), and the document prints it somewhere besides the caption (a
    report names its areas: in a table of areas, in its text). A caption of a table's contents ("Table 2: All
    crime by area", "Table 1: Recorded offences") names no place."""
    found = _CAPTION.match(line.strip())
    if not found:
        return ""
    subject = re.split(r"\s+(?:by|in|for|across)\s+|[,;:(]|\s[-–—]\s", found.group(1), maxsplit=1)[0].strip()
    words = subject.split()
    if not words or not all(word[0].isupper() or word.lower() in _SMALL_WORDS for word in words) or \
            not words[0][0].isupper() or _base_measure(subject) is not None or title_period([subject]) is not None or \
            has_word(subject, _period_words()) or subject.lower() in row_labels:
        return ""
    return subject if _printed_count(doc, subject) > 1 else ""


def _printed_count(doc: Document, text: str) -> int:
    """How many times the document prints `text` as whole words."""
    return len(re.findall(rf"(?<![\w]){re.escape(text)}(?![\w])", doc.text))


@lru_cache(maxsize=1)
def _place_pattern() -> re.Pattern:
    kinds = "|".join(re.escape(kind) for kind in sorted(layout_words()["labels"]["place_kinds"], key=len, reverse=True))
    # The name is as short as it can be, so "Tolbury Local Policing Area" names Tolbury, not "Tolbury Local".
    return re.compile(rf"((?:[A-Z][\w'&.-]*\s+){{0,3}}?[A-Z][\w'&.-]*)\s+(?i:{kinds})\b")


def _titled_place(line: str) -> str:
    """The place a title line names before a kind of area ("... - Kestermoor Policing Area: ..." -> "Kestermoor"),
    or "" (a force's name is no place: its figures are the force's)."""
    found = _place_pattern().search(line)
    if not found:
        return ""
    words = found.group(1).split()
    force = [i for i, word in enumerate(words) if has_word(word, layout_words()["labels"]["force"])]
    # "Lincolnshire Police Witham Marsh District ...": the place is the words after the force's name, if any.
    return " ".join(words[force[-1] + 1:]) if force else found.group(1)


# --------------------------------------------------------------------------------------------- the document


def _records(doc: Document, cells: list[GridCell], tables: Sequence[TextTable]) -> list[dict]:
    """Frame records for one document's cells: one edition, its force named, rates read as percentages, printed
    order numbered document-wide (so one sheet per measure still makes one row per area and crime type)."""
    force = _force(doc, cells)
    cells = _titled_places(_percent_rates(cells))
    totals = {cell.area: _total_area(cell.area, force) for cell in cells}
    cells = [replace(cell, area=totals[cell.area]) for cell in cells]
    periods: dict[tuple[str, str], list[Period]] = {}  # (measure, area) -> its value columns' periods, in order
    for cell in cells:
        if cell.column.period is not None and cell.column.measure == cell.column.base:
            held = periods.setdefault((cell.column.base, cell.area), [])
            if cell.column.period not in held:
                held.append(cell.column.period)
    latest = max(period.end for held in periods.values() for period in held)
    first = next(table for table in tables if table.start == min(cell.table for cell in cells))
    edition = _edition(doc, first, latest)
    force_words = layout_words()["labels"]["force"]
    is_force = {area: area == FORCE_TITLE or has_word(area, force_words) for area in {c.area for c in cells}}
    whole = _whole_area(cells, is_force, {named for printed, named in totals.items() if named != printed})
    order: dict[str, int] = {}
    records = []
    for cell in cells:
        column = cell.column
        if is_force[cell.area]:
            area, title = force, FORCE_TITLE
        else:  # the whole area keeps its own name, printed over the tables as a force's total is
            area, title = cell.area, FORCE_TITLE if cell.area == whole else cell.area
        if column.period is not None:
            period, words = column.period, column.period.words
        else:  # a difference: the later of its measure's periods compared with the one before it
            held = sorted(periods[(column.base, cell.area)], key=lambda p: p.end)
            period = held[-1]
            words = f"{period.words} compared with the {(held[-2] if len(held) > 1 else period.earlier()).words}"
        records.append({
            "edition": edition, "period_end": period.end, "area": area, "section": cell.section,
            "crime_type": cell.crime_type, "parent_type": cell.parent_type, "measure": column.measure,
            "period": words, "value": cell.value, "printed": cell.printed, "source_document": doc.id,
            "table_title": title, "row_label": cell.row_label, "column_label": column.label,
            "row_start": cell.row.start, "row_end": cell.row.end,
            "row_order": order.setdefault(cell.crime_type, len(order)), "position": column.index})
    return records


def _titled_places(cells: list[GridCell]) -> list[GridCell]:
    """Cells of a column headed by the place a title names, with its kind ("Lydwold District" as the last column
    of a sheet of areas, where another is titled "Lydwold District Policing Area"), given that place's name: the
    district's total column and its figures in a table titled for it are one area's. (A row so printed is left as
    it was read: `_total_area` reads rows that say "total".)"""
    titled = {cell.area for cell in cells if cell.titled}
    return [replace(cell, area=_titled_place(cell.area)) if cell.column.area == cell.area and
            _titled_place(cell.area) in titled and _titled_place(cell.area) != cell.area and
            _place_pattern().fullmatch(cell.area) else cell for cell in cells]


def _total_area(area: str, force: str) -> str:
    """The area a total row is for: the place it names by its kind ("Harnbury LPA total" is Harnbury's own total, the
    whole of what its parts add up to) or by its name alone ("Harnbury total", when Harnbury is not the force), else
    the row as printed ("Total", "Force total", "All areas", "<Force> total": the force)."""
    words = layout_words()["labels"]["force"]
    if not has_word(area, words):
        return area
    titled = _titled_place(area)
    if titled:
        return titled
    rest = " ".join(word for word in area.split() if not has_word(word, words))
    named = rest and rest[0].isupper() and rest.lower() != force.lower() and \
        all(word[0].isupper() or word.lower() in _SMALL_WORDS for word in rest.split())
    return rest if named else area


def _whole_area(cells: list[GridCell], is_force: dict[str, bool], totalled: set[str]) -> str:
    """The area a document with no force-wide figures is about as a whole: the one place its titles name over
    sheets without an area column ("Kestermoor Policing Area"), whose rows stand above those of its parts (the
    areas its other tables group rows by), as a force's do above its districts; else the one place a total row
    names ("Kestermoor total": the sum of the areas above it); "" when there is not just one."""
    if any(is_force.values()):
        return ""
    titled = {cell.area for cell in cells if cell.titled}
    if titled:
        return next(iter(titled)) if len(titled) == 1 else ""
    return next(iter(totalled)) if len(totalled) == 1 else ""


def _percent_rates(cells: list[GridCell]) -> list[GridCell]:
    """Solved rates printed as fractions (0.213, not 21.3 or "21.3%") read as the percentages they are, per column
    of a table, and that table's rate differences with them; a percentage change printed as a fraction likewise."""
    columns: dict[tuple, list[GridCell]] = {}
    for cell in cells:
        columns.setdefault(cell.series or (cell.table, cell.column.index), []).append(cell)
    scaled = {key for key, group in columns.items()
              if group[0].column.measure in (SOLVED_RATE, *PERCENT_CHANGE.values()) and _fractions(group)}
    rate_tables = {table for (table, index) in scaled if columns[(table, index)][0].column.measure == SOLVED_RATE}
    return [replace(cell, value=cell.value * 100)
            if (cell.series or (cell.table, cell.column.index)) in scaled
            or (cell.column.measure == CHANGE[SOLVED_RATE] and cell.table in rate_tables) else cell
            for cell in cells]


def _fractions(group: list[GridCell]) -> bool:
    values = [c.value for c in group if not math.isnan(c.value)]
    return bool(values) and not any("%" in c.printed for c in group) and all(abs(v) <= 1 for v in values) and \
        any(v != 0 for v in values)


def _force(doc: Document, cells: list[GridCell]) -> str:
    """The force a document's force-wide figures are for: named in an area cell ("Northshire Police"), the
    titles, or the file's publisher."""
    pattern = re.compile(r"((?:[A-Z][\w&'.-]*\s+){0,3}[A-Z][\w&'.-]*)\s+(?:Police|Constabulary)\b")
    for text in (*dict.fromkeys(c.area for c in cells), *doc.text.split("\n")[:12], doc.title, doc.publisher):
        found = pattern.search(text or "")
        if found:
            return found.group(1).strip()
    return force_name(doc.title)


def _edition(doc: Document, first: TextTable, latest: str) -> str:
    """The summary's own title: the title lines above its first performance table (its sheet's name left out),
    with the period it runs to added when they do not name it; else the document's title and that period."""
    lines = [line for line in _lines_before(doc, first, 0)[len(first.section_path):]
             if len(line) <= _TITLE_MAX_CHARS and not _STATED_FIGURE.search(line)]
    year, month = latest.split("-")
    until = f"{MONTHS[int(month) - 1]} {year}"
    # A report's lines above its first table are its introduction, not a title: its own title names the edition.
    # So do a workbook's title lines when its first table is on a later sheet: that sheet's lines are its own
    # ("Harnbury LPA: rolling 12 months to June"), the workbook's title is on its first sheet.
    title = " – ".join(lines[-3:])
    if is_printed(doc) or (doc.title and not title.startswith(doc.title)):
        title = doc.title or title
    title = title or doc.title or doc.id
    if until.lower() not in title.lower() and not _names_period(title, latest):
        title = f"{title}: performance to {until}"
    return f"{title}, as uploaded in {doc.id}" if doc.uploaded else title


def _names_period(title: str, latest: str) -> bool:
    period = title_period([title])
    return period is not None and period.year is not None and f"{period.year}-{period.month:02d}" == latest
