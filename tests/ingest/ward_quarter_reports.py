"""A made-up district's quarterly summary printed as a Word report, in the shape a force's analysts print a quarter:

- Table 1, the district's offence groups as rows: a group ("Violence against the person") printed flat above the
  sub-types that add up to it (no indent, no mark), the all-crime row last under a name of the force's own
  ("Total recorded crime"); columns for the quarter a year before and this quarter ("Recorded Q2 2025/26"), the
  change, the "Change %" (printed "n/a*" where few offences were recorded: a missing mark with a footnote mark), the
  solved outcomes and the solved rate;
- Table 2, the wards as rows, the district's own total as the last row ("<District> District"): all crime for the
  two quarters and its changes, then one column per crime type for this quarter, then the ASB incidents (counted
  beside crime, never in it); the caption describes the table ("Selected offences by ward area").

A second edition of the same district, a quarter later, is a workbook of the same wards whose whole area is printed
as "<District> District" and whose all-crime row is "All crime". Names and figures come from the seed; `Quarter`
keeps the truth.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

import docx
from generated_corpora import coined

GROUP = "Violence against the person"
SUBTYPES = ("Violence with injury", "Violence without injury", "Stalking and harassment")
OTHERS = ("Robbery", "Burglary - residential", "Shoplifting", "Bicycle theft", "Drug offences")
WARD_CRIMES = (GROUP, "Shoplifting", "Burglary - residential")
INCIDENTS = "ASB incidents"
TOTAL = "Total recorded crime"
FEW = 20  # "Change %" is printed n/a* below this many offences in both quarters


@dataclass
class Quarter:
    district: str
    wards: tuple[str, ...]
    quarter: int
    year: int  # the financial year starting in April of this year
    by_ward: dict[tuple[str, str], tuple[int, int]] = field(default_factory=dict)  # (ward, crime) -> (before, now)
    incidents: dict[str, int] = field(default_factory=dict)

    def fiscal(self, earlier: bool = False) -> str:
        start = self.year - (1 if earlier else 0)
        return f"{start}/{(start + 1) % 100:02d}"

    def label(self, earlier: bool = False) -> str:
        return f"Q{self.quarter} {self.fiscal(earlier)}"

    def district_figure(self, crime: str) -> tuple[int, int]:
        if crime == GROUP:
            return tuple(sum(self.district_figure(c)[i] for c in SUBTYPES) for i in range(2))
        if crime == TOTAL:
            return tuple(sum(self.district_figure(c)[i] for c in (*SUBTYPES, *OTHERS)) for i in range(2))
        return tuple(sum(self.by_ward[(w, crime)][i] for w in self.wards) for i in range(2))

    def ward_total(self, ward: str) -> tuple[int, int]:
        return tuple(sum(self.by_ward[(ward, c)][i] for c in (*SUBTYPES, *OTHERS)) for i in range(2))

    def period(self, earlier: bool = False) -> str:
        """How the frame names the quarter: "3 months to September 2026"."""
        end = (self.year * 12 + 3 + 3 * self.quarter - 1) - (12 if earlier else 0)
        months = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                  "October", "November", "December")
        return f"3 months to {months[end % 12]} {end // 12}"


def make_quarter(seed: int) -> Quarter:
    rng = random.Random(seed)
    district = coined(rng, 3)
    wards = tuple(dict.fromkeys([f"{district} {rng.choice(('East', 'West', 'Central'))}",
                                 *(coined(rng) for _ in range(4))]))
    q = Quarter(district, wards, rng.randint(1, 3), rng.choice((2025, 2026)))
    for ward in wards:
        for crime in (*SUBTYPES, *OTHERS):
            low = crime == "Bicycle theft"  # a row with few offences: its change % is not printed
            q.by_ward[(ward, crime)] = (rng.randint(0, 3), rng.randint(0, 3)) if low else \
                (rng.randint(20, 200), rng.randint(20, 200))
        q.incidents[ward] = rng.randint(50, 300)
    return q


def _change(before: int, now: int) -> tuple[str, str]:
    percent = "n/a*" if before < FEW and now < FEW else f"{100 * (now - before) / before:+.1f}%"
    return f"{now - before:+,}", percent


def crime_rows(q: Quarter) -> list[tuple[str, ...]]:
    rows = [("Offence group", f"Recorded {q.label(True)}", f"Recorded {q.label()}", "Change", "Change %",
             "Charged or summonsed", "Detection rate")]
    for crime in (GROUP, *SUBTYPES, *OTHERS, TOTAL):
        before, now = q.district_figure(crime)
        solved = now // 10
        rows.append((crime, f"{before:,}", f"{now:,}", *_change(before, now), f"{solved:,}",
                     f"{100 * solved / now:.1f}%" if now else "n/a*"))
    return rows


def ward_rows(q: Quarter, incidents_label: str = INCIDENTS) -> list[tuple[str, ...]]:
    rows = [("Ward area", f"All crime {q.label(True)}", f"All crime {q.label()}", "Change", "Change %",
             *WARD_CRIMES, incidents_label)]
    for ward in (*q.wards, None):
        name = ward or f"{q.district} District"
        before, now = q.ward_total(ward) if ward else q.district_figure(TOTAL)
        crimes = [(sum(q.by_ward[(ward, c)][1] for c in SUBTYPES) if c == GROUP else q.by_ward[(ward, c)][1])
                  if ward else q.district_figure(c)[1] for c in WARD_CRIMES]
        incidents = q.incidents[ward] if ward else sum(q.incidents.values())
        rows.append((name, f"{before:,}", f"{now:,}", *_change(before, now), *(f"{v:,}" for v in crimes),
                     f"{incidents:,}"))
    return rows


def write_docx(path: Path, q: Quarter, incidents_label: str = INCIDENTS) -> Path:
    """The report; `incidents_label` is how its table of wards heads the ASB incidents column."""
    document = docx.Document()
    document.add_heading(f"{q.district} District Quarterly Performance Summary - Quarter {q.quarter} {q.fiscal()}", 1)
    document.add_paragraph(f"Quarter {q.quarter} {q.fiscal()} compared with Quarter {q.quarter} {q.fiscal(True)}.")
    for caption, rows in ((f"Table 1: Recorded crime by offence group, {q.district} District", crime_rows(q)),
                          (f"Table 2: Selected offences by ward area, Quarter {q.quarter} {q.fiscal()}",
                           ward_rows(q, incidents_label))):
        document.add_heading(caption, 3)
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.cell(r, c).text = value
    document.add_paragraph("* Change % is not shown where fewer than 20 offences were recorded in both quarters.")
    document.save(str(path))
    return path
