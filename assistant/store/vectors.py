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

The sentences' vectors are kept here too (`SentenceVectors`, see the comment above it): an answer reads
exact scores for the sentences it weighs and never scans them all once the corpus is large.
"""

from __future__ import annotations

import os
import weakref

import numpy as np

from assistant.errors import IndexCorruptError
from assistant.store.manifest import FIX

FLAT_LIMIT = 50_000
# Past HALF_LIMIT vectors the flat index holds them as 8-bit codes (384 bytes a vector, not 1,536) and reads
# exact scores for what it finds: it asks the codes for `fetch` times as many as wanted and ranks those by
# their float32 vectors, read from the disk copy (`Rescored`), so the order an answer sees is exact whenever
# the codes' shortlist holds the exact top. `fetch` is the smallest of FETCHES that finds RESCORED_RECALL of
# the exact top DEPTH (what retrieval asks for) on a sample, recorded in the manifest. Below HALF_LIMIT the
# index stays float32 in memory, so a small corpus's answers are bit-exact and need no disk read.
HALF_LIMIT = 4_096
DEPTH = 40  # passages retrieval asks the vectors for (answer.retrieve)
RESCORED_RECALL = 0.999  # the shortlist must hold practically all of the exact top DEPTH: ranks feed answers
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


def build_vector_index(vectors: np.ndarray, flat_limit: int = FLAT_LIMIT, seed: int = 0,
                       half_limit: int = HALF_LIMIT):
    """A FAISS index over `vectors` (unit length, float32) and a record of what was chosen, for the manifest."""
    import faiss

    n, dimension = vectors.shape
    exact = {"type": "flat", "vectors": n, "bytes_per_vector": 4 * dimension, "recall_at_10": 1.0}
    if n <= min(flat_limit, half_limit):
        return _flat(vectors), exact
    if n <= flat_limit:
        return _coded_flat(vectors, exact, np.random.default_rng(seed))
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


def _coded_flat(vectors: np.ndarray, exact: dict, rng: np.random.Generator):
    """Flat search over 8-bit codes, its shortlist rescored exactly (`Rescored`), with the over-fetch that finds
    RESCORED_RECALL of the exact top DEPTH on a sample of the corpus's own vectors; float32 if none does."""
    import faiss

    n, dimension = vectors.shape
    codes = faiss.IndexScalarQuantizer(dimension, faiss.ScalarQuantizer.QT_8bit, faiss.METRIC_INNER_PRODUCT)
    codes.train(vectors[np.sort(rng.choice(n, min(n, TRAINING), replace=False))])
    codes.add(vectors)
    chosen = rng.choice(n, min(n, RECALL_QUERIES), replace=False)
    queries = np.ascontiguousarray(vectors[chosen])
    depth = min(DEPTH, n)
    _, wanted = _flat(vectors).search(queries, depth)
    recall = 0.0
    for fetch in FETCHES:
        found = Rescored(codes, vectors, fetch).search(queries, depth)[1]
        recall = float(np.mean([len(set(a.tolist()) & set(b.tolist())) / depth for a, b in zip(found, wanted)]))
        if recall >= RESCORED_RECALL:
            break
    if recall < RESCORED_RECALL:
        return _flat(vectors), {**exact, "why": f"8-bit codes rescored found only {recall:.4f} of the exact "
                                               f"top {depth}"}
    return codes, {"type": "flat,SQ8,rescored", "vectors": n, "bytes_per_vector": dimension, "fetch": fetch,
                   f"recall_at_{depth}": round(recall, 4)}


class Rescored:
    """A FAISS index over coded vectors whose shortlist is ranked by the exact vectors: `search` asks the codes
    for `fetch` times k and returns the k of those closest by float32 inner product, best first, as FAISS's
    own `search` returns them (scores, ids; one row per query)."""

    def __init__(self, codes, exact: np.ndarray, fetch: int):
        self.codes, self.exact, self.fetch = codes, Rows(exact), fetch

    @property
    def ntotal(self) -> int:
        return self.codes.ntotal

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        queries = np.ascontiguousarray(queries, dtype="float32").reshape(-1, self.codes.d)
        _, shortlists = self.codes.search(queries, min(k * self.fetch, self.ntotal))
        scores = np.full((len(queries), k), -np.inf, dtype="float32")
        ids = np.full((len(queries), k), -1, dtype=np.int64)
        for row, (query, shortlist) in enumerate(zip(queries, shortlists)):
            shortlist = shortlist[shortlist >= 0]
            exact = self.exact[shortlist] @ query
            best = np.lexsort((shortlist, -exact))[:k]  # closest first, equal scores by id
            scores[row, :len(best)], ids[row, :len(best)] = exact[best], shortlist[best]
        return scores, ids


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


