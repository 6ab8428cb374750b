"""Bullets as retrieval units: a bullet that wraps onto a second line is still one item, under its lead line and
its heading, in every format. A PDF typeset without a hanging indent wraps a bullet back to the bullet's own
margin; read line by line, its tail ("June") became a paragraph of its own and the list lost its lead line.

The bullets are generated here, long enough to wrap, from random words, so nothing below knows one document.
"""

from __future__ import annotations

import random
from pathlib import Path

import docx
import pytest
from fpdf import FPDF

from assistant.ingest.chunking import sentence_spans
from assistant.ingest.corpus import load_document
from assistant.ingest.readers import LIST_ITEM
from assistant.ingest.readers.pdf import read_pdf

SUBJECTS = ("Farm Watch membership", "The police drone unit", "Hare coursing reports", "Beat surgeries",
            "Community Speed Watch groups", "Thefts of GPS guidance units", "Knife surrender bins")
VERBS = ("reached", "supported", "rose to", "fell to", "numbered", "were recorded at", "came to")
TAILS = ("by the end of the quarter, up from the previous quarter's figure reported to the partnership in June",
         "across the rural wards of the district, working with the neighbourhood teams and parish councils",
         "after the harvest, when officers and the rural crime team ran joint patrols on farm tracks at night",
         "in the three months to September, the highest number recorded since the partnership began in 2019")


def bullets(seed: int) -> list[str]:
    """Four to six bullets, each long enough to wrap once on an A4 page."""
    rng = random.Random(seed)
    return [f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.randint(12, 480)} {rng.choice(TAILS)}"
            for _ in range(rng.randint(4, 6))]


def flush_left_pdf(path: Path, heading: str, items: list[str]) -> Path:
    """Bullets printed as "- text" from the left margin, wrapping back to it (no hanging indent)."""
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("helvetica", "B", 14)
    pdf.multi_cell(0, 8, heading, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", "", 11)
    pdf.multi_cell(0, 6, "Key points from the quarter:", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    for item in items:
        pdf.multi_cell(0, 6, f"- {item}", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    pdf.multi_cell(0, 6, "Results will be reported in the next briefing.", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def word(path: Path, heading: str, items: list[str]) -> Path:
    document = docx.Document()
    document.add_heading(heading, 1)
    document.add_paragraph("Key points from the quarter:")
    for item in items:
        document.add_paragraph(item, style="List Bullet")
    document.add_paragraph("Results will be reported in the next briefing.")
    document.save(str(path))
    return path


def markdown(path: Path, heading: str, items: list[str]) -> Path:
    lines = [f"## {heading}", "", "Key points from the quarter:", ""] + [f"- {item}" for item in items]
    path.write_text("\n".join(lines + ["", "Results will be reported in the next briefing."]), encoding="utf-8")
    return path


@pytest.mark.parametrize("seed", range(4))
def test_a_wrapped_pdf_bullet_is_one_item(tmp_path, seed):
    items = bullets(seed)
    blocks = read_pdf(flush_left_pdf(tmp_path / "briefing.pdf", "Operation Harrier - rural crime", items)).blocks
    assert [b.text for b in blocks if b.kind == LIST_ITEM] == items
    closing = [b for b in blocks if b.text.startswith("Results will be reported")]
    assert len(closing) == 1 and closing[0].kind != LIST_ITEM  # the paragraph after the list is not its tail


WRITERS = {"pdf": flush_left_pdf, "docx": word, "md": markdown}


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("kind", sorted(WRITERS))
def test_each_bullet_is_one_line_under_its_heading_in_every_format(tmp_path, kind, seed):
    items = bullets(seed)
    heading = "Operation Harrier - rural crime"
    doc = load_document(WRITERS[kind](tmp_path / f"briefing.{kind}", heading, items), {})
    for item in items:
        lines = [line for line in doc.text.split("\n") if item in line]
        assert len(lines) == 1, (item, doc.text)
        start = doc.text.index(item)
        assert heading in doc.section_at(start)
        end = start + len(item)
        assert any(a <= start and end <= b for a, b in sentence_spans(doc.text))  # the item is one sentence
