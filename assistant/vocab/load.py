"""Read and validate the vocabulary data files (`data/*.toml`).

The words people use live in TOML that a non-programmer edits, so a mistake there must fail at start-up with
a message naming the file and the key, not surface later as a question quietly read wrong. This module only
reads and checks the files; `Vocabulary` (vocabulary.py) turns the result into matchers.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from assistant.text.normalise import normalise


@cache
def normalised(phrase: str) -> str:
    """`normalise` for the data's own phrases and the printed labels, each worked out once per process: checking
    the files and compiling a vocabulary normalise the same few thousand phrases several times over (a third of
    the time a new process took to make its vocabulary). Never for a question's text: the cache would grow."""
    return normalise(phrase)


FILES = ("places.toml", "crime_types.toml", "crime_words.toml", "hierarchy.toml", "spelling.toml")
AREA_KINDS = ("force", "district", "policing area")


class VocabDataError(ValueError):
    """A data file is missing, is not valid TOML, or holds a value of the wrong shape."""


@dataclass(frozen=True)
class Area:
    """One printed area's entry in places.toml."""

    kind: str
    aliases: tuple[str, ...]
    towns: tuple[str, ...]
    notes: dict[str, str]


@dataclass(frozen=True)
class CrimeType:
    """One printed crime-type row's entry in crime_types.toml."""

    aliases: tuple[str, ...]
    qualifiers: tuple[str, ...]
    notes: dict[str, str]
    name: str = ""  # how the row reads inside a sentence, when its lower-cased label reads badly
    unit: str = ""  # what a count of the row counts, when "<name> offences" would be wrong
    stand_in: tuple[str, ...] = ()  # aliases naming something the row only stands in for ("knife crime")


@dataclass(frozen=True)
class Sentence:
    """A sentence shape naming a crime type ("cars were stolen"); see the header of crime_words.toml."""

    crime_type: str
    things: tuple[str, ...]
    then: tuple[str, ...] = ()
    words: tuple[str, ...] = ()
    joined_by: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()


@dataclass(frozen=True)
class VocabData:
    """Everything the data files say, keyed by printed labels, in file order (order is meaningful: see
    hierarchy.toml and the sentences in crime_words.toml)."""

    areas: dict[str, Area]
    not_covered: dict[str, tuple[str, ...]]
    crime_types: dict[str, CrimeType]
    all_crime: str
    generic: tuple[str, ...]
    generic_notes: dict[str, str]
    sentences: tuple[Sentence, ...]
    hierarchy: dict[str, str | None]
    targets: tuple[str, ...]
    not_targets: tuple[str, ...]
    never_correct: tuple[str, ...]

    @property
    def force(self) -> str:
        return next(name for name, area in self.areas.items() if area.kind == "force")

    @property
    def area_kinds(self) -> dict[str, str]:
        """Area -> "force", "district" or "policing area", for ingestion's catalogue (which cannot tell a
        policing area from a district by the numbers)."""
        return {name: area.kind for name, area in self.areas.items()}


def default_directory():
    """The data shipped inside the package (a Traversable, so it works from a wheel too)."""
    return resources.files(__package__).joinpath("data")


def load(directory: Path | str | None = None) -> VocabData:
    """Read and validate every data file in `directory` (default: the package's own data, read once per
    process: the import, every engine and every build share it; nothing mutates it)."""
    if directory is None:
        return _shipped()
    return _load(Path(directory))


@lru_cache(maxsize=1)
def _shipped() -> VocabData:
    return _load(default_directory())


