"""Police performance tables, recognised by their shape, read into one tidy frame: one row per printed cell.

Nothing here knows one force's tables. A performance table is a block of tab-separated lines made of parts,
each opening with two header lines: the first names measure groups over the columns ("Offences", "Solved
Outcomes", "Solved Rates %"), the second names each column (a year, "# diff.", "% diff.", "% pt. diff.",
"% DA 2024"). Rows below are crime types, sub-types marked with a leading "- ". The words that tell a group or
a column apart are data (`data/headers.toml`); the period's month comes from what the document prints
("Rolling 12 Months to October"), the years from the header, and the edition from the summary's own title
("Performance Summary To January 2025"). A table that has the shape but cannot be read is a reported
problem, never a silent gap.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from assistant.ingest import grids
from assistant.ingest.measures import CHANGE, DA_SHARE, OFFENCES, PERCENT_CHANGE, SOLVED, SOLVED_RATE
from assistant.ingest.reconcile import without_inconsistent_tables
from assistant.ingest.sanity import without_misread_layouts
from assistant.ingest.table_periods import Period
from assistant.ingest.same_places import one_name_per_place
from assistant.ingest.table_words import FORCE_TITLE, TableProblem, force_name, names_percent_difference
from assistant.ingest.table_words import header_words as _header_words
from assistant.ingest.tables import TextTable, find_tables
from assistant.records import Document
from assistant.text.dates import MONTHS, month_number

if TYPE_CHECKING:
    import pandas as pd

# Text columns use pandas' "str" dtype, so a missing parent_type (an un-dashed row) reads as NaN: test it
# with pd.isna. Parquet keeps that dtype, so a saved frame loads back equal.
# `position` is the cited cell's place among its printed line's tab-separated cells (0 is the line's first cell),
# so a citation can name the cell itself ("Summary!D14") whichever column a layout puts the row's label in.
COLUMNS = ("edition", "period_end", "area", "section", "crime_type", "parent_type", "measure", "period", "value",
           "printed", "source_document", "table_title", "row_label", "column_label", "row_start", "row_end",
           "row_order", "position")
_INTS = ("row_start", "row_end", "row_order", "position")
_MISSING = ("-", "")
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
_MONTH = "|".join(MONTHS)


@dataclass(frozen=True)
class Column:
    """One printed column of a part: its label as a reader would name it, what it measures, and its year."""

    label: str
    measure: str
    year: int | None  # the year a value column ends in; None for a difference


@dataclass(frozen=True)
class PerformanceRead:
    """The frame of every performance table read, and the tables that looked like one but could not be read."""

    frame: pd.DataFrame
    problems: tuple[tuple[str, str], ...]  # (document, message)


def read_columns(groups: tuple[str, ...], names: tuple[str, ...]) -> tuple[Column, ...] | None:
    """The columns a part's two header lines describe, or None when the lines are not such a header.

    The first cell of each line is the part's name and the crime-type column's name; a group name is printed
    once over the columns it spans, so it carries forward across the empty cells after it.
    """
    if len(names) < 3 or len(groups) > len(names):
        return None
    words = _header_words()
    columns, group = [], ""
    for i, name in enumerate(names[1:], start=1):
        if i < len(groups) and groups[i].strip():
            group = groups[i].strip()
        column = _column(group, name.strip(), words)
        if column is None:
            return None
        columns.append(column)
    if sum(column.year is not None for column in columns) < 2:
        return None
    return tuple(columns)


def _column(group: str, name: str, words: dict) -> Column | None:
    low_group, low_name = group.lower(), name.lower()
    year = _YEAR.search(name)
    kinds = words["columns"]
    if any(word in low_name for word in kinds["domestic_abuse_share"]) and year:
        return Column(name, DA_SHARE, int(year.group()))
    base = next((measure for measure, keys in words["groups"].items() if any(k in low_group for k in keys)), None)
    if base is None:
        return None
    label = f"{group} {name[1:].strip()}" if group.endswith("%") and name.startswith("%") else f"{group} {name}"
    if year and year.group() == name.strip():
        return Column(label, base, int(year.group()))
    if any(word in low_name for word in kinds["point_difference"]):
        return Column(label, CHANGE[SOLVED_RATE], None) if base == SOLVED_RATE else None
    if names_percent_difference(low_name):
        return Column(label, PERCENT_CHANGE[base], None) if base in PERCENT_CHANGE else None
    if any(word in low_name for word in kinds["difference"]):
        return Column(label, CHANGE[base], None) if base in CHANGE else None
    return None


def is_performance_table(table: TextTable) -> bool:
    """True when the table opens with a part's two header lines."""
    rows = table.rows
    return len(rows) >= 2 and read_columns(rows[0].cells, rows[1].cells) is not None


