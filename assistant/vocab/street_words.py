"""The words people use for police.uk crime types and outcomes (`data/street_crime_words.toml`), and for the
outcomes and stop-and-search files' kinds, columns and labels (`data/street_event_words.toml`).

Kept apart from the performance tables' vocabulary because police.uk prints its own labels ("Bicycle
theft", not "Theft of Pedal Cycles"). Entries are keyed by printed labels and checked against the labels the
street files hold (`unlearned`), so a typo in the data file is reported at build, not silently ignored.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from assistant.text.normalise import normalise

FILE = "street_crime_words.toml"
EVENTS_FILE = "street_event_words.toml"


@dataclass(frozen=True)
class StreetWords:
    """label -> normalised everyday phrases, for crime types and for outcome categories."""

    crime_types: dict[str, tuple[str, ...]]
    outcomes: dict[str, tuple[str, ...]]
    kinds: dict[str, tuple[str, ...]] = field(default_factory=dict)  # file kind -> phrases naming it
    columns: dict[str, tuple[str, ...]] = field(default_factory=dict)  # column -> phrases asking "by" it
    labels: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)  # column -> label -> phrases
    by_month: tuple[str, ...] = ()  # phrases asking for counts month by month


def _phrases(where: str, value) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(a, str) for a in value):
        raise ValueError(f"{where} must be a list of texts")
    return tuple(dict.fromkeys(normalise(a) for a in value if normalise(a)))


def _read(name: str) -> dict:
    return tomllib.loads(resources.files("assistant.vocab").joinpath("data", name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def load() -> StreetWords:
    data = _read(FILE)
    events = _read(EVENTS_FILE)

    def section(name: str) -> dict[str, tuple[str, ...]]:
        entries = data.get(name, {})
        if not isinstance(entries, dict):
            raise ValueError(f"{FILE}: [{name}] must be a table of labels")
        out = {}
        for label, entry in entries.items():
            aliases = entry.get("aliases", []) if isinstance(entry, dict) else None
            if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
                raise ValueError(f"{FILE}: {name}.{label!r} needs 'aliases', a list of texts")
            out[label] = tuple(dict.fromkeys(normalise(a) for a in aliases if normalise(a)))
        return out

    kinds = {kind: _phrases(f"{EVENTS_FILE}: kinds.{kind}.phrases", entry.get("phrases"))
             for kind, entry in events.get("kinds", {}).items()}
    columns = {column: _phrases(f"{EVENTS_FILE}: columns.{column!r}", value)
               for column, value in events.get("columns", {}).items()}
    labels = {column: {label: _phrases(f"{EVENTS_FILE}: labels.{column!r}.{label!r}", value)
                       for label, value in entries.items()}
              for column, entries in events.get("labels", {}).items()}
    by_month = _phrases(f"{EVENTS_FILE}: months.phrases", events.get("months", {}).get("phrases", []))
    return StreetWords(section("crime_types"), section("outcomes"), kinds, columns, labels, by_month)


def unlearned(words: StreetWords, catalogue) -> list[str]:
    """Entries naming a label the street files do not print (nothing when the corpus has no street files)."""
    if not catalogue.crime_types:
        return []
    problems = [f"{FILE} lists the crime type {label!r}, which no police.uk street file prints"
                for label in words.crime_types if label not in catalogue.crime_types]
    problems += [f"{FILE} lists the outcome {label!r}, which no police.uk street file prints"
                 for label in words.outcomes if label not in catalogue.outcomes]
    return problems + _unlearned_events(words, catalogue)


def _unlearned_events(words: StreetWords, catalogue) -> list[str]:
    """Columns and labels of the events data file that no outcomes or stop-and-search file held prints."""
    if not catalogue.events:
        return []
    printed: dict[str, set[str]] = {}
    for events in catalogue.events.values():
        for column, labels in events.labels.items():
            printed.setdefault(column, set()).update(labels)
    problems = [f"{EVENTS_FILE} names the column {column!r}, which no police.uk outcomes or stop-and-search "
                "file has" for column in {*words.columns, *words.labels} if column not in printed]
    problems += [f"{EVENTS_FILE} lists the {column} {label!r}, which no police.uk file prints"
                 for column, labels in words.labels.items() if column in printed
                 for label in labels if label not in printed[column]]
    return problems
