"""Build the index: chunks, FAISS vectors, BM25, the performance frame and a manifest, written atomically.

A build is written into a fresh folder `index/build-<time>` and made live by atomically replacing
the one-line pointer file `index/CURRENT`, so a crash mid-build never leaves a half-written index
behind the pointer. Vectors are cached by content hash, so a rebuild embeds only changed text.

The manifest records the sha256 of every file written (checked by `load_index`). A build holds the lock file
`index/.build.lock` from start to switch, so two builds (two processes, or two threads) never interleave: the
second waits for the first, then finds the index up to date. The previous build is kept after a switch, so a
reader that read the pointer just before it still finds its files; only older builds are deleted. A live
build that fails its checksums is never "up to date": it is rebuilt.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import json
import os
import shutil
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable

import numpy as np
import pandas as pd

from assistant import vocab
from assistant.vocab import saved as saved_vocabulary
from assistant.vocab import stats_words, street_words
from assistant.config import ChunkSettings
from assistant.errors import IndexBusyError, IndexCorruptError, IndexMissingError
from assistant.ingest import checks as table_checks
from assistant.ingest import chunking, corpus, performance, stats, street, tables
from assistant.ingest.catalogue import Catalogue, build_catalogue
from assistant.records import Chunk, Document
from assistant.store.embedding import DIMENSION, MODEL_NAME, encode, ensure_model
from assistant.store.load import CHUNK_VECTORS, SENTENCE_SEARCH, LoadedIndex, Sentence, load_index
from assistant.store import names, sentence_facts, spans
from assistant.store.manifest import (
    FORMAT_VERSION,
    MANIFEST,
    POINTER,
    build_files,
    changed_files,
    corpus_hashes,
    live_build,
    manifest_bytes,
    read_manifest,
    verify_build,
)
from assistant.store.vectors import build_sentence_search, build_vector_index
from assistant.text.normalise import normalise
from assistant.text.tokens import bm25_tokens

Progress = Callable[[str, float], None]
LOCK = ".build.lock"
EMBED_SLICE = 128  # texts between two progress reports (a few seconds of work)
LOCK_WAIT_SECONDS = 600.0  # a build takes well under a minute; waiting longer means something is stuck


@dataclass(frozen=True)
class BuildReport:
    built: bool
    directory: Path
    seconds: float
    documents: int
    chunks: int
    embedded: int  # distinct texts encoded (a text repeated in the corpus is encoded once)
    reused: int
    table_values: int
    problems: tuple[dict, ...]
    changed: tuple[str, ...]
    catalogue: Catalogue | None = None  # what the tables taught this build; None when nothing was rebuilt
    street: street.StreetCatalogue | None = None  # what police.uk files taught it, when the corpus held any
    stats: stats.StatsCatalogue | None = None  # what tidy statistics files taught it, when the corpus held any


def content_id(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]



def embedding_text(doc: Document, path: tuple[str, ...], text: str) -> str:
    """What the model sees: where the passage sits helps it match "according to the PFCC"-style questions."""
    return " › ".join((doc.title, *path)) + "\n" + text


def build_index(corpus_dir: Path, index_dir: Path, settings: ChunkSettings = ChunkSettings(),
                force: bool = False, progress: Progress | None = None,
                wait_seconds: float = LOCK_WAIT_SECONDS) -> BuildReport:
    """Build the index unless the live one already matches the corpus, model and settings and is undamaged.

    Holds the build lock throughout: a second build waits up to `wait_seconds` for the first to finish
    (then usually finds nothing to do), else raises `IndexBusyError`."""
    started = time.perf_counter()
    corpus_hashes(corpus_dir)  # a missing corpus folder is reported before anything is created
    with build_lock(index_dir, wait_seconds):
        return _build_locked(corpus_dir, index_dir, settings, force, progress, started)


@contextmanager
def build_lock(index_dir: Path, wait_seconds: float = LOCK_WAIT_SECONDS):
    """An exclusive lock on `index/.build.lock` (released by the OS if the process dies)."""
    index_dir.mkdir(parents=True, exist_ok=True)
    handle = open(index_dir / LOCK, "a+")
    try:
        deadline = time.monotonic() + wait_seconds
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as error:
                if error.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                    raise
                if time.monotonic() >= deadline:
                    raise IndexBusyError(f"Another build of the index in {index_dir} is running (it holds "
                                         f"{LOCK}) - wait for it to finish, then run `assistant index` "
                                         f"again") from None
                time.sleep(0.1)
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        yield
    finally:
        handle.close()  # closing releases the lock


def _build_locked(corpus_dir: Path, index_dir: Path, settings: ChunkSettings, force: bool,
                  progress: Progress | None, started: float) -> BuildReport:
    report = progress or (lambda message, fraction: None)
    hashes = corpus_hashes(corpus_dir)
    previous = read_manifest(index_dir) or {}
    same_recipe = (previous.get("model") == MODEL_NAME and previous.get("chunking") == settings.to_dict()
                   and previous.get("format") == FORMAT_VERSION)
    changed = changed_files(previous.get("corpus_files", {}), hashes)
    live = live_build(index_dir)
    if same_recipe and not changed and not force and live and _intact(live):
        return BuildReport(False, live, time.perf_counter() - started,
                           len(previous.get("documents", [])), previous.get("counts", {}).get("chunks", 0),
                           0, 0, previous.get("counts", {}).get("table_values", 0),
                           tuple(previous.get("problems", ())), ())

    report("Reading documents", 0.05)
    loaded = corpus.load_corpus(corpus_dir)
    documents = list(loaded.documents)
    report("Reading tables", 0.15)
    read = performance.read_performance(documents)
    words = vocab.load()
    frame = with_area_names(read.frame, words)
    checks = table_checks.check_frame(frame)
    catalogue = build_catalogue(frame, {d.id: d for d in documents}, words.area_kinds)
    unprinted = vocab.unprinted_entries(vocab.for_catalogue(words, catalogue)) if len(frame) else []
    streets = street.read_street(corpus_dir)  # police.uk rows: counted exactly, never embedded
    unprinted = [*unprinted, *street_words.unlearned(street_words.load(), streets.catalogue)]
    report("Splitting into passages", 0.2)
    chunks, sentences = _chunk_all(documents, settings)

    cache = _vector_cache(index_dir) if same_recipe and not force else {}
    by_id = {d.id: d for d in documents}
    chunk_texts = [embedding_text(by_id[c.document], c.section_path, c.text) for c in chunks]
    sentence_texts, window_texts = _sentence_texts(sentences, by_id)
    ids = [c.id for c in chunks] + [s.id for s in sentences] + [content_id("window", t) for t in window_texts]
    texts = chunk_texts + sentence_texts + window_texts
    missing = [i for i, key in enumerate(ids) if key not in cache]
    # Each distinct text is encoded once: a sentence repeated across documents (a standard paragraph, a
    # recurring agenda line) or a document's first sentence, whose window is itself, shares one vector.
    distinct = list(dict.fromkeys(texts[i] for i in missing))
    report(f"Embedding {len(distinct)} new passages and sentences ({len(ids) - len(missing)} reused)", 0.3)
    if distinct:
        ensure_model(verify=True)  # a missing or damaged exported model is exported afresh (the build's one torch use)
    fresh = _embed(distinct, report) if distinct else None
    row_of = {text: row for row, text in enumerate(distinct)}
    for i in missing:
        cache[ids[i]] = fresh[row_of[texts[i]]]
    vectors = np.stack([cache[key] for key in ids]) if ids else np.zeros((0, 384), dtype="float32")
    chunk_vectors, sentence_vectors, window_vectors = np.split(vectors, [len(chunks), len(chunks) + len(sentences)])

    report("Writing index", 0.85)
    problems = tuple(asdict(p) for p in (*loaded.problems, *streets.problems)) + tuple(
        {"file": document, "message": message} for document, message in read.problems) + tuple(
        {"file": "vocabulary", "message": message} for message in (*catalogue.problems, *unprinted))
    manifest = {
        "format": FORMAT_VERSION,
        "model": MODEL_NAME,
        "dimension": int(vectors.shape[1]),
        "chunking": settings.to_dict(),
        "corpus_files": hashes,
        "documents": [_doc_meta(d) for d in documents],
        "problems": list(problems),
        "counts": {"chunks": len(chunks), "sentences": len(sentences), "table_values": len(frame),
                   "table_findings": len(checks), "street_rows": len(streets.frame)},
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "build_seconds": None,
    }
    tidy = stats.read_stats(documents)
    build = _write_build(index_dir, manifest, documents, chunks, sentences, chunk_vectors, sentence_vectors,
                         window_vectors, chunk_texts, frame, checks, catalogue, started, streets, tidy)
    report("Done", 1.0)
    return BuildReport(True, build, time.perf_counter() - started, len(documents), len(chunks), len(distinct),
                       len(ids) - len(missing), len(frame), problems, changed, catalogue,
                       streets.catalogue if len(streets.frame) else None,
                       tidy.catalogue if len(tidy.frame) else None)


def _intact(build: Path) -> bool:
    """True when every file of the build matches its manifest's checksums."""
    try:
        verify_build(build)
    except IndexCorruptError:
        return False
    return True


