"""Tab-separated tables in the cleaned text, and the Essex Police performance tables as one tidy frame.

The performance tables are the corpus's hard numbers, so every printed cell becomes one frame row that
keeps the cell exactly as printed and the character span of its table row: an answer can then quote the
row it used. `check_frame` recomputes what the tables derive (differences, rates) so that a figure the
source itself gets wrong, or a rate that cannot be quoted as a rate, is known before anyone repeats it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from assistant.config import PERIOD_2023, PERIOD_2024, PERIOD_CHANGE
from assistant.errors import CorpusError, IndexCorruptError, IndexMissingError
from assistant.understand.query import CHANGE, DA_SHARE, OFFENCES, PERCENT_CHANGE, SOLVED, SOLVED_RATE
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


# Text columns use pandas' "str" dtype, so a missing parent_type (an un-dashed row) reads as NaN: test it
# with pd.isna. Parquet keeps that dtype, so a saved frame loads back equal.
COLUMNS = ("area", "section", "crime_type", "parent_type", "measure", "period", "value", "printed",
           "source_document", "table_title", "row_label", "column_label", "row_start", "row_end", "row_order")
FINDING_COLUMNS = ("area", "crime_type", "measure", "period", "printed", "recomputed", "kind", "message")

# Two or more consecutive lines that each hold a tab, so every line has at least two columns.
_TAB_BLOCK = re.compile(r"^[^\n]*\t[^\n]*(?:\n[^\n]*\t[^\n]*)+", re.MULTILINE)
# First cells of report paragraphs laid out with tabs ("2.1\tThe strategic ...", "\tcontinued", "--\t---").
_PARAGRAPH_MARK = re.compile(r"(?:\d+(?:\.\d+)*\.?|-+)?")

_PARTS = ("Top Level", "Victim Based Crime", "State Based Crime")
_COLUMN_HEADER = ("Crime Type", "% DA 2024", "2023", "2024", "# diff.", "% diff.",
                  "2023", "2024", "# diff.", "% diff.", "2023", "2024", "% pt. diff.")
# (column label, measure, period) for cells 1..12 of a data row; the label joins the two header lines.
_CELLS = (
    ("% DA 2024", DA_SHARE, PERIOD_2024),
    ("Offences 2023", OFFENCES, PERIOD_2023),
    ("Offences 2024", OFFENCES, PERIOD_2024),
    ("Offences # diff.", CHANGE[OFFENCES], PERIOD_CHANGE),
    ("Offences % diff.", PERCENT_CHANGE[OFFENCES], PERIOD_CHANGE),
    ("Solved Outcomes 2023", SOLVED, PERIOD_2023),
    ("Solved Outcomes 2024", SOLVED, PERIOD_2024),
    ("Solved Outcomes # diff.", CHANGE[SOLVED], PERIOD_CHANGE),
    ("Solved Outcomes % diff.", PERCENT_CHANGE[SOLVED], PERIOD_CHANGE),
    ("Solved Rates % 2023", SOLVED_RATE, PERIOD_2023),
    ("Solved Rates % 2024", SOLVED_RATE, PERIOD_2024),
    ("Solved Rates % pt. diff.", CHANGE[SOLVED_RATE], PERIOD_CHANGE),
)
# The Force table covers the whole county; "Trending" is the source's misspelling of Tendring.
_AREA_NAMES = {"Force": "Essex", "Trending": "Tendring"}
_MISSING = ("-", "")
# Printed percentages have one decimal, so a correct figure lies within half a unit of the last place.
_ROUNDING = 0.05 + 1e-9
_EXACT = 1e-9


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


def is_performance_table(table: TextTable) -> bool:
    """True for an Essex Police performance summary: it opens with the "Top Level" part's two header lines."""
    rows = table.rows
    return len(rows) >= 2 and rows[0].cells[0] == _PARTS[0] and rows[1].cells == _COLUMN_HEADER


def empty_frame() -> pd.DataFrame:
    """The performance frame of a corpus without performance tables: the right columns and dtypes, no rows."""
    return _frame([])


