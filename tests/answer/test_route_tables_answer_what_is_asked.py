"""The tables answer the measure, crime type and place asked, or nothing: on generated forces' workbooks.

A crime type the vocabulary knows that a force's tables print no row for ("domestic abuse offences" where no row
counts it) gets no all-crime figure; a count of something no row counts ("how many burglary gangs") gets no
figure; "across the borough" on a summary printing one area called a borough is that area, and where none is so
called, no figure for the force is given in its place."""

from __future__ import annotations

import sys
from pathlib import Path

import openpyxl
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ingest"))  # the workbook generator

from workbook_layouts import LAYOUTS, make_workbook

from assistant import vocab
from assistant.answer.tables import TableIndex, answer_table
from assistant.ingest.corpus import load_document
from assistant.ingest.measures import OFFENCES
from assistant.ingest.performance import read_performance
from assistant.understand import question

SEEDS = range(1, 30, 4)


def _force(folder: Path, seed: int, layout: str, renamed: dict[str, str] | None = None):
    """A generated force's workbook (with areas renamed in its cells), its tables and the vocabulary over them."""
    workbook = make_workbook(folder, seed, layout)
    if renamed:
        book = openpyxl.load_workbook(workbook.path)
        for sheet in book.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    if isinstance(cell.value, str) and cell.value.strip() in renamed:
                        cell.value = renamed[cell.value.strip()]
        book.save(workbook.path)
    tables = TableIndex(read_performance([load_document(workbook.path, {})]).frame)
    return workbook, tables, vocab.for_catalogue(vocab.load(), tables.catalogue)


def _ask(force, text: str):
    _, tables, words = force
    with vocab.using(words):
        return answer_table(question.parse(text), tables)


@pytest.fixture(scope="module", params=SEEDS)
def force(request, tmp_path_factory):
    return _force(tmp_path_factory.mktemp(f"route{request.param}"), request.param,
                  LAYOUTS[request.param % len(LAYOUTS)])


def test_a_crime_type_the_tables_do_not_print_gets_no_figure_for_another(force):
    workbook, tables, words = force
    printed = set(words.crime_types)
    data = words.data
    asked = 0
    for label, entry in data.crime_types.items():
        if label in printed or label == data.all_crime:
            continue
        for alias in (label.lower(), *entry.aliases):
            if not alias.replace(" ", "").isalpha():
                continue
            with vocab.using(words):
                read = question.parse(f"How many {alias} offences were recorded in {workbook.areas[0]}?")
            if read.crime_types and set(read.crime_types) != {words.all_crime}:
                continue  # the phrase is also a printed row's: that row answers
            result = _ask(force, f"How many {alias} offences were recorded in {workbook.areas[0]}?")
            assert result is None or not result.answerable, (label, alias, result.text)
            assert result is None or not result.figures, (label, alias, result.text)
            asked += 1
    assert asked > 10


def test_a_count_of_something_no_row_counts_gets_no_figure(force):
    workbook, tables, words = force
    for label in list(words.crime_types)[1:]:
        for noun in ("gangs", "members", "people"):
            result = _ask(force, f"How many organised {label.lower()} {noun} did the police disrupt in "
                                 f"{workbook.areas[-1]} in the {workbook.latest}?")
            if noun == "people":
                result = _ask(force, f"How many people were killed in {workbook.areas[-1]} in the {workbook.latest}?")
            assert result is None or not result.answerable, (label, noun, result.text)


@pytest.mark.parametrize("seed", SEEDS[:4])
@pytest.mark.parametrize("word", ["Borough", "District"])
def test_the_council_area_is_the_area_printed_as_one(tmp_path, seed, word):
    first = make_workbook(tmp_path / "plan", seed, "long") if (tmp_path / "plan").mkdir() is None else None
    area = first.areas[0]
    named = f"{area} {word}"
    force = _force(tmp_path / "renamed" if (tmp_path / "renamed").mkdir() is None else None, seed, "long",
                   {area: named})
    workbook, tables, words = force
    assert named in words.table_areas
    truth = {(cell.crime_type, cell.measure, cell.period): cell.value for cell in workbook.cells if cell.area == area}
    other = "district" if word == "Borough" else "borough"
    for label in list(words.crime_types)[:4]:
        result = _ask(force, f"How many {label.lower()} offences were recorded across the {word.lower()} in the "
                             f"{workbook.latest}?")
        assert result is not None and result.answerable, result
        figure = result.figures[0]
        assert figure.area == named, result.text
        assert figure.value == truth[(figure.crime_type, OFFENCES, workbook.latest)], result.text
        untied = _ask(force, f"How many {label.lower()} offences were recorded across the {other} in the "
                             f"{workbook.latest}?")
        assert untied is not None and not untied.answerable and not untied.figures, untied.text
