"""Each sentence's content terms and context label, worked out by the build and saved with the index.

Passage selection weighs a sentence by its own terms and by its context label's (`answer.facts`). Working them
out for every sentence took a tenth of a second on the repo's corpus and seconds at ten thousand passages, which
a new process paid on its first passage question; read from the build they cost a few milliseconds. They depend
on the documents and on the rules of `text.terms` and `text.context` alone, so the build records a fingerprint
of those rules' files (`rules_fingerprint`): an index built under other rules (the code changed since) has them
worked out afresh when loaded, exactly as the build would, rather than read stale.

Term sets are held as integer ids in flat arrays (`IdSets`): as Python sets, one per sentence, they took more
memory than the text itself at ten thousand passages.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant.records import Document
from assistant.text.context import context_label
from assistant.text.terms import content_terms_of

ARRAYS, STRINGS = "sentence_facts.npz", "sentence_facts.json"
TEXT = Path(__file__).resolve().parent.parent / "text"
# The files whose rules decide a sentence's terms and label: a change to any makes saved facts stale.
RULES = (TEXT / "terms.py", TEXT / "tokens.py", TEXT / "context.py", TEXT / "data" / "abbreviations.toml",
         TEXT / "data" / "same_words.toml", TEXT / "data" / "frame_words.toml")


class IdSets:
    """Sets of ids in one flat array: row k's ids are `ids[ptr[k]:ptr[k + 1]]`."""

    def __init__(self, ptr: np.ndarray, ids: np.ndarray):
        self.ptr, self.ids = ptr, ids

    @classmethod
    def of(cls, rows: list, numbers: dict[str, int]) -> IdSets:
        """The rows' strings as ids, numbering strings not met before (`numbers` grows)."""
        ptr = np.zeros(len(rows) + 1, dtype=np.int64)
        ptr[1:] = np.cumsum([len(row) for row in rows])
        return cls(ptr, np.fromiter((numbers.setdefault(t, len(numbers)) for row in rows for t in row),
                                    dtype=np.int32, count=int(ptr[-1])))

    def __len__(self) -> int:
        return len(self.ptr) - 1

    def row(self, k: int) -> np.ndarray:
        return self.ids[self.ptr[k]:self.ptr[k + 1]]

    def rows(self) -> np.ndarray:
        """The row each id belongs to, in the order of `ids`."""
        return np.repeat(np.arange(len(self), dtype=np.int32), np.diff(self.ptr))

    def inverted(self, size: int) -> IdSets:
        """id -> the rows that hold it, in order (postings)."""
        return postings(self.rows(), self.ids, size)


def postings(rows: np.ndarray, ids: np.ndarray, size: int) -> IdSets:
    """id -> the distinct rows paired with it, ascending, from (row, id) pairs (a pair may repeat)."""
    order = np.lexsort((rows, ids))
    rows, ids = rows[order], ids[order]
    if len(ids):
        fresh = np.ones(len(ids), dtype=bool)
        fresh[1:] = (ids[1:] != ids[:-1]) | (rows[1:] != rows[:-1])
        rows, ids = rows[fresh], ids[fresh]
    return IdSets(np.searchsorted(ids, np.arange(size + 1)), rows)


@dataclass(frozen=True)
class SentenceFacts:
    """Every sentence's terms and context label, labels held once each (they repeat) with their terms."""

    names: list[str]  # term id -> term
    terms: IdSets  # sentence -> its own terms' ids
    labels: list[str]  # the distinct context labels
    label_of: np.ndarray  # sentence -> its label's position in `labels`
    label_terms: IdSets  # label -> its terms' ids
    # term id -> sentences, as the build saved them: worked out at load, their sorting's scratch arrays were
    # released to the allocator but not to the system (2 KB a passage at ten thousand passages).
    saved_postings: IdSets | None = None

    def term_postings(self) -> IdSets:
        """term id -> the sentences whose own words or context label hold it."""
        if self.saved_postings is not None:
            return self.saved_postings
        counts = np.diff(self.label_terms.ptr)[self.label_of]  # each sentence's label's terms, laid end to end
        starts = self.label_terms.ptr[:-1][self.label_of]
        at = np.repeat(starts - (np.cumsum(counts) - counts), counts) + np.arange(int(counts.sum()))
        rows = np.concatenate([self.terms.rows(), np.repeat(np.arange(len(self.label_of), dtype=np.int32), counts)])
        return postings(rows, np.concatenate([self.terms.ids, self.label_terms.ids[at]]), len(self.names))


