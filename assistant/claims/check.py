"""Claim checking: a press line in, a verdict (supported, contradicted, mixed, not found) with exact, cited figures out.

A compound claim ("X rose and Y fell") is split and each part judged on its own (`claims.compound`). Two kinds
of source judge a claim. The performance tables are exact: the printed cell for the claimed area, crime type
and measure, for the latest period unless the claim names one, in every edition covering it (`claims.tables`;
a rate's change as a ratio or in points, `claims.rates`; areas compared, `claims.between`). The documents'
prose is read by rules (`claims.prose`): every sentence's figures with the place, crime type, period and
direction they belong to, worked out from the sentence and the ones around it ("All crime is also down
across the district by 9.2%" is Southend's, for the 12 months to December 2023, because the sentences before
say so); `claims.sentences` judges the claim against them. A claim attributed to a source ("the Echo
reported ...") is judged by that source only, for what it says the source said (`claims.attribution`): by the
source's own sentences when it has any, its tables otherwise.

A source that covers the claim backs it or contradicts it under the tolerance rules in `claims.tolerance`.
A claim that states a period is judged by the sources for that period only; a source backing its figure for
another period is named and cited, never counted. One that states none is judged by the tables' latest
period and by each document for its own. For one period the table outranks prose. When the latest period
contradicts a claim that an older period backs ("fell by 9.2%": true for 2023, not for the year to October
2024), the verdict is "mixed" and the explanation names each period and figure; when the latest backs it,
older figures are quoted as history (`claims.verdict`). A claim about a place, crime or period no source
covers is "not found": a nearby figure is never offered as if it answered.

Every number the explanation states is in a cited row or sentence, or in the claim; tolerances are given
in words. `check_claim` is the entry point (called by `Assistant.check`); `Answer.suggestion` is wording to
use whatever the verdict; `Answer.extra["sources"]` lists each source's own verdict and period, and
`Answer.parts` each part of a compound claim, for the chat UI.
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.answer import compose
from assistant.understand import question as understand
from assistant.claims.attribution import Attribution, attribution_of
from assistant.claims.between import between_evidence, compares_areas
from assistant.claims.compound import combine, split_claim
from assistant.claims.conditions import condition_evidence
from assistant.claims.directions import UP
from assistant.claims.parse import ClaimShape, parse_claim
from assistant.claims.sentences import off_period_evidence, sentence_evidence
from assistant.claims.subject import Subject, subject_of
from assistant.claims.tables import table_evidence
from assistant.claims.verdict import CONTRADICTED, MIXED, NOT_FOUND, SUPPORTED, Evidence, is_dated, verdict_of
from assistant.claims.wording import capitalised, crime_name, in_place, period_as_written, source_name
from assistant.store.load import LoadedIndex
from assistant.answer.tables import TableResult
from assistant.understand.query import Query
from assistant.records import Answer, Citation, Figure


def check_claim(engine, claim: str) -> Answer:
    """Judge one claim against the tables and the documents' prose (see the module docstring); a compound
    claim part by part (`claims.compound`)."""
    parts = split_claim(claim)
    if len(parts) > 1:
        return combine(claim, parts, [_check_one(engine, part) for part in parts])
    return _check_one(engine, claim)


def _check_one(engine, claim: str) -> Answer:
    """Judge a claim that asserts one thing. A claim attributed to a source ("the Echo reported that ...") is
    read for what it says the source said; the source's own words pick the documents (`claims.attribution`)."""
    said = attribution_of(claim, engine.index)
    shape = parse_claim(said.content)
    read = understand.parse(said.content)
    query = _with_source_place(read, said)
    subject = subject_of(shape, query)
    between = between_evidence(shape, subject, engine.tables) if compares_areas(shape) else []
    if not between:  # "rose in every district": how many areas meet a condition, not one area's figure
        between = condition_evidence(said.content, read.areas, engine.tables)
        subject = replace(subject, force_wide=False) if between else subject
    table = between or table_evidence(shape, subject, engine.tables, query)
    prose = [] if between else sentence_evidence(shape, subject, engine.prose, said)  # not one area's trend
    if said.documents:  # "the press release said ...": what that source says, in its own words when it has any
        table = [e for e in table if e.document in said.documents]
        if any(e.document in said.documents for e in prose):
            table = []
    if table:  # for the tables' own period the printed cell is exact: a sentence that disagrees was misread
        prose = [e for e in prose if e.period_key != table[0].period_key or e.verdict == table[0].verdict]
    evidence = table + sorted(prose, key=lambda e: str(e.period_key), reverse=True)
    elsewhere = [] if between else off_period_evidence(shape, subject, engine.prose, said)
    for item in elsewhere:
        item.elsewhere = True
    verdict = verdict_of(evidence)
    if verdict == NOT_FOUND and not elsewhere:
        return _not_found(claim, shape, subject, query)
    answer = _compose(claim, shape, subject, query, evidence + elsewhere, verdict, engine.index)
    # Not found for its own period, but the figure is a source's for another: named and cited, still not found.
    return replace(answer, answerable=False) if verdict == NOT_FOUND else answer


