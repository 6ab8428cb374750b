"""Generated police performance workbooks in the layouts force analysts publish, each with the truth of every cell.

A seed picks an invented force, its areas and crime types, the figures (sub-types adding up to their parent, rates
and differences worked out from the counts), a layout, how the periods are named, and how rates and percentages
are printed. Each workbook comes with one `TrueCell` per figure cell: where it is ("Summary!D7"), what a reader
sees in it, and what it is a figure of (area, crime type, measure, period in the frame's words). Nothing here
reads the files back: the tests compare what ingestion reads with this truth.

Layouts (one sheet for everything, or one per area, or one per measure; long or wide; one or two header rows):
- "long": three title rows, a two-row header (merged groups "Offences", "Solved outcomes", "Solved rate %" over
  the period columns), Area and crime-type columns, the area on every row or only on its block's first row,
  a notes row under the table and a second sheet of definitions;
- "per_area": a sheet per area (and one for the force), the crime type the only label column;
- "per_measure": a sheet per measure, the areas as merged column groups over their period columns;
- "flat": long form with one header row ("Offences 12 months to Nov 2025"), also written as CSV.
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from pathlib import Path

import openpyxl
from generated_corpora import coined
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter

from assistant.ingest.measures import CHANGE, OFFENCES, PERCENT_CHANGE, SOLVED, SOLVED_RATE
from assistant.ingest.readers.cell_text import cell_text
from assistant.text.dates import MONTHS

LAYOUTS = ("long", "per_area", "per_measure", "flat", "flat_csv")
PERIOD_STYLES = ("to", "range", "fiscal", "year_to_date", "years")
RATE_STYLES = ("fraction", "fraction_formatted", "percent", "percent_text")
MARKS = ("- ", "• ", "– ", "indent", "spaces")  # "indent": Excel's cell indent; "spaces": typed before the label
# Crime types: (parent, its sub-types). Labels as forces print them; the test is of layouts, not of wording.
CRIME_TREES = (
    ("Violence against the person", ("Violence with injury", "Violence without injury", "Stalking and harassment")),
    ("Theft offences", ("Shoplifting", "Theft from the person", "Bicycle theft")),
    ("Burglary", ("Residential burglary", "Business and community burglary")),
    ("Criminal damage and arson", ()),
    ("Robbery", ()),
    ("Drug offences", ("Trafficking of drugs", "Possession of drugs")),
    ("Public order offences", ()),
    ("Vehicle offences", ()),
)
TOTALS = ("All crime", "Total recorded crime", "All offences")


@dataclass(frozen=True)
class TrueCell:
    """One figure cell as written: its address, what it shows, and what it is a figure of."""

    address: str  # "Summary!D7" for a workbook, "row 5" for a CSV file
    shown: str  # what a reader of the sheet sees
    value: float  # the figure, rates as percentages
    area: str
    crime_type: str
    parent: str | None  # the row its mark puts it under
    measure: str
    period: str  # the frame's words: "12 months to November 2025", or "... compared with the ..."


@dataclass(frozen=True)
class Workbook:
    path: Path
    force: str
    areas: tuple[str, ...]
    layout: str
    cells: tuple[TrueCell, ...]
    latest: str  # the latest period in words
    earlier: str


@dataclass
class _Plan:
    """What a seed chose: names, periods, printing styles, and every figure."""

    rng: random.Random
    force: str
    areas: list[str]
    labels: list[tuple[str, str | None]]  # (label, parent) in printed order
    total: str
    mark: str
    month: int
    year: int
    months: int
    period_style: str
    rate_style: str
    area_on_every_row: bool
    counts: dict  # (area, label) -> {(measure, 0|1): value}

    def words(self, back: int) -> str:
        return f"{self.months} months to {MONTHS[self.month - 1]} {self.year - back}"

    def compared(self) -> str:
        return f"{self.words(0)} compared with the {self.words(1)}"

    def period_label(self, back: int) -> str:
        """How the sheet names the period `back` years before the latest."""
        year, short = self.year - back, MONTHS[self.month - 1][:3]
        if self.period_style == "to":
            return f"12 months to {short} {year}"
        if self.period_style == "range":
            first = self.month % 12 + 1
            starts = year if first == 1 else year - 1
            return f"{MONTHS[first - 1][:3]}-{starts % 100:02d} to {short}-{year % 100:02d}"
        if self.period_style == "fiscal":
            return f"{year - 1}/{year % 100:02d}"
        if self.period_style == "year_to_date":
            return "Previous year to date" if back else "Year to date"
        return str(year)

    def title_period(self) -> str:
        """The title line stating the period, in the words the style needs to be read."""
        if self.period_style == "year_to_date":
            return f"April to {MONTHS[self.month - 1]} {self.year}"
        if self.period_style == "years":
            return f"Rolling 12 months to {MONTHS[self.month - 1]}"
        return f"Figures to {MONTHS[self.month - 1]} {self.year}"


def plan(seed: int, taken: set[str] | None = None) -> _Plan:
    """The choices of one seed; `taken` holds names already used, so workbooks in one corpus never share one."""
    rng = random.Random(seed)
    taken = taken if taken is not None else set()

    def fresh(parts: int) -> str:
        while True:
            name = coined(rng, parts)
            if name not in taken:
                taken.add(name)
                return name

    force = fresh(3)
    areas = [fresh(2) for _ in range(rng.randint(2, 4))]
    trees = rng.sample(CRIME_TREES, rng.randint(3, 5))
    total = rng.choice(TOTALS)
    labels: list[tuple[str, str | None]] = [(total, None)]
    for parent, children in trees:
        labels.append((parent, None))
        labels += [(child, parent) for child in children[:rng.randint(0, len(children))]]
    style = rng.choice(PERIOD_STYLES)
    month = 3 if style == "fiscal" else rng.randint(1, 12)
    months = (month - 4) % 12 + 1 if style == "year_to_date" else 12
    chosen = _Plan(rng, force, areas, labels, total, rng.choice(MARKS), month, rng.randint(2022, 2026), months,
                   style, rng.choice(RATE_STYLES), rng.random() < 0.5, {})
    for area in [*areas, force]:
        _figures(chosen, area)
    return chosen


def _figures(chosen: _Plan, area: str) -> None:
    """Counts for every label in `area` (a parent is the sum of its sub-types plus a remainder; the total of the
    parents), solved outcomes a share of them; rates and differences are worked out when printed."""
    rng = chosen.rng
    for back in (0, 1):
        values: dict[str, tuple[int, int]] = {}
        for label, parent in reversed(chosen.labels[1:]):
            children = [values[child] for child, up in chosen.labels if up == label]
            offences = sum(c[0] for c in children) + rng.randint(5, 400)
            solved = sum(c[1] for c in children) + rng.randint(0, offences // 5)
            values[label] = (offences, min(solved, offences))
        tops = [values[label] for label, parent in chosen.labels[1:] if parent is None]
        values[chosen.total] = (sum(t[0] for t in tops), sum(t[1] for t in tops))
        for label, (offences, solved) in values.items():
            cell = chosen.counts.setdefault((area, label), {})
            cell[(OFFENCES, back)], cell[(SOLVED, back)] = offences, solved


# --------------------------------------------------------------------------------------------- printing


def _columns(chosen: _Plan) -> list[tuple[str, str, str, int | None]]:
    """The figure columns: (group, sub-label, frame measure, years back or None for a difference)."""
    out = []
    for group, base in (("Offences", OFFENCES), ("Solved outcomes", SOLVED), ("Solved rate %", SOLVED_RATE)):
        out += [(group, chosen.period_label(1), base, 1), (group, chosen.period_label(0), base, 0)]
        if base == SOLVED_RATE:
            out.append((group, "Change (% pts)", CHANGE[SOLVED_RATE], None))
        else:
            out += [(group, "Change", CHANGE[base], None), (group, "% change", PERCENT_CHANGE[base], None)]
    return out


def _figure(chosen: _Plan, area: str, label: str, measure: str, back: int | None) -> tuple[object, str, float]:
    """(what is written in the cell, its number format, the figure it shows) for one cell."""
    counts = chosen.counts[(area, label)]
    if measure in (OFFENCES, SOLVED):
        return counts[(measure, back)], "#,##0", float(counts[(measure, back)])
    if measure in (CHANGE[OFFENCES], CHANGE[SOLVED]):
        base = OFFENCES if measure == CHANGE[OFFENCES] else SOLVED
        diff = counts[(base, 0)] - counts[(base, 1)]
        return diff, "General", float(diff)
    if measure in PERCENT_CHANGE.values():
        base = OFFENCES if measure == PERCENT_CHANGE[OFFENCES] else SOLVED
        before = counts[(base, 1)]
        if not before:
            return "-", "General", float("nan")
        percent = round((counts[(base, 0)] - before) / before * 100, 1)
        return round(percent / 100, 3), "0.0%", percent
    rates = [counts[(SOLVED, b)] / counts[(OFFENCES, b)] * 100 for b in (0, 1)]
    value = round(rates[0] - rates[1] if back is None else rates[back], 1) + 0.0  # of the unrounded rates; no -0.0
    style = chosen.rate_style
    if style == "fraction":
        return round(value / 100, 3), "General", value
    if style == "fraction_formatted":
        return round(value / 100, 3), "0.0%", value
    if style == "percent_text":
        return f"{value:.1f}%", "General", value
    return value, "0.0", value


def _write(sheet, row: int, column: int, value: object, number_format: str) -> str:
    cell = sheet.cell(row, column, value)
    cell.number_format = number_format
    return cell_text(value, number_format)


def _true(chosen: _Plan, address: str, shown: str, value: float, area: str, label: str, measure: str,
          back: int | None) -> TrueCell:
    period = chosen.words(back) if back is not None else chosen.compared()
    return TrueCell(address, shown, value, area, label, dict(chosen.labels)[label], measure, period)


def _figure_row(chosen: _Plan, sheet, row: int, first_column: int, area: str, label: str) -> list[TrueCell]:
    """Write one crime type's figures across the figure columns from `first_column`; the true cells written."""
    truth = []
    for j, (_, _, measure, back) in enumerate(_columns(chosen), start=first_column):
        written, number_format, value = _figure(chosen, area, label, measure, back)
        shown = _write(sheet, row, j, written, number_format)
        truth.append(_true(chosen, f"{sheet.title}!{get_column_letter(j)}{row}", shown, value, area, label,
                           measure, back))
    return truth


