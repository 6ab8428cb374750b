"""police.uk outcomes and stop-and-search files: one tidy frame per kind, and what was learned from them.

Both kinds are monthly files of events (an outcome recorded for a crime; a search of a person or vehicle),
each row counted under labels the file prints. Which columns are labels is read from the headers, not named
here: every column except the ones that identify or place a row one by one (`_NOT_LABELS`: ids, dates,
coordinates, street names). The tidy frame keeps those label columns under police.uk's own header names, so
a citation's filter reads as the file does ("Object of search = Controlled drugs").

What the files hold, and the traps, are recorded per download (edition), as for street files:
- a month is held when a file for it exists, even one with a header and no rows (a month with no searches
  counts 0); its month comes from its rows, or, for an empty file, from the "YYYY-MM" in its name or folder;
- a file that lacks a label column other files of its kind have (older downloads had fewer) is recorded, so
  a count by that column over its month is refused, not silently undercounted;
- an outcome row carries no crime type: it is joined on "Crime ID" to the street rows of the same download
  only (never another download's), and rows that match no street crime keep an empty crime type, counted.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING


from assistant.ingest.corpus import CorpusProblem

if TYPE_CHECKING:
    import pandas as pd
from assistant.ingest.readers import ReaderError
from assistant.ingest.readers.policeuk import OUTCOMES, STOP_AND_SEARCH, read_rows

KINDS = (OUTCOMES, STOP_AND_SEARCH)
BASE = ("edition", "month", "document", "line")
CRIME_TYPE = "Crime type"  # on outcome rows: the type of the street crime the outcome is for (joined)
AREA = "area"  # on outcome rows: the local authority the LSOA name starts with
OUTCOME_TYPE = "Outcome type"  # police.uk's header for an outcome row's label
_NOT_LABELS = frozenset({"Crime ID", "Month", "Date", "Latitude", "Longitude", "Location", "LSOA code",
                         "Reported by", "Falls within", "Context", "line"})
_MONTH_IN_NAME = re.compile(r"(?<!\d)(\d{4}-(?:0[1-9]|1[0-2]))(?!\d)")
_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


@dataclass(frozen=True)
class EventEdition:
    """One download's files of one kind: the months held, their files, and the label columns a file lacks."""

    name: str
    months: tuple[str, ...]
    files: dict[str, tuple[str, ...]]
    rows: int
    lacking: dict[str, tuple[str, ...]] = field(default_factory=dict)  # month -> label columns its file lacks


@dataclass(frozen=True)
class EventCatalogue:
    """What one kind of file holds, learned at build; editions newest first."""

    kind: str
    editions: tuple[EventEdition, ...] = ()
    labels: dict[str, tuple[str, ...]] = field(default_factory=dict)  # column -> its labels, most rows first
    unmatched: int = 0  # outcome rows whose Crime ID matches no street row of their download
    month_column: str = "Month"  # the column a row's month is read from ("Date" in stop-and-search files)

    @property
    def columns(self) -> tuple[str, ...]:
        return tuple(self.labels)

    def edition(self, name: str) -> EventEdition | None:
        return next((e for e in self.editions if e.name == name), None)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> EventCatalogue:
        editions = tuple(EventEdition(e["name"], tuple(e["months"]), {m: tuple(f) for m, f in e["files"].items()},
                                      e["rows"], {m: tuple(c) for m, c in e.get("lacking", {}).items()})
                         for e in data.get("editions", ()))
        return cls(data["kind"], editions, {c: tuple(v) for c, v in data.get("labels", {}).items()},
                   data.get("unmatched", 0), data.get("month_column", "Month"))


def month_of_name(doc_id: str) -> str | None:
    """The last "YYYY-MM" in a file's path (police.uk names files and folders by month), or None."""
    found = _MONTH_IN_NAME.findall(doc_id)
    return found[-1] if found else None


