"""police.uk street-level crime: one tidy frame of rows, and what was learned from them (`StreetCatalogue`).

Every fact here comes from the files. A download is an **edition**: the top folder of `corpus/` holding the
files (police.uk downloads unpack to a folder each), so two downloads of overlapping months stay apart and are
never blended. Within an edition the catalogue records the months held (a month with no street file is a gap),
the months whose file holds incident rows and the files by month. Across editions it records the crime types,
which of them are incidents rather than crimes (police.uk gives an incident no outcome: anti-social behaviour
rows have an empty "Last outcome category"), the outcome categories, the local authorities read from LSOA
names ("Camden 028B" → Camden), the force's own one (where most of its rows lie) and the rows with no LSOA.
The outcomes and stop-and-search files beside them are read by `ingest.events` into frames of their own
(`PoliceFrames`), and `save`/`load` keep all of them in the index, so the store knows one call each way.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING


from assistant.ingest.corpus import CorpusProblem, corpus_files, document_id
from assistant.ingest.events import KINDS, EventCatalogue, read_events
from assistant.ingest.readers import ReaderError
from assistant.ingest.readers.policeuk import STREET, read_rows, sniff

if TYPE_CHECKING:  # pandas is imported by the functions that read or write frames
    import pandas as pd

COLUMNS = ("edition", "month", "crime_type", "outcome", "area", "lsoa_code", "lsoa_name", "location",
           "force", "document", "line")
FILES = {STREET: "street.parquet", **{kind: kind.replace(" ", "_") + ".parquet" for kind in KINDS}}
CATALOGUE = "street.json"
TOP_LEVEL = "(top level)"  # the edition of files dropped straight into corpus/, not in a download folder
_LSOA_NAME = re.compile(r"^(?P<area>.+?)\s+\d{3}[A-Z]$")
_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


@dataclass(frozen=True)
class StreetEdition:
    """One download: its folder, the months its street files hold, and which files hold them."""

    name: str
    months: tuple[str, ...]  # "YYYY-MM", sorted
    incident_months: tuple[str, ...]  # months whose rows include incidents (anti-social behaviour)
    files: dict[str, tuple[str, ...]]  # month -> the street files (document ids) holding its rows
    rows: int

    @property
    def last_month(self) -> str:
        return self.months[-1] if self.months else ""

    def gaps(self) -> tuple[str, ...]:
        """Months between the first and the last held that have no street file."""
        return tuple(m for m in month_range(self.months[0], self.months[-1]) if m not in self.months) \
            if self.months else ()


@dataclass(frozen=True)
class StreetCatalogue:
    """What the street files hold, learned at build; editions newest first (by the last month held)."""

    editions: tuple[StreetEdition, ...] = ()
    crime_types: tuple[str, ...] = ()  # most rows first
    incident_types: tuple[str, ...] = ()  # types whose rows never carry an outcome: incidents, not crimes
    outcomes: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()  # local authorities from LSOA names, most rows first
    home_area: str = ""  # the force's own local authority: where most of its rows lie
    force: str = ""
    lsoas: tuple[str, ...] = ()
    events: dict[str, EventCatalogue] = field(default_factory=dict)  # outcomes / stop and search files, by kind

    def edition(self, name: str) -> StreetEdition | None:
        return next((e for e in self.editions if e.name == name), None)

    def describe(self) -> list[str]:
        """What the street files taught the index, in plain lines (printed by `assistant index`)."""
        lines = []
        for edition in self.editions:
            gaps = edition.gaps()
            held = f"{edition.months[0]} to {edition.last_month}" if edition.months else "no months"
            lines.append(f"police.uk download: {edition.name} ({edition.rows:,} street rows, {held}"
                         + (f"; no file for {', '.join(gaps)}" if gaps else "") + ")")
        if self.editions:
            lines.append(f"police.uk areas: {self.force or 'the force'}, mostly {self.home_area or 'unknown'}; "
                         f"{len(self.crime_types)} crime types ({', '.join(self.incident_types) or 'none'} counted "
                         "as incidents, not crimes)")
        for kind, events in self.events.items():
            for edition in events.editions:
                lines.append(f"police.uk {kind} files: {edition.name} ({edition.rows:,} rows, {edition.months[0]} "
                             f"to {edition.months[-1]})")
        return lines

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "StreetCatalogue":
        editions = tuple(StreetEdition(name=e["name"], months=tuple(e["months"]),
                                       incident_months=tuple(e["incident_months"]),
                                       files={m: tuple(f) for m, f in e["files"].items()}, rows=e["rows"])
                         for e in data.get("editions", ()))
        events = {kind: EventCatalogue.from_dict(e) for kind, e in data.get("events", {}).items()}
        plain = {k: tuple(v) if isinstance(v, list) else v for k, v in data.items() if k not in ("editions", "events")}
        return cls(editions=editions, events=events, **plain)


@dataclass(frozen=True)
class PoliceFrames:
    """The police.uk rows of an index: street crimes, and the outcomes and stop-and-search files' rows (by kind).

    Its length is the street rows', the count the rest of the product means by "police.uk rows"."""

    street: pd.DataFrame
    events: dict[str, pd.DataFrame] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.street)


