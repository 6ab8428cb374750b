"""The catalogue: what the performance tables hold, learned from the frame at ingestion and stored in the index.

Editions (each printed summary: its document, force and periods), areas (the force, its districts, other
policing areas), crime-type labels in printed order with their hierarchy, and measures. Question
understanding, look-ups, claims, scope messages and the chat all read this instead of keeping their own
lists, so a new edition or another force's summary needs no code change.

The hierarchy is learned, not typed: tables print only one level of sub-type mark ("- "), so the deeper
structure (Theft Offences > Burglary > Burglary Residential > Dwelling) is found by arithmetic, as the run of
following rows whose counts add up to a row in every area and period. A part of the table named after a row
("Victim Based Crime") holds that row's children among its unmarked rows: those whose counts add up to it.
Rows that add up to nothing (hate crime, domestic abuse) re-count offences counted elsewhere: no parent.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from itertools import combinations

from typing import TYPE_CHECKING

import numpy as np

from assistant.ingest.measures import CHANGE, OFFENCES, SOLVED
from assistant.ingest.performance import force_name

if TYPE_CHECKING:  # pandas is imported by the functions that build a catalogue from a frame
    import pandas as pd

FORCE = "force"
DISTRICT = "district"
POLICING_AREA = "policing area"
TOTAL = "total"  # the row every other offence row adds up to ("All Crime")
INCIDENTS = "incidents"  # a row that counts incidents, not crimes ("Anti-Social Behaviour (incidents)")
_MAX_PART_ROWS = 14  # subsets of a part's rows are searched exhaustively: 2^14 sums at most


@dataclass(frozen=True)
class Edition:
    """One printed performance summary: its document, its force, and the two periods it compares."""

    id: str  # the summary's own title, e.g. "Essex Police: Performance Summary To October 2024"
    document: str
    force: str
    date: str  # the document's date, to order two editions that end in the same month
    period_ends: tuple[str, str]  # ("2023-10", "2024-10"): earlier, later
    periods: tuple[str, str]  # the same in words: ("12 months to October 2023", "12 months to October 2024")
    change_period: str  # "12 months to October 2024 compared with the 12 months to October 2023"
    labels: tuple[str, ...] = ()  # the crime-type labels this summary prints
    uploaded: bool = False  # from a document added through the chat: answers only what no official one prints

    @property
    def latest_period(self) -> str:
        return self.periods[1]


@dataclass(frozen=True)
class Area:
    """An area a table is printed for, by the name answers use, with the label the table printed."""

    name: str
    printed: str
    kind: str  # FORCE | DISTRICT | POLICING_AREA
    force: str
    editions: tuple[str, ...]


@dataclass(frozen=True)
class CrimeType:
    """A printed crime-type label (without its "- " mark), its learned parent and its printed order."""

    label: str
    parent: str | None
    printed_parent: str | None  # the row its "- " mark puts it under, as printed
    order: int
    role: str = ""  # TOTAL | INCIDENTS | ""


@dataclass(frozen=True)
class Catalogue:
    editions: tuple[Edition, ...] = ()
    areas: tuple[Area, ...] = ()
    crime_types: tuple[CrimeType, ...] = ()
    measures: tuple[str, ...] = ()
    problems: tuple[str, ...] = field(default=(), compare=False)
    # The headers printed over the smaller areas' names ("Ward area", "Neighbourhood"): what the tables call them
    area_headers: tuple[str, ...] = ()

    # ------------------------------------------------------------ questions the rest of the code asks

    def latest(self, force: str | None = None) -> Edition | None:
        """The newest edition (of one force, when named): official before uploaded, then latest period end, then
        latest document date."""
        pool = [e for e in self.editions if force is None or e.force == force]
        return max(pool, key=precedence, default=None)

    def edition(self, edition_id: str) -> Edition | None:
        return next((e for e in self.editions if e.id == edition_id), None)

    def forces(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(e.force for e in self.editions))

    def owner(self, force: str) -> str:
        """How answers name whose tables they are: "Essex Police"; just "Kestermoor" when the tables' top area is
        a place within a force (a summary for "Dunmarsh Constabulary - Kestermoor Policing Area"), which no police
        force is called."""
        police = any(e.force == force and force_name(e.id) == force for e in self.editions)
        return f"{force} Police" if police or not self.editions else force

    def area(self, name: str) -> Area | None:
        return next((a for a in self.areas if a.name == name), None)

    def districts(self, force: str | None = None) -> tuple[str, ...]:
        return tuple(a.name for a in self.areas if a.kind == DISTRICT and (force is None or a.force == force))

    def crime_type(self, label: str) -> CrimeType | None:
        return next((c for c in self.crime_types if c.label == label), None)

    def total_row(self, edition: "Edition | None" = None) -> str | None:
        """The all-crime row (of the latest edition's force when not named): each force names its own."""
        edition = edition or self.latest()
        totals = [c.label for c in self.crime_types if c.role == TOTAL]
        labels = self.labels_of(edition) if edition is not None else set()
        return next((label for label in totals if label in labels), totals[0] if totals else None)

    def labels_of(self, edition: "Edition") -> set[str]:
        """The crime-type labels one edition prints (kept at build in `Edition.labels`)."""
        return set(edition.labels) if edition.labels else {c.label for c in self.crime_types}

    def children(self, label: str) -> tuple[str, ...]:
        return tuple(c.label for c in self.crime_types if c.parent == label)

    def ancestors(self, label: str) -> tuple[str, ...]:
        parents = {c.label: c.parent for c in self.crime_types}
        chain, parent = [], parents.get(label)
        while parent is not None and parent not in chain:
            chain.append(parent)
            parent = parents.get(parent)
        return tuple(chain)

    def describe(self) -> list[str]:
        """What the tables taught the index, in plain lines: editions, areas, crime types."""
        if not self.editions:
            return ["No performance tables were found."]
        lines = []
        for edition in sorted(self.editions, key=precedence, reverse=True):
            source = f"uploaded to the chat as {edition.document}" if edition.uploaded else f"from {edition.document}"
            lines.append(f"Edition: {edition.id} ({edition.periods[0]} and {edition.periods[1].rsplit(' ', 1)[-1]}; "
                         f"{source})")
        for force in self.forces():
            districts = [a.name for a in self.areas if a.force == force and a.kind == DISTRICT]
            others = [a.name for a in self.areas if a.force == force and a.kind == POLICING_AREA]
            parts = (f"{_count(len(districts), 'area')} ({', '.join(districts)})" if districts else "no smaller areas")
            line = f"Areas of {force}: {self._whole(force)}, and {parts}"
            lines.append(line + (f", and other policing areas ({', '.join(others)})" if others else ""))
        nested = sum(1 for c in self.crime_types if c.parent is not None)
        lines.append(f"Crime types: {len(self.crime_types)} printed labels, {nested} of them sub-types of another; "
                     f"all crime is \"{self.total_row()}\"")
        return lines

    def _whole(self, force: str) -> str:
        """How the top area's own figures are named: "the force as a whole", or "Lydwold as a whole" when the
        tables are a place's within a force."""
        return "the force as a whole" if self.owner(force).endswith(" Police") else f"{force} as a whole"

    def areas_in_words(self, force: str) -> str:
        """The areas the tables cover, without a digit: "the force as a whole and each of its areas"."""
        return f"{self._whole(force)}{' and each of its areas' if self.districts(force) else ''}"

    def periods_in_words(self) -> str:
        """The kinds of period the editions print, without a digit, newest edition first: "rolling years to
        October", "the nine months to December and the six months to September" (a part-year summary is never
        called a rolling year)."""
        kinds = []
        for edition in sorted(self.editions, key=precedence, reverse=True):
            months, _, ends = edition.periods[1].partition(" months to ")
            month = ends.rsplit(" ", 1)[0]
            kinds.append(f"rolling years to {month}" if months == "12" else
                         f"the {_NUMBER_WORDS.get(int(months), 'several')} months to {month}")
        return _and(list(dict.fromkeys(kinds)))

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "Catalogue":
        return cls(editions=tuple(Edition(**{**e, "period_ends": tuple(e["period_ends"]),
                                             "periods": tuple(e["periods"]), "labels": tuple(e.get("labels", ()))})
                                  for e in data.get("editions", ())),
                   areas=tuple(Area(**{**a, "editions": tuple(a["editions"])}) for a in data.get("areas", ())),
                   crime_types=tuple(CrimeType(**c) for c in data.get("crime_types", ())),
                   measures=tuple(data.get("measures", ())), problems=tuple(data.get("problems", ())),
                   area_headers=tuple(data.get("area_headers", ())))


_NUMBER_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine",
                 10: "ten", 11: "eleven", 12: "twelve"}


