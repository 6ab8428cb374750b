"""The ONNX Runtime encoder: the same vectors as sentence-transformers, no torch at query time, self-repair."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from assistant.store import embedding
from assistant.store.checksums import file_sha256
from assistant.store.build import embedding_text
from assistant.store.load import load_index

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def passage_texts(index_dir) -> list[str]:
    """What the build embeds for every passage of the corpus, plus every passage joined to the next one, so
    texts past the model's 256-token limit check that truncation happens where sentence-transformers does it."""
    index = load_index(index_dir)
    texts = [embedding_text(index.documents[c.document], c.section_path, c.text) for c in index.chunks]
    return texts + [a + " " + b for a, b in zip(texts[::8], texts[1::8])]


def test_onnx_vectors_agree_with_sentence_transformers(passage_texts):
    from sentence_transformers import SentenceTransformer

    from assistant.config import model_path

    reference = SentenceTransformer(str(model_path()), device="cpu").encode(
        passage_texts, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False)
    onnx = embedding.encode(passage_texts)
    assert onnx.shape == reference.shape and onnx.dtype == np.float32
    assert np.allclose(np.linalg.norm(onnx, axis=1), 1.0, atol=1e-5)
    assert (onnx * reference).sum(axis=1).min() >= 0.9999
    tokens = [len(e.ids) for e in embedding.load_model().tokenizer.encode_batch(passage_texts)]
    assert max(tokens) == 256  # some texts were truncated, so the limit was exercised


def test_batching_does_not_change_a_vector(passage_texts):
    """Padding a text beside longer ones (the build) must give the vector it gets alone (a question)."""
    texts = passage_texts[:40]
    together = embedding.encode(texts, batch_size=16)
    alone = np.stack([embedding.encode([t])[0] for t in texts])
    assert (together * alone).sum(axis=1).min() >= 0.99999


def _run(code: str, **env) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600,
                            env=dict(os.environ, **env))
    assert result.returncode == 0, result.stderr
    return result


def test_a_passage_answer_never_imports_torch(index_dir):
    code = """
import json, sys
from pathlib import Path
from assistant.engine import Assistant
answer = Assistant.load(Path(sys.argv[1] if len(sys.argv) > 1 else "")).ask("How many officers has the PFCC funded?")
print(json.dumps({"answerable": answer.answerable,
                  "heavy": sorted(m for m in ("torch", "sentence_transformers", "transformers") if m in sys.modules)}))
""".replace('sys.argv[1] if len(sys.argv) > 1 else ""', repr(str(index_dir)))
    found = json.loads(_run(code).stdout.strip().splitlines()[-1])
    assert found == {"answerable": True, "heavy": []}


def test_a_damaged_exported_model_is_exported_again(tmp_path):
    """A garbled file of the right size passes the cheap check, fails to load, and is replaced, not used."""
    cache = tmp_path / "models"
    env = {"ASSISTANT_MODEL_CACHE": str(cache)}
    code = "from assistant.store import embedding; print(embedding.ensure_model())"
    path = Path(_run(code, **env).stdout.strip())
    sidecar = json.loads(Path(str(path) + ".json").read_text())
    path.write_bytes(os.urandom(sidecar["bytes"]))
    code = ("import numpy as np; from assistant.store import embedding; "
            "print(float(np.linalg.norm(embedding.encode(['Knife crime fell in Harlow.'])[0])))")
    assert float(_run(code, **env).stdout.strip()) == pytest.approx(1.0, abs=1e-5)
    assert file_sha256(path) == sidecar["sha256"]  # the export is deterministic


def test_a_build_replaces_an_exported_model_whose_bytes_changed(tmp_path):
    cache = tmp_path / "models"
    env = {"ASSISTANT_MODEL_CACHE": str(cache)}
    path = Path(_run("from assistant.store import embedding; print(embedding.ensure_model())", **env).stdout.strip())
    expected = file_sha256(path)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF  # a flipped byte inside the weights still loads: only the checksum sees it
    path.write_bytes(bytes(data))
    _run("from assistant.store import embedding; embedding.ensure_model(verify=True)", **env)
    assert file_sha256(path) == expected
