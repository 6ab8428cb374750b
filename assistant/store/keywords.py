"""BM25 search over the index bm25s saved at build, read and scored with numpy alone.

Why not `bm25s.BM25.load`: importing bm25s imports scipy (and tqdm), about 0.15 s of a new process's start,
for a search that is a few numpy calls over three saved arrays. bm25s stores every word's score in every
passage ahead of time (a sparse matrix, one column per word: `data`, `indices`, `indptr`), so a query's
scores are the sum of its words' columns. The sums and the top-k selection below are the same numpy calls, in
the same order, that bm25s's own numpy backend makes, so the scores and the order of ties are identical;
`tests/store/test_cold_keywords.py` checks that against bm25s on the repo's questions. The build still
writes the index with bm25s (`store.build`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

import numpy as np

# The scoring variants whose saved index holds only the three arrays; BM25L and BM25+ add a score for every
# word a passage does not hold (a fourth file), which this reader does not add.
METHODS = ("robertson", "lucene", "atire")


class KeywordIndex:
    """A saved bm25s index, opened with `KeywordIndex.load(directory)`; what the answer stages use of a
    `bm25s.BM25` (`vocab_dict`, `scores`, `retrieve`), with the same meaning."""

    def __init__(self, vocab_dict: dict[str, int], data: np.ndarray, indices: np.ndarray, indptr: np.ndarray,
                 num_docs: int, dtype: str = "float32"):
        self.vocab_dict = vocab_dict  # stemmed word -> its column
        self.scores = {"data": data, "indices": indices, "indptr": indptr, "num_docs": num_docs}
        self.dtype = np.dtype(dtype)

    @classmethod
    def load(cls, directory: Path) -> KeywordIndex:
        """Read the files `bm25s.BM25.save` wrote; a scoring variant this reader does not add up raises
        ValueError (the store reports the index damaged, and rebuilding is the fix)."""
        directory = Path(directory)
        params = json.loads((directory / "params.index.json").read_text())
        if params.get("method") not in METHODS:
            raise ValueError(f"BM25 method {params.get('method')!r} is not one this version reads")
        # Memory-mapped, not read (half a kilobyte a passage at ten thousand passages): a question reads only the
        # columns of its words, and the pages read are the page cache's, shared by every process answering from
        # this build and dropped first when memory is short (`make bench-scale` counts them as mapped pages; the
        # repo's passage questions touch most of them). Plain views: indexing a numpy memmap costs microseconds.
        arrays = [np.load(directory / f"{name}.csc.index.npy", mmap_mode="r").view(np.ndarray)
                  for name in ("data", "indices", "indptr")]
        vocab = json.loads((directory / "vocab.index.json").read_text(encoding="utf-8"))
        return cls(vocab, *arrays, int(params["num_docs"]), params.get("dtype", "float32"))

    def get_scores(self, words: list[str]) -> np.ndarray:
        """Every passage's BM25 score for the words (a word the index does not hold adds nothing; a repeated
        word counts each time, as in bm25s)."""
        data, indices, indptr = self.scores["data"], self.scores["indices"], self.scores["indptr"]
        scores = np.zeros(self.scores["num_docs"], dtype=self.dtype)
        for column in (self.vocab_dict[word] for word in words if word in self.vocab_dict):
            start, end = indptr[column], indptr[column + 1]
            # A column names a passage at most once, so a plain indexed add sums what `np.add.at` would, many
            # times faster (the order of the additions per passage is the same).
            scores[indices[start:end]] += data[start:end]
        return scores

    def retrieve(self, queries: list[list[str]], k: int = 10, show_progress: bool = False):
        """(passage ids, scores), each of shape (queries, k), best first, as `bm25s.BM25.retrieve` returns
        them. `show_progress` is accepted for the callers written against bm25s; nothing is ever shown."""
        if k > self.scores["num_docs"]:
            raise ValueError(f"k of {k} is larger than the number of passages ({self.scores['num_docs']}) - "
                             "set a smaller k")
        found = [top_k(self.get_scores(words), k) for words in queries]
        return np.array([ids for ids, _ in found]), np.array([scores for _, scores in found])


class DocumentFrequency(Mapping):
    """How many passages hold each stemmed word (for IDF weights), read off BM25's column pointers when asked:
    a dict of every word took a tenth of a new process's index load and about 100 bytes a word."""

    def __init__(self, keywords: KeywordIndex):
        self.columns, self.counts = keywords.vocab_dict, np.diff(keywords.scores["indptr"])

    def __getitem__(self, word: str) -> int:
        column = self.columns[word]
        if column >= len(self.counts):  # a word bm25s numbered but gave no column
            raise KeyError(word)
        return int(self.counts[column])

    def __iter__(self):
        return (word for word, column in self.columns.items() if column < len(self.counts))

    def __len__(self) -> int:
        return sum(1 for _ in self)


def top_k(scores: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """The k best (ids, scores), best first: a partition, then a sort of those k, as bm25s's numpy backend does
    (so equal scores come out in the same order)."""
    candidates = np.argpartition(scores, -k).take(indices=range(-k, 0))
    candidate_scores = np.take(scores, candidates)
    order = np.flip(np.argsort(candidate_scores))
    return candidates[order], candidate_scores[order]
