"""What a source says (issue 12, class 4): every document's prose figure, with its direction, qualifier, period
and the meeting it was given at, is evidence for a claim about what that source said.

The readers are tested on their own (who said it and what, number words, qualifiers, pledges' dates); the
end-to-end tests read the real corpus through the session engine. The last test is a property over the corpus:
any sentence of a news article, press release or statement that states its own figure, place and subject,
claimed as "<source> said that <sentence>", is supported, and with its figure changed is not.
"""

from __future__ import annotations

import json

import pytest

from assistant.answer.guard import uncited_numbers
from assistant.claims.amounts import COUNT, find_amounts, unit_head, unit_words
from assistant.claims.attribution import attribution_of
from assistant.claims.parse import CHANGE, LEVEL, parse_claim
from assistant.claims.prose import is_aspiration
from assistant.claims.qualifiers import deadline_in, record_in
from assistant.claims.subject import topics_in
from assistant.claims.verdict import CONTRADICTED, MIXED, NOT_FOUND, SUPPORTED
from assistant.config import PROJECT_ROOT
from assistant.text.numbers import NUMBER_WORDS

AGENDA = "one-chelmsford-board-2024-12-05-agenda-pack.md"
PRESS = "essex-police-2024-01-15-home-secretary-visit.txt"
PFCC = "pfcc-essex-2024-getting-crime-down.txt"
ECHO = "echo-2021-southend-crime-falls.txt"
NORTHAMPTON = "northampton-2018-drug-crime-rises.txt"


# ---------------------------------------------------------------- who said it, and what


@pytest.mark.parametrize("claim, documents, content", [
    ("The Echo reported that violent crime in Basildon rose by 6%.", {ECHO}, "Violent crime in Basildon rose by 6%."),
    ("According to the Echo, Southend recorded 18,099 offences.", {ECHO}, "Southend recorded 18,099 offences."),
    ("The PFCC's Getting Crime Down statement says he funded 905 extra officers.", {PFCC},
     "He funded 905 extra officers."),
    ("The commissioner's statement pledges to cut road deaths to zero by 2030.", {PFCC},
     "Pledges to cut road deaths to zero by 2030."),
    ("Crime in Southend fell by 12%, the Echo reported.", {ECHO}, "Crime in Southend fell by 12%"),
    # two phrases naming different documents: the release that quotes Roger Hirst, not his own statement
    ("In the Essex Police press release, Roger Hirst said the force was the biggest in its 184-year history.",
     {PRESS}, "The force was the biggest in its 184-year history."),
    ("Chief Inspector Ballard told the July 2024 One Chelmsford board that anti-social behaviour dropped 15%.",
     {AGENDA}, "Anti-social behaviour dropped 15%."),
    ("The community safety report says serious violence in Chelmsford fell by 17.4%.", set(),
     "Serious violence in Chelmsford fell by 17.4%."),
])
def test_a_claim_splits_into_its_source_and_what_it_says(engine, claim, documents, content):
    said = attribution_of(claim, engine.index)
    assert set(said.documents) == documents and said.content == content
    assert said.source and said.source not in said.content


@pytest.mark.parametrize("claim", [
    "Antisocial behaviour reports in Essex fell by 37.6% in the 12 months to December 2023.",  # a noun, not a verb
    "Essex Police recorded 18,099 offences in Southend in the 12 months to March 2021.",  # the claim's own verb
    "Chelmsford's core PFCC funding for 2024/25 is £19,191.",  # a source's name as a topic, not as the speaker
    "Crime in Southend fell by 9.2%.",
])
def test_a_claim_that_names_no_speaker_is_read_whole(engine, claim):
    said = attribution_of(claim, engine.index)
    assert said.content == claim and not said.source and not said.documents


@pytest.mark.parametrize("source, meeting", [
    ("Chief Inspector Ballard told the July 2024 One Chelmsford board that", (2024, 7)),
    ("At the One Chelmsford board on 5 December 2024, Chief Inspector Ballard said", (2024, 12)),
    ("The minutes of the 26 July 2024 board record that", (2024, 7)),
    ("The Echo reported that", None),
])
def test_a_date_in_the_source_dates_the_meeting_not_the_figure(engine, source, meeting):
    said = attribution_of(f"{source} anti-social behaviour in Chelmsford dropped 15%.", engine.index)
    assert said.meeting == meeting
    assert parse_claim(said.content).period is None


# ---------------------------------------------------------------- figures the reader used to hide


@pytest.mark.parametrize("word, value", sorted(NUMBER_WORDS.items()))
def test_every_number_word_counts_the_noun_after_it(word, value):
    amounts = find_amounts(f"There were {word} homicides in the year.")
    if value == 0:
        assert amounts == []  # "zero" is never a count a claim turns on
    else:
        assert [(a.value, a.kind, a.core) for a in amounts] == [(value, COUNT, word)]
        assert unit_head(unit_words(f"There were {word} homicides"[len(f"There were {word}"):])) == "homicide"


