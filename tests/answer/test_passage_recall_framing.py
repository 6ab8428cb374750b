"""False "not found" from the words a question frames its ask with, and from a best line that is no match at all.

- Words that only frame the ask ("who should I contact", "approximately how many", "the main reason",
  "couldn't", "weren't") are no topic a line must repeat (`text/data/frame_words.toml`), nor a word the documents
  "never mention".
- Everyday words the documents print another way: "banned" for what an order prohibits, "gangs" for organised
  groups, "felt" for feel, "questions about" for the "Enquiries:" a contact line prints
  (`text/data/same_words.toml`).
- Two-letter initials the documents never print ("EU") are read as the one pair of capitalised words they stand
  for ("European Union"), as three-letter ones already were (`answer.shortforms`).
- A line refused because it is not about the question sets no bar for a weaker line that is (`passages._best`).

Pinned on documents this test writes (another borough's minutes and order); topics the documents never mention
must still be refused.
"""

from __future__ import annotations

import json
import tomllib
from types import SimpleNamespace

import pytest

from assistant.text.terms import FRAME_WORDS, content_terms

with FRAME_WORDS.open("rb") as _file:
    FRAME_GROUPS = tomllib.load(_file)["frame"]


@pytest.mark.parametrize("word", [w for group in FRAME_GROUPS for w in group["words"]])
def test_a_frame_word_is_no_topic(word):
    assert not content_terms(f"{word} burglary") - content_terms("burglary"), word


@pytest.mark.parametrize("text, kept", [
    ("rough sleeping", "rough"),  # "roughly" is no frame word: its stem names a topic
    ("all crime", "all"),  # a table row's name
    ("other theft", "other"),
    ("drug use", "use"),
    ("the meeting in May", "may"),
    ("paid within 14 days", "within"),  # read by same_words.toml's "pay within"
])
def test_words_that_name_a_thing_stay_topic_words(text, kept):
    assert content_terms(kept) and content_terms(kept) <= content_terms(text), text


@pytest.mark.parametrize("question, frame", [
    ("Who should I contact about the night market?", "should"),
    ("Why couldn't the chair attend?", "couldn't"),
    ("What was the main reason thefts rose?", "reason"),
    ("Approximately how many officers are there?", "approximately"),
])
def test_the_question_keeps_its_topic_without_the_frame(question, frame):
    assert content_terms(question) == content_terms(question.replace(frame, " "))


MINUTES = """# Ashmere Community Safety Partnership

## Minutes of the meeting held on 12 May 2027

### 3. Operation Flint

Inspector Ruth Calder reported that Operation Flint, the partnership's burglary operation, had run since
1 February 2027. Operation Flint disrupted three organised burglary groups from outside the borough.

### 4. Residents' survey

The spring survey was completed by 842 members of the Ashmere residents' panel. Nine out of ten residents said
they did not feel kept informed about the outcome of reports they had made.

### 5. Health update

The local medical committee noted that the European Union of GPs recommends a safe maximum of 25 patient
contacts per clinician a day.

### 6. Night market

For enquiries about the night market, contact Jo Bramley, Events Officer, on 01999 555 010.
"""

FAQ = """# Ashmere Park Public Spaces Protection Order: frequently asked questions

Enquiries: Sam Hale, Parks Enforcement Officer, parks@ashmere.example

## What does the order prohibit?

- Lighting barbecues or fires anywhere in Ashmere Park.
- Riding a motorbike on the park's footpaths.

## How long does it last?

The order lasts for three years, until 30 June 2030.
"""


@pytest.fixture(scope="module")
def ashmere(tmp_path_factory):
    from assistant.engine import Assistant
    from assistant.store.build import build_index

    corpus = tmp_path_factory.mktemp("ashmere")
    documents = [("ashmere-csp-minutes-2027-05-12.md", MINUTES, "Ashmere Community Safety Partnership minutes",
                  "Ashmere Borough Council", "minutes", "2027-05-12"),
                 ("ashmere-park-pspo-faq-2027-06-01.md", FAQ, "Ashmere Park PSPO: frequently asked questions",
                  "Ashmere Borough Council", "web page", "2027-06-01")]
    for name, text, *_ in documents:
        (corpus / name).write_text(text, encoding="utf-8")
    (corpus / "manifest.json").write_text(json.dumps({"documents": [
        {"file": name, "title": title, "publisher": publisher, "kind": kind, "date": date}
        for name, _, title, publisher, kind, date in documents]}), encoding="utf-8")
    index = tmp_path_factory.mktemp("ashmere-index")
    build_index(corpus, index)
    return Assistant.load(index)


