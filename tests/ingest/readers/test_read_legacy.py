"""Word 97-2003 .doc files are read by antiword (a damaged one is refused with the fix); .xls files are read with
xlrd when it is installed."""

from __future__ import annotations

import sys
import types

import pytest
from office_fixtures import ole_file

from assistant.ingest.readers import HEADING, LIST_ITEM, PARAGRAPH, TABLE_ROW, ReaderError
from assistant.ingest.readers.legacy import doc_blocks, read_doc, read_xls


def test_a_doc_whose_streams_hold_no_word_text_says_so_with_the_fix(tmp_path):
    path = ole_file(tmp_path / "minutes.doc", ["WordDocument", "1Table"])
    with pytest.raises(ReaderError, match=r"minutes.doc could not be read as a Word .doc file \(.+\): "
                                          r"open it in Word and save it as .docx"):
        read_doc(path)


# antiword's text as it prints a typical set of minutes (`-w 0`: one line per paragraph).
ANTIWORD_MINUTES = """
[pic]                                            [pic]


Community Safety Partnership

3 March 2021

Attendees

Jo Bloggs – Chair
Sam Smith, District Council


Apologies
Alex Brown

1.\tWelcome

The chair welcomed attendees.
        • Burglary fell by 4% in the year.
|Area      |Offences |
|North     |120      |

"""


def test_antiword_text_becomes_headings_list_items_table_rows_and_paragraphs():
    blocks = doc_blocks(ANTIWORD_MINUTES)
    assert [(b.kind, b.level, b.text) for b in blocks] == [
        (HEADING, 1, "Community Safety Partnership"), (HEADING, 2, "3 March 2021"), (HEADING, 2, "Attendees"),
        (PARAGRAPH, 0, "Jo Bloggs – Chair"), (PARAGRAPH, 0, "Sam Smith, District Council"),
        (HEADING, 2, "Apologies"), (PARAGRAPH, 0, "Alex Brown"), (HEADING, 2, "1. Welcome"),
        (PARAGRAPH, 0, "The chair welcomed attendees."), (LIST_ITEM, 1, "Burglary fell by 4% in the year."),
        (TABLE_ROW, 0, "Area\tOffences"), (TABLE_ROW, 0, "North\t120")]
    # no tab outside a table row: downstream a tab separates cells
    assert all("\t" not in b.text for b in blocks if b.kind != TABLE_ROW)


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
