"""What the warm passage path keeps between questions gives what working it out afresh gives: properties over
every sentence of the real corpus, and a caller that changes a result it was handed changes no later one."""

from __future__ import annotations

import re

import numpy as np
import pytest

from assistant.answer.facts import IndexFacts
from assistant.store.load import load_index
from assistant.text import dates, terms

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def facts(index_dir) -> IndexFacts:
    return IndexFacts(load_index(index_dir))


def folded_afresh(text: str) -> set[str]:
    """`content_terms` as it read before its results were kept."""
    for pattern, short in terms.SAME_THING:
        text = pattern.sub(short, text)
    return set(terms.bm25_tokens([text], as_ids=False)[0]) - terms.GENERIC


def test_kept_terms_and_months_are_those_worked_out_afresh(facts):
    texts = [facts.text(s) for s in facts.index.sentences] + [facts.label(i) for i in range(len(facts.index.sentences))]
    for _ in range(2):  # the second time from what was kept
        for text in texts:
            assert terms.content_terms(text) == folded_afresh(text)
            assert dates.dated_months(text) == {(a or b).casefold()[:3] for a, b in dates.DATED.findall(text)}


def test_a_changed_result_changes_no_later_one():
    text = "Anti-social behaviour rose in July 2024"
    found, months = terms.content_terms(text), dates.dated_months(text)
    found.add("changed")
    months.add("changed")
    assert "changed" not in terms.content_terms(text) and "changed" not in dates.dated_months(text)


def test_kept_headings_are_those_read_afresh(facts):
    n = len(facts.index.sentences)
    for i in list(range(n)) + list(range(n - 1, -1, -1)):  # asked twice, in both orders
        assert facts.is_heading(i) == facts._reads_as_heading(i)
    assert type(facts.is_heading(0)) is bool


def test_keyword_scores_add_every_column_as_numpy_add_at_does(index_dir):
    keywords = load_index(index_dir).bm25
    data, indices, indptr = (keywords.scores[k] for k in ("data", "indices", "indptr"))
    held = np.diff(indptr)
    words = sorted((w for w, column in keywords.vocab_dict.items() if column < len(held)),
                   key=lambda w: -held[keywords.vocab_dict[w]])  # the commonest first
    for query in (words[:8], words[::97], [w for w in words if re.fullmatch(r"[a-z]+", w)][:3] * 2):
        expected = np.zeros(keywords.scores["num_docs"], dtype=keywords.dtype)
        for column in (keywords.vocab_dict[w] for w in query):
            np.add.at(expected, indices[indptr[column]:indptr[column + 1]], data[indptr[column]:indptr[column + 1]])
        assert np.array_equal(keywords.get_scores(query), expected)
