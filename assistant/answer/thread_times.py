"""The same topic at another moment: a follow-up that keeps what the last passage answer was about and asks for it
as of another date, or as of the newest word on it.

"When were the faulty cameras first expected to be replaced?" then "and what's the latest date given?" is the line
of the newest document on the same cameras that dates their replacement ("now due to go live on 1 June 2026");
"How many of the 20 officers had started by December?" then "And by mid-February?" is the line on those officers
that prints February ("By 16 February 2026, 14 of the 20 ..."), else the one in a document of that month; "how much
did they ask for?" then "and how much did they actually get?" is the newest line on that bid that gives a sum the
quote did not; "how many arrests by the October board?" then "and by the time it closed?" is the newest count;
"what was the status of the leaflets action in July?" then "has it been done since?" (or "when is it due now?") is
the newest line on that action. A month named without a year ("how much had been spent by 30 June?" then "and by
the end of September?", "and july to september?") is the line printing it, or going on from the line before it
that does ("The main items of spend were ..." after "spend of £75,520 to 30 September"), a later report's first;
"the year to September" is a rolling period a performance table prints, no moment to move to. A turn naming a part
of the topic with "now" ("and what's happening with the e-scooter part now?") is the newest line on that part.

A line is on the same topic when it holds at least half of what the earlier question and its quote share (or, when
they share little, of the earlier question's own words), in its own words or its headings; it must give the kind of
fact asked for and say something the quote did not (a figure or a date the quote does not print); a line on a part
the turn names holds the part's words and something of the topic. Documents other
than the quote's count: a later report is where a later moment is told. Nothing is found when the turn names no
other moment or no line fits; the turn is then searched for as usual.

"When is she next reporting to the committee?" after "who is the district commander?" is the line, in any document,
that holds the turn's own words, names her (or her role, as "invites the District Commander to report again in
September 2026" does) and dates a month after its own document's.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.answer.facts import IndexFacts
from assistant.answer.thread_people import names
from assistant.answer.turns import FRAMING, FUNCTION_WORDS, OPENER, PERSONAL, dates_in, unframed
from assistant.answer.wants import ROLE, Wants, wants
from assistant.text.dates import DATE, FULL_MONTHS, document_month, month_number, months_dated
from assistant.text.terms import content_terms

if TYPE_CHECKING:
    from assistant.answer.thread import Thread

# "the latest date given", "what are the final ones?", "how much did it actually get?", "by the time it closed":
# the newest word on the topic, wherever it is.
# "when is it due now?", "has it been done since?" (as "since when?" or "since April" are not): the newest word too.
NEWEST = re.compile(r"\b(?:latest|newest|most recent|final|finally|actually|in the end|eventually|by the time|now)\b|"
                    r"\bsince(?: then)?\s*\??\s*$", re.I)
# Words that only say which moment the turn asks about, or how: no topic to find.
MOMENT_WORDS = content_terms("first originally initially latest newest recent final finally actually eventually end "
                             "ended close closed finish finished over time by given date dates expected figure "
                             "figures mid middle early late beginning now since then due done total tally count "
                             "number")
# A month named without a year ("by the end of September", "july to september", "by 30 sept"): the month of the
# year the thread is in, told by the lines that print it. "May" counts only capitalised or after a day ("it may").
BARE_MONTH = re.compile(rf"(?:\b\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:(?i:\b(?:{FULL_MONTHS}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|"
                        rf"Sept?|Oct|Nov|Dec)\b\.?)|\bMay\b|(?<=\d )(?i:may)\b)")
FIGURE = re.compile(r"£?\d[\d,.]*%?")
SHARED_ENOUGH = 3  # terms: fewer shared by the question and its quote say too little of the topic to look for


def at_another_time(facts: IndexFacts, earlier: Thread, question: str) -> tuple[int, ...]:
    """The one line, in any document, on the topic of the last answer as of the moment the turn names (a month it
    prints, with or without a year) or as of the newest word on it; empty when the turn names no other moment, or
    adds a topic of its own without asking for the newest word on it."""
    if not earlier.sentences:
        return ()
    months = [month for month, _ in dates_in(question)]
    asked_before = {month for month, _ in dates_in(earlier.question)}
    # "and by the end of September?"; not "and in the year to September?", a rolling period the tables print
    rolling = ROLLING.search(question) or ROLLING.search(earlier.question)
    bare = set() if rolling else _bare_months(DATE.sub(" ", question)) - _bare_months(earlier.question)
    newest = bool(NEWEST.search(question))
    added = _added(earlier, question)
    if not (months and set(months) - asked_before or bare or newest) or added and not newest:
        return ()
    topic = _topic(facts, earlier)
    if not topic:
        return ()
    # "and what's happening with the e-scooter part now?": the newest line on that part of the topic, which names
    # the part and something of the topic ("... the e-scooter prohibition is now due to go to Cabinet")
    needed, enough = (added, len(added) + 1) if added else (set(), len(topic) / 2)
    index = facts.index
    quoted_text = " ".join(facts.text(index.sentences[i]) for i in earlier.sentences)
    said = _told(quoted_text)
    since = max(index.documents[index.sentences[i].document].date[:10] for i in earlier.sentences)
    asked = _asked(earlier.question, question)
    found = []
    # a line may name the topic only in the line it goes on from ("The council is also consulting on a PSPO for the
    # Riverside Walk." then "The consultation closed ... with 612 responses"): that line's words count for it
    for j in sorted(facts.covering(dict.fromkeys(needed | topic, 1.0), 1.0) - set(earlier.sentences)):
        sentence = index.sentences[j]
        own_terms = facts.sentence_terms(j) | facts.label_terms(j)
        held = topic & (own_terms | content_terms(_went_before(facts, j)))
        text = facts.text(sentence)
        if not needed <= own_terms or len(held | (needed & own_terms)) < enough:
            continue
        if not _told(text) - said or not asked.fits(text, question) or not _same_measure(quoted_text, text):
            continue  # nothing the quote did not say, not the kind of fact asked for, or a figure of another kind
        dated = index.documents[sentence.document].date[:10]
        if bare and not months:  # the line, or the one it goes on from, prints the month; a later report first
            printed = len(bare & _bare_months(text)) or len(bare & _bare_months(_line_before(facts, j)))
            if printed:
                found.append((printed, dated >= since, len(held), bool(bare & _bare_months(text)), dated, -j))
        elif months:
            printed = {m for m in _months(text)} & set(months)
            of_month = any(dated.startswith(f"{y:04d}-{m:02d}") for y, m in months)
            found.append((bool(printed), of_month, len(held), dated, -j))
        elif dated >= since:
            found.append((dated, len(held), -j))
    return (-max(found)[-1],) if found else ()


# "the year to September", "12 months ending June": a rolling period, which a performance table prints, not a moment.
ROLLING = re.compile(r"\b(?:years?|months?)\s+(?:to|ending|ended|up to)\b", re.I)


def _bare_months(text: str) -> set[int]:
    """The months a text names, with or without a year, by number ("july to september" -> {7, 9})."""
    return {month_number(re.findall(r"[A-Za-z]+", m.group())[-1]) for m in BARE_MONTH.finditer(text)}


def _undated(text: str) -> str:
    """The text less the dates and months it names, with or without a year."""
    return BARE_MONTH.sub(" ", DATE.sub(" ", text))


def _line_before(facts: IndexFacts, j: int) -> str:
    """The line before line j under the same heading ("The Board noted spend of £75,520 to 30 September 2026"
    before "The main items of spend were ..."), which says the moment a line going on from it is of; else ""."""
    index = facts.index
    if j == 0 or index.sentences[j - 1].document != index.sentences[j].document or facts.label(j - 1) != facts.label(j):
        return ""
    return facts.text(index.sentences[j - 1])


FRAGMENT = 3  # words: a shorter line is the tail of a sentence a hard line break cut ("Bridge."), no thought of its own


def _went_before(facts: IndexFacts, j: int) -> str:
    """The line before line j under the same heading, reaching past the tail of a sentence a hard line break cut
    ("... for the Riverside Walk and Weir Gardens in Pelsham" then "Bridge."): what a line going on from it is
    about."""
    before = _line_before(facts, j)
    if before and len(before.split()) < FRAGMENT and j > 1:
        return f"{_line_before(facts, j - 1)} {before}"
    return before


def _added(earlier: Thread, question: str) -> set[str]:
    """The topic the turn names of its own ("and the CCTV?"), beyond the moment and words pointing back."""
    own = content_terms(_undated(unframed(OPENER.sub("", question))))
    return own - content_terms(earlier.question) - MOMENT_WORDS - FRAMING - FUNCTION_WORDS - POINTING


# Words that point back, or ask after a thing's state or a piece of it ("what's happening with the ... part?").
POINTING = content_terms("what which who how much many those these they it its them that this one ones get got "
                         "did do does have has had were was is are happen happening going part bit side")


def _topic(facts: IndexFacts, earlier: Thread) -> set[str]:
    """What the last answer was about: the terms its question and its quote share, or, when they share fewer than
    `SHARED_ENOUGH`, the question's own; never its dates, nor the words that only say which moment it asked."""
    question = content_terms(_undated(earlier.question)) - MOMENT_WORDS - FRAMING - FUNCTION_WORDS - POINTING
    question = {t for t in question if not re.fullmatch(r"(?:19|20)\d\d", t)}
    quoted = set().union(*(facts.sentence_terms(i) for i in earlier.sentences))
    shared = question & quoted
    return shared if len(shared) >= SHARED_ENOUGH else question