def work_out(documents: dict[str, Document], sentences: list) -> SentenceFacts:
    """Every sentence's terms and its context label's terms, in one tokenizer call (one call per text costs far
    more than the tokenizing); labels repeat, so each distinct one is read and held once."""
    labels = [context_label(documents[s.document], s.start) for s in sentences]
    distinct = list(dict.fromkeys(labels))
    number = {label: k for k, label in enumerate(distinct)}
    found = content_terms_of([documents[s.document].text[s.start:s.end] for s in sentences] + distinct)
    ids: dict[str, int] = {}
    terms, label_terms = IdSets.of(found[:len(sentences)], ids), IdSets.of(found[len(sentences):], ids)
    return SentenceFacts(list(ids), terms, distinct, np.array([number[label] for label in labels], dtype=np.int32),
                         label_terms)


def rules_fingerprint() -> str:
    digest = hashlib.sha256()
    for path in RULES:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def save(facts: SentenceFacts, build: Path) -> dict:
    """Write the facts into a build folder; returns the manifest's record of them."""
    found = facts.term_postings()
    np.savez(build / ARRAYS, terms_ptr=facts.terms.ptr, terms=facts.terms.ids, label_of=facts.label_of,
             label_terms_ptr=facts.label_terms.ptr, label_terms=facts.label_terms.ids, postings_ptr=found.ptr,
             postings=found.ids)
    (build / STRINGS).write_text(json.dumps({"names": facts.names, "labels": facts.labels}))
    return {"rules": rules_fingerprint()}


def load(build: Path, manifest: dict) -> SentenceFacts | None:
    """The facts the build saved, or None when it saved none or worked them out under other rules."""
    if (manifest.get("sentence_facts") or {}).get("rules") != rules_fingerprint():
        return None
    strings = json.loads((build / STRINGS).read_text())
    with np.load(build / ARRAYS) as arrays:
        facts = SentenceFacts(strings["names"], IdSets(arrays["terms_ptr"], arrays["terms"]), strings["labels"],
                              arrays["label_of"], IdSets(arrays["label_terms_ptr"], arrays["label_terms"]),
                              IdSets(arrays["postings_ptr"], arrays["postings"]))
    _check(facts)
    return facts


def _check(facts: SentenceFacts) -> None:
    """ValueError unless the arrays fit one another (one row per sentence, ids in range): arrays that passed
    their checksums but do not fit were written wrongly, and the store reports the index damaged."""
    sentences = len(facts.label_of)
    for name, sets, rows, size in (("terms", facts.terms, sentences, len(facts.names)),
                                   ("label terms", facts.label_terms, len(facts.labels), len(facts.names)),
                                   ("postings", facts.saved_postings, len(facts.names), sentences)):
        ptr = sets.ptr
        if len(ptr) != rows + 1 or ptr[0] != 0 or ptr[-1] != len(sets.ids) or (np.diff(ptr) < 0).any() or \
                (len(sets.ids) and (sets.ids.min() < 0 or sets.ids.max() >= size)):
            raise ValueError(f"the saved sentence {name} do not fit the sentences and their terms")
    if sentences and (facts.label_of.min() < 0 or facts.label_of.max() >= len(facts.labels)):
        raise ValueError("a sentence's saved context label is not among the labels")
