"""The chat from cold: the page is drawn and table questions answered while the embedding model is still loading.

The model's loader is replaced by one that holds the background threads until the test lets them go and records
any call the page's own script makes meanwhile (that is the page waiting for the model), so "the page did not
wait for the model" is observed, not timed. Real app, real engine, a private copy of the index (the chat keeps one
engine per index folder, so another test's warm engine is never reused here).
"""

from __future__ import annotations

import json
import shutil
import threading

import pytest
from streamlit.runtime.scriptrunner import get_script_run_ctx
from streamlit.testing.v1 import AppTest

from assistant.config import PROJECT_ROOT
from assistant.store import embedding

from test_app import APP, answers, ask

pytestmark = pytest.mark.slow


@pytest.fixture
def held_model(monkeypatch):
    """`load_model` that holds the background threads until `gate` is set (`waiting` tells one is held) and
    lists the calls the page's script makes before then: recorded and let through, so a page that waits for
    the model fails the test instead of hanging it."""
    real, gate, waiting, from_page = embedding.load_model, threading.Event(), threading.Event(), []

    def load_model():
        if get_script_run_ctx(suppress_warning=True) is not None and not gate.is_set():
            from_page.append(threading.current_thread().name)
            return real()
        waiting.set()
        gate.wait()
        return real()

    monkeypatch.setattr(embedding, "load_model", load_model)
    yield gate, waiting, from_page
    gate.set()  # never leave a thread held


def _questions(kind: str, n: int) -> list[tuple[str, list]]:
    items = [json.loads(line) for line in (PROJECT_ROOT / "questions" / "questions.jsonl").read_text().splitlines()]
    return [(item["question"], item["expected"]) for item in items
            if item.get("kind") == kind and item.get("expected")][:n]


def test_the_page_and_table_answers_come_before_the_model(index_dir, corpus_copy, tmp_path, monkeypatch,
                                                           held_model):
    gate, waiting, from_page = held_model
    index = shutil.copytree(index_dir, tmp_path / "index")
    monkeypatch.setenv("ASSISTANT_INDEX", str(index))
    monkeypatch.setenv("ASSISTANT_CORPUS", str(corpus_copy))
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    assert at.chat_input(key="prompt") is not None
    assert waiting.wait(60), "nothing started loading the model in the background"
    for question, expected in _questions("table", 3):
        reply = answers(ask(at, question))[-1]
        assert all(str(e) in reply for e in expected), (question, reply)
    assert not from_page, "the page waited for the model before drawing or answering from the tables"
    gate.set()  # the model arrives: a passage question gets it
    for question, expected in _questions("passage", 1):
        reply = answers(ask(at, question))[-1]
        assert all(str(e) in reply for e in expected), (question, reply)
