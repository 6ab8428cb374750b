"""Follow-ups to a passage answer: "What's his job title?", "And when was the last one in Melbourne?",
"What's the second one?", "And across Essex?", "How many was that?", "Which of the two rose more?".

A passage answer leaves a thread in its context: the question it answered, the document and the sentences
it quoted (and those of the answer before, for "the two"). A next turn that leans on it (opens with
"and"/"what about", points back with a pronoun, names an item by order, or is too short to stand alone) is read
with the earlier question's words as its topic and searched in the same document first; one that stands on its
own ignores the thread, and so does a short one naming something new by name ("What is Operation Dial?") or
another source; one naming the change the last quote told ("what was the main thing driving the rise?" after "an
increase of 6%") leans on it as "it" would. A question the documents did not answer still leaves a thread in the one
document it named (by its source or its meeting's date), without its words; a table answer puts the thread to sleep
until a turn names its document's source again (`crossing` reads what crosses between the tables and the passages).

What a follow-up says is read as plain English, never as one corpus's names: a place, a crime type or a date it
names takes the place of the one the earlier question named ("And across Essex?" after "... fall in Southend?" asks
how much it fell across Essex, not in Southend), and the words that only say how it leans back ("the year before",
"which of the two", "compared with") are no topic to find. "He" or "she" (or "the chief constable" after "which chief
constable ...?") is the person the last answer gave for its question; a new thing asked of them ("what sub-group has
he been asked to chair?") is searched with their surname and the turn's own words, not the earlier question's
verb, and keeps no place the earlier question named.

Some turns are answered from lines around the last answer without a search: "who else was there?" (the other
people of its section), "who confirmed that?" (the quote, with the line that gives the initials it uses their full
name), "who is going to staff it?" (the quote, when it holds the turn's words in any form), the lines `nearby`
finds ("the year before?", "and in Southend specifically?", "and when does it end?", "when's it finishing
now?", "and the CCTV?"), those `thread_times` finds at another moment ("and by the end of September?", "has it
been done since?"), those `pointing` finds ("and the next one?", "what's number three?", "which of them
...?", "what did he say about ...?", "how much was allocated?"), the lines `thread_people` gives the person the
last answer named ("what did she ask Stuart Graham about?"), the table row `thread_rows` finds for the thing
the quote named ("what's the action for improving it?"), the rows `thread_cells` picks by their cells ("who owns
the CCTV one?", "which of them has no vacancies?", "which items is he presenting?", "what's the new date for it?"
or "what's its RAG rating?" after one quoted row), the line giving the reason for what was quoted ("why was it
moved?", "what was the main thing driving the rise?"), the line writing the
person's party beside their name ("which party is she?") and the line `thread_times`
dates a person's next turn in ("when is she next reporting?"). A quote that already holds what the turn asks is quoted
again ("who's running it?" after "... led by Detective Inspector Colin Marr", "and the previous year?" after
"rose from 2,434 to 3,262", "how many year 9 girls came?" after "... with approximately 100 Year 9 girls in
attendance", "how did that compare to the year before?" after "... which represented no change", "taking the total
to?" after "by 905 officers, to 3,755"); "and after that?" walks on through the list the last answer was from.
"And the one in the Echo piece?" asks the earlier question of that source instead, and "and anchor project 3?" of
the item numbered so instead of "anchor project 1". A turn
naming another meeting of a series ("and the February one?", "the next meeting", or "and the next one?" after a
dated meeting's answer) moves to that meeting's minutes (`thread_meetings`, `series`), where the list under the
heading the last quote was under ("Decisions") answers "and what did it decide in April?". A turn asked of the
person who holds a role ("who is the district commander?") is searched with the role too, which documents may
name them by. A new thing asked of that person in words no document uses ("what's her salary?") is not found,
never another line about them; after a question the documents did not answer, a turn that only names another date,
place or crime type ("and by April 2026?") asks that question of it. "And which came second?" after a line that
ranks them is that line again. A line a search finds for a turn is no answer when it never names what the turn
carries (the thing it asks of, the row quoted, the person, the same year) or lacks the kind of fact the question
before asked for (`unheld`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answer.facts import IndexFacts, facts_for
from assistant.answer.lists import with_list
from assistant.answer import (asking, nearby, pointing, series, speakers, thread_cells, thread_meetings, thread_people,
                              thread_rows, thread_times)
from assistant.answer.wants import COUNTING, ROLE, VENUE, WHICH_ROLE, Wants, counted_after, wants
from assistant.store.load import LoadedIndex
from assistant.text.context import is_item, is_table_row
from assistant.text.terms import content_terms
from assistant.answer.turns import (ANOTHER, CHANGED_FROM, CHANGE_STATED, COMPARES, EXISTENTIAL, FRAMING,
                                    FUNCTION_WORDS, INITIALS, LATER_TIME, NEAR, NUMBERED, OPENER, ORDINAL, PERSONAL,
                                    POINTER, POSITIONS, RAISED_TO, RELATIVE, SAME, SOMEONE, STEP, TOOK_PART_IN_IT,
                                    TOTAL_ASKED, TWO, WHICH_MORE, YEAR_BEFORE, bare_step, crimes_in, dates_in, leads,
                                    leans_back, names_anew, names_quoted_change, ordinal, people, person_names,
                                    places_in, renumber, swap, told, two_periods, unframed)
from assistant.understand.query import Query

THREAD = "passage_thread"
ASLEEP = "passage_thread_asleep"  # the thread a table answer interrupted (see `ended`)
WHO_IS = re.compile(r"^\s*who(?:'s|’s|\s+is|\s+was)\s+(?:the\s+)?(.+?)\s*\??\s*$", re.I)  # "Who is the PCC?"
SPEAKER = re.compile(r"\b(?:he|she)\b", re.I)  # "what did he say?": the one who spoke
# Verbs that ask what someone said, naming no topic: "what did she say?" is about the earlier question's topic.
SAYING = content_terms("say said says tell told think thought mean meant do did does doing going")
ORDINALS = {word: n for n, word in enumerate(POSITIONS)}

@dataclass(frozen=True)
class Thread:
    question: str  # the earlier question the thread started from, with what later turns replaced swapped in
    document: str
    sentences: tuple[int, ...]  # the sentences quoted, by position in the index
    before: tuple[int, ...] = ()  # the sentences the answer before quoted, for "which of the two"
    names: tuple[str, ...] = ()  # the people the quoted sentences name that the question did not, for "he"/"her"
    answered: bool = True  # False when the question was not answered: it lends its document, not its words
    elsewhere: bool = False  # the question moved to another source ("and the one in the Echo?"): asked as it stands

    def search_text(self, question: str) -> str:
        """What this turn asks about: the earlier question with the place or crime type an "and ...?" or "what
        about ...?" names in place of its own, then this turn's other words, less those that only say how it
        leans back. After a question the documents did not answer, its words found nothing: the turn's own are
        searched for, with the place and crime type it named, in the document it named."""
        if self.elsewhere:  # "and the one in the Echo piece?": the earlier question, already asked of the Echo
            return self.question
        if not self.answered:  # its place and crime type still say what the turn is about (its date, which doc)
            named = [alias for find in (places_in, crimes_in) for _, alias in find(self.question)]
            return " ".join([question, *(a for a in named if a.casefold() not in question.casefold())])
        if self.asks_of_person(question):
            # "What did he pledge to residents?": the turn's own words with the person's surname, in the thread's
            # document first, where the line that answers names them by it ("Mr Harrington said:") or by "I"
            surname = self.names[0].split()[-1]
            own = " ".join(self._pointer().sub(lambda _: f" {surname} ", unframed(question)).split())
            # "Who is the district commander?" then "when is she next reporting?": a report may name her by her
            # role alone ("invites the District Commander to report again in September")
            return f"{own} {self.role()}".strip()
        earlier, own = self._read(question)
        return " ".join(f"{earlier} {own}".split())

    def role(self) -> str:
        """The role the earlier question asked who holds ("Who is the district commander?"), else nothing."""
        asked = WHO_IS.match(self.question)
        return asked.group(1) if asked and ROLE.search(asked.group(1)) else ""

    def asks_of_person(self, question: str) -> bool:
        """Does the turn ask a new thing of the person the last answer named ("What sub-group has he been asked to
        chair?"), not of what the earlier question asked ("who sent apologies?")? "What's his job?" and "what
        did she say?" ask after the person's part in the quote, or the earlier topic."""
        pointer = self._pointer()
        if not self.names or not pointer.search(question):
            return False
        own = pointer.sub(lambda _: self.names[0], unframed(question))
        return bool(content_terms(own) - content_terms(self.names[0]) - FRAMING - SAYING - FUNCTION_WORDS -
                    asking.ANSWER_KIND)

    def restated(self, question: str) -> str:
        """"Was the 15 May meeting in the same room?", "and in Holtbridge?": the earlier question asked of what this
        turn names ("Where was the 15 May 2012 meeting held?"); the turn itself when it asks no "the same ...?" and
        is no bare "and ...?" of a new date, place or crime type."""
        if self.elsewhere:
            return self.question
        earlier, own = self._read(question)
        if SAME.search(question) and earlier != self.question:
            return earlier
        if self.answered and OPENER.match(question) and earlier != self.question and not content_terms(own):
            # "And in Holtbridge?" after "How many deliberate fires were there in Wenlow?" asks that question of
            # Holtbridge, to be judged as such: a count of fires there, not any line naming Holtbridge
            return earlier
        role = WHICH_ROLE.search(self.question)
        spoken = SPEAKER.sub(lambda _: f"the {role.group(1)}", question, count=1) if role else question
        # "What did he pledge?" after "Which chief constable met ...?": what "the chief constable" said, as the
        # document introduces the quote ("The Chief Constable added:")
        return spoken if self.answered and speakers.SAYS_ASKED.search(spoken) and spoken != question else question

    def reasked(self, question: str) -> str:
        """"How many by April 2026?" after "How many members did the scheme have in October 2025?" was not found:
        the earlier question asked again of the date, place or crime type the turn names in place of its own, when
        the turn adds no other words; "" when it adds some, names nothing new, or the earlier question was
        answered (`restated` reads those). The earlier question found nothing, but the one it becomes may."""
        if self.answered:
            return ""
        earlier, own = self._read(question)
        if earlier == self.question or content_terms(own) - content_terms(self.question) - FRAMING - FUNCTION_WORDS:
            return ""
        return earlier

    def unmentioned(self, question: str, index: LoadedIndex) -> list[str]:
        """The words of a new thing the turn asks of the person the last answer named ("what's her salary?"),
        when the documents never use any of them: what it asks is about her, but nothing says it, so no line about
        her (her award, her election) answers it. Empty when the turn asks the person nothing new or the documents
        use one of its words."""
        if not self.asks_of_person(question):
            return []
        own = self._pointer().sub(" ", unframed(question))
        asked = content_terms(own) - FRAMING - SAYING - FUNCTION_WORDS - asking.ANSWER_KIND
        absent = dict(asking.unknown_words(own, index))
        return list(dict.fromkeys(absent.values())) if asked and asked <= absent.keys() else []

    def adds_nothing(self, question: str) -> bool:
        """Does this turn only ask for another kind of fact about what was just answered ("How many was that?",
        "Since when?", "Which of the two rose more?"), naming nothing new?"""
        earlier, own = self._read(question)
        return earlier == self.question and not content_terms(own) - content_terms(self.question)

    def _pointer(self) -> re.Pattern:
        """"He", "she", or the role the earlier question asked after ("the chief constable" after "Which chief
        constable met ...?"): words for the person the last answer named."""
        role = WHICH_ROLE.search(self.question)
        return re.compile(PERSONAL.pattern + (rf"|\bthe {re.escape(role.group(1))}\b" if role else ""), re.I)

    def _read(self, question: str) -> tuple[str, str]:
        """(the earlier question, this turn's own words). Only an "and ...?" or "what about ...?" replaces what
        the earlier question named; "which one is in Melbourne?" narrows the last answer instead."""
        own = unframed(question)
        if self.names:  # "Which university is he from?" asks about the person the last answer named
            own = self._pointer().sub(lambda _: self.names[0], own)
        if OPENER.match(question) and not TWO.search(question):
            return swap(*renumber(self.question, own))  # "and anchor project 3?" after "anchor project 1 ..."
        return swap(self.question, own, finders=(dates_in,))  # "Was the 15 May meeting in the same room?"


def thread_of(question: str, query: Query, index: LoadedIndex | None = None) -> Thread | None:
    """The earlier passage answer this turn leans on, if it leans on one. A thread a table answer put to sleep
    (see `ended`) wakes for a turn that leans back and names its document's source ("and what did the Echo say
    about Basildon?" after the tables were asked about the Echo's figure)."""
    thread = query.extra.get(THREAD)
    if isinstance(thread, Thread):
        leans = leans_back(question, thread.question) or index is not None and thread.sentences and \
            names_quoted_change(question, " ".join(facts_for(index).text(index.sentences[i]) for i in thread.sentences))
        if not leans or _elsewhere(question, thread, index):
            return None
        return _in_other_source(thread, question, index) or thread
    asleep = query.extra.get(ASLEEP)
    if isinstance(asleep, Thread) and index is not None and leans_back(question, asleep.question) and \
            asking.named_sources(question, index) == {asleep.document}:
        return asleep
    return None


# "and the one in the Echo piece?", "what about the one from the press release?": the thing the earlier question
# asked for, in another source.
THE_ONE_IN = re.compile(r"^\s*(?:and|but|so|what about|how about)\s+(?:the\s+)?(?:one|ones|same)\s+"
                        r"(in|from|at|of|on|by)\s+(.+?)\s*\??\s*$", re.I)


def _in_other_source(thread: Thread, question: str, index: LoadedIndex | None) -> Thread | None:
    """"Who's the ONS person quoted in the Northampton article?" then "and the one in the Echo piece?": the earlier
    question asked of the source the turn names instead of its own ("who's the ONS person quoted in the Echo
    piece"), searched in that source with nothing quoted yet. The phrase of the earlier question that named its
    source ("in the Northampton drugs article") gives way; one naming none keeps its words and gains the turn's.
    None when the turn is no such "the one in ...", the thread was not answered or the turn names no other source."""
    asked = THE_ONE_IN.match(question)
    if asked is None or index is None or not thread.answered:
        return None
    named = asking.named_sources(question, index)
    if not named or thread.document in named:
        return None
    preposition, there = asked.groups()
    phrases = list(re.finditer(rf"\b{preposition}\s+(?:(?!\b(?:in|from|at|of|on|by|per)\b)\S+\s*)+", thread.question,
                               re.I))
    sourced = [p for p in phrases if any(p.start() <= m.start() < p.end()
                                         for m, _ in asking.source_mentions(thread.question, index))]
    head = thread.question[:sourced[-1].start()] if sourced else thread.question.rstrip(" ?")
    rest = thread.question[sourced[-1].end():] if sourced else ""
    restated = " ".join(f"{head} {preposition} {there} {rest}".split())
    document = next(iter(named)) if len(named) == 1 else ""
    return Thread(restated, document, (), thread.sentences, answered=True, elsewhere=True)


def _elsewhere(question: str, thread: Thread, index: LoadedIndex | None) -> bool:
    """Does a short turn that only leans back by its length name a source other than the thread's document ("Who
    chairs the board?" after a newspaper's answer)? It then stands alone."""
    if index is None or OPENER.match(question) or POINTER.search(EXISTENTIAL.sub(" ", question)):
        return False
    named = asking.named_sources(question, index)
    return bool(named) and thread.document not in named


def carry(query: Query, context: Query | None) -> Query:
    """Keep the last passage answer's thread (or the one a table answer put to sleep) on this turn's query, for
    `thread_of` to judge."""
    if context is None or THREAD in query.extra:
        return query
    kept = {key: context.extra[key] for key in (THREAD, ASLEEP) if key in context.extra and key not in query.extra}
    if not kept:
        return query
    query = query.with_(extra={**query.extra, **kept})
    thread = kept.get(THREAD)
    if isinstance(thread, Thread) and query.is_followup and thread.asks_of_person(query.text) and \
            not places_in(query.text) and not re.search(r"\bthere\b", query.text, re.I):
        # "What did he pledge to residents?" after "Which chief constable met the Home Secretary in Southend?":
        # asked of the person, not of the place the earlier question named
        return query.with_(areas=(), unknown_places=())
    return query


def ended(context):
    """The context of a table answer: the passage thread it was asked in sleeps (a next "when was that?" is about
    the table answer, not the passage before it; "and what did the Echo say about Basildon?" wakes it)."""
    if isinstance(context, Query) and THREAD in context.extra:
        kept = {k: v for k, v in context.extra.items() if k != THREAD}
        return context.with_(extra={**kept, ASLEEP: context.extra[THREAD]})
    return context


def threaded(query: Query, question: str, document: str, sentences: tuple[int, ...],
             earlier: Thread | None, said: str = "") -> Query:
    """The context a passage answer leaves: a thread from this question (or, for a follow-up, from the
    question the thread started with, so a third turn still knows the topic), with the people `said` (the quoted
    text) names that the question did not, for a next "what's his job title?"."""
    start = earlier.search_text(question) if earlier is not None else question
    before = earlier.sentences if earlier is not None else ()
    return query.with_(extra={**query.extra, THREAD: Thread(start, document, sentences, before,
                                                            people(said, start))})


def unanswered(query: Query, question: str, index: LoadedIndex) -> Query:
    """The context a passage question the documents did not answer leaves: a thread with no quote, in the one
    document the question names by its source or by its meeting's date ("... the 27 September 2012 panel
    meeting?"), or, for a list, the one document with a heading naming it ("Priority Areas for 2024/25"), so that
    "and who attended from the Home Office?" is still asked of that meeting and "the third one?" read in that list;
    in no document
    when it names no one document, so that "when was that?" is known to point at nothing found (see `unfounded`).
    A follow-up keeps the thread it was asked in."""
    if THREAD in query.extra:
        return query
    named = asking.named_sources(question, index)
    months = {month for month, _ in dates_in(question)}
    dated = {d.id for d in index.documents.values() if series.meeting_month(d) in months and any(
        o.id != d.id and series.same_series(o.title, d.title) for o in index.documents.values())}
    found = named & dated if named and dated else named or dated
    document = found.pop() if len(found) == 1 else ""
    if not found and wants(question).many:  # "What are the priority areas for 2024/25?": the list's own heading
        document = pointing.document_listing(facts_for(index), question)
    return query.with_(extra={**query.extra, THREAD: Thread(question, document, (), answered=False)})


def dated(earlier: Thread) -> bool:
    """Did the question the thread started from name a year ("... in the year to March 2021?")? A time a next turn
    tells from it ("the year before that") is then told from that year."""
    return bool(YEAR.search(earlier.question))


def unfounded(earlier: Thread, question: str) -> bool:
    """"When was that?" after a question the documents did not answer, in no document it named: the turn asks
    only about what was not found, so it has nothing to point at."""
    return not earlier.answered and not earlier.document and earlier.adds_nothing(question)


def quoted_again(facts: IndexFacts, earlier: Thread, question: str, worded: bool = False) -> tuple[int, ...]:
    """"How many offences was that?", "Since when?", "Which of the two rose more?": a turn naming nothing new,
    asking a fact the last answer's sentences (or, for "the two", the last two answers') already hold. Empty
    when it names something new, asks for another one ("who else?", "the next one"), or they hold no such fact.
    `worded`: only a turn whose own words the quote holds ("who confirmed that?" after "AS also confirmed ...",
    "taking the total to?" after "by 905 officers, to 3,755"), which no other moment's line answers better than the
    quote that already says it."""
    untimed = YEAR_BEFORE.sub(" ", RELATIVE.sub(" ", question))  # "the previous year" names no previous item
    if not earlier.sentences or ANOTHER.search(question) or STEP.search(question) or \
            ordinal(untimed) and not _ordinal_quoted(untimed, facts, earlier.sentences):
        return ()
    # "Which fell more in percentage terms?" after two answers, naming nothing of its own: both quotes weigh it
    weighs = bool(earlier.before and WHICH_MORE.search(question)) and not any(
        find(question) for find in (places_in, crimes_in, dates_in))
    quoted = (*earlier.before, *earlier.sentences) if TWO.search(question) or weighs else earlier.sentences
    said = " ".join(facts.text(facts.index.sentences[i]) for i in quoted)
    if weighs and re.search(r"\d", said):  # a figure in each is what is weighed
        return tuple(dict.fromkeys(quoted))
    # "rose from 2,434 to 3,262", "Apr–Sep 2025: 14.2% Apr–Sep 2024: 12.6%": a quote that gives the time before too;
    # "... which represented no change" for "how did that compare to the year before?", which asks only how it moved
    gives_before = told(question) is not LATER_TIME and (CHANGED_FROM.search(said) or two_periods(said) or
                                                         COMPARES.search(question) and CHANGE_STATED.search(said))
    if (RELATIVE.search(question) or YEAR_BEFORE.search(question)) and not told(question).search(said) \
            and not gives_before:
        return ()  # "the year before" asks for another period than the one quoted, unless the quote gives it too
    if gives_before:  # "and in the previous year?": the time asked for is in the quote, no new thing to find
        question = untimed
    # "How many extra officers did it take?" after "... the expansion of Essex Police by 905 officers": a turn
    # pointing back at what the quote already counts asks no new thing, whatever other words it has.
    noun = asking.counted(question).words
    counts = bool(noun) and POINTER.search(EXISTENTIAL.sub(" ", question)) and asking.counts(said, noun[-1])
    # "taking the total to?" after "... the expansion of Essex Police by 905 officers, to 3,755": the level the
    # change the quote states took the figure to
    reaches = bool(TOTAL_ASKED.search(question) and RAISED_TO.search(said))
    # "Who confirmed that?" after "AS also confirmed ...": every word the turn adds is in the quote already.
    # "Who is going to staff it?" after "It will be staffed by ...": a word's other form counts ("staff", "staffed").
    asked_before, quoted_terms = content_terms(earlier.question) | AUXILIARY, content_terms(said)
    new = [w for w in re.findall(r"[A-Za-z]+", unframed(question)) if content_terms(w) - asked_before]
    held = bool(new) and all(_holds(quoted_terms, w) or leads(w, quoted_terms) for w in new) and \
        bool(POINTER.search(question))
    # "How many year 9 girls came?" after "... held in Central Park with approximately 100 Year 9 girls in
    # attendance": a count of a thing the quote names, asked with a verb that only says they took part
    counted_words = [w for w in re.findall(r"[A-Za-z]+", unframed(question))
                     if content_terms(w) - TAKING_PART - ROUGHLY - FUNCTION_WORDS]
    joined = wants(question).count and bool(counted_words) and all(_holds(quoted_terms, w) for w in counted_words) \
        and TOOK_PART_IN_IT.search(question)
    if worded:
        counts = joined = False
    if not counts and not reaches and not held and not joined and (worded or not earlier.adds_nothing(question)):
        return ()
    named = " ".join(facts.text(facts.index.sentences[i]) for i in introducing(facts, earlier.document, quoted))
    return tuple(dict.fromkeys(quoted)) if wants(question).fits(f"{named} {said}", question) else ()


def _ordinal_quoted(question: str, facts: IndexFacts, sentences: tuple[int, ...]) -> bool:
    """Does the quote hold the turn's order word with the word after it ("when were their first sessions?" after
    "... First sessions held 12 January 2027")? The word then names the thing quoted, not an item of a list."""
    said = " ".join(facts.text(facts.index.sentences[i]) for i in sentences)
    return any(re.search(rf"\b{m.group(1)}\s+{re.escape(m.group(2))}\b", said, re.I)
               for m in re.finditer(rf"\b({'|'.join(POSITIONS)}|last)\s+([A-Za-z]+)", question, re.I))


def ranked_in_quote(facts: IndexFacts, earlier: Thread, question: str) -> tuple[int, ...]:
    """"And which came second, with how many?" after "... is the ward with the highest number (44), with Marconi
    ward being the second with 10 offences": the quote itself ranks them, so it answers again when it writes the
    order the turn names and holds the kind of fact asked. Empty when the quote is a list (the turn then names
    one of its items) or writes no such order."""
    word = ordinal(question)
    if word not in ORDINALS or not earlier.sentences:
        return ()
    said = " ".join(facts.text(facts.index.sentences[i]) for i in earlier.sentences)
    listed = any(len(pointing.items_of(facts, i)) > 1 for i in earlier.sentences)
    if listed or not re.search(rf"\b{word}\b", said, re.I):
        return ()
    return tuple(earlier.sentences) if wants(question).fits(said, question) else ()


AUXILIARY = content_terms("going gone goes go will would shall should can could may might")
# Verbs that only say people or bodies took part in what the quote describes ("came", "helped out", "turned up"): a
# count the quote puts to them answers "how many businesses helped out?" whatever verb the quote uses.
TAKING_PART = content_terms("come came coming comes went attend attended attending attends turn turned show showed "
                            "shown join joined joining help helped helping contribute contributed contributing take "
                            "took taking part participate participated participating involve involved present out up "
                            "along there")
ROUGHLY = content_terms("about roughly around approximately approx nearly almost some")  # "about how many ...?"
def _holds(terms: set[str], word: str) -> bool:
    """Are the word's terms, in some form of it, among the terms ("staff" as "staffed" is)?"""
    return any(content_terms(form) and content_terms(form) <= terms
               for form in (word, f"{word}ed", f"{word}ing", f"{word}s", f"{word.removesuffix('e')}ed"))


def followed(facts: IndexFacts, earlier: Thread, question: str) -> tuple[Thread, tuple[int, ...]]:
    """The thread this turn is searched on (moved to another meeting's document when it names one) and the lines
    that answer it without a search: the other meeting's counterpart of the last quote, the other people of the
    last answer's section ("who else?"), the one of its items the turn picks ("which of them ...?"), what the
    person it named said, the last quote itself ("since when?"), or the line beside it that holds what the turn
    adds ("how much was allocated?", "when was it produced?"); see `pointing`."""
    there = thread_meetings.moved(facts.index, earlier, question)
    if there is not earlier:  # "which items is he presenting at the January board?": that meeting's rows naming him
        return there, thread_meetings.parallel(facts, earlier, there, question) or \
            thread_cells.person_rows(facts, there, question)
    quoted, own = list(earlier.sentences), unframed(question)
    asked = wants(f"{earlier.question} {question}")

    def fits(text: str) -> bool:  # holds the kind of fact the turn asks for ("how many officers": officers counted)
        return asked.fits(text, question) and not _kind_missing(question, [text])

    return earlier, named_besides(facts, earlier, question) or nearby.other_time(facts, earlier, question) or \
        quoted_again(facts, earlier, question, worded=True) or \
        thread_times.at_another_time(facts, earlier, question) or \
        thread_cells.row_picked(facts, earlier, question) or thread_cells.person_rows(facts, earlier, question) or \
        thread_cells.quoted_row(facts, earlier, question) or thread_cells.other_cell(facts, earlier, question) or \
        pointing.reason_given(facts, quoted, question) or \
        pointing.one_of_them(facts, quoted, earlier.question, question) or \
        pointing.said_by(facts, quoted, earlier.names, question) or \
        thread_times.next_time(facts, earlier, question, earlier.role()) or \
        thread_people.successor_lines(facts, earlier, question) or \
        thread_people.party_line(facts, earlier, question) or thread_people.person_lines(facts, earlier, question) or \
        ranked_in_quote(facts, earlier, question) or quoted_again(facts, earlier, question) or \
        nearby.told_around(facts, earlier, question) or nearby.placed_near(facts, earlier, question) or \
        nearby.sibling_named(facts, earlier, question) or \
        pointing.added_near(facts, quoted, earlier.question, own, [a for _, a in places_in(question)], fits) or \
        pointing.kind_near(facts, quoted, earlier.question, own, fits) or \
        thread_rows.row_named(facts, earlier, question)


def step_in_list(facts: IndexFacts, earlier: Thread, question: str) -> int | None:
    """"What's the second one?", "and the next one?", "and the one before?": the item of the last answer's list
    the question names by its order, or the one after or before the item it gave (for a dated line, the line of
    the same topic dated next or before it); None when it names none or the last answer was from no list."""
    word = ordinal(question) or bare_step(question)
    if word in ORDINALS and not earlier.sentences and earlier.document and _names_item(question):
        # "what's the third one on the list?" after a list question the documents did not answer, whose list a
        # heading of one document names
        first = next(i for i, s in enumerate(facts.index.sentences) if s.document == earlier.document)
        return pointing.listed_under(facts, [first], earlier.question, ORDINALS[word])
    if not word or not earlier.sentences:
        return None
    quoted = list(earlier.sentences)
    listed = with_list(facts, quoted[0], True) if word in ORDINALS or word == "last" else []
    items = [facts.index.sentence_position[(s.document, s.start)] for s in listed]
    items = [i for i in items if not facts.text(facts.index.sentences[i]).rstrip().endswith(":")]
    if word in ORDINALS:  # or, when the last answer quoted no list that long, the list the question asked for
        n = ORDINALS[word]
        if n < len(items):
            return items[n]
        return pointing.listed_under(facts, quoted, earlier.question, n) if items or _names_item(question) else None
    if word == "last" and items:
        return items[-1]
    step = {"next": 1, "previous": -1}.get(word)
    if step is None:
        return None
    stepped = pointing.step_listed(facts, quoted, earlier.question, step, ORDINALS)
    if stepped is not None:
        return stepped
    j = (quoted[-1] if step > 0 else quoted[0]) + step
    same = 0 <= j < len(facts.index.sentences) and facts.index.sentences[j].document == earlier.document
    edge = quoted[-1] if step > 0 else quoted[0]  # an item's neighbour is the next item; a paragraph's is no step
    if same and is_item(facts.text(facts.index.sentences[j])) and is_item(facts.text(facts.index.sentences[edge])):
        return j
    topic = content_terms(earlier.question) - FRAMING - asking.WHEN_WHERE
    return pointing.dated_step(facts, quoted, topic, step)


def _names_item(question: str) -> bool:
    """Does the turn name an item by its order ("the fourth one", "number three"), as "what did they focus on
    first?" does not?"""
    ordered = ORDINAL.search(question)
    return bool(ordered and ordered.group().casefold().endswith((" one", " item")) or NUMBERED.search(question))


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




# "and for the metropolitan police area?", "what about Northern Ireland?", "and in Chelmsford?": a turn that is only
# an opener and the thing it asks the earlier question of.
ASKED_OF = re.compile(r"^\s*(?:and|but|so|ok|okay|what about|how about|same for)\b,?\s*(?:(?:for|in|on|at|across|"
                      r"within|throughout|about|with)\s+)?([^?]+?)\s*\??\s*$", re.I)
# Words that make a turn's rest a question, a clause or a pointer of its own ("and what's the target ...?", "and the
# commissioner who joined them?", "and the third?"), not a thing to ask the earlier question of.
CLAUSE = re.compile(r"\b(?:what|what's|who|whom|whose|when|where|which|why|how|is|are|was|were|do|does|did|has|"
                    r"have|had|can|will|would|he|she|it|they|them|that|this|those|these|there|one|ones|year|month|"
                    r"period|next|last|first|previous|same|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
                    r"tenth|number|other|another|else|before|after)\b", re.I)
# "over those same 12 months", "in the same period", "for that year": the time the earlier question named.
SAME_TIME = re.compile(r"\b(?:same|that|those|this)\s+(?:(?:\d+|twelve|six|three)\s+)?(?:period|months?|years?|"
                       r"time|quarters?|dates?)\b", re.I)
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# "and what will it be in 2025/26?", "what was it in March?": the value the question before asked for, of the time or
# place named after it, in no words of its own.
WHAT_IT_IS = re.compile(r"^\s*(?:(?:and|but|so|ok|okay)\s+)?what(?:'s|’s)?\s+(?:(?:will|would|is|was|are|were)\s+)?"
                        r"(?:it|that|this|they|those)(?:\s+be)?\b", re.I)


def unheld(facts: IndexFacts, earlier: Thread, question: str, sentences: tuple[int, ...]) -> str:
    """Why the lines a search chose for the turn do not answer it, or "". A line for another thing, row, period or
    person than the turn carries is no answer to it, however close in meaning:
    - the thing it asks the earlier question of ("and for the metropolitan police area?" answered by the region's
      line);
    - the row the last answer quoted ("how does that compare with 2024?" after a ward's row of a table, answered
      by the district's line);
    - the person whose tenure it asks ("how long has he been in post?" answered by a line giving no start);
    - the time it says is the same ("over those same 12 months" answered by another year's line);
    nor is a line without the kind of fact the question before asked for, when the turn only points back at it
    ("and what will it be in 2025/26?" after a sum, answered by a line with none). Names are looked for in the
    lines, the line before each, their headings and their documents' titles; a year in all of those but the line
    before, which may be the earlier answer, of that year."""
    index = facts.index
    lines = [facts.text(index.sentences[i]) for i in sentences]
    framing = [*(facts.label(i) for i in sentences),
               *{f"{d.title} {d.date}" for d in (index.documents[index.sentences[i].document] for i in sentences)}]
    before = [facts.text(index.sentences[i - 1]) for i in sentences
              if i > 0 and index.sentences[i - 1].document == index.sentences[i].document]
    around = " ".join([*before, *lines, *framing])
    terms = content_terms(around)
    if TENURE_ASKED.search(question) and earlier.asks_of_person(question):
        person = earlier.names[0]
        named = {*person.split()[-1:], *ROLE.findall(earlier.role())}  # "Orrey", or "the District Commander"
        about = content_terms(" ".join(named)) & terms or PERSONAL.match(around)
        # a line saying since when, or for how long, not any date beside his name
        return "" if about and TENURE.search(around) else f"no passage says since when {person} has held the post"
    asked = ASKED_OF.match(question)
    if asked and len(asked.group(1).split()) <= SHORT_THING and not CLAUSE.search(asked.group(1)) and \
            not places_in(question) and not crimes_in(question):  # a place or crime type: the swap reads its names
        thing = content_terms(asked.group(1)) - content_terms(earlier.question) - FRAMING
        return "" if thing <= terms else f"no passage answers it for {asked.group(1)}"
    row = "" if asked or places_in(question) or names_anew(question, earlier.question) else \
        quoted_row_name(facts, earlier)
    if row and not content_terms(row) <= terms:
        return f"no passage answers it for {row}"
    if (it_is := WHAT_IT_IS.match(question)) and re.search(r"\d|\b[A-Z]", question[it_is.end():]) and \
            wants(question) == Wants() and not wants(earlier.question).fits(" ".join(lines), question):
        return "no passage gives what the question before asked for"
    said = set(YEAR.findall(earlier.question))
    if SAME_TIME.search(question) and not YEAR.search(question) and said and \
            not said & set(YEAR.findall(" ".join([*lines, *framing]))):
        return f"no passage answers it for {' and '.join(sorted(said))}"
    if earlier.elsewhere and any(index.sentences[i].document != earlier.document for i in sentences):
        # "and the one in the Echo piece?": the Northampton article's ONS statistician is no answer for the Echo
        return f"“{index.documents[earlier.document].title}” does not say" if earlier.document else \
            "no one document the question names says"
    if (source := _source_kept(earlier, question, index)) and \
            any(index.sentences[i].document != earlier.document for i in sentences):
        return f"{source} does not say, and the question before asked of it alone"
    return _kind_missing(question, lines)


def held_to_source(earlier: Thread, question: str, index: LoadedIndex) -> bool:
    """Is the turn still asked of the one source the question before named ("how many drug offences in Basildon
    per the Echo?" then "and how many of those were cannabis possession?")? What the thread's document does not say
    is then not found: the tables' figure for the crime type answers another question than the Echo's. A turn naming
    the tables ("and what do the police tables to October 2024 show?") is asked of them instead."""
    from assistant.answer.crossing import TABLES  # crossing reads threads: imported here, not at the top

    return bool(_source_kept(earlier, question, index)) and not TABLES.search(question)


def _source_kept(earlier: Thread, question: str, index: LoadedIndex) -> str:
    """The title of the document the question before named as its source ("... per the Echo"), when this turn
    names none of its own: "and Chelmsford in the same period?" is still asked of what the Echo said, and another
    document's figure for Chelmsford answers another question. "" when the earlier question named no source, or
    the turn names one."""
    if not earlier.answered or earlier.document not in asking.named_sources(earlier.question, index) or \
            asking.named_sources(question, index):
        return ""
    return f"“{index.documents[earlier.document].title}”"


def _kind_missing(question: str, lines: list[str]) -> str:
    """Why lines a search chose lack what the turn itself asks for: "how many officers will be out?" answered by a
    line naming officers but putting no number to them ("officers confirmed that 3 bids were successful"), or "how
    many were issued?" by one with no count at all, or "how many teachers came?" by a line counting pupils; "" when
    they hold it or the turn asks no count. A word that only says something is counted ("people", "number") is no
    thing to look for: "612 responses" counts the people who responded. A turn's own "how many" is no kind the
    earlier question can lend."""
    asked = wants(question)
    if not asked.count:
        return ""
    said = " ".join(lines)
    counted = asking.counted(question)
    nouns = [n for n in counted.words if content_terms(n) - COUNTING]
    if nouns and not asked.change and not any(asking.counts(said, n) or counted_after(said, n) for n in nouns):
        # "how many teachers came?" after "... 78 Year 9 pupils in attendance": a count of another thing
        return f"no passage says how many {counted.phrase or nouns[-1]}"
    return "" if asked.fits(said, question) else "no passage gives that count"


def quoted_row_name(facts: IndexFacts, earlier: Thread) -> str:
    """The name of the one table row the last answer quoted, when the earlier question asked about it by that name
    ("Cotterstone" of "What percentage of Cotterstone residents feel safe after dark?" answered by Cotterstone's
    row): what a turn naming nothing of its own ("how does that compare with 2024?") is still about. "" otherwise."""
    rows = [facts.text(facts.index.sentences[i]) for i in earlier.sentences]
    asked = content_terms(earlier.question)
    names = {cell for row in rows if is_table_row(row) and
             (cell := re.split(r"\t|\s\|\s", row.strip().strip("|"), maxsplit=1)[0].strip()) and
             content_terms(cell) and content_terms(cell) <= asked}  # a header row's first cell is no name asked
    return names.pop() if len(names) == 1 else ""


# "how long has he been in post?": a tenure, which a line gives by a start or a span, never by a due date.
TENURE_ASKED = re.compile(r"\bhow long\b", re.I)
TENURE = re.compile(r"\bsince\b|\bfor (?:(?:more|less|over|under|nearly|almost|about|around) (?:than )?)?"
                    r"(?:\d+|\w+) (?:years?|months?|weeks?)\b|\b(?:joined|appointed|took up|took over|started|began|"
                    r"elected|arrived)\b", re.I)
SHORT_THING = 6  # words: "and for the metropolitan police area?" names a thing; a longer turn asks a new question
