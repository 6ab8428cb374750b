"""The period a performance table's column covers, read from its header and the sheet's own title.

Analysts name the same rolling year in many ways: "12 months to Nov 2025", "Nov-24 to Oct-25", "Year ending
November 2025", "2024/25" (a financial year), "Year to date" (the financial year so far, to the month the title
names), "Previous year" (the year before the title's), or a bare "2025" under a title that says "Rolling 12 months
to November". All of them are read into one `Period`: the month it ends in and how many months it covers, whose
`words` ("12 months to November 2025") is the one way the frame, the catalogue and questions name a period.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from assistant.text.dates import MONTHS, month_number
from assistant.text.periods import MONTH

_YEAR = r"((?:19|20)\d\d|'?\d\d)(?![\d%])"
# "12 months to Nov 2025", "rolling year ending November 2025", "12m to Nov-25", "twelve months up to Nov 2025"
_TO_MONTH = re.compile(rf"(?:(\d{{1,2}})\s*m(?:onths?|ths?)?|twelve months|year|period|summary)\s*(?:to|ending|up to|"
                       rf"until)\s+(?:the\s+end\s+of\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?({MONTH})[\s,'-]*(?:{_YEAR})?",
                       re.IGNORECASE)
# "Nov-24 to Oct-25", "November 2024 - October 2025", "Apr–Sep 2025", "April to September 2025"
_RANGE = re.compile(rf"\b({MONTH})[\s'-]*(?:{_YEAR})?\s*(?:to|-|–|—|until)\s*({MONTH})[\s'-]*{_YEAR}", re.IGNORECASE)
_FISCAL = re.compile(r"(?<![\d/])((?:19|20)\d\d)\s*[/-]\s*((?:19|20)?\d\d)(?![\d/])")
_MONTH_YEAR = re.compile(rf"\b({MONTH})[\s,'-]*{_YEAR}", re.IGNORECASE)
_BARE_YEAR = re.compile(r"^\D*?((?:19|20)\d\d)\D*$")


@dataclass(frozen=True)
class Period:
    """The months a value covers: `months` months ending in `end` ("2024-10")."""

    end: str
    months: int = 12

    @property
    def words(self) -> str:
        year, month = self.end.split("-")
        return f"{self.months} months to {MONTHS[int(month) - 1]} {year}"

    @property
    def year(self) -> int:
        return int(self.end[:4])

    @property
    def month(self) -> int:
        return int(self.end[5:])

    def earlier(self, years: int = 1) -> Period:
        """The same months `years` years before."""
        return Period(f"{self.year - years}-{self.month:02d}", self.months)


@dataclass(frozen=True)
class TitlePeriod:
    """What a sheet's title says of its period: the month (and year, when printed) it runs to, and how long."""

    month: int
    year: int | None
    months: int
    calendar: bool = False  # the lines say the table's years are calendar years ("Calendar year 2026 ...")

    def period(self) -> Period | None:
        return Period(f"{self.year}-{self.month:02d}", self.months) if self.year else None


@lru_cache(maxsize=1)
def layout_words() -> dict:
    """The words of `data/layouts.toml`: label columns, force rows, sub-type marks, missing cells, periods."""
    with open(Path(__file__).parent / "data" / "layouts.toml", "rb") as handle:
        return tomllib.load(handle)


def has_word(text: str, words: list[str]) -> bool:
    """Does `text` hold one of `words` as whole words ("ly" is a word in "LY 2024", not in "Only")?"""
    low = text.lower()
    return any(re.search(rf"(?<![a-z]){re.escape(word)}(?![a-z])", low) for word in words)


def _year(text: str | None) -> int | None:
    if not text:
        return None
    digits = text.lstrip("'")
    return int(digits) if len(digits) == 4 else 2000 + int(digits)


def title_period(lines: list[str]) -> TitlePeriod | None:
    """The period the title lines state ("Rolling 12 Months to October", "April to November 2025"), `lines`
    nearest last: a rolling period anywhere before a range, and a range before a bare month (a publication date
    such as "Published 5 December 2025" is the last resort). A line naming calendar years marks the period as one."""
    found = _title_period(lines)
    if found is not None and any(has_word(line, layout_words()["periods"]["calendar"]) for line in lines):
        return replace(found, calendar=True)
    return found


def _title_period(lines: list[str]) -> TitlePeriod | None:
    for line in reversed(lines):
        found = _TO_MONTH.search(line)
        if found:
            months = int(found.group(1)) if found.group(1) else 12
            return TitlePeriod(month_number(found.group(2).rstrip(".")), _year(found.group(3)), months)
    for line in reversed(lines):
        found = _RANGE.search(line)
        if found:
            return _range(found)
    for line in reversed(lines):
        found = _MONTH_YEAR.search(line)
        if found and _year(found.group(2)):
            return TitlePeriod(month_number(found.group(1).rstrip(".")), _year(found.group(2)), 12)
    for line in reversed(lines):
        part = part_of_year(line)
        if part is not None:
            return TitlePeriod(part.month, part.year, part.months)
    return None


