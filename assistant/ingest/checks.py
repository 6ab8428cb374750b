"""Ingestion checks: recompute what the performance tables derive, and report what cannot be quoted.

A figure the source itself gets wrong, or a rate that cannot be quoted as a rate (over 100%, or outcomes
with no offences), is known before anyone repeats it. Each table row is checked within its own edition, for
the two periods it prints.
"""

from __future__ import annotations

import math

import pandas as pd

from assistant.ingest.measures import CHANGE, OFFENCES, PERCENT_CHANGE, SOLVED, SOLVED_RATE

FINDING_COLUMNS = ("area", "crime_type", "measure", "period", "printed", "recomputed", "kind", "message")
# Printed percentages have one decimal, so a correct figure lies within half a unit of the last place.
_ROUNDING = 0.05 + 1e-9
_EXACT = 1e-9


def check_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Recompute the derived cells of every table row and report what the source gets wrong or cannot mean.

    Differences must be exact; percentages and rates may differ from the recomputation by the one-decimal
    rounding of the print. Rates over 100% and outcomes without offences are correct arithmetic but must
    not be quoted as rates, so they are reported too.
    """
    rows: dict[tuple, dict[tuple[str, str], tuple]] = {}
    for cell in frame.itertuples(index=False):
        key = (cell.edition, cell.source_document, cell.table_title, cell.row_order)
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
    values = sorted((cell.period_end, period) for (measure, period), cell in cells.items() if measure == OFFENCES)
    if len(values) != 2:
        return findings
    (_, earlier), (_, later) = values
    between = next((period for (measure, period) in cells if measure == CHANGE[OFFENCES]), "")

    def compare(measure: str, period: str, recomputed: float, tolerance: float, kind: str, how: str) -> None:
        cell = cells.get((measure, period))
        if cell is None or _agrees(cell.value, recomputed, tolerance):
            return
        message = (f"{cell.column_label} for {cell.crime_type} in {cell.area} is printed as {cell.printed}, "
                   f"but {how}.")
        findings.append((cell.area, cell.crime_type, measure, period, cell.printed, recomputed, kind, message))

    for measure in (OFFENCES, SOLVED):
        before, after = value(measure, earlier), value(measure, later)
        compare(CHANGE[measure], between, after - before, _EXACT, "difference mismatch",
                f"{_show(after)} - {_show(before)} = {_show(after - before)}")
        percent = (after - before) / before * 100 if before else math.nan
        how = ("'-' is expected because the earlier figure is 0" if before == 0
               else f"({_show(after)} - {_show(before)}) / {_show(before)} = {_show(percent, 2)}%")
        compare(PERCENT_CHANGE[measure], between, percent, _ROUNDING, "% change mismatch", how)

    rates = {}
    for period in (earlier, later):
        offences, solved = value(OFFENCES, period), value(SOLVED, period)
        rates[period] = solved / offences * 100 if offences else math.nan
        how = ("'-' is expected because no offences were recorded" if offences == 0
               else f"{_show(solved)} / {_show(offences)} = {_show(rates[period], 2)}%")
        compare(SOLVED_RATE, period, rates[period], _ROUNDING, "solved rate mismatch", how)
        findings.extend(_unquotable_rate(cells, period, offences, solved))

    change = rates[later] - rates[earlier]
    compare(CHANGE[SOLVED_RATE], between, change, _ROUNDING, "rate change mismatch",
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
