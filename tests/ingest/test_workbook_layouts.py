"""Police performance workbooks in the layouts force analysts publish (`workbook_layouts` writes them, with the
truth of every cell): every figure cell is read once, with its area, crime type, measure and period, printed as the
sheet shows it and addressed by its own cell; a question about it is answered with that figure and cites that
cell; a workbook that cannot be understood is reported by name, in plain words, and the rest is still indexed.
"""

from __future__ import annotations

import math
import random
from pathlib import Path

import openpyxl
import pytest
from workbook_layouts import LAYOUTS, PERIOD_STYLES, RATE_STYLES, make_workbook, plan

from assistant.ingest.corpus import load_corpus, load_document
from assistant.ingest.grids import parse_number
from assistant.ingest.measures import OFFENCES, SOLVED_RATE
from assistant.ingest.performance import read_performance
from assistant.ingest.table_periods import column_period, title_period

SEEDS = range(120)  # 24 workbooks of each layout


def _read(path: Path):
    document = load_document(path, {})
    return document, read_performance([document])


def _address(document, record) -> str:
    """The cell a frame record cites: its line's own address list at its position, or the CSV row."""
    location = document.location_at(record.row_start)
    return location.cells[record.position] if location.cells else location.where


# --------------------------------------------------------------------------------------------- the generator


def test_the_seeds_cover_every_layout_period_naming_and_rate_printing():
    """The property below is only as wide as the workbooks it runs on: all of them come up."""
    chosen = [plan(seed) for seed in SEEDS]
    assert {p.period_style for p in chosen} == set(PERIOD_STYLES)
    assert {p.rate_style for p in chosen} == set(RATE_STYLES)
    assert {p.mark for p in chosen} >= {"- ", "• "}
    assert {p.area_on_every_row for p in chosen} == {True, False}


# --------------------------------------------------------------------------------------------- the property


@pytest.mark.parametrize("seed", SEEDS)
def test_every_figure_cell_is_read_with_its_area_crime_type_measure_period_and_address(tmp_path, seed):
    workbook = make_workbook(tmp_path, seed, LAYOUTS[seed % len(LAYOUTS)])
    document, read = _read(workbook.path)
    assert read.problems == ()
    frame = read.frame
    by_key: dict[tuple, list] = {}
    for record in frame.itertuples(index=False):
        by_key.setdefault((record.area, record.crime_type, record.measure, record.period), []).append(record)
    for cell in workbook.cells:
        found = by_key.get((cell.area, cell.crime_type, cell.measure, cell.period), [])
        assert len(found) == 1, f"{workbook.layout}: {cell} read {len(found)} times"
        record = found[0]
        assert record.printed == cell.shown, cell
        assert (record.parent_type if isinstance(record.parent_type, str) else None) == cell.parent, cell
        assert (math.isnan(record.value) and math.isnan(cell.value)) or math.isclose(record.value, cell.value), cell
        assert _address(document, record) == cell.address, cell
    assert len(frame) == len(workbook.cells), "values read that the workbook does not hold"


@pytest.mark.parametrize("seed", SEEDS[:40])
def test_the_checks_find_nothing_wrong_in_a_consistent_workbook(tmp_path, seed):
    """Differences and rates recomputed from the counts agree with the printed ones: a figure read under the wrong
    period, measure or unit (a rate left as a fraction) would not."""
    from assistant.ingest.checks import check_frame

    workbook = make_workbook(tmp_path, seed, LAYOUTS[seed % len(LAYOUTS)])
    _, read = _read(workbook.path)
    assert list(check_frame(read.frame)["message"]) == []


@pytest.mark.parametrize("seed", SEEDS[:40])
def test_the_catalogue_learns_the_force_its_areas_and_its_total_row(tmp_path, seed):
    from assistant.ingest.catalogue import DISTRICT, FORCE, build_catalogue

    workbook = make_workbook(tmp_path, seed, LAYOUTS[seed % len(LAYOUTS)])
    document, read = _read(workbook.path)
    catalogue = build_catalogue(read.frame, {document.id: document})
    (edition,) = catalogue.editions
    assert edition.force == workbook.force
    assert edition.periods == (workbook.earlier, workbook.latest)
    kinds = {area.name: area.kind for area in catalogue.areas}
    assert kinds == {**{area: DISTRICT for area in workbook.areas}, workbook.force: FORCE}
    assert catalogue.total_row() == plan(seed).total


# --------------------------------------------------------------------------------------------- pieces


@pytest.mark.parametrize("header, title, words", [
    ("12 months to Nov 2025", None, "12 months to November 2025"),
    ("Rolling 12 months to November 2024", None, "12 months to November 2024"),
    ("Nov-24 to Oct-25", None, "12 months to October 2025"),
    ("Jan 2025 - Dec 2025", None, "12 months to December 2025"),
    ("Apr–Sep 2025", None, "6 months to September 2025"),
    ("2024/25", None, "12 months to March 2025"),
    ("FY 2023-24", None, "12 months to March 2024"),
    ("Year to date", ["April to November 2025"], "8 months to November 2025"),
    ("Previous year to date", ["April to November 2025"], "8 months to November 2024"),
    ("YTD 2025/26", ["Figures to 30 November 2025"], "8 months to November 2025"),
    ("2024", ["Rolling 12 Months to October"], "12 months to October 2024"),
    ("Current year", ["12 months to Nov 2025"], "12 months to November 2025"),
    ("Last year", ["12 months to Nov 2025"], "12 months to November 2024"),
    ("2025", None, None),  # a bare year with nothing to say which months: not a guess
    ("Change", ["12 months to Nov 2025"], None),
    ("% change", None, None),
])
def test_column_headers_name_their_period(header, title, words):
    period = column_period(header, title_period(title) if title else None)
    assert (period.words if period else None) == words


