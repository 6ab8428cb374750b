"""Answering: a `Query` and the loaded index in, an `Answer` with numbered citations out.

Exact table look-ups (pandas), hybrid passage retrieval (FAISS + BM25), sentence selection, composing the
answer with its citations, and the guard that withholds any answer stating a number its sources lack.
"""
