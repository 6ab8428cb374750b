"""The words people use for Essex places and crime types, mapped to the names the performance tables print.

Everything here is data plus a few pure matchers over *normalised* text (see `normalise`): lower case,
punctuation turned into spaces, so "Anti-social" and "anti social" are the same two words. A matcher returns
`Found` spans so the caller can blank what it used and stop one word counting twice ("violent crime" is
Violence Against the Person, not also All Crime).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz import process
from rapidfuzz.distance import OSA

FORCE = "Essex"
AIRPORT = "Stansted Airport"
ALL_CRIME = "All Crime (excl. Action (NFIB) Fraud)"

# Canonical area (the name the tidy frame uses) -> names people give that whole area.
AREAS: dict[str, tuple[str, ...]] = {
    FORCE: ("essex", "force wide", "forcewide", "the force", "whole force", "across the force", "county wide",
            "countywide", "the county", "across the county", "whole county", "across essex", "all of essex",
            "the whole of essex", "essex wide", "essex police", "essex as a whole", "force area",
            "force level", "force total"),
    "Chelmsford": ("chelmsford", "city of chelmsford"),
    "Braintree": ("braintree",),
    "Uttlesford": ("uttlesford",),
    "Maldon": ("maldon",),
    "Colchester": ("colchester",),
    # The source prints "Trending" for Tendring; `understand` keeps the verb ("is crime trending up?") apart.
    "Tendring": ("tendring", "trending"),
    "Southend": ("southend", "southend on sea", "city of southend"),
    "Castle Point": ("castle point",),
    "Rochford": ("rochford",),
    "Basildon": ("basildon",),
    "Thurrock": ("thurrock",),
    "Epping Forest": ("epping forest", "epping"),
    "Harlow": ("harlow",),
    "Brentwood": ("brentwood",),
    # A policing area with its own table, not a local authority district: the airport sits in Uttlesford.
    # "The airport" is Stansted: the only airport with a table ("Southend Airport" is a Rochford town below).
    AIRPORT: ("stansted airport", "stansted", "london stansted", "stansted airport policing area", "the airport",
              "airport"),
}

# Towns inside an area: answered from that area's table, with a note saying so.
AREA_TOWNS: dict[str, tuple[str, ...]] = {
    "Chelmsford": ("south woodham ferrers", "great baddow", "writtle", "broomfield"),
    "Braintree": ("witham", "halstead", "coggeshall"),
    "Uttlesford": ("saffron walden", "great dunmow", "dunmow", "thaxted", "stansted mountfitchet"),
    "Maldon": ("burnham on crouch", "heybridge", "tollesbury"),
    "Colchester": ("wivenhoe", "tiptree", "west mersea", "mersea"),
    "Tendring": ("clacton", "clacton on sea", "harwich", "dovercourt", "frinton", "frinton on sea",
                 "walton on the naze", "brightlingsea", "manningtree"),
    "Southend": ("leigh on sea", "leigh", "westcliff", "westcliff on sea", "shoeburyness", "southchurch"),
    "Castle Point": ("canvey island", "canvey", "benfleet", "south benfleet", "hadleigh", "thundersley"),
    "Rochford": ("rayleigh", "hockley", "hullbridge", "great wakering", "southend airport",
                 "london southend airport"),
    "Basildon": ("billericay", "wickford", "laindon", "pitsea"),
    "Thurrock": ("grays", "tilbury", "purfleet", "stanford le hope", "south ockendon", "chafford hundred"),
    "Epping Forest": ("loughton", "waltham abbey", "chigwell", "ongar", "chipping ongar", "buckhurst hill"),
    "Brentwood": ("shenfield", "ingatestone", "hutton"),
}

TABLE_AREAS: tuple[str, ...] = tuple(AREAS)
# The 14 local authority districts: the Force table is their total and Stansted Airport is a policing area.
DISTRICT_AREAS: tuple[str, ...] = tuple(a for a in TABLE_AREAS if a not in (FORCE, AIRPORT))

# Real places with no table: naming one must give "not found", never an Essex figure.
KNOWN_OTHER_PLACES: dict[str, str] = {
    alias: name
    for name, aliases in {
        "Cambridge": ("cambridge",), "Cambridgeshire": ("cambridgeshire",), "Northampton": ("northampton",),
        "Northamptonshire": ("northamptonshire",), "London": ("london", "greater london"), "Kent": ("kent",),
        "Suffolk": ("suffolk",), "Hertfordshire": ("hertfordshire", "herts"), "Norfolk": ("norfolk",),
        "Bedfordshire": ("bedfordshire",), "Manchester": ("manchester", "greater manchester"),
        "Birmingham": ("birmingham",), "Liverpool": ("liverpool",), "Leeds": ("leeds",), "Bristol": ("bristol",),
        "Luton": ("luton",), "Ipswich": ("ipswich",), "Norwich": ("norwich",), "Peterborough": ("peterborough",),
        "Milton Keynes": ("milton keynes",), "Oxford": ("oxford",), "Brighton": ("brighton",),
        "Sheffield": ("sheffield",), "Nottingham": ("nottingham",), "Leicester": ("leicester",),
        "Surrey": ("surrey",), "Sussex": ("sussex",), "Hampshire": ("hampshire",), "Yorkshire": ("yorkshire",),
        "England": ("england",), "Wales": ("wales",), "England and Wales": ("england and wales",),
        "Scotland": ("scotland",), "Northern Ireland": ("northern ireland",),
        "UK": ("uk", "united kingdom", "britain", "great britain"),
        # Other airports, so that "airport" in their names is not read as Stansted.
        "Heathrow Airport": ("heathrow", "heathrow airport"), "Gatwick Airport": ("gatwick", "gatwick airport"),
        "Luton Airport": ("luton airport", "london luton airport"), "London City Airport": ("london city airport",),
        # Essex regions: real, but the tables are by district.
        "Mid Essex": ("mid essex",), "South Essex": ("south essex",), "North Essex": ("north essex",),
        "West Essex": ("west essex",), "East Essex": ("east essex",), "North East Essex": ("north east essex",),
        "Mid and South Essex": ("mid and south essex",),
    }.items()
    for alias in aliases
}

# The 49 row labels exactly as printed (without the sub-row dash) -> the everyday words for each.
# Plurals of the last word are added by `_with_plurals`, so list the singular.
CRIME_TYPES: dict[str, tuple[str, ...]] = {
    "Anti-Social Behaviour (incidents)": (
        "anti social behaviour", "antisocial behaviour", "anti social behavior", "antisocial behavior",
        "anti social behaviour incident", "asb", "anti social", "antisocial", "nuisance behaviour",
        "yob", "yobbish behaviour", "yobbery", "yobs causing trouble", "youths causing trouble",
        "kids causing trouble", "teenagers causing trouble", "people causing trouble", "causing trouble",
        "hooligan", "hooliganism", "rowdy behaviour", "rowdiness", "loutish behaviour", "lout"),
    ALL_CRIME: (
        "all crime excl action nfib fraud", "all crime", "total crime", "overall crime", "recorded crime",
        "crime overall", "all offence", "total offence", "offences overall", "crime excluding fraud",
        "all crime excluding fraud", "overall offending", "total recorded crime", "crime level", "crime figure"),
    "State Based Crime": ("state based crime", "state based offence", "crimes against the state"),
    "Victim Based Crime": ("victim based crime", "victim based offence", "crimes with a victim"),
    "Violence Against the Person": (
        "violence against the person", "violent crime", "violence", "violent offence", "violent offending",
        "vap", "violent incident", "assault"),
    "Homicide": ("homicide", "murder", "manslaughter", "killing", "killings", "unlawful killing"),
    "Violence with Injury": (
        "violence with injury", "assault with injury", "assaults with injury", "assault causing injury",
        "assaults causing injury", "injury assault", "gbh", "grievous bodily harm", "abh", "actual bodily harm",
        "wounding", "violent assault"),
    "Death or Serious Injury caused by unlawful driving": (
        "death or serious injury caused by unlawful driving", "death by dangerous driving",
        "causing death by dangerous driving", "death by careless driving", "causing death by careless driving",
        "unlawful driving", "dangerous driving death", "death or serious injury by dangerous driving",
        "killed by dangerous driving", "serious injury by dangerous driving"),
    "Violence without Injury": (
        "violence without injury", "assault without injury", "assaults without injury", "common assault",
        "threats to kill"),
    "Stalking and Harassment": (
        "stalking and harassment", "harassment and stalking", "stalking or harassment", "stalking",
        "harassment", "malicious communication", "stalker"),
    "Sexual Offences": (
        "sexual offence", "sex offence", "sexual crime", "sex crime", "sexual offending", "sexual violence",
        "sex attack", "sexual attack", "sex offender"),
    "Rape": ("rape",),
    "Rape - Under 16 yrs": (
        "rape under 16 yrs", "rape under 16", "rape of under 16s", "rapes of under 16s", "child rape",
        "rape of a child", "rape of children", "rapes of children", "rape of a child under 16",
        "rape of under sixteen"),
    "Rape - Over 16 yrs": (
        "rape over 16 yrs", "rape over 16", "rape of over 16s", "rapes of over 16s", "adult rape",
        "rape of adults", "rape of an adult"),
    "Other Sexual Offences": (
        "other sexual offence", "other sex offence", "sexual assault", "indecent exposure"),
    "Robbery": ("robbery", "robbed", "armed robbery", "robber"),
    "Robbery of business property": (
        "robbery of business property", "business robbery", "commercial robbery", "robbery of businesses",
        "robberies of businesses", "shop robbery", "robbery of shops"),
    # A mugging is a robbery of a person, so it is the personal-property sub-row, not all robbery.
    "Robbery of Personal Property": (
        "robbery of personal property", "personal robbery", "street robbery", "mugging", "muggings", "mugged",
        "robbery of a person", "robbery of people",
        "carjacking", "carjackings", "car jacking", "car jackings", "mugger"),
    "Theft Offences": (
        "theft offence", "all theft", "total theft", "thefts overall", "acquisitive crime", "property crime",
        "theft and burglary", "theft including burglary"),
    "Burglary": ("burglary", "break in", "breakin", "burglar", "burgled", "broken into", "breaking in",
                 "burglarised", "burglarized"),
    "Burglary Business & Community": (
        "burglary business and community", "business and community burglary", "business burglary",
        "commercial burglary", "non residential burglary", "burglary of businesses", "burglaries of businesses",
        "burglary of a business", "shop burglary", "community burglary"),
    # "Domestic" burglary was renamed "residential" in 2017; a house or home includes its sheds and garages.
    "Burglary Residential": (
        "burglary residential", "residential burglary", "domestic burglary", "house burglary", "home burglary",
        "burglary of homes", "burglary of houses", "burglaries of homes", "burglaries of houses",
        "homes burgled", "houses burgled", "home break in", "house break in", "housebreaking",
        "homes broken into", "houses broken into", "burglary at home", "burglaries at homes"),
    "Burglary Residential - Dwelling": (
        "burglary residential dwelling", "dwelling burglary", "burglary of a dwelling", "burglary of dwellings",
        "burglaries of dwellings", "burglary dwelling", "residential dwelling burglary"),
    "Burglary Residential - Non Dwelling": (
        "burglary residential non dwelling", "non dwelling burglary", "residential non dwelling burglary",
        "burglary non dwelling", "shed burglary", "garage burglary", "burglary of sheds",
        "burglary of garages", "burglary of outbuildings", "outbuilding burglary", "shed break in",
        "garage break in", "sheds broken into"),
    "Vehicle Offences (incl. Interference)": (
        "vehicle offences incl interference", "vehicle offences including interference", "vehicle offence",
        "vehicle crime", "car crime", "motor vehicle crime", "vehicle related crime"),
    "Theft from a Vehicle": (
        "theft from a vehicle", "theft from vehicles", "thefts from vehicles", "theft from a car",
        "theft from cars", "thefts from cars", "stuff stolen from cars", "things stolen from cars",
        "items stolen from cars", "stolen from cars", "stolen from a car", "stolen from vehicles",
        "stolen from a vehicle", "car break in", "vehicle break in", "breaking into cars", "cars broken into",
        "catalytic converter theft", "theft from motor vehicles", "theft from a motor vehicle"),
    "Theft of a Vehicle": (
        "theft of a vehicle", "theft of vehicles", "vehicle theft", "car theft", "cars stolen", "cars nicked",
        "stolen car", "stolen vehicle", "theft of cars", "theft of a car", "motor vehicle theft",
        "vehicles stolen", "car thief", "car thieves", "twoc", "joyriding", "taking without consent",
        "motorbike theft", "motorbikes stolen", "stolen motorbike", "theft of a motor vehicle",
        "theft of motor vehicles", "car stolen", "vehicle stolen",
        "motor theft", "theft of motors", "stolen motor", "motors stolen", "motors nicked", "nicked cars",
        "nicked car", "nicked motor"),
    "Vehicle Interference": (
        "vehicle interference", "interfering with vehicles", "interfering with a vehicle",
        "tampering with vehicles", "tampering with cars", "car tampering", "vehicle tampering"),
    # Bare "theft" is the printed Theft row (no burglary or vehicle crime); `ALIAS_NOTES` says so.
    "Theft": ("theft", "stealing", "stolen", "larceny", "thieving", "thief", "thieves"),
    "Theft from the Person": (
        "theft from the person", "theft from person", "pickpocketing", "pick pocketing", "pickpocket",
        "bag snatching", "snatch theft", "phone snatching", "purse snatching", "phone theft",
        "mobile phone theft"),
    "Theft of Pedal Cycle": (
        "theft of pedal cycle", "theft of pedal cycles", "pedal cycle theft", "bike theft", "bicycle theft",
        "cycle theft", "bikes stolen", "bicycles stolen", "stolen bike", "stolen bicycle", "theft of bikes",
        "theft of bicycles", "theft of a bike", "theft of a bicycle", "bike stolen", "bicycle stolen",
        "bike", "bicycle", "pedal cycle"),
    "Shoplifting": (
        "shoplifting", "shop lifting", "shoplifter", "shop theft", "theft from shops", "thefts from shops",
        "stealing from shops", "retail theft", "shoplift", "theft from a shop"),
    "Other Theft": ("other theft", "theft other", "other theft offence", "other thefts"),
    "Criminal Damage inc. Arson": (
        "criminal damage inc arson", "criminal damage including arson", "criminal damage and arson",
        "criminal damage incl arson", "damage and arson", "arson and criminal damage"),
    "Criminal Damage": (
        "criminal damage", "vandalism", "vandalised", "vandalized", "vandal", "graffiti", "damage to property",
        "property damage", "damaged property"),
    "Arson": ("arson", "arson attack", "deliberate fire", "fire setting", "deliberately set fire", "arsonist",
              "fire raising"),
    "Racial/Religiously Aggravated Offences": (
        "racial religiously aggravated offence", "racially or religiously aggravated", "racially aggravated",
        "religiously aggravated", "racist crime", "racist offence", "racist incident", "racial crime",
        "race crime", "racist abuse", "racially motivated crime", "racism"),
    "Hate Crime HO Definition": (
        "hate crime ho definition", "hate crime", "hate offence", "hate incident", "hate crime home office",
        "homophobic abuse", "homophobic crime", "homophobic attack", "transphobic abuse", "transphobic crime",
        "disability hate"),
    "Domestic Abuse": (
        "domestic abuse", "domestic violence", "domestic abuse offence", "domestic incident", "domestic crime",
        "domestic abuse crime", "domestic abuse case", "domestics"),
    "High Risk Domestic Abuse": (
        "high risk domestic abuse", "high risk domestic violence", "high risk da", "high risk domestic", "high risk"),
    "Medium Risk Domestic Abuse": (
        "medium risk domestic abuse", "medium risk domestic violence", "medium risk da", "medium risk domestic",
        "medium risk"),
    "Standard Risk Domestic Abuse": (
        "standard risk domestic abuse", "standard risk domestic violence", "standard risk da",
        "standard risk domestic", "low risk domestic abuse", "standard risk"),
    "No Risk Assessment": (
        "no risk assessment", "domestic abuse with no risk assessment", "domestic abuse without a risk assessment",
        "unassessed domestic abuse", "not risk assessed", "without a risk assessment"),
    "Drug Offences": (
        "drug offence", "drugs offence", "drug crime", "drugs crime", "drug related crime", "drug related offence",
        "drug", "drugs", "narcotics", "drug offending", "cannabis"),
    "Trafficking of Drugs": (
        "trafficking of drugs", "drug trafficking", "drugs trafficking", "drug dealing", "drugs dealing",
        "dealing drugs", "dealing in drugs", "drug supply", "drugs supply", "supply of drugs", "supplying drugs",
        "drug dealer", "county lines", "county line", "supply offence", "production of drugs",
        "trafficking of drug", "cannabis farm", "drug farm"),
    "Possession of Drugs": (
        "possession of drugs", "drug possession", "drugs possession", "possessing drugs", "possession of drug",
        "possession of cannabis", "cannabis possession", "possession of controlled drugs",
        "possession of a controlled drug", "possession offence"),
    # The tables have no knife-crime row; carrying a knife is counted under Possession of Weapons.
    "Possession of Weapons": (
        "possession of weapons", "possession of a weapon", "weapon possession", "weapons possession",
        "knife crime", "knife offence", "knife possession", "carrying a knife", "carrying knives",
        "possession of a knife", "possession of knives", "weapon offence", "weapons offence",
        "carrying weapons", "carrying a weapon", "offensive weapon", "possession of an offensive weapon",
        "knife", "knives", "weapon", "weapons", "knife carrying", "possession of weapon"),
    "Public Order": (
        "public order", "public order offence", "public disorder", "disorder", "affray", "riot",
        "violent disorder"),
    "Miscellaneous Crimes against Society": (
        "miscellaneous crimes against society", "miscellaneous crime", "misc crime", "crimes against society",
        "other crimes against society"),
}

# Bare words that mean all crime only when no more specific crime type is named ("shoplifting crimes").
GENERIC_CRIME_WORDS: tuple[str, ...] = ("crime", "crimes", "offences", "offence", "offending", "criminality",
                                        "offenses", "offense")

# Readings worth telling the user, keyed by the alias that was matched.
ALIAS_NOTES: dict[str, str] = {
    "house burglary": "'house burglary' read as Burglary Residential (homes and their outbuildings)",
    "home burglary": "'home burglary' read as Burglary Residential (homes and their outbuildings)",
    "domestic burglary": "'domestic burglary' read as Burglary Residential, its name since 2017",
    "knife crime": "'knife crime' read as Possession of Weapons; the tables have no knife-crime row",
    "knife": "'knife' read as Possession of Weapons; the tables have no knife-crime row",
    "knives": "'knives' read as Possession of Weapons; the tables have no knife-crime row",
    "theft": "'theft' read as the Theft row, which leaves out burglary and vehicle crime (all of them are "
             "Theft Offences)",
    "mugging": "'mugging' read as Robbery of Personal Property",
    "crime": "'crime' read as All Crime (excluding Action Fraud)",
    "crimes": "'crimes' read as All Crime (excluding Action Fraud)",
    "offences": "'offences' read as All Crime (excluding Action Fraud)",
    "assault": "'assault' read as Violence Against the Person, which holds assaults with and without injury",
    "stansted": "'Stansted' read as Stansted Airport, a policing area with its own table (Stansted "
                "Mountfitchet village is in Uttlesford)",
    "county lines": "'county lines' read as Trafficking of Drugs",
    "bike": "'bike' read as Theft of Pedal Cycle",
    "car crime": "'car crime' read as Vehicle Offences (incl. Interference): thefts of and from vehicles and "
                 "vehicle interference",
    "airport": "'airport' read as Stansted Airport, the only airport with its own table",
    "the airport": "'the airport' read as Stansted Airport, the only airport with its own table",
}

# Immediate parent of each row in the printed hierarchy; None for the top level and for the cross-cutting
# rows (hate crime, racially aggravated, domestic abuse) that re-count offences already counted elsewhere.
PARENT: dict[str, str | None] = {
    "Anti-Social Behaviour (incidents)": None, ALL_CRIME: None,
    "State Based Crime": ALL_CRIME, "Victim Based Crime": ALL_CRIME,
    "Violence Against the Person": "Victim Based Crime", "Sexual Offences": "Victim Based Crime",
    "Robbery": "Victim Based Crime", "Theft Offences": "Victim Based Crime",
    "Criminal Damage inc. Arson": "Victim Based Crime",
    **dict.fromkeys(("Homicide", "Violence with Injury", "Death or Serious Injury caused by unlawful driving",
                     "Violence without Injury", "Stalking and Harassment"), "Violence Against the Person"),
    "Rape": "Sexual Offences", "Other Sexual Offences": "Sexual Offences",
    "Rape - Under 16 yrs": "Rape", "Rape - Over 16 yrs": "Rape",
    "Robbery of business property": "Robbery", "Robbery of Personal Property": "Robbery",
    "Burglary": "Theft Offences", "Vehicle Offences (incl. Interference)": "Theft Offences",
    "Theft": "Theft Offences",
    "Burglary Business & Community": "Burglary", "Burglary Residential": "Burglary",
    "Burglary Residential - Dwelling": "Burglary Residential",
    "Burglary Residential - Non Dwelling": "Burglary Residential",
    **dict.fromkeys(("Theft from a Vehicle", "Theft of a Vehicle", "Vehicle Interference"),
                    "Vehicle Offences (incl. Interference)"),
    **dict.fromkeys(("Theft from the Person", "Theft of Pedal Cycle", "Shoplifting", "Other Theft"), "Theft"),
    "Criminal Damage": "Criminal Damage inc. Arson", "Arson": "Criminal Damage inc. Arson",
    "Racial/Religiously Aggravated Offences": None, "Hate Crime HO Definition": None, "Domestic Abuse": None,
    **dict.fromkeys(("High Risk Domestic Abuse", "Medium Risk Domestic Abuse", "Standard Risk Domestic Abuse",
                     "No Risk Assessment"), "Domestic Abuse"),
    "Drug Offences": "State Based Crime", "Possession of Weapons": "State Based Crime",
    "Public Order": "State Based Crime", "Miscellaneous Crimes against Society": "State Based Crime",
    "Trafficking of Drugs": "Drug Offences", "Possession of Drugs": "Drug Offences",
}


# Words that pick out one sub-row once its parent row is named: "burglaries ... were residential", "drug
# offences ... possession rather than trafficking", "rapes ... of victims under 16". On their own they are too
# vague to name a row ("business", "possession", "children"), so `find_subtypes` reads them only among the
# children of a row already named (or, in a follow-up, the siblings of the last one).
SUBTYPE_WORDS: dict[str, tuple[str, ...]] = {
    "State Based Crime": ("state based", "against the state"),
    "Victim Based Crime": ("victim based", "with a victim", "had a victim"),
    "Violence with Injury": ("with injury", "with an injury", "injury", "injuries", "injured", "causing injury",
                             "caused injury", "resulted in injury"),
    "Violence without Injury": ("without injury", "without an injury", "no injury", "without injuries",
                                "uninjured"),
    "Rape - Under 16 yrs": ("under 16", "under 16s", "under 16 yrs", "under sixteen", "aged under 16",
                            "younger than 16", "children", "child", "minors", "minor"),
    "Rape - Over 16 yrs": ("over 16", "over 16s", "over 16 yrs", "over sixteen", "aged over 16", "16 and over",
                           "16 or over", "16 or older", "older than 16", "adults", "adult"),
    "Robbery of business property": ("business property", "business", "businesses", "commercial", "shops",
                                     "commercial property"),
    "Robbery of Personal Property": ("personal property", "personal", "personal belongings"),
    "Burglary Residential": ("residential", "homes", "home", "houses", "house", "residences", "residence",
                             "people homes"),
    "Burglary Business & Community": ("business and community", "business", "businesses", "commercial",
                                      "community", "non residential", "shops"),
    "Burglary Residential - Dwelling": ("dwelling", "dwellings", "the home itself", "houses themselves"),
    "Burglary Residential - Non Dwelling": ("non dwelling", "non dwellings", "sheds", "garages", "outbuildings",
                                            "shed", "garage", "outbuilding"),
    "Theft from a Vehicle": ("from vehicles", "from a vehicle", "from cars", "from a car", "from the vehicle"),
    "Theft of a Vehicle": ("of vehicles", "of a vehicle", "of cars", "of a car", "of the vehicle",
                           "vehicles themselves", "stolen vehicles", "stolen cars"),
    "Vehicle Interference": ("interference", "interfering", "tampering", "tampered"),
    "Criminal Damage": ("criminal damage", "damage"),
    "Arson": ("arson", "fires", "fire"),
    "Possession of Drugs": ("possession", "possessing", "possession offences", "simple possession"),
    "Trafficking of Drugs": ("trafficking", "dealing", "supply", "supplying", "trafficking offences"),
    "Theft from the Person": ("from the person", "from people", "from a person"),
    "High Risk Domestic Abuse": ("high risk",),
    "Medium Risk Domestic Abuse": ("medium risk",),
    "Standard Risk Domestic Abuse": ("standard risk", "low risk"),
    "No Risk Assessment": ("no risk assessment", "not risk assessed", "unassessed"),
}

# Each row's children, in the order the tables print them.
CHILDREN: dict[str, tuple[str, ...]] = {}
for _child, _parent in PARENT.items():
    if _parent is not None:
        CHILDREN[_parent] = CHILDREN.get(_parent, ()) + (_child,)


class Found(NamedTuple):
    """One vocabulary hit in normalised text: its span, the canonical name, and the words that matched."""

    start: int
    end: int
    name: str
    alias: str


def normalise(text: str) -> str:
    """Lower case, '&' as 'and', '%' and 'per cent' as 'percent', digits kept whole ('1,465' -> '1465'), other
    punctuation as spaces, so every matcher compares plain words."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)
    text = re.sub(r"['’‘`]s\b", "", text)  # possessive: "Chelmsford's" -> "chelmsford"
    text = text.replace("&", " and ").replace("%", " percent ").replace("£", " pounds ")
    text = " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())
    return _PER_CENT.sub("percent", _PC_AFTER_NUMBER.sub(r"\1 percent", text))


