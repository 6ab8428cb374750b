"""Sentences and citations for street-level answers: every count cited by the filter that produced it.

A `Draft` collects sentences and notes; `cite` registers a count under its filter and returns it formatted,
and the sentence it is used in ends with that citation's marker. The citation's locator names the download,
the file(s) and the filter in the files' own column names, and its quote states the count, so the number
guard finds every figure the answer gives in its citations.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.answer.street.lookup import Filter, StreetIndex
from assistant.answer.tables import DIFFERENCE
from assistant.ingest.street import StreetCatalogue
from assistant.records import Answer, Citation, Figure
from assistant.text.numbers import format_count, format_percent
from assistant.understand.months import month_words
from assistant.understand.street import StreetAsk


SHARE = "percent"  # the measure of a figure that is one count as a share of another


def what(f: Filter, catalogue: StreetCatalogue, n: int, capital: bool = False) -> str:
    """What the rows are called: "Bicycle theft crimes", "Anti-social behaviour incidents", "crimes"."""
    types = f.crime_types
    incidents = bool(types) and set(types) <= set(catalogue.incident_types)
    noun = ("incident" if incidents else "crime") + ("" if n == 1 else "s")
    if not types:
        text = f"{noun} and incidents" if not f.exclude and catalogue.incident_types else noun
    else:
        last = types[-1].split()[-1].lower()
        text = " and ".join(types) + ("" if last.startswith("offence") else
                                      " offences" if last.startswith("crime") and n != 1 else
                                      " offence" if last.startswith("crime") else " " + noun)
    return text[:1].upper() + text[1:] if capital else text


@dataclass
class _Cited:
    n: int
    filter: Filter
    count: int
    base: tuple[Filter, int] | None
    share: tuple[object, int] | None = None  # the filter and count this one is a share of


@dataclass
class Draft:
    ask: StreetAsk
    catalogue: StreetCatalogue
    sentences: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    cited: list[_Cited] = field(default_factory=list)
    _pending: list[int] = field(default_factory=list)

    def cite(self, f: Filter, count: int, capital: bool = False, base: tuple[Filter, int] | None = None,
             share: tuple[object, int] | None = None) -> str:
        """Register `count` under filter `f` (and, for a change, the base it is measured from; for a share, the
        count it is a share of, quoted with the percentage); its text."""
        known = next((c for c in self.cited if c.filter == f and c.base == base and c.share == share), None)
        if known is None:
            known = _Cited(len(self.cited) + 1, f, count, base, share)
            self.cited.append(known)
        self._pending.append(known.n)
        return format_count(count)

    def where(self, f: Filter) -> str:
        """"recorded by City of London Police", "recorded in Camden", "recorded in the neighbourhood ... (LSOA)"."""
        if f.area is None:
            return f"recorded by {self.catalogue.force or 'the force'}"
        return f"recorded in the neighbourhood {f.area} (LSOA)" if f.lsoa else f"recorded in {f.area}"

    @staticmethod
    def change(now: int, before: int) -> str:
        if not before:
            return f" ({format_count(now - before, signed=True)})"
        return f" ({format_count(now - before, signed=True)}, " \
               f"{format_percent((now - before) / before * 100, signed=True)})"

    def _marked(self, text: str) -> str:
        marks = "".join(f"[{n}]" for n in dict.fromkeys(self._pending))
        self._pending = []
        if not marks:
            return text
        return text[:-1] + f" {marks}." if text.endswith(".") else f"{text} {marks}"

    def say(self, text: str) -> None:
        self.sentences.append(self._marked(text))

    def note(self, text: str) -> None:
        self.notes.append(self._marked(text))

    def refuse(self, reason: str) -> Answer:
        reason = reason.strip().rstrip(".")
        return Answer(text=f"Not found. {reason[:1].upper()}{reason[1:]}.", answerable=False,
                      question=self.ask.text, context=self.ask)

    def answer(self, index: StreetIndex) -> Answer:
        citations, figures = [], []
        for c in self.cited:
            citations.append(_citation(c, index))
            f = c.filter
            measure = "rows" if f.no_lsoa or f.outside else what(f, self.catalogue, 2)
            figures.append(Figure(c.count, measure, f.area or self.catalogue.force, ", ".join(f.crime_types),
                                  month_words(f.months), c.n, f.edition))
            if c.share is not None and c.share[1]:
                figures.append(Figure(round(c.count / c.share[1] * 100, 1), SHARE, f.area or self.catalogue.force,
                                      ", ".join(f.crime_types), month_words(f.months), c.n, f.edition))
            if c.base is not None:
                figures.append(Figure(c.count - c.base[1], DIFFERENCE, f.area or self.catalogue.force,
                                      ", ".join(f.crime_types), month_words(f.months), c.n, f.edition))
        return Answer(text=" ".join(self.sentences + self.notes), answerable=True, citations=tuple(citations),
                      figures=tuple(figures), question=self.ask.text, context=self.ask)


def describe(f: Filter) -> str:
    """The filter in the files' own column names, so it can be typed into pandas or a spreadsheet."""
    months = f.months[0] if len(f.months) == 1 else f"{f.months[0]} to {f.months[-1]} ({len(f.months)} months)"
    parts = [f"Month {'=' if len(f.months) == 1 else 'from'} {months}"]
    if f.crime_types:
        parts.append("Crime type " + ("= " if len(f.crime_types) == 1 else "in ") + " / ".join(f.crime_types))
    if f.exclude:
        parts.append("Crime type ≠ " + " / ".join(f.exclude))
    if f.area is not None:
        parts.append(f"LSOA name = {f.area}" if f.lsoa else f"LSOA name starts “{f.area} ”")
    if f.no_lsoa:
        parts.append("LSOA name empty")
    if f.outside is not None:
        parts.append(f"LSOA name not starting “{f.outside} ”")
    if f.outcome is not None:
        parts.append(f"Last outcome category = {f.outcome}")
    return "; ".join(parts)


def share_words(c: _Cited) -> str:
    """"; 12 of 48: 25.0%" for a count cited as a share, so the percentage an answer prints is quoted."""
    if c.share is None or not c.share[1]:
        return ""
    return f"; {format_count(c.count)} of {format_count(c.share[1])}: {format_percent(c.count / c.share[1] * 100)}"


def _citation(c: _Cited, index: StreetIndex) -> Citation:
    documents = index.documents(c.filter)
    inside = [d.split("/", 1)[1] if d.startswith(c.filter.edition + "/") else d for d in documents]
    files = inside[0] if len(inside) == 1 else f"{inside[0]} … {inside[-1]} ({len(inside)} files)"
    quote = f"{format_count(c.count)} {'row' if c.count == 1 else 'rows'} where {describe(c.filter)}" + share_words(c)
    if c.base is not None:
        earlier, before = c.base
        quote += f"; against {format_count(before)} rows for {month_words(earlier.months)}: " \
                 f"{Draft.change(c.count, before).strip(' ()')}"
    return Citation(n=c.n, document=documents[0] if documents else c.filter.edition,
                    title=f"police.uk street-level crime, download {c.filter.edition}",
                    locator=f"{c.filter.edition} › {files} › rows where {describe(c.filter)}", quote=quote,
                    publisher="police.uk", kind="police.uk street-level crime",
                    table={"edition": c.filter.edition, "filter": describe(c.filter), "files": list(documents)})
