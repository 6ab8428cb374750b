"""Answers from police.uk's outcomes and stop-and-search files: counts under printed labels, shares, breakdowns.

The same contract as the street answers: each figure is `len` of one filter over one download's rows, cited
by the download, the files and the filter in police.uk's own column names, and a share prints its count and
its base, both cited. The outcomes files are never blended with the street files' "Last outcome category":
an answer from them says it counts outcomes *recorded in* the months asked (for crimes of any month, some
crimes more than once), and a crime type on an outcome row comes from the street row of the same download
with its Crime ID (rows matching none are said, never guessed). A month with no file is refused; a month
whose file lacks a column is refused for counts by that column.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from assistant.answer.street.lookup import choose_edition, spans
from assistant.answer.street.wording import SHARE, Draft, share_words
from assistant.answer.tables import DIFFERENCE
from assistant.ingest.events import AREA, CRIME_TYPE, EventCatalogue
from assistant.ingest.readers.policeuk import OUTCOMES
from assistant.records import Answer, Citation, Figure
from assistant.text.numbers import format_count, format_percent
from assistant.understand.events import BY_MONTH
from assistant.understand.months import month_words
from assistant.understand.street import StreetAsk


@dataclass(frozen=True)
class EventFilter:
    """One reproducible selection of outcome or search rows."""

    kind: str
    edition: str
    months: tuple[str, ...]
    where: tuple[tuple[str, tuple[str, ...]], ...] = ()
    empty: str = ""  # only rows with nothing in this column
    unmatched: bool = False  # only outcome rows whose crime matched no street row


class EventIndex:
    """One kind's rows with their categories' codes, for exact counts."""

    def __init__(self, frame: pd.DataFrame, catalogue: EventCatalogue):
        self.frame, self.catalogue = frame, catalogue
        columns = [c for c in frame.columns if isinstance(frame[c].dtype, pd.CategoricalDtype)]
        self._codes = {c: frame[c].cat.codes.to_numpy() for c in columns}
        self._categories = {c: {str(v): i for i, v in enumerate(frame[c].cat.categories)} for c in columns}

    def _mask(self, column: str, values) -> np.ndarray:
        wanted = [self._categories[column][v] for v in values if v in self._categories[column]]
        return np.isin(self._codes[column], wanted)

    def rows(self, f: EventFilter) -> np.ndarray:
        mask = self._mask("edition", [f.edition]) & self._mask("month", f.months)
        for column, labels in f.where:
            mask &= self._mask(column, labels)
        if f.empty:
            mask &= self._codes[f.empty] == -1
        if f.unmatched:
            mask &= self._codes[CRIME_TYPE] == -1
        return mask

    def count(self, f: EventFilter) -> int:
        return int(self.rows(f).sum())

    def by(self, f: EventFilter, column: str) -> pd.Series:
        counts = self.frame[column][self.rows(f)].value_counts()
        return counts[counts > 0].sort_index().sort_values(ascending=False, kind="stable")

    def documents(self, f: EventFilter) -> tuple[str, ...]:
        edition = self.catalogue.edition(f.edition)
        return tuple(d for m in f.months for d in (edition.files.get(m, ()) if edition else ()))


def _label(column: str, labels: tuple[str, ...]) -> str:
    return f"{column} " + ("= " + labels[0] if len(labels) == 1 else "in " + " / ".join(labels))


def describe(f: EventFilter, month_column: str) -> str:
    """The filter in the files' own column names, so it can be typed into pandas or a spreadsheet."""
    months = f.months[0] if len(f.months) == 1 else f"{f.months[0]} to {f.months[-1]} ({len(f.months)} months)"
    parts = [f"{month_column} {'in' if len(f.months) == 1 else 'from'} {months}"]
    for column, labels in f.where:
        parts.append(f"LSOA name starts “{labels[0]} ”" if column == AREA else _label(column, labels))
    if f.empty:
        parts.append(f"{f.empty} empty")
    if f.unmatched:
        parts.append("Crime ID in no street row of this download")
    return "; ".join(parts)


def _said(where) -> str:
    """Labels in words: “Controlled drugs” (Object of search) and “Suspect arrested” (Outcome)."""
    return " and ".join(f"{' or '.join(f'“{v}”' for v in labels)} "
                        f"({'local authority' if column == AREA else column})" for column, labels in where)


