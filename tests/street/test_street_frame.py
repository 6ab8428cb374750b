"""The street frame and what is learned from it, against plain pandas on the same files."""

from __future__ import annotations

import pandas as pd

from assistant.ingest.street import area_of, edition_of, month_range


def test_every_row_is_read_once_per_download_and_month(street_load, raw):
    frame = street_load.frame
    for name, rows in raw.items():
        got = frame[frame["edition"] == name].groupby("month", observed=True).size()
        assert got.to_dict() == rows.groupby("Month").size().to_dict()


def test_counts_by_type_and_outcome_match_pandas(street_load, raw):
    frame = street_load.frame
    for name, rows in raw.items():
        mine = frame[frame["edition"] == name]
        held = lambda counts: counts[counts > 0].to_dict()  # noqa: E731 - categories of other downloads count 0
        assert held(mine["crime_type"].value_counts()) == rows["Crime type"].value_counts().to_dict()
        assert held(mine["outcome"].value_counts()) == rows["Last outcome category"].value_counts().to_dict()


def test_downloads_are_ordered_by_their_newest_month(street_load, newest_first):
    assert [e.name for e in street_load.catalogue.editions] == newest_first


def test_gaps_are_the_months_with_no_file(street_load, raw):
    for edition in street_load.catalogue.editions:
        held = sorted(raw[edition.name]["Month"].unique())
        assert list(edition.months) == held
        expected = [m for m in pd.period_range(held[0], held[-1], freq="M").strftime("%Y-%m") if m not in held]
        assert list(edition.gaps()) == expected


def test_incidents_are_the_types_never_given_an_outcome(street_load, raw):
    rows = pd.concat(raw.values())
    with_outcome = set(rows.loc[rows["Last outcome category"].notna(), "Crime type"])
    assert set(street_load.catalogue.incident_types) == set(rows["Crime type"]) - with_outcome
    assert street_load.catalogue.incident_types  # the real files hold anti-social behaviour rows
    for edition in street_load.catalogue.editions:
        r = raw[edition.name]
        assert set(edition.incident_months) == set(r.loc[r["Crime type"].isin(street_load.catalogue.incident_types),
                                                         "Month"])


def test_areas_come_from_lsoa_names_and_the_home_area_holds_most_rows(street_load, raw):
    rows = pd.concat(raw.values())
    boroughs = rows["LSOA name"].dropna().str.replace(r"\s+\d{3}[A-Z]$", "", regex=True).value_counts()
    assert set(street_load.catalogue.areas) == set(boroughs.index)
    assert street_load.catalogue.home_area == boroughs.index[0]
    assert street_load.frame["area"].isna().sum() == rows["LSOA name"].isna().sum()


def test_outcome_and_stop_and_search_files_are_read_not_lost(street_load, raw_events):
    for kind, by_folder in raw_events.items():
        assert len(street_load.events[kind]) == sum(len(rows) for rows in by_folder.values()), kind
    assert not street_load.problems  # the real files are whole: nothing left out, nothing to report


def test_small_pure_helpers():
    assert area_of("Camden 028B") == "Camden"
    assert area_of("City of London 001F") == "City of London"
    assert area_of(None) is None
    assert edition_of("dl/street/x.csv") == "dl" and edition_of("x.csv") == "(top level)"
    assert month_range("2016-11", "2017-02") == ["2016-11", "2016-12", "2017-01", "2017-02"]
