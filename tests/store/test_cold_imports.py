"""A new process answering a passage question imports neither bm25s nor what bm25s imports (scipy, tqdm),
and compiles no vocabulary but its index's own.

Why it matters: those imports and the unused default vocabulary were about a fifth of a passage answer's cold
start (the CLI's `ask` pays it on every call). Observed, not timed: which modules the process has imported and
whether the default vocabulary was built. Real index, real engine, one of the repo's own passage questions.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from assistant.config import PROJECT_ROOT

pytestmark = pytest.mark.slow

NOT_IMPORTED = ("bm25s", "scipy", "tqdm")
# Checking uploads is the chat's, never a question's; numpy.ma (imported by `np.unique`) is a fiftieth of a second.
NOT_IMPORTED_MODULES = ("assistant.ingest.uploads", "numpy.ma")


def _passage_question() -> str:
    items = [json.loads(line) for line in (PROJECT_ROOT / "questions" / "questions.jsonl").read_text().splitlines()]
    return next(item["question"] for item in items if item.get("kind") == "passage" and item.get("expected"))


def test_a_passage_answer_in_a_new_process_imports_no_bm25s_scipy_or_default_vocabulary(index_dir):
    code = ("import json, sys; from pathlib import Path; from assistant.engine import Assistant; "
            "from assistant import vocab\n"
            f"answer = Assistant.load(Path({str(index_dir)!r})).ask({_passage_question()!r})\n"
            "print(json.dumps([answer.answerable, sorted(m for m in sys.modules if m.split('.')[0] in "
            f"{NOT_IMPORTED!r} or m in {NOT_IMPORTED_MODULES!r}), vocab._default.cache_info().currsize]))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    answerable, imported, defaults_built = json.loads(result.stdout)
    assert answerable
    assert imported == []
    assert defaults_built == 0
