"""A corpus of police.uk files alone (no documents, no performance tables) builds and answers."""

from __future__ import annotations

import shutil

import pytest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def street_only(tmp_path_factory, data_dir):
    from assistant.engine import Assistant
    from assistant.store.build import build_index

    download = next(p for p in sorted(data_dir.iterdir()) if p.name.startswith("police_uk_"))
    corpus = tmp_path_factory.mktemp("street-only")
    shutil.copytree(download, corpus / download.name)
    index = tmp_path_factory.mktemp("street-only-index")
    report = build_index(corpus, index)
    assert report.built and report.documents == 0 and report.chunks == 0
    return Assistant.load(index, corpus), report, download.name


def test_the_build_says_what_the_download_holds(street_only):
    _, report, name = street_only
    lines = report.street.describe()
    assert any(name in line and "street rows" in line for line in lines), lines


def test_a_street_question_is_answered_and_a_passage_question_refused_saying_what_is_held(street_only, raw):
    engine, _, name = street_only
    month = sorted(raw[name]["Month"].unique())[0]
    answer = engine.ask(f"How many crimes were recorded in {month}?")
    assert answer.answerable and answer.citations, answer.text
    refusal = engine.ask("Who chairs the community safety board?")
    assert not refusal.answerable and "police.uk street-level crime records" in refusal.text
