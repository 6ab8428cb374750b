"""Another force's outcomes and stop-and-search files, generated with the edges real downloads have: a month
with a header and no rows (no searches: 0, not a gap), an older file without a column the others have, outcome
rows for crimes the download's street files do not hold. Checked against pandas on the generated rows."""

from __future__ import annotations

import random

import pandas as pd
import pytest

from assistant.answer.street import StreetAnswers
from assistant.ingest.street import read_street
from assistant.vocab import street_words

STREET = ["Crime ID", "Month", "Reported by", "Falls within", "Longitude", "Latitude", "Location", "LSOA code",
          "LSOA name", "Crime type", "Last outcome category", "Context"]
OUTCOME = ["Crime ID", "Month", "Reported by", "Falls within", "Longitude", "Latitude", "Location", "LSOA code",
           "LSOA name", "Outcome type"]
SEARCH = ["Type", "Date", "Part of a policing operation", "Policing operation", "Latitude", "Longitude", "Gender",
          "Age range", "Self-defined ethnicity", "Officer-defined ethnicity", "Legislation", "Object of search",
          "Outcome", "Outcome linked to object of search", "Removal of more than just outer clothing"]
MONTHS = ("2021-01", "2021-02", "2021-03")
DOWNLOAD = "kent-download-2021-04"


def _street(month: str, rng: random.Random) -> pd.DataFrame:
    rows = [{"Crime ID": f"{month}-{i}", "Month": month, "Falls within": "Kent Police",
             "LSOA name": f"{rng.choice(['Maidstone', 'Medway'])} 0{rng.randint(10, 30)}A",
             "Crime type": rng.choice(["Burglary", "Drugs", "Shoplifting"]),
             "Last outcome category": rng.choice(["Under investigation", "Awaiting court outcome"])}
            for i in range(120)]
    return pd.DataFrame(rows).reindex(columns=STREET)


def _outcomes(month: str, rng: random.Random, crimes: list[str]) -> pd.DataFrame:
    rows = [{"Crime ID": rng.choice(crimes) if rng.random() < 0.8 else f"older-{i}", "Month": month,
             "Falls within": "Kent Police", "LSOA name": f"{rng.choice(['Maidstone', 'Medway'])} 012B",
             "Outcome type": rng.choice(["Suspect charged", "Local resolution", "Offender fined"])}
            for i in range(90)]
    return pd.DataFrame(rows).reindex(columns=OUTCOME)


def _searches(month: str, rng: random.Random, n: int) -> pd.DataFrame:
    rows = [{"Type": rng.choice(["Person search", "Vehicle search"]), "Date": f"{month}-0{rng.randint(1, 9)}T10:00:00",
             "Gender": rng.choice(["Male", "Female"]), "Age range": rng.choice(["10-17", "18-24", "over 34"]),
             "Self-defined ethnicity": rng.choice(["White - English (W1)", "Asian - Indian (A1)"]),
             "Officer-defined ethnicity": rng.choice(["White", "Asian"]), "Legislation": "Misuse of Drugs Act 1971",
             "Object of search": rng.choice(["Controlled drugs", "Stolen goods"]),
             "Outcome": rng.choice(["Arrest", "A no further action disposal"])} for _ in range(n)]
    return pd.DataFrame(rows).reindex(columns=SEARCH)


@pytest.fixture(scope="module")
def kent(tmp_path_factory):
    rng = random.Random(11)
    corpus = tmp_path_factory.mktemp("kent-events")
    street, outcomes, searches = {}, {}, {}
    for month in MONTHS:
        folder = corpus / DOWNLOAD / month
        folder.mkdir(parents=True)
        street[month] = _street(month, rng)
        street[month].to_csv(folder / f"{month}-kent-street.csv", index=False)
        outcomes[month] = _outcomes(month, rng, street[month]["Crime ID"].tolist())
        outcomes[month].to_csv(folder / f"{month}-kent-outcomes.csv", index=False)
        searches[month] = _searches(month, rng, 0 if month == MONTHS[1] else 80)
        if month == MONTHS[2]:  # an older file: no self-defined ethnicity
            searches[month] = searches[month].drop(columns=["Self-defined ethnicity"])
        searches[month].to_csv(folder / f"{month}-kent-stop-and-search.csv", index=False)
    load = read_street(corpus)
    return StreetAnswers(load.frames, load.catalogue, street_words.load()), load, street, outcomes, searches


