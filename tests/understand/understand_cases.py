"""Shared by the `understand` tests: the names expectations are written with, and the two helpers every file uses."""

from __future__ import annotations

from pathlib import Path

from corpus_periods import PERIOD_2023, PERIOD_2024
from assistant.understand.query import Query
from assistant.understand.question import parse

ROOT = Path(__file__).resolve().parents[2]
ALL_CRIME = "All Crime (excl. Action (NFIB) Fraud)"
ASB = "Anti-Social Behaviour (incidents)"
P23, P24 = PERIOD_2023, PERIOD_2024
INTENTS = {"lookup", "change", "rank", "compare", "share"}


def check(query: Query, **expected) -> None:
    """Assert the named slots; `oos`, `cues` and `note` check presence, `unknown` the unknown places.

    `cues` is whether anything points at the documents: a passage cue, or a topic no table holds.
    """
    for key, want in expected.items():
        if key == "oos":
            assert bool(query.out_of_scope) == want, query.out_of_scope
        elif key == "cues":
            assert bool(query.passage_cues or query.outside_topic) == want, (query.passage_cues, query.outside_topic)
        elif key == "unknown":
            assert query.unknown_places == want, query.unknown_places
        elif key == "note":
            assert any(want in note for note in query.notes), query.notes
        else:
            assert getattr(query, key) == want, (key, getattr(query, key))


def chain(*turns: str) -> Query:
    """Each turn read with the last one's query as its context; the last turn's query."""
    context = None
    for turn in turns:
        context = parse(turn, context)
    return context
