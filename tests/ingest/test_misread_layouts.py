"""A performance table whose layout the readers did not understand is reported at build and left out of the tables,
never catalogued: figures read as names, a period from a title the columns contradict, rows that print more figures
than were read. The documents are generated (misread_layouts: another invented force's quarterly summary, printed as
an unruled PDF), and the same summary laid out plainly must still read in full.
"""

from __future__ import annotations

import re

import pytest
from misread_layouts import CRIMES, LAYOUTS, make_quarterly, write_pdf

from assistant.ingest.corpus import load_document
from assistant.ingest.measures import OFFENCES
from assistant.ingest.performance import read_performance
from assistant.ingest.sanity import holds_printed_figure, is_figures

SEEDS = range(3)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_misread_layout_is_reported_and_left_out(tmp_path, layout, seed):
    summary = make_quarterly(seed)
    doc = load_document(write_pdf(tmp_path / f"{layout}.pdf", summary, layout, seed), {})
    read = read_performance([doc])
    assert read.frame.empty, read.frame[["area", "crime_type", "measure", "period"]].drop_duplicates().head()
    # a table read at all is reported, once, naming its document (a layout not even taken for a table is not)
    assert [document for document, _ in read.problems] in ([doc.id], [])
    for _, message in read.problems:
        assert "not answered from the tables" in message and "text is still searched" in message
        assert not re.search(r"\w_\w|Traceback|\bNaN\b", message)  # plain words: no internal labels
    # its text stays searchable: every crime type's row is still in the document
    assert all(crime in doc.text for crime in CRIMES if layout != "run_together" or len(crime.split()) > 1)


@pytest.mark.parametrize("seed", SEEDS)
def test_the_same_summary_laid_out_plainly_reads_in_full(tmp_path, seed):
    """The checks refuse misreads only: with area names and every column's period, every figure is read as printed."""
    summary = make_quarterly(seed)
    read = read_performance([load_document(write_pdf(tmp_path / "plain.pdf", summary, "plain", seed), {})])
    assert read.problems == ()
    frame = read.frame
    offences = frame[(frame.measure == OFFENCES) & (frame.period == summary.period)]
    read_back = {(row.area, row.crime_type): row.value for row in offences.itertuples()}
    assert read_back == {key: float(now) for key, (_, now, _) in summary.figures.items()}
    assert set(frame.period.str.extract(r"^(\d+) months", expand=False).dropna()) == {"3"}


def test_labels_of_figures_are_told_from_names():
    names = ["Mossgate", "Sector 12", "Burglary (2024/25)", "Zone 3 North", "Violence with injury",
             "Public order offences", "Area 1", "Theft - other"]
    runs = ["1,079 306 407 366 73 23", "812 426 386", "12.5", "1,066", "All crime 1,066", "Burglary +180",
            "Shoplifting 14.5%"]
    assert not any(is_figures(name) or holds_printed_figure(name) for name in names)
    assert all(is_figures(run) or holds_printed_figure(run) for run in runs)
