"""An index with no performance tables (another council's documents, police.uk files) puts none of the data's
places in force: every area, alias and town of places.toml is checked against the vocabulary `for_catalogue`
builds from an empty catalogue, so a place added to the data tomorrow is covered the moment it is written down.
A catalogue that does print areas keeps them (the session's corpus vocabulary, checked last)."""

from __future__ import annotations

import pytest

from assistant import vocab
from assistant.ingest.catalogue import Catalogue
from assistant.vocab import for_catalogue, load, normalise

DATA = load()
NO_TABLES = for_catalogue(DATA, Catalogue())


def data_places() -> list[tuple[str, str]]:
    """(area, words) for every name, alias and town the data gives an area."""
    return [(name, words) for name, area in DATA.areas.items() for words in (name, *area.aliases, *area.towns)]


@pytest.mark.parametrize("area, words", data_places())
def test_with_no_tables_no_words_of_the_data_read_as_its_areas(area, words):
    hits = NO_TABLES.find_places(normalise(f"how many burglaries in {words} last year"))
    assert not [(kind, hit.name) for kind, hit in hits if kind != "other" or hit.name in DATA.areas], words


def test_with_no_tables_there_are_no_areas_districts_towns_or_policing_area():
    assert NO_TABLES.table_areas == () and NO_TABLES.district_areas == ()
    assert NO_TABLES.area_towns == {} and NO_TABLES.airport is None


def test_with_no_tables_the_places_with_no_table_and_the_crime_words_still_read():
    """Crime words and places with no table are words, not the data's force: they still read as before."""
    for name, aliases in DATA.not_covered.items():
        for alias in aliases:
            assert [(k, h.name) for k, h in NO_TABLES.find_places(alias)] == [("other", name)], alias
    for label in vocab.DEFAULT.crime_types:
        assert [h.name for h in NO_TABLES.find_crime_types(normalise(label))] == [label]


def test_a_catalogue_that_prints_areas_keeps_them(corpus_vocabulary):
    assert corpus_vocabulary.table_areas and set(corpus_vocabulary.table_areas) <= set(DATA.areas)
    towns = [(name, town) for name, towns in corpus_vocabulary.area_towns.items() for town in towns]
    assert towns and all(corpus_vocabulary.find_places(town)[0][1].name == name for name, town in towns)
