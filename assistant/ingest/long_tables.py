"""Long (tidy, open-data) performance tables: one row per area, crime type, measure and period, its figure in one
column, read into the same cells the wide layouts give (`grids`).

A force publishing open data prints a sheet or a CSV file such as

    period      period_start  period_end  area        area_code  offence_group  measure                      value
    2026/27 Q3  2026-10-01    2026-12-31  Harnbury N  E05...     Shoplifting    recorded                     80
    2026/27 Q3  2026-10-01    2026-12-31  Harnbury N  E05...     Shoplifting    recorded_same_qtr_prev_year  79

and nothing here knows any one of them. Each column's part is learned from the sheet:

- the **value** column is the one column of figures (a column of years heading periods is a period's part);
- the **measure** column is the label column whose values name measures (`data/headers.toml`, a code's "_" read as
  a space: "recorded" offences, "charged_summonsed" solved outcomes, "detection_rate_pct" the solved rate,
  "..._prev_year" / "previous" the same months a year before, "change" / "change_pct" the printed differences);
- the **period** comes from the dates a period starts and ends on ("period_start", "period_end"), else from a label
  or its parts ("2026/27 Q3", "financial_year" and "quarter", "12 months to March 2026"), kept exact: a quarter is
  three months to its last month;
- **codes** ("area_code") identify an area, they name none; the **area** column's header names an area
  (`data/layouts.toml`), the **crime type** column's a crime type;
- the area whose counts are the sum of the other areas' for every crime type is the whole they make up (the
  district's own total), as the place a title names is over a wide sheet's columns.

Each figure is cited to its own row. A measure the build cannot name, a difference that does not say which measure
it compares, or periods that cannot be told apart (rows with no period, a quarter beside the quarter before) are
reported in plain words and left out: never read as another measure or period.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from assistant.ingest import grids
from assistant.ingest.measures import CHANGE, DA_SHARE, OFFENCES, PER_HEAD, PERCENT_CHANGE, SOLVED
from assistant.ingest.table_periods import Period, TitlePeriod, column_period, has_word, layout_words, title_period
from assistant.ingest.table_words import TableProblem, header_words
from assistant.ingest.tables import TableRow, TextTable
from assistant.records import Document

_DATE = re.compile(r"^((?:19|20)\d\d)-(\d\d)-(\d\d)(?:[ T][\d:]+)?$|^(\d\d?)/(\d\d?)/((?:19|20)\d\d)$")
_CODE = re.compile(r"^(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9_.-]+$")  # "E05ESK01": one token of letters and digits
_MIN_ROWS = 4


@dataclass(frozen=True)
class LongLayout:
    """Which column of a long table holds what (indexes into its rows' cells)."""

    value: int
    measure: int
    crime: int
    area: int | None
    labels: tuple[int, ...]  # columns whose words together name the period ("2026/27 Q3"; "2025/26" and "Q2")
    start: int | None  # the date the period starts on
    end: int | None  # the date it ends on


@dataclass(frozen=True)
class Measure:
    """What a measure code names: its base measure ("" for a difference naming none), the frame's measure (the
    base, or one of its differences: then `difference` is the kind, "change" or "percent"), and whether it is for
    the same months a year before."""

    base: str
    measure: str
    difference: str = ""
    previous: bool = False


def long_cells(doc: Document, table: TextTable, lines: list[str]) -> tuple[list[grids.GridCell], list[str]] | None:
    """The figure cells of `table` when it is laid out long, and a plain sentence on the measures among its rows
    the build cannot name (left out, the rest read); None when it is not laid out long; a TableProblem when it is
    one whose figures cannot all be told apart (its problem says why, in plain words). `lines` are the sheet's
    title lines, nearest last."""
    layout = long_layout(table)
    if layout is None:
        return None
    context = ("", False) if layout.area is not None else grids._context_area(doc, table, lines)
    return _read(table, layout, title_period(lines), grids._where(doc, table, lines), context)


def long_layout(table: TextTable) -> LongLayout | None:
    """Which column of `table` holds what, when it is laid out long (see `_layout`); else None."""
    rows = [row.cells for row in table.rows]
    if len(rows) < _MIN_ROWS + 1 or not grids._is_header_row(rows[0]):
        return None
    return _layout([_words(cell) for cell in rows[0]], [row for row in rows[1:] if any(row)])


def _read(table: TextTable, layout: LongLayout, title: TitlePeriod | None, where: str,
          context: tuple[str, bool]) -> tuple[list[grids.GridCell], list[str]]:
    """The cells of a long table and the note on its measures the build cannot name (see `long_cells`); `context`
    is the area of a table with no area column, and whether its title named it."""
    body = [row for row in table.rows[1:] if any(row.cells)]
    codes = {_cell(row, layout.measure) for row in body}
    measures = {code: _measure(code) for code in codes}
    unnamed = sorted(code for code, measure in measures.items() if measure is None)
    if len(unnamed) == len(codes):
        raise TableProblem(f"{grids._capital(where)} is laid out one row per measure and value, but none of its "
                           f"measures ({_listed(unnamed)}) is one the build knows (offences, solved outcomes, the "
                           "solved rate and their changes), so it was left out; its text is still searched.")
    periods = {row.start: _row_period(row, layout, title) for row in body}
    if any(period is None for period in periods.values()):
        row = next(row for row in body if periods[row.start] is None)
        raise TableProblem(f"{grids._capital(where)} is laid out one row per measure and value, but a row does not "
                           f"say which months its figure covers (the row reading {' | '.join(row.cells)!r}), so it "
                           "was left out; its text is still searched.")
    measures = _bases_of_differences(measures, body, layout, periods, where)
    context_area, titled = context
    if layout.area is None and not context_area:
        raise TableProblem(f"{grids._capital(where)} is laid out one row per measure and value, but nothing says "
                           "which area its figures are for (an area column, or a title naming the place), so it was "
                           "left out.")
    cells = []
    for row in body:
        measure = measures[_cell(row, layout.measure)]
        if measure is None:
            continue
        printed = _cell(row, layout.value)
        value = grids.parse_number(printed)
        if value is None and not grids._missing(printed):
            raise TableProblem(f"Cell {printed!r} in {where} is not a number or a mark of a missing figure, so the "
                               "table was left out. Fix the cell and rebuild.")
        period = periods[row.start]
        column = grids.GridColumn(layout.value, _cell(row, layout.measure), measure.base, measure.measure,
                                  None if measure.difference else period.earlier() if measure.previous else period)
        crime = grids.without_note(_cell(row, layout.crime))
        area = grids.without_note(_cell(row, layout.area)) or context_area
        if not crime or not area:
            raise TableProblem(f"A row of {where} does not say which crime type or area its figure is for (the row "
                               f"reading {' | '.join(row.cells)!r}), so the table was left out.")
        cells.append(grids.GridCell(table.start, area, "", crime, crime, None, column, printed,
                                    math.nan if value is None else value, row, titled and layout.area is None,
                                    series=(table.start, measure.measure)))
    cells = grids._refuse_unlike_periods(cells, where)
    notes = [f"{grids._capital(where)} has rows for {_listed(unnamed)}, which the build cannot name as offences, "
             "solved outcomes, the solved rate or their changes, so those rows were left out of the tables (the "
             "other measures are read); their text is still searched."] if unnamed else []
    return _as_runs(_whole_of_parts(cells) if layout.area is not None else cells), notes


# --------------------------------------------------------------------------------------------- columns


def _words(text: str) -> str:
    """A header or code as words: "period_start" -> "period start", "changePct" is left as it is."""
    return re.sub(r"[_\s]+", " ", text).strip()


def _cell(row: TableRow, column: int | None) -> str:
    return row.cells[column] if column is not None and column < len(row.cells) else ""


def _layout(header: list[str], body: list[tuple[str, ...]]) -> LongLayout | None:
    """Which column holds what, or None when the table is not laid out long: one column of figures, a label column
    naming measures (values repeated down the rows) and a crime-type column."""
    words = layout_words()["long"]
    width = len(header)
    columns = {i: [row[i] for row in body if i < len(row) and row[i]] for i in range(width)}
    periodic = {i for i in range(width) if has_word(header[i], words["period"])}
    figures = [i for i in grids._figure_columns(body, width) if i not in periodic]
    if len(figures) != 1:
        return None
    measure = _measure_column(columns, header, figures[0], len(body))
    if measure is None:
        return None
    dates = [i for i in range(width) if columns[i] and all(_DATE.match(v) for v in columns[i])]
    start = next((i for i in dates if has_word(header[i], words["period_start"])), None)
    end = next((i for i in dates if i != start and has_word(header[i], words["period_end"])), None)
    if start is None and end is None and len(dates) == 2:  # two dates with no words: the first starts the period
        start, end = dates
    taken = {figures[0], measure, *dates}
    # A period's parts ("2025/26", "Q2") before codes: "Q2" is one token of a letter and a digit, as a code is.
    labels = tuple(i for i in sorted(periodic) if i not in taken and columns[i] and
                   not has_word(header[i], words["identifier"]))
    codes = {i for i in range(width) if i not in taken | set(labels) and (
        has_word(header[i], words["identifier"]) or all(_CODE.match(v) for v in columns[i]))}
    rest = [i for i in range(width) if i not in taken | codes | set(labels) and columns[i]]
    area = next((i for i in rest if has_word(header[i], layout_words()["labels"]["area"])), None)
    crimes = [i for i in rest if i != area and has_word(header[i], words["crime_type"])]
    others = [i for i in rest if i != area]
    crime = crimes[0] if crimes else others[0] if len(others) == 1 else None
    return LongLayout(figures[0], measure, crime, area, labels, start, end) if crime is not None else None


def _measure_column(columns: dict[int, list[str]], header: list[str], value: int, rows: int) -> int | None:
    """The label column whose values name measures: at least half its distinct values do (else its header says it
    holds measures: "Indicator"), and they repeat (a handful of measures down many rows, not a label per row)."""
    repeated = [i for i, values in columns.items()
                if i != value and len(set(values)) >= 2 and 2 * len(set(values)) <= rows]
    named = [i for i in repeated if 2 * sum(_measure(v) is not None for v in set(columns[i])) >= len(set(columns[i]))]
    headed = [i for i in repeated if has_word(header[i], layout_words()["long"]["measure"])]
    return (named or headed or [None])[0]


def _measure(code: str) -> Measure | None:
    """What one measure code names ("recorded_same_qtr_prev_year": offences a year before), from the measure and
    difference words; None when it names none the build reads (a count of arrests, a population)."""
    text = _words(code)
    low = text.lower()
    if has_word(text, header_words()["columns"]["population"]):
        return None
    if any(word in low for word in header_words()["columns"]["per_head"]):
        return Measure(PER_HEAD, PER_HEAD)
    if any(word in low for word in header_words()["columns"]["domestic_abuse_share"]):
        return Measure(DA_SHARE, DA_SHARE)
    base = grids._base_measure(text)
    previous = has_word(text, layout_words()["periods"]["previous"])
    if base is not None:
        difference = grids._difference(text, base)
        if difference is None:
            return None
        kind = "" if not difference else "percent" if difference in PERCENT_CHANGE.values() else "change"
        return Measure(base, difference or base, kind, previous)
    # A difference naming no measure ("change", "change_pct") is one of the measure the table compares; which one
    # is learned from the table (`_bases_of_differences`).
    difference = grids._difference(text, OFFENCES)
    if difference:
        return Measure("", "", "percent" if difference == PERCENT_CHANGE[OFFENCES] else "change")
    return None


def _bases_of_differences(measures: dict[str, Measure | None], body: list[TableRow], layout: LongLayout,
                          periods: dict[int, Period], where: str) -> dict[str, Measure | None]:
    """Differences naming no measure, given the one the table prints for the same months of two years (this year's
    and the year before's offences): a TableProblem when there is none such, or more than one."""
    bare = [code for code, measure in measures.items() if measure is not None and not measure.base]
    if not bare:
        return measures
    held: dict[str, set[Period]] = {}
    for row in body:
        measure = measures[_cell(row, layout.measure)]
        if measure is not None and measure.base and not measure.difference:
            period = periods[row.start]
            held.setdefault(measure.base, set()).add(period.earlier() if measure.previous else period)
    compared = [base for base, found in held.items() if base in CHANGE and any(p.earlier() in found for p in found)]
    if len(compared) != 1:
        raise TableProblem(f"{grids._capital(where)} is laid out one row per measure and value, but its "
                           f"{_listed(bare)} does not say which measure it compares, so it was left out; its text is "
                           "still searched.")
    base = compared[0]
    named = {code: replace(measures[code], base=base,
                           measure=PERCENT_CHANGE.get(base) if measures[code].difference == "percent" else CHANGE[base])
             for code in bare}
    return {**measures, **{code: m if m.measure else None for code, m in named.items()}}


# --------------------------------------------------------------------------------------------- periods


def _row_period(row: TableRow, layout: LongLayout, title: TitlePeriod | None) -> Period | None:
    """The months a row's figure covers: from the dates it starts and ends on, else from its period's words."""
    start, end = _date(_cell(row, layout.start)), _date(_cell(row, layout.end))
    if start and end:
        months = (end[0] - start[0]) * 12 + end[1] - start[1] + 1
        return Period(f"{end[0]}-{end[1]:02d}", months) if months > 0 else None
    label = " ".join(_cell(row, i) for i in layout.labels).strip()
    return column_period(label, title) if label else None


def _date(text: str) -> tuple[int, int] | None:
    """(year, month) of an ISO date ("2026-12-31") or a day-first one ("31/12/2026")."""
    found = _DATE.match(text.strip())
    if not found:
        return None
    if found.group(1):
        return int(found.group(1)), int(found.group(2))
    return int(found.group(6)), int(found.group(5))


# --------------------------------------------------------------------------------------------- areas


def _whole_of_parts(cells: list[grids.GridCell]) -> list[grids.GridCell]:
    """Cells of the area whose counts are the sum of all the other areas' (for every crime type and period printed
    for each of them) marked as the whole place: the district's own total, printed as one more area."""
    sums: dict[tuple, float] = {}
    own: dict[str, dict[tuple, float]] = {}
    for cell in cells:
        if cell.column.measure in (OFFENCES, SOLVED) and not math.isnan(cell.value):
            key = (cell.crime_type, cell.column.measure, cell.column.period)
            own.setdefault(cell.area, {})[key] = cell.value
            sums[key] = sums.get(key, 0) + cell.value
    if len(own) < 3:
        return cells
    keys = set.intersection(*(set(held) for held in own.values()))
    whole = [area for area, held in own.items() if keys and all(abs(2 * held[k] - sums[k]) < 0.5 for k in keys)]
    if len(whole) != 1:
        return cells
    return [replace(cell, titled=cell.area == whole[0]) for cell in cells]


def _as_runs(cells: list[grids.GridCell]) -> list[grids.GridCell]:
    """Each cell's row widened to the run of consecutive lines printing the same area's same crime type: an answer
    states an area's figures for one crime type together (offences, last year's, the change) and cites them as one
    row, and laid out long they are printed one a line. A run holds that area and crime type's lines only; lines
    of theirs printed apart from it (a table sorted by measure) are runs of their own."""
    runs: list[list[grids.GridCell]] = []
    for cell in sorted(cells, key=lambda c: c.row.start):
        last = runs[-1][-1] if runs else None
        if last is not None and (last.area, last.crime_type) == (cell.area, cell.crime_type) and \
                cell.row.start <= last.row.end + 1:
            runs[-1].append(cell)
        else:
            runs.append([cell])
    return [replace(cell, row=replace(cell.row, start=run[0].row.start, end=run[-1].row.end))
            for run in runs for cell in run]


def _listed(codes: list[str]) -> str:
    quoted = [f"\"{code}\"" for code in codes]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]
