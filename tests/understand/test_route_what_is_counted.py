"""The tables answer only what they count, for the place and period asked.

Classes: a "how many" whose noun is no offence (gangs, people, members) is refused by the tables whatever crime
word stands beside it; a crime type the vocabulary knows but no table of the index prints is refused, never read
as all crime; "why"/"the main reason" asks for a cause, which no cell holds; "the year before that" asked first
points at a period the question does not name; "across the borough" is the one printed area called a borough, or
said to be untied. Every case is generated from the vocabulary and coined words, not from one question."""

from __future__ import annotations

import random

import pytest

from assistant import vocab
from assistant.understand.question import parse
from assistant.vocab import load
from assistant.vocab.catalogued import _carried_over  # as `for_catalogue` lays the data over printed rows
from assistant.vocab.vocabulary import Vocabulary

from generated_corpora import coined

RNG = random.Random(7)
DATA = load()


def _kinds(query) -> set[str]:
    return {reason.kind for reason in query.out_of_scope}


def _aliases():
    """Every plain alias of every printed row but all crime: (alias, label)."""
    for label, aliases in vocab.active().crime_types.items():
        if label == vocab.ALL_CRIME:
            continue
        for alias in (label.lower(), *aliases):
            if alias.replace(" ", "").isalpha():
                yield alias, label


# ---------------------------------------------------------------- the thing counted


@pytest.mark.parametrize("noun", [coined(RNG).lower() + "s" for _ in range(6)] + ["gangs", "members"])
def test_a_count_of_something_no_table_counts_is_refused_even_beside_a_crime_word(noun):
    district = vocab.DISTRICT_AREAS[0]
    for alias, _ in list(_aliases())[::7]:
        query = parse(f"How many organised {alias} {noun} did the police disrupt in {district}?")
        assert "counted" in _kinds(query), (alias, noun, query.out_of_scope)
    assert "counted" in _kinds(parse(f"How many {noun} are there in {district}?"))


@pytest.mark.parametrize("people", ["people", "victims", "residents", "individuals"])
def test_people_are_no_count_of_offences_unless_the_crime_they_suffered_is_named(people):
    district = vocab.DISTRICT_AREAS[1]
    for phrase in (f"How many {people} were killed in {district} last year?",
                   f"How many {people} were injured on the roads in {district}?",
                   f"What was the number of {people} helped in {district}?"):
        query = parse(phrase)
        assert "counted" in _kinds(query) and vocab.ALL_CRIME not in query.crime_types, phrase
    for alias, label in list(_aliases())[::9]:
        query = parse(f"How many {people} suffered {alias} in {district}?")
        assert "counted" not in _kinds(query) and label in query.crime_types, (alias, query.out_of_scope)


def test_a_count_of_offences_or_of_the_tables_own_rows_is_no_other_thing():
    district = vocab.DISTRICT_AREAS[2]
    for alias, label in _aliases():
        for phrase in (f"How many {alias} were recorded in {district}?", f"How many {alias} offences in {district}?",
                       f"How many more {alias} incidents were there in {district} than last year?",
                       f"How many {alias} offences against people in {district}?"):
            query = parse(phrase)
            assert "counted" not in _kinds(query), (phrase, query.out_of_scope)
    for phrase in ("How many districts saw a rise in burglary?", "How many crime types went up in "
                   f"{district}?", f"How many times higher was burglary in {district}?",
                   f"How many were solved in {district}?", f"How many in {district}?"):
        assert "counted" not in _kinds(parse(phrase)), phrase


# ---------------------------------------------------------------- a crime type no table here prints


def _without(label: str) -> Vocabulary:
    """The vocabulary of an index whose tables print every row but `label`, learned as `for_catalogue` does."""
    active = vocab.active()
    printed = [c for c in active.crime_types if c != label]
    words = Vocabulary.build(_carried_over(DATA, tuple(printed)), areas=active.table_areas, crime_types=printed)
    words.scope, words.all_crime = active.scope, active.all_crime
    return words


LEAVES = [label for label in DATA.crime_types if label != DATA.all_crime and DATA.crime_types[label].aliases]


@pytest.mark.parametrize("label", LEAVES[::3])
def test_a_crime_type_no_table_prints_is_never_read_as_all_crime(label):
    narrower = _without(label)
    district = narrower.district_areas[0]
    with vocab.using(narrower):
        for alias in (label.lower(), *DATA.crime_types[label].aliases):
            if not alias.replace(" ", "").isalpha():
                continue
            query = parse(f"How many {alias} offences were recorded in {district}?")
            assert narrower.all_crime not in query.crime_types, (label, alias, query.crime_types)
            if not query.crime_types:
                assert "not recorded" in _kinds(query), (label, alias)


def test_a_printed_row_named_by_a_twin_label_is_not_missing():
    """A data label that differs from a printed row only by a count noun ("... (incidents)") names that row."""
    from assistant.vocab.catalogued import row_key

    assert row_key("Anti-Social Behaviour (incidents)") == row_key("Anti-social behaviour incidents")
    assert row_key("Theft") != row_key("Theft from the person")


# ---------------------------------------------------------------- causes and periods pointing back


@pytest.mark.parametrize("wording", ["What was the main reason {crime} went up in {place}?",
                                     "What drove the rise in {crime} in {place}?",
                                     "What is behind the fall in {crime} in {place}?",
                                     "Why did {crime} rise in {place}?"])
def test_a_cause_is_asked_of_the_documents(wording):
    for alias, _ in list(_aliases())[::11]:
        query = parse(wording.format(crime=alias, place=vocab.DISTRICT_AREAS[3]))
        assert "why" in query.passage_cues, (wording, alias)


def test_the_year_before_that_asked_first_names_no_period_the_tables_print():
    district = vocab.DISTRICT_AREAS[4]
    first = parse(f"How many crimes did {district} have the year before that?")
    assert any(reason.is_period for reason in first.out_of_scope)
    latest = vocab.SCOPE.latest
    own = parse(f"How many crimes did {district} have in the {latest} and the year before that?")
    assert not own.out_of_scope
    context = parse(f"How many burglaries were there in {district} in the {latest}?")
    follow = parse("and the year before that?", context)
    assert not follow.out_of_scope and follow.periods


# ---------------------------------------------------------------- "the borough"


@pytest.mark.parametrize("word", ["borough", "district", "city"])
def test_the_council_area_is_the_one_printed_area_called_so(word):
    active = vocab.active()
    name = f"{coined(RNG)} {word.capitalize()}"
    words = Vocabulary.build(DATA, areas=(*active.table_areas, name), crime_types=tuple(active.crime_types))
    words.scope, words.all_crime = active.scope, active.all_crime
    with vocab.using(words):
        query = parse(f"How many burglaries were recorded across the {word} in the {active.scope.latest}?")
        assert query.areas == (name,) and any(f"'the {word}' read as {name}" in n for n in query.notes)
        assert parse(f"When is the next night of action in the {word} centre?").areas == ()
    untied = parse(f"How many burglaries were recorded across the {word}?")
    if not any(word in vocab.normalise(area).split() for area in active.table_areas):
        assert "place" in _kinds(untied) and not untied.areas
