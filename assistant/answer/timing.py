"""What a document could not yet know, and which end of a span a line gives.

A question about what happened in a month after the document was written:
"What was agreed at the partnership meeting in December 2025?" is not answered by September minutes that say the
next meeting "will be held on 10 December 2025": a document can only announce what had not happened when it was
written. A question asking what was done, said or decided then (not what was planned or expected) needs a document
written in or after that month.

"When does it end?" is not answered by "PROJECT START: 7 April 2025": a line that gives only when something starts
says nothing of when it ends (and the other way round); a line with both dates ("7 April 2025 - 6 April 2027")
answers either.

"How many from April to October?" is not answered from a report on April to September, nor "April to June" by
"Results in Q2" where the report's own Q2 is July to September; "what was it the year before?" needs a line that
gives an earlier figure, not this year's alone; "how much was spent in Year 1?" is not answered by a line on what
was spent once "Year 2 of the programme had been completed"; "over the whole 12 months" is not answered by a
count "between July and September".

"When will the cameras be installed?" is not answered by "the bid had been revised in June to add four cameras":
a date still to come is asked for, and a line that only tells what was done dates something else.

"What period does the Police and Crime Plan cover?" is not answered by "... and the Crime Prevention Strategy
2021-2025": a span printed after a name is that thing's. "What dates did the survey run?" is not answered by
"Survey 2026: headline results": a year dates no run of days. "What date were the grants awarded?" is not answered
by May's "awards will be announced by 30 June" when July's minutes record "awarded on 26 June": a plan gives way
to a later document's word on the same thing.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from assistant.answer import asking, baselines
from assistant.answer.asked import MOMENTS
from assistant.answer.facts import opening, same_section
from assistant.answer.wants import HAS_PLACE
from assistant.text.dates import (DATE, MONTH_WORDS, MONTHS, asked_months, date_words, dated_in_words, dated_months,
                                  days_dated, document_month, iso_months_in_words, month_names, month_number,
                                  months_dated, passed_by, year_pairs, years_in)
from assistant.text.terms import content_terms

# What was done, said or decided: "what was agreed", "what did they decide", "who attended", "how many came".
HAPPENED = re.compile(r"\b(?:agreed|decided|approved|discussed|said|reported|concluded|resolved|found|attended|"
                      r"presented|happened|announced|recorded|achieved)\b|\b(?:was|were|did|had)\b.*\b(?:decide|agree|"
                      r"approve|discuss|say|report|conclude|attend|present|happen|announce|record|achieve)\b", re.I)
# "what was planned for December", "what will happen", "when is the next": asking what was expected then.
EXPECTED = re.compile(r"\b(?:will|would|shall|going to|planned|plans?|scheduled|expected|due|next|upcoming|proposed|"
                      r"intended|meant to)\b", re.I)


def after_written(question: str, document_date: str) -> str:
    """Why a document dated `document_date` cannot say what happened in the month the question names (it was
    written before that month); empty when it may."""
    asked = months_dated(question)
    written = document_month(document_date)
    if not asked or written is None or not HAPPENED.search(question) or EXPECTED.search(question):
        return ""
    if min(asked) <= written:
        return ""
    year, month = min(asked)
    return f"the document was written before {MONTHS[month - 1]} {year}, so it cannot say what happened then"


# "from 10pm to 3am", "7 April 2025 - 6 April 2027": both ends of a span.
SPAN = re.compile(r"\bfrom\b.+\b(?:to|until|till)\b|\d\s*[-–—]\s*\d", re.I)


_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+)?"
_ON_DATE = rf"\s+(?:on\s+|in\s+)?{_WEEKDAY}(?=(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:{'|'.join(MONTH_WORDS)})\b)"
# The word before a date that makes it one end of a span: "stay open until Saturday 26 September 2026", "must be
# spent by 31 March 2027" end it; "opened on Friday 5 June 2026", "from 31 July 2026" start it.
DATE_ENDS = (re.compile(rf"\b(?:until|till|up to|through|by|ending|ends?|ended|clos(?:e|es|ed|ing)|finish\w*|"
                        rf"runs? out){_ON_DATE}", re.I),
             re.compile(rf"\b(?:from|since|starting|started|beg[ai]ns?|begun|open(?:s|ed)?|launch\w*|commenc\w*|"
                        rf"effective){_ON_DATE}", re.I))


def other_end(moment: re.Pattern | None, text: str, question: str = "") -> str:
    """Why the line gives the other end of a span than the one asked for (`moment`: `asked.asked_moment`); empty
    when it does not, or when the question asks for both ends ("when does it open and close?"). The word before
    its date says which end it is, whatever else the line says: "will stay open ... until 26 September" gives
    when it closes, though "open" is in it."""
    if moment is None or len(months_dated(text)) >= 2 or SPAN.search(text) or all(m.search(question) for m in MOMENTS):
        return ""
    asked_end = moment is MOMENTS[0]
    other = next(m for m in MOMENTS if m is not moment)
    own_dates = DATE_ENDS[0 if asked_end else 1].search(text)
    other_dates = DATE_ENDS[1 if asked_end else 0].search(text)
    if not own_dates and (other_dates or other.search(text) and not moment.search(text)):
        said, asked = ("starts", "ends") if asked_end else ("ends", "starts")
        return f"the line gives when it {said}, not when it {asked}"
    return ""


def latest_month(index) -> tuple[int, int] | None:
    """The latest (year, month) any document is dated, worked out once per index."""
    key = "timing:latest month"
    if key not in index.derived:
        dated = [month for doc in index.documents.values() if (month := document_month(doc.date or ""))]
        index.derived[key] = max(dated) if dated else None
    return index.derived[key]


def figures_before(question: str, written: str) -> str:
    """"How many fines were issued in October 2026?" is not answered by a document written in July 2026: no
    figure for a month can be given before the month has begun (a target, a plan or a forecast for it is asked
    with words `EXPECTED` reads, and may be)."""
    asked, month = months_dated(question), document_month(written)
    if not asked or month is None or min(asked) <= month or EXPECTED.search(question):
        return ""
    year, first = min(asked)
    return f"the document was written before {MONTHS[first - 1]} {year}, so it gives no figures for it"


def particulars(doc) -> str:
    """What a document says of itself before its body: the lines before its first section (`facts.opening`) and the
    section its own title heads ("Brackwater Vale District Performance Report" over "Quarter 2, 2025/26: 1 April
    to 30 September 2025", "Published: ..."). The period stated there covers every line of the document."""
    titled = [doc.text[section.start:section.end] for section in doc.sections
              if len(section.path) == 1 and section.path[0].strip().casefold() == doc.title.strip().casefold()]
    return " ".join((opening(doc), *titled[:1]))


def other_period(judge, i: int, window: str, label: str) -> str:
    """Why line i (read with `window`, the line before it, and `label`, its headings) gives figures for another
    year, financial year or month than the `judge`'s question asks about; empty when it does not."""
    facts, index = judge.facts, judge.index
    sentence = index.sentences[i]
    doc = index.documents[sentence.document]
    stated_years = years_in(window)
    # "Q2 2025/26" is covered by a document that says it is about 2025/26 ("Quarter 2 2025/26"), wherever its
    # calendar years are printed
    said = {y for pair in judge.year_pairs for y in (pair[:4], f"20{pair[-2:]}")} if judge.year_pairs and \
        judge.year_pairs <= year_pairs(" ".join((label, particulars(doc), doc.title, asking.section_text(doc, sentence.start)))) \
        else set()
    if judge.years - said and not judge.years - said <= facts.years_around(sentence.document, sentence.start):
        return f"no passage gives figures for {', '.join(sorted(judge.years))}"
    if judge.years and stated_years and not judge.years & stated_years and not judge.years <= years_in(label):
        return f"the passages give figures for {', '.join(sorted(stated_years))}, not {', '.join(sorted(judge.years))}"
    # a year the line names only as a baseline ("up by 1% on 2016-17") is not its period, unless the question
    # measures from it too ("how much lower than in 2016?")
    own_years = {year for year in stated_years if not baselines.only_compared(year, window)}
    periods = {year for year in judge.years if not baselines.only_compared(year, judge.question)}
    if periods and not own_years and (reason := period_unstated(periods, label, asking.section_text(
            doc, sentence.start))):
        return reason
    own_months = iso_months_in_words(facts.text(sentence))  # a row's "2026-07" is its own month
    if judge.months and own_months and not judge.months & asking.months_in(own_months):
        return f"the passage gives figures for {own_months}, not {month_names(judge.months)}"
    if judge.months and judge.years and not judge.months <= asking.months_in(
            " ".join((label, window, own_months, asking.section_text(doc, sentence.start), dated_in_words(doc.date),
                      particulars(doc), doc.title))):  # "minutes from 3rd August 2011", published in September
        return f"no passage gives figures for the period asked about ({month_names(judge.months)})"
    if judge.wants.figure and (reason := other_quarter(judge.question, facts.text(sentence)) or
                               earlier_unsaid(judge.question, _with_next(judge, i))):  # this year's for last
        return reason
    if judge.wants.figure and (reason := other_span(judge, i, window, label) or other_moment(
            judge.question, facts.text(sentence), label, window, doc.date, latest_month(index))):
        return reason
    if judge.wants.figure and (reason := figures_before(judge.question, doc.date)):
        return reason
    if judge.wants.figure and (reason := month_alone(judge.question, judge.months, facts.text(sentence), label)):
        return reason
    stated_pairs = year_pairs(window)
    if judge.year_pairs and stated_pairs and not judge.year_pairs & stated_pairs:
        return f"the passages give figures for {', '.join(sorted(stated_pairs))}, not {', '.join(sorted(judge.year_pairs))}"
    return ""


def period_unstated(asked: set[str], label: str, section: str) -> str:
    """Why a line that names no year of its own is not about the `asked` years: its period is the nearest one
    printed over it. Its headings (`label`) may name it ("Residents' Survey 2025" over a table whose row gives no
    year); or its section may name the asked year only as what a figure is compared with ("22,874 crimes, up by 1%
    on 2016-17" in an article on July 2017 to June 2018), so that a line with no year gives the section's own
    period. Empty when neither: the line may be about the asked years."""
    headed = heading_years(label)
    if headed and not asked & headed:
        return f"the passages give figures for {', '.join(sorted(headed))}, not {', '.join(sorted(asked))}"
    compared = sorted(year for year in asked if baselines.only_compared(year, section))
    if compared:
        return f"the passages give {', '.join(compared)} only as what they compare with, not figures for it"
    return ""


def heading_years(label: str) -> set[str]:
    """The years a line's headings give as its period ("Survey 2025", "Quarter 2, 2025/26"); the date of a meeting
    or a publication in a heading ("5 December 2024", "March 2025") dates it, and is no period."""
    return years_in(DATE.sub(" ", label))


def other_date(judge, i: int, text: str) -> str:
    """Why the date line i gives is not the one the `judge`'s question asks for: not after the date it names, about
    a month after the document was written, the other end of a span, already past when a date to come is asked
    for, or in another month's minutes; empty when none of these."""
    doc = judge.index.documents[judge.index.sentences[i].document]
    if judge.wants.date and judge.after and (dated := months_dated(text)) and max(dated) <= judge.after:
        return "the date it gives is not after the one asked about"
    if reason := other_occasion(judge.question, text):  # the December meeting's own line for the March one
        return reason
    if reason := after_written(judge.question, doc.date) or other_end(judge.moment, text, judge.question):
        return reason  # September minutes on December's meeting; "PROJECT START: 7 April 2025" for when it ends
    if reason := done_for_due(judge.question, text, doc.date):  # "had been revised in June" for when it is due
        return reason
    documents_dated = {m for d in judge.index.documents.values() if (m := document_month(d.date or ""))}
    if reason := not_after_month(judge.question, text, doc.date, documents_dated):  # "by 21 July" after July
        return reason
    if reason := next_for_past(judge.question, text, doc.date):  # "the next night of action is 14 December"
        return reason
    if reason := other_things_span(judge, text) or year_for_dates(judge.question, text, judge.heading_answers(i)):
        return reason  # "Crime Prevention Strategy 2021-2025" for the Police and Crime Plan's years
    if reason := superseded(judge, i):  # the May pack's deadline, which the July minutes moved
        return reason
    if judge.wants.upcoming and (passed := passed_by(text, doc.date)):
        return f"the date it gives, {passed}, had already passed when the document was written"
    if judge.months_named and not judge.wants.figure and not dated_months(text) & judge.months_named and \
            (dated := judge.facts.label_months(i)) and not dated & judge.months_named and \
            asked_months(AFTER_WHEN.sub(" ", judge.question)) and not _dated_as_named(doc.date, judge.months_named):
        return f"the passage is about {month_names(dated)}, not {month_names(judge.months_named)}"  # July minutes
    return ""


# "When and where is the March 2027 board meeting?", "what time does the 9 June session start?": an occasion named by
# its month and year, whose day, time or place is asked ("the next one after the 5 December 2024 meeting", "the
# meeting that followed the July 2024 one" count from that meeting, which is not the one asked about).
OCCASION_DATED = re.compile(rf"^\W*(?:when|where|what time|at what time|when and where|where and when)\b[^?]*?"
                            rf"(?<!after )(?<!following )(?<!followed )(?<!since )(?<!before )(?<!preceded )"
                            rf"(?<!until )\bthe\s+"
                            rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:{'|'.join(MONTH_WORDS)})\.?\s+(?:19|20)\d\d\s+"
                            r"(?:[\w'’-]+\s+){0,2}?(?:meeting|board|session|event|panel|committee|forum|one)\b", re.I)


