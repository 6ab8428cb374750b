"""Text utilities every stage shares: the one normaliser, the one tokeniser, number and date wording.

In: plain strings. Out: normalised strings, BM25 tokens and content terms, formatted figures and dates.
Depends on nothing else in the package, so any stage may use it.
"""
