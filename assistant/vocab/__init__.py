"""The words people use for places and crime types, mapped to the labels the performance tables print.

The words are data (data/*.toml, keyed by printed labels, readable and editable without Python); this package
only reads them (`load`) and compiles matchers over them plus the printed labels (`Vocabulary`). Nothing about
one corpus belongs in the code: a new corpus needs new data files, and a printed label with no alias entry
still works by its printed name.

The module-level names below are the default vocabulary (the data's own labels), kept so that the rest of the
assistant reads `vocab.find_places(...)`, `vocab.PARENT` and so on unchanged. Code that knows the index's
learned catalogue of labels builds its own with `Vocabulary.build(load(), areas=..., crime_types=...)`.
"""

from __future__ import annotations

from assistant.text.normalise import normalise

from . import phrases as _phrases
from .load import VocabData, VocabDataError, load
from .phrases import Found, blank
from .vocabulary import Vocabulary, max_edits

DEFAULT = Vocabulary.build(load())

FORCE: str = DEFAULT.force
AIRPORT: str | None = DEFAULT.airport
ALL_CRIME: str = DEFAULT.all_crime
# Printed area -> the names people give that whole area.
AREAS: dict[str, tuple[str, ...]] = DEFAULT.areas
# Towns inside an area: answered from that area's table, with a note saying so.
AREA_TOWNS: dict[str, tuple[str, ...]] = DEFAULT.area_towns
TABLE_AREAS: tuple[str, ...] = DEFAULT.table_areas
# The local authority districts: the force table is their total and the airport is a policing area.
DISTRICT_AREAS: tuple[str, ...] = DEFAULT.district_areas
# Real places with no table (alias -> name): naming one must give "not found", never a figure.
KNOWN_OTHER_PLACES: dict[str, str] = DEFAULT.known_other_places
# Printed row label -> the everyday words for it (plurals are added when matching).
CRIME_TYPES: dict[str, tuple[str, ...]] = DEFAULT.crime_types
# Bare words that mean all crime only when no more specific crime type is named.
GENERIC_CRIME_WORDS: tuple[str, ...] = DEFAULT.generic_crime_words
ALIAS_NOTES: dict[str, str] = DEFAULT.alias_notes
# Immediate parent of each row in the printed hierarchy; None for the top level and the cross-cutting rows.
PARENT: dict[str, str | None] = DEFAULT.parent
# Each row's children, in the order the tables print them.
CHILDREN: dict[str, tuple[str, ...]] = DEFAULT.children
SUBTYPE_WORDS: dict[str, tuple[str, ...]] = DEFAULT.subtype_words
COMMON_NEAR_MISSES: frozenset[str] = DEFAULT.common_near_misses
VOCABULARY_WORDS: frozenset[str] = DEFAULT.vocabulary_words

note_for = DEFAULT.note_for
ancestors = DEFAULT.ancestors
find_places = DEFAULT.find_places
find_crime_types = DEFAULT.find_crime_types
find_subtypes = DEFAULT.find_subtypes
correct_word = DEFAULT.correct_word
correct_spelling = DEFAULT.correct_spelling
check = DEFAULT.check

# The compiled internals, under the names they had when this was one module (tests and tools poke at them).
_FUZZY_TARGETS: tuple[str, ...] = DEFAULT.fuzzy_targets
_KNOWN_WORDS: frozenset[str] = DEFAULT.known_words
_AREA_PHRASES: dict[str, str] = DEFAULT.area_phrases
_TOWN_PHRASES: dict[str, str] = DEFAULT.town_phrases
_OTHER_PHRASES: dict[str, str] = DEFAULT.other_phrases
_CRIME_PHRASES: dict[str, str] = DEFAULT.crime_phrases
_PLACE_RE = DEFAULT.place_re
_CRIME_RE = DEFAULT.crime_re
_GENERIC_RE = DEFAULT.generic_re
_PATTERNS = DEFAULT.patterns
_subtype_matches = DEFAULT.subtype_matches
_subtype_matcher = _phrases.cached_matcher
_matcher = _phrases.matcher
_phrase_table = _phrases.phrase_table
_plural = _phrases.plural
_pluralisable = _phrases.pluralisable
_with_plurals = _phrases.with_plurals
_max_edits = max_edits

__all__ = [
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