def read_events(corpus_dir: Path, files: dict[str, str], kind: str, edition_of, area_of,
                crimes: pd.DataFrame | None = None) -> tuple[pd.DataFrame, EventCatalogue, list[CorpusProblem]]:
    """Read every file of `kind` (`files`: document id -> kind) into one tidy frame, with its catalogue.

    `edition_of` and `area_of` are the street reader's (a file's download; an LSOA name's local authority);
    `crimes` (edition, Crime ID, Crime type) are the street rows outcome rows are joined to."""
    import pandas as pd

    parts, problems, lacking, months_of, month_column = [], [], {}, {}, "Month"
    headers: dict[str, set[str]] = {}
    for doc_id in sorted(d for d, k in files.items() if k == kind):
        try:
            rows = read_rows(Path(corpus_dir) / doc_id)
        except ReaderError as error:
            problems.append(CorpusProblem(doc_id, str(error)))
            continue
        month_column = "Month" if "Month" in rows else "Date"
        month = (rows["Month"] if "Month" in rows else rows["Date"].fillna("").str[:7]).fillna("")
        bad = ~month.str.match(_MONTH)
        if bad.any():
            problems.append(CorpusProblem(doc_id, f"{doc_id}: {int(bad.sum())} rows have no month in YYYY-MM "
                                                  "form and were left out."))
            rows, month = rows[~bad], month[~bad]
        if rows.empty:
            named = month_of_name(doc_id)
            if named is None:
                problems.append(CorpusProblem(doc_id, f"{doc_id} holds no rows and its name has no month, so it "
                                                      "was left out; keep police.uk's file names."))
                continue
            months_of[doc_id] = (named,)
        else:
            months_of[doc_id] = tuple(sorted(set(month)))
        headers[doc_id] = set(rows.columns) - _NOT_LABELS
        parts.append(rows.assign(edition=edition_of(doc_id), month=month, document=doc_id))
    label_columns = sorted(set().union(*headers.values())) if headers else []
    if kind == OUTCOMES and "LSOA name" in label_columns:
        label_columns = [CRIME_TYPE, AREA, *label_columns]
    for doc_id, held in headers.items():
        missing = tuple(c for c in label_columns if c not in held and c not in (CRIME_TYPE, AREA))
        if missing:
            for month in months_of[doc_id]:
                lacking.setdefault(edition_of(doc_id), {})[month] = missing
            problems.append(CorpusProblem(doc_id, f"{doc_id} has no {', '.join(missing)} column; counts by "
                                                  f"{'it' if len(missing) == 1 else 'them'} leave its month out."))
    frame = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=[*BASE, "Crime ID"])
    unmatched = 0
    if kind == OUTCOMES:
        frame, unmatched = _with_crime_types(frame, crimes, area_of)
    frame = _tidy(frame, label_columns)
    learned = _learn(kind, frame, label_columns, months_of, lacking, edition_of, unmatched)
    return frame, replace(learned, month_column=month_column), problems


def _with_crime_types(frame: pd.DataFrame, crimes: pd.DataFrame | None, area_of) -> tuple[pd.DataFrame, int]:
    """Outcome rows with the crime type of their street crime (same download only) and their LSOA's area."""
    if crimes is None or crimes.empty or "Crime ID" not in frame:
        joined = frame.assign(**{CRIME_TYPE: None})
    else:
        known = crimes.drop_duplicates(["edition", "Crime ID"])
        joined = frame.merge(known, on=["edition", "Crime ID"], how="left", validate="many_to_one")
    if "LSOA name" in joined:
        joined[AREA] = joined["LSOA name"].map(area_of)
    return joined, int(joined[CRIME_TYPE].isna().sum()) if len(joined) else 0


def _tidy(frame: pd.DataFrame, label_columns: list[str]) -> pd.DataFrame:
    """Base columns then label columns, labels as categories (small on disk, fast to filter)."""
    frame = frame.reindex(columns=[*BASE, *label_columns])
    frame["line"] = frame["line"].fillna(0).astype("int64")
    for column in frame.columns:
        if column != "line":
            frame[column] = frame[column].astype("string").str.strip().astype("category")
    return frame


def _learn(kind: str, frame: pd.DataFrame, label_columns: list[str], months_of: dict[str, tuple[str, ...]],
           lacking: dict[str, dict[str, tuple[str, ...]]], edition_of, unmatched: int) -> EventCatalogue:
    by_edition: dict[str, dict[str, list[str]]] = {}
    for doc_id, months in months_of.items():
        for month in months:
            by_edition.setdefault(edition_of(doc_id), {}).setdefault(month, []).append(doc_id)
    rows = Counter(frame["edition"].astype(str)) if len(frame) else Counter()
    editions = [EventEdition(name, tuple(sorted(files)), {m: tuple(sorted(d)) for m, d in sorted(files.items())},
                             rows.get(name, 0), lacking.get(name, {}))
                for name, files in by_edition.items()]
    editions.sort(key=lambda e: (e.months[-1], e.months[0], e.name), reverse=True)
    labels = {}
    for column in label_columns:
        counts = frame[column].value_counts()
        labels[column] = tuple(str(v) for v, n in counts.items() if n)
    return EventCatalogue(kind, tuple(editions), labels, unmatched)

