"""Follow-ups that move to another meeting of a series: "and the February 2014 one?", "had they been done by the
May 2012 meeting?", "and the next one?" after a dated meeting's answer move the thread to that meeting's minutes
(`series`), where the counterpart of the last quote answers, or the list under the heading the last quote was under
("Decisions" answers "and what did it decide in April?").
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from assistant.answer import series
from assistant.answer.facts import IndexFacts
from assistant.answer.turns import FRAMING, FUNCTION_WORDS, ORDINAL, STEP, THEY, dates_in, ordinal
from assistant.answer.wants import wants
from assistant.store.load import LoadedIndex
from assistant.text.context import is_item
from assistant.text.dates import DATE, MONTHS
from assistant.text.terms import content_terms

if TYPE_CHECKING:
    from assistant.answer.thread import Thread


def moved(index: LoadedIndex, earlier: Thread, question: str) -> Thread:
    """The thread moved to the document of the meeting this turn names, in the same series as the last answer's
    ("and the February 2014 one?", "had they been done by the May 2012 meeting?", "where was the next meeting?");
    the thread itself when it names no other meeting or no one document holds it. A "when is the next meeting?"
    stays: the last document says when its next meeting is. After a question about a dated meeting, "and the next
    one?" is the next meeting too."""
    named, step = dates_in(question), series.ADJACENT.search(question)
    month = named[0][0] if named else None
    # "and the next one?" after a dated meeting's answer, not after a list asked for or walked through
    walks = wants(earlier.question).many or ordinal(earlier.question)
    word = step.group(1) if step else ordinal(question) if dates_in(earlier.question) and not walks else ""
    if month is None and (word not in series.STEPS or wants(question).date):
        return earlier
    there = series.other_meeting(index, earlier.document, month, word)
    if not there:
        return earlier
    question = earlier.question  # "Who chaired the 14 October 2013 meeting?" asked of the next meeting names its month
    if month is None and (dated := series.meeting_month(index.documents[there])):
        for _, alias in dates_in(question):
            question = question.replace(alias, f"{MONTHS[dated[1] - 1]} {dated[0]}")
    return replace(earlier, question=question, document=there, sentences=(), before=earlier.sentences, answered=True)


def parallel(facts: IndexFacts, earlier: Thread, there: Thread, question: str) -> tuple[int, ...]:
    """"And the February 2014 one?", "had they been done by then?": the other meeting's counterpart of the line
    the last answer quoted. Empty when the turn asks something new about that meeting."""
    if there.document == earlier.document or not earlier.sentences:
        return ()
    _, own = there._read(STEP.sub(" ", ORDINAL.sub(" ", series.ADJACENT.sub(" ", question))))  # "the next one"
    if content_terms(own) - content_terms(earlier.question) - FRAMING and not THEY.search(question):
        return ()
    return same_heading(facts, earlier, there.document) or \
        series.counterpart(facts, earlier.sentences, there.document, earlier.question)


SHARED_STEM = 4  # letters a question's word and a heading's must open with alike ("decide" and "Decisions")


def same_heading(facts: IndexFacts, earlier: Thread, document: str) -> tuple[int, ...]:
    """"And what did it decide in April?" after an item of the October meeting's "Decisions" list: the items under
    the heading of that name in the other meeting's document, when the earlier question asked for what the heading
    names. Empty when the quote is no list item, its heading names nothing the question asked, or the other
    document has no such heading."""
    index = facts.index
    first = earlier.sentences[0]
    heading = index.chunks[index.sentences[first].chunk].section_path[-1:]
    if not heading or not is_item(facts.text(index.sentences[first])):
        return ()
    asked = content_terms(DATE.sub(" ", earlier.question)) - FRAMING - FUNCTION_WORDS
    if not any(a[:SHARED_STEM] == h[:SHARED_STEM] for a in asked for h in content_terms(heading[0])
               if len(a) >= SHARED_STEM and len(h) >= SHARED_STEM):
        return ()
    there = sorted(j for c, chunk in enumerate(index.chunks)
                   if chunk.document == document and chunk.section_path[-1:] == heading
                   for j in facts.sentences_of(c) if is_item(facts.text(index.sentences[j])))
    return tuple(there[:MAX_UNDER]) if there else ()


MAX_UNDER = 12  # items of a heading's list quoted at most
