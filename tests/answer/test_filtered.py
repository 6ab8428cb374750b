"""Questions that pick out every row meeting a condition ("which districts saw burglary rise?", "did any
district ...", "how many districts recorded more than N crimes?"), on the repo's summary and on another force's.

Each expectation is worked out here from the printed cells of the edition that answers, for every crime type
with districts on both sides of the condition, so the tests follow whatever the tables print.
"""

from __future__ import annotations

import math


from assistant.ingest.measures import CHANGE, OFFENCES

SAMPLE = 6  # crime types tried per force: enough to cover rises, falls and both answers to "any"


def _changes(engine, crime_type: str) -> dict[str, float]:
    table = engine.tables.latest(())
    rows = {area: table.row(area, crime_type) for area in table.districts}
    values = {area: row.value(CHANGE[OFFENCES], table.change_period) for area, row in rows.items() if row}
    return {area: value for area, value in values.items() if not math.isnan(value)}


def _crime_types(engine) -> list[str]:
    """Printed crime types (bar the total) with districts that rose and districts that did not."""
    table = engine.tables.latest(())
    chosen = []
    for crime_type in sorted(table.crime_types):
        changes = _changes(engine, crime_type)
        if crime_type != table.total and any(v > 0 for v in changes.values()) and any(v <= 0 for v in changes.values()):
            chosen.append(crime_type)
    return chosen[:SAMPLE]


def _cited_areas(answer) -> set[str]:
    return {c.table["area"] for c in answer.citations if c.table}


def test_which_districts_rose_or_fell_cites_exactly_those_districts(force):
    crime_types = _crime_types(force)
    assert crime_types
    for crime_type in crime_types:
        changes = _changes(force, crime_type)
        for verb, kept in (("rise", {a for a, v in changes.items() if v > 0}),
                           ("fall", {a for a, v in changes.items() if v < 0})):
            answer = force.ask(f"Which districts saw {crime_type.lower()} {verb}?")
            assert answer.answerable, (crime_type, answer.text)
            if kept:
                assert _cited_areas(answer) == kept, (crime_type, verb, answer.text)
                assert all(f.value > 0 if verb == "rise" else f.value < 0 for f in answer.figures), answer.text
            else:
                assert "none of" in answer.text, answer.text


def test_any_and_every_are_answered_yes_or_no_from_the_cells(force):
    for crime_type in _crime_types(force):
        changes = _changes(force, crime_type)
        rose = {a for a, v in changes.items() if v > 0}
        any_answer = force.ask(f"Did any district see {crime_type.lower()} go up?")
        assert any_answer.text.startswith("Yes." if rose else "No."), any_answer.text
        every_answer = force.ask(f"Was {crime_type.lower()} up in every district?")
        assert every_answer.text.startswith("Yes." if rose == set(changes) else "No."), every_answer.text


def test_a_count_threshold_keeps_the_districts_above_it(force):
    table = force.tables.latest(())
    values = sorted(v for area in table.districts
                    if (row := table.row(area, table.total)) and not math.isnan(v := row.value(OFFENCES, table.years[-1])))
    threshold = int((values[len(values) // 2 - 1] + values[len(values) // 2]) / 2)
    answer = force.ask(f"How many districts recorded more than {threshold:,} crimes?")
    above = {area for area in table.districts
             if (row := table.row(area, table.total)) and row.value(OFFENCES, table.years[-1]) > threshold}
    assert _cited_areas(answer) == above, answer.text


def test_one_areas_crime_types_that_rose_are_cited_with_their_rises(force):
    table = force.tables.latest(())
    area = table.districts[0]
    answer = force.ask(f"Which crime types went up in {area}?")
    assert answer.answerable, answer.text
    assert answer.figures and all(f.value > 0 for f in answer.figures), answer.text
    assert {c.table["area"] for c in answer.citations if c.table} == {area}
    rose = {c for c in table.crime_types if (row := table.row(area, c)) and
            row.value(CHANGE[OFFENCES], table.change_period) > 0}
    assert {c.table["crime_type"] for c in answer.citations if c.table} <= rose


def test_a_superlative_is_still_a_ranking_and_a_named_area_still_a_change(engine):
    ranked = engine.ask("Which district had the most burglary?")
    assert len(_cited_areas(ranked)) == 1 and "Yes." not in ranked.text
    single = engine.ask(f"Did burglary rise in {engine.tables.latest(()).districts[0]}?")
    assert len(_cited_areas(single)) == 1


def test_is_this_district_the_top_one_is_answered_yes_or_no_with_its_own_place(force):
    table = force.tables.latest(())
    crime_type = _crime_types(force)[0]
    values = {area: row.value(OFFENCES, table.years[-1]) for area in table.districts
              if (row := table.row(area, crime_type)) and not math.isnan(row.value(OFFENCES, table.years[-1]))}
    top = max(values.values())
    for area, value in values.items():
        answer = force.ask(f"Is {area} the district with the most {crime_type.lower()}?")
        assert answer.text.startswith("Yes." if value == top else "No."), (area, answer.text)
        assert area in _cited_areas(answer), answer.text
        place = 1 + sum(1 for v in values.values() if v > value)
        if value != top:
            from assistant.answer.tables.wording import ordinal_words
            assert f"{ordinal_words(place)} of the" in answer.text, answer.text


def test_whether_a_place_is_the_safest_gets_no_yes_or_no_from_counts(force):
    area = force.tables.latest(()).districts[0]
    answer = force.ask(f"Is {area} the safest district?")
    assert answer.answerable and not answer.text.startswith(("Yes", "No")), answer.text
    assert "safer" in answer.text, answer.text
