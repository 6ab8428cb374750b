"""Exact answers from the performance tables: one understood `Query` in, sentences with cited rows out.

A wrong number is the worst thing this product can say, so every figure in the text is a printed cell,
formatted the one way `numbers` formats figures, and followed by the marker of the table row it came from.
The only numbers not printed in a cited row are a share or a difference worked out from two cited cells;
those are listed in `figures` under `COMPUTED_MEASURES` so a citation guard can tell them apart.
Counts of districts are written in words so they can never be mistaken for a figure.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from itertools import product

import pandas as pd

from assistant import vocab
from assistant.config import LATEST_PERIOD, PERIOD_2023, PERIOD_2024, PERIOD_CHANGE
from assistant.text.numbers import format_count, format_percent
from assistant.understand.query import CHANGE, DA_SHARE, OFFENCES, PERCENT_CHANGE, SOLVED, SOLVED_RATE, Query, RankSpec

FORCE = "Essex"
AIRPORT = "Stansted Airport"
ALL_CRIME = "All Crime (excl. Action (NFIB) Fraud)"
ASB = "Anti-Social Behaviour (incidents)"
SHARE = "share of parent (%)"
DIFFERENCE = "difference between cited figures"
COMPUTED_MEASURES = (SHARE, DIFFERENCE)
SCOPE = "The tables cover the 16 Essex Police areas for the 12 months to October 2023 and 2024."
EXCLUDED = "Stansted Airport, a policing area rather than a district, and the force total are left out."
BETWEEN = f"between the {PERIOD_2023} and 2024"

_YEARS = (PERIOD_2023, PERIOD_2024)
_PERIODS = {PERIOD_2023, PERIOD_2024, PERIOD_CHANGE}
_COUNTS = (OFFENCES, SOLVED)
_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
          "twelve", "thirteen", "fourteen", "fifteen", "sixteen")
# Row labels that read badly in a sentence once lower-cased; "Theft" must not pass for "Theft Offences".
_NAMES = {
    ALL_CRIME: "all crime", ASB: "anti-social behaviour", "State Based Crime": "state-based crime",
    "Victim Based Crime": "victim-based crime", "Theft": "theft (excluding burglary and vehicle offences)",
    "Criminal Damage inc. Arson": "criminal damage including arson",
    "Vehicle Offences (incl. Interference)": "vehicle offences (including interference)",
    "Hate Crime HO Definition": "hate crime (Home Office definition)",
    "Racial/Religiously Aggravated Offences": "racially or religiously aggravated offences",
    "No Risk Assessment": "domestic abuse with no risk assessment",
    "Burglary Business & Community": "business and community burglary",
    "Burglary Residential": "residential burglary",
    "Burglary Residential - Dwelling": "residential burglary (dwelling)",
    "Burglary Residential - Non Dwelling": "residential burglary (non-dwelling)",
    "Rape - Under 16 yrs": "rape (under 16 yrs)", "Rape - Over 16 yrs": "rape (over 16 yrs)",
}
_UNITS = {ASB: "anti-social behaviour incidents", ALL_CRIME: "offences (all crime, excluding Action Fraud)",
          "Vehicle Offences (incl. Interference)": "vehicle offences (including interference)",
          "State Based Crime": "state-based offences", "Victim Based Crime": "victim-based offences"}
_YES_NO = re.compile(r"^\s*(?:and\s+)?(?:did|has|have|had|was|were|is|are|does|do)\b", re.IGNORECASE)
_UP = re.compile(r"\b(?:ris\w*|rose|increas\w*|up|grow\w*|grew|higher|more|worse)\b", re.IGNORECASE)
_DOWN = re.compile(r"\b(?:f[ae]ll\w*|decreas\w*|drop\w*|down|declin\w*|reduc\w*|lower|fewer|less|better)\b",
                   re.IGNORECASE)


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
class _Row:
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
        rows: dict[tuple[str, str], _Row] = {}
        for (area, crime_type, title, label, document, start, end, measure, period, value, printed,
             column) in zip(*(frame[name].tolist() for name in columns)):
            row = rows.get((area, crime_type))
            if row is None:
                row = rows[(area, crime_type)] = _Row(area, crime_type, title, label, document, int(start),
                                                      int(end), {})
            row.cells[(measure, period)] = _Cell(float(value), printed, column)
        self.rows = rows
        self.areas = tuple(dict.fromkeys(area for area, _ in rows))
        self.crime_types = frozenset(crime_type for _, crime_type in rows)

    def row(self, area: str, crime_type: str) -> _Row | None:
        return self.rows.get((area, crime_type))

    @property
    def districts(self) -> tuple[str, ...]:
        return tuple(area for area in self.areas if area not in (FORCE, AIRPORT))


class _Citations:
    """Numbers the rows an answer cites in the order the text first uses them, and records each figure stated."""

    def __init__(self):
        self.rows: list[RowRef] = []
        self.figures: list[FigureRef] = []
        self._numbers: dict[tuple[str, str], int] = {}

    def cite(self, row: _Row, measure: str, period: str) -> int:
        """The citation number of `row`; the cell (measure, period) becomes a figure unless it is missing."""
        cell = row.cells[(measure, period)]
        n = self._numbers.get((row.area, row.crime_type))
        if n is None:
            self.rows.append(row.ref(measure, period))
            n = self._numbers[(row.area, row.crime_type)] = len(self.rows)
        if not math.isnan(cell.value):
            self.figures.append(FigureRef(cell.value, measure, row.area, row.crime_type, period, n))
        return n

    def computed(self, value: float, measure: str, row: _Row, period: str) -> None:
        self.figures.append(FigureRef(value, measure, row.area, row.crime_type, period,
                                      self._numbers[(row.area, row.crime_type)]))


def answer_table(query: Query, table: TableIndex | pd.DataFrame) -> TableResult | None:
    """Answer a table question exactly, or None when the query names nothing the tables can be asked about."""
    if not (query.has_table_signal or query.rank is not None or query.share_of or query.intent == "rank"):
        return None
    if query.unknown_places or query.out_of_scope or set(query.periods) - _PERIODS:
        return _refusal(query)
    index = table if isinstance(table, TableIndex) else TableIndex(_relevant(table, query))
    resolved, assumed = _resolve(query)
    if any(crime_type not in index.crime_types for crime_type in resolved.crime_types + _share_of(resolved)):
        return None
    if any(area not in index.areas for area in resolved.areas):
        return None
    if resolved.intent == "rank":
        result = _rank(resolved, index)
    elif resolved.intent == "share":
        result = _share(resolved, index)
    elif resolved.intent == "compare":
        result = _compare(resolved, index)
    elif resolved.change:
        result = _change(resolved, index)
    else:
        result = _lookup(resolved, index)
    return _with_assumptions(result, assumed, query.notes)


def _relevant(frame: pd.DataFrame, query: Query) -> pd.DataFrame:
    """Only the crime types the query can touch, so indexing a raw frame per call stays cheap."""
    if query.rank is not None and query.rank.over == "crime types":
        return frame
    wanted = set(query.crime_types) | {ALL_CRIME} | ({query.share_of} if query.share_of else set())
    return frame[frame["crime_type"].isin(wanted)]


def _share_of(query: Query) -> tuple[str, ...]:
    return (query.share_of,) if query.intent == "share" and query.share_of else ()


def _resolve(query: Query) -> tuple[Query, tuple[str, ...]]:
    """Fill the empty slots with defaults and say, in words, which defaults were taken."""
    intent = query.intent
    if query.rank is not None or intent == "rank":
        intent = "rank"
    elif query.share_of and query.crime_types:
        intent = "share"
    elif intent == "compare" or len(query.areas) > 1 or len(query.crime_types) > 1:
        intent = "compare"
    elif intent == "share":
        intent = "lookup"
    years = tuple(period for period in _YEARS if period in query.periods)
    rank = None
    if intent == "rank":
        rank = query.rank or RankSpec()
        if query.change and rank.by == "value":
            rank = replace(rank, by="change")
        change = rank.by != "value"
    else:
        change = query.change or intent == "change" or PERIOD_CHANGE in query.periods or len(years) == 2
    assumed = []
    areas = query.areas
    over_types = rank is not None and rank.over == "crime types"
    if intent == "rank" and not over_types:
        areas = () if set(areas) <= {FORCE} else areas
    elif not areas:
        areas = (FORCE,)
        assumed.append("force-wide figures for Essex, as no area was named")
    crime_types = query.crime_types or (() if over_types else (ALL_CRIME,))
    if not query.crime_types and not over_types:
        assumed.append("all crime, as no crime type was named")
    if change:
        periods = _YEARS
    elif years:
        periods = years
    else:
        periods = (LATEST_PERIOD,)
        assumed.append("the latest period, as none was named")
    resolved = query.with_(areas=areas, crime_types=crime_types, measure=query.measure or OFFENCES,
                           periods=periods, change=change, intent=intent, rank=rank)
    return resolved, tuple(assumed)


def _with_assumptions(result: TableResult, assumed: tuple[str, ...], notes: tuple[str, ...]) -> TableResult:
    said = tuple(assumed) + tuple(note.rstrip(".") for note in notes)
    if not said:
        return result
    return replace(result, text=f"{result.text} Assumed: {'; '.join(said)}.")


def _refusal(query: Query) -> TableResult:
    if query.unknown_places:
        reason = f"The Essex Police performance tables have no figures for {_join(query.unknown_places)}."
    else:
        why = query.out_of_scope or tuple(f"they do not cover the {p}" for p in query.periods if p not in _PERIODS)
        reason = f"The performance tables cannot answer this ({'; '.join(why)})."
    return TableResult(f"{reason} {SCOPE}", answerable=False, context=query)


# ---------------------------------------------------------------- the five kinds of answer


def _lookup(query: Query, index: TableIndex) -> TableResult:
    area, crime_type, measure, period = query.areas[0], query.crime_types[0], query.measure, query.periods[0]
    row = index.row(area, crime_type)
    cite = _Citations()
    if measure == DA_SHARE and period != PERIOD_2024:
        n = cite.cite(row, DA_SHARE, PERIOD_2024)
        text = (f"The tables give the share of offences that were domestic-abuse related only for the "
                f"{PERIOD_2024}, not the {period}; for {_name(crime_type)} {_place(area)} it was "
                f"{_show(row.value(DA_SHARE, PERIOD_2024), DA_SHARE)} [{n}].")
        return _result(text, False, cite, query)
    n = cite.cite(row, measure, period)
    value = row.value(measure, period)
    if math.isnan(value):
        return _result(_missing(row, measure, period, n), False, cite, query)
    return _result(_statement(row, measure, period, n), True, cite, query)


def _statement(row: _Row, measure: str, period: str, n: int) -> str:
    shown, name, place = _show(row.value(measure, period), measure), _name(row.crime_type), _place(row.area)
    when = f"in the {period}"
    if measure == OFFENCES:
        return f"{_capital(place)}, {shown} {_unit(row.crime_type)} were recorded {when} [{n}]."
    if measure == SOLVED:
        return f"{_capital(place)}, {shown} solved outcomes were recorded for {name} {when} [{n}]."
    if measure == SOLVED_RATE:
        return f"The solved rate for {name} {place} was {shown} {when} [{n}]."
    return f"{shown} of {_unit(row.crime_type)} {place} were domestic-abuse related {when} [{n}]."


def _missing(row: _Row, measure: str, period: str, n: int) -> str:
    what = {OFFENCES: "a count of offences", SOLVED: "a count of solved outcomes", SOLVED_RATE: "a solved rate",
            DA_SHARE: "a domestic-abuse share"}.get(measure, "this figure")
    return (f"The table does not give {what} for {_name(row.crime_type)} {_place(row.area)} in the {period}: "
            f"the cell is printed as a dash, so the figure is not available [{n}].")


def _change(query: Query, index: TableIndex) -> TableResult:
    row = index.row(query.areas[0], query.crime_types[0])
    cite = _Citations()
    if query.measure == DA_SHARE:
        result = _lookup(query.with_(periods=(PERIOD_2024,), change=False), index)
        text = f"The tables give the domestic-abuse share for the {PERIOD_2024} only, so there is no change to " \
               f"report. {result.text}"
        return replace(result, text=text, context=query)
    sentence = _change_sentence(row, query.measure, cite)
    if sentence is None:
        n = cite.cite(row, CHANGE[query.measure], PERIOD_CHANGE)
        return _result(_missing(row, CHANGE[query.measure], PERIOD_CHANGE, n), False, cite, query)
    answer = _yes_no(query.text, row.value(CHANGE[query.measure], PERIOD_CHANGE))
    if answer:
        sentence = f"{answer}, {sentence[0].lower()}{sentence[1:]}"
    return _result(sentence, True, cite, query, chart=_years_chart([row], query.measure))


def _change_sentence(row: _Row, measure: str, cite: _Citations) -> str | None:
    """How a row's figure moved between the two years, with the printed differences; None if not printed."""
    diff = row.value(CHANGE[measure], PERIOD_CHANGE)
    before, after = row.value(measure, PERIOD_2023), row.value(measure, PERIOD_2024)
    if math.isnan(diff) or math.isnan(before) or math.isnan(after):
        return None
    n = cite.cite(row, CHANGE[measure], PERIOD_CHANGE)
    for period in _YEARS:
        cite.cite(row, measure, period)
    place = f"{_name(row.crime_type)} {_place(row.area)}"
    if measure == SOLVED_RATE:
        verb = "went up" if diff > 0 else "went down" if diff < 0 else "changed by"
        return (f"The solved rate for {place} {verb} {_points(diff)} percentage points, from "
                f"{_show(before, measure)} to {_show(after, measure)}, {BETWEEN} [{n}].")
    percent = row.value(PERCENT_CHANGE[measure], PERIOD_CHANGE)
    cite.cite(row, PERCENT_CHANGE[measure], PERIOD_CHANGE)
    printed = format_count(diff, signed=True)
    printed += f", {format_percent(percent, signed=True)}" if not math.isnan(percent) else \
        "; no percentage change is printed"
    unit = "incidents" if row.crime_type == ASB else "offences" if measure == OFFENCES else "solved outcomes"
    subject = _capital(place) if measure == OFFENCES else f"Solved outcomes for {place}"
    if diff == 0:
        return f"{subject} stayed at {format_count(after)} {unit} ({printed}) {BETWEEN} [{n}]."
    verb = "rose" if diff > 0 else "fell"
    return (f"{subject} {verb} from {format_count(before)} to {format_count(after)} {unit} ({printed}) "
            f"{BETWEEN} [{n}].")


