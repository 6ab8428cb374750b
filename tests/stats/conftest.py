"""The real ONS/Home Office statistics for Trafford in ../shared/real/data, and an independent reading of them.

`raw` reads the CSV files afresh with plain pandas and nothing from the assistant, so every test compares the
assistant's answers against a computation it did not make.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest

from real_data import REAL, require

FOLDER = "ons_csp_trafford"


@pytest.fixture(scope="session")
def ons_dir() -> Path:
    return require(REAL / "data" / FOLDER)


@pytest.fixture(scope="session")
def raw(ons_dir) -> dict[str, pd.DataFrame]:
    """Document id -> every row as printed (text), with `line`: the file line it is on (the header is line 1)."""
    out = {}
    for path in sorted(ons_dir.glob("*.csv")):
        rows = pd.read_csv(path, dtype=str, keep_default_na=False)
        out[f"{FOLDER}/{path.name}"] = rows.assign(line=range(2, len(rows) + 2))
    return out


@pytest.fixture(scope="session")
def loaded(ons_dir):
    from assistant.ingest.stats import read_stats

    documents = [SimpleNamespace(format="csv", path=str(p), id=f"{FOLDER}/{p.name}") for p in sorted(ons_dir.iterdir())]
    return read_stats(documents)


@pytest.fixture(scope="session")
def answers(loaded):
    from assistant.answer.stats import StatsAnswers
    from assistant.vocab import stats_words, street_words

    return StatsAnswers(loaded.frame, loaded.catalogue, stats_words.load(), street_words.load())
