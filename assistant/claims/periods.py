"""The period a claim's figure, or a document's, applies to: "the year to October 2024", "2024/25", "since 2016".

A claim is judged only by sources for the period it names, and a document's figure only counts for the
period its sentence (or the one before it) names, so both sides are read by the same rules here. The words are
read by `text.periods` (the one lexical reader, shared with questions); this module says what they mean for a
figure in running text: any period ending in the year named, a baseline, or a period left open that the date of
the text settles. Pure functions, no I/O: each rule has a known-answer test.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.text.periods import BETWEEN, FISCAL, SINCE, TO_MONTH, YEAR, Mention, mentions


@dataclass(frozen=True)
class Period:
    """When a figure applies: the month its period ends, or a calendar year, or the year it is measured from."""

    label: str  # words for an explanation: "the 12 months to December 2023"
    end: tuple[int, int] | None = None  # (year, month) the period ends
    year: int | None = None  # "in 2019": any period ending in that year
    baseline: int | None = None  # "since 2016", "than it was in 2016"
    relative: bool = False  # "in the last 12 months": the period of the text around it
    words: str = ""  # as written in the text: "year to October 2024"


# A financial year after these words is what the figure is compared with, not the period it applies to.
_COMPARED_WITH = re.compile(r"\b(?:on|than|since|from|compared (?:with|to))\s*$", re.IGNORECASE)
_LAST_YEAR = re.compile(r"(?<!the )(?<!period )(?<!time )\blast year\b", re.IGNORECASE)
_RELATIVE = re.compile(r"\b(?:last|past|previous) (?:12|twelve) months\b|\bover the (?:last|past) year\b|"
                       r"\bsame (?:period|timeframe|time)\b|\byear on year\b|\bthe last year\b|"
                       r"\b(?:12|twelve)[ -]month period\b|\bin the year\b", re.IGNORECASE)


def find_period(text: str, anchor: tuple[int, int] | None = None) -> Period | None:
    """The period a text names, most specific first; years in "compared with 2016" are baselines.

    `anchor` is the (year, month) the text was written, for periods it leaves open ("the 12 months to March",
    "last year")."""
    named = mentions(text)
    first = {kind: next((m for m in named if m.kind == kind), None) for kind in (BETWEEN, TO_MONTH, FISCAL, SINCE, YEAR)}
    if first[BETWEEN]:
        between = first[BETWEEN]
        return Period(between.label, end=(between.year, between.month), words=between.words)
    to_month = first[TO_MONTH]
    if to_month:
        year = to_month.year or _year_for(to_month.month, anchor)
        if year is not None:
            return Period(Mention(TO_MONTH, 0, "", year, to_month.month).label, end=(year, to_month.month),
                          words=to_month.words)
    fiscal = first[FISCAL]
    if fiscal and not _COMPARED_WITH.search(re.sub(r"\s+", " ", text[:fiscal.start])):
        return Period(fiscal.label, end=(fiscal.year, 3), words=fiscal.words)
    if first[SINCE]:
        year = first[SINCE].year
        return Period(f"the years since {year}", end=anchor, baseline=year, words=f"since {year}")
    if first[YEAR]:
        year = first[YEAR]
        return Period(year.label, year=year.year, words=year.words)
    low = re.sub(r"\s+", " ", text)
    if _LAST_YEAR.search(low) and anchor is not None:
        return Period("last year", end=(anchor[0] - 1, 12))
    if _RELATIVE.search(low):
        return Period("", relative=True)
    return None


def _year_for(month: int, anchor: tuple[int, int] | None) -> int | None:
    """"The 12 months to March" in a text dated July 2021 means March 2021."""
    if anchor is None:
        return None
    return anchor[0] if month <= anchor[1] else anchor[0] - 1
