"""Performance tables printed with no ruling lines, their columns aligned by spacing alone (see `unruled_reports`: another
invented force's district summary, quarterly and rolling-year editions), read cell for cell: stacked header cells
over evenly spaced rows, multi-word and wrapped row labels, signed figures and thousands separators, a table over a
page break with its header printed again, running headers and footers and notes kept out. A table whose figures
line up with no column is reported and never read.
"""

from __future__ import annotations

import pytest
from unruled_reports import CRIMES, EDITIONS, TOTAL, area_rows, crime_rows, make_summary, write_pdf

from assistant import vocab
from assistant.ingest.catalogue import build_catalogue
from assistant.ingest.corpus import load_document
from assistant.ingest.measures import OFFENCES, SOLVED
from assistant.ingest.performance import read_performance
from assistant.ingest.readers import TABLE_ROW
from assistant.ingest.readers.pdf import read_pdf
from assistant.store.build import with_area_names
from assistant.understand.question import parse

SEEDS = range(4)
CASES = [(seed, edition, lead) for seed in SEEDS for edition in EDITIONS for lead in (0, 44)]


def _tables(blocks) -> list[list[list[str]]]:
    """The table rows of each table, in order: a table ends where any other block comes between its rows."""
    tables, previous = [], None
    for block in blocks:
        if block.kind == TABLE_ROW:
            if previous != TABLE_ROW:
                tables.append([])
            tables[-1].append(block.text.split("\t"))
        previous = block.kind
    return tables


@pytest.mark.parametrize("seed,edition,lead", CASES)
def test_every_printed_cell_reads_as_written(tmp_path, seed, edition, lead):
    summary = make_summary(seed, edition)
    blocks = read_pdf(write_pdf(tmp_path / "summary.pdf", summary, lead_lines=lead)).blocks
    assert _tables(blocks) == [[list(row) for row in crime_rows(summary)], [list(row) for row in area_rows(summary)]]
    text = "\n".join(block.text for block in blocks if block.kind == TABLE_ROW)
    assert "OFFICIAL" not in text and "Published" not in text and "Change is" not in text  # page furniture, notes
    if lead:  # the first table did run over the page break, and its header printed again was read once
        pages = {block.where for block in blocks if block.kind == TABLE_ROW and block.text.split("\t")[0] in CRIMES}
        assert len(pages) == 2


@pytest.mark.parametrize("seed,edition,lead", CASES[::3])
def test_every_figure_read_is_the_figure_printed(tmp_path, seed, edition, lead):
    summary = make_summary(seed, edition)
    read = read_performance([load_document(write_pdf(tmp_path / "summary.pdf", summary, lead_lines=lead), {})])
    assert read.problems == ()
    frame = read.frame
    got = {(row.area, row.crime_type, row.measure, row.period): row.value for row in frame.itertuples()}
    expected = {}
    for area in (summary.district, *summary.areas):
        for crime in ((*CRIMES, TOTAL) if area == summary.district else (TOTAL,)):
            before, now, solved = summary.figures[(area, crime)]
            expected[(area, crime, OFFENCES, summary.period(False))] = before
            expected[(area, crime, OFFENCES, summary.period())] = now
            expected[(area, crime, SOLVED, summary.period())] = solved
    assert {key: got.get(key) for key in expected} == expected
    assert set(frame.area) == {summary.district, *summary.areas}
    assert set(frame.crime_type) == {*CRIMES, TOTAL}


@pytest.mark.parametrize("seed,edition", [(seed, edition) for seed in SEEDS[:2] for edition in EDITIONS])
def test_every_learned_area_and_crime_type_reads_back_as_itself(tmp_path, seed, edition):
    summary = make_summary(seed, edition)
    document = load_document(write_pdf(tmp_path / "summary.pdf", summary), {})
    words = vocab.load()
    frame = with_area_names(read_performance([document]).frame, words)
    catalogue = build_catalogue(frame, {document.id: document}, words.area_kinds)
    with vocab.using(vocab.for_catalogue(words, catalogue)):
        for area in summary.areas:
            query = parse(f"{TOTAL} in {area}")
            assert query.areas == (area,) and query.crime_types == (TOTAL,), (area, query)
        for crime in CRIMES:
            query = parse(f"{crime} in {summary.district}")
            assert query.areas == (summary.district,) and query.crime_types == (crime,), (crime, query)


@pytest.mark.parametrize("seed", range(8))
def test_a_table_whose_figures_line_up_with_no_column_is_reported_not_read(tmp_path, seed):
    summary = make_summary(seed)
    document = load_document(write_pdf(tmp_path / "summary.pdf", summary, misaligned=True, seed=seed), {})
    read = read_performance([document])
    assert not set(read.frame.area) & set(summary.areas)  # no figure of the table of areas is read
    assert read.problems and all(doc == document.id for doc, _ in read.problems)
    assert any("out of line with its columns" in message or "not laid out in a way" in message
               for _, message in read.problems)
    # the table of crime types, aligned, still reads in full
    offences = read.frame[(read.frame.measure == OFFENCES) & (read.frame.period == summary.period())]
    assert {row.crime_type: row.value for row in offences.itertuples()} == \
        {crime: summary.figures[(summary.district, crime)][1] for crime in (*CRIMES, TOTAL)}


@pytest.mark.parametrize("seed", range(3))
def test_a_quarter_of_a_financial_year_is_never_read_as_the_whole_year(tmp_path, seed):
    """Headers "Recorded Q2 2024/25" name three months of the year: read as the twelve months to March, every figure
    would carry the wrong period. Either the quarter is read, or the table is reported and left out."""
    import random

    import docx

    rng = random.Random(seed)
    quarter, year = rng.randint(1, 4), rng.choice((2024, 2025))
    fiscal = lambda y: f"{y}/{(y + 1) % 100:02d}"  # noqa: E731
    document = docx.Document()
    document.add_heading(f"{make_summary(seed).district} District Quarterly Performance Summary", 1)
    table = document.add_table(rows=4, cols=3)
    rows = [("Offence group", f"Recorded Q{quarter} {fiscal(year - 1)}", f"Recorded Q{quarter} {fiscal(year)}")]
    rows += [(crime, str(rng.randint(20, 400)), str(rng.randint(20, 400))) for crime in CRIMES[:3]]
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            table.cell(i, j).text = value
    path = tmp_path / "quarter.docx"
    document.save(str(path))
    read = read_performance([load_document(path, {})])
    assert not read.frame.period.str.startswith("12 months").any()
    assert not read.frame.empty or read.problems