def _count(number: int, noun: str) -> str:
    """"six areas", "one area", "23 areas": small counts in words, as a person writes them."""
    return f"{_NUMBER_WORDS.get(number, str(number))} {noun}{'' if number == 1 else 's'}"


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1] if items else ""


def precedence(edition: Edition) -> tuple:
    """How editions rank when several could answer: official summaries before uploaded documents, then the
    latest period end, then the longer period (a year's summary before a quarter's table ending the same month:
    a question that names no period asks about the year), then the latest document date (a later print of the
    same period is a revision)."""
    return (not edition.uploaded, edition.period_ends[1], _months(edition.periods[1]), edition.date)


def _months(period: str) -> int:
    """How many months a period in words covers ("3 months to September 2026": 3)."""
    head = period.split(" ", 1)[0]
    return int(head) if head.isdigit() else 12


def build_catalogue(frame: pd.DataFrame, documents: dict, area_kinds: dict[str, str] | None = None) -> Catalogue:
    """Learn the catalogue from the tidy frame. `documents` maps document ids to records with a `date`;
    `area_kinds` says which printed areas are policing areas rather than districts (vocabulary data)."""
    if frame.empty:
        return Catalogue()
    area_kinds = area_kinds or {}
    editions = tuple(_edition(edition, rows, documents) for edition, rows in frame.groupby("edition", sort=False))
    force_of = {e.id: e.force for e in editions}
    rank = {e.id: precedence(e) for e in editions}
    areas: dict[str, Area] = {}
    groups = frame.groupby(["edition", "area", "table_title"], sort=False).size().index
    # Official summaries first, newest first: an area's kind and force are what they say, so a table in an
    # uploaded document (or an old draft) can add an area but never make a district into a force.
    for edition, area, printed in sorted(groups, key=lambda key: rank[key[0]], reverse=True):
        held = areas.get(area)
        if held is not None:
            areas[area] = replace(held, editions=held.editions + (edition,))
            continue
        force = force_of[edition]
        kind = FORCE if area == force else area_kinds.get(printed, area_kinds.get(area, DISTRICT))
        areas[area] = Area(area, printed, kind, force, (edition,))
    crime_types, problems = _crime_types(frame)
    smaller = {area.name for area in areas.values() if area.kind != FORCE}
    return Catalogue(editions, tuple(areas.values()), crime_types, tuple(dict.fromkeys(frame["measure"])),
                     tuple(problems), _area_headers(smaller, [documents.get(e.document) for e in editions]))