@pytest.mark.parametrize("text", ["One of the main factors", "Two of these reviews", "two thirds of crimes",
                                  "three years ago", "one in every ten residents", "to zero by 2040",
                                  "one another", "a 20-year-old man"])
def test_a_number_word_that_counts_nothing_is_not_a_figure(text):
    assert all(a.kind != COUNT or a.core.lower() not in NUMBER_WORDS for a in find_amounts(text))


@pytest.mark.parametrize("text, value", [("the biggest in its 184-year history", 184),
                                         ("bigger than ever before in its 185 year history", 185)])
def test_an_age_written_with_years_is_a_figure_and_counts_history(text, value):
    amount, = find_amounts(text)
    assert amount.value == value and unit_head(unit_words(text[amount.end:])) == "history"


@pytest.mark.parametrize("text", ["in the 12 months to March", "over the 12 month period", "for three years"])
def test_a_period_is_still_not_a_figure(text):
    assert find_amounts(text) == []


@pytest.mark.parametrize("claim, value, quantity", [
    ("Stalking and harassment fell from 3,262 incidents to 2,434.", 2434, LEVEL),  # the level it reached
    ("Officers' work led to a drop in antisocial behaviour of more than 49%.", 49, CHANGE),  # a change by its noun
])
def test_the_figure_a_claim_turns_on(claim, value, quantity):
    shape = parse_claim(claim)
    assert shape.amount.value == value and shape.quantity == quantity


# ---------------------------------------------------------------- qualifiers and pledges


@pytest.mark.parametrize("text, extreme, holds", [
    ("public confidence is at a record high", "high", True),
    ("the highest ever", "high", True),
    ("an all-time low", "low", True),
    ("running at 77%, only slightly lower than the highs seen during the pandemic", "high", False),
    ("below its peak", "high", False),
    ("higher than the lows of last year", "low", False),
])
def test_record_qualifiers(text, extreme, holds):
    record = record_in(text)
    assert (record.extreme, record.holds) == (extreme, holds)


@pytest.mark.parametrize("text", ["crime rose by 5%", "the highest number of offences (44)", "lower than 2023"])
def test_no_record_qualifier(text):
    assert record_in(text) is None


def test_a_pledge_and_its_date():
    assert deadline_in("reduce road deaths in Essex to zero by 2040") == 2040
    assert is_aspiration("my aim is to see crime reduced by a further 40%") and is_aspiration("Pledges to cut")
    assert not is_aspiration("Last year, total crime was reduced by 6%")


# ---------------------------------------------------------------- end to end on the real corpus


def _check(engine, claim):
    answer = engine.check(claim)
    assert not uncited_numbers(answer, claim), answer.text  # every number shown is cited or the claim's own
    return answer


@pytest.mark.parametrize("claim, verdict, shown", [
    # number words, both sides
    ("The Northampton paper reported four homicides between July 2017 and June 2018.", SUPPORTED, "four"),
    ("The Northampton article reports five homicides between July 2017 and June 2018.", CONTRADICTED, "four"),
    ("The Northampton paper reported two cases of death or injury by dangerous driving.", CONTRADICTED, "one case"),
    # a figure written as an age
    ("In the Essex Police press release, Roger Hirst said the force was the biggest in its 184-year history.",
     SUPPORTED, "184-year"),
    ("In its Getting Crime Down statement, the PFCC says Essex Police is the biggest in its 184-year history.",
     CONTRADICTED, "185 year"),
    # direction: the source's own way
    ("The Northampton article said gun and knife possession offences fell by 20 to 251.", CONTRADICTED, "rose"),
    ("The Echo said stalking and harassment in Basildon fell from 3,262 incidents to 2,434.", CONTRADICTED, "34%"),
    ("The community safety report says serious violence in Chelmsford fell by 17.4%.", CONTRADICTED, "increase"),
    # qualifiers
    ("The PFCC says public confidence in Essex Police is at a record high.", CONTRADICTED, "lower than the highs"),
    ("The PFCC says confidence in Essex Police is running at 77%, only slightly lower than the highs.", SUPPORTED,
     "77%"),
    ("The Echo reported that Basildon's violent crime rate was below the rate across England and Wales.",
     CONTRADICTED, "far higher"),
    # a pledge is judged by the pledge, its date included
    ("The commissioner's statement pledges to cut road deaths in Essex to zero by 2040.", SUPPORTED, "2040"),
    ("The commissioner's statement pledges to cut road deaths in Essex to zero by 2030.", CONTRADICTED, "2040"),
    ("The PFCC's statement aims to reduce crime by a further 50% over the next few years.", CONTRADICTED, "40%"),
    # what is counted: officers are not crimes, suspects are not offences
    ("The Essex Police press release said there were 9,470 fewer crimes across Essex in the 12 months to "
     "December 2023.", SUPPORTED, "9,470"),
    ("The PFCC's Getting Crime Down statement says he funded 905 extra officers.", SUPPORTED, "905"),
    ("The community safety report says 45% of the suspects of serious violence in Chelmsford were from outside "
     "the area.", CONTRADICTED, "39%"),
    # a place named only in a name, or nowhere
    ("The community safety report says the Safer Chelmsford e-newsletter has 5,000 subscribers.", CONTRADICTED,
     "9,500"),
    ("The Safer Chelmsford report says the partnership will receive £193,716 from the PFCC Safer Streets Fund.",
     SUPPORTED, "193,716"),
])
def test_what_a_source_says(engine, claim, verdict, shown):
    answer = _check(engine, claim)
    assert answer.verdict == verdict, answer.text
    assert shown in answer.text


