"""The browser timing of `make bench` (scripts/bench_browser.py): it skips in plain words where no browser is
installed, and the table questions it times are all answered from a table cell of the index it is given."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import bench_browser  # noqa: E402


def test_without_a_browser_it_says_so_and_succeeds(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(bench_browser, "CHROMIUM", tmp_path / "no-chromium")
    assert bench_browser.main(["--n", "1"]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("Browser timing skipped:") and "apt-get install chromium" in printed
    assert "Traceback" not in printed


def test_the_timed_questions_are_table_answers(engine):
    questions = bench_browser.table_questions(engine, 4)
    assert len(questions) == 4
    for question in questions:
        answer = engine.ask(question)
        assert answer.answerable and any(c.table is not None for c in answer.citations), question
