"""Month names and dates: the one place a date is written for a reader, and where the dates and years a text
names are read (a passage's years, a financial year, a full date, whether a date had passed by a document's own,
the months a question ties its subject to and the months a line dates something by)."""

from __future__ import annotations

import re
from functools import lru_cache

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
# Every month but May, which is also a word ("they may"): a capitalised one is a month wherever it stands.
FULL_MONTHS = "|".join(m for m in MONTHS if m != "May")


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


YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
YEAR_SPAN = re.compile(r"\b(20[0-4]\d)\s*[-/–]\s*(\d\d)\b")  # "2016-17", "2024/25"


def years_in(text: str) -> set[str]:
    """Years a text names, with spans like "2016-17" read as both years."""
    years = set(YEAR.findall(text))
    for first, second in YEAR_SPAN.findall(text):
        years |= {first, first[:2] + second}
    return years


# "24/25", "2025/26": a financial year, read as one period ("25/26" is not "24/25", though both touch 2025).
YEAR_PAIR = re.compile(r"(?<![\d/])(?:20)?(\d\d)\s*/\s*(\d\d)(?![\d/])")


def year_pairs(text: str) -> set[str]:
    """Financial or academic years a text names, as "2025/26"."""
    return {f"20{a}/{b}" for a, b in YEAR_PAIR.findall(text) if int(b) == int(a) + 1}


_MONTH_NAMES = "|".join(MONTHS)
DATE = re.compile(rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?({_MONTH_NAMES})\s+((?:19|20)\d\d)\b|"
                  r"\b\d{1,2}/(\d{1,2})/((?:20)?\d\d)\b", re.I)


def months_dated(text: str) -> list[tuple[int, int]]:
    """(year, month) of each full date a text gives ("1st November 2024", "November 2024", "13/12/24")."""
    found = []
    for name, year, month, short_year in DATE.findall(text):
        if name:
            found.append((int(year), month_number(name)))
        elif 1 <= int(month) <= 12:
            found.append((2000 + int(short_year) % 100, int(month)))
    return found


DAY_DATE = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_NAMES})\s+((?:19|20)\d\d)\b", re.I)


def days_dated(text: str) -> set[tuple[int, int, int]]:
    """(year, month, day) of each date a text gives in full ("13 March 2012", "3rd August 2011"), and of a
    document's own "2012-03-13"."""
    found = {(int(y), month_number(m), int(d)) for d, m, y in DAY_DATE.findall(text)}
    return found | {(int(y), int(m), int(d)) for y, m, d in re.findall(r"\b(\d{4})-(\d\d)-(\d\d)\b", text)}


def document_month(date: str) -> tuple[int, int] | None:
    """The (year, month) a document is dated, from its "2024-12-05" or "2024-04 (approx; ...)"."""
    match = re.match(r"\s*(\d{4})-(\d\d)", date)
    return (int(match.group(1)), int(match.group(2))) if match else None


def passed_by(text: str, date: str) -> str:
    """The text's dates in words when every one is before the month its document is dated; empty otherwise."""
    dated, written = months_dated(text), document_month(date)
    if not dated or written is None or max(dated) >= written:
        return ""
    return " and ".join(dict.fromkeys(f"{MONTHS[m - 1]} {y}" for y, m in dated))


# A month the question ties its subject to: "the December agenda", "the july board", "on 5 December 2024".
# "may" counts only as a capitalised word inside the question ("May I ask" and "it may" are no months).
ASKED_MONTH = re.compile(rf"(?i:\b({FULL_MONTHS})\b)|(?<=\w )May\b")
DATED = re.compile(rf"(?i:\b({FULL_MONTHS}|May|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?\s*\d|"
                   rf"\d(?:st|nd|rd|th)?\s+({FULL_MONTHS}|May|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b)")


def asked_months(question: str) -> set[str]:
    """The months a question names, as their first three letters: "december" -> "dec"."""
    return {m.group().casefold()[:3] for m in ASKED_MONTH.finditer(question)}


def dated_months(text: str) -> set[str]:
    """The months a text dates something by ("26th July 2024", "Dec 2024"), as their first three letters."""
    return set(_dated_months(text))


@lru_cache(maxsize=4096)
def _dated_months(text: str) -> frozenset[str]:
    """Kept per text: every candidate line's score reads its months (and its headings'), question after question."""
    return frozenset((a or b).casefold()[:3] for a, b in DATED.findall(text))


_MONTH_ALT = "|".join(m.lower() for m in MONTHS)


def month_names(months: set[str]) -> str:
    """"oct", "nov" as a reader writes them: "October and November"."""
    names = [m for m in MONTHS if m[:3].casefold() in months]
    return " and ".join(names) if names else ", ".join(sorted(months))


# "2026-07" in a row of monthly open data: a month, as a spreadsheet or a CSV prints it (a full "2026-07-23" is a
# day, which `days_dated` reads).
ISO_MONTH = re.compile(r"(?<![\d-])((?:19|20)\d\d)-(0[1-9]|1[0-2])(?![\d-])")


def iso_months_in_words(text: str) -> str:
    """Each "2026-07" a text prints, as "July 2026"."""
    return " ".join(f"{MONTHS[int(month) - 1]} {year}" for year, month in ISO_MONTH.findall(text))


def dated_in_words(date: str) -> str:
    """A document's "2013-10-14" as "October 2013", so its own date covers the month it was written in."""
    match = re.match(r"\s*(\d{4})-(\d\d)", date or "")
    return f"{MONTHS[int(match.group(2)) - 1]} {match.group(1)}" if match and 1 <= int(match.group(2)) <= 12 else ""


DAY_OF_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH_ALT})\b|"
                          rf"\b(?:{_MONTH_ALT})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!\d)", re.I)


def days_in(question: str) -> set[str]:
    """The day numbers of the dates a question gives ("15 May 2012" -> "15"): part of a date, not a topic word."""
    days = {a or b for a, b in DAY_OF_MONTH.findall(question)}
    return days | {f"{d}{suffix}" for d in days for suffix in ("st", "nd", "rd", "th")}  # the term "5th" too
