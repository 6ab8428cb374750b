"""Calendar months in the words of a police.uk question, and back into words for an answer.

The performance tables print rolling years, so their period reader (`periods`) knows only those; police.uk
files are monthly, so this reader turns words into calendar months ("March 2017", "2016", "the first half of
2017", "January to June 2017", "Q1 2017") and `month_words` puts a run of months back into words.
"""

from __future__ import annotations

import re

from assistant.ingest.street import month_range
from assistant.text.dates import MONTHS, month_number

MON = r"(january|february|march|april|may|june|july|august|september|october|november|december|" \
     r"jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)"
YEAR = r"((?:19|20)\d\d)"
# Longest forms first: each match is blanked before the next pattern looks.
_PERIODS = (
    ("range", re.compile(rf"\b(?:between |from )?{MON} {YEAR} (?:to|and|until|through|-) {MON} {YEAR}\b")),
    ("range1", re.compile(rf"\b(?:between |from )?{MON} (?:to|and|until|through|-) {MON} {YEAR}\b")),
    ("half", re.compile(rf"\b(?:the )?(first|second|1st|2nd) half (?:of )?{YEAR}\b|\bh([12]) {YEAR}\b")),
    ("quarter", re.compile(rf"\b(?:the )?(first|second|third|fourth|1st|2nd|3rd|4th) quarter (?:of )?{YEAR}\b|"
                           rf"\bq([1-4]) {YEAR}\b")),
    ("month", re.compile(rf"\b{MON} {YEAR}\b")),
    ("year", re.compile(rf"(?<!\d )\b{YEAR}\b")),
)
_ORDINAL = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def months_in(text: str) -> tuple[list[tuple[int, tuple[str, ...]]], str]:
    """The periods a normalised text names, as (position, months) in order, and the text with them blanked."""
    found = []
    for kind, pattern in _PERIODS:
        def take(match: re.Match, kind: str = kind) -> str:
            found.append((match.start(), _months(kind, [g for g in match.groups() if g])))
            return " " * len(match.group())
        text = pattern.sub(take, text)
    return sorted(found), text


def blank_periods(text: str) -> str:
    """`text` as written with every period this reader knows blanked (same length), so a claim parser reading
    its figures does not take "the first half of 2017" for a share of one half."""
    for _, pattern in _PERIODS:
        text = re.sub(pattern.pattern, lambda m: " " * len(m.group()), text, flags=re.IGNORECASE)
    return text


def _months(kind: str, groups: list[str]) -> tuple[str, ...]:
    if kind == "range":
        (m1, y1, m2, y2) = groups
        return tuple(month_range(f"{y1}-{month_number(m1):02d}", f"{y2}-{month_number(m2):02d}"))
    if kind == "range1":
        (m1, m2, y) = groups
        return tuple(month_range(f"{y}-{month_number(m1):02d}", f"{y}-{month_number(m2):02d}"))
    if kind in ("half", "quarter"):
        which, year = groups
        n = int(which) if which.isdigit() else _ORDINAL[which]
        size = 6 if kind == "half" else 3
        return tuple(f"{year}-{m:02d}" for m in range((n - 1) * size + 1, n * size + 1))
    if kind == "month":
        return (f"{groups[1]}-{month_number(groups[0]):02d}",)
    return tuple(f"{groups[0]}-{m:02d}" for m in range(1, 13))


def month_words(months: tuple[str, ...]) -> str:
    """("2017-03",) → "March 2017"; a whole year → "2016"; a run → "January to June 2017"."""
    if not months:
        return ""
    first, last = months[0], months[-1]
    name = lambda m: MONTHS[int(m[5:]) - 1]  # noqa: E731
    if len(months) == 1:
        return f"{name(first)} {first[:4]}"
    if len(months) == 12 and first.endswith("-01") and last[:4] == first[:4]:
        return first[:4]
    if first[:4] == last[:4]:
        return f"{name(first)} to {name(last)} {first[:4]}"
    return f"{name(first)} {first[:4]} to {name(last)} {last[:4]}"
