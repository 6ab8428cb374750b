"""The CSV reader: encodings, delimiters, line-numbered rows, and empty files."""

from __future__ import annotations

import pytest

from assistant.ingest.readers import HEADING, TABLE_ROW, Block, ReaderError
from assistant.ingest.readers.csv import decode, read_csv


def test_header_and_rows_with_line_numbers(tmp_path):
    path = tmp_path / "street-crime.csv"
    path.write_text('Month,Crime type,Count\n2024-01,Burglary,41\n\n2024-02,"Violence and\nsexual offences",120\n2024-03,Robbery\n',
                    encoding="utf-8")
    extracted = read_csv(path)
    assert extracted.blocks == (
        Block(HEADING, "street-crime", level=1),
        Block(TABLE_ROW, "Month\tCrime type\tCount", where="row 1", data=True),
        Block(TABLE_ROW, "2024-01\tBurglary\t41", where="row 2", data=True),
        Block(TABLE_ROW, "2024-02\tViolence and sexual offences\t120", where="row 4", data=True),  # starts on line 4
        Block(TABLE_ROW, "2024-03\tRobbery\t", where="row 6", data=True),  # a short row keeps the header's columns
    )
    assert (extracted.title, extracted.kind) == ("street-crime", "CSV table")


def test_cp1252_csv_from_excel(tmp_path):
    path = tmp_path / "costs.csv"
    path.write_bytes("Item;Cost\r\nCCTV upgrade;£12,500\r\n“Safer Streets” bid;£3,000\r\n".encode("cp1252"))
    assert decode(path.read_bytes())[1] == "cp1252"
    assert [b.text for b in read_csv(path).blocks[1:]] == [
        "Item\tCost", "CCTV upgrade\t£12,500", "“Safer Streets” bid\t£3,000"]


def test_utf8_with_byte_order_mark(tmp_path):
    path = tmp_path / "bom.csv"
    path.write_bytes("\ufeffWard\tIncidents\nCentral\t12\n".encode("utf-8"))
    assert decode(path.read_bytes())[1] == "utf-8-sig"
    assert [b.text for b in read_csv(path).blocks[1:]] == ["Ward\tIncidents", "Central\t12"]


def test_excel_sep_line(tmp_path):
    path = tmp_path / "sep.csv"
    path.write_text("sep=;\nWard;Incidents\nNorth;3,5\n")
    assert [(b.text, b.where) for b in read_csv(path).blocks[1:]] == [("Ward\tIncidents", "row 2"), ("North\t3,5", "row 3")]


@pytest.mark.parametrize("content", [b"", b"\n\n  \n", "\ufeff".encode("utf-8")])
def test_empty_csv(tmp_path, content):
    (tmp_path / "empty.csv").write_bytes(content)
    with pytest.raises(ReaderError, match="empty.csv is empty: there is no table to index"):
        read_csv(tmp_path / "empty.csv")


def test_row_limit(tmp_path):
    path = tmp_path / "big.csv"
    path.write_text("a,b\n" + "".join(f"{n},{n}\n" for n in range(10)))
    with pytest.raises(ReaderError, match="big.csv has more than 5 rows"):
        read_csv(path, max_rows=5)
