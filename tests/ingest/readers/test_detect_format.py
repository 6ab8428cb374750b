"""Format detection trusts content before names, and read_any sends each format to its reader."""

from __future__ import annotations

import zipfile

import docx
import openpyxl
import pytest
from fpdf import FPDF
from office_fixtures import ole_file

from assistant.ingest.readers import ReaderError
from assistant.ingest.readers.detect import detect_format, read_any


def _pdf(path):
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(0, 10, "Anti-social behaviour fell in the town centre.")
    pdf.output(str(path))
    return path


def _docx(path):
    document = docx.Document()
    document.add_paragraph("Board minutes")
    document.save(path)
    return path


def _xlsx(path):
    workbook = openpyxl.Workbook()
    workbook.active.append(["Ward", "Incidents"])
    workbook.save(path)
    return path


def test_binary_formats_by_content(tmp_path):
    assert detect_format(_pdf(tmp_path / "a.pdf")) == "pdf"
    assert detect_format(_docx(tmp_path / "b.docx")) == "docx"
    assert detect_format(_xlsx(tmp_path / "c.xlsx")) == "xlsx"
    assert detect_format(_pdf(tmp_path / "no-extension")) == "pdf"
    assert detect_format(_docx(tmp_path / "misnamed.xlsx")) == "docx"  # content wins over the name


def test_ole_files_by_their_streams(tmp_path):
    assert detect_format(ole_file(tmp_path / "a.doc", ["WordDocument", "1Table"])) == "doc"
    assert detect_format(ole_file(tmp_path / "b.xls", ["Workbook"])) == "xls"
    assert detect_format(ole_file(tmp_path / "c.bin", ["Book"])) == "xls"
    assert detect_format(ole_file(tmp_path / "d.docx", ["EncryptionInfo", "EncryptedPackage"])) == "encrypted-ooxml"
    assert detect_format(ole_file(tmp_path / "e.xlsx", ["EncryptionInfo", "EncryptedPackage"])) == "encrypted-ooxml"


def test_text_formats_by_extension(tmp_path):
    for name, expected in [("a.md", "md"), ("b.txt", "txt"), ("c.html", "html"), ("d.HTM", "html"), ("e.csv", "csv"),
                           ("f.json", "unknown")]:
        (tmp_path / name).write_text("Ward,Incidents\n")
        assert detect_format(tmp_path / name) == expected


def test_a_pdf_that_is_not_a_pdf(tmp_path):
    (tmp_path / "report.pdf").write_text("Recorded crime fell by 4%.")
    assert detect_format(tmp_path / "report.pdf") == "mismatch"
    with pytest.raises(ReaderError, match="report.pdf is not a PDF"):
        read_any(tmp_path / "report.pdf")


def test_a_zip_that_is_not_office(tmp_path):
    with zipfile.ZipFile(tmp_path / "pack.docx", "w") as archive:
        archive.writestr("readme.txt", "hello")
    assert detect_format(tmp_path / "pack.docx") == "mismatch"


def test_read_any_dispatches(tmp_path):
    assert read_any(_pdf(tmp_path / "a.pdf")).kind == "PDF document"
    assert read_any(_docx(tmp_path / "b.docx")).kind == "Word document"
    assert read_any(_xlsx(tmp_path / "c.xlsx")).kind == "spreadsheet"
    (tmp_path / "d.csv").write_text("Ward,Incidents\nNorth,3\n")
    assert read_any(tmp_path / "d.csv").kind == "CSV table"


def test_read_any_refuses_what_it_cannot_read(tmp_path):
    with pytest.raises(ReaderError, match="locked.docx is password-protected"):
        read_any(ole_file(tmp_path / "locked.docx", ["EncryptionInfo", "EncryptedPackage"]))
    with pytest.raises(ReaderError, match="old.doc could not be read as a Word .doc file"):
        read_any(ole_file(tmp_path / "old.doc", ["WordDocument"]))
    (tmp_path / "notes.md").write_text("# Notes\n")
    with pytest.raises(ValueError, match="notes.md is a md file: read it with the text reader"):
        read_any(tmp_path / "notes.md")
    (tmp_path / "data.json").write_text("{}")
    with pytest.raises(ReaderError, match="data.json: this file type cannot be indexed"):
        read_any(tmp_path / "data.json")
