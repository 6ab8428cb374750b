"""A meeting's particulars that minutes record in short lines, not prose: who was present, who sent apologies, who
came in another's place, who sits on the body, who took the minutes, who was secretary; and who holds a post
(`posts`). A line in an attendance block ("Lucienne Edge, Ministry of Justice (minute taker)", "Phil Golding,
Office of the Senior Presiding Judge" under "Apologies:") is read with the block's heading; the words naming the
meeting ("at the 3 August 2011 panel meeting") pick the minutes, they are no topic a line in them must repeat.
The date a question gives its source or its meeting by ("according to the October 2026 minutes", "apologies for
the 23 July 2026 board meeting") picks the document, and the meeting a line records (`occasion`): an agenda pack
reproduces the last meeting's minutes.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from assistant.answer import posts
from assistant.answer.facts import IndexFacts, opening, same_document
from assistant.text.dates import asked_months, days_dated, document_month, month_number, months_dated
from assistant.text.source_words import document_dates
from assistant.text.terms import content_terms

BLOCK_REACH = 40  # short lines above a line that may still be its attendance block
OPENING_LINES = 6  # a document's first lines, where minutes print the meeting's name, date and venue
BLOCK_LINE = 160  # longer than this, a line is prose, and the block has ended
PROSE_WORDS = 8  # a full sentence this long is prose ("Members of the public may attend."), not "Dr A Jones."
# The headings of attendance blocks, as minutes print them.
PRESENT_HEADING = re.compile(r"^\W*(present|attendees|attending|in attendance|also (present|in attendance)|members "
                             r"present|officers present|those present)\W*$", re.I)
MEMBERS_HEADING = re.compile(r"^\W*((board|group|panel|partnership|committee|forum)\s+)?(membership|members)\W*$",
                             re.I)
# "Apologies", "Apologies received", "Apologies received before publication", "Apologies noted in advance"
APOLOGIES_HEADING = re.compile(r"^\W*(apologies|apologies for absence|absent|absences|not present)"
                               r"(\s+(received|noted|given|recorded)(\s+[a-z]+){0,3})?\W*$", re.I)
HEADINGS = (PRESENT_HEADING, APOLOGIES_HEADING, MEMBERS_HEADING)


@dataclass(frozen=True)
class Particular:
    """One particular asked about: what a line itself says of it (`line`), the heading of the block it is in
    (`block`), and the question's words that only say which particular it is. A post of a body ("who chairs
    the board?") is a particular too, whose words stay the question's topic."""

    name: str
    line: re.Pattern | None
    block: re.Pattern | None
    words: frozenset[str]
    post: posts.Post | None = None  # "who chairs the board?": a post of a body (see `posts`)


