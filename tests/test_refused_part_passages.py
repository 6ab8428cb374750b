"""After the tables refuse a figure for a part of their area (a district, a neighbourhood), a passage answers only
when it names that part: a sentence about the whole area ("the district's shoplifting solved rate improved to
28.4%") is another place's figure, and the answer is the tables' refusal.

The corpus is generated: an invented force's workbook (a sheet for the whole area with offences and solved rates, a
sheet per neighbourhood with offences alone) and the minutes of its partnership board, which state the whole area's
solved rate of every crime type and one neighbourhood's own rate for one crime type.
"""

from __future__ import annotations

import json
import random
import re

import openpyxl
import pytest
from generated_corpora import coined

from assistant.engine import Assistant
from assistant.store.build import build_index

CRIMES = ("Shoplifting", "Burglary", "Robbery", "Vehicle offences")
PERIODS = ("12 months to June 2025", "12 months to June 2026")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    rng = random.Random(7)
    force, whole = coined(rng), coined(rng, 3)
    parts = [coined(rng, 3) for _ in range(3)]
    folder = tmp_path_factory.mktemp("refused-part")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = whole
    sheet.append([f"{force} Police: performance summary - {whole} District"])
    sheet.append(["Rolling 12 months to June 2026"])
    sheet.append([])
    sheet.append(["Crime type", *(f"Offences {p}" for p in PERIODS), *(f"Solved rate % {p}" for p in PERIODS)])
    whole_rates = {}
    for crime in CRIMES:
        whole_rates[crime] = round(rng.uniform(5, 40), 1)
        sheet.append([crime, rng.randint(300, 900), rng.randint(300, 900), round(rng.uniform(5, 40), 1),
                      whole_rates[crime]])
    for part in parts:
        sheet = book.create_sheet(part)  # the sheet's name is its area
        sheet.append([f"{force} Police: performance summary"])
        sheet.append(["Rolling 12 months to June 2026"])
        sheet.append([])
        sheet.append(["Crime type", *(f"Offences {p}" for p in PERIODS)])
        for crime in CRIMES:
            sheet.append([crime, rng.randint(20, 200), rng.randint(20, 200)])
    workbook = f"{force.lower()}-police-performance-2026-07-15-{whole.lower()}.xlsx"
    book.save(folder / workbook)
    own_rate = round(rng.uniform(41, 60), 1)  # the one part's own rate, unlike any whole-area figure
    lines = [f"# Safer {whole} Partnership Board: minutes, 22 October 2026", "",
             "## Police performance update", ""]
    lines.append(f"The inspector presented the performance summary for {whole} district for the rolling 12 months "
                 "to June 2026. " + " ".join(f"{crime} was up {rng.randint(2, 30)}% to {rng.randint(300, 900)} "
                                             f"offences, but the {crime.lower()} solved rate had improved to {rate}%."
                                             for crime, rate in whole_rates.items()))
    lines.append("")  # the paragraph after it names each part, for figures of its own
    lines.append(" ".join(f"{part} recorded {rng.randint(300, 900)} offences." for part in parts) +
                 f" In {parts[0]}, the {CRIMES[1].lower()} solved rate was {own_rate}%, the best of any area.")
    minutes = f"{whole.lower()}-council-minutes-2026-10-22-partnership-board.md"
    (folder / minutes).write_text("\n".join(lines), encoding="utf-8")
    (folder / "manifest.json").write_text(json.dumps({"documents": [
        {"file": workbook, "title": f"{force} Police: performance summary - {whole} District",
         "publisher": f"{force} Police", "kind": "performance", "date": "2026-07-15"},
        {"file": minutes, "title": f"Safer {whole} Partnership Board", "publisher": f"{whole} District Council",
         "kind": "minutes", "date": "2026-10-22"}]}), encoding="utf-8")
    index = tmp_path_factory.mktemp("refused-part-index")
    build_index(folder, index)
    return Assistant.load(index), parts, whole_rates, own_rate


def _figures(text: str) -> set[float]:
    return {float(n) for n in re.findall(r"\d+\.\d", text)}


def test_a_whole_area_figure_never_answers_for_a_part_the_tables_refused(corpus):
    engine, parts, whole_rates, _ = corpus
    for part in parts:
        for crime, rate in whole_rates.items():
            if part == parts[0] and crime == CRIMES[1]:
                continue  # the one the minutes do give for that part (below)
            answer = engine.ask(f"What was the {crime.lower()} solved rate in {part}?")
            assert not answer.answerable, answer.text
            assert rate not in _figures(answer.text), answer.text


def test_a_passage_that_names_the_part_still_answers(corpus):
    engine, parts, _, own_rate = corpus
    answer = engine.ask(f"What was the {CRIMES[1].lower()} solved rate in {parts[0]}?")
    assert answer.answerable, answer.text
    assert own_rate in _figures(answer.text)