def _doc_meta(doc: Document) -> dict:
    return {"id": doc.id, "title": doc.title, "publisher": doc.publisher, "date": doc.date, "kind": doc.kind}


def _chunk_all(documents: list[Document], settings: ChunkSettings) -> tuple[list[Chunk], list[Sentence]]:
    """Chunks for every document, leaving out the performance tables (answered from the frame instead).

    Overlapping chunks repeat sentences; each sentence is kept once, with the first chunk holding it.
    """
    chunks: list[Chunk] = []
    sentences: list[Sentence] = []
    seen: set[tuple[str, int]] = set()
    for doc in documents:
        exclude = [(t.start, t.end) for t in tables.find_tables(doc) if performance.is_performance_table(t)]
        for chunk in chunking.chunk_document(doc, settings, exclude=exclude):
            for start, end in chunk.sentences:
                if (doc.id, start) not in seen:
                    seen.add((doc.id, start))
                    sentences.append(Sentence(content_id(doc.id, doc.text[start:end]), len(chunks), doc.id,
                                              start, end))
            chunks.append(chunk)
    return chunks, sentences


def _embed(texts: list[str], report: Progress) -> np.ndarray:
    """Encode in slices, longest texts first (so batches pad little), reporting texts/s as it goes: the
    embedding is nearly all of a build's time, and the CLI and the chat show the rate on their progress bars."""
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]), reverse=True)
    vectors = np.empty((len(texts), DIMENSION), dtype="float32")
    started = time.perf_counter()
    for done in range(0, len(order), EMBED_SLICE):
        part = order[done:done + EMBED_SLICE]
        vectors[part] = encode([texts[i] for i in part])
        finished = done + len(part)
        rate = finished / max(time.perf_counter() - started, 1e-9)
        report(f"Embedding {finished:,}/{len(texts):,} texts ({rate:,.0f} texts/s)",
               round(0.3 + 0.55 * finished / len(texts), 4))
    return vectors


