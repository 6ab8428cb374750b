"""The performance tables as records, and the one way a table answer numbers its citations.

Every figure a table answer states must point at the printed row it came from, so the rows, the cited-row
and stated-figure records, and the numbering (`Citations`) live together here: the answer kinds in `facts`
and `rank` only ever cite through `Citations`, and turn what they cited into a `TableResult` with
`cited_result`. The claim checker cites rows the same way, through `Row.ref`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pandas as pd

from assistant.config import PERIOD_2023, PERIOD_2024
from assistant.understand.query import OFFENCES, SOLVED, SOLVED_RATE, Query
from assistant.vocab import AIRPORT, FORCE

# The only figures not printed in a cited row: worked out from two cited cells, so a guard can tell them apart.
SHARE = "share of parent (%)"
DIFFERENCE = "difference between cited figures"
COMPUTED_MEASURES = (SHARE, DIFFERENCE)

YEARS = (PERIOD_2023, PERIOD_2024)
COUNTS = (OFFENCES, SOLVED)


@dataclass(frozen=True)
class RowRef:
    """One cited table row and the column whose cell the text used (the row's citation number is its position)."""

    area: str
    crime_type: str
    table_title: str
    row_label: str
    source_document: str
    row_start: int
    row_end: int
    column_label: str


@dataclass(frozen=True)
class FigureRef:
    """One number the text states; `row` is the 1-based position of its row in `TableResult.rows`."""

    value: float
    measure: str
    area: str
    crime_type: str
    period: str
    row: int


@dataclass(frozen=True)
class TableResult:
    """What the tables say about a query: text with [n] markers, the rows they point at, and the resolved query."""

    text: str
    answerable: bool
    rows: tuple[RowRef, ...] = ()
    figures: tuple[FigureRef, ...] = ()
    caveats: tuple[str, ...] = ()
    chart: pd.DataFrame | None = field(default=None, compare=False)
    context: Query | None = None


@dataclass(frozen=True)
class _Cell:
    value: float
    printed: str
    column_label: str


@dataclass(frozen=True)
class Row:
    """One printed table row with its cells keyed by (measure, period)."""

    area: str
    crime_type: str
    table_title: str
    row_label: str
    source_document: str
    row_start: int
    row_end: int
    cells: dict = field(compare=False)

    def value(self, measure: str, period: str) -> float:
        cell = self.cells.get((measure, period))
        return math.nan if cell is None else cell.value

    def ref(self, measure: str, period: str) -> RowRef:
        """This row as a citation, pointing at the column of its (measure, period) cell."""
        cell = self.cells.get((measure, period))
        return RowRef(self.area, self.crime_type, self.table_title, self.row_label, self.source_document,
                      self.row_start, self.row_end, cell.column_label if cell is not None else "")


class TableIndex:
    """The frame's rows keyed by (area, crime type), built once so a look-up is a dictionary access."""

    def __init__(self, frame: pd.DataFrame):
        columns = ("area", "crime_type", "table_title", "row_label", "source_document", "row_start", "row_end",
                   "measure", "period", "value", "printed", "column_label")
        rows: dict[tuple[str, str], Row] = {}
        for (area, crime_type, title, label, document, start, end, measure, period, value, printed,
             column) in zip(*(frame[name].tolist() for name in columns)):
            row = rows.get((area, crime_type))
            if row is None:
                row = rows[(area, crime_type)] = Row(area, crime_type, title, label, document, int(start),
                                                     int(end), {})
            row.cells[(measure, period)] = _Cell(float(value), printed, column)
        self.rows = rows
        self.areas = tuple(dict.fromkeys(area for area, _ in rows))
        self.crime_types = frozenset(crime_type for _, crime_type in rows)

    def row(self, area: str, crime_type: str) -> Row | None:
        return self.rows.get((area, crime_type))

    @property
    def districts(self) -> tuple[str, ...]:
        return tuple(area for area in self.areas if area not in (FORCE, AIRPORT))


class Citations:
    """Numbers the rows an answer cites in the order the text first uses them, and records each figure stated."""

    def __init__(self):
        self.rows: list[RowRef] = []
        self.figures: list[FigureRef] = []
        self._numbers: dict[tuple[str, str], int] = {}

    def cite(self, row: Row, measure: str, period: str) -> int:
        """The citation number of `row`; the cell (measure, period) becomes a figure unless it is missing."""
        cell = row.cells[(measure, period)]
        n = self._numbers.get((row.area, row.crime_type))
        if n is None:
            self.rows.append(row.ref(measure, period))
            n = self._numbers[(row.area, row.crime_type)] = len(self.rows)
        if not math.isnan(cell.value):
            self.figures.append(FigureRef(cell.value, measure, row.area, row.crime_type, period, n))
        return n

    def computed(self, value: float, measure: str, row: Row, period: str) -> None:
        self.figures.append(FigureRef(value, measure, row.area, row.crime_type, period,
                                      self._numbers[(row.area, row.crime_type)]))


def cited_result(text: str, answerable: bool, cite: Citations, query: Query, chart: pd.DataFrame | None = None,
                 rate_shown: bool = False) -> TableResult:
    """The answer `text` with the rows and figures `cite` collected, and the caveats those figures need."""
    return TableResult(text, answerable, tuple(cite.rows), tuple(cite.figures),
                       _caveats(cite.figures, rate_shown), chart, query)


def _caveats(figures: list[FigureRef], rate_shown: bool) -> tuple[str, ...]:
    """A rate above 100% is correct arithmetic but not a rate: outcomes can belong to earlier offences."""
    caveats = []
    if rate_shown or any(f.measure == SOLVED_RATE and f.value > 100 for f in figures):
        caveats.append("A solved rate above one hundred per cent appears here: solved outcomes exceed offences "
                       "because outcomes can relate to crimes recorded in an earlier period, so do not quote it "
                       "as a rate.")
    return tuple(caveats)
