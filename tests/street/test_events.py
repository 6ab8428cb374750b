"""Outcomes and stop-and-search files on the real downloads, against pandas reading the same CSVs afresh.

Labels, months and crime types come from the raw files (`raw_events`, `raw`), never from the assistant, and
questions are asked with the labels as the files print them, so a label the reader cannot find, a miscount,
a blend of two downloads or of the street files' last outcome with the outcomes files fails here.
"""

from __future__ import annotations

import re

import pytest

from assistant.answer.street.events import EventFilter
from assistant.understand.months import month_words

SEARCH, OUTCOMES = "stop and search", "outcomes"
# Columns a question can name a label of by its printed words (the yes/no and "Other" ones are tested by count).
SEARCH_COLUMNS = ("Object of search", "Legislation", "Outcome", "Type", "Age range", "Gender", "Self-defined ethnicity")


def _n(value: int) -> str:
    return f"{value:,}"


def _pct(part: int, whole: int) -> str:
    return f"{part / whole * 100:.1f}%"


def _only(raw_events, kind):
    ((folder, rows),) = raw_events[kind].items()  # the real data holds these files in one download
    return folder, rows


def test_every_label_of_every_month_counts_as_pandas_does(answers, raw_events):
    for kind, by_folder in raw_events.items():
        index = answers.events[kind]
        for folder, rows in by_folder.items():
            for column in index.catalogue.columns:
                if column not in rows:
                    continue  # the joined crime type and the area: tested below
                for (month, label), n in rows.groupby(["Month", column]).size().items():
                    f = EventFilter(kind, folder, (month,), ((column, (label.strip(),)),))
                    assert index.count(f) == n, (kind, month, column, label)
                for month, n in rows.groupby("Month").size().items():
                    assert index.count(EventFilter(kind, folder, (month,))) == n


def test_outcome_rows_take_the_crime_type_of_the_same_downloads_street_row(answers, raw, raw_events):
    folder, rows = _only(raw_events, OUTCOMES)
    street = raw[folder][["Crime ID", "Crime type"]].dropna()
    joined = rows.merge(street, on="Crime ID", how="left")
    index = answers.events[OUTCOMES]
    for (month, crime), n in joined.groupby(["Month", "Crime type"]).size().items():
        assert index.count(EventFilter(OUTCOMES, folder, (month,), (("Crime type", (crime,)),))) == n
    assert index.catalogue.unmatched == joined["Crime type"].isna().sum() > 0


@pytest.mark.parametrize("column", SEARCH_COLUMNS)
def test_a_search_question_naming_a_printed_label_gets_its_count_and_share(answers, raw_events, column):
    folder, rows = _only(raw_events, SEARCH)
    months = sorted(rows["Month"].unique())
    period = month_words(tuple(months))
    for label, n in rows[column].value_counts().items():
        answer = answers.answer(answers.read(f"How many stop and searches in {period} had {column.lower()} "
                                             f"{label}?"))
        assert answer.answerable, answer.text
        assert f"{_n(n)} stop and searches" in answer.text and _pct(n, len(rows)) in answer.text, (label, answer.text)
        assert all(c.document.startswith(f"{folder}/") and "stop" in c.document for c in answer.citations)


def test_everyday_words_reach_the_labels_the_files_print(answers, raw_events):
    _, rows = _only(raw_events, SEARCH)
    q1 = month_words(tuple(sorted(rows["Month"].unique())))
    arrests = int((rows["Outcome"] == "Suspect arrested").sum())
    drugs = rows[rows["Object of search"] == "Controlled drugs"]
    nothing = int((drugs["Outcome"] == "Nothing found - no further action").sum())
    for question, expected in ((f"How many arrests after a stop in {q1}?", [_n(arrests)]),
                               (f"How many searches for drugs in {q1}?", [_n(len(drugs))]),
                               (f"What share of searches for drugs in {q1} found nothing?",
                                [_n(len(drugs)), _n(nothing), _pct(nothing, len(drugs))])):
        text = answers.answer(answers.read(question)).text
        assert all(e in text for e in expected), (question, text)


