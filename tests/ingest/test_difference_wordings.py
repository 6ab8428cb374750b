"""A force's workbook prints each measure's change twice, as a number and as a percentage, in whatever words its
analysts use ("Difference" and "Difference %", "Change" and "% change", "Variance" and "Variance (%)", "+/-" and
"+/- %"). Both are read, each as what it is, never refused as two columns for the same figure.

The workbooks are generated: an invented force, a contents sheet first, then one sheet per area; the wordings are
the property's list, written in a one-row header ("Offences Difference %") and under a merged group ("Change" over
two columns, "%" under the second).
"""

from __future__ import annotations

import random
from pathlib import Path

import openpyxl
import pytest
from generated_corpora import coined

from assistant.ingest.corpus import load_document
from assistant.ingest.measures import CHANGE, OFFENCES, PERCENT_CHANGE, SOLVED
from assistant.ingest.performance import read_performance

# (the change's words, the percentage change's words), as forces print them after the measure's name
WORDINGS = (
    ("Difference", "Difference %"), ("Difference", "% Difference"), ("Difference", "Difference (%)"),
    ("Change", "Change %"), ("Change", "% change"), ("Change", "Percentage change"), ("Variance", "Variance %"),
    ("Variance", "% Variance"), ("+/-", "+/- %"), ("Diff.", "% Diff."), ("Change", "Change (per cent)"),
)
MEASURES = (("Offences", OFFENCES), ("Solved outcomes", SOLVED))
CRIMES = ("All crime", "Burglary", "Robbery", "Shoplifting", "Criminal damage")


def _workbook(folder: Path, seed: int, change: str, percent: str, grouped: bool) -> tuple[Path, dict]:
    """A workbook of an invented force: a contents sheet, then a sheet per area whose header names each measure's
    two years, its change and its percentage change; and the truth: (area, crime, measure) -> value."""
    rng = random.Random(seed)
    force = coined(rng)
    areas = [coined(rng, 3) for _ in range(3)]
    book = openpyxl.Workbook()
    contents = book.active
    contents.title = "Contents"
    contents["A1"] = f"{force} Police: crime performance workbook"
    contents["A3"] = "Notes: figures are provisional; one sheet per area follows."
    truth: dict[tuple[str, str, str], float] = {}
    periods = ("12 months to June 2025", "12 months to June 2026")
    for area in areas:
        sheet = book.create_sheet(area)
        sheet["A1"] = f"{force} Police: crime performance summary"
        sheet["A2"] = "Rolling 12 months to June 2026"
        if grouped:  # "Offences" over its years, "Change" over two columns, "%" under the second
            top, low = ["Crime type"], [""]
            for name, _ in MEASURES:
                top += [name, "", f"{name} {change}", ""]
                low += [*periods, "", "%"]
            sheet.append([])
            sheet.append(top)
            sheet.append(low)
        else:
            header = ["Crime type"]
            for name, _ in MEASURES:
                header += [f"{name} {periods[0]}", f"{name} {periods[1]}", f"{name} {change}", f"{name} {percent}"]
            sheet.append([])
            sheet.append(header)
        for crime in CRIMES:
            row: list[object] = [crime]
            for _, measure in MEASURES:
                before, after = rng.randint(50, 900), rng.randint(50, 900)
                row += [before, after, after - before, round((after - before) / before * 100, 1)]
                truth[(area, crime, CHANGE[measure])] = after - before
                truth[(area, crime, PERCENT_CHANGE[measure])] = round((after - before) / before * 100, 1)
            sheet.append(row)
    path = folder / f"{force.lower()}-police-performance-june-2026.xlsx"
    book.save(path)
    return path, truth


@pytest.mark.parametrize("grouped", (False, True))
@pytest.mark.parametrize("index", range(len(WORDINGS)))
def test_a_change_and_its_percentage_are_read_each_as_what_it_is(tmp_path, index, grouped):
    change, percent = WORDINGS[index]
    path, truth = _workbook(tmp_path, index, change, percent, grouped)
    read = read_performance([load_document(path, {})])
    assert read.problems == ()
    frame = read.frame
    differences = frame[frame.measure.isin([*CHANGE.values(), *PERCENT_CHANGE.values()])]
    read_values = {(r.area, r.crime_type, r.measure): r.value for r in differences.itertuples(index=False)}
    assert read_values == pytest.approx(truth)


def test_the_wordings_of_a_plain_change_are_never_read_as_a_percentage(tmp_path):
    """The other half of the property: a change with no percent mark beside its word is in the measure's unit."""
    from assistant.ingest.table_words import names_percent_difference

    assert all(names_percent_difference(f"Offences {percent}") for _, percent in WORDINGS)
    assert not any(names_percent_difference(f"Offences {change}") for change, _ in WORDINGS)
    assert not names_percent_difference("Solved rate % pt change")
