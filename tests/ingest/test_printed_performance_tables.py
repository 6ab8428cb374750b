"""Police performance summaries published as a PDF (a ruled table) or a Word file are read into the performance
frame like a workbook's tables: crime types under column groups with an extra per-head column, all crime by area,
areas by crime type, several numbered tables in one document with notes around them. Two editions of a summary a
quarter apart, one a workbook and one a PDF, stay two editions, each figure with its own edition's period. A table
nothing can place stays a passage and never stops the build.

Every document is generated (`performance_documents`), so no force, place or figure here is a real one.
"""

from __future__ import annotations

import math

import pytest

from assistant.ingest.catalogue import build_catalogue
from assistant.ingest.corpus import load_document
from assistant.ingest.measures import OFFENCES, PER_HEAD, PERCENT_CHANGE, SOLVED, SOLVED_RATE
from assistant.ingest.performance import read_performance
from performance_documents import (
    TOTAL,
    make_summary,
    write_docx,
    write_pdf,
    write_xlsx,
)

WRITERS = {"pdf": write_pdf, "docx": write_docx, "xlsx": write_xlsx}


def _read(tmp_path, seed, suffix, **kwargs):
    summary = make_summary(seed, **kwargs)
    path = WRITERS[suffix](tmp_path / f"summary-{seed}-{summary.month}.{suffix}", summary)
    read = read_performance([load_document(path, {})])
    return summary, read


def _value(frame, area, crime, measure, period):
    rows = frame[(frame.area == area) & (frame.crime_type == crime) & (frame.measure == measure) &
                 (frame.period == period)]
    values = set(rows.value)
    assert len(values) == 1, (area, crime, measure, period, rows)
    return values.pop()


def _words(summary, later=True):
    month = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")[summary.month - 1]
    return f"12 months to {month} {summary.year - (0 if later else 1)}"


@pytest.mark.parametrize("suffix", ("pdf", "docx", "xlsx"))
@pytest.mark.parametrize("seed", range(3))
def test_every_figure_of_every_numbered_table_is_read_for_its_area_crime_type_measure_and_period(tmp_path, seed,
                                                                                                suffix):
    summary, read = _read(tmp_path, seed, suffix)
    frame = read.frame
    assert not read.problems
    for later in (False, True):
        period = _words(summary, later)
        i = 1 if later else 0
        for crime in (TOTAL, *summary.crimes):  # Table 1: the force's crime types
            assert _value(frame, summary.force, crime, OFFENCES, period) == summary.offences[(summary.force, crime)][i]
            assert _value(frame, summary.force, crime, SOLVED, period) == summary.solved[(summary.force, crime)][i]
            assert math.isclose(_value(frame, summary.force, crime, SOLVED_RATE, period),
                                summary.rate(summary.force, crime, later))
        for area in summary.areas:  # Table 2: all crime by area, areas as rows
            assert _value(frame, area, TOTAL, OFFENCES, period) == summary.offences[(area, TOTAL)][i]
    for area in summary.areas:  # Table 3: areas as rows, crime types as columns, the later period only
        for crime in summary.crimes:
            assert _value(frame, area, crime, OFFENCES, _words(summary)) == summary.offences[(area, crime)][1]
        a, b = summary.offences[(area, TOTAL)]
        assert math.isclose(_value(frame, area, TOTAL, PERCENT_CHANGE[OFFENCES], frame[
            (frame.area == area) & (frame.measure == PERCENT_CHANGE[OFFENCES])].period.iloc[0]),
            round(100 * (b - a) / a, 1))


@pytest.mark.parametrize("suffix", ("pdf", "docx", "xlsx"))
def test_a_rate_per_head_is_never_read_as_a_solved_rate_or_a_count(tmp_path, suffix):
    """The "Rate per 1,000 population" column is never read as a solved rate or a count: where a period is said for
    it, it is the printed rate per head it is, for the crime type of its row."""
    summary, read = _read(tmp_path, 4, suffix)
    frame = read.frame
    per_head = {crime: f"{summary.offences[(summary.force, crime)][1] / 97.3:.1f}" for crime in (TOTAL, *summary.crimes)}
    labelled = frame[frame.column_label.str.contains("1,000")]
    assert set(labelled.measure) <= {PER_HEAD}
    assert all(per_head[crime] == printed for crime, printed in zip(labelled.crime_type, labelled.printed))
    assert not frame[frame.measure != PER_HEAD].printed.isin(set(per_head.values())).any()


