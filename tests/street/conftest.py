"""The real police.uk downloads in ../shared/real/data, and an independent reading of them with plain pandas.

`raw` reads the CSV files afresh with nothing from the assistant, so every test compares the assistant's
answers against a computation it did not make.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from real_data import REAL, require

DATA = REAL / "data"


def _csvs(folder: Path, needed: set[str]) -> list[Path]:
    def header(path: Path) -> set[str]:
        return set(path.open(encoding="utf-8-sig").readline().strip().split(","))
    return [p for p in sorted(folder.rglob("*.csv")) if needed <= header(p)]


def _street_csvs(folder: Path) -> list[Path]:
    return _csvs(folder, {"Crime type", "Last outcome category"})


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return require(DATA)


@pytest.fixture(scope="session")
def raw(data_dir) -> dict[str, pd.DataFrame]:
    """Download folder -> every street row, read with pandas alone."""
    return {folder.name: pd.concat([pd.read_csv(p, dtype=str) for p in _street_csvs(folder)], ignore_index=True)
            for folder in sorted(data_dir.iterdir()) if folder.is_dir() and _street_csvs(folder)}


@pytest.fixture(scope="session")
def raw_events(data_dir) -> dict[str, dict[str, pd.DataFrame]]:
    """"outcomes" / "stop and search" -> download folder -> every row of those files, read with pandas alone
    (a "Month" column added to stop-and-search rows from their "Date")."""
    out: dict[str, dict[str, pd.DataFrame]] = {}
    for kind, needed in (("outcomes", {"Outcome type"}), ("stop and search", {"Object of search"})):
        for folder in sorted(p for p in data_dir.iterdir() if p.is_dir()):
            files = _csvs(folder, needed)
            if files:
                rows = pd.concat([pd.read_csv(p, dtype=str) for p in files], ignore_index=True)
                if "Month" not in rows:
                    rows["Month"] = rows["Date"].str[:7]
                out.setdefault(kind, {})[folder.name] = rows
    return out


@pytest.fixture(scope="session")
def newest_first(raw) -> list[str]:
    """Downloads by their newest month, newest first: the default download is the first holding the months."""
    return sorted(raw, key=lambda name: raw[name]["Month"].max(), reverse=True)


@pytest.fixture(scope="session")
def street_load(data_dir):
    from assistant.ingest.street import read_street

    return read_street(data_dir)


@pytest.fixture(scope="session")
def answers(street_load):
    from assistant.answer.street import StreetAnswers
    from assistant.vocab import street_words

    return StreetAnswers(street_load.frames, street_load.catalogue, street_words.load())


@pytest.fixture(scope="session")
def police_corpus(tmp_path_factory, data_dir) -> Path:
    """A corpus of the police.uk download folders (a folder each) and one short note, in a temporary folder."""
    target = tmp_path_factory.mktemp("police-corpus")
    for folder in data_dir.glob("police_uk_*"):
        shutil.copytree(folder, target / folder.name)
    (target / "about.md").write_text("# About these files\n\nMonthly street-level crime downloads from police.uk, "
                                     "kept one folder per download.\n", encoding="utf-8")
    return target


@pytest.fixture(scope="session")
def street_engine(tmp_path_factory, police_corpus):
    from assistant.engine import Assistant
    from assistant.store.build import build_index

    index = tmp_path_factory.mktemp("police-index")
    build_index(police_corpus, index)
    return Assistant.load(index)
