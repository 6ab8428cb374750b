"""Places: every Essex area by name and alias, towns read as their district, and places the tables do not cover.

Expectations were written from the row labels and area headings of the agenda pack's Appendix 1, never read
back from the code under test.
"""

from __future__ import annotations

import pytest

from assistant import vocab
from assistant.understand.question import parse
from understand_cases import check


AREA_PHRASES = [
    ("How many burglaries in Essex?", "Essex"),
    ("How many burglaries force-wide?", "Essex"),
    ("How many burglaries force wide?", "Essex"),
    ("How many burglaries across Essex?", "Essex"),
    ("How many burglaries across the county?", "Essex"),
    ("How many burglaries county-wide?", "Essex"),
    ("What is the solved rate for the force?", "Essex"),
    ("How many offences did Essex Police record in 2024?", "Essex"),
    ("Burglary for the whole force", "Essex"),
    ("Burglary in all of Essex", "Essex"),
    ("How many burglaries in Chelmsford?", "Chelmsford"),
    ("How many burglaries in Braintree?", "Braintree"),
    ("How many burglaries in Uttlesford?", "Uttlesford"),
    ("How many burglaries in Maldon?", "Maldon"),
    ("How many burglaries in Colchester?", "Colchester"),
    ("How many burglaries in Tendring?", "Tendring"),
    ("How many burglaries in Trending?", "Tendring"),
    ("How many burglaries in Southend?", "Southend"),
    ("How many burglaries in Southend-on-Sea?", "Southend"),
    ("How many burglaries in southend on sea?", "Southend"),
    ("How many burglaries in Castle Point?", "Castle Point"),
    ("How many burglaries in Rochford?", "Rochford"),
    ("How many burglaries in Basildon?", "Basildon"),
    ("How many burglaries in Thurrock?", "Thurrock"),
    ("How many burglaries in Epping Forest?", "Epping Forest"),
    ("How many burglaries in Epping?", "Epping Forest"),
    ("How many burglaries in Harlow?", "Harlow"),
    ("How many burglaries in Brentwood?", "Brentwood"),
    ("How many drug offences at Stansted Airport?", "Stansted Airport"),
    ("How many thefts at Stansted?", "Stansted Airport"),
    ("Chelmsford's shoplifting figures", "Chelmsford"),
    ("how many burglaries in HARLOW", "Harlow"),
]


@pytest.mark.parametrize("text, area", AREA_PHRASES)
def test_every_area_name_and_alias(text, area):
    check(parse(text), areas=(area,), unknown=())


TOWNS = [
    ("How many burglaries in Clacton?", "Tendring"),
    ("Shoplifting in Harwich", "Tendring"),
    ("Robbery in Canvey Island", "Castle Point"),
    ("Robbery in Canvey", "Castle Point"),
    ("Car theft in Benfleet", "Castle Point"),
    ("Burglary in Witham", "Braintree"),
    ("Burglary in Saffron Walden", "Uttlesford"),
    ("Burglary in Stansted Mountfitchet", "Uttlesford"),
    ("Burglary in Billericay", "Basildon"),
    ("Burglary in Leigh-on-Sea", "Southend"),
    ("Burglary in Loughton", "Epping Forest"),
    ("Burglary in Rayleigh", "Rochford"),
    ("Burglary in Grays", "Thurrock"),
]


@pytest.mark.parametrize("text, area", TOWNS)
def test_towns_are_read_as_their_district_and_remembered_as_towns(text, area):
    query = parse(text)
    check(query, areas=(area,), unknown=())
    assert [district for _, district in query.extra["towns"]] == [area]


@pytest.mark.parametrize("text, area, typed", [
    ("How many burglaries in Colchster?", "Colchester", "colchster"),
    ("Robbery in Chelmsfrod", "Chelmsford", "chelmsfrod"),
    ("Shoplifting in Basildn", "Basildon", "basildn"),
    ("Burglary in Brentwod", "Brentwood", "brentwod"),
    ("Burglary in Thurock", "Thurrock", "thurock"),
])
def test_misspelt_areas_are_read_and_the_reading_is_noted(text, area, typed):
    check(parse(text), areas=(area,), unknown=(), note=typed)


@pytest.mark.parametrize("text", [
    "Crime in the southern districts", "Is crime trending up?", "How is shoplifting trending in Harlow?",
    "I was talking about the standing committee", "Crime across the original area", "Crime in a violet room",
    "Chichester and Rochester are not in Essex", "Shoplifting is tending to rise",
])
def test_common_words_never_become_essex_places(text):
    query = parse(text)
    assert set(query.areas) <= {"Harlow", "Essex"}
    assert "Tendring" not in query.areas and "Southend" not in query.areas and "Colchester" not in query.areas


def test_areas_are_kept_in_the_order_they_are_named():
    check(parse("Compare burglary in Harlow, Basildon and Chelmsford"),
          areas=("Harlow", "Basildon", "Chelmsford"), intent="compare")


def test_essex_police_as_the_organisation_does_not_add_the_county_when_a_district_is_named():
    check(parse("How many shoplifting offences did Essex Police record in Colchester?"), areas=("Colchester",))


def test_district_list_leaves_out_the_force_and_the_airport():
    assert len(vocab.DISTRICT_AREAS) == 14
    assert "Essex" not in vocab.DISTRICT_AREAS and "Stansted Airport" not in vocab.DISTRICT_AREAS
    assert len(vocab.TABLE_AREAS) == 16


@pytest.mark.parametrize("text, place", [
    ("How many burglaries were recorded in Cambridge in 2024?", "Cambridge"),
    ("How many homicides were there in Northampton?", "Northampton"),
    ("Shoplifting in London", "London"),
    ("Robbery in Kent", "Kent"),
    ("How does Suffolk compare for burglary?", "Suffolk"),
    ("Crime in Manchester", "Manchester"),
    ("How many offences in Luton?", "Luton"),
    ("Burglary in Milton Keynes", "Milton Keynes"),
    ("Burglary in Stoke-on-Trent", "Stoke-on-Trent"),
    ("Violence in England and Wales", "England and Wales"),
])
def test_places_without_a_table_are_unknown(text, place):
    query = parse(text)
    assert place in query.unknown_places
    assert not set(query.areas) - {"Essex"}


@pytest.mark.parametrize("text", [
    "How much UK Shared Prosperity Fund money was spent in Year 2?",
    "What did the Rural England Prosperity Fund pay for?",
    "Robbery in October", "Robbery in Year 2", "Robbery in Central Park", "Shoplifting In Chelmsford",
    "What was said in Operation Dial?",
])
def test_names_that_merely_contain_a_place_or_a_capital_are_not_unknown_places(text):
    assert parse(text).unknown_places == ()


@pytest.mark.parametrize("text, areas, unknown", [
    ("How many thefts at Southend Airport?", ("Rochford",), ()),  # London Southend Airport is in Rochford
    ("How many thefts at Luton Airport?", (), ("Luton Airport",)),
    ("How many thefts at Heathrow?", (), ("Heathrow Airport",)),
    ("How many thefts at Stansted airport?", ("Stansted Airport",), ()),
])
def test_the_airport_is_stansted_but_other_airports_are_not(text, areas, unknown):
    check(parse(text), areas=areas, unknown=unknown)
