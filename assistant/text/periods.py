"""Periods named in text, read as values: the one lexical period reader.

Questions, claims and the documents' own sentences name periods in the same ways ("the 12 months to October
2024", "between April and June 2017", "October 2024", "2024/25", "since 2016", "in 2019"), so those words are read
here, once, by one set of rules, into `Mention`s. What a mention *means* is the reader's business: a question's
"2024" is the printed period that covers most of 2024 (`understand.periods`, against the catalogue), a claim's or
a document's is any period ending in 2024 (`claims.periods`). Relative words ("last year", "this year") are left to
those readers too: what they stand for depends on the catalogue or on the date of the text.

Pure functions on text: no catalogue and no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.text.dates import MONTH_WORDS, MONTHS, month_number

# Any month name or abbreviation (the one list, in text.dates), longest first so "september" wins over "sep".
MONTH = r"(?:" + "|".join(sorted(MONTH_WORDS, key=len, reverse=True)) + r")\b\.?"
YEAR_WORDS = r"(?:19|20)\d\d"  # a year as written: 1900 to 2099
_DAY = r"(?:\d{1,2}(?:st|nd|rd|th)?\s+)?"

# The kinds of mention, most specific first: the order the text is read in, each span read once. A half or a
# quarter of a year is read as the range of months it spans (a `BETWEEN` mention).
BETWEEN, TO_MONTH, MONTH_YEAR, FISCAL, SINCE, YEAR = "between", "to month", "month", "fiscal", "since", "year"
HALF, QUARTER, ISO_MONTH = "half", "quarter", "iso month"
# A half or quarter is of a calendar year ("2026") or of a financial year ("2026/27", "26/27", "financial year
# 2026/27"), which starts in April: the first half of 2026/27 is April to September 2026.
_FISCAL_OR_YEAR = (r"(?:(?:financial|fiscal)\s+year\s+)?"
                   r"(?:(?<![\d/])((?:19|20)?\d\d)\s*[/-]\s*((?:19|20)?\d\d)(?![\d/-])|"
                   rf"({YEAR_WORDS})\b)")
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}

PATTERNS = {kind: re.compile(pattern, re.IGNORECASE) for kind, pattern in (
    # "between April and June 2017", "from July 2017 to June 2018", "January to June 2017", "March-May 2017"
    (BETWEEN, rf"\b(?:between\s+({MONTH})\s*({YEAR_WORDS})?\s+and\s+|(?:from\s+)?({MONTH})\s*({YEAR_WORDS})?"
              rf"(?:\s+(?:to|until|through)\s+|\s*[-–]\s*))({MONTH})\s*({YEAR_WORDS})\b"),
    # "the first half of 2017", "H2 2016", "the third quarter of 2017", "Q1 2017": read as the months they span
    (HALF, rf"\b(?:the\s+)?(first|second|1st|2nd)\s+half\s+(?:of\s+)?(?:the\s+)?{_FISCAL_OR_YEAR}|"
           rf"\bh([12])\s+(?:of\s+)?(?:the\s+)?{_FISCAL_OR_YEAR}"),
    (QUARTER, rf"\b(?:the\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+(?:of\s+)?(?:the\s+)?"
              rf"{_FISCAL_OR_YEAR}|\bq([1-4])\s+(?:of\s+)?(?:the\s+)?{_FISCAL_OR_YEAR}"),
    # "the 12 months to October 2024", "the year ending 31 March", "the rolling year up to the end of June"
    (TO_MONTH, rf"\b(?:(?:12|twelve)[\s-]months?|year|period)\s+(?:ending|to|up\s+to|until)(?:\s+the\s+end\s+of)?"
               rf"\s+{_DAY}({MONTH})(?:,?\s+({YEAR_WORDS})\b)?"),
    # "October 2024", "5 December 2024"
    (MONTH_YEAR, rf"\b{_DAY}({MONTH}),?\s+({YEAR_WORDS})\b"),
    # "2024/25", "2023-2024", "23/24" (a date such as "14/12" is not two consecutive years: see `_read`)
    (FISCAL, rf"(?<![\d/-])(?:({YEAR_WORDS})\s*[/-]\s*((?:19|20)?\d\d)|(\d\d)/(\d\d))(?![\d/-])"),
    # "2017-03", as police.uk names its months (a pair of consecutive years, "2011-12", was read as fiscal above)
    (ISO_MONTH, rf"(?<![\d/-])({YEAR_WORDS})-(0[1-9]|1[0-2])(?![\d/-])"),
    # "since 2016", "than it was in 2016", "compared with 2016": the year a change is measured from
    (SINCE, rf"\b(?:since|than\s+(?:it\s+was\s+)?in|compared\s+(?:with|to)|from)\s+({YEAR_WORDS})\b"),
    # "in 2019", but not "£2019", "2019%", "2019 offences" or "over 2000 burglaries" (counts, not years)
    (YEAR, rf"(?<![£$\d,./-])\b({YEAR_WORDS})\b(?!\s*(?:%|per\s?cent|/|-\d))(?!\s+(?:offences|offence|crimes|"
           r"incidents|people|officers|cases|reports|more|fewer|extra|additional|new)\b)"),
)}
_COUNT_BEFORE = re.compile(r"(?i:over|under|above|below|about|around|approximately|nearly|almost|exactly|"
                           r"more than|fewer than|less than)\s*$")


@dataclass(frozen=True)
class Mention:
    """One period the text names, as values. `year` and `month` are when it ends (a financial year ends in the
    March of its second year, so `month` is left to the reader); `first` is where a `BETWEEN` range starts."""

    kind: str
    start: int  # where it starts in the text, for ordering
    words: str  # as the text spells them
    year: int | None = None
    month: int | None = None
    first: tuple[int, int] | None = None  # (year, month)
    end: int = 0  # where it ends in the text

    @property
    def months(self) -> tuple[tuple[int, int], ...]:
        """Every (year, month) the period spans: a month, a range, a rolling year to a month, a financial
        year (April to March) or a calendar year; empty for a rolling year whose year is not said."""
        if self.kind == MONTH_YEAR:
            return ((self.year, self.month),)
        if self.kind == BETWEEN:
            start, end = self.first[0] * 12 + self.first[1] - 1, self.year * 12 + self.month - 1
        elif self.kind == TO_MONTH and self.year is not None:
            end = self.year * 12 + self.month - 1
            start = end - 11
        elif self.kind == FISCAL:
            start, end = (self.year - 1) * 12 + 3, self.year * 12 + 2
        elif self.kind in (SINCE, YEAR):
            start, end = self.year * 12, self.year * 12 + 11
        else:
            return ()
        return tuple((index // 12, index % 12 + 1) for index in range(start, end + 1))

    @property
    def label(self) -> str:
        """Plain words for the period: "October 2024", "the 12 months to March", "2024/25", "2019"."""
        if self.kind == FISCAL:
            return f"{self.year - 1}/{str(self.year)[2:]}"
        if self.kind == BETWEEN:
            return f"{month_year(*self.first)} to {month_year(self.year, self.month)}"
        if self.kind == TO_MONTH:
            return f"the 12 months to {month_year(self.year, self.month)}"
        if self.kind == MONTH_YEAR:
            return month_year(self.year, self.month)
        return str(self.year)


def month_year(year: int | None, month: int) -> str:
    """(2024, 10) -> "October 2024"; a month with no year -> "October"."""
    return f"{MONTHS[month - 1]} {year}" if year else MONTHS[month - 1]


def mentions(text: str) -> list[Mention]:
    """Every period `text` names, in the order they appear. Each span is read once, by the most specific rule
    that fits it, so "the 12 months to October 2024" is one mention, not a month and a year."""
    unread = text
    found: list[Mention] = []
    for kind, pattern in PATTERNS.items():
        for match in pattern.finditer(unread):
            mention = _read(kind, match, unread)
            if mention is not None:
                found.append(mention)
                unread = unread[:match.start()] + " " * (match.end() - match.start()) + unread[match.end():]
    return sorted(found, key=lambda mention: mention.start)


def _read(kind: str, match: re.Match, unread: str) -> Mention | None:
    words = _written(match)
    if kind == BETWEEN:
        groups = match.groups()
        first_month, first_year = (groups[0], groups[1]) if groups[0] else (groups[2], groups[3])
        month, year = groups[4], int(groups[5])
        first = (int(first_year) if first_year else year, _month(first_month))
        return Mention(kind, match.start(), words, year, _month(month), first, match.end())
    if kind in (HALF, QUARTER):
        return _part_of_year(kind, match, words)
    if kind == ISO_MONTH:
        return Mention(MONTH_YEAR, match.start(), words, int(match.group(1)), int(match.group(2)), end=match.end())
    if kind in (TO_MONTH, MONTH_YEAR):
        month, year = match.groups()
        return Mention(kind, match.start(), words, int(year) if year else None, _month(month), end=match.end())
    if kind == FISCAL:
        first, second = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
        if (int(first) + 1) % 100 != int(second) % 100:
            return None
        # "1998/99" ends in 1999; "23/24", with no century written, in 2024.
        return Mention(kind, match.start(), words, int(first) + 1 if len(first) == 4 else 2000 + int(second),
                       end=match.end())
    if kind == YEAR and _COUNT_BEFORE.search(unread[:match.start()]):
        return None
    return Mention(kind, match.start(), words, int(match.group(1)), end=match.end())


def _part_of_year(kind: str, match: re.Match, words: str) -> Mention | None:
    """A half or quarter as the range of months it spans: of a calendar year from January, of a financial year
    ("2026/27", two consecutive years) from April."""
    which, *year = [group for group in match.groups() if group]
    size = 6 if kind == HALF else 3
    number = int(which) if which.isdigit() else ORDINALS[which.lower()]
    if len(year) == 2:  # a financial year: its first year, as written or with the century of the second
        first, second = year
        if (int(first) + 1) % 100 != int(second) % 100:
            return None
        start_year, start_month = (int(first) if len(first) == 4 else 2000 + int(first)), 4
    else:
        start_year, start_month = int(year[0]), 1
    first_index = start_year * 12 + start_month - 1 + (number - 1) * size
    last_index = first_index + size - 1
    return Mention(BETWEEN, match.start(), words, last_index // 12, last_index % 12 + 1,
                   (first_index // 12, first_index % 12 + 1), match.end())


def _written(match: re.Match) -> str:
    """The matched words as the text spells them, its line breaks and runs of spaces made one space."""
    return re.sub(r"\s+", " ", match.group()).strip()


def _month(word: str) -> int:
    return month_number(word.rstrip("."))
