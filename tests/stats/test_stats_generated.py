"""Another publisher's tidy file, generated: other column names and order, calendar years, ward codes, a breakdown
whose total is learned by arithmetic, a measure the words file does not know. Checked against pandas on the
generated rows; a look-alike that is not tidy (two numeric columns) is left to the passages."""

from __future__ import annotations

import random
from types import SimpleNamespace

import pandas as pd
import pytest

from assistant.answer.stats import StatsAnswers
from assistant.ingest.stats import read_stats
from assistant.vocab import stats_words

WARDS = {"W05000001": "Northgate", "W05000002": "Southfield", "W05000003": "Eastbrook"}
YEARS = ("2019", "2020", "2021", "2022")
KINDS = ("Domestic burglary", "Business burglary")
INDICATOR = "Burglaries per 10,000 households"


@pytest.fixture(scope="module")
def wards(tmp_path_factory):
    rng = random.Random(5)
    rows = []
    for year in YEARS:
        for code, ward in WARDS.items():
            parts = {k: round(rng.uniform(1, 60), 2) for k in KINDS}
            for label, value in (("All burglary", round(sum(parts.values()), 2)), *parts.items()):
                rows.append({"Year": year, "Ward": ward, "Category": label, "Rate": f"{value:.2f}",
                             "Indicator": INDICATOR, "Ward code": code})
    frame = pd.DataFrame(rows)
    folder = tmp_path_factory.mktemp("wards")
    frame.to_csv(folder / "burglary_wards.csv", index=False)
    twice = frame.assign(Households=[rng.randint(900, 5000) for _ in range(len(frame))])
    twice.to_csv(folder / "not_tidy.csv", index=False)
    documents = [SimpleNamespace(format="csv", path=str(p), id=p.name) for p in sorted(folder.iterdir())]
    loaded = read_stats(documents)
    return frame, loaded, StatsAnswers(loaded.frame, loaded.catalogue, stats_words.load())


def test_roles_are_learned_from_the_cells_not_the_names(wards):
    frame, loaded, _ = wards
    (roles,) = loaded.catalogue.files  # the file with a second numeric column is not tidy
    assert roles.document == "burglary_wards.csv"
    assert (roles.period, roles.value, roles.place, roles.group, roles.total) == \
        ("Year", "Rate", "Ward", "Category", "All burglary")
    assert roles.series == ("Indicator",) and loaded.catalogue.codes == WARDS
    assert len(loaded.frame) == len(frame)


def test_a_ward_figure_is_answered_in_the_files_own_words(wards):
    frame, _, answers = wards
    for _, row in frame.iterrows():
        answer = answers.answer(answers.read(f"{INDICATOR} for {row['Category'].lower()} in {row['Ward']} in "
                                             f"{row['Year']}"))
        assert answer.answerable, answer.text
        value = float(row["Rate"])  # three significant figures, one to three decimals: the rule, computed apart
        decimals = 1 if value >= 10 else 2 if value >= 1 else 3
        assert f"the {INDICATOR.lower()} for {row['Category'].lower()} was {value:.{decimals}f} [1]" in answer.text
        where = f"Ward = {row['Ward']}; Year = {row['Year']}; Category = {row['Category']}"
        assert where in answer.citations[0].locator


def test_a_ward_code_names_the_ward_and_a_change_uses_the_latest_year(wards):
    frame, _, answers = wards
    ask = answers.read(f"Have burglaries per 10,000 households in W05000002 gone down since {YEARS[0]}?")
    assert ask.places == ("Southfield",) and ask.routed(has_tables=True)
    answer = answers.answer(ask)
    ward = frame[(frame["Ward"] == "Southfield") & (frame["Category"] == "All burglary")].set_index("Year")["Rate"]
    a, b = float(ward[YEARS[0]]), float(ward[YEARS[-1]])
    assert answer.text.startswith("Yes" if b < a else "No") and f"{(b - a) / a * 100:+.1f}%" in answer.text


def test_a_year_not_held_is_refused_and_an_unknown_ward_is_not_taken(wards):
    _, _, answers = wards
    answer = answers.answer(answers.read("Burglaries per 10,000 households in Northgate in 2023"))
    assert not answer.answerable and f"{YEARS[0]} to {YEARS[-1]}" in answer.text
    assert not answers.read("Burglaries per 10,000 households in Westmoor in 2021").routed(has_tables=False)


def test_the_words_file_names_only_labels_the_files_print(wards):
    _, loaded, _ = wards
    problems = stats_words.unlearned(loaded.catalogue)
    assert any("'Offence rate'" in p for p in problems)  # these files print another measure


def test_a_file_with_no_groups_and_no_codes_is_read_by_its_one_varying_label(tmp_path):
    rows = pd.DataFrame({"Council": ["Ashford", "Dover", "Ashford", "Dover"], "Period": ["2020/21", "2020/21",
                         "2021/22", "2021/22"], "Satisfaction score": ["61.5", "70.25", "58.0", "72.75"]})
    rows.to_csv(tmp_path / "satisfaction.csv", index=False)
    loaded = read_stats([SimpleNamespace(format="csv", path=str(tmp_path / "satisfaction.csv"), id="satisfaction.csv")])
    (roles,) = loaded.catalogue.files
    assert (roles.place, roles.period, roles.value, roles.group, roles.series) == \
        ("Council", "Period", "Satisfaction score", "", ())
    answers = StatsAnswers(loaded.frame, loaded.catalogue, stats_words.load())
    answer = answers.answer(answers.read("Has the satisfaction score in Dover gone up since 2020/21?"))
    assert answer.text.startswith("Yes: in Dover, the satisfaction score rose from 70.2 in 2020/21 [1] to 72.8")
    assert "Council = Dover; Period = 2021/22" in answer.citations[1].locator


def test_a_measure_named_by_two_columns_and_a_figure_printed_twice_stay_apart(tmp_path):
    rows = pd.DataFrame({"Code": ["E07000105", "E07000108"] * 2, "Area": ["Ashford", "Dover"] * 2,
                         "Year": ["2021"] * 4, "Indicator": ["Burglary"] * 4,
                         "Measure": ["Count", "Count", "Rate per 1,000", "Rate per 1,000"],
                         "Value": ["120", "95", "1.5", "2.25"]})
    rows.to_csv(tmp_path / "a.csv", index=False)
    rows.to_csv(tmp_path / "b.csv", index=False)
    loaded = read_stats([SimpleNamespace(format="csv", path=str(tmp_path / n), id=n) for n in ("a.csv", "b.csv")])
    assert sorted({s.name for s in loaded.catalogue.series}) == ["Burglary · Count", "Burglary · Rate per 1,000"]
    assert len(loaded.frame) == 4 and set(loaded.frame["document"]) == {"a.csv"}
    assert len(loaded.problems) == 4 and all(p.startswith("b.csv row ") for p in loaded.problems)
