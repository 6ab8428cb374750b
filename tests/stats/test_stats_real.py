"""Tidy statistics on the real ONS/Home Office files, against plain pandas reading the same CSVs afresh.

Labels, periods and values come from the raw files (`raw`), never from the assistant; questions name groups and
places as the files print them, so a label the reader cannot find, a row read into the wrong cell, a change
worked out the wrong way or a withheld cell read as a number fails here.
"""

from __future__ import annotations

import json
import math
import re

import pytest

from assistant.config import PROJECT_ROOT

MEASURE_WORDS = {"crime_rate.csv": "crime rate per 1,000", "crime_severity.csv": "crime severity score"}
FISCAL = re.compile(r"^\d{4}/\d{2}$")


def _shown(value: float) -> str:
    """Three significant figures, one to three decimals: the rule the answers state, computed apart."""
    return f"{value:,.{min(3, max(1, 2 - math.floor(math.log10(abs(value)))))}f}"


def _words(document: str) -> str:
    return MEASURE_WORDS[document.rsplit("/", 1)[-1]]


def test_both_files_are_recognised_with_every_row_in_its_cells(loaded, raw):
    frame = loaded.frame
    assert set(frame["document"]) == set(raw)
    for document, rows in raw.items():
        mine = frame[frame["document"] == document].set_index("line")
        assert len(mine) == len(rows)
        for _, row in rows.iterrows():
            got = mine.loc[row["line"]]
            assert (got["place"], got["group"], got["period"], got["printed"]) == \
                (row["area_name"], row["group"], row["period"], row["value"])
            assert math.isnan(got["value"]) if row["value"] == ":" else got["value"] == float(row["value"])


def test_roles_totals_and_periods_are_learned_from_the_cells(loaded, raw):
    for document, rows in raw.items():
        roles = loaded.catalogue.file(document)
        assert (roles.place, roles.period, roles.value, roles.group) == ("area_name", "period", "value", "group")
        numbers = rows[rows["value"] != ":"].assign(v=lambda r: r["value"].astype(float))
        sums = numbers.pivot_table(index=["area_name", "period"], columns="group", values="v")
        totals = [g for g in sums if (abs(sums.drop(columns=g).sum(axis=1) - sums[g]) < 1e-6 * sums[g]).all()]
        assert totals == [roles.total]
        series = next(s for s in loaded.catalogue.series if document in s.documents)
        assert series.periods == tuple(rows["period"].unique())
        assert set(series.places) == set(rows["area_name"])


def test_every_published_figure_is_answered_and_cited_by_its_row(answers, raw):
    for document, rows in raw.items():
        for _, row in rows[rows["value"] != ":"].iterrows():
            answer = answers.answer(answers.read(f"What was the {_words(document)} for {row['group'].lower()} in "
                                                 f"{row['area_name']} in {row['period']}?"))
            assert answer.answerable, answer.text
            assert _shown(float(row["value"])) in answer.text
            (citation,) = answer.citations
            assert citation.document == document and f"row {row['line']} ›" in citation.locator
            assert f"area_name = {row['area_name']}" in citation.locator and row["value"] in citation.quote


def test_a_withheld_cell_is_never_read_as_a_figure(answers, raw):
    rows = raw["ons_csp_trafford/crime_rate.csv"]
    for _, row in rows[rows["value"] == ":"].iterrows():
        answer = answers.answer(answers.read(
            f"What was the crime rate per 1,000 for {row['group'].lower()} in {row['area_name']} in {row['period']}?"))
        assert not answer.answerable and "“:”" in answer.text and f"row {row['line']}" in answer.text


@pytest.mark.parametrize("document", list(MEASURE_WORDS))
def test_a_change_since_a_year_is_the_latest_financial_year_against_it(answers, raw, document):
    rows = raw[f"ons_csp_trafford/{document}"]
    fiscal = sorted(p for p in rows["period"].unique() if FISCAL.match(p))
    trafford = rows[(rows["area_name"] == "Trafford") & (rows["group"] == "Violence against the person")]
    for start in fiscal[:-1]:
        a = float(trafford.loc[trafford["period"] == start, "value"].iloc[0])
        b = float(trafford.loc[trafford["period"] == fiscal[-1], "value"].iloc[0])
        answer = answers.answer(answers.read(f"Has the {MEASURE_WORDS[document]} for violence in Trafford gone up "
                                             f"since {start}?"))
        assert answer.text.startswith("Yes" if b > a else "No")
        assert f"from {_shown(a)} in {start}" in answer.text and f"{(b - a) / a * 100:+.1f}%" in answer.text
        assert fiscal[-1] in answer.text and len(answer.citations) == 2


