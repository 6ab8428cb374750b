"""The rules that decide which sentence may be quoted: pure helpers, then the rules on the real index."""

from __future__ import annotations

import pytest

from assistant.answer.passages import _counts, _nouns, content_terms, named_sources, years_in


@pytest.mark.parametrize("text, years", [
    ("between July 2017 and June 2018", {"2017", "2018"}),
    ("up by 1% on 2016-17", {"2016", "2017"}),
    ("for 2024/25", {"2024", "2025"}),
    ("in 12 months, 1,465 offences", set()),
])
def test_years_in_reads_spans(text, years):
    assert years_in(text) == years


@pytest.mark.parametrize("phrase, nouns", [
    ("children went to", "children"),
    ("police officers", "police officers"),
    ("people died on", "people"),
    ("offences recorded", "offences"),
])
def test_counted_phrase_stops_at_the_verb(phrase, nouns):
    assert _nouns(phrase) == nouns


@pytest.mark.parametrize("text, noun, expected", [
    ("there were 1,200 school children that attended", "children", True),
    ("There have been four homicides", "homicide", True),
    ("a hands-on experience for the Year 8 children", "children", False),
    ("including 120 stop and searches", "search", True),
    ("the children were happy", "children", False),
])
def test_counts_needs_a_number_that_counts(text, noun, expected):
    assert _counts(text, noun) is expected


def test_same_thing_in_other_words_matches():
    assert "asb" in content_terms("anti-social behaviour fell")
    assert content_terms("crime rose") & content_terms("an increase in crime") == {"crime", "increas"}
    assert "percent" in content_terms("a 17.4% increase") & content_terms("by what percentage")


@pytest.mark.slow
def test_a_named_source_narrows_the_documents(engine):
    assert named_sources("according to the PFCC", engine.index) == {"pfcc-essex-2024-getting-crime-down.txt"}
    assert named_sources("what did the Echo report?", engine.index) == {"echo-2021-southend-crime-falls.txt"}
    assert named_sources("how much crime fell", engine.index) == set()


@pytest.mark.slow
@pytest.mark.parametrize("question, reason", [
    ("How many drug offences were there in Basildon in 2016?", "2016"),
    ("How much fraud was recorded in Essex?", "England"),
    ("How many burglaries were recorded in Cambridge in 2024?", "Cambridge"),
])
def test_refusals_say_why(engine, question, reason):
    answer = engine.ask(question)
    assert not answer.answerable
    assert answer.text.startswith("Not found")


@pytest.mark.slow
def test_a_sentence_broken_by_a_page_break_is_quoted_whole(engine):
    answer = engine.ask("How many stop and searches did Essex Police carry out in Chelmsford after the Central "
                        "Park stabbing?")
    assert answer.answerable
    assert "stepped up" in answer.citations[0].quote and "120 stop and searches" in answer.citations[0].quote


@pytest.mark.slow
def test_a_sentence_that_leans_on_the_one_before_is_quoted_with_it(engine):
    answer = engine.ask("What was the Southend crime figure in the 12 months to March, and how did it change?")
    quotes = [c.quote for c in answer.citations]
    assert any("18,099" in q for q in quotes) and any("decrease of 12%" in q for q in quotes)


@pytest.mark.slow
def test_sources_the_question_names_are_each_quoted_with_a_caveat_about_periods(engine):
    answer = engine.ask("How much did total crime fall across Essex last year according to the PFCC and the "
                        "press release?")
    assert {c.document for c in answer.citations} == {"pfcc-essex-2024-getting-crime-down.txt",
                                                      "essex-police-2024-01-15-home-secretary-visit.txt"}
    assert answer.text.startswith("Several sources give figures")
    assert any("different dates" in c for c in answer.caveats)


@pytest.mark.slow
def test_a_sentence_about_another_crime_type_is_not_quoted(engine):
    answer = engine.ask("By how much did crime fall in Southend in the 12 months to December 2023?")
    assert "9.2%" in answer.citations[0].quote
    assert all("knife" not in c.quote for c in answer.citations)


@pytest.mark.slow
@pytest.mark.parametrize("question", ["And in Harlow?", "Harlow", "Basildon?"])
def test_a_place_alone_is_not_answered_from_a_passage_that_names_it(engine, question):
    """A heading or a table title that names the place is not an answer: with nothing asked about the place,
    the answer is "not found" (a follow-up gets its topic from the conversation instead)."""
    answer = engine.ask(question)
    assert not answer.answerable and answer.citations == ()
    assert "not what to find out about it" in answer.text
