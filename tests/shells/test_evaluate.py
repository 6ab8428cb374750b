"""Scoring rules of the evaluator, on hand-made answers (no engine needed)."""

from __future__ import annotations

import pytest

from assistant.shells.evaluate import kind_of, read_items, score
from assistant.records import Answer


@pytest.mark.parametrize("item, answer, outcome", [
    ({"question": "q", "expected": ["1,465"]}, Answer("In Chelmsford, 1,465 offences [1].", True), "correct"),
    ({"question": "q", "expected": ["1,465"]}, Answer("In Chelmsford, 1,456 offences [1].", True), "wrong"),
    ({"question": "q", "expected": ["-8.7"]}, Answer("fell (\u22128.7%)", True), "correct"),
    ({"question": "q", "expected": ["1,465"]}, Answer("Not found.", False), "abstained"),
    ({"question": "q", "expected": []}, Answer("Not found.", False), "correct"),
    ({"question": "q", "expected": []}, Answer("It was 12 [1].", True), "wrong"),
    ({"claim": "c", "expected": ["55.3"], "verdict": "contradicted"},
     Answer("Contradicted: it rose 55.3%.", True, verdict="contradicted"), "correct"),
    ({"claim": "c", "expected": ["55.3"], "verdict": "contradicted"},
     Answer("Supported: it rose 55.3%.", True, verdict="supported"), "wrong"),
    ({"question": "q"}, Answer("anything", True), "unscored"),
])
def test_score(item, answer, outcome):
    assert score(item, answer)[0] == outcome


def test_kind_is_inferred_when_missing():
    assert kind_of({"claim": "x"}) == "claim"
    assert kind_of({"turns": ["a", "b"]}) == "followup"
    assert kind_of({"question": "x", "kind": "table"}) == "table"


def test_malformed_lines_are_reported_with_their_number(tmp_path):
    path = tmp_path / "q.jsonl"
    path.write_text('{"id": "a", "question": "x"}\n{oops\n\n["not", "an object"]\n{"question": "y"}\n')
    warnings = []
    items = read_items(path, warnings.append)
    assert [i["id"] for i in items] == ["a", "line5"]
    assert len(warnings) == 2 and "q.jsonl:2" in warnings[0] and "q.jsonl:4" in warnings[1]