def _area_headers(smaller: set[str], documents: list) -> tuple[str, ...]:
    """The header each summary prints over its column of smaller areas' names ("Ward area | All crime | ..."): the
    word its readers use for those areas, so a question about "wards" is one the tables answer when they print
    them. Read from the tables whose first column lists at least two of the areas."""
    from assistant.ingest.tables import find_tables

    headers: list[str] = []
    for doc in documents:
        if not smaller or not isinstance(getattr(doc, "text", None), str):  # a record with only a date
            continue
        for table in find_tables(doc):
            labels = [row.cells[0].strip() for row in table.rows if row.cells]
            at = next((i for i, label in enumerate(labels) if label in smaller), None)
            if at and len(smaller & set(labels)) >= 2 and labels[at - 1] and labels[at - 1] not in smaller:
                headers.append(labels[at - 1])
    return tuple(dict.fromkeys(headers))


def _edition(edition: str, rows: pd.DataFrame, documents: dict) -> Edition:
    values = rows[rows["measure"] == OFFENCES]
    if values.empty:  # a summary of solved outcomes alone is dated by them
        values = rows[rows["measure"] == SOLVED]
    ends = sorted(dict.fromkeys(values["period_end"]))
    words = {end: values[values["period_end"] == end]["period"].iloc[0] for end in ends}
    change = rows[rows["measure"] == CHANGE[OFFENCES]]["period"]
    document = rows["source_document"].iloc[0]
    force = rows[rows["table_title"] == "Force"]["area"]
    doc = documents.get(document)
    earlier, later = (ends[-2], ends[-1]) if len(ends) > 1 else (ends[0], ends[0])
    return Edition(edition, document, force.iloc[0] if len(force) else force_name(edition),
                   getattr(doc, "date", "") or "", (earlier, later), (words[earlier], words[later]),
                   change.iloc[0] if len(change) else "", tuple(dict.fromkeys(rows["crime_type"])),
                   bool(getattr(doc, "uploaded", False)))


