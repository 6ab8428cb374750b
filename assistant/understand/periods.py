"""Which of the periods the tables print a text names, and why a period it names is not covered.

The words are read by `text.periods` (the one lexical period reader, shared with claims); this module says
which printed period they stand for. The periods are not known here: they are the ones the index's tables print, read
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
from assistant.ingest.catalogue import Edition, precedence
from assistant.text.dates import month_number, period_end, period_months
from assistant.text.periods import (BETWEEN, FISCAL, HALF, MONTH, ORDINALS, PATTERNS, QUARTER, SINCE, TO_MONTH, YEAR,
                                    YEAR_WORDS, mentions, month_year)
from assistant.vocab.load import edition_words
from assistant.understand.common import unique
from assistant.understand.query import Reason



def covered() -> str:
    """"the tables cover only the 12 months to October 2023 and 2024": every period reason starts so."""
    scope = vocab.SCOPE
    return scope.covered if scope is not None else vocab.PeriodScope().covered

# Relative periods, on normalised text. The comparison base ("than last year") asks for change, not 2023.
# "The year before" on its own is the earlier year ("and the 12 months before that?"); after "than" or
# "compared with" it is the comparison base.
_VS_LAST_YEAR = re.compile(
    r"\b(?:compar\w* (?:with|to)|than|versus|vs|on|from|since|against) (?:the )?"
    r"(?:same (?:period|time|quarter|months) )?"
    r"(?:(?:last|previous|prior|preceding) (?:year|12 months|twelve months|period)|"
    r"(?:year|12 months|twelve months|period) (?:before|earlier)(?: that| then)?)\b|\byear (?:on|over) year\b|"
    r"\byoy\b|\by o y\b|"
    r"\bsame period last year\b")
_THE_LAST_YEAR = re.compile(r"\b(?:the|this) (?:last|past) (?:year|12 months|twelve months)\b|\blast 12 months\b|"
                            r"\bpast (?:year|12 months|twelve months)\b")
# "The same quarter last year", "the same months a year earlier": the period a year before the one the text names
# (before the latest, when it names none), not the latest summary's earlier period.
_SAME_BEFORE = re.compile(r"\b(?:the )?same (?:quarter|period|months|time|half|3 months|three months|6 months|"
                          r"six months)(?: of| in)? "
                          r"(?:(?:the )?(?:last|previous|prior|preceding) (?:financial |fiscal )?year|"
                          r"a year (?:earlier|before|ago)|(?:the |one )?year (?:earlier|before))\b")
# "In the previous 12 months" is as often the latest year as the one before, so it is left to the context.
_LAST_YEAR = re.compile(r"\blast year\b|\b(?:previous|prior|preceding|earlier) (?:year|period|rolling year)\b|"
                        r"\ba year (?:ago|earlier|before)\b|"
                        r"\b(?:year|12 months|twelve months|period) (?:before|earlier)(?: that| then| it)?\b")
# "This yr", "ytd", "the financial year to date": the latest period, which for a part-year summary is the year so far.
_THIS_YEAR = re.compile(r"\bthis (?:financial |fiscal )?(?:year|yr)\b|\blatest\b|\bcurrent(?:ly)?\b|\bmost recent\b|"
                        r"\brecent(?:ly)?\b|\bnow\b|\bat the moment\b|\bthese days\b|\bso far\b|\bto date\b|"
                        r"\bf?ytd\b|\b(?:financial |fiscal )?year to date\b")
# "Last month", "this week", "monthly", "the past three months": shorter than any rolling year the tables print.
_SHORTER = re.compile(r"\b(?:last|past|previous|this|next) (?:(?:[1-9]|1[01]|two|three|four|five|six|seven|eight|nine|"
                      r"ten|eleven|few|couple of) )?(?:weeks?|months?|quarters?|fortnight)\b|"
                      r"\b(?:monthly|weekly|quarterly|month by month|week by week)\b|"
                      r"\b(?:per|each|every|a) (?:month|week)\b|"
                      # "the same quarter the year before", "the first quarter of 2025"; "a quarter of all crime" is
                      # a share
                      r"\bquarters?\b(?! of (?!(?:19|20)\d\d\b))")
_LATEST_WORDS = r"latest|current|most recent|newest|this"
_EARLIER_WORDS = r"previous|prior|preceding|earlier|last"
_SPAN = r"(?:12 months|twelve months|year|period|rolling year)"
# "For both years", "each period", "the two years": every period the latest edition prints, earlier first.
_BOTH_YEARS = re.compile(r"\b(?:both|each of the(?: two)?|the two|for each|in each|every) (?:years?|periods?|"
                         r"12 month periods?|twelve month periods?|rolling years?)\b|\bboth of them\b|"
                         r"\b(?:year|period) by (?:year|period)\b|"
                         # "the latest and the previous 12 months", "previous year and this year": the two named
                         rf"\b(?:{_LATEST_WORDS})(?: {_SPAN})? (?:and|&|vs|versus) (?:the )?(?:{_EARLIER_WORDS}) {_SPAN}\b|"
                         rf"\b(?:{_EARLIER_WORDS})(?: {_SPAN})? (?:and|&|vs|versus) (?:the )?(?:{_LATEST_WORDS})"
                         rf"(?: {_SPAN})?\b")

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
    found: list[tuple[int, str, str]] = []
    year_notes: list[str] = []
    fiscal, months, open_months, years = [], [], [], []  # periods named that the tables do not print, by kind
    named_editions = read_editions(raw)
    for start, end, edition, words in named_editions:
        raw = raw[:start] + " " * (end - start) + raw[end:]  # "the July 2026 report" names no period of July
        if edition is None:
            months.append(words)
        else:
            found.append((start, edition.periods[1], "edition"))
            year_notes.append(f"'{words}' read as the summary for the {edition.periods[1]}")
    norm = _EDITION.sub(" ", norm) if named_editions else norm  # "the latest edition" is read above
    raw = _SHORT_YEAR.sub(_full_year, raw)
    for start, end, printed, words in _yearless_ranges(raw, scope):
        raw = raw[:start] + " " * (end - start) + raw[end:]
        if printed:
            found.append((start, printed, "month"))
            if len(scope.for_months(*_range_months(words))) > 1:
                year_notes.append(f"'{words}' read as the {printed}, the latest period printed for those months")
        else:
            months.append(words)
    for start, end, printed, words, note in _yearless_parts(raw, scope):
        raw = raw[:start] + " " * (end - start) + raw[end:]
        if printed:
            found.append((start, printed, "month"))
            year_notes.append(note)
        else:
            months.append(words)
    norm = _YEARLESS_PART.sub(" ", norm)  # "the first half of this year" is no "this year"
    for mention in mentions(raw):
        if mention.kind == FISCAL:
            fiscal.append(mention.label)
        elif mention.kind in (YEAR, SINCE):
            printed = scope.for_year(mention.year)
            exact = mention.kind == YEAR and _CALENDAR.search(raw[max(0, mention.start - 30):mention.start])
            if printed and (months_of_year(printed, mention.year) == 12 if exact else
                            covers_most_of(printed, mention.year)):
                found.append((mention.start, printed, "year"))
                year_notes += [note] if (note := year_note(mention.year, printed)) else []
            else:
                years.append(str(mention.year))
        elif mention.year is None:  # "the 12 months to March": the latest rolling year to March printed, if any
            printed = scope.for_months(mention.month % 12 + 1, mention.month) if mention.kind == TO_MONTH else ()
            if printed:
                found.append((mention.start, printed[-1], "month"))
                if len(printed) > 1:
                    year_notes.append(f"'{mention.words}' read as the {printed[-1]}, the latest period printed "
                                      "for it")
            elif not scope.has_month(mention.month):
                open_months.append(mention.label)
        elif mention.kind == BETWEEN:  # "April to December 2026": the period that spans it, or else both ends
            # ("between October 2023 and October 2024"), or else the range is not covered
            printed = [scope.for_month(*end) for end in (mention.first, (mention.year, mention.month))]
            if span := scope.for_span(mention.first, (mention.year, mention.month)):
                found.append((mention.start, span, "month"))
            elif all(printed):
                found += [(mention.start, period, "month") for period in printed]
            else:
                months.append(mention.label)
        else:
            printed = scope.for_month(mention.year, mention.month)
            if printed:
                found.append((mention.start, printed, "month"))
            else:
                months.append(month_year(mention.year, mention.month))
    outside = fiscal + months + open_months + years
    notes, named = year_notes, [(period, kind) for _, period, kind in sorted(found)]
    relative = _VS_LAST_YEAR.sub(" ", norm)
    both = _BOTH_YEARS.search(relative)
    if both and scope.previous and scope.latest:
        named += [(scope.previous, "previous"), (scope.latest, "latest")]
        notes.append(f"'{both.group()}' read as the {scope.previous} and the {scope.latest}")
        relative = _BOTH_YEARS.sub(" ", relative)
    if (same := _SAME_BEFORE.search(relative)) and scope.values:
        before = year_before(named[0][0] if named else scope.latest)
        if before:
            named.append((before, "previous"))
            notes.append(f"'{same.group()}' read as the {before}")
        else:
            outside.append(same.group())
        relative = _SAME_BEFORE.sub(" ", relative)
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
    shorter = _SHORTER.search(norm)
    if shorter and scope.values and all(not _spans_less_than_a_year(words) for _, words in scope.values):
        outside.append(f"'{shorter.group()}': they give no figures for less than a year")
    reasons = [Reason("period", f"{scope.covered}, not {', '.join(unique(outside))}")] if outside else []
    if _FUTURE.search(norm):
        forecast = f"forecast for {', '.join(unique(outside))}" if outside else "forecasts"
        reasons = [Reason("period", f"{scope.covered} and hold no {forecast}")]
    return Periods(periods, reasons, notes, tuple(first_kind.values()))


# ------------------------------------------------------------------ month ranges written short

# "Apr-Sep 26", "April to Sept '26": a range of months whose year is written with two digits. Only a range is read
# so: "September 26" alone is as often a day as a year.
_SHORT_YEAR = re.compile(rf"\b({MONTH}\s*(?:-|–|to|until|through)\s*{MONTH})\s*'?(\d\d)\b"
                         r"(?!\s*(?:st|nd|rd|th|:|\.\d))", re.IGNORECASE)
# "Apr-Dec", "April to September" with no year after them: the months a period runs between, in any year.
_YEARLESS = re.compile(rf"\b(?:from\s+)?({MONTH})\s*(?:-|–|to|until|through)\s*({MONTH})(?!\s*,?\s*'?\d)",
                       re.IGNORECASE)


def _full_year(match: re.Match) -> str:
    return f"{match.group(1)} 20{match.group(2)}"


def _range_months(words: str) -> tuple[int, int]:
    """(first month, last month) of a yearless range as written ("apr-dec" -> (4, 12))."""
    match = _YEARLESS.search(words)
    return month_number(match.group(1).rstrip(".")), month_number(match.group(2).rstrip("."))


def _yearless_ranges(raw: str, scope) -> list[tuple[int, int, str | None, str]]:
    """(start, end, printed period or None, words) for each range of months named with no year ("the apr-dec
    figures"): the latest printed period that runs between those months, None when none does."""
    found = []
    for match in _YEARLESS.finditer(raw):
        words = " ".join(match.group().split())
        printed = scope.for_months(*_range_months(words))
        found.append((match.start(), match.end(), printed[-1] if printed else None, words))
    return found


# "The first half of the year", "Q2 of this financial year", "in Q2", "the third quarter": a part of a year whose
# year is not said (a year after it, "Q2 2026/27", is read by `text.periods`). A calendar year starts in January and
# a financial year in April; unless "financial" is said, either may be meant. "Q2 last year", "Q2 of the previous
# year": the same part a year before the latest printed one.
_PART = r"(?:(?:the\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)\s+(half|quarter)|(?P<short>[qh])([1-4]))"
_NO_YEAR = r"(?!\s*(?:of\s+)?(?:the\s+)?(?:(?:financial|fiscal)\s+year\s+)?(?:19|20)?\d\d(?![\d%]))"
_YEARLESS_PART = re.compile(
    rf"\b{_PART}(?:\s+of\s+(?:the\s+|this\s+)?((?:financial|fiscal)\s+)?(?:year|yr)\b(?!\s*(?:19|20)?\d\d)|"
    rf"\b{_NO_YEAR}(?!\s+of\s+(?:the\s+)?(?:year|yr|financial|fiscal)\b))"
    r"(?P<back>,?\s+(?:of\s+)?(?:(?:the\s+)?(?:last|previous|prior|preceding)\s+(?:financial\s+|fiscal\s+)?"
    r"(?:year|yr)|a\s+year\s+(?:earlier|before|ago)|the\s+year\s+before))?\b",
    re.IGNORECASE)
_FINANCIAL_PART = re.compile(edition_words()["financial_parts"], re.IGNORECASE)


def _yearless_parts(raw: str, scope) -> list[tuple[int, int, str | None, str, str]]:
    """(start, end, printed period or None, words, note) for each half or quarter of a year named without its year:
    the latest printed period that spans it, or the one a year before that when the words say "last year". A part
    said the way a financial year's is ("Q3", "the third quarter": `financial_parts` in edition_words.toml) is of
    the financial year, so "Q4" is January to March and never a calendar year's October to December; another
    ("the first half of the year") is read when exactly one reading of the year (calendar or financial) is
    printed. None when the part is not printed or which was meant cannot be told: never another part."""
    found = []
    for match in _YEARLESS_PART.finditer(raw):
        words = " ".join(match.group().split())
        if match.group("short"):
            size, number = (6 if match.group("short").lower() == "h" else 3), int(match.group(4))
        else:
            size, number = (6 if match.group(2).lower() == "half" else 3), ORDINALS[match.group(1).lower()]
        if number * size > 12:
            found.append((match.start(), match.end(), None, words, ""))
            continue
        said = " ".join(raw[match.start():match.start("back") if match.group("back") else match.end()].split())
        starts = (4,) if match.group(5) or _FINANCIAL_PART.fullmatch(said.lower().removeprefix("the ")) else (1, 4)
        readings = {}
        for first in starts:
            first_month = (first - 1 + (number - 1) * size) % 12 + 1
            last_month = (first_month - 1 + size - 1) % 12 + 1
            if printed := scope.for_months(first_month, last_month):
                readings[first] = (printed[-1], first_month, last_month)
        if len(readings) != 1:
            found.append((match.start(), match.end(), None, words, ""))
            continue
        printed, first_month, last_month = next(iter(readings.values()))
        which = "the latest period printed for it"
        if match.group("back"):
            printed, which = year_before(printed), "a year before the latest printed"
        if printed is None:
            found.append((match.start(), match.end(), None, words, ""))
            continue
        note = (f"'{words}' read as the {printed} ({month_year(None, first_month)} to "
                f"{month_year(None, last_month)}), {which}")
        found.append((match.start(), match.end(), printed, words, note))
    return found


def period_phrases(raw: str) -> list[str]:
    """The words of the periods read here that no other reader knows ("apr-dec", "the first half of the year",
    "the second edition", and the ordinal of "the first half of 2026/27"), normalised: they name a period, so they
    are no topic left unexplained (nor a place the tables do not print)."""
    spans = [match.group() for pattern in (_YEARLESS, _YEARLESS_PART, PATTERNS[HALF], PATTERNS[QUARTER])
             for match in pattern.finditer(raw)]
    spans += [words for _, _, _, words in read_editions(raw)]
    return [vocab.normalise(words) for words in spans]


# ------------------------------------------------------------------ summaries named as editions

def _editions_pattern() -> tuple[re.Pattern, re.Pattern]:
    """(a month-named edition, another edition phrase), from the words of vocab/data/edition_words.toml."""
    words = edition_words()
    one = rf"(?:the\s+)?{MONTH}(?:,?\s+{YEAR_WORDS}\b)?"
    months = rf"{one}(?:\s*(?:,|and|or|&|to|vs\.?|versus|v)\s*{one})*"
    named = re.compile(rf"\b(?P<months>{months})(?:'s|s')?\s+(?:[a-z]+\s+){{0,2}}?"
                       rf"(?:(?P<edition>{words['edition']})|{words['after_month']})|"
                       rf"(?:{words['edition']}|{words['after_month']})\s+(?:for|to|of|from|published in|"
                       rf"dated|ending(?: in)?|covering)\s+(?:the\s+)?(?:(?:12|twelve) months to\s+)?"
                       rf"(?P<after>{one})", re.IGNORECASE)
    other = re.compile(rf"\b(?:the\s+)?(?:(?P<earlier>{words['earlier']})|(?P<latest>{words['latest']})|"
                       rf"(?P<ordinal>{'|'.join(ORDINALS)})|"
                       rf"(?P<every>both(?: the)?|the two|all(?: the)?|each of the|(?<=between )the|"
                       rf"(?<=across )the))\s+(?:[a-z]+\s+)?(?P<noun>{words['edition']})", re.IGNORECASE)
    return named, other


_NAMED, _OTHER = _editions_pattern()
# "In calendar year 2024", "January to December 2024": the words just before a year that ask for exactly it.
_CALENDAR = re.compile(edition_words()["calendar_year"] + r"\s*(?:of\s+|in\s+)?(?:the\s+)?(?:year\s+)?$", re.IGNORECASE)
_EDITION = re.compile(rf"{_NAMED.pattern}|{_OTHER.pattern}", re.IGNORECASE)
# The period and edition words whose vocabulary is table-question vocabulary (see `words`): the words that name
# a summary on their own, not those that do so only after a month ("the July pack" may be a document asked of).
WORD_PATTERNS = (_VS_LAST_YEAR, _THE_LAST_YEAR, _LAST_YEAR, _THIS_YEAR, _BOTH_YEARS, _SHORTER, PATTERNS[TO_MONTH],
                 re.compile(edition_words()["edition"]))
_ONE_MONTH = re.compile(rf"({MONTH})(?:,?\s+({YEAR_WORDS})\b)?", re.IGNORECASE)


def read_editions(raw: str) -> list[tuple[int, int, Edition | None, str]]:
    """The summaries `raw` names as editions ("the June edition", "the July report", "the previous summary",
    "between the June and September editions"): (start, end, edition, words) for each, in order; the edition
    is None when no summary indexed is the one named. A month names the summary whose latest period ends then,
    or else the one published then (the catalogue's edition dates): never a list of names."""
    catalogue = vocab.CATALOGUE
    editions = sorted((e for e in (catalogue.editions if catalogue is not None else ()) if not e.uploaded),
                      key=precedence)  # oldest first
    if not editions:
        return []
    scope = vocab.SCOPE or vocab.PeriodScope()
    found = []
    ranges = [said.span() for said in _YEARLESS.finditer(raw)]  # "the apr-dec figures" name months, not an edition
    for match in _NAMED.finditer(raw):
        if any(start < match.end() and match.start() < end for start, end in ranges):
            continue
        words = " ".join(match.group().split())
        named = [(month_number(month.group(1)), month.group(2))
                 for month in _ONE_MONTH.finditer(match.group("months") or match.group("after"))]
        chosen = [_by_month(editions, month, year) for month, year in named]
        # "the June 2025 figures" of a printed period, or "the March figures" of no summary, are left to the
        # period reader; only a word that always means a summary ("the March edition") is refused here
        plainly = bool(match.group("edition"))
        if not plainly and any(edition is None or (year and scope.for_month(int(year), month)
                                                   not in (None, edition.periods[1]))
                               for edition, (month, year) in zip(chosen, named)):
            continue
        found += [(match.start(), match.end(), edition, words) for edition in chosen]
    for match in _OTHER.finditer(raw):
        if any(start <= match.start() < end for start, end, _, _ in found):
            continue
        words = " ".join(match.group().split())
        plural = match.group("noun").lower().endswith("s")
        if match.group("earlier") and len(editions) > 1:
            found.append((match.start(), match.end(), editions[-2], words))
        elif match.group("latest"):
            found.append((match.start(), match.end(), editions[-1], words))
        elif match.group("ordinal") and not plural:
            found.append((match.start(), match.end(), _by_order(editions, ORDINALS[match.group("ordinal").lower()]),
                          words))
        elif match.group("every") and plural and len(editions) > 1:
            found += [(match.start(), match.end(), edition, words) for edition in editions]
    return sorted(found, key=lambda item: item[0])


def _by_order(editions: list[Edition], number: int) -> Edition | None:
    """"The second edition": the summary that many from the oldest, counted among those indexed. With one indexed,
    "the first" or "the second" says there is another, which the index does not hold: none is named."""
    return editions[number - 1] if 1 < len(editions) and number <= len(editions) else None


def _by_month(editions: list[Edition], month: int, year: str | None) -> Edition | None:
    """The newest summary whose latest period ends in `month` (of `year`, when said), else the newest published
    in it; None when neither."""
    ends = [e for e in editions if int(e.period_ends[1][5:7]) == month and (year is None or
                                                                          e.period_ends[1][:4] == year)]
    published = [e for e in editions if e.date[5:7] == f"{month:02d}" and (year is None or e.date[:4] == year)]
    return (ends or published or [None])[-1]


def editions_named(text: str) -> tuple[str, ...]:
    """The ids of the summaries a question names as editions, in the order named (see `read_editions`)."""
    return tuple(dict.fromkeys(edition.id for _, _, edition, _ in read_editions(text) if edition is not None))


# "The year before that": a period pointing back at one named before it.
_BEFORE_THAT = re.compile(r"\b(?:year|12 months|twelve months|period) (?:before|earlier than) (?:that|then|it)\b")


def unanchored(norm: str, kinds: tuple[str, ...]) -> Reason | None:
    """"How many crimes did Southend have the year before that?" asked first, or naming no period of its own: the
    period it points back to was named in something the reader saw (a newspaper's year), not in the question, so
    the tables' year before their latest is not it. A follow-up reads it against the last turn instead."""
    said = _BEFORE_THAT.search(norm)
    if said is None or any(kind != "previous" for kind in kinds):
        return None
    return Reason("period", f"'{said.group()}' points back to a period the question does not name")


def months_of_year(period: str, year: int) -> int:
    """How many of the calendar months of `year` the printed period covers ("12 months to October 2024" covers
    ten months of 2024 and two of 2023)."""
    end_year, end_month = period_end(period)
    last = end_year * 12 + end_month - 1
    first = last - (period_months(period) or 12) + 1
    return max(0, min(last, year * 12 + 11) - max(first, year * 12) + 1)


def covers_most_of(period: str, year: int) -> bool:
    """Can the printed period stand for the calendar year asked? Only when it covers more than half of the
    year's months: the 12 months to May 2023 hold seven months of 2022 and may answer for 2022 (saying so),
    but never for 2023, of which they hold five, nor can a five-month year to date answer for a whole year."""
    return months_of_year(period, year) * 2 > 12


def year_note(year: int, period: str) -> str | None:
    """The note saying which printed period answers for a calendar year, unless it is that year exactly."""
    if months_of_year(period, year) == 12:
        return None
    return f"'{year}' read as the {period}, the printed period covering most of {year}"


def mostly_in(period: str) -> int:
    """The calendar year a printed period covers most of, which is the year a question named when "in 2022" was
    read as it (the 12 months to May 2023 are mostly 2022)."""
    end_year, _ = period_end(period)
    return max((end_year - 1, end_year), key=lambda year: months_of_year(period, year))


def _spans_less_than_a_year(period: str) -> bool:
    """"3 months to October 2024" does; "12 months to October 2024" does not."""
    months = period_months(period)
    return months is not None and months < 12


def year_before(period: str) -> str | None:
    """The printed period that ends a year before `period`, same month and length ("the year before" in a
    follow-up: the same quarter of the year before, after a quarter)."""
    scope = vocab.SCOPE or vocab.PeriodScope()
    year, month = period_end(period)
    return scope.for_month(year - 1, month, period_months(period))


def compares_with_last_year(norm: str) -> bool:
    """'Than last year', 'year on year', 'compared with the previous 12 months': the question asks for change."""
    return bool(_VS_LAST_YEAR.search(norm))
