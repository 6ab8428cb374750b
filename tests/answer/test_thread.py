"""Follow-ups to a passage answer: what a turn that leans back asks about, and what one that stands alone keeps.

The reading of a follow-up is checked as properties over the vocabulary the real index puts in force (every pair
of districts, pairs of printed crime-type labels) and over place names no vocabulary holds, so nothing here
depends on one corpus's names. Conversations over the real index check each class end to end; the same
classes over generated documents are in `test_thread_generated.py`.
"""

from __future__ import annotations

import itertools
import re

import pytest

from assistant import vocab
from assistant.answer.crossing import asks_tables
from assistant.answer.thread import Thread, leans_back, ordinal
from assistant.understand.query import Query


def _names(text: str) -> set[str]:
    return {hit.name for _, hit in vocab.find_places(vocab.normalise(text))}


def _crimes(text: str) -> set[str]:
    return {hit.name for hit in vocab.find_crime_types(vocab.normalise(text))}


# --- reading a follow-up: properties over the vocabulary ------------------------------------------------------

def test_a_place_a_follow_up_names_takes_the_place_of_the_earlier_one():
    districts = vocab.DISTRICT_AREAS
    assert len(districts) > 2
    for before, after in itertools.permutations(districts, 2):
        thread = Thread(f"How much did burglary fall in {before} according to the newspaper?", "d.md", (1,))
        for follow_up in (f"And in {after}?", f"What about across {after}?", f"and {after}?"):
            said = thread.search_text(follow_up)
            assert after in _names(said) and before not in _names(said), (follow_up, said)
            assert "burglary" in said and "according to the newspaper" in said


def test_a_crime_type_a_follow_up_names_takes_the_place_of_the_earlier_one():
    labels = [label for label in vocab.CRIME_TYPES if label != vocab.ALL_CRIME and vocab.PARENT.get(label)]
    assert len(labels) > 5
    swapped = 0
    for before, after in zip(labels, labels[1:] + labels[:1]):
        if {before, after} & set(vocab.ancestors(before) + vocab.ancestors(after)):
            continue  # a row and its parent share words: "burglary" inside "burglary residential"
        said = Thread(f"What did the article say about {before.lower()} in Harlow?", "d.md", (1,)) \
            .search_text(f"And {after.lower()}?")
        assert after in _crimes(said) and before not in _crimes(said), said
        swapped += 1
    assert swapped > 5


@pytest.mark.parametrize("before, after", [("Wexmoor", "Brandlow Vale"), ("Ostrica", "Pellham")])
def test_a_place_no_vocabulary_holds_is_swapped_too(before, after):
    said = Thread(f"How many thefts were reported in {before} last spring?", "d.md", (1,)).search_text(
        f"And in {after}?")
    assert after in said and before not in said and "thefts" in said


@pytest.mark.parametrize("follow_up", [
    "How many were there the year before?", "Which of the two rose more?", "How does that compare with the year "
    "before?", "How many offences was that?", "Since when?", "And before that?", "Which one was higher?",
])
def test_words_that_only_lean_back_add_nothing_to_find(follow_up):
    thread = Thread("How many drug offences did the Echo report in Basildon?", "d.md", (1,))
    assert thread.adds_nothing(follow_up)
    assert not set(re.findall(r"\w+", thread.search_text(follow_up).casefold())) & {"compare", "before", "two"}


@pytest.mark.parametrize("follow_up", ["And in Melbourne?", "Who funds it?", "And how many businesses took part?",
                                       "What about shoplifting?"])
def test_a_follow_up_naming_something_new_adds_it(follow_up):
    assert not Thread("How many drug offences did the Echo report in Basildon?", "d.md", (1,)).adds_nothing(
        follow_up)


@pytest.mark.parametrize("question, word", [
    ("And the one after that?", "next"), ("What about the one before?", "previous"), ("and the next one?", "next"),
    ("What's the third item?", "third"), ("When did the scheme start after 2020?", ""),
])
def test_a_step_through_a_list_is_read_from_its_wording(question, word):
    assert ordinal(question) == word