# (what the question says, the particular): plain English, as minutes are written anywhere.
ASKED = (
    (re.compile(r"\b(took|take|taking|taken|wrote|write|recorded|record|kept|keep)\s+(the\s+)?(minutes|notes)\b|"
                r"\bminute[- ]?taker\b|\bnote[- ]?taker\b", re.I),
     Particular("minute taker", re.compile(r"\bminute[- ]?tak\w*|\bnote[- ]?tak\w*|\bminutes\s*\)|\bclerk\b", re.I), None,
                frozenset(content_terms("took take taking taken wrote write recorded record kept keep minutes minute "
                                        "notes note taker")))),
    (re.compile(r"\b(secretary|secretariat)\b", re.I),
     Particular("secretary", re.compile(r"\bsecretar(y|iat)\b", re.I), None,
                frozenset(content_terms("acted act served secretary secretariat")))),
    # "who is subbing for Dr Crewe?", "who stood in for the Probation Service?": whoever came in another's place,
    # which minutes write beside the apology ("represented by W") or among those present ("substitute for X")
    (re.compile(r"\b(subbing|subs|subbed|substitut\w*|deputi[sz]\w*|stand(s|ing)? in|stood in|covering for|"
                r"cover(s|ed)? for|in (his|her|their) place|in place of|instead of)\b", re.I),
     Particular("substitute", re.compile(r"\bsubstitut\w*|\brepresented by\b|\bdeputi[sz]\w*|\bin place of\b|"
                                         r"\binstead of\b|\bstand(ing)?[- ]in\b|\bon behalf of\b", re.I), None,
                frozenset(content_terms("subbing subs subbed sub substitute substituting stand standing stood in "
                                        "deputising deputizing deputise deputize covering cover covers covered place "
                                        "instead")))),
    (re.compile(r"\bapologi\w*|\babsent\b|\b(could ?n[o']t|did ?n[o']t|unable to) (attend|make it|come)\b", re.I),
     Particular("apologies", re.compile(r"\bapologi\w*", re.I), APOLOGIES_HEADING,
                # "who couldn't make it?", "apologies sent before the meeting", "in advance": how an apology is given
                frozenset(content_terms("sent send gave give given apologies apology absent attend unable come "
                                        "couldnt make made before advance ahead prior received")))),
    # "who sits on the board for the harbour?": a member, as a membership list prints one
    (re.compile(r"\bwho\b[^?]*?\b((sits?|sat|sitting|serves?|served|serving)\s+on|represent(s|ing)?)\b", re.I),
     Particular("members", re.compile(r"\b(is|are|was|were|as|sits?|sat|serves?|served)\s+(an?\s+|the\s+)?([\w-]+\s+)?"
                                      r"members?\s+(of|on|for)\b", re.I), MEMBERS_HEADING,
                frozenset(content_terms("sits sit sat sitting serves serve served serving represents represent "
                                        "representing member members membership")))),
    # ... "attendance list: amy mitchell is ... in which part of anglia ruskin": a question placed in that block
    (re.compile(r"\b(present|attended|attendees|in attendance|(was|were) (at|there)|came (to|for|from)|"
                r"attendance (list|sheet|record|register)|list of (attendees|those present))\b", re.I),
     Particular("present", re.compile(r"^\W*(present|attendees|in attendance)\W*$|\battend(ed|ing|ance)\b|\bwere present\b",
                                      re.I), PRESENT_HEADING,
                frozenset(content_terms("present attended attendees attendance came list sheet record register")))),
)
# "at the 3 August 2011 panel meeting", "was the 13 March 2012 Sector Panel meeting": the meeting, which the minutes
# themselves are.
_MEETING = r"(?:meeting|panel|board|committee|group|forum|session)s?"
MEETING = re.compile(rf"\bthe\s+((?:[\w'’-]+\s+){{0,6}}?{_MEETING}(?:\s+{_MEETING})*)\b",
                     re.I)
# "who came for the harbour board at the October meeting": the body someone came for is whom a line names, not the
# meeting
REPRESENTED = re.compile(r"\b(?:came|come|attended|attending|present)\s+(?:for|from)\s+$|\brepresenting\s+$|"
                         r"\bon behalf of\s+$", re.I)
TITLE_WORDS = frozenset(content_terms("job title role post position"))  # "what's X's job title?": which particular
PEOPLE = frozenset(content_terms("people person persons members member names"))  # "which three people": who
WHO = re.compile(r"\b(who|whom|which|name|list)\b", re.I)
# Asked for whoever came for another: "since X couldn't make it", "on behalf of Y". ("Who stood in for Z?" is
# read as the apologies are, where minutes write "Z (represented by W)".)
STOOD_IN = re.compile(r"\b(since|because|as)\b[^?]*\b(could ?n[o'’]t|unable|was ?n[o'’]t able)\b|\bon behalf of\b",
                      re.I)


