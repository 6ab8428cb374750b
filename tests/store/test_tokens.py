"""The question-time BM25 tokeniser gives exactly bm25s's words, on everything the corpus and the questions say."""

from __future__ import annotations

import json

import bm25s

from assistant.config import PROJECT_ROOT
from assistant.ingest.corpus import load_corpus
from assistant.text.tokens import _stemmer, bm25_tokens

CORPUS = PROJECT_ROOT / "corpus"


def _texts() -> list[str]:
    lines = [line for doc in load_corpus(CORPUS).documents for line in doc.text.splitlines()]
    for path in sorted((PROJECT_ROOT / "questions").glob("*.jsonl")):
        for line in path.read_text().splitlines():
            item = json.loads(line)
            lines += [item.get("question") or "", item.get("claim") or "", *item.get("turns", [])]
    return lines + ["", "   ", "A", "Ünïcödé café’s 2024/25 £1.2m", "THE and OF it's"]


def test_words_match_bm25s_tokenize_on_the_corpus_and_questions():
    texts = _texts()
    assert len(texts) > 1000
    expected = bm25s.tokenize(texts, stopwords="en", stemmer=_stemmer(), return_ids=False, show_progress=False)
    assert bm25_tokens(texts, as_ids=False) == [list(words) for words in expected]


def test_ids_are_bm25s_tokenized_for_building():
    tokenized = bm25_tokens(["Burglary rose in Harlow", "burglaries fell"])
    assert isinstance(tokenized, bm25s.tokenization.Tokenized)
    assert tokenized.ids[0][0] == tokenized.ids[1][0]  # "burglary" and "burglaries" share a stem