def performance_frame(documents: Iterable[Document]) -> pd.DataFrame:
    """One row per printed cell of every performance table in the documents (see COLUMNS)."""
    records = []
    for doc in documents:
        for table in find_tables(doc):
            if is_performance_table(table):
                records.extend(_table_records(table))
    return _frame(records)


def _frame(records: list[tuple]) -> pd.DataFrame:
    frame = pd.DataFrame.from_records(records, columns=list(COLUMNS))
    ints = {"row_start": "int64", "row_end": "int64", "row_order": "int64"}
    text = {name: "str" for name in COLUMNS if name not in ints and name != "value"}
    return frame.astype({**text, "value": "float64", **ints})


def _table_title(table: TextTable) -> str:
    """The district heading above the table; the "Rolling 12 Months to October" subheading is not a title."""
    titles = [heading for heading in table.section_path if not heading.startswith("Rolling 12 Months")]
    if not titles:
        raise CorpusError(f"A performance table in {table.document} at character {table.start} has no heading "
                          "naming its area; check that the document's sections were built.")
    return titles[-1]


def _table_records(table: TextTable) -> list[tuple]:
    """The frame rows of one performance table: parts, parent rows and cells resolved."""
    title = _table_title(table)
    area = _AREA_NAMES.get(title, title)
    records: list[tuple] = []
    part = parent = None
    order, rows, i = 0, table.rows, 0
    while i < len(rows):
        row = rows[i]
        if row.cells[0] in _PARTS and i + 1 < len(rows) and rows[i + 1].cells == _COLUMN_HEADER:
            part, parent, i = row.cells[0], None, i + 2
            continue
        if part is None or len(row.cells) != len(_COLUMN_HEADER):
            raise CorpusError(f"Row {row.cells[0]!r} of the {title} performance table in {table.document} is not "
                              f"a crime-type row of {len(_COLUMN_HEADER)} cells under a part's two header lines; "
                              "fix the table's layout.")
        label = row.cells[0]
        if label.startswith("- "):
            crime_type, parent_type = label[2:].strip(), parent
        else:
            crime_type, parent_type = label, None
            parent = label
        for printed, (column_label, measure, period) in zip(row.cells[1:], _CELLS):
            records.append((area, part, crime_type, parent_type, measure, period, _value(printed, table, label),
                            printed, table.document, title, label, column_label, row.start, row.end, order))
        order += 1
        i += 1
    return records


def _value(printed: str, table: TextTable, label: str) -> float:
    """The number a cell prints; "-" is a missing figure, kept as NaN so it is never read as zero."""
    if printed in _MISSING:
        return math.nan
    try:
        return float(printed.replace(",", ""))
    except ValueError:
        raise CorpusError(f"Cell {printed!r} in row {label!r} of a performance table in {table.document} "
                          "is not a number or '-'; fix the cell.") from None


def save_frame(frame: pd.DataFrame, path: str | Path) -> None:
    """Write the frame as parquet; dtypes and NaNs survive the round trip."""
    frame.to_parquet(path, engine="pyarrow", index=False)


def load_frame(path: str | Path) -> pd.DataFrame:
    """Read a frame written by `save_frame`, refusing one whose columns do not match."""
    path = Path(path)
    if not path.exists():
        raise IndexMissingError(f"No performance table file at {path} - run `assistant index`.")
    frame = pd.read_parquet(path, engine="pyarrow")
    if tuple(frame.columns) != COLUMNS:
        raise IndexCorruptError(f"{path} does not hold the performance frame's columns - run `assistant index`.")
    return frame