@pytest.mark.slow
@pytest.mark.parametrize("question, expected", [
    ("What is the EU of GPs safe maximum of patient contacts per clinician a day?", "25"),
    ("What's banned in Ashmere Park?", "barbecues"),
    ("What share of residents felt they weren't kept informed about the outcome of their reports?", "Nine out of ten"),
    ("Who should I contact with questions about the park order?", "Sam Hale"),
])
def test_the_question_in_its_own_words_finds_the_line(ashmere, question, expected):
    answer = ashmere.ask(question)
    assert answer.answerable and expected in answer.text, answer.text


@pytest.mark.slow
@pytest.mark.parametrize("question, named, unnamed", [
    ("Who should I contact about night market pitches?", "pitches", "should"),
    ("How many gangs did Operation Quartz disrupt?", "Quartz", "gangs"),
    ("What is the EU maximum fine for littering?", "fine", "EU"),
])
def test_a_refusal_names_the_topic_not_the_frame(ashmere, question, named, unnamed):
    """Still refused, and the words the documents never mention are the topic's, not the frame's."""
    answer = ashmere.ask(question)
    assert not answer.answerable and named in answer.text and unnamed not in answer.text, answer.text


@pytest.mark.slow
@pytest.mark.parametrize("question", [
    "Who should I contact about the food bank?",
    "What's banned on the high street?",
    "How many people filled in the autumn survey?",
    "Approximately how many gangs did Operation Quartz disrupt?",
])
def test_a_topic_the_documents_never_mention_is_still_refused(ashmere, question):
    answer = ashmere.ask(question)
    assert not answer.answerable, answer.text


# `_best` on lines whose scores and refusals are given: the rule, not one corpus's numbers.
UNRELATED = "no passage answers this closely enough"


def _judge(lines, own_terms=frozenset({"topic"})):
    """A stand-in judge over lines of (score, refusal, holds the topic itself); `own_terms` are the words of the
    question (or of the part of it) being judged."""
    facts = SimpleNamespace(sentence_terms=lambda i: frozenset({"topic"} if lines[i][2] else set()),
                            label_terms=lambda i: frozenset(), text=lambda s: "")
    index = SimpleNamespace(sentences=[SimpleNamespace(chunk=i) for i in range(len(lines))])
    return SimpleNamespace(index=index, facts=facts, topic_weights={"topic": 1.0}, own_terms=own_terms,
                           expand=lambda terms: terms,
                           score=lambda i, similarity, prior: lines[i][0],
                           objection=lambda i, similarity: lines[i][1])


@pytest.fixture()
def best(monkeypatch):
    import numpy as np

    from assistant.answer import passages

    monkeypatch.setattr(passages, "is_header_row", lambda facts, i: False)

    def run(lines, **judged):
        found, _, reason = passages._best(_judge(lines, **judged), list(range(len(lines))), np.zeros(len(lines)), {})
        return found, reason
    return run


@pytest.mark.parametrize("unrelated", [1, 2, 3])
def test_lines_not_about_the_question_set_no_bar(best, unrelated):
    """However many unrelated lines score above it, near the best or far below, a weaker line that holds the topic
    itself answers."""
    lines = [(0.9, UNRELATED, False)] + [(0.7 - 0.01 * k, UNRELATED, False) for k in range(unrelated)] + \
        [(0.5, "", True)]
    assert best(lines)[0] == unrelated + 1


def test_a_weaker_line_must_hold_the_topic_itself(best):
    """Far below the best, a line that passes the rules only with the lines around it is no answer."""
    lines = [(0.9, UNRELATED, False), (0.7, UNRELATED, False), (0.5, "", False)]
    assert best(lines)[0] is None


def test_a_part_is_held_to_its_own_words(best):
    """"... and when is it dated?" borrows "who wrote the guidance" from the whole question: a far weaker line that
    holds only the borrowed words ("he wrote to the court managers") does not answer the part."""
    lines = [(0.9, UNRELATED, False), (0.7, UNRELATED, False), (0.5, "", True)]
    assert best(lines, own_terms=frozenset({"date"}))[0] is None


@pytest.mark.parametrize("refusal", ["the passage is about March, not May", "no passage gives figures for 2025"])
def test_a_line_about_the_question_sets_the_bar(best, refusal):
    """A line about the question refused for its detail (another month, another year) is the best match: a line
    far below it is a guess, as before, and the caller is told why the lines within reach were refused."""
    lines = [(0.9, refusal, True), (0.7, UNRELATED, False), (0.6, "", True)]
    assert best(lines) == (None, UNRELATED)
    assert best([(0.9, refusal, True), (0.6, "", True)]) == (1, "")  # the first weaker line, as before


def test_within_reach_of_the_best_a_line_answers_as_before(best):
    lines = [(0.9, UNRELATED, False), (0.85, "", False)]
    assert best(lines)[0] == 1