def kept_texts(index: LoadedIndex) -> list[str]:
    """The texts a build of `index` embedded, in the order it keeps their vectors (benchmarks time their bare
    encoding as the floor of a build)."""
    chunk_texts = [embedding_text(index.documents[c.document], c.section_path, c.text) for c in index.chunks]
    sentence_texts, window_texts = _sentence_texts(index.sentences, index.documents)
    return chunk_texts + sentence_texts + window_texts


def _sentence_texts(sentences: list[Sentence], documents: dict[str, Document]) -> tuple[list[str], list[str]]:
    """Each sentence's text, and its "window": the sentence with the one before it in the same document."""
    texts = [documents[s.document].text[s.start:s.end] for s in sentences]
    windows = [texts[i - 1] + " " + text if i and sentences[i - 1].document == s.document else text
               for i, (s, text) in enumerate(zip(sentences, texts))]
    return texts, windows


def _vector_cache(index_dir: Path) -> dict[str, np.ndarray]:
    """Vectors of the live build keyed by content id; an unreadable build just means embedding afresh."""
    try:
        live = load_index(index_dir)
    except (IndexMissingError, IndexCorruptError):
        return {}
    cache = {c.id: v for c, v in zip(live.chunks, live.chunk_vectors)}
    cache.update({s.id: v for s, v in zip(live.sentences, live.sentence_vectors)})
    _, windows = _sentence_texts(live.sentences, live.documents)
    cache.update({content_id("window", t): v for t, v in zip(windows, live.window_vectors)})
    return cache


