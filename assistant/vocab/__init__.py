"""The words people use for places and crime types, mapped to the labels the performance tables print.

The words are data (data/*.toml, keyed by printed labels, readable and editable without Python); this package
only reads them (`load`) and compiles matchers over them plus the printed labels (`Vocabulary`). Nothing about
one corpus belongs in the code: a new corpus needs new data files, and a printed label with no alias entry
still works by its printed name.

The module-level names below read the vocabulary in force: the engine builds one per index from the data and
the index's learned catalogue (`for_catalogue`) and sets it with `using`; without one, `DEFAULT` (the data's
own labels) is in force. `DEFAULT` is built the first time it is needed, not at import: an engine puts its
index's own vocabulary in force, so a new process answering a question would otherwise compile every matcher
twice (the default's are never used there).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache

from assistant.text.normalise import normalise

from . import phrases as _phrases
from .load import VocabData, VocabDataError, load
from .phrases import Found, blank
from .vocabulary import Vocabulary, max_edits
from .catalogued import PeriodScope, for_catalogue, unprinted_entries


@lru_cache(maxsize=1)
def _default() -> Vocabulary:
    """The data's own labels, compiled once, on first use (read as `DEFAULT`)."""
    return Vocabulary.build(load())


# The vocabulary in force: the engine sets its index's own (`using`) around each question, so every reader of
# the module-level names below sees the areas, crime types, hierarchy and periods that index learned. A
# context variable, not a global: each thread and each engine sees its own; unset, `DEFAULT` is in force.
_ACTIVE: ContextVar[Vocabulary] = ContextVar("vocabulary")


def active() -> Vocabulary:
    vocabulary = _ACTIVE.get(None)
    return _default() if vocabulary is None else vocabulary


@contextmanager
def using(vocabulary: Vocabulary) -> Iterator[Vocabulary]:
    """Make `vocabulary` the one in force for the code run inside the `with` block."""
    token = _ACTIVE.set(vocabulary)
    try:
        yield vocabulary
    finally:
        _ACTIVE.reset(token)


def activate(vocabulary: Vocabulary) -> None:
    """Make `vocabulary` the one in force from now on in this thread (for tests and one-off scripts)."""
    _ACTIVE.set(vocabulary)


# Module-level name -> the attribute of the vocabulary in force it reads.
_NAMES = {
    "FORCE": "force", "FORCES": "forces", "AIRPORT": "airport", "ALL_CRIME": "all_crime",
    # Printed area -> the names people give that whole area.
    "AREAS": "areas",
    # Towns inside an area: answered from that area's table, with a note saying so.
    "AREA_TOWNS": "area_towns", "TABLE_AREAS": "table_areas",
    # The local authority districts: the force table is their total and a policing area is not one.
    "DISTRICT_AREAS": "district_areas",
    # Real places with no table (alias -> name): naming one must give "not found", never a figure.
    "KNOWN_OTHER_PLACES": "known_other_places",
    # Printed row label -> the everyday words for it (plurals are added when matching).
    "CRIME_TYPES": "crime_types",
    # Bare words that mean all crime only when no more specific crime type is named.
    "GENERIC_CRIME_WORDS": "generic_crime_words", "ALIAS_NOTES": "alias_notes",
    # Aliases of a row that only stands in for what they name ("serious violence"): the documents first.
    "STAND_INS": "stand_ins",
    # Immediate parent of each row, learned from the tables; None for the top level and cross-cutting rows.
    "PARENT": "parent",
    # Each row's children, in the order the tables print them.
    "CHILDREN": "children", "SUBTYPE_WORDS": "subtype_words", "COMMON_NEAR_MISSES": "common_near_misses",
    "VOCABULARY_WORDS": "vocabulary_words", "SCOPE": "scope", "CATALOGUE": "catalogue",
    # The compiled internals, under the names they had when this was one module (tests and tools poke at them).
    "_FUZZY_TARGETS": "fuzzy_targets", "_KNOWN_WORDS": "known_words", "_AREA_PHRASES": "area_phrases",
    "_TOWN_PHRASES": "town_phrases", "_OTHER_PHRASES": "other_phrases", "_CRIME_PHRASES": "crime_phrases",
    "_PLACE_RE": "place_re", "_CRIME_RE": "crime_re", "_GENERIC_RE": "generic_re", "_PATTERNS": "patterns",
    "_subtype_matches": "subtype_matches",
}


def __getattr__(name: str):
    if name in _NAMES:
        return getattr(active(), _NAMES[name])
    if name == "DEFAULT":
        return _default()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def note_for(alias: str, resolved_to: str | None = None) -> str | None:
    return active().note_for(alias, resolved_to)


def stands_in(alias: str, resolved_to: str) -> bool:
    return active().stands_in(alias, resolved_to)


def ancestors(crime_type: str) -> tuple[str, ...]:
    return active().ancestors(crime_type)


def find_places(norm: str):
    return active().find_places(norm)


def find_crime_types(norm: str):
    return active().find_crime_types(norm)


def find_subtypes(norm: str, named):
    return active().find_subtypes(norm, named)


def correct_word(word: str) -> str | None:
    return active().correct_word(word)


def correct_spelling(norm: str):
    return active().correct_spelling(norm)


def check(printed_areas, printed_crime_types) -> list[str]:
    return active().check(printed_areas, printed_crime_types)


_subtype_matcher = _phrases.cached_matcher
_matcher = _phrases.matcher
_phrase_table = _phrases.phrase_table
_plural = _phrases.plural
_pluralisable = _phrases.pluralisable
_with_plurals = _phrases.with_plurals
_max_edits = max_edits

__all__ = [
    "PeriodScope",
    "for_catalogue",
    "unprinted_entries",
    "active",
    "using",
    "activate",
    "AIRPORT",
    "ALIAS_NOTES",
    "ALL_CRIME",
    "AREAS",
    "AREA_TOWNS",
    "CHILDREN",
    "COMMON_NEAR_MISSES",
    "CRIME_TYPES",
    "DEFAULT",
    "DISTRICT_AREAS",
    "FORCE",
    "GENERIC_CRIME_WORDS",
    "KNOWN_OTHER_PLACES",
    "PARENT",
    "SUBTYPE_WORDS",
    "TABLE_AREAS",
    "VOCABULARY_WORDS",
    "Found",
    "VocabData",
    "VocabDataError",
    "Vocabulary",
    "ancestors",
    "blank",
    "check",
    "correct_spelling",
    "correct_word",
    "find_crime_types",
    "find_places",
    "find_subtypes",
    "load",
    "normalise",
    "note_for",
]
