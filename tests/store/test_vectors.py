"""The passages' FAISS index: exact up to the size limit, approximate beyond it with its recall checked."""

from __future__ import annotations

import json

import numpy as np
import pytest

from assistant.config import PROJECT_ROOT
from assistant.store import embedding
from assistant.store.load import load_index
from assistant.store.manifest import current_build
from assistant.store.vectors import FLAT_LIMIT, K, MIN_RECALL, build_vector_index

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def loaded(index_dir):
    return load_index(index_dir)


@pytest.fixture(scope="module")
def corpus_vectors(loaded) -> np.ndarray:
    """Every vector the corpus holds (passages, sentences, sentence windows): a few thousand real ones."""
    return np.ascontiguousarray(np.vstack([loaded.chunk_vectors, loaded.sentence_vectors, loaded.window_vectors]))


def test_the_corpus_gets_an_exact_index_recorded_in_the_manifest(index_dir, loaded):
    manifest = json.loads((current_build(index_dir) / "manifest.json").read_text())
    assert len(loaded.chunks) <= FLAT_LIMIT
    assert manifest["vector_index"] == {"type": "flat", "vectors": len(loaded.chunks), "bytes_per_vector": 1536,
                                        "recall_at_10": 1.0}
    assert type(loaded.faiss_index).__name__ == "IndexFlatIP"


def test_passage_vectors_are_held_once_and_exact(loaded):
    assert isinstance(loaded.chunk_vectors, np.memmap)  # paged in on demand; FAISS holds the searchable copy
    assert np.array_equal(loaded.faiss_index.reconstruct_n(0, loaded.faiss_index.ntotal), loaded.chunk_vectors)


def test_past_the_limit_an_approximate_index_keeps_its_recall(corpus_vectors, loaded, tmp_path):
    import faiss

    index, info = build_vector_index(corpus_vectors, flat_limit=len(corpus_vectors) // 2)
    assert info["type"].startswith("HNSW") and info["type"].endswith(",SQ8")
    assert info["recall_at_10"] >= MIN_RECALL and info["bytes_per_vector"] < 4 * corpus_vectors.shape[1] // 2
    # The search depth tuned at build is the one a loaded index searches at.
    faiss.write_index(index, str(tmp_path / "vectors.faiss"))
    index = faiss.read_index(str(tmp_path / "vectors.faiss"))
    assert index.hnsw.efSearch == info["ef_search"]
    # Real questions, never seen by the tuning, find most of their exact top 10 too.
    items = [json.loads(line) for line in (PROJECT_ROOT / "questions" / "questions.jsonl").open()]
    questions = [item["question"] for item in items if item.get("kind") == "passage"]
    queries = embedding.encode(questions)
    exact, _ = build_vector_index(corpus_vectors)
    _, truth = exact.search(queries, K)
    _, found = index.search(queries, K)
    recall = np.mean([len(set(a) & set(b)) / K for a, b in zip(found, truth)])
    assert recall >= 0.9, recall
