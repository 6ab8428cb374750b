"""Follow-ups across table answers: a passage follow-up to a table answer ("what did the board say about that?")
is about that answer's crime type, in the words the conversation named it by; "which of the two is higher?" after
two table answers compares their places. Expectations come from the vocabulary's own data, not typed here."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from assistant import vocab
from assistant.answer.crossing import of_table_answer
from assistant.understand import question as understand

CRIME_TYPES = Path(__file__).parents[2] / "assistant" / "vocab" / "data" / "crime_types.toml"


def _everyday_names(limit: int = 6) -> list[tuple[str, str]]:
    """(alias, printed label) pairs of the data whose alias the matcher reads as that label and is not the label."""
    found = []
    for label, entry in tomllib.loads(CRIME_TYPES.read_text()).items():
        for alias in entry.get("aliases", [])[:1]:
            hits = vocab.find_crime_types(vocab.normalise(f"how many {alias} were there"))
            if len(hits) == 1 and hits[0].name == label and alias not in vocab.GENERIC_CRIME_WORDS and \
                    alias != label.casefold():
                found.append((hits[0].alias, label))
    return found[:limit]


@pytest.mark.parametrize("pointing", ["What did the board say about that?", "what was said about it?"])
def test_the_crime_a_table_answer_was_about_is_named_as_the_conversation_named_it(pointing):
    area = min(vocab.TABLE_AREAS)
    pairs = _everyday_names()
    assert pairs, "the vocabulary data names crime types in everyday words"
    for alias, label in pairs:
        first = understand.parse(f"How many {alias} were there in {area}?")
        assert first.crime_types == (label,)
        second = understand.parse("And last year?", first)
        third = understand.parse(pointing, second)
        asked = of_table_answer(pointing, third)
        assert alias in asked and label.casefold() not in asked.casefold(), (alias, asked)


def test_a_question_naming_its_own_crime_type_is_left_as_it_is():
    area = min(vocab.TABLE_AREAS)
    (alias, _), (other, _) = _everyday_names(2)
    first = understand.parse(f"How many {alias} were there in {area}?")
    question = f"What did the board say about {other}?"
    assert of_table_answer(question, understand.parse(question, first)) == question


def test_which_of_the_two_reads_the_last_two_places_but_both_years_reads_two_periods():
    first_area, second_area = sorted(vocab.TABLE_AREAS)[:2]
    alias, label = _everyday_names(1)[0]
    first = understand.parse(f"How many {alias} were there in {first_area}?")
    second = understand.parse(f"And in {second_area}?", first)
    two = understand.parse("Which of the two is higher?", second)
    assert set(two.areas) == {first_area, second_area} and two.crime_types == (label,) and two.intent == "compare"
    years = understand.parse("And both years?", second)
    assert years.areas == (second_area,) and len(years.periods) == 2