# "Per cent" and the headline "pc" ("up 20pc", "what pc change"); a bare "PC" is a police constable.
_PC_AFTER_NUMBER = re.compile(r"\b(\d+) ?pc\b")
_PER_CENT = re.compile(r"\bper cent\b|\bpc\b(?= (?:change|rise|fall|increase|decrease|drop|swing|jump|points?|"
                       r"terms|difference)\b)|(?<=\bwhat )pc\b|(?<=\bmany )pc\b")


def note_for(alias: str) -> str | None:
    """The note for a matched alias, singular or plural ("house burglaries" has the note of "house burglary")."""
    for key in (alias, alias.removesuffix("s"), alias.removesuffix("es"), re.sub(r"ies$", "y", alias)):
        if key in ALIAS_NOTES:
            return ALIAS_NOTES[key]
    return None


def ancestors(crime_type: str) -> tuple[str, ...]:
    """Parent, grandparent, ... up to the top of the hierarchy ("Shoplifting" -> Theft, Theft Offences, ...)."""
    chain = []
    parent = PARENT.get(crime_type)
    while parent is not None:
        chain.append(parent)
        parent = PARENT.get(parent)
    return tuple(chain)


def _plural(word: str) -> str:
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"


def _pluralisable(word: str) -> bool:
    return word.isalpha() and not word.endswith(("s", "ing", "ed", "en", "ism"))


