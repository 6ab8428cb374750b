"""A build reports its embedding as it goes, with the rate, so a long build shows it is alive."""

from __future__ import annotations

import re

import numpy as np

from assistant.store import build as build_module
from assistant.store.build import build_index, kept_texts
from assistant.store.load import load_index


def _fake_encode(texts, batch_size=16):
    """Vectors from the texts' lengths: this test is about progress and order, not about embeddings."""
    vectors = np.zeros((len(texts), 384), dtype="float32")
    vectors[:, 0] = 1.0
    vectors[:, 1] = [len(t) for t in texts]
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def test_embedding_progress_counts_texts_and_their_rate(tmp_path, corpus_copy, monkeypatch):
    monkeypatch.setattr(build_module, "encode", _fake_encode)
    messages = []
    report = build_index(corpus_copy, tmp_path / "index", progress=lambda m, f: messages.append((m, f)))
    rates = [(m, f) for m, f in messages if m.startswith("Embedding ") and "texts/s" in m]
    assert len(rates) == -(-report.embedded // build_module.EMBED_SLICE)
    last = re.fullmatch(r"Embedding ([\d,]+)/([\d,]+) texts \(([\d,]+) texts/s\)", rates[-1][0])
    assert last and last.group(1) == last.group(2) == f"{report.embedded:,}"
    fractions = [f for _, f in messages]
    assert fractions == sorted(fractions)  # the bar never goes backwards
    # Encoding longest-first and putting the vectors back must keep each vector with its own text.
    index = load_index(tmp_path / "index")
    texts = kept_texts(index)
    stored = np.vstack([index.chunk_vectors, index.sentence_vectors, index.window_vectors])
    assert np.allclose(stored, _fake_encode(texts), atol=1e-6)
