"""police.uk files are recognised by their columns, whatever their names, and read row for row."""

from __future__ import annotations

import pandas as pd
import pytest

from assistant.ingest.readers.policeuk import OUTCOMES, STOP_AND_SEARCH, STREET, kind_of_columns, read_rows, sniff


def test_every_real_file_is_recognised_by_its_header(data_dir):
    for path in data_dir.rglob("*.csv"):
        header = set(path.open(encoding="utf-8-sig").readline().strip().split(","))
        expected = STREET if "Last outcome category" in header else OUTCOMES if "Outcome type" in header else \
            STOP_AND_SEARCH if "Object of search" in header else None
        assert sniff(path) == expected, path


def test_a_renamed_file_with_reordered_and_extra_columns_is_still_a_street_file(tmp_path, data_dir):
    source = next(data_dir.rglob("*-street.csv"))
    rows = pd.read_csv(source, dtype=str)
    shuffled = rows[list(reversed(rows.columns))].assign(Extra="x")
    target = tmp_path / "my download.csv"
    shuffled.to_csv(target, index=False)
    assert sniff(target) == STREET
    assert len(read_rows(target)) == len(rows)


@pytest.mark.parametrize("columns", [["Month", "Crime type"], ["a", "b"], []])
def test_other_tables_are_not_police_files(columns):
    assert kind_of_columns(columns) is None


def test_crlf_files_read_the_same_rows_as_pandas(data_dir):
    for path in (data_dir / "police_uk_city_of_london_edition_2018-04").glob("*.csv"):
        assert b"\r\n" in path.read_bytes()[:400]
        rows = read_rows(path)
        plain = pd.read_csv(path, dtype=str)
        assert len(rows) == len(plain)
        assert rows["Crime type"].tolist() == plain["Crime type"].str.strip().tolist()
        assert rows["line"].iloc[-1] == len(plain) + 1  # the header is line 1
