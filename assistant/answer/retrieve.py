"""Hybrid passage search: FAISS (meaning) and BM25 (exact words), fused by reciprocal rank.

Dense search finds paraphrases ("cars nicked" ~ "vehicle theft"); BM25 finds rare exact tokens
("Operation Dial", "£284,777") that embeddings blur. Reciprocal rank fusion needs no score
calibration between the two, which is why it is used instead of a weighted sum.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from assistant.store.load import LoadedIndex
from assistant.text.tokens import bm25_tokens

RRF_K = 60


@dataclass(frozen=True)
class Hit:
    chunk: int
    score: float
    dense_rank: int | None
    keyword_rank: int | None


def reciprocal_rank_fusion(rankings: list[list[int]], k: int = RRF_K) -> list[tuple[int, float]]:
    """Sum of 1/(k + rank) over the rankings an item appears in, best first; ties keep first-seen order."""
    scores: dict[int, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + 1.0 / (k + rank)
    return sorted(scores.items(), key=lambda pair: -pair[1])


class Retriever:
    """Search over one loaded index; holds no state beyond it."""

    def __init__(self, index: LoadedIndex):
        self.index = index

    def dense(self, query_vector: np.ndarray, k: int) -> list[int]:
        total = self.index.faiss_index.ntotal
        if total == 0:
            return []
        _, ids = self.index.faiss_index.search(query_vector.reshape(1, -1), min(k, total))
        return [int(i) for i in ids[0] if i >= 0]

    def keyword(self, text: str, k: int) -> list[int]:
        total = len(self.index.chunks)
        words = [w for w in bm25_tokens([text], as_ids=False)[0] if w in self.index.bm25.vocab_dict]
        if total == 0 or not words:
            return []
        ids, scores = self.index.bm25.retrieve([words], k=min(k, total), show_progress=False)
        return [int(i) for i, s in zip(ids[0], scores[0]) if s > 0]

    def search(self, text: str, query_vector: np.ndarray, k: int = 8, mode: str = "hybrid",
               depth: int = 40) -> list[Hit]:
        """The k best chunks; mode "dense" or "bm25" gives the single-method baselines for benchmarks."""
        dense = self.dense(query_vector, depth) if mode in ("hybrid", "dense") else []
        keyword = self.keyword(text, depth) if mode in ("hybrid", "bm25") else []
        dense_rank = {c: r for r, c in enumerate(dense, start=1)}
        keyword_rank = {c: r for r, c in enumerate(keyword, start=1)}
        fused = reciprocal_rank_fusion([r for r in (dense, keyword) if r])
        return [Hit(chunk, score, dense_rank.get(chunk), keyword_rank.get(chunk)) for chunk, score in fused[:k]]

