"""Crime types: everyday words, slang and misspellings for every printed row, read as that row.

Expectations were written from the row labels and area headings of the agenda pack's Appendix 1, never read
back from the code under test.
"""

from __future__ import annotations

import pytest

from assistant import vocab
from assistant.understand.question import parse
from understand_cases import ALL_CRIME, ASB, check


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
