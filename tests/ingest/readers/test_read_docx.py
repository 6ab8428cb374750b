"""The Word reader on documents made with python-docx, and on files that only pretend to be .docx."""

from __future__ import annotations

import datetime as dt

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from office_fixtures import ole_file, zip_bomb

from assistant.ingest.readers import (
    HEADING,
    LIST_ITEM,
    PARAGRAPH,
    TABLE_ROW,
    Block,
    ReaderError,
)
from assistant.ingest.readers.docx import read_docx


@pytest.fixture(scope="module")
def minutes(tmp_path_factory):
    document = docx.Document()
    document.styles.add_style("TOC 1", WD_STYLE_TYPE.PARAGRAPH)
    document.add_heading("Community Safety Partnership Board", 0)
    document.add_paragraph("1. Performance\t1", style="TOC 1")  # a table of contents line: skipped
    document.add_heading("1. Performance", 1)
    document.add_paragraph("Recorded crime fell by 4% in the year to March.")
    document.add_paragraph("Burglary down by 12%", style="List Bullet")
    document.add_paragraph("Rural burglary down by 20%", style="List Bullet 2")
    document.add_paragraph("Publish the quarterly dashboard", style="List Number")
    run = document.add_paragraph().add_run("Recorded crime by district")
    run.bold = True
    table = document.add_table(rows=4, cols=4)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "District"
    table.cell(0, 1).merge(table.cell(0, 3)).text = "Offences"
    for col, text in enumerate(["2023", "2024", "% diff."], start=1):
        table.cell(1, col).text = text
    for col, text in enumerate(["Braintree", "410", "385", "-6.1%"]):
        table.cell(2, col).text = text
    for col, text in enumerate(["Colchester", "1,200", "1,302", "8.5%"]):
        table.cell(3, col).text = text
    document.add_heading("2. Next meeting", 2)
    document.add_paragraph("The board will meet again in June.")
    document.core_properties.title = "CSP Board minutes"
    document.core_properties.author = "Braintree District Council"
    document.core_properties.created = dt.datetime(2024, 3, 1, 10, 0)
    path = tmp_path_factory.mktemp("docx") / "minutes.docx"
    document.save(path)
    return read_docx(path)


def test_blocks_in_document_order(minutes):
    assert minutes.blocks == (
        Block(HEADING, "Community Safety Partnership Board", level=1),
        Block(HEADING, "1. Performance", level=1),
        Block(PARAGRAPH, "Recorded crime fell by 4% in the year to March."),
        Block(LIST_ITEM, "Burglary down by 12%", level=1),
        Block(LIST_ITEM, "Rural burglary down by 20%", level=2),
        Block(LIST_ITEM, "Publish the quarterly dashboard", level=1),
        Block(HEADING, "Recorded crime by district", level=2),  # bold line: one below the last heading
        Block(TABLE_ROW, "District\tOffences\t\t"),
        Block(TABLE_ROW, "\t2023\t2024\t% diff."),
        Block(TABLE_ROW, "Braintree\t410\t385\t-6.1%"),
        Block(TABLE_ROW, "Colchester\t1,200\t1,302\t8.5%"),
        Block(HEADING, "2. Next meeting", level=2),
        Block(PARAGRAPH, "The board will meet again in June."),
    )


def test_where_is_empty_because_word_has_no_stable_pages(minutes):
    assert {b.where for b in minutes.blocks} == {""}


def test_core_properties(minutes):
    assert (minutes.title, minutes.publisher, minutes.date, minutes.kind) == (
        "CSP Board minutes", "Braintree District Council", "2024-03-01", "Word document")


def test_a_bold_sentence_is_not_a_heading(tmp_path):
    document = docx.Document()
    document.add_paragraph().add_run("The board noted the report.").bold = True
    document.save(tmp_path / "note.docx")
    assert read_docx(tmp_path / "note.docx").blocks == (Block(PARAGRAPH, "The board noted the report."),)


def test_corrupt_docx(tmp_path):
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 this zip was cut short")
    with pytest.raises(ReaderError, match="broken.docx is damaged or not really an Office file"):
        read_docx(tmp_path / "broken.docx")


def test_text_file_named_docx(tmp_path):
    (tmp_path / "notes.docx").write_text("just some text")
    with pytest.raises(ReaderError, match="notes.docx is damaged or not really an Office file"):
        read_docx(tmp_path / "notes.docx")


def test_zip_without_a_document_part(tmp_path):
    import zipfile

    with zipfile.ZipFile(tmp_path / "other.docx", "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(ReaderError, match="other.docx is a zip archive but not a Word document"):
        read_docx(tmp_path / "other.docx")


def test_zip_bomb_is_refused_before_it_is_opened(tmp_path):
    with pytest.raises(ReaderError, match=r"bomb.docx would unpack to 210 MB .* more than the 200 MB allowed"):
        read_docx(zip_bomb(tmp_path / "bomb.docx"))


def test_password_protected_docx(tmp_path):
    path = ole_file(tmp_path / "locked.docx", ["EncryptionInfo", "EncryptedPackage"])
    with pytest.raises(ReaderError, match="locked.docx is password-protected"):
        read_docx(path)


def test_legacy_doc_renamed_docx(tmp_path):
    path = ole_file(tmp_path / "old.docx", ["WordDocument", "1Table"])
    with pytest.raises(ReaderError, match=r"old.docx is a legacy Word .doc file: save it as .docx"):
        read_docx(path)


def test_content_controls_are_read_and_title_falls_back_to_the_first_heading(tmp_path):
    from docx.oxml import OxmlElement

    document = docx.Document()
    document.add_heading("Anti-social behaviour update", 1)
    wrapped = document.add_paragraph("Text typed into a template's content control.")
    sdt, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
    wrapped._p.addprevious(sdt)
    sdt.append(content)
    content.append(wrapped._p)  # moves the paragraph inside the control
    document.add_paragraph("After the control.")
    document.save(tmp_path / "template.docx")
    extracted = read_docx(tmp_path / "template.docx")
    assert [b.text for b in extracted.blocks] == [
        "Anti-social behaviour update", "Text typed into a template's content control.", "After the control."]
    assert extracted.title == "Anti-social behaviour update"
