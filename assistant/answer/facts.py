"""What passage selection needs to know about each document and sentence, worked out once per loaded index.

Selecting a sentence used to rescan every document's full text for years and places and re-derive every
candidate's term set on each question; at ten thousand passages that scan was most of an answer's time.
Here each document's years and word set, each sentence's terms and its *context label* are computed the
first time they are asked for and kept for the life of the index.

The context label is what gives a line outside running prose its meaning: the headings above it, the short
opening lines of its section and of the sections it sits in ("Minutes of the Meeting on 26th July 2024",
"Present:"), and, for a list item or a table row, the line that introduces the list or the table's header
row. "Keith Nicholson – Director of Public Places, Chelmsford City Council (Chair)" answers "who chaired the
July meeting?" only when read with "Minutes of the Meeting on 26th July 2024" and "Present:".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from assistant.records import Document
from assistant.answer.wants import dated_months
from assistant.text.dates import MONTHS, month_number
from assistant.store.load import LoadedIndex, Sentence
from assistant.text.terms import content_terms, content_terms_of

YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
YEAR_SPAN = re.compile(r"\b(20[0-4]\d)\s*[-/–]\s*(\d\d)\b")  # "2016-17", "2024/25"
WORD = re.compile(r"[a-z0-9]+")
# A line that is one item of a list or a table: a bullet, a numbered item, a tab-separated row.
ITEM = re.compile(r"^\s*(?:[-•❖*·]|\d{1,2}[.)]?\s|\(?[a-z]\)\s)|\t")
LEAD_MAX_CHARS = 120  # a section's opening line this short reads as its subtitle ("Present:")
LEAD_LINES = 3
HEADING_WORDS = 10
# Three or more single lower-case words listed: "north, south, and west", "flu, measles and mumps".
LISTED = re.compile(r"(?<![\w-])([a-z]{3,}), ([a-z]{3,}),? (?:and|or) ([a-z]{3,})\b")


def years_in(text: str) -> set[str]:
    """Years a text names, with spans like "2016-17" read as both years."""
    years = set(YEAR.findall(text))
    for first, second in YEAR_SPAN.findall(text):
        years |= {first, first[:2] + second}
    return years


# "24/25", "2025/26": a financial year, read as one period ("25/26" is not "24/25", though both touch 2025).
YEAR_PAIR = re.compile(r"(?<![\d/])(?:20)?(\d\d)\s*/\s*(\d\d)(?![\d/])")


def year_pairs(text: str) -> set[str]:
    """Financial or academic years a text names, as "2025/26"."""
    return {f"20{a}/{b}" for a, b in YEAR_PAIR.findall(text) if int(b) == int(a) + 1}


_MONTH_NAMES = "|".join(MONTHS)
DATE = re.compile(rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?({_MONTH_NAMES})\s+((?:19|20)\d\d)\b|"
                  r"\b\d{1,2}/(\d{1,2})/((?:20)?\d\d)\b", re.I)


def months_dated(text: str) -> list[tuple[int, int]]:
    """(year, month) of each full date a text gives ("1st November 2024", "November 2024", "13/12/24")."""
    found = []
    for name, year, month, short_year in DATE.findall(text):
        if name:
            found.append((int(year), month_number(name)))
        elif 1 <= int(month) <= 12:
            found.append((2000 + int(short_year) % 100, int(month)))
    return found


def document_month(date: str) -> tuple[int, int] | None:
    """The (year, month) a document is dated, from its "2024-12-05" or "2024-04 (approx; ...)"."""
    match = re.match(r"\s*(\d{4})-(\d\d)", date)
    return (int(match.group(1)), int(match.group(2))) if match else None


def passed_by(text: str, date: str) -> str:
    """The text's dates in words when every one is before the month its document is dated; empty otherwise."""
    dated, written = months_dated(text), document_month(date)
    if not dated or written is None or max(dated) >= written:
        return ""
    return " and ".join(dict.fromkeys(f"{MONTHS[m - 1]} {y}" for y, m in dated))


