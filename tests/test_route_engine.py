"""Routing between the tables and the passages, end to end on real indexes.

With no performance tables indexed, a crime-and-year question is the passages' alone: their answer, or their
refusal, never a refusal about tables that are not there. A follow-up naming only a new place after a passage
answer keeps a crime type and period the passage was asked about, which a table row only stands in for: it is
not answered with that row's figure."""

from __future__ import annotations

import random

from assistant import vocab
from assistant.records import Answer

from generated_corpora import coined, one_document_assistant


def _cites_a_table(answer: Answer) -> bool:
    return any(citation.table for citation in answer.citations)


def test_with_no_tables_a_crime_and_year_question_is_the_passages_alone(tmp_path_factory):
    rng = random.Random(11)
    town, count = coined(rng), rng.randint(200, 900)
    text = (f"# {town} community safety update\n\n## Crime\n\n"
            f"Police recorded {count} burglaries in {town} in 2023, the partnership heard. "
            f"Residents were urged to lock sheds and garages.\n")
    engine = one_document_assistant(tmp_path_factory, "no-tables", "update.md", text, f"{town} update",
                                    f"{town} Council", "board minutes", "2024-02-01")
    assert not len(engine.index.frame)
    answered = engine.ask(f"How many burglaries were recorded in {town} in 2023?")
    assert answered.answerable and f"{count}" in answered.text, answered.text
    refused = engine.ask(f"How many burglaries were recorded in {town} in 2019?")
    assert not refused.answerable
    assert "performance tables cannot" not in refused.text and "cover no periods" not in refused.text, refused.text


def test_a_place_only_follow_up_to_a_passage_answer_gets_no_stand_in_row(engine):
    """Every stand-in word and district a passage states together: the first turn is the passage's; "and in
    <another district>?" is never answered with the stand-in row's figure kept from it."""
    texts = [engine.index.documents[s.document].text[s.start:s.end].lower() for s in engine.index.sentences]
    districts = vocab.DISTRICT_AREAS
    asked = 0
    for alias in vocab.STAND_INS:
        for i, district in enumerate(districts):
            if not any(alias in text and district.lower() in text for text in texts):
                continue
            first = f"How much did {alias} offences change in {district}?"  # passages give changes, not counts
            if not engine.ask(first).answerable or _cites_a_table(engine.ask(first)):
                continue
            follow = engine.ask_turns([first, f"and in {districts[(i + 1) % len(districts)]}?"])
            assert not (follow.answerable and _cites_a_table(follow)), follow.text
            asked += 1
    assert asked