def _load(root) -> VocabData:
    raw = {name: _read(root, name) for name in FILES}
    places, crimes, words, hierarchy, spelling = (_File(name, raw[name]) for name in FILES)
    data = VocabData(
        areas=_areas(places),
        not_covered={name: places.words(f"not_covered.{key(name)}", value)
                     for name, value in places.table("not_covered", places.get("not_covered", {})).items()},
        crime_types={label: _crime_type(crimes, label, value) for label, value in crimes.doc.items()},
        all_crime=words.text("all_crime", words.get("all_crime")),
        generic=words.words("generic", words.get("generic")),
        generic_notes=_notes(words, "notes", words.get("notes", {})),
        sentences=tuple(_sentence(words, f"sentences[{i}]", value)
                        for i, value in enumerate(words.array("sentences", words.get("sentences", [])))),
        hierarchy={child: hierarchy.text(f"parent.{key(child)}", parent, empty=True) or None
                   for child, parent in hierarchy.table("parent", hierarchy.get("parent")).items()},
        targets=spelling.words("targets", spelling.get("targets")),
        not_targets=spelling.words("not_targets", spelling.get("not_targets", [])),
        never_correct=spelling.words("never_correct", spelling.get("never_correct", [])),
    )
    places.allow_keys({"areas", "not_covered"})
    words.allow_keys({"all_crime", "generic", "notes", "sentences"})
    hierarchy.allow_keys({"parent"})
    spelling.allow_keys({"targets", "not_targets", "never_correct"})
    _check_consistent(data)
    return data