def _yes_no(text: str, diff: float) -> str:
    """"Did X rise?" is answered Yes or No first; other questions get no such word."""
    if not _YES_NO.match(text or ""):
        return ""
    up, down = bool(_UP.search(text)), bool(_DOWN.search(text))
    if up == down:
        return ""
    return "Yes" if (diff > 0 if up else diff < 0) else "No"


def _compare(query: Query, index: TableIndex) -> TableResult:
    pairs = list(product(query.areas, query.crime_types))
    rows = [index.row(area, crime_type) for area, crime_type in pairs]
    by_area, by_type = len(query.areas) > 1, len(query.crime_types) > 1
    labels = [" ".join(([f"for {_name(row.crime_type)}"] if by_type else []) + ([_place(row.area)] if by_area else []))
              for row in rows]
    short = [" in ".join(([_name(row.crime_type)] if by_type else []) + ([row.area] if by_area else []))
             for row in rows]
    cite = _Citations()
    measure = query.measure
    if query.change and measure != DA_SHARE:
        return _compare_change(query, rows, short, cite)
    period = query.periods[-1] if measure != DA_SHARE else PERIOD_2024
    parts, known = [], []
    for row, label, name in zip(rows, labels, short):
        n = cite.cite(row, measure, period)
        value = row.value(measure, period)
        parts.append(f"{_show(value, measure)} {label} [{n}]" if not math.isnan(value)
                     else f"not available {label} [{n}]")
        if not math.isnan(value):
            known.append((value, name, row))
    common = "" if by_area else f" {_place(rows[0].area)}"
    what = _metric(measure, None if by_type else query.crime_types[0])
    text = f"In the {period}{common}, {what} was {_join(parts)}."
    text += _which_higher(known, measure, cite, period)
    chart = pd.DataFrame({"label": short, "period": period, "value": [row.value(measure, period) for row in rows]})
    return _result(text, bool(known), cite, query, chart=chart)


