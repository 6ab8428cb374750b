"""Turn table results and chosen sentences into answers with numbered citations, or a plain "not found"."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.store.load import LoadedIndex, Sentence
from assistant.ingest.measures import OFFENCES
from assistant.text.dates import MONTH_WORDS, nice_date
from assistant.answer.passages import Selection
from assistant.records import Answer, Citation, Figure

if TYPE_CHECKING:  # a passage answer needs no pandas: it is imported when a frame is read (store.load.Frames)
    import pandas as pd

    from assistant.answer.tables import RowRef, TableResult

CONTEXT_CHARS = 600


def describe_corpus(index: LoadedIndex) -> str:
    """What the documents do cover, for "not found" answers. No digits, so it can never be read as a figure."""
    documents = index.documents.values()
    catalogue = index.catalogue
    forces = " and ".join(catalogue.owner(force) for force in catalogue.forces())
    areas = " and ".join(catalogue.areas_in_words(force) for force in catalogue.forces())
    tables = (f"{forces} performance tables (offences, solved outcomes and solved rates for {areas}, "
              f"{catalogue.periods_in_words()})") if len(index.frame) and catalogue.editions else ""
    street = ""
    if index.street is not None and len(index.street):  # the catalogue is read only when there are rows
        force = index.street_catalogue.force
        street = f"police.uk street-level crime records{f' for {force}' if force else ''}, month by month"
    parts = [p for p in (tables, street, "passages from " + _documents_in_words(documents) if documents else "") if p]
    return "The documents hold " + " and ".join(parts) + "." if parts else "The corpus is empty."


def _documents_in_words(documents) -> str:
    """What the documents are: the kinds they were given ("board agenda pack, news article"); a document whose kind
    only says its file format ("Word document", as for files with no manifest) is named by its title, dates taken
    out so that no digit is shown and a series of minutes is named once ("“Sector Panel” (several dates)")."""
    kinds = sorted({d.kind.split(" (")[0] for d in documents if not d.kind.endswith("document")})
    titled: dict[str, int] = {}
    formats = []
    for d in documents:
        if d.kind.endswith("document"):
            if title := _undated(d.title):
                titled[title] = titled.get(title, 0) + 1
            else:
                formats.append(d.kind)
    named = [*kinds, *(f"“{t}”" + (" (several dates)" if n > 1 else "") for t, n in sorted(titled.items()))]
    if formats:
        named.append(_kinds_in_words(sorted(set(formats))))
    return ", ".join(named[:-1]) + " and " + named[-1] if len(named) > 1 else named[0]


_MONTH = "|".join(MONTH_WORDS)
DATE_IN_TITLE = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH})\w*\.?(?:\s+\d{{4}})?|"
                           rf"\b(?:{_MONTH})\w*\.?\s+\d{{4}}|\bQ[1-4]\b|[£$€]?\d[\d,./]*(?:%|k\b|m\b|bn\b)?", re.I)


def _undated(title: str) -> str:
    """"Crime and Justice Transparency minutes from 3rd August 2011" -> "Crime and Justice Transparency minutes";
    a figure goes whole with its sign and commas ("£148,500 Safer Nights scheme" -> "Safer Nights scheme"), since
    a number shown here would be one no citation backs."""
    text = re.sub(r"\s+", " ", DATE_IN_TITLE.sub(" ", title))
    text = re.sub(r"\s*([-–,])(?:\s*[-–,])+\s*", r" \1 ", text).strip(" -–,:/.")  # "Panel - - Minutes"
    text = re.sub(r"\s+(from|on|of|dated)$", "", text.replace(" ,", ","), flags=re.I)
    return text if re.search(r"[A-Za-z]{3}", text) else ""


def _kinds_in_words(kinds: list[str]) -> str:
    """"board agenda pack, news article": a kind a document was given is named as it is; a kind that only
    says a file's format ("Word document", "PDF document") is gathered into "PDF and Word documents"."""
    formats = [k.removesuffix("document").strip() for k in kinds if k.endswith("document")]
    named = [k for k in kinds if not k.endswith("document")]
    if formats:
        formats = [f for f in formats if f]
        named.append(f"{' and '.join(filter(None, (', '.join(formats[:-1]), formats[-1])))} documents"
                     if formats else "documents")
    return ", ".join(named)