def other_occasion(question: str, text: str) -> str:
    """"When and where is the March 2027 board meeting?" is not answered by "Minutes of the meeting held on Thursday
    10 December 2026 ... in Committee Room 2": the question names the occasion by its month and year, and a line
    dating only other months is about another occasion. Empty when the question names none so, or the line dates
    that month (or nothing)."""
    match = OCCASION_DATED.search(question)
    dated = months_dated(text)
    if match is None or not dated or set(dated) & set(months_dated(match.group())):
        return ""
    return "the passage dates another occasion than the one asked about"


def _dated_as_named(written: str, months: set[str]) -> bool:
    """Is the document dated in a month the question names? Then the month names the document ("the RAG status in
    the September action plan": the September pack's plan, whose rows are dated by their August target dates)."""
    month = document_month(written or "")
    return month is not None and MONTHS[month[1] - 1].casefold()[:3] in months


# "After the March 2025 board, when's the next one?": the month after "after" is where to count from, not what the
# line must be about; the December pack listing the dates after March answers.
AFTER_WHEN = re.compile(rf"\b(?:after|following)\s+(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?"
                        rf"(?:{'|'.join(MONTH_WORDS)})\b(?:\s+(?:19|20)\d\d)?", re.I)


# "When will the cameras be installed?", "when is it due to open?": a date still to come; "what date was the
# meeting originally supposed to happen?", "when was it meant to open?": the date once planned.
DUE_ASKED = re.compile(r"^\s*(?:and\s+)?(?:when|by when|by what date)\s+(?:will|shall|(?:is|are)\s+[^?]*\b(?:due|"
                       r"expected|going|planned|scheduled|set|supposed|meant|intended|likely|coming|happening|returning|"
                       r"arriving|taking place|being\s+\w+)\b)|"
                       r"\b(?:originally|initially|first)\s+(?:due|planned|scheduled|set|meant|supposed|intended|"
                       r"expected)\b|\b(?:was|were)\s+[^?]*\b(?:meant|supposed)\s+to\b", re.I)
