"""Follow-ups to a passage answer: "What's his job title?", "And when was the last one in Melbourne?",
"What's the second one?", "And across Essex?", "How many was that?", "Which of the two rose more?".

A passage answer leaves a thread in its context: the question it answered, the document and the sentences
it quoted (and those of the answer before, for "the two"). A next turn that leans on it (opens with
"and"/"what about", points back with a pronoun, names an item by order, or is too short to stand alone) is read
with the earlier question's words as its topic and searched in the same document first; one that stands on its
own ignores the thread.

What a follow-up says is read as plain English, never as one corpus's names: a place or a crime type it names
takes the place of the one the earlier question named ("And across Essex?" after "... fall in Southend?" asks
how much it fell across Essex, not in Southend), and the words that only say how it leans back ("the year
before", "which of the two", "compared with") are no topic to find.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant import vocab
from assistant.answer.facts import IndexFacts, is_item
from assistant.answer.lists import with_list
from assistant.answer.wants import wants
from assistant.text.terms import content_terms
from assistant.understand.places import read_places
from assistant.understand.query import OFFENCES, Query

THREAD = "passage_thread"
OPENER = re.compile(r"^\s*(and|but|also|so|then|ok|okay|what about|how about|same for)\b,?", re.I)
POINTER = re.compile(r"\b(he|him|his|she|her|hers|it|its|they|them|their|that|those|these|this one|the two|the same|"
                     r"there|then|both|either|neither)\b", re.I)
ORDINAL = re.compile(r"\b(first|second|third|fourth|fifth|last|next|previous|other)\b(?: one| item| project)?",
                     re.I)
# "the one after that", "and the one before?": the next or previous item of the last answer's list.
STEP = re.compile(r"\b(?:one|item|meeting|date|project)s? (after|before)\b(?! (?-i:[A-Z])| \d)", re.I)
# "the year before", "a year earlier", "before that": a time told from the last answer's.
RELATIVE = re.compile(r"\b(?:the (?:year|month|week|day|time|period) (?:before|after)|(?:a|one) (?:year|month) "
                      r"(?:earlier|later|before|after)|(?:before|after|since|until) (?:that|then)|"
                      r"the (?:previous|following|same) (?:year|period|time))\b", re.I)
EXISTENTIAL = re.compile(r"\b(?:is|are|was|were|be|been|isn't|aren't|wasn't|weren't) there\b", re.I)
ORDINALS = {"first": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4}
SHORT = 5  # words: "Since when?", "When did it start?" cannot stand alone
# Words that only say how a follow-up leans on the last answer: comparing, the time around it, "else". They are
# no topic to find (the answer to "how many the year before?" need not say "before").
FRAMING = content_terms("compare compared comparison versus more less fewer higher lower bigger smaller larger "
                        "most least two both either neither else before after earlier later prior since then "
                        "year years time one ones increase decrease saw see seen went whole overall altogether entire")
TWO = re.compile(r"\b(the two|both|which of them|either of them|each of them|which one|the pair)\b", re.I)
TWO_OF = re.compile(r"\b(?:which|what|who) (?:one )?of (?:the|these|those) two(?: \w+)?|\b(?:the|these|those) two\b|"
                    r"\bboth(?: of them)?\b", re.I)
ANOTHER = re.compile(r"\b(else|other|another|others)\b", re.I)
# "What do the tables show for that?", "and the police figures?": the performance tables, not a document, asked
# what they show (a sentence that mentions "performance data" asks nothing of them).
TABLES = re.compile(r"\b(?:the|these|those|your) (?:performance |police |crime |recorded |latest |official )*"
                    r"(?:tables?|figures|statistics|stats|data|numbers|performance summary)\b", re.I)
SHOWS = re.compile(r"\s*(?:show|shows|say|says|said|give|gives|have|has|hold|holds|tell)\b", re.I)
PREPOSITION = r"(?:(in|across|for|at|within|throughout|around|over)\s+)"


@dataclass(frozen=True)
class Thread:
    question: str  # the earlier question the thread started from, with what later turns replaced swapped in
    document: str
    sentences: tuple[int, ...]  # the sentences quoted, by position in the index
    before: tuple[int, ...] = ()  # the sentences the answer before quoted, for "which of the two"

    def search_text(self, question: str) -> str:
        """What this turn asks about: the earlier question with the place or crime type an "and ...?" or "what
        about ...?" names in place of its own, then this turn's other words, less those that only say how it
        leans back."""
        earlier, own = self._read(question)
        return " ".join(f"{earlier} {own}".split())

    def adds_nothing(self, question: str) -> bool:
        """Does this turn only ask for another kind of fact about what was just answered ("How many was that?",
        "Since when?", "Which of the two rose more?"), naming nothing new?"""
        earlier, own = self._read(question)
        return earlier == self.question and not content_terms(own) - content_terms(self.question)

    def _read(self, question: str) -> tuple[str, str]:
        """(the earlier question, this turn's own words). Only an "and ...?" or "what about ...?" replaces what
        the earlier question named; "which one is in Melbourne?" narrows the last answer instead."""
        own = _unframed(question)
        return _swap(self.question, own) if OPENER.match(question) and not TWO.search(question) else \
            (self.question, own)


def leans_back(question: str) -> bool:
    """Does the turn lean on the last answer: an opener, a word pointing back, an item by its order, a time told
    from the last answer's, or too few words to stand alone?"""
    words = re.findall(r"[A-Za-z0-9']+", question)
    pointing = EXISTENTIAL.sub(" ", question)  # "how many were there" points at nothing
    return bool(OPENER.match(question) or POINTER.search(pointing) or ORDINAL.search(question)
                or RELATIVE.search(question) or STEP.search(question)) or len(words) <= SHORT


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
             earlier: Thread | None) -> Query:
    """The context a passage answer leaves: a thread from this question (or, for a follow-up, from the
    question the thread started with, so a third turn still knows the topic)."""
    start = earlier.search_text(question) if earlier is not None else question
    before = earlier.sentences if earlier is not None else ()
    return query.with_(extra={**query.extra, THREAD: Thread(start, document, sentences, before)})


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
    if not earlier.sentences or not earlier.adds_nothing(question) or ANOTHER.search(question) or \
            ordinal(question) or STEP.search(question):
        return ()
    quoted = (*earlier.before, *earlier.sentences) if TWO.search(question) else earlier.sentences
    wanted = wants(question)
    said = " ".join(facts.text(facts.index.sentences[i]) for i in quoted)
    return tuple(dict.fromkeys(quoted)) if wanted.fits(said, question) else ()