def _compare_change(query: Query, rows: list[_Row], short: list[str], cite: _Citations) -> TableResult:
    sentences, moves = [], []
    for row in rows:
        sentence = _change_sentence(row, query.measure, cite)
        if sentence is None:
            n = cite.cite(row, CHANGE[query.measure], PERIOD_CHANGE)
            sentence = _missing(row, CHANGE[query.measure], PERIOD_CHANGE, n)
        else:
            moves.append(row.value(CHANGE[query.measure], PERIOD_CHANGE))
        sentences.append(sentence)
    text = " ".join(sentences) + (_which_moved_more(moves, short) if len(moves) == len(rows) else "")
    chart = _years_chart(rows, query.measure, labels=short)
    return _result(text, bool(moves), cite, query, chart=chart)


def _which_moved_more(moves: list[float], names: list[str]) -> str:
    """For two rows, which rose or fell more, by the printed differences (no new number is stated)."""
    if len(moves) != 2 or moves[0] == moves[1]:
        return ""
    if moves[0] > 0 and moves[1] > 0:
        return f" The rise was larger for {names[0] if moves[0] > moves[1] else names[1]}."
    if moves[0] < 0 and moves[1] < 0:
        return f" The fall was larger for {names[0] if moves[0] < moves[1] else names[1]}."
    return ""


