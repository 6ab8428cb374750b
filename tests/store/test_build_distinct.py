"""A build encodes each distinct text once (issue 18): a sentence printed in two documents shares one vector."""

from __future__ import annotations

import numpy as np

from assistant.store import build as build_module
from assistant.store.build import build_index, kept_texts
from assistant.store.load import load_index

SHARED = "The partnership agreed to fund two more street pastors in the town centre."


def test_a_repeated_text_is_encoded_once_and_shares_its_vector(tmp_path, monkeypatch):
    encoded: list[str] = []

    def fake_encode(texts, batch_size=16):
        encoded.extend(texts)
        rng = np.random.default_rng(len(encoded))
        vectors = rng.standard_normal((len(texts), 384)).astype("float32")
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)

    monkeypatch.setattr(build_module, "encode", fake_encode)
    monkeypatch.setattr(build_module, "ensure_model", lambda verify=False: None)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "first.md").write_text(f"# Harlow update\n\nShoplifting rose in March. {SHARED}\n")
    (corpus / "second.md").write_text(f"# Basildon update\n\nBurglary fell in April. {SHARED}\n")
    report = build_index(corpus, tmp_path / "index")

    index = load_index(tmp_path / "index")
    texts = kept_texts(index)
    assert len(encoded) == len(set(encoded)) == len(set(texts)) == report.embedded < len(texts)
    stored = np.vstack([index.chunk_vectors, index.sentence_vectors, index.window_vectors])
    for text in set(texts):  # every copy of a text holds the one vector encoded for it
        rows = [i for i, kept in enumerate(texts) if kept == text]
        assert all(np.array_equal(stored[rows[0]], stored[i]) for i in rows)
    shared = [s for s in index.sentences if index.documents[s.document].text[s.start:s.end].strip() == SHARED]
    assert len(shared) == 2
