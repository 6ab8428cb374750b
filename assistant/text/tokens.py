"""The one tokeniser for keyword search: English stop words removed, Snowball stems.

BM25 indexing, BM25 queries, passage selection and claim reading all tokenise with `bm25_tokens`, so a word
matches the same way wherever it is compared.
"""

from __future__ import annotations

from functools import lru_cache


def bm25_tokens(texts: list[str], as_ids: bool = True):
    """The same tokenizer (English stop words, Snowball stems) for indexing and for queries."""
    import bm25s

    return bm25s.tokenize(texts, stopwords="en", stemmer=_stemmer(), return_ids=as_ids, show_progress=False)


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")