def is_item(line: str) -> bool:
    return bool(ITEM.search(line))


def is_table_row(line: str) -> bool:
    """A tab-separated row that is not a numbered item ("3.<tab>Strategic Infrastructure")."""
    return "\t" in line and not re.match(r"\s*\d{1,2}[.)]", line)


@dataclass
class DocumentFacts:
    years: set[str]
    words: frozenset[str]  # every lower-cased word, to rule a place out without a regex over the text


@dataclass
class IndexFacts:
    """Lazily filled, per loaded index: see the module docstring."""

    index: LoadedIndex
    documents: dict[str, DocumentFacts] = field(default_factory=dict)
    terms: dict[int, frozenset[str]] = field(default_factory=dict)
    labels: dict[int, str] = field(default_factory=dict)
    section_years: dict[tuple[str, int], set[str]] = field(default_factory=dict)
    known: tuple[set[str], set[str]] | None = None
    chunk_terms: list[frozenset[str]] | None = None
    term_sets: dict[str, frozenset[str]] = field(default_factory=dict)  # other cached term sets, by key
    postings: dict[str, list[int]] | None = None
    spelling: dict[str, str | None] = field(default_factory=dict)
    by_chunk: dict[int, list[int]] | None = None
    chunk_of: np.ndarray | None = None

    def sentences_of(self, chunk: int) -> list[int]:
        if self.by_chunk is None:
            self.by_chunk = {}
            for i, s in enumerate(self.index.sentences):
                self.by_chunk.setdefault(s.chunk, []).append(i)
        return self.by_chunk.get(chunk, [])

    def sentence_chunks(self) -> np.ndarray:
        """The chunk of every sentence, as an array, to spread chunk similarities over their sentences."""
        if self.chunk_of is None:
            self.chunk_of = np.array([s.chunk for s in self.index.sentences], dtype=np.int64)
        return self.chunk_of

    def covering(self, weights: dict[str, float], share: float) -> set[int]:
        """Sentences whose own words and context label together hold `share` of the weighted terms: lines
        outside running prose ("Keith Nicholson – ... (Chair)" under "Present:") that passage retrieval,
        ranking whole passages, can miss."""
        postings = self._postings()
        total: dict[int, float] = {}
        for term, weight in weights.items():
            for i in postings.get(term, ()):
                total[i] = total.get(i, 0.0) + weight
        return {i for i, w in total.items() if w >= share}

    def prepare(self) -> None:
        """Work out now what questions would otherwise work out on first use: every sentence's terms and context
        label with their postings, and each document's years and words (seconds at ten thousand passages)."""
        self._postings()
        for doc_id in self.index.documents:
            self.document(doc_id)

    def _postings(self) -> dict[str, list[int]]:
        """term -> the sentences whose own words or context label hold it, built once."""
        if self.postings is None:
            postings: dict[str, list[int]] = {}
            for i in range(len(self.index.sentences)):
                for term in self.sentence_terms(i) | self.label_terms(i):
                    postings.setdefault(term, []).append(i)
            self.postings = postings
        return self.postings

    def known_terms(self) -> tuple[set[str], set[str]]:
        """(every term the passages and headings hold, the terms only documents' titles, publishers and kinds
        or the tables' areas and crime types hold): a question word in neither is a topic the documents do not
        cover ("Harlow" is in the tables even when no passage names it)."""
        if self.known is None:
            vocab = set(self.index.bm25.vocab_dict)
            catalogue = self.index.catalogue
            tables = " ".join([a.name for a in catalogue.areas] + [c.label for c in catalogue.crime_types])
            meta = content_terms(" ".join(f"{d.title} {d.publisher} {d.kind} {re.sub(r'[-_.]', ' ', d.id)}"
                                          for d in self.index.documents.values())
                                 + " " + tables)
            headings = content_terms(" ".join(" ".join(c.section_path) for c in self.index.chunks))
            if self.chunk_terms is None:
                self._fill()
            # The passages' own content terms too: the folded forms ("won" read as "win", "drop-in") are theirs.
            vocab |= set().union(*self.chunk_terms) if self.chunk_terms else set()
            self.known = (vocab | headings, meta - vocab - headings)
        return self.known

    def document(self, doc_id: str) -> DocumentFacts:
        found = self.documents.get(doc_id)
        if found is None:
            doc = self.index.documents[doc_id]
            text = f"{doc.title} {doc.date} {doc.text}"
            found = DocumentFacts(years_in(f"{doc.date} {doc.text}"), frozenset(WORD.findall(text.casefold())))
            self.documents[doc_id] = found
        return found

    def mentions(self, doc_id: str, place: str) -> bool:
        """Does the document (title or text) name the place? Its word set rules most documents out at once."""
        if not all(word in self.document(doc_id).words for word in WORD.findall(place.casefold())):
            return False
        doc = self.index.documents[doc_id]
        return re.search(rf"\b{re.escape(place)}", f"{doc.title} {doc.text}", re.I) is not None

    def text(self, sentence: Sentence) -> str:
        return self.index.documents[sentence.document].text[sentence.start:sentence.end]

    def _fill(self) -> None:
        """Every sentence's terms and context label's terms, in one tokenizer call (one call per text costs
        far more than the tokenizing); labels repeat, so each distinct one is read once. A passage's terms are
        its sentences'."""
        sentences = self.index.sentences
        labels = [self.label(i) for i in range(len(sentences))]
        distinct = list(dict.fromkeys(labels))
        found = content_terms_of([self.text(s) for s in sentences] + distinct)
        n = len(sentences)
        by_label = dict(zip(distinct, found[n:]))
        self.terms.update(enumerate(found[:n]))
        self.terms.update((-1 - i, by_label[label]) for i, label in enumerate(labels))
        chunk_terms: list[set[str]] = [set() for _ in self.index.chunks]
        for sentence, terms in zip(sentences, found[:n]):
            chunk_terms[sentence.chunk] |= terms
        self.chunk_terms = [frozenset(t) for t in chunk_terms]

    def sentence_terms(self, i: int) -> frozenset[str]:
        if i not in self.terms:
            self._fill()
        return self.terms[i]

    def source_terms(self, doc_id: str) -> frozenset[str]:
        """The terms of a document's publisher, kind and file name ("news release", "election statement")."""
        key = f"source:{doc_id}"
        if key not in self.term_sets:
            doc = self.index.documents[doc_id]
            name = re.sub(r"\.\w+$", "", doc.id)  # "... Minutes - 15 May 2012 meeting.DOC": minutes of a meeting
            self.term_sets[key] = frozenset(content_terms(f"{doc.publisher} {doc.kind} {re.sub(r'[-_]', ' ', name)}"))
        return self.term_sets[key]

    def passage_terms(self, chunk: int) -> frozenset[str]:
        if self.chunk_terms is None:
            self._fill()
        return self.chunk_terms[chunk]

    def label(self, i: int) -> str:
        """Headings, section subtitles and list lead or table header that give sentence i its meaning."""
        found = self.labels.get(i)
        if found is None:
            sentence = self.index.sentences[i]
            found = self.labels[i] = context_label(self.index.documents[sentence.document], sentence.start)
        return found

    def label_months(self, i: int) -> set[str]:
        """The months the nearest heading or lead line that gives a date dates sentence i by ("Minutes of the
        Meeting on 26th July 2024" over the July minutes; the pack's title only when nothing nearer does)."""
        for part in reversed(self.label(i).split(" › ")):
            if found := dated_months(part):
                return found
        return set()

    def label_terms(self, i: int) -> frozenset[str]:
        if -1 - i not in self.terms:  # labels share the term cache under negative keys
            self._fill()
        return self.terms[-1 - i]

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
        it answers nothing on its own."""
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
        section = _section_at(doc, offset)
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


def _section_at(doc: Document, offset: int):
    spans = [sec for sec in doc.sections if sec.start <= offset < sec.end]
    return spans[-1] if spans else None


def context_label(doc: Document, offset: int) -> str:
    """See the module docstring: the words that say what the line at `offset` is about."""
    parts: list[str] = [doc.title]
    section = _section_at(doc, offset)
    path = section.path if section is not None else ()
    parts += list(path)
    # The opening lines of this section and of each enclosing one (the nearest section before this one
    # with that shorter path): "Minutes of the Meeting on 26th July 2024" above "Present:".
    enclosing = [sec for sec in doc.sections if sec.start <= offset and sec.path
                 and sec.path == path[:len(sec.path)]]
    seen: set[tuple[str, ...]] = set()
    for sec in reversed(enclosing):
        if sec.path in seen:
            continue
        seen.add(sec.path)
        parts += _lead_lines(doc.text, sec.start, min(sec.end, offset))
    if section is None or not section.path:  # the preamble before the first heading: its opening lines
        parts += _lead_lines(doc.text, section.start if section is not None else 0, offset)
    line_start = doc.text.rfind("\n", 0, offset) + 1
    line = doc.text[line_start:doc.text.find("\n", offset) if "\n" in doc.text[offset:] else len(doc.text)]
    if is_item(line):
        parts.append(_list_lead(doc.text, line_start, section.start if section is not None else 0))
    return " › ".join(dict.fromkeys(p for p in parts if p))


def _lead_lines(text: str, start: int, end: int) -> list[str]:
    """Up to LEAD_LINES short opening lines of text[start:end] that are not themselves list items."""
    leads: list[str] = []
    position = start
    while position < end and len(leads) < LEAD_LINES:
        stop = text.find("\n", position, end)
        stop = end if stop < 0 else stop
        line = text[position:stop].strip()
        position = stop + 1
        if not line:
            continue
        if len(line) > LEAD_MAX_CHARS or is_item(line) or line.endswith((".", "?", "!")):
            break  # a subtitle ("Present:", "Minutes of the Meeting on ..."), not the section's first sentence
        leads.append(line)
    return leads


def _list_lead(text: str, line_start: int, floor: int) -> str:
    """The line that introduces the list or table a line belongs to: the nearest line above that is not an
    item (for a table, its first row, the header)."""
    position = line_start
    first_row = ""
    while position > floor:
        previous_start = max(text.rfind("\n", floor, position - 1) + 1, floor)
        line = text[previous_start:position - 1].strip()
        position = previous_start
        if not line:
            continue
        if is_table_row(line):
            first_row = line  # keep climbing: the header is the table's first row
            continue
        if first_row:
            return first_row
        if not is_item(line):
            return re.split(r"(?<=[.!?])\s+", line)[-1]  # its last sentence: "... are listed below:"
    return first_row


def same_document(index: LoadedIndex, i: int, sentence: Sentence) -> bool:
    return i >= 0 and index.sentences[i].document == sentence.document


def neighbours(index: LoadedIndex, sentence: Sentence) -> list[Sentence]:
    """The sentence with the one before it in the same document, which often sets its subject."""
    position = index.sentence_position[(sentence.document, sentence.start)]
    before = index.sentences[position - 1] if position > 0 else None
    return [before, sentence] if before is not None and before.document == sentence.document else [sentence]


def facts_for(index: LoadedIndex) -> IndexFacts:
    """The one IndexFacts of a loaded index, kept with it (in `LoadedIndex.derived`) so it goes when the index does."""
    found = index.derived.get(_FACTS)
    if found is None:
        found = index.derived.setdefault(_FACTS, IndexFacts(index))
    return found


_FACTS = "passage facts"
