"""`Sentences` keeps the records it made (a warm answer looks the same sentences up many times): a record from
the cache equals the one made afresh, for every way of indexing, and the cache stays bounded."""

from __future__ import annotations

import numpy as np

from assistant.records import Chunk, Document
from assistant.store import spans


def generated(tmp_path, documents: int = 30):
    """A generated corpus's passages and sentences, saved and loaded as a build does."""
    rng = np.random.default_rng(7)
    docs, chunks, sentences = [], [], []
    for d in range(documents):
        parts = [f"Ward {d} meeting item {k}: the panel noted {int(rng.integers(1, 999))} reports." for k in range(12)]
        text = " ".join(parts)
        doc = Document(id=f"doc-{d}.md", title=f"Ward {d}", publisher="", date="", kind="minutes", path="",
                       text=text)
        docs.append(doc)
        offsets, at = [], 0
        for part in parts:
            offsets.append((at, at + len(part)))
            at += len(part) + 1
        for first in range(0, 12, 4):
            members = offsets[first:first + 4]
            for start, end in members:
                sentences.append(spans.Sentence(f"{d:04d}{start:012d}", len(chunks), doc.id, start, end))
            chunks.append(Chunk(id=f"c{d:03d}{first:012d}", document=doc.id, section_path=(), start=members[0][0],
                                end=members[-1][1], text=text[members[0][0]:members[-1][1]],
                                sentences=tuple(members)))
    spans.save(tmp_path, docs, chunks, sentences)
    return sentences, spans.load(tmp_path, {doc.id: doc for doc in docs})[1]


def test_cached_records_equal_fresh_ones_however_asked(tmp_path, monkeypatch):
    expected, loaded = generated(tmp_path)
    monkeypatch.setattr(spans, "SENTENCE_CACHE", 50)
    n = len(expected)
    rng = np.random.default_rng(1)
    for i in [*rng.integers(0, n, 400).tolist(), *range(n)]:
        for key in (i, np.int64(i), np.int32(i), i - n):
            assert loaded[key] == expected[i] and loaded[key].id == expected[i].id
    assert loaded[3:9] == expected[3:9] and list(loaded) == expected
    assert len(loaded._made) <= 50
