"""The whole path on a corpus of police.uk downloads: build, load, route, answer, evaluate the question set."""

from __future__ import annotations

import json

import pytest

from assistant.config import PROJECT_ROOT
from assistant.shells.evaluate import evaluate_items, read_items
from assistant.understand.months import month_words

pytestmark = pytest.mark.slow
QUESTIONS = PROJECT_ROOT / "questions" / "policeuk.jsonl"


def test_the_build_keeps_street_rows_out_of_the_passages_and_records_them(street_engine, raw):
    index = street_engine.index
    assert len(index.street) == sum(len(rows) for rows in raw.values())
    assert index.manifest["counts"]["street_rows"] == len(index.street)
    assert set(index.documents) == {"about.md"}  # no CSV row was embedded as a passage
    assert {"street.parquet", "street.json", "outcomes.parquet", "stop_and_search.parquet"} <= \
        set(index.manifest["files"])


def test_outcomes_and_searches_survive_the_index_and_route_to_their_files(street_engine, raw_events):
    events = street_engine.index.street.events
    for kind, by_folder in raw_events.items():
        assert len(events[kind]) == sum(len(rows) for rows in by_folder.values())
    ((folder, rows),) = raw_events["stop and search"].items()
    month = sorted(rows["Month"].unique())[0]
    answer = street_engine.ask(f"How many stop and searches were there in {month_words((month,))}?")
    assert answer.answerable and answer.text.startswith(f"{(rows['Month'] == month).sum():,} stop and searches")
    assert all(c.document.startswith(folder) and "stop" in c.document for c in answer.citations)


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
