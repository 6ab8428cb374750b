"""`Vocabulary`: the matchers for places and crime types, compiled once from the data files plus the labels
the tables print.

The data (data/*.toml) is keyed by printed labels; the printed labels themselves come from the caller, so the
index's learned catalogue of areas and crime types can be passed in. Every printed label matches itself even
with no alias entry, and its words become spelling-correction targets; an alias entry keyed to a label that
is not printed is left out of the matchers and reported by `check`.

All matchers work on *normalised* text (`assistant.text.normalise.normalise`) and return `Found` spans, so the
caller can blank what it used and stop one word counting twice ("violent crime" is Violence Against the
Person, not also All Crime).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from rapidfuzz import process
from rapidfuzz.distance import OSA


from .load import VocabData, normalised
from .phrases import Found, blank, cached_matcher, matcher, phrase_table, sentence_pattern


class Vocabulary:
    """The words people use, mapped to printed labels, with the matchers compiled over them.

    Build with `Vocabulary.build(load(), areas=..., crime_types=...)`; leave a label list out to use the
    labels the data names. The attributes mirror the module-level names of `assistant.vocab` (`areas` is
    `AREAS`, `parent` is `PARENT`, ...).
    """

    @classmethod
    def build(cls, data: VocabData, areas: Iterable[str] | None = None, crime_types: Iterable[str] | None = None,
              hierarchy: Mapping[str, str | None] | None = None) -> Vocabulary:
        """The vocabulary over the printed `areas` and `crime_types` (default: the labels the data names),
        with `hierarchy` (printed row -> the row it sits under; default: hierarchy.toml)."""
        return cls(data, tuple(data.areas if areas is None else areas),
                   tuple(data.crime_types if crime_types is None else crime_types),
                   dict(data.hierarchy if hierarchy is None else hierarchy))

    def __init__(self, data: VocabData, areas: tuple[str, ...], crime_types: tuple[str, ...],
                 hierarchy: dict[str, str | None]):
        self.data = data
        self.scope = None  # the periods the tables print (`catalogued.PeriodScope`), when built for an index
        self.catalogue = None
        self._compiled: dict[str, object] = {}
        self._tables(data, areas, crime_types, hierarchy)
        self.forces = (self.force,)
        self._compile()
        self._spelling(data)

    # ------------------------------------------------------------ building

    def _tables(self, data: VocabData, areas, crime_types, hierarchy) -> None:
        """The plain tables, restricted to the printed labels and in their order."""
        self.force = data.force
        self.airport = next((name for name, area in data.areas.items() if area.kind == "policing area"), None)
        self.all_crime = data.all_crime
        self.areas = {name: data.areas[name].aliases if name in data.areas else () for name in areas}
        self.area_towns = {name: data.areas[name].towns for name in areas
                           if name in data.areas and data.areas[name].towns}
        self.table_areas = tuple(self.areas)
        # The districts: the force's table is their total, and a policing area (the airport) is not one.
        self.district_areas = tuple(a for a in self.table_areas if a not in (self.force, self.airport))
        # Real places with no table; one that a table does print is an area, not one of these.
        self.known_other_places = {alias: name for name, aliases in data.not_covered.items()
                                   if name not in self.areas for alias in aliases}
        self.crime_types = {label: data.crime_types[label].aliases if label in data.crime_types else ()
                            for label in crime_types}
        self.generic_crime_words = data.generic
        # Readings worth telling the user, keyed by the alias that was matched, with the name each note reads it
        # as: a note is told only when the alias did resolve to that name (a force that prints its own "Knife
        # Crime" row takes the phrase, and the note "read as Possession of Weapons" would then be false).
        notes = [(name, entry.notes) for name, entry in data.areas.items() if name in self.areas]
        notes += [(label, entry.notes) for label, entry in data.crime_types.items() if label in self.crime_types]
        notes.append((None, data.generic_notes))
        self.alias_notes = {normalised(alias): (name, note) for name, group in notes for alias, note in group.items()}
        # Words the tables only approximate ("serious violence" by Violence Against the Person): the documents
        # may state the thing itself, so a question naming one is tried on them before the stand-in row.
        self.stand_ins = {normalised(alias): label for label, entry in data.crime_types.items()
                          if label in self.crime_types for alias in entry.stand_in}
        # Printed rows in hierarchy order, then any printed row the hierarchy does not know, at the top level.
        printed = set(self.crime_types)
        self.parent = {child: (parent if parent in printed else None)
                       for child, parent in hierarchy.items() if child in printed}
        self.parent.update((label, None) for label in self.crime_types if label not in self.parent)
        self.children: dict[str, tuple[str, ...]] = {}
        for child, parent in self.parent.items():
            if parent is not None:
                self.children[parent] = self.children.get(parent, ()) + (child,)
        self.subtype_words = {label: data.crime_types[label].qualifiers for label in self.crime_types
                              if label in data.crime_types and data.crime_types[label].qualifiers}
        self.sentences = tuple(s for s in data.sentences if s.crime_type in printed)

    def _compile(self) -> None:
        """The regular expressions, built once: each is one alternation over every phrase of its kind."""
        self.area_phrases = phrase_table({name: (name, *aliases) for name, aliases in self.areas.items()},
                                         plurals=False)
        self.town_phrases = {normalised(t): name for name, towns in self.area_towns.items() for t in towns}
        self.other_phrases = {normalised(alias): name for alias, name in self.known_other_places.items()}
        self.place_re = matcher({**self.area_phrases, **self.town_phrases, **self.other_phrases})
        self.crime_phrases = phrase_table({name: (name, *aliases) for name, aliases in self.crime_types.items()},
                                          plurals=True)
        self.crime_re = matcher(self.crime_phrases)
        self.generic_re = matcher(self.generic_crime_words)
        # Sentences rather than phrases ("cars were stolen"), tried before the aliases.
        self.patterns = tuple((sentence_pattern(s), s.crime_type) for s in self.sentences)

    def _spelling(self, data: VocabData) -> None:
        """Spelling targets: the printed labels' words (bar `not_targets`) and spelling.toml's `targets`."""
        skip = set(data.not_targets) | set(data.targets)
        printed_words = [w for label in (*self.areas, *self.crime_types) for w in normalised(label).split()
                         if len(w) >= 5 and w.isalpha() and w not in skip]
        self.fuzzy_targets = tuple(dict.fromkeys((*printed_words, *data.targets)))
        self.common_near_misses = frozenset(data.never_correct)
        phrases = (*self.area_phrases, *self.town_phrases, *self.other_phrases, *self.crime_phrases,
                   *self.generic_crime_words)
        # Every word of every place, crime-type and sub-type phrase: a question word outside these and the
        # question words `understand` knows is a topic the tables do not hold.
        self.vocabulary_words = frozenset(
            word for phrase in (*phrases, *(normalised(w) for words in self.subtype_words.values() for w in words))
            for word in phrase.split())
        self.known_words = frozenset(self.fuzzy_targets) | self.common_near_misses | frozenset(
            word for phrase in phrases for word in phrase.split())

    def widen(self, aliases: Mapping[str, tuple[str, ...]], other_places: Mapping[str, str]) -> None:
        """Add aliases to printed areas and places that no table prints, then recompile the matchers."""
        for name, extra in aliases.items():
            self.areas[name] = tuple(dict.fromkeys((*self.areas.get(name, ()), *extra)))
        self.known_other_places.update({alias: place for alias, place in other_places.items()
                                        if normalised(alias) not in {normalised(a) for a in self.areas}})
        self._compiled.clear()
        self._compile()
        self._spelling(self.data)

    def compiled(self, key: str, build):
        """`build(self)`, made once per vocabulary: patterns other modules compile from its words (the places
        no table covers, the districts) must follow the vocabulary in force, not the one at import time."""
        if key not in self._compiled:
            self._compiled[key] = build(self)
        return self._compiled[key]

    # ------------------------------------------------------------ look-ups

    def note_for(self, alias: str, resolved_to: str | None = None) -> str | None:
        """The note for a matched alias, singular or plural ("house burglaries" has the note of "house
        burglary"), naming the all-crime row these tables print where the note says {all_crime}; None when the
        alias resolved to another name than the one its note reads it as."""
        for key in _singulars(alias):
            if key in self.alias_notes:
                name, note = self.alias_notes[key]
                if resolved_to is not None and name is not None and name != resolved_to:
                    return None
                return note.replace("{all_crime}", self.all_crime)
        return None

    def stands_in(self, alias: str, resolved_to: str) -> bool:
        """Was this alias (singular or plural) read as a row that only stands in for what it names?"""
        return any(self.stand_ins.get(key) == resolved_to for key in _singulars(alias))

    def ancestors(self, crime_type: str) -> tuple[str, ...]:
        """Parent, grandparent, ... up to the top of the hierarchy ("Shoplifting" -> Theft, Theft Offences,
        ...)."""
        chain = []
        parent = self.parent.get(crime_type)
        while parent is not None:
            chain.append(parent)
            parent = self.parent.get(parent)
        return tuple(chain)

    # ------------------------------------------------------------ matchers

    def find_places(self, norm: str) -> list[tuple[str, Found]]:
        """Every place named, in order, as ("area" | "town" | "other", hit). Towns carry their area's name."""
        found = []
        for match in self.place_re.finditer(norm):
            alias = match.group()
            if alias in self.other_phrases and alias not in self.area_phrases:
                kind, name = "other", self.other_phrases[alias]
            elif alias in self.area_phrases:
                kind, name = "area", self.area_phrases[alias]
            else:
                kind, name = "town", self.town_phrases[alias]
            found.append((kind, Found(match.start(), match.end(), name, alias)))
        return found

    def find_crime_types(self, norm: str) -> list[Found]:
        """Crime types named, in order, longest phrase winning; bare 'crime'/'offences' only if nothing else
        is."""
        found: list[Found] = []
        taken = norm
        for pattern, name in self.patterns:
            hits = [Found(m.start(), m.end(), name, m.group()) for m in pattern.finditer(taken)]
            found, taken = found + hits, blank(taken, hits)
        found += [Found(m.start(), m.end(), self.crime_phrases[m.group()], m.group())
                  for m in self.crime_re.finditer(taken)]
        if found:
            return sorted(found)
        return [Found(m.start(), m.end(), self.all_crime, m.group()) for m in self.generic_re.finditer(norm)][:1]

    def find_subtypes(self, norm: str, named) -> list[Found]:
        """Sub-rows a qualifier picks out among the children of the rows `named`, in order ("burglaries ...
        were residential" -> Burglary Residential); a found child's own children are tried next ("residential
        dwellings"). A word two candidates share ("business" under Theft Offences) picks neither."""
        found: list[Found] = []
        parents = tuple(named)
        for _ in range(2):
            candidates = tuple(child for parent in parents for child in self.children.get(parent, ()))
            hits = [Found(m.start(), m.end(), name, m.group())
                    for m, name in self.subtype_matches(norm, tuple(sorted(set(candidates))))]
            if not hits:
                break
            found += hits
            norm = blank(norm, hits)
            parents = tuple(hit.name for hit in hits)
        return sorted(found)

    def subtype_matches(self, norm: str, candidates: tuple[str, ...]):
        """(match, sub-row) for each qualifier of exactly one of `candidates` found in `norm`."""
        phrases: dict[str, set[str]] = {}
        for name in candidates:
            for word in self.subtype_words.get(name, ()):
                phrases.setdefault(normalised(word), set()).add(name)
        unique = {phrase: names.pop() for phrase, names in phrases.items() if len(names) == 1}
        if not unique:
            return []
        return [(match, unique[match.group()]) for match in cached_matcher(tuple(sorted(unique))).finditer(norm)]

    # ------------------------------------------------------------ spelling

    def correct_word(self, word: str) -> str | None:
        """The vocabulary word a misspelt token stands for ('colchster' -> 'colchester'), or None.

        Only tokens of five letters or more are tried, only within one edit (two from eight letters), a
        transposition counting as one, and only when exactly one target is that close: a tie is a guess.
        """
        if len(word) < 5 or not word.isalpha() or word in self.known_words:
            return None
        limit = max_edits(word)
        hits = process.extract(word, self.fuzzy_targets, scorer=OSA.distance, score_cutoff=limit, limit=2)
        if not hits or (len(hits) > 1 and hits[1][1] == hits[0][1]):
            return None
        best, distance, _ = hits[0]
        return best if distance <= max_edits(best) else None

    def correct_spelling(self, norm: str) -> tuple[str, tuple[tuple[str, str], ...]]:
        """Normalised text with misspelt vocabulary words fixed, and the (typed, read as) pairs for notes."""
        words, fixes = [], []
        for word in norm.split(" "):
            fixed = self.correct_word(word)
            if fixed:
                fixes.append((word, fixed))
            words.append(fixed or word)
        return " ".join(words), tuple(fixes)

    # ------------------------------------------------------------ checking the data

    def check(self, printed_areas: Iterable[str], printed_crime_types: Iterable[str]) -> list[str]:
        """Plain-English problems with this vocabulary's data against the labels the tables print: every
        entry keyed to a label no table prints (it is left out of the matchers, so its words do nothing)."""
        areas, crimes, data = set(printed_areas), set(printed_crime_types), self.data
        problems = [f'places.toml: the area "{name}" has {_what(aliases=a.aliases, towns=a.towns, notes=a.notes)}, '
                    f'but no table prints an area called "{name}"' for name, a in data.areas.items()
                    if name not in areas]
        problems += [f'places.toml: "{name}" is listed under not_covered (a place with no table), but a table '
                     f'prints it' for name in data.not_covered if name in areas]
        problems += [f'crime_types.toml: the crime type "{label}" has '
                     f'{_what(aliases=c.aliases, qualifiers=c.qualifiers, notes=c.notes)}, but no table prints '
                     f'a row called "{label}"' for label, c in data.crime_types.items() if label not in crimes]
        if data.all_crime not in crimes:
            problems.append(f'crime_words.toml: all_crime is "{data.all_crime}", but no table prints a row called '
                            f'that, so the bare word "crime" names nothing')
        problems += [f'crime_words.toml: sentence {i + 1} (about "{s.things[0]}") names the crime type '
                     f'"{s.crime_type}", but no table prints a row called that'
                     for i, s in enumerate(data.sentences) if s.crime_type not in crimes]
        for child, parent in data.hierarchy.items():
            where = "at the top" if parent is None else f'under "{parent}"'
            problems += [f'hierarchy.toml: "{child}" sits {where}, but no table prints a row called "{label}"'
                         for label in (child, parent) if label is not None and label not in crimes]
        return problems


def max_edits(word: str) -> int:
    """How many edits a word of this length may be from its correction."""
    return 1 if len(word) < 8 else 2


def _what(**parts) -> str:
    """What an entry gives ("aliases and towns"), for `check`'s messages."""
    return " and ".join(name for name, present in parts.items() if present) or "an empty entry"


def _singulars(alias: str) -> tuple[str, ...]:
    """The alias as matched and the singulars its plural may stand for ("house burglaries" -> "house burglary"),
    the keys its note and stand-in are listed under."""
    return alias, alias.removesuffix("s"), alias.removesuffix("es"), re.sub(r"ies$", "y", alias)
