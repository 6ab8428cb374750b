"""Street-level answers against plain pandas on the real files: counts, and each trap the files hold.

Questions are made from the data (every type, every month, every borough), not typed in, so a new download
tests the same properties.
"""

from __future__ import annotations

import pandas as pd
import pytest

from assistant.text.dates import MONTHS
from assistant.text.numbers import format_count


def ask(answers, question, context=None):
    return answers.answer(answers.read(question, context))


def month_words(month: str) -> str:
    return f"{MONTHS[int(month[5:]) - 1]} {month[:4]}"


def latest_holding(raw, newest_first, months):
    return next(name for name in newest_first if set(months) <= set(raw[name]["Month"]))


@pytest.fixture(scope="module")
def incident_type(street_load):
    (label,) = street_load.catalogue.incident_types
    return label


def test_every_type_in_every_month_matches_pandas(answers, raw, newest_first, incident_type):
    checked = 0
    for name in newest_first:
        rows = raw[name]
        for month in sorted(rows["Month"].unique()):
            if latest_holding(raw, newest_first, [month]) != name:
                continue  # a month two downloads hold is answered from the latest: tested below
            for crime in sorted(rows["Crime type"].unique()):
                answer = ask(answers, f"How many {crime.lower()} offences were there in {month_words(month)}?")
                expected = int(((rows["Month"] == month) & (rows["Crime type"] == crime)).sum())
                if crime == incident_type and not expected:
                    assert not answer.answerable  # a month with no incident rows is refused, not "0"
                    continue
                assert answer.answerable, answer.text
                assert answer.figures[0].value == expected, (crime, month, answer.text)
                assert answer.text.startswith(format_count(expected) + " ")
                checked += 1
    assert checked > 100


def test_a_crime_count_leaves_incidents_out_and_says_so(answers, raw, newest_first, incident_type):
    for month in sorted(raw[newest_first[0]]["Month"].unique()):
        rows = raw[newest_first[0]]
        rows = rows[rows["Month"] == month]
        answer = ask(answers, f"How many crimes were recorded in {month_words(month)}?")
        crimes = int((rows["Crime type"] != incident_type).sum())
        incidents = int((rows["Crime type"] == incident_type).sum())
        assert answer.figures[0].value == crimes
        assert "incidents, not crimes" in answer.text
        assert f"the {format_count(incidents)} recorded are left out" in answer.text


def test_incidents_are_counted_as_incidents(answers, raw, newest_first, incident_type):
    rows = raw[newest_first[0]]
    month = rows.loc[rows["Crime type"] == incident_type, "Month"].iloc[0]
    answer = ask(answers, f"How many {incident_type.lower()} incidents in {month_words(month)}?")
    assert answer.figures[0].value == ((rows["Month"] == month) & (rows["Crime type"] == incident_type)).sum()
    assert " incidents were recorded" in answer.text and "crimes" not in answer.text.split(".")[0]


def test_a_month_no_download_holds_is_refused_and_never_summed_over(answers, raw):
    held = sorted({m for rows in raw.values() for m in rows["Month"]})
    every = pd.period_range(held[0], held[-1], freq="M").strftime("%Y-%m").tolist()
    gaps = [m for m in every if m not in held]
    assert gaps, "the real files have a gap (October and November 2017)"
    for month in gaps:
        answer = ask(answers, f"How many crimes were there in {month_words(month)}?")
        assert not answer.answerable and month_words(month) in answer.text
    before, after = every[every.index(gaps[0]) - 1], every[every.index(gaps[-1]) + 1]
    answer = ask(answers, f"How many crimes from {month_words(before)} to {month_words(after)}?")
    assert not answer.answerable and "leave months out" in answer.text


def test_a_month_whose_file_has_no_incident_rows_is_refused_for_incidents(answers, raw, newest_first, incident_type):
    rows = raw[newest_first[0]]
    lacking = sorted(set(rows["Month"]) - set(rows.loc[rows["Crime type"] == incident_type, "Month"]))
    assert lacking
    for month in lacking:
        answer = ask(answers, f"How many {incident_type.lower()} incidents were there in {month_words(month)}?")
        assert not answer.answerable and "partial" in answer.text
        crimes = ask(answers, f"How many crimes in {month_words(month)}?")  # crimes in that month still count
        assert crimes.answerable


def test_two_downloads_are_never_blended_and_the_latest_is_used_and_named(answers, raw, newest_first):
    latest, earlier = newest_first[0], newest_first[1]
    shared = sorted(set(raw[latest]["Month"]) & set(raw[earlier]["Month"]))
    assert shared
    for month in shared:
        answer = ask(answers, f"How many crimes in {month_words(month)} are still under investigation?")
        counts = {name: int(((raw[name]["Month"] == month) &
                             (raw[name]["Last outcome category"] == "Under investigation")).sum())
                  for name in (latest, earlier)}
        assert answer.figures[1].value == counts[latest]  # [0] is the month's crimes, [1] the outcome
        assert answer.figures[1].edition == latest and latest in answer.text
        assert {f.edition for f in answer.figures if f.value == counts[earlier] and f.edition == earlier} or \
            counts[earlier] == counts[latest]
        assert format_count(counts[latest] + counts[earlier]) not in answer.text or \
            counts[latest] + counts[earlier] in (f.value for f in answer.figures)
    asked = ask(answers, f"In the earlier download, how many crimes in {month_words(shared[0])} were under "
                         "investigation?")
    assert asked.figures[1].edition == earlier


