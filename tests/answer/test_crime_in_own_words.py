"""A line that names the asked crime type in its own words is about that crime type.

"71 arrests (38 of them for violent offences)" answers "how many of the arrests were for violence?": the line's
words ("violent offences") read as the asked type (Violence against the person) though they share no word with the
type's printed label. Before, such a line was refused as "no passage is about violence". Names and figures are made
up from a seed.
"""

from __future__ import annotations

import random

import pytest

from generated_corpora import coined, one_document_assistant

RNG = random.Random(23)
OPERATION = coined(RNG)
TOWN = coined(RNG)
ARRESTS, VIOLENT = RNG.randint(60, 99), RNG.randint(20, 50)
REPORT = f"""# {TOWN} Community Safety Board

## Operation {OPERATION}

Operation {OPERATION} ran on summer weekends in {TOWN} town centre. Officers and wardens completed more than
1,200 hours of patrol, made {ARRESTS} arrests ({VIOLENT} of them for violent offences) and issued 31 directions to leave.
"""


@pytest.fixture(scope="module")
def board(tmp_path_factory):
    return one_document_assistant(tmp_path_factory, "ownwords", "board-2026-10-01.md", REPORT,
                                  f"{TOWN} Community Safety Board", f"{TOWN} Borough Council", "minutes",
                                  "2026-10-01")


@pytest.mark.slow
@pytest.mark.parametrize("question", [
    f"how many of the {OPERATION.lower()} arrests were for violence",
    f"How many Operation {OPERATION} arrests were for violent crime?",
])
def test_a_crime_type_named_in_the_lines_own_words_is_answered(board, question):
    answer = board.ask(question)
    assert answer.answerable, answer.text
    assert str(VIOLENT) in answer.text
