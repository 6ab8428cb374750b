"""Follow-ups that cross between the performance tables and the documents' passages.

"What do the tables show for that?" after a passage answer asks the tables about that answer's place and crime
type; "what did the board say about it?" after a table answer asks the passages about that answer's crime type.
Each reads the other side's answer for what it was about, never one corpus's names.
"""

from __future__ import annotations

import re

from assistant import vocab
from assistant.answer.facts import IndexFacts
from assistant.answer.thread import Thread
from assistant.answer.turns import OPENER, crimes_in
from assistant.understand.followup import CRIME_WORDS
from assistant.understand.query import OFFENCES, Query

# "What do the tables show for that?", "and the police figures?": the performance tables, not a document, asked
# what they show (a sentence that mentions "performance data" asks nothing of them).
TABLES = re.compile(r"\b(?:the|these|those|your) (?:performance |police |crime |recorded |latest |official )*"
                    r"(?:tables?|figures|statistics|stats|data|numbers|performance summary)\b", re.I)
SHOWS = re.compile(r"\s*(?:show|shows|say|says|said|give|gives|have|has|hold|holds|tell)\b", re.I)


def asks_tables(question: str) -> bool:
    """Does the turn ask what the performance tables say ("what do the figures show for that?")?"""
    named = TABLES.search(question)
    if named is None:
        return False
    before, after = question[:named.start()], question[named.end():]
    return bool(re.search(r"\b(?:according to|in|from)\s*$", before, re.I) or SHOWS.match(after)
                or OPENER.match(question) and re.match(r"\s*(?:for|about|on)\b|\W*$", after, re.I))


def for_tables(query: Query, facts: IndexFacts, earlier: Thread) -> Query:
    """"What do the tables show for that?" after a passage answer: the place and crime type the answer was about
    (the earlier question's, else those its quoted sentences name), for a table question."""
    said = " ".join(facts.text(facts.index.sentences[i]) for i in earlier.sentences)
    areas, crime_types = query.areas, query.crime_types
    if not areas:
        areas = tuple(dict.fromkeys(hit.name for kind, hit in vocab.find_places(vocab.normalise(said))
                                    if kind != "other" and hit.name in vocab.TABLE_AREAS))
    if not crime_types:
        crime_types = tuple(dict.fromkeys(hit.name for hit in vocab.find_crime_types(vocab.normalise(said))))
    kept = [f"{what} ({', '.join(names)})" for what, names, had in (("the area", areas, query.areas),
                                                                     ("the crime type", crime_types, query.crime_types))
            if names and not had]
    notes = query.notes + ((f"{' and '.join(kept)} taken from the last answer",) if kept else ())
    return query.with_(areas=areas, crime_types=crime_types, notes=notes, passage_cues=(), outside_topic=False,
                       measure=query.measure or (OFFENCES if crime_types else None))


# "about it", "on that": what a turn asks about, pointed at rather than named.
# "What was it revised to?", "was that figure corrected?": the figure the last answer gave, as a turn's subject.
POINTED_FIGURE = re.compile(r"^\W*(?:\w+\s+){0,2}(?:it|that|this|(?:that|this|the)\s+(?:figure|number|count|total))\b",
                            re.I)
POINTED_TOPIC = re.compile(r"\b(about|on|regarding|concerning|for|of) (it|that|this|them|those|these)\b(?!\s+\w)",
                           re.I)


def of_table_answer(question: str, query: Query) -> str:
    """"What did the board say about it?" after a table answer on shoplifting: the question with "it" read as the
    crime type that answer was about (kept on this turn's query from the last), for a passage search. "What was it
    revised to later?" after a table answer on shoplifting in one area: the figure it points at is that crime
    type's in that area, so those words are searched too. The question itself when it names its own crime type or
    points at nothing."""
    if not query.is_followup or not query.crime_types or crimes_in(question):
        return question
    said = query.extra.get(CRIME_WORDS) or ["crime" if name == vocab.ALL_CRIME else name.lower()
                                             for name in query.crime_types]
    named = " and ".join(said)  # in the words the conversation used ("bicycle thefts"), else the tables' labels
    if POINTED_TOPIC.search(question):
        return POINTED_TOPIC.sub(lambda m: f"{m.group(1)} {named}", question, count=1)
    if not POINTED_FIGURE.search(question):
        return question
    places = f" in {' and '.join(query.areas)}" if query.areas else ""
    return f"{question.rstrip(' ?')} ({named}{places})?"
