"""How table answers word things: crime-type names and units, places, figures, lists and counts in words.

Every figure in a table answer is printed the one way `numbers` prints figures (`show`), and every count of
districts or crime types is written in words (`in_words`) so it can never be mistaken for a figure. The
sentence saying what the tables cover (`scope_sentence`) lives here too, so the answers and the
claim checker describe the tables in the same words.
"""

from __future__ import annotations

from assistant import vocab
from assistant.text.numbers import format_count, format_percent
from assistant.understand.query import CHANGE, OFFENCES, PERCENT_CHANGE, SOLVED, SOLVED_RATE

COUNTS = (OFFENCES, SOLVED)  # measures that are counts, printed as whole numbers


ASB = "Anti-Social Behaviour (incidents)"

NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                "twelve", "thirteen", "fourteen", "fifteen", "sixteen")
# Row labels that read badly in a sentence once lower-cased; "Theft" must not pass for "Theft Offences".
_NAMES = {
    vocab.ALL_CRIME: "all crime", ASB: "anti-social behaviour", "State Based Crime": "state-based crime",
    "Victim Based Crime": "victim-based crime", "Theft": "theft (excluding burglary and vehicle offences)",
    "Criminal Damage inc. Arson": "criminal damage including arson",
    "Vehicle Offences (incl. Interference)": "vehicle offences (including interference)",
    "Hate Crime HO Definition": "hate crime (Home Office definition)",
    "Racial/Religiously Aggravated Offences": "racially or religiously aggravated offences",
    "No Risk Assessment": "domestic abuse with no risk assessment",
    "Burglary Business & Community": "business and community burglary",
    "Burglary Residential": "residential burglary",
    "Burglary Residential - Dwelling": "residential burglary (dwelling)",
    "Burglary Residential - Non Dwelling": "residential burglary (non-dwelling)",
    "Rape - Under 16 yrs": "rape (under 16 yrs)", "Rape - Over 16 yrs": "rape (over 16 yrs)",
}
_UNITS = {ASB: "anti-social behaviour incidents", vocab.ALL_CRIME: "offences (all crime, excluding Action Fraud)",
          "Vehicle Offences (incl. Interference)": "vehicle offences (including interference)",
          "State Based Crime": "state-based offences", "Victim Based Crime": "victim-based offences"}


def metric(measure: str, crime_type: str | None) -> str:
    """"the number of shoplifting offences" when one crime type is compared across areas, else the bare measure."""
    about = f" for {crime_name(crime_type)}" if crime_type else ""
    if measure == OFFENCES:
        return f"the number of {crime_unit(crime_type)}" if crime_type else "the number of offences"
    if measure == SOLVED:
        return f"the number of solved outcomes{about}"
    if measure == SOLVED_RATE:
        return f"the solved rate{about}"
    return f"the share of offences{about} that were domestic-abuse related"


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
    return format_percent(value)


def points(value: float) -> str:
    """A difference in percentage points, unsigned, with the tables' one decimal."""
    return f"{abs(value):.1f}"


def crime_name(crime_type: str) -> str:
    """A row label as it reads inside a sentence: "shoplifting", "criminal damage including arson"."""
    if crime_type == vocab.ALL_CRIME and crime_type not in _NAMES:  # another force's all-crime row
        return "all crime"
    return _NAMES.get(crime_type, crime_type.lower())


def crime_unit(crime_type: str) -> str:
    """What a count of this row counts: "shoplifting offences", "sexual offences", "anti-social behaviour incidents"."""
    if crime_type in _UNITS:
        return _UNITS[crime_type]
    if crime_type == vocab.ALL_CRIME:  # another force's all-crime row
        return "offences (all crime)"
    name = crime_name(crime_type)
    return name if name.endswith("offences") else f"{name} offences" if "(" not in name else f"offences of {name}"


def place_phrase(area: str) -> str:
    """"in Chelmsford", "at Stansted Airport", "across Essex (force-wide)"."""
    if area in vocab.FORCES:
        return f"across {area} (force-wide)"
    return f"at {area}" if area == vocab.AIRPORT else f"in {area}"


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def join_and(items: list[str] | tuple[str, ...]) -> str:
    """"a", "a and b", "a, b and c"."""
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def in_words(n: int) -> str:
    """A count up to sixteen in words; larger counts (never reached by districts) in digits."""
    return NUMBER_WORDS[n] if n < len(NUMBER_WORDS) else str(n)


def scope_sentence(tables) -> str:
    """"The tables cover the 16 Essex Police areas for the 12 months to October 2023 and 2024.", from the
    catalogue of what was indexed."""
    catalogue = tables.catalogue
    if not catalogue.editions:
        return "No performance tables are indexed."
    forces = [f"the {sum(1 for a in catalogue.areas if a.force == force)} {force} Police areas"
              for force in catalogue.forces()]
    covered = vocab.SCOPE.covered if vocab.SCOPE is not None else ""
    periods = covered.removeprefix("the tables cover only ") or "the periods they print"
    return f"The tables cover {join_and(forces)} for {periods}."
