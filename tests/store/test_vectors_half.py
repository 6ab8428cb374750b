"""Between HALF_LIMIT and FLAT_LIMIT the passages' flat index holds half-precision vectors (issue 18): half the
memory, the same neighbours as float32 for real questions; below it, float32 exactly."""

from __future__ import annotations

import json

import numpy as np
import pytest

from assistant.config import PROJECT_ROOT
from assistant.store import embedding
from assistant.store.load import load_index
from assistant.store.vectors import HALF_LIMIT, MIN_RECALL, build_vector_index

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def corpus_vectors(index_dir) -> np.ndarray:
    """Every vector the corpus holds (passages, sentences, sentence windows): a few thousand real ones."""
    loaded = load_index(index_dir)
    return np.ascontiguousarray(np.vstack([loaded.chunk_vectors, loaded.sentence_vectors, loaded.window_vectors]))


def test_half_precision_past_its_limit_finds_what_float32_finds(corpus_vectors):
    n, dimension = corpus_vectors.shape
    index, info = build_vector_index(corpus_vectors, half_limit=n // 2)
    assert info["type"] == "flat,fp16" and info["bytes_per_vector"] == 2 * dimension
    assert info["recall_at_10"] >= MIN_RECALL
    items = [json.loads(line) for line in (PROJECT_ROOT / "questions" / "questions.jsonl").open()]
    queries = embedding.encode([item["question"] for item in items if item.get("kind") == "passage"])
    exact, exact_info = build_vector_index(corpus_vectors, half_limit=n)
    assert exact_info["type"] == "flat" and type(exact).__name__ == "IndexFlatIP"
    truth_scores, truth = exact.search(queries, 40)
    scores, found = index.search(queries, 40)
    assert np.mean([len(set(a) & set(b)) / 40 for a, b in zip(found, truth)]) >= 0.99
    assert np.abs(np.sort(scores, axis=1) - np.sort(truth_scores, axis=1)).max() < 1e-3


def test_below_its_limit_the_index_is_float32(corpus_vectors):
    assert len(corpus_vectors) <= HALF_LIMIT  # the repo's corpus: its answers stay bit-exact
    _, info = build_vector_index(corpus_vectors)
    assert info["type"] == "flat" and info["bytes_per_vector"] == 4 * corpus_vectors.shape[1]
