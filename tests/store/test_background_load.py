"""The embedding model loads on a background thread: table answers never wait for it, passage answers get it.

The model's loader is replaced by one that parks the background thread until the test lets it go and records
every call made from the test's own thread, so "a table answer did not wait for the model" is observed, not
timed. Real index, real engine, the repo's own table questions.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import threading

import pytest

from assistant.config import PROJECT_ROOT
from assistant.engine import Assistant
from assistant.errors import IndexMissingError
from assistant.store import embedding
from assistant.store.manifest import current_build

pytestmark = pytest.mark.slow


def _table_questions() -> list[str]:
    items = [json.loads(line) for line in (PROJECT_ROOT / "questions" / "questions.jsonl").read_text().splitlines()]
    return [item["question"] for item in items if item.get("kind", "").startswith("table")]


@pytest.fixture
def gated_model(monkeypatch):
    """`load_model` that parks the background thread until `gate` is set and records the calls made by the
    test's thread (those are questions that wanted the model)."""
    real, gate, wanted, parked = embedding.load_model, threading.Event(), [], threading.Event()

    def load_model():
        if threading.current_thread() is threading.main_thread():
            wanted.append(True)
        else:
            parked.set()
            gate.wait()
        return real()

    monkeypatch.setattr(embedding, "load_model", load_model)
    yield gate, wanted, parked
    gate.set()  # never leave a thread parked


def test_table_answers_do_not_wait_for_the_model_and_passage_answers_get_it(index_dir, gated_model):
    gate, wanted, parked = gated_model
    engine = Assistant.load(index_dir)
    assert parked.wait(60), "Assistant.load did not start loading the model in the background"
    answered = 0
    for question in _table_questions():
        before = len(wanted)
        answer = engine.ask(question)
        if answer.figures:  # answered from the tables
            answered += 1
            assert len(wanted) == before, f"a table answer waited for the model: {question!r}"
    assert answered >= 50
    gate.set()
    passage = engine.ask("When is the next Operation Dial night of action in Chelmsford city centre?")
    assert passage.answerable and passage.citations


def test_a_missing_index_starts_no_model(tmp_path, gated_model):
    """Nothing to search: no model is loaded in the background for nothing."""
    _, _, parked = gated_model
    with pytest.raises(IndexMissingError):
        Assistant.load(tmp_path / "no-index")
    assert not parked.is_set()


@pytest.mark.parametrize("damage", [False, True])
def test_a_process_that_ends_while_the_model_loads_exits_cleanly(index_dir, tmp_path, damage):
    """A table answer (or a damaged index's error) comes before the model has loaded; the process must still
    end with its own exit code, not abort inside ONNX Runtime."""
    if damage:
        index_dir = shutil.copytree(index_dir, tmp_path / "index")
        vectors = current_build(index_dir) / "sentences.npy"
        data = bytearray(vectors.read_bytes())
        data[-1] ^= 0xFF
        vectors.write_bytes(bytes(data))
    code = (f"from pathlib import Path; from assistant.engine import Assistant; "
            f"print(Assistant.load(Path({str(index_dir)!r})).ask({_table_questions()[0]!r}).answerable)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600)
    if damage:
        assert result.returncode == 1 and "IndexCorruptError" in result.stderr
    else:
        assert (result.returncode, result.stdout.strip()) == (0, "True"), result.stderr
    assert "terminate called" not in result.stderr
