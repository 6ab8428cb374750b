"""The whole path on a corpus of the real statistics files beside a police.uk download: build, load, route, answer,
evaluate the question set made by scripts/make_ons_questions.py."""

from __future__ import annotations

import json
import shutil

import pytest

from assistant.config import PROJECT_ROOT
from assistant.shells.evaluate import evaluate_items, read_items

pytestmark = pytest.mark.slow
QUESTIONS = PROJECT_ROOT / "questions" / "ons.jsonl"


@pytest.fixture(scope="module")
def engine(tmp_path_factory, ons_dir):
    from assistant.engine import Assistant
    from assistant.store.build import build_index

    corpus = tmp_path_factory.mktemp("ons-corpus")
    shutil.copytree(ons_dir, corpus / ons_dir.name)
    shutil.copytree(ons_dir.parent / "police_uk_city_of_london_edition_2017-09", corpus / "police_uk_2017-09")
    index = tmp_path_factory.mktemp("ons-index")
    build_index(corpus, index)
    return Assistant.load(index)


def test_the_build_keeps_the_tidy_frame_and_loads_it(engine, raw):
    frame, catalogue = engine.index.stats
    assert len(frame) == sum(len(rows) for rows in raw.values())
    assert {"stats.parquet", "stats.json"} <= set(engine.index.manifest["files"])
    assert {s.name for s in catalogue.series} == {r["indicator"].iloc[0] for r in raw.values()}


def test_the_briefs_questions_are_answered_or_refused_exactly(engine, raw):
    refused = engine.ask("What was the crime rate per 1,000 in Trafford in 2019/20?")
    assert not refused.answerable and "2008/09 to 2018/19" in refused.text
    answer = engine.ask("Has the crime severity score for violence in Trafford gone up since 2015/16?")
    data = json.loads(json.dumps(answer.to_dict()))
    assert data["answerable"]
    assert [c["document"] for c in data["citations"]] == ["ons_csp_trafford/crime_severity.csv"] * 2
    assert {f["period"] for f in data["figures"]} == {"2015/16", "2017/18"}
    street = engine.ask("How many bike thefts in March 2017?")  # the police.uk path is untouched
    assert street.answerable and "police_uk" in street.citations[0].document


def test_the_question_set_scores_every_item_right(engine, tmp_path):
    items = read_items(QUESTIONS, lambda message: None)
    assert len(items) >= 20
    tally = evaluate_items(engine, items, tmp_path / "out.jsonl")
    wrong = [(r.id, r.outcome, r.detail) for r in tally.results if r.outcome != "correct"]
    assert wrong == []
    assert all(not r.uncited for r in tally.results)
    assert all(r.cited_source is not False for r in tally.results)
