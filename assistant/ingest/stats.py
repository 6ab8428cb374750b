"""Tidy statistics files (one row per place x period x group x measure, one numeric value column): recognised by
what their columns hold, read into one tidy frame, with what was learned from them (`StatsCatalogue`).

Official statistics (ONS, Home Office, council data portals) are often published this way, and their rates per
head and scores cannot be read exactly from passages. Nothing about one publisher is written here: each column's
role is learned from its cells.

- the **period** column: every cell is one period as `text.periods` reads it ("2019/20", "2019");
- the **value** column: the one column whose cells are numbers (a cell that is not, such as ":", is a figure the
  publisher withheld: kept, printed as it is, never read as 0);
- **code** columns: one-to-one with another column, cells without spaces holding digits ("E22000107");
- the **place** column: the one a code column names, else the only varying column left that is not a group;
- the **group** column: a varying column one of whose labels is the sum of the others in every place and period
  (that label is the *total*, learned by arithmetic, the default when a question names no group);
- every other column describes the **series** (indicator, measure, unit): its first one names it.

A file whose columns do not fall into these roles is not tidy: it stays a document, read as passages only.
"""

from __future__ import annotations

import csv
import io
import json
import math
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING


from assistant.ingest.readers.csv import MAX_ROWS, decode, sniff_delimiter
from assistant.text import periods

if TYPE_CHECKING:  # pandas is imported by the functions that read or write frames
    import pandas as pd

FRAME = "stats.parquet"
CATALOGUE = "stats.json"
COLUMNS = ("document", "line", "series", "measure", "place", "group", "period", "value", "printed", "raw")
KEY = ("series", "place", "group", "period")  # what one figure is: a row of the frame is unique by it
_JOIN = " · "
_TOTAL_TOLERANCE = 1e-3  # relative: a total printed from unrounded parts matches their sum to rounding


@dataclass(frozen=True)
class StatsFile:
    """One tidy file and the role of each of its columns, in the file's own column names."""

    document: str
    period: str
    value: str
    place: str
    group: str = ""  # empty: the file has no breakdown into groups
    total: str = ""  # the group label that is the sum of the others
    series: tuple[str, ...] = ()  # the columns describing the measure, the first naming it
    codes: dict[str, str] = field(default_factory=dict)  # code column -> the column it codes
    place_codes: dict[str, str] = field(default_factory=dict)  # a place's code as printed -> the place
    rows: int = 0


@dataclass(frozen=True)
class Series:
    """One measure (the first series column's label) and how the files print it."""

    name: str
    printed: tuple[str, ...]  # every series column's label, in column order ("Offence rate", "Rate per 1,000", ...)
    documents: tuple[str, ...]
    places: tuple[str, ...]  # in the order the files list them
    groups: tuple[str, ...]
    total: str
    periods: tuple[str, ...]  # as printed, in the order the files list them


@dataclass(frozen=True)
class StatsCatalogue:
    """What the tidy files taught the index: each file's column roles, the series, and the places' codes."""

    files: tuple[StatsFile, ...] = ()
    series: tuple[Series, ...] = ()
    codes: dict[str, str] = field(default_factory=dict)  # place code -> place label

    @property
    def places(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(p for s in self.series for p in s.places))

    def file(self, document: str) -> StatsFile | None:
        return next((f for f in self.files if f.document == document), None)

    def describe(self) -> list[str]:
        """What the tidy files taught the index, in plain lines (printed by `assistant index`)."""
        lines = [f"statistics file: {f.document} ({f.rows:,} rows)" for f in self.files]
        for series in self.series:
            periods = f"{series.periods[0]} to {series.periods[-1]}" if len(series.periods) > 1 else \
                "".join(series.periods)
            lines.append(f"statistics: {series.name} for {len(series.places)} places, {periods}")
        return lines

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "StatsCatalogue":
        files = tuple(StatsFile(**{**f, "series": tuple(f["series"])}) for f in data.get("files", ()))
        series = tuple(Series(**{k: tuple(v) if isinstance(v, list) else v for k, v in s.items()})
                       for s in data.get("series", ()))
        return cls(files, series, dict(data.get("codes", {})))


@dataclass(frozen=True)
class StatsLoad:
    frame: pd.DataFrame
    catalogue: StatsCatalogue
    problems: tuple[str, ...] = ()


