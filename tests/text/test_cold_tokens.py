"""The tokeniser's stop words are bm25s's English list, held in `text.tokens` so that tokenising a question
imports no bm25s (whose package imports scipy); the build hands the same list to bm25s."""

from __future__ import annotations

import subprocess
import sys

from bm25s.stopwords import STOPWORDS_EN

from assistant.text.tokens import STOPWORDS, bm25_tokens


def test_the_stop_words_are_bm25s_english_list():
    assert STOPWORDS == STOPWORDS_EN


def test_the_build_drops_the_same_words_as_a_question():
    tokenized = bm25_tokens(["The burglary and the theft"])
    word_of = {i: word for word, i in tokenized.vocab.items()}
    built = [word_of[i] for i in tokenized.ids[0]]
    assert built == bm25_tokens(["The burglary and the theft"], as_ids=False)[0] == ["burglari", "theft"]


def test_tokenising_a_question_imports_no_bm25s():
    code = ("import sys; from assistant.text.tokens import bm25_tokens\n"
            "assert bm25_tokens(['Was the theft of a vehicle up?'], as_ids=False) == [['theft', 'vehicl', 'up']]\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('bm25s', 'scipy')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
