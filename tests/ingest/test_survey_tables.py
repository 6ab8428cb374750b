"""A survey table printed in a performance table's shape (a label column, two years, a change) is not a summary.

Residents' survey results ("Feel safe after dark: 68%, 64%, -4 pts") share the shape of a performance table, but their
percentages are no solved rates and no offences are counted; read as a summary, such a table once made an edition
with no period and crashed the whole index build. Names and figures are made up from a seed.
"""

from __future__ import annotations

import random

import pytest
from fpdf import FPDF

from assistant.ingest.catalogue import build_catalogue
from assistant.ingest.corpus import load_corpus
from assistant.ingest.measures import OFFENCES
from assistant.ingest.performance import read_performance
from generated_corpora import coined
from performance_documents import make_summary, write_pdf


def _survey_pack(path, rng: random.Random) -> tuple[str, list[str]]:
    """A board pack page whose only table is survey results for two years, ruled like a summary's."""
    council = coined(rng)
    statements = [f"Feel safe in {coined(rng)} after dark", f"Agree the {coined(rng)} partnership deals with issues",
                  "Anti-social behaviour is a big problem locally"]
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 14)
    pdf.multi_cell(0, 8, f"{council} District Council", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "B", 11)
    pdf.multi_cell(0, 7, f"Item 7: {council} Residents' Survey 2026: headline results", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(0, 6, "The police update reports crime in the 12 months to March 2026 against the year before. "
                         "The survey was carried out between 2 February and 13 March 2026. "
                         f"{rng.randint(900, 2000):,} residents replied, a response rate of {rng.randint(9, 30)}%. "
                         "Results are shown below, "
                         "with 2025 for comparison.", new_x="LMARGIN", new_y="NEXT")
    rows = [(s, f"{a}%", f"{b}%", f"{b - a:+d} pts") for s in statements
            for a, b in [(rng.randint(20, 90), rng.randint(20, 90))]]
    for style, cells_list in (("B", [("Measure", "2025", "2026", "Change")]), ("", rows)):
        pdf.set_font("Helvetica", style, 9)
        for cells in cells_list:
            for width, cell in zip((100, 25, 25, 30), cells):
                pdf.cell(width, 6, cell, border=1)
            pdf.ln()
    pdf.output(str(path))
    return council, statements


@pytest.mark.parametrize("seed", [3, 11])
def test_a_survey_table_is_not_read_as_a_summary_and_the_build_goes_on(tmp_path, seed):
    rng = random.Random(seed)
    _, statements = _survey_pack(tmp_path / "council-agenda-pack-2026-05-14-board.pdf", rng)
    summary = make_summary(seed, month=3, year=2026)
    write_pdf(tmp_path / "force-performance-summary-2026-04-20.pdf", summary)
    documents = list(load_corpus(tmp_path).documents)
    read = read_performance(documents)
    assert not read.frame["crime_type"].isin(statements).any()
    assert set(read.frame["source_document"]) == {"force-performance-summary-2026-04-20.pdf"}
    catalogue = build_catalogue(read.frame, {d.id: d for d in documents})
    assert len(catalogue.editions) == 1
    assert (read.frame[read.frame["edition"] == catalogue.editions[0].id]["measure"] == OFFENCES).any()


def test_a_summary_of_solved_outcomes_alone_is_catalogued_by_its_own_periods(tmp_path):
    """Counting solved outcomes but no offences is still a summary: kept, and dated by the periods it prints."""
    import openpyxl

    from assistant.ingest.corpus import load_document

    rng = random.Random(5)
    place = coined(rng)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = place
    sheet.append(["Solved outcomes by crime type, 12 months to May 2026"])
    sheet.append(["Crime type", "Solved outcomes 12 months to May 2025", "Solved outcomes 12 months to May 2026"])
    for crime in ("Robbery", "Shoplifting", "Drug offences"):
        sheet.append([crime, rng.randint(10, 200), rng.randint(10, 200)])
    book.save(tmp_path / "solved.xlsx")
    document = load_document(tmp_path / "solved.xlsx", {})
    frame = read_performance([document]).frame
    catalogue = build_catalogue(frame, {document.id: document})
    assert [edition.period_ends for edition in catalogue.editions] == [("2025-05", "2026-05")]