def _which_higher(known: list[tuple[float, str, _Row]], measure: str, cite: _Citations, period: str) -> str:
    """One sentence on which figure is higher and by how much, computed from the cited figures."""
    if len(known) < 2:
        return ""
    ordered = sorted(known, key=lambda item: item[0], reverse=True)
    if len(known) > 2:
        return f" The highest is {ordered[0][1]} and the lowest {ordered[-1][1]}."
    (high, high_name, high_row), (low, low_name, _) = ordered
    if high == low:
        return " The two figures are the same."
    if measure in _COUNTS:
        gap = high - low
        cite.computed(gap, DIFFERENCE, high_row, period)
        return f" The figure for {high_name} is higher, by {format_count(gap)}."
    gap = round(high - low, 1)
    cite.computed(gap, DIFFERENCE, high_row, period)
    return f" The figure for {high_name} is higher, by {_points(gap)} percentage points."


def _share(query: Query, index: TableIndex) -> TableResult:
    area, child_type, parent_type = query.areas[0], query.crime_types[0], query.share_of
    measure = SOLVED if query.measure == SOLVED else OFFENCES
    period = query.periods[-1]
    child, parent = index.row(area, child_type), index.row(area, parent_type)
    cite = _Citations()
    c, p = cite.cite(child, measure, period), cite.cite(parent, measure, period)
    part, whole = child.value(measure, period), parent.value(measure, period)
    query = query.with_(measure=measure)
    if math.isnan(part) or math.isnan(whole) or whole == 0:
        text = (f"The share cannot be worked out: the table gives no usable {measure} figure for "
                f"{_name(child_type)} [{c}] or {_name(parent_type)} [{p}] {_place(area)} in the {period}.")
        return _result(text, False, cite, query)
    share = round(part / whole * 100, 1)
    cite.computed(share, SHARE, child, period)
    whole_name = _unit(parent_type) if measure == OFFENCES else f"solved outcomes for {_name(parent_type)}"
    text = (f"{_capital(_name(child_type))} made up {format_percent(share)} of {whole_name} {_place(area)} in the "
            f"{period}: {format_count(part)} [{c}] of {format_count(whole)} [{p}], computed from the two cited "
            f"figures.")
    return _result(text, True, cite, query)


