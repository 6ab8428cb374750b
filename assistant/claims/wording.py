"""Words for a claim check's explanations: crime types, places, sources, dates and periods as a reader says them.

Shared by the table and prose judges and by the answer, so one source or crime type is named the same way
everywhere in an explanation. None of these adds a digit that is not in its input: an explanation may state
no number its sources lack.
"""

from __future__ import annotations

from assistant import vocab
from assistant.claims.periods import Period
from assistant.text.dates import date_words
from assistant.answer.tables import ASB

# Row labels that read badly once lower-cased.
_NAMES = {vocab.ALL_CRIME: "recorded crime", ASB: "anti-social behaviour", "Theft": "theft",
          "Burglary Residential": "residential burglary", "Theft of Pedal Cycle": "theft of pedal cycles",
          "Burglary Residential - Dwelling": "residential burglary of dwellings",
          "Burglary Residential - Non Dwelling": "residential burglary of non-dwellings",
          "Public Order": "public order offences", "Possession of Weapons": "possession of weapons offences",
          "Possession of Drugs": "possession of drugs offences", "Rape - Under 16 yrs": "rape of under-16s",
          "Rape - Over 16 yrs": "rape of over-16s", "Theft of a Vehicle": "theft of vehicles",
          "Theft from a Vehicle": "theft from vehicles",
          "Criminal Damage inc. Arson": "criminal damage including arson",
          "Vehicle Offences (incl. Interference)": "vehicle offences",
          "Hate Crime HO Definition": "hate crime", "No Risk Assessment": "domestic abuse with no risk assessment",
          "Burglary Business & Community": "business and community burglary"}


def crime_name(crime_type: str) -> str:
    """A table row's crime type in running text: "residential burglary", "recorded crime"."""
    if crime_type == vocab.ALL_CRIME and crime_type not in _NAMES:  # another force's all-crime row
        return "recorded crime"
    return _NAMES.get(crime_type, crime_type.lower())


def unit_name(crime_type: str) -> str:
    """What a count of this crime type counts: "anti-social behaviour incidents", "shoplifting offences"."""
    if crime_type == ASB:
        return "anti-social behaviour incidents"
    if crime_type == vocab.ALL_CRIME:
        return "offences (all crime, excluding Action Fraud)"
    name = crime_name(crime_type)
    if name.endswith("offences"):
        return name
    return f"offences of {name}" if " of " in name else f"{name} offences"


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
