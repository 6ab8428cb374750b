"""`assistant eval` never dies on one odd line: each bad item is reported with its line number and skipped (or
fixed where that is harmless), and the run and its report always complete."""

from __future__ import annotations

import json

import pytest

from assistant.errors import QuestionError
from assistant.records import Answer
from assistant.shells.evaluate import read_items, run_eval, validate_item

ODD_LINES = [
    ('{"id": "good", "question": "How many shoplifting offences were recorded in Chelmsford in 2024?", '
     '"expected": ["1,465"]}'),                                            # 1
    '{"id": "null-turns", "turns": null}',                                 # 2: skipped
    '{"id": "number", "question": "How many robberies in Colchester?", "expected": 171}',  # 3: coerced
    '{"id": "surrogate", "question": "Robbery in Harlow \\ud800?"}',       # 4: fixed
    '["a", "json", "array"]',                                              # 5: skipped
    '{"id": "turns-text", "turns": [1, 2]}',                               # 6: skipped
    ('{"id": 7, "claim": "Shoplifting in Castle Point more than doubled in the year to October 2024.", '
     '"verdict": "contradicted", "expected": "Contradicted"}'),            # 7: id and expected coerced
    '{"id": "bad-expected", "question": "q", "expected": [{"x": 1}]}',     # 8: skipped
    '{"id": "empty", "question": "   "}',                                  # 9: kept; the engine refuses it
    '{"oops',                                                              # 10: skipped
    '"just text"',                                                         # 11: skipped
    '{"id": "nested", "question": ' + "[" * 100_000 + "]" * 100_000 + "}",  # 12: skipped
    '{"id": "true", "question": true}',                                    # 13: skipped
]


def _write(tmp_path, lines, encoding="utf-8"):
    path = tmp_path / "odd.jsonl"
    path.write_bytes("\n".join(lines).encode(encoding) + b"\n")
    return path


def test_odd_lines_are_reported_with_their_numbers_and_the_rest_kept(tmp_path):
    warnings = []
    items = read_items(_write(tmp_path, ODD_LINES), warnings.append)
    assert [item["id"] for item in items] == ["good", "number", "surrogate", "7", "empty"]
    skipped = sorted(int(w.split(":")[1]) for w in warnings if "skipped" in w)
    assert skipped == [2, 5, 6, 8, 10, 11, 12, 13]
    by_line = {int(w.split(":")[1]): w for w in warnings}
    assert "needs one of question, turns or claim" in by_line[2]
    assert "must be a JSON object, not a list" in by_line[5]
    assert "not valid JSON" in by_line[10] and "nested too deeply" in by_line[12]
    items_by_id = {item["id"]: item for item in items}
    assert items_by_id["number"]["expected"] == ["171"]
    assert items_by_id["7"]["expected"] == ["Contradicted"]
    assert items_by_id["surrogate"]["question"] == "Robbery in Harlow \ufffd?"
    json.dumps(items, ensure_ascii=False).encode("utf-8")  # every item can be written out


def test_a_latin1_file_is_read_with_a_warning(tmp_path):
    path = _write(tmp_path, ['{"id": "café", "question": "Burglary in Saffron Walden, café quarter?"}'], "latin-1")
    warnings = []
    items = read_items(path, warnings.append)
    assert items[0]["id"] == "café" and "café quarter" in items[0]["question"]
    assert len(warnings) == 1 and "odd.jsonl:1" in warnings[0] and "not UTF-8" in warnings[0]


def test_a_byte_order_mark_and_windows_line_ends_are_fine(tmp_path):
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"question": "a"}\r\n{"question": "b"}\r\n')
    warnings = []
    assert [item["question"] for item in read_items(path, warnings.append)] == ["a", "b"]
    assert warnings == []


@pytest.mark.parametrize("item, problem", [
    ({"question": "q", "turns": ["a"]}, None),  # both: the turns are used, with a note
    ({"question": "q", "expected": None}, None),
    ({"question": "q", "expected": [True]}, "'expected' must be a list of texts or numbers"),
    ({"question": ["q"]}, "'question' must be text, not a list"),
    ({"turns": "one question"}, None),
    ({"turns": []}, "'turns' is an empty list"),
    ({"turns": {"a": 1}}, "'turns' must be a list of questions, not an object"),
])
def test_validate_item(item, problem):
    assert validate_item(item) == problem


class FlakyEngine:
    """Answers like the engine's contract, but fails in the ways an engine can: a refusal and a bug."""

    def ask(self, question):
        if not question.strip():
            raise QuestionError("The question is empty")
        if "bug" in question:
            raise KeyError("index 7")
        return Answer(f"It was 1,465 [1]. {question}", True)

    def check(self, claim):
        raise QuestionError("The claim is empty")

    def ask_turns(self, turns):
        return self.ask(turns[-1])


def test_the_run_and_its_report_always_complete(tmp_path):
    lines = ODD_LINES + ['{"id": "bug", "question": "a bug here"}']
    out, report = tmp_path / "out.jsonl", tmp_path / "out.md"
    warnings = []
    summary, errors = run_eval(FlakyEngine(), _write(tmp_path, lines), out, report, warnings.append)
    written = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [record["id"] for record in written] == ["good", "number", "surrogate", "7", "empty", "bug"]
    assert written[-1]["error"] == "KeyError: 'index 7'" and written[3]["error"] == "The claim is empty"
    assert written[4]["error"] == "The question is empty"
    assert errors == 3
    text = report.read_text(encoding="utf-8")
    assert "## Lines skipped or read with a fix" in text
    assert "odd.jsonl:2: skipped" in text and "odd.jsonl:12: skipped" in text
    assert "| overall | 6 |" in summary


@pytest.mark.slow
def test_the_real_engine_runs_a_file_full_of_odd_lines(tmp_path, engine):
    path = _write(tmp_path, ODD_LINES, "utf-8")
    out, report = tmp_path / "out.jsonl", tmp_path / "out.md"
    summary, errors = run_eval(engine, path, out, report)
    written = {record["id"]: record for record in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert set(written) == {"good", "number", "surrogate", "7", "empty"}
    assert "empty" in written["empty"]["error"]
    assert "1,465" in written["good"]["answer"] and "171" in written["number"]["answer"]
    assert written["7"].get("verdict") == "contradicted"
    assert "| overall | 5 |" in summary and report.is_file() and errors == 1