def test_a_period_the_file_does_not_hold_is_refused_naming_what_it_holds(answers, raw):
    for document, rows in raw.items():
        fiscal = sorted(p for p in rows["period"].unique() if FISCAL.match(p))
        after = f"{int(fiscal[-1][:4]) + 1}/{int(fiscal[-1][5:]) + 1:02d}"
        answer = answers.answer(answers.read(f"What was the {_words(document)} in Trafford in {after}?"))
        assert not answer.answerable and f"{fiscal[0]} to {fiscal[-1]}" in answer.text and after in answer.text


def test_a_trend_lists_each_financial_year_and_leaves_other_forms_out(answers, raw):
    rows = raw["ons_csp_trafford/crime_rate.csv"]
    total = rows[(rows["area_name"] == "Trafford") & (rows["group"] == "Total recorded crime")]
    answer = answers.answer(answers.read("How has the crime rate in Trafford changed over time?"))
    listed = re.findall(r"(\d{4}/\d{2}) ([\d.]+) \[\d+\]", answer.text)
    expected = [(p, _shown(float(v))) for p, v in zip(total["period"], total["value"]) if FISCAL.match(p)]
    assert listed == sorted(expected)
    others = [p for p in total["period"] if not FISCAL.match(p)]
    assert others and all(f"“{p}”" in answer.text for p in others)
    assert {f.period for f in answer.figures} == {p for p, _ in expected}


def test_groups_are_ranked_within_one_place_and_period(answers, raw):
    rows = raw["ons_csp_trafford/crime_severity.csv"]
    for period in rows["period"].unique():
        part = rows[(rows["area_name"] == "England") & (rows["period"] == period)
                    & (rows["group"] != "Total recorded crime")]
        order = list(part.assign(v=part["value"].astype(float)).sort_values("v", ascending=False)["group"])
        answer = answers.answer(answers.read(f"Which offence group had the highest crime severity score in England "
                                             f"in {period}?"))
        listed = answer.text.split("highest first: ", 1)[1]
        assert [g for g in sorted(order, key=listed.find)] == order


def test_questions_for_other_data_are_not_taken(answers):
    """Every police.uk question of the real set stays with the street files; a place the statistics do not hold
    is left to the other paths."""
    items = [json.loads(line) for line in (PROJECT_ROOT / "questions" / "policeuk.jsonl").open(encoding="utf-8")]
    for item in items:
        for text in item.get("turns", [item.get("question") or item.get("claim")]):
            assert not answers.read(text).routed(has_tables=False), text
    assert not answers.read("What is the crime rate per 1,000 in Braintree?").routed(has_tables=True)
    assert not answers.read("What is the crime rate per 1,000 in 2019/20?").routed(has_tables=True)
    assert answers.read("What is the crime rate per 1,000 in 2019/20?").routed(has_tables=False)


def test_a_kind_of_crime_the_files_have_no_group_for_is_refused(answers):
    answer = answers.answer(answers.read("What was the rate of burglaries per 1,000 in Trafford in 2016/17?"))
    assert not answer.answerable and "Robbery" in answer.text


def test_groups_ranked_by_change_follow_pandas(answers, raw):
    rows = raw["ons_csp_trafford/crime_rate.csv"]
    trafford = rows[(rows["area_name"] == "Trafford") & (rows["group"] != "Total recorded crime")]
    for start, end in (("2010/11", "2018/19"), ("2008/09", "2012/13")):
        values = {p: trafford[trafford["period"] == p].set_index("group")["value"].astype(float) for p in (start, end)}
        change = (values[end] - values[start]).sort_values()
        answer = answers.answer(answers.read(f"Which offence group fell most in Trafford between {start} and {end}?"))
        assert f"{change.index[0].lower()} fell most between {start} and {end}" in answer.text
        assert len(answer.citations) == 2 * len(change)


def test_a_count_or_a_question_about_the_measure_is_not_answered_with_a_rate(answers):
    counted = answers.answer(answers.read("How many robberies were there in Trafford in 2016/17?"))
    assert not counted.answerable and "no counts" in counted.text
    assert answers.read("How many crimes per 1,000 people in Trafford in 2016/17?").asks_count is False
    assert not answers.read("What does the Crime Severity Score reflect?").routed(has_tables=False)


def test_the_build_summary_names_every_file_with_its_rows_and_every_series_with_its_span(loaded, raw):
    lines = loaded.catalogue.describe()
    for document, rows in raw.items():
        assert f"statistics file: {document} ({len(rows):,} rows)" in lines
    for series in loaded.catalogue.series:
        assert any(line.startswith(f"statistics: {series.name} for {len(series.places)} places, {series.periods[0]}")
                   for line in lines), lines
