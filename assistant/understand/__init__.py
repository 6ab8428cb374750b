"""Question understanding: plain-English text (and the previous turn) in, a `Query` out.

Reads the places, crime types, measures, periods, intent and follow-up context a question asks of the
tables, and the cues that point at a document instead. Rules over the vocabulary, no I/O.

`parse` (in `question`) is the entry point; `query` holds the `Query` it returns; the readers it runs are
`cues`, `places`, `periods`, `measures`, `ranking`, `words` and `followup`.
"""

from assistant.understand.question import parse

__all__ = ["parse"]
