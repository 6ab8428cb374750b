"""Exact counts over police.uk street rows, within one download, and the rules for choosing that download.

A count is `len` of a boolean filter over the rows (months, crime types, area or LSOA, outcome), so every
figure can be reproduced with one pandas filter, which each citation spells out. Rows are filtered on their
category codes, so a look-up over a year of a large force stays within a few milliseconds.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from assistant.ingest.street import StreetCatalogue, StreetEdition, month_range
from assistant.understand.months import month_words
from assistant.understand.street import StreetAsk


@dataclass(frozen=True)
class Filter:
    """One reproducible selection of street rows."""

    edition: str
    months: tuple[str, ...]
    crime_types: tuple[str, ...] = ()  # empty: every type in `exclude`'s complement
    exclude: tuple[str, ...] = ()  # types left out (incidents, when crimes are counted)
    area: str | None = None
    lsoa: bool = False
    outcome: str | None = None
    no_lsoa: bool = False  # only rows with no LSOA
    outside: str | None = None  # only rows with an LSOA outside this (the force's own) area


class StreetIndex:
    """The street rows with their categories' codes, for fast exact counts."""

    def __init__(self, frame: pd.DataFrame, catalogue: StreetCatalogue):
        self.catalogue = catalogue
        self.frame = frame
        self._codes = {column: frame[column].cat.codes.to_numpy()
                       for column in ("edition", "month", "crime_type", "area", "lsoa_name", "outcome")}
        self._categories = {column: {str(v): i for i, v in enumerate(frame[column].cat.categories)}
                            for column in self._codes}

    def _mask(self, column: str, values) -> np.ndarray:
        wanted = [self._categories[column][v] for v in values if v in self._categories[column]]
        return np.isin(self._codes[column], wanted)

    def rows(self, f: Filter) -> np.ndarray:
        mask = self._mask("edition", [f.edition]) & self._mask("month", f.months)
        if f.crime_types:
            mask &= self._mask("crime_type", f.crime_types)
        if f.exclude:
            mask &= ~self._mask("crime_type", f.exclude)
        if f.area is not None:
            mask &= self._mask("lsoa_name" if f.lsoa else "area", [f.area])
        if f.outcome is not None:
            mask &= self._mask("outcome", [f.outcome])
        if f.no_lsoa:
            mask &= self._codes["lsoa_name"] == -1
        if f.outside is not None:
            mask &= (self._codes["area"] != -1) & ~self._mask("area", [f.outside])
        return mask

    def count(self, f: Filter) -> int:
        return int(self.rows(f).sum())

    def by(self, f: Filter, column: str) -> pd.Series:
        """Counts of the filtered rows by one column, largest first (ties in label order)."""
        values = self.frame[column][self.rows(f)]
        counts = values.value_counts()
        counts = counts[counts > 0]
        return counts.sort_index().sort_values(ascending=False, kind="stable")

    def documents(self, f: Filter) -> tuple[str, ...]:
        edition = self.catalogue.edition(f.edition)
        return tuple(d for m in f.months for d in (edition.files.get(m, ()) if edition else ()))


@dataclass(frozen=True)
class Choice:
    """The download an answer is read from, the notes to say about it, or why none can answer."""

    edition: StreetEdition | None
    notes: tuple[str, ...] = ()
    refusal: str = ""
    also: tuple[StreetEdition, ...] = ()  # other downloads holding every month asked (outcomes may differ)


def choose_edition(ask: StreetAsk, catalogue, months: tuple[str, ...], noun: str = "street file") -> Choice:
    """The latest download holding every month asked; never a blend of two. A gap is refused, naming it.

    `catalogue` is the street catalogue or one kind's `EventCatalogue` (both list editions with their months);
    `noun` is what a month's file is called in a refusal."""
    editions = catalogue.editions
    if ask.edition:
        pool = tuple(e for e in editions if e.name == ask.edition)
    elif ask.edition_hint in ("earlier", "older", "first", "previous"):
        pool = editions[1:] or editions
    else:
        pool = editions
    if not pool:
        return Choice(None, refusal=f"no download matches “{ask.edition}”; the downloads held are "
                                    + ", ".join(e.name for e in editions))
    full = [e for e in pool if set(months) <= set(e.months)]
    if not full:
        held = "; ".join(f"the download {e.name} holds {spans(e.months)}" for e in editions)
        missing = [m for m in months if not any(m in e.months for e in pool)]
        if missing:
            why = f"no {noun} for {spans(tuple(missing))} is held, so a total over {spans(months)} " \
                  "would leave months out"
        else:
            why = f"no single download holds every month of {spans(months)}, and two downloads are never " \
                  "added together (their outcomes were recorded at different times)"
        return Choice(None, refusal=f"{why}. {held[:1].upper()}{held[1:]}")
    chosen = full[0]
    notes = []
    if chosen is not editions[0] and not ask.edition and not ask.edition_hint:
        lacking = spans(tuple(m for m in months if m not in editions[0].months))
        notes.append(f"The latest download does not hold {lacking}, so this comes from an earlier one, {chosen.name}.")
    else:
        notes.append(f"Read from the download {chosen.name}" + (", the latest one holding these months."
                                                                if chosen is editions[0] else ", as asked."))
    also = tuple(e for e in editions if e is not chosen and set(months) <= set(e.months))
    if any(e is not chosen and set(months) & set(e.months) for e in editions if e not in also):
        notes.append("Another download also covers some of these months; two downloads are never added together.")
    return Choice(chosen, tuple(notes), also=also)


def spans(months: tuple[str, ...]) -> str:
    """("2016-01" … "2017-06", "2017-12") → "January 2016 to June 2017 and December 2017"."""
    runs: list[list[str]] = []
    for month in sorted(months):
        if runs and month_range(runs[-1][-1], month)[1:2] == [month]:
            runs[-1].append(month)
        else:
            runs.append([month])
    words = [month_words((run[0],)) if len(run) == 1 else
             f"{month_words((run[0],))} to {month_words((run[-1],))}" for run in runs]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
