"""The PDF reader on small PDFs made with fpdf2: structure, page numbers, tables, metadata and refusals."""

from __future__ import annotations

import io

import pytest
from fpdf import FPDF
from pdf_fixtures import BODY, board_pack
from PIL import Image

from assistant.ingest.readers import (
    HEADING,
    LIST_ITEM,
    PARAGRAPH,
    TABLE_ROW,
    ReaderError,
)
from assistant.ingest.readers.pdf import pdf_date, read_pdf


@pytest.fixture(scope="module")
def pack(tmp_path_factory):
    return read_pdf(board_pack(tmp_path_factory.mktemp("pdf") / "board-pack.pdf"))


def test_headings_are_ranked_by_size(pack):
    headings = [(b.text, b.level, b.where) for b in pack.blocks if b.kind == HEADING]
    assert headings == [
        ("Performance Report", 1, "page 1"),
        ("1. Summary", 2, "page 1"),
        ("2. Crime by type", 2, "page 1"),
        ("3. Next steps", 2, "page 2"),
    ]


def test_wrapped_lines_are_one_paragraph(pack):
    paragraphs = [b for b in pack.blocks if b.kind == PARAGRAPH]
    assert paragraphs[0].text == BODY
    assert paragraphs[0].where == "page 1"
    assert paragraphs[-1].text == "Officers will report progress to the next meeting of the board in June."
    assert paragraphs[-1].where == "page 2"


def test_bullets_become_list_items_without_the_bullet(pack):
    assert {b.level for b in pack.blocks if b.kind == LIST_ITEM} == {1}  # as Word's top-level items
    items = [b.text for b in pack.blocks if b.kind == LIST_ITEM]
    assert items == ["Reduce burglary in rural villages", "Tackle anti-social behaviour in the town centre",
                     "Support victims of domestic abuse"]


def test_table_over_a_page_break_stays_one_table(pack):
    kinds = [b.kind for b in pack.blocks]
    first, last = kinds.index(TABLE_ROW), len(kinds) - 1 - kinds[::-1].index(TABLE_ROW)
    rows = pack.blocks[first : last + 1]
    assert all(b.kind == TABLE_ROW for b in rows)  # nothing between the two pages' parts
    assert rows[0].text == "Crime type\t2023\t2024\tChange"
    assert [b.text for b in rows].count(rows[0].text) == 1  # the header fpdf2 repeats on page 2 is dropped
    assert len(rows) == 41
    assert rows[1].text == "Offence group 1\t101\t92\t-8"
    assert rows[-1].text == "Offence group 40\t140\t170\t+70"
    assert {b.where for b in rows} == {"page 1", "page 2"}
    assert rows[-1].where == "page 2"


def test_table_text_is_not_also_a_paragraph(pack):
    prose = " ".join(b.text for b in pack.blocks if b.kind != TABLE_ROW)
    assert "Offence group" not in prose


def test_running_header_footer_and_page_numbers_are_dropped(pack):
    text = " ".join(b.text for b in pack.blocks)
    assert "Board Pack" not in text
    assert "Page 1 of 2" not in text and "Page 2" not in text


def test_metadata_from_the_pdf_info(pack):
    assert pack.title == "Community Safety Board - Performance Report"
    assert pack.publisher == "Braintree District Council"
    assert pack.date == "2024-03-14"
    assert pack.kind == "PDF document"


