"""The index's pandas frames are read when a question first needs them, not when the index is opened.

Why it matters: importing pandas and pyarrow and reading the frames costs more than loading the embedding model,
so a passage answer in a new process (the CLI's `ask`) must not pay for them. Observed, not timed: which modules a
fresh process has imported, and what happens when a frame's file is gone after the index was opened.
Real index, real engine, the repo's own questions.
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
from assistant.errors import IndexCorruptError
from assistant.store.load import CHECKS, PERFORMANCE, POLICE, load_index
from assistant.store.manifest import current_build

pytestmark = pytest.mark.slow

# Imported by a frame read (pandas.read_parquet); pandas itself is imported only where a frame is used.
PARQUET_READER = "pyarrow.parquet"


def _questions(kind: str) -> list[dict]:
    items = [json.loads(line) for line in (PROJECT_ROOT / "questions" / "questions.jsonl").read_text().splitlines()]
    return [item for item in items if item.get("kind") == kind and item.get("expected")]


def _fresh_process(index_dir, questions: list[str]) -> list[bool]:
    """In a new process: answer each question in turn, and say after each whether a frame has been read."""
    code = ("import json, sys; from pathlib import Path; from assistant.engine import Assistant\n"
            f"engine = Assistant.load(Path({str(index_dir)!r}))\n"
            f"read = []\n"
            f"for question in {questions!r}:\n"
            f"    assert engine.ask(question).answerable, question\n"
            f"    read.append({PARQUET_READER!r} in sys.modules or 'pandas' in sys.modules)\n"
            "print(json.dumps(read))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_a_passage_answer_in_a_new_process_reads_no_frame(index_dir):
    passage, table = _questions("passage")[0], _questions("table")[0]
    assert _fresh_process(index_dir, [passage["question"], table["question"]]) == [False, True]


def test_frames_are_read_on_first_use_and_a_missing_one_is_reported_in_words(index_dir, tmp_path):
    index = shutil.copytree(index_dir, tmp_path / "index")
    engine = Assistant.load(index)
    (current_build(index) / "tables.parquet").unlink()  # gone after the index was opened and checked
    for item in _questions("passage")[:3]:  # the passages need no frame
        answer = engine.ask(item["question"])
        assert all(str(e) in answer.text for e in item["expected"]), answer.text
    with pytest.raises(IndexCorruptError, match="--force"):
        engine.ask(_questions("table")[0]["question"])


@pytest.mark.parametrize("name", [PERFORMANCE, CHECKS, POLICE])  # (the repo's corpus holds no statistics file)
def test_threads_asking_at_once_share_one_read(index_dir, name):
    frames = load_index(index_dir).frames
    start, got = threading.Barrier(4), []

    def read():
        start.wait()
        got.append(frames.get(name))

    threads = [threading.Thread(target=read) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(got) == 4 and all(value is got[0] for value in got)
