"""Answers from police.uk street-level rows: a `StreetAsk` in, an `Answer` with one citation per figure out.

Each figure is a count of rows under one filter, and its citation names the download, the file(s) and the
filter, so a reader can reproduce it with one pandas filter. The traps the files hold are each said in the
answer: anti-social behaviour rows are incidents, not crimes (a crime count leaves them out and says so); a
month with no file, or no incident rows, is refused rather than summed over; two downloads are never blended
(the latest holding the months is used and named); rows with no LSOA and rows in other boroughs are counted
apart and said.

    lookup    exact counts, and the choice of download
    wording   the sentences and the citations
    events    the outcomes and stop-and-search files' answers (counts, shares, breakdowns by their labels)
"""

from __future__ import annotations

from dataclasses import replace

from assistant.answer.street import events
from assistant.answer.street.lookup import Filter, StreetIndex, choose_edition, spans
from assistant.answer.street.wording import Draft, what
from assistant.ingest.events import CRIME_TYPE, OUTCOMES
from assistant.ingest.street import PoliceFrames, StreetCatalogue
from assistant.records import Answer
from assistant.text.normalise import normalise
from assistant.text.numbers import format_percent
from assistant.understand.months import month_words
from assistant.understand.street import (COMPARE, NO_LOCATION, RANK_PLACES, RANK_TYPES, StreetAsk, parse,
                                         street_matchers)
from assistant.vocab.street_words import StreetWords

__all__ = ["StreetAnswers", "StreetAsk"]


