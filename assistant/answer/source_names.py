"""The names documents go by as sources, learned from the index: a publisher's own name ("Echo (local newspaper,
south Essex)": "Echo") or a masthead title's ("TARNLEY COURIER": "Courier"), so "according to the Echo" or "in
the Courier article" picks that document, in a corpus nobody here has seen, without its name in the code.

A word is a document's name when its publisher or masthead prints it capitalised, it is no place ("Essex"), and
at most one other document prints it at all ("Lanyon", a signatory quoted in every paper, names no one document; the minutes
that mention "the Tattersby Standard" leave it the paper's name). A masthead's word some document also prints as an
ordinary lower-case word ("the standard") names the paper only where the question writes it capitalised, past its
first word ("told the Standard"); a publisher's such word ("Chelmsford City Council") names no document. Kinds of source ("the press release", "the
PFCC") are words people use, kept in text/data/source_words.toml and matched on the same metadata.
"""

from __future__ import annotations

import re

from assistant import vocab
from assistant.answer.facts import facts_for
from assistant.store.load import LoadedIndex
from assistant.text.source_words import kinds, metadata_text

NAME_WORD = re.compile(r"\b[A-Z][A-Za-z'’]{2,}\b")
MASTHEAD_WORDS = 4  # "Vale Courier", "Tattersby Standard": a short title all of names is a paper's masthead
SMALL = {"and", "of", "the", "for", "&"}
KEY = "source names"


def _masthead(title: str) -> bool:
    words = [w for w in title.split() if w.casefold() not in SMALL]
    return 0 < len(words) <= MASTHEAD_WORDS and all(re.fullmatch(r"[A-Z][A-Za-z'’-]*", w) for w in words)


def learned(index: LoadedIndex) -> dict[tuple[str, bool], frozenset[str]]:
    """(name word casefolded, whether only its capitalised form names) -> the documents it names; worked out once
    per index."""
    facts = facts_for(index)
    if KEY not in facts.term_sets:
        documents = list(index.documents.values())
        candidates: dict[str, set[str]] = {}
        mastheads: set[str] = set()
        for doc in documents:
            title = NAME_WORD.findall(doc.title) if _masthead(doc.title) else []
            mastheads |= {w.casefold() for w in title}
            for word in (*NAME_WORD.findall(doc.publisher), *title):
                candidates.setdefault(word.casefold(), set()).add(doc.id)
        pairs = set()
        for word, owners in candidates.items():
            pattern = re.compile(rf"\b{re.escape(word)}\b", re.I)
            holding = [index.documents[d] for d in facts.documents_holding(word)]  # read only where it can be
            printing = {d.id for d in holding if pattern.search(d.text)} - owners
            lower = any(m.group()[:1].islower() for d in holding for m in pattern.finditer(d.text))
            if len(owners) < len(documents) and len(printing) <= 1 and (not lower or word in mastheads) and \
                    not vocab.find_places(vocab.normalise(word)):
                pairs |= {(word, lower, d) for d in owners}
        facts.term_sets[KEY] = frozenset(pairs)
    names: dict[tuple[str, bool], set[str]] = {}
    for word, cased, doc in facts.term_sets[KEY]:
        names.setdefault((word, cased), set()).add(doc)
    return {name: frozenset(docs) for name, docs in names.items()}


def mentions(text: str, index: LoadedIndex) -> list[tuple[re.Match, frozenset[str]]]:
    """(where, which documents) for each source the text names: a learned name or a kind of source."""
    found = []
    for (word, cased), docs in learned(index).items():
        found += [(m, docs) for m in re.finditer(rf"\b{re.escape(word)}\b", text, re.I)
                  if not cased or m.group()[:1].isupper() and text[:m.start()].strip()]
    for kind in kinds():
        matches = list(kind.said.finditer(text))
        if matches:
            docs = frozenset(d.id for d in index.documents.values() if kind.picks(metadata_text(d)))
            found += [(m, docs) for m in matches]
    return _one_per_name(text, found)


def _one_per_name(text: str, found: list[tuple[re.Match, frozenset[str]]]) -> list[tuple[re.Match, frozenset[str]]]:
    """Names written side by side are one source's name: "the Wynfal Gazette" is the paper both words name, not
    every paper called a Gazette. Each run of adjacent mentions becomes one, naming the documents all of them name
    (the run is left as it is when they name none in common)."""
    runs: list[list[tuple[re.Match, frozenset[str]]]] = []
    for mention in sorted(found, key=lambda m: m[0].start()):
        if runs and 0 <= mention[0].start() - runs[-1][-1][0].end() <= 1 and \
                not text[runs[-1][-1][0].end():mention[0].start()].strip():
            runs[-1].append(mention)
        else:
            runs.append([mention])
    merged = []
    for run in runs:
        common = frozenset.intersection(*(docs for _, docs in run))
        if len(run) == 1 or not common:
            merged += run
            continue
        start, end = run[0][0].start(), run[-1][0].end()
        merged.append((re.compile(re.escape(text[start:end])).search(text, start), common))
    return merged
