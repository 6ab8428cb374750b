"""The records that cross module boundaries: frozen, JSON-ready, no behaviour beyond `to_dict`.

`to_dict` emits exactly the keys of the contracts in DESIGN.md; the extra fields (dates, spans,
table rows, caveats) serve the chat UI and never leak into `--json` output. A chart's bars are the one
optional addition: every number a chart draws, with the printed cell it was read from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Section:
    """A run of a document under one heading path, as a character span of the cleaned text."""

    path: tuple[str, ...]
    start: int
    end: int


@dataclass(frozen=True)
class Location:
    """Where a span of the cleaned text was printed: "page 3", or a sheet's cells ("Braintree!A14") with each
    table cell's own address in `cells` (parallel to the tab-separated cells of that line)."""

    start: int
    end: int
    where: str
    cells: tuple[str, ...] = ()


@dataclass(frozen=True)
class Document:
    """One cleaned source document with its manifest metadata. `id` is the file name."""

    id: str
    title: str
    publisher: str
    date: str
    kind: str
    path: str
    text: str
    sections: tuple[Section, ...] = ()
    locations: tuple[Location, ...] = ()
    format: str = ""
    uploaded: bool = False  # added through the chat, not part of the official corpus: its tables never
    # answer for a place and period an official summary prints (see answer/tables/resolve.py)

    def location_at(self, offset: int) -> Location | None:
        """Where the text at `offset` was printed, for formats that have pages, sheets or rows."""
        for location in self.locations:
            if location.start <= offset < location.end:
                return location
        return None

    def section_at(self, offset: int) -> tuple[str, ...]:
        """The heading path that covers a character offset (the last section starting at or before it)."""
        found: tuple[str, ...] = ()
        for section in self.sections:
            if section.start <= offset < section.end:
                found = section.path
        return found


@dataclass(frozen=True)
class Chunk:
    """A passage for retrieval: a span of one document, never straddling two.

    `sentences` holds (start, end) spans in document coordinates so answers can quote whole
    sentences and a citation can be checked against the cleaned text.
    """

    id: str
    document: str
    section_path: tuple[str, ...]
    start: int
    end: int
    text: str
    sentences: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Citation:
    """A numbered source: a quoted sentence, or a table row with the cell that was used."""

    n: int
    document: str
    title: str
    locator: str
    quote: str
    publisher: str = ""
    date: str = ""
    kind: str = ""
    start: int = -1
    end: int = -1
    context: str = ""
    table: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"n": self.n, "document": self.document, "title": self.title,
                "locator": self.locator, "quote": self.quote}


@dataclass(frozen=True)
class Figure:
    """One number the answer states, tied to the citation it came from."""

    value: float
    measure: str
    area: str
    crime_type: str
    period: str
    citation: int
    edition: str = ""  # the printed summary the figure comes from, for table figures

    def to_dict(self) -> dict[str, Any]:
        value = int(self.value) if float(self.value).is_integer() else self.value
        out = {"value": value, "measure": self.measure, "area": self.area,
               "crime_type": self.crime_type, "period": self.period}
        if self.edition:
            out["edition"] = self.edition
        out["citation"] = self.citation
        return out


@dataclass(frozen=True)
class Answer:
    """What the engine returns for a question or a claim."""

    text: str
    answerable: bool
    citations: tuple[Citation, ...] = ()
    figures: tuple[Figure, ...] = ()
    question: str = ""
    claim: str = ""
    verdict: str | None = None
    caveats: tuple[str, ...] = ()
    suggestion: str = ""
    context: Any = None
    chart: Any = None  # a frame of bars (rankings, comparisons, two years), each with the cell it was read from
    latency_ms: float = 0.0
    extra: dict[str, Any] = field(default_factory=dict)
    withheld: tuple[str, ...] = ()  # why a drafted answer was not shown: for evaluators, never in `text`
    parts: tuple["Answer", ...] = ()  # a compound claim's parts, each judged alone, citations numbered as here

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.claim:
            out["claim"] = self.claim
        else:
            out["question"] = self.question
        out["answer"] = self.text
        out["answerable"] = self.answerable
        if self.verdict is not None:
            out["verdict"] = self.verdict
        out["citations"] = [c.to_dict() for c in self.citations]
        out["figures"] = [f.to_dict() for f in self.figures]
        out["latency_ms"] = round(self.latency_ms, 1)
        if self.withheld:
            out["withheld"] = list(self.withheld)
        if self.chart is not None and len(self.chart):  # optional: every number a chart draws, and its cell
            out["chart"] = [chart_bar(bar) for bar in self.chart.to_dict("records")]
        if self.parts:  # optional: older readers ignore it
            out["parts"] = [{"claim": p.claim, "verdict": p.verdict, "answer": p.text, "suggestion": p.suggestion,
                             "citations": [c.n for c in p.citations]} for p in self.parts]
        return out


def chart_bar(bar: dict[str, Any]) -> dict[str, Any]:
    """One bar of an answer's chart for JSON: what it is (label, period), its value, and the printed cell it was
    read from (document, table, row and column as printed). A chart draws more numbers than its sentence names,
    and these are cited here rather than by markers in the text."""
    label = next((bar[key] for key in ("label", "area", "crime_type") if bar.get(key)), "")
    value = bar.get("value")
    out = {"label": label, "period": bar.get("period", ""),
           "value": int(value) if isinstance(value, float) and value.is_integer() else value}
    out.update({key: bar.get(key, "") for key in ("printed", "document", "table", "row", "column", "edition")})
    return {key: item for key, item in out.items() if item != ""}
