"""Sentence and window vectors kept by the store: exact scores, and the closest sentences found without
reading every vector once the corpus is past the scan limit."""

from __future__ import annotations

import json

import faiss
import numpy as np
import pytest

from assistant.answer.retrieve import Retriever
from assistant.config import PROJECT_ROOT
from assistant.store import embedding
from assistant.store.load import SENTENCE_SEARCH, load_index
from assistant.store.manifest import current_build
from assistant.store.vectors import CLOSE_K, MIN_RECALL, SCAN_LIMIT, SentenceVectors, build_sentence_search

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def loaded(index_dir):
    return load_index(index_dir)


@pytest.fixture(scope="module")
def questions(loaded) -> list[tuple[np.ndarray, list[int]]]:
    """Real passage questions, encoded, each with the passages retrieval finds for it."""
    items = [json.loads(line) for line in (PROJECT_ROOT / "questions" / "questions.jsonl").open()]
    texts = [item["question"] for item in items if item.get("kind") == "passage"]
    retriever = Retriever(loaded)
    return [(vector, [hit.chunk for hit in retriever.search(text, vector)])
            for text, vector in zip(texts, embedding.encode(texts))]


def exact(loaded, question: np.ndarray, chunks: list[int]) -> np.ndarray:
    """The closeness of every sentence worked out the plain way, in float32 over all the vectors."""
    raw = np.maximum(np.asarray(loaded.sentence_vectors) @ question, np.asarray(loaded.window_vectors) @ question)
    passage = np.full(len(loaded.chunks), -np.inf, dtype=raw.dtype)
    passage[chunks] = np.asarray(loaded.chunk_vectors)[chunks] @ question
    spread = passage[[s.chunk for s in loaded.sentences]]
    return np.where(spread > raw, 0.5 * (raw + spread), raw)


def closest(scores: np.ndarray, k: int) -> set[int]:
    return set(np.argsort(-scores, kind="stable")[:k].tolist())


def test_the_corpus_is_scanned_and_its_vectors_are_memory_mapped(index_dir, loaded):
    manifest = json.loads((current_build(index_dir) / "manifest.json").read_text())
    assert len(loaded.sentences) <= SCAN_LIMIT
    assert manifest["sentence_search"] == {"type": "scan", "sentences": len(loaded.sentences)}
    assert not (current_build(index_dir) / SENTENCE_SEARCH).exists() and loaded.sentence_search.search is None
    assert isinstance(loaded.sentence_vectors, np.memmap) and isinstance(loaded.window_vectors, np.memmap)


def test_scanned_scores_are_the_exact_ones(loaded, questions):
    for question, chunks in questions:
        similarity = loaded.sentence_search.similarity(question, chunks)
        truth = exact(loaded, question, chunks)
        assert np.array_equal(np.array([similarity[i] for i in range(len(similarity))]), truth)
        # The closest are the exact closest, but for ties at the boundary.
        found = similarity.closest(CLOSE_K)
        assert len(found) == CLOSE_K and min(truth[list(found)]) >= np.sort(truth)[-CLOSE_K]


@pytest.fixture(scope="module")
def quantised(loaded):
    """The same sentences as a corpus past the scan limit would have them: a product quantiser finds the
    closest, the disk copy scores them."""
    search, info = build_sentence_search(np.asarray(loaded.sentence_vectors), np.asarray(loaded.window_vectors),
                                         scan_limit=0)
    return search, info


def test_past_the_limit_the_closest_are_found_with_the_recall_recorded(loaded, questions, quantised, tmp_path):
    search, info = quantised
    assert info["type"].startswith("PQ") and info[f"recall_at_{CLOSE_K}"] >= MIN_RECALL and info["fetch"] >= 2
    faiss.write_index(search, str(tmp_path / SENTENCE_SEARCH))  # as the build writes it and a load reads it
    vectors = SentenceVectors(loaded.sentence_vectors, loaded.window_vectors, loaded.sentence_search.chunk_of,
                              loaded.chunk_vectors, faiss.read_index(str(tmp_path / SENTENCE_SEARCH)), info["fetch"])
    found_share = []
    for question, chunks in questions:
        similarity = vectors.similarity(question, chunks)
        truth = exact(loaded, question, chunks)
        found = similarity.closest(CLOSE_K)
        found_share.append(len(found & closest(truth, CLOSE_K)) / CLOSE_K)
        # Every score an answer reads is the exact one (to float32 rounding), found or not.
        rows = sorted(found | set(range(0, len(truth), 17)))
        similarity.score(rows)
        assert np.allclose([similarity[i] for i in rows], truth[rows], atol=1e-5)
    # Real questions, never seen by the tuning, find nearly all of their exact closest.
    assert np.mean(found_share) >= MIN_RECALL


def test_a_quantised_search_holds_a_small_fraction_of_the_vectors(quantised, loaded):
    search, info = quantised
    codebooks = search.pq.centroids.size() * 4  # fixed, whatever the corpus's size
    held = (faiss.serialize_index(search).nbytes - codebooks) / len(loaded.sentences)
    assert search.ntotal == 2 * len(loaded.sentences)  # a sentence and its window
    assert held <= info["bytes_per_sentence"] + 1 and info["bytes_per_sentence"] * 10 < 2 * 4 * 384


def test_a_build_past_the_limit_writes_the_search_and_answers_read_it(index_dir, corpus_copy, tmp_path, monkeypatch):
    import shutil
    from functools import partial

    from assistant.store import build as build_module
    from assistant.store import vectors

    corpus = shutil.copytree(corpus_copy, tmp_path / "corpus")
    index_copy = shutil.copytree(index_dir, tmp_path / "index")  # its vectors are reused: only the new file is embedded
    (corpus / "note.txt").write_text("The panel met in June 2024. Burglary fell by 4% in the year to March 2024.\n")
    monkeypatch.setattr(build_module, "build_sentence_search", partial(vectors.build_sentence_search, scan_limit=0))
    build_module.build_index(corpus, index_copy)
    manifest = json.loads((current_build(index_copy) / "manifest.json").read_text())
    loaded = load_index(index_copy)
    assert manifest["sentence_search"]["type"].startswith("PQ") and (current_build(index_copy) / SENTENCE_SEARCH).is_file()
    assert loaded.sentence_search.search is not None and loaded.sentence_search.fetch == manifest["sentence_search"]["fetch"]
    question = embedding.encode(["When did the panel meet?"])[0]
    similarity = loaded.sentence_search.similarity(question, [0])
    found = sorted(similarity.closest(CLOSE_K))
    assert np.allclose([similarity[i] for i in found], exact(loaded, question, [0])[found], atol=1e-5)