def _crime_types(frame: pd.DataFrame) -> tuple[tuple[CrimeType, ...], list[str]]:
    """Every crime-type label in printed order with its learned parent, from each edition's offence counts."""
    import pandas as pd

    order: dict[str, int] = {}
    printed_parent: dict[str, str | None] = {}
    parent: dict[str, str | None] = {}
    problems: list[str] = []
    totals: set[str] = set()
    for _, rows in frame.groupby("edition", sort=False):
        learned, found = _hierarchy(rows)
        problems += found
        first = rows.drop_duplicates("crime_type").sort_values(["row_order"], kind="stable")
        for row in first.itertuples(index=False):
            order.setdefault(row.crime_type, len(order))
            printed_parent.setdefault(row.crime_type, None if pd.isna(row.parent_type) else row.parent_type)
        for label, learned_parent in learned.items():
            if parent.get(label) is None:  # a parent one summary proves is kept, whichever summary came first
                parent[label] = learned_parent
        # Each summary's all-crime row: its largest row that others add up to (forces name it differently).
        total = _total(rows, learned)
        if total:
            totals.add(total)
    types = tuple(CrimeType(label, parent.get(label), printed_parent.get(label), index,
                            TOTAL if label in totals else INCIDENTS if "incident" in label.lower() else "")
                  for label, index in order.items())
    return types, problems


def _total(rows: pd.DataFrame, learned: dict[str, str | None]) -> str | None:
    """A summary's all-crime row: its largest row that nothing holds, if other rows add up to it or it is at least
    all the other such rows together (a table may list only some crime types under its total). A largest row
    that is neither (a table with no total row) is no total: its own name is safer than "all crime"."""
    unheld = [label for label, up in learned.items() if up is None and "incident" not in label.lower()]
    if not unheld:
        return None
    sizes = {label: _size(rows, label) for label in unheld}
    largest = max(unheld, key=sizes.get)
    rest = sum(size for label, size in sizes.items() if label != largest)
    return largest if largest in learned.values() or sizes[largest] >= rest - 0.5 else None


def _size(frame: pd.DataFrame, label: str) -> float:
    rows = frame[(frame["crime_type"] == label) & (frame["measure"] == OFFENCES)]
    return float(rows["value"].fillna(0).sum())