def _rank(query: Query, index: TableIndex) -> TableResult:
    if query.rank.over == "crime types":
        last = query.areas[-1]
        results = [_rank_types(query, area, index, explain=area == last) for area in query.areas]
        if len(results) == 1:
            return results[0]
        return _merged(results, query)
    spec, crime_type, measure = query.rank, query.crime_types[0], query.measure
    key, period = _rank_key(spec, measure, query.periods[-1])
    if key is None:
        text = (f"The tables print no change in the domestic-abuse share (only the {PERIOD_2024} is given), "
                f"so the districts cannot be ranked by it.")
        return TableResult(text, False, context=query)
    named = len(query.areas) > 1
    highest = spec.direction != "lowest"
    areas = query.areas if named else index.districts
    scored = _ranked(areas, index, crime_type, key, period, highest)
    chosen = _top(scored, spec.n)
    when = BETWEEN if spec.by != "value" else f"in the {period}"
    cite = _Citations()
    if not chosen:
        text = f"No district has a printed figure to rank for {_name(crime_type)} {when}."
        return _result(text, False, cite, query)
    listed = []
    for value, area in chosen:
        n = cite.cite(index.row(area, crime_type), key, period)
        listed.append((area, _show(value, key), n))
    pool = f"the {_words(len(scored))} {'named areas' if named else 'districts'}"
    pool += " with a printed figure" if len(scored) < len(areas) else ""
    what = _rank_phrase(spec, measure, crime_type, highest)
    if len(listed) == 1:
        area, shown, n = listed[0]
        text = f"Of {pool}, {area} had the {what} {when}: {shown} [{n}]."
    else:
        items = [f"{area} ({shown}) [{n}]" for area, shown, n in listed]
        top = _words(len(listed)) if len(listed) == spec.n else f"top {_words(spec.n)}, counting ties,"
        text = f"Of {pool}, the {top} with the {what} {when} were {_join(items)}."
    text += _ties(chosen) + _wrong_way(spec, chosen, highest) + ("" if named else f" {EXCLUDED}")
    marked = {area for _, area in chosen}
    chart = pd.DataFrame({"area": [area for _, area in scored], "value": [value for value, _ in scored],
                          "highlight": [area in marked for _, area in scored]})
    over = key == SOLVED_RATE and any(value > 100 for value, _ in scored)
    return _result(text, True, cite, query, chart=chart, rate_shown=over)


