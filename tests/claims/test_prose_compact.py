"""The prose index held compactly (issue 18) reads exactly what it read before: each unit's words, its window,
its text and its resolved values, worked out here again from the documents' own sentences."""

from __future__ import annotations

from collections import defaultdict

import pytest

from assistant.claims.prose import age_ranges
from assistant.claims.term_sets import TermIds, TermSet, union
from assistant.text.terms import content_terms, content_terms_of


def test_a_term_set_answers_as_a_frozenset_does():
    vocabulary = TermIds()
    crime, burglary = vocabulary.term_set(["crime", "burglary", "crime"]), vocabulary.term_set(["burglary", "knife"])
    assert crime == frozenset({"crime", "burglary"}) and len(crime) == 2
    assert "crime" in crime and "knife" not in crime and "unseen" not in crime and 3 not in crime
    assert isinstance(crime | burglary, TermSet) and crime | burglary == {"crime", "burglary", "knife"}
    assert crime | frozenset({"drugs"}) == frozenset() | crime | {"drugs"} == {"crime", "burglary", "drugs"}
    assert union([crime, burglary, vocabulary.term_set([])], vocabulary) == crime | burglary
    assert sorted(crime) == ["burglary", "crime"] and vocabulary.term_set([]) == frozenset()


@pytest.fixture(scope="module")
def units(engine):
    return engine.prose.units


def test_each_unit_reads_its_text_from_its_document(engine, units):
    for unit in units:
        spans = [engine.index.documents[unit.document].text[s.start:s.end] for s in unit.sentences]
        assert unit.text == " ".join(spans)
        assert (unit.joined is None) == (len(unit.sentences) == 1)


def test_each_unit_holds_the_words_of_its_text(units):
    expected = content_terms_of([age_ranges(u.text) for u in units])
    assert all(isinstance(u.terms, TermSet) and u.terms == words for u, words in zip(units, expected))


def test_a_window_holds_its_paragraph_section_and_the_unit_before_in_another_paragraph(units):
    paragraphs = defaultdict(set)
    for unit in units:
        paragraphs[unit.document, unit.paragraph] |= set(unit.terms)
    for unit in units:
        expected = paragraphs[unit.document, unit.paragraph] | content_terms(" ".join(unit.section))
        before = units[unit.position - 1] if unit.position else None
        if before is not None and before.document == unit.document and before.paragraph != unit.paragraph:
            expected |= set(before.terms)
        assert unit.window == expected


def test_equal_values_are_held_once(units):
    """Memory: a period, date or place read for many units is one object, however many units hold it."""
    for name in ("period", "places", "topics", "written", "written_words"):
        values = [getattr(u, name) for u in units if getattr(u, name) is not None]
        assert len({id(v) for v in values}) == len(set(values)), name