def _hierarchy(rows: pd.DataFrame) -> tuple[dict[str, str | None], list[str]]:
    """Parent of each crime type in one edition, by the arithmetic described in the module docstring."""
    import pandas as pd

    counts = rows[rows["measure"] == OFFENCES].pivot_table(index="crime_type", columns=["area", "period_end"],
                                                           values="value", aggfunc="first")
    # Rows add up within the areas printing every row: a table of areas printing a selection of crime types (an
    # area's violence but not its sub-types) says nothing of how they add up, and an unprinted row is no zero.
    printed = counts.notna().T.groupby(level="area").any().sum(axis=1)  # the labels each area prints
    counts = counts.loc[:, counts.columns.get_level_values("area").isin(printed[printed == printed.max()].index)]
    counts = counts.fillna(0.0)
    vector = {label: counts.loc[label].to_numpy() for label in counts.index}
    table = rows.drop_duplicates(["crime_type"]).sort_values("row_order", kind="stable")
    parts: dict[str, list[str]] = {}
    marked: dict[str, list[str]] = {}
    for row in table.itertuples(index=False):
        if pd.isna(row.parent_type):
            parts.setdefault(row.section, []).append(row.crime_type)
        else:
            marked.setdefault(row.parent_type, []).append(row.crime_type)
    parent: dict[str, str | None] = {label: None for label in vector}
    problems: list[str] = []
    for head, followers in marked.items():
        followers = [label for label in followers if label in vector]  # rows with no offences count add nothing
        if head not in vector or not followers:
            continue
        tree = _parse_children(vector, vector[head], followers, 0)
        if tree is None or tree[1] != len(followers):
            problems.append(f"The sub-types printed under {head} do not add up to it, so each is taken as a "
                            "direct sub-type of it.")
            parent.update({label: head for label in followers})
            continue
        _assign(tree[0], head, parent)
    for part, members in parts.items():
        members = [label for label in members if label in vector]  # a row left out of the figures is in no tree
        if part in vector and len(members) <= _MAX_PART_ROWS:
            children = _adding_up(vector, vector[part], members)
            parent.update({label: part for label in children})
        elif part not in vector and len(members) > 2:
            # A part named after no row (a spreadsheet's one table): its largest unmarked row ("All crime") is
            # the parent of the other unmarked rows that add up to it.
            head = max(members, key=lambda label: float(vector[label].sum()))
            # Incidents (anti-social behaviour) are counted beside crimes, never in them (as in `_total`).
            others = [label for label in members if label != head and "incident" not in label.lower()]
            if np.allclose(sum(vector[label] for label in others), vector[head], atol=0.5):
                parent.update({label: head for label in others})
                continue
            # A group printed flat (its sub-types unindented beneath it, as a PDF's text loses the indent): the
            # rows in printed order, each followed by any run adding up to it, add up to the head.
            tree = _parse_children(vector, vector[head], others, 0)
            if tree is not None and tree[1] == len(others):
                _assign(tree[0], head, parent)
                continue
            children = _adding_up(vector, vector[head], others) if len(others) <= _MAX_PART_ROWS else ()
            parent.update({label: head for label in children})
    return parent, problems


def _parse_children(vector: dict, target: np.ndarray, items: list[str], i: int):
    """Consecutive items from i that add up to `target`, each with its own children: (tree, next index)."""
    nodes, total = [], np.zeros_like(target)
    while i < len(items):
        label = items[i]
        below = _parse_children(vector, vector[label], items, i + 1) if i + 1 < len(items) else None
        kids, i = (below if below is not None and len(below[0]) >= 2 else ([], i + 1))
        nodes.append((label, kids))
        total = total + vector[label]
        if np.allclose(total, target, atol=0.5) and len(nodes) >= 1:
            return nodes, i
        if np.any(total > target + 0.5):
            return None
    return None


def _assign(nodes, head: str, parent: dict) -> None:
    for label, kids in nodes:
        parent[label] = head
        _assign(kids, label, parent)


def _adding_up(vector: dict, target: np.ndarray, members: list[str]) -> tuple[str, ...]:
    """The smallest-first subset of at least two members whose counts add up to `target`, or none."""
    for size in range(2, len(members) + 1):
        for subset in combinations(members, size):
            if np.allclose(sum(vector[label] for label in subset), target, atol=0.5):
                return subset
    return ()
