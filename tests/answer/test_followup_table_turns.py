"""Follow-ups to a table answer, over two editions of a coined force's summary generated here
(`test_edition_tables._generate`: no name of the repo's corpora).

Classes:
- "what did the <month> edition say?" after a table question asks that summary for the same row: the turn's "say"
  is no cue for the documents, and the answer is the named edition's cell, never the latest's;
- a turn asking after a person ("and what portfolio does she hold?") that names no slot of its own is no table
  follow-up: it keeps no crime type, area or period, so the tables never answer it with a figure;
- turns that point at the topic ("what did the board say about it?") or name a slot ("and in <area>?") still lean
  on the table answer as before.
"""

from __future__ import annotations

import pytest

from assistant import understand, vocab
from assistant.answer.tables import answer_table
from assistant.text.dates import MONTHS
from assistant.understand.query import OFFENCES

from test_edition_tables import SEEDS, _cell, _generate, _states

PERSON_TURNS = ("and what portfolio does she hold?", "what's his job title?", "which committee does he sit on?",
                "and what is her role?", "what did she promise residents?")


@pytest.fixture(scope="module", params=SEEDS)
def generated(request):
    return _generate(request.param)


@pytest.mark.parametrize("words", ["what did the {month} edition say?", "and what does the {month} summary say?",
                                   "what did the {month} edition say"])
def test_a_named_edition_after_a_table_answer_is_that_summarys_cell(generated, words):
    older, newer = generated.editions
    month = MONTHS[older.month - 1].lower()
    with vocab.using(generated.vocabulary):
        for area in generated.areas[:3]:
            for crime_type in ("Robbery", "Shoplifting"):
                context = understand.parse(f"{crime_type.lower()} in {area}")
                query = understand.parse(words.format(month=month), context)
                assert not query.passage_cues, query
                assert query.crime_types == context.crime_types and query.areas == context.areas
                result = answer_table(query, generated.tables)
                assert result is not None and result.answerable, result
                assert _states(result.text, _cell(generated, older, area, crime_type, OFFENCES, older.period()))
                assert all(figure.edition == older.title for figure in result.figures)


@pytest.mark.parametrize("turn", PERSON_TURNS)
def test_a_turn_about_a_person_keeps_no_table_slot(generated, turn):
    with vocab.using(generated.vocabulary):
        for area in generated.areas[:3]:
            context = understand.parse(f"how many robberies in {area}?")
            query = understand.parse(turn, context)
            assert not query.is_followup and not query.crime_types and not query.areas, query
            result = answer_table(query, generated.tables)
            assert result is None or not result.figures, result


def test_turns_pointing_at_the_topic_or_naming_a_slot_still_lean_on_the_table_answer(generated):
    areas = generated.areas
    with vocab.using(generated.vocabulary):
        context = understand.parse(f"how many robberies in {areas[0]}?")
        about = understand.parse("what did the board say about it?", context)
        assert about.is_followup and about.crime_types == context.crime_types and about.passage_cues
        there = understand.parse(f"and in {areas[1]}?", context)
        assert there.is_followup and there.areas == (areas[1],) and there.crime_types == context.crime_types
