"""Thumbs up or down on an answer, with an optional comment, kept in a JSON Lines file beside the index so
evaluators can review them (`feedback.jsonl` in the index folder, which builds never delete).

One line per vote: the question or claim, the answer text, its citations' documents, the vote and comment.
A later vote on the same answer is a new line: the file is a log, and the reviewer reads the last one.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from assistant.records import Answer

FILE = "feedback.jsonl"


def feedback_record(kind: str, prompt: str, answer: Answer, thumbs_up: bool, comment: str = "") -> dict:
    return {"at": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "kind": kind, "prompt": prompt, "answer": answer.text,
            "verdict": answer.verdict, "answerable": answer.answerable,
            "documents": sorted({c.document for c in answer.citations}),
            "rating": "up" if thumbs_up else "down", "comment": comment.strip()}


def save_feedback(index_dir: Path, record: dict) -> Path:
    """Append one record; returns the file written."""
    index_dir.mkdir(parents=True, exist_ok=True)
    path = index_dir / FILE
    with path.open("a", encoding="utf-8") as out:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path