# Sentences. An answer compares the question with every sentence's vector and its window's (the sentence read
# with the one before it) to find the closest sentences anywhere. Both are kept exact (float32) on disk, and only
# the rows an answer asks for are read (`Rows`). Up to SCAN_LIMIT sentences a question scores
# them all, exactly, as a few milliseconds of matrix product. Beyond it, that scan would read every vector per
# question (3 KB a sentence), so a product quantiser (PQ_BYTES a vector, held in memory) finds the closest
# `fetch` times as many as asked, and those are scored exactly from the disk copy: the answer sees exact scores
# only. `fetch` is the smallest that finds TARGET_RECALL of the exact closest CLOSE_K on a sample, recorded in
# the manifest; if none reaches MIN_RECALL, the build keeps the exact scan.
SCAN_LIMIT = 2_048
PQ_BYTES = 48  # sub-vectors of 8 dimensions, one byte each: 48 bytes a vector where float32 takes 1,536
PQ_TRAINING = 40_000  # vectors the quantiser's codebooks are learned from (well over FAISS's 39 per centroid)
CLOSE_K = 20  # how many closest sentences an answer asks for (answer.passages.CLOSEST)
FETCHES = (2, 4, 8, 16, 32)  # over-fetch factors tried, smallest (fastest) first
TIE = 1e-6  # scores this close to the exact CLOSE_K-th count as ties (float32 sums over other row blocks)


def build_sentence_search(sentences: np.ndarray, windows: np.ndarray, scan_limit: int = SCAN_LIMIT,
                          seed: int = 0):
    """The quantised index over sentence and window vectors (None: scan them exactly) and a record for the
    manifest, with its over-fetch and the recall of the closest CLOSE_K it was measured to give."""
    import faiss

    n, dimension = sentences.shape
    if n <= scan_limit:
        return None, {"type": "scan", "sentences": n}
    both = np.ascontiguousarray(np.vstack([sentences, windows]), dtype="float32")
    index = faiss.IndexPQ(dimension, PQ_BYTES, 8, faiss.METRIC_INNER_PRODUCT)
    rng = np.random.default_rng(seed)
    index.train(both[np.sort(rng.choice(len(both), min(len(both), PQ_TRAINING), replace=False))])
    index.add(both)
    vectors = SentenceVectors(sentences, windows, np.zeros(n, dtype=np.int32), sentences[:0], index)
    queries = sentences[rng.choice(n, RECALL_QUERIES)] + windows[rng.choice(n, RECALL_QUERIES)]
    queries /= np.linalg.norm(queries, axis=1, keepdims=True)  # near the corpus, but none of its own vectors
    # A found sentence counts when it scores as high as the exact CLOSE_K-th: a text repeated across documents (a
    # standard paragraph) has one vector, so its copies tie, and which of them an exact top CLOSE_K keeps is
    # arbitrary: counted as misses, `make bench-scale`'s recombined sentences (each about twenty times) measured 0.80.
    wanted = min(CLOSE_K, n)
    bars = [np.partition(np.maximum(sentences @ q, windows @ q), n - wanted)[n - wanted] for q in queries]
    recall = 0.0
    for fetch in FETCHES:
        vectors.fetch = fetch
        recall = float(np.mean([np.count_nonzero(vectors.raw(q, vectors.closest_raw(q, CLOSE_K)) >= bar - TIE) / wanted
                                for q, bar in zip(queries, bars)]))
        if recall >= TARGET_RECALL:
            break
    if recall < MIN_RECALL:
        return None, {"type": "scan", "sentences": n, "why": f"PQ{PQ_BYTES} found only {recall:.3f} of the "
                                                                f"exact closest {CLOSE_K}"}
    return index, {"type": f"PQ{PQ_BYTES}", "sentences": n, "fetch": fetch, "bytes_per_sentence": 2 * PQ_BYTES,
                   f"recall_at_{CLOSE_K}": round(recall, 4)}


def _top(scores: np.ndarray, k: int) -> list[int]:
    """Positions of the k highest scores (all of them when there are no more than k), in no order."""
    return np.argpartition(-scores, k)[:k].tolist() if len(scores) > k else list(range(len(scores)))


class Rows:
    """A saved matrix's rows, read as an answer asks for them. The rows of a memory-mapped file are read with
    `os.pread`, not through the map: through it, the kernel pages in (and the process holds) whole pages around
    each row, 14 KB a passage at ten thousand passages (`make bench-scale`), where a read copies the rows asked
    for. Every row at once (a scan) is read through the map; a matrix in memory is indexed."""

    def __init__(self, matrix: np.ndarray):
        self.all = matrix.view(np.ndarray)  # a plain view: indexing a numpy memmap object costs microseconds a row
        whole_file = isinstance(matrix, np.memmap) and matrix.filename is not None and \
            matrix.flags.c_contiguous and os.path.getsize(matrix.filename) == matrix.offset + matrix.nbytes
        self.handle, self.offset, self.path = None, 0, None
        if whole_file:
            # Held open for the life of these rows, as the map was: a rebuild may delete the build's folder under
            # a long-running chat, and an open file outlives its name.
            self.handle, self.offset, self.path = os.open(matrix.filename, os.O_RDONLY), matrix.offset, matrix.filename
            weakref.finalize(self, os.close, self.handle)

    def __len__(self) -> int:
        return len(self.all)

    def __getitem__(self, rows) -> np.ndarray:
        if self.handle is None or isinstance(rows, slice):
            return self.all[rows]
        rows = np.asarray(rows, dtype=np.int64)
        order = np.argsort(rows, kind="stable")
        ordered = rows[order]
        read = np.empty((len(rows), *self.all.shape[1:]), dtype=self.all.dtype)  # in row order
        width, into = read[:1].nbytes, memoryview(read.reshape(-1).view(np.uint8))
        starts = np.flatnonzero(np.diff(ordered, prepend=-2) != 1).tolist()
        for begin, end in zip(starts, starts[1:] + [len(rows)]):  # one read per run of consecutive rows
            wanted = (end - begin) * width
            if os.preadv(self.handle, [into[begin * width:end * width]], self.offset + int(ordered[begin]) * width) \
                    != wanted:
                raise IndexCorruptError(f"The vector file {self.path} is shorter than its index says - {FIX}")
        out = np.empty_like(read)
        out[order] = read
        return out


