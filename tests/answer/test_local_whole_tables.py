"""Answers over a generated force's workbook for one policing area (no force-wide figures): its summary sheet is the
whole area, its areas are groups of rows, and some crime types are left out of some areas.

What must hold for every generated workbook: a figure asked for an area and crime type the sheet prints is that
cell; one it leaves out is refused, never answered from another area or crime type; the force the title names is
no place the tables hold; "the district" is the whole area; and a quarter is never answered from a 12-month row.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "ingest"))
from test_grouped_tables import make_grouped_workbook  # noqa: E402

SEEDS = (11, 12)


@pytest.fixture(scope="module", params=SEEDS)
def engine(request, tmp_path_factory):
    from assistant.engine import Assistant
    from assistant.store.build import build_index

    corpus = tmp_path_factory.mktemp(f"local-{request.param}")
    written = make_grouped_workbook(corpus, request.param, "Area: ", True)
    index = tmp_path_factory.mktemp(f"local-index-{request.param}")
    build_index(corpus, index)
    return written, Assistant.load(index)


def _force(written) -> str:
    return written.title.split(" Constabulary")[0]


def _figures(answer) -> list[float]:
    return [figure.value for figure in answer.figures]


@pytest.mark.slow
def test_a_grouped_area_figure_is_its_cell(engine):
    written, assistant = engine
    for (area, crime, year), value in sorted(written.counts.items())[::5]:
        answer = assistant.ask(f"How many {crime.lower()} offences were recorded in {area} in the 12 months to "
                               f"March {year}?")
        assert answer.answerable, answer.text
        assert any(math.isclose(v, value) for v in _figures(answer)), (area, crime, year, answer.text)


@pytest.mark.slow
def test_a_crime_type_an_area_leaves_out_is_refused_not_borrowed(engine):
    """The tables refuse it, naming what they do not print (before, the look-up of a row that is not there
    failed). The passages may still be searched after a refusal: that is the engine's choice, not the tables'."""
    from assistant import vocab
    from assistant.answer.tables import answer_table
    from assistant.understand.question import parse

    written, assistant = engine
    with vocab.using(assistant.vocabulary):
        for area, crime in written.missing:
            query = parse(f"How many {crime.lower()} offences were recorded in {area} in the 12 months to March 2026?")
            result = answer_table(query, assistant.tables)
            assert result is not None and not result.answerable, result
            assert result.figures == () and area in result.text, result.text


@pytest.mark.slow
def test_the_force_the_title_names_is_no_place_the_tables_hold(engine):
    written, assistant = engine
    answer = assistant.ask(f"What was the shoplifting figure across {_force(written)} as a whole in the 12 months "
                           f"to March 2026?")
    assert not answer.answerable, answer.text
    assert f"{_force(written)} Police" not in answer.text and f"{written.whole} Police" not in answer.text


@pytest.mark.slow
def test_the_district_and_no_place_are_the_whole_area(engine):
    written, assistant = engine
    value = written.counts[(written.whole, "Shoplifting", 2026)]
    for question in ("How many shoplifting offences were recorded in the district in the 12 months to March 2026?",
                     "How many shoplifting offences were recorded in the 12 months to March 2026?"):
        answer = assistant.ask(question)
        assert answer.answerable, answer.text
        assert any(math.isclose(v, value) for v in _figures(answer)), answer.text
        assert "force-wide" not in answer.text


@pytest.mark.slow
def test_a_quarter_is_never_answered_from_a_twelve_month_row(engine):
    written, assistant = engine
    area = next(area for area, _, _ in written.counts if area != written.whole)
    for turns in ([f"How many residential burglaries were there in {area} in January to March 2026?"],
                  [f"How many residential burglaries in {area} in the 12 months to March 2026?",
                   "and the same quarter the year before?"],
                  [f"By how much did shoplifting change in {area} over the spring quarter?"]):
        answer = assistant.ask_turns(turns) if len(turns) > 1 else assistant.ask(turns[0])
        assert _figures(answer) == [], (turns, answer.text)
