"""Documents of one series, such as a panel's minutes meeting by meeting: which document is another meeting's,
and which of its lines is the counterpart of a line quoted from the last.

"And the February 2014 one?" after the room of the October 2013 meeting asks for the same line in another
document of the series; so does "had they been done by the May 2012 meeting?" after that meeting's actions. A
series is told by the titles alone (less their dates), never by one corpus's names, and a meeting's month by the
date its title gives, else its opening lines', else the date the document is filed under.
"""

from __future__ import annotations

import re

from assistant.answer import asking
from assistant.answer.wants import wants
from assistant.answer.facts import IndexFacts, opening
from assistant.text.context import is_item
from assistant.text.dates import DATE, document_month, months_dated
from assistant.records import Document
from assistant.store.load import LoadedIndex
from assistant.text.terms import content_terms

# "the next meeting", "the previous minutes": the meeting before or after in the same series of documents.
ADJACENT = re.compile(r"\b(next|following|previous|last|earlier|prior)\s+(meeting|minutes|session|board|panel)\b",
                      re.I)
STEPS = ("next", "following", "previous", "last", "earlier", "prior")  # the words ADJACENT steps by
SAME_SERIES = 0.6  # of the shorter title's words, less its dates, that two documents of one series share
ALIKE = 0.7  # how alike another meeting's line must be to a quoted one to be its counterpart (see `counterpart`)
FITS = 0.3  # for holding the kind of fact the quoted line answered with
PLACED = 0.2  # for sitting among the meeting's particulars, or not, as the quoted line did
UNDER = 3  # points listed under a line that are quoted with it ("• Not complete.")


def meeting_month(document: Document) -> tuple[int, int] | None:
    """The month a meeting's document is about: the date its title gives, else its opening lines, else the date
    it is filed under (the March minutes may be filed in May)."""
    dated = months_dated(document.title) or months_dated(opening(document))
    return dated[0] if dated else document_month(document.date)


def same_series(title: str, other: str) -> bool:
    """Do two titles, less their dates and numbers, share most of their words ("Crime and Justice Transparency
    Sector Panel, 14 October 2013" and "Crime Justice Sector Panel - 14 February 2014 - Minutes")?"""
    words, others = (content_terms(DATE.sub(" ", t)) - {w for w in content_terms(t) if w.isdigit()}
                     for t in (title, other))
    return bool(words and others) and len(words & others) >= SAME_SERIES * min(len(words), len(others))


def other_meeting(index: LoadedIndex, document: str, month: tuple[int, int] | None, step: str) -> str | None:
    """The document of the same series as `document` for the meeting of `month`, or for the meeting after
    (`step` "next") or before it; None when it is the same document or not exactly one document is."""
    here = index.documents.get(document)
    if here is None:
        return None
    own = meeting_month(here)
    series = [d for d in index.documents.values() if d.id != here.id and same_series(d.title, here.title)]
    if month is not None:
        found = [d.id for d in series if meeting_month(d) == month != own]
    elif step and own:
        later = step.casefold() in ("next", "following")
        dated = sorted((m, d.id) for d in series if (m := meeting_month(d)) and (m > own if later else m < own))
        found = [(dated[0] if later else dated[-1])[1]] if dated else []
    else:
        found = []
    return found[0] if len(found) == 1 else None


def counterpart(facts: IndexFacts, quoted: tuple[int, ...], document: str, asked: str) -> tuple[int, ...]:
    """The line of `document` that plays the part one of the `quoted` lines played in theirs, with the points
    listed under it. A line is alike for the rarer words it shares, for holding the kind of fact `asked` (the
    question they answered) wants, and for sitting, like the quoted line, among the meeting's particulars or not:
    each meeting's room has its own street, but it is the place given in the particulars. Empty when no line is
    alike enough."""
    index = facts.index
    first = next((facts.sentences_of(k)[0] for k, c in enumerate(index.chunks)
                  if c.document == document and facts.sentences_of(k)), None)
    lines = lines_of(index, first) if first is not None else []
    said = [(facts.sentence_terms(i), facts.in_opening(i)) for i in quoted]
    if not lines or not said:
        return ()
    weights = asking.idf(index, set().union(*(terms for terms, _ in said)))
    wanted = wants(asked)
    best, share = None, ALIKE
    for j in lines:
        terms, fits = facts.sentence_terms(j), wanted.fits(facts.text(index.sentences[j]), asked)
        alike = max(sum(weights[t] for t in q & terms) / (sum(weights[t] for t in q) or 1.0)
                    + FITS * fits + PLACED * (opening == facts.in_opening(j)) for q, opening in said)
        if alike > share:
            best, share = j, alike
    if best is None:
        return ()
    under = [best]
    while not is_item(facts.text(index.sentences[best])) and under[-1] < lines[-1] and len(under) <= UNDER and \
            is_item(facts.text(index.sentences[under[-1] + 1])):
        under.append(under[-1] + 1)
    return tuple(under)


def lines_of(index: LoadedIndex, i: int) -> list[int]:
    """The positions of the sentences of sentence i's document (an index keeps a document's sentences together),
    found from i outwards so a large index is not read whole."""
    document = index.sentences[i].document
    start, end = i, i
    while start > 0 and index.sentences[start - 1].document == document:
        start -= 1
    while end + 1 < len(index.sentences) and index.sentences[end + 1].document == document:
        end += 1
    return list(range(start, end + 1))