@pytest.mark.parametrize("question, expected", [
    ("What do the tables show for that?", True), ("And the police figures for Basildon?", True),
    ("What do the statistics say about it?", True), ("What did the article say about that?", False),
    ("How often do they now send the performance data?", False), ("And how are the figures collected?", False),
    ("Who funds it?", False),
])
def test_asking_what_the_tables_show_is_told_from_asking_the_document(question, expected):
    assert asks_tables(question) is expected


@pytest.mark.parametrize("question", [
    "How many officers does the north local policing area have?", "What is the population of Chelmsford?",
    "How many burglaries were there in Harlow in 2024?", "Which district had the most shoplifting?",
])
def test_a_question_that_stands_alone_does_not_lean_back(question):
    assert not leans_back(question)


# --- conversations over the real index ------------------------------------------------------------------------

def _quotes_from(answer, document_part: str) -> bool:
    return any(document_part in c.document for c in answer.citations)


@pytest.mark.slow
@pytest.mark.parametrize("turns, expected", [
    # a place the follow-up names replaces the earlier question's place
    (["By how much did antisocial behaviour drop in Southend, according to the Home Secretary visit press release?",
      "What about across Essex?"], "37.6%"),
    # a crime type the follow-up names replaces the earlier one
    (["What did the Northampton article say about drug offences between July 2017 and June 2018?",
      "And possession of guns and knives?"], "251"),
    # a follow-up asking a figure the last answer already quoted
    (["In Chelmsford, which ward had the highest number of serious violence offences?", "How many was that?"], "44"),
    (["How many offences did the Echo say Essex Police recorded in Southend in the 12 months to March?",
      "And the year before?"], "20,508"),
    (["What did the Echo report about drug offences in Basildon?", "Which of the two places saw the bigger rise?"],
     "62%"),
])
def test_a_follow_up_keeps_the_thread_of_a_passage_answer(engine, turns, expected):
    first = engine.ask(turns[0])
    assert first.answerable, f"first turn: {first.text}"  # the second can only be right if the first is
    answer = engine.ask_turns(turns)
    assert answer.answerable and expected in answer.text, answer.text


@pytest.mark.slow
def test_what_the_tables_show_for_a_passage_answer_is_a_table_answer_about_its_place_and_crime(engine):
    from assistant.understand.question import parse

    answer = engine.ask_turns(["What did the Echo say about violent crime in Basildon?",
                               "What do the performance tables show for that?"])
    with vocab.using(engine.vocabulary):
        alone = engine.ask("How many violence against the person offences were there in Basildon?")
        assert parse("What did the Echo say about violent crime in Basildon?").areas == ("Basildon",)
    assert answer.answerable and answer.figures, answer.text
    assert [f.value for f in answer.figures] == [f.value for f in alone.figures]
    assert all(f.area == "Basildon" for f in answer.figures)


@pytest.mark.slow
@pytest.mark.parametrize("first", ["What did the Echo say about drug offences in Basildon?",
                                   "When was the night of action in Melbourne?"])
@pytest.mark.parametrize("second", ["How many burglaries were there in Harlow in 2024?",
                                    "What is the UK national terrorism threat level?",
                                    "Which district had the most shoplifting?"])
def test_a_new_question_after_a_passage_answer_is_answered_on_its_own(engine, first, second):
    after = engine.ask_turns([first, second])
    alone = engine.ask(second)
    assert after.text == alone.text


@pytest.mark.slow
def test_a_table_answer_ends_the_passage_thread(engine):
    """After a passage answer then a table answer, "and in Harlow?" follows the table answer."""
    answer = engine.ask_turns(["When was the night of action in Melbourne?",
                               "How many burglaries were there in Basildon in 2024?", "And in Harlow?"])
    alone = engine.ask("How many burglaries were there in Harlow in 2024?")
    assert [f.value for f in answer.figures] == [f.value for f in alone.figures] and answer.figures
    assert isinstance(answer.context, Query)
