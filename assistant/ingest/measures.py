"""The names of what a performance table measures, exactly as they appear in the tidy frame's `measure` column.

They live with the frame they describe: ingestion writes them, look-ups, claims and answers read them.
"""

from __future__ import annotations

OFFENCES = "offences"
SOLVED = "solved outcomes"
SOLVED_RATE = "solved rate %"
DA_SHARE = "% domestic-abuse related"
BASE_MEASURES = (OFFENCES, SOLVED, SOLVED_RATE, DA_SHARE)
# A rate per head of population a summary prints ("Crimes per 1,000 population"): a printed figure answered as
# printed, never worked out from a count and a population, and no solved rate. Its unit is its column's label.
PER_HEAD = "rate per head of population"

# The printed differences, keyed by the base measure they belong to.
CHANGE = {OFFENCES: "offences change", SOLVED: "solved outcomes change",
          SOLVED_RATE: "solved rate change (% points)"}
PERCENT_CHANGE = {OFFENCES: "offences % change", SOLVED: "solved outcomes % change"}
