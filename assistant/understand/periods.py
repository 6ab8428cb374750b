"""Which of the periods the tables print a text names, and why a period it names is not covered.

The one period reader. The periods are not known here: they are the ones the index's tables print, read
from the vocabulary in force (`vocab.SCOPE`, learned from the catalogue). "In 2024" is the printed period
that covers most of 2024, "the 12 months to October 2024" the one that ends then, "this year" and "the
latest" the latest edition's latest period, "last year" the period before it; other years, months,
financial years ("2024/25") and forecasts ("next year", "by 2026") become `Reason(kind="period")` records,
so a follow-up can drop them once a covered period is named. Vague words ("last year") get a note.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from assistant import vocab
from assistant.text.dates import MONTHS, month_number, period_end
from assistant.understand.common import blank_matches, unique
from assistant.understand.query import Reason



def covered() -> str:
    """"the tables cover only the 12 months to October 2023 and 2024": every period reason starts so."""
    scope = vocab.SCOPE
    return scope.covered if scope is not None else vocab.PeriodScope().covered

# Relative periods, on normalised text. The comparison base ("than last year") asks for change, not 2023.
# "The year before" on its own is the earlier year ("and the 12 months before that?"); after "than" or
# "compared with" it is the comparison base.
_VS_LAST_YEAR = re.compile(
    r"\b(?:compar\w* (?:with|to)|than|versus|vs|on|from|since|against) (?:the )?(?:same (?:period|time) )?"
    r"(?:(?:last|previous|prior|preceding) (?:year|12 months|twelve months|period)|"
    r"(?:year|12 months|twelve months|period) (?:before|earlier)(?: that| then)?)\b|\byear (?:on|over) year\b|"
    r"\byoy\b|\by o y\b|"
    r"\bsame period last year\b")
_THE_LAST_YEAR = re.compile(r"\b(?:the|this) (?:last|past) (?:year|12 months|twelve months)\b|\blast 12 months\b|"
                            r"\bpast (?:year|12 months|twelve months)\b")
# "In the previous 12 months" is as often the latest year as the one before, so it is left to the context.
_LAST_YEAR = re.compile(r"\blast year\b|\b(?:previous|prior|preceding|earlier) (?:year|period|rolling year)\b|"
                        r"\ba year (?:ago|earlier|before)\b|"
                        r"\b(?:year|12 months|twelve months|period) (?:before|earlier)(?: that| then| it)?\b")
_THIS_YEAR = re.compile(r"\bthis year\b|\blatest\b|\bcurrent(?:ly)?\b|\bmost recent\b|\brecent(?:ly)?\b|"
                        r"\bnow\b|\bat the moment\b|\bthese days\b|\bso far\b|\bto date\b")

_MONTH = r"(january|february|march|april|may|june|july|august|september|october|november|december|" \
         r"jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)"
_MONTH_YEAR = re.compile(rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{_MONTH}\.?,?\s+((?:19|20)\d\d)\b")
_FISCAL = re.compile(r"\b((?:19|20)\d\d)\s*[/-]\s*((?:19|20)?\d\d)\b|\b(\d\d)/(\d\d)\b")
_TO_MONTH = re.compile(rf"\b(?:(?:12|twelve)[\s-]months?|year|period)\s+(?:to|ending|up to|until|to the end of)\s+"
                       rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{_MONTH}\b")
_YEAR = re.compile(r"(?<![£$\d.,])\b((?:19|20)\d\d)\b(?!\s*(?:%|percent|per cent|offences|offence|crimes|"
                   r"incidents|people|officers|cases|reports|more|fewer|extra|additional|new)\b)")
# The tables record the past: a forecast ("what will it be next year", "by 2026") is out of scope, never the
# latest figure. "Will you be able to tell me" is framing, blanked before this is read.
_FUTURE = re.compile(
    r"\bnext (?:year|12 months|twelve months|month|few (?:months|years)|decade|financial year)\b|"
    r"\bin (?:the )?(?:future|years to come|coming (?:year|months|years))\b|"
    r"\b(?:coming|future) (?:year|years|months)\b|"
    r"\bforecast\w*|\bpredict\w*|\bprojected\b|\bprojections?\b|\bexpected to\b|\boutlook\b|"
    r"\b(?:going|likely|set) to (?:be|rise|fall|go|increase|decrease|drop|climb|continue|keep|reach|hit|change|"
    r"look|get)\b|"
    r"\bwill (?:\w+ ){0,4}?(?:be|rise|fall|go|increase|decrease|drop|climb|continue|keep|reach|hit|change|look|get|"
    r"have|see|record)\b|\bby (?:the end of )?20(?:2[5-9]|[3-9]\d)\b")
_COUNT_BEFORE_YEAR = re.compile(r"(?:over|under|above|below|about|around|approximately|nearly|almost|exactly|"
                                r"more than|fewer than|less than)\s*$")

# The period words whose vocabulary is table-question vocabulary (see `words`).
WORD_PATTERNS = (_VS_LAST_YEAR, _THE_LAST_YEAR, _LAST_YEAR, _THIS_YEAR, _TO_MONTH)


class Periods(NamedTuple):
    """A text's periods: the table periods named (in order), why a named period is not covered, and notes on
    how vague words were read."""

    periods: tuple[str, ...]
    reasons: list[Reason]
    notes: list[str]
    # How each period was named, parallel to `periods`: "month" ("October 2024"), "year" ("in 2024"),
    # "latest" ("this year"), "previous" ("last year", "the year before"): a follow-up re-reads "previous"
    # against its own context, and a bare year may be matched to another force's year.
    kinds: tuple[str, ...] = ()


def read_periods(raw: str, norm: str | None = None) -> Periods:
    """The periods `raw` names. `norm` is the same text normalised (and spelling-corrected) as the other readers
    see it; relative words ("last year") and forecasts are read on it. Without it, `raw` is normalised here."""
    if norm is None:
        norm = vocab.normalise(raw)
    scope = vocab.SCOPE or vocab.PeriodScope()
    low = re.sub(r"(?<=\d),(?=\d{3}\b)", "", raw.lower())
    found: list[tuple[int, str, str]] = []
    outside: list[str] = []
    fiscal = [m for m in _FISCAL.finditer(low) if _is_fiscal(m)]
    outside += [m.group().replace(" ", "") for m in fiscal]
    low = vocab.blank(low, [vocab.Found(m.start(), m.end(), "", "") for m in fiscal])
    for match in _MONTH_YEAR.finditer(low):
        month, year = match.group(1), match.group(2)
        printed = scope.for_month(int(year), month_number(month))
        if printed:
            found.append((match.start(), printed, "month"))
        else:
            outside.append(f"{_month_name(month)} {year}")
    low = blank_matches(_MONTH_YEAR, low)
    for match in _TO_MONTH.finditer(low):
        if not scope.has_month(month_number(match.group(1))):
            outside.append(f"the 12 months to {_month_name(match.group(1))}")
    for match in _YEAR.finditer(low):
        if _COUNT_BEFORE_YEAR.search(low[:match.start()]):
            continue
        year = match.group(1)
        printed = scope.for_year(int(year))
        if printed:
            found.append((match.start(), printed, "year"))
        else:
            outside.append(year)
    notes, named = [], [(period, kind) for _, period, kind in sorted(found)]
    relative = _VS_LAST_YEAR.sub(" ", norm)
    for pattern, period, kind in ((_THE_LAST_YEAR, scope.latest, "latest"), (_LAST_YEAR, scope.previous, "previous"),
                                  (_THIS_YEAR, scope.latest, "latest")):
        match = pattern.search(relative)
        if match and period:
            named.append((period, kind))
            notes.append(f"'{match.group()}' read as the {period}")
            relative = pattern.sub(" ", relative)
    first_kind = {}
    for period, kind in named:
        first_kind.setdefault(period, kind)
    periods = tuple(first_kind)
    reasons = [Reason("period", f"{scope.covered}, not {', '.join(unique(outside))}")] if outside else []
    if _FUTURE.search(norm):
        forecast = f"forecast for {', '.join(unique(outside))}" if outside else "forecasts"
        reasons = [Reason("period", f"{scope.covered} and hold no {forecast}")]
    return Periods(periods, reasons, notes, tuple(first_kind.values()))


def year_before(period: str) -> str | None:
    """The printed period that ends a year before `period`, same month ("the year before" in a follow-up)."""
    scope = vocab.SCOPE or vocab.PeriodScope()
    year, month = period_end(period)
    return scope.for_month(year - 1, month)


def compares_with_last_year(norm: str) -> bool:
    """'Than last year', 'year on year', 'compared with the previous 12 months': the question asks for change."""
    return bool(_VS_LAST_YEAR.search(norm))


def _is_fiscal(match: re.Match) -> bool:
    """'2024/25', '2023-2024', '23/24': a financial year, so two consecutive years; '14/12' is a date."""
    first, second = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
    return (int(first) + 1) % 100 == int(second) % 100


def _month_name(text: str) -> str:
    return MONTHS[month_number(text) - 1]
