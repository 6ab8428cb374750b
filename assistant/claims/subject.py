"""What a claim (or a document sentence) is about: places, crime types, measure; and can the tables judge it.

Both sides of a check are read with the same `places_in` and `topics_in`, so a claim about Southend is only
ever matched with sentences about Southend. `subject_of` turns a claim into its `Subject`, which carries
`table_reason`: why the performance tables cannot judge this claim ("" when they can), used both to skip
the tables and to explain a "not found".
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass

from assistant import vocab
from assistant.claims.amounts import MONEY, RATE, spaces_for
from assistant.claims.directions import BETTER, DOWN, UP, WORSE
from assistant.claims.parse import LEVEL, RANK, SHARE, STATEMENT, ClaimShape, solved_share
from assistant.claims.periods import Period
from assistant.claims.wording import period_as_written
from assistant.understand.query import DA_SHARE, OFFENCES, SOLVED, SOLVED_RATE, Query

KNIFE, SERIOUS_VIOLENCE = "Knife crime", "Serious violence"
# Crime words the tables only approximate: judged from prose alone, never from the nearest row.
_APPROXIMATED = (
    (KNIFE, re.compile(r"\bknife (?:enabled |related |carrying )?(?:crimes?|offences?|offending|attacks?)\b|"
                       r"\binvolving (?:a )?knife\b|\bknife enabled\b|\bknife related\b|\bstabbings?\b")),
    (SERIOUS_VIOLENCE, re.compile(r"\bserious violen(?:ce|t crime)\b")))
# Names of bodies and plans whose words would read as a place or a crime ("Essex Police", "Police, Fire and
# Crime Commissioner"); blanked before places and crime types are read from a sentence. A force's name before
# a capitalised word ("Kent Police", "Essex County Council") names a body, not the force's area.
_BODIES = (r"(?i:police,? fire (?:and|&) crime commissioner|police and crime (?:plan|commissioner|panel)|"
           r"crime prevention strategy|centre for crime and justice|violence and vulnerability (?:unit|partnership|"
           r"operations board)|community safety (?:partnership|network)|safer streets(?: fund)?|"
           r"violence against women and girls|serious violence (?:duty|strategy)|uk shared prosperity fund|"
           r"rural england prosperity fund|hate crime awareness)")


@lru_cache(maxsize=8)
def _names(forces: tuple[str, ...]) -> re.Pattern:
    force = "|".join(re.escape(name) for name in forces) or r"(?!)"
    return re.compile(rf"\b(?:{force})(?= [A-Z])(?! Police,? Fire)|\bSafer (?:{force})(?: Roads)?\b|{_BODIES}")


_COMPARED_WITH = re.compile(r"\b(?:than|compared (?:with|to)|against|versus|vs)\b(?: \w+){0,5} ?$")


def places_in(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(places the text is about, places it only compares with: "higher than ... England and Wales")."""
    norm = vocab.normalise(_names(tuple(vocab.FORCES)).sub(" ", text))
    subject, reference = [], []
    for _, hit in vocab.find_places(norm):
        if _COMPARED_WITH.search(norm[max(0, hit.start - 60):hit.start]):
            reference.append(hit.name)
        else:
            subject.append(hit.name)
    return tuple(dict.fromkeys(subject)), tuple(dict.fromkeys(reference))


def topics_in(text: str) -> tuple[tuple[str, ...], bool]:
    """(crime types the text names, whether its only crime word is a bare "offences" / "crimes").

    Crime types are table rows, or knife crime / serious violence, which the tables only approximate;
    "all crime", "total crime" or "overall ... crimes" give (vocab.ALL_CRIME,)."""
    norm = vocab.normalise(_names(tuple(vocab.FORCES)).sub(" ", text))
    found = []
    for name, pattern in _APPROXIMATED:  # blanked, so "knife crime" is not also read as a bare "crime"
        def approximate(match: re.Match, name: str = name) -> str:
            if _printed(match.group()):
                return match.group()  # a force that prints its own "Knife Crime" row: read as that row
            found.append(name)
            return spaces_for(match)
        norm = pattern.sub(approximate, norm)
    generic = False
    for hit in vocab.find_crime_types(norm):
        if hit.alias in vocab.GENERIC_CRIME_WORDS:
            generic = True
        else:
            found.append(hit.name)
    explicit = vocab.ALL_CRIME in found or (generic and re.search(r"\b(?:overall|total|all)\b", norm) is not None)
    specific = tuple(dict.fromkeys(t for t in found if t != vocab.ALL_CRIME))
    if explicit and not specific:
        return (vocab.ALL_CRIME,), True
    return specific, generic and not specific


@dataclass(frozen=True)
class Subject:
    """What a claim is about, resolved against the tables' areas, rows and measures."""

    places: tuple[str, ...]  # Essex areas, or other places ("Surrey") when no Essex area is named
    crime_types: tuple[str, ...]  # table rows or KNIFE / SERIOUS_VIOLENCE
    measure: str
    direction: str | None  # UP | DOWN for the measure: "improved" is a fall in offences, a rise in a solved rate
    table_reason: str  # why the tables cannot judge this claim ("" when they can)
    notes: tuple[str, ...] = ()
    force_wide: bool = False  # no place was named, so the force's own figures judge it

    @property
    def cautions(self) -> tuple[str, ...]:
        """How the claim was read, in words for the reader."""
        if not self.force_wide:
            return self.notes
        return self.notes + (f"force-wide figures for {vocab.FORCE} were used, as no place was named",)


