"""Measures: offences, solved outcomes, the solved rate and the % DA measure; change; shares of a row and the sub-rows a
qualifier names.

Expectations were written from the row labels and area headings of the agenda pack's Appendix 1, never read
back from the code under test.
"""

from __future__ import annotations

import pytest

from assistant import vocab
from assistant.understand.query import DA_SHARE, OFFENCES, SOLVED, SOLVED_RATE, RankSpec
from assistant.understand.question import parse
from understand_cases import ALL_CRIME, P23, check


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
    ("Harlow's record for solving robbery", SOLVED_RATE),
    ("How is Harlow's performance on solving robbery?", SOLVED_RATE),
    ("Harlow's track record at detecting robbery", SOLVED_RATE),
    ("Solved outcomes for robbery in Harlow", SOLVED),
    ("What share of robbery in Harlow was domestic abuse related?", DA_SHARE),
    ("What proportion of violence in Harlow is DA-related?", DA_SHARE),
    ("What percentage of stalking in Harlow was domestic abuse?", DA_SHARE),
    ("% DA for violence with injury in Harlow", DA_SHARE),
    ("Robbery in Harlow", OFFENCES),
    ("How many robberies in Harlow were charged or summonsed?", SOLVED),
])
def test_measures(text, measure):
    check(parse(text), measure=measure, areas=("Harlow",))


@pytest.mark.parametrize("text", ["how many robberies in Harlow were charged or summonsed?",
                                  "robbery in Harlow: number summonsed"])
def test_the_words_of_an_outcome_leave_no_topic_outside_the_tables(text):
    """"Charged or summonsed" is how a force prints its solved outcomes: no word of it sends the question to the
    documents as a topic the tables do not hold (a follow-up then quoted other crime types' rows)."""
    query = parse(text)
    assert query.measure == SOLVED and not query.outside_topic, query


def test_domestic_abuse_offences_are_the_crime_type_but_da_related_is_the_measure():
    check(parse("How many domestic abuse offences in Harlow?"), crime_types=("Domestic Abuse",), measure=OFFENCES)
    check(parse("What share of violence in Harlow was domestic abuse related?"),
          crime_types=("Violence Against the Person",), measure=DA_SHARE, intent="lookup", share_of=None)


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
    "What happened to shoplifting in Harlow?", "What's happening with shoplifting in Harlow?",
    "How has shoplifting in Harlow fared?",
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
    "How did Harlow do on solving burglary?",
    "How is Harlow performing at solving burglary?",
    "How does Harlow fare in detecting burglary?",
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


@pytest.mark.parametrize("text", [
    "Which district solves the most burglaries?",
    "Where were the most burglaries solved?",
    "Which district had the most solved outcomes for burglary?",
])
def test_solving_the_most_is_the_count_of_solved_outcomes(text):
    check(parse(text), intent="rank", measure=SOLVED, crime_types=("Burglary",))


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
    assert query.share_of is None and [reason.kind for reason in query.out_of_scope] == ["share"]


# --- what the tables cannot measure: rates per head and safety ---------------------------------------------------

@pytest.mark.parametrize("text", ["What is the crime rate in Harlow?", "What's the burglary rate in Colchester?",
                                  "Rates of robbery in Basildon", "Shoplifting in Harlow per head"])
def test_a_rate_per_head_is_answered_as_a_count_with_a_note_saying_so(text):
    query = parse(text)
    assert query.measure == OFFENCES
    assert any("no rate per head" in note for note in query.notes), query.notes


@pytest.mark.parametrize("text", ["What was the solved rate for burglary in Harlow?",
                                  "What is the rate of increase of shoplifting in Braintree?",
                                  "How many burglaries in Harlow?"])
def test_a_solved_rate_or_a_rate_of_change_gets_no_per_head_note(text):
    assert not any("rate per head" in note for note in parse(text).notes)


@pytest.mark.parametrize("text, areas", [
    ("Is Harlow safer than Basildon?", ("Harlow", "Basildon")),
    ("How safe is Chelmsford?", ("Chelmsford",)),
    ("Which is the most dangerous district?", ()),
    ("Is Tendring a high crime area?", ("Tendring",)),
])
def test_safety_of_a_place_is_read_as_all_crime_saying_counts_are_not_rates(text, areas):
    query = parse(text)
    assert query.crime_types == (ALL_CRIME,) and query.areas == areas
    assert any("cannot say which place is safer" in note for note in query.notes), query.notes


@pytest.mark.parametrize("text", ["What does the Safer Chelmsford Partnership do?", "Is Harlow safe from burglary?",
                                  "What is Safer Streets funding used for in Harlow?"])
def test_safety_words_in_a_name_or_beside_a_crime_type_are_not_read_as_all_crime(text):
    query = parse(text)
    assert not any("cannot say which place is safer" in note for note in query.notes), query.notes


@pytest.mark.parametrize("text, measure", [
    ("Are more crimes being solved in Southend?", SOLVED),
    ("Are fewer burglaries being recorded in Harlow?", OFFENCES),
    ("Has burglary in Harlow gone up compared with 2019?", OFFENCES),
    ("Has burglary in Harlow fallen since 2016?", OFFENCES),
])
def test_more_or_fewer_being_recorded_and_a_baseline_year_ask_for_change(text, measure):
    query = parse(text)
    assert query.change and query.measure == measure


@pytest.mark.parametrize("text, table", [
    ("What is the solved rate?", True), ("What was the detection rate last year?", True),
    ("How many recommendations did the review make?", False), ("How many cold cases were solved by the team?", False),
])
def test_the_solved_rate_alone_is_a_table_question_a_bare_count_is_not(text, table):
    assert parse(text).has_table_signal == table


@pytest.mark.parametrize("text", ["How many fire stations in Essex?", "How many police stations are there in Essex?",
                                  "Number of schools in Harlow"])
def test_counting_a_thing_no_table_holds_is_a_topic_no_table_holds(text):
    query = parse(text)
    assert query.outside_topic and query.crime_types == ()


@pytest.mark.parametrize("text", ["How many burglaries in Harlow?", "How many were recorded in Harlow?",
                                  "How many more burglaries in Harlow than Basildon?"])
def test_counting_crimes_or_nothing_named_stays_a_table_question(text):
    query = parse(text)
    assert query.has_table_signal and not query.outside_topic


@pytest.mark.parametrize("text", ["How many victims of crime in Harlow?", "How many people were burgled in Harlow?"])
def test_people_answered_by_a_count_of_offences_get_a_note(text):
    assert any("not the people involved" in note for note in parse(text).notes)


@pytest.mark.parametrize("text", ["How many crimes per day in Essex?", "How many burglaries a day in Harlow?"])
def test_a_daily_figure_asked_of_the_tables_is_said_to_be_the_12_month_total(text):
    assert any("no daily figures" in note for note in parse(text).notes)


@pytest.mark.parametrize("text, combined", [
    ("How many burglaries were there in Harlow and Basildon combined?", True),
    ("What's the total number of burglaries in Harlow and Basildon?", True),
    ("How many burglaries in Harlow, Basildon and Thurrock altogether?", True),
    ("What is the total of burglary across Harlow and Basildon?", True),
    ("How many burglaries in Harlow and Basildon?", False),
])
def test_combined_figures_are_asked_for_by_their_words(text, combined):
    assert bool(parse(text).extra.get("combined")) == combined