# What a line says of something still to come: "will", "due", "expected", "by March 2027", "target date".
DUE_SAID = re.compile(r"\b(?:will|shall|would|due|expected|expects?|planned|plans?|scheduled|intend\w*|aim\w*|target\w*|"
                      r"anticipated|estimated|forecast|proposed|programmed|booked|arranged|slated|pencilled|going to|to be|should|"
                      r"next|upcoming|forthcoming|"
                      r"deadline|revised to|(?:delayed|postponed|deferred|moved) (?:to|until)|by the end of|by (?:early|"
                      r"mid|late)\b)|\bby\s+(?:\d|" + "|".join(MONTH_WORDS) + r")|\b(?:from|until|till)\s+(?:\d|"
                      + "|".join(MONTH_WORDS) + r")", re.I)


def done_for_due(question: str, text: str, written: str) -> str:
    """"When will the four new cameras be installed?" is not answered by "The bid had been revised in June ... to
    add four cameras": a date still to come is asked for, and a line that only tells what was done then (no
    word of what is to come, no date after the document was `written`) dates something else."""
    month = document_month(written)
    asked = DUE_ASKED.search(question) or MOMENT_ASKED.search(question) and not any(m.search(text) for m in MOMENTS)
    if not asked or DUE_SAID.search(text) or month is not None and any(dated > month for dated in months_dated(text)):
        return ""
    return "the passage dates something already done, not when it is due"


