"""Lines beside the last passage answer's quote that answer a follow-up without a search.

"How many were recorded the year before?" is the nearest line telling the earlier year; "and in Southend
specifically?" after a figure for the county is the nearest line naming the place (and counting the same thing,
when the quote named the place beside another place's figure); "and when does it end?" after "the project starts
on 7 April 2025" is the nearest line giving the end (or the whole span), and "when did they present last time?"
is the quote itself when it gives that date too; "and the CCTV?" after one row of a table of costs is the row the
turn names.

Each reads the document's own lines and the turn's own words, never one corpus's names; each gives nothing when
what it looks for is not there, and the turn is then searched for as usual.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.answer import asking
from assistant.answer.facts import IndexFacts
from assistant.answer.turns import COUNT, NEAR, OPENER, RELATIVE, WHICH_MORE, places_in, told, unframed
from assistant.answer.wants import wants
from assistant.store.load import LoadedIndex
from assistant.text.context import is_item, is_table_row
from assistant.text.dates import DATE
from assistant.text.terms import content_terms

if TYPE_CHECKING:
    from assistant.answer.thread import Thread


def placed_near(facts: IndexFacts, earlier: Thread, question: str) -> tuple[int, ...]:
    """"And in Southend specifically?" after a figure for the county, when the earlier question named no place:
    the line nearest the quote, in its document, that names the new place and either what the quote and the
    earlier question share ("knife") or goes on in the quote's paragraph, giving the kind of fact asked for. Empty
    when the turn names no new place."""
    places = [alias for _, alias in places_in(question)] if OPENER.match(question) else []
    index = facts.index
    named = [name for name, _ in places_in(earlier.question)
             if not asking.only_in_names(earlier.question, name, index)]  # "Essex Police" names no place
    # "and across Essex as a whole - which fell faster?" after a place's fall: that place's line beside the new one's
    weighs = bool(WHICH_MORE.search(question))
    if not places or not earlier.sentences or named and not weighs:
        return ()
    first, last = min(earlier.sentences), max(earlier.sentences)
    said = " ".join(facts.text(index.sentences[i]) for i in earlier.sentences)
    counted = ""
    if any(re.search(rf"\b{re.escape(p)}\b", said, re.I) for p in places):
        # "And how many in Chelmsford?" after a quote that names Chelmsford beside another place's figure: asked
        # again, the place's figure is not the one quoted; only a line naming the place that counts the same thing
        # ("over 130 officers") answers.
        counted = next(iter(asking.counted(earlier.question).words[-1:]), "")
        if not counted:
            return ()
    topic = content_terms(said) & content_terms(earlier.question)
    asked = f"{earlier.question} {question}"
    for j in sorted(range(first - NEAR, last + NEAR + 1), key=lambda j: (abs(j - first) if j < first else j - last, j)):
        if 0 <= j < len(index.sentences) and j not in earlier.sentences and \
                index.sentences[j].document == earlier.document:
            text = facts.text(index.sentences[j])
            if all(re.search(rf"\b{re.escape(p)}\b", text, re.I) for p in places) and \
                    (not counted or asking.counts(text, counted)) and \
                    (topic & facts.sentence_terms(j) or _one_paragraph(index, j, earlier.sentences)) and \
                    wants(asked).fits(text, asked):
                return tuple(sorted({*earlier.sentences, j})) if weighs else (j,)
    return ()


def _one_paragraph(index: LoadedIndex, j: int, quoted: tuple[int, ...]) -> bool:
    """Is sentence j in the same paragraph as a quoted one (no line break between them), so that it goes on about
    the same thing ("And in Southend, offences are down ...") without naming it again?"""
    sentence, text = index.sentences[j], index.documents[index.sentences[j].document].text
    return any(index.sentences[i].document == sentence.document and "\n" not in text[
        min(index.sentences[i].end, sentence.end):max(index.sentences[i].start, sentence.start)] for i in quoted)


def told_around(facts: IndexFacts, earlier: Thread, question: str) -> tuple[int, ...]:
    """"How many were recorded the year before?": the line nearest the last answer, in its document, that gives
    the kind of fact asked for and tells the time before (or after) its own ("... on the previous year, when 530
    incidents were recorded"). Empty when the turn tells no such time or no line near it does."""
    if not RELATIVE.search(question) or not earlier.sentences:
        return ()
    wanted, asked = told(question), wants(f"{earlier.question} {question}")  # "and the year before?" asks the same
    index, first, last = facts.index, min(earlier.sentences), max(earlier.sentences)
    said = " ".join(facts.text(index.sentences[i]) for i in earlier.sentences)
    topic = content_terms(said) & content_terms(earlier.question)  # what the quote was about: "stalking"
    for j in sorted(range(first - NEAR, last + NEAR + 1), key=lambda j: (abs(j - first) if j < first else j - last, j)):
        if 0 <= j < len(index.sentences) and j not in earlier.sentences and \
                index.sentences[j].document == earlier.document:
            text = facts.text(index.sentences[j])
            # "how many" is not answered by "an increase of 6% on the previous year"
            counted = asked.rate or not asked.figure or COUNT.search(text)
            # nor the stalking figure's year before by another crime's: the line (read with the one before it, which
            # "That figure is up by 17% on the previous year" points back to) is about the same thing
            before = facts.sentence_terms(j - 1) if index.sentences[j - 1].document == earlier.document else set()
            # (half of what the quote was about, not one word of it: "offences" alone is any crime's count)
            held = topic & (facts.sentence_terms(j) | before)
            about = len(held) * 2 >= len(topic) > 0 or _one_paragraph(index, j, earlier.sentences)
            if wanted.search(text) and asked.fits(text, question) and counted and about:
                return (j,)
    return ()


# "When does it end?", "when does it start?": the end or the start of what the last answer dated.
ENDS = re.compile(r"\b(?:end|ends|ended|ending|finish(?:es|ed|ing)?|close[sd]?|closing|conclude[sd]?|expire[sd]?|"
                  r"runs? out|ran out|until|complet(?:e|es|ed|ion))\b", re.I)
STARTS = re.compile(r"\b(?:start(?:s|ed|ing)?|begin(?:s|ning)?|began|begun|open(?:s|ed|ing)?|launch(?:es|ed|ing)?|"
                    r"commenc(?:e|es|ed|ing)|kicks? off)\b", re.I)
# "and when did they present last time?", "and the time before that?": an earlier date of what the quote dates;
# "when are they due back?", "and next time?": a later one.
EARLIER = re.compile(r"\b(?:last time|the time before|previous(?:ly| time)?|before that|before then|"
                     r"most recent(?:ly)?|last)\b", re.I)
LATER = re.compile(r"\b(?:next(?: time)?|the time after|after that|after then|again|(?:due|coming|come) back|"
                   r"return(?:s|ing)?)\b", re.I)


def other_time(facts: IndexFacts, earlier: Thread, question: str) -> tuple[int, ...]:
    """"And when does it end?" after the quoted start of a project, "and when did they present last time?" after
    its next date: the quote itself when it gives both dates ("from 27 October 2025 to 28 February 2026"), else
    the line nearest it, in its document and about the same thing, that gives the end (or start) asked for, or
    the whole span ("When will the project happen? 7 April 2025 - 6 April 2027"). Empty when the turn asks no
    date at another end of what was dated, or no line gives one."""
    asked = wants(question)
    if not earlier.sentences or not (asked.date or asked.time):
        return ()
    index = facts.index
    said = [facts.text(index.sentences[i]) for i in earlier.sentences]
    ends, starts = ENDS.search(question), STARTS.search(question)
    if ends and not starts:
        word = ENDS
    elif starts and not ends:
        word = STARTS
    elif EARLIER.search(question) and LATER.search(earlier.question) or \
            LATER.search(question) and EARLIER.search(earlier.question):
        word = None  # another date of the same thing: the quote answers only when it gives two
    else:
        return ()
    if NOW.search(question) and word is not None and (newer := said_since(facts, earlier, word)):
        return newer
    if word is None:  # "last time" after "next": the quote answers when it gives the other date too, or when it
        # dates the one asked for itself ("and when's the next one?" after "The next meeting ... will be held on ...")
        dated = _dates(" ".join(said))
        says_so = any((LATER if LATER.search(question) else EARLIER).search(t) and _dates(t) for t in said)
        return tuple(earlier.sentences) if len(set(dated)) > 1 or says_so else ()
    if any(SPAN.search(t) or word.search(t) and _dates(t) for t in said):
        return tuple(earlier.sentences)
    topic = content_terms(earlier.question) - FRAMING_TIME
    first, last = min(earlier.sentences), max(earlier.sentences)
    found = []
    for j in range(max(first - NEAR, 0), min(last + NEAR + 1, len(index.sentences))):
        if j in earlier.sentences or index.sentences[j].document != earlier.document:
            continue
        text = facts.text(index.sentences[j])
        about = topic & (facts.sentence_terms(j) | facts.label_terms(j)) or facts.label(j) == facts.label(first)
        if about and (said_so := bool(word.search(text) and _dates(text))) or about and SPAN.search(text):
            # a line saying "start" or "end" before one giving the span, the nearest first
            found.append((not said_so, j - last if j > last else first - j, j))
    return (min(found)[-1],) if found else ()


# "When's it finishing now?": as of the newest word on it, which a later document may have changed.
NOW = re.compile(r"\b(?:now|currently|at the moment|these days|any more|anymore|latest|still)\b", re.I)
NAMED = re.compile(r"(?<!^)(?<![.?!]\s)\b[A-Z][\w'’-]+")  # "Operation Lantern" in "Tell me about Operation Lantern"


def said_since(facts: IndexFacts, earlier: Thread, word: re.Pattern) -> tuple[int, ...]:
    """"When's it finishing now?" after "Operation Lantern: ... due to run until 31 October 2025" in an October
    report: the line of the newest later document that names what the earlier question named by name (in the line,
    its headings or the line before) and gives the end (`word`) with a date ("Extended to run until 3 January
    2026", under "Operation Lantern"). Empty when the earlier question named nothing by name or no later document
    says more."""
    index = facts.index
    named = content_terms(" ".join(NAMED.findall(earlier.question.strip())))
    since = index.documents[earlier.document].date[:10]
    if not named or not since:
        return ()
    found = []
    for j, sentence in enumerate(index.sentences):
        dated = index.documents[sentence.document].date[:10]
        if dated <= since:
            continue
        text = facts.text(sentence)
        before = facts.sentence_terms(j - 1) if j and index.sentences[j - 1].document == sentence.document else set()
        if word.search(text) and _dates(text) and named <= facts.sentence_terms(j) | facts.label_terms(j) | before:
            found.append((dated, -j))
    return (-max(found)[1],) if found else ()


FRAMING_TIME = content_terms("when what time date day does did do is are was were will start starts started begin "
                             "begins end ends finish next last")


# "from 27 October 2025 to 28 February 2026", "7 April 2025 - 6 April 2027": a span, giving its start and its end.
SPAN = re.compile(rf"(?:{DATE.pattern})\s*(?:-|–|—|to|until|till)\s*(?:{DATE.pattern})", re.I)


def _dates(text: str) -> list[str]:
    return [m.group().casefold() for m in DATE.finditer(text)]


def sibling_named(facts: IndexFacts, earlier: Thread, question: str) -> tuple[int, ...]:
    """"And the CCTV?" after one row of a table of costs (or one item of a list): the one other row of that table
    holding every word the turn adds, when it gives the kind of fact the earlier question asked for; the table of
    the quote's first row when it quoted prose too. Empty when the turn does not open as an "and ...?", adds no
    word, or not exactly one other row holds its words."""
    if not earlier.sentences or not OPENER.match(question):
        return ()
    words = {t for t in content_terms(unframed(question)) - content_terms(earlier.question) - SIBLING_FRAMING
             if t.isalpha()}
    said = frozenset().union(*(facts.sentence_terms(i) for i in earlier.sentences))
    if not words or words <= said:
        return ()
    asked = wants(f"{earlier.question} {question}")
    # the table the quote is from, when it quoted a summary line with the row ("... fell by 20.1%" and its row)
    first = next((i for i in earlier.sentences if _row(facts.text(facts.index.sentences[i]))), earlier.sentences[0])
    rows = [j for j in _run(facts, first) if j not in earlier.sentences]
    holding = [j for j in rows if words <= facts.sentence_terms(j)
               and asked.fits(facts.text(facts.index.sentences[j]), earlier.question)]
    return (holding[0],) if len(holding) == 1 else ()


# Words that only frame an "and ...?" turn: never what the other row must hold.
SIBLING_FRAMING = content_terms("what which who how much many about one ones the that this those these it")


RUN = 40  # rows either side of the quoted one that its table or list may reach


def _run(facts: IndexFacts, i: int) -> list[int]:
    """The rows of the table (or the items of the list) sentence i is one of, read off the lines themselves: the
    unbroken run of rows (or of items) around it in its document."""
    index = facts.index
    kind = _row if _row(facts.text(index.sentences[i])) else is_item
    if not kind(facts.text(index.sentences[i])):
        return []
    found = [i]
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(index.sentences) and abs(j - i) <= RUN and \
                index.sentences[j].document == index.sentences[i].document and kind(facts.text(index.sentences[j])):
            found.append(j)
            j += step
    return sorted(found)


PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")  # "| CCTV replacement and new cameras | £61,200 |"


def _row(text: str) -> bool:
    return is_table_row(text) or bool(PIPE_ROW.match(text))