def _printed_label(chosen: _Plan, label: str, parent: str | None) -> str:
    """A label as a CSV file prints it (a file of text has no indent: a dash marks a sub-type instead)."""
    if not parent:
        return label
    return f"- {label}" if chosen.mark in ("indent", "spaces") else f"{chosen.mark}{label}"


def _label(sheet, row: int, column: int, chosen: _Plan, label: str, parent: str | None) -> None:
    """Write a crime-type label into a sheet, a sub-type marked the way the seed chose."""
    if parent and chosen.mark in ("indent", "spaces"):
        cell = sheet.cell(row, column, label if chosen.mark == "indent" else f"    {label}")
        cell.alignment = Alignment(indent=1 if chosen.mark == "indent" else 0)
        return
    sheet.cell(row, column, _printed_label(chosen, label, parent))


def _titles(chosen: _Plan, sheet, what: str) -> int:
    """Three title rows and a blank; returns the next free row."""
    sheet.append([f"{chosen.force} Police"])
    sheet.append([f"{what}: crime performance summary"])
    sheet.append([chosen.title_period()])
    sheet.append([])
    return 5


def _long(chosen: _Plan, book, single_header: bool) -> list[TrueCell]:
    sheet = book.active
    sheet.title = "Summary"
    row = _titles(chosen, sheet, "All areas")
    columns = _columns(chosen)
    if single_header:
        sheet.append(["Area", "Crime type", *(f"{group} {label}" for group, label, _, _ in columns)])
        row += 1
    else:
        groups = ["Area", "Crime type"] if chosen.rng.random() < 0.5 else [None, None]
        names = [None, None] if groups[0] else ["Area", "Crime type"]
        sheet.append(groups + [group if i == 0 or columns[i - 1][0] != group else None
                               for i, (group, _, _, _) in enumerate(columns)])
        start = 3
        for group in dict.fromkeys(c[0] for c in columns):
            span = sum(1 for c in columns if c[0] == group)
            sheet.merge_cells(start_row=row, start_column=start, end_row=row, end_column=start + span - 1)
            start += span
        sheet.append(names + [label for _, label, _, _ in columns])
        row += 2
    truth = []
    for area, printed_area in [*((a, a) for a in chosen.areas), (chosen.force, f"{chosen.force} Police")]:
        for i, (label, parent) in enumerate(chosen.labels):
            shown_area = printed_area if chosen.area_on_every_row or i == 0 else None
            sheet.cell(row, 1, shown_area)
            _label(sheet, row, 2, chosen, label, parent)
            truth += _figure_row(chosen, sheet, row, 3, area, label)
            row += 1
    sheet.append([])
    sheet.append(["Notes: '-' marks a figure that cannot be calculated; sub-types are marked under their parent."])
    notes = book.create_sheet("Notes")
    notes.append(["Definitions"])
    notes.append(["Term", "Meaning"])
    notes.append(["Solved outcome", "An offence with a charge, summons or caution"])
    notes.append(["Solved rate", "Solved outcomes as a share of offences"])
    return truth


