"""Words the tables only approximate ("serious violence" by Violence Against the Person, "knife crime" by
Possession of Weapons): a document may state the thing itself, so such a question is tried on the documents
first, and the stand-in row answers (with its note) only when no document does."""

from __future__ import annotations

from assistant import vocab
from assistant.understand.question import parse


def test_a_stand_in_word_sends_the_question_to_the_documents_first_and_keeps_its_row():
    assert vocab.STAND_INS
    for alias, label in vocab.STAND_INS.items():
        query = parse(f"How many {alias} offences were there in {vocab.DISTRICT_AREAS[0]}?")
        assert query.crime_types == (label,), alias
        assert query.outside_topic, alias
        own = parse(f"How many {label.lower()} offences were there in {vocab.DISTRICT_AREAS[0]}?")
        assert not own.outside_topic, label


def test_a_document_stating_the_stand_in_answers_and_the_row_is_only_context_otherwise(engine):
    """Every district, every stand-in word: where a sentence of the documents names both, a passage answers;
    elsewhere the row is offered as context only (another measure is no answer) and says what it stands in for."""
    texts = [engine.index.documents[s.document].text[s.start:s.end].lower() for s in engine.index.sentences]
    answered = context = 0
    for alias, label in vocab.STAND_INS.items():
        for district in vocab.DISTRICT_AREAS:
            answer = engine.ask(f"How has {alias} changed in {district}?")
            stated = any(alias in text and district.lower() in text for text in texts)
            table_cited = any(c.table for c in answer.citations)
            if answer.answerable:
                assert not table_cited, (alias, district, answer.text)
                head = alias.split()[0]  # "knife" in "serious incidents involving a knife"
                assert any(head in (c.quote + c.context).lower() for c in answer.citations), (alias, answer.text)
                answered += 1
            elif table_cited:
                assert not stated, (alias, district, answer.text)
                assert "For context only" in answer.text and f"'{alias}' read as" in answer.text, answer.text
                assert {c.table["crime_type"] for c in answer.citations if c.table} == {label}, answer.text
                context += 1
    assert answered >= 1 and context >= 1  # the repo's documents state serious violence for one district
