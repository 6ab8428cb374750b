"""Follow-ups to a passage answer: "What's his job title?", "And when was the last one in Melbourne?",
"What's the second one?".

A passage answer leaves a thread in its context: the question it answered, the document and the sentences
it quoted. A next turn that leans on it (opens with "and"/"what about", points back with a pronoun, names
an item by order, or is too short to stand alone) is read with the earlier question's words as its topic and
searched in the same document first; one that stands on its own ignores the thread.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answer.facts import IndexFacts, is_item
from assistant.answer.lists import with_list
from assistant.understand.query import Query

THREAD = "passage_thread"
OPENER = re.compile(r"^\s*(and|but|also|so|then|ok|okay|what about|how about|same for)\b", re.I)
POINTER = re.compile(r"\b(he|him|his|she|her|hers|it|its|they|them|their|that|those|these|this one|the two|the same|"
                     r"there|then)\b", re.I)
ORDINAL = re.compile(r"\b(first|second|third|fourth|fifth|last|next|previous|other)\b(?: one| item| project)?",
                     re.I)
ORDINALS = {"first": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4}
SHORT = 5  # words: "Since when?", "When did it start?" cannot stand alone


@dataclass(frozen=True)
class Thread:
    question: str  # the earlier question the thread started from
    document: str
    sentences: tuple[int, ...]  # the sentences quoted, by position in the index

    def search_text(self, question: str) -> str:
        return f"{self.question} {question}"


def leans_back(question: str) -> bool:
    words = re.findall(r"[A-Za-z0-9']+", question)
    return bool(OPENER.match(question) or POINTER.search(question) or ORDINAL.search(question)) or \
        len(words) <= SHORT


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


def threaded(query: Query, question: str, document: str, sentences: tuple[int, ...],
             earlier: Thread | None) -> Query:
    """The context a passage answer leaves: a thread from this question (or, for a follow-up, from the
    question the thread started with, so a third turn still knows the topic)."""
    start = earlier.search_text(question) if earlier is not None else question
    return query.with_(extra={**query.extra, THREAD: Thread(start, document, sentences)})


def ordinal(question: str) -> str:
    match = ORDINAL.search(question)
    return match.group(1).casefold() if match else ""


def step_in_list(facts: IndexFacts, earlier: Thread, question: str) -> int | None:
    """"What's the second one?", "and the next one?": the item of the last answer's list the question names
    by its order; None when it names none or the last answer was not from a list."""
    word = ordinal(question)
    if not word or not earlier.sentences:
        return None
    quoted = list(earlier.sentences)
    items = [facts.index.sentence_position[(s.document, s.start)] for s in with_list(facts, quoted[0], True)] if word in ORDINALS \
        or word == "last" else []
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