def test_months_only_an_earlier_download_holds_come_from_it_and_say_why(answers, raw, newest_first):
    latest, earlier = newest_first[0], newest_first[1]
    only = sorted(set(raw[earlier]["Month"]) - set(raw[latest]["Month"]))
    answer = ask(answers, f"How many crimes in {month_words(only[0])}?")
    assert answer.figures[0].edition == earlier and "latest download does not hold" in answer.text


def test_rows_with_no_lsoa_are_counted_apart(answers, raw, newest_first, incident_type):
    name = latest_holding(raw, newest_first, [f"2016-{m:02d}" for m in range(1, 13)])
    rows = raw[name][raw[name]["Month"].str.startswith("2016") & (raw[name]["Crime type"] != incident_type)]
    answer = ask(answers, "How many crimes in 2016 had no location?")
    assert [f.value for f in answer.figures[:2]] == [rows["LSOA name"].isna().sum(), len(rows)]


def test_every_borough_is_counted_and_others_are_said_to_be_outside(answers, raw, newest_first, incident_type,
                                                                     street_load):
    name = latest_holding(raw, newest_first, [f"2016-{m:02d}" for m in range(1, 13)])
    rows = raw[name][raw[name]["Month"].str.startswith("2016") & (raw[name]["Crime type"] != incident_type)]
    borough = rows["LSOA name"].str.replace(r"\s+\d{3}[A-Z]$", "", regex=True)
    home = street_load.catalogue.home_area
    for area in borough.dropna().unique():
        answer = ask(answers, f"How many crimes were recorded in {area} in 2016?")
        assert answer.figures[0].value == (borough == area).sum(), area
        assert ("outside the force's own area" in answer.text) == (area != home)
        assert "no location or LSOA" in answer.text


def test_comparison_and_ranking_match_pandas(answers, raw, newest_first, incident_type):
    h1 = {y: [f"{y}-{m:02d}" for m in range(1, 7)] for y in ("2016", "2017")}
    name = latest_holding(raw, newest_first, h1["2016"] + h1["2017"])
    rows = raw[name][raw[name]["Crime type"] != incident_type]
    count = {y: rows[rows["Month"].isin(h1[y])]["Crime type"].value_counts() for y in h1}
    change = (count["2017"].reindex(count["2016"].index, fill_value=0) - count["2016"]).sort_index()
    answer = ask(answers, "Which crime type rose most in the first half of 2017 compared with the first half of 2016?")
    assert change.idxmax() in answer.text
    answer = ask(answers, "Which crime type fell most in the first half of 2017 compared with the first half of 2016?")
    assert change.idxmin() in answer.text
    for crime in count["2016"].index[:3]:
        answer = ask(answers, f"{crime} in the first half of 2017 compared with 2016")
        a, b = int(count["2017"][crime]), int(count["2016"][crime])
        assert f"from {format_count(b)} in January to June 2016 to {format_count(a)} in January to June 2017" \
            in answer.text


def test_follow_ups_keep_what_they_leave_out(answers, raw, newest_first):
    first = ask(answers, "How many bike thefts in March 2017?")
    second = ask(answers, "And in April 2017?", context=first.context)
    rows = raw[newest_first[0]]
    assert second.figures[0].value == ((rows["Month"] == "2017-04") & (rows["Crime type"] == "Bicycle theft")).sum()


@pytest.mark.parametrize("question", ["How many knife crimes in March 2017?", "How many thefts in March 2017?"])
def test_a_kind_of_crime_with_no_single_type_is_refused_not_counted_as_all_crime(answers, question):
    assert not ask(answers, question).answerable


def test_every_figure_is_in_its_citation_with_the_filter_and_files(answers, data_dir):
    from assistant.answer.guard import uncited_numbers

    for question in ("How many crimes in 2016?", "How many burglaries in Islington in 2016?",
                     "Shoplifting in the first half of 2017 compared with 2016",
                     "How many crimes in March 2017 are still under investigation?"):
        answer = ask(answers, question)
        assert uncited_numbers(answer, question) == []
        for citation in answer.citations:
            assert (data_dir / citation.document).is_file()
            assert "Month" in citation.locator and citation.quote.split(" rows")[0].replace(",", "").isdigit()


def test_a_download_named_that_is_not_held_is_refused(answers, street_load):
    answer = ask(answers, "In the March 2019 download, how many crimes in March 2017?")
    assert not answer.answerable
    assert all(e.name in answer.text for e in street_load.catalogue.editions)


@pytest.mark.parametrize("place", ["Manchester", "Milton Keynes", "Westonzoyland"])
def test_a_place_no_row_lies_in_is_refused_not_answered_for_the_force(answers, place):
    answer = ask(answers, f"How many crimes in {place} in 2016?")
    assert not answer.answerable and place in answer.text


def test_places_the_files_hold_are_not_mistaken_for_unknown_ones(answers, street_load):
    for name in (*street_load.catalogue.areas, street_load.catalogue.lsoas[0], street_load.catalogue.force):
        assert ask(answers, f"How many crimes in {name} in 2016?").answerable, name