def _write_build(index_dir: Path, manifest: dict, documents: list[Document], chunks: list[Chunk],
                 sentences: list[Sentence], chunk_vectors: np.ndarray, sentence_vectors: np.ndarray,
                 window_vectors: np.ndarray,
                 chunk_texts: list[str], frame: pd.DataFrame, checks: pd.DataFrame, catalogue: Catalogue,
                 started: float, streets: street.StreetLoad | None = None,
                 tidy: stats.StatsLoad | None = None) -> Path:
    import bm25s
    import faiss

    index_dir.mkdir(parents=True, exist_ok=True)
    # Two builds in the same second (a quick rebuild) must not collide: the nanoseconds keep names unique.
    name = f"build-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{time.time_ns() % 10**9:09d}"
    build = index_dir / (name + ".partial")
    build.mkdir()
    (build / "documents.json").write_text(json.dumps([_doc_record(d) for d in documents]))
    spans.save(build, documents, chunks, sentences)  # passages and sentences as columns of their spans
    # The search index's type follows the corpus's size (store.vectors); the exact vectors are kept beside it,
    # memory-mapped at load, for the few passages an answer compares and for the next build's cache.
    search_index, manifest["vector_index"] = build_vector_index(chunk_vectors)
    faiss.write_index(search_index, str(build / "chunks.faiss"))
    np.save(build / CHUNK_VECTORS, chunk_vectors)
    np.save(build / "sentences.npy", sentence_vectors)
    np.save(build / "windows.npy", window_vectors)
    sentence_search, manifest["sentence_search"] = build_sentence_search(sentence_vectors, window_vectors)
    if sentence_search is not None:  # a large corpus: a compact index finds the closest sentences (store.vectors)
        faiss.write_index(sentence_search, str(build / SENTENCE_SEARCH))
    retriever = bm25s.BM25()
    # bm25s cannot index nothing; a corpus of police.uk data alone has no passages, and retrieval returns
    # nothing when there are no chunks, so a one-word placeholder index is never searched.
    retriever.index(bm25_tokens(chunk_texts or ["nothing"]), show_progress=False)
    retriever.save(str(build / "bm25"), show_progress=False)
    save_frame(frame, build / "tables.parquet")
    checks.to_parquet(build / "table_checks.parquet")
    (build / "catalogue.json").write_text(json.dumps(catalogue.to_dict(), indent=1))
    if streets is not None:  # police.uk rows (street, outcomes, stop and search), beside the performance frame
        street.save(streets, build)
    if tidy is not None:  # tidy statistics (rates per head, scores), beside the performance frame
        manifest["problems"] += stats.save(tidy, build, check=stats_words.unlearned)
    # Each sentence's terms and context label, so a new process's first question need not work them out.
    manifest["sentence_facts"] = sentence_facts.save(sentence_facts.work_out({d.id: d for d in documents}, sentences),
                                                     build)
    # The documents' names and the vocabulary data as read and checked, so a new process reads them (store.names,
    # vocab.saved) rather than working them out before its first answer.
    names.save(names.work_out(documents), build)
    saved_vocabulary.save(vocab.load(), build)
    manifest["build_seconds"] = round(time.perf_counter() - started, 2)
    manifest["files"] = build_files(build)
    (build / MANIFEST).write_bytes(manifest_bytes(manifest))
    _sync(build)
    final = index_dir / name
    build.rename(final)
    previous = live_build(index_dir)
    tmp_pointer = index_dir / (POINTER + ".tmp")
    with open(tmp_pointer, "w") as handle:
        handle.write(name + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp_pointer, index_dir / POINTER)
    _remove_old_builds(index_dir, keep={name} | ({previous.name} if previous else set()))
    return final


def _sync(build: Path) -> None:
    """Flush the build's files to disk before the pointer names it (a power cut must not leave it half-written)."""
    for path in build.rglob("*"):
        if path.is_file():
            with open(path, "rb") as handle:
                os.fsync(handle.fileno())


def _remove_old_builds(index_dir: Path, keep: set[str]) -> None:
    """Delete builds but the live one and the one before it (a reader may still be loading it), and any
    half-written `.partial` folder a crashed build left (the build lock means none is being written now)."""
    for path in index_dir.glob("build-*"):
        if path.is_dir() and path.name not in keep:
            shutil.rmtree(path, ignore_errors=True)



def _doc_record(doc: Document) -> dict:
    record = asdict(doc)
    record["sections"] = [[list(s.path), s.start, s.end] for s in doc.sections]
    record["locations"] = [[x.start, x.end, x.where, list(x.cells)] for x in doc.locations]
    return record


def save_frame(frame: pd.DataFrame, path: Path) -> None:
    """Write the performance frame as parquet; dtypes and NaNs survive the round trip."""
    frame.to_parquet(path, engine="pyarrow", index=False)


def with_area_names(frame: pd.DataFrame, words: vocab.VocabData) -> pd.DataFrame:
    """The frame with each printed area label that the vocabulary lists as another area's name (a misprint
    such as "Trending" for Tendring) replaced by that area's name; `table_title` keeps what was printed."""
    names = {}
    for printed in frame["area"].unique():
        if printed in words.areas:
            continue
        owner = next((name for name, area in words.areas.items() if normalise(printed) in area.aliases), None)
        if owner:
            names[printed] = owner
    return frame.assign(area=frame["area"].replace(names)) if names else frame
