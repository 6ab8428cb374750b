"""A document no manifest dates takes the date it prints at its top, else the one in its file name, else its
file's own property; a template's author is no publisher. Documents made here in each format, as a council
without a manifest would add them."""

from __future__ import annotations

import datetime as dt

import docx
import pytest
from fpdf import FPDF

from assistant.ingest.corpus import load_corpus
from assistant.ingest.dating import printed_date, publisher_from_file


@pytest.mark.parametrize("text, date", [
    ("Minutes of the meeting held on Wednesday 17th September 2025 at 10am", "2025-09-17"),
    ("Safer Nights\n14 Oct 2025\nThe council has", "2025-10-14"),
    ("Published: September 3, 2024", "2024-09-03"),
    ("Date of meeting: 05/12/2024", "2024-12-05"),
    ("Report date 2023-06-30", "2023-06-30"),
    ("Covering 1 April 2022 to 31 March 2023. Published 12 May 2023", "2023-05-12"),  # a range is no date
    ("Held 31 February 2024, then 2 March 2024", "2024-03-02"),  # no such day
    ("The 2024 plan for Q3", ""),
])
def test_the_first_whole_date_printed_is_read(text, date):
    assert printed_date(text) == date


def test_a_template_author_is_no_publisher():
    assert publisher_from_file("python-docx") == publisher_from_file(" Microsoft Office User ") == ""
    assert publisher_from_file("Witham Marsh District Council") == "Witham Marsh District Council"


def test_each_format_without_a_manifest_is_dated_by_what_it_prints(tmp_path):
    printed = dt.date(2025, 9, 17)
    words = f"{printed.day} {printed:%B %Y}"
    document = docx.Document()  # python-docx's template: author "python-docx", created in 2013
    document.add_heading("Safer Marsh Partnership", 1)
    document.add_paragraph(f"Minutes of the meeting held on {words} in Committee Room 2.")
    document.add_paragraph("Present: Cllr A Example (Chair). Burglary fell by 12% in the quarter.")
    document.save(tmp_path / "minutes.docx")
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, f"District briefing\nIssued {words}\nShoplifting rose by 8% in the quarter.")
    pdf.output(str(tmp_path / "briefing.pdf"))  # its creation date is today
    (tmp_path / "press-release-2025-10-14.md").write_text(
        "# Safer Nights scheme\n\nThe council has funded eleven cameras for the town centre.\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("Notes on anti-social behaviour in the town centre.\n", encoding="utf-8")
    result = load_corpus(tmp_path)
    dates = {doc.id: doc.date for doc in result.documents}
    assert dates == {"minutes.docx": printed.isoformat(), "briefing.pdf": printed.isoformat(),
                     "press-release-2025-10-14.md": "2025-10-14", "notes.txt": ""}
    publishers = {doc.id: doc.publisher for doc in result.documents}
    assert publishers["minutes.docx"] == "unknown"
    assert not result.problems
