"""The four answers about given rows: a look-up, a change between the years, a comparison, and a share.

Each names its rows up front (the areas and crime types of the resolved query), so each is a few dictionary
accesses, the cited cells, and sentences around them. The only numbers stated that no cited cell prints are
the gap between two compared figures and a share, both recorded as computed figures (`COMPUTED_MEASURES`).
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from itertools import product
from typing import TYPE_CHECKING

from assistant.text.numbers import format_count, format_percent
from assistant.understand.query import CHANGE, DA_SHARE, OFFENCES, PER_HEAD, PERCENT_CHANGE, SOLVED, SOLVED_RATE, Query
from assistant.vocab.load import directions

if TYPE_CHECKING:  # imported where a chart's frame is made: importing the tables' code needs no pandas
    import pandas as pd

from .index import DIFFERENCE, SHARE, TOTAL_OF, Citations, EditionTable, Row, TableResult, cited_result, printed_as
from .wording import (COUNTS, capital, crime_name, crime_unit, is_incidents, join_and, measure_words, metric,
                      per_head_unit, place_phrase, points, show)

_PERCENT = re.compile(r"%|\bper\s*cent|\bpercent", re.IGNORECASE)
_YES_NO = re.compile(r"^\s*(?:and\s+)?(?:did|has|have|had|was|were|is|are|does|do)\b", re.IGNORECASE)
# The words of change are data (vocab/data/directions.toml), shared with ranking and claims. "Better" and
# "worse" are left out: which way they point depends on the measure, which a yes/no lead does not know.
_WORDS = directions()
_UP = re.compile(_WORDS.pattern("rise", "up", "more"), re.IGNORECASE)
_DOWN = re.compile(_WORDS.pattern("fall", "down", "less"), re.IGNORECASE)


def answer_lookup(query: Query, index: EditionTable) -> TableResult:
    area, crime_type, measure, period = query.areas[0], query.crime_types[0], query.measure, query.periods[0]
    row = index.row(area, crime_type)
    cite = Citations()
    if measure == DA_SHARE and period != index.years[1]:
        n = cite.cite(row, DA_SHARE, index.years[1])
        text = (f"The tables give the share of offences that were domestic-abuse related only for the "
                f"{index.years[1]}, not the {period}; for {crime_name(crime_type)} {place_phrase(area)} it was "
                f"{show(row.value(DA_SHARE, index.years[1]), DA_SHARE)} [{n}].")
        return cited_result(text, False, cite, query)
    n = cite.cite(row, measure, period)
    value = row.value(measure, period)
    if math.isnan(value):
        return cited_result(_missing(row, measure, period, n), False, cite, query)
    return cited_result(_statement(row, measure, period, n), True, cite, query)


def _statement(row: Row, measure: str, period: str, n: int) -> str:
    shown, name, place = show(row.value(measure, period), measure), crime_name(row.crime_type), place_phrase(row.area)
    when = f"in the {period}"
    if measure == OFFENCES:
        return f"{capital(place)}, {shown} {crime_unit(row.crime_type)} were recorded {when} [{n}]."
    if measure == SOLVED:
        return f"{capital(place)}, {shown} solved outcomes were recorded for {name} {when} [{n}]."
    if measure == SOLVED_RATE:
        return f"The solved rate for {name} {place} was {shown} {when} [{n}]."
    if measure == PER_HEAD:  # printed as such: a count over a population is never worked out here
        unit = per_head_unit(row.cells[(measure, period)].column_label)
        return f"{capital(place)}, the rate of {name} was {shown} {unit} {when}, as the summary prints it [{n}]."
    return f"{shown} of {crime_unit(row.crime_type)} {place} were domestic-abuse related {when} [{n}]."


def _missing(row: Row, measure: str, period: str, n: int) -> str:
    """Why a cited row gives no figure: its cell is a dash, or the summary prints no such cell for the row."""
    why = "the cell is printed as a dash, so the figure is not available" if row.prints(measure, period) else \
        "the summary prints no such figure for that row"
    return (f"The table does not give {measure_words(measure)} for {crime_name(row.crime_type)} "
            f"{place_phrase(row.area)} in the {period}: {why} [{n}].")


def answer_change(query: Query, index: EditionTable) -> TableResult:
    row = index.row(query.areas[0], query.crime_types[0])
    cite = Citations()
    if query.measure == DA_SHARE:
        result = answer_lookup(query.with_(periods=(index.years[1],), change=False), index)
        text = f"The tables give the domestic-abuse share for the {index.years[1]} only, so there is no change to " \
               f"report. {result.text}"
        return replace(result, text=text, context=query)
    sentence = change_sentence(row, query.measure, cite, percent_first=bool(_PERCENT.search(query.text or "")))
    if sentence is None:
        n = cite.cite(row, CHANGE[query.measure], index.change_period)
        return cited_result(_missing(row, CHANGE[query.measure], index.change_period, n), False, cite, query)
    answer = _yes_no(query.text, row.value(CHANGE[query.measure], index.change_period))
    if answer:
        sentence = f"{answer}, {sentence[0].lower()}{sentence[1:]}"
    return cited_result(sentence, True, cite, query, chart=_years_chart([row], query.measure))


def change_sentence(row: Row, measure: str, cite: Citations, percent_first: bool = False) -> str | None:
    """How a row's figure moved between the two years, with the printed differences; None if not printed.
    The citation points at the cell the question asked about: the percentage change when it asked for one."""
    diff = row.value(CHANGE[measure], row.change_period)
    before, after = row.value(measure, row.years[0]), row.value(measure, row.years[1])
    if math.isnan(diff) or math.isnan(before) or math.isnan(after):
        return None
    percent_cited = percent_first and measure != SOLVED_RATE
    if percent_cited:
        cite.cite(row, PERCENT_CHANGE[measure], row.change_period)
    n = cite.cite(row, CHANGE[measure], row.change_period)
    for period in row.years:
        cite.cite(row, measure, period)
    place = f"{crime_name(row.crime_type)} {place_phrase(row.area)}"
    if measure == SOLVED_RATE:
        verb = "went up" if diff > 0 else "went down" if diff < 0 else "changed by"
        return (f"The solved rate for {place} {verb} {points(diff)} percentage points, from "
                f"{show(before, measure)} to {show(after, measure)}, {row.between} [{n}].")
    percent = row.value(PERCENT_CHANGE[measure], row.change_period)
    if not percent_cited:
        cite.cite(row, PERCENT_CHANGE[measure], row.change_period)
    printed = format_count(diff, signed=True)
    printed += f", {format_percent(percent, signed=True)}" if not math.isnan(percent) else \
        "; no percentage change is printed"
    unit = "incidents" if is_incidents(row.crime_type) else "offences" if measure == OFFENCES else "solved outcomes"
    subject = capital(place) if measure == OFFENCES else f"Solved outcomes for {place}"
    if diff == 0:
        return f"{subject} stayed at {format_count(after)} {unit} ({printed}) {row.between} [{n}]."
    verb = "rose" if diff > 0 else "fell"
    return (f"{subject} {verb} from {format_count(before)} to {format_count(after)} {unit} ({printed}) "
            f"{row.between} [{n}].")


def _yes_no(text: str, diff: float) -> str:
    """"Did X rise?" is answered Yes or No first; other questions get no such word."""
    if not _YES_NO.match(text or ""):
        return ""
    up, down = bool(_UP.search(text)), bool(_DOWN.search(text))
    if up == down:
        return ""
    return "Yes" if (diff > 0 if up else diff < 0) else "No"


def answer_compare(query: Query, index: EditionTable) -> TableResult:
    pairs = list(product(query.areas, query.crime_types))
    rows = [index.row(area, crime_type) for area, crime_type in pairs]
    by_area, by_type = len(query.areas) > 1, len(query.crime_types) > 1
    labels = [" ".join(([f"for {crime_name(row.crime_type)}"] if by_type else [])
                       + ([place_phrase(row.area)] if by_area else []))
              for row in rows]
    short = [" in ".join(([crime_name(row.crime_type)] if by_type else []) + ([row.area] if by_area else []))
             for row in rows]
    cite = Citations()
    measure = query.measure
    if query.change and measure != DA_SHARE:
        return _compare_change(query, rows, short, cite)
    period = query.periods[-1] if measure != DA_SHARE else index.years[1]
    parts, known = [], []
    for row, label, name in zip(rows, labels, short):
        n = cite.cite(row, measure, period)
        value = row.value(measure, period)
        parts.append(f"{show(value, measure)} {label} [{n}]" if not math.isnan(value)
                     else f"not available {label} [{n}]")
        if not math.isnan(value):
            known.append((value, name, row))
    common = "" if by_area else f" {place_phrase(rows[0].area)}"
    what = metric(measure, None if by_type else query.crime_types[0])
    text = f"In the {period}{common}, {what} was {join_and(parts)}."
    text += _which_higher(known, measure, cite, period)
    if query.extra.get("combined") and measure in COUNTS and len(known) == len(rows) > 1:
        total = sum(value for value, _, _ in known)
        cite.computed(total, TOTAL_OF, known[0][2], period)
        text += f" Together they total {format_count(total)}, the sum of the cited figures."
    chart = chart_frame([chart_bar(row, measure, period, label=name, period=period)
                         for row, name in zip(rows, short)])
    return cited_result(text, bool(known), cite, query, chart=chart)


def _compare_change(query: Query, rows: list[Row], short: list[str], cite: Citations) -> TableResult:
    sentences, moves = [], []
    for row in rows:
        sentence = change_sentence(row, query.measure, cite)
        if sentence is None:
            n = cite.cite(row, CHANGE[query.measure], row.change_period)
            sentence = _missing(row, CHANGE[query.measure], row.change_period, n)
        else:
            moves.append(row.value(CHANGE[query.measure], row.change_period))
        sentences.append(sentence)
    text = " ".join(sentences) + (_which_moved_more(moves, short) if len(moves) == len(rows) else "")
    chart = _years_chart(rows, query.measure, labels=short)
    return cited_result(text, bool(moves), cite, query, chart=chart)


def _which_moved_more(moves: list[float], names: list[str]) -> str:
    """For two rows, which rose or fell more, by the printed differences (no new number is stated)."""
    if len(moves) != 2 or moves[0] == moves[1]:
        return ""
    if moves[0] > 0 and moves[1] > 0:
        return f" The rise was larger for {names[0] if moves[0] > moves[1] else names[1]}."
    if moves[0] < 0 and moves[1] < 0:
        return f" The fall was larger for {names[0] if moves[0] < moves[1] else names[1]}."
    return ""


def _which_higher(known: list[tuple[float, str, Row]], measure: str, cite: Citations, period: str) -> str:
    """One sentence on which figure is higher and by how much, computed from the cited figures."""
    if len(known) < 2:
        return ""
    ordered = sorted(known, key=lambda item: item[0], reverse=True)
    if len(known) > 2:
        return f" The highest is {ordered[0][1]} and the lowest {ordered[-1][1]}."
    (high, high_name, high_row), (low, low_name, _) = ordered
    if high == low:
        return " The two figures are the same."
    if measure in COUNTS:
        gap = high - low
        cite.computed(gap, DIFFERENCE, high_row, period)
        return f" The figure for {high_name} is higher, by {format_count(gap)}."
    gap = round(high - low, 1)
    cite.computed(gap, DIFFERENCE, high_row, period)
    return f" The figure for {high_name} is higher, by {points(gap)} percentage points."


def answer_share(query: Query, index: EditionTable) -> TableResult:
    area, child_type, parent_type = query.areas[0], query.crime_types[0], query.share_of
    measure = SOLVED if query.measure == SOLVED else OFFENCES
    period = query.periods[-1]
    child, parent = index.row(area, child_type), index.row(area, parent_type)
    cite = Citations()
    c, p = cite.cite(child, measure, period), cite.cite(parent, measure, period)
    part, whole = child.value(measure, period), parent.value(measure, period)
    query = query.with_(measure=measure)
    if math.isnan(part) or math.isnan(whole) or whole == 0:
        text = (f"The share cannot be worked out: the table gives no usable {measure} figure for "
                f"{crime_name(child_type)} [{c}] or {crime_name(parent_type)} [{p}] {place_phrase(area)} "
                f"in the {period}.")
        return cited_result(text, False, cite, query)
    share = round(part / whole * 100, 1)
    cite.computed(share, SHARE, child, period)
    whole_name = crime_unit(parent_type) if measure == OFFENCES else f"solved outcomes for {crime_name(parent_type)}"
    text = (f"{capital(crime_name(child_type))} made up {format_percent(share)} of {whole_name} "
            f"{place_phrase(area)} in the "
            f"{period}: {format_count(part)} [{c}] of {format_count(whole)} [{p}], computed from the two cited "
            f"figures.")
    return cited_result(text, True, cite, query)


def _years_chart(rows: list[Row], measure: str, labels: list[str] | None = None) -> pd.DataFrame:
    labels = labels or [row.area for row in rows]
    return chart_frame([chart_bar(row, measure, period, label=label, period=period)
                        for row, label in zip(rows, labels) for period in row.years])


# The printed cell behind each bar of a chart: a chart draws more numbers than its sentence names, and every
# number drawn must be checkable, so each bar carries its document, table, row and column as printed.
CHART_CELL = ("printed", "document", "table", "row", "column", "edition", "start", "end")


def chart_bar(row: Row, measure: str, cell_period: str, **labels) -> dict:
    """One bar: its labels (area, crime type or label, period), its value, and the cell it was read from."""
    cell = row.cells.get((measure, cell_period))
    value, printed, column = (cell.value, cell.printed, cell.column_label) if cell else (math.nan, "", "")
    return {**labels, "value": value, "printed": printed, "document": row.source_document,
            "table": row.table_title, "row": row.row_label, "column": column, "edition": row.edition,
            "start": row.row_start, "end": row.row_end}


def chart_frame(bars: list[dict]) -> pd.DataFrame:
    """The bars with a printed figure (a dash draws nothing, so it is not a bar), in the order given: what is
    drawn first (label, value, highlight, then period), then the cell each bar was read from."""
    import pandas as pd

    drawn = [key for key in (bars[0] if bars else {"value": 0}) if key not in CHART_CELL and key != "period"]
    drawn += ["period"] if bars and "period" in bars[0] else []
    return pd.DataFrame([bar for bar in bars if not math.isnan(bar["value"])], columns=[*drawn, *CHART_CELL])


def answer_across_editions(query: Query, tables) -> TableResult:
    """One area and crime type asked for periods that no single summary prints together ("in the 12 months
    to January 2025 compared with the 12 months to October 2024"): each figure from the newest summary that
    prints its period, each cited, and no change worked out between two summaries."""
    area, crime_type, measure = query.areas[0], query.crime_types[0], query.measure
    cite = Citations()
    parts, sources = [], []
    for period in query.periods:
        table = tables.for_periods((period,), (area,))
        # each summary in its own words: "All crime" in one is "Total recorded crime" in another
        row = table.row(area, printed_as(crime_type, table, tables.catalogue)) if table is not None else None
        if row is None or (measure, period) not in row.cells:
            continue
        n = cite.cite(row, measure, period)
        value = row.value(measure, period)
        parts.append(f"{show(value, measure)} in the {period} [{n}]" if not math.isnan(value)
                     else f"no figure for the {period} (the cell is printed as a dash) [{n}]")
        sources.append(table.edition.id)
    if len(parts) < 2:
        return cited_result("The summaries indexed do not print all of those periods for "
                            f"{crime_name(crime_type)} {place_phrase(area)}.", False, cite, query)
    text = (f"For {crime_name(crime_type)} {place_phrase(area)}, {metric(measure, None)} was {join_and(parts)}. "
            f"The figures come from different summaries ({join_and(list(dict.fromkeys(sources)))}), so no change "
            f"between them is worked out here.")
    return cited_result(text, True, cite, query)
