"""The command line, called in-process with click's CliRunner: output, contracts and exit codes."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from assistant.shells.cli import main
from assistant.store.manifest import current_build

pytestmark = pytest.mark.slow


@pytest.fixture()
def run(index_dir, corpus_copy):
    def invoke(*args, index=None):
        env = {"ASSISTANT_INDEX": str(index or index_dir), "ASSISTANT_CORPUS": str(corpus_copy)}
        return CliRunner().invoke(main, list(args), env=env)
    return invoke


def test_ask_prints_answer_and_sources(run):
    result = run("ask", "How many shoplifting offences were recorded in Chelmsford in 2024?")
    assert result.exit_code == 0, result.output
    assert "1,465" in result.output
    assert "Sources:" in result.output and "[1]" in result.output


def test_ask_json_is_the_contract(run):
    result = run("ask", "What was the solved rate for all crime in Southend in 2024?", "--json")
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert record["answerable"] is True and "18.1" in record["answer"]
    assert record["citations"][0]["document"] == "one-chelmsford-board-2024-12-05-agenda-pack.md"


def test_unanswerable_question_exits_zero_with_not_found(run):
    result = run("ask", "How many burglaries were recorded in Cambridge in 2024?", "--json")
    assert result.exit_code == 0
    assert json.loads(result.output)["answerable"] is False


def test_empty_question_exits_2_without_traceback(run):
    result = run("ask", "  ")
    assert result.exit_code == 2
    assert "empty" in result.output and "Traceback" not in result.output


def test_missing_index_exits_4_with_the_fix(run, tmp_path):
    result = run("ask", "How many robberies in Harlow?", index=tmp_path)
    assert result.exit_code == 4
    assert "assistant index" in result.output


def test_corrupt_index_exits_5_with_the_fix(run, tmp_path, index_dir):
    broken = tmp_path / "index"
    shutil.copytree(index_dir, broken)
    (current_build(broken) / "chunks.json").write_text("{not json")
    result = run("ask", "How many robberies in Harlow?", index=broken)
    assert result.exit_code == 5
    assert "--force" in result.output and "Traceback" not in result.output


def test_index_reports_up_to_date(run):
    result = run("index")
    assert result.exit_code == 0, result.output
    assert "up to date" in result.output


def test_eval_skips_malformed_lines_and_scores_the_rest(run, tmp_path):
    questions = tmp_path / "q.jsonl"
    questions.write_text("\n".join([
        json.dumps({"id": "a", "kind": "table", "question": "How many shoplifting offences in Chelmsford in 2024?",
                    "expected": ["1,465"], "source": "one-chelmsford-board-2024-12-05-agenda-pack.md"}),
        "{broken json",
        json.dumps({"id": "b", "kind": "unanswerable", "question": "Burglaries in Cambridge in 2024?",
                    "expected": []}),
    ]) + "\n")
    out = tmp_path / "out.jsonl"
    result = run("eval", str(questions), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "q.jsonl:2" in result.output
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [line["id"] for line in lines] == ["a", "b"]
    assert "| overall | 2 | 2 (100%)" in result.output
    assert (tmp_path / "out.md").exists()


def test_eval_exits_non_zero_only_when_an_item_cannot_be_answered(run, tmp_path):
    questions = tmp_path / "q.jsonl"
    questions.write_text(json.dumps({"id": "empty", "question": "   "}) + "\n"
                         + json.dumps({"id": "wrong", "question": "How many robberies in Harlow in 2024?",
                                       "expected": ["999,999"]}) + "\n")
    result = run("eval", str(questions), "--out", str(tmp_path / "sub" / "out.jsonl"))
    assert result.exit_code == 1
    assert "1 item(s) could not be answered" in result.output
    assert "| overall | 2 | 0 (0%) | 0 | 1 | 1 |" in result.output


def test_check_prints_a_verdict(run):
    result = run("check", "Shoplifting in Castle Point more than doubled in the year to October 2024.")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Verdict: CONTRADICTED")
    assert "55.3" in result.output
