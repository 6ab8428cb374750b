"""Answers from tidy statistics files: a `StatsAsk` in, an `Answer` with one citation per figure out.

Each figure is one row of one file, cited by the file, its line and the filter in the file's own column names
(`period = 2018/19; area_name = Trafford; ...`), and quoted as the file prints it, so it can be found in a text
editor and reproduced with one pandas filter. What a file does not hold is refused, naming what it holds; a figure
the publisher withheld (a cell such as ":") is said to be withheld, never read as 0; periods of another kind than
most of the file's (a "2019" among financial years, often a part year) are answered only when named, and never
put in a change or a trend with the others.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from assistant.ingest.stats import Series, StatsCatalogue, StatsFile
from assistant.records import Answer, Citation, Figure
from assistant.text import periods
from assistant.text.numbers import format_percent
from assistant.understand.stats import CHANGE, RANK, TREND, StatsAsk, StatsReader
from assistant.text.normalise import normalise
from assistant.vocab.stats_words import StatsWords
from assistant.vocab.street_words import StreetWords

_KIND_WORDS = {periods.FISCAL: "financial years", periods.YEAR: "years"}


def shown(value: float) -> str:
    """A figure as an answer prints it: three significant figures, at least one decimal place, at most three."""
    if value == 0 or not math.isfinite(value):
        return f"{value:.1f}"
    decimals = min(3, max(1, 2 - math.floor(math.log10(abs(value)))))
    return f"{value:,.{decimals}f}"


def _signed(value: float) -> str:
    text = shown(abs(value))
    return ("-" if value < 0 else "+" if value > 0 else "") + text


def period_key(label: str) -> tuple[str, int] | None:
    """(kind, year it ends) of a period as a file prints it."""
    found = periods.mentions(label)
    return (found[0].kind, found[0].year) if len(found) == 1 else None


@dataclass
class _Draft:
    ask: StatsAsk
    catalogue: StatsCatalogue
    sentences: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    rows: list[tuple[pd.Series, str, bool]] = field(default_factory=list)  # (row, words for its quote, a figure?)

    def cite(self, row: pd.Series, extra: str = "", figure: bool = True) -> str:
        """The marker of a cited row; `figure` False for a row cited for what it is, not for its value."""
        for n, (known, _, _) in enumerate(self.rows, 1):
            if known.name == row.name:
                return f"[{n}]"
        self.rows.append((row, extra, figure))
        return f"[{len(self.rows)}]"

    def refuse(self, reason: str) -> Answer:
        reason = reason.strip().rstrip(".")
        return Answer(text=f"Not found. {reason[:1].upper()}{reason[1:]}.", answerable=False, question=self.ask.text)

    def answer(self, unit: str) -> Answer:
        citations, figures = [], []
        for n, (row, extra, figure) in enumerate(self.rows, 1):
            roles = self.catalogue.file(row["document"])
            where = describe(row, roles)
            name = row["document"].rsplit("/", 1)[-1]
            quote = f"{row['raw']}" + (f" → {shown(row['value'])}" if not pd.isna(row["value"]) else "") + extra
            citations.append(Citation(n=n, document=row["document"], title=f"{row['series']}: {name}",
                                      locator=f"{row['document']} › row {row['line']} › {where}", quote=quote,
                                      kind="statistics file", table={"filter": where, "row": int(row["line"])}))
            if figure and not pd.isna(row["value"]):
                figures.append(Figure(float(row["value"]), unit, row["place"], row["group"], row["period"], n,
                                      row["document"]))
        return Answer(text=" ".join(self.sentences + self.notes), answerable=True, citations=tuple(citations),
                      figures=tuple(figures), question=self.ask.text)


def describe(row: pd.Series, roles: StatsFile | None) -> str:
    """The row's filter in the file's own column names, so it can be typed into pandas or a spreadsheet."""
    if roles is None:
        return f"period = {row['period']}"
    parts = [f"{roles.place} = {row['place']}", f"{roles.period} = {row['period']}"]
    if roles.group:
        parts.append(f"{roles.group} = {row['group']}")
    if roles.series:
        parts.append(f"{roles.series[0]} = {row['series']}")
    return "; ".join(parts)


class StatsAnswers:
    """The tidy statistics rows of one index and the words for them: read a question, answer it."""

    def __init__(self, frame: pd.DataFrame, catalogue: StatsCatalogue, words: StatsWords,
                 others: StreetWords | None = None):
        """`others`: police.uk's words for crime types, so a kind of crime the files have no group for
        ("burglaries") is refused rather than answered with the total."""
        self.frame = frame
        self.catalogue = catalogue
        self.words = words
        kinds = tuple(phrase for label, aliases in (others.crime_types.items() if others else ())
                      for phrase in (normalise(label), *aliases))
        self.reader = StatsReader(catalogue, words, kinds)
        # (series, place, group, period) -> the row's label: a look-up is a dict access, not a scan of the frame
        keys = zip(frame["series"], frame["place"], frame["group"], frame["period"])
        self._at = {key: at for key, at in zip(keys, frame.index)}

    def read(self, question: str) -> StatsAsk:
        return self.reader.read(question)

    def answer(self, ask: StatsAsk) -> Answer:
        draft = _Draft(ask, self.catalogue)
        series = self._series(ask, draft)
        held = ", ".join(self.catalogue.places)
        if ask.unknown_place and not ask.places:
            return draft.refuse(f"the statistics files hold figures for {held} only, not for “{ask.unknown_place}”")
        if ask.unknown_group:
            return draft.refuse(f"the statistics files have no group for “{ask.unknown_group}”; their groups are "
                                f"{', '.join(series.groups)}")
        if ask.asks_count:
            return draft.refuse(f"the statistics files hold no counts of offences, only "
                                f"{' and '.join(f'{s.name} ({self.unit(s)})' for s in self.catalogue.series)}; "
                                "ask for one of those")
        if ask.other_period:
            return draft.refuse(f"the statistics files hold {series.name} for {self._held(series)}, not for "
                                f"“{ask.other_period}”")
        places = ask.places or (series.places[0],)
        if not ask.places:
            others = [p for p in series.places if p != places[0]]
            draft.notes.append(f"No place was named, so this is {places[0]}, the first place the file lists"
                       + (f" (it also holds {', '.join(others)})." if others else "."))
        missing = [p for p in places if p not in series.places]
        if missing:
            return draft.refuse(f"{series.name} is held for {', '.join(series.places)}, not for {missing[0]}")
        groups = ask.groups or ((series.total,) if series.total else series.groups[:1] or ("",))
        if not ask.groups and series.total and ask.intent != RANK:
            draft.notes.append(f"No group was named, so this is {series.total}.")
        chosen = self._periods(ask, series, draft)
        if isinstance(chosen, Answer):
            return chosen
        unit = self.unit(series)
        if ask.intent == TREND:
            self._trend(draft, series, places, groups, chosen)
        elif ask.intent == RANK:
            return self._rank(draft, series, places[0], chosen, unit)
        elif ask.intent == CHANGE and len(chosen) == 2:
            refused = self._change(draft, series, places, groups, chosen, unit)
            if refused is not None:
                return refused
        else:
            for place in places[:4]:
                for group in groups[:4]:
                    row = self._row(series, place, group, chosen[-1])
                    if row is None or pd.isna(row["value"]):
                        return draft.refuse(self._withheld(row, series, place, group, chosen[-1]))
                    draft.sentences.append(f"In {place} in {chosen[-1]}, the {_lower(series.name)}"
                                           f"{_for(group)} was {shown(row['value'])}{self._after(series, unit)} "
                                           f"{draft.cite(row)}.")
        return draft.answer(unit)

    def unit(self, series: Series) -> str:
        """How a figure of the series reads: the data file's words, else the file's own labels."""
        return self.words.units.get(series.name) or "; ".join(series.printed[1:]) or series.name

    def _after(self, series: Series, unit: str) -> str:
        return "" if _lower(unit) == _lower(series.name) else f" {unit}"

    def _series(self, ask: StatsAsk, draft: _Draft) -> Series:
        if ask.series:
            return next(s for s in self.catalogue.series if s.name == ask.series)
        first = self.catalogue.series[0]
        others = [s.name for s in self.catalogue.series[1:]]
        if others:
            draft.notes.insert(0, f"No measure was named, so this is {first.name}; the files also hold "
                                  f"{', '.join(others)}.")
        return first

    def _held(self, series: Series) -> str:
        """The periods a series holds, in words: "the financial years 2008/09 to 2018/19, and 2018 and 2019"."""
        main, odd = _main(series)
        text = f"the {_KIND_WORDS.get(period_key(main[0])[0], 'periods')} {main[0]} to {main[-1]}" if main else ""
        if odd:
            text += f", and the periods printed “{'”, “'.join(odd)}”"
        return text

    def _periods(self, ask: StatsAsk, series: Series, draft: _Draft) -> tuple[str, ...] | Answer:
        """The periods answered, as printed, oldest first: named ones (each must be held), else the latest of the
        file's main kind (and, for a change, the one before it, or the latest against a named base)."""
        main, _ = _main(series)
        named = []
        for mention in ask.mentions:
            label = next((p for p in series.periods if period_key(p) == (mention.kind, mention.year)), None)
            if label is None and mention.kind == periods.SINCE:
                label = next((p for p in series.periods if period_key(p) == (periods.YEAR, mention.year)), None)
            if label is None:
                return draft.refuse(f"the statistics files hold {series.name} for {self._held(series)}; not for "
                                    f"{mention.words}")
            named.append(label)
        named = list(dict.fromkeys(named))
        if ask.intent == TREND:
            return tuple(main)
        if ask.intent == CHANGE or ask.intent == RANK and ask.rising is not None:
            if len(named) >= 2:
                return tuple(named[:2])
            if len(named) == 1 and ask.since:
                if named[0] not in main:
                    return draft.refuse(f"{named[0]} is not one of {self._held(series)}, so no change is "
                                        "measured from it")
                draft.notes.append(f"The latest of the {_KIND_WORDS.get(period_key(main[-1])[0], 'periods')} held "
                                   f"is {main[-1]}.")
                return named[0], main[-1]
            if not named and len(main) >= 2:
                draft.notes.append(f"No periods were given, so this compares the latest held, {main[-1]}, with "
                                   f"the one before, {main[-2]}.")
                return main[-2], main[-1]
        if named:
            label = named[-1]
            if label not in main:
                draft.notes.append(f"The file prints this period as “{label}”, unlike its "
                                   f"{_KIND_WORDS.get(period_key(main[-1])[0], 'periods')}; check what it covers "
                                   "before comparing it with them.")
            return (label,)
        draft.notes.append(f"No period was given, so this is the latest of the "
                           f"{_KIND_WORDS.get(period_key(main[-1])[0], 'periods')} held, {main[-1]}.")
        return (main[-1],)

    def _row(self, series: Series, place: str, group: str, period: str) -> pd.Series | None:
        at = self._at.get((series.name, place, group, period))
        return None if at is None else self.frame.loc[at]

    def _withheld(self, row, series: Series, place: str, group: str, period: str) -> str:
        if row is None:
            return f"{series.name} for {group} in {place} is not in the files for {period}"
        return (f"the file {row['document']} prints “{row['printed']}” for {series.name}, {group}, {place}, "
                f"{period} (row {row['line']}): the figure was not published")

    def _change(self, draft: _Draft, series: Series, places, groups, chosen, unit: str) -> Answer | None:
        before_period, now_period = chosen
        for place in places[:4]:
            for group in groups[:4]:
                before = self._row(series, place, group, before_period)
                now = self._row(series, place, group, now_period)
                for row, period in ((before, before_period), (now, now_period)):
                    if row is None or pd.isna(row["value"]):
                        return draft.refuse(self._withheld(row, series, place, group, period))
                a, b = float(before["value"]), float(now["value"])
                change = b - a
                percent = f", {format_percent(change / a * 100, signed=True)}" if a else ""
                word = "rose" if change > 0 else "fell" if change < 0 else "did not change"
                lead = ""
                if draft.ask.rising is not None and change:
                    lead = "Yes: " if (change > 0) == draft.ask.rising else "No: "
                sentence = (f"in {place}, the {_lower(series.name)}{_for(group)} {word} from {shown(a)} in "
                            f"{before_period} {draft.cite(before)} to {shown(b)}{self._after(series, unit)} in "
                            f"{now_period} {draft.cite(now, self._change_words(before, now))} "
                            f"({_signed(change)}{percent}).")
                draft.sentences.append(lead + sentence if lead else sentence[:1].upper() + sentence[1:])
        return None

    @staticmethod
    def _change_words(before: pd.Series, now: pd.Series) -> str:
        """What a later row's quote adds: the figure it is compared with, and the change, as the answer says it."""
        a = float(before["value"])
        change = float(now["value"]) - a
        percent = f", {format_percent(change / a * 100, signed=True)}" if a else ""
        return f"; against {shown(a)} in {before['period']}: {_signed(change)}{percent}"

    def _trend(self, draft: _Draft, series: Series, places, groups, chosen) -> None:
        for place in places[:2]:
            for group in groups[:2]:
                parts = []
                for period in chosen:
                    row = self._row(series, place, group, period)
                    if row is None:
                        continue
                    value = "not published" if pd.isna(row["value"]) else shown(row["value"])
                    parts.append(f"{period} {value} {draft.cite(row)}")
                unit = self._after(series, self.unit(series)).strip()
                draft.sentences.append(f"In {place}, the {_lower(series.name)}{_for(group)}"
                                       + (f" ({unit})" if unit else "") + f", each period: {', '.join(parts)}.")
        _, odd = _main(series)
        rows = [r for r in (self._row(series, places[0], groups[0], p) for p in odd) if r is not None]
        if rows:
            marks = "".join(draft.cite(r, figure=False) for r in rows)
            printed = "”, “".join(odd)
            draft.notes.append(f"The periods printed “{printed}” are of another kind than the others (the file does"
                               f" not say what they cover) and are left out of the trend {marks}.")

    def _rank(self, draft: _Draft, series: Series, place: str, chosen: tuple[str, ...], unit: str) -> Answer:
        """The groups of one place ranked by their figure in one period, or by their change between two."""
        f = self.frame
        rows = f[(f["series"] == series.name) & (f["place"] == place) & (f["group"] != series.total)]
        now = _by_group(rows[rows["period"] == chosen[-1]])
        if not now:
            return draft.refuse(f"no group of {series.name} has a published figure for {place} in {chosen[-1]}")
        asked_low = draft.ask.lowest or draft.ask.rising is False
        order = "lowest" if draft.ask.lowest else "highest"
        if len(chosen) == 2:
            before = _by_group(rows[rows["period"] == chosen[0]])
            common = [g for g in now if g in before]
            change = {g: now[g]["value"] - before[g]["value"] for g in common}
            ranked = sorted(common, key=lambda g: change[g], reverse=not asked_low)
            word = "fell most" if asked_low else "rose most"
            listed = ", ".join(f"{g} {shown(before[g]['value'])} {draft.cite(before[g])} → "
                               f"{shown(now[g]['value'])} {draft.cite(now[g], self._change_words(before[g], now[g]))} "
                               f"({_signed(change[g])})" for g in ranked)
            draft.sentences.append(f"In {place}, of the groups of the {_lower(series.name)}, {_lower(ranked[0])} "
                                   f"{word} between {chosen[0]} and {chosen[-1]} ({_signed(change[ranked[0]])}). "
                                   f"By change: {listed}.")
        else:
            ranked = sorted(now, key=lambda g: now[g]["value"], reverse=not draft.ask.lowest)
            top = ranked[0]
            listed = ", ".join(f"{g} {shown(now[g]['value'])} {draft.cite(now[g])}" for g in ranked)
            draft.sentences.append(f"In {place} in {chosen[-1]}, the {order} {_lower(series.name)} was for "
                                   f"{_lower(top)}, {shown(now[top]['value'])}{self._after(series, unit)}. "
                                   f"By group, {order} first: {listed}.")
        draft.notes = [n for n in draft.notes if not n.startswith("No group")]
        return draft.answer(unit)


def _by_group(rows: pd.DataFrame) -> dict[str, pd.Series]:
    """Each group's row with a published figure (keeping the frame's row labels, by which rows are cited)."""
    return {row["group"]: row for _, row in rows.dropna(subset=["value"]).iterrows()}


def _main(series: Series) -> tuple[list[str], list[str]]:
    """(the periods of the kind most of the series' periods are, oldest first; the others, as listed)."""
    keys = {p: period_key(p) for p in series.periods}
    kinds = Counter(k[0] for k in keys.values() if k)
    if not kinds:
        return [], list(series.periods)
    kind = kinds.most_common(1)[0][0]
    main = sorted((p for p, k in keys.items() if k and k[0] == kind), key=lambda p: keys[p][1])
    return main, [p for p in series.periods if p not in main]


def _for(group: str) -> str:
    """" for robbery", or nothing for a file with no groups."""
    return f" for {_lower(group)}" if group else ""


def _lower(label: str) -> str:
    """A printed label inside a sentence: "Crime Severity Score" → "crime severity score"; "CSP" stays."""
    return " ".join(word[:1].lower() + word[1:] if word[1:].islower() else word for word in label.split(" "))