def _rank_types(query: Query, area: str, index: TableIndex, explain: bool = True) -> TableResult:
    """"Which crime rose most in Chelmsford?": the crime types of one area's table, ranked."""
    spec, measure = query.rank, query.measure
    key, period = _rank_key(spec, measure, query.periods[-1])
    if key is None:
        text = (f"The tables print no change in the domestic-abuse share (only the {PERIOD_2024} is given), "
                f"so the crime types cannot be ranked by it.")
        return TableResult(text, False, context=query)
    pool, described, why = _type_pool(query.crime_types, index)
    highest = spec.direction != "lowest"
    scored = _ranked_by(pool, lambda crime_type: _value(index, area, crime_type, key, period), highest)
    wanted = min(spec.n, len(scored))  # "rank the crime types" asks for all of them, however many have figures
    chosen = _top(scored, wanted)
    when = BETWEEN if spec.by != "value" else f"in the {period}"
    cite = _Citations()
    if not chosen:
        return _result(f"No crime type has a printed figure to rank {_place(area)} {when}.", False, cite, query)
    listed = [(_name(crime_type), _show(value, key), cite.cite(index.row(area, crime_type), key, period))
              for value, crime_type in chosen]
    what = _type_rank_phrase(spec, measure, highest)
    pool_text = f"{described} {_place(area)}"
    if len(listed) == 1:
        name, shown, n = listed[0]
        text = f"Of {pool_text}, {name} had the {what} {when}: {shown} [{n}]."
    else:
        items = [f"{name} ({shown}) [{n}]" for name, shown, n in listed]
        if len(listed) >= len(_WORDS):  # too many to count in words, and a count in digits could pass for a figure
            text = f"Ranked from the {what} {when}, {pool_text} were {_join(items)}."
        else:
            top = _words(len(listed)) if len(listed) == wanted else f"top {_words(wanted)}, counting ties,"
            text = f"Of {pool_text}, the {top} with the {what} {when} were {_join(items)}."
    named = [(value, _name(crime_type)) for value, crime_type in chosen]
    text += _ties(named) + _wrong_way(spec, chosen, highest, "crime type") + (why if explain else "")
    marked = {crime_type for _, crime_type in chosen}
    chart = pd.DataFrame({"crime_type": [_name(c) for _, c in scored], "value": [value for value, _ in scored],
                          "highlight": [c in marked for _, c in scored]})
    over = key == SOLVED_RATE and any(value > 100 for value, _ in scored)
    return _result(text, True, cite, query, chart=chart, rate_shown=over)


