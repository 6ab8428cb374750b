"""How table answers word things: crime-type names and units, places, figures, lists and counts in words.

Every figure in a table answer is printed the one way `numbers` prints figures (`show`), and every count of
districts or crime types is written in words (`in_words`) so it can never be mistaken for a figure. The
sentence saying what the tables cover (`scope_sentence`) lives here too, so the answers and the
claim checker describe the tables in the same words.
"""

from __future__ import annotations

import re

from assistant import vocab
from assistant.ingest.catalogue import INCIDENTS, TOTAL
from assistant.text.numbers import format_count, format_percent
from assistant.understand.query import CHANGE, DA_SHARE, OFFENCES, PER_HEAD, PERCENT_CHANGE, SOLVED, SOLVED_RATE

COUNTS = (OFFENCES, SOLVED)  # measures that are counts, printed as whole numbers

NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                "twelve", "thirteen", "fourteen", "fifteen", "sixteen")


def metric(measure: str, crime_type: str | None) -> str:
    """"the number of shoplifting offences" when one crime type is compared across areas, else the bare measure."""
    about = f" for {crime_name(crime_type)}" if crime_type else ""
    if measure == OFFENCES:
        return f"the number of {crime_unit(crime_type)}" if crime_type else "the number of offences"
    if measure == SOLVED:
        return f"the number of solved outcomes{about}"
    if measure == SOLVED_RATE:
        return f"the solved rate{about}"
    if measure == PER_HEAD:
        return f"the rate per head of population{about}"
    return f"the share of offences{about} that were domestic-abuse related"


def measure_words(measure: str) -> str:
    """"a solved rate", "a count of offences": one figure of `measure`, for saying a summary does not give it."""
    named = {OFFENCES: "a count of offences", SOLVED: "a count of solved outcomes", SOLVED_RATE: "a solved rate",
             CHANGE[OFFENCES]: "a change in offences", CHANGE[SOLVED]: "a change in solved outcomes",
             CHANGE[SOLVED_RATE]: "a change in the solved rate", PERCENT_CHANGE[OFFENCES]: "a percentage change in "
             "offences", PERCENT_CHANGE[SOLVED]: "a percentage change in solved outcomes"}
    named[PER_HEAD] = "a rate per head of population"
    return named.get(measure, "a domestic-abuse share" if measure == DA_SHARE else "this figure")


def show(value: float, measure: str) -> str:
    """A printed cell of `measure` as the tables print it: counts, signed differences, percentages, points."""
    if measure in COUNTS:
        return format_count(value)
    if measure in (CHANGE[OFFENCES], CHANGE[SOLVED]):
        return format_count(value, signed=True)
    if measure in PERCENT_CHANGE.values():
        return format_percent(value, signed=True)
    if measure == CHANGE[SOLVED_RATE]:
        return f"{'+' if value > 0 else '-' if value < 0 else ''}{points(value)} points"
    if measure == PER_HEAD:  # a rate per head, with the one decimal summaries print it with
        return f"{value:,.1f}"
    return format_percent(value)


_PER_UNIT = re.compile(r"\bper\s+(?:\d[\d,.]*k?|head|capita|thousand)(?:\s+(?:population|residents|people|"
                       r"inhabitants|head))?", re.IGNORECASE)


def per_head_unit(column_label: str) -> str:
    """"per 1,000 population": the unit a rate per head's printed column names, as its header prints it."""
    found = _PER_UNIT.search(column_label)
    return found.group().strip() if found else "per head of population"


def points(value: float) -> str:
    """A difference in percentage points, unsigned, with the tables' one decimal."""
    return f"{abs(value):.1f}"


def crime_name(crime_type: str) -> str:
    """A row label as it reads inside a sentence: "shoplifting", "criminal damage including arson" (the `name`
    crime_types.toml gives a label that reads badly lower-cased; "all crime" for any force's total row)."""
    entry = vocab.active().data.crime_types.get(crime_type)
    if entry is not None and entry.name:
        return entry.name
    return "all crime" if _role(crime_type) == TOTAL else crime_type.lower()