# "On what date does the funded project finish?", "when do the patrols start?": when something starts or ends,
# which a line that speaks of neither, and only of what was done ("funding agreements were received in December
# 2023"), does not give.
MOMENT_ASKED = re.compile(r"\b(?:when|what date|which date|what day)\s+(?:does|do)\s+[^?]*\b(?:finish|end|close|conclude|"
                          r"expire|start|begin|open|commence)\b", re.I)


# "the next board meeting after July": a month named with no year, after which a date is asked for.
AFTER_MONTH = re.compile(rf"\b(?:after|following)\s+(?:the\s+)?({'|'.join(MONTH_WORDS)})\b(?!\s+\d)", re.I)
NEXT_ASKED = re.compile(r"\bnext\b", re.I)


def not_after_month(question: str, text: str, written: str,
                    documents_dated: Collection[tuple[int, int]] = ()) -> str:
    """"When was the next board meeting after July?" is not answered by "contact Democratic Services by 21 July
    2026" (a date in July itself), nor by the October minutes' "next meeting: 21 January 2027": a document
    written after July gives the next date after its own time, with its own meeting between. "The December one"
    names no year: it is a December some document is dated in (`documents_dated`, the (year, month) of each), so a
    date no later than the first such December ("Thursday 17 September 2026" beside December 2026's minutes) is
    before it. Empty when the line may answer, or the question names no month to be after."""
    match = AFTER_MONTH.search(question)
    dated = months_dated(text)
    if match is None or not dated:
        return ""
    month = month_number(match.group(1))
    if all(m == month for _, m in dated):
        return "the date it gives is not after the one asked about"
    named = [dated_in for dated_in in documents_dated if dated_in[1] == month]
    if named and max(dated) <= min(named):
        return "the date it gives is not after the one asked about"
    written_in = document_month(written)
    if NEXT_ASKED.search(question) and written_in is not None and written_in > (written_in[0], month) and \
            min(dated) > written_in:
        return f"the document was written after {MONTHS[month - 1]}, so the next date it gives comes after a later one"
    return ""


# "When was the night of action?", "when did it open?": a past occasion, not one still to come.
PAST_ASKED = re.compile(r"^\s*(?:and\s+)?(?:when|on what date|what date|which date)\s+(?:was|were|did)\b", re.I)
# "The next Operation Dial night of action in the city centre is 14 December 2024": one still to come.
NEXT_SAID = re.compile(r"\b(?:next|upcoming|forthcoming)\b", re.I)


def next_for_past(question: str, text: str, written: str) -> str:
    """"When was the night of action in Melbourne?" is not answered by "The next night of action in the city
    centre is 14 December 2024" in a document written before that: a past occasion is asked about, and the line
    names the next one, still to come. Empty when the question asks what was expected ("when was the next
    meeting?", "supposed to be") or the line's date had come when it was written."""
    written_on, dated = days_dated(written or ""), days_dated(text)
    if not PAST_ASKED.search(question) or EXPECTED.search(question) or not NEXT_SAID.search(text) or \
            not written_on or not dated or min(dated) <= min(written_on):
        return ""
    return "the passage names the next one, still to come when it was written, not the one asked about"


# "What was it the year before?", "in the previous year": the figure for the period before the one a document
# reports, which a line giving only the current figure does not hold.
EARLIER_ASKED = re.compile(r"\b(?:the|a)\s+(?:year|twelve months|12 months|period|quarter)\s+"
                           r"(?:before|earlier|prior)\b|"
                           r"\b(?:previous|prior|preceding)\s+(?:year|twelve months|12 months|period|quarter)\b", re.I)
# A line that sets a figure against an earlier one: "(42% for previous year)", "up from 19", "compared with 22 in
# the same period of 2024", "530 the year before".
EARLIER_SAID = re.compile(r"\b(?:last|previous|prior|preceding|same)\s+(?:year|period|quarter|months?|time)\b|"
                          r"\b(?:year|period|quarter)\s+(?:before|earlier)\b|\b(?:from|compared (?:with|to)|against|"
                          r"than|versus|vs)\b[^.;]{0,40}?\d", re.I)


def earlier_unsaid(question: str, line: str) -> str:
    """Why a line gives no figure for the earlier period the question asks about ("how
    many attended the year before?" and "1,200 school children attended"); empty when it may."""
    if not EARLIER_ASKED.search(question) or EARLIER_SAID.search(line) or len(years_in(line)) >= 2:
        return ""
    return "no passage gives the figure for the earlier period asked about"


def _with_next(judge, i: int) -> str:
    """Line i and the line after it in the same section, which often gives the earlier figure ("That was a decrease
    of 12% compared to the previous year, when there were 20,508")."""
    index, facts = judge.index, judge.facts
    following = i + 1 < len(index.sentences) and same_section(index, i + 1, index.sentences[i])
    return f"{facts.text(index.sentences[i])} {facts.text(index.sentences[i + 1]) if following else ''}"