def test_an_empty_month_is_held_with_no_searches_not_a_gap(kent):
    answers, load, *_ = kent
    assert load.catalogue.events["stop and search"].editions[0].months == MONTHS
    answer = answers.answer(answers.read("How many stop and searches in February 2021?"))
    assert answer.answerable and answer.text.startswith("0 stop and searches"), answer.text


def test_counts_over_the_empty_month_and_the_older_file_match_pandas(kent):
    answers, _, _, _, searches = kent
    rows = pd.concat(searches.values())
    text = answers.answer(answers.read("How many stop and searches in Q1 2021?")).text
    assert text.startswith(f"{len(rows)} stop and searches"), text
    by_officer = answers.answer(answers.read("Stop and searches in Q1 2021 by officer-defined ethnicity")).text
    for label, n in rows["Officer-defined ethnicity"].value_counts().items():
        assert f"“{label}” {n} " in by_officer, by_officer


def test_a_count_by_a_column_one_months_file_lacks_is_refused_naming_it(kent, tmp_path):
    answers, load, *_ = kent
    assert any("Self-defined ethnicity" in p.message for p in load.problems)
    refused = answers.answer(answers.read("Stop and searches in Q1 2021 by self-defined ethnicity"))
    assert not refused.answerable and "March 2021" in refused.text and "Self-defined ethnicity" in refused.text
    held = answers.answer(answers.read("Stop and searches in January 2021 by self-defined ethnicity"))
    assert held.answerable, held.text


def test_outcomes_join_crime_types_of_this_download_and_count_the_rest_apart(kent):
    answers, load, street, outcomes, _ = kent
    rows = pd.concat(outcomes.values())
    crimes = pd.concat(street.values())[["Crime ID", "Crime type"]]
    joined = rows.merge(crimes, on="Crime ID", how="left")
    assert load.catalogue.events["outcomes"].unmatched == joined["Crime type"].isna().sum() > 0
    for crime, n in joined["Crime type"].value_counts().items():
        text = answers.answer(answers.read(f"How many outcomes for {crime} were recorded in Q1 2021?")).text
        assert text.startswith(f"{n} outcomes"), text
        assert f"{joined['Crime type'].isna().sum()} outcome rows" in text, text


def test_a_corpus_of_searches_alone_is_saved_loaded_and_answered(tmp_path):
    from assistant.ingest import street as police

    rng = random.Random(3)
    folder = tmp_path / "corpus" / DOWNLOAD
    folder.mkdir(parents=True)
    rows = _searches(MONTHS[0], rng, 40)
    rows.to_csv(folder / f"{MONTHS[0]}-kent-stop-and-search.csv", index=False)
    build = tmp_path / "build"
    build.mkdir()
    police.save(read_street(tmp_path / "corpus"), build)
    frames, catalogue = police.load(build)
    answers = StreetAnswers(frames, catalogue, street_words.load())
    searches = answers.answer(answers.read("How many stop and searches in January 2021?"))
    assert searches.text.startswith(f"{len(rows)} stop and searches"), searches.text
    crimes = answers.answer(answers.read("How many crimes in January 2021?"))
    assert not crimes.answerable and "street file" in crimes.text


def test_outcomes_alone_are_never_counted_for_a_named_crime_type(tmp_path):
    """Without the street files an outcome row has no crime type: a question about one crime type is refused,
    never answered with the outcomes of every type."""
    from assistant.ingest import street as police

    rng = random.Random(5)
    folder = tmp_path / "corpus" / DOWNLOAD
    folder.mkdir(parents=True)
    rows = _outcomes(MONTHS[0], rng, [f"crime-{i}" for i in range(30)])
    rows.to_csv(folder / f"{MONTHS[0]}-kent-outcomes.csv", index=False)
    build = tmp_path / "build"
    build.mkdir()
    police.save(read_street(tmp_path / "corpus"), build)
    answers = StreetAnswers(*police.load(build), street_words.load())
    label = rows["Outcome type"].iloc[0]
    every_type = answers.answer(answers.read(f"How many outcomes were {label} in January 2021?"))
    assert every_type.answerable and str((rows["Outcome type"] == label).sum()) in every_type.text
    for crime in ("burglary", "shoplifting", "bike theft"):
        one_type = answers.answer(answers.read(f"How many {crime} outcomes were {label} in January 2021?"))
        assert not one_type.answerable and "give no crime type" in one_type.text, one_type.text
