"""Word 97-2003 .doc files are refused with the fix; .xls files are read with xlrd when it is installed."""

from __future__ import annotations

import sys
import types

import pytest
from office_fixtures import ole_file

from assistant.ingest.readers import HEADING, TABLE_ROW, ReaderError
from assistant.ingest.readers.legacy import read_doc, read_xls


def test_doc_asks_to_be_saved_as_docx(tmp_path):
    path = ole_file(tmp_path / "minutes.doc", ["WordDocument", "1Table"])
    with pytest.raises(ReaderError, match=r"minutes.doc is a legacy Word .doc file: save it as .docx \(File › Save As\)"):
        read_doc(path)


def test_xls_without_xlrd_asks_to_be_saved_as_xlsx(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "xlrd", None)  # as if xlrd were not installed
    path = ole_file(tmp_path / "figures.xls", ["Workbook"])
    with pytest.raises(ReaderError, match=r"figures.xls is a legacy .xls workbook: save it as .xlsx"):
        read_xls(path)


def _fake_xlrd():
    """Just enough of xlrd's API (cell types, sheets, dates) to check how read_xls lays sheets out."""
    xlrd = types.ModuleType("xlrd")
    xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_TEXT, xlrd.XL_CELL_NUMBER, xlrd.XL_CELL_DATE = 0, 1, 2, 3
    xlrd.XL_CELL_BOOLEAN, xlrd.XL_CELL_ERROR, xlrd.XL_CELL_BLANK = 4, 5, 6
    xlrd.error_text_from_code = {0x07: "#DIV/0!"}
    xlrd.xldate = types.SimpleNamespace(
        xldate_as_datetime=lambda value, mode: __import__("datetime").datetime(1899, 12, 30)
        + __import__("datetime").timedelta(days=value))
    cell = lambda ctype, value: types.SimpleNamespace(ctype=ctype, value=value)
    rows = [
        [cell(1, "Recorded crime"), cell(0, "")],
        [cell(0, ""), cell(0, "")],
        [cell(1, "Month"), cell(1, "Offences")],
        [cell(3, 45383.0), cell(2, 410.0)],
        [cell(1, "Rate"), cell(5, 0x07)],
    ]
    sheet = types.SimpleNamespace(name="Data", nrows=len(rows), visibility=0, row=lambda r: rows[r])
    book = types.SimpleNamespace(nsheets=1, datemode=0, sheet_by_index=lambda i: sheet, release_resources=lambda: None)
    xlrd.open_workbook = lambda path, on_demand: book
    return xlrd


def test_xls_with_xlrd_is_laid_out_like_xlsx(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "xlrd", _fake_xlrd())
    extracted = read_xls(ole_file(tmp_path / "figures.xls", ["Workbook"]))
    assert [(b.kind, b.text, b.where) for b in extracted.blocks] == [
        (HEADING, "Data", "Data!A1"),
        (HEADING, "Recorded crime", "Data!A1"),
        (TABLE_ROW, "Month\tOffences", "Data!A3"),
        (TABLE_ROW, "2024-04-01\t410", "Data!A4"),
        (TABLE_ROW, "Rate\t#DIV/0!", "Data!A5"),
    ]


def test_damaged_ole_file(tmp_path):
    path = ole_file(tmp_path / "cut.doc", ["WordDocument"])
    path.write_bytes(path.read_bytes()[:700])  # the directory sector is gone
    with pytest.raises(ReaderError, match=r"cut.doc is a damaged Word .doc file .*save it as .docx"):
        read_doc(path)
