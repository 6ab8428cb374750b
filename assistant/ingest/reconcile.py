"""The build's arithmetic check of every performance table read: the figures one row prints must agree with each
other before any of them answers a question.

A row that prints offences, solved outcomes and a solved rate for a period says rate = outcomes / offences; one
that prints two periods and a change says change = later - earlier and % change = change / earlier. Each figure is
checked within the rounding its printed decimals allow (a percentage give or take a point: a slip in its last
digit is the source's own, reported cell by cell by `checks`). A row that disagrees further means a column was read
as another measure or period (a header misread, a layout not understood, a figure misprinted), and every figure of
that area's table in that document is then left out of the frame and reported: its text stays searchable, and "not
found" is better than a wrong number. Nothing here knows one force's tables: only the measures of the frame.
"""

from __future__ import annotations

import math
import re

from assistant.ingest.grids import parse_number
from assistant.ingest.measures import CHANGE, OFFENCES, PERCENT_CHANGE, SOLVED, SOLVED_RATE

_COMPARED = " compared with the "
# A percentage within a point of its recomputation is the source's own slip in a last digit (`checks` reports the
# cell and answers say so), not a column misread: a misread puts a figure of another measure or period there.
_SLIP = 1.0


def without_inconsistent_tables(records: list[tuple], columns: tuple[str, ...]) -> tuple[list[tuple],
                                                                                          list[tuple[str, str]]]:
    """The records of every table whose rows add up, and a note on each table that does not (see the module)."""
    at = {name: columns.index(name) for name in ("edition", "area", "crime_type", "measure", "period", "value",
                                                 "printed", "source_document", "row_label")}
    rows: dict[tuple, dict[tuple[str, str], tuple[float, str]]] = {}
    for record in records:
        if not math.isnan(record[at["value"]]):
            key = tuple(record[at[name]] for name in ("source_document", "edition", "area", "crime_type"))
            rows.setdefault(key, {})[(record[at["measure"]], record[at["period"]])] = (record[at["value"]],
                                                                                       record[at["printed"]])
    failing: dict[tuple, str] = {}
    for key, cells in rows.items():
        reason = _disagreement(cells)
        table = key[:3]
        if reason and table not in failing:
            failing[table] = f"{key[3]}: {reason}"
    if not failing:
        return records, []
    problems = sorted((document, f"the table of {area} in \"{edition}\" does not add up ({reason}), so its figures "
                       "are not answered from the tables; its text is still searched.")
                      for (document, edition, area), reason in failing.items())
    kept = [record for record in records
            if tuple(record[at[name]] for name in ("source_document", "edition", "area")) not in failing]
    return kept, problems


def _disagreement(cells: dict[tuple[str, str], tuple[float, str]]) -> str:
    """What one row's figures get wrong, in words, or "" when they agree (or print too little to check)."""
    for (measure, period), (rate, printed) in cells.items():
        if measure != SOLVED_RATE:
            continue
        offences, solved = cells.get((OFFENCES, period)), cells.get((SOLVED, period))
        if offences and solved and offences[0] > 0 and \
                not _close(rate, 100 * solved[0] / offences[0], printed, _SLIP):
            return f"a solved rate of {printed} for {period} is not {solved[1]} of {offences[1]}"
    for base in (OFFENCES, SOLVED):
        for (measure, period), (value, printed) in cells.items():
            if measure not in (CHANGE[base], PERCENT_CHANGE[base]) or _COMPARED not in period:
                continue
            later_words, earlier_words = period.split(_COMPARED, 1)
            later, earlier = cells.get((base, later_words)), cells.get((base, f"{earlier_words}"))
            if later is None or earlier is None:
                continue
            if measure == CHANGE[base] and not _close(value, later[0] - earlier[0], printed):
                return f"a change of {printed} is not {later[1]} less {earlier[1]}"
            if measure == PERCENT_CHANGE[base] and earlier[0] > 0 and \
                    not _close(value, 100 * (later[0] - earlier[0]) / earlier[0], printed, _SLIP):
                return f"a change of {printed} is not the change from {earlier[1]} to {later[1]}"
    return ""


def _close(value: float, expected: float, printed: str, slip: float = 0.0) -> bool:
    """Is `value` `expected` within the rounding of its printed decimals (a rate printed as a fraction, 0.213, and
    read as 21.3, keeps its scale), give or take `slip`?"""
    shown = parse_number(printed)
    decimals = re.search(r"\.(\d+)", printed)
    step = 10 ** -len(decimals.group(1)) if decimals else 1.0
    if shown not in (None, 0) and value != 0:
        step *= abs(value / shown)
    return abs(value - expected) <= step + slip + 1e-9
