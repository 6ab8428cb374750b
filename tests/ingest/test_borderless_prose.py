"""Justified prose whose word gaps happen to line up down a few lines is not a borderless table: its "cells" run
on from one to the next, or its lines end on one right margin in words. A real table's cells start afresh and its
last column of text is ragged. Words are laid out here as pdfplumber gives them (x0, x1, top, bottom, size)."""

from __future__ import annotations

import random

import pytest

from assistant.ingest.readers.pdf_borderless import _is_table, _lines

SIZE, SPACE, LEADING = 10.0, 2.8, 14.0


def _line(cells: list[str], starts: list[float], top: float, margin: float | None = None) -> list[dict]:
    """Words of one line, each cell's words from its start; with `margin`, the line's spaces are stretched so its
    last word ends on it (justified)."""
    words, width = [], lambda text: 5.0 * len(text)
    for cell, x in zip(cells, starts):
        for text in cell.split():
            words.append({"text": text, "x0": x, "x1": x + width(text), "top": top, "bottom": top + SIZE,
                          "size": SIZE})
            x += width(text) + SPACE
    if margin is not None:
        stretch = margin - words[-1]["x1"]
        for word in words[1:]:
            word["x0"] += stretch
            word["x1"] += stretch
    return words


def test_justified_prose_with_gaps_lined_up_is_not_a_table():
    starts = [50.0, 260.0, 330.0]
    rows = [["Bay from summer 2027 and better lighting at", "the Eastcliff", "underpass and the station"],
            ["footbridge."],
            ["RESOLVED: that the money is moved from the", "contingency", "line to the Harbour Haven,"]]
    region = _lines([w for i, cells in enumerate(rows) for w in _line(cells, starts, 100 + i * LEADING)])
    assert not _is_table(region)


@pytest.mark.parametrize("seed", range(3))
def test_lines_of_words_ending_on_one_margin_are_not_a_table(seed):
    rng = random.Random(seed)
    starts = [50.0, 250.0, 330.0]
    words = lambda n: " ".join(rng.choice(["Partnership", "Board", "Strategic", "Assessment", "Safer", "Council"])
                               for _ in range(n))
    rows = [[f"REF-{seed}-{i}: {words(4)}", words(1), words(3)] for i in range(3)]
    region = _lines([w for i, cells in enumerate(rows) for w in _line(cells, starts, 100 + i * LEADING, 520.0)])
    assert not _is_table(region)


def test_a_table_with_a_ragged_last_column_still_reads_as_one():
    starts = [50.0, 200.0, 330.0]
    rows = [["Ref", "Owner", "Status"], ["A26/01", "Mark Ellery", "Complete"], ["A26/02", "Priya Nandra", "Delayed"],
            ["A26/03", "Karen Adebayo", "Not started"]]
    region = _lines([w for i, cells in enumerate(rows) for w in _line(cells, starts, 100 + i * LEADING)])
    assert _is_table(region)
