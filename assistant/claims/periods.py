"""Reading the period a figure applies to out of text: "the year to October 2024", "2024/25", "since 2016".

A claim is judged only by sources for the period it names, and a document's figure only counts for the
period its sentence (or the one before it) names, so both sides are read by the same rules here. Pure
functions, no I/O: each rule has a known-answer test.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.text.dates import MONTH_WORDS, MONTHS, month_number

# Any month name or abbreviation (the one list, in text.dates), longest first so "september" wins over "sep".
MONTH = r"(?:" + "|".join(sorted(MONTH_WORDS, key=len, reverse=True)) + r")\b\.?"


@dataclass(frozen=True)
class Period:
    """When a figure applies: the month its period ends, or a calendar year, or the year it is measured from."""

    label: str  # words for an explanation: "the 12 months to December 2023"
    end: tuple[int, int] | None = None  # (year, month) the period ends
    year: int | None = None  # "in 2019": any period ending in that year
    baseline: int | None = None  # "since 2016", "than it was in 2016"
    relative: bool = False  # "in the last 12 months": the period of the text around it
    words: str = ""  # as written in the text: "year to October 2024"


def find_period(text: str, anchor: tuple[int, int] | None = None) -> Period | None:
    """The period a text names, most specific first; years in "compared with 2016" are baselines.

    `anchor` is the (year, month) the text was written, for periods it leaves open ("the 12 months to March",
    "last year")."""
    low = re.sub(r"\s+", " ", text.lower())
    between = re.search(rf"\b(?:between|from) ({MONTH})\s*(\d{{4}})? (?:and|to|until) ({MONTH})\s*(\d{{4}})",
                        low)
    if between:
        first, second = _month(between.group(1)), _month(between.group(3))
        first_year = int(between.group(2) or between.group(4))
        label = f"{MONTHS[first - 1]} {first_year} to {MONTHS[second - 1]} {between.group(4)}"
        return Period(label, end=(int(between.group(4)), second), words=_written(text, between))
    to_month = re.search(rf"\b(?:(?:12|twelve)[ -]months?|year|rolling year|period)(?: ending| to| up to)"
                         rf"(?: the end of)?(?: \d{{1,2}}(?:st|nd|rd|th)?)? ({MONTH})(?:,? (\d{{4}}))?", low)
    if to_month:
        month = _month(to_month.group(1))
        year = int(to_month.group(2)) if to_month.group(2) else _year_for(month, anchor)
        if year is not None:
            return Period(f"the 12 months to {MONTHS[month - 1]} {year}", end=(year, month),
                          words=_written(text, to_month))
    fiscal = next((m for m in re.finditer(r"(?<![\d/-])((?:19|20)?\d\d)\s*[/-]\s*((?:19|20)?\d\d)(?![\d/-])", low)
                   if (int(m.group(1)) + 1) % 100 == int(m.group(2)) % 100), None)
    if fiscal and not re.search(r"\b(?:on|than|since|from|compared (?:with|to))\s*$", low[:fiscal.start()]):
        year = 2000 + int(fiscal.group(2)) % 100
        return Period(f"{year - 1}/{str(year)[2:]}", end=(year, 3), words=_written(text, fiscal))
    baseline = re.search(r"\b(?:since|than (?:it was )?in|compared (?:with|to)|from) ((?:19|20)\d\d)\b", low)
    if baseline:
        year = int(baseline.group(1))
        return Period(f"the years since {year}", end=anchor, baseline=year, words=f"since {year}")
    year = re.search(r"(?<![£\d,./-])\b((?:19|20)\d\d)\b(?!\s*(?:%|per ?cent|/|-\d))", low)
    if year and not re.search(rf"{MONTH}\s*$|\d(?:st|nd|rd|th)?\s*$", low[:year.start()]):
        return Period(year.group(1), year=int(year.group(1)), words=year.group(1))
    if re.search(r"(?<!the )(?<!period )(?<!time )\blast year\b", low) and anchor is not None:
        return Period("last year", end=(anchor[0] - 1, 12))
    if re.search(r"\b(?:last|past|previous) (?:12|twelve) months\b|\bover the (?:last|past) year\b|"
                 r"\bsame (?:period|timeframe|time)\b|\byear on year\b|\bthe last year\b|"
                 r"\b(?:12|twelve)[ -]month period\b|\bin the year\b", low):
        return Period("", relative=True)
    return None


def _written(text: str, match: re.Match) -> str:
    """The matched words as the text spells them (matching ran on a lower-cased, space-normalised copy)."""
    words = match.group().split()
    found = re.search(r"\s+".join(map(re.escape, words)), text, re.IGNORECASE)
    return found.group() if found else match.group()


def _month(word: str) -> int:
    return month_number(word.rstrip("."))


def _year_for(month: int, anchor: tuple[int, int] | None) -> int | None:
    """"The 12 months to March" in a text dated July 2021 means March 2021."""
    if anchor is None:
        return None
    return anchor[0] if month <= anchor[1] else anchor[0] - 1
