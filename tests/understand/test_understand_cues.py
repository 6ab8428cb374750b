"""Scope and document cues: topics the tables do not hold give a `Reason`, words that point at a document give passage
cues, and a journalist's framing is neither.

Expectations were written from the row labels and area headings of the agenda pack's Appendix 1, never read
back from the code under test.
"""

from __future__ import annotations

import pytest

from assistant.understand.query import Reason
from assistant.understand.question import parse
from understand_cases import ALL_CRIME, check


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
    assert any(topic in reason.message for reason in query.out_of_scope), query.out_of_scope


@pytest.mark.parametrize("text", [
    "How much fraud was there in Essex?", "Action Fraud reports in Harlow", "Scams in Southend",
    "What is the crime rate per 1,000 people in Harlow?", "Burglaries per head of population in Harlow",
    "What is the council tax precept for policing in Essex?", "What is the police budget for Essex?",
    "How many police officers does Essex have?", "How does Essex compare with other police forces?",
    "How does Essex compare with the national average for burglary?", "Burglary in Kent Police's area",
])
def test_out_of_scope(text):
    assert parse(text).out_of_scope


@pytest.mark.parametrize("text", ["How many crimes were solved in Harlow?", "What share of burglaries were solved?",
                                  "How many burglaries were detected in Harlow?"])
def test_solved_is_not_unsolved(text):
    assert not parse(text).out_of_scope


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
    assert query.passage_cues or query.outside_topic, query


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
    assert query.passage_cues == () and not query.outside_topic and query.has_table_signal, query


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
    ("Working on a story about robbery in Basildon, what are the numbers?", "Robbery", "Basildon"),
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
    assert query.passage_cues == () and not query.outside_topic and query.has_table_signal


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


@pytest.mark.parametrize("text, kind", [
    ("How much fraud was there in Essex?", "fraud"),
    ("Burglaries per head of population in Harlow", "population"),
    ("What is the police budget for Essex?", "money"),
    ("How many police officers does Essex have?", "officers"),
    ("How does Essex compare with other police forces?", "other forces"),
    ("How many stop and searches were there in Chelmsford?", "stop and search"),
    ("Burglary in each ward of Harlow", "wards"),
    ("How many people were arrested in Harlow?", "arrests"),
    ("How many crimes were not solved in Harlow?", "unsolved"),
    ("How many burglaries went unsolved in Harlow?", "unsolved"),
    ("Burglaries with no outcome in Harlow", "unsolved"),
    ("Fly tipping in Harlow last year", "not recorded"),
    ("Shoplifting in Chelmsford in 2015", "period"),
    ("What share of violence in Harlow was shoplifting?", "share"),
])
def test_each_reason_names_the_scope_rule_that_gave_it(text, kind):
    reasons = parse(text).out_of_scope
    assert [reason.kind for reason in reasons] == [kind], reasons
    assert all(isinstance(reason, Reason) and str(reason) == reason.message for reason in reasons)


def test_a_topic_no_table_holds_is_flagged_apart_from_the_passage_cues():
    query = parse("How many subscribers does the Safer Chelmsford e-newsletter have?")
    assert query.outside_topic and query.passage_cues == ()
    query = parse("What did the PFCC say about burglary in Harlow?")
    assert query.passage_cues == ("said", "PFCC") and not query.outside_topic
    assert not parse("How many burglaries in Harlow?").outside_topic


@pytest.mark.parametrize("text", ["How many burglaries in Harlow according to Essex Police?",
                                  "According to the performance summary, how many burglaries were there in Harlow?",
                                  "What do the police figures say about shoplifting in Braintree?"])
def test_the_tables_own_publisher_or_figures_named_as_the_source_are_no_passage_cue(text):
    assert parse(text).passage_cues == ()


@pytest.mark.parametrize("text", ["What did the Home Secretary say about Southend?",
                                  "According to the press release, how many officers are there?",
                                  "What does the article say about knife crime?"])
def test_a_person_or_a_document_named_as_the_source_is_a_passage_cue(text):
    assert parse(text).passage_cues