def _with_plurals(aliases: tuple[str, ...]) -> set[str]:
    """Each alias and its plural on the last word ("break in" -> "break ins", "robbery" -> "robberies"), and
    on the first word of "X of/from Y" ("thefts of a vehicle", "robberies of business property")."""
    out = set()
    for alias in aliases:
        alias = normalise(alias)
        out.add(alias)
        head, _, last = alias.rpartition(" ")
        if _pluralisable(last):
            out.add(f"{head} {_plural(last)}".strip())
        first, *others = alias.split()
        if len(others) >= 2 and others[0] in ("of", "from") and _pluralisable(first):
            out.add(" ".join((_plural(first), *others)))
    return out


def _phrase_table(groups: dict[str, tuple[str, ...]], plurals: bool) -> dict[str, str]:
    table: dict[str, str] = {}
    for name, aliases in groups.items():
        for alias in (_with_plurals(aliases) if plurals else {normalise(a) for a in aliases}):
            table.setdefault(alias, name)
    return table


def _matcher(phrases) -> re.Pattern:
    """One alternation, longest phrase first, so the leftmost match is also the longest one starting there."""
    ordered = sorted(phrases, key=lambda p: (-len(p), p))
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in ordered) + r")\b")


_AREA_PHRASES = _phrase_table({name: (name, *aliases) for name, aliases in AREAS.items()}, plurals=False)
_TOWN_PHRASES = {normalise(t): name for name, towns in AREA_TOWNS.items() for t in towns}
_OTHER_PHRASES = {normalise(alias): name for alias, name in KNOWN_OTHER_PLACES.items()}
_PLACE_RE = _matcher({**_AREA_PHRASES, **_TOWN_PHRASES, **_OTHER_PHRASES})
_CRIME_PHRASES = _phrase_table({name: (name, *aliases) for name, aliases in CRIME_TYPES.items()}, plurals=True)
_CRIME_RE = _matcher(_CRIME_PHRASES)
_GENERIC_RE = _matcher(GENERIC_CRIME_WORDS)
# Sentences rather than phrases: "cars were stolen", "homes have been broken into". Tried before the aliases.
_THINGS_TAKEN = r"(?: \w+){0,2} (?:stolen|nicked|taken|pinched|swiped|nabbed)\b"
_BROKEN_INTO = r"(?: \w+){0,2} (?:burgled|burglarised|broken into)\b"
_PATTERNS: tuple[tuple[re.Pattern, str], ...] = tuple((re.compile(p), name) for p, name in (
    (r"\b(?:stolen|nicked|taken|stealing|thefts?) (?:from|out of) (?:a |the |parked )?(?:cars?|vehicles?|vans?)\b",
     "Theft from a Vehicle"),
    (r"\b(?:cars?|vehicles?|vans?)\b" + _BROKEN_INTO, "Theft from a Vehicle"),
    (r"\b(?:cars?|vehicles?|vans?|motors|motorbikes?|motorcycles?|lorry|lorries)\b" + _THINGS_TAKEN,
     "Theft of a Vehicle"),
    (r"\b(?:bikes?|bicycles?|cycles?|push bikes?|pushbikes?)\b" + _THINGS_TAKEN, "Theft of Pedal Cycle"),
    (r"\b(?:stolen|nicked|pinched|swiped|stealing|thefts?) (?:from|in|out of) (?:a |the )?"
     r"(?:shops?|stores?|supermarkets?|retailers?)\b",
     "Shoplifting"),
    (r"\b(?:homes?|houses?|flats?)\b" + _BROKEN_INTO, "Burglary Residential"),
    (r"\b(?:sheds?|garages?|outbuildings?)\b" + _BROKEN_INTO, "Burglary Residential - Non Dwelling"),
    (r"\b(?:shops?|businesses|business premises|offices|schools?)\b" + _BROKEN_INTO, "Burglary Business & Community"),
))