def _read(root, name: str) -> dict[str, Any]:
    path = root.joinpath(name)
    try:
        return tomllib.loads(path.read_bytes().decode("utf-8"))
    except FileNotFoundError:
        raise VocabDataError(f"{name}: the vocabulary data file is missing (looked in {root})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise VocabDataError(f"{name}: not valid TOML: {error}") from None


class _File:
    """One parsed file, with checks that name the file and the key in their error messages."""

    def __init__(self, name: str, doc: dict[str, Any]):
        self.name, self.doc = name, doc

    def fail(self, key: str, problem: str):
        raise VocabDataError(f"{self.name}: {key}: {problem}")

    def get(self, key: str, default: Any = None) -> Any:
        if key not in self.doc and default is None:
            self.fail(key, "missing")
        return self.doc.get(key, default)

    def allow_keys(self, allowed: set[str], doc: dict | None = None, where: str = "") -> None:
        for key in (self.doc if doc is None else doc):
            if key not in allowed:
                self.fail(f"{where}{key}", f"unknown key (expected one of: {', '.join(sorted(allowed))})")

    def table(self, key: str, value: Any) -> dict[str, Any]:
        if not isinstance(value, dict):
            self.fail(key, f"expected a table, got {value!r}")
        return value

    def array(self, key: str, value: Any) -> list:
        if not isinstance(value, list):
            self.fail(key, f"expected a list, got {value!r}")
        return value

    def text(self, key: str, value: Any, empty: bool = False) -> str:
        if not isinstance(value, str) or not (empty or value.strip()):
            self.fail(key, f"expected a non-empty text in quotes, got {value!r}")
        return value

    def words(self, key: str, value: Any) -> tuple[str, ...]:
        """A list of phrases, each written as the matcher sees a question (so code that reads the data, like
        ingestion's misprint check, can compare normalised text with it directly)."""
        items = self.array(key, value)
        for i, item in enumerate(items):
            self.phrase(f"{key}[{i}]", item)
        return tuple(items)

    def phrase(self, key: str, item: Any) -> str:
        if not isinstance(item, str) or not normalised(item):
            self.fail(key, f"expected a word or phrase in quotes, got {item!r}")
        if normalised(item) != item:
            self.fail(key, f"write {item!r} as {normalised(item)!r}: lower case, punctuation as spaces")
        return item


def key(name: str) -> str:
    """A table name as TOML writes it: bare if it can be, else in quotes ("Castle Point")."""
    return name if name.replace("_", "").replace("-", "").isalnum() and name.isascii() else f'"{name}"'


def _areas(file: _File) -> dict[str, Area]:
    areas = {}
    for name, value in file.table("areas", file.get("areas")).items():
        where = f"areas.{key(name)}"
        entry = file.table(where, value)
        file.allow_keys({"kind", "aliases", "towns", "notes"}, entry, f"{where}.")
        kind = file.text(f"{where}.kind", entry.get("kind"))
        if kind not in AREA_KINDS:
            file.fail(f"{where}.kind", f"{kind!r} is not one of {', '.join(map(repr, AREA_KINDS))}")
        areas[name] = Area(kind, file.words(f"{where}.aliases", entry.get("aliases", [])),
                           file.words(f"{where}.towns", entry.get("towns", [])),
                           _notes(file, f"{where}.notes", entry.get("notes", {})))
    forces = [name for name, area in areas.items() if area.kind == "force"]
    if len(forces) != 1:
        file.fail("areas", f"exactly one area must have kind = \"force\", found {len(forces)}: {forces}")
    return areas


def _crime_type(file: _File, label: str, value: Any) -> CrimeType:
    where = key(label)
    entry = file.table(where, value)
    file.allow_keys({"aliases", "qualifiers", "notes", "name", "unit", "stand_in"}, entry, f"{where}.")
    return CrimeType(file.words(f"{where}.aliases", entry.get("aliases", [])),
                     file.words(f"{where}.qualifiers", entry.get("qualifiers", [])),
                     _notes(file, f"{where}.notes", entry.get("notes", {})),
                     file.text(f"{where}.name", entry.get("name", ""), empty=True),
                     file.text(f"{where}.unit", entry.get("unit", ""), empty=True),
                     file.words(f"{where}.stand_in", entry.get("stand_in", [])))


def _notes(file: _File, where: str, value: Any) -> dict[str, str]:
    return {file.phrase(f"{where}.{key(alias)}", alias): file.text(f"{where}.{key(alias)}", note)
            for alias, note in file.table(where, value).items()}


def _sentence(file: _File, where: str, value: Any) -> Sentence:
    entry = file.table(where, value)
    file.allow_keys({"crime_type", "things", "then", "words", "joined_by", "optional"}, entry, f"{where}.")
    lists = {key: file.words(f"{where}.{key}", entry.get(key, [])) for key in
             ("things", "then", "words", "joined_by", "optional")}
    if not lists["things"]:
        file.fail(f"{where}.things", "missing: a sentence needs the things it is about")
    if bool(lists["then"]) == bool(lists["words"] or lists["joined_by"]):
        file.fail(where, "give either `then` (thing first) or `words` and `joined_by` (word first), not both")
    if lists["words"] and not lists["joined_by"] or lists["joined_by"] and not lists["words"]:
        file.fail(where, "a word-first sentence needs both `words` and `joined_by`")
    if lists["optional"] and not lists["words"]:
        file.fail(f"{where}.optional", "only a word-first sentence has optional words")
    return Sentence(file.text(f"{where}.crime_type", entry.get("crime_type")), **lists)


def _check_consistent(data: VocabData) -> None:
    """Cross-entry rules: no phrase claimed twice, notes on real aliases, a hierarchy without loops."""
    _no_duplicates("places.toml", [
        *((normalised(a), f"areas.{key(name)}") for name, area in data.areas.items() for a in (name, *area.aliases)),
        *((normalised(t), f"areas.{key(name)}.towns") for name, area in data.areas.items() for t in area.towns),
        *((normalised(a), f"not_covered.{key(name)}") for name, aliases in data.not_covered.items()
          for a in aliases)])
    _no_duplicates("crime_types.toml", [(normalised(a), key(label)) for label, entry in data.crime_types.items()
                                        for a in (label, *entry.aliases)])
    for name, area in data.areas.items():
        _notes_on_aliases("places.toml", f"areas.{key(name)}.notes", area.notes, (name, *area.aliases))
    for label, entry in data.crime_types.items():
        _notes_on_aliases("crime_types.toml", f"{key(label)}.notes", entry.notes, (label, *entry.aliases))
        _notes_on_aliases("crime_types.toml", f"{key(label)}.stand_in", dict.fromkeys(entry.stand_in, ""),
                          entry.aliases, "it would never be matched")
        for alias in entry.stand_in:
            if alias not in entry.notes:
                raise VocabDataError(f"crime_types.toml: {key(label)}.stand_in: {alias!r} has no note, so an answer "
                                     f"from the row would not say it only stands in for {alias!r}")
    _notes_on_aliases("crime_words.toml", "notes", data.generic_notes, data.generic)
    for child, parent in data.hierarchy.items():
        if parent is not None and parent not in data.hierarchy:
            raise VocabDataError(f"hierarchy.toml: parent.{key(child)}: its parent {parent!r} is not a row listed "
                                 f"in the file")
        seen = {child}
        while parent is not None:
            if parent in seen:
                raise VocabDataError(f"hierarchy.toml: parent.{key(child)}: the rows form a loop through {parent!r}")
            seen.add(parent)
            parent = data.hierarchy[parent]
    for i, word in enumerate(data.targets):
        if not (word.isalpha() and word.islower() and len(word) >= 5):
            raise VocabDataError(f"spelling.toml: targets[{i}]: {word!r} is not one lower-case word of five "
                                 f"letters or more")


def _no_duplicates(file: str, pairs: list[tuple[str, str]]) -> None:
    owner: dict[str, str] = {}
    for phrase, where in pairs:
        if owner.setdefault(phrase, where) != where:
            raise VocabDataError(f"{file}: {where}: {phrase!r} is also listed under {owner[phrase]}; a phrase "
                                 f"can name only one thing")


def _notes_on_aliases(file: str, where: str, notes: dict[str, str], aliases,
                      why: str = "the note would never show") -> None:
    known = {normalised(a) for a in aliases}
    for alias in notes:
        if normalised(alias) not in known:
            raise VocabDataError(f"{file}: {where}.{key(alias)}: {alias!r} is not one of the aliases listed there, so "
                                 f"{why}")


def _pattern_groups(file: _File, names: tuple[str, ...], empty: bool = False) -> dict[str, tuple[str, ...]]:
    """Groups of regular expressions, each table `[name] words = [...]`: every word must compile, so a bad pattern
    is named with its file and place at load, not met as an error in the middle of a question."""
    groups = {}
    for name in names:
        entry = file.table(name, file.get(name))
        file.allow_keys({"words"}, entry, f"{name}.")
        words = tuple(file.text(f"{name}.words[{i}]", word, empty=empty)
                      for i, word in enumerate(file.array(f"{name}.words", entry.get("words"))))
        for i, word in enumerate(words):
            try:
                re.compile(word)
            except re.error as error:
                file.fail(f"{name}.words[{i}]", f"not a valid pattern: {error}")
        groups[name] = words
    return groups


DIRECTION_GROUPS = ("rise", "fall", "up", "down", "more", "less", "better", "worse", "unchanged")


@dataclass(frozen=True)
class Directions:
    """The words of change (data/directions.toml), one vocabulary for questions, table answers and claims."""

    groups: dict[str, tuple[str, ...]]  # group name -> patterns, each matched as a whole word or phrase
    multiples: dict[str, float]  # "doubled" -> 100.0: the percentage change a multiple stands for

    def pattern(self, *names: str) -> str:
        """One regular expression for any word of the named groups, as whole words."""
        return r"\b(?:" + "|".join(word for name in names for word in self.groups[name]) + r")\b"


@lru_cache(maxsize=1)
def directions() -> Directions:
    """Read and check directions.toml (once per process): each group's patterns must compile."""
    file = _File("directions.toml", _read(default_directory(), "directions.toml"))
    file.allow_keys({*DIRECTION_GROUPS, "multiples"})
    groups = _pattern_groups(file, DIRECTION_GROUPS)
    multiples = {}
    for word, value in file.table("multiples", file.get("multiples")).items():
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            file.fail(f"multiples.{key(word)}", f"expected a number, got {value!r}")
        multiples[word] = float(value)
    return Directions(groups, multiples)


EDITION_GROUPS = ("edition", "after_month", "earlier", "latest", "calendar_year", "financial_parts")


@lru_cache(maxsize=1)
def edition_words() -> dict[str, str]:
    """Read and check edition_words.toml (once per process): for each group, one pattern matching any of its
    words as whole words; each word must compile."""
    file = _File("edition_words.toml", _read(default_directory(), "edition_words.toml"))
    file.allow_keys(set(EDITION_GROUPS))
    return {name: r"\b(?:" + "|".join(words) + r")\b" for name, words in _pattern_groups(file, EDITION_GROUPS).items()}


ORGANISATION_GROUPS = ("bodies", "after_force", "before_force", "after_before_force")


@lru_cache(maxsize=1)
def organisation_words() -> dict[str, tuple[str, ...]]:
    """Read and check organisations.toml (once per process): each group's patterns must compile."""
    file = _File("organisations.toml", _read(default_directory(), "organisations.toml"))
    file.allow_keys(set(ORGANISATION_GROUPS))
    return _pattern_groups(file, ORGANISATION_GROUPS, empty=True)
