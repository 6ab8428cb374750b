"""A quarter and a rolling year that end in the same month are two periods: "the year before" a quarter is the same
quarter a year earlier, and what the tables cover names both lengths. A follow-up asking what became of the figure
just given ("what was it revised to?") is searched for with what that figure was about. Periods and labels are
generated, never one corpus's."""

from __future__ import annotations

import pytest

from assistant import vocab
from assistant.answer.crossing import of_table_answer
from assistant.text.dates import MONTHS, period_months
from assistant.understand import question as understand
from assistant.understand.periods import year_before
from assistant.vocab.catalogued import PeriodScope

SPANS = [(3, 12), (12, 3), (6, 9), (9, 12)]  # (months, other months) of two periods ending in the same month


def _scope(periods: list[tuple[int, int, int]]) -> PeriodScope:
    values = tuple(sorted((f"{year}-{month:02d}", f"{months} months to {MONTHS[month - 1]} {year}")
                          for months, year, month in periods))
    return PeriodScope(values, values[-1][1], values[0][1])


@pytest.mark.parametrize("short, long", SPANS)
@pytest.mark.parametrize("month", (3, 9, 12))
def test_the_year_before_keeps_the_length_of_the_period_it_follows(short, long, month, monkeypatch):
    periods = [(months, year, month) for months in (short, long) for year in (2025, 2026)]
    monkeypatch.setattr(vocab, "SCOPE", _scope(periods))
    for months in (short, long):
        earlier = year_before(f"{months} months to {MONTHS[month - 1]} 2026")
        assert earlier is not None and period_months(earlier) == months and earlier.endswith("2025"), earlier


@pytest.mark.parametrize("short, long", SPANS)
def test_what_the_tables_cover_names_every_length(short, long):
    covered = _scope([(months, year, 9) for months in (short, long) for year in (2025, 2026)]).covered
    assert f"the {short} months to September" in covered and f"the {long} months to September" in covered


def test_a_turn_about_the_figure_just_given_is_searched_with_what_it_was_about():
    area = min(vocab.TABLE_AREAS)
    first = next(query for label in sorted(vocab.CRIME_TYPES)
                 if (query := understand.parse(f"How many {label} offences were there in {area}?")).crime_types)
    assert first.areas
    for turn in ("What was it revised to later?", "was that figure corrected?", "what was that number revised to?"):
        asked = of_table_answer(turn, understand.parse(turn, first))
        assert area.casefold() in asked.casefold() and asked.casefold().startswith(turn.casefold().rstrip("?")), asked
    unrelated = "Who chairs the board?"
    assert of_table_answer(unrelated, understand.parse(unrelated, first)) == unrelated