def blank(text: str, spans) -> str:
    """The text with each span overwritten by spaces, so later matchers skip it but positions stay put."""
    for span in spans:
        text = text[:span.start] + " " * (span.end - span.start) + text[span.end:]
    return text


def find_places(norm: str) -> list[tuple[str, Found]]:
    """Every place named, in order, as ("area" | "town" | "other", hit). Towns carry their area's name."""
    found = []
    for match in _PLACE_RE.finditer(norm):
        alias = match.group()
        if alias in _OTHER_PHRASES and alias not in _AREA_PHRASES:
            kind, name = "other", _OTHER_PHRASES[alias]
        elif alias in _AREA_PHRASES:
            kind, name = "area", _AREA_PHRASES[alias]
        else:
            kind, name = "town", _TOWN_PHRASES[alias]
        found.append((kind, Found(match.start(), match.end(), name, alias)))
    return found


def find_crime_types(norm: str) -> list[Found]:
    """Crime types named, in order, longest phrase winning; bare 'crime'/'offences' only if nothing else is."""
    found: list[Found] = []
    taken = norm
    for pattern, name in _PATTERNS:
        hits = [Found(m.start(), m.end(), name, m.group()) for m in pattern.finditer(taken)]
        found, taken = found + hits, blank(taken, hits)
    found += [Found(m.start(), m.end(), _CRIME_PHRASES[m.group()], m.group()) for m in _CRIME_RE.finditer(taken)]
    if found:
        return sorted(found)
    return [Found(m.start(), m.end(), ALL_CRIME, m.group()) for m in _GENERIC_RE.finditer(norm)][:1]


