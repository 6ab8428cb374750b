"""Everyday words and English forms that say the same thing fold into one term (`text/data/same_words.toml`):
a question's own wording, which no document prints, must not read as a topic the documents never mention.
Properties over the whole data file, and the phrases that mean it only before a figure or a date."""

from __future__ import annotations

import tomllib

import pytest

from assistant.text.terms import SAME_WORDS, content_terms

with SAME_WORDS.open("rb") as _file:
    ENTRIES = tomllib.load(_file)["same"]


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e["term"])
def test_every_listed_word_folds_into_its_term(entry):
    """Each word of a group, said where it means the group's term, reads as that term and nothing else."""
    after = " 5 June 2027" if "followed_by" in entry and "jan" in entry["followed_by"] else \
        " £1,000" if "followed_by" in entry and "£" in entry["followed_by"] else \
        " us" if "followed_by" in entry else ""
    expected = content_terms(entry["term"])
    for word in entry["words"]:
        folded = content_terms(f"{word}{after}") - content_terms(after)
        if entry.get("keep"):  # the words stay beside the term
            assert folded == expected | (content_terms(word) - expected), word
        else:
            assert folded == expected, word


def test_every_group_names_a_term_and_words():
    for entry in ENTRIES:
        assert entry["term"].strip() and entry["words"], entry
        assert set(entry) <= {"term", "words", "followed_by", "keep"}, entry


@pytest.mark.parametrize("question, line", [
    ("What is the maximum fine for breaking the order?", "Anyone convicted may be fined up to £2,500."),
    ("When will the dispersal order expire?", "The order will stay in force until 31 March 2031."),
    ("How many people were helped at the night hub?", "210 people supported at the night hub"),
    ("How many shops have joined the radio scheme?", "The radio scheme now has 41 retailers."),
    ("Which party does Cllr Moss belong to?", "Cllr Ann Moss, the Labour member for Eastgate"),
    ("Who replaced him as chair?", "Cllr Rhodes, who took over as chair in May"),
    ("What is the deadline for the grant application?", "Submit the grant application by 14/02/27."),
    ("Over what period will the money be spent?", "The money will be spend over two years."),
    ("Which pupils is the scheme aimed at?", "The scheme is for pupils in Year 6."),
    ("What year group was it targeted at?", "Delivered to Year 6 pupils"),
])
def test_the_question_and_the_line_share_the_folded_word(question, line):
    """The word the question uses for it is a term the line holds, once both are folded."""
    asked = content_terms(question) - content_terms("what when how many which who over period hours scheme "
                                                     "people money night hub radio joined grant application "
                                                     "belong cllr moss chair order breaking dispersal him")
    assert asked and asked <= content_terms(line), (asked, content_terms(line))


@pytest.mark.parametrize("text, term", [
    ("the guidance is up to date", "maximum"),  # not before a figure
    ("ring-fenced funding for the team", "phone"),  # money set aside, not a phone call
    ("a new ring road", "phone"),
    ("crime fell by 10 per cent", "deadline"),  # a change, not a date
    ("done by the end of the year", "deadline"),
    ("supported by 5 votes to 2", "deadline"),
])
def test_a_phrase_that_means_it_only_before_a_figure_or_date(text, term):
    assert not content_terms(text) & content_terms(term)


def test_a_deadline_is_a_time_word_like_a_month():
    """"What's the deadline?" asks for a date, as "when?" does: no topic a line must repeat, so a question that
    says "by 31 December" needs no line to say "deadline"."""
    from assistant.text.terms import TIME_WORDS
    assert content_terms("deadline july") <= TIME_WORDS