def test_a_breakdown_lists_every_printed_label_with_its_count_and_share(answers, raw_events):
    _, rows = _only(raw_events, SEARCH)
    period = month_words(tuple(sorted(rows["Month"].unique())))
    for words, column in (("ethnicity", "Officer-defined ethnicity"), ("self-defined ethnicity",
                                                                      "Self-defined ethnicity"), ("age", "Age range")):
        answer = answers.answer(answers.read(f"Stop and searches in {period} by {words}"))
        for label, n in rows[column].value_counts().items():
            assert f"“{label}” {_n(n)} ({_pct(n, len(rows))})" in answer.text, (label, answer.text)
        empty = int(rows[column].isna().sum())
        assert not empty or f"{_n(empty)} have no {column} recorded" in answer.text


def test_an_outcome_share_states_its_count_and_base_from_the_outcomes_files(answers, raw, raw_events):
    folder, rows = _only(raw_events, OUTCOMES)
    joined = rows.merge(raw[folder][["Crime ID", "Crime type"]].dropna(), on="Crime ID", how="left")
    period = month_words(tuple(sorted(rows["Month"].unique())))
    for crime in joined["Crime type"].value_counts().index[:4]:
        base = joined[joined["Crime type"] == crime]
        n = int((base["Outcome type"] == "Investigation complete; no suspect identified").sum())
        answer = answers.answer(answers.read(f"What share of outcomes recorded for {crime} in {period} were "
                                             "no suspect identified?"))
        assert f"Of the {_n(len(base))} outcomes" in answer.text and f"{_n(n)} ({_pct(n, len(base))})" in \
            answer.text, answer.text
        assert "outcomes files" in answer.text and all("outcomes" in c.document for c in answer.citations)


def test_street_last_outcomes_and_outcomes_files_are_never_blended(answers):
    street = answers.answer(answers.read("How many crimes in March 2017 are still under investigation?"))
    assert all("street" in c.document for c in street.citations)
    assert "Last outcome category" in street.text and "outcomes files" in street.text
    recorded = answers.answer(answers.read("How many outcomes were recorded in March 2017?"))
    assert all("outcomes" in c.document for c in recorded.citations)
    assert "not the street files" in recorded.text


def test_months_with_no_file_are_refused_and_named(answers, raw_events):
    for kind, noun in ((SEARCH, "stop and searches"), (OUTCOMES, "outcomes recorded")):
        _, rows = _only(raw_events, kind)
        after = sorted(rows["Month"].unique())[-1]
        month = f"{after[:4]}-{int(after[5:]) + 1:02d}" if not after.endswith("12") else f"{int(after[:4]) + 1}-01"
        answer = answers.answer(answers.read(f"How many {noun} in {month_words((month,))}?"))
        assert not answer.answerable and month_words((month,)) in answer.text, answer.text


def test_a_follow_up_keeps_the_kind_and_labels_and_changes_the_month(answers, raw_events):
    _, rows = _only(raw_events, SEARCH)
    first, second = sorted(rows["Month"].unique())[:2]
    ask = answers.read(f"How many searches for drugs in {month_words((first,))}?")
    follow = answers.read(f"And in {month_words((second,))}?", ask)
    n = int(((rows["Month"] == second) & (rows["Object of search"] == "Controlled drugs")).sum())
    text = answers.answer(follow).text
    assert re.search(rf"\b{_n(n)} stop and searches in {month_words((second,))}", text), text


def test_every_word_in_the_data_file_names_a_label_the_files_print(street_load):
    from dataclasses import replace

    from assistant.vocab import street_words

    words = street_words.load()
    assert street_words.unlearned(words, street_load.catalogue) == []
    typo = replace(words, labels={**words.labels, "Gender": {"Mail": ("men",)}})
    assert any("'Mail'" in problem for problem in street_words.unlearned(typo, street_load.catalogue))