_MONTH = "(" + "|".join(MONTH_WORDS) + r")\b\.?"
_DAY = r"(?:\d{1,2}(?:st|nd|rd|th)?\s+)?"
# "April to October 2025", "1 April – 31 October", "Apr-Sep 2025", "between April and August": a run of months.
MONTH_SPAN = re.compile(rf"\b{_DAY}{_MONTH}(?:\s+\d{{4}})?\s*(?:-|–|—|to|until|till|through)\s*{_DAY}{_MONTH}|"
                        rf"\bbetween\s+{_DAY}{_MONTH}(?:\s+\d{{4}})?\s+and\s+{_DAY}{_MONTH}", re.I)
# "Q2 (Jul-Sep 2025)", "Quarter 2 2025/26 (1 July to 30 September 2025)": a quarter as the document counts it.
QUARTER_DEFINED = re.compile(r"\b(?:Q|Quarter\s*)([1-4])\b[^()\n]{0,12}\(([^()\n]{5,60})\)", re.I)


def month_spans(text: str) -> set[tuple[int, int]]:
    """The runs of months a text names, as (first month, last month) numbers: "April to October" is (4, 10)."""
    spans = set()
    for match in MONTH_SPAN.finditer(text):
        first, last = (g for g in match.groups() if g)
        spans.add((month_number(first), month_number(last)))
    return spans


def defined_quarters(facts, doc) -> dict[int, set[tuple[int, int]]]:
    """The months each quarter covers where the document says so ("Q2 (Jul-Sep 2025)"), read once per document."""
    key = f"quarters:{doc.id}"
    if key not in facts.term_sets:
        facts.term_sets[key] = frozenset((int(match.group(1)), *span)
                                         for match in QUARTER_DEFINED.finditer(f"{doc.title}\n{doc.text}")
                                         for span in month_spans(match.group(2)))
    found: dict[int, set[tuple[int, int]]] = {}
    for quarter, first, last in facts.term_sets[key]:
        found.setdefault(quarter, set()).add((first, last))
    return found


def other_span(judge, i: int, window: str, label: str) -> str:
    """Why line i gives figures for another run of months than the question's ("April to October" answered from a
    report on April to September, or "April to June" from "Results in Q2" where the document's Q2 is July to
    September); empty when it may. The run the line is read under is the nearest printed: the line and its
    headings (a quarter it names, as its document defines it), else its section, else the document's own
    particulars."""
    asked = month_spans(judge.question)
    if not asked:  # a row's own "Jul-Sep 2026" outweighs the "12 months to September" of the heading it sits under
        return shorter_run(judge.question, window if month_spans(window) else f"{label} {window}")
    doc = judge.index.documents[judge.index.sentences[i].document]
    near = month_spans(f"{label} {window}")
    if stated := {int(q) for q in QUARTER.findall(f"{label} {window}")}:
        quarters = defined_quarters(judge.facts, doc)
        near |= {span for q in stated for span in quarters.get(q, ())}
    for printed in (near, month_spans(asking.section_text(doc, judge.index.sentences[i].start)),
                    month_spans(f"{particulars(doc)} {doc.title}")):
        if printed:
            if printed & asked:
                return ""
            first, last = min(printed)
            return f"the passages give figures for {MONTHS[first - 1]} to {MONTHS[last - 1]}, not the months " \
                   "asked about"
    return ""


QUARTER = re.compile(r"\b(?:quarter|q)\s?([1-4])\b", re.I)

# "spent by 30 September 2026", "left at end of sept", "by the end of August": a figure as it stood at a moment.
AS_OF_ASKED = re.compile(rf"\b(?:by|as (?:of|at)|up to|(?:at|by|to) (?:the )?end of|to(?=\s+\d))\s+{_DAY}{_MONTH}",
                         re.I)
# "Spent to 30 June 2026", "spend of £75,520 to 30 September 2026", "paid by 5 October", "at the end of June": the
# moment a running total is given at (a day or a month's end, never the "12 months to September" of a rolling year).
AS_OF_SAID = re.compile(rf"\b(?:to|by|as (?:of|at)|up to|until|at)\s+(?:(?:the\s+)?end\s+of\s+|"
                        rf"\d{{1,2}}(?:st|nd|rd|th)?\s+){_MONTH}(?:\s+(\d{{4}}))?", re.I)


# "must be spent by 31 March 2027": a deadline, not the moment a figure stood at.
DEADLINE = re.compile(r"\b(?:must|should|will|to|has to|have to|needs? to)\s+be\s+\w+\s*$", re.I)


def as_of(text: str, pattern: re.Pattern) -> set[int]:
    """The months a text gives a running total at ("to 30 June 2026" is 6); a deadline ("must be spent by 31
    March") is none."""
    return {month_number(match.group(1)) for match in pattern.finditer(text)
            if not DEADLINE.search(text[:match.start()])}


def total_before(question: str, asked: set[int], written: str, latest: tuple[int, int] | None) -> str:
    """"How much is left at the end of September?" is not answered by a document written in July: it cannot know
    a total at a moment to come. A month asked with no year is the last such month up to the `latest` any
    document is dated (the September the documents may have reached)."""
    month = document_month(written)
    if month is None or EXPECTED.search(question) or latest is None:
        return ""
    years = {int(y) for y in years_in(question)}
    at = min((year, m) for m in asked for year in (years or {latest[0] if m <= latest[1] else latest[0] - 1}))
    return f"the document was written before the end of {MONTHS[at[1] - 1]} {at[0]}, so it gives no total at " \
           "that moment" if at > month else ""


