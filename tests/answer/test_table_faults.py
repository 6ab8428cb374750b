"""No table question ends in a stack trace, and none is answered with a row nobody asked for: a summary whose tables
print no all-crime row gives no default row to a question naming none, and a fault in any answer path ends in a
plain refusal. Built on a made-up district's quarterly report (`ward_quarter_reports`), not on any corpus."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ingest"))

from ward_quarter_reports import GROUP, TOTAL, make_quarter, write_docx  # noqa: E402

from assistant import vocab  # noqa: E402
from assistant.answer.tables import TableIndex, answer_table  # noqa: E402
from assistant.answer.tables import resolve  # noqa: E402
from assistant.ingest.catalogue import build_catalogue  # noqa: E402
from assistant.ingest.corpus import load_document  # noqa: E402
from assistant.ingest.performance import read_performance  # noqa: E402
from assistant.store.build import with_area_names  # noqa: E402
from assistant.understand.question import parse  # noqa: E402

QUESTIONS = ("overall detection rate {district} q{q}", "what was the solved rate in {district}",
             "how many crimes were recorded in {district} this quarter", "what is the change % in {ward}")


def _tables(tmp_path, seed, without_total: bool):
    quarter = make_quarter(seed)
    document = load_document(write_docx(tmp_path / "quarter.docx", quarter), {})
    words = vocab.load()
    frame = with_area_names(read_performance([document]).frame, words)
    if without_total:  # a summary printing no all-crime row (nor any row others add up to)
        frame = frame[~frame.crime_type.isin((TOTAL, GROUP))].reset_index(drop=True)
    catalogue = build_catalogue(frame, {document.id: document}, words.area_kinds)
    return quarter, TableIndex(frame, catalogue), vocab.for_catalogue(words, catalogue)


def _asked(quarter, template: str) -> str:
    return template.format(district=quarter.district, q=quarter.quarter, ward=quarter.wards[-1])


@pytest.mark.parametrize("seed", range(3))
def test_no_all_crime_row_means_no_default_row_and_no_fault(tmp_path, seed):
    quarter, tables, words = _tables(tmp_path, seed, without_total=True)
    assert tables.editions[0].total not in tables.editions[0].crime_types
    with vocab.using(words):
        for template in QUESTIONS:
            result = answer_table(parse(_asked(quarter, template)), tables)
            assert result is None or not result.answerable or result.figures, template


@pytest.mark.parametrize("seed", range(2))
def test_a_fault_in_an_answer_path_is_a_plain_refusal(tmp_path, seed, monkeypatch):
    quarter, tables, words = _tables(tmp_path, seed, without_total=False)

    def broken(*_args, **_kwargs):
        raise IndexError("tuple index out of range")

    for name in ("answer_lookup", "answer_change", "answer_rank", "answer_compare"):
        monkeypatch.setattr(resolve, name, broken)
    with vocab.using(words):
        for template in QUESTIONS:
            result = answer_table(parse(_asked(quarter, template)), tables)
            assert result is not None and not result.answerable, template
            assert "Error" not in result.text and "index" not in result.text.lower() and result.text.endswith(".")