def looks_like_performance_table(table: TextTable) -> bool:
    """True when any two consecutive lines form a part header: such a table must be read, or reported."""
    return any(read_columns(a.cells, b.cells) is not None for a, b in zip(table.rows, table.rows[1:]))


def empty_frame() -> pd.DataFrame:
    """The performance frame of a corpus without performance tables: the right columns and dtypes, no rows."""
    return _frame([])


def read_performance(documents: Iterable[Document]) -> PerformanceRead:
    """Every performance table of every document as one frame, and the look-alikes that could not be read.

    A table printed in a board pack's shape is read here, in any format; the other tables of a spreadsheet, a CSV
    file, a PDF or a Word document (and a spreadsheet's tables this shape cannot read) go to `grids`, which knows the
    layouts of a force's own summaries, in a workbook or printed in a report (and reports what it cannot read).
    A place or all-crime row printed under two names is named once (`same_places`). Figures printed twice with two
    values, tables whose layout was misread (`sanity`) and tables whose rows do not
    add up (`reconcile`) are left out and reported: a wrong number is worse than none."""
    documents = list(documents)
    records: list[tuple] = []
    problems: list[tuple[str, str]] = []
    for doc in documents:
        others = []
        for table in find_tables(doc):
            if not looks_like_performance_table(table):
                others.append(table)
                continue
            try:
                records.extend(_table_records(doc, table))
            except TableProblem as problem:
                if grids.is_spreadsheet(doc):
                    others.append(table)
                else:
                    problems.append((doc.id, str(problem)))
        if others and (grids.is_spreadsheet(doc) or grids.is_printed(doc)):
            found, unread = grids.read_grid_tables(doc, others)
            records.extend(tuple(record[name] for name in COLUMNS) for record in found)
            problems.extend((doc.id, message) for message in unread)
    records, uncounted = _without_uncounted_editions(records)
    problems.extend(uncounted)
    records = [tuple(row[name] for name in COLUMNS)
               for row in one_name_per_place([dict(zip(COLUMNS, record)) for record in records])]
    records, conflicting = _without_conflicts(records)
    problems.extend(conflicting)
    records, misread = without_misread_layouts(records, COLUMNS, documents)
    problems.extend(misread)
    records, inconsistent = without_inconsistent_tables(records, COLUMNS)
    problems.extend(inconsistent)
    return PerformanceRead(_frame(records), tuple(problems))


def _without_uncounted_editions(records: list[tuple]) -> tuple[list[tuple], list[tuple[str, str]]]:
    """Leave out every edition that counts nothing (no offences, no solved outcomes), with a note on each.

    A table of survey results ("Feel safe after dark: 68%, 64%, -4 pts") has the shape of a performance table
    (a label column, two years, a change), but its percentages are not solved rates, and an edition of
    percentages alone gives the catalogue no count to date and total it by. Its rows stay searchable as the
    document's text."""
    edition_at, measure_at, document_at = (COLUMNS.index(name) for name in ("edition", "measure", "source_document"))
    counted = {record[edition_at] for record in records if record[measure_at] in (OFFENCES, SOLVED)}
    problems = {(record[document_at], f"a table headed like a performance summary (\"{record[edition_at]}\") counts "
                 "neither offences nor solved outcomes, so its figures are searched as text instead.")
                for record in records if record[edition_at] not in counted}
    return [record for record in records if record[edition_at] in counted], sorted(problems)