def ordinal(question: str) -> str:
    match = ORDINAL.search(question)
    if match:
        return match.group(1).casefold()
    step = STEP.search(question)
    return {"after": "next", "before": "previous"}[step.group(1).casefold()] if step else ""


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


def _unframed(question: str) -> str:
    """The turn less its opener and the words that only say how it leans back."""
    text = TWO_OF.sub(" ", OPENER.sub("", question))
    pieces = re.split(r"([A-Za-z0-9']+)", text)
    return "".join("" if k % 2 and (terms := content_terms(piece)) and terms <= FRAMING else piece
                   for k, piece in enumerate(pieces))


def _swap(earlier: str, own: str) -> tuple[str, str]:
    """(earlier, own) with the place and the crime type `own` names put in the place of those `earlier` names,
    and taken out of `own`; unchanged when `own` names neither or `earlier` names none to replace."""
    for find in (_places, _crimes):
        new, old = find(own), find(earlier, generic=True)
        if not new or not old or {name for name, _ in new} & {name for name, _ in old}:
            continue
        phrase = " and ".join(_said(own, alias) for _, alias in new)
        with_preposition = bool(re.match(PREPOSITION, phrase, re.I))
        swapped = earlier
        for _, alias in old:
            swapped = re.sub(_pattern(alias, with_preposition), lambda _: phrase, swapped, count=1, flags=re.I)
        if swapped != earlier:
            earlier = swapped
            for _, alias in new:
                own = re.sub(_pattern(alias, with_preposition=True), " ", own, count=1, flags=re.I)
    return earlier, own


def _places(text: str, generic: bool = False) -> list[tuple[str, str]]:
    """The places a text names, by (name, words it names them by): those the vocabulary knows, and a capitalised
    name after "in" that it does not ("in Wexmoor"). `generic` is `_crimes`' flag: no place is generic."""
    norm = vocab.normalise(text)
    known = [(hit.name, hit.alias) for _, hit in vocab.find_places(norm)]
    named = {name for name, _ in known}
    return known + [(name, name) for name in read_places(text, norm).unknown if name not in named]


def _crimes(text: str, generic: bool = False) -> list[tuple[str, str]]:
    """The crime types a text names; a bare 'crime' or 'offences' only when `generic` (it can be replaced, but
    it names nothing to replace with)."""
    return [(hit.name, hit.alias) for hit in vocab.find_crime_types(vocab.normalise(text))
            if generic or hit.alias not in vocab.GENERIC_CRIME_WORDS]


def _pattern(alias: str, with_preposition: bool) -> str:
    words = r"\W+".join("(?:and|&)" if word == "and" else re.escape(word) for word in alias.split())
    return (PREPOSITION + "?" if with_preposition else "") + rf"\b{words}\b"


def _said(text: str, alias: str) -> str:
    """The alias as the text writes it, with the preposition before it ("across Essex")."""
    match = re.search(_pattern(alias, with_preposition=True), text, re.I)
    return match.group() if match else alias