@dataclass(frozen=True)
class StreetLoad:
    frame: pd.DataFrame
    catalogue: StreetCatalogue
    files: tuple[str, ...]  # every police.uk file recognised (document ids), for the passage reader to skip
    problems: tuple[CorpusProblem, ...]
    events: dict[str, pd.DataFrame] = field(default_factory=dict)  # outcomes / stop and search rows, by kind

    @property
    def frames(self) -> PoliceFrames:
        return PoliceFrames(self.frame, self.events)


def save(police: StreetLoad, build: Path) -> None:
    """Write the police.uk frames and their catalogue into a build folder (nothing when none were read)."""
    if not len(police.frame) and not any(len(f) for f in police.events.values()):
        return
    police.frame.to_parquet(build / FILES[STREET], engine="pyarrow", index=False)
    for kind, frame in police.events.items():
        frame.to_parquet(build / FILES[kind], engine="pyarrow", index=False)
    (build / CATALOGUE).write_text(json.dumps(police.catalogue.to_dict(), indent=1))


def load(build: Path) -> tuple[PoliceFrames | None, StreetCatalogue]:
    """The police.uk frames and catalogue of a build (None when its corpus held no police.uk files); a frame
    whose columns are not the ones written raises ValueError (the store reports the index damaged)."""
    if not (build / FILES[STREET]).exists():
        return None, StreetCatalogue()
    import pandas as pd

    street = pd.read_parquet(build / FILES[STREET], engine="pyarrow")
    if tuple(street.columns) != COLUMNS:
        raise ValueError(f"{FILES[STREET]} does not hold the street frame's columns")
    if street.empty:  # a corpus of outcomes or searches alone: parquet keeps no categories for no rows
        street = tidy(street)
    catalogue = StreetCatalogue.from_dict(json.loads((build / CATALOGUE).read_text()))
    events = {}
    for kind, learned in catalogue.events.items():
        events[kind] = pd.read_parquet(build / FILES[kind], engine="pyarrow")
        if not set(learned.columns) <= set(events[kind].columns):
            raise ValueError(f"{FILES[kind]} does not hold the {kind} columns its catalogue lists")
    return PoliceFrames(street, events), catalogue


def month_range(first: str, last: str) -> list[str]:
    """Every "YYYY-MM" from `first` to `last` inclusive."""
    (y, m), (y2, m2) = map(int, first.split("-")), map(int, last.split("-"))
    out = []
    while (y, m) <= (y2, m2):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def area_of(lsoa_name: object) -> str | None:
    """The local authority an LSOA name starts with ("Camden 028B" → "Camden"); None when there is none."""
    if not isinstance(lsoa_name, str) or not lsoa_name.strip():
        return None
    match = _LSOA_NAME.match(lsoa_name.strip())
    return match.group("area") if match else lsoa_name.strip()


def edition_of(doc_id: str) -> str:
    """The download a file belongs to: the top folder under corpus/ ("dl-2018-04/street/x.csv" → "dl-2018-04")."""
    parts = doc_id.split("/")
    return parts[0] if len(parts) > 1 else TOP_LEVEL