def _asked(earlier_question: str, question: str) -> Wants:
    """The kind of fact the turn asks for, or, when it asks none by itself ("and by mid-February?"), the earlier
    question's."""
    own = wants(question)
    if own.figure or own.date or own.time or own.person or own.place or own.rate or own.money:
        return own
    return wants(earlier_question)


MONEY = re.compile(r"[£$€]\s?\d")
PERCENT = re.compile(r"\d\s?(?:%|per ?cent)", re.I)


def _same_measure(quoted: str, text: str) -> bool:
    """Does the line give its figure in the measure the quote gave its own: a sum for a sum, a share for a share?"""
    return all(not kind.search(quoted) or kind.search(text) for kind in (MONEY, PERCENT))


def _told(text: str) -> set[str]:
    """The figures and dates a text states, as written (less separators), for what a line says that a quote did not."""
    dates = {m.group().casefold() for m in DATE.finditer(text)}
    figures = {f.strip(".,").replace(",", "") for f in FIGURE.findall(DATE.sub(" ", text))}
    return dates | {f for f in figures if f}


def _months(text: str) -> set[tuple[int, int]]:
    return {month for m in DATE.finditer(text) for month in months_dated(m.group())}


# "when is she next reporting?", "when is he due back?", "when will they report again?": a time after the document's.
NEXT = re.compile(r"\b(?:next|again|due back|come back|return)\b", re.I)
NEXT_WORDS = content_terms("next again due back come return when will is are going")