def test_a_verbal_update_is_dated_by_its_meeting(engine):
    told = "Chief Inspector Ballard told the July 2024 One Chelmsford board that"
    answer = _check(engine, f"{told} anti-social behaviour in Chelmsford had dropped 15%.")
    assert answer.verdict == SUPPORTED  # the minutes' own figure, not the tables' for another period
    assert {c.document for c in answer.citations} == {AGENDA} and all("|" not in c.quote for c in answer.citations)
    assert _check(engine, f"{told} solved rates in Chelmsford were up to 2.5%.").verdict == SUPPORTED
    elsewhere = _check(engine, "At the One Chelmsford board on 5 December 2024, Chief Inspector Ballard said "
                               "anti-social behaviour in Chelmsford had dropped 15%.")
    assert elsewhere.verdict == CONTRADICTED  # December's report gives 8.7%
    assert "26 July 2024" in elsewhere.text and any("26" in c.quote for c in elsewhere.citations)


def test_a_compound_claim_about_a_source_keeps_its_period_and_its_number_words(engine):
    answer = _check(engine, "The Northampton article said drug offences rose by 17% to 620 and that there were "
                            "five homicides.")
    assert answer.verdict == MIXED and [p.verdict for p in answer.parts] == [SUPPORTED, CONTRADICTED]
    between = _check(engine, "The Northampton article said that in Northampton there were 872 incidents recorded "
                             "between July 2017 and June 2018, a 16% rise on the previous year.")
    assert not between.parts  # "between July 2017 and June 2018" is one period, not two claims
    last_year = _check(engine, "The PFCC statement says that last year, total crime was reduced by 6%, and "
                               "anti-social behaviour by 38%.")
    assert last_year.verdict == SUPPORTED and len(last_year.parts) == 2  # both parts are about last year


def test_a_source_silent_on_the_subject_is_not_found(engine):
    for claim in ("The Echo reported that burglary in Southend fell by 15%.",
                  "The PFCC statement says shoplifting in Essex fell by 20% last year."):
        answer = _check(engine, claim)
        assert answer.verdict == NOT_FOUND and not answer.citations


_SAID = {ECHO: "The Echo reported that", PRESS: "The Essex Police press release said that",
         NORTHAMPTON: "The Northampton article said that", PFCC: "The PFCC statement says that"}


def _standalone(prose):
    """Sentences of the articles, release and statement that state their own figure, place, subject and
    period: what a press officer could quote as "<source> said that <sentence>"."""
    for unit in prose.units:
        if unit.document in _SAID and unit.figures and not unit.aspiration and unit.place_from is None and \
                unit.topic_from is None and len(topics_in(unit.text)[0]) <= 1 and \
                any(f.amount.core and not f.amount.worded for f in unit.figures):
            yield unit


def test_every_standalone_prose_figure_is_evidence(engine):
    units = list(_standalone(engine.prose))
    assert len({u.document for u in units}) == len(_SAID) and len(units) >= 12  # the property covers every source
    for unit in units:
        text = unit.text.strip().rstrip(".")
        claim = f"{_SAID[unit.document]} {text[:1].lower()}{text[1:]}."
        assert _check(engine, claim).verdict == SUPPORTED, claim
        figure = next(f.amount for f in unit.figures if f.amount.core and not f.amount.worded)
        changed = f"{figure.value * 1.5 + 1:,.0f}"
        altered = claim.replace(figure.core, figure.core.replace(figure.core.rstrip("%"), changed, 1), 1)
        assert _check(engine, altered).verdict != SUPPORTED, altered


def _items(name):
    return [json.loads(line) for line in (PROJECT_ROOT / "questions" / name).read_text().splitlines() if line]


@pytest.mark.parametrize("item", _items("claims_sources_blind.jsonl"), ids=lambda item: item["id"])
def test_the_blind_source_set(engine, item):
    answer = _check(engine, item["claim"])
    assert answer.verdict == item["verdict"], answer.text
    for expected in item["expected"]:
        assert expected.lower() in answer.text.lower()
