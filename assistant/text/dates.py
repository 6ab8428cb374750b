"""Month names and dates in words: the one place a date is written for a reader."""

from __future__ import annotations

import re

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def nice_date(date: str) -> str:
    """ "2024-12-05" -> "5 December 2024", "2021-07 (approx; ...)" -> "July 2021 (approx; ...)"; else as given."""
    match = re.match(r"(\d{4})-(\d{2})(?:-(\d{2}))?(.*)$", date or "", re.DOTALL)
    if not match or not 1 <= int(match.group(2)) <= 12:
        return date
    year, month, day, rest = match.groups()
    words = f"{MONTHS[int(month) - 1]} {year}"
    return (f"{int(day)} {words}" if day else words) + rest


def date_words(date: str) -> str:
    """"2024-01-15" -> "15 January 2024"; "2024-01" -> "January 2024"; an editor's note after it is left off."""
    match = re.match(r"(\d{4})-(\d{2})(?:-(\d{2}))?", date or "")
    return nice_date(match.group()) if match else "undated"


# Full names first, then abbreviations, so a pattern made from them tries "march" before "mar".
MONTH_WORDS = tuple(m.lower() for m in MONTHS) + ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
                                                   "oct", "nov", "dec")


def month_number(name: str) -> int:
    """"October", "oct", "Sept" -> 10 or 9: a month's number from its name or its first three letters."""
    key = name[:3].lower()
    return next(number for number, month in enumerate(MONTHS, start=1) if month[:3].lower() == key)


def period_months(words: str) -> int | None:
    """"12 months to October 2024" -> 12: how many months a printed period spans (None when it does not say)."""
    first = words.split(" ", 1)[0]
    return int(first) if first.isdigit() else None


def period_end(words: str) -> tuple[int, int]:
    """"12 months to October 2024" -> (2024, 10): the year and month a printed period ends."""
    month, year = words.rsplit(" ", 2)[-2:]
    return int(year), month_number(month)
