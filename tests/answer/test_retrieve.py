"""Fusion as a pure function, and hybrid search on the real index."""

from __future__ import annotations

import pytest

from assistant.store.embedding import encode
from assistant.answer.retrieve import Retriever, reciprocal_rank_fusion


def test_rrf_rewards_agreement_between_rankings():
    fused = reciprocal_rank_fusion([[1, 2, 3], [3, 1]], k=60)
    assert [item for item, _ in fused] == [1, 3, 2]
    assert fused[0][1] == pytest.approx(1 / 61 + 1 / 62)
    assert fused[2][1] == pytest.approx(1 / 62)


def test_rrf_of_nothing_is_nothing():
    assert reciprocal_rank_fusion([]) == []


@pytest.fixture(scope="module")
def retriever(engine):
    return Retriever(engine.index)


def _top_texts(retriever, question, mode="hybrid", k=3):
    hits = retriever.search(question, encode([question])[0], k=k, mode=mode)
    return [retriever.index.chunks[h.chunk].text for h in hits]


@pytest.mark.slow
@pytest.mark.parametrize("question, needle", [
    ("When is the next Operation Dial night of action?", "Operation Dial"),
    ("How much UK Shared Prosperity Fund money was spent in Year 2?", "284,777"),
    ("What percentage of BMA members voted yes?", "98.3%"),
    ("homicides in Northampton", "four homicides"),
    ("How many officers has the PFCC funded?", "905"),
])
def test_hybrid_search_finds_the_passage(retriever, question, needle):
    assert any(needle in text for text in _top_texts(retriever, question))


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["dense", "bm25"])
def test_single_method_baselines_run(retriever, mode):
    assert any("Operation Dial" in t for t in _top_texts(retriever, "Operation Dial night of action", mode, k=5))


@pytest.mark.slow
def test_words_outside_the_vocabulary_do_not_break_keyword_search(retriever):
    assert retriever.keyword("zzzqqq xylophone", 5) == []
