"""A document's date and publisher when no manifest gives them: what the document prints, before what its file
says about itself.

A council's folder of PDFs and Word files has no manifest, and the files' own properties are often not about
the document at all: a Word file made from a template keeps the template's creation date (python-docx's says
2013) and author ("python-docx", "Microsoft Office User"), and a PDF's creation date is when it was exported.
The date printed at the top of the document ("Minutes of the meeting held on 17 September 2025", "14 October
2025") is the one a reader goes by, so it comes first; then a date in the file's name
("press-release-2025-10-14.md"); the file's own property last. A document's date decides which of two minutes
is the newer, how old a cited figure is, and the period of an undated sentence in a claim check.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from functools import lru_cache
from pathlib import Path

from assistant.text.dates import MONTH_WORDS, month_number

OPENING_CHARS = 1500  # the top of the first page: title, meeting line, dateline
_MONTH = "|".join(MONTH_WORDS)
# "17 September 2025", "Wednesday 17th Sept 2025", "September 17, 2025"; not either end of a range ("1 April
# 2022 to 31 March 2023" is a period the document covers, not its date).
_DAY_MONTH_YEAR = re.compile(rf"(?<!to )(?<!until )(?<!- )(?<!– )\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})\.?,?\s+((?:19|20)\d\d)\b"
                             rf"(?!\s*(?:to|until|-|–|—)\s*\d)", re.IGNORECASE)
_MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,\s+((?:19|20)\d\d)\b", re.IGNORECASE)
_NUMERIC = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)(?![\d/])")  # UK order: day/month/year
_ISO = re.compile(r"(?<!\d)((?:19|20)\d\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)")



def document_date(text: str, file_name: str, own: str) -> str:
    """ISO date for a document no manifest dates: printed at its top, else in its file name, else `own` (the
    file's property), else ""."""
    return printed_date(text[:OPENING_CHARS]) or _iso(_ISO.search(file_name)) or own


def printed_date(text: str) -> str:
    """The first whole date the text prints, as ISO; "" when it prints none."""
    found = []
    for pattern, order in ((_DAY_MONTH_YEAR, "dmy"), (_MONTH_DAY_YEAR, "mdy"), (_NUMERIC, "dmy"), (_ISO, "ymd")):
        for match in pattern.finditer(text):
            date = _as_date(match, order)
            if date:
                found.append((match.start(), date))
                break
    return min(found)[1] if found else ""


def publisher_from_file(author: str) -> str:
    """A file's author property as a publisher, or "" when it is a software or template default."""
    author = " ".join(author.split())
    return "" if author.lower() in _software_authors() else author


@lru_cache(maxsize=1)
def _software_authors() -> frozenset[str]:
    """The author names software and templates write (`data/software_authors.toml`)."""
    with open(Path(__file__).parent / "data" / "software_authors.toml", "rb") as handle:
        return frozenset(tomllib.load(handle)["authors"])


def _as_date(match: re.Match, order: str) -> str:
    parts = dict(zip(order, match.groups()))
    month = parts["m"]
    try:
        number = int(month) if month.isdigit() else month_number(month)
        return dt.date(int(parts["y"]), number, int(parts["d"])).isoformat()
    except (ValueError, StopIteration):  # "31 February 2024": no date
        return ""


def _iso(match: re.Match | None) -> str:
    return _as_date(match, "ymd") if match else ""