def _with_source_place(query: Query, said: Attribution) -> Query:
    """"The Northampton paper reported four homicides": a place named only in the source is where the
    content is about."""
    if not said.source or query.areas or query.unknown_places:
        return query
    where = understand.parse(said.source)
    return replace(query, areas=where.areas, unknown_places=where.unknown_places)


def _not_found(claim: str, shape: ClaimShape, subject: Subject, query: Query) -> Answer:
    """Why no source could judge the claim, stating no number the claim did not."""
    what = "for " + " and ".join(crime_name(t) for t in subject.crime_types) if subject.crime_types else "on this"
    where = ", ".join(in_place(p) for p in subject.places)
    reasons = []
    if subject.table_reason:
        reasons.append(subject.table_reason)
    when = f" for {period_as_written(shape.period)}" if shape.period is not None and shape.period.label else ""
    reasons.append(f"no document gives a figure or trend {what} {where}{when} that bears on the claim")
    text = (f"Not found. {capitalised('; '.join(reasons))}. No nearby figure is offered in its place: check the "
            f"claim against a source that covers it.")
    return Answer(text=text, answerable=False, claim=claim, verdict=NOT_FOUND, context=query,
                  caveats=subject.cautions)


class _Citer:
    """Turns the evidence's [[key]] markers into citation numbers, in the order the answer first uses them."""

    def __init__(self, index: LoadedIndex, cites: dict):
        self.index = index
        self.cites = cites  # key -> ("row", RowRef) | ("sentence", Sentence)
        self.numbers: dict[str, int] = {}
        self.citations: list[Citation] = []

    def mark(self, text: str) -> str:
        return re.sub(r"\[\[(.+?)\]\]", lambda m: f"[{self._number(m.group(1))}]", text)

    def _number(self, key: str) -> int:
        if key not in self.numbers:
            n = len(self.citations) + 1
            kind, item = self.cites[key]
            if kind == "row":  # a table row is cited the way a table answer cites it
                result = TableResult("", True, rows=(item,))
                citation = replace(compose.from_table("", result, self.index).citations[0], n=n)
            else:
                citation = compose.passage_citation(self.index, [item], n)
            self.numbers[key] = n
            self.citations.append(citation)
        return self.numbers[key]


def _compose(claim: str, shape: ClaimShape, subject: Subject, query: Query, evidence: list[Evidence],
             verdict: str, index: LoadedIndex) -> Answer:
    """The answer: explanation, safer wording, figures, caveats, and each source's own verdict for the UI.

    The explanation is marked up first, so citations are numbered in the order the reader meets them."""
    citer = _Citer(index, {k: v for e in evidence for k, v in e.cites.items()})
    text = _explanation(shape, evidence, verdict, citer)
    suggestion = _suggestion(shape, subject, evidence, verdict, citer)
    figures = []
    for item in evidence:
        for value, measure, area, crime_type, period, key in item.figures:
            if key in citer.numbers:  # a figure is listed only with the citation that shows it
                figures.append(Figure(float(value), measure, area, crime_type, period, citer.numbers[key]))
    extra = {"sources": [{"kind": e.source, "verdict": e.verdict, "period": e.period_label,
                          "document": e.document} for e in evidence]}
    return Answer(text=text, answerable=True, citations=tuple(citer.citations), figures=tuple(figures),
                  claim=claim, verdict=verdict, caveats=_caveats(subject, evidence, verdict), suggestion=suggestion,
                  context=query, extra=extra)