def find_subtypes(norm: str, named) -> list[Found]:
    """Sub-rows a qualifier picks out among the children of the rows `named`, in order ("burglaries ... were
    residential" -> Burglary Residential); a found child's own children are tried next ("residential
    dwellings"). A word two candidates share ("business" under Theft Offences) picks neither."""
    found: list[Found] = []
    parents = tuple(named)
    for _ in range(2):
        candidates = tuple(child for parent in parents for child in CHILDREN.get(parent, ()))
        hits = [Found(m.start(), m.end(), name, m.group())
                for m, name in _subtype_matches(norm, tuple(sorted(set(candidates))))]
        if not hits:
            break
        found += hits
        norm = blank(norm, hits)
        parents = tuple(hit.name for hit in hits)
    return sorted(found)


def _subtype_matches(norm: str, candidates: tuple[str, ...]):
    phrases: dict[str, set[str]] = {}
    for name in candidates:
        for word in SUBTYPE_WORDS.get(name, ()):
            phrases.setdefault(normalise(word), set()).add(name)
    unique = {phrase: names.pop() for phrase, names in phrases.items() if len(names) == 1}
    if not unique:
        return []
    return [(match, unique[match.group()]) for match in _subtype_matcher(tuple(sorted(unique))).finditer(norm)]


