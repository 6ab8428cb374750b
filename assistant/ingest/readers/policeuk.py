"""Recognise police.uk open-data files by their columns and read their rows.

police.uk publishes three monthly CSV files per force (`YYYY-MM-<force>-street.csv`, `-outcomes.csv`,
`-stop-and-search.csv`). Their names change with every download tool, so the kind is decided by the header
line alone: a street file is the one with "Crime type" and "Last outcome category", an outcomes file the one
with "Outcome type", a stop-and-search file the one with "Object of search". Such files are data, one row
per crime, not documents: they are answered by exact counts (`ingest.street`), never embedded as passages.
"""

from __future__ import annotations

from pathlib import Path

from typing import TYPE_CHECKING

from assistant.ingest.readers import ReaderError

if TYPE_CHECKING:
    import pandas as pd

STREET = "street"
OUTCOMES = "outcomes"
STOP_AND_SEARCH = "stop and search"

# The columns each kind must carry (police.uk's own header names, which every download keeps).
SIGNATURES: dict[str, frozenset[str]] = {
    STREET: frozenset({"Crime ID", "Month", "Falls within", "LSOA code", "LSOA name", "Crime type",
                       "Last outcome category"}),
    OUTCOMES: frozenset({"Crime ID", "Month", "Falls within", "LSOA code", "LSOA name", "Outcome type"}),
    STOP_AND_SEARCH: frozenset({"Type", "Date", "Legislation", "Object of search", "Outcome"}),
}
_HEADER_BYTES = 4096


def kind_of_columns(columns) -> str | None:
    """STREET, OUTCOMES or STOP_AND_SEARCH when `columns` hold that kind's signature, else None."""
    held = {str(c).strip() for c in columns}
    return next((kind for kind, needed in SIGNATURES.items() if needed <= held), None)


def sniff(path: Path) -> str | None:
    """The police.uk kind of a .csv file from its first line, or None (any other file, or unreadable)."""
    path = Path(path)
    if path.suffix.lower() != ".csv":
        return None
    try:
        with open(path, "rb") as handle:
            head = handle.read(_HEADER_BYTES)
    except OSError:
        return None
    line = head.decode("utf-8-sig", "replace").splitlines()[0] if head else ""
    return kind_of_columns(cell.strip().strip('"') for cell in line.split(","))


def read_rows(path: Path) -> pd.DataFrame:
    """Every row of one police.uk file as text (empty cells as missing), with `line`: the file line it is on.

    CRLF and LF endings both read; a file whose header is not police.uk's raises ReaderError."""
    import pandas as pd

    try:
        rows = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8-sig")
    except (OSError, ValueError, pd.errors.ParserError) as error:
        raise ReaderError(f"{Path(path).name} could not be read as a police.uk file ({error}); download it "
                          "again from data.police.uk.") from error
    if kind_of_columns(rows.columns) is None:
        raise ReaderError(f"{Path(path).name} does not have police.uk's columns.")
    rows.columns = [str(c).strip() for c in rows.columns]
    return rows.assign(line=range(2, len(rows) + 2))