def other_moment(question: str, text: str, label: str, window: str, written: str,
                 latest: tuple[int, int] | None = None) -> str:
    """"How much had been spent by the end of August?" is not answered by "Spent to 30 June 2026: £0", nor "how
    much is left at the end of September?" by July's report of what was left at 30 June: a running total is
    given as it stood at one moment, and the line's (with its headings; else the line before it in `window`, when
    it names no month of its own: "The main items of spend were ...") must be the one asked about."""
    asked = as_of(question, AS_OF_ASKED)
    if not asked or month_spans(question):
        return ""
    if reason := total_before(question, asked, written, latest):
        return reason
    said = as_of(f"{label} {text}", AS_OF_SAID) or (set() if dated_months(text) else as_of(window, AS_OF_SAID))
    if not said or said & asked:
        return ""
    return f"the passage gives the figure as it stood at the end of {month_names(_short(said))}, not " \
           f"{month_names(_short(asked))}"


def _short(months: set[int]) -> set[str]:
    return {MONTHS[m - 1][:3].casefold() for m in months}


# "so far", "to date", "since it opened", "year to date": a running total, which a longer run may give; "the 12
# months to June", "the quarter ending June": a run of months named by its last.
RUNNING = re.compile(rf"\b(?:so far|to date|since|year to date|in total|altogether|cumulative\w*)\b|"
                     rf"\b(?:to|ending|ended|until|till|through)\s+(?:the\s+end\s+of\s+)?{_DAY}{_MONTH}", re.I)


def month_alone(question: str, months: set[str], text: str, label: str = "") -> str:
    """"How many people did the Safe Haven help in September 2026?" is not answered by "387 people between 5 June
    and 26 September 2026", nor "how many fines in October?" by "between July and September": a figure for a run
    of months is not one for a month in it (nor for a month outside it). Empty when the line gives no run of
    months, or one that is the months asked about. The line's own months outweigh its headings' ("9 burglaries in
    September and October" under "1 April to 30 September"): only a line that names none is read under them."""
    if not months or month_spans(question) or as_of(question, AS_OF_ASKED) or RUNNING.search(question) or \
            YEAR_LONG.search(question) or QUARTER.search(question):
        return ""
    if not month_spans(text) and asking.months_in(text):
        return ""
    spans = sorted(month_spans(text) or month_spans(f"{label} {text}"))
    asked = {month_number(m) for m in months}
    runs = [{(first - 1 + k) % 12 + 1 for k in range((last - first) % 12 + 1)} for first, last in spans]
    if not runs or asked in runs:
        return ""
    (first, last), run = spans[0], runs[0]
    return f"the passage gives a figure for {MONTHS[first - 1]} to {MONTHS[last - 1]}, not " \
           f"{month_names(months)}{' alone' if asked <= run else ''}"

# "in the 12 months to September", "the year to March", "over the whole year", "annual": a run of twelve months
# ("year-on-year" compares, at any length).
YEAR_LONG = re.compile(r"\b(?:12|twelve)[- ]months?\b|\b(?:year|12 months) (?:to|ending|ended)\b|\b(?:whole|full|entire|"
                       r"calendar|financial) year\b|\brolling year\b|\bannual\b", re.I)


def shorter_run(question: str, near: str) -> str:
    """"How many ASB incidents in Sallowfield over the whole 12 months to September?" is not answered by "275
    incidents in Sallowfield between July and September": a line (with its headings: `near`) that gives its
    figure for a run of months or a quarter, and never for a year, gives a shorter period's figure."""
    if not YEAR_LONG.search(question) or YEAR_LONG.search(near):
        return ""
    runs = [(last - first) % 12 + 1 for first, last in month_spans(near)]
    if any(run < 12 for run in runs) and not any(run == 12 for run in runs) or not runs and QUARTER.search(near):
        return "the passage gives figures for a shorter period than the twelve months asked about"
    return ""