def small_talk(question: str, kind: str, index: LoadedIndex, context=None) -> Answer:
    """A reply to a greeting or thanks: what can be asked here, with an example from what the index holds, and the
    conversation's context kept. No figure, so nothing to cite."""
    opening = "You're welcome." if kind == "thanks" else "Hello."
    example = _example_question(index)
    ask = f" For example: “{example}”" if example else ""
    text = (f"{opening} Ask about crime and community safety in the documents indexed here: a figure from the "
            f"tables, a change, a ranking, what a document says, or a claim to check.{ask} {describe_corpus(index)}")
    return Answer(text=text, answerable=False, question=question, context=context)


def _example_question(index: LoadedIndex) -> str:
    """A question the index can answer, from its own catalogue: its commonest detailed crime type (the most
    offences printed) and a district it prints."""
    catalogue = index.catalogue
    districts = catalogue.districts()
    leaves = {c.label for c in catalogue.crime_types if c.parent is not None and not catalogue.children(c.label)
              and not any(ch.isdigit() for ch in c.label)}  # a reply with no figure in it
    rows = index.frame[index.frame["crime_type"].isin(leaves) & (index.frame["measure"] == OFFENCES)]
    if not districts or rows.empty:
        return ""
    commonest = rows.groupby("crime_type")["value"].sum().idxmax()
    return f"Has {commonest.lower()} gone up in {districts[0]}?"


def not_found(question: str, reason: str, index: LoadedIndex, context=None, scope: str = "") -> Answer:
    """A plain refusal: why, and what the documents do hold instead (unless `reason` already says it)."""
    reason = reason.strip().rstrip(".")
    said = scope and scope.rstrip(".") in reason
    text = f"Not found. {reason[:1].upper()}{reason[1:]}." + ("" if said else " " + describe_corpus(index))
    return Answer(text=text, answerable=False, question=question, context=context)


def _table_locator(index: LoadedIndex, row: RowRef) -> str:
    """Document › edition › table › periods › row › column, then where to look: the page, or the sheet cell."""
    doc = index.documents.get(row.source_document)
    edition = index.catalogue.edition(row.edition)
    shown = row.table_title if row.table_title in (row.area, "Force") else f"{row.table_title} ({row.area})"
    periods = ""
    if edition is not None:
        earlier, later = edition.periods
        months, _, end = later.partition(" to ")
        rolling = "Rolling " if months == "12 months" else ""  # a part-year summary is no rolling year
        periods = f"{rolling}{months.title() if rolling else months} to {end.rsplit(' ', 1)[0]} " \
                  f"{earlier.rsplit(' ', 1)[-1]} vs {end.rsplit(' ', 1)[-1]}"
    parts = [doc.title] if doc is not None else []
    edition_title = row.edition if doc is None or row.edition != doc.title else ""  # a summary of its own
    parts += [p for p in (edition_title, shown, periods, row.crime_type, row.column_label) if p]
    where = _where(doc, row.row_start, row.position)
    return " › ".join(parts) + (f" ({where})" if where else "")


def _where(doc, offset: int, position: int = 0) -> str:
    """"page 12", or the cell's own address ("Braintree!D14") when the format has addresses."""
    location = doc.location_at(offset) if doc is not None else None
    if location is None:
        return ""
    if location.cells and 0 <= position < len(location.cells):
        return location.cells[position]
    return location.where


def table_row(frame: pd.DataFrame, area: str, crime_type: str) -> pd.DataFrame:
    """Every printed value of one table row, for showing the row beside the answer."""
    rows = frame[(frame["area"] == area) & (frame["crime_type"] == crime_type)]
    return rows[["column_label", "printed", "measure", "period", "value"]].reset_index(drop=True)


