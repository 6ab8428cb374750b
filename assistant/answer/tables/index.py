"""The performance tables as records, and the one way a table answer numbers its citations.

Every figure a table answer states must point at the printed row it came from, so the rows, the cited-row
and stated-figure records, and the numbering (`Citations`) live together here: the answer kinds in `facts`
and `rank` only ever cite through `Citations`, and turn what they cited into a `TableResult` with
`cited_result`. The claim checker cites rows the same way, through `Row.ref`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from assistant import vocab
from assistant.text.normalise import label_words
from assistant.ingest.catalogue import DISTRICT, FORCE, INCIDENTS, TOTAL, Catalogue, Edition, build_catalogue, precedence
from assistant.understand.query import OFFENCES, SOLVED_RATE, Query

from .wording import capital, join_and

if TYPE_CHECKING:  # the frame is handed in (read by store.load.Frames): importing this module needs no pandas
    import pandas as pd

from assistant.answer.computed import COMPUTED_MEASURES, DIFFERENCE, SHARE, TOTAL_OF  # noqa: F401 (re-exported)



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
    edition: str = ""
    position: int = 0  # the cited cell's place among the row's printed cells (1 = first after the label)


@dataclass(frozen=True)
class FigureRef:
    """One number the text states; `row` is the 1-based position of its row in `TableResult.rows`."""

    value: float
    measure: str
    area: str
    crime_type: str
    period: str
    row: int
    edition: str = ""


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
    withheld: tuple[str, ...] = ()  # why a drafted answer was not shown (for evaluators, never the user's text)
    condition_met: tuple[int, int] | None = None  # a condition's answer: (rows meeting it, rows with a figure)


@dataclass(frozen=True)
class _Cell:
    value: float
    printed: str
    column_label: str
    position: int = 0  # the cell's place among its printed line's cells (the frame's `position`)
    row_start: int = -1  # the printed line holding the cell: a workbook with a sheet per measure prints one
    row_end: int = -1  # area's row for a crime type on several lines


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
    years: tuple[str, str] = ()  # the two periods its edition prints, earlier first
    change_period: str = ""  # the period its printed differences cover
    edition: str = ""

    @property
    def key(self) -> tuple[str, int, str, str]:
        """The printed line this row is, and whose figures it holds there: one citation number per line and row,
        whichever edition it belongs to. A line laid out across ("Positive outcome rate Apr-Dec 2026 (%)" with
        one cell per area) holds several areas' figures, and each is cited to its own area's cell."""
        return self.source_document, self.row_start, self.area, self.crime_type

    @property
    def between(self) -> str:
        """"between the 12 months to October 2023 and October 2024": the two periods of this row's edition."""
        return between(self.years)

    def value(self, measure: str, period: str) -> float:
        cell = self.cells.get((measure, period))
        return math.nan if cell is None else cell.value

    def prints(self, measure: str, period: str) -> bool:
        """Whether the row has a cell for (measure, period) at all, a dash included: a summary may print some
        measures only for some rows or one of its periods, and a cell it never printed is no dash."""
        return (measure, period) in self.cells

    def ref(self, measure: str, period: str) -> RowRef:
        """This row as a citation, pointing at the column of its (measure, period) cell."""
        cell = self.cells.get((measure, period))
        if cell is None:
            return RowRef(self.area, self.crime_type, self.table_title, self.row_label, self.source_document,
                          self.row_start, self.row_end, "", self.edition, 0)
        return RowRef(self.area, self.crime_type, self.table_title, self.row_label, self.source_document,
                      cell.row_start, cell.row_end, cell.column_label, self.edition, cell.position)


