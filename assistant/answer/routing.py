"""Which side a question names as its source: a document that is no table, or the performance summary itself.

"How many shoplifting offences in Hollinsea Central according to the Mercury?" names a newspaper: its figure is the
answer, and the tables' figure for the same row would answer another question (another source, often another
period). "According to the Haldshire Constabulary summary, ..." names the tables' own document: a passage quoting its
header row is no answer. Neither is told from a word list: a source is what the question names as one (a learned
publisher's or masthead's name, a kind of source, or a document word read as where to look: "in the July pack",
"the police report"), and which documents it names is what the index learned (their titles, publishers, kinds and
file names, else their text). The documents a source names decide the side:

- every one of them is a performance summary that is a document of its own (its title is the summary's): the tables;
- none of them holds a performance table: the documents;
- some do and some do not, or a summary printed inside a board pack: neither is told, and the question is routed as
  its other words say.

A figure the question quotes ("the 9,470 fewer crimes - over what timeframe?", "the echo's 18,099 figure") names its
source too: the documents that print it, when no table cell holds it.
"""

from __future__ import annotations

import re

from assistant import vocab
from assistant.answer import source_names
from assistant.answer.facts import facts_for
from assistant.store.load import LoadedIndex
from assistant.text.source_words import document_words, metadata_text
from assistant.understand.periods import read_editions
from assistant.vocab.load import edition_words

TABLES, DOCUMENTS = "tables", "documents"
# A document word read as where to look: after "in", "from", "according to" and the like, "the" and up to three
# words that say which one ("in the July police report", "according to the latest summary", "from this week's
# paper"). A document word elsewhere ("the report found ...") is what a question is about, not where it reads.
_WHERE = re.compile(r"\b(?:in|from|according to|per|within|inside|under)\s+(?:the|this|that|these|those|its|their|"
                    r"your|[a-z]+['’]s)((?:\s+[\w'’-]+){1,4})", re.I)
_KEY = "routing: document words"
_SUMMARY_WORD = re.compile(edition_words()["edition"], re.I)
# A figure quoted as one already given: "the 9,470 fewer crimes", "the echo's 18,099 figure", "that 12.5". A bare
# number ("more than 1,000 burglaries") is a threshold or a claim, not a quotation; a small whole number ("the 6
# districts") and a pair ("the 24/25 grant") are no figure quoted.
_QUOTED = re.compile(r"\b(?:the|that|this|these|those|[a-z]+['’]s)\s+£?(\d{1,3}(?:,\d{3})+|\d{3,}(?:\.\d+)?|\d+\.\d+)"
                     r"(?!\s*(?:/|-\d))", re.I)


def named_side(question: str, index: LoadedIndex) -> str:
    """TABLES when the sources the question names are all the performance summaries, DOCUMENTS when none of them
    holds a table, "" when it names none or the index cannot tell (see the module's docstring)."""
    editions = index.catalogue.editions if index.catalogue is not None else ()
    if not editions:
        return ""
    holding = {edition.document for edition in editions}
    own = {edition.document for edition in editions if _own_document(edition, index)}
    sides = set()
    named = _named(question, index) + [printed for figure in _QUOTED.findall(question)
                                       if (printed := _quoted_elsewhere(figure, index))]
    for documents in named:
        if documents <= own:
            sides.add(TABLES)
        elif not documents & holding:
            sides.add(DOCUMENTS)
        else:
            return ""  # a source the index cannot tell apart from the tables names both
    return sides.pop() if len(sides) == 1 else ""


def _own_document(edition, index: LoadedIndex) -> bool:
    """Is the summary a document of its own (its document's title is the summary's title), rather than printed in
    another one (a board's agenda pack that carries it among its reports)?"""
    document = index.documents.get(edition.document)
    title = vocab.normalise(document.title) if document is not None else ""
    return bool(title) and vocab.normalise(edition.id).startswith(title)


def _named(question: str, index: LoadedIndex) -> list[frozenset[str]]:
    """The documents each source the question names stands for, in the order named (none left empty)."""
    named = [documents for _, documents in source_names.mentions(question, index) if documents]
    # "in the June edition" names that one summary's document, whatever other documents say "edition"; "the July
    # report" or "the June figures" may as well be a board's report or a newspaper's figures, so only a word that
    # always means a summary names one here
    own = set(index.catalogue.editions) if index.catalogue is not None else set()
    editions = [(start, end, edition) for start, end, edition, words in read_editions(question)
                if edition in own and _SUMMARY_WORD.search(words)]
    for match in _WHERE.finditer(question):
        summaries = frozenset(edition.document for start, end, edition in editions
                              if start < match.end() and match.start(1) < end)
        word = next((w for w in match.group(1).casefold().split() if w in document_words()), "")
        if summaries:
            named.append(summaries)
        elif word and (documents := _documents_called(word, index)):
            named.append(documents)
    return named


def _documents_called(word: str, index: LoadedIndex) -> frozenset[str]:
    """The documents a document word ("pack", "summary", "edition") names: those whose title, publisher, kind or
    file name holds it, else those whose text prints it. Worked out once per word and index."""
    known = index.derived.setdefault(_KEY, {})
    if word not in known:
        pattern = re.compile(rf"\b{re.escape(word)}\b")
        called = frozenset(d.id for d in index.documents.values() if pattern.search(metadata_text(d)))
        known[word] = called or frozenset(facts_for(index).documents_holding(word))
    return known[word]


def _quoted_elsewhere(figure: str, index: LoadedIndex) -> frozenset[str]:
    """The documents that print a quoted figure (with or without thousands commas), when no table cell holds it
    and it is no year; else none."""
    whole, _, decimals = figure.replace(",", "").partition(".")
    value = float(figure.replace(",", ""))
    if not decimals and "," not in figure and 1900 <= value <= 2100:
        return frozenset()  # a year says when, not which figure
    frame = index.frame
    if len(frame) and (frame["value"] == value).any():
        return frozenset()
    groups = [whole[max(0, end - 3):end] for end in range(len(whole), 0, -3)][::-1]
    printed = ",?".join(groups) + (rf"\.{decimals}" if decimals else "")
    pattern = re.compile(rf"(?<![\d,.]){printed}(?!\d|[,.]\d)")
    facts = facts_for(index)
    candidates = {*facts.documents_holding(figure.replace(",", "")), *facts.documents_holding(" ".join(groups))}
    return frozenset(doc for doc in candidates if pattern.search(index.documents[doc].text))
