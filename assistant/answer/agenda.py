"""Numbered titles and agenda items: lines that name what a report or a section is about, never what it says.

"6. Essex County Fire and Rescue Update (To Follow) Nick Singleton, Station Manager" tells the reader that the fire
service will report, and who will; it does not say what they reported. A question asking what someone reported,
said or concluded is answered by what the report or the minutes say, and an agenda's line is no such answer (the
heading of a report is not the report). A numbered title with prose under it ("4. Community Safety Partnership
Hub") is read the same way as a heading: it names what follows.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from assistant.answer.asked import neighbour_asked
from assistant.answer.facts import IndexFacts, same_document, same_section
from assistant.store.load import LoadedIndex
from assistant.text.dates import MONTHS, asked_months, document_month
from assistant.text.terms import content_terms

NUMBERED_TITLE = re.compile(r"\d{1,2}[.)]?\s+[A-Z]")
NUMBERED = re.compile(r"\s*\d{1,2}[.)]?(?:\t|\s+)\S")
# "What did the fire service report?", "what did the update actually say?", "what was discussed under item 6?",
# "what did she present?", "what was agreed?": the content of a report, a talk, a discussion or a decision.
CONTENT_ASKED = re.compile(r"\bwhat\s+(?:did|does|do|has|have|had)\b.+\b(?:say|report|present|tell|conclude|find|"
                           r"show|cover|update|discuss|raise|highlight|agree|decide|resolve)\w*\b|\bwhat\s+(?:was|were)\s+"
                           r"(?:\w+\s+){0,2}?(?:said|reported|presented|discussed|concluded|found|raised|highlighted|"
                           r"agreed|decided|resolved)\b", re.I)


def numbered_title(facts: IndexFacts, i: int) -> bool:
    """Is sentence i a numbered section title ("4. Community Safety Partnership Hub") with prose under it? Like a
    heading, it names what follows and answers nothing itself (an agenda's items, short lines in a run, do)."""
    index = facts.index
    text = facts.text(index.sentences[i]).strip()
    if not NUMBERED_TITLE.match(text) or len(text.split()) > 10 or text.endswith((".", ":", "?")) or \
            i + 1 >= len(index.sentences) or not same_document(index, i + 1, index.sentences[i]):
        return False
    after = facts.text(index.sentences[i + 1]).strip()
    return len(after.split()) > 10 and after.endswith(".")


def agenda_entry(facts: IndexFacts, i: int) -> bool:
    """Is sentence i an item of a numbered run of titles (an agenda: "6.<tab>Essex County Fire and Rescue Update"
    between "5.<tab>..." and "7.<tab>..."), or a numbered title over prose? A numbered paragraph that says
    something ("2.4 Officers continue to support ...") ends as a sentence does, and is neither."""
    index = facts.index
    sentence = index.sentences[i]
    text = facts.text(sentence).strip()
    if not NUMBERED.match(text) or text.endswith((".", "?", "!")):
        return False
    if numbered_title(facts, i):
        return True
    return any(0 <= j < len(index.sentences) and same_document(index, j, sentence) and
               NUMBERED.match(line := facts.text(index.sentences[j]).strip()) and not line.endswith((".", "?", "!"))
               for j in (i - 1, i + 1))


# "What is item 7 on the agenda?": the agenda's own line, not the seventh of some other numbered list.
ASKS_AGENDA = re.compile(r"\bagenda\b", re.I)
AGENDA_HEADING = re.compile(r"\W*agenda\W*", re.I)


def under_agenda(facts: IndexFacts, i: int) -> bool:
    """Is sentence i printed under a heading that is the word "Agenda" alone (an agenda pack's list of items)?"""
    return any(AGENDA_HEADING.fullmatch(part) for part in facts.label(i).split(" › "))


def objection(question: str, facts: IndexFacts, i: int) -> str:
    """Why line i does not answer a question asking what was reported or said; empty when it may."""
    if not CONTENT_ASKED.search(question):
        return ""
    if agenda_entry(facts, i):
        return "the line is an agenda item, which names the report but does not say what it said"
    text = facts.text(facts.index.sentences[i]).strip()
    if len(text.split()) <= 3 and not text.endswith((".", "?", "!")) and i + 1 < len(facts.index.sentences) and \
            agenda_entry(facts, i + 1):
        return "the line is the heading of an agenda, which says nothing of what was reported"  # "AGENDA"
    return ""


def titled_by(number: re.Pattern | None, index: LoadedIndex, i: int) -> bool:
    """Is sentence i the first under a heading numbered as the question names ("7. Fire and rescue update" for
    "agenda item 7", `number` being `asked.numbered`)? Minutes written in Word print their items as headings, not
    as lines."""
    if number is None:
        return False
    sentence = index.sentences[i]
    path = index.chunks[sentence.chunk].section_path
    return bool(path) and bool(number.match(path[-1])) and not (i > 0 and same_section(index, i - 1, sentence))


ITEM_NUMBER_OF = re.compile(r"\s*(\d{1,2})[.)]?(?:\t|\s)")
STEP_REACH = 3  # lines between an item and the next numbered one (a presenter's name on a line of its own)


def neighbouring_item(facts: IndexFacts, question: str, documents: Collection[str]) -> int | None:
    """The agenda line a question names by its neighbour ("straight after the minutes on the December agenda,
    what's the next item?" -> "3.<tab>Strategic Infrastructure ..."), in the `documents` allowed; None when it names
    none (a bullet of another list named by its place is `lists.positioned_item`'s).

    The named item is the agenda line holding every word of its name; the answer is the line numbered one on (or
    one back) in the same run, so a gap in the numbering or a line of another list is never taken for it. When
    the question names a month ("the December agenda") only documents dated in it are read; the named item must
    be found in one document only, or the question does not say which agenda it means."""
    months = asked_months(question)
    index = facts.index
    documents = {d for d in documents if not months or _dated_in(index.documents[d].date, months)}
    asked = neighbour_asked(question)
    words = content_terms(asked[1]) if asked is not None else frozenset()
    found = [i for i, sentence in enumerate(index.sentences) if sentence.document in documents and
             words <= facts.sentence_terms(i) and agenda_entry(facts, i)] if asked is not None else []
    if not found:
        return None
    return _agenda_step(facts, found, asked[0])


def _agenda_step(facts: IndexFacts, found: list[int], step: int) -> int | None:
    """The agenda line `step` on from the one agenda line `found` (see `neighbouring_item`), or None."""
    index = facts.index
    if len({index.sentences[i].document for i in found}) != 1 or len(found) != 1:
        return None
    i = found[0]
    number = ITEM_NUMBER_OF.match(facts.text(index.sentences[i]))
    if number is None:
        return None
    for j in range(i + step, i + step * (STEP_REACH + 1), step):
        if not 0 <= j < len(index.sentences) or not same_document(index, j, index.sentences[i]):
            return None
        other = ITEM_NUMBER_OF.match(facts.text(index.sentences[j]))
        if other is not None:
            return j if int(other.group(1)) == int(number.group(1)) + step and agenda_entry(facts, j) else None
    return None


def _dated_in(date: str, months: set[str]) -> bool:
    """Is a document dated ("2024-12-05") in one of the months named ("dec")?"""
    month = document_month(date)
    return month is not None and MONTHS[month[1] - 1][:3].casefold() in months