def read_stats(documents) -> StatsLoad:
    """Every tidy statistics file among the corpus's documents (CSV files, read afresh from their paths)."""
    import pandas as pd

    parts, files = [], []
    for document in documents:
        if getattr(document, "format", "") != "csv":
            continue
        read = read_tidy(Path(document.path), document.id)
        if read is not None:
            files.append(read[0])
            parts.append(read[1])
    frame = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=list(COLUMNS))
    again = frame.duplicated(list(KEY))  # a figure two files both print: the first file's is kept, and said
    problems = tuple(f"{row['document']} row {row['line']} prints {row['series']} for {row['place']}, "
                     f"{row['group']}, {row['period']} again; the figure of the file read first is used"
                     for _, row in frame[again].iterrows())
    frame = frame[~again].reset_index(drop=True)
    return StatsLoad(frame, learn(frame, tuple(files)), problems)


def read_tidy(path: Path, document: str) -> tuple[StatsFile, pd.DataFrame] | None:
    """(the file's roles, its rows in the tidy frame), or None when the file is not a tidy statistics file."""
    import pandas as pd

    try:
        lines, rows = _rows(path)
    except (OSError, csv.Error, ValueError):
        return None
    if len(rows) < 2 or len(rows[0]) < 3:  # a place, a period and a value at least
        return None
    header, body = [h.strip() for h in rows[0]], [r for r in rows[1:] if len(r) == len(rows[0])]
    if len(body) < len(rows) - 1 or len(set(header)) < len(header) or not all(header):
        return None
    cells = pd.DataFrame(body, columns=header).apply(lambda c: c.str.strip())
    roles = _roles(cells, document)
    if roles is None:
        return None
    values = pd.to_numeric(cells[roles.value].str.replace(",", ""), errors="coerce")
    measure = cells[list(roles.series)].agg(_JOIN.join, axis=1) if roles.series else ""
    frame = pd.DataFrame({
        "document": document, "line": lines[1:len(body) + 1],
        "series": cells[roles.series[0]] if roles.series else roles.value,  # no describing column: the value's name
        "measure": measure, "place": cells[roles.place], "group": cells[roles.group] if roles.group else "",
        "period": cells[roles.period], "value": values, "printed": cells[roles.value],
        "raw": _raw_lines(path, lines[1:len(body) + 1])})
    if frame.duplicated(list(KEY)).any():  # the first describing column does not name the measure alone
        frame["series"] = measure
    return roles, frame


def _rows(path: Path) -> tuple[list[int], list[list[str]]]:
    """Every non-blank row and the file line it starts on."""
    text, _ = decode(path.read_bytes())
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    lines, rows, start = [], [], 1
    for cells in reader:
        if any(c.strip() for c in cells):
            lines.append(start)
            rows.append(cells)
        start = reader.line_num + 1
        if len(rows) > MAX_ROWS:
            raise ValueError("too many rows")
    return lines, rows


def _raw_lines(path: Path, lines: list[int]) -> list[str]:
    """The rows as the file prints them, for quoting (a row spanning lines is shown from its first line)."""
    text = decode(path.read_bytes())[0].splitlines()
    return [text[n - 1] if n - 1 < len(text) else "" for n in lines]


def _is_period(cell: str) -> bool:
    found = periods.mentions(cell)
    return len(found) == 1 and found[0].words == cell and found[0].kind in (periods.FISCAL, periods.YEAR)


def _roles(cells: pd.DataFrame, document: str) -> StatsFile | None:
    import pandas as pd

    period = [c for c in cells if cells[c].drop_duplicates().map(_is_period).all()]
    numbers = pd.DataFrame({c: pd.to_numeric(cells[c].str.replace(",", ""), errors="coerce") for c in cells})
    numeric = [c for c in cells if c not in period and numbers[c].notna().mean() >= 0.5
               and numbers[c].nunique() > 1]
    if len(period) != 1 or len(numeric) != 1:
        return None
    period, value = period[0], numeric[0]
    text = [c for c in cells if c not in (period, value)]
    codes = {a: b for a in text for b in text if a != b and _codes(cells[a], cells[b])}
    labels = [c for c in text if c not in codes]
    varying = [c for c in labels if cells[c].nunique() > 1]
    group, total = "", ""
    for column in varying:
        total = _total(cells, numbers[value], column, period)
        if total:
            group = column
            break
    coded = [b for b in codes.values() if b != group and b in varying]
    rest = [c for c in varying if c != group]
    place = coded[0] if coded else rest[0] if len(rest) == 1 else ""
    if not place:
        return None
    series = tuple(c for c in labels if c not in (place, group))
    keys = [c for c in (place, group, period, *series) if c]
    if cells.duplicated(keys).any():  # two values for one place, group, period and measure: not tidy
        return None
    place_codes = {code: label for column, of in codes.items() if of == place
                   for code, label in zip(cells[column], cells[place])}
    return StatsFile(document, period, value, place, group, total, series, codes, place_codes, len(cells))


