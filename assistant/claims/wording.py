"""Words for a claim check's explanations: crime types, places, sources, dates and periods as a reader says them.

Shared by the table and prose judges and by the answer, so one source or crime type is named the same way
everywhere in an explanation. None of these adds a digit that is not in its input: an explanation may state
no number its sources lack.
"""

from __future__ import annotations

from assistant import vocab
from assistant.claims.periods import Period
from assistant.text.dates import date_words
from assistant.answer.tables import wording as tables_wording

def crime_name(crime_type: str) -> str:
    """A table row's crime type in running text, as table answers name it: "residential burglary", "all crime"."""
    return tables_wording.crime_name(crime_type)


def unit_name(crime_type: str) -> str:
    """What a count of this crime type counts: "anti-social behaviour incidents", "shoplifting offences"."""
    return tables_wording.crime_unit(crime_type)


def in_place(area: str) -> str:
    """"in Harlow", "at Stansted Airport", "across Essex"."""
    if area in vocab.FORCES:
        return f"across {area}"
    return f"at {area}" if area == vocab.AIRPORT else f"in {area}"


def signed_points(value: float) -> str:
    """A change in a rate, in percentage points with its sign and the tables' one decimal: "+1.3"."""
    return f"{'+' if value > 0 else '-' if value < 0 else ''}{abs(value):.1f}"


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def period_as_written(period: Period) -> str:
    """A claim's period in the claim's own words, so a refusal states no number the claim did not."""
    return period.words or period.label or "that period"


def source_name(doc) -> str:
    """"the press release by Essex Police (15 January 2024)": kind, publisher and date, for weighing a source."""
    kind = doc.kind.split(" (")[0].split(" / ")[0]
    publisher = doc.publisher.split(" (")[0]
    return f"the {kind} by {publisher} ({date_words(doc.date)})"



def unquoted(text: str) -> str:
    """A sentence without its own quotation marks, ready to be quoted."""
    return text.strip().strip("“”\"").strip()
