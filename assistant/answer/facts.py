"""What passage selection needs to know about each document and sentence, worked out once per loaded index.

Selecting a sentence used to rescan every document's full text for years and places and re-derive every
candidate's term set on each question; at ten thousand passages that scan was most of an answer's time.
Here each document's years and word set are computed the first time they are asked for and kept for the life of
the index; each sentence's terms and its *context label* (`text.context`: the headings, subtitles and list lead
that give a line its meaning) come from the build (`store.sentence_facts`), as integer ids in flat arrays.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass

import numpy as np

from assistant.records import Document
from assistant.store.load import LoadedIndex, Sentence
from assistant.store.sentence_facts import IdSets, work_out
from assistant.text.context import is_item, section_at
from assistant.text.dates import dated_months, years_in
from assistant.text.terms import content_terms

WORD = re.compile(r"[a-z0-9]+")
HEADING_WORDS = 10
# Three or more single lower-case words listed: "north, south, and west", "flu, measles and mumps".
LISTED = re.compile(r"(?<![\w-])([a-z]{3,}), ([a-z]{3,}),? (?:and|or) ([a-z]{3,})\b")


@dataclass
class DocumentFacts:
    years: set[str]


SET_CACHE = 4096  # term sets kept built between calls (a question reads a few hundred; see `IndexFacts._set`)


class IndexFacts:
    """Worked out once per loaded index (see the module docstring): term sets as ids (`IdSets`), each sentence's
    context label and the terms of each distinct label, every term's postings, each document's years, and
    which documents name a place. The methods return what they always did (strings and sets of strings)."""

    def __init__(self, index: LoadedIndex):
        self.index = index
        self.documents: dict[str, DocumentFacts] = {}
        self.section_years: dict[tuple[str, int], set[str]] = {}
        self.known: tuple[set[str], set[str]] | None = None
        self.term_sets: dict[str, frozenset] = {}  # other cached sets, by key (answer.asking keeps some here)
        self.spelling: dict[str, str | None] = {}
        self.places: dict[str, frozenset[str]] = {}  # place -> the documents that name it
        self.chunk_of = np.array([s.chunk for s in index.sentences], dtype=np.int64)
        # chunk -> its sentences: each sentence a row holding one id, its chunk, inverted
        self._by_chunk = IdSets(np.arange(len(self.chunk_of) + 1), self.chunk_of.astype(np.int32)).inverted(
            len(index.chunks))
        self._filled, self._filling = False, threading.Lock()
        self._built: dict[tuple[str, int], frozenset[str]] = {}
        self._words: tuple[dict[str, int], IdSets] | None = None
        self._headings = np.full(len(index.sentences), -1, dtype=np.int8)  # is_heading's answers; -1: not asked yet

    def sentences_of(self, chunk: int) -> list[int]:
        return self._by_chunk.row(chunk).tolist()

    def covering(self, weights: dict[str, float], share: float) -> set[int]:
        """Sentences whose own words and context label together hold `share` of the weighted terms: lines
        outside running prose ("Keith Nicholson – ... (Chair)" under "Present:") that passage retrieval,
        ranking whole passages, can miss."""
        self._fill()
        found = [(self._postings.row(k), w) for t, w in weights.items() if (k := self._ids.get(t)) is not None]
        if not found:
            return set()
        # Summed term by term in the order given, as a running total per sentence would be.
        rows = np.concatenate([r for r, _ in found])
        total = np.bincount(rows, np.concatenate([np.full(len(r), w) for r, w in found]),
                            minlength=len(self.index.sentences))
        return set(np.flatnonzero((total >= share) & (np.bincount(rows, minlength=len(total)) > 0)).tolist())

    def prepare(self) -> None:
        """Work out now what questions would otherwise work out on first use: every sentence's terms and context
        label with their postings, and each document's years and words (seconds at ten thousand passages)."""
        self._fill()
        self._document_words()
        for doc_id in self.index.documents:
            self.document(doc_id)

    def _fill(self) -> None:
        """Every sentence's terms and context label's terms, as the build saved them (worked out here for an index
        built under other rules), and every term's postings."""
        if self._filled:
            return
        with self._filling:  # the chat warms an index on one thread while another may ask
            if self._filled:
                return
            found = self.index.sentence_facts or work_out(self.index.documents, self.index.sentences)
            self._labels, self._label_of = found.labels, found.label_of
            self._terms, self._label_terms = found.terms, found.label_terms
            self._names = found.names
            self._ids = {name: k for k, name in enumerate(found.names)}
            self._postings = found.term_postings()  # term -> the sentences whose own words or label hold it
            self._filled = True

    def _set(self, kind: str, k: int) -> frozenset[str]:
        """The strings of row k of a kind of set, built once and kept until SET_CACHE others have been built."""
        found = self._built.get((kind, k))
        if found is None:
            self._fill()
            if kind == "passage":  # a passage's terms are its sentences'
                ids = [j for i in self.sentences_of(k) for j in self._terms.row(i).tolist()]
            else:
                ids = (self._terms if kind == "sentence" else self._label_terms).row(k).tolist()
            if len(self._built) >= SET_CACHE:
                self._built.clear()
            names = self._names
            found = self._built[(kind, k)] = frozenset([names[j] for j in ids])
        return found

    def sentence_terms(self, i: int) -> frozenset[str]:
        return self._set("sentence", i)

    def label_terms(self, i: int) -> frozenset[str]:
        self._fill()
        return self._set("label", int(self._label_of[i]))

    def passage_terms(self, chunk: int) -> frozenset[str]:
        return self._set("passage", chunk)

    def label(self, i: int) -> str:
        """Headings, section subtitles and list lead or table header that give sentence i its meaning."""
        self._fill()
        return self._labels[self._label_of[i]]

    def known_terms(self) -> tuple[set[str], set[str]]:
        """(every term the passages and headings hold, the terms only documents' titles, publishers and kinds
        or the tables' areas and crime types hold): a question word in neither is a topic the documents do not
        cover ("Harlow" is in the tables even when no passage names it)."""
        if self.known is None:
            self._fill()
            vocab = set(self.index.bm25.vocab_dict)
            catalogue = self.index.catalogue
            tables = " ".join([a.name for a in catalogue.areas] + [c.label for c in catalogue.crime_types])
            meta = content_terms(" ".join(f"{d.title} {d.publisher} {d.kind} {re.sub(r'[-_.]', ' ', d.id)}"
                                          for d in self.index.documents.values())
                                 + " " + tables)
            headings = content_terms(" ".join(" ".join(c.section_path) for c in self.index.chunks))
            # The passages' own content terms too: the folded forms ("won" read as "win", "drop-in") are theirs.
            # The ids the sentences hold, by counting (np.unique would import numpy.ma into a new process).
            held = np.flatnonzero(np.bincount(self._terms.ids, minlength=len(self._names)))
            vocab |= {self._names[j] for j in held.tolist()}
            self.known = (vocab | headings, meta - vocab - headings)
        return self.known

    def document(self, doc_id: str) -> DocumentFacts:
        found = self.documents.get(doc_id)
        if found is None:
            doc = self.index.documents[doc_id]
            found = self.documents[doc_id] = DocumentFacts(years_in(f"{doc.date} {doc.text}"))
        return found

    def _document_words(self) -> tuple[dict[str, int], IdSets]:
        """word -> the documents (by position) whose title, date or text holds it, to rule a place out at once."""
        if self._words is None:
            numbers: dict[str, int] = {}
            # Each document's words straight to sorted ids: sets of word strings per document would be freed into
            # the heap and kept there (about 3 KB a passage at ten thousand passages, `make bench-scale`).
            rows = [np.array(sorted({numbers.setdefault(word, len(numbers))
                                     for word in WORD.findall(f"{d.title} {d.date} {d.text}".casefold())}),
                             dtype=np.int32) for d in self.index.documents.values()]
            ptr = np.zeros(len(rows) + 1, dtype=np.int64)
            ptr[1:] = np.cumsum([len(row) for row in rows])
            words = IdSets(ptr, np.concatenate(rows) if rows else np.zeros(0, dtype=np.int32))
            self._words = numbers, words.inverted(len(numbers))
        return self._words

    def mentions(self, doc_id: str, place: str) -> bool:
        """Does the document (title or text) name the place? Worked out once per place, over the documents
        that hold all its words."""
        if place not in self.places:
            documents = self.index.documents
            pattern = re.compile(rf"\b{re.escape(place)}", re.I)
            self.places[place] = frozenset(d for d in self.documents_holding(place) if pattern.search(
                f"{documents[d].title} {documents[d].text}"))
        return doc_id in self.places[place]

    def documents_holding(self, words: str) -> list[str]:
        """The documents whose title, date or text holds every word of `words` (any case, anywhere): the only ones
        a search for the phrase need read."""
        numbers, postings = self._document_words()
        names = list(self.index.documents)
        held = set(range(len(names)))
        for word in WORD.findall(words.casefold()):
            held &= set(postings.row(numbers[word]).tolist()) if word in numbers else set()
        return [names[k] for k in sorted(held)]

    def text(self, sentence: Sentence) -> str:
        return self.index.documents[sentence.document].text[sentence.start:sentence.end]

    def source_terms(self, doc_id: str) -> frozenset[str]:
        """The terms of a document's publisher, kind and file name ("news release", "election statement"), and of
        each of their words alone: "the release" names a press release as much as "the press release" does."""
        key = f"source:{doc_id}"
        if key not in self.term_sets:
            doc = self.index.documents[doc_id]
            name = re.sub(r"\.\w+$", "", doc.id)  # "... Minutes - 15 May 2012 meeting.DOC": minutes of a meeting
            said = f"{doc.publisher} {doc.kind} {re.sub(r'[-_]', ' ', name)}"
            self.term_sets[key] = frozenset(content_terms(said)) | frozenset(
                t for word in said.split() for t in content_terms(word))
        return self.term_sets[key]

    def label_months(self, i: int) -> set[str]:
        """The months the nearest heading or lead line that gives a date dates sentence i by ("Minutes of the
        Meeting on 26th July 2024" over the July minutes; the pack's title only when nothing nearer does)."""
        for part in reversed(self.label(i).split(" › ")):
            if found := dated_months(part):
                return found
        return set()

    def alternatives(self, doc_id: str) -> frozenset[frozenset[str]]:
        """Pairs of lower-case words a document lists side by side as alternatives ("three local policing areas
        in Essex, north, south, and west"): a sentence about one is not about the other."""
        key = f"alternatives:{doc_id}"
        if key not in self.term_sets:
            pairs = set()
            for match in LISTED.finditer(self.index.documents[doc_id].text):
                words = [w for w in match.groups() if w]
                pairs |= {frozenset((a, b)) for a in words for b in words if a != b}
            self.term_sets[key] = frozenset(pairs)  # type: ignore[assignment]
        return self.term_sets[key]  # type: ignore[return-value]

    def is_heading(self, i: int) -> bool:
        """Is sentence i a heading or a subtitle ("AGENDA", "Minutes of the Meeting on 26th July 2024", "Why
        now?"): a short line, not a list item, that the lines after it are read under? It names what follows;
        it answers nothing on its own. Kept per sentence: every candidate's score asks."""
        if self._headings[i] < 0:
            self._headings[i] = self._reads_as_heading(i)
        return bool(self._headings[i])

    def _reads_as_heading(self, i: int) -> bool:
        index = self.index
        sentence = index.sentences[i]
        text = self.text(sentence).strip()
        if i + 1 >= len(index.sentences) or index.sentences[i + 1].document != sentence.document or \
                len(text.split()) > HEADING_WORDS or text.endswith((".", "!", ":")) or is_item(text):
            return False
        # What follows a heading is prose or a list; a run of short lines alike ("Paul Brookes – Director ...",
        # "Spencer Clarke – ...") is a list of entries, each an answer.
        after = self.text(index.sentences[i + 1]).strip()
        prose_or_item = is_item(after) or len(after.split()) > HEADING_WORDS or after.endswith(".")
        return prose_or_item and text.strip("*# ") in self.label(i + 1)

    def in_opening(self, i: int) -> bool:
        """Is sentence i one of its document's particulars (see `opening`)?"""
        sentence = self.index.sentences[i]
        return sentence.end <= len(opening(self.index.documents[sentence.document]))

    def years_around(self, doc_id: str, offset: int) -> set[str]:
        """Years named by the section a position falls in, its headings, the document's date and particulars."""
        doc = self.index.documents[doc_id]
        section = section_at(doc, offset)
        key = (doc_id, section.start if section is not None else -1)
        found = self.section_years.get(key)
        if found is None:
            if section is None:
                found = self.document(doc_id).years
            else:
                found = years_in(" ".join((doc.date, opening(doc), *section.path,
                                           doc.text[section.start:section.end])))
            self.section_years[key] = found
        return found