class StreetAnswers:
    """The police.uk rows of one index and the words for them: read a question, answer it."""

    def __init__(self, frames: PoliceFrames, catalogue: StreetCatalogue, words: StreetWords):
        self.catalogue = catalogue
        self.words = words
        self.matchers = street_matchers(catalogue, words)  # the catalogue's phrases, compiled once
        self.index = StreetIndex(frames.street, catalogue)
        self.events = {kind: events.EventIndex(frame, catalogue.events[kind])
                       for kind, frame in frames.events.items() if kind in catalogue.events}

    def read(self, question: str, context: StreetAsk | None = None) -> StreetAsk:
        return parse(question, self.catalogue, self.words, context, self.matchers)

    def _untyped_crime(self, ask: StreetAsk) -> str:
        """A crime type the question names ("burglary outcomes") that the event rows cannot be filtered by: the
        phrase, or "" when none is named or the filter holds it."""
        if ask.event.kind != OUTCOMES or any(column == CRIME_TYPE for column, _ in ask.event.where):
            return ""  # stop-and-search rows never have a crime type: "searches for drugs" is an object of search
        text = f" {normalise(ask.text)} "
        named = " ".join(normalise(label) for _, labels in ask.event.where for label in labels)
        return next((phrase for label, phrases in self.words.crime_types.items()
                     for phrase in (normalise(label), *phrases)
                     if f" {phrase} " in text and phrase not in named), "")

    def answer(self, ask: StreetAsk) -> Answer:
        catalogue = self.catalogue
        if ask.event is not None and ask.event.kind in self.events:
            named = self._untyped_crime(ask)
            if named:  # never the total of every crime type for a question about one
                return Draft(ask, catalogue).refuse(
                    f"the {ask.event.kind} files give no crime type for a row (it comes from the street file of "
                    f"the same download, and none is held for these rows), so {ask.event.kind} for “{named}” "
                    f"cannot be counted")
            return events.answer(ask, catalogue, self.events[ask.event.kind])
        draft = Draft(ask, catalogue)
        if not catalogue.editions:
            return draft.refuse("no police.uk street file is held, so crimes by month, type and place cannot be "
                                "counted")
        if ask.unknown_place:
            return draft.refuse(f"the police.uk street files hold no rows for “{ask.unknown_place}”; they cover "
                                f"{catalogue.force or 'one force'}, with rows in {', '.join(catalogue.areas)}")
        if ask.unknown_type:
            return draft.refuse(f"police.uk's street-level files have no single crime type for "
                                f"“{ask.unknown_type}”; their types are {', '.join(catalogue.crime_types)}")
        months = ask.months
        if not months:
            months = (catalogue.editions[0].last_month,)
            draft.note(f"No month was given, so this is the latest month held, {month_words(months)}.")
        needed = tuple(sorted(set(months) | set(ask.base)))
        choice = choose_edition(ask, catalogue, needed)
        if choice.edition is None:
            return draft.refuse(choice.refusal)
        edition = choice.edition
        types, exclude = self._types(ask)
        if set(types or catalogue.crime_types) & set(catalogue.incident_types) and not exclude:
            lacking = [m for m in needed if m not in edition.incident_months]
            if lacking:
                return draft.refuse(f"the download {edition.name} holds no {_lower(catalogue.incident_types)} "
                                    f"rows for {spans(tuple(lacking))} (its file for that month has crimes "
                                    f"only), so a count over {spans(needed)} would be partial")
        base = Filter(edition.name, months, types, exclude, ask.area, ask.lsoa, ask.outcome)
        if ask.intent == COMPARE:
            self._compare(draft, base, ask)
        elif ask.intent == RANK_TYPES:
            self._rank_types(draft, base, ask)
        elif ask.intent == RANK_PLACES:
            self._rank_places(draft, base, ask)
        elif ask.intent == NO_LOCATION:
            self._no_location(draft, base)
        else:
            self._count(draft, base)
        for note in choice.notes:
            draft.note(note)
        for other in choice.also:  # the same filter in another download: said apart, never added
            same = replace(base, edition=other.name)
            draft.note(f"The download {other.name} also holds these months; for the same filter it has "
                       f"{draft.cite(same, self.index.count(same))} rows (outcomes are updated after the fact, "
                       "so downloads differ and are never added together).")
        return draft.answer(self.index)

    def _types(self, ask: StreetAsk) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(types counted, types left out): crimes leave the incident types out unless asked for."""
        if ask.crime_types:
            return ask.crime_types, ()
        if ask.all_types:
            return (), ()
        return (), self.catalogue.incident_types

    def _count(self, draft: Draft, f: Filter) -> None:
        n = self.index.count(f)
        if f.outcome is not None:
            whole = replace(f, outcome=None)
            total = self.index.count(whole)
            share = f" ({format_percent(n / total * 100)})" if n else ""
            draft.say(f"Of the {draft.cite(whole, total)} {what(f, self.catalogue, total)} "
                      f"{draft.where(f)} in {month_words(f.months)}, {draft.cite(f, n, share=(whole, total))}"
                      f"{share} had the last outcome “{f.outcome}”.")
            draft.note("Outcomes are each crime's latest status when the file was downloaded; a later download "
                       "may show a different one.")
            if self.events:
                draft.note("This is the street files' “Last outcome category”, one per crime; police.uk's "
                           "outcomes files, which record each outcome in the month it was given, are counted "
                           "apart and never added to it.")
            if f.area is None:
                return  # the force-wide split by place is about the crimes, not this outcome
        else:
            draft.say(f"{draft.cite(f, n, capital=True)} {what(f, self.catalogue, n)} were "
                      f"{draft.where(f)} in {month_words(f.months)}.")
        if f.exclude:
            left = replace(f, crime_types=f.exclude, exclude=(), outcome=None)
            draft.note(f"{_lower(f.exclude).capitalize()} rows are incidents, not crimes, so the "
                       f"{draft.cite(left, self.index.count(left))} recorded are left out.")
        self._about_places(draft, f)

    def _about_places(self, draft: Draft, f: Filter) -> None:
        """Say what the count leaves out (rows with no LSOA, for an area) or holds (other boroughs, force-wide)."""
        home = self.catalogue.home_area
        no_lsoa = replace(f, area=None, lsoa=False, no_lsoa=True)
        missing = self.index.count(no_lsoa)
        if f.area is None:
            outside = replace(f, outside=home)
            elsewhere = self.index.count(outside)
            if elsewhere:
                draft.note(f"The force total includes {draft.cite(outside, elsewhere)} "
                           f"{what(f, self.catalogue, elsewhere)} in neighbourhoods of other boroughs than {home} "
                           "(police.uk places each crime in the LSOA it occurred in).")
            if missing:
                draft.note(f"The force total includes {draft.cite(no_lsoa, missing)} "
                           f"{what(f, self.catalogue, missing)} with no location or LSOA.")
            return
        area = self.catalogue.home_area if f.lsoa else f.area
        if not f.lsoa and f.area != home:
            draft.note(f"{f.area} lies outside the force's own area ({home}): these are rows "
                       f"{self.catalogue.force or 'the force'} recorded in neighbourhoods of {f.area}; crimes "
                       f"recorded there by another force are not in these files.")
        if missing:
            draft.note(f"A further {draft.cite(no_lsoa, missing)} {what(f, self.catalogue, missing)} in the same "
                       f"months have no location or LSOA, so "
                       f"they cannot be placed in {area if not f.lsoa else 'any neighbourhood'}.")

    def _compare(self, draft: Draft, f: Filter, ask: StreetAsk) -> None:
        earlier = replace(f, months=ask.base)
        now, before = self.index.count(f), self.index.count(earlier)
        cited_before = draft.cite(earlier, before)
        cited_now = draft.cite(f, now, base=(earlier, before))
        direction = "rose" if now > before else "fell" if now < before else "did not change"
        change = draft.change(now, before)
        draft.say(f"{what(f, self.catalogue, 2, capital=True)} {draft.where(f)} {direction} from {cited_before} in "
                  f"{month_words(ask.base)} to {cited_now} in {month_words(f.months)}{change}.")

    def _rank_types(self, draft: Draft, f: Filter, ask: StreetAsk) -> None:
        types = [t for t in self.catalogue.crime_types if t not in f.exclude]
        if ask.base:
            rows = []
            for t in types:
                a, b = (self.index.count(replace(f, crime_types=(t,), exclude=(), months=m))
                        for m in (f.months, ask.base))
                rows.append((a - b, t, a, b))
            rows.sort(key=lambda r: (r[0] if ask.falling else -r[0], r[1]))
            change, top, now, before = rows[0]
            one = replace(f, crime_types=(top,), exclude=())
            earlier = replace(one, months=ask.base)
            word = "fell" if ask.falling else "rose"
            draft.say(f"Of the crime types {draft.where(f)}, {top} {word} most: from "
                      f"{draft.cite(earlier, before)} in {month_words(ask.base)} to "
                      f"{draft.cite(one, now, base=(earlier, before))} in {month_words(f.months)}"
                      f"{draft.change(now, before)}.")
        else:
            counts = self.index.by(f, "crime_type")
            if counts.empty:
                draft.say(f"No rows match {draft.where(f)} in {month_words(f.months)}.")
                return
            top = str(counts.index[0])
            one = replace(f, crime_types=(top,), exclude=())
            draft.say(f"The most common crime type {draft.where(f)} in {month_words(f.months)} was {top}, with "
                      f"{draft.cite(one, int(counts.iloc[0]))} {what(one, self.catalogue, int(counts.iloc[0]))}.")
        if f.exclude:
            draft.note(f"{_lower(f.exclude).capitalize()} rows are incidents, not crimes, so they are left out.")

    def _rank_places(self, draft: Draft, f: Filter, ask: StreetAsk) -> None:
        column = "lsoa_name" if ask.lsoa else "area"
        counts = self.index.by(f, column)
        if counts.empty:
            draft.say(f"No rows match in {month_words(f.months)}.")
            return
        top = str(counts.index[0])
        one = replace(f, area=top, lsoa=ask.lsoa)
        kind = "neighbourhood (LSOA)" if ask.lsoa else "local authority"
        draft.say(f"The {kind} with the most {what(f, self.catalogue, 2)} in {month_words(f.months)} was {top}, "
                  f"with {draft.cite(one, int(counts.iloc[0]))}.")
        no_lsoa = replace(f, no_lsoa=True)
        missing = self.index.count(no_lsoa)
        if missing:
            draft.note(f"{draft.cite(no_lsoa, missing, capital=True)} with no location or LSOA are not placed in "
                       "any area.")

    def _no_location(self, draft: Draft, f: Filter) -> None:
        missing = replace(f, area=None, lsoa=False, no_lsoa=True)
        total = replace(f, area=None, lsoa=False)
        n, whole = self.index.count(missing), self.index.count(total)
        draft.say(f"{draft.cite(missing, n, capital=True)} of the {draft.cite(total, whole)} "
                  f"{what(f, self.catalogue, whole)} recorded in {month_words(f.months)} have no location or "
                  "LSOA, so they count towards the force's total but cannot be placed in any area.")


def _lower(labels) -> str:
    return " and ".join(label.lower() for label in labels)
