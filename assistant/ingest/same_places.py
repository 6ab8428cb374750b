"""One name for one place, and one all-crime row, within an edition and across editions: learned from the figures.

A summary may name its whole area twice: "Harnbury" read from its title over the table of offence groups, and
"Harnbury District" printed as the last row of its table of wards. Another edition may print the whole area under a
name of its own, and its all-crime row as "All crime" where the first says "Total recorded crime". Left apart, the
index lists two areas for one place, and "the district" or a comparison of the two editions finds no figure.

Two rules, both read from the figures, never from a name:
- within an edition, an area whose every figure printed under a crime type the whole area also prints is the whole
  area's figure (at least two of them, all equal) is the whole area, under the whole area's name. A crime type printed for it whose figures are the whole area's all-crime figures, for every measure and
  period both print, is that all-crime row under another header;
- across editions, two whole areas under different names whose editions print the same smaller areas (at least
  two, all of them) are one place, named as the newest edition names it.
"""

from __future__ import annotations

from collections import defaultdict

from assistant.ingest.measures import OFFENCES
from assistant.ingest.table_words import FORCE_TITLE

_AT_LEAST = 2  # figures (or smaller areas) that must agree before two names are taken for one


def one_name_per_place(rows: list[dict]) -> list[dict]:
    """The frame's records (dicts of the frame's columns) with each whole area and all-crime row named once."""
    by_edition: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_edition[row["edition"]].append(row)
    for edition_rows in by_edition.values():
        _merge_whole_area(edition_rows)
    _same_whole_across(by_edition)
    return rows


def _cells(rows: list[dict], area: str) -> dict[tuple[str, str, str], float]:
    return {(row["crime_type"], row["measure"], row["period"]): row["value"] for row in rows
            if row["area"] == area and row["value"] == row["value"]}


def _whole(rows: list[dict]) -> str | None:
    wholes = {row["area"] for row in rows if row["table_title"] == FORCE_TITLE}
    return next(iter(wholes)) if len(wholes) == 1 else None


def _merge_whole_area(rows: list[dict]) -> None:
    whole = _whole(rows)
    if whole is None:
        return
    own = _cells(rows, whole)
    total = _largest_row(own)
    for area in dict.fromkeys(row["area"] for row in rows if row["area"] != whole):
        theirs = _cells(rows, area)
        shared = [key for key in theirs if key in own and key[1] == OFFENCES]
        if len(shared) < _AT_LEAST or any(theirs[key] != own[key] for key in theirs if key in own):
            continue
        same_total = _same_row(theirs, own, total)
        for row in rows:
            if same_total and row["crime_type"] == same_total:
                row["crime_type"] = total
            if row["area"] == area:
                row["area"], row["table_title"] = whole, FORCE_TITLE
        return


def _largest_row(cells: dict[tuple[str, str, str], float]) -> str | None:
    """The crime type with the largest offence count: the all-crime row, when the table prints one."""
    counts = {crime: value for (crime, measure, _), value in cells.items() if measure == OFFENCES}
    return max(counts, key=counts.get) if counts else None


def _same_row(theirs: dict, own: dict, total: str | None) -> str | None:
    """The crime type printed for `theirs` (not printed for the whole area) whose every figure equals the whole
    area's all-crime figure for the same measure and period, at least two of them; else None."""
    if total is None:
        return None
    for crime in dict.fromkeys(key[0] for key in theirs):
        if any(key[0] == crime for key in own):
            continue
        matched = [(measure, period) for (label, measure, period) in theirs if label == crime]
        if len(matched) >= _AT_LEAST and all(own.get((total, m, p)) == theirs[(crime, m, p)] for m, p in matched):
            return crime
    return None


def _same_whole_across(by_edition: dict[str, list[dict]]) -> None:
    """Whole areas of two editions printing the same smaller areas: the older one takes the newest one's name."""
    newest_first = sorted(by_edition, key=lambda edition: max(row["period_end"] for row in by_edition[edition]),
                          reverse=True)
    named: list[tuple[str, frozenset[str]]] = []
    for edition in newest_first:
        rows = by_edition[edition]
        whole = _whole(rows)
        if whole is None:
            continue
        parts = frozenset(row["area"] for row in rows if row["area"] != whole)
        same = next((name for name, others in named if others == parts and name != whole), None) \
            if len(parts) >= _AT_LEAST else None
        if same is not None and all(row["area"] != same for row in rows):
            for row in rows:
                if row["area"] == whole:
                    row["area"] = same
            whole = same
        named.append((whole, parts))
