"""An index with no performance tables it has read (real minutes, another council's papers, a summary whose layout
no reader knows) learns no areas: the vocabulary data's own places are then places this index has no table for,
never its areas, and the data's words for a whole force ("the county", "force-wide") name no place at all. Before,
the data's areas stood in as the index's, so "across the whole county" in another force's papers was read as the
data's force and no document "covered" it."""

from __future__ import annotations

import random

import pytest

from assistant import vocab
from assistant.ingest.catalogue import FORCE, Catalogue
from assistant.vocab import for_catalogue, load, normalise

DATA = load()
EMPTY = for_catalogue(DATA, Catalogue())
FORCE_NAME = next(name for name, area in DATA.areas.items() if area.kind == FORCE)
GENERIC = [alias for alias in DATA.areas[FORCE_NAME].aliases
           if not set(normalise(FORCE_NAME).split()) & set(alias.split())]


def test_no_tables_no_areas():
    assert EMPTY.table_areas == () and EMPTY.district_areas == () and EMPTY.areas == {}


@pytest.mark.parametrize("alias", GENERIC)
def test_generic_force_words_name_no_place(alias):
    """"across the whole county": the data's force is not the force of these documents."""
    assert EMPTY.find_places(normalise(f"how big is the fund {alias} this year")) == []


@pytest.mark.parametrize("name", [name for name in DATA.areas])
def test_data_areas_are_places_without_tables(name):
    """Every place the data knows is read as a place no table covers, with the name the data gives it."""
    hits = EMPTY.find_places(normalise(f"what happened in {name} last year"))
    assert hits and all(kind == "other" and hit.name == name for kind, hit in hits)


def test_no_period_scope_without_tables():
    assert EMPTY.scope.values == () and "no periods" in EMPTY.scope.covered


def test_question_in_another_councils_papers_names_no_data_place():
    """Through the question reader: an invented council's question about "the whole county" names no area and no
    unknown place taken from the data."""
    from assistant.understand.question import parse

    rng = random.Random(7)
    with vocab.using(EMPTY):
        for alias in rng.sample(GENERIC, min(6, len(GENERIC))):
            query = parse(f"How much is the community safety fund {alias} in 2026/27?")
            assert FORCE_NAME not in (*query.areas, *query.unknown_places), alias