def _codes(codes: pd.Series, labels: pd.Series) -> bool:
    """True when `codes` is a code for `labels`: one-to-one, no spaces, digits in every cell."""
    import pandas as pd

    pairs = pd.DataFrame({"c": codes, "l": labels}).drop_duplicates()
    return (len(pairs) > 1 and pairs["c"].is_unique and pairs["l"].is_unique
            and codes.str.fullmatch(r"\S*\d\S*").all())


def _total(cells: pd.DataFrame, values: pd.Series, column: str, period: str) -> str:
    """The label of `column` whose value is the sum of the others' in every combination of the other columns."""
    others = [c for c in cells if c not in (column,) and c != values.name]
    frame = cells[others].assign(_label=cells[column], _value=values)
    for label in cells[column].unique():
        checked = 0
        for _, rows in frame.groupby(others, sort=False):
            whole = rows.loc[rows["_label"] == label, "_value"]
            parts = rows.loc[rows["_label"] != label, "_value"]
            if len(whole) != 1 or len(parts) < 2 or parts.isna().any() or whole.isna().any():
                continue
            checked += 1
            if not math.isclose(whole.iloc[0], parts.sum(), rel_tol=_TOTAL_TOLERANCE):
                break
        else:
            if checked:
                return str(label)
    return ""


def learn(frame: pd.DataFrame, files: tuple[StatsFile, ...]) -> StatsCatalogue:
    """The series, places, groups, totals and periods the files hold, in the order they list them."""
    series = []
    for name, rows in frame.groupby("series", sort=False):
        documents = tuple(dict.fromkeys(rows["document"]))
        roles = [f for f in files if f.document in documents]
        printed = tuple(dict.fromkeys(label for measure in dict.fromkeys(rows["measure"])
                                      for label in measure.split(_JOIN)))
        series.append(Series(str(name), printed, documents, tuple(dict.fromkeys(rows["place"])),
                             tuple(g for g in dict.fromkeys(rows["group"]) if g),
                             next((f.total for f in roles if f.total), ""), tuple(dict.fromkeys(rows["period"]))))
    codes = {code: place for f in files for code, place in f.place_codes.items()}
    return StatsCatalogue(files, tuple(series), codes)


def save(stats: StatsLoad, build: Path, check=None) -> list[dict]:
    """Write the tidy frame and its catalogue into a build folder (nothing when no tidy file was read). Returns
    the problems for the build's manifest: what `check` (the vocabulary's, from the store) finds in the catalogue."""
    if not len(stats.frame):
        return []
    stats.frame.to_parquet(build / FRAME, engine="pyarrow", index=False)
    (build / CATALOGUE).write_text(json.dumps(stats.catalogue.to_dict(), indent=1))
    return [{"file": "statistics", "message": message} for message in stats.problems] + \
        [{"file": "vocabulary", "message": message} for message in (check(stats.catalogue) if check else ())]


def load(build: Path) -> tuple[pd.DataFrame, StatsCatalogue] | None:
    """The tidy frame and catalogue of a build, or None when its corpus held no tidy statistics file; a frame
    whose columns are not the ones written raises ValueError (the store reports the index damaged)."""
    if not (build / FRAME).exists():
        return None
    import pandas as pd

    frame = pd.read_parquet(build / FRAME, engine="pyarrow")
    if tuple(frame.columns) != COLUMNS:
        raise ValueError(f"{FRAME} does not hold the statistics frame's columns")
    return frame, StatsCatalogue.from_dict(json.loads((build / CATALOGUE).read_text()))