def crime_unit(crime_type: str) -> str:
    """What a count of this row counts: "shoplifting offences", "sexual offences", "anti-social behaviour incidents"."""
    entry = vocab.active().data.crime_types.get(crime_type)
    if entry is not None and entry.unit:
        return entry.unit
    role = _role(crime_type)
    if role == TOTAL:
        return "offences (all crime)"
    name = crime_name(crime_type)
    if role == INCIDENTS:
        return name if name.endswith("incidents") else f"{name} incidents"
    if name.endswith("offences"):
        return name
    return f"offences of {name}" if "(" in name or re.search(r" (?:of|from) ", name) else f"{name} offences"


def is_incidents(crime_type: str) -> bool:
    """True for a row that counts incidents rather than crimes (anti-social behaviour), as the catalogue learned."""
    return _role(crime_type) == INCIDENTS


def _role(crime_type: str) -> str:
    catalogue = vocab.CATALOGUE
    known = catalogue.crime_type(crime_type) if catalogue is not None else None
    if known is not None:
        return known.role
    return TOTAL if crime_type == vocab.ALL_CRIME else ""


def place_phrase(area: str) -> str:
    """"in Chelmsford", "at Stansted Airport", "across Essex (force-wide)"."""
    if area in vocab.FORCES:
        catalogue = vocab.active().catalogue
        police = catalogue is None or catalogue.owner(area) != area
        return f"across {area} ({'force-wide' if police else 'the whole area'})"
    return f"at {area}" if area == vocab.AIRPORT else f"in {area}"


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def join_and(items: list[str] | tuple[str, ...]) -> str:
    """"a", "a and b", "a, b and c"."""
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


_TEENS = ("seventeen", "eighteen", "nineteen")
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def in_words(n: int) -> str:
    """A count of rows in words ("fourteen", "thirty-two": a force with 32 boroughs), so a count worked out by
    the answer is never mistaken for a printed figure; from a hundred on, in digits."""
    if n < len(NUMBER_WORDS):
        return NUMBER_WORDS[n]
    if n < 20:
        return _TEENS[n - len(NUMBER_WORDS)]
    if n < 100:
        return _TENS[n // 10] + (f"-{NUMBER_WORDS[n % 10]}" if n % 10 else "")
    return str(n)


_ORDINAL_ENDS = {"one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth",
                 "nine": "ninth", "twelve": "twelfth"}


def ordinal_words(n: int) -> str:
    """"first", "fourteenth", "thirty-second": a place in a ranking, in words like `in_words`."""
    words = in_words(n)
    head, _, last = words.rpartition("-")
    last = _ORDINAL_ENDS.get(last) or (last[:-1] + "ieth" if last.endswith("y") else last + "th")
    return f"{head}-{last}" if head else last


def scope_sentence(tables) -> str:
    """"The tables cover the 16 Essex Police areas for the 12 months to October 2023 and 2024.", from the
    catalogue of what was indexed."""
    catalogue = tables.catalogue
    if not catalogue.editions:
        return "No performance tables are indexed."
    forces = [_areas_of(catalogue, force) for force in catalogue.forces()]
    covered = vocab.SCOPE.covered if vocab.SCOPE is not None else ""
    periods = covered.removeprefix("the tables cover only ") or "the periods they print"
    return f"The tables cover {join_and(forces)} for {periods}."


def _areas_of(catalogue, force: str) -> str:
    """"the 16 Essex Police areas", or the one area's own name when a summary prints one ("Lydwold" is no "1 areas")."""
    areas = [area.name for area in catalogue.areas if area.force == force]
    if len(areas) == 1:
        return areas[0]
    return f"the {len(areas)} {catalogue.owner(force)} areas"
