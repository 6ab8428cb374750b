"""A rate per head of population printed beside a table's solved rate ("Crimes per 1,000 population") is neither a
solved rate nor a crime type, though a table whose rows are areas heads its crime types' columns the same way: it
is read as the printed rate per head it is (for the crime type the caption names), the population beside it is
left out, and every other figure of the table is still read.

The workbooks are generated: an invented force, a contents sheet first, then a table of its areas (one row each)
captioned with the crime type it counts: its population beside its name (a column of figures, not a label), its
last column a rate per head in one of the wordings forces use.
"""

from __future__ import annotations

import random
from pathlib import Path

import openpyxl
import pytest
from generated_corpora import coined

from assistant.ingest.corpus import load_document
from assistant.ingest.measures import OFFENCES, PER_HEAD, SOLVED_RATE
from assistant.ingest.performance import read_performance

WORDINGS = ("Crimes per 1,000 population", "Rate per 1000 residents", "Offences per 100,000 population",
            "Crime rate per head", "Crimes per capita")


def _workbook(folder: Path, seed: int, per_head: str) -> tuple[Path, dict, set[float]]:
    """A workbook, the truth of its offences and solved rates ((area, measure, period) -> value), and its figures
    of population and per head."""
    rng = random.Random(seed)
    force = coined(rng)
    book = openpyxl.Workbook()
    book.active.title = "Contents"
    book.active["A1"] = f"{force} Police: performance workbook"
    sheet = book.create_sheet("Areas")
    sheet.append([f"{force} Police: performance summary"])
    sheet.append(["Table 2. All crime by neighbourhood area, rolling 12 months to June 2026"])
    sheet.append([])
    sheet.append(["Neighbourhood area", "Population (mid-2024)", "Offences 12m to Jun 2025",
                  "Offences 12m to Jun 2026", "Solved rate %", per_head])
    truth, unread = {}, set()  # the figures read, and the populations never to be read
    for _ in range(5):
        area = coined(rng, 3)
        before, after = rng.randint(900, 4000), rng.randint(900, 4000)
        rate, per = round(rng.uniform(5, 30), 1), round(rng.uniform(40, 140), 1)
        population = rng.randint(15000, 40000)
        sheet.append([area, population, before, after, rate, per])
        truth[(area, OFFENCES, "12 months to June 2026")] = after
        truth[(area, SOLVED_RATE, "12 months to June 2026")] = rate
        truth[(area, PER_HEAD, "12 months to June 2026")] = per
        unread.add(population)
    path = folder / f"{force.lower()}-police-areas-june-2026.xlsx"
    book.save(path)
    return path, truth, unread


@pytest.mark.parametrize("index", range(len(WORDINGS)))
def test_a_rate_per_head_is_read_as_printed_and_the_rest_read(tmp_path, index):
    path, truth, unread = _workbook(tmp_path, index, WORDINGS[index])
    read = read_performance([load_document(path, {})])
    assert read.problems == ()
    frame = read.frame
    assert not set(frame.value) & unread
    assert set(frame[frame.column_label == WORDINGS[index]].measure) == {PER_HEAD}
    assert set(frame.crime_type) == {"All crime"}
    read_values = {(r.area, r.measure, r.period): r.value for r in frame.itertuples(index=False)}
    assert {key: read_values.get(key) for key in truth} == pytest.approx(truth)
