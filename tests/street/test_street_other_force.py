"""Nothing about one force is in code: a generated download of another force, with its own places, types,
months and a gap, is read and answered by the same rules, checked against pandas on the generated rows."""

from __future__ import annotations

import random

import pandas as pd
import pytest

from assistant.answer.street import StreetAnswers
from assistant.ingest.street import read_street
from assistant.vocab import street_words

COLUMNS = ["Crime ID", "Month", "Reported by", "Falls within", "Longitude", "Latitude", "Location", "LSOA code",
           "LSOA name", "Crime type", "Last outcome category", "Context"]
TYPES = ["Burglary", "Shoplifting", "Criminal damage and arson", "Drugs", "Anti-social behaviour"]
OUTCOMES = ["Under investigation", "Investigation complete; no suspect identified", "Awaiting court outcome"]


def _rows(month: str, rng: random.Random, n: int) -> pd.DataFrame:
    rows = []
    for i in range(n):
        crime = rng.choice(TYPES)
        place = rng.choices(["Maidstone", "Tonbridge and Malling", "Medway", None], weights=[70, 20, 5, 5])[0]
        rows.append({"Crime ID": "" if crime == TYPES[-1] else f"{month}-{i}", "Month": month,
                     "Reported by": "Kent Police", "Falls within": "Kent Police", "Longitude": "0.5",
                     "Latitude": "51.2", "Location": "On or near High Street" if place else "No location",
                     "LSOA code": f"E0100{rng.randint(1000, 9999)}" if place else "",
                     "LSOA name": f"{place} {rng.randint(1, 30):03d}{rng.choice('ABCD')}" if place else "",
                     "Crime type": crime, "Last outcome category": "" if crime == TYPES[-1] else rng.choice(OUTCOMES),
                     "Context": ""})
    return pd.DataFrame(rows, columns=COLUMNS)


@pytest.fixture(scope="module")
def kent(tmp_path_factory):
    rng = random.Random(7)
    corpus = tmp_path_factory.mktemp("kent")
    frames = {}
    for month in ("2020-01", "2020-02", "2020-04"):  # March is missing: a gap
        frame = _rows(month, rng, 300)
        folder = corpus / "kent-download-2020-05" / month
        folder.mkdir(parents=True)
        frame.to_csv(folder / f"{month}-kent-street.csv", index=False)
        frames[month] = frame
    load = read_street(corpus)
    return StreetAnswers(load.frames, load.catalogue, street_words.load()), pd.concat(frames.values())


def ask(answers, question):
    return answers.answer(answers.read(question))


def test_the_learned_catalogue_is_the_generated_forces(kent):
    answers, rows = kent
    catalogue = answers.catalogue
    assert catalogue.force == "Kent Police" and catalogue.home_area == "Maidstone"
    assert catalogue.incident_types == ("Anti-social behaviour",)
    assert catalogue.editions[0].gaps() == ("2020-03",)


def test_counts_and_traps_follow_the_same_rules(kent):
    answers, rows = kent
    jan = rows[rows["Month"] == "2020-01"]
    crimes = jan[jan["Crime type"] != "Anti-social behaviour"]
    assert ask(answers, "How many crimes in January 2020?").figures[0].value == len(crimes)
    assert ask(answers, "How many burglaries in January 2020?").figures[0].value == \
        (jan["Crime type"] == "Burglary").sum()
    medway = crimes["LSOA name"].fillna("").str.startswith("Medway ")
    answer = ask(answers, "How many crimes in Medway in January 2020?")
    assert answer.figures[0].value == medway.sum() and "outside the force's own area (Maidstone)" in answer.text
    assert not ask(answers, "How many crimes in March 2020?").answerable
    assert not ask(answers, "How many crimes from January to April 2020?").answerable
    assert ask(answers, "How many crimes from January to February 2020?").figures[0].value == \
        (rows["Month"].isin(["2020-01", "2020-02"]) & (rows["Crime type"] != "Anti-social behaviour")).sum()