def _per_area(chosen: _Plan, book) -> list[TrueCell]:
    truth = []
    columns = _columns(chosen)
    book.remove(book.active)
    for area, sheet_name in [*((a, a) for a in chosen.areas), (chosen.force, "Force")]:
        sheet = book.create_sheet(sheet_name)
        row = _titles(chosen, sheet, area if area != chosen.force else "Force-wide")
        sheet.append(["Crime type", *[group if i == 0 or columns[i - 1][0] != group else None
                                      for i, (group, _, _, _) in enumerate(columns)]])
        sheet.append([None, *[label for _, label, _, _ in columns]])
        row += 2
        for label, parent in chosen.labels:
            _label(sheet, row, 1, chosen, label, parent)
            truth += _figure_row(chosen, sheet, row, 2, area, label)
            row += 1
    return truth


def _per_measure(chosen: _Plan, book) -> list[TrueCell]:
    truth = []
    book.remove(book.active)
    everywhere = [*((a, a) for a in chosen.areas), (chosen.force, f"{chosen.force} Police")]
    for sheet_name, base in (("Offences", OFFENCES), ("Solved outcomes", SOLVED), ("Solved rate", SOLVED_RATE)):
        sheet = book.create_sheet(sheet_name)
        row = _titles(chosen, sheet, sheet_name)
        subs = [(chosen.period_label(1), base, 1), (chosen.period_label(0), base, 0)]
        subs.append(("Change", CHANGE[base], None))
        tops, names = ["Crime type"], [None]
        for _, printed in everywhere:
            tops += [printed] + [None] * (len(subs) - 1)
            names += [label for label, _, _ in subs]
        sheet.append(tops)
        sheet.append(names)
        for k in range(len(everywhere)):
            start = 2 + k * len(subs)
            sheet.merge_cells(start_row=row, start_column=start, end_row=row, end_column=start + len(subs) - 1)
        row += 2
        for label, parent in chosen.labels:
            _label(sheet, row, 1, chosen, label, parent)
            for k, (area, _) in enumerate(everywhere):
                for m, (_, measure, back) in enumerate(subs):
                    j = 2 + k * len(subs) + m
                    written, number_format, value = _figure(chosen, area, label, measure, back)
                    shown = _write(sheet, row, j, written, number_format)
                    truth.append(_true(chosen, f"{sheet_name}!{get_column_letter(j)}{row}", shown, value, area,
                                       label, measure, back))
            row += 1
    return truth


