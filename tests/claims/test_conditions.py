"""Claims about how many areas meet a condition ("burglary rose in every district", "no district saw robbery
fall", "three districts recorded more than N crimes", "burglary fell in A and B"), on the repo's summary and
on another force's.

Every expected verdict is worked out here from the printed cells of the latest edition, for every crime type
with districts on both sides of the condition, so the tests follow whatever the tables print.
"""

from __future__ import annotations

import math

from assistant.answer.tables.wording import in_words
from assistant.ingest.measures import CHANGE, OFFENCES

SAMPLE = 4  # crime types tried per force


def _changes(engine, crime_type: str) -> dict[str, float]:
    table = engine.tables.latest(())
    rows = {area: table.row(area, crime_type) for area in table.districts}
    values = {area: row.value(CHANGE[OFFENCES], table.change_period) for area, row in rows.items() if row}
    return {area: value for area, value in values.items() if not math.isnan(value)}


def _mixed_crime_types(engine) -> list[str]:
    """Printed crime types (bar the total) with districts that rose and districts that fell."""
    table = engine.tables.latest(())
    chosen = [c for c in sorted(table.crime_types) if c != table.total and
              any(v > 0 for v in _changes(engine, c).values()) and any(v < 0 for v in _changes(engine, c).values())]
    return chosen[:SAMPLE]


def _cited_areas(answer) -> set[str]:
    return {c.table["area"] for c in answer.citations if c.table}


def test_every_and_no_district_claims_are_judged_by_every_districts_cell(force):
    force_name = force.tables.catalogue.forces()[0]
    crime_types = _mixed_crime_types(force)
    assert crime_types
    for crime_type in crime_types:
        changes = _changes(force, crime_type)
        rose = {a for a, v in changes.items() if v > 0}
        fell = {a for a, v in changes.items() if v < 0}
        name = crime_type.lower()
        for claim in (f"{crime_type} rose in every district", f"{crime_type} went up in all districts of {force_name}"):
            answer = force.check(claim)
            assert answer.verdict == ("supported" if rose == set(changes) else "contradicted"), (claim, answer.text)
            assert _cited_areas(answer) == rose, (claim, answer.text)
            assert all(f.value > 0 for f in answer.figures), answer.text
        answer = force.check(f"No district saw {name} fall")
        assert answer.verdict == ("supported" if not fell else "contradicted"), answer.text
        assert _cited_areas(answer) == fell, answer.text
        answer = force.check(f"{crime_type} fell in most districts")
        assert answer.verdict == ("supported" if 2 * len(fell) > len(changes) else "contradicted"), answer.text


def test_a_number_of_districts_is_counted_against_the_cells(force):
    crime_type = _mixed_crime_types(force)[0]
    rose = {a for a, v in _changes(force, crime_type).items() if v > 0}
    for count, verdict in ((len(rose), "supported"), (len(rose) + 1, "contradicted")):
        for said in (str(count), in_words(count)):
            answer = force.check(f"{crime_type} rose in {said} districts")
            assert answer.verdict == verdict, (said, answer.text)
    answer = force.check(f"{crime_type} rose in at least {len(rose)} districts")
    assert answer.verdict == "supported", answer.text


def test_a_threshold_claim_counts_the_districts_above_it(force):
    table = force.tables.latest(())
    values = {area: row.value(OFFENCES, table.years[-1]) for area in table.districts
              if (row := table.row(area, table.total)) and not math.isnan(row.value(OFFENCES, table.years[-1]))}
    ordered = sorted(values.values())
    threshold = int((ordered[len(ordered) // 2 - 1] + ordered[len(ordered) // 2]) / 2)
    above = {area for area, value in values.items() if value > threshold}
    answer = force.check(f"{in_words(len(above)).capitalize()} districts recorded more than {threshold:,} crimes")
    assert answer.verdict == "supported", answer.text
    assert _cited_areas(answer) == above, answer.text
    wrong = force.check(f"{in_words(len(above) + 2).capitalize()} districts recorded more than {threshold:,} crimes")
    assert wrong.verdict == "contradicted", wrong.text


def test_a_trend_claimed_for_several_named_areas_holds_only_if_it_holds_in_each(force):
    crime_type = _mixed_crime_types(force)[0]
    changes = _changes(force, crime_type)
    fell = sorted(a for a, v in changes.items() if v < 0)
    rose = sorted(a for a, v in changes.items() if v > 0)
    both_fell = force.check(f"{crime_type} fell in {fell[0]} and {fell[-1] if len(fell) > 1 else rose[0]}")
    assert both_fell.verdict == ("supported" if len(fell) > 1 else "contradicted"), both_fell.text
    one_rose = force.check(f"{crime_type} fell in {fell[0]} and {rose[0]}")
    assert one_rose.verdict == "contradicted", one_rose.text
    assert _cited_areas(one_rose) == {fell[0]}, one_rose.text


def test_a_condition_claim_names_no_force_wide_assumption_and_quotes_no_prose(engine):
    crime_type = _mixed_crime_types(engine)[0]
    answer = engine.check(f"{crime_type} rose in every district")
    assert not any("force-wide" in caveat for caveat in answer.caveats), answer.caveats
    assert all(citation.table for citation in answer.citations), answer.text