def test_outline_gives_headings_that_fonts_do_not(tmp_path):
    pdf = FPDF()
    pdf.set_font("helvetica", size=11)
    for section, detail in [("Introduction", "Scope"), ("Findings", "Burglary")]:
        pdf.add_page()
        pdf.start_section(section, level=0)
        pdf.multi_cell(0, 6, section, new_x="LMARGIN", new_y="NEXT")
        pdf.start_section(detail, level=1)
        pdf.multi_cell(0, 6, detail, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(6)
        pdf.multi_cell(0, 6, f"{section} of the review. {BODY}", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(tmp_path / "outline.pdf"))
    blocks = read_pdf(tmp_path / "outline.pdf").blocks
    assert [(b.kind, b.text[:12], b.level, b.where) for b in blocks] == [
        (HEADING, "Introduction", 1, "page 1"), (HEADING, "Scope", 2, "page 1"), (PARAGRAPH, "Introduction", 0, "page 1"),
        (HEADING, "Findings", 1, "page 2"), (HEADING, "Burglary", 2, "page 2"), (PARAGRAPH, "Findings of ", 0, "page 2"),
    ]


def test_bold_action_lines_in_minutes_are_not_headings(tmp_path):
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", "B", 11)
    pdf.multi_cell(0, 6, "1. Welcome and apologies", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", "", 11)
    pdf.multi_cell(0, 6, BODY, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("helvetica", "B", 11)
    pdf.multi_cell(0, 6, "Action: the chair to write to the Police and Crime Commissioner.", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(tmp_path / "minutes.pdf"))
    blocks = read_pdf(tmp_path / "minutes.pdf").blocks
    assert [b.kind for b in blocks] == [HEADING, PARAGRAPH, PARAGRAPH]
    assert blocks[2].text.startswith("Action: the chair")


def test_pdf_date():
    assert pdf_date("D:20140306095417Z") == "2014-03-06"
    assert pdf_date("D:20101217123139Z00'00'") == "2010-12-17"
    assert pdf_date("D:201012") == "2010-12"
    assert pdf_date("") == "" and pdf_date("yesterday") == ""


def test_scanned_pdf_needs_ocr(tmp_path):
    image = io.BytesIO()
    Image.new("L", (200, 280), 230).save(image, format="PNG")
    pdf = FPDF()
    pdf.add_page()
    pdf.image(image, x=10, y=10, w=190)
    pdf.output(str(tmp_path / "scan.pdf"))
    with pytest.raises(ReaderError, match="scan.pdf has no text layer: it looks scanned and needs OCR"):
        read_pdf(tmp_path / "scan.pdf")


def test_truncated_pdf(tmp_path):
    data = board_pack(tmp_path / "whole.pdf").read_bytes()
    (tmp_path / "cut.pdf").write_bytes(data[: len(data) // 2])
    with pytest.raises(ReaderError, match="cut.pdf is truncated or damaged"):
        read_pdf(tmp_path / "cut.pdf")


def test_damaged_pdf(tmp_path):
    (tmp_path / "bad.pdf").write_bytes(b"%PDF-1.4\nthis is not a PDF body\n%%EOF\n")
    with pytest.raises(ReaderError, match="bad.pdf is damaged and cannot be read as a PDF"):
        read_pdf(tmp_path / "bad.pdf")


def test_password_protected_pdf(tmp_path):
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(0, 10, "Restricted figures")
    pdf.set_encryption(owner_password="owner", user_password="reader")
    pdf.output(str(tmp_path / "locked.pdf"))
    with pytest.raises(ReaderError, match="locked.pdf is password-protected: "):
        read_pdf(tmp_path / "locked.pdf")


def test_pdf_with_only_an_owner_password_is_read(tmp_path):
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(0, 10, "Published figures")
    pdf.set_encryption(owner_password="owner")  # opens without a password; only editing is restricted
    pdf.output(str(tmp_path / "no-edit.pdf"))
    assert [b.text for b in read_pdf(tmp_path / "no-edit.pdf").blocks] == ["Published figures"]


def test_text_file_named_pdf(tmp_path):
    (tmp_path / "report.pdf").write_text("<html><body>404 Not Found</body></html>")
    with pytest.raises(ReaderError, match="report.pdf is not a PDF"):
        read_pdf(tmp_path / "report.pdf")


def test_page_limit(tmp_path):
    with pytest.raises(ReaderError, match="has 2 pages, more than the 1 that can be indexed"):
        read_pdf(board_pack(tmp_path / "pack.pdf"), max_pages=1)


def test_a_line_starting_with_a_negative_number_is_not_a_bullet(tmp_path):
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    pdf.multi_cell(0, 6, "Burglary in the district:", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.multi_cell(0, 6, "-25% against last year, the largest fall in the county.", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.multi_cell(0, 6, "- a bullet made with a dash", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(tmp_path / "dash.pdf"))
    blocks = read_pdf(tmp_path / "dash.pdf").blocks
    assert [(b.kind, b.text) for b in blocks[1:]] == [
        (PARAGRAPH, "-25% against last year, the largest fall in the county."), (LIST_ITEM, "a bullet made with a dash")]


def test_scanned_pages_with_printed_page_numbers_still_need_ocr(tmp_path):
    image = io.BytesIO()
    Image.new("L", (200, 280), 230).save(image, format="PNG")
    pdf = FPDF()
    pdf.set_font("helvetica", size=9)
    for number in (1, 2, 3):
        pdf.add_page()
        pdf.image(image, x=10, y=10, w=150)
        pdf.set_y(-15)
        pdf.cell(0, 10, f"Page {number} of 3", align="C")
    pdf.output(str(tmp_path / "scanned-numbered.pdf"))
    with pytest.raises(ReaderError, match="has no text layer: it looks scanned and needs OCR"):
        read_pdf(tmp_path / "scanned-numbered.pdf")


def test_an_outline_that_matches_nothing_leaves_headings_to_fonts(tmp_path):
    pdf = FPDF()
    pdf.add_page()
    pdf.start_section("Bookmark named differently", level=0)
    pdf.set_font("helvetica", "B", 18)
    pdf.multi_cell(0, 9, "Quarterly Performance", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("helvetica", size=11)
    pdf.multi_cell(0, 6, BODY, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(tmp_path / "renamed.pdf"))
    blocks = read_pdf(tmp_path / "renamed.pdf").blocks
    assert [(b.kind, b.level) for b in blocks] == [(HEADING, 1), (PARAGRAPH, 0)]
