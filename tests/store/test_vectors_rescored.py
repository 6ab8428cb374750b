"""Past HALF_LIMIT passages the FAISS index holds 8-bit codes (a quarter of float32's memory) and ranks their
shortlist by the exact vectors read from disk (issue 18): the order retrieval sees is float32's."""

from __future__ import annotations

import functools

import faiss
import numpy as np
import pytest

from assistant.store import build
from assistant.store.load import load_index
from assistant.store.vectors import DEPTH, HALF_LIMIT, Rescored, build_vector_index


def clustered(n: int, seed: int, dimension: int = 384) -> np.ndarray:
    """Unit vectors in topical clusters, as sentence embeddings fall: many near-ties, which coarse codes mix up."""
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((max(2, n // 50), dimension))
    vectors = centres[rng.integers(len(centres), size=n)] + 0.35 * rng.standard_normal((n, dimension))
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors.astype("float32")


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_rescored_codes_rank_exactly_as_float32(seed, tmp_path):
    vectors = clustered(3_000, seed)
    index, info = build_vector_index(vectors, half_limit=1_000)
    assert info["type"] == "flat,SQ8,rescored" and info["bytes_per_vector"] == vectors.shape[1]
    assert faiss.serialize_index(index).nbytes < vectors.nbytes / 3
    # As a loaded index reads it: the codes from their file, the exact vectors memory-mapped.
    faiss.write_index(index, str(tmp_path / "codes.faiss"))
    np.save(tmp_path / "exact.npy", vectors)
    rescored = Rescored(faiss.read_index(str(tmp_path / "codes.faiss")), np.load(tmp_path / "exact.npy", mmap_mode="r"),
                        info["fetch"])
    assert rescored.ntotal == len(vectors)
    queries = clustered(300, seed + 100)  # none of the corpus's own vectors
    flat = faiss.IndexFlatIP(vectors.shape[1])
    flat.add(vectors)
    truth_scores, truth = flat.search(queries, DEPTH)
    scores, found = rescored.search(queries, DEPTH)
    assert np.mean([len(set(a) & set(b)) / DEPTH for a, b in zip(found, truth)]) >= 0.99
    agree = [row for row in range(len(queries)) if set(found[row]) == set(truth[row])]
    for row in agree:  # the same shortlist: the same scores, in the same order (up to exact ties)
        assert np.allclose(scores[row], truth_scores[row], atol=1e-5)
        assert np.all(np.diff(scores[row]) <= 1e-6)
        assert np.allclose(vectors[found[row]] @ queries[row], scores[row], atol=1e-5)


def test_below_its_limit_the_index_is_float32_in_memory():
    vectors = clustered(500, 3)
    index, info = build_vector_index(vectors)
    assert len(vectors) <= HALF_LIMIT and info["type"] == "flat" and type(index).__name__ == "IndexFlatIP"


@pytest.mark.slow
def test_a_built_index_past_the_limit_is_loaded_rescored(tmp_path, monkeypatch):
    """A generated corpus built with a limit low enough to code its passages: the manifest records the
    over-fetch, the loaded index ranks exactly, and dense retrieval finds what float32 finds."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    topics = ["burglary in rural villages", "youth violence near schools", "shoplifting in town centres",
              "road safety on the coast road", "fraud against older residents", "knife crime in parks"]
    for number in range(8):
        lines = [f"# Quarterly safety bulletin {number + 1}\n"]
        for section, topic in enumerate(topics):
            lines.append(f"## Part {section + 1}\n")
            lines.append(f"Officers in district {number + 1} reported on {topic}. Patrols were increased after "
                         f"residents raised {topic} at meeting {section + 1}. The partnership will review {topic} "
                         f"again in the spring.\n")
        (corpus / f"bulletin-{number + 1}.md").write_text("\n".join(lines))
    monkeypatch.setattr(build, "build_vector_index", functools.partial(build_vector_index, half_limit=4))
    build.build_index(corpus, tmp_path / "index", force=True)
    loaded = load_index(tmp_path / "index")
    assert loaded.manifest["vector_index"]["type"] == "flat,SQ8,rescored"
    assert isinstance(loaded.faiss_index, Rescored) and loaded.faiss_index.ntotal == len(loaded.chunks)
    vectors = np.asarray(loaded.chunk_vectors)
    for query in vectors[:10] * 0.9 + vectors[-10:] * 0.1:
        query = (query / np.linalg.norm(query)).astype("float32")
        scores, ids = loaded.faiss_index.search(query.reshape(1, -1), 5)
        exact = vectors @ query
        assert np.allclose(scores[0], np.sort(exact)[::-1][:5], atol=1e-5)
        assert np.allclose(exact[ids[0]], scores[0], atol=1e-5)