def check_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Recompute the derived cells of every table row and report what the source gets wrong or cannot mean.

    Differences must be exact; percentages and rates may differ from the recomputation by the one-decimal
    rounding of the print. Rates over 100% and outcomes without offences are correct arithmetic but must
    not be quoted as rates, so they are reported too.
    """
    rows: dict[tuple, dict[tuple[str, str], tuple]] = {}
    for cell in frame.itertuples(index=False):
        key = (cell.source_document, cell.table_title, cell.row_order)
        rows.setdefault(key, {})[(cell.measure, cell.period)] = cell
    findings = []
    for cells in rows.values():
        findings.extend(_check_row(cells))
    return pd.DataFrame(findings, columns=list(FINDING_COLUMNS)).astype(
        {name: "str" for name in FINDING_COLUMNS if name != "recomputed"} | {"recomputed": "float64"})


def _check_row(cells: dict[tuple[str, str], tuple]) -> list[tuple]:
    def value(measure: str, period: str) -> float:
        cell = cells.get((measure, period))
        return cell.value if cell is not None else math.nan

    findings: list[tuple] = []

    def compare(measure: str, period: str, recomputed: float, tolerance: float, kind: str, how: str) -> None:
        cell = cells.get((measure, period))
        if cell is None or _agrees(cell.value, recomputed, tolerance):
            return
        message = (f"{cell.column_label} for {cell.crime_type} in {cell.area} is printed as {cell.printed}, "
                   f"but {how}.")
        findings.append((cell.area, cell.crime_type, measure, period, cell.printed, recomputed, kind, message))

    for measure in (OFFENCES, SOLVED):
        before, after = value(measure, PERIOD_2023), value(measure, PERIOD_2024)
        compare(CHANGE[measure], PERIOD_CHANGE, after - before, _EXACT, "difference mismatch",
                f"{_show(after)} - {_show(before)} = {_show(after - before)}")
        percent = (after - before) / before * 100 if before else math.nan
        how = ("'-' is expected because the 2023 figure is 0" if before == 0
               else f"({_show(after)} - {_show(before)}) / {_show(before)} = {_show(percent, 2)}%")
        compare(PERCENT_CHANGE[measure], PERIOD_CHANGE, percent, _ROUNDING, "% change mismatch", how)

    rates = {}
    for period in (PERIOD_2023, PERIOD_2024):
        offences, solved = value(OFFENCES, period), value(SOLVED, period)
        rates[period] = solved / offences * 100 if offences else math.nan
        how = ("'-' is expected because no offences were recorded" if offences == 0
               else f"{_show(solved)} / {_show(offences)} = {_show(rates[period], 2)}%")
        compare(SOLVED_RATE, period, rates[period], _ROUNDING, "solved rate mismatch", how)
        findings.extend(_unquotable_rate(cells, period, offences, solved))

    change = rates[PERIOD_2024] - rates[PERIOD_2023]
    compare(CHANGE[SOLVED_RATE], PERIOD_CHANGE, change, _ROUNDING, "rate change mismatch",
            f"the unrounded rates differ by {_show(change, 2)} points")
    return findings


def _unquotable_rate(cells: dict, period: str, offences: float, solved: float) -> list[tuple]:
    """A rate over 100%, or outcomes with no offences: outcomes can relate to crimes recorded earlier."""
    rate = cells.get((SOLVED_RATE, period))
    if rate is None:
        return []
    where = f"{rate.crime_type} in {rate.area}"
    if rate.value > 100:
        message = (f"Solved rate of {rate.printed}% for {where}: solved outcomes in the period ({_show(solved)}) "
                   f"exceed offences recorded ({_show(offences)}), because outcomes can relate to crimes "
                   "recorded earlier. Do not quote as a rate.")
        return [(rate.area, rate.crime_type, SOLVED_RATE, period, rate.printed, solved / offences * 100,
                 "solved rate over 100%", message)]
    if offences == 0 and solved > 0:
        message = (f"Solved outcomes ({_show(solved)}) but no offences recorded for {where} in the {period}, "
                   "because outcomes can relate to crimes recorded earlier. There is no solved rate to quote.")
        return [(rate.area, rate.crime_type, SOLVED, period, cells[(SOLVED, period)].printed, math.nan,
                 "solved outcomes with zero offences", message)]
    return []


def _agrees(printed: float, recomputed: float, tolerance: float) -> bool:
    if math.isnan(printed) or math.isnan(recomputed):
        return math.isnan(printed) and math.isnan(recomputed)
    return abs(printed - recomputed) <= tolerance


def _show(number: float, decimals: int | None = None) -> str:
    """A number for a message: counts as whole numbers, percentages to the decimals asked for."""
    if math.isnan(number):
        return "-"
    if decimals is None:
        return f"{number:.0f}" if float(number).is_integer() else str(number)
    return f"{number:.{decimals}f}"
