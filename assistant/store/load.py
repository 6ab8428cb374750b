"""Load the live build into memory: documents, passages, sentence vectors, FAISS, BM25 and the table frames.

Everything a passage question needs is read once here; the pandas frames (performance tables, police.uk rows,
tidy statistics) are read the first time a question needs them (`Frames`). Passages and sentences are held as
columns of their spans and made into records when asked for (`store.spans`), not held as an object each. A
missing or damaged build raises an error that says how to fix it, never a traceback. Every file is checked against
the sha256 its manifest records before it is read (about 10 ms for this index), so a flipped byte is reported,
not silently answered from; files that pass but do not fit one another (rows past their documents, facts for
another number of sentences) are reported the same way.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from assistant.errors import IndexCorruptError, IndexMissingError
from assistant.ingest.catalogue import Catalogue
from assistant.records import Chunk, Document, Location, Section
from assistant.store import spans
from assistant.store.allocator import return_large_blocks
from assistant.store.keywords import DocumentFrequency, KeywordIndex
from assistant.store.manifest import FIX, current_build, verify_build
from assistant.store.sentence_facts import SentenceFacts
from assistant.store.sentence_facts import load as load_sentence_facts
from assistant.store.spans import Sentence, Sentences
from assistant.store.vectors import SEARCH_THREADS, Rescored, SentenceVectors

if TYPE_CHECKING:  # pandas and the police.uk and statistics readers are imported when a frame is first read
    import pandas as pd

    from assistant.ingest.stats import StatsCatalogue
    from assistant.ingest.street import PoliceFrames, StreetCatalogue

CHUNK_VECTORS = "chunks.npy"  # the passages' exact vectors (the FAISS index may hold them quantised)
SENTENCE_SEARCH = "sentences.faiss"  # quantised sentence and window vectors, written only for a large corpus


@dataclass
class LoadedIndex:
    """Everything a question needs, in memory."""

    directory: Path
    manifest: dict
    documents: dict[str, Document]
    chunks: Sequence[Chunk]  # store.spans.Passages once loaded: each made from its row when asked for
    sentences: Sequence[Sentence]  # store.spans.Sentences once loaded
    chunk_vectors: np.ndarray
    sentence_vectors: np.ndarray
    window_vectors: np.ndarray  # each sentence with the one before it, for sentences that lean on it
    faiss_index: object
    bm25: KeywordIndex
    frames: Frames
    catalogue: Catalogue = field(default_factory=Catalogue)
    problems: list[dict] = field(default_factory=list)
    document_frequency: Mapping[str, int] = field(default_factory=dict)  # word -> passages holding it
    sentence_position: Mapping[tuple[str, int], int] = field(default_factory=dict)  # see SentencePositions
    # The same sentence and window vectors, with what finds the closest and scores them (store.vectors).
    sentence_search: SentenceVectors | None = None
    # Each sentence's terms and context label as the build worked them out (None: work them out, see the module).
    sentence_facts: SentenceFacts | None = None
    # What later stages work out once from this index (answer.facts: each sentence's terms and context), kept
    # here so it lives and dies with the index rather than in a module-level cache.
    derived: dict[str, object] = field(default_factory=dict, repr=False, compare=False)

    @property
    def frame(self) -> pd.DataFrame:
        """The performance tables, one row per printed value (ingest.performance)."""
        return self.frames.get(PERFORMANCE)

    @property
    def checks(self) -> pd.DataFrame:
        """What the build found when it recomputed the tables' differences and rates (ingest.checks)."""
        return self.frames.get(CHECKS)

    @property
    def street(self) -> PoliceFrames | None:
        """The police.uk rows (ingest.street), None when the corpus has none."""
        return self.frames.get(POLICE)[0]

    @property
    def street_catalogue(self) -> StreetCatalogue:
        catalogue = self.frames.get(POLICE)[1]
        if catalogue is None:  # no police.uk files: an empty catalogue, its module imported only when asked for
            from assistant.ingest.street import StreetCatalogue

            catalogue = StreetCatalogue()
        return catalogue

    @property
    def stats(self) -> tuple[pd.DataFrame, StatsCatalogue] | None:
        """The tidy statistics rows (ingest.stats) and their catalogue, None when the corpus has none."""
        return self.frames.get(STATS)



def load_index(index_dir: Path) -> LoadedIndex:
    """Load the live build; a missing or damaged one raises an error that says how to fix it."""
    import faiss

    return_large_blocks()  # reading an index frees large blocks: see store.allocator
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
        chunks, sentences = spans.load(build, documents)
        faiss_index = faiss.read_index(str(build / "chunks.faiss"))
        # Memory-mapped, not read: only the rows an answer compares are paged in, so the passages' vectors
        # are held once in memory (by FAISS, as 8-bit codes for a large corpus), whatever type the build chose.
        chunk_vectors = np.load(build / CHUNK_VECTORS, mmap_mode="r")
        faiss.omp_set_num_threads(SEARCH_THREADS)
        fetch = manifest.get("vector_index", {}).get("fetch")
        if fetch:  # 8-bit codes: their shortlist is ranked by the exact vectors (store.vectors)
            faiss_index = Rescored(faiss_index, chunk_vectors, int(fetch))
        sentence_vectors = np.load(build / "sentences.npy", mmap_mode="r")  # memory-mapped too (store.vectors)
        window_vectors = np.load(build / "windows.npy", mmap_mode="r")
        search = faiss.read_index(str(build / SENTENCE_SEARCH)) if (build / SENTENCE_SEARCH).is_file() else None
        sentence_search = SentenceVectors(sentence_vectors, window_vectors,
                                          sentences.chunk_of, chunk_vectors,
                                          search, manifest.get("sentence_search", {}).get("fetch", 0))
        bm25 = KeywordIndex.load(build / "bm25")  # numpy alone: importing bm25s would import scipy
        catalogue = Catalogue.from_dict(json.loads((build / "catalogue.json").read_text()))
        facts = load_sentence_facts(build, manifest)
    except Exception as error:  # any unreadable part means the same thing to the user
        raise IndexCorruptError(f"The index in {build} is damaged ({type(error).__name__}: {error}) - {fix}") \
            from error
    if not faiss_index.ntotal == len(chunk_vectors) == len(chunks) or \
            not len(sentence_vectors) == len(window_vectors) == len(sentences) or \
            facts is not None and len(facts.label_of) != len(sentences):
        raise IndexCorruptError(f"The index in {build} is inconsistent (its vectors or sentence facts do not match "
                                f"its passages) - {fix}")
    return LoadedIndex(build, manifest, documents, chunks, sentences, chunk_vectors, sentence_vectors, window_vectors,
                       faiss_index, bm25, Frames(build), catalogue, list(manifest.get("problems", [])),
                       DocumentFrequency(bm25), SentencePositions(sentences),
                       sentence_search, facts)