@pytest.mark.parametrize("printed, value", [
    ("1,234", 1234.0), ("21.3%", 21.3), ("0.213", 0.213), ("(12)", -12.0), ("\u221212", -12.0),
    ("+1.6 pts", 1.6), ("-2 points", -2.0), ("-", None), ("n/a", None), ("twelve", None), ("2024/25", None),
])
def test_printed_numbers(printed, value):
    assert parse_number(printed) == value


# --------------------------------------------------------------------------------------------- what cannot be read


def _unreadable(path: Path) -> Path:
    """A workbook with the look of a performance table whose columns name no period."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Figures"
    sheet.append(["Quarterly crime report"])
    sheet.append([])
    sheet.append(["Area", "Crime type", "Offences", None, "Solved outcomes", None])
    sheet.append([None, None, "Column A", "Column B", "Column A", "Column B"])
    sheet.append(["Torlis", "Shoplifting", 120, 130, 20, 22])
    book.save(path)
    return path


def test_an_unreadable_workbook_is_reported_by_name_and_the_rest_is_indexed(tmp_path):
    taken: set[str] = set()
    good = [make_workbook(tmp_path, seed, layout, taken) for seed, layout in ((7, "long"), (8, "per_measure"))]
    bad = _unreadable(tmp_path / "quarterly-report.xlsx")
    (tmp_path / "damaged.xlsx").write_bytes(good[0].path.read_bytes()[:300])
    loaded = load_corpus(tmp_path)
    assert [p.file for p in loaded.problems] == ["damaged.xlsx"]
    read = read_performance(loaded.documents)
    assert len(read.frame) == sum(len(workbook.cells) for workbook in good)
    (file, message), = read.problems
    assert file == bad.name
    assert "Sheet 'Figures' of quarterly-report.xlsx" in message and "left out" in message
    assert "which months" in message


# --------------------------------------------------------------------------------------------- answers


@pytest.fixture(scope="module")
def workbook_engine(tmp_path_factory):
    """One index of a workbook in each layout (each its own force and areas) and one unreadable workbook."""
    from assistant.engine import Assistant
    from assistant.store.build import build_index

    corpus = tmp_path_factory.mktemp("workbooks")
    taken: set[str] = set()
    books = [make_workbook(corpus, 500 + i, layout, taken) for i, layout in enumerate(LAYOUTS)]
    _unreadable(corpus / "quarterly-report.xlsx")
    index = tmp_path_factory.mktemp("workbook-index")
    report = build_index(corpus, index)
    return books, report, Assistant.load(index)


def _questions(workbook, rng: random.Random) -> list[tuple[str, object]]:
    """Questions about cells picked at random: counts for a stated period, the latest solved rate."""
    counts = [c for c in workbook.cells if c.measure == OFFENCES and c.period.startswith("12 months")]
    rates = [c for c in workbook.cells if c.measure == SOLVED_RATE and c.period == workbook.latest
             and not math.isnan(c.value)]
    asked = [(f"How many {c.crime_type} offences were recorded in {c.area} in the {c.period}?", c)
             for c in rng.sample(counts, min(3, len(counts)))]
    asked += [(f"What was the solved rate for {c.crime_type} in {c.area}?", c) for c in rng.sample(rates, 2)]
    return asked


@pytest.mark.slow
@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_question_about_a_cell_is_answered_with_it_and_cites_it(workbook_engine, layout):
    from assistant.answer.tables.wording import show

    books, _, engine = workbook_engine
    workbook = next(book for book in books if book.layout == layout)
    for question, cell in _questions(workbook, random.Random(layout)):
        answer = engine.ask(question)
        assert answer.answerable, (question, answer.text)
        figure = next((f for f in answer.figures if (f.area, f.crime_type, f.measure, f.period)
                       == (cell.area, cell.crime_type, cell.measure, cell.period)), None)
        assert figure is not None and math.isclose(figure.value, cell.value), (question, answer.text)
        assert show(cell.value, cell.measure) in answer.text, (question, answer.text)
        citation = answer.citations[figure.citation - 1]
        assert citation.locator.endswith(f"({cell.address})"), (question, citation.locator)


@pytest.mark.slow
def test_the_build_reports_the_unreadable_workbook_and_indexes_the_rest(workbook_engine):
    books, report, engine = workbook_engine
    assert [p["file"] for p in report.problems if "looks like" in p["message"]] == ["quarterly-report.xlsx"]
    assert len(engine.index.frame) == sum(len(book.cells) for book in books)
