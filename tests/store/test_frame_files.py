"""A build without police.uk or tidy statistics files answers a passage question without importing those readers,
and says it holds none of their rows (a build with them: tests/street, tests/stats).

Why it matters: importing the two readers only to find no files was about 40 ms of a new process's first
question. The store decides from the file each reader looks for first (`store.load.POLICE_FILE`, `STATS_FILE`),
so those names must stay the readers' own. Real index of the repo's corpus (which holds neither), and a build
of generated police.uk and statistics files (which holds both).
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from assistant.config import PROJECT_ROOT
from assistant.ingest import stats, street
from assistant.store import load

READERS = ("assistant.ingest.street", "assistant.ingest.stats")


def test_the_store_looks_for_the_files_the_readers_write():
    assert load.POLICE_FILE == street.FILES[street.STREET]
    assert load.STATS_FILE == stats.FRAME


@pytest.mark.slow
def test_a_passage_answer_without_police_or_statistics_files_imports_neither_reader(index_dir):
    items = [json.loads(line) for line in (PROJECT_ROOT / "questions" / "questions.jsonl").read_text().splitlines()]
    question = next(item["question"] for item in items if item.get("kind") == "passage" and item.get("expected"))
    code = ("import json, sys; from pathlib import Path; from assistant.engine import Assistant\n"
            f"engine = Assistant.load(Path({str(index_dir)!r}))\n"
            f"answer = engine.ask({question!r})\n"
            f"imported = sorted(m for m in sys.modules if m in {READERS!r})\n"
            "index = engine.index\n"
            "print(json.dumps([answer.answerable, imported, index.street is None, index.stats is None]))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    answerable, imported, no_street, no_stats = json.loads(result.stdout)
    assert answerable
    assert imported == []
    assert no_street and no_stats


def test_without_police_files_the_catalogue_is_the_empty_one(engine):
    assert engine.index.street is None
    assert engine.index.street_catalogue == street.StreetCatalogue()
    assert engine.index.stats is None
