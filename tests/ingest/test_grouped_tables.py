"""Performance tables whose rows are grouped under label rows, sheets whose area is the place their title names, and
tables in documents whose columns are periods shorter than a year.

Every workbook, Word file and PDF here is generated: invented forces, policing areas and towns, group rows under
different prefix words ("Area: Tolbury", "Ward - Tolbury", a bare "Tolbury"), with or without a blank row before
each group, crime types as the rows with areas grouped over them and the other way round. What is checked is a
property of every figure written: it is read once, for the area and crime type its group and its row give, never for
the sheet's name; the workbook's title is its first title row and software never stands as its publisher.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

import docx
import openpyxl
import pytest
from fpdf import FPDF

from assistant.ingest.corpus import load_document
from assistant.ingest.measures import OFFENCES, SOLVED
from assistant.ingest.performance import read_performance

from document_tables import docx_table

FORCES = ("Wexmoor", "Calder Vale", "Pennock", "Hartsfold")
PLACES = ("Tolbury", "Ashcombe", "Brindle Cross", "Marlow Heath", "Quenby", "Little Ovington", "Saltley Fen")
WHOLE_KINDS = ("Policing Area", "District", "Borough", "Local Policing Area")
CRIMES = ("Residential burglary", "Shoplifting", "Robbery", "Vehicle offences", "Drug offences", "Bicycle theft")
PREFIXES = ("Area: ", "Ward - ", "Neighbourhood – ", "District: ", "")
SHEET_NAMES = ("District summary", "Summary", "Headline figures", "Overview")


@dataclass(frozen=True)
class Written:
    """A generated workbook and the truth of its offence counts: (area, crime type, year) -> value."""

    path: Path
    title: str
    whole: str
    counts: dict[tuple[str, str, int], float]
    missing: tuple[tuple[str, str], ...]  # (area, crime type) pairs a group leaves out


def _header(sheet, years: tuple[int, int]) -> None:
    sheet.append([None, "Offences", None, None, "Solved outcomes", None])
    sheet.append(["Crime type", *(f"12 months to Mar {y}" for y in years), "% change",
                  *(f"12 months to Mar {y}" for y in years)])


def make_grouped_workbook(tmp_path: Path, seed: int, prefix: str, blank_rows: bool) -> Written:
    """A summary sheet for the whole policing area (no area column, its name generic) and a sheet of areas, each
    a group of rows under a label row, some crime types left out of some groups."""
    rng = random.Random(seed)
    force, kind = rng.choice(FORCES), rng.choice(WHOLE_KINDS)
    whole, *areas = rng.sample(PLACES, 4)
    years = (2025, 2026)
    title = f"{force} Constabulary - {whole} {kind}: Performance Summary, 12 months to March 2026"
    book = openpyxl.Workbook()
    book.properties.creator = "openpyxl"
    counts: dict[tuple[str, str, int], float] = {}
    summary = book.active
    summary.title = rng.choice(SHEET_NAMES)
    summary.append([title])
    summary.append(["Rolling 12 months compared with the 12 months before. Figures are provisional and may change "
                    "as crimes are reclassified, so they should not be compared with earlier editions."])
    summary.append([])
    _header(summary, years)
    for crime in CRIMES:
        values = [rng.randint(100, 900) for _ in years]
        counts.update({(whole, crime, y): v for y, v in zip(years, values)})
        summary.append([crime, *values, round(100 * (values[1] - values[0]) / values[0], 1),
                        *(rng.randint(5, 60) for _ in years)])
    grouped = book.create_sheet("By area")
    grouped.append([f"{force} Constabulary - {whole} {kind}: Performance by Area, 12 months to March 2026"])
    grouped.append([])
    _header(grouped, years)
    missing = []
    for index, area in enumerate(areas):
        if blank_rows and index:
            grouped.append([])
        grouped.append([f"{prefix}{area}"])
        left_out = rng.choice(CRIMES[2:])
        missing.append((area, left_out))
        for crime in CRIMES:
            if crime == left_out:
                continue
            values = [rng.randint(10, 300) for _ in years]
            counts.update({(area, crime, y): v for y, v in zip(years, values)})
            grouped.append([crime, *values, round(100 * (values[1] - values[0]) / values[0], 1),
                            *(rng.randint(1, 30) for _ in years)])
    path = tmp_path / f"{force.lower().replace(' ', '-')}-performance-{seed}.xlsx"
    book.save(path)
    return Written(path, title, whole, counts, tuple(missing))


def _offences(frame) -> dict[tuple[str, str, int], list[float]]:
    found: dict[tuple[str, str, int], list[float]] = {}
    for record in frame[frame["measure"] == OFFENCES].itertuples(index=False):
        found.setdefault((record.area, record.crime_type, int(record.period_end[:4])), []).append(record.value)
    return found


@pytest.mark.parametrize("blank_rows", (True, False))
@pytest.mark.parametrize("prefix", PREFIXES)
@pytest.mark.parametrize("seed", range(3))
def test_grouped_rows_are_read_for_their_group_and_the_summary_for_the_titled_place(tmp_path, seed, prefix,
                                                                                     blank_rows):
    written = make_grouped_workbook(tmp_path, seed, prefix, blank_rows)
    document = load_document(written.path, {})
    read = read_performance([document])
    assert read.problems == ()
    found = _offences(read.frame)
    for key, value in written.counts.items():
        assert found.get(key) == [value], (key, sorted(found))
    assert set(found) == set(written.counts), "figures read that the workbook does not hold"
    sheet_names = set(SHEET_NAMES) | {"By area"}
    assert not sheet_names & set(read.frame["area"]), "a sheet's name read as an area"
    for area, crime in written.missing:
        assert not ((read.frame["area"] == area) & (read.frame["crime_type"] == crime)).any()


@pytest.mark.parametrize("seed", range(4))
def test_the_titled_place_stands_above_the_grouped_areas(tmp_path, seed):
    """With no force-wide figures, the place the summary's title names is the tables' whole area, its groups the
    areas within it; the force its title names is not taken for a place the tables hold."""
    from assistant.ingest.catalogue import build_catalogue

    written = make_grouped_workbook(tmp_path, seed, PREFIXES[seed % len(PREFIXES)], seed % 2 == 0)
    document = load_document(written.path, {})
    frame = read_performance([document]).frame
    catalogue = build_catalogue(frame, {document.id: document})
    assert catalogue.forces() == (written.whole,)
    assert catalogue.owner(written.whole) == written.whole  # not "Tolbury Police": no force is called that
    districts = set(catalogue.districts())
    assert districts == {area for area, _, _ in written.counts} - {written.whole}


@pytest.mark.parametrize("seed", range(4))
def test_a_workbook_is_titled_by_its_first_title_row_and_software_is_no_publisher(tmp_path, seed):
    written = make_grouped_workbook(tmp_path, seed, "Area: ", True)
    document = load_document(written.path, {})
    assert document.title == written.title
    assert document.publisher == "unknown"


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("prefix", ("Crime type: ", "Offence type - ", ""))
def test_crime_type_groups_over_rows_of_areas(tmp_path, seed, prefix):
    """Areas as the rows, grouped under crime types: each figure is read for its row's area and its group's crime
    type. A bare group reads so when the label column's header names areas ("Neighbourhood")."""
    rng = random.Random(seed)
    areas, crimes = rng.sample(PLACES, 3), rng.sample(CRIMES, 3)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Neighbourhoods"
    sheet.append([f"{rng.choice(FORCES)} Police: offences by neighbourhood, 12 months to June 2026"])
    sheet.append(["Neighbourhood", "Offences 12 months to Jun 2025", "Offences 12 months to Jun 2026"])
    truth = {}
    for crime in crimes:
        sheet.append([f"{prefix}{crime}"])
        for area in areas:
            values = [rng.randint(5, 400) for _ in range(2)]
            truth.update({(area, crime, year): value for year, value in zip((2025, 2026), values)})
            sheet.append([area, *values])
    path = tmp_path / "by-neighbourhood.xlsx"
    book.save(path)
    read = read_performance([load_document(path, {})])
    assert read.problems == ()
    found = _offences(read.frame)
    assert {key: values for key, values in found.items()} == {key: [value] for key, value in truth.items()}