class EditionTable:
    """One edition's rows keyed by (area, crime type): every answer and ranking is worked out within one."""

    def __init__(self, edition: Edition, rows: dict[tuple[str, str], Row], catalogue: Catalogue):
        self.edition = edition
        self.rows = rows
        self.years = edition.periods
        self.change_period = edition.change_period
        self.between = between(self.years)
        self.areas = tuple(dict.fromkeys(area for area, _ in rows))
        self.crime_types = frozenset(crime_type for _, crime_type in rows)
        self.total = catalogue.total_row(edition)  # this summary's own all-crime row
        kinds = {area.name: area.kind for area in catalogue.areas}
        districts = tuple(area for area in self.areas if kinds.get(area, DISTRICT) == DISTRICT)
        totals = _sums_of_the_rest(districts, rows)
        self.districts = tuple(area for area in districts if area not in totals)
        self.force = next((area for area in self.areas if kinds.get(area) == FORCE), edition.force)
        others = [area for area in self.areas if kinds.get(area, DISTRICT) not in (DISTRICT, FORCE)]
        left_out = [f"{join_and(others)}, {'a policing area' if len(others) == 1 else 'policing areas'} rather "
                    "than a district"] if others else []
        left_out += [f"{join_and(totals)}, the total of the other areas"] if totals else []
        self.excluded = f"{capital('; '.join(left_out))}; and the force total are left out." if len(left_out) > 1 \
            else f"{left_out[0]}, and the force total are left out." if left_out else "The force total is left out."

    def row(self, area: str, crime_type: str) -> Row | None:
        return self.rows.get((area, crime_type))


def _sums_of_the_rest(districts: tuple[str, ...], rows: dict[tuple[str, str], Row]) -> list[str]:
    """The areas printed beside the districts whose every offence count is the sum of the others' (a summary of
    five neighbourhood areas may print their district's total as a sixth row): a total, not a peer to rank.
    Learned by arithmetic over every crime type and period the areas all print, never from a name."""
    if len(districts) < 3:
        return []
    cells: dict[tuple[str, str], dict[str, float]] = {}
    for (area, crime_type), row in rows.items():
        if area in districts:
            for (measure, period), cell in row.cells.items():
                if measure == OFFENCES and not math.isnan(cell.value):
                    cells.setdefault((crime_type, period), {})[area] = cell.value
    totals = []
    for area in districts:
        checked = [(held[area], sum(v for other, v in held.items() if other != area))
                   for held in cells.values() if len(held) == len(districts)]
        if checked and all(abs(value - rest) < 0.5 for value, rest in checked):
            totals.append(area)
    return totals if len(totals) == 1 else []  # two "totals" would be a coincidence of tiny tables


class TableIndex:
    """The frame's rows by edition, built once so a look-up is a dictionary access.

    Several editions (quarterly summaries, or other forces' summaries) live side by side; `latest` is the
    newest, and `for_periods` the newest that prints given periods, official summaries always before tables
    in uploaded documents (`precedence`). `row` and the other attributes read the
    latest edition that holds an area, for callers that ask of "the tables" as a whole.
    """

    def __init__(self, frame: pd.DataFrame, catalogue: Catalogue | None = None):
        if catalogue is None:  # a bare frame (tests, one-off scripts): learn it here, kinds from the vocabulary
            catalogue = build_catalogue(frame, {}, vocab.load().area_kinds)
        self.catalogue = catalogue
        columns = ("edition", "area", "crime_type", "table_title", "row_label", "source_document", "row_start",
                   "row_end", "measure", "period", "value", "printed", "column_label", "position")
        by_edition: dict[str, dict[tuple[str, str], Row]] = {}
        editions = {edition.id: edition for edition in self.catalogue.editions}
        for (edition, area, crime_type, title, label, document, start, end, measure, period, value, printed,
             column, position) in zip(*(frame[name].tolist() for name in columns)):
            rows = by_edition.setdefault(edition, {})
            row = rows.get((area, crime_type))
            if row is None:
                held = editions[edition]
                row = rows[(area, crime_type)] = Row(area, crime_type, title, label, document, int(start),
                                                     int(end), {}, held.periods, held.change_period, edition)
            row.cells[(measure, period)] = _Cell(float(value), printed, column, int(position), int(start), int(end))
        newest_first = sorted(self.catalogue.editions, key=precedence, reverse=True)
        self.editions = tuple(EditionTable(e, by_edition.get(e.id, {}), self.catalogue) for e in newest_first)
        self.areas = tuple(dict.fromkeys(area for table in self.editions for area in table.areas))
        self.crime_types = frozenset(c for table in self.editions for c in table.crime_types)

    def latest(self, areas: tuple[str, ...] = ()) -> EditionTable | None:
        """The newest edition that prints every area named (any edition when none is named)."""
        return next((table for table in self.editions if all(area in table.areas for area in areas)), None)

    def for_periods(self, periods: tuple[str, ...], areas: tuple[str, ...] = ()) -> EditionTable | None:
        """The newest edition printing every period named (a later edition's figure is the revised one)."""
        for table in self.editions:
            printed = set(table.years) | {table.change_period}
            if set(periods) <= printed and all(area in table.areas for area in areas):
                return table
        return None

    def periods(self) -> set[str]:
        return {period for table in self.editions for period in (*table.years, table.change_period)}

    def row(self, area: str, crime_type: str) -> Row | None:
        table = self.latest((area,))
        return table.row(area, crime_type) if table is not None else None

    @property
    def districts(self) -> tuple[str, ...]:
        table = self.latest()
        return table.districts if table is not None else ()

    @property
    def years(self) -> tuple[str, ...]:
        table = self.latest()
        return table.years if table is not None else ()


