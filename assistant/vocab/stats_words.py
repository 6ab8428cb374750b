"""The words people use for tidy statistics files' measures and groups (`data/stats_words.toml`).

Kept apart from the performance tables' and police.uk's vocabularies because statistics files print their own
labels ("Offence rate", "Violence against the person"). Entries are keyed by printed labels and checked against
the labels the files hold (`unlearned`), so a typo in the data file is reported at build, not silently ignored.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from assistant.text.normalise import normalise

FILE = "stats_words.toml"


@dataclass(frozen=True)
class StatsWords:
    series: dict[str, tuple[str, ...]]  # printed series label -> normalised everyday phrases
    units: dict[str, str]  # printed series label -> how its figures read ("offences per 1,000 people")
    groups: dict[str, tuple[str, ...]]  # printed group label -> normalised everyday phrases
    asking: tuple[str, ...]  # phrases asking for a rate per head or a score


def _phrases(where: str, value) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(a, str) for a in value):
        raise ValueError(f"{FILE}: {where} must be a list of texts")
    return tuple(dict.fromkeys(normalise(a) for a in value if normalise(a)))


@lru_cache(maxsize=1)
def load() -> StatsWords:
    data = tomllib.loads(resources.files("assistant.vocab").joinpath("data", FILE).read_text(encoding="utf-8"))
    series = {label: _phrases(f"series.{label!r}.aliases", entry.get("aliases", []))
              for label, entry in data.get("series", {}).items()}
    units = {label: str(entry["unit"]) for label, entry in data.get("series", {}).items() if "unit" in entry}
    groups = {label: _phrases(f"groups.{label!r}.aliases", entry.get("aliases", []))
              for label, entry in data.get("groups", {}).items()}
    return StatsWords(series, units, groups, _phrases("asking.rate", data.get("asking", {}).get("rate", [])))


def unlearned(catalogue, words: StatsWords | None = None) -> list[str]:
    """Entries naming a label no statistics file prints (nothing when the corpus has no statistics files)."""
    words = words or load()
    if not catalogue.series:
        return []
    names = {s.name for s in catalogue.series}
    groups = {g for s in catalogue.series for g in s.groups}
    return [f"{FILE} lists the measure {label!r}, which no statistics file prints" for label in words.series
            if label not in names] + [f"{FILE} lists the group {label!r}, which no statistics file prints"
                                      for label in words.groups if label not in groups]