def next_time(facts: IndexFacts, earlier: Thread, question: str, role: str) -> tuple[int, ...]:
    """The line that tells when the person the last answer named (for the earlier question's `role`, "district
    commander") next does what the turn asks: it holds at least half the turn's own words, names the person or
    the role's title word, and dates a month after its document's own. Empty when the turn asks no "when ...
    next" of a person, or no line or two lines alike fit."""
    if not earlier.names or not PERSONAL.search(question) or not NEXT.search(question) or not wants(question).date:
        return ()
    person = earlier.names[0]
    wanted = content_terms(PERSONAL.sub(" ", unframed(question))) - NEXT_WORDS - FRAMING - FUNCTION_WORDS - POINTING
    titles = {t for word in ROLE.findall(role) for t in content_terms(word)}
    if not wanted:
        return ()
    index = facts.index
    found = []
    for j in facts.covering(dict.fromkeys(wanted, 1.0), len(wanted) / 2):
        sentence = index.sentences[j]
        text = facts.text(sentence)
        terms = facts.sentence_terms(j) | facts.label_terms(j)
        if not (names(text, person) or titles and titles <= facts.sentence_terms(j)):
            continue
        dated = document_month(index.documents[sentence.document].date)
        if dated is None or not any(month > dated for month in _months(text)):
            continue
        found.append((len(wanted & terms), j))
    found.sort(reverse=True)
    if not found or len(found) > 1 and found[1][0] == found[0][0]:
        return ()
    return (found[0][1],)
