"""The vocabulary for one index: the data's words laid over what the index's catalogue learned.

The data files are keyed by the labels one summary prints; another force prints slightly different labels
("Theft of Pedal Cycles" for "Theft of Pedal Cycle"), so an entry whose label is not printed but matches a
printed one word for word (plurals and punctuation aside) is carried over to it. The areas, districts, force,
the all-crime row, the hierarchy and the periods all come from the catalogue; none is taken from the data
when the tables say otherwise.
"""

from __future__ import annotations

import re

from dataclasses import dataclass, replace

from assistant.ingest.catalogue import FORCE, POLICING_AREA, Catalogue
from assistant.text.dates import MONTHS, period_months
from assistant.text.normalise import label_words, normalise

from .load import VocabData
from .vocabulary import Vocabulary


@dataclass(frozen=True)
class PeriodScope:
    """The periods the tables print, for reading "2024", "last year" or "the 12 months to January 2025"."""

    values: tuple[tuple[str, str], ...] = ()  # (period end "YYYY-MM", words), oldest first
    latest: str = ""  # the latest edition's later period, in words
    previous: str = ""  # the latest edition's earlier period, in words

    @property
    def covered(self) -> str:
        """"the tables cover only the 12 months to October 2023 and 2024": every printed period, no other."""
        if not self.values:
            return "the tables cover no periods (no performance tables are indexed)"
        by_span: dict[tuple[int | None, str], list[str]] = {}  # a quarter and a year may end in the same month
        for end, words in self.values:
            year, month = end.split("-")
            by_span.setdefault((period_months(words), MONTHS[int(month) - 1]), []).append(year)
        spans = [f"the {months} months to {month} {_and(years)}" for (months, month), years in by_span.items()]
        return "the tables cover only " + " and ".join(spans)

    def for_year(self, year: int) -> str | None:
        """The printed period that covers most of a calendar year (a later end wins a tie), or None."""
        best, best_overlap = None, 0
        for end, words in self.values:
            end_year, end_month = map(int, end.split("-"))
            months = period_months(words)
            overlap = sum(1 for back in range(months)
                          if _month_minus(end_year, end_month, back)[0] == year)
            if overlap and overlap >= best_overlap:
                best, best_overlap = words, overlap
        return best

    def for_month(self, year: int, month: int, months: int | None = None) -> str | None:
        """The printed period ending in that month; of `months` months when given (a quarter and a rolling year
        can end in the same month)."""
        return next((words for end, words in self.values if end == f"{year}-{month:02d}"
                     and months in (None, period_months(words))), None)

    def for_span(self, first: tuple[int, int], last: tuple[int, int]) -> str | None:
        """The printed period that starts in the (year, month) `first` and ends in `last`: "April to December
        2026" is the 9 months to December 2026, whatever words either is written in."""
        return self.for_month(*last, months=(last[0] * 12 + last[1]) - (first[0] * 12 + first[1]) + 1)

    def for_months(self, first: int, last: int) -> tuple[str, ...]:
        """The printed periods that run from the month `first` to the month `last` of any year ("April to
        December"), oldest first."""
        return tuple(words for end, words in self.values
                     if int(end.split("-")[1]) == last and period_months(words) == (last - first) % 12 + 1)

    def has_month(self, month: int) -> bool:
        return any(int(end.split("-")[1]) == month for end, _ in self.values)


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _month_minus(year: int, month: int, back: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) - back
    return index // 12, index % 12 + 1


def period_scope(catalogue: Catalogue) -> PeriodScope:
    values = sorted({(end, words) for edition in catalogue.editions
                     for end, words in zip(edition.period_ends, edition.periods)})
    latest = catalogue.latest()
    return PeriodScope(tuple(values), latest.periods[1] if latest else "", latest.periods[0] if latest else "")


def for_catalogue(data: VocabData, catalogue: Catalogue) -> Vocabulary:
    """A vocabulary over the catalogue's printed areas and crime types, with its force, districts and periods."""
    crime_labels = tuple(c.label for c in catalogue.crime_types)
    area_names = tuple(a.name for a in catalogue.areas)
    data = _carried_over(data, crime_labels)
    vocabulary = Vocabulary.build(data, areas=area_names, crime_types=crime_labels or None,
                                  hierarchy={c.label: c.parent for c in catalogue.crime_types} or None)
    latest = catalogue.latest()
    if latest is not None:
        vocabulary.force = latest.force
        vocabulary.forces = catalogue.forces()
        vocabulary.all_crime = catalogue.total_row() or vocabulary.all_crime
        vocabulary.airport = next((a.name for a in catalogue.areas if a.kind == POLICING_AREA), None)
        vocabulary.district_areas = tuple(a.name for a in catalogue.areas if a.kind not in (FORCE, POLICING_AREA))
    vocabulary.scope = period_scope(catalogue)
    vocabulary.catalogue = catalogue
    _unprinted_areas(vocabulary, data, catalogue, latest.force if latest is not None and area_names else None)
    return vocabulary


