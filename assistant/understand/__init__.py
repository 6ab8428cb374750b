"""Question understanding: plain-English text (and the previous turn) in, a `Query` out.

Reads the places, crime types, measures, periods, intent and follow-up context a question asks of the
tables, and the cues that point at a document instead. Rules over the vocabulary, no I/O.
"""