class EventDraft(Draft):
    """A `Draft` whose citations are outcome or search filters."""

    def answer(self, index: EventIndex) -> Answer:
        citations, figures, column = [], [], index.catalogue.month_column
        for c in self.cited:
            f = c.filter
            documents = index.documents(f)
            inside = [d.split("/", 1)[1] if d.startswith(f.edition + "/") else d for d in documents]
            files = inside[0] if len(inside) == 1 else f"{inside[0]} … {inside[-1]} ({len(inside)} files)"
            rows = "row" if c.count == 1 else "rows"
            quote = f"{format_count(c.count)} {rows} where {describe(f, column)}" + share_words(c)
            if c.base is not None:
                quote += f"; against {format_count(c.base[1])} rows for {month_words(c.base[0].months)}: " \
                         f"{Draft.change(c.count, c.base[1]).strip(' ()')}"
            citations.append(Citation(
                n=c.n, document=documents[0] if documents else f.edition,
                title=f"police.uk {f.kind} files, download {f.edition}",
                locator=f"{f.edition} › {files} › rows where {describe(f, column)}", quote=quote,
                publisher="police.uk", kind=f"police.uk {f.kind}",
                table={"edition": f.edition, "filter": describe(f, column), "files": list(documents)}))
            types = ", ".join(dict(f.where).get(CRIME_TYPE, ()))
            figures.append(Figure(c.count, f"{f.kind} rows", self.catalogue.force, types, month_words(f.months),
                                  c.n, f.edition))
            if c.base is not None:
                figures.append(Figure(c.count - c.base[1], DIFFERENCE, self.catalogue.force, types,
                                      month_words(f.months), c.n, f.edition))
            if c.share is not None and c.share[1]:
                figures.append(Figure(round(c.count / c.share[1] * 100, 1), SHARE, self.catalogue.force, types,
                                      month_words(f.months), c.n, f.edition))
        return Answer(text=" ".join(self.sentences + self.notes), answerable=True, citations=tuple(citations),
                      figures=tuple(figures), question=self.ask.text, context=self.ask)


def answer(ask: StreetAsk, catalogue, index: EventIndex) -> Answer:
    """The answer to a question for one kind of file (`ask.event`), or why the files cannot give it."""
    slots, events = ask.event, index.catalogue
    draft = EventDraft(ask, catalogue)
    noun = "outcomes" if slots.kind == OUTCOMES else "stop and searches"
    if not events.editions:
        return draft.refuse(f"the police.uk {slots.kind} files held have no rows")
    if ask.unknown_place:
        why = "they give no area for a row" if AREA not in events.labels else "no row of theirs lies there"
        return draft.refuse(f"the police.uk {slots.kind} files cannot be counted for “{ask.unknown_place}”: {why}, "
                            f"so only {catalogue.force or 'the force'}'s total can be given")
    months = ask.months
    if not months:
        months = (events.editions[0].months[-1],)
        draft.note(f"No month was given, so this is the latest month held, {month_words(months)}.")
    base_months = ask.base if not (slots.by or slots.share) else ()
    choice = choose_edition(ask, events, tuple(sorted({*months, *base_months})), f"{slots.kind} file")
    if choice.edition is None:
        return draft.refuse(choice.refusal)
    edition = choice.edition
    used = [column for column, _ in slots.where] + ([slots.by] if slots.by else [])
    lacking = {m: [c for c in edition.lacking.get(m, ()) if c in used] for m in (*months, *base_months)}
    lacking = {m: c for m, c in lacking.items() if c}
    if lacking:
        column = next(iter(lacking.values()))[0]
        return draft.refuse(f"the download {edition.name} has no “{column}” column in its {slots.kind} file for "
                            f"{spans(tuple(lacking))}, so a count by it over {spans(months)} would be partial")
    f = EventFilter(slots.kind, edition.name, months, slots.where)
    everything = replace(f, where=())
    period = month_words(months)
    if slots.by:
        _breakdown(draft, index, f, slots, noun, period)
    elif base_months:
        earlier = replace(f, months=base_months)
        now, before = index.count(f), index.count(earlier)
        went = "rose" if now > before else "fell" if now < before else "did not change"
        of = f" with {_said(f.where)}" if f.where else ""
        draft.say(f"{noun.capitalize()}{of} {went} from {draft.cite(earlier, before)} in {month_words(base_months)} "
                  f"to {draft.cite(f, now, base=(earlier, before))} in {period}{draft.change(now, before)}.")
    elif slots.share and f.where:
        base = replace(f, where=f.where[:-1])
        total = index.count(base)
        n = index.count(f)
        of = f"with {_said(base.where)} " if base.where else ""
        draft.say(f"Of the {draft.cite(base, total)} {noun} {of}in {period}, {draft.cite(f, n, share=(base, total))} "
                  f"({format_percent(n / total * 100) if total else 'none'}) had {_said(f.where[-1:])}.")
    elif f.where:
        n, total = index.count(f), index.count(everything)
        draft.say(f"{draft.cite(f, n, capital=True, share=(everything, total))} {noun} in {period} had "
                  f"{_said(f.where)}, {format_percent(n / total * 100) if total else 'none'} of the "
                  f"{draft.cite(everything, total)} {noun} recorded then.")
    else:
        draft.say(f"{draft.cite(f, index.count(f), capital=True)} {noun} were recorded by "
                  f"{catalogue.force or 'the force'} in {period}.")
    if slots.kind == OUTCOMES:
        _outcome_notes(draft, index, f)
    for note in choice.notes:
        draft.note(note)
    return draft.answer(index)