def _type_pool(named: tuple[str, ...], index: TableIndex) -> tuple[tuple[str, ...], str, str]:
    """The rows to rank, how to describe them, and what was left out: the named rows, the children of one
    named row ("which type of theft"), or else the most detailed offence rows."""
    if len(named) > 1:
        return named, f"the {_words(len(named))} named crime types", ""
    if named and vocab.CHILDREN.get(named[0]):
        children = tuple(c for c in vocab.CHILDREN[named[0]] if c in index.crime_types)
        return children, f"the {_words(len(children))} types of {_name(named[0])}", ""
    if named:
        return named, "the one named crime type", ""
    detailed = tuple(crime_type for crime_type in vocab.PARENT if crime_type not in vocab.CHILDREN
                     and ALL_CRIME in vocab.ancestors(crime_type) and crime_type in index.crime_types)
    why = (" Only the most detailed rows of the table were ranked, so totals such as theft offences are left "
           "out, as are anti-social behaviour and the domestic abuse, hate crime and racially aggravated rows, "
           "which count offences already counted elsewhere.")
    return detailed, "the detailed crime types", why


def _type_rank_phrase(spec: RankSpec, measure: str, highest: bool) -> str:
    if spec.by == "value":
        if measure == SOLVED_RATE:
            return f"{'highest' if highest else 'lowest'} solved rate"
        if measure == DA_SHARE:
            return f"{'highest' if highest else 'lowest'} share of offences that were domestic-abuse related"
        return f"{'most' if highest else 'fewest'} {'solved outcomes' if measure == SOLVED else 'offences'}"
    move = "rise" if highest else "fall"
    if measure == SOLVED_RATE:
        return f"largest {move} in the solved rate"
    size = "percentage " if spec.by == "% change" else ""
    return f"largest {size}{move} in {'solved outcomes' if measure == SOLVED else 'offences'}"


def _merged(results: list[TableResult], query: Query) -> TableResult:
    """One answer from several, renumbering each part's [n] markers after the rows already cited."""
    texts, rows, figures, caveats = [], [], [], []
    for result in results:
        offset = len(rows)
        texts.append(re.sub(r"\[(\d+)\]", lambda m: f"[{int(m.group(1)) + offset}]", result.text))
        rows += result.rows
        figures += [replace(figure, row=figure.row + offset) for figure in result.figures]
        caveats += [c for c in result.caveats if c not in caveats]
    return TableResult(" ".join(texts), any(r.answerable for r in results), tuple(rows), tuple(figures),
                       tuple(caveats), results[0].chart, query)


def _value(index: TableIndex, area: str, crime_type: str, measure: str, period: str) -> float:
    row = index.row(area, crime_type)
    return math.nan if row is None else row.value(measure, period)


def _ranked_by(items: tuple[str, ...], value, highest: bool) -> list[tuple[float, str]]:
    """(value, item) best first, items without a printed figure left out; ties keep the tables' order."""
    scored = [(value(item), item) for item in items]
    scored = [(v, item) for v, item in scored if not math.isnan(v)]
    return sorted(scored, key=lambda pair: (-pair[0] if highest else pair[0], items.index(pair[1])))


def _ranked(areas: tuple[str, ...], index: TableIndex, crime_type: str, key: str, period: str,
            highest: bool) -> list[tuple[float, str]]:
    return _ranked_by(areas, lambda area: _value(index, area, crime_type, key, period), highest)


def _top(scored: list[tuple[float, str]], n: int) -> list[tuple[float, str]]:
    """The first n, extended by any area tied with the last one, so a tie is never cut in half."""
    chosen = scored[: max(n, 1)]
    while chosen and len(chosen) < len(scored) and scored[len(chosen)][0] == chosen[-1][0]:
        chosen.append(scored[len(chosen)])
    return chosen


def _rank_key(spec: RankSpec, measure: str, period: str) -> tuple[str | None, str]:
    """The measure and period whose printed cells are sorted: the year's value or a printed difference."""
    if spec.by == "value":
        return measure, period
    if measure == DA_SHARE:
        return None, PERIOD_CHANGE
    if spec.by == "% change":
        return PERCENT_CHANGE.get(measure, CHANGE[measure]), PERIOD_CHANGE
    return CHANGE[measure], PERIOD_CHANGE


