"""The row of a table a follow-up points at through the thing the last passage answer named.

"What is the area for improvement for that one?" after prose saying "... one area for improvement:
communications and engagement ..." is the row of the same document's table whose first cell names that thing
("Communications and Engagement | Assessment: Not Met | Areas for Improvement: To deliver the communications
plan ..."), when the table's header or the row holds what the turn asks for ("area for improvement"). The row
may be far from the quote: a pack's summary and its table are often pages apart.

A row's thing is named by the quote or the earlier question when every word of its first cell is in them; when
the quote names several, the one written nearest the words the turn asks for ("area for improvement:
communications and engagement") is meant. Nothing is found when the turn points at nothing, adds no words, or
no row of the document answers; the turn is then searched for as usual.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.answer.facts import IndexFacts
from assistant.answer.series import lines_of
from assistant.answer.turns import FRAMING, POINTER, unframed
from assistant.text.context import is_table_row
from assistant.text.terms import content_terms

if TYPE_CHECKING:
    from assistant.answer.thread import Thread

# Words that only say how the turn points or what kind of thing it asks: never what the row must hold.
POINTING = content_terms("what which who is are was were the of for one ones it its that this those these them")
CELL = re.compile(r"\t|\s\|\s")  # a row's cells, tab- or pipe-separated
WORD = re.compile(r"[A-Za-z][\w'’-]*")


def row_named(facts: IndexFacts, earlier: Thread, question: str) -> tuple[int, ...]:
    """The one row of the last answer's document whose first cell the quote (or the earlier question) names and
    whose header or cells hold at least half of what the turn adds; empty when there is no such row."""
    if not earlier.sentences or not POINTER.search(question):
        return ()
    index = facts.index
    asked_before = content_terms(earlier.question)
    wanted = content_terms(unframed(question)) - asked_before - POINTING - FRAMING
    if not wanted:
        return ()
    said = " ".join(facts.text(index.sentences[i]) for i in earlier.sentences)
    named_terms = content_terms(said) | asked_before
    found = []
    for j in lines_of(index, earlier.sentences[0]):
        text = facts.text(index.sentences[j])
        if j in earlier.sentences or not is_table_row(text):
            continue
        first = content_terms(CELL.split(text.strip().strip("|"), maxsplit=1)[0])
        if not first or not first <= named_terms:
            continue
        held = wanted & (facts.sentence_terms(j) | facts.label_terms(j))
        if len(held) * 2 >= len(wanted) and held - first:  # the turn asks more of the row than its name
            # the thing the earlier question named, else the one the quote writes nearest the turn's words
            found.append((not first <= asked_before, _distance(said, first, wanted), -len(held), j))
    if not found:
        return ()
    found.sort()
    return (found[0][-1],) if len(found) == 1 or found[0][:-1] < found[1][:-1] else ()


def _distance(said: str, first: set[str], wanted: set[str]) -> int:
    """How many words apart the quote writes the row's thing and the turn's words (0 when it writes none of
    them)."""
    words = [content_terms(w) for w in WORD.findall(said)]
    things = [k for k, terms in enumerate(words) if terms & first]
    asked = [k for k, terms in enumerate(words) if terms & wanted]
    if not things or not asked:
        return 0
    return min(abs(a - t) for a in asked for t in things)