def _without_conflicts(records: list[tuple]) -> tuple[list[tuple], list[tuple[str, str]]]:
    """Leave out every figure one edition prints twice with two values, with a note on each.

    A summary may print the same figure in two tables (an area's all-crime line in its own table and in the table
    of areas), and the copies agree. Two that disagree mean one table was read as another area's or period's
    (a caption or title misread): neither can be told right, and a wrong number is worse than none."""
    at = [COLUMNS.index(name) for name in ("edition", "area", "crime_type", "measure", "period")]
    value_at, document_at = COLUMNS.index("value"), COLUMNS.index("source_document")
    values: dict[tuple, set[float]] = {}
    for record in records:
        if not math.isnan(record[value_at]):
            values.setdefault(tuple(record[i] for i in at), set()).add(record[value_at])
    clashing = {key for key, held in values.items() if len(held) > 1}
    if not clashing:
        return records, []
    problems = sorted({(record[document_at], f"the summary \"{record[at[0]]}\" prints two different figures for "
                        f"{record[at[3]]} of {record[at[2]]} in {record[at[1]]} ({record[at[4]]}), so neither is "
                        "answered from the tables.") for record in records if tuple(record[i] for i in at) in clashing})
    return [record for record in records if tuple(record[i] for i in at) not in clashing], problems


def performance_frame(documents: Iterable[Document]) -> pd.DataFrame:
    """One row per printed cell of every readable performance table in the documents (see COLUMNS)."""
    return read_performance(documents).frame


def _frame(records: list[tuple]) -> pd.DataFrame:
    import pandas as pd

    frame = pd.DataFrame.from_records(records, columns=list(COLUMNS))
    text = {name: "str" for name in COLUMNS if name not in _INTS and name != "value"}
    return frame.astype({**text, "value": "float64", **{name: "int64" for name in _INTS}})


def _table_records(doc: Document, table: TextTable) -> list[tuple]:
    """The frame rows of one performance table: parts, parent rows, periods and edition resolved."""
    where = f"the table at character {table.start} of {doc.id}"
    month, months = _period_month(doc, table)
    if month is None:
        raise TableProblem(f"{where} looks like a performance table but no heading says which months it covers "
                           "(e.g. \"Rolling 12 Months to October\"), so it was left out.")
    title = _table_title(table)
    if not title:
        raise TableProblem(f"{where} looks like a performance table but has no heading naming its area, so it "
                           "was left out.")
    edition = _edition(doc, table, month)
    area = force_name(edition) if title == FORCE_TITLE else title
    records: list[tuple] = []
    columns: tuple[Column, ...] | None = None
    part = parent = None
    order, rows, i = 0, table.rows, 0
    latest = None
    while i < len(rows):
        row = rows[i]
        header = read_columns(row.cells, rows[i + 1].cells) if i + 1 < len(rows) else None
        if header is not None:
            columns, part, parent, i = header, row.cells[0], None, i + 2
            latest = max(c.year for c in columns if c.year is not None)
            continue
        if columns is None:
            raise TableProblem(f"Row {row.cells[0]!r} of the {title} performance table in {doc.id} comes before any "
                               "header naming its columns (a table split by a page break or a stray line?); the "
                               "table was left out. Fix the table and rebuild.")
        if len(row.cells) != len(columns) + 1:
            raise TableProblem(f"Row {row.cells[0]!r} of the {title} performance table in {doc.id} has "
                               f"{len(row.cells)} cells where its header has {len(columns or ()) + 1}; the table "
                               "was left out. Fix the row and rebuild.")
        label = row.cells[0]
        if label.startswith("- "):
            crime_type, parent_type = label[2:].strip(), parent
        else:
            crime_type, parent_type = label, None
            parent = label
        for position, (printed, column) in enumerate(zip(row.cells[1:], columns), start=1):
            period = _period_of(column, latest, month, months)
            end = Period(f"{column.year or latest}-{month:02d}", months).end
            records.append((edition, end, area, part, crime_type, parent_type, column.measure, period,
                            _value(printed, title, label, doc.id), printed, doc.id, title, label, column.label,
                            row.start, row.end, order, position))
        order += 1
        i += 1
    return records