def asked(question: str) -> Particular | None:
    """The particular a "who ...?" or "which people ...?" question asks about, if any; or the job title of the
    person a "what is X's job title?" names."""
    if (title := posts.title_asked(question)) is not None:
        return Particular(title.name, title.line, None, TITLE_WORDS, title)
    if not WHO.search(question):
        return None
    # "who came since X couldn't make it?": the substitute, listed among those present; not "who sent apologies on
    # behalf of X?", which asks the apology
    if STOOD_IN.search(question) and not re.search(r"\bapologi", question, re.I):
        return next(particular for _, particular in ASKED if particular.name == "present")
    if (post := posts.asked(question)) is not None:
        return Particular(post.name, post.line, None, frozenset(), post)
    return next((particular for pattern, particular in ASKED if pattern.search(question)), None)


def meeting_words(question: str) -> set[str]:
    """The terms of the words that name the meeting ("the 3 August 2011 panel meeting"), and "people". Whom
    someone came for ("came from the fire service to the September meeting") names no meeting. The body
    whose post is asked ("who chairs the partnership board?") is what a line must be about, no meeting."""
    if posts.asked(question) is not None or (particular := asked(question)) and particular.name == "members":
        return set(PEOPLE)
    named = (MEETING.match(question, the.start()) for the in re.finditer(r"\bthe\s", question, re.I))
    return {t for m in named if m and not REPRESENTED.search(question[:m.start()])
            for t in content_terms(m.group(1))} | PEOPLE


def block_heading(facts: IndexFacts, i: int) -> str:
    """The heading of the attendance or membership block line i is in ("Present:", "Apologies:", "Attendees",
    "Membership"), or ""."""
    index = facts.index
    sentence = index.sentences[i]
    path = index.chunks[sentence.chunk].section_path
    if path and any(heading.match(path[-1]) for heading in HEADINGS):
        return path[-1]  # the block is a section of its own, under that heading
    for j in range(i, max(i - BLOCK_REACH, -1), -1):
        if not same_document(index, j, sentence):
            break
        line = facts.text(index.sentences[j]).strip()
        if any(heading.match(line) for heading in HEADINGS):
            return line
        if len(line) > BLOCK_LINE or line.endswith(".") and (j < i or len(line.split()) > PROSE_WORDS) or \
                j == i and not _whole_line(facts, i):
            break  # prose: no block above, and a paragraph right under a block is no line of it
    return ""


def _whole_line(facts: IndexFacts, i: int) -> bool:
    """Is sentence i the whole of its line, as a block's lines are ("• Sian Beddoe"), not one sentence of a
    paragraph ("Members of the public may attend. If you wish to speak ...")?"""
    sentence = facts.index.sentences[i]
    text = facts.index.documents[sentence.document].text
    start = text.rfind("\n", 0, sentence.start) + 1
    end = text.find("\n", sentence.end)
    return text[start:len(text) if end < 0 else end].strip() == text[sentence.start:sentence.end].strip()


def records(particular: Particular, facts: IndexFacts, i: int) -> bool:
    """Does line i record the particular: it says so itself ("(minute taker)", "Apologies were received from"), or
    it is in the block whose heading does ("Apologies:")?"""
    text = facts.text(facts.index.sentences[i])
    if particular.post is not None:
        return posts.records(particular.post, text)
    if particular.line is not None and particular.line.search(text):
        return True
    return particular.block is not None and bool(particular.block.match(block_heading(facts, i)))


def other_block(particular: Particular, facts: IndexFacts, i: int) -> str:
    """Why line i is no answer: for "who was present?", it is among the apologies (or the other way round); for any
    particular, it does not record it ("who took the minutes?" and a line about publishing the minutes)."""
    heading = block_heading(facts, i)
    text = facts.text(facts.index.sentences[i])
    if not records(particular, facts, i) and not (particular.block and particular.block.match(text.strip())) and \
            facts.index.sentences[i].document in recorded_in(particular, facts):
        return f"no line records the {particular.name}" if particular.name != "present" else \
            "no line records who was present"
    if particular.name == "present" and (APOLOGIES_HEADING.match(heading) or re.search(r"\bapologi", text, re.I)):
        return "the line lists apologies, not those present"
    if particular.name == "apologies" and PRESENT_HEADING.match(heading):
        return "the line lists those present, not apologies"
    if particular.post is not None and records(particular, facts, i):
        return posts.objection(particular.post, facts, i)
    return ""


