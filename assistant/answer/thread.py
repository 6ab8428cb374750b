"""Follow-ups to a passage answer: "What's his job title?", "And when was the last one in Melbourne?",
"What's the second one?", "And across Essex?", "How many was that?", "Which of the two rose more?".

A passage answer leaves a thread in its context: the question it answered, the document and the sentences
it quoted (and those of the answer before, for "the two"). A next turn that leans on it (opens with
"and"/"what about", points back with a pronoun, names an item by order, or is too short to stand alone) is read
with the earlier question's words as its topic and searched in the same document first; one that stands on its
own ignores the thread.

What a follow-up says is read as plain English, never as one corpus's names: a place, a crime type or a date it
names takes the place of the one the earlier question named ("And across Essex?" after "... fall in Southend?" asks
how much it fell across Essex, not in Southend), "he" or "she" is the person the last answer named, and the words
that only say how it leans back ("the year before", "which of the two", "compared with") are no topic to find.

Some turns are answered from lines around the last answer without a search: "who else was there?" (the other
people of its section), "the year before?" (the nearest line telling the earlier year), "and in Southend
specifically?" (the nearest line naming the place), "who confirmed that?" (the quote, with the line that gives the
initials it uses their full name). A turn naming another meeting of a series ("and the February one?", "the next
meeting") moves to that meeting's minutes (`series`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant import vocab
from assistant.answer.facts import IndexFacts, is_item
from assistant.answer.lists import with_list
from assistant.answer import asking, series
from assistant.answer.wants import ROLE, VENUE, wants
from assistant.store.load import LoadedIndex
from assistant.text.terms import content_terms
from assistant.answer.turns import (ANOTHER, COUNT, EXISTENTIAL, FRAMING, INITIALS, NEAR, OPENER, POINTER, RELATIVE,
                                    SAME, SOMEONE, STEP, THEY, TWO, PERSONAL, dates_in, leans_back, ordinal,
                                    person_names, places_in, swap, told, unframed)
from assistant.understand.query import OFFENCES, Query

THREAD = "passage_thread"
ORDINALS = {"first": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4}
# "What do the tables show for that?", "and the police figures?": the performance tables, not a document, asked
# what they show (a sentence that mentions "performance data" asks nothing of them).
TABLES = re.compile(r"\b(?:the|these|those|your) (?:performance |police |crime |recorded |latest |official )*"
                    r"(?:tables?|figures|statistics|stats|data|numbers|performance summary)\b", re.I)
SHOWS = re.compile(r"\s*(?:show|shows|say|says|said|give|gives|have|has|hold|holds|tell)\b", re.I)

@dataclass(frozen=True)
class Thread:
    question: str  # the earlier question the thread started from, with what later turns replaced swapped in
    document: str
    sentences: tuple[int, ...]  # the sentences quoted, by position in the index
    before: tuple[int, ...] = ()  # the sentences the answer before quoted, for "which of the two"
    names: tuple[str, ...] = ()  # the people the quoted sentences name that the question did not, for "he"/"her"

    def search_text(self, question: str) -> str:
        """What this turn asks about: the earlier question with the place or crime type an "and ...?" or "what
        about ...?" names in place of its own, then this turn's other words, less those that only say how it
        leans back."""
        earlier, own = self._read(question)
        return " ".join(f"{earlier} {own}".split())

    def restated(self, question: str) -> str:
        """"Was the 15 May meeting in the same room?": the earlier question asked of what this turn names
        ("Where was the 15 May 2012 meeting held?"); the turn itself when it asks no "the same ...?" of a new date,
        place or crime type."""
        earlier, _ = self._read(question)
        return earlier if SAME.search(question) and earlier != self.question else question

    def adds_nothing(self, question: str) -> bool:
        """Does this turn only ask for another kind of fact about what was just answered ("How many was that?",
        "Since when?", "Which of the two rose more?"), naming nothing new?"""
        earlier, own = self._read(question)
        return earlier == self.question and not content_terms(own) - content_terms(self.question)

    def _read(self, question: str) -> tuple[str, str]:
        """(the earlier question, this turn's own words). Only an "and ...?" or "what about ...?" replaces what
        the earlier question named; "which one is in Melbourne?" narrows the last answer instead."""
        own = unframed(question)
        if self.names:  # "Which university is he from?" asks about the person the last answer named
            own = PERSONAL.sub(lambda _: self.names[0], own)
        if OPENER.match(question) and not TWO.search(question):
            return swap(self.question, own)
        return swap(self.question, own, finders=(dates_in,))  # "Was the 15 May meeting in the same room?"


def thread_of(question: str, query: Query) -> Thread | None:
    """The earlier passage answer this turn leans on, if it leans on one."""
    thread = query.extra.get(THREAD)
    return thread if isinstance(thread, Thread) and leans_back(question) else None


def carry(query: Query, context: Query | None) -> Query:
    """Keep the last passage answer's thread on this turn's query, for `thread_of` to judge."""
    thread = context.extra.get(THREAD) if context is not None else None
    if thread is None or THREAD in query.extra:
        return query
    return query.with_(extra={**query.extra, THREAD: thread})


def ended(context):
    """The context of a table answer: the passage thread it was asked in is over (a next "when was that?" is about
    the table answer, not the passage before it)."""
    if isinstance(context, Query) and THREAD in context.extra:
        return context.with_(extra={k: v for k, v in context.extra.items() if k != THREAD})
    return context


def threaded(query: Query, question: str, document: str, sentences: tuple[int, ...],
             earlier: Thread | None, said: str = "") -> Query:
    """The context a passage answer leaves: a thread from this question (or, for a follow-up, from the
    question the thread started with, so a third turn still knows the topic), with the people `said` (the quoted
    text) names that the question did not, for a next "what's his job title?"."""
    start = earlier.search_text(question) if earlier is not None else question
    before = earlier.sentences if earlier is not None else ()
    asked = content_terms(start)
    names = tuple(dict.fromkeys(n for n in person_names(said) if not content_terms(n) <= asked))
    return query.with_(extra={**query.extra, THREAD: Thread(start, document, sentences, before, names)})


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


def quoted_again(facts: IndexFacts, earlier: Thread, question: str) -> tuple[int, ...]:
    """"How many offences was that?", "Since when?", "Which of the two rose more?": a turn naming nothing new,
    asking a fact the last answer's sentences (or, for "the two", the last two answers') already hold. Empty
    when it names something new, asks for another one ("who else?", "the next one"), or they hold no such fact."""
    if not earlier.sentences or ANOTHER.search(question) or ordinal(question) or STEP.search(question):
        return ()
    quoted = (*earlier.before, *earlier.sentences) if TWO.search(question) else earlier.sentences
    said = " ".join(facts.text(facts.index.sentences[i]) for i in quoted)
    if RELATIVE.search(question) and not told(question).search(said):
        return ()  # "the year before" asks for another period than the one quoted, unless the quote gives it too
    # "How many extra officers did it take?" after "... the expansion of Essex Police by 905 officers": a turn
    # pointing back at what the quote already counts asks no new thing, whatever other words it has.
    noun = asking.counted(question).words
    counts = bool(noun) and POINTER.search(EXISTENTIAL.sub(" ", question)) and asking.counts(said, noun[-1])
    # "Who confirmed that?" after "AS also confirmed ...": every word the turn adds is in the quote already.
    new = content_terms(unframed(question)) - content_terms(earlier.question)
    held = bool(new) and new <= content_terms(said) and bool(POINTER.search(question))
    if not counts and not held and not earlier.adds_nothing(question):
        return ()
    named = " ".join(facts.text(facts.index.sentences[i]) for i in introducing(facts, earlier.document, quoted))
    return tuple(dict.fromkeys(quoted)) if wants(question).fits(f"{named} {said}", question) else ()


def followed(facts: IndexFacts, earlier: Thread, question: str) -> tuple[Thread, tuple[int, ...]]:
    """The thread this turn is searched on (moved to another meeting's document when it names one) and the lines
    that answer it without a search: the other meeting's counterpart of the last quote, the other people of the
    last answer's section ("who else?"), or the last quote itself ("since when?")."""
    there = moved(facts.index, earlier, question)
    if there is not earlier:
        return there, parallel(facts, earlier, there, question)
    return earlier, named_besides(facts, earlier, question) or quoted_again(facts, earlier, question) or \
        told_around(facts, earlier, question) or placed_near(facts, earlier, question)


def placed_near(facts: IndexFacts, earlier: Thread, question: str) -> tuple[int, ...]:
    """"And in Southend specifically?" after a figure for the county, when the earlier question named no place:
    the line nearest the quote, in its document, that names the new place and either what the quote and the
    earlier question share ("knife") or goes on in the quote's paragraph, giving the kind of fact asked for. Empty
    when the turn names no new place."""
    places = [alias for _, alias in places_in(question)] if OPENER.match(question) else []
    index = facts.index
    named = [name for name, _ in places_in(earlier.question)
             if not asking.only_in_names(earlier.question, name, index)]  # "Essex Police" names no place
    if not places or not earlier.sentences or named:
        return ()
    first, last = min(earlier.sentences), max(earlier.sentences)
    said = " ".join(facts.text(index.sentences[i]) for i in earlier.sentences)
    if any(re.search(rf"\b{re.escape(p)}\b", said, re.I) for p in places):
        return ()
    topic = content_terms(said) & content_terms(earlier.question)
    asked = f"{earlier.question} {question}"
    for j in sorted(range(first - NEAR, last + NEAR + 1), key=lambda j: (abs(j - first) if j < first else j - last, j)):
        if 0 <= j < len(index.sentences) and j not in earlier.sentences and \
                index.sentences[j].document == earlier.document:
            text = facts.text(index.sentences[j])
            if all(re.search(rf"\b{re.escape(p)}\b", text, re.I) for p in places) and \
                    (topic & facts.sentence_terms(j) or _one_paragraph(index, j, earlier.sentences)) and \
                    wants(asked).fits(text, asked):
                return (j,)
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
    for j in sorted(range(first - NEAR, last + NEAR + 1), key=lambda j: (abs(j - first) if j < first else j - last, j)):
        if 0 <= j < len(index.sentences) and j not in earlier.sentences and \
                index.sentences[j].document == earlier.document:
            text = facts.text(index.sentences[j])
            # "how many" is not answered by "an increase of 6% on the previous year"
            counted = asked.rate or not asked.figure or COUNT.search(text)
            if wanted.search(text) and asked.fits(text, question) and counted:
                return (j,)
    return ()


def step_in_list(facts: IndexFacts, earlier: Thread, question: str) -> int | None:
    """"What's the second one?", "and the next one?": the item of the last answer's list the question names
    by its order; None when it names none or the last answer was not from a list."""
    word = ordinal(question)
    if not word or not earlier.sentences:
        return None
    quoted = list(earlier.sentences)
    listed = with_list(facts, quoted[0], True) if word in ORDINALS or word == "last" else []
    items = [facts.index.sentence_position[(s.document, s.start)] for s in listed]
    items = [i for i in items if not facts.text(facts.index.sentences[i]).rstrip().endswith(":")]
    if word in ORDINALS:
        n = ORDINALS[word]
        return items[n] if n < len(items) else None
    if word == "last" and items:
        return items[-1]
    step = {"next": 1, "previous": -1}.get(word)
    if step is None:
        return None
    j = (quoted[-1] if step > 0 else quoted[0]) + step
    same = 0 <= j < len(facts.index.sentences) and facts.index.sentences[j].document == earlier.document
    return j if same and is_item(facts.text(facts.index.sentences[j])) else None


def moved(index: LoadedIndex, earlier: Thread, question: str) -> Thread:
    """The thread moved to the document of the meeting this turn names, in the same series as the last answer's
    ("and the February 2014 one?", "had they been done by the May 2012 meeting?", "where was the next meeting?");
    the thread itself when it names no other meeting or no one document holds it. A "when is the next meeting?"
    stays: the last document says when its next meeting is."""
    named, step = dates_in(question), series.ADJACENT.search(question)
    month = named[0][0] if named else None
    if month is None and (step is None or wants(question).date):
        return earlier
    there = series.other_meeting(index, earlier.document, month, step.group(1) if step else "")
    return Thread(earlier.question, there, (), earlier.sentences, earlier.names) if there else earlier


def parallel(facts: IndexFacts, earlier: Thread, there: Thread, question: str) -> tuple[int, ...]:
    """"And the February 2014 one?", "had they been done by then?": the other meeting's counterpart of the line
    the last answer quoted. Empty when the turn asks something new about that meeting."""
    if there.document == earlier.document or not earlier.sentences:
        return ()
    _, own = there._read(series.ADJACENT.sub(" ", question))
    if content_terms(own) - content_terms(earlier.question) - FRAMING and not THEY.search(question):
        return ()
    return series.counterpart(facts, earlier.sentences, there.document, earlier.question)


def named_besides(facts: IndexFacts, earlier: Thread, question: str) -> tuple[int, ...]:
    """"Who else was there?", "who else from the fire service?": the lines of the last answer's section that name
    people it did not name, nearest first for prose, every one for a list, each holding at least half of what the
    turn adds ("fire service"), read with its headings. Empty when the turn asks no "who else"."""
    asks_person = wants(question).person or SOMEONE.search(question)
    if not earlier.sentences or not ANOTHER.search(question) or not asks_person:
        return ()
    index = facts.index
    first, last = min(earlier.sentences), max(earlier.sentences)
    named = {n for i in earlier.sentences for n in person_names(facts.text(index.sentences[i]))}
    own = content_terms(unframed(question)) - content_terms("from there attended present anyone anybody someone "
                                                               "somebody")
    section = facts.label(first)
    found = []
    for j in sorted(range(first - NEAR, last + NEAR + 1), key=lambda j: (abs(j - first) if j < first else j - last, j)):
        if not 0 <= j < len(index.sentences) or j in earlier.sentences or \
                index.sentences[j].document != earlier.document or facts.label(j) != section:
            continue
        people = [n for n in person_names(facts.text(index.sentences[j]))
                  if n not in named and not ROLE.search(n) and not VENUE.search(n)]
        held = own & (facts.sentence_terms(j) | facts.label_terms(j))
        if people and len(held) * 2 >= len(own):
            found.append(j)
    listed = all(is_item(facts.text(index.sentences[i])) or len(facts.text(index.sentences[i]).split()) <= 8
                 for i in (first, *found[:1]))
    return tuple(sorted(found)) if listed else tuple(found[:1])


def introducing(facts: IndexFacts, document: str, quoted: tuple[int, ...]) -> tuple[int, ...]:
    """"Who confirmed that?" when the quote says "AS also confirmed": the line of the same document that
    introduces the initials ("6.1 Amanda Smith (AS) gave feedback ..."), so the answer names the person."""
    index = facts.index
    said = " ".join(facts.text(index.sentences[i]) for i in quoted)
    found = []
    lines = series.lines_of(index, quoted[0]) if quoted and index.sentences[quoted[0]].document == document else []
    for initials in dict.fromkeys(INITIALS.findall(said)):
        pattern = re.compile(r"[A-Z][a-z]+(?:\s+[A-Z][\w’'-]+){1,2}\s*\(" + initials + r"\)")
        line = next((j for j in lines if j not in quoted and pattern.search(facts.text(index.sentences[j]))), None)
        if line is not None:
            found.append(line)
    return tuple(found)


def asks_who(question: str) -> bool:
    """Does the turn ask for a person ("who confirmed that?")?"""
    return wants(question).person