def from_table(question: str, result: TableResult, index: LoadedIndex) -> Answer:
    citations = []
    for n, row in enumerate(result.rows, start=1):
        doc = index.documents.get(row.source_document)
        quote = doc.text[row.row_start:row.row_end] if doc is not None else row.row_label
        citations.append(Citation(
            n=n, document=row.source_document, title=doc.title if doc else row.source_document,
            locator=_table_locator(index, row),
            quote=quote, publisher=doc.publisher if doc else "", date=doc.date if doc else "",
            kind=doc.kind if doc else "", start=row.row_start, end=row.row_end,
            table={"area": row.area, "crime_type": row.crime_type, "column": row.column_label,
                   "table_title": row.table_title}))
    figures = tuple(Figure(f.value, f.measure, f.area, f.crime_type, f.period, f.row, f.edition)
                    for f in result.figures)
    return Answer(text=result.text, answerable=result.answerable, citations=tuple(citations), figures=figures,
                  question=question, caveats=tuple(result.caveats), context=result.context, chart=result.chart)


def passage_citation(index: LoadedIndex, sentences: list[Sentence], n: int) -> Citation:
    """One citation for a run of adjacent sentences: the exact slice of the cleaned text they span."""
    first, last = sentences[0], sentences[-1]
    doc = index.documents[first.document]
    chunk = index.chunks[first.chunk]
    start = max(0, first.start - CONTEXT_CHARS // 2)
    end = min(len(doc.text), last.end + CONTEXT_CHARS // 2)
    paragraph = sum(1 for line in doc.text[:first.start].split("\n") if line.strip()) or 1
    where = _where(doc, first.start)
    locator = " › ".join((doc.title, *chunk.section_path, f"paragraph {paragraph}")) + (f" ({where})" if where else "")
    return Citation(n=n, document=doc.id, title=doc.title, locator=locator,
                    quote=doc.text[first.start:last.end], publisher=doc.publisher, date=doc.date,
                    kind=doc.kind, start=first.start, end=last.end, context=doc.text[start:end])


def _runs(index: LoadedIndex, sentences: tuple[Sentence, ...]) -> list[list[Sentence]]:
    """Group sentences into runs that are adjacent in the same document."""
    runs: list[list[Sentence]] = []
    for sentence in sentences:
        previous = runs[-1][-1] if runs else None
        if previous is not None and previous.document == sentence.document and \
                index.sentence_position[(sentence.document, sentence.start)] == \
                index.sentence_position[(previous.document, previous.start)] + 1:
            runs[-1].append(sentence)
        else:
            runs.append([sentence])
    return runs


def _known(value: str) -> str:
    return "" if value.strip().casefold() in ("", "unknown") else value


def from_passages(question: str, selection: Selection, index: LoadedIndex, context=None) -> Answer:
    """Quote the chosen sentences, naming each source, so the reader can weigh it and its date."""
    citations, parts = [], []
    for run in _runs(index, selection.sentences):
        doc = index.documents[run[0].document]
        citation = passage_citation(index, run, len(citations) + 1)
        quote = f"“{' '.join(citation.quote.split())}” [{citation.n}]"
        if citations and citations[-1].document == doc.id:  # more from the same source: named once ("AGENDA" … item 3)
            parts.append(f"… {quote}")
        else:
            title = doc.title.split(" (")[0]  # manifest titles may carry an editor's note in brackets
            when = nice_date(doc.date.split(" (")[0]) if doc.date else ""
            said = [w for w in (_known(doc.publisher), "" if when in title else when) if w]
            source = f"{title} ({', '.join(said)})" if said else title  # no "(unknown, ...)": what is not known is left out
            under = f", under the heading “{selection.heading}”" if selection.heading and not citations else ""
            parts.append(f"According to {source}{under}: {quote}")  # the heading gives the date asked for
        citations.append(citation)
    several = len({c.document for c in citations}) > 1
    text = "Several sources give figures on this, each for its own date or period. " + " ".join(parts) \
        if several else " ".join(parts)
    if selection.missing:  # a part of the question no sentence answers is named, not skipped
        text += " The documents do not say " + " or ".join(f"“{part}”" for part in selection.missing) + "."
    caveats = ("The sources are from different dates and may cover different periods: quote each with its "
               "own period.",) if several else ()
    return Answer(text=text, answerable=True, citations=tuple(citations), question=question, context=context,
                  caveats=caveats)