def recorded_in(particular: Particular, facts: IndexFacts) -> frozenset[str]:
    """The documents with a line that records the particular (worked out once per index): minutes that name no
    minute taker may still answer "who took the minutes?" in their own words."""
    key = f"particular:{particular.name}"
    if key not in facts.term_sets:
        facts.term_sets[key] = frozenset(s.document for i, s in enumerate(facts.index.sentences)
                                         if records(particular, facts, i))
    return facts.term_sets[key]


def block_lines(facts: IndexFacts, i: int, terms: frozenset[str]) -> list[int]:
    """"Which HMCTS people were there?": the lines of line i's attendance block that hold the asked-for words (all
    of them when nothing narrows it: "who sent apologies?")."""
    index, heading = facts.index, block_heading(facts, i)
    if not heading:
        return []
    sentence = index.sentences[i]
    lines = [k for k in range(max(i - BLOCK_REACH, 0), min(i + BLOCK_REACH, len(index.sentences)))
             if same_document(index, k, sentence) and (not terms or terms & facts.sentence_terms(k))
             and block_heading(facts, k) == heading and _whole_line(facts, k)]  # no paragraph under the block
    return naming(facts, lines, terms) or lines


def naming(facts: IndexFacts, lines: list[int], terms: frozenset[str]) -> list[int]:
    """"attendance list: amy mitchell is ... in which part of anglia ruskin": the lines that open with the name of
    a person the terms name (every word of it but a title: "Dr", "Cllr"); empty when they name no one's."""
    return [k for k in lines if len((name := _named_first(facts.text(facts.index.sentences[k]))) & terms) >= 2
            and len(name - terms) <= 1]


# Where the name that opens an attendance line ends: "Amy Mitchell – Partnership ...", "Sian Beddoe, Probation"
NAME_ENDS = re.compile(r"\s+[–—-]\s+|[,(\t:]")


def _named_first(line: str) -> frozenset[str]:
    """The terms of the name an attendance line opens with ("• Dr Eleni Castell (substitute: ...)" -> "eleni
    castell"); empty when the line opens with no name of two or more words."""
    first = NAME_ENDS.split(line.lstrip("•-*· \t"), 1)[0]
    words = [w for w in first.split() if w[:1].isupper()]
    return content_terms(" ".join(words)) if len(words) >= 2 and len(words) == len(first.split()) else frozenset()


def openings_of(facts: IndexFacts, question: str) -> set[int]:
    """"Where was the 13 March 2012 meeting held?": the particulars (the lines before the first section with a
    body: name, date, venue) of the minutes of the meeting on the date the question gives in full; "where is the
    November board being held?": those of the documents dated in the month that names the meeting."""
    days = days_dated(question)
    if not days:
        return _openings_by_month(facts, question)
    documents = facts.index.documents
    return {i for d, lines in _openings(facts).items()
            if days & days_dated(f"{documents[d].date} {documents[d].title} {opening(documents[d])}") for i in lines}


def _openings(facts: IndexFacts) -> dict[str, list[int]]:
    """Document -> its opening lines (its particulars, else its first lines), worked out once per index."""
    key = "openings"
    if key not in facts.term_sets:
        found: dict[str, list[int]] = {}
        for i, sentence in enumerate(facts.index.sentences):
            lines = found.setdefault(sentence.document, [])
            if facts.in_opening(i) or len(lines) < OPENING_LINES:  # no particulars apart: its first lines
                lines.append(i)
        facts.term_sets[key] = found  # type: ignore[assignment]
    return facts.term_sets[key]  # type: ignore[return-value]


