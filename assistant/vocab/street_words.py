"""The words people use for police.uk crime types and outcomes (`data/street_crime_words.toml`).

Kept apart from the performance tables' vocabulary because police.uk prints its own labels ("Bicycle
theft", not "Theft of Pedal Cycles"). Entries are keyed by printed labels and checked against the labels the
street files hold (`unlearned`), so a typo in the data file is reported at build, not silently ignored.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from assistant.text.normalise import normalise

FILE = "street_crime_words.toml"


@dataclass(frozen=True)
class StreetWords:
    """label -> normalised everyday phrases, for crime types and for outcome categories."""

    crime_types: dict[str, tuple[str, ...]]
    outcomes: dict[str, tuple[str, ...]]


@lru_cache(maxsize=1)
def load() -> StreetWords:
    data = tomllib.loads(resources.files("assistant.vocab").joinpath("data", FILE).read_text(encoding="utf-8"))

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

    return StreetWords(section("crime_types"), section("outcomes"))


def unlearned(words: StreetWords, catalogue) -> list[str]:
    """Entries naming a label the street files do not print (nothing when the corpus has no street files)."""
    if not catalogue.crime_types:
        return []
    problems = [f"{FILE} lists the crime type {label!r}, which no police.uk street file prints"
                for label in words.crime_types if label not in catalogue.crime_types]
    problems += [f"{FILE} lists the outcome {label!r}, which no police.uk street file prints"
                 for label in words.outcomes if label not in catalogue.outcomes]
    return problems