def test_parts_of_a_table_stay_parts(tmp_path):
    """Label rows over different crime types ("Victim based crime", "Other crimes against society") are parts of
    one area's table, not areas: the sheet keeps its own area."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Quenby"
    sheet.append(["Solved outcomes by crime type, 12 months to May 2026"])
    sheet.append(["Crime type", "Solved outcomes 12 months to May 2025", "Solved outcomes 12 months to May 2026"])
    sheet.append(["Victim based crime"])
    sheet.append(["Robbery", 12, 15])
    sheet.append(["Shoplifting", 140, 171])
    sheet.append(["Other crimes against society"])
    sheet.append(["Drug offences", 90, 97])
    path = tmp_path / "quenby.xlsx"
    book.save(path)
    frame = read_performance([load_document(path, {})]).frame
    assert set(frame["area"]) == {"Quenby"}
    assert set(frame["measure"]) == {SOLVED}
    sections = dict(zip(frame["crime_type"], frame["section"]))
    assert sections == {"Robbery": "Victim based crime", "Shoplifting": "Victim based crime",
                        "Drug offences": "Other crimes against society"}


# --------------------------------------------------------------------------------------------- document tables


def _quarter_rows(rng: random.Random) -> tuple[list[tuple[str, ...]], dict[str, tuple[int, int]]]:
    areas = rng.sample(PLACES, 4)
    truth = {area: (rng.randint(20, 500), rng.randint(20, 500)) for area in areas}
    rows = [("Area", "Jan-Mar 2025", "Jan-Mar 2026", "Change")]
    rows += [(area, str(a), str(b), f"{100 * (b - a) / a:+.1f}%") for area, (a, b) in truth.items()]
    return rows, truth


def _word(path: Path, caption: str, rows: list[tuple[str, ...]]) -> Path:
    document = docx.Document()
    document.add_heading("Safer Quenby Partnership Board", 1)
    document.add_paragraph("Reported incidents for the quarter are shown below.")
    document.add_paragraph(caption)
    docx_table(document, rows)
    document.add_paragraph("The board noted the figures.")
    document.save(str(path))
    return path


def _pdf(path: Path, caption: str, rows: list[tuple[str, ...]]) -> Path:
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("helvetica", "B", 15)
    pdf.multi_cell(0, 9, "Safer Quenby Partnership Board", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", "", 10)
    pdf.multi_cell(0, 5, "Reported incidents for the quarter are shown below.", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.multi_cell(0, 5, caption, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    with pdf.table(col_widths=(50, 30, 30, 30), first_row_as_headings=True) as table:
        for row in rows:
            table.row(row)
    pdf.ln(3)
    pdf.multi_cell(0, 5, "The board noted the figures.", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


SUBJECTS = ("ASB incidents", "Hate crimes", "Noise complaints", "Fly-tipping reports")


@pytest.mark.parametrize("writer", (_word, _pdf))
@pytest.mark.parametrize("seed", range(3))
def test_a_quarterly_document_table_row_names_what_its_period_columns_count(tmp_path, writer, seed):
    """A row of "Tolbury | 486 | 421" under period-only headers carries the caption's subject with each period
    ("ASB incidents Jan-Mar 2026: 421"), so the row searched alone says what it counts and when; and the table is
    never read into the 12-month performance figures."""
    rng = random.Random(seed)
    subject = SUBJECTS[seed % len(SUBJECTS)]
    rows, truth = _quarter_rows(rng)
    caption = f"Table {rng.choice('ABC')}: {subject} by area, January to March 2026 compared with January to March 2025"
    suffix = "docx" if writer is _word else "pdf"
    document = load_document(writer(tmp_path / f"board-{seed}.{suffix}", caption, rows), {})
    lines = document.text.split("\n")
    for area, (before, after) in truth.items():
        line = next(line for line in lines if line.startswith(f"{area}\t"))
        assert f"{subject} Jan-Mar 2025: {before}" in line and f"{subject} Jan-Mar 2026: {after}" in line, line
        assert f"{subject} Change" not in line  # a column not named by a period keeps its own name
    assert read_performance([document]).frame.empty


def test_an_uncaptioned_table_keeps_its_plain_headers(tmp_path):
    rows, truth = _quarter_rows(random.Random(9))
    document = load_document(_word(tmp_path / "plain.docx", "The figures were discussed.", rows), {})
    area, (before, _) = next(iter(truth.items()))
    line = next(line for line in document.text.split("\n") if line.startswith(f"{area}\t"))
    assert f"\tJan-Mar 2025: {before}" in line


@pytest.mark.parametrize("author", ["openpyxl", "python-docx", "Microsoft Office User", "XlsxWriter", "  Windows  User "])
def test_software_is_never_a_publisher(author):
    from assistant.ingest.dating import publisher_from_file

    assert publisher_from_file(author) == ""


@pytest.mark.parametrize("author", ["Wexmoor Constabulary", "Quenby District Council", "Performance and Insight Team"])
def test_a_named_author_is_a_publisher(author):
    from assistant.ingest.dating import publisher_from_file

    assert publisher_from_file(author) == author
