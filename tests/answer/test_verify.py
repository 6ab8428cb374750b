"""The number guard checks each figure against its own cell: properties over every printed cell of two editions.

An answer built from a cell passes; the same answer with its value, period, area or edition swapped for
another cell's is withheld, even when the swapped-in number is printed elsewhere in the cited row.
"""

from __future__ import annotations

import sys
from dataclasses import replace

import pandas as pd
import pytest

from assistant import vocab
from assistant.answer.tables import TableIndex, TableResult
from assistant.answer.tables.index import FigureRef
from assistant.answer.tables.verify import misstated
from assistant.answer.tables.wording import show
from assistant.config import PROJECT_ROOT
from assistant.ingest.corpus import load_corpus, load_document
from assistant.ingest.performance import read_performance
from assistant.store.build import with_area_names

CORPUS = PROJECT_ROOT / "corpus"


@pytest.fixture(scope="module")
def tables(tmp_path_factory) -> TableIndex:
    """The real October 2024 edition and the generated January 2025 edition, side by side."""
    sys.path.insert(0, str(PROJECT_ROOT / "scripts"))
    from make_fixtures import make_next_edition

    next_edition = load_document(make_next_edition(CORPUS, tmp_path_factory.mktemp("next")), {})
    documents = [*load_corpus(CORPUS).documents, next_edition]
    frame = with_area_names(read_performance(documents).frame, vocab.load())
    assert frame["edition"].nunique() == 2
    return TableIndex(frame)


def _cells(tables: TableIndex):
    for table in tables.editions:
        for row in table.rows.values():
            for (measure, period), cell in row.cells.items():
                if cell.value == cell.value:  # a printed "-" states no figure
                    yield table, row, measure, period, cell


def _answer(row, measure: str, period: str, value: float, edition: str, ref_row=None) -> TableResult:
    ref = (ref_row or row).ref(measure, period)
    text = f"For {row.crime_type} in {row.area}, the figure was {show(value, measure)} in the {period} [1]."
    figure = FigureRef(value, measure, row.area, row.crime_type, period, 1, edition)
    return TableResult(text, True, (ref,), (figure,))


def test_an_answer_built_from_any_cell_passes(tables):
    checked = 0
    for table, row, measure, period, cell in _cells(tables):
        assert misstated(_answer(row, measure, period, cell.value, table.edition.id), tables) == [], \
            (table.edition.id, row.area, row.crime_type, measure, period)
        checked += 1
    assert checked > 18000  # every printed number of both editions


def test_another_cells_value_is_withheld_even_when_the_row_prints_it(tables):
    """The classic slip: a number taken from the wrong column of the right row."""
    caught = 0
    for table, row, measure, period, cell in _cells(tables):
        others = {c.value for c in row.cells.values() if c.value == c.value and c.value != cell.value}
        if not others:
            continue
        wrong = min(others)
        assert misstated(_answer(row, measure, period, wrong, table.edition.id), tables), \
            (row.area, row.crime_type, measure, period, wrong)
        caught += 1
    assert caught > 18000


def test_the_same_cell_of_another_period_area_or_edition_is_withheld(tables):
    newest, oldest = tables.editions
    swaps = 0
    for row in list(newest.rows.values())[:200]:
        earlier, later = newest.years
        for measure in ("offences", "solved outcomes"):
            before, after = row.cells.get((measure, earlier)), row.cells.get((measure, later))
            if before is None or after is None or before.value == after.value or before.value != before.value:
                continue
            # The later period's words with the earlier period's value: withheld.
            assert misstated(_answer(row, measure, later, before.value, newest.edition.id), tables)
            # The same value and period said to come from the other edition: withheld.
            assert misstated(_answer(row, measure, later, after.value, oldest.edition.id), tables)
            swaps += 2
        other = next((r for (area, crime), r in newest.rows.items()
                      if crime == row.crime_type and area != row.area), None)
        cell = row.cells.get(("offences", later))
        if other is not None and cell is not None and cell.value == cell.value:
            # Another area's row cited for this area's figure: withheld.
            assert misstated(_answer(row, "offences", later, cell.value, newest.edition.id, ref_row=other), tables)
            swaps += 1
    assert swaps > 300


def test_a_number_in_the_text_that_no_figure_accounts_for_is_withheld(tables):
    table, row, measure, period, cell = next(_cells(tables))
    drafted = _answer(row, measure, period, cell.value, table.edition.id)
    assert misstated(drafted, tables) == []
    padded = replace(drafted, text=drafted.text.replace(" [1].", " [1], up 9,999 on the year."))
    assert any("9999" in problem for problem in misstated(padded, tables))


def test_the_repo_corpus_answers_pass_the_guard(engine):
    """Real answers through the engine are never withheld by the per-cell guard."""
    questions = ["How many shoplifting offences in Braintree?", "Has burglary fallen in Harlow?",
                 "Which district had the most robberies in 2024?", "Compare vehicle crime in Basildon and Thurrock",
                 "What share of theft in Colchester was shoplifting?", "What was the solved rate for homicide?"]
    for question in questions:
        answer = engine.ask(question)
        assert answer.answerable and not answer.withheld, (question, answer.text)
        assert isinstance(answer.figures[0].edition, str) and answer.figures[0].edition
        frame = engine.index.frame
        for figure in answer.figures:
            if figure.measure in ("share of parent (%)", "difference between cited figures"):
                continue
            cell = frame[(frame.edition == figure.edition) & (frame.area == figure.area)
                         & (frame.crime_type == figure.crime_type) & (frame.measure == figure.measure)
                         & (frame.period == figure.period)]
            assert len(cell) == 1 and cell["value"].iloc[0] == pytest.approx(figure.value)
    assert isinstance(frame, pd.DataFrame)
