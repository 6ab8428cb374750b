"""A crime type a table prints with no offences count (only a solved rate, say) has no place in the arithmetic of
sub-types, and must not stop the catalogue being built: the rest of the hierarchy is learned as before."""

from __future__ import annotations

import pandas as pd
import pytest

from assistant.ingest.catalogue import _hierarchy
from assistant.ingest.measures import OFFENCES, SOLVED_RATE


def _rows(crime_types_with_offences: dict[str, float], rate_only: list[str], section: str) -> pd.DataFrame:
    rows, order = [], 0
    for label, value in crime_types_with_offences.items():
        rows.append({"crime_type": label, "parent_type": None, "section": section, "row_order": order,
                     "measure": OFFENCES, "area": "Eastwick", "period_end": "2026-06", "value": value})
        order += 1
    for label in rate_only:
        rows.append({"crime_type": label, "parent_type": None, "section": section, "row_order": order,
                     "measure": SOLVED_RATE, "area": "Eastwick", "period_end": "2026-06", "value": 12.5})
        order += 1
    return pd.DataFrame(rows)


@pytest.mark.parametrize("odd", ["Crimes per 1,000 population", "Solved rate (all crime)"])
def test_a_row_with_no_offences_leaves_the_hierarchy_as_it_was(odd):
    counts = {"All crime": 100.0, "Burglary": 40.0, "Shoplifting": 60.0}
    plain, _ = _hierarchy(_rows(counts, [], ""))
    with_odd, _ = _hierarchy(_rows(counts, [odd], ""))
    assert {k: v for k, v in with_odd.items() if k != odd} == plain
    assert plain["Burglary"] == "All crime" and plain["Shoplifting"] == "All crime"
