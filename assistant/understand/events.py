"""Read a question about police.uk's outcomes or stop-and-search files: which kind, which labels, what is asked.

A question is for one of these files when it uses a phrase that names the kind ("stop and search", "outcomes
recorded", from `street_event_words.toml`) or, for outcomes, names an outcome only the outcomes files print
("charged": "Suspect charged" is never a street file's last outcome). Everything else stays with the street
files, so "how many crimes are still under investigation?" keeps reading each crime's last outcome.

Labels are matched by their printed names and by the data file's everyday words; a printed label of the form
"Group - Detail (Code)" (self-defined ethnicity) also answers to its group ("Black or Black British") and its
detail ("African"), its group standing for every label in it. Where a label's words sit in the question
matters for a share: the label named last is what is counted, the others make the base ("what share of
searches for drugs ended in arrest?": arrests among drug searches).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.ingest.events import OUTCOME_TYPE, EventCatalogue
from assistant.ingest.readers.policeuk import OUTCOMES
from assistant.text.normalise import normalise
from assistant.vocab.street_words import StreetWords

BY_MONTH = "month"  # `EventSlots.by` for counts month by month (the tidy frame's month column)
_SHARE = re.compile(r"\b(?:share|proportion|percentage|per ?cent|fraction|what part|rate)\b")
_BY = re.compile(r"\b(?:by|broken down|breakdown|split|each|per|for every)\b")
_TOP = re.compile(r"\b(?:most|commonest|biggest|largest|highest|main|top|least|fewest)\b")
_FEWEST = re.compile(r"\b(?:least|fewest|lowest|smallest)\b")
# Printed labels that are plain English words a question uses for other things ("any other", "true").
_PLAIN_LABELS = frozenset({"other", "true", "false", "none", "yes", "no", "not stated", "unknown"})
_GROUPED = re.compile(r"^(?P<group>.+?) - (?P<detail>.+?)(?: \((?P<code>[A-Z0-9]+)\))?$")


@dataclass(frozen=True)
class EventSlots:
    """What a question asks of one kind of file: labels to count under, a column to count by, a share."""

    kind: str
    where: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (column, labels), in the order the question names them
    by: str = ""  # a column the counts are broken down by ("by ethnicity"), or the one ranked ("most common")
    top: bool = False  # only the largest (or, with `fewest`, the smallest) of `by`
    fewest: bool = False
    share: bool = False  # the last label's count as a share of the others'
    named: bool = False  # the kind was named by a phrase (a strong sign the question is for these files)


def _forms(column: str, label: str, words: StreetWords) -> list[tuple[str, tuple[str, ...]]]:
    """(phrase, labels it stands for) for one printed label: its name, plural, parts and everyday words."""
    own = normalise(label)
    phrases = [] if own in _PLAIN_LABELS else [own, own + "s"]
    phrases += list(words.labels.get(column, {}).get(label, ()))
    if column == OUTCOME_TYPE:  # the street files' everyday words for an outcome police.uk prints in both
        phrases += list(words.outcomes.get(label, ()))
    out = [(p, (label,)) for p in phrases]
    grouped = _GROUPED.match(label)
    if grouped and normalise(grouped["detail"]) not in _PLAIN_LABELS:
        out.append((normalise(grouped["detail"]), (label,)))
    return out


class EventMatcher:
    """Every label phrase of one kind's columns in one alternation (longest first), compiled once. A phrase
    two columns share ("black": officer- or self-defined ethnicity) goes to the column the question names."""

    def __init__(self, catalogue: EventCatalogue, words: StreetWords):
        self.owners: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for column, labels in catalogue.labels.items():
            groups: dict[str, list[str]] = {}
            for label in labels:
                for phrase, stands in _forms(column, label, words):
                    self._own(phrase, column, stands)
                grouped = _GROUPED.match(label)
                if grouped:
                    groups.setdefault(normalise(grouped["group"]), []).append(label)
            for group, members in groups.items():
                for phrase in (group, group.split()[0]):
                    self._own(phrase, column, tuple(members))
        self.columns = {phrase: column for column in catalogue.labels
                        for phrase in (*words.columns.get(column, ()), normalise(column)) if phrase}
        self.columns.update(dict.fromkeys(words.by_month, BY_MONTH))
        self.labels = _alternation(self.owners)
        self.column_words = _alternation(self.columns)
        self.kind_words = _alternation(dict.fromkeys(words.kinds.get(catalogue.kind, ())))

    def _own(self, phrase: str, column: str, labels: tuple[str, ...]) -> None:
        owners = self.owners.setdefault(phrase, [])
        if all(owner_column != column for owner_column, _ in owners):
            owners.append((column, labels))

    def read(self, text: str) -> tuple[list[tuple[int, str, tuple[str, ...]]], list[tuple[int, str]], str]:
        """(position, column, labels) found, (position, column) asked "by", and `text` with labels blanked."""
        found: list[tuple[int, str, tuple[str, ...]]] = []
        named = {self.columns[m.group()] for m in self.column_words.finditer(text)} if self.column_words else set()

        def take(match: re.Match) -> str:
            owners = self.owners[match.group()]
            # "self-defined Asian people": no self-defined label is "asian people", but its word "asian" is one
            words = [o for word in match.group().split() for o in self.owners.get(word, ())]
            found.append((match.start(), *next((o for o in (*owners, *words) if o[0] in named), owners[0])))
            return " " * len(match.group())
        if self.labels is not None:
            text = self.labels.sub(take, text)
        by = [(m.start(), self.columns[m.group()]) for m in self.column_words.finditer(text)] \
            if self.column_words is not None else []
        return found, by, text


def _alternation(phrases: dict) -> re.Pattern | None:
    if not phrases:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True)) + r")\b")


_MATCHERS: dict[int, tuple] = {}


def _matcher(events: EventCatalogue, words: StreetWords) -> EventMatcher:
    key = id(events)
    if key not in _MATCHERS or _MATCHERS[key][0] is not events:
        if len(_MATCHERS) > 8:
            _MATCHERS.clear()
        _MATCHERS[key] = (events, EventMatcher(events, words))
    return _MATCHERS[key][1]


def kind_named(text: str, events: dict[str, EventCatalogue], words: StreetWords) -> str:
    """The kind of file a normalised question names by a phrase ("" when none)."""
    for kind, catalogue in events.items():
        pattern = _matcher(catalogue, words).kind_words
        if pattern is not None and pattern.search(text):
            return kind
    return ""


def read(text: str, events: dict[str, EventCatalogue], words: StreetWords, street_outcomes: tuple[str, ...],
         carried: str = "") -> tuple[EventSlots | None, str]:
    """The slots of a question for an outcomes or stop-and-search file (None: it is for the street files), and
    the normalised text with what was read blanked, for the street reader to read months and places from.
    `carried` is the kind the previous turn asked about: a follow-up naming one of its labels stays with it."""
    kind = kind_named(text, events, words)
    named = bool(kind)
    if not kind and carried in events:
        found, by, _ = _matcher(events[carried], words).read(text)
        kind = carried if found or by else ""
    if not kind and OUTCOMES in events:
        found, _, _ = _matcher(events[OUTCOMES], words).read(text)
        if any(column == OUTCOME_TYPE and not set(labels) & set(street_outcomes) for _, column, labels in found):
            kind = OUTCOMES
    if not kind:
        return None, text
    found, by, rest = _matcher(events[kind], words).read(text)
    where: dict[str, tuple[str, ...]] = {}
    for _, column, labels in sorted(found):
        where[column] = tuple(dict.fromkeys((*where.get(column, ()), *labels)))
    # the last column named ("outcomes recorded each month": the month, not the outcome type)
    asked_by = next((column for _, column in reversed(by) if column not in where), "")
    breakdown = bool(asked_by) and (bool(_BY.search(rest)) or bool(_TOP.search(rest))
                                    or rest.lstrip().startswith(("which", "what")))
    slots = EventSlots(kind=kind, where=tuple(where.items()), by=asked_by if breakdown else "",
                       top=breakdown and bool(_TOP.search(rest)), fewest=bool(_FEWEST.search(rest)),
                       share=bool(_SHARE.search(rest)) and bool(where), named=named)
    return slots, rest
