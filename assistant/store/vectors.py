"""The passages' FAISS index, of a type that follows the corpus's size, with its recall checked at build.

Up to `FLAT_LIMIT` vectors an exact `IndexFlatIP` is both fast enough (a few ms per query) and exact, so it
is used. Beyond that, flat search grows linearly (22 ms at 100k on one thread here, ~10x that at 1M) and costs
1,536 bytes a vector, so a graph (HNSW) over 8-bit scalar-quantised vectors takes over: about 650 bytes a
vector (384 of code, the rest links), and a query visits a few thousand vectors whatever the corpus's size
(`make bench-scale` at 100k: 0.5 ms, recall@10 0.985, where flat took 55 ms; an inverted file over the same
quantiser took 29 ms at 1M). The price is build time (about 4 minutes per 100k vectors on one busy core),
small beside encoding those passages. Its search depth (`efSearch`) is the smallest that finds at least
`TARGET_RECALL` of the exact top 10 on a sample of the corpus's own vectors; the choice and the recall measured
are recorded in the manifest, and FAISS saves the depth with the index. If no depth reaches `MIN_RECALL`, the
build stays exact.
Inner product is equal to cosine similarity on normalized vectors.
"""

from __future__ import annotations

import numpy as np

FLAT_LIMIT = 50_000
# One query's search on one thread: on a shared 2-core machine OpenMP's second thread costs more in hand-offs
# than it saves (`make bench` prints both).
SEARCH_THREADS = 1
MIN_RECALL = 0.95  # what the issue asks of the approximate index
TARGET_RECALL = 0.97  # what the depth is tuned to on the sample, so the sample's own noise keeps above MIN_RECALL
RECALL_QUERIES = 200
K = 10
LINKS = 32  # HNSW's M: links per vector; FAISS's usual choice for a few hundred dimensions
BUILD_DEPTH = 40  # efConstruction: FAISS's default; deeper builds slower for little recall on these vectors
DEPTHS = (16, 32, 64, 128, 256, 512)  # efSearch values tried, shallowest (fastest) first
TRAINING = 100_000  # vectors the quantiser's per-dimension ranges are learned from


def build_vector_index(vectors: np.ndarray, flat_limit: int = FLAT_LIMIT, seed: int = 0):
    """A FAISS index over `vectors` (unit length, float32) and a record of what was chosen, for the manifest."""
    import faiss

    n, dimension = vectors.shape
    if n <= flat_limit:
        return _flat(vectors), {"type": "flat", "vectors": n, "bytes_per_vector": 4 * dimension,
                                "recall_at_10": 1.0}
    index = faiss.IndexHNSWSQ(dimension, faiss.ScalarQuantizer.QT_8bit, LINKS, faiss.METRIC_INNER_PRODUCT)
    index.hnsw.efConstruction = BUILD_DEPTH
    rng = np.random.default_rng(seed)
    index.train(vectors[np.sort(rng.choice(n, min(n, TRAINING), replace=False))])
    index.add(vectors)
    depth, recall = tune_depth(index, vectors, rng)
    kind = f"HNSW{LINKS},SQ8"
    if recall < MIN_RECALL:
        return _flat(vectors), {"type": "flat", "vectors": n, "bytes_per_vector": 4 * dimension,
                                "recall_at_10": 1.0, "why": f"{kind} found only {recall:.3f} of the exact top {K}"}
    links = index.hnsw.neighbors.size() * 4 / n  # FAISS stores each link as a 32-bit id
    return index, {"type": kind, "vectors": n, "ef_search": depth, "bytes_per_vector": round(dimension + links),
                   "recall_at_10": round(recall, 4)}


def _flat(vectors: np.ndarray):
    import faiss

    flat = faiss.IndexFlatIP(vectors.shape[1])
    flat.add(vectors)
    return flat


def tune_depth(index, vectors: np.ndarray, rng: np.random.Generator) -> tuple[int, float]:
    """The shallowest `efSearch` of DEPTHS whose recall@10 against exact search reaches TARGET_RECALL, and that
    recall (or the deepest tried and its recall); the index is left searching at that depth."""
    chosen = rng.choice(len(vectors), min(len(vectors), RECALL_QUERIES), replace=False)
    exact = exact_neighbours(vectors, chosen)
    recall = 0.0
    for depth in DEPTHS:
        index.hnsw.efSearch = depth
        recall = recall_at_k(index, vectors, chosen, exact)
        if recall >= TARGET_RECALL:
            break
    return depth, recall


def exact_neighbours(vectors: np.ndarray, chosen: np.ndarray) -> list[list[int]]:
    """The exact top K of the chosen stored vectors used as queries, each leaving itself out."""
    _, ids = _flat(vectors).search(np.ascontiguousarray(vectors[chosen]), K + 1)
    return _without_self(ids, chosen)


def recall_at_k(index, vectors: np.ndarray, chosen: np.ndarray, exact: list[list[int]]) -> float:
    """Share of the exact top K that `index` finds, over the chosen queries."""
    _, ids = index.search(np.ascontiguousarray(vectors[chosen]), K + 1)
    found = _without_self(ids, chosen)
    return float(np.mean([len(set(a) & set(b)) / K for a, b in zip(found, exact)]))


def _without_self(ids: np.ndarray, chosen: np.ndarray) -> list[list[int]]:
    """Top K ids with the query's own id removed (a stored vector always finds itself first)."""
    return [[int(i) for i in row if i != own and i >= 0][:K] for row, own in zip(ids, chosen)]
