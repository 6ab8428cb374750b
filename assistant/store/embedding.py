"""The sentence-embedding model, loaded from the bundled package and never from a hub."""

from __future__ import annotations

import os
from functools import lru_cache

import numpy as np

from assistant.config import model_path

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"

# Belt and braces: even a misconfigured cache must not send the model loader to the network.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")


@lru_cache(maxsize=1)
def load_model():
    """One model per process: loading costs about a second, encoding a question a few milliseconds."""
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()  # progress bars on stderr would garble CLI and UI output
    return SentenceTransformer(str(model_path()), device="cpu")


def encode(texts: list[str], batch_size: int = 64) -> np.ndarray:
    """Unit-length float32 vectors, so inner product in FAISS is cosine similarity."""
    if not texts:
        return np.zeros((0, load_model().get_sentence_embedding_dimension()), dtype="float32")
    vectors = load_model().encode(texts, batch_size=batch_size, normalize_embeddings=True,
                                  convert_to_numpy=True, show_progress_bar=False)
    return np.ascontiguousarray(vectors, dtype="float32")
