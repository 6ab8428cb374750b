"""Claims that compare areas: "Colchester recorded more shoplifting than Chelmsford", "Southend had more domestic
abuse than any other district".

The tables print each area's figure, so such a claim is judged from two printed cells (or the claimed area's
against every district's) for one period of one edition, each cited. A claim with a figure ("200 more than")
or a comparison with a place the tables do not print is left to the other judges.
"""

from __future__ import annotations

import math
import re

from assistant.answer.tables import TableIndex
from assistant.answer.tables.index import printed_as
from assistant.claims.directions import DOWN, UP
from assistant.claims.parse import ClaimShape
from assistant.claims.subject import Subject, places_in, table_period
from assistant.claims.verdict import CONTRADICTED, SUPPORTED, Evidence
from assistant.claims.wording import capitalised, crime_name, unit_name
from assistant.text.dates import period_end
from assistant.text.numbers import format_count, format_percent
from assistant.understand.query import DA_SHARE, OFFENCES, SOLVED, SOLVED_RATE

_MORE_THAN = re.compile(r"\b(?:more|fewer|less|higher|lower|greater|bigger|smaller)\b(?:\s+[\w'-]+){0,6}?\s+than\b",
                        re.IGNORECASE)
_ANY_OTHER = re.compile(r"\bthan\s+(?:any|every)\s+other\b|\bthan\s+all\s+(?:the\s+)?other\b", re.IGNORECASE)


def compares_areas(shape: ClaimShape) -> bool:
    """Does the claim compare its area with another area, or with every other district, and give no figure?"""
    if shape.amount is not None or shape.direction not in (UP, DOWN) or not _MORE_THAN.search(shape.text):
        return False
    return bool(_ANY_OTHER.search(shape.text)) or bool(places_in(shape.text)[1])


def between_evidence(shape: ClaimShape, subject: Subject, tables: TableIndex) -> list[Evidence]:
    """The claimed area's printed figure against the other area's (or every district's); [] when the tables
    cannot say."""
    own, others = places_in(shape.text)
    area = next(iter(own), None)
    if area is None or len(subject.crime_types) != 1:
        return []
    everyone = bool(_ANY_OTHER.search(shape.text))
    period = table_period(shape, shape.period) if shape.period else None
    table = (tables.for_periods((period,), (area,)) if period else tables.latest((area,))) or None
    if table is None:
        return []
    period = period or table.years[1]
    crime_type = printed_as(subject.crime_types[0], table, tables.catalogue)
    rivals = [a for a in table.districts if a != area] if everyone else list(others)
    measure = subject.measure if subject.measure in (SOLVED_RATE, DA_SHARE, SOLVED) else OFFENCES
    rows = {a: table.row(a, crime_type) for a in [area, *rivals]}
    values = {a: row.value(measure, period) for a, row in rows.items() if row is not None}
    values = {a: v for a, v in values.items() if not math.isnan(v)}
    if area not in values or not set(rivals) & set(values):
        return []
    higher = shape.direction == UP
    beaten = [a for a in rivals if a in values and (values[a] >= values[area] if higher else values[a] <= values[area])]
    ranked = sorted((a for a in rivals if a in values), key=lambda a: values[a], reverse=higher)
    shown = [area, ranked[0]]  # against every district: the one nearest to beating it, or beating it most
    keys = {a: f"row:{a}|{crime_type}" for a in shown}
    said = "; ".join(f"{a} {_figure(values[a], measure, crime_type)} [[{keys[a]}]]" for a in shown)
    statement = f"The performance tables show, for the {period}: {said}."
    more, less = _comparatives(measure)
    claimed, opposite = (more, less) if higher else (less, more)
    if everyone:
        found = f"{shown[1]} had {'as many or more' if higher else 'as few or fewer'}." if beaten else \
            f"none had {'as many' if higher else 'as few'}; the nearest was {shown[1]}."
        reason = f"The claim says {area} had {claimed} than any other district; {found}"
    else:
        rival = shown[1]
        found = "the same" if values[rival] == values[area] else opposite if beaten else claimed
        reason = f"The claim says {area} had {claimed} than {rival}; it had {found}."
    verdict = CONTRADICTED if beaten else SUPPORTED
    cites = {keys[a]: ("row", rows[a].ref(measure, period)) for a in shown}
    figures = [(values[a], measure, a, crime_type, period, keys[a]) for a in shown]
    suggestion = capitalised(f"In the {period}, {said}.")
    return [Evidence(verdict, "table", period_end(period), f"the {period}", statement, reason, cites, figures,
                     suggestion, rows[area].source_document,
                     caveats=(table.excluded,) if everyone else ())]


def _figure(value: float, measure: str, crime_type: str) -> str:
    if measure == SOLVED_RATE:
        return f"had a solved rate for {crime_name(crime_type)} of {format_percent(value)}"
    if measure == DA_SHARE:
        return f"had {format_percent(value)} of {unit_name(crime_type)} domestic-abuse related"
    if measure == SOLVED:
        return f"recorded {format_count(value)} solved outcomes for {crime_name(crime_type)}"
    return f"recorded {format_count(value)} {unit_name(crime_type)}"


def _comparatives(measure: str) -> tuple[str, str]:
    if measure in (SOLVED_RATE, DA_SHARE):
        return "a higher rate", "a lower rate"
    return "more", "fewer"