def part_of_year(text: str) -> Period | None:
    """The quarter or half of a year the text names: of a financial year ("Q2 2025/26", "Quarter 2 2026/27",
    "2026/27 Q3", "H1 2026/27"), counted from the month the financial year starts; or of a calendar year written
    beside it ("Q3 2026", "2026 H2"). None when it names none. The one reader of these marks, for every layout."""
    words = layout_words()["periods"]
    for kind, months in (("quarter", 3), ("half", 6)):
        marks = "|".join(re.escape(word) for word in words[kind])
        number = re.search(rf"(?<![a-z])(?:{marks})\s*([1-{12 // months}])(?!\d)", text, re.IGNORECASE)
        if not number:
            continue
        fiscal = _FISCAL.search(text)
        if fiscal and (int(fiscal.group(1)) + 1) % 100 == int(fiscal.group(2)) % 100:
            first = int(fiscal.group(1)) * 12 + words["financial_year_start"] - 1
        else:
            year = _year_beside(text, number)
            if year is None:
                return None
            first = year * 12
        last = first + months * int(number.group(1)) - 1
        return Period(f"{last // 12}-{last % 12 + 1:02d}", months)
    return None


def _year_beside(text: str, mark: re.Match) -> int | None:
    """A calendar year written right before or after a quarter's or half's mark ("Q3 2026", "2026 Q3")."""
    after = re.match(r"\s+((?:19|20)\d\d)(?![\d/-])", text[mark.end():])
    before = re.search(r"(?<![\d/-])((?:19|20)\d\d)\s+$", text[:mark.start()])
    found = after or before
    return int(found.group(1)) if found else None


def _range(found: re.Match) -> TitlePeriod:
    first, first_year, last, last_year = found.groups()
    end_month, end_year = month_number(last.rstrip(".")), _year(last_year)
    start_month = month_number(first.rstrip("."))
    start_year = _year(first_year) or (end_year if start_month <= end_month else end_year - 1)
    months = (end_year - start_year) * 12 + end_month - start_month + 1
    return TitlePeriod(end_month, end_year, months)


def column_period(label: str, title: TitlePeriod | None) -> Period | None:
    """The period one column header names, the title's period filling in what the header leaves out; None when
    the header names none (a difference column, a label column)."""
    words = layout_words()["periods"]
    found = _TO_MONTH.search(label)
    if found and (found.group(3) or (title and title.year)):
        months = int(found.group(1)) if found.group(1) else 12
        year = _year(found.group(3)) or title.year
        return Period(f"{year}-{month_number(found.group(2).rstrip('.')):02d}", months)
    found = _RANGE.search(label)
    if found:
        ranged = _range(found)
        return Period(f"{ranged.year}-{ranged.month:02d}", ranged.months)
    part = part_of_year(label)
    if part is not None:
        return part
    year_to_date = has_word(label, words["year_to_date"])
    found = _FISCAL.search(label)
    if found and (int(found.group(1)) + 1) % 100 == int(found.group(2)) % 100:
        return _fiscal(int(found.group(1)) + 1, year_to_date, title, words["financial_year_start"])
    back = 1 if has_word(label, words["previous"]) else 0
    if year_to_date and title is not None and title.year:
        end = title.year * 12 + title.month - 1 - 12 * back
        return Period(f"{end // 12}-{end % 12 + 1:02d}", (title.month - words["financial_year_start"]) % 12 + 1)
    if (back or has_word(label, words["current"])) and title is not None and title.year:
        return Period(f"{title.year - back}-{title.month:02d}", title.months)
    if title is None:
        return None  # "Nov 2025" or "2025" alone: one month, a calendar year or a rolling year? Not a guess.
    found = _MONTH_YEAR.search(label)
    if found and _year(found.group(2)):
        return Period(f"{_year(found.group(2))}-{month_number(found.group(1).rstrip('.')):02d}", title.months)
    found = _BARE_YEAR.match(label)
    if found and title.calendar:
        # A calendar year runs January to December; under a title dated earlier in the year, each year's column holds
        # its months to that date (the same months compared), never a rolling year.
        return Period(f"{found.group(1)}-{title.month:02d}", title.month)
    if found:
        return Period(f"{found.group(1)}-{title.month:02d}", title.months)
    return None


def _fiscal(ends: int, year_to_date: bool, title: TitlePeriod | None, start: int) -> Period:
    """A financial year ("2024/25", ending in March 2025), or the part of it to the title's month ("YTD 2025/26")."""
    last = (start - 2) % 12 + 1  # the month before the year starts: March
    if year_to_date and title is not None:
        months = (title.month - start) % 12 + 1
        year = ends if title.month <= last else ends - 1
        return Period(f"{year}-{title.month:02d}", months)
    return Period(f"{ends}-{last:02d}", 12)