def quarters_of(question: str) -> set[int]:
    """The quarters a question asks about: those it names ("in Q2"), or those its months fall in, counted from
    January or from April (a financial year), since documents count either way."""
    named = {int(q) for q in QUARTER.findall(question)}
    if named:
        return named
    months = {month_number(m) for m in asked_months(question)}
    return {(m - 1) // 3 + 1 for m in months} | {(m - 4) % 12 // 3 + 1 for m in months} if months else set()


def other_quarter(question: str, text: str) -> str:
    """"How many were recorded from July to September?" is not answered by "203 in Quarter 1": July to September is
    the third quarter of a calendar year or the second of a financial one, never the first. Empty when the line
    names no quarter, or one the question may mean."""
    stated = {int(q) for q in QUARTER.findall(text)}
    asked = quarters_of(question)
    if not stated or not asked or stated & asked:
        return ""
    return f"the passage gives figures for quarter {', '.join(str(q) for q in sorted(stated))}, not the period asked about"


# A numbered stage of a programme or a process: "Year 2 of the programme", "Phase 1", "STAGE 2", "round three".
STAGE = re.compile(r"\b(year|phase|stage|round|tranche|wave)\s+(\d{1,2}|one|two|three|four|five)\b(?![/.]?\d)", re.I)
_STAGE_NUMBERS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5"}


def other_stage(question: str, near: str) -> str:
    """Why a line about one numbered stage is no answer for another (a line on what was spent once "Year 2 of the
    programme had been completed", for "how much was spent in Year 1?"); empty when `near` (the line, the line
    before it and its headings) names the stage asked about, or names none."""
    asked, stated = _stages(question), _stages(near)
    if not asked or not stated or asked & stated or not {kind for kind, _ in asked} & {kind for kind, _ in stated}:
        return ""
    return f"the passage is about {_said(stated)}, not {_said(asked)}"


def _stages(text: str) -> set[tuple[str, str]]:
    return {(kind.casefold(), _STAGE_NUMBERS.get(number.casefold(), number)) for kind, number in STAGE.findall(text)}


def _said(stages: set[tuple[str, str]]) -> str:
    return " and ".join(sorted(f"{kind.capitalize()} {number}" for kind, number in stages))


# "What period does the Police and Crime Plan cover?", "the local plan runs over what years?", "how long does the
# strategy run?": the span of years a named thing covers.
THING_SPAN_ASKED = re.compile(r"\b(?:what|which)\s+(?:time\s*)?(?:period|timeframe|time frame|years|dates)\b[^?]*"
                              r"\b(?:cover|covers|covered|run|runs|span|spans|last|lasts)\b|"
                              r"\b(?:runs?|running|lasts?|covers?|spans?)\s+(?:over\s+|from\s+)?(?:what|which)\s+"
                              r"(?:years|period|dates)\b|\bhow long\b[^?]*\b(?:run|runs|last|lasts|cover|covers)\b", re.I)
# "2021-2025", "2013 - 2036", "2024 to 2028", "2023/24": a span of years.
YEARS_SPAN = re.compile(r"(?<![\d£$.,])(?:19|20)\d\d(?:\s*[-–—/]\s*(?:(?:19|20)?\d\d)|"
                        r"\s+(?:to|until)\s+(?:19|20)\d\d)(?![\d%])", re.I)
# The name a span is printed after, its words capitalised (joined by "and", "of", "for" or "&"), by spaces or by the
# hyphens of a file name: "Essex Crime Prevention Strategy 2021-2025", "Police-and-Crime-Plan-2024-2028.pdf".
NAMED_BEFORE = re.compile(r"(?:[A-Z][\w'’]*[ _-]+(?:(?:and|of|for|&)[ _-]+)?)+$")
OTHER_THING = 0.5  # of the topic's weight a span's name must hold to be the name of the thing asked about


def other_things_span(judge, text: str) -> str:
    """"What period does the new Police and Crime Plan cover?" is not answered by "... the Police and Crime Plan,
    ... and the Essex Crime Prevention Strategy 2021-2025": a span printed after a name is that thing's own span,
    and when every span a line gives follows the name of another thing, the line gives no years for the thing
    asked about. Empty when a span stands alone ("from 2013 to 2036"), or follows the thing's own name."""
    if not THING_SPAN_ASKED.search(judge.question) or not judge.topic_weights:
        return ""
    names = [_span_name(text[:match.start()]) for match in YEARS_SPAN.finditer(text)]
    if not names or not all(names):
        return ""
    held = [sum(w for t, w in judge.topic_weights.items() if t in judge.expand(frozenset(content_terms(name))))
            for name in names]
    if max(held) >= OTHER_THING:
        return ""
    return f"the years it gives are those of the {names[0]}, not of what was asked about"


def _span_name(before: str) -> str:
    """The name printed right before a span (`NAMED_BEFORE`), in plain words; empty when there is none, or it is
    a date's month ("1 December 2025 to 30 November 2028" names no thing)."""
    match = NAMED_BEFORE.search(before)
    name = re.sub(r"[\s_-]+", " ", match.group()).strip() if match else ""
    return "" if any(word.casefold().rstrip(".") in MONTH_WORDS for word in name.split()) else name


# "What dates did the survey run?", "between which dates?": days or months, which a year alone does not give.
DATES_ASKED = re.compile(r"\b(?:what|which)\s+dates\b", re.I)


def year_for_dates(question: str, text: str, heading: str = "") -> str:
    """"What dates did the residents' survey fieldwork run?" is not answered by the agenda's "Residents' Safety
    Survey 2026: headline results", nor by "1,486 residents replied" under it: the dates of a run are days or
    months, and a line that names no month dates nothing (the date over an agenda's items is the meeting's, not
    theirs), unless the `heading` that answers for it does ("Workshops, 6th and 13th Nov" over its bullets)."""
    if not DATES_ASKED.search(question) or dated_months(text) or dated_months(heading):
        return ""
    return "the passage gives a year, not the dates asked for" if years_in(text) else \
        "no passage gives the dates asked for"


# "What's the new deadline?", "when is it due now?", "what's the latest date for ...?": a date that may have moved.
DEADLINE_ASKED = re.compile(r"\b(?:deadline|(?:target|due|completion|end|new|latest|revised|final) date|due)\b", re.I)
# "What was the original deadline?", "when was it first due?": the earlier word, which a later one does not replace.
ORIGINAL_ASKED = re.compile(r"\b(?:original|originally|initial|initially|first|old|previous|previously|earlier|before "
                            r"(?:it|the) (?:was|were) (?:moved|changed|delayed))\b", re.I)
# "What's the new deadline?", "when is it now due?", "the latest date": a date that may have been moved since ("the
# current order", "when is it now?" ask of the thing in force, not of a moved date).
NEWEST_ASKED = re.compile(r"\b(?:new|latest|revised|updated)\s+(?:deadline|date|target|timetable|timescale|schedule)\b|"
                          r"\b(?:now|still)\s+(?:due|expected|planned|scheduled|set|going)\b|"
                          r"\b(?:due|expected|planned|scheduled|happening)\s+now\b", re.I)
# A later line that moves a date: "the target date has been moved to 30 September", "will now start on 5 October
# rather than in September", "postponed until", "put back to".
MOVED_SAID = re.compile(r"\b(?:moved|now|rather than|instead of|delayed|postponed|put back|pushed back|brought forward|"
                        r"revised|rescheduled|deferred|slipped|re-?set|new (?:date|deadline|target))\b", re.I)


def superseded(judge, i: int) -> str:
    """"What date were the grants awarded?" is not answered by the May pack's "awards will be announced by 30 June
    2026", nor "what's the new deadline?" by its "by 31 July 2026", when the July minutes, written later, speak of
    the same thing with a date of their own ("were awarded on 26 June 2026", "the target date has been moved to 30
    September 2026"): a plan is the word of its day, and the newest document's word on the thing replaces it.
    Line i gives way when it only plans (every date it gives was still to come when it was written) or the
    question asks for the new date, to a later line in the same part: one that records (its dates had come when
    it was written) for when something happened; one that moves the date to one still to come for a date to come
    ("As at 7 November, 12 of the 40 cameras had been installed" is progress, and a later plan for another step
    moves nothing). Empty when the question names its source, asks for the first date or the next of a series
    (which the series' own order answers), or no later document speaks of the thing so."""
    question, index = judge.question, judge.index
    if not (judge.wants.date or DEADLINE_ASKED.search(question)) or judge.source_dates or \
            ORIGINAL_ASKED.search(question) or NEXT_SAID.search(question) or not judge.topic_weights:
        return ""
    text, doc = judge.facts.text(index.sentences[i]), index.documents[index.sentences[i].document]
    if not (NEWEST_ASKED.search(question) or _plans_only(text, doc.date)):
        return ""
    own, past, written = _dates(text), PAST_ASKED.search(question) and not EXPECTED.search(question), _written(doc.date)
    later = [j for j in _dated_lines(judge) if _written((newer := index.documents[index.sentences[j].document]).date)
             > written and _dates(line := judge.facts.text(index.sentences[j])) - own and
             _replaces(line, newer.date, bool(past))]
    if not later:
        return ""
    newer = index.documents[index.sentences[later[0]].document]
    return f"a later document ({newer.title}, {date_words(newer.date)}) gives a newer word on it"


def _replaces(line: str, written: str, past: bool) -> bool:
    """Does a later line (its document `written` then) replace an earlier plan: by recording when it happened, for a
    `past` occasion, else by moving the date to one still to come ("the target date has been moved to ...")?"""
    to_come = _beyond(line, written, max)
    return not to_come if past else to_come and bool(MOVED_SAID.search(line))


def _written(date: str) -> tuple[int, int, int]:
    """When a document was written, as (year, month, day), its day 0 when only its month is known."""
    days = days_dated(date or "")
    return min(days) if days else (*(document_month(date or "") or (0, 0)), 0)


def _dates(text: str) -> set[tuple[int, ...]]:
    """The days a text gives, else the months it dates by: what two lines are compared by."""
    return set(days_dated(text)) or set(months_dated(text))


def _beyond(text: str, written: str, pick) -> bool:
    """Is the text's first (`pick` min) or last (max) date still to come when its document was `written`? Days are
    compared when both give them, else months."""
    written_on, days = days_dated(written or ""), days_dated(text)
    if written_on and days:
        return pick(days) > min(written_on)
    month, dated = document_month(written or ""), months_dated(text)
    return month is not None and bool(dated) and pick(dated) > month


def _plans_only(text: str, written: str) -> bool:
    """Does the line give dates, every one still to come when its document was `written`, with words of what is to
    come ("will be announced by 30 June 2026")?"""
    return _beyond(text, written, min) and bool(DUE_SAID.search(text))


def _dated_lines(judge) -> list[int]:
    """The lines that give a date and, with their headings, hold most of the `judge`'s topic (initials spelled
    out), newest document first: worked out once per question. A line that names nothing of its own ("The target
    date has been moved to 30 September 2026") is read with the line before it in its section."""
    index, facts = judge.index, judge.facts
    known = index.derived.setdefault("timing:dated lines", {})
    key = (judge.question, tuple(sorted(judge.topic_weights)))  # a follow-up's topic is its own
    if key not in known:
        if len(known) >= REMEMBERED:
            known.clear()
        weights = dict(judge.topic_weights)
        for short, words in judge.initials.items():  # "CSF" in the question, "Community Safety Fund" in the lines
            if short in weights:
                weights.update({w: weights[short] / len(words) for w in words if w not in weights})
        near = facts.covering(weights, MIN_SHARE)
        near |= {j + 1 for j in near if j + 1 < len(index.sentences)}  # "The target date has been moved to ..."
        found = []
        for j in sorted(near):
            sentence = index.sentences[j]
            if not months_dated(facts.text(sentence)):
                continue
            terms = facts.sentence_terms(j) | facts.label_terms(j)
            if same_section(index, j - 1, sentence) and not HAS_PLACE.search(facts.text(sentence)):
                terms |= facts.sentence_terms(j - 1)  # a line naming nothing of its own is about the one before
            if sum(w for t, w in judge.topic_weights.items() if t in judge.expand(terms)) >= MIN_SHARE:
                found.append(j)
        known[key] = sorted(found, key=lambda j: _written(index.documents[index.sentences[j].document].date),
                            reverse=True)
    return known[key]


MIN_SHARE = 0.55  # of the topic's weight a line about the thing holds (as `judge.MIN_TOPIC_COVERAGE`)
REMEMBERED = 256  # questions whose dated lines are kept, so a long-running app does not grow without end