def _unprinted_areas(vocabulary: Vocabulary, data: VocabData, catalogue: Catalogue, force: str | None) -> None:
    """Areas the data knows but no table here prints are places the tables do not cover (a Kent-only index must
    refuse "Chelmsford", never answer it from Kent's table); an unprinted force's words that do not name it
    ("force-wide", "the county") stand for the force this index does hold, or for no place at all when it holds
    no table it has read (`force` None): the data's own areas are then just places, never the index's areas, so
    "across the whole county" in another council's papers is not read as the data's force."""
    printed = {a.name for a in catalogue.areas}
    generic: list[str] = []
    other: dict[str, str] = {}
    for name, area in data.areas.items():
        if name in printed:
            continue
        own = set(normalise(name).split())
        if area.kind == FORCE:
            generic += [alias for alias in area.aliases if not own & set(alias.split())]
        for alias in (name, *area.aliases, *area.towns):
            if area.kind != FORCE or own & set(normalise(alias).split()):
                other.setdefault(alias, name)
    if (generic and force) or other:
        vocabulary.widen({force: tuple(generic)} if generic and force else {}, other)


def unprinted_entries(vocabulary: Vocabulary) -> list[str]:
    """One build problem summarising vocabulary entries keyed to labels no table prints (or none)."""
    problems = vocabulary.check(vocabulary.table_areas, vocabulary.crime_types)
    if not problems:
        return []
    shown = "; ".join(problems[:3])
    more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
    return [f"{len(problems)} vocabulary entries name labels no table in this corpus prints, so their words do "
            f"nothing here: {shown}{more}."]


# Words that do not tell two summaries' rows apart: joiners, and the nouns every row is made of.
_JOINERS = frozenset({"and", "of", "a", "an", "the", "inc", "incl", "including", "offence", "crime", "incident"})


def row_key(label: str) -> frozenset[str]:
    """What names a row whatever a force's wording: its words without order, plurals, joiners or a note in
    brackets, so "Business & Community Burglary" is Essex's "Burglary Business & Community", "Drug Possession"
    is "Possession of Drugs" and "Vehicle Offences" is "Vehicle Offences (incl. Interference)"."""
    while re.search(r"\([^()]*\)", label):
        label = re.sub(r"\([^()]*\)", " ", label)
    return frozenset(word for word in label_words(label) if word not in _JOINERS)


def _moved_entry(entry, label: str, twin: str):
    """An entry carried to another force's label: its words stay, but its notes name the row as this force
    prints it, and its sentence wording (written for the old label) gives way to the printed label's."""
    notes = {alias: note.replace(label, twin) for alias, note in entry.notes.items()}
    return replace(entry, notes=notes, name="", unit="")


def _carried_over(data: VocabData, printed: tuple[str, ...]) -> VocabData:
    """The data with each crime-type entry whose label is not printed moved to the one printed label that names
    the same row (`row_key`: the same words, whatever their order) or, failing that, to the one printed label
    that is one of the entry's own aliases and no other entry's ("Bicycle theft" for "Theft of Pedal Cycle"),
    and `all_crime` to the printed all-crime row.
    A key two printed labels share moves nothing: a guess between two rows would answer for the wrong one."""
    if not printed:
        return data
    keys: dict[frozenset[str], list[str]] = {}
    for label in printed:
        keys.setdefault(row_key(label), []).append(label)
    by_alias: dict[frozenset[str], list[str]] = {}  # "Bicycle theft" printed where the data says "bicycle theft"
    for label, entry in data.crime_types.items():  # is an everyday name of its "Theft of Pedal Cycle" entry
        for alias in {row_key(alias) for alias in entry.aliases}:
            by_alias.setdefault(alias, []).append(label)
    moved = {}
    for label in data.crime_types:
        if label in printed or label in moved:
            continue
        twins = keys.get(row_key(label), [])
        if not twins:  # no printed label words the row the same: one the entry's own aliases name, if only one
            twins = [twin for twin in printed if by_alias.get(row_key(twin)) == [label]]
        twin = twins[0] if len(twins) == 1 else None
        if twin and twin not in data.crime_types and twin not in moved.values():
            moved[label] = twin
    if not moved:
        return data
    crime_types = {moved.get(label, label): _moved_entry(entry, label, moved[label]) if label in moved else entry
                   for label, entry in data.crime_types.items()}
    sentences = tuple(replace(s, crime_type=moved.get(s.crime_type, s.crime_type)) for s in data.sentences)
    hierarchy = {moved.get(child, child): moved.get(parent, parent) if parent else None
                 for child, parent in data.hierarchy.items()}
    return replace(data, crime_types=crime_types, sentences=sentences, hierarchy=hierarchy)