def _explanation(shape: ClaimShape, evidence: list[Evidence], verdict: str, citer: _Citer) -> str:
    """The verdict, then what each source says and how that bears on the claim."""
    if verdict == NOT_FOUND and shape.period is None:
        parts = ["Not found: the source says nothing on this at the meeting the claim names; the claimed figure "
                 "is from another meeting."]
    elif verdict == NOT_FOUND:
        parts = [f"Not found: no source gives a figure for {period_as_written(shape.period)}, the period the "
                 f"claim names; the claimed figure is one source's for another period."]
    elif verdict == MIXED:
        parts = ["Mixed: the sources disagree, each for its own period."]
    else:
        parts = [f"{verdict.capitalize()}."]
    for item in evidence:
        parts.append(" ".join(w for w in (citer.mark(item.statement), _bearing(item, verdict), item.reason) if w))
    table = next((e for e in evidence if e.source == "table"), None)
    if table is not None and (shape.period is None or shape.period.relative):
        parts.append(f"No period was stated, so the tables were read for the latest period, {table.period_label}.")
    return " ".join(parts)


def _bearing(item: Evidence, verdict: str) -> str:
    """Under a "supported" verdict, an older source that disagrees is history rather than a contradiction."""
    source_verdict = item.verdict
    if item.elsewhere:
        return ""
    if source_verdict == SUPPORTED:
        return "This backs the claim."
    return "This does not back the claim." if verdict == SUPPORTED else "This contradicts the claim."


def _suggestion(shape: ClaimShape, subject: Subject, evidence: list[Evidence], verdict: str, citer: _Citer) -> str:
    """Wording to use whatever the verdict (the exact figure and period to quote), the table's first; for a
    figure that belongs to another period, also how to quote it honestly."""
    worded = [e for e in evidence if e.suggestion and not e.elsewhere] or [e for e in evidence if e.suggestion]
    if verdict == SUPPORTED:
        worded = [e for e in worded if e.verdict == SUPPORTED] or worded
    if not worded:
        return ""
    source = next((e for e in worded if e.source == "table"), worded[0])
    suggestion = citer.mark(source.suggestion)
    # What backs the claim for another period: an older edition's row, or a document's sentence.
    backing = [e for e in evidence if e.verdict == SUPPORTED and e.period_key != source.period_key]
    if (verdict == MIXED or any(e.elsewhere for e in backing)) and source.source == "table" and backing:
        older = max(backing, key=lambda e: e.period_key if is_dated(e.period_key) else (0, 0))
        what = f"“{shape.amount.text}”" if shape.amount is not None else \
            f"a {'rise' if subject.direction == UP else 'fall'}"
        suggestion += " " + citer.mark(f"If quoting {what}, say it is for {older.period_label}, as reported by "
                                       f"{source_name(citer.index.documents[older.document])} "
                                       f"[[{older.key or next(iter(older.cites))}]].")
    return suggestion


def _caveats(subject: Subject, evidence: list[Evidence], verdict: str) -> tuple[str, ...]:
    """The sources' own caveats and how the claim was read, plus a word on mixing periods where it matters."""
    caveats = tuple(dict.fromkeys(c for e in evidence for c in e.caveats)) + subject.cautions
    if verdict == SUPPORTED and any(e.verdict == CONTRADICTED for e in evidence):
        caveats += ("Older sources give other figures for their own periods (quoted above); the claim holds for "
                    "the latest period, so say which period it is about.",)
    elif any(e.source == "prose" for e in evidence) and any(e.source == "table" for e in evidence) and \
            verdict != MIXED:
        caveats += ("The prose figures are for the periods their documents name, which may differ from the "
                    "tables' periods.",)
    return caveats
