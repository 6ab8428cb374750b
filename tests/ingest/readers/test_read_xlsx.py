"""The Excel reader on workbooks made with openpyxl: layout, addresses, displayed numbers, limits, refusals."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from office_fixtures import ole_file

from assistant.ingest.readers import HEADING, PARAGRAPH, TABLE_ROW, ReaderError
from assistant.ingest.readers.cell_text import cell_text
from assistant.ingest.readers.xlsx import read_xlsx


def _crime_workbook(path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Braintree"
    sheet["A1"] = "Recorded crime by type, Braintree district"
    sheet["A3"] = "Offence"
    sheet.merge_cells("A3:A4")
    sheet["B3"] = "Offences"
    sheet.merge_cells("B3:E3")
    for column, value in zip("BCDE", [2023, 2024, "# diff.", "% diff."]):
        sheet[f"{column}4"] = value
    sheet.append(["Burglary", 410, 385.0, -25, -0.0610])
    sheet.append(["Vehicle crime", 1200, 1302, 102, 0.085])
    for row in (5, 6):
        sheet[f"B{row}"].number_format = sheet[f"C{row}"].number_format = "#,##0"
        sheet[f"E{row}"].number_format = "0.0%"
    sheet.append(["Note: figures for 2024 are provisional."])
    sheet.append([])
    sheet.append(["Reported", "Rate per 1,000"])
    sheet.append([dt.datetime(2024, 4, 1), 3.456])
    sheet["B10"].number_format = "0.00"
    hidden = workbook.create_sheet("Lookups")
    hidden["A1"] = "internal codes"
    hidden.sheet_state = "hidden"
    second = workbook.create_sheet("Colchester")
    second.append(["Offence", "2024"])
    second.append(["Burglary", 612])
    workbook.properties.title = "Crime figures 2024"
    workbook.properties.creator = "Essex Community Safety Partnerships"
    workbook.properties.created = dt.datetime(2024, 5, 2, 12, 0)
    workbook.save(path)
    return path


@pytest.fixture(scope="module")
def crime(tmp_path_factory):
    return read_xlsx(_crime_workbook(tmp_path_factory.mktemp("xlsx") / "crime.xlsx"))


def test_sheet_heading_title_and_merged_header(crime):
    blocks = crime.blocks
    assert (blocks[0].kind, blocks[0].text, blocks[0].level) == (HEADING, "Braintree", 1)
    assert (blocks[1].kind, blocks[1].text, blocks[1].level, blocks[1].where) == (
        HEADING, "Recorded crime by type, Braintree district", 2, "Braintree!A1")
    assert [b.text for b in blocks[2:6]] == [
        "Offence\tOffences\t\t\t",  # the merged header sits in its first cell; its columns stay
        "\t2023\t2024\t# diff.\t% diff.",
        "Burglary\t410\t385\t-25\t-6.1%",
        "Vehicle crime\t1,200\t1,302\t102\t8.5%",
    ]
    assert all(b.kind == TABLE_ROW for b in blocks[2:6])


def test_row_and_cell_addresses(crime):
    burglary = crime.blocks[4]
    assert burglary.where == "Braintree!A5"
    assert burglary.cells == ("Braintree!A5", "Braintree!B5", "Braintree!C5", "Braintree!D5", "Braintree!E5")
    assert len(burglary.cells) == len(burglary.text.split("\t"))


def test_note_under_a_table_and_a_second_table(crime):
    note, header, row = crime.blocks[6:9]
    assert (note.kind, note.text, note.where) == (PARAGRAPH, "Note: figures for 2024 are provisional.", "Braintree!A7")
    assert (header.kind, header.text, header.where) == (TABLE_ROW, "Reported\tRate per 1,000", "Braintree!A9")
    assert (row.text, row.cells) == ("2024-04-01\t3.46", ("Braintree!A10", "Braintree!B10"))


def test_hidden_sheets_are_skipped_and_other_sheets_follow(crime):
    headings = [b.text for b in crime.blocks if b.kind == HEADING and b.level == 1]
    assert headings == ["Braintree", "Colchester"]
    assert crime.blocks[-1].text == "Burglary\t612"
    assert crime.blocks[-1].where == "Colchester!A2"


def test_workbook_properties(crime):
    assert (crime.title, crime.publisher, crime.date, crime.kind) == (
        "Crime figures 2024", "Essex Community Safety Partnerships", "2024-05-02", "spreadsheet")


def test_row_limit(tmp_path):
    with pytest.raises(ReaderError, match=r"more than 5 filled rows \(the limit reached in sheet 'Braintree'\)"):
        read_xlsx(_crime_workbook(tmp_path / "crime.xlsx"), max_rows=5)


def test_sheet_limit(tmp_path):
    with pytest.raises(ReaderError, match="crime.xlsx has 2 sheets, more than the 1 that can be indexed"):
        read_xlsx(_crime_workbook(tmp_path / "crime.xlsx"), max_sheets=1)


def test_password_protected_workbook(tmp_path):
    path = ole_file(tmp_path / "locked.xlsx", ["EncryptionInfo", "EncryptedPackage"])
    with pytest.raises(ReaderError, match="locked.xlsx is password-protected"):
        read_xlsx(path)


def test_corrupt_workbook(tmp_path):
    (tmp_path / "broken.xlsx").write_bytes(b"PK\x03\x04 truncated")
    with pytest.raises(ReaderError, match="broken.xlsx is damaged or not really an Office file"):
        read_xlsx(tmp_path / "broken.xlsx")


@pytest.mark.parametrize(
    ("value", "number_format", "shown"),
    [
        (1234.0, "General", "1234"),
        (0.1 + 0.2, "General", "0.3"),
        (0.1234, "0.0%", "12.3%"),
        (1234567.891, "#,##0.00", "1,234,567.89"),
        (12.5, "0", "13"),  # Excel rounds half up
        (-5.25, "£#,##0.00", "-£5.25"),
        (1500.5, "[$£-809]#,##0.00", "£1,500.50"),
        (3.14159, "0.0#", "3.14"),
        (3.1, "0.0#", "3.1"),
        (True, "General", "TRUE"),
        (dt.datetime(2024, 4, 1, 13, 30), "General", "2024-04-01 13:30"),
        ("  two\nlines ", "General", "two lines"),
    ],
)
def test_cells_print_as_the_sheet_shows_them(value, number_format, shown):
    assert cell_text(value, number_format) == shown
