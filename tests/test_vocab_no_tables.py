"""An index of documents alone reads the places a question names from its words, never as the data's areas.

The test writes a council update about an invented place whose name opens with a town the vocabulary data
places in one of its districts ("<Town> Marsh"), indexes it with the real build and asks about it. With no
performance tables the data's districts and towns are not in force, so the question is about the invented
place, answered from the sentence that names it, and the district the data would have read it as appears
nowhere in the answer. Town and district are taken from the data, so the test follows whatever it holds.
"""

from __future__ import annotations

import json

import pytest

from assistant import vocab
from assistant.understand.places import read_places

DATA = vocab.load()
# The first one-word town of a district (the data's own words), and the district the data puts it in.
DISTRICT, TOWN = next((name, town) for name, area in DATA.areas.items() if area.kind == "district"
                      for town in area.towns if " " not in town)
PLACE = f"{TOWN.title()} Marsh"
UPDATE = f"""# {PLACE} Community Safety Update

## Burglary

Police recorded 51 residential burglaries in {PLACE} between July and September, the lowest figure for three years.

## Street pastors

Volunteers gave 420 hours of patrols in {PLACE} town centre over the summer.
"""


@pytest.fixture(scope="module")
def documents_only(tmp_path_factory):
    from assistant.engine import Assistant
    from assistant.store.build import build_index

    corpus = tmp_path_factory.mktemp("documents-only")
    name = f"{TOWN}-marsh-update-2025-10-01.md"
    (corpus / name).write_text(UPDATE, encoding="utf-8")
    (corpus / "manifest.json").write_text(json.dumps({"documents": [
        {"file": name, "title": f"{PLACE} Community Safety Update", "publisher": f"{PLACE} District Council",
         "kind": "briefing", "date": "2025-10-01"}]}), encoding="utf-8")
    index = tmp_path_factory.mktemp("documents-only-index")
    build_index(corpus, index)
    return Assistant.load(index)


def test_the_index_has_no_tables_so_the_data_puts_no_area_in_force(documents_only):
    with vocab.using(documents_only.vocabulary):
        places = read_places(f"How many burglaries were there in {PLACE}?",
                             vocab.normalise(f"How many burglaries were there in {PLACE}?"))
    assert places.areas == () and places.towns == ()
    assert places.unknown == (PLACE,)


@pytest.mark.slow
@pytest.mark.parametrize("question", [
    f"How many burglaries were there in {PLACE}?",
    f"how many burglaries in {PLACE.lower()}?",
])
def test_a_place_that_opens_with_a_town_of_the_data_is_answered_from_its_own_document(documents_only, question):
    answer = documents_only.ask(question)
    assert answer.answerable, answer.text
    assert "51" in answer.text and DISTRICT not in answer.text, answer.text


@pytest.mark.slow
def test_a_district_of_the_data_the_documents_never_name_is_still_not_found(documents_only):
    answer = documents_only.ask(f"How many burglaries were there in {DISTRICT}?")
    assert not answer.answerable and "51" not in answer.text, answer.text