@lru_cache(maxsize=256)
def _subtype_matcher(phrases: tuple[str, ...]) -> re.Pattern:
    return _matcher(phrases)


# ---------------------------------------------------------------- spelling

# Distinctive words worth correcting towards: misspelling one of these changes what the question asks.
# Everyday words ("other", "county", "south") are left out: a near miss of one is usually another real word.
_FUZZY_TARGETS: tuple[str, ...] = (
    "essex", "chelmsford", "braintree", "uttlesford", "maldon", "colchester", "tendring", "southend",
    "canvey", "benfleet", "rochford", "basildon", "thurrock", "epping", "harlow", "brentwood", "stansted",
    "clacton", "harwich", "frinton", "billericay", "wickford", "rayleigh", "loughton", "witham", "halstead",
    "dunmow", "shoeburyness", "westcliff", "brightlingsea", "thundersley",
    "shoplifting", "shoplifters", "burglary", "burglaries", "burglar", "burglars", "robbery", "robberies",
    "homicide", "homicides", "murder", "murders", "manslaughter", "harassment", "vandalism",
    "graffiti", "arson", "trafficking", "possession", "pickpocketing", "antisocial", "behaviour", "assault",
    "assaults", "violence", "violent", "weapons", "offences", "criminal", "domestic", "sexual", "theft",
    "thefts", "drugs", "vehicle", "vehicles", "bicycle", "bicycles", "racist",
    "racially", "religiously", "aggravated", "disorder", "affray", "cannabis",
)
# Real English words within reach of a target; never "corrected" ("southern" is not Southend, "rapist" is not
# racist). Found by running ~70,000 words (Debian's word lists, the model's vocabulary, the corpus) through
# `correct_word`; the few near misses worth fixing ("racists", "shoplifted", "vandalise") were let through.
COMMON_NEAR_MISSES: frozenset[str] = frozenset((
    "aggravate", "aggravates", "aggregated", "anson", "argon", "arron", "asexual", "barlow", "bicyclist",
    "brentford", "broughton", "bunglers", "burghers", "burglarise", "burglarises", "burglarize", "burglarizes",
    "cannabises", "carson", "centring", "chichester", "clapton", "clayton", "convey", "criminally", "criminals",
    "critical", "crucially", "defences", "deliciously", "deliriously", "discorded", "disordered", "disorderly",
    "distorter", "domicile", "domiciles", "dorchester", "drags", "dregs", "drubs", "drums", "enduring", "essen",
    "facially", "glacially", "graffias", "graffito", "griffith", "hallow", "hampstead", "harlot", "harrow",
    "hefts", "homilies", "houghton", "larson", "leighton", "mulder", "obsession", "offended", "offender",
    "offenders", "original", "orson", "parson", "pepping", "pericles", "pickford", "possessive", "possessor",
    "raciest", "radially", "radically", "raleigh", "rapist", "rascally", "recycles", "religious", "rendering",
    "repossession", "rochester", "rockford", "rookeries", "rubberise", "rubberises", "rubberizes", "rubbery",
    "socially", "southern", "southerns", "southland", "stagnated", "stanched", "tendering", "tending",
    "tendrils", "tenoning", "tenuring", "tricycles", "unicycles", "upping", "vesicle", "vesicles", "violet",
    "virulence", "volstead", "wannabes", "wessex", "withal",
))
# Every word of every place, crime-type and sub-type phrase: a question word outside these and the
# question words `understand` knows is a topic the tables do not hold.
VOCABULARY_WORDS = frozenset(
    word for phrase in (*_AREA_PHRASES, *_TOWN_PHRASES, *_OTHER_PHRASES, *_CRIME_PHRASES, *GENERIC_CRIME_WORDS,
                        *(normalise(w) for words in SUBTYPE_WORDS.values() for w in words))
    for word in phrase.split())
