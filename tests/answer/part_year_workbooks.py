"""Generated performance workbooks over part-year periods ("Apr-Dec 2025", "Apr-Dec 2026"): an invented force's
district, crime types as the rows, offences, their change and solved outcomes for a span of months shorter than a
year, in the layout a force prints for its financial year to date. The months, names and figures vary with the
seed; the truth of every cell is returned with the file."""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

import openpyxl

FORCES = ("Wexmoor", "Calder Vale", "Pennock", "Hartsfold")
DISTRICTS = ("Tolbury", "Ashcombe", "Brindlecross", "Quenby", "Saltleigh")
CRIMES = ("All crime", "Residential burglary", "Shoplifting", "Robbery", "Vehicle offences", "Drug offences",
          "Bicycle theft")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# (first month, last month) of the part-year spans a summary prints: the financial year to a quarter's end.
SPANS = ((4, 9), (4, 12), (4, 6), (1, 6))


@dataclass(frozen=True)
class PartYear:
    """A generated workbook: its district, the span's first and last month, the two years and the cells:
    (crime type, "offences" | "solved", year) -> value."""

    path: Path
    district: str
    first: int
    last: int
    years: tuple[int, int]
    cells: dict[tuple[str, str, int], int]

    def span(self, year: int, style: int = 0) -> str:
        """The span as people write it: "apr-dec 2026", "April to December 2026", "apr-dec 26"."""
        first, last = MONTHS[self.first - 1], MONTHS[self.last - 1]
        return (f"{first.lower()}-{last.lower()} {year}", f"{_full(first)} to {_full(last)} {year}",
                f"{first.lower()}-{last.lower()} {str(year)[2:]}", f"{_full(first)}-{_full(last)} {year}")[style % 4]


def _full(month: str) -> str:
    return {"Jan": "January", "Feb": "February", "Mar": "March", "Apr": "April", "Jun": "June", "Jul": "July",
            "Aug": "August", "Sep": "September", "Oct": "October", "Nov": "November", "Dec": "December"}.get(month,
                                                                                                        month)


def make_part_year_workbook(folder: Path, seed: int) -> PartYear:
    rng = random.Random(seed)
    force, district = rng.choice(FORCES), rng.choice(DISTRICTS)
    first, last = SPANS[seed % len(SPANS)]
    years = (2025, 2026) if seed % 2 else (2024, 2025)
    label = f"{MONTHS[first - 1]}-{MONTHS[last - 1]}"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Summary"
    sheet.append([f"{force} Constabulary - {district} District: Performance Summary, {label} {years[1]}"])
    sheet.append([])
    sheet.append(["Crime type", f"Crimes {label} {years[0]}", f"Crimes {label} {years[1]}", "+/-", "% diff",
                  f"Positive outcomes {label} {years[1]}"])
    cells = {}
    for crime in CRIMES:
        before, now = rng.randint(200, 900), rng.randint(200, 900)
        solved = rng.randint(10, 150)
        cells.update({(crime, "offences", years[0]): before, (crime, "offences", years[1]): now,
                      (crime, "solved", years[1]): solved})
        sheet.append([crime, before, now, now - before, round(100 * (now - before) / before, 1), solved])
    path = folder / f"{force.lower().replace(' ', '-')}-{district.lower()}-performance-{seed}.xlsx"
    book.save(path)
    return PartYear(path, district, first, last, years, cells)