def _breakdown(draft: EventDraft, index: EventIndex, f: EventFilter, slots, noun: str, period: str) -> None:
    total = index.count(f)
    of = f" with {_said(f.where)}" if f.where else ""
    if slots.by == BY_MONTH:  # each month its own filter, so each cites its own file
        parts = [f"{month_words((m,))} {draft.cite(replace(f, months=(m,)), index.count(replace(f, months=(m,))))}"
                 for m in f.months]
        draft.say(f"Of the {draft.cite(f, total)} {noun}{of} in {period}, month by month: {'; '.join(parts)}.")
        return
    counts = index.by(f, slots.by)
    if counts.empty:
        draft.say(f"No {noun}{of} were recorded in {period}.")
        return
    shown = counts.iloc[::-1] if slots.fewest else counts
    if slots.top:
        label, n = str(shown.index[0]), int(shown.iloc[0])
        one = replace(f, where=(*f.where, (slots.by, (label,))))
        word = "least" if slots.fewest else "most"
        draft.say(f"Of the {draft.cite(f, total)} {noun}{of} in {period}, the {word} common {slots.by} was "
                  f"“{label}”, with {draft.cite(one, n, share=(f, total))} ({format_percent(n / total * 100)}).")
    else:
        parts = []
        for label, n in counts.items():
            one = replace(f, where=(*f.where, (slots.by, (str(label),))))
            cited = draft.cite(one, int(n), share=(f, total))
            parts.append(f"“{label}” {cited} ({format_percent(n / total * 100)})")
        draft.say(f"Of the {draft.cite(f, total)} {noun}{of} in {period}, by {slots.by} as the files print it: "
                  + "; ".join(parts) + ".")
    empty = replace(f, empty=slots.by)
    none = index.count(empty)
    if none:
        draft.note(f"{draft.cite(empty, none, capital=True)} have no {slots.by} recorded.")


def _outcome_notes(draft: EventDraft, index: EventIndex, f: EventFilter) -> None:
    """Say what the outcomes files count, and the rows whose crime type is unknown when one was asked."""
    draft.note("These are outcomes recorded in those months in police.uk's outcomes files (a crime may have "
               "several, and they are for crimes of any month), not the street files' “Last outcome category”; "
               "the two are never added together.")
    if CRIME_TYPE in dict(f.where):
        lost = EventFilter(f.kind, f.edition, f.months, tuple((c, v) for c, v in f.where if c != CRIME_TYPE),
                           unmatched=True)
        n = index.count(lost)
        if n:
            rows, match, its, it = ("outcome row", "matches", "its", "it is") if n == 1 else \
                ("outcome rows", "match", "their", "they are")
            draft.note(f"A further {draft.cite(lost, n)} {rows} in the same months {match} no street crime "
                       f"of this download, so {its} crime type is unknown and {it} not counted.")
