"""The kind of answer a question asks for, read from wordings the first patterns missed, and the lines that give it:

- "what's the closing date", "what is the end date": a date, as "when?" asks;
- a season or a vague time still to come ("by the Autumn", "will be announced soon") answers "when will ...?", never
  "when was ...?";
- a span of whole years ("Strategy 2024 - 2029") answers "how long does it run?";
- "runs over what years": "over" frames the span, it is no topic word a line must print;
- a "who" right after a measure of people ("share who agree", "percentage who felt safe") asks no person;
- "how many more X" asks for a change;
- a negative typed without its apostrophe ("couldnt", "wasnt") is no topic word and no misspelling;
- a period a thing recurs in ("each quarter") counts nothing;
- everyday wordings of the documents' words: "who do I speak to" for a "Contact:" line, "ask for" for "requested";
- "what held up X?": the words asking why are no topic the documents must print.

Each rule is pinned on lists of wordings, and the real engine on a strategy report this test writes for a district
no vocabulary knows (indexed with the real build).
"""

from __future__ import annotations

import random

import pytest

from assistant.answer.wants import wants
from assistant.text.terms import content_terms
from generated_corpora import coined, coined_person, one_document_assistant


@pytest.mark.parametrize("question", [
    "what's the closing date for the grants",
    "what is the start date of the new scheme?",
    "What was the end date of the consultation?",
    "what will be the launch date",
    "In the report's example of a rolling year, what's the end date?",
])
def test_the_date_of_a_named_moment_is_a_date_question(question):
    assert wants(question).date


@pytest.mark.parametrize("question", ["what is the date format used?", "what is the average daily figure?"])
def test_a_date_word_that_names_no_moment_asks_no_date(question):
    assert not wants(question).date


FUTURE = ["when will the training be ready?", "When is the new course expected?",
          "when are the winners going to be announced", "when does the review start"]
PAST = ["when was the training delivered?", "when did the board meet?", "when were the winners announced?"]
VAGUE = ["The course will be available by the Autumn.", "Details will be announced soon.",
         "The review is to start in the spring.", "The findings will be published shortly.",
         "Delivery is planned for early summer."]
UNDATED = ["The course is popular with staff.", "The review looked at every case."]


@pytest.mark.parametrize("question", FUTURE)
def test_a_vague_time_to_come_answers_when_it_will_be(question):
    asked = wants(question)
    assert all(asked.fits(line, question) for line in VAGUE[:2] + VAGUE[3:])
    assert not any(asked.fits(line, question) for line in UNDATED)


@pytest.mark.parametrize("question", PAST)
def test_a_vague_time_never_answers_when_it_was(question):
    asked = wants(question)
    assert not any(asked.fits(line, question) for line in VAGUE)
    assert asked.fits("The course was delivered on 4 March 2025.", question)


@pytest.mark.parametrize("question", ["until what year does the plan run?", "which years does it cover?"])
def test_a_season_is_no_year(question):
    assert not any(wants(question).fits(line, question) for line in VAGUE + ["Surgeries were held over the summer."])


@pytest.mark.parametrize("question", ["what day is the training?", "on what date will it be ready?"])
def test_a_day_asked_is_not_given_by_a_season(question):
    assert not any(wants(question).fits(line, question) for line in VAGUE)


@pytest.mark.parametrize("question", ["how long does the strategy run?", "how long will the plan last",
                                      "How long is the partnership agreement for?"])
@pytest.mark.parametrize("line, fits", [
    ("The Strategy 2024 - 2029 was agreed by the board.", True),
    ("It covers 2025-2030.", True),
    ("The plan runs from 2026 to 2031.", True),
    ("The strategy was agreed by the board.", False),
    ("The strategy was agreed in 2023/24.", False),  # one financial year, no span
])
def test_a_span_of_whole_years_answers_how_long(question, line, fits):
    assert wants(question).fits(line, question) is fits


@pytest.mark.parametrize("question", [
    "survey table: share who agree police and council deal with local issues",
    "what percentage who responded said they felt safe?",
    "the proportion of residents who feel safe after dark",
    "number who reoffended within a year",
])
def test_a_who_after_a_measure_of_people_asks_no_person(question):
    assert not wants(question).person
    assert wants(question).figure


@pytest.mark.parametrize("question", ["who agreed the share of the cost?", "who chairs the board?",
                                      "what was cut, and who decided?"])
def test_a_who_that_asks_someone_still_does(question):
    assert wants(question).person


@pytest.mark.parametrize("question", ["how many more officers has the commissioner promised?",
                                      "how many extra PCSOs will there be", "how much additional funding is there?"])
def test_how_many_more_asks_for_a_change(question):
    assert wants(question).change


@pytest.mark.parametrize("word", ["couldnt", "wouldnt", "didnt", "doesnt", "dont", "wasnt", "werent", "isnt",
                                  "arent", "hasnt", "havent", "cant", "wont"])
def test_a_negative_without_its_apostrophe_is_no_topic_word(word):
    assert not content_terms(f"members who {word}")  - content_terms("members who")