class SentenceVectors:
    """Every sentence's vector and its window's, exact on disk, and what finds the closest (see above)."""

    def __init__(self, sentences: np.ndarray, windows: np.ndarray, chunk_of: np.ndarray, chunk_vectors: np.ndarray,
                 search=None, fetch: int = 0):
        self.sentences, self.windows = Rows(sentences), Rows(windows)
        self.chunk_of, self.chunk_vectors = chunk_of, Rows(chunk_vectors)
        self.search, self.fetch = search, fetch

    def __len__(self) -> int:
        return len(self.sentences)

    def raw(self, question: np.ndarray, rows: np.ndarray) -> np.ndarray:
        """Each row's closeness to the question: the nearer of the sentence alone and its window."""
        return np.maximum(self.sentences[rows] @ question, self.windows[rows] @ question)

    def closest_raw(self, question: np.ndarray, k: int, besides: frozenset[int] = frozenset()) -> np.ndarray:
        """The k sentences, `besides` left out, nearest the question by `raw`: the quantiser's `fetch` times k
        best, scored exactly."""
        wanted, n = k * self.fetch, len(self)
        _, ids = self.search.search(question.reshape(1, -1).astype("float32"), min(wanted + 2 * len(besides), 2 * n))
        rows = np.asarray(list(dict.fromkeys(i % n for i in ids[0].tolist() if i >= 0 and i % n not in besides))
                          [:wanted], dtype=np.int64)
        return rows[_top(self.raw(question, rows), k)]

    def similarity(self, question: np.ndarray, hit_chunks: list[int]) -> Similarity:
        return Similarity(self, question, hit_chunks)


class Similarity:
    """How close each sentence is to one question: on its own, read with the sentence before, or (for a short
    line under a heading in a retrieved passage) as part of that passage, whose vector carries the headings.

    Indexed like an array (`similarity[i]`). When the sentences are scanned, every score is worked out at once,
    as one matrix product; otherwise each is worked out from the disk copy when first asked for."""

    def __init__(self, vectors: SentenceVectors, question: np.ndarray, hit_chunks: list[int]):
        self.vectors, self.question = vectors, question
        self.passage: dict[int, np.float32] = {}
        if hit_chunks:
            close = vectors.chunk_vectors[hit_chunks] @ question
            self.passage = dict(zip(hit_chunks, close))
        self.known: dict[int, np.float32] = {}
        self.full = None
        if vectors.search is None and len(vectors):
            self.full = self._blend(np.arange(len(vectors)), vectors.raw(question, slice(None)))

    def _blend(self, rows: np.ndarray, raw: np.ndarray) -> np.ndarray:
        """A sentence of a retrieved passage closer to the passage's vector than its own moves halfway to it."""
        if not self.passage:
            return raw
        passage = np.array([self.passage.get(c, -np.inf) for c in self.vectors.chunk_of[rows].tolist()],
                           dtype=raw.dtype)
        return np.where(passage > raw, 0.5 * (raw + passage), raw)

    def __len__(self) -> int:
        return len(self.vectors)

    def __getitem__(self, i: int):
        if self.full is not None:
            return self.full[i]
        if i not in self.known:
            self.score([i])
        return self.known[i]

    def score(self, rows) -> None:
        """Work out (and keep) the scores of these sentences in one product (all are known already after a scan)."""
        if self.full is not None:
            return
        rows = np.asarray(sorted(set(rows) - set(self.known)), dtype=np.int64)
        if len(rows):
            self.known.update(zip(rows.tolist(), self._blend(rows, self.vectors.raw(self.question, rows))))

    def closest(self, k: int) -> set[int]:
        """The k sentences closest to the question, a retrieved passage's sentences raised by the passage."""
        if self.full is not None:
            return set(_top(self.full, k))
        members = frozenset(np.flatnonzero(np.isin(self.vectors.chunk_of, list(self.passage))).tolist())
        # A raised sentence belongs to a retrieved passage, so the k closest are among those sentences and the
        # k closest of the others by their own scores.
        pool = sorted({*self.vectors.closest_raw(self.question, k, members).tolist(), *members})
        self.score(pool)
        return {pool[j] for j in _top(np.array([self.known[i] for i in pool]), k)}