def _rank_phrase(spec: RankSpec, measure: str, crime_type: str, highest: bool) -> str:
    if spec.by == "value":
        if measure == OFFENCES:
            return f"{'most' if highest else 'fewest'} {_unit(crime_type)}"
        if measure == SOLVED:
            return f"{'most' if highest else 'fewest'} solved outcomes for {_name(crime_type)}"
        if measure == SOLVED_RATE:
            return f"{'highest' if highest else 'lowest'} solved rate for {_name(crime_type)}"
        return f"{'highest' if highest else 'lowest'} share of {_unit(crime_type)} that were domestic-abuse related"
    size = "percentage " if spec.by == "% change" and measure != SOLVED_RATE else ""
    move = "rise" if highest else "fall"
    if measure == SOLVED_RATE:
        return f"largest {move} in the solved rate for {_name(crime_type)}"
    subject = _unit(crime_type) if measure == OFFENCES else f"solved outcomes for {_name(crime_type)}"
    return f"largest {size}{move} in {subject}"


def _ties(chosen: list[tuple[float, str]]) -> str:
    groups: dict[float, list[str]] = {}
    for value, area in chosen:
        groups.setdefault(value, []).append(area)
    tied = [_join(areas) for areas in groups.values() if len(areas) > 1]
    return "".join(f" {names} are tied." for names in tied)


def _wrong_way(spec: RankSpec, chosen: list[tuple[float, str]], highest: bool, noun: str = "district") -> str:
    """Ranked by change, the "largest rise" may still be a fall when every district fell: say so."""
    if spec.by == "value" or not chosen:
        return ""
    if highest and chosen[0][0] <= 0:
        return f" No {noun} recorded a rise, so these are the smallest falls or no change."
    if not highest and chosen[0][0] >= 0:
        return f" No {noun} recorded a fall, so these are the smallest rises or no change."
    return ""


# ---------------------------------------------------------------- shared pieces


def _result(text: str, answerable: bool, cite: _Citations, query: Query, chart: pd.DataFrame | None = None,
            rate_shown: bool = False) -> TableResult:
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


def _years_chart(rows: list[_Row], measure: str, labels: list[str] | None = None) -> pd.DataFrame:
    labels = labels or [row.area for row in rows]
    return pd.DataFrame([{"label": label, "period": period, "value": row.value(measure, period)}
                         for row, label in zip(rows, labels) for period in _YEARS])


def _metric(measure: str, crime_type: str | None) -> str:
    """"the number of shoplifting offences" when one crime type is compared across areas, else the bare measure."""
    about = f" for {_name(crime_type)}" if crime_type else ""
    if measure == OFFENCES:
        return f"the number of {_unit(crime_type)}" if crime_type else "the number of offences"
    if measure == SOLVED:
        return f"the number of solved outcomes{about}"
    if measure == SOLVED_RATE:
        return f"the solved rate{about}"
    return f"the share of offences{about} that were domestic-abuse related"


def _show(value: float, measure: str) -> str:
    if measure in _COUNTS:
        return format_count(value)
    if measure in (CHANGE[OFFENCES], CHANGE[SOLVED]):
        return format_count(value, signed=True)
    if measure in PERCENT_CHANGE.values():
        return format_percent(value, signed=True)
    if measure == CHANGE[SOLVED_RATE]:
        return f"{'+' if value > 0 else '-' if value < 0 else ''}{_points(value)} points"
    return format_percent(value)


def _points(value: float) -> str:
    """A difference in percentage points, unsigned, with the tables' one decimal."""
    return f"{abs(value):.1f}"


def _name(crime_type: str) -> str:
    return _NAMES.get(crime_type, crime_type.lower())


def _unit(crime_type: str) -> str:
    """What a count of this row counts: "shoplifting offences", "sexual offences", "anti-social behaviour incidents"."""
    if crime_type in _UNITS:
        return _UNITS[crime_type]
    name = _name(crime_type)
    return name if name.endswith("offences") else f"{name} offences" if "(" not in name else f"offences of {name}"


def _place(area: str) -> str:
    if area == FORCE:
        return "across Essex (force-wide)"
    return f"at {area}" if area == AIRPORT else f"in {area}"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _join(items: list[str] | tuple[str, ...]) -> str:
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _words(n: int) -> str:
    return _WORDS[n] if n < len(_WORDS) else str(n)
