"""Two quarterly reports of one made-up district (`ward_quarter_reports`), the later heading its incidents column
in other words: each edition answers in its own words, a question about the incidents finds the later edition's
row, and a ranking asked within one named part of the whole area is left to the documents, never answered by ranking other areas.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ingest"))

from ward_quarter_reports import INCIDENTS, make_quarter, write_docx  # noqa: E402

from assistant import vocab  # noqa: E402
from assistant.answer.tables import TableIndex, answer_table  # noqa: E402
from assistant.answer.tables.index import printed_as  # noqa: E402
from assistant.ingest.catalogue import build_catalogue  # noqa: E402
from assistant.ingest.corpus import load_document  # noqa: E402
from assistant.ingest.performance import read_performance  # noqa: E402
from assistant.store.build import with_area_names  # noqa: E402
from assistant.understand.question import parse  # noqa: E402

SPELLED_OUT = "Anti-social behaviour incidents"


def _two_editions(tmp_path, seed):
    earlier = make_quarter(seed)
    later = replace(earlier, quarter=earlier.quarter + 1,
                    incidents={ward: count + 7 for ward, count in earlier.incidents.items()})
    documents = [load_document(write_docx(tmp_path / "q-earlier.docx", earlier), {}),
                 load_document(write_docx(tmp_path / "q-later.docx", later, SPELLED_OUT), {})]
    words = vocab.load()
    frame = with_area_names(read_performance(documents).frame, words)
    catalogue = build_catalogue(frame, {d.id: d for d in documents}, words.area_kinds)
    return earlier, later, TableIndex(frame, catalogue), vocab.for_catalogue(words, catalogue)


@pytest.mark.parametrize("seed", range(3))
def test_the_incidents_row_is_found_in_each_edition_in_its_own_words(tmp_path, seed):
    earlier, later, tables, words = _two_editions(tmp_path, seed)
    newest = tables.editions[0]
    assert printed_as(INCIDENTS, newest, tables.catalogue) == SPELLED_OUT
    assert printed_as(SPELLED_OUT, tables.editions[1], tables.catalogue) == INCIDENTS
    with vocab.using(words):
        for ward in later.wards:
            result = answer_table(parse(f"how many asb incidents in {ward} in q{later.quarter} {later.fiscal()}"),
                                  tables)
            assert result is not None and result.answerable
            assert [figure.value for figure in result.figures] == [later.incidents[ward]]


@pytest.mark.parametrize("seed", range(3))
def test_a_ranking_within_one_named_area_is_not_answered_by_ranking_the_areas(tmp_path, seed):
    """The whole area named beside one of its parts: the question asks where within the part, not which area."""
    earlier, _, tables, words = _two_editions(tmp_path, seed)
    whole = tables.editions[0].force
    with vocab.using(words):
        for ward in earlier.wards:
            for asked in (f"in {whole}, where were most {ward} shop thefts",
                          f"according to the {whole} summary where was most {ward} shoplifting"):
                result = answer_table(parse(asked), tables)
                assert result is None or not result.answerable, asked
