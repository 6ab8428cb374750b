"""The whole path on a corpus of police.uk downloads: build, load, route, answer, evaluate the question set."""

from __future__ import annotations

import json

import pytest

from assistant.config import PROJECT_ROOT
from assistant.shells.evaluate import evaluate_items, read_items

pytestmark = pytest.mark.slow
QUESTIONS = PROJECT_ROOT / "questions" / "policeuk.jsonl"


def test_the_build_keeps_street_rows_out_of_the_passages_and_records_them(street_engine, raw):
    index = street_engine.index
    assert len(index.street) == sum(len(rows) for rows in raw.values())
    assert index.manifest["counts"]["street_rows"] == len(index.street)
    assert set(index.documents) == {"about.md"}  # no CSV row was embedded as a passage
    assert {"street.parquet", "street.json"} <= set(index.manifest["files"])


def test_the_question_set_scores_every_item_right(street_engine, tmp_path):
    items = read_items(QUESTIONS, lambda message: None)
    assert len(items) >= 40
    tally = evaluate_items(street_engine, items, tmp_path / "out.jsonl")
    wrong = [(r.id, r.outcome, r.detail) for r in tally.results if r.outcome != "correct"]
    assert wrong == []
    assert all(not r.uncited for r in tally.results)


def test_answers_keep_the_ask_contract(street_engine):
    answer = street_engine.ask("How many bike thefts in March 2017?").to_dict()
    assert list(answer) == ["question", "answer", "answerable", "citations", "figures", "latency_ms"]
    assert set(answer["citations"][0]) == {"n", "document", "title", "locator", "quote"}
    assert {"value", "measure", "area", "crime_type", "period", "edition", "citation"} == set(answer["figures"][0])
    json.dumps(answer)


def test_a_question_the_street_data_cannot_take_goes_to_the_documents(street_engine):
    answer = street_engine.ask("Why are the downloads kept one folder per download?")
    assert all(c.document == "about.md" for c in answer.citations)


def test_claims_of_change_are_judged_by_the_direction_pandas_gives(street_engine, raw, newest_first):
    h1 = {y: [f"{y}-{m:02d}" for m in range(1, 7)] for y in ("2016", "2017")}
    name = next(e for e in newest_first if set(h1["2016"] + h1["2017"]) <= set(raw[e]["Month"]))
    rows = raw[name]
    for crime in sorted(rows["Crime type"].unique()):
        counts = [int((rows["Month"].isin(h1[y]) & (rows["Crime type"] == crime)).sum()) for y in ("2016", "2017")]
        if counts[0] == counts[1]:
            continue
        rose = counts[1] > counts[0]
        for word, backed in (("rose", rose), ("fell", not rose)):
            verdict = street_engine.check(f"{crime} {word} in the first half of 2017 compared with the first half "
                                          "of 2016").verdict
            incident = rows.loc[rows["Crime type"] == crime, "Last outcome category"].isna().all()
            lacking = set(h1["2016"] + h1["2017"]) - set(rows.loc[rows["Crime type"] == crime, "Month"])
            if incident and lacking:  # incidents over a month whose file has none: refused, never judged
                assert verdict == "not found"
            else:
                assert verdict == ("supported" if backed else "contradicted"), (crime, word)
