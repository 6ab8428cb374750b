"""Read a question about tidy statistics files (`ingest.stats`): the measure, places, groups, periods, what is asked.

Everything matched comes from the statistics catalogue (series, places and their codes, groups, as the files print
them) and from `stats_words.toml` (everyday words keyed by those labels); periods are read by the one period reader,
`text.periods`. Whether a question is for these files at all is decided here too (`StatsAsk.routed`): it names a
place or a measure only they hold, or asks for a rate per head or a score where no performance table could answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.ingest.stats import StatsCatalogue
from assistant.text import periods
from assistant.text.dates import MONTHS
from assistant.text.normalise import normalise
from assistant.vocab.load import directions
from assistant.vocab.phrases import plural
from assistant.vocab.stats_words import StatsWords
from assistant.understand.common import PhraseMatcher

LEVEL, CHANGE, RANK, TREND = "level", "change", "rank", "trend"
READ_KINDS = (periods.FISCAL, periods.YEAR, periods.SINCE)  # the kinds of period a statistics file prints

_TREND = re.compile(r"\b(?:over time|trend\w*|each year|every year|year by year|by year|over the years|"
                    r"year on year|history|time series|each period)\b")
_RANK = re.compile(r"\b(?:which|what)\s+(?:group|type|kind|categor\w*|offence|crime)s?\b|\b(?:highest|lowest|"
                   r"biggest|largest|smallest|most common|rank\w*|breakdown|broken down|by group|by type|"
                   r"by offence|by category|(?:rose|fell|grew|increased|decreased|changed) (?:the )?most)\b")
_LOWEST = re.compile(r"\b(?:lowest|smallest|least)\b")
_BASE = re.compile(r"\b(?:since|from|compared (?:with|to)|than (?:it was )?in|between)\s*$")
_CHANGE_EXTRA = r"\b(?:chang\w*|differ\w*|compared?|since|between)\b"
_PLACE = re.compile(r"\b(?:in|for|across|at|of)\s+(?:the\s+)?([A-Z][\w'-]+(?:\s+(?:of|upon|on|and|[A-Z][\w'-]+))*)")
_COUNT = re.compile(r"\b(?:how many|number of|count of|numbers of)\b")
_MEANING = re.compile(r"\b(?:what does|what do|mean\w*|defin\w*|reflect\w*|why|how is|how are|calculat\w*|"
                      r"explain\w*|source)\b")
_NOT_PLACES = frozenset(normalise(m) for m in MONTHS) | {"q1", "q2", "q3", "q4", "the"}


@dataclass(frozen=True)
class StatsAsk:
    """The slots of a statistics question; empty ones are defaults, said in the answer."""

    text: str
    series: str = ""  # the measure named (a series' printed label)
    places: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    mentions: tuple[periods.Mention, ...] = ()  # the periods named, in order
    since: bool = False  # the first period named is the base of a change ("since 2015/16")
    intent: str = LEVEL
    lowest: bool = False  # a ranking asked for the lowest
    rising: bool | None = None  # a change question asked "gone up?" (True) or "gone down?" (False)
    unknown_place: str = ""  # "in Manchester": a place named that no statistics row lies in
    unknown_group: str = ""  # a kind of crime named that is none of the files' groups
    other_period: str = ""  # a period of a kind statistics files do not print ("March 2017")
    asks_rate: bool = False  # asks for a rate per head or a score
    asks_count: bool = False  # asks "how many" of something, and for no rate or score
    about_meaning: bool = False  # asks what a measure means or how it is made, not for a figure

    def routed(self, has_tables: bool) -> bool:
        """Whether the statistics files answer it: a place or a measure only they hold, or a rate per head or a
        score asked for with no other place named and no performance table to answer it as counts."""
        if self.places:
            return True
        if self.unknown_place or self.about_meaning:
            return False
        return bool(self.series) and not has_tables or self.asks_rate and not has_tables


class StatsReader:
    """The matchers for one statistics catalogue and its words, built once per index."""

    def __init__(self, catalogue: StatsCatalogue, words: StatsWords, other_kinds: tuple[str, ...] = ()):
        self.catalogue = catalogue
        series = {s.name: (normalise(s.name), *words.series.get(s.name, ())) for s in catalogue.series}
        groups = {g: _forms(g, words.groups.get(g, ())) for s in catalogue.series for g in s.groups}
        places = {p: (normalise(p),) for p in catalogue.places}
        for code, place in catalogue.codes.items():
            places[place] = (*places.get(place, ()), normalise(code))
        self.series, self.groups, self.places = PhraseMatcher(series), PhraseMatcher(groups), PhraseMatcher(places)
        self.asking = PhraseMatcher({"rate": words.asking})
        known = {phrase for phrases in groups.values() for phrase in phrases}
        self.other_kinds = PhraseMatcher({kind: (kind,) for kind in other_kinds if kind not in known})
        self.direction = directions()

    def read(self, question: str) -> StatsAsk:
        norm = normalise(question)
        asks_rate = bool(self.asking.take(norm)[0])
        series, norm = self.series.take(norm)
        places, norm = self.places.take(norm)
        groups, norm = self.groups.take(norm)
        unknown_group = next(iter(self.other_kinds.take(norm)[0]), "")
        found = tuple(periods.mentions(question))
        other = next((m.words for m in found if m.kind not in READ_KINDS), "")
        mentions = tuple(m for m in found if m.kind in READ_KINDS)
        since = bool(mentions) and (mentions[0].kind == periods.SINCE or bool(
            _BASE.search(question[:mentions[0].start].lower())))
        rising = self._rising(norm)
        if _TREND.search(norm):
            intent = TREND
        elif _RANK.search(norm) and len(groups) != 1:
            intent = RANK
        elif rising is not None or len(mentions) > 1 or re.search(_CHANGE_EXTRA, norm):
            intent = CHANGE
        else:
            intent = LEVEL
        return StatsAsk(question, series[0] if series else "", tuple(places), tuple(groups), mentions, since,
                        intent, bool(_LOWEST.search(norm)), rising, self._unknown_place(question, places),
                        unknown_group, other, asks_rate,
                        bool(_COUNT.search(norm)) and not asks_rate and not series,
                        bool(_MEANING.search(norm)) and not mentions and not groups)

    def _rising(self, norm: str) -> bool | None:
        if re.search(self.direction.pattern("rise", "up", "more"), norm):
            return True
        if re.search(self.direction.pattern("fall", "down", "less"), norm):
            return False
        return None

    def _unknown_place(self, question: str, places: list[str]) -> str:
        """A capitalised place after "in"/"for" that none of the files' places (or their codes) is."""
        known = {normalise(p) for p in self.catalogue.places} | {normalise(c) for c in self.catalogue.codes}
        for match in _PLACE.finditer(question):
            name = normalise(match.group(1))
            first = name.split()[0] if name else ""
            if not name or first in _NOT_PLACES or any(name.startswith(k) or k.startswith(name) for k in known):
                continue
            if self.series.take(name)[0] or self.groups.take(name)[0] or periods.mentions(match.group(1)):
                continue
            return match.group(1)
        return ""


def _forms(label: str, aliases: tuple[str, ...]) -> tuple[str, ...]:
    """A printed label as people write it: itself, its plural, and the data file's everyday words."""
    base = normalise(label)
    return tuple(dict.fromkeys((base, plural(base) if " " not in base else base, *aliases)))