def between(years: tuple[str, str]) -> str:
    """"between the 12 months to October 2023 and October 2024", from an edition's two periods: each named with
    its month, so a reader checking a figure against a newer edition (to January) sees which one answered."""
    return f"between the {years[0]} and {years[1].split(' to ', 1)[-1]}"


def printed_as(label: str, table: EditionTable, catalogue: Catalogue) -> str:
    """The label `table` prints for the row another summary calls `label`: the label itself when printed, else
    the same words whatever their order and plurals ("Theft of Pedal Cycle" / "Theft of Pedal Cycles",
    "Burglary Residential" / "Residential Burglary"), or its own all-crime row for another summary's; the
    label unchanged when there is no such twin (the caller then finds no row and says so)."""
    if label in table.crime_types:
        return label
    words = frozenset(label_words(label))
    same = [other for other in table.crime_types if frozenset(label_words(other)) == words]
    if len(same) == 1:
        return same[0]
    known = catalogue.crime_type(label)
    if known is not None and known.role == TOTAL:
        return catalogue.total_row(table.edition) or label
    if known is not None and known.role == INCIDENTS:  # "ASB incidents" in one summary, spelled out in another
        own = [other for other in table.crime_types if (mine := catalogue.crime_type(other)) and mine.role == INCIDENTS]
        return own[0] if len(own) == 1 else label
    return label


class Citations:
    """Numbers the rows an answer cites in the order the text first uses them, and records each figure stated."""

    def __init__(self):
        self.rows: list[RowRef] = []
        self.figures: list[FigureRef] = []
        self._numbers: dict[tuple[str, int], int] = {}

    def cite(self, row: Row, measure: str, period: str) -> int:
        """The citation number of `row`; the cell (measure, period) becomes a figure unless it is printed as a
        dash or not printed at all (a summary may print some measures for only some rows or periods)."""
        cell = row.cells.get((measure, period))
        n = self._numbers.get(row.key)
        if n is None:
            self.rows.append(row.ref(measure, period))
            n = self._numbers[row.key] = len(self.rows)
        if cell is not None and not math.isnan(cell.value):
            self.figures.append(FigureRef(cell.value, measure, row.area, row.crime_type, period, n, row.edition))
        return n

    def computed(self, value: float, measure: str, row: Row, period: str) -> None:
        self.figures.append(FigureRef(value, measure, row.area, row.crime_type, period, self._numbers[row.key],
                                      row.edition))


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
