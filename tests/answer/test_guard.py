"""The citation guard: a number an answer states must be printed in a citation, or be a share, a difference or
a total the guard can work out again from what was cited."""

from __future__ import annotations

import pytest

from assistant.answer.guard import uncited_numbers
from assistant.answer.tables import TOTAL_OF
from assistant.records import Answer, Citation, Figure


def _answer(text: str, cells: list[float], total: float) -> Answer:
    citations = tuple(Citation(n=i + 1, document="d.md", title="T", locator=f"row {i + 1}", quote=f"{value:,.0f}")
                      for i, value in enumerate(cells))
    figures = tuple(Figure(value, "offences", "A", "Burglary", "P", i + 1) for i, value in enumerate(cells))
    figures += (Figure(total, TOTAL_OF, "A", "Burglary", "P", 1),)
    return Answer(text=text, answerable=True, citations=citations, figures=figures)


@pytest.mark.parametrize("cells", [[374, 1073], [374, 1073, 598], [5, 7, 11, 13]])
def test_a_total_of_every_cited_figure_is_accepted(cells):
    total = sum(cells)
    assert uncited_numbers(_answer(f"Together they total {total:,}.", cells, total)) == []


@pytest.mark.parametrize("cells, total", [([374, 1073], 1500), ([374, 1073, 598], 1447)])
def test_a_total_that_is_not_the_sum_of_what_was_cited_is_refused(cells, total):
    assert uncited_numbers(_answer(f"Together they total {total:,}.", cells, total)) == [total]