def opening(doc: Document) -> str:
    """A document's particulars: the lines before its first section with a body ("Crime Sector Panel", "15 May
    2012", "LG Room 5 ..."), whose date dates every section under them."""
    for section in doc.sections:
        if doc.text[section.start:section.end].strip():
            return doc.text[:section.start]
    return ""


def same_document(index: LoadedIndex, i: int, sentence: Sentence) -> bool:
    return i >= 0 and index.sentences[i].document == sentence.document


def same_section(index: LoadedIndex, i: int, sentence: Sentence) -> bool:  # a line under another heading is not
    return same_document(index, i, sentence) and index.chunks[index.sentences[i].chunk].section_path == \
        index.chunks[sentence.chunk].section_path  # about what this one is


def neighbours(index: LoadedIndex, sentence: Sentence) -> list[Sentence]:
    """The sentence with the one before it in the same section, which often sets its subject."""
    position = index.sentence_position[(sentence.document, sentence.start)]
    return [index.sentences[position - 1], sentence] if position > 0 and same_section(index, position - 1, sentence) \
        else [sentence]


def facts_for(index: LoadedIndex) -> IndexFacts:
    """The one IndexFacts of a loaded index, kept with it (in `LoadedIndex.derived`) so it goes when the index does."""
    found = index.derived.get(_FACTS)
    if found is None:
        found = index.derived.setdefault(_FACTS, IndexFacts(index))
    return found


_FACTS = "passage facts"