class SentencePositions(Mapping):
    """(document, start) -> that sentence's position in `LoadedIndex.sentences`, held as two arrays searched by
    halving: a dict of tuples took a kilobyte a passage at ten thousand passages."""

    def __init__(self, sentences: Sequence[Sentence]):
        self.sentences = sentences
        self.numbered: dict[str, int] = {}  # document -> its number in the keys (Mapping has `keys()`)
        numbered = self.numbered
        if isinstance(sentences, Sentences):  # read off its columns, without making a record per sentence
            numbered.update((name, k) for k, name in enumerate(sentences.names))
            keys = (sentences.document_of.astype(np.int64) << 32) | sentences.start_of
        else:
            keys = np.fromiter(((numbered.setdefault(s.document, len(numbered)) << 32) | s.start for s in sentences),
                               dtype=np.int64, count=len(sentences))
        self.at = np.argsort(keys, kind="stable").astype(np.int32)
        self.sorted = keys[self.at]

    def __getitem__(self, key: tuple[str, int]) -> int:
        document, start = key
        if document not in self.numbered or not 0 <= start < 1 << 32:
            raise KeyError(key)
        wanted = (self.numbered[document] << 32) | start
        at = int(np.searchsorted(self.sorted, wanted, side="right")) - 1  # the last of equal keys, as a dict keeps
        if at < 0 or self.sorted[at] != wanted:
            raise KeyError(key)
        return int(self.at[at])

    def __iter__(self):
        return iter(dict.fromkeys((s.document, s.start) for s in self.sentences))

    def __len__(self) -> int:
        return len(set(self))


PERFORMANCE, CHECKS, POLICE, STATS = "performance tables", "table checks", "police.uk rows", "statistics"


class Frames:
    """A build's pandas frames, each read from its files the first time it is asked for, and once.

    Why not at load: importing pandas and pyarrow takes longer than loading the embedding model, and a passage
    answer needs no frame, so a new process answering one should not pay for them; a table, police.uk or
    statistics question pays once, when it first needs its frame. The files were checked against their sha256
    when the build was opened, so a read failing here means a file changed since: reported as a damaged index."""

    def __init__(self, build: Path):
        self.build = build
        self._read: dict[str, object] = {}
        self._lock = threading.Lock()  # two threads asking at once read the files once

    def get(self, name: str):
        with self._lock:
            if name not in self._read:
                try:
                    self._read[name] = _READERS[name](self.build)
                except Exception as error:
                    raise IndexCorruptError(f"The index in {self.build} is damaged ({type(error).__name__}: "
                                            f"{error}) - {FIX}") from error
            return self._read[name]


# The file each reader below finds first, written only when the corpus held police.uk or tidy statistics data
# (`ingest.street.save`, `ingest.stats.save`): without it the reader is not imported (about 40 ms of a new
# process's first question, spent finding that there is nothing to read). tests/store/test_frame_files.py
# checks these names against the readers'.
POLICE_FILE, STATS_FILE = "street.parquet", "stats.parquet"


def _police(build: Path) -> tuple[PoliceFrames | None, StreetCatalogue | None]:
    """The police.uk frames and catalogue; (None, None) when the build holds none (see `street_catalogue`)."""
    if not (build / POLICE_FILE).is_file():
        return None, None
    from assistant.ingest import street

    return street.load(build)


def _stats(build: Path) -> tuple[pd.DataFrame, StatsCatalogue] | None:
    if not (build / STATS_FILE).is_file():
        return None  # the corpus held no tidy statistics file
    from assistant.ingest import stats

    return stats.load(build)


def _checks(build: Path) -> pd.DataFrame:
    import pandas as pd

    return pd.read_parquet(build / "table_checks.parquet")


_READERS = {PERFORMANCE: lambda build: load_frame(build / "tables.parquet"), CHECKS: _checks, POLICE: _police,
            STATS: _stats}


def load_frame(path: Path) -> pd.DataFrame:
    """Read the performance frame written at build, refusing one whose columns do not match."""
    import pandas as pd

    from assistant.ingest.performance import COLUMNS

    if not path.exists():
        raise IndexMissingError(f"No performance table file at {path} - run `assistant index`.")
    frame = pd.read_parquet(path, engine="pyarrow")
    if tuple(frame.columns) != COLUMNS:
        raise IndexCorruptError(f"{path} does not hold the performance frame's columns - run `assistant index`.")
    return frame