def police_files(corpus_dir: Path) -> dict[str, str]:
    """document id -> police.uk kind, for every police.uk file under `corpus_dir`."""
    found = {}
    for path in corpus_files(Path(corpus_dir)):
        kind = sniff(path)
        if kind:
            found[document_id(path, Path(corpus_dir))] = kind
    return found


def read_street(corpus_dir: Path) -> StreetLoad:
    """Read every police.uk file under `corpus_dir`: street files into the frame, the others counted."""
    import pandas as pd

    corpus_dir = Path(corpus_dir)
    kinds = police_files(corpus_dir)
    parts, problems, crimes = [], [], []
    for doc_id, kind in kinds.items():
        if kind != STREET:
            continue
        try:
            rows = read_rows(corpus_dir / doc_id)
        except ReaderError as error:
            problems.append(CorpusProblem(doc_id, str(error)))
            continue
        bad = ~rows["Month"].fillna("").str.match(_MONTH)
        if bad.any():
            problems.append(CorpusProblem(doc_id, f"{doc_id}: {int(bad.sum())} rows have no month in YYYY-MM "
                                                  "form and were left out."))
            rows = rows[~bad]
        parts.append(pd.DataFrame({
            "edition": edition_of(doc_id), "month": rows["Month"], "crime_type": rows["Crime type"].str.strip(),
            "outcome": rows["Last outcome category"], "area": rows["LSOA name"].map(area_of),
            "lsoa_code": rows["LSOA code"], "lsoa_name": rows["LSOA name"], "location": rows["Location"]
            if "Location" in rows else None, "force": rows["Falls within"], "document": doc_id,
            "line": rows["line"]}))
        crimes.append(pd.DataFrame({"edition": edition_of(doc_id), "Crime ID": rows["Crime ID"],
                                    "Crime type": rows["Crime type"].str.strip()}).dropna())
    frame = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=list(COLUMNS))
    frame = tidy(frame)
    ids = pd.concat(crimes, ignore_index=True) if crimes else None
    events, learned = {}, {}
    for kind in KINDS:
        if kind in kinds.values():
            events[kind], learned[kind], found = read_events(corpus_dir, kinds, kind, edition_of, area_of, ids)
            problems.extend(found)
    return StreetLoad(frame, replace(learn(frame), events=learned), tuple(kinds), tuple(problems), events)


def tidy(frame: pd.DataFrame) -> pd.DataFrame:
    """Column order and dtypes: categories for the repeated labels (small on disk, fast to filter)."""
    frame = frame.reindex(columns=list(COLUMNS))
    for column in COLUMNS:
        if column == "line":
            frame[column] = frame[column].astype("int64")
        else:
            frame[column] = frame[column].astype("category")
    return frame


def learn(frame: pd.DataFrame) -> StreetCatalogue:
    """The catalogue of a street frame (see the module docstring)."""
    if frame.empty:
        return StreetCatalogue()
    with_outcome = frame.groupby("crime_type", observed=True)["outcome"].count()
    incident_types = tuple(sorted(t for t, n in with_outcome.items() if n == 0))
    editions = []
    for name, rows in frame.groupby("edition", observed=True):
        months = tuple(sorted(rows["month"].astype(str).unique()))
        incidents = rows[rows["crime_type"].isin(incident_types)]
        files = rows.groupby("month", observed=True)["document"].unique()
        editions.append(StreetEdition(
            name=str(name), months=months, incident_months=tuple(sorted(incidents["month"].astype(str).unique())),
            files={str(m): tuple(sorted(map(str, f))) for m, f in files.items()}, rows=len(rows)))
    editions.sort(key=lambda e: (e.last_month, e.months[0] if e.months else "", e.name), reverse=True)
    areas = frame["area"].value_counts()
    areas = areas[areas > 0]
    return StreetCatalogue(
        editions=tuple(editions),
        crime_types=tuple(str(t) for t, n in frame["crime_type"].value_counts().items() if n),
        incident_types=incident_types,
        outcomes=tuple(str(o) for o, n in frame["outcome"].value_counts().items() if n),
        areas=tuple(str(a) for a in areas.index), home_area=str(areas.index[0]) if len(areas) else "",
        force=str(frame["force"].mode().iloc[0]) if frame["force"].notna().any() else "",
        lsoas=tuple(sorted(str(x) for x in frame["lsoa_name"].dropna().unique())))