def subject_of(shape: ClaimShape, query: Query) -> Subject:
    """The claim's places, crime types and measure from `understand`, with the crime words the tables only
    approximate (knife crime) kept as themselves rather than as their nearest row."""
    areas = tuple(a for a in query.areas if a != vocab.FORCE) or query.areas
    reference = shape.comparison.reference if shape.comparison else ""
    others = tuple(p for p in query.unknown_places if p.lower() not in reference.lower())
    places = areas + others if others else (areas or (vocab.FORCE,))
    named, generic = topics_in(shape.text)
    approximated = tuple(t for t in named if t in (KNIFE, SERIOUS_VIOLENCE))
    proxies = {row for t in approximated for row in _proxy_rows(t)}
    crime_types = tuple(t for t in query.crime_types if t not in proxies) + approximated
    if crime_types == (vocab.ALL_CRIME,) and not named and not generic:
        crime_types = ()  # "two cases of death by dangerous driving" names no crime, whatever a question reads
    measure = query.measure or OFFENCES
    if measure == SOLVED and shape.amount is not None and solved_share(shape.text, shape.amount):
        measure = SOLVED_RATE  # "one in a hundred burglaries is solved": a share solved is the solved rate
    if not crime_types and query.measure in (SOLVED_RATE, SOLVED, DA_SHARE) and query.areas:
        crime_types = (vocab.ALL_CRIME,)
    notes = tuple(n for n in query.notes if "read as the 12 months" not in n and "period" not in n
                  and not (approximated and "knife" in n))
    return Subject(places, crime_types, measure, _direction_of(shape.direction, measure),
                   _table_reason(shape, query, places, crime_types, others), notes,
                   force_wide=not query.areas and not others)


def _printed(words: str) -> bool:
    """Do the tables print a row of exactly these words ("knife crime" in Kent's summary)?"""
    wanted = {words, words.removesuffix("s")}
    return any(vocab.normalise(label) in wanted for label in vocab.CRIME_TYPES)


def _proxy_rows(name: str) -> set[str]:
    """The row a question would read for a crime word the tables only approximate ("knife crime" ->
    Possession of Weapons, by the vocabulary's data), which the claim must not be judged by."""
    return {hit.name for hit in vocab.find_crime_types(vocab.normalise(name))}


def _direction_of(direction: str | None, measure: str) -> str | None:
    """"Improved" is a fall in offences but a rise in a solved rate or in solved outcomes."""
    if direction in (BETTER, WORSE):
        good = UP if measure in (SOLVED_RATE, SOLVED) else DOWN
        return good if direction == BETTER else (DOWN if good == UP else UP)
    return direction


def _table_reason(shape: ClaimShape, query: Query, places, crime_types, others) -> str:
    if others:
        whose = f"the {vocab.FORCES[0]} Police" if len(vocab.FORCES) == 1 else "the"
        return f"{whose} performance tables have no figures for {', '.join(others)}"
    scope = [r.message for r in query.out_of_scope if not r.is_period]
    if scope:
        return scope[0]
    proxies = [t for t in crime_types if t in (KNIFE, SERIOUS_VIOLENCE)]
    if proxies:
        return f"the tables have no row for {proxies[0].lower()}"
    if not crime_types or shape.quantity == STATEMENT or \
            (shape.amount is not None and shape.amount.kind in (MONEY, RATE)):
        return "the tables count offences, solved outcomes and solved rates, not this"
    if shape.comparison is not None:
        return "the tables do not compare areas with figures outside them"
    period = shape.period
    if period is not None and not table_period(shape, period):
        return f"the tables do not cover {period_as_written(period)}"  # no digit the claim lacks: nothing is cited
    if len([p for p in places if p != vocab.FORCE]) > 1 and shape.quantity != RANK and query.rank is None:
        return "the tables are read one area at a time"
    return ""


def table_period(shape: ClaimShape, period: Period) -> str | None:
    """The table period a stated period matches (None when the tables do not cover it)."""
    level = shape.quantity in (LEVEL, SHARE, RANK)
    scope = vocab.SCOPE or vocab.PeriodScope()
    catalogue = vocab.CATALOGUE
    # A change is printed only for each summary's later period; a level for either of its periods.
    later = {edition.periods[1] for edition in catalogue.editions} if catalogue is not None else set()
    allowed = {words for _, words in scope.values} if level else later
    found = None
    if period.end is not None:
        found = scope.for_month(*period.end)
    elif period.year is not None:
        found = scope.for_year(period.year)
        if found not in allowed and not level:  # "in 2024 crime fell": the change that ends in 2024
            found = next((words for end, words in reversed(scope.values)
                          if words in later and int(end[:4]) == period.year), found)
    elif period.baseline is not None and not level:
        found = next((e.periods[1] for e in catalogue.editions
                      if int(e.period_ends[0][:4]) == period.baseline), None) if catalogue is not None else None
    return found if found in allowed else None

