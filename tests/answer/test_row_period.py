"""A table row's own run of months outweighs the heading it sits under: "Sallowfield  ASB incidents Jul-Sep
2026: 275" under "Police performance: 12 months to September 2026" is a quarter's figure, no answer for the year."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from assistant.answer.timing import other_span

HEADING = "5. Police performance: 12 months to September 2026"


@pytest.mark.parametrize("town, months", [("Sallowfield", "Jul-Sep"), ("Brayford", "Apr-Jun"), ("Mossley", "Oct-Dec")])
def test_a_row_of_a_quarter_is_no_answer_for_twelve_months(town, months):
    judge = SimpleNamespace(question=f"How many ASB incidents in {town} over the whole 12 months to September 2026?")
    row = f"{town}\tASB incidents {months} 2025: 264\tASB incidents {months} 2026: 275\tChange: +4.2%"
    assert other_span(judge, 0, row, HEADING)


def test_a_row_of_the_twelve_months_answers_for_them():
    judge = SimpleNamespace(question="How many ASB incidents in Sallowfield over the whole 12 months to September 2026?")
    row = "Sallowfield\tASB incidents, 12 months to September 2026: 1,102"
    assert other_span(judge, 0, row, HEADING) == ""


def test_a_row_with_no_months_of_its_own_is_read_under_its_heading():
    judge = SimpleNamespace(question="How many ASB incidents in Sallowfield over the whole 12 months to September 2026?")
    assert other_span(judge, 0, "Sallowfield\t1,102\t1,150", HEADING) == ""
