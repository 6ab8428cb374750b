"""What one source says about a claim (`Evidence`), and the rules that combine the sources into one verdict.

Kept apart from the code that finds evidence so the rules can be read, and tested, on their own: a verdict
depends only on each source's own verdict, kind (table or prose) and period.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SUPPORTED, CONTRADICTED, MIXED, NOT_FOUND, UNCONFIRMED = (
    "supported", "contradicted", "mixed", "not found", "unconfirmed")


@dataclass
class Evidence:
    """What one source says about the claim and whether that backs it."""

    verdict: str
    source: str  # "table" | "prose"
    period_key: object  # (year, month) the period ends, or ("unknown", document, words) for an undated text
    period_label: str
    statement: str  # with [[key]] markers for citations
    reason: str
    cites: dict = field(default_factory=dict)  # key -> ("row", RowRef) | ("sentence", Sentence)
    figures: list = field(default_factory=list)  # (value, measure, area, crime_type, period, key)
    suggestion: str = ""
    document: str = ""
    rank: int = 0
    caveats: tuple[str, ...] = ()
    fuzzy: bool = False  # matched by shared words rather than by place, crime type and measure
    key: str = ""  # the citation key of the sentence that states the figure
    elsewhere: bool = False  # backs the claimed figure for another period than the claim names: never decides


def is_dated(period_key: object) -> bool:
    """Is this a (year, month) period end, rather than the key of a text that names no period?"""
    return isinstance(period_key, tuple) and bool(period_key) and isinstance(period_key[0], int)


def verdict_of(evidence: list[Evidence]) -> str:
    """The claim's verdict from what each source says.

    Sources are grouped by the period they speak for; within a period the table outranks prose. The most
    recent dated period decides when it backs the claim (older figures for other periods are history, not
    contradiction). When it contradicts the claim but another period backs it, the claim is mixed: true
    once, not now. With no dated source, agreeing sources decide and disagreeing ones make it mixed.
    """
    groups: dict[object, list[Evidence]] = {}
    for item in (e for e in evidence if not e.elsewhere):
        groups.setdefault(item.period_key, []).append(item)
    verdicts = {key: _group_verdict(items) for key, items in groups.items()}
    if not verdicts:
        return NOT_FOUND
    dated = [key for key in verdicts if is_dated(key)]
    if dated:
        latest = verdicts[max(dated)]
        if latest != CONTRADICTED:
            return latest
        return MIXED if set(verdicts.values()) - {CONTRADICTED} else CONTRADICTED
    values = set(verdicts.values())
    return values.pop() if len(values) == 1 else MIXED


def _group_verdict(items: list[Evidence]) -> str:
    """One period's verdict: the table's when it has one (the printed cell is exact), else the prose's."""
    table = [e.verdict for e in items if e.source == "table"]
    if table:
        return CONTRADICTED if CONTRADICTED in table else SUPPORTED
    values = {e.verdict for e in items}
    return values.pop() if len(values) == 1 else MIXED
