"""Follow-ups that point back without naming a new crime type, and new table questions after a document question.

Properties over the vocabulary in force (every printed crime-type label, every generic crime word), so nothing here
is tied to one corpus's rows.
"""

from __future__ import annotations

import pytest

from assistant import vocab
from understand_cases import chain, check


def _labels() -> list[str]:
    return [label for label in vocab.CRIME_TYPES if label != vocab.ALL_CRIME]


@pytest.mark.parametrize("pointing", ["How many {word} was that?", "And how many {word} is that?",
                                      "How many {word} did it have?"])
def test_a_bare_crime_word_pointing_back_keeps_the_last_turns_crime_type(pointing):
    for label in _labels():
        first = chain(f"How many {label.lower()} were there in Harlow?")
        for word in sorted(vocab.GENERIC_CRIME_WORDS):
            query = chain(first.text, pointing.format(word=word))
            check(query, crime_types=first.crime_types, areas=("Harlow",), is_followup=True)
            assert not any(note.startswith(f"'{word}' read as") for note in query.notes), query.notes


def test_a_bare_crime_word_that_does_not_point_back_is_all_crime():
    check(chain("How many robberies were there in Harlow?", "And how many offences in total in Basildon?"),
          crime_types=(vocab.ALL_CRIME,), areas=("Basildon",))


@pytest.mark.parametrize("document_question", [
    "What did the Echo say about drug offences in Basildon?",
    "According to the press release, how much did antisocial behaviour fall in Southend?",
])
def test_a_turn_naming_its_own_crime_type_does_not_inherit_the_last_turns_document_cues(document_question):
    for label in _labels():
        alone = chain(f"Which district had the most {label.lower()}?")
        query = chain(document_question, alone.text)
        check(query, crime_types=alone.crime_types, cues=bool(alone.passage_cues or alone.outside_topic))


def test_a_turn_naming_no_crime_type_keeps_the_document_cues():
    check(chain("What did the Echo say about drug offences in Basildon?", "And in Southend?"),
          areas=("Southend",), cues=True)
