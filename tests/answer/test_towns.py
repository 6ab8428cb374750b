"""A town inside a district: the tables go down to districts, so the district's figure is offered as context and
the answer is not answerable (a figure for another place is never given as if it answered)."""

from __future__ import annotations

from assistant.text.normalise import normalise


def test_every_town_in_the_vocabulary_gets_its_districts_figure_as_context_only(engine):
    towns = engine.vocabulary.area_towns
    assert towns
    for district, names in towns.items():
        for town in names:
            # a town sharing its district's name ("Southend" in "Southend-on-Sea") is the district itself
            if normalise(district).startswith(normalise(town)) or normalise(town).startswith(normalise(district)):
                continue
            answer = engine.ask(f"How many burglaries in {town.title()}?")
            assert not answer.answerable, answer.text
            assert {c.table["area"] for c in answer.citations if c.table} == {district}, answer.text
            assert f"not one for {town.title()}" in answer.text and district in answer.text, answer.text


def test_the_district_itself_is_still_answered(engine):
    district = next(iter(engine.vocabulary.area_towns))
    answer = engine.ask(f"How many burglaries in {district}?")
    assert answer.answerable and "not one for" not in answer.text, answer.text