@pytest.mark.parametrize("suffix", ("pdf", "docx"))
def test_a_printed_summary_is_its_own_edition_named_by_its_title_and_period(tmp_path, suffix):
    summary, read = _read(tmp_path, 5, suffix)
    editions = set(read.frame.edition)
    assert len(editions) == 1
    edition = editions.pop()
    assert summary.force in edition and summary.until in edition


def test_two_editions_a_quarter_apart_in_different_formats_stay_apart(tmp_path):
    """A workbook to June and a PDF to September of the same force and areas: two editions, each figure with the
    period of its own edition, the PDF's the latest."""
    june = make_summary(11, month=6, force="Northmoor", areas=("Brinkley", "Colby Marsh", "Fulbeck"))
    september = make_summary(12, month=9, force="Northmoor", areas=("Brinkley", "Colby Marsh", "Fulbeck"))
    documents = [load_document(write_xlsx(tmp_path / "northmoor-summary-2026-06.xlsx", june), {}),
                 load_document(write_pdf(tmp_path / "northmoor-summary-2026-09.pdf", september), {})]
    read = read_performance(documents)
    frame = read.frame
    assert not read.problems
    assert frame.edition.nunique() == 2
    for edition, rows in frame.groupby("edition"):
        documents_of = set(rows.source_document)
        assert len(documents_of) == 1
        truth = june if documents_of.pop().endswith(".xlsx") else september
        values = rows[rows.measure == OFFENCES]
        assert set(values.period) <= {_words(truth, False), _words(truth)}
        for (area, crime, period), value in values.groupby(["area", "crime_type", "period"]).value.first().items():
            assert value == truth.offences[(area, crime)][1 if period == _words(truth) else 0]
    catalogue = build_catalogue(frame, {d.id: d for d in documents})
    assert catalogue.latest().document.endswith(".pdf")
    assert catalogue.latest().latest_period == _words(september)


def test_an_unplaceable_table_stays_a_passage_and_never_stops_the_build(tmp_path):
    """Figures under headers that name no measure, period or place: no performance figures, no crash, and the
    table's text is still in the document for passage answers."""
    summary = make_summary(21)
    odd = [("Item", "Alpha", "Beta", "Gamma"), ("First", "12", "7", "3"), ("Second", "4", "9", "11")]
    headless = [("First", "12", "7", "3"), ("Second", "4", "9", "11")]
    extra = [("Table 4: Miscellaneous returns", odd, "Figures supplied by partners."),
             ("Table 5: Offences by area", headless, "No header was printed.")]
    for writer, suffix in ((write_pdf, "pdf"), (write_docx, "docx")):
        document = load_document(writer(tmp_path / f"odd.{suffix}", summary, extra=extra), {})
        read = read_performance([document])
        assert "Gamma" in document.text and "Miscellaneous returns" in document.text
        assert not set(read.frame.row_label) & {"First", "Second"}
        assert len(read.frame)  # the summary's own tables are still read


@pytest.mark.parametrize("suffix", ("pdf", "docx"))
@pytest.mark.parametrize("seed", range(2))
def test_a_row_of_another_measure_is_never_read_as_the_captions_count(tmp_path, suffix, seed):
    """A report's table of recorded offences (its caption says so) with a solved-rate row among the crime types:
    the counts are read, the percentage row is not read as offences, and a "Change" printed in % is a % change."""
    summary = make_summary(30 + seed)
    crimes = (TOTAL, *summary.crimes)
    rows = [("Crime type", summary.period(False), summary.period(), "Change")]
    for crime in crimes:
        a, b = summary.offences[(summary.force, crime)]
        rows.append((crime, f"{a:,}", f"{b:,}", f"{100 * (b - a) / a:+.1f}%"))
    rows.append(("Solved rate (all crime)", "12.6%", "14.2%", "+1.6 points"))
    extra = [("Table 4: Recorded offences, rolling years", rows, "Counts of offences recorded by the force.")]
    writer = write_pdf if suffix == "pdf" else write_docx
    document = load_document(writer(tmp_path / f"extra.{suffix}", summary, extra=extra), {})
    frame = read_performance([document]).frame
    table = frame[frame.row_start >= document.text.index("Table 4")]
    assert set(table.crime_type) == set(crimes)
    for crime in crimes:
        a, b = summary.offences[(summary.force, crime)]
        assert _value(table, summary.force, crime, OFFENCES, _words(summary)) == b
        assert math.isclose(_value(table, summary.force, crime, PERCENT_CHANGE[OFFENCES],
                                   table[table.measure == PERCENT_CHANGE[OFFENCES]].period.iloc[0]),
                            round(100 * (b - a) / a, 1))
