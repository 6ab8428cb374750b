"""The one tokeniser for keyword search: English stop words removed, Snowball stems.

BM25 indexing, BM25 queries, passage selection and claim reading all tokenise with `bm25_tokens`, so a word
matches the same way wherever it is compared. Words (`as_ids=False`, what every question-time caller asks for)
are made here with bm25s's own pattern, stop words and stemmer, without `bm25s.tokenize`'s per-call set-up
(a progress bar object and a stop-word set per text: ten times the work for one question), and without
importing bm25s at all (its package imports scipy, a tenth of a second of a new process's start);
`tests/store/test_tokens.py` checks both give the same words on the whole corpus.
"""

from __future__ import annotations

import re
import threading

TOKEN_PATTERN = r"(?u)\b\w\w+\b"  # bm25s's default, the scikit-learn CountVectorizer pattern
_split = re.compile(TOKEN_PATTERN).findall
_local = threading.local()  # a PyStemmer object is not safe to share between threads
# bm25s's English stop words (`bm25s.stopwords.STOPWORDS_EN`), held here so a question need not import bm25s;
# the build passes this same list to `bm25s.tokenize`, so the index and the questions drop the same words.
STOPWORDS = ("a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no",
             "not", "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this",
             "to", "was", "will", "with")
_STOPWORDS = frozenset(STOPWORDS)


def bm25_tokens(texts: list[str], as_ids: bool = True):
    """The same tokenizer (English stop words, Snowball stems) for indexing and for queries: with `as_ids`,
    bm25s's `Tokenized` (ids and vocabulary, for building an index), else a list of stemmed words per text."""
    if as_ids:
        import bm25s

        return bm25s.tokenize(texts, stopwords=list(STOPWORDS), stemmer=_stemmer(), return_ids=True,
                              show_progress=False)
    stems = _stemmer().stemWords
    return [stems([word for word in _split(text.lower()) if word not in _STOPWORDS]) for text in texts]


def _stemmer():
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        import Stemmer

        stemmer = _local.stemmer = Stemmer.Stemmer("english")
    return stemmer