@pytest.mark.parametrize("line, fits", [
    ("The force reports its workforce each quarter.", False), ("Figures are published every quarter.", False),
    ("Numbers are reviewed every half year.", False), ("A quarter of officers are new.", True),
    ("The force employs 2,100 officers.", True),
])
def test_a_recurring_period_is_no_count(line, fits):
    question = "how many officers does the force employ?"
    assert wants(question).fits(line, question) is fits


@pytest.mark.parametrize("question, line", [
    ("who do I speak to about the papers?", "Contact: Ann Vale, Democratic Services Officer"),
    ("who should we talk to about the grants", "For enquiries contact the grants team."),
    ("what did the bid ask for?", "The bid requested £24,000 from the fund."),
    ("how much was the youth club asking for", "A request for £9,000 was made by the youth club."),
])
def test_everyday_wording_meets_the_documents_word(question, line):
    assert content_terms(question) - content_terms("who what how much about the papers grants bid youth club") <= \
        content_terms(line)


@pytest.fixture(scope="module")
def strategy(tmp_path_factory):
    """A district's community safety strategy, with coined names: a plan that runs over a span of years, training
    to be ready by a season, grants still to be announced, a rolling year given by example."""
    rng = random.Random(1410)
    district, scheme, lead = coined(rng), coined(rng), coined_person(rng)
    text = f"""# {district} Community Safety Strategy

## Our plans

- The {district} Local Plan 2018 - 2035 sets where new homes will go.
- The funding will be split over two financial years: 2024/25 and 2025/26.

## Training

The {scheme} awareness course is delivered online to all staff by {lead}.
The specialist {scheme} course is in development and will be ready by the Autumn.
The launch of the {scheme} refresher course slipped because the trainer left the council.
Managers attended a briefing on the wider programme in March 2025.

## Grants

The community grants round opened on 3 June 2025 and closed on 30 June 2025.
Details of successful grants will be announced soon.

## Performance data

12 month rolling data covers a 12 month period ending on the last day of the latest month.
For example, 1st June 2023 to 31st May 2024.
"""
    assistant = one_document_assistant(tmp_path_factory, "asked-kinds", "strategy.md", text,
                                       f"{district} Community Safety Strategy", f"{district} District Council",
                                       "strategy", "2025-07-01")
    return assistant, district, scheme


def _answer(assistant, question: str) -> str:
    return assistant.ask(question).text


@pytest.mark.parametrize("question, expected", [
    ("the {d} local plan runs over what years", "2035"),
    ("what years does the {d} local plan cover?", "2035"),
    ("how long does the {d} local plan run?", "2035"),
    ("in the example of a rolling year, what's the end date?", "31st May 2024"),
    ("when is the specialist {s} course supposed to be ready?", "Autumn"),
    ("when will the specialist {s} course be ready", "Autumn"),
    ("what held up the {s} refresher course?", "trainer left"),
    ("what's holding up the {s} refresher course", "trainer left"),
])
def test_the_engine_answers_each_wording(strategy, question, expected):
    assistant, district, scheme = strategy
    assert expected in _answer(assistant, question.format(d=district, s=scheme))


@pytest.mark.parametrize("question", ["what held up the {s} refresher course?", "what's holding up the {s} refresher course",
                                      "what delayed the {s} refresher course?"])
def test_the_words_asking_why_are_never_missing_topic_words(strategy, question):
    from assistant.answer.asking import unknown_words
    assistant, _, scheme = strategy
    assert unknown_words(question.format(s=scheme), assistant.index) == []


@pytest.mark.parametrize("question, place, kinds", [
    ("which wards are in the Venlis Rural area?", "Venlis Rural", {"area"}),
    ("what wards make up the venlis north neighbourhood area", "Venlis North", {"neighbourhood", "area"}),
    ("how many crimes in the Torlis district last year", "Torlis", {"district"}),
    ("which wards are in Venlis Rural?", "Venlis Rural", set()),
    ("what areas does Venlis Rural cover?", "Venlis Rural", set()),  # the areas are what is asked
])
def test_the_kind_of_place_after_its_name_is_where_not_what(question, place, kinds):
    from assistant.answer.judge import place_kinds
    assert place_kinds(question, (place,)) == set().union(*(content_terms(k) for k in kinds))


@pytest.mark.parametrize("line, lists", [
    ("Venlis Rural covers the wards of Brator, Quen Green, Fal Magna and Upper Pim.", True),
    ("The wards are Brator, Quenpim and Falnor.", True),
    ("Its wards include Brator, Quenpim and Falnor.", True),
    ("Neighbourhood areas are groups of Venlis District Council wards.", False),
    ("Three wards of the district were visited.", False),
])
def test_a_run_introduced_by_the_noun_asked_lists_it(line, lists):
    from assistant.answer.wants import lists_noun
    assert lists_noun(line, "wards") is lists


@pytest.mark.parametrize("question", ["and what will it be in 2025/26?", "and what is it for Venlis?", "and in Venlis?"])
def test_a_question_that_asks_no_kind_still_asks_none(question):
    """A follow-up that names no kind of answer leans on the question before (`thread`): no flag of its own."""
    from assistant.answer.wants import Wants
    assert wants(question) == Wants()
