"""Passages and sentences held as spans of their documents' text in flat int32 columns, not as one object each.

Why: at ten thousand passages a `Chunk` per passage (with a copy of its text and a tuple per sentence span) and a
`Sentence` per sentence took about 3 KB a passage, and reading them from JSON left the allocator holding as
much again after the parse (`make bench-scale`). Here a passage or sentence is a row of a few integers, saved at
build in one .npz file (`SPANS`) beside a small JSON of the strings those integers number (`STRINGS`: document
ids and section paths). A record is made when it is asked for (`Passages[k]`, `Sentences[i]`), its text read
from its document's, and is equal to the one the build made. A column is read through a memoryview, so indexing
it gives a Python int without a numpy scalar in between.

Whether the rows fit their documents (in range, spans inside the text) is checked at load: a file that passed
its checksum but does not fit (written by a buggy build, or edited with its manifest) is a damaged index.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

import numpy as np

from assistant.records import Chunk, Document

SPANS, STRINGS = "spans.npz", "chunks.json"
ID_BYTES = 16  # a content id (`store.build.content_id`) is 16 hex digits
# Sentences kept made: one warm passage answer looks up about a thousand, most of them several times (making each
# anew was about a tenth of its time, `cProfile` on the repo's passage questions); a bound keeps this a few MB.
SENTENCE_CACHE = 8_192
CHUNK_CACHE = 512  # passages kept made between calls: answering reads the same few hundred passages many times


class Sentence(NamedTuple):
    """One sentence of a chunk, embedded on its own so answers can pick the sentence that answers. A named tuple,
    not a dataclass: `Sentences` makes one per look-up, and a tuple is made in a quarter of the time."""

    id: str
    chunk: int
    document: str
    start: int
    end: int


def save(build: Path, documents: list[Document], chunks: list[Chunk], sentences: list[Sentence]) -> None:
    """Write the passages' and sentences' columns and the strings they number into a build folder."""
    number = {doc.id: k for k, doc in enumerate(documents)}
    paths = list(dict.fromkeys(chunk.section_path for chunk in chunks))
    path_number = {path: k for k, path in enumerate(paths)}
    spans = [span for chunk in chunks for span in chunk.sentences]
    first_span = np.zeros(len(chunks) + 1, dtype=np.int32)
    first_span[1:] = np.cumsum([len(chunk.sentences) for chunk in chunks])

    def column(values) -> np.ndarray:
        return np.array(list(values), dtype=np.int32).reshape(-1)

    if any(len(record.id) != ID_BYTES for record in (*chunks, *sentences)):  # a fixed width would cut a longer one
        raise ValueError(f"every passage and sentence id must be {ID_BYTES} characters (store.build.content_id)")

    np.savez(build / SPANS,
             passage_document=column(number[c.document] for c in chunks),
             passage_start=column(c.start for c in chunks), passage_end=column(c.end for c in chunks),
             passage_section=column(path_number[c.section_path] for c in chunks),
             passage_first_span=first_span, span_start=column(s for s, _ in spans),
             span_end=column(e for _, e in spans), passage_id=np.array([c.id for c in chunks], dtype=f"S{ID_BYTES}"),
             sentence_chunk=column(s.chunk for s in sentences),
             sentence_document=column(number[s.document] for s in sentences),
             sentence_start=column(s.start for s in sentences), sentence_end=column(s.end for s in sentences),
             sentence_id=np.array([s.id for s in sentences], dtype=f"S{ID_BYTES}"))
    (build / STRINGS).write_text(json.dumps({"documents": [doc.id for doc in documents],
                                             "section_paths": [list(path) for path in paths]}))


def load(build: Path, documents: dict[str, Document]) -> tuple[Passages, Sentences]:
    """The build's passages and sentences; KeyError or ValueError when a row does not fit the documents."""
    strings = json.loads((build / STRINGS).read_text())
    named = {doc_id: doc_id for doc_id in documents}  # rows name a document by the one string it is keyed by
    names = [named[name] for name in strings["documents"]]
    texts = [documents[name].text for name in names]
    interned: dict[str, str] = {}  # a heading repeated along many paths is held once
    paths = [tuple(interned.setdefault(part, part) for part in path) for path in strings["section_paths"]]
    with np.load(build / SPANS) as arrays:
        columns = {name: arrays[name] for name in arrays.files}
    passages = Passages(names, texts, paths, columns)
    return passages, Sentences(names, texts, columns, len(passages))


class _Columns:
    """int32 columns read through memoryviews (indexing gives a Python int), and the arrays for numpy work."""

    def __init__(self, columns: dict[str, np.ndarray], prefix: str, fields: tuple[str, ...], rows: int | None):
        self.arrays = {}
        for field in fields:
            array = np.ascontiguousarray(columns[f"{prefix}_{field}"], dtype=np.int32)
            if array.ndim != 1 or (rows is not None and len(array) != rows):
                raise ValueError(f"column {prefix}_{field} holds {array.shape} rows where {rows} were expected")
            self.arrays[field] = array
            setattr(self, field, memoryview(array).cast("B").cast("i"))


def _ids(columns: dict[str, np.ndarray], name: str, rows: int) -> bytes:
    ids = columns[name]
    if ids.dtype != np.dtype(f"S{ID_BYTES}") or ids.shape != (rows,):
        raise ValueError(f"{name} is not {rows} ids of {ID_BYTES} characters")
    return ids.tobytes()