# "the November board", "the dec meeting", "the March 2027 committee": a meeting named by its month
MONTH_MEETING = re.compile(rf"\bthe\s+(?P<month>[a-z]{{3,9}})\.?(?:\s+(?P<year>(?:19|20)\d\d))?\s+(?:[\w'’-]+\s+){{0,3}}?"
                           rf"{_MEETING}\b", re.I)


def _openings_by_month(facts: IndexFacts, question: str) -> set[int]:
    """The opening lines of each document dated in the month (and year, when given) of a meeting the question
    names by its month ("the November board"): the papers of that meeting print its date, time and venue."""
    named = [(month_number(m.group("month")), int(m.group("year") or 0)) for m in MONTH_MEETING.finditer(question)
             if asked_months(m.group("month"))]
    if not named:
        return set()
    documents = facts.index.documents
    return {i for d, lines in _openings(facts).items() if (when := document_month(str(documents[d].date or ""))) and
            any(when[1] == month and year in (0, when[0]) for month, year in named) for i in lines}


PERIOD_END = re.compile(r"(?<!according )\b(?:to|for|until|till|ending)\s+(?:the\s+)?$", re.I)
# "the dec agenda", "the Sept 2025 minutes": a month's short name, where the words tie it to a document
SHORT_MONTH = re.compile(r"\b(jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b\.?(?:\s+((?:19|20)\d\d))?", re.I)
# "for the 23 July 2026 board meeting": a date a meeting's name follows dates the meeting, not the end of a period
NAMES_MEETING = re.compile(rf"\s+(?:[\w'’-]+\s+){{0,3}}?{_MEETING}\b", re.I)


def source_dates(question: str) -> frozenset[tuple[int, int]]:
    """(year, month) of each date the question gives a document by, not its figures ("according to the October
    2026 minutes", "the January 2026 board pack", "the minutes of 23 April 2026"); year 0 when only the month is
    given ("the update of 5 March"). Not the end of the period a document covers ("the summary to September 2026",
    published in October), unless a meeting's name follows it ("apologies for the 23 July 2026 board meeting")."""
    found = set()
    for start, end in document_dates(question):
        if PERIOD_END.search(question[:start]) and not NAMES_MEETING.match(question, end):
            continue
        words = question[start:end]
        found |= set(months_dated(words)) or {(0, month_number(m)) for m in asked_months(words)} or \
            {(int(year or 0), month_number(m)) for m, year in SHORT_MONTH.findall(words)}
    return frozenset(found)


def occasion(facts: IndexFacts, i: int, own: bool = True) -> frozenset[tuple[int, int]]:
    """(year, month) of the occasion line i records: a heading's full date when one dates it ("Held on Thursday 2
    October 2025" over the last meeting's minutes reproduced in January's pack, or "Minutes of the meeting held on
    23 April 2026"), else its document's date. A heading's month alone ("performance to November 2025") is the
    period of the figures under it, not an occasion. With `own` False, the document's date alone."""
    for part in reversed(facts.label(i).split(" › ") if own else ()):
        if days := days_dated(part):
            return frozenset((y, m) for y, m, _ in days)
    dated = document_month(facts.index.documents[facts.index.sentences[i].document].date or "")
    return frozenset({dated}) if dated else frozenset()


def of_dates(dated: frozenset[tuple[int, int]], asked: frozenset[tuple[int, int]]) -> bool:
    """Does one of the `dated` (year, month) pairs match one `asked` (year 0 matches any year)?"""
    return any(m == month and y in (year, 0) for year, month in dated for y, m in asked)


def in_words(dates: frozenset[tuple[int, int]]) -> str:
    """"October 2026", "March" (no year given) as a reader writes them."""
    return " and ".join(f"{calendar.month_name[m]} {y}" if y else calendar.month_name[m] for y, m in sorted(dates))