_KNOWN_WORDS = frozenset(_FUZZY_TARGETS) | COMMON_NEAR_MISSES | frozenset(
    word for phrase in (*_AREA_PHRASES, *_TOWN_PHRASES, *_OTHER_PHRASES, *_CRIME_PHRASES, *GENERIC_CRIME_WORDS)
    for word in phrase.split())


def _max_edits(word: str) -> int:
    return 1 if len(word) < 8 else 2


def correct_word(word: str) -> str | None:
    """The vocabulary word a misspelt token stands for ('colchster' -> 'colchester'), or None.

    Only tokens of five letters or more are tried, only within one edit (two from eight letters), a
    transposition counting as one, and only when exactly one target is that close: a tie is a guess.
    """
    if len(word) < 5 or not word.isalpha() or word in _KNOWN_WORDS:
        return None
    limit = _max_edits(word)
    hits = process.extract(word, _FUZZY_TARGETS, scorer=OSA.distance, score_cutoff=limit, limit=2)
    if not hits or (len(hits) > 1 and hits[1][1] == hits[0][1]):
        return None
    best, distance, _ = hits[0]
    return best if distance <= _max_edits(best) else None


def correct_spelling(norm: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """Normalised text with misspelt vocabulary words fixed, and the (typed, read as) pairs for notes."""
    words, fixes = [], []
    for word in norm.split(" "):
        fixed = correct_word(word)
        if fixed:
            fixes.append((word, fixed))
        words.append(fixed or word)
    return " ".join(words), tuple(fixes)