def _check_spans(what: str, documents: np.ndarray, starts: np.ndarray, ends: np.ndarray, lengths: np.ndarray) -> None:
    if len(documents) and (documents.min() < 0 or documents.max() >= len(lengths)):
        raise ValueError(f"a {what} names a document that is not there")
    if len(starts) and ((starts < 0).any() or (ends < starts).any() or (ends > lengths[documents]).any()):
        raise ValueError(f"a {what}'s span runs outside its document's text")


class Passages(Sequence):
    """Every passage (`Chunk`), made from its row when asked for; the last CHUNK_CACHE made are kept."""

    def __init__(self, names: list[str], texts: list[str], paths: list[tuple[str, ...]], columns: dict):
        self.names, self.texts, self.paths = names, texts, paths
        self.columns = _Columns(columns, "passage", ("document", "start", "end", "section"), None)
        rows = len(self.columns.arrays["document"])
        for field in ("start", "end", "section"):
            if len(self.columns.arrays[field]) != rows:
                raise ValueError(f"column passage_{field} does not have one row per passage")
        first = np.ascontiguousarray(columns["passage_first_span"], dtype=np.int32)
        spans = _Columns(columns, "span", ("start", "end"), None)
        if len(first) != rows + 1 or first[0] != 0 or (np.diff(first) < 0).any() or \
                first[-1] != len(spans.arrays["start"]) or len(spans.arrays["end"]) != len(spans.arrays["start"]):
            raise ValueError("the passages' sentence spans do not match their rows")
        self.first_span, self.span_start, self.span_end = (memoryview(first).cast("B").cast("i"), spans.start,
                                                           spans.end)
        self.ids = _ids(columns, "passage_id", rows)
        lengths = np.array([len(text) for text in texts], dtype=np.int64)
        arrays = self.columns.arrays
        _check_spans("passage", arrays["document"], arrays["start"], arrays["end"], lengths)
        owner = np.repeat(arrays["document"], np.diff(first))
        _check_spans("passage sentence", owner, spans.arrays["start"], spans.arrays["end"], lengths)
        if len(arrays["section"]) and (arrays["section"].min() < 0 or arrays["section"].max() >= len(paths)):
            raise ValueError("a passage names a section path that is not there")
        self._made: dict[int, Chunk] = {}

    def __len__(self) -> int:
        return len(self.columns.arrays["document"])

    def __getitem__(self, k):
        if isinstance(k, slice):
            return [self[j] for j in range(*k.indices(len(self)))]
        k = _position(k, len(self))
        chunk = self._made.get(k)
        if chunk is None:
            if len(self._made) >= CHUNK_CACHE:
                self._made.clear()
            chunk = self._made[k] = self._make(k)
        return chunk

    def _make(self, k: int) -> Chunk:
        c = self.columns
        document, start, end = c.document[k], c.start[k], c.end[k]
        first, last = self.first_span[k], self.first_span[k + 1]
        return Chunk(id=self.ids[k * ID_BYTES:(k + 1) * ID_BYTES].decode("ascii"), document=self.names[document],
                     section_path=self.paths[c.section[k]], start=start, end=end, text=self.texts[document][start:end],
                     sentences=tuple(zip(self.span_start[first:last], self.span_end[first:last])))

    def __iter__(self) -> Iterator[Chunk]:
        return (self._make(k) for k in range(len(self)))


class Sentences(Sequence):
    """Every sentence (`Sentence`), made from its row when asked for. `chunk_of`, `document_of` (numbering
    `names`) and `start_of` are the columns as arrays, for work over all of them at once."""

    def __init__(self, names: list[str], texts: list[str], columns: dict, passages: int):
        self.names = names
        self.columns = _Columns(columns, "sentence", ("chunk", "document", "start", "end"),
                                len(columns["sentence_chunk"]))
        arrays = self.columns.arrays
        self.ids = _ids(columns, "sentence_id", len(self))
        self.chunk_of, self.document_of, self.start_of = arrays["chunk"], arrays["document"], arrays["start"]
        if len(self) and (self.chunk_of.min() < 0 or self.chunk_of.max() >= passages):
            raise ValueError("a sentence names a passage that is not there")
        lengths = np.array([len(text) for text in texts], dtype=np.int64)
        _check_spans("sentence", arrays["document"], arrays["start"], arrays["end"], lengths)
        self._made: dict[int, Sentence] = {}

    def __len__(self) -> int:
        return len(self.columns.arrays["chunk"])

    def __getitem__(self, i):
        made = self._made.get(i) if i.__class__ is int else None  # asked for before: most look-ups are
        if made is not None:
            return made
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        k = _position(i, len(self))
        c = self.columns
        if len(self._made) >= SENTENCE_CACHE:
            self._made.clear()
        made = self._made[k] = Sentence(self.ids[k * ID_BYTES:(k + 1) * ID_BYTES].decode("ascii"), c.chunk[k],
                                        self.names[c.document[k]], c.start[k], c.end[k])
        return made

    def __iter__(self) -> Iterator[Sentence]:
        return (self[i] for i in range(len(self)))


def _position(k, length: int) -> int:
    """A list's reading of an index: negative counts from the end; out of range raises IndexError."""
    k = int(k)
    if k < 0:
        k += length
    if not 0 <= k < length:
        raise IndexError("index out of range")
    return k