def _period_of(column: Column, latest: int, month: int, months: int) -> str:
    """A value column's period in words; a difference compares the latest year with the one before it."""
    if column.year is not None:
        return Period(f"{column.year}-{month:02d}", months).words
    later, earlier = Period(f"{latest}-{month:02d}", months), Period(f"{latest - 1}-{month:02d}", months)
    return f"{later.words} compared with the {earlier.words}"


def _period_month(doc: Document, table: TextTable) -> tuple[int | None, int]:
    """The month the table's rolling periods end in, and how many months they cover, from the nearest
    heading above the table that says so, else the nearest line of text before it that does."""
    pattern = _period_pattern()
    for heading in reversed(table.section_path):
        found = pattern.search(heading)
        if found:
            return month_number(found.group("month")), _months(heading)
    before = doc.text[:table.start]
    found = None
    for found in pattern.finditer(before):
        pass
    if found is None:
        return None, 12
    line_start = before.rfind("\n", 0, found.start()) + 1
    return month_number(found.group("month")), _months(before[line_start:found.end()])


@lru_cache(maxsize=1)
def _period_pattern() -> re.Pattern:
    phrases = "|".join(re.escape(p) for p in _header_words()["periods"]["phrases"])
    return re.compile(rf"(?:{phrases})\s+(?:the\s+end\s+of\s+)?(?P<month>{_MONTH})\b(?:\s+(?P<year>(?:19|20)\d\d))?",
                      re.IGNORECASE)


def _months(text: str) -> int:
    found = re.search(r"\b(\d{1,2}|twelve|six|three)[\s-]+months?\b", text, re.IGNORECASE)
    if not found:
        return 12
    word = found.group(1).lower()
    return {"twelve": 12, "six": 6, "three": 3}.get(word) or int(word)


def _edition(doc: Document, table: TextTable, month: int) -> str:
    """The summary's own title ("Essex Police: Performance Summary To October 2024"): the last line above the
    table that names a period with its year; else the document's title and the table's month."""
    pattern = _period_pattern()
    title = ""
    for line in doc.text[:table.start].split("\n"):
        found = pattern.search(line)
        if found and found.group("year") and len(line) < 160:
            title = line.strip()
    title = title or f"{doc.title}: performance tables to {MONTHS[month - 1]}"
    # An upload may print an official summary's very title: its own edition, named after the file, never merged.
    return f"{title}, as uploaded in {doc.id}" if doc.uploaded else title


def _table_title(table: TextTable) -> str:
    """The area heading above the table; a heading that states the period is not a title."""
    pattern = _period_pattern()
    titles = [heading for heading in table.section_path if not pattern.search(heading)]
    return titles[-1] if titles else ""


def _value(printed: str, title: str, label: str, document: str) -> float:
    """The number a cell prints, without a footnote mark ("1,234*"); "-" is a missing figure, kept as NaN so it is
    never read as zero."""
    if printed in _MISSING:
        return math.nan
    try:
        return float(grids.without_footnote_marks(printed).replace(",", ""))
    except ValueError:
        raise TableProblem(f"Cell {printed!r} in row {label!r} of the {title} performance table in {document} is "
                           "not a number or '-'; the table was left out. Fix the cell and rebuild.") from None
