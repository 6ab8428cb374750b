"""A figure measured against what was asked is not a figure for it.

"Confidence is running at 77%, only slightly lower than the highs seen during the pandemic" gives today's
confidence, not the peak's; "ASB is now 70% lower than it was in 2016" gives a change since 2016, not 2016's
figure; "a 17.4% increase compared the same period last year, with 0.57 offences per 1000" gives this year's rate,
not last year's. When what the question asks about (a year, a peak, the year before) appears in a line only as
what a comparison is measured from ("than ...", "since ...", "compared with ..."), with no figure of its own, the
line's figures are for another time and do not answer; and a value asked "at its peak" needs a figure at all, one
asked for "the year before" or "a year ago" (`text/data/near_miss_words.toml`) a line that names some time: "the
e-newsletter has 9,500 subscribers" gives today's. A
question that asks how things changed, or itself measures from that time ("since 2016"), is answered by such a
line.
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.answer import otherkind
from assistant.answer.wants import HAS_DATE, HAS_FIGURE, Wants
from assistant.text.dates import YEAR_PAIR

# What a comparison is measured from, up to the thing itself with no figure or clause break between ("than it was
# in 2016", "compared the same period last year"): "up from 10 in 2016" and "than the 10 seen in 2016" give
# that year's figure, so "from" is no baseline word and a figure between breaks the baseline.
_MEASURED_FROM = r"\b(?:than|since|compared(?:\s+(?:with|to))?|against|versus|vs\.?)\s+[^,;:.!?\d()]{0,40}?"

# The question asks for a peak or a low ("at its peak", "the highest level"); a line names one by these words.
PEAK_ASKED = re.compile(r"\b(peak\w*|highest|lowest|all[- ]time (?:high|low)|record (?:high|low)s?)\b", re.I)
PEAK_NAMED = r"(?:peak\w*|highs?|highest|lows?|lowest|record(?:\s+(?:high|low)s?)?)"
# The question asks for the year before ("in the previous year", "last year's rate"); a line names it so.
YEAR_BEFORE_ASKED = re.compile(r"\b(previous|last|prior|preceding) year\b|\byear before\b", re.I)
YEAR_BEFORE_NAMED = r"(?:(?:previous|last|prior|preceding)\s+year|year\s+before)"


# "What was confidence at its peak?", "the highest level of ...": a value at a high or low, which is a figure.
PEAK_VALUE_ASKED = re.compile(r"^\s*what\s+(?:is|was|were|are)\b[^?]*\b(?:at\s+(?:its|their|the)\s+"
                              r"(?:peak|highest|lowest|height)|(?:peak|highest|lowest|record)\s+"
                              r"(?:level|rate|figure|value|number))\b", re.I)


@lru_cache(maxsize=1)
def _earlier_asked() -> re.Pattern:
    return otherkind.phrases(otherkind.near_miss_words()["earlier"]["asked"])


# Words by which a line says what time its figure is for, beside dates and years: "last year", "in 2023/24".
TIME_NAMED = re.compile(rf"{YEAR_BEFORE_NAMED}|\b(?:last|this|next|previous|prior|preceding|current)\s+(?:year|"
                        r"month|quarter|period)\b|\byears?\s+(?:earlier|ago|before)\b|\bago\b|\b(?:since|until|by)\s+"
                        r"(?:then|now)\b|\byear\s+(?:to|ending|ended)\b", re.I)


# A figure a line gives as what another changed from: "rose from 2,434 to 3,262", "up on 530".
CHANGED_FROM = re.compile(r"\b(?:from|against|than|on|compared\s+(?:with|to)|versus|vs\.?)\s+(?:[\w'’-]+\s+){0,3}?[£$€]?\d",
                          re.I)


def no_time_named(question: str, text: str) -> str:
    """"How many people subscribed to the e-newsletter a year ago?" is not answered by "our e-newsletter, which has
    9,500 subscribers", nor "stalking cases the year before" by "755 cases ... over the same period": a figure asked
    for a time before the one the documents speak for needs a line that names some time (the year before, a
    year, a date, or a figure it changed from), not one that speaks for its own present."""
    if not _earlier_asked().search(question) or HAS_DATE.search(text) or YEAR_PAIR.search(text) or \
            TIME_NAMED.search(text) or CHANGED_FROM.search(text):  # ("the same period": the line before's time)
        return ""
    return "the passage gives no figure for the earlier time asked about"


def objection(question: str, years: set[str], wants: Wants, text: str) -> str:
    """Why the line's figures are not for the year, peak or year before the question asks about (it names that
    only as what it compares with, or, asked for a value at its peak, gives no figure at all); empty when they
    may be."""
    if wants.change:
        return ""
    if PEAK_VALUE_ASKED.search(question) and not HAS_FIGURE.search(text):
        return "no passage gives a figure for the peak"
    if (wants.figure or HAS_FIGURE.search(text)) and (reason := no_time_named(question, text)):
        return reason
    for asked, named, said in _anchors(question, years):
        if re.search(_MEASURED_FROM + rf"\b{named}", question, re.I):
            continue  # "how many officers since 2016?": the question measures from it too
        mentions = list(re.finditer(rf"\b{named}\b", text, re.I))
        if mentions and all(_measured_from(text, m) for m in mentions):
            return f"the passage compares with {said} but gives no figure for {asked}"
    return ""


# A change stated against a period: "up by 1% on 2016-17", "a 16% rise on the previous year".
_CHANGED_ON = r"\b(?:up|down|rises?|rose|risen|falls?|fell|fallen|increases?|increased|decreases?|decreased|drops?|dropped|" \
              r"higher|lower)\b[^.;:!?]{0,25}?\bon\s+(?:the\s+)?"


def only_compared(year: str, text: str) -> bool:
    """Does the text name the year (alone or in a span such as "2016-17") only as what figures are compared with
    ("than in 2016", "since 2016", "up by 1% on 2016-17")? False when it does not name it at all."""
    mentions = [m for m in re.finditer(rf"\b{re.escape(year)}\b|\b{re.escape(year[:2])}\d\d\s*[-/–]\s*{re.escape(year[2:])}\b",
                                       text)]
    return bool(mentions) and all(_measured_from(text, m) or re.search(_CHANGED_ON + "$", text[:m.start()], re.I)
                                  for m in mentions)


def _anchors(question: str, years: set[str]) -> list[tuple[str, str, str]]:
    """(what the question asks about in plain words, the pattern a line names it by, how to say the line names it)."""
    anchors = [(year, re.escape(year), year) for year in sorted(years)]
    if peak := PEAK_ASKED.search(question):
        anchors.append((f"the {peak.group(1).casefold()}", PEAK_NAMED, "a high or low"))
    if YEAR_BEFORE_ASKED.search(question):
        anchors.append(("the year before", YEAR_BEFORE_NAMED, "the year before"))
    return anchors


def _measured_from(text: str, mention: re.Match) -> bool:
    """Is this mention what a comparison is measured from ("... lower than it was in 2016")?"""
    return re.search(_MEASURED_FROM + "$", text[:mention.start()], re.I) is not None