def _flat_csv(chosen: _Plan, path: Path) -> list[TrueCell]:
    columns = _columns(chosen)
    lines = [["Area", "Crime type", *(f"{group} {label}" for group, label, _, _ in columns)]]
    truth = []
    for area, printed_area in [*((a, a) for a in chosen.areas), (chosen.force, f"{chosen.force} Police")]:
        for label, parent in chosen.labels:
            line = [printed_area, _printed_label(chosen, label, parent)]
            for measure_index, (_, _, measure, back) in enumerate(columns):
                written, number_format, value = _figure(chosen, area, label, measure, back)
                shown = written if isinstance(written, str) else cell_text(written, number_format)
                line.append(shown)
                truth.append(_true(chosen, f"row {len(lines) + 1}", shown, value, area, label, measure, back))
            lines.append(line)
    with path.open("w", newline="", encoding="utf-8") as sink:
        csv.writer(sink).writerows(lines)
    return truth


def make_workbook(folder: Path, seed: int, layout: str | None = None, taken: set[str] | None = None) -> Workbook:
    """Write the workbook (or CSV file) of `seed` into `folder`, in `layout` or one the seed picks."""
    chosen = plan(seed, taken)
    layout = layout or chosen.rng.choice(LAYOUTS)
    if layout == "flat_csv" and chosen.period_style in ("year_to_date", "years"):
        layout = "flat"  # a CSV file has no title rows to say which months "Year to date" runs to
    name = f"{chosen.force.lower()}-performance-{seed}"
    if layout == "flat_csv":
        path = folder / f"{name}.csv"
        truth = _flat_csv(chosen, path)
    else:
        book = openpyxl.Workbook()
        if layout == "long":
            truth = _long(chosen, book, single_header=False)
        elif layout == "flat":
            truth = _long(chosen, book, single_header=True)
        elif layout == "per_area":
            truth = _per_area(chosen, book)
        else:
            truth = _per_measure(chosen, book)
        path = folder / f"{name}.xlsx"
        book.save(path)
    return Workbook(path, chosen.force, tuple(chosen.areas), layout, tuple(truth), chosen.words(0), chosen.words(1))
