"""Follow-ups that keep their thread, on documents this test generates (a coined force's two summaries from
`test_edition_tables._generate`, and a coined board's minutes):

- "which is higher?", "which one rose more?" after two table answers weighs those two answers, as "which of the
  two is higher?" does, while "which <area word> is highest?" still ranks afresh;
- "and the vice chair?" after "who chairs the board?" is the line of the same list of those present that names
  that post, though the lines after the first are read as under it (one paragraph a person);
- a line that gives a person's own post is no answer for the post the line before it gave another person.
"""

from __future__ import annotations

import random

import pytest

from assistant import understand, vocab
from assistant.answer import otherkind
from assistant.text.terms import content_terms
from generated_corpora import coined, coined_person, one_document_assistant

from test_edition_tables import SEEDS, _generate

BARE_WHICH = ("which is higher?", "which one is lower?", "so which rose more?", "which had more?", "which is bigger")


@pytest.fixture(scope="module", params=SEEDS)
def generated(request):
    return _generate(request.param)


@pytest.mark.parametrize("turn", BARE_WHICH)
def test_a_bare_which_after_two_table_answers_weighs_them(generated, turn):
    areas = generated.areas
    with vocab.using(generated.vocabulary):
        for crime_type in ("robberies", "shoplifting"):
            first = understand.parse(f"how many {crime_type} in {areas[0]}?")
            second = understand.parse(f"and in {areas[1]}?", first)
            query = understand.parse(turn, second)
            assert set(query.areas) == {areas[0], areas[1]}, query
            assert query.crime_types == first.crime_types, query


def test_a_which_naming_what_it_ranks_is_no_weighing_of_the_two(generated):
    areas = generated.areas
    with vocab.using(generated.vocabulary):
        first = understand.parse(f"how many robberies in {areas[0]}?")
        second = understand.parse(f"and in {areas[1]}?", first)
        query = understand.parse("which area is highest for robbery?", second)
        assert set(query.areas) != {areas[0], areas[1]}, query


@pytest.mark.parametrize("question, text, before, refused", [
    ("who is the vice chair?", "Jo Bell, Head of Community Safety, Wyncor Council",
     "Chief Inspector Dan Rudd (Vice-Chair), Wyncor Police", True),
    ("who is the vice chair?", "Chief Inspector Dan Rudd (Vice-Chair), Wyncor Police", "Jo Bell (Chair)", False),
    ("who is the treasurer?", "Jo Bell, of Wyncor Council", "Treasurer:", False),  # no post of its own: led in
])
def test_a_line_with_its_own_post_is_not_the_post_of_the_line_before(question, text, before, refused):
    terms = frozenset(content_terms(f"{before} {text}"))
    assert bool(otherkind.other_post(question, text, terms, before)) is refused


def minutes(board: str, chair: str, vice: str, head: str, other: str) -> str:
    return f"""# Safer {board} Partnership Board

Minutes of the meeting held on Thursday 10 December 2026 at 10.00 am in Committee Room 2.

## Present

Councillor {chair} (Chair), {board} District Council

{head}, Head of Community Safety, {board} District Council

Chief Inspector {vice} (Vice-Chair), {other} Police

Station Manager Lee Dunn, {other} Fire and Rescue Service

## 1. Apologies

There were no apologies.
"""


@pytest.fixture(scope="module")
def board(tmp_path_factory):
    rng = random.Random(5)
    name, other = coined(rng), coined(rng)
    chair, vice, head = coined_person(rng), coined_person(rng), coined_person(rng)
    engine = one_document_assistant(tmp_path_factory, "vice-chair", "board-minutes-2026-12-10.md",
                                    minutes(name, chair, vice, head, other), f"Safer {name} Partnership Board",
                                    f"{name} District Council", "minutes", "2026-12-10")
    return engine, name.lower(), chair, vice


@pytest.mark.slow
@pytest.mark.parametrize("turn", ["and the vice chair?", "who is the vice chair?", "what about the vice-chair?"])
def test_the_vice_chair_after_the_chair_is_the_line_that_names_that_post(board, turn):
    engine, name, chair, vice = board
    first = engine.ask(f"who chairs the safer {name} board")
    assert first.answerable and chair in first.text, first.text
    answer = engine.ask_turns([f"who chairs the safer {name} board", turn])
    assert answer.answerable and vice in answer.text, (turn, answer.text)
