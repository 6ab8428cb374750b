"""'How is Basildon doing?': an area's figures at a glance, every one a printed cell, on any force's summary."""

from __future__ import annotations

import pytest

from assistant import vocab
from assistant.answer.tables.rank import type_pool
from assistant.ingest.measures import CHANGE, OFFENCES, SOLVED_RATE
from assistant.text.numbers import format_count


@pytest.mark.parametrize("template", ["How is {} doing?", "Summarise crime in {}", "Give me the figures for {}",
                                      "Give me an overview of {}"])
def test_an_overview_gives_all_crime_the_solved_rate_and_the_largest_movers(force, template):
    engine = force
    table = engine.tables.latest(())
    for area in table.districts[:4]:
        answer = engine.ask(template.format(area))
        assert answer.answerable, answer.text
        total = table.row(area, table.total)
        for measure in (OFFENCES, SOLVED_RATE):
            assert {f.value for f in answer.figures if f.measure == measure} >= \
                {total.value(measure, period) for period in table.years}, answer.text
        assert format_count(total.value(CHANGE[OFFENCES], table.change_period), signed=True) in answer.text
        with vocab.using(engine.vocabulary):
            pool = type_pool((), table)[0]  # the detailed rows, as rankings of crime types read them
        rises = [(row.value(CHANGE[OFFENCES], table.change_period), c) for c in pool
                 if (row := table.row(area, c)) is not None]
        named = [f for f in answer.figures if f.measure == CHANGE[OFFENCES] and f.crime_type != table.total]
        assert named and all(f.area == area for f in named), answer.text
        # the largest rise and the largest fall are among the movers named
        assert max(v for v, _ in rises) in {f.value for f in named} or max(v for v, _ in rises) <= 0, answer.text
        assert min(v for v, _ in rises) in {f.value for f in named} or min(v for v, _ in rises) >= 0, answer.text


def test_a_question_about_one_figure_is_not_an_overview(engine):
    area = engine.tables.latest(()).districts[0]
    for question in (f"How many crimes in {area}?", f"How is {area} doing on burglary?"):
        answer = engine.ask(question)
        assert "Among the detailed crime types" not in answer.text, answer.text
        assert len({c.table["crime_type"] for c in answer.citations if c.table}) == 1, answer.text

