"""Load the live build into memory: documents, passages, sentence vectors, FAISS, BM25 and the table frame.

Everything a question needs is read once here; a missing or damaged build raises an error that says how to
fix it, never a traceback. Every file is checked against the sha256 its manifest records before it is read
(about 10 ms for this index), so a flipped byte is reported, not silently answered from.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from assistant.errors import IndexCorruptError, IndexMissingError
from assistant.ingest.catalogue import Catalogue
from assistant.ingest.performance import COLUMNS
from assistant.ingest import stats
from assistant.ingest import street as police
from assistant.ingest.stats import StatsCatalogue
from assistant.ingest.street import PoliceFrames, StreetCatalogue
from assistant.records import Chunk, Document, Location, Section
from assistant.store.manifest import FIX, current_build, verify_build
from assistant.store.vectors import SEARCH_THREADS


CHUNK_VECTORS = "chunks.npy"  # the passages' exact vectors (the FAISS index may hold them quantised)


@dataclass(frozen=True)
class Sentence:
    """One sentence of a chunk, embedded on its own so answers can pick the sentence that answers."""

    id: str
    chunk: int
    document: str
    start: int
    end: int


@dataclass
class LoadedIndex:
    """Everything a question needs, in memory."""

    directory: Path
    manifest: dict
    documents: dict[str, Document]
    chunks: list[Chunk]
    sentences: list[Sentence]
    chunk_vectors: np.ndarray
    sentence_vectors: np.ndarray
    window_vectors: np.ndarray  # each sentence with the one before it, for sentences that lean on it
    faiss_index: object
    bm25: object
    frame: pd.DataFrame
    checks: pd.DataFrame
    catalogue: Catalogue = field(default_factory=Catalogue)
    problems: list[dict] = field(default_factory=list)
    document_frequency: dict[str, int] = field(default_factory=dict)
    sentence_position: dict[tuple[str, int], int] = field(default_factory=dict)
    street: PoliceFrames | None = None  # police.uk rows (ingest.street), None when the corpus has none
    street_catalogue: StreetCatalogue = field(default_factory=StreetCatalogue)
    stats: tuple[pd.DataFrame, StatsCatalogue] | None = None  # tidy statistics rows (ingest.stats) and catalogue
    # What later stages work out once from this index (answer.facts: each sentence's terms and context), kept
    # here so it lives and dies with the index rather than in a module-level cache.
    derived: dict[str, object] = field(default_factory=dict, repr=False, compare=False)



def load_index(index_dir: Path) -> LoadedIndex:
    """Load the live build; a missing or damaged one raises an error that says how to fix it."""
    import bm25s
    import faiss

    build = current_build(index_dir)
    if build is None:
        raise IndexMissingError(f"No index in {index_dir} - run `assistant index` to build it")
    fix = FIX
    manifest = verify_build(build)
    try:
        documents = {}
        for record in json.loads((build / "documents.json").read_text()):
            record["sections"] = tuple(Section(tuple(p), s, e) for p, s, e in record["sections"])
            record["locations"] = tuple(Location(s, e, where, tuple(cells))
                                        for s, e, where, cells in record.get("locations", ()))
            documents[record["id"]] = Document(**record)
        chunks = [Chunk(id=r["id"], document=r["document"], section_path=tuple(r["section_path"]),
                        start=r["start"], end=r["end"],
                        text=documents[r["document"]].text[r["start"]:r["end"]],
                        sentences=tuple(tuple(s) for s in r["sentences"]))
                  for r in json.loads((build / "chunks.json").read_text())]
        sentences = [Sentence(**r) for r in json.loads((build / "sentences.json").read_text())]
        faiss_index = faiss.read_index(str(build / "chunks.faiss"))
        # Memory-mapped, not read: only the rows an answer compares are paged in, so the passages' vectors
        # are held once in memory (by FAISS), whatever index type the build chose.
        chunk_vectors = np.load(build / CHUNK_VECTORS, mmap_mode="r")
        faiss.omp_set_num_threads(SEARCH_THREADS)
        sentence_vectors = np.load(build / "sentences.npy")
        window_vectors = np.load(build / "windows.npy")
        bm25 = bm25s.BM25.load(str(build / "bm25"), show_progress=False, verbosity=0)
        frame = load_frame(build / "tables.parquet")
        checks = pd.read_parquet(build / "table_checks.parquet")
        catalogue = Catalogue.from_dict(json.loads((build / "catalogue.json").read_text()))
        street, street_catalogue = police.load(build)
        tidy_stats = stats.load(build)  # tidy statistics files (ingest.stats), None when the corpus has none
    except Exception as error:  # any unreadable part means the same thing to the user
        raise IndexCorruptError(f"The index in {build} is damaged ({type(error).__name__}: {error}) - {fix}") \
            from error
    if not faiss_index.ntotal == len(chunk_vectors) == len(chunks) or \
            not len(sentence_vectors) == len(window_vectors) == len(sentences):
        raise IndexCorruptError(f"The index in {build} is inconsistent (vectors do not match passages) - {fix}")
    return LoadedIndex(build, manifest, documents, chunks, sentences, chunk_vectors, sentence_vectors, window_vectors,
                       faiss_index, bm25, frame, checks, catalogue, list(manifest.get("problems", [])),
                       _document_frequency(bm25), {(s.document, s.start): i for i, s in enumerate(sentences)},
                       street, street_catalogue, tidy_stats)


def _document_frequency(bm25) -> dict[str, int]:
    """How many passages hold each stemmed word, read off BM25's column pointers, for IDF weights."""
    indptr = bm25.scores["indptr"]
    return {word: int(indptr[i + 1] - indptr[i]) for word, i in bm25.vocab_dict.items() if i + 1 < len(indptr)}


def load_frame(path: Path) -> pd.DataFrame:
    """Read the performance frame written at build, refusing one whose columns do not match."""
    if not path.exists():
        raise IndexMissingError(f"No performance table file at {path} - run `assistant index`.")
    frame = pd.read_parquet(path, engine="pyarrow")
    if tuple(frame.columns) != COLUMNS:
        raise IndexCorruptError(f"{path} does not hold the performance frame's columns - run `assistant index`.")
    return frame
